package service_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// simpanGagal is a store whose storing of lines fails once, at the given call.
type simpanGagal struct {
	service.TPPStore
	panggilan atomic.Int32
	gagalPada int32
}

func (s *simpanGagal) TambahBarisTPP(ctx context.Context, lines []domain.BarisTPP) error {
	if s.panggilan.Add(1) == s.gagalPada {
		return errors.New("disk full")
	}
	return s.TPPStore.TambahBarisTPP(ctx, lines)
}

// TestPerhitunganTPPPotonganGagal: a run of several chunks whose storing fails in
// the middle of the first attempt. The attempt leaves no line (its transaction is
// rolled back while the next chunk is being computed), and the retry stores exactly
// the lines of an undisturbed run, in the same order (the same sidik).
func TestPerhitunganTPPPotonganGagal(t *testing.T) {
	const nPegawai = 4500 // three chunks
	bd, tpp, actx := runUji(t, nPegawai)
	db, inst := bd.db, bd.inst
	ctx := context.Background()
	tpp.Tunggu = time.Minute
	ref, _, err := tpp.Create(actx, service.PerhitunganInput{Tahun: 2025, Bulan: time.March})
	if err != nil || ref.Status != domain.PerhitunganDihitung || ref.JumlahPegawai != nPegawai {
		t.Fatalf("undisturbed run: %v %s %d", err, ref.Status, ref.JumlahPegawai)
	}
	if err := tpp.Delete(actx, ref.ID); err != nil {
		t.Fatal(err)
	}

	store := &simpanGagal{TPPStore: db, gagalPada: 2}
	tpp.Store = store
	run, _, err := tpp.Create(actx, service.PerhitunganInput{Tahun: 2025, Bulan: time.March})
	if err != nil {
		t.Fatal(err)
	}
	if got := store.panggilan.Load(); got != 2+3 {
		t.Fatalf("%d chunks stored, want 2 in the failed attempt and 3 in the retry", got)
	}
	_, total, err := db.ListBarisTPP(ctx, domain.BarisTPPFilter{InstansiID: inst, PerhitunganID: run.ID, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if run.Status != domain.PerhitunganDihitung || total != nPegawai || run.Sidik != ref.Sidik {
		t.Fatalf("after the retry: %s, %d lines, sidik %s, want %s", run.Status, total, run.Sidik, ref.Sidik)
	}
}
