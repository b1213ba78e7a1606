package repository

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// definisiJadwal is the JSON document stored in jadwal.definisi: everything of a
// schedule but its identity. Clock times are seconds since local midnight; dates are
// "YYYY-MM-DD".
type definisiJadwal struct {
	Pekan          []*jadwalJam        `json:"pekan,omitempty"`
	Shift          []jadwalShift       `json:"shift,omitempty"`
	KerjaSaatLibur bool                `json:"kerja_saat_libur"`
	Penyesuaian    []jadwalPenyesuaian `json:"penyesuaian,omitempty"`
}

type jadwalJam struct {
	Mulai   int `json:"mulai"`
	Selesai int `json:"selesai"`
}

type jadwalShift struct {
	Kode    string `json:"kode"`
	Nama    string `json:"nama"`
	Mulai   int    `json:"mulai"`
	Selesai int    `json:"selesai"`
}

type jadwalPenyesuaian struct {
	Nama    string        `json:"nama"`
	Mulai   string        `json:"mulai"`
	Selesai string        `json:"selesai"`
	Pekan   []*jadwalJam  `json:"pekan,omitempty"`
	Shift   []jadwalShift `json:"shift,omitempty"`
}

func pekanJSON(p [7]*domain.JamKerja) []*jadwalJam {
	kosong := true
	out := make([]*jadwalJam, 7)
	for i, h := range p {
		if h != nil {
			out[i], kosong = &jadwalJam{Mulai: h.Mulai, Selesai: h.Selesai}, false
		}
	}
	if kosong {
		return nil
	}
	return out
}

func pekanDomain(p []*jadwalJam) [7]*domain.JamKerja {
	var out [7]*domain.JamKerja
	for i, h := range p {
		if i < 7 && h != nil {
			out[i] = &domain.JamKerja{Mulai: h.Mulai, Selesai: h.Selesai}
		}
	}
	return out
}

func shiftsJSON(ss []domain.Shift) []jadwalShift {
	var out []jadwalShift
	for _, s := range ss {
		out = append(out, jadwalShift{Kode: s.Kode, Nama: s.Nama, Mulai: s.Mulai, Selesai: s.Selesai})
	}
	return out
}

func shiftsDomain(ss []jadwalShift) []domain.Shift {
	var out []domain.Shift
	for _, s := range ss {
		out = append(out, domain.Shift{Kode: s.Kode, Nama: s.Nama, JamKerja: domain.JamKerja{Mulai: s.Mulai, Selesai: s.Selesai}})
	}
	return out
}

func encodeDefinisi(j domain.JadwalKerja) (string, error) {
	d := definisiJadwal{Pekan: pekanJSON(j.Pekan), Shift: shiftsJSON(j.Shift), KerjaSaatLibur: j.KerjaSaatLibur}
	for _, p := range j.Penyesuaian {
		d.Penyesuaian = append(d.Penyesuaian, jadwalPenyesuaian{Nama: p.Nama, Mulai: p.Mulai.Format(time.DateOnly),
			Selesai: p.Selesai.Format(time.DateOnly), Pekan: pekanJSON(p.Pekan), Shift: shiftsJSON(p.Shift)})
	}
	b, err := json.Marshal(d)
	if err != nil {
		return "", fmt.Errorf("encode jadwal definisi: %w", err)
	}
	return string(b), nil
}

func decodeDefinisi(s string, j *domain.JadwalKerja) error {
	var d definisiJadwal
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		return fmt.Errorf("decode jadwal %s definisi: %w", j.ID, err)
	}
	j.Pekan, j.Shift, j.KerjaSaatLibur = pekanDomain(d.Pekan), shiftsDomain(d.Shift), d.KerjaSaatLibur
	j.Penyesuaian = nil
	for _, p := range d.Penyesuaian {
		mulai, err := time.Parse(time.DateOnly, p.Mulai)
		if err != nil {
			return fmt.Errorf("decode jadwal %s penyesuaian: %w", j.ID, err)
		}
		selesai, err := time.Parse(time.DateOnly, p.Selesai)
		if err != nil {
			return fmt.Errorf("decode jadwal %s penyesuaian: %w", j.ID, err)
		}
		j.Penyesuaian = append(j.Penyesuaian, domain.PenyesuaianJadwal{Nama: p.Nama, Mulai: mulai, Selesai: selesai,
			Pekan: pekanDomain(p.Pekan), Shift: shiftsDomain(p.Shift)})
	}
	return nil
}

