package service

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// PegawaiStore is the storage Pegawai needs.
type PegawaiStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	PegawaiViewByID(ctx context.Context, instansiID, pegawaiID string, asOf time.Time) (domain.PegawaiView, error)
	PegawaiViewByNIP(ctx context.Context, instansiID, nip string, asOf time.Time) (domain.PegawaiView, error)
	ListPegawaiView(ctx context.Context, f domain.PegawaiFilter) ([]domain.PegawaiView, int64, error)
	PegawaiByNIP(ctx context.Context, instansiID, nip string) (domain.Pegawai, error)
	ListPegawaiInstansi(ctx context.Context, instansiID string) ([]domain.Pegawai, error)
	CreatePegawai(ctx context.Context, p domain.Pegawai) (domain.Pegawai, error)
	CreatePegawaiBatch(ctx context.Context, ps []domain.Pegawai) error
	UpdatePegawai(ctx context.Context, p domain.Pegawai) (domain.Pegawai, error)
	CreateRiwayat(ctx context.Context, r domain.Riwayat) (domain.Riwayat, error)
	CreateRiwayatBatch(ctx context.Context, rs []domain.Riwayat) error
	ListRiwayatPegawai(ctx context.Context, instansiID, pegawaiID string) ([]domain.Riwayat, error)
	ListRiwayatInstansi(ctx context.Context, instansiID string) ([]domain.Riwayat, error)
	PegawaiJabatanNodes(ctx context.Context, instansiID string) ([]domain.JabatanNode, error)
	PegawaiJabatanNode(ctx context.Context, instansiID, jabatanID string) (domain.JabatanNode, error)
	PegawaiPemangku(ctx context.Context, instansiID string, jabatanIDs []string, d time.Time) ([]domain.PemangkuJabatan, error)
	PegawaiPlt(ctx context.Context, instansiID string, jabatanIDs []string, d time.Time) ([]domain.PemangkuJabatan, error)
}

// Pegawai manages employees: identity, effective-dated history and reporting lines.
//
// Access: ADMIN_INSTANSI (and SUPERADMIN, and API clients) everything in the instansi;
// ADMIN_UNIT the employees of its unit subtree; KEUANGAN and AUDITOR read everything and
// write nothing; PEGAWAI reads their own record, riwayat and reporting line, and the
// records of the people in that line and of their subordinates.
type Pegawai struct {
	Base
	Store PegawaiStore
}

// PegawaiInput is a new employee with their first position.
type PegawaiInput struct {
	NIP, Nama, GelarDepan, GelarBelakang string
	JenisASN                             domain.JenisASN
	TMT                                  time.Time
	Golongan                             string
	JabatanID                            string
	Status                               domain.StatusKepegawaian // empty: AKTIF
	BerlakuMulai                         *time.Time               // nil: TMT
	Email, Telepon                       string
	Rekening                             *domain.Rekening
}

// PegawaiPatch changes identity and contact fields; nil fields stay. SetRekening with
// a nil Rekening clears the account.
type PegawaiPatch struct {
	Nama, GelarDepan, GelarBelakang, Email, Telepon *string
	SetRekening                                     bool
	Rekening                                        *domain.Rekening
}

// RiwayatInput is a change of position, golongan or status from a date; nil fields
// carry over from the state in force on that date.
type RiwayatInput struct {
	Jenis        string
	BerlakuMulai time.Time
	JabatanID    *string
	Golongan     *string
	Status       *domain.StatusKepegawaian
	NomorSK      string
	Keterangan   string
}

// ReportingLine is an employee's reporting line on a date.
type ReportingLine struct {
	Pegawai domain.PegawaiView
	// Rantai lists every superior, nearest first: [0] is the rater (penilai), [1] the
	// rater's superior (atasan penilai).
	Rantai []domain.Atasan
}

// Bawahan is a subordinate: who, and the position they hold.
type Bawahan struct {
	domain.Pemangku
	Jabatan domain.JabatanNode
}

// scope returns the caller, the instansi the request acts in and its "today".
func (s *Pegawai) scope(ctx context.Context) (domain.Actor, string, time.Time, error) {
	a, id, err := tenant(ctx)
	if err != nil {
		return a, "", time.Time{}, err
	}
	today, err := s.today(ctx, s.Store, id)
	if err != nil {
		return a, "", time.Time{}, err
	}
	return a, id, today, nil
}

