package repository

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type penggunaRow struct {
	ID           string
	InstansiID   *string
	Username     string
	PegawaiID    *string
	PasswordHash string
	Roles        string
	UnitKerjaID  *string
	Nonaktif     bool
	LastLoginAt  *time.Time
	Version      int
	CreatedAt    time.Time
	UpdatedAt    time.Time
	// read through joins
	NIP      *string `gorm:"->;column:nip"`
	UnitPath *string `gorm:"->;column:unit_path"`
}

func (penggunaRow) TableName() string { return "pengguna" }

func toDomainPengguna(r penggunaRow) domain.Pengguna {
	u := domain.Pengguna{ID: r.ID, Username: r.Username, PasswordHash: r.PasswordHash, Nonaktif: r.Nonaktif,
		Version: r.Version, CreatedAt: utc(r.CreatedAt), UpdatedAt: utc(r.UpdatedAt)}
	u.InstansiID = deref(r.InstansiID)
	u.PegawaiID = deref(r.PegawaiID)
	u.UnitKerjaID = deref(r.UnitKerjaID)
	u.NIP = deref(r.NIP)
	u.UnitPath = deref(r.UnitPath)
	if r.LastLoginAt != nil {
		t := r.LastLoginAt.UTC()
		u.LastLoginAt = &t
	}
	for _, s := range strings.Split(r.Roles, ",") {
		if s != "" {
			u.Roles = append(u.Roles, domain.Role(s))
		}
	}
	return u
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func joinRoles(rs []domain.Role) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = string(r)
	}
	return strings.Join(parts, ",")
}

const penggunaSelect = `pengguna.*, pegawai.nip AS nip, unit_kerja.path AS unit_path`

func (db *DB) penggunaQuery(ctx context.Context) *gormDB {
	return db.conn(ctx).Table("pengguna").Select(penggunaSelect).
		Joins("LEFT JOIN pegawai ON pegawai.id = pengguna.pegawai_id").
		Joins("LEFT JOIN unit_kerja ON unit_kerja.id = pengguna.unit_kerja_id")
}

// PenggunaByLogin finds an account by username (case-insensitive) or by the NIP of
// its linked employee.
func (db *DB) PenggunaByLogin(ctx context.Context, login string) (domain.Pengguna, error) {
	var rows []penggunaRow
	err := db.penggunaQuery(ctx).Where("pengguna.username = ? OR pegawai.nip = ?", strings.ToLower(login), login).
		Limit(2).Find(&rows).Error
	if err != nil {
		return domain.Pengguna{}, fmt.Errorf("find pengguna: %w", err)
	}
	if len(rows) != 1 {
		// none, or a NIP linked in two instansi: refuse rather than guess
		return domain.Pengguna{}, domain.NotFound("Pengguna")
	}
	return toDomainPengguna(rows[0]), nil
}

// GetPengguna reads an account by id, in any instansi (authentication needs that).
func (db *DB) GetPengguna(ctx context.Context, id string) (domain.Pengguna, error) {
	var row penggunaRow
	if err := db.penggunaQuery(ctx).Where("pengguna.id = ?", id).Take(&row).Error; err != nil {
		return domain.Pengguna{}, translate(err, "Pengguna")
	}
	return toDomainPengguna(row), nil
}

// TouchLogin records a successful login.
func (db *DB) TouchLogin(ctx context.Context, id string, at time.Time) error {
	err := db.conn(ctx).Exec(`UPDATE pengguna SET last_login_at = ? WHERE id = ?`, at.UTC(), id).Error
	if err != nil {
		return fmt.Errorf("touch login: %w", err)
	}
	return nil
}

