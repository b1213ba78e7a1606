package demo

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// Kinerja is the demo pemda's performance management for the year of the day it is
// loaded: an SKP per active pegawai with the RHK cascade down the reporting line, the
// organisation predikat of every unit per month, the monthly (PERIODIK) evaluations of
// every full month so far with a believable spread of predikat, and the activity logs
// of the last months. Everything is fixed by the Dataset, today and the ids.
type Kinerja struct {
	Periode domain.PeriodeKinerja
	// SKP lists raters before the pegawai they rate, so an RHK's RHKAtasanID refers to
	// an RHK of an earlier SKP. RHK and Ekspektasi are the approved content; Penilai
	// and AtasanPenilai carry PegawaiID, NIP, Nama and JabatanNama.
	SKP        []domain.SKP
	Organisasi []domain.PenetapanOrganisasi
	// Penilaian are in month order; Realisasi is set when the rater recorded it.
	Penilaian []domain.Penilaian
	Kegiatan  []domain.Kegiatan
}

// wita is Asia/Makassar (UTC+8, no daylight saving), the demo instansi's zone, without
// reading the time zone database.
var wita = time.FixedZone("WITA", 8*60*60)

// Working hours within which the demo logs activities (jam kerja of the demo Perwali).
const (
	jamMasuk  = 7*60 + 30
	jamPulang = 16 * 60
)

// minCurve is the smallest unit (evaluations with a predikat, sub-units included) whose
// distribution the demo raters respect. Below it the curve of SE MenPANRB 3/2023 forces
// an absurd result (with two people and an organisation rated BAIK, one of them must be
// Butuh Perbaikan every month), so the demo leaves those units as the warnings a real
// BKPSDM sees.
const minCurve = 3

// BuildKinerja returns the performance management of the demo pemda as of today (the
// local date in the instansi's zone, as midnight UTC). newID supplies every id. The
// year is today's; evaluations cover each full month before today, activity logs the
// two months up to yesterday.
func BuildKinerja(ds Dataset, today time.Time, newID func() string) Kinerja {
	k := newKin(ds, today, newID)
	k.out.Periode = domain.DefaultPeriodeKinerja(ds.Instansi.ID, k.year)
	k.out.Periode.Tersimpan = true
	k.out.Periode.Version = 1
	k.skps()
	k.evaluations()
	k.activities()
	return k.out
}

// ---------------------------------------------------------------------------
// State

type kin struct {
	r       *rand.Rand
	newID   func() string
	ds      Dataset
	today   time.Time // local date as midnight UTC
	cutoff  time.Time // today 00:00 local: everything generated happened before it
	year    int
	lastM   int // last month evaluated; 0 when none has ended yet
	unitIx  map[string]int
	jabIx   map[string]int
	peg     map[string]domain.Pegawai
	hist    map[string][]domain.Riwayat
	anc     [][]int // unit index → its ancestors and itself, root first
	leaf    []bool
	struk   domain.Struktur
	plans   []*plan // parallel to out.SKP
	planOf  map[string]*plan
	unitOrg [][]domain.PredikatOrganisasi // unit → month (1-based) → predikat
	month   []*row                        // the evaluations of the month being drawn
	sub     [][]*row                      // unit → the month's evaluations of it and its sub-units
	out     Kinerja
}

// plan is what the generator keeps about one SKP beyond the row.
type plan struct {
	i      int // index in out.SKP
	unit   int
	head   bool // holds the head position of the SKP's unit
	depth  int  // superiors above (0 for the top of the chart)
	tema   []string
	acts   map[string][]string // RHK id → activity phrasings
	hp, bp float64             // latent results and behaviour
	eps    float64             // month-to-month drift of results
	// a difficult stretch of months (personal trouble, conflict at work) in which both
	// results and behaviour sink; most people have none (from = 0)
	troubleFrom, troubleTo int
}

func newKin(ds Dataset, today time.Time, newID func() string) *kin {
	k := &kin{
		r:      rand.New(rand.NewPCG(2026, 12)), //nolint:gosec // G404: a fixed seed makes the demo reproducible; nothing secret is drawn
		newID:  newID,
		ds:     ds,
		today:  today,
		cutoff: time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, wita).UTC(),
		year:   today.Year(),
		lastM:  int(today.Month()) - 1,
		unitIx: map[string]int{},
		jabIx:  map[string]int{},
		peg:    map[string]domain.Pegawai{},
		hist:   map[string][]domain.Riwayat{},
		planOf: map[string]*plan{},
	}
	for i, u := range ds.Units {
		k.unitIx[u.ID] = i
	}
	k.anc = make([][]int, len(ds.Units))
	k.leaf = make([]bool, len(ds.Units))
	for i, u := range ds.Units {
		for _, id := range strings.Split(strings.Trim(u.Path, "/"), "/") {
			k.anc[i] = append(k.anc[i], k.unitIx[id])
		}
		k.leaf[i] = true
	}
	for _, u := range ds.Units {
		if u.ParentID != "" {
			k.leaf[k.unitIx[u.ParentID]] = false
		}
	}
	for i, j := range ds.Jabatan {
		k.jabIx[j.ID] = i
	}
	for _, p := range ds.Pegawai {
		k.peg[p.ID] = p
	}
	for _, r := range ds.Riwayat {
		k.hist[r.PegawaiID] = append(k.hist[r.PegawaiID], r)
	}
	nodes := make([]domain.JabatanNode, len(ds.Jabatan))
	for i, j := range ds.Jabatan {
		nodes[i] = domain.JabatanNode{ID: j.ID, Kode: j.Kode, Nama: j.Nama, KelasJabatan: j.KelasJabatan,
			UnitKerjaID: j.UnitKerjaID, AtasanJabatanID: j.AtasanJabatanID}
	}
	// The reporting line of the whole year is the chart as it stands today: the only
	// moves of the year happen in its first week.
	var holders []domain.PemangkuJabatan
	for _, p := range ds.Pegawai {
		if st, ok := k.stateOn(p.ID, today); ok {
			holders = append(holders, domain.PemangkuJabatan{JabatanID: st.JabatanID, Status: st.Status,
				Pemangku: domain.Pemangku{PegawaiID: p.ID, NIP: p.NIP, Nama: p.Nama, Sumber: domain.SumberDefinitif}})
		}
	}
	k.struk = domain.NewStruktur(nodes, holders, nil)
	return k
}

// stateOn is the riwayat in force for a pegawai on d.
func (k *kin) stateOn(pegawaiID string, d time.Time) (domain.Riwayat, bool) {
	var out domain.Riwayat
	ok := false
	for _, r := range k.hist[pegawaiID] {
		if r.BerlakuMulai.After(d) {
			break
		}
		out, ok = r, true
	}
	return out, ok
}

// at is a local wall-clock time on a date, as an instant in UTC.
func at(d time.Time, minute int) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, minute, 0, 0, wita).UTC()
}

func workday(d time.Time) bool { return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday }

// addWorkdays moves n working days forward (n = 0: to the next working day if d is none).
func addWorkdays(d time.Time, n int) time.Time {
	for !workday(d) {
		d = d.AddDate(0, 0, 1)
	}
	for ; n > 0; n-- {
		d = d.AddDate(0, 0, 1)
		for !workday(d) {
			d = d.AddDate(0, 0, 1)
		}
	}
	return d
}

// officeTime is a moment of office hours on a date, as an instant.
func (k *kin) officeTime(d time.Time) time.Time {
	return at(d, 8*60+k.r.IntN(7*60))
}

func monthEnd(y, m int) time.Time { return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC) }

// ---------------------------------------------------------------------------
// SKP and the cascade

func (k *kin) skps() {
	jan1 := time.Date(k.year, 1, 1, 0, 0, 0, 0, time.UTC)
	dec31 := time.Date(k.year, 12, 31, 0, 0, 0, 0, time.UTC)
	type cand struct {
		p          domain.Pegawai
		st         domain.Riwayat
		mulai, end time.Time
	}
	var cs []cand
	for _, p := range k.ds.Pegawai {
		// PermenPANRB 6/2022: an SKP covers the year, or the part of it in one position:
		// from the TMT, or from the last move of the year, to the day before a leave of
		// the civil service (tugas belajar, CLTN) starts.
		mulai := jan1
		if p.TMT.After(mulai) {
			mulai = p.TMT
		}
		prev := ""
		for _, r := range k.hist[p.ID] {
			if r.JabatanID != prev && r.BerlakuMulai.After(mulai) && !r.BerlakuMulai.After(k.today) {
				mulai = r.BerlakuMulai
			}
			prev = r.JabatanID
		}
		st, ok := k.stateOn(p.ID, mulai)
		if !ok || st.Status != domain.StatusAktif || mulai.After(k.today) || mulai.Year() != k.year {
			continue
		}
		end := dec31
		for _, r := range k.hist[p.ID] {
			if r.BerlakuMulai.After(mulai) && !r.BerlakuMulai.After(dec31) && r.Status != domain.StatusAktif {
				end = r.BerlakuMulai.AddDate(0, 0, -1)
				break
			}
		}
		cs = append(cs, cand{p, st, mulai, end})
	}
	// Raters first: positions are listed superiors before subordinates.
	slices.SortStableFunc(cs, func(a, b cand) int {
		return cmp.Or(cmp.Compare(k.jabIx[a.st.JabatanID], k.jabIx[b.st.JabatanID]), cmp.Compare(a.p.NIP, b.p.NIP))
	})
	for _, c := range cs {
		k.skp(c.p, c.st, c.mulai, c.end)
	}
}

func (k *kin) skp(p domain.Pegawai, st domain.Riwayat, mulai, selesai time.Time) {
	jab := k.ds.Jabatan[k.jabIx[st.JabatanID]]
	ui := k.unitIx[st.UnitKerjaID]
	u := k.ds.Units[ui]
	s := domain.SKP{ID: k.newID(), InstansiID: k.ds.Instansi.ID, PegawaiID: p.ID, NIP: p.NIP, Nama: p.NamaLengkap(),
		Tahun: k.year, PeriodeMulai: mulai, PeriodeSelesai: selesai, JabatanID: jab.ID, JabatanNama: jab.Nama,
		UnitKerjaID: u.ID, UnitKerjaNama: u.Nama, UnitPath: u.Path, Pendekatan: "KUANTITATIF", Revisi: 1, Version: 1}
	chain := k.struk.Rantai(p.ID, jab.ID)
	pejabat := func(a domain.Atasan) *domain.Pejabat {
		return &domain.Pejabat{PegawaiID: a.PegawaiID, NIP: a.NIP, Nama: a.Nama, JabatanNama: a.JabatanNama}
	}
	if len(chain) > 0 {
		s.Penilai = pejabat(chain[0])
	}
	if len(chain) > 1 {
		s.AtasanPenilai = pejabat(chain[1])
	}
	pl := &plan{i: len(k.out.SKP), unit: ui, head: u.KepalaJabatanID == jab.ID, depth: len(chain),
		acts: map[string][]string{}}
	var rater *plan
	if s.Penilai != nil {
		rater = k.planOf[s.Penilai.PegawaiID]
	}
	k.content(&s, pl, rater, jab, u)

	// Plans are agreed top-down in January: a rater's SKP is approved before their
	// staff draft theirs.
	base := mulai
	if base.Equal(time.Date(k.year, 1, 1, 0, 0, 0, 0, time.UTC)) {
		base = base.AddDate(0, 0, 1) // 1 January is a holiday
	}
	created := k.officeTime(addWorkdays(base, 2*pl.depth+k.r.IntN(2)))
	diajukan := k.officeTime(addWorkdays(domain.Date(created, wita), 1+k.r.IntN(2)))
	disetujui := k.officeTime(addWorkdays(domain.Date(diajukan, wita), 1+k.r.IntN(3)))
	s.CreatedAt, s.UpdatedAt, s.Status = created, created, domain.SKPDraft
	if diajukan.Before(k.cutoff) {
		s.Status, s.DiajukanAt, s.UpdatedAt = domain.SKPDiajukan, &diajukan, diajukan
	}
	// Without a rater in the system (the Sekda is rated by the wali kota) the plan stays submitted.
	if s.Penilai != nil && s.Status == domain.SKPDiajukan && disetujui.Before(k.cutoff) {
		s.Status, s.DisetujuiAt, s.UpdatedAt = domain.SKPDisetujui, &disetujui, disetujui
	}
	if s.CreatedAt.After(k.cutoff) {
		s.CreatedAt, s.UpdatedAt = k.cutoff.Add(-time.Hour), k.cutoff.Add(-time.Hour)
	}

	// Latent performance: results and behaviour are mildly correlated; most people
	// behave, a few have trouble.
	pl.hp = k.r.NormFloat64()
	pl.bp = 0.35*pl.hp + 0.94*k.r.NormFloat64()
	pl.eps = k.r.NormFloat64()
	if k.r.IntN(100) < troubled {
		pl.troubleFrom = 1 + k.r.IntN(12)
		pl.troubleTo = pl.troubleFrom + 1 + k.r.IntN(4)
	}

	k.out.SKP = append(k.out.SKP, s)
	k.plans = append(k.plans, pl)
	k.planOf[p.ID] = pl
}

