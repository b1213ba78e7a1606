package api_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type khdRec struct {
	ID             string   `json:"id"`
	NIP            string   `json:"nip"`
	Nama           string   `json:"nama"`
	Waktu          string   `json:"waktu"`
	WaktuLokal     string   `json:"waktu_lokal"`
	Jenis          *string  `json:"jenis"`
	Sumber         string   `json:"sumber"`
	WaktuKlien     *string  `json:"waktu_klien"`
	Lintang        *float64 `json:"lintang"`
	Bujur          *float64 `json:"bujur"`
	PerangkatID    *string  `json:"perangkat_id"`
	MenggantikanID *string  `json:"menggantikan_id"`
	Alasan         *string  `json:"alasan"`
	Dikoreksi      bool     `json:"dikoreksi"`
	DicatatOleh    *string  `json:"dicatat_oleh"`
}

func (r khdRec) jenis() string {
	if r.Jenis == nil {
		return ""
	}
	return *r.Jenis
}

type khdPage struct {
	Total int      `json:"total"`
	Items []khdRec `json:"items"`
}

type khdHasil struct {
	Total       int  `json:"total"`
	Ditambahkan int  `json:"ditambahkan"`
	SudahAda    int  `json:"sudah_ada"`
	DryRun      bool `json:"dry_run"`
	Errors      []struct {
		Baris  int    `json:"baris"`
		Field  string `json:"field"`
		Code   string `json:"code"`
		Detail string `json:"detail"`
	} `json:"errors"`
}

// rows renders the report's errors as "line field code" for comparison.
func (h khdHasil) rows() []string {
	var out []string
	for _, e := range h.Errors {
		out = append(out, fmt.Sprintf("%d %s %s", e.Baris, e.Field, e.Code))
	}
	return out
}

type khdProblem struct {
	Code    string   `json:"code"`
	Laporan khdHasil `json:"laporan"`
}

// khdEnv is a server with the fixture world and a token per role.
type khdEnv struct {
	s                                   *apptest.Server
	w                                   *apptest.World
	wita                                *time.Location
	admin, adminUnit, keuangan, auditor string
	adminB                              string
}

func khdSetup(t *testing.T, db *repository.DB) *khdEnv {
	s := apptest.New(t, db)
	w := s.NewWorld()
	wita, err := time.LoadLocation("Asia/Makassar")
	if err != nil {
		t.Fatal(err)
	}
	return &khdEnv{s: s, w: w, wita: wita, admin: s.Login(w.A.Admin, apptest.Password),
		adminUnit: s.Login(w.A.AdminUnit, apptest.Password), keuangan: s.Login(w.A.Keuangan, apptest.Password),
		auditor: s.Login(w.A.Audit, apptest.Password), adminB: s.Login(w.B.Admin, apptest.Password)}
}

func (e *khdEnv) login(p domain.Pegawai) string { return e.s.Login(p.NIP, apptest.Password) }

// local renders a local time (WITA) d days ago at hh:mm:ss, as an import file writes it.
func (e *khdEnv) local(daysAgo, hh, mm, ss int) string {
	y, m, d := time.Now().In(e.wita).Date()
	return time.Date(y, m, d-daysAgo, hh, mm, ss, 0, e.wita).Format(time.DateTime)
}

func (e *khdEnv) list(t *testing.T, tok, query string) khdPage {
	t.Helper()
	var pg khdPage
	e.s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kehadiran" + query, Token: tok}).Expect(t, 200).JSON(t, &pg)
	return pg
}

func (e *khdEnv) checkIn(tok, key string, body map[string]any) *apptest.Response {
	r := apptest.Req{Method: "POST", Path: "/api/v1/kehadiran", Token: tok, Body: body}
	if key != "" {
		r.Header = map[string]string{"Idempotency-Key": key}
	}
	return e.s.Do(r)
}

func (e *khdEnv) koreksi(tok string, body map[string]any) *apptest.Response {
	return e.s.Do(apptest.Req{Method: "POST", Path: "/api/v1/kehadiran/koreksi", Token: tok, Body: body})
}

