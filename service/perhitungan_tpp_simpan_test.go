package service_test

import (
	"context"
	"crypto/rand"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// TestBarisTPPSebaris: on PostgreSQL a run's lines stay whole in their rows, even a
// line whose stored result is several kilobytes that do not compress: nothing goes
// to the TOAST table (migration 0009), which cost a 50,000-line run a second tuple
// and an index entry per line. And every stored line still explains itself.
func TestBarisTPPSebaris(t *testing.T) {
	const nPegawai = 300
	bd, tpp, actx := runUji(t, nPegawai)
	db, inst := bd.db, bd.inst
	ctx := context.Background()
	tpp.Tunggu = time.Minute
	run, _, err := tpp.Create(actx, service.PerhitunganInput{Tahun: 2025, Bulan: time.March})
	if err != nil || run.Status != domain.PerhitunganDihitung || run.JumlahPegawai != nPegawai {
		t.Fatalf("run: %v %s %d", err, run.Status, run.JumlahPegawai)
	}
	lines, _, err := db.ListBarisTPP(ctx, domain.BarisTPPFilter{InstansiID: inst, PerhitunganID: run.ID})
	if err != nil || len(lines) != nPegawai {
		t.Fatalf("lines: %v %d", err, len(lines))
	}
	for _, b := range lines[:20] {
		got, h, err := tpp.GetBaris(actx, run.ID, b.NIP)
		if err != nil || got.Neto != b.Neto || h.Neto != b.Neto || len(h.Trace) == 0 {
			t.Fatalf("line of %s: %v, %d steps", b.NIP, err, len(h.Trace))
		}
	}
	// a line with 6 KB of incompressible result, as a long trace might be
	big := lines[0]
	big.PegawaiID = uuid.NewString()
	big.Hasil = make([]byte, 6000)
	_, _ = rand.Read(big.Hasil)
	if err := db.InBulkTx(ctx, func(ctx context.Context) error { return db.TambahBarisTPP(ctx, []domain.BarisTPP{big}) }); err != nil {
		t.Fatal(err)
	}
	c, err := pgx.Connect(ctx, bd.dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.Close(ctx) }()
	var toast int64
	if err := c.QueryRow(ctx, `SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'perhitungan_tpp_baris'`).
		Scan(&toast); err != nil {
		t.Fatal(err)
	}
	if toast != 0 {
		t.Fatalf("the lines' TOAST table holds %d bytes, want none", toast)
	}
}
