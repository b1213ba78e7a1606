package domain

import (
	"fmt"
	"math/big"
	"time"
)

// PeriodeKinerja holds an instansi's appraisal settings for a year.
type PeriodeKinerja struct {
	InstansiID            string
	Tahun                 int
	Frekuensi             string // BULANAN or TRIWULAN
	BatasKeberatanHari    int
	ModeDistribusi        string // PERINGATAN or BLOKIR
	CapaianMaks           int    // percent
	HasilPimpinanIkutUnit bool
	Tersimpan             bool // false: defaults, nobody saved them
	Version               int
	UpdatedAt             *time.Time
}

// DefaultPeriodeKinerja is what a year uses until an admin sets it: monthly periods
// (what most TPP Perkada consume), the 14 days of PP 30/2019 Ps. 59 to object,
// distribution violations as warnings (domain.md §2.7), capaian capped at 100%, and
// unit heads rated by their unit's achievement (SE MenPANRB 3/2023).
func DefaultPeriodeKinerja(instansiID string, tahun int) PeriodeKinerja {
	return PeriodeKinerja{InstansiID: instansiID, Tahun: tahun, Frekuensi: "BULANAN", BatasKeberatanHari: 14,
		ModeDistribusi: "PERINGATAN", CapaianMaks: 100, HasilPimpinanIkutUnit: true}
}

// JumlahPeriode is the number of periodic evaluations in the year.
func (p PeriodeKinerja) JumlahPeriode() int {
	if p.Frekuensi == "TRIWULAN" {
		return 4
	}
	return 12
}

