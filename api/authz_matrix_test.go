package api_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja"
	"github.com/kinerja-id/kinerja/api"
	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// The authorization matrix: every operation of openapi.yaml, tried as every role on
// records of the caller's reach (home), of a colleague (peer), of another unit (unit2)
// and of another instansi (cross). The expectations live in azTable
// (authz_matrix_table_test.go); the requests are built here, one builder per operation,
// from a fixture built through the API in both instansi of the apptest world.

// azRoles are the callers, in the order of the table's columns. SA acts in instansi A
// (X-Instansi-ID); PEG is Staf; RAT is Kabid, who rates Staf and Rekan.
var azRoles = []string{"SA", "AI", "AU", "KEU", "AUD", "PEG", "RAT"}

// azTargets are the records a request is aimed at: Staf's (home), Rekan's (peer),
// Staf2's in OPD2 (unit2), and Staf's of instansi B (cross).
var azTargets = []string{"home", "peer", "unit2", "cross"}

// azOp is "METHOD /path/template" as in openapi.yaml.
type azOp = string

// azSpecOps lists every operation of the embedded openapi.yaml and whether it is public
// (security: []).
func azSpecOps(t *testing.T) map[azOp]bool {
	t.Helper()
	doc, err := api.LoadSpec(context.Background(), kinerja.OpenAPI)
	if err != nil {
		t.Fatal(err)
	}
	ops := map[azOp]bool{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			ops[method+" "+path] = op.Security != nil && len(*op.Security) == 0
		}
	}
	return ops
}

// TestAuthzMatrixCoversSpec fails when an operation has no expectations or no request
// builder, or when either names an operation that no longer exists.
func TestAuthzMatrixCoversSpec(t *testing.T) {
	ops := azSpecOps(t)
	for op, public := range ops {
		row, ok := azTable[op]
		if !ok {
			t.Errorf("%s has no row in azTable (authz_matrix_table_test.go)", op)
			continue
		}
		if _, ok := azBuilders[op]; !ok {
			t.Errorf("%s has no request builder in azBuilders", op)
		}
		if row.public != public {
			t.Errorf("%s: azTable says public=%v, openapi.yaml says %v", op, row.public, public)
		}
		if (strings.Contains(op, "{id}") || strings.Contains(op, "{nip}")) && row.cross == "" {
			t.Errorf("%s takes an identifier but has no cross-instansi expectation", op)
		}
		for target, exp := range row.expectations() {
			if len(strings.Fields(exp)) != len(azRoles) {
				t.Errorf("%s %s: %q needs one expectation per role %v", op, target, exp, azRoles)
			}
			for _, e := range strings.Fields(exp) {
				if !azVocabulary[e] {
					t.Errorf("%s %s: unknown expectation %q", op, target, e)
				}
			}
		}
	}
	for op := range azTable {
		if _, ok := ops[op]; !ok {
			t.Errorf("azTable has %s, which is not in openapi.yaml", op)
		}
	}
	for op := range azBuilders {
		if _, ok := ops[op]; !ok {
			t.Errorf("azBuilders has %s, which is not in openapi.yaml", op)
		}
	}
}

// TestAuthzPublicRoutes: the routes outside openapi.yaml that need no token.
func TestAuthzPublicRoutes(t *testing.T) {
	s := apptest.New(t, repotest.New(t, repository.SQLite))
	for _, p := range []string{"/openapi.yaml", "/docs", "/docs/", "/docs/redoc.standalone.js"} {
		s.Do(apptest.Req{Method: "GET", Path: p, NoSpecCheck: true}).Expect(t, http.StatusOK)
	}
}

// TestAuthzMatrix runs the whole matrix. Every response is also validated against
// openapi.yaml by the harness, and a 5xx fails the test wherever it appears.
func TestAuthzMatrix(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		start := time.Now()
		f := azSetup(t, db)
		setup := time.Since(start)
		mism := f.run(t)
		t.Logf("%d operations, %d requests (%d building the fixture in %s), %s in all",
			len(azTable), f.requests, f.setupRequests, setup.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
		if len(mism) > 0 {
			t.Errorf("%d mismatches (operation, target, role: got status, want):\n%s", len(mism), strings.Join(mism, "\n"))
		}
	})
}

// azRow holds one operation's expectations, one word per role in azRoles order, per
// target; an empty target is not tried.
type azRow struct {
	public                   bool
	home, peer, unit2, cross string
	// seesB names the roles whose 2xx bodies may hold instansi B's identifiers (the
	// platform operator reading the list of instansi).
	seesB string
}

func (r azRow) expectations() map[string]string {
	m := map[string]string{}
	for i, e := range []string{r.home, r.peer, r.unit2, r.cross} {
		if e != "" {
			m[azTargets[i]] = e
		}
	}
	return m
}

// The vocabulary of expectations.
var azVocabulary = map[string]bool{
	"OK": true, // 2xx
	"--": true, // refused as unauthenticated, forbidden or not found: 401, 403, 404
	"4x": true, // any 4xx, never 2xx (a reference in the body that does not resolve may be a 400)
	"~~": true, // hidden: refused, or 2xx without the target's identifiers (lists and filters)
}

func azMatch(exp string, r *apptest.Response, hidden []string) bool {
	switch exp {
	case "OK":
		return r.Status >= 200 && r.Status < 300
	case "--":
		return r.Status == 401 || r.Status == 403 || r.Status == 404
	case "4x":
		return r.Status >= 400 && r.Status < 500
	case "~~":
		if r.Status == 401 || r.Status == 403 || r.Status == 404 {
			return true
		}
		return r.Status >= 200 && r.Status < 300 && azFind(r.Body, hidden) == ""
	}
	return false
}

// azFind returns the first of ids that occurs in body.
func azFind(body []byte, ids []string) string {
	s := string(body)
	for _, id := range ids {
		if id != "" && strings.Contains(s, id) {
			return id
		}
	}
	return ""
}

// ---------------------------------------------------------------------------------
// The runner.

// azBuild builds the request of one operation for a target.
type azBuild struct {
	req func(c *azCall) apptest.Req
	// each builds the request again before every attempt: it needs fresh data per
	// attempt (a unique code) or puts the target back in the state the operation needs.
	each bool
	// consume builds again after a 2xx: success used the target up (deleted, decided).
	consume bool
}

// run tries every operation and returns every mismatch. KINERJA_AZ_DUMP=1 logs the
// statuses of each operation too, and tries the operations that have no row yet as if
// everything were allowed: a start for a new operation's row.
func (f *azFix) run(t *testing.T) []string {
	ops := azSpecOps(t)
	keys := make([]string, 0, len(ops))
	for op := range ops {
		keys = append(keys, op)
	}
	sort.Strings(keys)
	dump := os.Getenv("KINERJA_AZ_DUMP") != ""
	var mism []string
	for _, op := range keys {
		row, ok := azTable[op]
		b, ok2 := azBuilders[op]
		if !ok && dump {
			all := strings.TrimSpace(strings.Repeat("OK ", len(azRoles)))
			row, ok = azRow{public: ops[op], home: all, peer: all, unit2: all, cross: all}, true
		}
		if !ok || !ok2 {
			continue // TestAuthzMatrixCoversSpec reports it
		}
		// without a token: 401 unless the operation is public
		home := b.req(f.call("home"))
		r := f.do(t, home)
		if row.public && (r.Status < 200 || r.Status > 299) {
			mism = append(mism, fmt.Sprintf("%-55s home  NONE: %d, want 2xx (public)", op, r.Status))
		} else if !row.public && r.Status != http.StatusUnauthorized {
			mism = append(mism, fmt.Sprintf("%-55s home  NONE: %d, want 401", op, r.Status))
		}
		var statuses []string
		for _, target := range azTargets {
			exps := strings.Fields(row.expectations()[target])
			if len(exps) != len(azRoles) {
				continue
			}
			// the home request is reused unless it must be built again
			var cached *apptest.Req
			if target == "home" && !b.each && !(b.consume && r.Status < 300) {
				cached = &home
			}
			var line []string
			hides, witness := false, false
			for i, role := range azRoles {
				if cached == nil || b.each {
					rq := b.req(f.call(target))
					cached = &rq
				}
				rq := *cached
				rq.Token = f.tok[role]
				if role == "SA" {
					rq.Header = azWith(rq.Header, "X-Instansi-ID", f.A.o.Instansi.ID)
				}
				r := f.do(t, rq)
				line = append(line, fmt.Sprint(r.Status))
				mism = append(mism, f.check(t, row, op, target, role, exps[i], rq, r)...)
				// X-Instansi-ID is the SUPERADMIN's alone: naming B changes nothing for others
				if target == "cross" && role != "SA" && r.Status >= 300 {
					rb := rq
					rb.Header = azWith(rq.Header, "X-Instansi-ID", f.B.o.Instansi.ID)
					mism = append(mism, f.check(t, row, op, target, role+"+B", exps[i], rb, f.do(t, rb))...)
				}
				hides = hides || exps[i] == "~~"
				witness = witness || (exps[i] == "OK" && r.Status < 300 && azFind(r.Body, f.hidden(target)) != "")
				if b.consume && r.Status < 300 {
					cached = nil
				}
			}
			// hiding proves something only if some role does see the target's records
			if hides && !witness && target != "cross" {
				mism = append(mism, fmt.Sprintf("%-55s %-5s: no role sees the target's records, so hiding them proves nothing", op, target))
			}
			statuses = append(statuses, fmt.Sprintf("%s: %s", target, strings.Join(line, " ")))
		}
		if dump {
			t.Logf("%s\n\t%s", op, strings.Join(statuses, "\n\t"))
		}
	}
	return mism
}

