package service

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// PaguTPPStore is the storage PaguTPP needs.
type PaguTPPStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	PaguTPP(ctx context.Context, instansiID string, tahun int) (domain.PaguTPP, error)
	UnitKerjaByIDs(ctx context.Context, instansiID string, ids []string) ([]domain.UnitKerja, error)
	LockInstansiTPP(ctx context.Context, instansiID string) error
	ReplacePaguTPP(ctx context.Context, p domain.PaguTPP, now time.Time) error
}

// PaguTPP keeps the yearly TPP budget per unit.
//
// Access: ADMIN_INSTANSI and KEUANGAN replace a year; they and AUDITOR read it all,
// ADMIN_UNIT the lines of the units in its subtree. The totals are those of the lines
// shown, and Terpakai counts only units that have a line.
type PaguTPP struct {
	Base
	Store PaguTPPStore
}

// Get returns a year's budget with what approved runs used of each line.
func (s *PaguTPP) Get(ctx context.Context, tahun int) (domain.PaguTPP, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.PaguTPP{}, err
	}
	if err := tppConfigReader(a); err != nil {
		return domain.PaguTPP{}, err
	}
	p, err := s.Store.PaguTPP(ctx, inst, tahun)
	if err != nil {
		return domain.PaguTPP{}, err
	}
	if a.HasAny(domain.RoleSuperadmin, domain.RoleAdminInstansi, domain.RoleKeuangan, domain.RoleAuditor) {
		return p, nil
	}
	lines := make([]domain.PaguUnit, 0, len(p.Unit))
	for _, u := range p.Unit {
		if a.CoversUnit(u.UnitPath) {
			lines = append(lines, u)
		}
	}
	p.Unit = lines
	return p, nil
}

// Put replaces a year's over-budget mode and lines in one transaction. expected is
// the version from If-Match (0 for a year never saved).
func (s *PaguTPP) Put(ctx context.Context, p domain.PaguTPP, expected *int) (domain.PaguTPP, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.PaguTPP{}, err
	}
	if err := tppConfigWriter(a); err != nil {
		return domain.PaguTPP{}, err
	}
	if p.Mode != domain.PaguPeringatan && p.Mode != domain.PaguBlokir {
		return domain.PaguTPP{}, domain.Invalid("mode", "enum", "Mode pagu tidak dikenal.", "Unknown budget mode.")
	}
	p.InstansiID = inst
	if err := s.checkUnits(ctx, inst, p.Unit); err != nil {
		return domain.PaguTPP{}, err
	}
	var out domain.PaguTPP
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		if err := s.Store.LockInstansiTPP(ctx, inst); err != nil {
			return err
		}
		cur, err := s.Store.PaguTPP(ctx, inst, p.Tahun)
		if err != nil {
			return err
		}
		if err := checkVersion(expected, cur.Version); err != nil {
			return err
		}
		p.Version = cur.Version
		if err := s.Store.ReplacePaguTPP(ctx, p, s.Now()); err != nil {
			return err
		}
		if out, err = s.Store.PaguTPP(ctx, inst, p.Tahun); err != nil {
			return err
		}
		var before any
		aksi := "CREATE"
		if cur.Version > 0 {
			before, aksi = cur, "UPDATE"
		}
		return s.record(ctx, inst, aksi, "pagu_tpp", strconv.Itoa(p.Tahun), before, out)
	})
	return out, err
}

// checkUnits refuses lines of units outside the instansi and a unit listed twice,
// naming each offending line.
func (s *PaguTPP) checkUnits(ctx context.Context, inst string, lines []domain.PaguUnit) error {
	ids := make([]string, 0, len(lines))
	for _, u := range lines {
		ids = append(ids, u.UnitKerjaID)
	}
	units, err := s.Store.UnitKerjaByIDs(ctx, inst, ids)
	if err != nil {
		return err
	}
	known := make(map[string]bool, len(units))
	for _, u := range units {
		known[u.ID] = true
	}
	seen := make(map[string]bool, len(lines))
	var fields []domain.FieldError
	for i, u := range lines {
		field := fmt.Sprintf("unit/%d/unit_kerja_id", i)
		switch {
		case !known[u.UnitKerjaID]:
			fields = append(fields, domain.FieldError{Field: field, Code: "not_found", Text: domain.Text{
				ID: "Unit kerja tidak ditemukan di instansi ini.", EN: "No such unit in this instansi."}})
		case seen[u.UnitKerjaID]:
			fields = append(fields, domain.FieldError{Field: field, Code: "duplicate", Text: domain.Text{
				ID: "Unit kerja ini sudah disebut pada baris sebelumnya.", EN: "This unit is already listed on an earlier line."}})
		}
		seen[u.UnitKerjaID] = true
	}
	if len(fields) == 0 {
		return nil
	}
	e := domain.Unprocessable("pagu_tidak_valid", "Baris pagu TPP tidak dapat disimpan.", "The TPP budget lines cannot be saved.")
	e.Fields = fields
	return e
}
