package service

import (
	"context"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// PltStore is the storage Plt needs.
type PltStore interface {
	GetJabatan(ctx context.Context, instansiID, id string) (domain.Jabatan, error)
	GetUnitKerja(ctx context.Context, instansiID, id string) (domain.UnitKerja, error)
	LockJabatan(ctx context.Context, instansiID, id string) error
	PltPegawaiByNIP(ctx context.Context, instansiID, nip string) (domain.Pegawai, error)
	HoldsJabatan(ctx context.Context, instansiID, pegawaiID, jabatanID string, d time.Time) (bool, error)
	OverlappingPlt(ctx context.Context, instansiID, jabatanID string, mulai time.Time, selesai *time.Time) (int64, error)
	CreatePlt(ctx context.Context, p domain.Plt) (domain.Plt, error)
	GetPlt(ctx context.Context, instansiID, id string) (domain.Plt, error)
	DeletePlt(ctx context.Context, instansiID, id string) error
	ListPlt(ctx context.Context, f domain.PltFilter) ([]domain.Plt, int64, error)
}

// Plt manages acting assignments (Plt, Plh): while in force the appointee holds the
// position's authority and rates its subordinates. Writes follow the position's:
// ADMIN_INSTANSI, or an ADMIN_UNIT for positions of units in its subtree.
type Plt struct {
	Base
	Store PltStore
}

// PltInput is a new acting assignment. TanggalSelesai nil leaves it open-ended.
type PltInput struct {
	JabatanID      string
	NIP            string
	Jenis          string // PLT or PLH
	TanggalMulai   time.Time
	TanggalSelesai *time.Time
	NomorSK        string
}

// List returns a page of acting assignments.
func (s *Plt) List(ctx context.Context, f domain.PltFilter, pg Page) ([]domain.Plt, int64, error) {
	_, inst, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	f.InstansiID, f.Offset, f.Limit = inst, pg.Offset(), pg.Size
	return s.Store.ListPlt(ctx, f)
}

// jabatanInScope checks that an ADMIN_UNIT administers the position's unit.
func (s *Plt) jabatanInScope(ctx context.Context, inst string, j domain.Jabatan, scope string) error {
	if scope == "" {
		return nil
	}
	u, err := s.Store.GetUnitKerja(ctx, inst, j.UnitKerjaID)
	if err != nil {
		return err
	}
	if !domain.InSubtree(u.Path, scope) {
		return errOutsideUnit
	}
	return nil
}

// Create appoints an employee as Plt or Plh of a position. A position has at most one
// acting official at a time, and its definitive holder cannot act for it.
func (s *Plt) Create(ctx context.Context, in PltInput) (domain.Plt, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.Plt{}, err
	}
	scope, err := orgWriteScope(a)
	if err != nil {
		return domain.Plt{}, err
	}
	mulai := domain.Date(in.TanggalMulai, time.UTC)
	var selesai *time.Time
	if in.TanggalSelesai != nil {
		d := domain.Date(*in.TanggalSelesai, time.UTC)
		selesai = &d
	}
	if err := domain.ValidatePltPeriod(mulai, selesai); err != nil {
		return domain.Plt{}, err
	}
	var out domain.Plt
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		j, err := s.Store.GetJabatan(ctx, inst, in.JabatanID)
		if err != nil {
			return missingAs(err, "jabatan_id", "Jabatan")
		}
		if err := s.jabatanInScope(ctx, inst, j, scope); err != nil {
			return err
		}
		p, err := s.Store.PltPegawaiByNIP(ctx, inst, in.NIP)
		if err != nil {
			return missingAs(err, "nip", "Pegawai")
		}
		// Serialise appointments to this position so the overlap check below holds.
		if err := s.Store.LockJabatan(ctx, inst, j.ID); err != nil {
			return err
		}
		holds, err := s.Store.HoldsJabatan(ctx, inst, p.ID, j.ID, mulai)
		if err != nil {
			return err
		}
		if holds {
			e := domain.Conflict("plt_is_definitif",
				"Pegawai ini pemangku definitif jabatan tersebut dan tidak dapat menjadi Plt/Plh-nya.",
				"This employee is the definitive holder of the position and cannot act for it.")
			e.Fields = []domain.FieldError{{Field: "nip", Code: "plt_is_definitif", Text: e.Text}}
			return e
		}
		n, err := s.Store.OverlappingPlt(ctx, inst, j.ID, mulai, selesai)
		if err != nil {
			return err
		}
		if n > 0 {
			e := domain.Conflict("plt_overlap",
				"Jabatan ini sudah memiliki Plt/Plh pada periode yang beririsan.",
				"The position already has a Plt/Plh in an overlapping period.")
			e.Fields = []domain.FieldError{{Field: "tanggal_mulai", Code: "plt_overlap", Text: e.Text}}
			return e
		}
		out, err = s.Store.CreatePlt(ctx, domain.Plt{InstansiID: inst, JabatanID: j.ID, PegawaiID: p.ID, Jenis: in.Jenis,
			TanggalMulai: mulai, TanggalSelesai: selesai, NomorSK: strings.TrimSpace(in.NomorSK), CreatedAt: s.Now().UTC()})
		if err != nil {
			return err
		}
		return s.record(ctx, inst, "CREATE", "plt", out.ID, nil, out)
	})
	return out, err
}

// Delete withdraws an acting assignment.
func (s *Plt) Delete(ctx context.Context, id string) error {
	a, inst, err := tenant(ctx)
	if err != nil {
		return err
	}
	scope, err := orgWriteScope(a)
	if err != nil {
		return err
	}
	return s.Tx.InTx(ctx, func(ctx context.Context) error {
		before, err := s.Store.GetPlt(ctx, inst, id)
		if err != nil {
			return err
		}
		j, err := s.Store.GetJabatan(ctx, inst, before.JabatanID)
		if err != nil {
			return err
		}
		if err := s.jabatanInScope(ctx, inst, j, scope); err != nil {
			return err
		}
		if err := s.Store.DeletePlt(ctx, inst, id); err != nil {
			return err
		}
		return s.record(ctx, inst, "DELETE", "plt", id, before, nil)
	})
}
