package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// AturanTPPStore is the storage AturanTPP needs.
type AturanTPPStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	ListAturanTPPSemua(ctx context.Context, instansiID string) ([]domain.AturanTPP, error)
	GetAturanTPP(ctx context.Context, instansiID, id string) (domain.AturanTPP, error)
	ListAturanTPP(ctx context.Context, instansiID string, offset, limit int) ([]domain.AturanTPP, int64, error)
	AturanTPPByKunci(ctx context.Context, instansiID, key string) (domain.AturanTPP, string, error)
	AturanTPPMulaiAda(ctx context.Context, instansiID string, mulai time.Time, exceptID string) (bool, error)
	AturanTPPDirujuk(ctx context.Context, instansiID, id string) (bool, error)
	LockInstansiTPP(ctx context.Context, instansiID string) error
	CreateAturanTPP(ctx context.Context, a domain.AturanTPP, key, fingerprint string) (domain.AturanTPP, error)
	UpdateAturanTPP(ctx context.Context, a domain.AturanTPP) (domain.AturanTPP, error)
	DeleteAturanTPP(ctx context.Context, instansiID, id string) error
}

// AturanTPP keeps the versions of each instansi's TPP rule profile.
//
// Access: ADMIN_INSTANSI and KEUANGAN save, replace and remove versions; they,
// AUDITOR and ADMIN_UNIT read them. The presets serve anyone signed in.
type AturanTPP struct {
	Base
	Store AturanTPPStore
}

// AturanTPPInput is a version to save: exactly one of Profil (already read and
// validated with domain.ParseProfilTPP) and Preset (a preset's code).
type AturanTPPInput struct {
	Nama         string
	DasarHukum   string
	Keterangan   string
	BerlakuMulai time.Time
	Profil       *domain.ProfilTPP
	Preset       string
}

// PresetTPP is a ready-made profile with its description.
type PresetTPP struct {
	Info   domain.InfoPresetTPP
	Profil domain.ProfilTPP
}

// Berlaku returns the version in force for a month, or 422 aturan_tidak_ada.
func (s *AturanTPP) Berlaku(ctx context.Context, inst string, tahun int, bulan time.Month) (domain.AturanTPP, error) {
	all, err := s.Store.ListAturanTPPSemua(ctx, inst)
	if err != nil {
		return domain.AturanTPP{}, err
	}
	v, ok := domain.BerlakuUntuk(all, tahun, bulan)
	if !ok {
		return domain.AturanTPP{}, errAturanTidakAda()
	}
	return v, nil
}

func errAturanTidakAda() error {
	return domain.Unprocessable("aturan_tidak_ada",
		"Belum ada aturan TPP yang berlaku untuk bulan tersebut.",
		"No TPP rule profile is in force for that month.")
}

func errAturanDigunakan() error {
	return domain.Conflict("aturan_digunakan",
		"Versi aturan TPP ini sudah dipakai perhitungan TPP sehingga tidak dapat diubah atau dihapus; simpan versi baru.",
		"This TPP rule version was used by a payroll run and can no longer change or be removed; save a new version.")
}

func errMulaiGanda() error {
	e := domain.Conflict("berlaku_mulai_duplikat",
		"Sudah ada versi aturan TPP yang berlaku mulai tanggal ini.",
		"A TPP rule version already starts on this date.")
	e.Fields = []domain.FieldError{{Field: "berlaku_mulai", Code: "berlaku_mulai_duplikat", Text: e.Text}}
	return e
}

var errIdempotensiBeda = domain.Unprocessable("idempotency_mismatch",
	"Idempotency-Key ini sudah dipakai untuk aturan TPP dengan isi yang berbeda.",
	"This Idempotency-Key was already used for a TPP rule version with a different content.")

// tppConfigReader checks the caller may read the TPP settings (rule versions, budgets).
func tppConfigReader(a domain.Actor) error {
	return requireRole(a, domain.RoleAdminInstansi, domain.RoleKeuangan, domain.RoleAuditor, domain.RoleAdminUnit)
}

