package service

// PltStore is the storage Plt needs.
type PltStore interface{}

// Plt holds the use cases of this resource.
type Plt struct {
	Base
	Store PltStore
}
