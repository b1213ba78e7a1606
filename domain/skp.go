package domain

import (
	"fmt"
	"math/big"
	"strings"
	"time"
)

// StatusSKP is where an SKP stands in its approval workflow.
type StatusSKP string

// SKP statuses: DRAFT → DIAJUKAN → DISETUJUI, or → DIKEMBALIKAN (with a reason) and
// back to DIAJUKAN. A change after approval opens a new revision in DRAFT.
const (
	SKPDraft        StatusSKP = "DRAFT"
	SKPDiajukan     StatusSKP = "DIAJUKAN"
	SKPDisetujui    StatusSKP = "DISETUJUI"
	SKPDikembalikan StatusSKP = "DIKEMBALIKAN"
)

// Berakhlak lists the seven core values (SE MenPANRB 20/2021) in their official order.
var Berakhlak = []string{"BERORIENTASI_PELAYANAN", "AKUNTABEL", "KOMPETEN", "HARMONIS", "LOYAL", "ADAPTIF", "KOLABORATIF"}

// SKP is a pegawai's performance plan for (part of) a year, agreed with the rater.
type SKP struct {
	ID, InstansiID, PegawaiID            string
	NIP, Nama                            string
	Tahun                                int
	PeriodeMulai                         time.Time
	PeriodeSelesai                       time.Time
	JabatanID, JabatanNama               string
	UnitKerjaID, UnitKerjaNama, UnitPath string
	Penilai, AtasanPenilai               *Pejabat
	Pendekatan                           string // KUANTITATIF or KUALITATIF
	Status                               StatusSKP
	Revisi                               int
	AlasanPengembalian                   string
	DiajukanAt, DisetujuiAt              *time.Time
	RHK                                  []RHK
	Ekspektasi                           []Ekspektasi
	Version                              int
	CreatedAt, UpdatedAt                 time.Time
}

// Pejabat is a person acting in a role of the appraisal (rater, rater's superior).
type Pejabat struct {
	PegawaiID, NIP, Nama, JabatanNama string
}

// RHK is a Rencana Hasil Kerja; RHKAtasanID links it to the rater's RHK it intervenes.
type RHK struct {
	ID, SKPID       string
	Jenis           string // UTAMA or TAMBAHAN
	Uraian          string
	RHKAtasanID     string
	RHKAtasanUraian string
	Indikator       []IKI
}

// IKI is an individual performance indicator with its target. Target is an exact
// decimal string.
type IKI struct {
	ID, RHKID string
	Aspek     string // KUANTITAS, KUALITAS, WAKTU, BIAYA
	Uraian    string
	Target    string
	Satuan    string
	Polaritas string // LEBIH_TINGGI or LEBIH_RENDAH
}

// Ekspektasi is the leader's specific expectation for one BerAKHLAK value.
type Ekspektasi struct {
	Nilai, Ekspektasi string
}

// Editable reports whether the content may change: only before submission or after
// it was returned.
func (s SKP) Editable() bool { return s.Status == SKPDraft || s.Status == SKPDikembalikan }

// Approved reports whether some revision of the SKP was approved, so that it can be
// evaluated and activities can be logged against it.
func (s SKP) Approved() bool { return s.Status == SKPDisetujui || s.Revisi > 1 }

// IKIByID finds an indicator of the SKP with its RHK.
func (s SKP) IKIByID(id string) (IKI, RHK, bool) {
	for _, r := range s.RHK {
		for _, k := range r.Indikator {
			if k.ID == id {
				return k, r, true
			}
		}
	}
	return IKI{}, RHK{}, false
}

// RHKByID finds an RHK of the SKP.
func (s SKP) RHKByID(id string) (RHK, bool) {
	for _, r := range s.RHK {
		if r.ID == id {
			return r, true
		}
	}
	return RHK{}, false
}

var errSKPTransition = func(from StatusSKP, action string) error {
	return Conflict("skp_status", fmt.Sprintf("SKP berstatus %s tidak dapat di%s.", from, action),
		fmt.Sprintf("An SKP in status %s cannot be %s.", from, map[string]string{"ajukan": "submitted", "setujui": "approved",
			"kembalikan": "returned", "revisi": "revised", "ubah": "changed", "hapus": "deleted"}[action]))
}

