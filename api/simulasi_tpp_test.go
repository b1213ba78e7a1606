package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

const simPath = "/api/v1/tpp/simulasi"

// simKasus is one case of a worked example (testdata/tpp/vN.json, generated from the
// facts and profiles of domain/tpp_test.go): a profile, employee-months in the API's
// FaktaTPP shape, and for each the figures the example states. A harapan key is a
// HasilTPP field, "langkah" (trace steps that must be present with the given
// fields; the first with the kode, and the tanggal when given) or "tanpa_langkah"
// (step codes that must be absent).
type simKasus struct {
	Nama    string            `json:"nama"`
	Profil  json.RawMessage   `json:"profil"`
	Fakta   []json.RawMessage `json:"fakta"`
	Harapan []map[string]any  `json:"harapan"`
}

// decodeNumber decodes JSON keeping numbers as their literals, so rupiah compare exactly.
func decodeNumber(t *testing.T, b []byte, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("decode: %v\n%s", err, b)
	}
}

// simContoh reads every worked example, keyed by file name ("v1" … "v12").
func simContoh(t *testing.T) map[string][]simKasus {
	t.Helper()
	files, err := filepath.Glob("testdata/tpp/v*.json")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]simKasus{}
	for _, f := range files {
		b, err := os.ReadFile(f) //nolint:gosec // G304: f comes from the Glob of testdata above
		if err != nil {
			t.Fatal(err)
		}
		var ks []simKasus
		decodeNumber(t, b, &ks)
		for _, k := range ks {
			if len(k.Fakta) == 0 || len(k.Fakta) != len(k.Harapan) {
				t.Fatalf("%s %q: %d fakta, %d harapan", f, k.Nama, len(k.Fakta), len(k.Harapan))
			}
		}
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = ks
	}
	for i := 1; i <= 12; i++ {
		if len(out[fmt.Sprintf("v%d", i)]) == 0 {
			t.Fatalf("testdata/tpp/v%d.json missing or empty", i)
		}
	}
	return out
}

type simHasil struct {
	AturanTppID *string          `json:"aturan_tpp_id"`
	Tahun       *json.Number     `json:"tahun"`
	Bulan       *json.Number     `json:"bulan"`
	Total       map[string]any   `json:"total"`
	Hasil       []map[string]any `json:"hasil"`
	PerUnit     []any            `json:"per_unit"`
	Baris       []any            `json:"baris"`
}

func simPost(s *apptest.Server, tok string, body any, header map[string]string) *apptest.Response {
	return s.Do(apptest.Req{Method: "POST", Path: simPath, Token: tok, Body: body, Header: header})
}

func simOK(t *testing.T, s *apptest.Server, tok string, body any, header map[string]string) simHasil {
	t.Helper()
	var out simHasil
	decodeNumber(t, simPost(s, tok, body, header).Expect(t, 200).Body, &out)
	return out
}

// cekHarapan compares every stated figure of one result.
func cekHarapan(t *testing.T, got map[string]any, want map[string]any) {
	t.Helper()
	for k, w := range want {
		switch k {
		case "langkah":
			for _, l := range w.([]any) {
				cekLangkah(t, got, l.(map[string]any))
			}
		case "tanpa_langkah":
			for _, kode := range w.([]any) {
				if _, ok := cariLangkah(got, map[string]any{"kode": kode}); ok {
					t.Errorf("step %s present, want none", kode)
				}
			}
		default:
			if fmt.Sprint(got[k]) != fmt.Sprint(w) {
				t.Errorf("%s = %v, want %v", k, got[k], w)
			}
		}
	}
}

func cariLangkah(hasil map[string]any, want map[string]any) (map[string]any, bool) {
	trace, _ := hasil["trace"].([]any)
	for _, s := range trace {
		st := s.(map[string]any)
		if st["kode"] != want["kode"] {
			continue
		}
		if d, ok := want["tanggal"]; ok && st["tanggal"] != d {
			continue
		}
		return st, true
	}
	return nil, false
}

func cekLangkah(t *testing.T, hasil map[string]any, want map[string]any) {
	t.Helper()
	st, ok := cariLangkah(hasil, want)
	if !ok {
		t.Errorf("no step %v in %v", want, hasil["penjelasan"])
		return
	}
	for k, w := range want {
		if k == "uraian" {
			u, wu := st["uraian"].(map[string]any), w.(map[string]any)
			if u["id"] != wu["id"] || u["en"] != wu["en"] {
				t.Errorf("step %s uraian = %v, want %v", want["kode"], u, wu)
			}
			continue
		}
		if fmt.Sprint(st[k]) != fmt.Sprint(w) {
			t.Errorf("step %s %s = %v, want %v", want["kode"], k, st[k], w)
		}
	}
}

