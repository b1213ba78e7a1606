package laporan

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/kinerja-id/kinerja/domain"
)

// kolomCSV is the header of the CSV daftar nominatif.
var kolomCSV = []string{"nip", "nama", "unit_kerja", "jabatan", "kelas_jabatan", "golongan", "jhk", "predikat",
	"pagu", "produktivitas", "disiplin", "tambahan", "potongan", "bruto", "bpjs_pegawai", "bpjs_pemda", "pph",
	"potongan_lain", "neto", "sudah_dibayar", "dibayar", "anomali"}

// NominatifCSV writes the daftar nominatif as CSV: a header row then one row per
// line, amounts in whole rupiah, codes (predikat, anomalies joined by "|") as stored.
// Text cells are guarded against formula injection (see the package comment). The
// run is not printed: the CSV is data, one record per line, with no title or totals.
func NominatifCSV(w io.Writer, run domain.PerhitunganTPP, lines []domain.BarisTPP) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(kolomCSV); err != nil {
		return fmt.Errorf("laporan: csv nominatif: %w", err)
	}
	rec := make([]string, len(kolomCSV))
	for _, b := range lines {
		rec = rec[:0]
		rec = append(rec, amanCSV(b.NIP), amanCSV(b.Nama), amanCSV(b.UnitKerjaNama), amanCSV(b.JabatanNama),
			strconv.Itoa(b.KelasJabatan), amanCSV(b.Golongan), strconv.Itoa(b.JHK), amanCSV(string(b.Predikat)))
		for _, n := range []int64{b.Pagu, b.Produktivitas, b.Disiplin, b.Tambahan, b.Potongan, b.Bruto,
			b.BPJSPegawai, b.BPJSPemda, b.PPh, b.PotonganLain, b.Neto, b.SudahDibayar, b.Dibayar} {
			rec = append(rec, strconv.FormatInt(n, 10))
		}
		rec = append(rec, amanCSV(anomali(b.Anomali)))
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("laporan: csv nominatif: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("laporan: csv nominatif: %w", err)
	}
	return nil
}

// anomali joins anomaly codes with "|".
func anomali(a []domain.KodeAnomali) string {
	s := ""
	for i, k := range a {
		if i > 0 {
			s += "|"
		}
		s += string(k)
	}
	return s
}