// content chooses the RHK, indicators and expectations of an SKP from the catalogue.
func (k *kin) content(s *domain.SKP, pl, rater *plan, jab domain.Jabatan, u domain.UnitKerja) {
	ts := k.catalogue(jab, u)
	n := min(len(ts), 2+k.r.IntN(2))
	// The first RHK of a position is its main result; the others are drawn.
	idx := []int{0}
	for _, i := range k.r.Perm(len(ts) - 1)[:n-1] {
		idx = append(idx, i+1)
	}
	slices.Sort(idx)
	var raterRHK []domain.RHK
	if rater != nil {
		raterRHK = k.out.SKP[rater.i].RHK
	}
	for _, i := range idx {
		t := ts[i]
		r := k.rhk(s, "UTAMA", t)
		if rater != nil {
			// The cascade: the rater's RHK utama of the same theme, else any of them.
			var same, utama []int
			for j, x := range raterRHK {
				if x.Jenis != "UTAMA" {
					continue
				}
				utama = append(utama, j)
				if rater.tema[j] == t.tema {
					same = append(same, j)
				}
			}
			if len(same) == 0 {
				same = utama
			}
			if len(same) > 0 {
				a := raterRHK[same[k.r.IntN(len(same))]]
				r.RHKAtasanID, r.RHKAtasanUraian = a.ID, a.Uraian
			}
		}
		s.RHK = append(s.RHK, r)
		pl.tema = append(pl.tema, t.tema)
		pl.acts[r.ID] = t.keg
	}
	if k.r.IntN(100) < 30 {
		pool := tambahan
		if lapangan[baseName(jab.Nama)] {
			pool = tambahanLapangan
		}
		t := k.fill(pool[k.r.IntN(len(pool))], u)
		r := k.rhk(s, "TAMBAHAN", t)
		s.RHK = append(s.RHK, r)
		pl.tema = append(pl.tema, t.tema)
		pl.acts[r.ID] = t.keg
	}
	if s.Penilai != nil {
		for _, v := range domain.Berakhlak {
			e := ekspektasi[v]
			s.Ekspektasi = append(s.Ekspektasi, domain.Ekspektasi{Nilai: v, Ekspektasi: e[k.r.IntN(len(e))]})
		}
	}
}

func (k *kin) rhk(s *domain.SKP, jenis string, t rhkT) domain.RHK {
	r := domain.RHK{ID: k.newID(), SKPID: s.ID, Jenis: jenis, Uraian: t.uraian, Indikator: []domain.IKI{}}
	n := 1
	if len(t.iki) > 1 && k.r.IntN(100) < 60 {
		n = 2
	}
	for _, x := range t.iki[:n] {
		pol := "LEBIH_TINGGI"
		if x.rendah {
			pol = "LEBIH_RENDAH"
		}
		r.Indikator = append(r.Indikator, domain.IKI{ID: k.newID(), RHKID: r.ID, Aspek: x.aspek, Uraian: x.uraian,
			Target: x.target, Satuan: x.satuan, Polaritas: pol})
	}
	return r
}

// catalogue returns the RHK a position plans, with the unit's names filled in.
func (k *kin) catalogue(jab domain.Jabatan, u domain.UnitKerja) []rhkT {
	keys := []string{u.Kode + "|" + jab.Nama}
	if u.KepalaJabatanID == jab.ID {
		keys = append(keys, "@"+u.Kode, "#"+u.Jenis)
	} else {
		keys = append(keys, baseName(jab.Nama))
	}
	for _, key := range keys {
		if ts, ok := rencana[key]; ok {
			out := make([]rhkT, len(ts))
			for i, t := range ts {
				out[i] = k.fill(t, u)
			}
			return out
		}
	}
	panic(fmt.Sprintf("demo: no RHK for %s in %s", jab.Nama, u.Kode))
}

// fill puts the unit's and the OPD's names into a template.
func (k *kin) fill(t rhkT, u domain.UnitKerja) rhkT {
	opd := k.ds.Units[k.anc[k.unitIx[u.ID]][0]].Nama
	rp := strings.NewReplacer("{unit}", u.Nama, "{opd}", opd)
	t.uraian = rp.Replace(t.uraian)
	t.iki = slices.Clone(t.iki)
	for i := range t.iki {
		t.iki[i].uraian = rp.Replace(t.iki[i].uraian)
	}
	return t
}

// baseName is a position's name without its functional level.
func baseName(nama string) string {
	for _, s := range []string{" Ahli Pertama", " Ahli Muda", " Ahli Madya", " Terampil", " Mahir", " Penyelia"} {
		nama = strings.TrimSuffix(nama, s)
	}
	return nama
}

// ---------------------------------------------------------------------------
// Evaluations

// row is one pegawai's evaluation of one month while it is being drawn.
type row struct {
	pl       *plan
	mulai    time.Time
	selesai  time.Time
	h, b     float64 // this month's latent results and behaviour
	hasil    domain.Rating
	perilaku domain.Rating
	state    int // rowFinal, rowDraftRated, rowDraftRealisasi, rowDraftEmpty
	ownOrg   domain.PredikatOrganisasi
	complete bool
}

const (
	rowFinal = iota
	rowDraftRated
	rowDraftRealisasi
	rowDraftEmpty
)

// Rating thresholds on the latent scales (about standard normal). On their own few
// pegawai are above or below expectation on results: the curve, which wants at least
// 30% of a unit off Baik (more in small units, where 70% floors to fewer people), makes
// the raters' calibration (fitCurve) lift the strongest to Sangat Baik and lower the
// weakest to Butuh Perbaikan. Most Kurang and Sangat Kurang come from a troubled
// stretch. The year comes out at about 14% Sangat Baik, 65% Baik, 14% Butuh Perbaikan,
// 5% Kurang/Misconduct and 2% Sangat Kurang.
const (
	hasilAtas       = 2.3
	hasilBawah      = -2.5
	perilakuAtas    = 0.3
	perilakuBawah   = -1.7
	troubled        = 12 // percent of pegawai with a troubled stretch in the year
	troubleHasil    = 3.0
	troublePerilaku = 3.0
)

func (r *row) predikat() domain.Predikat { return domain.PredikatOf(r.hasil, r.perilaku) }