type jadwalRow struct {
	ID         string    `gorm:"column:id"`
	InstansiID string    `gorm:"column:instansi_id"`
	Kode       string    `gorm:"column:kode"`
	Nama       string    `gorm:"column:nama"`
	Jenis      string    `gorm:"column:jenis"`
	Definisi   string    `gorm:"column:definisi"`
	Version    int       `gorm:"column:version"`
	CreatedAt  time.Time `gorm:"column:created_at"`
	UpdatedAt  time.Time `gorm:"column:updated_at"`
}

func (jadwalRow) TableName() string { return "jadwal" }

func toDomainJadwal(r jadwalRow) (domain.JadwalKerja, error) {
	j := domain.JadwalKerja{ID: r.ID, InstansiID: r.InstansiID, Version: r.Version,
		CreatedAt: utc(r.CreatedAt), UpdatedAt: utc(r.UpdatedAt)}
	j.Kode, j.Nama, j.Jenis = r.Kode, r.Nama, domain.JenisJadwal(r.Jenis)
	if err := decodeDefinisi(r.Definisi, &j); err != nil {
		return domain.JadwalKerja{}, err
	}
	return j, nil
}

// ListJadwal returns every schedule of an instansi, by code, remembered for a few
// seconds (ingatan.go).
func (db *DB) ListJadwal(ctx context.Context, instansiID string) ([]domain.JadwalKerja, error) {
	return remembered(ctx, db, db.ingatan.jadwal, instansiID, func() ([]domain.JadwalKerja, error) {
		var rows []jadwalRow
		if err := db.conn(ctx).Where("instansi_id = ?", instansiID).Order("kode").Find(&rows).Error; err != nil {
			return nil, fmt.Errorf("list jadwal: %w", err)
		}
		out := make([]domain.JadwalKerja, len(rows))
		for i, r := range rows {
			j, err := toDomainJadwal(r)
			if err != nil {
				return nil, err
			}
			out[i] = j
		}
		return out, nil
	})
}

// salinJadwal copies schedules down to what a caller could change in place: the
// week's hours are pointers, shifts and overrides slices.
func salinJadwal(js []domain.JadwalKerja) []domain.JadwalKerja {
	pekan := func(p [7]*domain.JamKerja) [7]*domain.JamKerja {
		for i, h := range p {
			if h != nil {
				c := *h
				p[i] = &c
			}
		}
		return p
	}
	out := slices.Clone(js)
	for i := range out {
		j := &out[i]
		j.Pekan, j.Shift, j.Penyesuaian = pekan(j.Pekan), slices.Clone(j.Shift), slices.Clone(j.Penyesuaian)
		for k := range j.Penyesuaian {
			p := &j.Penyesuaian[k]
			p.Pekan, p.Shift = pekan(p.Pekan), slices.Clone(p.Shift)
		}
	}
	return out
}

// GetJadwal reads one schedule of an instansi.
func (db *DB) GetJadwal(ctx context.Context, instansiID, id string) (domain.JadwalKerja, error) {
	var row jadwalRow
	if err := db.conn(ctx).Where("instansi_id = ? AND id = ?", instansiID, id).Take(&row).Error; err != nil {
		return domain.JadwalKerja{}, translate(err, "Jadwal")
	}
	return toDomainJadwal(row)
}

// CreateJadwal inserts a schedule at version 1, assigning its id if it has none.
func (db *DB) CreateJadwal(ctx context.Context, j domain.JadwalKerja) (domain.JadwalKerja, error) {
	if j.ID == "" {
		j.ID = newID()
	}
	def, err := encodeDefinisi(j)
	if err != nil {
		return domain.JadwalKerja{}, err
	}
	err = db.conn(ctx).Exec(`INSERT INTO jadwal (id, instansi_id, kode, nama, jenis, definisi, version, created_at, updated_at)
		VALUES (?,?,?,?,?,?,1,?,?)`, j.ID, j.InstansiID, j.Kode, j.Nama, string(j.Jenis), def,
		j.CreatedAt.UTC(), j.UpdatedAt.UTC()).Error
	if err != nil {
		return domain.JadwalKerja{}, translate(err, "Jadwal")
	}
	db.changed(ctx)
	return db.GetJadwal(ctx, j.InstansiID, j.ID)
}

