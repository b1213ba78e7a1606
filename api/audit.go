package api

import (
	"context"

	"github.com/oapi-codegen/nullable"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

func toAPIAudit(e domain.AuditEntry) apigen.Audit {
	out := apigen.Audit{Id: uuidOf(e.ID), Waktu: e.Waktu, Aksi: apigen.AuditAksi(e.Aksi), Entitas: e.Entitas,
		EntitasId: e.EntitasID, AktorNama: e.AktorNama, InstansiId: nullableUUID(e.InstansiID),
		Sebelum: auditObject(e.Sebelum), Sesudah: auditObject(e.Sesudah)}
	if e.AktorID != "" {
		out.AktorId = nullable.NewNullableWithValue(e.AktorID)
	} else {
		out.AktorId = nullable.NewNullNullable[string]()
	}
	if e.RequestID != "" {
		out.RequestId = &e.RequestID
	}
	return out
}

// auditObject renders a stored before/after image: a JSON object, or null.
func auditObject(v any) nullable.Nullable[map[string]any] {
	if m, ok := v.(map[string]any); ok && m != nil {
		return nullable.NewNullableWithValue(m)
	}
	return nullable.NewNullNullable[map[string]any]()
}

// ListAudit implements GET /api/v1/audit.
func (h *Handler) ListAudit(ctx context.Context, r apigen.ListAuditRequestObject) (apigen.ListAuditResponseObject, error) {
	p := r.Params
	pg := service.NewPage(p.Page, p.PageSize)
	f := domain.AuditFilter{Entitas: strOr(p.Entitas), EntitasID: strOr(p.EntitasId), RequestID: strOr(p.RequestId),
		Dari: p.Dari, Sampai: p.Sampai}
	if p.AktorId != nil {
		f.AktorID = p.AktorId.String()
	}
	if p.Aksi != nil {
		f.Aksi = string(*p.Aksi)
	}
	items, total, err := h.Audit.List(ctx, f, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListAudit200JSONResponse{Items: make([]apigen.Audit, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, it := range items {
		out.Items[i] = toAPIAudit(it)
	}
	return out, nil
}
