package service

import (
	"context"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/domain"
)

// KlienAPIStore is the storage KlienAPI needs.
type KlienAPIStore interface {
	CreateKlienAPI(ctx context.Context, k domain.KlienAPI) (domain.KlienAPI, error)
	GetKlienAPI(ctx context.Context, instansiID, id string) (domain.KlienAPI, error)
	ListKlienAPI(ctx context.Context, instansiID string, offset, limit int) ([]domain.KlienAPI, int64, error)
	RevokeKlienAPI(ctx context.Context, instansiID, id string) error
}

// KlienAPI manages an instansi's integrator clients. Only its ADMIN_INSTANSI (or a
// SUPERADMIN acting in it) may; an API client never manages API clients, or one
// leaked secret could mint others.
type KlienAPI struct {
	Base
	Argon2 Argon2Params
	Store  KlienAPIStore
}

// KlienAPICreated is a new client with its secret, which is shown only once.
type KlienAPICreated struct {
	Klien  domain.KlienAPI
	Secret string
}

// klienAdmin returns the caller and its instansi if it may manage API clients.
func klienAdmin(ctx context.Context, write bool) (domain.Actor, string, error) {
	a, instansiID, err := tenant(ctx)
	if err != nil {
		return a, "", err
	}
	if write {
		if err := requireWrite(a); err != nil {
			return a, "", err
		}
	}
	if a.ClientID != "" {
		return a, "", domain.Forbidden("Klien API tidak dapat mengelola klien API.", "An API client cannot manage API clients.")
	}
	if err := requireRole(a, domain.RoleAdminInstansi); err != nil {
		return a, "", err
	}
	return a, instansiID, nil
}

// List returns the instansi's API clients.
func (s *KlienAPI) List(ctx context.Context, pg Page) ([]domain.KlienAPI, int64, error) {
	_, instansiID, err := klienAdmin(ctx, false)
	if err != nil {
		return nil, 0, err
	}
	return s.Store.ListKlienAPI(ctx, instansiID, pg.Offset(), pg.Size)
}

// Create registers an API client and returns its secret; only the secret's
// argon2id hash is stored.
func (s *KlienAPI) Create(ctx context.Context, nama string, scopes []string) (KlienAPICreated, error) {
	_, instansiID, err := klienAdmin(ctx, true)
	if err != nil {
		return KlienAPICreated{}, err
	}
	nama = strings.TrimSpace(nama)
	var v domain.Validation
	if nama == "" {
		v.Add("nama", "nama_required", "Nama klien wajib diisi.", "The client name is required.")
	}
	var sc []string
	for _, x := range []string{"read", "write"} {
		if slices.Contains(scopes, x) {
			sc = append(sc, x)
		}
	}
	for _, x := range scopes {
		if x != "read" && x != "write" {
			v.Add("scopes", "scope_unknown", "Cakupan harus read atau write.", "A scope is read or write.")
			break
		}
	}
	if len(sc) == 0 {
		v.Add("scopes", "scopes_required", "Minimal satu cakupan.", "At least one scope is required.")
	}
	if err := v.Err(); err != nil {
		return KlienAPICreated{}, err
	}
	secret := randomToken(32)
	hash, err := HashPassword(secret, s.Argon2)
	if err != nil {
		return KlienAPICreated{}, err
	}
	k := domain.KlienAPI{InstansiID: instansiID, Nama: nama, ClientID: "kin_" + randomToken(16),
		SecretHash: hash, Scopes: sc, CreatedAt: s.Now().UTC()}
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		k, err = s.Store.CreateKlienAPI(ctx, k)
		if err != nil {
			return err
		}
		return s.record(ctx, instansiID, "CREATE", "klien_api", k.ID, nil, auditKlien(k))
	})
	if err != nil {
		return KlienAPICreated{}, err
	}
	return KlienAPICreated{Klien: k, Secret: secret}, nil
}

// Revoke disables an API client. Its access tokens stop working at once, because
// every request reloads the client; revoking twice is harmless.
func (s *KlienAPI) Revoke(ctx context.Context, id string) error {
	_, instansiID, err := klienAdmin(ctx, true)
	if err != nil {
		return err
	}
	return s.Tx.InTx(ctx, func(ctx context.Context) error {
		before, err := s.Store.GetKlienAPI(ctx, instansiID, id)
		if err != nil {
			return err
		}
		if before.Nonaktif {
			return nil
		}
		if err := s.Store.RevokeKlienAPI(ctx, instansiID, id); err != nil {
			return err
		}
		after := before
		after.Nonaktif = true
		return s.record(ctx, instansiID, "DELETE", "klien_api", id, auditKlien(before), auditKlien(after))
	})
}

// auditKlien is an API client as the audit log keeps it: never the secret's hash.
func auditKlien(k domain.KlienAPI) map[string]any {
	return map[string]any{"id": k.ID, "nama": k.Nama, "client_id": k.ClientID, "scopes": k.Scopes, "nonaktif": k.Nonaktif}
}
