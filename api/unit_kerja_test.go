package api_test

import (
	"context"
	"net/http"
	"slices"
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// Shared by the unit-kerja, jabatan and plt tests.

type orgUnit struct {
	ID              string    `json:"id"`
	ParentID        *string   `json:"parent_id"`
	Kode            string    `json:"kode"`
	Nama            string    `json:"nama"`
	ZonaWaktu       string    `json:"zona_waktu"`
	Level           int       `json:"level"`
	KepalaJabatanID *string   `json:"kepala_jabatan_id"`
	Version         int       `json:"version"`
	Children        []orgUnit `json:"children"`
}

type orgUnitPage struct {
	Total int       `json:"total"`
	Items []orgUnit `json:"items"`
}

func orgUnitIDs(us []orgUnit) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.ID
	}
	return out
}

// orgToken logs in every account of instansi A the tests need, and B's admin.
type orgTokens struct {
	super, admin, adminUnit, keuangan, auditor, pegawai, adminB string
}

func orgLogin(s *apptest.Server, w *apptest.World) orgTokens {
	return orgTokens{
		super:     s.Login(w.Superadmin, apptest.Password),
		admin:     s.Login(w.A.Admin, apptest.Password),
		adminUnit: s.Login(w.A.AdminUnit, apptest.Password),
		keuangan:  s.Login(w.A.Keuangan, apptest.Password),
		auditor:   s.Login(w.A.Audit, apptest.Password),
		pegawai:   s.Login(w.A.Staf.NIP, apptest.Password),
		adminB:    s.Login(w.B.Admin, apptest.Password),
	}
}

// orgNamesField fails unless the problem names the field.
func orgNamesField(t *testing.T, r *apptest.Response, field string) {
	t.Helper()
	if p := r.Problem(t); !p.HasField(field) {
		t.Fatalf("problem does not name %s: %+v", field, p)
	}
}

