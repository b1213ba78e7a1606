package repository

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"

	"github.com/kinerja-id/kinerja/domain"
)

// kehadiranRow is a clock record joined with its pegawai and the zone of the unit
// the pegawai is placed in on the filter's date.
type kehadiranRow struct {
	ID               string     `gorm:"column:id"`
	InstansiID       string     `gorm:"column:instansi_id"`
	PegawaiID        string     `gorm:"column:pegawai_id"`
	Waktu            time.Time  `gorm:"column:waktu"`
	Jenis            *string    `gorm:"column:jenis"`
	Sumber           string     `gorm:"column:sumber"`
	WaktuKlien       *time.Time `gorm:"column:waktu_klien"`
	Lintang          *float64   `gorm:"column:lintang"`
	Bujur            *float64   `gorm:"column:bujur"`
	PerangkatID      *string    `gorm:"column:perangkat_id"`
	KunciIdempotensi *string    `gorm:"column:kunci_idempotensi"`
	MenggantikanID   *string    `gorm:"column:menggantikan_id"`
	Alasan           *string    `gorm:"column:alasan"`
	Dikoreksi        bool       `gorm:"column:dikoreksi"`
	DicatatOleh      *string    `gorm:"column:dicatat_oleh"`
	CreatedAt        time.Time  `gorm:"column:created_at"`
	NIP              string     `gorm:"column:nip"`
	Nama             string     `gorm:"column:nama"`
	GelarDepan       string     `gorm:"column:gelar_depan"`
	GelarBelakang    string     `gorm:"column:gelar_belakang"`
	ZonaWaktu        string     `gorm:"column:zona_waktu"`
}

func toDomainKehadiran(r kehadiranRow) domain.Kehadiran {
	p := domain.Pegawai{Nama: r.Nama, GelarDepan: r.GelarDepan, GelarBelakang: r.GelarBelakang}
	k := domain.Kehadiran{ID: r.ID, InstansiID: r.InstansiID, PegawaiID: r.PegawaiID, NIP: r.NIP, Nama: p.NamaLengkap(),
		Waktu: utc(r.Waktu), ZonaWaktu: r.ZonaWaktu, Jenis: domain.JenisRekaman(deref(r.Jenis)),
		Sumber: domain.SumberKehadiran(r.Sumber), Lintang: r.Lintang, Bujur: r.Bujur, PerangkatID: deref(r.PerangkatID),
		KunciIdempotensi: deref(r.KunciIdempotensi), MenggantikanID: deref(r.MenggantikanID), Alasan: deref(r.Alasan),
		Dikoreksi: r.Dikoreksi, DicatatOleh: deref(r.DicatatOleh), CreatedAt: utc(r.CreatedAt)}
	if r.WaktuKlien != nil {
		t := r.WaktuKlien.UTC()
		k.WaktuKlien = &t
	}
	return k
}

// kehadiranFrom joins a record with its pegawai and the unit placement in force on a
// date (its one parameter); the zone is the unit's, else the instansi's.
const kehadiranFrom = ` FROM kehadiran k
JOIN pegawai p ON p.id = k.pegawai_id
JOIN instansi i ON i.id = k.instansi_id
LEFT JOIN riwayat_pegawai r ON r.pegawai_id = k.pegawai_id AND r.berlaku_mulai = (SELECT max(r2.berlaku_mulai)
  FROM riwayat_pegawai r2 WHERE r2.pegawai_id = k.pegawai_id AND r2.berlaku_mulai <= ?)
LEFT JOIN unit_kerja u ON u.id = r.unit_kerja_id`

const kehadiranColumns = `SELECT k.id, k.instansi_id, k.pegawai_id, k.waktu, k.jenis, k.sumber, k.waktu_klien, k.lintang,
k.bujur, k.perangkat_id, k.kunci_idempotensi, k.menggantikan_id, k.alasan, k.dikoreksi, k.dicatat_oleh, k.created_at,
p.nip AS nip, p.nama AS nama, p.gelar_depan AS gelar_depan, p.gelar_belakang AS gelar_belakang,
COALESCE(NULLIF(u.zona_waktu, ''), i.zona_waktu) AS zona_waktu`

func (db *DB) kehadiranWhere(ctx context.Context, asOf time.Time, cond string, args ...any) (domain.Kehadiran, error) {
	var rows []kehadiranRow
	all := append([]any{newDate(asOf)}, args...)
	if err := db.conn(ctx).Raw(kehadiranColumns+kehadiranFrom+" WHERE "+cond, all...).Scan(&rows).Error; err != nil {
		return domain.Kehadiran{}, fmt.Errorf("read kehadiran: %w", err)
	}
	if len(rows) == 0 {
		return domain.Kehadiran{}, domain.NotFound("Kehadiran")
	}
	return toDomainKehadiran(rows[0]), nil
}

