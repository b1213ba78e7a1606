package domain

import "time"

// KerjaFleksibel is a recorded flexible work arrangement: who authorised it and on
// what basis, around the rule it sets (Fleksibel).
type KerjaFleksibel struct {
	ID         string
	InstansiID string
	NIP        string
	Nama       string
	UnitPath   string // the pegawai's unit today, for an administrator's scope
	Fleksibel
	NomorSK    string
	Keterangan string
	DibuatOleh string
	CreatedAt  time.Time
}

// KerjaFleksibelFilter selects arrangements.
type KerjaFleksibelFilter struct {
	InstansiID  string
	NIP         string
	BerlakuPada *time.Time
	Jangkauan   Jangkauan
	AsOf        time.Time // the date whose unit places the pegawai in a scope
	Offset      int
	Limit       int
}
