package service

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// SKPStore is the storage SKP needs.
type SKPStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	PegawaiViewByNIP(ctx context.Context, instansiID, nip string, asOf time.Time) (domain.PegawaiView, error)
	CreateSKP(ctx context.Context, s domain.SKP) (domain.SKP, error)
	GetSKP(ctx context.Context, instansiID, id string) (domain.SKP, error)
	ListSKP(ctx context.Context, f domain.SKPFilter) ([]domain.SKP, int64, error)
	SKPOverlapping(ctx context.Context, instansiID, pegawaiID string, mulai, selesai time.Time) (int64, error)
	UpdateSKPStatus(ctx context.Context, s domain.SKP) error
	ReplaceSKPIsi(ctx context.Context, s domain.SKP) error
	ForeignSKPItems(ctx context.Context, skpID string, rhkIDs, ikiIDs []string) (bool, error)
	DeleteSKP(ctx context.Context, instansiID, id string) error
	RHKOfPegawaiYear(ctx context.Context, instansiID, pegawaiID string, tahun int) (map[string]bool, error)
	SaveSKPRevisi(ctx context.Context, s domain.SKP, by domain.Pejabat) error
	ListSKPRevisi(ctx context.Context, skpID string) ([]domain.RevisiSKP, error)
	RHKTurunan(ctx context.Context, instansiID string, rhkIDs []string) ([]domain.KaskadeRHK, error)
}

// ReportingChain reads the organisation chart on a date: who stands above an
// employee, nearest first ([0] the rater, [1] the rater's superior), and whom an
// employee rates. *Pegawai provides it.
type ReportingChain interface {
	Chain(ctx context.Context, instansiID, pegawaiID string, d time.Time) ([]domain.Atasan, error)
	Subordinates(ctx context.Context, instansiID, pegawaiID string, d time.Time) ([]Bawahan, error)
}

// SKP manages the yearly performance plans: content, cascade and approval.
//
// Access: the pegawai reads and drafts their own; the rater recorded on the SKP reads
// it and alone approves or returns it; the rater's superior reads it; ADMIN_UNIT and
// ADMIN_INSTANSI read and draft within their scope; AUDITOR reads everything.
type SKP struct {
	Base
	Store SKPStore
	Org   ReportingChain
}

// SKPInput starts an SKP.
type SKPInput struct {
	NIP                          string
	Tahun                        int
	PeriodeMulai, PeriodeSelesai *time.Time
	Pendekatan                   string
}

// SKPIsi is the whole content of an SKP; RHK and IKI without an id are new.
type SKPIsi struct {
	Pendekatan string
	RHK        []domain.RHK
	Ekspektasi []domain.Ekspektasi
}

// kinReadsAll reports whether the caller reads every appraisal record of the instansi.
func kinReadsAll(a domain.Actor) bool {
	return a.HasAny(domain.RoleSuperadmin, domain.RoleAdminInstansi, domain.RoleAuditor)
}

// kinAdminCovers reports whether an administrator manages appraisal records of a unit.
func kinAdminCovers(a domain.Actor, unitPath string) bool {
	if !a.CanWrite() {
		return false
	}
	return a.HasAny(domain.RoleSuperadmin, domain.RoleAdminInstansi) || (a.Has(domain.RoleAdminUnit) && a.CoversUnit(unitPath))
}

// kinReadsUnit reports whether the caller reads the records of a unit by role.
func kinReadsUnit(a domain.Actor, unitPath string) bool {
	return kinReadsAll(a) || (a.Has(domain.RoleAdminUnit) && a.CoversUnit(unitPath))
}

func (s *SKP) canRead(a domain.Actor, k domain.SKP) bool {
	if kinReadsUnit(a, k.UnitPath) {
		return true
	}
	me := a.PegawaiID
	return me != "" && (me == k.PegawaiID || me == pejabatID(k.Penilai) || me == pejabatID(k.AtasanPenilai))
}

func (s *SKP) canDraft(a domain.Actor, k domain.SKP) bool {
	return a.CanWrite() && (kinAdminCovers(a, k.UnitPath) || (a.PegawaiID != "" && a.PegawaiID == k.PegawaiID))
}

// kinReach is how far a list of appraisal records reaches for the caller.
type kinReach struct {
	PenilaiID, ScopePath, TerkaitID string
	Empty                           bool // nothing at all
}

