package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type klienCreated struct {
	Klien struct {
		ID       string   `json:"id"`
		ClientID string   `json:"client_id"`
		Scopes   []string `json:"scopes"`
		Nonaktif bool     `json:"nonaktif"`
	} `json:"klien"`
	ClientSecret string `json:"client_secret"`
}

func clientToken(t *testing.T, s *apptest.Server, k klienCreated) string {
	t.Helper()
	var tok struct {
		AccessToken string `json:"access_token"`
		Scope       string `json:"scope"`
	}
	s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/token", Body: map[string]string{
		"grant_type": "client_credentials", "client_id": k.Klien.ClientID, "client_secret": k.ClientSecret}}).Expect(t, http.StatusOK).JSON(t, &tok)
	return tok.AccessToken
}

func TestKlienAPI(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin := s.Login(w.A.Admin, apptest.Password)
		adminB := s.Login(w.B.Admin, apptest.Password)
		super := s.Login(w.Superadmin, apptest.Password)
		en := map[string]string{"Accept-Language": "en"}

		var ro, rw klienCreated
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/klien-api", Token: admin,
			Body: map[string]any{"nama": "SIMPEG Provinsi", "scopes": []string{"read"}}}).Expect(t, http.StatusCreated).JSON(t, &ro)
		if !strings.HasPrefix(ro.Klien.ClientID, "kin_") || len(ro.ClientSecret) < 40 || ro.Klien.Nonaktif || len(ro.Klien.Scopes) != 1 {
			t.Fatalf("created %+v", ro)
		}
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/klien-api", Token: admin,
			Body: map[string]any{"nama": "Aplikasi Absensi", "scopes": []string{"write", "read"}}}).Expect(t, http.StatusCreated).JSON(t, &rw)
		p := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/klien-api", Token: admin,
			Body: map[string]any{"nama": "X", "scopes": []string{"admin"}}}).Expect(t, 400).Problem(t)
		if len(p.Errors) == 0 || !strings.HasPrefix(p.Errors[0].Field, "scopes") {
			t.Fatalf("problem does not name scopes: %+v", p)
		}
		p = s.Do(apptest.Req{Method: "POST", Path: "/api/v1/klien-api", Token: admin,
			Body: map[string]any{"nama": "   ", "scopes": []string{"read"}}}).Expect(t, 400).Problem(t)
		if !p.HasField("nama") {
			t.Fatalf("problem does not name nama: %+v", p)
		}

		var page struct {
			Total int `json:"total"`
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/klien-api", Token: admin}).Expect(t, 200).JSON(t, &page)
		if page.Total != 2 || strings.Contains(string(s.Do(apptest.Req{Method: "GET", Path: "/api/v1/klien-api", Token: admin}).Body), "argon2") {
			t.Fatalf("list %+v", page)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/klien-api", Token: adminB}).Expect(t, 200).JSON(t, &page)
		if page.Total != 0 {
			t.Fatalf("B sees A's clients: %+v", page)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/klien-api", Token: super}).Expect(t, 400)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/klien-api", Token: super,
			Header: map[string]string{"X-Instansi-ID": w.A.Instansi.ID}}).Expect(t, 200).JSON(t, &page)
		if page.Total != 2 {
			t.Fatalf("superadmin in A sees %+v", page)
		}
		for _, who := range []string{w.A.AdminUnit, w.A.Keuangan, w.A.Audit, w.A.Staf.NIP} {
			tok := s.Login(who, apptest.Password)
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/klien-api", Token: tok}).Expect(t, 403)
			s.Do(apptest.Req{Method: "POST", Path: "/api/v1/klien-api", Token: tok,
				Body: map[string]any{"nama": "X", "scopes": []string{"read"}}}).Expect(t, 403)
			s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/klien-api/" + ro.Klien.ID, Token: tok}).Expect(t, 403)
		}

		// client credentials: the token works on the client's own instansi
		roTok := clientToken(t, s, ro)
		rwTok := clientToken(t, s, rw)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/instansi/" + w.A.Instansi.ID, Token: roTok}).Expect(t, 200)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/instansi/" + w.B.Instansi.ID, Token: roTok}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna", Token: roTok}).Expect(t, 200)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/token", Body: map[string]string{
			"grant_type": "client_credentials", "client_id": ro.Klien.ClientID, "client_secret": rw.ClientSecret}}).Expect(t, 401)

		// a read-scope client may write nothing; no client manages clients or accounts
		newAccount := map[string]any{"username": "dari.klien", "password": "kata-sandi-kuat-1", "roles": []string{"ADMIN_INSTANSI"}}
		p = s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: roTok, Body: newAccount, Header: en}).Expect(t, 403).Problem(t)
		if !strings.Contains(p.Detail, "read scope") {
			t.Fatalf("read scope not the reason: %+v", p)
		}
		p = s.Do(apptest.Req{Method: "POST", Path: "/api/v1/klien-api", Token: roTok,
			Body: map[string]any{"nama": "X", "scopes": []string{"read"}}, Header: en}).Expect(t, 403).Problem(t)
		if !strings.Contains(p.Detail, "read scope") {
			t.Fatalf("read scope not the reason: %+v", p)
		}
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: rwTok, Body: newAccount}).Expect(t, 403)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/klien-api", Token: rwTok,
			Body: map[string]any{"nama": "X", "scopes": []string{"read"}}}).Expect(t, 403)
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/klien-api/" + ro.Klien.ID, Token: rwTok}).Expect(t, 403)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/me", Token: rwTok}).Expect(t, 401)

		// revoke: another instansi cannot; the client's token stops at once
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/klien-api/" + ro.Klien.ID, Token: adminB}).Expect(t, 404)
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/klien-api/" + ro.Klien.ID, Token: admin}).Expect(t, 204)
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/klien-api/" + ro.Klien.ID, Token: admin}).Expect(t, 204)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/instansi/" + w.A.Instansi.ID, Token: roTok}).Expect(t, 401)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/token", Body: map[string]string{
			"grant_type": "client_credentials", "client_id": ro.Klien.ClientID, "client_secret": ro.ClientSecret}}).Expect(t, 401)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/instansi/" + w.A.Instansi.ID, Token: rwTok}).Expect(t, 200)
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/klien-api/01900000-0000-7000-8000-000000000000", Token: admin}).Expect(t, 404)

		// the audit log has the client, never its secret
		r := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/audit?entitas=klien_api", Token: admin}).Expect(t, 200)
		var audit struct {
			Total int `json:"total"`
		}
		r.JSON(t, &audit)
		if audit.Total != 3 || strings.Contains(string(r.Body), "argon2") || strings.Contains(string(r.Body), ro.ClientSecret) {
			t.Fatalf("audit of clients: %s", r.Body)
		}
	})
}
