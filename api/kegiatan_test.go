package api_test

import (
	"fmt"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type kegItem struct {
	ID          string   `json:"id"`
	NIP         string   `json:"nip"`
	Nama        string   `json:"nama"`
	Tanggal     string   `json:"tanggal"`
	JamMulai    *string  `json:"jam_mulai"`
	JamSelesai  *string  `json:"jam_selesai"`
	Menit       int      `json:"menit"`
	Uraian      string   `json:"uraian"`
	RHKID       string   `json:"rhk_id"`
	RHKUraian   string   `json:"rhk_uraian"`
	Bukti       []string `json:"bukti"`
	Status      string   `json:"status"`
	Catatan     *string  `json:"catatan"`
	DinilaiOleh *struct {
		NIP  string `json:"nip"`
		Nama string `json:"nama"`
	} `json:"dinilai_oleh"`
	DinilaiAt *string `json:"dinilai_at"`
	Version   int     `json:"version"`
}

type kegPage struct {
	Total int       `json:"total"`
	Items []kegItem `json:"items"`
}

func (p kegPage) ids() []string {
	out := make([]string, len(p.Items))
	for i, k := range p.Items {
		out[i] = k.ID
	}
	return out
}

type kegRingkasan struct {
	NIP           string `json:"nip"`
	Tahun         int    `json:"tahun"`
	Bulan         int    `json:"bulan"`
	MenitDiterima int64  `json:"menit_diterima"`
	MenitDiajukan int64  `json:"menit_diajukan"`
	MenitDitolak  int64  `json:"menit_ditolak"`
	PerRHK        []struct {
		RHKID         string `json:"rhk_id"`
		RHKUraian     string `json:"rhk_uraian"`
		Jumlah        int    `json:"jumlah"`
		MenitDiterima int64  `json:"menit_diterima"`
		MenitDiajukan int64  `json:"menit_diajukan"`
		MenitDitolak  int64  `json:"menit_ditolak"`
	} `json:"per_rhk"`
	PerHari []struct {
		Tanggal       string `json:"tanggal"`
		MenitDiterima int64  `json:"menit_diterima"`
		MenitTotal    int64  `json:"menit_total"`
	} `json:"per_hari"`
}

// kegEnv is a world where Kabid's, Staf's, Rekan's and Staf2's SKP are approved, so
// that they can log activities, with a token for every account the tests use.
type kegEnv struct {
	t *testing.T
	s *apptest.Server
	w *apptest.World
	// tahun is the year of every SKP; d0 and d1 are two days of one month of it, not
	// after today (instansi's local date), d0 the earlier.
	tahun  int
	d0, d1 time.Time
	today  time.Time

	staf, rekan, kabid, kadis, staf2, kadis2           string // tokens
	admin, adminUnit, keuangan, auditor, super, adminB string
	pegB                                               string // a pegawai of instansi B

	rhkKadis, rhkKabid, rhkStaf, rhkStafTambahan, rhkRekan, rhkStaf2 string
}

// kegSKP creates, fills and submits an SKP of nip for the year as tok; rhk items are
// (jenis, uraian, rhk_atasan_id). It returns the SKP id and its RHK ids in order.
func kegSKP(t *testing.T, s *apptest.Server, tok, nip string, tahun int, rhk ...[3]string) (string, []string) {
	t.Helper()
	var skp struct {
		ID  string `json:"id"`
		RHK []struct {
			ID string `json:"id"`
		} `json:"rhk"`
	}
	s.Do(apptest.Req{Method: "POST", Path: "/api/v1/skp", Token: tok, Body: map[string]any{"nip": nip, "tahun": tahun}}).
		Expect(t, 201).JSON(t, &skp)
	items := make([]map[string]any, len(rhk))
	for i, r := range rhk {
		items[i] = map[string]any{"jenis": r[0], "uraian": r[1],
			"indikator": []map[string]any{{"aspek": "KUANTITAS", "uraian": "Jumlah " + r[1], "target": 10, "satuan": "dokumen"}}}
		if r[2] != "" {
			items[i]["rhk_atasan_id"] = r[2]
		}
	}
	s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/skp/" + skp.ID, Token: tok, Body: map[string]any{"rhk": items}}).
		Expect(t, 200).JSON(t, &skp)
	s.Do(apptest.Req{Method: "POST", Path: "/api/v1/skp/" + skp.ID + "/ajukan", Token: tok}).Expect(t, 200)
	ids := make([]string, len(skp.RHK))
	for i, r := range skp.RHK {
		ids[i] = r.ID
	}
	if len(ids) != len(rhk) {
		t.Fatalf("SKP of %s has %d RHK, want %d", nip, len(ids), len(rhk))
	}
	return skp.ID, ids
}

func kegSetup(t *testing.T, db *repository.DB) *kegEnv {
	t.Helper()
	s := apptest.New(t, db)
	w := s.NewWorld()
	a := w.A
	e := &kegEnv{t: t, s: s, w: w}
	loc, err := time.LoadLocation("Asia/Makassar") // the fixture instansi's zone
	if err != nil {
		t.Fatal(err)
	}
	y, m, d := time.Now().In(loc).Date()
	e.today = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	e.d0 = time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	if d < 3 { // keep two days of one month that are not in the future
		e.d0 = e.d0.AddDate(0, -1, 0)
	}
	e.d1, e.tahun = e.d0.AddDate(0, 0, 1), e.d0.Year()

	login := func(u string) string { return s.Login(u, apptest.Password) }
	e.staf, e.rekan, e.kabid, e.kadis = login(a.Staf.NIP), login(a.Rekan.NIP), login(a.Kabid.NIP), login(a.Kadis.NIP)
	e.staf2, e.kadis2 = login(a.Staf2.NIP), login(a.Kadis2.NIP)
	e.admin, e.adminUnit, e.keuangan, e.auditor = login(a.Admin), login(a.AdminUnit), login(a.Keuangan), login(a.Audit)
	e.super, e.adminB, e.pegB = login(w.Superadmin), login(w.B.Admin), login(w.B.Staf.NIP)

	setujui := func(tok, id string) {
		t.Helper()
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/skp/" + id + "/setujui", Token: tok}).Expect(t, 200)
	}
	// Kadis has no rater: the SKP stays submitted, and its RHK anchors the cascade.
	_, r := kegSKP(t, s, e.kadis, a.Kadis.NIP, e.tahun, [3]string{"UTAMA", "Meningkatnya kinerja dinas", ""})
	e.rhkKadis = r[0]
	id, r := kegSKP(t, s, e.kabid, a.Kabid.NIP, e.tahun, [3]string{"UTAMA", "Tersusunnya program bidang", e.rhkKadis})
	e.rhkKabid = r[0]
	setujui(e.kadis, id)
	id, r = kegSKP(t, s, e.staf, a.Staf.NIP, e.tahun, [3]string{"UTAMA", "Terkelolanya data bidang", e.rhkKabid},
		[3]string{"TAMBAHAN", "Terlaksananya piket layanan", ""})
	e.rhkStaf, e.rhkStafTambahan = r[0], r[1]
	setujui(e.kabid, id)
	id, r = kegSKP(t, s, e.rekan, a.Rekan.NIP, e.tahun, [3]string{"UTAMA", "Tersusunnya laporan bidang", e.rhkKabid})
	e.rhkRekan = r[0]
	setujui(e.kabid, id)
	_, r = kegSKP(t, s, e.kadis2, a.Kadis2.NIP, e.tahun, [3]string{"UTAMA", "Meningkatnya kinerja dinas B", ""})
	id, r = kegSKP(t, s, e.staf2, a.Staf2.NIP, e.tahun, [3]string{"UTAMA", "Terlayaninya administrasi umum", r[0]})
	e.rhkStaf2 = r[0]
	setujui(e.kadis2, id)
	return e
}

func kegDate(d time.Time) string { return d.Format(time.DateOnly) }

// body is an activity of rhk on d lasting menit minutes.
func (e *kegEnv) body(d time.Time, rhk string, menit int, uraian string) map[string]any {
	return map[string]any{"tanggal": kegDate(d), "rhk_id": rhk, "menit": menit, "uraian": uraian}
}

func (e *kegEnv) post(tok string, body map[string]any) *apptest.Response {
	e.t.Helper()
	return e.s.Do(apptest.Req{Method: "POST", Path: "/api/v1/kegiatan", Token: tok, Body: body})
}

// create records an activity and returns it.
func (e *kegEnv) create(tok string, body map[string]any) kegItem {
	e.t.Helper()
	var k kegItem
	e.post(tok, body).Expect(e.t, 201).JSON(e.t, &k)
	return k
}

func (e *kegEnv) get(tok, id string) *apptest.Response {
	e.t.Helper()
	return e.s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kegiatan/" + id, Token: tok})
}

func (e *kegEnv) read(tok, id string) kegItem {
	e.t.Helper()
	var k kegItem
	e.get(tok, id).Expect(e.t, 200).JSON(e.t, &k)
	return k
}

func (e *kegEnv) list(tok, query string) kegPage {
	e.t.Helper()
	var pg kegPage
	e.s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kegiatan" + query, Token: tok}).Expect(e.t, 200).JSON(e.t, &pg)
	return pg
}

// verify sends decisions: id, status and (optional) catatan per item.
func (e *kegEnv) verify(tok string, items ...[3]string) *apptest.Response {
	e.t.Helper()
	body := make([]map[string]any, len(items))
	for i, it := range items {
		body[i] = map[string]any{"id": it[0], "status": it[1]}
		if it[2] != "" {
			body[i]["catatan"] = it[2]
		}
	}
	return e.s.Do(apptest.Req{Method: "POST", Path: "/api/v1/kegiatan/verifikasi", Token: tok, Body: map[string]any{"items": body}})
}

func (e *kegEnv) put(tok, id, ifMatch string, body map[string]any) *apptest.Response {
	e.t.Helper()
	r := apptest.Req{Method: "PUT", Path: "/api/v1/kegiatan/" + id, Token: tok, Body: body}
	if ifMatch != "" {
		r.Header = map[string]string{"If-Match": ifMatch}
	}
	return e.s.Do(r)
}

func (e *kegEnv) del(tok, id string) *apptest.Response {
	e.t.Helper()
	return e.s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/kegiatan/" + id, Token: tok})
}

// audited returns how many audit records of the action the instansi A log holds for
// the activity, read through the API as ADMIN_INSTANSI.
func (e *kegEnv) audited(id, aksi string) int {
	e.t.Helper()
	var pg struct {
		Total int `json:"total"`
	}
	e.s.Do(apptest.Req{Method: "GET", Path: "/api/v1/audit?entitas=kegiatan&entitas_id=" + id + "&aksi=" + aksi, Token: e.admin}).
		Expect(e.t, 200).JSON(e.t, &pg)
	return pg.Total
}

// kegProblem fails unless the response has the status and, if given, names the field
// and carries the code.
func kegProblem(t *testing.T, r *apptest.Response, status int, field, code string) {
	t.Helper()
	p := r.Expect(t, status).Problem(t)
	if field != "" && !p.HasField(field) {
		t.Fatalf("problem does not name %s: %+v", field, p)
	}
	if code == "" {
		return
	}
	if p.Code == code {
		return
	}
	for _, e := range p.Errors {
		if e.Code == code {
			return
		}
	}
	t.Fatalf("problem has no code %s: %+v", code, p)
}

func TestKegiatanCreate(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		e := kegSetup(t, db)
		a := e.w.A

		// clock times give the minutes
		r := e.post(e.staf, map[string]any{"tanggal": kegDate(e.d0), "jam_mulai": "08:00", "jam_selesai": "09:30",
			"uraian": "  Memutakhirkan data pegawai bidang  ", "rhk_id": e.rhkStaf, "bukti": []string{"https://drive.example.go.id/notulen.pdf"}})
		var k kegItem
		r.Expect(t, 201).JSON(t, &k)
		if r.Header.Get("ETag") != `W/"1"` {
			t.Fatalf("ETag %q", r.Header.Get("ETag"))
		}
		if k.Menit != 90 || k.Status != "DIAJUKAN" || k.NIP != a.Staf.NIP || k.Nama != a.Staf.Nama || k.Tanggal != kegDate(e.d0) ||
			k.JamMulai == nil || *k.JamMulai != "08:00" || k.JamSelesai == nil || *k.JamSelesai != "09:30" ||
			k.Uraian != "Memutakhirkan data pegawai bidang" || k.RHKID != e.rhkStaf || k.RHKUraian != "Terkelolanya data bidang" ||
			!slices.Equal(k.Bukti, []string{"https://drive.example.go.id/notulen.pdf"}) || k.Catatan != nil ||
			k.DinilaiOleh != nil || k.DinilaiAt != nil || k.Version != 1 {
			t.Fatalf("created %+v", k)
		}
		if n := e.audited(k.ID, "CREATE"); n != 1 {
			t.Fatalf("%d CREATE audit records", n)
		}
		if got := e.read(e.staf, k.ID); got.Menit != 90 || got.ID != k.ID {
			t.Fatalf("read back %+v", got)
		}

		// minutes alone (the RHK tambahan counts too); no evidence is an empty list
		k = e.create(e.staf, e.body(e.d1, e.rhkStafTambahan, 45, "Piket layanan informasi"))
		if k.Menit != 45 || k.JamMulai != nil || k.JamSelesai != nil || k.Bukti == nil || len(k.Bukti) != 0 {
			t.Fatalf("minutes only %+v", k)
		}
		// times and agreeing minutes; an activity dated today is fine
		today := map[string]any{"tanggal": kegDate(e.today), "jam_mulai": "10:00", "jam_selesai": "11:00", "menit": 60,
			"uraian": "Rapat koordinasi", "rhk_id": e.rhkStaf}
		if e.today.Year() == e.tahun {
			if k := e.create(e.staf, today); k.Menit != 60 {
				t.Fatalf("agreeing minutes %+v", k)
			}
		}

		bad := func(change map[string]any, field, code string) {
			t.Helper()
			b := map[string]any{"tanggal": kegDate(e.d0), "jam_mulai": "10:00", "jam_selesai": "11:00", "uraian": "Rapat",
				"rhk_id": e.rhkStaf}
			for k, v := range change {
				if v == nil {
					delete(b, k)
				} else {
					b[k] = v
				}
			}
			kegProblem(t, e.post(e.staf, b), 400, field, code)
		}
		bad(map[string]any{"menit": 30}, "menit", "menit_mismatch")
		bad(map[string]any{"jam_selesai": "09:00"}, "jam_selesai", "time_order")
		bad(map[string]any{"jam_selesai": "10:00"}, "jam_selesai", "time_order")
		bad(map[string]any{"jam_selesai": nil}, "jam_selesai", "required")
		bad(map[string]any{"jam_mulai": nil}, "jam_mulai", "required")
		bad(map[string]any{"jam_mulai": nil, "jam_selesai": nil}, "menit", "required")
		bad(map[string]any{"jam_mulai": "24:00"}, "", "")          // the spec's pattern
		bad(map[string]any{"uraian": "   "}, "uraian", "required") // blank after trimming
		bad(map[string]any{"tanggal": kegDate(e.today.AddDate(0, 0, 1))}, "tanggal", "future")
		bad(map[string]any{"tanggal": fmt.Sprintf("%d-12-31", e.tahun-1)}, "rhk_id", "rhk_outside_periode")

		// another's RHK, or none at all, is not found
		for _, rhk := range []string{e.rhkRekan, e.rhkKabid, e.rhkStaf2, "0190a1b2-0000-7000-8000-000000000000"} {
			kegProblem(t, e.post(e.staf, e.body(e.d0, rhk, 30, "Rapat")), 404, "", "not_found")
		}
		// an RHK of instansi A is unknown in instansi B
		kegProblem(t, e.post(e.pegB, e.body(e.d0, e.rhkStaf, 30, "Rapat")), 404, "", "not_found")

		// Kadis's SKP was submitted but never approved (no rater): nothing can be logged yet
		kegProblem(t, e.post(e.kadis, e.body(e.d0, e.rhkKadis, 30, "Memimpin apel")), 422, "", "skp_belum_disetujui")

		// only a pegawai records, for themselves
		for _, tok := range []string{e.admin, e.adminUnit, e.keuangan, e.auditor} {
			kegProblem(t, e.post(tok, e.body(e.d0, e.rhkStaf, 30, "Rapat")), 403, "", "")
		}
		if pg := e.list(e.staf, ""); pg.Total != 2+kegBoolInt(e.today.Year() == e.tahun) {
			t.Fatalf("Staf's log: %+v", pg)
		}
	})
}

func kegBoolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestKegiatanReach(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		e := kegSetup(t, db)
		a := e.w.A
		ks0 := e.create(e.staf, e.body(e.d0, e.rhkStaf, 60, "Entri data"))
		ks1 := e.create(e.staf, e.body(e.d1, e.rhkStafTambahan, 30, "Piket"))
		kr := e.create(e.rekan, e.body(e.d0, e.rhkRekan, 90, "Menyusun laporan"))
		kb := e.create(e.kabid, e.body(e.d1, e.rhkKabid, 120, "Menyusun program"))
		k2 := e.create(e.staf2, e.body(e.d0, e.rhkStaf2, 45, "Mengarsip surat"))
		all := []string{ks0.ID, ks1.ID, kr.ID, kb.ID, k2.ID}

		sameSet := func(who string, got, want []string) {
			t.Helper()
			g, w := slices.Clone(got), slices.Clone(want)
			slices.Sort(g)
			slices.Sort(w)
			if !slices.Equal(g, w) {
				t.Fatalf("%s sees %v, want %v", who, got, want)
			}
		}
		// the owner sees their own, newest first
		pg := e.list(e.staf, "")
		if !slices.Equal(pg.ids(), []string{ks1.ID, ks0.ID}) || pg.Total != 2 {
			t.Fatalf("Staf's list: %+v", pg)
		}
		sameSet("Rekan", e.list(e.rekan, "").ids(), []string{kr.ID})
		// the rater sees their own and their subordinates'; dinilai_saya only the latter
		sameSet("Kabid", e.list(e.kabid, "").ids(), []string{ks0.ID, ks1.ID, kr.ID, kb.ID})
		sameSet("Kabid, dinilai_saya", e.list(e.kabid, "?dinilai_saya=true").ids(), []string{ks0.ID, ks1.ID, kr.ID})
		sameSet("Kadis", e.list(e.kadis, "").ids(), []string{kb.ID})
		// ADMIN_UNIT: the OPD1 subtree (Sub1), not OPD2
		sameSet("AdminUnit", e.list(e.adminUnit, "").ids(), []string{ks0.ID, ks1.ID, kr.ID, kb.ID})
		sameSet("AdminUnit, dinilai_saya", e.list(e.adminUnit, "?dinilai_saya=true").ids(), nil)
		// the whole instansi
		sameSet("Admin", e.list(e.admin, "").ids(), all)
		sameSet("Auditor", e.list(e.auditor, "").ids(), all)
		var sp kegPage
		e.s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kegiatan", Token: e.super,
			Header: map[string]string{"X-Instansi-ID": a.Instansi.ID}}).Expect(t, 200).JSON(t, &sp)
		sameSet("Superadmin", sp.ids(), all)
		kegProblem(t, e.s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kegiatan", Token: e.keuangan}), 403, "", "")
		// instansi B sees none of A's
		sameSet("Admin B", e.list(e.adminB, "").ids(), nil)
		sameSet("Pegawai B", e.list(e.pegB, "").ids(), nil)

		// filters
		sameSet("by nip", e.list(e.kabid, "?nip="+a.Staf.NIP).ids(), []string{ks0.ID, ks1.ID})
		sameSet("by rhk", e.list(e.admin, "?rhk_id="+e.rhkStafTambahan).ids(), []string{ks1.ID})
		sameSet("from d1", e.list(e.admin, "?dari="+kegDate(e.d1)).ids(), []string{ks1.ID, kb.ID})
		sameSet("until d0", e.list(e.admin, "?sampai="+kegDate(e.d0)).ids(), []string{ks0.ID, kr.ID, k2.ID})
		sameSet("on d0 by nip", e.list(e.admin, "?dari="+kegDate(e.d0)+"&sampai="+kegDate(e.d0)+"&nip="+a.Rekan.NIP).ids(), []string{kr.ID})
		e.verify(e.kabid, [3]string{ks0.ID, "DITERIMA", ""}).Expect(t, 200)
		sameSet("accepted", e.list(e.admin, "?status=DITERIMA").ids(), []string{ks0.ID})
		sameSet("submitted of Staf", e.list(e.staf, "?status=DIAJUKAN").ids(), []string{ks1.ID})
		if pg := e.list(e.admin, "?page=9&page_size=2"); pg.Total != 5 || len(pg.Items) != 0 {
			t.Fatalf("page past the end: %+v", pg)
		}
		if pg := e.list(e.admin, "?page=2&page_size=2"); pg.Total != 5 || len(pg.Items) != 2 {
			t.Fatalf("page 2: %+v", pg)
		}

		// one activity: owner, rater, admins in scope, auditor
		for who, tok := range map[string]string{"owner": e.staf, "rater": e.kabid, "adminUnit": e.adminUnit, "admin": e.admin,
			"auditor": e.auditor} {
			if k := e.read(tok, ks0.ID); k.ID != ks0.ID || k.Status != "DITERIMA" {
				t.Fatalf("%s reads %+v", who, k)
			}
		}
		if r := e.get(e.staf, ks0.ID).Expect(t, 200); r.Header.Get("ETag") != `W/"2"` {
			t.Fatalf("ETag after verification %q", r.Header.Get("ETag"))
		}
		// everyone else: not found, whatever their role
		for who, tok := range map[string]string{"Rekan": e.rekan, "Kadis": e.kadis, "Staf2": e.staf2, "keuangan": e.keuangan,
			"admin B": e.adminB, "pegawai B": e.pegB} {
			if r := e.get(tok, ks0.ID); r.Status != 404 || r.Problem(t).Code != "not_found" {
				t.Fatalf("%s reads another's activity: %d %s", who, r.Status, r.Body)
			}
		}
		kegProblem(t, e.get(e.adminUnit, k2.ID), 404, "", "not_found")
		kegProblem(t, e.get(e.staf, kb.ID), 404, "", "not_found")
		kegProblem(t, e.get(e.staf, "0190a1b2-0000-7000-8000-000000000000"), 404, "", "not_found")

		// the auditor reads but never writes
		kegProblem(t, e.post(e.auditor, e.body(e.d0, e.rhkStaf, 30, "x")), 403, "", "")
		kegProblem(t, e.put(e.auditor, ks1.ID, "", e.body(e.d0, e.rhkStaf, 30, "x")), 403, "", "")
		kegProblem(t, e.del(e.auditor, ks1.ID), 403, "", "")
		kegProblem(t, e.verify(e.auditor, [3]string{ks1.ID, "DITERIMA", ""}), 403, "", "")
		// B's administrator cannot touch A's
		kegProblem(t, e.del(e.adminB, ks1.ID), 404, "", "")
		kegProblem(t, e.verify(e.adminB, [3]string{ks1.ID, "DITERIMA", ""}), 404, "items/0/id", "")
	})
}

