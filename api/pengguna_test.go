package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type penggunaJSON struct {
	ID          string   `json:"id"`
	InstansiID  *string  `json:"instansi_id"`
	Username    string   `json:"username"`
	NIP         *string  `json:"nip"`
	Roles       []string `json:"roles"`
	UnitKerjaID *string  `json:"unit_kerja_id"`
	Nonaktif    bool     `json:"nonaktif"`
	Version     int      `json:"version"`
}

type penggunaPage struct {
	Total int            `json:"total"`
	Items []penggunaJSON `json:"items"`
}

type meJSON struct {
	Pengguna penggunaJSON `json:"pengguna"`
	Instansi *struct {
		ID string `json:"id"`
	} `json:"instansi"`
	Pegawai *struct {
		ID       string `json:"id"`
		NIP      string `json:"nip"`
		Golongan string `json:"golongan"`
	} `json:"pegawai"`
}

// me returns the caller's identity.
func me(t *testing.T, s *apptest.Server, tok string) meJSON {
	t.Helper()
	var m meJSON
	s.Do(apptest.Req{Method: "GET", Path: "/api/v1/me", Token: tok}).Expect(t, http.StatusOK).JSON(t, &m)
	return m
}

func names(p penggunaPage) []string {
	out := make([]string, len(p.Items))
	for i, it := range p.Items {
		out[i] = it.Username
	}
	return out
}