func simJumlah(t *testing.T, hs []map[string]any, field string) int64 {
	t.Helper()
	var sum int64
	for _, h := range hs {
		n, err := h[field].(json.Number).Int64()
		if err != nil {
			t.Fatalf("%s: %v", field, err)
		}
		sum += n
	}
	return sum
}

// Every worked example V1–V12 of tpp-examples.md through the API, to the rupiah.
func TestSimulasiTPPContoh(t *testing.T) {
	contoh := simContoh(t)
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tok := s.Login(w.A.Keuangan, apptest.Password)
		for i := 1; i <= 12; i++ {
			v := fmt.Sprintf("v%d", i)
			for _, k := range contoh[v] {
				t.Run(v+" "+k.Nama, func(t *testing.T) {
					out := simOK(t, s, tok, map[string]any{"profil": k.Profil, "fakta": k.Fakta}, nil)
					if len(out.Hasil) != len(k.Fakta) {
						t.Fatalf("%d results for %d facts", len(out.Hasil), len(k.Fakta))
					}
					for j, want := range k.Harapan {
						t.Run(fmt.Sprint(j), func(t *testing.T) { cekHarapan(t, out.Hasil[j], want) })
					}
					if out.AturanTppID != nil || len(out.PerUnit) != 0 || len(out.Baris) != 0 {
						t.Errorf("aturan %v, per_unit %v, baris %v", out.AturanTppID, out.PerUnit, out.Baris)
					}
					if got := fmt.Sprint(out.Total["jumlah_pegawai"]); got != fmt.Sprint(len(k.Fakta)) {
						t.Errorf("total jumlah_pegawai = %s", got)
					}
					for _, f := range []string{"neto", "bruto", "pph", "bpjs_pegawai", "bpjs_pemda"} {
						if got := fmt.Sprint(out.Total[f]); got != fmt.Sprint(simJumlah(t, out.Hasil, f)) {
							t.Errorf("total %s = %s, want the sum %d", f, got, simJumlah(t, out.Hasil, f))
						}
					}
					// one fact: its month is the simulation's
					if (out.Tahun != nil) != (len(k.Fakta) == 1) || (out.Bulan != nil) != (len(k.Fakta) == 1) {
						t.Errorf("tahun %v bulan %v for %d facts", out.Tahun, out.Bulan, len(k.Fakta))
					}
				})
			}
		}
	})
}

// simFaktaV1 is the single fact of V1 with its profile.
func simFaktaV1(t *testing.T) (json.RawMessage, map[string]any) {
	t.Helper()
	k := simContoh(t)["v1"][0]
	var f map[string]any
	decodeNumber(t, k.Fakta[0], &f)
	return k.Profil, f
}

func TestSimulasiTPPBahasa(t *testing.T) {
	profil, fakta := simFaktaV1(t)
	const id = "Terlambat 33 menit pada 3 Maret 2026 (TL2): potongan 1% × Rp 5.979.200 = Rp 59.792"
	const en = "Late 33 minutes on 3 March 2026 (TL2): deduction 1% × Rp 5,979,200 = Rp 59,792"
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tok := s.Login(w.A.Admin, apptest.Password)
		body := map[string]any{"profil": profil, "fakta": []any{fakta}}
		for _, c := range []struct {
			header    map[string]string
			want, not string
		}{
			{nil, id, en},
			{map[string]string{"Accept-Language": "en-US,en;q=0.9"}, en, id},
			{map[string]string{"Accept-Language": "id"}, id, en},
		} {
			out := simOK(t, s, tok, body, c.header)
			p := fmt.Sprint(out.Hasil[0]["penjelasan"])
			if !strings.Contains(p, c.want) || strings.Contains(p, c.not) {
				t.Errorf("%v: penjelasan %s", c.header, p)
			}
			if fmt.Sprint(out.Tahun, out.Bulan) != "2026 3" {
				t.Errorf("tahun %v bulan %v", out.Tahun, out.Bulan)
			}
		}
	})
}

