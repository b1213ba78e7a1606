package service

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// KehadiranStore is the storage Kehadiran needs.
type KehadiranStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	GetUnitKerja(ctx context.Context, instansiID, id string) (domain.UnitKerja, error)
	PegawaiByNIP(ctx context.Context, instansiID, nip string) (domain.Pegawai, error)
	PegawaiViewByID(ctx context.Context, instansiID, pegawaiID string, asOf time.Time) (domain.PegawaiView, error)
	GetKehadiran(ctx context.Context, instansiID, id string, asOf time.Time) (domain.Kehadiran, error)
	KehadiranByKunci(ctx context.Context, instansiID, pegawaiID, kunci string, asOf time.Time) (domain.Kehadiran, error)
	KehadiranPada(ctx context.Context, instansiID, pegawaiID string, waktu, asOf time.Time) (domain.Kehadiran, error)
	AddKehadiran(ctx context.Context, k domain.Kehadiran) (string, error)
	TryAddKehadiran(ctx context.Context, k domain.Kehadiran) (string, bool, error)
	MarkKehadiranDikoreksi(ctx context.Context, instansiID, id string) error
	ListKehadiran(ctx context.Context, f domain.KehadiranFilter) ([]domain.Kehadiran, int64, error)
	KehadiranRange(ctx context.Context, instansiID string, from, to time.Time, pegawaiIDs ...string) (map[string][]domain.Rekaman, error)
	PegawaiRekaman(ctx context.Context, instansiID string, asOf time.Time) ([]domain.PegawaiRekaman, error)
	InBulkTx(ctx context.Context, fn func(ctx context.Context) error) error
	ImporKehadiran(ctx context.Context, b domain.ImporRekaman) (int, error)
	ListPemetaanMesin(ctx context.Context, instansiID, mesin string) ([]domain.PemetaanMesin, error)
	PutPemetaanMesin(ctx context.Context, instansiID string, items []domain.PemetaanMesin) error
	PegawaiIDByNIP(ctx context.Context, instansiID string, nips []string) (map[string]string, error)
}

// Kehadiran records attendance: check-ins from the mobile app, imports from
// fingerprint machines and CSV files, and administrators' corrections.
//
// Access: a pegawai reads their own records and checks in for themself; a rater reads
// their direct subordinates'; ADMIN_UNIT reads and corrects within its unit subtree;
// ADMIN_INSTANSI the whole instansi; AUDITOR and KEUANGAN (which pays on attendance)
// read everything and write nothing. Imports are for ADMIN_INSTANSI, or an ADMIN_UNIT
// whose every row belongs to its subtree.
type Kehadiran struct {
	Base
	Store KehadiranStore
	Org   ReportingChain
}

// zonaKehadiran loads an IANA zone; zones are validated when saved, UTC only guards
// data stored before that.
func zonaKehadiran(name string) *time.Location {
	loc, err := domain.Zona(name)
	if err != nil {
		return time.UTC
	}
	return loc
}

// lokalkan sets WaktuLokal from each record's zone.
func lokalkan(ks []domain.Kehadiran) {
	zones := map[string]*time.Location{}
	for i := range ks {
		loc, ok := zones[ks[i].ZonaWaktu]
		if !ok {
			loc = zonaKehadiran(ks[i].ZonaWaktu)
			zones[ks[i].ZonaWaktu] = loc
		}
		ks[i].WaktuLokal = ks[i].Waktu.In(loc)
	}
}

func lokalSatu(k domain.Kehadiran) domain.Kehadiran {
	ks := []domain.Kehadiran{k}
	lokalkan(ks)
	return ks[0]
}

// setup returns the caller, the instansi, its zone and today's date there.
func (s *Kehadiran) setup(ctx context.Context) (domain.Actor, domain.Instansi, *time.Location, time.Time, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return a, domain.Instansi{}, nil, time.Time{}, err
	}
	i, err := s.Store.GetInstansi(ctx, inst)
	if err != nil {
		return a, domain.Instansi{}, nil, time.Time{}, err
	}
	return a, i, zonaKehadiran(i.ZonaWaktu), i.Today(s.Now()), nil
}

