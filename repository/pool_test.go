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
	pool, err := db.Pool()
	if err != nil {
		t.Fatal(err)
	}
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
