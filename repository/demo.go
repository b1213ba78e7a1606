package repository

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// DemoData is a complete organisation to load at once (the demo pemda).
type DemoData struct {
	Instansi domain.Instansi
	Units    []domain.UnitKerja
	Jabatan  []domain.Jabatan
	Pegawai  []domain.Pegawai
	Riwayat  []domain.Riwayat
	Users    []domain.Pengguna
}

// LoadDemo inserts a whole organisation in one transaction. Units and positions must
// come parents first. Unit heads are set after the positions exist.
func (db *DB) LoadDemo(ctx context.Context, d DemoData, at time.Time) error {
	at = at.UTC()
	return db.InTx(ctx, func(ctx context.Context) error {
		i := d.Instansi
		if err := db.Exec(ctx, `INSERT INTO instansi (id, nama, kode, jenis, zona_waktu, aktif, version, created_at, updated_at)
			VALUES (?,?,?,?,?,?,?,?,?)`, i.ID, i.Nama, i.Kode, i.Jenis, i.ZonaWaktu, true, 1, at, at); err != nil {
			return fmt.Errorf("demo instansi: %w", err)
		}
		for _, u := range d.Units {
			if err := db.Exec(ctx, `INSERT INTO unit_kerja (id, instansi_id, parent_id, path, level, kode, nama, jenis, zona_waktu, version, created_at, updated_at)
				VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`, u.ID, i.ID, nullString(u.ParentID), u.Path, u.Level, u.Kode, u.Nama, u.Jenis,
				nullString(u.ZonaWaktu), 1, at, at); err != nil {
				return fmt.Errorf("demo unit %s: %w", u.Kode, err)
			}
		}
		for _, j := range d.Jabatan {
			if err := db.Exec(ctx, `INSERT INTO jabatan (id, instansi_id, unit_kerja_id, kode, nama, jenis, jenjang, kelas_jabatan, atasan_jabatan_id, kebutuhan, version, created_at, updated_at)
				VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`, j.ID, i.ID, j.UnitKerjaID, j.Kode, j.Nama, string(j.Jenis), nullString(string(j.Jenjang)),
				j.KelasJabatan, nullString(j.AtasanJabatanID), j.Kebutuhan, 1, at, at); err != nil {
				return fmt.Errorf("demo jabatan %s: %w", j.Kode, err)
			}
		}
		for _, u := range d.Units {
			if u.KepalaJabatanID == "" {
				continue
			}
			if err := db.Exec(ctx, `UPDATE unit_kerja SET kepala_jabatan_id = ? WHERE id = ?`, u.KepalaJabatanID, u.ID); err != nil {
				return fmt.Errorf("demo unit head %s: %w", u.Kode, err)
			}
		}
		for _, p := range d.Pegawai {
			var bank domain.Rekening
			if p.Rekening != nil {
				bank = *p.Rekening
			}
			if err := db.Exec(ctx, `INSERT INTO pegawai (id, instansi_id, nip, nama, gelar_depan, gelar_belakang, jenis_asn, jenis_kelamin,
				tanggal_lahir, tmt, email, telepon, bank_nama, bank_nomor, bank_atas_nama, version, created_at, updated_at)
				VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, p.ID, i.ID, p.NIP, p.Nama, p.GelarDepan, p.GelarBelakang, string(p.JenisASN),
				p.JenisKelamin, newDate(p.TanggalLahir), newDate(p.TMT), p.Email, p.Telepon, bank.NamaBank, bank.Nomor, bank.AtasNama, 1, at, at); err != nil {
				return fmt.Errorf("demo pegawai %s: %w", p.NIP, err)
			}
		}
		for _, r := range d.Riwayat {
			if err := db.Exec(ctx, `INSERT INTO riwayat_pegawai (id, instansi_id, pegawai_id, jenis, berlaku_mulai, jabatan_id, unit_kerja_id,
				golongan, status, nomor_sk, keterangan, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`, r.ID, i.ID, r.PegawaiID, r.Jenis,
				newDate(r.BerlakuMulai), r.JabatanID, r.UnitKerjaID, r.Golongan, string(r.Status), r.NomorSK, r.Keterangan, at); err != nil {
				return fmt.Errorf("demo riwayat: %w", err)
			}
		}
		for _, u := range d.Users {
			if err := db.Exec(ctx, `INSERT INTO pengguna (id, instansi_id, username, pegawai_id, password_hash, roles, unit_kerja_id, nonaktif, version, created_at, updated_at)
				VALUES (?,?,?,?,?,?,?,?,?,?,?)`, u.ID, nullString(u.InstansiID), strings.ToLower(u.Username), nullString(u.PegawaiID),
				u.PasswordHash, joinRoles(u.Roles), nullString(u.UnitKerjaID), false, 1, at, at); err != nil {
				return fmt.Errorf("demo user %s: %w", u.Username, err)
			}
		}
		return nil
	})
}
