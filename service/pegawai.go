package service

// PegawaiStore is the storage Pegawai needs.
type PegawaiStore interface{}

// Pegawai holds the use cases of this resource.
type Pegawai struct {
	Base
	Store PegawaiStore
}
