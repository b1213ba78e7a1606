package service

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// RekapStore is the storage the attendance summary needs.
type RekapStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	GetUnitKerja(ctx context.Context, instansiID, id string) (domain.UnitKerja, error)
	UnitKerjaSubtree(ctx context.Context, instansiID, prefix string) ([]domain.UnitKerja, error)
	PegawaiViewByNIP(ctx context.Context, instansiID, nip string, asOf time.Time) (domain.PegawaiView, error)
	PegawaiViewByID(ctx context.Context, instansiID, pegawaiID string, asOf time.Time) (domain.PegawaiView, error)
	ListPegawaiView(ctx context.Context, f domain.PegawaiFilter) ([]domain.PegawaiView, int64, error)
	HariLiburRange(ctx context.Context, instansiID string, from, to time.Time) ([]domain.HariLibur, error)
	RosterRange(ctx context.Context, instansiID string, from, to time.Time, pegawaiIDs ...string) ([]domain.RosterShift, error)
	KehadiranRange(ctx context.Context, instansiID string, from, to time.Time, pegawaiIDs ...string) (map[string][]domain.Rekaman, error)
	IzinDisetujuiRange(ctx context.Context, instansiID string, from, to time.Time, pegawaiIDs ...string) (map[string][]domain.DokumenIzin, error)
	FleksibelRange(ctx context.Context, instansiID string, from, to time.Time, pegawaiIDs ...string) (map[string][]domain.Fleksibel, error)
	HukumanTahun(ctx context.Context, instansiID string, tahun int) ([]domain.HukumanDisiplin, error)
}

// JadwalResolver gives the schedule in force for each pegawai on a date. *Jadwal provides it.
type JadwalResolver interface {
	UntukBulan(ctx context.Context, instansiID string, pegawai []domain.PegawaiView, first, last time.Time) (map[string][]JadwalRentang, error)
}

// Rekap computes monthly attendance summaries and the yearly PP 94/2021 check.
//
// Access: a pegawai their own; a rater their direct subordinates; ADMIN_UNIT its
// subtree; ADMIN_INSTANSI, KEUANGAN (which pays on it) and AUDITOR the whole instansi.
type Rekap struct {
	Base
	Store  RekapStore
	Jadwal JadwalResolver
	Org    ReportingChain
}

// RekapView is one pegawai's month: the summary and, on request, the days.
type RekapView struct {
	Pegawai domain.PegawaiView
	domain.Rekap
	Hari []domain.FaktaHari
}

// RekapQuery selects the summaries to compute.
type RekapQuery struct {
	Tahun       int
	Bulan       time.Month
	NIP         string
	UnitKerjaID string
	Rinci       bool
}

// UsulanHukuman is a sanction the yearly absence check proposes for one pegawai.
type UsulanHukuman struct {
	Pegawai             domain.PegawaiView
	Tahun               int
	HariTanpaKeterangan int
	BeruntunTerpanjang  int
	Jenis               domain.JenisHukuman
}

