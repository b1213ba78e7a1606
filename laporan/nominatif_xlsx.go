package laporan

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/kinerja-id/kinerja/domain"
)

const (
	judulNominatif = "DAFTAR NOMINATIF PEMBAYARAN TAMBAHAN PENGHASILAN PEGAWAI (TPP)"
	judulRekap     = "REKAPITULASI PEMBAYARAN TAMBAHAN PENGHASILAN PEGAWAI (TPP)"
	sheetRekap     = "Rekapitulasi"
	tandaDraf      = "DRAF — belum disetujui"
	catatanPPh     = "*) PPh 21 ditanggung pemda: dicantumkan, tidak dipotong dari TPP."
	formatRibuan   = 3 // built-in number format #,##0
)

// NominatifXLSX writes the daftar nominatif as an Excel workbook: a "Rekapitulasi"
// sheet with one row per unit and a grand total, then one sheet per unit kerja with
// a title block, one row per pegawai, the unit's total and a signature block.
// Amounts are numbers formatted #,##0 (written as values computed here, not
// formulas, so the file reads right without recalculation); NIPs and account numbers
// are text. A run not approved is marked DRAF in the title and the page header.
func NominatifXLSX(w io.Writer, m Meta, run domain.PerhitunganTPP, lines []domain.BarisTPP) error {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }() // only removes temporary files; the workbook is written by then
	b := &buku{f: f, m: m, run: run, kolom: kolomNominatif(run, lines)}
	b.gaya()
	units := perUnit(lines)
	nama := namaSheet(units)
	if b.err == nil {
		b.err = f.SetSheetName("Sheet1", sheetRekap)
	}
	b.rekap(units)
	for i, u := range units {
		b.sheetUnit(nama[i], u)
	}
	if b.err != nil {
		return fmt.Errorf("laporan: xlsx nominatif: %w", b.err)
	}
	dicetak := m.Dicetak.UTC().Format(time.RFC3339)
	err := f.SetDocProps(&excelize.DocProperties{
		Title:          "Daftar Nominatif TPP " + bulanTahun(run.Tahun, run.Bulan),
		Subject:        m.InstansiNama,
		Creator:        "Kinerja",
		LastModifiedBy: "Kinerja",
		Description:    fmt.Sprintf("Perhitungan TPP %s (%s, %s), aturan versi %d", run.ID, run.Jenis, run.Status, run.AturanVersi),
		Language:       "id-ID",
		Created:        dicetak,
		Modified:       dicetak,
	})
	if err != nil {
		return fmt.Errorf("laporan: xlsx nominatif: %w", err)
	}
	f.SetActiveSheet(0)
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("laporan: xlsx nominatif: %w", err)
	}
	return nil
}

// jenisKolom is how a column's cells are written and styled.
type jenisKolom int

const (
	kolomNomor    jenisKolom = iota // the row number
	kolomTeks                       // text, left, wrapped
	kolomTengah                     // short text, centred
	kolomBilangan                   // whole number, centred, not totalled (kelas, JHK)
	kolomUang                       // rupiah, #,##0, totalled
	kolomTTD                        // the signature column
)

// kolom is one column of a unit sheet.
type kolom struct {
	judul   string
	grup    string // header over adjacent columns of the same grup; "" spans both header rows
	lebar   float64
	jenis   jenisKolom
	teks    func(no int, b domain.BarisTPP) string // kolomTeks, kolomTengah, kolomTTD
	angka   func(b domain.BarisTPP) int64          // kolomBilangan, kolomUang
	bintang func(b domain.BarisTPP) bool           // marks the amount with "*" (see catatanPPh)
}

