package repository

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// Bulk reads the TPP computation needs for a whole instansi and month, each one
// query, keyed by pegawai id; given pegawai ids, only theirs (one pegawai's estimate
// must not read the whole instansi).

// hanyaPegawaiDaftar is the most ids hanyaPegawai lists; more are read as a range.
const hanyaPegawaiDaftar = 64

// hanyaPegawai narrows a query to the given pegawai: an IN list for a few, else the
// range between the smallest and the largest id. A long IN list of parameters is
// tested row by row in a generic plan (seconds for 5,000 ids), while a range is one
// index scan; it may also return pegawai in between, whom callers ignore (they look
// results up by id). A payroll run therefore takes its chunks in id order.
func hanyaPegawai(q string, args []any, col string, ids []string) (string, []any) {
	switch {
	case len(ids) == 0:
		return q, args
	case len(ids) <= hanyaPegawaiDaftar:
		return q + " AND " + col + " IN ?", append(args, ids)
	}
	lo, hi := slices.Min(ids), slices.Max(ids)
	return q + " AND " + col + " BETWEEN ? AND ?", append(args, lo, hi)
}

// KinerjaPeriode returns each pegawai's evaluation of a period (jenis PERIODIK with
// the month or quarter, or TAHUNAN with 0). A pegawai who moved has one per SKP; the
// latest one counts.
func (db *DB) KinerjaPeriode(ctx context.Context, instansiID string, tahun int, jenis string, periode int, pegawaiIDs ...string) (map[string]domain.KinerjaFakta, error) {
	var rows []struct {
		PegawaiID     string
		Predikat      *string
		Status        string
		NilaiPerilaku *string
	}
	q, args := hanyaPegawai(`SELECT pegawai_id, predikat, status, nilai_perilaku FROM penilaian
		WHERE instansi_id = ? AND tahun = ? AND jenis = ? AND periode = ?`, []any{instansiID, tahun, jenis, periode}, "pegawai_id", pegawaiIDs)
	err := db.conn(ctx).Raw(q+" ORDER BY tanggal_selesai, id", args...).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("kinerja of period: %w", err)
	}
	out := make(map[string]domain.KinerjaFakta, len(rows))
	for _, r := range rows {
		k := domain.KinerjaFakta{Final: r.Status != string(domain.PenilaianDraft)}
		if r.Predikat != nil {
			k.Predikat = domain.Predikat(*r.Predikat)
		}
		if r.NilaiPerilaku != nil && *r.NilaiPerilaku != "" && *r.NilaiPerilaku != "null" {
			if err := json.Unmarshal([]byte(*r.NilaiPerilaku), &k.NilaiPerilaku); err != nil {
				return nil, fmt.Errorf("nilai perilaku of %s: %w", r.PegawaiID, err)
			}
		}
		out[r.PegawaiID] = k
	}
	return out, nil
}

// MenitKegiatanDiterima sums the accepted activity minutes per pegawai between two dates.
func (db *DB) MenitKegiatanDiterima(ctx context.Context, instansiID string, from, to time.Time, pegawaiIDs ...string) (map[string]int64, error) {
	var rows []struct {
		PegawaiID string
		Menit     int64
	}
	q, args := hanyaPegawai(`SELECT pegawai_id, SUM(menit) AS menit FROM kegiatan
		WHERE instansi_id = ? AND status = 'DITERIMA' AND tanggal BETWEEN ? AND ?`, []any{instansiID, newDate(from), newDate(to)}, "pegawai_id", pegawaiIDs)
	err := db.conn(ctx).Raw(q+" GROUP BY pegawai_id", args...).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("accepted minutes: %w", err)
	}
	out := make(map[string]int64, len(rows))
	for _, r := range rows {
		out[r.PegawaiID] = r.Menit
	}
	return out, nil
}

// HukumanSejak returns the sanctions that became final between two dates, per
// pegawai, oldest first: the engine decides which still bite in the month.
func (db *DB) HukumanSejak(ctx context.Context, instansiID string, from, to time.Time, pegawaiIDs ...string) (map[string][]domain.HukumanFakta, error) {
	var rows []struct {
		PegawaiID      string
		Jenis          string
		TanggalBerlaku sqlDate
		DurasiBulan    int
	}
	q, args := hanyaPegawai(`SELECT pegawai_id, jenis, tanggal_berlaku, durasi_bulan FROM hukuman_disiplin
		WHERE instansi_id = ? AND tanggal_berlaku BETWEEN ? AND ?`, []any{instansiID, newDate(from), newDate(to)}, "pegawai_id", pegawaiIDs)
	err := db.conn(ctx).Raw(q+" ORDER BY tanggal_berlaku, id", args...).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("sanctions: %w", err)
	}
	out := map[string][]domain.HukumanFakta{}
	for _, r := range rows {
		out[r.PegawaiID] = append(out[r.PegawaiID], domain.HukumanFakta{Jenis: domain.JenisHukuman(r.Jenis),
			TanggalBerlaku: r.TanggalBerlaku.Time, DurasiBulan: r.DurasiBulan})
	}
	return out, nil
}

// KelasPltRange returns, per pegawai, the highest kelas jabatan of the posts they held
// as Plt or Plh for part of the period.
func (db *DB) KelasPltRange(ctx context.Context, instansiID string, from, to time.Time, pegawaiIDs ...string) (map[string]int, error) {
	var rows []struct {
		PegawaiID string
		Kelas     int
	}
	q, args := hanyaPegawai(`SELECT p.pegawai_id, MAX(j.kelas_jabatan) AS kelas FROM plt p JOIN jabatan j ON j.id = p.jabatan_id
		WHERE p.instansi_id = ? AND p.tanggal_mulai <= ? AND (p.tanggal_selesai IS NULL OR p.tanggal_selesai >= ?)`,
		[]any{instansiID, newDate(to), newDate(from)}, "p.pegawai_id", pegawaiIDs)
	err := db.conn(ctx).Raw(q+" GROUP BY p.pegawai_id", args...).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("acting posts: %w", err)
	}
	out := make(map[string]int, len(rows))
	for _, r := range rows {
		out[r.PegawaiID] = r.Kelas
	}
	return out, nil
}

// TerbayarBulan sums, per pegawai, what approved runs of a month paid and cost.
func (db *DB) TerbayarBulan(ctx context.Context, instansiID string, tahun int, bulan time.Month, pegawaiIDs ...string) (map[string]domain.Terbayar, error) {
	var rows []struct {
		PegawaiID string
		Dibayar   int64
		Biaya     int64
	}
	q, args := hanyaPegawai(`SELECT b.pegawai_id, SUM(b.dibayar) AS dibayar, SUM(b.biaya) AS biaya
		FROM perhitungan_tpp_baris b JOIN perhitungan_tpp p ON p.id = b.perhitungan_tpp_id
		WHERE p.instansi_id = ? AND p.tahun = ? AND p.bulan = ? AND p.status = 'DISETUJUI'`,
		[]any{instansiID, tahun, int(bulan)}, "b.pegawai_id", pegawaiIDs)
	err := db.conn(ctx).Raw(q+" GROUP BY b.pegawai_id", args...).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("paid in month: %w", err)
	}
	out := make(map[string]domain.Terbayar, len(rows))
	for _, r := range rows {
		out[r.PegawaiID] = domain.Terbayar{Dibayar: r.Dibayar, Biaya: r.Biaya}
	}
	return out, nil
}
