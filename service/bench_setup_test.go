package service_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
	"github.com/kinerja-id/kinerja/service"
)

// benchInstansi builds the synthetic instansi the service benchmarks share, on a new
// PostgreSQL database: nPegawai PNS in one unit and position, each with a month of
// clock records (March 2025 in WITA: in and out on 21 working days, a few late). The
// clock is 10 April 2025.
type benchData struct {
	db              *repository.DB
	dsn             string
	inst, unit, jab string
	now             time.Time
}

func benchInstansi(b testing.TB, nPegawai int) benchData {
	ctx := context.Background()
	db, dsn := repotest.NewWithURL(b, repository.Postgres)
	now := time.Date(2025, 4, 10, 2, 0, 0, 0, time.UTC)
	inst, unit, jab := uuid.NewString(), uuid.NewString(), uuid.NewString()
	exec := func(sql string, args ...any) {
		if err := db.Exec(ctx, sql, args...); err != nil {
			b.Fatal(err)
		}
	}
	exec(`INSERT INTO instansi (id, nama, kode, jenis, zona_waktu, aktif, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)`,
		inst, "Pemerintah Kabupaten Uji", "KAB-UJI", "KABUPATEN", "Asia/Makassar", true, 1, now, now)
	exec(`INSERT INTO unit_kerja (id, instansi_id, path, level, kode, nama, jenis, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)`,
		unit, inst, "/"+unit+"/", 0, "U1", "Dinas Uji", "DINAS", 1, now, now)
	exec(`INSERT INTO jabatan (id, instansi_id, unit_kerja_id, kode, nama, jenis, kelas_jabatan, kebutuhan, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		jab, inst, unit, "J1", "Pelaksana", "PELAKSANA", 6, nPegawai, 1, now, now)
	tmt := time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC)
	ps := make([]domain.Pegawai, nPegawai)
	rs := make([]domain.Riwayat, nPegawai)
	for i := range ps {
		ps[i] = domain.Pegawai{ID: uuid.NewString(), InstansiID: inst, NIP: fmt.Sprintf("1990%02d01201503%04d", i/10000+1, i%10000),
			Nama: fmt.Sprintf("Pegawai %d", i), JenisASN: domain.JenisPNS, JenisKelamin: "L",
			TanggalLahir: time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), TMT: tmt, CreatedAt: now, UpdatedAt: now}
		rs[i] = domain.Riwayat{ID: uuid.NewString(), InstansiID: inst, PegawaiID: ps[i].ID, Jenis: "PENGANGKATAN", BerlakuMulai: tmt,
			JabatanID: jab, UnitKerjaID: unit, Golongan: "III/a", Status: domain.StatusAktif, CreatedAt: now}
	}
	if err := db.CreatePegawaiBatch(ctx, ps); err != nil {
		b.Fatal(err)
	}
	if err := db.CreateRiwayatBatch(ctx, rs); err != nil {
		b.Fatal(err)
	}
	// March 2025 in WITA: in around 07:30 and out around 16:00, a few late, every day
	wita, _ := time.LoadLocation("Asia/Makassar")
	var rows []domain.RekamanPegawai
	for d := time.Date(2025, 3, 1, 0, 0, 0, 0, wita); d.Month() == time.March; d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		for i, p := range ps {
			jitter := time.Duration((i*7+d.Day()*13)%2400) * time.Second
			rows = append(rows,
				domain.RekamanPegawai{PegawaiID: p.ID, Rekaman: domain.Rekaman{Waktu: d.Add(7*time.Hour + 10*time.Minute + jitter).UTC(), Jenis: domain.RekamanMasuk}},
				domain.RekamanPegawai{PegawaiID: p.ID, Rekaman: domain.Rekaman{Waktu: d.Add(16*time.Hour + jitter).UTC(), Jenis: domain.RekamanPulang}})
		}
	}
	err := db.InBulkTx(ctx, func(ctx context.Context) error {
		_, err := db.ImporKehadiran(ctx, domain.ImporRekaman{InstansiID: inst, Sumber: domain.SumberMesin, DicatatOleh: "bench", CreatedAt: now, Rekaman: rows})
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	rows = nil
	return benchData{db: db, dsn: dsn, inst: inst, unit: unit, jab: jab, now: now}
}

// runUji is benchInstansi with the KEPMENDAGRI_60_40 preset in force from January
// 2025, the TPP service on it and the context of a KEUANGAN user of the instansi.
func runUji(tb testing.TB, nPegawai int) (benchData, *service.TPP, context.Context) {
	tb.Helper()
	bd := benchInstansi(tb, nPegawai)
	ctx := context.Background()
	profil, _ := domain.PresetTPP("KEPMENDAGRI_60_40")
	if _, err := bd.db.CreateAturanTPP(ctx, domain.AturanTPP{ID: uuid.NewString(), InstansiID: bd.inst, Nama: "uji",
		BerlakuMulai: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Profil: profil, CreatedAt: bd.now}, "", ""); err != nil {
		tb.Fatal(err)
	}
	actx := service.WithActor(ctx, domain.Actor{PenggunaID: uuid.NewString(), Name: "uji", InstansiID: bd.inst,
		Roles: []domain.Role{domain.RoleKeuangan}})
	return bd, newTPP(bd.db, bd.now), actx
}
