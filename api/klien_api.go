package api

import (
	"context"

	"github.com/kinerja-id/kinerja/api/apigen"
)

// TODO(stub): replaced by the real implementation before submission.

func (h *Handler) ListKlienAPI(ctx context.Context, r apigen.ListKlienAPIRequestObject) (apigen.ListKlienAPIResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) CreateKlienAPI(ctx context.Context, r apigen.CreateKlienAPIRequestObject) (apigen.CreateKlienAPIResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) RevokeKlienAPI(ctx context.Context, r apigen.RevokeKlienAPIRequestObject) (apigen.RevokeKlienAPIResponseObject, error) {
	return nil, errNotImplemented
}
