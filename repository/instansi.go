package repository

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type instansiRow struct {
	ID        string
	Nama      string
	Kode      string
	Jenis     string
	ZonaWaktu string
	Aktif     bool
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (instansiRow) TableName() string { return "instansi" }

func toDomainInstansi(r instansiRow) domain.Instansi {
	return domain.Instansi{ID: r.ID, Nama: r.Nama, Kode: r.Kode, Jenis: r.Jenis, ZonaWaktu: r.ZonaWaktu,
		Aktif: r.Aktif, Version: r.Version, CreatedAt: utc(r.CreatedAt), UpdatedAt: utc(r.UpdatedAt)}
}

func toInstansiRow(i domain.Instansi) instansiRow {
	return instansiRow{ID: i.ID, Nama: i.Nama, Kode: i.Kode, Jenis: i.Jenis, ZonaWaktu: i.ZonaWaktu,
		Aktif: i.Aktif, Version: i.Version, CreatedAt: i.CreatedAt.UTC(), UpdatedAt: i.UpdatedAt.UTC()}
}

// CreateInstansi inserts an instansi, assigning its id.
func (db *DB) CreateInstansi(ctx context.Context, i domain.Instansi) (domain.Instansi, error) {
	if i.ID == "" {
		i.ID = newID()
	}
	i.Version = 1
	row := toInstansiRow(i)
	if err := db.conn(ctx).Create(&row).Error; err != nil {
		return domain.Instansi{}, translate(err, "Instansi")
	}
	return toDomainInstansi(row), nil
}

// GetInstansi reads one instansi.
// Remembered for a few seconds (ingatan.go).
func (db *DB) GetInstansi(ctx context.Context, id string) (domain.Instansi, error) {
	return remembered(ctx, db, db.ingatan.instansi, id, func() (domain.Instansi, error) {
		var row instansiRow
		if err := db.conn(ctx).Where("id = ?", id).Take(&row).Error; err != nil {
			return domain.Instansi{}, translate(err, "Instansi")
		}
		return toDomainInstansi(row), nil
	})
}

// UpdateInstansi writes i if its stored version is still i.Version, and bumps it.
func (db *DB) UpdateInstansi(ctx context.Context, i domain.Instansi) (domain.Instansi, error) {
	res := db.conn(ctx).Model(&instansiRow{}).Where("id = ? AND version = ?", i.ID, i.Version).Updates(map[string]any{
		"nama": i.Nama, "zona_waktu": i.ZonaWaktu, "aktif": i.Aktif,
		"version": i.Version + 1, "updated_at": i.UpdatedAt.UTC(),
	})
	if res.Error != nil {
		return domain.Instansi{}, translate(res.Error, "Instansi")
	}
	if res.RowsAffected == 0 {
		return domain.Instansi{}, domain.Stale()
	}
	db.changed(ctx)
	return db.GetInstansi(ctx, i.ID)
}

// ListInstansi returns a page of instansi and the total.
func (db *DB) ListInstansi(ctx context.Context, f domain.InstansiFilter) ([]domain.Instansi, int64, error) {
	q := db.conn(ctx).Model(&instansiRow{})
	if f.InstansiID != "" {
		q = q.Where("id = ?", f.InstansiID)
	}
	if f.Jenis != "" {
		q = q.Where("jenis = ?", f.Jenis)
	}
	if f.Q != "" {
		p := likePattern(f.Q)
		q = q.Where("(lower(nama) LIKE ?"+likeEscape+" OR lower(kode) LIKE ?"+likeEscape+")", p, p)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count instansi: %w", err)
	}
	var rows []instansiRow
	if err := q.Order("nama, id").Offset(f.Offset).Limit(f.Limit).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list instansi: %w", err)
	}
	out := make([]domain.Instansi, len(rows))
	for i, r := range rows {
		out[i] = toDomainInstansi(r)
	}
	return out, total, nil
}
