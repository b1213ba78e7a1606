package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// TestMetrics: /metrics shows the requests, the process and the connection pools, so
// that an operator sees waits for connections and connections closed after use (the
// churn that once made every query under load open a new PostgreSQL backend).
func TestMetrics(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		s.Do(apptest.Req{Method: "GET", Path: "/healthz"}).Expect(t, http.StatusOK)
		body := string(s.Do(apptest.Req{Method: "GET", Path: "/metrics", NoSpecCheck: true}).Expect(t, http.StatusOK).Body)
		for _, m := range []string{"go_sql_max_idle_closed_total", "go_sql_wait_count_total", "go_sql_open_connections",
			"process_resident_memory_bytes", "go_goroutines"} {
			if !strings.Contains(body, m) {
				t.Errorf("/metrics lacks %s", m)
			}
		}
		// each pool under its name: on PostgreSQL also the generic-plan one
		pools := []string{string(db.Dialect())}
		if db.Dialect() == repository.Postgres {
			pools = append(pools, "postgres_generik")
		}
		for _, name := range pools {
			if m := `go_sql_wait_count_total{db_name="` + name + `"}`; !strings.Contains(body, m) {
				t.Errorf("/metrics lacks %s", m)
			}
		}
	})
}