// orgAudited fails unless the audit log of the instansi has an entry for the entity.
func orgAudited(t *testing.T, s *apptest.Server, instansiID, entitas, aksi, id string) {
	t.Helper()
	es, _, err := s.DB.ListAudit(context.Background(), domain.AuditFilter{InstansiID: instansiID, Entitas: entitas,
		EntitasID: id, Aksi: aksi, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) == 0 {
		t.Fatalf("no %s audit record for %s %s", aksi, entitas, id)
	}
}

func TestUnitKerjaRead(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := orgLogin(s, w)
		a := w.A

		var pg orgUnitPage
		// every member reads the units, PEGAWAI included
		for _, tok := range []string{tk.admin, tk.pegawai, tk.auditor, tk.keuangan, tk.adminUnit} {
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja", Token: tok}).Expect(t, 200).JSON(t, &pg)
			if pg.Total != 3 {
				t.Fatalf("list: %+v", pg)
			}
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja?root=true", Token: tk.pegawai}).Expect(t, 200).JSON(t, &pg)
		if ids := orgUnitIDs(pg.Items); len(ids) != 2 || !slices.Contains(ids, a.OPD1.ID) || !slices.Contains(ids, a.OPD2.ID) {
			t.Fatalf("roots: %+v", pg.Items)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja?parent_id=" + a.OPD1.ID, Token: tk.admin}).Expect(t, 200).JSON(t, &pg)
		if pg.Total != 1 || pg.Items[0].ID != a.Sub1.ID || pg.Items[0].Level != 1 || *pg.Items[0].ParentID != a.OPD1.ID {
			t.Fatalf("children of OPD1: %+v", pg.Items)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja?q=BIDANG", Token: tk.admin}).Expect(t, 200).JSON(t, &pg)
		if pg.Total != 1 || pg.Items[0].ID != a.Sub1.ID {
			t.Fatalf("q on nama: %+v", pg.Items)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja?q=opd2", Token: tk.admin}).Expect(t, 200).JSON(t, &pg)
		if pg.Total != 1 || pg.Items[0].ID != a.OPD2.ID {
			t.Fatalf("q on kode: %+v", pg.Items)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja?page_size=0", Token: tk.admin}).Expect(t, 400)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja?parent_id=nope", Token: tk.admin}).Expect(t, 400)

		// one unit, with its version as ETag and the instansi's zone
		var u orgUnit
		r := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja/" + a.Sub1.ID, Token: tk.pegawai}).Expect(t, 200)
		r.JSON(t, &u)
		if r.Header.Get("ETag") != `W/"1"` || u.ZonaWaktu != "Asia/Makassar" || u.Level != 1 {
			t.Fatalf("get: %+v etag %q", u, r.Header.Get("ETag"))
		}
		// another instansi's unit does not exist for A, nor A's for B
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja/" + w.B.Sub1.ID, Token: tk.admin}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja/" + a.Sub1.ID, Token: tk.adminB}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja", Token: tk.adminB}).Expect(t, 200).JSON(t, &pg)
		if slices.Contains(orgUnitIDs(pg.Items), a.Sub1.ID) {
			t.Fatal("B lists A's units")
		}
		// a SUPERADMIN chooses the instansi
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja", Token: tk.super}).Expect(t, 400)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja/" + a.Sub1.ID, Token: tk.super,
			Header: map[string]string{"X-Instansi-ID": a.Instansi.ID}}).Expect(t, 200)

		// the tree: whole, and from one unit down
		var tree struct {
			Items []orgUnit `json:"items"`
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja/pohon", Token: tk.pegawai}).Expect(t, 200).JSON(t, &tree)
		if len(tree.Items) != 2 {
			t.Fatalf("tree tops: %+v", tree.Items)
		}
		for _, top := range tree.Items {
			switch top.ID {
			case a.OPD1.ID:
				if len(top.Children) != 1 || top.Children[0].ID != a.Sub1.ID || top.Children[0].Children == nil {
					t.Fatalf("OPD1 subtree: %+v", top)
				}
			case a.OPD2.ID:
				if len(top.Children) != 0 {
					t.Fatalf("OPD2 subtree: %+v", top)
				}
			default:
				t.Fatalf("unexpected top %+v", top)
			}
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja/pohon?root_id=" + a.Sub1.ID, Token: tk.admin}).Expect(t, 200).JSON(t, &tree)
		if len(tree.Items) != 1 || tree.Items[0].ID != a.Sub1.ID || len(tree.Items[0].Children) != 0 {
			t.Fatalf("tree from Sub1: %+v", tree.Items)
		}
		r = s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja/pohon?root_id=" + w.B.OPD1.ID, Token: tk.admin}).Expect(t, 404)
		orgNamesField(t, r, "root_id")
	})
}

func TestUnitKerjaCreate(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := orgLogin(s, w)
		a := w.A
		post := func(tok string, body map[string]any) *apptest.Response {
			return s.Do(apptest.Req{Method: "POST", Path: "/api/v1/unit-kerja", Token: tok, Body: body})
		}

		// a sub-unit with its own zone; its child inherits it; a new OPD has the instansi's
		var sek, sub, opd orgUnit
		r := post(tk.admin, map[string]any{"parent_id": a.OPD1.ID, "kode": "sek-a1", "nama": "Sekretariat", "jenis": "SEKRETARIAT",
			"zona_waktu": "Asia/Jayapura"}).Expect(t, http.StatusCreated)
		r.JSON(t, &sek)
		if sek.Kode != "SEK-A1" || sek.Level != 1 || *sek.ParentID != a.OPD1.ID || sek.ZonaWaktu != "Asia/Jayapura" || r.Header.Get("ETag") != `W/"1"` {
			t.Fatalf("created %+v etag %q", sek, r.Header.Get("ETag"))
		}
		post(tk.admin, map[string]any{"parent_id": sek.ID, "kode": "SUBBAG-UMUM", "nama": "Subbagian Umum", "jenis": "SUBBAGIAN"}).
			Expect(t, 201).JSON(t, &sub)
		if sub.Level != 2 || sub.ZonaWaktu != "Asia/Jayapura" {
			t.Fatalf("grandchild %+v", sub)
		}
		post(tk.admin, map[string]any{"parent_id": nil, "kode": "BKPSDM", "nama": "Badan Kepegawaian", "jenis": "BADAN"}).
			Expect(t, 201).JSON(t, &opd)
		if opd.Level != 0 || opd.ParentID != nil || opd.ZonaWaktu != "Asia/Makassar" {
			t.Fatalf("new OPD %+v", opd)
		}
		orgAudited(t, s, a.Instansi.ID, "unit_kerja", "CREATE", sek.ID)

		// bad input names the field
		orgNamesField(t, post(tk.admin, map[string]any{"kode": "X1", "nama": "X", "jenis": "DINAS", "zona_waktu": "Mars/Olympus"}).Expect(t, 400), "zona_waktu")
		orgNamesField(t, post(tk.admin, map[string]any{"kode": "X1", "nama": "X", "jenis": "DESA"}).Expect(t, 400), "jenis")
		orgNamesField(t, post(tk.admin, map[string]any{"kode": "X1", "nama": "", "jenis": "DINAS"}).Expect(t, 400), "nama")
		orgNamesField(t, post(tk.admin, map[string]any{"kode": "X 1", "nama": "X", "jenis": "DINAS"}).Expect(t, 400), "kode")
		orgNamesField(t, post(tk.admin, map[string]any{"kode": "X1", "nama": "X", "jenis": "DINAS", "path": "/x/"}).Expect(t, 400), "path")
		// a parent that does not exist, or is another instansi's, is a 404 naming parent_id
		orgNamesField(t, post(tk.admin, map[string]any{"parent_id": "0190aaaa-0000-7000-8000-000000000000", "kode": "X1", "nama": "X", "jenis": "BIDANG"}).Expect(t, 404), "parent_id")
		orgNamesField(t, post(tk.admin, map[string]any{"parent_id": w.B.OPD1.ID, "kode": "X1", "nama": "X", "jenis": "BIDANG"}).Expect(t, 404), "parent_id")
		// the kode is unique in the instansi (not across instansi)
		post(tk.admin, map[string]any{"kode": "bkpsdm", "nama": "Lagi", "jenis": "BADAN"}).Expect(t, 409)
		post(tk.adminB, map[string]any{"kode": "BKPSDM", "nama": "Badan Kepegawaian B", "jenis": "BADAN"}).Expect(t, 201)

		// ADMIN_UNIT (OPD1 ⊃ Sub1) creates inside its subtree only
		var inside orgUnit
		post(tk.adminUnit, map[string]any{"parent_id": a.Sub1.ID, "kode": "SEKSI-1", "nama": "Seksi 1", "jenis": "SEKSI"}).Expect(t, 201).JSON(t, &inside)
		if inside.Level != 2 {
			t.Fatalf("ADMIN_UNIT's unit %+v", inside)
		}
		post(tk.adminUnit, map[string]any{"parent_id": a.OPD1.ID, "kode": "SEKSI-2", "nama": "Seksi 2", "jenis": "SEKSI"}).Expect(t, 201)
		post(tk.adminUnit, map[string]any{"parent_id": a.OPD2.ID, "kode": "SEKSI-3", "nama": "Seksi 3", "jenis": "SEKSI"}).Expect(t, 403)
		post(tk.adminUnit, map[string]any{"kode": "OPD-BARU", "nama": "OPD Baru", "jenis": "DINAS"}).Expect(t, 403)

		// read-only and self-service roles do not write
		for _, tok := range []string{tk.pegawai, tk.auditor, tk.keuangan} {
			post(tok, map[string]any{"parent_id": a.Sub1.ID, "kode": "NOPE", "nama": "Nope", "jenis": "SEKSI"}).Expect(t, 403)
		}
		// a SUPERADMIN acts in the instansi it names
		post(tk.super, map[string]any{"kode": "DISKOMINFO", "nama": "Dinas Kominfo", "jenis": "DINAS"}).Expect(t, 400)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/unit-kerja", Token: tk.super, Header: map[string]string{"X-Instansi-ID": a.Instansi.ID},
			Body: map[string]any{"kode": "DISKOMINFO", "nama": "Dinas Kominfo", "jenis": "DINAS"}}).Expect(t, 201)
	})
}

