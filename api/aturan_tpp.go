package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/oapi-codegen/nullable"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/api/jsondate"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// toAPIProfilTPP renders a profile as the JSON object it is stored as; numbers stay
// exact decimals (json.Number), not float64.
func toAPIProfilTPP(p domain.ProfilTPP) (apigen.ProfilTPP, error) {
	raw, err := p.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("encode profil: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var out apigen.ProfilTPP
	if err := dec.Decode(&out); err != nil {
		return nil, fmt.Errorf("decode profil: %w", err)
	}
	return out, nil
}

func toAPIAturanTPP(a domain.AturanTPP) (apigen.AturanTPP, error) {
	prof, err := toAPIProfilTPP(a.Profil)
	if err != nil {
		return apigen.AturanTPP{}, err
	}
	out := apigen.AturanTPP{Id: uuidOf(a.ID), Versi: a.Versi, Nama: a.Nama, DasarHukum: a.DasarHukum,
		Keterangan: a.Keterangan, BerlakuMulai: dateOf(a.BerlakuMulai), Profil: prof, Digunakan: a.Digunakan,
		Version: a.Version, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt,
		BerlakuSampai: nullable.NewNullNullable[jsondate.Date]()}
	if a.BerlakuSampai != nil {
		out.BerlakuSampai = nullable.NewNullableWithValue(dateOf(*a.BerlakuSampai))
	}
	return out, nil
}

// toServiceAturanTPPInput reads the body. The inline profile is parsed only when no
// preset is given; with both, a placeholder profile lets the service refuse the pair.
func toServiceAturanTPPInput(b *apigen.AturanTPPInput) (service.AturanTPPInput, error) {
	in := service.AturanTPPInput{Nama: b.Nama, DasarHukum: strOr(b.DasarHukum), Keterangan: strOr(b.Keterangan),
		BerlakuMulai: b.BerlakuMulai.Time}
	if b.Preset != nil {
		in.Preset = string(*b.Preset)
	}
	switch {
	case b.Profil != nil && b.Preset != nil:
		in.Profil = &domain.ProfilTPP{}
	case b.Profil != nil:
		p, err := toDomainProfilTPP(*b.Profil)
		if err != nil {
			return in, err
		}
		in.Profil = &p
	}
	return in, nil
}

// ListAturanTPP implements GET /api/v1/aturan-tpp.
func (h *Handler) ListAturanTPP(ctx context.Context, r apigen.ListAturanTPPRequestObject) (apigen.ListAturanTPPResponseObject, error) {
	pg := service.NewPage(r.Params.Page, r.Params.PageSize)
	items, total, err := h.AturanTPP.List(ctx, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListAturanTPP200JSONResponse{Items: make([]apigen.AturanTPP, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, a := range items {
		if out.Items[i], err = toAPIAturanTPP(a); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// CreateAturanTPP implements POST /api/v1/aturan-tpp.
func (h *Handler) CreateAturanTPP(ctx context.Context, r apigen.CreateAturanTPPRequestObject) (apigen.CreateAturanTPPResponseObject, error) {
	in, err := toServiceAturanTPPInput(r.Body)
	if err != nil {
		return nil, err
	}
	a, replayed, err := h.AturanTPP.Create(ctx, in, strOr(r.Params.IdempotencyKey))
	if err != nil {
		return nil, err
	}
	body, err := toAPIAturanTPP(a)
	if err != nil {
		return nil, err
	}
	if replayed {
		return apigen.CreateAturanTPP200JSONResponse(body), nil
	}
	return apigen.CreateAturanTPP201JSONResponse{Body: body, Headers: apigen.CreateAturanTPP201ResponseHeaders{ETag: etag(a.Version)}}, nil
}

// GetAturanTPPBerlaku implements GET /api/v1/aturan-tpp/berlaku.
func (h *Handler) GetAturanTPPBerlaku(ctx context.Context, r apigen.GetAturanTPPBerlakuRequestObject) (apigen.GetAturanTPPBerlakuResponseObject, error) {
	a, err := h.AturanTPP.GetBerlaku(ctx, r.Params.Tahun, time.Month(r.Params.Bulan))
	if err != nil {
		return nil, err
	}
	body, err := toAPIAturanTPP(a)
	if err != nil {
		return nil, err
	}
	return apigen.GetAturanTPPBerlaku200JSONResponse{Body: body, Headers: apigen.GetAturanTPPBerlaku200ResponseHeaders{ETag: etag(a.Version)}}, nil
}

// ListPresetTPP implements GET /api/v1/aturan-tpp/preset. A preset's nama is the
// lead of its description (before the colon).
func (h *Handler) ListPresetTPP(ctx context.Context, _ apigen.ListPresetTPPRequestObject) (apigen.ListPresetTPPResponseObject, error) {
	ps, err := h.AturanTPP.Preset(ctx)
	if err != nil {
		return nil, err
	}
	l := langOf(ctx)
	out := apigen.ListPresetTPP200JSONResponse{Items: make([]apigen.PresetTPP, len(ps))}
	for i, p := range ps {
		prof, err := toAPIProfilTPP(p.Profil)
		if err != nil {
			return nil, err
		}
		uraian := pick(p.Info.Uraian, l)
		nama, _, _ := strings.Cut(uraian, ": ")
		out.Items[i] = apigen.PresetTPP{Kode: apigen.PresetTPPKode(p.Info.Kode), Nama: nama, Keterangan: uraian, Profil: prof}
	}
	return out, nil
}

// ValidateAturanTPP implements POST /api/v1/aturan-tpp/validasi: the profile is read
// exactly as a create request's, and its field errors (under "profil/") are the
// answer instead of a 422.
func (h *Handler) ValidateAturanTPP(ctx context.Context, r apigen.ValidateAturanTPPRequestObject) (apigen.ValidateAturanTPPResponseObject, error) {
	out := apigen.ValidateAturanTPP200JSONResponse{Valid: true}
	out.Errors = kegiatanSlice(out.Errors, 0)
	_, err := toDomainProfilTPP(r.Body.Profil)
	if err == nil {
		return out, nil
	}
	de, ok := domain.AsError(err)
	if !ok || de.Code != "profil_tidak_valid" {
		return nil, err
	}
	l := langOf(ctx)
	out.Valid, out.Errors = false, kegiatanSlice(out.Errors, len(de.Fields))
	for i, f := range de.Fields {
		out.Errors[i].Field, out.Errors[i].Code, out.Errors[i].Detail = f.Field, f.Code, pick(f.Text, l)
	}
	return out, nil
}

// GetAturanTPP implements GET /api/v1/aturan-tpp/{id}.
func (h *Handler) GetAturanTPP(ctx context.Context, r apigen.GetAturanTPPRequestObject) (apigen.GetAturanTPPResponseObject, error) {
	a, err := h.AturanTPP.Get(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	body, err := toAPIAturanTPP(a)
	if err != nil {
		return nil, err
	}
	return apigen.GetAturanTPP200JSONResponse{Body: body, Headers: apigen.GetAturanTPP200ResponseHeaders{ETag: etag(a.Version)}}, nil
}

// PutAturanTPP implements PUT /api/v1/aturan-tpp/{id}.
func (h *Handler) PutAturanTPP(ctx context.Context, r apigen.PutAturanTPPRequestObject) (apigen.PutAturanTPPResponseObject, error) {
	expected, err := ifMatch(r.Params.IfMatch)
	if err != nil {
		return nil, err
	}
	in, err := toServiceAturanTPPInput(r.Body)
	if err != nil {
		return nil, err
	}
	a, err := h.AturanTPP.Put(ctx, r.Id.String(), in, expected)
	if err != nil {
		return nil, err
	}
	body, err := toAPIAturanTPP(a)
	if err != nil {
		return nil, err
	}
	return apigen.PutAturanTPP200JSONResponse{Body: body, Headers: apigen.PutAturanTPP200ResponseHeaders{ETag: etag(a.Version)}}, nil
}

// DeleteAturanTPP implements DELETE /api/v1/aturan-tpp/{id}.
func (h *Handler) DeleteAturanTPP(ctx context.Context, r apigen.DeleteAturanTPPRequestObject) (apigen.DeleteAturanTPPResponseObject, error) {
	if err := h.AturanTPP.Delete(ctx, r.Id.String()); err != nil {
		return nil, err
	}
	return apigen.DeleteAturanTPP204Response{}, nil
}
