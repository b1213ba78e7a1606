// Package laporan renders an approved or draft TPP payroll run into the files finance
// offices (BPKAD) work with: the daftar nominatif as XLSX (one sheet per unit, a recap
// and signature blocks) or CSV, and a generic bank transfer list.
//
// It is pure rendering: the caller loads the run and its lines (sorted by unit path
// then NIP), checks permissions and passes the printing time in. Money is int64
// rupiah written as whole numbers, never float64 arithmetic. The same inputs give
// the same bytes.
//
// CSV files are opened in spreadsheets, which evaluate a cell starting with = + - @
// (and tab or carriage return) as a formula. Every text cell of the CSV outputs that
// starts with one of those characters is therefore written with a leading apostrophe
// (OWASP "CSV injection"); numbers are written as they are.
package laporan

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// Meta is what the documents print besides the lines.
type Meta struct {
	InstansiNama  string
	Dicetak       time.Time       // printing time (passed in; never time.Now())
	Penandatangan []Penandatangan // signature block, left to right; empty: a default of "Pengguna Anggaran" and "Bendahara Pengeluaran" with blank names
	Kota          string          // place printed before the date in the signature block, e.g. "Manado"
}

// Penandatangan is one signer of a document.
type Penandatangan struct{ Jabatan, Nama, NIP string }

// penandatangan returns the signers, or the default pair.
func (m Meta) penandatangan() []Penandatangan {
	if len(m.Penandatangan) > 0 {
		return m.Penandatangan
	}
	return []Penandatangan{{Jabatan: "Pengguna Anggaran"}, {Jabatan: "Bendahara Pengeluaran"}}
}

// ErrBelumDisetujui is returned for a bank file of a run that is not approved: money
// must not move on a draft. It is a conflict (409) for the API.
var ErrBelumDisetujui = domain.Conflict("perhitungan_belum_disetujui",
	"Perhitungan TPP belum disetujui; file transfer bank hanya dibuat untuk perhitungan yang telah disetujui.",
	"The TPP run is not approved; the bank transfer file is made for approved runs only.")

// TanpaRekeningError lists the pegawai who are to be paid but have no bank account:
// a bank file without them would silently leave them unpaid. It unwraps to a domain
// conflict (409) for the API.
type TanpaRekeningError struct {
	NIP []string
}

func (e *TanpaRekeningError) Error() string {
	return fmt.Sprintf("laporan: %d pegawai to be paid have no bank account: %s", len(e.NIP), strings.Join(e.NIP, ", "))
}

// maxNIPPesan caps the NIPs named in the user-facing message; the error keeps all.
const maxNIPPesan = 20

// Unwrap gives the user-facing conflict.
func (e *TanpaRekeningError) Unwrap() error {
	daftar, lain := e.NIP, 0
	if len(daftar) > maxNIPPesan {
		daftar, lain = daftar[:maxNIPPesan], len(daftar)-maxNIPPesan
	}
	s := strings.Join(daftar, ", ")
	id, en := s, s
	if lain > 0 {
		id += fmt.Sprintf(" dan %d lainnya", lain)
		en += fmt.Sprintf(" and %d more", lain)
	}
	return domain.Conflict("rekening_kosong",
		fmt.Sprintf("%d pegawai yang harus dibayar belum memiliki rekening bank: %s.", len(e.NIP), id),
		fmt.Sprintf("%d pegawai to be paid have no bank account: %s.", len(e.NIP), en))
}

// bulanTahun writes "Oktober 2026".
func bulanTahun(tahun int, bulan time.Month) string {
	if bulan < 1 || bulan > 12 {
		return fmt.Sprintf("%d-%d", tahun, bulan)
	}
	return domain.NamaBulan(bulan, "id") + " " + strconv.Itoa(tahun)
}

// tanggal writes "5 November 2026".
func tanggal(t time.Time) string {
	y, m, d := t.Date()
	return strconv.Itoa(d) + " " + bulanTahun(y, m)
}

// jenisRun names a correction or arrears run ("KOREKSI ke-1"); "" for INDUK.
func jenisRun(run domain.PerhitunganTPP) string {
	if run.Jenis == domain.PerhitunganInduk || run.Jenis == "" {
		return ""
	}
	if run.Urutan > 0 {
		return fmt.Sprintf("%s ke-%d", run.Jenis, run.Urutan)
	}
	return string(run.Jenis)
}

// selisih reports whether the run pays a difference (KOREKSI, RAPEL) rather than the
// whole net, so that documents show what is paid besides the net.
func selisih(run domain.PerhitunganTPP) bool {
	return run.Jenis == domain.PerhitunganKoreksi || run.Jenis == domain.PerhitunganRapel
}

// draf reports whether the run is not approved: its documents are marked DRAF.
func draf(run domain.PerhitunganTPP) bool { return run.Status != domain.PerhitunganDisetujui }

// labelPredikat names a predikat as people write it, "-" when there is none.
func labelPredikat(p domain.Predikat) string {
	if p == "" {
		return "-"
	}
	return p.Label()
}

// amanCSV defuses a text cell a spreadsheet would read as a formula (see the package
// comment).
func amanCSV(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// unit is the lines of one unit kerja, in the order they arrived.
type unit struct {
	ID, Nama string
	Baris    []domain.BarisTPP
}

// perUnit groups lines by unit kerja, units in the order of their first line (the
// lines arrive sorted by unit path, so units come in tree order).
func perUnit(lines []domain.BarisTPP) []unit {
	var out []unit
	idx := map[string]int{}
	for _, b := range lines {
		i, ok := idx[b.UnitKerjaID]
		if !ok {
			i = len(out)
			idx[b.UnitKerjaID] = i
			out = append(out, unit{ID: b.UnitKerjaID, Nama: b.UnitKerjaNama})
		}
		out[i].Baris = append(out[i].Baris, b)
	}
	return out
}