func TestKegiatanUpdateDelete(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		e := kegSetup(t, db)
		k := e.create(e.staf, e.body(e.d0, e.rhkStaf, 60, "Entri data"))

		// a correction with the current ETag; another one with the old ETag is stale
		fix := map[string]any{"tanggal": kegDate(e.d1), "jam_mulai": "13:00", "jam_selesai": "15:15", "uraian": "Entri data (koreksi)",
			"rhk_id": e.rhkStafTambahan, "bukti": []string{"https://drive.example.go.id/x.pdf"}}
		r := e.put(e.staf, k.ID, `W/"1"`, fix).Expect(t, 200)
		var u kegItem
		r.JSON(t, &u)
		if u.Version != 2 || r.Header.Get("ETag") != `W/"2"` || u.Menit != 135 || u.Tanggal != kegDate(e.d1) ||
			u.RHKID != e.rhkStafTambahan || u.Uraian != "Entri data (koreksi)" || len(u.Bukti) != 1 || u.Status != "DIAJUKAN" {
			t.Fatalf("corrected %+v", u)
		}
		kegProblem(t, e.put(e.staf, k.ID, `W/"1"`, fix), 412, "", "stale_version")
		if n := e.audited(k.ID, "UPDATE"); n != 1 {
			t.Fatalf("%d UPDATE audit records", n)
		}
		// the same rules as recording
		bad := e.body(e.today.AddDate(0, 0, 1), e.rhkStaf, 30, "x")
		kegProblem(t, e.put(e.staf, k.ID, "", bad), 400, "tanggal", "future")
		kegProblem(t, e.put(e.staf, k.ID, "", e.body(e.d0, e.rhkRekan, 30, "x")), 404, "", "")
		// only the owner changes it: the rater sees it but may not; others do not see it
		kegProblem(t, e.put(e.kabid, k.ID, "", fix), 403, "", "")
		kegProblem(t, e.put(e.admin, k.ID, "", fix), 403, "", "")
		kegProblem(t, e.put(e.rekan, k.ID, "", fix), 404, "", "")

		// rejected: a correction submits it again and clears the verdict
		e.verify(e.kabid, [3]string{k.ID, "DITOLAK", "Lampirkan daftar hadir"}).Expect(t, 200)
		got := e.read(e.staf, k.ID)
		if got.Status != "DITOLAK" || got.Catatan == nil || *got.Catatan != "Lampirkan daftar hadir" || got.DinilaiOleh == nil {
			t.Fatalf("rejected %+v", got)
		}
		fix["bukti"] = []string{"https://drive.example.go.id/x.pdf", "https://drive.example.go.id/daftar-hadir.pdf"}
		e.put(e.staf, k.ID, fmt.Sprintf(`W/"%d"`, got.Version), fix).Expect(t, 200).JSON(t, &u)
		if u.Status != "DIAJUKAN" || u.Catatan != nil || u.DinilaiOleh != nil || u.DinilaiAt != nil || len(u.Bukti) != 2 {
			t.Fatalf("resubmitted %+v", u)
		}

		// accepted: neither changed nor deleted
		e.verify(e.kabid, [3]string{k.ID, "DITERIMA", ""}).Expect(t, 200)
		kegProblem(t, e.put(e.staf, k.ID, "", fix), 409, "", "kegiatan_diterima")
		kegProblem(t, e.del(e.staf, k.ID), 409, "", "kegiatan_diterima")

		// deleting one's own submitted or rejected activity
		d := e.create(e.staf, e.body(e.d0, e.rhkStaf, 30, "Salah catat"))
		kegProblem(t, e.del(e.kabid, d.ID), 403, "", "")
		kegProblem(t, e.del(e.rekan, d.ID), 404, "", "")
		kegProblem(t, e.del(e.admin, d.ID), 403, "", "")
		e.del(e.staf, d.ID).Expect(t, 204)
		kegProblem(t, e.get(e.staf, d.ID), 404, "", "")
		kegProblem(t, e.del(e.staf, d.ID), 404, "", "")
		if n := e.audited(d.ID, "DELETE"); n != 1 {
			t.Fatalf("%d DELETE audit records", n)
		}
		d = e.create(e.staf, e.body(e.d0, e.rhkStaf, 30, "Ditolak lalu dihapus"))
		e.verify(e.kabid, [3]string{d.ID, "DITOLAK", "Bukan tugas Anda"}).Expect(t, 200)
		e.del(e.staf, d.ID).Expect(t, 204)
	})
}

