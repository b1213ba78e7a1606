package api_test

// A spec-driven property test of hostile input (OWASP API3/API4/API8, RFC 9457).
//
// TestHostileInput walks every operation of openapi.yaml and sends it requests
// generated from the operation's own parameters and body schema with rapid: valid
// shapes with boundary values, and hostile ones (one past maxLength, integers beyond
// int64, NUL bytes and invalid UTF-8, unknown fields, wrong types, deep nesting,
// bodies over the limit, absurd pagination, bad ids, NIPs and dates), as the
// ADMIN_INSTANSI of instansi A, as a plain PEGAWAI, and now and then without a token.
// Every response must satisfy the oracles: no 5xx; every error is
// application/problem+json with type, title, status and code; the response
// validates against the spec; and nothing of instansi B shows in a success.
//
// TestHostileMassAssignment sends the create and update bodies of the resources
// that carry authority (pegawai, SKP, izin, check-in, TPP rules, runs, budgets)
// with injected fields and other instansi's references, and reads back what was
// stored.
//
// Size: KINERJA_HOSTILE_N random requests per operation (default 60, 24 with -short;
// the PostgreSQL half sends a third of that), plus a deterministic sweep of every
// field of every accepted body over its boundary values. KINERJA_HOSTILE_SEED picks
// the inputs (default 1, so a run is repeatable; "random" draws a seed and logs it).

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/google/uuid"
	"pgregory.net/rapid"

	"github.com/kinerja-id/kinerja"
	"github.com/kinerja-id/kinerja/api"
	"github.com/kinerja-id/kinerja/cmd/kinerja/app"
	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// hstKnownDefects are defects this test found that are not fixed yet. A finding
// that matches an entry is counted and tolerated; any other finding fails the
// test. Delete the entry with the fix; entries that nothing matched are logged.
var hstKnownDefects = []hstKnown{}

// hstKnown names a known defect.
type hstKnown struct {
	Op     string // operationId, or "*" for every operation
	Oracle string // one of the hstOracle constants
	Status int    // the response status; 0 matches any
	Tag    string // a substring of one of the request's mutation tags; "" matches any
	Detail string // a substring of the finding (e.g. the spec violation); "" matches any
	Why    string // what is wrong and how to reproduce it
}

// The oracles a response is judged by.
const (
	hstOracle5xx       = "5xx"       // the server failed
	hstOracleProblem   = "problem"   // an error that is not a complete problem+json
	hstOracleSpec      = "spec"      // a response that openapi.yaml does not allow
	hstOracleTenant    = "tenant"    // a success that shows or accepts instansi B's data
	hstOracleTransport = "transport" // no HTTP response at all
	hstOracleMass      = "mass"      // an injected field was stored
	hstOracleSlow      = "slow"      // one request kept the server busy for seconds (API4)
)

// hstSlow is how long one request may take before it is a finding; generous, as
// the machine may be shared (KINERJA_HOSTILE_SLOW, a Go duration, overrides it).
func hstSlow() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("KINERJA_HOSTILE_SLOW")); err == nil {
		return d
	}
	return 5 * time.Second
}

// ---------------------------------------------------------------------------
// The test

func TestHostileInput(t *testing.T) {
	n := 60
	if testing.Short() {
		n = 24
	}
	if v := os.Getenv("KINERJA_HOSTILE_N"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			t.Fatalf("KINERJA_HOSTILE_N=%q: want a positive number", v)
		}
	}
	seed := hstSeed(t)
	t.Run(string(repository.SQLite), func(t *testing.T) {
		hstFuzz(t, repotest.New(t, repository.SQLite), n, seed)
	})
	t.Run(string(repository.Postgres), func(t *testing.T) {
		hstFuzz(t, repotest.New(t, repository.Postgres), max(n/3, 2), seed)
	})
}

func hstSeed(t *testing.T) uint64 {
	v := os.Getenv("KINERJA_HOSTILE_SEED")
	switch v {
	case "":
		return 1
	case "random":
		s := rand.Uint64() >> 1
		t.Logf("KINERJA_HOSTILE_SEED=%d", s)
		return s
	}
	s, err := strconv.ParseUint(v, 10, 63)
	if err != nil {
		t.Fatalf("KINERJA_HOSTILE_SEED=%q: want a number or \"random\"", v)
	}
	return s
}

// hstFuzz runs n generated requests per operation on one database.
func hstFuzz(t *testing.T, db *repository.DB, n int, seed uint64) {
	f := newHstFuzzer(t, db)
	f.seed, f.n = seed, n
	f.prime()
	start := time.Now()
	f.sweep(t)
	for _, op := range f.ops {
		t.Run(op.ID, func(t *testing.T) {
			gen := rapid.Custom(func(rt *rapid.T) hstReq { return f.draw(rt, op) })
			for i := range n {
				example := int((seed*1_000_003 + hstHash(op.ID) + uint64(i)) & (1<<62 - 1))
				r := gen.Example(example)
				r.Op, r.Example = op, example
				f.check(t, r)
			}
		})
	}
	f.summary(t, time.Since(start))
}

// ---------------------------------------------------------------------------
// Operations

type hstOp struct {
	ID, Method, Path string
	Resource         string // the path segment after /api/v1/ ("skp")
	Params           []*openapi3.Parameter
	Body             *openapi3.RequestBody
}

func hstOperations(doc *openapi3.T) []*hstOp {
	var ops []*hstOp
	for path, item := range doc.Paths.Map() {
		for method, o := range item.Operations() {
			op := &hstOp{ID: o.OperationID, Method: method, Path: path}
			if rest, ok := strings.CutPrefix(path, "/api/v1/"); ok {
				op.Resource, _, _ = strings.Cut(rest, "/")
			}
			byKey := map[string]*openapi3.Parameter{}
			for _, ps := range []openapi3.Parameters{item.Parameters, o.Parameters} {
				for _, p := range ps {
					byKey[p.Value.In+":"+p.Value.Name] = p.Value
				}
			}
			for _, k := range slices.Sorted(maps.Keys(byKey)) {
				op.Params = append(op.Params, byKey[k])
			}
			if o.RequestBody != nil {
				op.Body = o.RequestBody.Value
			}
			ops = append(ops, op)
		}
	}
	// deletions go last, so that the other operations still find the primed rows
	sort.Slice(ops, func(i, j int) bool {
		if di, dj := ops[i].Method == "DELETE", ops[j].Method == "DELETE"; di != dj {
			return dj
		}
		if ops[i].Path != ops[j].Path {
			return ops[i].Path < ops[j].Path
		}
		return ops[i].Method < ops[j].Method
	})
	return ops
}

func hstHash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64() >> 2
}

// ---------------------------------------------------------------------------
// The fuzzer: a server, its world, the ids it has seen and what it observed

type hstFuzzer struct {
	t      *testing.T
	s      *apptest.Server
	w      *apptest.World
	ops    []*hstOp
	router routers.Router
	logs   *hstLog

	tokens  map[string]string // actor → access token
	tokenAt time.Time

	pools    map[string][]string // pool (a resource name, or "nip") → ids of either instansi
	owner    map[string]string   // id → "A", "B" or "AB"
	protect  map[string]bool     // ids the fuzzer must not touch (its own accounts)
	bIDs     []string            // ids only instansi B has shown (nil: to be recomputed)
	seedReqs map[string][]hstReq // operationId → accepted requests of the test's own
	slow     time.Duration
	seed     uint64 // KINERJA_HOSTILE_SEED and KINERJA_HOSTILE_N, for reproductions
	n        int
	seeds    map[string][][]byte // free-form schema name → valid examples

	sent     int
	status   map[int]int
	perOp    map[string]map[int]int // operationId → status → count
	known    map[int]int
	defects  map[string]*hstDefect
	defectOr []string
}

type hstDefect struct {
	count int
	first string
}

// hstLog keeps the server's error log lines so that a 5xx report shows its cause.
type hstLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *hstLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buf.Len() > 8<<20 {
		l.buf.Reset()
	}
	return l.buf.Write(p)
}

func (l *hstLog) lines(requestID string) string {
	if requestID == "" {
		return ""
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, line := range strings.Split(l.buf.String(), "\n") {
		if strings.Contains(line, requestID) {
			out = append(out, hstCut(line, 1500))
		}
	}
	return strings.Join(out, "\n")
}

func newHstFuzzer(t *testing.T, db *repository.DB) *hstFuzzer {
	logs := &hstLog{}
	s := apptest.New(t, db, func(o *app.Options) {
		o.Log = slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelError}))
	})
	doc, err := api.LoadSpec(context.Background(), kinerja.OpenAPI)
	if err != nil {
		t.Fatal(err)
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	f := &hstFuzzer{t: t, s: s, w: s.NewWorld(), ops: hstOperations(doc), router: router, logs: logs,
		pools: map[string][]string{}, owner: map[string]string{}, protect: map[string]bool{}, seeds: map[string][][]byte{}, seedReqs: map[string][]hstReq{}, slow: hstSlow(),
		status: map[int]int{}, perOp: map[string]map[int]int{}, known: map[int]int{}, defects: map[string]*hstDefect{}}
	f.login()
	return f
}

// login logs in the fuzzer's actors ("admin" and "pegawai" are A's ADMIN_INSTANSI
// and Staf) and the people of both instansi that priming acts as ("A.kabid").
func (f *hstFuzzer) login() {
	f.tokens = map[string]string{"bad": "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."}
	for tenant, o := range map[string]apptest.Org{"A": f.w.A, "B": f.w.B} {
		for who, user := range map[string]string{"admin": o.Admin, "keuangan": o.Keuangan, "kadis": o.Kadis.NIP,
			"kabid": o.Kabid.NIP, "staf": o.Staf.NIP, "rekan": o.Rekan.NIP} {
			f.tokens[tenant+"."+who] = f.s.Login(user, apptest.Password)
		}
	}
	f.tokens["admin"], f.tokens["pegawai"] = f.tokens["A.admin"], f.tokens["A.staf"]
	f.tokenAt = time.Now()
}

// token is the actor's access token, renewed before it expires on long runs.
func (f *hstFuzzer) token(actor string) string {
	if time.Since(f.tokenAt) > 10*time.Minute {
		f.login()
	}
	return f.tokens[actor]
}

func (f *hstFuzzer) add(pool, id, tenant string) {
	if id == "" || f.protect[id] {
		return
	}
	switch prev, seen := f.owner[id]; {
	case !seen:
		f.owner[id] = tenant
		f.bIDs = nil
	case prev != tenant && prev != "AB":
		f.owner[id] = "AB"
		f.bIDs = nil
	}
	if !slices.Contains(f.pools[pool], id) {
		f.pools[pool] = append(f.pools[pool], id)
	}
}

// prime gives both instansi a little of everything (an SKP chain, activity,
// evaluations, an objection, feedback, absence, schedules, TPP rules, budget and a
// run) and learns the ids, so that generated requests reach real rows of A and of B.
func (f *hstFuzzer) prime() {
	// the presets are valid rule profiles to start mutations from
	var presets struct {
		Items []struct {
			Profil json.RawMessage `json:"profil"`
		} `json:"items"`
	}
	if err := json.Unmarshal(f.call("admin", "GET", "/api/v1/aturan-tpp/preset", nil, nil).Body, &presets); err != nil {
		f.t.Fatalf("presets: %v", err)
	}
	for _, p := range presets.Items {
		f.seeds["ProfilTPP"] = append(f.seeds["ProfilTPP"], p.Profil)
	}
	for _, x := range []struct {
		tenant string
		o      apptest.Org
	}{{"B", f.w.B}, {"A", f.w.A}} {
		o := x.o
		f.add("instansi", o.Instansi.ID, x.tenant)
		for _, u := range []string{o.OPD1.ID, o.Sub1.ID, o.OPD2.ID} {
			f.add("unit-kerja", u, x.tenant)
		}
		for _, j := range []string{o.JKadis.ID, o.JKabid.ID, o.JStaf.ID, o.JKadis2.ID, o.JStaf2.ID} {
			f.add("jabatan", j, x.tenant)
		}
		for _, p := range []domain.Pegawai{o.Kadis, o.Kabid, o.Staf, o.Rekan, o.Kadis2, o.Staf2} {
			f.add("pegawai-id", p.ID, x.tenant)
			f.add("nip", p.NIP, x.tenant)
		}
		f.primeTenant(x.tenant, o)
	}
	// the fuzzer's own accounts stay usable
	for _, actor := range []string{"admin", "pegawai"} {
		var me struct {
			Pengguna struct {
				ID string `json:"id"`
			} `json:"pengguna"`
		}
		if err := json.Unmarshal(f.call(actor, "GET", "/api/v1/me", nil, nil).Body, &me); err != nil || me.Pengguna.ID == "" {
			f.t.Fatalf("me as %s: %v", actor, err)
		}
		f.protect[me.Pengguna.ID] = true
		for pool, ids := range f.pools {
			f.pools[pool] = slices.DeleteFunc(ids, func(id string) bool { return id == me.Pengguna.ID })
		}
	}
	// every list that needs no parameter, as each instansi
	for _, op := range f.ops {
		if op.Method != "GET" || strings.Contains(op.Path, "{") || op.Resource == "" {
			continue
		}
		query, ok := "", true
		for _, p := range op.Params {
			if p.Required {
				ok = false
			}
			if p.Name == "page_size" {
				query = "?page_size=500"
			}
		}
		if !ok {
			continue
		}
		for _, tenant := range []string{"A", "B"} {
			if res := f.call(tenant+".admin", "GET", op.Path+query, nil, nil); res.Status == 200 {
				f.harvest(op.Path, res.Body, tenant)
			}
		}
	}
	var sizes []string
	for _, k := range slices.Sorted(maps.Keys(f.pools)) {
		sizes = append(sizes, fmt.Sprintf("%s=%d", k, len(f.pools[k])))
	}
	f.t.Logf("id pools: %s", strings.Join(sizes, " "))
}

