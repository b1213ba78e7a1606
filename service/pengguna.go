package service

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// PenggunaStore is the storage Pengguna needs.
type PenggunaStore interface {
	GetPengguna(ctx context.Context, id string) (domain.Pengguna, error)
	ListPengguna(ctx context.Context, f domain.PenggunaFilter) ([]domain.Pengguna, int64, error)
	CreatePengguna(ctx context.Context, u domain.Pengguna) (domain.Pengguna, error)
	UpdatePengguna(ctx context.Context, u domain.Pengguna) (domain.Pengguna, error)
	UsernameTaken(ctx context.Context, username string) (bool, error)
	PenggunaOfPegawai(ctx context.Context, pegawaiID string) (string, error)
	PenggunaPegawaiByNIP(ctx context.Context, instansiID, nip string, asOf time.Time) (domain.PenggunaPegawai, error)
	PenggunaPegawaiByID(ctx context.Context, instansiID, id string, asOf time.Time) (domain.PenggunaPegawai, error)
	PenggunaUnitPath(ctx context.Context, instansiID, unitID string) (string, error)
	SetPasswordHash(ctx context.Context, id, hash string, at time.Time) error
	RevokeRefreshOfPengguna(ctx context.Context, penggunaID string, at time.Time) error
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	PegawaiViewByID(ctx context.Context, instansiID, pegawaiID string, asOf time.Time) (domain.PegawaiView, error)
}

// Pengguna manages accounts. ADMIN_INSTANSI manages the accounts of its instansi,
// SUPERADMIN every account, ADMIN_UNIT the PEGAWAI accounts of the employees of its
// unit subtree; AUDITOR reads. Everyone reads their own account. API clients may
// read but never change accounts: an integrator able to mint a person's account
// could grant itself more than its scopes.
type Pengguna struct {
	Base
	Argon2 Argon2Params
	Store  PenggunaStore
}

// PenggunaInput is a new account.
type PenggunaInput struct {
	Username    string
	Password    string
	NIP         string
	Roles       []domain.Role
	UnitKerjaID string
	InstansiID  string
}

// PenggunaPatch changes an account; nil fields stay. An empty UnitKerjaID or NIP
// clears the unit or unlinks the employee.
type PenggunaPatch struct {
	Roles       *[]domain.Role
	UnitKerjaID *string
	NIP         *string
	Nonaktif    *bool
}

// Me is the caller's identity: the account, its instansi and its employee record
// as of today, when there are any.
type Me struct {
	Pengguna domain.Pengguna
	Instansi *domain.Instansi
	Pegawai  *domain.PegawaiView
}

var errClientAccounts = domain.Forbidden("Klien API tidak dapat mengubah akun pengguna.",
	"API clients cannot change user accounts.")

// manager returns the caller if it may write accounts at all.
func manager(ctx context.Context) (domain.Actor, error) {
	a, err := actor(ctx)
	if err != nil {
		return a, err
	}
	if err := requireWrite(a); err != nil {
		return a, err
	}
	if a.ClientID != "" {
		return a, errClientAccounts
	}
	if err := requireRole(a, domain.RoleAdminInstansi, domain.RoleAdminUnit); err != nil {
		return a, err
	}
	return a, nil
}

// unitOnly reports whether the caller manages accounts only as an ADMIN_UNIT.
func unitOnly(a domain.Actor) bool {
	return !a.HasAny(domain.RoleSuperadmin, domain.RoleAdminInstansi) && a.Has(domain.RoleAdminUnit)
}

func errNIPNotFound(nip string) error {
	return &domain.Error{Kind: domain.KindNotFound, Code: "not_found",
		Text: domain.Text{ID: "Pegawai tidak ditemukan.", EN: "Pegawai not found."},
		Fields: []domain.FieldError{{Field: "nip", Code: "pegawai_not_found",
			Text: domain.Text{ID: fmt.Sprintf("Tidak ada pegawai dengan NIP %s di instansi ini.", nip),
				EN: fmt.Sprintf("No employee with NIP %s in this instansi.", nip)}}}}
}

