package service_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/domain"
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
	bd := benchInstansi(b, nPegawai)
	db, inst, now := bd.db, bd.inst, bd.now
	base := service.Base{Tx: db, Audit: db, Now: func() time.Time { return now }}
	pegawai := &service.Pegawai{Base: base, Store: db}
	rekap := &service.Rekap{Base: base, Store: db, Jadwal: &service.Jadwal{Base: base, Store: db, Org: pegawai}, Org: pegawai}
	actx := service.WithActor(ctx, domain.Actor{PenggunaID: "bench", Name: "bench", InstansiID: inst, Roles: []domain.Role{domain.RoleAdminInstansi}})
	runtime.GC()
	b.ResetTimer()
	var out []service.RekapView
	var err error
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