func (k *kin) evaluations() {
	nu := len(k.ds.Units)
	k.unitOrg = make([][]domain.PredikatOrganisasi, nu)
	unitQ := make([]float64, nu)
	for i := range unitQ {
		unitQ[i] = k.r.NormFloat64()
		k.unitOrg[i] = make([]domain.PredikatOrganisasi, 13)
	}
	// deepest units first, so that a unit's curve is settled before its parent's
	order := make([]int, nu)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(k.ds.Units[b].Level, k.ds.Units[a].Level) })

	for m := 1; m <= k.lastM; m++ {
		mStart := time.Date(k.year, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		mEnd := monthEnd(k.year, m)
		var rows []*row
		members := make([]int, nu)
		for _, pl := range k.plans {
			s := k.out.SKP[pl.i]
			if s.Status != domain.SKPDisetujui || s.Penilai == nil || s.PeriodeMulai.After(mEnd) || s.PeriodeSelesai.Before(mStart) {
				continue
			}
			rw := &row{pl: pl, mulai: maxTime(mStart, s.PeriodeMulai), selesai: minTime(mEnd, s.PeriodeSelesai)}
			rows = append(rows, rw)
			members[pl.unit]++
		}
		k.month = rows
		k.organisation(m, unitQ, members)
		for _, rw := range rows {
			k.rate(rw, m)
		}
		if m == k.lastM {
			k.drafts(rows)
		}
		for _, rw := range rows {
			rw.complete = rw.state == rowFinal || rw.state == rowDraftRated
		}
		k.sub = make([][]*row, nu)
		for _, rw := range rows {
			for _, a := range k.anc[rw.pl.unit] {
				k.sub[a] = append(k.sub[a], rw)
			}
		}
		for _, u := range order {
			k.fitCurve(u, m)
		}
		for _, rw := range rows {
			k.penilaian(rw, m)
		}
	}
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// organisation sets each unit's predikat for month m: mostly BAIK; now and then a unit
// whose action plans all beat their targets (ISTIMEWA), and rarely a small team that
// missed most of them (BUTUH_PERBAIKAN).
func (k *kin) organisation(m int, unitQ []float64, members []int) {
	d := monthEnd(k.year, m).AddDate(0, 0, -2)
	for !workday(d) {
		d = d.AddDate(0, 0, -1)
	}
	ditetapkan := at(d, 14*60+k.r.IntN(120))
	for i, u := range k.ds.Units {
		q := 0.75*unitQ[i] + 0.66*k.r.NormFloat64()
		p, catatan := domain.OrgBaik, ""
		switch {
		case q > 1.45:
			p = domain.OrgIstimewa
			catatan = istimewa[k.r.IntN(len(istimewa))]
		case q < -2.0 && k.leaf[i] && members[i] >= minCurve:
			p = domain.OrgButuhPerbaikan
			catatan = butuhPerbaikan[k.r.IntN(len(butuhPerbaikan))]
		}
		k.unitOrg[i][m] = p
		k.out.Organisasi = append(k.out.Organisasi, domain.PenetapanOrganisasi{ID: k.newID(), InstansiID: k.ds.Instansi.ID,
			UnitKerjaID: u.ID, UnitKerjaNama: u.Nama, UnitPath: u.Path, Tahun: k.year, Jenis: "PERIODIK", Periode: m,
			Predikat: p, Catatan: catatan, DitetapkanOleh: "demo", UpdatedAt: ditetapkan})
	}
}

// rate draws a month's ratings: stable per person with some drift, results lifted in a
// unit rated ISTIMEWA and lowered in one that needs improvement, and a unit head's
// results following the unit (SE MenPANRB 3/2023).
func (k *kin) rate(rw *row, m int) {
	pl := rw.pl
	pl.eps = 0.6*pl.eps + 0.8*k.r.NormFloat64()
	rw.ownOrg = k.unitOrg[pl.unit][m]
	rw.h = 0.8*pl.hp + 0.6*pl.eps
	switch rw.ownOrg {
	case domain.OrgIstimewa:
		rw.h += 0.5
	case domain.OrgButuhPerbaikan:
		rw.h -= 1.2
	}
	rw.b = 0.92*pl.bp + 0.4*k.r.NormFloat64()
	if m >= pl.troubleFrom && m <= pl.troubleTo {
		rw.h -= troubleHasil
		rw.b -= troublePerilaku
	}
	switch {
	case pl.head:
		rw.hasil = domain.RatingOfOrganisasi(rw.ownOrg)
	case rw.h > hasilAtas:
		rw.hasil = domain.DiAtasEkspektasi
	case rw.h < hasilBawah:
		rw.hasil = domain.DiBawahEkspektasi
	default:
		rw.hasil = domain.SesuaiEkspektasi
	}
	switch {
	case rw.b > perilakuAtas:
		rw.perilaku = domain.DiAtasEkspektasi
	case rw.b < perilakuBawah:
		rw.perilaku = domain.DiBawahEkspektasi
	default:
		rw.perilaku = domain.SesuaiEkspektasi
	}
}

// drafts leaves about a third of the last month's evaluations in DRAFT: those of the
// raters who have not finished yet, some still empty, some with realisasi only, some
// rated but not final.
func (k *kin) drafts(rows []*row) {
	var raters []string
	count := map[string]int{}
	for _, rw := range rows {
		id := k.out.SKP[rw.pl.i].Penilai.PegawaiID
		if count[id] == 0 {
			raters = append(raters, id)
		}
		count[id]++
	}
	k.r.Shuffle(len(raters), func(i, j int) { raters[i], raters[j] = raters[j], raters[i] })
	late := map[string]bool{}
	n := 0
	for _, id := range raters {
		if 6*n+3*count[id] > 2*len(rows) { // would overshoot a third by more than half of theirs
			continue
		}
		late[id] = true
		n += count[id]
	}
	for _, rw := range rows {
		if !late[k.out.SKP[rw.pl.i].Penilai.PegawaiID] {
			continue
		}
		switch x := k.r.IntN(4); {
		case x < 2:
			rw.state = rowDraftRated
		case x < 3:
			rw.state = rowDraftRealisasi
		default:
			rw.state = rowDraftEmpty
		}
	}
}

// fitCurve makes a unit's predikat follow the distribution of its organisation predikat
// (SE MenPANRB 3/2023), as its raters do when they calibrate: someone near a boundary
// is moved across it, on results only, never a unit head (whose results follow their
// unit), and never so that a sub-unit's own curve breaks.
func (k *kin) fitCurve(u, m int) {
	rated := k.rated(u)
	if len(rated) < minCurve {
		return
	}
	for range 4 * len(rated) {
		vs := k.violations(u, m)
		moved := false
		for _, v := range vs {
			if moved = k.move(u, m, rated, v); moved {
				break
			}
		}
		if !moved {
			return
		}
	}
}

// rated are the evaluations of a unit and its sub-units that have a predikat.
func (k *kin) rated(u int) []*row {
	var out []*row
	for _, rw := range k.sub[u] {
		if rw.complete {
			out = append(out, rw)
		}
	}
	return out
}

// violations checks a unit's curve for month m.
func (k *kin) violations(u, m int) []domain.Violation {
	counts := map[domain.Predikat]int{}
	for _, rw := range k.rated(u) {
		counts[rw.predikat()]++
	}
	vs, err := domain.CheckDistribution(k.unitOrg[u][m], counts, domain.QuotaRounding{})
	if err != nil {
		panic(err)
	}
	return vs
}

// below counts the violations in the units between a row's own unit and u (u
// excluded), which were calibrated before u.
func (k *kin) below(rw *row, u, m int) int {
	n := 0
	for _, a := range k.anc[rw.pl.unit] {
		if k.ds.Units[a].Level > k.ds.Units[u].Level {
			n += len(k.violations(a, m))
		}
	}
	return n
}

// move makes one change towards satisfying v and reports whether it could.
func (k *kin) move(u, m int, rows []*row, v domain.Violation) bool {
	// raters judge the person more than the month: calibration moves the same people
	score := func(rw *row) float64 { return 0.75*rw.pl.hp + 0.25*rw.h }
	is := func(ps ...domain.Predikat) func(*row) bool {
		return func(rw *row) bool { return slices.Contains(ps, rw.predikat()) }
	}
	// set moves the first candidate, in order of score, that keeps the sub-units whole
	set := func(ok func(*row) bool, lowFirst bool, to domain.Rating) bool {
		var cs []*row
		for _, rw := range rows {
			if !rw.pl.head && ok(rw) {
				cs = append(cs, rw)
			}
		}
		slices.SortStableFunc(cs, func(a, b *row) int {
			if lowFirst {
				return cmp.Compare(score(a), score(b))
			}
			return cmp.Compare(score(b), score(a))
		})
		for _, rw := range cs {
			before, was := k.below(rw, u, m), rw.hasil
			rw.hasil = to
			if k.below(rw, u, m) <= before {
				return true
			}
			rw.hasil = was
		}
		return false
	}
	notMisconduct := func(rw *row) bool { return rw.perilaku != domain.DiBawahEkspektasi }
	switch {
	case v.Rule == "PRESENT", v.Rule == "MIN" && slices.Contains(v.Predikat, domain.ButuhPerbaikan):
		// someone must fall below expectation on results: the weakest of those still above it
		return set(func(rw *row) bool { return notMisconduct(rw) && is(domain.Baik, domain.SangatBaik)(rw) },
			true, domain.DiBawahEkspektasi)
	case v.Rule == "MAX" && slices.Equal(v.Predikat, []domain.Predikat{domain.Baik}):
		// too many Baik: someone crosses a boundary, up (if their behaviour is above
		// expectation too) or down, whichever keeps the instansi's Sangat Baik and Butuh
		// Perbaikan in balance this month
		sb, bp := 0, 0
		for _, rw := range k.month {
			switch {
			case !rw.complete:
			case rw.predikat() == domain.SangatBaik:
				sb++
			case rw.predikat() == domain.ButuhPerbaikan:
				bp++
			}
		}
		up := func() bool {
			return set(func(rw *row) bool { return is(domain.Baik)(rw) && rw.perilaku == domain.DiAtasEkspektasi },
				false, domain.DiAtasEkspektasi)
		}
		down := func() bool { return set(is(domain.Baik), true, domain.DiBawahEkspektasi) }
		if sb <= bp {
			return up() || down()
		}
		return down() || up()
	case v.Rule == "MAX" && slices.Equal(v.Predikat, []domain.Predikat{domain.SangatBaik}):
		return set(is(domain.SangatBaik), true, domain.SesuaiEkspektasi)
	}
	return false
}

// penilaian writes the row of a month's evaluation.
func (k *kin) penilaian(rw *row, m int) {
	s := k.out.SKP[rw.pl.i]
	p := domain.Penilaian{ID: k.newID(), InstansiID: s.InstansiID, SKPID: s.ID, PegawaiID: s.PegawaiID, NIP: s.NIP,
		Nama: s.Nama, UnitKerjaID: s.UnitKerjaID, UnitKerjaNama: s.UnitKerjaNama, UnitPath: s.UnitPath,
		Penilai: *s.Penilai, AtasanPenilai: s.AtasanPenilai, Tahun: k.year, Jenis: "PERIODIK", Periode: m,
		TanggalMulai: rw.mulai, TanggalSelesai: rw.selesai, Status: domain.PenilaianDraft, HasilDariUnit: rw.pl.head,
		Version: 1}
	// Opened on the period's last day or in the first days after it; finalised in the
	// first days of the next month.
	end := monthEnd(k.year, m)
	open := k.officeTime(addWorkdays(end, k.r.IntN(3)))
	if !open.Before(k.cutoff) {
		open = k.officeTime(end)
	}
	p.CreatedAt, p.UpdatedAt = open, open
	final := k.officeTime(addWorkdays(end.AddDate(0, 0, 1), 1+k.r.IntN(5)))
	if !final.After(open) {
		final = open.Add(2 * time.Hour)
	}
	if rw.state == rowFinal && !final.Before(k.cutoff) {
		rw.state = rowDraftRated
	}
	if rw.state != rowDraftEmpty {
		p.Realisasi = k.realisasi(s, rw.hasil)
		p.UpdatedAt = minTime(open.Add(time.Duration(1+k.r.IntN(48))*time.Hour), k.cutoff.Add(-time.Minute))
		if rw.pl.head {
			p.RatingHasil = rw.hasil // set from the unit's predikat as soon as anything is recorded
		}
	}
	if rw.state == rowFinal || rw.state == rowDraftRated {
		p.RatingHasil, p.RatingPerilaku = rw.hasil, rw.perilaku
		p.Predikat = domain.PredikatOf(rw.hasil, rw.perilaku)
		p.NilaiPerilaku = k.nilaiPerilaku(rw.perilaku)
		if k.r.IntN(100) < 70 {
			fb := umpanBalik[p.Predikat]
			p.UmpanBalik = fb[k.r.IntN(len(fb))]
		}
	}
	if rw.state == rowFinal {
		p.Status, p.DifinalkanAt, p.UpdatedAt = domain.PenilaianFinal, &final, final
	}
	k.out.Penilaian = append(k.out.Penilaian, p)
}

// nilaiPerilaku scores the seven BerAKHLAK values 0–100 in line with the rating (the
// scores some pemda's TPP consumes).
func (k *kin) nilaiPerilaku(r domain.Rating) map[string]int {
	lo, span := 76, 12
	switch r {
	case domain.DiAtasEkspektasi:
		lo, span = 88, 10
	case domain.DiBawahEkspektasi:
		lo, span = 55, 15
	}
	out := make(map[string]int, len(domain.Berakhlak))
	for _, v := range domain.Berakhlak {
		out[v] = lo + k.r.IntN(span)
	}
	return out
}

// realisasi records every indicator of the SKP above, at or below its target as the
// rating of results says.
func (k *kin) realisasi(s domain.SKP, r domain.Rating) []domain.Realisasi {
	var out []domain.Realisasi
	for _, h := range s.RHK {
		for _, x := range h.Indikator {
			out = append(out, domain.Realisasi{IKIID: x.ID, Realisasi: k.value(x, r)})
		}
	}
	return out
}

// value is a realisasi for an indicator: above target for DI_ATAS_EKSPEKTASI (where a
// percentage can still rise), the target (or just over it) for SESUAI_EKSPEKTASI,
// clearly short of it for DI_BAWAH_EKSPEKTASI; mirrored for lower-is-better indicators.
func (k *kin) value(x domain.IKI, r domain.Rating) string {
	t, err := strconv.ParseFloat(x.Target, 64)
	if err != nil {
		panic("demo: target " + x.Target)
	}
	better := 1 // +1: realisasi above the target is better
	if x.Polaritas == "LEBIH_RENDAH" {
		better = -1
	}
	var f float64
	switch r {
	case domain.DiAtasEkspektasi:
		f = 1 + float64(better)*(0.05+0.15*k.r.Float64())
	case domain.DiBawahEkspektasi:
		f = 1 - float64(better)*(0.15+0.25*k.r.Float64())
	default:
		f = 1
		if k.r.IntN(100) < 30 && better > 0 {
			f += 0.03 * k.r.Float64()
		}
	}
	v := t * f
	percent := x.Satuan == "%"
	if percent {
		v = math.Min(v, 100)
		return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
	}
	n := math.Round(v)
	// small counts: one more or one less still tells above from at from below
	switch {
	case r == domain.DiAtasEkspektasi && better > 0:
		n = math.Max(n, t+1)
	case r == domain.DiAtasEkspektasi:
		n = math.Min(n, t-1)
	case r == domain.DiBawahEkspektasi && better > 0:
		n = math.Min(n, t-1)
	case r == domain.DiBawahEkspektasi:
		n = math.Max(n, t+1)
	default:
		if better < 0 {
			n = t
		}
	}
	return strconv.FormatFloat(math.Max(n, 0), 'f', -1, 64)
}

// ---------------------------------------------------------------------------
// Activity logs

func (k *kin) activities() {
	first := k.today.AddDate(0, -2, 0)
	last := k.today.AddDate(0, 0, -1)
	week := k.today.AddDate(0, 0, -7)
	// about two activities a working day each
	k.out.Kegiatan = make([]domain.Kegiatan, 0, len(k.plans)*int(last.Sub(first).Hours()/24)*2*5/7)
	for _, pl := range k.plans {
		s := k.out.SKP[pl.i]
		if s.Status != domain.SKPDisetujui || s.Penilai == nil {
			continue
		}
		from, to := maxTime(first, s.PeriodeMulai), minTime(last, s.PeriodeSelesai)
		var utama, tambahan []domain.RHK
		for _, r := range s.RHK {
			if r.Jenis == "UTAMA" {
				utama = append(utama, r)
			} else {
				tambahan = append(tambahan, r)
			}
		}
		for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
			if !workday(d) || k.r.IntN(100) < 8 { // leave, sick, official travel
				continue
			}
			n := 1
			switch x := k.r.IntN(100); {
			case x >= 80:
				n = 3
			case x >= 35:
				n = 2
			}
			clock := jamMasuk + 15*k.r.IntN(4)
			for range n {
				if jamPulang-clock < 30 {
					break
				}
				dur := []int{30, 45, 60, 60, 90, 90, 120, 120, 150, 180, 210, 240}[k.r.IntN(12)]
				dur = min(dur, jamPulang-clock)
				r := utama[k.r.IntN(len(utama))]
				if len(tambahan) > 0 && k.r.IntN(100) < 10 {
					r = tambahan[0]
				}
				acts := pl.acts[r.ID]
				kg := domain.Kegiatan{ID: k.newID(), InstansiID: s.InstansiID, PegawaiID: s.PegawaiID, NIP: s.NIP,
					Nama: s.Nama, RHKID: r.ID, RHKUraian: r.Uraian, Tanggal: d, JamMulai: hhmm(clock),
					JamSelesai: hhmm(clock + dur), Menit: dur, Uraian: acts[k.r.IntN(len(acts))], Bukti: []string{},
					Status: domain.KegiatanDiajukan, Version: 1, SKPID: s.ID, PenilaiID: s.Penilai.PegawaiID,
					UnitPath: s.UnitPath}
				kg.CreatedAt = at(d, clock+dur+k.r.IntN(30))
				kg.UpdatedAt = kg.CreatedAt
				// The rater verifies within a few working days; the latest week is mostly
				// still waiting.
				seen := k.officeTime(addWorkdays(d, 1+k.r.IntN(3)))
				if seen.Before(k.cutoff) && (d.Before(week) || k.r.IntN(100) < 30) {
					kg.Status, kg.DinilaiOleh, kg.DinilaiAt, kg.UpdatedAt = domain.KegiatanDiterima, s.Penilai, &seen, seen
					if k.r.IntN(1000) < 15+int(30*math.Max(0, -pl.hp)) {
						kg.Status, kg.Catatan = domain.KegiatanDitolak, ditolak[k.r.IntN(len(ditolak))]
					}
				}
				k.out.Kegiatan = append(k.out.Kegiatan, kg)
				clock += dur + 15*k.r.IntN(3)
			}
		}
	}
}

