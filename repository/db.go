// Package repository stores Kinerja's data with GORM on PostgreSQL (production) or an
// embedded SQLite file (a newcomer's first run). It owns the row structs, the SQL, the
// migrations and the translation of storage errors into domain errors. Every query on a
// tenant table filters by instansi_id.
package repository

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialect names the database engine behind a DB.
type Dialect string

// Supported engines.
const (
	Postgres Dialect = "postgres"
	SQLite   Dialect = "sqlite"
)

// DB is the storage handle shared by every repository.
type DB struct {
	gorm    *gorm.DB
	dialect Dialect
	ingatan *ingatanDB
	// generic is a second, smaller PostgreSQL pool whose sessions plan every prepared
	// statement once (plan_cache_mode force_generic_plan), for generik; nil on SQLite.
	generic *gorm.DB
}

// Open connects to url: a postgres:// URL, or "sqlite:PATH" / a plain file path for SQLite.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg := &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true,
		NowFunc:                func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
		TranslateError:         false,
	}
	var (
		g       *gorm.DB
		err     error
		dialect Dialect
	)
	switch {
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		dialect = Postgres
		g, err = gorm.Open(postgres.New(postgres.Config{DSN: url}), cfg)
	default:
		dialect = SQLite
		path := strings.TrimPrefix(url, "sqlite:")
		if dir := filepath.Dir(path); dir != "." && dir != "" {
			if err := os.MkdirAll(dir, 0o750); err != nil { //nolint:gosec // G703: the path is the operator's DATABASE_URL, not request input
				return nil, fmt.Errorf("create database directory %s: %w", dir, err)
			}
		}
		dsn := path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
		g, err = gorm.Open(sqlite.Open(dsn), cfg)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", dialect, err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, fmt.Errorf("database handle: %w", err)
	}
	if dialect == SQLite {
		// SQLite has one writer; one connection serialises everything and rules out
		// SQLITE_BUSY from lock upgrades. It is the development engine, not the fast one.
		sqlDB.SetMaxOpenConns(1)
	} else {
		sizePool(sqlDB, poolSize)
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(pingCtx); err != nil {
		_ = sqlDB.Close()
		return nil, fmt.Errorf("ping %s database: %w", dialect, err)
	}
	db := &DB{gorm: g, dialect: dialect, ingatan: newIngatanDB()}
	if dialect == Postgres {
		if db.generic, err = openGeneric(url, cfg); err != nil {
			_ = sqlDB.Close()
			return nil, err
		}
	}
	return db, nil
}

// openGeneric opens the pool for generik: the same database, sessions started with
// plan_cache_mode = force_generic_plan.
func openGeneric(url string, cfg *gorm.Config) (*gorm.DB, error) {
	pc, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("parse database URL: %w", err)
	}
	pc.RuntimeParams["plan_cache_mode"] = "force_generic_plan"
	sqlDB := stdlib.OpenDB(*pc)
	sizePool(sqlDB, genericPoolSize)
	g, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), cfg)
	if err != nil {
		_ = sqlDB.Close()
		return nil, fmt.Errorf("open generic-plan pool: %w", err)
	}
	return g, nil
}

// generik runs fn's reads, on PostgreSQL outside a transaction, on the generic pool,
// whose sessions plan each prepared statement once (plan_cache_mode
// force_generic_plan). By default PostgreSQL plans a prepared statement again on
// every execution while the plan for the actual values looks cheaper than the
// generic one: a rater's list of activities, an eight-table join, then cost about
// 3 ms of planning for 1 ms of work on every call, 12 ms under load. For the whole
// server that setting halved throughput under the load test, but it slowed the
// payroll run's instansi-wide reads ninefold, so it is for the statements that need
// it (docs/reliability.md section 6). A session setting instead of SET LOCAL in a
// transaction spares each call three round trips.
func (db *DB) generik(ctx context.Context, fn func(ctx context.Context) error) error {
	if db.generic == nil {
		return fn(ctx)
	}
	if _, inTx := ctx.Value(txKey{}).(*gorm.DB); inTx {
		return fn(ctx)
	}
	return fn(context.WithValue(ctx, genericKey{}, db.generic))
}

// sizePool keeps as many idle connections as may be open: with fewer, every burst
// above the idle count closes connections on release and opens new ones (a forked
// PostgreSQL backend each), which cost more than the queries under load.
func sizePool(sqlDB *sql.DB, n int) {
	sqlDB.SetMaxOpenConns(n)
	sqlDB.SetMaxIdleConns(n)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
}

// poolSize bounds the PostgreSQL connections of a process's main pool, and
// genericPoolSize those of its generic-plan pool.
const (
	poolSize        = 20
	genericPoolSize = 8
)

