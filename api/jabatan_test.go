package api_test

import (
	"context"
	"slices"
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type orgPemangku struct {
	NIP    string `json:"nip"`
	Nama   string `json:"nama"`
	Sumber string `json:"sumber"`
}

type orgJabatan struct {
	ID              string        `json:"id"`
	UnitKerjaID     string        `json:"unit_kerja_id"`
	Kode            string        `json:"kode"`
	Nama            string        `json:"nama"`
	Jenis           string        `json:"jenis"`
	Jenjang         *string       `json:"jenjang"`
	KelasJabatan    int           `json:"kelas_jabatan"`
	AtasanJabatanID *string       `json:"atasan_jabatan_id"`
	Kebutuhan       int           `json:"kebutuhan"`
	Kosong          bool          `json:"kosong"`
	Pemangku        []orgPemangku `json:"pemangku"`
	Version         int           `json:"version"`
}

type orgJabatanPage struct {
	Total int          `json:"total"`
	Items []orgJabatan `json:"items"`
}

func (p orgJabatanPage) ids() []string {
	out := make([]string, len(p.Items))
	for i, j := range p.Items {
		out[i] = j.ID
	}
	return out
}

func (p orgJabatanPage) find(id string) (orgJabatan, bool) {
	for _, j := range p.Items {
		if j.ID == id {
			return j, true
		}
	}
	return orgJabatan{}, false
}

func orgNIPs(ps []orgPemangku, sumber string) []string {
	var out []string
	for _, p := range ps {
		if p.Sumber == sumber {
			out = append(out, p.NIP)
		}
	}
	slices.Sort(out)
	return out
}

// orgExec runs a fixture statement.
func orgExec(t *testing.T, s *apptest.Server, sql string, args ...any) {
	t.Helper()
	if err := s.DB.Exec(context.Background(), sql, args...); err != nil {
		t.Fatalf("fixture: %v", err)
	}
}

func TestJabatanRead(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := orgLogin(s, w)
		a := w.A
		list := func(tok, query string) orgJabatanPage {
			t.Helper()
			var pg orgJabatanPage
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jabatan" + query, Token: tok}).Expect(t, 200).JSON(t, &pg)
			return pg
		}
		same := func(got []string, want ...string) bool {
			g, w := slices.Clone(got), slices.Clone(want)
			slices.Sort(g)
			slices.Sort(w)
			return slices.Equal(g, w)
		}

		// everyone in the instansi reads positions with their holders, in one page
		for _, tok := range []string{tk.admin, tk.pegawai, tk.auditor, tk.keuangan, tk.adminUnit} {
			if pg := list(tok, ""); pg.Total != 5 || len(pg.Items) != 5 {
				t.Fatalf("list: %+v", pg)
			}
		}
		pg := list(tk.pegawai, "")
		staf, _ := pg.find(a.JStaf.ID)
		kabid, _ := pg.find(a.JKabid.ID)
		if !slices.Equal(orgNIPs(staf.Pemangku, "DEFINITIF"), []string{a.Staf.NIP, a.Rekan.NIP}) || !staf.Kosong || staf.Kebutuhan != 3 {
			t.Fatalf("JStaf: %+v", staf)
		}
		if len(kabid.Pemangku) != 1 || kabid.Pemangku[0].NIP != a.Kabid.NIP || kabid.Kosong ||
			kabid.AtasanJabatanID == nil || *kabid.AtasanJabatanID != a.JKadis.ID {
			t.Fatalf("JKabid: %+v", kabid)
		}

		// vacancy: JStaf (3 needed, 2 held) is vacant, JKabid is not
		if ids := list(tk.admin, "?kosong=true").ids(); !slices.Contains(ids, a.JStaf.ID) || slices.Contains(ids, a.JKabid.ID) {
			t.Fatalf("kosong=true: %v", ids)
		}
		if ids := list(tk.admin, "?kosong=false").ids(); slices.Contains(ids, a.JStaf.ID) || !slices.Contains(ids, a.JKabid.ID) {
			t.Fatalf("kosong=false: %v", ids)
		}
		// filters: a unit with its sub-units, jenis, kelas, text
		if ids := list(tk.admin, "?unit_kerja_id="+a.OPD1.ID).ids(); !same(ids, a.JKadis.ID, a.JKabid.ID, a.JStaf.ID) {
			t.Fatalf("unit OPD1: %v", ids)
		}
		if ids := list(tk.admin, "?unit_kerja_id="+a.Sub1.ID).ids(); !same(ids, a.JKabid.ID, a.JStaf.ID) {
			t.Fatalf("unit Sub1: %v", ids)
		}
		if ids := list(tk.admin, "?unit_kerja_id="+w.B.OPD1.ID).ids(); len(ids) != 0 {
			t.Fatalf("another instansi's unit: %v", ids)
		}
		if ids := list(tk.admin, "?jenis=PELAKSANA").ids(); !same(ids, a.JStaf.ID, a.JStaf2.ID) {
			t.Fatalf("jenis: %v", ids)
		}
		if ids := list(tk.admin, "?kelas_jabatan=14").ids(); !same(ids, a.JKadis.ID, a.JKadis2.ID) {
			t.Fatalf("kelas: %v", ids)
		}
		if ids := list(tk.admin, "?q=kepala%20bidang").ids(); !same(ids, a.JKabid.ID) {
			t.Fatalf("q: %v", ids)
		}
		if ids := list(tk.admin, "?q=j-staf2").ids(); !same(ids, a.JStaf2.ID) {
			t.Fatalf("q on kode: %v", ids)
		}
		if pg := list(tk.admin, "?kosong=true&page_size=1&page=2"); pg.Total < 2 || len(pg.Items) != 1 {
			t.Fatalf("paging a filtered list: %+v", pg)
		}
		orgNamesField(t, s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jabatan?kelas_jabatan=18", Token: tk.admin}).Expect(t, 400), "kelas_jabatan")
		orgNamesField(t, s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jabatan?tanggal=2024-13-01", Token: tk.admin}).Expect(t, 400), "tanggal")

		// holders as of a date: before anyone's TMT nobody holds anything
		if pg := list(tk.admin, "?tanggal=1990-01-01&unit_kerja_id="+a.Sub1.ID); len(pg.Items) != 2 || len(pg.Items[0].Pemangku) != 0 || !pg.Items[0].Kosong {
			t.Fatalf("as of 1990: %+v", pg)
		}
		// someone who retired no longer holds the position from that date
		orgExec(t, s, `INSERT INTO riwayat_pegawai (id, instansi_id, pegawai_id, jenis, berlaku_mulai, jabatan_id, unit_kerja_id, golongan, status, created_at)
			VALUES (?,?,?,?,?,?,?,?,?,?)`, "0190aaaa-0000-7000-8000-0000000000a1", a.Instansi.ID, a.Rekan.ID, "PERUBAHAN_STATUS", "2025-01-01",
			a.JStaf.ID, a.Sub1.ID, "III/b", "PENSIUN", "2025-01-01 00:00:00")
		var j orgJabatan
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jabatan/" + a.JStaf.ID + "?tanggal=2024-12-31", Token: tk.pegawai}).Expect(t, 200).JSON(t, &j)
		if len(j.Pemangku) != 2 {
			t.Fatalf("before retirement: %+v", j.Pemangku)
		}
		r := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jabatan/" + a.JStaf.ID + "?tanggal=2025-01-01", Token: tk.pegawai}).Expect(t, 200)
		r.JSON(t, &j)
		if !slices.Equal(orgNIPs(j.Pemangku, "DEFINITIF"), []string{a.Staf.NIP}) || r.Header.Get("ETag") != `W/"1"` {
			t.Fatalf("after retirement: %+v", j.Pemangku)
		}
		// MPP (pre-retirement leave) still holds it
		orgExec(t, s, `INSERT INTO riwayat_pegawai (id, instansi_id, pegawai_id, jenis, berlaku_mulai, jabatan_id, unit_kerja_id, golongan, status, created_at)
			VALUES (?,?,?,?,?,?,?,?,?,?)`, "0190aaaa-0000-7000-8000-0000000000a2", a.Instansi.ID, a.Staf.ID, "PERUBAHAN_STATUS", "2025-02-01",
			a.JStaf.ID, a.Sub1.ID, "III/a", "MPP", "2025-02-01 00:00:00")
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jabatan/" + a.JStaf.ID + "?tanggal=2025-03-01", Token: tk.pegawai}).Expect(t, 200).JSON(t, &j)
		if !slices.Equal(orgNIPs(j.Pemangku, "DEFINITIF"), []string{a.Staf.NIP}) {
			t.Fatalf("MPP: %+v", j.Pemangku)
		}

		// another instansi's position does not exist
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jabatan/" + a.JStaf.ID, Token: tk.adminB}).Expect(t, 404)
		if ids := list(tk.adminB, "").ids(); slices.Contains(ids, a.JStaf.ID) {
			t.Fatal("B lists A's positions")
		}
	})
}

func TestJabatanCreate(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := orgLogin(s, w)
		a := w.A
		post := func(tok string, body map[string]any) *apptest.Response {
			return s.Do(apptest.Req{Method: "POST", Path: "/api/v1/jabatan", Token: tok, Body: body})
		}
		base := func(kv ...any) map[string]any {
			m := map[string]any{"unit_kerja_id": a.Sub1.ID, "kode": "J-ANALIS", "nama": "Analis Data", "jenis": "PELAKSANA",
				"kelas_jabatan": 7, "atasan_jabatan_id": a.JKabid.ID}
			for i := 0; i+1 < len(kv); i += 2 {
				m[kv[i].(string)] = kv[i+1]
			}
			return m
		}

		var j orgJabatan
		r := post(tk.admin, base("kebutuhan", 2)).Expect(t, 201)
		r.JSON(t, &j)
		if j.Kode != "J-ANALIS" || j.Kebutuhan != 2 || !j.Kosong || j.Pemangku == nil || len(j.Pemangku) != 0 || j.Jenjang != nil ||
			*j.AtasanJabatanID != a.JKabid.ID || r.Header.Get("ETag") != `W/"1"` {
			t.Fatalf("created %+v", j)
		}
		orgAudited(t, s, a.Instansi.ID, "jabatan", "CREATE", j.ID)
		var fj orgJabatan
		post(tk.admin, base("kode", "J-PRAKOM", "jenis", "FUNGSIONAL", "jenjang", "AHLI_PERTAMA", "kelas_jabatan", 8, "atasan_jabatan_id", nil)).
			Expect(t, 201).JSON(t, &fj)
		if fj.Kebutuhan != 1 || fj.Jenjang == nil || *fj.Jenjang != "AHLI_PERTAMA" || fj.AtasanJabatanID != nil {
			t.Fatalf("functional %+v", fj)
		}

		// bad input names the field
		orgNamesField(t, post(tk.admin, base("kode", "X1", "kelas_jabatan", 0)).Expect(t, 400), "kelas_jabatan")
		orgNamesField(t, post(tk.admin, base("kode", "X1", "jenis", "FUNGSIONAL")).Expect(t, 400), "jenjang")
		orgNamesField(t, post(tk.admin, base("kode", "X1", "jenjang", "AHLI_MUDA")).Expect(t, 400), "jenjang")
		orgNamesField(t, post(tk.admin, base("kode", "X1", "jenis", "ESELON")).Expect(t, 400), "jenis")
		orgNamesField(t, post(tk.admin, base("kode", "X1", "kebutuhan", 0)).Expect(t, 400), "kebutuhan")
		// references outside the instansi are 404s naming the field
		orgNamesField(t, post(tk.admin, base("kode", "X1", "unit_kerja_id", w.B.Sub1.ID)).Expect(t, 404), "unit_kerja_id")
		orgNamesField(t, post(tk.admin, base("kode", "X1", "unit_kerja_id", "0190aaaa-0000-7000-8000-000000000000")).Expect(t, 404), "unit_kerja_id")
		orgNamesField(t, post(tk.admin, base("kode", "X1", "atasan_jabatan_id", w.B.JKabid.ID)).Expect(t, 404), "atasan_jabatan_id")
		post(tk.admin, base("kode", "j-analis")).Expect(t, 409)

		// ADMIN_UNIT: positions of units in its subtree, its own unit included
		post(tk.adminUnit, base("kode", "J-AU1")).Expect(t, 201)
		post(tk.adminUnit, base("kode", "J-AU2", "unit_kerja_id", a.OPD1.ID, "atasan_jabatan_id", a.JKadis.ID)).Expect(t, 201)
		post(tk.adminUnit, base("kode", "J-AU3", "unit_kerja_id", a.OPD2.ID, "atasan_jabatan_id", a.JKadis2.ID)).Expect(t, 403)
		for _, tok := range []string{tk.pegawai, tk.auditor, tk.keuangan} {
			post(tok, base("kode", "J-NOPE")).Expect(t, 403)
		}
	})
}