func hhmm(minute int) string { return fmt.Sprintf("%02d:%02d", minute/60, minute%60) }

// ---------------------------------------------------------------------------
// Catalogue: what each position of the demo plans, in the wording of a Denpasar SKP.

// rhkT is a template RHK. tema ties it to the rater's RHK of the same theme: the main
// outcome (hasil), service delivery (layanan) or governance (tata kelola).
type rhkT struct {
	tema   string
	uraian string
	iki    []ikiT
	keg    []string
}

type ikiT struct {
	aspek, uraian, target, satuan string
	rendah                        bool // lower is better
}

func hasil(uraian string, iki []ikiT, keg ...string) rhkT   { return rhkT{"hasil", uraian, iki, keg} }
func layanan(uraian string, iki []ikiT, keg ...string) rhkT { return rhkT{"layanan", uraian, iki, keg} }
func tata(uraian string, iki []ikiT, keg ...string) rhkT    { return rhkT{"tata", uraian, iki, keg} }

func kn(uraian, target, satuan string) ikiT { return ikiT{"KUANTITAS", uraian, target, satuan, false} }
func kl(uraian, target, satuan string) ikiT { return ikiT{"KUALITAS", uraian, target, satuan, false} }
func wk(uraian, target, satuan string) ikiT { return ikiT{"WAKTU", uraian, target, satuan, false} }

// rendah marks a lower-is-better indicator.
func rendah(x ikiT) ikiT { x.rendah = true; return x }

func iki(xs ...ikiT) []ikiT { return xs }

