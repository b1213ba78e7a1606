package repository_test

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// khdFixture inserts an instansi with n pegawai and returns their ids.
func khdFixture(t *testing.T, db *repository.DB, n int) (string, []string) {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	inst := uuid.Must(uuid.NewV7()).String()
	if err := db.Exec(ctx, `INSERT INTO instansi (id, nama, kode, jenis, zona_waktu, aktif, version, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?)`, inst, "Kota Uji", "KOTA-UJI", "KOTA", "Asia/Makassar", true, 1, now, now); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = uuid.Must(uuid.NewV7()).String()
		if err := db.Exec(ctx, `INSERT INTO pegawai (id, instansi_id, nip, nama, jenis_asn, jenis_kelamin, tanggal_lahir, tmt,
			version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`, ids[i], inst, "19900101201503100"+string(rune('1'+i)),
			"Pegawai", "PNS", "L", "1990-01-01", "2015-03-01", 1, now, now); err != nil {
			t.Fatal(err)
		}
	}
	return inst, ids
}

func khdImpor(t *testing.T, db *repository.DB, b domain.ImporRekaman) int {
	t.Helper()
	var n int
	err := db.InBulkTx(context.Background(), func(ctx context.Context) error {
		var err error
		n, err = db.ImporKehadiran(ctx, b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImporKehadiran(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		ctx := context.Background()
		inst, p := khdFixture(t, db, 2)
		at := func(d, h, m int) time.Time { return time.Date(2025, 3, d, h, m, 0, 0, time.UTC) }
		// a corrected record does not count: a new one may take its second
		corrected := domain.Kehadiran{InstansiID: inst, PegawaiID: p[0], Waktu: at(3, 8, 0), Sumber: domain.SumberMesin,
			Dikoreksi: true, CreatedAt: at(4, 0, 0)}
		if _, err := db.AddKehadiran(ctx, corrected); err != nil {
			t.Fatal(err)
		}
		stored := domain.Kehadiran{InstansiID: inst, PegawaiID: p[1], Waktu: at(3, 8, 0), Sumber: domain.SumberMobile,
			Jenis: domain.RekamanMasuk, CreatedAt: at(4, 0, 0)}
		if _, err := db.AddKehadiran(ctx, stored); err != nil {
			t.Fatal(err)
		}
		rec := func(i int, w time.Time, j domain.JenisRekaman) domain.RekamanPegawai {
			return domain.RekamanPegawai{PegawaiID: p[i], Rekaman: domain.Rekaman{Waktu: w, Jenis: j}}
		}
		b := domain.ImporRekaman{InstansiID: inst, Sumber: domain.SumberMesin, DicatatOleh: "uji", CreatedAt: at(5, 0, 0),
			Rekaman: []domain.RekamanPegawai{
				rec(0, at(3, 16, 0), domain.RekamanPulang),
				rec(1, at(3, 8, 0), ""),                                            // stored already
				rec(0, at(3, 8, 0).Add(300*time.Millisecond), domain.RekamanMasuk), // the corrected second, fractions dropped
				rec(1, at(3, 16, 5), ""),
				rec(0, at(3, 16, 0), domain.RekamanPulang), // repeated in the batch
			}}
		if n := khdImpor(t, db, b); n != 3 {
			t.Fatalf("added %d, want 3", n)
		}
		if n := khdImpor(t, db, b); n != 0 {
			t.Fatalf("again: added %d", n)
		}
		got, err := db.KehadiranRange(ctx, inst, at(3, 0, 0), at(4, 0, 0))
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]domain.Rekaman{
			p[0]: {{Waktu: at(3, 8, 0), Jenis: domain.RekamanMasuk}, {Waktu: at(3, 16, 0), Jenis: domain.RekamanPulang}},
			p[1]: {{Waktu: at(3, 8, 0), Jenis: domain.RekamanMasuk}, {Waktu: at(3, 16, 5)}},
		}
		if len(got) != 2 {
			t.Fatalf("range %v", got)
		}
		for id, w := range want {
			if len(got[id]) != len(w) {
				t.Fatalf("%s: %v, want %v", id, got[id], w)
			}
			for i := range w {
				if !got[id][i].Waktu.Equal(w[i].Waktu) || got[id][i].Jenis != w[i].Jenis {
					t.Errorf("%s[%d]: %v, want %v", id, i, got[id][i], w[i])
				}
			}
		}
		// the range is half-open
		if got, err := db.KehadiranRange(ctx, inst, at(3, 8, 0), at(3, 16, 0)); err != nil || len(got[p[0]]) != 1 || len(got[p[1]]) != 1 {
			t.Errorf("half-open range %v %v", got, err)
		}
	})
}

// TestKehadiranRangeJalur checks that every way of reading a month of clock records
// gives the same records: outside a transaction and inside InBulkTx PostgreSQL's
// binary rows are decoded by hand, inside InTx they go through database/sql. With
// sub-second and pre-2000 instants, records without a side, out-of-order writes and
// both pegawai filters (a short list, and a range for long ones).
func TestKehadiranRangeJalur(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		ctx := context.Background()
		inst, p := khdFixture(t, db, 3)
		base := time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC)
		var recs []domain.RekamanPegawai
		for i := 20; i >= 0; i-- { // newest first, so each pegawai's list must be sorted
			w := base.Add(time.Duration(i)*7*time.Hour + time.Duration(i)*1234567*time.Microsecond)
			j := []domain.JenisRekaman{domain.RekamanMasuk, domain.RekamanPulang, ""}[i%3]
			recs = append(recs, domain.RekamanPegawai{PegawaiID: p[i%3], Rekaman: domain.Rekaman{Waktu: w, Jenis: j}})
		}
		khdImpor(t, db, domain.ImporRekaman{InstansiID: inst, Sumber: domain.SumberMesin, DicatatOleh: "uji",
			CreatedAt: base, Rekaman: recs})
		from, to := base.Add(-time.Hour), base.Add(200*time.Hour)
		long := append([]string{p[0], p[2]}, make([]string, 70)...) // over 64 ids: read as a range
		for i := 2; i < len(long); i++ {
			long[i] = p[0]
		}
		for _, filter := range [][]string{nil, {p[0], p[2]}, long} {
			pool, err := db.KehadiranRange(ctx, inst, from, to, filter...)
			if err != nil {
				t.Fatal(err)
			}
			var tx, bulk map[string][]domain.Rekaman
			if err := db.InTx(ctx, func(ctx context.Context) error {
				tx, err = db.KehadiranRange(ctx, inst, from, to, filter...)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			if err := db.InBulkTx(ctx, func(ctx context.Context) error {
				bulk, err = db.KehadiranRange(ctx, inst, from, to, filter...)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			n := 0
			for id, l := range pool {
				n += len(l)
				if !slices.IsSortedFunc(l, func(a, b domain.Rekaman) int { return a.Waktu.Compare(b.Waktu) }) {
					t.Errorf("%s not in time order: %v", id, l)
				}
			}
			if want := map[int]int{0: 21, 2: 14, 72: 21}[len(filter)]; n != want { // a range reads those between too
				t.Errorf("filter of %d: %d records, want %d", len(filter), n, want)
			}
			for _, other := range []map[string][]domain.Rekaman{tx, bulk} {
				if !reflect.DeepEqual(pool, other) {
					t.Fatalf("filter of %d: paths differ:\n%v\n%v", len(filter), pool, other)
				}
			}
			if l := pool[p[0]]; len(l) == 0 || !l[0].Waktu.Equal(base) || l[0].Waktu.Location() != time.UTC {
				t.Errorf("first record of %s: %v, want %v in UTC", p[0], l, base)
			}
		}
	})
}

// TestImporKehadiranConcurrent makes a concurrent writer store one of the batch's
// records after the import's anti-join ran: the import must skip it, not fail.
func TestImporKehadiranConcurrent(t *testing.T) {
	db := repotest.New(t, repository.Postgres)
	ctx := context.Background()
	inst, p := khdFixture(t, db, 1)
	w := time.Date(2025, 3, 3, 8, 0, 0, 0, time.UTC)
	held, release, done := make(chan struct{}), make(chan struct{}), make(chan error, 2)
	go func() {
		done <- db.InTx(ctx, func(ctx context.Context) error {
			if _, err := db.AddKehadiran(ctx, domain.Kehadiran{InstansiID: inst, PegawaiID: p[0], Waktu: w,
				Sumber: domain.SumberMobile, CreatedAt: w}); err != nil {
				return err
			}
			close(held)
			<-release
			return nil
		})
	}()
	<-held
	var added int
	go func() {
		done <- db.InBulkTx(ctx, func(ctx context.Context) error {
			var err error
			added, err = db.ImporKehadiran(ctx, domain.ImporRekaman{InstansiID: inst, Sumber: domain.SumberCSV, CreatedAt: w,
				Rekaman: []domain.RekamanPegawai{{PegawaiID: p[0], Rekaman: domain.Rekaman{Waktu: w}},
					{PegawaiID: p[0], Rekaman: domain.Rekaman{Waktu: w.Add(8 * time.Hour)}}}})
			return err
		})
	}()
	// wait until the import's insert waits on the uncommitted record
	waiting := `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
		AND wait_event_type = 'Lock') THEN RAISE EXCEPTION 'not waiting yet'; END IF; END $$`
	deadline := time.Now().Add(10 * time.Second)
	for db.Exec(ctx, waiting) != nil {
		if time.Now().After(deadline) {
			t.Fatal("the import never waited on the concurrent record")
		}
		time.Sleep(10 * time.Millisecond)
	}
	close(release)
	for range 2 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if added != 1 {
		t.Fatalf("added %d, want 1", added)
	}
}
