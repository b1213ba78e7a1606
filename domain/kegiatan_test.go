package domain

import (
	"testing"
	"time"
)

func TestKegiatanMenitAndRingkas(t *testing.T) {
	for _, c := range []struct {
		a, b string
		m    int
		want int
		ok   bool
	}{
		{"08:00", "09:30", 0, 90, true}, {"", "", 45, 45, true}, {"08:00", "09:30", 90, 90, true},
		{"08:00", "09:30", 60, 0, false}, {"09:00", "08:00", 0, 0, false}, {"08:00", "", 0, 0, false}, {"", "", 0, 0, false},
	} {
		got, err := KegiatanMenit(c.a, c.b, c.m)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("KegiatanMenit(%q, %q, %d) = %d, %v", c.a, c.b, c.m, got, err)
		}
	}
	d1, d2 := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	r := Ringkas([]Kegiatan{{RHKID: "a", Tanggal: d1, Menit: 60, Status: "DITERIMA"}, {RHKID: "b", Tanggal: d1, Menit: 30, Status: "DIAJUKAN"},
		{RHKID: "a", Tanggal: d2, Menit: 120, Status: "DITOLAK"}, {RHKID: "a", Tanggal: d2, Menit: 15, Status: "DITERIMA"}})
	if r.MenitDiterima != 75 || r.MenitDiajukan != 30 || r.MenitDitolak != 120 || len(r.PerRHK) != 2 || r.PerRHK[0].Jumlah != 3 ||
		r.PerRHK[0].MenitDiterima != 75 || len(r.PerHari) != 2 || r.PerHari[0].MenitTotal != 90 || r.PerHari[1].MenitDiterima != 15 {
		t.Errorf("ringkasan %+v", r)
	}
}
