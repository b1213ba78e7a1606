// Package kinerja holds the API contract, embedded so that the binary serves it and
// validates requests against it with nothing on disk.
package kinerja

import _ "embed"

// OpenAPI is openapi.yaml, the contract every layer is generated from or checked against.
//
//go:embed openapi.yaml
var OpenAPI []byte
