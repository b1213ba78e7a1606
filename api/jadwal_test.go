package api_test

import (
	"context"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type jdJam struct {
	Mulai   string `json:"mulai"`
	Selesai string `json:"selesai"`
}

type jdShift struct {
	Kode    string `json:"kode"`
	Nama    string `json:"nama"`
	Mulai   string `json:"mulai"`
	Selesai string `json:"selesai"`
}

type jdPenyesuaian struct {
	Nama    string    `json:"nama"`
	Mulai   string    `json:"mulai"`
	Selesai string    `json:"selesai"`
	Pekan   []*jdJam  `json:"pekan"`
	Shift   []jdShift `json:"shift"`
}

type jdJadwal struct {
	ID             string          `json:"id"`
	Kode           string          `json:"kode"`
	Nama           string          `json:"nama"`
	Jenis          string          `json:"jenis"`
	Pekan          []*jdJam        `json:"pekan"`
	Shift          []jdShift       `json:"shift"`
	KerjaSaatLibur bool            `json:"kerja_saat_libur"`
	Penyesuaian    []jdPenyesuaian `json:"penyesuaian"`
	Version        int             `json:"version"`
}

type jdPenugasan struct {
	ID             string  `json:"id"`
	JadwalID       string  `json:"jadwal_id"`
	JadwalNama     string  `json:"jadwal_nama"`
	UnitKerjaID    *string `json:"unit_kerja_id"`
	UnitKerjaNama  *string `json:"unit_kerja_nama"`
	NIP            *string `json:"nip"`
	Nama           *string `json:"nama"`
	BerlakuMulai   string  `json:"berlaku_mulai"`
	BerlakuSelesai *string `json:"berlaku_selesai"`
}

type jdRoster struct {
	NIP       string `json:"nip"`
	Tanggal   string `json:"tanggal"`
	KodeShift string `json:"kode_shift"`
}

func jdHari(mulai, selesai string) map[string]any {
	return map[string]any{"mulai": mulai, "selesai": selesai}
}

// jdKantor5 is the 5-day office week with Ramadan hours.
func jdKantor5(kode string) map[string]any {
	h, jumat := jdHari("07:30", "16:00"), jdHari("07:30", "16:30")
	r, rJumat := jdHari("08:00", "15:00"), jdHari("08:00", "15:30")
	return map[string]any{"kode": kode, "nama": "Kantor 5 hari", "jenis": "PEKAN",
		"pekan": []any{h, h, h, h, jumat, nil, nil},
		"penyesuaian": []any{map[string]any{"nama": "Ramadan 1447 H", "mulai": "2026-02-18", "selesai": "2026-03-19",
			"pekan": []any{r, r, r, r, rJumat, nil, nil}}}}
}

// jdSekolah6 is a 6-day school week.
func jdSekolah6(kode string) map[string]any {
	h := jdHari("07:00", "13:00")
	return map[string]any{"kode": kode, "nama": "Sekolah 6 hari", "jenis": "PEKAN",
		"pekan": []any{h, h, h, h, jdHari("07:00", "11:00"), jdHari("07:00", "12:30:30"), nil}}
}

// jdRSUD is a 3-shift hospital schedule whose night shift crosses midnight.
func jdRSUD(kode string) map[string]any {
	return map[string]any{"kode": kode, "nama": "Shift RSUD", "jenis": "SHIFT", "kerja_saat_libur": true,
		"shift": []any{
			map[string]any{"kode": "PAGI", "nama": "Pagi", "mulai": "07:00", "selesai": "14:00"},
			map[string]any{"kode": "SIANG", "nama": "Siang", "mulai": "14:00", "selesai": "21:00"},
			map[string]any{"kode": "MALAM", "nama": "Malam", "mulai": "21:00", "selesai": "07:00"},
		}}
}

func jdCreate(t *testing.T, s *apptest.Server, tok string, body map[string]any) jdJadwal {
	t.Helper()
	var j jdJadwal
	s.Do(apptest.Req{Method: "POST", Path: "/api/v1/jadwal", Token: tok, Body: body}).Expect(t, 201).JSON(t, &j)
	return j
}

func jdAssign(s *apptest.Server, tok string, body map[string]any) *apptest.Response {
	return s.Do(apptest.Req{Method: "POST", Path: "/api/v1/jadwal-penugasan", Token: tok, Body: body})
}

func jdTgl(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestJadwal(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := orgLogin(s, w)
		a := w.A

		// a 5-day office week with Ramadan hours
		r := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/jadwal", Token: tk.admin, Body: jdKantor5("KANTOR5")}).Expect(t, 201)
		if r.Header.Get("ETag") != `W/"1"` {
			t.Fatalf("etag %q", r.Header.Get("ETag"))
		}
		var kantor jdJadwal
		r.JSON(t, &kantor)
		if kantor.Jenis != "PEKAN" || kantor.Version != 1 || len(kantor.Pekan) != 7 || kantor.Pekan[0].Mulai != "07:30" ||
			kantor.Pekan[4].Selesai != "16:30" || kantor.Pekan[5] != nil || kantor.Pekan[6] != nil || kantor.KerjaSaatLibur ||
			len(kantor.Penyesuaian) != 1 || kantor.Penyesuaian[0].Mulai != "2026-02-18" || kantor.Penyesuaian[0].Pekan[0].Mulai != "08:00" ||
			kantor.Penyesuaian[0].Pekan[5] != nil {
			t.Fatalf("kantor: %+v", kantor)
		}
		orgAudited(t, s, a.Instansi.ID, "jadwal", "CREATE", kantor.ID)

		// a 6-day school week; seconds survive the round trip
		sekolah := jdCreate(t, s, tk.admin, jdSekolah6("SEKOLAH6"))
		if sekolah.Pekan[5] == nil || sekolah.Pekan[5].Selesai != "12:30:30" || sekolah.Pekan[6] != nil {
			t.Fatalf("sekolah: %+v", sekolah)
		}

		// shifts, the night one ending the next morning
		rsud := jdCreate(t, s, tk.admin, jdRSUD("RSUD"))
		if rsud.Jenis != "SHIFT" || !rsud.KerjaSaatLibur || len(rsud.Shift) != 3 || rsud.Shift[2].Mulai != "21:00" ||
			rsud.Shift[2].Selesai != "07:00" || rsud.Pekan != nil {
			t.Fatalf("rsud: %+v", rsud)
		}

		// a shift ending at midnight is written 00:00 and ends when its date ends
		igd := jdCreate(t, s, tk.adminB, map[string]any{"kode": "IGD", "nama": "IGD", "jenis": "SHIFT",
			"shift": []any{map[string]any{"kode": "SORE", "nama": "Sore", "mulai": "16:00", "selesai": "00:00"}}})
		if igd.Shift[0].Selesai != "00:00" {
			t.Fatalf("igd: %+v", igd)
		}
		if got, err := s.DB.GetJadwal(context.Background(), w.B.Instansi.ID, igd.ID); err != nil ||
			got.Shift[0].Selesai != domain.SehariDetik || got.Shift[0].LintasHari() {
			t.Fatalf("igd stored: %+v %v", got, err)
		}

		// validation names the offending field
		bad := jdKantor5("SALAH")
		bad["pekan"].([]any)[4] = jdHari("16:00", "07:00") // a weekly day may not cross midnight
		r = s.Do(apptest.Req{Method: "POST", Path: "/api/v1/jadwal", Token: tk.admin, Body: bad}).Expect(t, 400)
		orgNamesField(t, r, "pekan/4/selesai")

		kosong := jdKantor5("KOSONG")
		kosong["pekan"] = []any{nil, nil, nil, nil, nil, nil, nil}
		orgNamesField(t, s.Do(apptest.Req{Method: "POST", Path: "/api/v1/jadwal", Token: tk.admin, Body: kosong}).Expect(t, 400), "pekan")

		dobel := jdRSUD("DOBEL")
		dobel["shift"] = append(dobel["shift"].([]any), map[string]any{"kode": "PAGI", "nama": "Pagi lagi", "mulai": "06:00", "selesai": "13:00"})
		dobel["pekan"] = []any{jdHari("07:00", "08:00"), nil, nil, nil, nil, nil, nil}
		r = s.Do(apptest.Req{Method: "POST", Path: "/api/v1/jadwal", Token: tk.admin, Body: dobel}).Expect(t, 400)
		orgNamesField(t, r, "shift/3/kode")
		orgNamesField(t, r, "pekan/0")

		ramadan := jdKantor5("RAMADAN")
		pen := ramadan["penyesuaian"].([]any)
		pen[0].(map[string]any)["selesai"] = "2026-02-01" // before its start
		pen = append(pen, map[string]any{"nama": "Acara", "mulai": "2026-01-20", "selesai": "2026-01-25",
			"pekan": []any{jdHari("09:00", "08:00"), nil, nil, nil, nil, nil, nil}})
		ramadan["penyesuaian"] = pen
		r = s.Do(apptest.Req{Method: "POST", Path: "/api/v1/jadwal", Token: tk.admin, Body: ramadan}).Expect(t, 400)
		orgNamesField(t, r, "penyesuaian/0/selesai")
		orgNamesField(t, r, "penyesuaian/1/pekan/0/selesai")

		shiftPen := jdRSUD("RSUD2")
		shiftPen["penyesuaian"] = []any{map[string]any{"nama": "Ramadan", "mulai": "2026-02-18", "selesai": "2026-03-19",
			"shift": []any{map[string]any{"kode": "SORE", "nama": "Sore", "mulai": "15:00", "selesai": "22:00"}}}}
		orgNamesField(t, s.Do(apptest.Req{Method: "POST", Path: "/api/v1/jadwal", Token: tk.admin, Body: shiftPen}).Expect(t, 400),
			"penyesuaian/0/shift/0/kode")

		// a code is unique within the instansi, but instansi B may reuse it
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/jadwal", Token: tk.admin, Body: jdKantor5("KANTOR5")}).Expect(t, 409)
		jdCreate(t, s, tk.adminB, jdKantor5("KANTOR5"))

		// only ADMIN_INSTANSI defines schedules; everyone of the instansi reads them
		for _, tok := range []string{tk.adminUnit, tk.pegawai, tk.keuangan, tk.auditor} {
			s.Do(apptest.Req{Method: "POST", Path: "/api/v1/jadwal", Token: tok, Body: jdKantor5("X")}).Expect(t, 403)
			s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/jadwal/" + sekolah.ID, Token: tok}).Expect(t, 403)
		}
		var list struct {
			Items []jdJadwal `json:"items"`
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jadwal", Token: tk.pegawai}).Expect(t, 200).JSON(t, &list)
		if len(list.Items) != 3 || list.Items[0].Kode != "KANTOR5" || list.Items[1].Kode != "RSUD" {
			t.Fatalf("list: %+v", list.Items)
		}
		var got jdJadwal
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jadwal/" + rsud.ID, Token: tk.pegawai}).Expect(t, 200).JSON(t, &got)
		if got.Shift[2].Selesai != "07:00" {
			t.Fatalf("get: %+v", got)
		}
		// instansi B sees only its own
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jadwal/" + rsud.ID, Token: tk.adminB}).Expect(t, 404)
		var listB struct {
			Items []jdJadwal `json:"items"`
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jadwal", Token: tk.adminB}).Expect(t, 200).JSON(t, &listB)
		if len(listB.Items) != 2 || listB.Items[0].Kode != "IGD" {
			t.Fatalf("B's list: %+v", listB.Items)
		}
		s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/jadwal/" + rsud.ID, Token: tk.adminB, Body: jdRSUD("RSUD")}).Expect(t, 404)

		// update with If-Match; a stale one is 412
		upd := jdSekolah6("SEKOLAH6")
		upd["nama"] = "Sekolah 6 hari (baru)"
		r = s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/jadwal/" + sekolah.ID, Token: tk.admin, Body: upd,
			Header: map[string]string{"If-Match": `W/"1"`}}).Expect(t, 200)
		r.JSON(t, &got)
		if got.Nama != "Sekolah 6 hari (baru)" || got.Version != 2 || r.Header.Get("ETag") != `W/"2"` {
			t.Fatalf("updated: %+v %s", got, r.Header.Get("ETag"))
		}
		orgAudited(t, s, a.Instansi.ID, "jadwal", "UPDATE", sekolah.ID)
		s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/jadwal/" + sekolah.ID, Token: tk.admin, Body: upd,
			Header: map[string]string{"If-Match": `W/"1"`}}).Expect(t, 412)
		// an update is validated like a creation
		upd["pekan"].([]any)[4] = jdHari("11:00", "07:00")
		orgNamesField(t, s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/jadwal/" + sekolah.ID, Token: tk.admin, Body: upd}).Expect(t, 400),
			"pekan/4/selesai")
		// renaming onto another schedule's code is a conflict
		s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/jadwal/" + sekolah.ID, Token: tk.admin, Body: jdSekolah6("RSUD")}).Expect(t, 409)

		// a schedule assigned (even in the past) cannot be deleted
		var p jdPenugasan
		jdAssign(s, tk.admin, map[string]any{"jadwal_id": sekolah.ID, "unit_kerja_id": a.Sub1.ID,
			"berlaku_mulai": "2020-01-01", "berlaku_selesai": "2020-12-31"}).Expect(t, 201).JSON(t, &p)
		r = s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/jadwal/" + sekolah.ID, Token: tk.admin}).Expect(t, 409)
		if pr := r.Problem(t); pr.Code != "jadwal_assigned" {
			t.Fatalf("problem: %+v", pr)
		}
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/jadwal-penugasan/" + p.ID, Token: tk.admin}).Expect(t, 204)
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/jadwal/" + sekolah.ID, Token: tk.adminB}).Expect(t, 404)
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/jadwal/" + sekolah.ID, Token: tk.admin}).Expect(t, 204)
		orgAudited(t, s, a.Instansi.ID, "jadwal", "DELETE", sekolah.ID)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jadwal/" + sekolah.ID, Token: tk.admin}).Expect(t, 404)
	})
}