// kinListReach limits a list: to the records the caller rates (dinilaiSaya), to
// everything for readers of the whole instansi (and KEUANGAN when it pays on them), to
// an ADMIN_UNIT's subtree, or to the records a pegawai owns, rates or supervises.
func kinListReach(a domain.Actor, dinilaiSaya, keuanganReads bool) (kinReach, error) {
	switch {
	case dinilaiSaya:
		return kinReach{PenilaiID: a.PegawaiID, Empty: a.PegawaiID == ""}, nil
	case kinReadsAll(a) || keuanganReads && a.Has(domain.RoleKeuangan):
		return kinReach{}, nil
	case a.Has(domain.RoleAdminUnit) && a.UnitPath != "":
		return kinReach{ScopePath: a.UnitPath}, nil
	case a.PegawaiID != "":
		return kinReach{TerkaitID: a.PegawaiID}, nil
	}
	return kinReach{}, domain.ErrForbidden
}

func pejabatID(p *domain.Pejabat) string {
	if p == nil {
		return ""
	}
	return p.PegawaiID
}

func pejabatOfAtasan(a domain.Atasan) *domain.Pejabat {
	return &domain.Pejabat{PegawaiID: a.PegawaiID, NIP: a.NIP, Nama: a.Nama, JabatanNama: a.JabatanNama}
}

func (s *SKP) visible(ctx context.Context, a domain.Actor, instansiID, id string) (domain.SKP, error) {
	k, err := s.Store.GetSKP(ctx, instansiID, id)
	if err != nil {
		return domain.SKP{}, err
	}
	if !s.canRead(a, k) {
		return domain.SKP{}, domain.NotFound("SKP")
	}
	return k, nil
}

// List returns a page of SKP within the caller's reach.
func (s *SKP) List(ctx context.Context, f domain.SKPFilter, dinilaiSaya bool, pg Page) ([]domain.SKP, int64, error) {
	a, id, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	r, err := kinListReach(a, dinilaiSaya, false)
	if err != nil || r.Empty {
		return nil, 0, err
	}
	f.InstansiID, f.Offset, f.Limit = id, pg.Offset(), pg.Size
	f.PenilaiID, f.ScopePath, f.TerkaitID = r.PenilaiID, r.ScopePath, r.TerkaitID
	return s.Store.ListSKP(ctx, f)
}

// Get reads one SKP.
func (s *SKP) Get(ctx context.Context, id string) (domain.SKP, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.SKP{}, err
	}
	return s.visible(ctx, a, inst, id)
}

