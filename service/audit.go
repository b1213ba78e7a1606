package service

// AuditStore is the storage Audit needs.
type AuditStore interface{}

// Audit holds the use cases of this resource.
type Audit struct {
	Base
	Store AuditStore
}
