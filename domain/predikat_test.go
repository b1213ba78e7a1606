package domain

import "testing"

// tpp-examples.md A: the whole 3×3 matrix.
func TestPredikatMatrix(t *testing.T) {
	cells := []struct {
		hasil, perilaku Rating
		want            Predikat
	}{
		{DiAtasEkspektasi, DiBawahEkspektasi, KurangMisconduct},
		{DiAtasEkspektasi, SesuaiEkspektasi, Baik},
		{DiAtasEkspektasi, DiAtasEkspektasi, SangatBaik},
		{SesuaiEkspektasi, DiBawahEkspektasi, KurangMisconduct},
		{SesuaiEkspektasi, SesuaiEkspektasi, Baik},
		{SesuaiEkspektasi, DiAtasEkspektasi, Baik},
		{DiBawahEkspektasi, DiBawahEkspektasi, SangatKurang},
		{DiBawahEkspektasi, SesuaiEkspektasi, ButuhPerbaikan},
		{DiBawahEkspektasi, DiAtasEkspektasi, ButuhPerbaikan},
	}
	for _, c := range cells {
		if got := PredikatOf(c.hasil, c.perilaku); got != c.want {
			t.Errorf("hasil %s × perilaku %s = %s, want %s", c.hasil, c.perilaku, got, c.want)
		}
	}
}

func TestRatingAndLegacyLabel(t *testing.T) {
	if _, err := ParseRating("rating_hasil", "CUKUP"); err == nil {
		t.Fatal("Cukup accepted as a rating")
	}
	de, _ := AsError(func() error { _, err := ParseRating("rating_hasil", "LUAR_BIASA"); return err }())
	if de == nil || de.Fields[0].Field != "rating_hasil" {
		t.Fatalf("error does not name the field: %v", de)
	}
	if p, err := ParsePredikat("predikat", "CUKUP"); err != nil || p != ButuhPerbaikan {
		t.Fatalf("legacy Cukup → %v %v", p, err)
	}
	if _, err := ParsePredikat("predikat", "ISTIMEWA"); err == nil {
		t.Fatal("an organisation rating accepted as an employee predikat")
	}
}

// tpp-examples.md B: VD1–VD4, maxima floor and minima ceil.
func TestDistributionExamples(t *testing.T) {
	cases := []struct {
		id         string
		org        PredikatOrganisasi
		sb, b, bp  int
		k, sk      int
		violations int
	}{
		{"VD1", OrgBaik, 2, 8, 1, 1, 0, 0},
		{"VD2", OrgIstimewa, 8, 2, 0, 0, 0, 1},
		{"VD3", OrgButuhPerbaikan, 1, 2, 4, 1, 0, 2},
		{"VD4", OrgSangatKurang, 0, 1, 0, 1, 3, 0},
	}
	for _, c := range cases {
		counts := map[Predikat]int{SangatBaik: c.sb, Baik: c.b, ButuhPerbaikan: c.bp, KurangMisconduct: c.k, SangatKurang: c.sk}
		v, err := CheckDistribution(c.org, counts, QuotaRounding{})
		if err != nil {
			t.Fatal(err)
		}
		if len(v) != c.violations {
			t.Errorf("%s: %d violations %+v, want %d", c.id, len(v), v, c.violations)
		}
	}
	// VD2 in detail: SB 8 > floor(70% × 10) = 7
	v, _ := CheckDistribution(OrgIstimewa, map[Predikat]int{SangatBaik: 8, Baik: 2}, QuotaRounding{})
	if v[0].Rule != "MAX" || v[0].Count != 8 || v[0].Limit != 7 || v[0].Text.ID == "" || v[0].Text.EN == "" {
		t.Fatalf("VD2 %+v", v[0])
	}
	// VD3 in detail: BP 4 < ceil(60% × 8) = 5 and SB 1 > floor(10% × 8) = 0
	v, _ = CheckDistribution(OrgButuhPerbaikan, map[Predikat]int{SangatBaik: 1, Baik: 2, ButuhPerbaikan: 4, KurangMisconduct: 1}, QuotaRounding{})
	if v[0].Rule != "MIN" || v[0].Limit != 5 || v[1].Rule != "MAX" || v[1].Limit != 0 {
		t.Fatalf("VD3 %+v", v)
	}
	// a Baik unit with nobody below Baik breaks the "must have" rule
	v, _ = CheckDistribution(OrgBaik, map[Predikat]int{SangatBaik: 3, Baik: 7}, QuotaRounding{})
	if len(v) != 1 || v[0].Rule != "PRESENT" {
		t.Fatalf("Baik without BP/K %+v", v)
	}
	// configurable rounding: with 3 of 4 Sangat Baik, floor(2.8) = 2 fails and ceil(2.8) = 3 passes
	if v, _ := CheckDistribution(OrgIstimewa, map[Predikat]int{SangatBaik: 3, Baik: 1}, QuotaRounding{MaxCeil: true}); len(v) != 0 {
		t.Fatalf("ceil maxima %+v", v)
	}
	if v, _ := CheckDistribution(OrgIstimewa, map[Predikat]int{SangatBaik: 3, Baik: 1}, QuotaRounding{}); len(v) != 1 {
		t.Fatalf("floor maxima %+v", v)
	}
	if _, err := CheckDistribution("LUMAYAN", nil, QuotaRounding{}); err == nil {
		t.Fatal("unknown organisation rating accepted")
	}
}
