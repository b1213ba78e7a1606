package service

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// PerhitunganInput starts a payroll run.
type PerhitunganInput struct {
	Tahun          int
	Bulan          time.Month
	UnitKerjaID    string
	Jenis          domain.JenisPerhitungan
	AsalID         string
	Keterangan     string
	IdempotencyKey string
}

// tppReadsAll reports whether the caller reads every payroll run of the instansi.
func tppReadsAll(a domain.Actor) bool { return kinReadsAll(a) || a.Has(domain.RoleKeuangan) }

// runVisible fails unless the caller may read the run: the instansi-wide readers,
// or an ADMIN_UNIT for runs of units in its subtree.
func runVisible(a domain.Actor, p domain.PerhitunganTPP) error {
	if tppReadsAll(a) || (a.Has(domain.RoleAdminUnit) && a.UnitPath != "" && a.CoversUnit(p.UnitPath) && p.UnitKerjaID != "") {
		return nil
	}
	if a.HasAny(domain.RoleAdminUnit) {
		return domain.NotFound("Perhitungan TPP")
	}
	return domain.Forbidden("Perhitungan TPP hanya untuk keuangan, admin dan auditor.",
		"Payroll runs are for finance, administrators and auditors.")
}

// requireRunWriter fails unless the caller may start, recompute or discard runs.
func requireRunWriter(a domain.Actor) error {
	if err := requireWrite(a); err != nil {
		return err
	}
	return requireRole(a, domain.RoleKeuangan, domain.RoleAdminInstansi)
}

// Create starts a payroll run, or returns the existing run of the same scope, month
// and kind (created false). The computation runs in the background; Create waits up
// to Tunggu for it.
func (s *TPP) Create(ctx context.Context, in PerhitunganInput) (domain.PerhitunganTPP, bool, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.PerhitunganTPP{}, false, err
	}
	if err := requireRunWriter(a); err != nil {
		return domain.PerhitunganTPP{}, false, err
	}
	if in.Jenis == "" {
		in.Jenis = domain.PerhitunganInduk
	}
	if in.IdempotencyKey != "" {
		p, err := s.Store.PerhitunganTPPIdempotensi(ctx, inst, in.IdempotencyKey)
		switch {
		case err == nil:
			if p.Tahun != in.Tahun || p.Bulan != in.Bulan || p.UnitKerjaID != in.UnitKerjaID || p.Jenis != in.Jenis || p.AsalID != in.AsalID {
				return domain.PerhitunganTPP{}, false, domain.Unprocessable("idempotency_mismatch",
					"Idempotency-Key ini sudah dipakai untuk permintaan lain.",
					"This Idempotency-Key was already used for another request.")
			}
			return s.view(p), false, nil
		case !isNotFound(err):
			return domain.PerhitunganTPP{}, false, err
		}
	}
	run, err := s.rencana(ctx, inst, in)
	if err != nil {
		return domain.PerhitunganTPP{}, false, err
	}
	now := s.Now().UTC()
	run.ID, run.InstansiID, run.Status, run.Keterangan = newID(), inst, domain.PerhitunganProses, strings.TrimSpace(in.Keterangan)
	run.DibuatOleh, run.DibuatOlehID, run.Version, run.CreatedAt, run.UpdatedAt = a.Name, a.PenggunaID, 1, now, now
	var existing *domain.PerhitunganTPP
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		runs, err := s.Store.PerhitunganTPPBulan(ctx, inst, run.Tahun, run.Bulan)
		if err != nil {
			return err
		}
		if e, err := sameRun(runs, run); e != nil || err != nil {
			existing = e
			return err
		}
		if run.Jenis != domain.PerhitunganInduk {
			for _, r := range runs {
				if r.Jenis == run.Jenis && r.UnitKerjaID == run.UnitKerjaID {
					run.Urutan = max(run.Urutan, r.Urutan+1)
				}
			}
			run.Urutan = max(run.Urutan, 1)
		}
		aturan, err := s.Aturan.Berlaku(ctx, inst, run.Tahun, run.Bulan)
		if err != nil {
			return err
		}
		run.AturanID, run.AturanVersi = aturan.ID, aturan.Versi
		if err := s.Store.CreatePerhitunganTPP(ctx, run, in.IdempotencyKey); err != nil {
			return err
		}
		return s.record(ctx, inst, "CREATE", "perhitungan_tpp", run.ID, nil, run)
	})
	if existing != nil {
		return s.view(*existing), false, nil
	}
	if err != nil {
		return domain.PerhitunganTPP{}, false, err
	}
	out, err := s.mulaiDanTunggu(ctx, run)
	return out, true, err
}