func (e *khdEnv) impor(tok, query, body string) *apptest.Response {
	return e.s.Do(apptest.Req{Method: "POST", Path: "/api/v1/kehadiran/impor" + query, Token: tok, Body: body, Type: "text/csv"})
}

func (e *khdEnv) imporOK(t *testing.T, tok, query, body string) khdHasil {
	t.Helper()
	var h khdHasil
	e.impor(tok, query, body).Expect(t, 200).JSON(t, &h)
	return h
}

func (e *khdEnv) imporRejected(t *testing.T, tok, query, body string) khdHasil {
	t.Helper()
	var p khdProblem
	e.impor(tok, query, body).Expect(t, 422).JSON(t, &p)
	if p.Code != "import_rejected" {
		t.Fatalf("problem code %q", p.Code)
	}
	return p.Laporan
}

func khdAudits(t *testing.T, s *apptest.Server, instansiID, entitas, aksi string) []domain.AuditEntry {
	t.Helper()
	es, _, err := s.DB.ListAudit(context.Background(), domain.AuditFilter{InstansiID: instansiID, Entitas: entitas, Aksi: aksi, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func khdNIPs(pg khdPage) []string {
	var out []string
	for _, k := range pg.Items {
		if !slices.Contains(out, k.NIP) {
			out = append(out, k.NIP)
		}
	}
	slices.Sort(out)
	return out
}

func khdSorted(nips ...string) []string {
	out := slices.Clone(nips)
	slices.Sort(out)
	return out
}

func TestKehadiranCheckIn(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		e := khdSetup(t, db)
		a := e.w.A
		staf, rekan := e.login(a.Staf), e.login(a.Rekan)
		body := map[string]any{"jenis": "MASUK", "waktu_klien": "2026-11-20T07:29:58.123456+08:00",
			"lintang": -0.502106, "bujur": 117.153709, "perangkat_id": "android-7f3a"}
		before := time.Now().Add(-time.Second)

		var k khdRec
		e.checkIn(staf, "kunci-0001", body).Expect(t, 201).JSON(t, &k)
		waktu, err := time.Parse(time.RFC3339, k.Waktu)
		if err != nil || waktu.Before(before.Truncate(time.Second)) || waktu.After(time.Now()) {
			t.Fatalf("server time %q (%v)", k.Waktu, err)
		}
		if k.NIP != a.Staf.NIP || k.jenis() != "MASUK" || k.Sumber != "MOBILE" || k.Dikoreksi ||
			k.PerangkatID == nil || *k.PerangkatID != "android-7f3a" || k.Lintang == nil || *k.Lintang != -0.502106 ||
			k.Bujur == nil || *k.Bujur != 117.153709 || k.WaktuKlien == nil || k.DicatatOleh == nil || *k.DicatatOleh != a.Staf.NIP {
			t.Fatalf("check-in %+v", k)
		}
		if want := waktu.In(e.wita).Format("2006-01-02T15:04:05"); k.WaktuLokal != want {
			t.Errorf("waktu_lokal %q, want %q", k.WaktuLokal, want)
		}
		if es := khdAudits(t, e.s, a.Instansi.ID, "kehadiran", "CREATE"); len(es) != 1 || es[0].EntitasID != k.ID {
			t.Errorf("audit %+v", es)
		}

		// a retry with the same key returns the first record and adds nothing
		var again khdRec
		e.checkIn(staf, "kunci-0001", body).Expect(t, 200).JSON(t, &again)
		if again.ID != k.ID || again.Waktu != k.Waktu {
			t.Fatalf("retry %+v, first %+v", again, k)
		}
		if pg := e.list(t, staf, ""); pg.Total != 1 {
			t.Fatalf("after the retry: %+v", pg)
		}
		// the same key with another body is refused
		other := map[string]any{"jenis": "PULANG", "waktu_klien": "2026-11-20T07:29:58.123456+08:00",
			"lintang": -0.502106, "bujur": 117.153709, "perangkat_id": "android-7f3a"}
		e.checkIn(staf, "kunci-0001", other).Expect(t, 422)
		// keys are per pegawai: Rekan may use the same one
		var rk khdRec
		e.checkIn(rekan, "kunci-0001", body).Expect(t, 201).JSON(t, &rk)
		if rk.NIP != a.Rekan.NIP || rk.ID == k.ID {
			t.Fatalf("rekan %+v", rk)
		}
		// jenis is required
		e.checkIn(staf, "", map[string]any{}).Expect(t, 400)

		// accounts without a pegawai cannot check in, not even "for" anyone
		for _, tok := range []string{e.keuangan, e.auditor, e.admin, e.adminUnit} {
			e.checkIn(tok, "kunci-0002", map[string]any{"jenis": "MASUK"}).Expect(t, 403)
		}

		// a pegawai who is not AKTIF, or holds no position today, is refused
		if err := db.Exec(context.Background(), `UPDATE riwayat_pegawai SET status = 'CLTN' WHERE pegawai_id = ?`, a.Staf2.ID); err != nil {
			t.Fatal(err)
		}
		e.checkIn(e.login(a.Staf2), "", map[string]any{"jenis": "MASUK"}).Expect(t, 422)
		if err := db.Exec(context.Background(), `UPDATE riwayat_pegawai SET berlaku_mulai = '2099-01-01' WHERE pegawai_id = ?`, a.Kadis2.ID); err != nil {
			t.Fatal(err)
		}
		e.checkIn(e.login(a.Kadis2), "", map[string]any{"jenis": "MASUK"}).Expect(t, 422)
	})
}

func TestKehadiranKoreksi(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		e := khdSetup(t, db)
		a := e.w.A
		staf := e.login(a.Staf)
		var orig khdRec
		e.checkIn(staf, "", map[string]any{"jenis": "MASUK"}).Expect(t, 201).JSON(t, &orig)
		kemarin := time.Now().Add(-24 * time.Hour).Truncate(time.Second).UTC()
		body := map[string]any{"nip": a.Staf.NIP, "waktu": kemarin.Format(time.RFC3339), "menggantikan_id": orig.ID,
			"alasan": "Mesin rusak; hadir sesuai daftar hadir manual."}

		// readers, pegawai and raters do not correct
		for _, tok := range []string{e.keuangan, e.auditor, staf, e.login(a.Kabid)} {
			e.koreksi(tok, body).Expect(t, 403)
		}
		// ADMIN_UNIT of OPD1 does not reach OPD2; instansi B does not reach A
		e.koreksi(e.adminUnit, map[string]any{"nip": a.Staf2.NIP, "waktu": kemarin.Format(time.RFC3339), "alasan": "x"}).Expect(t, 404)
		e.koreksi(e.adminB, body).Expect(t, 404)
		e.koreksi(e.adminB, map[string]any{"nip": e.w.B.Staf.NIP, "waktu": kemarin.Format(time.RFC3339),
			"menggantikan_id": orig.ID, "alasan": "x"}).Expect(t, 404)
		// another pegawai's record cannot be replaced in Staf's name
		e.koreksi(e.admin, map[string]any{"nip": a.Rekan.NIP, "waktu": kemarin.Format(time.RFC3339),
			"menggantikan_id": orig.ID, "alasan": "x"}).Expect(t, 400)

		// timestamps in the future or before the TMT
		future := map[string]any{"nip": a.Staf.NIP, "waktu": time.Now().Add(time.Hour).UTC().Format(time.RFC3339), "alasan": "x"}
		if p := e.koreksi(e.admin, future).Expect(t, 400).Problem(t); !p.HasField("waktu") {
			t.Errorf("future: %+v", p)
		}
		preTMT := map[string]any{"nip": a.Staf.NIP, "waktu": "2010-01-04T07:30:00+08:00", "alasan": "x"}
		if p := e.koreksi(e.admin, preTMT).Expect(t, 400).Problem(t); !p.HasField("waktu") || p.Errors[0].Code != "waktu_before_tmt" {
			t.Errorf("before TMT: %+v", p)
		}

		// the correction replaces the record, which is kept
		var k khdRec
		e.koreksi(e.adminUnit, body).Expect(t, 201).JSON(t, &k)
		if k.Sumber != "KOREKSI" || k.MenggantikanID == nil || *k.MenggantikanID != orig.ID || k.Alasan == nil ||
			*k.Alasan != body["alasan"] || k.jenis() != "MASUK" || k.Dikoreksi || k.Waktu != kemarin.Format(time.RFC3339) {
			t.Fatalf("correction %+v", k)
		}
		if pg := e.list(t, staf, ""); pg.Total != 1 || pg.Items[0].ID != k.ID {
			t.Fatalf("counted records: %+v", pg)
		}
		all := e.list(t, staf, "?termasuk_dikoreksi=true")
		if all.Total != 2 || all.Items[0].ID != orig.ID || !all.Items[0].Dikoreksi || all.Items[1].ID != k.ID {
			t.Fatalf("with corrected: %+v", all)
		}
		es := khdAudits(t, e.s, a.Instansi.ID, "kehadiran", "UPDATE")
		if len(es) != 1 || es[0].EntitasID != orig.ID || es[0].Sebelum == nil || es[0].Sesudah == nil {
			t.Fatalf("audit %+v", es)
		}
		// a record is corrected once
		e.koreksi(e.admin, body).Expect(t, 409)

		// a missing record is added; the same second twice is a conflict
		add := map[string]any{"nip": a.Staf.NIP, "waktu": kemarin.Add(8 * time.Hour).Format(time.RFC3339), "jenis": "PULANG",
			"alasan": "Lupa presensi pulang."}
		var added khdRec
		e.koreksi(e.admin, add).Expect(t, 201).JSON(t, &added)
		if added.Sumber != "KOREKSI" || added.MenggantikanID != nil || added.jenis() != "PULANG" {
			t.Fatalf("added %+v", added)
		}
		e.koreksi(e.admin, add).Expect(t, 409)
		if es := khdAudits(t, e.s, a.Instansi.ID, "kehadiran", "CREATE"); len(es) != 2 {
			t.Errorf("create audits: %d", len(es))
		}
	})
}

