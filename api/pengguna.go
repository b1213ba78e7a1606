package api

import (
	"context"
	"time"

	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// toAPIPengguna renders an account; the password hash never leaves the service.
func toAPIPengguna(u domain.Pengguna) apigen.Pengguna {
	out := apigen.Pengguna{Id: uuidOf(u.ID), Username: u.Username, Nonaktif: u.Nonaktif, Roles: make([]apigen.Role, len(u.Roles)),
		Version: u.Version, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt}
	for i, r := range u.Roles {
		out.Roles[i] = apigen.Role(r)
	}
	out.InstansiId = nullableUUID(u.InstansiID)
	out.UnitKerjaId = nullableUUID(u.UnitKerjaID)
	if u.NIP != "" {
		out.Nip = nullable.NewNullableWithValue(u.NIP)
	} else {
		out.Nip = nullable.NewNullNullable[string]()
	}
	if u.LastLoginAt != nil {
		out.LastLoginAt = nullable.NewNullableWithValue(*u.LastLoginAt)
	} else {
		out.LastLoginAt = nullable.NewNullNullable[time.Time]()
	}
	return out
}

func nullableUUID(s string) nullable.Nullable[openapi_types.UUID] {
	if s == "" {
		return nullable.NewNullNullable[openapi_types.UUID]()
	}
	return nullable.NewNullableWithValue(uuidOf(s))
}

// nullableText turns an optional, nullable field of a patch into nil (absent), ""
// (null: clear) or the value.
func nullableText(n nullable.Nullable[string]) *string {
	if !n.IsSpecified() {
		return nil
	}
	s := ""
	if !n.IsNull() {
		s = n.MustGet()
	}
	return &s
}

func toDomainRoles(rs []apigen.Role) []domain.Role {
	out := make([]domain.Role, len(rs))
	for i, r := range rs {
		out[i] = domain.Role(r)
	}
	return out
}

// ListPengguna implements GET /api/v1/pengguna.
func (h *Handler) ListPengguna(ctx context.Context, r apigen.ListPenggunaRequestObject) (apigen.ListPenggunaResponseObject, error) {
	pg := service.NewPage(r.Params.Page, r.Params.PageSize)
	f := domain.PenggunaFilter{Q: strOr(r.Params.Q), Nonaktif: r.Params.Nonaktif}
	if r.Params.Role != nil {
		f.Role = domain.Role(*r.Params.Role)
	}
	items, total, err := h.Pengguna.List(ctx, f, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.ListPengguna200JSONResponse{Items: make([]apigen.Pengguna, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, it := range items {
		out.Items[i] = toAPIPengguna(it)
	}
	return out, nil
}

// CreatePengguna implements POST /api/v1/pengguna.
func (h *Handler) CreatePengguna(ctx context.Context, r apigen.CreatePenggunaRequestObject) (apigen.CreatePenggunaResponseObject, error) {
	b := r.Body
	in := service.PenggunaInput{Username: b.Username, Password: b.Password, NIP: strOr(b.Nip), Roles: toDomainRoles(b.Roles)}
	if b.UnitKerjaId != nil {
		in.UnitKerjaID = b.UnitKerjaId.String()
	}
	if b.InstansiId != nil {
		in.InstansiID = b.InstansiId.String()
	}
	u, err := h.Pengguna.Create(ctx, in)
	if err != nil {
		return nil, err
	}
	return apigen.CreatePengguna201JSONResponse(toAPIPengguna(u)), nil
}

// GetPengguna implements GET /api/v1/pengguna/{id}.
func (h *Handler) GetPengguna(ctx context.Context, r apigen.GetPenggunaRequestObject) (apigen.GetPenggunaResponseObject, error) {
	u, err := h.Pengguna.Get(ctx, r.Id.String())
	if err != nil {
		return nil, err
	}
	return apigen.GetPengguna200JSONResponse(toAPIPengguna(u)), nil
}

// UpdatePengguna implements PATCH /api/v1/pengguna/{id}.
func (h *Handler) UpdatePengguna(ctx context.Context, r apigen.UpdatePenggunaRequestObject) (apigen.UpdatePenggunaResponseObject, error) {
	expected, err := ifMatch(r.Params.IfMatch)
	if err != nil {
		return nil, err
	}
	b := r.Body
	p := service.PenggunaPatch{NIP: nullableText(b.Nip), Nonaktif: b.Nonaktif}
	if b.Roles != nil {
		rs := toDomainRoles(*b.Roles)
		p.Roles = &rs
	}
	if b.UnitKerjaId.IsSpecified() {
		s := ""
		if !b.UnitKerjaId.IsNull() {
			s = b.UnitKerjaId.MustGet().String()
		}
		p.UnitKerjaID = &s
	}
	u, err := h.Pengguna.Update(ctx, r.Id.String(), p, expected)
	if err != nil {
		return nil, err
	}
	return apigen.UpdatePengguna200JSONResponse(toAPIPengguna(u)), nil
}

// ResetPasswordPengguna implements POST /api/v1/pengguna/{id}/reset-password.
func (h *Handler) ResetPasswordPengguna(ctx context.Context, r apigen.ResetPasswordPenggunaRequestObject) (apigen.ResetPasswordPenggunaResponseObject, error) {
	generated, err := h.Pengguna.ResetPassword(ctx, r.Id.String(), r.Body.PasswordBaru)
	if err != nil {
		return nil, err
	}
	out := apigen.ResetPasswordPengguna200JSONResponse{}
	if generated != "" {
		out.PasswordSementara = &generated
	}
	return out, nil
}

// GetMe implements GET /api/v1/me.
func (h *Handler) GetMe(ctx context.Context, r apigen.GetMeRequestObject) (apigen.GetMeResponseObject, error) {
	me, err := h.Pengguna.Me(ctx)
	if err != nil {
		return nil, err
	}
	out := apigen.GetMe200JSONResponse{Pengguna: toAPIPengguna(me.Pengguna)}
	if me.Instansi != nil {
		i := toAPIInstansi(*me.Instansi)
		out.Instansi = &i
	}
	if me.Pegawai != nil {
		p := toAPIPegawai(*me.Pegawai)
		out.Pegawai = &p
	}
	return out, nil
}
