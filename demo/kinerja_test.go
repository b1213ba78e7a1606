package demo

import (
	"fmt"
	"math/big"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

func buildKinerja(t *testing.T) (Dataset, Kinerja) {
	t.Helper()
	id := counter()
	ds := Build(id)
	return ds, BuildKinerja(ds, today, id)
}

func TestKinerjaDeterministic(t *testing.T) {
	_, a := buildKinerja(t)
	_, b := buildKinerja(t)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two builds differ")
	}
}

// skpIndex looks SKP up by id and by pegawai.
type skpIndex struct {
	byID, byPegawai map[string]domain.SKP
	rhk             map[string]domain.RHK // by id
	iki             map[string]domain.IKI
}

func newSKPIndex(k Kinerja) skpIndex {
	x := skpIndex{byID: map[string]domain.SKP{}, byPegawai: map[string]domain.SKP{}, rhk: map[string]domain.RHK{},
		iki: map[string]domain.IKI{}}
	for _, s := range k.SKP {
		x.byID[s.ID] = s
		x.byPegawai[s.PegawaiID] = s
		for _, r := range s.RHK {
			x.rhk[r.ID] = r
			for _, i := range r.Indikator {
				x.iki[i.ID] = i
			}
		}
	}
	return x
}

func TestKinerjaSKP(t *testing.T) {
	ds, k := buildKinerja(t)
	x := newIndex(ds)
	sx := newSKPIndex(k)
	vac := x.byKey(t, vacantKey)
	h := x.holdersOn(today)
	active := 0
	for _, p := range ds.Pegawai {
		if st, ok := x.stateOn(p.ID, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); ok && st.Status == domain.StatusAktif {
			active++
		}
	}
	// Everyone active at the start of the year has a plan; the one on tugas belajar has none.
	if len(k.SKP) != active {
		t.Errorf("%d SKP for %d pegawai active on 1 January", len(k.SKP), active)
	}
	seen := map[string]int{}
	top := 0
	for i, s := range k.SKP {
		if seen[s.PegawaiID] > 0 {
			t.Errorf("%s has two SKP", s.NIP)
		}
		seen[s.PegawaiID] = i + 1
		cur, _ := x.stateOn(s.PegawaiID, s.PeriodeMulai)
		if s.JabatanID != cur.JabatanID || s.UnitKerjaID != cur.UnitKerjaID || s.Tahun != 2026 {
			t.Errorf("%s: SKP for %s in %s, holds %s", s.NIP, s.JabatanNama, s.UnitKerjaNama, cur.JabatanNama)
		}
		if s.PeriodeMulai.Year() != 2026 || s.PeriodeSelesai.Year() != 2026 || s.PeriodeSelesai.Before(s.PeriodeMulai) {
			t.Errorf("%s: period %v–%v", s.NIP, s.PeriodeMulai, s.PeriodeSelesai)
		}
		// the rater: the holder of the nearest superior position that has one
		j := x.jab[s.JabatanID]
		var rater, atasan string
		for j.AtasanJabatanID != "" {
			j = x.jab[j.AtasanJabatanID]
			if hs := h[j.ID]; len(hs) > 0 {
				if rater == "" {
					rater = hs[0].PegawaiID
				} else if atasan == "" {
					atasan = hs[0].PegawaiID
				}
			} else if j.ID != vac.ID {
				t.Errorf("%s: superior %s is vacant", s.NIP, j.Nama)
			}
		}
		if pejabatID(s.Penilai) != rater || pejabatID(s.AtasanPenilai) != atasan {
			t.Errorf("%s: penilai %s atasan %s, want %s %s", s.NIP, pejabatID(s.Penilai), pejabatID(s.AtasanPenilai), rater, atasan)
		}
		if s.Penilai == nil {
			top++
			if s.Status != domain.SKPDiajukan || s.DiajukanAt == nil || s.DisetujuiAt != nil {
				t.Errorf("%s without rater: status %s", s.NIP, s.Status)
			}
		} else if s.Status != domain.SKPDisetujui || s.DisetujuiAt == nil || s.DiajukanAt == nil ||
			!s.DiajukanAt.Before(*s.DisetujuiAt) || s.DisetujuiAt.Month() != time.January {
			t.Errorf("%s: status %s approved %v", s.NIP, s.Status, s.DisetujuiAt)
		}
		if s.Pendekatan != "KUANTITATIF" || s.Revisi != 1 {
			t.Errorf("%s: %s revisi %d", s.NIP, s.Pendekatan, s.Revisi)
		}
		// content
		utama, tambahan := 0, 0
		raterRHK := map[string]bool{}
		if s.Penilai != nil {
			r, ok := sx.byPegawai[s.Penilai.PegawaiID]
			if !ok || seen[s.Penilai.PegawaiID] == 0 {
				t.Fatalf("%s: rater's SKP missing or listed later", s.NIP)
			}
			for _, x := range r.RHK {
				raterRHK[x.ID] = true
			}
		}
		for _, r := range s.RHK {
			switch r.Jenis {
			case "UTAMA":
				utama++
				if s.Penilai != nil && !raterRHK[r.RHKAtasanID] {
					t.Errorf("%s: RHK %q is not linked to the rater's RHK", s.NIP, r.Uraian)
				}
				if s.Penilai == nil && r.RHKAtasanID != "" {
					t.Errorf("%s: top RHK linked", s.NIP)
				}
				if r.RHKAtasanID != "" && sx.rhk[r.RHKAtasanID].Uraian != r.RHKAtasanUraian {
					t.Errorf("%s: RHKAtasanUraian", s.NIP)
				}
			case "TAMBAHAN":
				tambahan++
				if r.RHKAtasanID != "" {
					t.Errorf("%s: RHK tambahan linked", s.NIP)
				}
			}
			if strings.Contains(r.Uraian, "{") || r.SKPID != s.ID || len(r.Indikator) < 1 || len(r.Indikator) > 2 {
				t.Errorf("%s: RHK %+v", s.NIP, r)
			}
			for _, i := range r.Indikator {
				if !slices.Contains([]string{"KUANTITAS", "KUALITAS", "WAKTU"}, i.Aspek) || i.Satuan == "" ||
					!slices.Contains([]string{"LEBIH_TINGGI", "LEBIH_RENDAH"}, i.Polaritas) || i.RHKID != r.ID ||
					strings.Contains(i.Uraian, "{") {
					t.Errorf("%s: IKI %+v", s.NIP, i)
				}
			}
		}
		if utama < 2 || utama > 3 || tambahan > 1 {
			t.Errorf("%s: %d RHK utama, %d tambahan", s.NIP, utama, tambahan)
		}
		if err := domain.ValidateSKPIsi(s.RHK, s.Ekspektasi, s.Penilai != nil, raterRHK); err != nil {
			t.Errorf("%s: %v", s.NIP, err)
		}
		if s.Penilai != nil && len(s.Ekspektasi) != len(domain.Berakhlak) {
			t.Errorf("%s: %d ekspektasi", s.NIP, len(s.Ekspektasi))
		}
	}
	if top != 1 {
		t.Errorf("%d SKP without a rater, want the Sekda's only", top)
	}
}

