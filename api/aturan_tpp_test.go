package api_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type atpVersi struct {
	ID            string         `json:"id"`
	Versi         int            `json:"versi"`
	Nama          string         `json:"nama"`
	DasarHukum    string         `json:"dasar_hukum"`
	Keterangan    string         `json:"keterangan"`
	BerlakuMulai  string         `json:"berlaku_mulai"`
	BerlakuSampai *string        `json:"berlaku_sampai"`
	Profil        map[string]any `json:"profil"`
	Digunakan     bool           `json:"digunakan"`
	Version       int            `json:"version"`
}

type atpPage struct {
	Total int        `json:"total"`
	Items []atpVersi `json:"items"`
}

// atpProfil is a small valid profile; extra sections are appended to it.
func atpProfil(extra string) map[string]any {
	raw := `{"besaran": {"tabel": [{"kelas": 1, "jumlah": 1000000}]},
		"bobot": {"produktivitas": 60, "disiplin": 40}, "kinerja": {"model": "NONE"},
		"pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"}` + extra + `}`
	var m map[string]any
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		panic(err)
	}
	return m
}

// atpOverlap has two lateness bands sharing second 1800.
const atpOverlap = `, "disiplin": {"dasar": "TOTAL", "pita_tl": [
	{"kode": "TL1", "dari_detik": 60, "sampai_detik": 1800, "persen": 0.5},
	{"kode": "TL2", "dari_detik": 1800, "sampai_detik": -1, "persen": 1}]}`

