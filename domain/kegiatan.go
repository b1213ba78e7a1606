package domain

import (
	"fmt"
	"strings"
	"time"
)

// Activity statuses: a pegawai records an activity (DIAJUKAN); their rater accepts
// (DITERIMA) or rejects it with a note (DITOLAK). A rejected activity may be corrected,
// which submits it again.
const (
	KegiatanDiajukan = "DIAJUKAN"
	KegiatanDiterima = "DITERIMA"
	KegiatanDitolak  = "DITOLAK"
)

// Kegiatan is one activity a pegawai records against an RHK of their SKP.
type Kegiatan struct {
	ID, InstansiID, PegawaiID string
	NIP, Nama                 string
	RHKID, RHKUraian          string
	Tanggal                   time.Time
	JamMulai, JamSelesai      string // "HH:MM", local time of the unit; empty when only minutes were given
	Menit                     int
	Uraian                    string
	Bukti                     []string
	Status                    string // DIAJUKAN, DITERIMA, DITOLAK
	Catatan                   string
	DinilaiOleh               *Pejabat
	DinilaiAt                 *time.Time
	Version                   int
	CreatedAt, UpdatedAt      time.Time
	// Reach, from the SKP the RHK belongs to: its rater (who verifies the activity) and
	// its unit (whose administrators read it).
	SKPID, PenilaiID, UnitPath string
}

// CheckKegiatan applies the rules of recording k against an RHK of SKP s, on the
// instansi's local date today, and works out k's minutes: the date may not be in
// the future and must lie in the SKP's period, the clock times or minutes must be
// consistent (KegiatanMenit), and the SKP must have been approved at least once,
// since work is reported against an agreed plan (PermenPANRB 6/2022).
func CheckKegiatan(k *Kegiatan, s SKP, today time.Time) error {
	var v Validation
	k.Uraian = strings.TrimSpace(k.Uraian)
	if k.Uraian == "" {
		v.Add("uraian", "required", "Uraian kegiatan wajib diisi.", "The activity description is required.")
	}
	if k.Tanggal.After(today) {
		v.Add("tanggal", "future", "Tanggal kegiatan tidak boleh di masa depan.", "The activity date may not be in the future.")
	}
	if m, err := KegiatanMenit(k.JamMulai, k.JamSelesai, k.Menit); err != nil {
		v.Merge("", err)
	} else {
		k.Menit = m
	}
	if k.Tanggal.Before(s.PeriodeMulai) || k.Tanggal.After(s.PeriodeSelesai) {
		v.Add("rhk_id", "rhk_outside_periode",
			fmt.Sprintf("RHK ini milik SKP periode %s s.d. %s yang tidak mencakup tanggal kegiatan.",
				s.PeriodeMulai.Format(time.DateOnly), s.PeriodeSelesai.Format(time.DateOnly)),
			fmt.Sprintf("This RHK belongs to the SKP for %s to %s, which does not cover the activity's date.",
				s.PeriodeMulai.Format(time.DateOnly), s.PeriodeSelesai.Format(time.DateOnly)))
	}
	if err := v.Err(); err != nil {
		return err
	}
	if !s.Approved() {
		return Unprocessable("skp_belum_disetujui", "SKP belum pernah disetujui pejabat penilai; kegiatan belum dapat dicatat.",
			"The SKP has not been approved by the rater yet; activities cannot be recorded against it.")
	}
	if k.Bukti == nil {
		k.Bukti = []string{}
	}
	return nil
}

// CheckUbah refuses to change or delete an accepted activity: it counts towards the
// month's performance and only its rater may reconsider it.
func (k Kegiatan) CheckUbah() error {
	if k.Status == KegiatanDiterima {
		return Conflict("kegiatan_diterima", "Kegiatan yang sudah diterima tidak dapat diubah atau dihapus.",
			"An accepted activity cannot be changed or deleted.")
	}
	return nil
}

// VerifikasiKegiatan is a rater's decision on one activity.
type VerifikasiKegiatan struct {
	ID, Status, Catatan string // Status DITERIMA or DITOLAK
}

// ValidateVerifikasi checks a batch of decisions: each activity once, and a rejection
// says why, so that the pegawai knows what to correct.
func ValidateVerifikasi(items []VerifikasiKegiatan) error {
	var v Validation
	seen := map[string]bool{}
	for i := range items {
		it := &items[i]
		it.Catatan = strings.TrimSpace(it.Catatan)
		if seen[it.ID] {
			v.Add(fmt.Sprintf("items/%d/id", i), "duplicate", "Kegiatan yang sama disebut lebih dari sekali.",
				"The same activity is named more than once.")
		}
		seen[it.ID] = true
		if it.Status == KegiatanDitolak && it.Catatan == "" {
			v.Add(fmt.Sprintf("items/%d/catatan", i), "required", "Catatan wajib diisi saat menolak kegiatan.",
				"A note is required when rejecting an activity.")
		}
	}
	return v.Err()
}

