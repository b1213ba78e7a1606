package api

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

func toAPIRekening(r *domain.Rekening) *apigen.Rekening {
	if r == nil {
		return nil
	}
	out := &apigen.Rekening{NamaBank: r.NamaBank, Nomor: r.Nomor}
	if r.AtasNama != "" {
		out.AtasNama = &r.AtasNama
	}
	return out
}

func toDomainRekening(namaBank, nomor string, atasNama *string) *domain.Rekening {
	return &domain.Rekening{NamaBank: namaBank, Nomor: nomor, AtasNama: strOr(atasNama)}
}

func toAPIPegawai(v domain.PegawaiView) apigen.Pegawai {
	p := v.Pegawai
	return apigen.Pegawai{Id: uuidOf(p.ID), Nip: p.NIP, Nama: p.Nama, GelarDepan: &p.GelarDepan, GelarBelakang: &p.GelarBelakang,
		NamaLengkap: p.NamaLengkap(), JenisAsn: apigen.JenisASN(p.JenisASN), JenisKelamin: apigen.PegawaiJenisKelamin(p.JenisKelamin),
		TanggalLahir: dateOf(p.TanggalLahir), Tmt: dateOf(p.TMT), Golongan: v.Golongan, JabatanId: uuidOf(v.JabatanID),
		JabatanNama: v.JabatanNama, KelasJabatan: v.KelasJabatan, UnitKerjaId: uuidOf(v.UnitKerjaID),
		UnitKerjaNama: v.UnitKerjaNama, Status: apigen.StatusKepegawaian(v.Status), BerlakuMulai: dateOf(v.BerlakuMulai),
		Email: &p.Email, Telepon: &p.Telepon, Rekening: toAPIRekening(p.Rekening), Version: p.Version,
		CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
}

func toAPIRiwayat(r domain.Riwayat) apigen.Riwayat {
	return apigen.Riwayat{Id: uuidOf(r.ID), Jenis: apigen.JenisRiwayat(r.Jenis), BerlakuMulai: dateOf(r.BerlakuMulai),
		JabatanId: uuidOf(r.JabatanID), JabatanNama: r.JabatanNama, UnitKerjaId: uuidOf(r.UnitKerjaID),
		UnitKerjaNama: r.UnitKerjaNama, Golongan: r.Golongan, Status: apigen.StatusKepegawaian(r.Status),
		NomorSk: &r.NomorSK, Keterangan: &r.Keterangan, CreatedAt: r.CreatedAt}
}

func toAPIAtasan(a domain.Atasan) apigen.Atasan {
	return apigen.Atasan{Nip: a.NIP, Nama: a.Nama, JabatanId: uuidOf(a.JabatanID), JabatanNama: a.JabatanNama,
		Sumber: apigen.SumberPemangku(a.Sumber)}
}

func toAPIReportingLine(l service.ReportingLine) apigen.ReportingLine {
	v := l.Pegawai
	out := apigen.ReportingLine{Pegawai: apigen.PegawaiRingkas{Nip: v.NIP, Nama: v.Nama, JabatanId: uuidOf(v.JabatanID),
		JabatanNama: v.JabatanNama, UnitKerjaId: uuidOf(v.UnitKerjaID), UnitKerjaNama: v.UnitKerjaNama},
		Rantai: make([]apigen.Atasan, len(l.Rantai))}
	for i, a := range l.Rantai {
		out.Rantai[i] = toAPIAtasan(a)
	}
	if len(out.Rantai) > 0 {
		out.Penilai = &out.Rantai[0]
	}
	if len(out.Rantai) > 1 {
		out.AtasanPenilai = &out.Rantai[1]
	}
	return out
}

func toAPIBawahan(b service.Bawahan) apigen.PegawaiRingkas {
	return apigen.PegawaiRingkas{Nip: b.NIP, Nama: b.Nama, JabatanId: uuidOf(b.Jabatan.ID), JabatanNama: b.Jabatan.Nama,
		UnitKerjaId: uuidOf(b.Jabatan.UnitKerjaID), UnitKerjaNama: b.Jabatan.UnitKerjaNama}
}

// toAPIImportReport renders the report. The strict handler does not see
// Accept-Language, so row details are in Indonesian, the default language.
func toAPIImportReport(r service.ImportReport, l string) apigen.ImportReport {
	out := apigen.ImportReport{Total: r.Total, Dibuat: r.Dibuat, Diubah: r.Diubah, Tetap: r.Tetap, DryRun: r.DryRun}
	out.Errors = make([]struct {
		Baris  int     `json:"baris"`
		Code   string  `json:"code"`
		Detail string  `json:"detail"`
		Field  string  `json:"field"`
		Nip    *string `json:"nip,omitempty"`
	}, len(r.Errors))
	for i, e := range r.Errors {
		out.Errors[i].Baris, out.Errors[i].Code, out.Errors[i].Field = e.Baris, e.Code, e.Field
		out.Errors[i].Detail = pick(e.Text, l)
		if e.NIP != "" {
			nip := e.NIP
			out.Errors[i].Nip = &nip
		}
	}
	return out
}

// ListPegawai implements GET /api/v1/pegawai.
func (h *Handler) ListPegawai(ctx context.Context, r apigen.ListPegawaiRequestObject) (apigen.ListPegawaiResponseObject, error) {
	pg := service.NewPage(r.Params.Page, r.Params.PageSize)
	f := domain.PegawaiFilter{Q: strOr(r.Params.Q), Golongan: strOr(r.Params.Golongan)}
	if r.Params.UnitKerjaId != nil {
		f.UnitKerjaID = r.Params.UnitKerjaId.String()
	}
	if r.Params.JabatanId != nil {
		f.JabatanID = r.Params.JabatanId.String()
	}
	if r.Params.JenisAsn != nil {
		f.JenisASN = string(*r.Params.JenisAsn)
	}
	if r.Params.Status != nil {
		f.Status = string(*r.Params.Status)
	}
	items, total, err := h.Pegawai.List(ctx, f, datePtr(r.Params.Tanggal), pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListPegawai200JSONResponse{Items: make([]apigen.Pegawai, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, it := range items {
		out.Items[i] = toAPIPegawai(it)
	}
	return out, nil
}

// CreatePegawai implements POST /api/v1/pegawai.
func (h *Handler) CreatePegawai(ctx context.Context, r apigen.CreatePegawaiRequestObject) (apigen.CreatePegawaiResponseObject, error) {
	b := r.Body
	in := service.PegawaiInput{NIP: b.Nip, Nama: b.Nama, GelarDepan: strOr(b.GelarDepan), GelarBelakang: strOr(b.GelarBelakang),
		JenisASN: domain.JenisASN(b.JenisAsn), TMT: b.Tmt.Time, Golongan: b.Golongan, JabatanID: b.JabatanId.String(),
		BerlakuMulai: datePtr(b.BerlakuMulai), Telepon: strOr(b.Telepon)}
	if b.Status != nil {
		in.Status = domain.StatusKepegawaian(*b.Status)
	}
	if b.Email != nil {
		in.Email = string(*b.Email)
	}
	if b.Rekening != nil {
		in.Rekening = toDomainRekening(b.Rekening.NamaBank, b.Rekening.Nomor, b.Rekening.AtasNama)
	}
	v, err := h.Pegawai.Create(ctx, in)
	if err != nil {
		return nil, err
	}
	return apigen.CreatePegawai201JSONResponse{Body: toAPIPegawai(v), Headers: apigen.CreatePegawai201ResponseHeaders{ETag: etag(v.Version)}}, nil
}

// ImportPegawai implements POST /api/v1/pegawai/impor.
func (h *Handler) ImportPegawai(ctx context.Context, r apigen.ImportPegawaiRequestObject) (apigen.ImportPegawaiResponseObject, error) {
	dry := r.Params.DryRun != nil && *r.Params.DryRun
	rep, err := h.Pegawai.Import(ctx, r.Body, dry)
	if err != nil {
		return nil, err
	}
	l := langOf(ctx)
	if len(rep.Errors) > 0 {
		// A rejected file is an error like any other (problem+json), carrying the report.
		detail := pick(domain.Text{
			ID: fmt.Sprintf("%d baris salah; tidak ada data yang disimpan.", len(rep.Errors)),
			EN: fmt.Sprintf("%d rows are wrong; nothing was stored.", len(rep.Errors))}, l)
		reqID := requestIDOf(ctx)
		return apigen.ImportPegawai422ApplicationProblemPlusJSONResponse{
			Type: problemType("import_rejected"), Title: pick(statusText[http.StatusUnprocessableEntity], l),
			Status: http.StatusUnprocessableEntity, Code: "import_rejected", Detail: &detail, RequestId: &reqID,
			Laporan: toAPIImportReport(rep, l)}, nil
	}
	return apigen.ImportPegawai200JSONResponse(toAPIImportReport(rep, l)), nil
}

// ExportPegawai implements GET /api/v1/pegawai/ekspor.
func (h *Handler) ExportPegawai(ctx context.Context, r apigen.ExportPegawaiRequestObject) (apigen.ExportPegawaiResponseObject, error) {
	unit := ""
	if r.Params.UnitKerjaId != nil {
		unit = r.Params.UnitKerjaId.String()
	}
	b, day, err := h.Pegawai.Export(ctx, datePtr(r.Params.Tanggal), unit)
	if err != nil {
		return nil, err
	}
	cd := fmt.Sprintf(`attachment; filename="pegawai-%s.csv"`, day.Format(time.DateOnly))
	return apigen.ExportPegawai200TextcsvResponse{Body: bytes.NewReader(b), ContentLength: int64(len(b)),
		Headers: apigen.ExportPegawai200ResponseHeaders{ContentDisposition: &cd}}, nil
}

// GetPegawai implements GET /api/v1/pegawai/{nip}.
func (h *Handler) GetPegawai(ctx context.Context, r apigen.GetPegawaiRequestObject) (apigen.GetPegawaiResponseObject, error) {
	v, err := h.Pegawai.Get(ctx, r.Nip, datePtr(r.Params.Tanggal))
	if err != nil {
		return nil, err
	}
	return apigen.GetPegawai200JSONResponse{Body: toAPIPegawai(v), Headers: apigen.GetPegawai200ResponseHeaders{ETag: etag(v.Version)}}, nil
}

// UpdatePegawai implements PATCH /api/v1/pegawai/{nip}.
func (h *Handler) UpdatePegawai(ctx context.Context, r apigen.UpdatePegawaiRequestObject) (apigen.UpdatePegawaiResponseObject, error) {
	expected, err := ifMatch(r.Params.IfMatch)
	if err != nil {
		return nil, err
	}
	b := r.Body
	p := service.PegawaiPatch{Nama: b.Nama, GelarDepan: b.GelarDepan, GelarBelakang: b.GelarBelakang, Telepon: b.Telepon}
	if b.Email != nil {
		e := string(*b.Email)
		p.Email = &e
	}
	if b.Rekening.IsSpecified() {
		p.SetRekening = true
		if !b.Rekening.IsNull() {
			rk := b.Rekening.MustGet()
			p.Rekening = toDomainRekening(rk.NamaBank, rk.Nomor, rk.AtasNama)
		}
	}
	v, err := h.Pegawai.Update(ctx, r.Nip, p, expected)
	if err != nil {
		return nil, err
	}
	return apigen.UpdatePegawai200JSONResponse{Body: toAPIPegawai(v), Headers: apigen.UpdatePegawai200ResponseHeaders{ETag: etag(v.Version)}}, nil
}

// ListRiwayatPegawai implements GET /api/v1/pegawai/{nip}/riwayat.
func (h *Handler) ListRiwayatPegawai(ctx context.Context, r apigen.ListRiwayatPegawaiRequestObject) (apigen.ListRiwayatPegawaiResponseObject, error) {
	items, err := h.Pegawai.Riwayat(ctx, r.Nip)
	if err != nil {
		return nil, err
	}
	out := apigen.ListRiwayatPegawai200JSONResponse{Items: make([]apigen.Riwayat, len(items))}
	for i, it := range items {
		out.Items[i] = toAPIRiwayat(it)
	}
	return out, nil
}

// CreateRiwayatPegawai implements POST /api/v1/pegawai/{nip}/riwayat.
func (h *Handler) CreateRiwayatPegawai(ctx context.Context, r apigen.CreateRiwayatPegawaiRequestObject) (apigen.CreateRiwayatPegawaiResponseObject, error) {
	b := r.Body
	in := service.RiwayatInput{Jenis: string(b.Jenis), BerlakuMulai: b.BerlakuMulai.Time, Golongan: b.Golongan,
		NomorSK: strOr(b.NomorSk), Keterangan: strOr(b.Keterangan)}
	if b.JabatanId != nil {
		id := b.JabatanId.String()
		in.JabatanID = &id
	}
	if b.Status != nil {
		st := domain.StatusKepegawaian(*b.Status)
		in.Status = &st
	}
	rw, err := h.Pegawai.AddRiwayat(ctx, r.Nip, in)
	if err != nil {
		return nil, err
	}
	return apigen.CreateRiwayatPegawai201JSONResponse(toAPIRiwayat(rw)), nil
}

// GetAtasanPegawai implements GET /api/v1/pegawai/{nip}/atasan.
func (h *Handler) GetAtasanPegawai(ctx context.Context, r apigen.GetAtasanPegawaiRequestObject) (apigen.GetAtasanPegawaiResponseObject, error) {
	l, err := h.Pegawai.Atasan(ctx, r.Nip, datePtr(r.Params.Tanggal))
	if err != nil {
		return nil, err
	}
	return apigen.GetAtasanPegawai200JSONResponse(toAPIReportingLine(l)), nil
}

// ListBawahanPegawai implements GET /api/v1/pegawai/{nip}/bawahan.
func (h *Handler) ListBawahanPegawai(ctx context.Context, r apigen.ListBawahanPegawaiRequestObject) (apigen.ListBawahanPegawaiResponseObject, error) {
	items, err := h.Pegawai.Bawahan(ctx, r.Nip, datePtr(r.Params.Tanggal))
	if err != nil {
		return nil, err
	}
	out := apigen.ListBawahanPegawai200JSONResponse{Items: make([]apigen.PegawaiRingkas, len(items))}
	for i, it := range items {
		out.Items[i] = toAPIBawahan(it)
	}
	return out, nil
}
