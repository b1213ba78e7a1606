package api

import (
	"context"

	"github.com/kinerja-id/kinerja/api/apigen"
)

// TODO(stub): replaced by the real implementation before submission.

func (h *Handler) ListPegawai(ctx context.Context, r apigen.ListPegawaiRequestObject) (apigen.ListPegawaiResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) CreatePegawai(ctx context.Context, r apigen.CreatePegawaiRequestObject) (apigen.CreatePegawaiResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) ImportPegawai(ctx context.Context, r apigen.ImportPegawaiRequestObject) (apigen.ImportPegawaiResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) ExportPegawai(ctx context.Context, r apigen.ExportPegawaiRequestObject) (apigen.ExportPegawaiResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) GetPegawai(ctx context.Context, r apigen.GetPegawaiRequestObject) (apigen.GetPegawaiResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) UpdatePegawai(ctx context.Context, r apigen.UpdatePegawaiRequestObject) (apigen.UpdatePegawaiResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) ListRiwayatPegawai(ctx context.Context, r apigen.ListRiwayatPegawaiRequestObject) (apigen.ListRiwayatPegawaiResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) CreateRiwayatPegawai(ctx context.Context, r apigen.CreateRiwayatPegawaiRequestObject) (apigen.CreateRiwayatPegawaiResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) GetAtasanPegawai(ctx context.Context, r apigen.GetAtasanPegawaiRequestObject) (apigen.GetAtasanPegawaiResponseObject, error) {
	return nil, errNotImplemented
}

func (h *Handler) ListBawahanPegawai(ctx context.Context, r apigen.ListBawahanPegawaiRequestObject) (apigen.ListBawahanPegawaiResponseObject, error) {
	return nil, errNotImplemented
}
