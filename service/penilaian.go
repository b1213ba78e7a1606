package service

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// PenilaianStore is the storage Penilaian needs.
type PenilaianStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	GetUnitKerja(ctx context.Context, instansiID, id string) (domain.UnitKerja, error)
	PegawaiViewByID(ctx context.Context, instansiID, pegawaiID string, asOf time.Time) (domain.PegawaiView, error)
	GetSKP(ctx context.Context, instansiID, id string) (domain.SKP, error)
	GetPeriodeKinerja(ctx context.Context, instansiID string, tahun int) (domain.PeriodeKinerja, error)
	CreatePenilaian(ctx context.Context, p domain.Penilaian) (domain.Penilaian, error)
	GetPenilaian(ctx context.Context, instansiID, id string) (domain.Penilaian, error)
	ListPenilaian(ctx context.Context, f domain.PenilaianFilter) ([]domain.Penilaian, int64, error)
	UpdatePenilaian(ctx context.Context, p domain.Penilaian) error
	ReplaceRealisasi(ctx context.Context, p domain.Penilaian) error
	LeadsUnit(ctx context.Context, instansiID, jabatanID, unitID string) (bool, error)
	SavePenetapanOrganisasi(ctx context.Context, p domain.PenetapanOrganisasi) (domain.PenetapanOrganisasi, error)
	ListPenetapanOrganisasi(ctx context.Context, instansiID string, tahun int, jenis string, periode *int, unitIDs []string) ([]domain.PenetapanOrganisasi, error)
}

// Penilaian manages periodic and annual evaluations, organisation predikat and the
// distribution check.
//
// Access: the rater of the pegawai (on the period's last day, or today if earlier)
// opens, fills and finalises; the pegawai, their rater and the rater's superior read;
// ADMIN_UNIT and ADMIN_INSTANSI read within scope and finalise a unit; AUDITOR and
// KEUANGAN (which pays on the predikat) read everything.
type Penilaian struct {
	Base
	Store PenilaianStore
	Org   ReportingChain
}

// PenilaianIsi is what the rater records on a DRAFT evaluation; nil fields stay.
type PenilaianIsi struct {
	Realisasi                   *[]domain.Realisasi
	RatingHasil, RatingPerilaku *domain.Rating
	NilaiPerilaku               map[string]int
	UmpanBalik                  *string
}

// PenilaianView is an evaluation with what explains it.
type PenilaianView struct {
	domain.Penilaian
	SKP            domain.SKP
	Capaian        map[string]*big.Rat // per IKI id
	CapaianRata    *big.Rat
	Organisasi     domain.PredikatOrganisasi
	BatasKeberatan *time.Time
}

// DistribusiView is a unit's distribution of predikat for a period and its check.
type DistribusiView struct {
	Unit          domain.UnitKerja
	Tahun         int
	Jenis         string
	Periode       int
	Organisasi    domain.PredikatOrganisasi
	Jumlah        int
	TanpaPredikat int
	Sebaran       map[domain.Predikat]int
	Pelanggaran   []domain.Violation
	Mode          string
	Catatan       domain.Text
}

// Valid reports whether the distribution breaks no rule.
func (d DistribusiView) Valid() bool { return len(d.Pelanggaran) == 0 }

// FinalisasiView is the outcome of finalising.
type FinalisasiView struct {
	Difinalkan []string
	Dilewati   []Dilewati
	Distribusi DistribusiView
}

// Dilewati is an evaluation left as DRAFT and why.
type Dilewati struct {
	ID     string
	Alasan domain.Text
}

func (s *Penilaian) canRead(a domain.Actor, p domain.Penilaian) bool {
	if kinReadsUnit(a, p.UnitPath) || a.Has(domain.RoleKeuangan) {
		return true
	}
	me := a.PegawaiID
	return me != "" && (me == p.PegawaiID || me == p.Penilai.PegawaiID || me == pejabatID(p.AtasanPenilai))
}

func (s *Penilaian) visible(ctx context.Context, a domain.Actor, inst, id string) (domain.Penilaian, error) {
	p, err := s.Store.GetPenilaian(ctx, inst, id)
	if err != nil {
		return p, err
	}
	if !s.canRead(a, p) {
		return p, domain.NotFound("Penilaian")
	}
	return p, nil
}

