package service

import (
	"context"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// IzinStore is the storage Izin needs.
type IzinStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	PegawaiViewByNIP(ctx context.Context, instansiID, nip string, asOf time.Time) (domain.PegawaiView, error)
	PegawaiViewByID(ctx context.Context, instansiID, pegawaiID string, asOf time.Time) (domain.PegawaiView, error)
	LockPegawai(ctx context.Context, instansiID, pegawaiID string) error
	IzinBentrok(ctx context.Context, instansiID, pegawaiID string, mulai, selesai time.Time) (domain.Izin, bool, error)
	CreateIzin(ctx context.Context, z domain.Izin) error
	GetIzin(ctx context.Context, instansiID, id string, asOf time.Time) (domain.Izin, error)
	ListIzin(ctx context.Context, f domain.IzinFilter) ([]domain.Izin, int64, error)
	PutuskanIzin(ctx context.Context, z domain.Izin) error
}

// Izin manages absence documents (cuti, dinas luar, tugas belajar, WFA): filed by the
// pegawai (or by an administrator for them), decided once by the pegawai's rater or an
// administrator; approved ones excuse the days they cover.
//
// Access: the pegawai reads and files their own; the rater (the first in the reporting
// chain today) reads and decides their direct subordinates'; ADMIN_UNIT reads, files
// and decides within its unit subtree and ADMIN_INSTANSI in the whole instansi;
// AUDITOR and KEUANGAN (which pays on attendance) read everything. Nobody decides
// their own document. A pegawai's unit is the one they are placed in today.
type Izin struct {
	Base
	Store IzinStore
	Org   ReportingChain
}

// IzinInput is a document to file; NIP "" files it for the caller.
type IzinInput struct {
	NIP        string
	Jenis      domain.JenisIzin
	Mulai      time.Time
	Selesai    time.Time
	AnakKe     int
	NomorSurat string
	Keterangan string
}

// izinPenilai is the pegawai's rater on d, "" when they have none (no position, or
// nobody above it).
func izinPenilai(ctx context.Context, org ReportingChain, inst, pegawaiID string, d time.Time) (string, error) {
	chain, err := org.Chain(ctx, inst, pegawaiID, d)
	switch {
	case isNotFound(err):
		return "", nil
	case err != nil:
		return "", err
	case len(chain) == 0:
		return "", nil
	}
	return chain[0].PegawaiID, nil
}

// requirePengelola fails unless the caller records decisions about pegawai: an
// ADMIN_INSTANSI, or an ADMIN_UNIT (for pegawai in its subtree, see pegawaiKelolaan).
func requirePengelola(a domain.Actor) error {
	if err := requireWrite(a); err != nil {
		return err
	}
	return requireRole(a, domain.RoleAdminInstansi, domain.RoleAdminUnit)
}

// pegawaiKelolaan finds the pegawai a decision is recorded for, as of today, within
// the administrator's scope (outside it: not found, naming nip), and returns today.
func pegawaiKelolaan(ctx context.Context, b Base, store interface {
	instansiReader
	PegawaiViewByNIP(ctx context.Context, instansiID, nip string, asOf time.Time) (domain.PegawaiView, error)
}, a domain.Actor, inst, nip string) (domain.PegawaiView, time.Time, error) {
	today, err := b.today(ctx, store, inst)
	if err != nil {
		return domain.PegawaiView{}, today, err
	}
	v, err := store.PegawaiViewByNIP(ctx, inst, nip, today)
	if err != nil {
		return v, today, missingAs(err, "nip", "Pegawai")
	}
	if !kinAdminCovers(a, v.UnitPath) {
		return v, today, domain.MissingRef("nip", "Pegawai")
	}
	return v, today, nil
}

// bacaTentangPegawai reads one record about a pegawai (an absence document, a sanction,
// a flexible arrangement) as of today and hides it (404 entity) from callers outside
// that pegawai's reach (izinBaca).
func bacaTentangPegawai[T any](ctx context.Context, b Base, store instansiReader, org ReportingChain, entity string,
	get func(ctx context.Context, inst string, today time.Time) (T, error), milik func(T) (pegawaiID, unitPath string)) (T, error) {
	var zero T
	a, inst, err := tenant(ctx)
	if err != nil {
		return zero, err
	}
	today, err := b.today(ctx, store, inst)
	if err != nil {
		return zero, err
	}
	x, err := get(ctx, inst, today)
	if err != nil {
		return zero, err
	}
	pegawaiID, unitPath := milik(x)
	ok, err := izinBaca(ctx, org, a, inst, pegawaiID, unitPath, today)
	if err != nil {
		return zero, err
	}
	if !ok {
		return zero, domain.NotFound(entity)
	}
	return x, nil
}

