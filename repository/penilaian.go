package repository

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type penilaianRow struct {
	ID              string
	InstansiID      string
	SKPID           string `gorm:"column:skp_id"`
	PegawaiID       string
	UnitKerjaID     string
	PenilaiID       string
	AtasanPenilaiID *string
	Tahun           int
	Jenis           string
	Periode         int
	TanggalMulai    sqlDate
	TanggalSelesai  sqlDate
	Status          string
	RatingHasil     *string
	RatingPerilaku  *string
	HasilDariUnit   bool
	NilaiPerilaku   *string
	UmpanBalik      *string
	Predikat        *string
	PredikatAwal    *string
	DifinalkanAt    *time.Time
	Version         int
	CreatedAt       time.Time
	UpdatedAt       time.Time
	// joined
	NIP           string  `gorm:"->;column:nip"`
	Nama          string  `gorm:"->;column:nama"`
	GelarDepan    string  `gorm:"->;column:gelar_depan"`
	GelarBelakang string  `gorm:"->;column:gelar_belakang"`
	UnitKerjaNama string  `gorm:"->;column:unit_kerja_nama"`
	UnitPath      string  `gorm:"->;column:unit_path"`
	PenilaiNIP    *string `gorm:"->;column:penilai_nip"`
	PenilaiNama   *string `gorm:"->;column:penilai_nama"`
	AtasanNIP     *string `gorm:"->;column:atasan_nip"`
	AtasanNama    *string `gorm:"->;column:atasan_nama"`
	KeberatanID   *string `gorm:"->;column:keberatan_id"`
}

func (penilaianRow) TableName() string { return "penilaian" }

func toDomainPenilaian(r penilaianRow) (domain.Penilaian, error) {
	p := domain.Pegawai{Nama: r.Nama, GelarDepan: r.GelarDepan, GelarBelakang: r.GelarBelakang}
	out := domain.Penilaian{ID: r.ID, InstansiID: r.InstansiID, SKPID: r.SKPID, PegawaiID: r.PegawaiID, NIP: r.NIP,
		Nama: p.NamaLengkap(), UnitKerjaID: r.UnitKerjaID, UnitKerjaNama: r.UnitKerjaNama, UnitPath: r.UnitPath,
		AtasanPenilai: pejabatOf(r.AtasanPenilaiID, r.AtasanNIP, r.AtasanNama), Tahun: r.Tahun, Jenis: r.Jenis,
		Periode: r.Periode, TanggalMulai: r.TanggalMulai.Time, TanggalSelesai: r.TanggalSelesai.Time,
		Status: domain.StatusPenilaian(r.Status), RatingHasil: domain.Rating(deref(r.RatingHasil)),
		RatingPerilaku: domain.Rating(deref(r.RatingPerilaku)), HasilDariUnit: r.HasilDariUnit, UmpanBalik: deref(r.UmpanBalik),
		Predikat: domain.Predikat(deref(r.Predikat)), PredikatAwal: domain.Predikat(deref(r.PredikatAwal)),
		DifinalkanAt: utcPtr(r.DifinalkanAt), KeberatanID: deref(r.KeberatanID), Version: r.Version,
		CreatedAt: utc(r.CreatedAt), UpdatedAt: utc(r.UpdatedAt)}
	if pj := pejabatOf(&r.PenilaiID, r.PenilaiNIP, r.PenilaiNama); pj != nil {
		out.Penilai = *pj
	}
	if r.NilaiPerilaku != nil && *r.NilaiPerilaku != "" {
		if err := json.Unmarshal([]byte(*r.NilaiPerilaku), &out.NilaiPerilaku); err != nil {
			return out, fmt.Errorf("penilaian %s nilai_perilaku: %w", r.ID, err)
		}
	}
	return out, nil
}

func (db *DB) penilaianQuery(ctx context.Context) *gormDB {
	return db.conn(ctx).Table("penilaian").
		Select(`penilaian.*, p.nip AS nip, p.nama AS nama, p.gelar_depan AS gelar_depan, p.gelar_belakang AS gelar_belakang,
			u.nama AS unit_kerja_nama, u.path AS unit_path, pn.nip AS penilai_nip, pn.nama AS penilai_nama,
			ap.nip AS atasan_nip, ap.nama AS atasan_nama, kb.id AS keberatan_id`).
		Joins("JOIN pegawai p ON p.id = penilaian.pegawai_id").
		Joins("JOIN unit_kerja u ON u.id = penilaian.unit_kerja_id").
		Joins("LEFT JOIN pegawai pn ON pn.id = penilaian.penilai_id").
		Joins("LEFT JOIN pegawai ap ON ap.id = penilaian.atasan_penilai_id").
		Joins("LEFT JOIN keberatan kb ON kb.penilaian_id = penilaian.id")
}

