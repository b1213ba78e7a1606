package service

import (
	"context"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// KerjaFleksibelStore is the storage KerjaFleksibel needs.
type KerjaFleksibelStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	PegawaiViewByNIP(ctx context.Context, instansiID, nip string, asOf time.Time) (domain.PegawaiView, error)
	LockPegawai(ctx context.Context, instansiID, pegawaiID string) error
	CreateKerjaFleksibel(ctx context.Context, k domain.KerjaFleksibel) error
	KerjaFleksibelTumpang(ctx context.Context, instansiID, pegawaiID string, mulai, selesai time.Time) (int64, error)
	GetKerjaFleksibel(ctx context.Context, instansiID, id string, asOf time.Time) (domain.KerjaFleksibel, error)
	ListKerjaFleksibel(ctx context.Context, f domain.KerjaFleksibelFilter) ([]domain.KerjaFleksibel, int64, error)
	DeleteKerjaFleksibel(ctx context.Context, instansiID, id string) error
}

// KerjaFleksibel records the flexible work arrangements of PermenPANRB 4/2025 that an
// official authorised (WFA, flexible start, dynamic schedules), so that such days are
// never counted late or absent.
//
// Access: ADMIN_INSTANSI, or ADMIN_UNIT for pegawai placed in its subtree today,
// records and withdraws them; the pegawai reads their own, the rater their direct
// subordinates', administrators theirs in scope, AUDITOR and KEUANGAN all.
type KerjaFleksibel struct {
	Base
	Store KerjaFleksibelStore
	Org   ReportingChain
}

// KerjaFleksibelInput is an arrangement to record.
type KerjaFleksibelInput struct {
	NIP         string
	Jenis       domain.JenisFleksibel
	Mulai       time.Time
	Selesai     time.Time
	AwalMasuk   int // seconds since local midnight
	AkhirMasuk  int
	DurasiDetik int
	NomorSK     string
	Keterangan  string
}

// Create records an arrangement; one pegawai's arrangements never overlap.
func (s *KerjaFleksibel) Create(ctx context.Context, in KerjaFleksibelInput) (domain.KerjaFleksibel, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.KerjaFleksibel{}, err
	}
	if err := requirePengelola(a); err != nil {
		return domain.KerjaFleksibel{}, err
	}
	f := domain.Fleksibel{Jenis: in.Jenis, Mulai: domain.Date(in.Mulai, time.UTC), Selesai: domain.Date(in.Selesai, time.UTC)}
	if in.Jenis == domain.FleksibelWaktu {
		f.AwalMasuk, f.AkhirMasuk, f.DurasiDetik = in.AwalMasuk, in.AkhirMasuk, in.DurasiDetik
	}
	if err := f.Validate(); err != nil {
		return domain.KerjaFleksibel{}, err
	}
	v, today, err := pegawaiKelolaan(ctx, s.Base, s.Store, a, inst, in.NIP)
	if err != nil {
		return domain.KerjaFleksibel{}, err
	}
	f.PegawaiID = v.Pegawai.ID
	k := domain.KerjaFleksibel{ID: newID(), InstansiID: inst, Fleksibel: f, NomorSK: strings.TrimSpace(in.NomorSK),
		Keterangan: strings.TrimSpace(in.Keterangan), DibuatOleh: a.Name, CreatedAt: s.Now().UTC()}
	var out domain.KerjaFleksibel
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		// one writer per pegawai at a time, so that the overlap check holds
		if err := s.Store.LockPegawai(ctx, inst, f.PegawaiID); err != nil {
			return err
		}
		n, err := s.Store.KerjaFleksibelTumpang(ctx, inst, f.PegawaiID, f.Mulai, f.Selesai)
		if err != nil {
			return err
		}
		if n > 0 {
			return domain.Conflict("fleksibel_tumpang_tindih",
				"Pegawai sudah memiliki pengaturan kerja fleksibel pada sebagian rentang tanggal ini.",
				"The pegawai already has a flexible arrangement on part of these dates.")
		}
		if err := s.Store.CreateKerjaFleksibel(ctx, k); err != nil {
			return err
		}
		if out, err = s.Store.GetKerjaFleksibel(ctx, inst, k.ID, today); err != nil {
			return err
		}
		return s.record(ctx, inst, "CREATE", "kerja_fleksibel", k.ID, nil, out)
	})
	return out, err
}

// List returns a page of arrangements within the caller's reach.
func (s *KerjaFleksibel) List(ctx context.Context, f domain.KerjaFleksibelFilter, pg Page) ([]domain.KerjaFleksibel, int64, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return nil, 0, err
	}
	f.InstansiID, f.AsOf, f.Offset, f.Limit = inst, today, pg.Offset(), pg.Size
	if f.Jangkauan, err = izinJangkauan(ctx, s.Org, a, inst, today); err != nil {
		return nil, 0, err
	}
	return s.Store.ListKerjaFleksibel(ctx, f)
}

// Get reads one arrangement within the caller's reach.
func (s *KerjaFleksibel) Get(ctx context.Context, id string) (domain.KerjaFleksibel, error) {
	return bacaTentangPegawai(ctx, s.Base, s.Store, s.Org, "Kerja fleksibel",
		func(ctx context.Context, inst string, today time.Time) (domain.KerjaFleksibel, error) {
			return s.Store.GetKerjaFleksibel(ctx, inst, id, today)
		},
		func(x domain.KerjaFleksibel) (string, string) { return x.PegawaiID, x.UnitPath })
}

// Delete withdraws an arrangement.
func (s *KerjaFleksibel) Delete(ctx context.Context, id string) error {
	a, inst, err := tenant(ctx)
	if err != nil {
		return err
	}
	if err := requirePengelola(a); err != nil {
		return err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return err
	}
	return s.Tx.InTx(ctx, func(ctx context.Context) error {
		k, err := s.Store.GetKerjaFleksibel(ctx, inst, id, today)
		if err != nil {
			return err
		}
		if !kinAdminCovers(a, k.UnitPath) {
			return domain.NotFound("Kerja fleksibel")
		}
		if err := s.Store.DeleteKerjaFleksibel(ctx, inst, id); err != nil {
			return err
		}
		return s.record(ctx, inst, "DELETE", "kerja_fleksibel", id, k, nil)
	})
}