// reach lists the pegawai (as of asOf) whose attendance the caller may read, limited
// by nip or unit; the second result tells whether the list is paged by the store.
func (s *Rekap) reach(ctx context.Context, a domain.Actor, inst string, asOf time.Time, nip, unitID string, pg Page) ([]domain.PegawaiView, int64, error) {
	if nip != "" {
		v, err := s.Store.PegawaiViewByNIP(ctx, inst, nip, asOf)
		if err != nil {
			return nil, 0, err
		}
		ok, err := s.canRead(ctx, a, inst, v, asOf)
		if err != nil {
			return nil, 0, err
		}
		if !ok {
			return nil, 0, domain.NotFound("Pegawai")
		}
		return []domain.PegawaiView{v}, 1, nil
	}
	f := domain.PegawaiFilter{InstansiID: inst, AsOf: asOf, UnitKerjaID: unitID, Offset: pg.Offset(), Limit: pg.Size}
	switch {
	case kinReadsAll(a) || a.Has(domain.RoleKeuangan):
	case a.Has(domain.RoleAdminUnit) && a.UnitPath != "":
		f.ScopePath = a.UnitPath
	case a.PegawaiID != "":
		// a pegawai: themself and the people they rate
		mine, err := s.Org.Subordinates(ctx, inst, a.PegawaiID, asOf)
		if err != nil {
			return nil, 0, err
		}
		ids := []string{a.PegawaiID}
		for _, b := range mine {
			ids = append(ids, b.PegawaiID)
		}
		var out []domain.PegawaiView
		for _, id := range ids {
			v, err := s.Store.PegawaiViewByID(ctx, inst, id, asOf)
			if err != nil {
				if isNotFound(err) {
					continue
				}
				return nil, 0, err
			}
			if unitID == "" || v.UnitKerjaID == unitID {
				out = append(out, v)
			}
		}
		total := int64(len(out))
		lo := min(pg.Offset(), len(out))
		hi := min(lo+pg.Size, len(out))
		return out[lo:hi], total, nil
	default:
		return nil, 0, domain.ErrForbidden
	}
	return s.Store.ListPegawaiView(ctx, f)
}

func (s *Rekap) canRead(ctx context.Context, a domain.Actor, inst string, v domain.PegawaiView, d time.Time) (bool, error) {
	if kinReadsAll(a) || a.Has(domain.RoleKeuangan) || (a.Has(domain.RoleAdminUnit) && a.CoversUnit(v.UnitPath)) {
		return true, nil
	}
	if a.PegawaiID == "" {
		return false, nil
	}
	if a.PegawaiID == v.Pegawai.ID {
		return true, nil
	}
	chain, err := s.Org.Chain(ctx, inst, v.Pegawai.ID, d)
	if err != nil {
		return false, err
	}
	return len(chain) > 0 && chain[0].PegawaiID == a.PegawaiID, nil
}

// facts loads everything a month of classification needs for the pegawai, with a
// constant number of queries.
type rekapFacts struct {
	loc     map[string]*time.Location // by unit id; instansi zone when the unit has none
	jadwal  map[string][]JadwalRentang
	libur   []domain.HariLibur
	roster  map[string][]domain.RosterShift
	rekaman map[string][]domain.Rekaman
	izin    map[string][]domain.DokumenIzin
	fleks   map[string][]domain.Fleksibel
}

// rekamanRange is the window of clock records a month's classification reads: from the
// day before (night shifts) to the day after, in UTC: the widest zone is 9 hours off.
func rekamanRange(first, last time.Time) (time.Time, time.Time) {
	return first.Add(-24 * time.Hour), last.Add(48 * time.Hour)
}

// load reads what the month's classification of ps needs; rekaman, when not nil, are
// the month's clock records already read (a payroll run reads them once for all its
// chunks).
func (s *Rekap) load(ctx context.Context, inst string, ps []domain.PegawaiView, first, last time.Time, rekaman map[string][]domain.Rekaman) (rekapFacts, error) {
	var f rekapFacts
	i, err := s.Store.GetInstansi(ctx, inst)
	if err != nil {
		return f, err
	}
	base, err := domain.Zona(i.ZonaWaktu)
	if err != nil {
		return f, fmt.Errorf("zona waktu %s: %w", i.ZonaWaktu, err)
	}
	units, err := s.Store.UnitKerjaSubtree(ctx, inst, "/")
	if err != nil {
		return f, err
	}
	f.loc = map[string]*time.Location{}
	for _, u := range units {
		f.loc[u.ID] = base
		if u.ZonaWaktu != "" {
			if l, err := domain.Zona(u.ZonaWaktu); err == nil {
				f.loc[u.ID] = l
			}
		}
	}
	if f.jadwal, err = s.Jadwal.UntukBulan(ctx, inst, ps, first, last); err != nil {
		return f, err
	}
	// holidays around the month decide the special days next to a cuti bersama block
	if f.libur, err = s.Store.HariLiburRange(ctx, inst, first.AddDate(0, 0, -14), last.AddDate(0, 0, 14)); err != nil {
		return f, err
	}
	ids := sedikit(ps)
	roster, err := s.Store.RosterRange(ctx, inst, first.AddDate(0, 0, -1), last.AddDate(0, 0, 1), ids...)
	if err != nil {
		return f, err
	}
	f.roster = map[string][]domain.RosterShift{}
	for _, r := range roster {
		f.roster[r.PegawaiID] = append(f.roster[r.PegawaiID], r)
	}
	f.rekaman = rekaman
	if f.rekaman == nil {
		from, to := rekamanRange(first, last)
		if f.rekaman, err = s.Store.KehadiranRange(ctx, inst, from, to, ids...); err != nil {
			return f, err
		}
	}
	if f.izin, err = s.Store.IzinDisetujuiRange(ctx, inst, first, last, ids...); err != nil {
		return f, err
	}
	f.fleks, err = s.Store.FleksibelRange(ctx, inst, first, last, ids...)
	return f, err
}

