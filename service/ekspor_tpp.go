package service

import (
	"bytes"
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/laporan"
)

// Export formats of a payroll run.
const (
	EksporXLSX = "XLSX" // daftar nominatif, one sheet per unit with a recap
	EksporCSV  = "CSV"  // one row per line
	EksporBank = "BANK" // transfer list for the bank (approved runs only)
)

// Ekspor renders a run's daftar nominatif or bank file and names the file.
func (s *TPP) Ekspor(ctx context.Context, id, format string) ([]byte, string, error) {
	run, lines, err := s.SemuaBaris(ctx, id)
	if err != nil {
		return nil, "", err
	}
	inst, err := s.Store.GetInstansi(ctx, run.InstansiID)
	if err != nil {
		return nil, "", err
	}
	name := fmt.Sprintf("tpp-%04d-%02d-%s", run.Tahun, run.Bulan, run.Jenis)
	if run.Urutan > 0 {
		name += fmt.Sprintf("-%d", run.Urutan)
	}
	if run.Status != domain.PerhitunganDisetujui {
		name += "-draf"
	}
	var buf bytes.Buffer
	switch format {
	case EksporXLSX:
		err = laporan.NominatifXLSX(&buf, laporan.Meta{InstansiNama: inst.Nama, Dicetak: s.Now()}, run, lines)
		name += ".xlsx"
	case EksporCSV:
		err = laporan.NominatifCSV(&buf, run, lines)
		name += ".csv"
	case EksporBank:
		err = laporan.BankCSV(&buf, run, lines)
		name = fmt.Sprintf("bank-%04d-%02d-%s-%d.csv", run.Tahun, run.Bulan, run.Jenis, run.Urutan)
	default:
		return nil, "", domain.Invalid("format", "enum", "Format ekspor tidak dikenal.", "Unknown export format.")
	}
	if err != nil {
		return nil, "", err
	}
	return buf.Bytes(), name, nil
}
