package service

import (
	"context"

	"github.com/kinerja-id/kinerja/domain"
)

// Reading payroll runs and their lines.

// Get reads one run with its progress.
func (s *TPP) Get(ctx context.Context, id string) (domain.PerhitunganTPP, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.PerhitunganTPP{}, err
	}
	p, err := s.Store.GetPerhitunganTPP(ctx, inst, id)
	if err != nil {
		return domain.PerhitunganTPP{}, err
	}
	if err := runVisible(a, p); err != nil {
		return domain.PerhitunganTPP{}, err
	}
	return s.view(p), nil
}

// List returns a page of runs within the caller's reach, newest first.
func (s *TPP) List(ctx context.Context, f domain.PerhitunganTPPFilter, pg Page) ([]domain.PerhitunganTPP, int64, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	f.InstansiID, f.Offset, f.Limit = inst, pg.Offset(), pg.Size
	switch {
	case tppReadsAll(a):
	case a.Has(domain.RoleAdminUnit) && a.UnitPath != "":
		f.ScopePath = a.UnitPath
	default:
		return nil, 0, domain.Forbidden("Perhitungan TPP hanya untuk keuangan, admin dan auditor.",
			"Payroll runs are for finance, administrators and auditors.")
	}
	out, total, err := s.Store.ListPerhitunganTPP(ctx, f)
	for i := range out {
		out[i] = s.view(out[i])
	}
	return out, total, err
}

// ListBaris returns a page of a run's lines, optionally in a unit subtree.
func (s *TPP) ListBaris(ctx context.Context, id, unitID string, f domain.BarisTPPFilter, pg Page) ([]domain.BarisTPP, int64, error) {
	run, err := s.Get(ctx, id)
	if err != nil {
		return nil, 0, err
	}
	f.InstansiID, f.PerhitunganID, f.Offset, f.Limit = run.InstansiID, run.ID, pg.Offset(), pg.Size
	if unitID != "" {
		u, err := s.Store.GetUnitKerja(ctx, run.InstansiID, unitID)
		if err != nil {
			return nil, 0, missingAs(err, "unit_kerja_id", "Unit kerja")
		}
		f.UnitPath = u.Path
	}
	return s.Store.ListBarisTPP(ctx, f)
}

// GetBaris reads one pegawai's line of a run with its full result.
func (s *TPP) GetBaris(ctx context.Context, id, nip string) (domain.BarisTPP, domain.HasilTPP, error) {
	run, err := s.Get(ctx, id)
	if err != nil {
		return domain.BarisTPP{}, domain.HasilTPP{}, err
	}
	b, err := s.Store.GetBarisTPP(ctx, run.InstansiID, run.ID, nip)
	if err != nil {
		return domain.BarisTPP{}, domain.HasilTPP{}, err
	}
	h, err := s.hasil.baca(b)
	return b, h, err
}

// SemuaBaris returns every line of a run in unit-path and NIP order, without traces
// (for exports).
func (s *TPP) SemuaBaris(ctx context.Context, id string) (domain.PerhitunganTPP, []domain.BarisTPP, error) {
	run, err := s.Get(ctx, id)
	if err != nil {
		return run, nil, err
	}
	if run.Status == domain.PerhitunganProses || run.Status == domain.PerhitunganGagal {
		return run, nil, domain.Conflict("belum_dihitung", "Perhitungan belum selesai dihitung.", "The run has not finished computing.")
	}
	lines, _, err := s.Store.ListBarisTPP(ctx, domain.BarisTPPFilter{InstansiID: run.InstansiID, PerhitunganID: run.ID})
	return run, lines, err
}
