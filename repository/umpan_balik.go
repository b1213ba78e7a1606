package repository

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type umpanBalikRow struct {
	ID          string
	InstansiID  string
	PegawaiID   string
	Tahun       int
	Periode     *int
	BatasWaktu  sqlDate
	Pesan       *string
	DimintaOleh string
	CreatedAt   time.Time
	// joined: the pegawai rated and their unit on the as-of date
	NIP           string  `gorm:"->;column:nip"`
	Nama          string  `gorm:"->;column:nama"`
	GelarDepan    string  `gorm:"->;column:gelar_depan"`
	GelarBelakang string  `gorm:"->;column:gelar_belakang"`
	UnitPath      *string `gorm:"->;column:unit_path"`
}

func (umpanBalikRow) TableName() string { return "umpan_balik" }

func toDomainUmpanBalik(r umpanBalikRow) domain.UmpanBalik {
	p := domain.Pegawai{Nama: r.Nama, GelarDepan: r.GelarDepan, GelarBelakang: r.GelarBelakang}
	u := domain.UmpanBalik{ID: r.ID, InstansiID: r.InstansiID, PegawaiID: r.PegawaiID, NIP: r.NIP, Nama: p.NamaLengkap(),
		UnitPath: deref(r.UnitPath), Tahun: r.Tahun, BatasWaktu: r.BatasWaktu.Time, Pesan: deref(r.Pesan),
		DimintaOleh: r.DimintaOleh, Responden: []domain.Responden{}, Jawaban: []domain.JawabanNilai{}, CreatedAt: utc(r.CreatedAt)}
	if r.Periode != nil {
		u.Periode = *r.Periode
	}
	return u
}

// umpanBalikQuery reads requests with the pegawai rated and the path of their unit on
// asOf (empty when they hold no position then).
func (db *DB) umpanBalikQuery(ctx context.Context, asOf time.Time) *gormDB {
	return db.conn(ctx).Table("umpan_balik").
		Select(`umpan_balik.*, p.nip AS nip, p.nama AS nama, p.gelar_depan AS gelar_depan,
			p.gelar_belakang AS gelar_belakang, u.path AS unit_path`).
		Joins("JOIN pegawai p ON p.id = umpan_balik.pegawai_id").
		Joins(`LEFT JOIN riwayat_pegawai r ON r.pegawai_id = p.id AND r.berlaku_mulai = (SELECT max(r2.berlaku_mulai)
			FROM riwayat_pegawai r2 WHERE r2.pegawai_id = p.id AND r2.berlaku_mulai <= ?)`, newDate(asOf)).
		Joins("LEFT JOIN unit_kerja u ON u.id = r.unit_kerja_id")
}

// CreateUmpanBalik inserts a request with its respondents, none of whom has answered.
func (db *DB) CreateUmpanBalik(ctx context.Context, u domain.UmpanBalik) error {
	var periode any
	if u.Periode != 0 {
		periode = u.Periode
	}
	err := db.conn(ctx).Exec(`INSERT INTO umpan_balik (id, instansi_id, pegawai_id, tahun, periode, batas_waktu, pesan,
		diminta_oleh, created_at) VALUES (?,?,?,?,?,?,?,?,?)`, u.ID, u.InstansiID, u.PegawaiID, u.Tahun, periode,
		newDate(u.BatasWaktu), nullString(u.Pesan), u.DimintaOleh, u.CreatedAt.UTC()).Error
	if err != nil {
		return translate(err, "Umpan balik")
	}
	for _, r := range u.Responden {
		if err := db.conn(ctx).Exec(`INSERT INTO umpan_balik_responden (umpan_balik_id, pegawai_id, dijawab) VALUES (?,?,?)`,
			u.ID, r.PegawaiID, false).Error; err != nil {
			return translate(err, "Responden")
		}
	}
	return nil
}

// GetUmpanBalik reads a request of an instansi with its respondents and answers; the
// unit of the pegawai rated is the one on asOf.
func (db *DB) GetUmpanBalik(ctx context.Context, instansiID, id string, asOf time.Time) (domain.UmpanBalik, error) {
	var row umpanBalikRow
	if err := db.umpanBalikQuery(ctx, asOf).Where("umpan_balik.instansi_id = ? AND umpan_balik.id = ?", instansiID, id).
		Take(&row).Error; err != nil {
		return domain.UmpanBalik{}, translate(err, "Umpan balik")
	}
	out := []domain.UmpanBalik{toDomainUmpanBalik(row)}
	if err := db.umpanBalikDetail(ctx, out); err != nil {
		return domain.UmpanBalik{}, err
	}
	return out[0], nil
}