// UpdateJadwal writes j if its stored version is still j.Version, and bumps it.
func (db *DB) UpdateJadwal(ctx context.Context, j domain.JadwalKerja) (domain.JadwalKerja, error) {
	def, err := encodeDefinisi(j)
	if err != nil {
		return domain.JadwalKerja{}, err
	}
	res := db.conn(ctx).Exec(`UPDATE jadwal SET kode = ?, nama = ?, jenis = ?, definisi = ?, version = version + 1, updated_at = ?
		WHERE instansi_id = ? AND id = ? AND version = ?`, j.Kode, j.Nama, string(j.Jenis), def, j.UpdatedAt.UTC(),
		j.InstansiID, j.ID, j.Version)
	if res.Error != nil {
		return domain.JadwalKerja{}, translate(res.Error, "Jadwal")
	}
	if res.RowsAffected == 0 {
		return domain.JadwalKerja{}, domain.Stale()
	}
	db.changed(ctx)
	return db.GetJadwal(ctx, j.InstansiID, j.ID)
}

// DeleteJadwal removes a schedule; one still assigned is a conflict (foreign key).
func (db *DB) DeleteJadwal(ctx context.Context, instansiID, id string) error {
	res := db.conn(ctx).Exec(`DELETE FROM jadwal WHERE instansi_id = ? AND id = ?`, instansiID, id)
	if res.Error != nil {
		return translate(res.Error, "Jadwal")
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Jadwal")
	}
	db.changed(ctx)
	return nil
}

// CountPenugasanJadwal counts the assignments, past, present and future, of a schedule.
func (db *DB) CountPenugasanJadwal(ctx context.Context, instansiID, jadwalID string) (int64, error) {
	var n int64
	err := db.conn(ctx).Table("jadwal_penugasan").Where("instansi_id = ? AND jadwal_id = ?", instansiID, jadwalID).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("count penugasan jadwal: %w", err)
	}
	return n, nil
}

type penugasanJadwalRow struct {
	ID             string    `gorm:"column:id"`
	InstansiID     string    `gorm:"column:instansi_id"`
	JadwalID       string    `gorm:"column:jadwal_id"`
	UnitKerjaID    *string   `gorm:"column:unit_kerja_id"`
	PegawaiID      *string   `gorm:"column:pegawai_id"`
	BerlakuMulai   sqlDate   `gorm:"column:berlaku_mulai"`
	BerlakuSelesai nullDate  `gorm:"column:berlaku_selesai"`
	CreatedAt      time.Time `gorm:"column:created_at"`
	// read through the joins
	JadwalNama    *string `gorm:"column:jadwal_nama"`
	UnitKerjaNama *string `gorm:"column:unit_kerja_nama"`
	UnitPath      *string `gorm:"column:unit_path"`
	NIP           *string `gorm:"column:nip"`
	PegawaiNama   *string `gorm:"column:pegawai_nama"`
	GelarDepan    *string `gorm:"column:gelar_depan"`
	GelarBelakang *string `gorm:"column:gelar_belakang"`
	PegawaiPath   *string `gorm:"column:pegawai_path"`
}