// kolomNominatif lays out a unit sheet's columns. Tambahan is shown only when some
// line has it (most profiles have none) and what the run pays only for corrections.
func kolomNominatif(run domain.PerhitunganTPP, lines []domain.BarisTPP) []kolom {
	uang := func(judul string, f func(b domain.BarisTPP) int64) kolom {
		return kolom{judul: judul, lebar: 14, jenis: kolomUang, angka: f}
	}
	k := []kolom{
		{judul: "No", lebar: 5, jenis: kolomNomor},
		{judul: "Nama", grup: "Nama / NIP", lebar: 28, jenis: kolomTeks, teks: func(_ int, b domain.BarisTPP) string { return b.Nama }},
		{judul: "NIP", grup: "Nama / NIP", lebar: 21, jenis: kolomTengah, teks: func(_ int, b domain.BarisTPP) string { return b.NIP }},
		{judul: "Jabatan", lebar: 28, jenis: kolomTeks, teks: func(_ int, b domain.BarisTPP) string { return b.JabatanNama }},
		{judul: "Kelas", lebar: 7, jenis: kolomBilangan, angka: func(b domain.BarisTPP) int64 { return int64(b.KelasJabatan) }},
		{judul: "Gol", lebar: 7, jenis: kolomTengah, teks: func(_ int, b domain.BarisTPP) string { return b.Golongan }},
		{judul: "JHK", lebar: 6, jenis: kolomBilangan, angka: func(b domain.BarisTPP) int64 { return int64(b.JHK) }},
		{judul: "Predikat", lebar: 15, jenis: kolomTengah, teks: func(_ int, b domain.BarisTPP) string { return labelPredikat(b.Predikat) }},
		uang("Pagu TPP", func(b domain.BarisTPP) int64 { return b.Pagu }),
		uang("Produktivitas", func(b domain.BarisTPP) int64 { return b.Produktivitas }),
		uang("Disiplin", func(b domain.BarisTPP) int64 { return b.Disiplin }),
	}
	for _, b := range lines {
		if b.Tambahan != 0 {
			k = append(k, uang("Tambahan", func(b domain.BarisTPP) int64 { return b.Tambahan }))
			break
		}
	}
	pph := uang("PPh 21", func(b domain.BarisTPP) int64 { return b.PPh })
	pph.bintang = func(b domain.BarisTPP) bool { return b.PPhDitanggung && b.PPh != 0 }
	k = append(k,
		uang("Potongan", func(b domain.BarisTPP) int64 { return b.Potongan }),
		uang("Bruto", func(b domain.BarisTPP) int64 { return b.Bruto }),
		pph,
		uang("BPJS (pegawai)", func(b domain.BarisTPP) int64 { return b.BPJSPegawai }),
		uang("Potongan lain", func(b domain.BarisTPP) int64 { return b.PotonganLain }),
		uang("Neto", func(b domain.BarisTPP) int64 { return b.Neto }),
	)
	if selisih(run) {
		k = append(k, uang("Selisih dibayar", func(b domain.BarisTPP) int64 { return b.Dibayar }))
	}
	return append(k,
		kolom{judul: "No. Rekening", lebar: 20, jenis: kolomTengah, teks: func(_ int, b domain.BarisTPP) string {
			if b.Rekening == nil {
				return ""
			}
			return b.Rekening.Nomor
		}},
		kolom{judul: "Tanda tangan", lebar: 16, jenis: kolomTTD, teks: func(no int, _ domain.BarisTPP) string {
			return fmt.Sprintf("%d. ..........", no)
		}},
	)
}

// buku writes one workbook; the first excelize error sticks and later calls do
// nothing.
type buku struct {
	f     *excelize.File
	m     Meta
	run   domain.PerhitunganTPP
	kolom []kolom
	s     gaya
	err   error
}

// gaya holds the style ids.
type gaya struct {
	judul, subjudul, draf, kepala, teks, tengah, bilangan, uang, uangBintang,
	totalLabel, total, ttdKiri, ttdKanan, catatan, polos, tengahPolos, namaTTD int
}

func (b *buku) gaya() {
	tepi := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	tengah := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	kiri := &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}
	kanan := &excelize.Alignment{Horizontal: "right", Vertical: "center"}
	bintang := `#,##0"*"`
	for _, d := range []struct {
		id *int
		s  excelize.Style
	}{
		{&b.s.judul, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}, Alignment: tengah}},
		{&b.s.subjudul, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: tengah}},
		{&b.s.draf, excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000", Size: 12}, Alignment: tengah}},
		{&b.s.kepala, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: tengah, Border: tepi,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}}},
		{&b.s.teks, excelize.Style{Alignment: kiri, Border: tepi}},
		{&b.s.tengah, excelize.Style{Alignment: tengah, Border: tepi}},
		{&b.s.bilangan, excelize.Style{Alignment: tengah, Border: tepi, NumFmt: 1}},
		{&b.s.uang, excelize.Style{Alignment: kanan, Border: tepi, NumFmt: formatRibuan}},
		{&b.s.uangBintang, excelize.Style{Alignment: kanan, Border: tepi, CustomNumFmt: &bintang}},
		{&b.s.totalLabel, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: tengah, Border: tepi}},
		{&b.s.total, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: kanan, Border: tepi, NumFmt: formatRibuan}},
		{&b.s.ttdKiri, excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}, Border: tepi}},
		{&b.s.ttdKanan, excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Border: tepi}},
		{&b.s.catatan, excelize.Style{Font: &excelize.Font{Italic: true, Size: 9}}},
		{&b.s.polos, excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}}},
		{&b.s.tengahPolos, excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&b.s.namaTTD, excelize.Style{Font: &excelize.Font{Bold: true, Underline: "single"}, Alignment: &excelize.Alignment{Horizontal: "center"}}},
	} {
		if b.err != nil {
			return
		}
		*d.id, b.err = b.f.NewStyle(&d.s)
	}
}

