package domain

import (
	"fmt"
	"time"
)

// PegawaiFilter narrows a list of employees as of a date. Every item is the identity
// joined with the riwayat row in force on AsOf.
type PegawaiFilter struct {
	InstansiID string
	AsOf       time.Time
	// UnitKerjaID keeps employees of this unit and its sub-units.
	UnitKerjaID string
	// ScopePath keeps employees whose unit path starts with it (an ADMIN_UNIT's subtree).
	ScopePath string
	JabatanID string
	JenisASN  string
	Status    string
	Golongan  string
	Q         string // nama or NIP
	Offset    int
	Limit     int // 0: no limit (export)
}

// AllStatus lists every employment status in a stable order.
var AllStatus = []StatusKepegawaian{StatusAktif, StatusCLTN, StatusTugasBelajar, StatusDiberhentikanSementara,
	StatusMPP, StatusPensiun, StatusDiberhentikan, StatusMeninggal, StatusPindah}

// ValidStatus checks an employment status name.
func ValidStatus(field, s string) error {
	for _, k := range AllStatus {
		if string(k) == s {
			return nil
		}
	}
	return Invalid(field, "status_invalid",
		fmt.Sprintf("Status kepegawaian %q tidak dikenal.", s),
		fmt.Sprintf("Unknown employment status %q.", s))
}

// ValidJenisASN checks a jenis ASN name.
func ValidJenisASN(field, s string) error {
	switch JenisASN(s) {
	case JenisPNS, JenisCPNS, JenisPPPK:
		return nil
	}
	return Invalid(field, "jenis_asn_invalid",
		fmt.Sprintf("Jenis ASN %q tidak dikenal (PNS, CPNS atau PPPK).", s),
		fmt.Sprintf("Unknown jenis ASN %q (PNS, CPNS or PPPK).", s))
}

// MinimumAgeAtTMT is the youngest age at which a CPNS or PPPK is appointed
// (PP 11/2017 Ps. 23: applicants are at least 18).
const MinimumAgeAtTMT = 18

// ValidateTMT checks that the appointment date is not before the 18th birthday.
func ValidateTMT(field string, birth, tmt time.Time) error {
	if tmt.Before(birth.AddDate(MinimumAgeAtTMT, 0, 0)) {
		return Invalid(field, "tmt_too_early",
			fmt.Sprintf("TMT %s lebih awal dari usia %d tahun (lahir %s menurut NIP).", tmt.Format(time.DateOnly), MinimumAgeAtTMT, birth.Format(time.DateOnly)),
			fmt.Sprintf("TMT %s is before the age of %d (born %s according to the NIP).", tmt.Format(time.DateOnly), MinimumAgeAtTMT, birth.Format(time.DateOnly)))
	}
	return nil
}

// JenisKelaminOf is the L/P code of a parsed NIP's gender digit.
func JenisKelaminOf(info NIPInfo) string {
	if info.Male {
		return "L"
	}
	return "P"
}

// JenisPerubahan names the riwayat entry that moves an employee from one state to
// another: a new position is a MUTASI, else a new golongan a KENAIKAN_PANGKAT, else a
// new status a PERUBAHAN_STATUS. ok is false when nothing differs.
func JenisPerubahan(from, to Riwayat) (jenis string, ok bool) {
	switch {
	case from.JabatanID != to.JabatanID:
		return "MUTASI", true
	case from.Golongan != to.Golongan:
		return "KENAIKAN_PANGKAT", true
	case from.Status != to.Status:
		return "PERUBAHAN_STATUS", true
	}
	return "", false
}

// InForce returns the entry of history (any order) in force on d: the latest
// BerlakuMulai on or before d.
func InForce(history []Riwayat, d time.Time) (Riwayat, bool) {
	var best Riwayat
	found := false
	for _, r := range history {
		if r.BerlakuMulai.After(d) {
			continue
		}
		if !found || r.BerlakuMulai.After(best.BerlakuMulai) {
			best, found = r, true
		}
	}
	return best, found
}
