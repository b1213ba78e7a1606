package service

import (
	"cmp"
	"context"
	"slices"

	"github.com/kinerja-id/kinerja/domain"
)

// Simulasi computes without storing anything. Given facts are computed one by one
// with the chosen profile (with none chosen, the version in force for each fact's
// month); a scope and month is computed from stored data with the cost per budget
// unit against its pagu.
func (s *TPP) Simulasi(ctx context.Context, in SimulasiInput) (SimulasiView, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return SimulasiView{}, err
	}
	if err := requireRole(a, domain.RoleAdminInstansi, domain.RoleKeuangan, domain.RoleAuditor, domain.RoleAdminUnit); err != nil {
		return SimulasiView{}, err
	}
	if in.Profil != nil && in.AturanID != "" {
		return SimulasiView{}, domain.Invalid("aturan_tpp_id", "profil_ganda",
			"Berikan profil atau aturan_tpp_id, tidak keduanya.", "Give profil or aturan_tpp_id, not both.")
	}
	cakupan := in.Tahun != 0 || in.Bulan != 0 || in.UnitKerjaID != ""
	switch {
	case len(in.Fakta) > 0 && cakupan:
		return SimulasiView{}, domain.Invalid("fakta", "fakta_atau_cakupan",
			"Berikan fakta atau tahun dan bulan, tidak keduanya.", "Give fakta or tahun and bulan, not both.")
	case len(in.Fakta) == 0 && (in.Tahun == 0 || in.Bulan == 0):
		return SimulasiView{}, domain.Invalid("tahun", "fakta_atau_cakupan",
			"Berikan fakta, atau tahun dan bulan.", "Give fakta, or tahun and bulan.")
	}
	var tetap *domain.AturanTPP
	if in.AturanID != "" {
		v, err := s.Aturan.Store.GetAturanTPP(ctx, inst, in.AturanID)
		if err != nil {
			return SimulasiView{}, missingAs(err, "aturan_tpp_id", "Aturan TPP")
		}
		tetap = &v
	}
	if len(in.Fakta) == 0 {
		return s.simulasiCakupan(ctx, a, inst, in, tetap)
	}
	out := SimulasiView{Aturan: tetap, Hasil: make([]domain.HasilTPP, len(in.Fakta))}
	berlaku := map[int]domain.ProfilTPP{}
	for i, f := range in.Fakta {
		var p domain.ProfilTPP
		switch {
		case in.Profil != nil:
			p = *in.Profil
		case tetap != nil:
			p = tetap.Profil
		default:
			k := f.Tahun*12 + int(f.Bulan)
			var ok bool
			if p, ok = berlaku[k]; !ok {
				v, err := s.Aturan.Berlaku(ctx, inst, f.Tahun, f.Bulan)
				if err != nil {
					return SimulasiView{}, err
				}
				p, berlaku[k] = v.Profil, v.Profil
			}
		}
		h, err := domain.HitungTPP(p, f)
		if err != nil {
			return SimulasiView{}, err
		}
		out.Hasil[i] = h
		var b domain.BarisTPP
		b.IsiHasil(h, domain.PerhitunganInduk, 0, 0)
		out.Total.Tambah(b)
	}
	if len(in.Fakta) == 1 {
		out.Tahun, out.Bulan = in.Fakta[0].Tahun, in.Fakta[0].Bulan
	}
	return out, nil
}

// maxBarisSimulasi bounds the lines a scope simulation returns.
const maxBarisSimulasi = 5000

// simulasiCakupan computes every pegawai of the instansi or a unit subtree for a month
// from stored data, as a payroll run would, without storing anything.
func (s *TPP) simulasiCakupan(ctx context.Context, a domain.Actor, inst string, in SimulasiInput, tetap *domain.AturanTPP) (SimulasiView, error) {
	out := SimulasiView{Aturan: tetap, Tahun: in.Tahun, Bulan: in.Bulan}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return out, err
	}
	_, last := monthRange(in.Tahun, in.Bulan)
	if first, _ := monthRange(in.Tahun, in.Bulan); first.After(today) {
		return out, domain.Invalid("bulan", "bulan_mendatang", "Bulan tersebut belum berjalan.", "That month has not started yet.")
	}
	upTo := last
	if today.Before(upTo) {
		upTo = today
	}
	f := domain.PegawaiFilter{InstansiID: inst, AsOf: upTo, UnitKerjaID: in.UnitKerjaID}
	if in.UnitKerjaID != "" {
		u, err := s.Store.GetUnitKerja(ctx, inst, in.UnitKerjaID)
		if err != nil {
			return out, missingAs(err, "unit_kerja_id", "Unit kerja")
		}
		if !tppReadsAll(a) && !a.CoversUnit(u.Path) {
			return out, domain.MissingRef("unit_kerja_id", "Unit kerja")
		}
	} else if !tppReadsAll(a) {
		f.ScopePath = a.UnitPath
	}
	var p domain.ProfilTPP
	switch {
	case in.Profil != nil:
		p = *in.Profil
	case tetap != nil:
		p = tetap.Profil
	default:
		v, err := s.Aturan.Berlaku(ctx, inst, in.Tahun, in.Bulan)
		if err != nil {
			return out, err
		}
		out.Aturan, p = &v, v.Profil
	}
	ps, _, err := s.Store.ListPegawaiView(ctx, f)
	if err != nil {
		return out, err
	}
	ps = slices.DeleteFunc(ps, func(v domain.PegawaiView) bool { return !dibayarTPP(v.Status) || v.TMT.After(last) })
	m, err := s.muatBulan(ctx, inst, ps, in.Tahun, in.Bulan, upTo, nil)
	if err != nil {
		return out, err
	}
	run := domain.PerhitunganTPP{InstansiID: inst, Tahun: in.Tahun, Bulan: in.Bulan, Jenis: domain.PerhitunganInduk}
	lines, err := s.hitungBaris(m, ps, p, run, nil)
	if err != nil {
		return out, err
	}
	units, err := s.Store.UnitKerjaSubtree(ctx, inst, "/")
	if err != nil {
		return out, err
	}
	acc := newRingkasan(m.pagu, units)
	acc.tambah(lines)
	acc.selesai(&run)
	out.Total, out.PerUnit = run.Total, run.Pagu
	if in.Rinci {
		slices.SortFunc(lines, func(a, b domain.BarisTPP) int {
			return cmp.Or(cmp.Compare(a.UnitPath, b.UnitPath), cmp.Compare(a.NIP, b.NIP))
		})
		out.Baris = lines[:min(len(lines), maxBarisSimulasi)]
	}
	return out, nil
}
