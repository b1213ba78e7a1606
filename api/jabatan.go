package api

import (
	"context"

	"github.com/oapi-codegen/nullable"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

func toAPIJabatan(j domain.JabatanView) apigen.Jabatan {
	out := apigen.Jabatan{Id: uuidOf(j.ID), InstansiId: uuidOf(j.InstansiID), UnitKerjaId: uuidOf(j.UnitKerjaID),
		Kode: j.Kode, Nama: j.Nama, Jenis: apigen.JenisJabatan(j.Jenis), KelasJabatan: j.KelasJabatan,
		AtasanJabatanId: orgNullUUID(j.AtasanJabatanID), Kebutuhan: j.Kebutuhan, Kosong: j.Kosong,
		Pemangku: make([]apigen.Pemangku, len(j.Pemangku)), Version: j.Version, CreatedAt: j.CreatedAt, UpdatedAt: j.UpdatedAt}
	out.Jenjang = nullable.NewNullNullable[apigen.JenjangNullable]()
	if j.Jenjang != "" {
		out.Jenjang = nullable.NewNullableWithValue(apigen.JenjangNullable(j.Jenjang))
	}
	for i, p := range j.Pemangku {
		out.Pemangku[i] = apigen.Pemangku{Nip: p.NIP, Nama: p.Nama, Sumber: apigen.SumberPemangku(p.Sumber)}
	}
	return out
}

// orgPatchJenjang reads the nullable jenjang of a body: nil when absent, "" when null.
func orgPatchJenjang(n nullable.Nullable[apigen.JenjangNullable]) *domain.Jenjang {
	if !n.IsSpecified() {
		return nil
	}
	var j domain.Jenjang
	if v, err := n.Get(); err == nil {
		j = domain.Jenjang(v)
	}
	return &j
}

// ListJabatan implements GET /api/v1/jabatan.
func (h *Handler) ListJabatan(ctx context.Context, r apigen.ListJabatanRequestObject) (apigen.ListJabatanResponseObject, error) {
	pg := service.NewPage(r.Params.Page, r.Params.PageSize)
	f := domain.JabatanFilter{Q: strOr(r.Params.Q), Kosong: r.Params.Kosong}
	if r.Params.UnitKerjaId != nil {
		f.UnitKerjaID = r.Params.UnitKerjaId.String()
	}
	if r.Params.Jenis != nil {
		f.Jenis = domain.JenisJabatan(*r.Params.Jenis)
	}
	if r.Params.KelasJabatan != nil {
		f.KelasJabatan = *r.Params.KelasJabatan
	}
	items, total, err := h.Jabatan.List(ctx, f, datePtr(r.Params.Tanggal), pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListJabatan200JSONResponse{Items: make([]apigen.Jabatan, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, it := range items {
		out.Items[i] = toAPIJabatan(it)
	}
	return out, nil
}

// CreateJabatan implements POST /api/v1/jabatan.
func (h *Handler) CreateJabatan(ctx context.Context, r apigen.CreateJabatanRequestObject) (apigen.CreateJabatanResponseObject, error) {
	b := r.Body
	in := service.JabatanInput{UnitKerjaID: b.UnitKerjaId.String(), Kode: b.Kode, Nama: b.Nama, Jenis: domain.JenisJabatan(b.Jenis),
		KelasJabatan: b.KelasJabatan, AtasanJabatanID: orgInputUUID(b.AtasanJabatanId)}
	if j := orgPatchJenjang(b.Jenjang); j != nil {
		in.Jenjang = *j
	}
	if b.Kebutuhan != nil {
		in.Kebutuhan = *b.Kebutuhan
	}
	j, err := h.Jabatan.Create(ctx, in)
	if err != nil {
		return nil, err
	}
	return apigen.CreateJabatan201JSONResponse{Body: toAPIJabatan(j), Headers: apigen.CreateJabatan201ResponseHeaders{ETag: etag(j.Version)}}, nil
}

// GetJabatan implements GET /api/v1/jabatan/{id}.
func (h *Handler) GetJabatan(ctx context.Context, r apigen.GetJabatanRequestObject) (apigen.GetJabatanResponseObject, error) {
	j, err := h.Jabatan.Get(ctx, r.Id.String(), datePtr(r.Params.Tanggal))
	if err != nil {
		return nil, err
	}
	return apigen.GetJabatan200JSONResponse{Body: toAPIJabatan(j), Headers: apigen.GetJabatan200ResponseHeaders{ETag: etag(j.Version)}}, nil
}

// UpdateJabatan implements PATCH /api/v1/jabatan/{id}.
func (h *Handler) UpdateJabatan(ctx context.Context, r apigen.UpdateJabatanRequestObject) (apigen.UpdateJabatanResponseObject, error) {
	expected, err := ifMatch(r.Params.IfMatch)
	if err != nil {
		return nil, err
	}
	b := r.Body
	p := service.JabatanPatch{Kode: b.Kode, Nama: b.Nama, Jenjang: orgPatchJenjang(b.Jenjang), KelasJabatan: b.KelasJabatan,
		AtasanJabatanID: orgPatchUUID(b.AtasanJabatanId), Kebutuhan: b.Kebutuhan}
	if b.UnitKerjaId != nil {
		s := b.UnitKerjaId.String()
		p.UnitKerjaID = &s
	}
	if b.Jenis != nil {
		j := domain.JenisJabatan(*b.Jenis)
		p.Jenis = &j
	}
	j, err := h.Jabatan.Update(ctx, r.Id.String(), p, expected)
	if err != nil {
		return nil, err
	}
	return apigen.UpdateJabatan200JSONResponse{Body: toAPIJabatan(j), Headers: apigen.UpdateJabatan200ResponseHeaders{ETag: etag(j.Version)}}, nil
}

// DeleteJabatan implements DELETE /api/v1/jabatan/{id}.
func (h *Handler) DeleteJabatan(ctx context.Context, r apigen.DeleteJabatanRequestObject) (apigen.DeleteJabatanResponseObject, error) {
	if err := h.Jabatan.Delete(ctx, r.Id.String()); err != nil {
		return nil, err
	}
	return apigen.DeleteJabatan204Response{}, nil
}