// ListUmpanBalik returns a page of requests, newest first, and the total.
func (db *DB) ListUmpanBalik(ctx context.Context, f domain.UmpanBalikFilter) ([]domain.UmpanBalik, int64, error) {
	q := db.umpanBalikQuery(ctx, f.AsOf).Where("umpan_balik.instansi_id = ?", f.InstansiID)
	if f.Tahun != 0 {
		q = q.Where("umpan_balik.tahun = ?", f.Tahun)
	}
	if f.NIP != "" {
		q = q.Where("p.nip = ?", f.NIP)
	}
	const ditanya = `EXISTS (SELECT 1 FROM umpan_balik_responden x
		WHERE x.umpan_balik_id = umpan_balik.id AND x.pegawai_id = ?)`
	if f.RespondenID != "" {
		q = q.Where(ditanya, f.RespondenID)
	}
	if f.Terbatas {
		var ors []string
		var args []any
		if f.ScopePath != "" {
			ors = append(ors, "u.path LIKE ?")
			args = append(args, f.ScopePath+"%")
		}
		if len(f.PegawaiIDs) > 0 {
			ors = append(ors, "umpan_balik.pegawai_id IN ?")
			args = append(args, f.PegawaiIDs)
		}
		if f.DitanyaID != "" {
			ors = append(ors, ditanya)
			args = append(args, f.DitanyaID)
		}
		if len(ors) == 0 {
			return []domain.UmpanBalik{}, 0, nil
		}
		q = q.Where("("+strings.Join(ors, " OR ")+")", args...)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count umpan balik: %w", err)
	}
	var rows []umpanBalikRow
	if err := q.Order("umpan_balik.created_at DESC, umpan_balik.id DESC").Offset(f.Offset).Limit(f.Limit).
		Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list umpan balik: %w", err)
	}
	out := make([]domain.UmpanBalik, len(rows))
	for i, r := range rows {
		out[i] = toDomainUmpanBalik(r)
	}
	if err := db.umpanBalikDetail(ctx, out); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// umpanBalikDetail loads the respondents and answers of requests, two queries for all.
// Answers are read in the order of their content, never of their insertion, so that
// not even their order hints at who wrote them.
func (db *DB) umpanBalikDetail(ctx context.Context, us []domain.UmpanBalik) error {
	if len(us) == 0 {
		return nil
	}
	ids := make([]string, len(us))
	idx := make(map[string]int, len(us))
	for i, u := range us {
		ids[i], idx[u.ID] = u.ID, i
	}
	var resp []struct {
		UmpanBalikID, PegawaiID         string
		NIP                             string `gorm:"column:nip"`
		Nama, GelarDepan, GelarBelakang string
		Dijawab                         bool
	}
	if err := db.conn(ctx).Raw(`SELECT x.umpan_balik_id, x.pegawai_id, p.nip, p.nama, p.gelar_depan, p.gelar_belakang, x.dijawab
		FROM umpan_balik_responden x JOIN pegawai p ON p.id = x.pegawai_id
		WHERE x.umpan_balik_id IN ? ORDER BY p.nama, p.nip`, ids).Scan(&resp).Error; err != nil {
		return fmt.Errorf("umpan balik responden: %w", err)
	}
	for _, r := range resp {
		p := domain.Pegawai{Nama: r.Nama, GelarDepan: r.GelarDepan, GelarBelakang: r.GelarBelakang}
		u := &us[idx[r.UmpanBalikID]]
		u.Responden = append(u.Responden, domain.Responden{PegawaiID: r.PegawaiID, NIP: r.NIP, Nama: p.NamaLengkap(),
			Dijawab: r.Dijawab})
	}
	var jaw []struct {
		UmpanBalikID, Nilai, Rating string
		Komentar                    *string
	}
	if err := db.conn(ctx).Raw(`SELECT umpan_balik_id, nilai, rating, komentar FROM umpan_balik_jawaban
		WHERE umpan_balik_id IN ? ORDER BY umpan_balik_id, nilai, rating, komentar`, ids).Scan(&jaw).Error; err != nil {
		return fmt.Errorf("umpan balik jawaban: %w", err)
	}
	for _, j := range jaw {
		u := &us[idx[j.UmpanBalikID]]
		u.Jawaban = append(u.Jawaban, domain.JawabanNilai{Nilai: j.Nilai, Rating: domain.Rating(j.Rating), Komentar: deref(j.Komentar)})
	}
	return nil
}

// AnswerUmpanBalik marks a respondent as having answered and stores their answers
// without any trace of them: no author, no time, no id. A respondent who has already
// answered (or answers twice at once) gets a conflict. Call it in a transaction.
func (db *DB) AnswerUmpanBalik(ctx context.Context, id, pegawaiID string, js []domain.JawabanNilai) error {
	res := db.conn(ctx).Exec(`UPDATE umpan_balik_responden SET dijawab = ?
		WHERE umpan_balik_id = ? AND pegawai_id = ? AND dijawab = ?`, true, id, pegawaiID, false)
	if res.Error != nil {
		return translate(res.Error, "Responden")
	}
	if res.RowsAffected == 0 {
		return domain.ErrUmpanBalikDijawab
	}
	for _, j := range js {
		if err := db.conn(ctx).Exec(`INSERT INTO umpan_balik_jawaban (umpan_balik_id, nilai, rating, komentar) VALUES (?,?,?,?)`,
			id, j.Nilai, string(j.Rating), nullString(j.Komentar)).Error; err != nil {
			return translate(err, "Jawaban")
		}
	}
	return nil
}
