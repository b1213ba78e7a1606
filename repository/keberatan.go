package repository

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type keberatanRow struct {
	ID                 string
	InstansiID         string
	PenilaianID        string
	PegawaiID          string
	PemutusID          *string
	Alasan             string
	PredikatSemula     string
	PredikatDiharapkan *string
	Status             string
	Keputusan          *string
	PredikatAkhir      *string
	AlasanPutusan      *string
	DiajukanAt         time.Time
	DiputusAt          *time.Time
	// joined
	NIP           string  `gorm:"->;column:nip"`
	Nama          string  `gorm:"->;column:nama"`
	GelarDepan    string  `gorm:"->;column:gelar_depan"`
	GelarBelakang string  `gorm:"->;column:gelar_belakang"`
	UnitPath      string  `gorm:"->;column:unit_path"`
	Tahun         int     `gorm:"->;column:tahun"`
	Jenis         string  `gorm:"->;column:jenis"`
	Periode       int     `gorm:"->;column:periode"`
	PenilaiID     string  `gorm:"->;column:penilai_id"`
	PemutusNIP    *string `gorm:"->;column:pemutus_nip"`
	PemutusNama   *string `gorm:"->;column:pemutus_nama"`
}

func (keberatanRow) TableName() string { return "keberatan" }

func toDomainKeberatan(r keberatanRow) domain.Keberatan {
	p := domain.Pegawai{Nama: r.Nama, GelarDepan: r.GelarDepan, GelarBelakang: r.GelarBelakang}
	return domain.Keberatan{ID: r.ID, InstansiID: r.InstansiID, PenilaianID: r.PenilaianID, PegawaiID: r.PegawaiID, PenilaiID: r.PenilaiID, NIP: r.NIP,
		Nama: p.NamaLengkap(), UnitPath: r.UnitPath, Tahun: r.Tahun, Jenis: r.Jenis, Periode: r.Periode,
		Pemutus: pejabatOf(r.PemutusID, r.PemutusNIP, r.PemutusNama), Alasan: r.Alasan,
		PredikatSemula: domain.Predikat(r.PredikatSemula), PredikatDiharapkan: domain.Predikat(deref(r.PredikatDiharapkan)),
		Status: r.Status, Keputusan: deref(r.Keputusan), PredikatAkhir: domain.Predikat(deref(r.PredikatAkhir)),
		AlasanPutusan: deref(r.AlasanPutusan), DiajukanAt: utc(r.DiajukanAt), DiputusAt: utcPtr(r.DiputusAt)}
}

func (db *DB) keberatanQuery(ctx context.Context) *gormDB {
	return db.conn(ctx).Table("keberatan").
		Select(`keberatan.*, p.nip AS nip, p.nama AS nama, p.gelar_depan AS gelar_depan, p.gelar_belakang AS gelar_belakang,
			u.path AS unit_path, n.tahun AS tahun, n.jenis AS jenis, n.periode AS periode, n.penilai_id AS penilai_id, m.nip AS pemutus_nip, m.nama AS pemutus_nama`).
		Joins("JOIN pegawai p ON p.id = keberatan.pegawai_id").
		Joins("JOIN penilaian n ON n.id = keberatan.penilaian_id").
		Joins("JOIN unit_kerja u ON u.id = n.unit_kerja_id").
		Joins("LEFT JOIN pegawai m ON m.id = keberatan.pemutus_id")
}

// CreateKeberatan inserts an objection.
func (db *DB) CreateKeberatan(ctx context.Context, k domain.Keberatan) (domain.Keberatan, error) {
	err := db.conn(ctx).Exec(`INSERT INTO keberatan (id, instansi_id, penilaian_id, pegawai_id, pemutus_id, alasan, predikat_semula,
		predikat_diharapkan, status, diajukan_at) VALUES (?,?,?,?,?,?,?,?,?,?)`, k.ID, k.InstansiID, k.PenilaianID, k.PegawaiID,
		nullString(pejabatID(k.Pemutus)), k.Alasan, string(k.PredikatSemula), nullString(string(k.PredikatDiharapkan)), k.Status,
		k.DiajukanAt.UTC()).Error
	if err != nil {
		return domain.Keberatan{}, translate(err, "Keberatan")
	}
	return db.GetKeberatan(ctx, k.InstansiID, k.ID)
}

// GetKeberatan reads one objection.
func (db *DB) GetKeberatan(ctx context.Context, instansiID, id string) (domain.Keberatan, error) {
	var row keberatanRow
	if err := db.keberatanQuery(ctx).Where("keberatan.instansi_id = ? AND keberatan.id = ?", instansiID, id).Take(&row).Error; err != nil {
		return domain.Keberatan{}, translate(err, "Keberatan")
	}
	return toDomainKeberatan(row), nil
}

// ListKeberatan returns a page of objections, newest first, and the total.
func (db *DB) ListKeberatan(ctx context.Context, f domain.KeberatanFilter) ([]domain.Keberatan, int64, error) {
	q := db.keberatanQuery(ctx).Where("keberatan.instansi_id = ?", f.InstansiID)
	if f.Status != "" {
		q = q.Where("keberatan.status = ?", f.Status)
	}
	if f.Tahun != 0 {
		q = q.Where("n.tahun = ?", f.Tahun)
	}
	if f.ScopePath != "" {
		q = q.Where("u.path LIKE ?", f.ScopePath+"%")
	}
	if f.TerkaitID != "" {
		q = q.Where("(keberatan.pegawai_id = ? OR keberatan.pemutus_id = ? OR n.penilai_id = ?)", f.TerkaitID, f.TerkaitID, f.TerkaitID)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count keberatan: %w", err)
	}
	var rows []keberatanRow
	if err := q.Order("keberatan.diajukan_at DESC, keberatan.id").Offset(f.Offset).Limit(f.Limit).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list keberatan: %w", err)
	}
	out := make([]domain.Keberatan, len(rows))
	for i, r := range rows {
		out[i] = toDomainKeberatan(r)
	}
	return out, total, nil
}

// DecideKeberatan records the decision on an objection still DIAJUKAN.
func (db *DB) DecideKeberatan(ctx context.Context, k domain.Keberatan) error {
	res := db.conn(ctx).Exec(`UPDATE keberatan SET status = ?, keputusan = ?, predikat_akhir = ?, alasan_putusan = ?, diputus_at = ?
		WHERE instansi_id = ? AND id = ? AND status = 'DIAJUKAN'`, k.Status, k.Keputusan, string(k.PredikatAkhir), k.AlasanPutusan,
		utcPtr(k.DiputusAt), k.InstansiID, k.ID)
	if res.Error != nil {
		return translate(res.Error, "Keberatan")
	}
	if res.RowsAffected == 0 {
		return domain.Conflict("keberatan_diputus", "Keberatan sudah diputus; keputusan bersifat final.", "The objection was already decided; the decision is final.")
	}
	return nil
}
