package repository

import (
	"context"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// BenchmarkMasukanTPP measures a month of payroll inputs for 50,000 pegawai on
// PostgreSQL: ReplaceMasukanTPP (delete and multi-row inserts, as PUT
// /masukan-tpp/{tahun}/{bulan} runs it) and MasukanTPPBulan reading it back for the
// payroll computation.
//
//	TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable" \
//	  go test ./repository -run '^$' -bench BenchmarkMasukanTPP -benchtime=3x
func BenchmarkMasukanTPP(b *testing.B) {
	const nPegawai = 50_000
	ctx := context.Background()
	db := kehadiranBenchDB(b)
	inst := newID()
	now := time.Now().UTC().Truncate(time.Second)
	if err := db.Exec(ctx, `INSERT INTO instansi (id, nama, kode, jenis, zona_waktu, aktif, version, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?)`, inst, "Pemerintah Kabupaten Uji", "KAB-UJI", "KABUPATEN", "Asia/Makassar", true, 1, now, now); err != nil {
		b.Fatal(err)
	}
	ids := kehadiranBenchPegawai(b, db, inst, nPegawai, now)
	items := make([]domain.MasukanTPP, len(ids))
	for i, id := range ids {
		items[i] = domain.MasukanTPP{PegawaiID: id, TunjanganProfesi: int64(i % 3 * 1_000_000), PenghasilanLainBPJS: 4_000_000}
		if i%10 == 0 {
			items[i].PotonganLain = []domain.PotonganFakta{{Kode: "KOP", Nama: "Koperasi", Jumlah: 150_000}}
		}
	}
	var putDur, readDur time.Duration
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		err := db.InTx(ctx, func(ctx context.Context) error {
			_, err := db.ReplaceMasukanTPP(ctx, inst, 2026, time.March, items)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		putDur += time.Since(start)
		start = time.Now()
		m, err := db.MasukanTPPBulan(ctx, inst, 2026, time.March)
		if err != nil {
			b.Fatal(err)
		}
		readDur += time.Since(start)
		if len(m) != nPegawai || len(m[ids[0]].PotonganLain) != 1 {
			b.Fatalf("read back %d rows", len(m))
		}
	}
	n := float64(nPegawai) * float64(b.N)
	b.ReportMetric(n/putDur.Seconds(), "put_rows/s")
	b.ReportMetric(n/readDur.Seconds(), "read_rows/s")
}
