package api

import (
	"context"

	"github.com/oapi-codegen/nullable"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/api/jsondate"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

func toAPIPlt(p domain.Plt) apigen.Plt {
	out := apigen.Plt{Id: uuidOf(p.ID), JabatanId: uuidOf(p.JabatanID), Nip: p.NIP, Nama: p.Nama, Jenis: apigen.PltJenis(p.Jenis),
		TanggalMulai: dateOf(p.TanggalMulai), NomorSk: &p.NomorSK, CreatedAt: p.CreatedAt,
		TanggalSelesai: nullable.NewNullNullable[jsondate.Date]()}
	if p.TanggalSelesai != nil {
		out.TanggalSelesai = nullable.NewNullableWithValue(dateOf(*p.TanggalSelesai))
	}
	return out
}

// ListPlt implements GET /api/v1/plt.
func (h *Handler) ListPlt(ctx context.Context, r apigen.ListPltRequestObject) (apigen.ListPltResponseObject, error) {
	pg := service.NewPage(r.Params.Page, r.Params.PageSize)
	f := domain.PltFilter{AktifPada: datePtr(r.Params.AktifPada)}
	if r.Params.JabatanId != nil {
		f.JabatanID = r.Params.JabatanId.String()
	}
	items, total, err := h.Plt.List(ctx, f, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListPlt200JSONResponse{Items: make([]apigen.Plt, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, it := range items {
		out.Items[i] = toAPIPlt(it)
	}
	return out, nil
}

// CreatePlt implements POST /api/v1/plt.
func (h *Handler) CreatePlt(ctx context.Context, r apigen.CreatePltRequestObject) (apigen.CreatePltResponseObject, error) {
	b := r.Body
	in := service.PltInput{JabatanID: b.JabatanId.String(), NIP: b.Nip, Jenis: string(b.Jenis),
		TanggalMulai: b.TanggalMulai.Time, NomorSK: strOr(b.NomorSk)}
	if d, err := b.TanggalSelesai.Get(); err == nil {
		t := d.Time
		in.TanggalSelesai = &t
	}
	p, err := h.Plt.Create(ctx, in)
	if err != nil {
		return nil, err
	}
	return apigen.CreatePlt201JSONResponse(toAPIPlt(p)), nil
}

// DeletePlt implements DELETE /api/v1/plt/{id}.
func (h *Handler) DeletePlt(ctx context.Context, r apigen.DeletePltRequestObject) (apigen.DeletePltResponseObject, error) {
	if err := h.Plt.Delete(ctx, r.Id.String()); err != nil {
		return nil, err
	}
	return apigen.DeletePlt204Response{}, nil
}
