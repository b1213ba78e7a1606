package repository

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/kinerja-id/kinerja/domain"
)

// BenchmarkImporKehadiran measures the PostgreSQL write path of a clock-record import
// (issue: attendance): one month of records for 50,000 pegawai, in and out on 22
// working days (2.2 million rows), through ImporKehadiran in InBulkTx — the path the
// API's import takes once the file is parsed and checked (parsing is measured by
// domain's BenchmarkParseATTLOG) — against a plain COPY of the same rows into a
// scratch table without indexes or constraints, in the same run. It reports rows/s of
// the import and x_copy, the import's time over the plain COPY's; x_copy_kehadiran
// compares it with the same plain COPY straight into an empty kehadiran (its four
// indexes and three foreign keys, no skipping of stored rows). range_rows/s is
// KehadiranRange reading the month back, as the monthly summary does.
//
//	TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable" \
//	  go test ./repository -run '^$' -bench BenchmarkImporKehadiran -benchtime=1x
//
// It needs PostgreSQL (TEST_DATABASE_URL) and is skipped without it. It creates and
// drops its own database.
func BenchmarkImporKehadiran(b *testing.B) {
	const (
		nPegawai = 50_000
		nHari    = 22
	)
	ctx := context.Background()
	db := kehadiranBenchDB(b)
	inst := newID()
	now := time.Now().UTC().Truncate(time.Second)
	if err := db.Exec(ctx, `INSERT INTO instansi (id, nama, kode, jenis, zona_waktu, aktif, version, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?)`, inst, "Pemerintah Kabupaten Uji", "KAB-UJI", "KABUPATEN", "Asia/Makassar", true, 1, now, now); err != nil {
		b.Fatal(err)
	}
	ids := kehadiranBenchPegawai(b, db, inst, nPegawai, now)

	// 22 working days from Monday 3 March 2025 (WITA), a clock-in and a clock-out each,
	// ordered as a machine export is: by day, then by pegawai
	wita, err := time.LoadLocation("Asia/Makassar")
	if err != nil {
		b.Fatal(err)
	}
	rows := make([]domain.RekamanPegawai, 0, nPegawai*nHari*2)
	for d, hari := 0, time.Date(2025, 3, 3, 0, 0, 0, 0, wita); d < nHari; hari = hari.AddDate(0, 0, 1) {
		if wd := hari.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		d++
		for i, id := range ids {
			jitter := time.Duration(i%1800) * time.Second
			rows = append(rows,
				domain.RekamanPegawai{PegawaiID: id, Rekaman: domain.Rekaman{Waktu: hari.Add(7*time.Hour + jitter).UTC(), Jenis: domain.RekamanMasuk}},
				domain.RekamanPegawai{PegawaiID: id, Rekaman: domain.Rekaman{Waktu: hari.Add(16*time.Hour + jitter).UTC(), Jenis: domain.RekamanPulang}})
		}
	}
	batch := domain.ImporRekaman{InstansiID: inst, Sumber: domain.SumberMesin, DicatatOleh: "bench", CreatedAt: now, Rekaman: rows}
	if err := db.Exec(ctx, `CREATE TABLE kehadiran_scratch (LIKE kehadiran INCLUDING DEFAULTS)`); err != nil {
		b.Fatal(err)
	}

	var imporDur, copyDur, tableDur time.Duration
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		if err := db.Exec(ctx, `TRUNCATE kehadiran, kehadiran_scratch`); err != nil {
			b.Fatal(err)
		}
		_ = db.Exec(ctx, `CHECKPOINT`) // start both runs from a clean WAL when allowed
		b.StartTimer()

		// (a) the import
		start := time.Now()
		var added int
		err := db.InBulkTx(ctx, func(ctx context.Context) error {
			var err error
			added, err = db.ImporKehadiran(ctx, batch)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		imporDur += time.Since(start)
		if added != len(rows) {
			b.Fatalf("added %d of %d rows", added, len(rows))
		}

		// (b) a plain COPY of the same rows, ids generated alike, into a table
		// without indexes or constraints
		b.StopTimer()
		_ = db.Exec(ctx, `CHECKPOINT`)
		b.StartTimer()
		start = time.Now()
		if err := kehadiranBenchCopy(ctx, db, "kehadiran_scratch", batch); err != nil {
			b.Fatal(err)
		}
		copyDur += time.Since(start)

		// (c) the same plain COPY straight into an empty kehadiran, with its indexes
		// and foreign keys: the fastest load this schema allows, ignoring conflicts
		b.StopTimer()
		if err := db.Exec(ctx, `TRUNCATE kehadiran`); err != nil {
			b.Fatal(err)
		}
		_ = db.Exec(ctx, `CHECKPOINT`)
		b.StartTimer()
		start = time.Now()
		if err := kehadiranBenchCopy(ctx, db, "kehadiran", batch); err != nil {
			b.Fatal(err)
		}
		tableDur += time.Since(start)
	}
	b.StopTimer()

	// the month read back as the monthly summary reads it
	start := time.Now()
	month, err := db.KehadiranRange(ctx, inst, rows[0].Waktu.Add(-24*time.Hour), rows[len(rows)-1].Waktu.Add(24*time.Hour))
	if err != nil {
		b.Fatal(err)
	}
	rangeDur := time.Since(start)
	if len(month) != nPegawai || len(month[ids[0]]) != 2*nHari {
		b.Fatalf("read back %d pegawai, %d records of the first", len(month), len(month[ids[0]]))
	}

	n := float64(len(rows)) * float64(b.N)
	b.ReportMetric(float64(len(rows))/rangeDur.Seconds(), "range_rows/s")
	b.ReportMetric(n/imporDur.Seconds(), "rows/s")
	b.ReportMetric(n/copyDur.Seconds(), "copy_rows/s")
	b.ReportMetric(imporDur.Seconds()/copyDur.Seconds(), "x_copy")
	b.ReportMetric(imporDur.Seconds()/tableDur.Seconds(), "x_copy_kehadiran")
}

// kehadiranBenchDB creates a migrated database for the benchmark, dropped at the end.
func kehadiranBenchDB(b *testing.B) *DB {
	b.Helper()
	admin := os.Getenv("TEST_DATABASE_URL")
	if admin == "" {
		b.Skip("BenchmarkImporKehadiran needs PostgreSQL: set TEST_DATABASE_URL")
	}
	ctx := context.Background()
	name := fmt.Sprintf("kb_kehadiran_%d", os.Getpid())
	adminDB, err := Open(ctx, admin)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		_ = adminDB.Exec(context.Background(), fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name))
		_ = adminDB.Close()
	})
	if err := adminDB.Exec(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name)); err != nil {
		b.Fatal(err)
	}
	if err := adminDB.Exec(ctx, fmt.Sprintf(`CREATE DATABASE %s`, name)); err != nil {
		b.Fatal(err)
	}
	u, err := url.Parse(admin)
	if err != nil {
		b.Fatal(err)
	}
	u.Path = "/" + name
	db, err := Open(ctx, u.String())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	return db
}

