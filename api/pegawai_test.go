package api_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type pegawaiJSON struct {
	ID            string `json:"id"`
	NIP           string `json:"nip"`
	Nama          string `json:"nama"`
	NamaLengkap   string `json:"nama_lengkap"`
	JenisKelamin  string `json:"jenis_kelamin"`
	TanggalLahir  string `json:"tanggal_lahir"`
	TMT           string `json:"tmt"`
	Golongan      string `json:"golongan"`
	JabatanID     string `json:"jabatan_id"`
	UnitKerjaID   string `json:"unit_kerja_id"`
	UnitKerjaNama string `json:"unit_kerja_nama"`
	Status        string `json:"status"`
	BerlakuMulai  string `json:"berlaku_mulai"`
	Version       int    `json:"version"`
	Rekening      *struct {
		NamaBank string `json:"nama_bank"`
		Nomor    string `json:"nomor"`
	} `json:"rekening"`
}

type pegawaiPageJSON struct {
	Total int           `json:"total"`
	Items []pegawaiJSON `json:"items"`
}

func nipsOf(items []pegawaiJSON) map[string]bool {
	m := map[string]bool{}
	for _, it := range items {
		m[it.NIP] = true
	}
	return m
}

func expectField(t *testing.T, r *apptest.Response, status int, field, code string) {
	t.Helper()
	p := r.Expect(t, status).Problem(t)
	for _, e := range p.Errors {
		if e.Field == field && (code == "" || e.Code == code) {
			return
		}
	}
	t.Fatalf("problem does not name %s/%s: %+v", field, code, p)
}

