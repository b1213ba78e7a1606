package api_test

import (
	"slices"
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type orgPlt struct {
	ID             string  `json:"id"`
	JabatanID      string  `json:"jabatan_id"`
	NIP            string  `json:"nip"`
	Nama           string  `json:"nama"`
	Jenis          string  `json:"jenis"`
	TanggalMulai   string  `json:"tanggal_mulai"`
	TanggalSelesai *string `json:"tanggal_selesai"`
	NomorSK        string  `json:"nomor_sk"`
}

type orgPltPage struct {
	Total int      `json:"total"`
	Items []orgPlt `json:"items"`
}

func TestPlt(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := orgLogin(s, w)
		a := w.A
		post := func(tok string, body map[string]any) *apptest.Response {
			return s.Do(apptest.Req{Method: "POST", Path: "/api/v1/plt", Token: tok, Body: body})
		}
		del := func(tok, id string) *apptest.Response {
			return s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/plt/" + id, Token: tok})
		}
		jabatan := func(id, tanggal string) orgJabatan {
			var j orgJabatan
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jabatan/" + id + "?tanggal=" + tanggal, Token: tk.pegawai}).Expect(t, 200).JSON(t, &j)
			return j
		}
		list := func(query string) orgPltPage {
			var pg orgPltPage
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/plt" + query, Token: tk.pegawai}).Expect(t, 200).JSON(t, &pg)
			return pg
		}

		// Kabid acts as Kadis for 2024
		var p orgPlt
		post(tk.admin, map[string]any{"jabatan_id": a.JKadis.ID, "nip": a.Kabid.NIP, "jenis": "PLT", "tanggal_mulai": "2024-01-01",
			"tanggal_selesai": "2024-12-31", "nomor_sk": "800/12/BKPSDM/2024"}).Expect(t, 201).JSON(t, &p)
		if p.NIP != a.Kabid.NIP || p.Nama != a.Kabid.Nama || p.Jenis != "PLT" || p.TanggalMulai != "2024-01-01" ||
			p.TanggalSelesai == nil || *p.TanggalSelesai != "2024-12-31" || p.NomorSK != "800/12/BKPSDM/2024" {
			t.Fatalf("created %+v", p)
		}
		orgAudited(t, s, a.Instansi.ID, "plt", "CREATE", p.ID)

		// while in force the Plt holder appears among the holders, after the definitive one
		j := jabatan(a.JKadis.ID, "2024-06-01")
		if len(j.Pemangku) != 2 || j.Pemangku[0].Sumber != "DEFINITIF" || j.Pemangku[0].NIP != a.Kadis.NIP ||
			j.Pemangku[1].Sumber != "PLT" || j.Pemangku[1].NIP != a.Kabid.NIP || j.Kosong {
			t.Fatalf("holders in 2024: %+v", j)
		}
		if j := jabatan(a.JKadis.ID, "2025-01-01"); !slices.Equal(orgNIPs(j.Pemangku, "PLT"), nil) || len(j.Pemangku) != 1 {
			t.Fatalf("holders after the Plt ended: %+v", j.Pemangku)
		}
		// and in the list, on the same date
		var jp orgJabatanPage
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jabatan?tanggal=2024-06-01&unit_kerja_id=" + a.OPD1.ID, Token: tk.admin}).Expect(t, 200).JSON(t, &jp)
		if kadis, _ := jp.find(a.JKadis.ID); !slices.Equal(orgNIPs(kadis.Pemangku, "PLT"), []string{a.Kabid.NIP}) {
			t.Fatalf("list holders: %+v", kadis)
		}

		// list filters
		if pg := list("?jabatan_id=" + a.JKadis.ID); pg.Total != 1 || pg.Items[0].ID != p.ID {
			t.Fatalf("by jabatan: %+v", pg)
		}
		if pg := list("?aktif_pada=2024-03-01"); pg.Total != 1 {
			t.Fatalf("in force in March 2024: %+v", pg)
		}
		if pg := list("?aktif_pada=2025-03-01"); pg.Total != 0 {
			t.Fatalf("in force in March 2025: %+v", pg)
		}

		// one acting official per position at a time
		post(tk.admin, map[string]any{"jabatan_id": a.JKadis.ID, "nip": a.Staf.NIP, "jenis": "PLH", "tanggal_mulai": "2024-06-01",
			"tanggal_selesai": "2024-06-07"}).Expect(t, 409)
		post(tk.admin, map[string]any{"jabatan_id": a.JKadis.ID, "nip": a.Staf.NIP, "jenis": "PLH", "tanggal_mulai": "2023-12-01"}).Expect(t, 409)
		var plh orgPlt
		post(tk.admin, map[string]any{"jabatan_id": a.JKadis.ID, "nip": a.Staf.NIP, "jenis": "PLH", "tanggal_mulai": "2025-01-01",
			"tanggal_selesai": nil}).Expect(t, 201).JSON(t, &plh)
		if plh.TanggalSelesai != nil {
			t.Fatalf("open-ended %+v", plh)
		}
		if j := jabatan(a.JKadis.ID, "2025-02-01"); !slices.Equal(orgNIPs(j.Pemangku, "PLH"), []string{a.Staf.NIP}) {
			t.Fatalf("Plh holders: %+v", j.Pemangku)
		}
		// the definitive holder cannot act for their own position
		orgNamesField(t, post(tk.admin, map[string]any{"jabatan_id": a.JKabid.ID, "nip": a.Kabid.NIP, "jenis": "PLT",
			"tanggal_mulai": "2024-01-01"}).Expect(t, 409), "nip")

		// bad input names the field
		orgNamesField(t, post(tk.admin, map[string]any{"jabatan_id": a.JKabid.ID, "nip": a.Staf.NIP, "jenis": "PLT",
			"tanggal_mulai": "2024-02-01", "tanggal_selesai": "2024-01-31"}).Expect(t, 400), "tanggal_selesai")
		orgNamesField(t, post(tk.admin, map[string]any{"jabatan_id": a.JKabid.ID, "nip": a.Staf.NIP, "jenis": "PJ",
			"tanggal_mulai": "2024-02-01"}).Expect(t, 400), "jenis")
		orgNamesField(t, post(tk.admin, map[string]any{"jabatan_id": a.JKabid.ID, "nip": "123", "jenis": "PLT",
			"tanggal_mulai": "2024-02-01"}).Expect(t, 400), "nip")
		// references outside the instansi are 404s naming the field
		orgNamesField(t, post(tk.admin, map[string]any{"jabatan_id": w.B.JKabid.ID, "nip": a.Staf.NIP, "jenis": "PLT",
			"tanggal_mulai": "2024-02-01"}).Expect(t, 404), "jabatan_id")
		orgNamesField(t, post(tk.admin, map[string]any{"jabatan_id": a.JKabid.ID, "nip": w.B.Staf.NIP, "jenis": "PLT",
			"tanggal_mulai": "2024-02-01"}).Expect(t, 404), "nip")

		// ADMIN_UNIT: positions of units in its subtree only
		var pu orgPlt
		post(tk.adminUnit, map[string]any{"jabatan_id": a.JKabid.ID, "nip": a.Staf.NIP, "jenis": "PLH", "tanggal_mulai": "2024-03-01",
			"tanggal_selesai": "2024-03-05"}).Expect(t, 201).JSON(t, &pu)
		post(tk.adminUnit, map[string]any{"jabatan_id": a.JKadis2.ID, "nip": a.Staf2.NIP, "jenis": "PLT", "tanggal_mulai": "2024-03-01"}).Expect(t, 403)
		var other orgPlt
		post(tk.admin, map[string]any{"jabatan_id": a.JKadis2.ID, "nip": a.Staf2.NIP, "jenis": "PLT", "tanggal_mulai": "2024-03-01"}).Expect(t, 201).JSON(t, &other)
		del(tk.adminUnit, other.ID).Expect(t, 403)
		for _, tok := range []string{tk.pegawai, tk.auditor, tk.keuangan} {
			post(tok, map[string]any{"jabatan_id": a.JKabid.ID, "nip": a.Staf.NIP, "jenis": "PLH", "tanggal_mulai": "2026-01-01"}).Expect(t, 403)
			del(tok, p.ID).Expect(t, 403)
		}

		// a position an acting official was ever appointed to cannot be deleted
		var fresh orgJabatan
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/jabatan", Token: tk.admin, Body: map[string]any{"unit_kerja_id": a.OPD2.ID,
			"kode": "J-SEKDIS", "nama": "Sekretaris Dinas", "jenis": "ADMINISTRATOR", "kelas_jabatan": 11}}).Expect(t, 201).JSON(t, &fresh)
		var fp orgPlt
		post(tk.admin, map[string]any{"jabatan_id": fresh.ID, "nip": a.Kadis2.NIP, "jenis": "PLT", "tanggal_mulai": "2024-01-01"}).Expect(t, 201).JSON(t, &fp)
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/jabatan/" + fresh.ID, Token: tk.admin}).Expect(t, 409)

		// withdrawing
		del(tk.adminB, p.ID).Expect(t, 404)
		del(tk.adminUnit, pu.ID).Expect(t, 204)
		del(tk.admin, p.ID).Expect(t, 204)
		del(tk.admin, p.ID).Expect(t, 404)
		orgAudited(t, s, a.Instansi.ID, "plt", "DELETE", p.ID)
		if j := jabatan(a.JKadis.ID, "2024-06-01"); len(j.Pemangku) != 1 {
			t.Fatalf("holders after withdrawal: %+v", j.Pemangku)
		}
		del(tk.admin, fp.ID).Expect(t, 204)
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/jabatan/" + fresh.ID, Token: tk.admin}).Expect(t, 204)

		// B sees none of A's assignments
		var pg orgPltPage
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/plt", Token: tk.adminB}).Expect(t, 200).JSON(t, &pg)
		if pg.Total != 0 {
			t.Fatalf("B sees %+v", pg)
		}
	})
}
