package service

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// tppFaktaStore is the storage that gathers a month of TPP facts.
type tppFaktaStore interface {
	GetPeriodeKinerja(ctx context.Context, instansiID string, tahun int) (domain.PeriodeKinerja, error)
	KinerjaPeriode(ctx context.Context, instansiID string, tahun int, jenis string, periode int, pegawaiIDs ...string) (map[string]domain.KinerjaFakta, error)
	MenitKegiatanDiterima(ctx context.Context, instansiID string, from, to time.Time, pegawaiIDs ...string) (map[string]int64, error)
	HukumanSejak(ctx context.Context, instansiID string, from, to time.Time, pegawaiIDs ...string) (map[string][]domain.HukumanFakta, error)
	KelasPltRange(ctx context.Context, instansiID string, from, to time.Time, pegawaiIDs ...string) (map[string]int, error)
	MasukanTPPBulan(ctx context.Context, instansiID string, tahun int, bulan time.Month, pegawaiIDs ...string) (map[string]domain.MasukanTPP, error)
	TerbayarBulan(ctx context.Context, instansiID string, tahun int, bulan time.Month, pegawaiIDs ...string) (map[string]domain.Terbayar, error)
	PaguTPP(ctx context.Context, instansiID string, tahun int) (domain.PaguTPP, error)
}

// faktaPegawai is one pegawai's month ready for the engine, with what the review
// needs besides.
type faktaPegawai struct {
	v        domain.PegawaiView
	f        domain.FaktaTPP
	anomali  []domain.KodeAnomali // found before computing (evaluation, attendance, account)
	sebelum  *int64               // the net approved runs paid for the month before, when any
	terbayar domain.Terbayar      // what approved runs already paid for this month
	paguUnit string               // the budget unit the cost counts against
}

// bulanTPP is everything gathered for a month, shared by the pegawai of a scope.
type bulanTPP struct {
	tahun    int
	bulan    time.Month
	upTo     time.Time
	rekap    rekapFacts
	kinerja  map[string]domain.KinerjaFakta
	lalu     map[string]domain.KinerjaFakta
	menit    map[string]int64
	hukuman  map[string][]domain.HukumanFakta
	plt      map[string]int
	masukan  map[string]domain.MasukanTPP
	terbayar map[string]domain.Terbayar
	sebelum  map[string]domain.Terbayar
	pagu     domain.PaguTPP
}

// muatBulan loads the month's facts for the pegawai with a constant number of
// queries. Days after upTo have not happened and are not counted.
func (s *TPP) muatBulan(ctx context.Context, inst string, ps []domain.PegawaiView, tahun int, bulan time.Month, upTo time.Time,
	rekaman map[string][]domain.Rekaman) (*bulanTPP, error) {
	first, last := monthRange(tahun, bulan)
	m := &bulanTPP{tahun: tahun, bulan: bulan, upTo: upTo}
	var err error
	if m.rekap, err = s.Rekap.load(ctx, inst, ps, first, last, rekaman); err != nil {
		return nil, err
	}
	ids := sedikit(ps)
	pk, err := s.Store.GetPeriodeKinerja(ctx, inst, tahun)
	if err != nil {
		return nil, err
	}
	periode := int(bulan)
	if pk.Frekuensi == "TRIWULAN" {
		periode = (int(bulan)-1)/3 + 1
	}
	if m.kinerja, err = s.Store.KinerjaPeriode(ctx, inst, tahun, "PERIODIK", periode, ids...); err != nil {
		return nil, err
	}
	if m.lalu, err = s.Store.KinerjaPeriode(ctx, inst, tahun-1, "TAHUNAN", 0, ids...); err != nil {
		return nil, err
	}
	if m.menit, err = s.Store.MenitKegiatanDiterima(ctx, inst, first, last, ids...); err != nil {
		return nil, err
	}
	// the heaviest sanction runs 12 months (PP 94/2021 Ps. 8); berat ones end pay for good
	if m.hukuman, err = s.Store.HukumanSejak(ctx, inst, first.AddDate(-5, 0, 0), last, ids...); err != nil {
		return nil, err
	}
	if m.plt, err = s.Store.KelasPltRange(ctx, inst, first, last, ids...); err != nil {
		return nil, err
	}
	if m.masukan, err = s.Store.MasukanTPPBulan(ctx, inst, tahun, bulan, ids...); err != nil {
		return nil, err
	}
	if m.terbayar, err = s.Store.TerbayarBulan(ctx, inst, tahun, bulan, ids...); err != nil {
		return nil, err
	}
	prev := first.AddDate(0, -1, 0)
	if m.sebelum, err = s.Store.TerbayarBulan(ctx, inst, prev.Year(), prev.Month(), ids...); err != nil {
		return nil, err
	}
	if m.pagu, err = s.Store.PaguTPP(ctx, inst, tahun); err != nil {
		return nil, err
	}
	return m, nil
}

