package api

import (
	"context"

	"github.com/kinerja-id/kinerja/api/apigen"
)

// TODO(stub): replaced by the real implementation before submission.

func (h *Handler) ListJabatan(ctx context.Context, r apigen.ListJabatanRequestObject) (apigen.ListJabatanResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) CreateJabatan(ctx context.Context, r apigen.CreateJabatanRequestObject) (apigen.CreateJabatanResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) GetJabatan(ctx context.Context, r apigen.GetJabatanRequestObject) (apigen.GetJabatanResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) UpdateJabatan(ctx context.Context, r apigen.UpdateJabatanRequestObject) (apigen.UpdateJabatanResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) DeleteJabatan(ctx context.Context, r apigen.DeleteJabatanRequestObject) (apigen.DeleteJabatanResponseObject, error) {
	return nil, errNotImplemented
}
