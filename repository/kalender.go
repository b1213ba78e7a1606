package repository

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type hariLiburRow struct {
	InstansiID string  `gorm:"column:instansi_id"`
	Tanggal    sqlDate `gorm:"column:tanggal"`
	Jenis      string  `gorm:"column:jenis"`
	Nama       string  `gorm:"column:nama"`
}

func (hariLiburRow) TableName() string { return "hari_libur" }

func toDomainHariLibur(r hariLiburRow) domain.HariLibur {
	return domain.HariLibur{Tanggal: r.Tanggal.Time, Jenis: domain.JenisLibur(r.Jenis), Nama: r.Nama}
}

// HariLiburRange returns the holidays of an instansi dated from..to (inclusive dates),
// by date, remembered for a few seconds (ingatan.go).
func (db *DB) HariLiburRange(ctx context.Context, instansiID string, from, to time.Time) ([]domain.HariLibur, error) {
	return remembered(ctx, db, db.ingatan.libur, kunci(instansiID, from, to), func() ([]domain.HariLibur, error) {
		var rows []hariLiburRow
		err := db.conn(ctx).Where("instansi_id = ? AND tanggal >= ? AND tanggal <= ?", instansiID, newDate(from), newDate(to)).
			Order("tanggal").Find(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("hari libur range: %w", err)
		}
		out := make([]domain.HariLibur, len(rows))
		for i, r := range rows {
			out[i] = toDomainHariLibur(r)
		}
		return out, nil
	})
}

// GetKalender returns the holidays of one year of an instansi; a year never saved is
// an empty list.
func (db *DB) GetKalender(ctx context.Context, instansiID string, tahun int) (domain.Kalender, error) {
	items, err := db.HariLiburRange(ctx, instansiID, time.Date(tahun, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(tahun, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		return domain.Kalender{}, err
	}
	return domain.Kalender{Tahun: tahun, Items: items}, nil
}

// LockKalender locks the calendar of an instansi (through its instansi row) until the
// transaction of ctx ends, so that two replacements run one after the other instead
// of colliding on the key.
func (db *DB) LockKalender(ctx context.Context, instansiID string) error {
	res := db.conn(ctx).Exec(`UPDATE instansi SET version = version WHERE id = ?`, instansiID)
	if res.Error != nil {
		return fmt.Errorf("lock kalender: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Instansi")
	}
	return nil
}

// ReplaceKalender replaces the holidays of year k.Tahun with k.Items. Run it in a
// transaction, after LockKalender: it deletes, then inserts.
func (db *DB) ReplaceKalender(ctx context.Context, instansiID string, k domain.Kalender) error {
	defer db.changed(ctx) // after the write, whichever statement ended it
	err := db.conn(ctx).Exec(`DELETE FROM hari_libur WHERE instansi_id = ? AND tanggal >= ? AND tanggal <= ?`, instansiID,
		newDate(time.Date(k.Tahun, 1, 1, 0, 0, 0, 0, time.UTC)), newDate(time.Date(k.Tahun, 12, 31, 0, 0, 0, 0, time.UTC))).Error
	if err != nil {
		return fmt.Errorf("clear kalender %d: %w", k.Tahun, err)
	}
	if len(k.Items) == 0 {
		return nil
	}
	rows := make([]hariLiburRow, len(k.Items))
	for i, h := range k.Items {
		rows[i] = hariLiburRow{InstansiID: instansiID, Tanggal: newDate(h.Tanggal), Jenis: string(h.Jenis), Nama: h.Nama}
	}
	if err := db.conn(ctx).Create(&rows).Error; err != nil {
		return translate(err, "Hari libur")
	}
	return nil
}
