package domain

import (
	"fmt"
	"strings"
	"time"
)

// StatusDokumenIzin is where an absence document stands: filed, then approved or refused
// once by the pegawai's rater or an administrator.
type StatusDokumenIzin string

// Absence document statuses.
const (
	IzinDiajukan  StatusDokumenIzin = "DIAJUKAN"
	IzinDisetujui StatusDokumenIzin = "DISETUJUI"
	IzinDitolak   StatusDokumenIzin = "DITOLAK"
)

// Izin is an absence document (cuti, dinas luar, tugas belajar, WFA) of one pegawai
// over an inclusive range of local dates.
type Izin struct {
	ID          string
	InstansiID  string
	PegawaiID   string
	NIP         string
	Nama        string
	UnitPath    string // the pegawai's unit on the date the document was read as of
	Jenis       JenisIzin
	Mulai       time.Time // first date, midnight UTC
	Selesai     time.Time // last date, inclusive
	AnakKe      int       // child order, for CUTI_MELAHIRKAN; 0 otherwise
	NomorSurat  string
	Keterangan  string
	Status      StatusDokumenIzin
	DiputusOleh string
	DiputusAt   *time.Time
	Catatan     string
	DibuatOleh  string
	Version     int
	CreatedAt   time.Time
}

// Dokumen is the document as the day classification reads it.
func (z Izin) Dokumen() DokumenIzin {
	return DokumenIzin{Jenis: z.Jenis, Mulai: z.Mulai, Selesai: z.Selesai, AnakKe: z.AnakKe}
}

// Menghalangi reports whether the document still holds its dates against another
// one: a filed or approved document does, a refused one does not.
func (z Izin) Menghalangi() bool { return z.Status == IzinDiajukan || z.Status == IzinDisetujui }

// Beririsan reports whether the inclusive date ranges [mulaiA, selesaiA] and
// [mulaiB, selesaiB] share at least one date.
func Beririsan(mulaiA, selesaiA, mulaiB, selesaiB time.Time) bool {
	return !mulaiA.After(selesaiB) && !mulaiB.After(selesaiA)
}

// ParseJenisIzin reads an absence document type, naming field on failure.
func ParseJenisIzin(field, s string) (JenisIzin, error) {
	for _, j := range AllJenisIzin {
		if string(j) == s {
			return j, nil
		}
	}
	return "", Invalid(field, "jenis_izin_invalid",
		fmt.Sprintf("Jenis izin %q tidak dikenal.", s), fmt.Sprintf("Unknown absence document type %q.", s))
}

// IzinBaru is a document as filed, before it is stored.
type IzinBaru struct {
	Jenis   JenisIzin
	Mulai   time.Time // midnight UTC
	Selesai time.Time // midnight UTC, inclusive
	AnakKe  int       // 0 when not given
}

// Validate checks the rules that need nothing stored: the range runs forward, and the
// child order is given for maternity leave (its pay rule may depend on it, e.g. no
// TPP from the third child in some Perkada, domain.md §3.5) and only for it.
func (z IzinBaru) Validate() error {
	var v Validation
	if _, err := ParseJenisIzin("jenis", string(z.Jenis)); err != nil {
		v.Merge("", err)
	}
	if z.Selesai.Before(z.Mulai) {
		v.Add("selesai", "time_order", "Tanggal selesai tidak boleh sebelum tanggal mulai.",
			"The end date must not be before the start date.")
	}
	switch {
	case z.Jenis == IzinCutiMelahirkan && z.AnakKe < 1:
		v.Add("anak_ke", "required", "Anak ke- wajib diisi untuk cuti melahirkan.",
			"The child order is required for maternity leave.")
	case z.Jenis != IzinCutiMelahirkan && z.AnakKe != 0:
		v.Add("anak_ke", "not_allowed", "Anak ke- hanya diisi untuk cuti melahirkan.",
			"The child order is only given for maternity leave.")
	}
	return v.Err()
}

// CekTMT refuses a document that starts before the pegawai entered service (TMT):
// there is no attendance to excuse before it. A zero TMT is no limit.
func (z IzinBaru) CekTMT(tmt time.Time) error {
	if !tmt.IsZero() && z.Mulai.Before(tmt) {
		return Invalid("mulai", "before_tmt",
			fmt.Sprintf("Tanggal mulai sebelum TMT pegawai (%s).", tmt.Format(time.DateOnly)),
			fmt.Sprintf("The start date is before the pegawai's TMT (%s).", tmt.Format(time.DateOnly)))
	}
	return nil
}

// IzinBentrok is the conflict of a new document with another of the same pegawai that
// still holds overlapping dates; it names the other document's dates so the filer can
// find it.
func IzinBentrok(lain Izin) error {
	m, s := lain.Mulai.Format(time.DateOnly), lain.Selesai.Format(time.DateOnly)
	e := Conflict("izin_overlap",
		fmt.Sprintf("Rentang tanggal beririsan dengan izin %s %s s.d. %s (%s) milik pegawai yang sama.", lain.Jenis, m, s, lain.Status),
		fmt.Sprintf("The dates overlap the same pegawai's %s document of %s to %s (%s).", lain.Jenis, m, s, lain.Status))
	e.Fields = []FieldError{{Field: "mulai", Code: "izin_overlap", Text: e.Text}}
	return e
}

// Putuskan decides a filed document: DISETUJUI, or DITOLAK with a note saying why. A
// document is decided once; deciding it again is a conflict.
func (z Izin) Putuskan(keputusan StatusDokumenIzin, catatan, oleh string, at time.Time) (Izin, error) {
	catatan = strings.TrimSpace(catatan)
	switch keputusan {
	case IzinDisetujui:
	case IzinDitolak:
		if catatan == "" {
			return z, Invalid("catatan", "required", "Catatan wajib diisi bila izin ditolak.",
				"A note is required when the document is refused.")
		}
	default:
		return z, Invalid("keputusan", "keputusan_invalid", "Keputusan harus DISETUJUI atau DITOLAK.",
			"The decision must be DISETUJUI or DITOLAK.")
	}
	if z.Status != IzinDiajukan {
		return z, Conflict("izin_sudah_diputus",
			fmt.Sprintf("Izin ini sudah diputus (%s).", z.Status), fmt.Sprintf("This document was already decided (%s).", z.Status))
	}
	at = at.UTC()
	z.Status, z.Catatan, z.DiputusOleh, z.DiputusAt = keputusan, catatan, oleh, &at
	return z, nil
}

// Jangkauan limits a list to the pegawai a caller may see. Semua is the whole
// instansi; otherwise the rows of PegawaiIDs and of the pegawai placed in the unit
// subtree ScopePath (when set) on the list's date; nothing when both are empty.
type Jangkauan struct {
	Semua      bool
	PegawaiIDs []string
	ScopePath  string
}

// IzinFilter selects absence documents.
type IzinFilter struct {
	InstansiID string
	AsOf       time.Time // the date whose unit placement ScopePath is read on
	Jangkauan  Jangkauan
	KecualiID  string // leave out this pegawai's documents
	NIP        string
	Status     StatusDokumenIzin
	Dari       *time.Time // documents ending on or after this date
	Sampai     *time.Time // documents starting on or before this date
	Offset     int
	Limit      int
}