// TestKinerjaCascade checks that the cascade reaches from the Sekda down to the staff.
func TestKinerjaCascade(t *testing.T) {
	_, k := buildKinerja(t)
	sx := newSKPIndex(k)
	depth := map[string]int{} // RHK id → levels below the Sekda's RHK
	maxDepth := 0
	for _, s := range k.SKP { // raters come first
		for _, r := range s.RHK {
			if r.RHKAtasanID == "" {
				continue
			}
			d, ok := depth[r.RHKAtasanID]
			if !ok && sx.byID[sx.rhk[r.RHKAtasanID].SKPID].Penilai == nil {
				d, ok = 0, true
			}
			if !ok {
				t.Errorf("%s: RHK %q does not reach the top", s.NIP, r.Uraian)
				continue
			}
			depth[r.ID] = d + 1
			maxDepth = max(maxDepth, d+1)
		}
	}
	if maxDepth < 4 {
		t.Errorf("cascade only %d levels deep", maxDepth)
	}
}

func TestKinerjaPenilaian(t *testing.T) {
	ds, k := buildKinerja(t)
	x := newIndex(ds)
	sx := newSKPIndex(k)
	org := map[string]domain.PredikatOrganisasi{} // unit id/periode
	orgCount := map[domain.PredikatOrganisasi]int{}
	for _, o := range k.Organisasi {
		key := fmt.Sprintf("%s/%d", o.UnitKerjaID, o.Periode)
		if _, dup := org[key]; dup {
			t.Errorf("two organisation predikat for %s", key)
		}
		org[key] = o.Predikat
		orgCount[o.Predikat]++
		if o.Tahun != 2026 || o.Jenis != "PERIODIK" || o.Periode < 1 || o.Periode > 10 || o.DitetapkanOleh != "demo" {
			t.Errorf("organisation predikat %+v", o)
		}
	}
	if len(k.Organisasi) != 10*len(ds.Units) {
		t.Errorf("%d organisation predikat for %d units × 10 months", len(k.Organisasi), len(ds.Units))
	}
	if orgCount[domain.OrgIstimewa] == 0 || orgCount[domain.OrgButuhPerbaikan] == 0 ||
		orgCount[domain.OrgBaik] < len(k.Organisasi)*85/100 {
		t.Errorf("organisation predikat: %v", orgCount)
	}
	spread := map[domain.Predikat]int{}
	rated := 0
	perMonth := map[int]map[domain.StatusPenilaian]int{}
	seen := map[string]bool{}
	for _, p := range k.Penilaian {
		s := sx.byID[p.SKPID]
		key := fmt.Sprintf("%s/%d", p.SKPID, p.Periode)
		if seen[key] {
			t.Errorf("two evaluations %s", key)
		}
		seen[key] = true
		if perMonth[p.Periode] == nil {
			perMonth[p.Periode] = map[domain.StatusPenilaian]int{}
		}
		perMonth[p.Periode][p.Status]++
		if s.Penilai == nil || p.Penilai.PegawaiID != s.Penilai.PegawaiID || pejabatID(p.AtasanPenilai) != pejabatID(s.AtasanPenilai) ||
			p.PegawaiID != s.PegawaiID || p.UnitKerjaID != s.UnitKerjaID || p.Jenis != "PERIODIK" || p.Tahun != 2026 {
			t.Errorf("%s: evaluation does not match its SKP", key)
		}
		if p.TanggalMulai.Month() != time.Month(p.Periode) || p.TanggalSelesai.Month() != time.Month(p.Periode) ||
			p.TanggalMulai.Before(s.PeriodeMulai) || p.TanggalSelesai.After(s.PeriodeSelesai) {
			t.Errorf("%s: %v–%v", key, p.TanggalMulai, p.TanggalSelesai)
		}
		head := x.unit[s.UnitKerjaID].KepalaJabatanID == s.JabatanID
		if p.HasilDariUnit != head {
			t.Errorf("%s: hasil_dari_unit %v", key, p.HasilDariUnit)
		}
		if head && p.RatingHasil != "" && p.RatingHasil != domain.RatingOfOrganisasi(org[fmt.Sprintf("%s/%d", s.UnitKerjaID, p.Periode)]) {
			t.Errorf("%s: unit head rated %s", key, p.RatingHasil)
		}
		if p.Complete() {
			if p.Predikat != domain.PredikatOf(p.RatingHasil, p.RatingPerilaku) {
				t.Errorf("%s: predikat %s for %s × %s", key, p.Predikat, p.RatingHasil, p.RatingPerilaku)
			}
			spread[p.Predikat]++
			rated++
		} else if p.Predikat != "" || p.Status != domain.PenilaianDraft {
			t.Errorf("%s: %s with predikat %q but ratings incomplete", key, p.Status, p.Predikat)
		}
		switch p.Status {
		case domain.PenilaianFinal:
			if p.DifinalkanAt == nil || !p.DifinalkanAt.After(p.CreatedAt) || domain.Date(*p.DifinalkanAt, wita).Month() != time.Month(p.Periode)+1 ||
				domain.Date(*p.DifinalkanAt, wita).Day() > 15 || p.PredikatAwal != "" {
				t.Errorf("%s: finalised %v", key, p.DifinalkanAt)
			}
		case domain.PenilaianDraft:
			if p.Periode != 10 || p.DifinalkanAt != nil {
				t.Errorf("%s: DRAFT", key)
			}
		default:
			t.Errorf("%s: status %s", key, p.Status)
		}
		if !p.UpdatedAt.Before(time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: updated %v, after the load", key, p.UpdatedAt)
		}
		// realisasi: every indicator, on the side of the target the rating says
		if len(p.Realisasi) > 0 || p.Complete() {
			n := 0
			for _, r := range s.RHK {
				n += len(r.Indikator)
			}
			if len(p.Realisasi) != n {
				t.Errorf("%s: %d realisasi for %d indicators", key, len(p.Realisasi), n)
			}
		}
		for _, r := range p.Realisasi {
			i, ok := sx.iki[r.IKIID]
			if !ok {
				t.Fatalf("%s: realisasi of unknown IKI", key)
			}
			c, err := domain.Capaian(r.Realisasi, i.Target, i.Polaritas, 200)
			if err != nil {
				t.Fatalf("%s: %v", key, err)
			}
			cmp := c.Cmp(big.NewRat(100, 1))
			if p.RatingHasil == domain.DiAtasEkspektasi && cmp < 0 && !(i.Target == "100" && i.Satuan == "%") ||
				p.RatingHasil == domain.DiAtasEkspektasi && cmp <= 0 && i.Target != "100" ||
				p.RatingHasil == domain.SesuaiEkspektasi && cmp < 0 || p.RatingHasil == domain.DiBawahEkspektasi && cmp >= 0 {
				t.Errorf("%s: %s realisasi %s of %s %s (%s) gives capaian %s", key, p.RatingHasil, r.Realisasi, i.Target,
					i.Satuan, i.Polaritas, c.FloatString(1))
			}
		}
	}
	for m := 1; m <= 10; m++ {
		c := perMonth[m]
		total := c[domain.PenilaianFinal] + c[domain.PenilaianDraft]
		if total < 190 {
			t.Errorf("month %d: %d evaluations", m, total)
		}
		if m < 10 && c[domain.PenilaianDraft] > 0 {
			t.Errorf("month %d: %d DRAFT", m, c[domain.PenilaianDraft])
		}
		if m == 10 && (3*c[domain.PenilaianDraft] < total*3/4 || 3*c[domain.PenilaianDraft] > total*5/4) {
			t.Errorf("October: %d of %d DRAFT, want about a third", c[domain.PenilaianDraft], total)
		}
	}
	if len(perMonth) != 10 {
		t.Errorf("evaluations for %d months", len(perMonth))
	}
	// The spread a real BKPSDM would see.
	want := map[domain.Predikat][2]int{ // percent range
		domain.SangatBaik:       {10, 15},
		domain.Baik:             {60, 70},
		domain.ButuhPerbaikan:   {10, 15},
		domain.KurangMisconduct: {3, 5},
		domain.SangatKurang:     {1, 2},
	}
	for _, pr := range domain.AllPredikat {
		pct := float64(100*spread[pr]) / float64(rated)
		w := want[pr]
		if pct < float64(w[0]) || pct > float64(w[1]) {
			t.Errorf("%s: %.1f%%, want %d–%d%%", pr, pct, w[0], w[1])
		}
		t.Logf("%-18s %4d %5.1f%%", pr, spread[pr], pct)
	}
}