func TestPegawaiCreate(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin := s.Login(w.A.Admin, apptest.Password)
		adminUnit := s.Login(w.A.AdminUnit, apptest.Password)
		auditor := s.Login(w.A.Audit, apptest.Password)
		keuangan := s.Login(w.A.Keuangan, apptest.Password)
		staf := s.Login(w.A.Staf.NIP, apptest.Password)
		super := s.Login(w.Superadmin, apptest.Password)

		body := func(nip, jenis, gol, jabatan, tmt string) map[string]any {
			return map[string]any{"nip": nip, "nama": "Budi Santoso", "gelar_belakang": "S.T.", "jenis_asn": jenis,
				"tmt": tmt, "golongan": gol, "jabatan_id": jabatan, "email": "budi@example.go.id",
				"rekening": map[string]any{"nama_bank": "Bank BPD", "nomor": "0012345678"}}
		}
		post := func(tok string, b map[string]any) *apptest.Response {
			return s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pegawai", Token: tok, Body: b})
		}
		r := post(admin, body("199501012020011001", "PNS", "III/a", w.A.JStaf.ID, "2020-01-01")).Expect(t, http.StatusCreated)
		var p pegawaiJSON
		r.JSON(t, &p)
		if r.Header.Get("ETag") != `W/"1"` || p.JenisKelamin != "L" || p.TanggalLahir != "1995-01-01" || p.UnitKerjaID != w.A.Sub1.ID ||
			p.Status != "AKTIF" || p.BerlakuMulai != "2020-01-01" || p.NamaLengkap != "Budi Santoso, S.T." || p.Rekening == nil {
			t.Fatalf("created %+v etag %q", p, r.Header.Get("ETag"))
		}
		// duplicate NIP in the instansi
		post(admin, body("199501012020011001", "PNS", "III/a", w.A.JStaf.ID, "2020-01-01")).Expect(t, http.StatusConflict)
		// the same NIP may exist in another instansi
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pegawai", Token: super, Header: map[string]string{"X-Instansi-ID": w.B.Instansi.ID},
			Body: body("199501012020011001", "PNS", "III/a", w.B.JStaf.ID, "2020-01-01")}).Expect(t, http.StatusCreated)

		// bad input names the field
		expectField(t, post(admin, body("199501012020131001", "PNS", "III/a", w.A.JStaf.ID, "2020-01-01")), 400, "nip", "nip_tmt_month")
		expectField(t, post(admin, body("199502302020011001", "PNS", "III/a", w.A.JStaf.ID, "2020-01-01")), 400, "nip", "nip_birth_date")
		expectField(t, post(admin, body("199501012020013001", "PNS", "III/a", w.A.JStaf.ID, "2020-01-01")), 400, "nip", "nip_gender")
		expectField(t, post(admin, body("199501012020011001", "PNS", "IV/f", w.A.JStaf.ID, "2020-01-01")), 400, "golongan", "golongan_invalid")
		expectField(t, post(admin, body("199001012022211001", "PPPK", "III/a", w.A.JStaf.ID, "2022-01-01")), 400, "golongan", "golongan_invalid")
		expectField(t, post(admin, body("199501012020011002", "PNS", "III/a", w.A.JStaf.ID, "2012-01-01")), 400, "tmt", "tmt_too_early")
		b := body("199501012020011002", "PNS", "III/a", w.A.JStaf.ID, "2020-01-01")
		b["berlaku_mulai"] = "2019-12-31"
		expectField(t, post(admin, b), 400, "berlaku_mulai", "")
		expectField(t, post(admin, body("1995", "PNS", "III/a", w.A.JStaf.ID, "2020-01-01")), 400, "nip", "nip_length")
		// PPPK: digits 13–14 are "21", not a month
		r = post(admin, body("199001012022211001", "PPPK", "IX", w.A.JStaf.ID, "2022-01-01")).Expect(t, http.StatusCreated)
		r.JSON(t, &p)
		if p.Golongan != "IX" {
			t.Fatalf("pppk %+v", p)
		}
		// a position of another instansi does not exist here
		expectField(t, post(admin, body("199501012020011003", "PNS", "III/a", w.B.JStaf.ID, "2020-01-01")), 404, "jabatan_id", "")

		// ADMIN_UNIT creates in its subtree only
		post(adminUnit, body("199501012020011004", "PNS", "III/a", w.A.JStaf2.ID, "2020-01-01")).Expect(t, http.StatusForbidden)
		post(adminUnit, body("199501012020011004", "PNS", "III/a", w.A.JStaf.ID, "2020-01-01")).Expect(t, http.StatusCreated)
		// read-only roles and employees do not write
		post(auditor, body("199501012020011005", "PNS", "III/a", w.A.JStaf.ID, "2020-01-01")).Expect(t, http.StatusForbidden)
		post(keuangan, body("199501012020011005", "PNS", "III/a", w.A.JStaf.ID, "2020-01-01")).Expect(t, http.StatusForbidden)
		post(staf, body("199501012020011005", "PNS", "III/a", w.A.JStaf.ID, "2020-01-01")).Expect(t, http.StatusForbidden)
		// SUPERADMIN must name the instansi
		post(super, body("199501012020011005", "PNS", "III/a", w.A.JStaf.ID, "2020-01-01")).Expect(t, http.StatusBadRequest)
	})
}

