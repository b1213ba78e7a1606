package repository

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// How long idempotency keys live.
const (
	umurIdempotensi = 24 * time.Hour   // a key and its stored response
	klaimTerlantar  = 10 * time.Minute // a claim whose request never finished
)

type idempotensiRow struct {
	Cakupan     string
	Kunci       string
	Sidik       string
	Status      *int
	ContentType string
	Isi         []byte
	CreatedAt   time.Time
}

func (idempotensiRow) TableName() string { return "idempotensi" }

// KlaimIdempotensi claims a key for a request with the given fingerprint. It returns
// true when this request holds the key now; otherwise the stored claim (with its
// response once complete). Expired keys of the caller are removed first.
func (db *DB) KlaimIdempotensi(ctx context.Context, cakupan, kunci, sidik string, now time.Time) (domain.Idempotensi, bool, error) {
	// a caller's keys are kept for a day (draft-ietf-httpapi-idempotency-key-header);
	// a claim still running after ten minutes was abandoned by a stopped process
	err := db.conn(ctx).Exec(`DELETE FROM idempotensi WHERE cakupan = ? AND (created_at < ? OR (kunci = ? AND status IS NULL AND created_at < ?))`,
		cakupan, now.Add(-umurIdempotensi).UTC(), kunci, now.Add(-klaimTerlantar).UTC()).Error
	if err != nil {
		return domain.Idempotensi{}, false, fmt.Errorf("expire idempotency keys: %w", err)
	}
	res := db.conn(ctx).Exec(`INSERT INTO idempotensi (cakupan, kunci, sidik, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		cakupan, kunci, sidik, now.UTC())
	if res.Error != nil {
		return domain.Idempotensi{}, false, fmt.Errorf("claim idempotency key: %w", res.Error)
	}
	if res.RowsAffected == 1 {
		return domain.Idempotensi{Sidik: sidik}, true, nil
	}
	var r idempotensiRow
	if err := db.conn(ctx).Where("cakupan = ? AND kunci = ?", cakupan, kunci).Take(&r).Error; err != nil {
		return domain.Idempotensi{}, false, fmt.Errorf("read idempotency key: %w", err)
	}
	out := domain.Idempotensi{Sidik: r.Sidik, ContentType: r.ContentType, Isi: r.Isi, CreatedAt: r.CreatedAt}
	if r.Status != nil {
		out.Status = *r.Status
	}
	return out, false, nil
}

// SelesaiIdempotensi stores the response of the request holding a key.
func (db *DB) SelesaiIdempotensi(ctx context.Context, cakupan, kunci string, status int, contentType string, isi []byte) error {
	err := db.conn(ctx).Exec(`UPDATE idempotensi SET status = ?, content_type = ?, isi = ? WHERE cakupan = ? AND kunci = ?`,
		status, contentType, isi, cakupan, kunci).Error
	if err != nil {
		return fmt.Errorf("store idempotent response: %w", err)
	}
	return nil
}

// LepasIdempotensi releases a key whose request failed without effect (a server
// error rolls its transaction back), so that a retry runs again.
func (db *DB) LepasIdempotensi(ctx context.Context, cakupan, kunci string) error {
	if err := db.conn(ctx).Exec(`DELETE FROM idempotensi WHERE cakupan = ? AND kunci = ? AND status IS NULL`, cakupan, kunci).Error; err != nil {
		return fmt.Errorf("release idempotency key: %w", err)
	}
	return nil
}