// Create starts a DRAFT SKP for a pegawai and year; position, unit, rater and the
// rater's superior are those on the first day of the period.
func (s *SKP) Create(ctx context.Context, in SKPInput) (domain.SKP, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.SKP{}, err
	}
	if err := requireWrite(a); err != nil {
		return domain.SKP{}, err
	}
	mulai := time.Date(in.Tahun, 1, 1, 0, 0, 0, 0, time.UTC)
	selesai := time.Date(in.Tahun, 12, 31, 0, 0, 0, 0, time.UTC)
	var v domain.Validation
	if in.PeriodeMulai != nil {
		mulai = domain.Date(*in.PeriodeMulai, time.UTC)
		if mulai.Year() != in.Tahun {
			v.Add("periode_mulai", "periode_outside_year", "Periode mulai harus dalam tahun SKP.", "The period must start within the SKP's year.")
		}
	}
	if in.PeriodeSelesai != nil {
		selesai = domain.Date(*in.PeriodeSelesai, time.UTC)
		if selesai.Year() != in.Tahun {
			v.Add("periode_selesai", "periode_outside_year", "Periode selesai harus dalam tahun SKP.", "The period must end within the SKP's year.")
		}
	}
	if selesai.Before(mulai) {
		v.Add("periode_selesai", "time_order", "Periode selesai harus setelah periode mulai.", "The period must end after it starts.")
	}
	if err := v.Err(); err != nil {
		return domain.SKP{}, err
	}
	pv, err := s.Store.PegawaiViewByNIP(ctx, inst, in.NIP, mulai)
	if err != nil {
		return domain.SKP{}, err
	}
	if in.PeriodeMulai == nil && pv.TMT.After(mulai) && pv.TMT.Year() == in.Tahun {
		mulai = pv.TMT
		if pv, err = s.Store.PegawaiViewByNIP(ctx, inst, in.NIP, mulai); err != nil {
			return domain.SKP{}, err
		}
	}
	own := a.PegawaiID != "" && a.PegawaiID == pv.Pegawai.ID
	if !own && !kinAdminCovers(a, pv.UnitPath) {
		if kinReadsUnit(a, pv.UnitPath) {
			return domain.SKP{}, domain.ErrForbidden
		}
		return domain.SKP{}, domain.NotFound("Pegawai")
	}
	if pv.JabatanID == "" {
		return domain.SKP{}, domain.Unprocessable("pegawai_tanpa_jabatan", "Pegawai tidak memiliki jabatan pada awal periode.",
			"The pegawai holds no position at the start of the period.")
	}
	chain, err := s.Org.Chain(ctx, inst, pv.Pegawai.ID, mulai)
	if err != nil {
		return domain.SKP{}, err
	}
	pendekatan := in.Pendekatan
	if pendekatan == "" {
		pendekatan = "KUANTITATIF"
	}
	now := s.Now().UTC()
	k := domain.SKP{ID: newID(), InstansiID: inst, PegawaiID: pv.Pegawai.ID, Tahun: in.Tahun, PeriodeMulai: mulai,
		PeriodeSelesai: selesai, JabatanID: pv.JabatanID, UnitKerjaID: pv.UnitKerjaID, Pendekatan: pendekatan,
		Status: domain.SKPDraft, Revisi: 1, CreatedAt: now, UpdatedAt: now}
	if len(chain) > 0 {
		k.Penilai = pejabatOfAtasan(chain[0])
	}
	if len(chain) > 1 {
		k.AtasanPenilai = pejabatOfAtasan(chain[1])
	}
	var out domain.SKP
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		n, err := s.Store.SKPOverlapping(ctx, inst, pv.Pegawai.ID, mulai, selesai)
		if err != nil {
			return err
		}
		if n > 0 {
			return domain.Conflict("skp_overlap", "Pegawai sudah memiliki SKP pada periode yang beririsan.",
				"The pegawai already has an SKP for an overlapping period.")
		}
		if out, err = s.Store.CreateSKP(ctx, k); err != nil {
			return err
		}
		return s.record(ctx, inst, "CREATE", "skp", out.ID, nil, out)
	})
	return out, err
}

// PutIsi replaces the content of a DRAFT or returned SKP.
func (s *SKP) PutIsi(ctx context.Context, id string, in SKPIsi, expected *int) (domain.SKP, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.SKP{}, err
	}
	var out domain.SKP
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		k, err := s.writable(ctx, a, inst, id, "ubah", expected)
		if err != nil {
			return err
		}
		before := k
		var rhkIDs, ikiIDs []string
		for i := range in.RHK {
			r := &in.RHK[i]
			if r.ID == "" {
				r.ID = newID()
			} else {
				rhkIDs = append(rhkIDs, r.ID)
			}
			for j := range r.Indikator {
				if r.Indikator[j].ID == "" {
					r.Indikator[j].ID = newID()
				} else {
					ikiIDs = append(ikiIDs, r.Indikator[j].ID)
				}
				if r.Indikator[j].Polaritas == "" {
					r.Indikator[j].Polaritas = "LEBIH_TINGGI"
				}
				r.Indikator[j].Uraian = strings.TrimSpace(r.Indikator[j].Uraian)
			}
			r.Uraian = strings.TrimSpace(r.Uraian)
		}
		foreign, err := s.Store.ForeignSKPItems(ctx, k.ID, rhkIDs, ikiIDs)
		if err != nil {
			return err
		}
		if foreign {
			return domain.Invalid("rhk", "id_foreign", "Sebagian id RHK atau indikator milik SKP lain.",
				"Some RHK or indicator ids belong to another SKP.")
		}
		atasanRHK := map[string]bool{}
		if k.Penilai != nil {
			if atasanRHK, err = s.Store.RHKOfPegawaiYear(ctx, inst, k.Penilai.PegawaiID, k.Tahun); err != nil {
				return err
			}
		}
		if err := domain.ValidateSKPIsi(in.RHK, in.Ekspektasi, k.Penilai != nil, atasanRHK); err != nil {
			return err
		}
		k.RHK, k.Ekspektasi = in.RHK, in.Ekspektasi
		if in.Pendekatan != "" {
			k.Pendekatan = in.Pendekatan
		}
		if err := s.Store.ReplaceSKPIsi(ctx, k); err != nil {
			return err
		}
		k.UpdatedAt = s.Now().UTC()
		if err := s.Store.UpdateSKPStatus(ctx, k); err != nil {
			return err
		}
		if out, err = s.Store.GetSKP(ctx, inst, k.ID); err != nil {
			return err
		}
		return s.record(ctx, inst, "UPDATE", "skp", k.ID, before, out)
	})
	return out, err
}