// check compares one response with its expectation and with the zero-leak rule.
func (f *azFix) check(t *testing.T, row azRow, op, target, role, exp string, rq apptest.Req, r *apptest.Response) []string {
	var mism []string
	where := fmt.Sprintf("%-55s %-5s %-4s", op, target, role)
	hidden := f.hidden(target)
	if !azMatch(exp, r, hidden) {
		extra := ""
		if exp == "~~" && r.Status < 300 {
			extra = " showing " + azFind(r.Body, hidden)
		}
		mism = append(mism, fmt.Sprintf("%s: %d, want %s%s (%s %s)", where, r.Status, exp, extra, rq.Method, rq.Path))
	}
	// a list hidden when filtered by the target must hide it unfiltered too
	if exp == "~~" && target != "cross" {
		if all, ok := azUnfiltered(rq); ok {
			if ra := f.do(t, all); !azMatch("~~", ra, hidden) {
				mism = append(mism, fmt.Sprintf("%s: %d, want ~~ showing %s (%s %s)", where, ra.Status, azFind(ra.Body, hidden), all.Method, all.Path))
			}
		}
	}
	// zero leaks: no 2xx body shows instansi B to a caller of A, whatever the target,
	// and a list filtered for home does not either without its filter
	if r.Status < 300 && !slices.Contains(strings.Fields(row.seesB), role) {
		if id := azFind(r.Body, f.bIDs()); id != "" {
			mism = append(mism, fmt.Sprintf("%s: %d LEAKS instansi B's %s (%s %s)", where, r.Status, id, rq.Method, rq.Path))
		}
		if all, ok := azUnfiltered(rq); ok && target == "home" {
			if id := azFind(f.do(t, all).Body, f.bIDs()); id != "" {
				mism = append(mism, fmt.Sprintf("%s: LEAKS instansi B's %s (%s %s)", where, id, all.Method, all.Path))
			}
		}
	}
	return mism
}

// azUnfiltered is a GET list request without its filters on a person, a unit, a
// position or a record.
func azUnfiltered(r apptest.Req) (apptest.Req, bool) {
	u, err := url.Parse(r.Path)
	if err != nil || r.Method != http.MethodGet {
		return r, false
	}
	q := u.Query()
	found := false
	for _, k := range []string{"nip", "unit_kerja_id", "q", "parent_id", "root_id", "jabatan_id", "entitas_id"} {
		if q.Has(k) {
			q.Del(k)
			found = true
		}
	}
	u.RawQuery = q.Encode()
	r.Path = u.String()
	return r, found
}

func azWith(h map[string]string, k, v string) map[string]string {
	out := map[string]string{k: v}
	for hk, hv := range h {
		out[hk] = hv
	}
	return out
}

// hidden are the identifiers a "~~" response must not show for a target: the person's
// and their records' (and OPD2's payroll run for unit2).
func (f *azFix) hidden(target string) []string {
	switch target {
	case "peer":
		return f.A.personIDs("rekan")
	case "unit2":
		return append(f.A.personIDs("staf2"), f.A.run["unit2"])
	case "cross":
		return f.bIDs()
	}
	return nil
}

// bIDs are every identifier of instansi B the fixture knows.
func (f *azFix) bIDs() []string { return f.B.ids }

// ---------------------------------------------------------------------------------
// The fixture: both instansi get the same records, built through the API by their own
// admins and employees.

type azFix struct {
	t        *testing.T
	s        *apptest.Server
	w        *apptest.World
	A, B     *azOrg
	tok      map[string]string // the matrix's callers by role
	requests int
	// setupRequests is what building the fixture took.
	setupRequests int
	n             int // a counter for unique codes
	wita          *time.Location
	today         time.Time // today in WITA, as a date
	// past is last year: the evaluations and payroll runs are of it, so that every month
	// has started whenever the test runs
	past int
}

// azSKP is one SKP with its first RHK and indicator.
type azSKP struct{ id, rhk, iki string }

// azOrg is one instansi's side of the fixture.
type azOrg struct {
	f   *azFix
	o   apptest.Org
	tag string
	tok map[string]string // by account: admin, adminUnit, keuangan, audit, penguji and the person keys
	ids []string          // every identifier of the instansi's records
	// person keys: kadis, kabid, staf, rekan, kadis2, staf2
	// approved SKP of this year (activities) and last year (evaluations), one two years
	// back driven through its states by the workflow operations, a draft three years back
	skp, eskp, wskp, dskp map[string]azSKP
	kegiatan              map[string]string // a pending activity per person
	draft, final          map[string]string // a DRAFT and a final evaluation per person
	keberatan             map[string]string
	ub                    map[string]string // a feedback request on each person
	izin, hukuman         map[string]string
	fleks                 map[string]string // a flexible arrangement per person
	pengguna              map[string]string // account ids per person
	plt                   map[string]string // per unit key: home (Sub1), unit2 (OPD2)
	run                   map[string]string // a computed payroll run per unit key
	jadwal                string
	aturan                string // a rule version no run uses
	aturanMulai           string // its berlaku_mulai
	klienID               string
	klienClient           string
	klienSecret           string
	// allocators of fresh periods, years, months and days
	periode map[string]int
	years   map[string]int
	months  map[string]int
	days    map[string]int
}

// personIDs are the identifiers of a person and of the fixture's records about them.
func (o *azOrg) personIDs(k string) []string {
	p := o.person(k)
	return []string{p.NIP, p.ID, o.skp[k].id, o.eskp[k].id, o.wskp[k].id, o.dskp[k].id, o.kegiatan[k], o.draft[k], o.final[k],
		o.keberatan[k], o.ub[k], o.izin[k], o.hukuman[k], o.fleks[k], o.pengguna[k]}
}

func (o *azOrg) person(key string) domain.Pegawai {
	switch key {
	case "kadis":
		return o.o.Kadis
	case "kabid":
		return o.o.Kabid
	case "staf":
		return o.o.Staf
	case "rekan":
		return o.o.Rekan
	case "kadis2":
		return o.o.Kadis2
	case "staf2":
		return o.o.Staf2
	}
	panic("unknown person " + key)
}

// azRater is the person who rates key in the fixture's chart.
func azRater(key string) string {
	switch key {
	case "kabid":
		return "kadis"
	case "staf", "rekan":
		return "kabid"
	case "staf2":
		return "kadis2"
	}
	return ""
}

// azCall is one request's context: the instansi and the person of the target.
type azCall struct {
	f   *azFix
	o   *azOrg
	who string // staf, rekan or staf2
	uk  string // home or unit2
}

func (f *azFix) call(target string) *azCall {
	switch target {
	case "peer":
		return &azCall{f: f, o: f.A, who: "rekan", uk: "home"}
	case "unit2":
		return &azCall{f: f, o: f.A, who: "staf2", uk: "unit2"}
	case "cross":
		return &azCall{f: f, o: f.B, who: "staf", uk: "home"}
	}
	return &azCall{f: f, o: f.A, who: "staf", uk: "home"}
}

func (c *azCall) p() domain.Pegawai { return c.o.person(c.who) }

func (c *azCall) unit() domain.UnitKerja {
	if c.uk == "unit2" {
		return c.o.o.OPD2
	}
	return c.o.o.Sub1
}

func (c *azCall) jab() domain.Jabatan {
	if c.uk == "unit2" {
		return c.o.o.JStaf2
	}
	return c.o.o.JStaf
}

// head is the position above the target's: Kabid's for Sub1, Kadis2's for OPD2.
func (c *azCall) head() domain.Jabatan {
	if c.uk == "unit2" {
		return c.o.o.JKadis2
	}
	return c.o.o.JKabid
}

func (f *azFix) do(t *testing.T, r apptest.Req) *apptest.Response {
	t.Helper()
	f.requests++
	return f.s.Do(r)
}

func (f *azFix) next() int {
	f.n++
	return f.n
}

// mk sends a request as account and fails unless it succeeds; it remembers the id of
// what was made as one of the instansi's identifiers.
func (o *azOrg) mk(account, method, path string, body any) map[string]any {
	t := o.f.t
	t.Helper()
	r := o.f.do(t, apptest.Req{Method: method, Path: path, Token: o.tok[account], Body: body})
	if r.Status < 200 || r.Status > 299 {
		t.Fatalf("fixture %s: %s %s: %d %s", account, method, path, r.Status, r.Body)
	}
	if len(r.Body) == 0 || r.Body[0] != '{' {
		return nil
	}
	m := r.Map(t)
	if id, ok := m["id"].(string); ok {
		o.ids = append(o.ids, id)
	}
	return m
}

func (o *azOrg) date(d time.Time) string { return d.Format(time.DateOnly) }

func azSetup(t *testing.T, db *repository.DB) *azFix {
	s := apptest.New(t, db)
	w := s.NewWorld()
	wita, err := time.LoadLocation("Asia/Makassar")
	if err != nil {
		t.Fatal(err)
	}
	y, m, d := time.Now().In(wita).Date()
	f := &azFix{t: t, s: s, w: w, wita: wita, today: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), past: y - 1}
	super := s.Login(w.Superadmin, apptest.Password)
	f.requests++
	f.A = f.org(w.A, "a")
	f.B = f.org(w.B, "b")
	f.tok = map[string]string{"SA": super, "AI": f.A.tok["admin"], "AU": f.A.tok["adminUnit"], "KEU": f.A.tok["keuangan"],
		"AUD": f.A.tok["audit"], "PEG": f.A.tok["staf"], "RAT": f.A.tok["kabid"]}
	f.setupRequests = f.requests
	return f
}

