package domain

import (
	"math/big"
	"slices"
	"strconv"
	"sync"
	"time"
)

// FaktaTPP is one pegawai's month as the rule engine needs it. Optional inputs are
// nil, empty or zero when missing; HitungTPP then does what the profile says for
// missing data and records it in the trace.
type FaktaTPP struct {
	Tahun             int
	Bulan             time.Month
	KelasJabatan      int
	KelasJabatanPlt   int    // kelas of the post held as Plt/Plh; 0: their own kelas
	JabatanID         string // for per-position amounts and components
	UnitID            string // for per-unit components
	JenisASN          JenisASN
	StatusKepegawaian StatusKepegawaian
	Golongan          string // "IV/a" (PNS, CPNS) or "IX" (PPPK), for the final tax rate
	Plt               bool
	// Hari is every calendar day of the month as attendance classified it
	// (KlasifikasiBulan); days of other months are ignored. JHK is the count of
	// Kerja days.
	Hari              []FaktaHari
	Predikat          Predikat // the month's predikat; "" when not (yet) rated
	PredikatTahunLalu Predikat // last year's annual predikat, for the year's level
	Capaian           []CapaianIndikator
	CapaianPersen     *big.Rat // an achievement % already computed (e.g. by the appraisal), used instead of Capaian
	BerAKHLAK         *[7]int  // the seven BerAKHLAK scores, for the POIN model
	MenitDiterima     int64    // accepted activity minutes, for the MENIT model
	CapaianUnit       *big.Rat // the unit's achievement %, when the profile blends it in
	Hukuman           []HukumanFakta
	TunjanganProfesi  int64
	// PenghasilanLainBPJS is the rest of the BPJS wage (gaji pokok and tunjangan)
	// already counted against the cap.
	PenghasilanLainBPJS int64
	PotonganLain        []PotonganFakta // this pegawai's own deductions (koperasi, iuran given by the payroll …)
}

// CapaianIndikator is one indicator's realisasi against its target.
type CapaianIndikator struct {
	Realisasi *big.Rat
	Target    *big.Rat
	Polaritas string // LEBIH_TINGGI (default) or LEBIH_RENDAH, as in the SKP
}

// HukumanFakta is a disciplinary sanction: its type, the date the decision became
// final and the months it runs (from the decision; 0: the national duration).
type HukumanFakta struct {
	Jenis          JenisHukuman
	TanggalBerlaku time.Time
	DurasiBulan    int
}

// PotonganFakta is a deduction of one pegawai's month.
type PotonganFakta struct {
	Kode   string
	Nama   string
	Jumlah int64
}

// HasilTPP is one pegawai's month: whole rupiah, never negative, and the trace.
// Produktivitas + Disiplin + Tambahan − Potongan = Bruto, up to the rounding the
// profile's stage leaves (amounts are shown rounded; the computation is exact).
type HasilTPP struct {
	Besaran                int64           `json:"besaran"`        // the amount of the kelas or position
	Komponen               []KomponenHasil `json:"komponen"`       // the components paid
	Pagu                   int64           `json:"pagu"`           // components after the status factors: the month's maximum
	PersenKinerja          string          `json:"persen_kinerja"` // the performance % applied to the produktivitas share
	Produktivitas          int64           `json:"produktivitas"`  // the produktivitas share as earned
	Disiplin               int64           `json:"disiplin"`       // the disiplin share (prorated), before attendance cuts
	Tambahan               int64           `json:"tambahan"`       // components paid as is (Tetap)
	PersenPotonganDisiplin string          `json:"persen_potongan_disiplin"`
	PotonganDisiplin       int64           `json:"potongan_disiplin"` // attendance and leave cuts
	Potongan               int64           `json:"potongan"`          // every cut before the gross: attendance, hukdis, predikat, netting, forfeits
	Bruto                  int64           `json:"bruto"`
	BPJSPegawai            int64           `json:"bpjs_pegawai"` // deducted
	BPJSPemda              int64           `json:"bpjs_pemda"`   // paid by the pemda, not deducted
	PPh                    int64           `json:"pph"`
	PPhDitanggungPemda     bool            `json:"pph_ditanggung_pemda"` // PPh shown but borne by the pemda
	PotonganLain           int64           `json:"potongan_lain"`
	Neto                   int64           `json:"neto"`
	Trace                  []Langkah       `json:"trace"`
}

// KomponenHasil is the amount of one component.
type KomponenHasil struct {
	Jenis  JenisKomponen `json:"jenis"`
	Jumlah int64         `json:"jumlah"`
}

// HitungTPP computes one pegawai's month. It validates the profile (an invalid one
// is the only error); any facts compute. The order is fixed:
//
//  0. days of other months are dropped (HARI_DILUAR_BULAN) and the rest put in order;
//  1. besaran of the position or kelas (BESARAN, BESARAN_JABATAN, BESARAN_TANGGA,
//     KELAS_TIDAK_ADA) and the components of it (KOMPONEN), plus the Plt extra (PLT);
//  2. the level by last year's predikat (TINGKAT_TAHUNAN) and the status factors
//     (FAKTOR_ASN, FAKTOR_STATUS), giving the pagu; proration of the whole amount
//     (PROPORSI_JHK);
//  3. the split into produktivitas and disiplin shares (BOBOT); the performance %
//     (CAPAIAN_INDIKATOR, CAPAIAN, POIN_SKP, POIN_PERILAKU, KINERJA_UNIT,
//     KINERJA_TANPA_DATA, KINERJA) and its threshold (AMBANG_KINERJA) give the
//     produktivitas (PRODUKTIVITAS); proration of the disiplin share;
//  4. attendance: per day TL, PSW, TANPA_MASUK, TANPA_PULANG (capped by BATAS_HARIAN),
//     TK, TK_KHUSUS, TK_BERUNTUN, IZIN; per month IZIN_BULANAN, TK_AKUMULASI,
//     BATAS_BULANAN; the sum × the base (POTONGAN_DISIPLIN), never below zero
//     (BATAS_NOL), leaving the disiplin share (DISIPLIN); IZIN_TIDAK_DIBAYAR forfeits
//     the month (TIDAK_DIBAYAR);
//  5. hukuman disiplin (HUKDIS, HUKDIS_GABUNG), the month's predikat cut
//     (PREDIKAT_BULANAN), netting against tunjangan profesi (PROFESI), each never
//     below zero (BATAS_NOL);
//  6. the gross (BRUTO), BPJS (BPJS_DASAR, BPJS_PEGAWAI, BPJS_PEMDA), tax (PPH),
//     other deductions (POTONGAN_LAIN) and the net (NETO).
//
// Rounding steps are PEMBULATAN, where the profile's stage puts them.
func HitungTPP(p ProfilTPP, f FaktaTPP) (HasilTPP, error) {
	if err := p.periksa(true); err != nil {
		return HasilTPP{}, err
	}
	e := mesinPool.Get().(*mesin)
	defer e.lepas()
	e.mulai(p, f)
	e.hitung()
	return e.selesai(), nil
}

// mesin holds one computation.
type mesin struct {
	p    ProfilTPP
	f    FaktaTPP
	h    HasilTPP
	t    teks
	hari []FaktaHari // the month's days in date order
	run  []int       // indices of the current run of TK days

	langkah []Langkah // the steps so far, without their words
	arena   []byte    // the words of the steps, Indonesian then English
	uraian  [][3]int  // per step: where its words start, where the English starts, where they end

	izinTidakDibayar bool   // an absence type forfeits the month
	dasarDisiplin    string // the attendance base as a decimal, for the per-day steps

	tp           teks           // the words of akhirPotongan
	potongan     []potonganTeks // the ends of deduction steps built so far
	kataPotongan []byte         // their words
}

// Rounding levels: an amount of level l is rounded when the profile's stage reaches it.
const (
	levelKomponen = iota // components, shares, cuts: only at stage KOMPONEN
	levelLangkah         // the gross and each deduction: KOMPONEN and EACH_STEP
	levelAkhir           // the net: always
)

var (
	nol     = nilai{}
	seratus = nilai{d: 100}
)

// mesinPool keeps finished engines for their scratch space (steps, words, text
// buffers): a payroll run computes tens of thousands of months.
var mesinPool = sync.Pool{New: func() any { return new(mesin) }}

