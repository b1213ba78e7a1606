package api

import (
	"context"
	"time"

	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

func toAPIPerhitunganTPP(p domain.PerhitunganTPP) apigen.PerhitunganTPP {
	out := apigen.PerhitunganTPP{Id: uuidOf(p.ID), Tahun: p.Tahun, Bulan: int(p.Bulan), UnitKerjaNama: p.UnitKerjaNama,
		Jenis: apigen.JenisPerhitunganTPP(p.Jenis), Status: apigen.StatusPerhitunganTPP(p.Status),
		AturanTppId: uuidOf(p.AturanID), AturanTppVersi: p.AturanVersi, Keterangan: p.Keterangan,
		Total: toAPIRingkasanTPP(p.Total), Pagu: toAPIPemakaianPagu(p.Pagu), ModePagu: apigen.PerhitunganTPPModePagu(p.ModePagu),
		MelebihiPagu: p.MelebihiPagu, Sidik: p.Sidik, DibuatOleh: p.DibuatOleh, CatatanPersetujuan: p.CatatanPersetujuan,
		PesanGagal: p.PesanGagal, Version: p.Version, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt,
		DisetujuiPada: nullableTime(p.DisetujuiPada), DisetujuiOleh: nullable.NewNullNullable[string](),
		UnitKerjaId: nullable.NewNullNullable[openapi_types.UUID](), PerhitunganAsalId: nullable.NewNullNullable[openapi_types.UUID]()}
	if out.ModePagu == "" {
		out.ModePagu = apigen.PerhitunganTPPModePagu(domain.PaguPeringatan)
	}
	if p.DisetujuiOleh != "" {
		out.DisetujuiOleh = nullable.NewNullableWithValue(p.DisetujuiOleh)
	}
	if p.UnitKerjaID != "" {
		out.UnitKerjaId = nullable.NewNullableWithValue(uuidOf(p.UnitKerjaID))
	}
	if p.AsalID != "" {
		out.PerhitunganAsalId = nullable.NewNullableWithValue(uuidOf(p.AsalID))
	}
	out.Progres.Selesai, out.Progres.Total = p.Selesai, p.JumlahPegawai
	for _, k := range domain.AllKodeAnomali {
		if n := p.Anomali[k]; n > 0 {
			out.Anomali = append(out.Anomali, struct {
				Jumlah int                   `json:"jumlah"`
				Kode   apigen.KodeAnomaliTPP `json:"kode"`
			}{Jumlah: n, Kode: apigen.KodeAnomaliTPP(k)})
		}
	}
	if out.Anomali == nil {
		out.Anomali = []struct {
			Jumlah int                   `json:"jumlah"`
			Kode   apigen.KodeAnomaliTPP `json:"kode"`
		}{}
	}
	return out
}

// ListPerhitunganTPP implements GET /api/v1/perhitungan-tpp.
func (h *Handler) ListPerhitunganTPP(ctx context.Context, r apigen.ListPerhitunganTPPRequestObject) (apigen.ListPerhitunganTPPResponseObject, error) {
	pg := service.NewPage(r.Params.Page, r.Params.PageSize)
	f := domain.PerhitunganTPPFilter{Tahun: intOr(r.Params.Tahun)}
	if r.Params.Bulan != nil {
		f.Bulan = time.Month(*r.Params.Bulan)
	}
	if r.Params.Status != nil {
		f.Status = domain.StatusPerhitungan(*r.Params.Status)
	}
	if r.Params.Jenis != nil {
		f.Jenis = domain.JenisPerhitungan(*r.Params.Jenis)
	}
	items, total, err := h.TPP.List(ctx, f, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListPerhitunganTPP200JSONResponse{Items: make([]apigen.PerhitunganTPP, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, p := range items {
		out.Items[i] = toAPIPerhitunganTPP(p)
	}
	return out, nil
}

// CreatePerhitunganTPP implements POST /api/v1/perhitungan-tpp.
func (h *Handler) CreatePerhitunganTPP(ctx context.Context, r apigen.CreatePerhitunganTPPRequestObject) (apigen.CreatePerhitunganTPPResponseObject, error) {
	b := r.Body
	in := service.PerhitunganInput{Tahun: b.Tahun, Bulan: time.Month(b.Bulan), Keterangan: strOr(b.Keterangan)}
	if b.UnitKerjaId != nil {
		in.UnitKerjaID = b.UnitKerjaId.String()
	}
	if b.Jenis != nil {
		in.Jenis = domain.JenisPerhitungan(*b.Jenis)
	}
	if b.PerhitunganAsalId != nil {
		in.AsalID = b.PerhitunganAsalId.String()
	}
	if r.Params.IdempotencyKey != nil {
		in.IdempotencyKey = *r.Params.IdempotencyKey
	}
	p, created, err := h.TPP.Create(ctx, in)
	switch {
	case err != nil:
		return nil, err
	case !created:
		return apigen.CreatePerhitunganTPP200JSONResponse(toAPIPerhitunganTPP(p)), nil
	case p.Status == domain.PerhitunganProses:
		return apigen.CreatePerhitunganTPP202JSONResponse(toAPIPerhitunganTPP(p)), nil
	}
	return apigen.CreatePerhitunganTPP201JSONResponse{Body: toAPIPerhitunganTPP(p),
		Headers: apigen.CreatePerhitunganTPP201ResponseHeaders{ETag: etag(p.Version)}}, nil
}

// GetPerhitunganTPP implements GET /api/v1/perhitungan-tpp/{id}.
func (h *Handler) GetPerhitunganTPP(ctx context.Context, r apigen.GetPerhitunganTPPRequestObject) (apigen.GetPerhitunganTPPResponseObject, error) {
	p, err := h.TPP.Get(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.GetPerhitunganTPP200JSONResponse{Body: toAPIPerhitunganTPP(p),
		Headers: apigen.GetPerhitunganTPP200ResponseHeaders{ETag: etag(p.Version)}}, nil
}

// DeletePerhitunganTPP implements DELETE /api/v1/perhitungan-tpp/{id}.
func (h *Handler) DeletePerhitunganTPP(ctx context.Context, r apigen.DeletePerhitunganTPPRequestObject) (apigen.DeletePerhitunganTPPResponseObject, error) {
	if err := h.TPP.Delete(ctx, r.Id.String()); err != nil {
		return nil, err
	}
	return apigen.DeletePerhitunganTPP204Response{}, nil
}

// ListBarisTPP implements GET /api/v1/perhitungan-tpp/{id}/baris.
func (h *Handler) ListBarisTPP(ctx context.Context, r apigen.ListBarisTPPRequestObject) (apigen.ListBarisTPPResponseObject, error) {
	pg := service.NewPage(r.Params.Page, r.Params.PageSize)
	f := domain.BarisTPPFilter{Q: strOr(r.Params.Q)}
	if r.Params.Anomali != nil {
		f.Anomali = domain.KodeAnomali(*r.Params.Anomali)
	}
	unit := ""
	if r.Params.UnitKerjaId != nil {
		unit = r.Params.UnitKerjaId.String()
	}
	items, total, err := h.TPP.ListBaris(ctx, r.Id.String(), unit, f, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListBarisTPP200JSONResponse{Items: make([]apigen.BarisTPP, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, b := range items {
		out.Items[i] = toAPIBarisTPP(b)
	}
	return out, nil
}

// GetBarisTPP implements GET /api/v1/perhitungan-tpp/{id}/baris/{nip}.
func (h *Handler) GetBarisTPP(ctx context.Context, r apigen.GetBarisTPPRequestObject) (apigen.GetBarisTPPResponseObject, error) {
	b, hasil, err := h.TPP.GetBaris(ctx, r.Id.String(), r.Nip)
	if err != nil {
		return nil, err
	}
	return apigen.GetBarisTPP200JSONResponse(toAPIBarisTPPRinci(b, hasil, langOf(ctx))), nil
}

func toAPIBarisTPPRinci(b domain.BarisTPP, h domain.HasilTPP, lang string) apigen.BarisTPPRinci {
	x := toAPIBarisTPP(b)
	return apigen.BarisTPPRinci{Anomali: x.Anomali, Besaran: x.Besaran, BpjsPegawai: x.BpjsPegawai, BpjsPemda: x.BpjsPemda,
		Bruto: x.Bruto, Dibayar: x.Dibayar, Disiplin: x.Disiplin, Golongan: x.Golongan, JabatanNama: x.JabatanNama,
		JenisAsn: x.JenisAsn, Jhk: x.Jhk, KelasJabatan: x.KelasJabatan, Nama: x.Nama, Neto: x.Neto, Nip: x.Nip,
		Pagu: x.Pagu, PersenKinerja: x.PersenKinerja, PersenPotonganDisiplin: x.PersenPotonganDisiplin,
		Potongan: x.Potongan, PotonganLain: x.PotonganLain, Pph: x.Pph, Predikat: x.Predikat,
		Produktivitas: x.Produktivitas, Rekening: x.Rekening, StatusKepegawaian: x.StatusKepegawaian,
		SudahDibayar: x.SudahDibayar, Tambahan: x.Tambahan, UnitKerjaId: x.UnitKerjaId, UnitKerjaNama: x.UnitKerjaNama,
		Hasil: toAPIHasilTPP(h, lang)}
}

// RecomputePerhitunganTPP implements POST /api/v1/perhitungan-tpp/{id}/hitung-ulang.
func (h *Handler) RecomputePerhitunganTPP(ctx context.Context, r apigen.RecomputePerhitunganTPPRequestObject) (apigen.RecomputePerhitunganTPPResponseObject, error) {
	expected, err := ifMatch(r.Params.IfMatch)
	if err != nil {
		return nil, err
	}
	p, err := h.TPP.Recompute(ctx, r.Id.String(), expected)
	if err != nil {
		return nil, err
	}
	if p.Status == domain.PerhitunganProses {
		return apigen.RecomputePerhitunganTPP202JSONResponse(toAPIPerhitunganTPP(p)), nil
	}
	return apigen.RecomputePerhitunganTPP200JSONResponse{Body: toAPIPerhitunganTPP(p),
		Headers: apigen.RecomputePerhitunganTPP200ResponseHeaders{ETag: etag(p.Version)}}, nil
}

// ApprovePerhitunganTPP implements POST /api/v1/perhitungan-tpp/{id}/setujui.
func (h *Handler) ApprovePerhitunganTPP(ctx context.Context, r apigen.ApprovePerhitunganTPPRequestObject) (apigen.ApprovePerhitunganTPPResponseObject, error) {
	expected, err := ifMatch(r.Params.IfMatch)
	if err != nil {
		return nil, err
	}
	catatan := ""
	if r.Body != nil {
		catatan = strOr(r.Body.Catatan)
	}
	p, err := h.TPP.Approve(ctx, r.Id.String(), expected, catatan)
	if err != nil {
		return nil, err
	}
	return apigen.ApprovePerhitunganTPP200JSONResponse{Body: toAPIPerhitunganTPP(p),
		Headers: apigen.ApprovePerhitunganTPP200ResponseHeaders{ETag: etag(p.Version)}}, nil
}
