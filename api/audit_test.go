package api_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type auditPage struct {
	Total int `json:"total"`
	Items []struct {
		ID        string         `json:"id"`
		AktorID   *string        `json:"aktor_id"`
		AktorNama string         `json:"aktor_nama"`
		Aksi      string         `json:"aksi"`
		Entitas   string         `json:"entitas"`
		EntitasID string         `json:"entitas_id"`
		Sebelum   map[string]any `json:"sebelum"`
		Sesudah   map[string]any `json:"sesudah"`
		RequestID string         `json:"request_id"`
		Waktu     time.Time      `json:"waktu"`
	} `json:"items"`
}

func TestAudit(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin := s.Login(w.A.Admin, apptest.Password)
		adminID := me(t, s, admin).Pengguna.ID
		auditor := s.Login(w.A.Audit, apptest.Password)
		super := s.Login(w.Superadmin, apptest.Password)
		start := time.Now().Add(-time.Minute).UTC()

		var u penggunaJSON
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: admin, Header: map[string]string{"X-Request-ID": "uji-audit-1"},
			Body: map[string]any{"username": "operator.a", "password": "kata-sandi-kuat-1", "roles": []string{"KEUANGAN"}}}).Expect(t, 201).JSON(t, &u)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + u.ID, Token: admin, Header: map[string]string{"X-Request-ID": "uji-audit-2"},
			Body: map[string]any{"nonaktif": true}}).Expect(t, 200)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna/" + u.ID + "/reset-password", Token: admin, Body: map[string]any{}}).Expect(t, 200)

		list := func(tok, query string, hdr map[string]string) auditPage {
			t.Helper()
			var p auditPage
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/audit" + query, Token: tok, Header: hdr}).Expect(t, http.StatusOK).JSON(t, &p)
			return p
		}
		p := list(auditor, "?request_id=uji-audit-1", nil)
		if p.Total != 1 {
			t.Fatalf("by request id: %+v", p)
		}
		e := p.Items[0]
		if e.Aksi != "CREATE" || e.Entitas != "pengguna" || e.EntitasID != u.ID || e.AktorID == nil || *e.AktorID != adminID ||
			e.AktorNama != w.A.Admin || e.RequestID != "uji-audit-1" || e.Sebelum != nil || e.Sesudah["username"] != "operator.a" {
			t.Fatalf("entry %+v", e)
		}
		p = list(admin, "?request_id=uji-audit-2", nil)
		if p.Total != 1 || p.Items[0].Sebelum["nonaktif"] != false || p.Items[0].Sesudah["nonaktif"] != true {
			t.Fatalf("update entry %+v", p)
		}

		// filters; newest first
		p = list(admin, "?entitas=pengguna&entitas_id="+u.ID, nil)
		if p.Total != 3 || p.Items[0].Waktu.Before(p.Items[2].Waktu) {
			t.Fatalf("by entity %+v", p)
		}
		if p = list(admin, "?entitas=pengguna&aksi=UPDATE&aktor_id="+adminID, nil); p.Total != 2 {
			t.Fatalf("by action and actor %+v", p)
		}
		if p = list(admin, "?aksi=LOGIN&aktor_id="+adminID, nil); p.Total != 1 {
			t.Fatalf("logins %+v", p)
		}
		if p = list(admin, "?entitas=pengguna&page_size=1&page=2", nil); p.Total < 3 || len(p.Items) != 1 {
			t.Fatalf("paging %+v", p)
		}
		q := "?entitas_id=" + u.ID + "&dari=" + url.QueryEscape(start.Format(time.RFC3339))
		if p = list(admin, q, nil); p.Total != 3 {
			t.Fatalf("dari %+v", p)
		}
		q = "?entitas_id=" + u.ID + "&sampai=" + url.QueryEscape(start.Format(time.RFC3339))
		if p = list(admin, q, nil); p.Total != 0 {
			t.Fatalf("sampai %+v", p)
		}

		// nothing secret in the log
		r := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/audit?page_size=500", Token: admin}).Expect(t, 200)
		if strings.Contains(string(r.Body), "argon2") || strings.Contains(string(r.Body), "password_hash") {
			t.Fatalf("audit leaks a hash: %s", r.Body)
		}

		// who reads: the instansi's own admin and auditor, a SUPERADMIN acting in it
		if p = list(s.Login(w.B.Admin, apptest.Password), "?request_id=uji-audit-1", nil); p.Total != 0 {
			t.Fatalf("B reads A's log: %+v", p)
		}
		if p = list(super, "?request_id=uji-audit-1", map[string]string{"X-Instansi-ID": w.A.Instansi.ID}); p.Total != 1 {
			t.Fatalf("superadmin in A: %+v", p)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/audit", Token: super}).Expect(t, 400)
		for _, who := range []string{w.A.Staf.NIP, w.A.Keuangan, w.A.AdminUnit} {
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/audit", Token: s.Login(who, apptest.Password)}).Expect(t, 403)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/audit?aksi=HAPUS", Token: admin}).Expect(t, 400)
	})
}
