package laporan

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/domain"
)

func TestBankCSV(t *testing.T) {
	lines := contohBaris()
	lines[1].Dibayar = 0                 // nothing to pay
	lines[2].Dibayar = -15_000           // to recover: not a transfer
	lines[3].Rekening.AtasNama = ""      // falls back to the pegawai's name
	lines[3].Rekening.NamaBank = "-Bank" // a text cell is guarded
	lines = append(lines, baris("199911112022031005", "Eka", "u3", unitPanjang2, 0, 0, 0))
	lines[4].Dibayar, lines[4].Rekening = 0, nil // nothing to pay and no account: fine
	var buf bytes.Buffer
	if err := BankCSV(&buf, contohRun(), lines); err != nil {
		t.Fatal(err)
	}
	rec := bacaCSV(t, buf.Bytes())
	want := [][]string{
		{"no", "no_rekening", "nama_rekening", "nama_bank", "jumlah", "nip", "keterangan"},
		{"1", "001011002", "Andi Wijaya, S.Kom.", "Bank SulutGo", "4549000", "198703152010011002", "TPP 10/2026"},
		{"2", "001031004", "Dewi Sartika", "'-Bank", "2340000", "199205052019031004", "TPP 10/2026"},
	}
	if len(rec) != len(want) {
		t.Fatalf("%d rows, want %d:\n%s", len(rec), len(want), buf.Bytes())
	}
	for i := range want {
		if strings.Join(rec[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, rec[i], want[i])
		}
	}
}

func TestBankCSVKoreksi(t *testing.T) {
	run := contohRun()
	run.Jenis, run.Urutan = domain.PerhitunganKoreksi, 1
	lines := contohBaris()[:1]
	lines[0].Dibayar = 50_000
	var buf bytes.Buffer
	if err := BankCSV(&buf, run, lines); err != nil {
		t.Fatal(err)
	}
	rec := bacaCSV(t, buf.Bytes())
	if len(rec) != 2 || rec[1][4] != "50000" || rec[1][6] != "TPP 10/2026 KOREKSI" {
		t.Errorf("rows = %q", rec)
	}
}

func TestBankCSVBelumDisetujui(t *testing.T) {
	for _, st := range []domain.StatusPerhitungan{domain.PerhitunganProses, domain.PerhitunganDihitung, domain.PerhitunganGagal} {
		run := contohRun()
		run.Status = st
		var buf bytes.Buffer
		err := BankCSV(&buf, run, contohBaris())
		if !errors.Is(err, ErrBelumDisetujui) {
			t.Errorf("%s: err = %v, want ErrBelumDisetujui", st, err)
		}
		if de, ok := domain.AsError(err); !ok || de.Kind != domain.KindConflict {
			t.Errorf("%s: err = %v, want a domain conflict", st, err)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: wrote %q", st, buf.Bytes())
		}
	}
}

func TestBankCSVTanpaRekening(t *testing.T) {
	lines := contohBaris()
	lines[1].Rekening = nil
	lines[3].Rekening.Nomor = "  "
	var buf bytes.Buffer
	err := BankCSV(&buf, contohRun(), lines)
	var te *TanpaRekeningError
	if !errors.As(err, &te) {
		t.Fatalf("err = %v, want *TanpaRekeningError", err)
	}
	if got := strings.Join(te.NIP, ","); got != lines[1].NIP+","+lines[3].NIP {
		t.Errorf("NIPs = %s", got)
	}
	de, ok := domain.AsError(err)
	if !ok || de.Kind != domain.KindConflict || de.Code != "rekening_kosong" || !strings.Contains(de.Text.ID, lines[1].NIP) {
		t.Errorf("domain error = %+v", de)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %q", buf.Bytes())
	}
}

func TestTanpaRekeningErrorPesan(t *testing.T) {
	e := &TanpaRekeningError{NIP: make([]string, 25)}
	for i := range e.NIP {
		e.NIP[i] = "1990"
	}
	de, _ := domain.AsError(e)
	if !strings.Contains(de.Text.ID, "dan 5 lainnya") || !strings.Contains(de.Text.EN, "and 5 more") {
		t.Errorf("text = %+v", de.Text)
	}
}
