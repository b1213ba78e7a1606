package api_test

import (
	"net/http"
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

func TestInstansi(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		super := s.Login(w.Superadmin, apptest.Password)
		adminA := s.Login(w.A.Admin, apptest.Password)
		pegA := s.Login(w.A.Staf.NIP, apptest.Password)

		// create, then the code is taken
		body := map[string]any{"nama": "Pemerintah Kabupaten Sorong", "kode": "kab-sorong", "jenis": "KABUPATEN", "zona_waktu": "Asia/Jayapura"}
		r := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/instansi", Token: super, Body: body}).Expect(t, http.StatusCreated)
		created := r.Map(t)
		if created["kode"] != "KAB-SORONG" || r.Header.Get("ETag") != `W/"1"` {
			t.Fatalf("created %v etag %q", created, r.Header.Get("ETag"))
		}
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/instansi", Token: super, Body: body}).Expect(t, http.StatusConflict)

		// bad input names the field; unknown fields are refused
		p := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/instansi", Token: super,
			Body: map[string]any{"nama": "X", "kode": "X", "jenis": "DESA", "zona_waktu": "Asia/Makassar"}}).Expect(t, 400).Problem(t)
		if !p.HasField("jenis") {
			t.Fatalf("problem does not name jenis: %+v", p)
		}
		p = s.Do(apptest.Req{Method: "POST", Path: "/api/v1/instansi", Token: super,
			Body: map[string]any{"kode": "X", "jenis": "KOTA", "zona_waktu": "Asia/Makassar"}}).Expect(t, 400).Problem(t)
		if !p.HasField("nama") || p.Errors[0].Code != "required" {
			t.Fatalf("missing nama not named exactly: %+v", p)
		}
		p = s.Do(apptest.Req{Method: "POST", Path: "/api/v1/instansi", Token: super,
			Body: map[string]any{"nama": "X", "kode": "X", "jenis": "KOTA", "zona_waktu": "Mars/Olympus"}}).Expect(t, 400).Problem(t)
		if !p.HasField("zona_waktu") {
			t.Fatalf("problem does not name zona_waktu: %+v", p)
		}
		p = s.Do(apptest.Req{Method: "POST", Path: "/api/v1/instansi", Token: super,
			Body: map[string]any{"nama": "X", "kode": "Y", "jenis": "KOTA", "zona_waktu": "Asia/Makassar", "aktif": false}}).Expect(t, 400).Problem(t)
		if !p.HasField("aktif") {
			t.Fatalf("unknown field not named: %+v", p)
		}

		// only SUPERADMIN creates; others see only their own
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/instansi", Token: adminA, Body: map[string]any{"nama": "Z", "kode": "Z", "jenis": "KOTA", "zona_waktu": "Asia/Makassar"}}).Expect(t, 403)
		var page struct {
			Total int `json:"total"`
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/instansi", Token: adminA}).Expect(t, 200).JSON(t, &page)
		if page.Total != 1 || page.Items[0].ID != w.A.Instansi.ID {
			t.Fatalf("admin A sees %+v", page)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/instansi/" + w.B.Instansi.ID, Token: adminA}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/instansi/" + w.A.Instansi.ID, Token: pegA}).Expect(t, 200)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/instansi", Token: super}).Expect(t, 200).JSON(t, &page)
		if page.Total != 3 {
			t.Fatalf("superadmin sees %d instansi", page.Total)
		}

		// optimistic locking
		path := "/api/v1/instansi/" + w.A.Instansi.ID
		r = s.Do(apptest.Req{Method: "PATCH", Path: path, Token: super, Body: map[string]any{"nama": "Kota A Baru"},
			Header: map[string]string{"If-Match": `W/"1"`}}).Expect(t, 200)
		if r.Header.Get("ETag") != `W/"2"` {
			t.Fatalf("etag after update %q", r.Header.Get("ETag"))
		}
		s.Do(apptest.Req{Method: "PATCH", Path: path, Token: super, Body: map[string]any{"nama": "Kalah"},
			Header: map[string]string{"If-Match": `W/"1"`}}).Expect(t, 412)
		s.Do(apptest.Req{Method: "PATCH", Path: path, Token: adminA, Body: map[string]any{"nama": "X"}}).Expect(t, 403)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/instansi/" + w.B.Instansi.ID, Token: adminA, Body: map[string]any{"nama": "X"}}).Expect(t, 404)
	})
}

func TestErrorsAreProblems(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		s.NewWorld()
		p := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/tidak-ada", NoSpecCheck: true}).Expect(t, 404).Problem(t)
		if p.Code != "route_not_found" || p.RequestID == "" {
			t.Fatalf("problem %+v", p)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/instansi"}).Expect(t, 401)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/instansi", Token: "garbage"}).Expect(t, 401)
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/instansi", NoSpecCheck: true}).Expect(t, 405)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/login", Body: `{"username": "x",`}).Expect(t, 400)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/login", Body: `{"username": "x\u0000", "password": "y"}`}).Expect(t, 400)
		en := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/login", Body: map[string]string{"username": "nobody", "password": "wrong"},
			Header: map[string]string{"Accept-Language": "en-US,en;q=0.9"}}).Expect(t, 401).Problem(t)
		id := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/login", Body: map[string]string{"username": "nobody", "password": "wrong"}}).Expect(t, 401).Problem(t)
		if en.Detail == id.Detail || en.Title != "Unauthorized" {
			t.Fatalf("language not honoured: %q vs %q", en.Detail, id.Detail)
		}
	})
}

// A SUPERADMIN acting in an instansi that does not exist gets 404, whatever the resource.
func TestUnknownTenant(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		super := s.Login(w.Superadmin, apptest.Password)
		ghost := map[string]string{"X-Instansi-ID": "01900000-0000-7000-8000-000000000000"}
		for _, r := range []apptest.Req{
			{Method: "GET", Path: "/api/v1/unit-kerja"},
			{Method: "POST", Path: "/api/v1/unit-kerja", Body: map[string]any{"kode": "X1", "nama": "X", "jenis": "DINAS"}},
			{Method: "GET", Path: "/api/v1/pegawai"},
			{Method: "GET", Path: "/api/v1/audit"},
		} {
			r.Token, r.Header = super, ghost
			p := s.Do(r).Expect(t, 404).Problem(t)
			if p.Code != "not_found" {
				t.Errorf("%s %s: %+v", r.Method, r.Path, p)
			}
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja", Token: super,
			Header: map[string]string{"X-Instansi-ID": "bukan-uuid"}}).Expect(t, 400)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja", Token: super,
			Header: map[string]string{"X-Instansi-ID": w.A.Instansi.ID}}).Expect(t, 200)
	})
}