func TestPegawaiReadAndList(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin := s.Login(w.A.Admin, apptest.Password)
		adminUnit := s.Login(w.A.AdminUnit, apptest.Password)
		auditor := s.Login(w.A.Audit, apptest.Password)
		keuangan := s.Login(w.A.Keuangan, apptest.Password)
		staf := s.Login(w.A.Staf.NIP, apptest.Password)
		kabid := s.Login(w.A.Kabid.NIP, apptest.Password)
		get := func(tok, nip string) *apptest.Response {
			return s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + nip, Token: tok})
		}

		r := get(admin, w.A.Staf.NIP).Expect(t, 200)
		var p pegawaiJSON
		r.JSON(t, &p)
		if r.Header.Get("ETag") != `W/"1"` || p.Golongan != "III/a" || p.JabatanID != w.A.JStaf.ID || p.UnitKerjaNama != w.A.Sub1.Nama {
			t.Fatalf("get %+v", p)
		}
		get(admin, w.B.Staf.NIP).Expect(t, 404)
		get(admin, "199901012020011999").Expect(t, 404)
		get(auditor, w.A.Staf2.NIP).Expect(t, 200)
		get(keuangan, w.A.Staf2.NIP).Expect(t, 200)
		get(adminUnit, w.A.Staf.NIP).Expect(t, 200)
		get(adminUnit, w.A.Staf2.NIP).Expect(t, 404)
		// an employee: self, their rater and the rater's superior, not strangers or peers
		get(staf, w.A.Staf.NIP).Expect(t, 200)
		get(staf, w.A.Kabid.NIP).Expect(t, 200)
		get(staf, w.A.Kadis.NIP).Expect(t, 200)
		get(staf, w.A.Staf2.NIP).Expect(t, 404)
		get(staf, w.A.Rekan.NIP).Expect(t, 404)
		get(staf, w.B.Staf.NIP).Expect(t, 404)
		// a rater reads their subordinates
		get(kabid, w.A.Staf.NIP).Expect(t, 200)
		get(kabid, w.A.Staf2.NIP).Expect(t, 404)
		// before the first riwayat the employee did not exist yet
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Staf.NIP + "?tanggal=2015-02-28", Token: admin}).Expect(t, 404)
		expectField(t, s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Staf.NIP + "?tanggal=kemarin", Token: admin}), 400, "tanggal", "")
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/12345", Token: admin}).Expect(t, 400)

		list := func(tok, query string) pegawaiPageJSON {
			var pg pegawaiPageJSON
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai" + query, Token: tok}).Expect(t, 200).JSON(t, &pg)
			return pg
		}
		all := list(admin, "")
		if all.Total != 6 || nipsOf(all.Items)[w.B.Staf.NIP] {
			t.Fatalf("admin list %+v", all)
		}
		// a page past the end still tells the total (the page's rows carry it otherwise)
		if pg := list(auditor, "?page_size=2&page=9"); pg.Total != 6 || len(pg.Items) != 0 {
			t.Fatalf("page past the end: %+v", pg)
		}
		if pg := list(auditor, "?page_size=2&page=2"); pg.Total != 6 || len(pg.Items) != 2 {
			t.Fatalf("paged %+v", pg)
		}
		list(keuangan, "")
		sub := list(admin, "?unit_kerja_id="+w.A.Sub1.ID)
		if m := nipsOf(sub.Items); sub.Total != 3 || !m[w.A.Staf.NIP] || !m[w.A.Rekan.NIP] || !m[w.A.Kabid.NIP] {
			t.Fatalf("sub1 %+v", sub)
		}
		if opd1 := list(admin, "?unit_kerja_id="+w.A.OPD1.ID); opd1.Total != 4 {
			t.Fatalf("opd1 with sub-units %+v", opd1)
		}
		if au := list(adminUnit, ""); au.Total != 4 || nipsOf(au.Items)[w.A.Staf2.NIP] {
			t.Fatalf("admin unit %+v", au)
		}
		if q := list(admin, "?q=rEKAN"); q.Total != 1 || q.Items[0].NIP != w.A.Rekan.NIP {
			t.Fatalf("q nama %+v", q)
		}
		if q := list(admin, "?q="+w.A.Kabid.NIP[:10]); q.Total != 1 {
			t.Fatalf("q nip %+v", q)
		}
		if g := list(admin, "?golongan=IV/c&jenis_asn=PNS&status=AKTIF"); g.Total != 2 || !nipsOf(g.Items)[w.A.Kadis2.NIP] {
			t.Fatalf("golongan %+v", g)
		}
		if j := list(admin, "?jabatan_id="+w.A.JStaf.ID); j.Total != 2 {
			t.Fatalf("jabatan %+v", j)
		}
		if old := list(admin, "?tanggal=2000-01-01"); old.Total != 2 {
			t.Fatalf("as of 2000 only the two who started in the 1990s: %+v", old)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai", Token: staf}).Expect(t, 403)
	})
}