// reach limits a list to what the caller may read: everything for readers of the
// whole instansi, else the ADMIN_UNIT's subtree plus the caller's own records and
// their direct subordinates'.
func (s *Kehadiran) reach(ctx context.Context, a domain.Actor, inst string, today time.Time, f *domain.KehadiranFilter) error {
	if a.HasAny(domain.RoleSuperadmin, domain.RoleAdminInstansi, domain.RoleAuditor, domain.RoleKeuangan) {
		return nil
	}
	f.Terbatas = true
	if a.Has(domain.RoleAdminUnit) {
		f.ScopePath = a.UnitPath
	}
	if a.PegawaiID != "" {
		f.PegawaiIDs = append(f.PegawaiIDs, a.PegawaiID)
		subs, err := s.Org.Subordinates(ctx, inst, a.PegawaiID, today)
		if err != nil && !isNotFound(err) {
			return err
		}
		for _, b := range subs {
			f.PegawaiIDs = append(f.PegawaiIDs, b.PegawaiID)
		}
	}
	if f.ScopePath == "" && len(f.PegawaiIDs) == 0 {
		return domain.ErrForbidden
	}
	return nil
}

// KehadiranQuery filters a list of clock records; Dari and Sampai are local dates.
type KehadiranQuery struct {
	NIP               string
	Dari, Sampai      *time.Time
	TermasukDikoreksi bool
}

// List returns a page of clock records within the caller's reach, newest first.
func (s *Kehadiran) List(ctx context.Context, q KehadiranQuery, pg Page) ([]domain.Kehadiran, int64, error) {
	a, i, loc, today, err := s.setup(ctx)
	if err != nil {
		return nil, 0, err
	}
	if q.Dari != nil && q.Sampai != nil && q.Sampai.Before(*q.Dari) {
		return nil, 0, domain.Invalid("sampai", "date_order", "Tanggal sampai harus sama dengan atau setelah tanggal dari.",
			"The end date must be on or after the start date.")
	}
	f := domain.KehadiranFilter{InstansiID: i.ID, AsOf: today, NIP: q.NIP, TermasukDikoreksi: q.TermasukDikoreksi,
		Offset: pg.Offset(), Limit: pg.Size}
	f.Dari, f.Sampai = domain.RentangLokal(q.Dari, q.Sampai, loc)
	if err := s.reach(ctx, a, i.ID, today, &f); err != nil {
		return nil, 0, err
	}
	ks, total, err := s.Store.ListKehadiran(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	lokalkan(ks)
	return ks, total, nil
}

// CheckInInput is a check-in or check-out from the mobile app, for oneself.
type CheckInInput struct {
	Jenis          domain.JenisRekaman
	WaktuKlien     *time.Time
	Lintang, Bujur *float64
	PerangkatID    string
	Kunci          string // Idempotency-Key; empty for none
}

var errKunciLain = domain.Unprocessable("idempotency_key_reused",
	"Idempotency-Key ini sudah dipakai untuk presensi dengan isi yang berbeda.",
	"This Idempotency-Key was already used for a check-in with a different content.")

// CheckIn records the caller's own check-in at the server's clock (whole seconds).
// It returns the record and whether it was added: a retry with the same
// Idempotency-Key, or a second submission within the same second, returns the record
// already stored. The pegawai must hold a position and be AKTIF today.
func (s *Kehadiran) CheckIn(ctx context.Context, in CheckInInput) (domain.Kehadiran, bool, error) {
	a, i, _, today, err := s.setup(ctx)
	if err != nil {
		return domain.Kehadiran{}, false, err
	}
	if err := requireWrite(a); err != nil {
		return domain.Kehadiran{}, false, err
	}
	if a.PegawaiID == "" {
		return domain.Kehadiran{}, false, domain.Forbidden("Presensi hanya untuk akun yang terhubung dengan data pegawai.",
			"Check-ins are only for accounts linked to a pegawai.")
	}
	v, err := s.Store.PegawaiViewByID(ctx, i.ID, a.PegawaiID, today)
	if isNotFound(err) {
		return domain.Kehadiran{}, false, domain.Unprocessable("pegawai_tanpa_jabatan",
			"Anda belum atau tidak lagi memiliki jabatan; presensi tidak dapat dicatat.",
			"You hold no position today; the check-in cannot be recorded.")
	}
	if err != nil {
		return domain.Kehadiran{}, false, err
	}
	if v.Status != domain.StatusAktif {
		return domain.Kehadiran{}, false, domain.Unprocessable("pegawai_tidak_aktif",
			fmt.Sprintf("Status kepegawaian Anda %s; presensi hanya untuk pegawai AKTIF.", v.Status),
			fmt.Sprintf("Your employment status is %s; check-ins are only for AKTIF pegawai.", v.Status))
	}
	now := s.Now()
	k := domain.Kehadiran{InstansiID: i.ID, PegawaiID: a.PegawaiID, Waktu: domain.WaktuRekaman(now), Jenis: in.Jenis,
		Sumber: domain.SumberMobile, WaktuKlien: in.WaktuKlien, Lintang: in.Lintang, Bujur: in.Bujur,
		PerangkatID: strings.TrimSpace(in.PerangkatID), KunciIdempotensi: in.Kunci, DicatatOleh: a.Name, CreatedAt: now.UTC()}
	var (
		out   domain.Kehadiran
		added bool
	)
	// replay answers a retry: the first record if the submission is the same.
	replay := func(ctx context.Context) (bool, error) {
		if in.Kunci == "" {
			return false, nil
		}
		prev, err := s.Store.KehadiranByKunci(ctx, i.ID, a.PegawaiID, in.Kunci, today)
		if isNotFound(err) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if !prev.SamaPengajuan(k) {
			return true, errKunciLain
		}
		out = prev
		return true, nil
	}
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		if done, err := replay(ctx); done || err != nil {
			return err
		}
		id, ok, err := s.Store.TryAddKehadiran(ctx, k)
		if err != nil {
			return err
		}
		if !ok {
			// a concurrent retry with the same key, or another record in the same second
			if done, err := replay(ctx); done || err != nil {
				return err
			}
			out, err = s.Store.KehadiranPada(ctx, i.ID, a.PegawaiID, k.Waktu, today)
			return err
		}
		if out, err = s.Store.GetKehadiran(ctx, i.ID, id, today); err != nil {
			return err
		}
		added = true
		return s.record(ctx, i.ID, "CREATE", "kehadiran", id, nil, out)
	})
	if err != nil {
		return domain.Kehadiran{}, false, err
	}
	return lokalSatu(out), added, nil
}

