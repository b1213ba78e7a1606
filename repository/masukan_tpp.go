package repository

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// potonganJSON is one element of masukan_tpp.potongan_lain.
type potonganJSON struct {
	Kode   string `json:"kode"`
	Nama   string `json:"nama"`
	Jumlah int64  `json:"jumlah"`
}

func encodePotongan(ps []domain.PotonganFakta) (string, error) {
	if len(ps) == 0 {
		return "[]", nil
	}
	out := make([]potonganJSON, len(ps))
	for i, p := range ps {
		out[i] = potonganJSON(p)
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "", fmt.Errorf("encode potongan lain: %w", err)
	}
	return string(b), nil
}

func decodePotongan(s string) ([]domain.PotonganFakta, error) {
	if s == "[]" || s == "" {
		return []domain.PotonganFakta{}, nil
	}
	var in []potonganJSON
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, fmt.Errorf("decode potongan lain: %w", err)
	}
	out := make([]domain.PotonganFakta, len(in))
	for i, p := range in {
		out[i] = domain.PotonganFakta(p)
	}
	return out, nil
}

// masukanBatchRows keeps one INSERT under both engines' parameter limits.
const masukanBatchRows = 1000

// ReplaceMasukanTPP replaces the payroll inputs of a month with items (PegawaiID and
// amounts set) and returns how many rows it removed. Run it in a transaction after
// LockInstansiTPP: it deletes, then inserts in multi-row batches.
func (db *DB) ReplaceMasukanTPP(ctx context.Context, instansiID string, tahun int, bulan time.Month, items []domain.MasukanTPP) (int64, error) {
	res := db.conn(ctx).Exec(`DELETE FROM masukan_tpp WHERE instansi_id = ? AND tahun = ? AND bulan = ?`, instansiID, tahun, int(bulan))
	if res.Error != nil {
		return 0, fmt.Errorf("clear masukan tpp %d-%02d: %w", tahun, bulan, res.Error)
	}
	const head = `INSERT INTO masukan_tpp (instansi_id, tahun, bulan, pegawai_id, tunjangan_profesi, penghasilan_lain_bpjs, potongan_lain) VALUES `
	stmt := func(n int) string { return head + strings.TrimSuffix(strings.Repeat("(?,?,?,?,?,?,?),", n), ",") }
	full := stmt(masukanBatchRows)
	args := make([]any, 0, 7*masukanBatchRows)
	for start := 0; start < len(items); start += masukanBatchRows {
		batch := items[start:min(start+masukanBatchRows, len(items))]
		args = args[:0]
		for _, m := range batch {
			pot, err := encodePotongan(m.PotonganLain)
			if err != nil {
				return 0, err
			}
			args = append(args, instansiID, tahun, int(bulan), m.PegawaiID, m.TunjanganProfesi, m.PenghasilanLainBPJS, pot)
		}
		q := full
		if len(batch) < masukanBatchRows {
			q = stmt(len(batch))
		}
		if err := db.conn(ctx).Exec(q, args...).Error; err != nil {
			return 0, translate(err, "Masukan TPP")
		}
	}
	return res.RowsAffected, nil
}

type masukanTPPRow struct {
	PegawaiID           string
	TunjanganProfesi    int64
	PenghasilanLainBPJS int64 `gorm:"column:penghasilan_lain_bpjs"`
	PotonganLain        string
	NIP                 string `gorm:"column:nip"`
	Nama                string
	GelarDepan          string
	GelarBelakang       string
}

// ListMasukanTPP returns a page of a month's payroll inputs by NIP, with the
// pegawai's name, and the total.
func (db *DB) ListMasukanTPP(ctx context.Context, instansiID string, tahun int, bulan time.Month, offset, limit int) ([]domain.MasukanTPP, int64, error) {
	q := db.conn(ctx).Table("masukan_tpp m").Joins("JOIN pegawai p ON p.id = m.pegawai_id").
		Where("m.instansi_id = ? AND m.tahun = ? AND m.bulan = ?", instansiID, tahun, int(bulan))
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count masukan tpp: %w", err)
	}
	var rows []masukanTPPRow
	if err := q.Select(`m.pegawai_id, m.tunjangan_profesi, m.penghasilan_lain_bpjs, m.potongan_lain, p.nip, p.nama,
		p.gelar_depan, p.gelar_belakang`).Order("p.nip").Offset(offset).Limit(limit).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list masukan tpp: %w", err)
	}
	out := make([]domain.MasukanTPP, len(rows))
	for i, r := range rows {
		pot, err := decodePotongan(r.PotonganLain)
		if err != nil {
			return nil, 0, err
		}
		nama := domain.Pegawai{Nama: r.Nama, GelarDepan: r.GelarDepan, GelarBelakang: r.GelarBelakang}.NamaLengkap()
		out[i] = domain.MasukanTPP{InstansiID: instansiID, PegawaiID: r.PegawaiID, NIP: r.NIP, Nama: nama, Tahun: tahun,
			Bulan: bulan, TunjanganProfesi: r.TunjanganProfesi, PenghasilanLainBPJS: r.PenghasilanLainBPJS, PotonganLain: pot}
	}
	return out, total, nil
}

// MasukanTPPBulan returns the month's payroll inputs by pegawai id (NIP and Nama are
// left empty: the computation has them from its own pegawai snapshot).
func (db *DB) MasukanTPPBulan(ctx context.Context, instansiID string, tahun int, bulan time.Month, pegawaiIDs ...string) (map[string]domain.MasukanTPP, error) {
	q, args := hanyaPegawai(`SELECT pegawai_id, tunjangan_profesi, penghasilan_lain_bpjs, potongan_lain FROM masukan_tpp
		WHERE instansi_id = ? AND tahun = ? AND bulan = ?`, []any{instansiID, tahun, int(bulan)}, "pegawai_id", pegawaiIDs)
	rows, err := db.conn(ctx).Raw(q, args...).Rows()
	if err != nil {
		return nil, fmt.Errorf("masukan tpp %d-%02d: %w", tahun, bulan, err)
	}
	defer rows.Close()
	out := make(map[string]domain.MasukanTPP)
	for rows.Next() {
		m := domain.MasukanTPP{InstansiID: instansiID, Tahun: tahun, Bulan: bulan}
		var pot string
		if err := rows.Scan(&m.PegawaiID, &m.TunjanganProfesi, &m.PenghasilanLainBPJS, &pot); err != nil {
			return nil, fmt.Errorf("masukan tpp %d-%02d: %w", tahun, bulan, err)
		}
		if m.PotonganLain, err = decodePotongan(pot); err != nil {
			return nil, err
		}
		out[m.PegawaiID] = m
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("masukan tpp %d-%02d: %w", tahun, bulan, err)
	}
	return out, nil
}
