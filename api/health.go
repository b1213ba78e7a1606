package api

import (
	"context"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/kinerja-id/kinerja/api/apigen"
)

// GetHealthz implements GET /healthz: the process answers.
func (h *Handler) GetHealthz(context.Context, apigen.GetHealthzRequestObject) (apigen.GetHealthzResponseObject, error) {
	v := h.Version
	return apigen.GetHealthz200JSONResponse{Status: apigen.Ok, Version: &v}, nil
}

// GetReadyz implements GET /readyz: the database answers within two seconds.
func (h *Handler) GetReadyz(ctx context.Context, _ apigen.GetReadyzRequestObject) (apigen.GetReadyzResponseObject, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := h.Ready(ctx); err != nil {
		return nil, echo.ErrServiceUnavailable
	}
	db := "ok"
	return apigen.GetReadyz200JSONResponse{Status: apigen.Ok, Database: &db}, nil
}
