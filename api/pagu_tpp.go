package api

import (
	"context"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
)

// toAPIPaguTPP renders a budget; Sisa is Jumlah − Terpakai, negative when over, and
// the totals add up the lines shown.
func toAPIPaguTPP(p domain.PaguTPP) apigen.PaguTPP {
	out := apigen.PaguTPP{Tahun: p.Tahun, Mode: apigen.PaguTPPMode(p.Mode), Version: p.Version}
	out.Unit = kegiatanSlice(out.Unit, len(p.Unit))
	for i, u := range p.Unit {
		x := &out.Unit[i]
		x.UnitKerjaId, x.UnitKerjaNama, x.Jumlah, x.Terpakai, x.Sisa = uuidOf(u.UnitKerjaID), u.UnitKerjaNama,
			u.Jumlah, u.Terpakai, u.Jumlah-u.Terpakai
		out.Total.Jumlah += u.Jumlah
		out.Total.Terpakai += u.Terpakai
	}
	out.Total.Sisa = out.Total.Jumlah - out.Total.Terpakai
	return out
}

// GetPaguTPP implements GET /api/v1/pagu-tpp/{tahun}.
func (h *Handler) GetPaguTPP(ctx context.Context, r apigen.GetPaguTPPRequestObject) (apigen.GetPaguTPPResponseObject, error) {
	p, err := h.PaguTPP.Get(ctx, r.Tahun)
	if err != nil {
		return nil, err
	}
	return apigen.GetPaguTPP200JSONResponse{Body: toAPIPaguTPP(p), Headers: apigen.GetPaguTPP200ResponseHeaders{ETag: etag(p.Version)}}, nil
}

// PutPaguTPP implements PUT /api/v1/pagu-tpp/{tahun}. If-Match W/"0" expects a year
// never saved.
func (h *Handler) PutPaguTPP(ctx context.Context, r apigen.PutPaguTPPRequestObject) (apigen.PutPaguTPPResponseObject, error) {
	expected, err := ifMatch(r.Params.IfMatch)
	if err != nil {
		return nil, err
	}
	in := domain.PaguTPP{Tahun: r.Tahun, Mode: domain.ModePagu(r.Body.Mode), Unit: make([]domain.PaguUnit, len(r.Body.Unit))}
	for i, u := range r.Body.Unit {
		in.Unit[i] = domain.PaguUnit{UnitKerjaID: u.UnitKerjaId.String(), Jumlah: u.Jumlah}
	}
	p, err := h.PaguTPP.Put(ctx, in, expected)
	if err != nil {
		return nil, err
	}
	return apigen.PutPaguTPP200JSONResponse{Body: toAPIPaguTPP(p), Headers: apigen.PutPaguTPP200ResponseHeaders{ETag: etag(p.Version)}}, nil
}
