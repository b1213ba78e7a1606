package repository

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type unitKerjaRow struct {
	ID              string
	InstansiID      string
	ParentID        *string
	Path            string
	Level           int
	Kode            string
	Nama            string
	Jenis           string
	ZonaWaktu       *string
	KepalaJabatanID *string
	Version         int
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

func (unitKerjaRow) TableName() string { return "unit_kerja" }

func toDomainUnitKerja(r unitKerjaRow) domain.UnitKerja {
	return domain.UnitKerja{ID: r.ID, InstansiID: r.InstansiID, ParentID: deref(r.ParentID), Path: r.Path, Level: r.Level,
		Kode: r.Kode, Nama: r.Nama, Jenis: r.Jenis, ZonaWaktu: deref(r.ZonaWaktu), KepalaJabatanID: deref(r.KepalaJabatanID),
		Version: r.Version, CreatedAt: utc(r.CreatedAt), UpdatedAt: utc(r.UpdatedAt)}
}

func toUnitKerjaRow(u domain.UnitKerja) unitKerjaRow {
	return unitKerjaRow{ID: u.ID, InstansiID: u.InstansiID, ParentID: optional(u.ParentID), Path: u.Path, Level: u.Level,
		Kode: u.Kode, Nama: u.Nama, Jenis: u.Jenis, ZonaWaktu: optional(u.ZonaWaktu), KepalaJabatanID: optional(u.KepalaJabatanID),
		Version: u.Version, CreatedAt: u.CreatedAt.UTC(), UpdatedAt: u.UpdatedAt.UTC()}
}

func toDomainUnitKerjas(rows []unitKerjaRow) []domain.UnitKerja {
	out := make([]domain.UnitKerja, len(rows))
	for i, r := range rows {
		out[i] = toDomainUnitKerja(r)
	}
	return out
}

// CreateUnitKerja inserts a unit. The caller sets its id, path and level (the path
// contains the id).
func (db *DB) CreateUnitKerja(ctx context.Context, u domain.UnitKerja) (domain.UnitKerja, error) {
	if u.ID == "" {
		return domain.UnitKerja{}, fmt.Errorf("create unit kerja: no id")
	}
	u.Version = 1
	row := toUnitKerjaRow(u)
	if err := db.conn(ctx).Create(&row).Error; err != nil {
		return domain.UnitKerja{}, translate(err, "Unit kerja")
	}
	db.changed(ctx) // a remembered subtree lacks it
	return toDomainUnitKerja(row), nil
}

// GetUnitKerja reads one unit of an instansi.
func (db *DB) GetUnitKerja(ctx context.Context, instansiID, id string) (domain.UnitKerja, error) {
	var row unitKerjaRow
	if err := db.conn(ctx).Where("instansi_id = ? AND id = ?", instansiID, id).Take(&row).Error; err != nil {
		return domain.UnitKerja{}, translate(err, "Unit kerja")
	}
	return toDomainUnitKerja(row), nil
}

// UnitKerjaByIDs reads the units of an instansi with the given ids; missing ones are
// left out.
func (db *DB) UnitKerjaByIDs(ctx context.Context, instansiID string, ids []string) ([]domain.UnitKerja, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var rows []unitKerjaRow
	if err := db.conn(ctx).Where("instansi_id = ? AND id IN ?", instansiID, ids).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("units by id: %w", err)
	}
	return toDomainUnitKerjas(rows), nil
}

// UpdateUnitKerja writes u if its stored version is still u.Version, and bumps it.
func (db *DB) UpdateUnitKerja(ctx context.Context, u domain.UnitKerja) (domain.UnitKerja, error) {
	res := db.conn(ctx).Model(&unitKerjaRow{}).Where("instansi_id = ? AND id = ? AND version = ?", u.InstansiID, u.ID, u.Version).
		Updates(map[string]any{
			"parent_id": optional(u.ParentID), "path": u.Path, "level": u.Level, "kode": u.Kode, "nama": u.Nama,
			"jenis": u.Jenis, "zona_waktu": optional(u.ZonaWaktu), "kepala_jabatan_id": optional(u.KepalaJabatanID),
			"version": u.Version + 1, "updated_at": u.UpdatedAt.UTC(),
		})
	if res.Error != nil {
		return domain.UnitKerja{}, translate(res.Error, "Unit kerja")
	}
	if res.RowsAffected == 0 {
		return domain.UnitKerja{}, domain.Stale()
	}
	db.changed(ctx) // accounts carry their unit's path
	return db.GetUnitKerja(ctx, u.InstansiID, u.ID)
}

