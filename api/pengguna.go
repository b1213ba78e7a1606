package api

import (
	"context"

	"github.com/kinerja-id/kinerja/api/apigen"
)

// TODO(stub): replaced by the real implementation before submission.

func (h *Handler) ListPengguna(ctx context.Context, r apigen.ListPenggunaRequestObject) (apigen.ListPenggunaResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) CreatePengguna(ctx context.Context, r apigen.CreatePenggunaRequestObject) (apigen.CreatePenggunaResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) GetPengguna(ctx context.Context, r apigen.GetPenggunaRequestObject) (apigen.GetPenggunaResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) UpdatePengguna(ctx context.Context, r apigen.UpdatePenggunaRequestObject) (apigen.UpdatePenggunaResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) ResetPasswordPengguna(ctx context.Context, r apigen.ResetPasswordPenggunaRequestObject) (apigen.ResetPasswordPenggunaResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) GetMe(ctx context.Context, r apigen.GetMeRequestObject) (apigen.GetMeResponseObject, error) {
	return nil, errNotImplemented
}