// mulai readies a pooled engine for a computation, keeping its scratch space.
func (e *mesin) mulai(p ProfilTPP, f FaktaTPP) {
	*e = mesin{p: p, f: f, t: teks{id: e.t.id[:0], en: e.t.en[:0]}, run: e.run[:0],
		langkah: e.langkah[:0], arena: e.arena[:0], uraian: e.uraian[:0],
		tp: teks{id: e.tp.id[:0], en: e.tp.en[:0]}, potongan: e.potongan[:0], kataPotongan: e.kataPotongan[:0]}
}

// lepas returns the engine to the pool, dropping what refers to the computation.
func (e *mesin) lepas() {
	clear(e.langkah)
	e.p, e.f, e.h, e.hari = ProfilTPP{}, FaktaTPP{}, HasilTPP{}, nil
	mesinPool.Put(e)
}

func (e *mesin) hitung() {
	e.siapkanHari()
	b := e.besaran()
	pd, pt := e.komponen(b)
	pd = e.plt(pd, b)
	pd, pt = e.pengali(pd, pt)
	pd, pt = e.proporsi(ProporsiSeluruh, pd, pt)
	pagu := pd.add(pt)
	e.h.Pagu = e.rupiah(pagu)

	sp, sd := e.bobot(pd)
	prod, seluruhNol := e.produktivitas(sp)
	dasar := sd
	if e.p.Disiplin.Dasar == DasarTotal {
		dasar = pd
	}
	sdp, _ := e.proporsi(ProporsiDisiplin, sd, nol)
	e.h.Produktivitas, e.h.Disiplin, e.h.Tambahan = e.rupiah(prod), e.rupiah(sdp), e.rupiah(pt)

	a, potongan := e.disiplin(dasar, prod, sdp) // both shares after attendance cuts, and the cut
	a = a.add(pt)
	if seluruhNol || e.izinTidakDibayar {
		potongan = potongan.add(a)
		e.catat(Langkah{Kode: "TIDAK_DIBAYAR", Dasar: a.String(), Jumlah: "0"},
			e.t.mulai().s("TPP bulan ini tidak dibayar: ", "No TPP is paid this month: ").rp(a).s(" menjadi Rp 0", " becomes Rp 0"))
		a = nol
	}
	var cut nilai
	a, cut = e.hukdis(a, pagu)
	potongan = potongan.add(cut)
	a, cut = e.predikatBulanan(a)
	potongan = potongan.add(cut)
	a, cut = e.profesi(a)
	potongan = potongan.add(cut)
	e.h.Potongan = e.rupiah(potongan)
	e.bruto(a)
}

// siapkanHari keeps the month's days in date order.
func (e *mesin) siapkanHari() {
	hari := e.f.Hari
	urut := slices.IsSortedFunc(hari, func(x, y FaktaHari) int { return x.Tanggal.Compare(y.Tanggal) })
	lain := 0
	for _, d := range hari {
		if y, m, _ := d.Tanggal.Date(); y != e.f.Tahun || m != e.f.Bulan {
			lain++
		}
	}
	if urut && lain == 0 {
		e.hari = hari
		return
	}
	e.hari = make([]FaktaHari, 0, len(hari)-lain)
	for _, d := range hari {
		if y, m, _ := d.Tanggal.Date(); y == e.f.Tahun && m == e.f.Bulan {
			e.hari = append(e.hari, d)
		}
	}
	slices.SortStableFunc(e.hari, func(x, y FaktaHari) int { return x.Tanggal.Compare(y.Tanggal) })
	if lain > 0 {
		e.catat(Langkah{Kode: "HARI_DILUAR_BULAN"}, e.t.mulai().int(lain).
			s(" hari di luar ", " days outside ").bulan(e.f.Tahun, e.f.Bulan).s(" diabaikan", " ignored"))
	}
}

// catat appends a step with the description built in t.
// The words of all steps are gathered in one buffer and become strings once, at
// the end (selesai).
func (e *mesin) catat(l Langkah, t *teks) {
	e.langkah = append(e.langkah, l)
	e.uraian = append(e.uraian, e.simpan(t))
}

// simpan copies the words built in t to the buffer and returns where they are.
func (e *mesin) simpan(t *teks) [3]int {
	a := len(e.arena)
	e.arena = append(e.arena, t.id...)
	b := len(e.arena)
	e.arena = append(e.arena, t.en...)
	return [3]int{a, b, len(e.arena)}
}

// selesai returns the result with its trace: the steps with their words, which
// become strings at once.
func (e *mesin) selesai() HasilTPP {
	s := string(e.arena)
	h := e.h
	h.Trace = make([]Langkah, len(e.langkah))
	for i, o := range e.uraian {
		h.Trace[i] = e.langkah[i]
		h.Trace[i].Uraian = Text{ID: s[o[0]:o[1]], EN: s[o[1]:o[2]]}
	}
	return h
}

// rupiah is x shown in whole rupiah with the profile's mode.
func (e *mesin) rupiah(x nilai) int64 { return x.bulatkan(e.p.Pembulatan.Mode) }

// bulat rounds x when the profile's stage reaches level, recording the step.
func (e *mesin) bulat(x nilai, level int, apaID, apaEN string) nilai {
	switch e.p.Pembulatan.Tahap {
	case TahapSetiapLangkah:
		if level < levelLangkah {
			return x
		}
	case TahapAkhir:
		if level < levelAkhir {
			return x
		}
	}
	return e.bulatkan(x, apaID, apaEN)
}

// bulatkan rounds x whatever the stage.
func (e *mesin) bulatkan(x nilai, apaID, apaEN string) nilai {
	if x.isInt() {
		return x
	}
	n := e.rupiah(x)
	e.catat(Langkah{Kode: "PEMBULATAN", Aturan: "pembulatan", Dasar: x.String(), Jumlah: strconv.FormatInt(n, 10)},
		e.t.mulai().s("Pembulatan ", "Rounding ").s(apaID, apaEN).sama(" (").sama(string(e.p.Pembulatan.Mode)).
			sama("): ").rp(x).sama(" → ").rpn(n))
	return nInt(n)
}

// aturan is a rule path with an index: "besaran/tabel/3".
func aturan(prefix string, i int) string {
	var buf [48]byte
	return string(strconv.AppendInt(append(buf[:0], prefix...), int64(i), 10))
}

// besaran finds the pegawai's amount: the position's own, else the kelas's.
func (e *mesin) besaran() int64 {
	if e.f.JabatanID != "" {
		for i, j := range e.p.Besaran.Jabatan {
			if j.JabatanID == e.f.JabatanID {
				e.h.Besaran = j.Jumlah
				e.catat(Langkah{Kode: "BESARAN_JABATAN", Aturan: aturan("besaran/jabatan/", i), Jumlah: strconv.FormatInt(j.Jumlah, 10)},
					e.t.mulai().s("Besaran TPP khusus jabatan ", "TPP amount set for position ").sama(j.JabatanID).sama(": ").rpn(j.Jumlah))
				return j.Jumlah
			}
		}
	}
	e.h.Besaran = e.besaranKelas(e.f.KelasJabatan)
	return e.h.Besaran
}

// besaranKelas is the amount of a kelas from the table or the ladder × factor
// (rounded with the profile's mode: a ladder amount is a table amount); 0 when the
// profile has no such kelas.
func (e *mesin) besaranKelas(kelas int) int64 {
	bs := &e.p.Besaran
	if kelas >= 1 && kelas <= len(bs.Tabel) {
		n := bs.Tabel[kelas-1].Jumlah
		e.catat(Langkah{Kode: "BESARAN", Aturan: aturan("besaran/tabel/", kelas-1), Jumlah: strconv.FormatInt(n, 10)},
			e.t.mulai().s("Besaran TPP kelas jabatan ", "TPP amount of kelas jabatan ").int(kelas).sama(": ").rpn(n))
		return n
	}
	if kelas >= 1 && kelas <= len(bs.Tangga) {
		tangga := bs.Tangga[kelas-1].Jumlah
		x := nInt(tangga).mul(nN(bs.Faktor.n))
		e.catat(Langkah{Kode: "BESARAN_TANGGA", Aturan: aturan("besaran/tangga/", kelas-1), Dasar: strconv.FormatInt(tangga, 10), Jumlah: x.String()},
			e.t.mulai().s("Besaran TPP kelas jabatan ", "TPP amount of kelas jabatan ").int(kelas).s(": tangga ", ": ladder ").rpn(tangga).
				s(" × faktor ", " × factor ").angka(nN(bs.Faktor.n)).sama(" = ").rp(x))
		return e.bulatkan(x, "besaran", "the amount").d
	}
	e.catat(Langkah{Kode: "KELAS_TIDAK_ADA", Aturan: "besaran", Jumlah: "0"},
		e.t.mulai().s("Kelas jabatan ", "Kelas jabatan ").int(kelas).
			s(" tidak ada dalam tabel besaran profil: besaran Rp 0", " is not in the profile's amount table: amount Rp 0"))
	return 0
}