func TestPengguna(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin := s.Login(w.A.Admin, apptest.Password)
		adminB := s.Login(w.B.Admin, apptest.Password)
		super := s.Login(w.Superadmin, apptest.Password)
		auditor := s.Login(w.A.Audit, apptest.Password)
		keu := s.Login(w.A.Keuangan, apptest.Password)
		peg := s.Login(w.A.Staf.NIP, apptest.Password)
		adminID := me(t, s, admin).Pengguna.ID
		keuID := me(t, s, keu).Pengguna.ID
		stafID := me(t, s, peg).Pengguna.ID
		stafBID := me(t, s, s.Login(w.B.Staf.NIP, apptest.Password)).Pengguna.ID

		// create: username lowercased, never a hash in the answer
		body := map[string]any{"username": "Operator.A", "password": "kata-sandi-kuat-1", "roles": []string{"KEUANGAN"}}
		r := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: admin, Body: body}).Expect(t, http.StatusCreated)
		var op penggunaJSON
		r.JSON(t, &op)
		if op.Username != "operator.a" || op.InstansiID == nil || *op.InstansiID != w.A.Instansi.ID || op.Version != 1 {
			t.Fatalf("created %+v", op)
		}
		if strings.Contains(string(r.Body), "argon2") || strings.Contains(string(r.Body), "password") {
			t.Fatalf("answer leaks the password: %s", r.Body)
		}
		s.Login("operator.a", "kata-sandi-kuat-1")
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: admin, Body: body}).Expect(t, http.StatusConflict)

		// bad input names the field
		bad := func(field string, b map[string]any) {
			t.Helper()
			p := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: admin, Body: b}).Expect(t, 400).Problem(t)
			if !p.HasField(field) {
				t.Fatalf("problem does not name %s: %+v", field, p)
			}
		}
		bad("password", map[string]any{"username": "x.y.z", "password": "1234567890", "roles": []string{"PEGAWAI"}})
		bad("unit_kerja_id", map[string]any{"username": "x.y.z", "password": "kata-sandi-kuat-1", "roles": []string{"ADMIN_UNIT"}})
		bad("unit_kerja_id", map[string]any{"username": "x.y.z", "password": "kata-sandi-kuat-1", "roles": []string{"PEGAWAI"}, "unit_kerja_id": w.A.OPD1.ID})
		p := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: super,
			Body: map[string]any{"username": "x.y.z", "password": "kata-sandi-kuat-1", "roles": []string{"SUPERADMIN", "KEUANGAN"}}}).Expect(t, 400).Problem(t)
		if !p.HasField("roles") {
			t.Fatalf("problem does not name roles: %+v", p)
		}

		// references outside the instansi are not found
		p = s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: admin,
			Body: map[string]any{"username": "x.y.z", "password": "kata-sandi-kuat-1", "roles": []string{"PEGAWAI"}, "nip": w.B.Staf.NIP}}).Expect(t, 404).Problem(t)
		if !p.HasField("nip") {
			t.Fatalf("404 does not name nip: %+v", p)
		}
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: admin,
			Body: map[string]any{"username": "x.y.z", "password": "kata-sandi-kuat-1", "roles": []string{"ADMIN_UNIT"}, "unit_kerja_id": w.B.OPD1.ID}}).Expect(t, 404)
		// one account per employee
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: admin,
			Body: map[string]any{"username": "staf.dua", "password": "kata-sandi-kuat-1", "roles": []string{"PEGAWAI"}, "nip": w.A.Staf.NIP}}).Expect(t, 409)

		// only SUPERADMIN creates SUPERADMIN accounts or picks the instansi
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: admin,
			Body: map[string]any{"username": "raja", "password": "kata-sandi-kuat-1", "roles": []string{"SUPERADMIN"}}}).Expect(t, 403)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: admin,
			Body: map[string]any{"username": "mata.mata", "password": "kata-sandi-kuat-1", "roles": []string{"KEUANGAN"}, "instansi_id": w.B.Instansi.ID}}).Expect(t, 403)
		var created penggunaJSON
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: super,
			Body: map[string]any{"username": "admin2.b", "password": "kata-sandi-kuat-1", "roles": []string{"ADMIN_INSTANSI"}, "instansi_id": w.B.Instansi.ID}}).
			Expect(t, 201).JSON(t, &created)
		if created.InstansiID == nil || *created.InstansiID != w.B.Instansi.ID {
			t.Fatalf("superadmin created %+v", created)
		}
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: super,
			Body: map[string]any{"username": "super2", "password": "kata-sandi-kuat-1", "roles": []string{"SUPERADMIN"}}}).
			Expect(t, 201).JSON(t, &created)
		if created.InstansiID != nil {
			t.Fatalf("superadmin account has an instansi: %+v", created)
		}

		// read access
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna/" + op.ID, Token: admin}).Expect(t, 200)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna/" + stafBID, Token: admin}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna/" + op.ID, Token: adminB}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna/" + op.ID, Token: auditor}).Expect(t, 200)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna/" + stafBID, Token: super}).Expect(t, 200)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna/" + keuID, Token: keu}).Expect(t, 200)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna/" + stafID, Token: peg}).Expect(t, 200)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna/" + op.ID, Token: keu}).Expect(t, 403)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna/" + keuID, Token: peg}).Expect(t, 403)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna", Token: keu}).Expect(t, 403)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna", Token: peg}).Expect(t, 403)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: auditor,
			Body: map[string]any{"username": "x.y.z", "password": "kata-sandi-kuat-1", "roles": []string{"PEGAWAI"}}}).Expect(t, 403)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + op.ID, Token: auditor, Body: map[string]any{"nonaktif": true}}).Expect(t, 403)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + op.ID, Token: keu, Body: map[string]any{"nonaktif": true}}).Expect(t, 403)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna/" + op.ID + "/reset-password", Token: peg, Body: map[string]any{}}).Expect(t, 403)

		// list with filters: 4 staff accounts + 6 PEGAWAI + operator.a in A
		var pg penggunaPage
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna", Token: admin}).Expect(t, 200).JSON(t, &pg)
		if pg.Total != 11 {
			t.Fatalf("admin A lists %d: %v", pg.Total, names(pg))
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna?role=KEUANGAN", Token: auditor}).Expect(t, 200).JSON(t, &pg)
		if pg.Total != 2 {
			t.Fatalf("role filter: %v", names(pg))
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna?role=ADMIN_UNIT", Token: admin}).Expect(t, 200).JSON(t, &pg)
		if pg.Total != 1 || pg.Items[0].Username != w.A.AdminUnit {
			t.Fatalf("role filter ADMIN_UNIT: %v", names(pg))
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna?q=OPERATOR&page_size=1", Token: admin}).Expect(t, 200).JSON(t, &pg)
		if pg.Total != 1 || pg.Items[0].ID != op.ID {
			t.Fatalf("q filter: %v", names(pg))
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna?q=%25", Token: admin}).Expect(t, 200).JSON(t, &pg)
		if pg.Total != 0 {
			t.Fatalf("q is not escaped: %v", names(pg))
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna", Token: super,
			Header: map[string]string{"X-Instansi-ID": w.B.Instansi.ID}}).Expect(t, 200).JSON(t, &pg)
		if pg.Total != 11 {
			t.Fatalf("superadmin in B lists %v", names(pg))
		}

		// patch: roles and unit; stale If-Match; nobody changes their own roles or disables themself
		var upd penggunaJSON
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + op.ID, Token: admin,
			Body: map[string]any{"roles": []string{"ADMIN_UNIT"}, "unit_kerja_id": w.A.OPD2.ID}, Header: map[string]string{"If-Match": `W/"1"`}}).
			Expect(t, 200).JSON(t, &upd)
		if upd.Version != 2 || upd.UnitKerjaID == nil || *upd.UnitKerjaID != w.A.OPD2.ID || upd.Roles[0] != "ADMIN_UNIT" {
			t.Fatalf("updated %+v", upd)
		}
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + op.ID, Token: admin,
			Body: map[string]any{"roles": []string{"KEUANGAN"}}, Header: map[string]string{"If-Match": `W/"1"`}}).Expect(t, 412)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + op.ID, Token: admin,
			Body: map[string]any{"roles": []string{"KEUANGAN"}}}).Expect(t, 200).JSON(t, &upd)
		if upd.UnitKerjaID != nil {
			t.Fatalf("unit kept without ADMIN_UNIT: %+v", upd)
		}
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + op.ID, Token: admin,
			Body: map[string]any{"unit_kerja_id": w.A.OPD1.ID}}).Expect(t, 400)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + op.ID, Token: admin,
			Body: map[string]any{"roles": []string{"SUPERADMIN"}}}).Expect(t, 403)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + adminID, Token: admin,
			Body: map[string]any{"roles": []string{"ADMIN_INSTANSI", "KEUANGAN"}}}).Expect(t, 403)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + adminID, Token: admin,
			Body: map[string]any{"nonaktif": true}}).Expect(t, 403)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + stafBID, Token: admin,
			Body: map[string]any{"nonaktif": true}}).Expect(t, 404)

		// re-link an employee: unlink Staf's account, then a new account takes the NIP
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + stafID, Token: admin,
			Body: map[string]any{"nip": nil}}).Expect(t, 200).JSON(t, &upd)
		if upd.NIP != nil {
			t.Fatalf("still linked: %+v", upd)
		}
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: admin,
			Body: map[string]any{"username": "staf.baru", "password": "kata-sandi-kuat-1", "roles": []string{"PEGAWAI"}, "nip": w.A.Staf.NIP}}).
			Expect(t, 201).JSON(t, &created)
		if created.NIP == nil || *created.NIP != w.A.Staf.NIP {
			t.Fatalf("not linked: %+v", created)
		}
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + stafID, Token: admin,
			Body: map[string]any{"nip": w.A.Staf.NIP}}).Expect(t, 409)
		p = s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + stafID, Token: admin,
			Body: map[string]any{"nip": "199912312020121001"}}).Expect(t, 404).Problem(t)
		if !p.HasField("nip") {
			t.Fatalf("404 does not name nip: %+v", p)
		}

		// disabling ends every session at once
		var tp struct {
			AccessToken  string `json:"access_token"`
			RefreshToken string `json:"refresh_token"`
		}
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/login", Body: map[string]string{"username": w.A.Keuangan, "password": apptest.Password}}).
			Expect(t, 200).JSON(t, &tp)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + keuID, Token: admin, Body: map[string]any{"nonaktif": true}}).Expect(t, 200)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/me", Token: keu}).Expect(t, 401)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/login", Body: map[string]string{"username": w.A.Keuangan, "password": apptest.Password}}).Expect(t, 401)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + keuID, Token: admin, Body: map[string]any{"nonaktif": false}}).Expect(t, 200)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/refresh", Body: map[string]string{"refresh_token": tp.RefreshToken}}).Expect(t, 401)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna?nonaktif=true", Token: admin}).Expect(t, 200).JSON(t, &pg)
		if pg.Total != 0 {
			t.Fatalf("nonaktif filter: %v", names(pg))
		}

		// reset-password: generated (shown once) or given; sessions revoked
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/login", Body: map[string]string{"username": w.A.Keuangan, "password": apptest.Password}}).
			Expect(t, 200).JSON(t, &tp)
		var res struct {
			PasswordSementara *string `json:"password_sementara"`
		}
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna/" + keuID + "/reset-password", Token: admin, Body: map[string]any{}}).Expect(t, 200).JSON(t, &res)
		if res.PasswordSementara == nil || len(*res.PasswordSementara) < 16 {
			t.Fatalf("generated password %v", res.PasswordSementara)
		}
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/login", Body: map[string]string{"username": w.A.Keuangan, "password": apptest.Password}}).Expect(t, 401)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/refresh", Body: map[string]string{"refresh_token": tp.RefreshToken}}).Expect(t, 401)
		s.Login(w.A.Keuangan, *res.PasswordSementara)
		res.PasswordSementara = nil
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna/" + keuID + "/reset-password", Token: admin,
			Body: map[string]any{"password_baru": "kata-sandi-baru-2"}}).Expect(t, 200).JSON(t, &res)
		if res.PasswordSementara != nil {
			t.Fatalf("a given password is echoed")
		}
		s.Login(w.A.Keuangan, "kata-sandi-baru-2")
		p = s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna/" + keuID + "/reset-password", Token: admin,
			Body: map[string]any{"password_baru": "0123456789"}}).Expect(t, 400).Problem(t)
		if !p.HasField("password_baru") {
			t.Fatalf("problem does not name password_baru: %+v", p)
		}
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna/" + stafBID + "/reset-password", Token: admin, Body: map[string]any{}}).Expect(t, 404)
	})
}