// primeTenant creates one instansi's records through the API. A step that fails
// is logged and the rest goes on: priming widens coverage, it asserts nothing.
func (f *hstFuzzer) primeTenant(tenant string, o apptest.Org) {
	now := time.Now()
	y := now.Year()
	date := func(t time.Time) string { return t.Format(time.DateOnly) }
	yesterday := date(now.AddDate(0, 0, -1))
	mk := func(who, method, path string, body any, header ...string) map[string]any {
		var h map[string]string
		if len(header) == 2 {
			h = map[string]string{header[0]: header[1]}
		}
		res := f.call(tenant+"."+who, method, path, body, h)
		if res.Status >= 300 {
			f.t.Logf("prime %s %s as %s.%s: %d %s", method, path, tenant, who, res.Status, hstCut(string(res.Body), 300))
		}
		f.harvest(path, res.Body, tenant)
		var m map[string]any
		_ = json.Unmarshal(res.Body, &m)
		return m
	}
	str := func(m map[string]any, path ...any) string {
		var v any = m
		for _, p := range path {
			switch k := p.(type) {
			case string:
				mm, _ := v.(map[string]any)
				v = mm[k]
			case int:
				a, _ := v.([]any)
				if k >= len(a) {
					return ""
				}
				v = a[k]
			}
		}
		s, _ := v.(string)
		return s
	}
	person := map[string]domain.Pegawai{"kadis": o.Kadis, "kabid": o.Kabid, "staf": o.Staf, "rekan": o.Rekan}

	mk("admin", "PUT", fmt.Sprintf("/api/v1/periode-kinerja/%d", y), map[string]any{"frekuensi": "BULANAN", "mode_distribusi": "PERINGATAN"})
	skp, rhk, iki := map[string]string{}, map[string]string{}, map[string]string{}
	for _, k := range []string{"kadis", "kabid", "staf"} {
		rater := map[string]string{"kabid": "kadis", "staf": "kabid"}[k]
		id := str(mk(k, "POST", "/api/v1/skp", map[string]any{"nip": person[k].NIP, "tahun": y}), "id")
		r := map[string]any{"jenis": "UTAMA", "uraian": "Sasaran " + k,
			"indikator": []any{map[string]any{"aspek": "KUANTITAS", "uraian": "Jumlah dokumen", "target": 10, "satuan": "dokumen"}}}
		if rater != "" {
			r["rhk_atasan_id"] = rhk[rater]
		}
		m := mk(k, "PUT", "/api/v1/skp/"+id, map[string]any{"rhk": []any{r}})
		skp[k], rhk[k], iki[k] = id, str(m, "rhk", 0, "id"), str(m, "rhk", 0, "indikator", 0, "id")
		mk(k, "POST", "/api/v1/skp/"+id+"/ajukan", nil)
		if rater != "" {
			mk(rater, "POST", "/api/v1/skp/"+id+"/setujui", nil)
		}
	}
	mk("staf", "POST", "/api/v1/kegiatan", map[string]any{"tanggal": yesterday, "rhk_id": rhk["staf"], "menit": 15, "uraian": "Mengolah data"})
	mk("kabid", "POST", "/api/v1/penilaian", map[string]any{"skp_id": skp["staf"], "jenis": "PERIODIK", "periode": 1})
	final := str(mk("kabid", "POST", "/api/v1/penilaian", map[string]any{"skp_id": skp["staf"], "jenis": "PERIODIK", "periode": 2}), "id")
	mk("kabid", "PUT", "/api/v1/penilaian/"+final, map[string]any{"realisasi": []any{map[string]any{"iki_id": iki["staf"], "realisasi": 9}},
		"rating_hasil": "SESUAI_EKSPEKTASI", "rating_perilaku": "SESUAI_EKSPEKTASI"})
	mk("kabid", "POST", "/api/v1/penilaian/"+final+"/finalkan", nil)
	mk("staf", "POST", "/api/v1/keberatan", map[string]any{"penilaian_id": final, "alasan": "Mohon ditinjau"})
	mk("kabid", "POST", "/api/v1/umpan-balik", map[string]any{"nip": o.Staf.NIP, "tahun": y, "batas_waktu": date(now.AddDate(0, 0, 7)),
		"responden": []string{o.Rekan.NIP, o.Kadis.NIP}})
	mk("admin", "POST", "/api/v1/hukuman-disiplin", map[string]any{"nip": o.Staf.NIP, "jenis": "POTONGAN_TUKIN_6", "nomor_sk": "800/1/" + tenant,
		"tanggal_sk": yesterday, "tanggal_berlaku": yesterday, "durasi_bulan": 6})
	mk("rekan", "POST", "/api/v1/izin", map[string]any{"jenis": "DINAS_LUAR", "mulai": fmt.Sprintf("%d-01-05", y+1), "selesai": fmt.Sprintf("%d-01-05", y+1)})
	mk("staf", "POST", "/api/v1/kehadiran", map[string]any{"jenis": "MASUK"}, "Idempotency-Key", "prime-"+tenant+"-0001")
	mk("admin", "PUT", fmt.Sprintf("/api/v1/kalender/%d", y), map[string]any{"items": []any{
		map[string]any{"tanggal": fmt.Sprintf("%d-12-25", y), "jenis": "LIBUR_NASIONAL", "nama": "Natal"}}})
	jadwal := str(mk("admin", "POST", "/api/v1/jadwal", map[string]any{"kode": "RSUD-" + tenant, "nama": "Shift RSUD", "jenis": "SHIFT",
		"kerja_saat_libur": true, "shift": []any{
			map[string]any{"kode": "PAGI", "nama": "Pagi", "mulai": "07:00", "selesai": "14:00"},
			map[string]any{"kode": "MALAM", "nama": "Malam", "mulai": "21:00", "selesai": "07:00"}}}), "id")
	mk("admin", "POST", "/api/v1/jadwal-penugasan", map[string]any{"jadwal_id": jadwal, "unit_kerja_id": o.Sub1.ID,
		"berlaku_mulai": fmt.Sprintf("%d-01-01", y), "berlaku_selesai": fmt.Sprintf("%d-12-31", y)})
	mk("admin", "PUT", "/api/v1/roster", map[string]any{"items": []any{map[string]any{"nip": o.Staf.NIP, "tanggal": fmt.Sprintf("%d-12-01", y), "kode_shift": "PAGI"}}})
	mk("admin", "PUT", "/api/v1/mesin-absensi/pemetaan", map[string]any{"items": []any{map[string]any{"mesin": "M1", "user_id": "1", "nip": o.Staf.NIP}}})
	mk("admin", "POST", "/api/v1/plt", map[string]any{"jabatan_id": o.JKabid.ID, "nip": o.Rekan.NIP, "jenis": "PLH",
		"tanggal_mulai": "2020-01-06", "tanggal_selesai": "2020-01-08"})
	mk("admin", "POST", "/api/v1/klien-api", map[string]any{"nama": "SIMPEG " + tenant, "scopes": []string{"read"}})
	mk("admin", "POST", "/api/v1/pengguna", map[string]any{"username": "penguji." + strings.ToLower(tenant), "password": apptest.Password, "roles": []string{"AUDITOR"}})
	mk("admin", "POST", "/api/v1/aturan-tpp", map[string]any{"nama": "Perkada TPP", "berlaku_mulai": fmt.Sprintf("%d-01-01", y-1), "preset": "KEPMENDAGRI_60_40"})
	mk("admin", "PUT", fmt.Sprintf("/api/v1/pagu-tpp/%d", y), map[string]any{"mode": "PERINGATAN", "unit": []any{
		map[string]any{"unit_kerja_id": o.OPD1.ID, "jumlah": 1_000_000_000_000}, map[string]any{"unit_kerja_id": o.OPD2.ID, "jumlah": 1_000_000_000_000}}})
	mk("admin", "PUT", fmt.Sprintf("/api/v1/masukan-tpp/%d/9", y), map[string]any{"items": []any{map[string]any{"nip": o.Staf.NIP, "tunjangan_profesi": 0}}})
	run := str(mk("admin", "POST", "/api/v1/perhitungan-tpp", map[string]any{"tahun": y, "bulan": 1}), "id")

	// one accepted call of most other writes, as seeds for mutation
	nip := map[string]string{"A": "199501012020011001", "B": "199501012020011002"}[tenant]
	mk("admin", "POST", "/api/v1/pegawai", map[string]any{"nip": nip, "nama": "Budi Santoso", "gelar_belakang": "S.T.", "jenis_asn": "PNS",
		"tmt": "2020-01-01", "golongan": "III/a", "jabatan_id": o.JStaf.ID, "email": "budi@kota.go.id", "telepon": "0812-345",
		"rekening": map[string]any{"nama_bank": "Bank Sulutgo", "nomor": "0123456789", "atas_nama": "Budi Santoso"}})
	mk("admin", "PATCH", "/api/v1/pegawai/"+o.Staf.NIP, map[string]any{"nama": "Staf " + tenant, "telepon": "0812"})
	mk("admin", "POST", "/api/v1/pegawai/"+o.Rekan.NIP+"/riwayat", map[string]any{"jenis": "KENAIKAN_PANGKAT",
		"berlaku_mulai": fmt.Sprintf("%d-04-01", y), "golongan": "III/c", "nomor_sk": "823/" + tenant})
	mk("admin", "POST", "/api/v1/unit-kerja", map[string]any{"kode": "SUB2-" + tenant, "nama": "Bidang 2", "jenis": "BIDANG", "parent_id": o.OPD1.ID})
	mk("admin", "PATCH", "/api/v1/unit-kerja/"+o.Sub1.ID, map[string]any{"nama": "Bidang A1 " + tenant})
	mk("admin", "POST", "/api/v1/jabatan", map[string]any{"unit_kerja_id": o.Sub1.ID, "kode": "J-ANALIS-" + tenant, "nama": "Analis",
		"jenis": "PELAKSANA", "kelas_jabatan": 7, "atasan_jabatan_id": o.JKabid.ID, "kebutuhan": 2})
	mk("admin", "PATCH", "/api/v1/jabatan/"+o.JStaf.ID, map[string]any{"kebutuhan": 4})
	mk("admin", "POST", "/api/v1/kehadiran/koreksi", map[string]any{"nip": o.Staf.NIP, "waktu": yesterday + "T08:00:00+08:00",
		"jenis": "MASUK", "alasan": "Lupa absen"})
	if id := f.lastID("kegiatan", tenant); id != "" {
		mk("kabid", "POST", "/api/v1/kegiatan/verifikasi", map[string]any{"items": []any{map[string]any{"id": id, "status": "DITERIMA"}}})
	}
	if id := f.lastID("izin", tenant); id != "" {
		mk("kabid", "POST", "/api/v1/izin/"+id+"/keputusan", map[string]any{"keputusan": "DISETUJUI", "catatan": "ok"})
	}
	if id := f.lastID("keberatan", tenant); id != "" {
		mk("kadis", "POST", "/api/v1/keberatan/"+id+"/putusan", map[string]any{"keputusan": "DIKUATKAN", "alasan": "Sudah sesuai"})
	}
	if id := f.lastID("umpan-balik", tenant); id != "" {
		mk("rekan", "POST", "/api/v1/umpan-balik/"+id+"/jawaban", map[string]any{"jawaban": []any{
			map[string]any{"nilai": "AKUNTABEL", "rating": "SESUAI_EKSPEKTASI", "komentar": "Baik"}}})
	}
	mk("admin", "POST", "/api/v1/tpp/simulasi", map[string]any{"tahun": y, "bulan": 1, "rinci": true})
	mk("admin", "POST", "/api/v1/penilaian/finalisasi", map[string]any{"unit_kerja_id": o.Sub1.ID, "tahun": y, "jenis": "PERIODIK", "periode": 3})
	mk("admin", "PUT", "/api/v1/predikat-organisasi", map[string]any{"unit_kerja_id": o.OPD1.ID, "tahun": y, "jenis": "PERIODIK",
		"periode": 1, "predikat": "BAIK", "catatan": "Capaian unit"})
	if id := f.lastID("aturan-tpp", tenant); id != "" {
		mk("admin", "PUT", "/api/v1/aturan-tpp/"+id, map[string]any{"nama": "Perkada TPP (ubah)", "berlaku_mulai": fmt.Sprintf("%d-01-01", y-1),
			"preset": "KEPMENDAGRI_60_40"})
	}
	if run != "" {
		mk("keuangan", "POST", "/api/v1/perhitungan-tpp/"+run+"/setujui", map[string]any{"catatan": "Sesuai"})
	}
	if id := f.lastID("pengguna", tenant); id != "" {
		mk("admin", "PATCH", "/api/v1/pengguna/"+id, map[string]any{"nonaktif": false})
		mk("admin", "POST", "/api/v1/pengguna/"+id+"/reset-password", map[string]any{"password_baru": apptest.Password + "-baru"})
	}
	mk("admin", "POST", "/api/v1/auth/login", map[string]any{"username": "penguji." + strings.ToLower(tenant), "password": apptest.Password + "-baru"})
}

// lastID is the id of the resource that tenant showed last.
func (f *hstFuzzer) lastID(pool, tenant string) string {
	p := f.pools[pool]
	for i := len(p) - 1; i >= 0; i-- {
		if f.owner[p[i]] == tenant {
			return p[i]
		}
	}
	return ""
}

// call sends a well-formed request of the test's own (priming, read-backs) through
// the same oracles as generated ones; it returns an empty response on a
// transport error, which is reported.
func (f *hstFuzzer) call(actor, method, target string, body any, header map[string]string) *hstResp {
	f.t.Helper()
	r := hstReq{Actor: actor, Method: method, Target: target, Header: map[string]string{}, Tags: []string{"test's own request"}}
	for k, v := range header {
		r.Header[k] = v
	}
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			f.t.Fatal(err)
		}
		r.Body, r.HasBody = b, true
		r.Header["Content-Type"] = "application/json"
	}
	r.Op = &hstOp{ID: "?", Method: method, Path: target}
	if probe, err := http.NewRequestWithContext(context.Background(), method, target, nil); err == nil {
		if route, _, err := f.router.FindRoute(probe); err == nil {
			for _, op := range f.ops {
				if op.ID == route.Operation.OperationID {
					r.Op = op
				}
			}
		}
	}
	res := f.check(f.t, r)
	if res.Status >= 200 && res.Status < 300 && r.HasBody && r.Op.ID != "?" && len(f.seeds["op:"+r.Op.ID]) < 4 {
		f.seeds["op:"+r.Op.ID] = append(f.seeds["op:"+r.Op.ID], r.Body)
		f.seedReqs[r.Op.ID] = append(f.seedReqs[r.Op.ID], r)
	}
	return res
}