// classify classifies one pegawai's month, ignoring days after upTo (not yet happened).
func (f rekapFacts) classify(v domain.PegawaiView, tahun int, bulan time.Month, upTo time.Time) []domain.FaktaHari {
	segs := f.jadwal[v.Pegawai.ID]
	if len(segs) == 0 {
		segs = []JadwalRentang{{JadwalPegawai: JadwalPegawai{Jadwal: domain.JadwalDefault()}}}
	}
	in := domain.KlasifikasiInput{Tahun: tahun, Bulan: bulan, Lokasi: f.loc[v.UnitKerjaID],
		PegawaiID: v.Pegawai.ID, Roster: f.roster[v.Pegawai.ID], Libur: f.libur,
		Rekaman: f.rekaman[v.Pegawai.ID], Izin: f.izin[v.Pegawai.ID], Fleksibel: f.fleks[v.Pegawai.ID], TMT: v.TMT, Akhir: upTo}
	in.Jadwal, in.Penyesuaian = segs[0].Jadwal, segs[0].Penyesuaian
	hari := domain.KlasifikasiBulan(in)
	// a schedule that changes within the month: each day as the schedule of that day classifies it
	for i, seg := range segs[1:] {
		in.Jadwal, in.Penyesuaian = seg.Jadwal, seg.Penyesuaian
		lain := domain.KlasifikasiBulan(in)
		var sampai time.Time
		if i+2 < len(segs) {
			sampai = segs[i+2].Mulai
		}
		for d := range hari {
			if !hari[d].Tanggal.Before(seg.Mulai) && (sampai.IsZero() || hari[d].Tanggal.Before(sampai)) {
				hari[d] = lain[d]
			}
		}
	}
	return hari
}

func monthRange(tahun int, bulan time.Month) (time.Time, time.Time) {
	first := time.Date(tahun, bulan, 1, 0, 0, 0, 0, time.UTC)
	return first, first.AddDate(0, 1, -1)
}

// Bulanan computes the monthly summaries within the caller's reach. Days after today
// are not counted (a month in progress shows what happened so far).
func (s *Rekap) Bulanan(ctx context.Context, q RekapQuery, pg Page) ([]RekapView, int64, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return nil, 0, err
	}
	first, last := monthRange(q.Tahun, q.Bulan)
	if first.After(today) {
		return nil, 0, domain.Invalid("bulan", "bulan_mendatang", "Bulan tersebut belum berjalan.", "That month has not started yet.")
	}
	if q.UnitKerjaID != "" {
		u, err := s.Store.GetUnitKerja(ctx, inst, q.UnitKerjaID)
		if err != nil {
			return nil, 0, err
		}
		if a.Has(domain.RoleAdminUnit) && !kinReadsAll(a) && !a.CoversUnit(u.Path) {
			return nil, 0, domain.NotFound("Unit kerja")
		}
	}
	asOf := last
	if today.Before(asOf) {
		asOf = today
	}
	ps, total, err := s.reach(ctx, a, inst, asOf, q.NIP, q.UnitKerjaID, pg)
	if err != nil {
		return nil, 0, err
	}
	f, err := s.load(ctx, inst, ps, first, last, nil)
	if err != nil {
		return nil, 0, err
	}
	aturan := domain.DefaultAturanDisiplin()
	out := make([]RekapView, len(ps))
	// the classification is pure and independent per pegawai: spread it over the cores
	parallel(len(ps), func(i int) {
		v := ps[i]
		hari := f.classify(v, q.Tahun, q.Bulan, today)
		out[i] = RekapView{Pegawai: v, Rekap: domain.RekapBulan(hari, aturan)}
		if q.Rinci {
			out[i].Hari = hari
		}
	})
	return out, total, nil
}

