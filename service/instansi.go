package service

import (
	"context"
	"strings"

	"github.com/kinerja-id/kinerja/domain"
)

// InstansiStore is the storage Instansi needs.
type InstansiStore interface {
	CreateInstansi(ctx context.Context, i domain.Instansi) (domain.Instansi, error)
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	UpdateInstansi(ctx context.Context, i domain.Instansi) (domain.Instansi, error)
	ListInstansi(ctx context.Context, f domain.InstansiFilter) ([]domain.Instansi, int64, error)
}

// Instansi manages pemda records. Only SUPERADMIN creates and changes them; members
// of an instansi may read their own.
type Instansi struct {
	Base
	Store InstansiStore
}

// InstansiInput is a new instansi.
type InstansiInput struct {
	Nama, Kode, Jenis, ZonaWaktu string
}

// InstansiPatch changes an instansi; nil fields stay.
type InstansiPatch struct {
	Nama      *string
	ZonaWaktu *string
	Aktif     *bool
}

// Create registers a pemda.
func (s *Instansi) Create(ctx context.Context, in InstansiInput) (domain.Instansi, error) {
	a, err := actor(ctx)
	if err != nil {
		return domain.Instansi{}, err
	}
	if !a.Has(domain.RoleSuperadmin) {
		return domain.Instansi{}, domain.ErrForbidden
	}
	if err := domain.ValidateTimeZone("zona_waktu", in.ZonaWaktu); err != nil {
		return domain.Instansi{}, err
	}
	now := s.Now().UTC()
	i := domain.Instansi{Nama: strings.TrimSpace(in.Nama), Kode: strings.ToUpper(in.Kode), Jenis: in.Jenis,
		ZonaWaktu: in.ZonaWaktu, Aktif: true, CreatedAt: now, UpdatedAt: now}
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		i, err = s.Store.CreateInstansi(ctx, i)
		if err != nil {
			return err
		}
		return s.record(ctx, i.ID, "CREATE", "instansi", i.ID, nil, i)
	})
	return i, err
}

// Get reads an instansi the caller belongs to (any, for SUPERADMIN).
func (s *Instansi) Get(ctx context.Context, id string) (domain.Instansi, error) {
	a, err := actor(ctx)
	if err != nil {
		return domain.Instansi{}, err
	}
	if !a.Has(domain.RoleSuperadmin) && a.InstansiID != id {
		return domain.Instansi{}, domain.NotFound("Instansi")
	}
	return s.Store.GetInstansi(ctx, id)
}

// Update changes an instansi (SUPERADMIN). expected is the If-Match version, if sent.
func (s *Instansi) Update(ctx context.Context, id string, p InstansiPatch, expected *int) (domain.Instansi, error) {
	a, err := actor(ctx)
	if err != nil {
		return domain.Instansi{}, err
	}
	if !a.Has(domain.RoleSuperadmin) {
		if a.InstansiID != id {
			return domain.Instansi{}, domain.NotFound("Instansi")
		}
		return domain.Instansi{}, domain.ErrForbidden
	}
	if p.ZonaWaktu != nil {
		if err := domain.ValidateTimeZone("zona_waktu", *p.ZonaWaktu); err != nil {
			return domain.Instansi{}, err
		}
	}
	var out domain.Instansi
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		before, err := s.Store.GetInstansi(ctx, id)
		if err != nil {
			return err
		}
		if err := checkVersion(expected, before.Version); err != nil {
			return err
		}
		after := before
		if p.Nama != nil {
			after.Nama = strings.TrimSpace(*p.Nama)
		}
		if p.ZonaWaktu != nil {
			after.ZonaWaktu = *p.ZonaWaktu
		}
		if p.Aktif != nil {
			after.Aktif = *p.Aktif
		}
		after.UpdatedAt = s.Now().UTC()
		out, err = s.Store.UpdateInstansi(ctx, after)
		if err != nil {
			return err
		}
		return s.record(ctx, id, "UPDATE", "instansi", id, before, out)
	})
	return out, err
}

// List returns instansi: all for SUPERADMIN, the caller's own otherwise.
func (s *Instansi) List(ctx context.Context, f domain.InstansiFilter, pg Page) ([]domain.Instansi, int64, error) {
	a, err := actor(ctx)
	if err != nil {
		return nil, 0, err
	}
	if !a.Has(domain.RoleSuperadmin) {
		f.InstansiID = a.InstansiID
	}
	f.Offset, f.Limit = pg.Offset(), pg.Size
	return s.Store.ListInstansi(ctx, f)
}