func TestPenggunaAdminUnit(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		au := s.Login(w.A.AdminUnit, apptest.Password)
		admin := s.Login(w.A.Admin, apptest.Password)
		adminID := me(t, s, admin).Pengguna.ID
		stafID := me(t, s, s.Login(w.A.Staf.NIP, apptest.Password)).Pengguna.ID
		staf2ID := me(t, s, s.Login(w.A.Staf2.NIP, apptest.Password)).Pengguna.ID

		// the PEGAWAI accounts of OPD1's subtree only (Kadis, Kabid, Staf, Rekan)
		var pg penggunaPage
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna", Token: au}).Expect(t, 200).JSON(t, &pg)
		if pg.Total != 4 {
			t.Fatalf("admin unit lists %v", names(pg))
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna/" + stafID, Token: au}).Expect(t, 200)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna/" + staf2ID, Token: au}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pengguna/" + adminID, Token: au}).Expect(t, 404)

		// may disable and reset within its reach, nothing else
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + stafID, Token: au, Body: map[string]any{"nonaktif": true}}).Expect(t, 200)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + stafID, Token: au, Body: map[string]any{"roles": []string{"KEUANGAN"}}}).Expect(t, 403)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + staf2ID, Token: au, Body: map[string]any{"nonaktif": true}}).Expect(t, 404)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna/" + stafID + "/reset-password", Token: au, Body: map[string]any{}}).Expect(t, 200)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna/" + adminID + "/reset-password", Token: au, Body: map[string]any{}}).Expect(t, 404)

		// creates PEGAWAI accounts for its own employees only
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: au,
			Body: map[string]any{"username": "keu.unit", "password": "kata-sandi-kuat-1", "roles": []string{"KEUANGAN"}}}).Expect(t, 403)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + staf2ID, Token: admin, Body: map[string]any{"nip": nil}}).Expect(t, 200)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: au,
			Body: map[string]any{"username": "staf2.baru", "password": "kata-sandi-kuat-1", "roles": []string{"PEGAWAI"}, "nip": w.A.Staf2.NIP}}).Expect(t, 403)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pengguna/" + stafID, Token: admin, Body: map[string]any{"nip": nil}}).Expect(t, 200)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pengguna", Token: au,
			Body: map[string]any{"username": "staf.baru", "password": "kata-sandi-kuat-1", "roles": []string{"PEGAWAI"}, "nip": w.A.Staf.NIP}}).Expect(t, 201)
	})
}