// pegDateOr is the requested as-of date, or today.
func pegDateOr(d *time.Time, today time.Time) time.Time {
	if d == nil {
		return today
	}
	return domain.Date(*d, time.UTC)
}

// pegReadsAll reports whether the caller reads every employee of the instansi.
func pegReadsAll(a domain.Actor) bool {
	return a.HasAny(domain.RoleSuperadmin, domain.RoleAdminInstansi, domain.RoleKeuangan, domain.RoleAuditor)
}

// pegWritesAll reports whether the caller changes every employee of the instansi.
func pegWritesAll(a domain.Actor) bool {
	return a.HasAny(domain.RoleSuperadmin, domain.RoleAdminInstansi)
}

// requireRead fails for API clients with neither the read nor the write scope.
func pegRequireRead(a domain.Actor) error {
	if a.ClientID != "" && !slices.Contains(a.Scopes, "read") && !slices.Contains(a.Scopes, "write") {
		return domain.Forbidden("Klien API ini tidak memiliki izin baca.", "This API client lacks the read scope.")
	}
	return nil
}

// requireWriter fails unless the caller may change some employees at all.
func pegRequireWriter(a domain.Actor) error {
	if err := requireWrite(a); err != nil {
		return err
	}
	return requireRole(a, domain.RoleAdminInstansi, domain.RoleAdminUnit)
}

// coversUnit reports whether a writer reaches employees and positions of the unit.
func pegCoversUnit(a domain.Actor, unitPath string) bool {
	return pegWritesAll(a) || (a.Has(domain.RoleAdminUnit) && a.CoversUnit(unitPath))
}

var errPegawaiOutsideUnit = domain.Forbidden("Jabatan tujuan berada di luar unit kerja yang Anda kelola.",
	"The target position is outside the unit you administer.")

// canSee decides whether the caller reads the employee v as of d. related extends a
// PEGAWAI's reach to their reporting line and their subordinates.
func (s *Pegawai) canSee(ctx context.Context, a domain.Actor, instansiID string, v domain.PegawaiView, d time.Time, related bool) (bool, error) {
	switch {
	case pegReadsAll(a):
		return true, nil
	case a.Has(domain.RoleAdminUnit) && a.CoversUnit(v.UnitPath):
		return true, nil
	case a.PegawaiID != "" && a.PegawaiID == v.Pegawai.ID:
		return true, nil
	case !related || a.PegawaiID == "" || !a.Has(domain.RolePegawai):
		return false, nil
	}
	self, err := s.Store.PegawaiViewByID(ctx, instansiID, a.PegawaiID, d)
	if err != nil {
		if isNotFound(err) {
			return false, nil
		}
		return false, err
	}
	rantai, err := s.rantai(ctx, instansiID, self.Pegawai.ID, self.JabatanID, d)
	if err != nil {
		return false, err
	}
	for _, r := range rantai {
		if r.PegawaiID == v.Pegawai.ID {
			return true, nil
		}
	}
	bawahan, err := s.bawahan(ctx, instansiID, self.Pegawai.ID, d)
	if err != nil {
		return false, err
	}
	for _, b := range bawahan {
		if b.PegawaiID == v.Pegawai.ID {
			return true, nil
		}
	}
	return false, nil
}

// visible reads an employee as of d and checks the caller may see them.
func (s *Pegawai) visible(ctx context.Context, a domain.Actor, instansiID, nip string, d time.Time, related bool) (domain.PegawaiView, error) {
	v, err := s.Store.PegawaiViewByNIP(ctx, instansiID, nip, d)
	if err != nil {
		return domain.PegawaiView{}, err
	}
	ok, err := s.canSee(ctx, a, instansiID, v, d, related)
	if err != nil {
		return domain.PegawaiView{}, err
	}
	if !ok {
		return domain.PegawaiView{}, domain.NotFound("Pegawai")
	}
	return v, nil
}

// pegListScope applies the caller's reach to a list or an export.
func pegListScope(a domain.Actor, f *domain.PegawaiFilter) error {
	if err := pegRequireRead(a); err != nil {
		return err
	}
	switch {
	case pegReadsAll(a):
		return nil
	case a.Has(domain.RoleAdminUnit) && a.UnitPath != "":
		f.ScopePath = a.UnitPath
		return nil
	}
	return domain.Forbidden("Daftar pegawai hanya untuk admin, keuangan dan auditor.",
		"The employee list is for administrators, finance and auditors only.")
}