// rencana checks a new run's month, scope and kind and fills what follows from them.
func (s *TPP) rencana(ctx context.Context, inst string, in PerhitunganInput) (domain.PerhitunganTPP, error) {
	run := domain.PerhitunganTPP{Tahun: in.Tahun, Bulan: in.Bulan, Jenis: in.Jenis, AsalID: in.AsalID, UnitPath: "/"}
	switch {
	case in.Jenis == domain.PerhitunganInduk && in.AsalID != "":
		return run, domain.Invalid("perhitungan_asal_id", "asal_tidak_dipakai",
			"Perhitungan INDUK tidak merujuk perhitungan lain.", "An INDUK run does not reference another run.")
	case in.Jenis != domain.PerhitunganInduk && in.AsalID == "":
		return run, domain.Invalid("perhitungan_asal_id", "required",
			"KOREKSI dan RAPEL wajib merujuk perhitungan yang sudah disetujui.",
			"KOREKSI and RAPEL must reference an approved run.")
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return run, err
	}
	if first, _ := monthRange(in.Tahun, in.Bulan); first.After(today) {
		return run, domain.Invalid("bulan", "bulan_mendatang", "Bulan tersebut belum berjalan.", "That month has not started yet.")
	}
	if in.UnitKerjaID != "" {
		u, err := s.Store.GetUnitKerja(ctx, inst, in.UnitKerjaID)
		if err != nil {
			return run, missingAs(err, "unit_kerja_id", "Unit kerja")
		}
		run.UnitKerjaID, run.UnitKerjaNama, run.UnitPath = u.ID, u.Nama, u.Path
	} else {
		i, err := s.Store.GetInstansi(ctx, inst)
		if err != nil {
			return run, err
		}
		run.UnitKerjaNama = i.Nama
	}
	if in.AsalID == "" {
		return run, nil
	}
	asal, err := s.Store.GetPerhitunganTPP(ctx, inst, in.AsalID)
	if err != nil {
		return run, missingAs(err, "perhitungan_asal_id", "Perhitungan TPP")
	}
	switch {
	case asal.Status != domain.PerhitunganDisetujui:
		return run, domain.Unprocessable("asal_belum_disetujui",
			"Koreksi hanya untuk perhitungan yang sudah disetujui; hitung ulang perhitungan itu sendiri.",
			"Corrections are for approved runs only; recompute that run instead.")
	case asal.Tahun != in.Tahun || asal.Bulan != in.Bulan:
		return run, domain.Invalid("bulan", "bulan_berbeda", "Bulan koreksi harus sama dengan bulan perhitungan asal.",
			"A correction's month must be the original run's month.")
	case !strings.HasPrefix(run.UnitPath, asal.UnitPath):
		return run, domain.Invalid("unit_kerja_id", "di_luar_asal", "Cakupan koreksi harus di dalam cakupan perhitungan asal.",
			"A correction's scope must lie within the original run's scope.")
	}
	return run, nil
}

// sameRun finds the run a request repeats: the INDUK of the same scope, or the
// correction of the same scope and kind still open. An INDUK overlapping another
// INDUK's scope is a conflict: it would pay the same pegawai twice.
func sameRun(runs []domain.PerhitunganTPP, run domain.PerhitunganTPP) (*domain.PerhitunganTPP, error) {
	for i, r := range runs {
		if r.Jenis != run.Jenis {
			continue
		}
		if r.UnitKerjaID == run.UnitKerjaID && (r.Jenis == domain.PerhitunganInduk || r.Status != domain.PerhitunganDisetujui) {
			return &runs[i], nil
		}
		if r.Jenis == domain.PerhitunganInduk && (strings.HasPrefix(r.UnitPath, run.UnitPath) || strings.HasPrefix(run.UnitPath, r.UnitPath)) {
			return nil, domain.Conflict("cakupan_tumpang_tindih",
				fmt.Sprintf("Perhitungan INDUK %s sudah mencakup sebagian pegawai ini untuk bulan tersebut.", r.ID),
				fmt.Sprintf("INDUK run %s already covers some of these pegawai for that month.", r.ID))
		}
	}
	return nil, nil
}

