package domain

import (
	"testing"
	"time"
)

func TestCapaian(t *testing.T) {
	for _, c := range []struct {
		real, target, pol string
		cap               int
		want              string
	}{
		{"8", "10", "LEBIH_TINGGI", 100, "80.00"},
		{"15", "10", "LEBIH_TINGGI", 100, "100.00"}, // capped (tpp-examples V5 row 3)
		{"15", "10", "LEBIH_TINGGI", 120, "120.00"},
		{"11", "10", "LEBIH_TINGGI", 120, "110.00"},
		{"14", "12", "LEBIH_TINGGI", 100, "100.00"},
		{"9", "10", "LEBIH_TINGGI", 100, "90.00"},
		{"1", "3", "LEBIH_TINGGI", 100, "33.33"},
		{"4", "5", "LEBIH_RENDAH", 100, "100.00"}, // 2 − 0.8 = 1.2, capped
		{"4", "5", "LEBIH_RENDAH", 120, "120.00"},
		{"6", "5", "LEBIH_RENDAH", 100, "80.00"},  // 2 − 1.2
		{"12", "5", "LEBIH_RENDAH", 100, "0.00"},  // never negative
		{"0", "0", "LEBIH_TINGGI", 100, "100.00"}, // a zero target is met
		{"3", "0", "LEBIH_RENDAH", 100, "0.00"},   // zero tolerated, three found
		{"0", "0", "LEBIH_RENDAH", 100, "100.00"},
		{"2.5", "10", "LEBIH_TINGGI", 100, "25.00"},
	} {
		got, err := Capaian(c.real, c.target, c.pol, c.cap)
		if err != nil || got.FloatString(2) != c.want {
			t.Errorf("Capaian(%s, %s, %s, %d) = %v, %v; want %s", c.real, c.target, c.pol, c.cap, got, err, c.want)
		}
	}
	for _, bad := range [][2]string{{"-1", "10"}, {"x", "10"}, {"1", "-2"}, {"1", ""}} {
		if _, err := Capaian(bad[0], bad[1], "LEBIH_TINGGI", 100); err == nil {
			t.Errorf("Capaian(%q, %q) accepted", bad[0], bad[1])
		}
	}
}

func TestRentang(t *testing.T) {
	p := DefaultPeriodeKinerja("i", 2026)
	d := func(s string) time.Time { x, _ := time.Parse(time.DateOnly, s); return x }
	for _, c := range []struct {
		frek, jenis string
		n           int
		from, to    string
	}{
		{"BULANAN", "PERIODIK", 1, "2026-01-01", "2026-01-31"},
		{"BULANAN", "PERIODIK", 2, "2026-02-01", "2026-02-28"},
		{"BULANAN", "PERIODIK", 12, "2026-12-01", "2026-12-31"},
		{"TRIWULAN", "PERIODIK", 1, "2026-01-01", "2026-03-31"},
		{"TRIWULAN", "PERIODIK", 4, "2026-10-01", "2026-12-31"},
		{"TRIWULAN", "TAHUNAN", 0, "2026-01-01", "2026-12-31"},
	} {
		p.Frekuensi = c.frek
		from, to, err := p.Rentang(c.jenis, c.n)
		if err != nil || !from.Equal(d(c.from)) || !to.Equal(d(c.to)) {
			t.Errorf("%s %s %d: %v–%v %v", c.frek, c.jenis, c.n, from, to, err)
		}
	}
	p.Frekuensi = "TRIWULAN"
	for _, n := range []int{0, 5, 13} {
		if _, _, err := p.Rentang("PERIODIK", n); err == nil {
			t.Errorf("quarter %d accepted", n)
		}
	}
}

func TestRatingOfOrganisasi(t *testing.T) {
	want := map[PredikatOrganisasi]Rating{OrgIstimewa: DiAtasEkspektasi, OrgBaik: SesuaiEkspektasi,
		OrgButuhPerbaikan: DiBawahEkspektasi, OrgKurang: DiBawahEkspektasi, OrgSangatKurang: DiBawahEkspektasi}
	for org, r := range want {
		if got := RatingOfOrganisasi(org); got != r {
			t.Errorf("%s → %s, want %s", org, got, r)
		}
	}
}

func TestKeberatanWindow(t *testing.T) {
	wita, _ := time.LoadLocation("Asia/Makassar")
	// finalised at 23:30 WITA on 1 March (15:30 UTC): the local day counts, deadline 15 March
	fin := time.Date(2026, 3, 1, 15, 30, 0, 0, time.UTC)
	p := Penilaian{Status: PenilaianFinal, DifinalkanAt: &fin}
	batas := p.BatasKeberatan(14, wita)
	if batas.Format(time.DateOnly) != "2026-03-15" {
		t.Fatalf("deadline %v", batas)
	}
	day := func(s string) time.Time { x, _ := time.Parse(time.DateOnly, s); return x }
	if err := CheckKeberatanWindow(p, day("2026-03-15"), batas); err != nil {
		t.Errorf("last day refused: %v", err)
	}
	if de, _ := AsError(CheckKeberatanWindow(p, day("2026-03-16"), batas)); de == nil || de.Code != "keberatan_terlambat" {
		t.Errorf("late objection: %v", de)
	}
	p.Status = PenilaianDraft
	if de, _ := AsError(CheckKeberatanWindow(p, day("2026-03-02"), batas)); de == nil || de.Kind != KindUnprocessable {
		t.Errorf("draft: %v", de)
	}
	p.Status = PenilaianKeberatan
	if de, _ := AsError(CheckKeberatanWindow(p, day("2026-03-02"), batas)); de == nil || de.Kind != KindConflict {
		t.Errorf("second objection: %v", de)
	}
}
