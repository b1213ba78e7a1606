package domain

import (
	"fmt"
	"testing"
	"time"
)

// khRek is a clock record at a local wall-clock time.
func khRek(loc *time.Location, m time.Month, d, h, mi, s int, j JenisRekaman) Rekaman {
	return Rekaman{Waktu: time.Date(2025, m, d, h, mi, s, 0, loc), Jenis: j}
}

// khHadir, khTK, khIzin, khLibur build expected facts of 2025.
func khHadir(m time.Month, d, tl, psw int) FaktaHari {
	return FaktaHari{Tanggal: khTgl(2025, m, d), Kerja: true, Status: StatusHadir, TerlambatDetik: tl, PulangCepatDetik: psw}
}

func khTK(m time.Month, d int) FaktaHari {
	return FaktaHari{Tanggal: khTgl(2025, m, d), Kerja: true, Status: StatusTanpaKeterangan}
}

func khLibur(m time.Month, d int, j JenisLibur) FaktaHari {
	return FaktaHari{Tanggal: khTgl(2025, m, d), Libur: j, Status: StatusLibur}
}

// khCek compares a month of facts with want; days not in want must equal def(day).
func khCek(t *testing.T, got []FaktaHari, m time.Month, want map[int]FaktaHari, def func(d int) FaktaHari) {
	t.Helper()
	days := time.Date(2025, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if len(got) != days {
		t.Fatalf("%d facts, want %d", len(got), days)
	}
	for i, f := range got {
		w, ok := want[i+1]
		if !ok {
			w = def(i + 1)
		}
		if f != w {
			t.Errorf("%s:\n got %+v\nwant %+v", f.Tanggal.Format(time.DateOnly), f, w)
		}
	}
}

// khKantorDefault is a weekday TK / weekend off default for the office schedule.
func khKantorDefault(m time.Month) func(d int) FaktaHari {
	return func(d int) FaktaHari {
		if wd := khTgl(2025, m, d).Weekday(); wd == time.Saturday || wd == time.Sunday {
			return khLibur(m, d, LiburAkhirPekan)
		}
		return khTK(m, d)
	}
}

func TestKlasifikasiBulanKantor(t *testing.T) {
	wib := khZona(t, "Asia/Jakarta")
	r := func(d, h, mi, s int, j JenisRekaman) Rekaman { return khRek(wib, time.February, d, h, mi, s, j) }
	in := KlasifikasiInput{
		Tahun: 2025, Bulan: time.February, Lokasi: wib, PegawaiID: "p1", Jadwal: khKantor(),
		Rekaman: []Rekaman{
			r(3, 16, 0, 0, RekamanPulang), r(3, 7, 30, 0, RekamanMasuk), // any order
			r(4, 7, 31, 0, RekamanMasuk), r(4, 15, 59, 59, RekamanPulang),
			r(5, 23, 30, 0, RekamanTidakDiketahui), // after the window of the 5th, before that of the 6th
			r(6, 7, 45, 0, RekamanMasuk),
			r(7, 16, 30, 0, RekamanPulang),
			r(10, 7, 30, 0, RekamanMasuk), r(10, 16, 0, 0, RekamanPulang), // on leave: the document wins
			r(12, 7, 20, 0, ""), r(12, 12, 0, 0, ""), r(12, 16, 5, 0, ""),
			r(13, 8, 0, 0, ""),                                   // one unknown record before the midpoint: clock-in
			r(14, 15, 0, 0, ""),                                  // after the midpoint: clock-out
			r(15, 9, 0, 0, ""),                                   // saturday
			r(20, 16, 5, 0, RekamanPulang), r(20, 16, 10, 0, ""), // a repeat after the clock-out is not a clock-in
			r(21, 7, 29, 59, RekamanMasuk), r(21, 16, 29, 59, RekamanPulang),
			{Waktu: time.Date(2025, 2, 24, 7, 30, 0, 900_000_000, wib), Jenis: RekamanMasuk},
			{Waktu: time.Date(2025, 2, 24, 15, 59, 58, 500_000_000, wib), Jenis: RekamanPulang},
			r(25, 7, 29, 0, ""), r(25, 7, 40, 0, RekamanMasuk), r(25, 16, 1, 0, ""),
		},
		Izin: []DokumenIzin{
			{Jenis: IzinCutiTahunan, Mulai: khTgl(2025, 2, 10), Selesai: khTgl(2025, 2, 11)},
			{Jenis: IzinCutiMelahirkan, Mulai: khTgl(2025, 2, 18), Selesai: khTgl(2025, 2, 18), AnakKe: 3},
			{Jenis: IzinWFA, Mulai: khTgl(2025, 2, 19), Selesai: khTgl(2025, 2, 19)},
		},
		Fleksibel: []Fleksibel{
			{PegawaiID: "p1", Jenis: FleksibelWFA, Mulai: khTgl(2025, 2, 17), Selesai: khTgl(2025, 2, 17)},
			{PegawaiID: "lain", Jenis: FleksibelWFA, Mulai: khTgl(2025, 2, 26), Selesai: khTgl(2025, 2, 28)},
		},
	}
	feb := time.February
	izin := func(d int, j JenisIzin, anak int) FaktaHari {
		return FaktaHari{Tanggal: khTgl(2025, feb, d), Kerja: true, Status: StatusIzin, Izin: j, AnakKe: anak}
	}
	flex := func(d int) FaktaHari {
		return FaktaHari{Tanggal: khTgl(2025, feb, d), Kerja: true, Status: StatusFleksibel}
	}
	tanpaPulang := func(f FaktaHari) FaktaHari { f.TanpaPulang = true; return f }
	tanpaMasuk := func(f FaktaHari) FaktaHari { f.TanpaMasuk = true; return f }
	want := map[int]FaktaHari{
		3:  khHadir(feb, 3, 0, 0),
		4:  khHadir(feb, 4, 60, 1),
		6:  tanpaPulang(khHadir(feb, 6, 900, 0)),
		7:  tanpaMasuk(khHadir(feb, 7, 0, 0)),
		10: izin(10, IzinCutiTahunan, 0),
		11: izin(11, IzinCutiTahunan, 0),
		12: khHadir(feb, 12, 0, 0),
		13: tanpaPulang(khHadir(feb, 13, 1800, 0)),
		14: tanpaMasuk(khHadir(feb, 14, 0, 5400)),
		17: flex(17),
		18: izin(18, IzinCutiMelahirkan, 3),
		19: flex(19),
		20: tanpaMasuk(khHadir(feb, 20, 0, 0)),
		21: khHadir(feb, 21, 0, 1),
		24: khHadir(feb, 24, 0, 1),
		25: khHadir(feb, 25, 600, 0),
	}
	got := KlasifikasiBulan(in)
	khCek(t, got, feb, want, khKantorDefault(feb))

	rekap := RekapBulan(got, DefaultAturanDisiplin())
	if rekap.JHK != 20 || rekap.Hadir != 11 || rekap.TK != 4 || rekap.Fleksibel != 2 ||
		rekap.Izin[IzinCutiTahunan] != 2 || rekap.Izin[IzinCutiMelahirkan] != 1 ||
		rekap.TanpaMasuk != 3 || rekap.TanpaPulang != 2 || rekap.TKBeruntunTerpanjang != 3 ||
		rekap.TotalTerlambatDetik != 60+900+1800+600 || rekap.TotalPulangCepatDetik != 5400 {
		t.Errorf("rekap %+v", rekap)
	}
	kode := func(ks []Kejadian) string {
		s := ""
		for _, k := range ks {
			s += fmt.Sprintf("%d:%d:%s ", k.Tanggal.Day(), k.Detik, k.Kode)
		}
		return s
	}
	if s := kode(rekap.Terlambat); s != "4:60:TL1 6:900:TL1 7:0:TL4 13:1800:TL1 14:0:TL4 20:0:TL4 25:600:TL1 " {
		t.Errorf("terlambat %s", s)
	}
	if s := kode(rekap.PulangCepat); s != "4:1: 6:0:PSW4 13:0:PSW4 14:5400:PSW3 21:1: 24:1: " {
		t.Errorf("pulang cepat %s", s)
	}
}

// A record at 23:45 UTC is already the next local day east of WIB: the same instant is
// early in WIB, late in WITA and later still in WIT.
func TestKlasifikasiBulanZonaWaktu(t *testing.T) {
	tests := []struct {
		zona string
		tl   int
	}{
		{"Asia/Jakarta", 0},     // 06:45 WIB
		{"Asia/Makassar", 900},  // 07:45 WITA
		{"Asia/Jayapura", 4500}, // 08:45 WIT
	}
	for _, tt := range tests {
		t.Run(tt.zona, func(t *testing.T) {
			loc := khZona(t, tt.zona)
			in := KlasifikasiInput{Tahun: 2025, Bulan: time.March, Lokasi: loc, Jadwal: khKantor(), Rekaman: []Rekaman{
				{Waktu: time.Date(2025, 3, 2, 23, 45, 0, 0, time.UTC)},
				khRek(loc, time.March, 3, 16, 0, 0, ""),
			}}
			got := KlasifikasiBulan(in)
			if got[1] != khLibur(time.March, 2, LiburAkhirPekan) {
				t.Errorf("sunday 2 March: %+v", got[1])
			}
			if want := khHadir(time.March, 3, tt.tl, 0); got[2] != want {
				t.Errorf("3 March: %+v, want %+v", got[2], want)
			}
		})
	}
	// without a zone the same instant is Sunday in UTC and matches nothing
	got := KlasifikasiBulan(KlasifikasiInput{Tahun: 2025, Bulan: time.March, Jadwal: khKantor(),
		Rekaman: []Rekaman{{Waktu: time.Date(2025, 3, 2, 23, 45, 0, 0, time.UTC)}}})
	if got[2].Status != StatusTanpaKeterangan {
		t.Errorf("UTC: %+v", got[2])
	}
}

func TestKlasifikasiBulanShiftMalam(t *testing.T) {
	wit := khZona(t, "Asia/Jayapura")
	r := func(d, h, mi, s int, j JenisRekaman) Rekaman { return khRek(wit, time.March, d, h, mi, s, j) }
	roster := []RosterShift{
		{PegawaiID: "n", Tanggal: khTgl(2025, 2, 28), KodeShift: "MALAM"},
		{PegawaiID: "n", Tanggal: khTgl(2025, 3, 3), KodeShift: "MALAM"},
		{PegawaiID: "n", Tanggal: khTgl(2025, 3, 4), KodeShift: "MALAM"},
		{PegawaiID: "n", Tanggal: khTgl(2025, 3, 5), KodeShift: "PAGI"},
		{PegawaiID: "n", Tanggal: khTgl(2025, 3, 10), KodeShift: "SIANG"},
		{PegawaiID: "lain", Tanggal: khTgl(2025, 3, 11), KodeShift: "SIANG"},
	}
	in := KlasifikasiInput{
		Tahun: 2025, Bulan: time.March, Lokasi: wit, PegawaiID: "n", Jadwal: khRSUD(), Roster: roster,
		Libur: []HariLibur{{Tanggal: khTgl(2025, 3, 10), Jenis: LiburNasional, Nama: "Libur"}},
		Rekaman: []Rekaman{
			r(1, 6, 50, 0, ""), // end of the 28 February night shift, outside the month
			r(3, 21, 5, 0, ""), r(4, 0, 30, 0, ""), r(4, 6, 58, 0, ""),
			r(4, 20, 59, 0, ""),
			r(5, 7, 0, 0, ""),           // equally near the night shift's end and the morning shift's start: the earlier
			r(5, 7, 0, 0, RekamanMasuk), // a MASUK at the same instant: the later
			r(5, 13, 59, 0, RekamanPulang),
		},
	}
	mar := time.March
	want := map[int]FaktaHari{
		3:  khHadir(mar, 3, 300, 120),
		4:  khHadir(mar, 4, 0, 0),
		5:  khHadir(mar, 5, 0, 60),
		10: khTK(mar, 10), // a rostered shift on a holiday is worked (KerjaSaatLibur)
	}
	def := func(d int) FaktaHari { return khLibur(mar, d, LiburAkhirPekan) }
	khCek(t, KlasifikasiBulan(in), mar, want, def)

	in.Jadwal.KerjaSaatLibur = false
	want[10] = khLibur(mar, 10, LiburNasional)
	khCek(t, KlasifikasiBulan(in), mar, want, def)
}

func TestKlasifikasiBulanRamadan(t *testing.T) {
	wib := khZona(t, "Asia/Jakarta")
	r := func(d, h, mi, s int, j JenisRekaman) Rekaman { return khRek(wib, time.February, d, h, mi, s, j) }
	in := KlasifikasiInput{
		Tahun: 2025, Bulan: time.February, Lokasi: wib, Jadwal: khKantor(),
		Penyesuaian: []PenyesuaianJadwal{khRamadan(khTgl(2025, 2, 24), khTgl(2025, 3, 30))},
		Rekaman: []Rekaman{
			r(21, 8, 0, 59, RekamanMasuk), r(21, 16, 30, 0, RekamanPulang), // before Ramadan: 07:30–16:30
			r(24, 8, 0, 59, RekamanMasuk), r(24, 14, 59, 0, RekamanPulang), // Ramadan Monday 08:00–15:00
			r(28, 8, 0, 0, RekamanMasuk), r(28, 15, 29, 59, RekamanPulang), // Ramadan Friday 08:00–15:30
		},
	}
	feb := time.February
	got := KlasifikasiBulan(in)
	for _, w := range []FaktaHari{khHadir(feb, 21, 1859, 0), khHadir(feb, 24, 59, 60), khHadir(feb, 28, 0, 1)} {
		if f := got[w.Tanggal.Day()-1]; f != w {
			t.Errorf("%s: %+v, want %+v", w.Tanggal.Format(time.DateOnly), f, w)
		}
	}
}

// Cuti bersama 28 Mar and 2–4, 7 Apr 2025 around Idul Fitri (31 Mar, 1 Apr) form one
// block with the weekends: Thursday 27 March and Tuesday 8 April are Khusus.
func TestKlasifikasiBulanKhusus(t *testing.T) {
	wib := khZona(t, "Asia/Jakarta")
	libur := []HariLibur{
		{Tanggal: khTgl(2025, 3, 28), Jenis: CutiBersama, Nama: "Cuti bersama Nyepi"},
		{Tanggal: khTgl(2025, 3, 31), Jenis: LiburNasional, Nama: "Idul Fitri"},
		{Tanggal: khTgl(2025, 4, 1), Jenis: LiburNasional, Nama: "Idul Fitri"},
		{Tanggal: khTgl(2025, 4, 2), Jenis: CutiBersama, Nama: "Cuti bersama Idul Fitri"},
		{Tanggal: khTgl(2025, 4, 3), Jenis: CutiBersama, Nama: "Cuti bersama Idul Fitri"},
		{Tanggal: khTgl(2025, 4, 4), Jenis: CutiBersama, Nama: "Cuti bersama Idul Fitri"},
		{Tanggal: khTgl(2025, 4, 7), Jenis: CutiBersama, Nama: "Cuti bersama Idul Fitri"},
		{Tanggal: khTgl(2025, 5, 1), Jenis: LiburNasional, Nama: "Hari Buruh"},
		{Tanggal: khTgl(2025, 5, 29), Jenis: LiburNasional, Nama: "Kenaikan Isa Almasih"},
		{Tanggal: khTgl(2025, 5, 30), Jenis: CutiBersama, Nama: "Cuti bersama Kenaikan"},
	}
	khusus := func(m time.Month, semua bool) []int {
		var out []int
		for _, f := range KlasifikasiBulan(KlasifikasiInput{Tahun: 2025, Bulan: m, Lokasi: wib, Jadwal: khKantor(), Libur: libur, KhususSemuaLibur: semua}) {
			if f.Khusus {
				if !f.Kerja {
					t.Errorf("%s: Khusus on a day off", f.Tanggal.Format(time.DateOnly))
				}
				out = append(out, f.Tanggal.Day())
			}
		}
		return out
	}
	tests := []struct {
		m     time.Month
		semua bool
		want  string
	}{
		{time.March, false, "[27]"},
		{time.April, false, "[8]"}, // the block began in March
		{time.May, false, "[28]"},  // a lone national holiday makes no Khusus day by default
		{time.May, true, "[2 28]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(khusus(tt.m, tt.semua)); got != tt.want {
			t.Errorf("%s semua=%v: %s, want %s", tt.m, tt.semua, got, tt.want)
		}
	}
	got := KlasifikasiBulan(KlasifikasiInput{Tahun: 2025, Bulan: time.March, Lokasi: wib, Jadwal: khKantor(), Libur: libur})
	if got[27] != khLibur(time.March, 28, CutiBersama) || got[30] != khLibur(time.March, 31, LiburNasional) {
		t.Errorf("holidays: %+v %+v", got[27], got[30])
	}
	rekap := RekapBulan(got, DefaultAturanDisiplin())
	if rekap.Khusus != 1 || rekap.TKKhusus != 1 || rekap.JHK != 19 {
		t.Errorf("rekap khusus %d, tk khusus %d, jhk %d", rekap.Khusus, rekap.TKKhusus, rekap.JHK)
	}
}

func TestKlasifikasiBulanMasaKerja(t *testing.T) {
	wib := khZona(t, "Asia/Jakarta")
	in := KlasifikasiInput{
		Tahun: 2025, Bulan: time.March, Lokasi: wib, Jadwal: khKantor(),
		TMT: khTgl(2025, 3, 12), Akhir: khTgl(2025, 3, 20),
		Rekaman: []Rekaman{
			khRek(wib, time.March, 10, 7, 30, 0, ""), khRek(wib, time.March, 10, 16, 0, 0, ""),
			khRek(wib, time.March, 12, 7, 30, 0, ""), khRek(wib, time.March, 12, 16, 0, 0, ""),
		},
	}
	mar := time.March
	def := func(d int) FaktaHari {
		f := khKantorDefault(mar)(d)
		if f.Kerja && (d < 12 || d > 20) {
			return khLibur(mar, d, LiburDiluarMasaKerja)
		}
		return f
	}
	got := KlasifikasiBulan(in)
	khCek(t, got, mar, map[int]FaktaHari{12: khHadir(mar, 12, 0, 0)}, def)
	rekap := RekapBulan(got, DefaultAturanDisiplin())
	if rekap.JHK != 7 || rekap.DiluarMasaKerja != 14 || rekap.Hadir != 1 || rekap.TK != 6 {
		t.Errorf("rekap %+v", rekap)
	}
}

func TestKlasifikasiBulanFleksibel(t *testing.T) {
	wib := khZona(t, "Asia/Jakarta")
	r := func(d, h, mi, s int, j JenisRekaman) Rekaman { return khRek(wib, time.March, d, h, mi, s, j) }
	in := KlasifikasiInput{
		Tahun: 2025, Bulan: time.March, Lokasi: wib, Jadwal: khKantor(),
		Fleksibel: []Fleksibel{
			// start any time 07:00–09:00 and work 8.5 hours
			{Jenis: FleksibelWaktu, Mulai: khTgl(2025, 3, 3), Selesai: khTgl(2025, 3, 7), AwalMasuk: 7 * 3600, AkhirMasuk: 9 * 3600, DurasiDetik: 30600},
			{Jenis: FleksibelDinamis, Mulai: khTgl(2025, 3, 10), Selesai: khTgl(2025, 3, 11)},
			{Jenis: FleksibelWFA, Mulai: khTgl(2025, 3, 12), Selesai: khTgl(2025, 3, 13)},
		},
		Izin: []DokumenIzin{{Jenis: IzinDinasLuar, Mulai: khTgl(2025, 3, 13), Selesai: khTgl(2025, 3, 13)}},
		Rekaman: []Rekaman{
			r(3, 8, 30, 0, ""), r(3, 17, 0, 0, ""),
			r(4, 9, 10, 0, ""), r(4, 17, 30, 0, ""), // late from 09:00; due until 09:00 + 8.5 h
			r(5, 6, 40, 0, ""), r(5, 15, 29, 0, ""), // early arrival counts from 07:00: due 15:30
			r(6, 17, 0, 0, RekamanPulang),
			r(7, 9, 0, 0, ""), r(7, 17, 29, 59, ""),
			r(10, 13, 0, 0, ""), // dynamic: one record is presence
			r(12, 10, 0, 0, ""), // WFA: present whatever the records say
		},
	}
	mar := time.March
	want := map[int]FaktaHari{
		3:  khHadir(mar, 3, 0, 0),
		4:  khHadir(mar, 4, 600, 0),
		5:  khHadir(mar, 5, 0, 60),
		6:  {Tanggal: khTgl(2025, mar, 6), Kerja: true, Status: StatusHadir, TanpaMasuk: true},
		7:  khHadir(mar, 7, 0, 1),
		10: khHadir(mar, 10, 0, 0),
		11: khTK(mar, 11),
		12: {Tanggal: khTgl(2025, mar, 12), Kerja: true, Status: StatusFleksibel},
		13: {Tanggal: khTgl(2025, mar, 13), Kerja: true, Status: StatusIzin, Izin: IzinDinasLuar}, // a document beats WFA
	}
	khCek(t, KlasifikasiBulan(in), mar, want, khKantorDefault(mar))
}

func TestKlasifikasiBulanJendela(t *testing.T) {
	wib := khZona(t, "Asia/Jakarta")
	in := KlasifikasiInput{Tahun: 2025, Bulan: time.March, Lokasi: wib, Jadwal: khKantor(), Rekaman: []Rekaman{
		khRek(wib, time.March, 3, 7, 0, 0, ""), khRek(wib, time.March, 3, 17, 30, 0, ""),
		khRek(wib, time.March, 4, 3, 29, 59, ""), khRek(wib, time.March, 4, 3, 30, 0, ""), khRek(wib, time.March, 4, 22, 0, 0, ""), khRek(wib, time.March, 4, 22, 0, 1, ""),
	}}
	got := KlasifikasiBulan(in)
	if got[2] != khHadir(time.March, 3, 0, 0) {
		t.Errorf("default window: %+v", got[2])
	}
	// the default window is [start − 4 h, end + 6 h], both edges inclusive
	if got[3] != khHadir(time.March, 4, 0, 0) {
		t.Errorf("window edges: %+v", got[3])
	}
	in.Jendela = JendelaRekaman{SebelumDetik: 1800, SesudahDetik: 3600}
	got = KlasifikasiBulan(in)
	want := khHadir(time.March, 3, 0, 0)
	want.TanpaPulang = true
	if got[2] != want {
		t.Errorf("narrow window: %+v", got[2])
	}
}

func BenchmarkKlasifikasiBulan(b *testing.B) {
	wita := khZona(b, "Asia/Makassar")
	in := KlasifikasiInput{
		Tahun: 2025, Bulan: time.March, Lokasi: wita, Jadwal: khKantor(),
		Penyesuaian: []PenyesuaianJadwal{khRamadan(khTgl(2025, 3, 1), khTgl(2025, 3, 30))},
		Libur: []HariLibur{
			{Tanggal: khTgl(2025, 3, 28), Jenis: CutiBersama, Nama: "Cuti bersama"},
			{Tanggal: khTgl(2025, 3, 31), Jenis: LiburNasional, Nama: "Idul Fitri"},
		},
		Izin: []DokumenIzin{{Jenis: IzinCutiTahunan, Mulai: khTgl(2025, 3, 5), Selesai: khTgl(2025, 3, 5)}},
	}
	// 21 working days with a clock-in and a clock-out, and two stray weekend records
	for d := 1; d <= 31; d++ {
		if wd := khTgl(2025, 3, d).Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		in.Rekaman = append(in.Rekaman, khRek(wita, time.March, d, 7, 55+d%10, d, ""), khRek(wita, time.March, d, 15, d, 0, ""))
	}
	in.Rekaman = append(in.Rekaman, khRek(wita, time.March, 1, 9, 0, 0, ""), khRek(wita, time.March, 2, 9, 0, 0, ""))
	if len(in.Rekaman) != 44 {
		b.Fatalf("%d records", len(in.Rekaman))
	}
	b.ReportAllocs()
	for b.Loop() {
		KlasifikasiBulan(in)
	}
}

func TestParseJenisRekaman(t *testing.T) {
	for _, s := range []string{"MASUK", "PULANG", ""} {
		if j, err := ParseJenisRekaman("jenis", s); err != nil || string(j) != s {
			t.Errorf("%q: %v %v", s, j, err)
		}
	}
	if got := khFields(t, func() error { _, err := ParseJenisRekaman("items/2/jenis", "KELUAR"); return err }()); fmt.Sprint(got) != "[items/2/jenis jenis_rekaman_invalid]" {
		t.Errorf("KELUAR: %v", got)
	}
}

func TestRentangLokal(t *testing.T) {
	wita := khZona(t, "Asia/Makassar")
	dari, sampai := khTgl(2026, 11, 2), khTgl(2026, 11, 3)
	from, to := RentangLokal(&dari, &sampai, wita)
	if !from.Equal(time.Date(2026, 11, 1, 16, 0, 0, 0, time.UTC)) || !to.Equal(time.Date(2026, 11, 3, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("range %v %v", from, to)
	}
	if from, to := RentangLokal(nil, nil, wita); from != nil || to != nil {
		t.Errorf("open range %v %v", from, to)
	}
	if _, to := RentangLokal(nil, &sampai, nil); !to.Equal(time.Date(2026, 11, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("UTC end %v", to)
	}
}

func TestWaktuRekaman(t *testing.T) {
	wita := khZona(t, "Asia/Makassar")
	got := WaktuRekaman(time.Date(2026, 11, 2, 7, 30, 5, 999_999_999, wita))
	if want := time.Date(2026, 11, 1, 23, 30, 5, 0, time.UTC); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("%v, want %v", got, want)
	}
}

func TestSamaPengajuan(t *testing.T) {
	lat, lon, lat2 := -0.5, 117.1, -0.6
	klien := time.Date(2026, 11, 2, 7, 30, 5, 123456789, time.UTC)
	klienPG := klien.Truncate(time.Microsecond)
	base := Kehadiran{Jenis: RekamanMasuk, WaktuKlien: &klien, Lintang: &lat, Bujur: &lon, PerangkatID: "hp-1"}
	same := Kehadiran{Jenis: RekamanMasuk, WaktuKlien: &klienPG, Lintang: &lat, Bujur: &lon, PerangkatID: "hp-1",
		ID: "other", Waktu: klien.Add(time.Hour)} // server-side fields do not matter
	if !base.SamaPengajuan(same) {
		t.Error("same submission refused")
	}
	for name, o := range map[string]Kehadiran{
		"jenis":   {Jenis: RekamanPulang, WaktuKlien: &klien, Lintang: &lat, Bujur: &lon, PerangkatID: "hp-1"},
		"klien":   {Jenis: RekamanMasuk, Lintang: &lat, Bujur: &lon, PerangkatID: "hp-1"},
		"lintang": {Jenis: RekamanMasuk, WaktuKlien: &klien, Lintang: &lat2, Bujur: &lon, PerangkatID: "hp-1"},
		"bujur":   {Jenis: RekamanMasuk, WaktuKlien: &klien, Lintang: &lat, PerangkatID: "hp-1"},
		"device":  {Jenis: RekamanMasuk, WaktuKlien: &klien, Lintang: &lat, Bujur: &lon, PerangkatID: "hp-2"},
	} {
		if base.SamaPengajuan(o) {
			t.Errorf("%s: different submission taken as the same", name)
		}
	}
}
