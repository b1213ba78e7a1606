package service_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
	"github.com/kinerja-id/kinerja/service"
)

// BenchmarkRekapBulanan measures the monthly attendance summary (issue: attendance,
// target ≤ 5 s) for a synthetic instansi of 50,000 pegawai with a month of clock
// records (in and out on 22 working days: 2.2 million rows), on PostgreSQL, through the
// same service call the API makes, as ADMIN_INSTANSI for the whole instansi at once.
// It reports pegawai/s and the heap in use after the summary.
//
//	TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable" \
//	  go test ./service -run '^$' -bench BenchmarkRekapBulanan -benchtime=1x
func BenchmarkRekapBulanan(b *testing.B) {
	const nPegawai = 50_000
	ctx := context.Background()
	db := repotest.New(b, repository.Postgres)
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
	base := service.Base{Tx: db, Audit: db, Now: func() time.Time { return now }}
	pegawai := &service.Pegawai{Base: base, Store: db}
	rekap := &service.Rekap{Base: base, Store: db, Jadwal: &service.Jadwal{Base: base, Store: db, Org: pegawai}, Org: pegawai}
	actx := service.WithActor(ctx, domain.Actor{PenggunaID: "bench", Name: "bench", InstansiID: inst, Roles: []domain.Role{domain.RoleAdminInstansi}})
	runtime.GC()
	b.ResetTimer()
	var out []service.RekapView
	for range b.N {
		out, _, err = rekap.Bulanan(actx, service.RekapQuery{Tahun: 2025, Bulan: time.March}, service.Page{Page: 1, Size: nPegawai})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if len(out) != nPegawai || out[0].JHK != 21 || out[0].Hadir != 21 {
		b.Fatalf("summaries: %d, first %+v", len(out), out[0].Rekap)
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(nPegawai*b.N)/b.Elapsed().Seconds(), "pegawai/s")
	b.ReportMetric(float64(m.HeapInuse)/(1<<20), "heap_MiB")
}
