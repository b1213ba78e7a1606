package service

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// JadwalStore is the storage Jadwal needs.
type JadwalStore interface {
	instansiReader
	GetUnitKerja(ctx context.Context, instansiID, id string) (domain.UnitKerja, error)
	PegawaiViewByNIP(ctx context.Context, instansiID, nip string, asOf time.Time) (domain.PegawaiView, error)
	PegawaiViewByID(ctx context.Context, instansiID, pegawaiID string, asOf time.Time) (domain.PegawaiView, error)
	RiwayatUnitByNIP(ctx context.Context, instansiID string, nips []string) ([]domain.PegawaiView, error)

	GetKalender(ctx context.Context, instansiID string, tahun int) (domain.Kalender, error)
	LockKalender(ctx context.Context, instansiID string) error
	ReplaceKalender(ctx context.Context, instansiID string, k domain.Kalender) error

	ListJadwal(ctx context.Context, instansiID string) ([]domain.JadwalKerja, error)
	GetJadwal(ctx context.Context, instansiID, id string) (domain.JadwalKerja, error)
	CreateJadwal(ctx context.Context, j domain.JadwalKerja) (domain.JadwalKerja, error)
	UpdateJadwal(ctx context.Context, j domain.JadwalKerja) (domain.JadwalKerja, error)
	DeleteJadwal(ctx context.Context, instansiID, id string) error

	CountPenugasanJadwal(ctx context.Context, instansiID, jadwalID string) (int64, error)
	ListPenugasanJadwal(ctx context.Context, f domain.PenugasanJadwalFilter) ([]domain.PenugasanJadwal, error)
	PenugasanJadwalBerlaku(ctx context.Context, instansiID string, dari, sampai time.Time) ([]domain.PenugasanJadwal, error)
	GetPenugasanJadwal(ctx context.Context, instansiID, id string, asOf time.Time) (domain.PenugasanJadwal, error)
	CreatePenugasanJadwal(ctx context.Context, p domain.PenugasanJadwal) (domain.PenugasanJadwal, error)
	DeletePenugasanJadwal(ctx context.Context, instansiID, id string) error
	LockPenugasanJadwalTarget(ctx context.Context, instansiID, unitKerjaID, pegawaiID string) error
	OverlappingPenugasanJadwal(ctx context.Context, instansiID, unitKerjaID, pegawaiID string, mulai time.Time, selesai *time.Time) (int64, error)

	ListRoster(ctx context.Context, f domain.RosterFilter) ([]domain.RosterPegawai, error)
	SaveRoster(ctx context.Context, instansiID string, entries []domain.RosterShift) (int, int, error)
}

// Jadwal manages the working calendar (holidays and cuti bersama), work schedules,
// their assignment to units and pegawai, and shift rosters.
//
// Access: everyone of the instansi reads the calendar and the schedules; ADMIN_INSTANSI
// writes them. Assignments and rosters are written by ADMIN_INSTANSI, or by an
// ADMIN_UNIT within its unit subtree. Assignments and rosters are read by the readers
// of the whole instansi (AUDITOR and KEUANGAN included), by an ADMIN_UNIT within its
// subtree, and by a pegawai for themself (a rater also reads the roster of their
// direct subordinates).
type Jadwal struct {
	Base
	Store JadwalStore
	Org   ReportingChain
}

// JadwalPegawai is the schedule a pegawai follows on a date, with its overrides.
type JadwalPegawai struct {
	ID          string // the schedule's id; "" for the default office week
	Jadwal      domain.Jadwal
	Penyesuaian []domain.PenyesuaianJadwal
}

// JadwalRentang is a schedule followed from Mulai (a local date) until the next one.
type JadwalRentang struct {
	Mulai time.Time
	JadwalPegawai
}

// PenugasanJadwalInput is a new assignment: exactly one of UnitKerjaID and NIP.
type PenugasanJadwalInput struct {
	JadwalID       string
	UnitKerjaID    string
	NIP            string
	BerlakuMulai   time.Time
	BerlakuSelesai *time.Time
}