// rencana is keyed by "KODE|Nama" (a specific position), "@KODE" (a unit's head),
// "#JENIS" (the head of any unit of that kind) or a position's base name.
var rencana = map[string][]rhkT{
	"@SETDA": {
		tata("Meningkatnya akuntabilitas kinerja dan tata kelola Pemerintah Kota Denpasar",
			iki(kl("Nilai SAKIP Pemerintah Kota Denpasar", "80", "nilai"), kl("Indeks Reformasi Birokrasi", "75", "indeks")),
			"Memimpin rapat evaluasi kinerja perangkat daerah", "Menelaah laporan kinerja instansi pemerintah"),
		hasil("Terkoordinasinya pelaksanaan program prioritas pembangunan daerah",
			iki(kl("Persentase program prioritas yang terlaksana sesuai jadwal", "90", "%"),
				kl("Persentase indikator kinerja utama daerah yang tercapai", "85", "%")),
			"Memimpin rapat koordinasi program prioritas", "Memantau progres program prioritas ke lapangan"),
		layanan("Meningkatnya kualitas pelayanan publik perangkat daerah",
			iki(kl("Rata-rata Indeks Kepuasan Masyarakat perangkat daerah", "85", "indeks"),
				kl("Persentase pengaduan masyarakat yang ditindaklanjuti", "95", "%")),
			"Memimpin rapat tindak lanjut pengaduan masyarakat"),
	},
	"SETDA|Asisten Pemerintahan dan Kesejahteraan Rakyat": {
		hasil("Terkoordinasinya perumusan kebijakan bidang pemerintahan dan kesejahteraan rakyat",
			iki(kn("Jumlah rekomendasi kebijakan yang disampaikan kepada Sekretaris Daerah", "12", "rekomendasi"),
				wk("Persentase rekomendasi yang disampaikan tepat waktu", "90", "%")),
			"Memimpin rapat perumusan kebijakan bidang kesejahteraan rakyat", "Menelaah rancangan kebijakan dari perangkat daerah"),
		layanan("Terkendalinya pelaksanaan urusan pendidikan, kesehatan dan perhubungan",
			iki(kn("Jumlah rapat koordinasi lintas perangkat daerah", "12", "kali"),
				kl("Persentase permasalahan lintas perangkat daerah yang terselesaikan", "85", "%")),
			"Memimpin rapat koordinasi dengan Dinas Pendidikan, Dinas Kesehatan dan Dinas Perhubungan", "Meninjau pelayanan puskesmas dan sekolah"),
		tata("Terselenggaranya pembinaan administrasi kewilayahan kecamatan dan desa/kelurahan",
			iki(kn("Jumlah kecamatan yang dibina", "4", "kecamatan")),
			"Melakukan pembinaan administrasi ke kantor camat"),
	},
	"SETDA|Asisten Administrasi Umum": {
		tata("Terkoordinasinya pengelolaan keuangan, organisasi dan tata laksana Sekretariat Daerah",
			iki(kl("Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti", "90", "%"),
				kl("Nilai evaluasi kelembagaan perangkat daerah", "80", "nilai")),
			"Memimpin rapat tindak lanjut hasil pemeriksaan BPK", "Menelaah usulan penataan kelembagaan"),
		hasil("Terlaksananya penataan kelembagaan dan ketatalaksanaan perangkat daerah",
			iki(kn("Jumlah rancangan peraturan wali kota bidang kelembagaan yang difasilitasi", "6", "dokumen")),
			"Membahas rancangan peraturan wali kota tentang kedudukan dan tata kerja"),
		layanan("Meningkatnya kualitas layanan administrasi umum Sekretariat Daerah",
			iki(kl("Persentase layanan administrasi yang diselesaikan sesuai SOP", "95", "%")),
			"Memantau penyelesaian layanan administrasi umum"),
	},
	"@SETDA-PEM": {
		hasil("Tersusunnya bahan kebijakan penyelenggaraan pemerintahan umum dan kewilayahan",
			iki(kn("Jumlah kajian dan telaahan staf bidang pemerintahan", "12", "dokumen"),
				wk("Ketepatan waktu penyampaian LPPD", "100", "%")),
			"Menyusun telaahan staf bidang pemerintahan", "Mengoordinasikan penyusunan LPPD"),
		tata("Terlaksananya fasilitasi kerja sama daerah",
			iki(kn("Jumlah naskah kerja sama yang difasilitasi", "8", "naskah")),
			"Membahas draf perjanjian kerja sama daerah"),
		layanan("Terselenggaranya pembinaan administrasi kecamatan",
			iki(kn("Jumlah kecamatan yang dievaluasi kinerjanya", "4", "kecamatan")),
			"Melakukan evaluasi kinerja kecamatan"),
	},
	"@SETDA-ORG": {
		tata("Terlaksananya evaluasi kelembagaan dan analisis jabatan perangkat daerah",
			iki(kn("Jumlah perangkat daerah yang dievaluasi kelembagaannya", "20", "perangkat daerah"),
				kl("Persentase peta jabatan yang mutakhir", "100", "%")),
			"Memimpin verifikasi peta jabatan perangkat daerah", "Membahas hasil evaluasi kelembagaan"),
		layanan("Meningkatnya kualitas pelayanan publik melalui SOP dan standar pelayanan",
			iki(kn("Jumlah SOP yang disusun dan ditetapkan", "24", "SOP")),
			"Mereviu rancangan standar pelayanan perangkat daerah"),
		hasil("Terkoordinasinya pelaksanaan reformasi birokrasi dan zona integritas",
			iki(kn("Jumlah unit kerja yang diusulkan predikat WBK", "3", "unit kerja")),
			"Memimpin rapat tim reformasi birokrasi"),
	},
	"@SETDA-KEU": {
		tata("Terkelolanya keuangan Sekretariat Daerah secara tertib dan akuntabel",
			iki(kl("Persentase penyerapan anggaran Sekretariat Daerah", "95", "%"),
				kn("Jumlah laporan keuangan bulanan yang disampaikan tepat waktu", "12", "laporan")),
			"Memeriksa laporan realisasi anggaran", "Menandatangani dokumen SPM"),
		tata("Tersusunnya dokumen perencanaan dan penganggaran Sekretariat Daerah",
			iki(kn("Jumlah dokumen RKA dan DPA yang disusun", "4", "dokumen")),
			"Membahas RKA bersama TAPD"),
		hasil("Tertatausahakannya barang milik daerah di Sekretariat Daerah",
			iki(kl("Persentase aset yang tercatat dalam kartu inventaris barang", "100", "%")),
			"Memantau rekonsiliasi aset"),
	},
	"@DISDIK": {
		hasil("Meningkatnya akses dan mutu layanan pendidikan dasar dan PAUD",
			iki(kl("Angka Partisipasi Murni SD", "99", "%"), kl("Persentase satuan pendidikan terakreditasi minimal B", "90", "%")),
			"Memimpin rapat koordinasi penerimaan peserta didik baru", "Meninjau pelaksanaan pembelajaran di sekolah"),
		layanan("Meningkatnya kualitas pembelajaran di satuan pendidikan",
			iki(kl("Persentase sekolah dengan capaian literasi minimal baik", "75", "%")),
			"Membahas hasil rapor pendidikan bersama kepala sekolah"),
		tata("Terwujudnya tata kelola Dinas Pendidikan yang akuntabel",
			iki(kl("Nilai SAKIP Dinas Pendidikan", "80", "nilai"), kl("Persentase realisasi anggaran Dinas Pendidikan", "95", "%")),
			"Memimpin rapat evaluasi realisasi anggaran"),
	},
	"@DINKES": {
		hasil("Meningkatnya derajat kesehatan masyarakat Kota Denpasar",
			iki(rendah(kl("Prevalensi balita stunting", "8", "%")), kl("Cakupan imunisasi dasar lengkap", "95", "%")),
			"Memimpin rapat percepatan penurunan stunting", "Meninjau pelaksanaan imunisasi di puskesmas"),
		layanan("Meningkatnya mutu pelayanan kesehatan primer",
			iki(kl("Persentase puskesmas terakreditasi paripurna", "75", "%"), kl("Indeks Kepuasan Masyarakat layanan puskesmas", "85", "indeks")),
			"Membahas hasil survei kepuasan masyarakat puskesmas"),
		tata("Terwujudnya tata kelola Dinas Kesehatan yang akuntabel",
			iki(kl("Nilai SAKIP Dinas Kesehatan", "80", "nilai")),
			"Memimpin rapat evaluasi kinerja triwulan"),
	},
	"@DKP": {
		hasil("Meningkatnya pengelolaan sampah kota",
			iki(kl("Persentase sampah yang tertangani", "85", "%"), kl("Persentase sampah yang dikurangi dari sumbernya", "25", "%")),
			"Memimpin rapat penanganan sampah kota", "Meninjau operasional TPST"),
		layanan("Meningkatnya kualitas ruang terbuka hijau kota",
			iki(kn("Luas taman kota yang terpelihara", "45", "hektare")),
			"Meninjau pemeliharaan taman kota"),
		tata("Terwujudnya tata kelola Dinas Kebersihan dan Pertamanan yang akuntabel",
			iki(kl("Nilai SAKIP Dinas Kebersihan dan Pertamanan", "78", "nilai")),
			"Memimpin rapat evaluasi kinerja triwulan"),
	},
	"@DISHUB": {
		hasil("Meningkatnya kinerja lalu lintas jalan perkotaan",
			iki(kl("Rata-rata kecepatan lalu lintas pada ruas jalan utama", "25", "km/jam"),
				kl("Persentase simpang bersinyal yang berfungsi baik", "95", "%")),
			"Memimpin rapat forum lalu lintas dan angkutan jalan", "Meninjau simpang rawan kemacetan"),
		layanan("Meningkatnya keselamatan dan kualitas layanan angkutan umum",
			iki(kl("Persentase kendaraan wajib uji yang lulus uji berkala", "90", "%"), kn("Jumlah trayek angkutan umum yang terlayani", "6", "trayek")),
			"Membahas evaluasi layanan Trans Metro Dewata"),
		tata("Terwujudnya tata kelola Dinas Perhubungan yang akuntabel",
			iki(kl("Nilai SAKIP Dinas Perhubungan", "78", "nilai")),
			"Memimpin rapat evaluasi kinerja triwulan"),
	},
	"#SEKRETARIAT": {
		tata("Tersusunnya dokumen perencanaan, penganggaran dan pelaporan kinerja {opd}",
			iki(kn("Jumlah dokumen perencanaan dan pelaporan yang disusun", "8", "dokumen"),
				wk("Persentase dokumen yang disampaikan tepat waktu", "100", "%")),
			"Mengoordinasikan penyusunan Renja dan RKA", "Membahas laporan kinerja triwulan"),
		tata("Terkelolanya administrasi keuangan {opd} secara tertib",
			iki(kl("Persentase realisasi anggaran", "95", "%"), kl("Persentase SPJ yang lengkap dan sah", "100", "%")),
			"Memeriksa dokumen pertanggungjawaban keuangan", "Memantau realisasi anggaran"),
		layanan("Terselenggaranya layanan umum dan kepegawaian {opd}",
			iki(kl("Persentase usulan layanan kepegawaian yang diproses tepat waktu", "95", "%")),
			"Memeriksa usulan layanan kepegawaian", "Memimpin apel pagi"),
	},
	"#SUBBAGIAN": {
		tata("Terselenggaranya administrasi umum, persuratan dan kearsipan {opd}",
			iki(kn("Jumlah naskah dinas yang diadministrasikan", "1200", "naskah"),
				rendah(wk("Rata-rata waktu penyelesaian disposisi surat", "2", "hari kerja"))),
			"Memeriksa konsep naskah dinas", "Mendistribusikan disposisi pimpinan"),
		layanan("Terkelolanya administrasi kepegawaian {opd}",
			iki(kl("Persentase data kepegawaian SIMPEG yang mutakhir", "100", "%"),
				kn("Jumlah usulan kenaikan pangkat dan KGB yang diproses", "40", "usulan")),
			"Memverifikasi usulan kenaikan pangkat", "Memutakhirkan data kepegawaian"),
		tata("Terpeliharanya sarana dan prasarana kantor {opd}",
			iki(kl("Persentase barang milik daerah dalam kondisi baik", "90", "%")),
			"Memeriksa kondisi sarana dan prasarana kantor"),
	},
	"@DISDIK-PAUD": {
		hasil("Meningkatnya akses dan mutu layanan PAUD dan pendidikan nonformal",
			iki(kl("Angka Partisipasi Kasar PAUD", "80", "%"), kn("Jumlah lembaga PAUD yang dibina", "60", "lembaga")),
			"Melakukan pembinaan lembaga PAUD", "Membahas program transisi PAUD ke SD yang menyenangkan"),
		layanan("Terlaksananya pembinaan pendidik dan tenaga kependidikan PAUD",
			iki(kn("Jumlah pendidik PAUD yang mengikuti peningkatan kompetensi", "150", "orang")),
			"Membuka bimbingan teknis pendidik PAUD"),
		tata("Terkelolanya data pokok pendidikan PAUD dan nonformal",
			iki(kl("Persentase lembaga dengan Dapodik mutakhir", "95", "%")),
			"Memantau pemutakhiran Dapodik PAUD"),
	},
	"@DISDIK-PAUD-KUR": {
		hasil("Terlaksananya pengembangan kurikulum dan penilaian PAUD",
			iki(kn("Jumlah lembaga PAUD yang didampingi implementasi kurikulum", "30", "lembaga")),
			"Mendampingi implementasi kurikulum di lembaga PAUD"),
		layanan("Terselenggaranya bimbingan teknis penilaian perkembangan anak",
			iki(kn("Jumlah bimbingan teknis yang dilaksanakan", "4", "kegiatan")),
			"Menyiapkan materi bimbingan teknis asesmen PAUD"),
		tata("Tersusunnya laporan capaian kurikulum PAUD",
			iki(kn("Jumlah laporan yang disusun", "12", "laporan")),
			"Menyusun laporan bulanan seksi"),
	},
	"@DISDIK-SD": {
		hasil("Meningkatnya mutu pembelajaran sekolah dasar",
			iki(kl("Persentase SD dengan capaian numerasi minimal baik", "70", "%")),
			"Membahas hasil asesmen nasional SD", "Melakukan supervisi ke sekolah dasar"),
		layanan("Terlaksananya pembinaan dan supervisi satuan pendidikan SD",
			iki(kn("Jumlah SD yang disupervisi", "80", "sekolah")),
			"Melakukan supervisi manajerial ke SD"),
		tata("Terkelolanya dana BOS dan sarana prasarana SD",
			iki(kl("Persentase SD yang menyampaikan laporan BOS tepat waktu", "95", "%")),
			"Memantau pelaporan dana BOS SD"),
	},
	"@DISDIK-SD-KUR": {
		hasil("Terlaksananya pendampingan implementasi Kurikulum Merdeka di SD",
			iki(kn("Jumlah SD yang didampingi", "40", "sekolah")),
			"Mendampingi komunitas belajar guru SD"),
		layanan("Terselenggaranya asesmen dan penilaian hasil belajar SD",
			iki(kl("Persentase SD yang melaksanakan asesmen sesuai jadwal", "100", "%")),
			"Mengoordinasikan jadwal asesmen sumatif SD"),
		tata("Tersusunnya analisis hasil rapor pendidikan SD",
			iki(kn("Jumlah dokumen analisis rapor pendidikan", "2", "dokumen")),
			"Menganalisis data rapor pendidikan SD"),
	},
	"@DISDIK-SMP": {
		hasil("Meningkatnya mutu pembelajaran sekolah menengah pertama",
			iki(kl("Persentase SMP dengan capaian literasi minimal baik", "75", "%")),
			"Membahas hasil asesmen nasional SMP", "Melakukan supervisi ke SMP"),
		layanan("Terlaksananya pembinaan peserta didik dan pendidikan karakter di SMP",
			iki(kn("Jumlah SMP yang melaksanakan program penguatan karakter", "22", "sekolah")),
			"Memantau program penguatan karakter di SMP"),
		tata("Terkelolanya penerimaan peserta didik baru SMP",
			iki(kl("Persentase daya tampung SMP negeri yang terisi", "98", "%")),
			"Memimpin rapat evaluasi penerimaan peserta didik baru"),
	},
	"@DISDIK-SMP-PD": {
		hasil("Terlaksananya program penguatan pendidikan karakter peserta didik SMP",
			iki(kn("Jumlah kegiatan penguatan karakter yang difasilitasi", "12", "kegiatan")),
			"Memfasilitasi kegiatan penguatan karakter peserta didik"),
		layanan("Terselenggaranya seleksi dan pembinaan peserta didik berprestasi",
			iki(kn("Jumlah peserta didik yang dibina untuk lomba", "120", "siswa")),
			"Menyelenggarakan seleksi Olimpiade Sains Nasional tingkat kota"),
		tata("Terkelolanya data peserta didik SMP",
			iki(kl("Persentase data peserta didik yang valid", "98", "%")),
			"Memvalidasi data peserta didik SMP"),
	},
	"#SEKOLAH": {
		hasil("Meningkatnya kualitas pembelajaran di {unit}",
			iki(kl("Persentase peserta didik yang mencapai kompetensi minimal", "85", "%"),
				kl("Nilai rapor pendidikan satuan pendidikan", "70", "nilai")),
			"Melakukan supervisi akademik guru", "Memimpin rapat dewan guru"),
		layanan("Terselenggaranya layanan pendidikan yang ramah anak di {unit}",
			iki(kl("Persentase kehadiran peserta didik", "95", "%")),
			"Memimpin upacara bendera dan pembinaan peserta didik", "Menerima konsultasi orang tua peserta didik"),
		tata("Terkelolanya sumber daya dan anggaran {unit}",
			iki(kl("Persentase penyerapan dana BOS", "98", "%"), kn("Jumlah laporan BOS yang disampaikan tepat waktu", "4", "laporan")),
			"Memeriksa laporan penggunaan dana BOS", "Menyusun RKAS"),
	},
	"@DINKES-YANKES": {
		hasil("Meningkatnya mutu pelayanan kesehatan primer dan rujukan",
			iki(kl("Persentase puskesmas dengan mutu layanan baik", "90", "%")),
			"Memimpin rapat evaluasi mutu puskesmas", "Melakukan pembinaan ke puskesmas"),
		layanan("Terselenggaranya pelayanan kesehatan bagi peserta JKN",
			iki(kl("Persentase penduduk yang terdaftar JKN aktif", "95", "%")),
			"Berkoordinasi dengan BPJS Kesehatan cabang Denpasar"),
		tata("Terlaksananya pembinaan dan akreditasi fasilitas pelayanan kesehatan",
			iki(kn("Jumlah fasilitas pelayanan kesehatan yang dibina", "35", "fasyankes")),
			"Mendampingi survei akreditasi puskesmas"),
	},
	"@DINKES-YANKES-PRIMER": {
		hasil("Terlaksananya pembinaan pelayanan kesehatan primer di puskesmas",
			iki(kn("Jumlah puskesmas yang dibina", "11", "puskesmas")),
			"Melakukan pembinaan teknis ke puskesmas"),
		layanan("Terselenggaranya monitoring standar pelayanan minimal kesehatan",
			iki(kl("Persentase capaian SPM bidang kesehatan", "100", "%")),
			"Merekap capaian SPM bidang kesehatan"),
		tata("Tersusunnya laporan kinerja pelayanan kesehatan primer",
			iki(kn("Jumlah laporan yang disusun", "12", "laporan")),
			"Menyusun laporan bulanan pelayanan primer"),
	},
	"@DINKES-P2P": {
		hasil("Terkendalinya penyakit menular dan tidak menular",
			iki(kl("Cakupan imunisasi dasar lengkap", "95", "%"), kl("Angka keberhasilan pengobatan TBC", "90", "%")),
			"Memimpin rapat pengendalian demam berdarah", "Memantau pengobatan TBC di puskesmas"),
		layanan("Terselenggaranya sistem kewaspadaan dini dan respons KLB",
			iki(kl("Persentase sinyal KLB yang direspons kurang dari 24 jam", "100", "%")),
			"Memimpin respons sinyal kewaspadaan dini"),
		tata("Terlaksananya skrining penyakit tidak menular",
			iki(kl("Persentase penduduk usia 15 tahun ke atas yang diskrining", "80", "%")),
			"Memantau pelaksanaan posbindu PTM"),
	},
	"@DINKES-P2P-SURV": {
		hasil("Terlaksananya surveilans epidemiologi dan imunisasi",
			iki(kl("Kelengkapan laporan surveilans mingguan", "90", "%"), kl("Cakupan imunisasi dasar lengkap", "95", "%")),
			"Memeriksa laporan surveilans mingguan", "Mengoordinasikan bulan imunisasi anak sekolah"),
		layanan("Terselenggaranya penyelidikan epidemiologi kasus potensial KLB",
			iki(kl("Persentase kasus potensial KLB yang diselidiki", "100", "%")),
			"Memimpin penyelidikan epidemiologi kasus campak"),
		tata("Terkelolanya rantai dingin vaksin",
			iki(kl("Persentase puskesmas dengan rantai dingin sesuai standar", "100", "%")),
			"Memeriksa suhu lemari es vaksin puskesmas"),
	},
	"@DINKES-KESMAS": {
		hasil("Meningkatnya status gizi dan kesehatan keluarga",
			iki(rendah(kl("Prevalensi balita stunting", "8", "%"))),
			"Memimpin rapat audit kasus stunting", "Meninjau pemberian makanan tambahan balita"),
		layanan("Meningkatnya perilaku hidup bersih dan sehat masyarakat",
			iki(kl("Persentase rumah tangga ber-PHBS", "75", "%")),
			"Membahas kampanye PHBS bersama desa adat"),
		tata("Terlaksananya pembinaan kesehatan lingkungan dan kesehatan kerja",
			iki(kn("Jumlah tempat dan fasilitas umum yang diinspeksi", "200", "lokasi")),
			"Memantau inspeksi kesehatan lingkungan"),
	},
	"@DINKES-KESMAS-PROMKES": {
		hasil("Terlaksananya promosi kesehatan dan pemberdayaan masyarakat",
			iki(kn("Jumlah kampanye kesehatan yang dilaksanakan", "24", "kegiatan")),
			"Mengoordinasikan kampanye Gerakan Masyarakat Hidup Sehat"),
		layanan("Meningkatnya posyandu aktif",
			iki(kl("Persentase posyandu aktif", "90", "%")),
			"Melakukan pembinaan posyandu"),
		tata("Terbinanya kader kesehatan",
			iki(kn("Jumlah kader yang dilatih", "200", "orang")),
			"Menyiapkan pelatihan kader posyandu"),
	},
	"#PUSKESMAS": {
		hasil("Meningkatnya derajat kesehatan masyarakat di wilayah kerja {unit}",
			iki(kl("Cakupan imunisasi dasar lengkap di wilayah kerja", "95", "%"),
				kl("Persentase ibu hamil yang mendapat pelayanan antenatal sesuai standar", "100", "%")),
			"Memimpin lokakarya mini bulanan", "Memantau pelaksanaan posyandu di wilayah kerja"),
		layanan("Terselenggaranya pelayanan kesehatan yang bermutu di {unit}",
			iki(kl("Indeks Kepuasan Masyarakat", "85", "indeks"), rendah(wk("Rata-rata waktu tunggu pendaftaran", "15", "menit"))),
			"Memeriksa alur pelayanan pasien", "Menindaklanjuti keluhan pasien"),
		tata("Terkelolanya sumber daya {unit} sesuai standar akreditasi",
			iki(kl("Persentase elemen penilaian akreditasi yang dipenuhi", "100", "%")),
			"Memimpin rapat tinjauan manajemen"),
	},
	"@DKP-KEB": {
		hasil("Meningkatnya cakupan penanganan sampah",
			iki(kl("Persentase sampah terangkut ke TPA dan TPST", "85", "%")),
			"Memimpin rapat evaluasi pengangkutan sampah", "Meninjau TPS di wilayah kota"),
		layanan("Terselenggaranya layanan pengangkutan sampah yang terjadwal",
			iki(kl("Persentase rute pengangkutan yang terlayani sesuai jadwal", "95", "%")),
			"Memeriksa jadwal dan rute armada"),
		tata("Terkelolanya armada dan sarana kebersihan",
			iki(kl("Persentase armada dalam kondisi layak operasi", "90", "%")),
			"Memeriksa laporan kondisi armada"),
	},
	"@DKP-KEB-ANGKUT": {
		hasil("Terlaksananya pengangkutan sampah dari TPS ke TPA dan TPST",
			iki(kn("Rata-rata volume sampah terangkut per hari", "800", "ton")),
			"Mengawasi pengangkutan sampah di TPS", "Menyusun jadwal ritase armada"),
		layanan("Tertanganinya pengaduan masyarakat tentang sampah",
			iki(kl("Persentase pengaduan yang ditangani dalam 1x24 jam", "95", "%")),
			"Menindaklanjuti pengaduan sampah liar"),
		tata("Terjadwalnya rute dan ritase armada pengangkut",
			iki(kn("Jumlah ritase armada per hari", "120", "rit")),
			"Memeriksa log ritase armada"),
	},
	"@DKP-TAMAN": {
		hasil("Meningkatnya kualitas ruang terbuka hijau publik",
			iki(kn("Luas RTH publik yang terpelihara", "45", "hektare")),
			"Meninjau pemeliharaan RTH publik", "Membahas rencana penataan taman kota"),
		layanan("Terselenggaranya penataan taman dan penerangan taman kota",
			iki(kn("Jumlah taman kota yang ditata", "12", "taman")),
			"Meninjau penataan Taman Kota Lumintang"),
		tata("Terkelolanya pembibitan dan penghijauan",
			iki(kn("Jumlah bibit tanaman yang disediakan", "5000", "bibit")),
			"Memeriksa persediaan bibit di kebun pembibitan"),
	},
	"@DKP-TAMAN-PELIHARA": {
		hasil("Terpeliharanya taman kota dan jalur hijau",
			iki(kn("Jumlah taman yang dipelihara rutin", "35", "taman")),
			"Mengawasi pemeliharaan taman kota", "Menyusun jadwal pemangkasan"),
		layanan("Tertanganinya pohon rawan tumbang",
			iki(kl("Persentase laporan pohon rawan yang ditangani", "95", "%")),
			"Meninjau pohon rawan tumbang di jalur protokol"),
		tata("Terjadwalnya pemeliharaan taman",
			iki(kn("Jumlah laporan pemeliharaan", "12", "laporan")),
			"Menyusun laporan pemeliharaan bulanan"),
	},
	"@DKP-UPT-TPST": {
		hasil("Meningkatnya pengolahan sampah di TPST",
			iki(kn("Rata-rata sampah yang diolah per hari", "300", "ton"), rendah(kl("Persentase residu yang dibuang ke TPA", "30", "%"))),
			"Mengawasi operasional mesin pengolah sampah", "Memeriksa laporan timbangan harian"),
		layanan("Terselenggaranya operasional TPST yang aman bagi lingkungan",
			iki(kl("Persentase hari operasi tanpa gangguan", "95", "%")),
			"Memeriksa pengendalian lindi dan bau"),
		tata("Terkelolanya alat berat dan mesin pengolah sampah",
			iki(kl("Persentase alat berat yang siap operasi", "90", "%")),
			"Memeriksa jadwal perawatan alat berat"),
	},
	"@DISHUB-LALIN": {
		hasil("Meningkatnya kelancaran dan keselamatan lalu lintas",
			iki(kl("Persentase ruas jalan dengan rasio volume per kapasitas di bawah 0,8", "70", "%")),
			"Memimpin rapat manajemen rekayasa lalu lintas", "Meninjau simpang rawan kecelakaan"),
		layanan("Terselenggaranya manajemen dan rekayasa lalu lintas di simpang rawan macet",
			iki(kn("Jumlah simpang yang ditangani", "10", "simpang")),
			"Membahas pengaturan siklus lampu lalu lintas"),
		tata("Terpeliharanya perlengkapan jalan",
			iki(kl("Persentase rambu dan marka dalam kondisi baik", "90", "%")),
			"Memeriksa laporan kondisi rambu dan marka"),
	},
	"@DISHUB-LALIN-MRL": {
		hasil("Terlaksananya rekayasa lalu lintas pada kawasan padat",
			iki(kn("Jumlah rekomendasi rekayasa lalu lintas", "12", "rekomendasi")),
			"Menyusun rekomendasi rekayasa lalu lintas", "Mengawasi uji coba arus satu arah"),
		layanan("Terselenggaranya pengaturan lalu lintas pada jam sibuk dan kegiatan masyarakat",
			iki(kn("Jumlah titik pengaturan lalu lintas", "25", "titik")),
			"Menyusun jadwal piket pengaturan lalu lintas"),
		tata("Terlaksananya survei lalu lintas",
			iki(kn("Jumlah survei volume lalu lintas", "12", "survei")),
			"Mengolah data survei volume lalu lintas"),
	},
	"@DISHUB-ANGK": {
		hasil("Meningkatnya kualitas layanan angkutan umum perkotaan",
			iki(kl("Load factor angkutan umum perkotaan", "60", "%")),
			"Memimpin rapat evaluasi angkutan umum perkotaan", "Meninjau halte Trans Metro Dewata"),
		layanan("Terselenggaranya perizinan dan pengawasan angkutan",
			iki(rendah(wk("Rata-rata waktu penerbitan rekomendasi izin trayek", "5", "hari kerja"))),
			"Memeriksa rekomendasi izin trayek"),
		tata("Terlaksananya pengujian kendaraan bermotor sesuai standar",
			iki(kl("Persentase kendaraan wajib uji yang diuji", "85", "%")),
			"Memantau capaian pengujian kendaraan bermotor"),
	},
	"@DISHUB-UPT-PKB": {
		hasil("Terlaksananya pengujian berkala kendaraan bermotor",
			iki(kn("Jumlah kendaraan yang diuji per bulan", "1500", "kendaraan")),
			"Mengawasi pelaksanaan uji berkala", "Menandatangani hasil uji kendaraan"),
		layanan("Meningkatnya kualitas layanan pengujian kendaraan",
			iki(rendah(wk("Rata-rata waktu layanan pengujian per kendaraan", "45", "menit")), kl("Indeks Kepuasan Masyarakat", "85", "indeks")),
			"Memeriksa antrean layanan pengujian"),
		tata("Terpeliharanya peralatan uji kendaraan",
			iki(kl("Persentase alat uji yang terkalibrasi", "100", "%")),
			"Mengoordinasikan kalibrasi alat uji"),
	},

	// staff, by the base name of the position
	"Pengadministrasi Perkantoran": {
		tata("Terselenggaranya administrasi persuratan dan kearsipan {unit}",
			iki(kn("Jumlah surat masuk dan keluar yang diadministrasikan", "600", "surat"),
				rendah(wk("Rata-rata keterlambatan pengarsipan", "2", "hari keterlambatan"))),
			"Mencatat dan mengagendakan surat masuk", "Mengarsipkan surat keluar ke aplikasi e-arsip",
			"Mendistribusikan disposisi pimpinan", "Menyiapkan konsep surat dinas"),
		layanan("Terlayaninya kebutuhan administrasi pimpinan dan tamu dinas {unit}",
			iki(kl("Persentase permintaan layanan administrasi yang diselesaikan", "100", "%")),
			"Menyiapkan bahan dan ruang rapat", "Menerima dan mencatat tamu dinas", "Menyusun notulen rapat"),
		tata("Tertatanya data barang persediaan {unit}",
			iki(kn("Jumlah laporan persediaan yang disusun", "12", "laporan")),
			"Mencatat keluar masuk barang persediaan", "Menyusun laporan stok persediaan bulanan"),
	},
	"Pengelola Data": {
		tata("Termutakhirkannya data dan informasi {unit}",
			iki(kl("Persentase data yang dimutakhirkan tepat waktu", "100", "%"), kn("Jumlah dataset yang dikelola", "24", "dataset")),
			"Memutakhirkan data pada aplikasi", "Memvalidasi data dari unit kerja", "Menyusun rekapitulasi data bulanan"),
		layanan("Tersedianya laporan dan informasi untuk pimpinan {unit}",
			iki(kn("Jumlah laporan data yang disajikan", "12", "laporan")),
			"Menyusun infografis data", "Menyiapkan bahan paparan pimpinan"),
		hasil("Terkelolanya data sektoral Satu Data Indonesia di {unit}",
			iki(kn("Jumlah data sektoral yang diunggah ke portal Satu Data", "20", "dataset")),
			"Mengunggah data ke portal Satu Data Kota Denpasar", "Menyusun metadata statistik sektoral"),
	},
	"Pengelola Keuangan": {
		tata("Tersusunnya dokumen pertanggungjawaban keuangan {unit}",
			iki(kn("Jumlah SPJ yang diverifikasi", "240", "dokumen"), rendah(wk("Rata-rata waktu verifikasi SPJ", "3", "hari kerja"))),
			"Memverifikasi kelengkapan SPJ", "Menginput transaksi pada SIPD", "Menyusun laporan realisasi anggaran"),
		tata("Terlaksananya penatausahaan anggaran {unit}",
			iki(kl("Persentase pengajuan SPP dan SPM yang sesuai ketentuan", "100", "%")),
			"Menyiapkan dokumen SPP-LS", "Merekonsiliasi data realisasi dengan BPKAD"),
		hasil("Tersusunnya laporan keuangan {unit}",
			iki(kn("Jumlah laporan keuangan yang disusun", "4", "laporan")),
			"Menyusun catatan atas laporan keuangan", "Merekonsiliasi aset dan belanja modal"),
	},
	"Bendahara": {
		tata("Terkelolanya penerimaan dan pengeluaran kas {unit}",
			iki(kl("Persentase transaksi yang dibukukan dalam BKU tepat waktu", "100", "%"),
				kn("Jumlah laporan pertanggungjawaban bendahara", "12", "laporan")),
			"Membukukan transaksi pada buku kas umum", "Melakukan pembayaran belanja melalui CMS bank"),
		tata("Tertibnya pengelolaan pajak atas belanja {unit}",
			iki(kl("Persentase pajak yang disetor tepat waktu", "100", "%")),
			"Menyetorkan PPh 21 dan PPN atas belanja", "Membuat bukti potong pajak"),
	},
	"Analis Kebijakan": {
		hasil("Tersusunnya analisis dan rekomendasi kebijakan {unit}",
			iki(kn("Jumlah kajian kebijakan yang disusun", "6", "kajian"), kl("Persentase rekomendasi yang ditindaklanjuti pimpinan", "60", "%")),
			"Mengumpulkan bahan kajian kebijakan", "Menyusun policy brief", "Mewawancarai pemangku kepentingan"),
		layanan("Terlaksananya evaluasi pelaksanaan kebijakan {unit}",
			iki(kn("Jumlah laporan evaluasi kebijakan", "4", "laporan")),
			"Menganalisis data evaluasi kebijakan", "Menyusun laporan evaluasi kebijakan"),
		tata("Tersusunnya telaahan staf untuk pimpinan {unit}",
			iki(kn("Jumlah telaahan staf", "12", "telaahan")),
			"Menyusun telaahan staf"),
	},
	"Analis SDM Aparatur": {
		tata("Tersusunnya analisis jabatan dan analisis beban kerja perangkat daerah",
			iki(kn("Jumlah dokumen anjab dan ABK yang diverifikasi", "20", "dokumen")),
			"Memverifikasi dokumen anjab dan ABK", "Menyusun peta jabatan"),
		hasil("Terlaksananya evaluasi jabatan perangkat daerah",
			iki(kn("Jumlah jabatan yang dievaluasi kelas jabatannya", "60", "jabatan")),
			"Menghitung nilai faktor evaluasi jabatan", "Membahas hasil evaluasi jabatan bersama tim"),
		layanan("Tersusunnya standar kompetensi jabatan",
			iki(kn("Jumlah standar kompetensi jabatan yang disusun", "30", "dokumen")),
			"Menyusun standar kompetensi jabatan"),
	},
	"Pranata Komputer": {
		tata("Terkelolanya aplikasi dan infrastruktur TI {unit}",
			iki(kl("Persentase ketersediaan layanan aplikasi", "99", "%"), rendah(wk("Rata-rata waktu penanganan gangguan", "4", "jam"))),
			"Menangani gangguan jaringan", "Memelihara server aplikasi", "Mencadangkan basis data"),
		layanan("Terlaksananya pengembangan aplikasi layanan {unit}",
			iki(kn("Jumlah modul aplikasi yang dikembangkan", "6", "modul")),
			"Mengembangkan modul aplikasi", "Menguji aplikasi bersama pengguna"),
	},
	"Analis Keuangan Pusat dan Daerah": {
		tata("Tersusunnya analisis keuangan daerah",
			iki(kn("Jumlah laporan analisis keuangan", "12", "laporan")),
			"Menganalisis realisasi pendapatan dan belanja", "Menyusun proyeksi arus kas"),
		hasil("Terlaksananya evaluasi rancangan anggaran perangkat daerah",
			iki(kn("Jumlah RKA yang dievaluasi", "40", "dokumen")),
			"Mengevaluasi RKA perangkat daerah"),
	},
	"Perencana": {
		tata("Tersusunnya dokumen perencanaan {opd}",
			iki(kn("Jumlah dokumen perencanaan (Renja, RKA, Perjanjian Kinerja)", "5", "dokumen"),
				wk("Persentase dokumen yang disampaikan tepat waktu", "100", "%")),
			"Menyusun draf Rencana Kerja", "Mengikuti forum perangkat daerah", "Menginput rencana kegiatan pada SIPD"),
		hasil("Tersusunnya laporan evaluasi kinerja {opd}",
			iki(kn("Jumlah laporan evaluasi kinerja", "4", "laporan")),
			"Mengumpulkan data capaian kinerja triwulan", "Menyusun LKjIP"),
	},
	"Pengembang Teknologi Pembelajaran": {
		hasil("Tersedianya media dan konten pembelajaran digital",
			iki(kn("Jumlah konten pembelajaran yang dikembangkan", "24", "konten")),
			"Membuat video pembelajaran", "Menyunting modul ajar digital"),
		layanan("Terlaksananya pendampingan guru dalam pemanfaatan TIK",
			iki(kn("Jumlah guru yang didampingi", "100", "orang")),
			"Mendampingi guru menggunakan Platform Merdeka Mengajar", "Menyelenggarakan pelatihan pembuatan media ajar"),
	},
	"Guru": {
		hasil("Terlaksananya pembelajaran yang berkualitas di {unit}",
			iki(kn("Jumlah jam tatap muka per minggu", "24", "jam"), kl("Persentase peserta didik yang mencapai KKTP", "85", "%")),
			"Melaksanakan pembelajaran di kelas", "Menyusun modul ajar", "Melaksanakan asesmen formatif", "Memeriksa tugas peserta didik"),
		layanan("Terlaksananya bimbingan dan pembinaan peserta didik {unit}",
			iki(kn("Jumlah peserta didik yang dibimbing", "30", "siswa")),
			"Melaksanakan bimbingan belajar", "Membina kegiatan ekstrakurikuler", "Bertemu orang tua peserta didik"),
		tata("Tersusunnya administrasi pembelajaran",
			iki(kn("Jumlah perangkat pembelajaran yang disusun", "4", "dokumen")),
			"Menyusun program semester", "Mengolah nilai rapor"),
	},
	"Administrator Kesehatan": {
		tata("Terkelolanya program pelayanan kesehatan primer",
			iki(kn("Jumlah laporan program yang disusun", "12", "laporan")),
			"Merekap laporan bulanan puskesmas", "Memantau program ke puskesmas"),
		layanan("Terlaksananya verifikasi kapitasi JKN puskesmas",
			iki(kl("Persentase puskesmas yang lolos verifikasi kapitasi", "100", "%")),
			"Memverifikasi laporan kapitasi JKN"),
	},
	"Epidemiolog Kesehatan": {
		hasil("Terlaksananya surveilans penyakit potensial KLB",
			iki(kl("Kelengkapan laporan mingguan W2", "90", "%"), kl("Ketepatan laporan mingguan W2", "80", "%")),
			"Mengolah laporan W2 puskesmas", "Menyelidiki kasus demam berdarah", "Menyusun buletin epidemiologi"),
		layanan("Terlaksananya pemantauan imunisasi",
			iki(kl("Cakupan imunisasi dasar lengkap", "95", "%")),
			"Memvalidasi data imunisasi", "Mendampingi pelaksanaan BIAS"),
	},
	"Penyuluh Kesehatan Masyarakat": {
		hasil("Terlaksananya penyuluhan kesehatan kepada masyarakat",
			iki(kn("Jumlah penyuluhan yang dilaksanakan", "48", "kegiatan")),
			"Memberikan penyuluhan PHBS di banjar", "Menyusun materi KIE", "Mengelola konten media sosial promosi kesehatan"),
		layanan("Terbinanya posyandu",
			iki(kn("Jumlah posyandu yang dibina", "20", "posyandu")),
			"Membina kader posyandu"),
	},
	"Nutrisionis": {
		hasil("Terlaksananya pemantauan status gizi balita",
			iki(kn("Jumlah balita yang dipantau status gizinya", "600", "balita"), kl("Persentase balita gizi kurang yang ditangani", "100", "%")),
			"Menimbang dan mengukur balita di posyandu", "Memberikan konseling gizi", "Mendistribusikan PMT balita"),
		layanan("Terlaksananya edukasi gizi keluarga",
			iki(kn("Jumlah kelas gizi", "12", "kegiatan")),
			"Melaksanakan kelas gizi ibu balita"),
	},
	"Dokter": {
		layanan("Terselenggaranya pelayanan medis dasar di {unit}",
			iki(kn("Jumlah pasien yang dilayani", "2400", "pasien"), kl("Persentase rekam medis yang lengkap", "100", "%")),
			"Memeriksa pasien di poli umum", "Melakukan tindakan medis sederhana", "Membuat rujukan pasien"),
		hasil("Terlaksananya upaya kesehatan masyarakat di wilayah kerja {unit}",
			iki(kn("Jumlah kegiatan luar gedung", "24", "kegiatan")),
			"Melaksanakan posbindu PTM", "Mengunjungi rumah pasien TBC"),
	},
	"Dokter Gigi": {
		layanan("Terselenggaranya pelayanan kesehatan gigi dan mulut di {unit}",
			iki(kn("Jumlah pasien poli gigi yang dilayani", "1200", "pasien")),
			"Memeriksa dan merawat gigi pasien", "Melakukan pencabutan gigi"),
		hasil("Terlaksananya usaha kesehatan gigi sekolah",
			iki(kn("Jumlah sekolah yang dibina UKGS", "8", "sekolah")),
			"Memeriksa gigi peserta didik di sekolah"),
	},
	"Perawat": {
		layanan("Terselenggaranya asuhan keperawatan di {unit}",
			iki(kn("Jumlah pasien yang diberikan asuhan keperawatan", "1800", "pasien"),
				kl("Persentase dokumentasi asuhan keperawatan yang lengkap", "100", "%")),
			"Melakukan pengkajian keperawatan pasien", "Merawat luka pasien", "Memberikan edukasi kepada pasien dan keluarga"),
		hasil("Terlaksananya perawatan kesehatan masyarakat",
			iki(kn("Jumlah kunjungan rumah", "48", "kunjungan")),
			"Mengunjungi rumah keluarga rawan"),
	},
	"Bidan": {
		layanan("Terselenggaranya pelayanan kesehatan ibu dan anak di {unit}",
			iki(kn("Jumlah ibu hamil yang diperiksa", "600", "orang"), kl("Persentase persalinan yang ditolong tenaga kesehatan", "100", "%")),
			"Memeriksa kehamilan", "Memberikan pelayanan KB", "Melaksanakan kelas ibu hamil"),
		hasil("Terlaksananya imunisasi bayi di wilayah kerja",
			iki(kl("Cakupan imunisasi dasar lengkap", "95", "%")),
			"Memberikan imunisasi di posyandu"),
	},
	"Apoteker": {
		layanan("Terselenggaranya pelayanan kefarmasian di {unit}",
			iki(kn("Jumlah resep yang dilayani", "6000", "resep"), rendah(wk("Rata-rata waktu tunggu pelayanan resep", "15", "menit"))),
			"Melayani resep pasien", "Memberikan konseling obat"),
		tata("Terkelolanya persediaan obat dan BMHP",
			iki(kl("Persentase ketersediaan obat esensial", "95", "%")),
			"Melakukan stock opname obat", "Menyusun laporan LPLPO"),
	},
	"Pranata Laboratorium Kesehatan": {
		layanan("Terselenggaranya pemeriksaan laboratorium di {unit}",
			iki(kn("Jumlah pemeriksaan laboratorium", "2400", "pemeriksaan"),
				kl("Persentase hasil yang lolos pemantapan mutu internal", "100", "%")),
			"Melakukan pemeriksaan hematologi", "Memeriksa sputum TBC", "Mengkalibrasi alat laboratorium"),
		tata("Terkelolanya reagen dan bahan habis pakai laboratorium",
			iki(kl("Persentase ketersediaan reagen pemeriksaan esensial", "95", "%")),
			"Mencatat pemakaian reagen", "Menyusun laporan bulanan laboratorium"),
	},
	"Petugas Kebersihan": {
		layanan("Terlaksananya pengangkutan dan pembersihan sampah di wilayah tugas",
			iki(kn("Jumlah ritase pengangkutan per hari", "3", "rit"), kl("Persentase TPS yang bersih setelah pengangkutan", "95", "%")),
			"Mengangkut sampah dari TPS", "Membersihkan area TPS", "Menyapu jalan protokol"),
		hasil("Terpilahnya sampah organik dan anorganik",
			iki(kn("Volume sampah yang dipilah per hari", "2", "ton")),
			"Memilah sampah di TPST", "Mengoperasikan mesin pencacah sampah organik"),
	},
	"Pengemudi": {
		layanan("Terlaksananya pengangkutan sampah sesuai rute dan jadwal",
			iki(kn("Jumlah ritase per hari", "3", "rit"), rendah(wk("Jumlah keterlambatan jadwal pengangkutan", "2", "hari keterlambatan"))),
			"Mengemudikan truk sampah sesuai rute", "Memeriksa kendaraan sebelum berangkat", "Mengisi log book perjalanan"),
		tata("Terpeliharanya kendaraan operasional",
			iki(kl("Persentase hari kendaraan siap operasi", "95", "%")),
			"Membersihkan dan merawat kendaraan"),
	},
	"Petugas Pertamanan": {
		layanan("Terpeliharanya taman kota di wilayah tugas",
			iki(kn("Luas taman yang dipelihara", "3", "hektare"), kl("Persentase taman dalam kondisi bersih dan tertata", "95", "%")),
			"Memangkas tanaman hias", "Menyiram dan memupuk tanaman", "Membersihkan area taman"),
		hasil("Tertanamnya bibit penghijauan di jalur hijau",
			iki(kn("Jumlah bibit yang ditanam", "400", "bibit")),
			"Menanam bibit pohon di jalur hijau"),
	},
	"Operator Alat Berat": {
		layanan("Terlaksananya pengoperasian alat berat di TPST",
			iki(kn("Jam operasi alat berat per bulan", "160", "jam")),
			"Mengoperasikan ekskavator untuk perataan sampah", "Mengoperasikan wheel loader"),
		tata("Terpeliharanya alat berat",
			iki(kl("Persentase hari alat berat siap operasi", "90", "%")),
			"Merawat alat berat", "Mencatat pemakaian BBM alat berat"),
	},
	"Petugas Perhubungan Darat": {
		layanan("Terlaksananya pengaturan lalu lintas di titik rawan kemacetan",
			iki(kn("Jumlah titik yang dijaga", "4", "titik"), kl("Persentase jadwal piket yang dilaksanakan", "100", "%")),
			"Mengatur lalu lintas di simpang pada jam sibuk", "Mengatur lalu lintas saat upacara adat", "Berpatroli lalu lintas"),
		hasil("Terlaksananya survei dan pendataan lalu lintas",
			iki(kn("Jumlah survei yang dilaksanakan", "6", "survei")),
			"Menghitung volume lalu lintas", "Mendata rambu yang rusak"),
		tata("Tertibnya parkir di badan jalan",
			iki(kn("Jumlah penertiban parkir", "24", "kegiatan")),
			"Menertibkan parkir liar"),
	},
	"Pengelola Angkutan": {
		layanan("Terlaksananya pengawasan angkutan orang dalam trayek",
			iki(kn("Jumlah kendaraan angkutan yang diperiksa", "120", "kendaraan")),
			"Memeriksa dokumen kendaraan angkutan", "Menyurvei load factor Trans Metro Dewata"),
		tata("Terkelolanya data perizinan angkutan",
			iki(kl("Persentase data izin angkutan yang mutakhir", "100", "%")),
			"Memutakhirkan basis data izin trayek"),
	},
	"Penguji Kendaraan Bermotor": {
		layanan("Terlaksananya pengujian berkala kendaraan bermotor",
			iki(kn("Jumlah kendaraan yang diuji", "500", "kendaraan"), kl("Persentase hasil uji yang sesuai prosedur", "100", "%")),
			"Menguji emisi gas buang", "Menguji rem dan lampu kendaraan", "Menerbitkan kartu uji elektronik"),
		tata("Terpeliharanya peralatan uji kendaraan",
			iki(kn("Jumlah laporan pemeliharaan alat uji", "12", "laporan")),
			"Memeriksa kondisi alat uji"),
	},
}