func TestPegawaiUpdate(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin := s.Login(w.A.Admin, apptest.Password)
		adminUnit := s.Login(w.A.AdminUnit, apptest.Password)
		auditor := s.Login(w.A.Audit, apptest.Password)
		keuangan := s.Login(w.A.Keuangan, apptest.Password)
		staf := s.Login(w.A.Staf.NIP, apptest.Password)
		patch := func(tok, nip string, body map[string]any, ifMatch string) *apptest.Response {
			h := map[string]string{}
			if ifMatch != "" {
				h["If-Match"] = ifMatch
			}
			return s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pegawai/" + nip, Token: tok, Body: body, Header: h})
		}
		path := w.A.Staf.NIP
		r := patch(admin, path, map[string]any{"nama": "Staf Baru", "gelar_depan": "Ir.", "telepon": "+62 361 123",
			"rekening": map[string]any{"nama_bank": "BPD Bali", "nomor": "123-456-789"}}, `W/"1"`).Expect(t, 200)
		var p pegawaiJSON
		r.JSON(t, &p)
		if r.Header.Get("ETag") != `W/"2"` || p.Nama != "Staf Baru" || p.NamaLengkap != "Ir. Staf Baru" || p.Rekening == nil || p.Golongan != "III/a" {
			t.Fatalf("patched %+v %q", p, r.Header.Get("ETag"))
		}
		patch(admin, path, map[string]any{"nama": "Kalah"}, `W/"1"`).Expect(t, 412)
		r = patch(admin, path, map[string]any{"rekening": nil}, `W/"2"`).Expect(t, 200)
		p = pegawaiJSON{}
		r.JSON(t, &p)
		if p.Rekening != nil || p.Version != 3 || p.Nama != "Staf Baru" {
			t.Fatalf("rekening not cleared %+v", p)
		}
		patch(admin, path, map[string]any{"email": "bukan-email"}, "").Expect(t, 400)
		expectField(t, patch(admin, path, map[string]any{"jenis_asn": "PPPK"}, ""), 400, "jenis_asn", "")
		patch(admin, path, map[string]any{}, "").Expect(t, 400)
		patch(admin, w.B.Staf.NIP, map[string]any{"nama": "X"}, "").Expect(t, 404)
		patch(adminUnit, w.A.Staf2.NIP, map[string]any{"nama": "X"}, "").Expect(t, 404)
		patch(adminUnit, path, map[string]any{"nama": "Oleh Admin Unit"}, "").Expect(t, 200)
		patch(auditor, path, map[string]any{"nama": "X"}, "").Expect(t, 403)
		patch(keuangan, path, map[string]any{"nama": "X"}, "").Expect(t, 403)
		patch(staf, path, map[string]any{"nama": "X"}, "").Expect(t, 403)
	})
}

type riwayatJSON struct {
	ID           string `json:"id"`
	Jenis        string `json:"jenis"`
	BerlakuMulai string `json:"berlaku_mulai"`
	JabatanID    string `json:"jabatan_id"`
	UnitKerjaID  string `json:"unit_kerja_id"`
	Golongan     string `json:"golongan"`
	Status       string `json:"status"`
}