// komponen computes the components of besaran b: the assessed sum pd and the sum
// pt of components paid as is.
func (e *mesin) komponen(b int64) (pd, pt nilai) {
	if len(e.p.Komponen) == 0 {
		e.h.Komponen = []KomponenHasil{{Jenis: KomponenBebanKerja, Jumlah: b}}
		return nInt(b), nol
	}
	e.h.Komponen = make([]KomponenHasil, 0, len(e.p.Komponen))
	for i, k := range e.p.Komponen {
		if (len(k.JabatanID) > 0 && !slices.Contains(k.JabatanID, e.f.JabatanID)) ||
			(len(k.UnitID) > 0 && !slices.Contains(k.UnitID, e.f.UnitID)) {
			continue
		}
		nama := namaKomponenTeks[k.Jenis]
		t := e.t.mulai().s("Komponen ", "Component ").s(nama[0], nama[1]).sama(": ")
		l := Langkah{Kode: "KOMPONEN", Aturan: aturan("komponen/", i)}
		var x nilai
		if k.Jumlah != 0 {
			x = nInt(k.Jumlah)
			t.s("jumlah tetap ", "fixed amount ").rpn(k.Jumlah)
		} else {
			x = nInt(b).persenN(k.Persen.n)
			l.Persen, l.Dasar = k.Persen.s, strconv.FormatInt(b, 10)
			t.pctn(k.Persen.n).sama(" × ").rpn(b).sama(" = ").rp(x)
		}
		if k.Tetap {
			t.s(" (dibayar tetap, tanpa penilaian kinerja dan disiplin)", " (paid as is, without performance and attendance assessment)")
		}
		l.Jumlah = x.String()
		e.catat(l, t)
		x = e.bulat(x, levelKomponen, "komponen", "the component")
		if k.Tetap {
			pt = pt.add(x)
		} else {
			pd = pd.add(x)
		}
		e.h.Komponen = append(e.h.Komponen, KomponenHasil{Jenis: k.Jenis, Jumlah: e.rupiah(x)})
	}
	return pd, pt
}

// plt adds the acting official's extra to pd.
func (e *mesin) plt(pd nilai, b int64) nilai {
	plt := e.p.Status.PltPersen
	if !e.f.Plt || !plt.Ada() || plt.n == 0 {
		return pd
	}
	dasar := b
	if e.f.KelasJabatanPlt > 0 {
		dasar = e.besaranKelas(e.f.KelasJabatanPlt)
	}
	x := nInt(dasar).persenN(plt.n)
	e.catat(Langkah{Kode: "PLT", Aturan: "status/plt_persen", Persen: plt.s, Dasar: strconv.FormatInt(dasar, 10), Jumlah: x.String()},
		e.t.mulai().s("Tambahan sebagai Plt/Plh: ", "Extra as acting official (Plt/Plh): ").pctn(plt.n).sama(" × ").rpn(dasar).sama(" = ").rp(x))
	return pd.add(e.bulat(x, levelKomponen, "tambahan Plt", "the acting extra"))
}

// pengali applies the year's level and the status factors to pd and pt.
func (e *mesin) pengali(pd, pt nilai) (nilai, nilai) {
	if pred, ok := predikatFakta(e.f.PredikatTahunLalu); ok {
		for i, x := range e.p.Predikat.TingkatTahunan {
			if x.Predikat == pred {
				pd, pt = e.kali(pd, pt, x.Persen, "TINGKAT_TAHUNAN", aturan("predikat/tingkat_tahunan/", i),
					e.t.mulai().s("Tingkat TPP tahun ini menurut predikat kinerja tahun lalu (", "This year's TPP level by last year's annual predikat (").
						sama(pred.Label()).sama("): "))
			}
		}
	}
	for i, x := range e.p.Status.JenisASN {
		if x.JenisASN == e.f.JenisASN {
			pd, pt = e.kali(pd, pt, x.Persen, "FAKTOR_ASN", aturan("status/jenis_asn/", i),
				e.t.mulai().s("TPP ", "TPP of a ").sama(string(x.JenisASN)).s(" dibayar ", " is paid at ").pctn(x.Persen.n).sama(": "))
		}
	}
	for i, x := range e.p.Status.Kepegawaian {
		if x.Status == e.f.StatusKepegawaian {
			pd, pt = e.kali(pd, pt, x.Persen, "FAKTOR_STATUS", aturan("status/kepegawaian/", i),
				e.t.mulai().s("Status kepegawaian ", "Employment status ").sama(string(x.Status)).s(": TPP dibayar ", ": TPP is paid at ").pctn(x.Persen.n).sama(": "))
		}
	}
	return pd, pt
}

// kali multiplies pd and pt by a percentage, finishing the description in t.
func (e *mesin) kali(pd, pt nilai, p Desimal, kode, aturan string, t *teks) (nilai, nilai) {
	dasar := pd.add(pt)
	pd, pt = pd.persenN(p.n), pt.persenN(p.n)
	jumlah := pd.add(pt)
	t.pctn(p.n).sama(" × ").rp(dasar).sama(" = ").rp(jumlah)
	e.catat(Langkah{Kode: kode, Aturan: aturan, Persen: p.s, Dasar: dasar.String(), Jumlah: jumlah.String()}, t)
	return e.bulat(pd, levelKomponen, "jumlah dinilai", "the assessed amount"), e.bulat(pt, levelKomponen, "jumlah tetap", "the fixed amount")
}

// proporsi scales x and y by counted working days / JHK when the profile prorates
// at this scope.
func (e *mesin) proporsi(scope ProporsiBerlaku, x, y nilai) (nilai, nilai) {
	pr := &e.p.Disiplin.Proporsi
	if pr.Berlaku != scope {
		return x, y
	}
	jhk, dihitung := 0, 0
	for _, d := range e.hari {
		switch {
		case d.Kerja:
			jhk++
			if !slices.Contains(pr.Kecuali, d.Status) {
				dihitung++
			}
		case d.Libur == LiburDiluarMasaKerja:
			jhk++
		}
	}
	if dihitung == jhk {
		return x, y // nothing to prorate
	}
	t := e.t.mulai()
	if scope == ProporsiSeluruh {
		t.s("TPP", "The TPP")
	} else {
		t.s("Bagian disiplin", "The disiplin share")
	}
	dasar := x.add(y)
	q := nInt(int64(dihitung)).quo(nInt(int64(jhk)))
	x, y = x.mul(q), y.mul(q)
	jumlah := x.add(y)
	t.s(" dihitung ", " counts ").int(dihitung).s(" dari ", " of ").int(jhk).s(" hari kerja: ", " working days: ").
		rp(dasar).sama(" × ").int(dihitung).sama("/").int(jhk).sama(" = ").rp(jumlah)
	e.catat(Langkah{Kode: "PROPORSI_JHK", Aturan: "disiplin/proporsi_jhk", Dasar: dasar.String(), Jumlah: jumlah.String()}, t)
	return e.bulat(x, levelKomponen, "proporsi", "the prorated amount"), e.bulat(y, levelKomponen, "proporsi", "the prorated amount")
}

// bobot splits the assessed amount into the produktivitas and disiplin shares.
func (e *mesin) bobot(pd nilai) (sp, sd nilai) {
	w := e.p.Bobot.Produktivitas
	sp = e.bulat(pd.persenN(w.n), levelKomponen, "bagian produktivitas", "the produktivitas share")
	sd = pd.sub(sp)
	if w.n != 0 && w.n != seratusN {
		e.catat(Langkah{Kode: "BOBOT", Aturan: "bobot", Persen: w.s, Dasar: pd.String(), Jumlah: sp.String()},
			e.t.mulai().s("Bagian produktivitas ", "Produktivitas share ").pctn(w.n).sama(" × ").rp(pd).sama(" = ").rp(sp).
				s("; bagian disiplin ", "; disiplin share ").pctn(e.p.Bobot.Disiplin.n).sama(" = ").rp(sd))
	}
	return sp, sd
}

// predikatFakta reads a predikat of the facts; "" and unknown values are missing.
func predikatFakta(p Predikat) (Predikat, bool) {
	if p == "" {
		return "", false
	}
	if p == "CUKUP" {
		return ButuhPerbaikan, true
	}
	return p, slices.Contains(AllPredikat, p)
}