func TestJadwalPenugasan(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := orgLogin(s, w)
		a := w.A
		kantor := jdCreate(t, s, tk.admin, jdKantor5("KANTOR5"))
		sekolah := jdCreate(t, s, tk.admin, jdSekolah6("SEKOLAH6"))
		rsud := jdCreate(t, s, tk.admin, jdRSUD("RSUD"))

		// OPD1 works the office week, its Sub1 the school week, and Staf personally shifts
		var pOPD1, pSub1, pStaf jdPenugasan
		jdAssign(s, tk.admin, map[string]any{"jadwal_id": kantor.ID, "unit_kerja_id": a.OPD1.ID, "berlaku_mulai": "2026-01-01"}).
			Expect(t, 201).JSON(t, &pOPD1)
		if pOPD1.JadwalNama != "Kantor 5 hari" || pOPD1.UnitKerjaID == nil || *pOPD1.UnitKerjaID != a.OPD1.ID ||
			pOPD1.UnitKerjaNama == nil || *pOPD1.UnitKerjaNama != a.OPD1.Nama || pOPD1.NIP != nil || pOPD1.BerlakuSelesai != nil {
			t.Fatalf("unit assignment: %+v", pOPD1)
		}
		orgAudited(t, s, a.Instansi.ID, "penugasan_jadwal", "CREATE", pOPD1.ID)
		// ADMIN_UNIT assigns within its subtree
		jdAssign(s, tk.adminUnit, map[string]any{"jadwal_id": sekolah.ID, "unit_kerja_id": a.Sub1.ID, "berlaku_mulai": "2026-01-01"}).
			Expect(t, 201).JSON(t, &pSub1)
		jdAssign(s, tk.admin, map[string]any{"jadwal_id": rsud.ID, "nip": a.Staf.NIP, "berlaku_mulai": "2026-01-01",
			"berlaku_selesai": "2026-12-31"}).Expect(t, 201).JSON(t, &pStaf)
		if pStaf.NIP == nil || *pStaf.NIP != a.Staf.NIP || pStaf.Nama == nil || *pStaf.Nama != a.Staf.Nama || pStaf.UnitKerjaID != nil ||
			pStaf.BerlakuSelesai == nil || *pStaf.BerlakuSelesai != "2026-12-31" {
			t.Fatalf("pegawai assignment: %+v", pStaf)
		}

		// exactly one target
		r := jdAssign(s, tk.admin, map[string]any{"jadwal_id": kantor.ID, "unit_kerja_id": a.OPD2.ID, "nip": a.Staf2.NIP,
			"berlaku_mulai": "2026-01-01"}).Expect(t, 400)
		orgNamesField(t, r, "unit_kerja_id")
		orgNamesField(t, r, "nip")
		orgNamesField(t, jdAssign(s, tk.admin, map[string]any{"jadwal_id": kantor.ID, "berlaku_mulai": "2026-01-01"}).Expect(t, 400), "nip")
		// ordered dates
		orgNamesField(t, jdAssign(s, tk.admin, map[string]any{"jadwal_id": kantor.ID, "unit_kerja_id": a.OPD2.ID,
			"berlaku_mulai": "2026-05-01", "berlaku_selesai": "2026-04-30"}).Expect(t, 400), "berlaku_selesai")
		// references of the instansi
		orgNamesField(t, jdAssign(s, tk.admin, map[string]any{"jadwal_id": w.A.OPD1.ID, "unit_kerja_id": a.OPD2.ID,
			"berlaku_mulai": "2026-01-01"}).Expect(t, 404), "jadwal_id")
		orgNamesField(t, jdAssign(s, tk.admin, map[string]any{"jadwal_id": kantor.ID, "unit_kerja_id": w.B.OPD1.ID,
			"berlaku_mulai": "2026-01-01"}).Expect(t, 404), "unit_kerja_id")
		orgNamesField(t, jdAssign(s, tk.admin, map[string]any{"jadwal_id": kantor.ID, "nip": w.B.Staf.NIP,
			"berlaku_mulai": "2026-01-01"}).Expect(t, 404), "nip")

		// the same target may not have two assignments on one day; after the end it may
		r = jdAssign(s, tk.admin, map[string]any{"jadwal_id": sekolah.ID, "unit_kerja_id": a.OPD1.ID, "berlaku_mulai": "2026-06-01"}).Expect(t, 409)
		if pr := r.Problem(t); pr.Code != "penugasan_overlap" {
			t.Fatalf("problem: %+v", pr)
		}
		jdAssign(s, tk.admin, map[string]any{"jadwal_id": kantor.ID, "nip": a.Staf.NIP, "berlaku_mulai": "2025-06-01",
			"berlaku_selesai": "2026-01-01"}).Expect(t, 409)
		var pStafLater jdPenugasan
		jdAssign(s, tk.admin, map[string]any{"jadwal_id": kantor.ID, "nip": a.Staf.NIP, "berlaku_mulai": "2027-01-01"}).
			Expect(t, 201).JSON(t, &pStafLater)

		// ADMIN_UNIT (OPD1) cannot reach OPD2: its unit is visible (403), its pegawai are not (404)
		jdAssign(s, tk.adminUnit, map[string]any{"jadwal_id": kantor.ID, "unit_kerja_id": a.OPD2.ID, "berlaku_mulai": "2026-01-01"}).Expect(t, 403)
		orgNamesField(t, jdAssign(s, tk.adminUnit, map[string]any{"jadwal_id": kantor.ID, "nip": a.Staf2.NIP,
			"berlaku_mulai": "2026-01-01"}).Expect(t, 404), "nip")
		for _, tok := range []string{tk.pegawai, tk.keuangan, tk.auditor} {
			jdAssign(s, tok, map[string]any{"jadwal_id": kantor.ID, "unit_kerja_id": a.OPD2.ID, "berlaku_mulai": "2026-01-01"}).Expect(t, 403)
		}
		var pOPD2 jdPenugasan
		jdAssign(s, tk.admin, map[string]any{"jadwal_id": sekolah.ID, "unit_kerja_id": a.OPD2.ID, "berlaku_mulai": "2030-01-01"}).
			Expect(t, 201).JSON(t, &pOPD2)
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/jadwal-penugasan/" + pOPD2.ID, Token: tk.adminUnit}).Expect(t, 404)
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/jadwal-penugasan/" + pOPD2.ID, Token: tk.adminB}).Expect(t, 404)

		// lists, by reach
		list := func(tok, query string) []jdPenugasan {
			t.Helper()
			var l struct {
				Items []jdPenugasan `json:"items"`
			}
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jadwal-penugasan" + query, Token: tok}).Expect(t, 200).JSON(t, &l)
			return l.Items
		}
		ids := func(ps []jdPenugasan) map[string]bool {
			m := map[string]bool{}
			for _, p := range ps {
				m[p.ID] = true
			}
			return m
		}
		if l := list(tk.admin, ""); len(l) != 5 || l[0].ID != pOPD2.ID {
			t.Fatalf("admin list (latest first): %+v", l)
		}
		if l := list(tk.auditor, ""); len(l) != 5 {
			t.Fatalf("auditor list: %+v", l)
		}
		if m := ids(list(tk.adminUnit, "")); len(m) != 4 || m[pOPD2.ID] {
			t.Fatalf("adminUnit list: %v", m)
		}
		// a pegawai sees what decides their own schedule
		if m := ids(list(tk.pegawai, "")); len(m) != 4 || !m[pStaf.ID] || !m[pOPD1.ID] || !m[pSub1.ID] || m[pOPD2.ID] {
			t.Fatalf("pegawai list: %v", m)
		}
		kabid := s.Login(a.Kabid.NIP, apptest.Password)
		if m := ids(list(kabid, "")); len(m) != 2 || m[pStaf.ID] {
			t.Fatalf("kabid list: %v", m)
		}
		if l := list(tk.admin, "?nip="+a.Staf.NIP); len(l) != 2 {
			t.Fatalf("by nip: %+v", l)
		}
		if l := list(tk.admin, "?unit_kerja_id="+a.OPD1.ID); len(l) != 1 || l[0].ID != pOPD1.ID {
			t.Fatalf("by unit: %+v", l)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jadwal-penugasan?nip=" + a.Kadis2.NIP, Token: tk.pegawai}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/jadwal-penugasan?nip=" + a.Kadis2.NIP, Token: tk.adminUnit}).Expect(t, 404)
		if l := list(tk.adminB, ""); len(l) != 0 {
			t.Fatalf("B's list: %+v", l)
		}

		// the schedule in force: own assignment, else the nearest unit's, else the default week
		ctx := context.Background()
		views := func(d time.Time, ps ...domain.Pegawai) []domain.PegawaiView {
			var out []domain.PegawaiView
			for _, p := range ps {
				v, err := s.DB.PegawaiViewByNIP(ctx, a.Instansi.ID, p.NIP, d)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, v)
			}
			return out
		}
		d := jdTgl(2026, 3, 2) // a Monday in Ramadan 1447 H
		peg := views(d, a.Kadis, a.Kabid, a.Staf, a.Kadis2)
		got, err := s.App.Handler.Jadwal.Untuk(ctx, a.Instansi.ID, peg, d)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 4 || got[a.Kadis.ID].Jadwal.Kode != "KANTOR5" || got[a.Kabid.ID].Jadwal.Kode != "SEKOLAH6" ||
			got[a.Staf.ID].Jadwal.Kode != "RSUD" || got[a.Kadis2.ID].Jadwal.Kode != domain.JadwalDefault().Kode {
			t.Fatalf("untuk: %+v", got)
		}
		wita, err := time.LoadLocation("Asia/Makassar")
		if err != nil {
			t.Fatal(err)
		}
		// Ramadan hours apply to the office week
		k := got[a.Kadis.ID]
		if per, ok := k.Jadwal.Periode(d, wita, k.Penyesuaian, nil); !ok || per.Mulai.In(wita).Hour() != 8 || per.Selesai.In(wita).Hour() != 15 {
			t.Fatalf("ramadan period: %+v %v", per, ok)
		}
		if per, ok := k.Jadwal.Periode(jdTgl(2026, 4, 6), wita, k.Penyesuaian, nil); !ok || per.Mulai.In(wita).Minute() != 30 {
			t.Fatalf("normal period: %+v %v", per, ok)
		}
		// the night shift ends the next morning
		st := got[a.Staf.ID]
		per, ok := st.Jadwal.Periode(d, wita, st.Penyesuaian, []domain.RosterShift{{PegawaiID: a.Staf.ID, Tanggal: d, KodeShift: "MALAM"}})
		if !ok || per.Durasi() != 10*time.Hour || per.Selesai.In(wita).Day() != 3 || per.Selesai.In(wita).Hour() != 7 {
			t.Fatalf("night shift: %+v %v", per, ok)
		}
		// the default week has Saturday off and Friday till 16:30
		def := got[a.Kadis2.ID].Jadwal
		if def.Pekan[5] != nil || def.Pekan[6] != nil || def.Pekan[4] == nil || def.Pekan[4].Selesai != 16*3600+30*60 {
			t.Fatalf("default: %+v", def)
		}
		// before any assignment everyone has the default week; after Staf's own one ends
		// and the next starts, theirs is the office week
		if got, err := s.App.Handler.Jadwal.Untuk(ctx, a.Instansi.ID, peg, jdTgl(2025, 6, 2)); err != nil ||
			got[a.Kadis.ID].Jadwal.Kode != "DEFAULT" || got[a.Staf.ID].Jadwal.Kode != "DEFAULT" {
			t.Fatalf("before: %+v %v", got, err)
		}
		if got, err := s.App.Handler.Jadwal.Untuk(ctx, a.Instansi.ID, peg, jdTgl(2027, 2, 1)); err != nil ||
			got[a.Staf.ID].Jadwal.Kode != "KANTOR5" || got[a.Kabid.ID].Jadwal.Kode != "SEKOLAH6" {
			t.Fatalf("2027: %+v %v", got, err)
		}
		// removing the personal assignment falls back to the unit's
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/jadwal-penugasan/" + pStaf.ID, Token: tk.adminUnit}).Expect(t, 204)
		orgAudited(t, s, a.Instansi.ID, "penugasan_jadwal", "DELETE", pStaf.ID)
		if got, err := s.App.Handler.Jadwal.Untuk(ctx, a.Instansi.ID, peg, d); err != nil || got[a.Staf.ID].Jadwal.Kode != "SEKOLAH6" {
			t.Fatalf("after removal: %+v %v", got, err)
		}
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/jadwal-penugasan/" + pStaf.ID, Token: tk.admin}).Expect(t, 404)
	})
}