func errUnitNotFound() error {
	return &domain.Error{Kind: domain.KindNotFound, Code: "not_found",
		Text: domain.Text{ID: "Unit kerja tidak ditemukan.", EN: "Unit kerja not found."},
		Fields: []domain.FieldError{{Field: "unit_kerja_id", Code: "unit_not_found",
			Text: domain.Text{ID: "Unit kerja tidak ada di instansi ini.", EN: "No such unit in this instansi."}}}}
}

var errPegawaiHasAccount = domain.Conflict("pegawai_has_account",
	"Pegawai ini sudah memiliki akun.", "This employee already has an account.")

// pegawaiByNIP finds the employee to link, with its unit today.
func (s *Pengguna) pegawaiByNIP(ctx context.Context, instansiID, nip string) (domain.PenggunaPegawai, error) {
	today, err := s.Base.today(ctx, s.Store, instansiID)
	if err != nil {
		return domain.PenggunaPegawai{}, err
	}
	p, err := s.Store.PenggunaPegawaiByNIP(ctx, instansiID, nip, today)
	if isNotFound(err) {
		return p, errNIPNotFound(nip)
	}
	return p, err
}

// checkFreePegawai refuses to link an employee that already has another account.
func (s *Pengguna) checkFreePegawai(ctx context.Context, pegawaiID, selfID string) error {
	other, err := s.Store.PenggunaOfPegawai(ctx, pegawaiID)
	if isNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if other != selfID {
		return errPegawaiHasAccount
	}
	return nil
}

func (s *Pengguna) checkUnit(ctx context.Context, instansiID, unitID string) error {
	_, err := s.Store.PenggunaUnitPath(ctx, instansiID, unitID)
	if isNotFound(err) {
		return errUnitNotFound()
	}
	return err
}

// Create opens an account.
func (s *Pengguna) Create(ctx context.Context, in PenggunaInput) (domain.Pengguna, error) {
	a, err := manager(ctx)
	if err != nil {
		return domain.Pengguna{}, err
	}
	instansiID := a.InstansiID
	if a.Has(domain.RoleSuperadmin) {
		instansiID = in.InstansiID
		if instansiID == "" && !slices.Contains(in.Roles, domain.RoleSuperadmin) {
			instansiID, _ = ctx.Value(tenantKey).(string)
		}
	} else {
		if in.InstansiID != "" && in.InstansiID != a.InstansiID {
			return domain.Pengguna{}, domain.Forbidden("Hanya SUPERADMIN yang dapat membuat akun di instansi lain.",
				"Only a SUPERADMIN can create accounts in another instansi.")
		}
		if slices.Contains(in.Roles, domain.RoleSuperadmin) {
			return domain.Pengguna{}, domain.Forbidden("Hanya SUPERADMIN yang dapat membuat akun SUPERADMIN.",
				"Only a SUPERADMIN can create SUPERADMIN accounts.")
		}
	}
	if unitOnly(a) && (len(in.Roles) != 1 || in.Roles[0] != domain.RolePegawai || in.NIP == "") {
		return domain.Pengguna{}, domain.Forbidden("ADMIN_UNIT hanya dapat membuat akun PEGAWAI untuk pegawai unitnya.",
			"An ADMIN_UNIT can only create PEGAWAI accounts for employees of its unit.")
	}
	username := strings.ToLower(strings.TrimSpace(in.Username))
	var v domain.Validation
	v.Merge("", domain.ValidatePassword("password", in.Password))
	v.Merge("", domain.ValidateRoles(in.Roles, instansiID != "", in.UnitKerjaID != ""))
	if err := v.Err(); err != nil {
		return domain.Pengguna{}, err
	}
	if in.NIP != "" && instansiID == "" {
		return domain.Pengguna{}, domain.Invalid("nip", "nip_not_allowed",
			"Akun tanpa instansi tidak dapat ditautkan ke pegawai.", "An account without an instansi cannot be linked to an employee.")
	}
	if instansiID != "" {
		if _, err := s.Store.GetInstansi(ctx, instansiID); err != nil {
			return domain.Pengguna{}, err
		}
	}
	if in.UnitKerjaID != "" {
		if err := s.checkUnit(ctx, instansiID, in.UnitKerjaID); err != nil {
			return domain.Pengguna{}, err
		}
	}
	u := domain.Pengguna{InstansiID: instansiID, Username: username, Roles: in.Roles, UnitKerjaID: in.UnitKerjaID}
	if in.NIP != "" {
		p, err := s.pegawaiByNIP(ctx, instansiID, in.NIP)
		if err != nil {
			return domain.Pengguna{}, err
		}
		if unitOnly(a) && !a.CoversUnit(p.UnitPath) {
			return domain.Pengguna{}, domain.Forbidden("Pegawai ini tidak berada di unit Anda.", "This employee is not in your unit.")
		}
		u.PegawaiID = p.ID
	}
	u.PasswordHash, err = HashPassword(in.Password, s.Argon2)
	if err != nil {
		return domain.Pengguna{}, err
	}
	now := s.Now().UTC()
	u.CreatedAt, u.UpdatedAt = now, now
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		taken, err := s.Store.UsernameTaken(ctx, username)
		if err != nil {
			return err
		}
		if taken {
			return domain.Conflict("username_taken", "Nama pengguna sudah dipakai.", "The username is already taken.")
		}
		if u.PegawaiID != "" {
			if err := s.checkFreePegawai(ctx, u.PegawaiID, ""); err != nil {
				return err
			}
		}
		u, err = s.Store.CreatePengguna(ctx, u)
		if err != nil {
			return err
		}
		return s.record(ctx, u.InstansiID, "CREATE", "pengguna", u.ID, nil, auditPengguna(u))
	})
	return u, err
}

