package domain

import (
	"bytes"
	"encoding/json"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"
)

// Amount tables used by the worked examples (tpp-examples.md), written out here so
// that the examples do not depend on the presets.
const (
	// standard tukin ladder since 2022 (domain.md §4.2)
	jsonTukin2022 = `[{"kelas": 1, "jumlah": 2531250}, {"kelas": 2, "jumlah": 2708250}, {"kelas": 3, "jumlah": 2898000},
		{"kelas": 4, "jumlah": 2985000}, {"kelas": 5, "jumlah": 3134250}, {"kelas": 6, "jumlah": 3510400},
		{"kelas": 7, "jumlah": 3915950}, {"kelas": 8, "jumlah": 4595150}, {"kelas": 9, "jumlah": 5079200},
		{"kelas": 10, "jumlah": 5979200}, {"kelas": 11, "jumlah": 8757600}, {"kelas": 12, "jumlah": 9896000},
		{"kelas": 13, "jumlah": 10936000}, {"kelas": 14, "jumlah": 17064000}, {"kelas": 15, "jumlah": 19280000},
		{"kelas": 16, "jumlah": 27577500}, {"kelas": 17, "jumlah": 33240000}]`
	// Kab. Seruyan 2023 (domain.md §3.2)
	jsonSeruyan2023 = `[{"kelas": 1, "jumlah": 894961}, {"kelas": 2, "jumlah": 1131487}, {"kelas": 3, "jumlah": 1368012},
		{"kelas": 4, "jumlah": 1655678}, {"kelas": 5, "jumlah": 2793557}, {"kelas": 6, "jumlah": 3349711},
		{"kelas": 7, "jumlah": 3854725}, {"kelas": 8, "jumlah": 4371943}, {"kelas": 9, "jumlah": 5439503},
		{"kelas": 10, "jumlah": 6253104}, {"kelas": 11, "jumlah": 7188745}, {"kelas": 12, "jumlah": 9298296},
		{"kelas": 13, "jumlah": 11628681}, {"kelas": 14, "jumlah": 12956594}, {"kelas": 15, "jumlah": 17019369}]`
	// Kab. Seruyan 2022 ladder (the 2023 factor is applied by the profile)
	jsonSeruyan2022 = `[{"kelas": 1, "jumlah": 716562}, {"kelas": 2, "jumlah": 905939}, {"kelas": 3, "jumlah": 1095316},
		{"kelas": 4, "jumlah": 1325640}, {"kelas": 5, "jumlah": 2236697}, {"kelas": 6, "jumlah": 2681989},
		{"kelas": 7, "jumlah": 3086335}, {"kelas": 8, "jumlah": 3500452}, {"kelas": 9, "jumlah": 4355208},
		{"kelas": 10, "jumlah": 5006628}, {"kelas": 11, "jumlah": 5755761}, {"kelas": 12, "jumlah": 7444800},
		{"kelas": 13, "jumlah": 9310653}, {"kelas": 14, "jumlah": 10373864}, {"kelas": 15, "jumlah": 13626776}]`
)

// pita writes four TL or PSW bands read as whole minutes (1–30, 31–60, 61–90, ≥ 91).
func pita(prefix, p1, p2, p3, p4 string) string {
	return `[{"kode": "` + prefix + `1", "dari_detik": 60, "sampai_detik": 1859, "persen": ` + p1 + `},
		{"kode": "` + prefix + `2", "dari_detik": 1860, "sampai_detik": 3659, "persen": ` + p2 + `},
		{"kode": "` + prefix + `3", "dari_detik": 3660, "sampai_detik": 5459, "persen": ` + p3 + `},
		{"kode": "` + prefix + `4", "dari_detik": 5460, "sampai_detik": -1, "persen": ` + p4 + `}]`
}

// profil parses a profile literal, failing the test on any error.
func profil(t testing.TB, s string) ProfilTPP {
	t.Helper()
	p, err := ParseProfilTPP([]byte(s))
	if err != nil {
		t.Fatalf("profile does not parse: %v\n%s", err, s)
	}
	return p
}

// hitung computes, failing the test on error.
func hitung(t testing.TB, p ProfilTPP, f FaktaTPP) HasilTPP {
	t.Helper()
	h, err := HitungTPP(p, f)
	if err != nil {
		t.Fatalf("HitungTPP: %v", err)
	}
	return h
}

// bulanHari is a month of days: Saturdays, Sundays and the listed dates are days
// off, every other day a working day present on time.
func bulanHari(y int, m time.Month, libur ...int) []FaktaHari {
	n := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
	out := make([]FaktaHari, n)
	for d := 1; d <= n; d++ {
		t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		f := FaktaHari{Tanggal: t, Kerja: true, Status: StatusHadir}
		switch {
		case t.Weekday() == time.Saturday || t.Weekday() == time.Sunday:
			f.Kerja, f.Libur, f.Status = false, LiburAkhirPekan, StatusLibur
		case slices.Contains(libur, d):
			f.Kerja, f.Libur, f.Status = false, LiburNasional, StatusLibur
		}
		out[d-1] = f
	}
	return out
}

// maret2026 is March 2026 (1 March is a Sunday: 22 weekdays) with the given holidays.
func maret2026(kelas int, libur ...int) FaktaTPP {
	return FaktaTPP{Tahun: 2026, Bulan: time.March, KelasJabatan: kelas, JenisASN: JenisPNS,
		StatusKepegawaian: StatusAktif, Golongan: "III/a", Hari: bulanHari(2026, time.March, libur...)}
}

func tk(f *FaktaTPP, days ...int) {
	for _, d := range days {
		f.Hari[d-1].Status = StatusTanpaKeterangan
	}
}

func rat(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic(s)
	}
	return r
}

// langkah returns the first step with the code, or fails.
func langkah(t *testing.T, h HasilTPP, kode string) Langkah {
	t.Helper()
	for _, l := range h.Trace {
		if l.Kode == kode {
			return l
		}
	}
	t.Fatalf("no step %s in:\n%s", kode, strings.Join(h.Penjelasan("id"), "\n"))
	return Langkah{}
}

func cekRupiah(t *testing.T, h HasilTPP, nama string, got, want int64) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %s, want %s\n%s", nama, FormatRupiah(got), FormatRupiah(want), strings.Join(h.Penjelasan("id"), "\n"))
	}
}

// V1. Tiered lateness and absence on the whole amount.
func TestTPPV1(t *testing.T) {
	p := profil(t, `{
		"besaran": {"tabel": `+jsonTukin2022+`},
		"bobot": {"produktivitas": 100, "disiplin": 0},
		"kinerja": {"model": "NONE"},
		"disiplin": {"dasar": "TOTAL", "pita_tl": `+pita("TL", "0.5", "1", "1.5", "2")+`, "pita_psw": `+pita("PSW", "0.5", "1", "1.5", "2")+`,
			"tanpa_masuk": "PITA_TERBERAT", "tanpa_pulang": "PITA_TERBERAT", "tk_persen": 4},
		"pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"}}`)
	f := maret2026(10)
	f.Hari[1].TerlambatDetik = 5 * 60
	f.Hari[2].TerlambatDetik = 33 * 60
	f.Hari[3].TerlambatDetik = 95 * 60
	f.Hari[4].PulangCepatDetik = 20 * 60
	tk(&f, 9, 10)
	h := hitung(t, p, f)
	cekRupiah(t, h, "besaran", h.Besaran, 5979200)
	cekRupiah(t, h, "potongan disiplin", h.PotonganDisiplin, 717504)
	cekRupiah(t, h, "neto", h.Neto, 5261696)
	if h.PersenPotonganDisiplin != "12" {
		t.Errorf("Σ%% = %s, want 12", h.PersenPotonganDisiplin)
	}
	tl := h.Trace[slices.IndexFunc(h.Trace, func(l Langkah) bool { return l.Kode == "TL" && l.Tanggal.Day() == 3 })]
	want := Text{ID: "Terlambat 33 menit pada 3 Maret 2026 (TL2): potongan 1% × Rp 5.979.200 = Rp 59.792",
		EN: "Late 33 minutes on 3 March 2026 (TL2): deduction 1% × Rp 5,979,200 = Rp 59,792"}
	if tl.Uraian != want || tl.Aturan != "disiplin/pita_tl/1" || tl.Persen != "1" || tl.Dasar != "5979200" || tl.Jumlah != "59792" {
		t.Errorf("TL step = %+v", tl)
	}
}