func TestUnitKerjaUpdate(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := orgLogin(s, w)
		a := w.A
		patch := func(tok, id string, body map[string]any, hdr ...string) *apptest.Response {
			req := apptest.Req{Method: "PATCH", Path: "/api/v1/unit-kerja/" + id, Token: tok, Body: body}
			if len(hdr) > 0 {
				req.Header = map[string]string{"If-Match": hdr[0]}
			}
			return s.Do(req)
		}

		// rename with If-Match; a stale tag is refused
		var u orgUnit
		r := patch(tk.admin, a.Sub1.ID, map[string]any{"nama": "Bidang Data", "jenis": "BAGIAN", "kode": "bid-data"}, `W/"1"`).Expect(t, 200)
		r.JSON(t, &u)
		if u.Nama != "Bidang Data" || u.Kode != "BID-DATA" || u.Version != 2 || r.Header.Get("ETag") != `W/"2"` {
			t.Fatalf("renamed %+v etag %q", u, r.Header.Get("ETag"))
		}
		patch(tk.admin, a.Sub1.ID, map[string]any{"nama": "Kalah"}, `W/"1"`).Expect(t, 412)
		orgAudited(t, s, a.Instansi.ID, "unit_kerja", "UPDATE", a.Sub1.ID)

		// zona_waktu: set, refuse a bad one, clear with null
		patch(tk.admin, a.Sub1.ID, map[string]any{"zona_waktu": "Asia/Jakarta"}).Expect(t, 200).JSON(t, &u)
		if u.ZonaWaktu != "Asia/Jakarta" {
			t.Fatalf("zone %+v", u)
		}
		orgNamesField(t, patch(tk.admin, a.Sub1.ID, map[string]any{"zona_waktu": "Local"}).Expect(t, 400), "zona_waktu")
		patch(tk.admin, a.Sub1.ID, map[string]any{"zona_waktu": nil}).Expect(t, 200).JSON(t, &u)
		if u.ZonaWaktu != "Asia/Makassar" {
			t.Fatalf("cleared zone %+v", u)
		}
		orgNamesField(t, patch(tk.admin, a.Sub1.ID, map[string]any{}).Expect(t, 400), "body")

		// kepala_jabatan_id: one of the unit's own positions, or null
		patch(tk.admin, a.Sub1.ID, map[string]any{"kepala_jabatan_id": a.JKabid.ID}).Expect(t, 200).JSON(t, &u)
		if u.KepalaJabatanID == nil || *u.KepalaJabatanID != a.JKabid.ID {
			t.Fatalf("head %+v", u)
		}
		orgNamesField(t, patch(tk.admin, a.Sub1.ID, map[string]any{"kepala_jabatan_id": a.JKadis.ID}).Expect(t, 400), "kepala_jabatan_id")
		orgNamesField(t, patch(tk.admin, a.Sub1.ID, map[string]any{"kepala_jabatan_id": w.B.JKabid.ID}).Expect(t, 404), "kepala_jabatan_id")
		patch(tk.admin, a.Sub1.ID, map[string]any{"kepala_jabatan_id": nil}).Expect(t, 200).JSON(t, &u)
		if u.KepalaJabatanID != nil {
			t.Fatalf("head not cleared %+v", u)
		}

		// ADMIN_UNIT: strictly inside its subtree, never its own unit, never out of it
		patch(tk.adminUnit, a.Sub1.ID, map[string]any{"nama": "Bidang A1"}).Expect(t, 200)
		patch(tk.adminUnit, a.OPD1.ID, map[string]any{"nama": "Dinas Saya"}).Expect(t, 403)
		patch(tk.adminUnit, a.OPD2.ID, map[string]any{"nama": "Dinas Lain"}).Expect(t, 403)
		patch(tk.adminUnit, a.Sub1.ID, map[string]any{"parent_id": a.OPD2.ID}).Expect(t, 403)
		patch(tk.adminUnit, a.Sub1.ID, map[string]any{"parent_id": nil}).Expect(t, 403)
		for _, tok := range []string{tk.pegawai, tk.auditor, tk.keuangan} {
			patch(tok, a.Sub1.ID, map[string]any{"nama": "X"}).Expect(t, 403)
		}
		patch(tk.adminB, a.Sub1.ID, map[string]any{"nama": "X"}).Expect(t, 404)
		patch(tk.admin, w.B.Sub1.ID, map[string]any{"nama": "X"}).Expect(t, 404)
	})
}