func TestSimulasiTPPAkses(t *testing.T) {
	profil, fakta := simFaktaV1(t)
	body := map[string]any{"profil": profil, "fakta": []any{fakta}}
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		for _, u := range []string{w.A.Admin, w.A.Keuangan, w.A.Audit, w.A.AdminUnit} {
			out := simOK(t, s, s.Login(u, apptest.Password), body, nil)
			if fmt.Sprint(out.Hasil[0]["neto"]) != "5261696" {
				t.Errorf("%s: neto %v", u, out.Hasil[0]["neto"])
			}
		}
		for _, u := range []string{w.A.Staf.NIP, w.A.Kadis.NIP} {
			p := simPost(s, s.Login(u, apptest.Password), body, nil).Expect(t, 403).Problem(t)
			if p.Code != "forbidden" {
				t.Errorf("pegawai: %+v", p)
			}
		}
		simPost(s, "", body, nil).Expect(t, 401)
		simPost(s, "not-a-token", body, nil).Expect(t, 401)
	})
}

// A stored version: chosen by id, or the one in force for the month; another
// instansi's id is not found.
func TestSimulasiTPPAturanTersimpan(t *testing.T) {
	profil, fakta := simFaktaV1(t)
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tok := s.Login(w.A.Keuangan, apptest.Password)
		p, err := domain.ParseProfilTPP(profil)
		if err != nil {
			t.Fatal(err)
		}
		simpan := func(inst string) string {
			a := domain.AturanTPP{ID: uuid.Must(uuid.NewV7()).String(), InstansiID: inst, Nama: "Perbup 1/2026",
				BerlakuMulai: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Profil: p, CreatedAt: time.Now()}
			if _, err := db.CreateAturanTPP(context.Background(), a, "", ""); err != nil {
				t.Fatal(err)
			}
			return a.ID
		}
		idA, idB := simpan(w.A.Instansi.ID), simpan(w.B.Instansi.ID)

		out := simOK(t, s, tok, map[string]any{"aturan_tpp_id": idA, "fakta": []any{fakta}}, nil)
		if out.AturanTppID == nil || *out.AturanTppID != idA || fmt.Sprint(out.Hasil[0]["neto"]) != "5261696" {
			t.Errorf("by id: aturan %v neto %v", out.AturanTppID, out.Hasil[0]["neto"])
		}
		// neither: the version in force for the fact's month
		out = simOK(t, s, tok, map[string]any{"fakta": []any{fakta}}, nil)
		if out.AturanTppID != nil || fmt.Sprint(out.Hasil[0]["neto"]) != "5261696" {
			t.Errorf("in force: aturan %v neto %v", out.AturanTppID, out.Hasil[0]["neto"])
		}
		// none in force before 2026
		lama := map[string]any{}
		for k, v := range fakta {
			lama[k] = v
		}
		lama["tahun"], lama["hari"] = 2025, []any{}
		pr := simPost(s, tok, map[string]any{"fakta": []any{lama}}, nil).Expect(t, 422).Problem(t)
		if pr.Code != "aturan_tidak_ada" {
			t.Errorf("none in force: %+v", pr)
		}
		// another instansi's version, and one that does not exist
		for _, id := range []string{idB, uuid.Must(uuid.NewV7()).String()} {
			pr := simPost(s, tok, map[string]any{"aturan_tpp_id": id, "fakta": []any{fakta}}, nil).Expect(t, 404).Problem(t)
			if !pr.HasField("aturan_tpp_id") {
				t.Errorf("unknown aturan: %+v", pr)
			}
		}
	})
}

