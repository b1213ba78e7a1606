package api

import (
	"context"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

func toAPIKeberatan(k domain.Keberatan) apigen.Keberatan {
	out := apigen.Keberatan{Id: uuidOf(k.ID), PenilaianId: uuidOf(k.PenilaianID), Nip: k.NIP, Nama: k.Nama, Tahun: k.Tahun,
		Jenis: apigen.JenisPenilaian(k.Jenis), Periode: k.Periode, Alasan: k.Alasan, PredikatSemula: apigen.Predikat(k.PredikatSemula),
		PredikatDiharapkan: nullableEnum[apigen.Predikat](string(k.PredikatDiharapkan)), Pemutus: toAPIPejabat(k.Pemutus),
		Status: apigen.StatusKeberatan(k.Status), Keputusan: nullableEnum[apigen.KeberatanKeputusan](k.Keputusan),
		PredikatAkhir: nullableEnum[apigen.Predikat](string(k.PredikatAkhir)), AlasanPutusan: nullableStr(k.AlasanPutusan),
		DiajukanAt: k.DiajukanAt, DiputusAt: nullableTime(k.DiputusAt)}
	return out
}

// predikatOf reads an optional predikat input, accepting the legacy CUKUP.
func predikatOf(field string, p *apigen.PredikatInput) (domain.Predikat, error) {
	if p == nil {
		return "", nil
	}
	return domain.ParsePredikat(field, string(*p))
}

func (h *Handler) ListKeberatan(ctx context.Context, r apigen.ListKeberatanRequestObject) (apigen.ListKeberatanResponseObject, error) {
	p := r.Params
	pg := service.NewPage(p.Page, p.PageSize)
	f := domain.KeberatanFilter{Tahun: intOr(p.Tahun)}
	if p.Status != nil {
		f.Status = string(*p.Status)
	}
	items, total, err := h.Keberatan.List(ctx, f, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.KeberatanPage{Items: make([]apigen.Keberatan, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, k := range items {
		out.Items[i] = toAPIKeberatan(k)
	}
	return apigen.ListKeberatan200JSONResponse(out), nil
}

func (h *Handler) CreateKeberatan(ctx context.Context, r apigen.CreateKeberatanRequestObject) (apigen.CreateKeberatanResponseObject, error) {
	want, err := predikatOf("predikat_diharapkan", r.Body.PredikatDiharapkan)
	if err != nil {
		return nil, err
	}
	k, err := h.Keberatan.Create(ctx, r.Body.PenilaianId.String(), r.Body.Alasan, want)
	if err != nil {
		return nil, err
	}
	return apigen.CreateKeberatan201JSONResponse(toAPIKeberatan(k)), nil
}

func (h *Handler) GetKeberatan(ctx context.Context, r apigen.GetKeberatanRequestObject) (apigen.GetKeberatanResponseObject, error) {
	k, err := h.Keberatan.Get(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.GetKeberatan200JSONResponse(toAPIKeberatan(k)), nil
}

func (h *Handler) PutusKeberatan(ctx context.Context, r apigen.PutusKeberatanRequestObject) (apigen.PutusKeberatanResponseObject, error) {
	pred, err := predikatOf("predikat", r.Body.Predikat)
	if err != nil {
		return nil, err
	}
	k, err := h.Keberatan.Putus(ctx, r.Id.String(), string(r.Body.Keputusan), pred, r.Body.Alasan)
	if err != nil {
		return nil, err
	}
	return apigen.PutusKeberatan200JSONResponse(toAPIKeberatan(k)), nil
}