// load reads an account the caller may manage (write) or read. Accounts of another
// instansi, and for an ADMIN_UNIT accounts outside its reach, are not found; an
// ADMIN_UNIT who is also AUDITOR reads the whole instansi but manages only its reach.
func (s *Pengguna) load(ctx context.Context, a domain.Actor, id string, write bool) (domain.Pengguna, error) {
	u, err := s.Store.GetPengguna(ctx, id)
	if err != nil {
		return u, err
	}
	if a.Has(domain.RoleSuperadmin) {
		return u, nil
	}
	if u.InstansiID != a.InstansiID {
		return domain.Pengguna{}, domain.NotFound("Pengguna")
	}
	if unitOnly(a) && (write || !a.Has(domain.RoleAuditor)) {
		ok, err := s.inUnitReach(ctx, a, u)
		if err != nil {
			return domain.Pengguna{}, err
		}
		if !ok {
			return domain.Pengguna{}, domain.NotFound("Pengguna")
		}
	}
	return u, nil
}

// inUnitReach reports whether an ADMIN_UNIT may manage u: a PEGAWAI-only account of
// an employee working in its subtree today.
func (s *Pengguna) inUnitReach(ctx context.Context, a domain.Actor, u domain.Pengguna) (bool, error) {
	if u.PegawaiID == "" || len(u.Roles) != 1 || u.Roles[0] != domain.RolePegawai {
		return false, nil
	}
	today, err := s.Base.today(ctx, s.Store, u.InstansiID)
	if err != nil {
		return false, err
	}
	p, err := s.Store.PenggunaPegawaiByID(ctx, u.InstansiID, u.PegawaiID, today)
	if isNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return a.CoversUnit(p.UnitPath), nil
}

// canRead reports whether the caller's roles let it read accounts other than its own.
func canRead(a domain.Actor) bool {
	return a.HasAny(domain.RoleSuperadmin, domain.RoleAdminInstansi, domain.RoleAdminUnit, domain.RoleAuditor)
}

// Get reads one account.
func (s *Pengguna) Get(ctx context.Context, id string) (domain.Pengguna, error) {
	a, err := actor(ctx)
	if err != nil {
		return domain.Pengguna{}, err
	}
	if a.PenggunaID != "" && a.PenggunaID == id {
		return s.Store.GetPengguna(ctx, id)
	}
	if !canRead(a) {
		return domain.Pengguna{}, domain.ErrForbidden
	}
	return s.load(ctx, a, id, false)
}