// view adds the progress of a run computing in this process.
func (s *TPP) view(p domain.PerhitunganTPP) domain.PerhitunganTPP {
	if v, ok := s.jalan.Load(p.ID); ok && p.Status == domain.PerhitunganProses {
		pr := v.(*progres)
		p.Selesai, p.JumlahPegawai = int(pr.selesai.Load()), int(pr.total.Load())
	} else if p.Status != domain.PerhitunganProses {
		p.Selesai = p.JumlahPegawai
	}
	return p
}

// mulaiDanTunggu starts computing a run in the background and waits up to Tunggu.
func (s *TPP) mulaiDanTunggu(ctx context.Context, run domain.PerhitunganTPP) (domain.PerhitunganTPP, error) {
	done := s.mulai(context.WithoutCancel(ctx), run)
	wait := cmp.Or(s.Tunggu, 5*time.Second)
	select {
	case <-done:
	case <-time.After(wait):
	case <-ctx.Done():
	}
	p, err := s.Store.GetPerhitunganTPP(ctx, run.InstansiID, run.ID)
	if err != nil {
		return domain.PerhitunganTPP{}, err
	}
	return s.view(p), nil
}

// mulai computes a run in the background unless this process already does; the
// channel closes when it is done. A failure marks the run GAGAL with the reason.
func (s *TPP) mulai(ctx context.Context, run domain.PerhitunganTPP) <-chan struct{} {
	pr := &progres{done: make(chan struct{})}
	if v, loaded := s.jalan.LoadOrStore(run.ID, pr); loaded {
		return v.(*progres).done
	}
	go func() {
		defer close(pr.done)
		defer s.jalan.Delete(run.ID)
		err := ulangi(func() error { return s.hitungRun(ctx, run, pr) })
		if err != nil {
			_ = ulangi(func() error { return s.gagal(ctx, run, err) })
		}
	}()
	return pr.done
}

// jedaUlang is how long a computation waits before each new attempt after losing the
// database (a restart, a network cut): about 8 s in all before it gives up.
var jedaUlang = []time.Duration{200 * time.Millisecond, 500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second}

// ulangi runs fn again after a failure that is not the request's fault (a domain
// error such as no rule in force is final). The run's lines are written in one
// transaction, so an attempt that failed left nothing behind.
func ulangi(fn func() error) error {
	err := fn()
	for _, d := range jedaUlang {
		if _, final := domain.AsError(err); err == nil || final {
			return err
		}
		time.Sleep(d)
		err = fn()
	}
	return err
}

// gagal records a failed computation so that the run can be recomputed.
func (s *TPP) gagal(ctx context.Context, run domain.PerhitunganTPP, cause error) error {
	return s.Tx.InTx(ctx, func(ctx context.Context) error {
		cur, err := s.Store.GetPerhitunganTPP(ctx, run.InstansiID, run.ID)
		if err != nil || cur.Status != domain.PerhitunganProses {
			return err
		}
		prev := cur.Version
		cur.Status, cur.PesanGagal, cur.Version, cur.UpdatedAt = domain.PerhitunganGagal, cause.Error(), cur.Version+1, s.Now().UTC()
		return s.Store.UpdatePerhitunganTPP(ctx, cur, prev)
	})
}

// Lanjutkan computes again every run left computing by a process that stopped (or
// whose computation gave up while the database was away), so a restart never leaves a
// run half done: its lines are written in one transaction. Runs this process is
// computing are left alone. The server calls it at start and every minute.
func (s *TPP) Lanjutkan(ctx context.Context) error {
	runs, err := s.Store.PerhitunganTPPBerjalan(ctx)
	if err != nil {
		return err
	}
	for _, r := range runs {
		s.mulai(ctx, r)
	}
	return nil
}

