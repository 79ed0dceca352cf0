// Package webkit is what the public site and the newsroom share of HTTP: one table from
// errors to statuses, answers built once with their compressed variants and validators,
// content-hashed static files, and security headers set on every answer.
//
// It imports the store's and the domain's errors to classify them, and nothing of the
// site, the newsroom or a backend.
package webkit
