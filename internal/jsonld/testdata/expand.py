"""Expands JSON-LD documents with pyld, offline.

Usage: expand.py OUT IN...

Writes to OUT a JSON array with the expanded form of each IN, in order. schema.org's
context is read from schemaorg-context.jsonld beside this script, written for Roneo's
tests from the vocabulary (schema.org cannot be fetched here); any other remote document
is refused, so a test never depends on the network or on a context it did not choose.
"""

import json
import os
import sys

from pyld import jsonld

CONTEXT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schemaorg-context.jsonld")

# The addresses a document may name schema.org's context by: the vocabulary with or
# without its slash, over either scheme, and the context file its Link header points to.
SCHEMA_ORG = {"schema.org", "schema.org/docs/jsonldcontext.json", "schema.org/docs/jsonldcontext.jsonld"}


def load_document(url, options=None):
    for scheme in ("https://", "http://"):
        if url.startswith(scheme) and url[len(scheme):].rstrip("/") in SCHEMA_ORG:
            with open(CONTEXT_FILE, encoding="utf-8") as f:
                context = json.load(f)
            return {"contentType": "application/ld+json", "contextUrl": None,
                    "documentUrl": url, "document": context}
    raise jsonld.JsonLdError("refusing to load %s: only schema.org's context is known offline" % url,
                             "jsonld.LoadDocumentError", {"url": url}, code="loading document failed")


def main(out, inputs):
    jsonld.set_document_loader(load_document)
    expanded = []
    for path in inputs:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        expanded.append(jsonld.expand(doc, {"documentLoader": load_document}))
    with open(out, "w", encoding="utf-8") as f:
        json.dump(expanded, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
