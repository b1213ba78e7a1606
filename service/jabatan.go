package service

// JabatanStore is the storage Jabatan needs.
type JabatanStore interface{}

// Jabatan holds the use cases of this resource.
type Jabatan struct {
	Base
	Store JabatanStore
}
