package api

import (
	"context"
	"math/big"
	"strconv"

	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/api/jsondate"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// percentOf renders an exact percentage as a JSON number with two decimals.
func percentOf(r *big.Rat) nullable.Nullable[float64] {
	if r == nil {
		return nullable.NewNullNullable[float64]()
	}
	f, _ := strconv.ParseFloat(r.FloatString(2), 64)
	return nullable.NewNullableWithValue(f)
}

func nullableEnum[T ~string](s string) nullable.Nullable[T] {
	if s == "" {
		return nullable.NewNullNullable[T]()
	}
	return nullable.NewNullableWithValue(T(s))
}

// nilaiPerilakuKeys maps the BerAKHLAK values to their JSON fields.
var nilaiPerilakuKeys = map[string]func(n *apigen.NilaiPerilaku) **int{
	"BERORIENTASI_PELAYANAN": func(n *apigen.NilaiPerilaku) **int { return &n.BerorientasiPelayanan },
	"AKUNTABEL":              func(n *apigen.NilaiPerilaku) **int { return &n.Akuntabel },
	"KOMPETEN":               func(n *apigen.NilaiPerilaku) **int { return &n.Kompeten },
	"HARMONIS":               func(n *apigen.NilaiPerilaku) **int { return &n.Harmonis },
	"LOYAL":                  func(n *apigen.NilaiPerilaku) **int { return &n.Loyal },
	"ADAPTIF":                func(n *apigen.NilaiPerilaku) **int { return &n.Adaptif },
	"KOLABORATIF":            func(n *apigen.NilaiPerilaku) **int { return &n.Kolaboratif },
}

func toAPIPenilaianRingkas(p domain.Penilaian) apigen.PenilaianRingkas {
	return apigen.PenilaianRingkas{Id: uuidOf(p.ID), SkpId: uuidOf(p.SKPID), Nip: p.NIP, Nama: p.Nama, UnitKerjaId: uuidOf(p.UnitKerjaID),
		UnitKerjaNama: p.UnitKerjaNama, Tahun: p.Tahun, Jenis: apigen.JenisPenilaian(p.Jenis), Periode: p.Periode,
		TanggalMulai: dateOf(p.TanggalMulai), TanggalSelesai: dateOf(p.TanggalSelesai), Status: apigen.StatusPenilaian(p.Status),
		RatingHasil: nullableEnum[apigen.Rating](string(p.RatingHasil)), RatingPerilaku: nullableEnum[apigen.Rating](string(p.RatingPerilaku)),
		Predikat: nullableEnum[apigen.Predikat](string(p.Predikat)), Version: p.Version}
}

func toAPIPenilaian(ctx context.Context, v service.PenilaianView) apigen.Penilaian {
	p := v.Penilaian
	out := apigen.Penilaian{Id: uuidOf(p.ID), SkpId: uuidOf(p.SKPID), Nip: p.NIP, Nama: p.Nama, UnitKerjaId: uuidOf(p.UnitKerjaID),
		UnitKerjaNama: p.UnitKerjaNama, Tahun: p.Tahun, Jenis: apigen.JenisPenilaian(p.Jenis), Periode: p.Periode,
		TanggalMulai: dateOf(p.TanggalMulai), TanggalSelesai: dateOf(p.TanggalSelesai), Status: apigen.StatusPenilaian(p.Status),
		RatingHasil: nullableEnum[apigen.Rating](string(p.RatingHasil)), RatingPerilaku: nullableEnum[apigen.Rating](string(p.RatingPerilaku)),
		Predikat: nullableEnum[apigen.Predikat](string(p.Predikat)), PredikatAwal: nullableEnum[apigen.Predikat](string(p.PredikatAwal)),
		PredikatOrganisasi: nullableEnum[apigen.PredikatOrganisasiNilai](string(v.Organisasi)),
		Capaian:            percentOf(v.CapaianRata), Penilai: apigen.Pejabat{Nip: p.Penilai.NIP, Nama: p.Penilai.Nama},
		AtasanPenilai: toAPIPejabat(p.AtasanPenilai), HasilDariUnit: p.HasilDariUnit, UmpanBalik: nullableStr(p.UmpanBalik),
		DifinalkanAt: nullableTime(p.DifinalkanAt), KeberatanId: nullable.NewNullNullable[openapi_types.UUID](),
		BatasKeberatan: nullable.NewNullNullable[jsondate.Date](),
		Penjelasan:     p.Penjelasan(langOf(ctx), v.Organisasi, v.CapaianRata), Version: p.Version,
		CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt, Realisasi: []apigen.RealisasiIKI{}}
	if p.KeberatanID != "" {
		out.KeberatanId = nullable.NewNullableWithValue(uuidOf(p.KeberatanID))
	}
	if v.BatasKeberatan != nil {
		out.BatasKeberatan = nullable.NewNullableWithValue(dateOf(*v.BatasKeberatan))
	}
	if len(p.NilaiPerilaku) > 0 {
		n := &apigen.NilaiPerilaku{}
		for k, val := range p.NilaiPerilaku {
			if f, ok := nilaiPerilakuKeys[k]; ok {
				x := val
				*f(n) = &x
			}
		}
		out.NilaiPerilaku = n
	}
	real := map[string]domain.Realisasi{}
	for _, r := range p.Realisasi {
		real[r.IKIID] = r
	}
	for _, r := range v.SKP.RHK {
		for _, k := range r.Indikator {
			row := apigen.RealisasiIKI{IkiId: uuidOf(k.ID), RhkId: uuidOf(r.ID), RhkUraian: r.Uraian, JenisRhk: apigen.JenisRHK(r.Jenis),
				Aspek: apigen.AspekIKI(k.Aspek), Indikator: k.Uraian, Target: numberOf(k.Target), Satuan: k.Satuan,
				Polaritas: apigen.Polaritas(k.Polaritas), Realisasi: nullable.NewNullNullable[float64](),
				Capaian: percentOf(v.Capaian[k.ID]), UmpanBalik: nullable.NewNullNullable[string]()}
			if x, ok := real[k.ID]; ok {
				row.Realisasi = nullable.NewNullableWithValue(numberOf(x.Realisasi))
				row.UmpanBalik = nullableStr(x.UmpanBalik)
			}
			out.Realisasi = append(out.Realisasi, row)
		}
	}
	return out
}

func (h *Handler) ListPenilaian(ctx context.Context, r apigen.ListPenilaianRequestObject) (apigen.ListPenilaianResponseObject, error) {
	p := r.Params
	pg := service.NewPage(p.Page, p.PageSize)
	f := domain.PenilaianFilter{Tahun: intOr(p.Tahun), Periode: p.Periode, NIP: strOr(p.Nip)}
	if p.Jenis != nil {
		f.Jenis = string(*p.Jenis)
	}
	if p.Status != nil {
		f.Status = domain.StatusPenilaian(*p.Status)
	}
	if p.UnitKerjaId != nil {
		f.UnitKerjaID = p.UnitKerjaId.String()
	}
	items, total, err := h.Penilaian.List(ctx, f, p.DinilaiSaya != nil && *p.DinilaiSaya, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.PenilaianPage{Items: make([]apigen.PenilaianRingkas, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, x := range items {
		out.Items[i] = toAPIPenilaianRingkas(x)
	}
	return apigen.ListPenilaian200JSONResponse(out), nil
}

func (h *Handler) CreatePenilaian(ctx context.Context, r apigen.CreatePenilaianRequestObject) (apigen.CreatePenilaianResponseObject, error) {
	v, err := h.Penilaian.Create(ctx, r.Body.SkpId.String(), string(r.Body.Jenis), intOr(r.Body.Periode))
	if err != nil {
		return nil, err
	}
	return apigen.CreatePenilaian201JSONResponse{Body: toAPIPenilaian(ctx, v),
		Headers: apigen.CreatePenilaian201ResponseHeaders{ETag: etag(v.Version)}}, nil
}

func (h *Handler) GetPenilaian(ctx context.Context, r apigen.GetPenilaianRequestObject) (apigen.GetPenilaianResponseObject, error) {
	v, err := h.Penilaian.Get(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.GetPenilaian200JSONResponse{Body: toAPIPenilaian(ctx, v),
		Headers: apigen.GetPenilaian200ResponseHeaders{ETag: etag(v.Version)}}, nil
}

func (h *Handler) PutPenilaianIsi(ctx context.Context, r apigen.PutPenilaianIsiRequestObject) (apigen.PutPenilaianIsiResponseObject, error) {
	expected, err := ifMatch(r.Params.IfMatch)
	if err != nil {
		return nil, err
	}
	b := r.Body
	in := service.PenilaianIsi{UmpanBalik: b.UmpanBalik}
	if b.Realisasi != nil {
		rs := make([]domain.Realisasi, len(*b.Realisasi))
		for i, x := range *b.Realisasi {
			rs[i] = domain.Realisasi{IKIID: x.IkiId.String(), Realisasi: decimalOf(x.Realisasi), UmpanBalik: strOr(x.UmpanBalik)}
		}
		in.Realisasi = &rs
	}
	if b.RatingHasil != nil {
		x := domain.Rating(*b.RatingHasil)
		in.RatingHasil = &x
	}
	if b.RatingPerilaku != nil {
		x := domain.Rating(*b.RatingPerilaku)
		in.RatingPerilaku = &x
	}
	if b.NilaiPerilaku != nil {
		in.NilaiPerilaku = map[string]int{}
		for k, f := range nilaiPerilakuKeys {
			if v := *f(b.NilaiPerilaku); v != nil {
				in.NilaiPerilaku[k] = *v
			}
		}
	}
	v, err := h.Penilaian.PutIsi(ctx, r.Id.String(), in, expected)
	if err != nil {
		return nil, err
	}
	return apigen.PutPenilaianIsi200JSONResponse{Body: toAPIPenilaian(ctx, v),
		Headers: apigen.PutPenilaianIsi200ResponseHeaders{ETag: etag(v.Version)}}, nil
}

func toAPIDistribusi(ctx context.Context, d service.DistribusiView) apigen.Distribusi {
	out := apigen.Distribusi{UnitKerjaId: uuidOf(d.Unit.ID), UnitKerjaNama: d.Unit.Nama, Tahun: d.Tahun,
		Jenis: apigen.JenisPenilaian(d.Jenis), Periode: d.Periode, Jumlah: d.Jumlah, TanpaPredikat: &d.TanpaPredikat,
		PredikatOrganisasi: nullableEnum[apigen.PredikatOrganisasiNilai](string(d.Organisasi)), Valid: d.Valid(),
		Mode: apigen.ModeDistribusi(d.Mode), Catatan: nullableStr(pick(d.Catatan, langOf(ctx)))}
	out.Sebaran.SANGATBAIK = d.Sebaran[domain.SangatBaik]
	out.Sebaran.BAIK = d.Sebaran[domain.Baik]
	out.Sebaran.BUTUHPERBAIKAN = d.Sebaran[domain.ButuhPerbaikan]
	out.Sebaran.KURANGMISCONDUCT = d.Sebaran[domain.KurangMisconduct]
	out.Sebaran.SANGATKURANG = d.Sebaran[domain.SangatKurang]
	out.Pelanggaran = make([]struct {
		Aturan   apigen.DistribusiPelanggaranAturan `json:"aturan"`
		Batas    int                                `json:"batas"`
		Jumlah   int                                `json:"jumlah"`
		Pesan    string                             `json:"pesan"`
		Predikat []apigen.Predikat                  `json:"predikat"`
	}, len(d.Pelanggaran))
	for i, v := range d.Pelanggaran {
		x := &out.Pelanggaran[i]
		x.Aturan, x.Batas, x.Jumlah, x.Pesan = apigen.DistribusiPelanggaranAturan(v.Rule), v.Limit, v.Count, pick(v.Text, langOf(ctx))
		for _, p := range v.Predikat {
			x.Predikat = append(x.Predikat, apigen.Predikat(p))
		}
	}
	return out
}

func toAPIFinalisasi(ctx context.Context, f service.FinalisasiView) apigen.FinalisasiHasil {
	out := apigen.FinalisasiHasil{Difinalkan: make([]openapi_types.UUID, len(f.Difinalkan)), Distribusi: toAPIDistribusi(ctx, f.Distribusi)}
	for i, id := range f.Difinalkan {
		out.Difinalkan[i] = uuidOf(id)
	}
	out.Dilewati = make([]struct {
		Alasan string             `json:"alasan"`
		Id     openapi_types.UUID `json:"id"`
	}, len(f.Dilewati))
	for i, d := range f.Dilewati {
		out.Dilewati[i].Alasan, out.Dilewati[i].Id = pick(d.Alasan, langOf(ctx)), uuidOf(d.ID)
	}
	return out
}

func (h *Handler) FinalkanPenilaian(ctx context.Context, r apigen.FinalkanPenilaianRequestObject) (apigen.FinalkanPenilaianResponseObject, error) {
	f, err := h.Penilaian.Finalkan(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.FinalkanPenilaian200JSONResponse(toAPIFinalisasi(ctx, f)), nil
}

func (h *Handler) FinalisasiPenilaian(ctx context.Context, r apigen.FinalisasiPenilaianRequestObject) (apigen.FinalisasiPenilaianResponseObject, error) {
	b := r.Body
	f, err := h.Penilaian.Finalisasi(ctx, b.UnitKerjaId.String(), b.Tahun, string(b.Jenis), intOr(b.Periode))
	if err != nil {
		return nil, err
	}
	return apigen.FinalisasiPenilaian200JSONResponse(toAPIFinalisasi(ctx, f)), nil
}

func (h *Handler) GetDistribusiPredikat(ctx context.Context, r apigen.GetDistribusiPredikatRequestObject) (apigen.GetDistribusiPredikatResponseObject, error) {
	p := r.Params
	d, err := h.Penilaian.Distribusi(ctx, p.UnitKerjaId.String(), p.Tahun, string(p.Jenis), intOr(p.Periode))
	if err != nil {
		return nil, err
	}
	return apigen.GetDistribusiPredikat200JSONResponse(toAPIDistribusi(ctx, d)), nil
}

func toAPIPenetapan(p domain.PenetapanOrganisasi) apigen.PredikatOrganisasi {
	return apigen.PredikatOrganisasi{Id: uuidOf(p.ID), UnitKerjaId: uuidOf(p.UnitKerjaID), UnitKerjaNama: p.UnitKerjaNama,
		Tahun: p.Tahun, Jenis: apigen.JenisPenilaian(p.Jenis), Periode: p.Periode, Predikat: apigen.PredikatOrganisasiNilai(p.Predikat),
		Catatan: nullableStr(p.Catatan), DitetapkanOleh: p.DitetapkanOleh, UpdatedAt: p.UpdatedAt}
}

func (h *Handler) ListPredikatOrganisasi(ctx context.Context, r apigen.ListPredikatOrganisasiRequestObject) (apigen.ListPredikatOrganisasiResponseObject, error) {
	p := r.Params
	jenis, unit := "", ""
	if p.Jenis != nil {
		jenis = string(*p.Jenis)
	}
	if p.UnitKerjaId != nil {
		unit = p.UnitKerjaId.String()
	}
	ps, err := h.Penilaian.ListOrganisasi(ctx, intOr(p.Tahun), jenis, p.Periode, unit)
	if err != nil {
		return nil, err
	}
	out := apigen.ListPredikatOrganisasi200JSONResponse{Items: make([]apigen.PredikatOrganisasi, len(ps))}
	for i, x := range ps {
		out.Items[i] = toAPIPenetapan(x)
	}
	return out, nil
}

func (h *Handler) PutPredikatOrganisasi(ctx context.Context, r apigen.PutPredikatOrganisasiRequestObject) (apigen.PutPredikatOrganisasiResponseObject, error) {
	b := r.Body
	p, err := h.Penilaian.PutOrganisasi(ctx, service.PenetapanInput{UnitKerjaID: b.UnitKerjaId.String(), Jenis: string(b.Jenis),
		Tahun: b.Tahun, Periode: intOr(b.Periode), Predikat: domain.PredikatOrganisasi(b.Predikat), Catatan: strOr(b.Catatan)})
	if err != nil {
		return nil, err
	}
	return apigen.PutPredikatOrganisasi200JSONResponse(toAPIPenetapan(p)), nil
}