// produktivitas pays the produktivitas share at the month's performance %; the
// second result asks to forfeit the whole month (threshold SELURUH).
func (e *mesin) produktivitas(sp nilai) (nilai, bool) {
	kin := &e.p.Kinerja
	k := e.persenKinerja()
	e.h.PersenKinerja = k.String()
	if kin.Ambang.Ada() && k.cmp(nN(kin.Ambang.n)) < 0 {
		t := e.t.mulai().s("Persentase kinerja ", "The performance percentage ").pct(k).s(" di bawah ambang ", " is below the threshold ").pctn(kin.Ambang.n)
		l := Langkah{Kode: "AMBANG_KINERJA", Aturan: "kinerja/ambang", Persen: kin.Ambang.s}
		if kin.AmbangBerlaku == AmbangSeluruh {
			e.catat(l, t.s(": TPP bulan ini tidak dibayar", ": no TPP is paid this month"))
			return nol, true
		}
		e.catat(l, t.s(": bagian produktivitas tidak dibayar", ": the produktivitas share is not paid"))
		return nol, false
	}
	if k.cmp(seratus) == 0 {
		return sp, false
	}
	prod := sp.persen(k)
	e.catat(Langkah{Kode: "PRODUKTIVITAS", Aturan: "kinerja", Persen: e.h.PersenKinerja, Dasar: sp.String(), Jumlah: prod.String()},
		e.t.mulai().s("Bagian produktivitas ", "Produktivitas share ").rp(sp).sama(" × ").pct(k).sama(" = ").rp(prod))
	return e.bulat(prod, levelKomponen, "produktivitas", "the produktivitas"), false
}

// persenKinerja is the month's performance % by the profile's model, blended with
// the unit's achievement and capped.
func (e *mesin) persenKinerja() nilai {
	kin := &e.p.Kinerja
	var k nilai
	ada := true
	switch kin.Model {
	case KinerjaPredikat:
		k, ada = e.kinerjaPredikat()
	case KinerjaCapaian:
		if k, ada = e.capaian(); ada {
			e.catat(Langkah{Kode: "KINERJA", Aturan: "kinerja/model", Persen: k.String()},
				e.t.mulai().s("Persentase kinerja = capaian: ", "Performance percentage = achievement: ").pct(k))
		}
	case KinerjaMenit:
		k, ada = e.kinerjaMenit()
	case KinerjaPoin:
		k, ada = e.kinerjaPoin()
	default:
		k = seratus
	}
	if !ada {
		k = nN(kin.PersenTanpaData.n)
		e.catat(Langkah{Kode: "KINERJA_TANPA_DATA", Aturan: "kinerja/persen_tanpa_data", Persen: k.String()},
			e.t.mulai().s("Data kinerja bulan ini tidak ada: persentase kinerja ", "No performance data this month: the performance percentage is ").
				pct(k).s(" menurut profil", " as the profile says"))
	}
	if w := kin.BobotUnit; w.Ada() && w.n > 0 {
		t := e.t.mulai()
		var u nilai
		if e.f.CapaianUnit != nil {
			u = nRat(e.f.CapaianUnit)
		} else {
			u = nN(kin.PersenTanpaData.n)
			t.s("Capaian unit tidak ada, dihitung ", "No unit achievement, counted as ").pct(u).sama("; ")
		}
		gabung := k.persenN(seratusN - w.n).add(u.persenN(w.n))
		t.s("digabung dengan capaian unit berbobot ", "blended with the unit's achievement weighted ").pctn(w.n).sama(": ").
			pctn(seratusN - w.n).sama(" × ").pct(k).sama(" + ").pctn(w.n).sama(" × ").pct(u).sama(" = ").pct(gabung)
		e.catat(Langkah{Kode: "KINERJA_UNIT", Aturan: "kinerja/bobot_unit", Persen: w.s, Jumlah: gabung.String()}, t)
		k = gabung
	}
	batas := seratus
	if kin.BatasPersen.Ada() {
		batas = nN(kin.BatasPersen.n)
	}
	k = maxNilai(k, nol)
	if k.cmp(batas) > 0 {
		e.catat(Langkah{Kode: "KINERJA", Aturan: "kinerja/batas_persen", Persen: batas.String()},
			e.t.mulai().s("Persentase kinerja ", "The performance percentage ").pct(k).s(" dibatasi ", " is capped at ").pct(batas))
		k = batas
	}
	return k
}

// kinerjaPredikat maps the month's predikat; false when it is missing.
func (e *mesin) kinerjaPredikat() (nilai, bool) {
	pred, ok := predikatFakta(e.f.Predikat)
	if !ok {
		return nol, false
	}
	for i, x := range e.p.Kinerja.Predikat {
		if x.Predikat == pred {
			e.catat(Langkah{Kode: "KINERJA", Aturan: aturan("kinerja/predikat/", i), Persen: x.Persen.s},
				e.t.mulai().s("Predikat kinerja bulan ini ", "This month's predikat is ").sama(pred.Label()).
					s(": persentase kinerja ", ": performance percentage ").pctn(x.Persen.n))
			return nN(x.Persen.n), true
		}
	}
	return nol, false
}

// batasIndikator is the cap of one indicator's achievement (default 100%).
func (e *mesin) batasIndikator() nilai {
	if b := e.p.Kinerja.BatasIndikator; b.Ada() {
		return nN(b.n)
	}
	return seratus
}

// capaian is the achievement %: CapaianPersen when given, else the average of the
// indicators' achievements, each in [0, cap] (the formula of Capaian: realisasi /
// target, or 2 − realisasi / target when lower is better; a zero target is met by
// any realisasi, or only by zero when lower is better); false when there is none.
func (e *mesin) capaian() (nilai, bool) {
	batas := e.batasIndikator()
	if e.f.CapaianPersen != nil {
		c := nRat(e.f.CapaianPersen)
		t := e.t.mulai().s("Capaian kinerja bulan ini ", "This month's achievement ").pct(c)
		k := maxNilai(c, nol)
		if k.cmp(batas) > 0 {
			k = batas
			t.s(", dibatasi ", ", capped at ").pct(batas)
		}
		e.catat(Langkah{Kode: "CAPAIAN", Aturan: "kinerja", Persen: k.String()}, t)
		return k, true
	}
	sum, n := nol, 0
	for i, row := range e.f.Capaian {
		t := e.t.mulai().s("Indikator ", "Indicator ").int(i + 1).sama(": ")
		if row.Realisasi == nil || row.Target == nil || row.Realisasi.Sign() < 0 || row.Target.Sign() < 0 {
			e.catat(Langkah{Kode: "CAPAIAN_INDIKATOR", Aturan: "kinerja"},
				t.s("realisasi atau target kosong atau negatif, diabaikan", "realisasi or target missing or negative, ignored"))
			continue
		}
		r, tg := nRat(row.Realisasi), nRat(row.Target)
		rendah := row.Polaritas == "LEBIH_RENDAH"
		var c nilai
		switch {
		case tg.sign() == 0 && (!rendah || r.sign() == 0):
			c = batas
		case tg.sign() == 0:
		case rendah:
			c = nInt(2).sub(r.quo(tg)).mul(seratus)
		default:
			c = r.quo(tg).mul(seratus)
		}
		t.s("realisasi ", "realisasi ").angka(r).s(" dari target ", " against target ").angka(tg)
		if rendah {
			t.s(" (semakin rendah semakin baik)", " (lower is better)")
		}
		t.sama(" = ").pct(c)
		if c.sign() < 0 {
			c = nol
			t.s(", paling rendah 0%", ", at least 0%")
		}
		if c.cmp(batas) > 0 {
			c = batas
			t.s(", dibatasi ", ", capped at ").pct(batas)
		}
		e.catat(Langkah{Kode: "CAPAIAN_INDIKATOR", Aturan: "kinerja", Persen: c.String()}, t)
		sum = sum.add(c)
		n++
	}
	if n == 0 {
		return nol, false
	}
	sum = sum.quo(nInt(int64(n)))
	e.catat(Langkah{Kode: "CAPAIAN", Aturan: "kinerja", Persen: sum.String()},
		e.t.mulai().s("Rata-rata capaian ", "Average achievement of ").int(n).s(" indikator: ", " indicators: ").pct(sum))
	return sum, true
}

