package service

import (
	"context"
	"strconv"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// PeriodeKinerjaStore is the storage PeriodeKinerja needs.
type PeriodeKinerjaStore interface {
	GetPeriodeKinerja(ctx context.Context, instansiID string, tahun int) (domain.PeriodeKinerja, error)
	ListPeriodeKinerja(ctx context.Context, instansiID string) ([]domain.PeriodeKinerja, error)
	SavePeriodeKinerja(ctx context.Context, p domain.PeriodeKinerja, now time.Time) (domain.PeriodeKinerja, error)
	PeriodikCount(ctx context.Context, instansiID string, tahun int) (int64, error)
}

// PeriodeKinerja manages each year's appraisal settings. Everyone in the instansi
// reads them (they explain deadlines and periods); ADMIN_INSTANSI changes them.
type PeriodeKinerja struct {
	Base
	Store PeriodeKinerjaStore
}

// List returns the saved settings of every year.
func (s *PeriodeKinerja) List(ctx context.Context) ([]domain.PeriodeKinerja, error) {
	_, id, err := tenant(ctx)
	if err != nil {
		return nil, err
	}
	return s.Store.ListPeriodeKinerja(ctx, id)
}

// Get returns a year's settings (defaults when none were saved).
func (s *PeriodeKinerja) Get(ctx context.Context, tahun int) (domain.PeriodeKinerja, error) {
	_, id, err := tenant(ctx)
	if err != nil {
		return domain.PeriodeKinerja{}, err
	}
	return s.Store.GetPeriodeKinerja(ctx, id, tahun)
}

// Put sets a year's settings. The frequency cannot change once periodic evaluations
// of the year exist: their periods would no longer mean the same months.
func (s *PeriodeKinerja) Put(ctx context.Context, in domain.PeriodeKinerja, expected *int) (domain.PeriodeKinerja, error) {
	a, id, err := tenant(ctx)
	if err != nil {
		return domain.PeriodeKinerja{}, err
	}
	if err := requireWrite(a); err != nil {
		return domain.PeriodeKinerja{}, err
	}
	if err := requireRole(a, domain.RoleAdminInstansi); err != nil {
		return domain.PeriodeKinerja{}, err
	}
	var out domain.PeriodeKinerja
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		cur, err := s.Store.GetPeriodeKinerja(ctx, id, in.Tahun)
		if err != nil {
			return err
		}
		if err := checkVersion(expected, cur.Version); err != nil && cur.Tersimpan {
			return err
		}
		if in.Frekuensi != cur.Frekuensi {
			n, err := s.Store.PeriodikCount(ctx, id, in.Tahun)
			if err != nil {
				return err
			}
			if n > 0 {
				return domain.Conflict("frekuensi_terkunci", "Frekuensi tidak dapat diubah: sudah ada penilaian periodik tahun ini.",
					"The frequency cannot change: periodic evaluations of this year exist.")
			}
		}
		in.InstansiID, in.Tersimpan, in.Version = id, cur.Tersimpan, cur.Version
		if out, err = s.Store.SavePeriodeKinerja(ctx, in, s.Now()); err != nil {
			return err
		}
		var before any
		if cur.Tersimpan {
			before = cur
		}
		return s.record(ctx, id, map[bool]string{true: "UPDATE", false: "CREATE"}[cur.Tersimpan], "periode_kinerja",
			strconv.Itoa(in.Tahun), before, out)
	})
	return out, err
}
