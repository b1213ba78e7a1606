package repository

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type periodeKinerjaRow struct {
	InstansiID            string
	Tahun                 int
	Frekuensi             string
	BatasKeberatanHari    int
	ModeDistribusi        string
	CapaianMaks           int
	HasilPimpinanIkutUnit bool
	Version               int
	CreatedAt             time.Time
	UpdatedAt             time.Time
}

func (periodeKinerjaRow) TableName() string { return "periode_kinerja" }

func toDomainPeriodeKinerja(r periodeKinerjaRow) domain.PeriodeKinerja {
	u := r.UpdatedAt.UTC()
	return domain.PeriodeKinerja{InstansiID: r.InstansiID, Tahun: r.Tahun, Frekuensi: r.Frekuensi,
		BatasKeberatanHari: r.BatasKeberatanHari, ModeDistribusi: r.ModeDistribusi, CapaianMaks: r.CapaianMaks,
		HasilPimpinanIkutUnit: r.HasilPimpinanIkutUnit, Tersimpan: true, Version: r.Version, UpdatedAt: &u}
}

// GetPeriodeKinerja reads a year's appraisal settings, or the defaults when none were saved.
func (db *DB) GetPeriodeKinerja(ctx context.Context, instansiID string, tahun int) (domain.PeriodeKinerja, error) {
	var rows []periodeKinerjaRow
	if err := db.conn(ctx).Where("instansi_id = ? AND tahun = ?", instansiID, tahun).Limit(1).Find(&rows).Error; err != nil {
		return domain.PeriodeKinerja{}, fmt.Errorf("get periode kinerja: %w", err)
	}
	if len(rows) == 0 {
		return domain.DefaultPeriodeKinerja(instansiID, tahun), nil
	}
	return toDomainPeriodeKinerja(rows[0]), nil
}

// ListPeriodeKinerja returns the saved settings of every year, newest first.
func (db *DB) ListPeriodeKinerja(ctx context.Context, instansiID string) ([]domain.PeriodeKinerja, error) {
	var rows []periodeKinerjaRow
	if err := db.conn(ctx).Where("instansi_id = ?", instansiID).Order("tahun DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list periode kinerja: %w", err)
	}
	out := make([]domain.PeriodeKinerja, len(rows))
	for i, r := range rows {
		out[i] = toDomainPeriodeKinerja(r)
	}
	return out, nil
}

// SavePeriodeKinerja inserts a year's settings, or updates them if p.Version is still
// the stored one.
func (db *DB) SavePeriodeKinerja(ctx context.Context, p domain.PeriodeKinerja, now time.Time) (domain.PeriodeKinerja, error) {
	if !p.Tersimpan {
		err := db.conn(ctx).Exec(`INSERT INTO periode_kinerja (instansi_id, tahun, frekuensi, batas_keberatan_hari, mode_distribusi,
			capaian_maks, hasil_pimpinan_ikut_unit, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,1,?,?)`,
			p.InstansiID, p.Tahun, p.Frekuensi, p.BatasKeberatanHari, p.ModeDistribusi, p.CapaianMaks, p.HasilPimpinanIkutUnit,
			now.UTC(), now.UTC()).Error
		if err != nil {
			return domain.PeriodeKinerja{}, translate(err, "Periode kinerja")
		}
		return db.GetPeriodeKinerja(ctx, p.InstansiID, p.Tahun)
	}
	res := db.conn(ctx).Exec(`UPDATE periode_kinerja SET frekuensi = ?, batas_keberatan_hari = ?, mode_distribusi = ?, capaian_maks = ?,
		hasil_pimpinan_ikut_unit = ?, version = version + 1, updated_at = ? WHERE instansi_id = ? AND tahun = ? AND version = ?`,
		p.Frekuensi, p.BatasKeberatanHari, p.ModeDistribusi, p.CapaianMaks, p.HasilPimpinanIkutUnit, now.UTC(), p.InstansiID, p.Tahun, p.Version)
	if res.Error != nil {
		return domain.PeriodeKinerja{}, translate(res.Error, "Periode kinerja")
	}
	if res.RowsAffected == 0 {
		return domain.PeriodeKinerja{}, domain.Stale()
	}
	return db.GetPeriodeKinerja(ctx, p.InstansiID, p.Tahun)
}

// PeriodikCount counts the periodic evaluations of a year, which fix its frequency.
func (db *DB) PeriodikCount(ctx context.Context, instansiID string, tahun int) (int64, error) {
	var n int64
	if err := db.conn(ctx).Table("penilaian").Where("instansi_id = ? AND tahun = ? AND jenis = 'PERIODIK'", instansiID, tahun).
		Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count periodik: %w", err)
	}
	return n, nil
}