// kinerjaMenit is accepted minutes ÷ (JHK × effective minutes per day); false
// without working days.
func (e *mesin) kinerjaMenit() (nilai, bool) {
	jhk := 0
	for _, d := range e.hari {
		if d.Kerja {
			jhk++
		}
	}
	if jhk == 0 {
		return nol, false
	}
	menit := max(e.f.MenitDiterima, 0)
	mpd := e.p.Kinerja.MenitPerHari
	k := nInt(menit).mul(seratus).quo(nInt(int64(jhk) * int64(mpd)))
	e.catat(Langkah{Kode: "KINERJA", Aturan: "kinerja/menit_per_hari", Persen: k.String()},
		e.t.mulai().s("Menit kegiatan diterima ", "Accepted activity minutes ").int(int(menit)).s(" dari standar ", " against the standard ").
			int(jhk).s(" hari kerja × ", " working days × ").int(mpd).s(" menit: ", " minutes: ").pct(k))
	return k, true
}

// kinerjaPoin is the points model: (SKP points + BerAKHLAK points) / maximum points.
func (e *mesin) kinerjaPoin() (nilai, bool) {
	pn := &e.p.Kinerja.Poin
	pengali, maks := nN(pn.PengaliSKP.n), nN(pn.MaksPerilaku.n)
	total, ada := nol, false
	if c, ok := e.capaian(); ok {
		x := c.mul(pengali)
		e.catat(Langkah{Kode: "POIN_SKP", Aturan: "kinerja/poin/pengali_skp", Jumlah: x.String()},
			e.t.mulai().s("Poin SKP: capaian ", "SKP points: achievement ").pct(c).sama(" × ").angka(pengali).sama(" = ").angka(x).s(" poin", " points"))
		total, ada = total.add(x), true
	} else {
		e.catat(Langkah{Kode: "POIN_SKP", Aturan: "kinerja/poin", Jumlah: "0"},
			e.t.mulai().s("Capaian SKP tidak ada: 0 poin", "No SKP achievement: 0 points"))
	}
	if b := e.f.BerAKHLAK; b != nil {
		sum := 0
		for _, v := range b {
			sum += v
		}
		var x nilai
		t := e.t.mulai().s("Poin BerAKHLAK: jumlah nilai ", "BerAKHLAK points: sum of scores ").int(sum)
		switch {
		case sum <= pn.AmbangBawah:
			t.s(" tidak lebih dari ", " is at most ").int(pn.AmbangBawah).s(": 0 poin", ": 0 points")
		case sum >= pn.AmbangAtas:
			x = maks
			t.s(" paling sedikit ", " is at least ").int(pn.AmbangAtas).sama(": ").angka(x).s(" poin", " points")
		default:
			x = nInt(int64(sum)).mul(maks).quo(nInt(int64(pn.SkorMaks)))
			t.sama(" / ").int(pn.SkorMaks).sama(" × ").angka(maks).sama(" = ").angka(x).s(" poin", " points")
		}
		e.catat(Langkah{Kode: "POIN_PERILAKU", Aturan: "kinerja/poin", Jumlah: x.String()}, t)
		total, ada = total.add(x), true
	} else {
		e.catat(Langkah{Kode: "POIN_PERILAKU", Aturan: "kinerja/poin", Jumlah: "0"},
			e.t.mulai().s("Nilai BerAKHLAK tidak ada: 0 poin", "No BerAKHLAK scores: 0 points"))
	}
	if !ada {
		return nol, false
	}
	maksTotal := e.batasIndikator().mul(pengali).add(maks)
	k := total.mul(seratus).quo(maksTotal)
	e.catat(Langkah{Kode: "KINERJA", Aturan: "kinerja/poin", Persen: k.String()},
		e.t.mulai().s("Jumlah poin ", "Total points ").angka(total).s(" dari maksimum ", " of a maximum ").angka(maksTotal).
			s(": persentase kinerja ", ": performance percentage ").pct(k))
	return k, true
}

// disiplin applies the attendance rules: the month's percentage × base, never more
// than what is left to cut (the disiplin share, or both shares with base TOTAL). It
// returns the produktivitas and disiplin shares left and the cut.
func (e *mesin) disiplin(base, prod, sdp nilai) (a, cut nilai) {
	e.dasarDisiplin = base.String()
	e.potongan, e.kataPotongan = e.potongan[:0], e.kataPotongan[:0]
	total := e.persenDisiplin(base)
	e.h.PersenPotonganDisiplin = string(appendN(nil, total, 0, '.'))
	a = prod.add(sdp)
	if total == 0 {
		return a, nol
	}
	cut = base.persenN(total)
	e.catat(Langkah{Kode: "POTONGAN_DISIPLIN", Aturan: "disiplin/dasar", Persen: e.h.PersenPotonganDisiplin, Dasar: e.dasarDisiplin, Jumlah: cut.String()},
		e.t.mulai().s("Jumlah potongan disiplin ", "Total attendance deduction ").pctn(total).sama(" × ").rp(base).sama(" = ").rp(cut))
	cut = e.bulat(cut, levelKomponen, "potongan disiplin", "the attendance deduction")
	sisa := a
	if e.p.Disiplin.Dasar == DasarDisiplinPart {
		sisa = sdp
	}
	if cut.cmp(sisa) > 0 {
		cut = sisa
		e.catat(Langkah{Kode: "BATAS_NOL", Aturan: "disiplin", Jumlah: cut.String()},
			e.t.mulai().s("Potongan dibatasi ", "The deduction is limited to ").rp(cut).s(" agar tidak di bawah nol", " so that nothing goes below zero"))
	}
	e.h.PotonganDisiplin = e.rupiah(cut)
	if e.p.Disiplin.Dasar == DasarDisiplinPart {
		rest := sdp.sub(cut)
		e.catat(Langkah{Kode: "DISIPLIN", Aturan: "disiplin", Dasar: sdp.String(), Jumlah: rest.String()},
			e.t.mulai().s("Bagian disiplin setelah potongan: ", "Disiplin share after deductions: ").rp(sdp).sama(" − ").rp(cut).sama(" = ").rp(rest))
	}
	return a.sub(cut), cut
}

// persenDisiplin adds up the month's attendance and leave percentages (× 10^10),
// recording each, and caps the sum.
func (e *mesin) persenDisiplin(base nilai) int64 {
	d := &e.p.Disiplin
	var izinHari [16]int // working days per absence rule
	for i := range e.hari {
		h := &e.hari[i]
		if h.Kerja && h.Status == StatusIzin {
			if k := e.aturanIzin(h.Izin); k >= 0 && (e.p.Izin[k].AnakKeMin == 0 || h.AnakKe >= e.p.Izin[k].AnakKeMin) {
				izinHari[k]++
			}
		}
	}
	var total, tk int64
	tkHari := 0
	e.run = e.run[:0]
	for i := range e.hari {
		h := &e.hari[i]
		if !h.Kerja || h.Status == StatusLibur {
			continue // a day off neither counts nor breaks a run of absence
		}
		if e.tanpaKeterangan(h) {
			e.run = append(e.run, i)
			continue
		}
		x, n := e.tutupRun(base)
		total, tk, tkHari = total+x, tk+x, tkHari+n
		switch h.Status {
		case StatusHadir:
			total += e.hariHadir(h, base)
		case StatusIzin:
			total += e.hariIzin(h, base, &izinHari)
		}
	}
	x, n := e.tutupRun(base)
	total, tk, tkHari = total+x, tk+x, tkHari+n
	for k, z := range e.p.Izin {
		if k >= len(izinHari) || izinHari[k] == 0 || izinHari[k] <= z.LebihDariHari { //nolint:gosec // G602 false positive: k < len(izinHari) is checked first
			continue
		}
		nama := namaIzinTeks(z.Jenis)
		t := e.t.mulai().s(nama[0], nama[1]).sama(" ").int(izinHari[k]).s(" hari kerja bulan ini", " working days this month") //nolint:gosec // G602 false positive: k < len(izinHari) is checked above
		if z.LebihDariHari > 0 {
			t.s(", lebih dari ", ", more than ").int(z.LebihDariHari).s(" hari", " days")
		}
		if z.AnakKeMin > 0 {
			t.s(", anak ke-", ", child no. ").int(z.AnakKeMin).s(" atau lebih", " or later")
		}
		jalan := aturan("izin/", k)
		switch z.Perlakuan {
		case IzinPersenBulan:
			total += z.Persen.n
			e.catatPotongan(Langkah{Kode: "IZIN_BULANAN", Aturan: jalan, Persen: z.Persen.s}, t, base, z.Persen.n)
		case IzinTidakDibayar:
			e.izinTidakDibayar = true
			e.catat(Langkah{Kode: "IZIN_TIDAK_DIBAYAR", Aturan: jalan}, t.s(": TPP bulan ini tidak dibayar", ": no TPP is paid this month"))
		}
	}
	if a := d.TKAkumulasi; a.Hari > 0 && tkHari >= a.Hari && a.Persen.n > tk {
		total += a.Persen.n - tk
		t := e.t.mulai().s("Tidak masuk tanpa keterangan ", "Absent without reason on ").int(tkHari).
			s(" hari kerja bulan ini (paling sedikit ", " working days this month (at least ").int(a.Hari).
			s("; menggantikan potongan per hari ", "; replacing the daily deductions of ").pctn(tk).sama(")")
		e.catatPotongan(Langkah{Kode: "TK_AKUMULASI", Aturan: "disiplin/tk_akumulasi", Persen: a.Persen.s}, t, base, a.Persen.n)
	}
	batas := seratusN
	if d.BatasBulanan.Ada() {
		batas = d.BatasBulanan.n
	}
	if total > batas {
		e.catat(Langkah{Kode: "BATAS_BULANAN", Aturan: "disiplin/batas_bulanan", Persen: string(appendN(nil, batas, 0, '.'))},
			e.t.mulai().s("Jumlah potongan disiplin ", "The month's attendance deductions of ").pctn(total).s(" dibatasi ", " are capped at ").pctn(batas))
		total = batas
	}
	return total
}