var hstUUID = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// harvest learns the ids in a JSON response: an object's "id" belongs to the
// resource it sits in, a "x_id" to the pool of x, a "nip" to the NIPs.
func (f *hstFuzzer) harvest(path string, body []byte, tenant string) {
	var v any
	if json.Unmarshal(body, &v) != nil {
		return
	}
	resource := ""
	if rest, ok := strings.CutPrefix(path, "/api/v1/"); ok {
		resource, _, _ = strings.Cut(rest, "/")
	}
	var walk func(v any, pool string)
	walk = func(v any, pool string) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e, pool)
			}
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(x)) {
				s, _ := x[k].(string)
				switch {
				case k == "id" && hstUUID.MatchString(s):
					f.add(pool, s, tenant)
				case k == "nip" && len(s) == 18:
					f.add("nip", s, tenant)
				case strings.HasSuffix(k, "_id") && hstUUID.MatchString(s):
					f.add(hstPoolOf(k, resource), s, tenant)
				default:
					next := pool
					if k != "items" && k != "baris" && k != "hasil" {
						next = hstPoolOf(k, resource)
					}
					walk(x[k], next)
				}
			}
		}
	}
	walk(v, resource)
}

// hstPoolOf maps a field name to the pool of ids it refers to.
func hstPoolOf(field, resource string) string {
	f := strings.TrimSuffix(strings.TrimSuffix(field, "_ids"), "_id")
	switch f {
	case "id", "ids":
		return resource
	case "rhk_atasan":
		return "rhk"
	case "indikator":
		return "iki"
	case "perhitungan_asal", "perhitungan_tpp":
		return "perhitungan-tpp"
	case "parent", "root", "unit", "unit_kerja":
		return "unit-kerja"
	case "aktor", "pengguna":
		return "pengguna"
	case "klien":
		return "klien-api"
	case "menggantikan":
		return "kehadiran"
	case "pegawai":
		return "pegawai-id"
	}
	return strings.ReplaceAll(f, "_", "-")
}

func (f *hstFuzzer) pool(name string) []string {
	if name == "nip" {
		return f.pools["nip"]
	}
	if p := f.pools[name]; len(p) > 0 {
		return p
	}
	return nil
}

// bOnly reports the ids that only instansi B has shown.
func (f *hstFuzzer) bOnly() []string {
	if f.bIDs == nil {
		f.bIDs = []string{}
		for id, o := range f.owner {
			if o == "B" && hstUUID.MatchString(id) {
				f.bIDs = append(f.bIDs, id)
			}
		}
	}
	return f.bIDs
}

// ---------------------------------------------------------------------------
// Requests

type hstReq struct {
	Op      *hstOp
	Example int
	Actor   string // admin, pegawai, anon, bad
	Method  string
	Target  string // path and query, as sent
	Header  map[string]string
	Body    []byte
	HasBody bool
	Chunked bool
	Tags    []string // what is hostile about it
}

// draw generates one request for op.
func (f *hstFuzzer) draw(rt *rapid.T, op *hstOp) hstReq {
	g := &hstGen{rt: rt, f: f, op: op}
	// 45% of requests are valid in shape (half of them leaning hard on the edges of
	// what is valid); the rest carry mutations, sparse or dense
	g.edge = 6
	switch k := rapid.IntRange(0, 99).Draw(rt, "mode"); {
	case k < 22:
		g.p = 0
	case k < 45:
		g.p, g.edge = 0, 40
	case k < 85:
		g.p = 12
	default:
		g.p = 35
	}
	r := hstReq{Method: op.Method, Header: map[string]string{}}
	switch k := rapid.IntRange(0, 99).Draw(rt, "actor"); {
	case k < 72:
		r.Actor = "admin"
	case k < 94:
		r.Actor = "pegawai"
	case k < 97:
		r.Actor = "anon"
	default:
		r.Actor = "bad"
	}

	path := op.Path
	var query []string
	for _, p := range op.Params {
		switch p.In {
		case "path":
			v := g.pathParam(p)
			path = strings.Replace(path, "{"+p.Name+"}", url.PathEscape(v), 1)
		case "query":
			if p.Required && g.mutate("query."+p.Name+"!") {
				g.tag("query."+p.Name, "missing-required")
				continue
			}
			if !p.Required && !rapid.Bool().Draw(rt, "q?"+p.Name) {
				continue
			}
			query = append(query, p.Name+"="+g.queryParam(p))
		case "header":
			if v, ok := g.header(p); ok {
				r.Header[p.Name] = v
			}
		}
	}
	if g.mutate("query+") {
		extra := rapid.SampledFrom([]string{
			"instansi_id=" + g.fromPool("instansi"), "page=1&page=2", "page_size=1&page_size=100000",
			"x=%ZZ", "=", "&&&", "q=" + strings.Repeat("a", 8000),
		}).Draw(rt, "query+")
		g.tag("query", "extra:"+hstCut(extra, 30))
		query = append(query, extra)
	}
	r.Target = path
	if len(query) > 0 {
		r.Target += "?" + strings.Join(query, "&")
	}
	g.headers(&r)
	g.body(&r)
	r.Tags = g.tags
	return r
}

// hstGen draws the parts of one request; p is the chance in percent that any one
// site (a parameter, a field, the body as a whole) is made hostile.
type hstGen struct {
	rt   *rapid.T
	f    *hstFuzzer
	op   *hstOp
	p    int // chance in percent that a site is made hostile
	edge int // chance in percent that a valid value is taken from the edge of its range
	tags []string
}

func (g *hstGen) mutate(site string) bool {
	return g.p > 0 && rapid.IntRange(0, 99).Draw(g.rt, "m:"+site) < g.p
}

func (g *hstGen) chance(site string, percent int) bool {
	return rapid.IntRange(0, 99).Draw(g.rt, "c:"+site) < percent
}

func (g *hstGen) tag(site, kind string) { g.tags = append(g.tags, site+":"+kind) }

func (g *hstGen) fromPool(name string) string {
	p := g.f.pool(name)
	if len(p) == 0 {
		return uuid.NewString()
	}
	return rapid.SampledFrom(p).Draw(g.rt, "pool:"+name)
}

// anyID is an id of any resource of either instansi.
func (g *hstGen) anyID() string {
	var all []string
	for _, k := range slices.Sorted(maps.Keys(g.f.pools)) {
		if k != "nip" {
			all = append(all, g.f.pools[k]...)
		}
	}
	if len(all) == 0 {
		return uuid.NewString()
	}
	return rapid.SampledFrom(all).Draw(g.rt, "anyid")
}

var hstBadIDs = []string{"", "0", "-1", "abc", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
	"0190a000-0000-7000-8000-00000000000", "0190a000-0000-7000-8000-0000000000000", "{0190a000-0000-7000-8000-000000000000}",
	"0190a000000070008000000000000000", "..", "../pegawai", "%", "a/b", "' OR '1'='1", "1e3", "99999999999999999999",
	"😀", "null", "undefined", strings.Repeat("a", 3000)}

var hstBadNIPs = []string{"", "1", "19900303201503100", "1990030320150310033", "abcdefghijklmnopqr", "000000000000000000",
	"999999999999999999", "199902302015031003", "199913012015131003", "199001012015013999", "19900101 201501 3 001",
	"-19900101201501300", "１９９００１０１２０１５０１３００１", strings.Repeat("9", 3000)}

func (g *hstGen) pathParam(p *openapi3.Parameter) string {
	site := "path." + p.Name
	if g.mutate(site) {
		var bad []string
		switch p.Name {
		case "nip":
			bad = hstBadNIPs
		case "id":
			bad = append(slices.Clone(hstBadIDs), strings.ToUpper(g.fromPool(g.op.Resource)), uuid.NewString(), g.anyID())
		default:
			bad = slices.Concat(hstBadQuery, hstBadIDs)
		}
		v := rapid.SampledFrom(bad).Draw(g.rt, site)
		g.tag(site, "bad:"+hstCut(v, 24))
		return v
	}
	switch p.Name {
	case "id":
		if g.chance(site, 85) {
			return g.fromPool(g.op.Resource)
		}
		return uuid.NewString()
	case "nip":
		if g.chance(site, 85) {
			return g.fromPool("nip")
		}
		return hstNIP(g.rt)
	}
	return g.scalar(site, p.Name, hstResolve(p.Schema))
}

var hstBadQuery = []string{"", "0", "-1", "999999999", "100000", "100001", "2147483648", "9223372036854775808",
	"99999999999999999999", "1.5", "1e3", "-0", "abc", "NaN", "Infinity", "true", "null", "%00", "%ff%fe", "%ZZ", "%",
	"2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "2026-02-29", "' OR 1=1--", "%3Cscript%3E", "%E2%80%AE",
	strings.Repeat("a", 5000)}

func (g *hstGen) queryParam(p *openapi3.Parameter) string {
	site := "query." + p.Name
	s := hstResolve(p.Schema)
	if g.mutate(site) {
		bad := slices.Clone(hstBadQuery)
		if s.Max != nil {
			bad = append(bad, strconv.FormatInt(int64(*s.Max)+1, 10))
		}
		if s.Min != nil {
			bad = append(bad, strconv.FormatInt(int64(*s.Min)-1, 10))
		}
		if s.MaxLength != nil {
			bad = append(bad, strings.Repeat("x", int(*s.MaxLength)+1))
		}
		v := rapid.SampledFrom(bad).Draw(g.rt, site)
		g.tag(site, "bad:"+hstCut(v, 24))
		if strings.HasPrefix(v, "%") {
			return v // a deliberate escape (NUL, invalid UTF-8, a broken escape)
		}
		return url.QueryEscape(v)
	}
	if p.Name == "nip" {
		return g.fromPool("nip")
	}
	return url.QueryEscape(g.scalar(site, p.Name, s))
}

// scalar is a valid-looking parameter value for the schema.
func (g *hstGen) scalar(site, name string, s *openapi3.Schema) string {
	switch v := g.valid(site, name, s, 0).(type) {
	case string:
		return v
	case nil:
		return ""
	default:
		var b bytes.Buffer
		hstEncode(&b, v)
		return b.String()
	}
}

func (g *hstGen) header(p *openapi3.Parameter) (string, bool) {
	site := "header." + p.Name
	if !p.Required && !g.chance(site+"?", 50) {
		return "", false
	}
	if g.mutate(site) {
		v := rapid.SampledFrom([]string{"", "garbage", `W/"-1"`, `W/"99999999999999999999"`, `W/""`, `W/"1", W/"2"`,
			"*", strings.Repeat("9", 65), strings.Repeat("k", 101), "kunci", "kunci-é-ü", `"` + strings.Repeat("x", 300) + `"`}).Draw(g.rt, site)
		g.tag(site, "bad:"+hstCut(v, 24))
		return v, true
	}
	switch p.Name {
	case "If-Match":
		return rapid.SampledFrom([]string{`W/"1"`, `W/"2"`, `W/"3"`, `"1"`, `W/"0"`}).Draw(g.rt, site), true
	case "Idempotency-Key":
		return "kunci-" + strconv.Itoa(rapid.IntRange(0, 30).Draw(g.rt, site)) + "-hostile", true
	}
	return g.scalar(site, p.Name, hstResolve(p.Schema)), true
}

// headers adds the headers every operation may see.
func (g *hstGen) headers(r *hstReq) {
	if g.chance("lang", 25) {
		r.Header["Accept-Language"] = rapid.SampledFrom([]string{"en", "id", "en-US,en;q=0.9", "xx", "en;q=abc",
			"en;q=1e999", strings.Repeat("en,", 2000)}).Draw(g.rt, "lang")
	}
	if g.mutate("header.X-Instansi-ID") {
		v := rapid.SampledFrom([]string{g.f.w.B.Instansi.ID, "garbage", ""}).Draw(g.rt, "xinst")
		r.Header["X-Instansi-ID"] = v
		g.tag("header.X-Instansi-ID", hstCut(v, 12))
	}
	if g.mutate("header.X-Request-ID") {
		r.Header["X-Request-ID"] = rapid.SampledFrom([]string{strings.Repeat("r", 65), "a b", "é", "<script>"}).Draw(g.rt, "xreq")
		g.tag("header.X-Request-ID", "odd")
	}
}

// ---------------------------------------------------------------------------
// Bodies

// hstRaw is JSON text that goes into a body verbatim (invalid UTF-8, numbers
// beyond float64, and the like).
type hstRaw string

// hstObj is a JSON object whose keys keep their order and may repeat.
type hstObj []hstKV

type hstKV struct {
	K string
	V any
}

func (g *hstGen) body(r *hstReq) {
	op := g.op
	if op.Body == nil {
		if g.mutate("body?") {
			r.Body, r.HasBody = []byte(`{"instansi_id":"`+g.f.w.B.Instansi.ID+`"}`), true
			r.Header["Content-Type"] = "application/json"
			g.tag("body", "unexpected")
		}
		return
	}
	cts := slices.Sorted(maps.Keys(op.Body.Content))
	ct := rapid.SampledFrom(cts).Draw(g.rt, "ct")
	if slices.Contains(cts, "application/json") {
		ct = "application/json"
	}
	r.Header["Content-Type"] = ct
	if g.mutate("content-type") {
		bad := rapid.SampledFrom([]string{"", "text/plain", "application/xml", "application/json; charset=utf-16",
			"multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json, text/csv", "*/*"}).Draw(g.rt, "ct!")
		r.Header["Content-Type"] = bad
		g.tag("content-type", bad)
	}
	r.HasBody = true
	if g.mutate("body") {
		kind, b, chunked := g.rawBody()
		r.Body, r.Chunked = b, chunked
		if kind == "absent" {
			r.HasBody = false
			delete(r.Header, "Content-Type")
		}
		g.tag("body", kind)
		return
	}
	if ct != "application/json" {
		r.Body = []byte(g.csv())
		return
	}
	schema := op.Body.Content[ct].Schema
	var v any
	if seeds := g.f.seeds["op:"+op.ID]; len(seeds) > 0 && g.chance("seeded", 60) {
		// an accepted body, changed in one or two places: reaches past the validator
		v = hstDecode(rapid.SampledFrom(seeds).Draw(g.rt, "seed"))
		if m, ok := v.(map[string]any); ok && g.chance("fresh", 50) {
			hstFreshen(m, "", rapid.IntRange(0, 1<<30).Draw(g.rt, "freshn"))
		}
		if g.p > 0 {
			for i := range rapid.IntRange(1, 2).Draw(g.rt, "seedmuts") {
				v = g.mutateSeed("body#"+strconv.Itoa(i), v, schema, 0)
			}
		}
		g.tag("body", "seeded")
	} else {
		v = g.value("body", "", schema, 0)
	}
	var b bytes.Buffer
	hstEncode(&b, v)
	r.Body = b.Bytes()
}

