package api_test

import (
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app"
	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type ubkHasil struct {
	Nilai    string   `json:"nilai"`
	Jumlah   int      `json:"jumlah"`
	DiAtas   int      `json:"di_atas"`
	Sesuai   int      `json:"sesuai"`
	DiBawah  int      `json:"di_bawah"`
	Komentar []string `json:"komentar"`
}

type ubkResponden struct {
	NIP     string `json:"nip"`
	Nama    string `json:"nama"`
	Dijawab bool   `json:"dijawab"`
}

type ubkUmpanBalik struct {
	ID               string          `json:"id"`
	NIP              string          `json:"nip"`
	Nama             string          `json:"nama"`
	Tahun            int             `json:"tahun"`
	Periode          *int            `json:"periode"`
	BatasWaktu       string          `json:"batas_waktu"`
	Pesan            *string         `json:"pesan"`
	DimintaOleh      string          `json:"diminta_oleh"`
	JumlahResponden  int             `json:"jumlah_responden"`
	JumlahJawaban    int             `json:"jumlah_jawaban"`
	SudahDijawabSaya *bool           `json:"sudah_dijawab_saya"`
	Responden        *[]ubkResponden `json:"responden"`
	Hasil            *[]ubkHasil     `json:"hasil"`
}

type ubkPage struct {
	Total int             `json:"total"`
	Items []ubkUmpanBalik `json:"items"`
}

// ubkMakassar is the fixture instansi's time zone.
var ubkMakassar = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Makassar")
	if err != nil {
		panic(err)
	}
	return loc
}()

// ubkDate is the fixture instansi's local date of now shifted by days.
func ubkDate(now time.Time, days int) string {
	return now.In(ubkMakassar).AddDate(0, 0, days).Format(time.DateOnly)
}

// ubkClient is a logged-in caller of the umpan-balik endpoints.
type ubkClient struct {
	t     *testing.T
	s     *apptest.Server
	token string
}

func ubkLogin(t *testing.T, s *apptest.Server, username string) ubkClient {
	t.Helper()
	return ubkClient{t: t, s: s, token: s.Login(username, apptest.Password)}
}

func (c ubkClient) create(body map[string]any) *apptest.Response {
	c.t.Helper()
	return c.s.Do(apptest.Req{Method: "POST", Path: "/api/v1/umpan-balik", Token: c.token, Body: body})
}

func (c ubkClient) get(id string) *apptest.Response {
	c.t.Helper()
	return c.s.Do(apptest.Req{Method: "GET", Path: "/api/v1/umpan-balik/" + id, Token: c.token})
}

func (c ubkClient) read(id string) ubkUmpanBalik {
	c.t.Helper()
	var u ubkUmpanBalik
	c.get(id).Expect(c.t, 200).JSON(c.t, &u)
	return u
}

func (c ubkClient) list(query string) ubkPage {
	c.t.Helper()
	var p ubkPage
	c.s.Do(apptest.Req{Method: "GET", Path: "/api/v1/umpan-balik" + query, Token: c.token}).Expect(c.t, 200).JSON(c.t, &p)
	return p
}

func (c ubkClient) answer(id string, jawaban ...map[string]any) *apptest.Response {
	c.t.Helper()
	return c.s.Do(apptest.Req{Method: "POST", Path: "/api/v1/umpan-balik/" + id + "/jawaban", Token: c.token,
		Body: map[string]any{"jawaban": jawaban}})
}

func ubkJawab(nilai, rating, komentar string) map[string]any {
	j := map[string]any{"nilai": nilai, "rating": rating}
	if komentar != "" {
		j["komentar"] = komentar
	}
	return j
}

func ubkNilai(t *testing.T, hs []ubkHasil, nilai string) ubkHasil {
	t.Helper()
	for _, h := range hs {
		if h.Nilai == nilai {
			return h
		}
	}
	t.Fatalf("no %s in %+v", nilai, hs)
	return ubkHasil{}
}

// ubkAnonymousView fails unless u shows neither who was asked nor the aggregate.
func ubkAnonymousView(t *testing.T, who string, u ubkUmpanBalik) {
	t.Helper()
	if u.Responden != nil || u.Hasil != nil {
		t.Fatalf("%s sees respondents or results: %+v", who, u)
	}
}