// catatPotongan finishes a deduction step: Dasar is the attendance base, Jumlah =
// base × n / 100, and the words end ": potongan n% × Rp base = Rp jumlah".
func (e *mesin) catatPotongan(l Langkah, t *teks, base nilai, n int64) {
	p := e.akhirPotongan(base, n)
	l.Dasar, l.Jumlah = e.dasarDisiplin, p.jumlah
	k := e.kataPotongan
	t.id, t.en = append(t.id, k[p.kata[0]:p.kata[1]]...), append(t.en, k[p.kata[1]:p.kata[2]]...)
	e.catat(l, t)
}

// potonganTeks is the end of the deduction steps at one percentage of the attendance
// base: the same for every day charged at that percentage.
type potonganTeks struct {
	n      int64
	jumlah string
	kata   [3]int // in kataPotongan: where the Indonesian starts, the English starts, they end
}

// akhirPotongan is the end of a deduction step at n% of the attendance base, built
// once per percentage (the base is the same for all the steps of a computation).
func (e *mesin) akhirPotongan(base nilai, n int64) potonganTeks {
	for _, p := range e.potongan {
		if p.n == n {
			return p
		}
	}
	x := base.persenN(n)
	t := e.tp.mulai().s(": potongan ", ": deduction ").pctn(n).sama(" × ").rp(base).sama(" = ").rp(x)
	a := len(e.kataPotongan)
	e.kataPotongan = append(e.kataPotongan, t.id...)
	b := len(e.kataPotongan)
	e.kataPotongan = append(e.kataPotongan, t.en...)
	p := potonganTeks{n: n, jumlah: x.String(), kata: [3]int{a, b, len(e.kataPotongan)}}
	e.potongan = append(e.potongan, p)
	return p
}

// aturanIzin is the index of the rule of an absence type, or -1.
func (e *mesin) aturanIzin(j JenisIzin) int {
	for k, z := range e.p.Izin {
		if z.Jenis == j {
			return k
		}
	}
	return -1
}

// tanpaKeterangan reports a working day counted as absent without reason: no record
// and no document, or a missing record the profile treats as such.
func (e *mesin) tanpaKeterangan(h *FaktaHari) bool {
	d := &e.p.Disiplin
	return h.Status == StatusTanpaKeterangan ||
		h.Status == StatusHadir && (h.TanpaMasuk && d.TanpaMasuk == TanpaRekamanTK || h.TanpaPulang && d.TanpaPulang == TanpaRekamanTK)
}

// tarifTK is the percentage of one day absent without reason.
func (e *mesin) tarifTK(h *FaktaHari) (int64, bool) {
	d := &e.p.Disiplin
	if h.Khusus && d.HariKhususPersen.Ada() {
		return d.HariKhususPersen.n, true
	}
	return d.TKPersen.n, false
}

// tutupRun charges the run of absent days just ended: the run rule when it is long
// enough (and costs at least the daily rates), else each day. It returns the
// percentage and the number of days.
func (e *mesin) tutupRun(base nilai) (int64, int) {
	n := len(e.run)
	if n == 0 {
		return 0, 0
	}
	d := &e.p.Disiplin
	var sum int64
	for _, i := range e.run {
		x, _ := e.tarifTK(&e.hari[i])
		sum += x
	}
	if b := d.TKBeruntun; b.Hari > 0 && n >= b.Hari && b.Persen.n >= sum {
		awal, akhir := e.hari[e.run[0]].Tanggal, e.hari[e.run[n-1]].Tanggal
		t := e.t.mulai().s("Tidak masuk tanpa keterangan ", "Absent without reason on ").int(n).s(" hari kerja berturut-turut (", " consecutive working days (").
			tgl(awal).sama(" – ").tgl(akhir).s("; paling sedikit ", "; at least ").int(b.Hari).
			s("; menggantikan potongan per hari)", "; replacing the daily deductions)")
		e.catatPotongan(Langkah{Kode: "TK_BERUNTUN", Tanggal: awal, Aturan: "disiplin/tk_beruntun", Persen: b.Persen.s}, t, base, b.Persen.n)
		e.run = e.run[:0]
		return b.Persen.n, n
	}
	for _, i := range e.run {
		h := &e.hari[i]
		x, khusus := e.tarifTK(h)
		if x == 0 {
			continue
		}
		l := Langkah{Kode: "TK", Tanggal: h.Tanggal, Aturan: "disiplin/tk_persen", Persen: d.TKPersen.s}
		t := e.t.mulai()
		if h.Status == StatusHadir {
			t.s("Tidak ada rekaman masuk atau pulang pada ", "No clock-in or clock-out record on ").tgl(h.Tanggal).
				s(", dihitung tidak masuk tanpa keterangan", ", counted as absent without reason")
		} else {
			t.s("Tidak masuk tanpa keterangan pada ", "Absent without reason on ").tgl(h.Tanggal)
		}
		if khusus {
			l.Kode, l.Aturan, l.Persen = "TK_KHUSUS", "disiplin/hari_khusus_persen", d.HariKhususPersen.s
			t.s(", hari kerja tepat sebelum atau sesudah cuti bersama atau libur", ", the working day right before or after collective leave or a holiday")
		}
		e.catatPotongan(l, t, base, x)
	}
	e.run = e.run[:0]
	return sum, n
}

// hariHadir charges a present day's lateness and early leave, capped per day.
func (e *mesin) hariHadir(h *FaktaHari, base nilai) int64 {
	d := &e.p.Disiplin
	x := e.sisi(h, base, true) + e.sisi(h, base, false)
	if d.BatasHarian.Ada() && x > d.BatasHarian.n {
		t := e.t.mulai().s("Potongan pada ", "Deductions on ").tgl(h.Tanggal).s(" sebesar ", " of ").pctn(x).
			s(" dibatasi ", " are capped at ").pctn(d.BatasHarian.n).s(" per hari", " a day")
		e.catatPotongan(Langkah{Kode: "BATAS_HARIAN", Tanggal: h.Tanggal, Aturan: "disiplin/batas_harian", Persen: d.BatasHarian.s}, t, base, d.BatasHarian.n)
		x = d.BatasHarian.n
	}
	return x
}

