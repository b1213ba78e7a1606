package repository

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type jabatanRow struct {
	ID              string
	InstansiID      string
	UnitKerjaID     string
	Kode            string
	Nama            string
	Jenis           string
	Jenjang         *string
	KelasJabatan    int
	AtasanJabatanID *string
	Kebutuhan       int
	Version         int
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

func (jabatanRow) TableName() string { return "jabatan" }

func toDomainJabatan(r jabatanRow) domain.Jabatan {
	return domain.Jabatan{ID: r.ID, InstansiID: r.InstansiID, UnitKerjaID: r.UnitKerjaID, Kode: r.Kode, Nama: r.Nama,
		Jenis: domain.JenisJabatan(r.Jenis), Jenjang: domain.Jenjang(deref(r.Jenjang)), KelasJabatan: r.KelasJabatan,
		AtasanJabatanID: deref(r.AtasanJabatanID), Kebutuhan: r.Kebutuhan, Version: r.Version,
		CreatedAt: utc(r.CreatedAt), UpdatedAt: utc(r.UpdatedAt)}
}

func toJabatanRow(j domain.Jabatan) jabatanRow {
	return jabatanRow{ID: j.ID, InstansiID: j.InstansiID, UnitKerjaID: j.UnitKerjaID, Kode: j.Kode, Nama: j.Nama,
		Jenis: string(j.Jenis), Jenjang: optional(string(j.Jenjang)), KelasJabatan: j.KelasJabatan,
		AtasanJabatanID: optional(j.AtasanJabatanID), Kebutuhan: j.Kebutuhan, Version: j.Version,
		CreatedAt: j.CreatedAt.UTC(), UpdatedAt: j.UpdatedAt.UTC()}
}

// CreateJabatan inserts a position, assigning its id if it has none.
func (db *DB) CreateJabatan(ctx context.Context, j domain.Jabatan) (domain.Jabatan, error) {
	if j.ID == "" {
		j.ID = newID()
	}
	j.Version = 1
	row := toJabatanRow(j)
	if err := db.conn(ctx).Create(&row).Error; err != nil {
		return domain.Jabatan{}, translate(err, "Jabatan")
	}
	return toDomainJabatan(row), nil
}

// GetJabatan reads one position of an instansi.
func (db *DB) GetJabatan(ctx context.Context, instansiID, id string) (domain.Jabatan, error) {
	var row jabatanRow
	if err := db.conn(ctx).Where("instansi_id = ? AND id = ?", instansiID, id).Take(&row).Error; err != nil {
		return domain.Jabatan{}, translate(err, "Jabatan")
	}
	return toDomainJabatan(row), nil
}

// UpdateJabatan writes j if its stored version is still j.Version, and bumps it.
func (db *DB) UpdateJabatan(ctx context.Context, j domain.Jabatan) (domain.Jabatan, error) {
	res := db.conn(ctx).Model(&jabatanRow{}).Where("instansi_id = ? AND id = ? AND version = ?", j.InstansiID, j.ID, j.Version).
		Updates(map[string]any{
			"unit_kerja_id": j.UnitKerjaID, "kode": j.Kode, "nama": j.Nama, "jenis": string(j.Jenis),
			"jenjang": optional(string(j.Jenjang)), "kelas_jabatan": j.KelasJabatan,
			"atasan_jabatan_id": optional(j.AtasanJabatanID), "kebutuhan": j.Kebutuhan,
			"version": j.Version + 1, "updated_at": j.UpdatedAt.UTC(),
		})
	if res.Error != nil {
		return domain.Jabatan{}, translate(res.Error, "Jabatan")
	}
	if res.RowsAffected == 0 {
		return domain.Jabatan{}, domain.Stale()
	}
	db.changed(ctx) // remembered pegawai carry its name and class
	return db.GetJabatan(ctx, j.InstansiID, j.ID)
}

// DeleteJabatan removes a position.
func (db *DB) DeleteJabatan(ctx context.Context, instansiID, id string) error {
	res := db.conn(ctx).Where("instansi_id = ? AND id = ?", instansiID, id).Delete(&jabatanRow{})
	if res.Error != nil {
		return translate(res.Error, "Jabatan")
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Jabatan")
	}
	return nil
}

// JabatanUsage counts everything that refers to a position.
func (db *DB) JabatanUsage(ctx context.Context, instansiID, id string) (domain.JabatanUsage, error) {
	var u struct {
		Riwayat    int64
		Bawahan    int64
		Plt        int64
		KepalaUnit int64
	}
	err := db.conn(ctx).Raw(`SELECT
		(SELECT count(*) FROM riwayat_pegawai WHERE instansi_id = ? AND jabatan_id = ?) AS riwayat,
		(SELECT count(*) FROM jabatan WHERE instansi_id = ? AND atasan_jabatan_id = ?) AS bawahan,
		(SELECT count(*) FROM plt WHERE instansi_id = ? AND jabatan_id = ?) AS plt,
		(SELECT count(*) FROM unit_kerja WHERE instansi_id = ? AND kepala_jabatan_id = ?) AS kepala_unit`,
		instansiID, id, instansiID, id, instansiID, id, instansiID, id).Scan(&u).Error
	if err != nil {
		return domain.JabatanUsage{}, fmt.Errorf("jabatan usage: %w", err)
	}
	return domain.JabatanUsage{Riwayat: u.Riwayat, Bawahan: u.Bawahan, Plt: u.Plt, KepalaUnit: u.KepalaUnit}, nil
}

// UnitsHeadedBy returns the ids of the units whose head is the position.
func (db *DB) UnitsHeadedBy(ctx context.Context, instansiID, jabatanID string) ([]string, error) {
	var ids []string
	if err := db.conn(ctx).Model(&unitKerjaRow{}).Where("instansi_id = ? AND kepala_jabatan_id = ?", instansiID, jabatanID).
		Order("id").Pluck("id", &ids).Error; err != nil {
		return nil, fmt.Errorf("units headed by: %w", err)
	}
	return ids, nil
}

// definitiveHolders is the as-of rule shared by the holder queries: riwayat row r is
// the employee's latest on or before the date (one placeholder), and its status keeps
// the position. The caller binds the terminal statuses first, then the date.
const definitiveHolders = `r.status NOT IN ?
	AND r.berlaku_mulai = (SELECT max(r2.berlaku_mulai) FROM riwayat_pegawai r2
		WHERE r2.instansi_id = r.instansi_id AND r2.pegawai_id = r.pegawai_id AND r2.berlaku_mulai <= ?)`

func terminalStatuses() []string {
	out := make([]string, len(domain.TerminalStatuses))
	for i, s := range domain.TerminalStatuses {
		out[i] = string(s)
	}
	return out
}

// ListJabatan returns a page of positions and the total. Vacancy (f.Kosong) compares
// the number of definitive holders on f.Tanggal with kebutuhan in SQL, so that paging
// stays exact.
func (db *DB) ListJabatan(ctx context.Context, f domain.JabatanFilter) ([]domain.Jabatan, int64, error) {
	q := db.conn(ctx).Table("jabatan").Joins("JOIN unit_kerja u ON u.id = jabatan.unit_kerja_id AND u.instansi_id = jabatan.instansi_id").
		Where("jabatan.instansi_id = ?", f.InstansiID)
	if f.UnitKerjaID != "" {
		q = q.Where("u.path LIKE ((SELECT p.path FROM unit_kerja p WHERE p.instansi_id = ? AND p.id = ?) || '%')", f.InstansiID, f.UnitKerjaID)
	}
	if f.Jenis != "" {
		q = q.Where("jabatan.jenis = ?", string(f.Jenis))
	}
	if f.KelasJabatan != 0 {
		q = q.Where("jabatan.kelas_jabatan = ?", f.KelasJabatan)
	}
	if f.Q != "" {
		p := likePattern(f.Q)
		q = q.Where("(lower(jabatan.nama) LIKE ?"+likeEscape+" OR lower(jabatan.kode) LIKE ?"+likeEscape+")", p, p)
	}
	if f.Kosong != nil {
		op := ">="
		if *f.Kosong {
			op = "<"
		}
		q = q.Where(`(SELECT count(*) FROM riwayat_pegawai r WHERE r.instansi_id = jabatan.instansi_id AND r.jabatan_id = jabatan.id
			AND `+definitiveHolders+`) `+op+` jabatan.kebutuhan`, terminalStatuses(), newDate(f.Tanggal))
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count jabatan: %w", err)
	}
	var rows []jabatanRow
	if err := q.Select("jabatan.*").Order("u.path, jabatan.kelas_jabatan DESC, jabatan.nama, jabatan.id").
		Offset(f.Offset).Limit(f.Limit).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list jabatan: %w", err)
	}
	out := make([]domain.Jabatan, len(rows))
	for i, r := range rows {
		out[i] = toDomainJabatan(r)
	}
	return out, total, nil
}