// List returns accounts: the instansi's (every account for a SUPERADMIN acting in no
// instansi), those in its reach for an ADMIN_UNIT.
func (s *Pengguna) List(ctx context.Context, f domain.PenggunaFilter, pg Page) ([]domain.Pengguna, int64, error) {
	a, err := actor(ctx)
	if err != nil {
		return nil, 0, err
	}
	if !canRead(a) {
		return nil, 0, domain.ErrForbidden
	}
	f.InstansiID = a.InstansiID
	if a.Has(domain.RoleSuperadmin) {
		f.InstansiID, _ = ctx.Value(tenantKey).(string)
	}
	if unitOnly(a) && !a.Has(domain.RoleAuditor) {
		if f.AsOf, err = s.Base.today(ctx, s.Store, a.InstansiID); err != nil {
			return nil, 0, err
		}
		f.UnitPath = a.UnitPath
		if f.UnitPath == "" {
			return nil, 0, domain.ErrForbidden
		}
	}
	f.Offset, f.Limit = pg.Offset(), pg.Size
	return s.Store.ListPengguna(ctx, f)
}

func sameRoles(x, y []domain.Role) bool {
	if len(x) != len(y) {
		return false
	}
	for _, r := range x {
		if !slices.Contains(y, r) {
			return false
		}
	}
	return true
}

// Update changes an account's roles, unit, employee link or status. Disabling an
// account ends its sessions: its refresh tokens are revoked, and its access tokens
// stop working because every request reloads the account.
func (s *Pengguna) Update(ctx context.Context, id string, p PenggunaPatch, expected *int) (domain.Pengguna, error) {
	a, err := manager(ctx)
	if err != nil {
		return domain.Pengguna{}, err
	}
	if id == a.PenggunaID {
		if p.Roles != nil && !sameRoles(*p.Roles, a.Roles) {
			return domain.Pengguna{}, domain.Forbidden("Anda tidak dapat mengubah peran Anda sendiri.", "You cannot change your own roles.")
		}
		if p.Nonaktif != nil && *p.Nonaktif {
			return domain.Pengguna{}, domain.Forbidden("Anda tidak dapat menonaktifkan akun Anda sendiri.", "You cannot disable your own account.")
		}
	}
	if unitOnly(a) && (p.Roles != nil || p.UnitKerjaID != nil || p.NIP != nil) {
		return domain.Pengguna{}, domain.Forbidden("ADMIN_UNIT hanya dapat mengaktifkan atau menonaktifkan akun.",
			"An ADMIN_UNIT can only enable or disable accounts.")
	}
	if p.Roles != nil && slices.Contains(*p.Roles, domain.RoleSuperadmin) && !a.Has(domain.RoleSuperadmin) {
		return domain.Pengguna{}, domain.Forbidden("Hanya SUPERADMIN yang dapat memberikan peran SUPERADMIN.",
			"Only a SUPERADMIN can grant the SUPERADMIN role.")
	}
	var out domain.Pengguna
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		before, err := s.load(ctx, a, id, true)
		if err != nil {
			return err
		}
		if err := checkVersion(expected, before.Version); err != nil {
			return err
		}
		after := before
		if p.Roles != nil {
			after.Roles = *p.Roles
			// A unit only scopes an ADMIN_UNIT: dropping that role drops the unit too,
			// unless the patch names one.
			if !slices.Contains(after.Roles, domain.RoleAdminUnit) && p.UnitKerjaID == nil {
				after.UnitKerjaID = ""
			}
		}
		if p.UnitKerjaID != nil {
			after.UnitKerjaID = *p.UnitKerjaID
		}
		if err := domain.ValidateRoles(after.Roles, after.InstansiID != "", after.UnitKerjaID != ""); err != nil {
			return err
		}
		if after.UnitKerjaID != "" && after.UnitKerjaID != before.UnitKerjaID {
			if err := s.checkUnit(ctx, after.InstansiID, after.UnitKerjaID); err != nil {
				return err
			}
		}
		if p.NIP != nil {
			after.PegawaiID = ""
			if *p.NIP != "" {
				if after.InstansiID == "" {
					return domain.Invalid("nip", "nip_not_allowed",
						"Akun tanpa instansi tidak dapat ditautkan ke pegawai.", "An account without an instansi cannot be linked to an employee.")
				}
				peg, err := s.pegawaiByNIP(ctx, after.InstansiID, *p.NIP)
				if err != nil {
					return err
				}
				if err := s.checkFreePegawai(ctx, peg.ID, id); err != nil {
					return err
				}
				after.PegawaiID = peg.ID
			}
		}
		if p.Nonaktif != nil {
			after.Nonaktif = *p.Nonaktif
		}
		now := s.Now().UTC()
		after.UpdatedAt = now
		out, err = s.Store.UpdatePengguna(ctx, after)
		if err != nil {
			return err
		}
		if out.Nonaktif && !before.Nonaktif {
			if err := s.Store.RevokeRefreshOfPengguna(ctx, id, now); err != nil {
				return err
			}
		}
		return s.record(ctx, out.InstansiID, "UPDATE", "pengguna", id, auditPengguna(before), auditPengguna(out))
	})
	return out, err
}

