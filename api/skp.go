package api

import (
	"context"
	"strconv"

	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// decimalOf renders a JSON number as the exact decimal text the domain works with.
func decimalOf(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// numberOf renders a stored decimal as a JSON number.
func numberOf(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

func toAPIPejabat(p *domain.Pejabat) nullable.Nullable[apigen.Pejabat] {
	if p == nil {
		return nullable.NewNullNullable[apigen.Pejabat]()
	}
	out := apigen.Pejabat{Nip: p.NIP, Nama: p.Nama}
	if p.JabatanNama != "" {
		out.JabatanNama = &p.JabatanNama
	}
	return nullable.NewNullableWithValue(out)
}

func nullableStr(s string) nullable.Nullable[string] {
	if s == "" {
		return nullable.NewNullNullable[string]()
	}
	return nullable.NewNullableWithValue(s)
}

func toAPIRHK(rs []domain.RHK) []apigen.RHK {
	out := make([]apigen.RHK, len(rs))
	for i, r := range rs {
		a := apigen.RHK{Id: uuidOf(r.ID), Jenis: apigen.JenisRHK(r.Jenis), Uraian: r.Uraian, Indikator: make([]apigen.IKI, len(r.Indikator)),
			RhkAtasanUraian: nullableStr(r.RHKAtasanUraian)}
		if r.RHKAtasanID != "" {
			a.RhkAtasanId = nullable.NewNullableWithValue(uuidOf(r.RHKAtasanID))
		} else {
			a.RhkAtasanId = nullable.NewNullNullable[openapi_types.UUID]()
		}
		for j, k := range r.Indikator {
			a.Indikator[j] = apigen.IKI{Id: uuidOf(k.ID), Aspek: apigen.AspekIKI(k.Aspek), Uraian: k.Uraian, Target: numberOf(k.Target),
				Satuan: k.Satuan, Polaritas: apigen.Polaritas(k.Polaritas)}
		}
		out[i] = a
	}
	return out
}

func toAPIEkspektasi(es []domain.Ekspektasi) []apigen.Ekspektasi {
	out := make([]apigen.Ekspektasi, len(es))
	for i, e := range es {
		out[i] = apigen.Ekspektasi{Nilai: apigen.NilaiBerakhlak(e.Nilai), Ekspektasi: e.Ekspektasi}
	}
	return out
}

func toAPISKPRingkas(k domain.SKP) apigen.SKPRingkas {
	return apigen.SKPRingkas{Id: uuidOf(k.ID), Nip: k.NIP, Nama: k.Nama, Tahun: k.Tahun, PeriodeMulai: dateOf(k.PeriodeMulai),
		PeriodeSelesai: dateOf(k.PeriodeSelesai), JabatanNama: k.JabatanNama, UnitKerjaId: uuidOf(k.UnitKerjaID),
		UnitKerjaNama: k.UnitKerjaNama, Status: apigen.StatusSKP(k.Status), Revisi: k.Revisi, Penilai: toAPIPejabat(k.Penilai),
		Version: k.Version}
}

func toAPISKP(k domain.SKP) apigen.SKP {
	return apigen.SKP{Id: uuidOf(k.ID), Nip: k.NIP, Nama: k.Nama, Tahun: k.Tahun, PeriodeMulai: dateOf(k.PeriodeMulai),
		PeriodeSelesai: dateOf(k.PeriodeSelesai), JabatanId: uuidOf(k.JabatanID), JabatanNama: k.JabatanNama,
		UnitKerjaId: uuidOf(k.UnitKerjaID), UnitKerjaNama: k.UnitKerjaNama, Status: apigen.StatusSKP(k.Status), Revisi: k.Revisi,
		Penilai: toAPIPejabat(k.Penilai), AtasanPenilai: toAPIPejabat(k.AtasanPenilai), Pendekatan: apigen.Pendekatan(k.Pendekatan),
		AlasanPengembalian: nullableStr(k.AlasanPengembalian), DiajukanAt: nullableTime(k.DiajukanAt),
		DisetujuiAt: nullableTime(k.DisetujuiAt), Rhk: toAPIRHK(k.RHK), Ekspektasi: toAPIEkspektasi(k.Ekspektasi),
		Version: k.Version, CreatedAt: k.CreatedAt, UpdatedAt: k.UpdatedAt}
}

func skpOK(k domain.SKP) apigen.SKPOKJSONResponse {
	return apigen.SKPOKJSONResponse{Body: toAPISKP(k), Headers: apigen.SKPOKResponseHeaders{ETag: etag(k.Version)}}
}

func (h *Handler) ListSKP(ctx context.Context, r apigen.ListSKPRequestObject) (apigen.ListSKPResponseObject, error) {
	p := r.Params
	pg := service.NewPage(p.Page, p.PageSize)
	f := domain.SKPFilter{Tahun: intOr(p.Tahun), NIP: strOr(p.Nip)}
	if p.Status != nil {
		f.Status = domain.StatusSKP(*p.Status)
	}
	if p.UnitKerjaId != nil {
		f.UnitKerjaID = p.UnitKerjaId.String()
	}
	items, total, err := h.SKP.List(ctx, f, p.DinilaiSaya != nil && *p.DinilaiSaya, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.SKPPage{Items: make([]apigen.SKPRingkas, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, k := range items {
		out.Items[i] = toAPISKPRingkas(k)
	}
	return apigen.ListSKP200JSONResponse(out), nil
}

func (h *Handler) CreateSKP(ctx context.Context, r apigen.CreateSKPRequestObject) (apigen.CreateSKPResponseObject, error) {
	b := r.Body
	in := service.SKPInput{NIP: b.Nip, Tahun: b.Tahun, PeriodeMulai: datePtr(b.PeriodeMulai), PeriodeSelesai: datePtr(b.PeriodeSelesai)}
	if b.Pendekatan != nil {
		in.Pendekatan = string(*b.Pendekatan)
	}
	k, err := h.SKP.Create(ctx, in)
	if err != nil {
		return nil, err
	}
	return apigen.CreateSKP201JSONResponse{Body: toAPISKP(k), Headers: apigen.CreateSKP201ResponseHeaders{ETag: etag(k.Version)}}, nil
}

func (h *Handler) GetSKP(ctx context.Context, r apigen.GetSKPRequestObject) (apigen.GetSKPResponseObject, error) {
	k, err := h.SKP.Get(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.GetSKP200JSONResponse{Body: toAPISKP(k), Headers: apigen.GetSKP200ResponseHeaders{ETag: etag(k.Version)}}, nil
}

func toDomainSKPIsi(b *apigen.SKPIsi) service.SKPIsi {
	in := service.SKPIsi{RHK: make([]domain.RHK, len(b.Rhk))}
	if b.Pendekatan != nil {
		in.Pendekatan = string(*b.Pendekatan)
	}
	for i, r := range b.Rhk {
		d := domain.RHK{Jenis: string(r.Jenis), Uraian: r.Uraian, Indikator: make([]domain.IKI, len(r.Indikator))}
		if r.Id != nil {
			d.ID = r.Id.String()
		}
		if v, err := r.RhkAtasanId.Get(); err == nil {
			d.RHKAtasanID = v.String()
		}
		for j, k := range r.Indikator {
			x := domain.IKI{Aspek: string(k.Aspek), Uraian: k.Uraian, Target: decimalOf(k.Target), Satuan: k.Satuan}
			if k.Id != nil {
				x.ID = k.Id.String()
			}
			if k.Polaritas != nil {
				x.Polaritas = string(*k.Polaritas)
			}
			d.Indikator[j] = x
		}
		in.RHK[i] = d
	}
	if b.Ekspektasi != nil {
		for _, e := range *b.Ekspektasi {
			in.Ekspektasi = append(in.Ekspektasi, domain.Ekspektasi{Nilai: string(e.Nilai), Ekspektasi: e.Ekspektasi})
		}
	}
	return in
}

func (h *Handler) PutSKPIsi(ctx context.Context, r apigen.PutSKPIsiRequestObject) (apigen.PutSKPIsiResponseObject, error) {
	expected, err := ifMatch(r.Params.IfMatch)
	if err != nil {
		return nil, err
	}
	k, err := h.SKP.PutIsi(ctx, r.Id.String(), toDomainSKPIsi(r.Body), expected)
	if err != nil {
		return nil, err
	}
	return apigen.PutSKPIsi200JSONResponse{Body: toAPISKP(k), Headers: apigen.PutSKPIsi200ResponseHeaders{ETag: etag(k.Version)}}, nil
}

func (h *Handler) DeleteSKP(ctx context.Context, r apigen.DeleteSKPRequestObject) (apigen.DeleteSKPResponseObject, error) {
	if err := h.SKP.Delete(ctx, r.Id.String()); err != nil {
		return nil, err
	}
	return apigen.DeleteSKP204Response{}, nil
}

func (h *Handler) AjukanSKP(ctx context.Context, r apigen.AjukanSKPRequestObject) (apigen.AjukanSKPResponseObject, error) {
	k, err := h.SKP.Ajukan(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.AjukanSKP200JSONResponse{SKPOKJSONResponse: skpOK(k)}, nil
}

func (h *Handler) SetujuiSKP(ctx context.Context, r apigen.SetujuiSKPRequestObject) (apigen.SetujuiSKPResponseObject, error) {
	k, err := h.SKP.Setujui(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.SetujuiSKP200JSONResponse{SKPOKJSONResponse: skpOK(k)}, nil
}

func (h *Handler) KembalikanSKP(ctx context.Context, r apigen.KembalikanSKPRequestObject) (apigen.KembalikanSKPResponseObject, error) {
	k, err := h.SKP.Kembalikan(ctx, r.Id.String(), r.Body.Alasan)
	if err != nil {
		return nil, err
	}
	return apigen.KembalikanSKP200JSONResponse{SKPOKJSONResponse: skpOK(k)}, nil
}

func (h *Handler) RevisiSKP(ctx context.Context, r apigen.RevisiSKPRequestObject) (apigen.RevisiSKPResponseObject, error) {
	k, err := h.SKP.Revisi(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.RevisiSKP200JSONResponse{SKPOKJSONResponse: skpOK(k)}, nil
}

func (h *Handler) ListRevisiSKP(ctx context.Context, r apigen.ListRevisiSKPRequestObject) (apigen.ListRevisiSKPResponseObject, error) {
	revs, err := h.SKP.Revisions(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	out := apigen.ListRevisiSKP200JSONResponse{Items: make([]apigen.RevisiSKP, len(revs))}
	for i, v := range revs {
		by := v.DisetujuiOleh
		out.Items[i] = apigen.RevisiSKP{Revisi: v.Revisi, DisetujuiAt: v.DisetujuiAt, DisetujuiOleh: apigen.Pejabat{Nip: by.NIP, Nama: by.Nama},
			Pendekatan: apigen.Pendekatan(v.Pendekatan), Rhk: toAPIRHK(v.RHK), Ekspektasi: toAPIEkspektasi(v.Ekspektasi)}
	}
	return out, nil
}

func toAPIKaskade(ks []domain.KaskadeRHK) []apigen.KaskadeRHK {
	out := make([]apigen.KaskadeRHK, len(ks))
	for i, k := range ks {
		out[i] = apigen.KaskadeRHK{RhkId: uuidOf(k.RHKID), Jenis: apigen.JenisRHK(k.Jenis), Uraian: k.Uraian, SkpId: uuidOf(k.SKPID),
			Nip: k.NIP, Nama: k.Nama, JabatanNama: k.JabatanNama, Turunan: toAPIKaskade(k.Turunan)}
	}
	return out
}

func (h *Handler) GetKaskadeSKP(ctx context.Context, r apigen.GetKaskadeSKPRequestObject) (apigen.GetKaskadeSKPResponseObject, error) {
	k, items, err := h.SKP.Kaskade(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.GetKaskadeSKP200JSONResponse{SkpId: uuidOf(k.ID), Nip: k.NIP, Nama: k.Nama, Items: toAPIKaskade(items)}, nil
}