// List returns a page of employees as of asOf (default today).
func (s *Pegawai) List(ctx context.Context, f domain.PegawaiFilter, asOf *time.Time, pg Page) ([]domain.PegawaiView, int64, error) {
	a, id, today, err := s.scope(ctx)
	if err != nil {
		return nil, 0, err
	}
	if err := pegListScope(a, &f); err != nil {
		return nil, 0, err
	}
	f.InstansiID, f.AsOf = id, pegDateOr(asOf, today)
	f.Offset, f.Limit = pg.Offset(), pg.Size
	return s.Store.ListPegawaiView(ctx, f)
}

// Get reads one employee as of asOf (default today).
func (s *Pegawai) Get(ctx context.Context, nip string, asOf *time.Time) (domain.PegawaiView, error) {
	a, id, today, err := s.scope(ctx)
	if err != nil {
		return domain.PegawaiView{}, err
	}
	if err := pegRequireRead(a); err != nil {
		return domain.PegawaiView{}, err
	}
	return s.visible(ctx, a, id, nip, pegDateOr(asOf, today), true)
}

// pegJabatanNotFound names jabatan_id, so a client knows which reference failed.
func pegJabatanNotFound(id string) error {
	return &domain.Error{Kind: domain.KindNotFound, Code: "not_found",
		Text: domain.Text{ID: "Jabatan tidak ditemukan.", EN: "Jabatan not found."},
		Fields: []domain.FieldError{{Field: "jabatan_id", Code: "jabatan_not_found", Text: domain.Text{
			ID: fmt.Sprintf("Jabatan %s tidak ada di instansi ini.", id),
			EN: fmt.Sprintf("Position %s does not exist in this instansi.", id)}}}}
}

// jabatan reads a target position and checks the caller administers its unit.
func (s *Pegawai) jabatan(ctx context.Context, a domain.Actor, instansiID, id string) (domain.JabatanNode, error) {
	j, err := s.Store.PegawaiJabatanNode(ctx, instansiID, id)
	if err != nil {
		if isNotFound(err) {
			return j, pegJabatanNotFound(id)
		}
		return j, err
	}
	if !pegCoversUnit(a, j.UnitPath) {
		return j, errPegawaiOutsideUnit
	}
	return j, nil
}

// Create registers an employee with their first position (a PENGANGKATAN).
func (s *Pegawai) Create(ctx context.Context, in PegawaiInput) (domain.PegawaiView, error) {
	a, id, _, err := s.scope(ctx)
	if err != nil {
		return domain.PegawaiView{}, err
	}
	if err := pegRequireWriter(a); err != nil {
		return domain.PegawaiView{}, err
	}
	var v domain.Validation
	nip := strings.TrimSpace(in.NIP)
	info, nipErr := domain.ParseNIP(nip, in.JenisASN)
	v.Merge("", nipErr)
	v.Merge("", domain.ValidGolongan(in.JenisASN, in.Golongan))
	tmt := domain.Date(in.TMT, time.UTC)
	if nipErr == nil {
		v.Merge("", domain.ValidateTMT("tmt", info.BirthDate, tmt))
	}
	mulai := tmt
	if in.BerlakuMulai != nil {
		mulai = domain.Date(*in.BerlakuMulai, time.UTC)
		if mulai.Before(tmt) {
			v.Add("berlaku_mulai", "berlaku_before_tmt", "Berlaku mulai tidak boleh sebelum TMT.", "berlaku_mulai must not be before the TMT.")
		}
	}
	status := in.Status
	if status == "" {
		status = domain.StatusAktif
	}
	v.Merge("", domain.ValidStatus("status", string(status)))
	if strings.TrimSpace(in.Nama) == "" {
		v.Add("nama", "required", "Nama wajib diisi.", "nama is required.")
	}
	if err := v.Err(); err != nil {
		return domain.PegawaiView{}, err
	}
	j, err := s.jabatan(ctx, a, id, in.JabatanID)
	if err != nil {
		return domain.PegawaiView{}, err
	}
	now := s.Now().UTC()
	p := domain.Pegawai{InstansiID: id, NIP: nip, Nama: strings.TrimSpace(in.Nama), GelarDepan: strings.TrimSpace(in.GelarDepan),
		GelarBelakang: strings.TrimSpace(in.GelarBelakang), JenisASN: in.JenisASN, JenisKelamin: domain.JenisKelaminOf(info),
		TanggalLahir: info.BirthDate, TMT: tmt, Email: strings.TrimSpace(in.Email), Telepon: strings.TrimSpace(in.Telepon),
		Rekening: in.Rekening, CreatedAt: now, UpdatedAt: now}
	var out domain.PegawaiView
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		p, err = s.Store.CreatePegawai(ctx, p)
		if err != nil {
			return err
		}
		r, err := s.Store.CreateRiwayat(ctx, pegRiwayatAt(p, j, "PENGANGKATAN", mulai, in.Golongan, status, now))
		if err != nil {
			return err
		}
		out = domain.PegawaiView{Pegawai: p, Riwayat: r}
		return s.record(ctx, id, "CREATE", "pegawai", p.ID, nil, out)
	})
	return out, err
}

