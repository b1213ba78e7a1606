package service

// PenggunaStore is the storage Pengguna needs.
type PenggunaStore interface{}

// Pengguna holds the use cases of this resource.
type Pengguna struct {
	Base
	Argon2 Argon2Params
	Store  PenggunaStore
}
