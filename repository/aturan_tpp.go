package repository

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type aturanTPPRow struct {
	ID             string
	InstansiID     string
	Versi          int
	Nama           string
	DasarHukum     string
	Keterangan     string
	BerlakuMulai   sqlDate
	Profil         string
	Digunakan      bool
	IdempotencyKey *string
	Fingerprint    string
	Version        int
	CreatedAt      time.Time
	UpdatedAt      time.Time
	// the next version's start, read through aturanTPPQuery
	Berikutnya nullDate `gorm:"->;column:berikutnya"`
}

func (aturanTPPRow) TableName() string { return "aturan_tpp" }

func toDomainAturanTPP(r aturanTPPRow) (domain.AturanTPP, error) {
	p, err := domain.ParseProfilTPP([]byte(r.Profil))
	if err != nil {
		return domain.AturanTPP{}, fmt.Errorf("stored aturan tpp %s: %w", r.ID, err)
	}
	a := domain.AturanTPP{ID: r.ID, InstansiID: r.InstansiID, Versi: r.Versi, Nama: r.Nama, DasarHukum: r.DasarHukum,
		Keterangan: r.Keterangan, BerlakuMulai: r.BerlakuMulai.Time, Profil: p, Digunakan: r.Digunakan,
		Version: r.Version, CreatedAt: utc(r.CreatedAt), UpdatedAt: utc(r.UpdatedAt)}
	if next := r.Berikutnya.ptr(); next != nil {
		end := next.AddDate(0, 0, -1)
		a.BerlakuSampai = &end
	}
	return a, nil
}

func toDomainAturanTPPs(rows []aturanTPPRow) ([]domain.AturanTPP, error) {
	out := make([]domain.AturanTPP, len(rows))
	for i, r := range rows {
		var err error
		if out[i], err = toDomainAturanTPP(r); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// aturanTPPQuery selects versions with the start of the version that follows each
// (by berlaku_mulai), from which BerlakuSampai is derived.
func (db *DB) aturanTPPQuery(ctx context.Context, instansiID string) *gormDB {
	return db.conn(ctx).Table("aturan_tpp AS a").
		Select(`a.*, (SELECT MIN(n.berlaku_mulai) FROM aturan_tpp n
			WHERE n.instansi_id = a.instansi_id AND n.berlaku_mulai > a.berlaku_mulai) AS berikutnya`).
		Where("a.instansi_id = ?", instansiID)
}

// ListAturanTPPSemua returns every version of the instansi's rule profile by
// berlaku_mulai ascending, with BerlakuSampai filled.
func (db *DB) ListAturanTPPSemua(ctx context.Context, instansiID string) ([]domain.AturanTPP, error) {
	var rows []aturanTPPRow
	if err := db.aturanTPPQuery(ctx, instansiID).Order("a.berlaku_mulai").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list aturan tpp: %w", err)
	}
	return toDomainAturanTPPs(rows)
}

// ListAturanTPP returns a page of versions, the latest berlaku_mulai first, and the
// total.
func (db *DB) ListAturanTPP(ctx context.Context, instansiID string, offset, limit int) ([]domain.AturanTPP, int64, error) {
	var total int64
	if err := db.conn(ctx).Table("aturan_tpp").Where("instansi_id = ?", instansiID).Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count aturan tpp: %w", err)
	}
	var rows []aturanTPPRow
	if err := db.aturanTPPQuery(ctx, instansiID).Order("a.berlaku_mulai DESC").Offset(offset).Limit(limit).
		Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list aturan tpp: %w", err)
	}
	out, err := toDomainAturanTPPs(rows)
	return out, total, err
}

// GetAturanTPP reads one version.
func (db *DB) GetAturanTPP(ctx context.Context, instansiID, id string) (domain.AturanTPP, error) {
	var row aturanTPPRow
	if err := db.aturanTPPQuery(ctx, instansiID).Where("a.id = ?", id).Take(&row).Error; err != nil {
		return domain.AturanTPP{}, translate(err, "Aturan TPP")
	}
	return toDomainAturanTPP(row)
}

// AturanTPPByKunci reads the version created with an Idempotency-Key and the
// fingerprint of the request that created it; NotFound when the key is unused.
func (db *DB) AturanTPPByKunci(ctx context.Context, instansiID, key string) (domain.AturanTPP, string, error) {
	var row aturanTPPRow
	if err := db.aturanTPPQuery(ctx, instansiID).Where("a.idempotency_key = ?", key).Take(&row).Error; err != nil {
		return domain.AturanTPP{}, "", translate(err, "Aturan TPP")
	}
	a, err := toDomainAturanTPP(row)
	return a, row.Fingerprint, err
}

// AturanTPPMulaiAda reports whether a version other than exceptID (may be empty)
// starts on mulai.
func (db *DB) AturanTPPMulaiAda(ctx context.Context, instansiID string, mulai time.Time, exceptID string) (bool, error) {
	var n int64
	q := db.conn(ctx).Table("aturan_tpp").Where("instansi_id = ? AND berlaku_mulai = ?", instansiID, newDate(mulai))
	if exceptID != "" {
		q = q.Where("id <> ?", exceptID)
	}
	if err := q.Count(&n).Error; err != nil {
		return false, fmt.Errorf("aturan tpp start: %w", err)
	}
	return n > 0, nil
}