// GetKehadiran reads one clock record of an instansi; its zone is that of the unit
// the pegawai is placed in on asOf.
func (db *DB) GetKehadiran(ctx context.Context, instansiID, id string, asOf time.Time) (domain.Kehadiran, error) {
	return db.kehadiranWhere(ctx, asOf, "k.instansi_id = ? AND k.id = ?", instansiID, id)
}

// KehadiranByKunci reads the record a pegawai submitted with an idempotency key.
func (db *DB) KehadiranByKunci(ctx context.Context, instansiID, pegawaiID, kunci string, asOf time.Time) (domain.Kehadiran, error) {
	return db.kehadiranWhere(ctx, asOf, "k.instansi_id = ? AND k.pegawai_id = ? AND k.kunci_idempotensi = ?",
		instansiID, pegawaiID, kunci)
}

// KehadiranPada reads the counted record of a pegawai at an instant (whole second).
func (db *DB) KehadiranPada(ctx context.Context, instansiID, pegawaiID string, waktu, asOf time.Time) (domain.Kehadiran, error) {
	return db.kehadiranWhere(ctx, asOf, "k.instansi_id = ? AND k.pegawai_id = ? AND k.waktu = ? AND k.dikoreksi = ?",
		instansiID, pegawaiID, domain.WaktuRekaman(waktu), false)
}

const kehadiranInsert = `INSERT INTO kehadiran (id, instansi_id, pegawai_id, waktu, jenis, sumber, waktu_klien, lintang,
bujur, perangkat_id, kunci_idempotensi, menggantikan_id, alasan, dikoreksi, dicatat_oleh, created_at)
VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`

func kehadiranArgs(k domain.Kehadiran) []any {
	var klien any
	if k.WaktuKlien != nil {
		klien = k.WaktuKlien.UTC()
	}
	return []any{k.ID, k.InstansiID, k.PegawaiID, domain.WaktuRekaman(k.Waktu), nullString(string(k.Jenis)),
		string(k.Sumber), klien, k.Lintang, k.Bujur, nullString(k.PerangkatID), nullString(k.KunciIdempotensi),
		nullString(k.MenggantikanID), nullString(k.Alasan), k.Dikoreksi, nullString(k.DicatatOleh), k.CreatedAt.UTC()}
}

// AddKehadiran stores a clock record, assigning its id if it has none. Another
// counted record of the pegawai at the same second is a conflict.
func (db *DB) AddKehadiran(ctx context.Context, k domain.Kehadiran) (string, error) {
	if k.ID == "" {
		k.ID = newID()
	}
	if err := db.conn(ctx).Exec(kehadiranInsert, kehadiranArgs(k)...).Error; err != nil {
		return "", translate(err, "Kehadiran")
	}
	return k.ID, nil
}

// TryAddKehadiran stores a clock record unless the pegawai already has a counted one
// at the same second or one with the same idempotency key; it reports whether it did.
func (db *DB) TryAddKehadiran(ctx context.Context, k domain.Kehadiran) (string, bool, error) {
	if k.ID == "" {
		k.ID = newID()
	}
	res := db.conn(ctx).Exec(kehadiranInsert+" ON CONFLICT DO NOTHING", kehadiranArgs(k)...)
	if res.Error != nil {
		return "", false, translate(res.Error, "Kehadiran")
	}
	return k.ID, res.RowsAffected == 1, nil
}

// MarkKehadiranDikoreksi marks a counted record as replaced by a correction. A record
// already replaced is a conflict: it has its correction.
func (db *DB) MarkKehadiranDikoreksi(ctx context.Context, instansiID, id string) error {
	res := db.conn(ctx).Exec(`UPDATE kehadiran SET dikoreksi = ? WHERE instansi_id = ? AND id = ? AND dikoreksi = ?`,
		true, instansiID, id, false)
	if res.Error != nil {
		return translate(res.Error, "Kehadiran")
	}
	if res.RowsAffected == 0 {
		return domain.Conflict("kehadiran_sudah_dikoreksi", "Rekaman kehadiran ini sudah dikoreksi.",
			"This clock record has already been corrected.")
	}
	return nil
}