func TestUmpanBalik(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		a := w.A
		kabid, staf, rekan, kadis := ubkLogin(t, s, a.Kabid.NIP), ubkLogin(t, s, a.Staf.NIP), ubkLogin(t, s, a.Rekan.NIP), ubkLogin(t, s, a.Kadis.NIP)
		staf2, kadis2 := ubkLogin(t, s, a.Staf2.NIP), ubkLogin(t, s, a.Kadis2.NIP)
		admin, auditor, adminUnit, keuangan := ubkLogin(t, s, a.Admin), ubkLogin(t, s, a.Audit), ubkLogin(t, s, a.AdminUnit), ubkLogin(t, s, a.Keuangan)
		now := time.Now()
		batas := ubkDate(now, 7)
		tahun := now.In(ubkMakassar).Year()

		// the rater asks a peer, the rater's own superior and someone of another OPD
		var u ubkUmpanBalik
		kabid.create(map[string]any{"nip": a.Staf.NIP, "tahun": tahun, "periode": 2, "batas_waktu": batas,
			"pesan": "Mohon umpan balik perilaku kerja.", "responden": []string{a.Rekan.NIP, a.Kadis.NIP, a.Staf2.NIP}}).
			Expect(t, 201).JSON(t, &u)
		if u.NIP != a.Staf.NIP || u.Nama != a.Staf.Nama || u.Tahun != tahun || u.Periode == nil || *u.Periode != 2 ||
			u.BatasWaktu != batas || u.Pesan == nil || *u.Pesan != "Mohon umpan balik perilaku kerja." ||
			u.DimintaOleh != a.Kabid.NIP || u.JumlahResponden != 3 || u.JumlahJawaban != 0 {
			t.Fatalf("created %+v", u)
		}
		if u.Responden == nil || len(*u.Responden) != 3 || u.Hasil == nil || len(*u.Hasil) != 7 {
			t.Fatalf("the requester sees respondents and the empty aggregate: %+v", u)
		}
		for _, r := range *u.Responden {
			if r.Dijawab {
				t.Fatalf("answered already: %+v", r)
			}
		}
		orgAudited(t, s, a.Instansi.ID, "umpan_balik", "CREATE", u.ID)

		// the pegawai rated sees the request, not who was asked, not the (empty) aggregate
		v := staf.read(u.ID)
		ubkAnonymousView(t, "the pegawai rated", v)
		if v.SudahDijawabSaya != nil || v.JumlahResponden != 3 {
			t.Fatalf("rated view: %+v", v)
		}
		// a respondent sees the request and whether they answered, nothing more
		v = rekan.read(u.ID)
		ubkAnonymousView(t, "a respondent", v)
		if v.SudahDijawabSaya == nil || *v.SudahDijawabSaya || v.Pesan == nil || v.BatasWaktu != batas {
			t.Fatalf("respondent view: %+v", v)
		}
		if p := rekan.list("?tugas_saya=true"); p.Total != 1 || p.Items[0].ID != u.ID || p.Items[0].Hasil != nil ||
			p.Items[0].Responden != nil || p.Items[0].SudahDijawabSaya == nil || *p.Items[0].SudahDijawabSaya {
			t.Fatalf("rekan's tasks: %+v", p)
		}

		// first answer: the pegawai rated still sees no aggregate (it would be one person's)
		rekan.answer(u.ID, ubkJawab("KOMPETEN", "DI_ATAS_EKSPEKTASI", "Zeta: sangat membantu rekan kerja"),
			ubkJawab("HARMONIS", "SESUAI_EKSPEKTASI", "")).Expect(t, 204)
		p := rekan.answer(u.ID, ubkJawab("LOYAL", "SESUAI_EKSPEKTASI", "")).Expect(t, 409).Problem(t)
		if p.Code != "umpan_balik_sudah_dijawab" {
			t.Fatalf("second answer: %+v", p)
		}
		if v = staf.read(u.ID); v.JumlahJawaban != 1 || v.Hasil != nil || v.Responden != nil {
			t.Fatalf("with one answer the pegawai rated sees: %+v", v)
		}
		if v = rekan.read(u.ID); v.SudahDijawabSaya == nil || !*v.SudahDijawabSaya {
			t.Fatalf("rekan after answering: %+v", v)
		}

		// people who were not asked cannot answer
		kadis2.answer(u.ID, ubkJawab("LOYAL", "SESUAI_EKSPEKTASI", "")).Expect(t, 404)
		staf.answer(u.ID, ubkJawab("LOYAL", "DI_ATAS_EKSPEKTASI", "saya hebat")).Expect(t, 403)
		kabid.answer(u.ID, ubkJawab("LOYAL", "SESUAI_EKSPEKTASI", "")).Expect(t, 403)
		// each value at most once per answer
		p = kadis.answer(u.ID, ubkJawab("AKUNTABEL", "SESUAI_EKSPEKTASI", ""), ubkJawab("AKUNTABEL", "DI_BAWAH_EKSPEKTASI", "")).
			Expect(t, 400).Problem(t)
		if !p.HasField("jawaban/1/nilai") {
			t.Fatalf("duplicate value: %+v", p)
		}

		// second answer: now the pegawai rated sees the anonymous aggregate
		kadis.answer(u.ID, ubkJawab("KOMPETEN", "SESUAI_EKSPEKTASI", "Alfa: perlu lebih teliti"),
			ubkJawab("AKUNTABEL", "DI_BAWAH_EKSPEKTASI", "  ")).Expect(t, 204)
		r := staf.get(u.ID).Expect(t, 200)
		r.JSON(t, &v)
		if v.JumlahJawaban != 2 || v.Hasil == nil || v.Responden != nil || v.SudahDijawabSaya != nil {
			t.Fatalf("with two answers the pegawai rated sees: %+v", v)
		}
		hasil := *v.Hasil
		var order []string
		for _, h := range hasil {
			order = append(order, h.Nilai)
		}
		if !slices.Equal(order, []string{"BERORIENTASI_PELAYANAN", "AKUNTABEL", "KOMPETEN", "HARMONIS", "LOYAL", "ADAPTIF", "KOLABORATIF"}) {
			t.Fatalf("values out of the official order: %v", order)
		}
		// comments come sorted, not in the order they were written (Zeta first, Alfa second)
		if k := ubkNilai(t, hasil, "KOMPETEN"); k.Jumlah != 2 || k.DiAtas != 1 || k.Sesuai != 1 || k.DiBawah != 0 ||
			!slices.Equal(k.Komentar, []string{"Alfa: perlu lebih teliti", "Zeta: sangat membantu rekan kerja"}) {
			t.Fatalf("KOMPETEN: %+v", k)
		}
		if k := ubkNilai(t, hasil, "AKUNTABEL"); k.Jumlah != 1 || k.DiBawah != 1 || len(k.Komentar) != 0 {
			t.Fatalf("AKUNTABEL (blank comment dropped): %+v", k)
		}
		if k := ubkNilai(t, hasil, "LOYAL"); k.Jumlah != 0 || k.Komentar == nil {
			t.Fatalf("LOYAL: %+v", k)
		}
		// nothing in an aggregate entry could tie it to an author: no ids, no times
		var raw struct {
			Hasil []map[string]any `json:"hasil"`
		}
		r.JSON(t, &raw)
		for _, h := range raw.Hasil {
			for k := range h {
				if !slices.Contains([]string{"nilai", "jumlah", "di_atas", "sesuai", "di_bawah", "komentar"}, k) {
					t.Fatalf("aggregate entry carries %q: %v", k, h)
				}
			}
		}

		// the rater, the admin and the auditor see who answered and the aggregate
		for name, c := range map[string]ubkClient{"rater": kabid, "admin": admin, "auditor": auditor, "admin unit": adminUnit} {
			v := c.read(u.ID)
			if v.Responden == nil || v.Hasil == nil || v.JumlahJawaban != 2 {
				t.Fatalf("%s view: %+v", name, v)
			}
			got := map[string]bool{}
			for _, r := range *v.Responden {
				got[r.NIP] = r.Dijawab
			}
			if len(got) != 3 || !got[a.Rekan.NIP] || !got[a.Kadis.NIP] || got[a.Staf2.NIP] {
				t.Fatalf("%s sees statuses %v", name, got)
			}
		}
		if v = staf2.read(u.ID); v.SudahDijawabSaya == nil || *v.SudahDijawabSaya {
			t.Fatalf("staf2 has not answered: %+v", v)
		}
		ubkAnonymousView(t, "a respondent", v)

		// lists: each caller sees what they may, in the shape they may
		if p := staf.list(""); p.Total != 1 || p.Items[0].Hasil == nil || p.Items[0].Responden != nil {
			t.Fatalf("staf's list: %+v", p)
		}
		if p := kabid.list(""); p.Total != 1 || p.Items[0].Responden == nil {
			t.Fatalf("kabid's list: %+v", p)
		}
		if p := kadis.list(""); p.Total != 1 || p.Items[0].Responden != nil || p.Items[0].SudahDijawabSaya == nil {
			t.Fatalf("kadis's list (a respondent, not Staf's rater): %+v", p)
		}
		if p := kadis.list("?tugas_saya=true"); p.Total != 1 {
			t.Fatalf("kadis's tasks: %+v", p)
		}
		if p := kabid.list("?tugas_saya=true"); p.Total != 0 {
			t.Fatalf("kabid was not asked: %+v", p)
		}
		if p := adminUnit.list(""); p.Total != 1 {
			t.Fatalf("admin unit's list: %+v", p)
		}
		if p := admin.list("?nip=" + a.Staf.NIP + "&tahun=" + time.Now().In(ubkMakassar).Format("2006")); p.Total != 1 || p.Items[0].Responden == nil {
			t.Fatalf("admin by nip: %+v", p)
		}
		if p := admin.list("?nip=" + a.Rekan.NIP); p.Total != 0 {
			t.Fatalf("admin by another nip: %+v", p)
		}
		if p := admin.list("?tahun=2001"); p.Total != 0 {
			t.Fatalf("admin by another year: %+v", p)
		}
		for name, c := range map[string]ubkClient{"kadis2": kadis2, "keuangan": keuangan} {
			if p := c.list(""); p.Total != 0 {
				t.Fatalf("%s's list: %+v", name, p)
			}
		}
		kadis2.get(u.ID).Expect(t, 404)
		keuangan.get(u.ID).Expect(t, 404)

		// another instansi sees nothing of it
		for _, who := range []string{w.B.Admin, w.B.Audit, w.B.Kabid.NIP} {
			c := ubkLogin(t, s, who)
			c.get(u.ID).Expect(t, 404)
			c.answer(u.ID, ubkJawab("LOYAL", "SESUAI_EKSPEKTASI", "")).Expect(t, 404)
			if p := c.list(""); p.Total != 0 {
				t.Fatalf("%s lists %+v", who, p)
			}
		}

		// the audit log records that each respondent answered, never what they wrote
		ar := auditor.s.Do(apptest.Req{Method: "GET", Path: "/api/v1/audit?entitas=umpan_balik&entitas_id=" + u.ID + "&aksi=UPDATE",
			Token: auditor.token}).Expect(t, 200)
		var audit struct {
			Total int `json:"total"`
		}
		ar.JSON(t, &audit)
		if audit.Total != 2 {
			t.Fatalf("answer audit records: %s", ar.Body)
		}
		for _, secret := range []string{"Zeta", "Alfa", "EKSPEKTASI", "KOMPETEN"} {
			if strings.Contains(string(ar.Body), secret) {
				t.Fatalf("the audit log reveals %q: %s", secret, ar.Body)
			}
		}
	})
}