func nilaiPerilakuJSON(m map[string]int) (any, error) {
	if len(m) == 0 {
		return nil, nil
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("nilai perilaku: %w", err)
	}
	return string(b), nil
}

// CreatePenilaian inserts a DRAFT evaluation.
func (db *DB) CreatePenilaian(ctx context.Context, p domain.Penilaian) (domain.Penilaian, error) {
	err := db.conn(ctx).Exec(`INSERT INTO penilaian (id, instansi_id, skp_id, pegawai_id, unit_kerja_id, penilai_id, atasan_penilai_id,
		tahun, jenis, periode, tanggal_mulai, tanggal_selesai, status, hasil_dari_unit, version, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?)`, p.ID, p.InstansiID, p.SKPID, p.PegawaiID, p.UnitKerjaID, p.Penilai.PegawaiID,
		nullString(pejabatID(p.AtasanPenilai)), p.Tahun, p.Jenis, p.Periode, newDate(p.TanggalMulai), newDate(p.TanggalSelesai),
		string(p.Status), p.HasilDariUnit, p.CreatedAt.UTC(), p.UpdatedAt.UTC()).Error
	if err != nil {
		return domain.Penilaian{}, translate(err, "Penilaian")
	}
	return db.GetPenilaian(ctx, p.InstansiID, p.ID)
}

// GetPenilaian reads an evaluation with its realisasi.
func (db *DB) GetPenilaian(ctx context.Context, instansiID, id string) (domain.Penilaian, error) {
	var row penilaianRow
	if err := db.penilaianQuery(ctx).Where("penilaian.instansi_id = ? AND penilaian.id = ?", instansiID, id).Take(&row).Error; err != nil {
		return domain.Penilaian{}, translate(err, "Penilaian")
	}
	p, err := toDomainPenilaian(row)
	if err != nil {
		return p, err
	}
	var rs []struct {
		IKIID      string `gorm:"column:iki_id"`
		Realisasi  string
		UmpanBalik *string
	}
	if err := db.conn(ctx).Raw(`SELECT iki_id, realisasi, umpan_balik FROM penilaian_realisasi WHERE penilaian_id = ? ORDER BY iki_id`, id).
		Scan(&rs).Error; err != nil {
		return p, fmt.Errorf("penilaian realisasi: %w", err)
	}
	for _, r := range rs {
		p.Realisasi = append(p.Realisasi, domain.Realisasi{IKIID: r.IKIID, Realisasi: r.Realisasi, UmpanBalik: deref(r.UmpanBalik)})
	}
	return p, nil
}

func (db *DB) filterPenilaian(ctx context.Context, f domain.PenilaianFilter) *gormDB {
	q := db.penilaianQuery(ctx).Where("penilaian.instansi_id = ?", f.InstansiID)
	if f.Tahun != 0 {
		q = q.Where("penilaian.tahun = ?", f.Tahun)
	}
	if f.Jenis != "" {
		q = q.Where("penilaian.jenis = ?", f.Jenis)
	}
	if f.Periode != nil {
		q = q.Where("penilaian.periode = ?", *f.Periode)
	}
	if f.NIP != "" {
		q = q.Where("p.nip = ?", f.NIP)
	}
	if f.Status != "" {
		q = q.Where("penilaian.status = ?", string(f.Status))
	}
	if f.UnitKerjaID != "" {
		q = q.Where("u.path LIKE (SELECT path FROM unit_kerja WHERE id = ?) || '%'", f.UnitKerjaID)
	}
	if f.UnitPath != "" {
		q = q.Where("u.path LIKE ?", f.UnitPath+"%")
	}
	if f.ScopePath != "" {
		q = q.Where("u.path LIKE ?", f.ScopePath+"%")
	}
	if f.PenilaiID != "" {
		q = q.Where("penilaian.penilai_id = ?", f.PenilaiID)
	}
	if f.TerkaitID != "" {
		q = q.Where("(penilaian.pegawai_id = ? OR penilaian.penilai_id = ? OR penilaian.atasan_penilai_id = ?)",
			f.TerkaitID, f.TerkaitID, f.TerkaitID)
	}
	return q
}