// PenugasanJadwalQuery filters the assignments list by exact target.
type PenugasanJadwalQuery struct {
	UnitKerjaID string
	NIP         string
}

// RosterInput is one roster entry of a request; an empty KodeShift removes the entry.
type RosterInput struct {
	NIP       string
	Tanggal   time.Time
	KodeShift string
}

// RosterQuery filters the roster list. UnitKerjaID keeps pegawai whose unit on the
// entry's date lies in that unit's subtree.
type RosterQuery struct {
	NIP         string
	UnitKerjaID string
	Dari        time.Time
	Sampai      time.Time
}

// maxRosterHari bounds the date range of one roster read.
const maxRosterHari = 366

// jadwalTanggal is the calendar date of t on its own wall clock, as midnight UTC.
func jadwalTanggal(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// GetKalender returns a year's holidays; everyone of the instansi reads them.
func (s *Jadwal) GetKalender(ctx context.Context, tahun int) (domain.Kalender, error) {
	_, inst, err := tenant(ctx)
	if err != nil {
		return domain.Kalender{}, err
	}
	return s.Store.GetKalender(ctx, inst, tahun)
}

// PutKalender replaces a whole year's holidays atomically (ADMIN_INSTANSI): the SKB
// of the three ministers is published, and amended, as one list.
func (s *Jadwal) PutKalender(ctx context.Context, k domain.Kalender) (domain.Kalender, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.Kalender{}, err
	}
	if err := requireWrite(a); err != nil {
		return domain.Kalender{}, err
	}
	if err := requireRole(a, domain.RoleAdminInstansi); err != nil {
		return domain.Kalender{}, err
	}
	for i := range k.Items {
		k.Items[i].Nama = strings.TrimSpace(k.Items[i].Nama)
	}
	if err := k.Validate(); err != nil {
		return domain.Kalender{}, err
	}
	var out domain.Kalender
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		if err := s.Store.LockKalender(ctx, inst); err != nil {
			return err
		}
		before, err := s.Store.GetKalender(ctx, inst, k.Tahun)
		if err != nil {
			return err
		}
		if err := s.Store.ReplaceKalender(ctx, inst, k); err != nil {
			return err
		}
		if out, err = s.Store.GetKalender(ctx, inst, k.Tahun); err != nil {
			return err
		}
		return s.record(ctx, inst, "UPDATE", "kalender", strconv.Itoa(k.Tahun), before, out)
	})
	return out, err
}

// ListJadwal returns every schedule of the instansi.
func (s *Jadwal) ListJadwal(ctx context.Context) ([]domain.JadwalKerja, error) {
	_, inst, err := tenant(ctx)
	if err != nil {
		return nil, err
	}
	return s.Store.ListJadwal(ctx, inst)
}

// GetJadwal reads one schedule.
func (s *Jadwal) GetJadwal(ctx context.Context, id string) (domain.JadwalKerja, error) {
	_, inst, err := tenant(ctx)
	if err != nil {
		return domain.JadwalKerja{}, err
	}
	return s.Store.GetJadwal(ctx, inst, id)
}

// jadwalWriter checks the caller may define schedules: they are shared by the whole
// instansi, so only ADMIN_INSTANSI (and SUPERADMIN) edit them.
func jadwalWriter(a domain.Actor) error {
	if err := requireWrite(a); err != nil {
		return err
	}
	return requireRole(a, domain.RoleAdminInstansi)
}

// CreateJadwal stores a new schedule.
func (s *Jadwal) CreateJadwal(ctx context.Context, j domain.JadwalKerja) (domain.JadwalKerja, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.JadwalKerja{}, err
	}
	if err := jadwalWriter(a); err != nil {
		return domain.JadwalKerja{}, err
	}
	if err := j.Validate(); err != nil {
		return domain.JadwalKerja{}, err
	}
	now := s.Now().UTC()
	j.ID, j.InstansiID, j.CreatedAt, j.UpdatedAt = newID(), inst, now, now
	var out domain.JadwalKerja
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		var err error
		if out, err = s.Store.CreateJadwal(ctx, j); err != nil {
			return err
		}
		return s.record(ctx, inst, "CREATE", "jadwal", out.ID, nil, out)
	})
	return out, err
}