type jabatanHolderRow struct {
	JabatanID     string
	PegawaiID     string
	NIP           string `gorm:"column:nip"`
	Nama          string
	GelarDepan    string
	GelarBelakang string
	Sumber        string
}

// Pemangku returns, in one query, who holds each of the positions on date d:
// definitive holders by the as-of rule, and Plt/Plh whose assignment is in force.
func (db *DB) Pemangku(ctx context.Context, instansiID string, jabatanIDs []string, d time.Time) (map[string][]domain.Pemangku, error) {
	out := map[string][]domain.Pemangku{}
	if len(jabatanIDs) == 0 {
		return out, nil
	}
	day := newDate(d)
	var rows []jabatanHolderRow
	err := db.conn(ctx).Raw(`SELECT r.jabatan_id, p.id AS pegawai_id, p.nip, p.nama, p.gelar_depan, p.gelar_belakang, 'DEFINITIF' AS sumber
		FROM riwayat_pegawai r JOIN pegawai p ON p.id = r.pegawai_id
		WHERE r.instansi_id = ? AND r.jabatan_id IN ? AND `+definitiveHolders+`
		UNION ALL
		SELECT t.jabatan_id, p.id, p.nip, p.nama, p.gelar_depan, p.gelar_belakang, t.jenis
		FROM plt t JOIN pegawai p ON p.id = t.pegawai_id
		WHERE t.instansi_id = ? AND t.jabatan_id IN ? AND t.tanggal_mulai <= ? AND (t.tanggal_selesai IS NULL OR t.tanggal_selesai >= ?)`,
		instansiID, jabatanIDs, terminalStatuses(), day,
		instansiID, jabatanIDs, day, day).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("pemangku: %w", err)
	}
	for _, r := range rows {
		p := domain.Pegawai{Nama: r.Nama, GelarDepan: r.GelarDepan, GelarBelakang: r.GelarBelakang}
		out[r.JabatanID] = append(out[r.JabatanID], domain.Pemangku{PegawaiID: r.PegawaiID, NIP: r.NIP, Nama: p.NamaLengkap(), Sumber: r.Sumber})
	}
	return out, nil
}

// LockJabatan takes the position's row lock until the transaction ends (a no-op
// update: portable, and on PostgreSQL it serialises writers that check-then-insert
// against the position, such as overlapping Plt).
func (db *DB) LockJabatan(ctx context.Context, instansiID, id string) error {
	res := db.conn(ctx).Exec(`UPDATE jabatan SET version = version WHERE instansi_id = ? AND id = ?`, instansiID, id)
	if res.Error != nil {
		return fmt.Errorf("lock jabatan: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Jabatan")
	}
	return nil
}