// KoreksiInput is an administrator's correction: a missing record, or one that replaces
// MenggantikanID. Jenis nil keeps the replaced record's kind (unknown for a new one).
type KoreksiInput struct {
	NIP            string
	Waktu          time.Time
	Jenis          *domain.JenisRekaman
	MenggantikanID string
	Alasan         string
}

// Koreksi adds a KOREKSI record with its reason. With MenggantikanID the replaced
// record is kept and marked dikoreksi, so that it no longer counts. ADMIN_INSTANSI,
// or ADMIN_UNIT for pegawai of its subtree.
func (s *Kehadiran) Koreksi(ctx context.Context, in KoreksiInput) (domain.Kehadiran, error) {
	a, i, loc, today, err := s.setup(ctx)
	if err != nil {
		return domain.Kehadiran{}, err
	}
	scope, err := orgWriteScope(a)
	if err != nil {
		return domain.Kehadiran{}, err
	}
	p, err := s.Store.PegawaiByNIP(ctx, i.ID, in.NIP)
	if err != nil {
		return domain.Kehadiran{}, missingAs(err, "nip", "Pegawai")
	}
	v, err := s.Store.PegawaiViewByID(ctx, i.ID, p.ID, today)
	if err != nil && !isNotFound(err) {
		return domain.Kehadiran{}, err
	}
	if scope != "" && !domain.InSubtree(v.UnitPath, scope) {
		return domain.Kehadiran{}, domain.MissingRef("nip", "Pegawai")
	}
	if v.UnitKerjaID != "" {
		u, err := s.Store.GetUnitKerja(ctx, i.ID, v.UnitKerjaID)
		if err != nil {
			return domain.Kehadiran{}, err
		}
		if u.ZonaWaktu != "" {
			loc = zonaKehadiran(u.ZonaWaktu)
		}
	}
	now := s.Now()
	waktu := domain.WaktuRekaman(in.Waktu)
	if err := domain.CekWaktuRekaman(waktu.In(loc), now, p.TMT); err != nil {
		return domain.Kehadiran{}, err
	}
	alasan := strings.TrimSpace(in.Alasan)
	if alasan == "" {
		return domain.Kehadiran{}, domain.Invalid("alasan", "alasan_required", "Alasan koreksi wajib diisi.",
			"The reason for the correction is required.")
	}
	k := domain.Kehadiran{InstansiID: i.ID, PegawaiID: p.ID, Waktu: waktu, Sumber: domain.SumberKoreksi,
		MenggantikanID: in.MenggantikanID, Alasan: alasan, DicatatOleh: a.Name, CreatedAt: now.UTC()}
	if in.Jenis != nil {
		k.Jenis = *in.Jenis
	}
	var out domain.Kehadiran
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		var before *domain.Kehadiran
		if in.MenggantikanID != "" {
			orig, err := s.Store.GetKehadiran(ctx, i.ID, in.MenggantikanID, today)
			if err != nil {
				return missingAs(err, "menggantikan_id", "Kehadiran")
			}
			if orig.PegawaiID != p.ID {
				return domain.Invalid("menggantikan_id", "kehadiran_pegawai_lain",
					"Rekaman yang dikoreksi milik pegawai lain.", "The replaced record belongs to another pegawai.")
			}
			if in.Jenis == nil {
				k.Jenis = orig.Jenis
			}
			// marked first, so that a correction may keep the replaced record's second
			if err := s.Store.MarkKehadiranDikoreksi(ctx, i.ID, orig.ID); err != nil {
				return err
			}
			before = &orig
		}
		id, err := s.Store.AddKehadiran(ctx, k)
		if err != nil {
			return err
		}
		if out, err = s.Store.GetKehadiran(ctx, i.ID, id, today); err != nil {
			return err
		}
		if before != nil {
			return s.record(ctx, i.ID, "UPDATE", "kehadiran", before.ID, before, out)
		}
		return s.record(ctx, i.ID, "CREATE", "kehadiran", id, nil, out)
	})
	if err != nil {
		return domain.Kehadiran{}, err
	}
	return lokalSatu(out), nil
}

