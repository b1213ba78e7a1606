package repository

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type kerjaFleksibelRow struct {
	ID          string
	InstansiID  string
	PegawaiID   string
	Jenis       string
	Mulai       sqlDate
	Selesai     sqlDate
	AwalMasuk   *int
	AkhirMasuk  *int
	DurasiDetik *int
	NomorSK     string `gorm:"column:nomor_sk"`
	Keterangan  string
	DibuatOleh  string
	CreatedAt   time.Time
	// read through the joins with pegawai and the unit in force
	NIP           string `gorm:"->;column:nip"`
	Nama          string `gorm:"->;column:nama"`
	GelarDepan    string `gorm:"->;column:gelar_depan"`
	GelarBelakang string `gorm:"->;column:gelar_belakang"`
	UnitPath      string `gorm:"->;column:unit_path"`
}

func (kerjaFleksibelRow) TableName() string { return "kerja_fleksibel" }

func toDomainKerjaFleksibel(r kerjaFleksibelRow) domain.KerjaFleksibel {
	p := domain.Pegawai{Nama: r.Nama, GelarDepan: r.GelarDepan, GelarBelakang: r.GelarBelakang}
	k := domain.KerjaFleksibel{ID: r.ID, InstansiID: r.InstansiID, NIP: r.NIP, Nama: p.NamaLengkap(), UnitPath: r.UnitPath,
		Fleksibel: domain.Fleksibel{PegawaiID: r.PegawaiID, Jenis: domain.JenisFleksibel(r.Jenis), Mulai: r.Mulai.Time,
			Selesai: r.Selesai.Time},
		NomorSK: r.NomorSK, Keterangan: r.Keterangan, DibuatOleh: r.DibuatOleh, CreatedAt: r.CreatedAt.UTC()}
	if r.AwalMasuk != nil {
		k.AwalMasuk = *r.AwalMasuk
	}
	if r.AkhirMasuk != nil {
		k.AkhirMasuk = *r.AkhirMasuk
	}
	if r.DurasiDetik != nil {
		k.DurasiDetik = *r.DurasiDetik
	}
	return k
}

func (db *DB) kerjaFleksibelQuery(ctx context.Context, asOf time.Time) *gormDB {
	return db.conn(ctx).Table("kerja_fleksibel").Select("kerja_fleksibel.*, "+izinPegawaiColumns).
		Joins("JOIN pegawai p ON p.id = kerja_fleksibel.pegawai_id").
		Joins(izinUnitJoin, newDate(asOf))
}

