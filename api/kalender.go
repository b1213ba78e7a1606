package api

import (
	"context"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
)

func toDomainKalender(tahun int, in apigen.KalenderInput) domain.Kalender {
	k := domain.Kalender{Tahun: tahun, Items: make([]domain.HariLibur, len(in.Items))}
	for i, h := range in.Items {
		k.Items[i] = domain.HariLibur{Tanggal: h.Tanggal.Time, Jenis: domain.JenisLibur(h.Jenis), Nama: h.Nama}
	}
	return k
}

func toAPIKalender(k domain.Kalender) apigen.Kalender {
	out := apigen.Kalender{Tahun: k.Tahun, Items: make([]apigen.HariLibur, len(k.Items))}
	for i, h := range k.Items {
		out.Items[i] = apigen.HariLibur{Tanggal: dateOf(h.Tanggal), Jenis: apigen.HariLiburJenis(h.Jenis), Nama: h.Nama}
	}
	return out
}

// GetKalender implements GET /api/v1/kalender/{tahun}.
func (h *Handler) GetKalender(ctx context.Context, r apigen.GetKalenderRequestObject) (apigen.GetKalenderResponseObject, error) {
	k, err := h.Jadwal.GetKalender(ctx, r.Tahun)
	if err != nil {
		return nil, err
	}
	return apigen.GetKalender200JSONResponse(toAPIKalender(k)), nil
}

// PutKalender implements PUT /api/v1/kalender/{tahun}.
func (h *Handler) PutKalender(ctx context.Context, r apigen.PutKalenderRequestObject) (apigen.PutKalenderResponseObject, error) {
	k, err := h.Jadwal.PutKalender(ctx, toDomainKalender(r.Tahun, *r.Body))
	if err != nil {
		return nil, err
	}
	return apigen.PutKalender200JSONResponse(toAPIKalender(k)), nil
}