// Import formats.
const (
	ImporCSV    = "CSV"
	ImporATTLOG = "ATTLOG"
)

// ImporKehadiranInput is a clock-record file to import.
type ImporKehadiranInput struct {
	Format string // ImporCSV or ImporATTLOG
	Mesin  string // the machine whose user-id mapping applies (ATTLOG)
	DryRun bool
	Body   io.Reader
}

// ImporKehadiranHasil says what an import did, or would do. Errors lists at most
// maxImporErrors wrong rows; Salah counts them all.
type ImporKehadiranHasil struct {
	Total, Ditambahkan, SudahAda int
	DryRun                       bool
	Salah                        int
	Errors                       []domain.BarisError
}

// maxImporErrors bounds the report of a file that is wrong throughout.
const maxImporErrors = 1000

// pemeriksaImpor checks rows and collects them or their errors.
type pemeriksaImpor struct {
	now      time.Time
	loc      *time.Location
	scope    string
	byNIP    map[string]*domain.PegawaiRekaman
	byID     map[string]*domain.PegawaiRekaman
	rows     []domain.RekamanPegawai
	errs     []domain.BarisError
	lastBad  int
	badLines int
}

func (m *pemeriksaImpor) fail(e domain.BarisError) {
	if e.Baris != m.lastBad {
		m.badLines++
		m.lastBad = e.Baris
	}
	if len(m.errs) < maxImporErrors {
		m.errs = append(m.errs, e)
	}
}

