package domain

import (
	"slices"
	"testing"
	"time"
)

func TestStrukturRantai(t *testing.T) {
	chart := []JabatanNode{
		{ID: "kadis", Nama: "Kepala Dinas"},
		{ID: "kabid", Nama: "Kepala Bidang", AtasanJabatanID: "kadis"},
		{ID: "staf", Nama: "Staf", AtasanJabatanID: "kabid"},
		{ID: "loop1", AtasanJabatanID: "loop2"},
		{ID: "loop2", AtasanJabatanID: "loop1"},
	}
	holder := func(jab, id, nip string, st StatusKepegawaian) PemangkuJabatan {
		return PemangkuJabatan{JabatanID: jab, Status: st, Pemangku: Pemangku{PegawaiID: id, NIP: nip, Sumber: "DEFINITIF"}}
	}
	plt := func(jab, id, nip, sumber string) PemangkuJabatan {
		return PemangkuJabatan{JabatanID: jab, Pemangku: Pemangku{PegawaiID: id, NIP: nip, Sumber: sumber}}
	}
	kadis := holder("kadis", "kadis", "1", StatusAktif)
	kabid := holder("kabid", "kabid", "2", StatusAktif)
	staf := holder("staf", "staf", "3", StatusAktif)
	rekan := holder("staf", "rekan", "4", StatusAktif)
	ids := func(as []Atasan) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.PegawaiID+"@"+a.JabatanID)
		}
		return out
	}
	tests := []struct {
		name      string
		definitif []PemangkuJabatan
		plt       []PemangkuJabatan
		subject   string
		jabatan   string
		want      []string
	}{
		{"full chart", []PemangkuJabatan{kadis, kabid, staf}, nil, "staf", "staf", []string{"kabid@kabid", "kadis@kadis"}},
		{"vacant kabid", []PemangkuJabatan{kadis, staf}, nil, "staf", "staf", []string{"kadis@kadis"}},
		{"retired kabid", []PemangkuJabatan{kadis, holder("kabid", "kabid", "2", StatusPensiun), staf}, nil, "staf", "staf", []string{"kadis@kadis"}},
		{"plt on vacant kabid", []PemangkuJabatan{kadis, staf, rekan}, []PemangkuJabatan{plt("kabid", "rekan", "4", "PLT")}, "staf", "staf", []string{"rekan@kabid", "kadis@kadis"}},
		{"plt before plh", []PemangkuJabatan{kadis}, []PemangkuJabatan{plt("kabid", "x", "1", "PLH"), plt("kabid", "y", "9", "PLT")}, "staf", "staf", []string{"y@kabid", "kadis@kadis"}},
		{"definitive beats plt", []PemangkuJabatan{kadis, kabid}, []PemangkuJabatan{plt("kabid", "y", "0", "PLT")}, "staf", "staf", []string{"kabid@kabid", "kadis@kadis"}},
		{"lowest nip of several", []PemangkuJabatan{holder("kabid", "b", "200", StatusAktif), holder("kabid", "a", "100", StatusAktif)}, nil, "staf", "staf", []string{"a@kabid"}},
		{"never self", []PemangkuJabatan{kadis}, []PemangkuJabatan{plt("kabid", "staf", "3", "PLT")}, "staf", "staf", []string{"kadis@kadis"}},
		{"same person once", nil, []PemangkuJabatan{plt("kabid", "kadis", "1", "PLT"), plt("kadis", "kadis", "1", "PLT")}, "staf", "staf", []string{"kadis@kabid"}},
		{"top", []PemangkuJabatan{kadis}, nil, "kadis", "kadis", nil},
		{"cycle ends", []PemangkuJabatan{holder("loop2", "z", "5", StatusAktif)}, nil, "q", "loop1", []string{"z@loop2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewStruktur(chart, tt.definitif, tt.plt)
			if got := ids(s.Rantai(tt.subject, tt.jabatan)); !slices.Equal(got, tt.want) {
				t.Fatalf("rantai %v, want %v", got, tt.want)
			}
			r, ok := s.Rater(tt.subject, tt.jabatan)
			if ok != (len(tt.want) > 0) || (ok && r.PegawaiID+"@"+r.JabatanID != tt.want[0]) {
				t.Fatalf("rater %v %v", r, ok)
			}
		})
	}
}