func (f *azFix) org(o apptest.Org, tag string) *azOrg {
	t := f.t
	t.Helper()
	z := &azOrg{f: f, o: o, tag: tag, tok: map[string]string{},
		skp: map[string]azSKP{}, eskp: map[string]azSKP{}, wskp: map[string]azSKP{}, dskp: map[string]azSKP{},
		kegiatan: map[string]string{}, draft: map[string]string{}, final: map[string]string{}, keberatan: map[string]string{},
		ub: map[string]string{}, izin: map[string]string{}, hukuman: map[string]string{}, fleks: map[string]string{}, pengguna: map[string]string{},
		plt: map[string]string{}, run: map[string]string{},
		periode: map[string]int{}, years: map[string]int{}, months: map[string]int{}, days: map[string]int{}}
	z.ids = []string{o.Instansi.ID, o.OPD1.ID, o.Sub1.ID, o.OPD2.ID, o.JKadis.ID, o.JKabid.ID, o.JStaf.ID, o.JKadis2.ID, o.JStaf2.ID}
	login := func(u string) string { f.requests++; return f.s.Login(u, apptest.Password) }
	for k, u := range map[string]string{"admin": o.Admin, "adminUnit": o.AdminUnit, "keuangan": o.Keuangan, "audit": o.Audit} {
		z.tok[k] = login(u)
	}
	for _, k := range []string{"kadis", "kabid", "staf", "rekan", "kadis2", "staf2"} {
		p := z.person(k)
		z.ids = append(z.ids, p.ID, p.NIP)
		z.tok[k] = login(p.NIP)
	}
	// an account nobody in the matrix changes, for the login and refresh operations
	z.mk("admin", "POST", "/api/v1/pengguna", map[string]any{"username": "penguji." + tag, "password": apptest.Password, "roles": []string{"AUDITOR"}})
	z.tok["penguji"] = login("penguji." + tag)

	z.performance(f.today.Year())
	z.attendance(f.today.Year())
	z.tpp(f.past)
	k := z.mk("admin", "POST", "/api/v1/klien-api", map[string]any{"nama": "SIMPEG " + tag, "scopes": []string{"read"}})
	z.klienID = k["klien"].(map[string]any)["id"].(string)
	z.klienClient = k["klien"].(map[string]any)["client_id"].(string)
	z.klienSecret = k["client_secret"].(string)
	z.ids = append(z.ids, z.klienID, z.klienClient)
	return z
}

// performance gives every person SKP, an activity, evaluations, an objection and a
// feedback request, plus an absence document, a sanction, a check-in and their account id.
func (z *azOrg) performance(year int) {
	f, t := z.f, z.f.t
	for _, y := range []int{year - 3, year - 2, year - 1, year} {
		z.mk("admin", "PUT", fmt.Sprintf("/api/v1/periode-kinerja/%d", y), map[string]any{"frekuensi": "BULANAN", "mode_distribusi": "PERINGATAN"})
	}
	z.skp = z.chain(year)
	z.eskp = z.chain(year - 1)
	z.wskp = z.chain(year - 2)
	for _, k := range []string{"staf", "rekan", "staf2"} {
		m := z.mk(k, "POST", "/api/v1/skp", map[string]any{"nip": z.person(k).NIP, "tahun": year - 3})
		z.dskp[k] = azSKP{id: m["id"].(string)}
	}

	yesterday := f.today.AddDate(0, 0, -1)
	for _, k := range []string{"staf", "rekan", "staf2"} {
		z.kegiatan[k] = z.newKegiatan(k)
		rater := azRater(k)
		// a DRAFT evaluation (period 1) and a final one (period 2) with an objection
		z.draft[k] = z.mk(rater, "POST", "/api/v1/penilaian", map[string]any{"skp_id": z.eskp[k].id, "jenis": "PERIODIK", "periode": 1})["id"].(string)
		z.periode[k] = 2
		z.final[k] = z.newFinal(k)
		z.keberatan[k] = z.mk(k, "POST", "/api/v1/keberatan", map[string]any{"penilaian_id": z.final[k], "alasan": "Mohon ditinjau"})["id"].(string)
		z.izin[k] = z.newIzin(k)
		z.hukuman[k] = z.mk("admin", "POST", "/api/v1/hukuman-disiplin", map[string]any{"nip": z.person(k).NIP, "jenis": "TEGURAN_LISAN",
			"nomor_sk": "800/" + k + "/" + z.tag, "tanggal_sk": z.date(yesterday), "tanggal_berlaku": z.date(yesterday)})["id"].(string)
		z.fleks[k] = z.newFleks(k)
		z.mk(k, "POST", "/api/v1/kehadiran", map[string]any{"jenis": "MASUK"})
		var pg struct {
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
		}
		r := f.do(t, apptest.Req{Method: "GET", Path: "/api/v1/pengguna?q=" + z.person(k).NIP, Token: z.tok["admin"]}).Expect(t, 200)
		r.JSON(t, &pg)
		if len(pg.Items) != 1 {
			t.Fatalf("account of %s: %s", k, r.Body)
		}
		z.pengguna[k] = pg.Items[0].ID
		z.ids = append(z.ids, pg.Items[0].ID)
	}
	batas := z.date(f.today.AddDate(0, 0, 7))
	ub := func(on, by string, responden ...string) {
		var nips []string
		for _, r := range responden {
			nips = append(nips, z.person(r).NIP)
		}
		z.ub[on] = z.mk(by, "POST", "/api/v1/umpan-balik", map[string]any{"nip": z.person(on).NIP, "tahun": year, "batas_waktu": batas, "responden": nips})["id"].(string)
	}
	ub("staf", "kabid", "rekan", "kadis")
	ub("rekan", "kabid", "staf", "kadis") // Staf may answer this one
	ub("staf2", "kadis2", "kadis")
}

// attendance sets the calendar, a shift schedule with a roster, a machine mapping and
// acting assignments.
func (z *azOrg) attendance(year int) {
	o := z.o
	z.mk("admin", "PUT", fmt.Sprintf("/api/v1/kalender/%d", year), azKalender(year))
	// shifts in December only: the office week elsewhere leaves last year's days without
	// a record, which the yearly absence check turns into proposals
	z.jadwal = z.mk("admin", "POST", "/api/v1/jadwal", jdRSUD("RSUD-"+z.tag))["id"].(string)
	for _, u := range []domain.UnitKerja{o.Sub1, o.OPD2} {
		z.mk("admin", "POST", "/api/v1/jadwal-penugasan", map[string]any{"jadwal_id": z.jadwal, "unit_kerja_id": u.ID,
			"berlaku_mulai": fmt.Sprintf("%d-12-01", year), "berlaku_selesai": fmt.Sprintf("%d-12-31", year)})
	}
	z.mk("admin", "PUT", "/api/v1/roster", map[string]any{"items": []any{
		map[string]any{"nip": o.Staf.NIP, "tanggal": fmt.Sprintf("%d-12-01", year), "kode_shift": "PAGI"},
		map[string]any{"nip": o.Staf2.NIP, "tanggal": fmt.Sprintf("%d-12-01", year), "kode_shift": "MALAM"}}})
	z.mk("admin", "PUT", "/api/v1/mesin-absensi/pemetaan", map[string]any{"items": []any{map[string]any{"mesin": "M1", "user_id": "1", "nip": o.Staf.NIP}}})
	z.plt["home"] = z.newPlt("home")
	z.plt["unit2"] = z.newPlt("unit2")
}

// tpp gives the year a rule version in force, one nobody uses, budgets, inputs and one
// computed run per unit.
func (z *azOrg) tpp(past int) {
	o := z.o
	z.mk("admin", "POST", "/api/v1/aturan-tpp", map[string]any{"nama": "Perkada TPP", "berlaku_mulai": fmt.Sprintf("%d-01-01", past-1), "preset": "KEPMENDAGRI_60_40"})
	z.aturan = z.newAturan()
	z.aturanMulai = z.mk("admin", "GET", "/api/v1/aturan-tpp/"+z.aturan, nil)["berlaku_mulai"].(string)
	z.mk("admin", "PUT", fmt.Sprintf("/api/v1/pagu-tpp/%d", past), azPagu(o))
	z.mk("admin", "PUT", fmt.Sprintf("/api/v1/masukan-tpp/%d/9", past), map[string]any{"items": []any{map[string]any{"nip": o.Staf.NIP, "tunjangan_profesi": 0}}})
	for _, uk := range []string{"home", "unit2"} {
		z.run[uk] = z.newRun(uk, past, 10)
	}
}

func azKalender(year int) map[string]any {
	return map[string]any{"items": []any{map[string]any{"tanggal": fmt.Sprintf("%d-12-25", year), "jenis": "LIBUR_NASIONAL", "nama": "Natal"}}}
}

func azPagu(o apptest.Org) map[string]any {
	return map[string]any{"mode": "PERINGATAN", "unit": []any{
		map[string]any{"unit_kerja_id": o.OPD1.ID, "jumlah": 1_000_000_000_000},
		map[string]any{"unit_kerja_id": o.OPD2.ID, "jumlah": 1_000_000_000_000}}}
}

// chain gives the year's SKP of the chart: Kadis and Kadis2 (no rater: submitted),
// Kabid approved by Kadis, Staf and Rekan by Kabid, Staf2 by Kadis2.
func (z *azOrg) chain(year int) map[string]azSKP {
	out := map[string]azSKP{}
	for _, k := range []string{"kadis", "kabid", "staf", "rekan", "kadis2", "staf2"} {
		link := ""
		if r := azRater(k); r != "" {
			link = out[r].rhk
		} else if k == "staf2" {
			link = out["kadis2"].rhk
		}
		m := z.mk(k, "POST", "/api/v1/skp", map[string]any{"nip": z.person(k).NIP, "tahun": year})
		id := m["id"].(string)
		m = z.mk(k, "PUT", "/api/v1/skp/"+id, oneRHK("Sasaran "+k, link, 10))
		z.mk(k, "POST", "/api/v1/skp/"+id+"/ajukan", nil)
		if r := azRater(k); r != "" {
			z.mk(r, "POST", "/api/v1/skp/"+id+"/setujui", nil)
		}
		out[k] = azSKP{id: id, rhk: rhkIDs(m)[0], iki: ikiID(m, 0, 0)}
		z.ids = append(z.ids, out[k].rhk, out[k].iki)
	}
	return out
}

func (z *azOrg) newKegiatan(k string) string {
	return z.mk(k, "POST", "/api/v1/kegiatan", map[string]any{"tanggal": z.date(z.f.today), "rhk_id": z.skp[k].rhk, "menit": 15,
		"uraian": "Mengolah data"})["id"].(string)
}

// nextPeriode is a fresh evaluation period of k's SKP.
func (z *azOrg) nextPeriode(k string) int {
	z.periode[k]++
	if z.periode[k] > 12 {
		z.f.t.Fatalf("the fixture ran out of evaluation periods for %s", k)
	}
	return z.periode[k]
}

// newDraftRated opens a fresh period's evaluation of k and rates it, ready to finalise.
func (z *azOrg) newDraftRated(k string) string {
	rater := azRater(k)
	id := z.mk(rater, "POST", "/api/v1/penilaian", map[string]any{"skp_id": z.eskp[k].id, "jenis": "PERIODIK", "periode": z.nextPeriode(k)})["id"].(string)
	z.mk(rater, "PUT", "/api/v1/penilaian/"+id, map[string]any{"realisasi": []any{map[string]any{"iki_id": z.eskp[k].iki, "realisasi": 9}},
		"rating_hasil": "SESUAI_EKSPEKTASI", "rating_perilaku": "SESUAI_EKSPEKTASI"})
	return id
}