// TestKinerjaStable checks that a person's predikat is stable over months with some drift.
func TestKinerjaStable(t *testing.T) {
	_, k := buildKinerja(t)
	byPeg := map[string][]domain.Predikat{}
	for _, p := range k.Penilaian {
		if p.Complete() {
			byPeg[p.PegawaiID] = append(byPeg[p.PegawaiID], p.Predikat)
		}
	}
	same, changed, always := 0, 0, 0
	for _, ps := range byPeg {
		for i := 1; i < len(ps); i++ {
			if ps[i] == ps[i-1] {
				same++
			} else {
				changed++
			}
		}
		if !slices.ContainsFunc(ps, func(p domain.Predikat) bool { return p != ps[0] }) {
			always++
		}
	}
	t.Logf("month to month: %d same, %d changed; %d of %d pegawai always the same", same, changed, always, len(byPeg))
	if changed == 0 || same < 2*changed {
		t.Errorf("month to month: %d same, %d changed", same, changed)
	}
}

// TestKinerjaDistribution checks the curve of SE MenPANRB 3/2023 the way the API does
// (each unit with its sub-units, against its own organisation predikat): it holds for
// every unit big enough for it, in every month.
func TestKinerjaDistribution(t *testing.T) {
	ds, k := buildKinerja(t)
	org := map[string]domain.PredikatOrganisasi{}
	for _, o := range k.Organisasi {
		org[fmt.Sprintf("%s/%d", o.UnitKerjaID, o.Periode)] = o.Predikat
	}
	unitPath := map[string]string{}
	for _, u := range ds.Units {
		unitPath[u.ID] = u.Path
	}
	failed := map[string]int{}
	checks, bad := 0, 0
	for m := 1; m <= 10; m++ {
		for _, u := range ds.Units {
			counts := map[domain.Predikat]int{}
			n := 0
			for _, p := range k.Penilaian {
				if p.Periode == m && p.Predikat != "" && strings.HasPrefix(unitPath[p.UnitKerjaID], u.Path) {
					counts[p.Predikat]++
					n++
				}
			}
			if n == 0 {
				continue
			}
			vs, err := domain.CheckDistribution(org[fmt.Sprintf("%s/%d", u.ID, m)], counts, domain.QuotaRounding{})
			if err != nil {
				t.Fatal(err)
			}
			checks++
			if len(vs) > 0 {
				bad++
				failed[u.Kode]++
				if n >= minCurve && u.Level == 0 {
					t.Errorf("%s month %d (%d evaluations, %s): %v", u.Kode, m, n, org[fmt.Sprintf("%s/%d", u.ID, m)], vs[0].Text.EN)
				}
			}
		}
	}
	var ks []string
	for kode, n := range failed {
		ks = append(ks, fmt.Sprintf("%s×%d", kode, n))
	}
	sort.Strings(ks)
	t.Logf("%d of %d unit-months break the curve: %s", bad, checks, strings.Join(ks, " "))
	if bad*10 > checks {
		t.Errorf("%d of %d unit-months break the curve", bad, checks)
	}
}