// pegRiwayatAt is a history entry putting p in position j from mulai; the riwayat's
// unit is always the position's unit.
func pegRiwayatAt(p domain.Pegawai, j domain.JabatanNode, jenis string, mulai time.Time, golongan string, status domain.StatusKepegawaian, now time.Time) domain.Riwayat {
	return domain.Riwayat{InstansiID: p.InstansiID, PegawaiID: p.ID, Jenis: jenis, BerlakuMulai: mulai,
		JabatanID: j.ID, JabatanNama: j.Nama, KelasJabatan: j.KelasJabatan, UnitKerjaID: j.UnitKerjaID,
		UnitKerjaNama: j.UnitKerjaNama, UnitPath: j.UnitPath, Golongan: golongan, Status: status, CreatedAt: now}
}

// writable reads an employee for a change: as of d, within the caller's reach.
func (s *Pegawai) writable(ctx context.Context, a domain.Actor, instansiID, nip string, d time.Time) (domain.Pegawai, error) {
	p, err := s.Store.PegawaiByNIP(ctx, instansiID, nip)
	if err != nil {
		return p, err
	}
	if pegWritesAll(a) {
		return p, nil
	}
	v, err := s.Store.PegawaiViewByID(ctx, instansiID, p.ID, d)
	if err != nil {
		return p, err
	}
	if !a.CoversUnit(v.UnitPath) {
		return p, domain.NotFound("Pegawai")
	}
	return p, nil
}

// Update changes identity and contact fields. expected is the If-Match version, if sent.
func (s *Pegawai) Update(ctx context.Context, nip string, patch PegawaiPatch, expected *int) (domain.PegawaiView, error) {
	a, id, today, err := s.scope(ctx)
	if err != nil {
		return domain.PegawaiView{}, err
	}
	if err := pegRequireWriter(a); err != nil {
		return domain.PegawaiView{}, err
	}
	if patch.Nama != nil && strings.TrimSpace(*patch.Nama) == "" {
		return domain.PegawaiView{}, domain.Invalid("nama", "required", "Nama wajib diisi.", "nama is required.")
	}
	var out domain.PegawaiView
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		before, err := s.writable(ctx, a, id, nip, today)
		if err != nil {
			return err
		}
		if err := checkVersion(expected, before.Version); err != nil {
			return err
		}
		after := before
		set := func(dst *string, src *string) {
			if src != nil {
				*dst = strings.TrimSpace(*src)
			}
		}
		set(&after.Nama, patch.Nama)
		set(&after.GelarDepan, patch.GelarDepan)
		set(&after.GelarBelakang, patch.GelarBelakang)
		set(&after.Email, patch.Email)
		set(&after.Telepon, patch.Telepon)
		if patch.SetRekening {
			after.Rekening = patch.Rekening
		}
		after.UpdatedAt = s.Now().UTC()
		saved, err := s.Store.UpdatePegawai(ctx, after)
		if err != nil {
			return err
		}
		if err := s.record(ctx, id, "UPDATE", "pegawai", saved.ID, before, saved); err != nil {
			return err
		}
		out, err = s.currentView(ctx, id, saved, today)
		return err
	})
	return out, err
}

