package api

import (
	"context"
	"fmt"
	"strconv"

	"github.com/oapi-codegen/nullable"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// jamMenit renders seconds since midnight as HH:MM.
func jamMenit(detik int) string { return fmt.Sprintf("%02d:%02d", detik/3600, detik%3600/60) }

// detikJam reads HH:MM (already checked against the spec's pattern) as seconds.
func detikJam(s *string) int {
	if s == nil || len(*s) != 5 {
		return 0
	}
	h, _ := strconv.Atoi((*s)[:2])
	m, _ := strconv.Atoi((*s)[3:])
	return h*3600 + m*60
}

func toAPIKerjaFleksibel(k domain.KerjaFleksibel) apigen.KerjaFleksibel {
	out := apigen.KerjaFleksibel{Id: uuidOf(k.ID), Nip: k.NIP, Nama: k.Nama, Jenis: apigen.JenisFleksibel(k.Jenis),
		Mulai: dateOf(k.Mulai), Selesai: dateOf(k.Selesai), NomorSk: k.NomorSK, Keterangan: k.Keterangan, CreatedAt: k.CreatedAt,
		AwalMasuk: nullable.NewNullNullable[string](), AkhirMasuk: nullable.NewNullNullable[string](),
		DurasiMenit: nullable.NewNullNullable[int]()}
	if k.Jenis == domain.FleksibelWaktu {
		out.AwalMasuk = nullable.NewNullableWithValue(jamMenit(k.AwalMasuk))
		out.AkhirMasuk = nullable.NewNullableWithValue(jamMenit(k.AkhirMasuk))
		out.DurasiMenit = nullable.NewNullableWithValue(k.DurasiDetik / 60)
	}
	return out
}

// ListKerjaFleksibel implements GET /api/v1/kerja-fleksibel.
func (h *Handler) ListKerjaFleksibel(ctx context.Context, r apigen.ListKerjaFleksibelRequestObject) (apigen.ListKerjaFleksibelResponseObject, error) {
	pg := service.NewPage(r.Params.Page, r.Params.PageSize)
	items, total, err := h.Fleksibel.List(ctx, domain.KerjaFleksibelFilter{NIP: strOr(r.Params.Nip), BerlakuPada: datePtr(r.Params.BerlakuPada)}, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListKerjaFleksibel200JSONResponse{Items: make([]apigen.KerjaFleksibel, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, k := range items {
		out.Items[i] = toAPIKerjaFleksibel(k)
	}
	return out, nil
}

// CreateKerjaFleksibel implements POST /api/v1/kerja-fleksibel.
func (h *Handler) CreateKerjaFleksibel(ctx context.Context, r apigen.CreateKerjaFleksibelRequestObject) (apigen.CreateKerjaFleksibelResponseObject, error) {
	b := r.Body
	in := service.KerjaFleksibelInput{NIP: b.Nip, Jenis: domain.JenisFleksibel(b.Jenis), Mulai: b.Mulai.Time, Selesai: b.Selesai.Time,
		AwalMasuk: detikJam(b.AwalMasuk), AkhirMasuk: detikJam(b.AkhirMasuk), DurasiDetik: intOr(b.DurasiMenit) * 60,
		NomorSK: strOr(b.NomorSk), Keterangan: strOr(b.Keterangan)}
	k, err := h.Fleksibel.Create(ctx, in)
	if err != nil {
		return nil, err
	}
	return apigen.CreateKerjaFleksibel201JSONResponse(toAPIKerjaFleksibel(k)), nil
}

// GetKerjaFleksibel implements GET /api/v1/kerja-fleksibel/{id}.
func (h *Handler) GetKerjaFleksibel(ctx context.Context, r apigen.GetKerjaFleksibelRequestObject) (apigen.GetKerjaFleksibelResponseObject, error) {
	k, err := h.Fleksibel.Get(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.GetKerjaFleksibel200JSONResponse(toAPIKerjaFleksibel(k)), nil
}

// DeleteKerjaFleksibel implements DELETE /api/v1/kerja-fleksibel/{id}.
func (h *Handler) DeleteKerjaFleksibel(ctx context.Context, r apigen.DeleteKerjaFleksibelRequestObject) (apigen.DeleteKerjaFleksibelResponseObject, error) {
	if err := h.Fleksibel.Delete(ctx, r.Id.String()); err != nil {
		return nil, err
	}
	return apigen.DeleteKerjaFleksibel204Response{}, nil
}