// sel names a cell.
func sel(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

func (b *buku) str(sheet string, col, row int, v string) {
	if b.err == nil {
		b.err = b.f.SetCellStr(sheet, sel(col, row), v)
	}
}

func (b *buku) int(sheet string, col, row int, v int64) {
	if b.err == nil {
		b.err = b.f.SetCellInt(sheet, sel(col, row), v)
	}
}

func (b *buku) style(sheet string, c1, r1, c2, r2, id int) {
	if b.err == nil {
		b.err = b.f.SetCellStyle(sheet, sel(c1, r1), sel(c2, r2), id)
	}
}

func (b *buku) merge(sheet string, c1, r1, c2, r2 int) {
	if b.err == nil && (c1 != c2 || r1 != r2) {
		b.err = b.f.MergeCell(sheet, sel(c1, r1), sel(c2, r2))
	}
}

// baris writes a text across columns c1..c2 of a row, merged and styled.
func (b *buku) baris(sheet string, row, c1, c2 int, v string, id int) {
	b.str(sheet, c1, row, v)
	b.merge(sheet, c1, row, c2, row)
	b.style(sheet, c1, row, c2, row, id)
}

// judul writes the title block over ncol columns and returns the next free row.
func (b *buku) judul(sheet, judul, unitNama string, ncol int) int {
	row := 1
	tulis := func(v string, id int) {
		b.baris(sheet, row, 1, ncol, v, id)
		row++
	}
	tulis(judul, b.s.judul)
	if b.m.InstansiNama != "" {
		tulis(strings.ToUpper(b.m.InstansiNama), b.s.subjudul)
	}
	if unitNama != "" {
		tulis("Unit Kerja: "+unitNama, b.s.subjudul)
	}
	tulis("Bulan: "+bulanTahun(b.run.Tahun, b.run.Bulan), b.s.subjudul)
	if j := jenisRun(b.run); j != "" {
		tulis(j, b.s.subjudul)
	}
	if draf(b.run) {
		tulis(tandaDraf, b.s.draf)
	}
	return row + 1
}

// kepala writes the two header rows from row and returns the first data row.
func (b *buku) kepala(sheet string, row int, kol []kolom) int {
	for i := 0; i < len(kol); {
		c := i + 1
		if kol[i].grup == "" {
			b.str(sheet, c, row, kol[i].judul)
			b.merge(sheet, c, row, c, row+1)
			i++
			continue
		}
		j := i
		for j < len(kol) && kol[j].grup == kol[i].grup {
			b.str(sheet, j+1, row+1, kol[j].judul)
			j++
		}
		b.str(sheet, c, row, kol[i].grup)
		b.merge(sheet, c, row, j, row)
		i = j
	}
	b.style(sheet, 1, row, len(kol), row+1, b.s.kepala)
	if b.err == nil {
		b.err = b.f.SetRowHeight(sheet, row+1, 30)
	}
	return row + 2
}

// halaman sets column widths and the print setup: A4 landscape fitted to the page
// width, header rows repeated on every page, page numbers, and DRAF in the page
// header of a draft.
func (b *buku) halaman(sheet string, lebar []float64, kepala int) {
	for i, w := range lebar {
		if b.err == nil {
			col, _ := excelize.ColumnNumberToName(i + 1)
			b.err = b.f.SetColWidth(sheet, col, col, w)
		}
	}
	if b.err != nil {
		return
	}
	landscape, a4, satu, nol := "landscape", 9, 1, 0
	fit := true
	hf := &excelize.HeaderFooterOptions{OddFooter: "&RHalaman &P dari &N"}
	if draf(b.run) {
		hf.OddHeader = `&C&"-,Bold"` + tandaDraf
	}
	kiri, kanan := 0.4, 0.4
	for _, f := range []func() error{
		func() error {
			return b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &a4, FitToWidth: &satu, FitToHeight: &nol})
		},
		func() error { return b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}) },
		func() error {
			return b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &kiri, Right: &kanan})
		},
		func() error { return b.f.SetHeaderFooter(sheet, hf) },
		func() error {
			return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
				RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(sheet, "'", "''"), kepala, kepala+1)})
		},
	} {
		if b.err == nil {
			b.err = f()
		}
	}
}