var errBukanPenilai = domain.Forbidden("Hanya pejabat penilai kinerja pegawai ini yang dapat menilai.",
	"Only this pegawai's rater can evaluate them.")

// rated loads an evaluation the caller rates, in DRAFT, at the expected version.
func (s *Penilaian) rated(ctx context.Context, a domain.Actor, inst, id string, expected *int) (domain.Penilaian, error) {
	p, err := s.visible(ctx, a, inst, id)
	if err != nil {
		return p, err
	}
	if err := requireWrite(a); err != nil {
		return p, err
	}
	if a.PegawaiID == "" || a.PegawaiID != p.Penilai.PegawaiID || a.PegawaiID == p.PegawaiID {
		return p, errBukanPenilai
	}
	if err := checkVersion(expected, p.Version); err != nil {
		return p, err
	}
	if p.Status != domain.PenilaianDraft {
		return p, domain.Conflict("penilaian_final", "Penilaian sudah final dan tidak dapat diubah.", "The evaluation is final and cannot change.")
	}
	return p, nil
}

// view adds what explains an evaluation: capaian per indicator, the organisation
// predikat for a unit head, the objection deadline.
func (s *Penilaian) view(ctx context.Context, inst string, p domain.Penilaian) (PenilaianView, error) {
	v := PenilaianView{Penilaian: p, Capaian: map[string]*big.Rat{}}
	k, err := s.Store.GetSKP(ctx, inst, p.SKPID)
	if err != nil {
		return v, err
	}
	v.SKP = k
	set, err := s.Store.GetPeriodeKinerja(ctx, inst, p.Tahun)
	if err != nil {
		return v, err
	}
	sum, n := new(big.Rat), 0
	for _, r := range p.Realisasi {
		iki, _, ok := k.IKIByID(r.IKIID)
		if !ok {
			continue
		}
		c, err := domain.Capaian(r.Realisasi, iki.Target, iki.Polaritas, set.CapaianMaks)
		if err != nil {
			return v, fmt.Errorf("capaian %s: %w", r.IKIID, err)
		}
		v.Capaian[r.IKIID] = c
		sum.Add(sum, c)
		n++
	}
	if n > 0 {
		v.CapaianRata = sum.Quo(sum, big.NewRat(int64(n), 1))
	}
	if p.HasilDariUnit {
		if v.Organisasi, err = s.organisasiOf(ctx, inst, p.UnitKerjaID, p.Tahun, p.Jenis, p.Periode); err != nil {
			return v, err
		}
	}
	i, err := s.Store.GetInstansi(ctx, inst)
	if err != nil {
		return v, err
	}
	loc, err := domain.Zona(i.ZonaWaktu)
	if err != nil {
		return v, fmt.Errorf("zona waktu %s: %w", i.ZonaWaktu, err)
	}
	v.BatasKeberatan = p.BatasKeberatan(set.BatasKeberatanHari, loc)
	return v, nil
}

// organisasiOf is the organisation predikat of exactly this unit for the period, if set.
func (s *Penilaian) organisasiOf(ctx context.Context, inst, unitID string, tahun int, jenis string, periode int) (domain.PredikatOrganisasi, error) {
	ps, err := s.Store.ListPenetapanOrganisasi(ctx, inst, tahun, jenis, &periode, []string{unitID})
	if err != nil || len(ps) == 0 {
		return "", err
	}
	return ps[0].Predikat, nil
}

// Get reads one evaluation with its explanation.
func (s *Penilaian) Get(ctx context.Context, id string) (PenilaianView, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return PenilaianView{}, err
	}
	p, err := s.visible(ctx, a, inst, id)
	if err != nil {
		return PenilaianView{}, err
	}
	return s.view(ctx, inst, p)
}

// List returns a page of evaluations within the caller's reach.
func (s *Penilaian) List(ctx context.Context, f domain.PenilaianFilter, dinilaiSaya bool, pg Page) ([]domain.Penilaian, int64, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	r, err := kinListReach(a, dinilaiSaya, true)
	if err != nil || r.Empty {
		return nil, 0, err
	}
	f.InstansiID, f.Offset, f.Limit = inst, pg.Offset(), pg.Size
	f.PenilaiID, f.ScopePath, f.TerkaitID = r.PenilaiID, r.ScopePath, r.TerkaitID
	return s.Store.ListPenilaian(ctx, f)
}

