package main

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/demo"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// TestDemoTPP runs the demo pemda's last full month of TPP end to end through the
// API: the admin starts the run, finance reviews and approves it, a deduction found
// later is paid back by a correction, and the files for finance and the bank come out.
func TestDemoTPP(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		ctx := context.Background()
		now := time.Date(2026, 11, 23, 3, 0, 0, 0, time.UTC)
		if err := seedDemoAt(ctx, db, slog.New(slog.NewJSONHandler(io.Discard, nil)), io.Discard, now); err != nil {
			t.Fatalf("seed: %v", err)
		}
		srv := apptest.New(t, db)
		admin, keu := srv.Login("admin", demo.Password), srv.Login("keuangan", demo.Password)
		start := time.Now()
		var run struct {
			ID      string
			Status  string
			Total   map[string]int64
			Anomali []struct {
				Kode   string
				Jumlah int
			}
			Pagu []struct {
				UnitKerjaNama string `json:"unit_kerja_nama"`
				Pagu          *int64
				Biaya         int64
			}
		}
		srv.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp", Token: admin,
			Body: map[string]any{"tahun": 2026, "bulan": 10}}).Expect(t, 201).JSON(t, &run)
		t.Logf("October run in %v: %d pegawai, neto %d, anomalies %+v", time.Since(start).Round(time.Millisecond),
			run.Total["jumlah_pegawai"], run.Total["neto"], run.Anomali)
		if run.Status != "DIHITUNG" || run.Total["jumlah_pegawai"] < 200 || run.Total["neto"] <= 0 || len(run.Pagu) != 5 {
			t.Fatalf("run %+v", run)
		}
		for _, p := range run.Pagu {
			if p.Pagu == nil || p.Biaya <= 0 || p.Biaya > *p.Pagu {
				t.Errorf("budget %+v", p)
			}
		}
		var lines struct {
			Total int
			Items []struct {
				NIP  string
				Neto int64
			}
		}
		srv.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/baris?page_size=5", Token: keu}).Expect(t, 200).JSON(t, &lines)
		srv.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/setujui", Token: keu}).Expect(t, 200)

		// a deduction found after approval: the correction recovers it
		nip := lines.Items[0].NIP
		srv.Do(apptest.Req{Method: "PUT", Path: "/api/v1/masukan-tpp/2026/10", Token: keu, Body: map[string]any{
			"items": []map[string]any{{"nip": nip, "potongan_lain": []map[string]any{{"kode": "TGR", "nama": "Tuntutan ganti rugi", "jumlah": 100000}}}}}}).Expect(t, 200)
		var kor struct{ ID string }
		srv.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp", Token: admin,
			Body: map[string]any{"tahun": 2026, "bulan": 10, "jenis": "KOREKSI", "perhitungan_asal_id": run.ID}}).Expect(t, 201).JSON(t, &kor)
		srv.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + kor.ID + "/setujui", Token: keu}).Expect(t, 200)
		me := srv.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + nip + "/tpp/2026-10", Token: srv.Login(nip, demo.Password)}).Expect(t, 200).Map(t)
		if me["sumber"] != "DISETUJUI" || len(me["koreksi"].([]any)) != 1 {
			t.Fatalf("employee view %v", me)
		}
		t.Logf("what %s reads: %v", nip, me["ringkasan"])

		x := srv.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/ekspor?format=XLSX", Token: keu}).Expect(t, 200)
		if len(x.Body) < 10_000 {
			t.Fatalf("xlsx %d bytes", len(x.Body))
		}
		// the review flagged pegawai without an account: no bank file until they have one
		p := srv.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/ekspor?format=BANK", Token: keu}).Expect(t, 409).Problem(t)
		if p.Code != "rekening_kosong" || !strings.Contains(p.Detail, "pegawai") {
			t.Fatalf("bank file: %+v", p)
		}
	})
}
