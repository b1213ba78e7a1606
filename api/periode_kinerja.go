package api

import (
	"context"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
)

func toAPIPeriodeKinerja(p domain.PeriodeKinerja) apigen.PeriodeKinerja {
	n := p.JumlahPeriode()
	return apigen.PeriodeKinerja{Tahun: p.Tahun, Frekuensi: apigen.FrekuensiPenilaian(p.Frekuensi), JumlahPeriode: &n,
		BatasKeberatanHari: p.BatasKeberatanHari, ModeDistribusi: apigen.ModeDistribusi(p.ModeDistribusi),
		CapaianMaks: p.CapaianMaks, HasilPimpinanIkutUnit: p.HasilPimpinanIkutUnit, Tersimpan: p.Tersimpan,
		Version: p.Version, UpdatedAt: nullableTime(p.UpdatedAt)}
}

func (h *Handler) ListPeriodeKinerja(ctx context.Context, _ apigen.ListPeriodeKinerjaRequestObject) (apigen.ListPeriodeKinerjaResponseObject, error) {
	ps, err := h.Periode.List(ctx)
	if err != nil {
		return nil, err
	}
	out := apigen.ListPeriodeKinerja200JSONResponse{Items: make([]apigen.PeriodeKinerja, len(ps))}
	for i, p := range ps {
		out.Items[i] = toAPIPeriodeKinerja(p)
	}
	return out, nil
}

func (h *Handler) GetPeriodeKinerja(ctx context.Context, r apigen.GetPeriodeKinerjaRequestObject) (apigen.GetPeriodeKinerjaResponseObject, error) {
	p, err := h.Periode.Get(ctx, r.Tahun)
	if err != nil {
		return nil, err
	}
	return apigen.GetPeriodeKinerja200JSONResponse{Body: toAPIPeriodeKinerja(p),
		Headers: apigen.GetPeriodeKinerja200ResponseHeaders{ETag: etag(p.Version)}}, nil
}

func (h *Handler) PutPeriodeKinerja(ctx context.Context, r apigen.PutPeriodeKinerjaRequestObject) (apigen.PutPeriodeKinerjaResponseObject, error) {
	expected, err := ifMatch(r.Params.IfMatch)
	if err != nil {
		return nil, err
	}
	b := r.Body
	in := domain.DefaultPeriodeKinerja("", r.Tahun)
	in.Frekuensi = string(b.Frekuensi)
	if b.BatasKeberatanHari != nil {
		in.BatasKeberatanHari = *b.BatasKeberatanHari
	}
	if b.ModeDistribusi != nil {
		in.ModeDistribusi = string(*b.ModeDistribusi)
	}
	if b.CapaianMaks != nil {
		in.CapaianMaks = *b.CapaianMaks
	}
	if b.HasilPimpinanIkutUnit != nil {
		in.HasilPimpinanIkutUnit = *b.HasilPimpinanIkutUnit
	}
	p, err := h.Periode.Put(ctx, in, expected)
	if err != nil {
		return nil, err
	}
	return apigen.PutPeriodeKinerja200JSONResponse{Body: toAPIPeriodeKinerja(p),
		Headers: apigen.PutPeriodeKinerja200ResponseHeaders{ETag: etag(p.Version)}}, nil
}
