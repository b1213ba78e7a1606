package api

import (
	"context"

	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// orgNullUUID renders an optional reference: null when empty.
func orgNullUUID(s string) nullable.Nullable[openapi_types.UUID] {
	if s == "" {
		return nullable.NewNullNullable[openapi_types.UUID]()
	}
	return nullable.NewNullableWithValue(uuidOf(s))
}

// orgPatchUUID reads a nullable reference of a patch: nil when absent, "" when null.
func orgPatchUUID(n nullable.Nullable[openapi_types.UUID]) *string {
	if !n.IsSpecified() {
		return nil
	}
	s := ""
	if v, err := n.Get(); err == nil {
		s = v.String()
	}
	return &s
}

// orgPatchString reads a nullable string of a patch: nil when absent, "" when null.
func orgPatchString(n nullable.Nullable[string]) *string {
	if !n.IsSpecified() {
		return nil
	}
	s := ""
	if v, err := n.Get(); err == nil {
		s = v
	}
	return &s
}

// orgInputUUID reads an optional nullable reference of a create body: "" when absent or null.
func orgInputUUID(n nullable.Nullable[openapi_types.UUID]) string {
	if v, err := n.Get(); err == nil {
		return v.String()
	}
	return ""
}

func toAPIUnitKerja(u domain.UnitKerjaView) apigen.UnitKerja {
	return apigen.UnitKerja{Id: uuidOf(u.ID), InstansiId: uuidOf(u.InstansiID), ParentId: orgNullUUID(u.ParentID),
		Kode: u.Kode, Nama: u.Nama, Jenis: apigen.JenisUnit(u.Jenis), ZonaWaktu: u.ZonaWaktuBerlaku, Level: u.Level,
		KepalaJabatanId: orgNullUUID(u.KepalaJabatanID), Version: u.Version, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt}
}

func toAPIUnitKerjaNodes(ns []domain.UnitKerjaNode) []apigen.UnitKerjaNode {
	out := make([]apigen.UnitKerjaNode, len(ns))
	for i, n := range ns {
		u := toAPIUnitKerja(n.UnitKerjaView)
		out[i] = apigen.UnitKerjaNode{Id: u.Id, InstansiId: u.InstansiId, ParentId: u.ParentId, Kode: u.Kode, Nama: u.Nama,
			Jenis: u.Jenis, ZonaWaktu: u.ZonaWaktu, Level: u.Level, KepalaJabatanId: u.KepalaJabatanId, Version: u.Version,
			CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt, Children: toAPIUnitKerjaNodes(n.Children)}
	}
	return out
}

// ListUnitKerja implements GET /api/v1/unit-kerja.
func (h *Handler) ListUnitKerja(ctx context.Context, r apigen.ListUnitKerjaRequestObject) (apigen.ListUnitKerjaResponseObject, error) {
	pg := service.NewPage(r.Params.Page, r.Params.PageSize)
	f := domain.UnitKerjaFilter{Q: strOr(r.Params.Q), Root: r.Params.Root != nil && *r.Params.Root}
	if r.Params.ParentId != nil {
		f.ParentID = r.Params.ParentId.String()
	}
	items, total, err := h.UnitKerja.List(ctx, f, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListUnitKerja200JSONResponse{Items: make([]apigen.UnitKerja, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, it := range items {
		out.Items[i] = toAPIUnitKerja(it)
	}
	return out, nil
}

// CreateUnitKerja implements POST /api/v1/unit-kerja.
func (h *Handler) CreateUnitKerja(ctx context.Context, r apigen.CreateUnitKerjaRequestObject) (apigen.CreateUnitKerjaResponseObject, error) {
	b := r.Body
	zone := ""
	if v, err := b.ZonaWaktu.Get(); err == nil {
		zone = v
	}
	u, err := h.UnitKerja.Create(ctx, service.UnitKerjaInput{ParentID: orgInputUUID(b.ParentId), Kode: b.Kode, Nama: b.Nama,
		Jenis: string(b.Jenis), ZonaWaktu: zone})
	if err != nil {
		return nil, err
	}
	return apigen.CreateUnitKerja201JSONResponse{Body: toAPIUnitKerja(u), Headers: apigen.CreateUnitKerja201ResponseHeaders{ETag: etag(u.Version)}}, nil
}

// GetUnitKerjaTree implements GET /api/v1/unit-kerja/pohon.
func (h *Handler) GetUnitKerjaTree(ctx context.Context, r apigen.GetUnitKerjaTreeRequestObject) (apigen.GetUnitKerjaTreeResponseObject, error) {
	root := ""
	if r.Params.RootId != nil {
		root = r.Params.RootId.String()
	}
	nodes, err := h.UnitKerja.Tree(ctx, root)
	if err != nil {
		return nil, err
	}
	return apigen.GetUnitKerjaTree200JSONResponse{Items: toAPIUnitKerjaNodes(nodes)}, nil
}

// GetUnitKerja implements GET /api/v1/unit-kerja/{id}.
func (h *Handler) GetUnitKerja(ctx context.Context, r apigen.GetUnitKerjaRequestObject) (apigen.GetUnitKerjaResponseObject, error) {
	u, err := h.UnitKerja.Get(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.GetUnitKerja200JSONResponse{Body: toAPIUnitKerja(u), Headers: apigen.GetUnitKerja200ResponseHeaders{ETag: etag(u.Version)}}, nil
}

// UpdateUnitKerja implements PATCH /api/v1/unit-kerja/{id}.
func (h *Handler) UpdateUnitKerja(ctx context.Context, r apigen.UpdateUnitKerjaRequestObject) (apigen.UpdateUnitKerjaResponseObject, error) {
	expected, err := ifMatch(r.Params.IfMatch)
	if err != nil {
		return nil, err
	}
	b := r.Body
	p := service.UnitKerjaPatch{ParentID: orgPatchUUID(b.ParentId), Kode: b.Kode, Nama: b.Nama,
		ZonaWaktu: orgPatchString(b.ZonaWaktu), KepalaJabatanID: orgPatchUUID(b.KepalaJabatanId)}
	if b.Jenis != nil {
		j := string(*b.Jenis)
		p.Jenis = &j
	}
	u, err := h.UnitKerja.Update(ctx, r.Id.String(), p, expected)
	if err != nil {
		return nil, err
	}
	return apigen.UpdateUnitKerja200JSONResponse{Body: toAPIUnitKerja(u), Headers: apigen.UpdateUnitKerja200ResponseHeaders{ETag: etag(u.Version)}}, nil
}

// DeleteUnitKerja implements DELETE /api/v1/unit-kerja/{id}.
func (h *Handler) DeleteUnitKerja(ctx context.Context, r apigen.DeleteUnitKerjaRequestObject) (apigen.DeleteUnitKerjaResponseObject, error) {
	if err := h.UnitKerja.Delete(ctx, r.Id.String()); err != nil {
		return nil, err
	}
	return apigen.DeleteUnitKerja204Response{}, nil
}
