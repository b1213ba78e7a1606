package service

import (
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// potonganUji drives potongan over n pegawai with stand-ins that fail at the given
// chunk (-1: never) and records what happened.
type potonganUji struct {
	gagalMuat, gagalBaris, gagalSimpan int

	muat             int          // reads so far
	tersimpan        []string     // pegawai ids stored, in order
	hidup, maksHidup atomic.Int32 // chunks of lines computed and not yet stored
	menghitung       atomic.Int32 // computations running
	maksMenghitung   atomic.Int32
}

var errUji = errors.New("uji")

func (u *potonganUji) jalankan(n int) error {
	ps := make([]domain.PegawaiView, n)
	for i := range ps {
		ps[i].Pegawai.ID = fmt.Sprint(i)
	}
	return potongan(ps,
		func(chunk []domain.PegawaiView) (*bulanTPP, error) {
			u.muat++
			if u.muat-1 == u.gagalMuat {
				return nil, errUji
			}
			return &bulanTPP{}, nil
		},
		func(_ *bulanTPP, chunk []domain.PegawaiView) ([]domain.BarisTPP, error) {
			naik(&u.maksMenghitung, u.menghitung.Add(1))
			defer u.menghitung.Add(-1)
			time.Sleep(time.Millisecond) // let the stored chunk overlap
			if chunk[0].Pegawai.ID == fmt.Sprint(u.gagalBaris*potonganRun) {
				return nil, errUji
			}
			lines := make([]domain.BarisTPP, len(chunk))
			for i, v := range chunk {
				lines[i].PegawaiID = v.Pegawai.ID
			}
			naik(&u.maksHidup, u.hidup.Add(1))
			return lines, nil
		},
		func(lines []domain.BarisTPP) error {
			defer u.hidup.Add(-1)
			if lines[0].PegawaiID == fmt.Sprint(u.gagalSimpan*potonganRun) {
				return errUji
			}
			for _, b := range lines {
				u.tersimpan = append(u.tersimpan, b.PegawaiID)
			}
			return nil
		})
}

func naik(maks *atomic.Int32, v int32) {
	for {
		m := maks.Load()
		if v <= m || maks.CompareAndSwap(m, v) {
			return
		}
	}
}

// TestPotongan checks the chunked pipeline of a run: every line stored once and in
// order, one chunk computed at a time and at most two chunks of lines held, and a
// failure anywhere returned with nothing computing behind it.
func TestPotongan(t *testing.T) {
	const n = 4*potonganRun + 123
	want := make([]string, n)
	for i := range want {
		want[i] = fmt.Sprint(i)
	}
	t.Run("all", func(t *testing.T) {
		u := &potonganUji{gagalMuat: -1, gagalBaris: -1, gagalSimpan: -1}
		if err := u.jalankan(n); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(u.tersimpan, want) {
			t.Fatalf("stored %d lines, not in order", len(u.tersimpan))
		}
		if u.maksMenghitung.Load() != 1 || u.maksHidup.Load() > 2 {
			t.Fatalf("%d chunks computed at once, %d chunks of lines held", u.maksMenghitung.Load(), u.maksHidup.Load())
		}
	})
	t.Run("none", func(t *testing.T) {
		u := &potonganUji{gagalMuat: -1, gagalBaris: -1, gagalSimpan: -1}
		if err := u.jalankan(0); err != nil || u.muat != 0 || len(u.tersimpan) != 0 {
			t.Fatalf("no pegawai: %v, %d reads, %d lines", err, u.muat, len(u.tersimpan))
		}
	})
	for _, chunk := range []int{0, 2, 4} {
		for _, c := range []struct {
			nama string
			u    *potonganUji
		}{
			{"read", &potonganUji{gagalMuat: chunk, gagalBaris: -1, gagalSimpan: -1}},
			{"compute", &potonganUji{gagalMuat: -1, gagalBaris: chunk, gagalSimpan: -1}},
			{"store", &potonganUji{gagalMuat: -1, gagalBaris: -1, gagalSimpan: chunk}},
		} {
			t.Run(fmt.Sprintf("%s fails at chunk %d", c.nama, chunk), func(t *testing.T) {
				u := c.u
				if err := u.jalankan(n); !errors.Is(err, errUji) {
					t.Fatalf("err %v", err)
				}
				if u.menghitung.Load() != 0 {
					t.Fatal("a chunk is still computing")
				}
				if len(u.tersimpan) > chunk*potonganRun || !slices.Equal(u.tersimpan, want[:len(u.tersimpan)]) {
					t.Fatalf("stored %d lines before the failure at chunk %d", len(u.tersimpan), chunk)
				}
			})
		}
	}
}