// SetPasswordHash stores a new password hash.
func (db *DB) SetPasswordHash(ctx context.Context, id, hash string, at time.Time) error {
	err := db.conn(ctx).Exec(`UPDATE pengguna SET password_hash = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
		hash, at.UTC(), id).Error
	if err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	return nil
}

type refreshRow struct {
	ID         string
	PenggunaID string
	FamilyID   string
	TokenHash  string
	ExpiresAt  time.Time
	UsedAt     *time.Time
	RevokedAt  *time.Time
	CreatedAt  time.Time
}

func (refreshRow) TableName() string { return "refresh_token" }

// CreateRefreshToken stores a refresh token's hash.
func (db *DB) CreateRefreshToken(ctx context.Context, t domain.RefreshToken) error {
	row := refreshRow{ID: newID(), PenggunaID: t.PenggunaID, FamilyID: t.FamilyID, TokenHash: t.TokenHash,
		ExpiresAt: t.ExpiresAt.UTC(), CreatedAt: t.CreatedAt.UTC()}
	if err := db.conn(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create refresh token: %w", err)
	}
	return nil
}

// RefreshTokenByHash finds a refresh token.
func (db *DB) RefreshTokenByHash(ctx context.Context, hash string) (domain.RefreshToken, error) {
	var r refreshRow
	if err := db.conn(ctx).Where("token_hash = ?", hash).Take(&r).Error; err != nil {
		return domain.RefreshToken{}, translate(err, "Token")
	}
	return domain.RefreshToken{ID: r.ID, PenggunaID: r.PenggunaID, FamilyID: r.FamilyID, TokenHash: r.TokenHash,
		ExpiresAt: utc(r.ExpiresAt), UsedAt: r.UsedAt, RevokedAt: r.RevokedAt, CreatedAt: utc(r.CreatedAt)}, nil
}

// MarkRefreshUsed spends a token; false means someone spent it first.
func (db *DB) MarkRefreshUsed(ctx context.Context, id string, at time.Time) (bool, error) {
	res := db.conn(ctx).Exec(`UPDATE refresh_token SET used_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL`, at.UTC(), id)
	if res.Error != nil {
		return false, fmt.Errorf("use refresh token: %w", res.Error)
	}
	return res.RowsAffected == 1, nil
}

// RevokeRefreshFamily revokes every token of a family.
func (db *DB) RevokeRefreshFamily(ctx context.Context, familyID string, at time.Time) error {
	err := db.conn(ctx).Exec(`UPDATE refresh_token SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL`,
		at.UTC(), familyID).Error
	if err != nil {
		return fmt.Errorf("revoke family: %w", err)
	}
	return nil
}

// RevokeRefreshOfPengguna revokes every token of an account.
func (db *DB) RevokeRefreshOfPengguna(ctx context.Context, penggunaID string, at time.Time) error {
	err := db.conn(ctx).Exec(`UPDATE refresh_token SET revoked_at = ? WHERE pengguna_id = ? AND revoked_at IS NULL`,
		at.UTC(), penggunaID).Error
	if err != nil {
		return fmt.Errorf("revoke sessions: %w", err)
	}
	return nil
}

// CreatePengguna inserts an account, assigning its id.
func (db *DB) CreatePengguna(ctx context.Context, u domain.Pengguna) (domain.Pengguna, error) {
	row := penggunaRow{ID: newID(), InstansiID: optional(u.InstansiID), Username: strings.ToLower(u.Username),
		PegawaiID: optional(u.PegawaiID), PasswordHash: u.PasswordHash, Roles: joinRoles(u.Roles),
		UnitKerjaID: optional(u.UnitKerjaID), Nonaktif: u.Nonaktif, Version: 1,
		CreatedAt: u.CreatedAt.UTC(), UpdatedAt: u.UpdatedAt.UTC()}
	if err := db.conn(ctx).Omit("nip", "unit_path").Create(&row).Error; err != nil {
		return domain.Pengguna{}, translate(err, "Pengguna")
	}
	return db.GetPengguna(ctx, row.ID)
}

// InstansiByKode finds an instansi by its code.
func (db *DB) InstansiByKode(ctx context.Context, kode string) (domain.Instansi, error) {
	var row instansiRow
	if err := db.conn(ctx).Where("kode = ?", strings.ToUpper(kode)).Take(&row).Error; err != nil {
		return domain.Instansi{}, translate(err, "Instansi")
	}
	return toDomainInstansi(row), nil
}