func TestPegawaiRiwayat(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin := s.Login(w.A.Admin, apptest.Password)
		adminUnit := s.Login(w.A.AdminUnit, apptest.Password)
		auditor := s.Login(w.A.Audit, apptest.Password)
		staf := s.Login(w.A.Staf.NIP, apptest.Password)
		kabid := s.Login(w.A.Kabid.NIP, apptest.Password)
		add := func(tok, nip string, body map[string]any) *apptest.Response {
			return s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pegawai/" + nip + "/riwayat", Token: tok, Body: body})
		}
		nip := w.A.Staf.NIP
		var rw riwayatJSON
		add(admin, nip, map[string]any{"jenis": "MUTASI", "berlaku_mulai": "2024-06-01", "jabatan_id": w.A.JStaf2.ID,
			"nomor_sk": "821/123/BKPSDM"}).Expect(t, 201).JSON(t, &rw)
		if rw.Golongan != "III/a" || rw.Status != "AKTIF" || rw.UnitKerjaID != w.A.OPD2.ID || rw.Jenis != "MUTASI" {
			t.Fatalf("mutasi %+v", rw)
		}
		// fields left out carry over from the state in force on berlaku_mulai
		add(admin, nip, map[string]any{"jenis": "KENAIKAN_PANGKAT", "berlaku_mulai": "2024-10-01", "golongan": "III/b"}).Expect(t, 201).JSON(t, &rw)
		if rw.JabatanID != w.A.JStaf2.ID || rw.Golongan != "III/b" {
			t.Fatalf("kenaikan pangkat %+v", rw)
		}
		var hist struct {
			Items []riwayatJSON `json:"items"`
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + nip + "/riwayat", Token: admin}).Expect(t, 200).JSON(t, &hist)
		if len(hist.Items) != 3 || hist.Items[0].Jenis != "PENGANGKATAN" || hist.Items[2].BerlakuMulai != "2024-10-01" {
			t.Fatalf("history %+v", hist)
		}
		// as-of views before and after the MUTASI
		var p pegawaiJSON
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + nip + "?tanggal=2024-05-31", Token: admin}).Expect(t, 200).JSON(t, &p)
		if p.JabatanID != w.A.JStaf.ID || p.BerlakuMulai != "2015-03-01" {
			t.Fatalf("before %+v", p)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + nip + "?tanggal=2024-06-01", Token: admin}).Expect(t, 200).JSON(t, &p)
		if p.JabatanID != w.A.JStaf2.ID || p.UnitKerjaID != w.A.OPD2.ID || p.Golongan != "III/a" {
			t.Fatalf("after %+v", p)
		}
		var pg pegawaiPageJSON
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai?unit_kerja_id=" + w.A.OPD2.ID + "&tanggal=2024-05-31", Token: admin}).Expect(t, 200).JSON(t, &pg)
		if nipsOf(pg.Items)[nip] {
			t.Fatalf("staf in OPD2 before the mutasi")
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai?unit_kerja_id=" + w.A.OPD2.ID + "&tanggal=2024-06-01", Token: admin}).Expect(t, 200).JSON(t, &pg)
		if !nipsOf(pg.Items)[nip] {
			t.Fatalf("staf not in OPD2 after the mutasi")
		}

		// errors
		add(admin, nip, map[string]any{"jenis": "KOREKSI", "berlaku_mulai": "2024-06-01", "golongan": "III/c"}).Expect(t, 409)
		expectField(t, add(admin, nip, map[string]any{"jenis": "KOREKSI", "berlaku_mulai": "2010-01-01"}), 400, "berlaku_mulai", "")
		expectField(t, add(admin, nip, map[string]any{"jenis": "KENAIKAN_PANGKAT", "berlaku_mulai": "2025-01-01", "golongan": "IV/f"}), 400, "golongan", "")
		expectField(t, add(admin, nip, map[string]any{"jenis": "NAIK", "berlaku_mulai": "2025-01-01"}), 400, "jenis", "")
		expectField(t, add(admin, nip, map[string]any{"jenis": "MUTASI", "berlaku_mulai": "2025-01-01", "jabatan_id": w.B.JStaf.ID}), 404, "jabatan_id", "")
		add(admin, w.B.Staf.NIP, map[string]any{"jenis": "KOREKSI", "berlaku_mulai": "2025-01-01"}).Expect(t, 404)
		add(auditor, nip, map[string]any{"jenis": "KOREKSI", "berlaku_mulai": "2025-01-01"}).Expect(t, 403)
		add(staf, nip, map[string]any{"jenis": "KOREKSI", "berlaku_mulai": "2025-01-01"}).Expect(t, 403)
		// ADMIN_UNIT: its own employees, into its own positions
		add(adminUnit, w.A.Rekan.NIP, map[string]any{"jenis": "MUTASI", "berlaku_mulai": "2024-06-01", "jabatan_id": w.A.JStaf2.ID}).Expect(t, 403)
		add(adminUnit, w.A.Staf2.NIP, map[string]any{"jenis": "KENAIKAN_PANGKAT", "berlaku_mulai": "2024-06-01", "golongan": "II/d"}).Expect(t, 404)
		add(adminUnit, w.A.Rekan.NIP, map[string]any{"jenis": "KENAIKAN_PANGKAT", "berlaku_mulai": "2024-06-01", "golongan": "III/c"}).Expect(t, 201)

		// reading the history
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + nip + "/riwayat", Token: staf}).Expect(t, 200)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Rekan.NIP + "/riwayat", Token: staf}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Rekan.NIP + "/riwayat", Token: kabid}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.B.Staf.NIP + "/riwayat", Token: admin}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Staf2.NIP + "/riwayat", Token: adminUnit}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Staf2.NIP + "/riwayat", Token: auditor}).Expect(t, 200)
	})
}

