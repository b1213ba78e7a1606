package service_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/service"
)

// putuskan keeps cutting every other connection to the test database (what a
// database restart or a network cut does to the service) until stop closes, and
// reports how many it cut.
func putuskan(t *testing.T, dsn string, stop <-chan struct{}) <-chan int {
	n := make(chan int, 1)
	go func() {
		ctx := context.Background()
		c, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Error(err)
			n <- 0
			return
		}
		defer func() { _ = c.Close(ctx) }()
		cut := 0
		for {
			select {
			case <-stop:
				n <- cut
				return
			case <-time.After(15 * time.Millisecond):
			}
			var k int
			if err := c.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
				WHERE datname = current_database() AND pid <> pg_backend_pid()`).Scan(&k); err == nil {
				cut += k
			}
		}
	}()
	return n
}

// TestGangguanPerhitunganTPP: connections to PostgreSQL are cut again and again
// during a payroll run. The run ends computed or failed, never with part of its
// lines; the service answers again without a restart; and computing again gives
// exactly the lines of an undisturbed run.
func TestGangguanPerhitunganTPP(t *testing.T) {
	const nPegawai = 1500
	bd, tpp, actx := runUji(t, nPegawai)
	db, inst := bd.db, bd.inst
	ctx := context.Background()
	tungguSelesai := func(id string) domain.PerhitunganTPP {
		t.Helper()
		tpp.TungguSemua()
		for range 100 {
			p, err := tpp.Get(actx, id)
			if err == nil {
				return p
			}
			time.Sleep(50 * time.Millisecond) // the connection of this read may have been cut too
		}
		t.Fatal("the service does not answer after the cuts")
		return domain.PerhitunganTPP{}
	}

	ref, _, err := tpp.Create(actx, service.PerhitunganInput{Tahun: 2025, Bulan: time.March})
	if err != nil || ref.Status != domain.PerhitunganDihitung {
		t.Fatalf("undisturbed run: %v %s", err, ref.Status)
	}
	if err := tpp.Delete(actx, ref.ID); err != nil {
		t.Fatal(err)
	}

	// attempt 0: the cuts stop once the request returns (the database came back while
	// the run retries); attempt 1: they go on until the run gives up
	for attempt := range 2 {
		stop := make(chan struct{})
		cuts := putuskan(t, bd.dsn, stop)
		run, _, err := tpp.Create(actx, service.PerhitunganInput{Tahun: 2025, Bulan: time.March})
		var id string
		if err == nil {
			id = run.ID
		}
		if id == "" { // the creation itself was cut: nothing or the run was stored
			close(stop)
			t.Logf("attempt %d: the creation was cut (%v) after %d connections", attempt, err, <-cuts)
			runs, _, err := tpp.List(actx, domain.PerhitunganTPPFilter{}, service.Page{Page: 1, Size: 10})
			if err != nil || len(runs) > 1 {
				t.Fatalf("after a cut creation: %v, %d runs", err, len(runs))
			}
			if len(runs) == 0 {
				continue
			}
			id = runs[0].ID
		} else {
			if attempt == 1 {
				tpp.TungguSemua()
			}
			close(stop)
			t.Logf("attempt %d: %d connections cut during the run", attempt, <-cuts)
		}
		got := tungguSelesai(id)
		lines, total, err := db.ListBarisTPP(ctx, domain.BarisTPPFilter{InstansiID: inst, PerhitunganID: id, Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("attempt %d: the run ended %s with %d lines", attempt, got.Status, total)
		switch got.Status {
		case domain.PerhitunganDihitung:
			if total != nPegawai || got.Sidik != ref.Sidik {
				t.Fatalf("computed through the cuts: %d lines, sidik %s, want %s", total, got.Sidik, ref.Sidik)
			}
		case domain.PerhitunganGagal, domain.PerhitunganProses:
			if total != 0 || len(lines) != 0 {
				t.Fatalf("a %s run kept %d lines", got.Status, total)
			}
			if got.Status == domain.PerhitunganProses {
				// even recording the failure was cut: the server's minute sweep
				// (cmd/kinerja resumeRuns) computes it again, without a restart
				if err := tpp.Lanjutkan(ctx); err != nil {
					t.Fatal(err)
				}
			} else if _, err := tpp.Recompute(actx, id, nil); err != nil {
				t.Fatal(err)
			}
			got = tungguSelesai(id)
			if got.Status != domain.PerhitunganDihitung || got.Sidik != ref.Sidik {
				t.Fatalf("computed again: %s, sidik %s, want %s", got.Status, got.Sidik, ref.Sidik)
			}
		default:
			t.Fatalf("status %s", got.Status)
		}
		if err := tpp.Delete(actx, id); err != nil {
			t.Fatal(err)
		}
	}
}

// TestGangguanImporKehadiran: the same cuts during a bulk import of clock records: the
// import stores all of its rows or none, and the retry stores exactly the file.
func TestGangguanImporKehadiran(t *testing.T) {
	bd := benchInstansi(t, 1000)
	db, inst, now := bd.db, bd.inst, bd.now
	ctx := context.Background()
	var before int64
	count := func() int64 {
		var n int64
		for range 100 {
			c, err := pgx.Connect(ctx, bd.dsn)
			if err != nil {
				continue
			}
			err = c.QueryRow(ctx, "SELECT count(*) FROM kehadiran WHERE instansi_id = $1", inst).Scan(&n)
			_ = c.Close(ctx)
			if err == nil {
				return n
			}
		}
		t.Fatal("cannot count")
		return 0
	}
	before = count()
	var pegawai []string
	rows, _, err := db.ListPegawaiView(ctx, domain.PegawaiFilter{InstansiID: inst, AsOf: now})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rows {
		pegawai = append(pegawai, p.Pegawai.ID)
	}
	// April 2025: a new month of records, 1000 × 21 days × 2
	var batch []domain.RekamanPegawai
	for d := time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC); d.Month() == time.April; d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		for i, id := range pegawai {
			j := time.Duration(i%900) * time.Second
			batch = append(batch, domain.RekamanPegawai{PegawaiID: id, Rekaman: domain.Rekaman{Waktu: d.Add(-8*time.Hour + 7*time.Hour + j), Jenis: domain.RekamanMasuk}},
				domain.RekamanPegawai{PegawaiID: id, Rekaman: domain.Rekaman{Waktu: d.Add(-8*time.Hour + 16*time.Hour + j), Jenis: domain.RekamanPulang}})
		}
	}
	impor := func() error {
		return db.InBulkTx(ctx, func(ctx context.Context) error {
			_, err := db.ImporKehadiran(ctx, domain.ImporRekaman{InstansiID: inst, Sumber: domain.SumberMesin, DicatatOleh: "uji",
				CreatedAt: now, Rekaman: batch})
			return err
		})
	}
	failed := 0
	for attempt := range 5 {
		stop := make(chan struct{})
		cuts := putuskan(t, bd.dsn, stop)
		var wg sync.WaitGroup
		var err error
		wg.Go(func() { err = impor() })
		wg.Wait()
		close(stop)
		n := <-cuts
		added := count() - before
		t.Logf("attempt %d: %d connections cut, err %v, %d rows stored", attempt, n, err, added)
		if added != 0 && added != int64(len(batch)) {
			t.Fatalf("a cut import stored %d of %d rows", added, len(batch))
		}
		if err != nil {
			failed++
		}
		if added == int64(len(batch)) {
			break
		}
	}
	// the retry (or a repeat) stores the file exactly once
	var err2 error
	for range 20 {
		if err2 = impor(); err2 == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err2 != nil {
		t.Fatalf("the service did not recover: %v", err2)
	}
	if added := count() - before; added != int64(len(batch)) {
		t.Fatalf("after the retry %d of %d rows", added, len(batch))
	}
	t.Logf("%d of the cut imports failed cleanly", failed)
}

func newTPP(db *repository.DB, now time.Time) *service.TPP {
	base := service.Base{Tx: db, Audit: db, Now: func() time.Time { return now }}
	pegawai := &service.Pegawai{Base: base, Store: db}
	rekap := &service.Rekap{Base: base, Store: db, Jadwal: &service.Jadwal{Base: base, Store: db, Org: pegawai}, Org: pegawai}
	return &service.TPP{Base: base, Store: db, Rekap: rekap, Aturan: &service.AturanTPP{Base: base, Store: db}, Org: pegawai}
}
