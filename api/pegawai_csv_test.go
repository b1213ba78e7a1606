package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type importJSON struct {
	Total  int  `json:"total"`
	Dibuat int  `json:"dibuat"`
	Diubah int  `json:"diubah"`
	Tetap  int  `json:"tetap"`
	DryRun bool `json:"dry_run"`
	Errors []struct {
		Baris  int    `json:"baris"`
		NIP    string `json:"nip"`
		Field  string `json:"field"`
		Code   string `json:"code"`
		Detail string `json:"detail"`
	} `json:"errors"`
}

func (r importJSON) has(baris int, field, code string) bool {
	for _, e := range r.Errors {
		if e.Baris == baris && e.Field == field && e.Code == code {
			return true
		}
	}
	return false
}

func TestPegawaiImport(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin := s.Login(w.A.Admin, apptest.Password)
		adminUnit := s.Login(w.A.AdminUnit, apptest.Password)
		auditor := s.Login(w.A.Audit, apptest.Password)
		staf := s.Login(w.A.Staf.NIP, apptest.Password)
		imp := func(tok, query, csv string) *apptest.Response {
			return s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pegawai/impor" + query, Token: tok, Body: csv, Type: "text/csv"})
		}
		report := func(r *apptest.Response, status int) importJSON {
			t.Helper()
			var rep importJSON
			r.Expect(t, status).JSON(t, &rep)
			return rep
		}
		// A rejected file is a problem+json 422 carrying the report in "laporan".
		imp422 := func(tok, query, csv string) importJSON {
			t.Helper()
			var p struct {
				Code    string     `json:"code"`
				Laporan importJSON `json:"laporan"`
			}
			imp(tok, query, csv).Expect(t, 422).JSON(t, &p)
			if p.Code != "import_rejected" || len(p.Laporan.Errors) == 0 {
				t.Fatalf("want import_rejected with row errors, got %+v", p)
			}
			return p.Laporan
		}
		get := func(nip string) *apptest.Response {
			return s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + nip, Token: admin})
		}

		// `;` separated with a BOM, columns in any order, kode_jabatan case-insensitive;
		// one known employee unchanged (as of their riwayat date)
		good := "\ufeffnip;nama;jenis_asn;tmt;golongan;kode_jabatan;email;nama_bank;nomor_rekening\n" +
			"199501012020011001;Budi Santoso;PNS;2020-01-01;III/a;j-staf-a;budi@example.go.id;BPD;0012345\n" +
			"199001012022211002;Sari Dewi;PPPK;2022-01-01;IX;J-STAF2-A;;;\n"
		rep := report(imp(admin, "?dry_run=true", good), 200)
		if !rep.DryRun || rep.Dibuat != 2 || rep.Total != 2 {
			t.Fatalf("dry run %+v", rep)
		}
		get("199501012020011001").Expect(t, 404)
		rep = report(imp(admin, "", good), 200)
		if rep.DryRun || rep.Dibuat != 2 || rep.Diubah != 0 || rep.Tetap != 0 {
			t.Fatalf("import %+v", rep)
		}
		var p pegawaiJSON
		get("199501012020011001").Expect(t, 200).JSON(t, &p)
		if p.JabatanID != w.A.JStaf.ID || p.Golongan != "III/a" || p.Status != "AKTIF" || p.BerlakuMulai != "2020-01-01" || p.Rekening == nil {
			t.Fatalf("imported %+v", p)
		}
		// importing the same file again changes nothing
		rep = report(imp(admin, "", good), 200)
		if rep.Dibuat != 0 || rep.Diubah != 0 || rep.Tetap != 2 {
			t.Fatalf("re-import %+v", rep)
		}

		// a known employee: a new golongan from a date is a KENAIKAN_PANGKAT, a new name an update
		change := "nip,nama,jenis_asn,tmt,golongan,kode_jabatan,status,berlaku_mulai\n" +
			w.A.Staf.NIP + ",Staf Berganti,PNS,2015-03-01,III/b,J-STAF-A,AKTIF,2024-04-01\n" +
			w.A.Rekan.NIP + "," + w.A.Rekan.Nama + ",PNS,2016-04-01,III/b,J-STAF-A,AKTIF,2016-04-01\n"
		rep = report(imp(admin, "", change), 200)
		if rep.Diubah != 1 || rep.Tetap != 1 {
			t.Fatalf("change %+v", rep)
		}
		var hist struct {
			Items []riwayatJSON `json:"items"`
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Staf.NIP + "/riwayat", Token: admin}).Expect(t, 200).JSON(t, &hist)
		if len(hist.Items) != 2 || hist.Items[1].Jenis != "KENAIKAN_PANGKAT" || hist.Items[1].BerlakuMulai != "2024-04-01" || hist.Items[1].Golongan != "III/b" {
			t.Fatalf("history after import %+v", hist)
		}
		if rep = report(imp(admin, "", change), 200); rep.Tetap != 2 {
			t.Fatalf("re-import change %+v", rep)
		}
		// a move to another position is a MUTASI
		move := "nip,nama,jenis_asn,tmt,golongan,kode_jabatan,berlaku_mulai\n" +
			w.A.Rekan.NIP + "," + w.A.Rekan.Nama + ",PNS,2016-04-01,III/b,J-STAF2-A,2024-05-01\n"
		report(imp(admin, "", move), 200)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Rekan.NIP + "/riwayat", Token: admin}).Expect(t, 200).JSON(t, &hist)
		if len(hist.Items) != 2 || hist.Items[1].Jenis != "MUTASI" || hist.Items[1].JabatanID != w.A.JStaf2.ID {
			t.Fatalf("mutasi by import %+v", hist)
		}

		// one bad row: nothing is written, every bad line is reported
		bad := "nip,nama,jenis_asn,tmt,golongan,kode_jabatan\n" +
			"199601012021011001,Baru Satu,PNS,2021-01-01,III/a,J-STAF-A\n" +
			"199601012021011002,Baru Dua,PNS,2021-01-01,IV/f,J-STAF-A\n" +
			"199601012021131003,Baru Tiga,PNS,2021-01-01,III/a,J-TIDAK-ADA\n" +
			"199601012021011001,Baru Satu Lagi,PNS,2021-01-01,III/a,J-STAF-A\n" +
			"199601012021011004,Baru Empat,PNS,01-01-2021,III/a,J-STAF-A\n" +
			"199001012022211005,Baru Lima,PPPK,2022-01-01,III/a,J-STAF-A\n"
		rep = imp422(admin, "", bad)
		if rep.Total != 6 || !rep.has(3, "golongan", "golongan_invalid") || !rep.has(4, "nip", "nip_tmt_month") ||
			!rep.has(4, "kode_jabatan", "jabatan_not_found") || !rep.has(5, "nip", "nip_duplicate") ||
			!rep.has(6, "tmt", "date_format") || !rep.has(7, "golongan", "golongan_invalid") || rep.has(2, "nip", "nip_duplicate") {
			t.Fatalf("bad file %+v", rep)
		}
		get("199601012021011001").Expect(t, 404)
		// dry run of a bad file is still 422
		imp422(admin, "?dry_run=true", bad)
		// row errors follow Accept-Language
		var en struct {
			Laporan importJSON `json:"laporan"`
		}
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pegawai/impor", Token: admin, Body: bad, Type: "text/csv",
			Header: map[string]string{"Accept-Language": "en"}}).Expect(t, 422).JSON(t, &en)
		var id struct {
			Laporan importJSON `json:"laporan"`
		}
		imp(admin, "", bad).Expect(t, 422).JSON(t, &id)
		if en.Laporan.Errors[0].Detail == id.Laporan.Errors[0].Detail {
			t.Fatalf("row error not translated: %q", en.Laporan.Errors[0].Detail)
		}

		// ";" files whose values hold quotes and commas reach the importer intact
		semi := "nip;nama;gelar_belakang;jenis_asn;tmt;golongan;kode_jabatan\n" +
			"199601012021011009;\"Ni Made \"\"Ayu\"\"\";S.E., M.Si.;PNS;2021-01-01;III/a;J-STAF-A\n"
		report(imp(admin, "", semi), 200)
		var ayu struct {
			Nama          string `json:"nama"`
			GelarBelakang string `json:"gelar_belakang"`
		}
		get("199601012021011009").Expect(t, 200).JSON(t, &ayu)
		if ayu.Nama != `Ni Made "Ayu"` || ayu.GelarBelakang != "S.E., M.Si." {
			t.Fatalf("semicolon file read as %+v", ayu)
		}

		// ADMIN_UNIT: rows outside its subtree are row errors
		scoped := "nip,nama,jenis_asn,tmt,golongan,kode_jabatan\n" +
			"199601012021011006,Dalam,PNS,2021-01-01,III/a,J-STAF-A\n" +
			"199601012021011007,Luar,PNS,2021-01-01,III/a,J-STAF2-A\n" +
			w.A.Staf2.NIP + ",Staf2 A,PNS,2018-01-01,II/c,J-STAF-A\n"
		rep = imp422(adminUnit, "", scoped)
		if !rep.has(3, "kode_jabatan", "outside_unit") || !rep.has(4, "nip", "outside_unit") || len(rep.Errors) != 2 {
			t.Fatalf("admin unit %+v", rep)
		}
		report(imp(adminUnit, "", "nip,nama,jenis_asn,tmt,golongan,kode_jabatan\n199601012021011006,Dalam,PNS,2021-01-01,III/a,J-STAF-A\n"), 200)

		// malformed files
		expectField(t, imp(admin, "", "nip,nama,jenis_asn\n199601012021011008,X,PNS\n"), 400, "body", "")
		imp(admin, "", "nip,nama,jenis_asn,tmt,golongan,kode_jabatan\n\"199601012021011008,X,PNS,2021-01-01,III/a,J-STAF-A\n").Expect(t, 400)
		expectField(t, imp(admin, "", "nip,nama,jenis_asn,tmt,golongan,kode_jabatan,hobi\n"), 400, "body", "csv_column_unknown")
		// access
		imp(auditor, "", good).Expect(t, 403)
		imp(staf, "", good).Expect(t, 403)
	})
}