// V2. Daily cap while present.
func TestTPPV2(t *testing.T) {
	const dasar = `"besaran": {"tabel": ` + jsonTukin2022 + `},
		"bobot": {"produktivitas": 100, "disiplin": 0},
		"kinerja": {"model": "NONE"},
		"pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"},`
	disiplin := `"dasar": "TOTAL", "pita_tl": ` + pita("TL", "0.5", "1", "1.25", "2.5") + `, "pita_psw": ` + pita("PSW", "0.5", "1", "1.25", "2.5")
	f := maret2026(6)
	f.Hari[1].TerlambatDetik, f.Hari[1].PulangCepatDetik = 91*60, 40*60 // day A: 2.5% + 1%
	f.Hari[2].TerlambatDetik = 15 * 60                                  // day B: 0.5%

	h := hitung(t, profil(t, `{`+dasar+`"disiplin": {`+disiplin+`, "batas_harian": 2.5}}`), f)
	cekRupiah(t, h, "neto", h.Neto, 3405088)
	if l := langkah(t, h, "BATAS_HARIAN"); l.Tanggal.Day() != 2 || l.Persen != "2.5" {
		t.Errorf("BATAS_HARIAN = %+v", l)
	}
	h = hitung(t, profil(t, `{`+dasar+`"disiplin": {`+disiplin+`}}`), f)
	cekRupiah(t, h, "neto without the daily cap", h.Neto, 3369984)
}

// V3. Consecutive unexcused absence: 2.5% a day, 10 consecutive working days → 100%.
func TestTPPV3(t *testing.T) {
	p := profil(t, `{
		"besaran": {"tabel": `+jsonTukin2022+`},
		"bobot": {"produktivitas": 100, "disiplin": 0},
		"kinerja": {"model": "NONE"},
		"disiplin": {"dasar": "TOTAL", "tk_persen": 2.5, "tk_beruntun": {"hari": 10, "persen": 100}, "batas_bulanan": 100},
		"pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"}}`)
	for _, c := range []struct {
		name string
		tk   []int
		neto int64
	}{
		{"V3a 4 separate days", []int{2, 4, 9, 11}, 2608200},
		// 19 March is a holiday; 14–15 and 21–22 are weekends: ten working days in a row
		{"V3b 10 consecutive working days", []int{12, 13, 16, 17, 18, 20, 23, 24, 25, 26}, 0},
		{"V3c 8 consecutive + 2 separate", []int{2, 5, 16, 17, 18, 20, 23, 24, 25, 26}, 2173500},
		{"9 consecutive", []int{13, 16, 17, 18, 20, 23, 24, 25, 26}, 2245950},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := maret2026(3, 19)
			tk(&f, c.tk...)
			h := hitung(t, p, f)
			cekRupiah(t, h, "neto", h.Neto, c.neto)
			if run := slices.ContainsFunc(h.Trace, func(l Langkah) bool { return l.Kode == "TK_BERUNTUN" }); run != (c.neto == 0) {
				t.Errorf("TK_BERUNTUN step present = %v", run)
			}
		})
	}
}

// V4. Hukuman disiplin: 25% for 9 months from the first full month after the
// decision became final on 20 January 2026.
func TestTPPV4(t *testing.T) {
	profilV4 := func(mulai, gabung string) ProfilTPP {
		return profil(t, `{
			"besaran": {"tabel": [{"kelas": 1, "jumlah": 4800000}]},
			"bobot": {"produktivitas": 100, "disiplin": 0},
			"kinerja": {"model": "NONE"},
			"hukdis": {"jenis": [
				{"jenis": "POTONGAN_TUKIN_6", "persen": 25},
				{"jenis": "POTONGAN_TUKIN_9", "persen": 25, "durasi_bulan": 9},
				{"jenis": "POTONGAN_TUKIN_12", "persen": 25, "durasi_bulan": 12},
				{"jenis": "PEMBEBASAN_JABATAN", "persen": 10, "durasi_bulan": 12}],
				"mulai": "`+mulai+`", "gabung": "`+gabung+`"},
			"pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"}}`)
	}
	final := time.Date(2026, time.January, 20, 0, 0, 0, 0, time.UTC)
	tahun := func(p ProfilTPP, hk ...HukumanFakta) [12]int64 {
		var out [12]int64
		for m := time.January; m <= time.December; m++ {
			f := FaktaTPP{Tahun: 2026, Bulan: m, KelasJabatan: 1, JenisASN: JenisPNS, StatusKepegawaian: StatusAktif,
				Hari: bulanHari(2026, m), Hukuman: hk}
			out[m-1] = hitung(t, p, f).Neto
		}
		return out
	}
	const penuh, potong = 4800000, 3600000
	sembilan := HukumanFakta{Jenis: PotonganTukin9, TanggalBerlaku: final, DurasiBulan: 9}
	for _, c := range []struct {
		name string
		p    ProfilTPP
		hk   []HukumanFakta
		want [12]int64
	}{
		{"V4 first full month", profilV4("FIRST_FULL_MONTH_AFTER_FINAL", "MAX"), []HukumanFakta{sembilan},
			[12]int64{penuh, potong, potong, potong, potong, potong, potong, potong, potong, potong, penuh, penuh}},
		{"month of final", profilV4("MONTH_OF_FINAL", "MAX"), []HukumanFakta{sembilan},
			[12]int64{potong, potong, potong, potong, potong, potong, potong, potong, potong, penuh, penuh, penuh}},
		{"next month", profilV4("NEXT_MONTH", "MAX"), []HukumanFakta{sembilan},
			[12]int64{penuh, potong, potong, potong, potong, potong, potong, potong, potong, potong, penuh, penuh}},
		{"final on the 1st starts that month", profilV4("FIRST_FULL_MONTH_AFTER_FINAL", "MAX"),
			[]HukumanFakta{{Jenis: PotonganTukin6, TanggalBerlaku: time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC), DurasiBulan: 6}},
			[12]int64{penuh, penuh, potong, potong, potong, potong, potong, potong, penuh, penuh, penuh, penuh}},
		{"no money cut for teguran lisan and pernyataan tidak puas", profilV4("FIRST_FULL_MONTH_AFTER_FINAL", "MAX"),
			[]HukumanFakta{{Jenis: TeguranLisan, TanggalBerlaku: final}, {Jenis: PernyataanTidakPuas, TanggalBerlaku: final}},
			[12]int64{penuh, penuh, penuh, penuh, penuh, penuh, penuh, penuh, penuh, penuh, penuh, penuh}},
		{"stacking MAX", profilV4("FIRST_FULL_MONTH_AFTER_FINAL", "MAX"),
			[]HukumanFakta{sembilan, {Jenis: PotonganTukin12, TanggalBerlaku: time.Date(2025, time.June, 5, 0, 0, 0, 0, time.UTC)}},
			[12]int64{potong, potong, potong, potong, potong, potong, potong, potong, potong, potong, penuh, penuh}},
		{"stacking SUM", profilV4("FIRST_FULL_MONTH_AFTER_FINAL", "SUM"),
			[]HukumanFakta{sembilan, {Jenis: PembebasanJabatan, TanggalBerlaku: final}},
			[12]int64{penuh, 3120000, 3120000, 3120000, 3120000, 3120000, 3120000, 3120000, 3120000, 3120000, 4320000, 4320000}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := tahun(c.p, c.hk...); got != c.want {
				t.Errorf("Jan–Dec = %v, want %v", got, c.want)
			}
		})
	}
	// the step explains the cut
	f := FaktaTPP{Tahun: 2026, Bulan: time.March, KelasJabatan: 1, Hukuman: []HukumanFakta{sembilan}}
	l := langkah(t, hitung(t, profilV4("FIRST_FULL_MONTH_AFTER_FINAL", "MAX"), f), "HUKDIS")
	if want := "Hukuman disiplin POTONGAN_TUKIN_9, final 20 Januari 2026: potongan 25% selama 9 bulan (Februari 2026 – Oktober 2026, bulan ini bulan ke-2): 25% × Rp 4.800.000 = Rp 1.200.000"; l.Uraian.ID != want || l.Jumlah != "1200000" {
		t.Errorf("HUKDIS step = %+v", l)
	}
}

