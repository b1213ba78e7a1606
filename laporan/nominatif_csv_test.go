package laporan

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/domain"
)

// bacaCSV parses a CSV output.
func bacaCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rec, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("read csv: %v\n%s", err, b)
	}
	return rec
}

func TestNominatifCSV(t *testing.T) {
	lines := contohBaris()
	lines[1].Nama = "=HYPERLINK(\"http://x\",\"klik\")"
	lines[1].JabatanNama = "@Pranata"
	lines[1].Dibayar, lines[1].SudahDibayar = -20_000, lines[1].Neto+20_000
	lines[1].Anomali = []domain.KodeAnomali{domain.AnomaliPerubahanBesar, domain.AnomaliTanpaRekening}
	lines[1].Tambahan = 5_000
	var buf bytes.Buffer
	if err := NominatifCSV(&buf, contohRun(), lines); err != nil {
		t.Fatal(err)
	}
	rec := bacaCSV(t, buf.Bytes())
	if got, want := strings.Join(rec[0], ","), "nip,nama,unit_kerja,jabatan,kelas_jabatan,golongan,jhk,predikat,pagu,"+
		"produktivitas,disiplin,tambahan,potongan,bruto,bpjs_pegawai,bpjs_pemda,pph,potongan_lain,neto,sudah_dibayar,"+
		"dibayar,anomali"; got != want {
		t.Errorf("header = %s\nwant     %s", got, want)
	}
	if len(rec) != len(lines)+1 {
		t.Fatalf("%d rows, want %d", len(rec), len(lines)+1)
	}
	want := []string{"198703152010011002", "Andi Wijaya, S.Kom.", "Dinas Kesehatan", "Analis Kebijakan", "9", "III/c", "21",
		"BAIK", "5000000", "3000000", "2000000", "0", "150000", "4850000", "48500", "194000", "242500", "10000", "4549000",
		"0", "4549000", ""}
	if got := rec[1]; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("row 1 =\n%q\nwant\n%q", got, want)
	}
	r := rec[2]
	if r[1] != `'=HYPERLINK("http://x","klik")` || r[3] != "'@Pranata" {
		t.Errorf("formula injection not guarded: nama %q, jabatan %q", r[1], r[3])
	}
	if r[11] != "5000" || r[20] != "-20000" {
		t.Errorf("tambahan %q, dibayar %q: numbers must be written as they are", r[11], r[20])
	}
	if r[21] != "PERUBAHAN_BESAR|TANPA_REKENING" {
		t.Errorf("anomali = %q", r[21])
	}
}

func TestNominatifCSVKosong(t *testing.T) {
	var buf bytes.Buffer
	if err := NominatifCSV(&buf, contohRun(), nil); err != nil {
		t.Fatal(err)
	}
	if rec := bacaCSV(t, buf.Bytes()); len(rec) != 1 {
		t.Errorf("%d rows, want the header only", len(rec))
	}
}