func jadwalStr(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func toDomainPenugasanJadwal(r penugasanJadwalRow) domain.PenugasanJadwal {
	p := domain.PenugasanJadwal{ID: r.ID, InstansiID: r.InstansiID, JadwalID: r.JadwalID, JadwalNama: jadwalStr(r.JadwalNama),
		UnitKerjaID: jadwalStr(r.UnitKerjaID), UnitKerjaNama: jadwalStr(r.UnitKerjaNama), PegawaiID: jadwalStr(r.PegawaiID),
		NIP: jadwalStr(r.NIP), BerlakuMulai: r.BerlakuMulai.Time, BerlakuSelesai: r.BerlakuSelesai.ptr(), CreatedAt: utc(r.CreatedAt)}
	if r.PegawaiNama != nil {
		p.Nama = domain.Pegawai{Nama: *r.PegawaiNama, GelarDepan: jadwalStr(r.GelarDepan), GelarBelakang: jadwalStr(r.GelarBelakang)}.NamaLengkap()
	}
	p.UnitPath = jadwalStr(r.UnitPath)
	if p.PegawaiID != "" {
		p.UnitPath = jadwalStr(r.PegawaiPath)
	}
	return p
}

// penugasanJadwalSelect reads assignments with the names of their schedule and target
// and the target's unit path: the unit's own, or the pegawai's unit on a date (the
// first parameter).
const penugasanJadwalSelect = `SELECT jp.id, jp.instansi_id, jp.jadwal_id, jp.unit_kerja_id, jp.pegawai_id,
jp.berlaku_mulai, jp.berlaku_selesai, jp.created_at, j.nama AS jadwal_nama, u.nama AS unit_kerja_nama,
u.path AS unit_path, p.nip AS nip, p.nama AS pegawai_nama, p.gelar_depan AS gelar_depan, p.gelar_belakang AS gelar_belakang,
(SELECT u2.path FROM riwayat_pegawai r JOIN unit_kerja u2 ON u2.id = r.unit_kerja_id
  WHERE r.pegawai_id = jp.pegawai_id AND r.berlaku_mulai <= ? ORDER BY r.berlaku_mulai DESC, r.created_at DESC LIMIT 1) AS pegawai_path
FROM jadwal_penugasan jp
JOIN jadwal j ON j.id = jp.jadwal_id
LEFT JOIN unit_kerja u ON u.id = jp.unit_kerja_id
LEFT JOIN pegawai p ON p.id = jp.pegawai_id
WHERE jp.instansi_id = ?`

// ListPenugasanJadwal returns the assignments of an instansi matching f, latest first.
func (db *DB) ListPenugasanJadwal(ctx context.Context, f domain.PenugasanJadwalFilter) ([]domain.PenugasanJadwal, error) {
	q := penugasanJadwalSelect
	args := []any{newDate(f.AsOf), f.InstansiID}
	if f.UnitKerjaID != "" {
		q += ` AND jp.unit_kerja_id = ?`
		args = append(args, f.UnitKerjaID)
	}
	if f.PegawaiID != "" {
		q += ` AND jp.pegawai_id = ?`
		args = append(args, f.PegawaiID)
	}
	if f.Sampai != nil {
		q += ` AND jp.berlaku_mulai <= ?`
		args = append(args, newDate(*f.Sampai))
	}
	if f.Dari != nil {
		q += ` AND (jp.berlaku_selesai IS NULL OR jp.berlaku_selesai >= ?)`
		args = append(args, newDate(*f.Dari))
	}
	var rows []penugasanJadwalRow
	if err := db.conn(ctx).Raw(q+` ORDER BY jp.berlaku_mulai DESC, jp.id DESC`, args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list penugasan jadwal: %w", err)
	}
	out := make([]domain.PenugasanJadwal, len(rows))
	for i, r := range rows {
		out[i] = toDomainPenugasanJadwal(r)
	}
	return out, nil
}

// PenugasanJadwalBerlaku returns, in one query and without names, every assignment of
// an instansi in force on at least one day of [dari, sampai]: what resolving the
// schedules of many pegawai needs. It is remembered for a few seconds (ingatan.go).
func (db *DB) PenugasanJadwalBerlaku(ctx context.Context, instansiID string, dari, sampai time.Time) ([]domain.PenugasanJadwal, error) {
	return remembered(ctx, db, db.ingatan.penugasan, kunci(instansiID, dari, sampai), func() ([]domain.PenugasanJadwal, error) {
		var rows []penugasanJadwalRow
		err := db.conn(ctx).Raw(`SELECT id, instansi_id, jadwal_id, unit_kerja_id, pegawai_id, berlaku_mulai, berlaku_selesai, created_at
		FROM jadwal_penugasan WHERE instansi_id = ? AND berlaku_mulai <= ? AND (berlaku_selesai IS NULL OR berlaku_selesai >= ?)`,
			instansiID, newDate(sampai), newDate(dari)).Scan(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("penugasan jadwal berlaku: %w", err)
		}
		out := make([]domain.PenugasanJadwal, len(rows))
		for i, r := range rows {
			out[i] = toDomainPenugasanJadwal(r)
		}
		return out, nil
	})
}

// salinPenugasanJadwal copies assignments with their open or closed end.
func salinPenugasanJadwal(ps []domain.PenugasanJadwal) []domain.PenugasanJadwal {
	out := slices.Clone(ps)
	for i := range out {
		if e := out[i].BerlakuSelesai; e != nil {
			c := *e
			out[i].BerlakuSelesai = &c
		}
	}
	return out
}

// GetPenugasanJadwal reads one assignment; a pegawai target's unit path is as of asOf.
func (db *DB) GetPenugasanJadwal(ctx context.Context, instansiID, id string, asOf time.Time) (domain.PenugasanJadwal, error) {
	var rows []penugasanJadwalRow
	if err := db.conn(ctx).Raw(penugasanJadwalSelect+` AND jp.id = ?`, newDate(asOf), instansiID, id).Scan(&rows).Error; err != nil {
		return domain.PenugasanJadwal{}, fmt.Errorf("get penugasan jadwal: %w", err)
	}
	if len(rows) == 0 {
		return domain.PenugasanJadwal{}, domain.NotFound("Penugasan jadwal")
	}
	return toDomainPenugasanJadwal(rows[0]), nil
}

// CreatePenugasanJadwal inserts an assignment, assigning its id if it has none, and
// reads it back with its names (the pegawai's unit as of its first day).
func (db *DB) CreatePenugasanJadwal(ctx context.Context, p domain.PenugasanJadwal) (domain.PenugasanJadwal, error) {
	if p.ID == "" {
		p.ID = newID()
	}
	err := db.conn(ctx).Exec(`INSERT INTO jadwal_penugasan (id, instansi_id, jadwal_id, unit_kerja_id, pegawai_id, berlaku_mulai, berlaku_selesai, created_at)
		VALUES (?,?,?,?,?,?,?,?)`, p.ID, p.InstansiID, p.JadwalID, nullString(p.UnitKerjaID), nullString(p.PegawaiID),
		newDate(p.BerlakuMulai), newNullDate(p.BerlakuSelesai), p.CreatedAt.UTC()).Error
	if err != nil {
		return domain.PenugasanJadwal{}, translate(err, "Penugasan jadwal")
	}
	db.changed(ctx)
	return db.GetPenugasanJadwal(ctx, p.InstansiID, p.ID, p.BerlakuMulai)
}

// DeletePenugasanJadwal removes an assignment.
func (db *DB) DeletePenugasanJadwal(ctx context.Context, instansiID, id string) error {
	res := db.conn(ctx).Exec(`DELETE FROM jadwal_penugasan WHERE instansi_id = ? AND id = ?`, instansiID, id)
	if res.Error != nil {
		return translate(res.Error, "Penugasan jadwal")
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Penugasan jadwal")
	}
	db.changed(ctx)
	return nil
}

// LockPenugasanJadwalTarget locks the unit or pegawai row an assignment targets, so
// that concurrent assignments to the same target are checked for overlap one at a time.
func (db *DB) LockPenugasanJadwalTarget(ctx context.Context, instansiID, unitKerjaID, pegawaiID string) error {
	table, id, entity := "unit_kerja", unitKerjaID, "Unit kerja"
	if pegawaiID != "" {
		table, id, entity = "pegawai", pegawaiID, "Pegawai"
	}
	res := db.conn(ctx).Exec(`UPDATE `+table+` SET version = version WHERE instansi_id = ? AND id = ?`, instansiID, id)
	if res.Error != nil {
		return fmt.Errorf("lock %s: %w", table, res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.NotFound(entity)
	}
	return nil
}

// OverlappingPenugasanJadwal counts the assignments of the same target (a unit or a
// pegawai) whose period meets [mulai, selesai] (selesai nil: open-ended).
func (db *DB) OverlappingPenugasanJadwal(ctx context.Context, instansiID, unitKerjaID, pegawaiID string, mulai time.Time, selesai *time.Time) (int64, error) {
	q := db.conn(ctx).Table("jadwal_penugasan").Where("instansi_id = ?", instansiID).
		Where("(berlaku_selesai IS NULL OR berlaku_selesai >= ?)", newDate(mulai))
	if pegawaiID != "" {
		q = q.Where("pegawai_id = ?", pegawaiID)
	} else {
		q = q.Where("unit_kerja_id = ?", unitKerjaID)
	}
	if selesai != nil {
		q = q.Where("berlaku_mulai <= ?", newDate(*selesai))
	}
	var n int64
	if err := q.Count(&n).Error; err != nil {
		return 0, fmt.Errorf("overlapping penugasan jadwal: %w", err)
	}
	return n, nil
}

// RiwayatUnitByNIP returns every state of the named employees of an instansi, one
// view per riwayat entry with the pegawai's id, NIP and name and the state's date, unit
// and unit path, ordered by NIP and then oldest first. Employees without a riwayat are
// left out.
func (db *DB) RiwayatUnitByNIP(ctx context.Context, instansiID string, nips []string) ([]domain.PegawaiView, error) {
	var out []domain.PegawaiView
	for start := 0; start < len(nips); start += 1000 {
		chunk := nips[start:min(start+1000, len(nips))]
		var rows []struct {
			PegawaiID    string  `gorm:"column:pegawai_id"`
			NIP          string  `gorm:"column:nip"`
			Nama         string  `gorm:"column:nama"`
			BerlakuMulai sqlDate `gorm:"column:berlaku_mulai"`
			UnitKerjaID  string  `gorm:"column:unit_kerja_id"`
			UnitPath     string  `gorm:"column:unit_path"`
		}
		err := db.conn(ctx).Raw(`SELECT p.id AS pegawai_id, p.nip, p.nama, r.berlaku_mulai, r.unit_kerja_id, u.path AS unit_path
			FROM riwayat_pegawai r JOIN pegawai p ON p.id = r.pegawai_id JOIN unit_kerja u ON u.id = r.unit_kerja_id
			WHERE r.instansi_id = ? AND p.instansi_id = ? AND p.nip IN ?
			ORDER BY p.nip, r.berlaku_mulai, r.created_at`, instansiID, instansiID, chunk).Scan(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("riwayat unit by nip: %w", err)
		}
		for _, r := range rows {
			out = append(out, domain.PegawaiView{
				Pegawai: domain.Pegawai{ID: r.PegawaiID, InstansiID: instansiID, NIP: r.NIP, Nama: r.Nama},
				Riwayat: domain.Riwayat{InstansiID: instansiID, PegawaiID: r.PegawaiID, BerlakuMulai: r.BerlakuMulai.Time,
					UnitKerjaID: r.UnitKerjaID, UnitPath: r.UnitPath}})
		}
	}
	return out, nil
}

// rosterUnitPath is the unit path of a roster entry's pegawai on the entry's date.
const rosterUnitPath = `(SELECT u.path FROM riwayat_pegawai r JOIN unit_kerja u ON u.id = r.unit_kerja_id
  WHERE r.pegawai_id = rs.pegawai_id AND r.berlaku_mulai <= rs.tanggal ORDER BY r.berlaku_mulai DESC, r.created_at DESC LIMIT 1)`

type rosterRow struct {
	PegawaiID string  `gorm:"column:pegawai_id"`
	Tanggal   sqlDate `gorm:"column:tanggal"`
	KodeShift string  `gorm:"column:kode_shift"`
	NIP       string  `gorm:"column:nip"`
}

// ListRoster returns the roster entries matching f, by date and NIP.
func (db *DB) ListRoster(ctx context.Context, f domain.RosterFilter) ([]domain.RosterPegawai, error) {
	if f.PegawaiIDs != nil && len(f.PegawaiIDs) == 0 {
		return nil, nil
	}
	var where strings.Builder
	args := []any{f.InstansiID, newDate(f.Dari), newDate(f.Sampai)}
	if f.PegawaiIDs != nil {
		where.WriteString(` AND rs.pegawai_id IN ?`)
		args = append(args, f.PegawaiIDs)
	}
	for _, p := range f.ScopePaths {
		where.WriteString(` AND ` + rosterUnitPath + ` LIKE ?` + likeEscape)
		args = append(args, pegawaiPathPrefix(p))
	}
	var rows []rosterRow
	err := db.conn(ctx).Raw(`SELECT rs.pegawai_id, rs.tanggal, rs.kode_shift, p.nip FROM roster_shift rs
		JOIN pegawai p ON p.id = rs.pegawai_id
		WHERE rs.instansi_id = ? AND rs.tanggal >= ? AND rs.tanggal <= ?`+where.String()+` ORDER BY rs.tanggal, p.nip`, args...).
		Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("list roster: %w", err)
	}
	out := make([]domain.RosterPegawai, len(rows))
	for i, r := range rows {
		out[i] = domain.RosterPegawai{RosterShift: domain.RosterShift{PegawaiID: r.PegawaiID, Tanggal: r.Tanggal.Time,
			KodeShift: r.KodeShift}, NIP: r.NIP}
	}
	return out, nil
}

// RosterRange returns, in one query, every roster entry of an instansi dated
// from..to (inclusive dates), by pegawai and date; only those pegawai's when named.
func (db *DB) RosterRange(ctx context.Context, instansiID string, from, to time.Time, pegawaiIDs ...string) ([]domain.RosterShift, error) {
	var rows []rosterRow
	q, args := hanyaPegawai(`SELECT pegawai_id, tanggal, kode_shift FROM roster_shift
		WHERE instansi_id = ? AND tanggal >= ? AND tanggal <= ?`,
		[]any{instansiID, newDate(from), newDate(to)}, "pegawai_id", pegawaiIDs)
	err := db.conn(ctx).Raw(q+" ORDER BY pegawai_id, tanggal", args...).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("roster range: %w", err)
	}
	out := make([]domain.RosterShift, len(rows))
	for i, r := range rows {
		out[i] = domain.RosterShift{PegawaiID: r.PegawaiID, Tanggal: r.Tanggal.Time, KodeShift: r.KodeShift}
	}
	return out, nil
}

