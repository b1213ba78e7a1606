package service_test

import (
	"bytes"
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// BenchmarkPerhitunganTPP measures a full payroll run (issue: TPP, target ≤ 5 s, i.e.
// ≥ 10,000 pegawai/s, peak memory ≤ 512 MiB) for a synthetic instansi of 50,000
// pegawai on PostgreSQL: a month of clock records each (2.1 million rows), a final
// evaluation each with a spread of predikat, a sanction for 1 in 100, three days of
// leave for 1 in 20, the Kepmendagri 60/40 preset; computed and persisted with every
// line's trace through the service call the API makes, under the server's garbage
// collector settings (app.AturGC). It reports pegawai/s, the peak Go heap sampled
// during the run and the process's peak resident memory, the machine's busy CPU seconds over the run (every core: this
// process, PostgreSQL, anything else) and this process's share of them, and the run's
// time against a plain COPY of the same output rows into an unindexed table measured
// in the same process. KINERJA_BENCH_CPUPROFILE=FILE writes a CPU profile of the run
// alone.
//
//	TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable" \
//	  go test ./service -run '^$' -bench BenchmarkPerhitunganTPP -benchtime=1x
func BenchmarkPerhitunganTPP(b *testing.B) {
	const nPegawai = 50_000
	ctx := context.Background()
	bd := benchInstansi(b, nPegawai)
	db, inst, now := bd.db, bd.inst, bd.now
	exec := func(sql string, args ...any) {
		if err := db.Exec(ctx, sql, args...); err != nil {
			b.Fatal(err)
		}
	}
	exec(`INSERT INTO skp (id, instansi_id, pegawai_id, tahun, periode_mulai, periode_selesai, jabatan_id, unit_kerja_id,
		pendekatan, status, created_at, updated_at)
		SELECT gen_random_uuid(), instansi_id, id, 2025, '2025-01-01', '2025-12-31', ?, ?, 'KUANTITATIF', 'DISETUJUI', ?, ?
		FROM pegawai WHERE instansi_id = ?`, bd.jab, bd.unit, now, now, inst)
	exec(`INSERT INTO penilaian (id, instansi_id, skp_id, pegawai_id, unit_kerja_id, penilai_id, tahun, jenis, periode,
		tanggal_mulai, tanggal_selesai, status, rating_hasil, rating_perilaku, predikat, difinalkan_at, created_at, updated_at)
		SELECT gen_random_uuid(), instansi_id, id, pegawai_id, unit_kerja_id, pegawai_id, 2025, 'PERIODIK', 3,
		'2025-03-01', '2025-03-31', 'FINAL', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI',
		(ARRAY['SANGAT_BAIK','BAIK','BAIK','BAIK','BAIK','BAIK','BAIK','BUTUH_PERBAIKAN','BUTUH_PERBAIKAN','KURANG_MISCONDUCT'])[1 + abs(hashtext(id::text)) % 10],
		?, ?, ? FROM skp WHERE instansi_id = ?`, now, now, now, inst)
	exec(`INSERT INTO hukuman_disiplin (id, instansi_id, pegawai_id, jenis, nomor_sk, tanggal_sk, tanggal_berlaku, durasi_bulan, created_at)
		SELECT gen_random_uuid(), instansi_id, id, 'POTONGAN_TUKIN_6', 'SK-' || nip, '2025-01-10', '2025-02-01', 6, ?
		FROM pegawai WHERE instansi_id = ? AND right(nip, 2) = '07'`, now, inst)
	exec(`INSERT INTO izin (id, instansi_id, pegawai_id, jenis, mulai, selesai, status, dibuat_oleh, created_at)
		SELECT gen_random_uuid(), instansi_id, id, 'CUTI_TAHUNAN', '2025-03-11', '2025-03-13', 'DISETUJUI', 'bench', ?
		FROM pegawai WHERE instansi_id = ? AND right(nip, 2) IN ('03', '53', '13', '23', '33')`, now, inst)
	profil, _ := domain.PresetTPP("KEPMENDAGRI_60_40")
	if _, err := db.CreateAturanTPP(ctx, domain.AturanTPP{ID: uuid.NewString(), InstansiID: inst, Nama: "bench",
		BerlakuMulai: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Profil: profil, CreatedAt: now}, "", ""); err != nil {
		b.Fatal(err)
	}
	// the state a month's data is in by the time it is paid: vacuumed and analysed (as
	// autovacuum does after a large import; this machine's cluster has it off) and
	// checkpointed, so that the set-up's writes are not flushed during the run
	exec(`VACUUM ANALYZE`)
	exec(`CHECKPOINT`)
	base := service.Base{Tx: db, Audit: db, Now: func() time.Time { return now }}
	pegawai := &service.Pegawai{Base: base, Store: db}
	rekap := &service.Rekap{Base: base, Store: db, Jadwal: &service.Jadwal{Base: base, Store: db, Org: pegawai}, Org: pegawai}
	tpp := &service.TPP{Base: base, Store: db, Rekap: rekap, Aturan: &service.AturanTPP{Base: base, Store: db}, Org: pegawai,
		Tunggu: 10 * time.Minute}
	actx := service.WithActor(ctx, domain.Actor{PenggunaID: uuid.NewString(), Name: "bench", InstansiID: inst,
		Roles: []domain.Role{domain.RoleKeuangan}})
	// the garbage collector as the server runs it, not go test's default
	gcLama, batasLama := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	app.AturGC(os.Getenv)
	defer func() {
		debug.SetGCPercent(gcLama)
		debug.SetMemoryLimit(batasLama)
	}()
	runtime.GC()
	debug.FreeOSMemory() // the set-up's memory, so that the peak RSS is the run's
	rssDiukur := resetPuncakRSS()
	var peak atomic.Uint64
	stop := make(chan struct{})
	go sampleHeap(&peak, stop)
	cpu0, go0 := cpuMesin(), cpuProses()
	if f := os.Getenv("KINERJA_BENCH_CPUPROFILE"); f != "" {
		// a CPU profile of the run alone (go test's -cpuprofile covers the set-up too)
		out, err := os.Create(f) //nolint:gosec // G304: the developer's own file name
		if err != nil {
			b.Fatal(err)
		}
		if err := pprof.StartCPUProfile(out); err != nil {
			b.Fatal(err)
		}
		defer func() { _ = out.Close() }()
	}
	b.ResetTimer()
	var run domain.PerhitunganTPP
	for i := range b.N {
		var err error
		if i == 0 {
			run, _, err = tpp.Create(actx, service.PerhitunganInput{Tahun: 2025, Bulan: time.March})
		} else {
			run, err = tpp.Recompute(actx, run.ID, nil)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	pprof.StopCPUProfile()
	cpu, cpuGo := (cpuMesin()-cpu0)/float64(b.N), (cpuProses()-go0)/float64(b.N)
	close(stop)
	elapsed := b.Elapsed().Seconds() / float64(b.N)
	if run.Status != domain.PerhitunganDihitung || run.JumlahPegawai != nPegawai {
		b.Fatalf("run %s %s, %d lines", run.Status, run.PesanGagal, run.JumlahPegawai)
	}
	b.ReportMetric(float64(nPegawai)/elapsed, "pegawai/s")
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak_heap_MiB")
	if rssDiukur {
		b.ReportMetric(float64(puncakRSS())/(1<<20), "peak_rss_MiB")
	}
	b.ReportMetric(cpu, "cpu_s")
	b.ReportMetric(cpuGo, "cpu_go_s")
	b.ReportMetric(elapsed/copyBaris(b, bd.dsn, run.ID), "x_copy")
}

// cpuMesin is the machine's busy CPU time so far in seconds (every core, this
// process, PostgreSQL and anything else), from /proc/stat; 0 where it cannot be read.
// A run's share of it says whether the run waits (busy time below cores × elapsed)
// or is bound by the machine's CPU.
func cpuMesin() float64 {
	raw, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(raw), "\n")
	f := strings.Fields(line)
	if len(f) < 8 || f[0] != "cpu" {
		return 0
	}
	var busy float64
	for i, v := range f[1:8] {
		if i == 3 || i == 4 { // idle, iowait
			continue
		}
		n, _ := strconv.ParseFloat(v, 64)
		busy += n
	}
	return busy / 100 // USER_HZ
}

// resetPuncakRSS resets the process's peak resident memory (Linux: 5 in clear_refs)
// and reports whether it could.
func resetPuncakRSS() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// puncakRSS is the process's peak resident memory in bytes since its last reset
// (VmHWM), 0 where it cannot be read.
func puncakRSS() uint64 {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// cpuProses is this process's CPU time so far in seconds (user and system).
func cpuProses() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// sampleHeap records the largest Go heap (objects, live or not yet swept) seen.
func sampleHeap(peak *atomic.Uint64, stop <-chan struct{}) {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
		}
	}
}

// copyBaris times a plain COPY of the run's stored lines (read back first, untimed)
// into an unindexed table of the same columns, in seconds.
func copyBaris(b *testing.B, dsn, runID string) float64 {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = c.Close(ctx) }()
	var buf bytes.Buffer
	if _, err := c.PgConn().CopyTo(ctx, &buf, "COPY (SELECT * FROM perhitungan_tpp_baris WHERE perhitungan_tpp_id = '"+runID+"') TO STDOUT"); err != nil {
		b.Fatal(err)
	}
	if _, err := c.Exec(ctx, "CREATE TEMP TABLE baris_salin (LIKE perhitungan_tpp_baris)"); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if _, err := c.PgConn().CopyFrom(ctx, bytes.NewReader(buf.Bytes()), "COPY baris_salin FROM STDIN"); err != nil {
		b.Fatal(err)
	}
	d := time.Since(start).Seconds()
	b.Logf("plain COPY of %d bytes of lines: %.2f s", buf.Len(), d)
	return d
}