// tppConfigWriter checks the caller may change the TPP settings (rule versions, budgets,
// payroll inputs).
func tppConfigWriter(a domain.Actor) error {
	if err := requireWrite(a); err != nil {
		return err
	}
	return requireRole(a, domain.RoleAdminInstansi, domain.RoleKeuangan)
}

// aturan checks the input and builds the version it describes.
func (in AturanTPPInput) aturan() (domain.AturanTPP, error) {
	out := domain.AturanTPP{Nama: strings.TrimSpace(in.Nama), DasarHukum: strings.TrimSpace(in.DasarHukum),
		Keterangan: strings.TrimSpace(in.Keterangan), BerlakuMulai: domain.Date(in.BerlakuMulai, time.UTC)}
	var v domain.Validation
	if out.Nama == "" {
		v.Add("nama", "required", "Nama aturan wajib diisi.", "The rule's name is required.")
	}
	if out.BerlakuMulai.Day() != 1 {
		v.Add("berlaku_mulai", "bukan_awal_bulan", "Tanggal berlaku harus tanggal 1 suatu bulan.",
			"The start date must be the first day of a month.")
	}
	switch {
	case in.Profil != nil && in.Preset != "":
		v.Add("preset", "profil_atau_preset", "Isi salah satu: profil atau preset, bukan keduanya.",
			"Give either profil or preset, not both.")
	case in.Profil == nil && in.Preset == "":
		v.Add("profil", "profil_atau_preset", "Isi profil atau pilih preset.", "Give a profil or choose a preset.")
	}
	if err := v.Err(); err != nil {
		return domain.AturanTPP{}, err
	}
	if in.Preset != "" {
		p, ok := domain.PresetTPP(in.Preset)
		if !ok {
			return domain.AturanTPP{}, domain.Invalid("preset", "enum_invalid", "Preset tidak dikenal.", "Unknown preset.")
		}
		out.Profil = p
		return out, nil
	}
	out.Profil = *in.Profil
	return out, nil
}

// aturanSidik fingerprints what a create request asked for, for Idempotency-Key: the
// SHA-256 of the canonical JSON of the version's texts, start and profile.
func aturanSidik(a domain.AturanTPP) (string, error) {
	prof, err := a.Profil.MarshalJSON()
	if err != nil {
		return "", fmt.Errorf("fingerprint aturan tpp: %w", err)
	}
	b, err := json.Marshal(struct {
		Nama, DasarHukum, Keterangan, BerlakuMulai string
		Profil                                     json.RawMessage
	}{a.Nama, a.DasarHukum, a.Keterangan, a.BerlakuMulai.Format(time.DateOnly), prof})
	if err != nil {
		return "", fmt.Errorf("fingerprint aturan tpp: %w", err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// List returns a page of versions, the latest start first.
func (s *AturanTPP) List(ctx context.Context, pg Page) ([]domain.AturanTPP, int64, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	if err := tppConfigReader(a); err != nil {
		return nil, 0, err
	}
	return s.Store.ListAturanTPP(ctx, inst, pg.Offset(), pg.Size)
}

// Get reads one version.
func (s *AturanTPP) Get(ctx context.Context, id string) (domain.AturanTPP, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.AturanTPP{}, err
	}
	if err := tppConfigReader(a); err != nil {
		return domain.AturanTPP{}, err
	}
	return s.Store.GetAturanTPP(ctx, inst, id)
}

// GetBerlaku reads the version in force for a month; NotFound when none has started.
func (s *AturanTPP) GetBerlaku(ctx context.Context, tahun int, bulan time.Month) (domain.AturanTPP, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.AturanTPP{}, err
	}
	if err := tppConfigReader(a); err != nil {
		return domain.AturanTPP{}, err
	}
	all, err := s.Store.ListAturanTPPSemua(ctx, inst)
	if err != nil {
		return domain.AturanTPP{}, err
	}
	v, ok := domain.BerlakuUntuk(all, tahun, bulan)
	if !ok {
		return domain.AturanTPP{}, domain.NotFound("Aturan TPP")
	}
	return v, nil
}

// Preset returns the ready-made profiles.
func (s *AturanTPP) Preset(ctx context.Context) ([]PresetTPP, error) {
	if _, err := actor(ctx); err != nil {
		return nil, err
	}
	info := domain.DaftarPresetTPP()
	out := make([]PresetTPP, len(info))
	for i, p := range info {
		out[i].Info = p
		out[i].Profil, _ = domain.PresetTPP(p.Kode)
	}
	return out, nil
}

// Create saves a new version as the instansi's next versi. With an Idempotency-Key
// (key) a repeated request returns the version it saved then (replayed true); the
// same key with another content is refused.
func (s *AturanTPP) Create(ctx context.Context, in AturanTPPInput, key string) (out domain.AturanTPP, replayed bool, err error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return out, false, err
	}
	if err := tppConfigWriter(a); err != nil {
		return out, false, err
	}
	v, err := in.aturan()
	if err != nil {
		return out, false, err
	}
	sidik, err := aturanSidik(v)
	if err != nil {
		return out, false, err
	}
	v.ID, v.InstansiID, v.CreatedAt = newID(), inst, s.Now().UTC()
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		if err := s.Store.LockInstansiTPP(ctx, inst); err != nil {
			return err
		}
		if key != "" {
			old, oldSidik, err := s.Store.AturanTPPByKunci(ctx, inst, key)
			switch {
			case err == nil && oldSidik != sidik:
				return errIdempotensiBeda
			case err == nil:
				out, replayed = old, true
				return nil
			case !isNotFound(err):
				return err
			}
		}
		ada, err := s.Store.AturanTPPMulaiAda(ctx, inst, v.BerlakuMulai, "")
		if err != nil {
			return err
		}
		if ada {
			return errMulaiGanda()
		}
		if out, err = s.Store.CreateAturanTPP(ctx, v, key, sidik); err != nil {
			return err
		}
		return s.record(ctx, inst, "CREATE", "aturan_tpp", out.ID, nil, out)
	})
	return out, replayed, err
}

