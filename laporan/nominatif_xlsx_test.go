package laporan

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kinerja-id/kinerja/domain"
)

var contohMeta = Meta{InstansiNama: "Pemerintah Kota Manado", Kota: "Manado",
	Dicetak: time.Date(2026, time.November, 5, 9, 30, 0, 0, time.FixedZone("WITA", 8*3600))}

// render writes the workbook and opens it again.
func render(t *testing.T, m Meta, run domain.PerhitunganTPP, lines []domain.BarisTPP) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := NominatifXLSX(&buf, m, run, lines); err != nil {
		t.Fatalf("NominatifXLSX: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f, buf.Bytes()
}

// rows reads a sheet's cells as displayed.
func rows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	r, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("GetRows(%s): %v", sheet, err)
	}
	return r
}

// cari finds the first cell holding exactly v: 1-based column and row, or 0, 0.
func cari(t *testing.T, f *excelize.File, sheet, v string) (int, int) {
	t.Helper()
	for r, row := range rows(t, f, sheet) {
		for c, s := range row {
			if s == v {
				return c + 1, r + 1
			}
		}
	}
	return 0, 0
}

// ada reports whether some cell of the sheet holds exactly v.
func ada(t *testing.T, f *excelize.File, sheet, v string) bool {
	c, _ := cari(t, f, sheet, v)
	return c > 0
}

// angka reads a numeric cell unformatted.
func angka(t *testing.T, f *excelize.File, sheet string, col, row int) int64 {
	t.Helper()
	v, err := f.GetCellValue(sheet, sel(col, row), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("GetCellValue: %v", err)
	}
	if typ, _ := f.GetCellType(sheet, sel(col, row)); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("%s!%s is not a number (type %v)", sheet, sel(col, row), typ)
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q: %v", sheet, sel(col, row), v, err)
	}
	return n
}

