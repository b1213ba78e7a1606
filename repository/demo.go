package repository

import (
	"context"
	"encoding/json"
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

	// Performance management, all optional. Periode is stored when its Tahun is set.
	// SKP lists raters before the pegawai they rate (an RHK's RHKAtasanID refers to an
	// earlier RHK); an approved SKP (DisetujuiAt set) also gets its revision snapshot.
	Periode    domain.PeriodeKinerja
	SKP        []domain.SKP
	Organisasi []domain.PenetapanOrganisasi
	Penilaian  []domain.Penilaian
	Kegiatan   []domain.Kegiatan
}

// maxBindParams keeps every multi-row INSERT under SQLite's historical limit of 999
// host parameters per statement (SQLITE_MAX_VARIABLE_NUMBER before 3.32).
const maxBindParams = 999

// inserter collects the rows of one table and writes them in multi-row INSERT
// statements: tens of thousands of demo rows, one statement each, would make the first
// start of a demo server slow.
type inserter struct {
	db      *DB
	table   string
	cols    []string
	rows    [][]any
	parents []*inserter // written first, so that foreign keys find their rows
}

func (db *DB) inserter(table string, parents []*inserter, cols ...string) *inserter {
	return &inserter{db: db, table: table, cols: cols, parents: parents}
}

// add queues a row and writes a full batch.
func (in *inserter) add(ctx context.Context, vals ...any) error {
	if len(vals) != len(in.cols) {
		return fmt.Errorf("demo %s: %d values for %d columns", in.table, len(vals), len(in.cols))
	}
	in.rows = append(in.rows, vals)
	if (len(in.rows)+1)*len(in.cols) > maxBindParams {
		return in.flush(ctx)
	}
	return nil
}

// flush writes the queued rows, after those of its parents.
func (in *inserter) flush(ctx context.Context) error {
	if len(in.rows) == 0 {
		return nil
	}
	for _, p := range in.parents {
		if err := p.flush(ctx); err != nil {
			return err
		}
	}
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(in.cols)), ",") + ")"
	var sql strings.Builder
	sql.WriteString("INSERT INTO " + in.table + " (" + strings.Join(in.cols, ", ") + ") VALUES ")
	args := make([]any, 0, len(in.rows)*len(in.cols))
	for i, r := range in.rows {
		if i > 0 {
			sql.WriteByte(',')
		}
		sql.WriteString(one)
		args = append(args, r...)
	}
	if err := in.db.Exec(ctx, sql.String(), args...); err != nil {
		return fmt.Errorf("demo %s: %w", in.table, err)
	}
	in.rows = in.rows[:0]
	return nil
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
		return db.loadKinerja(ctx, d, at)
	})
}