// LockInstansiTPP serialises changes to an instansi's TPP settings (rule versions,
// budgets, payroll inputs) until the transaction ends, by taking the instansi row's
// lock with a no-op update, so that "next number", "is this start free" and
// delete-then-insert replacements hold.
func (db *DB) LockInstansiTPP(ctx context.Context, instansiID string) error {
	res := db.conn(ctx).Exec(`UPDATE instansi SET version = version WHERE id = ?`, instansiID)
	if res.Error != nil {
		return fmt.Errorf("lock instansi tpp: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Instansi")
	}
	return nil
}

// CreateAturanTPP stores a new version as the next versi of its instansi. Run it in
// a transaction after LockInstansiTPP. key and fingerprint are the Idempotency-Key
// (empty for none) and the request's fingerprint.
func (db *DB) CreateAturanTPP(ctx context.Context, a domain.AturanTPP, key, fingerprint string) (domain.AturanTPP, error) {
	var versi int
	if err := db.conn(ctx).Raw(`SELECT COALESCE(MAX(versi), 0) + 1 FROM aturan_tpp WHERE instansi_id = ?`, a.InstansiID).
		Scan(&versi).Error; err != nil {
		return domain.AturanTPP{}, fmt.Errorf("next aturan tpp versi: %w", err)
	}
	profil, err := a.Profil.MarshalJSON()
	if err != nil {
		return domain.AturanTPP{}, fmt.Errorf("encode profil tpp: %w", err)
	}
	err = db.conn(ctx).Exec(`INSERT INTO aturan_tpp (id, instansi_id, versi, nama, dasar_hukum, keterangan, berlaku_mulai, profil,
		digunakan, idempotency_key, fingerprint, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?,?)`,
		a.ID, a.InstansiID, versi, a.Nama, a.DasarHukum, a.Keterangan, newDate(a.BerlakuMulai), string(profil), false,
		nullString(key), fingerprint, a.CreatedAt.UTC(), a.CreatedAt.UTC()).Error
	if err != nil {
		return domain.AturanTPP{}, translate(err, "Aturan TPP")
	}
	return db.GetAturanTPP(ctx, a.InstansiID, a.ID)
}

// UpdateAturanTPP replaces a version's texts, start and profile if its stored version
// is still a.Version and no approved run used it; Stale otherwise (the caller tells
// the two apart by reading it first).
func (db *DB) UpdateAturanTPP(ctx context.Context, a domain.AturanTPP) (domain.AturanTPP, error) {
	profil, err := a.Profil.MarshalJSON()
	if err != nil {
		return domain.AturanTPP{}, fmt.Errorf("encode profil tpp: %w", err)
	}
	res := db.conn(ctx).Exec(`UPDATE aturan_tpp SET nama = ?, dasar_hukum = ?, keterangan = ?, berlaku_mulai = ?, profil = ?,
		version = version + 1, updated_at = ? WHERE instansi_id = ? AND id = ? AND version = ? AND digunakan = ?`,
		a.Nama, a.DasarHukum, a.Keterangan, newDate(a.BerlakuMulai), string(profil), a.UpdatedAt.UTC(),
		a.InstansiID, a.ID, a.Version, false)
	if res.Error != nil {
		return domain.AturanTPP{}, translate(res.Error, "Aturan TPP")
	}
	if res.RowsAffected == 0 {
		return domain.AturanTPP{}, domain.Stale()
	}
	return db.GetAturanTPP(ctx, a.InstansiID, a.ID)
}

// AturanTPPDirujuk reports whether any payroll run, whatever its status, refers to
// the version.
func (db *DB) AturanTPPDirujuk(ctx context.Context, instansiID, id string) (bool, error) {
	var n int64
	if err := db.conn(ctx).Table("perhitungan_tpp").Where("instansi_id = ? AND aturan_tpp_id = ?", instansiID, id).
		Count(&n).Error; err != nil {
		return false, fmt.Errorf("runs of aturan tpp: %w", err)
	}
	return n > 0, nil
}

// DeleteAturanTPP removes a version no approved run used.
func (db *DB) DeleteAturanTPP(ctx context.Context, instansiID, id string) error {
	res := db.conn(ctx).Exec(`DELETE FROM aturan_tpp WHERE instansi_id = ? AND id = ? AND digunakan = ?`, instansiID, id, false)
	if res.Error != nil {
		return translate(res.Error, "Aturan TPP")
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Aturan TPP")
	}
	return nil
}

// TandaiAturanTPPDigunakan marks a version as used by an approved payroll run, after
// which it never changes. Call it in the approval's transaction; marking twice is
// harmless.
func (db *DB) TandaiAturanTPPDigunakan(ctx context.Context, instansiID, id string) error {
	res := db.conn(ctx).Exec(`UPDATE aturan_tpp SET digunakan = ? WHERE instansi_id = ? AND id = ?`, true, instansiID, id)
	if res.Error != nil {
		return fmt.Errorf("mark aturan tpp used: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Aturan TPP")
	}
	return nil
}