func (z *azOrg) newFinal(k string) string {
	id := z.newDraftRated(k)
	z.mk(azRater(k), "POST", "/api/v1/penilaian/"+id+"/finalkan", nil)
	return id
}

func (z *azOrg) newKeberatan(k string) string {
	return z.mk(k, "POST", "/api/v1/keberatan", map[string]any{"penilaian_id": z.newFinal(k), "alasan": "Mohon ditinjau"})["id"].(string)
}

// nextDay is a fresh day for k's absence documents, next year.
func (z *azOrg) nextDay(k string) string {
	z.days[k]++
	return z.date(time.Date(z.f.today.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 2*z.days[k]))
}

func (z *azOrg) newIzin(k string) string {
	d := z.nextDay(k)
	return z.mk(k, "POST", "/api/v1/izin", map[string]any{"jenis": "DINAS_LUAR", "mulai": d, "selesai": d})["id"].(string)
}

func (z *azOrg) newFleks(k string) string {
	d := z.nextDay(k)
	return z.mk("admin", "POST", "/api/v1/kerja-fleksibel", map[string]any{"nip": z.person(k).NIP, "jenis": "WFA", "mulai": d, "selesai": d})["id"].(string)
}

func (z *azOrg) newPlt(uk string) string {
	c := &azCall{f: z.f, o: z, uk: uk}
	who := "rekan"
	if uk == "unit2" {
		who = "staf2"
	}
	d := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 7*z.f.next())
	return z.mk("admin", "POST", "/api/v1/plt", map[string]any{"jabatan_id": c.head().ID, "nip": z.person(who).NIP, "jenis": "PLH",
		"tanggal_mulai": z.date(d), "tanggal_selesai": z.date(d.AddDate(0, 0, 2))})["id"].(string)
}

// newAturan saves a rule version far in the future, which no run uses.
func (z *azOrg) newAturan() string {
	d := time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, z.f.next(), 0)
	return z.mk("admin", "POST", "/api/v1/aturan-tpp", map[string]any{"nama": "Rancangan", "berlaku_mulai": z.date(d), "preset": "KEPMENDAGRI_60_40"})["id"].(string)
}

// newRun computes a payroll run of the unit for a month and waits until it is computed.
func (z *azOrg) newRun(uk string, year, month int) string {
	u := (&azCall{o: z, uk: uk}).runUnit()
	m := z.mk("admin", "POST", "/api/v1/perhitungan-tpp", map[string]any{"tahun": year, "bulan": month, "unit_kerja_id": u.ID})
	id := m["id"].(string)
	for i := 0; m["status"] != "DIHITUNG"; i++ {
		if i > 100 {
			z.f.t.Fatalf("run %s not computed: %v", id, m)
		}
		time.Sleep(50 * time.Millisecond)
		m = z.mk("admin", "GET", "/api/v1/perhitungan-tpp/"+id, nil)
	}
	return id
}

// nextRunMonth is a month no run of the unit uses yet: last year's January to
// September, then the year before's.
func (z *azOrg) nextRunMonth(uk string) (int, int) {
	z.months[uk]++
	n := z.months[uk]
	if n <= 9 {
		return z.f.past, n
	}
	if n > 21 {
		z.f.t.Fatalf("the fixture ran out of payroll months for %s", uk)
	}
	return z.f.past - 1, n - 9
}

// skpTo drives an SKP of the workflow year to a state through its owner and rater.
func (z *azOrg) skpTo(k string, want ...string) {
	t := z.f.t
	id := z.wskp[k].id
	for i := 0; ; i++ {
		st := z.mk("admin", "GET", "/api/v1/skp/"+id, nil)["status"].(string)
		for _, w := range want {
			if st == w {
				return
			}
		}
		if i > 6 {
			t.Fatalf("SKP %s stuck in %s, want %v", id, st, want)
		}
		switch st {
		case "DRAFT", "DIKEMBALIKAN":
			z.mk(k, "POST", "/api/v1/skp/"+id+"/ajukan", nil)
		case "DIAJUKAN":
			z.mk(azRater(k), "POST", "/api/v1/skp/"+id+"/setujui", nil)
		case "DISETUJUI":
			z.mk(k, "POST", "/api/v1/skp/"+id+"/revisi", nil)
		}
	}
}

// nextYear is a fresh SKP year of k, after this one.
func (z *azOrg) nextYear(k string) int {
	z.years[k]++
	return z.f.today.Year() + z.years[k]
}

// ---------------------------------------------------------------------------------
// The requests, one builder per operation. A builder aims at c's target: c.o is the
// instansi, c.p() the person (Staf, Rekan, Staf2), c.unit() the unit (Sub1, OPD2).

func azGet(path func(c *azCall) string) azBuild {
	return azBuild{req: func(c *azCall) apptest.Req { return apptest.Req{Method: "GET", Path: path(c)} }}
}

func azSend(method string, path func(c *azCall) string, body func(c *azCall) any) azBuild {
	return azBuild{req: func(c *azCall) apptest.Req {
		r := apptest.Req{Method: method, Path: path(c)}
		if body != nil {
			r.Body = body(c)
		}
		return r
	}}
}

func azFixed(p string) func(*azCall) string { return func(*azCall) string { return p } }

func (b azBuild) eachTime() azBuild { b.each = true; return b }
func (b azBuild) consumes() azBuild { b.consume = true; return b }

func (c *azCall) year() int { return c.f.today.Year() }

// past is the year of the evaluations and payroll runs.
func (c *azCall) past() int { return c.f.past }

func (c *azCall) yesterday() string { return c.o.date(c.f.today.AddDate(0, 0, -1)) }

// run is the target unit's computed payroll run (OPD1's for Staf and Rekan).
func (c *azCall) run() string { return c.o.run[c.uk] }