// ListKehadiran returns a page of clock records, newest first, and the total.
func (db *DB) ListKehadiran(ctx context.Context, f domain.KehadiranFilter) ([]domain.Kehadiran, int64, error) {
	where := []string{"k.instansi_id = ?"}
	args := []any{f.InstansiID}
	if !f.TermasukDikoreksi {
		where = append(where, "k.dikoreksi = ?")
		args = append(args, false)
	}
	if f.Dari != nil {
		where = append(where, "k.waktu >= ?")
		args = append(args, f.Dari.UTC())
	}
	if f.Sampai != nil {
		where = append(where, "k.waktu < ?")
		args = append(args, f.Sampai.UTC())
	}
	if f.NIP != "" {
		where = append(where, "p.nip = ?")
		args = append(args, f.NIP)
	}
	if f.Terbatas {
		var or []string
		if f.ScopePath != "" {
			or = append(or, "u.path LIKE ?"+likeEscape)
			args = append(args, pegawaiPathPrefix(f.ScopePath))
		}
		if len(f.PegawaiIDs) > 0 {
			or = append(or, "k.pegawai_id IN ?")
			args = append(args, f.PegawaiIDs)
		}
		if len(or) == 0 {
			return nil, 0, nil
		}
		where = append(where, "("+strings.Join(or, " OR ")+")")
	}
	cond := " WHERE " + strings.Join(where, " AND ")
	all := append([]any{newDate(f.AsOf)}, args...)
	// the count joins only what its conditions need: it may span millions of rows
	countFrom, countArgs := " FROM kehadiran k", args
	switch {
	case f.Terbatas && f.ScopePath != "":
		countFrom, countArgs = kehadiranFrom, all
	case f.NIP != "":
		countFrom = " FROM kehadiran k JOIN pegawai p ON p.id = k.pegawai_id"
	}
	var total int64
	if err := db.conn(ctx).Raw("SELECT count(*)"+countFrom+cond, countArgs...).Scan(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count kehadiran: %w", err)
	}
	page := " ORDER BY k.waktu DESC, k.id DESC"
	if f.Limit > 0 {
		page += fmt.Sprintf(" LIMIT %d OFFSET %d", f.Limit, f.Offset)
	}
	var rows []kehadiranRow
	if err := db.conn(ctx).Raw(kehadiranColumns+kehadiranFrom+cond+page, all...).Scan(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list kehadiran: %w", err)
	}
	out := make([]domain.Kehadiran, len(rows))
	for i, r := range rows {
		out[i] = toDomainKehadiran(r)
	}
	return out, total, nil
}

// waktuScan scans a timestamptz: a time.Time from PostgreSQL, text from SQLite.
type waktuScan struct{ time.Time }

// Scan implements sql.Scanner.
func (t *waktuScan) Scan(v any) error {
	switch x := v.(type) {
	case time.Time:
		t.Time = x
		return nil
	case string:
		return t.parse(x)
	case []byte:
		return t.parse(string(x))
	}
	return fmt.Errorf("scan instant: cannot scan %T", v)
}

// sqliteTimeLayouts are the layouts the SQLite driver writes instants in.
var sqliteTimeLayouts = []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano, "2006-01-02 15:04:05.999999999"}

func (t *waktuScan) parse(s string) error {
	for _, l := range sqliteTimeLayouts {
		if v, err := time.Parse(l, s); err == nil {
			t.Time = v
			return nil
		}
	}
	return fmt.Errorf("scan instant: cannot parse %q", s)
}