// fakta builds one pegawai's month. It is pure over what muatBulan loaded, so it
// runs in parallel.
func (m *bulanTPP) fakta(v domain.PegawaiView) faktaPegawai {
	id := v.Pegawai.ID
	f := domain.FaktaTPP{Tahun: m.tahun, Bulan: m.bulan, KelasJabatan: v.KelasJabatan, JabatanID: v.JabatanID,
		UnitID: v.UnitKerjaID, JenisASN: v.JenisASN, StatusKepegawaian: v.Status, Golongan: v.Golongan,
		Hari: m.rekap.classify(v, m.tahun, m.bulan, m.upTo), MenitDiterima: m.menit[id], Hukuman: m.hukuman[id]}
	if k, ok := m.plt[id]; ok {
		f.Plt, f.KelasJabatanPlt = true, k
	}
	out := faktaPegawai{v: v, terbayar: m.terbayar[id], paguUnit: m.paguUnitOf(v.UnitPath)}
	if k, ok := m.kinerja[id]; ok && k.Final {
		f.Predikat, f.BerAKHLAK = k.Predikat, k.BerAKHLAK()
	} else {
		out.anomali = append(out.anomali, domain.AnomaliTanpaPenilaian)
	}
	if k, ok := m.lalu[id]; ok && k.Final {
		f.PredikatTahunLalu = k.Predikat
	}
	if in, ok := m.masukan[id]; ok {
		f.TunjanganProfesi, f.PenghasilanLainBPJS, f.PotonganLain = in.TunjanganProfesi, in.PenghasilanLainBPJS, in.PotonganLain
	}
	if tanpaKehadiran(f.Hari) {
		out.anomali = append(out.anomali, domain.AnomaliTanpaKehadiran)
	}
	if v.Rekening == nil || v.Rekening.Nomor == "" {
		out.anomali = append(out.anomali, domain.AnomaliTanpaRekening)
	}
	if t, ok := m.sebelum[id]; ok {
		out.sebelum = &t.Dibayar
	}
	out.f = f
	return out
}

// tanpaKehadiran reports a month with working days in which nothing at all was
// recorded: no clock record, no document, no flexible day.
func tanpaKehadiran(hari []domain.FaktaHari) bool {
	kerja := false
	for _, h := range hari {
		if !h.Kerja {
			continue
		}
		kerja = true
		if h.Status != domain.StatusTanpaKeterangan {
			return false
		}
	}
	return kerja
}

// paguUnitOf is the nearest unit at or above path with a budget line, or "".
func (m *bulanTPP) paguUnitOf(path string) string {
	best, n := "", 0
	for _, u := range m.pagu.Unit {
		if strings.HasPrefix(path, u.UnitPath) && len(u.UnitPath) > n {
			best, n = u.UnitKerjaID, len(u.UnitPath)
		}
	}
	return best
}

// hitung computes one pegawai's line for a run of the given kind.
func (fp faktaPegawai) hitung(p domain.ProfilTPP, runID, inst string, jenis domain.JenisPerhitungan) (domain.BarisTPP, domain.HasilTPP, error) {
	v := fp.v
	h, err := domain.HitungTPP(p, fp.f)
	if err != nil {
		return domain.BarisTPP{}, h, fmt.Errorf("TPP of %s: %w", v.NIP, err)
	}
	b := domain.BarisTPP{PerhitunganID: runID, InstansiID: inst, PegawaiID: v.Pegawai.ID, NIP: v.NIP, Nama: v.NamaLengkap(),
		UnitKerjaID: v.UnitKerjaID, UnitKerjaNama: v.UnitKerjaNama, UnitPath: v.UnitPath, PaguUnitID: fp.paguUnit,
		JabatanNama: v.JabatanNama, KelasJabatan: v.KelasJabatan, Golongan: v.Golongan, JenisASN: v.JenisASN,
		StatusKepegawaian: v.Status, Predikat: fp.f.Predikat, Rekening: v.Rekening}
	for _, d := range fp.f.Hari {
		if d.Kerja {
			b.JHK++
		}
	}
	b.IsiHasil(h, jenis, fp.terbayar.Dibayar, fp.terbayar.Biaya)
	b.Anomali = append([]domain.KodeAnomali{}, fp.anomali...)
	if fp.sebelum != nil && domain.PerubahanBesar(*fp.sebelum, h.Neto) {
		b.Anomali = append(b.Anomali, domain.AnomaliPerubahanBesar)
	}
	if h.Neto == 0 {
		b.Anomali = append(b.Anomali, domain.AnomaliNol)
	}
	return b, h, nil
}
