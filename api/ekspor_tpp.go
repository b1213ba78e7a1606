package api

import (
	"bytes"
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/service"
)

// ExportPerhitunganTPP implements GET /api/v1/perhitungan-tpp/{id}/ekspor.
func (h *Handler) ExportPerhitunganTPP(ctx context.Context, r apigen.ExportPerhitunganTPPRequestObject) (apigen.ExportPerhitunganTPPResponseObject, error) {
	b, name, err := h.TPP.Ekspor(ctx, r.Id.String(), string(r.Params.Format))
	if err != nil {
		return nil, err
	}
	cd := fmt.Sprintf(`attachment; filename="%s"`, name)
	hdr := apigen.ExportPerhitunganTPP200ResponseHeaders{ContentDisposition: &cd}
	if r.Params.Format == service.EksporXLSX {
		return apigen.ExportPerhitunganTPP200ApplicationvndOpenxmlformatsOfficedocumentSpreadsheetmlSheetResponse{
			Body: bytes.NewReader(b), ContentLength: int64(len(b)), Headers: hdr}, nil
	}
	return apigen.ExportPerhitunganTPP200TextcsvResponse{Body: bytes.NewReader(b), ContentLength: int64(len(b)), Headers: hdr}, nil
}