// izinBaca reports whether the caller reads the attendance records (absence
// documents, sanctions) of a pegawai placed in unitPath: themself, their rater, the
// administrators in scope, AUDITOR and KEUANGAN.
func izinBaca(ctx context.Context, org ReportingChain, a domain.Actor, inst, pegawaiID, unitPath string, today time.Time) (bool, error) {
	if kinReadsUnit(a, unitPath) || a.Has(domain.RoleKeuangan) {
		return true, nil
	}
	if a.PegawaiID == "" {
		return false, nil
	}
	if a.PegawaiID == pegawaiID {
		return true, nil
	}
	rater, err := izinPenilai(ctx, org, inst, pegawaiID, today)
	return rater != "" && rater == a.PegawaiID, err
}

// izinJangkauan is how far a list of attendance records reaches for the caller: the
// whole instansi for its readers and KEUANGAN; otherwise an ADMIN_UNIT's subtree plus,
// for a pegawai, themself and whom they rate today.
func izinJangkauan(ctx context.Context, org ReportingChain, a domain.Actor, inst string, today time.Time) (domain.Jangkauan, error) {
	if kinReadsAll(a) || a.Has(domain.RoleKeuangan) {
		return domain.Jangkauan{Semua: true}, nil
	}
	var j domain.Jangkauan
	if a.Has(domain.RoleAdminUnit) && a.UnitPath != "" {
		j.ScopePath = a.UnitPath
	}
	if a.PegawaiID != "" {
		ids, err := izinBawahan(ctx, org, inst, a.PegawaiID, today)
		if err != nil {
			return j, err
		}
		j.PegawaiIDs = append([]string{a.PegawaiID}, ids...)
	}
	if j.ScopePath == "" && len(j.PegawaiIDs) == 0 {
		return j, domain.ErrForbidden
	}
	return j, nil
}

// izinBawahan lists the ids of whom pegawaiID rates on d.
func izinBawahan(ctx context.Context, org ReportingChain, inst, pegawaiID string, d time.Time) ([]string, error) {
	bs, err := org.Subordinates(ctx, inst, pegawaiID, d)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(bs))
	for _, b := range bs {
		ids = append(ids, b.PegawaiID)
	}
	return ids, nil
}

// List returns a page of documents within the caller's reach. perluPersetujuan keeps
// only filed documents the caller may decide: their subordinates' and, for an
// administrator, those in scope, never their own.
func (s *Izin) List(ctx context.Context, f domain.IzinFilter, perluPersetujuan bool, pg Page) ([]domain.Izin, int64, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return nil, 0, err
	}
	f.InstansiID, f.AsOf, f.Offset, f.Limit = inst, today, pg.Offset(), pg.Size
	if !perluPersetujuan {
		if f.Jangkauan, err = izinJangkauan(ctx, s.Org, a, inst, today); err != nil {
			return nil, 0, err
		}
		return s.Store.ListIzin(ctx, f)
	}
	if (f.Status != "" && f.Status != domain.IzinDiajukan) || !a.CanWrite() {
		return nil, 0, nil
	}
	f.Status, f.KecualiID = domain.IzinDiajukan, a.PegawaiID
	switch {
	case a.HasAny(domain.RoleSuperadmin, domain.RoleAdminInstansi):
		f.Jangkauan = domain.Jangkauan{Semua: true}
	default:
		if a.Has(domain.RoleAdminUnit) {
			f.Jangkauan.ScopePath = a.UnitPath
		}
		if a.PegawaiID != "" {
			if f.Jangkauan.PegawaiIDs, err = izinBawahan(ctx, s.Org, inst, a.PegawaiID, today); err != nil {
				return nil, 0, err
			}
		}
	}
	return s.Store.ListIzin(ctx, f)
}

