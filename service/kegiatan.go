package service

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// KegiatanStore is the storage Kegiatan needs.
type KegiatanStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	PegawaiByNIP(ctx context.Context, instansiID, nip string) (domain.Pegawai, error)
	SKPOfRHK(ctx context.Context, instansiID, rhkID string) (domain.SKP, error)
	CreateKegiatan(ctx context.Context, k domain.Kegiatan) (domain.Kegiatan, error)
	GetKegiatan(ctx context.Context, instansiID, id string) (domain.Kegiatan, error)
	KegiatanByIDs(ctx context.Context, instansiID string, ids []string) ([]domain.Kegiatan, error)
	ListKegiatan(ctx context.Context, f domain.KegiatanFilter) ([]domain.Kegiatan, int64, error)
	KegiatanReachable(ctx context.Context, f domain.KegiatanFilter) (bool, error)
	UpdateKegiatan(ctx context.Context, k domain.Kegiatan) error
	DeleteKegiatan(ctx context.Context, instansiID, id string, version int) error
}

// Kegiatan manages the daily activity log a pegawai keeps against the RHK of their
// approved SKP, and its verification.
//
// Access follows the SKP the activity's RHK belongs to: the pegawai records, corrects
// and deletes their own; the rater recorded on that SKP reads and verifies them
// (nobody verifies their own); ADMIN_UNIT reads those of SKP in its subtree;
// ADMIN_INSTANSI, AUDITOR and SUPERADMIN read all of the instansi. Administrators
// neither record nor verify for others: the log is the pegawai's own account of their
// work, judged by their rater.
type Kegiatan struct {
	Base
	Store KegiatanStore
	// Org is wired for rules on the reporting chain at the activity's date; today the
	// rater is the one recorded on the SKP, as for SKP approval.
	Org ReportingChain
}

// KegiatanInput is an activity as the pegawai records or corrects it.
type KegiatanInput struct {
	Tanggal              time.Time
	JamMulai, JamSelesai string
	Menit                int
	Uraian               string
	RHKID                string
	Bukti                []string
}

// kegiatanReach sets what of the log the caller reads; dinilaiSaya keeps only the
// activities of those the caller rates. Callers who read nothing (KEUANGAN) are refused.
func kegiatanReach(a domain.Actor, dinilaiSaya bool) (domain.KegiatanReach, error) {
	var r domain.KegiatanReach
	switch {
	case dinilaiSaya:
		r.PenilaiID = a.PegawaiID // none linked: nothing
		return r, nil
	case kinReadsAll(a):
		r.All = true
		return r, nil
	}
	if a.Has(domain.RoleAdminUnit) && a.UnitPath != "" {
		r.ScopePath = a.UnitPath
	}
	if a.PegawaiID != "" {
		r.OwnerID, r.PenilaiID = a.PegawaiID, a.PegawaiID
	}
	if r.ScopePath == "" && r.OwnerID == "" {
		return r, domain.ErrForbidden
	}
	return r, nil
}

func kegiatanCanRead(a domain.Actor, k domain.Kegiatan) bool {
	if kinReadsUnit(a, k.UnitPath) {
		return true
	}
	me := a.PegawaiID
	return me != "" && (me == k.PegawaiID || me == k.PenilaiID)
}

func (s *Kegiatan) visible(ctx context.Context, a domain.Actor, inst, id string) (domain.Kegiatan, error) {
	k, err := s.Store.GetKegiatan(ctx, inst, id)
	if err != nil {
		return domain.Kegiatan{}, err
	}
	if !kegiatanCanRead(a, k) {
		return domain.Kegiatan{}, domain.NotFound("Kegiatan")
	}
	return k, nil
}

// List returns a page of activities within the caller's reach, newest first.
func (s *Kegiatan) List(ctx context.Context, f domain.KegiatanFilter, dinilaiSaya bool, pg Page) ([]domain.Kegiatan, int64, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	if f.Reach, err = kegiatanReach(a, dinilaiSaya); err != nil {
		return nil, 0, err
	}
	f.InstansiID, f.Offset, f.Limit, f.Oldest = inst, pg.Offset(), pg.Size, false
	return s.Store.ListKegiatan(ctx, f)
}

// Get reads one activity.
func (s *Kegiatan) Get(ctx context.Context, id string) (domain.Kegiatan, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.Kegiatan{}, err
	}
	return s.visible(ctx, a, inst, id)
}

// kegiatanRecorder checks that the caller records activities: only for oneself.
func kegiatanRecorder(a domain.Actor) error {
	if err := requireWrite(a); err != nil {
		return err
	}
	if a.PegawaiID == "" {
		return domain.Forbidden("Kegiatan hanya dicatat oleh pegawai sendiri; akun ini tidak terhubung dengan data pegawai.",
			"Activities are recorded by the pegawai themselves; this account is not linked to a pegawai.")
	}
	return nil
}

