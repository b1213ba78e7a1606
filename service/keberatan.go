package service

import (
	"context"
	"fmt"
	"strings"

	"github.com/kinerja-id/kinerja/domain"
)

// KeberatanStore is the storage Keberatan needs.
type KeberatanStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	GetPeriodeKinerja(ctx context.Context, instansiID string, tahun int) (domain.PeriodeKinerja, error)
	GetPenilaian(ctx context.Context, instansiID, id string) (domain.Penilaian, error)
	UpdatePenilaian(ctx context.Context, p domain.Penilaian) error
	CreateKeberatan(ctx context.Context, k domain.Keberatan) (domain.Keberatan, error)
	GetKeberatan(ctx context.Context, instansiID, id string) (domain.Keberatan, error)
	ListKeberatan(ctx context.Context, f domain.KeberatanFilter) ([]domain.Keberatan, int64, error)
	DecideKeberatan(ctx context.Context, k domain.Keberatan) error
}

// Keberatan handles objections to final evaluations (PP 30/2019 Ps. 59): the pegawai
// objects within the instansi's deadline; the rater's superior (or, with none,
// ADMIN_INSTANSI) decides once, with finality.
//
// Access: the objector, the rater and the decider; ADMIN_UNIT and ADMIN_INSTANSI in scope and
// AUDITOR read.
type Keberatan struct {
	Base
	Store KeberatanStore
}

func (s *Keberatan) canRead(a domain.Actor, k domain.Keberatan) bool {
	me := a.PegawaiID
	return kinReadsUnit(a, k.UnitPath) || (me != "" && (me == k.PegawaiID || me == k.PenilaiID || me == pejabatID(k.Pemutus)))
}

// Create files an objection to the caller's own final evaluation.
func (s *Keberatan) Create(ctx context.Context, penilaianID, alasan string, diharapkan domain.Predikat) (domain.Keberatan, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.Keberatan{}, err
	}
	if err := requireWrite(a); err != nil {
		return domain.Keberatan{}, err
	}
	alasan = strings.TrimSpace(alasan)
	if alasan == "" {
		return domain.Keberatan{}, domain.Invalid("alasan", "required", "Alasan keberatan wajib diisi.", "A reason is required.")
	}
	var out domain.Keberatan
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		p, err := s.Store.GetPenilaian(ctx, inst, penilaianID)
		if err != nil {
			return err
		}
		if a.PegawaiID == "" || a.PegawaiID != p.PegawaiID {
			if kinReadsUnit(a, p.UnitPath) || a.PegawaiID == p.Penilai.PegawaiID || a.PegawaiID == pejabatID(p.AtasanPenilai) {
				return domain.Forbidden("Hanya pegawai yang dinilai yang dapat mengajukan keberatan.", "Only the pegawai evaluated can object.")
			}
			return domain.NotFound("Penilaian")
		}
		set, err := s.Store.GetPeriodeKinerja(ctx, inst, p.Tahun)
		if err != nil {
			return err
		}
		i, err := s.Store.GetInstansi(ctx, inst)
		if err != nil {
			return err
		}
		loc, err := domain.Zona(i.ZonaWaktu)
		if err != nil {
			return fmt.Errorf("zona waktu %s: %w", i.ZonaWaktu, err)
		}
		if err := domain.CheckKeberatanWindow(p, i.Today(s.Now()), p.BatasKeberatan(set.BatasKeberatanHari, loc)); err != nil {
			return err
		}
		now := s.Now().UTC()
		k := domain.Keberatan{ID: newID(), InstansiID: inst, PenilaianID: p.ID, PegawaiID: p.PegawaiID, Pemutus: p.AtasanPenilai,
			Alasan: alasan, PredikatSemula: p.Predikat, PredikatDiharapkan: diharapkan, Status: "DIAJUKAN", DiajukanAt: now}
		before := p
		p.Status, p.UpdatedAt = domain.PenilaianKeberatan, now
		if err := s.Store.UpdatePenilaian(ctx, p); err != nil {
			return err
		}
		if out, err = s.Store.CreateKeberatan(ctx, k); err != nil {
			return err
		}
		if err := s.record(ctx, inst, "UPDATE", "penilaian", p.ID, before, p); err != nil {
			return err
		}
		return s.record(ctx, inst, "CREATE", "keberatan", out.ID, nil, out)
	})
	return out, err
}