func TestUmpanBalikAkses(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		a := w.A
		now := time.Now()
		tahun := now.In(ubkMakassar).Year()
		about := func(nip string, responden ...string) map[string]any {
			return map[string]any{"nip": nip, "tahun": tahun, "batas_waktu": ubkDate(now, 3), "responden": responden}
		}

		// only the rater or an admin in scope asks
		rekan := ubkLogin(t, s, a.Rekan.NIP)
		p := rekan.create(about(a.Staf.NIP, a.Kadis.NIP)).Expect(t, 403).Problem(t)
		if p.Code != "forbidden" {
			t.Fatalf("peer: %+v", p)
		}
		ubkLogin(t, s, a.Kadis.NIP).create(about(a.Staf.NIP, a.Rekan.NIP)).Expect(t, 403) // the rater's superior is not the rater
		ubkLogin(t, s, a.Staf.NIP).create(about(a.Staf.NIP, a.Rekan.NIP)).Expect(t, 403)  // nor is the pegawai themself
		ubkLogin(t, s, a.Audit).create(about(a.Staf.NIP, a.Rekan.NIP)).Expect(t, 403)
		ubkLogin(t, s, a.Keuangan).create(about(a.Staf.NIP, a.Rekan.NIP)).Expect(t, 404)
		adminUnit := ubkLogin(t, s, a.AdminUnit)
		adminUnit.create(about(a.Staf2.NIP, a.Kadis2.NIP)).Expect(t, 404) // outside its OPD
		adminUnit.create(about(a.Staf.NIP, a.Rekan.NIP)).Expect(t, 201)
		ubkLogin(t, s, w.B.Admin).create(about(a.Staf.NIP, a.Rekan.NIP)).Expect(t, 404)
		var u2 ubkUmpanBalik
		ubkLogin(t, s, a.Kadis2.NIP).create(about(a.Staf2.NIP, a.Kabid.NIP)).Expect(t, 201).JSON(t, &u2)
		if u2.DimintaOleh != a.Kadis2.NIP {
			t.Fatalf("requested by %q", u2.DimintaOleh)
		}
		// requests outside an ADMIN_UNIT's OPD stay hidden from it
		adminUnit.get(u2.ID).Expect(t, 404)
		if p := adminUnit.list(""); p.Total != 1 || p.Items[0].NIP != a.Staf.NIP {
			t.Fatalf("admin unit's list: %+v", p)
		}

		// respondents: existing colleagues of the instansi, not the pegawai rated
		admin := ubkLogin(t, s, a.Admin)
		p = admin.create(about(a.Staf.NIP, a.Rekan.NIP, "199901012020121001")).Expect(t, 400).Problem(t)
		if !p.HasField("responden/1") || p.HasField("responden/0") {
			t.Fatalf("unknown respondent: %+v", p)
		}
		p = admin.create(about(a.Staf.NIP, w.B.Rekan.NIP)).Expect(t, 400).Problem(t)
		if !p.HasField("responden/0") {
			t.Fatalf("respondent of another instansi: %+v", p)
		}
		p = admin.create(about(a.Staf.NIP, a.Staf.NIP, a.Rekan.NIP)).Expect(t, 400).Problem(t)
		if !p.HasField("responden/0") || p.HasField("responden/1") {
			t.Fatalf("the pegawai rated as respondent: %+v", p)
		}
		admin.create(about(a.Staf.NIP, a.Rekan.NIP, a.Rekan.NIP)).Expect(t, 400)
		admin.create(about(a.Staf.NIP)).Expect(t, 400)
		admin.create(about("199901012020121001", a.Rekan.NIP)).Expect(t, 404)

		// the deadline cannot be in the past
		body := about(a.Staf.NIP, a.Rekan.NIP)
		body["batas_waktu"] = ubkDate(now, -1)
		if p = admin.create(body).Expect(t, 400).Problem(t); !p.HasField("batas_waktu") {
			t.Fatalf("past deadline: %+v", p)
		}
		body["batas_waktu"] = ubkDate(now, 0)
		admin.create(body).Expect(t, 201)
	})
}