// profilV5 is the Kota Manado points model of V5.
const profilV5 = `{
	"besaran": {"tabel": [{"kelas": 1, "jumlah": 7000000}]},
	"bobot": {"produktivitas": 60, "disiplin": 40},
	"kinerja": {"model": "POIN", "batas_indikator": 100,
		"poin": {"pengali_skp": 0.3, "maks_perilaku": 30, "skor_maks": 700, "ambang_bawah": 209, "ambang_atas": 679}},
	"disiplin": {"dasar": "DISIPLIN_PART", "toleransi_tl_detik": 59,
		"pita_tl": [
			{"kode": "TMK1", "dari_detik": 60, "sampai_detik": 1859, "persen": 1},
			{"kode": "TMK2", "dari_detik": 1860, "sampai_detik": 3659, "persen": 2},
			{"kode": "TMK3", "dari_detik": 3660, "sampai_detik": -1, "persen": 3}],
		"pita_psw": [
			{"kode": "PKSW1", "dari_detik": 1, "sampai_detik": 1800, "persen": 1},
			{"kode": "PKSW2", "dari_detik": 1801, "sampai_detik": 3600, "persen": 2},
			{"kode": "PKSW3", "dari_detik": 3601, "sampai_detik": -1, "persen": 3}],
		"tanpa_masuk": "PITA_TERBERAT", "tanpa_pulang": "PITA_TERBERAT",
		"tk_persen": 10, "batas_bulanan": 100, "proporsi_jhk": {"berlaku": "DISIPLIN"}},
	"pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"}}`

func faktaV5() FaktaTPP {
	f := maret2026(1, 19) // JHK 21
	f.Capaian = []CapaianIndikator{{Realisasi: rat("8"), Target: rat("10")}, {Realisasi: rat("10"), Target: rat("10")},
		{Realisasi: rat("15"), Target: rat("10")}}
	f.BerAKHLAK = &[7]int{95, 85, 90, 80, 100, 75, 90}
	return f
}

// V5. Points model with deductions on the 40% share.
func TestTPPV5(t *testing.T) {
	p := profil(t, profilV5)
	f := faktaV5()
	f.Hari[1].TerlambatDetik = 20 * 60 // in 08:20
	f.Hari[2].TerlambatDetik = 40 * 60 // in 08:40
	f.Hari[3].TanpaPulang = true       // no clock-out
	tk(&f, 5)
	h := hitung(t, p, f)
	if poin := langkah(t, h, "POIN_SKP"); poin.Jumlah != "28" {
		t.Errorf("SKP points = %s, want 28", poin.Jumlah)
	}
	if poin := langkah(t, h, "POIN_PERILAKU"); poin.Jumlah != "26.3571428571…" {
		t.Errorf("BerAKHLAK points = %s, want 26.357142…", poin.Jumlah)
	}
	cekRupiah(t, h, "PK", h.Produktivitas, 3805000)
	cekRupiah(t, h, "disiplin share", h.Disiplin, 2800000)
	cekRupiah(t, h, "DK", h.Disiplin-h.PotonganDisiplin, 2352000)
	cekRupiah(t, h, "TPP", h.Neto, 6157000)
	if h.PersenPotonganDisiplin != "16" {
		t.Errorf("Σ%% = %s, want 16", h.PersenPotonganDisiplin)
	}

	t.Run("band edges", func(t *testing.T) {
		for _, c := range []struct {
			detik int
			want  string
		}{{59, "0"}, {60, "1"}, {1859, "1"}, {1860, "2"}, {3659, "2"}, {3660, "3"}, {5 * 3600, "3"}} {
			f := faktaV5()
			f.Hari[1].TerlambatDetik = c.detik
			if got := hitung(t, p, f).PersenPotonganDisiplin; got != c.want {
				t.Errorf("%d s late: %s%%, want %s%%", c.detik, got, c.want)
			}
		}
	})
	t.Run("BerAKHLAK thresholds", func(t *testing.T) {
		for _, c := range []struct {
			skor [7]int
			want string
		}{{[7]int{30, 30, 30, 30, 30, 30, 29}, "0"}, {[7]int{30, 30, 30, 30, 30, 30, 30}, "9"},
			{[7]int{97, 97, 97, 97, 97, 97, 97}, "30"}, {[7]int{97, 97, 97, 97, 97, 97, 96}, "29.0571428571…"}} {
			f := faktaV5()
			f.BerAKHLAK = &c.skor
			if got := langkah(t, hitung(t, p, f), "POIN_PERILAKU").Jumlah; got != c.want {
				t.Errorf("%v: %s points, want %s", c.skor, got, c.want)
			}
		}
	})
	t.Run("DK never below zero", func(t *testing.T) {
		f := faktaV5()
		tk(&f, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16)
		h := hitung(t, p, f)
		cekRupiah(t, h, "DK", h.Disiplin-h.PotonganDisiplin, 0)
		cekRupiah(t, h, "TPP", h.Neto, 3805000)
		langkah(t, h, "BATAS_BULANAN")
	})
	t.Run("proration for a mid-month TMT", func(t *testing.T) {
		f := faktaV5()
		for i := range 10 { // in service from 11 March: 7 of the 21 working days are outside
			if f.Hari[i].Kerja {
				f.Hari[i].Kerja, f.Hari[i].Libur, f.Hari[i].Status = false, LiburDiluarMasaKerja, StatusLibur
			}
		}
		h := hitung(t, p, f)
		cekRupiah(t, h, "disiplin share", h.Disiplin, 1866667) // 2.800.000 × 14/21
		if l := langkah(t, h, "PROPORSI_JHK"); l.Jumlah != "1866666.6666666667…" {
			t.Errorf("PROPORSI_JHK = %+v", l)
		}
	})
}

// profilV6 is the full pipeline of V6 with the deduction base given.
func profilV6(t testing.TB, dasar string) ProfilTPP {
	return profil(t, `{
		"besaran": {"tabel": `+jsonSeruyan2023+`},
		"bobot": {"produktivitas": 60, "disiplin": 40},
		"kinerja": {"model": "CAPAIAN"},
		"disiplin": {"dasar": "`+dasar+`", "pita_tl": `+pita("TL", "0.5", "1", "1.25", "1.5")+`,
			"pita_psw": `+pita("PSW", "0.5", "1", "1.25", "1.5")+`, "tk_persen": 3},
		"pajak": {"mode": "FINAL_GOLONGAN", "tarif": [{"ruang": "I", "persen": 0}, {"ruang": "II", "persen": 0},
			{"ruang": "III", "persen": 5}, {"ruang": "IV", "persen": 15}]},
		"bpjs": {"persen_pegawai": 1, "persen_pemda": 4, "dasar": "DALAM_BATAS", "batas": 12000000},
		"pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"}}`)
}