var azBuilders = map[azOp]azBuild{
	// public
	"GET /healthz": azGet(azFixed("/healthz")),
	"GET /readyz":  azGet(azFixed("/readyz")),
	"POST /api/v1/auth/login": azSend("POST", azFixed("/api/v1/auth/login"), func(c *azCall) any {
		return map[string]string{"username": "penguji." + c.o.tag, "password": apptest.Password}
	}),
	"POST /api/v1/auth/refresh": azSend("POST", azFixed("/api/v1/auth/refresh"), func(c *azCall) any {
		return map[string]string{"refresh_token": c.o.refreshToken()}
	}).eachTime(),
	"POST /api/v1/auth/logout": azSend("POST", azFixed("/api/v1/auth/logout"), func(c *azCall) any {
		return map[string]string{"refresh_token": c.o.refreshToken()}
	}).eachTime(),
	"POST /api/v1/auth/token": azSend("POST", azFixed("/api/v1/auth/token"), func(c *azCall) any {
		return map[string]string{"grant_type": "client_credentials", "client_id": c.o.klienClient, "client_secret": c.o.klienSecret}
	}),

	// identity and accounts
	"GET /api/v1/me": azGet(azFixed("/api/v1/me")),
	"POST /api/v1/me/password": azSend("POST", azFixed("/api/v1/me/password"), func(c *azCall) any {
		return map[string]string{"password_lama": apptest.Password, "password_baru": "kata-sandi-baru-12345"}
	}),
	"GET /api/v1/instansi": azGet(azFixed("/api/v1/instansi")),
	"POST /api/v1/instansi": azSend("POST", azFixed("/api/v1/instansi"), func(c *azCall) any {
		return map[string]any{"nama": "Kabupaten Uji", "kode": fmt.Sprintf("KAB-UJI-%d", c.f.next()), "jenis": "KABUPATEN", "zona_waktu": "Asia/Jakarta"}
	}).eachTime(),
	"GET /api/v1/instansi/{id}": azGet(func(c *azCall) string { return "/api/v1/instansi/" + c.o.o.Instansi.ID }),
	"PATCH /api/v1/instansi/{id}": azSend("PATCH", func(c *azCall) string { return "/api/v1/instansi/" + c.o.o.Instansi.ID },
		func(c *azCall) any { return map[string]any{"nama": c.o.o.Instansi.Nama} }),
	"GET /api/v1/pengguna": azGet(func(c *azCall) string { return "/api/v1/pengguna?q=" + c.p().NIP }),
	"POST /api/v1/pengguna": azSend("POST", azFixed("/api/v1/pengguna"), func(c *azCall) any {
		// a PEGAWAI account for a new employee of the target unit, who has none yet
		nip := c.o.newPegawai(c)
		return map[string]any{"username": "akun" + nip, "password": apptest.Password, "nip": nip, "roles": []string{"PEGAWAI"}}
	}).consumes(),
	"GET /api/v1/pengguna/{id}": azGet(func(c *azCall) string { return "/api/v1/pengguna/" + c.o.pengguna[c.who] }),
	"PATCH /api/v1/pengguna/{id}": azSend("PATCH", func(c *azCall) string { return "/api/v1/pengguna/" + c.o.pengguna[c.who] },
		func(c *azCall) any { return map[string]any{"nonaktif": false} }),
	"POST /api/v1/pengguna/{id}/reset-password": azSend("POST", func(c *azCall) string { return "/api/v1/pengguna/" + c.o.pengguna[c.who] + "/reset-password" },
		func(c *azCall) any { return map[string]any{"password_baru": apptest.Password} }),
	"GET /api/v1/klien-api": azGet(azFixed("/api/v1/klien-api")),
	"POST /api/v1/klien-api": azSend("POST", azFixed("/api/v1/klien-api"), func(c *azCall) any {
		return map[string]any{"nama": fmt.Sprintf("Integrasi %d", c.f.next()), "scopes": []string{"read"}}
	}).eachTime(),
	"DELETE /api/v1/klien-api/{id}": azSend("DELETE", func(c *azCall) string {
		k := c.o.mk("admin", "POST", "/api/v1/klien-api", map[string]any{"nama": fmt.Sprintf("Dicabut %d", c.f.next()), "scopes": []string{"read"}})
		return "/api/v1/klien-api/" + k["klien"].(map[string]any)["id"].(string)
	}, nil).consumes(),
	"GET /api/v1/audit": azGet(func(c *azCall) string { return "/api/v1/audit?entitas_id=" + c.o.izin[c.who] }),

	// organisation
	"GET /api/v1/unit-kerja":       azGet(func(c *azCall) string { return "/api/v1/unit-kerja?parent_id=" + c.unit().ID }),
	"GET /api/v1/unit-kerja/pohon": azGet(func(c *azCall) string { return "/api/v1/unit-kerja/pohon?root_id=" + c.unit().ID }),
	"POST /api/v1/unit-kerja": azSend("POST", azFixed("/api/v1/unit-kerja"), func(c *azCall) any {
		return map[string]any{"parent_id": c.unit().ID, "kode": fmt.Sprintf("SEKSI-%d", c.f.next()), "nama": "Seksi Uji", "jenis": "SEKSI"}
	}).eachTime(),
	"GET /api/v1/unit-kerja/{id}": azGet(func(c *azCall) string { return "/api/v1/unit-kerja/" + c.unit().ID }),
	"PATCH /api/v1/unit-kerja/{id}": azSend("PATCH", func(c *azCall) string { return "/api/v1/unit-kerja/" + c.unit().ID },
		func(c *azCall) any { return map[string]any{"nama": c.unit().Nama} }),
	"DELETE /api/v1/unit-kerja/{id}": azSend("DELETE", func(c *azCall) string {
		u := c.o.mk("admin", "POST", "/api/v1/unit-kerja", map[string]any{"parent_id": c.unit().ID, "kode": fmt.Sprintf("HAPUS-%d", c.f.next()), "nama": "Seksi Hapus", "jenis": "SEKSI"})
		return "/api/v1/unit-kerja/" + u["id"].(string)
	}, nil).consumes(),
	"GET /api/v1/jabatan": azGet(func(c *azCall) string { return "/api/v1/jabatan?unit_kerja_id=" + c.unit().ID }),
	"POST /api/v1/jabatan": azSend("POST", azFixed("/api/v1/jabatan"), func(c *azCall) any {
		return c.o.jabatanBody(c)
	}).eachTime(),
	"GET /api/v1/jabatan/{id}": azGet(func(c *azCall) string { return "/api/v1/jabatan/" + c.jab().ID }),
	"PATCH /api/v1/jabatan/{id}": azSend("PATCH", func(c *azCall) string { return "/api/v1/jabatan/" + c.jab().ID },
		func(c *azCall) any { return map[string]any{"nama": c.jab().Nama} }),
	"DELETE /api/v1/jabatan/{id}": azSend("DELETE", func(c *azCall) string {
		return "/api/v1/jabatan/" + c.o.mk("admin", "POST", "/api/v1/jabatan", c.o.jabatanBody(c))["id"].(string)
	}, nil).consumes(),
	"GET /api/v1/plt": azGet(func(c *azCall) string { return "/api/v1/plt?jabatan_id=" + c.head().ID }),
	"POST /api/v1/plt": azSend("POST", azFixed("/api/v1/plt"), func(c *azCall) any {
		d := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 7*c.f.next())
		return map[string]any{"jabatan_id": c.head().ID, "nip": c.p().NIP, "jenis": "PLH", "tanggal_mulai": c.o.date(d), "tanggal_selesai": c.o.date(d.AddDate(0, 0, 2))}
	}).eachTime(),
	"DELETE /api/v1/plt/{id}": azSend("DELETE", func(c *azCall) string { return "/api/v1/plt/" + c.o.newPlt(c.uk) }, nil).consumes(),

	// employees
	"GET /api/v1/pegawai": azGet(func(c *azCall) string { return "/api/v1/pegawai?q=" + c.p().NIP }),
	"POST /api/v1/pegawai": azSend("POST", azFixed("/api/v1/pegawai"), func(c *azCall) any {
		return c.o.pegawaiBody(c, c.o.freshNIP())
	}).eachTime(),
	"POST /api/v1/pegawai/impor": azBuild{req: func(c *azCall) apptest.Req {
		return apptest.Req{Method: "POST", Path: "/api/v1/pegawai/impor?dry_run=true", Type: "text/csv",
			Body: "nip,nama,jenis_asn,tmt,golongan,kode_jabatan\n" + c.o.freshNIP() + ",Pegawai Baru,PNS,2020-01-01,III/a," + c.jab().Kode + "\n"}
	}},
	"GET /api/v1/pegawai/ekspor":        azGet(func(c *azCall) string { return "/api/v1/pegawai/ekspor?unit_kerja_id=" + c.unit().ID }),
	"GET /api/v1/pegawai/{nip}":         azGet(func(c *azCall) string { return "/api/v1/pegawai/" + c.p().NIP }),
	"GET /api/v1/pegawai/{nip}/riwayat": azGet(func(c *azCall) string { return "/api/v1/pegawai/" + c.p().NIP + "/riwayat" }),
	"GET /api/v1/pegawai/{nip}/atasan":  azGet(func(c *azCall) string { return "/api/v1/pegawai/" + c.p().NIP + "/atasan" }),
	"GET /api/v1/pegawai/{nip}/bawahan": azGet(func(c *azCall) string { return "/api/v1/pegawai/" + c.p().NIP + "/bawahan" }),
	"PATCH /api/v1/pegawai/{nip}": azSend("PATCH", func(c *azCall) string { return "/api/v1/pegawai/" + c.p().NIP },
		func(c *azCall) any { return map[string]any{"nama": c.p().Nama} }),
	"POST /api/v1/pegawai/{nip}/riwayat": azSend("POST", func(c *azCall) string { return "/api/v1/pegawai/" + c.p().NIP + "/riwayat" },
		func(c *azCall) any {
			// a correction on a fresh date that changes nothing
			d := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, c.f.next())
			return map[string]any{"jenis": "KOREKSI", "berlaku_mulai": c.o.date(d), "keterangan": "Koreksi data"}
		}).eachTime(),
	"GET /api/v1/pegawai/{nip}/tpp/{periode}": azGet(func(c *azCall) string {
		return fmt.Sprintf("/api/v1/pegawai/%s/tpp/%d-10", c.p().NIP, c.past())
	}),

	// performance
	"GET /api/v1/periode-kinerja":         azGet(azFixed("/api/v1/periode-kinerja")),
	"GET /api/v1/periode-kinerja/{tahun}": azGet(func(c *azCall) string { return fmt.Sprintf("/api/v1/periode-kinerja/%d", c.year()) }),
	"PUT /api/v1/periode-kinerja/{tahun}": azSend("PUT", func(c *azCall) string { return fmt.Sprintf("/api/v1/periode-kinerja/%d", c.year()) },
		func(c *azCall) any { return map[string]any{"frekuensi": "BULANAN", "mode_distribusi": "PERINGATAN"} }),
	"GET /api/v1/skp": azGet(func(c *azCall) string { return "/api/v1/skp?nip=" + c.p().NIP }),
	"POST /api/v1/skp": azSend("POST", azFixed("/api/v1/skp"), func(c *azCall) any {
		return map[string]any{"nip": c.p().NIP, "tahun": c.o.nextYear(c.who)}
	}).eachTime(),
	"GET /api/v1/skp/{id}": azGet(func(c *azCall) string { return "/api/v1/skp/" + c.o.skp[c.who].id }),
	"PUT /api/v1/skp/{id}": azSend("PUT", func(c *azCall) string { return "/api/v1/skp/" + c.o.dskp[c.who].id }, func(c *azCall) any {
		return map[string]any{"rhk": []any{map[string]any{"jenis": "TAMBAHAN", "uraian": "Piket layanan",
			"indikator": []any{map[string]any{"aspek": "KUANTITAS", "uraian": "Jumlah piket", "target": 12, "satuan": "kali"}}}}}
	}),
	"DELETE /api/v1/skp/{id}": azSend("DELETE", func(c *azCall) string {
		return "/api/v1/skp/" + c.o.mk(c.who, "POST", "/api/v1/skp", map[string]any{"nip": c.p().NIP, "tahun": c.o.nextYear(c.who)})["id"].(string)
	}, nil).consumes(),
	"POST /api/v1/skp/{id}/ajukan": azSend("POST", func(c *azCall) string {
		c.o.skpTo(c.who, "DRAFT", "DIKEMBALIKAN")
		return "/api/v1/skp/" + c.o.wskp[c.who].id + "/ajukan"
	}, nil).eachTime(),
	"POST /api/v1/skp/{id}/setujui": azSend("POST", func(c *azCall) string {
		c.o.skpTo(c.who, "DIAJUKAN")
		return "/api/v1/skp/" + c.o.wskp[c.who].id + "/setujui"
	}, nil).eachTime(),
	"POST /api/v1/skp/{id}/kembalikan": azSend("POST", func(c *azCall) string {
		c.o.skpTo(c.who, "DIAJUKAN")
		return "/api/v1/skp/" + c.o.wskp[c.who].id + "/kembalikan"
	}, func(c *azCall) any { return map[string]any{"alasan": "Lengkapi indikator"} }).eachTime(),
	"POST /api/v1/skp/{id}/revisi": azSend("POST", func(c *azCall) string {
		c.o.skpTo(c.who, "DISETUJUI")
		return "/api/v1/skp/" + c.o.wskp[c.who].id + "/revisi"
	}, nil).eachTime(),
	"GET /api/v1/skp/{id}/revisi":  azGet(func(c *azCall) string { return "/api/v1/skp/" + c.o.skp[c.who].id + "/revisi" }),
	"GET /api/v1/skp/{id}/kaskade": azGet(func(c *azCall) string { return "/api/v1/skp/" + c.o.skp[c.who].id + "/kaskade" }),
	"GET /api/v1/kegiatan":         azGet(func(c *azCall) string { return "/api/v1/kegiatan?nip=" + c.p().NIP }),
	"POST /api/v1/kegiatan": azSend("POST", azFixed("/api/v1/kegiatan"), func(c *azCall) any {
		return map[string]any{"tanggal": c.o.date(c.f.today), "rhk_id": c.o.skp[c.who].rhk, "menit": 5, "uraian": "Rapat koordinasi"}
	}),
	"POST /api/v1/kegiatan/verifikasi": azSend("POST", azFixed("/api/v1/kegiatan/verifikasi"), func(c *azCall) any {
		return map[string]any{"items": []any{map[string]any{"id": c.o.newKegiatan(c.who), "status": "DITERIMA"}}}
	}).consumes(),
	"GET /api/v1/kegiatan/ringkasan": azGet(func(c *azCall) string {
		return fmt.Sprintf("/api/v1/kegiatan/ringkasan?nip=%s&tahun=%d&bulan=%d", c.p().NIP, c.year(), int(c.f.today.Month()))
	}),
	"GET /api/v1/kegiatan/{id}": azGet(func(c *azCall) string { return "/api/v1/kegiatan/" + c.o.kegiatan[c.who] }),
	"PUT /api/v1/kegiatan/{id}": azSend("PUT", func(c *azCall) string { return "/api/v1/kegiatan/" + c.o.kegiatan[c.who] }, func(c *azCall) any {
		return map[string]any{"tanggal": c.o.date(c.f.today), "rhk_id": c.o.skp[c.who].rhk, "menit": 20, "uraian": "Mengolah data bidang"}
	}),
	"DELETE /api/v1/kegiatan/{id}": azSend("DELETE", func(c *azCall) string { return "/api/v1/kegiatan/" + c.o.newKegiatan(c.who) }, nil).consumes(),
	"GET /api/v1/penilaian":        azGet(func(c *azCall) string { return "/api/v1/penilaian?nip=" + c.p().NIP }),
	"POST /api/v1/penilaian": azSend("POST", azFixed("/api/v1/penilaian"), func(c *azCall) any {
		return map[string]any{"skp_id": c.o.eskp[c.who].id, "jenis": "PERIODIK", "periode": c.o.nextPeriode(c.who)}
	}).consumes(),
	"POST /api/v1/penilaian/finalisasi": azSend("POST", azFixed("/api/v1/penilaian/finalisasi"), func(c *azCall) any {
		// a fresh period with one rated DRAFT of the unit (Rekan's in Sub1, Staf2's in
		// OPD2): the rater is refused a period in which they rate nothing
		k := map[string]string{"home": "rekan", "unit2": "staf2"}[c.uk]
		c.o.newDraftRated(k)
		return map[string]any{"unit_kerja_id": c.unit().ID, "tahun": c.past(), "jenis": "PERIODIK", "periode": c.o.periode[k]}
	}).consumes(),
	"GET /api/v1/penilaian/{id}": azGet(func(c *azCall) string { return "/api/v1/penilaian/" + c.o.draft[c.who] }),
	"PUT /api/v1/penilaian/{id}": azSend("PUT", func(c *azCall) string { return "/api/v1/penilaian/" + c.o.draft[c.who] },
		func(c *azCall) any { return map[string]any{"umpan_balik": "Pertahankan"} }),
	"POST /api/v1/penilaian/{id}/finalkan": azSend("POST", func(c *azCall) string {
		return "/api/v1/penilaian/" + c.o.newDraftRated(c.who) + "/finalkan"
	}, nil).consumes(),
	"GET /api/v1/predikat-organisasi": azGet(func(c *azCall) string { return "/api/v1/predikat-organisasi?unit_kerja_id=" + c.unit().ID }),
	"PUT /api/v1/predikat-organisasi": azSend("PUT", azFixed("/api/v1/predikat-organisasi"), func(c *azCall) any {
		// the year's predikat: the monthly evaluations' distribution checks stay as they are
		return map[string]any{"unit_kerja_id": c.unit().ID, "tahun": c.past(), "jenis": "TAHUNAN", "predikat": "BAIK"}
	}),
	"GET /api/v1/distribusi-predikat": azGet(func(c *azCall) string {
		return fmt.Sprintf("/api/v1/distribusi-predikat?unit_kerja_id=%s&tahun=%d&jenis=PERIODIK&periode=2", c.unit().ID, c.past())
	}),
	"GET /api/v1/umpan-balik": azGet(func(c *azCall) string { return "/api/v1/umpan-balik?nip=" + c.p().NIP }),
	"POST /api/v1/umpan-balik": azSend("POST", azFixed("/api/v1/umpan-balik"), func(c *azCall) any {
		return map[string]any{"nip": c.p().NIP, "tahun": c.year(), "batas_waktu": c.o.date(c.f.today.AddDate(0, 0, 7)),
			"responden": []string{c.o.o.Kadis.NIP}}
	}),
	"GET /api/v1/umpan-balik/{id}": azGet(func(c *azCall) string { return "/api/v1/umpan-balik/" + c.o.ub[c.who] }),
	"POST /api/v1/umpan-balik/{id}/jawaban": azSend("POST", func(c *azCall) string { return "/api/v1/umpan-balik/" + c.o.ub[c.who] + "/jawaban" },
		func(c *azCall) any {
			return map[string]any{"jawaban": []any{map[string]any{"nilai": "KOLABORATIF", "rating": "SESUAI_EKSPEKTASI"}}}
		}),
	"GET /api/v1/keberatan": azGet(func(c *azCall) string { return fmt.Sprintf("/api/v1/keberatan?tahun=%d", c.past()) }),
	"POST /api/v1/keberatan": azSend("POST", azFixed("/api/v1/keberatan"), func(c *azCall) any {
		return map[string]any{"penilaian_id": c.o.newFinal(c.who), "alasan": "Realisasi belum dihitung"}
	}).consumes(),
	"GET /api/v1/keberatan/{id}": azGet(func(c *azCall) string { return "/api/v1/keberatan/" + c.o.keberatan[c.who] }),
	"POST /api/v1/keberatan/{id}/putusan": azSend("POST", func(c *azCall) string {
		return "/api/v1/keberatan/" + c.o.newKeberatan(c.who) + "/putusan"
	}, func(c *azCall) any { return map[string]any{"keputusan": "DIKUATKAN", "alasan": "Sesuai bukti"} }).consumes(),

	// attendance
	"GET /api/v1/kalender/{tahun}": azGet(func(c *azCall) string { return fmt.Sprintf("/api/v1/kalender/%d", c.year()) }),
	"PUT /api/v1/kalender/{tahun}": azSend("PUT", func(c *azCall) string { return fmt.Sprintf("/api/v1/kalender/%d", c.year()) },
		func(c *azCall) any { return azKalender(c.year()) }),
	"GET /api/v1/jadwal": azGet(azFixed("/api/v1/jadwal")),
	"POST /api/v1/jadwal": azSend("POST", azFixed("/api/v1/jadwal"), func(c *azCall) any {
		return jdSekolah6(fmt.Sprintf("SEKOLAH-%d", c.f.next()))
	}).eachTime(),
	"GET /api/v1/jadwal/{id}": azGet(func(c *azCall) string { return "/api/v1/jadwal/" + c.o.jadwal }),
	"PUT /api/v1/jadwal/{id}": azSend("PUT", func(c *azCall) string { return "/api/v1/jadwal/" + c.o.jadwal },
		func(c *azCall) any { return jdRSUD("RSUD-" + c.o.tag) }),
	"DELETE /api/v1/jadwal/{id}": azSend("DELETE", func(c *azCall) string {
		return "/api/v1/jadwal/" + c.o.mk("admin", "POST", "/api/v1/jadwal", jdSekolah6(fmt.Sprintf("HAPUS-%d", c.f.next())))["id"].(string)
	}, nil).consumes(),
	"GET /api/v1/jadwal-penugasan": azGet(func(c *azCall) string { return "/api/v1/jadwal-penugasan?unit_kerja_id=" + c.unit().ID }),
	"POST /api/v1/jadwal-penugasan": azSend("POST", azFixed("/api/v1/jadwal-penugasan"), func(c *azCall) any {
		return c.o.penugasanBody(c)
	}).eachTime(),
	"DELETE /api/v1/jadwal-penugasan/{id}": azSend("DELETE", func(c *azCall) string {
		return "/api/v1/jadwal-penugasan/" + c.o.mk("admin", "POST", "/api/v1/jadwal-penugasan", c.o.penugasanBody(c))["id"].(string)
	}, nil).consumes(),
	"GET /api/v1/roster": azGet(func(c *azCall) string {
		return fmt.Sprintf("/api/v1/roster?dari=%d-12-01&sampai=%d-12-31&nip=%s", c.year(), c.year(), c.p().NIP)
	}),
	"PUT /api/v1/roster": azSend("PUT", azFixed("/api/v1/roster"), func(c *azCall) any {
		return map[string]any{"items": []any{map[string]any{"nip": c.p().NIP, "tanggal": fmt.Sprintf("%d-12-02", c.year()), "kode_shift": "SIANG"}}}
	}),
	"GET /api/v1/kehadiran": azGet(func(c *azCall) string { return "/api/v1/kehadiran?nip=" + c.p().NIP }),
	"POST /api/v1/kehadiran": azSend("POST", azFixed("/api/v1/kehadiran"), func(c *azCall) any {
		return map[string]any{"jenis": "PULANG"}
	}),
	"POST /api/v1/kehadiran/koreksi": azSend("POST", azFixed("/api/v1/kehadiran/koreksi"), func(c *azCall) any {
		w := time.Date(c.f.today.Year(), c.f.today.Month(), c.f.today.Day()-1, 8, 0, 0, 0, c.f.wita).Add(time.Duration(c.f.next()) * time.Minute)
		return map[string]any{"nip": c.p().NIP, "waktu": w.Format(time.RFC3339), "jenis": "MASUK", "alasan": "Mesin rusak"}
	}).eachTime(),
	"POST /api/v1/kehadiran/impor": azBuild{req: func(c *azCall) apptest.Req {
		return apptest.Req{Method: "POST", Path: "/api/v1/kehadiran/impor?format=CSV&dry_run=true", Type: "text/csv",
			Body: fmt.Sprintf("nip,waktu,jenis\n%s,%s 07:31:00,MASUK\n", c.p().NIP, c.yesterday())}
	}},
	"GET /api/v1/mesin-absensi/pemetaan": azGet(azFixed("/api/v1/mesin-absensi/pemetaan?mesin=M1")),
	"PUT /api/v1/mesin-absensi/pemetaan": azSend("PUT", azFixed("/api/v1/mesin-absensi/pemetaan"), func(c *azCall) any {
		return map[string]any{"items": []any{map[string]any{"mesin": "M1", "user_id": "u-" + c.who, "nip": c.p().NIP}}}
	}),
	"GET /api/v1/kehadiran/rekap": azGet(func(c *azCall) string {
		return fmt.Sprintf("/api/v1/kehadiran/rekap?tahun=%d&bulan=%d&nip=%s", c.year(), int(c.f.today.Month()), c.p().NIP)
	}),
	"GET /api/v1/izin": azGet(func(c *azCall) string { return "/api/v1/izin?nip=" + c.p().NIP }),
	"POST /api/v1/izin": azSend("POST", azFixed("/api/v1/izin"), func(c *azCall) any {
		d := c.o.nextDay(c.who)
		return map[string]any{"nip": c.p().NIP, "jenis": "DINAS_LUAR", "mulai": d, "selesai": d}
	}).eachTime(),
	"GET /api/v1/izin/{id}": azGet(func(c *azCall) string { return "/api/v1/izin/" + c.o.izin[c.who] }),
	"POST /api/v1/izin/{id}/keputusan": azSend("POST", func(c *azCall) string { return "/api/v1/izin/" + c.o.newIzin(c.who) + "/keputusan" },
		func(c *azCall) any { return map[string]any{"keputusan": "DISETUJUI"} }).consumes(),
	"GET /api/v1/hukuman-disiplin": azGet(func(c *azCall) string { return "/api/v1/hukuman-disiplin?nip=" + c.p().NIP }),
	"POST /api/v1/hukuman-disiplin": azSend("POST", azFixed("/api/v1/hukuman-disiplin"), func(c *azCall) any {
		return map[string]any{"nip": c.p().NIP, "jenis": "TEGURAN_LISAN", "nomor_sk": fmt.Sprintf("800/%d", c.f.next()),
			"tanggal_sk": c.yesterday(), "tanggal_berlaku": c.yesterday()}
	}).eachTime(),
	"GET /api/v1/hukuman-disiplin/{id}": azGet(func(c *azCall) string { return "/api/v1/hukuman-disiplin/" + c.o.hukuman[c.who] }),
	"GET /api/v1/kerja-fleksibel":       azGet(func(c *azCall) string { return "/api/v1/kerja-fleksibel?nip=" + c.p().NIP }),
	"POST /api/v1/kerja-fleksibel": azSend("POST", azFixed("/api/v1/kerja-fleksibel"), func(c *azCall) any {
		d := c.o.nextDay(c.who)
		return map[string]any{"nip": c.p().NIP, "jenis": "DINAMIS", "mulai": d, "selesai": d}
	}).eachTime(),
	"GET /api/v1/kerja-fleksibel/{id}": azGet(func(c *azCall) string { return "/api/v1/kerja-fleksibel/" + c.o.fleks[c.who] }),
	"DELETE /api/v1/kerja-fleksibel/{id}": azSend("DELETE", func(c *azCall) string {
		return "/api/v1/kerja-fleksibel/" + c.o.newFleks(c.who)
	}, nil).consumes(),
	"GET /api/v1/hukuman-disiplin/usulan": azGet(func(c *azCall) string {
		return fmt.Sprintf("/api/v1/hukuman-disiplin/usulan?tahun=%d&unit_kerja_id=%s", c.past(), c.unit().ID)
	}),

	// TPP
	"GET /api/v1/aturan-tpp": azGet(azFixed("/api/v1/aturan-tpp")),
	"POST /api/v1/aturan-tpp": azSend("POST", azFixed("/api/v1/aturan-tpp"), func(c *azCall) any {
		d := time.Date(2060, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, c.f.next(), 0)
		return map[string]any{"nama": "Rancangan baru", "berlaku_mulai": c.o.date(d), "preset": "MANADO_POIN"}
	}).eachTime(),
	"GET /api/v1/aturan-tpp/berlaku": azGet(func(c *azCall) string { return fmt.Sprintf("/api/v1/aturan-tpp/berlaku?tahun=%d&bulan=10", c.past()) }),
	"GET /api/v1/aturan-tpp/preset":  azGet(azFixed("/api/v1/aturan-tpp/preset")),
	"POST /api/v1/aturan-tpp/validasi": azSend("POST", azFixed("/api/v1/aturan-tpp/validasi"), func(c *azCall) any {
		return map[string]any{"profil": atpProfil("")}
	}),
	"GET /api/v1/aturan-tpp/{id}": azGet(func(c *azCall) string { return "/api/v1/aturan-tpp/" + c.o.aturan }),
	"PUT /api/v1/aturan-tpp/{id}": azSend("PUT", func(c *azCall) string { return "/api/v1/aturan-tpp/" + c.o.aturan }, func(c *azCall) any {
		return map[string]any{"nama": "Rancangan", "berlaku_mulai": c.o.aturanMulai, "preset": "KEPMENDAGRI_60_40"}
	}),
	"DELETE /api/v1/aturan-tpp/{id}": azSend("DELETE", func(c *azCall) string { return "/api/v1/aturan-tpp/" + c.o.newAturan() }, nil).consumes(),
	"POST /api/v1/tpp/simulasi": azSend("POST", azFixed("/api/v1/tpp/simulasi"), func(c *azCall) any {
		return map[string]any{"tahun": c.past(), "bulan": 10, "unit_kerja_id": c.unit().ID}
	}),
	"GET /api/v1/perhitungan-tpp": azGet(func(c *azCall) string { return fmt.Sprintf("/api/v1/perhitungan-tpp?tahun=%d&bulan=10", c.past()) }),
	"POST /api/v1/perhitungan-tpp": azSend("POST", azFixed("/api/v1/perhitungan-tpp"), func(c *azCall) any {
		// the unit's run of October exists: asking again answers it (200)
		return map[string]any{"tahun": c.past(), "bulan": 10, "unit_kerja_id": c.runUnit().ID}
	}),
	"GET /api/v1/perhitungan-tpp/{id}": azGet(func(c *azCall) string { return "/api/v1/perhitungan-tpp/" + c.run() }),
	"DELETE /api/v1/perhitungan-tpp/{id}": azSend("DELETE", func(c *azCall) string {
		y, m := c.o.nextRunMonth(c.uk)
		return "/api/v1/perhitungan-tpp/" + c.o.newRun(c.uk, y, m)
	}, nil).consumes(),
	"GET /api/v1/perhitungan-tpp/{id}/baris": azGet(func(c *azCall) string { return "/api/v1/perhitungan-tpp/" + c.run() + "/baris" }),
	"GET /api/v1/perhitungan-tpp/{id}/baris/{nip}": azGet(func(c *azCall) string {
		return "/api/v1/perhitungan-tpp/" + c.run() + "/baris/" + c.p().NIP
	}),
	"POST /api/v1/perhitungan-tpp/{id}/hitung-ulang": azSend("POST", func(c *azCall) string { return "/api/v1/perhitungan-tpp/" + c.run() + "/hitung-ulang" }, nil),
	"POST /api/v1/perhitungan-tpp/{id}/setujui": azSend("POST", func(c *azCall) string {
		y, m := c.o.nextRunMonth(c.uk)
		return "/api/v1/perhitungan-tpp/" + c.o.newRun(c.uk, y, m) + "/setujui"
	}, func(c *azCall) any { return map[string]any{} }).consumes(),
	"GET /api/v1/perhitungan-tpp/{id}/ekspor": azGet(func(c *azCall) string { return "/api/v1/perhitungan-tpp/" + c.run() + "/ekspor?format=CSV" }),
	"GET /api/v1/pagu-tpp/{tahun}":            azGet(func(c *azCall) string { return fmt.Sprintf("/api/v1/pagu-tpp/%d", c.past()) }),
	"PUT /api/v1/pagu-tpp/{tahun}": azSend("PUT", func(c *azCall) string { return fmt.Sprintf("/api/v1/pagu-tpp/%d", c.past()) },
		func(c *azCall) any { return azPagu(c.o.o) }),
	"GET /api/v1/masukan-tpp/{tahun}/{bulan}": azGet(func(c *azCall) string { return fmt.Sprintf("/api/v1/masukan-tpp/%d/9", c.past()) }),
	"PUT /api/v1/masukan-tpp/{tahun}/{bulan}": azSend("PUT", func(c *azCall) string { return fmt.Sprintf("/api/v1/masukan-tpp/%d/9", c.past()) },
		func(c *azCall) any {
			return map[string]any{"items": []any{map[string]any{"nip": c.p().NIP, "tunjangan_profesi": 0}}}
		}),
}

