package api_test

import (
	"context"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type mskPage struct {
	Total int `json:"total"`
	Items []struct {
		NIP                 string `json:"nip"`
		Nama                string `json:"nama"`
		TunjanganProfesi    int64  `json:"tunjangan_profesi"`
		PenghasilanLainBPJS int64  `json:"penghasilan_lain_bpjs"`
		PotonganLain        []struct {
			Kode   string  `json:"kode"`
			Nama   *string `json:"nama"`
			Jumlah int64   `json:"jumlah"`
		} `json:"potongan_lain"`
	} `json:"items"`
}

const mskPath = "/api/v1/masukan-tpp/2026/3"

func mskPut(s *apptest.Server, tok string, items ...map[string]any) *apptest.Response {
	if items == nil {
		items = []map[string]any{}
	}
	return s.Do(apptest.Req{Method: "PUT", Path: mskPath, Token: tok, Body: map[string]any{"items": items}})
}

func mskList(t *testing.T, s *apptest.Server, tok, query string) mskPage {
	t.Helper()
	var pg mskPage
	s.Do(apptest.Req{Method: "GET", Path: mskPath + query, Token: tok}).Expect(t, 200).JSON(t, &pg)
	return pg
}

func TestMasukanTPP(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := iznLogin(s, w)
		a := w.A

		var put struct{ Jumlah int }
		mskPut(s, tk.keuangan,
			map[string]any{"nip": a.Staf.NIP, "tunjangan_profesi": 1_500_000,
				"potongan_lain": []map[string]any{{"kode": " KOP ", "nama": "Koperasi", "jumlah": 100_000}, {"kode": "ZIS", "jumlah": 25_000}}},
			map[string]any{"nip": a.Kadis.NIP, "penghasilan_lain_bpjs": 5_000_000},
		).Expect(t, 200).JSON(t, &put)
		if put.Jumlah != 2 {
			t.Fatalf("put %+v", put)
		}
		orgAudited(t, s, a.Instansi.ID, "masukan_tpp", "UPDATE", "2026-03")

		// by NIP, with the name
		pg := mskList(t, s, tk.audit, "")
		if pg.Total != 2 || pg.Items[0].NIP != a.Kadis.NIP || pg.Items[0].Nama != a.Kadis.Nama || pg.Items[0].PenghasilanLainBPJS != 5_000_000 ||
			len(pg.Items[0].PotonganLain) != 0 || pg.Items[1].NIP != a.Staf.NIP || pg.Items[1].TunjanganProfesi != 1_500_000 {
			t.Fatalf("list %+v", pg)
		}
		if pl := pg.Items[1].PotonganLain; len(pl) != 2 || pl[0].Kode != "KOP" || pl[0].Nama == nil || *pl[0].Nama != "Koperasi" ||
			pl[0].Jumlah != 100_000 || pl[1].Kode != "ZIS" || pl[1].Nama != nil {
			t.Fatalf("deductions %+v", pl)
		}
		if pg := mskList(t, s, tk.admin, "?page=2&page_size=1"); pg.Total != 2 || len(pg.Items) != 1 || pg.Items[0].NIP != a.Staf.NIP {
			t.Fatalf("page 2 %+v", pg)
		}

		// what the payroll computation reads
		m, err := db.MasukanTPPBulan(context.Background(), a.Instansi.ID, 2026, time.March)
		if err != nil {
			t.Fatal(err)
		}
		if len(m) != 2 || m[a.Staf.ID].TunjanganProfesi != 1_500_000 || len(m[a.Staf.ID].PotonganLain) != 2 ||
			m[a.Staf.ID].PotonganLain[1] != (domain.PotonganFakta{Kode: "ZIS", Jumlah: 25_000}) || m[a.Kadis.ID].PenghasilanLainBPJS != 5_000_000 {
			t.Fatalf("by pegawai %+v", m)
		}

		// an unknown NIP (another instansi's pegawai) and a repeat refuse everything
		p := mskPut(s, tk.admin,
			map[string]any{"nip": a.Rekan.NIP},
			map[string]any{"nip": w.B.Staf.NIP, "tunjangan_profesi": 1},
			map[string]any{"nip": a.Rekan.NIP},
		).Expect(t, 422).Problem(t)
		if len(p.Errors) != 2 || !p.HasField("items/1/nip") || !p.HasField("items/2/nip") {
			t.Fatalf("refused %+v", p)
		}
		if pg := mskList(t, s, tk.keuangan, ""); pg.Total != 2 || pg.Items[1].TunjanganProfesi != 1_500_000 {
			t.Fatalf("refusal changed the month: %+v", pg)
		}

		// a replacement replaces the whole month; an empty list clears it
		mskPut(s, tk.admin, map[string]any{"nip": a.Rekan.NIP, "tunjangan_profesi": 10}).Expect(t, 200)
		if pg := mskList(t, s, tk.keuangan, ""); pg.Total != 1 || pg.Items[0].NIP != a.Rekan.NIP {
			t.Fatalf("replaced %+v", pg)
		}
		mskPut(s, tk.keuangan).Expect(t, 200)
		if pg := mskList(t, s, tk.keuangan, ""); pg.Total != 0 || pg.Items == nil {
			t.Fatalf("cleared %+v", pg)
		}

		// who: AUDITOR reads only; ADMIN_UNIT and pegawai neither; B has its own month
		mskPut(s, tk.keuangan, map[string]any{"nip": a.Staf.NIP}).Expect(t, 200)
		mskPut(s, tk.audit).Expect(t, 403)
		for _, tok := range []string{tk.adminUnit, tk.staf} {
			s.Do(apptest.Req{Method: "GET", Path: mskPath, Token: tok}).Expect(t, 403)
			mskPut(s, tok).Expect(t, 403)
		}
		if pg := mskList(t, s, tk.adminB, ""); pg.Total != 0 {
			t.Fatalf("B sees A's inputs: %+v", pg)
		}
		// one audit record per call, not per row
		es, _, err := db.ListAudit(context.Background(), domain.AuditFilter{InstansiID: a.Instansi.ID, Entitas: "masukan_tpp", Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if len(es) != 4 {
			t.Fatalf("%d audit records", len(es))
		}
	})
}
