package service

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// bulanUji builds a deterministic March 2025 of n pegawai in WITA as muatBulan would
// load it: clock records most days (late, early, one side or the whole day missing
// for some), a cuti bersama and a holiday, leave and unpaid leave, sanctions,
// predikat of every kind, acting posts, payroll inputs, earlier payments, a budget
// line and pegawai without an account.
func bulanUji(tb testing.TB, n int) (*bulanTPP, []domain.PegawaiView) {
	tb.Helper()
	wita, err := time.LoadLocation("Asia/Makassar")
	if err != nil {
		tb.Fatal(err)
	}
	first, last := monthRange(2025, time.March)
	m := &bulanTPP{tahun: 2025, bulan: time.March, upTo: last,
		rekap: rekapFacts{loc: map[string]*time.Location{"u1": wita, "u2": wita}, jadwal: map[string][]JadwalRentang{},
			libur: []domain.HariLibur{{Tanggal: date(2025, 3, 28), Jenis: domain.CutiBersama, Nama: "Cuti bersama Idul Fitri"},
				{Tanggal: date(2025, 3, 31), Jenis: domain.LiburNasional, Nama: "Idul Fitri 1446 H"}},
			rekaman: map[string][]domain.Rekaman{}, izin: map[string][]domain.DokumenIzin{}},
		kinerja: map[string]domain.KinerjaFakta{}, lalu: map[string]domain.KinerjaFakta{}, menit: map[string]int64{},
		hukuman: map[string][]domain.HukumanFakta{}, plt: map[string]int{}, masukan: map[string]domain.MasukanTPP{},
		terbayar: map[string]domain.Terbayar{}, sebelum: map[string]domain.Terbayar{},
		pagu: domain.PaguTPP{Unit: []domain.PaguUnit{{UnitKerjaID: "u2", UnitKerjaNama: "Dinas Dua", UnitPath: "/u2/", Jumlah: 1 << 40}}}}
	predikat := append(domain.AllPredikat, "")
	golongan := []string{"III/a", "IV/b", "II/c", "I/d", "IX"}
	ps := make([]domain.PegawaiView, n)
	for i := range ps {
		id := fmt.Sprintf("00000000-0000-4000-8000-%012d", i)
		unit := []string{"u1", "u2"}[i%2]
		v := domain.PegawaiView{Pegawai: domain.Pegawai{ID: id, NIP: fmt.Sprintf("19900101201503%04d", i%10000),
			Nama: fmt.Sprintf("Pegawai <%d> & Co", i), GelarBelakang: []string{"", "S.Kom."}[i%2], JenisASN: domain.JenisPNS,
			TMT:      time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC),
			Rekening: &domain.Rekening{NamaBank: "Bank Kaltara", Nomor: fmt.Sprint(1000 + i), AtasNama: "Pegawai"}},
			Riwayat: domain.Riwayat{JabatanID: "j1", JabatanNama: "Pelaksana", KelasJabatan: 1 + i%17, UnitKerjaID: unit,
				UnitKerjaNama: "Dinas " + unit, UnitPath: "/" + unit + "/", Golongan: golongan[i%len(golongan)], Status: domain.StatusAktif}}
		switch {
		case v.Golongan == "IX":
			v.JenisASN, v.Pegawai.JenisASN = domain.JenisPPPK, domain.JenisPPPK
		case i%23 == 4:
			v.JenisASN, v.Pegawai.JenisASN = domain.JenisCPNS, domain.JenisCPNS
		}
		switch {
		case i%31 == 0:
			v.Rekening = nil
		case i%37 == 5:
			v.Status = domain.StatusTugasBelajar
		case i%41 == 6:
			v.TMT = date(2025, 3, 12)
		}
		ps[i] = v
		m.rekap.rekaman[id] = rekamanUji(i, first, wita)
		if p := predikat[i%len(predikat)]; p != "" {
			m.kinerja[id] = domain.KinerjaFakta{Predikat: p, Final: i%19 != 3}
		}
		if i%3 == 0 {
			m.lalu[id] = domain.KinerjaFakta{Predikat: predikat[(i/3)%len(predikat)], Final: true}
		}
		m.menit[id] = int64(i%7) * 1000
		switch {
		case i%20 == 3:
			m.rekap.izin[id] = []domain.DokumenIzin{{Jenis: domain.IzinCutiTahunan, Mulai: date(2025, 3, 11), Selesai: date(2025, 3, 13)}}
		case i%50 == 7:
			m.rekap.izin[id] = []domain.DokumenIzin{{Jenis: domain.IzinCutiSakit, Mulai: date(2025, 3, 3), Selesai: date(2025, 3, 7)}}
		case i%97 == 5:
			m.rekap.izin[id] = []domain.DokumenIzin{{Jenis: domain.IzinCLTN, Mulai: first, Selesai: last}}
		}
		if i%100 == 7 {
			m.hukuman[id] = []domain.HukumanFakta{{Jenis: domain.PotonganTukin6, TanggalBerlaku: date(2025, 2, 1), DurasiBulan: 6}}
		}
		if i%40 == 9 {
			m.plt[id] = 9
		}
		if i%25 == 1 {
			m.masukan[id] = domain.MasukanTPP{TunjanganProfesi: int64(i) * 1000, PenghasilanLainBPJS: 9_000_000,
				PotonganLain: []domain.PotonganFakta{{Kode: "KOP", Nama: "Koperasi \"Maju\" <&>", Jumlah: 50_000}}}
		}
		if i%60 == 2 {
			m.sebelum[id] = domain.Terbayar{Dibayar: 1_000_000}
			m.terbayar[id] = domain.Terbayar{Dibayar: 500_000, Biaya: 600_000}
		}
	}
	return m, ps
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// rekamanUji is pegawai i's clock records of the month: in around 07:30 and out
// around 16:00 on weekdays (as the payroll benchmark), with some sides or days missing.
func rekamanUji(i int, first time.Time, loc *time.Location) []domain.Rekaman {
	if i%29 == 0 {
		return nil
	}
	var out []domain.Rekaman
	for d := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, loc); d.Month() == first.Month(); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday || (i+d.Day())%17 == 0 {
			continue
		}
		jitter := time.Duration((i*7+d.Day()*13)%2400) * time.Second
		if (i+d.Day())%13 != 0 {
			out = append(out, domain.Rekaman{Waktu: d.Add(7*time.Hour + 10*time.Minute + jitter).UTC(), Jenis: domain.RekamanMasuk})
		}
		if (i+d.Day())%11 != 0 {
			out = append(out, domain.Rekaman{Waktu: d.Add(16*time.Hour + jitter).UTC(), Jenis: domain.RekamanPulang})
		}
	}
	return out
}

