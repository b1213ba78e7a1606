package domain

import (
	"fmt"
	"strings"
	"time"
)

// TingkatHukuman is the level of a disciplinary sanction (PP 94/2021 Ps. 8).
type TingkatHukuman string

// Sanction levels.
const (
	TingkatRingan TingkatHukuman = "RINGAN"
	TingkatSedang TingkatHukuman = "SEDANG"
	TingkatBerat  TingkatHukuman = "BERAT"
)

// JenisHukuman is a disciplinary sanction of PP 94/2021 Ps. 8.
type JenisHukuman string

// Sanctions, lightest first.
const (
	TeguranLisan        JenisHukuman = "TEGURAN_LISAN"
	TeguranTertulis     JenisHukuman = "TEGURAN_TERTULIS"
	PernyataanTidakPuas JenisHukuman = "PERNYATAAN_TIDAK_PUAS" // secara tertulis
	PotonganTukin6      JenisHukuman = "POTONGAN_TUKIN_6"      // 25% of tunjangan kinerja for 6 months
	PotonganTukin9      JenisHukuman = "POTONGAN_TUKIN_9"      // 25% for 9 months
	PotonganTukin12     JenisHukuman = "POTONGAN_TUKIN_12"     // 25% for 12 months
	PenurunanJabatan    JenisHukuman = "PENURUNAN_JABATAN"     // one level lower for 12 months
	PembebasanJabatan   JenisHukuman = "PEMBEBASAN_JABATAN"    // released to jabatan pelaksana for 12 months
	Pemberhentian       JenisHukuman = "PEMBERHENTIAN"         // dengan hormat tidak atas permintaan sendiri
)

// AllJenisHukuman lists the sanctions lightest first.
var AllJenisHukuman = []JenisHukuman{TeguranLisan, TeguranTertulis, PernyataanTidakPuas,
	PotonganTukin6, PotonganTukin9, PotonganTukin12, PenurunanJabatan, PembebasanJabatan, Pemberhentian}

// ParseJenisHukuman reads a sanction code, naming field on failure.
func ParseJenisHukuman(field, s string) (JenisHukuman, error) {
	for _, j := range AllJenisHukuman {
		if string(j) == s {
			return j, nil
		}
	}
	return "", Invalid(field, "jenis_hukuman_invalid",
		fmt.Sprintf("Jenis hukuman disiplin %q tidak dikenal (PP 94/2021 Ps. 8).", s),
		fmt.Sprintf("Unknown disciplinary sanction %q (PP 94/2021 Ps. 8).", s))
}

// Tingkat is the sanction's level; "" for an unknown code.
func (j JenisHukuman) Tingkat() TingkatHukuman {
	switch j {
	case TeguranLisan, TeguranTertulis, PernyataanTidakPuas:
		return TingkatRingan
	case PotonganTukin6, PotonganTukin9, PotonganTukin12:
		return TingkatSedang
	case PenurunanJabatan, PembebasanJabatan, Pemberhentian:
		return TingkatBerat
	}
	return ""
}

// DurasiBulan is the sanction's national duration in months (PP 94/2021 Ps. 8):
// 6, 9 or 12 for the tukin cuts, 12 for demotion and release to pelaksana, 0 for the
// reprimands and for discharge, which have no running time. A Perkada may set its own
// TPP consequences; this is only the default.
func (j JenisHukuman) DurasiBulan() int {
	switch j {
	case PotonganTukin6:
		return 6
	case PotonganTukin9:
		return 9
	case PotonganTukin12, PenurunanJabatan, PembebasanJabatan:
		return 12
	}
	return 0
}

// HariBeruntunPemberhentian is the run of consecutive working days absent without
// reason that leads to discharge whatever the yearly total (PP 94/2021 Ps. 11).
const HariBeruntunPemberhentian = 10