// add checks one good line: the pegawai's reach and the time against now and TMT.
func (m *pemeriksaImpor) add(baris int, kolom string, p *domain.PegawaiRekaman, r domain.Rekaman) {
	if m.scope != "" && !domain.InSubtree(p.UnitPath, m.scope) {
		m.fail(domain.BarisError{Baris: baris, Kolom: kolom, Kode: "outside_unit", Text: domain.Text{
			ID: "Pegawai ini di luar unit yang Anda kelola.", EN: "This pegawai is outside the unit you administer."}})
		return
	}
	if err := domain.CekWaktuRekaman(r.Waktu.In(m.loc), m.now, p.TMT); err != nil {
		if de, ok := domain.AsError(err); ok && len(de.Fields) > 0 {
			m.fail(domain.BarisError{Baris: baris, Kolom: de.Fields[0].Field, Kode: de.Fields[0].Code, Text: de.Fields[0].Text})
			return
		}
		m.fail(domain.BarisError{Baris: baris, Kolom: "waktu", Kode: "waktu_invalid", Text: domain.Text{ID: err.Error(), EN: err.Error()}})
		return
	}
	m.rows = append(m.rows, domain.RekamanPegawai{PegawaiID: p.ID, Rekaman: r})
}

// Import reads a CSV or ATTLOG file of clock records in the instansi's zone. It is all
// or nothing: if any row is wrong (malformed, unknown NIP, unmapped machine user id,
// outside the ADMIN_UNIT's subtree, in the future or before the pegawai's TMT), the
// report lists the wrong rows and nothing is written. Otherwise every row is stored
// in one transaction, skipping those already stored (same pegawai, same second), so
// importing a file twice adds nothing.
func (s *Kehadiran) Import(ctx context.Context, in ImporKehadiranInput) (ImporKehadiranHasil, error) {
	a, i, loc, today, err := s.setup(ctx)
	if err != nil {
		return ImporKehadiranHasil{}, err
	}
	scope, err := orgWriteScope(a)
	if err != nil {
		return ImporKehadiranHasil{}, err
	}
	in.Mesin = strings.TrimSpace(in.Mesin)
	if in.Format == ImporATTLOG && in.Mesin == "" {
		return ImporKehadiranHasil{}, domain.Invalid("mesin", "mesin_required",
			"Kode mesin wajib untuk impor ATTLOG: pemetaan ID pengguna mesin itulah yang dipakai.",
			"The machine code is required for an ATTLOG import: its user-id mapping applies.")
	}
	peg, err := s.Store.PegawaiRekaman(ctx, i.ID, today)
	if err != nil {
		return ImporKehadiranHasil{}, err
	}
	m := &pemeriksaImpor{now: s.Now(), loc: loc, scope: scope, byNIP: make(map[string]*domain.PegawaiRekaman, len(peg)),
		byID: make(map[string]*domain.PegawaiRekaman, len(peg))}
	for j := range peg {
		m.byNIP[peg[j].NIP], m.byID[peg[j].ID] = &peg[j], &peg[j]
	}
	sumber := domain.SumberCSV
	switch in.Format {
	case ImporATTLOG:
		sumber = domain.SumberMesin
		if err := s.readATTLOG(ctx, i.ID, in, m); err != nil {
			return ImporKehadiranHasil{}, err
		}
	default:
		s.readCSV(in, m)
	}
	rep := ImporKehadiranHasil{Total: len(m.rows) + m.badLines, DryRun: in.DryRun, Salah: m.badLines, Errors: m.errs}
	if m.badLines > 0 {
		return rep, nil
	}
	if in.DryRun {
		rep.SudahAda, err = s.alreadyStored(ctx, i.ID, m.rows)
		rep.Ditambahkan = len(m.rows) - rep.SudahAda
		return rep, err
	}
	b := domain.ImporRekaman{InstansiID: i.ID, Sumber: sumber, DicatatOleh: a.Name, CreatedAt: m.now.UTC(), Rekaman: m.rows}
	err = s.Store.InBulkTx(ctx, func(ctx context.Context) error {
		n, err := s.Store.ImporKehadiran(ctx, b)
		if err != nil {
			return err
		}
		rep.Ditambahkan, rep.SudahAda = n, len(m.rows)-n
		return s.record(ctx, i.ID, "IMPORT", "kehadiran", "impor", nil, map[string]any{
			"format": in.Format, "mesin": in.Mesin, "total": rep.Total, "ditambahkan": rep.Ditambahkan, "sudah_ada": rep.SudahAda})
	})
	if err != nil {
		return ImporKehadiranHasil{}, err
	}
	return rep, nil
}