func faktaV6() FaktaTPP {
	f := maret2026(11)
	f.Golongan = "IV/a"
	f.CapaianPersen = rat("85")
	f.Hari[1].TerlambatDetik = 5 * 60
	f.Hari[2].TerlambatDetik = 45 * 60
	f.Hari[3].PulangCepatDetik = 70 * 60
	tk(&f, 9, 10)
	return f
}

// V6. Full pipeline: 60/40, deductions on the disiplin share, BPJS and PPh.
func TestTPPV6(t *testing.T) {
	h := hitung(t, profilV6(t, "DISIPLIN_PART"), faktaV6())
	for _, c := range []struct{ kode, dasar, jumlah string }{
		{"BOBOT", "7188745", "4313247"},
		{"PRODUKTIVITAS", "4313247", "3666259.95"},
		{"POTONGAN_DISIPLIN", "2875498", "251606.075"},
		{"DISIPLIN", "2875498", "2623891.925"},
		{"BRUTO", "", "6290151.875"},
	} {
		if l := langkah(t, h, c.kode); l.Dasar != c.dasar || l.Jumlah != c.jumlah {
			t.Errorf("%s: dasar %q jumlah %q, want %q %q", c.kode, l.Dasar, l.Jumlah, c.dasar, c.jumlah)
		}
	}
	cekRupiah(t, h, "bruto", h.Bruto, 6290152)
	cekRupiah(t, h, "BPJS pegawai", h.BPJSPegawai, 62902)
	cekRupiah(t, h, "BPJS pemda", h.BPJSPemda, 251606)
	cekRupiah(t, h, "PPh", h.PPh, 943523)
	cekRupiah(t, h, "neto", h.Neto, 5283727)
	if h.PersenPotonganDisiplin != "8.75" || h.PersenKinerja != "85" {
		t.Errorf("Σ%% = %s, kinerja %s", h.PersenPotonganDisiplin, h.PersenKinerja)
	}

	t.Run("V6b deductions on the whole besaran", func(t *testing.T) {
		h := hitung(t, profilV6(t, "TOTAL"), faktaV6())
		cekRupiah(t, h, "bruto", h.Bruto, 5912743)
	})
}

// The simpler examples: one amount each.
func TestTPPContoh(t *testing.T) {
	const bulat = `"pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"}`
	const penuh = `"bobot": {"produktivitas": 100, "disiplin": 0}, "kinerja": {"model": "NONE"}, `
	v8a := profil(t, `{"besaran": {"tabel": [{"kelas": 1, "jumlah": 12370000}]}, `+penuh+`
		"predikat": {"tingkat_tahunan": [{"predikat": "BUTUH_PERBAIKAN", "persen": 90},
			{"predikat": "KURANG_MISCONDUCT", "persen": 85}, {"predikat": "SANGAT_KURANG", "persen": 80}]}, `+bulat+`}`)
	v8b := profil(t, `{"besaran": {"tabel": `+jsonTukin2022+`}, `+penuh+`
		"predikat": {"potongan_bulanan": [{"predikat": "KURANG_MISCONDUCT", "persen": 1}, {"predikat": "SANGAT_KURANG", "persen": 2}]}, `+bulat+`}`)
	v9 := profil(t, `{"besaran": {"tabel": `+jsonTukin2022+`}, `+penuh+`"netting_profesi": "SELISIH", `+bulat+`}`)
	v10 := profil(t, `{"besaran": {"tabel": [{"kelas": 1, "jumlah": 8500000}]},
		"bobot": {"produktivitas": 100, "disiplin": 0}, "kinerja": {"model": "CAPAIAN", "batas_indikator": 100}, `+bulat+`}`)
	v11 := profil(t, `{"besaran": {"tabel": [{"kelas": 1, "jumlah": 3000000}]}, `+penuh+`
		"disiplin": {"dasar": "TOTAL", "tk_persen": 3, "hari_khusus_persen": 100}, `+bulat+`}`)
	v12 := profil(t, `{"besaran": {"tabel": [{"kelas": 1, "jumlah": 4000000}]}, `+penuh+`
		"bpjs": {"persen_pegawai": 1, "persen_pemda": 4, "dasar": "DALAM_BATAS", "batas": 12000000}, `+bulat+`}`)
	v7 := profil(t, `{"besaran": {"tabel": `+jsonSeruyan2023+`}, `+penuh+`
		"status": {"jenis_asn": [{"jenis_asn": "CPNS", "persen": 80}]}, `+bulat+`}`)

	with := func(kelas int, fn func(*FaktaTPP)) FaktaTPP {
		f := maret2026(kelas)
		fn(&f)
		return f
	}
	for _, c := range []struct {
		name  string
		p     ProfilTPP
		f     FaktaTPP
		field func(HasilTPP) int64
		want  int64
	}{
		{"V7 CPNS 80%", v7, with(7, func(f *FaktaTPP) { f.JenisASN = JenisCPNS }), neto, 3083780},
		{"V7 PNS 100%", v7, with(7, func(f *FaktaTPP) {}), neto, 3854725},
		{"V8a Butuh Perbaikan", v8a, with(1, func(f *FaktaTPP) { f.PredikatTahunLalu = ButuhPerbaikan }), neto, 11133000},
		{"V8a Cukup is Butuh Perbaikan", v8a, with(1, func(f *FaktaTPP) { f.PredikatTahunLalu = "CUKUP" }), neto, 11133000},
		{"V8a Kurang", v8a, with(1, func(f *FaktaTPP) { f.PredikatTahunLalu = KurangMisconduct }), neto, 10514500},
		{"V8a Sangat Kurang", v8a, with(1, func(f *FaktaTPP) { f.PredikatTahunLalu = SangatKurang }), neto, 9896000},
		{"V8a Baik", v8a, with(1, func(f *FaktaTPP) { f.PredikatTahunLalu = Baik }), neto, 12370000},
		{"V8a Sangat Baik", v8a, with(1, func(f *FaktaTPP) { f.PredikatTahunLalu = SangatBaik }), neto, 12370000},
		{"V8a none", v8a, with(1, func(f *FaktaTPP) {}), neto, 12370000},
		{"V8b Kurang", v8b, with(10, func(f *FaktaTPP) { f.Predikat = KurangMisconduct }), neto, 5919408},
		{"V8b Sangat Kurang", v8b, with(10, func(f *FaktaTPP) { f.Predikat = SangatKurang }), neto, 5859616},
		{"V8b Baik", v8b, with(10, func(f *FaktaTPP) { f.Predikat = Baik }), neto, 5979200},
		{"V9 profesi below TPP", v9, with(9, func(f *FaktaTPP) { f.TunjanganProfesi = 3100000 }), neto, 1979200},
		{"V9 profesi above TPP", v9, with(9, func(f *FaktaTPP) { f.TunjanganProfesi = 5200000 }), neto, 0},
		{"V10 gross", v10, with(1, faktaV10), bruto, 8216667},
		{"V10 net", v10, with(1, faktaV10), neto, 8131667},
		{"V11 absent before cuti bersama", v11, with(1, func(f *FaktaTPP) { tk(f, 31); f.Hari[30].Khusus = true }), neto, 0},
		{"V11 absent on an ordinary day", v11, with(1, func(f *FaktaTPP) { tk(f, 31) }), neto, 2910000},
		{"V12 BPJS employee", v12, with(1, func(f *FaktaTPP) { f.PenghasilanLainBPJS = 10200000 }), func(h HasilTPP) int64 { return h.BPJSPegawai }, 18000},
		{"V12 BPJS employer", v12, with(1, func(f *FaktaTPP) { f.PenghasilanLainBPJS = 10200000 }), func(h HasilTPP) int64 { return h.BPJSPemda }, 72000},
		{"V12 net", v12, with(1, func(f *FaktaTPP) { f.PenghasilanLainBPJS = 10200000 }), neto, 3982000},
		{"V12 other wage above the cap", v12, with(1, func(f *FaktaTPP) { f.PenghasilanLainBPJS = 13000000 }), func(h HasilTPP) int64 { return h.BPJSPegawai }, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := hitung(t, c.p, c.f)
			cekRupiah(t, h, "amount", c.field(h), c.want)
		})
	}
	t.Run("V10 average achievement", func(t *testing.T) {
		h := hitung(t, v10, with(1, faktaV10))
		if h.PersenKinerja != "96.6666666667…" || langkah(t, h, "BRUTO").Jumlah != "8216666.6666666667…" {
			t.Errorf("kinerja %s, bruto %s", h.PersenKinerja, langkah(t, h, "BRUTO").Jumlah)
		}
	})
}

