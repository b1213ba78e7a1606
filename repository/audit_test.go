package repository_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// The audit log is append-only in the database itself, not only in code.
func TestAuditLogIsAppendOnly(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		ctx := context.Background()
		inst := instansiUji(t, db, time.Now())
		entry := domain.AuditEntry{InstansiID: inst.ID, AktorNama: "uji", Aksi: "CREATE", Entitas: "instansi",
			EntitasID: inst.ID, Sesudah: map[string]any{"nama": "Kota Uji"}, Waktu: time.Now()}
		if err := db.AppendAudit(ctx, entry); err != nil {
			t.Fatal(err)
		}
		for _, stmt := range []string{
			`UPDATE audit_log SET aktor_nama = 'pemalsu'`,
			`DELETE FROM audit_log`,
		} {
			err := db.Exec(ctx, stmt)
			if err == nil || !strings.Contains(err.Error(), "append-only") {
				t.Errorf("%s: err = %v, want the append-only refusal", stmt, err)
			}
		}
		if db.Dialect() == repository.Postgres {
			if err := db.Exec(ctx, `TRUNCATE audit_log`); err == nil || !strings.Contains(err.Error(), "append-only") {
				t.Errorf("TRUNCATE: err = %v", err)
			}
		}

		// An audit record written in a transaction that fails is rolled back with it.
		boom := errors.New("boom")
		err := db.InTx(ctx, func(ctx context.Context) error {
			if err := db.AppendAudit(ctx, entry); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("tx err %v", err)
		}
		got, total, err := db.ListAudit(ctx, domain.AuditFilter{InstansiID: inst.ID, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if total != 1 || got[0].AktorNama != "uji" {
			t.Fatalf("audit rows %d %+v", total, got)
		}
	})
}
