package service

// UnitKerjaStore is the storage UnitKerja needs.
type UnitKerjaStore interface{}

// UnitKerja holds the use cases of this resource.
type UnitKerja struct {
	Base
	Store UnitKerjaStore
}