func TestKehadiranImporCSV(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		e := khdSetup(t, db)
		a := e.w.A
		good := "nip;waktu;jenis\n" +
			a.Staf.NIP + ";" + e.local(3, 7, 31, 5) + ";MASUK\n" +
			a.Staf.NIP + ";" + e.local(3, 16, 2, 0) + ";PULANG\n" +
			a.Rekan.NIP + ";" + e.local(3, 7, 45, 0) + ";\n" +
			a.Staf2.NIP + ";" + e.local(3, 7, 50, 0) + ";MASUK\n"

		// KEUANGAN, AUDITOR and pegawai do not import
		for _, tok := range []string{e.keuangan, e.auditor, e.login(a.Staf)} {
			e.impor(tok, "?format=CSV", good).Expect(t, 403)
		}

		// dry run: counted, nothing written
		if h := e.imporOK(t, e.admin, "?format=CSV&dry_run=true", good); h.Total != 4 || h.Ditambahkan != 4 || h.SudahAda != 0 || !h.DryRun {
			t.Fatalf("dry run %+v", h)
		}
		if pg := e.list(t, e.admin, ""); pg.Total != 0 {
			t.Fatalf("dry run wrote %d records", pg.Total)
		}

		if h := e.imporOK(t, e.admin, "?format=CSV", good); h.Total != 4 || h.Ditambahkan != 4 || h.SudahAda != 0 || h.DryRun || len(h.Errors) != 0 {
			t.Fatalf("import %+v", h)
		}
		pg := e.list(t, e.admin, "")
		if pg.Total != 4 {
			t.Fatalf("stored %+v", pg)
		}
		for _, k := range pg.Items {
			if k.Sumber != "CSV" {
				t.Errorf("sumber %+v", k)
			}
			if k.NIP == a.Rekan.NIP && k.Jenis != nil {
				t.Errorf("empty jenis stored as %q", *k.Jenis)
			}
			if k.NIP == a.Staf.NIP && k.jenis() == "MASUK" && k.WaktuLokal != strings.Replace(e.local(3, 7, 31, 5), " ", "T", 1) {
				t.Errorf("local time %q", k.WaktuLokal)
			}
		}
		if es := khdAudits(t, e.s, a.Instansi.ID, "kehadiran", "IMPORT"); len(es) != 1 {
			t.Errorf("import audits: %d", len(es))
		}

		// the same file again adds nothing; a dry run says so too
		if h := e.imporOK(t, e.admin, "?format=CSV", good); h.Ditambahkan != 0 || h.SudahAda != 4 {
			t.Fatalf("again %+v", h)
		}
		more := good + a.Rekan.NIP + ";" + e.local(3, 16, 0, 0) + ";PULANG\n" + a.Rekan.NIP + ";" + e.local(3, 16, 0, 0) + ";PULANG\n"
		if h := e.imporOK(t, e.admin, "?format=CSV&dry_run=true", more); h.Total != 6 || h.Ditambahkan != 1 || h.SudahAda != 5 {
			t.Fatalf("dry run with a new row %+v", h)
		}
		if h := e.imporOK(t, e.admin, "?format=CSV", more); h.Total != 6 || h.Ditambahkan != 1 || h.SudahAda != 5 {
			t.Fatalf("import with a new row %+v", h)
		}
		if pg := e.list(t, e.admin, ""); pg.Total != 5 {
			t.Fatalf("after the new row: %d", pg.Total)
		}

		// one bad line, an unknown NIP (instansi B's), a future time and one before TMT:
		// each reported, nothing written, not even the good line
		future := time.Now().In(e.wita).Add(2 * time.Hour).Format(time.DateTime)
		bad := "nip,waktu,jenis\n" +
			a.Kadis.NIP + "," + e.local(2, 7, 0, 0) + ",MASUK\n" +
			a.Staf.NIP + ",kemarin pagi,MASUK\n" +
			e.w.B.Staf.NIP + "," + e.local(2, 7, 0, 0) + ",MASUK\n" +
			a.Staf.NIP + "," + future + ",PULANG\n" +
			a.Staf.NIP + ",2010-01-04 07:30:00,MASUK\n"
		h := e.imporRejected(t, e.admin, "?format=CSV", bad)
		want := []string{"3 waktu waktu_invalid", "4 nip pegawai_not_found", "5 waktu waktu_future", "6 waktu waktu_before_tmt"}
		if !slices.Equal(h.rows(), want) || h.Total != 5 || h.Ditambahkan != 0 {
			t.Fatalf("rejected report %+v, rows %v", h, h.rows())
		}
		if pg := e.list(t, e.admin, "?nip="+a.Kadis.NIP); pg.Total != 0 {
			t.Fatalf("a rejected file wrote %+v", pg)
		}

		// ADMIN_UNIT of OPD1: a row of OPD2 is refused, its own rows are imported
		mixed := "nip,waktu\n" + a.Kabid.NIP + "," + e.local(2, 7, 5, 0) + "\n" + a.Staf2.NIP + "," + e.local(2, 7, 6, 0) + "\n"
		if h := e.imporRejected(t, e.adminUnit, "?format=CSV", mixed); !slices.Equal(h.rows(), []string{"3 nip outside_unit"}) {
			t.Fatalf("admin unit %v", h.rows())
		}
		own := "nip,waktu\n" + a.Kabid.NIP + "," + e.local(2, 7, 5, 0) + "\n"
		if h := e.imporOK(t, e.adminUnit, "?format=CSV", own); h.Ditambahkan != 1 {
			t.Fatalf("admin unit own rows %+v", h)
		}

		// instansi B sees none of A's records, and A's NIPs are unknown to it
		if pg := e.list(t, e.adminB, ""); pg.Total != 0 {
			t.Fatalf("instansi B sees %+v", pg)
		}
		if h := e.imporRejected(t, e.adminB, "?format=CSV", own); !slices.Equal(h.rows(), []string{"2 nip pegawai_not_found"}) {
			t.Fatalf("B importing A's rows %v", h.rows())
		}
	})
}

