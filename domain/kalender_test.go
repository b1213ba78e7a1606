package domain

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// khTgl is a date in Kinerja's representation (midnight UTC).
func khTgl(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// khZona loads an IANA zone or fails the test.
func khZona(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("zone %s: %v", name, err)
	}
	return loc
}

// khFields lists "field code" pairs of a validation error and checks that every
// message has both languages.
func khFields(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	de, ok := AsError(err)
	if !ok {
		t.Fatalf("not a domain error: %v", err)
	}
	if de.Kind != KindInvalid {
		t.Fatalf("kind %v, want KindInvalid", de.Kind)
	}
	var out []string
	for _, f := range de.Fields {
		if f.Text.ID == "" || f.Text.EN == "" || f.Text.ID == f.Text.EN {
			t.Errorf("field %s: message not bilingual: %+v", f.Field, f.Text)
		}
		out = append(out, f.Field+" "+f.Code)
	}
	return out
}

func TestKalenderValidate(t *testing.T) {
	ok := Kalender{Tahun: 2025, Items: []HariLibur{
		{Tanggal: khTgl(2025, 3, 31), Jenis: LiburNasional, Nama: "Idul Fitri 1446 H"},
		{Tanggal: khTgl(2025, 4, 2), Jenis: CutiBersama, Nama: "Cuti bersama Idul Fitri"},
		{Tanggal: khTgl(2025, 12, 25), Jenis: LiburNasional, Nama: "Natal"},
	}}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid calendar refused: %v", err)
	}
	wib := khZona(t, "Asia/Jakarta")
	bad := Kalender{Tahun: 2025, Items: []HariLibur{
		{Tanggal: khTgl(2025, 1, 1), Jenis: LiburNasional, Nama: "Tahun Baru"},
		{Tanggal: khTgl(2024, 12, 25), Jenis: LiburNasional, Nama: "Natal"},
		{Tanggal: khTgl(2025, 1, 1), Jenis: CutiBersama, Nama: "Tahun Baru lagi"},
		{Tanggal: khTgl(2025, 5, 1), Jenis: LiburNasional, Nama: "   "},
		{Tanggal: time.Date(2025, 6, 1, 0, 0, 0, 0, wib), Jenis: LiburNasional, Nama: "Pancasila"},
		{Tanggal: khTgl(2025, 8, 17), Jenis: LiburAkhirPekan, Nama: "HUT RI"},
		{Jenis: LiburNasional, Nama: "tanpa tanggal"},
		{Tanggal: khTgl(2025, 9, 5), Jenis: LiburNasional, Nama: strings.Repeat("x", 201)},
	}}
	want := []string{
		"items/1/tanggal tanggal_outside_year",
		"items/2/tanggal tanggal_duplicate",
		"items/3/nama nama_required",
		"items/4/tanggal tanggal_not_date",
		"items/5/jenis jenis_libur_invalid",
		"items/6/tanggal tanggal_required",
		"items/7/nama nama_too_long",
	}
	if got := khFields(t, bad.Validate()); !slices.Equal(got, want) {
		t.Fatalf("fields\n got %v\nwant %v", got, want)
	}
	if got := khFields(t, Kalender{Tahun: 1999}.Validate()); !slices.Equal(got, []string{"tahun tahun_invalid"}) {
		t.Fatalf("year: %v", got)
	}
}

func TestKalenderLibur(t *testing.T) {
	k := Kalender{Tahun: 2025, Items: []HariLibur{
		{Tanggal: khTgl(2025, 3, 31), Jenis: LiburNasional, Nama: "Idul Fitri"},
		{Tanggal: khTgl(2025, 4, 2), Jenis: CutiBersama, Nama: "Cuti bersama"},
	}}
	tests := []struct {
		d     time.Time
		ok    bool
		jenis JenisLibur
	}{
		{khTgl(2025, 3, 31), true, LiburNasional},
		{khTgl(2025, 4, 2), true, CutiBersama},
		{khTgl(2025, 4, 1), false, ""},
	}
	for _, tt := range tests {
		h, ok := k.Libur(tt.d)
		if ok != tt.ok || h.Jenis != tt.jenis {
			t.Errorf("%s: %v %v, want %v %v", tt.d.Format(time.DateOnly), h.Jenis, ok, tt.jenis, tt.ok)
		}
	}
}
