package domain

import "time"

// PenggunaFilter narrows a list of accounts. An empty InstansiID lists every
// account (SUPERADMIN only). UnitPath, when set, limits the list to PEGAWAI-only
// accounts of employees whose unit on AsOf lies in that subtree (an ADMIN_UNIT's
// reach).
type PenggunaFilter struct {
	InstansiID string
	Q          string // substring of the username
	Role       Role
	Nonaktif   *bool
	UnitPath   string
	AsOf       time.Time
	Offset     int
	Limit      int
}

// PenggunaPegawai is what account management needs to know of an employee: who it
// is and the path of the unit it works in on the date asked (empty if it has no
// position then).
type PenggunaPegawai struct {
	ID       string
	NIP      string
	UnitPath string
}