func hstDecode(raw []byte) any {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		panic(err)
	}
	return v
}

// mutateSeed changes one field of an accepted body, guided by its schema: it
// descends into a nested object or array, or replaces, regenerates or drops a field.
func (g *hstGen) mutateSeed(site string, v any, ref *openapi3.SchemaRef, depth int) any {
	s := hstResolve(ref)
	switch x := v.(type) {
	case map[string]any:
		if len(s.Properties) == 0 {
			return g.mutateTree(site, x, 0) // free-form: a rule profile
		}
		name := rapid.SampledFrom(slices.Sorted(maps.Keys(s.Properties))).Draw(g.rt, "field:"+site)
		fsite, prop := site+"."+name, s.Properties[name]
		cur, present := x[name]
		_, isObj := cur.(map[string]any)
		_, isArr := cur.([]any)
		if present && (isObj || isArr) && depth < 6 && g.chance(fsite+">", 60) {
			x[name] = g.mutateSeed(fsite, cur, prop, depth+1)
			return x
		}
		switch k := rapid.IntRange(0, 9).Draw(g.rt, "how:"+fsite); {
		case k == 0:
			delete(x, name)
			g.tag(fsite, "dropped")
		case k < 5:
			edge := g.edge
			g.edge = 50
			x[name] = g.valid(fsite, name, hstResolve(prop), depth+1)
			g.edge = edge
			g.tag(fsite, "regenerated")
		default:
			x[name] = g.hostile(fsite, hstResolve(prop))
		}
		return x
	case []any:
		if len(x) > 0 && s.Items != nil {
			i := rapid.IntRange(0, len(x)-1).Draw(g.rt, "item:"+site)
			x[i] = g.mutateSeed(site+"/"+strconv.Itoa(i), x[i], s.Items, depth+1)
			return x
		}
	}
	return g.hostile(site, s)
}

// hstLimit is the body limit of test servers (apptest.Options).
const hstLimit = 1 << 20

// rawBody is a hostile body as a whole.
func (g *hstGen) rawBody() (string, []byte, bool) {
	kind := rapid.SampledFrom([]string{"empty", "absent", "null", "array", "string", "number", "truncated", "missing-value",
		"two-values", "trailing-garbage", "bom", "invalid-utf8", "nul-raw", "nul-escaped", "huge-number", "deep-array",
		"deep-object", "oversized", "oversized-chunked", "many-keys", "long-key", "duplicate-keys"}).Draw(g.rt, "raw")
	switch kind {
	case "empty", "absent":
		return kind, nil, false
	case "null":
		return kind, []byte("null"), false
	case "array":
		return kind, []byte("[{}]"), false
	case "string":
		return kind, []byte(`"{}"`), false
	case "number":
		return kind, []byte("123"), false
	case "truncated":
		return kind, []byte(`{"nama": "x"`), false
	case "missing-value":
		return kind, []byte(`{"nama":}`), false
	case "two-values":
		return kind, []byte(`{} {}`), false
	case "trailing-garbage":
		return kind, []byte(`{}garbage`), false
	case "bom":
		return kind, []byte("\xef\xbb\xbf{}"), false
	case "invalid-utf8":
		return kind, []byte("{\"nama\": \"\xff\xfe\xc0\xaf\"}"), false
	case "nul-raw":
		return kind, []byte("{\"nama\": \"a\x00b\"}"), false
	case "nul-escaped":
		return kind, []byte(`{"nama": "a\u0000b"}`), false
	case "huge-number":
		return kind, []byte(`{"tahun": 1e999999, "jumlah": 123456789012345678901234567890}`), false
	case "deep-array":
		return kind, []byte(strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)), false
	case "deep-object":
		return kind, []byte(strings.Repeat(`{"a":`, 20_000) + "1" + strings.Repeat("}", 20_000)), false
	case "oversized", "oversized-chunked":
		return kind, []byte(`{"nama": "` + strings.Repeat("x", hstLimit) + `"}`), kind == "oversized-chunked"
	case "many-keys":
		var b strings.Builder
		b.WriteString("{")
		for i := range 40_000 {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `"k%d":%d`, i, i)
		}
		b.WriteString("}")
		return kind, []byte(b.String()), false
	case "long-key":
		return kind, []byte(`{"` + strings.Repeat("k", 500_000) + `": 1}`), false
	case "duplicate-keys":
		return kind, []byte(`{"nama": "a", "nama": 1, "nama": null}`), false
	}
	panic(kind)
}

// value is a JSON value for the schema: valid, or with probability p hostile.
func (g *hstGen) value(site, name string, ref *openapi3.SchemaRef, depth int) any {
	s := hstResolve(ref)
	if g.mutate(site) {
		return g.hostile(site, s)
	}
	if hstIs(s, "object") || (s.Type == nil && len(s.Properties) > 0) {
		if len(s.Properties) == 0 && s.AdditionalProperties.Schema == nil {
			return g.freeForm(site, hstRefName(ref))
		}
		return g.object(site, s, depth)
	}
	if hstIs(s, "array") {
		hi := int(s.MinItems) + 3
		if s.MaxItems != nil && int(*s.MaxItems) < hi {
			hi = int(*s.MaxItems)
		}
		n := rapid.IntRange(int(s.MinItems), max(hi, int(s.MinItems))).Draw(g.rt, "n:"+site)
		out := make([]any, 0, n)
		for i := range n {
			out = append(out, g.value(site+"/"+strconv.Itoa(i), name, s.Items, depth+1))
		}
		return out
	}
	return g.valid(site, name, s, depth)
}

func (g *hstGen) object(site string, s *openapi3.Schema, depth int) any {
	var obj hstObj
	for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
		fsite := site + "." + name
		if slices.Contains(s.Required, name) {
			if g.mutate(fsite + "!") {
				g.tag(fsite, "missing-required")
				continue
			}
		} else if !g.chance(fsite+"?", 55) {
			continue
		}
		obj = append(obj, hstKV{name, g.value(fsite, name, s.Properties[name], depth+1)})
	}
	if g.mutate(site + "+") {
		k := rapid.SampledFrom([]string{"instansi_id", "id", "status", "version", "created_at", "disetujui_oleh",
			"__proto__", "constructor", "", "NAMA", "nama ", "x"}).Draw(g.rt, "unknown")
		obj = append(obj, hstKV{k, g.f.w.B.Instansi.ID})
		g.tag(site, "unknown-field:"+k)
	}
	if len(obj) > 0 && g.mutate(site+"dup") {
		obj = append(obj, hstKV{obj[0].K, hstRaw(`{"x":[1,"2",null]}`)})
		g.tag(site, "duplicate-key:"+obj[0].K)
	}
	return obj
}

// freeForm is a value for a schema that only says "object": a stored example
// (a rule profile from a preset), mutated in one to three places.
func (g *hstGen) freeForm(site, schemaName string) any {
	seeds := g.f.seeds[schemaName]
	if len(seeds) == 0 {
		return hstObj{{"a", 1}}
	}
	v := hstDecode(rapid.SampledFrom(seeds).Draw(g.rt, "seed:"+site))
	if g.p == 0 {
		return v
	}
	for i := range rapid.IntRange(1, 3).Draw(g.rt, "muts:"+site) {
		v = g.mutateTree(site+"#"+strconv.Itoa(i), v, 0)
	}
	return v
}

// mutateTree walks down a random branch and changes what it finds there.
func (g *hstGen) mutateTree(site string, v any, depth int) any {
	descend := depth < 12 && g.chance(site+"/d"+strconv.Itoa(depth), 75)
	switch x := v.(type) {
	case map[string]any:
		keys := slices.Sorted(maps.Keys(x))
		if descend && len(keys) > 0 {
			k := rapid.SampledFrom(keys).Draw(g.rt, "key")
			x[k] = g.mutateTree(site+"."+k, x[k], depth+1)
			return x
		}
		switch op := rapid.IntRange(0, 3).Draw(g.rt, "objop"); {
		case op == 0 && len(keys) > 0:
			k := rapid.SampledFrom(keys).Draw(g.rt, "del")
			delete(x, k)
			g.tag(site, "deleted:"+k)
		case op == 1:
			x["tidak_dikenal"] = 1
			g.tag(site, "unknown-key")
		case op == 2:
			x["dalam"] = hstRaw(strings.Repeat("[", 5000) + strings.Repeat("]", 5000))
			g.tag(site, "deep-5000")
		default:
			return g.hostileScalar(site)
		}
		return x
	case []any:
		if descend && len(x) > 0 {
			i := rapid.IntRange(0, len(x)-1).Draw(g.rt, "idx")
			x[i] = g.mutateTree(site+"/"+strconv.Itoa(i), x[i], depth+1)
			return x
		}
		switch op := rapid.IntRange(0, 3).Draw(g.rt, "arrop"); {
		case op == 0 && len(x) > 0:
			g.tag(site, "repeated-5000")
			out := make([]any, 0, 5000)
			for range 5000 {
				out = append(out, x[0])
			}
			return out
		case op == 1:
			g.tag(site, "emptied")
			return []any{}
		case op == 2 && len(x) > 1:
			g.tag(site, "reversed")
			slices.Reverse(x)
			return x
		default:
			return g.hostileScalar(site)
		}
	}
	return g.hostileScalar(site)
}

// hostileScalar is any hostile JSON scalar; profiles hold numbers and codes.
func (g *hstGen) hostileScalar(site string) any {
	b := rapid.SampledFrom(hstBadAny).Draw(g.rt, "scalar:"+site)
	g.tag(site, b.kind)
	return b.v
}

type hstBad struct {
	kind string
	v    any
}

var hstBadAny = []hstBad{
	{"null", nil}, {"true", true}, {"zero", json.Number("0")}, {"negative", json.Number("-1")}, {"-0", hstRaw("-0")},
	{"1e400", hstRaw("1e400")}, {"-1e400", hstRaw("-1e400")}, {"1e-400", hstRaw("1e-400")},
	{"int64+1", hstRaw("9223372036854775808")}, {"int64-min-1", hstRaw("-9223372036854775809")},
	{"huge-int", hstRaw("123456789012345678901234567890")}, {"tiny-decimal", hstRaw("0.000000000000000000001")},
	{"long-decimal", hstRaw("1." + strings.Repeat("3", 400))}, {"1e15", hstRaw("1e15")}, {"1.5", hstRaw("1.5")},
	{"NaN-string", "NaN"}, {"Infinity-string", "Infinity"}, {"number-string", "12"}, {"empty-string", ""},
	{"invalid-utf8", hstRaw("\"\xff\xfe\"")}, {"nul", hstRaw(`"a\u0000b"`)}, {"lone-surrogate", hstRaw(`"\ud800"`)},
	{"long-string", strings.Repeat("x", 100_000)}, {"object", hstObj{}}, {"array", []any{}},
}

// hostile is a value that breaks the schema, or sits on its very edge.
func (g *hstGen) hostile(site string, s *openapi3.Schema) any {
	var bad []hstBad
	switch {
	case len(s.Enum) > 0:
		first := fmt.Sprint(s.Enum[0])
		bad = append(bad, hstBad{"enum-lowercase", strings.ToLower(first)}, hstBad{"enum-unknown", "TIDAK_ADA"},
			hstBad{"enum-padded", " " + first}, hstBad{"enum-number", json.Number("0")})
	case hstIs(s, "string"):
		bad = g.badStrings(s)
	case hstIs(s, "integer"), hstIs(s, "number"):
		bad = hstBadNumbers(s)
	case hstIs(s, "boolean"):
		bad = []hstBad{{"bool-string", "true"}, {"bool-number", json.Number("1")}}
	case hstIs(s, "array"):
		bad = []hstBad{{"array-object", hstObj{}}, {"array-string", "x"}, {"array-nulls", []any{nil, nil}},
			{"array-deep", hstRaw(strings.Repeat("[", 3000) + strings.Repeat("]", 3000))}}
		if s.MaxItems != nil && *s.MaxItems <= 2000 {
			p := g.p
			g.p = 0 // one plain item, repeated
			item := g.value(site+"/x", "", s.Items, 9)
			g.p = p
			items := make([]any, int(*s.MaxItems)+1)
			for i := range items {
				items[i] = item
			}
			bad = append(bad, hstBad{"maxItems+1", items})
		}
		if s.MinItems > 0 {
			bad = append(bad, hstBad{"minItems-1", make([]any, 0)})
		}
	default:
		bad = []hstBad{{"object-array", []any{}}, {"object-string", "x"},
			{"object-deep", hstRaw(strings.Repeat(`{"a":`, 3000) + "1" + strings.Repeat("}", 3000))}}
	}
	bad = append(bad, hstBad{"null", nil}, hstBad{"wrong-type-object", hstObj{{"x", 1}}}, hstBad{"wrong-type-bool", false})
	if !hstIs(s, "string") {
		bad = append(bad, hstBad{"wrong-type-string", "1"})
	} else {
		bad = append(bad, hstBad{"wrong-type-number", json.Number("1")})
	}
	b := rapid.SampledFrom(bad).Draw(g.rt, "bad:"+site)
	g.tag(site, b.kind)
	return b.v
}

