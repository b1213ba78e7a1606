package domain

import "testing"

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
