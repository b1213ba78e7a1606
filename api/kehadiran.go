package api

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// kehadiranLokalLayout renders an instant in the unit's zone without an offset.
const kehadiranLokalLayout = "2006-01-02T15:04:05"

func nullableFloat(p *float64) nullable.Nullable[float64] {
	if p == nil {
		return nullable.NewNullNullable[float64]()
	}
	return nullable.NewNullableWithValue(*p)
}

func toAPIKehadiran(k domain.Kehadiran) apigen.Kehadiran {
	out := apigen.Kehadiran{Id: uuidOf(k.ID), Nip: k.NIP, Nama: k.Nama, Waktu: k.Waktu.UTC(),
		Jenis: nullableEnum[apigen.KehadiranJenis](string(k.Jenis)), Sumber: apigen.KehadiranSumber(k.Sumber),
		WaktuKlien: nullableTime(k.WaktuKlien), Lintang: nullableFloat(k.Lintang), Bujur: nullableFloat(k.Bujur),
		PerangkatId: nullableStr(k.PerangkatID), MenggantikanId: nullable.NewNullNullable[openapi_types.UUID](),
		Alasan: nullableStr(k.Alasan), Dikoreksi: k.Dikoreksi, DicatatOleh: nullableStr(k.DicatatOleh), CreatedAt: k.CreatedAt}
	if !k.WaktuLokal.IsZero() {
		s := k.WaktuLokal.Format(kehadiranLokalLayout)
		out.WaktuLokal = &s
	}
	if k.MenggantikanID != "" {
		out.MenggantikanId = nullable.NewNullableWithValue(uuidOf(k.MenggantikanID))
	}
	return out
}