// TungguSemua waits for every run this process is computing.
func (s *TPP) TungguSemua() {
	s.jalan.Range(func(_, v any) bool {
		<-v.(*progres).done
		return true
	})
}

// potonganRun is how many pegawai a run computes and stores at a time, so that its
// memory stays bounded whatever the size of the instansi.
const potonganRun = 2000

// hitungRun computes every line of a run and stores them with the run's summary in
// one transaction, a chunk of pegawai at a time: a crash leaves the run PROSES with no
// lines, to be computed again.
func (s *TPP) hitungRun(ctx context.Context, run domain.PerhitunganTPP, pr *progres) error {
	inst := run.InstansiID
	aturan, err := s.Aturan.Berlaku(ctx, inst, run.Tahun, run.Bulan)
	if err != nil {
		return err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return err
	}
	_, last := monthRange(run.Tahun, run.Bulan)
	upTo := last
	if today.Before(upTo) {
		upTo = today
	}
	// The month's clock records: an instansi-wide run reads those of the whole
	// instansi in one pass (about 100 MB for 50,000 pegawai, faster than a range per
	// chunk) while it lists the pegawai; a unit's run does so only when it is large,
	// else each chunk reads its own.
	rekamanInstansi := func() (map[string][]domain.Rekaman, error) {
		first, last := monthRange(run.Tahun, run.Bulan)
		from, to := rekamanRange(first, last)
		return s.Store.KehadiranRange(ctx, inst, from, to)
	}
	var bacaRekaman func() (map[string][]domain.Rekaman, error)
	if run.UnitKerjaID == "" {
		bacaRekaman = nanti(rekamanInstansi)
	}
	ps, _, err := s.Store.ListPegawaiView(ctx, domain.PegawaiFilter{InstansiID: inst, AsOf: upTo, UnitKerjaID: run.UnitKerjaID})
	if err != nil {
		return err
	}
	ps = slices.DeleteFunc(ps, func(v domain.PegawaiView) bool { return !dibayarTPP(v.Status) || v.TMT.After(last) })
	// chunks in id order read each month's records as one index range
	slices.SortFunc(ps, func(a, b domain.PegawaiView) int { return cmp.Compare(a.Pegawai.ID, b.Pegawai.ID) })
	pr.total.Store(int64(len(ps)))
	units, err := s.Store.UnitKerjaSubtree(ctx, inst, "/")
	if err != nil {
		return err
	}
	pagu, err := s.Store.PaguTPP(ctx, inst, run.Tahun)
	if err != nil {
		return err
	}
	if bacaRekaman == nil && len(ps) > potonganRun {
		bacaRekaman = rekamanInstansi
	}
	var rekaman map[string][]domain.Rekaman
	if bacaRekaman != nil {
		if rekaman, err = bacaRekaman(); err != nil {
			return err
		}
	}
	run.AturanID, run.AturanVersi = aturan.ID, aturan.Versi
	acc := newRingkasan(pagu, units)
	return s.Store.InBulkTx(ctx, func(ctx context.Context) error {
		cur, err := s.Store.GetPerhitunganTPP(ctx, inst, run.ID)
		if err != nil {
			return err
		}
		if cur.Status != domain.PerhitunganProses {
			return nil // discarded or done meanwhile
		}
		if err := s.Store.HapusBarisTPP(ctx, inst, run.ID); err != nil {
			return err
		}
		muat := func(chunk []domain.PegawaiView) (*bulanTPP, error) {
			return s.muatBulan(ctx, inst, chunk, run.Tahun, run.Bulan, upTo, rekaman)
		}
		// chunks are computed one after another, in order: each adds its lines to the
		// summary as it ends, while the chunk before is being stored
		baris := func(m *bulanTPP, chunk []domain.PegawaiView) ([]domain.BarisTPP, error) {
			lines, err := s.hitungBaris(m, chunk, aturan.Profil, run, pr)
			if err == nil {
				acc.tambah(lines)
			}
			return lines, err
		}
		simpan := func(lines []domain.BarisTPP) error { return s.Store.TambahBarisTPP(ctx, lines) }
		if err := potongan(ps, muat, baris, simpan); err != nil {
			return err
		}
		acc.selesai(&run)
		if err := s.Store.SimpanPaguPerhitunganTPP(ctx, inst, run.ID, run.Pagu); err != nil {
			return err
		}
		run.Status, run.PesanGagal, run.Version, run.UpdatedAt = domain.PerhitunganDihitung, "", cur.Version+1, s.Now().UTC()
		run.DisetujuiOleh, run.DisetujuiPada, run.CatatanPersetujuan = "", nil, ""
		if err := s.Store.UpdatePerhitunganTPP(ctx, run, cur.Version); err != nil {
			return err
		}
		return s.record(ctx, inst, "HITUNG", "perhitungan_tpp", run.ID, nil,
			map[string]any{"jumlah_pegawai": run.JumlahPegawai, "total": run.Total, "sidik": run.Sidik, "aturan_tpp_versi": run.AturanVersi})
	})
}

