package domain

import (
	"fmt"
	"math/big"
	"slices"
	"time"
)

// PerlakuanTanpaRekaman says how a present day with a missing clock-in or clock-out is
// counted (domain.md §9: as the worst band, as TK, or not at all).
type PerlakuanTanpaRekaman string

// Treatments of a missing clock-in or clock-out.
const (
	// TanpaRekamanPitaTerberat counts it as the worst (last) band: Permentan 68/2012
	// ("TL4 ≥ 91 menit atau tidak mengisi daftar hadir"), Permenko Infra 10/2025 Ps.22.
	TanpaRekamanPitaTerberat PerlakuanTanpaRekaman = "PITA_TERBERAT"
	// TanpaRekamanTK counts the whole day as absent without reason.
	TanpaRekamanTK PerlakuanTanpaRekaman = "TANPA_KETERANGAN"
	// TanpaRekamanAbaikan counts nothing; the day is only reported as missing a side.
	TanpaRekamanAbaikan PerlakuanTanpaRekaman = "ABAIKAN"
)

// AturanDisiplin is how lateness (TL) and early leave (PSW) are graded: grace seconds,
// the bands and the treatment of a missing record. It is the attendance part of a TPP
// rule profile and is validated when the profile is saved.
type AturanDisiplin struct {
	ToleransiTLDetik  int    // seconds late that still count as on time
	ToleransiPSWDetik int    // seconds early that still count as on time
	PitaTL            []Pita // ascending, non-overlapping, each above the grace
	PitaPSW           []Pita
	TanpaMasuk        PerlakuanTanpaRekaman
	TanpaPulang       PerlakuanTanpaRekaman
}

// DefaultAturanDisiplin is the Permentan 68/2012 grading (domain.md §3.4), read as
// whole minutes late, floor(seconds / 60), so that "1 to less than 31 minutes" ends at
// 30:59 as in the Kota Manado application (tpp-examples V5):
//
//	grace  0–59 s        on time (TL and PSW alike)
//	TL1    [60, 1859]    1:00–30:59    0.5%
//	TL2    [1860, 3659]  31:00–60:59   1%
//	TL3    [3660, 5459]  61:00–90:59   1.5%
//	TL4    [5460, ∞)     ≥ 91:00       2%
//
// PSW1–PSW4 have the same edges and percentages. A missing clock-in or clock-out
// counts as the worst band (TL4 / PSW4), as Permentan 68/2012 says.
func DefaultAturanDisiplin() AturanDisiplin {
	pita := func(prefix string) []Pita {
		return []Pita{
			{Kode: prefix + "1", DariDetik: 60, SampaiDetik: 1859, Persen: big.NewRat(1, 2)},
			{Kode: prefix + "2", DariDetik: 1860, SampaiDetik: 3659, Persen: big.NewRat(1, 1)},
			{Kode: prefix + "3", DariDetik: 3660, SampaiDetik: 5459, Persen: big.NewRat(3, 2)},
			{Kode: prefix + "4", DariDetik: 5460, SampaiDetik: -1, Persen: big.NewRat(2, 1)},
		}
	}
	return AturanDisiplin{
		ToleransiTLDetik:  59,
		ToleransiPSWDetik: 59,
		PitaTL:            pita("TL"),
		PitaPSW:           pita("PSW"),
		TanpaMasuk:        TanpaRekamanPitaTerberat,
		TanpaPulang:       TanpaRekamanPitaTerberat,
	}
}

// Validate checks the grading: grace not negative, bands ascending with no overlap,
// each band starting after the grace, only the last band open-ended, codes present and
// unique, percentages in [0, 100], and a known treatment of missing records.
// Field paths: "toleransi_tl_detik", "pita_tl/<i>/dari_detik", "tanpa_masuk", …
func (a AturanDisiplin) Validate() error {
	var v Validation
	validatePita(&v, "tl", a.ToleransiTLDetik, a.PitaTL)
	validatePita(&v, "psw", a.ToleransiPSWDetik, a.PitaPSW)
	validatePerlakuan(&v, "tanpa_masuk", a.TanpaMasuk, len(a.PitaTL))
	validatePerlakuan(&v, "tanpa_pulang", a.TanpaPulang, len(a.PitaPSW))
	return v.Err()
}

var persenMaks = big.NewRat(100, 1)