// Create files a document, DIAJUKAN. The dates must run forward from the pegawai's
// TMT and must not meet another filed or approved document of the same pegawai.
func (s *Izin) Create(ctx context.Context, in IzinInput) (domain.Izin, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.Izin{}, err
	}
	if err := requireWrite(a); err != nil {
		return domain.Izin{}, err
	}
	baru := domain.IzinBaru{Jenis: in.Jenis, Mulai: domain.Date(in.Mulai, time.UTC),
		Selesai: domain.Date(in.Selesai, time.UTC), AnakKe: in.AnakKe}
	if err := baru.Validate(); err != nil {
		return domain.Izin{}, err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return domain.Izin{}, err
	}
	var v domain.PegawaiView
	switch {
	case in.NIP != "":
		if v, err = s.Store.PegawaiViewByNIP(ctx, inst, in.NIP, today); err != nil {
			return domain.Izin{}, missingAs(err, "nip", "Pegawai")
		}
	case a.PegawaiID != "":
		if v, err = s.Store.PegawaiViewByID(ctx, inst, a.PegawaiID, today); err != nil {
			return domain.Izin{}, err
		}
	case a.HasAny(domain.RoleSuperadmin, domain.RoleAdminInstansi, domain.RoleAdminUnit):
		return domain.Izin{}, domain.Invalid("nip", "required", "NIP pegawai wajib diisi.", "The pegawai's NIP is required.")
	default:
		return domain.Izin{}, domain.ErrForbidden
	}
	own := a.PegawaiID != "" && a.PegawaiID == v.Pegawai.ID
	if !own && !kinAdminCovers(a, v.UnitPath) {
		ok, err := izinBaca(ctx, s.Org, a, inst, v.Pegawai.ID, v.UnitPath, today)
		if err != nil {
			return domain.Izin{}, err
		}
		if ok {
			return domain.Izin{}, domain.Forbidden("Izin diajukan oleh pegawai sendiri atau oleh admin yang berwenang.",
				"A document is filed by the pegawai themself or by an administrator in scope.")
		}
		return domain.Izin{}, domain.MissingRef("nip", "Pegawai")
	}
	if err := baru.CekTMT(v.Pegawai.TMT); err != nil {
		return domain.Izin{}, err
	}
	z := domain.Izin{ID: newID(), InstansiID: inst, PegawaiID: v.Pegawai.ID, Jenis: baru.Jenis, Mulai: baru.Mulai,
		Selesai: baru.Selesai, AnakKe: baru.AnakKe, NomorSurat: strings.TrimSpace(in.NomorSurat),
		Keterangan: strings.TrimSpace(in.Keterangan), Status: domain.IzinDiajukan, DibuatOleh: a.Name, Version: 1,
		CreatedAt: s.Now().UTC()}
	var out domain.Izin
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		// Serialise filings for this pegawai so that the overlap check holds.
		if err := s.Store.LockPegawai(ctx, inst, z.PegawaiID); err != nil {
			return err
		}
		lain, ada, err := s.Store.IzinBentrok(ctx, inst, z.PegawaiID, z.Mulai, z.Selesai)
		if err != nil {
			return err
		}
		if ada {
			return domain.IzinBentrok(lain)
		}
		if err := s.Store.CreateIzin(ctx, z); err != nil {
			return err
		}
		if out, err = s.Store.GetIzin(ctx, inst, z.ID, today); err != nil {
			return err
		}
		return s.record(ctx, inst, "CREATE", "izin", out.ID, nil, out)
	})
	return out, err
}

// Get reads one document within the caller's reach.
func (s *Izin) Get(ctx context.Context, id string) (domain.Izin, error) {
	return bacaTentangPegawai(ctx, s.Base, s.Store, s.Org, "Izin",
		func(ctx context.Context, inst string, today time.Time) (domain.Izin, error) {
			return s.Store.GetIzin(ctx, inst, id, today)
		},
		func(z domain.Izin) (string, string) { return z.PegawaiID, z.UnitPath })
}

// Putuskan approves (DISETUJUI) or refuses (DITOLAK, with a note) a filed document:
// the pegawai's rater today or an administrator in scope, never the pegawai themself;
// a document is decided once.
func (s *Izin) Putuskan(ctx context.Context, id string, keputusan domain.StatusDokumenIzin, catatan string) (domain.Izin, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.Izin{}, err
	}
	if err := requireWrite(a); err != nil {
		return domain.Izin{}, err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return domain.Izin{}, err
	}
	var out domain.Izin
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		before, err := s.Store.GetIzin(ctx, inst, id, today)
		if err != nil {
			return err
		}
		if err := s.mayDecide(ctx, a, inst, before, today); err != nil {
			return err
		}
		after, err := before.Putuskan(keputusan, catatan, a.Name, s.Now())
		if err != nil {
			return err
		}
		after.Version = before.Version + 1
		if err := s.Store.PutuskanIzin(ctx, after); err != nil {
			return err
		}
		if out, err = s.Store.GetIzin(ctx, inst, id, today); err != nil {
			return err
		}
		return s.record(ctx, inst, "UPDATE", "izin", id, before, out)
	})
	return out, err
}

// mayDecide checks that the caller decides z: 404 when they cannot even read it, 403
// when they read it but do not decide it (their own, or read-only roles).
func (s *Izin) mayDecide(ctx context.Context, a domain.Actor, inst string, z domain.Izin, today time.Time) error {
	me := a.PegawaiID
	if me != "" && me == z.PegawaiID {
		return domain.Forbidden("Pegawai tidak dapat memutus izinnya sendiri.", "A pegawai cannot decide their own document.")
	}
	if kinAdminCovers(a, z.UnitPath) {
		return nil
	}
	rater := ""
	if me != "" {
		var err error
		if rater, err = izinPenilai(ctx, s.Org, inst, z.PegawaiID, today); err != nil {
			return err
		}
		if rater == me {
			return nil
		}
	}
	if kinReadsUnit(a, z.UnitPath) || a.Has(domain.RoleKeuangan) {
		return domain.Forbidden("Izin diputus oleh atasan langsung pegawai atau admin yang berwenang.",
			"A document is decided by the pegawai's rater or an administrator in scope.")
	}
	return domain.NotFound("Izin")
}
