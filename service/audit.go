package service

import (
	"context"

	"github.com/kinerja-id/kinerja/domain"
)

// AuditStore is the storage Audit needs.
type AuditStore interface {
	ListAudit(ctx context.Context, f domain.AuditFilter) ([]domain.AuditEntry, int64, error)
}

// Audit reads the append-only audit log of an instansi: for its ADMIN_INSTANSI and
// AUDITOR (Inspektorat), and a SUPERADMIN acting in it.
type Audit struct {
	Base
	Store AuditStore
}

// List returns audit records matching f, newest first.
func (s *Audit) List(ctx context.Context, f domain.AuditFilter, pg Page) ([]domain.AuditEntry, int64, error) {
	a, instansiID, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	if err := requireRole(a, domain.RoleAdminInstansi, domain.RoleAuditor); err != nil {
		return nil, 0, err
	}
	f.InstansiID = instansiID
	f.Offset, f.Limit = pg.Offset(), pg.Size
	return s.Store.ListAudit(ctx, f)
}
