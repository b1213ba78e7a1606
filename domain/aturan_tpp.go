package domain

import "time"

// AturanTPP is one stored version of an instansi's TPP rule profile. A version is in
// force from BerlakuMulai (the first of a month) until the next version starts.
// Once an approved payroll run used it (Digunakan), it never changes again: a new
// regulation is a new version.
type AturanTPP struct {
	ID            string
	InstansiID    string
	Versi         int
	Nama          string
	DasarHukum    string
	Keterangan    string
	BerlakuMulai  time.Time
	BerlakuSampai *time.Time // the day before the next version starts; nil for the latest
	Profil        ProfilTPP
	Digunakan     bool
	Version       int
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// BerlakuUntuk picks the version in force on the first day of the month from versions
// sorted by BerlakuMulai ascending; false when none has started yet.
func BerlakuUntuk(versions []AturanTPP, tahun int, bulan time.Month) (AturanTPP, bool) {
	first := time.Date(tahun, bulan, 1, 0, 0, 0, 0, time.UTC)
	var out AturanTPP
	found := false
	for _, v := range versions {
		if v.BerlakuMulai.After(first) {
			break
		}
		out, found = v, true
	}
	return out, found
}

// ModePagu says what happens to a payroll run over its unit's budget.
type ModePagu string

// Over-budget modes.
const (
	PaguPeringatan ModePagu = "PERINGATAN" // approved, with the excess recorded
	PaguBlokir     ModePagu = "BLOKIR"     // cannot be approved
)

// PaguTPP is an instansi's TPP budget of a fiscal year, per unit. A pegawai's cost
// counts against the nearest unit at or above theirs that has a line.
type PaguTPP struct {
	InstansiID string
	Tahun      int
	Mode       ModePagu
	Unit       []PaguUnit
	Version    int // 0 until first saved
}

// PaguUnit is one unit's line of the budget, with what approved runs used of it.
type PaguUnit struct {
	UnitKerjaID   string
	UnitKerjaNama string
	UnitPath      string
	Jumlah        int64
	Terpakai      int64
}

// MasukanTPP is a pegawai's month of payroll inputs from the salary system.
type MasukanTPP struct {
	InstansiID          string
	PegawaiID           string
	NIP                 string
	Nama                string
	Tahun               int
	Bulan               time.Month
	TunjanganProfesi    int64
	PenghasilanLainBPJS int64
	PotonganLain        []PotonganFakta
}