// kehadiranBenchConn runs fn on a pgx connection of db's pool.
func kehadiranBenchConn(ctx context.Context, db *DB, fn func(c *pgx.Conn) error) error {
	sqlDB, err := db.gorm.DB()
	if err != nil {
		return err
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer func(c *sql.Conn) { _ = c.Close() }(conn)
	return withPgx(conn, fn)
}

// kehadiranBenchPegawai COPYs n pegawai into the instansi and returns their ids.
func kehadiranBenchPegawai(b *testing.B, db *DB, inst string, n int, now time.Time) []string {
	b.Helper()
	ids := make([]string, n)
	for i := range ids {
		ids[i] = newID()
	}
	lahir, tmt := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC)
	err := kehadiranBenchConn(context.Background(), db, func(c *pgx.Conn) error {
		_, err := c.CopyFrom(context.Background(), pgx.Identifier{"pegawai"},
			[]string{"id", "instansi_id", "nip", "nama", "jenis_asn", "jenis_kelamin", "tanggal_lahir", "tmt", "created_at", "updated_at"},
			pgx.CopyFromSlice(n, func(i int) ([]any, error) {
				return []any{ids[i], inst, fmt.Sprintf("19900101201503%04d", i), fmt.Sprintf("Pegawai %d", i),
					"PNS", "L", lahir, tmt, now, now}, nil
			}))
		return err
	})
	if err != nil {
		b.Fatalf("copy pegawai: %v", err)
	}
	return ids
}

// kehadiranBenchCopy COPYs the batch as it comes, as full kehadiran rows, into table
// in one transaction.
func kehadiranBenchCopy(ctx context.Context, db *DB, table string, batch domain.ImporRekaman) error {
	return kehadiranBenchConn(ctx, db, func(c *pgx.Conn) error {
		tx, err := c.Begin(ctx)
		if err != nil {
			return err
		}
		defer func() { _ = tx.Rollback(ctx) }()
		inst, err := uuid.Parse(batch.InstansiID)
		if err != nil {
			return err
		}
		pegawai := map[string][16]byte{}
		i := 0
		_, err = tx.CopyFrom(ctx, pgx.Identifier{table},
			[]string{"id", "instansi_id", "pegawai_id", "waktu", "jenis", "sumber", "dikoreksi", "dicatat_oleh", "created_at"},
			pgx.CopyFromFunc(func() ([]any, error) {
				if i == len(batch.Rekaman) {
					return nil, nil
				}
				r := batch.Rekaman[i]
				i++
				pid, ok := pegawai[r.PegawaiID]
				if !ok {
					pid = uuid.MustParse(r.PegawaiID)
					pegawai[r.PegawaiID] = pid
				}
				return []any{[16]byte(uuid.Must(uuid.NewV7())), [16]byte(inst), pid, domain.WaktuRekaman(r.Waktu), string(r.Jenis),
					string(batch.Sumber), false, batch.DicatatOleh, batch.CreatedAt}, nil
			}))
		if err != nil {
			return err
		}
		return tx.Commit(ctx)
	})
}
