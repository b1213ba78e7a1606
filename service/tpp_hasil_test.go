package service

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/klauspost/compress/dict"
	"github.com/klauspost/compress/s2"

	"github.com/kinerja-id/kinerja/domain"
)

// contohHasil is the JSON of bulanUji's results under every preset: every kind of
// step the engine writes (late and early days, leave, sanctions, acting posts,
// netting, tax, BPJS), in the proportions of a real month.
func contohHasil(tb testing.TB, n int) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, lines := range barisUji(tb, n) {
		for _, b := range lines {
			j, err := hasilJSON(b.Hasil)
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, j)
		}
	}
	return out
}

// TestKamusHasilTPP checks the frozen dictionary: that every result encodes to its
// format byte and decodes back to itself, and that the dictionary still earns its
// keep (about 1.5 KB a line, against 2.4 KB without it).
//
// A new dictionary (when the engine's words change enough that lines grow) is built
// from the same results with
//
//	KINERJA_KAMUS_BARU=hasil_tpp_2.s2dict go test ./service -run TestKamusHasilTPP
//
// and added beside the old one under the next format byte; the old one stays, for
// the results stored with it.
func TestKamusHasilTPP(t *testing.T) {
	samples := contohHasil(t, 2000)
	if f := os.Getenv("KINERJA_KAMUS_BARU"); f != "" {
		var train [][]byte
		for i := 0; i < len(samples); i += 2 {
			train = append(train, samples[i])
		}
		d, err := dict.BuildS2Dict(train, dict.Options{MaxDictSize: s2.MaxDictSize, HashBytes: 8})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, d, 0o600); err != nil { //nolint:gosec // G703: the developer's own file name
			t.Fatal(err)
		}
		t.Logf("wrote %s: %d bytes", f, len(d))
	}
	if _, err := kamus1(); err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, j := range samples {
		z := kemas(t, j)
		if z[0] != formatKamus1 {
			t.Fatalf("format %#x, want %#x", z[0], formatKamus1)
		}
		back, err := hasilJSON(z)
		if err != nil || !bytes.Equal(back, j) {
			t.Fatalf("result does not decode to itself: %v", err)
		}
		total += len(z)
	}
	avg := total / len(samples)
	t.Logf("%d results, %d bytes each on average compressed", len(samples), avg)
	if avg > 1700 {
		t.Fatalf("results compress to %d bytes on average with the dictionary, want at most 1,700", avg)
	}
}

// kemas stores a result's JSON as kemasHasil does.
func kemas(t *testing.T, j []byte) []byte {
	t.Helper()
	var h domain.HasilTPP
	if err := json.Unmarshal(j, &h); err != nil {
		t.Fatal(err)
	}
	z, err := kemasHasil(&h)
	if err != nil {
		t.Fatal(err)
	}
	return z
}

// TestHasilS2TetapTerbaca checks that results stored before dictionaries (S2 blocks)
// still decode.
func TestHasilS2TetapTerbaca(t *testing.T) {
	for _, j := range contohHasil(t, 50) {
		back, err := hasilJSON(s2.Encode(nil, j))
		if err != nil || !bytes.Equal(back, j) {
			t.Fatalf("an S2 result does not decode: %v", err)
		}
	}
}

// TestHasilRusak checks that a damaged stored result is an error, not a panic or a
// wrong result.
func TestHasilRusak(t *testing.T) {
	j := contohHasil(t, 1)[0]
	z := kemas(t, j)
	huge := append([]byte{formatKamus1}, binary.AppendUvarint(nil, maksHasil+1)...)
	for _, bad := range [][]byte{nil, z[:len(z)/2], z[:1], {0x7f, 1, 2}, {0xff}, huge,
		append(bytes.Clone(z[:len(z)-1]), z[len(z)-1]^0xff)} {
		if back, err := hasilJSON(bad); err == nil && bytes.Equal(back, j) {
			t.Fatalf("a damaged result decoded to the original")
		} else if err == nil {
			t.Fatalf("a damaged result decoded without error to %d bytes", len(back))
		}
	}
}

// TestHasilTerbaca: a remembered result is the one its stored bytes decode to, for
// every line; what a caller does with the copy it gets never reaches the next
// reader; and damaged bytes are an error every time, never kept.
func TestHasilTerbaca(t *testing.T) {
	var lines []domain.BarisTPP
	for _, ls := range barisUji(t, 40) {
		lines = append(lines, ls...)
	}
	var c hasilTerbaca
	for round := range 2 {
		for _, b := range lines {
			want, err := hasilOf(b)
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.baca(b)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, %s: remembered result differs from its bytes", round, b.NIP)
			}
			if len(got.Trace) > 0 { // scribble on the copy
				got.Trace[0].Kode, got.Komponen = "RUSAK", nil
			}
		}
	}
	bad := lines[0]
	bad.Hasil = bytes.Clone(bad.Hasil)
	bad.Hasil[len(bad.Hasil)-1] ^= 0xff
	for range 2 {
		if _, err := c.baca(bad); err == nil {
			t.Fatal("a damaged result decoded")
		}
	}
	if _, ok := c.get(string(bad.Hasil)); ok {
		t.Fatal("a damaged result was kept")
	}
}

// TestTerbatas: the bounded map never holds more than its bound, and what it holds
// is what was put under each key.
func TestTerbatas(t *testing.T) {
	var m terbatas[int]
	const maks = 5
	for i := range 3*maks + 2 {
		m.put(fmt.Sprint("k", i), i, maks)
		if n := len(m.isi); n > maks || n == 0 {
			t.Fatalf("after %d puts: %d entries, bound %d", i+1, n, maks)
		}
		if v, ok := m.get(fmt.Sprint("k", i)); !ok || v != i {
			t.Fatalf("k%d: got %d, %v", i, v, ok)
		}
	}
	if _, ok := m.get("k0"); ok {
		t.Fatal("k0 outlived three restarts of the map")
	}
}