// writable loads an SKP the caller may draft and checks the action and the version.
func (s *SKP) writable(ctx context.Context, a domain.Actor, inst, id, action string, expected *int) (domain.SKP, error) {
	k, err := s.visible(ctx, a, inst, id)
	if err != nil {
		return domain.SKP{}, err
	}
	if !s.canDraft(a, k) {
		return domain.SKP{}, domain.Forbidden("Hanya pemilik SKP atau admin yang dapat mengubahnya.",
			"Only the SKP's owner or an administrator can change it.")
	}
	if err := checkVersion(expected, k.Version); err != nil {
		return domain.SKP{}, err
	}
	if err := k.CheckTransition(action); err != nil {
		return domain.SKP{}, err
	}
	return k, nil
}

// transition applies a workflow step after its checks.
// check and apply run inside the transaction and must use the context they are given.
func (s *SKP) transition(ctx context.Context, check func(ctx context.Context, a domain.Actor, inst string) (domain.SKP, error),
	apply func(ctx context.Context, k *domain.SKP, now time.Time) error) (domain.SKP, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.SKP{}, err
	}
	var out domain.SKP
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		k, err := check(ctx, a, inst)
		if err != nil {
			return err
		}
		before := k
		now := s.Now().UTC()
		k.UpdatedAt = now
		if err := apply(ctx, &k, now); err != nil {
			return err
		}
		if err := s.Store.UpdateSKPStatus(ctx, k); err != nil {
			return err
		}
		if out, err = s.Store.GetSKP(ctx, inst, k.ID); err != nil {
			return err
		}
		before.RHK, before.Ekspektasi = nil, nil
		snap := out
		snap.RHK, snap.Ekspektasi = nil, nil
		return s.record(ctx, inst, "UPDATE", "skp", k.ID, before, snap)
	})
	return out, err
}

// Ajukan submits the SKP to the rater.
func (s *SKP) Ajukan(ctx context.Context, id string) (domain.SKP, error) {
	return s.transition(ctx, func(ctx context.Context, a domain.Actor, inst string) (domain.SKP, error) {
		k, err := s.writable(ctx, a, inst, id, "ajukan", nil)
		if err != nil {
			return k, err
		}
		return k, k.CheckSubmittable()
	}, func(ctx context.Context, k *domain.SKP, now time.Time) error {
		k.Status, k.DiajukanAt = domain.SKPDiajukan, &now
		return nil
	})
}

// rater loads an SKP the caller rates and checks the action: only the rater recorded
// on the SKP decides, and never on their own SKP.
func (s *SKP) rater(ctx context.Context, a domain.Actor, inst, id, action string) (domain.SKP, error) {
	k, err := s.visible(ctx, a, inst, id)
	if err != nil {
		return domain.SKP{}, err
	}
	if err := requireWrite(a); err != nil {
		return domain.SKP{}, err
	}
	if a.PegawaiID == "" || a.PegawaiID == k.PegawaiID || a.PegawaiID != pejabatID(k.Penilai) {
		return domain.SKP{}, domain.Forbidden("Hanya pejabat penilai kinerja pegawai ini yang dapat menyetujui atau mengembalikan SKP.",
			"Only this pegawai's rater can approve or return the SKP.")
	}
	return k, k.CheckTransition(action)
}

// Setujui approves a submitted SKP and keeps the approved revision.
func (s *SKP) Setujui(ctx context.Context, id string) (domain.SKP, error) {
	var by domain.Pejabat
	return s.transition(ctx, func(ctx context.Context, a domain.Actor, inst string) (domain.SKP, error) {
		k, err := s.rater(ctx, a, inst, id, "setujui")
		if k.Penilai != nil {
			by = *k.Penilai
		}
		return k, err
	}, func(ctx context.Context, k *domain.SKP, now time.Time) error {
		k.Status, k.DisetujuiAt, k.AlasanPengembalian = domain.SKPDisetujui, &now, ""
		return s.Store.SaveSKPRevisi(ctx, *k, by)
	})
}

