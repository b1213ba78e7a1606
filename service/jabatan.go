package service

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// JabatanStore is the storage Jabatan needs.
type JabatanStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	GetUnitKerja(ctx context.Context, instansiID, id string) (domain.UnitKerja, error)
	CreateJabatan(ctx context.Context, j domain.Jabatan) (domain.Jabatan, error)
	GetJabatan(ctx context.Context, instansiID, id string) (domain.Jabatan, error)
	UpdateJabatan(ctx context.Context, j domain.Jabatan) (domain.Jabatan, error)
	DeleteJabatan(ctx context.Context, instansiID, id string) error
	JabatanUsage(ctx context.Context, instansiID, id string) (domain.JabatanUsage, error)
	UnitsHeadedBy(ctx context.Context, instansiID, jabatanID string) ([]string, error)
	ListJabatan(ctx context.Context, f domain.JabatanFilter) ([]domain.Jabatan, int64, error)
	Pemangku(ctx context.Context, instansiID string, jabatanIDs []string, d time.Time) (map[string][]domain.Pemangku, error)
	LockOrgChart(ctx context.Context, instansiID string) error
}

// Jabatan manages positions, their kelas jabatan and reporting lines, and tells who
// holds them on a date. Every member of the instansi may read them; ADMIN_INSTANSI
// changes them, an ADMIN_UNIT only those of units in its subtree.
type Jabatan struct {
	Base
	Store JabatanStore
}

// JabatanInput is a new position. AtasanJabatanID "" puts it at the top of a line;
// Kebutuhan 0 means 1.
type JabatanInput struct {
	UnitKerjaID     string
	Kode            string
	Nama            string
	Jenis           domain.JenisJabatan
	Jenjang         domain.Jenjang
	KelasJabatan    int
	AtasanJabatanID string
	Kebutuhan       int
}

// JabatanPatch changes a position; nil fields stay. A pointer to "" clears Jenjang
// or AtasanJabatanID.
type JabatanPatch struct {
	UnitKerjaID     *string
	Kode            *string
	Nama            *string
	Jenis           *domain.JenisJabatan
	Jenjang         *domain.Jenjang
	KelasJabatan    *int
	AtasanJabatanID *string
	Kebutuhan       *int
}

func (s *Jabatan) asOf(ctx context.Context, inst string, tanggal *time.Time) (time.Time, error) {
	if tanggal != nil {
		return domain.Date(*tanggal, time.UTC), nil
	}
	return s.today(ctx, s.Store, inst)
}

// List returns a page of positions with their holders on tanggal (default today).
func (s *Jabatan) List(ctx context.Context, f domain.JabatanFilter, tanggal *time.Time, pg Page) ([]domain.JabatanView, int64, error) {
	_, inst, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	d, err := s.asOf(ctx, inst, tanggal)
	if err != nil {
		return nil, 0, err
	}
	f.InstansiID, f.Tanggal, f.Offset, f.Limit = inst, d, pg.Offset(), pg.Size
	items, total, err := s.Store.ListJabatan(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	views, err := s.views(ctx, inst, items, d)
	return views, total, err
}

// Get reads one position with its holders on tanggal (default today).
func (s *Jabatan) Get(ctx context.Context, id string, tanggal *time.Time) (domain.JabatanView, error) {
	_, inst, err := tenant(ctx)
	if err != nil {
		return domain.JabatanView{}, err
	}
	d, err := s.asOf(ctx, inst, tanggal)
	if err != nil {
		return domain.JabatanView{}, err
	}
	j, err := s.Store.GetJabatan(ctx, inst, id)
	if err != nil {
		return domain.JabatanView{}, err
	}
	vs, err := s.views(ctx, inst, []domain.Jabatan{j}, d)
	if err != nil {
		return domain.JabatanView{}, err
	}
	return vs[0], nil
}

// views loads the holders of all the positions in one query.
func (s *Jabatan) views(ctx context.Context, inst string, js []domain.Jabatan, d time.Time) ([]domain.JabatanView, error) {
	ids := make([]string, len(js))
	for i, j := range js {
		ids[i] = j.ID
	}
	holders, err := s.Store.Pemangku(ctx, inst, ids, d)
	if err != nil {
		return nil, err
	}
	out := make([]domain.JabatanView, len(js))
	for i, j := range js {
		out[i] = domain.NewJabatanView(j, holders[j.ID])
	}
	return out, nil
}

// unitInScope loads a position's unit and checks that an ADMIN_UNIT administers it.
func (s *Jabatan) unitInScope(ctx context.Context, inst, unitID, scope, field string) (domain.UnitKerja, error) {
	u, err := s.Store.GetUnitKerja(ctx, inst, unitID)
	if err != nil {
		return u, missingAs(err, field, "Unit kerja")
	}
	if scope != "" && !domain.InSubtree(u.Path, scope) {
		return u, errOutsideUnit
	}
	return u, nil
}

// Create adds a position to a unit.
func (s *Jabatan) Create(ctx context.Context, in JabatanInput) (domain.JabatanView, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.JabatanView{}, err
	}
	scope, err := orgWriteScope(a)
	if err != nil {
		return domain.JabatanView{}, err
	}
	if in.Kebutuhan == 0 {
		in.Kebutuhan = 1
	}
	if err := domain.ValidateJabatanClass(in.Jenis, in.Jenjang, in.KelasJabatan); err != nil {
		return domain.JabatanView{}, err
	}
	now := s.Now().UTC()
	j := domain.Jabatan{ID: newID(), InstansiID: inst, UnitKerjaID: in.UnitKerjaID, Kode: strings.ToUpper(strings.TrimSpace(in.Kode)),
		Nama: strings.TrimSpace(in.Nama), Jenis: in.Jenis, Jenjang: in.Jenjang, KelasJabatan: in.KelasJabatan,
		AtasanJabatanID: in.AtasanJabatanID, Kebutuhan: in.Kebutuhan, CreatedAt: now, UpdatedAt: now}
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		if _, err := s.unitInScope(ctx, inst, in.UnitKerjaID, scope, "unit_kerja_id"); err != nil {
			return err
		}
		// A new position has no subordinates yet, so any existing superior is acyclic.
		if in.AtasanJabatanID != "" {
			if _, err := s.Store.GetJabatan(ctx, inst, in.AtasanJabatanID); err != nil {
				return missingAs(err, "atasan_jabatan_id", "Jabatan atasan")
			}
		}
		j, err = s.Store.CreateJabatan(ctx, j)
		if err != nil {
			return err
		}
		return s.record(ctx, inst, "CREATE", "jabatan", j.ID, nil, j)
	})
	if err != nil {
		return domain.JabatanView{}, err
	}
	return domain.NewJabatanView(j, nil), nil
}