func TestPegawaiExport(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin := s.Login(w.A.Admin, apptest.Password)
		adminUnit := s.Login(w.A.AdminUnit, apptest.Password)
		staf := s.Login(w.A.Staf.NIP, apptest.Password)
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pegawai/" + w.A.Staf.NIP, Token: admin,
			Body: map[string]any{"gelar_belakang": "S.Kom., M.T.", "rekening": map[string]any{"nama_bank": "BPD", "nomor": "1234567"}}}).Expect(t, 200)

		r := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/ekspor", Token: admin}).Expect(t, 200)
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("content type %q", r.Header.Get("Content-Type"))
		}
		body := string(r.Body)
		lines := strings.Split(strings.TrimSpace(body), "\n")
		if lines[0] != "nip,nama,gelar_depan,gelar_belakang,jenis_asn,tmt,golongan,kode_jabatan,status,berlaku_mulai,email,telepon,nama_bank,nomor_rekening" ||
			len(lines) != 7 || !strings.Contains(body, w.A.Staf.NIP+",Staf A,,\"S.Kom., M.T.\",PNS,2015-03-01,III/a,J-STAF-A,AKTIF,2015-03-01,,,BPD,1234567") ||
			strings.Contains(body, w.B.Staf.NIP) {
			t.Fatalf("export:\n%s", body)
		}
		// the export re-imports as all unchanged
		var rep importJSON
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pegawai/impor", Token: admin, Body: body, Type: "text/csv"}).Expect(t, 200).JSON(t, &rep)
		if rep.Total != 6 || rep.Tetap != 6 {
			t.Fatalf("round trip %+v", rep)
		}
		// unit filter and as-of date
		r = s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/ekspor?unit_kerja_id=" + w.A.OPD2.ID, Token: admin}).Expect(t, 200)
		if n := strings.Count(strings.TrimSpace(string(r.Body)), "\n"); n != 2 || !strings.Contains(string(r.Body), w.A.Staf2.NIP) {
			t.Fatalf("opd2 export:\n%s", r.Body)
		}
		r = s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/ekspor?tanggal=2000-01-01", Token: admin}).Expect(t, 200)
		if cd := r.Header.Get("Content-Disposition"); cd != `attachment; filename="pegawai-2000-01-01.csv"` {
			t.Fatalf("Content-Disposition %q", cd)
		}
		if n := strings.Count(strings.TrimSpace(string(r.Body)), "\n"); n != 2 {
			t.Fatalf("export as of 2000:\n%s", r.Body)
		}
		r = s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/ekspor", Token: adminUnit}).Expect(t, 200)
		if strings.Contains(string(r.Body), w.A.Staf2.NIP) {
			t.Fatalf("admin unit export leaks OPD2:\n%s", r.Body)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/ekspor", Token: staf}).Expect(t, http.StatusForbidden)
	})
}

// A few thousand rows import in one go (lookups are batched, not per row).
func TestPegawaiImportLarge(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin := s.Login(w.A.Admin, apptest.Password)
		var b strings.Builder
		b.WriteString("nip,nama,jenis_asn,tmt,golongan,kode_jabatan\n")
		n := 0
		for day := 1; day <= 28 && n < 2000; day++ {
			for seq := 1; seq <= 80 && n < 2000; seq++ {
				fmt.Fprintf(&b, "199001%02d2015031%03d,Pegawai %d,PNS,2015-03-01,III/a,J-STAF-A\n", day, seq, n)
				n++
			}
		}
		var rep importJSON
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pegawai/impor", Token: admin, Body: b.String(), Type: "text/csv"}).Expect(t, 200).JSON(t, &rep)
		if rep.Dibuat != 2000 {
			t.Fatalf("large import %+v", rep)
		}
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/pegawai/impor", Token: admin, Body: b.String(), Type: "text/csv"}).Expect(t, 200).JSON(t, &rep)
		if rep.Tetap != 2000 {
			t.Fatalf("large re-import %+v", rep)
		}
	})
}
