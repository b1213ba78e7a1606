// Package repotest gives each test a fresh, migrated database: on PostgreSQL when
// TEST_DATABASE_URL is set (a copy of a migrated template database, so it is cheap),
// and on SQLite always. Without PostgreSQL the PostgreSQL half is skipped with a
// clear message, except when CI is set: then it fails.
package repotest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver for the admin connection

	"github.com/kinerja-id/kinerja/repository"
)

// Dialects are the engines every storage-touching test runs on.
var Dialects = []repository.Dialect{repository.SQLite, repository.Postgres}

// ForEach runs fn once per engine as a subtest with a fresh database.
func ForEach(t *testing.T, fn func(t *testing.T, db *repository.DB)) {
	t.Helper()
	for _, d := range Dialects {
		t.Run(string(d), func(t *testing.T) {
			fn(t, New(t, d))
		})
	}
}

// New returns a fresh migrated database of the given engine, closed and dropped
// when the test ends.
func New(t testing.TB, d repository.Dialect) *repository.DB {
	t.Helper()
	db, _ := NewWithURL(t, d)
	return db
}

// NewWithURL is New that also returns the database's URL, for benchmarks that
// measure a plain COPY beside the code under test.
func NewWithURL(t testing.TB, d repository.Dialect) (*repository.DB, string) {
	t.Helper()
	ctx := context.Background()
	var dsn string
	switch d {
	case repository.SQLite:
		dsn = "sqlite:" + filepath.Join(t.TempDir(), "kinerja.db")
	case repository.Postgres:
		dsn = postgresDB(t)
	}
	db, err := repository.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("open %s: %v", d, err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if d == repository.SQLite {
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatalf("migrate sqlite: %v", err)
		}
	}
	return db, dsn
}

var (
	tmplOnce sync.Once
	tmplName string
	tmplErr  error
	seq      atomic.Int64
)

func adminURL(t testing.TB) string {
	u := os.Getenv("TEST_DATABASE_URL")
	if u == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("TEST_DATABASE_URL is not set but CI is: PostgreSQL tests must run in CI (use scripts/test.sh)")
		}
		t.Skip("PostgreSQL tests skipped: TEST_DATABASE_URL is not set (scripts/test.sh starts a throwaway cluster when PostgreSQL is installed)")
	}
	return u
}

// withDB returns the URL with its database name replaced.
func withDB(raw, name string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Path = "/" + name
	return u.String()
}

// postgresDB creates a database from the migrated template and drops it at cleanup.
func postgresDB(t testing.TB) string {
	t.Helper()
	admin := adminURL(t)
	tmplOnce.Do(func() { tmplName, tmplErr = ensureTemplate(admin) })
	if tmplErr != nil {
		t.Fatalf("postgres template: %v", tmplErr)
	}
	conn, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatalf("connect postgres: %v", err)
	}
	defer func() { _ = conn.Close() }()
	name := fmt.Sprintf("kt_%d_%d", os.Getpid(), seq.Add(1))
	if _, err := conn.ExecContext(t.Context(), fmt.Sprintf(`CREATE DATABASE %s TEMPLATE %s`, name, tmplName)); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		c, err := sql.Open("pgx", admin)
		if err != nil {
			return
		}
		defer func() { _ = c.Close() }()
		// t.Context() is already cancelled when cleanups run.
		_, _ = c.ExecContext(context.Background(), fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name))
	})
	return withDB(admin, name)
}

// ensureTemplate makes (once per schema version, shared by all test processes) a
// migrated database to copy. Its name carries a hash of the migrations.
func ensureTemplate(admin string) (string, error) {
	name := "kt_tmpl_" + repository.SchemaHash()
	conn, err := sql.Open("pgx", admin)
	if err != nil {
		return "", err
	}
	defer func() { _ = conn.Close() }()
	ctx := context.Background()
	c, err := conn.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer func() { _ = c.Close() }()
	if _, err := c.ExecContext(ctx, `SELECT pg_advisory_lock(7246102)`); err != nil {
		return "", err
	}
	defer func() { _, _ = c.ExecContext(ctx, `SELECT pg_advisory_unlock(7246102)`) }()
	var exists bool
	if err := c.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return "", err
	}
	if exists {
		return name, nil
	}
	building := name + "_b"
	if _, err := c.ExecContext(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, building)); err != nil {
		return "", err
	}
	if _, err := c.ExecContext(ctx, fmt.Sprintf(`CREATE DATABASE %s`, building)); err != nil {
		return "", err
	}
	db, err := repository.Open(ctx, withDB(admin, building))
	if err != nil {
		return "", err
	}
	if _, err := db.Migrate(ctx); err != nil {
		_ = db.Close()
		return "", err
	}
	_ = db.Close()
	if _, err := c.ExecContext(ctx, fmt.Sprintf(`ALTER DATABASE %s RENAME TO %s`, building, name)); err != nil {
		return "", err
	}
	return name, nil
}