// UpdateJadwal replaces a schedule; expected is the If-Match version, if given.
func (s *Jadwal) UpdateJadwal(ctx context.Context, id string, j domain.JadwalKerja, expected *int) (domain.JadwalKerja, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.JadwalKerja{}, err
	}
	if err := jadwalWriter(a); err != nil {
		return domain.JadwalKerja{}, err
	}
	if err := j.Validate(); err != nil {
		return domain.JadwalKerja{}, err
	}
	var out domain.JadwalKerja
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		before, err := s.Store.GetJadwal(ctx, inst, id)
		if err != nil {
			return err
		}
		if err := checkVersion(expected, before.Version); err != nil {
			return err
		}
		j.ID, j.InstansiID, j.Version, j.CreatedAt, j.UpdatedAt = before.ID, inst, before.Version, before.CreatedAt, s.Now().UTC()
		if out, err = s.Store.UpdateJadwal(ctx, j); err != nil {
			return err
		}
		return s.record(ctx, inst, "UPDATE", "jadwal", id, before, out)
	})
	return out, err
}

// DeleteJadwal removes a schedule assigned to nobody, now or ever: a past assignment
// still explains past attendance.
func (s *Jadwal) DeleteJadwal(ctx context.Context, id string) error {
	a, inst, err := tenant(ctx)
	if err != nil {
		return err
	}
	if err := jadwalWriter(a); err != nil {
		return err
	}
	return s.Tx.InTx(ctx, func(ctx context.Context) error {
		before, err := s.Store.GetJadwal(ctx, inst, id)
		if err != nil {
			return err
		}
		n, err := s.Store.CountPenugasanJadwal(ctx, inst, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return domain.Conflict("jadwal_assigned",
				fmt.Sprintf("Jadwal %s masih ditugaskan (%d penugasan); hapus penugasannya terlebih dahulu.", before.Kode, n),
				fmt.Sprintf("Schedule %s is still assigned (%d assignments); remove them first.", before.Kode, n))
		}
		if err := s.Store.DeleteJadwal(ctx, inst, id); err != nil {
			return err
		}
		return s.record(ctx, inst, "DELETE", "jadwal", id, before, nil)
	})
}

// ListPenugasan returns the assignments within the caller's reach, latest first.
func (s *Jadwal) ListPenugasan(ctx context.Context, q PenugasanJadwalQuery) ([]domain.PenugasanJadwal, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return nil, err
	}
	f := domain.PenugasanJadwalFilter{InstansiID: inst, UnitKerjaID: q.UnitKerjaID, AsOf: today}
	// keep decides, per assignment, what the caller may see.
	var keep func(p domain.PenugasanJadwal) bool
	switch {
	case kinReadsAll(a) || a.Has(domain.RoleKeuangan):
		keep = func(domain.PenugasanJadwal) bool { return true }
	case a.Has(domain.RoleAdminUnit) && a.UnitPath != "":
		keep = func(p domain.PenugasanJadwal) bool { return a.CoversUnit(p.UnitPath) }
	case a.PegawaiID != "":
		// a pegawai sees what decides their own schedule: their assignments and those
		// of their unit and its ancestors
		self, err := s.Store.PegawaiViewByID(ctx, inst, a.PegawaiID, today)
		if err != nil && !isNotFound(err) {
			return nil, err
		}
		keep = func(p domain.PenugasanJadwal) bool {
			return p.PegawaiID == a.PegawaiID ||
				p.UnitKerjaID != "" && self.UnitPath != "" && domain.InSubtree(self.UnitPath, p.UnitPath)
		}
	default:
		return nil, domain.ErrForbidden
	}
	if q.UnitKerjaID != "" {
		if _, err := s.Store.GetUnitKerja(ctx, inst, q.UnitKerjaID); err != nil {
			return nil, err
		}
	}
	if q.NIP != "" {
		pv, err := s.Store.PegawaiViewByNIP(ctx, inst, q.NIP, today)
		if err != nil {
			return nil, err
		}
		if !keep(domain.PenugasanJadwal{PegawaiID: pv.Pegawai.ID, UnitPath: pv.UnitPath}) {
			return nil, domain.NotFound("Pegawai")
		}
		f.PegawaiID = pv.Pegawai.ID
	}
	all, err := s.Store.ListPenugasanJadwal(ctx, f)
	if err != nil {
		return nil, err
	}
	out := make([]domain.PenugasanJadwal, 0, len(all))
	for _, p := range all {
		if keep(p) {
			out = append(out, p)
		}
	}
	return out, nil
}