func (g *hstGen) badStrings(s *openapi3.Schema) []hstBad {
	bad := []hstBad{
		{"empty", ""}, {"spaces", "   "}, {"nul", hstRaw(`"a\u0000b"`)}, {"invalid-utf8", hstRaw("\"a\xff\xfeb\"")},
		{"overlong-utf8", hstRaw("\"\xc0\xaf\"")}, {"lone-surrogate", hstRaw(`"\udc00x"`)}, {"NaN", "NaN"},
		{"sql", "' OR '1'='1' --"}, {"format-verbs", "%s%n%x%d"}, {"html", "<script>alert(1)</script>"},
		{"rtl-override", "\u202egnp.exe"}, {"crlf", "a\r\nb"}, {"zero-width", "\u200b"}, {"emoji", "😀"},
	}
	if s.MaxLength != nil {
		n := int(*s.MaxLength)
		bad = append(bad, hstBad{"maxLength+1", strings.Repeat("x", n+1)}, hstBad{"maxLength+1-multibyte", strings.Repeat("€", n+1)},
			hstBad{"maxLength-4byte-runes", strings.Repeat("😀", n)}, hstBad{"maxLength-2byte-runes", strings.Repeat("é", n)})
	} else {
		bad = append(bad, hstBad{"100k", strings.Repeat("x", 100_000)})
	}
	if s.MinLength > 0 {
		bad = append(bad, hstBad{"minLength-1", strings.Repeat("x", int(s.MinLength)-1)})
	}
	if s.Pattern != "" {
		bad = append(bad, hstBad{"pattern-miss", "!!"}, hstBad{"pattern+newline", g.valid("p", "", s, 0).(string) + "\n"})
	}
	switch s.Format {
	case "date":
		for _, d := range []string{"2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "0000-01-01",
			"0001-01-01", "1900-01-01", "9999-12-31", "10000-01-01", "2026-1-1", "26-01-01", "2026-01-01T00:00:00Z", "2026/01/01"} {
			bad = append(bad, hstBad{"date:" + d, d})
		}
	case "date-time":
		for _, d := range []string{"2026-02-30T08:00:00Z", "2026-01-01T25:00:00Z", "2026-01-01T08:00:00+25:00",
			"0000-01-01T00:00:00Z", "9999-12-31T23:59:59-23:59", "2026-01-01T08:00:00", "2026-01-01", "2026-01-01T08:00:60Z",
			"2026-01-01T08:00:00.123456789123Z"} {
			bad = append(bad, hstBad{"date-time:" + d, d})
		}
	case "uuid":
		bad = append(bad, hstBad{"uuid-nil", "00000000-0000-0000-0000-000000000000"}, hstBad{"uuid-upper", strings.ToUpper(g.anyID())},
			hstBad{"uuid-braced", "{" + uuid.NewString() + "}"}, hstBad{"uuid-short", "0190a000-0000-7000-8000"},
			hstBad{"uuid-other-resource", g.anyID()})
	case "email":
		bad = append(bad, hstBad{"email-no-domain", "a@"}, hstBad{"email-space", "a b@c.id"},
			hstBad{"email-long", strings.Repeat("a", 190) + "@kota.go.id"})
	}
	return bad
}

func hstBadNumbers(s *openapi3.Schema) []hstBad {
	bad := []hstBad{
		{"zero", json.Number("0")}, {"-1", json.Number("-1")}, {"-0", hstRaw("-0")}, {"int64-max", hstRaw("9223372036854775807")},
		{"int64+1", hstRaw("9223372036854775808")}, {"int64-min-1", hstRaw("-9223372036854775809")},
		{"uint64+1", hstRaw("18446744073709551616")}, {"huge-int", hstRaw("123456789012345678901234567890")},
		{"1e30", hstRaw("1e30")}, {"1e400", hstRaw("1e400")}, {"-1e400", hstRaw("-1e400")}, {"1e-400", hstRaw("1e-400")},
		{"fraction", hstRaw("1.5")}, {"exponent-int", hstRaw("1e2")}, {"NaN-string", "NaN"}, {"Infinity-string", "Infinity"},
		{"number-string", "1"},
	}
	if s.Max != nil {
		bad = append(bad, hstBad{"max+1", json.Number(strconv.FormatFloat(*s.Max+1, 'f', -1, 64))},
			hstBad{"max+epsilon", json.Number(strconv.FormatFloat(*s.Max, 'f', -1, 64) + ".0000001")})
	}
	if s.Min != nil {
		bad = append(bad, hstBad{"min-1", json.Number(strconv.FormatFloat(*s.Min-1, 'f', -1, 64))})
	}
	return bad
}

// valid is an in-schema scalar (or an object/array via value), leaning on the
// edges: exact maximum lengths in multi-byte runes, minimum and maximum numbers.
func (g *hstGen) valid(site, name string, s *openapi3.Schema, depth int) any {
	if s.Nullable && g.chance(site+"~", 5) {
		return nil
	}
	switch {
	case len(s.Enum) > 0:
		return rapid.SampledFrom(s.Enum).Draw(g.rt, "enum:"+site)
	case hstIs(s, "boolean"):
		return rapid.Bool().Draw(g.rt, site)
	case hstIs(s, "integer"):
		return json.Number(strconv.FormatInt(g.integer(site, name, s), 10))
	case hstIs(s, "number"):
		lo, hi := -1e6, 1e6
		if s.Min != nil {
			lo = *s.Min
		}
		if s.Max != nil {
			hi = *s.Max
		}
		if g.chance("ne:"+site, g.edge) {
			return json.Number(strconv.FormatFloat(rapid.SampledFrom([]float64{lo, hi}).Draw(g.rt, "nedge:"+site), 'f', -1, 64))
		}
		return json.Number(strconv.FormatFloat(rapid.Float64Range(lo, hi).Draw(g.rt, site), 'g', -1, 64))
	case hstIs(s, "object"), hstIs(s, "array"):
		return g.value(site, name, &openapi3.SchemaRef{Value: s}, depth)
	}
	// strings
	maxLen := 40
	if s.MaxLength != nil && int(*s.MaxLength) < maxLen {
		maxLen = int(*s.MaxLength)
	}
	switch s.Format {
	case "uuid":
		if name == "" || g.chance(site+"u", 10) {
			return uuid.NewString()
		}
		return g.fromPool(hstPoolOf(name, g.op.Resource))
	case "date":
		if g.chance(site+"x", g.edge) {
			v := rapid.SampledFrom(hstEdgeDates).Draw(g.rt, "xd:"+site)
			g.tag(site, "extreme:"+v)
			return v
		}
		return time.Date(rapid.IntRange(2024, 2027).Draw(g.rt, "y:"+site), time.Month(rapid.IntRange(1, 12).Draw(g.rt, "m:"+site)),
			rapid.IntRange(1, 28).Draw(g.rt, "d:"+site), 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	case "date-time":
		if g.chance(site+"x", g.edge) {
			v := rapid.SampledFrom(hstEdgeTimes).Draw(g.rt, "xt:"+site)
			g.tag(site, "extreme:"+v)
			return v
		}
		return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rapid.Int64Range(-1e15, 1e15).Draw(g.rt, site))).Format(time.RFC3339)
	case "email":
		return fmt.Sprintf("pegawai%d@kota-a.go.id", rapid.IntRange(0, 999).Draw(g.rt, site))
	}
	if name == "golongan" && g.chance(site+"g", 70) {
		return rapid.SampledFrom([]string{"I/a", "II/c", "III/a", "III/d", "IV/a", "IV/e", "IX", "XVII"}).Draw(g.rt, site)
	}
	if name == "nip" && g.chance(site+"n", 60) {
		if g.chance(site+"p", 50) {
			return g.fromPool("nip")
		}
		return hstNIP(g.rt)
	}
	if s.Pattern != "" {
		if v, ok := g.matching(site, s.Pattern, s.MaxLength); ok {
			return v
		}
	}
	if s.MaxLength != nil && g.chance(site+"edge", g.edge) {
		return strings.Repeat(rapid.SampledFrom([]string{"a", "é", "€", "😀"}).Draw(g.rt, "edge:"+site), int(*s.MaxLength))
	}
	return rapid.StringOfN(rapid.RuneFrom(hstRunes), int(s.MinLength), max(maxLen, int(s.MinLength)), -1).Draw(g.rt, site)
}

// Dates and instants that the spec's formats accept but that sit at the ends of
// the calendar (0001-01-01 is Go's zero time).
var (
	hstEdgeDates = []string{"0001-01-01", "0001-01-02", "1900-01-01", "1970-01-01", "2000-02-29", "2100-12-31", "9999-12-31"}
	hstEdgeTimes = []string{"0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
		"9999-12-31T23:59:59-23:59", "2026-01-01T00:00:00.999999999+08:00"}
)

var hstRunes = []rune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-/()'’éāç€😀")

func (g *hstGen) integer(site, name string, s *openapi3.Schema) int64 {
	lo, hi := int64(-1_000_000), int64(1_000_000)
	if s.Min != nil {
		lo = int64(*s.Min)
		if s.ExclusiveMin.IsTrue() {
			lo++
		}
	}
	if s.Max != nil {
		hi = int64(*s.Max)
		if s.ExclusiveMax.IsTrue() {
			hi--
		}
	}
	if hi < lo {
		return lo
	}
	if g.chance("ie:"+site, g.edge) {
		v := rapid.SampledFrom([]int64{lo, hi, lo + 1, hi - 1}).Draw(g.rt, "iedge:"+site)
		g.tag(site, "extreme:"+strconv.FormatInt(v, 10))
		return v
	}
	switch k := rapid.IntRange(0, 9).Draw(g.rt, "ik:"+site); {
	case k == 0:
		return lo
	case k == 1:
		return hi
	case k < 6 && strings.Contains(name, "tahun") && lo <= 2026 && hi >= 2026:
		return int64(rapid.IntRange(2025, 2027).Draw(g.rt, "tahun:"+site))
	}
	return rapid.Int64Range(lo, hi).Draw(g.rt, site)
}

var (
	hstReMu sync.Mutex
	hstRe   = map[string]bool{}
)

// matching draws a string of the pattern, if rapid can read the pattern.
func (g *hstGen) matching(site, pattern string, maxLength *uint64) (string, bool) {
	hstReMu.Lock()
	ok, seen := hstRe[pattern]
	if !seen {
		_, err := regexp.Compile(pattern)
		ok = err == nil
		hstRe[pattern] = ok
	}
	hstReMu.Unlock()
	if !ok {
		return "", false
	}
	v := rapid.StringMatching(pattern).Draw(g.rt, "re:"+site)
	if maxLength != nil && len([]rune(v)) > int(*maxLength) {
		v = string([]rune(v)[:*maxLength])
	}
	return v, true
}

// hstNIP is a NIP of the PNS layout (birth date, TMT, gender, sequence) that may
// or may not be a real calendar date.
func hstNIP(rt *rapid.T) string {
	return fmt.Sprintf("%04d%02d%02d%04d%02d%d%03d",
		rapid.IntRange(1960, 2005).Draw(rt, "nip.y"), rapid.IntRange(1, 12).Draw(rt, "nip.m"), rapid.IntRange(1, 31).Draw(rt, "nip.d"),
		rapid.IntRange(1985, 2026).Draw(rt, "nip.ty"), rapid.IntRange(1, 12).Draw(rt, "nip.tm"),
		rapid.IntRange(1, 2).Draw(rt, "nip.g"), rapid.IntRange(1, 999).Draw(rt, "nip.s"))
}

// csv is a text body for the importers: a header, rows of plausible or hostile
// cells, and sometimes a hostile file as a whole.
func (g *hstGen) csv() string {
	sep := rapid.SampledFrom([]string{",", ";", "\t"}).Draw(g.rt, "sep")
	if g.mutate("csv") {
		kind := rapid.SampledFrom([]string{"empty", "header-only", "many-columns", "long-line", "unbalanced-quote",
			"cr-only", "bom", "invalid-utf8", "many-rows", "binary"}).Draw(g.rt, "csvbad")
		g.tag("csv", kind)
		switch kind {
		case "empty":
			return ""
		case "header-only":
			return "nip,waktu,jenis\n"
		case "many-columns":
			return strings.Repeat("a,", 20_000) + "\n" + strings.Repeat("1,", 20_000) + "\n"
		case "long-line":
			return "nip,nama\n" + strings.Repeat("9", 300_000) + ",x\n"
		case "unbalanced-quote":
			return "nip,nama\n\"199003032015031003,\"Ba\"di\n"
		case "cr-only":
			return "nip,waktu,jenis\r" + g.fromPool("nip") + ",2026-01-05 07:30:00,MASUK\r"
		case "bom":
			return "\ufeffnip,waktu,jenis\n" + g.fromPool("nip") + ",2026-01-05 07:30:00,MASUK\n"
		case "invalid-utf8":
			return "nip,nama\n199003032015031003,\xff\xfe\n"
		case "many-rows":
			var b strings.Builder
			b.WriteString("nip,waktu,jenis\n")
			for i := range 3000 {
				fmt.Fprintf(&b, "%s,2026-01-%02d 07:%02d:00,MASUK\n", g.fromPool("nip"), 1+i%28, i%60)
			}
			return b.String()
		case "binary":
			return "PK\x03\x04\x14\x00\x06\x00"
		}
	}
	var header []string
	var row func(i int) []string
	switch {
	case g.op.ID == "importPegawai":
		header = []string{"nip", "nama", "gelar_depan", "gelar_belakang", "jenis_asn", "tmt", "golongan", "kode_jabatan",
			"status", "berlaku_mulai", "email", "telepon", "nama_bank", "nomor_rekening"}
		row = func(i int) []string {
			return []string{hstNIP(g.rt), "Pegawai " + strconv.Itoa(i), "", "S.T.", "PNS", "2015-03-01", "III/a", "J-STAF-A",
				"AKTIF", "", "", "0812", "Bank Sulutgo", "0123456789"}
		}
	case g.chance("attlog", 40):
		sep = "\t"
		row = func(i int) []string {
			return []string{strconv.Itoa(i + 1), fmt.Sprintf("2026-01-%02d 07:%02d:00", 1+i%28, i%60), "0", "1", "0", "0"}
		}
	default:
		header = []string{"nip", "waktu", "jenis"}
		row = func(i int) []string {
			return []string{g.fromPool("nip"), fmt.Sprintf("2026-01-%02dT07:30:00+08:00", 1+i%28),
				rapid.SampledFrom([]string{"MASUK", "PULANG", ""}).Draw(g.rt, "jenis")}
		}
	}
	var b strings.Builder
	if header != nil {
		b.WriteString(strings.Join(header, sep) + "\n")
	}
	for i := range rapid.IntRange(0, 4).Draw(g.rt, "rows") {
		cells := row(i)
		for c := range cells {
			if g.mutate("csv." + strconv.Itoa(c)) {
				bad := rapid.SampledFrom([]string{"", "=HYPERLINK(\"http://x\")", "\"", "\"a\"\"b\"", "a\nb", "\xff\xfe",
					strings.Repeat("x", 70_000), "99999999999999999999", "2026-02-30 07:00:00", "-1", "😀"}).Draw(g.rt, "cell")
				g.tag("csv."+strconv.Itoa(c), "bad:"+hstCut(bad, 16))
				cells[c] = bad
			}
		}
		b.WriteString(strings.Join(cells, sep) + "\n")
	}
	return b.String()
}

