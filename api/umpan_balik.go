package api

import (
	"context"

	"github.com/oapi-codegen/nullable"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// umpanBalikResponden is the element type of UmpanBalik.responden.
type umpanBalikResponden = struct {
	Dijawab bool   `json:"dijawab"`
	Nama    string `json:"nama"`
	Nip     string `json:"nip"`
}

// toAPIUmpanBalik renders a request as its party may see it; hidden parts are null.
func toAPIUmpanBalik(v domain.UmpanBalikView) apigen.UmpanBalik {
	out := apigen.UmpanBalik{Id: uuidOf(v.ID), Nip: v.NIP, Nama: v.Nama, Tahun: v.Tahun, BatasWaktu: dateOf(v.BatasWaktu),
		DimintaOleh: v.DimintaOleh, JumlahResponden: v.JumlahResponden, JumlahJawaban: v.JumlahJawaban, CreatedAt: v.CreatedAt,
		Periode: nullable.NewNullNullable[int](), Pesan: nullable.NewNullNullable[string](),
		Responden: nullable.NewNullNullable[[]umpanBalikResponden](), Hasil: nullable.NewNullNullable[[]apigen.RatingUmpanBalik](),
		SudahDijawabSaya: nullable.NewNullNullable[bool]()}
	if v.Periode != 0 {
		out.Periode.Set(v.Periode)
	}
	if v.Pesan != "" {
		out.Pesan.Set(v.Pesan)
	}
	if v.Responden != nil {
		rs := make([]umpanBalikResponden, len(v.Responden))
		for i, r := range v.Responden {
			rs[i] = umpanBalikResponden{Nip: r.NIP, Nama: r.Nama, Dijawab: r.Dijawab}
		}
		out.Responden.Set(rs)
	}
	if v.Hasil != nil {
		hs := make([]apigen.RatingUmpanBalik, len(v.Hasil))
		for i, h := range v.Hasil {
			hs[i] = apigen.RatingUmpanBalik{Nilai: apigen.NilaiBerakhlak(h.Nilai), Jumlah: h.Jumlah, DiAtas: h.DiAtas,
				Sesuai: h.Sesuai, DiBawah: h.DiBawah, Komentar: append([]string{}, h.Komentar...)}
		}
		out.Hasil.Set(hs)
	}
	if v.SudahDijawabSaya != nil {
		out.SudahDijawabSaya.Set(*v.SudahDijawabSaya)
	}
	return out
}

// ListUmpanBalik implements GET /api/v1/umpan-balik.
func (h *Handler) ListUmpanBalik(ctx context.Context, r apigen.ListUmpanBalikRequestObject) (apigen.ListUmpanBalikResponseObject, error) {
	p := r.Params
	pg := service.NewPage(p.Page, p.PageSize)
	f := domain.UmpanBalikFilter{Tahun: intOr(p.Tahun), NIP: strOr(p.Nip)}
	items, total, err := h.UmpanBalik.List(ctx, f, p.TugasSaya != nil && *p.TugasSaya, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListUmpanBalik200JSONResponse{Items: make([]apigen.UmpanBalik, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, v := range items {
		out.Items[i] = toAPIUmpanBalik(v)
	}
	return out, nil
}

// CreateUmpanBalik implements POST /api/v1/umpan-balik.
func (h *Handler) CreateUmpanBalik(ctx context.Context, r apigen.CreateUmpanBalikRequestObject) (apigen.CreateUmpanBalikResponseObject, error) {
	b := r.Body
	v, err := h.UmpanBalik.Create(ctx, service.UmpanBalikInput{NIP: b.Nip, Tahun: b.Tahun, Periode: intOr(b.Periode),
		BatasWaktu: b.BatasWaktu.Time, Pesan: strOr(b.Pesan), Responden: b.Responden})
	if err != nil {
		return nil, err
	}
	return apigen.CreateUmpanBalik201JSONResponse(toAPIUmpanBalik(v)), nil
}

// GetUmpanBalik implements GET /api/v1/umpan-balik/{id}.
func (h *Handler) GetUmpanBalik(ctx context.Context, r apigen.GetUmpanBalikRequestObject) (apigen.GetUmpanBalikResponseObject, error) {
	v, err := h.UmpanBalik.Get(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.GetUmpanBalik200JSONResponse(toAPIUmpanBalik(v)), nil
}

// JawabUmpanBalik implements POST /api/v1/umpan-balik/{id}/jawaban.
func (h *Handler) JawabUmpanBalik(ctx context.Context, r apigen.JawabUmpanBalikRequestObject) (apigen.JawabUmpanBalikResponseObject, error) {
	js := make([]domain.JawabanNilai, len(r.Body.Jawaban))
	for i, j := range r.Body.Jawaban {
		js[i] = domain.JawabanNilai{Nilai: string(j.Nilai), Rating: domain.Rating(j.Rating), Komentar: strOr(j.Komentar)}
	}
	if err := h.UmpanBalik.Answer(ctx, r.Id.String(), js); err != nil {
		return nil, err
	}
	return apigen.JawabUmpanBalik204Response{}, nil
}