func TestJabatanUpdate(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := orgLogin(s, w)
		a := w.A
		patch := func(tok, id string, body map[string]any, hdr ...string) *apptest.Response {
			req := apptest.Req{Method: "PATCH", Path: "/api/v1/jabatan/" + id, Token: tok, Body: body}
			if len(hdr) > 0 {
				req.Header = map[string]string{"If-Match": hdr[0]}
			}
			return s.Do(req)
		}

		var j orgJabatan
		r := patch(tk.admin, a.JStaf.ID, map[string]any{"nama": "Pengolah Data", "kelas_jabatan": 7, "kebutuhan": 2}, `W/"1"`).Expect(t, 200)
		r.JSON(t, &j)
		if j.Nama != "Pengolah Data" || j.KelasJabatan != 7 || j.Version != 2 || r.Header.Get("ETag") != `W/"2"` {
			t.Fatalf("updated %+v", j)
		}
		// 2 needed and 2 held: no longer vacant, and holders come back with the change
		if j.Kosong || len(j.Pemangku) != 2 {
			t.Fatalf("vacancy after update %+v", j)
		}
		patch(tk.admin, a.JStaf.ID, map[string]any{"nama": "Kalah"}, `W/"1"`).Expect(t, 412)
		orgAudited(t, s, a.Instansi.ID, "jabatan", "UPDATE", a.JStaf.ID)

		// class rules apply to the result of the patch
		orgNamesField(t, patch(tk.admin, a.JStaf.ID, map[string]any{"jenis": "FUNGSIONAL"}).Expect(t, 400), "jenjang")
		patch(tk.admin, a.JStaf.ID, map[string]any{"jenis": "FUNGSIONAL", "jenjang": "TERAMPIL"}).Expect(t, 200).JSON(t, &j)
		if *j.Jenjang != "TERAMPIL" {
			t.Fatalf("jenjang %+v", j)
		}
		patch(tk.admin, a.JStaf.ID, map[string]any{"jenis": "PELAKSANA", "jenjang": nil}).Expect(t, 200).JSON(t, &j)
		if j.Jenjang != nil {
			t.Fatalf("jenjang not cleared %+v", j)
		}

		// the reporting line may not loop: Kadis under its own (indirect) subordinate, or itself
		orgNamesField(t, patch(tk.admin, a.JKadis.ID, map[string]any{"atasan_jabatan_id": a.JStaf.ID}).Expect(t, 400), "atasan_jabatan_id")
		orgNamesField(t, patch(tk.admin, a.JKadis.ID, map[string]any{"atasan_jabatan_id": a.JKabid.ID}).Expect(t, 400), "atasan_jabatan_id")
		orgNamesField(t, patch(tk.admin, a.JKadis.ID, map[string]any{"atasan_jabatan_id": a.JKadis.ID}).Expect(t, 400), "atasan_jabatan_id")
		orgNamesField(t, patch(tk.admin, a.JKadis.ID, map[string]any{"atasan_jabatan_id": w.B.JKadis.ID}).Expect(t, 404), "atasan_jabatan_id")
		// a legal change: Staf reports to Kadis directly, then back; Kabid to nobody
		patch(tk.admin, a.JStaf.ID, map[string]any{"atasan_jabatan_id": a.JKadis.ID}).Expect(t, 200).JSON(t, &j)
		if *j.AtasanJabatanID != a.JKadis.ID {
			t.Fatalf("atasan %+v", j)
		}
		patch(tk.admin, a.JStaf.ID, map[string]any{"atasan_jabatan_id": a.JKabid.ID}).Expect(t, 200)
		patch(tk.admin, a.JKadis2.ID, map[string]any{"atasan_jabatan_id": nil}).Expect(t, 200).JSON(t, &j)
		if j.AtasanJabatanID != nil {
			t.Fatalf("atasan not cleared %+v", j)
		}

		// moving to another unit; the head of a unit stays in it
		orgNamesField(t, patch(tk.admin, a.JStaf.ID, map[string]any{"unit_kerja_id": w.B.OPD1.ID}).Expect(t, 404), "unit_kerja_id")
		patch(tk.admin, a.JStaf.ID, map[string]any{"unit_kerja_id": a.OPD1.ID}).Expect(t, 200).JSON(t, &j)
		if j.UnitKerjaID != a.OPD1.ID {
			t.Fatalf("moved %+v", j)
		}
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/unit-kerja/" + a.Sub1.ID, Token: tk.admin,
			Body: map[string]any{"kepala_jabatan_id": a.JKabid.ID}}).Expect(t, 200)
		orgNamesField(t, patch(tk.admin, a.JKabid.ID, map[string]any{"unit_kerja_id": a.OPD1.ID}).Expect(t, 409), "unit_kerja_id")

		// ADMIN_UNIT: only positions in its subtree, both before and after a move
		patch(tk.adminUnit, a.JStaf.ID, map[string]any{"unit_kerja_id": a.Sub1.ID}).Expect(t, 200)
		patch(tk.adminUnit, a.JStaf2.ID, map[string]any{"nama": "X"}).Expect(t, 403)
		patch(tk.adminUnit, a.JStaf.ID, map[string]any{"unit_kerja_id": a.OPD2.ID}).Expect(t, 403)
		for _, tok := range []string{tk.pegawai, tk.auditor, tk.keuangan} {
			patch(tok, a.JStaf.ID, map[string]any{"nama": "X"}).Expect(t, 403)
		}
		patch(tk.adminB, a.JStaf.ID, map[string]any{"nama": "X"}).Expect(t, 404)
	})
}