func TestSimulasiTPPInputSalah(t *testing.T) {
	profil, fakta := simFaktaV1(t)
	with := func(kv ...any) map[string]any {
		f := map[string]any{}
		for k, v := range fakta {
			f[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i+1] == nil {
				delete(f, kv[i].(string))
			} else {
				f[kv[i].(string)] = kv[i+1]
			}
		}
		return f
	}
	hari := func(n int) []any {
		out := make([]any, n)
		for i := range out {
			out[i] = map[string]any{"tanggal": fmt.Sprintf("2026-03-%02d", i%31+1), "kerja": true, "status": "HADIR"}
		}
		return out
	}
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tok := s.Login(w.A.Keuangan, apptest.Password)

		t.Run("broken profile: 422 naming every field under profil/", func(t *testing.T) {
			for _, c := range []struct {
				profil any
				fields []string
			}{
				{map[string]any{"besaran": map[string]any{"tabel": []any{}}, "bobot": map[string]any{"produktivitas": 70, "disiplin": 20},
					"kinerja": map[string]any{"model": "NONE"}}, nil},
				{map[string]any{"besaran": map[string]any{"tabel": []any{map[string]any{"kelas": 1, "jumlah": 1000}}},
					"bobot": map[string]any{"produktivitas": 100, "disiplin": 0}, "kinerja": map[string]any{"model": "NONE"},
					"pembulatan": map[string]any{"mode": "HALF_UP", "tahap": "EACH_STEP"}, "lain": 1}, []string{"profil/lain"}},
				{map[string]any{"bobot": "100"}, nil},
			} {
				p := simPost(s, tok, map[string]any{"profil": c.profil, "fakta": []any{fakta}}, nil).Expect(t, 422).Problem(t)
				if p.Code != "profil_tidak_valid" || len(p.Errors) == 0 {
					t.Errorf("%v: %+v", c.profil, p)
				}
				for _, e := range p.Errors {
					if e.Field != "profil" && !strings.HasPrefix(e.Field, "profil/") {
						t.Errorf("field %q not under profil/", e.Field)
					}
				}
				for _, f := range c.fields {
					if !p.HasField(f) {
						t.Errorf("%s not named: %+v", f, p.Errors)
					}
				}
			}
			// the first one has several faults and every one is named
			p := simPost(s, tok, map[string]any{"profil": map[string]any{"besaran": map[string]any{"tabel": []any{}},
				"bobot": map[string]any{"produktivitas": 70, "disiplin": 20}}, "fakta": []any{fakta}}, nil).Expect(t, 422).Problem(t)
			if len(p.Errors) < 2 {
				t.Errorf("want every fault: %+v", p.Errors)
			}
		})

		for _, c := range []struct {
			name  string
			body  map[string]any
			field string
		}{
			{"profil and aturan_tpp_id", map[string]any{"profil": profil, "aturan_tpp_id": uuid.Must(uuid.NewV7()).String(), "fakta": []any{fakta}}, "aturan_tpp_id"},
			{"neither fakta nor tahun and bulan", map[string]any{"profil": profil}, "tahun"},
			{"empty body", map[string]any{}, "tahun"},
			{"tahun without bulan", map[string]any{"profil": profil, "tahun": 2026}, "tahun"},
			{"fakta and a scope", map[string]any{"profil": profil, "fakta": []any{fakta}, "tahun": 2026, "bulan": 3}, "fakta"},
			{"empty fakta", map[string]any{"profil": profil, "fakta": []any{}}, ""},
			{"32 days", map[string]any{"profil": profil, "fakta": []any{with("hari", hari(32))}}, ""},
			{"unknown day status", map[string]any{"profil": profil, "fakta": []any{with("hari", []any{
				map[string]any{"tanggal": "2026-03-02", "kerja": true, "status": "SAKIT"}})}}, ""},
			{"unknown jenis_asn", map[string]any{"profil": profil, "fakta": []any{with("jenis_asn", "HONORER")}}, ""},
			{"legacy CUKUP is no predikat of a fact", map[string]any{"profil": profil, "fakta": []any{with("predikat_tahun_lalu", "CUKUP")}}, ""},
			{"a fraction is no Desimal", map[string]any{"profil": profil, "fakta": []any{with("capaian_persen", "1/2")}}, ""},
			{"an exponent is no Desimal", map[string]any{"profil": profil, "fakta": []any{with("capaian_persen", "1e3")}}, ""},
			{"a number is no Desimal", map[string]any{"profil": profil, "fakta": []any{with("capaian_persen", 85)}}, ""},
			{"six BerAKHLAK scores", map[string]any{"profil": profil, "fakta": []any{with("berakhlak", []int{1, 2, 3, 4, 5, 6})}}, ""},
			{"a bad date", map[string]any{"profil": profil, "fakta": []any{with("hukuman", []any{
				map[string]any{"jenis": "POTONGAN_TUKIN_6", "tanggal_berlaku": "2026-02-30"}})}}, ""},
			{"bulan 13", map[string]any{"profil": profil, "fakta": []any{with("bulan", 13)}}, ""},
			{"unknown fact field", map[string]any{"profil": profil, "fakta": []any{with("gaji", 1)}}, ""},
			{"missing jenis_asn", map[string]any{"profil": profil, "fakta": []any{with("jenis_asn", nil)}}, ""},
		} {
			t.Run(c.name, func(t *testing.T) {
				p := simPost(s, tok, c.body, nil).Expect(t, 400).Problem(t)
				if c.field != "" && !p.HasField(c.field) {
					t.Errorf("%s not named: %+v", c.field, p)
				}
			})
		}
	})
}
