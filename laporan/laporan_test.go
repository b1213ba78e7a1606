package laporan

import (
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// contohRun is an approved INDUK run for October 2026.
func contohRun() domain.PerhitunganTPP {
	return domain.PerhitunganTPP{ID: "run-1", InstansiID: "inst-1", Tahun: 2026, Bulan: time.October,
		Jenis: domain.PerhitunganInduk, Status: domain.PerhitunganDisetujui, AturanVersi: 3}
}

// baris builds a consistent line: bruto = produktivitas + disiplin − potongan, neto =
// bruto − BPJS − PPh − potongan lain, paid in full.
func baris(nip, nama, unitID, unitNama string, prod, dis, pot int64) domain.BarisTPP {
	bruto := prod + dis - pot
	bpjs, pph, lain := bruto/100, bruto*5/100, int64(10_000)
	neto := bruto - bpjs - pph - lain
	return domain.BarisTPP{PerhitunganID: "run-1", InstansiID: "inst-1", PegawaiID: "peg-" + nip, NIP: nip, Nama: nama,
		UnitKerjaID: unitID, UnitKerjaNama: unitNama, UnitPath: "/" + unitID, JabatanNama: "Analis Kebijakan",
		KelasJabatan: 9, Golongan: "III/c", JenisASN: domain.JenisPNS, StatusKepegawaian: domain.StatusAktif,
		Predikat: domain.Baik, JHK: 21, Pagu: prod + dis, PersenKinerja: "100", Produktivitas: prod, Disiplin: dis,
		Potongan: pot, Bruto: bruto, BPJSPegawai: bpjs, BPJSPemda: bruto * 4 / 100, PPh: pph, PotonganLain: lain,
		Neto: neto, Dibayar: neto, Biaya: bruto + bruto*4/100,
		Rekening: &domain.Rekening{NamaBank: "Bank SulutGo", Nomor: "001" + nip[len(nip)-6:], AtasNama: nama},
		Anomali:  []domain.KodeAnomali{}}
}

const (
	unitPanjang  = "Bidang Pelayanan Kesehatan Masyarakat dan Sumber Daya"
	unitPanjang2 = "Bidang Pelayanan Kesehatan Masyarakat dan Farmasi"
)

// contohBaris has three units, two of whose names cut to the same 31 characters.
func contohBaris() []domain.BarisTPP {
	return []domain.BarisTPP{
		baris("198703152010011002", "Andi Wijaya, S.Kom.", "u1", "Dinas Kesehatan", 3_000_000, 2_000_000, 150_000),
		baris("199001012015032001", "Budi Santoso", "u1", "Dinas Kesehatan", 2_400_000, 1_600_000, 0),
		baris("198512122009021003", "Citra Lestari", "u2", unitPanjang, 1_800_000, 1_200_000, 60_000),
		baris("199205052019031004", "Dewi Sartika", "u3", unitPanjang2, 1_500_000, 1_000_000, 0),
	}
}

func TestTanggalDanBulan(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{tanggal(time.Date(2026, time.November, 5, 23, 0, 0, 0, time.UTC)), "5 November 2026"},
		{bulanTahun(2026, time.October), "Oktober 2026"},
		{bulanTahun(2026, time.January), "Januari 2026"},
		{jenisRun(domain.PerhitunganTPP{Jenis: domain.PerhitunganKoreksi, Urutan: 1}), "KOREKSI ke-1"},
		{jenisRun(domain.PerhitunganTPP{Jenis: domain.PerhitunganRapel, Urutan: 2}), "RAPEL ke-2"},
		{jenisRun(domain.PerhitunganTPP{Jenis: domain.PerhitunganInduk}), ""},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestAmanCSV(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1":               "'=1+1",
		"+62812":             "'+62812",
		"-":                  "'-",
		"@SUM(A1)":           "'@SUM(A1)",
		"\tx":                "'\tx",
		"Andi":               "Andi",
		"":                   "",
		"198703152010011002": "198703152010011002",
	} {
		if got := amanCSV(in); got != want {
			t.Errorf("amanCSV(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPerUnit(t *testing.T) {
	u := perUnit(contohBaris())
	if len(u) != 3 || u[0].ID != "u1" || len(u[0].Baris) != 2 || u[1].ID != "u2" || u[2].ID != "u3" {
		t.Fatalf("perUnit = %+v", u)
	}
}
