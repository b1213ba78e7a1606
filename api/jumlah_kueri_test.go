package api_test

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// sqlLog records the statements a DB runs while armed.
type sqlLog struct {
	mu    sync.Mutex
	armed bool
	sql   []string
}

func newSQLLog(t *testing.T, db *repository.DB) *sqlLog {
	t.Helper()
	l := &sqlLog{}
	if err := db.OnStatement(func(sql string) {
		l.mu.Lock()
		defer l.mu.Unlock()
		if l.armed {
			l.sql = append(l.sql, sql)
		}
	}); err != nil {
		t.Fatal(err)
	}
	return l
}

// during returns the statements run while do ran.
func (l *sqlLog) during(do func()) []string {
	l.mu.Lock()
	l.armed, l.sql = true, nil
	l.mu.Unlock()
	do()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.armed = false
	return l.sql
}

// TestJumlahKueri pins the SQL statements each request of the load mix (cmd/beban,
// docs/reliability.md section 6) makes when the process is warm: each costs about
// 0.8 ms of CPU under load, so a new one must be a decision, not an accident. The warm
// answer must be the cold one, byte for byte.
func TestJumlahKueri(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		e := kegSetup(t, db)
		s, a := e.s, e.w.A
		log := newSQLLog(t, db)

		// a month's worth of what the attendance summary reads: a schedule assigned
		// to the unit, a holiday, approved leave, flexible work and clock records
		j := jdCreate(t, s, e.admin, jdKantor5("KANTOR5"))
		jdAssign(s, e.admin, map[string]any{"jadwal_id": j.ID, "unit_kerja_id": a.OPD1.ID, "berlaku_mulai": "2026-01-01"}).Expect(t, 201)
		s.Do(apptest.Req{Method: "PUT", Path: fmt.Sprintf("/api/v1/kalender/%d", e.today.Year()), Token: e.admin,
			Body: map[string]any{"items": []any{map[string]any{"tanggal": kegDate(e.d0.AddDate(0, 0, 2)), "jenis": "LIBUR_NASIONAL", "nama": "Libur"}}}}).
			Expect(t, 200)
		iz := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/izin", Token: e.staf, Body: map[string]any{"jenis": "CUTI_SAKIT",
			"mulai": kegDate(e.d0), "selesai": kegDate(e.d0)}}).Expect(t, 201).Map(t)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/izin/" + iz["id"].(string) + "/keputusan", Token: e.kabid,
			Body: map[string]any{"keputusan": "DISETUJUI"}}).Expect(t, 200)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/kerja-fleksibel", Token: e.admin, Body: map[string]any{
			"nip": a.Staf.NIP, "jenis": "WFA", "mulai": kegDate(e.d1), "selesai": kegDate(e.d1)}}).Expect(t, 201)
		e.create(e.staf, e.body(e.d0, e.rhkStaf, 60, "Entri data"))
		e.create(e.rekan, e.body(e.d1, e.rhkRekan, 90, "Menyusun laporan"))

		// last month's payroll, approved, as the load test prepares it
		admin, keu := tppSiap(t, s, e.w)
		prev := time.Date(e.today.Year(), e.today.Month()-1, 1, 0, 0, 0, 0, time.UTC)
		var run runTPP
		runPost(s, admin, map[string]any{"tahun": prev.Year(), "bulan": int(prev.Month())}).Expect(t, 201).JSON(t, &run)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/setujui", Token: keu}).Expect(t, 200)

		checkIn := func(key string) apptest.Req {
			return apptest.Req{Method: "POST", Path: "/api/v1/kehadiran", Token: e.staf, Body: map[string]any{"jenis": "MASUK"},
				Header: map[string]string{"Idempotency-Key": key}}
		}
		cases := []struct {
			name   string
			cold   apptest.Req // warms the process
			warm   apptest.Req // counted
			status int
			want   int
		}{
			// the month's lines with their runs' state; the pegawai is remembered (was 2)
			{name: "tpp pegawai", status: 200, want: 1,
				cold: apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + a.Staf.NIP + "/tpp/" + prev.Format("2006-01"), Token: e.staf}},
			// the page with its total; on PostgreSQL on the pool of generic plans
			// (repository.generik: planning it cost three times running it)
			{name: "kegiatan tim", status: 200, want: 1,
				cold: apptest.Req{Method: "GET", Path: "/api/v1/kegiatan?page_size=20", Token: e.kabid}},
			// the page with its total
			{name: "daftar pegawai", status: 200, want: 1,
				cold: apptest.Req{Method: "GET", Path: "/api/v1/pegawai?page=1&page_size=50", Token: e.admin}},
			// the month: roster, clock records, leave, flexible work; the pegawai, units,
			// schedules, assignments and holidays are remembered (was 9, then 5)
			{name: "rekap kehadiran", status: 200, want: 4,
				cold: apptest.Req{Method: "GET", Path: fmt.Sprintf("/api/v1/kehadiran/rekap?tahun=%d&bulan=%d&nip=%s",
					e.today.Year(), int(e.today.Month()), a.Staf.NIP), Token: e.staf}},
			// the key's earlier use, the insert, the record read back, the audit; the
			// pegawai is remembered (was 5)
			{name: "presensi", status: 201, want: 4, cold: checkIn("jumlah-kueri-1"), warm: checkIn("jumlah-kueri-2")},
		}
		for _, c := range cases {
			warm := c.warm
			if warm.Path == "" {
				warm = c.cold
			}
			first := s.Do(c.cold).Expect(t, c.status)
			if c.warm.Path != "" {
				// a check-in within the same second is the one already stored
				time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(1100 * time.Millisecond)))
			}
			var second *apptest.Response
			sql := log.during(func() { second = s.Do(warm) })
			second.Expect(t, c.status)
			if c.warm.Path == "" && !bytes.Equal(first.Body, second.Body) {
				t.Errorf("%s: the warm answer differs from the cold one:\n%s\n%s", c.name, first.Body, second.Body)
			}
			t.Logf("%s: %d statements", c.name, len(sql))
			if len(sql) != c.want {
				t.Errorf("%s: %d statements, want %d:\n%s", c.name, len(sql), c.want, strings.Join(sql, "\n---\n"))
			}
		}
	})
}
