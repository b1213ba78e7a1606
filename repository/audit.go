package repository

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type auditRow struct {
	ID         string
	InstansiID *string
	AktorID    *string
	AktorNama  string
	Aksi       string
	Entitas    string
	EntitasID  string
	Sebelum    *string
	Sesudah    *string
	RequestID  string
	Waktu      time.Time
}

func (auditRow) TableName() string { return "audit_log" }

// AppendAudit writes one audit record in the transaction of ctx, if any.
func (db *DB) AppendAudit(ctx context.Context, e domain.AuditEntry) error {
	before, err := jsonOrNil(e.Sebelum)
	if err != nil {
		return err
	}
	after, err := jsonOrNil(e.Sesudah)
	if err != nil {
		return err
	}
	row := auditRow{ID: newID(), AktorNama: e.AktorNama, Aksi: e.Aksi, Entitas: e.Entitas,
		EntitasID: e.EntitasID, Sebelum: before, Sesudah: after, RequestID: e.RequestID, Waktu: e.Waktu.UTC()}
	if e.InstansiID != "" {
		row.InstansiID = &e.InstansiID
	}
	if e.AktorID != "" {
		row.AktorID = &e.AktorID
	}
	if err := db.conn(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("append audit: %w", err)
	}
	return nil
}

func jsonOrNil(v any) (*string, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("audit json: %w", err)
	}
	s := string(b)
	return &s, nil
}

// ListAudit returns audit records of one instansi, newest first, and the total.
func (db *DB) ListAudit(ctx context.Context, f domain.AuditFilter) ([]domain.AuditEntry, int64, error) {
	q := db.conn(ctx).Model(&auditRow{}).Where("instansi_id = ?", f.InstansiID)
	if f.Entitas != "" {
		q = q.Where("entitas = ?", f.Entitas)
	}
	if f.EntitasID != "" {
		q = q.Where("entitas_id = ?", f.EntitasID)
	}
	if f.AktorID != "" {
		q = q.Where("aktor_id = ?", f.AktorID)
	}
	if f.Aksi != "" {
		q = q.Where("aksi = ?", f.Aksi)
	}
	if f.RequestID != "" {
		q = q.Where("request_id = ?", f.RequestID)
	}
	if f.Dari != nil {
		q = q.Where("waktu >= ?", f.Dari.UTC())
	}
	if f.Sampai != nil {
		q = q.Where("waktu < ?", f.Sampai.UTC())
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count audit: %w", err)
	}
	var rows []auditRow
	if err := q.Order("waktu DESC, id DESC").Offset(f.Offset).Limit(f.Limit).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list audit: %w", err)
	}
	out := make([]domain.AuditEntry, 0, len(rows))
	for _, r := range rows {
		e := domain.AuditEntry{ID: r.ID, AktorNama: r.AktorNama, Aksi: r.Aksi, Entitas: r.Entitas,
			EntitasID: r.EntitasID, RequestID: r.RequestID, Waktu: utc(r.Waktu)}
		if r.InstansiID != nil {
			e.InstansiID = *r.InstansiID
		}
		if r.AktorID != nil {
			e.AktorID = *r.AktorID
		}
		if r.Sebelum != nil {
			var m map[string]any
			if json.Unmarshal([]byte(*r.Sebelum), &m) == nil {
				e.Sebelum = m
			}
		}
		if r.Sesudah != nil {
			var m map[string]any
			if json.Unmarshal([]byte(*r.Sesudah), &m) == nil {
				e.Sesudah = m
			}
		}
		out = append(out, e)
	}
	return out, total, nil
}
