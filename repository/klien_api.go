package repository

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type klienRow struct {
	ID         string
	InstansiID string
	Nama       string
	ClientID   string
	SecretHash string
	Scopes     string
	Nonaktif   bool
	CreatedAt  time.Time
}

func (klienRow) TableName() string { return "klien_api" }

func toDomainKlien(r klienRow) domain.KlienAPI {
	k := domain.KlienAPI{ID: r.ID, InstansiID: r.InstansiID, Nama: r.Nama, ClientID: r.ClientID,
		SecretHash: r.SecretHash, Nonaktif: r.Nonaktif, CreatedAt: utc(r.CreatedAt)}
	for _, s := range strings.Split(r.Scopes, ",") {
		if s != "" {
			k.Scopes = append(k.Scopes, s)
		}
	}
	return k
}

// CreateKlienAPI stores an API client.
func (db *DB) CreateKlienAPI(ctx context.Context, k domain.KlienAPI) (domain.KlienAPI, error) {
	row := klienRow{ID: newID(), InstansiID: k.InstansiID, Nama: k.Nama, ClientID: k.ClientID,
		SecretHash: k.SecretHash, Scopes: strings.Join(k.Scopes, ","), CreatedAt: k.CreatedAt.UTC()}
	if err := db.conn(ctx).Create(&row).Error; err != nil {
		return domain.KlienAPI{}, translate(err, "Klien API")
	}
	return toDomainKlien(row), nil
}

// KlienByClientID finds an API client by its public client id.
func (db *DB) KlienByClientID(ctx context.Context, clientID string) (domain.KlienAPI, error) {
	var row klienRow
	if err := db.conn(ctx).Where("client_id = ?", clientID).Take(&row).Error; err != nil {
		return domain.KlienAPI{}, translate(err, "Klien API")
	}
	return toDomainKlien(row), nil
}

// GetKlienAPI reads an API client of an instansi ("" for any, used by authentication).
// Remembered for a few seconds (ingatan.go).
func (db *DB) GetKlienAPI(ctx context.Context, instansiID, id string) (domain.KlienAPI, error) {
	k, err := remembered(ctx, db, db.ingatan.klien, id, func() (domain.KlienAPI, error) {
		var row klienRow
		if err := db.conn(ctx).Where("id = ?", id).Take(&row).Error; err != nil {
			return domain.KlienAPI{}, translate(err, "Klien API")
		}
		return toDomainKlien(row), nil
	})
	if err == nil && instansiID != "" && k.InstansiID != instansiID {
		return domain.KlienAPI{}, domain.NotFound("Klien API")
	}
	return k, err
}

// ListKlienAPI lists an instansi's API clients.
func (db *DB) ListKlienAPI(ctx context.Context, instansiID string, offset, limit int) ([]domain.KlienAPI, int64, error) {
	q := db.conn(ctx).Model(&klienRow{}).Where("instansi_id = ?", instansiID)
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count klien api: %w", err)
	}
	var rows []klienRow
	if err := q.Order("created_at, id").Offset(offset).Limit(limit).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list klien api: %w", err)
	}
	out := make([]domain.KlienAPI, len(rows))
	for i, r := range rows {
		out[i] = toDomainKlien(r)
	}
	return out, total, nil
}

// RevokeKlienAPI disables an API client of an instansi.
func (db *DB) RevokeKlienAPI(ctx context.Context, instansiID, id string) error {
	res := db.conn(ctx).Exec(`UPDATE klien_api SET nonaktif = ? WHERE id = ? AND instansi_id = ?`, true, id, instansiID)
	if res.Error != nil {
		return fmt.Errorf("revoke klien api: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Klien API")
	}
	db.changed(ctx)
	return nil
}
