package repository

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// Every authenticated request reads its account (or API client) and most read their
// instansi, for its time zone. Those rows change rarely, so the process keeps them for
// a few seconds: a request then costs one query fewer, two for most.
//
// Most requests about a pegawai (their TPP, their attendance summary, their activity
// log) first read who the pegawai is on a date: identity, position and unit in force,
// which change with a mutation or a promotion, a few times in a career.
//
// The same holds for an instansi's reference data, which every attendance summary
// (and every chunk of a payroll run) reads whole and an administrator changes a few
// times a year: its units, its work schedules and their assignments, its holidays.
//
// Freshness: every write through this process forgets everything remembered, at the
// write and again when its transaction ends, so this process never serves a row older
// than its own last write (a disabled account stops at once). Another process of the
// same deployment sees a change within ingatanTTL. Reads inside a transaction always
// go to the database.

// ingatanTTL bounds how stale a remembered row may be for other processes' writes.
const ingatanTTL = 5 * time.Second

// ingatanMaks bounds each cache: past it, the cache starts over.
const ingatanMaks = 20_000

type entri[V any] struct {
	v      V
	sampai time.Time
}

// ingatan is a small time-bounded cache. A value read while a write was forgetting
// is not kept: put only stores under the generation its read started in.
type ingatan[V any] struct {
	mu    sync.Mutex
	gen   uint64
	isi   map[string]entri[V]
	salin func(V) V // copies the shared parts of a value (slices) on the way out
}

func newIngatan[V any](salin func(V) V) *ingatan[V] {
	return &ingatan[V]{isi: map[string]entri[V]{}, salin: salin}
}

// get returns the value under key if still fresh, else the generation to put under.
func (c *ingatan[V]) get(key string, now time.Time) (V, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.isi[key]
	if ok && now.Before(e.sampai) {
		return c.salin(e.v), c.gen, true
	}
	var zero V
	return zero, c.gen, false
}

func (c *ingatan[V]) put(key string, v V, gen uint64, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if len(c.isi) >= ingatanMaks {
		clear(c.isi)
	}
	c.isi[key] = entri[V]{v: c.salin(v), sampai: now.Add(ingatanTTL)}
}

func (c *ingatan[V]) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	clear(c.isi)
}

// ingatanDB holds the caches of one DB.
type ingatanDB struct {
	pengguna *ingatan[domain.Pengguna]
	instansi *ingatan[domain.Instansi]
	klien    *ingatan[domain.KlienAPI]
	// a pegawai as of a date, by instansi, NIP or id and the date
	pegawaiView *ingatan[domain.PegawaiView]
	// reference data, by instansi and the query's other arguments
	unitKerja *ingatan[[]domain.UnitKerja]
	jadwal    *ingatan[[]domain.JadwalKerja]
	penugasan *ingatan[[]domain.PenugasanJadwal]
	libur     *ingatan[[]domain.HariLibur]
}

func newIngatanDB() *ingatanDB {
	return &ingatanDB{
		pengguna: newIngatan(func(u domain.Pengguna) domain.Pengguna { u.Roles = slices.Clone(u.Roles); return u }),
		instansi: newIngatan(func(i domain.Instansi) domain.Instansi { return i }),
		klien:    newIngatan(func(k domain.KlienAPI) domain.KlienAPI { k.Scopes = slices.Clone(k.Scopes); return k }),
		pegawaiView: newIngatan(func(v domain.PegawaiView) domain.PegawaiView {
			if v.Rekening != nil {
				r := *v.Rekening
				v.Rekening = &r
			}
			return v
		}),
		unitKerja: newIngatan(slices.Clone[[]domain.UnitKerja]),
		jadwal:    newIngatan(salinJadwal),
		penugasan: newIngatan(salinPenugasanJadwal),
		libur:     newIngatan(slices.Clone[[]domain.HariLibur]),
	}
}

func (m *ingatanDB) forget() {
	m.pengguna.forget()
	m.instansi.forget()
	m.klien.forget()
	m.pegawaiView.forget()
	m.unitKerja.forget()
	m.jadwal.forget()
	m.penugasan.forget()
	m.libur.forget()
}

// kunci is the cache key of a query's arguments; dates count as the date they are
// stored as.
func kunci(args ...any) string {
	parts := make([]string, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string:
			parts[i] = v
		case time.Time:
			parts[i] = v.UTC().Format(time.DateOnly)
		default:
			parts[i] = fmt.Sprint(v)
		}
	}
	return strings.Join(parts, "|")
}

// txState is what a transaction remembers to do when it ends.
type txState struct{ forget bool }

type txStateKey struct{}

// changed records a write to rows the caches hold (accounts, units, instansi, API
// clients, pegawai, their riwayat and positions, schedules and their assignments,
// holidays): the caches forget now and, for a write in a transaction, again when it
// ends (a read that ran between the write and the commit saw the old row).
func (db *DB) changed(ctx context.Context) {
	db.ingatan.forget()
	if st, ok := ctx.Value(txStateKey{}).(*txState); ok {
		st.forget = true
	}
}

// remembered reads through cache c unless ctx is in a transaction.
func remembered[V any](ctx context.Context, db *DB, c *ingatan[V], key string, read func() (V, error)) (V, error) {
	if _, inTx := ctx.Value(txKey{}).(*gormDB); inTx {
		return read()
	}
	now := time.Now()
	v, gen, ok := c.get(key, now)
	if ok {
		return v, nil
	}
	v, err := read()
	if err == nil {
		c.put(key, v, gen, now)
	}
	return v, err
}