// CreatePenugasan assigns a schedule to a unit or a pegawai from a date. An ADMIN_UNIT
// assigns within its subtree only. Two assignments of one target may not overlap.
func (s *Jadwal) CreatePenugasan(ctx context.Context, in PenugasanJadwalInput) (domain.PenugasanJadwal, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.PenugasanJadwal{}, err
	}
	scope, err := orgWriteScope(a)
	if err != nil {
		return domain.PenugasanJadwal{}, err
	}
	p := domain.PenugasanJadwal{InstansiID: inst, JadwalID: in.JadwalID, UnitKerjaID: in.UnitKerjaID, NIP: in.NIP,
		BerlakuMulai: jadwalTanggal(in.BerlakuMulai), CreatedAt: s.Now().UTC()}
	if in.BerlakuSelesai != nil {
		d := jadwalTanggal(*in.BerlakuSelesai)
		p.BerlakuSelesai = &d
	}
	if err := p.Validate(); err != nil {
		return domain.PenugasanJadwal{}, err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return domain.PenugasanJadwal{}, err
	}
	var out domain.PenugasanJadwal
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		if _, err := s.Store.GetJadwal(ctx, inst, p.JadwalID); err != nil {
			return missingAs(err, "jadwal_id", "Jadwal")
		}
		if p.UnitKerjaID != "" {
			u, err := s.Store.GetUnitKerja(ctx, inst, p.UnitKerjaID)
			if err != nil {
				return missingAs(err, "unit_kerja_id", "Unit kerja")
			}
			if scope != "" && !domain.InSubtree(u.Path, scope) {
				return errOutsideUnit
			}
		} else {
			pv, err := s.Store.PegawaiViewByNIP(ctx, inst, p.NIP, today)
			if err != nil {
				return missingAs(err, "nip", "Pegawai")
			}
			if scope != "" && !domain.InSubtree(pv.UnitPath, scope) {
				return domain.MissingRef("nip", "Pegawai")
			}
			p.PegawaiID = pv.Pegawai.ID
		}
		// Serialise assignments to this target so the overlap check below holds.
		if err := s.Store.LockPenugasanJadwalTarget(ctx, inst, p.UnitKerjaID, p.PegawaiID); err != nil {
			return err
		}
		n, err := s.Store.OverlappingPenugasanJadwal(ctx, inst, p.UnitKerjaID, p.PegawaiID, p.BerlakuMulai, p.BerlakuSelesai)
		if err != nil {
			return err
		}
		if n > 0 {
			e := domain.Conflict("penugasan_overlap",
				"Sasaran ini sudah memiliki penugasan jadwal pada periode yang beririsan; akhiri atau hapus yang lama terlebih dahulu.",
				"This target already has a schedule assignment in an overlapping period; end or remove the old one first.")
			e.Fields = []domain.FieldError{{Field: "berlaku_mulai", Code: "penugasan_overlap", Text: e.Text}}
			return e
		}
		if out, err = s.Store.CreatePenugasanJadwal(ctx, p); err != nil {
			return err
		}
		return s.record(ctx, inst, "CREATE", "penugasan_jadwal", out.ID, nil, out)
	})
	return out, err
}

// DeletePenugasan removes an assignment; an ADMIN_UNIT only within its subtree.
func (s *Jadwal) DeletePenugasan(ctx context.Context, id string) error {
	a, inst, err := tenant(ctx)
	if err != nil {
		return err
	}
	scope, err := orgWriteScope(a)
	if err != nil {
		return err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return err
	}
	return s.Tx.InTx(ctx, func(ctx context.Context) error {
		before, err := s.Store.GetPenugasanJadwal(ctx, inst, id, today)
		if err != nil {
			return err
		}
		if scope != "" && !domain.InSubtree(before.UnitPath, scope) {
			return domain.NotFound("Penugasan jadwal")
		}
		if err := s.Store.DeletePenugasanJadwal(ctx, inst, id); err != nil {
			return err
		}
		return s.record(ctx, inst, "DELETE", "penugasan_jadwal", id, before, nil)
	})
}

