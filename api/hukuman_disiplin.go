package api

import (
	"context"

	"github.com/oapi-codegen/nullable"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/api/jsondate"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

func toAPIHukumanDisiplin(hd domain.HukumanDisiplin) apigen.HukumanDisiplin {
	out := apigen.HukumanDisiplin{Id: uuidOf(hd.ID), Nip: hd.NIP, Nama: hd.Nama, Jenis: apigen.JenisHukuman(hd.Jenis),
		Tingkat: apigen.HukumanDisiplinTingkat(hd.Tingkat()), NomorSk: hd.NomorSK, TanggalSk: dateOf(hd.TanggalSK),
		TanggalBerlaku: dateOf(hd.TanggalBerlaku), DurasiBulan: hd.DurasiBulan, Keterangan: nullableStr(hd.Keterangan),
		Berakhir: nullable.NewNullNullable[jsondate.Date](), DariUsulanTahun: nullable.NewNullNullable[int](),
		CreatedAt: hd.CreatedAt}
	if end, ok := hd.Berakhir(); ok {
		out.Berakhir = nullable.NewNullableWithValue(dateOf(end))
	}
	if hd.DariUsulanTahun != 0 {
		out.DariUsulanTahun = nullable.NewNullableWithValue(hd.DariUsulanTahun)
	}
	return out
}

// ListHukumanDisiplin implements GET /api/v1/hukuman-disiplin.
func (h *Handler) ListHukumanDisiplin(ctx context.Context, r apigen.ListHukumanDisiplinRequestObject) (apigen.ListHukumanDisiplinResponseObject, error) {
	pg := service.NewPage(r.Params.Page, r.Params.PageSize)
	f := domain.HukumanDisiplinFilter{NIP: strOr(r.Params.Nip), BerlakuPada: datePtr(r.Params.BerlakuPada)}
	items, total, err := h.Hukuman.List(ctx, f, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListHukumanDisiplin200JSONResponse{Items: make([]apigen.HukumanDisiplin, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, it := range items {
		out.Items[i] = toAPIHukumanDisiplin(it)
	}
	return out, nil
}

// CreateHukumanDisiplin implements POST /api/v1/hukuman-disiplin.
func (h *Handler) CreateHukumanDisiplin(ctx context.Context, r apigen.CreateHukumanDisiplinRequestObject) (apigen.CreateHukumanDisiplinResponseObject, error) {
	b := r.Body
	hd, err := h.Hukuman.Create(ctx, service.HukumanDisiplinInput{NIP: b.Nip, Jenis: domain.JenisHukuman(b.Jenis),
		NomorSK: b.NomorSk, TanggalSK: b.TanggalSk.Time, TanggalBerlaku: b.TanggalBerlaku.Time, DurasiBulan: b.DurasiBulan,
		Keterangan: strOr(b.Keterangan), DariUsulanTahun: intOr(b.DariUsulanTahun)})
	if err != nil {
		return nil, err
	}
	return apigen.CreateHukumanDisiplin201JSONResponse(toAPIHukumanDisiplin(hd)), nil
}

// GetHukumanDisiplin implements GET /api/v1/hukuman-disiplin/{id}.
func (h *Handler) GetHukumanDisiplin(ctx context.Context, r apigen.GetHukumanDisiplinRequestObject) (apigen.GetHukumanDisiplinResponseObject, error) {
	hd, err := h.Hukuman.Get(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.GetHukumanDisiplin200JSONResponse(toAPIHukumanDisiplin(hd)), nil
}