// sedikit returns the ids of up to a payroll chunk of pegawai, so that only their
// month is read; for more (a large instansi at once) it returns nil and the whole
// instansi's month is read in one pass, cheaper than a very long IN list.
func sedikit(ps []domain.PegawaiView) []string {
	if len(ps) > 5000 {
		return nil
	}
	ids := make([]string, len(ps))
	for i, v := range ps {
		ids[i] = v.Pegawai.ID
	}
	return ids
}

// parallel calls fn(i) for i in [0, n) on as many goroutines as there are cores,
// each taking a contiguous share, and waits for all.
func parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n/256, 1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				fn(i)
			}
		})
	}
	wg.Wait()
}

// Usulan runs the yearly check of cumulative unexcused absence (PP 94/2021 Ps. 11)
// over the year up to yesterday and proposes a sanction for each pegawai who reached a
// band and has none recorded from that year's check yet. Admins only.
func (s *Rekap) Usulan(ctx context.Context, tahun int, unitID string) ([]UsulanHukuman, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, err
	}
	if !kinReadsAll(a) && !a.Has(domain.RoleAdminUnit) {
		return nil, domain.Forbidden("Usulan hukuman disiplin hanya untuk admin dan auditor.",
			"Sanction proposals are for administrators and auditors only.")
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return nil, err
	}
	upTo := today.AddDate(0, 0, -1)
	first, _ := monthRange(tahun, time.January)
	if first.After(upTo) {
		return []UsulanHukuman{}, nil
	}
	lastMonth := time.December
	if upTo.Year() == tahun {
		lastMonth = upTo.Month()
	}
	end := time.Date(tahun, 12, 31, 0, 0, 0, 0, time.UTC)
	if upTo.Before(end) {
		end = upTo
	}
	ps, _, err := s.reach(ctx, a, inst, end, "", unitID, Page{Page: 1})
	if err != nil {
		return nil, err
	}
	done, err := s.Store.HukumanTahun(ctx, inst, tahun)
	if err != nil {
		return nil, err
	}
	confirmed := map[string]bool{}
	for _, h := range done {
		confirmed[h.PegawaiID] = true
	}
	hari := make(map[string][]domain.FaktaHari, len(ps))
	for m := time.January; m <= lastMonth; m++ {
		f0, f1 := monthRange(tahun, m)
		f, err := s.load(ctx, inst, ps, f0, f1, nil)
		if err != nil {
			return nil, err
		}
		for _, v := range ps {
			hari[v.Pegawai.ID] = append(hari[v.Pegawai.ID], f.classify(v, tahun, m, upTo)...)
		}
	}
	aturan := domain.DefaultAturanDisiplin()
	out := []UsulanHukuman{}
	for _, v := range ps {
		if confirmed[v.Pegawai.ID] {
			continue
		}
		r := domain.RekapBulan(hari[v.Pegawai.ID], aturan)
		if j, ok := domain.UsulanHukumanKehadiran(r.TK, r.TKBeruntunTerpanjang); ok {
			out = append(out, UsulanHukuman{Pegawai: v, Tahun: tahun, HariTanpaKeterangan: r.TK, BeruntunTerpanjang: r.TKBeruntunTerpanjang, Jenis: j})
		}
	}
	slices.SortFunc(out, func(x, y UsulanHukuman) int { return y.HariTanpaKeterangan - x.HariTanpaKeterangan })
	return out, nil
}