// Create opens a DRAFT evaluation of an approved SKP for a period; only the pegawai's
// rater on the period's last day (or today, if earlier) may.
func (s *Penilaian) Create(ctx context.Context, skpID, jenis string, periode int) (PenilaianView, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return PenilaianView{}, err
	}
	if err := requireWrite(a); err != nil {
		return PenilaianView{}, err
	}
	k, err := s.Store.GetSKP(ctx, inst, skpID)
	if err != nil {
		return PenilaianView{}, err
	}
	if !kinReadsUnit(a, k.UnitPath) && a.PegawaiID != k.PegawaiID && a.PegawaiID != pejabatID(k.Penilai) &&
		a.PegawaiID != pejabatID(k.AtasanPenilai) {
		return PenilaianView{}, domain.NotFound("SKP")
	}
	if !k.Approved() {
		return PenilaianView{}, domain.Unprocessable("skp_belum_disetujui", "SKP belum disetujui pejabat penilai.",
			"The SKP has not been approved by the rater.")
	}
	set, err := s.Store.GetPeriodeKinerja(ctx, inst, k.Tahun)
	if err != nil {
		return PenilaianView{}, err
	}
	if jenis == "TAHUNAN" {
		periode = 0
	} else if periode == 0 {
		return PenilaianView{}, domain.Invalid("periode", "required", "Periode wajib untuk penilaian periodik.", "A periodic evaluation needs a period.")
	}
	mulai, selesai, err := set.Rentang(jenis, periode)
	if err != nil {
		return PenilaianView{}, err
	}
	if mulai.Before(k.PeriodeMulai) {
		mulai = k.PeriodeMulai
	}
	if selesai.After(k.PeriodeSelesai) {
		selesai = k.PeriodeSelesai
	}
	if selesai.Before(mulai) {
		return PenilaianView{}, domain.Unprocessable("periode_di_luar_skp", "Periode penilaian berada di luar periode SKP.",
			"The evaluation period lies outside the SKP's period.")
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return PenilaianView{}, err
	}
	d := selesai
	if today.Before(d) {
		d = today
	}
	if d.Before(mulai) {
		return PenilaianView{}, domain.Unprocessable("periode_belum_mulai", "Periode penilaian belum dimulai.", "The evaluation period has not started yet.")
	}
	chain, err := s.Org.Chain(ctx, inst, k.PegawaiID, d)
	if err != nil {
		return PenilaianView{}, err
	}
	if len(chain) == 0 || a.PegawaiID == "" || chain[0].PegawaiID != a.PegawaiID || a.PegawaiID == k.PegawaiID {
		return PenilaianView{}, errBukanPenilai
	}
	lead := false
	if set.HasilPimpinanIkutUnit {
		if lead, err = s.Store.LeadsUnit(ctx, inst, k.JabatanID, k.UnitKerjaID); err != nil {
			return PenilaianView{}, err
		}
	}
	now := s.Now().UTC()
	p := domain.Penilaian{ID: newID(), InstansiID: inst, SKPID: k.ID, PegawaiID: k.PegawaiID, UnitKerjaID: k.UnitKerjaID,
		Penilai: *pejabatOfAtasan(chain[0]), Tahun: k.Tahun, Jenis: jenis, Periode: periode, TanggalMulai: mulai,
		TanggalSelesai: selesai, Status: domain.PenilaianDraft, HasilDariUnit: lead, CreatedAt: now, UpdatedAt: now}
	if len(chain) > 1 {
		p.AtasanPenilai = pejabatOfAtasan(chain[1])
	}
	var out domain.Penilaian
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		if out, err = s.Store.CreatePenilaian(ctx, p); err != nil {
			return err
		}
		return s.record(ctx, inst, "CREATE", "penilaian", out.ID, nil, out)
	})
	if err != nil {
		return PenilaianView{}, err
	}
	return s.view(ctx, inst, out)
}