// potongan computes and stores the lines of ps a chunk of potonganRun pegawai at a
// time. Reading a chunk's facts (muat) and storing lines (simpan) use the run's
// transaction, one statement at a time; computing (baris) needs no database, so each
// chunk is computed while the chunk before is stored and the chunk after is read.
// Chunks are computed one at a time and stored in order; at most two chunks of lines
// are held, the one stored and the one computed.
func potongan(ps []domain.PegawaiView, muat func([]domain.PegawaiView) (*bulanTPP, error),
	baris func(*bulanTPP, []domain.PegawaiView) ([]domain.BarisTPP, error), simpan func([]domain.BarisTPP) error) error {
	type dihitung struct {
		lines []domain.BarisTPP
		err   error
	}
	var jalan chan dihitung // the chunk being computed; nil when none
	// after a failure the chunk being computed finishes before the run returns
	defer func() {
		if jalan != nil {
			<-jalan
		}
	}()
	// tunggu waits for the lines of the chunk being computed (none when none is)
	tunggu := func() ([]domain.BarisTPP, error) {
		if jalan == nil {
			return nil, nil
		}
		d := <-jalan
		jalan = nil
		return d.lines, d.err
	}
	for lo := 0; lo < len(ps); lo += potonganRun {
		chunk := ps[lo:min(lo+potonganRun, len(ps))]
		m, err := muat(chunk)
		if err != nil {
			return err
		}
		prev, err := tunggu()
		if err != nil {
			return err
		}
		jalan = make(chan dihitung, 1)
		go func(c chan<- dihitung) {
			lines, err := baris(m, chunk)
			c <- dihitung{lines, err}
		}(jalan)
		if len(prev) > 0 {
			if err := simpan(prev); err != nil {
				return err
			}
		}
	}
	last, err := tunggu()
	if err != nil || len(last) == 0 {
		return err
	}
	return simpan(last)
}

// nanti starts fn in the background and returns a function that waits for its result.
func nanti[T any](fn func() (T, error)) func() (T, error) {
	done := make(chan struct{})
	var v T
	var err error
	go func() {
		defer close(done)
		v, err = fn()
	}()
	return func() (T, error) {
		<-done
		return v, err
	}
}

// dibayarTPP reports whether a pegawai of this status is on the payroll at all; the
// rule profile decides how much those on it get (CLTN, tugas belajar, suspension…).
func dibayarTPP(s domain.StatusKepegawaian) bool {
	switch s {
	case domain.StatusPensiun, domain.StatusDiberhentikan, domain.StatusMeninggal, domain.StatusPindah:
		return false
	}
	return true
}