// jadwalResolver finds the schedule in force for pegawai from assignments and
// schedules loaded once.
type jadwalResolver struct {
	jadwal map[string]domain.JadwalKerja
	indeks domain.IndeksPenugasan
	bawaan JadwalPegawai
}

func newJadwalResolver(jadwal []domain.JadwalKerja, penugasan []domain.PenugasanJadwal) jadwalResolver {
	r := jadwalResolver{jadwal: make(map[string]domain.JadwalKerja, len(jadwal)),
		indeks: domain.NewIndeksPenugasan(penugasan), bawaan: JadwalPegawai{Jadwal: domain.JadwalDefault()}}
	for _, j := range jadwal {
		r.jadwal[j.ID] = j
	}
	return r
}

func (r jadwalResolver) untuk(pegawaiID, unitKerjaID, unitPath string, d time.Time) JadwalPegawai {
	if unitPath == "" && unitKerjaID != "" {
		unitPath = "/" + unitKerjaID + "/"
	}
	if p, ok := r.indeks.Berlaku(pegawaiID, unitPath, d); ok {
		if j, ok := r.jadwal[p.JadwalID]; ok {
			return JadwalPegawai{ID: j.ID, Jadwal: j.Jadwal, Penyesuaian: j.Penyesuaian}
		}
	}
	return r.bawaan
}

// Untuk returns, keyed by pegawai id, the schedule each pegawai follows on local date
// d: their own assignment, else the nearest unit's (their unit, then its ancestors),
// else the default office week (domain.JadwalDefault). It is for other services and
// checks no permission. The values share the schedules' slices: treat them as
// read-only.
func (s *Jadwal) Untuk(ctx context.Context, instansiID string, pegawai []domain.PegawaiView, d time.Time) (map[string]JadwalPegawai, error) {
	segs, err := s.UntukBulan(ctx, instansiID, pegawai, d, d)
	if err != nil {
		return nil, err
	}
	out := make(map[string]JadwalPegawai, len(segs))
	for id, ss := range segs {
		out[id] = ss[0].JadwalPegawai
	}
	return out, nil
}

// UntukBulan returns, keyed by pegawai id, the schedules each pegawai follows over
// [first, last]: one entry from first, and another from each date an assignment that
// changes their schedule starts or ends. It makes two queries whatever the number of
// pegawai.
func (s *Jadwal) UntukBulan(ctx context.Context, instansiID string, pegawai []domain.PegawaiView, first, last time.Time) (map[string][]JadwalRentang, error) {
	first, last = jadwalTanggal(first), jadwalTanggal(last)
	jadwal, err := s.Store.ListJadwal(ctx, instansiID)
	if err != nil {
		return nil, err
	}
	penugasan, err := s.Store.PenugasanJadwalBerlaku(ctx, instansiID, first, last)
	if err != nil {
		return nil, err
	}
	r := newJadwalResolver(jadwal, penugasan)
	// the dates on which some schedule may change: assignments starting, or ending the day before
	ubah := map[time.Time]bool{}
	for _, p := range penugasan {
		if p.BerlakuMulai.After(first) && !p.BerlakuMulai.After(last) {
			ubah[p.BerlakuMulai] = true
		}
		if p.BerlakuSelesai != nil {
			if d := p.BerlakuSelesai.AddDate(0, 0, 1); d.After(first) && !d.After(last) {
				ubah[d] = true
			}
		}
	}
	dates := []time.Time{first}
	for d := range ubah {
		dates = append(dates, d)
	}
	slices.SortFunc(dates, func(a, b time.Time) int { return a.Compare(b) })
	out := make(map[string][]JadwalRentang, len(pegawai))
	for _, p := range pegawai {
		var segs []JadwalRentang
		for _, d := range dates {
			j := r.untuk(p.Pegawai.ID, p.UnitKerjaID, p.UnitPath, d)
			if len(segs) == 0 || segs[len(segs)-1].ID != j.ID {
				segs = append(segs, JadwalRentang{Mulai: d, JadwalPegawai: j})
			}
		}
		out[p.Pegawai.ID] = segs
	}
	return out, nil
}

