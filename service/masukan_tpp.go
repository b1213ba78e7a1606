package service

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// MasukanTPPStore is the storage MasukanTPP needs.
type MasukanTPPStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	MasukanTPPBulan(ctx context.Context, instansiID string, tahun int, bulan time.Month, pegawaiIDs ...string) (map[string]domain.MasukanTPP, error)
	ListPegawaiInstansi(ctx context.Context, instansiID string) ([]domain.Pegawai, error)
	ListMasukanTPP(ctx context.Context, instansiID string, tahun int, bulan time.Month, offset, limit int) ([]domain.MasukanTPP, int64, error)
	LockInstansiTPP(ctx context.Context, instansiID string) error
	ReplaceMasukanTPP(ctx context.Context, instansiID string, tahun int, bulan time.Month, items []domain.MasukanTPP) (int64, error)
}

// MasukanTPP keeps the monthly payroll inputs that come from the salary system.
//
// Access: KEUANGAN and ADMIN_INSTANSI replace a month; they and AUDITOR read it.
type MasukanTPP struct {
	Base
	Store MasukanTPPStore
}

// List returns a page of a month's inputs by NIP.
func (s *MasukanTPP) List(ctx context.Context, tahun int, bulan time.Month, pg Page) ([]domain.MasukanTPP, int64, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	if err := requireRole(a, domain.RoleKeuangan, domain.RoleAdminInstansi, domain.RoleAuditor); err != nil {
		return nil, 0, err
	}
	return s.Store.ListMasukanTPP(ctx, inst, tahun, bulan, pg.Offset(), pg.Size)
}

// Put replaces a month's inputs, all or nothing, and returns how many it stored.
// items carry NIP and amounts; an unknown or repeated NIP refuses the whole list
// with one field error per offending row. One audit record summarises the call.
func (s *MasukanTPP) Put(ctx context.Context, tahun int, bulan time.Month, items []domain.MasukanTPP) (int, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return 0, err
	}
	if err := tppConfigWriter(a); err != nil {
		return 0, err
	}
	peg, err := s.Store.ListPegawaiInstansi(ctx, inst)
	if err != nil {
		return 0, err
	}
	ids := make(map[string]string, len(peg))
	for _, p := range peg {
		ids[p.NIP] = p.ID
	}
	if err := masukanPegawai(items, ids); err != nil {
		return 0, err
	}
	for i := range items {
		for j := range items[i].PotonganLain {
			p := &items[i].PotonganLain[j]
			p.Kode, p.Nama = strings.TrimSpace(p.Kode), strings.TrimSpace(p.Nama)
		}
	}
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		if err := s.Store.LockInstansiTPP(ctx, inst); err != nil {
			return err
		}
		dihapus, err := s.Store.ReplaceMasukanTPP(ctx, inst, tahun, bulan, items)
		if err != nil {
			return err
		}
		ringkas := func(n int64) map[string]any { return map[string]any{"tahun": tahun, "bulan": int(bulan), "jumlah": n} }
		return s.record(ctx, inst, "UPDATE", "masukan_tpp", fmt.Sprintf("%04d-%02d", tahun, bulan),
			ringkas(dihapus), ringkas(int64(len(items))))
	})
	if err != nil {
		return 0, err
	}
	return len(items), nil
}

// masukanPegawai sets each item's PegawaiID from its NIP, or names every row whose
// NIP is not a pegawai of the instansi or repeats an earlier row's.
func masukanPegawai(items []domain.MasukanTPP, ids map[string]string) error {
	seen := make(map[string]bool, len(items))
	var fields []domain.FieldError
	for i := range items {
		field := fmt.Sprintf("items/%d/nip", i)
		id, ok := ids[items[i].NIP]
		switch {
		case !ok:
			fields = append(fields, domain.FieldError{Field: field, Code: "not_found", Text: domain.Text{
				ID: "Tidak ada pegawai dengan NIP ini di instansi.", EN: "No pegawai of the instansi has this NIP."}})
		case seen[id]:
			fields = append(fields, domain.FieldError{Field: field, Code: "duplicate", Text: domain.Text{
				ID: "NIP ini sudah ada pada baris sebelumnya.", EN: "This NIP is already on an earlier row."}})
		}
		seen[id] = true
		items[i].PegawaiID = id
	}
	if len(fields) == 0 {
		return nil
	}
	e := domain.Unprocessable("masukan_tidak_valid", "Masukan TPP tidak disimpan: ada NIP yang tidak dikenal atau berulang.",
		"The TPP payroll inputs were not saved: some NIPs are unknown or repeated.")
	e.Fields = fields
	return e
}
