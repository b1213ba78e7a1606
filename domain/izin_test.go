package domain

import (
	"strings"
	"testing"
	"time"
)

func izTgl(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestIzinBaruValidate(t *testing.T) {
	tests := []struct {
		name   string
		in     IzinBaru
		fields []string // offending fields, none when valid
	}{
		{"one day", IzinBaru{Jenis: IzinCutiTahunan, Mulai: izTgl("2026-12-01"), Selesai: izTgl("2026-12-01")}, nil},
		{"range", IzinBaru{Jenis: IzinDinasLuar, Mulai: izTgl("2026-12-01"), Selesai: izTgl("2026-12-04")}, nil},
		{"backwards", IzinBaru{Jenis: IzinCutiSakit, Mulai: izTgl("2026-12-02"), Selesai: izTgl("2026-12-01")}, []string{"selesai"}},
		{"maternity with child", IzinBaru{Jenis: IzinCutiMelahirkan, Mulai: izTgl("2026-12-01"), Selesai: izTgl("2027-02-28"), AnakKe: 3}, nil},
		{"maternity without child", IzinBaru{Jenis: IzinCutiMelahirkan, Mulai: izTgl("2026-12-01"), Selesai: izTgl("2027-02-28")}, []string{"anak_ke"}},
		{"child on annual leave", IzinBaru{Jenis: IzinCutiTahunan, Mulai: izTgl("2026-12-01"), Selesai: izTgl("2026-12-01"), AnakKe: 1}, []string{"anak_ke"}},
		{"unknown type", IzinBaru{Jenis: "CUTI_LAIN", Mulai: izTgl("2026-12-01"), Selesai: izTgl("2026-12-01")}, []string{"jenis"}},
		{"both wrong", IzinBaru{Jenis: IzinCutiMelahirkan, Mulai: izTgl("2026-12-02"), Selesai: izTgl("2026-12-01")}, []string{"selesai", "anak_ke"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			izFields(t, tt.in.Validate(), tt.fields)
		})
	}
}

func izFields(t *testing.T, err error, want []string) {
	t.Helper()
	if len(want) == 0 {
		if err != nil {
			t.Fatalf("unexpected error %v", err)
		}
		return
	}
	de, ok := AsError(err)
	if !ok || de.Kind != KindInvalid {
		t.Fatalf("error %v, want invalid on %v", err, want)
	}
	var got []string
	for _, f := range de.Fields {
		got = append(got, f.Field)
	}
	if len(got) != len(want) {
		t.Fatalf("fields %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("fields %v, want %v", got, want)
		}
	}
}

func TestIzinBaruCekTMT(t *testing.T) {
	z := IzinBaru{Jenis: IzinCutiTahunan, Mulai: izTgl("2015-02-28"), Selesai: izTgl("2015-03-02")}
	izFields(t, z.CekTMT(izTgl("2015-03-01")), []string{"mulai"})
	z.Mulai = izTgl("2015-03-01")
	izFields(t, z.CekTMT(izTgl("2015-03-01")), nil)
	izFields(t, z.CekTMT(time.Time{}), nil)
}

func TestBeririsan(t *testing.T) {
	tests := []struct {
		a1, a2, b1, b2 string
		want           bool
	}{
		{"2026-12-01", "2026-12-05", "2026-12-05", "2026-12-07", true}, // shared last/first day
		{"2026-12-01", "2026-12-05", "2026-12-06", "2026-12-07", false},
		{"2026-12-03", "2026-12-03", "2026-12-01", "2026-12-05", true}, // inside
		{"2026-12-01", "2026-12-10", "2026-12-03", "2026-12-04", true}, // around
		{"2026-12-08", "2026-12-10", "2026-12-01", "2026-12-07", false},
	}
	for _, tt := range tests {
		got := Beririsan(izTgl(tt.a1), izTgl(tt.a2), izTgl(tt.b1), izTgl(tt.b2))
		if got != tt.want || Beririsan(izTgl(tt.b1), izTgl(tt.b2), izTgl(tt.a1), izTgl(tt.a2)) != tt.want {
			t.Errorf("%s..%s vs %s..%s: %v, want %v (both ways)", tt.a1, tt.a2, tt.b1, tt.b2, got, tt.want)
		}
	}
}

func TestIzinPutuskan(t *testing.T) {
	at := time.Date(2026, 11, 20, 2, 0, 0, 0, time.FixedZone("WITA", 8*3600))
	z := Izin{ID: "x", Status: IzinDiajukan}

	got, err := z.Putuskan(IzinDisetujui, "  ", "198002022005012002", at)
	if err != nil || got.Status != IzinDisetujui || got.DiputusOleh != "198002022005012002" ||
		got.DiputusAt == nil || !got.DiputusAt.Equal(at) || got.DiputusAt.Location() != time.UTC || got.Catatan != "" {
		t.Fatalf("approve: %+v %v", got, err)
	}
	if _, err := got.Putuskan(IzinDitolak, "terlambat", "x", at); !izKind(err, KindConflict) {
		t.Fatalf("decide twice: %v, want conflict", err)
	}
	if _, err := z.Putuskan(IzinDitolak, " ", "x", at); !izKind(err, KindInvalid) {
		t.Fatalf("refuse without note: %v, want invalid", err)
	}
	if _, err := z.Putuskan(IzinDiajukan, "", "x", at); !izKind(err, KindInvalid) {
		t.Fatalf("decision DIAJUKAN: %v, want invalid", err)
	}
	got, err = z.Putuskan(IzinDitolak, " kuota habis ", "x", at)
	if err != nil || got.Status != IzinDitolak || got.Catatan != "kuota habis" || got.Menghalangi() {
		t.Fatalf("refuse: %+v %v", got, err)
	}
	if !z.Menghalangi() {
		t.Fatal("a filed document holds its dates")
	}
}

func TestIzinBentrok(t *testing.T) {
	err := IzinBentrok(Izin{Jenis: IzinCutiTahunan, Mulai: izTgl("2026-12-01"), Selesai: izTgl("2026-12-05"), Status: IzinDisetujui})
	de, ok := AsError(err)
	if !ok || de.Kind != KindConflict || de.Code != "izin_overlap" {
		t.Fatalf("%v", err)
	}
	for _, s := range []string{de.Text.ID, de.Text.EN} {
		if !strings.Contains(s, "2026-12-01") || !strings.Contains(s, "2026-12-05") {
			t.Errorf("message %q does not name the other document's dates", s)
		}
	}
}

func izKind(err error, k Kind) bool {
	de, ok := AsError(err)
	return ok && de.Kind == k
}
