package repository

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type paguTPPTahunRow struct {
	InstansiID string
	Tahun      int
	Mode       string
	Version    int
	UpdatedAt  time.Time
}

func (paguTPPTahunRow) TableName() string { return "pagu_tpp_tahun" }

type paguTPPRow struct {
	InstansiID  string
	Tahun       int
	UnitKerjaID string
	Jumlah      int64
}

func (paguTPPRow) TableName() string { return "pagu_tpp" }

// PaguTPP reads the year's budget with each line's Terpakai (the cost of approved
// runs of the year); Version 0 and mode PERINGATAN when the year was never saved.
// Lines are ordered by unit path, so a unit follows the unit above it.
func (db *DB) PaguTPP(ctx context.Context, instansiID string, tahun int) (domain.PaguTPP, error) {
	out := domain.PaguTPP{InstansiID: instansiID, Tahun: tahun, Mode: domain.PaguPeringatan, Unit: []domain.PaguUnit{}}
	var head []paguTPPTahunRow
	if err := db.conn(ctx).Where("instansi_id = ? AND tahun = ?", instansiID, tahun).Limit(1).Find(&head).Error; err != nil {
		return domain.PaguTPP{}, fmt.Errorf("pagu tpp %d: %w", tahun, err)
	}
	if len(head) == 0 {
		return out, nil
	}
	out.Mode, out.Version = domain.ModePagu(head[0].Mode), head[0].Version
	rows, err := db.conn(ctx).Raw(`SELECT g.unit_kerja_id, u.nama, u.path, g.jumlah, CAST(COALESCE(t.terpakai, 0) AS bigint)
		FROM pagu_tpp g
		JOIN unit_kerja u ON u.id = g.unit_kerja_id AND u.instansi_id = g.instansi_id
		LEFT JOIN (SELECT b.unit_kerja_id, SUM(b.biaya) AS terpakai
			FROM perhitungan_tpp_pagu b JOIN perhitungan_tpp p ON p.id = b.perhitungan_tpp_id
			WHERE b.instansi_id = ? AND p.instansi_id = ? AND p.tahun = ? AND p.status = 'DISETUJUI'
			GROUP BY b.unit_kerja_id) t ON t.unit_kerja_id = g.unit_kerja_id
		WHERE g.instansi_id = ? AND g.tahun = ?
		ORDER BY u.path`, instansiID, instansiID, tahun, instansiID, tahun).Rows()
	if err != nil {
		return domain.PaguTPP{}, fmt.Errorf("pagu tpp %d lines: %w", tahun, err)
	}
	defer rows.Close()
	for rows.Next() {
		var u domain.PaguUnit
		if err := rows.Scan(&u.UnitKerjaID, &u.UnitKerjaNama, &u.UnitPath, &u.Jumlah, &u.Terpakai); err != nil {
			return domain.PaguTPP{}, fmt.Errorf("pagu tpp %d lines: %w", tahun, err)
		}
		out.Unit = append(out.Unit, u)
	}
	if err := rows.Err(); err != nil {
		return domain.PaguTPP{}, fmt.Errorf("pagu tpp %d lines: %w", tahun, err)
	}
	return out, nil
}

// ReplacePaguTPP replaces a year's mode and lines. p.Version is the stored version
// the change was decided on (0 for a year never saved); Stale when it moved. Run it
// in a transaction after LockInstansiTPP: it writes the year, deletes, then inserts.
func (db *DB) ReplacePaguTPP(ctx context.Context, p domain.PaguTPP, now time.Time) error {
	if p.Version == 0 {
		err := db.conn(ctx).Exec(`INSERT INTO pagu_tpp_tahun (instansi_id, tahun, mode, version, updated_at) VALUES (?,?,?,1,?)`,
			p.InstansiID, p.Tahun, string(p.Mode), now.UTC()).Error
		if err != nil {
			return translate(err, "Pagu TPP")
		}
	} else {
		res := db.conn(ctx).Exec(`UPDATE pagu_tpp_tahun SET mode = ?, version = version + 1, updated_at = ?
			WHERE instansi_id = ? AND tahun = ? AND version = ?`, string(p.Mode), now.UTC(), p.InstansiID, p.Tahun, p.Version)
		if res.Error != nil {
			return translate(res.Error, "Pagu TPP")
		}
		if res.RowsAffected == 0 {
			return domain.Stale()
		}
	}
	if err := db.conn(ctx).Exec(`DELETE FROM pagu_tpp WHERE instansi_id = ? AND tahun = ?`, p.InstansiID, p.Tahun).Error; err != nil {
		return fmt.Errorf("clear pagu tpp %d: %w", p.Tahun, err)
	}
	if len(p.Unit) == 0 {
		return nil
	}
	rows := make([]paguTPPRow, len(p.Unit))
	for i, u := range p.Unit {
		rows[i] = paguTPPRow{InstansiID: p.InstansiID, Tahun: p.Tahun, UnitKerjaID: u.UnitKerjaID, Jumlah: u.Jumlah}
	}
	if err := db.conn(ctx).CreateInBatches(&rows, 1000).Error; err != nil {
		return translate(err, "Pagu TPP")
	}
	return nil
}
