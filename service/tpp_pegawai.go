package service

import (
	"context"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// Sources of a pegawai's month of TPP.
const (
	SumberDisetujui = "DISETUJUI" // an approved run
	SumberDihitung  = "DIHITUNG"  // a run awaiting approval
	SumberPerkiraan = "PERKIRAAN" // an estimate from the data so far
)

// TPPPegawaiView is a pegawai's month of TPP with where it comes from.
type TPPPegawaiView struct {
	Pegawai       domain.PegawaiView
	Tahun         int
	Bulan         time.Month
	Sumber        string
	PerhitunganID string
	Baris         domain.BarisTPP
	Hasil         domain.HasilTPP
	Koreksi       []KoreksiTPP
}

// KoreksiTPP is an approved correction of the month.
type KoreksiTPP struct {
	PerhitunganID string
	Jenis         domain.JenisPerhitungan
	Dibayar       int64
	DisetujuiPada time.Time
}

// Pegawai returns a pegawai's TPP for a month: the latest approved run's line with
// the corrections, else a computed run's, else an estimate computed now. The pegawai
// themself, their rater and administrators in scope may read it.
func (s *TPP) Pegawai(ctx context.Context, nip string, tahun int, bulan time.Month) (TPPPegawaiView, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return TPPPegawaiView{}, err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return TPPPegawaiView{}, err
	}
	first, last := monthRange(tahun, bulan)
	if first.After(today) {
		return TPPPegawaiView{}, domain.Invalid("periode", "bulan_mendatang", "Bulan tersebut belum berjalan.", "That month has not started yet.")
	}
	asOf := last
	if today.Before(asOf) {
		asOf = today
	}
	v, err := s.Store.PegawaiViewByNIP(ctx, inst, nip, asOf)
	if err != nil {
		return TPPPegawaiView{}, err
	}
	if ok, err := s.Rekap.canRead(ctx, a, inst, v, asOf); err != nil {
		return TPPPegawaiView{}, err
	} else if !ok {
		return TPPPegawaiView{}, domain.NotFound("Pegawai")
	}
	out := TPPPegawaiView{Pegawai: v, Tahun: tahun, Bulan: bulan}
	lines, err := s.Store.BarisTPPPegawai(ctx, inst, v.Pegawai.ID, tahun, bulan)
	if err != nil {
		return out, err
	}
	var approved, computed *domain.BarisTPP
	for i, b := range lines {
		switch b.StatusRun {
		case domain.PerhitunganDisetujui:
			approved = &lines[i].BarisTPP
			if b.JenisRun != domain.PerhitunganInduk && b.DisetujuiPada != nil {
				out.Koreksi = append(out.Koreksi, KoreksiTPP{PerhitunganID: b.PerhitunganID, Jenis: b.JenisRun, Dibayar: b.Dibayar, DisetujuiPada: *b.DisetujuiPada})
			}
		case domain.PerhitunganDihitung:
			computed = &lines[i].BarisTPP
		}
	}
	switch {
	case approved != nil:
		out.Sumber, out.Baris = SumberDisetujui, *approved
	case computed != nil:
		out.Sumber, out.Baris = SumberDihitung, *computed
	default:
		return s.perkiraan(ctx, inst, out, asOf)
	}
	out.PerhitunganID = out.Baris.PerhitunganID
	out.Hasil, err = s.hasil.baca(out.Baris)
	return out, err
}

// perkiraan estimates the month from the data so far with the rule version in force.
func (s *TPP) perkiraan(ctx context.Context, inst string, out TPPPegawaiView, upTo time.Time) (TPPPegawaiView, error) {
	aturan, err := s.Aturan.Berlaku(ctx, inst, out.Tahun, out.Bulan)
	if err != nil {
		return out, err
	}
	ps := []domain.PegawaiView{out.Pegawai}
	m, err := s.muatBulan(ctx, inst, ps, out.Tahun, out.Bulan, upTo, nil)
	if err != nil {
		return out, err
	}
	b, h, err := m.fakta(out.Pegawai).hitung(aturan.Profil, "", inst, domain.PerhitunganInduk)
	if err != nil {
		return out, err
	}
	out.Sumber, out.Baris, out.Hasil = SumberPerkiraan, b, h
	return out, nil
}