func neto(h HasilTPP) int64  { return h.Neto }
func bruto(h HasilTPP) int64 { return h.Bruto }

func faktaV10(f *FaktaTPP) {
	f.Capaian = []CapaianIndikator{{Realisasi: rat("9"), Target: rat("10")}, {Realisasi: rat("10"), Target: rat("10")},
		{Realisasi: rat("14"), Target: rat("12")}}
	f.PotonganLain = []PotonganFakta{{Kode: "IURAN_BPJS", Nama: "Iuran BPJS pegawai", Jumlah: 85000}}
}

func TestTPPValidasi(t *testing.T) {
	const sah = `"besaran": {"tabel": [{"kelas": 1, "jumlah": 1000000}]},
		"bobot": {"produktivitas": 60, "disiplin": 40}, "kinerja": {"model": "NONE"},
		"pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"}`
	for _, c := range []struct {
		name, json, field, code string
	}{
		{"overlapping bands", `{` + sah + `, "disiplin": {"dasar": "TOTAL", "pita_tl": [
			{"kode": "TL1", "dari_detik": 60, "sampai_detik": 1800, "persen": 0.5},
			{"kode": "TL2", "dari_detik": 1800, "sampai_detik": -1, "persen": 1}]}}`, "disiplin/pita_tl/1/dari_detik", "pita_overlap"},
		{"inverted band", `{` + sah + `, "disiplin": {"dasar": "TOTAL", "pita_psw": [
			{"kode": "P1", "dari_detik": 600, "sampai_detik": 60, "persen": 0.5}]}}`, "disiplin/pita_psw/0/sampai_detik", "pita_end_before_start"},
		{"gap between bands", `{` + sah + `, "disiplin": {"dasar": "TOTAL", "pita_tl": ` +
			strings.Replace(pita("TL", "0.5", "1", "1.5", "2"), `"dari_detik": 5460`, `"dari_detik": 5520`, 1) + `}}`, "disiplin/pita_tl/3/dari_detik", "pita_gap"},
		{"band percent above 100", `{` + sah + `, "disiplin": {"dasar": "TOTAL", "pita_tl": ` + pita("TL", "0.5", "1", "1.5", "100.5") + `}}`,
			"disiplin/pita_tl/3/persen", "persen_invalid"},
		{"component percent above 100", `{` + sah + `, "komponen": [{"jenis": "BEBAN_KERJA", "persen": 150}]}`, "komponen/0/persen", "persen_range"},
		{"negative percent", `{` + sah + `, "disiplin": {"dasar": "TOTAL", "tk_persen": -1}}`, "disiplin/tk_persen", "persen_range"},
		{"weights not 100", strings.Replace(`{`+sah+`}`, `"disiplin": 40`, `"disiplin": 30`, 1), "bobot", "bobot_sum"},
		{"unknown field", `{` + sah + `, "potongan": 3}`, "potongan", "field_unknown"},
		{"unknown nested field", `{` + sah + `, "bpjs": {"persen": 1}}`, "persen", "field_unknown"},
		{"percent as a string", strings.Replace(`{`+sah+`}`, `"produktivitas": 60`, `"produktivitas": "60"`, 1), "bobot/produktivitas", "desimal_invalid"},
		{"too precise", strings.Replace(`{`+sah+`}`, `"produktivitas": 60`, `"produktivitas": 60.00000000001`, 1), "bobot/produktivitas", "desimal_invalid"},
		{"huge exponent", strings.Replace(`{`+sah+`}`, `"produktivitas": 60`, `"produktivitas": 1e999999999`, 1), "bobot/produktivitas", "desimal_invalid"},
		{"wrong type", strings.Replace(`{`+sah+`}`, `"jumlah": 1000000`, `"jumlah": 1000000.5`, 1), "besaran/tabel/jumlah", "type_invalid"},
		{"kelas gap", strings.Replace(`{`+sah+`}`, `"kelas": 1`, `"kelas": 2`, 1), "besaran/tabel/0/kelas", "kelas_sequence"},
		{"no amounts", strings.Replace(`{`+sah+`}`, `"tabel": [{"kelas": 1, "jumlah": 1000000}]`, `"tabel": []`, 1), "besaran", "besaran_required"},
		{"zero amount", strings.Replace(`{`+sah+`}`, `"jumlah": 1000000`, `"jumlah": 0`, 1), "besaran/tabel/0/jumlah", "rupiah_range"},
		{"ladder without factor", strings.Replace(`{`+sah+`}`, `"tabel"`, `"tangga"`, 1), "besaran/faktor", "required"},
		{"unknown enum", strings.Replace(`{`+sah+`}`, `"HALF_UP"`, `"HALF_EVEN"`, 1), "pembulatan/mode", "enum_invalid"},
		{"unknown predikat", strings.Replace(`{`+sah+`}`, `"model": "NONE"`, `"model": "PREDIKAT", "predikat": [{"predikat": "CUKUP", "persen": 1}]`, 1),
			"kinerja/predikat/0/predikat", "enum_invalid"},
		{"incomplete predikat table", strings.Replace(`{`+sah+`}`, `"model": "NONE"`, `"model": "PREDIKAT", "predikat": [{"predikat": "BAIK", "persen": 100}]`, 1),
			"kinerja/predikat", "predikat_incomplete"},
		{"negative cap", `{` + sah + `, "bpjs": {"persen_pegawai": 1, "persen_pemda": 4, "dasar": "BRUTO", "batas": -5}}`, "bpjs/batas", "rupiah_range"},
		{"unknown hukdis", `{` + sah + `, "hukdis": {"jenis": [{"jenis": "SKORSING", "persen": 10}], "mulai": "NEXT_MONTH", "gabung": "MAX"}}`,
			"hukdis/jenis/0/jenis", "enum_invalid"},
		{"hukdis without start rule", `{` + sah + `, "hukdis": {"jenis": [{"jenis": "POTONGAN_TUKIN_6", "persen": 25}], "gabung": "MAX"}}`,
			"hukdis/mulai", "required"},
		{"duplicate izin rule", `{` + sah + `, "izin": [{"jenis": "CUTI_BESAR", "perlakuan": "DIBAYAR"}, {"jenis": "CUTI_BESAR", "perlakuan": "TIDAK_DIBAYAR"}]}`,
			"izin/1/jenis", "duplicate"},
		{"tax rates without a mode", `{` + sah + `, "pajak": {"tarif": [{"ruang": "IV", "persen": 15}]}}`, "pajak/mode", "not_applicable"},
		{"unknown ruang", `{` + sah + `, "pajak": {"mode": "FINAL_GOLONGAN", "tarif": [{"ruang": "V", "persen": 15}]}}`, "pajak/tarif/0/ruang", "enum_invalid"},
		{"disiplin share empty", strings.Replace(`{`+sah+`, "disiplin": {"dasar": "DISIPLIN_PART", "tk_persen": 3}}`, `"produktivitas": 60, "disiplin": 40`, `"produktivitas": 100, "disiplin": 0`, 1),
			"disiplin/dasar", "dasar_empty"},
		{"trailing data", `{` + sah + `} {}`, "", "json_trailing"},
		{"not JSON", `{` + sah, "", "json_invalid"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseProfilTPP([]byte(c.json))
			de, ok := AsError(err)
			if !ok || de.Kind != KindInvalid {
				t.Fatalf("err = %v, want a validation error", err)
			}
			for _, f := range de.Fields {
				if f.Field == c.field && f.Code == c.code {
					if f.Text.ID == "" || f.Text.EN == "" || f.Text.ID == f.Text.EN {
						t.Errorf("texts not bilingual: %+v", f.Text)
					}
					return
				}
			}
			t.Errorf("no %s at %q in %v", c.code, c.field, err)
		})
	}
	// HitungTPP refuses an invalid profile rather than computing
	if _, err := HitungTPP(ProfilTPP{}, FaktaTPP{}); err == nil {
		t.Error("HitungTPP accepted the zero profile")
	}
}