// ListPenilaian returns a page of evaluations and the total; Limit 0 returns all.
func (db *DB) ListPenilaian(ctx context.Context, f domain.PenilaianFilter) ([]domain.Penilaian, int64, error) {
	q := db.filterPenilaian(ctx, f)
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count penilaian: %w", err)
	}
	q = db.filterPenilaian(ctx, f).Order("penilaian.tahun DESC, penilaian.jenis, penilaian.periode DESC, p.nip")
	if f.Limit > 0 {
		q = q.Offset(f.Offset).Limit(f.Limit)
	}
	var rows []penilaianRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list penilaian: %w", err)
	}
	out := make([]domain.Penilaian, len(rows))
	for i, r := range rows {
		p, err := toDomainPenilaian(r)
		if err != nil {
			return nil, 0, err
		}
		out[i] = p
	}
	return out, total, nil
}

// UpdatePenilaian stores an evaluation's ratings and state if its version is still
// p.Version; realisasi are stored by ReplaceRealisasi.
func (db *DB) UpdatePenilaian(ctx context.Context, p domain.Penilaian) error {
	np, err := nilaiPerilakuJSON(p.NilaiPerilaku)
	if err != nil {
		return err
	}
	c := db.conn(ctx)
	res := c.Exec(`UPDATE penilaian SET status = ?, rating_hasil = ?, rating_perilaku = ?, nilai_perilaku = ?, umpan_balik = ?,
		predikat = ?, predikat_awal = ?, difinalkan_at = ?, version = version + 1, updated_at = ?
		WHERE instansi_id = ? AND id = ? AND version = ?`, string(p.Status), nullString(string(p.RatingHasil)),
		nullString(string(p.RatingPerilaku)), np, nullString(p.UmpanBalik), nullString(string(p.Predikat)),
		nullString(string(p.PredikatAwal)), utcPtr(p.DifinalkanAt), p.UpdatedAt.UTC(), p.InstansiID, p.ID, p.Version)
	if res.Error != nil {
		return translate(res.Error, "Penilaian")
	}
	if res.RowsAffected == 0 {
		return domain.Stale()
	}
	return nil
}

// ReplaceRealisasi makes the stored realisasi of an evaluation those of p.
func (db *DB) ReplaceRealisasi(ctx context.Context, p domain.Penilaian) error {
	c := db.conn(ctx)
	if err := c.Exec(`DELETE FROM penilaian_realisasi WHERE penilaian_id = ?`, p.ID).Error; err != nil {
		return translate(err, "Realisasi")
	}
	for _, r := range p.Realisasi {
		if err := c.Exec(`INSERT INTO penilaian_realisasi (penilaian_id, iki_id, realisasi, umpan_balik) VALUES (?,?,?,?)`,
			p.ID, r.IKIID, r.Realisasi, nullString(r.UmpanBalik)).Error; err != nil {
			return translate(err, "Realisasi")
		}
	}
	return nil
}

// LeadsUnit reports whether a position heads its unit: it is the unit's declared head,
// or, where none is declared, it reports to nobody inside the unit.
func (db *DB) LeadsUnit(ctx context.Context, instansiID, jabatanID, unitID string) (bool, error) {
	var n int64
	err := db.conn(ctx).Raw(`SELECT COUNT(*) FROM unit_kerja u JOIN jabatan j ON j.id = ? AND j.unit_kerja_id = u.id
		LEFT JOIN jabatan a ON a.id = j.atasan_jabatan_id
		WHERE u.instansi_id = ? AND u.id = ? AND (u.kepala_jabatan_id = j.id OR
		(u.kepala_jabatan_id IS NULL AND (a.id IS NULL OR a.unit_kerja_id <> u.id)))`, jabatanID, instansiID, unitID).Scan(&n).Error
	if err != nil {
		return false, fmt.Errorf("leads unit: %w", err)
	}
	return n > 0, nil
}

type penetapanRow struct {
	ID             string
	InstansiID     string
	UnitKerjaID    string
	Tahun          int
	Jenis          string
	Periode        int
	Predikat       string
	Catatan        *string
	DitetapkanOleh string
	CreatedAt      time.Time
	UpdatedAt      time.Time
	UnitKerjaNama  string `gorm:"->;column:unit_kerja_nama"`
	UnitPath       string `gorm:"->;column:unit_path"`
}