// KehadiranRange returns every counted (not corrected) clock record of an instansi
// with from ≤ waktu < to, keyed by pegawai id, each slice in time order. It reads
// millions of rows for a large instansi's month, so it allocates one string per
// pegawai, not per row; such a read (of a whole instansi or a range of pegawai) on
// PostgreSQL outside a transaction of gorm's own, or inside InBulkTx, decodes pgx's
// binary rows directly, a third of the CPU of database/sql's scanning.
func (db *DB) KehadiranRange(ctx context.Context, instansiID string, from, to time.Time, pegawaiIDs ...string) (map[string][]domain.Rekaman, error) {
	q, args := hanyaPegawai(`SELECT pegawai_id, waktu, jenis FROM kehadiran
		WHERE instansi_id = ? AND dikoreksi = FALSE AND waktu >= ? AND waktu < ?`,
		[]any{instansiID, from.UTC(), to.UTC()}, "pegawai_id", pegawaiIDs)
	// a working day has two records: size each pegawai's slice for the range's
	// working days, bounded for long ranges
	days := int(to.Sub(from)/(24*time.Hour)) + 1
	perPegawai := min(max(days*2*5/7+4, 4), 256)
	if db.dialect == Postgres && (len(pegawaiIDs) == 0 || len(pegawaiIDs) > hanyaPegawaiDaftar) {
		if conn, ok := ctx.Value(bulkConnKey{}).(*sql.Conn); ok {
			return kehadiranRangePgx(ctx, conn, q, args, perPegawai, len(pegawaiIDs))
		}
		if _, inTx := ctx.Value(txKey{}).(*gorm.DB); !inTx {
			sqlDB, err := db.gorm.DB()
			if err != nil {
				return nil, fmt.Errorf("kehadiran range: %w", err)
			}
			conn, err := sqlDB.Conn(ctx)
			if err != nil {
				return nil, fmt.Errorf("kehadiran range: %w", err)
			}
			defer func() { _ = conn.Close() }()
			return kehadiranRangePgx(ctx, conn, q, args, perPegawai, len(pegawaiIDs))
		}
	}
	rows, err := db.conn(ctx).Raw(q, args...).Rows()
	if err != nil {
		return nil, fmt.Errorf("kehadiran range: %w", err)
	}
	defer rows.Close()
	k := newKumpulanRekaman[string](perPegawai, len(pegawaiIDs))
	var (
		pid   sql.RawBytes
		w     waktuScan
		jenis sql.RawBytes
	)
	for rows.Next() {
		if err := rows.Scan(&pid, &w, &jenis); err != nil {
			return nil, fmt.Errorf("kehadiran range: %w", err)
		}
		i, ok := k.index[string(pid)] // no allocation for the lookup
		if !ok {
			i = k.baru(string(pid), string(pid))
		}
		k.tambah(i, w.UTC(), jenis)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("kehadiran range: %w", err)
	}
	return k.hasil(), nil
}