func TestKinerjaKegiatan(t *testing.T) {
	_, k := buildKinerja(t)
	sx := newSKPIndex(k)
	if len(k.Kegiatan) < 10000 || len(k.Kegiatan) > 25000 {
		t.Errorf("%d activities", len(k.Kegiatan))
	}
	status := map[string]int{}
	recent := map[string]int{}
	perDay := map[string]int{}
	week := today.AddDate(0, 0, -7)
	for _, g := range k.Kegiatan {
		s := sx.byID[g.SKPID]
		r, ok := sx.rhk[g.RHKID]
		if !ok || r.SKPID != s.ID || g.PegawaiID != s.PegawaiID || s.Status != domain.SKPDisetujui {
			t.Fatalf("activity %s not against its own approved SKP", g.ID)
		}
		if !g.Tanggal.Before(today) || g.Tanggal.Before(time.Date(2026, 9, 23, 0, 0, 0, 0, time.UTC)) ||
			g.Tanggal.Before(s.PeriodeMulai) || g.Tanggal.After(s.PeriodeSelesai) || !workday(g.Tanggal) {
			t.Errorf("activity on %v", g.Tanggal)
		}
		m, err := domain.KegiatanMenit(g.JamMulai, g.JamSelesai, g.Menit)
		if err != nil || m != g.Menit || g.Menit < 30 || g.Menit > 240 || g.JamMulai < "07:30" || g.JamSelesai > "16:00" {
			t.Errorf("activity %s–%s %d minutes: %v", g.JamMulai, g.JamSelesai, g.Menit, err)
		}
		if g.Uraian == "" || g.Bukti == nil {
			t.Errorf("activity %+v", g)
		}
		status[g.Status]++
		if !g.Tanggal.Before(week) {
			recent[g.Status]++
		}
		perDay[g.PegawaiID+g.Tanggal.String()]++
		switch g.Status {
		case domain.KegiatanDiajukan:
			if g.DinilaiOleh != nil || g.DinilaiAt != nil || g.Catatan != "" {
				t.Errorf("submitted activity was verified")
			}
		case domain.KegiatanDiterima, domain.KegiatanDitolak:
			if g.DinilaiOleh == nil || g.DinilaiOleh.PegawaiID != s.Penilai.PegawaiID || g.DinilaiAt == nil ||
				!g.DinilaiAt.After(g.CreatedAt) || (g.Status == domain.KegiatanDitolak) != (g.Catatan != "") {
				t.Errorf("verified activity %+v", g)
			}
		}
	}
	for key, n := range perDay {
		if n > 3 {
			t.Errorf("%s: %d activities", key, n)
		}
	}
	t.Logf("%d activities: %v; latest week %v", len(k.Kegiatan), status, recent)
	if status[domain.KegiatanDiterima] < len(k.Kegiatan)*8/10 || status[domain.KegiatanDitolak] == 0 ||
		status[domain.KegiatanDitolak] > len(k.Kegiatan)/20 || recent[domain.KegiatanDiajukan] < recent[domain.KegiatanDiterima] {
		t.Errorf("statuses %v, latest week %v", status, recent)
	}
	for s, n := range status {
		if s != domain.KegiatanDiajukan && recent[s] == n {
			t.Errorf("all %s in the latest week", s)
		}
	}
}