func (penetapanRow) TableName() string { return "predikat_organisasi" }

func (db *DB) penetapanQuery(ctx context.Context) *gormDB {
	return db.conn(ctx).Table("predikat_organisasi").
		Select("predikat_organisasi.*, u.nama AS unit_kerja_nama, u.path AS unit_path").
		Joins("JOIN unit_kerja u ON u.id = predikat_organisasi.unit_kerja_id")
}

func toDomainPenetapan(r penetapanRow) domain.PenetapanOrganisasi {
	return domain.PenetapanOrganisasi{ID: r.ID, InstansiID: r.InstansiID, UnitKerjaID: r.UnitKerjaID, UnitKerjaNama: r.UnitKerjaNama,
		UnitPath: r.UnitPath, Tahun: r.Tahun, Jenis: r.Jenis, Periode: r.Periode, Predikat: domain.PredikatOrganisasi(r.Predikat),
		Catatan: deref(r.Catatan), DitetapkanOleh: r.DitetapkanOleh, UpdatedAt: utc(r.UpdatedAt)}
}

// SavePenetapanOrganisasi sets a unit's organisation predikat for a period, replacing
// an earlier one.
func (db *DB) SavePenetapanOrganisasi(ctx context.Context, p domain.PenetapanOrganisasi) (domain.PenetapanOrganisasi, error) {
	c := db.conn(ctx)
	res := c.Exec(`UPDATE predikat_organisasi SET predikat = ?, catatan = ?, ditetapkan_oleh = ?, updated_at = ?
		WHERE instansi_id = ? AND unit_kerja_id = ? AND tahun = ? AND jenis = ? AND periode = ?`, string(p.Predikat),
		nullString(p.Catatan), p.DitetapkanOleh, p.UpdatedAt.UTC(), p.InstansiID, p.UnitKerjaID, p.Tahun, p.Jenis, p.Periode)
	if res.Error != nil {
		return p, translate(res.Error, "Predikat organisasi")
	}
	if res.RowsAffected == 0 {
		if err := c.Exec(`INSERT INTO predikat_organisasi (id, instansi_id, unit_kerja_id, tahun, jenis, periode, predikat, catatan,
			ditetapkan_oleh, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`, newID(), p.InstansiID, p.UnitKerjaID, p.Tahun,
			p.Jenis, p.Periode, string(p.Predikat), nullString(p.Catatan), p.DitetapkanOleh, p.UpdatedAt.UTC(), p.UpdatedAt.UTC()).Error; err != nil {
			return p, translate(err, "Predikat organisasi")
		}
	}
	var row penetapanRow
	if err := db.penetapanQuery(ctx).Where(`predikat_organisasi.instansi_id = ? AND predikat_organisasi.unit_kerja_id = ?
		AND predikat_organisasi.tahun = ? AND predikat_organisasi.jenis = ? AND predikat_organisasi.periode = ?`,
		p.InstansiID, p.UnitKerjaID, p.Tahun, p.Jenis, p.Periode).Take(&row).Error; err != nil {
		return p, translate(err, "Predikat organisasi")
	}
	return toDomainPenetapan(row), nil
}

// ListPenetapanOrganisasi lists organisation predikat; unitIDs, when given, limits
// the list to those units.
func (db *DB) ListPenetapanOrganisasi(ctx context.Context, instansiID string, tahun int, jenis string, periode *int,
	unitIDs []string) ([]domain.PenetapanOrganisasi, error) {
	q := db.penetapanQuery(ctx).Where("predikat_organisasi.instansi_id = ?", instansiID)
	if tahun != 0 {
		q = q.Where("predikat_organisasi.tahun = ?", tahun)
	}
	if jenis != "" {
		q = q.Where("predikat_organisasi.jenis = ?", jenis)
	}
	if periode != nil {
		q = q.Where("predikat_organisasi.periode = ?", *periode)
	}
	if unitIDs != nil {
		q = q.Where("predikat_organisasi.unit_kerja_id IN ?", orNone(unitIDs))
	}
	var rows []penetapanRow
	if err := q.Order("predikat_organisasi.tahun DESC, predikat_organisasi.periode, u.path").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list predikat organisasi: %w", err)
	}
	out := make([]domain.PenetapanOrganisasi, len(rows))
	for i, r := range rows {
		out[i] = toDomainPenetapan(r)
	}
	return out, nil
}