// PutIsi records realisasi, ratings and feedback on a DRAFT evaluation.
func (s *Penilaian) PutIsi(ctx context.Context, id string, in PenilaianIsi, expected *int) (PenilaianView, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return PenilaianView{}, err
	}
	var out domain.Penilaian
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		p, err := s.rated(ctx, a, inst, id, expected)
		if err != nil {
			return err
		}
		before := p
		k, err := s.Store.GetSKP(ctx, inst, p.SKPID)
		if err != nil {
			return err
		}
		var v domain.Validation
		if in.Realisasi != nil {
			seen := map[string]bool{}
			for i, r := range *in.Realisasi {
				if _, _, ok := k.IKIByID(r.IKIID); !ok {
					v.Add(fmt.Sprintf("realisasi/%d/iki_id", i), "iki_unknown", "Indikator bukan bagian dari SKP ini.",
						"The indicator is not part of this SKP.")
				}
				if seen[r.IKIID] {
					v.Add(fmt.Sprintf("realisasi/%d/iki_id", i), "duplicate", "Indikator disebut lebih dari sekali.",
						"The indicator is named more than once.")
				}
				seen[r.IKIID] = true
			}
			p.Realisasi = *in.Realisasi
		}
		if in.RatingHasil != nil && p.HasilDariUnit {
			v.Add("rating_hasil", "rating_hasil_dari_unit",
				"Rating hasil kerja pimpinan unit mengikuti predikat organisasi unitnya (SE MenPANRB 3/2023).",
				"A unit head's rating hasil kerja follows the unit's organisation predikat (SE MenPANRB 3/2023).")
		}
		if err := v.Err(); err != nil {
			return err
		}
		if in.RatingHasil != nil {
			p.RatingHasil = *in.RatingHasil
		}
		if in.RatingPerilaku != nil {
			p.RatingPerilaku = *in.RatingPerilaku
		}
		if in.NilaiPerilaku != nil {
			p.NilaiPerilaku = in.NilaiPerilaku
		}
		if in.UmpanBalik != nil {
			p.UmpanBalik = strings.TrimSpace(*in.UmpanBalik)
		}
		if err := s.applyUnit(ctx, inst, &p); err != nil {
			return err
		}
		p.UpdatedAt = s.Now().UTC()
		if err := s.Store.UpdatePenilaian(ctx, p); err != nil {
			return err
		}
		if in.Realisasi != nil {
			if err := s.Store.ReplaceRealisasi(ctx, p); err != nil {
				return err
			}
		}
		if out, err = s.Store.GetPenilaian(ctx, inst, p.ID); err != nil {
			return err
		}
		return s.record(ctx, inst, "UPDATE", "penilaian", p.ID, before, out)
	})
	if err != nil {
		return PenilaianView{}, err
	}
	return s.view(ctx, inst, out)
}

// applyUnit sets a unit head's rating hasil kerja from the unit's organisation
// predikat, and the predikat from the kuadran once both ratings are in.
func (s *Penilaian) applyUnit(ctx context.Context, inst string, p *domain.Penilaian) error {
	if p.HasilDariUnit {
		org, err := s.organisasiOf(ctx, inst, p.UnitKerjaID, p.Tahun, p.Jenis, p.Periode)
		if err != nil {
			return err
		}
		p.RatingHasil = ""
		if org != "" {
			p.RatingHasil = domain.RatingOfOrganisasi(org)
		}
	}
	p.Predikat = ""
	if p.Complete() {
		p.Predikat = domain.PredikatOf(p.RatingHasil, p.RatingPerilaku)
	}
	return nil
}

// Finalkan finalises one evaluation after checking its unit's distribution.
func (s *Penilaian) Finalkan(ctx context.Context, id string) (FinalisasiView, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return FinalisasiView{}, err
	}
	var out FinalisasiView
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		p, err := s.rated(ctx, a, inst, id, nil)
		if err != nil {
			return err
		}
		if err := s.applyUnit(ctx, inst, &p); err != nil {
			return err
		}
		if !p.Complete() {
			return domain.Unprocessable("penilaian_belum_lengkap", "Rating hasil kerja dan rating perilaku wajib diisi sebelum final.",
				"Both ratings are needed before the evaluation is final.")
		}
		unit, err := s.distributionUnit(ctx, inst, p)
		if err != nil {
			return err
		}
		d, err := s.distribusi(ctx, inst, unit, p.Tahun, p.Jenis, p.Periode, map[string]domain.Predikat{p.ID: p.Predikat})
		if err != nil {
			return err
		}
		if err := blocked(d); err != nil {
			return err
		}
		if err := s.finalise(ctx, inst, p); err != nil {
			return err
		}
		out = FinalisasiView{Difinalkan: []string{p.ID}, Dilewati: []Dilewati{}, Distribusi: d}
		return nil
	})
	return out, err
}