// MoveUnitKerjaSubtree rewrites the path and level of every unit whose path starts
// with oldPath to start with newPath instead, in one statement, and bumps their
// versions (their level changed). Portable SQL: || and substr exist in both engines.
func (db *DB) MoveUnitKerjaSubtree(ctx context.Context, instansiID, oldPath, newPath string, levelDelta int, at time.Time) (int64, error) {
	res := db.conn(ctx).Exec(`UPDATE unit_kerja SET path = ? || substr(path, ?), level = level + ?, version = version + 1, updated_at = ?
		WHERE instansi_id = ? AND path LIKE ?`,
		newPath, len(oldPath)+1, levelDelta, at.UTC(), instansiID, oldPath+"%")
	if res.Error != nil {
		return 0, translate(res.Error, "Unit kerja")
	}
	db.changed(ctx)
	return res.RowsAffected, nil
}

// DeleteUnitKerja removes a unit.
func (db *DB) DeleteUnitKerja(ctx context.Context, instansiID, id string) error {
	res := db.conn(ctx).Where("instansi_id = ? AND id = ?", instansiID, id).Delete(&unitKerjaRow{})
	if res.Error != nil {
		return translate(res.Error, "Unit kerja")
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Unit kerja")
	}
	db.changed(ctx)
	return nil
}

// UnitKerjaUsage counts a unit's direct sub-units and its positions.
func (db *DB) UnitKerjaUsage(ctx context.Context, instansiID, id string) (domain.UnitKerjaUsage, error) {
	var u struct {
		SubUnit int64
		Jabatan int64
	}
	err := db.conn(ctx).Raw(`SELECT
		(SELECT count(*) FROM unit_kerja WHERE instansi_id = ? AND parent_id = ?) AS sub_unit,
		(SELECT count(*) FROM jabatan WHERE instansi_id = ? AND unit_kerja_id = ?) AS jabatan`,
		instansiID, id, instansiID, id).Scan(&u).Error
	if err != nil {
		return domain.UnitKerjaUsage{}, fmt.Errorf("unit kerja usage: %w", err)
	}
	return domain.UnitKerjaUsage{SubUnit: u.SubUnit, Jabatan: u.Jabatan}, nil
}

// ListUnitKerja returns a page of units and the total.
func (db *DB) ListUnitKerja(ctx context.Context, f domain.UnitKerjaFilter) ([]domain.UnitKerja, int64, error) {
	q := db.conn(ctx).Model(&unitKerjaRow{}).Where("instansi_id = ?", f.InstansiID)
	if f.ParentID != "" {
		q = q.Where("parent_id = ?", f.ParentID)
	}
	if f.Root {
		q = q.Where("level = 0")
	}
	if f.Q != "" {
		p := likePattern(f.Q)
		q = q.Where("(lower(nama) LIKE ?"+likeEscape+" OR lower(kode) LIKE ?"+likeEscape+")", p, p)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count unit kerja: %w", err)
	}
	var rows []unitKerjaRow
	if err := q.Order("level, nama, id").Offset(f.Offset).Limit(f.Limit).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list unit kerja: %w", err)
	}
	return toDomainUnitKerjas(rows), total, nil
}

// UnitKerjaSubtree returns every unit of an instansi whose path starts with prefix
// ("" for the whole instansi), in one query, remembered for a few seconds (ingatan.go).
func (db *DB) UnitKerjaSubtree(ctx context.Context, instansiID, prefix string) ([]domain.UnitKerja, error) {
	return remembered(ctx, db, db.ingatan.unitKerja, kunci(instansiID, prefix), func() ([]domain.UnitKerja, error) {
		q := db.conn(ctx).Where("instansi_id = ?", instansiID)
		if prefix != "" {
			q = q.Where("path LIKE ?", prefix+"%")
		}
		var rows []unitKerjaRow
		if err := q.Order("path").Find(&rows).Error; err != nil {
			return nil, fmt.Errorf("unit kerja subtree: %w", err)
		}
		return toDomainUnitKerjas(rows), nil
	})
}

// LockOrgChart serialises changes to an instansi's structure (units created or
// moved, reporting lines changed) until the transaction ends, by taking the instansi
// row's lock with a no-op update: portable, and on PostgreSQL it keeps a concurrent
// move from missing a unit created under the old path, or two changes of reporting
// lines from closing a loop that each checked alone.
func (db *DB) LockOrgChart(ctx context.Context, instansiID string) error {
	res := db.conn(ctx).Exec(`UPDATE instansi SET version = version WHERE id = ?`, instansiID)
	if res.Error != nil {
		return fmt.Errorf("lock org chart: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Instansi")
	}
	return nil
}
