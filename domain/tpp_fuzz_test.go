package domain

import (
	"bytes"
	"encoding/json"
	"math/big"
	"testing"
	"time"
)

// profilInvarian are the profiles the fuzz test drives: every preset, plus the
// example profiles that use a daily cap, the points model and each rounding stage.
func profilInvarian(t testing.TB) map[string]ProfilTPP {
	out := map[string]ProfilTPP{}
	for _, info := range DaftarPresetTPP() {
		p, _ := PresetTPP(info.Kode)
		out[info.Kode] = p
	}
	out["V2_BATAS_HARIAN"] = profil(t, `{"besaran": {"tabel": `+jsonTukin2022+`},
		"bobot": {"produktivitas": 100, "disiplin": 0}, "kinerja": {"model": "MENIT", "menit_per_hari": 300, "ambang": 50},
		"disiplin": {"dasar": "TOTAL", "pita_tl": `+pita("TL", "0.5", "1", "1.25", "2.5")+`, "pita_psw": `+pita("PSW", "0.5", "1", "1.25", "2.5")+`,
			"tanpa_masuk": "PERSEN", "tanpa_masuk_persen": 1.5, "tanpa_pulang": "TANPA_KETERANGAN",
			"tk_persen": 2.5, "tk_beruntun": {"hari": 10, "persen": 100}, "tk_akumulasi": {"hari": 5, "persen": 50},
			"hari_khusus_persen": 100, "batas_harian": 2.5, "proporsi_jhk": {"berlaku": "SELURUH", "kecuali": ["TANPA_KETERANGAN"]}},
		"izin": [{"jenis": "CUTI_SAKIT", "perlakuan": "PERSEN_HARI", "persen": 1, "lebih_dari_hari": 2},
			{"jenis": "CUTI_BESAR", "perlakuan": "PERSEN_BULAN", "persen": 30}],
		"status": {"plt_persen": 20},
		"pembulatan": {"mode": "FLOOR", "tahap": "KOMPONEN"}}`)
	out["V5"] = profil(t, profilV5)
	v6 := profilV6(t, "TOTAL")
	v6.Pembulatan.Tahap = TahapAkhir
	v6.Kinerja.BobotUnit = bacaDesimal("20")
	v6.Pajak.Mode = PajakDitanggung
	out["V6_FINAL"] = v6
	return out
}

// pembaca reads fuzz bytes; past the end it reads zeros.
type pembaca struct{ b []byte }

func (r *pembaca) u8() int {
	if len(r.b) == 0 {
		return 0
	}
	x := r.b[0]
	r.b = r.b[1:]
	return int(x)
}

func (r *pembaca) u16() int { return r.u8()<<8 | r.u8() }

func (r *pembaca) pilih(n int) int { return r.u8() % n }