// currentView joins an identity with the state in force today, or with its first
// state when it starts later.
func (s *Pegawai) currentView(ctx context.Context, instansiID string, p domain.Pegawai, today time.Time) (domain.PegawaiView, error) {
	v, err := s.Store.PegawaiViewByID(ctx, instansiID, p.ID, today)
	if err == nil {
		return v, nil
	}
	if !isNotFound(err) {
		return v, err
	}
	h, err := s.Store.ListRiwayatPegawai(ctx, instansiID, p.ID)
	if err != nil {
		return domain.PegawaiView{}, err
	}
	if len(h) == 0 {
		return domain.PegawaiView{}, domain.NotFound("Pegawai")
	}
	return domain.PegawaiView{Pegawai: p, Riwayat: h[0]}, nil
}

// Riwayat lists an employee's history, oldest first.
func (s *Pegawai) Riwayat(ctx context.Context, nip string) ([]domain.Riwayat, error) {
	a, id, today, err := s.scope(ctx)
	if err != nil {
		return nil, err
	}
	if err := pegRequireRead(a); err != nil {
		return nil, err
	}
	var p domain.Pegawai
	if pegReadsAll(a) {
		p, err = s.Store.PegawaiByNIP(ctx, id, nip)
	} else {
		var v domain.PegawaiView
		v, err = s.visible(ctx, a, id, nip, today, false)
		p = v.Pegawai
	}
	if err != nil {
		return nil, err
	}
	return s.Store.ListRiwayatPegawai(ctx, id, p.ID)
}

// AddRiwayat records a change from in.BerlakuMulai; fields left out carry over from
// the state in force on that date.
func (s *Pegawai) AddRiwayat(ctx context.Context, nip string, in RiwayatInput) (domain.Riwayat, error) {
	a, id, _, err := s.scope(ctx)
	if err != nil {
		return domain.Riwayat{}, err
	}
	if err := pegRequireWriter(a); err != nil {
		return domain.Riwayat{}, err
	}
	mulai := domain.Date(in.BerlakuMulai, time.UTC)
	var out domain.Riwayat
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		p, err := s.Store.PegawaiByNIP(ctx, id, nip)
		if err != nil {
			return err
		}
		prev, err := s.stateOn(ctx, id, p, mulai)
		if err != nil {
			return err
		}
		if !pegWritesAll(a) && !a.CoversUnit(prev.UnitPath) {
			return domain.NotFound("Pegawai")
		}
		var v domain.Validation
		if mulai.Before(p.TMT) {
			v.Add("berlaku_mulai", "berlaku_before_tmt",
				fmt.Sprintf("Berlaku mulai tidak boleh sebelum TMT (%s).", p.TMT.Format(time.DateOnly)),
				fmt.Sprintf("berlaku_mulai must not be before the TMT (%s).", p.TMT.Format(time.DateOnly)))
		}
		golongan, status := prev.Golongan, prev.Status
		if in.Golongan != nil {
			golongan = strings.TrimSpace(*in.Golongan)
			v.Merge("", domain.ValidGolongan(p.JenisASN, golongan))
		}
		if in.Status != nil {
			status = *in.Status
			v.Merge("", domain.ValidStatus("status", string(status)))
		}
		if err := v.Err(); err != nil {
			return err
		}
		j := domain.JabatanNode{ID: prev.JabatanID, Nama: prev.JabatanNama, KelasJabatan: prev.KelasJabatan,
			UnitKerjaID: prev.UnitKerjaID, UnitKerjaNama: prev.UnitKerjaNama, UnitPath: prev.UnitPath}
		if in.JabatanID != nil {
			if j, err = s.jabatan(ctx, a, id, *in.JabatanID); err != nil {
				return err
			}
		}
		r := pegRiwayatAt(p, j, in.Jenis, mulai, golongan, status, s.Now().UTC())
		r.NomorSK, r.Keterangan = strings.TrimSpace(in.NomorSK), strings.TrimSpace(in.Keterangan)
		if out, err = s.Store.CreateRiwayat(ctx, r); err != nil {
			return err
		}
		return s.record(ctx, id, "CREATE", "riwayat_pegawai", out.ID, nil, out)
	})
	return out, err
}

