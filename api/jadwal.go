package api

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/api/jsondate"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// jadwalParseJam reads a local clock time "HH:MM" or "HH:MM:SS" as seconds since midnight.
// The spec's pattern has already checked the shape; this guards the arithmetic.
func jadwalParseJam(field, s string) (int, error) {
	parts := strings.Split(s, ":")
	bad := domain.Invalid(field, "jam_invalid", fmt.Sprintf("Jam %q harus berformat HH:MM atau HH:MM:SS.", s),
		fmt.Sprintf("Time %q must be HH:MM or HH:MM:SS.", s))
	if len(parts) < 2 || len(parts) > 3 {
		return 0, bad
	}
	limits := []int{24, 60, 60}
	total := 0
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || len(p) != 2 || n < 0 || n >= limits[i] {
			return 0, bad
		}
		total = total*60 + n
	}
	if len(parts) == 2 {
		total *= 60
	}
	return total, nil
}

// jadwalFormatJam renders seconds since midnight as "HH:MM", or "HH:MM:SS" when the
// seconds are not zero. The end of the day (24:00) is written "00:00", as it is read.
func jadwalFormatJam(detik int) string {
	detik %= domain.SehariDetik
	h, m, s := detik/3600, detik/60%60, detik%60
	if s != 0 {
		return fmt.Sprintf("%02d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%02d:%02d", h, m)
}

// jadwalJamInput collects parse errors of one period under prefix ("pekan/4/"). An
// end of "00:00" is midnight at the end of the day (24:00, which the spec's clock
// pattern cannot write): a shift of 16:00–00:00 ends when the date ends.
func jadwalJamInput(v *domain.Validation, prefix, mulai, selesai string) domain.JamKerja {
	var j domain.JamKerja
	var err error
	if j.Mulai, err = jadwalParseJam(prefix+"mulai", mulai); err != nil {
		v.Merge("", err)
	}
	if j.Selesai, err = jadwalParseJam(prefix+"selesai", selesai); err != nil {
		v.Merge("", err)
	}
	if j.Selesai == 0 && err == nil {
		j.Selesai = domain.SehariDetik
	}
	return j
}

func toDomainJadwalPekan(v *domain.Validation, prefix string, p *apigen.Pekan) [7]*domain.JamKerja {
	var out [7]*domain.JamKerja
	if p == nil {
		return out
	}
	for i, d := range *p {
		if i >= 7 || d.IsNull() || !d.IsSpecified() {
			continue
		}
		h := d.MustGet()
		j := jadwalJamInput(v, fmt.Sprintf("%spekan/%d/", prefix, i), h.Mulai, h.Selesai)
		out[i] = &j //nolint:gosec // G602 false positive: out is a [7] array and i < 7 is checked above
	}
	return out
}

func toDomainJadwalShifts(v *domain.Validation, prefix string, ss *[]apigen.ShiftKerja) []domain.Shift {
	if ss == nil {
		return nil
	}
	out := make([]domain.Shift, len(*ss))
	for i, s := range *ss {
		out[i] = domain.Shift{Kode: s.Kode, Nama: s.Nama,
			JamKerja: jadwalJamInput(v, fmt.Sprintf("%sshift/%d/", prefix, i), s.Mulai, s.Selesai)}
	}
	return out
}

// toDomainJadwalKerja converts a schedule request, turning clock strings into seconds.
func toDomainJadwalKerja(in apigen.JadwalInput) (domain.JadwalKerja, error) {
	var v domain.Validation
	var j domain.JadwalKerja
	j.Kode, j.Nama, j.Jenis = in.Kode, in.Nama, domain.JenisJadwal(in.Jenis)
	j.KerjaSaatLibur = in.KerjaSaatLibur != nil && *in.KerjaSaatLibur
	j.Pekan = toDomainJadwalPekan(&v, "", in.Pekan)
	j.Shift = toDomainJadwalShifts(&v, "", in.Shift)
	if in.Penyesuaian != nil {
		for i, p := range *in.Penyesuaian {
			pre := fmt.Sprintf("penyesuaian/%d/", i)
			j.Penyesuaian = append(j.Penyesuaian, domain.PenyesuaianJadwal{Nama: p.Nama, Mulai: p.Mulai.Time,
				Selesai: p.Selesai.Time, Pekan: toDomainJadwalPekan(&v, pre, p.Pekan), Shift: toDomainJadwalShifts(&v, pre, p.Shift)})
		}
	}
	return j, v.Err()
}

func toAPIJadwalPekan(p [7]*domain.JamKerja) *apigen.Pekan {
	out := make(apigen.Pekan, 7)
	for i, h := range p {
		if h == nil {
			out[i] = nullable.NewNullNullable[apigen.JamKerja]()
			continue
		}
		out[i] = nullable.NewNullableWithValue(apigen.JamKerja{Mulai: jadwalFormatJam(h.Mulai), Selesai: jadwalFormatJam(h.Selesai)})
	}
	return &out
}

func toAPIJadwalShifts(ss []domain.Shift) *[]apigen.ShiftKerja {
	out := make([]apigen.ShiftKerja, len(ss))
	for i, s := range ss {
		out[i] = apigen.ShiftKerja{Kode: s.Kode, Nama: s.Nama, Mulai: jadwalFormatJam(s.Mulai), Selesai: jadwalFormatJam(s.Selesai)}
	}
	return &out
}

func toAPIJadwal(j domain.JadwalKerja) apigen.Jadwal {
	saatLibur := j.KerjaSaatLibur
	out := apigen.Jadwal{Id: uuidOf(j.ID), Kode: j.Kode, Nama: j.Nama, Jenis: apigen.JadwalJenis(j.Jenis),
		KerjaSaatLibur: &saatLibur, Version: j.Version, CreatedAt: j.CreatedAt, UpdatedAt: j.UpdatedAt}
	pen := make([]apigen.PenyesuaianJadwal, len(j.Penyesuaian))
	for i, p := range j.Penyesuaian {
		pen[i] = apigen.PenyesuaianJadwal{Nama: p.Nama, Mulai: dateOf(p.Mulai), Selesai: dateOf(p.Selesai)}
		if j.Jenis == domain.JadwalShift {
			pen[i].Shift = toAPIJadwalShifts(p.Shift)
		} else {
			pen[i].Pekan = toAPIJadwalPekan(p.Pekan)
		}
	}
	out.Penyesuaian = &pen
	if j.Jenis == domain.JadwalShift {
		out.Shift = toAPIJadwalShifts(j.Shift)
	} else {
		out.Pekan = toAPIJadwalPekan(j.Pekan)
	}
	return out
}

// ListJadwal implements GET /api/v1/jadwal.
func (h *Handler) ListJadwal(ctx context.Context, _ apigen.ListJadwalRequestObject) (apigen.ListJadwalResponseObject, error) {
	items, err := h.Jadwal.ListJadwal(ctx)
	if err != nil {
		return nil, err
	}
	out := apigen.ListJadwal200JSONResponse{Items: make([]apigen.Jadwal, len(items))}
	for i, j := range items {
		out.Items[i] = toAPIJadwal(j)
	}
	return out, nil
}

// CreateJadwal implements POST /api/v1/jadwal.
func (h *Handler) CreateJadwal(ctx context.Context, r apigen.CreateJadwalRequestObject) (apigen.CreateJadwalResponseObject, error) {
	in, err := toDomainJadwalKerja(*r.Body)
	if err != nil {
		return nil, err
	}
	j, err := h.Jadwal.CreateJadwal(ctx, in)
	if err != nil {
		return nil, err
	}
	return apigen.CreateJadwal201JSONResponse{Body: toAPIJadwal(j), Headers: apigen.CreateJadwal201ResponseHeaders{ETag: etag(j.Version)}}, nil
}

// GetJadwal implements GET /api/v1/jadwal/{id}.
func (h *Handler) GetJadwal(ctx context.Context, r apigen.GetJadwalRequestObject) (apigen.GetJadwalResponseObject, error) {
	j, err := h.Jadwal.GetJadwal(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.GetJadwal200JSONResponse{Body: toAPIJadwal(j), Headers: apigen.GetJadwal200ResponseHeaders{ETag: etag(j.Version)}}, nil
}

// UpdateJadwal implements PUT /api/v1/jadwal/{id}.
func (h *Handler) UpdateJadwal(ctx context.Context, r apigen.UpdateJadwalRequestObject) (apigen.UpdateJadwalResponseObject, error) {
	expected, err := ifMatch(r.Params.IfMatch)
	if err != nil {
		return nil, err
	}
	in, err := toDomainJadwalKerja(*r.Body)
	if err != nil {
		return nil, err
	}
	j, err := h.Jadwal.UpdateJadwal(ctx, r.Id.String(), in, expected)
	if err != nil {
		return nil, err
	}
	return apigen.UpdateJadwal200JSONResponse{Body: toAPIJadwal(j), Headers: apigen.UpdateJadwal200ResponseHeaders{ETag: etag(j.Version)}}, nil
}

// DeleteJadwal implements DELETE /api/v1/jadwal/{id}.
func (h *Handler) DeleteJadwal(ctx context.Context, r apigen.DeleteJadwalRequestObject) (apigen.DeleteJadwalResponseObject, error) {
	if err := h.Jadwal.DeleteJadwal(ctx, r.Id.String()); err != nil {
		return nil, err
	}
	return apigen.DeleteJadwal204Response{}, nil
}

func toAPIPenugasanJadwal(p domain.PenugasanJadwal) apigen.PenugasanJadwal {
	out := apigen.PenugasanJadwal{Id: uuidOf(p.ID), JadwalId: uuidOf(p.JadwalID), JadwalNama: p.JadwalNama,
		BerlakuMulai: dateOf(p.BerlakuMulai), UnitKerjaId: nullable.NewNullNullable[openapi_types.UUID](),
		UnitKerjaNama: nullableStr(p.UnitKerjaNama), Nip: nullableStr(p.NIP), Nama: nullableStr(p.Nama),
		BerlakuSelesai: nullable.NewNullNullable[jsondate.Date]()}
	if p.UnitKerjaID != "" {
		out.UnitKerjaId = nullable.NewNullableWithValue(uuidOf(p.UnitKerjaID))
	}
	if p.BerlakuSelesai != nil {
		out.BerlakuSelesai = nullable.NewNullableWithValue(dateOf(*p.BerlakuSelesai))
	}
	return out
}

// ListPenugasanJadwal implements GET /api/v1/jadwal-penugasan.
func (h *Handler) ListPenugasanJadwal(ctx context.Context, r apigen.ListPenugasanJadwalRequestObject) (apigen.ListPenugasanJadwalResponseObject, error) {
	q := service.PenugasanJadwalQuery{NIP: strOr(r.Params.Nip)}
	if r.Params.UnitKerjaId != nil {
		q.UnitKerjaID = r.Params.UnitKerjaId.String()
	}
	items, err := h.Jadwal.ListPenugasan(ctx, q)
	if err != nil {
		return nil, err
	}
	out := apigen.ListPenugasanJadwal200JSONResponse{Items: make([]apigen.PenugasanJadwal, len(items))}
	for i, p := range items {
		out.Items[i] = toAPIPenugasanJadwal(p)
	}
	return out, nil
}

// CreatePenugasanJadwal implements POST /api/v1/jadwal-penugasan.
func (h *Handler) CreatePenugasanJadwal(ctx context.Context, r apigen.CreatePenugasanJadwalRequestObject) (apigen.CreatePenugasanJadwalResponseObject, error) {
	b := r.Body
	in := service.PenugasanJadwalInput{JadwalID: b.JadwalId.String(), NIP: strOr(b.Nip), BerlakuMulai: b.BerlakuMulai.Time,
		BerlakuSelesai: datePtr(b.BerlakuSelesai)}
	if b.UnitKerjaId != nil {
		in.UnitKerjaID = b.UnitKerjaId.String()
	}
	p, err := h.Jadwal.CreatePenugasan(ctx, in)
	if err != nil {
		return nil, err
	}
	return apigen.CreatePenugasanJadwal201JSONResponse(toAPIPenugasanJadwal(p)), nil
}

// DeletePenugasanJadwal implements DELETE /api/v1/jadwal-penugasan/{id}.
func (h *Handler) DeletePenugasanJadwal(ctx context.Context, r apigen.DeletePenugasanJadwalRequestObject) (apigen.DeletePenugasanJadwalResponseObject, error) {
	if err := h.Jadwal.DeletePenugasan(ctx, r.Id.String()); err != nil {
		return nil, err
	}
	return apigen.DeletePenugasanJadwal204Response{}, nil
}

// ListRoster implements GET /api/v1/roster.
func (h *Handler) ListRoster(ctx context.Context, r apigen.ListRosterRequestObject) (apigen.ListRosterResponseObject, error) {
	q := service.RosterQuery{NIP: strOr(r.Params.Nip), Dari: r.Params.Dari.Time, Sampai: r.Params.Sampai.Time}
	if r.Params.UnitKerjaId != nil {
		q.UnitKerjaID = r.Params.UnitKerjaId.String()
	}
	items, err := h.Jadwal.ListRoster(ctx, q)
	if err != nil {
		return nil, err
	}
	out := apigen.ListRoster200JSONResponse{Items: make([]apigen.Roster, len(items))}
	for i, e := range items {
		out.Items[i] = apigen.Roster{Nip: e.NIP, Tanggal: dateOf(e.Tanggal), KodeShift: e.KodeShift}
	}
	return out, nil
}

// PutRoster implements PUT /api/v1/roster.
func (h *Handler) PutRoster(ctx context.Context, r apigen.PutRosterRequestObject) (apigen.PutRosterResponseObject, error) {
	items := make([]service.RosterInput, len(r.Body.Items))
	for i, e := range r.Body.Items {
		items[i] = service.RosterInput{NIP: e.Nip, Tanggal: e.Tanggal.Time, KodeShift: e.KodeShift}
	}
	saved, removed, err := h.Jadwal.PutRoster(ctx, items)
	if err != nil {
		return nil, err
	}
	return apigen.PutRoster200JSONResponse{Disimpan: saved, Dihapus: removed}, nil
}