func TestKehadiranImporATTLOG(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		e := khdSetup(t, db)
		a := e.w.A
		put := func(tok string, items ...map[string]any) *apptest.Response {
			return e.s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/mesin-absensi/pemetaan", Token: tok,
				Body: map[string]any{"items": items}})
		}
		item := func(mesin, user, nip string) map[string]any {
			return map[string]any{"mesin": mesin, "user_id": user, "nip": nip}
		}
		var saved struct {
			Disimpan int `json:"disimpan"`
		}
		put(e.admin, item("M1", "101", a.Staf.NIP), item("M1", "102", a.Rekan.NIP), item("M2", "101", a.Kabid.NIP)).
			Expect(t, 200).JSON(t, &saved)
		if saved.Disimpan != 3 {
			t.Fatalf("saved %+v", saved)
		}
		// an unknown NIP (B's) is named; ADMIN_UNIT and readers do not map machines
		if p := put(e.admin, item("M1", "103", a.Kabid.NIP), item("M1", "104", e.w.B.Staf.NIP)).Expect(t, 400).Problem(t); !p.HasField("items/1/nip") {
			t.Fatalf("unknown nip %+v", p)
		}
		put(e.adminUnit, item("M1", "105", a.Staf.NIP)).Expect(t, 403)
		put(e.keuangan, item("M1", "105", a.Staf.NIP)).Expect(t, 403)
		// upsert by machine and user id
		put(e.admin, item("M1", "102", a.Kadis.NIP)).Expect(t, 200)
		var maps struct {
			Items []struct {
				Mesin  string `json:"mesin"`
				UserID string `json:"user_id"`
				NIP    string `json:"nip"`
			} `json:"items"`
		}
		e.s.Do(apptest.Req{Method: "GET", Path: "/api/v1/mesin-absensi/pemetaan?mesin=M1", Token: e.auditor}).Expect(t, 200).JSON(t, &maps)
		if len(maps.Items) != 2 || maps.Items[0].UserID != "101" || maps.Items[0].NIP != a.Staf.NIP ||
			maps.Items[1].UserID != "102" || maps.Items[1].NIP != a.Kadis.NIP {
			t.Fatalf("mapping %+v", maps)
		}
		e.s.Do(apptest.Req{Method: "GET", Path: "/api/v1/mesin-absensi/pemetaan", Token: e.login(a.Staf)}).Expect(t, 403)
		e.s.Do(apptest.Req{Method: "GET", Path: "/api/v1/mesin-absensi/pemetaan", Token: e.adminB}).Expect(t, 200).JSON(t, &maps)
		if len(maps.Items) != 0 {
			t.Fatalf("B sees A's mapping %+v", maps)
		}

		// a machine that records every punch as 0: kinds are unknown
		attlog := "  101\t" + e.local(4, 7, 30, 0) + "\t0\t1\t0\t0\r\n" +
			"  102\t" + e.local(4, 7, 41, 0) + "\t0\t1\t0\t0\r\n" +
			"  101\t" + e.local(4, 16, 5, 0) + "\t0\t1\t0\t0\r\n"
		e.impor(e.admin, "?format=ATTLOG", attlog).Expect(t, 400) // the machine is required
		if h := e.imporOK(t, e.admin, "?format=ATTLOG&mesin=M1", attlog); h.Total != 3 || h.Ditambahkan != 3 {
			t.Fatalf("attlog %+v", h)
		}
		pg := e.list(t, e.admin, "?nip="+a.Staf.NIP)
		if pg.Total != 2 || pg.Items[0].Sumber != "MESIN" || pg.Items[0].Jenis != nil || pg.Items[1].Jenis != nil {
			t.Fatalf("attlog records %+v", pg)
		}
		// the same user id on another machine is another pegawai; statuses 0/1 give kinds
		m2 := "101\t" + e.local(4, 7, 50, 0) + "\t0\t1\n101\t" + e.local(4, 16, 10, 0) + "\t1\t1\n"
		if h := e.imporOK(t, e.admin, "?format=ATTLOG&mesin=M2", m2); h.Ditambahkan != 2 {
			t.Fatalf("M2 %+v", h)
		}
		pg = e.list(t, e.admin, "?nip="+a.Kabid.NIP)
		if pg.Total != 2 || pg.Items[0].jenis() != "PULANG" || pg.Items[1].jenis() != "MASUK" {
			t.Fatalf("M2 records %+v", pg)
		}
		// an unmapped user id and a malformed line are row errors; nothing is written
		bad := "101\t" + e.local(1, 7, 30, 0) + "\t0\t1\n999\t" + e.local(1, 7, 31, 0) + "\t0\t1\n101\tkemarin\n"
		if h := e.imporRejected(t, e.admin, "?format=ATTLOG&mesin=M1", bad); !slices.Equal(h.rows(),
			[]string{"2 user_id attlog_user_unmapped", "3  attlog_malformed"}) || h.Total != 3 {
			t.Fatalf("bad attlog %v %+v", h.rows(), h)
		}
		if pg := e.list(t, e.admin, "?nip="+a.Staf.NIP); pg.Total != 2 {
			t.Fatalf("a rejected file wrote %d", pg.Total)
		}
		// dry run
		if h := e.imporOK(t, e.admin, "?format=ATTLOG&mesin=M1&dry_run=true", attlog+"101\t"+e.local(1, 7, 30, 0)+"\t0\t1\n"); h.Ditambahkan != 1 || h.SudahAda != 3 || !h.DryRun {
			t.Fatalf("dry run %+v", h)
		}
		if pg := e.list(t, e.admin, "?nip="+a.Staf.NIP); pg.Total != 2 {
			t.Fatalf("dry run wrote %d", pg.Total)
		}
	})
}