// UsulanHukumanKehadiran proposes the sanction for absence without valid reason in
// one calendar year, PP 94/2021 Ps. 11: cumulative days 3 → teguran lisan; 4–6 →
// teguran tertulis; 7–10 → pernyataan tidak puas; 11–13 → 25% tukin cut for 6 months;
// 14–16 → 9 months; 17–20 → 12 months; 21–24 → demotion for 12 months; 25–27 → release
// to pelaksana for 12 months; 28 or more → discharge; and 10 consecutive working days
// → discharge regardless of the total. Below 3 days there is no proposal. The days are
// whole days of TK plus the days equivalent to accumulated lateness and early leave
// (HariSetaraAkumulasi). It is a proposal for the official who decides (pejabat yang
// berwenang menghukum), never a decision.
func UsulanHukumanKehadiran(kumulatifHari int, beruntunTerpanjang int) (JenisHukuman, bool) {
	if beruntunTerpanjang >= HariBeruntunPemberhentian {
		return Pemberhentian, true
	}
	switch {
	case kumulatifHari >= 28:
		return Pemberhentian, true
	case kumulatifHari >= 25:
		return PembebasanJabatan, true
	case kumulatifHari >= 21:
		return PenurunanJabatan, true
	case kumulatifHari >= 17:
		return PotonganTukin12, true
	case kumulatifHari >= 14:
		return PotonganTukin9, true
	case kumulatifHari >= 11:
		return PotonganTukin6, true
	case kumulatifHari >= 7:
		return PernyataanTidakPuas, true
	case kumulatifHari >= 4:
		return TeguranTertulis, true
	case kumulatifHari >= 3:
		return TeguranLisan, true
	}
	return "", false
}

// DetikSetaraSehari is 7.5 hours (27 000 s), the accumulated lateness and early
// leave counted as one day of absence without valid reason.
const DetikSetaraSehari = 27000

// HariSetaraAkumulasi converts accumulated lateness and early leave (seconds, over the
// same year as the absences) into whole days of absence: every full 7.5 hours is one
// day and the remainder counts for nothing (floor). The rule is PP 53/2010 practice
// (its implementing Perka BKN 21/2010 on the duty to keep working hours: lateness and
// early leave accumulated to 7.5 hours equal one day absent), carried on by agencies
// and pemda under PP 94/2021 (domain.md §3.6, §9); a Perkada may set another figure.
func HariSetaraAkumulasi(detik int) int {
	if detik <= 0 {
		return 0
	}
	return detik / DetikSetaraSehari
}

// HukumanDisiplin is a recorded sanction decision (SK) against one pegawai.
type HukumanDisiplin struct {
	ID         string
	InstansiID string
	PegawaiID  string
	NIP        string
	Nama       string
	UnitPath   string // the pegawai's unit on the date the record was read as of
	Jenis      JenisHukuman
	NomorSK    string
	TanggalSK  time.Time // midnight UTC
	// TanggalBerlaku is the date the decision became final (berkekuatan hukum tetap)
	// and its running time starts.
	TanggalBerlaku  time.Time
	DurasiBulan     int
	Keterangan      string
	DariUsulanTahun int // the year of the absence-based proposal it confirms; 0 if none
	CreatedAt       time.Time
}

// Tingkat is the sanction's level.
func (h HukumanDisiplin) Tingkat() TingkatHukuman { return h.Jenis.Tingkat() }

// Berakhir is the sanction's last day in force: TanggalBerlaku plus DurasiBulan
// months, less one day, and false for a sanction without running time (the ringan
// reprimands, discharge, or a duration of 0). A period of months that starts on a day
// the final month does not have (31 August plus 6 months) ends with that month
// (28 or 29 February), never spilling into the next.
func (h HukumanDisiplin) Berakhir() (time.Time, bool) {
	if h.Tingkat() == TingkatRingan || h.Jenis == Pemberhentian || h.DurasiBulan <= 0 {
		return time.Time{}, false
	}
	return akhirMasaBulan(h.TanggalBerlaku, h.DurasiBulan), true
}

