#!/usr/bin/env bash
# Installs what Roneo's tests need and a fresh machine lacks: Debian's chromium for the
# browser tests, and the Nu HTML Checker and axe-core (from the shared validators) for
# the HTML and accessibility tests, and versitygw for the S3 tests. Safe to run again:
# it skips what is there.
# Usage: install-test-deps.sh [validators]   (validators: only what the validators need)
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "install-test-deps: need root to run: $*" >&2; return 1; fi
}

# Debian's packages: chromium (browser tests, and axe-core runs in it), java (the Nu
# HTML Checker), node (axe-core, the JSON Feed schema), Python's feedparser (feeds as
# readers' software parses them), pyld (JSON-LD), xmllint (the sitemap schema) and
# exiftool (no metadata left in cleaned photos).
install_apt() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v xmllint >/dev/null || missing+=(libxml2-utils)
  command -v exiftool >/dev/null || missing+=(libimage-exiftool-perl)
  /usr/bin/python3 -c 'import feedparser' 2>/dev/null || missing+=(python3-feedparser)
  /usr/bin/python3 -c 'import pyld' 2>/dev/null || missing+=(python3-pyld)
  command -v java >/dev/null || missing+=(default-jre-headless)
  command -v node >/dev/null || missing+=(nodejs npm)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "install-test-deps: installing ${missing[*]} with apt"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# The validators' runner scripts come from the shared tools next to this repository;
# only the packages the tests use are installed, not the whole toolbox.
install_validators() {
  local shared=../shared/tools/validators dest=.cache/validators
  if [ ! -d "$shared" ]; then
    echo "install-test-deps: $shared not found; the validator tests will be skipped (in CI, they fail)" >&2
    return 0
  fi
  mkdir -p "$dest"
  cp "$shared"/vnu-check.sh "$shared"/axe-check.mjs "$shared"/jsonfeed-check.mjs "$shared"/feedparser-check.py "$shared"/sitemap-check.sh "$dest"/
  local m
  for m in vnu-jar/build/dist/vnu.jar playwright-core axe-core ajv ajv-formats jsonfeed-schema; do
    [ -e "$dest/node_modules/$m" ] || m=missing
    [ "$m" != missing ] || break
  done
  if [ "$m" = missing ]; then
    echo "install-test-deps: installing the HTML and accessibility validators (npm)"
    cat > "$dest/package.json" <<'JSON'
{"name":"roneo-test-validators","private":true,"type":"module",
 "dependencies":{"ajv":"^8.20.0","ajv-formats":"^3.0.1","axe-core":"^4.14.1","jsonfeed-schema":"^0.5.0",
  "playwright-core":"^1.65.1","vnu-jar":"^26.9.27"}}
JSON
    (cd "$dest" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

# versitygw, an S3-compatible gateway (Apache-2.0), is the real S3 server the media tests
# run against (internal/media/mediatest starts one per test from .cache/bin, which the
# Makefile passes as RONEO_BIN). Built from source with the Go toolchain.
install_versitygw() {
  if [ ! -x .cache/bin/versitygw ]; then
    echo "install-test-deps: building versitygw v1.8.0 into .cache/bin (a few minutes the first time)"
    mkdir -p .cache/bin
    GOBIN="$PWD/.cache/bin" go install github.com/versity/versitygw/cmd/versitygw@v1.8.0
  fi
}

install_apt
install_validators
if [ "${1:-}" != validators ]; then
  install_versitygw
fi
