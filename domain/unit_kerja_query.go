package domain

import "time"

// UnitKerjaFilter narrows a flat list of units.
type UnitKerjaFilter struct {
	InstansiID string
	Q          string // on nama and kode
	ParentID   string // only the direct children of this unit
	Root       bool   // only OPD (level 0)
	Offset     int
	Limit      int
}

// JabatanFilter narrows a list of positions. Tanggal is the date holders (and so
// vacancy) are computed for.
type JabatanFilter struct {
	InstansiID   string
	UnitKerjaID  string // positions of this unit and of every unit below it
	Jenis        JenisJabatan
	KelasJabatan int   // 0: any
	Kosong       *bool // true: fewer definitive holders than kebutuhan; false: filled
	Q            string
	Tanggal      time.Time
	Offset       int
	Limit        int
}

// PltFilter narrows a list of acting assignments.
type PltFilter struct {
	InstansiID string
	JabatanID  string
	AktifPada  *time.Time // only assignments in force on this date
	Offset     int
	Limit      int
}
