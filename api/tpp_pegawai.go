package api

import (
	"context"
	"time"

	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
)

// GetTPPPegawai implements GET /api/v1/pegawai/{nip}/tpp/{periode}.
func (h *Handler) GetTPPPegawai(ctx context.Context, r apigen.GetTPPPegawaiRequestObject) (apigen.GetTPPPegawaiResponseObject, error) {
	t, err := time.Parse("2006-01", r.Periode)
	if err != nil {
		return nil, domain.Invalid("periode", "format", "Periode ditulis YYYY-MM.", "The period is written YYYY-MM.")
	}
	v, err := h.TPP.Pegawai(ctx, r.Nip, t.Year(), t.Month())
	if err != nil {
		return nil, err
	}
	lang := langOf(ctx)
	out := apigen.GetTPPPegawai200JSONResponse{Nip: v.Pegawai.NIP, Nama: v.Pegawai.NamaLengkap(), Tahun: v.Tahun,
		Bulan: int(v.Bulan), Sumber: apigen.TPPPegawaiSumber(v.Sumber), Baris: toAPIBarisTPP(v.Baris),
		Hasil: toAPIHasilTPP(v.Hasil, lang), Ringkasan: domain.RingkasKan(v.Baris, v.Hasil, v.Tahun, v.Bulan, lang),
		PerhitunganTppId: nullable.NewNullNullable[openapi_types.UUID]()}
	if v.PerhitunganID != "" {
		out.PerhitunganTppId = nullable.NewNullableWithValue(uuidOf(v.PerhitunganID))
	}
	out.Koreksi = make([]struct {
		Dibayar          int64                      `json:"dibayar"`
		DisetujuiPada    time.Time                  `json:"disetujui_pada"`
		Jenis            apigen.JenisPerhitunganTPP `json:"jenis"`
		PerhitunganTppId openapi_types.UUID         `json:"perhitungan_tpp_id"`
	}, len(v.Koreksi))
	for i, k := range v.Koreksi {
		out.Koreksi[i].Dibayar, out.Koreksi[i].DisetujuiPada = k.Dibayar, k.DisetujuiPada
		out.Koreksi[i].Jenis, out.Koreksi[i].PerhitunganTppId = apigen.JenisPerhitunganTPP(k.Jenis), uuidOf(k.PerhitunganID)
	}
	return out, nil
}
