package domain

import (
	"math/big"
	"reflect"
	"slices"
	"testing"
	"time"
)

// Every edge of the default Permentan 68/2012 bands, to the second, for TL and PSW.
func TestRekapBulanPitaDefault(t *testing.T) {
	tests := []struct {
		detik int
		kode  string // "" within the grace; "-" not reported at all
	}{
		{0, "-"},
		{1, ""},
		{59, ""},
		{60, "1"},
		{61, "1"},
		{1800, "1"},
		{1801, "1"},
		{1859, "1"},
		{1860, "2"},
		{3600, "2"},
		{3659, "2"},
		{3660, "3"},
		{5400, "3"},
		{5459, "3"},
		{5460, "4"},
		{86399, "4"},
	}
	a := DefaultAturanDisiplin()
	for _, tt := range tests {
		f := FaktaHari{Tanggal: khTgl(2025, 3, 3), Kerja: true, Status: StatusHadir, TerlambatDetik: tt.detik, PulangCepatDetik: tt.detik}
		r := RekapBulan([]FaktaHari{f}, a)
		for _, side := range []struct {
			prefix string
			list   []Kejadian
			total  int
		}{{"TL", r.Terlambat, r.TotalTerlambatDetik}, {"PSW", r.PulangCepat, r.TotalPulangCepatDetik}} {
			if tt.kode == "-" {
				if len(side.list) != 0 || side.total != 0 {
					t.Errorf("%s %d s: reported %+v total %d", side.prefix, tt.detik, side.list, side.total)
				}
				continue
			}
			want := ""
			if tt.kode != "" {
				want = side.prefix + tt.kode
			}
			if len(side.list) != 1 {
				t.Fatalf("%s %d s: %d events", side.prefix, tt.detik, len(side.list))
			}
			k := side.list[0]
			if k.Kode != want || k.Detik != tt.detik || k.Menit != tt.detik/60 || k.TanpaRekaman || !k.Tanggal.Equal(f.Tanggal) {
				t.Errorf("%s %d s: %+v, want band %q", side.prefix, tt.detik, k, want)
			}
			wantTotal := tt.detik
			if tt.detik <= 59 {
				wantTotal = 0 // within the grace: on time
			}
			if side.total != wantTotal {
				t.Errorf("%s %d s: total %d, want %d", side.prefix, tt.detik, side.total, wantTotal)
			}
		}
	}
}

func TestRekapBulanTanpaRekaman(t *testing.T) {
	d := func(day int) time.Time { return khTgl(2025, 3, day) }
	hari := []FaktaHari{
		{Tanggal: d(3), Kerja: true, Status: StatusHadir, TanpaMasuk: true, PulangCepatDetik: 120},
		{Tanggal: d(4), Kerja: true, Status: StatusHadir, TanpaPulang: true, TerlambatDetik: 4000},
	}
	tests := []struct {
		name             string
		masuk, pulang    PerlakuanTanpaRekaman
		hadir, tk        int
		terlambat, cepat []Kejadian
	}{
		{"worst band", TanpaRekamanPitaTerberat, TanpaRekamanPitaTerberat, 2, 0,
			[]Kejadian{{Tanggal: d(3), Kode: "TL4", TanpaRekaman: true}, {Tanggal: d(4), Detik: 4000, Menit: 66, Kode: "TL3"}},
			[]Kejadian{{Tanggal: d(3), Detik: 120, Menit: 2, Kode: "PSW1"}, {Tanggal: d(4), Kode: "PSW4", TanpaRekaman: true}}},
		{"ignored", TanpaRekamanAbaikan, TanpaRekamanAbaikan, 2, 0,
			[]Kejadian{{Tanggal: d(4), Detik: 4000, Menit: 66, Kode: "TL3"}},
			[]Kejadian{{Tanggal: d(3), Detik: 120, Menit: 2, Kode: "PSW1"}}},
		{"missing clock-in is TK", TanpaRekamanTK, TanpaRekamanAbaikan, 1, 1,
			[]Kejadian{{Tanggal: d(4), Detik: 4000, Menit: 66, Kode: "TL3"}}, nil},
	}
	for _, tt := range tests {
		a := DefaultAturanDisiplin()
		a.TanpaMasuk, a.TanpaPulang = tt.masuk, tt.pulang
		r := RekapBulan(hari, a)
		if r.Hadir != tt.hadir || r.TK != tt.tk || r.TanpaMasuk != 1 || r.TanpaPulang != 1 ||
			!reflect.DeepEqual(r.Terlambat, tt.terlambat) || !reflect.DeepEqual(r.PulangCepat, tt.cepat) {
			t.Errorf("%s: %+v", tt.name, r)
		}
	}
}