// ListRoster returns the roster entries within the caller's reach.
func (s *Jadwal) ListRoster(ctx context.Context, q RosterQuery) ([]domain.RosterPegawai, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, err
	}
	dari, sampai := jadwalTanggal(q.Dari), jadwalTanggal(q.Sampai)
	switch {
	case sampai.Before(dari):
		return nil, domain.Invalid("sampai", "tanggal_end_before_start", "Tanggal sampai tidak boleh sebelum tanggal dari.",
			"The end date must not be before the start date.")
	case sampai.Sub(dari) >= maxRosterHari*24*time.Hour:
		return nil, domain.Invalid("sampai", "range_too_long",
			fmt.Sprintf("Rentang tanggal paling lama %d hari.", maxRosterHari),
			fmt.Sprintf("The date range spans at most %d days.", maxRosterHari))
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return nil, err
	}
	f := domain.RosterFilter{InstansiID: inst, Dari: dari, Sampai: sampai}
	var bawahan []string // for a pegawai: themself and their direct subordinates
	switch {
	case kinReadsAll(a) || a.Has(domain.RoleKeuangan):
	case a.Has(domain.RoleAdminUnit) && a.UnitPath != "":
		f.ScopePaths = append(f.ScopePaths, a.UnitPath)
	case a.PegawaiID != "":
		bawahan = []string{a.PegawaiID}
		subs, err := s.Org.Subordinates(ctx, inst, a.PegawaiID, today)
		if err != nil && !isNotFound(err) {
			return nil, err
		}
		for _, b := range subs {
			bawahan = append(bawahan, b.PegawaiID)
		}
		f.PegawaiIDs = bawahan
	default:
		return nil, domain.ErrForbidden
	}
	if q.NIP != "" {
		pv, err := s.Store.PegawaiViewByNIP(ctx, inst, q.NIP, today)
		if err != nil {
			return nil, err
		}
		visible := len(f.ScopePaths) == 0 && bawahan == nil ||
			len(f.ScopePaths) > 0 && a.CoversUnit(pv.UnitPath) ||
			slices.Contains(bawahan, pv.Pegawai.ID)
		if !visible {
			return nil, domain.NotFound("Pegawai")
		}
		// the pegawai is in reach: their whole roster of the range, whichever unit
		f.PegawaiIDs, f.ScopePaths = []string{pv.Pegawai.ID}, nil
	}
	if q.UnitKerjaID != "" {
		u, err := s.Store.GetUnitKerja(ctx, inst, q.UnitKerjaID)
		if err != nil {
			return nil, err
		}
		f.ScopePaths = append(f.ScopePaths, u.Path)
	}
	return s.Store.ListRoster(ctx, f)
}

// jadwalStateOn is the state of a pegawai (riwayat oldest first) in force on date d.
func jadwalStateOn(riwayat []domain.PegawaiView, d time.Time) (domain.PegawaiView, bool) {
	var st domain.PegawaiView
	ok := false
	for _, r := range riwayat {
		if r.BerlakuMulai.After(d) {
			break
		}
		st, ok = r, true
	}
	return st, ok
}