func atpBody(nama, mulai string, kv ...any) map[string]any {
	m := map[string]any{"nama": nama, "berlaku_mulai": mulai}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

func atpPost(s *apptest.Server, tok string, body map[string]any, header ...string) *apptest.Response {
	r := apptest.Req{Method: "POST", Path: "/api/v1/aturan-tpp", Token: tok, Body: body}
	if len(header) == 2 {
		r.Header = map[string]string{header[0]: header[1]}
	}
	return s.Do(r)
}

func atpCreate(t *testing.T, s *apptest.Server, tok string, body map[string]any) atpVersi {
	t.Helper()
	var v atpVersi
	r := atpPost(s, tok, body).Expect(t, 201)
	r.JSON(t, &v)
	if r.Header.Get("ETag") != `W/"1"` {
		t.Fatalf("ETag %q", r.Header.Get("ETag"))
	}
	return v
}

func atpList(t *testing.T, s *apptest.Server, tok string) atpPage {
	t.Helper()
	var pg atpPage
	s.Do(apptest.Req{Method: "GET", Path: "/api/v1/aturan-tpp", Token: tok}).Expect(t, 200).JSON(t, &pg)
	return pg
}

func atpBerlaku(t *testing.T, s *apptest.Server, tok string, tahun, bulan, status int) atpVersi {
	t.Helper()
	var v atpVersi
	r := s.Do(apptest.Req{Method: "GET", Path: apptest.Path("/api/v1/aturan-tpp/berlaku?tahun=%d&bulan=%d", tahun, bulan), Token: tok})
	if r.Expect(t, status); status == 200 {
		r.JSON(t, &v)
	}
	return v
}

// atpRun inserts a payroll run of the version, as the payroll code would.
func atpRun(t *testing.T, db *repository.DB, instansiID, aturanID string, tahun, bulan int, status string) string {
	t.Helper()
	id := uuid.Must(uuid.NewV7()).String()
	now := time.Now().UTC()
	if err := db.Exec(context.Background(), `INSERT INTO perhitungan_tpp (id, instansi_id, cakupan, unit_path, tahun, bulan, jenis,
		status, aturan_tpp_id, aturan_tpp_versi, ringkasan, dibuat_oleh, created_at, updated_at)
		VALUES (?,?,'','',?,?,'INDUK','DIHITUNG',?,1,'{}','uji',?,?)`, id, instansiID, tahun, bulan, aturanID, now, now); err != nil {
		t.Fatal(err)
	}
	if status != "DIHITUNG" {
		atpSetStatus(t, db, id, status)
	}
	return id
}

func atpSetStatus(t *testing.T, db *repository.DB, runID, status string) {
	t.Helper()
	if err := db.Exec(context.Background(), `UPDATE perhitungan_tpp SET status = ? WHERE id = ?`, status, runID); err != nil {
		t.Fatal(err)
	}
}

func TestAturanTPPCreateBerlaku(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := iznLogin(s, w)

		// every signed-in user sees the presets, with their profiles
		var presets struct {
			Items []struct {
				Kode, Nama, Keterangan string
				Profil                 map[string]any
			}
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/aturan-tpp/preset", Token: tk.staf}).Expect(t, 200).JSON(t, &presets)
		if len(presets.Items) != 3 || presets.Items[0].Kode != "KEPMENDAGRI_60_40" || presets.Items[0].Nama == "" ||
			presets.Items[0].Profil["bobot"] == nil {
			t.Fatalf("presets %+v", presets)
		}

		// a version from a preset, one from an inline profile
		v1 := atpCreate(t, s, tk.admin, atpBody("Perbup 12/2025", "2026-01-01", "preset", "KEPMENDAGRI_60_40",
			"dasar_hukum", "Perbup No. 12 Tahun 2025"))
		if v1.Versi != 1 || v1.BerlakuSampai != nil || v1.Digunakan || v1.Version != 1 || v1.DasarHukum != "Perbup No. 12 Tahun 2025" {
			t.Fatalf("v1 %+v", v1)
		}
		if b := v1.Profil["bobot"].(map[string]any); b["produktivitas"] != 60.0 {
			t.Fatalf("preset profile %+v", v1.Profil)
		}
		v2 := atpCreate(t, s, tk.keuangan, atpBody("Perbup 3/2026", "2026-07-01", "profil", atpProfil(`, "komponen": [{"jenis": "BEBAN_KERJA", "persen": 87.5}]`)))
		if v2.Versi != 2 || v2.BerlakuSampai != nil {
			t.Fatalf("v2 %+v", v2)
		}
		if k := v2.Profil["komponen"].([]any)[0].(map[string]any); k["persen"] != 87.5 {
			t.Fatalf("inline profile %+v", v2.Profil)
		}
		orgAudited(t, s, w.A.Instansi.ID, "aturan_tpp", "CREATE", v2.ID)

		// the list is latest first; the earlier version ends the day before the next starts
		pg := atpList(t, s, tk.audit)
		if pg.Total != 2 || pg.Items[0].ID != v2.ID || pg.Items[1].ID != v1.ID || pg.Items[1].BerlakuSampai == nil ||
			*pg.Items[1].BerlakuSampai != "2026-06-30" || pg.Items[0].BerlakuSampai != nil {
			t.Fatalf("list %+v", pg)
		}

		// the month picks the version in force
		if v := atpBerlaku(t, s, tk.keuangan, 2026, 6, 200); v.ID != v1.ID || v.BerlakuSampai == nil {
			t.Fatalf("june %+v", v)
		}
		if v := atpBerlaku(t, s, tk.adminUnit, 2027, 1, 200); v.ID != v2.ID {
			t.Fatalf("next year %+v", v)
		}
		atpBerlaku(t, s, tk.admin, 2025, 12, 404)

		// a second version on the same start is a conflict
		p := atpPost(s, tk.admin, atpBody("Ganda", "2026-07-01", "preset", "TUKIN_PUSAT")).Expect(t, 409).Problem(t)
		if p.Code != "berlaku_mulai_duplikat" || !p.HasField("berlaku_mulai") {
			t.Fatalf("same start %+v", p)
		}

		// an invalid profile is 422 naming every offending field under profil/
		p = atpPost(s, tk.admin, atpBody("Rusak", "2026-09-01", "profil",
			atpProfil(atpOverlap+`, "komponen": [{"jenis": "BEBAN_KERJA", "persen": 150}]`))).Expect(t, 422).Problem(t)
		if p.Code != "profil_tidak_valid" || !p.HasField("profil/disiplin/pita_tl/1/dari_detik") || !p.HasField("profil/komponen/0/persen") {
			t.Fatalf("invalid profile %+v", p)
		}
		// a start that is not the first of a month, both or neither profile source: 400
		for field, b := range map[string]map[string]any{
			"berlaku_mulai": atpBody("Tengah bulan", "2026-09-15", "preset", "TUKIN_PUSAT"),
			"preset":        atpBody("Keduanya", "2026-09-01", "preset", "TUKIN_PUSAT", "profil", atpProfil("")),
			"profil":        atpBody("Kosong", "2026-09-01"),
		} {
			if p := atpPost(s, tk.admin, b).Expect(t, 400).Problem(t); !p.HasField(field) {
				t.Fatalf("%s: %+v", field, p)
			}
		}
		if pg := atpList(t, s, tk.admin); pg.Total != 2 {
			t.Fatalf("refused versions were stored: %+v", pg)
		}
	})
}

