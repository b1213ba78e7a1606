package laporan

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kinerja-id/kinerja/domain"
)

// kolomBank is the header of the bank transfer list.
var kolomBank = []string{"no", "no_rekening", "nama_rekening", "nama_bank", "jumlah", "nip", "keterangan"}

// BankCSV writes a generic transfer list: one row per line with a positive amount to
// pay (Dibayar), numbered from 1, without a total row (bank uploads reject it). The
// account name is the account's holder, or the pegawai's name when the account has
// none. Text cells are guarded against formula injection (see the package comment).
//
// It refuses a run that is not approved (ErrBelumDisetujui) and, before writing
// anything, lines to pay that have no account (*TanpaRekeningError): money must not
// move on a draft and nobody may be dropped silently. Recoveries (negative Dibayar)
// are not transfers and are left out.
func BankCSV(w io.Writer, run domain.PerhitunganTPP, lines []domain.BarisTPP) error {
	if run.Status != domain.PerhitunganDisetujui {
		return ErrBelumDisetujui
	}
	var tanpa []string
	for _, b := range lines {
		if b.Dibayar > 0 && !adaRekening(b) {
			tanpa = append(tanpa, b.NIP)
		}
	}
	if len(tanpa) > 0 {
		return &TanpaRekeningError{NIP: tanpa}
	}
	ket := keteranganBank(run)
	cw := csv.NewWriter(w)
	if err := cw.Write(kolomBank); err != nil {
		return fmt.Errorf("laporan: file bank: %w", err)
	}
	no := 0
	for _, b := range lines {
		if b.Dibayar <= 0 {
			continue
		}
		no++
		nama := strings.TrimSpace(b.Rekening.AtasNama)
		if nama == "" {
			nama = b.Nama
		}
		rec := []string{strconv.Itoa(no), amanCSV(strings.TrimSpace(b.Rekening.Nomor)), amanCSV(nama),
			amanCSV(b.Rekening.NamaBank), strconv.FormatInt(b.Dibayar, 10), amanCSV(b.NIP), ket}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("laporan: file bank: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("laporan: file bank: %w", err)
	}
	return nil
}

// adaRekening reports whether a line has an account number to transfer to.
func adaRekening(b domain.BarisTPP) bool {
	return b.Rekening != nil && strings.TrimSpace(b.Rekening.Nomor) != ""
}

// keteranganBank is the transfer reference: "TPP 10/2026", "TPP 10/2026 KOREKSI".
func keteranganBank(run domain.PerhitunganTPP) string {
	s := fmt.Sprintf("TPP %02d/%d", int(run.Bulan), run.Tahun)
	if run.Jenis != domain.PerhitunganInduk && run.Jenis != "" {
		s += " " + string(run.Jenis)
	}
	return s
}
