package service

// KlienAPIStore is the storage KlienAPI needs.
type KlienAPIStore interface{}

// KlienAPI holds the use cases of this resource.
type KlienAPI struct {
	Base
	Argon2 Argon2Params
	Store  KlienAPIStore
}