func (s *Kehadiran) readCSV(in ImporKehadiranInput, m *pemeriksaImpor) {
	rows, errs := domain.ParseKehadiranCSV(in.Body, m.loc)
	m.rows = make([]domain.RekamanPegawai, 0, len(rows))
	// parse errors and row checks interleave by line
	j := 0
	for _, r := range rows {
		for ; j < len(errs) && errs[j].Baris < r.Baris; j++ {
			m.fail(errs[j])
		}
		p, ok := m.byNIP[r.NIP]
		if !ok {
			m.fail(domain.BarisError{Baris: r.Baris, Kolom: "nip", Kode: "pegawai_not_found", Text: domain.Text{
				ID: fmt.Sprintf("Pegawai dengan NIP %s tidak ada di instansi ini.", r.NIP),
				EN: fmt.Sprintf("No pegawai with NIP %s in this instansi.", r.NIP)}})
			continue
		}
		m.add(r.Baris, "nip", p, domain.Rekaman{Waktu: r.Waktu, Jenis: r.Jenis})
	}
	for ; j < len(errs); j++ {
		m.fail(errs[j])
	}
	slices.SortStableFunc(m.errs, func(x, y domain.BarisError) int { return x.Baris - y.Baris })
}

// readATTLOG streams the file: each line is mapped and checked as it is read, so
// that only the records to store are held.
func (s *Kehadiran) readATTLOG(ctx context.Context, inst string, in ImporKehadiranInput, m *pemeriksaImpor) error {
	maps, err := s.Store.ListPemetaanMesin(ctx, inst, in.Mesin)
	if err != nil {
		return err
	}
	users := make(map[string]*domain.PegawaiRekaman, len(maps))
	for _, p := range maps {
		if pr, ok := m.byID[p.PegawaiID]; ok {
			users[p.UserID] = pr
		}
	}
	membedakan := false
	domain.ScanATTLOG(in.Body, m.loc, func(b domain.BarisATTLOG, e *domain.BarisError) bool {
		if e != nil {
			m.fail(*e)
			return true
		}
		p, ok := users[b.UserID]
		if !ok {
			m.fail(domain.BarisError{Baris: b.Baris, Kolom: "user_id", Kode: "attlog_user_unmapped", Text: domain.Text{
				ID: fmt.Sprintf("ID pengguna %s belum dipetakan ke NIP untuk mesin %s.", b.UserID, in.Mesin),
				EN: fmt.Sprintf("User id %s is not mapped to a NIP for machine %s.", b.UserID, in.Mesin)}})
			return true
		}
		membedakan = membedakan || b.MembedakanStatus()
		m.add(b.Baris, "user_id", p, domain.Rekaman{Waktu: b.Waktu, Jenis: b.JenisMenurutStatus()})
		return true
	})
	if !membedakan {
		// a machine that records every punch as 0: position in the day decides
		for j := range m.rows {
			m.rows[j].Jenis = domain.RekamanTidakDiketahui
		}
	}
	return nil
}

// alreadyStored counts the rows an import would skip: stored already, or repeated
// within the file.
func (s *Kehadiran) alreadyStored(ctx context.Context, inst string, rows []domain.RekamanPegawai) (int, error) {
	if len(rows) == 0 {
		return 0, nil
	}
	from, to := rows[0].Waktu, rows[0].Waktu
	for _, r := range rows {
		if r.Waktu.Before(from) {
			from = r.Waktu
		}
		if r.Waktu.After(to) {
			to = r.Waktu
		}
	}
	stored, err := s.Store.KehadiranRange(ctx, inst, domain.WaktuRekaman(from), domain.WaktuRekaman(to).Add(time.Second))
	if err != nil {
		return 0, err
	}
	type key struct {
		pegawai string
		detik   int64
	}
	seen := make(map[key]bool, len(rows))
	for p, rs := range stored {
		for _, r := range rs {
			seen[key{p, r.Waktu.Unix()}] = true
		}
	}
	n := 0
	for _, r := range rows {
		k := key{r.PegawaiID, domain.WaktuRekaman(r.Waktu).Unix()}
		if seen[k] {
			n++
		}
		seen[k] = true
	}
	return n, nil
}