// Verifikasi applies a rater's decision at a time and reports whether it changed
// anything. A decision may be revised (a rater changes their mind before the month is
// paid); repeating the stored decision and note changes nothing.
func (k *Kegiatan) Verifikasi(d VerifikasiKegiatan, by Pejabat, at time.Time) bool {
	if k.Status == d.Status && k.Catatan == d.Catatan && k.DinilaiOleh != nil && k.DinilaiOleh.PegawaiID == by.PegawaiID {
		return false
	}
	k.Status, k.Catatan, k.DinilaiOleh, k.DinilaiAt = d.Status, d.Catatan, &by, &at
	return true
}

// KegiatanReach is what of the activity log a caller reads: everything of the
// instansi, or the activities matching any of the set fields.
type KegiatanReach struct {
	All       bool
	OwnerID   string // their own
	PenilaiID string // those of SKP they rate
	ScopePath string // those of SKP of units in this subtree
}

// KegiatanFilter selects activities; empty fields do not filter.
type KegiatanFilter struct {
	InstansiID   string
	NIP, RHKID   string
	Status       string
	Dari, Sampai *time.Time // inclusive dates
	Reach        KegiatanReach
	Oldest       bool // oldest first (for totals); newest first otherwise
	Offset       int
	Limit        int // 0: no limit
}

// KegiatanMenit works out an activity's minutes from its clock times or the minutes
// given: with both times the end must follow the start on the same day, and minutes,
// if also given, must agree.
func KegiatanMenit(jamMulai, jamSelesai string, menit int) (int, error) {
	if jamMulai == "" && jamSelesai == "" {
		if menit <= 0 {
			return 0, Invalid("menit", "required", "Isi jam mulai dan jam selesai, atau jumlah menit.",
				"Give a start and end time, or the minutes.")
		}
		return menit, nil
	}
	if jamMulai == "" || jamSelesai == "" {
		field := "jam_selesai"
		if jamMulai == "" {
			field = "jam_mulai"
		}
		return 0, Invalid(field, "required", "Jam mulai dan jam selesai harus diisi berdua.", "Give both the start and the end time.")
	}
	var h1, m1, h2, m2 int
	// The API has checked the HH:MM pattern; anything else would read as zeros, as before.
	_, _ = fmt.Sscanf(jamMulai, "%d:%d", &h1, &m1)
	_, _ = fmt.Sscanf(jamSelesai, "%d:%d", &h2, &m2)
	d := (h2*60 + m2) - (h1*60 + m1)
	if d <= 0 {
		return 0, Invalid("jam_selesai", "time_order", "Jam selesai harus setelah jam mulai.", "The end time must be after the start time.")
	}
	if menit > 0 && menit != d {
		return 0, Invalid("menit", "menit_mismatch", fmt.Sprintf("Menit (%d) tidak sesuai dengan jam mulai–selesai (%d menit).", menit, d),
			fmt.Sprintf("The minutes (%d) do not match the start and end time (%d minutes).", menit, d))
	}
	return d, nil
}

// RingkasanKegiatan totals a month of activities per RHK and per day.
type RingkasanKegiatan struct {
	PerRHK                                     []RingkasanRHK
	PerHari                                    []RingkasanHari
	MenitDiterima, MenitDiajukan, MenitDitolak int64
}

// RingkasanRHK is one RHK's totals.
type RingkasanRHK struct {
	RHKID, RHKUraian                           string
	Jumlah                                     int
	MenitDiterima, MenitDiajukan, MenitDitolak int64
}

// RingkasanHari is one day's minutes.
type RingkasanHari struct {
	Tanggal                   time.Time
	MenitDiterima, MenitTotal int64
}

// Ringkas totals activities (already sorted by date) per RHK, in order of first
// appearance, and per day.
func Ringkas(ks []Kegiatan) RingkasanKegiatan {
	var out RingkasanKegiatan
	idx := map[string]int{}
	for _, k := range ks {
		i, ok := idx[k.RHKID]
		if !ok {
			i = len(out.PerRHK)
			idx[k.RHKID] = i
			out.PerRHK = append(out.PerRHK, RingkasanRHK{RHKID: k.RHKID, RHKUraian: k.RHKUraian})
		}
		r := &out.PerRHK[i]
		r.Jumlah++
		m := int64(k.Menit)
		switch k.Status {
		case "DITERIMA":
			r.MenitDiterima += m
			out.MenitDiterima += m
		case "DITOLAK":
			r.MenitDitolak += m
			out.MenitDitolak += m
		default:
			r.MenitDiajukan += m
			out.MenitDiajukan += m
		}
		n := len(out.PerHari)
		if n == 0 || !out.PerHari[n-1].Tanggal.Equal(k.Tanggal) {
			out.PerHari = append(out.PerHari, RingkasanHari{Tanggal: k.Tanggal})
			n++
		}
		out.PerHari[n-1].MenitTotal += m
		if k.Status == "DITERIMA" {
			out.PerHari[n-1].MenitDiterima += m
		}
	}
	return out
}