func TestStrukturBawahan(t *testing.T) {
	chart := []JabatanNode{{ID: "kadis"}, {ID: "kabid", AtasanJabatanID: "kadis"}, {ID: "staf", AtasanJabatanID: "kabid"}}
	p := func(jab, id, nip string, st StatusKepegawaian) PemangkuJabatan {
		return PemangkuJabatan{JabatanID: jab, Status: st, Pemangku: Pemangku{PegawaiID: id, NIP: nip, Sumber: "DEFINITIF"}}
	}
	all := []PemangkuJabatan{p("kadis", "kadis", "1", StatusAktif), p("staf", "staf", "3", StatusAktif),
		p("staf", "rekan", "4", StatusAktif), p("staf", "gone", "5", StatusPensiun)}
	names := func(ps []PemangkuJabatan) []string {
		var out []string
		for _, x := range ps {
			out = append(out, x.PegawaiID)
		}
		return out
	}
	// kabid vacant: the kadis rates the staff through it.
	s := NewStruktur(chart, all, nil)
	if got := names(s.Bawahan("kadis", all)); !slices.Equal(got, []string{"staf", "rekan"}) {
		t.Fatalf("vacant: %v", got)
	}
	// a Plt on kabid rates the staff; the Plt, who is staff too, is rated by the kadis.
	s = NewStruktur(chart, all, []PemangkuJabatan{{JabatanID: "kabid", Pemangku: Pemangku{PegawaiID: "rekan", NIP: "4", Sumber: "PLT"}}})
	if got := names(s.Bawahan("rekan", all)); !slices.Equal(got, []string{"staf"}) {
		t.Fatalf("plt: %v", got)
	}
	if got := names(s.Bawahan("kadis", all)); !slices.Equal(got, []string{"rekan"}) {
		t.Fatalf("kadis with plt below: %v", got)
	}
}

func TestInForceAndPerubahan(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	h := []Riwayat{{ID: "b", BerlakuMulai: d("2020-01-01"), JabatanID: "x", Golongan: "III/a"}, {ID: "a", BerlakuMulai: d("2015-01-01")}}
	if r, ok := InForce(h, d("2019-12-31")); !ok || r.ID != "a" {
		t.Fatalf("2019: %v", r)
	}
	if r, ok := InForce(h, d("2020-01-01")); !ok || r.ID != "b" {
		t.Fatalf("2020: %v", r)
	}
	if _, ok := InForce(h, d("2014-01-01")); ok {
		t.Fatal("before the first entry")
	}
	base := Riwayat{JabatanID: "x", Golongan: "III/a", Status: StatusAktif}
	cases := []struct {
		to   Riwayat
		want string
	}{
		{Riwayat{JabatanID: "y", Golongan: "III/b", Status: StatusAktif}, "MUTASI"},
		{Riwayat{JabatanID: "x", Golongan: "III/b", Status: StatusAktif}, "KENAIKAN_PANGKAT"},
		{Riwayat{JabatanID: "x", Golongan: "III/a", Status: StatusCLTN}, "PERUBAHAN_STATUS"},
		{base, ""},
	}
	for _, c := range cases {
		if got, _ := JenisPerubahan(base, c.to); got != c.want {
			t.Fatalf("%v: %q want %q", c.to, got, c.want)
		}
	}
	birth := d("2000-05-10")
	if ValidateTMT("tmt", birth, d("2018-05-09")) == nil || ValidateTMT("tmt", birth, d("2018-05-10")) != nil {
		t.Fatal("18th birthday rule")
	}
	if ValidStatus("status", "AKTIF") != nil || ValidStatus("status", "CUTI") == nil {
		t.Fatal("status")
	}
}