// lapangan are the field positions, whose additional duties are field work too.
var lapangan = map[string]bool{"Petugas Kebersihan": true, "Pengemudi": true, "Petugas Pertamanan": true,
	"Operator Alat Berat": true, "Petugas Perhubungan Darat": true}

// tambahan are additional duties (RHK tambahan), which stand alone in the cascade.
var tambahan = []rhkT{
	tata("Terlaksananya tugas sebagai anggota Tim Pembangunan Zona Integritas {unit}",
		iki(kn("Jumlah rapat tim yang diikuti", "12", "kali")),
		"Mengikuti rapat tim pembangunan zona integritas", "Menyusun bukti dukung zona integritas"),
	layanan("Terlaksananya tugas sebagai pengelola media sosial {unit}",
		iki(kn("Jumlah konten yang diunggah", "48", "konten")),
		"Membuat dan mengunggah konten media sosial"),
	tata("Terlaksananya tugas sebagai anggota tim penyusun SOP {unit}",
		iki(kn("Jumlah SOP yang disusun", "4", "SOP")),
		"Menyusun draf SOP"),
	layanan("Terlaksananya tugas sebagai panitia peringatan hari besar nasional",
		iki(kn("Jumlah kegiatan yang didukung", "3", "kegiatan")),
		"Mengikuti rapat persiapan peringatan hari besar nasional"),
}