type reportingJSON struct {
	Pegawai struct {
		NIP string `json:"nip"`
	} `json:"pegawai"`
	Penilai *struct {
		NIP       string `json:"nip"`
		JabatanID string `json:"jabatan_id"`
		Sumber    string `json:"sumber"`
	} `json:"penilai"`
	AtasanPenilai *struct {
		NIP string `json:"nip"`
	} `json:"atasan_penilai"`
	Rantai []struct {
		NIP string `json:"nip"`
	} `json:"rantai"`
}

func TestPegawaiAtasanBawahan(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin := s.Login(w.A.Admin, apptest.Password)
		adminUnit := s.Login(w.A.AdminUnit, apptest.Password)
		staf := s.Login(w.A.Staf.NIP, apptest.Password)
		atasan := func(tok, nip, tanggal string) reportingJSON {
			t.Helper()
			var l reportingJSON
			q := ""
			if tanggal != "" {
				q = "?tanggal=" + tanggal
			}
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + nip + "/atasan" + q, Token: tok}).Expect(t, 200).JSON(t, &l)
			return l
		}
		bawahan := func(tok, nip, tanggal string) map[string]bool {
			t.Helper()
			var b struct {
				Items []struct {
					NIP string `json:"nip"`
				} `json:"items"`
			}
			q := ""
			if tanggal != "" {
				q = "?tanggal=" + tanggal
			}
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + nip + "/bawahan" + q, Token: tok}).Expect(t, 200).JSON(t, &b)
			m := map[string]bool{}
			for _, it := range b.Items {
				m[it.NIP] = true
			}
			return m
		}
		l := atasan(admin, w.A.Staf.NIP, "2024-01-15")
		if l.Penilai == nil || l.Penilai.NIP != w.A.Kabid.NIP || l.Penilai.Sumber != "DEFINITIF" || l.Penilai.JabatanID != w.A.JKabid.ID ||
			l.AtasanPenilai == nil || l.AtasanPenilai.NIP != w.A.Kadis.NIP || len(l.Rantai) != 2 {
			t.Fatalf("atasan staf %+v", l)
		}
		if top := atasan(admin, w.A.Kadis.NIP, ""); top.Penilai != nil || len(top.Rantai) != 0 {
			t.Fatalf("kadis has no rater: %+v", top)
		}
		if b := bawahan(admin, w.A.Kabid.NIP, "2024-01-15"); len(b) != 2 || !b[w.A.Staf.NIP] || !b[w.A.Rekan.NIP] {
			t.Fatalf("bawahan kabid %v", b)
		}
		if b := bawahan(admin, w.A.Kadis.NIP, "2024-01-15"); len(b) != 1 || !b[w.A.Kabid.NIP] {
			t.Fatalf("bawahan kadis %v", b)
		}
		// access: self only for an employee; unit scope for ADMIN_UNIT; tenant isolation
		atasan(staf, w.A.Staf.NIP, "")
		bawahan(staf, w.A.Staf.NIP, "")
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Kabid.NIP + "/atasan", Token: staf}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Kabid.NIP + "/bawahan", Token: staf}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Staf2.NIP + "/atasan", Token: adminUnit}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.B.Staf.NIP + "/atasan", Token: admin}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.B.Kabid.NIP + "/bawahan", Token: admin}).Expect(t, 404)

		// the Kabid moves away on 2024-03-01: JKabid is vacant and the Kadis rates the staff
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pegawai/" + w.A.Kabid.NIP + "/riwayat", Token: admin,
			Body: map[string]any{"jenis": "MUTASI", "berlaku_mulai": "2024-03-01", "jabatan_id": w.A.JStaf2.ID}}).Expect(t, 201)
		if l := atasan(admin, w.A.Staf.NIP, "2024-02-29"); l.Penilai == nil || l.Penilai.NIP != w.A.Kabid.NIP {
			t.Fatalf("before the move %+v", l)
		}
		l = atasan(admin, w.A.Staf.NIP, "2024-03-01")
		if l.Penilai == nil || l.Penilai.NIP != w.A.Kadis.NIP || l.AtasanPenilai != nil || len(l.Rantai) != 1 {
			t.Fatalf("vacant kabid %+v", l)
		}
		if b := bawahan(admin, w.A.Kadis.NIP, "2024-03-01"); len(b) != 2 || !b[w.A.Staf.NIP] || !b[w.A.Rekan.NIP] {
			t.Fatalf("bawahan kadis through the vacancy %v", b)
		}
		if b := bawahan(admin, w.A.Kabid.NIP, "2024-03-01"); len(b) != 0 {
			t.Fatalf("moved kabid still rates %v", b)
		}

		// Rekan becomes Plt of JKabid from 2024-04-01: the Plt rates the staff
		if err := s.DB.Exec(t.Context(), `INSERT INTO plt (id, instansi_id, jabatan_id, pegawai_id, jenis, tanggal_mulai, tanggal_selesai, created_at) VALUES (?,?,?,?,?,?,?,?)`,
			"01900000-0000-7000-8000-000000000001", w.A.Instansi.ID, w.A.JKabid.ID, w.A.Rekan.ID, "PLT", "2024-04-01", "2024-12-31", time.Now().UTC()); err != nil {
			t.Fatal(err)
		}
		l = atasan(admin, w.A.Staf.NIP, "2024-04-01")
		if l.Penilai == nil || l.Penilai.NIP != w.A.Rekan.NIP || l.Penilai.Sumber != "PLT" || l.Penilai.JabatanID != w.A.JKabid.ID ||
			l.AtasanPenilai == nil || l.AtasanPenilai.NIP != w.A.Kadis.NIP {
			t.Fatalf("plt rater %+v", l)
		}
		// the Plt is not their own rater
		if l := atasan(admin, w.A.Rekan.NIP, "2024-04-01"); l.Penilai == nil || l.Penilai.NIP != w.A.Kadis.NIP {
			t.Fatalf("plt's own rater %+v", l)
		}
		if b := bawahan(admin, w.A.Rekan.NIP, "2024-04-01"); len(b) != 1 || !b[w.A.Staf.NIP] {
			t.Fatalf("bawahan of the plt %v", b)
		}
		// after the assignment ends, the Kadis rates again
		if l := atasan(admin, w.A.Staf.NIP, "2025-01-01"); l.Penilai == nil || l.Penilai.NIP != w.A.Kadis.NIP {
			t.Fatalf("after the plt %+v", l)
		}
		// an employee reads the record of their (acting) rater on that date
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Rekan.NIP + "?tanggal=2024-04-01", Token: staf}).Expect(t, 200)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Rekan.NIP + "?tanggal=2025-01-01", Token: staf}).Expect(t, 404)
	})
}