// loadKinerja inserts the demo's performance management (see DemoData).
func (db *DB) loadKinerja(ctx context.Context, d DemoData, at time.Time) error {
	inst := d.Instansi.ID
	if p := d.Periode; p.Tahun != 0 {
		if err := db.Exec(ctx, `INSERT INTO periode_kinerja (instansi_id, tahun, frekuensi, batas_keberatan_hari, mode_distribusi,
			capaian_maks, hasil_pimpinan_ikut_unit, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,1,?,?)`,
			inst, p.Tahun, p.Frekuensi, p.BatasKeberatanHari, p.ModeDistribusi, p.CapaianMaks, p.HasilPimpinanIkutUnit, at, at); err != nil {
			return fmt.Errorf("demo periode kinerja: %w", err)
		}
	}
	skp := db.inserter("skp", nil, "id", "instansi_id", "pegawai_id", "tahun", "periode_mulai", "periode_selesai", "jabatan_id",
		"unit_kerja_id", "penilai_id", "atasan_penilai_id", "pendekatan", "status", "revisi", "diajukan_at", "disetujui_at",
		"version", "created_at", "updated_at")
	rhk := db.inserter("rhk", []*inserter{skp}, "id", "instansi_id", "skp_id", "jenis", "uraian", "rhk_atasan_id", "urutan")
	iki := db.inserter("iki", []*inserter{rhk}, "id", "instansi_id", "rhk_id", "aspek", "uraian", "target", "satuan", "polaritas", "urutan")
	eks := db.inserter("skp_ekspektasi", []*inserter{skp}, "skp_id", "nilai", "ekspektasi")
	rev := db.inserter("skp_revisi", []*inserter{skp}, "skp_id", "revisi", "isi", "disetujui_at", "disetujui_nip", "disetujui_nama")
	for _, s := range d.SKP {
		if err := skp.add(ctx, s.ID, inst, s.PegawaiID, s.Tahun, newDate(s.PeriodeMulai), newDate(s.PeriodeSelesai), s.JabatanID,
			s.UnitKerjaID, nullString(pejabatID(s.Penilai)), nullString(pejabatID(s.AtasanPenilai)), s.Pendekatan,
			string(s.Status), s.Revisi, utcPtr(s.DiajukanAt), utcPtr(s.DisetujuiAt), 1, s.CreatedAt.UTC(), s.UpdatedAt.UTC()); err != nil {
			return err
		}
		for i, r := range s.RHK {
			if err := rhk.add(ctx, r.ID, inst, s.ID, r.Jenis, r.Uraian, nullString(r.RHKAtasanID), i); err != nil {
				return err
			}
			for j, k := range r.Indikator {
				if err := iki.add(ctx, k.ID, inst, r.ID, k.Aspek, k.Uraian, k.Target, k.Satuan, k.Polaritas, j); err != nil {
					return err
				}
			}
		}
		for _, e := range s.Ekspektasi {
			if err := eks.add(ctx, s.ID, e.Nilai, e.Ekspektasi); err != nil {
				return err
			}
		}
		if s.DisetujuiAt != nil && s.Penilai != nil {
			// the approved revision exactly as SaveSKPRevisi keeps it
			isi, err := json.Marshal(revisiIsi{Pendekatan: s.Pendekatan, RHK: s.RHK, Ekspektasi: s.Ekspektasi})
			if err != nil {
				return fmt.Errorf("demo skp revisi: %w", err)
			}
			if err := rev.add(ctx, s.ID, s.Revisi, string(isi), s.DisetujuiAt.UTC(), s.Penilai.NIP, s.Penilai.Nama); err != nil {
				return err
			}
		}
	}
	for _, in := range []*inserter{skp, rhk, iki, eks, rev} {
		if err := in.flush(ctx); err != nil {
			return err
		}
	}

	org := db.inserter("predikat_organisasi", nil, "id", "instansi_id", "unit_kerja_id", "tahun", "jenis", "periode", "predikat",
		"catatan", "ditetapkan_oleh", "created_at", "updated_at")
	for _, o := range d.Organisasi {
		if err := org.add(ctx, o.ID, inst, o.UnitKerjaID, o.Tahun, o.Jenis, o.Periode, string(o.Predikat), nullString(o.Catatan),
			o.DitetapkanOleh, o.UpdatedAt.UTC(), o.UpdatedAt.UTC()); err != nil {
			return err
		}
	}
	if err := org.flush(ctx); err != nil {
		return err
	}

	pen := db.inserter("penilaian", nil, "id", "instansi_id", "skp_id", "pegawai_id", "unit_kerja_id", "penilai_id", "atasan_penilai_id",
		"tahun", "jenis", "periode", "tanggal_mulai", "tanggal_selesai", "status", "rating_hasil", "rating_perilaku",
		"hasil_dari_unit", "nilai_perilaku", "umpan_balik", "predikat", "predikat_awal", "difinalkan_at", "version",
		"created_at", "updated_at")
	rea := db.inserter("penilaian_realisasi", []*inserter{pen}, "penilaian_id", "iki_id", "realisasi", "umpan_balik")
	for _, p := range d.Penilaian {
		np, err := nilaiPerilakuJSON(p.NilaiPerilaku)
		if err != nil {
			return err
		}
		if err := pen.add(ctx, p.ID, inst, p.SKPID, p.PegawaiID, p.UnitKerjaID, p.Penilai.PegawaiID,
			nullString(pejabatID(p.AtasanPenilai)), p.Tahun, p.Jenis, p.Periode, newDate(p.TanggalMulai),
			newDate(p.TanggalSelesai), string(p.Status), nullString(string(p.RatingHasil)), nullString(string(p.RatingPerilaku)),
			p.HasilDariUnit, np, nullString(p.UmpanBalik), nullString(string(p.Predikat)), nullString(string(p.PredikatAwal)),
			utcPtr(p.DifinalkanAt), 1, p.CreatedAt.UTC(), p.UpdatedAt.UTC()); err != nil {
			return err
		}
		for _, r := range p.Realisasi {
			if err := rea.add(ctx, p.ID, r.IKIID, r.Realisasi, nullString(r.UmpanBalik)); err != nil {
				return err
			}
		}
	}
	for _, in := range []*inserter{pen, rea} {
		if err := in.flush(ctx); err != nil {
			return err
		}
	}

	keg := db.inserter("kegiatan", nil, "id", "instansi_id", "pegawai_id", "rhk_id", "tanggal", "jam_mulai", "jam_selesai", "menit",
		"uraian", "bukti", "status", "catatan", "dinilai_oleh", "dinilai_at", "version", "created_at", "updated_at")
	for _, k := range d.Kegiatan {
		bukti, err := kegiatanBukti(k.Bukti)
		if err != nil {
			return err
		}
		if err := keg.add(ctx, k.ID, inst, k.PegawaiID, k.RHKID, newDate(k.Tanggal), nullString(k.JamMulai),
			nullString(k.JamSelesai), k.Menit, k.Uraian, bukti, k.Status, nullString(k.Catatan),
			nullString(pejabatID(k.DinilaiOleh)), utcPtr(k.DinilaiAt), 1, k.CreatedAt.UTC(), k.UpdatedAt.UTC()); err != nil {
			return err
		}
	}
	return keg.flush(ctx)
}

// Analyze refreshes the planner's statistics after a bulk load, so that the first
// requests are planned on the data instead of on the empty tables it replaced
// (autovacuum gets there later, and some servers run without it). On PostgreSQL it
// also vacuums, as autovacuum would soon after: that marks the loaded pages
// all-visible, so that reads answered from an index alone (a rater's activities,
// migration 0010) need not visit the table.
func (db *DB) Analyze(ctx context.Context) error {
	sql := "ANALYZE"
	if db.dialect == Postgres {
		sql = "VACUUM (ANALYZE)"
	}
	if err := db.conn(ctx).Exec(sql).Error; err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	return nil
}