// rekap writes the first sheet: one row per unit and the grand total, over the
// amount columns of the unit sheets.
func (b *buku) rekap(units []unit) {
	uang := make([]kolom, 0, len(b.kolom))
	for _, k := range b.kolom {
		if k.jenis == kolomUang {
			uang = append(uang, k)
		}
	}
	kol := append([]kolom{{judul: "No", lebar: 5}, {judul: "Unit Kerja", lebar: 40}, {judul: "Jumlah Pegawai", lebar: 10}}, uang...)
	ncol := len(kol)
	row := b.judul(sheetRekap, judulRekap, b.run.UnitKerjaNama, ncol)
	kepala := row
	row = b.kepala(sheetRekap, row, kol)
	awal := row
	total := make([]int64, len(uang))
	pegawai, bintang := 0, false
	for i, u := range units {
		b.int(sheetRekap, 1, row, int64(i+1))
		b.str(sheetRekap, 2, row, u.Nama)
		b.int(sheetRekap, 3, row, int64(len(u.Baris)))
		pegawai += len(u.Baris)
		for j, k := range uang {
			var s int64
			for _, l := range u.Baris {
				s += k.angka(l)
				bintang = bintang || k.bintang != nil && k.bintang(l)
			}
			total[j] += s
			b.int(sheetRekap, 4+j, row, s)
		}
		row++
	}
	if row > awal {
		b.style(sheetRekap, 1, awal, 1, row-1, b.s.bilangan)
		b.style(sheetRekap, 2, awal, 2, row-1, b.s.teks)
		b.style(sheetRekap, 3, awal, 3, row-1, b.s.bilangan)
		b.style(sheetRekap, 4, awal, ncol, row-1, b.s.uang)
	}
	b.style(sheetRekap, 1, row, ncol, row, b.s.total)
	b.baris(sheetRekap, row, 1, 2, "JUMLAH", b.s.totalLabel)
	b.int(sheetRekap, 3, row, int64(pegawai))
	for j := range uang {
		b.int(sheetRekap, 4+j, row, total[j])
	}
	row++
	if bintang {
		b.baris(sheetRekap, row, 1, ncol, catatanPPh, b.s.catatan)
		row++
	}
	b.ttd(sheetRekap, row+1, ncol)
	lebar := make([]float64, ncol)
	for i, k := range kol {
		lebar[i] = k.lebar
	}
	b.halaman(sheetRekap, lebar, kepala)
}

// sheetUnit writes one unit's sheet.
func (b *buku) sheetUnit(sheet string, u unit) {
	if b.err == nil {
		_, b.err = b.f.NewSheet(sheet)
	}
	kol, ncol := b.kolom, len(b.kolom)
	nama := u.Nama
	if nama == "" {
		nama = "-"
	}
	row := b.judul(sheet, judulNominatif, nama, ncol)
	kepala := row
	row = b.kepala(sheet, row, kol)
	awal, akhir := row, row+len(u.Baris)-1
	total := make([]int64, ncol)
	bintang := false
	for i, l := range u.Baris {
		r := awal + i
		for c, k := range kol {
			switch k.jenis {
			case kolomNomor:
				b.int(sheet, c+1, r, int64(i+1))
			case kolomBilangan, kolomUang:
				v := k.angka(l)
				total[c] += v
				b.int(sheet, c+1, r, v)
			default:
				b.str(sheet, c+1, r, k.teks(i+1, l))
			}
		}
		if b.err == nil {
			b.err = b.f.SetRowHeight(sheet, r, 24)
		}
	}
	gayaKolom := map[jenisKolom]int{kolomNomor: b.s.bilangan, kolomTeks: b.s.teks, kolomTengah: b.s.tengah,
		kolomBilangan: b.s.bilangan, kolomUang: b.s.uang, kolomTTD: b.s.ttdKiri}
	var uang0 int // the first amount column: the total's label spans the columns before it
	for c, k := range kol {
		if len(u.Baris) > 0 {
			b.style(sheet, c+1, awal, c+1, akhir, gayaKolom[k.jenis])
		}
		for i, l := range u.Baris {
			switch {
			case k.bintang != nil && k.bintang(l):
				bintang = true
				b.style(sheet, c+1, awal+i, c+1, awal+i, b.s.uangBintang)
			case k.jenis == kolomTTD && i%2 == 1: // signatures alternate left and right
				b.style(sheet, c+1, awal+i, c+1, awal+i, b.s.ttdKanan)
			}
		}
		if k.jenis == kolomUang && uang0 == 0 {
			uang0 = c + 1
		}
	}
	row = awal + len(u.Baris)
	b.style(sheet, 1, row, ncol, row, b.s.total)
	b.baris(sheet, row, 1, uang0-1, "JUMLAH", b.s.totalLabel)
	for c, k := range kol {
		if k.jenis == kolomUang {
			b.int(sheet, c+1, row, total[c])
		}
	}
	row++
	if bintang {
		b.baris(sheet, row, 1, ncol, catatanPPh, b.s.catatan)
		row++
	}
	b.ttd(sheet, row+1, ncol)
	lebar := make([]float64, ncol)
	for i, k := range kol {
		lebar[i] = k.lebar
	}
	b.halaman(sheet, lebar, kepala)
}