// Get reads one objection.
func (s *Keberatan) Get(ctx context.Context, id string) (domain.Keberatan, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.Keberatan{}, err
	}
	k, err := s.Store.GetKeberatan(ctx, inst, id)
	if err != nil {
		return k, err
	}
	if !s.canRead(a, k) {
		return k, domain.NotFound("Keberatan")
	}
	return k, nil
}

// List returns the objections within the caller's reach.
func (s *Keberatan) List(ctx context.Context, f domain.KeberatanFilter, pg Page) ([]domain.Keberatan, int64, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	f.InstansiID, f.Offset, f.Limit = inst, pg.Offset(), pg.Size
	switch {
	case kinReadsAll(a):
	case a.Has(domain.RoleAdminUnit) && a.UnitPath != "":
		f.ScopePath = a.UnitPath
	case a.PegawaiID != "":
		f.TerkaitID = a.PegawaiID
	default:
		return nil, 0, domain.ErrForbidden
	}
	return s.Store.ListKeberatan(ctx, f)
}

// Putus decides an objection: DIKUATKAN keeps the predikat, DIUBAH sets another.
func (s *Keberatan) Putus(ctx context.Context, id, keputusan string, predikat domain.Predikat, alasan string) (domain.Keberatan, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.Keberatan{}, err
	}
	if err := requireWrite(a); err != nil {
		return domain.Keberatan{}, err
	}
	alasan = strings.TrimSpace(alasan)
	var v domain.Validation
	if alasan == "" {
		v.Add("alasan", "required", "Alasan putusan wajib diisi.", "A reason is required.")
	}
	if keputusan == "DIUBAH" && predikat == "" {
		v.Add("predikat", "required", "Predikat baru wajib diisi bila keputusan DIUBAH.", "A new predikat is required when the decision is DIUBAH.")
	}
	if err := v.Err(); err != nil {
		return domain.Keberatan{}, err
	}
	var out domain.Keberatan
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		k, err := s.Get(ctx, id)
		if err != nil {
			return err
		}
		decider := a.PegawaiID != "" && a.PegawaiID == pejabatID(k.Pemutus)
		if k.Pemutus == nil {
			decider = a.HasAny(domain.RoleSuperadmin, domain.RoleAdminInstansi)
		}
		if !decider {
			return domain.Forbidden("Keberatan diputus oleh atasan pejabat penilai kinerja.", "The objection is decided by the rater's superior.")
		}
		if k.Status != "DIAJUKAN" {
			return domain.Conflict("keberatan_diputus", "Keberatan sudah diputus; keputusan bersifat final.",
				"The objection was already decided; the decision is final.")
		}
		if keputusan == "DIUBAH" && predikat == k.PredikatSemula {
			return domain.Invalid("predikat", "predikat_sama", "Predikat baru sama dengan semula; gunakan DIKUATKAN.",
				"The new predikat equals the original; use DIKUATKAN.")
		}
		p, err := s.Store.GetPenilaian(ctx, inst, k.PenilaianID)
		if err != nil {
			return err
		}
		now := s.Now().UTC()
		before := k
		k.Status, k.Keputusan, k.AlasanPutusan, k.DiputusAt, k.PredikatAkhir = "DIPUTUS", keputusan, alasan, &now, k.PredikatSemula
		if keputusan == "DIUBAH" {
			k.PredikatAkhir = predikat
		}
		if err := s.Store.DecideKeberatan(ctx, k); err != nil {
			return err
		}
		pb := p
		p.Status, p.PredikatAwal, p.Predikat, p.UpdatedAt = domain.PenilaianDiputus, p.Predikat, k.PredikatAkhir, now
		if err := s.Store.UpdatePenilaian(ctx, p); err != nil {
			return err
		}
		if err := s.record(ctx, inst, "UPDATE", "penilaian", p.ID, pb, p); err != nil {
			return err
		}
		if out, err = s.Store.GetKeberatan(ctx, inst, k.ID); err != nil {
			return err
		}
		return s.record(ctx, inst, "UPDATE", "keberatan", k.ID, before, out)
	})
	return out, err
}
