package repository_test

import (
	"context"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// TestIdempotensiKedaluwarsa: a claim whose request never finished (its process
// stopped) is taken over after ten minutes, not refused forever; a completed key is
// replayed for a day and then forgotten; another caller's key of the same name is
// theirs.
func TestIdempotensiKedaluwarsa(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		ctx := context.Background()
		t0 := time.Date(2026, 11, 23, 3, 0, 0, 0, time.UTC)
		claim := func(cakupan, kunci, sidik string, at time.Time) (int, bool) {
			t.Helper()
			c, mine, err := db.KlaimIdempotensi(ctx, cakupan, kunci, sidik, at)
			if err != nil {
				t.Fatal(err)
			}
			return c.Status, mine
		}
		if _, mine := claim("a/u1", "k1", "s1", t0); !mine {
			t.Fatal("first claim refused")
		}
		if st, mine := claim("a/u1", "k1", "s1", t0.Add(5*time.Minute)); mine || st != 0 {
			t.Fatalf("a running claim was taken over after 5 minutes (status %d)", st)
		}
		if _, mine := claim("a/u2", "k1", "s1", t0.Add(5*time.Minute)); !mine {
			t.Fatal("another caller's key of the same name was refused")
		}
		if _, mine := claim("a/u1", "k1", "s1", t0.Add(11*time.Minute)); !mine {
			t.Fatal("an abandoned claim was not taken over after 10 minutes")
		}
		if err := db.SelesaiIdempotensi(ctx, "a/u1", "k1", 201, "application/json", []byte(`{}`)); err != nil {
			t.Fatal(err)
		}
		if st, mine := claim("a/u1", "k1", "s1", t0.Add(23*time.Hour)); mine || st != 201 {
			t.Fatalf("a completed key within a day: status %d, claimed %v", st, mine)
		}
		if _, mine := claim("a/u1", "k1", "s2", t0.Add(36*time.Hour)); !mine {
			t.Fatal("a key older than a day was not forgotten")
		}
	})
}
