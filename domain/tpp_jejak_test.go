package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// jejakTetap is the SHA-256 of the engine's results (JSON, trace included) for
// jejakAcak's facts under every profile of profilInvarian. A change of any amount or
// any word of a trace changes it: update it only when a result is meant to change.
const jejakTetap = "52e54cf43bdfbb228f79807581a521501f018de17340790a853f6d077bcb26a8"

// jejakAcak hashes the results of n random months under every invariant profile,
// with the month's days also classified from random clock records.
func jejakAcak(t testing.TB, n int) string {
	profiles := profilInvarian(t)
	names := make([]string, 0, len(profiles))
	for k := range profiles {
		names = append(names, k)
	}
	slices.Sort(names)
	rng := rand.New(rand.NewPCG(2026, 3))
	h := sha256.New()
	data := make([]byte, 256)
	for range n {
		for i := range data {
			data[i] = byte(rng.UintN(256))
		}
		f := faktaAcak(data)
		if rng.UintN(2) == 0 {
			f.Hari = hariAcak(rng, f.Tahun, f.Bulan)
		}
		for _, name := range names {
			res, err := HitungTPP(profiles[name], f)
			if err != nil {
				t.Fatal(name, err)
			}
			b, err := json.Marshal(res)
			if err != nil {
				t.Fatal(name, err)
			}
			h.Write(b)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// hariAcak classifies a month of random clock records, documents and holidays.
func hariAcak(rng *rand.Rand, y int, m time.Month) []FaktaHari {
	loc := time.FixedZone("WITA", 8*3600)
	in := KlasifikasiInput{Tahun: y, Bulan: m, Lokasi: loc, Jadwal: JadwalDefault(), PegawaiID: "p"}
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	for d := first.AddDate(0, 0, -1); d.Before(first.AddDate(0, 1, 1)); d = d.AddDate(0, 0, 1) {
		switch rng.UintN(10) {
		case 0:
			continue // absent
		case 1:
			in.Rekaman = append(in.Rekaman, Rekaman{Waktu: time.Date(d.Year(), d.Month(), d.Day(), 7, 0, 0, 0, loc).
				Add(time.Duration(rng.IntN(4*3600)) * time.Second)})
			continue
		}
		masuk := time.Date(d.Year(), d.Month(), d.Day(), 7, 0, 0, 0, loc).Add(time.Duration(rng.IntN(3*3600)) * time.Second)
		pulang := time.Date(d.Year(), d.Month(), d.Day(), 14, 0, 0, 0, loc).Add(time.Duration(rng.IntN(4*3600)) * time.Second)
		in.Rekaman = append(in.Rekaman, Rekaman{Waktu: pulang, Jenis: RekamanPulang}, Rekaman{Waktu: masuk, Jenis: RekamanMasuk})
	}
	for range rng.IntN(3) {
		d := first.AddDate(0, 0, rng.IntN(28))
		in.Libur = append(in.Libur, HariLibur{Tanggal: d, Jenis: []JenisLibur{LiburNasional, CutiBersama}[rng.IntN(2)], Nama: "Libur"})
	}
	for range rng.IntN(3) {
		d := first.AddDate(0, 0, rng.IntN(28))
		in.Izin = append(in.Izin, DokumenIzin{Jenis: AllJenisIzin[rng.IntN(len(AllJenisIzin))], Mulai: d,
			Selesai: d.AddDate(0, 0, rng.IntN(5)), AnakKe: rng.IntN(4)})
	}
	if rng.UintN(4) == 0 {
		in.TMT = first.AddDate(0, 0, rng.IntN(28))
	}
	return KlasifikasiBulan(in)
}

// TestTPPJejakTetap checks that the engine's results, traces included, stay exactly
// what they were for a fixed set of random months.
func TestTPPJejakTetap(t *testing.T) {
	if got := jejakAcak(t, 1500); got != jejakTetap {
		t.Fatalf("results changed: %s, want %s", got, jejakTetap)
	}
}