func pejabatID(p *domain.Pejabat) string {
	if p == nil {
		return ""
	}
	return p.PegawaiID
}

// TestKinerjaOtherDays loads the demo on other days than the reference one: the year
// starts empty and fills up month by month.
func TestKinerjaOtherDays(t *testing.T) {
	id := counter()
	ds := Build(id)
	for _, d := range []time.Time{
		time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2027, 6, 15, 0, 0, 0, 0, time.UTC),
	} {
		k := BuildKinerja(ds, d, id)
		months := map[int]bool{}
		for _, p := range k.Penilaian {
			months[p.Periode] = true
			if p.Tahun != d.Year() || p.Periode >= int(d.Month()) || p.Complete() && p.Predikat != domain.PredikatOf(p.RatingHasil, p.RatingPerilaku) {
				t.Errorf("%v: evaluation %d/%d %s", d, p.Periode, p.Tahun, p.Predikat)
			}
			if p.DifinalkanAt != nil && !domain.Date(*p.DifinalkanAt, wita).Before(d) {
				t.Errorf("%v: finalised %v", d, p.DifinalkanAt)
			}
		}
		if len(months) != int(d.Month())-1 {
			t.Errorf("%v: evaluations for %d months", d, len(months))
		}
		for _, g := range k.Kegiatan {
			if !g.Tanggal.Before(d) || g.Tanggal.Year() != d.Year() || g.DinilaiAt != nil && !domain.Date(*g.DinilaiAt, wita).Before(d) {
				t.Errorf("%v: activity of %v verified %v", d, g.Tanggal, g.DinilaiAt)
			}
		}
		for _, s := range k.SKP {
			if s.Tahun != d.Year() || s.DisetujuiAt != nil && !domain.Date(*s.DisetujuiAt, wita).Before(d) {
				t.Errorf("%v: SKP %d approved %v", d, s.Tahun, s.DisetujuiAt)
			}
		}
		t.Logf("%s: %d SKP, %d evaluations, %d activities", d.Format(time.DateOnly), len(k.SKP), len(k.Penilaian), len(k.Kegiatan))
	}
}