// Kembalikan returns a submitted SKP to its owner with a reason.
func (s *SKP) Kembalikan(ctx context.Context, id, alasan string) (domain.SKP, error) {
	alasan = strings.TrimSpace(alasan)
	if alasan == "" {
		return domain.SKP{}, domain.Invalid("alasan", "required", "Alasan pengembalian wajib diisi.", "A reason is required.")
	}
	return s.transition(ctx, func(ctx context.Context, a domain.Actor, inst string) (domain.SKP, error) {
		return s.rater(ctx, a, inst, id, "kembalikan")
	}, func(ctx context.Context, k *domain.SKP, now time.Time) error {
		k.Status, k.AlasanPengembalian = domain.SKPDikembalikan, alasan
		return nil
	})
}

// Revisi opens a new DRAFT revision of an approved SKP; the approved one stays readable.
func (s *SKP) Revisi(ctx context.Context, id string) (domain.SKP, error) {
	return s.transition(ctx, func(ctx context.Context, a domain.Actor, inst string) (domain.SKP, error) {
		return s.writable(ctx, a, inst, id, "revisi", nil)
	}, func(ctx context.Context, k *domain.SKP, now time.Time) error {
		k.Status, k.Revisi, k.DiajukanAt, k.DisetujuiAt = domain.SKPDraft, k.Revisi+1, nil, nil
		return nil
	})
}

// Delete removes an SKP that was never approved.
func (s *SKP) Delete(ctx context.Context, id string) error {
	a, inst, err := tenant(ctx)
	if err != nil {
		return err
	}
	return s.Tx.InTx(ctx, func(ctx context.Context) error {
		k, err := s.writable(ctx, a, inst, id, "hapus", nil)
		if err != nil {
			return err
		}
		if err := s.Store.DeleteSKP(ctx, inst, id); err != nil {
			return err
		}
		return s.record(ctx, inst, "DELETE", "skp", id, k, nil)
	})
}

// Revisions lists the approved revisions of an SKP.
func (s *SKP) Revisions(ctx context.Context, id string) ([]domain.RevisiSKP, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, err
	}
	k, err := s.visible(ctx, a, inst, id)
	if err != nil {
		return nil, err
	}
	return s.Store.ListSKPRevisi(ctx, k.ID)
}

// maxKaskade bounds the depth of a cascade: no instansi has more echelons than this.
const maxKaskade = 12

// Kaskade returns each RHK of an SKP with the subordinates' RHK that intervene it,
// recursively, read one level at a time.
func (s *SKP) Kaskade(ctx context.Context, id string) (domain.SKP, []domain.KaskadeRHK, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.SKP{}, nil, err
	}
	k, err := s.visible(ctx, a, inst, id)
	if err != nil {
		return domain.SKP{}, nil, err
	}
	roots := make([]domain.KaskadeRHK, len(k.RHK))
	for i, r := range k.RHK {
		roots[i] = domain.KaskadeRHK{RHKID: r.ID, Jenis: r.Jenis, Uraian: r.Uraian, SKPID: k.ID, NIP: k.NIP, Nama: k.Nama,
			JabatanNama: k.JabatanNama, Turunan: []domain.KaskadeRHK{}}
	}
	// Children are attached by building the tree bottom-up after reading every level.
	type node struct {
		item   domain.KaskadeRHK
		parent string
	}
	var all []node
	ids := make([]string, len(k.RHK))
	for i, r := range k.RHK {
		ids[i] = r.ID
	}
	seen := map[string]bool{}
	for depth := 0; depth < maxKaskade && len(ids) > 0; depth++ {
		rows, err := s.Store.RHKTurunan(ctx, inst, ids)
		if err != nil {
			return domain.SKP{}, nil, fmt.Errorf("kaskade: %w", err)
		}
		ids = ids[:0]
		for _, r := range rows {
			if seen[r.RHKID] {
				continue
			}
			seen[r.RHKID] = true
			all = append(all, node{item: r, parent: r.RHKAtasanID})
			ids = append(ids, r.RHKID)
		}
	}
	children := map[string][]domain.KaskadeRHK{}
	for i := len(all) - 1; i >= 0; i-- {
		n := all[i].item
		n.Turunan = children[n.RHKID]
		if n.Turunan == nil {
			n.Turunan = []domain.KaskadeRHK{}
		}
		children[all[i].parent] = append([]domain.KaskadeRHK{n}, children[all[i].parent]...)
	}
	for i := range roots {
		if c := children[roots[i].RHKID]; c != nil {
			roots[i].Turunan = c
		}
	}
	return k, roots, nil
}
