package api

import (
	"context"

	"github.com/kinerja-id/kinerja/api/apigen"
)

// TODO(stub): replaced by the real implementation before submission.

func (h *Handler) ListPlt(ctx context.Context, r apigen.ListPltRequestObject) (apigen.ListPltResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) CreatePlt(ctx context.Context, r apigen.CreatePltRequestObject) (apigen.CreatePltResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) DeletePlt(ctx context.Context, r apigen.DeletePltRequestObject) (apigen.DeletePltResponseObject, error) {
	return nil, errNotImplemented
}