// ListKehadiran implements GET /api/v1/kehadiran.
func (h *Handler) ListKehadiran(ctx context.Context, r apigen.ListKehadiranRequestObject) (apigen.ListKehadiranResponseObject, error) {
	pg := service.NewPage(r.Params.Page, r.Params.PageSize)
	q := service.KehadiranQuery{NIP: strOr(r.Params.Nip), Dari: datePtr(r.Params.Dari), Sampai: datePtr(r.Params.Sampai),
		TermasukDikoreksi: r.Params.TermasukDikoreksi != nil && *r.Params.TermasukDikoreksi}
	items, total, err := h.Kehadiran.List(ctx, q, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListKehadiran200JSONResponse{Items: make([]apigen.Kehadiran, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, k := range items {
		out.Items[i] = toAPIKehadiran(k)
	}
	return out, nil
}

// CheckInKehadiran implements POST /api/v1/kehadiran.
func (h *Handler) CheckInKehadiran(ctx context.Context, r apigen.CheckInKehadiranRequestObject) (apigen.CheckInKehadiranResponseObject, error) {
	b := r.Body
	in := service.CheckInInput{Jenis: domain.JenisRekaman(b.Jenis), WaktuKlien: b.WaktuKlien, Lintang: b.Lintang,
		Bujur: b.Bujur, PerangkatID: strOr(b.PerangkatId)}
	if r.Params.IdempotencyKey != nil {
		in.Kunci = *r.Params.IdempotencyKey
	}
	k, added, err := h.Kehadiran.CheckIn(ctx, in)
	if err != nil {
		return nil, err
	}
	if !added {
		return apigen.CheckInKehadiran200JSONResponse(toAPIKehadiran(k)), nil
	}
	return apigen.CheckInKehadiran201JSONResponse(toAPIKehadiran(k)), nil
}

// KoreksiKehadiran implements POST /api/v1/kehadiran/koreksi.
func (h *Handler) KoreksiKehadiran(ctx context.Context, r apigen.KoreksiKehadiranRequestObject) (apigen.KoreksiKehadiranResponseObject, error) {
	b := r.Body
	in := service.KoreksiInput{NIP: b.Nip, Waktu: b.Waktu, Alasan: b.Alasan}
	if b.Jenis != nil {
		j := domain.JenisRekaman(*b.Jenis)
		in.Jenis = &j
	}
	if b.MenggantikanId != nil {
		in.MenggantikanID = b.MenggantikanId.String()
	}
	k, err := h.Kehadiran.Koreksi(ctx, in)
	if err != nil {
		return nil, err
	}
	return apigen.KoreksiKehadiran201JSONResponse(toAPIKehadiran(k)), nil
}

// toAPIImporKehadiran renders an import report; row details are in the language of
// the request.
func toAPIImporKehadiran(r service.ImporKehadiranHasil, l string) apigen.ImporKehadiranHasil {
	out := apigen.ImporKehadiranHasil{Total: r.Total, Ditambahkan: r.Ditambahkan, SudahAda: r.SudahAda, DryRun: r.DryRun}
	out.Errors = make([]struct {
		Baris  int    `json:"baris"`
		Code   string `json:"code"`
		Detail string `json:"detail"`
		Field  string `json:"field"`
	}, len(r.Errors))
	for i, e := range r.Errors {
		out.Errors[i].Baris, out.Errors[i].Code, out.Errors[i].Field = e.Baris, e.Kode, e.Kolom
		out.Errors[i].Detail = pick(e.Text, l)
	}
	return out
}

// ImportKehadiran implements POST /api/v1/kehadiran/impor.
func (h *Handler) ImportKehadiran(ctx context.Context, r apigen.ImportKehadiranRequestObject) (apigen.ImportKehadiranResponseObject, error) {
	body := r.Body
	if r.TextBody != nil {
		body = strings.NewReader(*r.TextBody)
	}
	if body == nil {
		body = strings.NewReader("")
	}
	in := service.ImporKehadiranInput{Format: string(r.Params.Format), Mesin: strOr(r.Params.Mesin),
		DryRun: r.Params.DryRun != nil && *r.Params.DryRun, Body: body}
	rep, err := h.Kehadiran.Import(ctx, in)
	if err != nil {
		return nil, err
	}
	l := langOf(ctx)
	if rep.Salah > 0 {
		// A rejected file is an error like any other (problem+json), carrying the report.
		detail := pick(domain.Text{
			ID: fmt.Sprintf("%d baris salah; tidak ada data yang disimpan.", rep.Salah),
			EN: fmt.Sprintf("%d rows are wrong; nothing was stored.", rep.Salah)}, l)
		reqID := requestIDOf(ctx)
		return apigen.ImportKehadiran422ApplicationProblemPlusJSONResponse{
			Type: problemType("import_rejected"), Title: pick(statusText[http.StatusUnprocessableEntity], l),
			Status: http.StatusUnprocessableEntity, Code: "import_rejected", Detail: &detail, RequestId: &reqID,
			Laporan: toAPIImporKehadiran(rep, l)}, nil
	}
	return apigen.ImportKehadiran200JSONResponse(toAPIImporKehadiran(rep, l)), nil
}

// ListPemetaanMesin implements GET /api/v1/mesin-absensi/pemetaan.
func (h *Handler) ListPemetaanMesin(ctx context.Context, r apigen.ListPemetaanMesinRequestObject) (apigen.ListPemetaanMesinResponseObject, error) {
	items, err := h.Kehadiran.ListPemetaan(ctx, strOr(r.Params.Mesin))
	if err != nil {
		return nil, err
	}
	out := apigen.ListPemetaanMesin200JSONResponse{Items: make([]apigen.PemetaanMesin, len(items))}
	for i, m := range items {
		out.Items[i] = apigen.PemetaanMesin{Mesin: m.Mesin, UserId: m.UserID, Nip: m.NIP}
	}
	return out, nil
}

// PutPemetaanMesin implements PUT /api/v1/mesin-absensi/pemetaan.
func (h *Handler) PutPemetaanMesin(ctx context.Context, r apigen.PutPemetaanMesinRequestObject) (apigen.PutPemetaanMesinResponseObject, error) {
	items := make([]domain.PemetaanMesin, len(r.Body.Items))
	for i, m := range r.Body.Items {
		items[i] = domain.PemetaanMesin{Mesin: m.Mesin, UserID: m.UserId, NIP: m.Nip}
	}
	n, err := h.Kehadiran.PutPemetaan(ctx, items)
	if err != nil {
		return nil, err
	}
	return apigen.PutPemetaanMesin200JSONResponse{Disimpan: n}, nil
}
