package domain

import "time"

// Filters are query specifications the service builds and the repository runs.
// Every filter carries the instansi it is scoped to.

// AuditFilter narrows an audit log query.
type AuditFilter struct {
	InstansiID string
	Entitas    string
	EntitasID  string
	AktorID    string
	Aksi       string
	RequestID  string
	Dari       *time.Time
	Sampai     *time.Time
	Offset     int
	Limit      int
}

// InstansiFilter narrows a list of instansi. InstansiID, when set, limits the list to
// that one (a non-SUPERADMIN caller sees only their own).
type InstansiFilter struct {
	InstansiID string
	Q          string
	Jenis      string
	Offset     int
	Limit      int
}