func TestMe(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()

		m := me(t, s, s.Login(w.A.Staf.NIP, apptest.Password))
		if m.Pengguna.Username != w.A.Staf.NIP || m.Instansi == nil || m.Instansi.ID != w.A.Instansi.ID ||
			m.Pegawai == nil || m.Pegawai.ID != w.A.Staf.ID || m.Pegawai.NIP != w.A.Staf.NIP || m.Pegawai.Golongan != "III/a" {
			t.Fatalf("me of a pegawai: %+v", m)
		}
		if m.Pengguna.NIP == nil || *m.Pengguna.NIP != w.A.Staf.NIP {
			t.Fatalf("account nip %+v", m.Pengguna)
		}
		m = me(t, s, s.Login(w.A.Audit, apptest.Password))
		if m.Pegawai != nil || m.Instansi == nil || m.Pengguna.Roles[0] != "AUDITOR" {
			t.Fatalf("me of an auditor: %+v", m)
		}
		m = me(t, s, s.Login(w.Superadmin, apptest.Password))
		if m.Instansi != nil || m.Pegawai != nil || m.Pengguna.Roles[0] != "SUPERADMIN" || m.Pengguna.InstansiID != nil {
			t.Fatalf("me of the superadmin: %+v", m)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/me"}).Expect(t, 401)
	})
}
