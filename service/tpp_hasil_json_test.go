package service

import (
	"bytes"
	"encoding/json"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/kinerja-id/kinerja/domain"
)

// gagal is what samaDenganMarshal needs of *testing.T and *rapid.T.
type gagal interface {
	Helper()
	Fatalf(format string, args ...any)
}

// samaDenganMarshal fails unless appendHasilJSON writes exactly what json.Marshal
// writes for h, or fails when it fails.
func samaDenganMarshal(t gagal, h *domain.HasilTPP) {
	t.Helper()
	want, errWant := json.Marshal(h)
	got, errGot := appendHasilJSON([]byte("prefix"), h)
	switch {
	case errWant != nil || errGot != nil:
		if errWant == nil || errGot == nil {
			t.Fatalf("json.Marshal error %v, appendHasilJSON error %v", errWant, errGot)
		}
	case !bytes.Equal(got[len("prefix"):], want):
		t.Fatalf("appendHasilJSON differs from json.Marshal\n got: %s\nwant: %s", got[len("prefix"):], want)
	}
}

// TestHasilJSONSamaDenganMarshal holds the encoder to json.Marshal on the lines of a
// synthetic month under every preset, on the worked examples V1–V12 and on random
// results.
func TestHasilJSONSamaDenganMarshal(t *testing.T) {
	t.Run("presets", func(t *testing.T) {
		m, ps := bulanUji(t, 300)
		for _, info := range domain.DaftarPresetTPP() {
			p, _ := domain.PresetTPP(info.Kode)
			for _, v := range ps {
				_, h, err := m.fakta(v).hitung(p, "run", "inst", domain.PerhitunganInduk)
				if err != nil {
					t.Fatal(err)
				}
				samaDenganMarshal(t, &h)
			}
		}
	})
	t.Run("V1-V12", func(t *testing.T) {
		files, err := filepath.Glob("../api/testdata/tpp/v*.json")
		if err != nil || len(files) < 12 {
			t.Fatalf("worked examples: %v (%d files)", err, len(files))
		}
		for _, f := range files {
			for _, k := range bacaContoh(t, f) {
				p, err := domain.ParseProfilTPP(k.Profil)
				if err != nil {
					t.Fatal(f, k.Nama, err)
				}
				for _, fk := range k.Fakta {
					h, err := domain.HitungTPP(p, fk.domain(t))
					if err != nil {
						t.Fatal(f, k.Nama, err)
					}
					samaDenganMarshal(t, &h)
				}
			}
		}
	})
	t.Run("nil and empty", func(t *testing.T) {
		samaDenganMarshal(t, &domain.HasilTPP{})
		samaDenganMarshal(t, &domain.HasilTPP{Komponen: []domain.KomponenHasil{}, Trace: []domain.Langkah{}})
		samaDenganMarshal(t, &domain.HasilTPP{Trace: []domain.Langkah{{}, {Tanggal: time.Unix(0, 1)}}})
	})
	t.Run("random", func(t *testing.T) {
		gen := rapid.MakeCustom[domain.HasilTPP](rapid.MakeConfig{
			Types: map[reflect.Type]*rapid.Generator[any]{reflect.TypeFor[time.Time](): waktuAcak().AsAny()},
			Kinds: map[reflect.Kind]*rapid.Generator[any]{reflect.String: teksAcak().AsAny()},
		})
		rapid.Check(t, func(t *rapid.T) {
			h := gen.Draw(t, "hasil")
			if rapid.Bool().Draw(t, "komponen nil") {
				h.Komponen = nil
			}
			if rapid.Bool().Draw(t, "trace nil") {
				h.Trace = nil
			}
			samaDenganMarshal(t, &h)
		})
	})
}

