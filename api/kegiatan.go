package api

import (
	"context"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

func toAPIKegiatan(k domain.Kegiatan) apigen.Kegiatan {
	bukti := k.Bukti
	if bukti == nil {
		bukti = []string{}
	}
	return apigen.Kegiatan{Id: uuidOf(k.ID), Nip: k.NIP, Nama: k.Nama, Tanggal: dateOf(k.Tanggal),
		JamMulai: nullableStr(k.JamMulai), JamSelesai: nullableStr(k.JamSelesai), Menit: k.Menit, Uraian: k.Uraian,
		RhkId: uuidOf(k.RHKID), RhkUraian: k.RHKUraian, Bukti: bukti, Status: apigen.StatusKegiatan(k.Status),
		Catatan: nullableStr(k.Catatan), DinilaiOleh: toAPIPejabat(k.DinilaiOleh), DinilaiAt: nullableTime(k.DinilaiAt),
		Version: k.Version, CreatedAt: k.CreatedAt, UpdatedAt: k.UpdatedAt}
}

func toServiceKegiatanInput(b *apigen.KegiatanInput) service.KegiatanInput {
	in := service.KegiatanInput{Tanggal: b.Tanggal.Time, JamMulai: strOr(b.JamMulai), JamSelesai: strOr(b.JamSelesai),
		Menit: intOr(b.Menit), Uraian: b.Uraian, RHKID: b.RhkId.String()}
	if b.Bukti != nil {
		in.Bukti = *b.Bukti
	}
	return in
}

// ListKegiatan implements GET /api/v1/kegiatan.
func (h *Handler) ListKegiatan(ctx context.Context, r apigen.ListKegiatanRequestObject) (apigen.ListKegiatanResponseObject, error) {
	p := r.Params
	pg := service.NewPage(p.Page, p.PageSize)
	f := domain.KegiatanFilter{NIP: strOr(p.Nip), Dari: datePtr(p.Dari), Sampai: datePtr(p.Sampai)}
	if p.Status != nil {
		f.Status = string(*p.Status)
	}
	if p.RhkId != nil {
		f.RHKID = p.RhkId.String()
	}
	items, total, err := h.Kegiatan.List(ctx, f, p.DinilaiSaya != nil && *p.DinilaiSaya, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListKegiatan200JSONResponse{Items: make([]apigen.Kegiatan, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, k := range items {
		out.Items[i] = toAPIKegiatan(k)
	}
	return out, nil
}

// CreateKegiatan implements POST /api/v1/kegiatan.
func (h *Handler) CreateKegiatan(ctx context.Context, r apigen.CreateKegiatanRequestObject) (apigen.CreateKegiatanResponseObject, error) {
	k, err := h.Kegiatan.Create(ctx, toServiceKegiatanInput(r.Body))
	if err != nil {
		return nil, err
	}
	return apigen.CreateKegiatan201JSONResponse{Body: toAPIKegiatan(k), Headers: apigen.CreateKegiatan201ResponseHeaders{ETag: etag(k.Version)}}, nil
}

// GetRingkasanKegiatan implements GET /api/v1/kegiatan/ringkasan.
func (h *Handler) GetRingkasanKegiatan(ctx context.Context, r apigen.GetRingkasanKegiatanRequestObject) (apigen.GetRingkasanKegiatanResponseObject, error) {
	p := r.Params
	rk, err := h.Kegiatan.Ringkasan(ctx, p.Nip, p.Tahun, p.Bulan)
	if err != nil {
		return nil, err
	}
	out := apigen.GetRingkasanKegiatan200JSONResponse{Nip: p.Nip, Tahun: p.Tahun, Bulan: p.Bulan,
		MenitDiterima: rk.MenitDiterima, MenitDiajukan: rk.MenitDiajukan, MenitDitolak: rk.MenitDitolak}
	out.PerRhk = kegiatanSlice(out.PerRhk, len(rk.PerRHK))
	for i, x := range rk.PerRHK {
		o := &out.PerRhk[i]
		o.RhkId, o.RhkUraian, o.Jumlah = uuidOf(x.RHKID), x.RHKUraian, x.Jumlah
		o.MenitDiterima, o.MenitDiajukan, o.MenitDitolak = x.MenitDiterima, x.MenitDiajukan, x.MenitDitolak
	}
	out.PerHari = kegiatanSlice(out.PerHari, len(rk.PerHari))
	for i, x := range rk.PerHari {
		out.PerHari[i].Tanggal, out.PerHari[i].MenitDiterima, out.PerHari[i].MenitTotal = dateOf(x.Tanggal), x.MenitDiterima, x.MenitTotal
	}
	return out, nil
}

// VerifikasiKegiatan implements POST /api/v1/kegiatan/verifikasi.
func (h *Handler) VerifikasiKegiatan(ctx context.Context, r apigen.VerifikasiKegiatanRequestObject) (apigen.VerifikasiKegiatanResponseObject, error) {
	items := make([]domain.VerifikasiKegiatan, len(r.Body.Items))
	for i, it := range r.Body.Items {
		items[i] = domain.VerifikasiKegiatan{ID: it.Id.String(), Status: string(it.Status), Catatan: strOr(it.Catatan)}
	}
	ks, err := h.Kegiatan.Verifikasi(ctx, items)
	if err != nil {
		return nil, err
	}
	out := apigen.VerifikasiKegiatan200JSONResponse{Items: make([]apigen.Kegiatan, len(ks))}
	for i, k := range ks {
		out.Items[i] = toAPIKegiatan(k)
	}
	return out, nil
}

// DeleteKegiatan implements DELETE /api/v1/kegiatan/{id}.
func (h *Handler) DeleteKegiatan(ctx context.Context, r apigen.DeleteKegiatanRequestObject) (apigen.DeleteKegiatanResponseObject, error) {
	if err := h.Kegiatan.Delete(ctx, r.Id.String()); err != nil {
		return nil, err
	}
	return apigen.DeleteKegiatan204Response{}, nil
}

// GetKegiatan implements GET /api/v1/kegiatan/{id}.
func (h *Handler) GetKegiatan(ctx context.Context, r apigen.GetKegiatanRequestObject) (apigen.GetKegiatanResponseObject, error) {
	k, err := h.Kegiatan.Get(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.GetKegiatan200JSONResponse{Body: toAPIKegiatan(k), Headers: apigen.GetKegiatan200ResponseHeaders{ETag: etag(k.Version)}}, nil
}

// UpdateKegiatan implements PUT /api/v1/kegiatan/{id}.
func (h *Handler) UpdateKegiatan(ctx context.Context, r apigen.UpdateKegiatanRequestObject) (apigen.UpdateKegiatanResponseObject, error) {
	expected, err := ifMatch(r.Params.IfMatch)
	if err != nil {
		return nil, err
	}
	k, err := h.Kegiatan.Update(ctx, r.Id.String(), toServiceKegiatanInput(r.Body), expected)
	if err != nil {
		return nil, err
	}
	return apigen.UpdateKegiatan200JSONResponse{Body: toAPIKegiatan(k), Headers: apigen.UpdateKegiatan200ResponseHeaders{ETag: etag(k.Version)}}, nil
}

// kegiatanSlice makes a slice of n zero elements of the type of s, for the generated
// anonymous item types; never nil, so that an empty list is [] and not null.
func kegiatanSlice[S ~[]E, E any](_ S, n int) S { return make(S, n) }