// TestTPPRoundTrip checks that every preset and example profile marshals to JSON
// that reads back to the same profile, byte for byte.
func TestTPPRoundTrip(t *testing.T) {
	profiles := map[string]ProfilTPP{"V5": profil(t, profilV5), "V6": profilV6(t, "DISIPLIN_PART")}
	for _, info := range DaftarPresetTPP() {
		p, ok := PresetTPP(info.Kode)
		if !ok {
			t.Fatalf("preset %s missing", info.Kode)
		}
		profiles[info.Kode] = p
	}
	if _, ok := PresetTPP("NOPE"); ok {
		t.Error("unknown preset found")
	}
	for name, p := range profiles {
		b1, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var back ProfilTPP
		if err := json.Unmarshal(b1, &back); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, b1)
		}
		b2, _ := json.Marshal(back)
		if !bytes.Equal(b1, b2) {
			t.Errorf("%s does not round-trip:\n%s\n%s", name, b1, b2)
		}
	}
	// decimals keep their exact value and canonical form
	p := profil(t, `{"besaran": {"tangga": [{"kelas": 1, "jumlah": 716562}], "faktor": 1.248970},
		"bobot": {"produktivitas": 62.50, "disiplin": 375e-1}, "kinerja": {"model": "NONE"},
		"pembulatan": {"mode": "FLOOR", "tahap": "FINAL"}}`)
	b, _ := json.Marshal(p)
	for _, want := range []string{`"faktor":1.24897`, `"produktivitas":62.5`, `"disiplin":37.5`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("%s not in %s", want, b)
		}
	}
}

func TestTPPDeterministik(t *testing.T) {
	p, _ := PresetTPP("KEPMENDAGRI_60_40")
	f := faktaV6()
	f.Predikat = Baik
	slices.Reverse(f.Hari) // unsorted days are put in order
	f.Hukuman = []HukumanFakta{{Jenis: PotonganTukin6, TanggalBerlaku: time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC)}}
	a, _ := json.Marshal(hitung(t, p, f))
	b, _ := json.Marshal(hitung(t, p, f))
	if !bytes.Equal(a, b) {
		t.Fatalf("two computations differ:\n%s\n%s", a, b)
	}
	f2 := faktaV6()
	f2.Predikat = Baik
	f2.Hukuman = f.Hukuman
	c, _ := json.Marshal(hitung(t, p, f2))
	if !bytes.Equal(a, c) {
		t.Fatalf("day order changes the result:\n%s\n%s", a, c)
	}
}

func TestPembulatan(t *testing.T) {
	for _, c := range []struct {
		x           string
		up, floor   int64
		desimal, rp string
	}{
		{"251606.075", 251606, 251606, "251606.075", ""},
		{"251606.5", 251607, 251606, "251606.5", ""},
		{"62901.52", 62902, 62901, "62901.52", ""},
		{"-0.5", 0, -1, "-0.5", ""},
		{"-1.5", -1, -2, "-1.5", ""},
		{"29/3", 10, 9, "9.6666666667…", ""},
		{"0", 0, 0, "0", ""},
		{"1/1024", 0, 0, "0.0009765625", ""},
		{"1/2048", 0, 0, "0.0004882813…", ""},
		{"123456789012345678901234567890.5", 9223372036854775807, 9223372036854775807, "123456789012345678901234567890.5", ""},
	} {
		x := rat(c.x)
		if got := BulatkanHalfUp(x); got != c.up {
			t.Errorf("HalfUp(%s) = %d, want %d", c.x, got, c.up)
		}
		if got := BulatkanFloor(x); got != c.floor {
			t.Errorf("Floor(%s) = %d, want %d", c.x, got, c.floor)
		}
		if got := DesimalString(x); got != c.desimal {
			t.Errorf("DesimalString(%s) = %s, want %s", c.x, got, c.desimal)
		}
	}
	if got := FormatRupiah(5261696); got != "Rp 5.261.696" {
		t.Errorf("FormatRupiah = %s", got)
	}
	if got := FormatRupiah(-1500); got != "-Rp 1.500" {
		t.Errorf("FormatRupiah = %s", got)
	}
	for _, c := range []struct{ in, want, err string }{
		{"0.5", "0.5", ""}, {"1.24897", "1.24897", ""}, {"25e-1", "2.5", ""}, {"100", "100", ""}, {"-0", "0", ""},
		{"0.0000000001", "0.0000000001", ""}, {"99999999.9999999999", "99999999.9999999999", ""},
		{"0.00000000001", "", "presisi"}, {"1e8", "", "besar"}, {"1e-99999999999", "", "presisi"}, {"1.", "", "format"},
		{"abc", "", "format"}, {"NaN", "", "format"}, {"Infinity", "", "format"},
	} {
		d := bacaDesimal(c.in)
		if d.err != c.err || (c.err == "" && d.String() != c.want) {
			t.Errorf("bacaDesimal(%s) = %q err %q, want %q err %q", c.in, d.String(), d.err, c.want, c.err)
		}
	}
	if _, err := ParseDesimal("x", "1e300"); err == nil {
		t.Error("ParseDesimal accepted 1e300")
	}
}

// Ladder × factor: Seruyan's 2022 ladder × 1.24897, rounded with the profile's mode.
func TestTPPTangga(t *testing.T) {
	for _, c := range []struct {
		mode         string
		kelas        int
		want         int64
		trace, bulat string
	}{
		{"HALF_UP", 11, 7188773, "7188772.81617", "7188773"},
		{"FLOOR", 11, 7188772, "7188772.81617", "7188772"},
		{"HALF_UP", 7, 3854740, "3854739.82495", "3854740"},
	} {
		p := profil(t, `{"besaran": {"tangga": `+jsonSeruyan2022+`, "faktor": 1.24897},
			"bobot": {"produktivitas": 100, "disiplin": 0}, "kinerja": {"model": "NONE"},
			"pembulatan": {"mode": "`+c.mode+`", "tahap": "FINAL"}}`)
		h := hitung(t, p, FaktaTPP{Tahun: 2023, Bulan: 1, KelasJabatan: c.kelas})
		cekRupiah(t, h, "besaran", h.Besaran, c.want)
		cekRupiah(t, h, "neto", h.Neto, c.want)
		if l := langkah(t, h, "BESARAN_TANGGA"); l.Jumlah != c.trace {
			t.Errorf("BESARAN_TANGGA = %+v", l)
		}
		if l := langkah(t, h, "PEMBULATAN"); l.Jumlah != c.bulat {
			t.Errorf("PEMBULATAN = %+v", l)
		}
	}
}

