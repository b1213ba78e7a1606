package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/demo"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// TestSeedDemo loads the demo pemda on both engines and reads its year of performance
// management back through the API as the demo admin.
func TestSeedDemo(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		ctx := context.Background()
		now := time.Date(2026, 11, 23, 3, 0, 0, 0, time.UTC) // 11:00 WITA
		log := slog.New(slog.NewJSONHandler(io.Discard, nil))
		start := time.Now()
		if err := seedDemoAt(ctx, db, log, io.Discard, now); err != nil {
			t.Fatalf("seed: %v", err)
		}
		t.Logf("seeded in %v", time.Since(start).Round(time.Millisecond))
		srv := apptest.New(t, db)
		tok := srv.Login("admin", demo.Password)
		get := func(path string, v any) {
			t.Helper()
			srv.Do(apptest.Req{Method: "GET", Path: path, Token: tok}).Expect(t, http.StatusOK).JSON(t, v)
		}

		// The distribution of every OPD for September: counted, with an organisation
		// predikat, and within the curve.
		var opd struct {
			Items []struct{ ID, Kode string }
		}
		get("/api/v1/unit-kerja?root=true&page_size=100", &opd)
		if len(opd.Items) != 5 {
			t.Fatalf("%d OPD", len(opd.Items))
		}
		for _, u := range opd.Items {
			var d struct {
				Jumlah        int                      `json:"jumlah"`
				TanpaPredikat int                      `json:"tanpa_predikat"`
				Organisasi    *string                  `json:"predikat_organisasi"`
				Sebaran       map[string]int           `json:"sebaran"`
				Pelanggaran   []struct{ Pesan string } `json:"pelanggaran"`
				Valid         bool                     `json:"valid"`
			}
			get(apptest.Path("/api/v1/distribusi-predikat?unit_kerja_id=%s&tahun=2026&jenis=PERIODIK&periode=9", u.ID), &d)
			sum := 0
			for _, n := range d.Sebaran {
				sum += n
			}
			t.Logf("%s September: %v organisasi %v", u.Kode, d.Sebaran, deref(d.Organisasi))
			if d.Jumlah < 15 || sum != d.Jumlah || d.TanpaPredikat != 0 || d.Organisasi == nil || d.Sebaran["BAIK"] == 0 {
				t.Errorf("%s: distribution %+v", u.Kode, d)
			}
			if !d.Valid {
				t.Errorf("%s breaks the curve: %+v", u.Kode, d.Pelanggaran)
			}
		}

		// The Sekda's plan (the only one without a rater, so still submitted) cascades
		// down the whole chart.
		var sk struct {
			Items []struct{ ID, NIP string }
			Total int
		}
		get("/api/v1/skp?tahun=2026&status=DIAJUKAN", &sk)
		if len(sk.Items) != 1 {
			t.Fatalf("%d submitted SKP, want the Sekda's", len(sk.Items))
		}
		type node struct {
			Uraian  string `json:"uraian"`
			Nama    string `json:"nama"`
			Turunan []node `json:"turunan"`
		}
		var kaskade struct {
			Items []node `json:"items"`
		}
		get(apptest.Path("/api/v1/skp/%s/kaskade", sk.Items[0].ID), &kaskade)
		var depth func(n node) int
		depth = func(n node) int {
			d := 0
			for _, c := range n.Turunan {
				d = max(d, depth(c))
			}
			return d + 1
		}
		count := func(ns []node) int {
			var f func(ns []node) int
			f = func(ns []node) int {
				c := len(ns)
				for _, n := range ns {
					c += f(n.Turunan)
				}
				return c
			}
			return f(ns)
		}
		deepest := 0
		for _, n := range kaskade.Items {
			deepest = max(deepest, depth(n))
		}
		t.Logf("cascade from the Sekda: %d RHK, %d levels", count(kaskade.Items), deepest)
		if len(kaskade.Items) < 2 || deepest < 5 {
			t.Errorf("cascade of %d RHK, %d levels deep", len(kaskade.Items), deepest)
		}

		// An approved plan keeps its revision; evaluations and activity logs read back
		// within the spec.
		get("/api/v1/skp?tahun=2026&status=DISETUJUI&page_size=1", &sk)
		if sk.Total < 200 {
			t.Errorf("%d approved SKP", sk.Total)
		}
		var rev struct {
			Items []struct {
				Revisi int `json:"revisi"`
				RHK    []struct {
					Uraian string `json:"uraian"`
				} `json:"rhk"`
			}
		}
		get(apptest.Path("/api/v1/skp/%s/revisi", sk.Items[0].ID), &rev)
		if len(rev.Items) != 1 || rev.Items[0].Revisi != 1 || len(rev.Items[0].RHK) < 2 {
			t.Errorf("revisions %+v", rev)
		}
		var pen struct {
			Items []struct {
				ID       string `json:"id"`
				Predikat string `json:"predikat"`
			}
			Total int
		}
		get("/api/v1/penilaian?tahun=2026&jenis=PERIODIK&periode=9&status=FINAL&page_size=5", &pen)
		if pen.Total < 190 || len(pen.Items) == 0 {
			t.Fatalf("%d final evaluations for September", pen.Total)
		}
		var one map[string]any
		get(apptest.Path("/api/v1/penilaian/%s", pen.Items[0].ID), &one)
		if one["predikat"] == nil || one["capaian"] == nil {
			t.Errorf("evaluation %v", one)
		}
		get("/api/v1/penilaian?tahun=2026&jenis=PERIODIK&periode=10&status=DRAFT&page_size=1", &pen)
		if pen.Total == 0 {
			t.Error("no October evaluation in progress")
		}
		var keg struct {
			Items []map[string]any
			Total int
		}
		get("/api/v1/kegiatan?dari=2026-11-16&sampai=2026-11-22&status=DIAJUKAN&page_size=20", &keg)
		if keg.Total == 0 {
			t.Error("no activity waiting for its rater in the latest week")
		}
	})
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