// faktaAcak builds a month of facts from fuzz bytes: odd kelas and golongan, unknown
// predikat, negative and huge numbers, days of every kind.
func faktaAcak(data []byte) FaktaTPP {
	r := &pembaca{data}
	y, m := 2024+r.pilih(4), time.Month(1+r.pilih(12))
	f := FaktaTPP{Tahun: y, Bulan: m, KelasJabatan: r.pilih(20), KelasJabatanPlt: r.pilih(20) - 2,
		JabatanID: []string{"", "J1", "J2"}[r.pilih(3)], UnitID: []string{"", "U1"}[r.pilih(2)],
		JenisASN:          []JenisASN{JenisPNS, JenisCPNS, JenisPPPK, ""}[r.pilih(4)],
		StatusKepegawaian: append(semuaStatusKepegawaian, "")[r.pilih(len(semuaStatusKepegawaian)+1)],
		Golongan:          []string{"IV/a", "III/b", "II/c", "I/a", "IX", "XVII", "", "X/z"}[r.pilih(8)],
		Plt:               r.pilih(2) == 1,
		Hari:              bulanHari(y, m, r.pilih(29)+1),
	}
	predikat := append(AllPredikat, "", "CUKUP", "BAGUS")
	f.Predikat, f.PredikatTahunLalu = predikat[r.pilih(len(predikat))], predikat[r.pilih(len(predikat))]
	for i := range f.Hari {
		h := &f.Hari[i]
		switch r.pilih(12) {
		case 0:
			h.Status = StatusTanpaKeterangan
		case 1:
			h.Status, h.Izin, h.AnakKe = StatusIzin, append(AllJenisIzin, "X")[r.pilih(len(AllJenisIzin)+1)], r.pilih(5)
		case 2:
			h.TerlambatDetik = r.u16()
		case 3:
			h.PulangCepatDetik = r.u16()
		case 4:
			h.TanpaMasuk, h.TanpaPulang = r.pilih(2) == 1, r.pilih(2) == 1
		case 5:
			h.Khusus = true
			h.Status = []StatusHari{StatusTanpaKeterangan, StatusHadir}[r.pilih(2)]
		case 6:
			h.Kerja, h.Libur, h.Status = false, LiburDiluarMasaKerja, StatusLibur
		case 7:
			h.Status = StatusFleksibel
		case 8:
			h.TerlambatDetik, h.PulangCepatDetik = r.u16()*3, r.u16()
		}
	}
	if r.pilih(3) == 0 {
		f.Hari = f.Hari[:r.pilih(len(f.Hari)+1)]
	}
	for range r.pilih(4) {
		f.Capaian = append(f.Capaian, CapaianIndikator{Realisasi: big.NewRat(int64(r.u8()-20), int64(1+r.pilih(3))),
			Target: big.NewRat(int64(r.u8()-10), 1), Polaritas: []string{"", "LEBIH_RENDAH"}[r.pilih(2)]})
	}
	if r.pilih(2) == 0 {
		f.CapaianPersen = big.NewRat(int64(r.u16())-100, int64(1+r.pilih(7)))
	}
	if r.pilih(2) == 0 {
		var s [7]int
		for i := range s {
			s[i] = r.u8() - 50
		}
		f.BerAKHLAK = &s
	}
	f.MenitDiterima = int64(r.u16()) * int64(r.u8()-5)
	if r.pilih(2) == 0 {
		f.CapaianUnit = big.NewRat(int64(r.u16()), 100)
	}
	for range r.pilih(3) {
		f.Hukuman = append(f.Hukuman, HukumanFakta{Jenis: append(AllJenisHukuman, "X")[r.pilih(len(AllJenisHukuman)+1)],
			TanggalBerlaku: time.Date(y-1+r.pilih(3), time.Month(1+r.pilih(12)), 1+r.pilih(28), 0, 0, 0, 0, time.UTC),
			DurasiBulan:    r.pilih(14) - 1})
	}
	f.TunjanganProfesi = int64(r.u16()-1000) * int64(r.u16())
	f.PenghasilanLainBPJS = int64(r.u16()) * int64(r.u16()) * int64(r.pilih(4)-1)
	for range r.pilih(3) {
		f.PotonganLain = append(f.PotonganLain, PotonganFakta{Kode: "K", Jumlah: int64(r.u16()-100) * int64(r.u8())})
	}
	return f
}

