package api

import (
	"context"

	"github.com/kinerja-id/kinerja/api/apigen"
)

// TODO(stub): replaced by the real implementation before submission.

func (h *Handler) ListUnitKerja(ctx context.Context, r apigen.ListUnitKerjaRequestObject) (apigen.ListUnitKerjaResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) CreateUnitKerja(ctx context.Context, r apigen.CreateUnitKerjaRequestObject) (apigen.CreateUnitKerjaResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) GetUnitKerjaTree(ctx context.Context, r apigen.GetUnitKerjaTreeRequestObject) (apigen.GetUnitKerjaTreeResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) GetUnitKerja(ctx context.Context, r apigen.GetUnitKerjaRequestObject) (apigen.GetUnitKerjaResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) UpdateUnitKerja(ctx context.Context, r apigen.UpdateUnitKerjaRequestObject) (apigen.UpdateUnitKerjaResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) DeleteUnitKerja(ctx context.Context, r apigen.DeleteUnitKerjaRequestObject) (apigen.DeleteUnitKerjaResponseObject, error) {
	return nil, errNotImplemented
}