func TestAturanTPPValidasi(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tok := s.Login(w.A.Staf.NIP, apptest.Password)

		type hasil struct {
			Valid  bool `json:"valid"`
			Errors []struct {
				Field, Code, Detail string
			} `json:"errors"`
		}
		var h hasil
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/aturan-tpp/validasi", Token: tok,
			Body: map[string]any{"profil": atpProfil("")}}).Expect(t, 200).JSON(t, &h)
		if !h.Valid || len(h.Errors) != 0 {
			t.Fatalf("valid profile %+v", h)
		}
		detail := map[string]string{}
		for _, l := range []string{"id", "en"} {
			var h hasil
			s.Do(apptest.Req{Method: "POST", Path: "/api/v1/aturan-tpp/validasi", Token: tok, Header: map[string]string{"Accept-Language": l},
				Body: map[string]any{"profil": atpProfil(atpOverlap)}}).Expect(t, 200).JSON(t, &h)
			if h.Valid || len(h.Errors) == 0 || h.Errors[0].Field != "profil/disiplin/pita_tl/1/dari_detik" || h.Errors[0].Code != "pita_overlap" {
				t.Fatalf("overlap %+v", h)
			}
			detail[l] = h.Errors[0].Detail
		}
		if detail["id"] == "" || detail["id"] == detail["en"] {
			t.Fatalf("detail not in the request language: %+v", detail)
		}
	})
}

func TestAturanTPPPutDelete(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := iznLogin(s, w)
		inst := w.A.Instansi.ID
		path := func(id string) string { return "/api/v1/aturan-tpp/" + id }
		put := func(id, ifMatch string, body map[string]any) *apptest.Response {
			return s.Do(apptest.Req{Method: "PUT", Path: path(id), Token: tk.keuangan, Body: body,
				Header: map[string]string{"If-Match": ifMatch}})
		}

		v1 := atpCreate(t, s, tk.admin, atpBody("Awal", "2026-01-01", "preset", "KEPMENDAGRI_60_40"))
		v2 := atpCreate(t, s, tk.admin, atpBody("Tengah", "2026-05-01", "preset", "MANADO_POIN"))
		v3 := atpCreate(t, s, tk.admin, atpBody("Akhir", "2026-09-01", "preset", "TUKIN_PUSAT"))

		// replace v2: new texts, start and profile; the version moves on
		r := put(v2.ID, `W/"1"`, atpBody("Tengah (revisi)", "2026-04-01", "profil", atpProfil(""), "keterangan", "Perubahan tabel"))
		r.Expect(t, 200)
		var got atpVersi
		r.JSON(t, &got)
		if got.Version != 2 || r.Header.Get("ETag") != `W/"2"` || got.Nama != "Tengah (revisi)" || got.BerlakuMulai != "2026-04-01" ||
			got.Keterangan != "Perubahan tabel" || got.Versi != 2 || got.Profil["kinerja"].(map[string]any)["model"] != "NONE" ||
			got.BerlakuSampai == nil || *got.BerlakuSampai != "2026-08-31" {
			t.Fatalf("put %+v", got)
		}
		orgAudited(t, s, inst, "aturan_tpp", "UPDATE", v2.ID)
		if v := atpBerlaku(t, s, tk.admin, 2026, 3, 200); v.ID != v1.ID || *v.BerlakuSampai != "2026-03-31" {
			t.Fatalf("march %+v", v)
		}
		// a stale ETag is 412, a start another version has is 409
		if p := put(v2.ID, `W/"1"`, atpBody("Lagi", "2026-04-01", "preset", "TUKIN_PUSAT")).Expect(t, 412).Problem(t); p.Code != "stale_version" {
			t.Fatalf("stale %+v", p)
		}
		put(v2.ID, `W/"2"`, atpBody("Lagi", "2026-09-01", "preset", "TUKIN_PUSAT")).Expect(t, 409)

		// a version an approved run used is frozen
		if err := db.TandaiAturanTPPDigunakan(context.Background(), inst, v1.ID); err != nil {
			t.Fatal(err)
		}
		var v atpVersi
		s.Do(apptest.Req{Method: "GET", Path: path(v1.ID), Token: tk.audit}).Expect(t, 200).JSON(t, &v)
		if !v.Digunakan {
			t.Fatalf("not marked used: %+v", v)
		}
		if p := put(v1.ID, `W/"1"`, atpBody("Ubah", "2026-01-01", "preset", "TUKIN_PUSAT")).Expect(t, 409).Problem(t); p.Code != "aturan_digunakan" {
			t.Fatalf("put used %+v", p)
		}
		if p := s.Do(apptest.Req{Method: "DELETE", Path: path(v1.ID), Token: tk.admin}).Expect(t, 409).Problem(t); p.Code != "aturan_digunakan" {
			t.Fatalf("delete used %+v", p)
		}
		// any run referring to a version keeps it
		atpRun(t, db, inst, v3.ID, 2026, 9, "DIHITUNG")
		if p := s.Do(apptest.Req{Method: "DELETE", Path: path(v3.ID), Token: tk.admin}).Expect(t, 409).Problem(t); p.Code != "aturan_digunakan" {
			t.Fatalf("delete referenced %+v", p)
		}
		// an unused one goes
		s.Do(apptest.Req{Method: "DELETE", Path: path(v2.ID), Token: tk.keuangan}).Expect(t, 204)
		s.Do(apptest.Req{Method: "GET", Path: path(v2.ID), Token: tk.admin}).Expect(t, 404)
		orgAudited(t, s, inst, "aturan_tpp", "DELETE", v2.ID)
		if v := atpBerlaku(t, s, tk.admin, 2026, 6, 200); v.ID != v1.ID || *v.BerlakuSampai != "2026-08-31" {
			t.Fatalf("after delete %+v", v)
		}
	})
}