// ---------------------------------------------------------------------------
// The boundary sweep

// sweep replays each accepted body of the test's own with one field (at the top
// level, or one level down) set to each value at or past the edge of its schema:
// every enum value, the ends of the calendar, exact and excess lengths in
// multi-byte runes, the ends of integer ranges and beyond, another instansi's ids.
// It is deterministic and complements the random requests.
func (f *hstFuzzer) sweep(t *testing.T) {
	for _, op := range f.ops {
		seeds := f.seedReqs[op.ID]
		if len(seeds) == 0 || op.Body == nil || op.Body.Content["application/json"] == nil {
			continue
		}
		seed := seeds[0]
		schema := hstResolve(op.Body.Content["application/json"].Schema)
		t.Run("sweep/"+op.ID, func(t *testing.T) {
			send := func(site string, set func(body map[string]any) bool, values []hstBad) {
				for _, v := range values {
					body, _ := hstDecode(seed.Body).(map[string]any)
					if body == nil || !set(body) {
						return
					}
					r := seed
					r.Header = maps.Clone(seed.Header)
					r.Tags = []string{"sweep:" + site + ":" + v.kind}
					hstReplace(body, v.v)
					var b bytes.Buffer
					hstEncode(&b, body)
					r.Body, r.Example = b.Bytes(), -1
					if res := f.check(t, r); res.Status == http.StatusConflict && hstFreshen(body, site, len(r.Tags)+f.sent) {
						// the seed's own unique key clashed; try once more with fresh codes
						b.Reset()
						hstEncode(&b, body)
						r.Body, r.Tags = b.Bytes(), append(r.Tags, "freshened")
						f.check(t, r)
					}
				}
			}
			for _, name := range slices.Sorted(maps.Keys(schema.Properties)) {
				prop := hstResolve(schema.Properties[name])
				send(name, func(body map[string]any) bool { body[name] = hstHole; return true }, f.sweepValues(name, prop))
				// one level down: the first item of an array of objects, or a nested object
				inner := prop
				if hstIs(prop, "array") {
					inner = hstResolve(prop.Items)
				}
				for _, sub := range slices.Sorted(maps.Keys(inner.Properties)) {
					sp := hstResolve(inner.Properties[sub])
					send(name+"."+sub, func(body map[string]any) bool {
						switch x := body[name].(type) {
						case map[string]any:
							x[sub] = hstHole
							return true
						case []any:
							if len(x) > 0 {
								if m, ok := x[0].(map[string]any); ok {
									m[sub] = hstHole
									return true
								}
							}
						}
						return false
					}, f.sweepValues(sub, sp))
				}
			}
		})
	}
}

// hstFreshen gives the top-level code-like fields of a body (not the swept one)
// new values, so that a replayed create does not clash with its seed's unique key.
func hstFreshen(body map[string]any, swept string, n int) bool {
	changed := false
	for _, k := range []string{"kode", "nomor_sk", "username", "nomor_surat"} {
		if v, ok := body[k].(string); ok && k != swept {
			if len(v) > 20 {
				v = v[:20]
			}
			body[k] = fmt.Sprintf("%s-s%d", v, n)
			changed = true
		}
	}
	return changed
}

// hstHole marks where a swept value goes.
const hstHole = hstRaw("\x00hole")

// hstReplace puts v where the hole is.
func hstReplace(x any, v any) any {
	switch y := x.(type) {
	case hstRaw:
		if y == hstHole {
			return v
		}
	case map[string]any:
		for k, e := range y {
			y[k] = hstReplace(e, v)
		}
	case []any:
		for i, e := range y {
			y[i] = hstReplace(e, v)
		}
	}
	return x
}

// sweepValues are the values a field is swept with.
func (f *hstFuzzer) sweepValues(name string, s *openapi3.Schema) []hstBad {
	out := []hstBad{{"null", nil}}
	switch {
	case len(s.Enum) > 0:
		for _, e := range s.Enum {
			out = append(out, hstBad{fmt.Sprint(e), e})
		}
		out = append(out, hstBad{"enum-unknown", "TIDAK_ADA"})
	case hstIs(s, "string"):
		switch s.Format {
		case "date":
			for _, d := range append(slices.Clone(hstEdgeDates), "2026-02-30", "2026-02-29") {
				out = append(out, hstBad{d, d})
			}
		case "date-time":
			for _, d := range append(slices.Clone(hstEdgeTimes), "2026-02-30T08:00:00Z") {
				out = append(out, hstBad{d, d})
			}
		case "uuid":
			out = append(out, hstBad{"B-instansi", f.w.B.Instansi.ID}, hstBad{"B-unit", f.w.B.OPD1.ID}, hstBad{"B-jabatan", f.w.B.JStaf.ID},
				hstBad{"nil-uuid", "00000000-0000-0000-0000-000000000000"}, hstBad{"unknown-uuid", "0190a000-0000-7000-8000-000000000000"})
			if p := f.pool(hstPoolOf(name, "")); len(p) > 0 {
				for _, id := range p {
					if f.owner[id] == "B" {
						out = append(out, hstBad{"B-" + hstPoolOf(name, ""), id})
						break
					}
				}
			}
		default:
			out = append(out, hstBad{"empty", ""}, hstBad{"nul", hstRaw(`"a\u0000b"`)}, hstBad{"invalid-utf8", hstRaw("\"a\xffb\"")})
			if name == "nip" {
				out = append(out, hstBad{"B-nip", f.w.B.Staf.NIP}, hstBad{"unknown-nip", "199001012015011999"}, hstBad{"bad-date-nip", "199002302015011001"})
			}
			if s.MaxLength != nil {
				n := int(*s.MaxLength)
				out = append(out, hstBad{"maxLength-4byte", strings.Repeat("😀", n)}, hstBad{"maxLength+1", strings.Repeat("x", n+1)})
			}
		}
	case hstIs(s, "integer"), hstIs(s, "number"):
		lo, hi := -1e6, 1e6
		if s.Min != nil {
			lo = *s.Min
		}
		if s.Max != nil {
			hi = *s.Max
		}
		for _, v := range []float64{lo, hi, lo - 1, hi + 1, 0, -1} {
			out = append(out, hstBad{strconv.FormatFloat(v, 'f', -1, 64), json.Number(strconv.FormatFloat(v, 'f', -1, 64))})
		}
		out = append(out, hstBad{"int64+1", hstRaw("9223372036854775808")}, hstBad{"1e400", hstRaw("1e400")})
		if hstIs(s, "number") {
			out = append(out, hstBad{"tiny", hstRaw("1e-400")}, hstBad{"fraction", hstRaw("0.1234567890123456789")})
		}
	case hstIs(s, "boolean"):
		out = append(out, hstBad{"true", true}, hstBad{"false", false})
	case hstIs(s, "array"):
		out = append(out, hstBad{"empty-array", []any{}}, hstBad{"array-of-null", []any{nil}})
	default:
		out = append(out, hstBad{"empty-object", hstObj{}})
	}
	return out
}

// ---------------------------------------------------------------------------
// Schemas

func hstIs(s *openapi3.Schema, typ string) bool { return s.Type != nil && s.Type.Is(typ) }

func hstRefName(ref *openapi3.SchemaRef) string {
	if ref == nil {
		return ""
	}
	return ref.Ref[strings.LastIndex(ref.Ref, "/")+1:]
}

// hstResolve folds allOf into one schema (the spec uses allOf to wrap a $ref with
// nullable or a description, and to extend a summary type).
func hstResolve(ref *openapi3.SchemaRef) *openapi3.Schema {
	if ref == nil || ref.Value == nil {
		return &openapi3.Schema{}
	}
	s := ref.Value
	if len(s.AllOf) == 0 {
		return s
	}
	m := *s
	m.AllOf = nil
	m.Properties = openapi3.Schemas{}
	for k, v := range s.Properties {
		m.Properties[k] = v
	}
	m.Required = slices.Clone(s.Required)
	for _, part := range s.AllOf {
		p := hstResolve(part)
		if m.Type == nil || m.Type.IsEmpty() {
			m.Type = p.Type
		}
		for k, v := range p.Properties {
			m.Properties[k] = v
		}
		m.Required = append(m.Required, p.Required...)
		if len(m.Enum) == 0 {
			m.Enum = p.Enum
		}
		if m.Format == "" {
			m.Format = p.Format
		}
		if m.Pattern == "" {
			m.Pattern = p.Pattern
		}
		if m.MaxLength == nil {
			m.MaxLength, m.MinLength = p.MaxLength, max(m.MinLength, p.MinLength)
		}
		if m.Min == nil {
			m.Min = p.Min
		}
		if m.Max == nil {
			m.Max = p.Max
		}
		if m.Items == nil {
			m.Items, m.MinItems, m.MaxItems = p.Items, p.MinItems, p.MaxItems
		}
		if m.AdditionalProperties.Has == nil && m.AdditionalProperties.Schema == nil {
			m.AdditionalProperties = p.AdditionalProperties
		}
	}
	if len(m.Properties) == 0 {
		m.Properties = nil
	}
	return &m
}

// hstEncode writes v as JSON, keeping hstRaw verbatim and hstObj in order.
func hstEncode(b *bytes.Buffer, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case hstRaw:
		b.WriteString(string(x))
	case json.Number:
		b.WriteString(string(x))
	case string:
		q, _ := json.Marshal(x)
		b.Write(q)
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case hstObj:
		b.WriteByte('{')
		for i, kv := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			hstEncode(b, kv.K)
			b.WriteByte(':')
			hstEncode(b, kv.V)
		}
		b.WriteByte('}')
	case map[string]any:
		b.WriteByte('{')
		for i, k := range slices.Sorted(maps.Keys(x)) {
			if i > 0 {
				b.WriteByte(',')
			}
			hstEncode(b, k)
			b.WriteByte(':')
			hstEncode(b, x[k])
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			hstEncode(b, e)
		}
		b.WriteByte(']')
	default:
		q, err := json.Marshal(x)
		if err != nil {
			panic(err)
		}
		b.Write(q)
	}
}

// ---------------------------------------------------------------------------
// Sending and judging

type hstResp struct {
	Status int
	Header http.Header
	Body   []byte
}

func (f *hstFuzzer) send(r *hstReq) (*hstResp, error) {
	var body io.Reader
	if r.HasBody {
		body = bytes.NewReader(r.Body)
	}
	req, err := http.NewRequestWithContext(context.Background(), r.Method, f.s.URL+r.Target, body)
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	if r.Chunked {
		req.ContentLength = -1
	}
	for k, v := range r.Header {
		req.Header.Set(k, v)
	}
	if r.Actor != "anon" {
		req.Header.Set("Authorization", "Bearer "+f.token(r.Actor))
	}
	resp, err := f.s.Client.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() { _ = resp.Body.Close() }()
	rb, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, err
	}
	return &hstResp{Status: resp.StatusCode, Header: resp.Header, Body: rb}, nil
}

type hstFinding struct {
	Oracle string
	Status int
	Detail string
}

// check sends one request and judges its response.
func (f *hstFuzzer) check(t *testing.T, r hstReq) *hstResp {
	start := time.Now()
	resp, err := f.send(&r)
	took := time.Since(start)
	f.sent++
	if err != nil {
		if strings.HasPrefix(err.Error(), "build request") {
			t.Fatalf("generator made an unsendable request: %v (%s)", err, hstCut(r.Target, 200))
		}
		f.found(t, &r, nil, hstFinding{Oracle: hstOracleTransport, Detail: err.Error()})
		return &hstResp{Header: http.Header{}}
	}
	f.status[resp.Status]++
	if f.perOp[r.Op.ID] == nil {
		f.perOp[r.Op.ID] = map[int]int{}
	}
	f.perOp[r.Op.ID][resp.Status]++
	if resp.Status < 300 && (r.Actor == "admin" || r.Actor == "pegawai" || strings.HasPrefix(r.Actor, "A.")) {
		f.harvest(r.Op.Path, resp.Body, "A")
	}
	if fd, bad := f.judge(&r, resp); bad {
		f.found(t, &r, resp, fd)
	} else if took > f.slow {
		f.found(t, &r, resp, hstFinding{hstOracleSlow, resp.Status, fmt.Sprintf("took %v", took.Round(time.Millisecond))})
	}
	return resp
}

// judge applies the oracles in order and returns the first that fails.
func (f *hstFuzzer) judge(r *hstReq, resp *hstResp) (hstFinding, bool) {
	st := resp.Status
	if st >= 500 {
		return hstFinding{hstOracle5xx, st, "server error"}, true
	}
	if st >= 400 {
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
			return hstFinding{hstOracleProblem, st, fmt.Sprintf("Content-Type %q", ct)}, true
		}
		var p map[string]any
		if err := json.Unmarshal(resp.Body, &p); err != nil {
			return hstFinding{hstOracleProblem, st, "body is not a JSON object: " + err.Error()}, true
		}
		for _, k := range []string{"type", "title", "code"} {
			if s, _ := p[k].(string); s == "" {
				return hstFinding{hstOracleProblem, st, "problem without " + k}, true
			}
		}
		if n, _ := p["status"].(float64); int(n) != st {
			return hstFinding{hstOracleProblem, st, fmt.Sprintf("problem status %v, HTTP status %d", p["status"], st)}, true
		}
	}
	if err := f.validate(r, resp); err != nil {
		return hstFinding{hstOracleSpec, st, err.Error()}, true
	}
	if st < 300 && (r.Actor == "admin" || r.Actor == "pegawai" || strings.HasPrefix(r.Actor, "A.")) {
		sent := r.Target + "\n" + string(r.Body) + "\n" + strings.Join(slices.Collect(maps.Values(r.Header)), "\n")
		for _, id := range f.bOnly() {
			if bytes.Contains(resp.Body, []byte(id)) {
				what := "shows"
				if strings.Contains(sent, id) {
					what = "accepted a reference to"
				}
				return hstFinding{hstOracleTenant, st, fmt.Sprintf("a success as instansi A %s instansi B's %s", what, id)}, true
			}
		}
	}
	return hstFinding{}, false
}

