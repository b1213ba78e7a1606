package domain

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// Pengguna is a person's account.
type Pengguna struct {
	ID           string
	InstansiID   string // empty for SUPERADMIN
	Username     string
	PegawaiID    string
	NIP          string // of the linked employee, when read
	PasswordHash string
	Roles        []Role
	UnitKerjaID  string // scope of an ADMIN_UNIT
	UnitPath     string // that unit's path, when read
	Nonaktif     bool
	LastLoginAt  *time.Time
	Version      int
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// ValidateRoles checks a role set: SUPERADMIN stands alone and has no instansi;
// ADMIN_UNIT needs a unit; every other account belongs to an instansi.
func ValidateRoles(roles []Role, hasInstansi, hasUnit bool) error {
	var v Validation
	if len(roles) == 0 {
		v.Add("roles", "roles_required", "Minimal satu peran.", "At least one role is required.")
	}
	super := false
	for _, r := range roles {
		known := false
		for _, k := range AllRoles {
			known = known || k == r
		}
		if !known {
			v.Add("roles", "role_unknown", fmt.Sprintf("Peran %q tidak dikenal.", r), fmt.Sprintf("Unknown role %q.", r))
		}
		super = super || r == RoleSuperadmin
	}
	if super && len(roles) > 1 {
		v.Add("roles", "superadmin_alone", "SUPERADMIN tidak boleh digabung dengan peran lain.", "SUPERADMIN cannot be combined with other roles.")
	}
	if super && hasInstansi {
		v.Add("instansi_id", "superadmin_no_instansi", "Akun SUPERADMIN tidak terikat instansi.", "A SUPERADMIN account belongs to no instansi.")
	}
	if !super && !hasInstansi {
		v.Add("instansi_id", "instansi_required", "Akun harus terikat pada satu instansi.", "The account must belong to an instansi.")
	}
	admUnit := false
	for _, r := range roles {
		admUnit = admUnit || r == RoleAdminUnit
	}
	if admUnit && !hasUnit {
		v.Add("unit_kerja_id", "unit_required", "ADMIN_UNIT wajib memiliki unit kerja.", "ADMIN_UNIT needs a unit_kerja_id.")
	}
	if !admUnit && hasUnit {
		v.Add("unit_kerja_id", "unit_not_allowed", "unit_kerja_id hanya untuk ADMIN_UNIT.", "unit_kerja_id only applies to ADMIN_UNIT.")
	}
	return v.Err()
}

// ValidatePassword applies the password policy (OWASP ASVS 2.1): at least 10
// characters, at most 128, no composition rules, not a commonly used password.
func ValidatePassword(field, pw string) error {
	n := utf8.RuneCountInString(pw)
	if n < 10 {
		return Invalid(field, "password_too_short", "Kata sandi minimal 10 karakter.", "The password needs at least 10 characters.")
	}
	if n > 128 {
		return Invalid(field, "password_too_long", "Kata sandi maksimal 128 karakter.", "The password may have at most 128 characters.")
	}
	if commonPasswords[pw] {
		return Invalid(field, "password_common", "Kata sandi terlalu umum; pilih yang lain.", "This password is too common; choose another.")
	}
	return nil
}

// commonPasswords is a small offline list of passwords seen most in breaches,
// including Indonesian favourites.
var commonPasswords = map[string]bool{
	"1234567890": true, "12345678910": true, "password123": true, "qwertyuiop": true,
	"1q2w3e4r5t": true, "0123456789": true, "passw0rd12": true, "password12": true,
	"administrator": true, "admin12345": true, "bismillah123": true, "indonesia123": true,
	"rahasia1234": true, "katasandi123": true, "1111111111": true, "0000000000": true,
}

// KlienAPI is an integrator's API client with scoped client credentials.
type KlienAPI struct {
	ID         string
	InstansiID string
	Nama       string
	ClientID   string
	SecretHash string
	Scopes     []string
	Nonaktif   bool
	CreatedAt  time.Time
}

// AuditEntry is one append-only record of a change.
type AuditEntry struct {
	ID         string
	InstansiID string
	AktorID    string
	AktorNama  string
	Aksi       string // CREATE, UPDATE, DELETE, LOGIN, IMPORT
	Entitas    string
	EntitasID  string
	Sebelum    any // marshalled to JSON; nil for none
	Sesudah    any
	RequestID  string
	Waktu      time.Time
}

// RefreshToken is one link of a login's rotating refresh-token chain (its family).
// Only the token's hash is stored.
type RefreshToken struct {
	ID         string
	PenggunaID string
	FamilyID   string
	TokenHash  string
	ExpiresAt  time.Time
	UsedAt     *time.Time
	RevokedAt  *time.Time
	CreatedAt  time.Time
}