// sisi charges one side of a present day: lateness (masuk) or early leave.
func (e *mesin) sisi(h *FaktaHari, base nilai, masuk bool) int64 {
	d := &e.p.Disiplin
	pita, tol, detik, tanpa, perlakuan, tetap, nama := d.PitaPSW, d.ToleransiPSWDetik, h.PulangCepatDetik, h.TanpaPulang, d.TanpaPulang, d.TanpaPulangPersen, "disiplin/pita_psw/"
	if masuk {
		pita, tol, detik, tanpa, perlakuan, tetap, nama = d.PitaTL, d.ToleransiTLDetik, h.TerlambatDetik, h.TanpaMasuk, d.TanpaMasuk, d.TanpaMasukPersen, "disiplin/pita_tl/"
	}
	l := Langkah{Tanggal: h.Tanggal}
	t := e.t.mulai()
	var x int64
	switch {
	case tanpa:
		l.Kode = "TANPA_PULANG"
		if masuk {
			l.Kode = "TANPA_MASUK"
			t.s("Tidak ada rekaman masuk pada ", "No clock-in record on ").tgl(h.Tanggal)
		} else {
			t.s("Tidak ada rekaman pulang pada ", "No clock-out record on ").tgl(h.Tanggal)
		}
		switch {
		case perlakuan == TanpaRekamanPitaTerberat && len(pita) > 0:
			p := pita[len(pita)-1]
			x, l.Aturan, l.Persen = p.Persen.n, aturan(nama, len(pita)-1), p.Persen.s
			t.s(", dihitung pita terberat ", ", counted as the worst band ").sama(p.Kode)
		case perlakuan == TanpaRekamanPersen:
			x, l.Aturan, l.Persen = tetap.n, "disiplin/tanpa_pulang_persen", tetap.s
			if masuk {
				l.Aturan = "disiplin/tanpa_masuk_persen"
			}
		default:
			return 0
		}
	case detik > tol:
		k := -1
		for i, p := range pita {
			if detik >= p.DariDetik && (p.SampaiDetik < 0 || detik <= p.SampaiDetik) {
				k = i
				break
			}
		}
		if k < 0 {
			return 0
		}
		p := pita[k]
		x, l.Aturan, l.Persen = p.Persen.n, aturan(nama, k), p.Persen.s
		if masuk {
			l.Kode = "TL"
			t.s("Terlambat ", "Late ").durasi(detik).s(" pada ", " on ").tgl(h.Tanggal)
		} else {
			l.Kode = "PSW"
			t.s("Pulang ", "Left ").durasi(detik).s(" sebelum waktunya pada ", " early on ").tgl(h.Tanggal)
		}
		t.sama(" (").sama(p.Kode).sama(")")
	default:
		return 0
	}
	if x == 0 {
		return 0
	}
	e.catatPotongan(l, t, base, x)
	return x
}

// hariIzin charges a day of an absence type cut per day.
func (e *mesin) hariIzin(h *FaktaHari, base nilai, izinHari *[16]int) int64 {
	k := e.aturanIzin(h.Izin)
	if k < 0 || k >= len(izinHari) {
		return 0
	}
	z := &e.p.Izin[k]
	if z.Perlakuan != IzinPersenHari || z.Persen.n == 0 || izinHari[k] == 0 || izinHari[k] <= z.LebihDariHari ||
		(z.AnakKeMin > 0 && h.AnakKe < z.AnakKeMin) {
		return 0
	}
	nama := namaIzinTeks(z.Jenis)
	e.catatPotongan(Langkah{Kode: "IZIN", Tanggal: h.Tanggal, Aturan: aturan("izin/", k), Persen: z.Persen.s},
		e.t.mulai().s(nama[0], nama[1]).s(" pada ", " on ").tgl(h.Tanggal), base, z.Persen.n)
	return z.Persen.n
}

// bulanKe is the month index y·12 + m − 1.
func bulanKe(y int, m time.Month) int { return y*12 + int(m) - 1 }

// hukdis cuts the running amount a for the sanctions in force this month.
func (e *mesin) hukdis(a, pagu nilai) (nilai, nilai) {
	h := &e.p.Hukdis
	cur := bulanKe(e.f.Tahun, e.f.Bulan)
	var total int64
	aktif, langkah := 0, len(e.langkah)
	for _, x := range e.f.Hukuman {
		k := -1
		for i, r := range h.Jenis {
			if r.Jenis == x.Jenis {
				k = i
			}
		}
		if k < 0 || x.TanggalBerlaku.IsZero() {
			continue
		}
		r := &h.Jenis[k]
		dur := r.DurasiBulan
		if dur == 0 {
			dur = x.DurasiBulan
		}
		if dur == 0 {
			dur = x.Jenis.DurasiBulan()
		}
		y, m, d := x.TanggalBerlaku.Date()
		start := bulanKe(y, m)
		if h.Mulai == HukdisMulaiBulanBerikut || h.Mulai == HukdisMulaiBulanPenuh && d != 1 {
			start++
		}
		if dur <= 0 || r.Persen.n == 0 || cur < start || cur >= start+dur {
			continue
		}
		aktif++
		if h.Gabung == HukdisSum {
			total += r.Persen.n
		} else {
			total = max(total, r.Persen.n)
		}
		akhir := start + dur - 1
		e.catat(Langkah{Kode: "HUKDIS", Aturan: aturan("hukdis/jenis/", k), Persen: r.Persen.s},
			e.t.mulai().s("Hukuman disiplin ", "Disciplinary sanction ").sama(string(x.Jenis)).s(", final ", ", final on ").tgl(x.TanggalBerlaku).
				s(": potongan ", ": deduction of ").pctn(r.Persen.n).s(" selama ", " for ").int(dur).s(" bulan (", " months (").
				bulan(start/12, time.Month(start%12+1)).sama(" – ").bulan(akhir/12, time.Month(akhir%12+1)).
				s(", bulan ini bulan ke-", ", this is month ").int(cur-start+1).sama(")"))
	}
	if aktif == 0 {
		return a, nol
	}
	total = min(total, seratusN)
	dasar := a
	if h.Dasar == HukdisDasarPagu {
		dasar = pagu
	}
	cut := dasar.persenN(total)
	if aktif == 1 {
		// one sanction: its step carries the amount
		l, o := &e.langkah[langkah], e.uraian[langkah]
		l.Dasar, l.Jumlah = dasar.String(), cut.String()
		t := e.t.mulai()
		t.id, t.en = append(t.id, e.arena[o[0]:o[1]]...), append(t.en, e.arena[o[1]:o[2]]...)
		e.uraian[langkah] = e.simpan(t.sama(": ").pctn(total).sama(" × ").rp(dasar).sama(" = ").rp(cut))
	} else {
		e.catat(Langkah{Kode: "HUKDIS_GABUNG", Aturan: "hukdis/gabung", Persen: string(appendN(nil, total, 0, '.')), Dasar: dasar.String(), Jumlah: cut.String()},
			e.t.mulai().s("Gabungan hukuman disiplin (", "Combined sanctions (").sama(string(h.Gabung)).sama("): ").
				pctn(total).sama(" × ").rp(dasar).sama(" = ").rp(cut))
	}
	return e.potong(a, cut, "potongan hukuman disiplin", "the sanction cut")
}

// potong rounds cut at the component stage and takes it from a, never below zero;
// it returns what is left and the cut.
func (e *mesin) potong(a, cut nilai, apaID, apaEN string) (nilai, nilai) {
	cut = e.bulat(cut, levelKomponen, apaID, apaEN)
	if cut.cmp(a) > 0 {
		cut = a
		e.catat(Langkah{Kode: "BATAS_NOL", Jumlah: cut.String()},
			e.t.mulai().s("Potongan dibatasi ", "The cut is limited to ").rp(cut).s(" agar tidak di bawah nol", " so that nothing goes below zero"))
	}
	return a.sub(cut), cut
}

// predikatBulanan cuts a by the month's predikat.
func (e *mesin) predikatBulanan(a nilai) (nilai, nilai) {
	pred, ok := predikatFakta(e.f.Predikat)
	if !ok {
		return a, nol
	}
	for i, x := range e.p.Predikat.PotonganBulanan {
		if x.Predikat == pred && x.Persen.n > 0 {
			cut := a.persenN(x.Persen.n)
			e.catat(Langkah{Kode: "PREDIKAT_BULANAN", Aturan: aturan("predikat/potongan_bulanan/", i), Persen: x.Persen.s, Dasar: a.String(), Jumlah: cut.String()},
				e.t.mulai().s("Predikat kinerja bulan ini ", "This month's predikat ").sama(pred.Label()).s(": potongan ", ": deduction ").
					pctn(x.Persen.n).sama(" × ").rp(a).sama(" = ").rp(cut))
			return e.potong(a, cut, "potongan predikat", "the predikat cut")
		}
	}
	return a, nol
}

// profesi nets a against tunjangan profesi: only the difference is paid.
func (e *mesin) profesi(a nilai) (nilai, nilai) {
	if e.p.Profesi != ProfesiSelisih || e.f.TunjanganProfesi <= 0 {
		return a, nol
	}
	cut := nInt(e.f.TunjanganProfesi)
	t := e.t.mulai()
	if cut.cmp(a) >= 0 {
		t.s("Tunjangan profesi ", "Tunjangan profesi of ").rpn(e.f.TunjanganProfesi).s(" tidak kurang dari TPP ", " is not less than the TPP of ").rp(a).
			s(": TPP menjadi Rp 0", ": the TPP becomes Rp 0")
		cut = a
	} else {
		t.s("TPP dibayar sebesar selisihnya dengan tunjangan profesi: ", "Only the TPP's excess over tunjangan profesi is paid: ").
			rp(a).sama(" − ").rpn(e.f.TunjanganProfesi).sama(" = ").rp(a.sub(cut))
	}
	e.catat(Langkah{Kode: "PROFESI", Aturan: "netting_profesi", Dasar: a.String(), Jumlah: cut.String()}, t)
	return a.sub(cut), cut
}