// runUnit is the unit of the target's payroll run: OPD1 (Staf, Rekan) or OPD2.
func (c *azCall) runUnit() domain.UnitKerja {
	if c.uk == "unit2" {
		return c.o.o.OPD2
	}
	return c.o.o.OPD1
}

func (z *azOrg) jabatanBody(c *azCall) map[string]any {
	return map[string]any{"unit_kerja_id": c.unit().ID, "kode": fmt.Sprintf("J-UJI-%d", z.f.next()), "nama": "Analis Uji",
		"jenis": "PELAKSANA", "kelas_jabatan": 7, "atasan_jabatan_id": c.head().ID}
}

// freshNIP is a valid NIP nobody holds: born 1995-01-01, TMT 2020-01, male, a serial
// that differs per instansi.
func (z *azOrg) freshNIP() string {
	serial := z.f.next()
	if z.tag == "b" {
		serial += 500
	}
	return fmt.Sprintf("199501012020011%03d", serial)
}

func (z *azOrg) pegawaiBody(c *azCall, nip string) map[string]any {
	return map[string]any{"nip": nip, "nama": "Pegawai Uji", "jenis_asn": "PNS", "tmt": "2020-01-01", "golongan": "III/a", "jabatan_id": c.jab().ID}
}

// newPegawai registers an employee of the target's position as the admin.
func (z *azOrg) newPegawai(c *azCall) string {
	nip := z.freshNIP()
	z.mk("admin", "POST", "/api/v1/pegawai", z.pegawaiBody(c, nip))
	z.ids = append(z.ids, nip)
	return nip
}

