package repository

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

type hukumanDisiplinRow struct {
	ID              string
	InstansiID      string
	PegawaiID       string
	Jenis           string
	NomorSK         string  `gorm:"column:nomor_sk"`
	TanggalSK       sqlDate `gorm:"column:tanggal_sk"`
	TanggalBerlaku  sqlDate
	DurasiBulan     int
	Keterangan      *string
	DariUsulanTahun *int
	CreatedAt       time.Time
	// read through the joins with pegawai and the unit in force
	NIP           string `gorm:"->;column:nip"`
	Nama          string `gorm:"->;column:nama"`
	GelarDepan    string `gorm:"->;column:gelar_depan"`
	GelarBelakang string `gorm:"->;column:gelar_belakang"`
	UnitPath      string `gorm:"->;column:unit_path"`
}

func (hukumanDisiplinRow) TableName() string { return "hukuman_disiplin" }

func toDomainHukumanDisiplin(r hukumanDisiplinRow) domain.HukumanDisiplin {
	p := domain.Pegawai{Nama: r.Nama, GelarDepan: r.GelarDepan, GelarBelakang: r.GelarBelakang}
	h := domain.HukumanDisiplin{ID: r.ID, InstansiID: r.InstansiID, PegawaiID: r.PegawaiID, NIP: r.NIP, Nama: p.NamaLengkap(),
		UnitPath: r.UnitPath, Jenis: domain.JenisHukuman(r.Jenis), NomorSK: r.NomorSK, TanggalSK: r.TanggalSK.Time,
		TanggalBerlaku: r.TanggalBerlaku.Time, DurasiBulan: r.DurasiBulan, Keterangan: deref(r.Keterangan),
		CreatedAt: utc(r.CreatedAt)}
	if r.DariUsulanTahun != nil {
		h.DariUsulanTahun = *r.DariUsulanTahun
	}
	return h
}

func (db *DB) hukumanQuery(ctx context.Context, asOf time.Time) *gormDB {
	return db.conn(ctx).Table("hukuman_disiplin").Select("hukuman_disiplin.*, "+izinPegawaiColumns).
		Joins("JOIN pegawai p ON p.id = hukuman_disiplin.pegawai_id").
		Joins(izinUnitJoin, newDate(asOf))
}

// HukumanNomorSKAda reports whether the employee already has a sanction recorded under
// the decision number (compared without regard to case).
func (db *DB) HukumanNomorSKAda(ctx context.Context, instansiID, pegawaiID, nomorSK string) (bool, error) {
	var n int64
	err := db.conn(ctx).Table("hukuman_disiplin").
		Where("instansi_id = ? AND pegawai_id = ? AND lower(nomor_sk) = lower(?)", instansiID, pegawaiID, nomorSK).
		Count(&n).Error
	if err != nil {
		return false, fmt.Errorf("sanction sk number: %w", err)
	}
	return n > 0, nil
}

// CreateHukumanDisiplin inserts a sanction record.
func (db *DB) CreateHukumanDisiplin(ctx context.Context, h domain.HukumanDisiplin) error {
	var tahun any
	if h.DariUsulanTahun != 0 {
		tahun = h.DariUsulanTahun
	}
	err := db.conn(ctx).Exec(`INSERT INTO hukuman_disiplin (id, instansi_id, pegawai_id, jenis, nomor_sk, tanggal_sk, tanggal_berlaku,
		durasi_bulan, keterangan, dari_usulan_tahun, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`, h.ID, h.InstansiID, h.PegawaiID,
		string(h.Jenis), h.NomorSK, newDate(h.TanggalSK), newDate(h.TanggalBerlaku), h.DurasiBulan, nullString(h.Keterangan),
		tahun, h.CreatedAt.UTC()).Error
	if err != nil {
		return translate(err, "Hukuman disiplin")
	}
	return nil
}

