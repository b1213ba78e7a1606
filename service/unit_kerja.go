package service

import (
	"context"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// UnitKerjaStore is the storage UnitKerja needs.
type UnitKerjaStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	CreateUnitKerja(ctx context.Context, u domain.UnitKerja) (domain.UnitKerja, error)
	GetUnitKerja(ctx context.Context, instansiID, id string) (domain.UnitKerja, error)
	UnitKerjaByIDs(ctx context.Context, instansiID string, ids []string) ([]domain.UnitKerja, error)
	UpdateUnitKerja(ctx context.Context, u domain.UnitKerja) (domain.UnitKerja, error)
	MoveUnitKerjaSubtree(ctx context.Context, instansiID, oldPath, newPath string, levelDelta int, at time.Time) (int64, error)
	DeleteUnitKerja(ctx context.Context, instansiID, id string) error
	UnitKerjaUsage(ctx context.Context, instansiID, id string) (domain.UnitKerjaUsage, error)
	ListUnitKerja(ctx context.Context, f domain.UnitKerjaFilter) ([]domain.UnitKerja, int64, error)
	UnitKerjaSubtree(ctx context.Context, instansiID, prefix string) ([]domain.UnitKerja, error)
	GetJabatan(ctx context.Context, instansiID, id string) (domain.Jabatan, error)
	LockOrgChart(ctx context.Context, instansiID string) error
}

// UnitKerja manages the tree of OPD and sub-units. Every member of the instansi may
// read it (units are not secret); ADMIN_INSTANSI changes it, and an ADMIN_UNIT changes
// only the units strictly below the one it administers.
type UnitKerja struct {
	Base
	Store UnitKerjaStore
}

// UnitKerjaInput is a new unit. ParentID "" makes an OPD; ZonaWaktu "" inherits.
type UnitKerjaInput struct {
	ParentID, Kode, Nama, Jenis, ZonaWaktu string
}

// UnitKerjaPatch changes a unit; nil fields stay. For the nullable fields a pointer
// to "" clears: ParentID "" makes the unit an OPD, ZonaWaktu "" inherits again,
// KepalaJabatanID "" leaves the unit without a head.
type UnitKerjaPatch struct {
	ParentID        *string
	Kode            *string
	Nama            *string
	Jenis           *string
	ZonaWaktu       *string
	KepalaJabatanID *string
}

// orgWriteScope checks that the caller may change organisation data (units,
// positions, acting assignments) and returns the path of the subtree an ADMIN_UNIT is
// limited to, or "" for the whole instansi.
func orgWriteScope(a domain.Actor) (string, error) {
	if err := requireWrite(a); err != nil {
		return "", err
	}
	if a.HasAny(domain.RoleSuperadmin, domain.RoleAdminInstansi) {
		return "", nil
	}
	if a.Has(domain.RoleAdminUnit) && a.UnitPath != "" {
		return a.UnitPath, nil
	}
	return "", domain.ErrForbidden
}

var errOutsideUnit = domain.Forbidden("Unit kerja ini di luar unit yang Anda kelola.",
	"This unit is outside the unit you administer.")

// missingAs turns a not-found error into one naming the request field that referred
// to the record; other errors pass unchanged.
func missingAs(err error, field, entity string) error {
	if isNotFound(err) {
		return domain.MissingRef(field, entity)
	}
	return err
}