// blocked refuses to finalise when the instansi blocks on distribution violations
// (or on a missing organisation predikat, without which nothing can be checked).
func blocked(d DistribusiView) error {
	if d.Mode != "BLOKIR" {
		return nil
	}
	if d.Organisasi == "" {
		return domain.Unprocessable("predikat_organisasi_belum_ada",
			"Predikat organisasi unit untuk periode ini belum ditetapkan; instansi mewajibkan pemeriksaan distribusi.",
			"The unit's organisation predikat for this period is not set; the instansi requires the distribution check.")
	}
	if d.Valid() {
		return nil
	}
	ids, ens := make([]string, len(d.Pelanggaran)), make([]string, len(d.Pelanggaran))
	for i, v := range d.Pelanggaran {
		ids[i], ens[i] = v.Text.ID, v.Text.EN
	}
	return domain.Unprocessable("distribusi_dilanggar",
		"Sebaran predikat melanggar kurva distribusi (SE MenPANRB 3/2023): "+strings.Join(ids, " "),
		"The predikat distribution breaks the curve (SE MenPANRB 3/2023): "+strings.Join(ens, " "))
}

func (s *Penilaian) finalise(ctx context.Context, inst string, p domain.Penilaian) error {
	before := p
	now := s.Now().UTC()
	p.Status, p.DifinalkanAt, p.UpdatedAt = domain.PenilaianFinal, &now, now
	if err := s.Store.UpdatePenilaian(ctx, p); err != nil {
		return err
	}
	after := p
	after.Version++
	return s.record(ctx, inst, "UPDATE", "penilaian", p.ID, before, after)
}

// distributionUnit is the unit whose curve an evaluation counts in: the nearest unit,
// from the pegawai's own upwards, that has an organisation predikat for the period;
// the pegawai's own unit when none has.
func (s *Penilaian) distributionUnit(ctx context.Context, inst string, p domain.Penilaian) (domain.UnitKerja, error) {
	u, err := s.Store.GetUnitKerja(ctx, inst, p.UnitKerjaID)
	if err != nil {
		return u, err
	}
	ids := strings.Split(strings.Trim(u.Path, "/"), "/")
	ps, err := s.Store.ListPenetapanOrganisasi(ctx, inst, p.Tahun, p.Jenis, &p.Periode, ids)
	if err != nil {
		return u, err
	}
	best := ""
	for _, x := range ps {
		if len(x.UnitPath) > len(best) && strings.HasPrefix(u.Path, x.UnitPath) {
			best = x.UnitPath
			if x.UnitKerjaID != u.ID {
				if u, err = s.Store.GetUnitKerja(ctx, inst, x.UnitKerjaID); err != nil {
					return u, err
				}
			}
		}
	}
	return u, nil
}

// distribusi counts the predikat of every evaluation of the unit's subtree for the
// period (override replaces the stored predikat of the given evaluations, for the one
// being finalised) and checks them against the unit's organisation predikat.
func (s *Penilaian) distribusi(ctx context.Context, inst string, u domain.UnitKerja, tahun int, jenis string, periode int,
	override map[string]domain.Predikat) (DistribusiView, error) {
	set, err := s.Store.GetPeriodeKinerja(ctx, inst, tahun)
	if err != nil {
		return DistribusiView{}, err
	}
	d := DistribusiView{Unit: u, Tahun: tahun, Jenis: jenis, Periode: periode, Mode: set.ModeDistribusi,
		Sebaran: map[domain.Predikat]int{}, Pelanggaran: []domain.Violation{}}
	if d.Organisasi, err = s.organisasiOf(ctx, inst, u.ID, tahun, jenis, periode); err != nil {
		return d, err
	}
	ps, _, err := s.Store.ListPenilaian(ctx, domain.PenilaianFilter{InstansiID: inst, Tahun: tahun, Jenis: jenis, Periode: &periode, UnitPath: u.Path})
	if err != nil {
		return d, err
	}
	for _, p := range ps {
		pred := p.Predikat
		if o, ok := override[p.ID]; ok {
			pred = o
		}
		if pred == "" {
			d.TanpaPredikat++
			continue
		}
		d.Sebaran[pred]++
		d.Jumlah++
	}
	if d.Organisasi == "" {
		d.Catatan = domain.Text{ID: "Predikat organisasi unit untuk periode ini belum ditetapkan; distribusi belum dapat diperiksa.",
			EN: "The unit's organisation predikat for this period is not set; the distribution cannot be checked yet."}
		return d, nil
	}
	vs, err := domain.CheckDistribution(d.Organisasi, d.Sebaran, domain.QuotaRounding{})
	if err != nil {
		return d, err
	}
	if vs != nil {
		d.Pelanggaran = vs
	}
	return d, nil
}

