package api

import (
	"context"

	"github.com/oapi-codegen/nullable"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

func toAPIIzin(z domain.Izin) apigen.Izin {
	out := apigen.Izin{Id: uuidOf(z.ID), Nip: z.NIP, Nama: z.Nama, Jenis: apigen.JenisIzin(z.Jenis),
		Mulai: dateOf(z.Mulai), Selesai: dateOf(z.Selesai), Status: apigen.StatusIzin(z.Status), CreatedAt: z.CreatedAt,
		AnakKe: nullable.NewNullNullable[int](), NomorSurat: nullableStr(z.NomorSurat), Keterangan: nullableStr(z.Keterangan),
		DiputusOleh: nullableStr(z.DiputusOleh), DiputusAt: nullableTime(z.DiputusAt), Catatan: nullableStr(z.Catatan)}
	if z.AnakKe != 0 {
		out.AnakKe = nullable.NewNullableWithValue(z.AnakKe)
	}
	return out
}

// ListIzin implements GET /api/v1/izin.
func (h *Handler) ListIzin(ctx context.Context, r apigen.ListIzinRequestObject) (apigen.ListIzinResponseObject, error) {
	p := r.Params
	pg := service.NewPage(p.Page, p.PageSize)
	f := domain.IzinFilter{NIP: strOr(p.Nip), Dari: datePtr(p.Dari), Sampai: datePtr(p.Sampai)}
	if p.Status != nil {
		f.Status = domain.StatusDokumenIzin(*p.Status)
	}
	items, total, err := h.Izin.List(ctx, f, p.PerluPersetujuanSaya != nil && *p.PerluPersetujuanSaya, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListIzin200JSONResponse{Items: make([]apigen.Izin, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, it := range items {
		out.Items[i] = toAPIIzin(it)
	}
	return out, nil
}

// CreateIzin implements POST /api/v1/izin.
func (h *Handler) CreateIzin(ctx context.Context, r apigen.CreateIzinRequestObject) (apigen.CreateIzinResponseObject, error) {
	b := r.Body
	z, err := h.Izin.Create(ctx, service.IzinInput{NIP: strOr(b.Nip), Jenis: domain.JenisIzin(b.Jenis), Mulai: b.Mulai.Time,
		Selesai: b.Selesai.Time, AnakKe: intOr(b.AnakKe), NomorSurat: strOr(b.NomorSurat), Keterangan: strOr(b.Keterangan)})
	if err != nil {
		return nil, err
	}
	return apigen.CreateIzin201JSONResponse(toAPIIzin(z)), nil
}

// GetIzin implements GET /api/v1/izin/{id}.
func (h *Handler) GetIzin(ctx context.Context, r apigen.GetIzinRequestObject) (apigen.GetIzinResponseObject, error) {
	z, err := h.Izin.Get(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.GetIzin200JSONResponse(toAPIIzin(z)), nil
}

// PutuskanIzin implements POST /api/v1/izin/{id}/keputusan.
func (h *Handler) PutuskanIzin(ctx context.Context, r apigen.PutuskanIzinRequestObject) (apigen.PutuskanIzinResponseObject, error) {
	z, err := h.Izin.Putuskan(ctx, r.Id.String(), domain.StatusDokumenIzin(r.Body.Keputusan), strOr(r.Body.Catatan))
	if err != nil {
		return nil, err
	}
	return apigen.PutuskanIzin200JSONResponse(toAPIIzin(z)), nil
}
