package service

import (
	"context"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// HukumanDisiplinStore is the storage HukumanDisiplin needs.
type HukumanDisiplinStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	PegawaiViewByNIP(ctx context.Context, instansiID, nip string, asOf time.Time) (domain.PegawaiView, error)
	LockPegawai(ctx context.Context, instansiID, pegawaiID string) error
	HukumanNomorSKAda(ctx context.Context, instansiID, pegawaiID, nomorSK string) (bool, error)
	CreateHukumanDisiplin(ctx context.Context, h domain.HukumanDisiplin) error
	GetHukumanDisiplin(ctx context.Context, instansiID, id string, asOf time.Time) (domain.HukumanDisiplin, error)
	ListHukumanDisiplin(ctx context.Context, f domain.HukumanDisiplinFilter) ([]domain.HukumanDisiplin, int64, error)
}

// HukumanDisiplin records disciplinary sanction decisions (PP 94/2021) taken by the
// official empowered to sanction; Kinerja does not decide them, it keeps them for
// pay and for the yearly absence check.
//
// Access: ADMIN_INSTANSI, or ADMIN_UNIT for pegawai placed in its subtree today,
// records them; the pegawai reads their own, the rater their direct subordinates',
// administrators theirs in scope, AUDITOR and KEUANGAN all.
type HukumanDisiplin struct {
	Base
	Store HukumanDisiplinStore
	Org   ReportingChain
}

// HukumanDisiplinInput is a sanction decision to record. DurasiBulan nil takes the
// type's national duration.
type HukumanDisiplinInput struct {
	NIP             string
	Jenis           domain.JenisHukuman
	NomorSK         string
	TanggalSK       time.Time
	TanggalBerlaku  time.Time
	DurasiBulan     *int
	Keterangan      string
	DariUsulanTahun int
}

// List returns a page of sanctions within the caller's reach.
func (s *HukumanDisiplin) List(ctx context.Context, f domain.HukumanDisiplinFilter, pg Page) ([]domain.HukumanDisiplin, int64, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return nil, 0, err
	}
	f.InstansiID, f.AsOf, f.Offset, f.Limit = inst, today, pg.Offset(), pg.Size
	if f.BerlakuPada != nil {
		d := domain.Date(*f.BerlakuPada, time.UTC)
		f.BerlakuPada = &d
	}
	if f.Jangkauan, err = izinJangkauan(ctx, s.Org, a, inst, today); err != nil {
		return nil, 0, err
	}
	return s.Store.ListHukumanDisiplin(ctx, f)
}

// Create records a sanction decision. A pegawai has one record per SK number.
func (s *HukumanDisiplin) Create(ctx context.Context, in HukumanDisiplinInput) (domain.HukumanDisiplin, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.HukumanDisiplin{}, err
	}
	if err := requirePengelola(a); err != nil {
		return domain.HukumanDisiplin{}, err
	}
	h, err := domain.HukumanDisiplin{InstansiID: inst, Jenis: in.Jenis, NomorSK: in.NomorSK,
		TanggalSK: domain.Date(in.TanggalSK, time.UTC), TanggalBerlaku: domain.Date(in.TanggalBerlaku, time.UTC),
		Keterangan: strings.TrimSpace(in.Keterangan), DariUsulanTahun: in.DariUsulanTahun}.Validate(in.DurasiBulan)
	if err != nil {
		return domain.HukumanDisiplin{}, err
	}
	v, today, err := pegawaiKelolaan(ctx, s.Base, s.Store, a, inst, in.NIP)
	if err != nil {
		return domain.HukumanDisiplin{}, err
	}
	h.ID, h.PegawaiID, h.CreatedAt = newID(), v.Pegawai.ID, s.Now().UTC()
	var out domain.HukumanDisiplin
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		// Serialise records for this pegawai so that the SK-number check holds.
		if err := s.Store.LockPegawai(ctx, inst, h.PegawaiID); err != nil {
			return err
		}
		ada, err := s.Store.HukumanNomorSKAda(ctx, inst, h.PegawaiID, h.NomorSK)
		if err != nil {
			return err
		}
		if ada {
			e := domain.Conflict("nomor_sk_duplikat",
				"Hukuman disiplin dengan nomor SK ini sudah tercatat untuk pegawai tersebut.",
				"A sanction with this decision number is already recorded for the pegawai.")
			e.Fields = []domain.FieldError{{Field: "nomor_sk", Code: "nomor_sk_duplikat", Text: e.Text}}
			return e
		}
		if err := s.Store.CreateHukumanDisiplin(ctx, h); err != nil {
			return err
		}
		if out, err = s.Store.GetHukumanDisiplin(ctx, inst, h.ID, today); err != nil {
			return err
		}
		return s.record(ctx, inst, "CREATE", "hukuman_disiplin", out.ID, nil, out)
	})
	return out, err
}

// Get reads one sanction within the caller's reach.
func (s *HukumanDisiplin) Get(ctx context.Context, id string) (domain.HukumanDisiplin, error) {
	return bacaTentangPegawai(ctx, s.Base, s.Store, s.Org, "Hukuman disiplin",
		func(ctx context.Context, inst string, today time.Time) (domain.HukumanDisiplin, error) {
			return s.Store.GetHukumanDisiplin(ctx, inst, id, today)
		},
		func(x domain.HukumanDisiplin) (string, string) { return x.PegawaiID, x.UnitPath })
}