// akhirMasaBulan is the last day of a period of n months starting on date d: the day
// before the same day n months later, or the last day of that month when it has no
// such day.
func akhirMasaBulan(d time.Time, n int) time.Time {
	y, m, day := d.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	if last := first.AddDate(0, 1, -1).Day(); day > last {
		return first.AddDate(0, 1, -1)
	}
	return time.Date(first.Year(), first.Month(), day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
}

// BerlakuPada reports whether the sanction is in force on date d: from TanggalBerlaku
// through Berakhir, forever for discharge, and never for a sanction without running
// time (a reprimand takes effect and is done).
func (h HukumanDisiplin) BerlakuPada(d time.Time) bool {
	if d.Before(h.TanggalBerlaku) {
		return false
	}
	if h.Jenis == Pemberhentian {
		return true
	}
	end, ok := h.Berakhir()
	return ok && !d.After(end)
}

// KunciBulanHari orders dates so that a sanction of n months from s is in force on
// d ≥ s exactly when KunciBulanHari(s) + 100·n > KunciBulanHari(d): it is
// (12·year + month)·100 + day. It lets storage filter by BerlakuPada without month
// arithmetic in SQL.
func KunciBulanHari(d time.Time) int {
	return (d.Year()*12+int(d.Month()))*100 + d.Day()
}

// Validate checks a new sanction record and fills in its default duration (nil: the
// type's national duration). PP 94/2021 Ps. 8: the tukin cuts run exactly 6, 9 or 12
// months; reprimands and discharge have no running time; demotion and release to
// pelaksana run for a number of months (12 nationally). The decision cannot become
// final before it is signed.
func (h HukumanDisiplin) Validate(durasi *int) (HukumanDisiplin, error) {
	var v Validation
	if _, err := ParseJenisHukuman("jenis", string(h.Jenis)); err != nil {
		return h, err
	}
	h.NomorSK = strings.TrimSpace(h.NomorSK)
	if h.NomorSK == "" {
		v.Add("nomor_sk", "required", "Nomor SK wajib diisi.", "The decision number is required.")
	}
	h.DurasiBulan = h.Jenis.DurasiBulan()
	if durasi != nil {
		switch n := *durasi; {
		case h.Tingkat() == TingkatSedang && n != h.Jenis.DurasiBulan():
			v.Add("durasi_bulan", "durasi_tetap",
				fmt.Sprintf("%s berlangsung tepat %d bulan (PP 94/2021 Ps. 8).", h.Jenis, h.Jenis.DurasiBulan()),
				fmt.Sprintf("%s runs exactly %d months (PP 94/2021 Ps. 8).", h.Jenis, h.Jenis.DurasiBulan()))
		case (h.Tingkat() == TingkatRingan || h.Jenis == Pemberhentian) && n != 0:
			v.Add("durasi_bulan", "tanpa_durasi",
				fmt.Sprintf("%s tidak memiliki masa berlaku; durasi harus 0.", h.Jenis),
				fmt.Sprintf("%s has no running time; the duration must be 0.", h.Jenis))
		case n < 0 || (h.Jenis.DurasiBulan() > 0 && n == 0):
			v.Add("durasi_bulan", "durasi_invalid",
				fmt.Sprintf("%s harus berlangsung sekurang-kurangnya 1 bulan.", h.Jenis),
				fmt.Sprintf("%s must run for at least 1 month.", h.Jenis))
		default:
			h.DurasiBulan = n
		}
	}
	if h.TanggalBerlaku.Before(h.TanggalSK) {
		v.Add("tanggal_berlaku", "time_order", "Tanggal berlaku tidak boleh sebelum tanggal SK.",
			"The effective date must not be before the decision date.")
	}
	return h, v.Err()
}

// HukumanDisiplinFilter selects sanction records.
type HukumanDisiplinFilter struct {
	InstansiID  string
	AsOf        time.Time // the date whose unit placement Jangkauan.ScopePath is read on
	Jangkauan   Jangkauan
	NIP         string
	BerlakuPada *time.Time
	Offset      int
	Limit       int
}