func TestUmpanBalikBatasWaktu(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		var clock atomic.Int64
		clock.Store(time.Now().UnixNano())
		s := apptest.New(t, db, func(o *app.Options) {
			o.Now = func() time.Time { return time.Unix(0, clock.Load()) }
		})
		w := s.NewWorld()
		a := w.A
		now := time.Unix(0, clock.Load())

		var u ubkUmpanBalik
		ubkLogin(t, s, a.Kabid.NIP).create(map[string]any{"nip": a.Staf.NIP, "tahun": now.In(ubkMakassar).Year(),
			"batas_waktu": ubkDate(now, 0), "responden": []string{a.Rekan.NIP, a.Kadis.NIP}}).Expect(t, 201).JSON(t, &u)
		// answers are accepted through the whole of the deadline's day
		ubkLogin(t, s, a.Rekan.NIP).answer(u.ID, ubkJawab("ADAPTIF", "DI_ATAS_EKSPEKTASI", "")).Expect(t, 204)

		clock.Add(int64(48 * time.Hour))
		p := ubkLogin(t, s, a.Kadis.NIP).answer(u.ID, ubkJawab("ADAPTIF", "SESUAI_EKSPEKTASI", "")).Expect(t, 422).Problem(t)
		if p.Code != "umpan_balik_lewat_batas" {
			t.Fatalf("after the deadline: %+v", p)
		}
		// the late answer left no trace
		v := ubkLogin(t, s, a.Kabid.NIP).read(u.ID)
		if v.JumlahJawaban != 1 || ubkNilai(t, *v.Hasil, "ADAPTIF").Jumlah != 1 {
			t.Fatalf("after a refused answer: %+v", v)
		}
	})
}