func TestRekapBulanBeruntun(t *testing.T) {
	// March 2025 office days; weekends (1–2, 8–9, 15–16) do not break a run
	day := func(d int, s StatusHari) FaktaHari {
		f := FaktaHari{Tanggal: khTgl(2025, 3, d), Kerja: true, Status: s}
		if wd := f.Tanggal.Weekday(); wd == time.Saturday || wd == time.Sunday {
			f = FaktaHari{Tanggal: f.Tanggal, Libur: LiburAkhirPekan, Status: StatusLibur}
		}
		return f
	}
	build := func(tk map[int]StatusHari, last int) []FaktaHari {
		var out []FaktaHari
		for d := 1; d <= last; d++ {
			s, ok := tk[d]
			if !ok {
				s = StatusHadir
			}
			out = append(out, day(d, s))
		}
		return out
	}
	TK, IZ, FX := StatusTanpaKeterangan, StatusIzin, StatusFleksibel
	tests := []struct {
		name string
		days map[int]StatusHari
		want int
	}{
		{"none", nil, 0},
		{"one", map[int]StatusHari{5: TK}, 1},
		{"across a weekend", map[int]StatusHari{6: TK, 7: TK, 10: TK, 11: TK}, 4},
		// V3b: ten consecutive working days with weekends between them
		{"ten", map[int]StatusHari{3: TK, 4: TK, 5: TK, 6: TK, 7: TK, 10: TK, 11: TK, 12: TK, 13: TK, 14: TK}, 10},
		// V3c: 8 consecutive + 2 separate is not a run of 10
		{"eight and two", map[int]StatusHari{3: TK, 4: TK, 5: TK, 6: TK, 7: TK, 10: TK, 11: TK, 12: TK, 17: TK, 19: TK}, 8},
		{"a leave day breaks", map[int]StatusHari{3: TK, 4: IZ, 5: TK, 6: TK}, 2},
		{"a WFA day breaks", map[int]StatusHari{3: TK, 4: FX, 5: TK}, 1},
	}
	for _, tt := range tests {
		r := RekapBulan(build(tt.days, 21), DefaultAturanDisiplin())
		if r.TKBeruntunTerpanjang != tt.want {
			t.Errorf("%s: run %d, want %d", tt.name, r.TKBeruntunTerpanjang, tt.want)
		}
	}
	// a day off for another reason (holiday, before TMT) does not break a run either,
	// and the days may come in any order
	hari := []FaktaHari{day(4, TK), khLibur(time.March, 5, LiburNasional), khLibur(time.March, 6, LiburDiluarMasaKerja), day(3, TK), day(7, TK)}
	r := RekapBulan(hari, DefaultAturanDisiplin())
	if r.TKBeruntunTerpanjang != 3 || r.JHK != 3 || r.DiluarMasaKerja != 1 || r.HariKalender != 5 ||
		!slices.EqualFunc(r.TanggalTK, []time.Time{khTgl(2025, 3, 3), khTgl(2025, 3, 4), khTgl(2025, 3, 7)}, time.Time.Equal) {
		t.Errorf("unsorted: %+v", r)
	}
	if !hari[0].Tanggal.Equal(khTgl(2025, 3, 4)) {
		t.Error("RekapBulan reordered its input")
	}
}

func TestAturanDisiplinValidate(t *testing.T) {
	if err := DefaultAturanDisiplin().Validate(); err != nil {
		t.Fatalf("default refused: %v", err)
	}
	half := big.NewRat(1, 2)
	tests := []struct {
		name string
		edit func(a *AturanDisiplin)
		want []string
	}{
		{"overlap", func(a *AturanDisiplin) { a.PitaTL[1].DariDetik = 1859 }, []string{"pita_tl/1/dari_detik pita_overlap"}},
		{"descending", func(a *AturanDisiplin) { a.PitaPSW[0], a.PitaPSW[1] = a.PitaPSW[1], a.PitaPSW[0] },
			[]string{"pita_psw/1/dari_detik pita_overlap"}},
		{"open band not last", func(a *AturanDisiplin) { a.PitaTL[2].SampaiDetik = -1 }, []string{"pita_tl/3/dari_detik pita_overlap"}},
		{"inside the grace", func(a *AturanDisiplin) { a.ToleransiTLDetik = 60 }, []string{"pita_tl/0/dari_detik pita_within_grace"}},
		{"negative", func(a *AturanDisiplin) {
			a.ToleransiPSWDetik = -1
			a.PitaPSW[0].DariDetik = -5
		}, []string{"toleransi_psw_detik toleransi_invalid", "pita_psw/0/dari_detik pita_negative"}},
		{"end before start", func(a *AturanDisiplin) { a.PitaTL[0].SampaiDetik = 30 }, []string{"pita_tl/0/sampai_detik pita_end_before_start"}},
		{"codes and percentages", func(a *AturanDisiplin) {
			a.PitaTL[1].Kode = "TL1"
			a.PitaTL[2].Kode = ""
			a.PitaTL[0].Persen = nil
			a.PitaTL[3].Persen = big.NewRat(101, 1)
			a.PitaPSW[0].Persen = big.NewRat(-1, 2)
		}, []string{"pita_tl/0/persen persen_invalid", "pita_tl/1/kode kode_duplicate", "pita_tl/2/kode kode_required",
			"pita_tl/3/persen persen_invalid", "pita_psw/0/persen persen_invalid"}},
		{"treatments", func(a *AturanDisiplin) {
			a.TanpaMasuk = ""
			a.PitaPSW = nil
		}, []string{"tanpa_masuk perlakuan_invalid", "tanpa_pulang pita_terberat_without_bands"}},
		{"manado", func(a *AturanDisiplin) {
			// tmk1 1% 00:01:00–00:30:59; pksw1 from 1 s with no grace; pksw3 open
			a.PitaPSW = []Pita{{Kode: "PKSW1", DariDetik: 1, SampaiDetik: 1800, Persen: half}, {Kode: "PKSW2", DariDetik: 1801, SampaiDetik: 3600, Persen: half}, {Kode: "PKSW3", DariDetik: 3601, SampaiDetik: -1, Persen: half}}
			a.ToleransiPSWDetik = 0
		}, nil},
	}
	for _, tt := range tests {
		a := DefaultAturanDisiplin()
		tt.edit(&a)
		if got := khFields(t, a.Validate()); !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %v\nwant %v", tt.name, got, tt.want)
		}
	}
}