// Rules beyond the worked examples: absence types, status, components, performance
// models, tax modes, rounding stages.
func TestTPPAturanLain(t *testing.T) {
	const dasar = `"besaran": {"tabel": [{"kelas": 1, "jumlah": 4000000}, {"kelas": 2, "jumlah": 6000000}],
		"jabatan": [{"jabatan_id": "KADIS", "jumlah": 9000000}]},
		"pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"}`
	const penuh = `"bobot": {"produktivitas": 100, "disiplin": 0}, "kinerja": {"model": "NONE"}`
	izin := profil(t, `{`+dasar+`, `+penuh+`, "disiplin": {"dasar": "TOTAL", "tk_persen": 5, "tk_akumulasi": {"hari": 3, "persen": 50}},
		"izin": [{"jenis": "CUTI_BESAR", "perlakuan": "TIDAK_DIBAYAR", "lebih_dari_hari": 15},
			{"jenis": "CUTI_MELAHIRKAN", "perlakuan": "TIDAK_DIBAYAR", "anak_ke_min": 3},
			{"jenis": "CUTI_SAKIT", "perlakuan": "PERSEN_HARI", "persen": 1, "lebih_dari_hari": 2},
			{"jenis": "TUGAS_BELAJAR", "perlakuan": "PERSEN_BULAN", "persen": 30},
			{"jenis": "CUTI_TAHUNAN", "perlakuan": "DIBAYAR"}]}`)
	izinHari := func(jenis JenisIzin, anak int, days ...int) func(*FaktaTPP) {
		return func(f *FaktaTPP) {
			for _, d := range days {
				f.Hari[d-1].Status, f.Hari[d-1].Izin, f.Hari[d-1].AnakKe = StatusIzin, jenis, anak
			}
		}
	}
	semua := []int{2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24}
	status := profil(t, `{`+dasar+`, `+penuh+`, "status": {"jenis_asn": [{"jenis_asn": "CPNS", "persen": 80}],
		"kepegawaian": [{"status": "CLTN", "persen": 0}, {"status": "TUGAS_BELAJAR", "persen": 50}], "plt_persen": 20},
		"komponen": [{"jenis": "BEBAN_KERJA", "persen": 100},
			{"jenis": "TEMPAT_BERTUGAS", "jumlah": 500000, "tetap": true, "unit_id": ["PULAU"]},
			{"jenis": "KELANGKAAN_PROFESI", "persen": 10, "jabatan_id": ["DOKTER"]}]}`)
	kinerja := func(k string) ProfilTPP {
		return profil(t, `{`+dasar+`, "bobot": {"produktivitas": 70, "disiplin": 30}, "kinerja": `+k+`}`)
	}
	pajak := func(mode string) ProfilTPP {
		return profil(t, `{`+dasar+`, `+penuh+`, "pajak": {"mode": "`+mode+`", "tarif": [{"ruang": "III", "persen": 5}, {"ruang": "IV", "persen": 15}],
			"ruang_pppk": [{"golongan": "IX", "ruang": "III"}]}}`)
	}
	for _, c := range []struct {
		name string
		p    ProfilTPP
		set  func(*FaktaTPP)
		neto int64
	}{
		{"cuti besar of 15 days is paid", izin, izinHari(IzinCutiBesar, 0, semua[:15]...), 4000000},
		{"cuti besar over 15 days forfeits the month", izin, izinHari(IzinCutiBesar, 0, semua[:16]...), 0},
		{"cuti melahirkan, 2nd child, paid", izin, izinHari(IzinCutiMelahirkan, 2, 2, 3), 4000000},
		{"cuti melahirkan, 3rd child, not paid", izin, izinHari(IzinCutiMelahirkan, 3, 2, 3), 0},
		{"2 days sick: below the threshold", izin, izinHari(IzinCutiSakit, 0, 2, 3), 4000000},
		{"3 days sick: 1% a day", izin, izinHari(IzinCutiSakit, 0, 2, 3, 4), 3880000},
		{"tugas belajar: 30% once", izin, izinHari(IzinTugasBelajar, 0, 2, 3, 4), 2800000},
		{"cuti tahunan paid", izin, izinHari(IzinCutiTahunan, 0, 2, 3, 4), 4000000},
		{"2 TK days: 5% each", izin, func(f *FaktaTPP) { tk(f, 2, 9) }, 3600000},
		{"3 TK days: at least 50% in the month", izin, func(f *FaktaTPP) { tk(f, 2, 9, 16) }, 2000000},
		{"CPNS", status, func(f *FaktaTPP) { f.JenisASN = JenisCPNS }, 3200000},
		{"CLTN", status, func(f *FaktaTPP) { f.StatusKepegawaian = StatusCLTN }, 0},
		{"tugas belajar 50%", status, func(f *FaktaTPP) { f.StatusKepegawaian = StatusTugasBelajar }, 2000000},
		{"Plt of a kelas 2 post", status, func(f *FaktaTPP) { f.Plt, f.KelasJabatanPlt = true, 2 }, 5200000},
		{"Plt, own kelas", status, func(f *FaktaTPP) { f.Plt = true }, 4800000},
		{"remote unit component", status, func(f *FaktaTPP) { f.UnitID = "PULAU" }, 4500000},
		{"CPNS in a remote unit: the factor applies to both", status, func(f *FaktaTPP) { f.UnitID, f.JenisASN = "PULAU", JenisCPNS }, 3600000},
		{"scarce profession component", status, func(f *FaktaTPP) { f.JabatanID = "DOKTER" }, 4400000},
		{"position amount", status, func(f *FaktaTPP) { f.JabatanID = "KADIS" }, 9000000},
		{"kelas not in the table", status, func(f *FaktaTPP) { f.KelasJabatan = 9 }, 0},
		{"predikat model", kinerja(`{"model": "PREDIKAT", "predikat": [{"predikat": "SANGAT_BAIK", "persen": 100}, {"predikat": "BAIK", "persen": 100},
			{"predikat": "BUTUH_PERBAIKAN", "persen": 75}, {"predikat": "KURANG_MISCONDUCT", "persen": 50}, {"predikat": "SANGAT_KURANG", "persen": 25}]}`),
			func(f *FaktaTPP) { f.Predikat = ButuhPerbaikan }, 3300000},
		{"predikat missing: 0% by default", kinerja(`{"model": "PREDIKAT", "predikat": [{"predikat": "SANGAT_BAIK", "persen": 100}, {"predikat": "BAIK", "persen": 100},
			{"predikat": "BUTUH_PERBAIKAN", "persen": 75}, {"predikat": "KURANG_MISCONDUCT", "persen": 50}, {"predikat": "SANGAT_KURANG", "persen": 25}]}`),
			func(f *FaktaTPP) {}, 1200000},
		{"predikat missing: 60% as configured", kinerja(`{"model": "PREDIKAT", "persen_tanpa_data": 60, "predikat": [{"predikat": "SANGAT_BAIK", "persen": 100}, {"predikat": "BAIK", "persen": 100},
			{"predikat": "BUTUH_PERBAIKAN", "persen": 75}, {"predikat": "KURANG_MISCONDUCT", "persen": 50}, {"predikat": "SANGAT_KURANG", "persen": 25}]}`),
			func(f *FaktaTPP) {}, 2880000},
		{"activity minutes", kinerja(`{"model": "MENIT", "menit_per_hari": 300}`),
			func(f *FaktaTPP) { f.MenitDiterima = 22 * 300 / 2 }, 2600000},
		{"activity minutes above the standard are capped", kinerja(`{"model": "MENIT", "menit_per_hari": 300}`),
			func(f *FaktaTPP) { f.MenitDiterima = 22 * 400 }, 4000000},
		{"capaian capped at 120", kinerja(`{"model": "CAPAIAN", "batas_indikator": 120, "batas_persen": 120}`),
			func(f *FaktaTPP) { f.CapaianPersen = rat("130") }, 4560000},
		{"lower is better", kinerja(`{"model": "CAPAIAN"}`),
			func(f *FaktaTPP) {
				f.Capaian = []CapaianIndikator{{Realisasi: rat("12"), Target: rat("10"), Polaritas: "LEBIH_RENDAH"}}
			}, 3440000},
		{"unit blend", kinerja(`{"model": "CAPAIAN", "bobot_unit": 25}`),
			func(f *FaktaTPP) { f.CapaianPersen, f.CapaianUnit = rat("80"), rat("60") }, 3300000},
		{"below the threshold: no produktivitas", kinerja(`{"model": "CAPAIAN", "ambang": 50}`),
			func(f *FaktaTPP) { f.CapaianPersen = rat("49.9") }, 1200000},
		{"below the threshold: nothing", kinerja(`{"model": "CAPAIAN", "ambang": 50, "ambang_berlaku": "SELURUH"}`),
			func(f *FaktaTPP) { f.CapaianPersen = rat("49.9") }, 0},
		{"at the threshold", kinerja(`{"model": "CAPAIAN", "ambang": 50}`),
			func(f *FaktaTPP) { f.CapaianPersen = rat("50") }, 2600000},
		{"final tax gol III", pajak("FINAL_GOLONGAN"), func(f *FaktaTPP) {}, 3800000},
		{"final tax PPPK IX as III", pajak("FINAL_GOLONGAN"), func(f *FaktaTPP) { f.JenisASN, f.Golongan = JenisPPPK, "IX" }, 3800000},
		{"PPPK grade not mapped", pajak("FINAL_GOLONGAN"), func(f *FaktaTPP) { f.JenisASN, f.Golongan = JenisPPPK, "V" }, 4000000},
		{"tax borne by the pemda", pajak("DITANGGUNG_APBD"), func(f *FaktaTPP) { f.Golongan = "IV/b" }, 4000000},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := maret2026(1)
			c.set(&f)
			h := hitung(t, c.p, f)
			cekRupiah(t, h, "neto", h.Neto, c.neto)
		})
	}
	t.Run("tax borne by the pemda is shown", func(t *testing.T) {
		f := maret2026(1)
		f.Golongan = "IV/b"
		h := hitung(t, pajak("DITANGGUNG_APBD"), f)
		if h.PPh != 600000 || !h.PPhDitanggungPemda {
			t.Errorf("PPh %d, ditanggung %v", h.PPh, h.PPhDitanggungPemda)
		}
	})
}