func validatePita(v *Validation, nama string, toleransi int, pita []Pita) {
	tf := "toleransi_" + nama + "_detik"
	if toleransi < 0 || toleransi >= SehariDetik {
		v.Add(tf, "toleransi_invalid", "Toleransi harus di antara 0 dan 86399 detik.",
			"The grace must be between 0 and 86399 seconds.")
		toleransi = 0
	}
	kode := map[string]int{}
	for i, p := range pita {
		pre := fmt.Sprintf("pita_%s/%d/", nama, i)
		if p.Kode == "" {
			v.Add(pre+"kode", "kode_required", "Kode pita wajib diisi.", "The band code is required.")
		} else if j, dup := kode[p.Kode]; dup {
			v.Add(pre+"kode", "kode_duplicate",
				fmt.Sprintf("Kode pita %q sudah dipakai pada pita_%s/%d.", p.Kode, nama, j),
				fmt.Sprintf("Band code %q is already used at pita_%s/%d.", p.Kode, nama, j))
		} else {
			kode[p.Kode] = i
		}
		switch {
		case p.DariDetik < 0:
			v.Add(pre+"dari_detik", "pita_negative", "Batas bawah pita tidak boleh negatif.",
				"The lower edge of a band must not be negative.")
		case p.DariDetik <= toleransi:
			v.Add(pre+"dari_detik", "pita_within_grace",
				fmt.Sprintf("Batas bawah pita (%d detik) harus lebih dari toleransi (%d detik).", p.DariDetik, toleransi),
				fmt.Sprintf("The lower edge of the band (%d s) must be above the grace (%d s).", p.DariDetik, toleransi))
		case i > 0 && pita[i-1].SampaiDetik < 0:
			v.Add(pre+"dari_detik", "pita_overlap",
				fmt.Sprintf("Pita sebelumnya (pita_%s/%d) tidak berbatas atas; hanya pita terakhir yang boleh terbuka.", nama, i-1),
				fmt.Sprintf("The previous band (pita_%s/%d) has no upper edge; only the last band may be open.", nama, i-1))
		case i > 0 && p.DariDetik <= pita[i-1].SampaiDetik:
			v.Add(pre+"dari_detik", "pita_overlap",
				fmt.Sprintf("Pita harus urut naik tanpa tumpang tindih: mulai setelah %d detik (akhir pita_%s/%d).", pita[i-1].SampaiDetik, nama, i-1),
				fmt.Sprintf("Bands must ascend without overlap: start after %d s (the end of pita_%s/%d).", pita[i-1].SampaiDetik, nama, i-1))
		}
		if p.SampaiDetik >= 0 && p.SampaiDetik < p.DariDetik {
			v.Add(pre+"sampai_detik", "pita_end_before_start",
				"Batas atas pita tidak boleh kurang dari batas bawahnya (gunakan -1 untuk tanpa batas).",
				"The upper edge of a band must not be below its lower edge (use -1 for no upper edge).")
		}
		if p.Persen == nil || p.Persen.Sign() < 0 || p.Persen.Cmp(persenMaks) > 0 {
			v.Add(pre+"persen", "persen_invalid", "Persentase pita harus di antara 0 dan 100.",
				"The band percentage must be between 0 and 100.")
		}
	}
}

func validatePerlakuan(v *Validation, field string, p PerlakuanTanpaRekaman, pita int) {
	switch p {
	case TanpaRekamanTK, TanpaRekamanAbaikan:
	case TanpaRekamanPitaTerberat:
		if pita == 0 {
			v.Add(field, "pita_terberat_without_bands", "PITA_TERBERAT memerlukan paling sedikit satu pita.",
				"PITA_TERBERAT needs at least one band.")
		}
	default:
		v.Add(field, "perlakuan_invalid",
			fmt.Sprintf("Perlakuan %q tidak dikenal; gunakan PITA_TERBERAT, TANPA_KETERANGAN atau ABAIKAN.", p),
			fmt.Sprintf("Unknown treatment %q; use PITA_TERBERAT, TANPA_KETERANGAN or ABAIKAN.", p))
	}
}

// cariPita returns the band containing s seconds beyond the grace, or false
// when s is within the grace or in no band.
func cariPita(toleransi int, pita []Pita, s int) (Pita, bool) {
	if s <= toleransi {
		return Pita{}, false
	}
	for _, p := range pita {
		if p.Contains(s) {
			return p, true
		}
	}
	return Pita{}, false
}

// Kejadian is one late arrival or early departure.
type Kejadian struct {
	Tanggal      time.Time
	Detik        int    // exact seconds; 0 when the record is missing
	Menit        int    // whole minutes, floor(Detik / 60)
	Kode         string // the band containing Detik; "" within the grace or in no band
	TanpaRekaman bool   // no clock-in (TL) or clock-out (PSW), graded as the worst band
}