// Pools are the connection pools by name, for their statistics: the main one under
// the engine's name and, on PostgreSQL, the generic-plan one (generik) under
// "postgres_generik".
func (db *DB) Pools() (map[string]*sql.DB, error) {
	out := map[string]*sql.DB{}
	for name, g := range map[string]*gorm.DB{string(db.dialect): db.gorm, string(db.dialect) + "_generik": db.generic} {
		if g == nil {
			continue
		}
		sqlDB, err := g.DB()
		if err != nil {
			return nil, err
		}
		out[name] = sqlDB
	}
	return out, nil
}

// Dialect reports the engine.
func (db *DB) Dialect() Dialect { return db.dialect }

// Close releases the connections.
func (db *DB) Close() error {
	var errs []error
	for _, g := range []*gorm.DB{db.gorm, db.generic} {
		if g == nil {
			continue
		}
		sqlDB, err := g.DB()
		if err == nil {
			err = sqlDB.Close()
		}
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Ping checks the database answers (for /readyz).
func (db *DB) Ping(ctx context.Context) error {
	sqlDB, err := db.gorm.DB()
	if err != nil {
		return err
	}
	return sqlDB.PingContext(ctx)
}

type txKey struct{}

// genericKey holds the generic-plan pool in the context of a generik call.
type genericKey struct{}

// InTx runs fn in one transaction; repository calls made with the context fn receives
// join it. A nested call joins the outer transaction.
func (db *DB) InTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return fn(ctx)
	}
	return db.tracked(ctx, func(ctx context.Context) error {
		return db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			return fn(context.WithValue(ctx, txKey{}, tx))
		})
	})
}

// tracked runs a transaction and, if it wrote rows the caches hold, makes them
// forget once it has ended (committed or not).
func (db *DB) tracked(ctx context.Context, tx func(ctx context.Context) error) error {
	st := &txState{}
	err := tx(context.WithValue(ctx, txStateKey{}, st))
	if st.forget {
		db.ingatan.forget()
	}
	return err
}

// conn returns the transaction in ctx, or the pool (the generic-plan one inside
// generik).
func (db *DB) conn(ctx context.Context) *gorm.DB {
	if tx, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return tx
	}
	if g, ok := ctx.Value(genericKey{}).(*gorm.DB); ok {
		return g.WithContext(ctx)
	}
	return db.gorm.WithContext(ctx)
}

// OnStatement calls fn with the text of every SQL statement the DB runs from now on,
// for tests that pin how many queries a request makes (each costs about 0.8 ms of CPU
// under load: docs/reliability.md section 6). Call it before the DB is shared.
func (db *DB) OnStatement(fn func(sql string)) error {
	seen := func(tx *gorm.DB) {
		if tx.Statement.SQL.Len() > 0 && !tx.DryRun { // a subquery is built by a dry run
			fn(tx.Statement.SQL.String())
		}
	}
	var errs []error
	for _, g := range []*gorm.DB{db.gorm, db.generic} {
		if g == nil {
			continue
		}
		cb := g.Callback()
		errs = append(errs,
			cb.Query().After("gorm:query").Register("kinerja:statement", seen),
			cb.Row().After("gorm:row").Register("kinerja:statement", seen),
			cb.Raw().After("gorm:raw").Register("kinerja:statement", seen),
			cb.Create().After("gorm:create").Register("kinerja:statement", seen),
			cb.Update().After("gorm:update").Register("kinerja:statement", seen),
			cb.Delete().After("gorm:delete").Register("kinerja:statement", seen),
		)
	}
	return errors.Join(errs...)
}

// newID returns a UUIDv7: time-ordered, not enumerable, portable.
func newID() string {
	return uuid.Must(uuid.NewV7()).String()
}

func isNoRows(err error) bool { return errors.Is(err, gorm.ErrRecordNotFound) }

// gormDB shortens signatures of query-building helpers.
type gormDB = gorm.DB

// IsEmpty reports whether the database holds no instansi and no account yet.
func (db *DB) IsEmpty(ctx context.Context) (bool, error) {
	var n int64
	if err := db.conn(ctx).Raw(`SELECT (SELECT count(*) FROM instansi) + (SELECT count(*) FROM pengguna)`).Scan(&n).Error; err != nil {
		return false, fmt.Errorf("count rows: %w", err)
	}
	return n == 0, nil
}

// Exec runs a raw statement in the transaction of ctx, if any. It is for seeding
// and test fixtures, never for request handling.
func (db *DB) Exec(ctx context.Context, sql string, args ...any) error {
	err := db.conn(ctx).Exec(sql, args...).Error
	db.changed(ctx)
	return err
}
