package api

import (
	"context"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

func toAPIInstansi(i domain.Instansi) apigen.Instansi {
	return apigen.Instansi{Id: uuidOf(i.ID), Nama: i.Nama, Kode: i.Kode, Jenis: apigen.JenisInstansi(i.Jenis),
		ZonaWaktu: i.ZonaWaktu, Aktif: i.Aktif, Version: i.Version, CreatedAt: i.CreatedAt, UpdatedAt: i.UpdatedAt}
}

// ListInstansi implements GET /api/v1/instansi.
func (h *Handler) ListInstansi(ctx context.Context, r apigen.ListInstansiRequestObject) (apigen.ListInstansiResponseObject, error) {
	pg := service.NewPage(r.Params.Page, r.Params.PageSize)
	f := domain.InstansiFilter{Q: strOr(r.Params.Q)}
	if r.Params.Jenis != nil {
		f.Jenis = string(*r.Params.Jenis)
	}
	items, total, err := h.Instansi.List(ctx, f, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListInstansi200JSONResponse{Items: make([]apigen.Instansi, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, it := range items {
		out.Items[i] = toAPIInstansi(it)
	}
	return out, nil
}

// CreateInstansi implements POST /api/v1/instansi.
func (h *Handler) CreateInstansi(ctx context.Context, r apigen.CreateInstansiRequestObject) (apigen.CreateInstansiResponseObject, error) {
	b := r.Body
	i, err := h.Instansi.Create(ctx, service.InstansiInput{Nama: b.Nama, Kode: b.Kode, Jenis: string(b.Jenis), ZonaWaktu: b.ZonaWaktu})
	if err != nil {
		return nil, err
	}
	return apigen.CreateInstansi201JSONResponse{Body: toAPIInstansi(i), Headers: apigen.CreateInstansi201ResponseHeaders{ETag: etag(i.Version)}}, nil
}

// GetInstansi implements GET /api/v1/instansi/{id}.
func (h *Handler) GetInstansi(ctx context.Context, r apigen.GetInstansiRequestObject) (apigen.GetInstansiResponseObject, error) {
	i, err := h.Instansi.Get(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.GetInstansi200JSONResponse{Body: toAPIInstansi(i), Headers: apigen.GetInstansi200ResponseHeaders{ETag: etag(i.Version)}}, nil
}

// UpdateInstansi implements PATCH /api/v1/instansi/{id}.
func (h *Handler) UpdateInstansi(ctx context.Context, r apigen.UpdateInstansiRequestObject) (apigen.UpdateInstansiResponseObject, error) {
	expected, err := ifMatch(r.Params.IfMatch)
	if err != nil {
		return nil, err
	}
	b := r.Body
	i, err := h.Instansi.Update(ctx, r.Id.String(), service.InstansiPatch{Nama: b.Nama, ZonaWaktu: b.ZonaWaktu, Aktif: b.Aktif}, expected)
	if err != nil {
		return nil, err
	}
	return apigen.UpdateInstansi200JSONResponse{Body: toAPIInstansi(i), Headers: apigen.UpdateInstansi200ResponseHeaders{ETag: etag(i.Version)}}, nil
}
