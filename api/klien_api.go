package api

import (
	"context"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

func toAPIKlienAPI(k domain.KlienAPI) apigen.KlienAPI {
	out := apigen.KlienAPI{Id: uuidOf(k.ID), Nama: k.Nama, ClientId: k.ClientID, Nonaktif: k.Nonaktif,
		CreatedAt: k.CreatedAt, Scopes: make([]apigen.Scope, len(k.Scopes))}
	for i, s := range k.Scopes {
		out.Scopes[i] = apigen.Scope(s)
	}
	return out
}

// ListKlienAPI implements GET /api/v1/klien-api.
func (h *Handler) ListKlienAPI(ctx context.Context, r apigen.ListKlienAPIRequestObject) (apigen.ListKlienAPIResponseObject, error) {
	pg := service.NewPage(r.Params.Page, r.Params.PageSize)
	items, total, err := h.KlienAPI.List(ctx, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListKlienAPI200JSONResponse{Items: make([]apigen.KlienAPI, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, it := range items {
		out.Items[i] = toAPIKlienAPI(it)
	}
	return out, nil
}

// CreateKlienAPI implements POST /api/v1/klien-api.
func (h *Handler) CreateKlienAPI(ctx context.Context, r apigen.CreateKlienAPIRequestObject) (apigen.CreateKlienAPIResponseObject, error) {
	scopes := make([]string, len(r.Body.Scopes))
	for i, s := range r.Body.Scopes {
		scopes[i] = string(s)
	}
	c, err := h.KlienAPI.Create(ctx, r.Body.Nama, scopes)
	if err != nil {
		return nil, err
	}
	return apigen.CreateKlienAPI201JSONResponse{Klien: toAPIKlienAPI(c.Klien), ClientSecret: c.Secret}, nil
}

// RevokeKlienAPI implements DELETE /api/v1/klien-api/{id}.
func (h *Handler) RevokeKlienAPI(ctx context.Context, r apigen.RevokeKlienAPIRequestObject) (apigen.RevokeKlienAPIResponseObject, error) {
	if err := h.KlienAPI.Revoke(ctx, r.Id.String()); err != nil {
		return nil, err
	}
	return apigen.RevokeKlienAPI204Response{}, nil
}