// barisUji is bulanUji's lines under every preset, one preset after another.
func barisUji(tb testing.TB, n int) [][]domain.BarisTPP {
	m, ps := bulanUji(tb, n)
	var out [][]domain.BarisTPP
	for _, info := range domain.DaftarPresetTPP() {
		p, _ := domain.PresetTPP(info.Kode)
		run := domain.PerhitunganTPP{ID: "00000000-0000-4000-8000-00000000aaaa", InstansiID: "00000000-0000-4000-8000-00000000bbbb",
			Jenis: domain.PerhitunganInduk}
		lines, err := (&TPP{}).hitungBaris(m, ps, p, run, nil)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, lines)
	}
	return out
}

// sidikUji is the sidik of bulanUji's lines under every preset, one after another.
func sidikUji(tb testing.TB, n int) string {
	h := sha256.New()
	for _, lines := range barisUji(tb, n) {
		h.Write([]byte(domain.Sidik(lines)))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// isiUji is like sidikUji but hashes each line's result as its JSON, before
// compression: it pins what the lines say whatever their stored encoding.
func isiUji(tb testing.TB, n int) string {
	h := sha256.New()
	for _, lines := range barisUji(tb, n) {
		for i := range lines {
			raw, err := hasilJSON(lines[i].Hasil)
			if err != nil {
				tb.Fatal(err)
			}
			lines[i].Hasil = raw
		}
		h.Write([]byte(domain.Sidik(lines)))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// isiBarisTetap is isiUji(tb, 1000): the content of the lines, pinned before their
// results were stored with a dictionary; update it only when a line is meant to say
// something else.
const isiBarisTetap = "c7a6152742a16d194dfa4a691ff38759fe8c7f72fb358a882c17d16721bd63b3"

// TestIsiBarisTPPTetap checks that the lines' content, results included, stays what
// it was for a fixed synthetic month, whatever the stored encoding.
func TestIsiBarisTPPTetap(t *testing.T) {
	if got := isiUji(t, 1000); got != isiBarisTetap {
		t.Fatalf("line content changed: %s, want %s", got, isiBarisTetap)
	}
}

// sidikBarisTetap is sidikUji(tb, 1000): update it only when a stored line is meant
// to change (last: results stored with dictionary 1, their content unchanged as
// isiBarisTetap shows).
const sidikBarisTetap = "4ab428297971b8bc036c64d6d75763ccd4a93f278f5596324b689b8b15af479e"

// TestBarisTPPTetap checks that the stored lines, compressed results included, stay
// byte for byte what they were for a fixed synthetic month.
func TestBarisTPPTetap(t *testing.T) {
	if got := sidikUji(t, 1000); got != sidikBarisTetap {
		t.Fatalf("stored lines changed: %s, want %s", got, sidikBarisTetap)
	}
}

// BenchmarkBarisTPP computes and encodes one chunk of lines (classification, engine,
// stored result) with the KEPMENDAGRI_60_40 preset, without the database.
func BenchmarkBarisTPP(b *testing.B) {
	m, ps := bulanUji(b, potonganRun)
	p, _ := domain.PresetTPP("KEPMENDAGRI_60_40")
	run := domain.PerhitunganTPP{ID: "run", InstansiID: "inst", Jenis: domain.PerhitunganInduk}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (&TPP{}).hitungBaris(m, ps, p, run, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(ps)), "µs/pegawai")
}
