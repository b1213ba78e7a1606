package domain

import (
	"testing"
	"time"
)

// PP 94/2021 Ps. 11: every band edge of cumulative absence, and the run of 10.
func TestUsulanHukumanKehadiran(t *testing.T) {
	tests := []struct {
		kumulatif, beruntun int
		want                JenisHukuman // "" for no proposal
	}{
		{0, 0, ""},
		{2, 2, ""},
		{3, 0, TeguranLisan},
		{4, 0, TeguranTertulis},
		{6, 0, TeguranTertulis},
		{7, 0, PernyataanTidakPuas},
		{10, 0, PernyataanTidakPuas},
		{11, 0, PotonganTukin6},
		{13, 0, PotonganTukin6},
		{14, 0, PotonganTukin9},
		{16, 0, PotonganTukin9},
		{17, 0, PotonganTukin12},
		{20, 0, PotonganTukin12},
		{21, 0, PenurunanJabatan},
		{24, 0, PenurunanJabatan},
		{25, 0, PembebasanJabatan},
		{27, 0, PembebasanJabatan},
		{28, 0, Pemberhentian},
		{120, 0, Pemberhentian},
		{9, 9, PernyataanTidakPuas}, // a run of 9 is only its total
		{10, 10, Pemberhentian},     // a run of 10 is discharge although 10 days alone are a reprimand
		{12, 10, Pemberhentian},
		{2, 10, Pemberhentian}, // inconsistent input still errs on the side of the run
	}
	for _, tt := range tests {
		got, ok := UsulanHukumanKehadiran(tt.kumulatif, tt.beruntun)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%d days, run %d: %q %v, want %q", tt.kumulatif, tt.beruntun, got, ok, tt.want)
		}
	}
}

func TestJenisHukuman(t *testing.T) {
	tests := []struct {
		j       JenisHukuman
		tingkat TingkatHukuman
		bulan   int
	}{
		{TeguranLisan, TingkatRingan, 0},
		{TeguranTertulis, TingkatRingan, 0},
		{PernyataanTidakPuas, TingkatRingan, 0},
		{PotonganTukin6, TingkatSedang, 6},
		{PotonganTukin9, TingkatSedang, 9},
		{PotonganTukin12, TingkatSedang, 12},
		{PenurunanJabatan, TingkatBerat, 12},
		{PembebasanJabatan, TingkatBerat, 12},
		{Pemberhentian, TingkatBerat, 0},
	}
	if len(tests) != len(AllJenisHukuman) {
		t.Fatalf("%d sanctions tested, %d defined", len(tests), len(AllJenisHukuman))
	}
	for i, tt := range tests {
		if AllJenisHukuman[i] != tt.j || tt.j.Tingkat() != tt.tingkat || tt.j.DurasiBulan() != tt.bulan {
			t.Errorf("%s: %s %d", tt.j, tt.j.Tingkat(), tt.j.DurasiBulan())
		}
		if p, err := ParseJenisHukuman("jenis", string(tt.j)); err != nil || p != tt.j {
			t.Errorf("parse %s: %v %v", tt.j, p, err)
		}
	}
	if fields := khFields(t, func() error { _, err := ParseJenisHukuman("jenis", "teguran_lisan"); return err }()); len(fields) != 1 || fields[0] != "jenis jenis_hukuman_invalid" {
		t.Errorf("lower case accepted or field not named: %v", fields)
	}
	if JenisHukuman("X").Tingkat() != "" || JenisHukuman("X").DurasiBulan() != 0 {
		t.Error("unknown code has a level")
	}
}

func TestHariSetaraAkumulasi(t *testing.T) {
	tests := []struct{ detik, hari int }{
		{-1, 0}, {0, 0}, {26999, 0}, {27000, 1}, {53999, 1}, {54000, 2}, {81000, 3},
	}
	for _, tt := range tests {
		if got := HariSetaraAkumulasi(tt.detik); got != tt.hari {
			t.Errorf("%d s: %d days, want %d", tt.detik, got, tt.hari)
		}
	}
	// 2 days TK and 16 hours of lateness over the year: 2 + 2 = 4 days → teguran tertulis
	if j, _ := UsulanHukumanKehadiran(2+HariSetaraAkumulasi(16*3600), 1); j != TeguranTertulis {
		t.Errorf("accumulated: %s", j)
	}
}

