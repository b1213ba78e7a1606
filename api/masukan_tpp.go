package api

import (
	"context"
	"time"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

func toAPIMasukanTPP(m domain.MasukanTPP) apigen.MasukanTPP {
	out := apigen.MasukanTPP{Nip: m.NIP, Nama: m.Nama, TunjanganProfesi: m.TunjanganProfesi,
		PenghasilanLainBpjs: m.PenghasilanLainBPJS, PotonganLain: make([]apigen.PotonganLain, len(m.PotonganLain))}
	for i, p := range m.PotonganLain {
		out.PotonganLain[i] = apigen.PotonganLain{Kode: p.Kode, Jumlah: p.Jumlah}
		if p.Nama != "" {
			nama := p.Nama
			out.PotonganLain[i].Nama = &nama
		}
	}
	return out
}

func toDomainMasukanTPP(in apigen.MasukanTPPInput) domain.MasukanTPP {
	m := domain.MasukanTPP{NIP: in.Nip}
	if in.TunjanganProfesi != nil {
		m.TunjanganProfesi = *in.TunjanganProfesi
	}
	if in.PenghasilanLainBpjs != nil {
		m.PenghasilanLainBPJS = *in.PenghasilanLainBpjs
	}
	if in.PotonganLain != nil {
		m.PotonganLain = make([]domain.PotonganFakta, len(*in.PotonganLain))
		for i, p := range *in.PotonganLain {
			m.PotonganLain[i] = domain.PotonganFakta{Kode: p.Kode, Nama: strOr(p.Nama), Jumlah: p.Jumlah}
		}
	}
	return m
}

// ListMasukanTPP implements GET /api/v1/masukan-tpp/{tahun}/{bulan}.
func (h *Handler) ListMasukanTPP(ctx context.Context, r apigen.ListMasukanTPPRequestObject) (apigen.ListMasukanTPPResponseObject, error) {
	pg := service.NewPage(r.Params.Page, r.Params.PageSize)
	items, total, err := h.MasukanTPP.List(ctx, r.Tahun, time.Month(r.Bulan), pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListMasukanTPP200JSONResponse{Items: make([]apigen.MasukanTPP, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, m := range items {
		out.Items[i] = toAPIMasukanTPP(m)
	}
	return out, nil
}

// PutMasukanTPP implements PUT /api/v1/masukan-tpp/{tahun}/{bulan}.
func (h *Handler) PutMasukanTPP(ctx context.Context, r apigen.PutMasukanTPPRequestObject) (apigen.PutMasukanTPPResponseObject, error) {
	items := make([]domain.MasukanTPP, len(r.Body.Items))
	for i, it := range r.Body.Items {
		items[i] = toDomainMasukanTPP(it)
	}
	n, err := h.MasukanTPP.Put(ctx, r.Tahun, time.Month(r.Bulan), items)
	if err != nil {
		return nil, err
	}
	return apigen.PutMasukanTPP200JSONResponse{Jumlah: n}, nil
}