func TestKegiatanVerifikasi(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		e := kegSetup(t, db)
		a := e.w.A
		s1 := e.create(e.staf, e.body(e.d0, e.rhkStaf, 60, "Entri data"))
		s2 := e.create(e.staf, e.body(e.d0, e.rhkStafTambahan, 30, "Piket"))
		s3 := e.create(e.staf, e.body(e.d1, e.rhkStaf, 90, "Validasi data"))
		r1 := e.create(e.rekan, e.body(e.d1, e.rhkRekan, 120, "Menyusun laporan"))
		b1 := e.create(e.kabid, e.body(e.d1, e.rhkKabid, 45, "Rapat program"))
		x1 := e.create(e.staf2, e.body(e.d0, e.rhkStaf2, 45, "Mengarsip"))

		unchanged := func(ks ...kegItem) {
			t.Helper()
			for _, k := range ks {
				if got := e.read(e.admin, k.ID); got.Status != "DIAJUKAN" || got.Version != 1 || got.DinilaiOleh != nil {
					t.Fatalf("changed by a refused request: %+v", got)
				}
			}
		}
		// a rejection needs a note; nothing is changed
		kegProblem(t, e.verify(e.kabid, [3]string{s1.ID, "DITERIMA", ""}, [3]string{s2.ID, "DITOLAK", "  "}), 400, "items/1/catatan", "required")
		kegProblem(t, e.verify(e.kabid, [3]string{s1.ID, "DITERIMA", ""}, [3]string{s1.ID, "DITOLAK", "x"}), 400, "items/1/id", "duplicate")
		// one activity the rater does not rate refuses the whole batch: their own (403) ...
		kegProblem(t, e.verify(e.kabid, [3]string{s1.ID, "DITERIMA", ""}, [3]string{b1.ID, "DITERIMA", ""}), 403, "items/1/id", "")
		// ... one they cannot see (404), even when it comes first
		kegProblem(t, e.verify(e.kabid, [3]string{s1.ID, "DITERIMA", ""}, [3]string{x1.ID, "DITERIMA", ""}), 404, "items/1/id", "not_found")
		kegProblem(t, e.verify(e.kabid, [3]string{b1.ID, "DITERIMA", ""}, [3]string{x1.ID, "DITERIMA", ""}), 404, "items/1/id", "not_found")
		kegProblem(t, e.verify(e.kabid, [3]string{"0190a1b2-0000-7000-8000-000000000000", "DITERIMA", ""}), 404, "items/0/id", "")
		unchanged(s1, s2, b1, x1)
		// nobody verifies their own; administrators and peers verify nothing
		kegProblem(t, e.verify(e.staf, [3]string{s1.ID, "DITERIMA", ""}), 403, "", "")
		kegProblem(t, e.verify(e.rekan, [3]string{s1.ID, "DITERIMA", ""}), 404, "", "")
		kegProblem(t, e.verify(e.admin, [3]string{s1.ID, "DITERIMA", ""}), 403, "", "")
		kegProblem(t, e.verify(e.adminUnit, [3]string{s1.ID, "DITERIMA", ""}), 403, "", "")
		kegProblem(t, e.verify(e.kadis, [3]string{s1.ID, "DITERIMA", ""}), 404, "", "")
		unchanged(s1)

		// the rater accepts and rejects in bulk, across subordinates
		var res struct {
			Items []kegItem `json:"items"`
		}
		e.verify(e.kabid, [3]string{s1.ID, "DITERIMA", ""}, [3]string{s2.ID, "DITOLAK", " Bukan piket Anda "},
			[3]string{r1.ID, "DITERIMA", "Bagus"}).Expect(t, 200).JSON(t, &res)
		if len(res.Items) != 3 || res.Items[0].ID != s1.ID || res.Items[1].ID != s2.ID || res.Items[2].ID != r1.ID {
			t.Fatalf("verified %+v", res.Items)
		}
		for i, want := range []struct {
			status  string
			catatan string
		}{{"DITERIMA", ""}, {"DITOLAK", "Bukan piket Anda"}, {"DITERIMA", "Bagus"}} {
			k := res.Items[i]
			if k.Status != want.status || (want.catatan == "") != (k.Catatan == nil) || (k.Catatan != nil && *k.Catatan != want.catatan) ||
				k.DinilaiOleh == nil || k.DinilaiOleh.NIP != a.Kabid.NIP || k.DinilaiOleh.Nama != a.Kabid.Nama || k.DinilaiAt == nil ||
				k.Version != 2 {
				t.Fatalf("item %d: %+v", i, k)
			}
		}
		if got := e.read(e.staf, s2.ID); got.Status != "DITOLAK" {
			t.Fatalf("stored %+v", got)
		}
		if n := e.audited(s1.ID, "UPDATE"); n != 1 {
			t.Fatalf("%d UPDATE audit records for s1", n)
		}
		// a rater may change their mind; repeating a decision changes nothing
		e.verify(e.kabid, [3]string{s2.ID, "DITERIMA", ""}, [3]string{s1.ID, "DITERIMA", ""}).Expect(t, 200).JSON(t, &res)
		if res.Items[0].Status != "DITERIMA" || res.Items[0].Catatan != nil || res.Items[0].Version != 3 || res.Items[1].Version != 2 {
			t.Fatalf("revised %+v", res.Items)
		}
		e.verify(e.kabid, [3]string{s1.ID, "DITOLAK", "Salah RHK"}).Expect(t, 200).JSON(t, &res)
		if res.Items[0].Status != "DITOLAK" {
			t.Fatalf("accepted then rejected %+v", res.Items[0])
		}
		if n := e.audited(s1.ID, "UPDATE"); n != 2 {
			t.Fatalf("%d UPDATE audit records for s1", n)
		}
		// Kabid's own activity is verified by Kabid's rater
		e.verify(e.kadis, [3]string{b1.ID, "DITERIMA", ""}).Expect(t, 200).JSON(t, &res)
		if res.Items[0].DinilaiOleh == nil || res.Items[0].DinilaiOleh.NIP != a.Kadis.NIP {
			t.Fatalf("Kadis verified %+v", res.Items[0])
		}
		// the spec's limits hold: a decision is DITERIMA or DITOLAK
		kegProblem(t, e.verify(e.kabid, [3]string{s3.ID, "DIAJUKAN", ""}), 400, "", "")
		unchanged(s3)
	})
}

