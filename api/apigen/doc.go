// Package apigen is generated from openapi.yaml by oapi-codegen (strict Echo server and
// models). Never edit apigen.gen.go: change the spec and run `go generate ./...`.
package apigen

//go:generate go tool oapi-codegen -config config.yaml ../../openapi.yaml