func TestUnitKerjaMove(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := orgLogin(s, w)
		a := w.A
		patch := func(tok, id string, body map[string]any) *apptest.Response {
			return s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/unit-kerja/" + id, Token: tok, Body: body})
		}
		get := func(id string) orgUnit {
			var u orgUnit
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja/" + id, Token: tk.admin}).Expect(t, 200).JSON(t, &u)
			return u
		}
		jabatanIn := func(unitID string) []string {
			var pg struct {
				Items []struct {
					ID string `json:"id"`
				} `json:"items"`
			}
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jabatan?unit_kerja_id=" + unitID, Token: tk.admin}).Expect(t, 200).JSON(t, &pg)
			var ids []string
			for _, it := range pg.Items {
				ids = append(ids, it.ID)
			}
			return ids
		}
		// Sub1 gets a child with its own zone and a grandchild, so the subtree is three deep.
		var seksi, tim orgUnit
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/unit-kerja", Token: tk.admin,
			Body: map[string]any{"parent_id": a.Sub1.ID, "kode": "SEKSI", "nama": "Seksi", "jenis": "SEKSI"}}).Expect(t, 201).JSON(t, &seksi)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/unit-kerja", Token: tk.admin,
			Body: map[string]any{"parent_id": seksi.ID, "kode": "TIM", "nama": "Tim", "jenis": "LAINNYA"}}).Expect(t, 201).JSON(t, &tim)
		if tim.Level != 3 {
			t.Fatalf("tim %+v", tim)
		}
		patch(tk.admin, a.OPD2.ID, map[string]any{"zona_waktu": "Asia/Jayapura"}).Expect(t, 200)

		// a unit cannot go under itself or its own descendant
		orgNamesField(t, patch(tk.admin, a.OPD1.ID, map[string]any{"parent_id": a.OPD1.ID}).Expect(t, 400), "parent_id")
		orgNamesField(t, patch(tk.admin, a.OPD1.ID, map[string]any{"parent_id": tim.ID}).Expect(t, 400), "parent_id")
		orgNamesField(t, patch(tk.admin, a.Sub1.ID, map[string]any{"parent_id": seksi.ID}).Expect(t, 400), "parent_id")
		orgNamesField(t, patch(tk.admin, a.Sub1.ID, map[string]any{"parent_id": w.B.OPD2.ID}).Expect(t, 404), "parent_id")
		if get(a.Sub1.ID).Version != 1 {
			t.Fatal("a refused move changed the unit")
		}

		// Sub1 under OPD2: the whole subtree follows, with the new zone inherited
		var moved orgUnit
		patch(tk.admin, a.Sub1.ID, map[string]any{"parent_id": a.OPD2.ID}).Expect(t, 200).JSON(t, &moved)
		if *moved.ParentID != a.OPD2.ID || moved.Level != 1 || moved.ZonaWaktu != "Asia/Jayapura" {
			t.Fatalf("moved %+v", moved)
		}
		if g := get(tim.ID); g.Level != 3 || g.ZonaWaktu != "Asia/Jayapura" || g.Version != 2 {
			t.Fatalf("grandchild after move %+v", g)
		}
		var tree struct {
			Items []orgUnit `json:"items"`
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja/pohon?root_id=" + a.OPD2.ID, Token: tk.pegawai}).Expect(t, 200).JSON(t, &tree)
		if len(tree.Items) != 1 || len(tree.Items[0].Children) != 1 || tree.Items[0].Children[0].ID != a.Sub1.ID ||
			tree.Items[0].Children[0].Children[0].Children[0].ID != tim.ID {
			t.Fatalf("OPD2 tree after move %+v", tree.Items)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja/pohon?root_id=" + a.OPD1.ID, Token: tk.pegawai}).Expect(t, 200).JSON(t, &tree)
		if len(tree.Items[0].Children) != 0 {
			t.Fatalf("OPD1 kept children %+v", tree.Items)
		}
		// the subtree's positions now count under OPD2 (path prefix)
		if ids := jabatanIn(a.OPD2.ID); !slices.Contains(ids, a.JStaf.ID) || slices.Contains(jabatanIn(a.OPD1.ID), a.JStaf.ID) {
			t.Fatalf("positions did not follow the move: %v", ids)
		}
		// and ADMIN_UNIT of OPD1 no longer administers it
		patch(tk.adminUnit, a.Sub1.ID, map[string]any{"nama": "X"}).Expect(t, 403)
		orgAudited(t, s, a.Instansi.ID, "unit_kerja", "UPDATE", a.Sub1.ID)

		// to the top and back again
		patch(tk.admin, a.Sub1.ID, map[string]any{"parent_id": nil}).Expect(t, 200).JSON(t, &moved)
		if moved.ParentID != nil || moved.Level != 0 || get(tim.ID).Level != 2 {
			t.Fatalf("as OPD %+v", moved)
		}
		patch(tk.admin, a.Sub1.ID, map[string]any{"parent_id": a.OPD1.ID}).Expect(t, 200).JSON(t, &moved)
		if *moved.ParentID != a.OPD1.ID || moved.Level != 1 || moved.ZonaWaktu != "Asia/Makassar" {
			t.Fatalf("back %+v", moved)
		}
		if g := get(tim.ID); g.Level != 3 || g.ZonaWaktu != "Asia/Makassar" {
			t.Fatalf("grandchild back %+v", g)
		}
		if !slices.Contains(jabatanIn(a.OPD1.ID), a.JStaf.ID) {
			t.Fatal("positions did not come back")
		}
		// ADMIN_UNIT rearranges inside its subtree: Tim directly under Sub1
		patch(tk.adminUnit, tim.ID, map[string]any{"parent_id": a.Sub1.ID}).Expect(t, 200).JSON(t, &moved)
		if moved.Level != 2 {
			t.Fatalf("rearranged %+v", moved)
		}
	})
}