// ResetPassword sets an account's password to pw, or to a generated one that it
// returns (shown once). Every refresh token of the account is revoked.
func (s *Pengguna) ResetPassword(ctx context.Context, id string, pw *string) (string, error) {
	a, err := manager(ctx)
	if err != nil {
		return "", err
	}
	generated := ""
	if pw != nil {
		if err := domain.ValidatePassword("password_baru", *pw); err != nil {
			return "", err
		}
	} else {
		generated = randomToken(15) // 20 characters, 120 bits
		pw = &generated
	}
	hash, err := HashPassword(*pw, s.Argon2)
	if err != nil {
		return "", err
	}
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		u, err := s.load(ctx, a, id, true)
		if err != nil {
			return err
		}
		now := s.Now().UTC()
		if err := s.Store.SetPasswordHash(ctx, u.ID, hash, now); err != nil {
			return err
		}
		if err := s.Store.RevokeRefreshOfPengguna(ctx, u.ID, now); err != nil {
			return err
		}
		return s.record(ctx, u.InstansiID, "UPDATE", "pengguna", u.ID, nil, map[string]any{"password": "direset"})
	})
	if err != nil {
		return "", err
	}
	return generated, nil
}

var errNotPerson = domain.Unauthenticated("not_a_person",
	"Hanya akun pengguna yang memiliki profil; klien API tidak.", "Only user accounts have a profile; API clients do not.")

// Me returns the caller's account, instansi and employee record as of today in
// the instansi's time zone.
func (s *Pengguna) Me(ctx context.Context) (Me, error) {
	a, err := actor(ctx)
	if err != nil {
		return Me{}, err
	}
	if a.PenggunaID == "" {
		return Me{}, errNotPerson
	}
	var me Me
	if me.Pengguna, err = s.Store.GetPengguna(ctx, a.PenggunaID); err != nil {
		return Me{}, err
	}
	if me.Pengguna.InstansiID == "" {
		return me, nil
	}
	inst, err := s.Store.GetInstansi(ctx, me.Pengguna.InstansiID)
	if err != nil {
		return Me{}, err
	}
	me.Instansi = &inst
	if me.Pengguna.PegawaiID == "" {
		return me, nil
	}
	v, err := s.Store.PegawaiViewByID(ctx, inst.ID, me.Pengguna.PegawaiID, inst.Today(s.Now()))
	if isNotFound(err) {
		return me, nil // no position in force today (not yet appointed): no employee view
	}
	if err != nil {
		return Me{}, err
	}
	me.Pegawai = &v
	return me, nil
}

// auditPengguna is an account as the audit log keeps it: never the password hash.
func auditPengguna(u domain.Pengguna) map[string]any {
	roles := make([]string, len(u.Roles))
	for i, r := range u.Roles {
		roles[i] = string(r)
	}
	return map[string]any{"id": u.ID, "instansi_id": u.InstansiID, "username": u.Username,
		"pegawai_id": u.PegawaiID, "nip": u.NIP, "roles": roles, "unit_kerja_id": u.UnitKerjaID,
		"nonaktif": u.Nonaktif, "version": u.Version}
}
