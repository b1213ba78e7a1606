package api

import (
	"context"
	"time"

	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/service"
)

// SimulateTPP implements POST /api/v1/tpp/simulasi.
func (h *Handler) SimulateTPP(ctx context.Context, r apigen.SimulateTPPRequestObject) (apigen.SimulateTPPResponseObject, error) {
	b := r.Body
	in := service.SimulasiInput{Tahun: intOr(b.Tahun), Bulan: time.Month(intOr(b.Bulan)), Rinci: derefBool(b.Rinci)}
	if b.AturanTppId != nil {
		in.AturanID = b.AturanTppId.String()
	}
	if b.UnitKerjaId != nil {
		in.UnitKerjaID = b.UnitKerjaId.String()
	}
	if b.Profil != nil {
		p, err := toDomainProfilTPP(*b.Profil)
		if err != nil {
			return nil, err
		}
		in.Profil = &p
	}
	if b.Fakta != nil {
		fs, err := toDomainFaktaTPP(*b.Fakta, "fakta")
		if err != nil {
			return nil, err
		}
		in.Fakta = fs
	}
	v, err := h.TPP.Simulasi(ctx, in)
	if err != nil {
		return nil, err
	}
	return apigen.SimulateTPP200JSONResponse(toAPISimulasiTPP(v, langOf(ctx))), nil
}

func toAPISimulasiTPP(v service.SimulasiView, lang string) apigen.SimulasiTPP {
	out := apigen.SimulasiTPP{Total: toAPIRingkasanTPP(v.Total), Hasil: make([]apigen.HasilTPP, len(v.Hasil)),
		PerUnit: toAPIPemakaianPagu(v.PerUnit), Baris: make([]apigen.BarisTPP, len(v.Baris)),
		AturanTppId: nullable.NewNullNullable[openapi_types.UUID]()}
	for i, hs := range v.Hasil {
		out.Hasil[i] = toAPIHasilTPP(hs, lang)
	}
	for i, b := range v.Baris {
		out.Baris[i] = toAPIBarisTPP(b)
	}
	if v.Aturan != nil {
		out.AturanTppId = nullable.NewNullableWithValue(uuidOf(v.Aturan.ID))
	}
	if v.Tahun != 0 {
		t := v.Tahun
		out.Tahun = &t
	}
	if v.Bulan != 0 {
		m := int(v.Bulan)
		out.Bulan = &m
	}
	return out
}