// Put replaces a version's texts, start and profile unless an approved run used it.
func (s *AturanTPP) Put(ctx context.Context, id string, in AturanTPPInput, expected *int) (domain.AturanTPP, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.AturanTPP{}, err
	}
	if err := tppConfigWriter(a); err != nil {
		return domain.AturanTPP{}, err
	}
	v, err := in.aturan()
	if err != nil {
		return domain.AturanTPP{}, err
	}
	var out domain.AturanTPP
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		if err := s.Store.LockInstansiTPP(ctx, inst); err != nil {
			return err
		}
		cur, err := s.Store.GetAturanTPP(ctx, inst, id)
		if err != nil {
			return err
		}
		if cur.Digunakan {
			return errAturanDigunakan()
		}
		if err := checkVersion(expected, cur.Version); err != nil {
			return err
		}
		ada, err := s.Store.AturanTPPMulaiAda(ctx, inst, v.BerlakuMulai, id)
		if err != nil {
			return err
		}
		if ada {
			return errMulaiGanda()
		}
		v.ID, v.InstansiID, v.Version, v.UpdatedAt = id, inst, cur.Version, s.Now().UTC()
		if out, err = s.Store.UpdateAturanTPP(ctx, v); err != nil {
			return err
		}
		return s.record(ctx, inst, "UPDATE", "aturan_tpp", id, cur, out)
	})
	return out, err
}

// Delete removes a version no payroll run refers to.
func (s *AturanTPP) Delete(ctx context.Context, id string) error {
	a, inst, err := tenant(ctx)
	if err != nil {
		return err
	}
	if err := tppConfigWriter(a); err != nil {
		return err
	}
	return s.Tx.InTx(ctx, func(ctx context.Context) error {
		if err := s.Store.LockInstansiTPP(ctx, inst); err != nil {
			return err
		}
		cur, err := s.Store.GetAturanTPP(ctx, inst, id)
		if err != nil {
			return err
		}
		if cur.Digunakan {
			return errAturanDigunakan()
		}
		dirujuk, err := s.Store.AturanTPPDirujuk(ctx, inst, id)
		if err != nil {
			return err
		}
		if dirujuk {
			return errAturanDigunakan()
		}
		if err := s.Store.DeleteAturanTPP(ctx, inst, id); err != nil {
			return err
		}
		return s.record(ctx, inst, "DELETE", "aturan_tpp", id, cur, nil)
	})
}