func (z *azOrg) penugasanBody(c *azCall) map[string]any {
	d := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, z.f.next())
	return map[string]any{"jadwal_id": z.jadwal, "unit_kerja_id": c.unit().ID, "berlaku_mulai": z.date(d), "berlaku_selesai": z.date(d)}
}

// refreshToken logs the account nobody changes in and returns a new refresh token.
func (z *azOrg) refreshToken() string {
	z.f.requests++
	return login(z.f.t, z.f.s, "penguji."+z.tag, apptest.Password).RefreshToken
}

// TestAuthzUnitFilters asks the lists for OPD2's people by unit, position or RHK:
// ADMIN_UNIT of OPD1, Staf and Kabid must get nothing of Staf2's, while ADMIN_INSTANSI
// gets it (so the absence means something).
func TestAuthzUnitFilters(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		f := azSetup(t, db)
		a, y, m := f.A.o, f.today.Year(), int(f.today.Month())
		hidden := f.hidden("unit2")
		for _, path := range []string{
			"/api/v1/pegawai?unit_kerja_id=" + a.OPD2.ID,
			"/api/v1/pegawai?jabatan_id=" + a.JStaf2.ID,
			"/api/v1/pegawai/ekspor?unit_kerja_id=" + a.OPD2.ID,
			fmt.Sprintf("/api/v1/skp?tahun=%d&unit_kerja_id=%s", y, a.OPD2.ID),
			"/api/v1/penilaian?unit_kerja_id=" + a.OPD2.ID,
			"/api/v1/kegiatan?rhk_id=" + f.A.skp["staf2"].rhk,
			fmt.Sprintf("/api/v1/kehadiran/rekap?tahun=%d&bulan=%d&unit_kerja_id=%s", y, m, a.OPD2.ID),
			fmt.Sprintf("/api/v1/roster?dari=%d-12-01&sampai=%d-12-31&unit_kerja_id=%s", y, y, a.OPD2.ID),
			fmt.Sprintf("/api/v1/hukuman-disiplin/usulan?tahun=%d&unit_kerja_id=%s", f.past, a.OPD2.ID),
		} {
			r := f.do(t, apptest.Req{Method: "GET", Path: path, Token: f.tok["AI"]})
			if r.Status != http.StatusOK || azFind(r.Body, hidden) == "" {
				t.Errorf("GET %s as AI: %d without Staf2: the probe proves nothing: %s", path, r.Status, r.Body)
			}
			for _, role := range []string{"AU", "PEG", "RAT"} {
				if r := f.do(t, apptest.Req{Method: "GET", Path: path, Token: f.tok[role]}); !azMatch("~~", r, hidden) {
					t.Errorf("GET %s as %s: %d showing %s", path, role, r.Status, azFind(r.Body, hidden))
				}
			}
		}
	})
}