// CreateKerjaFleksibel stores an arrangement.
func (db *DB) CreateKerjaFleksibel(ctx context.Context, k domain.KerjaFleksibel) error {
	r := kerjaFleksibelRow{ID: k.ID, InstansiID: k.InstansiID, PegawaiID: k.PegawaiID, Jenis: string(k.Jenis),
		Mulai: newDate(k.Mulai), Selesai: newDate(k.Selesai), NomorSK: k.NomorSK, Keterangan: k.Keterangan,
		DibuatOleh: k.DibuatOleh, CreatedAt: k.CreatedAt.UTC()}
	if k.Jenis == domain.FleksibelWaktu {
		r.AwalMasuk, r.AkhirMasuk, r.DurasiDetik = &k.AwalMasuk, &k.AkhirMasuk, &k.DurasiDetik
	}
	err := db.conn(ctx).Exec(`INSERT INTO kerja_fleksibel (id, instansi_id, pegawai_id, jenis, mulai, selesai, awal_masuk,
		akhir_masuk, durasi_detik, nomor_sk, keterangan, dibuat_oleh, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.ID, r.InstansiID, r.PegawaiID, r.Jenis, r.Mulai, r.Selesai, r.AwalMasuk, r.AkhirMasuk, r.DurasiDetik,
		r.NomorSK, r.Keterangan, r.DibuatOleh, r.CreatedAt).Error
	return translate(err, "Kerja fleksibel")
}

// KerjaFleksibelTumpang counts a pegawai's arrangements overlapping [mulai, selesai].
func (db *DB) KerjaFleksibelTumpang(ctx context.Context, instansiID, pegawaiID string, mulai, selesai time.Time) (int64, error) {
	var n int64
	err := db.conn(ctx).Table("kerja_fleksibel").Where("instansi_id = ? AND pegawai_id = ? AND mulai <= ? AND selesai >= ?",
		instansiID, pegawaiID, newDate(selesai), newDate(mulai)).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("overlapping arrangements: %w", err)
	}
	return n, nil
}

// GetKerjaFleksibel reads one arrangement, placed by the pegawai's unit on asOf.
func (db *DB) GetKerjaFleksibel(ctx context.Context, instansiID, id string, asOf time.Time) (domain.KerjaFleksibel, error) {
	var r kerjaFleksibelRow
	err := db.kerjaFleksibelQuery(ctx, asOf).Where("kerja_fleksibel.instansi_id = ? AND kerja_fleksibel.id = ?", instansiID, id).Take(&r).Error
	if err != nil {
		return domain.KerjaFleksibel{}, translate(err, "Kerja fleksibel")
	}
	return toDomainKerjaFleksibel(r), nil
}

// ListKerjaFleksibel returns a page of arrangements within reach, latest first.
func (db *DB) ListKerjaFleksibel(ctx context.Context, f domain.KerjaFleksibelFilter) ([]domain.KerjaFleksibel, int64, error) {
	q := db.kerjaFleksibelQuery(ctx, f.AsOf).Where("kerja_fleksibel.instansi_id = ?", f.InstansiID)
	q = izinJangkauan(q, f.Jangkauan, "kerja_fleksibel.pegawai_id")
	if f.NIP != "" {
		q = q.Where("p.nip = ?", f.NIP)
	}
	if f.BerlakuPada != nil {
		q = q.Where("kerja_fleksibel.mulai <= ? AND kerja_fleksibel.selesai >= ?", newDate(*f.BerlakuPada), newDate(*f.BerlakuPada))
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count kerja fleksibel: %w", err)
	}
	var rows []kerjaFleksibelRow
	if err := q.Order("kerja_fleksibel.mulai DESC, kerja_fleksibel.id DESC").Offset(f.Offset).Limit(f.Limit).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list kerja fleksibel: %w", err)
	}
	out := make([]domain.KerjaFleksibel, len(rows))
	for i, r := range rows {
		out[i] = toDomainKerjaFleksibel(r)
	}
	return out, total, nil
}

// DeleteKerjaFleksibel removes an arrangement.
func (db *DB) DeleteKerjaFleksibel(ctx context.Context, instansiID, id string) error {
	res := db.conn(ctx).Exec("DELETE FROM kerja_fleksibel WHERE instansi_id = ? AND id = ?", instansiID, id)
	if res.Error != nil {
		return translate(res.Error, "Kerja fleksibel")
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Kerja fleksibel")
	}
	return nil
}

// FleksibelRange returns the arrangements meeting [from, to], per pegawai (for the
// attendance classification), optionally only of the given pegawai.
func (db *DB) FleksibelRange(ctx context.Context, instansiID string, from, to time.Time, pegawaiIDs ...string) (map[string][]domain.Fleksibel, error) {
	q, args := hanyaPegawai(`SELECT id, instansi_id, pegawai_id, jenis, mulai, selesai, awal_masuk, akhir_masuk, durasi_detik,
		nomor_sk, keterangan, dibuat_oleh, created_at FROM kerja_fleksibel WHERE instansi_id = ? AND mulai <= ? AND selesai >= ?`,
		[]any{instansiID, newDate(to), newDate(from)}, "pegawai_id", pegawaiIDs)
	var rows []kerjaFleksibelRow
	if err := db.conn(ctx).Raw(q+" ORDER BY pegawai_id, mulai", args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("flexible arrangements: %w", err)
	}
	out := map[string][]domain.Fleksibel{}
	for _, r := range rows {
		out[r.PegawaiID] = append(out[r.PegawaiID], toDomainKerjaFleksibel(r).Fleksibel)
	}
	return out, nil
}