func TestAturanTPPIdempotensi(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tok := s.Login(w.A.Keuangan, apptest.Password)
		body := atpBody("Perbup 1/2026", "2026-01-01", "profil", atpProfil(""))

		var first, again atpVersi
		atpPost(s, tok, body, "Idempotency-Key", "aturan-kunci-1").Expect(t, 201).JSON(t, &first)
		r := atpPost(s, tok, body, "Idempotency-Key", "aturan-kunci-1").Expect(t, 200)
		r.JSON(t, &again)
		if again.ID != first.ID || again.Versi != 1 {
			t.Fatalf("replay %+v, first %+v", again, first)
		}
		if pg := atpList(t, s, tok); pg.Total != 1 {
			t.Fatalf("replay stored twice: %+v", pg)
		}
		body["nama"] = "Perbup 2/2026"
		if p := atpPost(s, tok, body, "Idempotency-Key", "aturan-kunci-1").Expect(t, 422).Problem(t); p.Code != "idempotency_mismatch" {
			t.Fatalf("other body %+v", p)
		}
		// another key is another version (and here a clash of starts)
		atpPost(s, tok, body, "Idempotency-Key", "aturan-kunci-2").Expect(t, 409)
		if pg := atpList(t, s, tok); pg.Total != 1 {
			t.Fatalf("%+v", pg)
		}
	})
}

func TestAturanTPPAkses(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := iznLogin(s, w)
		v := atpCreate(t, s, tk.admin, atpBody("Perbup", "2026-01-01", "preset", "KEPMENDAGRI_60_40"))
		body := atpBody("Lain", "2026-02-01", "preset", "TUKIN_PUSAT")

		// a plain pegawai neither reads nor writes versions
		for _, r := range []apptest.Req{
			{Method: "GET", Path: "/api/v1/aturan-tpp"},
			{Method: "GET", Path: "/api/v1/aturan-tpp/" + v.ID},
			{Method: "GET", Path: "/api/v1/aturan-tpp/berlaku?tahun=2026&bulan=1"},
			{Method: "POST", Path: "/api/v1/aturan-tpp", Body: body},
		} {
			r.Token = tk.staf
			s.Do(r).Expect(t, 403)
		}
		// AUDITOR and ADMIN_UNIT read but do not write
		for _, tok := range []string{tk.audit, tk.adminUnit} {
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/aturan-tpp/" + v.ID, Token: tok}).Expect(t, 200)
			atpPost(s, tok, body).Expect(t, 403)
			s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/aturan-tpp/" + v.ID, Token: tok, Body: body}).Expect(t, 403)
			s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/aturan-tpp/" + v.ID, Token: tok}).Expect(t, 403)
		}
		// another instansi sees nothing of it
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/aturan-tpp/" + v.ID, Token: tk.adminB}).Expect(t, 404)
		s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/aturan-tpp/" + v.ID, Token: tk.adminB, Body: body}).Expect(t, 404)
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/aturan-tpp/" + v.ID, Token: tk.adminB}).Expect(t, 404)
		if pg := atpList(t, s, tk.adminB); pg.Total != 0 {
			t.Fatalf("B sees A's versions: %+v", pg)
		}
		atpBerlaku(t, s, tk.adminB, 2026, 1, 404)
		// B's own version may start on the same date
		atpCreate(t, s, tk.adminB, atpBody("Perbup B", "2026-01-01", "preset", "TUKIN_PUSAT"))
		if pg := atpList(t, s, tk.admin); pg.Total != 1 || !strings.HasPrefix(pg.Items[0].Nama, "Perbup") {
			t.Fatalf("A's list %+v", pg)
		}
	})
}
