package api_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// TestIdempotencyKey: a creating POST with an Idempotency-Key creates once. A retry
// gets the first response, marked as replayed; the same key with another body is
// 422; many retries at once make one record; another caller's same key is theirs;
// a refused request claims nothing.
func TestIdempotencyKey(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		staf, rekan := s.Login(w.A.Staf.NIP, apptest.Password), s.Login(w.A.Rekan.NIP, apptest.Password)
		post := func(tok, key string, body map[string]any) *apptest.Response {
			return s.Do(apptest.Req{Method: "POST", Path: "/api/v1/izin", Token: tok, Body: body,
				Header: map[string]string{"Idempotency-Key": key}})
		}
		body := map[string]any{"jenis": "DINAS_LUAR", "mulai": "2026-12-03", "selesai": "2026-12-04"}
		first := post(staf, "cuti-2026-12-k1", body).Expect(t, 201)
		again := post(staf, "cuti-2026-12-k1", body).Expect(t, 201)
		if string(again.Body) != string(first.Body) || again.Header.Get("Idempotent-Replayed") != "true" {
			t.Fatalf("replay %q %s\nfirst %s", again.Header.Get("Idempotent-Replayed"), again.Body, first.Body)
		}
		if p := post(staf, "cuti-2026-12-k1", map[string]any{"jenis": "DINAS_LUAR", "mulai": "2026-12-07", "selesai": "2026-12-07"}).
			Expect(t, 422).Problem(t); p.Code != "idempotency_mismatch" {
			t.Fatalf("code %s", p.Code)
		}
		// a refused request (overlapping the first) keeps its answer for its key too
		post(staf, "cuti-2026-12-k2", body).Expect(t, 409)
		post(staf, "cuti-2026-12-k2", body).Expect(t, 409)
		// another caller's key of the same name is theirs
		post(rekan, "cuti-2026-12-k1", body).Expect(t, 201)

		// eight retries at once: one record
		reqs := make([]apptest.Req, 8)
		b2 := map[string]any{"jenis": "DINAS_LUAR", "mulai": "2026-12-10", "selesai": "2026-12-11"}
		for i := range reqs {
			reqs[i] = apptest.Req{Method: "POST", Path: "/api/v1/izin", Token: staf, Body: b2,
				Header: map[string]string{"Idempotency-Key": "cuti-2026-12-k3"}}
		}
		for _, st := range concurrently(s, reqs...) {
			if st != 201 && st != 409 {
				t.Fatalf("a retry answered %d", st)
			}
		}
		var pg struct{ Total int }
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/izin?nip=" + w.A.Staf.NIP, Token: staf}).Expect(t, 200).JSON(t, &pg)
		if pg.Total != 2 {
			t.Fatalf("%d documents, want 2", pg.Total)
		}
		// a request the spec refuses claims no key: the corrected retry goes through
		post(staf, "cuti-2026-12-k4", map[string]any{"jenis": "BUKAN", "mulai": "2026-12-15", "selesai": "2026-12-15"}).Expect(t, 400)
		post(staf, "cuti-2026-12-k4", map[string]any{"jenis": "DINAS_LUAR", "mulai": "2026-12-15", "selesai": "2026-12-15"}).Expect(t, 201)
	})
}