// List returns a page of units.
func (s *UnitKerja) List(ctx context.Context, f domain.UnitKerjaFilter, pg Page) ([]domain.UnitKerjaView, int64, error) {
	_, inst, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	f.InstansiID, f.Offset, f.Limit = inst, pg.Offset(), pg.Size
	units, total, err := s.Store.ListUnitKerja(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	views, err := s.views(ctx, inst, units)
	return views, total, err
}

// Get reads one unit.
func (s *UnitKerja) Get(ctx context.Context, id string) (domain.UnitKerjaView, error) {
	_, inst, err := tenant(ctx)
	if err != nil {
		return domain.UnitKerjaView{}, err
	}
	u, err := s.Store.GetUnitKerja(ctx, inst, id)
	if err != nil {
		return domain.UnitKerjaView{}, err
	}
	return s.view(ctx, inst, u)
}

// Tree returns the units nested, for the whole instansi or from rootID down, from one
// query of the subtree by path prefix.
func (s *UnitKerja) Tree(ctx context.Context, rootID string) ([]domain.UnitKerjaNode, error) {
	_, inst, err := tenant(ctx)
	if err != nil {
		return nil, err
	}
	prefix := ""
	if rootID != "" {
		root, err := s.Store.GetUnitKerja(ctx, inst, rootID)
		if err != nil {
			return nil, missingAs(err, "root_id", "Unit kerja")
		}
		prefix = root.Path
	}
	units, err := s.Store.UnitKerjaSubtree(ctx, inst, prefix)
	if err != nil {
		return nil, err
	}
	views, err := s.views(ctx, inst, units)
	if err != nil {
		return nil, err
	}
	return domain.BuildUnitTree(views), nil
}

// Create adds a unit under a parent, or as an OPD.
func (s *UnitKerja) Create(ctx context.Context, in UnitKerjaInput) (domain.UnitKerjaView, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.UnitKerjaView{}, err
	}
	scope, err := orgWriteScope(a)
	if err != nil {
		return domain.UnitKerjaView{}, err
	}
	if scope != "" && in.ParentID == "" {
		return domain.UnitKerjaView{}, errOutsideUnit
	}
	if in.ZonaWaktu != "" {
		if err := domain.ValidateTimeZone("zona_waktu", in.ZonaWaktu); err != nil {
			return domain.UnitKerjaView{}, err
		}
	}
	now := s.Now().UTC()
	u := domain.UnitKerja{ID: newID(), InstansiID: inst, Kode: strings.ToUpper(strings.TrimSpace(in.Kode)),
		Nama: strings.TrimSpace(in.Nama), Jenis: in.Jenis, ZonaWaktu: in.ZonaWaktu, CreatedAt: now, UpdatedAt: now}
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		parentPath := ""
		if in.ParentID != "" {
			// Read the parent's path only once no move can change it under us.
			if err := s.Store.LockOrgChart(ctx, inst); err != nil {
				return err
			}
			parent, err := s.Store.GetUnitKerja(ctx, inst, in.ParentID)
			if err != nil {
				return missingAs(err, "parent_id", "Unit kerja induk")
			}
			// The new unit lies strictly below its parent, so an ADMIN_UNIT may add
			// units anywhere in its subtree, its own unit included.
			if scope != "" && !domain.InSubtree(parent.Path, scope) {
				return errOutsideUnit
			}
			u.ParentID, parentPath, u.Level = parent.ID, parent.Path, parent.Level+1
		}
		u.Path = domain.UnitPath(parentPath, u.ID)
		u, err = s.Store.CreateUnitKerja(ctx, u)
		if err != nil {
			return err
		}
		return s.record(ctx, inst, "CREATE", "unit_kerja", u.ID, nil, u)
	})
	if err != nil {
		return domain.UnitKerjaView{}, err
	}
	return s.view(ctx, inst, u)
}

// Update changes a unit; a new ParentID moves it with its whole subtree. expected is
// the If-Match version, if sent.
func (s *UnitKerja) Update(ctx context.Context, id string, p UnitKerjaPatch, expected *int) (domain.UnitKerjaView, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.UnitKerjaView{}, err
	}
	scope, err := orgWriteScope(a)
	if err != nil {
		return domain.UnitKerjaView{}, err
	}
	if p.ZonaWaktu != nil && *p.ZonaWaktu != "" {
		if err := domain.ValidateTimeZone("zona_waktu", *p.ZonaWaktu); err != nil {
			return domain.UnitKerjaView{}, err
		}
	}
	var out domain.UnitKerja
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		if p.ParentID != nil {
			// A move reads and rewrites paths: no other move or create may interleave.
			if err := s.Store.LockOrgChart(ctx, inst); err != nil {
				return err
			}
		}
		before, err := s.Store.GetUnitKerja(ctx, inst, id)
		if err != nil {
			return err
		}
		if scope != "" && !domain.StrictlyBelow(before.Path, scope) {
			return errOutsideUnit
		}
		if err := checkVersion(expected, before.Version); err != nil {
			return err
		}
		after := before
		if p.Kode != nil {
			after.Kode = strings.ToUpper(strings.TrimSpace(*p.Kode))
		}
		if p.Nama != nil {
			after.Nama = strings.TrimSpace(*p.Nama)
		}
		if p.Jenis != nil {
			after.Jenis = *p.Jenis
		}
		if p.ZonaWaktu != nil {
			after.ZonaWaktu = *p.ZonaWaktu
		}
		if p.KepalaJabatanID != nil {
			if *p.KepalaJabatanID != "" {
				j, err := s.Store.GetJabatan(ctx, inst, *p.KepalaJabatanID)
				if err != nil {
					return missingAs(err, "kepala_jabatan_id", "Jabatan")
				}
				if j.UnitKerjaID != before.ID {
					return domain.Invalid("kepala_jabatan_id", "kepala_not_in_unit",
						"Jabatan kepala harus jabatan pada unit kerja ini.", "The head position must be a position of this unit.")
				}
			}
			after.KepalaJabatanID = *p.KepalaJabatanID
		}
		moved := p.ParentID != nil && *p.ParentID != before.ParentID
		if moved {
			var parent *domain.UnitKerja
			if *p.ParentID != "" {
				np, err := s.Store.GetUnitKerja(ctx, inst, *p.ParentID)
				if err != nil {
					return missingAs(err, "parent_id", "Unit kerja induk")
				}
				parent = &np
			}
			// An ADMIN_UNIT may rearrange its subtree but not move anything out of it.
			if scope != "" && (parent == nil || !domain.InSubtree(parent.Path, scope)) {
				return errOutsideUnit
			}
			if err := domain.CheckMove(before, parent); err != nil {
				return err
			}
			after.ParentID, after.Path, after.Level = "", domain.UnitPath("", before.ID), 0
			if parent != nil {
				after.ParentID, after.Path, after.Level = parent.ID, domain.UnitPath(parent.Path, before.ID), parent.Level+1
			}
		}
		after.UpdatedAt = s.Now().UTC()
		out, err = s.Store.UpdateUnitKerja(ctx, after)
		if err != nil {
			return err
		}
		if moved {
			// The unit itself already has its new path, so this reaches its descendants only.
			if _, err := s.Store.MoveUnitKerjaSubtree(ctx, inst, before.Path, after.Path, after.Level-before.Level, after.UpdatedAt); err != nil {
				return err
			}
		}
		return s.record(ctx, inst, "UPDATE", "unit_kerja", id, before, out)
	})
	if err != nil {
		return domain.UnitKerjaView{}, err
	}
	return s.view(ctx, inst, out)
}