func TestKegiatanRingkasan(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		e := kegSetup(t, db)
		a := e.w.A
		k1 := e.create(e.staf, map[string]any{"tanggal": kegDate(e.d0), "jam_mulai": "08:00", "jam_selesai": "09:30",
			"uraian": "Entri data", "rhk_id": e.rhkStaf}) // 90
		e.create(e.staf, e.body(e.d0, e.rhkStafTambahan, 30, "Piket"))
		k3 := e.create(e.staf, e.body(e.d1, e.rhkStaf, 120, "Validasi data"))
		e.create(e.staf, e.body(e.d1, e.rhkStafTambahan, 60, "Piket"))
		if e.d0.Month() > time.January { // the day before lies in the previous month: not counted
			e.create(e.staf, e.body(e.d0.AddDate(0, 0, -1), e.rhkStaf, 300, "Bulan lalu"))
		}
		e.create(e.rekan, e.body(e.d0, e.rhkRekan, 200, "Bukan milik Staf"))
		e.verify(e.kabid, [3]string{k1.ID, "DITERIMA", ""}, [3]string{k3.ID, "DITOLAK", "Tidak sesuai RHK"}).Expect(t, 200)

		q := func(nip string) string {
			v := url.Values{"nip": {nip}, "tahun": {fmt.Sprint(e.tahun)}, "bulan": {fmt.Sprint(int(e.d0.Month()))}}
			return "/api/v1/kegiatan/ringkasan?" + v.Encode()
		}
		get := func(tok, nip string) *apptest.Response {
			return e.s.Do(apptest.Req{Method: "GET", Path: q(nip), Token: tok})
		}
		for who, tok := range map[string]string{"owner": e.staf, "rater": e.kabid, "adminUnit": e.adminUnit, "admin": e.admin,
			"auditor": e.auditor} {
			var rk kegRingkasan
			get(tok, a.Staf.NIP).Expect(t, 200).JSON(t, &rk)
			if rk.NIP != a.Staf.NIP || rk.Tahun != e.tahun || rk.Bulan != int(e.d0.Month()) ||
				rk.MenitDiterima != 90 || rk.MenitDiajukan != 90 || rk.MenitDitolak != 120 {
				t.Fatalf("%s: totals %+v", who, rk)
			}
			if len(rk.PerRHK) != 2 {
				t.Fatalf("%s: per RHK %+v", who, rk.PerRHK)
			}
			if p := rk.PerRHK[0]; p.RHKID != e.rhkStaf || p.RHKUraian != "Terkelolanya data bidang" || p.Jumlah != 2 ||
				p.MenitDiterima != 90 || p.MenitDiajukan != 0 || p.MenitDitolak != 120 {
				t.Fatalf("%s: RHK utama %+v", who, p)
			}
			if p := rk.PerRHK[1]; p.RHKID != e.rhkStafTambahan || p.Jumlah != 2 || p.MenitDiterima != 0 || p.MenitDiajukan != 90 ||
				p.MenitDitolak != 0 {
				t.Fatalf("%s: RHK tambahan %+v", who, p)
			}
			if len(rk.PerHari) != 2 ||
				rk.PerHari[0].Tanggal != kegDate(e.d0) || rk.PerHari[0].MenitDiterima != 90 || rk.PerHari[0].MenitTotal != 120 ||
				rk.PerHari[1].Tanggal != kegDate(e.d1) || rk.PerHari[1].MenitDiterima != 0 || rk.PerHari[1].MenitTotal != 180 {
				t.Fatalf("%s: per day %+v", who, rk.PerHari)
			}
		}
		// a subordinate who logged nothing yet: zeros, empty lists
		var rk kegRingkasan
		get(e.kabid, a.Rekan.NIP).Expect(t, 200)
		get(e.kadis, a.Kabid.NIP).Expect(t, 200).JSON(t, &rk)
		if rk.MenitDiajukan != 0 || rk.PerRHK == nil || len(rk.PerRHK) != 0 || rk.PerHari == nil || len(rk.PerHari) != 0 {
			t.Fatalf("nothing logged: %+v", rk)
		}
		// outside the reach: not found; KEUANGAN reads no activity at all
		for who, tok := range map[string]string{"Rekan": e.rekan, "Kadis": e.kadis, "Staf2": e.staf2, "admin B": e.adminB} {
			if r := get(tok, a.Staf.NIP); r.Status != 404 {
				t.Fatalf("%s: %d %s", who, r.Status, r.Body)
			}
		}
		kegProblem(t, get(e.kabid, a.Staf2.NIP), 404, "", "not_found")
		kegProblem(t, get(e.adminUnit, a.Staf2.NIP), 404, "", "not_found")
		kegProblem(t, get(e.admin, "199912312020121001"), 404, "", "not_found")
		kegProblem(t, get(e.keuangan, a.Staf.NIP), 403, "", "")
		kegProblem(t, e.s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kegiatan/ringkasan?nip=" + a.Staf.NIP + "&tahun=2026&bulan=13",
			Token: e.staf}), 400, "bulan", "")
	})
}