// rosterChunk bounds the rows of one statement (4 parameters each).
const rosterChunk = 500

// SaveRoster writes roster entries of an instansi: an entry with a shift code replaces
// the pegawai's entry of that date, one without removes it. It returns how many were
// saved and how many stored entries were removed. Run it in a transaction.
func (db *DB) SaveRoster(ctx context.Context, instansiID string, entries []domain.RosterShift) (int, int, error) {
	var simpan, hapus []domain.RosterShift
	for _, e := range entries {
		if e.KodeShift == "" {
			hapus = append(hapus, e)
		} else {
			simpan = append(simpan, e)
		}
	}
	for start := 0; start < len(simpan); start += rosterChunk {
		chunk := simpan[start:min(start+rosterChunk, len(simpan))]
		vals := make([]string, len(chunk))
		args := make([]any, 0, 4*len(chunk))
		for i, e := range chunk {
			vals[i] = "(?,?,?,?)"
			args = append(args, instansiID, e.PegawaiID, newDate(e.Tanggal), e.KodeShift)
		}
		err := db.conn(ctx).Exec(`INSERT INTO roster_shift (instansi_id, pegawai_id, tanggal, kode_shift) VALUES `+
			strings.Join(vals, ",")+` ON CONFLICT (pegawai_id, tanggal) DO UPDATE SET kode_shift = excluded.kode_shift`, args...).Error
		if err != nil {
			return 0, 0, translate(err, "Roster")
		}
	}
	removed := 0
	for start := 0; start < len(hapus); start += rosterChunk {
		chunk := hapus[start:min(start+rosterChunk, len(hapus))]
		conds := make([]string, len(chunk))
		args := []any{instansiID}
		for i, e := range chunk {
			conds[i] = "(pegawai_id = ? AND tanggal = ?)"
			args = append(args, e.PegawaiID, newDate(e.Tanggal))
		}
		res := db.conn(ctx).Exec(`DELETE FROM roster_shift WHERE instansi_id = ? AND (`+strings.Join(conds, " OR ")+`)`, args...)
		if res.Error != nil {
			return 0, 0, translate(res.Error, "Roster")
		}
		removed += int(res.RowsAffected)
	}
	return len(simpan), removed, nil
}
