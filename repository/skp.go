package repository

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type skpRow struct {
	ID                 string
	InstansiID         string
	PegawaiID          string
	Tahun              int
	PeriodeMulai       sqlDate
	PeriodeSelesai     sqlDate
	JabatanID          string
	UnitKerjaID        string
	PenilaiID          *string
	AtasanPenilaiID    *string
	Pendekatan         string
	Status             string
	Revisi             int
	AlasanPengembalian *string
	DiajukanAt         *time.Time
	DisetujuiAt        *time.Time
	Version            int
	CreatedAt          time.Time
	UpdatedAt          time.Time
	// joined
	NIP           string  `gorm:"->;column:nip"`
	Nama          string  `gorm:"->;column:nama"`
	GelarDepan    string  `gorm:"->;column:gelar_depan"`
	GelarBelakang string  `gorm:"->;column:gelar_belakang"`
	JabatanNama   string  `gorm:"->;column:jabatan_nama"`
	UnitKerjaNama string  `gorm:"->;column:unit_kerja_nama"`
	UnitPath      string  `gorm:"->;column:unit_path"`
	PenilaiNIP    *string `gorm:"->;column:penilai_nip"`
	PenilaiNama   *string `gorm:"->;column:penilai_nama"`
	AtasanNIP     *string `gorm:"->;column:atasan_nip"`
	AtasanNama    *string `gorm:"->;column:atasan_nama"`
}

func (skpRow) TableName() string { return "skp" }

