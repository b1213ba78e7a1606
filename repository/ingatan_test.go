package repository_test

import (
	"context"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// TestIngatanSegar: the accounts, instansi and API clients the process remembers are
// never older than its own writes: a write is seen at once, a write in a transaction
// is seen at once inside it and by everyone once it commits, even when another
// request read (and would have remembered) the old row while the transaction ran,
// and a rolled-back write leaves the old row.
func TestIngatanSegar(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		inst, err := db.CreateInstansi(ctx, domain.Instansi{Nama: "Kota Uji", Kode: "KOTA-UJI", Jenis: "KOTA",
			ZonaWaktu: "Asia/Jakarta", Aktif: true, CreatedAt: now, UpdatedAt: now})
		if err != nil {
			t.Fatal(err)
		}
		u, err := db.CreatePengguna(ctx, domain.Pengguna{InstansiID: inst.ID, Username: "uji", PasswordHash: "x",
			Roles: []domain.Role{domain.RoleAdminInstansi}, CreatedAt: now, UpdatedAt: now})
		if err != nil {
			t.Fatal(err)
		}
		get := func(ctx context.Context) domain.Pengguna {
			t.Helper()
			got, err := db.GetPengguna(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		// a returned value is the caller's: changing it changes nothing remembered
		first := get(ctx)
		first.Roles[0] = domain.RoleSuperadmin
		if got := get(ctx); got.Roles[0] != domain.RoleAdminInstansi {
			t.Fatalf("a caller's change leaked into the cache: %v", got.Roles)
		}

		u = get(ctx)
		u.Nonaktif, u.UpdatedAt = true, now
		if u, err = db.UpdatePengguna(ctx, u); err != nil {
			t.Fatal(err)
		}
		if !get(ctx).Nonaktif {
			t.Fatal("a disabled account was still read as active after the write")
		}

		// in a transaction: seen inside at once; a read outside meanwhile (PostgreSQL:
		// SQLite has one connection) sees the old row; after the commit everyone sees it
		err = db.InTx(ctx, func(tx context.Context) error {
			u.Nonaktif, u.Roles = false, []domain.Role{domain.RoleAuditor}
			if u, err = db.UpdatePengguna(tx, u); err != nil {
				return err
			}
			if got := get(tx); got.Nonaktif || got.Roles[0] != domain.RoleAuditor {
				t.Errorf("inside the transaction: %+v", got)
			}
			if db.Dialect() == repository.Postgres {
				if got := get(ctx); !got.Nonaktif {
					t.Errorf("outside the transaction, before its commit: the new row %+v", got)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := get(ctx); got.Nonaktif || got.Roles[0] != domain.RoleAuditor {
			t.Fatalf("after the commit the old row was served: %+v", got)
		}

		// a rolled-back write: the committed row stays
		_ = db.InTx(ctx, func(tx context.Context) error {
			u.Nonaktif = true
			if _, err := db.UpdatePengguna(tx, u); err != nil {
				t.Error(err)
			}
			return context.Canceled
		})
		if get(ctx).Nonaktif {
			t.Fatal("a rolled-back write was served")
		}

		// the instansi and an API client, the same way
		if _, err := db.GetInstansi(ctx, inst.ID); err != nil {
			t.Fatal(err)
		}
		inst.ZonaWaktu, inst.UpdatedAt = "Asia/Makassar", now
		if _, err := db.UpdateInstansi(ctx, inst); err != nil {
			t.Fatal(err)
		}
		if got, err := db.GetInstansi(ctx, inst.ID); err != nil || got.ZonaWaktu != "Asia/Makassar" {
			t.Fatalf("instansi after its update: %+v %v", got, err)
		}
		k, err := db.CreateKlienAPI(ctx, domain.KlienAPI{InstansiID: inst.ID, Nama: "simpeg", ClientID: "klien-uji",
			SecretHash: "x", Scopes: []string{"pegawai:read"}, CreatedAt: now})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := db.GetKlienAPI(ctx, "", k.ID); err != nil || got.Nonaktif {
			t.Fatalf("client: %+v %v", got, err)
		}
		if _, err := db.GetKlienAPI(ctx, "another-instansi", k.ID); !notFound(err) {
			t.Fatalf("a remembered client was found in another instansi: %v", err)
		}
		if err := db.RevokeKlienAPI(ctx, inst.ID, k.ID); err != nil {
			t.Fatal(err)
		}
		if got, err := db.GetKlienAPI(ctx, "", k.ID); err != nil || !got.Nonaktif {
			t.Fatalf("a revoked client was still read as active: %+v %v", got, err)
		}
	})
}

func notFound(err error) bool {
	de, ok := domain.AsError(err)
	return ok && de.Kind == domain.KindNotFound
}
