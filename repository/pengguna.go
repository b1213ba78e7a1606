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
// Remembered for a few seconds (ingatan.go).
func (db *DB) GetPengguna(ctx context.Context, id string) (domain.Pengguna, error) {
	return remembered(ctx, db, db.ingatan.pengguna, id, func() (domain.Pengguna, error) {
		var row penggunaRow
		if err := db.penggunaQuery(ctx).Where("pengguna.id = ?", id).Take(&row).Error; err != nil {
			return domain.Pengguna{}, translate(err, "Pengguna")
		}
		return toDomainPengguna(row), nil
	})
}

// TouchLogin records a successful login.
func (db *DB) TouchLogin(ctx context.Context, id string, at time.Time) error {
	err := db.conn(ctx).Exec(`UPDATE pengguna SET last_login_at = ? WHERE id = ?`, at.UTC(), id).Error
	if err != nil {
		return fmt.Errorf("touch login: %w", err)
	}
	db.changed(ctx)
	return nil
}

// SetPasswordHash stores a new password hash.
func (db *DB) SetPasswordHash(ctx context.Context, id, hash string, at time.Time) error {
	err := db.conn(ctx).Exec(`UPDATE pengguna SET password_hash = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
		hash, at.UTC(), id).Error
	if err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	db.changed(ctx)
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

// ListPengguna returns a page of accounts, ordered by username, and the total.
func (db *DB) ListPengguna(ctx context.Context, f domain.PenggunaFilter) ([]domain.Pengguna, int64, error) {
	var total int64
	if err := penggunaWhere(db.conn(ctx).Table("pengguna"), f).Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count pengguna: %w", err)
	}
	var rows []penggunaRow
	err := penggunaWhere(db.penggunaQuery(ctx), f).Order("pengguna.username").Offset(f.Offset).Limit(f.Limit).Find(&rows).Error
	if err != nil {
		return nil, 0, fmt.Errorf("list pengguna: %w", err)
	}
	out := make([]domain.Pengguna, len(rows))
	for i, r := range rows {
		out[i] = toDomainPengguna(r)
	}
	return out, total, nil
}

func penggunaWhere(q *gormDB, f domain.PenggunaFilter) *gormDB {
	if f.InstansiID != "" {
		q = q.Where("pengguna.instansi_id = ?", f.InstansiID)
	}
	if f.Q != "" {
		q = q.Where("lower(pengguna.username) LIKE ?"+likeEscape, likePattern(f.Q))
	}
	if f.Role != "" {
		// roles is a comma-separated list; framing it with commas matches whole names only.
		q = q.Where("(',' || pengguna.roles || ',') LIKE ?"+likeEscape, "%,"+strings.ReplaceAll(string(f.Role), "_", `\_`)+",%")
	}
	if f.Nonaktif != nil {
		q = q.Where("pengguna.nonaktif = ?", *f.Nonaktif)
	}
	if f.UnitPath != "" {
		// Unit paths hold only ids and slashes, so a prefix LIKE needs no escaping.
		q = q.Where("pengguna.roles = ? AND pengguna.pegawai_id IN ("+currentUnitSQL+" AND u.path LIKE ?)",
			string(domain.RolePegawai), f.InstansiID, newDate(f.AsOf), f.UnitPath+"%")
	}
	return q
}

// currentUnitSQL selects the employees of an instansi with the unit (alias u) of
// their riwayat in force on a date: the latest berlaku_mulai on or before it.
const currentUnitSQL = `SELECT r.pegawai_id FROM riwayat_pegawai r JOIN unit_kerja u ON u.id = r.unit_kerja_id
WHERE r.instansi_id = ? AND r.berlaku_mulai = (SELECT max(r2.berlaku_mulai) FROM riwayat_pegawai r2
WHERE r2.pegawai_id = r.pegawai_id AND r2.berlaku_mulai <= ?)`

// UpdatePengguna writes an account's roles, scope, employee link and status if its
// stored version is still u.Version, and bumps the version.
func (db *DB) UpdatePengguna(ctx context.Context, u domain.Pengguna) (domain.Pengguna, error) {
	res := db.conn(ctx).Exec(`UPDATE pengguna SET roles = ?, unit_kerja_id = ?, pegawai_id = ?, nonaktif = ?,
updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`,
		joinRoles(u.Roles), nullString(u.UnitKerjaID), nullString(u.PegawaiID), u.Nonaktif, u.UpdatedAt.UTC(), u.ID, u.Version)
	if res.Error != nil {
		return domain.Pengguna{}, translate(res.Error, "Pengguna")
	}
	if res.RowsAffected == 0 {
		return domain.Pengguna{}, domain.Stale()
	}
	db.changed(ctx)
	return db.GetPengguna(ctx, u.ID)
}

// UsernameTaken reports whether an account already has the (lowercased) username.
func (db *DB) UsernameTaken(ctx context.Context, username string) (bool, error) {
	var n int64
	err := db.conn(ctx).Table("pengguna").Where("username = ?", strings.ToLower(username)).Count(&n).Error
	if err != nil {
		return false, fmt.Errorf("check username: %w", err)
	}
	return n > 0, nil
}

// PenggunaOfPegawai returns the id of the account linked to an employee.
func (db *DB) PenggunaOfPegawai(ctx context.Context, pegawaiID string) (string, error) {
	var ids []string
	err := db.conn(ctx).Table("pengguna").Where("pegawai_id = ?", pegawaiID).Limit(1).Pluck("id", &ids).Error
	if err != nil {
		return "", fmt.Errorf("account of pegawai: %w", err)
	}
	if len(ids) == 0 {
		return "", domain.NotFound("Pengguna")
	}
	return ids[0], nil
}

type penggunaPegawaiRow struct {
	ID       string
	NIP      string
	UnitPath *string
}

// PenggunaPegawaiByNIP finds an employee of an instansi by NIP, with the unit it
// works in on asOf.
func (db *DB) PenggunaPegawaiByNIP(ctx context.Context, instansiID, nip string, asOf time.Time) (domain.PenggunaPegawai, error) {
	return db.penggunaPegawai(ctx, "p.nip = ?", instansiID, nip, asOf)
}

// PenggunaPegawaiByID reads an employee of an instansi, with the unit it works in on asOf.
func (db *DB) PenggunaPegawaiByID(ctx context.Context, instansiID, id string, asOf time.Time) (domain.PenggunaPegawai, error) {
	return db.penggunaPegawai(ctx, "p.id = ?", instansiID, id, asOf)
}

func (db *DB) penggunaPegawai(ctx context.Context, cond, instansiID, value string, asOf time.Time) (domain.PenggunaPegawai, error) {
	var rows []penggunaPegawaiRow
	err := db.conn(ctx).Raw(`SELECT p.id, p.nip, u.path AS unit_path FROM pegawai p
LEFT JOIN riwayat_pegawai r ON r.pegawai_id = p.id AND r.berlaku_mulai = (SELECT max(r2.berlaku_mulai)
  FROM riwayat_pegawai r2 WHERE r2.pegawai_id = p.id AND r2.berlaku_mulai <= ?)
LEFT JOIN unit_kerja u ON u.id = r.unit_kerja_id
WHERE p.instansi_id = ? AND `+cond, newDate(asOf), instansiID, value).Scan(&rows).Error
	if err != nil {
		return domain.PenggunaPegawai{}, translate(err, "Pegawai")
	}
	if len(rows) == 0 {
		return domain.PenggunaPegawai{}, domain.NotFound("Pegawai")
	}
	return domain.PenggunaPegawai{ID: rows[0].ID, NIP: rows[0].NIP, UnitPath: deref(rows[0].UnitPath)}, nil
}

// PenggunaUnitPath returns the path of a unit of an instansi (the scope of an ADMIN_UNIT account).
func (db *DB) PenggunaUnitPath(ctx context.Context, instansiID, unitID string) (string, error) {
	var paths []string
	err := db.conn(ctx).Table("unit_kerja").Where("id = ? AND instansi_id = ?", unitID, instansiID).Limit(1).Pluck("path", &paths).Error
	if err != nil {
		return "", translate(err, "Unit kerja")
	}
	if len(paths) == 0 {
		return "", domain.NotFound("Unit kerja")
	}
	return paths[0], nil
}