// stateOn is the state in force on d, or the first state when d precedes it.
func (s *Pegawai) stateOn(ctx context.Context, instansiID string, p domain.Pegawai, d time.Time) (domain.Riwayat, error) {
	v, err := s.currentView(ctx, instansiID, p, d)
	return v.Riwayat, err
}

// rantai computes the reporting chain of an employee in a position on d, loading only
// the positions above it and their holders.
func (s *Pegawai) rantai(ctx context.Context, instansiID, pegawaiID, jabatanID string, d time.Time) ([]domain.Atasan, error) {
	nodes, err := s.Store.PegawaiJabatanNodes(ctx, instansiID)
	if err != nil {
		return nil, err
	}
	m := make(map[string]domain.JabatanNode, len(nodes))
	for _, n := range nodes {
		m[n.ID] = n
	}
	above := domain.Ancestors(m, jabatanID)
	if len(above) == 0 {
		return nil, nil
	}
	def, err := s.Store.PegawaiPemangku(ctx, instansiID, above, d)
	if err != nil {
		return nil, err
	}
	plt, err := s.Store.PegawaiPlt(ctx, instansiID, above, d)
	if err != nil {
		return nil, err
	}
	return domain.NewStruktur(nodes, def, plt).Rantai(pegawaiID, jabatanID), nil
}

// bawahan computes whom an employee rates on d.
func (s *Pegawai) bawahan(ctx context.Context, instansiID, pegawaiID string, d time.Time) ([]Bawahan, error) {
	nodes, err := s.Store.PegawaiJabatanNodes(ctx, instansiID)
	if err != nil {
		return nil, err
	}
	def, err := s.Store.PegawaiPemangku(ctx, instansiID, nil, d)
	if err != nil {
		return nil, err
	}
	plt, err := s.Store.PegawaiPlt(ctx, instansiID, nil, d)
	if err != nil {
		return nil, err
	}
	st := domain.NewStruktur(nodes, def, plt)
	var out []Bawahan
	for _, b := range st.Bawahan(pegawaiID, def) {
		j, _ := st.Jabatan(b.JabatanID)
		out = append(out, Bawahan{Pemangku: b.Pemangku, Jabatan: j})
	}
	return out, nil
}

// Atasan returns an employee's reporting line on asOf (default today).
func (s *Pegawai) Atasan(ctx context.Context, nip string, asOf *time.Time) (ReportingLine, error) {
	a, id, today, err := s.scope(ctx)
	if err != nil {
		return ReportingLine{}, err
	}
	if err := pegRequireRead(a); err != nil {
		return ReportingLine{}, err
	}
	d := pegDateOr(asOf, today)
	v, err := s.visible(ctx, a, id, nip, d, false)
	if err != nil {
		return ReportingLine{}, err
	}
	r, err := s.rantai(ctx, id, v.Pegawai.ID, v.JabatanID, d)
	if err != nil {
		return ReportingLine{}, err
	}
	return ReportingLine{Pegawai: v, Rantai: r}, nil
}

// Bawahan returns the employees an employee rates on asOf (default today).
func (s *Pegawai) Bawahan(ctx context.Context, nip string, asOf *time.Time) ([]Bawahan, error) {
	a, id, today, err := s.scope(ctx)
	if err != nil {
		return nil, err
	}
	if err := pegRequireRead(a); err != nil {
		return nil, err
	}
	d := pegDateOr(asOf, today)
	v, err := s.visible(ctx, a, id, nip, d, false)
	if err != nil {
		return nil, err
	}
	return s.bawahan(ctx, id, v.Pegawai.ID, d)
}

// Chain returns who stands above an employee on d, nearest first (no permission
// check: for other services that have already checked theirs).
func (s *Pegawai) Chain(ctx context.Context, instansiID, pegawaiID string, d time.Time) ([]domain.Atasan, error) {
	v, err := s.Store.PegawaiViewByID(ctx, instansiID, pegawaiID, d)
	if err != nil {
		return nil, err
	}
	return s.rantai(ctx, instansiID, pegawaiID, v.JabatanID, d)
}

// Subordinates returns whom an employee rates on d (no permission check: for other
// services that have already checked theirs).
func (s *Pegawai) Subordinates(ctx context.Context, instansiID, pegawaiID string, d time.Time) ([]Bawahan, error) {
	return s.bawahan(ctx, instansiID, pegawaiID, d)
}
