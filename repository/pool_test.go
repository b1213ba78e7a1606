package repository_test

import (
	"context"
	"sync"
	"testing"

	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// TestPoolTetap: bursts of concurrent queries reuse the pool's connections instead
// of closing the ones above an idle limit on release and opening new ones (a forked
// backend each on PostgreSQL). With 10 idle of 20 open, this churn made a one-query
// endpoint 2.3 times slower under load (docs/reliability.md).
func TestPoolTetap(t *testing.T) {
	db := repotest.New(t, repository.Postgres)
	pools, err := db.Pools()
	if err != nil {
		t.Fatal(err)
	}
	pool := pools["postgres"]
	ctx := context.Background()
	for range 3 {
		var wg sync.WaitGroup
		for range 20 {
			wg.Go(func() {
				if err := db.Exec(ctx, "SELECT pg_sleep(0.05)"); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
	}
	st := pool.Stats()
	if st.MaxIdleClosed != 0 || st.OpenConnections > 20 {
		t.Fatalf("connections closed after use: %d (open %d, idle %d)", st.MaxIdleClosed, st.OpenConnections, st.Idle)
	}
}

// TestGenerikRencanaUmum: the reads generik runs (a rater's activity list) go to
// sessions that plan each prepared statement once, without a transaction around
// them, and every other read keeps PostgreSQL's default (the payroll's instansi-wide
// reads were nine times slower on generic plans).
func TestGenerikRencanaUmum(t *testing.T) {
	db := repotest.New(t, repository.Postgres)
	ctx := context.Background()
	for _, c := range []struct {
		generik bool
		want    string
	}{{true, "force_generic_plan"}, {false, "auto"}, {true, "force_generic_plan"}} {
		got, err := db.PlanCacheMode(ctx, c.generik)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("generik %v: plan_cache_mode %q, want %q", c.generik, got, c.want)
		}
	}
	var inTx string
	if err := db.InTx(ctx, func(ctx context.Context) error {
		var err error
		inTx, err = db.PlanCacheMode(ctx, true)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if inTx != "auto" {
		t.Errorf("generik inside a transaction: plan_cache_mode %q, want the transaction's own (auto)", inTx)
	}
}
