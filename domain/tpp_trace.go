package domain

import (
	"strconv"
	"time"
)

// Langkah is one step of a TPP computation, in the order it was applied. Kode is a
// stable machine code (the list is on HitungTPP); Aturan is the profile rule that
// produced it as a JSON path ("disiplin/pita_tl/1"); Persen, Dasar and Jumlah are
// exact decimals (Jumlah = Dasar × Persen / 100 when all three are given), written as
// DesimalString does, before rounding: each rounding is its own PEMBULATAN step.
// Uraian says the same in words.
type Langkah struct {
	Kode    string    `json:"kode"`
	Tanggal time.Time `json:"tanggal,omitzero"` // the day, for per-day steps
	Aturan  string    `json:"aturan,omitempty"`
	Persen  string    `json:"persen,omitempty"`
	Dasar   string    `json:"dasar,omitempty"`
	Jumlah  string    `json:"jumlah,omitempty"`
	Uraian  Text      `json:"uraian"`
}

// Penjelasan returns the computation in words, one line per step, in lang ("id" or
// "en"; anything else is Indonesian).
func (h HasilTPP) Penjelasan(lang string) []string {
	out := make([]string, len(h.Trace))
	for i, l := range h.Trace {
		out[i] = l.Uraian.ID
		if lang == "en" {
			out[i] = l.Uraian.EN
		}
	}
	return out
}

// teks builds a step's description in Indonesian and English at once; numbers are
// written with each language's separators ("Rp 5.979.200", "8,75%" and
// "Rp 5,979,200", "8.75%").
type teks struct {
	id, en []byte
	num    [48]byte
}

func (t *teks) mulai() *teks {
	t.id, t.en = t.id[:0], t.en[:0]
	return t
}

// s appends a piece of text in each language.
func (t *teks) s(id, en string) *teks {
	t.id, t.en = append(t.id, id...), append(t.en, en...)
	return t
}

// sama appends the same text in both languages (names, codes).
func (t *teks) sama(x string) *teks { return t.s(x, x) }

func (t *teks) desimal(d desimal) *teks {
	t.id, t.en = d.append(t.id, '.', ','), d.append(t.en, ',', '.')
	return t
}

// maxPecahanTeks is how many fraction digits a number in words keeps when the exact
// value needs more.
const maxPecahanTeks = 4

// rp appends an exact amount: "Rp 251.606,075".
func (t *teks) rp(x nilai) *teks {
	t.s("Rp ", "Rp ")
	return t.desimal(x.urai(maxPecahanTeks, t.num[:0]))
}

// rpn appends whole rupiah.
func (t *teks) rpn(n int64) *teks {
	t.id, t.en = appendRupiah(t.id, n, '.'), appendRupiah(t.en, n, ',')
	return t
}

// angka appends a plain exact number.
func (t *teks) angka(x nilai) *teks { return t.desimal(x.urai(maxPecahanTeks, t.num[:0])) }

// pct appends a percentage: "8,75%".
func (t *teks) pct(x nilai) *teks { return t.angka(x).sama("%") }

// pctn appends a percentage held as value × 10^10.
func (t *teks) pctn(n int64) *teks {
	d := desimal{neg: n < 0, digits: strconv.AppendUint(t.num[:0], absU64(n), 10), k: maxPecahanDesimal}
	return t.desimal(d.rapikan()).sama("%")
}

func (t *teks) int(n int) *teks {
	t.id, t.en = strconv.AppendInt(t.id, int64(n), 10), strconv.AppendInt(t.en, int64(n), 10)
	return t
}

var (
	namaBulanID = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
		"September", "Oktober", "November", "Desember"}
	namaBulanEN = [...]string{"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"}
)

// tgl appends a date: "3 Maret 2026" / "3 March 2026".
func (t *teks) tgl(d time.Time) *teks {
	y, m, day := d.Date()
	t.int(day).sama(" ")
	t.s(namaBulanID[m-1], namaBulanEN[m-1])
	return t.sama(" ").int(y)
}

// NamaBulan names a month in lang ("id": "Oktober", "en": "October").
func NamaBulan(m time.Month, lang string) string {
	if m < 1 || m > 12 {
		return strconv.Itoa(int(m))
	}
	if lang == "en" {
		return namaBulanEN[m-1]
	}
	return namaBulanID[m-1]
}

// bulan appends a month: "Februari 2026" / "February 2026".
func (t *teks) bulan(y int, m time.Month) *teks {
	if m < 1 || m > 12 {
		return t.int(y).sama("-").int(int(m))
	}
	return t.s(namaBulanID[m-1], namaBulanEN[m-1]).sama(" ").int(y)
}

// durasi appends seconds as minutes: "33 menit", "30 menit 59 detik" / "33 minutes".
func (t *teks) durasi(detik int) *teks {
	m, s := detik/60, detik%60
	if m > 0 || s == 0 {
		t.int(m)
		if m == 1 {
			t.s(" menit", " minute")
		} else {
			t.s(" menit", " minutes")
		}
	}
	if s > 0 {
		if m > 0 {
			t.sama(" ")
		}
		t.int(s)
		if s == 1 {
			t.s(" detik", " second")
		} else {
			t.s(" detik", " seconds")
		}
	}
	return t
}

var namaKomponenTeks = map[JenisKomponen][2]string{
	KomponenBebanKerja:        {"beban kerja", "workload"},
	KomponenPrestasiKerja:     {"prestasi kerja", "work achievement"},
	KomponenKondisiKerja:      {"kondisi kerja", "working conditions"},
	KomponenTempatBertugas:    {"tempat bertugas", "place of duty"},
	KomponenKelangkaanProfesi: {"kelangkaan profesi", "scarce profession"},
	KomponenObjektifLainnya:   {"pertimbangan objektif lainnya", "other objective grounds"},
}

// Label names a predikat as people write it ("Sangat Baik").
func (p Predikat) Label() string {
	switch p {
	case SangatBaik:
		return "Sangat Baik"
	case Baik:
		return "Baik"
	case ButuhPerbaikan:
		return "Butuh Perbaikan"
	case KurangMisconduct:
		return "Kurang/Misconduct"
	case SangatKurang:
		return "Sangat Kurang"
	}
	return string(p)
}

// namaIzinTeks names an absence type in words, capitalised.
func namaIzinTeks(j JenisIzin) [2]string {
	switch j {
	case IzinCutiTahunan:
		return [2]string{"Cuti tahunan", "Annual leave"}
	case IzinCutiSakit:
		return [2]string{"Cuti sakit", "Sick leave"}
	case IzinCutiBesar:
		return [2]string{"Cuti besar", "Long service leave"}
	case IzinCutiMelahirkan:
		return [2]string{"Cuti melahirkan", "Maternity leave"}
	case IzinAlasanPenting:
		return [2]string{"Cuti karena alasan penting", "Leave for important reasons"}
	case IzinCLTN:
		return [2]string{"Cuti di luar tanggungan negara", "Unpaid leave (CLTN)"}
	case IzinDinasLuar:
		return [2]string{"Dinas luar", "Official duty away"}
	case IzinTugasBelajar:
		return [2]string{"Tugas belajar", "Study assignment"}
	case IzinWFA:
		return [2]string{"Bekerja dari mana saja", "Working from anywhere"}
	}
	return [2]string{string(j), string(j)}
}