// TestAuthzForeignReferences writes in instansi A with one reference in the body to a
// record of instansi B (the rest valid): every one must be refused with a 4xx, as
// ADMIN_INSTANSI and as the SUPERADMIN acting in A, or as the person the operation is for.
func TestAuthzForeignReferences(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		f := azSetup(t, db)
		a, b := f.A.o, f.B.o
		var kh struct {
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
		}
		f.do(t, apptest.Req{Method: "GET", Path: "/api/v1/kehadiran?nip=" + b.Staf.NIP, Token: f.B.tok["admin"]}).Expect(t, 200).JSON(t, &kh)
		if len(kh.Items) == 0 {
			t.Fatal("instansi B has no attendance record")
		}
		y := f.today.Year()
		admin := []string{"AI", "SA"}
		// field is where the problem must point: the reference to B (none for a 403)
		cases := []struct {
			field  string
			by     []string
			method string
			path   string
			body   map[string]any
		}{
			{"parent_id", admin, "POST", "/api/v1/unit-kerja", map[string]any{"parent_id": b.OPD1.ID, "kode": "X-1", "nama": "X", "jenis": "SEKSI"}},
			{"parent_id", admin, "PATCH", "/api/v1/unit-kerja/" + a.Sub1.ID, map[string]any{"parent_id": b.OPD1.ID}},
			{"kepala_jabatan_id", admin, "PATCH", "/api/v1/unit-kerja/" + a.Sub1.ID, map[string]any{"kepala_jabatan_id": b.JKabid.ID}},
			{"atasan_jabatan_id", admin, "POST", "/api/v1/jabatan", map[string]any{"unit_kerja_id": a.Sub1.ID, "kode": "X-2", "nama": "X", "jenis": "PELAKSANA", "kelas_jabatan": 5, "atasan_jabatan_id": b.JKabid.ID}},
			{"atasan_jabatan_id", admin, "PATCH", "/api/v1/jabatan/" + a.JStaf.ID, map[string]any{"atasan_jabatan_id": b.JKabid.ID}},
			{"unit_kerja_id", admin, "PATCH", "/api/v1/jabatan/" + a.JStaf.ID, map[string]any{"unit_kerja_id": b.Sub1.ID}},
			{"nip", admin, "POST", "/api/v1/plt", map[string]any{"jabatan_id": a.JKabid.ID, "nip": b.Rekan.NIP, "jenis": "PLH", "tanggal_mulai": "2022-01-03"}},
			{"jabatan_id", admin, "POST", "/api/v1/plt", map[string]any{"jabatan_id": b.JKabid.ID, "nip": a.Rekan.NIP, "jenis": "PLH", "tanggal_mulai": "2022-01-03"}},
			{"jabatan_id", admin, "POST", "/api/v1/pegawai", map[string]any{"nip": "199501012020011999", "nama": "X", "jenis_asn": "PNS", "tmt": "2020-01-01", "golongan": "III/a", "jabatan_id": b.JStaf.ID}},
			{"jabatan_id", admin, "POST", "/api/v1/pegawai/" + a.Staf.NIP + "/riwayat", map[string]any{"jenis": "MUTASI", "berlaku_mulai": "2022-01-03", "jabatan_id": b.JStaf.ID}},
			{"nip", admin, "POST", "/api/v1/pengguna", map[string]any{"username": "asing.1", "password": apptest.Password, "nip": b.Staf.NIP, "roles": []string{"PEGAWAI"}}},
			{"unit_kerja_id", admin, "POST", "/api/v1/pengguna", map[string]any{"username": "asing.2", "password": apptest.Password, "unit_kerja_id": b.OPD1.ID, "roles": []string{"ADMIN_UNIT"}}},
			{"", []string{"AI"}, "POST", "/api/v1/pengguna", map[string]any{"username": "asing.3", "password": apptest.Password, "instansi_id": b.Instansi.ID, "roles": []string{"ADMIN_INSTANSI"}}},
			{"nip", admin, "PATCH", "/api/v1/pengguna/" + f.A.pengguna["staf"], map[string]any{"nip": b.Staf.NIP}},
			{"unit_kerja_id", admin, "PATCH", "/api/v1/pengguna/" + f.A.pengguna["staf"], map[string]any{"roles": []string{"ADMIN_UNIT"}, "unit_kerja_id": b.OPD1.ID}},
			{"rhk/0/rhk_atasan_id", []string{"PEG"}, "PUT", "/api/v1/skp/" + f.A.dskp["staf"].id, oneRHK("Sasaran", f.B.skp["kabid"].rhk, 5)},
			{"realisasi/0/iki_id", []string{"RAT"}, "PUT", "/api/v1/penilaian/" + f.A.draft["staf"], map[string]any{"realisasi": []any{map[string]any{"iki_id": f.B.eskp["staf"].iki, "realisasi": 1}}}},
			{"responden", []string{"RAT"}, "POST", "/api/v1/umpan-balik", map[string]any{"nip": a.Staf.NIP, "tahun": y, "batas_waktu": f.A.date(f.today.AddDate(0, 0, 7)), "responden": []string{b.Kadis.NIP}}},
			{"jadwal_id", admin, "POST", "/api/v1/jadwal-penugasan", map[string]any{"jadwal_id": f.B.jadwal, "unit_kerja_id": a.Sub1.ID, "berlaku_mulai": "2031-01-01"}},
			{"nip", admin, "POST", "/api/v1/jadwal-penugasan", map[string]any{"jadwal_id": f.A.jadwal, "nip": b.Staf.NIP, "berlaku_mulai": "2031-01-01"}},
			{"menggantikan_id", admin, "POST", "/api/v1/kehadiran/koreksi", map[string]any{"nip": a.Staf.NIP, "waktu": f.today.Add(-12 * time.Hour).Format(time.RFC3339), "menggantikan_id": kh.Items[0].ID, "alasan": "x"}},
			{"aturan_tpp_id", append(admin, "KEU"), "POST", "/api/v1/tpp/simulasi", map[string]any{"aturan_tpp_id": f.B.aturan, "tahun": f.past, "bulan": 10}},
			{"perhitungan_asal_id", append(admin, "KEU"), "POST", "/api/v1/perhitungan-tpp", map[string]any{"tahun": f.past, "bulan": 10, "unit_kerja_id": a.OPD1.ID, "jenis": "KOREKSI", "perhitungan_asal_id": f.B.run["home"]}},
		}
		for _, c := range cases {
			for _, role := range c.by {
				r := apptest.Req{Method: c.method, Path: c.path, Token: f.tok[role], Body: c.body}
				if role == "SA" {
					r.Header = map[string]string{"X-Instansi-ID": a.Instansi.ID}
				}
				got := f.do(t, r)
				if got.Status < 400 || got.Status > 499 {
					t.Errorf("%s %s as %s with %v: %d, want 4xx: %s", c.method, c.path, role, c.body, got.Status, got.Body)
					continue
				}
				if c.field != "" && !azNames(got.Problem(t), c.field) {
					t.Errorf("%s %s as %s with %v: the problem does not name %s: %s", c.method, c.path, role, c.body, c.field, got.Body)
				}
			}
		}
	})
}

// azNames reports whether a problem names the field or an element of it.
func azNames(p apptest.Problem, field string) bool {
	for _, e := range p.Errors {
		if e.Field == field || strings.HasPrefix(e.Field, field+"/") {
			return true
		}
	}
	return false
}