// ListPemetaan returns the machine user-id mappings (of one machine when mesin is
// set). Administrators, AUDITOR and KEUANGAN read them.
func (s *Kehadiran) ListPemetaan(ctx context.Context, mesin string) ([]domain.PemetaanMesin, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, err
	}
	if err := requireRole(a, domain.RoleAdminInstansi, domain.RoleAdminUnit, domain.RoleAuditor, domain.RoleKeuangan); err != nil {
		return nil, err
	}
	return s.Store.ListPemetaanMesin(ctx, inst, strings.TrimSpace(mesin))
}

// PutPemetaan inserts or replaces mappings by (machine, user id) and returns how many
// it saved. ADMIN_INSTANSI only: a machine's users span units.
func (s *Kehadiran) PutPemetaan(ctx context.Context, items []domain.PemetaanMesin) (int, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return 0, err
	}
	if err := requireWrite(a); err != nil {
		return 0, err
	}
	if err := requireRole(a, domain.RoleAdminInstansi); err != nil {
		return 0, err
	}
	var v domain.Validation
	nips := make([]string, 0, len(items))
	type key struct{ mesin, user string }
	seen := make(map[key]int, len(items))
	for n := range items {
		m := &items[n]
		m.Mesin, m.UserID = strings.TrimSpace(m.Mesin), strings.TrimSpace(m.UserID)
		if m.Mesin == "" {
			v.Add(fmt.Sprintf("items/%d/mesin", n), "mesin_required", "Kode mesin wajib diisi.", "The machine code is required.")
		}
		if m.UserID == "" {
			v.Add(fmt.Sprintf("items/%d/user_id", n), "user_id_required", "ID pengguna mesin wajib diisi.", "The machine user id is required.")
		}
		if first, dup := seen[key{m.Mesin, m.UserID}]; dup {
			v.Add(fmt.Sprintf("items/%d/user_id", n), "pemetaan_duplicate",
				fmt.Sprintf("Mesin %s dan ID pengguna %s sudah ada di butir %d.", m.Mesin, m.UserID, first),
				fmt.Sprintf("Machine %s and user id %s already appear in item %d.", m.Mesin, m.UserID, first))
		}
		seen[key{m.Mesin, m.UserID}] = n
		nips = append(nips, m.NIP)
	}
	ids, err := s.Store.PegawaiIDByNIP(ctx, inst, nips)
	if err != nil {
		return 0, err
	}
	for n := range items {
		id, ok := ids[items[n].NIP]
		if !ok {
			v.Add(fmt.Sprintf("items/%d/nip", n), "pegawai_not_found",
				fmt.Sprintf("Pegawai dengan NIP %s tidak ada di instansi ini.", items[n].NIP),
				fmt.Sprintf("No pegawai with NIP %s in this instansi.", items[n].NIP))
		}
		items[n].PegawaiID = id
	}
	if err := v.Err(); err != nil {
		return 0, err
	}
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		prev, err := s.Store.ListPemetaanMesin(ctx, inst, "")
		if err != nil {
			return err
		}
		var before []domain.PemetaanMesin
		for _, p := range prev {
			if _, ok := seen[key{p.Mesin, p.UserID}]; ok {
				before = append(before, p)
			}
		}
		if err := s.Store.PutPemetaanMesin(ctx, inst, items); err != nil {
			return err
		}
		return s.record(ctx, inst, "UPDATE", "pemetaan_mesin", "pemetaan", map[string]any{"items": before}, map[string]any{"items": items})
	})
	if err != nil {
		return 0, err
	}
	return len(items), nil
}