// teksAcak draws strings that exercise every escape: any Unicode, the characters
// encoding/json escapes, and arbitrary bytes (invalid UTF-8).
func teksAcak() *rapid.Generator[string] {
	tricky := rapid.SampledFrom([]rune{'"', '\\', '<', '>', '&', '\b', '\f', '\n', '\r', '\t', 0, 0x1f, 0x7f,
		'\u2028', '\u2029', '\ufffd', '×', '→', '–', 'é', '😀', 'a', ' '})
	return rapid.OneOf(
		rapid.String(),
		rapid.StringOf(tricky),
		rapid.Map(rapid.SliceOf(rapid.Byte()), func(b []byte) string { return string(b) }),
		rapid.Map(rapid.SliceOf(rapid.SampledFrom([]byte{0x80, 0xbf, 0xc0, 0xe2, 0x80, 0xa8, 0xed, 0xa0, 0xf4, 0x90, 'x', '<'})),
			func(b []byte) string { return string(b) }),
	)
}

// waktuAcak draws instants in every kind of zone, with and without fractions of a
// second, including the zero time (omitted) and the years and offsets that
// Time.MarshalJSON refuses.
func waktuAcak() *rapid.Generator[time.Time] {
	return rapid.Custom(func(t *rapid.T) time.Time {
		if rapid.IntRange(0, 9).Draw(t, "zero") == 0 {
			return time.Time{}
		}
		sec := rapid.OneOf(rapid.Int64Range(-62135596800-1e10, 253402300799+1e10), rapid.Int64Range(1.6e9, 1.9e9)).Draw(t, "sec")
		nsec := rapid.OneOf(rapid.Just(int64(0)), rapid.Int64Range(0, 999_999_999),
			rapid.SampledFrom([]int64{100_000_000, 120_000_000, 1000, 1})).Draw(t, "nsec")
		makassar, err := time.LoadLocation("Asia/Makassar")
		if err != nil {
			t.Fatal(err)
		}
		offset := rapid.OneOf(rapid.IntRange(-86400*2, 86400*2), rapid.SampledFrom([]int{0, -30, 3600, 8 * 3600, -86400, 86400, 86399})).Draw(t, "offset")
		loc := rapid.SampledFrom([]*time.Location{time.UTC, makassar, time.FixedZone("X", offset)}).Draw(t, "loc")
		return time.Unix(sec, nsec).In(loc)
	})
}

// contohTPP is one worked example of api/testdata/tpp: a profile and months.
type contohTPP struct {
	Nama    string            `json:"nama"`
	Profil  json.RawMessage   `json:"profil"`
	Fakta   []faktaContoh     `json:"fakta"`
	Harapan []json.RawMessage `json:"harapan"`
}

// faktaContoh is a month of a worked example in the API's shape.
type faktaContoh struct {
	Tahun             int                      `json:"tahun"`
	Bulan             time.Month               `json:"bulan"`
	KelasJabatan      int                      `json:"kelas_jabatan"`
	JenisASN          domain.JenisASN          `json:"jenis_asn"`
	StatusKepegawaian domain.StatusKepegawaian `json:"status_kepegawaian"`
	Golongan          string                   `json:"golongan"`
	Predikat          domain.Predikat          `json:"predikat"`
	PredikatTahunLalu domain.Predikat          `json:"predikat_tahun_lalu"`
	Hari              []struct {
		Tanggal          string            `json:"tanggal"`
		Kerja            bool              `json:"kerja"`
		Libur            domain.JenisLibur `json:"libur"`
		Status           domain.StatusHari `json:"status"`
		TerlambatDetik   int               `json:"terlambat_detik"`
		PulangCepatDetik int               `json:"pulang_cepat_detik"`
		TanpaPulang      bool              `json:"tanpa_pulang"`
		Khusus           bool              `json:"khusus"`
	} `json:"hari"`
	Hukuman []struct {
		Jenis          domain.JenisHukuman `json:"jenis"`
		TanggalBerlaku string              `json:"tanggal_berlaku"`
		DurasiBulan    int                 `json:"durasi_bulan"`
	} `json:"hukuman"`
	Capaian []struct {
		Realisasi string `json:"realisasi"`
		Target    string `json:"target"`
	} `json:"capaian"`
	CapaianPersen       string  `json:"capaian_persen"`
	BerAKHLAK           *[7]int `json:"berakhlak"`
	TunjanganProfesi    int64   `json:"tunjangan_profesi"`
	PenghasilanLainBPJS int64   `json:"penghasilan_lain_bpjs"`
	PotonganLain        []struct {
		Kode   string `json:"kode"`
		Nama   string `json:"nama"`
		Jumlah int64  `json:"jumlah"`
	} `json:"potongan_lain"`
}