// cekInvarian checks what must hold for any validated profile and any facts.
func cekInvarian(t *testing.T, nama string, p ProfilTPP, f FaktaTPP) {
	h, err := HitungTPP(p, f)
	if err != nil {
		t.Fatalf("%s: %v", nama, err)
	}
	fail := func(format string, args ...any) {
		t.Helper()
		b, _ := json.MarshalIndent(h, "", " ")
		t.Fatalf("%s: "+format+"\n%s", append(append([]any{nama}, args...), b)...)
	}
	for n, x := range map[string]int64{"besaran": h.Besaran, "pagu": h.Pagu, "produktivitas": h.Produktivitas, "disiplin": h.Disiplin,
		"tambahan": h.Tambahan, "potongan disiplin": h.PotonganDisiplin, "potongan": h.Potongan, "bruto": h.Bruto,
		"bpjs pegawai": h.BPJSPegawai, "bpjs pemda": h.BPJSPemda, "pph": h.PPh, "potongan lain": h.PotonganLain, "neto": h.Neto} {
		if x < 0 {
			fail("%s negative: %d", n, x)
		}
	}
	if h.Neto > h.Bruto {
		fail("neto %d > bruto %d", h.Neto, h.Bruto)
	}
	if p.Kinerja.BatasPersen.IsZero() && h.Bruto > h.Pagu {
		fail("bruto %d > pagu %d", h.Bruto, h.Pagu)
	}
	if p.Pembulatan.Tahap != TahapAkhir {
		pph := h.PPh
		if h.PPhDitanggungPemda {
			pph = 0
		}
		if h.Neto != h.Bruto-h.BPJSPegawai-pph-h.PotonganLain {
			fail("neto %d ≠ bruto − deductions", h.Neto)
		}
	}
	batas := big.NewRat(100, 1)
	if p.Disiplin.BatasBulanan.Ada() {
		batas = p.Disiplin.BatasBulanan.Rat()
	}
	if rat(h.PersenPotonganDisiplin).Cmp(batas) > 0 {
		fail("monthly deduction %s%% above the cap %s%%", h.PersenPotonganDisiplin, batas.RatString())
	}
	maks := h.Disiplin
	if p.Disiplin.Dasar == DasarTotal {
		maks += h.Produktivitas
	}
	if h.PotonganDisiplin > maks+1 {
		fail("attendance cut %d above what it is taken from (%d)", h.PotonganDisiplin, maks)
	}
	// per day while present: the bands of a day beyond the cap are cut back to it
	if harian := p.Disiplin.BatasHarian; harian.Ada() {
		perHari := map[time.Time]*big.Rat{}
		dibatasi := map[time.Time]string{}
		for _, l := range h.Trace {
			switch l.Kode {
			case "TL", "PSW", "TANPA_MASUK", "TANPA_PULANG":
				if perHari[l.Tanggal] == nil {
					perHari[l.Tanggal] = new(big.Rat)
				}
				perHari[l.Tanggal].Add(perHari[l.Tanggal], rat(l.Persen))
			case "BATAS_HARIAN":
				dibatasi[l.Tanggal] = l.Persen
			}
		}
		for d, x := range perHari {
			if x.Cmp(harian.r) > 0 && dibatasi[d] != harian.String() {
				fail("%s: %s%% on a present day without the daily cap", d.Format(time.DateOnly), x.RatString())
			}
		}
	}
	for _, l := range h.Trace {
		if l.Kode == "" || l.Uraian.ID == "" || l.Uraian.EN == "" {
			fail("step without code or words: %+v", l)
		}
	}
	a, _ := json.Marshal(h)
	h2, _ := HitungTPP(p, f)
	if b, _ := json.Marshal(h2); !bytes.Equal(a, b) {
		fail("not deterministic")
	}
}

func FuzzHitungTPP(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("kinerja 2026 maret"))
	f.Add(bytes.Repeat([]byte{0}, 64))
	f.Add(bytes.Repeat([]byte{255}, 200))
	f.Add([]byte{2, 2, 10, 0, 1, 0, 0, 1, 0, 5, 2, 0, 9, 3, 1, 2, 0, 0, 0, 0, 0, 1, 0, 0, 4, 1, 1, 7, 2, 2, 0})
	profiles := profilInvarian(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		fakta := faktaAcak(data)
		for nama, p := range profiles {
			cekInvarian(t, nama, p, fakta)
		}
	})
}

// BenchmarkHitungTPP computes a realistic month with the KEPMENDAGRI_60_40 preset:
// 22 working days, three late arrivals, one early leave, one day absent, a predikat,
// BPJS and final tax.
func BenchmarkHitungTPP(b *testing.B) {
	p, _ := PresetTPP("KEPMENDAGRI_60_40")
	f := maret2026(9)
	f.Golongan, f.Predikat = "III/c", Baik
	f.Hari[2].TerlambatDetik = 7 * 60
	f.Hari[9].TerlambatDetik = 33*60 + 12
	f.Hari[16].TerlambatDetik = 95 * 60
	f.Hari[22].PulangCepatDetik = 20 * 60
	tk(&f, 12)
	if h := hitung(b, p, f); h.Neto <= 0 {
		b.Fatal("nothing paid")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := HitungTPP(p, f); err != nil {
			b.Fatal(err)
		}
	}
}
