package service

import (
	"context"
	"fmt"
	"strings"

	"github.com/kinerja-id/kinerja/domain"
)

// Decisions on a payroll run: recompute, approve, discard.

func errSudahDisetujui() error {
	return domain.Conflict("sudah_disetujui",
		"Perhitungan sudah disetujui dan terkunci; buat perhitungan KOREKSI untuk mengubahnya.",
		"The run is approved and locked; start a KOREKSI run to change it.")
}

func errSedangDihitung() error {
	return domain.Conflict("sedang_dihitung", "Perhitungan sedang berjalan; tunggu sampai selesai.",
		"The run is still computing; wait until it finishes.")
}

// Recompute computes a run that is not approved again, replacing its lines.
func (s *TPP) Recompute(ctx context.Context, id string, expected *int) (domain.PerhitunganTPP, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.PerhitunganTPP{}, err
	}
	if err := requireRunWriter(a); err != nil {
		return domain.PerhitunganTPP{}, err
	}
	var run domain.PerhitunganTPP
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		cur, err := s.Store.GetPerhitunganTPP(ctx, inst, id)
		if err != nil {
			return err
		}
		switch {
		case cur.Status == domain.PerhitunganDisetujui:
			return errSudahDisetujui()
		case cur.Status == domain.PerhitunganProses:
			return errSedangDihitung()
		case expected != nil && *expected != cur.Version:
			return domain.Stale()
		}
		if _, err := s.Aturan.Berlaku(ctx, inst, cur.Tahun, cur.Bulan); err != nil {
			return err
		}
		run = cur
		run.Status, run.PesanGagal, run.Version, run.UpdatedAt = domain.PerhitunganProses, "", cur.Version+1, s.Now().UTC()
		if err := s.Store.UpdatePerhitunganTPP(ctx, run, cur.Version); err != nil {
			return err
		}
		return s.record(ctx, inst, "HITUNG_ULANG", "perhitungan_tpp", run.ID, nil, nil)
	})
	if err != nil {
		return domain.PerhitunganTPP{}, err
	}
	return s.mulaiDanTunggu(ctx, run)
}

// Approve locks a computed run. Only KEUANGAN approves, never the account that
// created the run; over a budget in BLOKIR mode it is refused.
func (s *TPP) Approve(ctx context.Context, id string, expected *int, catatan string) (domain.PerhitunganTPP, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.PerhitunganTPP{}, err
	}
	if err := requireWrite(a); err != nil {
		return domain.PerhitunganTPP{}, err
	}
	if !a.Has(domain.RoleKeuangan) {
		return domain.PerhitunganTPP{}, domain.Forbidden("Persetujuan perhitungan TPP hanya oleh KEUANGAN.",
			"Only KEUANGAN approves payroll runs.")
	}
	var out domain.PerhitunganTPP
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		run, err := s.Store.GetPerhitunganTPP(ctx, inst, id)
		if err != nil {
			return err
		}
		if err := s.bolehSetujui(a, run, expected); err != nil {
			return err
		}
		// approvals against one year's budget go one at a time, so none can spend
		// what another is spending
		if err := s.Store.LockPaguTPPTahun(ctx, inst, run.Tahun); err != nil {
			return err
		}
		if run, err = s.Store.GetPerhitunganTPP(ctx, inst, id); err != nil {
			return err
		}
		if err := s.bolehSetujui(a, run, expected); err != nil {
			return err
		}
		pagu, err := s.Store.PaguTPP(ctx, inst, run.Tahun)
		if err != nil {
			return err
		}
		over := kiniPagu(&run, pagu)
		if len(over) > 0 && run.ModePagu == domain.PaguBlokir {
			return domain.Unprocessable("melebihi_pagu",
				fmt.Sprintf("Perhitungan melebihi pagu TPP: %s.", strings.Join(over, "; ")),
				fmt.Sprintf("The run goes over the TPP budget: %s.", strings.Join(over, "; ")))
		}
		before := run
		now := s.Now().UTC()
		run.Status, run.DisetujuiOleh, run.DisetujuiPada = domain.PerhitunganDisetujui, a.Name, &now
		run.CatatanPersetujuan, run.Version, run.UpdatedAt = strings.TrimSpace(catatan), before.Version+1, now
		if err := s.Store.UpdatePerhitunganTPP(ctx, run, before.Version); err != nil {
			if expected == nil && isStale(err) {
				return errSudahDisetujui()
			}
			return err
		}
		if err := s.Store.TandaiAturanTPPDigunakan(ctx, inst, run.AturanID); err != nil {
			return err
		}
		out = run
		return s.record(ctx, inst, "SETUJUI", "perhitungan_tpp", run.ID,
			map[string]any{"status": before.Status}, map[string]any{"status": run.Status, "melebihi_pagu": run.MelebihiPagu, "sidik": run.Sidik})
	})
	return s.view(out), err
}