// apply checks in and puts it into k: the RHK must be one of the caller's own (another's
// is not found), of an SKP covering the date and approved at least once.
func (s *Kegiatan) apply(ctx context.Context, a domain.Actor, inst string, in KegiatanInput, k *domain.Kegiatan) error {
	skp, err := s.Store.SKPOfRHK(ctx, inst, in.RHKID)
	if err != nil {
		return err
	}
	if skp.PegawaiID != a.PegawaiID {
		return domain.NotFound("RHK")
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return err
	}
	k.RHKID, k.Tanggal, k.JamMulai, k.JamSelesai = in.RHKID, domain.Date(in.Tanggal, time.UTC), in.JamMulai, in.JamSelesai
	k.Menit, k.Uraian, k.Bukti = in.Menit, in.Uraian, in.Bukti
	return domain.CheckKegiatan(k, skp, today)
}

// Create records an activity of the caller's own, awaiting verification.
func (s *Kegiatan) Create(ctx context.Context, in KegiatanInput) (domain.Kegiatan, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.Kegiatan{}, err
	}
	if err := kegiatanRecorder(a); err != nil {
		return domain.Kegiatan{}, err
	}
	now := s.Now().UTC()
	k := domain.Kegiatan{ID: newID(), InstansiID: inst, PegawaiID: a.PegawaiID, Status: domain.KegiatanDiajukan,
		CreatedAt: now, UpdatedAt: now}
	if err := s.apply(ctx, a, inst, in, &k); err != nil {
		return domain.Kegiatan{}, err
	}
	var out domain.Kegiatan
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		if out, err = s.Store.CreateKegiatan(ctx, k); err != nil {
			return err
		}
		return s.record(ctx, inst, "CREATE", "kegiatan", out.ID, nil, out)
	})
	return out, err
}

// owned loads an activity the caller may change: their own, not accepted, at the
// expected version.
func (s *Kegiatan) owned(ctx context.Context, a domain.Actor, inst, id string, expected *int) (domain.Kegiatan, error) {
	k, err := s.visible(ctx, a, inst, id)
	if err != nil {
		return domain.Kegiatan{}, err
	}
	if err := requireWrite(a); err != nil {
		return domain.Kegiatan{}, err
	}
	if a.PegawaiID == "" || a.PegawaiID != k.PegawaiID {
		return domain.Kegiatan{}, domain.Forbidden("Hanya pegawai pemilik kegiatan yang dapat mengubah atau menghapusnya.",
			"Only the pegawai who recorded the activity can change or delete it.")
	}
	if err := checkVersion(expected, k.Version); err != nil {
		return domain.Kegiatan{}, err
	}
	return k, k.CheckUbah()
}

// Update corrects an activity awaiting verification or rejected; it is submitted again.
func (s *Kegiatan) Update(ctx context.Context, id string, in KegiatanInput, expected *int) (domain.Kegiatan, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.Kegiatan{}, err
	}
	var out domain.Kegiatan
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		k, err := s.owned(ctx, a, inst, id, expected)
		if err != nil {
			return err
		}
		before := k
		if err := s.apply(ctx, a, inst, in, &k); err != nil {
			return err
		}
		k.Status, k.Catatan, k.DinilaiOleh, k.DinilaiAt = domain.KegiatanDiajukan, "", nil, nil
		k.UpdatedAt = s.Now().UTC()
		if err := s.Store.UpdateKegiatan(ctx, k); err != nil {
			return err
		}
		if out, err = s.Store.GetKegiatan(ctx, inst, id); err != nil {
			return err
		}
		return s.record(ctx, inst, "UPDATE", "kegiatan", id, before, out)
	})
	return out, err
}

// Delete removes an activity of the caller's own that was not accepted.
func (s *Kegiatan) Delete(ctx context.Context, id string) error {
	a, inst, err := tenant(ctx)
	if err != nil {
		return err
	}
	return s.Tx.InTx(ctx, func(ctx context.Context) error {
		k, err := s.owned(ctx, a, inst, id, nil)
		if err != nil {
			return err
		}
		if err := s.Store.DeleteKegiatan(ctx, inst, id, k.Version); err != nil {
			return kegiatanConcurrent(err)
		}
		return s.record(ctx, inst, "DELETE", "kegiatan", id, k, nil)
	})
}

