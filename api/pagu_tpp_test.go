package api_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type pguPagu struct {
	Tahun int    `json:"tahun"`
	Mode  string `json:"mode"`
	Unit  []struct {
		UnitKerjaID   string `json:"unit_kerja_id"`
		UnitKerjaNama string `json:"unit_kerja_nama"`
		Jumlah        int64  `json:"jumlah"`
		Terpakai      int64  `json:"terpakai"`
		Sisa          int64  `json:"sisa"`
	} `json:"unit"`
	Total struct {
		Jumlah   int64 `json:"jumlah"`
		Terpakai int64 `json:"terpakai"`
		Sisa     int64 `json:"sisa"`
	} `json:"total"`
	Version int `json:"version"`
}

func pguGet(t *testing.T, s *apptest.Server, tok string, tahun int) (pguPagu, string) {
	t.Helper()
	var p pguPagu
	r := s.Do(apptest.Req{Method: "GET", Path: apptest.Path("/api/v1/pagu-tpp/%d", tahun), Token: tok}).Expect(t, 200)
	r.JSON(t, &p)
	return p, r.Header.Get("ETag")
}

func pguPut(s *apptest.Server, tok string, tahun int, ifMatch, mode string, lines ...any) *apptest.Response {
	unit := []map[string]any{}
	for i := 0; i+1 < len(lines); i += 2 {
		unit = append(unit, map[string]any{"unit_kerja_id": lines[i], "jumlah": lines[i+1]})
	}
	r := apptest.Req{Method: "PUT", Path: apptest.Path("/api/v1/pagu-tpp/%d", tahun), Token: tok,
		Body: map[string]any{"mode": mode, "unit": unit}}
	if ifMatch != "" {
		r.Header = map[string]string{"If-Match": ifMatch}
	}
	return s.Do(r)
}

// pguBiaya records what a run cost a budget unit.
func pguBiaya(t *testing.T, db *repository.DB, instansiID, runID, unitID string, biaya int64) {
	t.Helper()
	if err := db.Exec(context.Background(), `INSERT INTO perhitungan_tpp_pagu (perhitungan_tpp_id, instansi_id, unit_kerja_id, biaya)
		VALUES (?,?,?,?)`, runID, instansiID, unitID, biaya); err != nil {
		t.Fatal(err)
	}
}