// Delete removes a unit that has no sub-units and no positions.
func (s *UnitKerja) Delete(ctx context.Context, id string) error {
	a, inst, err := tenant(ctx)
	if err != nil {
		return err
	}
	scope, err := orgWriteScope(a)
	if err != nil {
		return err
	}
	return s.Tx.InTx(ctx, func(ctx context.Context) error {
		before, err := s.Store.GetUnitKerja(ctx, inst, id)
		if err != nil {
			return err
		}
		if scope != "" && !domain.StrictlyBelow(before.Path, scope) {
			return errOutsideUnit
		}
		usage, err := s.Store.UnitKerjaUsage(ctx, inst, id)
		if err != nil {
			return err
		}
		if err := usage.CheckDelete(); err != nil {
			return err
		}
		if err := s.Store.DeleteUnitKerja(ctx, inst, id); err != nil {
			return err
		}
		return s.record(ctx, inst, "DELETE", "unit_kerja", id, before, nil)
	})
}

func (s *UnitKerja) view(ctx context.Context, inst string, u domain.UnitKerja) (domain.UnitKerjaView, error) {
	vs, err := s.views(ctx, inst, []domain.UnitKerja{u})
	if err != nil {
		return domain.UnitKerjaView{}, err
	}
	return vs[0], nil
}

// views adds the time zone in force to each unit: its own, the nearest ancestor's or
// the instansi's. Ancestors not among units are read in one query.
func (s *UnitKerja) views(ctx context.Context, inst string, units []domain.UnitKerja) ([]domain.UnitKerjaView, error) {
	out := make([]domain.UnitKerjaView, len(units))
	if len(units) == 0 {
		return out, nil
	}
	zone := make(map[string]string, len(units))
	for _, u := range units {
		zone[u.ID] = u.ZonaWaktu
	}
	var missing []string
	seen := map[string]bool{}
	for _, u := range units {
		for _, id := range domain.PathIDs(u.Path) {
			if _, ok := zone[id]; !ok && !seen[id] {
				seen[id] = true
				missing = append(missing, id)
			}
		}
	}
	ancestors, err := s.Store.UnitKerjaByIDs(ctx, inst, missing)
	if err != nil {
		return nil, err
	}
	for _, u := range ancestors {
		zone[u.ID] = u.ZonaWaktu
	}
	i, err := s.Store.GetInstansi(ctx, inst)
	if err != nil {
		return nil, err
	}
	zoneOf := func(id string) string { return zone[id] }
	for k, u := range units {
		out[k] = domain.UnitKerjaView{UnitKerja: u, ZonaWaktuBerlaku: domain.ZonaWaktuBerlaku(u.Path, zoneOf, i.ZonaWaktu)}
	}
	return out, nil
}