// Rekap is a month (or any run of days) of one pegawai, summarised.
type Rekap struct {
	HariKalender    int // days given
	JHK             int // working days (FaktaHari.Kerja)
	DiluarMasaKerja int // working days before TMT or after the last day in service
	Hadir           int // StatusHadir days not counted as TK
	Fleksibel       int // StatusFleksibel days (WFA)
	TK              int // working days absent without reason (with missing records if so treated)
	TanggalTK       []time.Time
	Izin            map[JenisIzin]int // StatusIzin days by document type
	Khusus          int               // working days before/after cuti bersama
	TKKhusus        int               // of which absent without reason
	TanpaMasuk      int               // days with records but no clock-in
	TanpaPulang     int               // days with records but no clock-out
	Terlambat       []Kejadian        // every day with TerlambatDetik > 0 or a missing clock-in (unless ignored)
	PulangCepat     []Kejadian
	// TotalTerlambatDetik and TotalPulangCepatDetik add the seconds of the arrivals and
	// departures beyond the grace; they feed the 7.5-hour rule (HariSetaraAkumulasi).
	TotalTerlambatDetik   int
	TotalPulangCepatDetik int
	// TKBeruntunTerpanjang is the longest run of consecutive working days absent
	// without reason; days off between them do not break a run, any other working
	// day does.
	TKBeruntunTerpanjang int
}

// RekapBulan summarises classified days with grading a. Days are taken in date order
// (sorted first if they are not); the slice may span more than a month, e.g. to find
// runs of absence across a month's edge.
func RekapBulan(hari []FaktaHari, a AturanDisiplin) Rekap {
	if !slices.IsSortedFunc(hari, func(x, y FaktaHari) int { return x.Tanggal.Compare(y.Tanggal) }) {
		hari = slices.Clone(hari)
		slices.SortStableFunc(hari, func(x, y FaktaHari) int { return x.Tanggal.Compare(y.Tanggal) })
	}
	r := Rekap{HariKalender: len(hari), Izin: map[JenisIzin]int{}}
	run := 0
	for _, f := range hari {
		if !f.Kerja {
			if f.Libur == LiburDiluarMasaKerja {
				r.DiluarMasaKerja++
			}
			continue
		}
		r.JHK++
		if f.Khusus {
			r.Khusus++
		}
		tk := false
		switch f.Status {
		case StatusTanpaKeterangan:
			tk = true
		case StatusIzin:
			r.Izin[f.Izin]++
		case StatusFleksibel:
			r.Fleksibel++
		case StatusHadir:
			if f.TanpaMasuk {
				r.TanpaMasuk++
			}
			if f.TanpaPulang {
				r.TanpaPulang++
			}
			if (f.TanpaMasuk && a.TanpaMasuk == TanpaRekamanTK) || (f.TanpaPulang && a.TanpaPulang == TanpaRekamanTK) {
				tk = true
				break
			}
			r.Hadir++
			if k, ok := kejadian(f.Tanggal, f.TerlambatDetik, f.TanpaMasuk, a.TanpaMasuk, a.ToleransiTLDetik, a.PitaTL); ok {
				r.Terlambat = append(r.Terlambat, k)
				if k.Detik > a.ToleransiTLDetik {
					r.TotalTerlambatDetik += k.Detik
				}
			}
			if k, ok := kejadian(f.Tanggal, f.PulangCepatDetik, f.TanpaPulang, a.TanpaPulang, a.ToleransiPSWDetik, a.PitaPSW); ok {
				r.PulangCepat = append(r.PulangCepat, k)
				if k.Detik > a.ToleransiPSWDetik {
					r.TotalPulangCepatDetik += k.Detik
				}
			}
		}
		if tk {
			r.TK++
			r.TanggalTK = append(r.TanggalTK, f.Tanggal)
			if f.Khusus {
				r.TKKhusus++
			}
			run++
			r.TKBeruntunTerpanjang = max(r.TKBeruntunTerpanjang, run)
		} else {
			run = 0
		}
	}
	return r
}

// kejadian grades one side of a present day; false when there is nothing to report.
func kejadian(d time.Time, detik int, tanpa bool, perlakuan PerlakuanTanpaRekaman, toleransi int, pita []Pita) (Kejadian, bool) {
	if tanpa {
		if perlakuan == TanpaRekamanAbaikan || len(pita) == 0 {
			return Kejadian{}, false
		}
		// any other value, including an unvalidated "", grades as the worst band
		return Kejadian{Tanggal: d, Kode: pita[len(pita)-1].Kode, TanpaRekaman: true}, true
	}
	if detik <= 0 {
		return Kejadian{}, false
	}
	k := Kejadian{Tanggal: d, Detik: detik, Menit: detik / 60}
	if p, ok := cariPita(toleransi, pita, detik); ok {
		k.Kode = p.Kode
	}
	return k, true
}