// bruto finishes the month: the gross, BPJS, tax, other deductions and the net.
func (e *mesin) bruto(a nilai) {
	e.catat(Langkah{Kode: "BRUTO", Jumlah: a.String()}, e.t.mulai().s("TPP bruto: ", "Gross TPP: ").rp(a))
	a = e.bulat(a, levelLangkah, "TPP bruto", "the gross TPP")
	e.h.Bruto = e.rupiah(a)
	sisa := a
	var x nilai
	if b := &e.p.BPJS; !b.IsZero() {
		dasar := a
		switch {
		case b.Dasar == BPJSDalamBatas:
			lain := max(e.f.PenghasilanLainBPJS, 0)
			if ruang := nInt(b.Batas - min(lain, b.Batas)); dasar.cmp(ruang) > 0 {
				dasar = ruang
				e.catat(Langkah{Kode: "BPJS_DASAR", Aturan: "bpjs/batas", Dasar: a.String(), Jumlah: dasar.String()},
					e.t.mulai().s("Batas upah BPJS ", "BPJS wage cap ").rpn(b.Batas).s(" dikurangi penghasilan lain ", " less other wage components of ").
						rpn(lain).s(": bagian TPP di dalam batas ", ": the part of the TPP under the cap is ").rp(dasar))
			}
		case b.Batas > 0 && dasar.cmp(nInt(b.Batas)) > 0:
			dasar = nInt(b.Batas)
			e.catat(Langkah{Kode: "BPJS_DASAR", Aturan: "bpjs/batas", Dasar: a.String(), Jumlah: dasar.String()},
				e.t.mulai().s("Dasar iuran BPJS dibatasi ", "The BPJS base is capped at ").rpn(b.Batas))
		}
		peg := dasar.persenN(b.PersenPegawai.n)
		e.catat(Langkah{Kode: "BPJS_PEGAWAI", Aturan: "bpjs/persen_pegawai", Persen: b.PersenPegawai.s, Dasar: dasar.String(), Jumlah: peg.String()},
			e.t.mulai().s("Iuran BPJS Kesehatan pegawai (dipotong): ", "BPJS Kesehatan, employee's share (deducted): ").
				pctn(b.PersenPegawai.n).sama(" × ").rp(dasar).sama(" = ").rp(peg))
		sisa, x = e.kurangi(sisa, peg, "iuran BPJS pegawai", "the employee's BPJS")
		e.h.BPJSPegawai = e.rupiah(x)
		pemda := dasar.persenN(b.PersenPemda.n)
		e.catat(Langkah{Kode: "BPJS_PEMDA", Aturan: "bpjs/persen_pemda", Persen: b.PersenPemda.s, Dasar: dasar.String(), Jumlah: pemda.String()},
			e.t.mulai().s("Iuran BPJS Kesehatan pemberi kerja (dibayar pemda, tidak dipotong): ", "BPJS Kesehatan, employer's share (paid by the pemda, not deducted): ").
				pctn(b.PersenPemda.n).sama(" × ").rp(dasar).sama(" = ").rp(pemda))
		e.h.BPJSPemda = e.rupiah(e.bulat(pemda, levelLangkah, "iuran BPJS pemda", "the employer's BPJS"))
	}
	sisa = e.pph(a, sisa)
	lain := nol
	for i, p := range e.p.PotonganLain {
		t := e.t.mulai().s("Potongan ", "Deduction ").sama(p.Kode)
		if p.Nama != "" {
			t.sama(" (").sama(p.Nama).sama(")")
		}
		l := Langkah{Kode: "POTONGAN_LAIN", Aturan: aturan("potongan_lain/", i)}
		var y nilai
		if p.Jumlah != 0 {
			y = nInt(p.Jumlah)
			t.sama(": ").rpn(p.Jumlah)
		} else {
			y = a.persenN(p.Persen.n)
			l.Persen, l.Dasar = p.Persen.s, a.String()
			t.sama(": ").pctn(p.Persen.n).sama(" × ").rp(a).sama(" = ").rp(y)
		}
		l.Jumlah = y.String()
		e.catat(l, t)
		sisa, x = e.kurangi(sisa, y, "potongan lain", "the deduction")
		lain = lain.add(x)
	}
	for _, p := range e.f.PotonganLain {
		if p.Jumlah <= 0 {
			continue
		}
		t := e.t.mulai().s("Potongan ", "Deduction ").sama(p.Kode)
		if p.Nama != "" {
			t.sama(" (").sama(p.Nama).sama(")")
		}
		e.catat(Langkah{Kode: "POTONGAN_LAIN", Jumlah: strconv.FormatInt(p.Jumlah, 10)}, t.sama(": ").rpn(p.Jumlah))
		sisa, x = e.kurangi(sisa, nInt(p.Jumlah), "potongan lain", "the deduction")
		lain = lain.add(x)
	}
	e.h.PotonganLain = e.rupiah(lain)
	e.h.Neto = e.rupiah(e.bulat(sisa, levelAkhir, "TPP neto", "the net TPP"))
	e.catat(Langkah{Kode: "NETO", Jumlah: strconv.FormatInt(e.h.Neto, 10)}, e.t.mulai().s("TPP diterima (neto): ", "TPP received (net): ").rpn(e.h.Neto))
}

// kurangi rounds a deduction at the gross stage and takes it from sisa, never more
// than is left; it returns what is left and the deduction.
func (e *mesin) kurangi(sisa, x nilai, apaID, apaEN string) (nilai, nilai) {
	x = e.bulat(x, levelLangkah, apaID, apaEN)
	if x.cmp(sisa) > 0 {
		x = sisa
		e.catat(Langkah{Kode: "BATAS_NOL", Jumlah: x.String()},
			e.t.mulai().s("Potongan dibatasi sisa TPP ", "The deduction is limited to the TPP left, ").rp(x))
	}
	return sisa.sub(x), x
}

// pph computes the final tax on the gross a: deducted from sisa, or only shown when
// the pemda bears it. It returns what is left.
func (e *mesin) pph(a, sisa nilai) nilai {
	pj := &e.p.Pajak
	if pj.Mode != PajakFinalGolongan && pj.Mode != PajakDitanggung {
		return sisa
	}
	ruang := GolonganRuang(e.f.Golongan)
	if e.f.JenisASN == JenisPPPK {
		ruang = ""
		for _, r := range pj.RuangPPPK {
			if r.Golongan == e.f.Golongan {
				ruang = r.Ruang
			}
		}
	}
	k := -1
	for i, t := range pj.Tarif {
		if ruang != "" && t.Ruang == ruang {
			k = i
		}
	}
	if k < 0 {
		e.catat(Langkah{Kode: "PPH", Aturan: "pajak/tarif", Jumlah: "0"},
			e.t.mulai().s("Golongan ", "Golongan ").sama(e.f.Golongan).s(" tidak mempunyai tarif PPh final dalam profil: PPh Rp 0",
				" has no final tax rate in the profile: tax Rp 0"))
		return sisa
	}
	tarif := pj.Tarif[k].Persen
	x := a.persenN(tarif.n)
	t := e.t.mulai().s("PPh final golongan ", "Final income tax, golongan ").sama(ruang).sama(": ").pctn(tarif.n).sama(" × ").rp(a).sama(" = ").rp(x)
	if pj.Mode == PajakDitanggung {
		t.s(" (ditanggung pemda, tidak dipotong)", " (borne by the pemda, not deducted)")
	}
	e.catat(Langkah{Kode: "PPH", Aturan: aturan("pajak/tarif/", k), Persen: tarif.s, Dasar: a.String(), Jumlah: x.String()}, t)
	if pj.Mode == PajakDitanggung {
		e.h.PPh, e.h.PPhDitanggungPemda = e.rupiah(e.bulat(x, levelLangkah, "PPh", "the tax")), true
		return sisa
	}
	sisa, x = e.kurangi(sisa, x, "PPh", "the tax")
	e.h.PPh = e.rupiah(x)
	return sisa
}
