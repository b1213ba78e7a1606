package domain

import (
	"strings"
	"testing"
	"time"
)

func TestRingkasKan(t *testing.T) {
	p := profil(t, `{"besaran": {"tabel": [{"kelas": 1, "jumlah": 1000000}]}, "bobot": {"produktivitas": 60, "disiplin": 40},
		"kinerja": {"model": "PREDIKAT", "predikat": [{"predikat": "SANGAT_BAIK", "persen": 100},
		{"predikat": "BAIK", "persen": 100}, {"predikat": "BUTUH_PERBAIKAN", "persen": 75}, {"predikat": "KURANG_MISCONDUCT", "persen": 50},
		{"predikat": "SANGAT_KURANG", "persen": 25}], "persen_tanpa_data": 0},
		"pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"}}`)
	f := maret2026(1)
	f.Predikat = Baik
	h := hitung(t, p, f)
	b := BarisTPP{KelasJabatan: 1, Predikat: Baik, JHK: 22}
	b.IsiHasil(h, PerhitunganInduk, 0, 0)
	id := strings.Join(RingkasKan(b, h, 2026, time.March, "id"), " ")
	en := strings.Join(RingkasKan(b, h, 2026, time.March, "en"), " ")
	for _, want := range []string{"Maret 2026", "Rp 1.000.000", "predikat Baik", "Diterima bersih: " + FormatRupiah(h.Neto)} {
		if !strings.Contains(id, want) {
			t.Errorf("Indonesian summary lacks %q: %s", want, id)
		}
	}
	for _, want := range []string{"March 2026", "Rp 1,000,000", "Net pay"} {
		if !strings.Contains(en, want) {
			t.Errorf("English summary lacks %q: %s", want, en)
		}
	}
	if strings.Contains(id, "Sudah dibayar") {
		t.Errorf("a first payment mentions an earlier one: %s", id)
	}
	// a correction says what was paid before and what is paid now
	b.IsiHasil(h, PerhitunganKoreksi, h.Neto+50000, 0)
	if got := strings.Join(RingkasKan(b, h, 2026, time.March, "id"), " "); !strings.Contains(got, "-Rp 50.000") {
		t.Errorf("correction: %s", got)
	}
}
