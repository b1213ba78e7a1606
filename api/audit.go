package api

import (
	"context"

	"github.com/kinerja-id/kinerja/api/apigen"
)

// TODO(stub): replaced by the real implementation before submission.

func (h *Handler) ListAudit(ctx context.Context, r apigen.ListAuditRequestObject) (apigen.ListAuditResponseObject, error) {
	return nil, errNotImplemented
}