// validate checks the response against the operation the request routes to.
func (f *hstFuzzer) validate(r *hstReq, resp *hstResp) error {
	probe, err := http.NewRequestWithContext(context.Background(), r.Method, r.Target, nil)
	if err != nil {
		return nil // not a URL the spec can route; the other oracles still apply
	}
	for k, v := range r.Header {
		probe.Header.Set(k, v)
	}
	route, params, err := f.router.FindRoute(probe)
	if err != nil {
		return nil
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: probe, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}},
		Status: resp.Status, Header: resp.Header, Body: io.NopCloser(bytes.NewReader(resp.Body)),
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	return openapi3filter.ValidateResponse(context.Background(), in)
}

// found records a finding: a known defect is counted, a new one fails the test
// with its reproduction (the first time its kind shows up in the operation).
func (f *hstFuzzer) found(t *testing.T, r *hstReq, resp *hstResp, fd hstFinding) {
	for i, k := range hstKnownDefects {
		if (k.Op == "*" || k.Op == r.Op.ID) && k.Oracle == fd.Oracle && (k.Status == 0 || k.Status == fd.Status) &&
			(k.Tag == "" || slices.ContainsFunc(r.Tags, func(tag string) bool { return strings.Contains(tag, k.Tag) })) &&
			strings.Contains(fd.Detail, k.Detail) {
			f.known[i]++
			return
		}
	}
	key := fmt.Sprintf("%s %s %d", r.Op.ID, fd.Oracle, fd.Status)
	if d := f.defects[key]; d != nil {
		d.count++
		return
	}
	rep := f.reproduction(r, resp, fd)
	f.defects[key] = &hstDefect{count: 1, first: rep}
	f.defectOr = append(f.defectOr, key)
	t.Errorf("NEW DEFECT %s\n%s", key, rep)
}

func (f *hstFuzzer) reproduction(r *hstReq, resp *hstResp, fd hstFinding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "oracle %s: %s\n", fd.Oracle, hstCut(fd.Detail, 1500))
	fmt.Fprintf(&b, "operation %s (%s %s) as %s, tags %v\n", r.Op.ID, r.Op.Method, r.Op.Path, r.Actor, r.Tags)
	if r.Example > 0 {
		fmt.Fprintf(&b, "drawn as rapid example %d: KINERJA_HOSTILE_SEED=%d KINERJA_HOSTILE_N=%d go test ./api -run 'TestHostileInput/.*/%s$'\n",
			r.Example, f.seed, f.n, r.Op.ID)
	}
	fmt.Fprintf(&b, "> %s %s\n", r.Method, hstCut(r.Target, 600))
	for _, k := range slices.Sorted(maps.Keys(r.Header)) {
		fmt.Fprintf(&b, "> %s: %s\n", k, hstCut(r.Header[k], 200))
	}
	switch {
	case !r.HasBody:
		b.WriteString("> (no body)\n")
	default:
		chunked := ""
		if r.Chunked {
			chunked = ", chunked"
		}
		fmt.Fprintf(&b, "> body (%d bytes%s): %s\n", len(r.Body), chunked, hstQuote(r.Body, 1500))
	}
	if resp != nil {
		fmt.Fprintf(&b, "< %d %s\n< %s\n", resp.Status, resp.Header.Get("Content-Type"), hstQuote(resp.Body, 1500))
		if l := f.logs.lines(resp.Header.Get("X-Request-Id")); l != "" {
			fmt.Fprintf(&b, "server log:\n%s\n", l)
		}
	}
	return b.String()
}

func (f *hstFuzzer) summary(t *testing.T, d time.Duration) {
	hist := func(m map[int]int) string {
		var out []string
		for _, st := range slices.Sorted(maps.Keys(m)) {
			out = append(out, fmt.Sprintf("%d×%d", st, m[st]))
		}
		return strings.Join(out, " ")
	}
	if d == 0 { // a targeted test: the statuses say enough
		t.Logf("%d requests; statuses: %s", f.sent, hist(f.status))
		return
	}
	if testing.Verbose() {
		for _, op := range f.ops {
			t.Logf("%-28s %s", op.ID, hist(f.perOp[op.ID]))
		}
	}
	t.Logf("%d operations, %d requests in %v (%.1f ms each); statuses: %s",
		len(f.ops), f.sent, d.Round(time.Millisecond), float64(d.Microseconds())/1000/float64(max(f.sent, 1)), hist(f.status))
	for i, k := range hstKnownDefects {
		what := fmt.Sprintf("%s %s %d %q %q", k.Op, k.Oracle, k.Status, k.Tag, k.Detail)
		if f.known[i] == 0 {
			t.Logf("known defect not seen this run (fixed, or not drawn): %s", what)
		} else {
			t.Logf("known defect seen %d times: %s", f.known[i], what)
		}
	}
	for _, key := range f.defectOr {
		t.Logf("new defect %s: %d times", key, f.defects[key].count)
	}
}

func hstCut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + fmt.Sprintf("…(%d bytes)", len(s))
}

// hstQuote shows a body: as text when it is printable UTF-8, else Go-quoted.
func hstQuote(b []byte, n int) string {
	s := string(b)
	if len(s) > n {
		s = s[:n]
	}
	printable := !strings.ContainsFunc(s, func(r rune) bool { return r == 0xFFFD || (r < 0x20 && r != '\n' && r != '\t') })
	if !printable {
		s = strconv.Quote(s)
	}
	if len(b) > n {
		s += fmt.Sprintf("…(%d bytes)", len(b))
	}
	return s
}

// ---------------------------------------------------------------------------
// Mass assignment and cross-tenant references