func bacaContoh(t *testing.T, path string) []contohTPP {
	t.Helper()
	b, err := os.ReadFile(path) //nolint:gosec // G304: a path of the Glob of the worked examples
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var out []contohTPP
	if err := dec.Decode(&out); err != nil {
		t.Fatal(path, err)
	}
	return out
}

func (c faktaContoh) domain(t *testing.T) domain.FaktaTPP {
	t.Helper()
	tanggal := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	rat := func(s string) *big.Rat {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			t.Fatalf("not a number: %q", s)
		}
		return r
	}
	f := domain.FaktaTPP{Tahun: c.Tahun, Bulan: c.Bulan, KelasJabatan: c.KelasJabatan, JenisASN: c.JenisASN,
		StatusKepegawaian: c.StatusKepegawaian, Golongan: c.Golongan, Predikat: c.Predikat,
		PredikatTahunLalu: c.PredikatTahunLalu, BerAKHLAK: c.BerAKHLAK, TunjanganProfesi: c.TunjanganProfesi,
		PenghasilanLainBPJS: c.PenghasilanLainBPJS}
	for _, h := range c.Hari {
		f.Hari = append(f.Hari, domain.FaktaHari{Tanggal: tanggal(h.Tanggal), Kerja: h.Kerja, Libur: h.Libur, Status: h.Status,
			TerlambatDetik: h.TerlambatDetik, PulangCepatDetik: h.PulangCepatDetik, TanpaPulang: h.TanpaPulang, Khusus: h.Khusus})
	}
	for _, h := range c.Hukuman {
		f.Hukuman = append(f.Hukuman, domain.HukumanFakta{Jenis: h.Jenis, TanggalBerlaku: tanggal(h.TanggalBerlaku), DurasiBulan: h.DurasiBulan})
	}
	for _, x := range c.Capaian {
		f.Capaian = append(f.Capaian, domain.CapaianIndikator{Realisasi: rat(x.Realisasi), Target: rat(x.Target)})
	}
	if c.CapaianPersen != "" {
		f.CapaianPersen = rat(c.CapaianPersen)
	}
	for _, p := range c.PotonganLain {
		f.PotonganLain = append(f.PotonganLain, domain.PotonganFakta{Kode: p.Kode, Nama: p.Nama, Jumlah: p.Jumlah})
	}
	return f
}

// TestHasilJSONWaktu covers the edges of Time.MarshalJSON one by one.
func TestHasilJSONWaktu(t *testing.T) {
	for _, d := range []time.Time{
		time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 3, 1, 7, 30, 0, 120_000_000, time.FixedZone("WITA", 8*3600)),
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("", 24*3600)),
		time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("", -24*3600+60)),
		time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("", -30)),
		time.Unix(math.MaxInt32, 0),
	} {
		samaDenganMarshal(t, &domain.HasilTPP{Trace: []domain.Langkah{{Kode: "X", Tanggal: d}}})
	}
}

// BenchmarkHasilJSON encodes the results of a synthetic chunk.
func BenchmarkHasilJSON(b *testing.B) {
	m, ps := bulanUji(b, 500)
	p, _ := domain.PresetTPP("KEPMENDAGRI_60_40")
	hs := make([]domain.HasilTPP, len(ps))
	for i, v := range ps {
		_, h, err := m.fakta(v).hitung(p, "run", "inst", domain.PerhitunganInduk)
		if err != nil {
			b.Fatal(err)
		}
		hs[i] = h
	}
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		for i := range hs {
			buf, _ = appendHasilJSON(buf[:0], &hs[i])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(hs))/1000, "µs/hasil")
}