// ttd writes the signature block from row: the place and date above the right-most
// signer, then for each signer, left to right, the position, room to sign, the name
// and the NIP, each signer over an equal share of the ncol columns.
func (b *buku) ttd(sheet string, row, ncol int) {
	p := b.m.penandatangan()
	lebar := max(1, ncol/len(p))
	tempat := tanggal(b.m.Dicetak)
	if b.m.Kota != "" {
		tempat = b.m.Kota + ", " + tanggal(b.m.Dicetak)
	}
	for i, t := range p {
		c1 := 1 + i*lebar
		c2 := c1 + lebar - 1
		if i == len(p)-1 {
			c2 = max(c2, ncol)
			b.baris(sheet, row, c1, c2, tempat, b.s.tengahPolos)
		}
		b.baris(sheet, row+1, c1, c2, t.Jabatan, b.s.polos)
		nama, nip := t.Nama, t.NIP
		if nama == "" {
			nama = "...................................."
		}
		if nip == "" {
			nip = "...................................."
		}
		b.baris(sheet, row+5, c1, c2, nama, b.s.namaTTD)
		b.baris(sheet, row+6, c1, c2, "NIP. "+nip, b.s.tengahPolos)
	}
	if b.err == nil {
		b.err = b.f.SetRowHeight(sheet, row+1, 30)
	}
}

// maxNamaSheet is Excel's limit on a sheet name, in UTF-16 code units.
const maxNamaSheet = 31

// namaSheet names the units' sheets: the unit name with the characters Excel refuses
// (: \ / ? * [ ] and control characters) replaced, no apostrophe at either end, cut
// to 31 characters and made unique (Excel compares names case-insensitively; the
// recap sheet's name and "History" are taken) with a " (2)", " (3)" … suffix.
func namaSheet(units []unit) []string {
	dipakai := map[string]bool{strings.ToLower(sheetRekap): true, "history": true}
	out := make([]string, len(units))
	for i, u := range units {
		dasar := strings.Map(func(r rune) rune {
			switch {
			case strings.ContainsRune(`:\/?*[]`, r):
				return '-'
			case r < 0x20 || r == 0x7f:
				return ' '
			}
			return r
		}, u.Nama)
		dasar = rapikanSheet(dasar)
		if dasar == "" {
			dasar = "Unit"
		}
		nama := potongSheet(dasar, maxNamaSheet)
		for n := 2; dipakai[strings.ToLower(nama)]; n++ {
			akhiran := fmt.Sprintf(" (%d)", n)
			nama = potongSheet(dasar, maxNamaSheet-len(akhiran)) + akhiran
		}
		dipakai[strings.ToLower(nama)] = true
		out[i] = nama
	}
	return out
}

// rapikanSheet trims spaces and apostrophes (a sheet name may not begin or end with one).
func rapikanSheet(s string) string { return strings.Trim(s, " '") }

// potongSheet cuts s to at most n UTF-16 code units, on a character boundary.
func potongSheet(s string, n int) string {
	used := 0
	for i, r := range s {
		w := utf16.RuneLen(r)
		if used+w > n {
			return rapikanSheet(s[:i])
		}
		used += w
	}
	return s
}
