package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/google/uuid"

	"github.com/kinerja-id/kinerja/demo"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/service"
)

// seedDemo loads the demo pemda (see package demo) and prints how to log in.
func seedDemo(ctx context.Context, db *repository.DB, log *slog.Logger, stdout io.Writer) error {
	return seedDemoAt(ctx, db, log, stdout, time.Now())
}

// seedDemoAt loads the demo pemda with its performance management up to now: the
// year of SKP, evaluations and activity logs ends on the day before now's local date.
func seedDemoAt(ctx context.Context, db *repository.DB, log *slog.Logger, stdout io.Writer, now time.Time) error {
	newID := func() string { return uuid.Must(uuid.NewV7()).String() }
	ds := demo.Build(newID)
	loc, err := domain.Zona(ds.Instansi.ZonaWaktu)
	if err != nil {
		return fmt.Errorf("demo time zone: %w", err)
	}
	kin := demo.BuildKinerja(ds, domain.Date(now, loc), newID)
	// Every demo account has the same password, so one hash serves them all and the
	// first start stays fast.
	hash, err := service.HashPassword(demo.Password, service.DefaultArgon2)
	if err != nil {
		return err
	}
	data := repository.DemoData{Instansi: ds.Instansi, Units: ds.Units, Jabatan: ds.Jabatan, Pegawai: ds.Pegawai, Riwayat: ds.Riwayat,
		Periode: kin.Periode, SKP: kin.SKP, Organisasi: kin.Organisasi, Penilaian: kin.Penilaian, Kegiatan: kin.Kegiatan}
	pegawaiByNIP := map[string]string{}
	for _, p := range ds.Pegawai {
		pegawaiByNIP[p.NIP] = p.ID
	}
	unitByKode := map[string]string{}
	for _, u := range ds.Units {
		unitByKode[u.Kode] = u.ID
	}
	example := ""
	for _, u := range ds.Users {
		p := domain.Pengguna{ID: newID(), InstansiID: ds.Instansi.ID, Username: u.Username,
			PegawaiID: pegawaiByNIP[u.PegawaiNIP], PasswordHash: hash, Roles: u.Roles, UnitKerjaID: unitByKode[u.UnitKode]}
		if example == "" && len(u.Roles) == 1 && u.Roles[0] == domain.RolePegawai {
			example = u.Username
		}
		data.Users = append(data.Users, p)
	}
	tpp := demo.BuildTPP(ds, domain.Date(now, loc), newID)
	tpp.Aturan.CreatedAt = now
	err = db.InTx(ctx, func(ctx context.Context) error {
		if err := db.LoadDemo(ctx, data, now); err != nil {
			return err
		}
		if _, err := db.CreateAturanTPP(ctx, tpp.Aturan, "", ""); err != nil {
			return fmt.Errorf("demo aturan tpp: %w", err)
		}
		if err := db.ReplacePaguTPP(ctx, tpp.Pagu, now); err != nil {
			return fmt.Errorf("demo pagu tpp: %w", err)
		}
		_, err := db.ImporKehadiran(ctx, domain.ImporRekaman{InstansiID: ds.Instansi.ID, Sumber: domain.SumberMesin,
			DicatatOleh: "demo", CreatedAt: now, Rekaman: tpp.Rekaman})
		return err
	})
	if err != nil {
		return err
	}
	if err := db.Analyze(ctx); err != nil {
		return err
	}
	final := 0
	for _, p := range kin.Penilaian {
		if p.Status == domain.PenilaianFinal {
			final++
		}
	}
	log.Info("demo pemda loaded", "instansi", ds.Instansi.Nama, "unit_kerja", len(ds.Units),
		"jabatan", len(ds.Jabatan), "pegawai", len(ds.Pegawai), "pengguna", len(ds.Users),
		"tahun", kin.Periode.Tahun, "skp", len(kin.SKP), "predikat_organisasi", len(kin.Organisasi),
		"penilaian", len(kin.Penilaian), "penilaian_final", final, "kegiatan", len(kin.Kegiatan),
		"kehadiran", len(tpp.Rekaman), "bulan_kehadiran", fmt.Sprintf("%d-%02d", tpp.Tahun, tpp.Bulan))
	_, _ = fmt.Fprintf(stdout, `
Demo data loaded: %s (%d pegawai) and its performance management of %d:
%d SKP with their cascade, %d monthly evaluations and %d activity logs;
the TPP rules (Kepmendagri 60/40 preset), a budget per OPD and the clock records
of %s %d, ready for a payroll run (admin starts it, keuangan approves it).
Log in (password for every demo account: %s):
  admin        ADMIN_INSTANSI    admin.disdik  ADMIN_UNIT (Dinas Pendidikan)
  keuangan     KEUANGAN          auditor       AUDITOR
  %s  PEGAWAI (any employee logs in with their NIP)
  curl -s localhost:8080/api/v1/auth/login -H 'Content-Type: application/json' \
       -d '{"username":"admin","password":"%s"}'
API docs: http://localhost:8080/docs

`, ds.Instansi.Nama, len(ds.Pegawai), kin.Periode.Tahun, len(kin.SKP), len(kin.Penilaian), len(kin.Kegiatan),
		domain.NamaBulan(tpp.Bulan, "en"), tpp.Tahun, demo.Password, example, demo.Password)
	return nil
}
