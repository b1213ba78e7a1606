package repository

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Migrations are numbered SQL files applied forward-only, each in its own transaction,
// recorded in schema_migrations. NNNN_name.sql runs on both engines and is written in
// PostgreSQL's type names; for SQLite, uuid becomes text, timestamptz datetime and
// jsonb text, bytea blob. NNNN_name.postgres.sql and NNNN_name.sqlite.sql run on one engine only
// (triggers, functions). Never edit a file once it has been applied anywhere.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

var sqliteTypes = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`(?i)\btimestamptz\b`), "datetime"},
	{regexp.MustCompile(`(?i)\buuid\b`), "text"},
	{regexp.MustCompile(`(?i)\bjsonb\b`), "text"},
	{regexp.MustCompile(`(?i)\bbytea\b`), "blob"},
}

func (db *DB) migrations() ([]migration, error) {
	entries, err := migrationFS.ReadDir("migrations")
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var out []migration
	for _, e := range entries {
		name := e.Name()
		base := strings.TrimSuffix(name, ".sql")
		switch {
		case strings.HasSuffix(base, ".postgres"):
			if db.dialect != Postgres {
				continue
			}
		case strings.HasSuffix(base, ".sqlite"):
			if db.dialect != SQLite {
				continue
			}
		}
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and _", name)
		}
		body, err := migrationFS.ReadFile("migrations/" + name)
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", name, err)
		}
		sql := string(body)
		if db.dialect == SQLite {
			for _, t := range sqliteTypes {
				sql = t.re.ReplaceAllString(sql, t.repl)
			}
		}
		out = append(out, migration{version: v, name: name, sql: sql})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].version != out[j].version {
			return out[i].version < out[j].version
		}
		return out[i].name < out[j].name
	})
	return out, nil
}

// Migrate applies every migration not yet applied and returns their names. On
// PostgreSQL an advisory lock keeps two starting instances from racing.
func (db *DB) Migrate(ctx context.Context) ([]string, error) {
	ms, err := db.migrations()
	if err != nil {
		return nil, err
	}
	g := db.gorm.WithContext(ctx)
	if err := g.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		name text PRIMARY KEY,
		applied_at timestamptz NOT NULL)`).Error; err != nil {
		return nil, fmt.Errorf("create schema_migrations: %w", err)
	}
	var applied []string
	err = db.InTx(ctx, func(ctx context.Context) error {
		tx := db.conn(ctx)
		if db.dialect == Postgres {
			if err := tx.Exec(`SELECT pg_advisory_xact_lock(7246101)`).Error; err != nil {
				return fmt.Errorf("migration lock: %w", err)
			}
		}
		var done []string
		if err := tx.Raw(`SELECT name FROM schema_migrations`).Scan(&done).Error; err != nil {
			return fmt.Errorf("read schema_migrations: %w", err)
		}
		seen := map[string]bool{}
		for _, d := range done {
			seen[d] = true
		}
		for _, m := range ms {
			if seen[m.name] {
				continue
			}
			// Both drivers run a multi-statement script when it has no arguments.
			if err := tx.Exec(m.sql).Error; err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if err := tx.Exec(`INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)`,
				m.name, time.Now().UTC()).Error; err != nil {
				return fmt.Errorf("record migration %s: %w", m.name, err)
			}
			applied = append(applied, m.name)
		}
		return nil
	})
	return applied, err
}

// SchemaHash identifies the set of migrations compiled in (tests key cached template
// databases on it).
func SchemaHash() string {
	h := sha256.New()
	entries, _ := migrationFS.ReadDir("migrations")
	for _, e := range entries {
		b, _ := migrationFS.ReadFile("migrations/" + e.Name())
		h.Write([]byte(e.Name()))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