func TestPaguTPP(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := iznLogin(s, w)
		a := w.A

		// a year never saved: warning mode, version 0, no lines
		p, tag := pguGet(t, s, tk.keuangan, 2026)
		if p.Mode != "PERINGATAN" || p.Version != 0 || len(p.Unit) != 0 || tag != `W/"0"` || p.Total.Jumlah != 0 {
			t.Fatalf("unsaved %+v %s", p, tag)
		}

		// the first save expects version 0; a unit below another with a line is fine
		r := pguPut(s, tk.keuangan, 2026, `W/"0"`, "BLOKIR", a.OPD1.ID, 10_000_000, a.Sub1.ID, 3_000_000, a.OPD2.ID, 5_000_000).Expect(t, 200)
		r.JSON(t, &p)
		if p.Version != 1 || r.Header.Get("ETag") != `W/"1"` || p.Mode != "BLOKIR" || len(p.Unit) != 3 || p.Total.Jumlah != 18_000_000 {
			t.Fatalf("saved %+v", p)
		}
		orgAudited(t, s, a.Instansi.ID, "pagu_tpp", "CREATE", "2026")
		pguPut(s, tk.admin, 2026, `W/"0"`, "PERINGATAN").Expect(t, 412)

		// units of another instansi and repeated units are named, nothing changes
		pr := pguPut(s, tk.admin, 2026, `W/"1"`, "PERINGATAN", a.OPD1.ID, 1, w.B.OPD1.ID, 2, a.OPD1.ID, 3).Expect(t, 422).Problem(t)
		if !pr.HasField("unit/1/unit_kerja_id") || !pr.HasField("unit/2/unit_kerja_id") || pr.HasField("unit/0/unit_kerja_id") {
			t.Fatalf("bad units %+v", pr)
		}
		if p, _ = pguGet(t, s, tk.admin, 2026); p.Version != 1 || p.Mode != "BLOKIR" || len(p.Unit) != 3 {
			t.Fatalf("after refusal %+v", p)
		}

		// approved runs of the year count; others do not
		v := atpCreate(t, s, tk.admin, atpBody("Perbup", "2026-01-01", "preset", "KEPMENDAGRI_60_40"))
		inst := a.Instansi.ID
		jan := atpRun(t, db, inst, v.ID, 2026, 1, "DIHITUNG")
		pguBiaya(t, db, inst, jan, a.Sub1.ID, 2_500_000)
		pguBiaya(t, db, inst, jan, a.OPD1.ID, 1_000_000)
		atpSetStatus(t, db, jan, "DISETUJUI")
		feb := atpRun(t, db, inst, v.ID, 2026, 2, "DIHITUNG")
		pguBiaya(t, db, inst, feb, a.Sub1.ID, 700_000)
		atpSetStatus(t, db, feb, "DISETUJUI")
		draft := atpRun(t, db, inst, v.ID, 2026, 3, "DIHITUNG")
		pguBiaya(t, db, inst, draft, a.Sub1.ID, 9_999_999)
		lalu := atpRun(t, db, inst, v.ID, 2025, 12, "DIHITUNG")
		pguBiaya(t, db, inst, lalu, a.OPD1.ID, 8_888_888)
		atpSetStatus(t, db, lalu, "DISETUJUI")

		p, _ = pguGet(t, s, tk.audit, 2026)
		want := map[string][3]int64{a.OPD1.ID: {10_000_000, 1_000_000, 9_000_000}, a.Sub1.ID: {3_000_000, 3_200_000, -200_000},
			a.OPD2.ID: {5_000_000, 0, 5_000_000}}
		for _, u := range p.Unit {
			if got := [3]int64{u.Jumlah, u.Terpakai, u.Sisa}; got != want[u.UnitKerjaID] {
				t.Fatalf("unit %s: %v, want %v", u.UnitKerjaNama, got, want[u.UnitKerjaID])
			}
		}
		if p.Unit[0].UnitKerjaID != a.OPD1.ID || p.Total.Terpakai != 4_200_000 || p.Total.Sisa != 13_800_000 {
			t.Fatalf("totals %+v", p)
		}

		// ADMIN_UNIT of OPD1 sees its subtree's lines only
		p, _ = pguGet(t, s, tk.adminUnit, 2026)
		if len(p.Unit) != 2 || p.Total.Jumlah != 13_000_000 || p.Total.Terpakai != 4_200_000 {
			t.Fatalf("admin unit %+v", p)
		}

		// a replacement drops lines and bumps the version
		r = pguPut(s, tk.admin, 2026, `W/"1"`, "PERINGATAN", a.Sub1.ID, 4_000_000).Expect(t, 200)
		r.JSON(t, &p)
		if p.Version != 2 || p.Mode != "PERINGATAN" || len(p.Unit) != 1 || p.Unit[0].Terpakai != 3_200_000 || p.Unit[0].Sisa != 800_000 {
			t.Fatalf("replaced %+v", p)
		}
		orgAudited(t, s, inst, "pagu_tpp", "UPDATE", "2026")

		// who: pegawai reads nothing, AUDITOR and ADMIN_UNIT do not write, B has its own year
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pagu-tpp/2026", Token: tk.staf}).Expect(t, 403)
		pguPut(s, tk.audit, 2026, "", "PERINGATAN").Expect(t, 403)
		pguPut(s, tk.adminUnit, 2026, "", "PERINGATAN").Expect(t, 403)
		if p, _ = pguGet(t, s, tk.adminB, 2026); p.Version != 0 || len(p.Unit) != 0 {
			t.Fatalf("B sees A's budget: %+v", p)
		}
	})
}