// hitungBaris computes the lines of the pegawai in parallel, in their order. A
// correction keeps only the lines whose pay or cost changed; RAPEL only increases.
func (s *TPP) hitungBaris(m *bulanTPP, ps []domain.PegawaiView, p domain.ProfilTPP, run domain.PerhitunganTPP, pr *progres) ([]domain.BarisTPP, error) {
	lines := make([]domain.BarisTPP, len(ps))
	errs := make([]error, len(ps))
	parallel(len(ps), func(i int) {
		b, h, err := m.fakta(ps[i]).hitung(p, run.ID, run.InstansiID, run.Jenis)
		if err == nil {
			b.Hasil, err = kemasHasil(&h)
		}
		lines[i], errs[i] = b, err
		if pr != nil {
			pr.selesai.Add(1)
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	switch run.Jenis {
	case domain.PerhitunganKoreksi:
		lines = slices.DeleteFunc(lines, func(b domain.BarisTPP) bool { return b.Dibayar == 0 && b.Biaya == 0 })
	case domain.PerhitunganRapel:
		lines = slices.DeleteFunc(lines, func(b domain.BarisTPP) bool { return b.Dibayar <= 0 })
	}
	return lines, nil
}

// ringkasan adds up a run's lines as they are computed: totals, anomaly counts, the
// cost per budget unit and the sidik. A line with no budget unit counts against its
// top-level unit, shown without a pagu.
type ringkasan struct {
	total   domain.RingkasanTPP
	anomali map[domain.KodeAnomali]int
	cost    map[string]*domain.PemakaianPagu
	sidik   domain.Penyidik
	byPath  map[string]domain.UnitKerja
	nama    map[string]string
	lineOf  map[string]domain.PaguUnit
	mode    domain.ModePagu
}

func newRingkasan(pagu domain.PaguTPP, units []domain.UnitKerja) *ringkasan {
	r := &ringkasan{anomali: map[domain.KodeAnomali]int{}, cost: map[string]*domain.PemakaianPagu{},
		byPath: map[string]domain.UnitKerja{}, nama: map[string]string{}, lineOf: map[string]domain.PaguUnit{},
		mode: cmp.Or(pagu.Mode, domain.PaguPeringatan)}
	for _, u := range units {
		r.byPath[u.Path], r.nama[u.ID] = u, u.Nama
	}
	for _, u := range pagu.Unit {
		r.lineOf[u.UnitKerjaID] = u
	}
	return r
}

func (r *ringkasan) tambah(lines []domain.BarisTPP) {
	for i := range lines {
		b := &lines[i]
		r.total.Tambah(*b)
		r.sidik.Tambah(b)
		for _, k := range b.Anomali {
			r.anomali[k]++
		}
		key := b.PaguUnitID
		if key == "" {
			key = b.UnitKerjaID
			if top, ok := r.byPath[topPath(b.UnitPath)]; ok {
				key = top.ID
			}
		}
		c, ok := r.cost[key]
		if !ok {
			c = &domain.PemakaianPagu{UnitKerjaID: key, UnitKerjaNama: r.nama[key]}
			if l, ok := r.lineOf[key]; ok {
				j := l.Jumlah
				c.Pagu, c.Terpakai, c.UnitKerjaNama = &j, l.Terpakai, l.UnitKerjaNama
			}
			r.cost[key] = c
		}
		c.Biaya += b.Biaya
	}
}

func (r *ringkasan) selesai(run *domain.PerhitunganTPP) {
	run.Total, run.Anomali, run.JumlahPegawai = r.total, r.anomali, r.total.JumlahPegawai
	run.Pagu = make([]domain.PemakaianPagu, 0, len(r.cost))
	for _, c := range r.cost {
		run.Pagu = append(run.Pagu, *c)
	}
	slices.SortFunc(run.Pagu, func(a, b domain.PemakaianPagu) int {
		return cmp.Or(cmp.Compare(a.UnitKerjaNama, b.UnitKerjaNama), cmp.Compare(a.UnitKerjaID, b.UnitKerjaID))
	})
	run.ModePagu, run.MelebihiPagu = r.mode, false
	for _, c := range run.Pagu {
		run.MelebihiPagu = run.MelebihiPagu || c.Melebihi()
	}
	run.Sidik = r.sidik.Hasil()
}

// topPath is the path of the top-level unit of a unit path ("/a/b/" → "/a/").
func topPath(p string) string {
	if i := strings.IndexByte(p[min(1, len(p)):], '/'); i >= 0 {
		return p[:i+2]
	}
	return p
}