// kehadiranRangePgx runs KehadiranRange's query on conn's pgx connection and decodes
// the binary rows itself: uuid, timestamptz (microseconds since 2000) and text.
func kehadiranRangePgx(ctx context.Context, conn *sql.Conn, q string, args []any, perPegawai, pegawai int) (map[string][]domain.Rekaman, error) {
	q, args = bindPg(q, args)
	var out map[string][]domain.Rekaman
	err := withPgx(conn, func(c *pgx.Conn) error {
		rows, err := c.Query(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		fd := rows.FieldDescriptions()
		if len(fd) != 3 || fd[0].Format != pgx.BinaryFormatCode || fd[1].Format != pgx.BinaryFormatCode {
			return errors.New("unexpected result format")
		}
		k := newKumpulanRekaman[[16]byte](perPegawai, pegawai)
		for rows.Next() {
			v := rows.RawValues()
			if len(v[0]) != 16 || len(v[1]) != 8 {
				return fmt.Errorf("unexpected row: %d, %d bytes", len(v[0]), len(v[1]))
			}
			id := [16]byte(v[0])
			i, ok := k.index[id]
			if !ok {
				i = k.baru(id, uuid.UUID(id).String())
			}
			us := int64(binary.BigEndian.Uint64(v[1])) //nolint:gosec // G115: a timestamptz is a signed 64-bit count
			k.tambah(i, time.UnixMicro(us+pgEpochMicros).UTC(), v[2])
		}
		if err := rows.Err(); err != nil {
			return err
		}
		out = k.hasil()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("kehadiran range: %w", err)
	}
	return out, nil
}

// pgEpochMicros is PostgreSQL's epoch (2000-01-01 UTC) in Unix microseconds.
const pgEpochMicros = 946_684_800_000_000

// bindPg turns a query with gorm's ? placeholders into pgx's $n ones; a slice
// argument (gorm's IN ?) becomes a parenthesised list of placeholders.
func bindPg(q string, args []any) (string, []any) {
	var b strings.Builder
	var out []any
	i := 0
	for _, r := range q {
		if r != '?' || i >= len(args) {
			b.WriteRune(r)
			continue
		}
		if ids, ok := args[i].([]string); ok {
			b.WriteByte('(')
			for j, id := range ids {
				if j > 0 {
					b.WriteString(", ")
				}
				out = append(out, id)
				fmt.Fprintf(&b, "$%d", len(out))
			}
			b.WriteByte(')')
		} else {
			out = append(out, args[i])
			fmt.Fprintf(&b, "$%d", len(out))
		}
		i++
	}
	return b.String(), out
}

// kumpulanRekaman gathers clock records per pegawai in the order pegawai first
// appear, keyed by K (the id as its text or its 16 bytes).
type kumpulanRekaman[K comparable] struct {
	index      map[K]int
	keys       []string
	lists      [][]domain.Rekaman
	perPegawai int
}

// newKumpulanRekaman sizes the gathering for the number of pegawai asked for (0: a
// whole instansi, a thousand to start with). A map sized for a thousand costs 50 KB,
// which an attendance summary of one pegawai paid on every call.
func newKumpulanRekaman[K comparable](perPegawai, pegawai int) *kumpulanRekaman[K] {
	if pegawai == 0 {
		pegawai = 1024
	}
	return &kumpulanRekaman[K]{index: make(map[K]int, pegawai), perPegawai: perPegawai}
}

// baru adds a pegawai first seen under key, with id as their id, and returns their
// slot.
func (k *kumpulanRekaman[K]) baru(key K, id string) int {
	i := len(k.lists)
	k.index[key] = i
	k.keys = append(k.keys, id)
	k.lists = append(k.lists, make([]domain.Rekaman, 0, k.perPegawai))
	return i
}

// tambah adds a record to the pegawai in slot i.
func (k *kumpulanRekaman[K]) tambah(i int, waktu time.Time, jenis []byte) {
	r := domain.Rekaman{Waktu: waktu}
	switch string(jenis) {
	case string(domain.RekamanMasuk):
		r.Jenis = domain.RekamanMasuk
	case string(domain.RekamanPulang):
		r.Jenis = domain.RekamanPulang
	}
	k.lists[i] = append(k.lists[i], r)
}

// hasil returns the records by pegawai id, each pegawai's in time order.
func (k *kumpulanRekaman[K]) hasil() map[string][]domain.Rekaman {
	out := make(map[string][]domain.Rekaman, len(k.keys))
	byTime := func(a, b domain.Rekaman) int { return a.Waktu.Compare(b.Waktu) }
	for i, key := range k.keys {
		l := k.lists[i]
		if !slices.IsSortedFunc(l, byTime) {
			slices.SortFunc(l, byTime)
		}
		out[key] = l
	}
	return out
}

// PegawaiRekaman lists every pegawai of an instansi with TMT and the unit placement
// in force on asOf, for checking imported clock records.
func (db *DB) PegawaiRekaman(ctx context.Context, instansiID string, asOf time.Time) ([]domain.PegawaiRekaman, error) {
	rows, err := db.conn(ctx).Raw(`SELECT p.id, p.nip, p.tmt, COALESCE(u.path, '') FROM pegawai p
		LEFT JOIN riwayat_pegawai r ON r.pegawai_id = p.id AND r.berlaku_mulai = (SELECT max(r2.berlaku_mulai)
		  FROM riwayat_pegawai r2 WHERE r2.pegawai_id = p.id AND r2.berlaku_mulai <= ?)
		LEFT JOIN unit_kerja u ON u.id = r.unit_kerja_id
		WHERE p.instansi_id = ?`, newDate(asOf), instansiID).Rows()
	if err != nil {
		return nil, fmt.Errorf("pegawai for clock records: %w", err)
	}
	defer rows.Close()
	var out []domain.PegawaiRekaman
	for rows.Next() {
		var (
			p   domain.PegawaiRekaman
			tmt sqlDate
		)
		if err := rows.Scan(&p.ID, &p.NIP, &tmt, &p.UnitPath); err != nil {
			return nil, fmt.Errorf("pegawai for clock records: %w", err)
		}
		p.TMT = tmt.Time
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pegawai for clock records: %w", err)
	}
	return out, nil
}

type bulkConnKey struct{}

// InBulkTx is InTx for bulk loads: on PostgreSQL the transaction runs on one
// dedicated connection whose pgx connection stays reachable, so that a load inside
// it (ImporKehadiran) can use COPY. Called inside another transaction it joins it,
// and the load falls back to multi-row INSERTs.
func (db *DB) InBulkTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if db.dialect != Postgres {
		return db.InTx(ctx, fn)
	}
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return fn(ctx)
	}
	return db.tracked(ctx, func(ctx context.Context) error {
		return db.gorm.WithContext(ctx).Connection(func(c *gorm.DB) error {
			conn, ok := c.Statement.ConnPool.(*sql.Conn)
			if !ok {
				return fmt.Errorf("bulk transaction: unexpected connection %T", c.Statement.ConnPool)
			}
			return c.Transaction(func(tx *gorm.DB) error {
				return fn(context.WithValue(context.WithValue(ctx, txKey{}, tx), bulkConnKey{}, conn))
			})
		})
	})
}