func TestUnitKerjaDelete(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := orgLogin(s, w)
		a := w.A
		del := func(tok, id string) *apptest.Response {
			return s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/unit-kerja/" + id, Token: tok})
		}
		leaf := func(parent, kode string) string {
			var u orgUnit
			s.Do(apptest.Req{Method: "POST", Path: "/api/v1/unit-kerja", Token: tk.admin,
				Body: map[string]any{"parent_id": parent, "kode": kode, "nama": kode, "jenis": "SEKSI"}}).Expect(t, 201).JSON(t, &u)
			return u.ID
		}
		// in use: sub-units, positions
		del(tk.admin, a.OPD1.ID).Expect(t, 409)
		del(tk.admin, a.Sub1.ID).Expect(t, 409)
		del(tk.admin, a.OPD2.ID).Expect(t, 409)

		l1, l2, l3 := leaf(a.Sub1.ID, "L1"), leaf(a.OPD1.ID, "L2"), leaf(a.OPD2.ID, "L3")
		for _, tok := range []string{tk.pegawai, tk.auditor, tk.keuangan} {
			del(tok, l1).Expect(t, 403)
		}
		del(tk.adminB, l1).Expect(t, 404)
		del(tk.adminUnit, l3).Expect(t, 403)        // outside its subtree
		del(tk.adminUnit, a.OPD1.ID).Expect(t, 403) // its own unit
		del(tk.adminUnit, l1).Expect(t, 204)
		del(tk.admin, l2).Expect(t, 204)
		del(tk.admin, l2).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/unit-kerja/" + l1, Token: tk.admin}).Expect(t, 404)
		orgAudited(t, s, a.Instansi.ID, "unit_kerja", "DELETE", l1)
	})
}
