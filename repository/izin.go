package repository

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type izinRow struct {
	ID          string
	InstansiID  string
	PegawaiID   string
	Jenis       string
	Mulai       sqlDate
	Selesai     sqlDate
	AnakKe      *int
	NomorSurat  *string
	Keterangan  *string
	Status      string
	DiputusOleh *string
	DiputusAt   *time.Time
	Catatan     *string
	DibuatOleh  string
	Version     int
	CreatedAt   time.Time
	// read through the joins with pegawai and the unit in force
	NIP           string `gorm:"->;column:nip"`
	Nama          string `gorm:"->;column:nama"`
	GelarDepan    string `gorm:"->;column:gelar_depan"`
	GelarBelakang string `gorm:"->;column:gelar_belakang"`
	UnitPath      string `gorm:"->;column:unit_path"`
}

func (izinRow) TableName() string { return "izin" }

func toDomainIzin(r izinRow) domain.Izin {
	p := domain.Pegawai{Nama: r.Nama, GelarDepan: r.GelarDepan, GelarBelakang: r.GelarBelakang}
	z := domain.Izin{ID: r.ID, InstansiID: r.InstansiID, PegawaiID: r.PegawaiID, NIP: r.NIP, Nama: p.NamaLengkap(),
		UnitPath: r.UnitPath, Jenis: domain.JenisIzin(r.Jenis), Mulai: r.Mulai.Time, Selesai: r.Selesai.Time,
		NomorSurat: deref(r.NomorSurat), Keterangan: deref(r.Keterangan), Status: domain.StatusDokumenIzin(r.Status),
		DiputusOleh: deref(r.DiputusOleh), DiputusAt: utcPtr(r.DiputusAt), Catatan: deref(r.Catatan),
		DibuatOleh: r.DibuatOleh, Version: r.Version, CreatedAt: utc(r.CreatedAt)}
	if r.AnakKe != nil {
		z.AnakKe = *r.AnakKe
	}
	return z
}

// izinUnitJoin joins an employee (alias p) with the unit (alias u) of the riwayat in
// force on a date, its one parameter; employees not yet placed keep a NULL unit.
const izinUnitJoin = `LEFT JOIN riwayat_pegawai r ON r.pegawai_id = p.id AND r.berlaku_mulai = (SELECT max(r2.berlaku_mulai)
  FROM riwayat_pegawai r2 WHERE r2.pegawai_id = p.id AND r2.berlaku_mulai <= ?)
LEFT JOIN unit_kerja u ON u.id = r.unit_kerja_id`

const izinPegawaiColumns = `p.nip AS nip, p.nama AS nama, p.gelar_depan AS gelar_depan, p.gelar_belakang AS gelar_belakang,
COALESCE(u.path, '') AS unit_path`

func (db *DB) izinQuery(ctx context.Context, asOf time.Time) *gormDB {
	return db.conn(ctx).Table("izin").Select("izin.*, "+izinPegawaiColumns).
		Joins("JOIN pegawai p ON p.id = izin.pegawai_id").
		Joins(izinUnitJoin, newDate(asOf))
}

// izinJangkauan limits q to the employees in reach: pegawaiCol names the row's
// employee column and u must be the joined unit (izinUnitJoin).
func izinJangkauan(q *gormDB, j domain.Jangkauan, pegawaiCol string) *gormDB {
	if j.Semua {
		return q
	}
	var conds []string
	var args []any
	if len(j.PegawaiIDs) > 0 {
		conds, args = append(conds, pegawaiCol+" IN ?"), append(args, j.PegawaiIDs)
	}
	if j.ScopePath != "" {
		conds, args = append(conds, "u.path LIKE ?"+likeEscape), append(args, pegawaiPathPrefix(j.ScopePath))
	}
	if len(conds) == 0 {
		return q.Where("1 = 0")
	}
	return q.Where("("+strings.Join(conds, " OR ")+")", args...)
}

// LockPegawai serialises, until the transaction ends, writes that check an employee's
// other rows first: the overlap of absence documents or of flexible arrangements, the
// uniqueness of a sanction's SK number.
func (db *DB) LockPegawai(ctx context.Context, instansiID, pegawaiID string) error {
	res := db.conn(ctx).Exec(`UPDATE pegawai SET version = version WHERE instansi_id = ? AND id = ?`, instansiID, pegawaiID)
	if res.Error != nil {
		return fmt.Errorf("lock pegawai: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Pegawai")
	}
	return nil
}

// IzinBentrok returns the first filed or approved document of the employee that shares
// a date with [mulai, selesai], if any.
func (db *DB) IzinBentrok(ctx context.Context, instansiID, pegawaiID string, mulai, selesai time.Time) (domain.Izin, bool, error) {
	var rows []izinRow
	err := db.izinQuery(ctx, mulai).
		Where("izin.instansi_id = ? AND izin.pegawai_id = ? AND izin.status IN ?", instansiID, pegawaiID,
			[]string{string(domain.IzinDiajukan), string(domain.IzinDisetujui)}).
		Where("izin.mulai <= ? AND izin.selesai >= ?", newDate(selesai), newDate(mulai)).
		Order("izin.mulai, izin.id").Limit(1).Find(&rows).Error
	if err != nil {
		return domain.Izin{}, false, fmt.Errorf("izin overlap: %w", err)
	}
	if len(rows) == 0 {
		return domain.Izin{}, false, nil
	}
	return toDomainIzin(rows[0]), true, nil
}

