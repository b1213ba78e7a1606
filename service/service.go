// Package service holds Kinerja's use cases: load, check who may do it, call the
// domain rules, persist (in one transaction where it writes twice) and audit. It
// declares the small storage interfaces it needs; the repository satisfies them.
package service

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/kinerja-id/kinerja/domain"
)

// Transactor runs fn in one database transaction carried by the context.
type Transactor interface {
	InTx(ctx context.Context, fn func(ctx context.Context) error) error
}

// AuditLog appends audit records.
type AuditLog interface {
	AppendAudit(ctx context.Context, e domain.AuditEntry) error
}

// Clock returns the current instant. Services take it as a dependency so that
// tests control time.
type Clock func() time.Time

// Base carries what every use case needs.
type Base struct {
	Tx    Transactor
	Audit AuditLog
	Now   Clock
}

type ctxKey int

const (
	actorKey ctxKey = iota
	requestIDKey
	tenantKey
)

// WithActor attaches the authenticated caller to ctx.
func WithActor(ctx context.Context, a domain.Actor) context.Context {
	return context.WithValue(ctx, actorKey, a)
}

// ActorFrom returns the caller, if the request was authenticated.
func ActorFrom(ctx context.Context) (domain.Actor, bool) {
	a, ok := ctx.Value(actorKey).(domain.Actor)
	return a, ok
}

// WithRequestID attaches the request id (for the audit log).
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey, id)
}

// WithTenant records the instansi a SUPERADMIN chose to act in (X-Instansi-ID).
func WithTenant(ctx context.Context, instansiID string) context.Context {
	return context.WithValue(ctx, tenantKey, instansiID)
}

func requestID(ctx context.Context) string {
	s, _ := ctx.Value(requestIDKey).(string)
	return s
}

// actor returns the caller or an authentication error.
func actor(ctx context.Context) (domain.Actor, error) {
	a, ok := ActorFrom(ctx)
	if !ok {
		return domain.Actor{}, domain.Unauthenticated("unauthenticated", "Silakan masuk terlebih dahulu.", "Please log in first.")
	}
	return a, nil
}

// tenant returns the caller and the instansi the request acts in. A SUPERADMIN names
// it with X-Instansi-ID; everyone else acts in their own.
func tenant(ctx context.Context) (domain.Actor, string, error) {
	a, err := actor(ctx)
	if err != nil {
		return a, "", err
	}
	if a.Has(domain.RoleSuperadmin) {
		id, _ := ctx.Value(tenantKey).(string)
		if id == "" {
			return a, "", domain.Invalid("X-Instansi-ID", "tenant_required",
				"SUPERADMIN wajib mengirim header X-Instansi-ID untuk data sebuah instansi.",
				"A SUPERADMIN must send the X-Instansi-ID header to work on an instansi's data.")
		}
		return a, id, nil
	}
	return a, a.InstansiID, nil
}

// requireRole fails unless the caller holds one of roles. SUPERADMIN passes every role
// check: it operates the platform.
func requireRole(a domain.Actor, roles ...domain.Role) error {
	if a.Has(domain.RoleSuperadmin) || a.HasAny(roles...) {
		return nil
	}
	return domain.ErrForbidden
}

// requireWrite fails for read-only callers: AUDITOR-only accounts and API clients
// without the write scope.
func requireWrite(a domain.Actor) error {
	if !a.CanWrite() {
		return domain.Forbidden("Klien API ini hanya memiliki izin baca.", "This API client only has the read scope.")
	}
	return nil
}

// record appends an audit entry for a change made by the caller in ctx.
func (b Base) record(ctx context.Context, instansiID, aksi, entitas, id string, before, after any) error {
	a, _ := ActorFrom(ctx)
	aktorID := a.PenggunaID
	if aktorID == "" {
		aktorID = a.ClientID
	}
	name := a.Name
	if name == "" {
		name = "sistem"
	}
	err := b.Audit.AppendAudit(ctx, domain.AuditEntry{
		InstansiID: instansiID, AktorID: aktorID, AktorNama: name, Aksi: aksi,
		Entitas: entitas, EntitasID: id, Sebelum: before, Sesudah: after,
		RequestID: requestID(ctx), Waktu: b.Now().UTC(),
	})
	if err != nil {
		return fmt.Errorf("audit %s %s: %w", aksi, entitas, err)
	}
	return nil
}

// instansiReader reads an instansi; every tenant store has it.
type instansiReader interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
}

// today is the current date in the time zone of instansi id.
func (b Base) today(ctx context.Context, store instansiReader, id string) (time.Time, error) {
	i, err := store.GetInstansi(ctx, id)
	if err != nil {
		return time.Time{}, err
	}
	return i.Today(b.Now()), nil
}

// newID is a UUIDv7, for rows whose id must be known before they are stored (a batch
// whose rows refer to each other).
func newID() string { return uuid.Must(uuid.NewV7()).String() }

// Page is a 1-based page request.
type Page struct {
	Page, Size int
}

// Offset is the number of rows to skip.
func (p Page) Offset() int { return (p.Page - 1) * p.Size }

// NewPage applies defaults and bounds; the spec already rejects out-of-range values.
func NewPage(page, size *int) Page {
	p := Page{Page: 1, Size: 50}
	if page != nil && *page > 0 {
		p.Page = *page
	}
	if size != nil && *size > 0 {
		p.Size = min(*size, 500)
	}
	return p
}

// checkVersion enforces If-Match: a given expected version must equal the stored one.
func checkVersion(expected *int, stored int) error {
	if expected != nil && *expected != stored {
		return domain.Stale()
	}
	return nil
}
