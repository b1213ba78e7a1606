package demo

import (
	"strconv"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// TPP is the demo pemda's pay set-up: its rule profile (the Kepmendagri 60/40 preset
// from January), a budget per OPD, and clock records for the last full month so that
// finance can run, review, approve, correct and export that month at once.
type TPP struct {
	Aturan  domain.AturanTPP
	Pagu    domain.PaguTPP
	Rekaman []domain.RekamanPegawai
	Tahun   int
	Bulan   time.Month // the month with clock records
}

// BuildTPP builds the pay set-up for the year of today (a local date).
func BuildTPP(ds Dataset, today time.Time, newID func() string) TPP {
	profil, _ := domain.PresetTPP("KEPMENDAGRI_60_40")
	first := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
	t := TPP{Tahun: first.Year(), Bulan: first.Month(),
		Aturan: domain.AturanTPP{ID: newID(), InstansiID: ds.Instansi.ID, Nama: "Perwali Denpasar tentang TPP ASN " + strconv.Itoa(today.Year()),
			DasarHukum: "Perwali No. 5 Tahun " + strconv.Itoa(today.Year()), BerlakuMulai: time.Date(today.Year(), 1, 1, 0, 0, 0, 0, time.UTC),
			Profil: profil},
		Pagu: domain.PaguTPP{InstansiID: ds.Instansi.ID, Tahun: today.Year(), Mode: domain.PaguPeringatan}}
	t.Pagu.Unit = paguOPD(ds, profil)
	t.Rekaman = clockMonth(ds, first)
	return t
}

// paguOPD budgets each OPD for fourteen months of its pegawai's full amounts: twelve
// months, the THR and 13th payments some pemda add, and a margin for promotions.
func paguOPD(ds Dataset, p domain.ProfilTPP) []domain.PaguUnit {
	besaran := map[int]int64{}
	for _, k := range p.Besaran.Tabel {
		besaran[k.Kelas] = k.Jumlah
	}
	kelas := map[string]int{}
	for _, j := range ds.Jabatan {
		kelas[j.ID] = j.KelasJabatan
	}
	opdOf := map[string]string{}
	var opds []domain.PaguUnit
	for _, u := range ds.Units {
		if u.Level == 0 {
			opds = append(opds, domain.PaguUnit{UnitKerjaID: u.ID, UnitKerjaNama: u.Nama, UnitPath: u.Path})
		}
	}
	for _, u := range ds.Units {
		for _, o := range opds {
			if len(u.Path) >= len(o.UnitPath) && u.Path[:len(o.UnitPath)] == o.UnitPath {
				opdOf[u.ID] = o.UnitKerjaID
			}
		}
	}
	latest := map[string]domain.Riwayat{}
	for _, r := range ds.Riwayat {
		latest[r.PegawaiID] = r
	}
	sum := map[string]int64{}
	for _, r := range latest {
		sum[opdOf[r.UnitKerjaID]] += besaran[kelas[r.JabatanID]] * 14
	}
	for i := range opds {
		opds[i].Jumlah = sum[opds[i].UnitKerjaID] / 1_000_000 * 1_000_000
	}
	return opds
}

// clockMonth gives every pegawai a month of clock-ins and clock-outs on weekdays in
// WITA: most on time, some late by up to an hour and a half, a few leaving early, and
// now and then a day with no record at all.
func clockMonth(ds Dataset, first time.Time) []domain.RekamanPegawai {
	var out []domain.RekamanPegawai
	for d := first; d.Month() == first.Month(); d = d.AddDate(0, 0, 1) {
		if !workday(d) {
			continue
		}
		day := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, wita)
		for i, p := range ds.Pegawai {
			h := uint32(i*7919 + d.Day()*104729) //nolint:gosec // G115: a hash; wrapping is intended
			h ^= h >> 13
			h *= 0x5bd1e995
			h ^= h >> 15
			if h%100 < 2 {
				continue // no record: absent without a document
			}
			in := day.Add(7*time.Hour + 15*time.Minute + time.Duration(h%1500)*time.Second)
			if h%100 < 12 {
				in = in.Add(time.Duration(h%5400) * time.Second) // late
			}
			outAt := day.Add(16*time.Hour + time.Duration(h%2700)*time.Second)
			if h%100 >= 97 {
				outAt = day.Add(15*time.Hour + time.Duration(h%1800)*time.Second) // early
			}
			out = append(out,
				domain.RekamanPegawai{PegawaiID: p.ID, Rekaman: domain.Rekaman{Waktu: in.UTC(), Jenis: domain.RekamanMasuk}},
				domain.RekamanPegawai{PegawaiID: p.ID, Rekaman: domain.Rekaman{Waktu: outAt.UTC(), Jenis: domain.RekamanPulang}})
		}
	}
	return out
}