// Distribusi checks a unit's predikat distribution for a period.
func (s *Penilaian) Distribusi(ctx context.Context, unitID string, tahun int, jenis string, periode int) (DistribusiView, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return DistribusiView{}, err
	}
	u, err := s.unitFor(ctx, a, inst, unitID, false)
	if err != nil {
		return DistribusiView{}, err
	}
	if jenis == "TAHUNAN" {
		periode = 0
	}
	return s.distribusi(ctx, inst, u, tahun, jenis, periode, nil)
}

// unitFor loads a unit the caller works on: admins and auditors in scope, and the
// pegawai who lead it or a unit above it (set=true: only those who may set its
// organisation predikat, i.e. admins in scope and the head of a unit above it).
func (s *Penilaian) unitFor(ctx context.Context, a domain.Actor, inst, unitID string, set bool) (domain.UnitKerja, error) {
	u, err := s.Store.GetUnitKerja(ctx, inst, unitID)
	if err != nil {
		return u, err
	}
	if set && kinAdminCovers(a, u.Path) || !set && (kinReadsUnit(a, u.Path) || a.Has(domain.RoleKeuangan)) {
		return u, nil
	}
	if a.PegawaiID != "" {
		today, err := s.today(ctx, s.Store, inst)
		if err != nil {
			return u, err
		}
		me, err := s.Store.PegawaiViewByID(ctx, inst, a.PegawaiID, today)
		if err != nil {
			return u, err
		}
		ids := strings.Split(strings.Trim(u.Path, "/"), "/")
		if set {
			ids = ids[:len(ids)-1] // a unit head does not rate their own unit
		}
		for _, id := range ids {
			if me.JabatanID == "" {
				break
			}
			lead, err := s.Store.LeadsUnit(ctx, inst, me.JabatanID, id)
			if err != nil {
				return u, err
			}
			if lead {
				return u, nil
			}
		}
		if set && (kinReadsUnit(a, u.Path) || strings.HasPrefix(u.Path, me.UnitPath)) {
			return u, domain.Forbidden("Predikat organisasi ditetapkan oleh pimpinan unit di atasnya atau admin.",
				"The organisation predikat is set by the head of the unit above it or an administrator.")
		}
	}
	return u, domain.NotFound("Unit kerja")
}

// Finalisasi finalises a unit's complete DRAFT evaluations for a period that the
// caller may finalise (a rater their own; an admin all in scope), after the check.
func (s *Penilaian) Finalisasi(ctx context.Context, unitID string, tahun int, jenis string, periode int) (FinalisasiView, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return FinalisasiView{}, err
	}
	if err := requireWrite(a); err != nil {
		return FinalisasiView{}, err
	}
	if jenis == "TAHUNAN" {
		periode = 0
	}
	var out FinalisasiView
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		u, err := s.Store.GetUnitKerja(ctx, inst, unitID)
		if err != nil {
			return err
		}
		admin := kinAdminCovers(a, u.Path) && !a.Has(domain.RoleAuditor)
		if !admin && a.PegawaiID == "" {
			if kinReadsUnit(a, u.Path) {
				return domain.ErrForbidden
			}
			return domain.NotFound("Unit kerja")
		}
		ps, _, err := s.Store.ListPenilaian(ctx, domain.PenilaianFilter{InstansiID: inst, Tahun: tahun, Jenis: jenis, Periode: &periode, UnitPath: u.Path})
		if err != nil {
			return err
		}
		override := map[string]domain.Predikat{}
		var mine []domain.Penilaian
		out.Dilewati = []Dilewati{}
		for _, p := range ps {
			if p.Status != domain.PenilaianDraft || !(admin || p.Penilai.PegawaiID == a.PegawaiID) {
				continue
			}
			if err := s.applyUnit(ctx, inst, &p); err != nil {
				return err
			}
			override[p.ID] = p.Predikat
			if !p.Complete() {
				out.Dilewati = append(out.Dilewati, Dilewati{ID: p.ID, Alasan: domain.Text{ID: "Rating belum lengkap.", EN: "Ratings incomplete."}})
				continue
			}
			mine = append(mine, p)
		}
		if !admin && len(mine) == 0 && len(out.Dilewati) == 0 {
			return domain.Forbidden("Tidak ada penilaian unit ini yang Anda nilai.", "You rate no evaluation in this unit.")
		}
		if out.Distribusi, err = s.distribusi(ctx, inst, u, tahun, jenis, periode, override); err != nil {
			return err
		}
		if err := blocked(out.Distribusi); err != nil {
			return err
		}
		out.Difinalkan = []string{}
		for _, p := range mine {
			if err := s.finalise(ctx, inst, p); err != nil {
				return err
			}
			out.Difinalkan = append(out.Difinalkan, p.ID)
		}
		return nil
	})
	return out, err
}