// CreateIzin inserts an absence document.
func (db *DB) CreateIzin(ctx context.Context, z domain.Izin) error {
	var anak any
	if z.AnakKe != 0 {
		anak = z.AnakKe
	}
	err := db.conn(ctx).Exec(`INSERT INTO izin (id, instansi_id, pegawai_id, jenis, mulai, selesai, anak_ke, nomor_surat, keterangan,
		status, dibuat_oleh, version, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`, z.ID, z.InstansiID, z.PegawaiID, string(z.Jenis),
		newDate(z.Mulai), newDate(z.Selesai), anak, nullString(z.NomorSurat), nullString(z.Keterangan), string(z.Status),
		z.DibuatOleh, z.Version, z.CreatedAt.UTC()).Error
	if err != nil {
		return translate(err, "Izin")
	}
	return nil
}

// GetIzin reads one absence document, with the employee's unit on asOf.
func (db *DB) GetIzin(ctx context.Context, instansiID, id string, asOf time.Time) (domain.Izin, error) {
	var row izinRow
	if err := db.izinQuery(ctx, asOf).Where("izin.instansi_id = ? AND izin.id = ?", instansiID, id).Take(&row).Error; err != nil {
		return domain.Izin{}, translate(err, "Izin")
	}
	return toDomainIzin(row), nil
}

// ListIzin returns a page of absence documents, latest start first, and the total.
func (db *DB) ListIzin(ctx context.Context, f domain.IzinFilter) ([]domain.Izin, int64, error) {
	q := db.izinQuery(ctx, f.AsOf).Where("izin.instansi_id = ?", f.InstansiID)
	q = izinJangkauan(q, f.Jangkauan, "izin.pegawai_id")
	if f.KecualiID != "" {
		q = q.Where("izin.pegawai_id <> ?", f.KecualiID)
	}
	if f.NIP != "" {
		q = q.Where("p.nip = ?", f.NIP)
	}
	if f.Status != "" {
		q = q.Where("izin.status = ?", string(f.Status))
	}
	if f.Dari != nil {
		q = q.Where("izin.selesai >= ?", newDate(*f.Dari))
	}
	if f.Sampai != nil {
		q = q.Where("izin.mulai <= ?", newDate(*f.Sampai))
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count izin: %w", err)
	}
	var rows []izinRow
	if err := q.Order("izin.mulai DESC, izin.id DESC").Offset(f.Offset).Limit(f.Limit).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list izin: %w", err)
	}
	out := make([]domain.Izin, len(rows))
	for i, r := range rows {
		out[i] = toDomainIzin(r)
	}
	return out, total, nil
}

// PutuskanIzin stores the decision on a document still filed at version
// z.Version − 1; a document decided meanwhile is a conflict.
func (db *DB) PutuskanIzin(ctx context.Context, z domain.Izin) error {
	res := db.conn(ctx).Exec(`UPDATE izin SET status = ?, diputus_oleh = ?, diputus_at = ?, catatan = ?, version = ?
		WHERE instansi_id = ? AND id = ? AND status = ? AND version = ?`, string(z.Status), nullString(z.DiputusOleh),
		utcPtr(z.DiputusAt), nullString(z.Catatan), z.Version, z.InstansiID, z.ID, string(domain.IzinDiajukan), z.Version-1)
	if res.Error != nil {
		return translate(res.Error, "Izin")
	}
	if res.RowsAffected == 0 {
		return domain.Conflict("izin_sudah_diputus", "Izin ini sudah diputus.", "This document was already decided.")
	}
	return nil
}

// IzinDisetujuiRange returns the approved documents that share a date with [from, to]
// (local dates), keyed by employee id, for the monthly attendance summary.
func (db *DB) IzinDisetujuiRange(ctx context.Context, instansiID string, from, to time.Time, pegawaiIDs ...string) (map[string][]domain.DokumenIzin, error) {
	var rows []struct {
		PegawaiID string
		Jenis     string
		Mulai     sqlDate
		Selesai   sqlDate
		AnakKe    *int
	}
	q, args := hanyaPegawai(`SELECT pegawai_id, jenis, mulai, selesai, anak_ke FROM izin
		WHERE instansi_id = ? AND status = ? AND mulai <= ? AND selesai >= ?`,
		[]any{instansiID, string(domain.IzinDisetujui), newDate(to), newDate(from)}, "pegawai_id", pegawaiIDs)
	err := db.conn(ctx).Raw(q+" ORDER BY pegawai_id, mulai", args...).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("approved izin: %w", err)
	}
	out := make(map[string][]domain.DokumenIzin)
	for _, r := range rows {
		d := domain.DokumenIzin{Jenis: domain.JenisIzin(r.Jenis), Mulai: r.Mulai.Time, Selesai: r.Selesai.Time}
		if r.AnakKe != nil {
			d.AnakKe = *r.AnakKe
		}
		out[r.PegawaiID] = append(out[r.PegawaiID], d)
	}
	return out, nil
}