var tambahanLapangan = []rhkT{
	layanan("Terlaksananya dukungan kebersihan dan ketertiban pada upacara adat dan hari besar",
		iki(kn("Jumlah kegiatan yang didukung", "6", "kegiatan")),
		"Mendukung kebersihan dan ketertiban upacara adat"),
	layanan("Terlaksananya tugas sebagai anggota satuan tugas penanganan bencana",
		iki(kn("Jumlah kegiatan tanggap darurat yang diikuti", "2", "kegiatan")),
		"Mengikuti apel siaga bencana", "Membersihkan pohon tumbang setelah hujan lebat"),
}

// ekspektasi are the leaders' expectations per BerAKHLAK value (SE MenPANRB 20/2021).
var ekspektasi = map[string][]string{
	"BERORIENTASI_PELAYANAN": {"Memberikan layanan yang ramah, cepat dan tuntas kepada pengguna layanan.",
		"Menindaklanjuti keluhan masyarakat paling lambat satu hari kerja."},
	"AKUNTABEL": {"Melaksanakan tugas dengan jujur, tertib administrasi dan tepat waktu.",
		"Menggunakan barang milik daerah secara bertanggung jawab dan efisien."},
	"KOMPETEN": {"Mengikuti pengembangan kompetensi paling sedikit 20 jam pelajaran setahun.",
		"Berbagi pengetahuan kepada rekan kerja dalam diskusi rutin."},
	"HARMONIS": {"Menghargai setiap rekan kerja tanpa membedakan latar belakang.",
		"Membangun suasana kerja yang kondusif dan saling membantu."},
	"LOYAL": {"Menjaga nama baik instansi dan rahasia jabatan.",
		"Mendukung kebijakan pemerintah daerah dan menaati ketentuan kedinasan."},
	"ADAPTIF": {"Cepat menyesuaikan diri dengan perubahan aplikasi dan prosedur kerja.",
		"Mengusulkan perbaikan cara kerja yang lebih efisien."},
	"KOLABORATIF": {"Aktif bekerja sama lintas bidang dalam menyelesaikan pekerjaan.",
		"Terbuka berbagi data dan sumber daya untuk tujuan bersama."},
}