func TestJabatanDelete(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := orgLogin(s, w)
		a := w.A
		del := func(tok, id string) *apptest.Response {
			return s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/jabatan/" + id, Token: tok})
		}
		create := func(unit, kode, atasan string) string {
			var j orgJabatan
			body := map[string]any{"unit_kerja_id": unit, "kode": kode, "nama": kode, "jenis": "PELAKSANA", "kelas_jabatan": 5}
			if atasan != "" {
				body["atasan_jabatan_id"] = atasan
			}
			s.Do(apptest.Req{Method: "POST", Path: "/api/v1/jabatan", Token: tk.admin, Body: body}).Expect(t, 201).JSON(t, &j)
			return j.ID
		}

		// in use: held (riwayat), reported to, heading a unit
		del(tk.admin, a.JStaf.ID).Expect(t, 409)
		del(tk.admin, a.JKadis.ID).Expect(t, 409)
		atasan := create(a.Sub1.ID, "J-ATASAN", "")
		bawahan := create(a.Sub1.ID, "J-BAWAHAN", atasan)
		del(tk.admin, atasan).Expect(t, 409)
		kepala := create(a.OPD2.ID, "J-KEPALA", "")
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/unit-kerja/" + a.OPD2.ID, Token: tk.admin,
			Body: map[string]any{"kepala_jabatan_id": kepala}}).Expect(t, 200)
		del(tk.admin, kepala).Expect(t, 409)
		// a unit with positions cannot be deleted either
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/unit-kerja/" + a.Sub1.ID, Token: tk.admin}).Expect(t, 409)

		for _, tok := range []string{tk.pegawai, tk.auditor, tk.keuangan} {
			del(tok, bawahan).Expect(t, 403)
		}
		del(tk.adminB, bawahan).Expect(t, 404)
		lain := create(a.OPD2.ID, "J-LAIN", "")
		del(tk.adminUnit, lain).Expect(t, 403)
		del(tk.adminUnit, bawahan).Expect(t, 204)
		del(tk.admin, atasan).Expect(t, 204) // nobody reports to it any more
		del(tk.admin, atasan).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jabatan/" + bawahan, Token: tk.admin}).Expect(t, 404)
		orgAudited(t, s, a.Instansi.ID, "jabatan", "DELETE", bawahan)
	})
}
