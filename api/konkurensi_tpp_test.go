package api_test

import (
	"slices"
	"sync"
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// concurrently sends the requests at once and returns their statuses, sorted.
func concurrently(s *apptest.Server, reqs ...apptest.Req) []int {
	out := make([]int, len(reqs))
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, r := range reqs {
		wg.Go(func() {
			<-start
			out[i] = s.Do(r).Status
		})
	}
	close(start)
	wg.Wait()
	slices.Sort(out)
	return out
}

// TestPerhitunganTPPBersamaan: two approvals of one run at once, one run started by
// many retries with one Idempotency-Key, and two runs approved at once against a
// blocking budget that holds only one of them.
func TestPerhitunganTPPBersamaan(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin, keu := tppSiap(t, s, w)

		var run runTPP
		runPost(s, admin, map[string]any{"tahun": 2026, "bulan": 10, "unit_kerja_id": w.A.OPD1.ID}).Expect(t, 201).JSON(t, &run)
		approve := apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/setujui", Token: keu}
		if got := concurrently(s, approve, approve, approve); !slices.Equal(got, []int{200, 409, 409}) {
			t.Fatalf("three approvals at once: %v", got)
		}

		// retries of one creation with the same key: one run
		reqs := make([]apptest.Req, 8)
		for i := range reqs {
			reqs[i] = apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp", Token: admin,
				Body:   map[string]any{"tahun": 2026, "bulan": 9, "unit_kerja_id": w.A.OPD2.ID},
				Header: map[string]string{"Idempotency-Key": "f3a1c2d4-retry-0001"}}
		}
		for _, st := range concurrently(s, reqs...) {
			if st != 200 && st != 201 && st != 409 {
				t.Fatalf("retry answered %d", st)
			}
		}
		var pg struct{ Total int }
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp?bulan=9", Token: keu}).Expect(t, 200).JSON(t, &pg)
		if pg.Total != 1 {
			t.Fatalf("%d runs for September after retries", pg.Total)
		}
		// the same key with another body is refused
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp", Token: admin,
			Body:   map[string]any{"tahun": 2026, "bulan": 8, "unit_kerja_id": w.A.OPD2.ID},
			Header: map[string]string{"Idempotency-Key": "f3a1c2d4-retry-0001"}}).Expect(t, 422)

		// two months of OPD2 against a blocking budget that holds one: one approval passes
		var list struct{ Items []runTPP }
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp?bulan=9", Token: keu}).Expect(t, 200).JSON(t, &list)
		sep := list.Items[0]
		var agu runTPP
		runPost(s, admin, map[string]any{"tahun": 2026, "bulan": 7, "unit_kerja_id": w.A.OPD2.ID}).Expect(t, 201).JSON(t, &agu)
		biaya := int64(sep.Total["biaya"].(float64))
		if b2 := int64(agu.Total["biaya"].(float64)); b2 > biaya {
			biaya = b2
		}
		s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/pagu-tpp/2026", Token: keu, Body: map[string]any{
			"mode": "BLOKIR", "unit": []map[string]any{{"unit_kerja_id": w.A.OPD2.ID, "jumlah": biaya + biaya/2}}}}).Expect(t, 200)
		got := concurrently(s,
			apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + sep.ID + "/setujui", Token: keu},
			apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + agu.ID + "/setujui", Token: keu})
		if !slices.Equal(got, []int{200, 422}) {
			t.Fatalf("two approvals against one budget: %v", got)
		}
		p := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pagu-tpp/2026", Token: keu}).Expect(t, 200).Map(t)
		tot := p["total"].(map[string]any)
		if tot["terpakai"].(float64) > tot["jumlah"].(float64) {
			t.Fatalf("budget exceeded: %v", tot)
		}
	})
}
