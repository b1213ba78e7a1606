package domain

import (
	"slices"
	"strings"
)

// Role is an access role (architecture.md §5). Being a rater (penilai) is not a role:
// it follows from the organisation chart.
type Role string

// Roles.
const (
	RoleSuperadmin    Role = "SUPERADMIN"
	RoleAdminInstansi Role = "ADMIN_INSTANSI"
	RoleAdminUnit     Role = "ADMIN_UNIT"
	RoleKeuangan      Role = "KEUANGAN"
	RoleAuditor       Role = "AUDITOR"
	RolePegawai       Role = "PEGAWAI"
)

// AllRoles lists every role in a stable order.
var AllRoles = []Role{RoleSuperadmin, RoleAdminInstansi, RoleAdminUnit, RoleKeuangan, RoleAuditor, RolePegawai}

// Actor is whoever makes a request: a person's account or an integrator's API client.
type Actor struct {
	PenggunaID string // account id; empty for an API client
	ClientID   string // API client id; empty for a person
	Name       string // username or client name, for the audit log
	InstansiID string // empty only for SUPERADMIN
	Roles      []Role
	PegawaiID  string // the linked employee record, if any
	// UnitPath is the materialised path of the unit an ADMIN_UNIT administers;
	// every unit whose path starts with it is in scope.
	UnitPath string
	// Scopes restrict an API client to some operations ("read", "write").
	Scopes []string
}

// Has reports whether the actor holds the role.
func (a Actor) Has(r Role) bool { return slices.Contains(a.Roles, r) }

// HasAny reports whether the actor holds any of the roles.
func (a Actor) HasAny(rs ...Role) bool {
	for _, r := range rs {
		if a.Has(r) {
			return true
		}
	}
	return false
}

// CoversUnit reports whether an ADMIN_UNIT actor's subtree contains the unit path.
func (a Actor) CoversUnit(unitPath string) bool {
	return a.UnitPath != "" && strings.HasPrefix(unitPath, a.UnitPath)
}

// CanWrite reports whether an API client's scopes allow changes; people are not limited here.
func (a Actor) CanWrite() bool {
	return a.ClientID == "" || slices.Contains(a.Scopes, "write")
}