func TestNominatifXLSX(t *testing.T) {
	lines := contohBaris()
	f, _ := render(t, contohMeta, contohRun(), lines)

	want := []string{"Rekapitulasi", "Dinas Kesehatan", "Bidang Pelayanan Kesehatan Masy", "Bidang Pelayanan Kesehatan (2)"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets = %q, want %q", got, want)
	}

	const s = "Dinas Kesehatan"
	for cell, v := range map[string]string{
		"A1": "DAFTAR NOMINATIF PEMBAYARAN TAMBAHAN PENGHASILAN PEGAWAI (TPP)",
		"A2": "PEMERINTAH KOTA MANADO",
		"A3": "Unit Kerja: Dinas Kesehatan",
		"A4": "Bulan: Oktober 2026",
	} {
		if got, _ := f.GetCellValue(s, cell); got != v {
			t.Errorf("%s = %q, want %q", cell, got, v)
		}
	}
	for _, v := range []string{"DRAF — belum disetujui", "Selisih dibayar", "Tambahan"} {
		if ada(t, f, s, v) {
			t.Errorf("an approved INDUK run without tambahan shows %q", v)
		}
	}
	for _, v := range []string{"No", "Nama / NIP", "Nama", "NIP", "Jabatan", "Kelas", "Gol", "JHK", "Predikat", "Pagu TPP",
		"Produktivitas", "Disiplin", "Potongan", "Bruto", "PPh 21", "BPJS (pegawai)", "Potongan lain", "Neto",
		"No. Rekening", "Tanda tangan"} {
		if !ada(t, f, s, v) {
			t.Errorf("header %q missing", v)
		}
	}

	// The NIP is a text cell holding all 18 digits.
	c, r := cari(t, f, s, lines[0].NIP)
	if c == 0 {
		t.Fatalf("NIP %s not found", lines[0].NIP)
	}
	if typ, _ := f.GetCellType(s, sel(c, r)); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		t.Errorf("NIP cell type = %v, want a string", typ)
	}
	if nama, _ := f.GetCellValue(s, sel(c-1, r)); nama != lines[0].Nama {
		t.Errorf("name beside the NIP = %q", nama)
	}
	if ket, _ := f.GetCellValue(s, sel(1, r)); ket != "1" {
		t.Errorf("No = %q", ket)
	}
	netoCol, _ := cari(t, f, s, "Neto")
	if got := angka(t, f, s, netoCol, r); got != lines[0].Neto {
		t.Errorf("neto = %d, want %d", got, lines[0].Neto)
	}
	if style, _ := f.GetCellStyle(s, sel(netoCol, r)); style != 0 {
		st, _ := f.GetStyle(style)
		if st.NumFmt != 3 {
			t.Errorf("amount number format = %d, want 3 (#,##0)", st.NumFmt)
		}
	}

	// The unit total is the sum of its lines.
	_, jr := cari(t, f, s, "JUMLAH")
	if jr != r+2 {
		t.Fatalf("JUMLAH on row %d, want %d", jr, r+2)
	}
	for judul, get := range map[string]func(domain.BarisTPP) int64{
		"Neto":     func(b domain.BarisTPP) int64 { return b.Neto },
		"Bruto":    func(b domain.BarisTPP) int64 { return b.Bruto },
		"Pagu TPP": func(b domain.BarisTPP) int64 { return b.Pagu },
		"PPh 21":   func(b domain.BarisTPP) int64 { return b.PPh },
	} {
		col, _ := cari(t, f, s, judul)
		if got, want := angka(t, f, s, col, jr), get(lines[0])+get(lines[1]); got != want {
			t.Errorf("JUMLAH %s = %d, want %d", judul, got, want)
		}
	}

	// The signature block.
	for _, v := range []string{"Manado, 5 November 2026", "Pengguna Anggaran", "Bendahara Pengeluaran"} {
		if !ada(t, f, s, v) {
			t.Errorf("signature block lacks %q", v)
		}
	}

	// The recap: one row per unit and a grand total equal to the sum of every line.
	const rk = "Rekapitulasi"
	if got, _ := f.GetCellValue(rk, "A1"); got != "REKAPITULASI PEMBAYARAN TAMBAHAN PENGHASILAN PEGAWAI (TPP)" {
		t.Errorf("recap title = %q", got)
	}
	_, u1 := cari(t, f, rk, "Dinas Kesehatan")
	if !ada(t, f, rk, unitPanjang) || !ada(t, f, rk, unitPanjang2) || u1 == 0 {
		t.Error("recap lacks a unit")
	}
	if got := angka(t, f, rk, 3, u1); got != 2 {
		t.Errorf("recap pegawai of Dinas Kesehatan = %d", got)
	}
	_, tr := cari(t, f, rk, "JUMLAH")
	var sum domain.RingkasanTPP
	for _, b := range lines {
		sum.Tambah(b)
	}
	if got := angka(t, f, rk, 3, tr); got != int64(sum.JumlahPegawai) {
		t.Errorf("recap pegawai = %d, want %d", got, sum.JumlahPegawai)
	}
	for judul, want := range map[string]int64{"Neto": sum.Neto, "Bruto": sum.Bruto, "Potongan": sum.Potongan,
		"PPh 21": sum.PPh, "BPJS (pegawai)": sum.BPJSPegawai} {
		col, _ := cari(t, f, rk, judul)
		if col == 0 {
			t.Errorf("recap lacks %q", judul)
			continue
		}
		if got := angka(t, f, rk, col, tr); got != want {
			t.Errorf("recap %s = %d, want %d", judul, got, want)
		}
	}

	p, err := f.GetDocProps()
	if err != nil || p.Created != "2026-11-05T01:30:00Z" || p.Modified != p.Created {
		t.Errorf("doc props = %+v, %v", p, err)
	}
	lay, err := f.GetPageLayout(s)
	if err != nil || *lay.Orientation != "landscape" || *lay.Size != 9 || *lay.FitToWidth != 1 {
		t.Errorf("page layout = %+v, %v", lay, err)
	}
}