func pejabatOf(id, nip, nama *string) *domain.Pejabat {
	if id == nil || nip == nil {
		return nil
	}
	return &domain.Pejabat{PegawaiID: *id, NIP: *nip, Nama: deref(nama)}
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

func toDomainSKP(r skpRow) domain.SKP {
	p := domain.Pegawai{Nama: r.Nama, GelarDepan: r.GelarDepan, GelarBelakang: r.GelarBelakang}
	return domain.SKP{ID: r.ID, InstansiID: r.InstansiID, PegawaiID: r.PegawaiID, NIP: r.NIP, Nama: p.NamaLengkap(),
		Tahun: r.Tahun, PeriodeMulai: r.PeriodeMulai.Time, PeriodeSelesai: r.PeriodeSelesai.Time,
		JabatanID: r.JabatanID, JabatanNama: r.JabatanNama, UnitKerjaID: r.UnitKerjaID, UnitKerjaNama: r.UnitKerjaNama,
		UnitPath: r.UnitPath, Penilai: pejabatOf(r.PenilaiID, r.PenilaiNIP, r.PenilaiNama),
		AtasanPenilai: pejabatOf(r.AtasanPenilaiID, r.AtasanNIP, r.AtasanNama), Pendekatan: r.Pendekatan,
		Status: domain.StatusSKP(r.Status), Revisi: r.Revisi, AlasanPengembalian: deref(r.AlasanPengembalian),
		DiajukanAt: utcPtr(r.DiajukanAt), DisetujuiAt: utcPtr(r.DisetujuiAt), Version: r.Version,
		CreatedAt: utc(r.CreatedAt), UpdatedAt: utc(r.UpdatedAt)}
}

func (db *DB) skpQuery(ctx context.Context) *gormDB {
	return db.conn(ctx).Table("skp").
		Select(`skp.*, p.nip AS nip, p.nama AS nama, p.gelar_depan AS gelar_depan, p.gelar_belakang AS gelar_belakang,
			j.nama AS jabatan_nama, u.nama AS unit_kerja_nama, u.path AS unit_path,
			pn.nip AS penilai_nip, pn.nama AS penilai_nama, ap.nip AS atasan_nip, ap.nama AS atasan_nama`).
		Joins("JOIN pegawai p ON p.id = skp.pegawai_id").
		Joins("JOIN jabatan j ON j.id = skp.jabatan_id").
		Joins("JOIN unit_kerja u ON u.id = skp.unit_kerja_id").
		Joins("LEFT JOIN pegawai pn ON pn.id = skp.penilai_id").
		Joins("LEFT JOIN pegawai ap ON ap.id = skp.atasan_penilai_id")
}

// CreateSKP inserts an SKP header (status, revisi and version as given).
func (db *DB) CreateSKP(ctx context.Context, s domain.SKP) (domain.SKP, error) {
	if s.ID == "" {
		s.ID = newID()
	}
	err := db.conn(ctx).Exec(`INSERT INTO skp (id, instansi_id, pegawai_id, tahun, periode_mulai, periode_selesai, jabatan_id,
		unit_kerja_id, penilai_id, atasan_penilai_id, pendekatan, status, revisi, version, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, s.ID, s.InstansiID, s.PegawaiID, s.Tahun, newDate(s.PeriodeMulai),
		newDate(s.PeriodeSelesai), s.JabatanID, s.UnitKerjaID, nullString(pejabatID(s.Penilai)),
		nullString(pejabatID(s.AtasanPenilai)), s.Pendekatan, string(s.Status), 1, 1, s.CreatedAt.UTC(), s.UpdatedAt.UTC()).Error
	if err != nil {
		return domain.SKP{}, translate(err, "SKP")
	}
	return db.GetSKP(ctx, s.InstansiID, s.ID)
}

func pejabatID(p *domain.Pejabat) string {
	if p == nil {
		return ""
	}
	return p.PegawaiID
}

// GetSKP reads an SKP with its RHK, indicators and expectations.
func (db *DB) GetSKP(ctx context.Context, instansiID, id string) (domain.SKP, error) {
	var row skpRow
	if err := db.skpQuery(ctx).Where("skp.instansi_id = ? AND skp.id = ?", instansiID, id).Take(&row).Error; err != nil {
		return domain.SKP{}, translate(err, "SKP")
	}
	s := toDomainSKP(row)
	var err error
	if s.RHK, err = db.skpRHK(ctx, s.ID); err != nil {
		return domain.SKP{}, err
	}
	var eks []struct{ Nilai, Ekspektasi string }
	if err := db.conn(ctx).Raw(`SELECT nilai, ekspektasi FROM skp_ekspektasi WHERE skp_id = ?`, s.ID).Scan(&eks).Error; err != nil {
		return domain.SKP{}, fmt.Errorf("skp ekspektasi: %w", err)
	}
	order := map[string]int{}
	for i, v := range domain.Berakhlak {
		order[v] = i
	}
	s.Ekspektasi = make([]domain.Ekspektasi, len(eks))
	for i, e := range eks {
		s.Ekspektasi[i] = domain.Ekspektasi{Nilai: e.Nilai, Ekspektasi: e.Ekspektasi}
	}
	slices.SortFunc(s.Ekspektasi, func(a, b domain.Ekspektasi) int { return order[a.Nilai] - order[b.Nilai] })
	return s, nil
}

func (db *DB) skpRHK(ctx context.Context, skpID string) ([]domain.RHK, error) {
	var rhk []struct {
		ID, SKPID, Jenis, Uraian string
		RHKAtasanID              *string
		AtasanUraian             *string
	}
	if err := db.conn(ctx).Raw(`SELECT r.id, r.skp_id AS skp_id, r.jenis, r.uraian, r.rhk_atasan_id AS rhk_atasan_id,
		a.uraian AS atasan_uraian FROM rhk r LEFT JOIN rhk a ON a.id = r.rhk_atasan_id
		WHERE r.skp_id = ? ORDER BY r.urutan`, skpID).Scan(&rhk).Error; err != nil {
		return nil, fmt.Errorf("skp rhk: %w", err)
	}
	var iki []struct{ ID, RHKID, Aspek, Uraian, Target, Satuan, Polaritas string }
	if err := db.conn(ctx).Raw(`SELECT k.id, k.rhk_id AS rhk_id, k.aspek, k.uraian, k.target, k.satuan, k.polaritas
		FROM iki k JOIN rhk r ON r.id = k.rhk_id WHERE r.skp_id = ? ORDER BY r.urutan, k.urutan`, skpID).Scan(&iki).Error; err != nil {
		return nil, fmt.Errorf("skp iki: %w", err)
	}
	out := make([]domain.RHK, len(rhk))
	idx := map[string]int{}
	for i, r := range rhk {
		out[i] = domain.RHK{ID: r.ID, SKPID: r.SKPID, Jenis: r.Jenis, Uraian: r.Uraian, RHKAtasanID: deref(r.RHKAtasanID),
			RHKAtasanUraian: deref(r.AtasanUraian), Indikator: []domain.IKI{}}
		idx[r.ID] = i
	}
	for _, k := range iki {
		i := idx[k.RHKID]
		out[i].Indikator = append(out[i].Indikator, domain.IKI{ID: k.ID, RHKID: k.RHKID, Aspek: k.Aspek, Uraian: k.Uraian,
			Target: k.Target, Satuan: k.Satuan, Polaritas: k.Polaritas})
	}
	return out, nil
}

// ListSKP returns a page of SKP headers, newest year first, and the total.
func (db *DB) ListSKP(ctx context.Context, f domain.SKPFilter) ([]domain.SKP, int64, error) {
	q := db.skpQuery(ctx).Where("skp.instansi_id = ?", f.InstansiID)
	if f.Tahun != 0 {
		q = q.Where("skp.tahun = ?", f.Tahun)
	}
	if f.NIP != "" {
		q = q.Where("p.nip = ?", f.NIP)
	}
	if f.Status != "" {
		q = q.Where("skp.status = ?", string(f.Status))
	}
	if f.UnitKerjaID != "" {
		q = q.Where("u.path LIKE (SELECT path FROM unit_kerja WHERE id = ?) || '%'", f.UnitKerjaID)
	}
	if f.ScopePath != "" {
		q = q.Where("u.path LIKE ?", f.ScopePath+"%")
	}
	if f.PenilaiID != "" {
		q = q.Where("skp.penilai_id = ?", f.PenilaiID)
	}
	if f.TerkaitID != "" {
		q = q.Where("(skp.pegawai_id = ? OR skp.penilai_id = ? OR skp.atasan_penilai_id = ?)", f.TerkaitID, f.TerkaitID, f.TerkaitID)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count skp: %w", err)
	}
	var rows []skpRow
	if err := q.Order("skp.tahun DESC, p.nip, skp.periode_mulai").Offset(f.Offset).Limit(f.Limit).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list skp: %w", err)
	}
	out := make([]domain.SKP, len(rows))
	for i, r := range rows {
		out[i] = toDomainSKP(r)
	}
	return out, total, nil
}

// SKPOverlapping counts a pegawai's other SKP whose period meets [mulai, selesai].
func (db *DB) SKPOverlapping(ctx context.Context, instansiID, pegawaiID string, mulai, selesai time.Time) (int64, error) {
	var n int64
	err := db.conn(ctx).Table("skp").Where("instansi_id = ? AND pegawai_id = ? AND periode_mulai <= ? AND periode_selesai >= ?",
		instansiID, pegawaiID, newDate(selesai), newDate(mulai)).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("skp overlap: %w", err)
	}
	return n, nil
}

// UpdateSKPStatus stores the workflow fields of an SKP if its version is still s.Version.
func (db *DB) UpdateSKPStatus(ctx context.Context, s domain.SKP) error {
	res := db.conn(ctx).Exec(`UPDATE skp SET status = ?, revisi = ?, pendekatan = ?, alasan_pengembalian = ?, diajukan_at = ?,
		disetujui_at = ?, version = version + 1, updated_at = ? WHERE instansi_id = ? AND id = ? AND version = ?`,
		string(s.Status), s.Revisi, s.Pendekatan, nullString(s.AlasanPengembalian), utcPtr(s.DiajukanAt), utcPtr(s.DisetujuiAt),
		s.UpdatedAt.UTC(), s.InstansiID, s.ID, s.Version)
	if res.Error != nil {
		return translate(res.Error, "SKP")
	}
	if res.RowsAffected == 0 {
		return domain.Stale()
	}
	return nil
}

// ReplaceSKPIsi makes the stored RHK, indicators and expectations those of s: kept
// ids are updated, new ones inserted, the rest deleted (refused with a conflict when
// an activity, an evaluation or a subordinate's RHK still refers to them). Run it in
// a transaction.
func (db *DB) ReplaceSKPIsi(ctx context.Context, s domain.SKP) error {
	keepRHK, keepIKI := []string{}, []string{}
	for _, r := range s.RHK {
		keepRHK = append(keepRHK, r.ID)
		for _, k := range r.Indikator {
			keepIKI = append(keepIKI, k.ID)
		}
	}
	c := db.conn(ctx)
	delIKI := c.Exec(`DELETE FROM iki WHERE rhk_id IN (SELECT id FROM rhk WHERE skp_id = ?) AND id NOT IN (?)`, s.ID, orNone(keepIKI))
	if delIKI.Error != nil {
		return translate(delIKI.Error, "Indikator")
	}
	if err := c.Exec(`DELETE FROM rhk WHERE skp_id = ? AND id NOT IN (?)`, s.ID, orNone(keepRHK)).Error; err != nil {
		return translate(err, "RHK")
	}
	for i, r := range s.RHK {
		res := c.Exec(`UPDATE rhk SET jenis = ?, uraian = ?, rhk_atasan_id = ?, urutan = ? WHERE id = ? AND skp_id = ?`,
			r.Jenis, r.Uraian, nullString(r.RHKAtasanID), i, r.ID, s.ID)
		if res.Error != nil {
			return translate(res.Error, "RHK")
		}
		if res.RowsAffected == 0 {
			if err := c.Exec(`INSERT INTO rhk (id, instansi_id, skp_id, jenis, uraian, rhk_atasan_id, urutan) VALUES (?,?,?,?,?,?,?)`,
				r.ID, s.InstansiID, s.ID, r.Jenis, r.Uraian, nullString(r.RHKAtasanID), i).Error; err != nil {
				return translate(err, "RHK")
			}
		}
		for j, k := range r.Indikator {
			res := c.Exec(`UPDATE iki SET rhk_id = ?, aspek = ?, uraian = ?, target = ?, satuan = ?, polaritas = ?, urutan = ?
				WHERE id = ? AND instansi_id = ? AND rhk_id IN (SELECT id FROM rhk WHERE skp_id = ?)`,
				r.ID, k.Aspek, k.Uraian, k.Target, k.Satuan, k.Polaritas, j, k.ID, s.InstansiID, s.ID)
			if res.Error != nil {
				return translate(res.Error, "Indikator")
			}
			if res.RowsAffected == 0 {
				if err := c.Exec(`INSERT INTO iki (id, instansi_id, rhk_id, aspek, uraian, target, satuan, polaritas, urutan)
					VALUES (?,?,?,?,?,?,?,?,?)`, k.ID, s.InstansiID, r.ID, k.Aspek, k.Uraian, k.Target, k.Satuan, k.Polaritas, j).Error; err != nil {
					return translate(err, "Indikator")
				}
			}
		}
	}
	if err := c.Exec(`DELETE FROM skp_ekspektasi WHERE skp_id = ?`, s.ID).Error; err != nil {
		return translate(err, "Ekspektasi")
	}
	for _, e := range s.Ekspektasi {
		if err := c.Exec(`INSERT INTO skp_ekspektasi (skp_id, nilai, ekspektasi) VALUES (?,?,?)`, s.ID, e.Nilai, e.Ekspektasi).Error; err != nil {
			return translate(err, "Ekspektasi")
		}
	}
	return nil
}

// orNone keeps "NOT IN (?)" valid for an empty list.
func orNone(ids []string) []string {
	if len(ids) == 0 {
		return []string{""}
	}
	return ids
}

// ForeignSKPItems reports whether any of the ids are RHK or IKI rows of another SKP, which a client
// may not adopt into this one.
func (db *DB) ForeignSKPItems(ctx context.Context, skpID string, rhkIDs, ikiIDs []string) (bool, error) {
	var n int64
	if len(rhkIDs) > 0 {
		if err := db.conn(ctx).Table("rhk").Where("id IN ? AND skp_id <> ?", rhkIDs, skpID).Count(&n).Error; err != nil {
			return false, fmt.Errorf("foreign rhk: %w", err)
		}
	}
	if n == 0 && len(ikiIDs) > 0 {
		if err := db.conn(ctx).Table("iki").Joins("JOIN rhk ON rhk.id = iki.rhk_id").
			Where("iki.id IN ? AND rhk.skp_id <> ?", ikiIDs, skpID).Count(&n).Error; err != nil {
			return false, fmt.Errorf("foreign iki: %w", err)
		}
	}
	return n > 0, nil
}

// DeleteSKP removes an SKP with its content.
func (db *DB) DeleteSKP(ctx context.Context, instansiID, id string) error {
	res := db.conn(ctx).Exec(`DELETE FROM skp WHERE instansi_id = ? AND id = ?`, instansiID, id)
	if res.Error != nil {
		return translate(res.Error, "SKP")
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("SKP")
	}
	return nil
}

// RHKOfPegawaiYear returns the RHK of a pegawai's SKP of a year, for checking the
// cascade link of a subordinate's RHK.
func (db *DB) RHKOfPegawaiYear(ctx context.Context, instansiID, pegawaiID string, tahun int) (map[string]bool, error) {
	var ids []string
	err := db.conn(ctx).Raw(`SELECT r.id FROM rhk r JOIN skp s ON s.id = r.skp_id
		WHERE s.instansi_id = ? AND s.pegawai_id = ? AND s.tahun = ?`, instansiID, pegawaiID, tahun).Scan(&ids).Error
	if err != nil {
		return nil, fmt.Errorf("rhk of pegawai: %w", err)
	}
	out := make(map[string]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

// SaveSKPRevisi stores an approved revision as approved.
func (db *DB) SaveSKPRevisi(ctx context.Context, s domain.SKP, by domain.Pejabat) error {
	isi, err := json.Marshal(revisiIsi{Pendekatan: s.Pendekatan, RHK: s.RHK, Ekspektasi: s.Ekspektasi})
	if err != nil {
		return fmt.Errorf("skp revisi: %w", err)
	}
	err = db.conn(ctx).Exec(`INSERT INTO skp_revisi (skp_id, revisi, isi, disetujui_at, disetujui_nip, disetujui_nama)
		VALUES (?,?,?,?,?,?)`, s.ID, s.Revisi, string(isi), s.DisetujuiAt.UTC(), by.NIP, by.Nama).Error
	return translate(err, "Revisi SKP")
}

type revisiIsi struct {
	Pendekatan string
	RHK        []domain.RHK
	Ekspektasi []domain.Ekspektasi
}

// ListSKPRevisi returns the approved revisions of an SKP, oldest first.
func (db *DB) ListSKPRevisi(ctx context.Context, skpID string) ([]domain.RevisiSKP, error) {
	var rows []struct {
		Revisi        int
		Isi           string
		DisetujuiAt   time.Time
		DisetujuiNIP  string `gorm:"column:disetujui_nip"`
		DisetujuiNama string
	}
	if err := db.conn(ctx).Raw(`SELECT revisi, isi, disetujui_at, disetujui_nip, disetujui_nama FROM skp_revisi
		WHERE skp_id = ? ORDER BY revisi`, skpID).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list skp revisi: %w", err)
	}
	out := make([]domain.RevisiSKP, len(rows))
	for i, r := range rows {
		var isi revisiIsi
		if err := json.Unmarshal([]byte(r.Isi), &isi); err != nil {
			return nil, fmt.Errorf("skp revisi %d: %w", r.Revisi, err)
		}
		out[i] = domain.RevisiSKP{Revisi: r.Revisi, DisetujuiAt: utc(r.DisetujuiAt),
			DisetujuiOleh: domain.Pejabat{NIP: r.DisetujuiNIP, Nama: r.DisetujuiNama},
			Pendekatan:    isi.Pendekatan, RHK: isi.RHK, Ekspektasi: isi.Ekspektasi}
	}
	return out, nil
}

// RHKTurunan returns the RHK that intervene any of the given RHK, with their owners.
func (db *DB) RHKTurunan(ctx context.Context, instansiID string, rhkIDs []string) ([]domain.KaskadeRHK, error) {
	if len(rhkIDs) == 0 {
		return nil, nil
	}
	var rows []struct {
		ID, Jenis, Uraian, Nama, GelarDepan, GelarBelakang, JabatanNama string
		SKPID                                                           string `gorm:"column:skp_id"`
		RHKAtasanID                                                     string `gorm:"column:rhk_atasan_id"`
		NIP                                                             string `gorm:"column:nip"`
	}
	err := db.conn(ctx).Raw(`SELECT r.id, r.jenis, r.uraian, r.skp_id AS skp_id, r.rhk_atasan_id AS rhk_atasan_id, p.nip AS nip,
		p.nama, p.gelar_depan, p.gelar_belakang, j.nama AS jabatan_nama
		FROM rhk r JOIN skp s ON s.id = r.skp_id JOIN pegawai p ON p.id = s.pegawai_id JOIN jabatan j ON j.id = s.jabatan_id
		WHERE r.instansi_id = ? AND r.rhk_atasan_id IN ? ORDER BY p.nip, r.urutan`, instansiID, rhkIDs).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("rhk turunan: %w", err)
	}
	out := make([]domain.KaskadeRHK, len(rows))
	for i, r := range rows {
		p := domain.Pegawai{Nama: r.Nama, GelarDepan: r.GelarDepan, GelarBelakang: r.GelarBelakang}
		out[i] = domain.KaskadeRHK{RHKID: r.ID, Jenis: r.Jenis, Uraian: r.Uraian, SKPID: r.SKPID, RHKAtasanID: r.RHKAtasanID,
			NIP: r.NIP, Nama: p.NamaLengkap(), JabatanNama: r.JabatanNama}
	}
	return out, nil
}
