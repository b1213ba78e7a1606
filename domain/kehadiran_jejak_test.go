package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"
)

// klasifikasiTetap is the SHA-256 of KlasifikasiBulan's days for klasifikasiAcak's
// months. Update it only when a classification is meant to change.
const klasifikasiTetap = "21c9e7eeb5d51e0cb6af3bd605e044f3584c85e48129a00e35e35a1142861d0a"

// klasifikasiAcak hashes the classification of n random months: office weeks and
// rosters with night shifts, overrides, flexible arrangements, documents, holidays,
// service limits, wide and narrow matching windows, zones with and without daylight
// saving, and clock records of every kind around the periods.
func klasifikasiAcak(t testing.TB, n int) string {
	zones := []*time.Location{nil, time.UTC, time.FixedZone("WITA", 8*3600)}
	for _, name := range []string{"Asia/Jakarta", "Asia/Jayapura", "America/New_York", "Europe/London"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		zones = append(zones, loc)
	}
	rng := rand.New(rand.NewPCG(2025, 7))
	h := sha256.New()
	for range n {
		in := masukanAcak(rng, zones)
		b, err := json.Marshal(KlasifikasiBulan(in))
		if err != nil {
			t.Fatal(err)
		}
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func masukanAcak(rng *rand.Rand, zones []*time.Location) KlasifikasiInput {
	y, m := 2024+rng.IntN(3), time.Month(1+rng.IntN(12))
	in := KlasifikasiInput{Tahun: y, Bulan: m, Lokasi: zones[rng.IntN(len(zones))], PegawaiID: []string{"", "p"}[rng.IntN(2)],
		KhususSemuaLibur: rng.IntN(3) == 0}
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	tanggal := func() time.Time { return first.AddDate(0, 0, rng.IntN(35)-2) }
	jam := func() *JamKerja {
		j := JamKerja{Mulai: rng.IntN(24) * 1800, Selesai: rng.IntN(48) * 1800}
		j.Selesai %= 86400
		return &j
	}
	if rng.IntN(3) == 0 {
		in.Jadwal = Jadwal{Kode: "S", Jenis: JadwalShift, KerjaSaatLibur: rng.IntN(2) == 0,
			Shift: []Shift{{Kode: "PAGI", JamKerja: Jam(7, 0, 14, 0)}, {Kode: "MALAM", JamKerja: Jam(21, 0, 7, 0)}, {Kode: "X", JamKerja: *jam()}}}
		for range rng.IntN(40) {
			in.Roster = append(in.Roster, RosterShift{PegawaiID: []string{"", "p", "q"}[rng.IntN(3)], Tanggal: tanggal(),
				KodeShift: []string{"PAGI", "MALAM", "X", "", "Y"}[rng.IntN(5)]})
		}
	} else {
		in.Jadwal = JadwalDefault()
		in.Jadwal.KerjaSaatLibur = rng.IntN(4) == 0
		for d := range in.Jadwal.Pekan {
			if rng.IntN(6) == 0 {
				in.Jadwal.Pekan[d] = jam()
			}
		}
	}
	for range rng.IntN(2) {
		p := PenyesuaianJadwal{Mulai: tanggal()}
		p.Selesai = p.Mulai.AddDate(0, 0, rng.IntN(10))
		for d := range p.Pekan {
			if rng.IntN(3) > 0 {
				p.Pekan[d] = jam()
			}
		}
		p.Shift = []Shift{{Kode: "PAGI", JamKerja: Jam(8, 0, 13, 0)}}
		in.Penyesuaian = append(in.Penyesuaian, p)
	}
	for range rng.IntN(4) {
		in.Libur = append(in.Libur, HariLibur{Tanggal: tanggal(), Jenis: []JenisLibur{LiburNasional, CutiBersama}[rng.IntN(2)]})
	}
	for range rng.IntN(3) {
		z := DokumenIzin{Jenis: AllJenisIzin[rng.IntN(len(AllJenisIzin))], Mulai: tanggal(), AnakKe: rng.IntN(4)}
		z.Selesai = z.Mulai.AddDate(0, 0, rng.IntN(6))
		in.Izin = append(in.Izin, z)
	}
	for range rng.IntN(3) {
		f := Fleksibel{PegawaiID: []string{"", "p", "q"}[rng.IntN(3)], Jenis: []JenisFleksibel{FleksibelWFA, FleksibelWaktu, FleksibelDinamis}[rng.IntN(3)],
			Mulai: tanggal(), AwalMasuk: 6*3600 + rng.IntN(4)*1800, DurasiDetik: 7*3600 + rng.IntN(4)*1800}
		f.Selesai, f.AkhirMasuk = f.Mulai.AddDate(0, 0, rng.IntN(8)), f.AwalMasuk+rng.IntN(5)*1800
		in.Fleksibel = append(in.Fleksibel, f)
	}
	if rng.IntN(4) == 0 {
		in.TMT = tanggal().Add(time.Duration(rng.IntN(24)) * time.Hour)
	}
	if rng.IntN(4) == 0 {
		in.Akhir = tanggal()
	}
	if rng.IntN(3) == 0 {
		in.Jendela = JendelaRekaman{SebelumDetik: rng.IntN(4) * 7200, SesudahDetik: rng.IntN(4) * 14400}
	}
	loc := in.Lokasi
	if loc == nil {
		loc = time.UTC
	}
	for d := first.AddDate(0, 0, -2); d.Before(first.AddDate(0, 1, 2)); d = d.AddDate(0, 0, 1) {
		for range rng.IntN(4) {
			w := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, rng.IntN(86400), rng.IntN(3)*500_000_000, loc)
			in.Rekaman = append(in.Rekaman, Rekaman{Waktu: w, Jenis: []JenisRekaman{RekamanMasuk, RekamanPulang, RekamanTidakDiketahui}[rng.IntN(3)]})
		}
	}
	return in
}

// TestKlasifikasiTetap checks that the classification of a fixed set of random
// months stays exactly what it was.
func TestKlasifikasiTetap(t *testing.T) {
	if got := klasifikasiAcak(t, 3000); got != klasifikasiTetap {
		t.Fatalf("classification changed: %s, want %s", got, klasifikasiTetap)
	}
}