func TestNominatifXLSXDrafDanKoreksi(t *testing.T) {
	run := contohRun()
	run.Jenis, run.Urutan, run.Status = domain.PerhitunganKoreksi, 1, domain.PerhitunganDihitung
	lines := contohBaris()
	lines[0].SudahDibayar, lines[0].Dibayar = lines[0].Neto-50_000, 50_000
	lines[1].SudahDibayar, lines[1].Dibayar = lines[1].Neto+20_000, -20_000
	lines[0].PPhDitanggung = true
	lines[1].Tambahan = 0
	lines[2].Tambahan = 7_000
	m := contohMeta
	m.Penandatangan = []Penandatangan{{Jabatan: "Kepala Dinas", Nama: "dr. Ani", NIP: "197001011995032001"}}
	f, _ := render(t, m, run, lines)
	for _, s := range []string{"Rekapitulasi", "Dinas Kesehatan"} {
		for _, v := range []string{"DRAF — belum disetujui", "KOREKSI ke-1", "Selisih dibayar", "Tambahan",
			"Kepala Dinas", "dr. Ani", "NIP. 197001011995032001", catatanPPh} {
			if !ada(t, f, s, v) {
				t.Errorf("%s lacks %q", s, v)
			}
		}
		if ada(t, f, s, "Bendahara Pengeluaran") {
			t.Errorf("%s shows the default signer besides the given one", s)
		}
	}
	const s = "Dinas Kesehatan"
	col, _ := cari(t, f, s, "Selisih dibayar")
	_, jr := cari(t, f, s, "JUMLAH")
	if got := angka(t, f, s, col, jr); got != 30_000 {
		t.Errorf("JUMLAH selisih dibayar = %d, want 30000", got)
	}
	_, r := cari(t, f, s, lines[0].NIP)
	pph, _ := cari(t, f, s, "PPh 21")
	st, _ := f.GetCellStyle(s, sel(pph, r))
	if sty, err := f.GetStyle(st); err != nil || sty.CustomNumFmt == nil || *sty.CustomNumFmt != `#,##0"*"` {
		t.Errorf("PPh borne by the pemda: style %+v, %v; want the format #,##0\"*\"", sty, err)
	}
	if got := angka(t, f, s, pph, r); got != lines[0].PPh {
		t.Errorf("PPh = %d, want %d", got, lines[0].PPh)
	}
	hf, _ := f.GetHeaderFooter(s)
	if !strings.Contains(hf.OddHeader, "DRAF") {
		t.Errorf("page header = %q, want DRAF", hf.OddHeader)
	}
}

func TestNominatifXLSXDeterministik(t *testing.T) {
	f1, b1 := render(t, contohMeta, contohRun(), contohBaris())
	f2, b2 := render(t, contohMeta, contohRun(), contohBaris())
	if !bytes.Equal(b1, b2) {
		t.Error("two renders of the same inputs differ")
	}
	for _, s := range f1.GetSheetList() {
		r1, r2 := rows(t, f1, s), rows(t, f2, s)
		if len(r1) != len(r2) {
			t.Fatalf("%s: %d rows vs %d", s, len(r1), len(r2))
		}
		for i := range r1 {
			if strings.Join(r1[i], "\x00") != strings.Join(r2[i], "\x00") {
				t.Errorf("%s row %d: %q vs %q", s, i+1, r1[i], r2[i])
			}
		}
	}
}

func TestNominatifXLSXKosong(t *testing.T) {
	run := contohRun()
	run.UnitKerjaNama = "Dinas Pendidikan"
	f, _ := render(t, Meta{}, run, nil)
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "Rekapitulasi" {
		t.Fatalf("sheets = %q", got)
	}
	if !ada(t, f, "Rekapitulasi", "Unit Kerja: Dinas Pendidikan") {
		t.Error("recap lacks the run's unit")
	}
	_, tr := cari(t, f, "Rekapitulasi", "JUMLAH")
	if tr == 0 || angka(t, f, "Rekapitulasi", 3, tr) != 0 {
		t.Error("empty run: want a zero total")
	}
}

func TestNamaSheet(t *testing.T) {
	nama := func(s ...string) []string {
		u := make([]unit, len(s))
		for i := range s {
			u[i].Nama = s[i]
		}
		return namaSheet(u)
	}
	got := nama("Bagian Umum/Keuangan [2026]", "'Sekretariat'", "", "rekapitulasi", "History", "bagian umum-keuangan -2026-",
		strings.Repeat("😀", 20), "  ", "A\x01B")
	want := []string{"Bagian Umum-Keuangan -2026-", "Sekretariat", "Unit", "rekapitulasi (2)", "History (2)",
		"bagian umum-keuangan -2026- (2)", strings.Repeat("😀", 15), "Unit (2)", "A B"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("namaSheet =\n%q\nwant\n%q", got, want)
	}
	for _, n := range got {
		if len([]rune(n)) > 31 {
			t.Errorf("%q longer than 31", n)
		}
	}
}