// PenetapanInput sets a unit's organisation predikat.
type PenetapanInput struct {
	UnitKerjaID, Jenis, Catatan string
	Tahun, Periode              int
	Predikat                    domain.PredikatOrganisasi
}

// PutOrganisasi sets a unit's organisation predikat for a period.
func (s *Penilaian) PutOrganisasi(ctx context.Context, in PenetapanInput) (domain.PenetapanOrganisasi, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.PenetapanOrganisasi{}, err
	}
	if err := requireWrite(a); err != nil {
		return domain.PenetapanOrganisasi{}, err
	}
	u, err := s.unitFor(ctx, a, inst, in.UnitKerjaID, true)
	if err != nil {
		return domain.PenetapanOrganisasi{}, err
	}
	if in.Jenis == "TAHUNAN" {
		in.Periode = 0
	} else {
		set, err := s.Store.GetPeriodeKinerja(ctx, inst, in.Tahun)
		if err != nil {
			return domain.PenetapanOrganisasi{}, err
		}
		if _, _, err := set.Rentang(in.Jenis, in.Periode); err != nil {
			return domain.PenetapanOrganisasi{}, err
		}
	}
	var out domain.PenetapanOrganisasi
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		p := domain.PenetapanOrganisasi{InstansiID: inst, UnitKerjaID: u.ID, Tahun: in.Tahun, Jenis: in.Jenis, Periode: in.Periode,
			Predikat: in.Predikat, Catatan: strings.TrimSpace(in.Catatan), DitetapkanOleh: a.Name, UpdatedAt: s.Now().UTC()}
		if out, err = s.Store.SavePenetapanOrganisasi(ctx, p); err != nil {
			return err
		}
		return s.record(ctx, inst, "UPDATE", "predikat_organisasi", out.ID, nil, out)
	})
	return out, err
}

// ListOrganisasi lists organisation predikat within the caller's reach.
func (s *Penilaian) ListOrganisasi(ctx context.Context, tahun int, jenis string, periode *int, unitID string) ([]domain.PenetapanOrganisasi, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, err
	}
	var ids []string
	if unitID != "" {
		if _, err := s.unitFor(ctx, a, inst, unitID, false); err != nil {
			return nil, err
		}
		ids = []string{unitID}
	}
	ps, err := s.Store.ListPenetapanOrganisasi(ctx, inst, tahun, jenis, periode, ids)
	if err != nil {
		return nil, err
	}
	if kinReadsAll(a) || a.Has(domain.RoleKeuangan) || unitID != "" {
		return ps, nil
	}
	out := []domain.PenetapanOrganisasi{}
	for _, p := range ps {
		if a.Has(domain.RoleAdminUnit) && a.CoversUnit(p.UnitPath) {
			out = append(out, p)
		}
	}
	if len(out) == 0 && !a.Has(domain.RoleAdminUnit) {
		// an employee reads the organisation predikat of their own units, which explain their result
		today, err := s.today(ctx, s.Store, inst)
		if err != nil || a.PegawaiID == "" {
			return out, err
		}
		me, err := s.Store.PegawaiViewByID(ctx, inst, a.PegawaiID, today)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if strings.HasPrefix(me.UnitPath, p.UnitPath) {
				out = append(out, p)
			}
		}
	}
	return out, nil
}