// The rounding stages: KOMPONEN rounds every amount, EACH_STEP the gross and the
// deductions, FINAL only the net.
func TestTPPTahapPembulatan(t *testing.T) {
	profilTahap := func(mode, tahap string) ProfilTPP {
		return profil(t, `{"besaran": {"tabel": [{"kelas": 1, "jumlah": 1000003}]},
			"bobot": {"produktivitas": 50, "disiplin": 50}, "kinerja": {"model": "CAPAIAN"},
			"disiplin": {"dasar": "DISIPLIN_PART", "tk_persen": 3.3},
			"bpjs": {"persen_pegawai": 1, "persen_pemda": 4, "dasar": "BRUTO"},
			"pembulatan": {"mode": "`+mode+`", "tahap": "`+tahap+`"}}`)
	}
	f := maret2026(1)
	f.CapaianPersen = rat("33.3")
	tk(&f, 2)
	// produktivitas 500001.5 × 33.3% = 166500.4995; disiplin 500001.5 − 3.3% = 483501.4505
	for _, c := range []struct {
		mode, tahap       string
		bruto, bpjs, neto int64
	}{
		// every amount rounded: shares 500002 / 500001, produktivitas 166501, cut 16500
		{"HALF_UP", "KOMPONEN", 650002, 6500, 643502},
		// shares 500001 / 500002, produktivitas 166500.333 → 166500, cut 16500.066 → 16500
		{"FLOOR", "KOMPONEN", 650002, 6500, 643502},
		// 166500.4995 + 483501.4505 = 650001.95 → 650002; BPJS 6500.02 → 6500
		{"HALF_UP", "EACH_STEP", 650002, 6500, 643502},
		{"FLOOR", "EACH_STEP", 650001, 6500, 643501},
		// 650001.95 − 6500.0195 = 643501.9305, rounded once
		{"HALF_UP", "FINAL", 650002, 6500, 643502},
		{"FLOOR", "FINAL", 650001, 6500, 643501},
	} {
		t.Run(c.mode+" "+c.tahap, func(t *testing.T) {
			h := hitung(t, profilTahap(c.mode, c.tahap), f)
			if h.Bruto != c.bruto || h.BPJSPegawai != c.bpjs || h.Neto != c.neto {
				t.Errorf("bruto %d bpjs %d neto %d, want %d %d %d\n%s", h.Bruto, h.BPJSPegawai, h.Neto, c.bruto, c.bpjs, c.neto,
					strings.Join(h.Penjelasan("id"), "\n"))
			}
		})
	}
}

func TestTPPSetelahBruto(t *testing.T) {
	p := profil(t, `{"besaran": {"tabel": [{"kelas": 1, "jumlah": 1000000}]},
		"bobot": {"produktivitas": 100, "disiplin": 0}, "kinerja": {"model": "NONE"},
		"pajak": {"mode": "FINAL_GOLONGAN", "tarif": [{"ruang": "IV", "persen": 15}]},
		"bpjs": {"persen_pegawai": 1, "persen_pemda": 4, "dasar": "BRUTO", "batas": 500000},
		"potongan_lain": [{"kode": "ZAKAT", "nama": "Zakat profesi", "persen": 2.5}, {"kode": "KOPERASI", "jumlah": 2000000}],
		"pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"}}`)
	f := maret2026(1)
	f.Golongan = "IV/a"
	h := hitung(t, p, f)
	for _, c := range []struct {
		nama      string
		got, want int64
	}{{"bpjs pegawai", h.BPJSPegawai, 5000}, {"bpjs pemda", h.BPJSPemda, 20000}, {"pph", h.PPh, 150000},
		{"potongan lain", h.PotonganLain, 845000}, {"neto", h.Neto, 0}} {
		cekRupiah(t, h, c.nama, c.got, c.want)
	}
	langkah(t, h, "BPJS_DASAR")
	if l := langkah(t, h, "BATAS_NOL"); l.Jumlah != "820000" {
		t.Errorf("BATAS_NOL = %+v", l)
	}
	// the words follow the steps one to one, in either language
	id, en := h.Penjelasan("id"), h.Penjelasan("en")
	if len(id) != len(h.Trace) || len(en) != len(h.Trace) || id[0] != "Besaran TPP kelas jabatan 1: Rp 1.000.000" ||
		en[0] != "TPP amount of kelas jabatan 1: Rp 1,000,000" {
		t.Errorf("Penjelasan: %q / %q", id, en)
	}
}

func TestTPPDasarHukdis(t *testing.T) {
	for dasar, want := range map[string]int64{"BERJALAN": 2100000, "PAGU": 1800000} {
		p := profil(t, `{"besaran": {"tabel": [{"kelas": 1, "jumlah": 4000000}]},
			"bobot": {"produktivitas": 60, "disiplin": 40}, "kinerja": {"model": "CAPAIAN"},
			"hukdis": {"jenis": [{"jenis": "POTONGAN_TUKIN_12", "persen": 25}], "mulai": "MONTH_OF_FINAL", "gabung": "MAX", "dasar": "`+dasar+`"},
			"pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"}}`)
		f := maret2026(1)
		f.CapaianPersen = rat("50")
		f.Hukuman = []HukumanFakta{{Jenis: PotonganTukin12, TanggalBerlaku: time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)}}
		h := hitung(t, p, f)
		cekRupiah(t, h, "neto "+dasar, h.Neto, want)
	}
}