// PutRoster sets shift roster entries: a shift code must be a shift of the SHIFT
// schedule the pegawai follows on that date; an empty one removes the entry.
// ADMIN_INSTANSI writes every pegawai's roster, an ADMIN_UNIT those of pegawai whose
// unit on the entry's date lies in its subtree. It returns how many entries were
// saved and how many stored entries were removed.
func (s *Jadwal) PutRoster(ctx context.Context, items []RosterInput) (int, int, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return 0, 0, err
	}
	scope, err := orgWriteScope(a)
	if err != nil {
		return 0, 0, err
	}
	if len(items) == 0 {
		return 0, 0, nil
	}
	nips := map[string]bool{}
	for _, it := range items {
		nips[it.NIP] = true
	}
	var saved, removed int
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		riwayat, err := s.Store.RiwayatUnitByNIP(ctx, inst, slices.Sorted(maps.Keys(nips)))
		if err != nil {
			return err
		}
		timeline := map[string][]domain.PegawaiView{}
		for _, r := range riwayat {
			timeline[r.NIP] = append(timeline[r.NIP], r)
		}
		entries := make([]domain.RosterShift, len(items))
		states := make([]domain.PegawaiView, len(items))
		dari, sampai := jadwalTanggal(items[0].Tanggal), jadwalTanggal(items[0].Tanggal)
		for i, it := range items {
			d := jadwalTanggal(it.Tanggal)
			tl := timeline[it.NIP]
			st, ok := jadwalStateOn(tl, d)
			if len(tl) == 0 || scope != "" && (!ok || !domain.InSubtree(st.UnitPath, scope)) {
				return domain.MissingRef(fmt.Sprintf("items/%d/nip", i), "Pegawai")
			}
			entries[i] = domain.RosterShift{PegawaiID: tl[0].Pegawai.ID, Tanggal: d, KodeShift: it.KodeShift}
			states[i] = st
			if d.Before(dari) {
				dari = d
			}
			if d.After(sampai) {
				sampai = d
			}
		}
		jadwal, err := s.Store.ListJadwal(ctx, inst)
		if err != nil {
			return err
		}
		penugasan, err := s.Store.PenugasanJadwalBerlaku(ctx, inst, dari, sampai)
		if err != nil {
			return err
		}
		r := newJadwalResolver(jadwal, penugasan)
		berlaku := make([]domain.Jadwal, len(entries))
		for i, e := range entries {
			berlaku[i] = r.untuk(e.PegawaiID, states[i].UnitKerjaID, states[i].UnitPath, e.Tanggal).Jadwal
		}
		if err := domain.ValidateRosterBerlaku(entries, berlaku); err != nil {
			return err
		}

		ids := map[string]bool{}
		for _, e := range entries {
			ids[e.PegawaiID] = true
		}
		lama, err := s.Store.ListRoster(ctx, domain.RosterFilter{InstansiID: inst, Dari: dari, Sampai: sampai,
			PegawaiIDs: slices.Sorted(maps.Keys(ids))})
		if err != nil {
			return err
		}
		stored := map[string]map[string]string{} // pegawai → date → shift
		for _, e := range lama {
			if stored[e.PegawaiID] == nil {
				stored[e.PegawaiID] = map[string]string{}
			}
			stored[e.PegawaiID][e.Tanggal.Format(time.DateOnly)] = e.KodeShift
		}
		if saved, removed, err = s.Store.SaveRoster(ctx, inst, entries); err != nil {
			return err
		}
		return s.recordRoster(ctx, inst, entries, stored)
	})
	return saved, removed, err
}

// recordRoster audits a roster change once per pegawai whose entries changed, with
// the dates of the request before and after (date → shift code; absent = no entry).
func (s *Jadwal) recordRoster(ctx context.Context, inst string, entries []domain.RosterShift, stored map[string]map[string]string) error {
	type change struct{ before, after map[string]string }
	changes := map[string]*change{}
	for _, e := range entries {
		c := changes[e.PegawaiID]
		if c == nil {
			c = &change{before: map[string]string{}, after: map[string]string{}}
			changes[e.PegawaiID] = c
		}
		day := e.Tanggal.Format(time.DateOnly)
		if old, ok := stored[e.PegawaiID][day]; ok {
			c.before[day] = old
		}
		delete(c.after, day)
		if e.KodeShift != "" {
			c.after[day] = e.KodeShift
		}
	}
	for _, id := range slices.Sorted(maps.Keys(changes)) {
		c := changes[id]
		if maps.Equal(c.before, c.after) {
			continue
		}
		if err := s.record(ctx, inst, "UPDATE", "roster", id, c.before, c.after); err != nil {
			return err
		}
	}
	return nil
}