// CheckTransition tells whether the SKP may take the action (ajukan, setujui,
// kembalikan, revisi, ubah, hapus) in its current status.
func (s SKP) CheckTransition(action string) error {
	ok := false
	switch action {
	case "ajukan":
		ok = s.Editable()
	case "setujui", "kembalikan":
		ok = s.Status == SKPDiajukan
	case "revisi":
		ok = s.Status == SKPDisetujui
	case "ubah":
		ok = s.Editable()
	case "hapus":
		ok = s.Status != SKPDisetujui && s.Revisi == 1
	}
	if !ok {
		return errSKPTransition(s.Status, action)
	}
	return nil
}

// CheckSubmittable refuses to submit an SKP without RHK utama.
func (s SKP) CheckSubmittable() error {
	for _, r := range s.RHK {
		if r.Jenis == "UTAMA" {
			return nil
		}
	}
	return Unprocessable("skp_tanpa_rhk", "SKP belum memiliki RHK utama.", "The SKP has no RHK utama yet.")
}

// ValidateSKPIsi checks the content of an SKP: each RHK utama names the rater's RHK
// it intervenes when the pegawai has a rater (atasanRHK holds the ids of the rater's
// RHK for the year), RHK tambahan may stand alone, targets are exact non-negative
// decimals, expectations name each value at most once.
func ValidateSKPIsi(rhk []RHK, ekspektasi []Ekspektasi, hasRater bool, atasanRHK map[string]bool) error {
	var v Validation
	for i, r := range rhk {
		f := fmt.Sprintf("rhk/%d", i)
		if strings.TrimSpace(r.Uraian) == "" {
			v.Add(f+"/uraian", "required", "Uraian RHK wajib diisi.", "The RHK description is required.")
		}
		switch {
		case r.RHKAtasanID != "" && !atasanRHK[r.RHKAtasanID]:
			v.Add(f+"/rhk_atasan_id", "rhk_atasan_unknown",
				"RHK atasan tidak ditemukan pada SKP pejabat penilai tahun yang sama.",
				"The superior's RHK is not in the rater's SKP of the same year.")
		case r.RHKAtasanID == "" && r.Jenis == "UTAMA" && hasRater:
			v.Add(f+"/rhk_atasan_id", "rhk_atasan_required",
				"RHK utama wajib mengintervensi RHK pejabat penilai.",
				"An RHK utama must name the rater's RHK it intervenes.")
		}
		for j, k := range r.Indikator {
			g := fmt.Sprintf("%s/indikator/%d", f, j)
			if strings.TrimSpace(k.Uraian) == "" {
				v.Add(g+"/uraian", "required", "Uraian indikator wajib diisi.", "The indicator description is required.")
			}
			if t, ok := new(big.Rat).SetString(k.Target); !ok || t.Sign() < 0 {
				v.Add(g+"/target", "target_invalid", "Target harus berupa angka tidak negatif.", "The target must be a non-negative number.")
			}
		}
	}
	seen := map[string]bool{}
	for i, e := range ekspektasi {
		if seen[e.Nilai] {
			v.Add(fmt.Sprintf("ekspektasi/%d/nilai", i), "duplicate", "Nilai BerAKHLAK disebut lebih dari sekali.",
				"A BerAKHLAK value is named more than once.")
		}
		seen[e.Nilai] = true
	}
	return v.Err()
}

// SKPFilter selects SKP for a list; empty fields do not filter.
type SKPFilter struct {
	InstansiID  string
	Tahun       int
	NIP         string
	Status      StatusSKP
	UnitKerjaID string // the unit and its subtree
	ScopePath   string // an ADMIN_UNIT's subtree
	PenilaiID   string // only SKP rated by this pegawai
	TerkaitID   string // only SKP this pegawai owns, rates or is the rater's superior of
	Offset      int
	Limit       int
}

// RevisiSKP is an approved revision of an SKP as it was approved.
type RevisiSKP struct {
	Revisi        int
	DisetujuiAt   time.Time
	DisetujuiOleh Pejabat
	Pendekatan    string
	RHK           []RHK
	Ekspektasi    []Ekspektasi
}

// KaskadeRHK is one RHK in a cascade with the RHK that intervene it.
type KaskadeRHK struct {
	RHKID, Jenis, Uraian, SKPID, RHKAtasanID string
	NIP, Nama, JabatanNama                   string
	Turunan                                  []KaskadeRHK
}
