package repository

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/kinerja-id/kinerja/domain"
)

type perhitunganTPPRow struct {
	ID                 string
	InstansiID         string
	UnitKerjaID        *string
	Cakupan            string
	UnitPath           string
	UnitKerjaNama      string
	Tahun              int
	Bulan              int
	Jenis              string
	AsalID             *string
	Urutan             int
	Status             string
	AturanTPPID        string `gorm:"column:aturan_tpp_id"`
	AturanTPPVersi     int    `gorm:"column:aturan_tpp_versi"`
	Keterangan         string
	JumlahPegawai      int
	Ringkasan          string
	ModePagu           string
	MelebihiPagu       bool
	Sidik              string
	DibuatOleh         string
	DisetujuiOleh      *string
	DisetujuiPada      *time.Time
	CatatanPersetujuan string
	PesanGagal         string
	IdempotencyKey     *string
	Version            int
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

func (perhitunganTPPRow) TableName() string { return "perhitungan_tpp" }

// ringkasanTPP is the run's summary as stored in the ringkasan column.
type ringkasanTPP struct {
	Total        domain.RingkasanTPP        `json:"total"`
	Anomali      map[domain.KodeAnomali]int `json:"anomali"`
	Pagu         []domain.PemakaianPagu     `json:"pagu"`
	DibuatOlehID string                     `json:"dibuat_oleh_id"`
}

func toPerhitunganTPPRow(p domain.PerhitunganTPP) (perhitunganTPPRow, error) {
	r := perhitunganTPPRow{ID: p.ID, InstansiID: p.InstansiID, Cakupan: p.UnitKerjaID, UnitPath: p.UnitPath,
		UnitKerjaNama: p.UnitKerjaNama, Tahun: p.Tahun, Bulan: int(p.Bulan), Jenis: string(p.Jenis), Urutan: p.Urutan,
		Status: string(p.Status), AturanTPPID: p.AturanID, AturanTPPVersi: p.AturanVersi, Keterangan: p.Keterangan,
		JumlahPegawai: p.JumlahPegawai, ModePagu: string(p.ModePagu), MelebihiPagu: p.MelebihiPagu, Sidik: p.Sidik,
		DibuatOleh: p.DibuatOleh, DisetujuiPada: p.DisetujuiPada, CatatanPersetujuan: p.CatatanPersetujuan,
		PesanGagal: p.PesanGagal, Version: p.Version, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
	if p.UnitKerjaID != "" {
		r.UnitKerjaID = &p.UnitKerjaID
	}
	if p.AsalID != "" {
		r.AsalID = &p.AsalID
	}
	if p.DisetujuiOleh != "" {
		r.DisetujuiOleh = &p.DisetujuiOleh
	}
	if r.ModePagu == "" {
		r.ModePagu = string(domain.PaguPeringatan)
	}
	b, err := json.Marshal(ringkasanTPP{Total: p.Total, Anomali: p.Anomali, Pagu: p.Pagu, DibuatOlehID: p.DibuatOlehID})
	if err != nil {
		return r, fmt.Errorf("run summary: %w", err)
	}
	r.Ringkasan = string(b)
	return r, nil
}

func toDomainPerhitunganTPP(r perhitunganTPPRow) (domain.PerhitunganTPP, error) {
	p := domain.PerhitunganTPP{ID: r.ID, InstansiID: r.InstansiID, UnitKerjaID: r.Cakupan, UnitKerjaNama: r.UnitKerjaNama,
		UnitPath: r.UnitPath, Tahun: r.Tahun, Bulan: time.Month(r.Bulan), Jenis: domain.JenisPerhitungan(r.Jenis),
		Urutan: r.Urutan, Status: domain.StatusPerhitungan(r.Status), AturanID: r.AturanTPPID, AturanVersi: r.AturanTPPVersi,
		Keterangan: r.Keterangan, JumlahPegawai: r.JumlahPegawai, ModePagu: domain.ModePagu(r.ModePagu),
		MelebihiPagu: r.MelebihiPagu, Sidik: r.Sidik, DibuatOleh: r.DibuatOleh, DisetujuiPada: r.DisetujuiPada,
		CatatanPersetujuan: r.CatatanPersetujuan, PesanGagal: r.PesanGagal, Version: r.Version,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	if r.AsalID != nil {
		p.AsalID = *r.AsalID
	}
	if r.DisetujuiOleh != nil {
		p.DisetujuiOleh = *r.DisetujuiOleh
	}
	if p.DisetujuiPada != nil {
		t := p.DisetujuiPada.UTC()
		p.DisetujuiPada = &t
	}
	var s ringkasanTPP
	if err := json.Unmarshal([]byte(r.Ringkasan), &s); err != nil {
		return p, fmt.Errorf("run summary of %s: %w", r.ID, err)
	}
	p.Total, p.Anomali, p.Pagu, p.DibuatOlehID = s.Total, s.Anomali, s.Pagu, s.DibuatOlehID
	return p, nil
}

// CreatePerhitunganTPP stores a new run.
func (db *DB) CreatePerhitunganTPP(ctx context.Context, p domain.PerhitunganTPP, idempotencyKey string) error {
	r, err := toPerhitunganTPPRow(p)
	if err != nil {
		return err
	}
	if idempotencyKey != "" {
		r.IdempotencyKey = &idempotencyKey
	}
	return translate(db.conn(ctx).Create(&r).Error, "Perhitungan TPP")
}

// GetPerhitunganTPP reads one run.
func (db *DB) GetPerhitunganTPP(ctx context.Context, instansiID, id string) (domain.PerhitunganTPP, error) {
	var r perhitunganTPPRow
	if err := db.conn(ctx).Where("instansi_id = ? AND id = ?", instansiID, id).Take(&r).Error; err != nil {
		return domain.PerhitunganTPP{}, translate(err, "Perhitungan TPP")
	}
	return toDomainPerhitunganTPP(r)
}

// PerhitunganTPPIdempotensi finds the run created with an Idempotency-Key.
func (db *DB) PerhitunganTPPIdempotensi(ctx context.Context, instansiID, key string) (domain.PerhitunganTPP, error) {
	var r perhitunganTPPRow
	if err := db.conn(ctx).Where("instansi_id = ? AND idempotency_key = ?", instansiID, key).Take(&r).Error; err != nil {
		return domain.PerhitunganTPP{}, translate(err, "Perhitungan TPP")
	}
	return toDomainPerhitunganTPP(r)
}

// ListPerhitunganTPP returns a page of runs, newest first.
func (db *DB) ListPerhitunganTPP(ctx context.Context, f domain.PerhitunganTPPFilter) ([]domain.PerhitunganTPP, int64, error) {
	q := db.conn(ctx).Model(&perhitunganTPPRow{}).Where("instansi_id = ?", f.InstansiID)
	if f.Tahun != 0 {
		q = q.Where("tahun = ?", f.Tahun)
	}
	if f.Bulan != 0 {
		q = q.Where("bulan = ?", int(f.Bulan))
	}
	if f.Status != "" {
		q = q.Where("status = ?", string(f.Status))
	}
	if f.Jenis != "" {
		q = q.Where("jenis = ?", string(f.Jenis))
	}
	if f.ScopePath != "" {
		q = q.Where("unit_path LIKE ?"+likeEscape, pegawaiPathPrefix(f.ScopePath))
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count runs: %w", err)
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit).Offset(f.Offset)
	}
	var rows []perhitunganTPPRow
	if err := q.Order("tahun DESC, bulan DESC, created_at DESC, id").Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list runs: %w", err)
	}
	out := make([]domain.PerhitunganTPP, len(rows))
	for i, r := range rows {
		var err error
		if out[i], err = toDomainPerhitunganTPP(r); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// UpdatePerhitunganTPP writes a run's state if it is still at version expected; the
// stored version becomes p.Version. A stale version is domain.Stale.
func (db *DB) UpdatePerhitunganTPP(ctx context.Context, p domain.PerhitunganTPP, expected int) error {
	r, err := toPerhitunganTPPRow(p)
	if err != nil {
		return err
	}
	res := db.conn(ctx).Model(&perhitunganTPPRow{}).Where("instansi_id = ? AND id = ? AND version = ?", p.InstansiID, p.ID, expected).
		Updates(map[string]any{"status": r.Status, "aturan_tpp_id": r.AturanTPPID, "aturan_tpp_versi": r.AturanTPPVersi,
			"jumlah_pegawai": r.JumlahPegawai, "ringkasan": r.Ringkasan, "mode_pagu": r.ModePagu,
			"melebihi_pagu": r.MelebihiPagu, "sidik": r.Sidik, "disetujui_oleh": r.DisetujuiOleh,
			"disetujui_pada": r.DisetujuiPada, "catatan_persetujuan": r.CatatanPersetujuan, "pesan_gagal": r.PesanGagal,
			"version": r.Version, "updated_at": r.UpdatedAt})
	if res.Error != nil {
		return translate(res.Error, "Perhitungan TPP")
	}
	if res.RowsAffected == 0 {
		return domain.Stale()
	}
	return nil
}

// DeletePerhitunganTPP removes a run with its lines.
func (db *DB) DeletePerhitunganTPP(ctx context.Context, instansiID, id string) error {
	c := db.conn(ctx)
	for _, t := range []string{"perhitungan_tpp_baris", "perhitungan_tpp_pagu"} {
		if err := c.Exec("DELETE FROM "+t+" WHERE perhitungan_tpp_id = ? AND instansi_id = ?", id, instansiID).Error; err != nil {
			return translate(err, "Perhitungan TPP")
		}
	}
	res := c.Exec("DELETE FROM perhitungan_tpp WHERE id = ? AND instansi_id = ?", id, instansiID)
	if res.Error != nil {
		return translate(res.Error, "Perhitungan TPP")
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Perhitungan TPP")
	}
	return nil
}

// PerhitunganTPPBerjalan lists the runs of every instansi left computing (PROSES),
// e.g. by a process that stopped: they are computed again at start.
func (db *DB) PerhitunganTPPBerjalan(ctx context.Context) ([]domain.PerhitunganTPP, error) {
	var rows []perhitunganTPPRow
	if err := db.conn(ctx).Where("status = ?", string(domain.PerhitunganProses)).Order("created_at").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("runs in progress: %w", err)
	}
	out := make([]domain.PerhitunganTPP, len(rows))
	for i, r := range rows {
		var err error
		if out[i], err = toDomainPerhitunganTPP(r); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// PerhitunganTPPBulan lists every run of an instansi's month, oldest first.
func (db *DB) PerhitunganTPPBulan(ctx context.Context, instansiID string, tahun int, bulan time.Month) ([]domain.PerhitunganTPP, error) {
	var rows []perhitunganTPPRow
	if err := db.conn(ctx).Where("instansi_id = ? AND tahun = ? AND bulan = ?", instansiID, tahun, int(bulan)).
		Order("created_at, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("runs of month: %w", err)
	}
	out := make([]domain.PerhitunganTPP, len(rows))
	for i, r := range rows {
		var err error
		if out[i], err = toDomainPerhitunganTPP(r); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// LockPaguTPPTahun serialises approvals against one year's budget (PostgreSQL; SQLite
// has one writer anyway).
func (db *DB) LockPaguTPPTahun(ctx context.Context, instansiID string, tahun int) error {
	if db.dialect != Postgres {
		return nil
	}
	err := db.conn(ctx).Exec("SELECT pg_advisory_xact_lock(hashtext(?), ?)", "pagu_tpp:"+instansiID, tahun).Error
	return translate(err, "Pagu TPP")
}

// barisTPPCols are the stored columns of a line, in COPY order.
var barisTPPCols = []string{"perhitungan_tpp_id", "instansi_id", "pegawai_id", "nip", "nama", "unit_kerja_id",
	"unit_kerja_nama", "unit_path", "pagu_unit_id", "jabatan_nama", "kelas_jabatan", "golongan", "jenis_asn",
	"status_kepegawaian", "predikat", "jhk", "besaran", "pagu", "persen_kinerja", "produktivitas", "disiplin", "tambahan",
	"persen_potongan_disiplin", "potongan", "bruto", "bpjs_pegawai", "bpjs_pemda", "pph", "pph_ditanggung",
	"potongan_lain", "neto", "sudah_dibayar", "dibayar", "biaya", "rekening_bank", "rekening_nomor", "rekening_nama",
	"anomali", "hasil"}

func barisValues(b *domain.BarisTPP, vals []any) {
	var bank, nomor, atas string
	if b.Rekening != nil {
		bank, nomor, atas = b.Rekening.NamaBank, b.Rekening.Nomor, b.Rekening.AtasNama
	}
	var pagu any
	if b.PaguUnitID != "" {
		pagu = b.PaguUnitID
	}
	copy(vals, []any{b.PerhitunganID, b.InstansiID, b.PegawaiID, b.NIP, b.Nama, b.UnitKerjaID, b.UnitKerjaNama,
		b.UnitPath, pagu, b.JabatanNama, b.KelasJabatan, b.Golongan, string(b.JenisASN), string(b.StatusKepegawaian),
		string(b.Predikat), b.JHK, b.Besaran, b.Pagu, b.PersenKinerja, b.Produktivitas, b.Disiplin, b.Tambahan,
		b.PersenPotonganDisiplin, b.Potongan, b.Bruto, b.BPJSPegawai, b.BPJSPemda, b.PPh, b.PPhDitanggung,
		b.PotonganLain, b.Neto, b.SudahDibayar, b.Dibayar, b.Biaya, bank, nomor, atas, domain.AnomaliString(b.Anomali),
		b.Hasil})
}

// barisUUID are the positions of the uuid columns among barisTPPCols.
var barisUUID = func() []int {
	var out []int
	for i, c := range barisTPPCols {
		switch c {
		case "perhitungan_tpp_id", "instansi_id", "pegawai_id", "unit_kerja_id", "pagu_unit_id":
			out = append(out, i)
		}
	}
	return out
}()

// uuidCopy is a uuid column's value for COPY, which sends binary values: a string
// in canonical form is parsed here, where pgx would fail to encode it and read it
// back as text, for every row; anything else is left for the database to judge.
func uuidCopy(s string) any {
	if len(s) != 36 {
		return s
	}
	u, err := uuid.Parse(s)
	if err != nil {
		return s
	}
	return pgtype.UUID{Bytes: u, Valid: true}
}

// HapusBarisTPP removes a run's lines and its cost per budget unit (before it is
// computed again), in the transaction of ctx.
func (db *DB) HapusBarisTPP(ctx context.Context, instansiID, runID string) error {
	c := db.conn(ctx)
	for _, t := range []string{"perhitungan_tpp_baris", "perhitungan_tpp_pagu"} {
		if err := c.Exec("DELETE FROM "+t+" WHERE perhitungan_tpp_id = ? AND instansi_id = ?", runID, instansiID).Error; err != nil {
			return translate(err, "Perhitungan TPP")
		}
	}
	return nil
}

// SimpanPaguPerhitunganTPP stores a run's cost per budget unit.
func (db *DB) SimpanPaguPerhitunganTPP(ctx context.Context, instansiID, runID string, pagu []domain.PemakaianPagu) error {
	for _, p := range pagu {
		if err := db.conn(ctx).Exec("INSERT INTO perhitungan_tpp_pagu (perhitungan_tpp_id, instansi_id, unit_kerja_id, biaya) VALUES (?, ?, ?, ?)",
			runID, instansiID, p.UnitKerjaID, p.Biaya).Error; err != nil {
			return translate(err, "Perhitungan TPP")
		}
	}
	return nil
}

// TambahBarisTPP appends lines to a run in the transaction of ctx: COPY inside
// InBulkTx on PostgreSQL, multi-row INSERTs otherwise.
func (db *DB) TambahBarisTPP(ctx context.Context, lines []domain.BarisTPP) error {
	if len(lines) == 0 {
		return nil
	}
	if conn, ok := ctx.Value(bulkConnKey{}).(*sql.Conn); ok && db.dialect == Postgres {
		return withPgx(conn, func(pc *pgx.Conn) error {
			vals := make([]any, len(barisTPPCols))
			_, err := pc.CopyFrom(ctx, pgx.Identifier{"perhitungan_tpp_baris"}, barisTPPCols,
				pgx.CopyFromSlice(len(lines), func(i int) ([]any, error) {
					barisValues(&lines[i], vals)
					for _, k := range barisUUID {
						if s, ok := vals[k].(string); ok {
							vals[k] = uuidCopy(s)
						}
					}
					return vals, nil
				}))
			return translate(err, "Perhitungan TPP")
		})
	}
	c := db.conn(ctx)
	// multi-row INSERTs within the engine's parameter limit
	per := 900 / len(barisTPPCols)
	insert := "INSERT INTO perhitungan_tpp_baris (" + strings.Join(barisTPPCols, ", ") + ") VALUES "
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(barisTPPCols)), ", ") + ")"
	for lo := 0; lo < len(lines); lo += per {
		hi := min(lo+per, len(lines))
		args := make([]any, 0, (hi-lo)*len(barisTPPCols))
		rows := make([]string, 0, hi-lo)
		vals := make([]any, len(barisTPPCols))
		for i := lo; i < hi; i++ {
			barisValues(&lines[i], vals)
			args = append(args, vals...)
			rows = append(rows, row)
		}
		if err := c.Exec(insert+strings.Join(rows, ", "), args...).Error; err != nil {
			return translate(err, "Perhitungan TPP")
		}
	}
	return nil
}

type barisTPPRow struct {
	PerhitunganTPPID       string `gorm:"column:perhitungan_tpp_id"`
	InstansiID             string
	PegawaiID              string
	NIP                    string `gorm:"column:nip"`
	Nama                   string
	UnitKerjaID            string
	UnitKerjaNama          string
	UnitPath               string
	PaguUnitID             *string
	JabatanNama            string
	KelasJabatan           int
	Golongan               string
	JenisASN               string `gorm:"column:jenis_asn"`
	StatusKepegawaian      string
	Predikat               string
	JHK                    int `gorm:"column:jhk"`
	Besaran                int64
	Pagu                   int64
	PersenKinerja          string
	Produktivitas          int64
	Disiplin               int64
	Tambahan               int64
	PersenPotonganDisiplin string
	Potongan               int64
	Bruto                  int64
	BPJSPegawai            int64 `gorm:"column:bpjs_pegawai"`
	BPJSPemda              int64 `gorm:"column:bpjs_pemda"`
	PPh                    int64 `gorm:"column:pph"`
	PPhDitanggung          bool  `gorm:"column:pph_ditanggung"`
	PotonganLain           int64
	Neto                   int64
	SudahDibayar           int64
	Dibayar                int64
	Biaya                  int64
	RekeningBank           string
	RekeningNomor          string
	RekeningNama           string
	Anomali                string
	Hasil                  []byte
}

func (barisTPPRow) TableName() string { return "perhitungan_tpp_baris" }

// dest are the scan destinations of barisTPPCols, in their order
// (TestBarisTPPDest).
func (r *barisTPPRow) dest() []any {
	return []any{&r.PerhitunganTPPID, &r.InstansiID, &r.PegawaiID, &r.NIP, &r.Nama, &r.UnitKerjaID,
		&r.UnitKerjaNama, &r.UnitPath, &r.PaguUnitID, &r.JabatanNama, &r.KelasJabatan, &r.Golongan, &r.JenisASN,
		&r.StatusKepegawaian, &r.Predikat, &r.JHK, &r.Besaran, &r.Pagu, &r.PersenKinerja, &r.Produktivitas, &r.Disiplin, &r.Tambahan,
		&r.PersenPotonganDisiplin, &r.Potongan, &r.Bruto, &r.BPJSPegawai, &r.BPJSPemda, &r.PPh, &r.PPhDitanggung,
		&r.PotonganLain, &r.Neto, &r.SudahDibayar, &r.Dibayar, &r.Biaya, &r.RekeningBank, &r.RekeningNomor, &r.RekeningNama,
		&r.Anomali, &r.Hasil}
}

func toDomainBarisTPP(r barisTPPRow) domain.BarisTPP {
	b := domain.BarisTPP{PerhitunganID: r.PerhitunganTPPID, InstansiID: r.InstansiID, PegawaiID: r.PegawaiID, NIP: r.NIP,
		Nama: r.Nama, UnitKerjaID: r.UnitKerjaID, UnitKerjaNama: r.UnitKerjaNama, UnitPath: r.UnitPath,
		JabatanNama: r.JabatanNama, KelasJabatan: r.KelasJabatan, Golongan: r.Golongan, JenisASN: domain.JenisASN(r.JenisASN),
		StatusKepegawaian: domain.StatusKepegawaian(r.StatusKepegawaian), Predikat: domain.Predikat(r.Predikat), JHK: r.JHK,
		Besaran: r.Besaran, Pagu: r.Pagu, PersenKinerja: r.PersenKinerja, Produktivitas: r.Produktivitas,
		Disiplin: r.Disiplin, Tambahan: r.Tambahan, PersenPotonganDisiplin: r.PersenPotonganDisiplin, Potongan: r.Potongan,
		Bruto: r.Bruto, BPJSPegawai: r.BPJSPegawai, BPJSPemda: r.BPJSPemda, PPh: r.PPh, PPhDitanggung: r.PPhDitanggung,
		PotonganLain: r.PotonganLain, Neto: r.Neto, SudahDibayar: r.SudahDibayar, Dibayar: r.Dibayar, Biaya: r.Biaya,
		Anomali: domain.ParseAnomali(r.Anomali)}
	if r.PaguUnitID != nil {
		b.PaguUnitID = *r.PaguUnitID
	}
	if r.RekeningNomor != "" || r.RekeningBank != "" {
		b.Rekening = &domain.Rekening{NamaBank: r.RekeningBank, Nomor: r.RekeningNomor, AtasNama: r.RekeningNama}
	}
	b.Hasil = r.Hasil
	return b
}

// barisTanpaHasil selects every column but the trace (the last), for lists.
var barisTanpaHasil = strings.Join(barisTPPCols[:len(barisTPPCols)-1], ", ")

// barisKolom selects every column of lines b, in barisTPPCols order.
var barisKolom = "b." + strings.Join(barisTPPCols, ", b.")

// ListBarisTPP returns a page of a run's lines by unit path and NIP, without traces.
func (db *DB) ListBarisTPP(ctx context.Context, f domain.BarisTPPFilter) ([]domain.BarisTPP, int64, error) {
	q := db.conn(ctx).Model(&barisTPPRow{}).Where("instansi_id = ? AND perhitungan_tpp_id = ?", f.InstansiID, f.PerhitunganID)
	if f.UnitPath != "" {
		q = q.Where("unit_path LIKE ?"+likeEscape, pegawaiPathPrefix(f.UnitPath))
	}
	if f.Anomali != "" {
		q = q.Where("(',' || anomali || ',') LIKE ?", "%,"+string(f.Anomali)+",%")
	}
	if s := strings.TrimSpace(f.Q); s != "" {
		q = q.Where("(lower(nama) LIKE ?"+likeEscape+" OR nip LIKE ?"+likeEscape+")", likePattern(s), likePattern(s))
	}
	if len(f.PegawaiIDs) > 0 {
		q = q.Where("pegawai_id IN ?", f.PegawaiIDs)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count lines: %w", err)
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit).Offset(f.Offset)
	}
	size := total
	if f.Limit > 0 {
		size = min(size, int64(f.Limit))
	}
	out := make([]domain.BarisTPP, 0, size)
	var r barisTPPRow
	dest := r.dest()
	err := scanByPosition(q.Select(barisTanpaHasil).Order("unit_path, nip"), &r, dest[:len(dest)-1], func() error {
		out = append(out, toDomainBarisTPP(r))
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("list lines: %w", err)
	}
	return out, total, nil
}

// GetBarisTPP reads one pegawai's line of a run with its trace.
func (db *DB) GetBarisTPP(ctx context.Context, instansiID, runID, nip string) (domain.BarisTPP, error) {
	var (
		r     barisTPPRow
		found bool
	)
	q := db.conn(ctx).Table("perhitungan_tpp_baris b").Select(barisKolom).
		Where("b.instansi_id = ? AND b.perhitungan_tpp_id = ? AND b.nip = ?", instansiID, runID, nip).Limit(1)
	if err := scanByPosition(q, &r, r.dest(), func() error { found = true; return nil }); err != nil {
		return domain.BarisTPP{}, translate(err, "Baris TPP")
	}
	if !found {
		return domain.BarisTPP{}, domain.NotFound("Baris TPP")
	}
	return toDomainBarisTPP(r), nil
}

// BarisTPPPegawai returns a pegawai's lines of a month's runs with their traces and
// the state of each line's run, oldest run first, in one query.
func (db *DB) BarisTPPPegawai(ctx context.Context, instansiID, pegawaiID string, tahun int, bulan time.Month) ([]domain.BarisPegawaiTPP, error) {
	var (
		r                   barisTPPRow
		runStatus, runJenis string
		disetujuiPada       *time.Time
		out                 = make([]domain.BarisPegawaiTPP, 0, 2) // a month has a run or two
	)
	q := db.conn(ctx).Table("perhitungan_tpp_baris b").
		Select(barisKolom+", p.status, p.jenis, p.disetujui_pada").
		Joins("JOIN perhitungan_tpp p ON p.id = b.perhitungan_tpp_id").
		Where("b.instansi_id = ? AND b.pegawai_id = ? AND p.tahun = ? AND p.bulan = ?", instansiID, pegawaiID, tahun, int(bulan)).
		Order("p.created_at, p.id")
	err := scanByPosition(q, &r, append(r.dest(), &runStatus, &runJenis, &disetujuiPada), func() error {
		b := domain.BarisPegawaiTPP{BarisTPP: toDomainBarisTPP(r), StatusRun: domain.StatusPerhitungan(runStatus),
			JenisRun: domain.JenisPerhitungan(runJenis)}
		if disetujuiPada != nil {
			t := disetujuiPada.UTC()
			b.DisetujuiPada = &t
		}
		out = append(out, b)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("lines of pegawai: %w", err)
	}
	return out, nil
}