// kegiatanConcurrent reports a write lost to a concurrent one (the version moved between
// reading and writing) as a conflict, for operations that take no If-Match.
func kegiatanConcurrent(err error) error {
	if de, ok := domain.AsError(err); ok && de.Kind == domain.KindStale {
		return domain.Conflict("concurrent_update", "Perubahan bersamaan terdeteksi; coba lagi.",
			"A concurrent change was detected; try again.")
	}
	return err
}

// Verifikasi applies the caller's decisions on activities, all or nothing: every
// activity must be of an SKP the caller is the rater of, and never the caller's own.
// A decision may be revised, so an accepted activity can still be rejected and the
// other way round (a rater changing their mind before the month is paid is normal);
// repeating a stored decision changes nothing and is not audited. The result is in the
// order of the request.
func (s *Kegiatan) Verifikasi(ctx context.Context, items []domain.VerifikasiKegiatan) ([]domain.Kegiatan, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, err
	}
	if err := requireWrite(a); err != nil {
		return nil, err
	}
	if err := domain.ValidateVerifikasi(items); err != nil {
		return nil, err
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	out := make([]domain.Kegiatan, 0, len(items))
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		ks, err := s.Store.KegiatanByIDs(ctx, inst, ids)
		if err != nil {
			return err
		}
		byID := make(map[string]domain.Kegiatan, len(ks))
		for _, k := range ks {
			byID[k.ID] = k
		}
		// Unreachable ids first, so that the answer never depends on the order of items.
		for i, it := range items {
			if k, ok := byID[it.ID]; !ok || !kegiatanCanRead(a, k) {
				return kegiatanItemError(domain.NotFound("Kegiatan"), i)
			}
		}
		for i, it := range items {
			k := byID[it.ID]
			switch {
			case a.PegawaiID != "" && a.PegawaiID == k.PegawaiID:
				return kegiatanItemError(domain.Forbidden("Kegiatan sendiri tidak dapat diverifikasi sendiri.",
					"Nobody verifies their own activity."), i)
			case a.PegawaiID == "" || a.PegawaiID != k.PenilaiID:
				return kegiatanItemError(domain.Forbidden("Hanya pejabat penilai pada SKP pegawai yang dapat memverifikasi kegiatannya.",
					"Only the rater on the pegawai's SKP can verify their activities."), i)
			}
		}
		now := s.Now().UTC()
		by := domain.Pejabat{PegawaiID: a.PegawaiID}
		for _, it := range items {
			k := byID[it.ID]
			before := k
			if !k.Verifikasi(it, by, now) {
				out = append(out, k)
				continue
			}
			k.UpdatedAt = now
			if err := s.Store.UpdateKegiatan(ctx, k); err != nil {
				return kegiatanConcurrent(err)
			}
			after, err := s.Store.GetKegiatan(ctx, inst, k.ID)
			if err != nil {
				return err
			}
			if err := s.record(ctx, inst, "UPDATE", "kegiatan", k.ID, before, after); err != nil {
				return err
			}
			out = append(out, after)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// kegiatanItemError names the item of a batch an error is about.
func kegiatanItemError(e *domain.Error, i int) error {
	e.Fields = []domain.FieldError{{Field: fmt.Sprintf("items/%d/id", i), Code: e.Code, Text: e.Text}}
	return e
}

// Ringkasan totals a pegawai's activities of a month per RHK and per day, within the
// caller's reach: a rater or administrator who reaches an SKP of the pegawai covering
// the month gets the totals (zero before anything is recorded); anyone else gets 404.
func (s *Kegiatan) Ringkasan(ctx context.Context, nip string, tahun, bulan int) (domain.RingkasanKegiatan, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.RingkasanKegiatan{}, err
	}
	reach, err := kegiatanReach(a, false)
	if err != nil {
		return domain.RingkasanKegiatan{}, err
	}
	p, err := s.Store.PegawaiByNIP(ctx, inst, nip)
	if err != nil {
		return domain.RingkasanKegiatan{}, err
	}
	dari := time.Date(tahun, time.Month(bulan), 1, 0, 0, 0, 0, time.UTC)
	sampai := dari.AddDate(0, 1, -1)
	f := domain.KegiatanFilter{InstansiID: inst, NIP: p.NIP, Dari: &dari, Sampai: &sampai, Reach: reach, Oldest: true}
	if !reach.All && p.ID != a.PegawaiID {
		ok, err := s.Store.KegiatanReachable(ctx, f)
		if err != nil {
			return domain.RingkasanKegiatan{}, err
		}
		if !ok {
			return domain.RingkasanKegiatan{}, domain.NotFound("Pegawai")
		}
	}
	ks, _, err := s.Store.ListKegiatan(ctx, f)
	if err != nil {
		return domain.RingkasanKegiatan{}, fmt.Errorf("ringkasan kegiatan: %w", err)
	}
	return domain.Ringkas(ks), nil
}