func TestJadwalRoster(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := orgLogin(s, w)
		a := w.A
		rsud := jdCreate(t, s, tk.admin, jdRSUD("RSUD"))
		sekolah := jdCreate(t, s, tk.admin, jdSekolah6("SEKOLAH6"))
		jdAssign(s, tk.admin, map[string]any{"jadwal_id": rsud.ID, "unit_kerja_id": a.Sub1.ID, "berlaku_mulai": "2026-01-01"}).Expect(t, 201)
		jdAssign(s, tk.admin, map[string]any{"jadwal_id": sekolah.ID, "nip": a.Rekan.NIP, "berlaku_mulai": "2026-01-01"}).Expect(t, 201)
		jdAssign(s, tk.admin, map[string]any{"jadwal_id": rsud.ID, "unit_kerja_id": a.OPD2.ID, "berlaku_mulai": "2026-01-01"}).Expect(t, 201)

		put := func(tok string, items ...jdRoster) *apptest.Response {
			return s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/roster", Token: tok, Body: map[string]any{"items": items}})
		}
		type hasil struct {
			Disimpan int `json:"disimpan"`
			Dihapus  int `json:"dihapus"`
		}
		list := func(tok, query string) []jdRoster {
			t.Helper()
			var l struct {
				Items []jdRoster `json:"items"`
			}
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/roster?dari=2026-11-01&sampai=2026-11-30" + query, Token: tok}).Expect(t, 200).JSON(t, &l)
			return l.Items
		}

		// Staf (Sub1, RSUD) gets a morning and a night shift
		var h hasil
		put(tk.admin, jdRoster{a.Staf.NIP, "2026-11-02", "PAGI"}, jdRoster{a.Staf.NIP, "2026-11-03", "MALAM"},
			jdRoster{a.Kabid.NIP, "2026-11-03", "SIANG"}).Expect(t, 200).JSON(t, &h)
		if h.Disimpan != 3 || h.Dihapus != 0 {
			t.Fatalf("saved: %+v", h)
		}
		orgAudited(t, s, a.Instansi.ID, "roster", "UPDATE", a.Staf.ID)
		if l := list(tk.admin, ""); len(l) != 3 || l[0].Tanggal != "2026-11-02" || l[0].KodeShift != "PAGI" {
			t.Fatalf("list: %+v", l)
		}

		// a shift code must be one of the SHIFT schedule in force for that pegawai on that date
		r := put(tk.admin, jdRoster{a.Staf.NIP, "2026-11-04", "PAGI"}, jdRoster{a.Staf.NIP, "2026-11-05", "SORE"},
			jdRoster{a.Rekan.NIP, "2026-11-04", "PAGI"}, jdRoster{a.Kadis.NIP, "2026-11-04", "PAGI"},
			jdRoster{a.Staf.NIP, "2025-12-31", "PAGI"}).Expect(t, 400)
		for _, f := range []string{"items/1/kode_shift", "items/2/kode_shift", "items/3/kode_shift", "items/4/kode_shift"} {
			orgNamesField(t, r, f)
		}
		if r.Problem(t).HasField("items/0/kode_shift") {
			t.Fatal("a valid entry was refused")
		}
		// nothing of a refused request is saved
		if l := list(tk.admin, "&nip="+a.Staf.NIP); len(l) != 2 {
			t.Fatalf("after refused put: %+v", l)
		}
		// one entry per pegawai and date
		orgNamesField(t, put(tk.admin, jdRoster{a.Staf.NIP, "2026-11-04", "PAGI"}, jdRoster{a.Staf.NIP, "2026-11-04", "SIANG"}).Expect(t, 400),
			"items/1/tanggal")
		// an unknown NIP (or another instansi's) is named
		orgNamesField(t, put(tk.admin, jdRoster{w.B.Staf.NIP, "2026-11-04", "PAGI"}).Expect(t, 404), "items/0/nip")

		// an empty code removes the entry; a replacement overwrites
		put(tk.admin, jdRoster{a.Staf.NIP, "2026-11-03", ""}, jdRoster{a.Staf.NIP, "2026-11-02", "SIANG"},
			jdRoster{a.Staf.NIP, "2026-11-20", ""}).Expect(t, 200).JSON(t, &h)
		if h.Disimpan != 1 || h.Dihapus != 1 {
			t.Fatalf("removed: %+v", h)
		}
		if l := list(tk.admin, "&nip="+a.Staf.NIP); len(l) != 1 || l[0].Tanggal != "2026-11-02" || l[0].KodeShift != "SIANG" {
			t.Fatalf("after removal: %+v", l)
		}

		// ADMIN_UNIT writes within its subtree only; others not at all
		put(tk.adminUnit, jdRoster{a.Staf.NIP, "2026-11-05", "MALAM"}).Expect(t, 200)
		orgNamesField(t, put(tk.adminUnit, jdRoster{a.Staf2.NIP, "2026-11-05", "MALAM"}).Expect(t, 404), "items/0/nip")
		put(tk.admin, jdRoster{a.Staf2.NIP, "2026-11-05", "MALAM"}).Expect(t, 200)
		for _, tok := range []string{tk.pegawai, tk.keuangan, tk.auditor} {
			put(tok, jdRoster{a.Staf.NIP, "2026-11-06", "PAGI"}).Expect(t, 403)
		}

		// reads, by reach
		if l := list(tk.admin, ""); len(l) != 4 {
			t.Fatalf("admin: %+v", l)
		}
		if l := list(tk.keuangan, ""); len(l) != 4 {
			t.Fatalf("keuangan: %+v", l)
		}
		if l := list(tk.adminUnit, ""); len(l) != 3 {
			t.Fatalf("adminUnit: %+v", l)
		}
		if l := list(tk.admin, "&unit_kerja_id="+a.OPD2.ID); len(l) != 1 || l[0].NIP != a.Staf2.NIP {
			t.Fatalf("by unit: %+v", l)
		}
		if l := list(tk.pegawai, ""); len(l) != 2 {
			t.Fatalf("staf: %+v", l)
		}
		kabid := s.Login(a.Kabid.NIP, apptest.Password)
		if l := list(kabid, "&nip="+a.Staf.NIP); len(l) != 2 {
			t.Fatalf("rater: %+v", l)
		}
		if l := list(kabid, ""); len(l) != 3 {
			t.Fatalf("rater, all in reach: %+v", l)
		}
		rekan := s.Login(a.Rekan.NIP, apptest.Password)
		if l := list(rekan, ""); len(l) != 0 {
			t.Fatalf("rekan: %+v", l)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/roster?dari=2026-11-01&sampai=2026-11-30&nip=" + a.Staf.NIP, Token: rekan}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/roster?dari=2026-11-01&sampai=2026-11-30&nip=" + a.Staf2.NIP, Token: tk.adminUnit}).Expect(t, 404)
		if l := list(tk.adminB, ""); len(l) != 0 {
			t.Fatalf("B: %+v", l)
		}
		orgNamesField(t, s.Do(apptest.Req{Method: "GET", Path: "/api/v1/roster?dari=2026-11-30&sampai=2026-11-01", Token: tk.admin}).Expect(t, 400),
			"sampai")

		// the attendance summary reads the month in one query each
		ctx := context.Background()
		rs, err := s.DB.RosterRange(ctx, a.Instansi.ID, jdTgl(2026, 11, 1), jdTgl(2026, 11, 30))
		if err != nil || len(rs) != 4 {
			t.Fatalf("roster range: %+v %v", rs, err)
		}
		s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/kalender/2026", Token: tk.admin, Body: kalBody(
			kalHari{"2026-10-31", "CUTI_BERSAMA", "x"}, kalHari{"2026-11-01", "LIBUR_NASIONAL", "y"}, kalHari{"2026-12-25", "LIBUR_NASIONAL", "Natal"})}).
			Expect(t, 200)
		hl, err := s.DB.HariLiburRange(ctx, a.Instansi.ID, jdTgl(2026, 11, 1), jdTgl(2026, 12, 25))
		if err != nil || len(hl) != 2 || !hl[0].Tanggal.Equal(jdTgl(2026, 11, 1)) || hl[1].Nama != "Natal" {
			t.Fatalf("hari libur range: %+v %v", hl, err)
		}
	})
}