func TestKehadiranList(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		e := khdSetup(t, db)
		a := e.w.A
		file := "nip,waktu,jenis\n"
		for _, p := range []domain.Pegawai{a.Kadis, a.Kabid, a.Staf, a.Rekan, a.Kadis2, a.Staf2} {
			file += p.NIP + "," + e.local(5, 7, 30, 0) + ",MASUK\n" + p.NIP + "," + e.local(2, 16, 0, 0) + ",PULANG\n"
		}
		e.imporOK(t, e.admin, "?format=CSV", file)

		all := khdSorted(a.Kadis.NIP, a.Kabid.NIP, a.Staf.NIP, a.Rekan.NIP, a.Kadis2.NIP, a.Staf2.NIP)
		for name, tc := range map[string]struct {
			tok  string
			nips []string
		}{
			"self":                 {e.login(a.Staf), []string{a.Staf.NIP}},
			"rater":                {e.login(a.Kabid), khdSorted(a.Kabid.NIP, a.Staf.NIP, a.Rekan.NIP)},
			"rater of a rater":     {e.login(a.Kadis), khdSorted(a.Kadis.NIP, a.Kabid.NIP)},
			"admin unit (subtree)": {e.adminUnit, khdSorted(a.Kadis.NIP, a.Kabid.NIP, a.Staf.NIP, a.Rekan.NIP)},
			"admin instansi":       {e.admin, all},
			"keuangan":             {e.keuangan, all},
			"auditor":              {e.auditor, all},
			"other instansi":       {e.adminB, nil},
		} {
			if got := khdNIPs(e.list(t, tc.tok, "?page_size=100")); !slices.Equal(got, tc.nips) {
				t.Errorf("%s sees %v, want %v", name, got, tc.nips)
			}
		}

		// newest first; filters by nip and local dates
		pg := e.list(t, e.admin, "?nip="+a.Staf.NIP)
		if pg.Total != 2 || pg.Items[0].jenis() != "PULANG" || pg.Items[1].jenis() != "MASUK" {
			t.Fatalf("by nip %+v", pg)
		}
		if want := strings.Replace(e.local(5, 7, 30, 0), " ", "T", 1); pg.Items[1].WaktuLokal != want {
			t.Errorf("waktu_lokal %q, want %q", pg.Items[1].WaktuLokal, want)
		}
		day := e.local(2, 0, 0, 0)[:10]
		if pg := e.list(t, e.admin, "?dari="+day+"&sampai="+day); pg.Total != 6 {
			t.Errorf("one local day: %d", pg.Total)
		}
		if pg := e.list(t, e.admin, "?sampai="+e.local(3, 0, 0, 0)[:10]); pg.Total != 6 {
			t.Errorf("until 3 days ago: %d", pg.Total)
		}
		e.s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kehadiran?dari=" + day + "&sampai=" + e.local(5, 0, 0, 0)[:10], Token: e.admin}).Expect(t, 400)
		// a pegawai filtering on someone outside their reach sees nothing
		if pg := e.list(t, e.login(a.Staf), "?nip="+a.Rekan.NIP); pg.Total != 0 {
			t.Errorf("staf sees rekan: %+v", pg)
		}
		if pg := e.list(t, e.admin, "?page=2&page_size=5"); pg.Total != 12 || len(pg.Items) != 5 {
			t.Errorf("page 2: %d items of %d", len(pg.Items), pg.Total)
		}
	})
}