// Rentang returns the calendar dates a period covers: a month or a quarter for
// PERIODIK (n from 1), the whole year for TAHUNAN.
func (p PeriodeKinerja) Rentang(jenis string, n int) (time.Time, time.Time, error) {
	if jenis == "TAHUNAN" {
		return time.Date(p.Tahun, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(p.Tahun, 12, 31, 0, 0, 0, 0, time.UTC), nil
	}
	if n < 1 || n > p.JumlahPeriode() {
		return time.Time{}, time.Time{}, Invalid("periode", "periode_invalid",
			fmt.Sprintf("Periode harus 1 sampai %d untuk frekuensi %s tahun %d.", p.JumlahPeriode(), p.Frekuensi, p.Tahun),
			fmt.Sprintf("The period must be 1 to %d for the %s frequency of %d.", p.JumlahPeriode(), p.Frekuensi, p.Tahun))
	}
	months := 1
	if p.Frekuensi == "TRIWULAN" {
		months = 3
	}
	start := time.Date(p.Tahun, time.Month((n-1)*months+1), 1, 0, 0, 0, 0, time.UTC)
	return start, start.AddDate(0, months, -1), nil
}

// Capaian is an indicator's achievement in percent: realisasi / target × 100 when
// higher is better; (2 − realisasi / target) × 100 when lower is better (the
// "semakin rendah semakin baik" formula of government performance reports, the
// inverse logic of PermenPANRB 8/2021), never below 0 and never above capMaks. A zero
// target is met by any realisasi when higher is better, and only by zero when lower is.
func Capaian(realisasi, target, polaritas string, capMaks int) (*big.Rat, error) {
	r, ok := new(big.Rat).SetString(realisasi)
	if !ok || r.Sign() < 0 {
		return nil, Invalid("realisasi", "realisasi_invalid", "Realisasi harus berupa angka tidak negatif.", "The realisasi must be a non-negative number.")
	}
	t, ok := new(big.Rat).SetString(target)
	if !ok || t.Sign() < 0 {
		return nil, Invalid("target", "target_invalid", "Target harus berupa angka tidak negatif.", "The target must be a non-negative number.")
	}
	hundred := big.NewRat(100, 1)
	limit := big.NewRat(int64(capMaks), 1)
	var c *big.Rat
	switch {
	case t.Sign() == 0 && (polaritas != "LEBIH_RENDAH" || r.Sign() == 0):
		c = new(big.Rat).Set(limit)
	case t.Sign() == 0:
		c = new(big.Rat)
	case polaritas == "LEBIH_RENDAH":
		ratio := new(big.Rat).Quo(r, t)
		c = new(big.Rat).Mul(new(big.Rat).Sub(big.NewRat(2, 1), ratio), hundred)
	default:
		c = new(big.Rat).Mul(new(big.Rat).Quo(r, t), hundred)
	}
	if c.Sign() < 0 {
		c.SetInt64(0)
	}
	if c.Cmp(limit) > 0 {
		c.Set(limit)
	}
	return c, nil
}

// RatingOfOrganisasi is the rating hasil kerja of a unit head whose result follows
// the unit's achievement (SE MenPANRB 3/2023): Istimewa is above expectation, Baik meets
// it, and the three lower ratings fall below it.
func RatingOfOrganisasi(p PredikatOrganisasi) Rating {
	switch p {
	case OrgIstimewa:
		return DiAtasEkspektasi
	case OrgBaik:
		return SesuaiEkspektasi
	}
	return DiBawahEkspektasi
}

// StatusPenilaian is where an evaluation stands: DRAFT → FINAL → (KEBERATAN → DIPUTUS).
type StatusPenilaian string

// Evaluation statuses.
const (
	PenilaianDraft     StatusPenilaian = "DRAFT"
	PenilaianFinal     StatusPenilaian = "FINAL"
	PenilaianKeberatan StatusPenilaian = "KEBERATAN"
	PenilaianDiputus   StatusPenilaian = "DIPUTUS"
)

// Realisasi is what was achieved on one indicator in a period.
type Realisasi struct {
	IKIID      string
	Realisasi  string
	UmpanBalik string
}

// Penilaian is a periodic or annual evaluation of an SKP by the rater.
type Penilaian struct {
	ID, InstansiID, SKPID, PegawaiID string
	NIP, Nama                        string
	UnitKerjaID, UnitKerjaNama       string
	UnitPath                         string
	Penilai                          Pejabat
	AtasanPenilai                    *Pejabat
	Tahun                            int
	Jenis                            string // PERIODIK or TAHUNAN
	Periode                          int    // month or quarter; 0 for TAHUNAN
	TanggalMulai, TanggalSelesai     time.Time
	Status                           StatusPenilaian
	RatingHasil, RatingPerilaku      Rating
	HasilDariUnit                    bool
	NilaiPerilaku                    map[string]int
	UmpanBalik                       string
	Predikat, PredikatAwal           Predikat
	DifinalkanAt                     *time.Time
	Realisasi                        []Realisasi
	KeberatanID                      string
	Version                          int
	CreatedAt, UpdatedAt             time.Time
}

// Final reports whether the evaluation has a final result (objectable or decided).
func (p Penilaian) Final() bool { return p.Status != PenilaianDraft }

// Complete reports whether both ratings are in, so the predikat is known.
func (p Penilaian) Complete() bool { return p.RatingHasil != "" && p.RatingPerilaku != "" }

// BatasKeberatan is the last local date on which the pegawai may object: days after
// the local date the result was finalised (PP 30/2019 Ps. 59: 14 days of receiving it).
func (p Penilaian) BatasKeberatan(days int, loc *time.Location) *time.Time {
	if p.DifinalkanAt == nil {
		return nil
	}
	d := Date(*p.DifinalkanAt, loc).AddDate(0, 0, days)
	return &d
}

// Penjelasan explains in words how the predikat was reached, in lang ("id" or "en").
func (p Penilaian) Penjelasan(lang string, org PredikatOrganisasi, capaianRata *big.Rat) []string {
	t := func(id, en string) string {
		if lang == "en" {
			return en
		}
		return id
	}
	var out []string
	if capaianRata != nil {
		out = append(out, t(fmt.Sprintf("Rata-rata capaian indikator: %s%%.", capaianRata.FloatString(2)),
			fmt.Sprintf("Average indicator achievement: %s%%.", capaianRata.FloatString(2))))
	}
	switch {
	case p.HasilDariUnit && org != "":
		out = append(out, t(fmt.Sprintf("Sebagai pimpinan unit, rating hasil kerja mengikuti predikat organisasi %s: %s (SE MenPANRB 3/2023).", org, RatingOfOrganisasi(org)),
			fmt.Sprintf("As the unit's head, the rating hasil kerja follows the organisation predikat %s: %s (SE MenPANRB 3/2023).", org, RatingOfOrganisasi(org))))
	case p.HasilDariUnit:
		out = append(out, t("Sebagai pimpinan unit, rating hasil kerja mengikuti predikat organisasi, yang belum ditetapkan.",
			"As the unit's head, the rating hasil kerja follows the organisation predikat, which has not been set yet."))
	case p.RatingHasil != "":
		out = append(out, t(fmt.Sprintf("Rating hasil kerja dari pejabat penilai: %s.", p.RatingHasil),
			fmt.Sprintf("Rating hasil kerja given by the rater: %s.", p.RatingHasil)))
	}
	if p.RatingPerilaku != "" {
		out = append(out, t(fmt.Sprintf("Rating perilaku kerja (BerAKHLAK): %s.", p.RatingPerilaku),
			fmt.Sprintf("Rating perilaku kerja (BerAKHLAK): %s.", p.RatingPerilaku)))
	}
	if !p.Complete() {
		return append(out, t("Predikat belum dapat ditentukan: kedua rating belum lengkap.",
			"The predikat cannot be determined yet: both ratings are needed."))
	}
	pred := PredikatOf(p.RatingHasil, p.RatingPerilaku)
	out = append(out, t(fmt.Sprintf("Kuadran kinerja (PermenPANRB 6/2022): hasil %s × perilaku %s = %s.", p.RatingHasil, p.RatingPerilaku, pred),
		fmt.Sprintf("Performance kuadran (PermenPANRB 6/2022): results %s × behaviour %s = %s.", p.RatingHasil, p.RatingPerilaku, pred)))
	if p.PredikatAwal != "" && p.PredikatAwal != p.Predikat {
		out = append(out, t(fmt.Sprintf("Atas keberatan, atasan pejabat penilai mengubah predikat %s menjadi %s; keputusan ini final.", p.PredikatAwal, p.Predikat),
			fmt.Sprintf("On objection, the rater's superior changed the predikat from %s to %s; the decision is final.", p.PredikatAwal, p.Predikat)))
	} else if p.Status == PenilaianDiputus {
		out = append(out, t("Atas keberatan, atasan pejabat penilai menguatkan predikat; keputusan ini final.",
			"On objection, the rater's superior upheld the predikat; the decision is final."))
	}
	return out
}

// PenilaianFilter selects evaluations for a list; empty fields do not filter.
type PenilaianFilter struct {
	InstansiID  string
	Tahun       int
	Jenis       string
	Periode     *int
	NIP         string
	Status      StatusPenilaian
	UnitKerjaID string // the unit and its subtree
	UnitPath    string // a subtree by path
	ScopePath   string // an ADMIN_UNIT's subtree
	PenilaiID   string
	TerkaitID   string // the pegawai, their rater or the rater's superior
	Offset      int
	Limit       int
}

// PenetapanOrganisasi is a unit's organisation predikat for a period (SE MenPANRB 3/2023).
type PenetapanOrganisasi struct {
	ID, InstansiID, UnitKerjaID, UnitKerjaNama, UnitPath string
	Tahun                                                int
	Jenis                                                string
	Periode                                              int
	Predikat                                             PredikatOrganisasi
	Catatan, DitetapkanOleh                              string
	UpdatedAt                                            time.Time
}