var istimewa = []string{
	"Seluruh rencana aksi bulan ini melampaui target yang diperjanjikan.",
	"Capaian indikator kinerja unit melampaui target dan mendapat apresiasi pimpinan.",
}

var butuhPerbaikan = []string{
	"Sebagian besar rencana aksi belum mencapai target; unit diminta menyusun rencana perbaikan.",
	"Beberapa kegiatan prioritas tertunda; percepatan dijadwalkan bulan berikutnya.",
}

var umpanBalik = map[domain.Predikat][]string{
	domain.SangatBaik: {"Hasil kerja melampaui target dan perilaku kerja menjadi teladan. Pertahankan.",
		"Kinerja sangat baik; bagikan praktik baik kepada rekan kerja."},
	domain.Baik: {"Kinerja sesuai ekspektasi. Tingkatkan ketepatan waktu pelaporan.",
		"Hasil kerja sesuai target; perbanyak inisiatif perbaikan layanan.", "Kinerja baik, pertahankan."},
	domain.ButuhPerbaikan: {"Capaian di bawah target. Susun rencana perbaikan dan laporkan kemajuannya setiap minggu.",
		"Beberapa target belum tercapai; akan dilakukan pendampingan oleh atasan langsung."},
	domain.KurangMisconduct: {"Hasil kerja cukup, tetapi kedisiplinan dan kerja sama tim perlu diperbaiki segera.",
		"Perilaku kerja di bawah ekspektasi; dijadwalkan konseling kinerja."},
	domain.SangatKurang: {"Hasil dan perilaku kerja di bawah ekspektasi. Dijadwalkan konseling dan pembinaan kinerja."},
}

var ditolak = []string{
	"Uraian kegiatan terlalu umum, mohon dilengkapi dengan output yang dihasilkan.",
	"Kegiatan tidak sesuai dengan RHK yang dipilih.",
	"Mohon lampirkan bukti dukung kegiatan.",
	"Durasi kegiatan tidak sebanding dengan output yang dilaporkan.",
}
