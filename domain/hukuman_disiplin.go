package domain

import "fmt"

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