func TestHostileMassAssignment(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		f := newHstFuzzer(t, db)
		w := f.w
		y := time.Now().Year()
		var seq int
		next := func() int { seq++; return seq }

		// records to update, in A and in B
		kadisSKP := f.massID("A.kadis", "POST", "/api/v1/skp", map[string]any{"nip": w.A.Kadis.NIP, "tahun": y})
		izinA := f.massID("A.rekan", "POST", "/api/v1/izin", map[string]any{"jenis": "DINAS_LUAR", "mulai": fmt.Sprintf("%d-02-02", y+1), "selesai": fmt.Sprintf("%d-02-02", y+1)})
		izinB := f.massID("B.rekan", "POST", "/api/v1/izin", map[string]any{"jenis": "DINAS_LUAR", "mulai": fmt.Sprintf("%d-02-02", y+1), "selesai": fmt.Sprintf("%d-02-02", y+1)})
		preset := func(mulai string) map[string]any {
			return map[string]any{"nama": "Perkada TPP", "berlaku_mulai": mulai, "preset": "KEPMENDAGRI_60_40"}
		}
		aturanA := f.massID("A.admin", "POST", "/api/v1/aturan-tpp", preset(fmt.Sprintf("%d-01-01", y-1)))
		aturanB := f.massID("B.admin", "POST", "/api/v1/aturan-tpp", preset(fmt.Sprintf("%d-01-01", y-1)))
		runA := f.massID("A.admin", "POST", "/api/v1/perhitungan-tpp", map[string]any{"tahun": y, "bulan": 2})
		pagu := func(unit string) map[string]any {
			return map[string]any{"mode": "PERINGATAN", "unit": []any{map[string]any{"unit_kerja_id": unit, "jumlah": 1_000_000}}}
		}
		f.massID("A.admin", "PUT", fmt.Sprintf("/api/v1/pagu-tpp/%d", y), pagu(w.A.OPD1.ID))
		var keuanganA string
		var pg struct {
			Items []struct {
				ID       string `json:"id"`
				Username string `json:"username"`
			} `json:"items"`
		}
		_ = json.Unmarshal(f.call("A.admin", "GET", "/api/v1/pengguna?q="+w.A.Keuangan, nil, nil).Body, &pg)
		for _, u := range pg.Items {
			if u.Username == w.A.Keuangan {
				keuanganA = u.ID
			}
		}
		injected := func(extra map[string]any) map[string]any {
			m := map[string]any{"instansi_id": w.B.Instansi.ID, "id": uuid.NewString(), "version": 99,
				"created_at": "2000-01-01T00:00:00Z", "updated_at": "2000-01-01T00:00:00Z", "dibuat_oleh": "penyusup"}
			maps.Copy(m, extra)
			return m
		}
		rhk := map[string]any{"rhk": []any{map[string]any{"jenis": "UTAMA", "uraian": "Renstra",
			"indikator": []any{map[string]any{"aspek": "KUANTITAS", "uraian": "Jumlah dokumen", "target": 10, "satuan": "dokumen"}}}}}

		cases := []hstMass{
			{Op: "createPegawai", Actor: "A.admin", Method: "POST", Path: "/api/v1/pegawai", Count: "/api/v1/pegawai",
				Body: func() map[string]any {
					return map[string]any{"nip": fmt.Sprintf("199501012020011%03d", next()), "nama": "Budi", "jenis_asn": "PNS",
						"tmt": "2020-01-01", "golongan": "III/a", "jabatan_id": w.A.JStaf.ID}
				},
				Inject: injected(map[string]any{"jenis_kelamin": "P", "tanggal_lahir": "2000-01-01", "unit_kerja_id": w.B.OPD1.ID,
					"nama_lengkap": "Penyusup", "pegawai_id": w.B.Staf.ID}),
				ReadBack: func(m map[string]any) string { return "/api/v1/pegawai/" + hstStr(m, "nip") }},
			{Op: "updatePegawai", Actor: "A.admin", Method: "PATCH", Path: "/api/v1/pegawai/" + w.A.Staf.NIP, Count: "/api/v1/pegawai/" + w.A.Staf.NIP,
				Body:     func() map[string]any { return map[string]any{"nama": "Staf A"} },
				Inject:   injected(map[string]any{"nip": w.B.Staf.NIP, "status": "PENSIUN", "jabatan_id": w.B.JStaf.ID, "jenis_kelamin": "P", "tanggal_lahir": "2000-01-01"}),
				ReadBack: func(map[string]any) string { return "/api/v1/pegawai/" + w.A.Staf.NIP }},
			{Op: "createSKP", Actor: "A.admin", Method: "POST", Path: "/api/v1/skp", Count: "/api/v1/skp",
				Body:     func() map[string]any { return map[string]any{"nip": w.A.Staf.NIP, "tahun": 2030 + next()} },
				Inject:   injected(map[string]any{"status": "DISETUJUI", "disetujui_at": "2000-01-01T00:00:00Z", "revisi": 9, "penilai": map[string]any{"nip": w.A.Rekan.NIP}, "jabatan_id": w.B.JStaf.ID}),
				ReadBack: func(m map[string]any) string { return "/api/v1/skp/" + hstStr(m, "id") }},
			{Op: "putSKPIsi", Actor: "A.kadis", Method: "PUT", Path: "/api/v1/skp/" + kadisSKP, Count: "/api/v1/skp/" + kadisSKP,
				Body:     func() map[string]any { return maps.Clone(rhk) },
				Inject:   injected(map[string]any{"status": "DISETUJUI", "disetujui_at": "2000-01-01T00:00:00Z", "revisi": 9, "nip": w.A.Staf.NIP, "tahun": 2001}),
				ReadBack: func(map[string]any) string { return "/api/v1/skp/" + kadisSKP }},
			{Op: "createIzin", Actor: "A.staf", Method: "POST", Path: "/api/v1/izin", Count: "/api/v1/izin",
				Body: func() map[string]any {
					d := time.Date(y+2, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 2*next()).Format(time.DateOnly)
					return map[string]any{"jenis": "DINAS_LUAR", "mulai": d, "selesai": d}
				},
				Inject:   injected(map[string]any{"status": "DISETUJUI", "diputus_oleh": "penyusup", "disetujui_oleh": "penyusup", "pegawai_id": w.A.Rekan.ID}),
				ReadBack: func(m map[string]any) string { return "/api/v1/izin/" + hstStr(m, "id") }},
			{Op: "putuskanIzin", Actor: "A.kabid", Method: "POST", Path: "/api/v1/izin/" + izinA + "/keputusan", Count: "/api/v1/izin/" + izinA,
				Body:     func() map[string]any { return map[string]any{"keputusan": "DITOLAK"} },
				Inject:   injected(map[string]any{"status": "DISETUJUI", "diputus_oleh": "penyusup", "nip": w.A.Staf.NIP}),
				ReadBack: func(map[string]any) string { return "/api/v1/izin/" + izinA }},
			{Op: "checkInKehadiran", Actor: "A.staf", Method: "POST", Path: "/api/v1/kehadiran", Count: "/api/v1/kehadiran",
				Header: func() map[string]string {
					return map[string]string{"Idempotency-Key": fmt.Sprintf("mass-%04d", next())}
				},
				Body: func() map[string]any { return map[string]any{"jenis": "MASUK"} },
				Inject: injected(map[string]any{"nip": w.A.Rekan.NIP, "pegawai_id": w.A.Rekan.ID, "sumber": "KOREKSI", "waktu": "2000-01-01T00:00:00Z",
					"dikoreksi": true, "dicatat_oleh": "penyusup"}),
				ReadBack: func(m map[string]any) string { return "/api/v1/kehadiran?nip=" + w.A.Staf.NIP }},
			{Op: "createAturanTPP", Actor: "A.admin", Method: "POST", Path: "/api/v1/aturan-tpp", Count: "/api/v1/aturan-tpp",
				Body: func() map[string]any {
					return preset(time.Date(2050, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, next(), 0).Format(time.DateOnly))
				},
				Inject:   injected(map[string]any{"versi": 99, "digunakan": true, "berlaku_sampai": "2000-01-31"}),
				ReadBack: func(m map[string]any) string { return "/api/v1/aturan-tpp/" + hstStr(m, "id") }},
			{Op: "putAturanTPP", Actor: "A.admin", Method: "PUT", Path: "/api/v1/aturan-tpp/" + aturanA, Count: "/api/v1/aturan-tpp/" + aturanA,
				Body:     func() map[string]any { return preset(fmt.Sprintf("%d-01-01", y-1)) },
				Inject:   injected(map[string]any{"versi": 99, "digunakan": true, "berlaku_sampai": "2000-01-31"}),
				ReadBack: func(map[string]any) string { return "/api/v1/aturan-tpp/" + aturanA }},
			{Op: "createPerhitunganTPP", Actor: "A.admin", Method: "POST", Path: "/api/v1/perhitungan-tpp", Count: "/api/v1/perhitungan-tpp",
				Body: func() map[string]any { return map[string]any{"tahun": y - 1, "bulan": 1 + next()%12} },
				Inject: injected(map[string]any{"status": "DISETUJUI", "disetujui_oleh": "penyusup", "aturan_tpp_id": aturanB, "sidik": "x",
					"total": map[string]any{"neto": 1}, "neto": 999_999_999_999, "bruto": 999_999_999_999}),
				ReadBack: func(m map[string]any) string { return "/api/v1/perhitungan-tpp/" + hstStr(m, "id") }},
			{Op: "approvePerhitunganTPP", Actor: "A.keuangan", Method: "POST", Path: "/api/v1/perhitungan-tpp/" + runA + "/setujui", Count: "/api/v1/perhitungan-tpp/" + runA,
				Body:     func() map[string]any { return map[string]any{"catatan": "Sesuai"} },
				Inject:   injected(map[string]any{"status": "DIHITUNG", "disetujui_oleh": "admin.a", "dibuat_oleh": "keuangan.a", "total": map[string]any{"neto": 1}}),
				ReadBack: func(map[string]any) string { return "/api/v1/perhitungan-tpp/" + runA }},
			{Op: "putPaguTPP", Actor: "A.admin", Method: "PUT", Path: fmt.Sprintf("/api/v1/pagu-tpp/%d", y), Count: fmt.Sprintf("/api/v1/pagu-tpp/%d", y),
				Body:     func() map[string]any { return pagu(w.A.OPD1.ID) },
				Inject:   injected(map[string]any{"total": 1, "tahun": 2001}),
				ReadBack: func(map[string]any) string { return fmt.Sprintf("/api/v1/pagu-tpp/%d", y) }},
			{Op: "createPengguna", Actor: "A.admin", Method: "POST", Path: "/api/v1/pengguna", Count: "/api/v1/pengguna",
				Body: func() map[string]any {
					return map[string]any{"username": fmt.Sprintf("massal.%d", next()), "password": apptest.Password, "roles": []string{"AUDITOR"}}
				},
				Inject:   injected(map[string]any{"nonaktif": true, "last_login_at": "2000-01-01T00:00:00Z", "password_hash": "x"}),
				ReadBack: func(m map[string]any) string { return "/api/v1/pengguna/" + hstStr(m, "id") }},
		}
		for _, c := range cases {
			t.Run(c.Op, func(t *testing.T) { f.massCase(t, c) })
		}

		// fields the schema allows, filled with what the caller must not reach
		t.Run("references", func(t *testing.T) {
			for _, r := range []struct {
				op, actor, method, path string
				body                    map[string]any
			}{
				{"createPegawai", "A.admin", "POST", "/api/v1/pegawai", map[string]any{"nip": "199501012020012901", "nama": "Budi", "jenis_asn": "PNS",
					"tmt": "2020-01-01", "golongan": "III/a", "jabatan_id": w.B.JStaf.ID}},
				{"createSKP", "A.admin", "POST", "/api/v1/skp", map[string]any{"nip": w.B.Staf.NIP, "tahun": y}},
				{"createIzin", "A.admin", "POST", "/api/v1/izin", map[string]any{"nip": w.B.Rekan.NIP, "jenis": "DINAS_LUAR",
					"mulai": fmt.Sprintf("%d-03-03", y+1), "selesai": fmt.Sprintf("%d-03-03", y+1)}},
				{"createIzin", "A.staf", "POST", "/api/v1/izin", map[string]any{"nip": w.A.Rekan.NIP, "jenis": "DINAS_LUAR",
					"mulai": fmt.Sprintf("%d-03-05", y+1), "selesai": fmt.Sprintf("%d-03-05", y+1)}},
				{"putuskanIzin", "A.admin", "POST", "/api/v1/izin/" + izinB + "/keputusan", map[string]any{"keputusan": "DISETUJUI"}},
				{"updatePegawai", "A.admin", "PATCH", "/api/v1/pegawai/" + w.B.Staf.NIP, map[string]any{"nama": "Penyusup"}},
				{"putAturanTPP", "A.admin", "PUT", "/api/v1/aturan-tpp/" + aturanB, preset(fmt.Sprintf("%d-01-01", y-1))},
				{"createPerhitunganTPP", "A.admin", "POST", "/api/v1/perhitungan-tpp", map[string]any{"tahun": y, "bulan": 3, "unit_kerja_id": w.B.OPD1.ID}},
				{"putPaguTPP", "A.admin", "PUT", fmt.Sprintf("/api/v1/pagu-tpp/%d", y), pagu(w.B.OPD1.ID)},
				{"createPengguna", "A.admin", "POST", "/api/v1/pengguna", map[string]any{"username": "penyusup.b", "password": apptest.Password,
					"roles": []string{"ADMIN_INSTANSI"}, "instansi_id": w.B.Instansi.ID}},
				{"createPengguna", "A.admin", "POST", "/api/v1/pengguna", map[string]any{"username": "penyusup.super", "password": apptest.Password,
					"roles": []string{"SUPERADMIN"}}},
				{"updatePengguna", "A.admin", "PATCH", "/api/v1/pengguna/" + keuanganA, map[string]any{"roles": []string{"SUPERADMIN"}}},
				{"createPengguna", "A.admin", "POST", "/api/v1/pengguna", map[string]any{"username": "penyusup.nip", "password": apptest.Password,
					"roles": []string{"PEGAWAI"}, "nip": w.B.Staf.NIP}},
			} {
				res := f.call(r.actor, r.method, r.path, r.body, nil)
				t.Logf("%s %s as %s → %d", r.method, r.path, r.actor, res.Status)
				bad := res.Status < 300
				switch {
				case r.op == "createPengguna" && res.Status < 300:
					// accepted: the account must be an ordinary account of A
					var u map[string]any
					_ = json.Unmarshal(res.Body, &u)
					roles := fmt.Sprint(u["roles"])
					bad = hstStr(u, "instansi_id") != w.A.Instansi.ID || strings.Contains(roles, "SUPERADMIN") ||
						(r.body["nip"] != nil && hstStr(u, "nip") == w.B.Staf.NIP)
				case r.op == "updatePengguna" && res.Status < 300:
					bad = strings.Contains(string(res.Body), "SUPERADMIN")
				}
				if bad {
					f.massDefect(t, r.op, "reference", fmt.Sprintf("%s %s as %s with %s → %d %s", r.method, r.path, r.actor,
						hstJSON(r.body), res.Status, hstCut(string(res.Body), 800)))
				}
			}
		})

		// an Idempotency-Key is the caller's own: another caller's same key is a new request
		t.Run("idempotency-scope", func(t *testing.T) {
			key := map[string]string{"Idempotency-Key": "kunci-bersama-0001"}
			a := f.call("A.staf", "POST", "/api/v1/kehadiran", map[string]any{"jenis": "MASUK"}, key)
			b := f.call("A.rekan", "POST", "/api/v1/kehadiran", map[string]any{"jenis": "MASUK"}, key)
			t.Logf("same key: %d then %d", a.Status, b.Status)
			if a.Status < 300 && b.Status < 300 {
				var ma, mb map[string]any
				_ = json.Unmarshal(a.Body, &ma)
				_ = json.Unmarshal(b.Body, &mb)
				if hstStr(mb, "nip") != w.A.Rekan.NIP || hstStr(ma, "id") == hstStr(mb, "id") {
					f.massDefect(t, "checkInKehadiran", "idempotency-scope", fmt.Sprintf("Rekan's check-in with Staf's key returned %s", hstCut(string(b.Body), 600)))
				}
			}
			key = map[string]string{"Idempotency-Key": "kunci-bersama-0002"}
			body := preset("2060-01-01")
			a = f.call("A.admin", "POST", "/api/v1/aturan-tpp", body, key)
			b = f.call("B.admin", "POST", "/api/v1/aturan-tpp", body, key)
			t.Logf("same key: %d then %d", a.Status, b.Status)
			if a.Status < 300 && b.Status < 300 {
				var ma, mb map[string]any
				_ = json.Unmarshal(a.Body, &ma)
				_ = json.Unmarshal(b.Body, &mb)
				if hstStr(ma, "id") == hstStr(mb, "id") {
					f.massDefect(t, "createAturanTPP", "idempotency-scope", fmt.Sprintf("B's request with A's key returned A's record %s", hstCut(string(b.Body), 600)))
				}
			}
			key = map[string]string{"Idempotency-Key": "kunci-bersama-0003"}
			body = map[string]any{"tahun": y, "bulan": 4}
			a = f.call("A.admin", "POST", "/api/v1/perhitungan-tpp", body, key)
			b = f.call("B.admin", "POST", "/api/v1/perhitungan-tpp", body, key)
			t.Logf("same key: %d then %d", a.Status, b.Status)
			if a.Status < 300 && b.Status < 300 {
				var ma, mb map[string]any
				_ = json.Unmarshal(a.Body, &ma)
				_ = json.Unmarshal(b.Body, &mb)
				if hstStr(ma, "id") == hstStr(mb, "id") {
					f.massDefect(t, "createPerhitunganTPP", "idempotency-scope", fmt.Sprintf("B's request with A's key returned A's run %s", hstCut(string(b.Body), 600)))
				}
			}
		})
		f.summary(t, 0)
	})
}

// hstMass is a create or update whose valid body is sent again with each injected
// field (and once with all of them).
type hstMass struct {
	Op, Actor, Method, Path string
	Header                  func() map[string]string
	Body                    func() map[string]any
	Inject                  map[string]any
	ReadBack                func(created map[string]any) string // the stored record, read as A's admin
	Count                   string                              // a GET whose total or version must not move when every attempt is refused
}

func (f *hstFuzzer) massCase(t *testing.T, c hstMass) {
	before := f.massFingerprint(c.Count)
	accepted := false
	keys := append(slices.Sorted(maps.Keys(c.Inject)), "*")
	for _, k := range keys {
		body := c.Body()
		if k == "*" {
			for kk, v := range c.Inject {
				if _, legit := body[kk]; !legit {
					body[kk] = v
				}
			}
		} else {
			if _, legit := body[k]; legit {
				continue
			}
			body[k] = c.Inject[k]
		}
		var h map[string]string
		if c.Header != nil {
			h = c.Header()
		}
		res := f.call(c.Actor, c.Method, c.Path, body, h)
		switch {
		case res.Status == http.StatusBadRequest:
			var p apptest.Problem
			_ = json.Unmarshal(res.Body, &p)
			if k != "*" && !p.HasField(k) {
				t.Logf("%s with %q: 400 without naming the field: %s", c.Op, k, hstCut(string(res.Body), 300))
			}
		case res.Status < 300:
			accepted = true
			var created map[string]any
			_ = json.Unmarshal(res.Body, &created)
			path := c.ReadBack(created)
			stored := f.call("A.admin", "GET", path, nil, nil)
			var m any
			_ = json.Unmarshal(stored.Body, &m)
			for kk, v := range c.Inject {
				if kk != k && k != "*" {
					continue
				}
				if _, legit := c.Body()[kk]; legit {
					continue
				}
				if hstHolds(m, kk, v) || (kk == "instansi_id" && bytes.Contains(stored.Body, []byte(f.w.B.Instansi.ID))) {
					f.massDefect(t, c.Op, kk, fmt.Sprintf("%s %s as %s with %s → %d; stored %s", c.Method, c.Path, c.Actor,
						hstJSON(body), res.Status, hstCut(string(stored.Body), 800)))
				}
			}
			if k == "instansi_id" || k == "*" {
				if b := f.call("B.admin", "GET", path, nil, nil); b.Status < 300 && strings.Contains(path, "/") &&
					!strings.Contains(path, "?") && !strings.Contains(path, "pagu-tpp") {
					f.massDefect(t, c.Op, "instansi_id", fmt.Sprintf("the record created with instansi_id of B is readable by B: %s", hstCut(string(b.Body), 600)))
				}
			}
		default:
			t.Logf("%s with %q: %d %s", c.Op, k, res.Status, hstCut(string(res.Body), 300))
		}
	}
	if !accepted && c.Count != "" {
		if after := f.massFingerprint(c.Count); after != before {
			f.massDefect(t, c.Op, "refused-but-stored", fmt.Sprintf("every attempt was refused, yet %s changed from %s to %s", c.Count, before, after))
		}
	}
}

// massFingerprint is what must not change when nothing is stored: a list's total,
// or a record's version.
func (f *hstFuzzer) massFingerprint(path string) string {
	if path == "" {
		return ""
	}
	var m map[string]any
	_ = json.Unmarshal(f.call("A.admin", "GET", path, nil, nil).Body, &m)
	return fmt.Sprintf("total=%v version=%v", m["total"], m["version"])
}

// massDefect fails the test unless the defect is known.
func (f *hstFuzzer) massDefect(t *testing.T, op, field, detail string) {
	for i, k := range hstKnownDefects {
		if k.Oracle == hstOracleMass && (k.Op == "*" || k.Op == op) && strings.Contains(field, k.Tag) && strings.Contains(detail, k.Detail) {
			f.known[i]++
			return
		}
	}
	t.Errorf("NEW DEFECT %s mass %s\n%s", op, field, detail)
}

// massID creates a record for the test and returns its id ("" when it failed,
// which the cases that need it then report).
func (f *hstFuzzer) massID(actor, method, path string, body map[string]any) string {
	res := f.call(actor, method, path, body, nil)
	if res.Status >= 300 {
		f.t.Logf("setup %s %s as %s: %d %s", method, path, actor, res.Status, hstCut(string(res.Body), 300))
	}
	var m map[string]any
	_ = json.Unmarshal(res.Body, &m)
	return hstStr(m, "id")
}

func hstStr(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func hstJSON(v any) string {
	b, _ := json.Marshal(v)
	return hstCut(string(b), 800)
}

// hstHolds reports whether a stored record (or any item of a list) has field k
// equal to v.
func hstHolds(stored any, k string, v any) bool {
	want, _ := json.Marshal(v)
	switch x := stored.(type) {
	case map[string]any:
		if got, ok := x[k]; ok {
			g, _ := json.Marshal(got)
			if bytes.Equal(g, want) {
				return true
			}
		}
		if items, ok := x["items"].([]any); ok {
			return slices.ContainsFunc(items, func(it any) bool { return hstHolds(it, k, v) })
		}
	}
	return false
}