// GetHukumanDisiplin reads one sanction record, with the employee's unit on asOf.
func (db *DB) GetHukumanDisiplin(ctx context.Context, instansiID, id string, asOf time.Time) (domain.HukumanDisiplin, error) {
	var row hukumanDisiplinRow
	err := db.hukumanQuery(ctx, asOf).Where("hukuman_disiplin.instansi_id = ? AND hukuman_disiplin.id = ?", instansiID, id).Take(&row).Error
	if err != nil {
		return domain.HukumanDisiplin{}, translate(err, "Hukuman disiplin")
	}
	return toDomainHukumanDisiplin(row), nil
}

// hukumanKunci is domain.KunciBulanHari of the tanggal_berlaku column.
func (db *DB) hukumanKunci() string {
	if db.dialect == Postgres {
		return `((CAST(EXTRACT(YEAR FROM hukuman_disiplin.tanggal_berlaku) AS integer) * 12
			+ CAST(EXTRACT(MONTH FROM hukuman_disiplin.tanggal_berlaku) AS integer)) * 100
			+ CAST(EXTRACT(DAY FROM hukuman_disiplin.tanggal_berlaku) AS integer))`
	}
	// SQLite keeps dates as 'YYYY-MM-DD' text
	return `((CAST(substr(hukuman_disiplin.tanggal_berlaku, 1, 4) AS integer) * 12
		+ CAST(substr(hukuman_disiplin.tanggal_berlaku, 6, 2) AS integer)) * 100
		+ CAST(substr(hukuman_disiplin.tanggal_berlaku, 9, 2) AS integer))`
}

// ListHukumanDisiplin returns a page of sanction records, latest in force first, and
// the total. BerlakuPada keeps those domain.HukumanDisiplin.BerlakuPada accepts.
func (db *DB) ListHukumanDisiplin(ctx context.Context, f domain.HukumanDisiplinFilter) ([]domain.HukumanDisiplin, int64, error) {
	q := db.hukumanQuery(ctx, f.AsOf).Where("hukuman_disiplin.instansi_id = ?", f.InstansiID)
	q = izinJangkauan(q, f.Jangkauan, "hukuman_disiplin.pegawai_id")
	if f.NIP != "" {
		q = q.Where("p.nip = ?", f.NIP)
	}
	if f.BerlakuPada != nil {
		var ringan []string
		for _, j := range domain.AllJenisHukuman {
			if j.Tingkat() == domain.TingkatRingan {
				ringan = append(ringan, string(j))
			}
		}
		d := *f.BerlakuPada
		q = q.Where(`hukuman_disiplin.tanggal_berlaku <= ? AND (hukuman_disiplin.jenis = ? OR
			(hukuman_disiplin.jenis NOT IN ? AND hukuman_disiplin.durasi_bulan > 0 AND `+db.hukumanKunci()+` + 100 * hukuman_disiplin.durasi_bulan > ?))`,
			newDate(d), string(domain.Pemberhentian), ringan, domain.KunciBulanHari(d))
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count hukuman disiplin: %w", err)
	}
	var rows []hukumanDisiplinRow
	if err := q.Order("hukuman_disiplin.tanggal_berlaku DESC, hukuman_disiplin.id DESC").Offset(f.Offset).Limit(f.Limit).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list hukuman disiplin: %w", err)
	}
	out := make([]domain.HukumanDisiplin, len(rows))
	for i, r := range rows {
		out[i] = toDomainHukumanDisiplin(r)
	}
	return out, total, nil
}

// HukumanTahun returns the sanctions recorded as confirming the absence-based
// proposals of year tahun (dari_usulan_tahun), oldest first, with each employee's
// unit at the end of that year.
func (db *DB) HukumanTahun(ctx context.Context, instansiID string, tahun int) ([]domain.HukumanDisiplin, error) {
	var rows []hukumanDisiplinRow
	err := db.hukumanQuery(ctx, time.Date(tahun, 12, 31, 0, 0, 0, 0, time.UTC)).
		Where("hukuman_disiplin.instansi_id = ? AND hukuman_disiplin.dari_usulan_tahun = ?", instansiID, tahun).
		Order("hukuman_disiplin.tanggal_berlaku, hukuman_disiplin.id").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("hukuman of year %d: %w", tahun, err)
	}
	out := make([]domain.HukumanDisiplin, len(rows))
	for i, r := range rows {
		out[i] = toDomainHukumanDisiplin(r)
	}
	return out, nil
}