func (s *TPP) bolehSetujui(a domain.Actor, run domain.PerhitunganTPP, expected *int) error {
	switch {
	case run.Status == domain.PerhitunganDisetujui:
		return errSudahDisetujui()
	case run.Status == domain.PerhitunganProses:
		return errSedangDihitung()
	case run.Status == domain.PerhitunganGagal:
		return domain.Unprocessable("perhitungan_gagal", "Perhitungan gagal; hitung ulang sebelum disetujui.",
			"The run failed; recompute it before approving.")
	case expected != nil && *expected != run.Version:
		return domain.Stale()
	case run.DibuatOlehID != "" && run.DibuatOlehID == a.PenggunaID:
		return domain.Forbidden("Perhitungan tidak boleh disetujui oleh pembuatnya.",
			"A run cannot be approved by the person who created it.")
	}
	return nil
}

// kiniPagu refreshes the run's budget use with what other approved runs used by now
// and returns a description of each unit it goes over.
func kiniPagu(run *domain.PerhitunganTPP, pagu domain.PaguTPP) []string {
	lineOf := map[string]domain.PaguUnit{}
	for _, u := range pagu.Unit {
		lineOf[u.UnitKerjaID] = u
	}
	var over []string
	run.MelebihiPagu = false
	for i, c := range run.Pagu {
		c.Pagu, c.Terpakai = nil, 0
		if l, ok := lineOf[c.UnitKerjaID]; ok {
			j := l.Jumlah
			c.Pagu, c.Terpakai = &j, l.Terpakai
		}
		run.Pagu[i] = c
		if c.Melebihi() {
			run.MelebihiPagu = true
			over = append(over, fmt.Sprintf("%s %s > %s", c.UnitKerjaNama, domain.FormatRupiah(c.Terpakai+c.Biaya), domain.FormatRupiah(*c.Pagu)))
		}
	}
	if pagu.Version > 0 {
		run.ModePagu = pagu.Mode
	}
	return over
}

// Delete discards a run that is neither approved nor computing.
func (s *TPP) Delete(ctx context.Context, id string) error {
	a, inst, err := tenant(ctx)
	if err != nil {
		return err
	}
	if err := requireRunWriter(a); err != nil {
		return err
	}
	return s.Tx.InTx(ctx, func(ctx context.Context) error {
		run, err := s.Store.GetPerhitunganTPP(ctx, inst, id)
		if err != nil {
			return err
		}
		switch run.Status {
		case domain.PerhitunganDisetujui:
			return errSudahDisetujui()
		case domain.PerhitunganProses:
			return errSedangDihitung()
		}
		if err := s.Store.DeletePerhitunganTPP(ctx, inst, id); err != nil {
			return err
		}
		return s.record(ctx, inst, "DELETE", "perhitungan_tpp", id, run, nil)
	})
}

func isStale(err error) bool {
	de, ok := domain.AsError(err)
	return ok && de.Kind == domain.KindStale
}