// withPgx runs fn with the pgx connection under a database/sql connection.
func withPgx(conn *sql.Conn, fn func(c *pgx.Conn) error) error {
	return conn.Raw(func(dc any) error {
		sc, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("not a pgx connection: %T", dc)
		}
		return fn(sc.Conn())
	})
}

// ImporKehadiran stores a batch of clock records in the transaction of ctx, skipping
// those already stored (a counted record of the same pegawai at the same second, in
// the table or earlier in the batch), and returns how many it added. Inside InBulkTx
// on PostgreSQL it COPYs the batch into a temporary table and inserts from there;
// otherwise it uses multi-row INSERTs.
func (db *DB) ImporKehadiran(ctx context.Context, b domain.ImporRekaman) (int, error) {
	if len(b.Rekaman) == 0 {
		return 0, nil
	}
	if conn, ok := ctx.Value(bulkConnKey{}).(*sql.Conn); ok && db.dialect == Postgres {
		var n int
		err := withPgx(conn, func(c *pgx.Conn) error {
			var err error
			n, err = copyKehadiran(ctx, c, b)
			return err
		})
		if err != nil {
			return 0, translate(err, "Kehadiran")
		}
		return n, nil
	}
	return db.insertKehadiranBatches(ctx, b)
}

// copyKehadiran is ImporKehadiran's PostgreSQL path. The batch is COPYed, without
// its repeats, into a temporary table in (pegawai, waktu) order, the order of the
// kehadiran_unik index, with ids generated in that order (the primary key's), so that
// both indexes grow at their ends rather than at random pages. Rows already stored
// are then left out by an anti-join and the rest inserted plainly, which costs a
// fraction of ON CONFLICT's speculative insertion; if a concurrent writer stored one
// of them meanwhile, the insert is redone with ON CONFLICT DO NOTHING.
func copyKehadiran(ctx context.Context, c *pgx.Conn, b domain.ImporRekaman) (int, error) {
	if _, err := c.Exec(ctx, `DROP TABLE IF EXISTS pg_temp.kehadiran_impor`); err != nil {
		return 0, fmt.Errorf("drop staging table: %w", err)
	}
	if _, err := c.Exec(ctx, `CREATE TEMP TABLE kehadiran_impor (id uuid NOT NULL, pegawai_id uuid NOT NULL,
		waktu timestamptz NOT NULL, jenis text) ON COMMIT DROP`); err != nil {
		return 0, fmt.Errorf("create staging table: %w", err)
	}
	src, err := newKehadiranCopy(b.Rekaman)
	if err != nil {
		return 0, err
	}
	if _, err := c.CopyFrom(ctx, pgx.Identifier{"kehadiran_impor"}, []string{"id", "pegawai_id", "waktu", "jenis"}, src); err != nil {
		return 0, fmt.Errorf("copy clock records: %w", err)
	}
	const insert = `INSERT INTO kehadiran (id, instansi_id, pegawai_id, waktu, jenis, sumber, dikoreksi, dicatat_oleh, created_at)
		SELECT t.id, $1::uuid, t.pegawai_id, t.waktu, t.jenis, $2::text, FALSE, $3::text, $4::timestamptz FROM kehadiran_impor t`
	args := []any{b.InstansiID, string(b.Sumber), nullString(b.DicatatOleh), b.CreatedAt.UTC()}
	if _, err := c.Exec(ctx, `SAVEPOINT kehadiran_impor`); err != nil {
		return 0, fmt.Errorf("savepoint: %w", err)
	}
	// the window keeps the anti-join to the batch's own weeks of the table
	tag, err := c.Exec(ctx, insert+` WHERE NOT EXISTS (SELECT 1 FROM kehadiran k
		WHERE k.pegawai_id = t.pegawai_id AND k.waktu = t.waktu AND k.dikoreksi = FALSE
		AND k.instansi_id = $1::uuid AND k.waktu >= $5::timestamptz AND k.waktu <= $6::timestamptz)`,
		append(args, src.from, src.to)...)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		if _, err := c.Exec(ctx, `ROLLBACK TO SAVEPOINT kehadiran_impor`); err != nil {
			return 0, fmt.Errorf("rollback to savepoint: %w", err)
		}
		tag, err = c.Exec(ctx, insert+` ON CONFLICT (pegawai_id, waktu) WHERE dikoreksi = FALSE DO NOTHING`, args...)
	}
	if err != nil {
		return 0, fmt.Errorf("insert clock records: %w", err)
	}
	if _, err := c.Exec(ctx, `RELEASE SAVEPOINT kehadiran_impor`); err != nil {
		return 0, fmt.Errorf("release savepoint: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// kehadiranCopy streams a batch to COPY without copying it: it holds only an order
// of row indexes (pegawai by id, then time), skips repeats of the same pegawai and
// second, parses each pegawai id once and builds one row of values at a time.
type kehadiranCopy struct {
	rows  []domain.RekamanPegawai
	order []int32    // rows to send, by index
	rank  []int32    // per position of order: the pegawai's rank in ids
	ids   [][16]byte // pegawai uuids in id order
	from  time.Time  // the earliest and latest instants
	to    time.Time
	i     int
	vals  [4]any
}

func newKehadiranCopy(rows []domain.RekamanPegawai) (*kehadiranCopy, error) {
	bucket := make(map[string]int32, 1024)
	var keys []string
	for _, r := range rows {
		if _, ok := bucket[r.PegawaiID]; !ok {
			bucket[r.PegawaiID] = int32(len(keys)) //nolint:gosec // G115: distinct pegawai of one import, far below 2^31
			keys = append(keys, r.PegawaiID)
		}
	}
	// buckets in id order: the text order of a uuid is its byte order
	sorted := slices.Clone(keys)
	slices.Sort(sorted)
	start := make([]int32, len(keys)+1)
	ids := make([][16]byte, len(keys))
	for rank, k := range sorted {
		u, err := uuid.Parse(k)
		if err != nil {
			return nil, fmt.Errorf("pegawai id %q: %w", k, err)
		}
		bucket[k], ids[rank] = int32(rank), u
	}
	for _, r := range rows {
		start[bucket[r.PegawaiID]+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	order := make([]int32, len(rows))
	next := slices.Clone(start[:len(keys)])
	for i, r := range rows {
		b := bucket[r.PegawaiID]
		order[next[b]] = int32(i)
		next[b]++
	}
	byTime := func(x, y int32) int {
		return domain.WaktuRekaman(rows[x].Waktu).Compare(domain.WaktuRekaman(rows[y].Waktu))
	}
	// out reuses order's array: it is written behind the position being read
	out, rank := order[:0], make([]int32, 0, len(rows))
	var from, to time.Time
	for b := range keys {
		seg := order[start[b]:start[b+1]]
		if !slices.IsSortedFunc(seg, byTime) {
			slices.SortStableFunc(seg, byTime)
		}
		kept := int32(-1)
		for _, x := range seg {
			if kept >= 0 && byTime(kept, x) == 0 {
				continue // the same pegawai and second: skipped like a stored record
			}
			kept = x
			out = append(out, x)
			rank = append(rank, int32(b))
			w := domain.WaktuRekaman(rows[x].Waktu)
			if from.IsZero() || w.Before(from) {
				from = w
			}
			if w.After(to) {
				to = w
			}
		}
	}
	return &kehadiranCopy{rows: rows, order: out, rank: rank, ids: ids, from: from, to: to}, nil
}

func (s *kehadiranCopy) Next() bool {
	s.i++
	return s.i <= len(s.order)
}

func (s *kehadiranCopy) Values() ([]any, error) {
	r := s.rows[s.order[s.i-1]]
	var jenis any
	if r.Jenis != domain.RekamanTidakDiketahui {
		jenis = string(r.Jenis)
	}
	s.vals = [4]any{[16]byte(uuid.Must(uuid.NewV7())), s.ids[s.rank[s.i-1]], domain.WaktuRekaman(r.Waktu), jenis}
	return s.vals[:], nil
}

func (s *kehadiranCopy) Err() error { return nil }

// kehadiranBatchRows keeps a multi-row INSERT under SQLite's 999 parameters.
const kehadiranBatchRows = 110

// insertKehadiranBatches is ImporKehadiran's portable path.
func (db *DB) insertKehadiranBatches(ctx context.Context, b domain.ImporRekaman) (int, error) {
	const head = `INSERT INTO kehadiran (id, instansi_id, pegawai_id, waktu, jenis, sumber, dikoreksi, dicatat_oleh, created_at) VALUES `
	const tail = ` ON CONFLICT (pegawai_id, waktu) WHERE dikoreksi = FALSE DO NOTHING`
	stmt := func(n int) string {
		return head + strings.TrimSuffix(strings.Repeat("(?,?,?,?,?,?,?,?,?),", n), ",") + tail
	}
	full := stmt(kehadiranBatchRows)
	args := make([]any, 0, 9*kehadiranBatchRows)
	oleh, created := nullString(b.DicatatOleh), b.CreatedAt.UTC()
	added := 0
	for start := 0; start < len(b.Rekaman); start += kehadiranBatchRows {
		batch := b.Rekaman[start:min(start+kehadiranBatchRows, len(b.Rekaman))]
		args = args[:0]
		for _, r := range batch {
			args = append(args, newID(), b.InstansiID, r.PegawaiID, domain.WaktuRekaman(r.Waktu),
				nullString(string(r.Jenis)), string(b.Sumber), false, oleh, created)
		}
		q := full
		if len(batch) < kehadiranBatchRows {
			q = stmt(len(batch))
		}
		res := db.conn(ctx).Exec(q, args...)
		if res.Error != nil {
			return 0, translate(res.Error, "Kehadiran")
		}
		added += int(res.RowsAffected)
	}
	return added, nil
}

// ListPemetaanMesin returns the machine user-id mappings of an instansi (of one
// machine when mesin is set), by machine and user id.
func (db *DB) ListPemetaanMesin(ctx context.Context, instansiID, mesin string) ([]domain.PemetaanMesin, error) {
	q := `SELECT m.mesin, m.user_id, m.pegawai_id, p.nip FROM pemetaan_mesin m JOIN pegawai p ON p.id = m.pegawai_id
		WHERE m.instansi_id = ?`
	args := []any{instansiID}
	if mesin != "" {
		q += " AND m.mesin = ?"
		args = append(args, mesin)
	}
	rows, err := db.conn(ctx).Raw(q+" ORDER BY m.mesin, m.user_id", args...).Rows()
	if err != nil {
		return nil, fmt.Errorf("list pemetaan mesin: %w", err)
	}
	defer rows.Close()
	out := []domain.PemetaanMesin{}
	for rows.Next() {
		var m domain.PemetaanMesin
		if err := rows.Scan(&m.Mesin, &m.UserID, &m.PegawaiID, &m.NIP); err != nil {
			return nil, fmt.Errorf("list pemetaan mesin: %w", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list pemetaan mesin: %w", err)
	}
	return out, nil
}

// PutPemetaanMesin inserts or replaces mappings by (machine, user id).
func (db *DB) PutPemetaanMesin(ctx context.Context, instansiID string, items []domain.PemetaanMesin) error {
	const perBatch = 240 // 4 parameters a row, under SQLite's 999
	for start := 0; start < len(items); start += perBatch {
		batch := items[start:min(start+perBatch, len(items))]
		args := make([]any, 0, 4*len(batch))
		for _, m := range batch {
			args = append(args, instansiID, m.Mesin, m.UserID, m.PegawaiID)
		}
		q := `INSERT INTO pemetaan_mesin (instansi_id, mesin, user_id, pegawai_id) VALUES ` +
			strings.TrimSuffix(strings.Repeat("(?,?,?,?),", len(batch)), ",") +
			` ON CONFLICT (instansi_id, mesin, user_id) DO UPDATE SET pegawai_id = excluded.pegawai_id`
		if err := db.conn(ctx).Exec(q, args...).Error; err != nil {
			return translate(err, "Pemetaan mesin")
		}
	}
	return nil
}

// PegawaiIDByNIP maps the given NIPs of an instansi's pegawai to their ids; unknown
// NIPs are absent.
func (db *DB) PegawaiIDByNIP(ctx context.Context, instansiID string, nips []string) (map[string]string, error) {
	out := make(map[string]string, len(nips))
	const perBatch = 500
	for start := 0; start < len(nips); start += perBatch {
		batch := nips[start:min(start+perBatch, len(nips))]
		rows, err := db.conn(ctx).Raw(`SELECT nip, id FROM pegawai WHERE instansi_id = ? AND nip IN ?`, instansiID, batch).Rows()
		if err != nil {
			return nil, fmt.Errorf("pegawai by nip: %w", err)
		}
		for rows.Next() {
			var nip, id string
			if err := rows.Scan(&nip, &id); err != nil {
				rows.Close() //nolint:sqlclosecheck // closed on every path of each batch; a defer would hold every batch's cursor to the end
				return nil, fmt.Errorf("pegawai by nip: %w", err)
			}
			out[nip] = id
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("pegawai by nip: %w", err)
		}
	}
	return out, nil
}