func hdTgl(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// Berakhir: tanggal_berlaku + durasi months − 1 day; none for ringan and discharge.
func TestHukumanBerakhir(t *testing.T) {
	tests := []struct {
		jenis   JenisHukuman
		berlaku string
		bulan   int
		want    string // "" for none
	}{
		{PotonganTukin6, "2026-01-01", 6, "2026-06-30"},
		{PotonganTukin9, "2026-01-01", 9, "2026-09-30"},
		{PotonganTukin12, "2026-03-15", 12, "2027-03-14"},
		{PenurunanJabatan, "2026-12-01", 12, "2027-11-30"},
		{PembebasanJabatan, "2026-05-10", 12, "2027-05-09"},
		{PotonganTukin6, "2026-08-31", 6, "2027-02-28"}, // no 31 February: ends with February
		{PotonganTukin6, "2027-08-31", 6, "2028-02-29"}, // leap year
		{PotonganTukin6, "2026-08-29", 6, "2027-02-28"},
		{PotonganTukin6, "2026-08-28", 6, "2027-02-27"},
		{PotonganTukin6, "2026-07-31", 6, "2027-01-30"},
		{PotonganTukin12, "2028-02-29", 12, "2029-02-28"},
		{TeguranLisan, "2026-01-01", 0, ""},
		{TeguranTertulis, "2026-01-01", 0, ""},
		{PernyataanTidakPuas, "2026-01-01", 3, ""}, // ringan never runs, whatever is stored
		{Pemberhentian, "2026-01-01", 0, ""},
		{PenurunanJabatan, "2026-01-01", 0, ""},
	}
	for _, tt := range tests {
		h := HukumanDisiplin{Jenis: tt.jenis, TanggalBerlaku: hdTgl(tt.berlaku), DurasiBulan: tt.bulan}
		got, ok := h.Berakhir()
		if tt.want == "" {
			if ok {
				t.Errorf("%s from %s: ends %s, want none", tt.jenis, tt.berlaku, got.Format(time.DateOnly))
			}
			continue
		}
		if !ok || !got.Equal(hdTgl(tt.want)) {
			t.Errorf("%s %d months from %s: ends %s %v, want %s", tt.jenis, tt.bulan, tt.berlaku, got.Format(time.DateOnly), ok, tt.want)
		}
		if h.Tingkat() != tt.jenis.Tingkat() {
			t.Errorf("%s: level %s", tt.jenis, h.Tingkat())
		}
	}
}

func TestHukumanBerlakuPada(t *testing.T) {
	cut := HukumanDisiplin{Jenis: PotonganTukin6, TanggalBerlaku: hdTgl("2026-01-01"), DurasiBulan: 6}
	for d, want := range map[string]bool{"2025-12-31": false, "2026-01-01": true, "2026-06-30": true, "2026-07-01": false} {
		if cut.BerlakuPada(hdTgl(d)) != want {
			t.Errorf("cut on %s: %v", d, !want)
		}
	}
	stop := HukumanDisiplin{Jenis: Pemberhentian, TanggalBerlaku: hdTgl("2026-01-01")}
	if stop.BerlakuPada(hdTgl("2025-12-31")) || !stop.BerlakuPada(hdTgl("2026-01-01")) || !stop.BerlakuPada(hdTgl("2040-01-01")) {
		t.Error("discharge is in force from its date on, for good")
	}
	lisan := HukumanDisiplin{Jenis: TeguranLisan, TanggalBerlaku: hdTgl("2026-01-01")}
	if lisan.BerlakuPada(hdTgl("2026-01-01")) || lisan.BerlakuPada(hdTgl("2026-02-01")) {
		t.Error("a reprimand has no running time")
	}
}

// The storage filter compares KunciBulanHari instead of adding months in SQL; it must
// agree with Berakhir for every start, duration and date.
func TestKunciBulanHariAgreesWithBerakhir(t *testing.T) {
	start := hdTgl("2027-10-25")
	for s := 0; s < 500; s += 3 {
		mulai := start.AddDate(0, 0, s)
		for _, n := range []int{1, 6, 9, 12, 13, 60} {
			h := HukumanDisiplin{Jenis: PenurunanJabatan, TanggalBerlaku: mulai, DurasiBulan: n}
			end, _ := h.Berakhir()
			for _, d := range []time.Time{end.AddDate(0, 0, -1), end, end.AddDate(0, 0, 1), end.AddDate(0, 0, 2), mulai} {
				byKey := KunciBulanHari(mulai)+100*n > KunciBulanHari(d)
				if byKey != h.BerlakuPada(d) {
					t.Fatalf("%s + %d months on %s: key %v, BerlakuPada %v", mulai.Format(time.DateOnly), n, d.Format(time.DateOnly), byKey, h.BerlakuPada(d))
				}
			}
		}
	}
}

func TestHukumanValidate(t *testing.T) {
	n := func(i int) *int { return &i }
	base := HukumanDisiplin{NomorSK: " 800/12/BKPSDM/2026 ", TanggalSK: hdTgl("2026-01-10"), TanggalBerlaku: hdTgl("2026-02-01")}
	tests := []struct {
		jenis  JenisHukuman
		durasi *int
		want   int      // the stored duration when valid
		fields []string // "field code" when invalid
	}{
		{PotonganTukin6, nil, 6, nil},
		{PotonganTukin9, n(9), 9, nil},
		{PotonganTukin12, nil, 12, nil},
		{PotonganTukin6, n(9), 0, []string{"durasi_bulan durasi_tetap"}},
		{PotonganTukin12, n(0), 0, []string{"durasi_bulan durasi_tetap"}},
		{TeguranLisan, nil, 0, nil},
		{TeguranTertulis, n(0), 0, nil},
		{PernyataanTidakPuas, n(3), 0, []string{"durasi_bulan tanpa_durasi"}},
		{Pemberhentian, n(12), 0, []string{"durasi_bulan tanpa_durasi"}},
		{PenurunanJabatan, nil, 12, nil},
		{PembebasanJabatan, n(24), 24, nil},
		{PenurunanJabatan, n(0), 0, []string{"durasi_bulan durasi_invalid"}},
	}
	for _, tt := range tests {
		h := base
		h.Jenis = tt.jenis
		got, err := h.Validate(tt.durasi)
		fields := khFields(t, err)
		if len(fields) != len(tt.fields) || (len(fields) > 0 && fields[0] != tt.fields[0]) {
			t.Errorf("%s %v: %v, want %v", tt.jenis, tt.durasi, fields, tt.fields)
			continue
		}
		if err == nil && (got.DurasiBulan != tt.want || got.NomorSK != "800/12/BKPSDM/2026") {
			t.Errorf("%s %v: duration %d, SK %q", tt.jenis, tt.durasi, got.DurasiBulan, got.NomorSK)
		}
	}
	h := base
	h.Jenis, h.TanggalBerlaku, h.NomorSK = TeguranLisan, hdTgl("2026-01-09"), "  "
	if fields := khFields(t, func() error { _, err := h.Validate(nil); return err }()); len(fields) != 2 ||
		fields[0] != "nomor_sk required" || fields[1] != "tanggal_berlaku time_order" {
		t.Errorf("effective before signed, no number: %v", fields)
	}
	h.TanggalBerlaku = h.TanggalSK // final on the day it is signed
	h.NomorSK = "1"
	if _, err := h.Validate(nil); err != nil {
		t.Errorf("same day: %v", err)
	}
	h.Jenis = "SKORSING"
	if _, err := h.Validate(nil); err == nil {
		t.Error("unknown type accepted")
	}
}
