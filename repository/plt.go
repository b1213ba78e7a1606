package repository

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type pltRow struct {
	ID             string
	InstansiID     string
	JabatanID      string
	PegawaiID      string
	Jenis          string
	TanggalMulai   sqlDate
	TanggalSelesai nullDate
	NomorSK        string `gorm:"column:nomor_sk"`
	CreatedAt      time.Time
	// read through the join with pegawai
	NIP           string `gorm:"->;column:nip"`
	Nama          string `gorm:"->;column:nama"`
	GelarDepan    string `gorm:"->;column:gelar_depan"`
	GelarBelakang string `gorm:"->;column:gelar_belakang"`
}

func (pltRow) TableName() string { return "plt" }

func toDomainPlt(r pltRow) domain.Plt {
	p := domain.Pegawai{Nama: r.Nama, GelarDepan: r.GelarDepan, GelarBelakang: r.GelarBelakang}
	return domain.Plt{ID: r.ID, InstansiID: r.InstansiID, JabatanID: r.JabatanID, PegawaiID: r.PegawaiID, NIP: r.NIP,
		Nama: p.NamaLengkap(), Jenis: r.Jenis, TanggalMulai: r.TanggalMulai.Time, TanggalSelesai: r.TanggalSelesai.ptr(),
		NomorSK: r.NomorSK, CreatedAt: utc(r.CreatedAt)}
}

func (db *DB) pltQuery(ctx context.Context) *gormDB {
	return db.conn(ctx).Table("plt").
		Select("plt.*, pegawai.nip AS nip, pegawai.nama AS nama, pegawai.gelar_depan AS gelar_depan, pegawai.gelar_belakang AS gelar_belakang").
		Joins("JOIN pegawai ON pegawai.id = plt.pegawai_id")
}

// CreatePlt inserts an acting assignment, assigning its id if it has none.
func (db *DB) CreatePlt(ctx context.Context, p domain.Plt) (domain.Plt, error) {
	if p.ID == "" {
		p.ID = newID()
	}
	err := db.conn(ctx).Exec(`INSERT INTO plt (id, instansi_id, jabatan_id, pegawai_id, jenis, tanggal_mulai, tanggal_selesai, nomor_sk, created_at)
		VALUES (?,?,?,?,?,?,?,?,?)`, p.ID, p.InstansiID, p.JabatanID, p.PegawaiID, p.Jenis, newDate(p.TanggalMulai),
		newNullDate(p.TanggalSelesai), p.NomorSK, p.CreatedAt.UTC()).Error
	if err != nil {
		return domain.Plt{}, translate(err, "Plt")
	}
	return db.GetPlt(ctx, p.InstansiID, p.ID)
}

// GetPlt reads one acting assignment of an instansi.
func (db *DB) GetPlt(ctx context.Context, instansiID, id string) (domain.Plt, error) {
	var row pltRow
	if err := db.pltQuery(ctx).Where("plt.instansi_id = ? AND plt.id = ?", instansiID, id).Take(&row).Error; err != nil {
		return domain.Plt{}, translate(err, "Plt")
	}
	return toDomainPlt(row), nil
}

// DeletePlt removes an acting assignment.
func (db *DB) DeletePlt(ctx context.Context, instansiID, id string) error {
	res := db.conn(ctx).Exec(`DELETE FROM plt WHERE instansi_id = ? AND id = ?`, instansiID, id)
	if res.Error != nil {
		return translate(res.Error, "Plt")
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Plt")
	}
	return nil
}

// ListPlt returns a page of acting assignments, latest first, and the total.
func (db *DB) ListPlt(ctx context.Context, f domain.PltFilter) ([]domain.Plt, int64, error) {
	q := db.pltQuery(ctx).Where("plt.instansi_id = ?", f.InstansiID)
	if f.JabatanID != "" {
		q = q.Where("plt.jabatan_id = ?", f.JabatanID)
	}
	if f.AktifPada != nil {
		d := newDate(*f.AktifPada)
		q = q.Where("plt.tanggal_mulai <= ? AND (plt.tanggal_selesai IS NULL OR plt.tanggal_selesai >= ?)", d, d)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count plt: %w", err)
	}
	var rows []pltRow
	if err := q.Order("plt.tanggal_mulai DESC, plt.id DESC").Offset(f.Offset).Limit(f.Limit).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list plt: %w", err)
	}
	out := make([]domain.Plt, len(rows))
	for i, r := range rows {
		out[i] = toDomainPlt(r)
	}
	return out, total, nil
}

// OverlappingPlt counts the acting assignments of a position whose period meets
// [mulai, selesai] (selesai nil: open-ended).
func (db *DB) OverlappingPlt(ctx context.Context, instansiID, jabatanID string, mulai time.Time, selesai *time.Time) (int64, error) {
	q := db.conn(ctx).Table("plt").Where("instansi_id = ? AND jabatan_id = ?", instansiID, jabatanID).
		Where("(tanggal_selesai IS NULL OR tanggal_selesai >= ?)", newDate(mulai))
	if selesai != nil {
		q = q.Where("tanggal_mulai <= ?", newDate(*selesai))
	}
	var n int64
	if err := q.Count(&n).Error; err != nil {
		return 0, fmt.Errorf("overlapping plt: %w", err)
	}
	return n, nil
}

// PltPegawaiByNIP finds an employee of an instansi by NIP, for appointing them.
func (db *DB) PltPegawaiByNIP(ctx context.Context, instansiID, nip string) (domain.Pegawai, error) {
	var row struct {
		ID            string
		NIP           string `gorm:"column:nip"`
		Nama          string
		GelarDepan    string
		GelarBelakang string
	}
	res := db.conn(ctx).Raw(`SELECT id, nip, nama, gelar_depan, gelar_belakang FROM pegawai WHERE instansi_id = ? AND nip = ?`,
		instansiID, nip).Scan(&row)
	if res.Error != nil {
		return domain.Pegawai{}, fmt.Errorf("pegawai by nip: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Pegawai{}, domain.NotFound("Pegawai")
	}
	return domain.Pegawai{ID: row.ID, InstansiID: instansiID, NIP: row.NIP, Nama: row.Nama,
		GelarDepan: row.GelarDepan, GelarBelakang: row.GelarBelakang}, nil
}

// HoldsJabatan reports whether the employee is a definitive holder of the position
// on date d (the as-of rule of Pemangku).
func (db *DB) HoldsJabatan(ctx context.Context, instansiID, pegawaiID, jabatanID string, d time.Time) (bool, error) {
	var n int64
	err := db.conn(ctx).Raw(`SELECT count(*) FROM riwayat_pegawai r
		WHERE r.instansi_id = ? AND r.pegawai_id = ? AND r.jabatan_id = ? AND `+definitiveHolders,
		instansiID, pegawaiID, jabatanID, terminalStatuses(), newDate(d)).Scan(&n).Error
	if err != nil {
		return false, fmt.Errorf("holds jabatan: %w", err)
	}
	return n > 0, nil
}