// Update changes a position. expected is the If-Match version, if sent.
func (s *Jabatan) Update(ctx context.Context, id string, p JabatanPatch, expected *int) (domain.JabatanView, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.JabatanView{}, err
	}
	scope, err := orgWriteScope(a)
	if err != nil {
		return domain.JabatanView{}, err
	}
	var out domain.Jabatan
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		if p.AtasanJabatanID != nil && *p.AtasanJabatanID != "" {
			// Two changes of reporting lines may each be acyclic alone and close a
			// loop together: check them one at a time.
			if err := s.Store.LockOrgChart(ctx, inst); err != nil {
				return err
			}
		}
		before, err := s.Store.GetJabatan(ctx, inst, id)
		if err != nil {
			return err
		}
		if _, err := s.unitInScope(ctx, inst, before.UnitKerjaID, scope, "unit_kerja_id"); err != nil {
			return err
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
		if p.Jenjang != nil {
			after.Jenjang = *p.Jenjang
		}
		if p.KelasJabatan != nil {
			after.KelasJabatan = *p.KelasJabatan
		}
		if p.Kebutuhan != nil {
			after.Kebutuhan = *p.Kebutuhan
		}
		if err := domain.ValidateJabatanClass(after.Jenis, after.Jenjang, after.KelasJabatan); err != nil {
			return err
		}
		if p.UnitKerjaID != nil && *p.UnitKerjaID != before.UnitKerjaID {
			if _, err := s.unitInScope(ctx, inst, *p.UnitKerjaID, scope, "unit_kerja_id"); err != nil {
				return err
			}
			// The head of a unit is one of its own positions (UnitKerja.Update).
			headed, err := s.Store.UnitsHeadedBy(ctx, inst, id)
			if err != nil {
				return err
			}
			if slices.Contains(headed, before.UnitKerjaID) {
				return &domain.Error{Kind: domain.KindConflict, Code: "jabatan_is_kepala",
					Text: domain.Text{ID: "Jabatan ini kepala unit kerjanya; kosongkan kepala_jabatan_id unit itu sebelum memindahkannya.",
						EN: "This position heads its unit; clear that unit's kepala_jabatan_id before moving it."},
					Fields: []domain.FieldError{{Field: "unit_kerja_id", Code: "jabatan_is_kepala", Text: domain.Text{
						ID: "Jabatan kepala unit tidak dapat dipindahkan.", EN: "A unit's head position cannot be moved."}}}}
			}
			after.UnitKerjaID = *p.UnitKerjaID
		}
		if p.AtasanJabatanID != nil && *p.AtasanJabatanID != before.AtasanJabatanID {
			if atasan := *p.AtasanJabatanID; atasan != "" {
				if _, err := s.Store.GetJabatan(ctx, inst, atasan); err != nil {
					return missingAs(err, "atasan_jabatan_id", "Jabatan atasan")
				}
				err := domain.CheckReportingLine(id, atasan, func(x string) (string, error) {
					j, err := s.Store.GetJabatan(ctx, inst, x)
					return j.AtasanJabatanID, err
				})
				if err != nil {
					return err
				}
			}
			after.AtasanJabatanID = *p.AtasanJabatanID
		}
		after.UpdatedAt = s.Now().UTC()
		out, err = s.Store.UpdateJabatan(ctx, after)
		if err != nil {
			return err
		}
		return s.record(ctx, inst, "UPDATE", "jabatan", id, before, out)
	})
	if err != nil {
		return domain.JabatanView{}, err
	}
	d, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return domain.JabatanView{}, err
	}
	vs, err := s.views(ctx, inst, []domain.Jabatan{out}, d)
	if err != nil {
		return domain.JabatanView{}, err
	}
	return vs[0], nil
}

// Delete removes a position nobody has ever held, nobody reports to, no Plt/Plh was
// ever appointed to and no unit has as its head.
func (s *Jabatan) Delete(ctx context.Context, id string) error {
	a, inst, err := tenant(ctx)
	if err != nil {
		return err
	}
	scope, err := orgWriteScope(a)
	if err != nil {
		return err
	}
	return s.Tx.InTx(ctx, func(ctx context.Context) error {
		before, err := s.Store.GetJabatan(ctx, inst, id)
		if err != nil {
			return err
		}
		if _, err := s.unitInScope(ctx, inst, before.UnitKerjaID, scope, "unit_kerja_id"); err != nil {
			return err
		}
		usage, err := s.Store.JabatanUsage(ctx, inst, id)
		if err != nil {
			return err
		}
		if err := usage.CheckDelete(); err != nil {
			return err
		}
		if err := s.Store.DeleteJabatan(ctx, inst, id); err != nil {
			return err
		}
		return s.record(ctx, inst, "DELETE", "jabatan", id, before, nil)
	})
}