func TestKehadiranRange(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		e := khdSetup(t, db)
		a := e.w.A
		// written out of order on purpose
		file := "nip,waktu,jenis\n" +
			a.Staf.NIP + "," + e.local(3, 16, 0, 0) + ",PULANG\n" +
			a.Staf.NIP + "," + e.local(3, 7, 30, 0) + ",MASUK\n" +
			a.Staf.NIP + "," + e.local(4, 12, 0, 0) + ",\n" +
			a.Rekan.NIP + "," + e.local(3, 7, 40, 0) + ",MASUK\n" +
			a.Rekan.NIP + "," + e.local(9, 7, 40, 0) + ",MASUK\n" // outside the range
		e.imporOK(t, e.admin, "?format=CSV", file)
		e.imporOK(t, e.adminB, "?format=CSV", "nip,waktu\n"+e.w.B.Staf.NIP+","+e.local(3, 7, 0, 0)+"\n")
		// Staf's clock-in of day -3 is corrected
		pg := e.list(t, e.admin, "?nip="+a.Staf.NIP)
		var masuk khdRec
		for _, k := range pg.Items {
			if k.jenis() == "MASUK" {
				masuk = k
			}
		}
		w, _ := time.ParseInLocation(time.DateTime, e.local(3, 7, 45, 0), e.wita)
		e.koreksi(e.admin, map[string]any{"nip": a.Staf.NIP, "waktu": w.Format(time.RFC3339), "menggantikan_id": masuk.ID,
			"alasan": "Jam mesin salah."}).Expect(t, 201)

		from, _ := time.ParseInLocation(time.DateTime, e.local(5, 0, 0, 0), e.wita)
		to, _ := time.ParseInLocation(time.DateTime, e.local(2, 0, 0, 0), e.wita)
		got, err := db.KehadiranRange(context.Background(), a.Instansi.ID, from, to)
		if err != nil {
			t.Fatal(err)
		}
		at := func(days, hh, mm int) time.Time {
			t, _ := time.ParseInLocation(time.DateTime, e.local(days, hh, mm, 0), e.wita)
			return t.UTC()
		}
		want := map[string][]domain.Rekaman{
			a.Staf.ID: {{Waktu: at(4, 12, 0)}, {Waktu: at(3, 7, 45), Jenis: domain.RekamanMasuk},
				{Waktu: at(3, 16, 0), Jenis: domain.RekamanPulang}},
			a.Rekan.ID: {{Waktu: at(3, 7, 40), Jenis: domain.RekamanMasuk}},
		}
		if len(got) != len(want) {
			t.Fatalf("pegawai %d: %v", len(got), got)
		}
		for id, recs := range want {
			g := got[id]
			if len(g) != len(recs) {
				t.Fatalf("%s: %v, want %v", id, g, recs)
			}
			for i := range recs {
				if !g[i].Waktu.Equal(recs[i].Waktu) || g[i].Jenis != recs[i].Jenis {
					t.Errorf("%s[%d]: %v, want %v", id, i, g[i], recs[i])
				}
			}
		}
	})
}
