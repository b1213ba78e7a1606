package api_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// kinWorld is the fixture world with a token per person and helpers for the appraisal cycle.
type kinWorld struct {
	t *testing.T
	s *apptest.Server
	w *apptest.World
	// tokens
	admin, adminUnit, auditor, keuangan, adminB string
	kadis, kabid, staf, rekan, staf2            string
	tahun                                       int
}

func newKinWorld(t *testing.T, db *repository.DB) *kinWorld {
	s := apptest.New(t, db)
	w := s.NewWorld()
	a := w.A
	k := &kinWorld{t: t, s: s, w: w, tahun: time.Now().Year()}
	login := func(u string) string { return s.Login(u, apptest.Password) }
	k.admin, k.adminUnit, k.auditor, k.keuangan, k.adminB = login(a.Admin), login(a.AdminUnit), login(a.Audit), login(a.Keuangan), login(w.B.Admin)
	k.kadis, k.kabid, k.staf, k.rekan, k.staf2 = login(a.Kadis.NIP), login(a.Kabid.NIP), login(a.Staf.NIP), login(a.Rekan.NIP), login(a.Staf2.NIP)
	return k
}

func (k *kinWorld) do(method, path, tok string, body any) *apptest.Response {
	k.t.Helper()
	return k.s.Do(apptest.Req{Method: method, Path: path, Token: tok, Body: body})
}

func (k *kinWorld) ok(status int, method, path, tok string, body any) map[string]any {
	k.t.Helper()
	return k.do(method, path, tok, body).Expect(k.t, status).Map(k.t)
}

// problem expects an error status and returns its problem.
func (k *kinWorld) problem(status int, method, path, tok string, body any) apptest.Problem {
	k.t.Helper()
	return k.do(method, path, tok, body).Expect(k.t, status).Problem(k.t)
}

func rhkIDs(m map[string]any) []string {
	var out []string
	for _, r := range m["rhk"].([]any) {
		out = append(out, r.(map[string]any)["id"].(string))
	}
	return out
}

func ikiID(m map[string]any, i, j int) string {
	r := m["rhk"].([]any)[i].(map[string]any)
	return r["indikator"].([]any)[j].(map[string]any)["id"].(string)
}

func oneRHK(uraian, atasan string, target float64) map[string]any {
	r := map[string]any{"jenis": "UTAMA", "uraian": uraian,
		"indikator": []any{map[string]any{"aspek": "KUANTITAS", "uraian": "Jumlah " + uraian, "target": target, "satuan": "dokumen"}}}
	if atasan != "" {
		r["rhk_atasan_id"] = atasan
	}
	return map[string]any{"rhk": []any{r}}
}

// approvedSKP creates, fills, submits and approves an SKP and returns it.
func (k *kinWorld) approvedSKP(ownerTok, nip, raterTok, uraian, atasanRHK string) map[string]any {
	k.t.Helper()
	skp := k.ok(201, "POST", "/api/v1/skp", ownerTok, map[string]any{"nip": nip, "tahun": k.tahun})
	id := skp["id"].(string)
	k.ok(200, "PUT", "/api/v1/skp/"+id, ownerTok, oneRHK(uraian, atasanRHK, 10))
	k.ok(200, "POST", "/api/v1/skp/"+id+"/ajukan", ownerTok, nil)
	if raterTok != "" {
		k.ok(200, "POST", "/api/v1/skp/"+id+"/setujui", raterTok, nil)
	}
	return k.ok(200, "GET", "/api/v1/skp/"+id, ownerTok, nil)
}

func TestSKPWorkflow(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		k := newKinWorld(t, db)
		a := k.w.A

		// Kadis leads the instansi's chart here: no rater, so RHK utama need no link.
		kadis := k.approvedSKP(k.kadis, a.Kadis.NIP, "", "Renstra dinas tercapai", "")
		if kadis["status"] != "DIAJUKAN" || kadis["penilai"] != nil {
			t.Fatalf("kadis skp: %v", kadis)
		}
		// nobody may approve an SKP without a rater, least of all its owner
		k.problem(403, "POST", "/api/v1/skp/"+kadis["id"].(string)+"/setujui", k.kadis, nil)
		kadisRHK := rhkIDs(kadis)[0]

		// Kabid's SKP, drafted by the unit admin, must intervene the rater's RHK
		kabid := k.ok(201, "POST", "/api/v1/skp", k.adminUnit, map[string]any{"nip": a.Kabid.NIP, "tahun": k.tahun})
		if kabid["status"] != "DRAFT" || kabid["revisi"].(float64) != 1 || kabid["penilai"].(map[string]any)["nip"] != a.Kadis.NIP ||
			kabid["periode_mulai"] != fmt.Sprintf("%d-01-01", k.tahun) {
			t.Fatalf("kabid skp: %v", kabid)
		}
		kid := kabid["id"].(string)
		if p := k.problem(400, "PUT", "/api/v1/skp/"+kid, k.kabid, oneRHK("Program bidang", "", 4)); !p.HasField("rhk/0/rhk_atasan_id") {
			t.Fatalf("missing cascade link: %+v", p)
		}
		// a second SKP for an overlapping period is refused
		k.problem(409, "POST", "/api/v1/skp", k.kabid, map[string]any{"nip": a.Kabid.NIP, "tahun": k.tahun,
			"periode_mulai": fmt.Sprintf("%d-06-01", k.tahun)})
		// a stale If-Match is refused
		k.s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/skp/" + kid, Token: k.kabid, Body: oneRHK("Program bidang", kadisRHK, 4),
			Header: map[string]string{"If-Match": `W/"99"`}}).Expect(t, 412)
		kabid = k.ok(200, "PUT", "/api/v1/skp/"+kid, k.kabid, oneRHK("Program bidang", kadisRHK, 4))
		if r := kabid["rhk"].([]any)[0].(map[string]any); r["rhk_atasan_uraian"] != "Renstra dinas tercapai" {
			t.Fatalf("cascade link: %v", r)
		}
		// submitting; approving one's own SKP is refused; the rater returns it with a reason
		k.ok(200, "POST", "/api/v1/skp/"+kid+"/ajukan", k.kabid, nil)
		k.problem(403, "POST", "/api/v1/skp/"+kid+"/setujui", k.kabid, nil)
		k.problem(400, "POST", "/api/v1/skp/"+kid+"/kembalikan", k.kadis, map[string]any{"alasan": ""})
		back := k.ok(200, "POST", "/api/v1/skp/"+kid+"/kembalikan", k.kadis, map[string]any{"alasan": "Target terlalu rendah"})
		if back["status"] != "DIKEMBALIKAN" || back["alasan_pengembalian"] != "Target terlalu rendah" {
			t.Fatalf("returned: %v", back)
		}
		k.problem(409, "POST", "/api/v1/skp/"+kid+"/setujui", k.kadis, nil)
		k.ok(200, "PUT", "/api/v1/skp/"+kid, k.kabid, oneRHK("Program bidang", kadisRHK, 6))
		k.ok(200, "POST", "/api/v1/skp/"+kid+"/ajukan", k.kabid, nil)
		kabid = k.ok(200, "POST", "/api/v1/skp/"+kid+"/setujui", k.kadis, nil)
		if kabid["status"] != "DISETUJUI" || kabid["disetujui_at"] == nil {
			t.Fatalf("approved: %v", kabid)
		}
		// an approved SKP cannot be edited in place
		k.problem(409, "PUT", "/api/v1/skp/"+kid, k.kabid, oneRHK("Lain", kadisRHK, 1))
		kabidRHK := rhkIDs(kabid)[0]

		// staff link to their rater's RHK, not to anyone else's
		staf := k.ok(201, "POST", "/api/v1/skp", k.staf, map[string]any{"nip": a.Staf.NIP, "tahun": k.tahun})
		sid := staf["id"].(string)
		if p := k.problem(400, "PUT", "/api/v1/skp/"+sid, k.staf, oneRHK("Laporan", kadisRHK, 10)); !p.HasField("rhk/0/rhk_atasan_id") {
			t.Fatalf("link to a non-rater's RHK: %+v", p)
		}
		// another pegawai cannot touch it, another instansi cannot see it
		k.problem(404, "PUT", "/api/v1/skp/"+sid, k.staf2, oneRHK("Laporan", kabidRHK, 10))
		k.problem(404, "GET", "/api/v1/skp/"+sid, k.adminB, nil)
		k.problem(404, "GET", "/api/v1/skp/"+sid, k.rekan, nil)
		k.ok(200, "PUT", "/api/v1/skp/"+sid, k.staf, oneRHK("Laporan", kabidRHK, 10))
		k.ok(200, "POST", "/api/v1/skp/"+sid+"/ajukan", k.staf, nil)
		k.problem(403, "POST", "/api/v1/skp/"+sid+"/setujui", k.auditor, nil)
		k.problem(403, "POST", "/api/v1/skp/"+sid+"/setujui", k.kadis, nil) // the rater's superior is not the rater
		staf = k.ok(200, "POST", "/api/v1/skp/"+sid+"/setujui", k.kabid, nil)
		rekan := k.approvedSKP(k.rekan, a.Rekan.NIP, k.kabid, "Arsip", kabidRHK)

		// the cascade from the head of the dinas down
		casc := k.ok(200, "GET", "/api/v1/skp/"+kadis["id"].(string)+"/kaskade", k.kadis, nil)
		top := casc["items"].([]any)[0].(map[string]any)
		mid := top["turunan"].([]any)
		if len(mid) != 1 || mid[0].(map[string]any)["nip"] != a.Kabid.NIP {
			t.Fatalf("cascade level 1: %v", top)
		}
		leaves := mid[0].(map[string]any)["turunan"].([]any)
		if len(leaves) != 2 || leaves[0].(map[string]any)["nip"] != a.Staf.NIP || leaves[1].(map[string]any)["nip"] != a.Rekan.NIP {
			t.Fatalf("cascade level 2: %v", leaves)
		}

		// a change after approval is a new revision; the approved one stays readable
		rev := k.ok(200, "POST", "/api/v1/skp/"+sid+"/revisi", k.staf, nil)
		if rev["status"] != "DRAFT" || rev["revisi"].(float64) != 2 {
			t.Fatalf("revision: %v", rev)
		}
		body := oneRHK("Laporan bulanan", kabidRHK, 12)
		body["rhk"].([]any)[0].(map[string]any)["id"] = rhkIDs(staf)[0]
		body["rhk"].([]any)[0].(map[string]any)["indikator"].([]any)[0].(map[string]any)["id"] = ikiID(staf, 0, 0)
		k.ok(200, "PUT", "/api/v1/skp/"+sid, k.staf, body)
		k.ok(200, "POST", "/api/v1/skp/"+sid+"/ajukan", k.staf, nil)
		k.ok(200, "POST", "/api/v1/skp/"+sid+"/setujui", k.kabid, nil)
		revs := k.ok(200, "GET", "/api/v1/skp/"+sid+"/revisi", k.staf, nil)["items"].([]any)
		if len(revs) != 2 {
			t.Fatalf("revisions: %v", revs)
		}
		first := revs[0].(map[string]any)["rhk"].([]any)[0].(map[string]any)
		second := revs[1].(map[string]any)["rhk"].([]any)[0].(map[string]any)
		if first["uraian"] != "Laporan" || second["uraian"] != "Laporan bulanan" || first["id"] != second["id"] {
			t.Fatalf("revision history: %v / %v", first, second)
		}
		// a subordinate's RHK still intervenes Kabid's, so Kabid cannot drop it in a revision
		k.ok(200, "POST", "/api/v1/skp/"+kid+"/revisi", k.kabid, nil)
		k.problem(409, "PUT", "/api/v1/skp/"+kid, k.kabid, oneRHK("Program baru", kadisRHK, 6))

		// lists follow reach: the rater sees the SKP they rate, an auditor all, KEUANGAN none of the content
		mine := k.ok(200, "GET", fmt.Sprintf("/api/v1/skp?tahun=%d&dinilai_saya=true", k.tahun), k.kabid, nil)
		if mine["total"].(float64) != 2 {
			t.Fatalf("rated by kabid: %v", mine)
		}
		if all := k.ok(200, "GET", "/api/v1/skp", k.auditor, nil); all["total"].(float64) != 4 {
			t.Fatalf("auditor: %v", all)
		}
		if b := k.ok(200, "GET", "/api/v1/skp", k.adminB, nil); b["total"].(float64) != 0 {
			t.Fatalf("instansi B sees A: %v", b)
		}
		k.problem(403, "GET", "/api/v1/skp", k.keuangan, nil)
		if rekan["status"] != "DISETUJUI" {
			t.Fatalf("rekan: %v", rekan)
		}
	})
}

// kinCycle sets up approved SKP for Kabid, Staf and Rekan and returns their ids and indicator ids.
func (k *kinWorld) kinCycle() (kabid, staf, rekan map[string]any) {
	a := k.w.A
	kadis := k.approvedSKP(k.kadis, a.Kadis.NIP, "", "Renstra", "")
	kabid = k.approvedSKP(k.kabid, a.Kabid.NIP, k.kadis, "Program", rhkIDs(kadis)[0])
	staf = k.approvedSKP(k.staf, a.Staf.NIP, k.kabid, "Laporan", rhkIDs(kabid)[0])
	rekan = k.approvedSKP(k.rekan, a.Rekan.NIP, k.kabid, "Arsip", rhkIDs(kabid)[0])
	return
}

func TestPenilaianCycle(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		k := newKinWorld(t, db)
		a := k.w.A
		set := fmt.Sprintf("/api/v1/periode-kinerja/%d", k.tahun)
		if d := k.ok(200, "GET", set, k.staf, nil); d["tersimpan"] != false || d["batas_keberatan_hari"].(float64) != 14 {
			t.Fatalf("defaults: %v", d)
		}
		k.problem(403, "PUT", set, k.kabid, map[string]any{"frekuensi": "BULANAN"})
		k.ok(200, "PUT", set, k.admin, map[string]any{"frekuensi": "BULANAN", "mode_distribusi": "PERINGATAN"})
		kabid, staf, rekan := k.kinCycle()

		// who may open an evaluation: only the rater
		open := func(tok string, skp map[string]any, periode int) *apptest.Response {
			return k.do("POST", "/api/v1/penilaian", tok, map[string]any{"skp_id": skp["id"], "jenis": "PERIODIK", "periode": periode})
		}
		open(k.rekan, staf, 9).Expect(t, 404)  // a peer does not even see the SKP
		open(k.kadis, staf, 9).Expect(t, 403)  // the rater's superior is not the rater
		open(k.staf, staf, 9).Expect(t, 403)   // nobody evaluates themself
		open(k.adminB, staf, 9).Expect(t, 404) // another instansi
		k.problem(400, "POST", "/api/v1/penilaian", k.kabid, map[string]any{"skp_id": staf["id"], "jenis": "PERIODIK", "periode": 13})
		sep := open(k.kabid, staf, 9).Expect(t, 201).Map(t)
		sepID := sep["id"].(string)
		if sep["tanggal_mulai"] != fmt.Sprintf("%d-09-01", k.tahun) || sep["tanggal_selesai"] != fmt.Sprintf("%d-09-30", k.tahun) ||
			sep["penilai"].(map[string]any)["nip"] != a.Kabid.NIP || sep["atasan_penilai"].(map[string]any)["nip"] != a.Kadis.NIP {
			t.Fatalf("september: %v", sep)
		}
		open(k.kabid, staf, 9).Expect(t, 409) // one per period

		iki := ikiID(staf, 0, 0)
		put := func(tok, id string, body map[string]any) *apptest.Response {
			return k.do("PUT", "/api/v1/penilaian/"+id, tok, body)
		}
		// bad input: a rating outside the enum, the legacy CUKUP as a rating, a negative realisasi, a foreign indicator
		for _, bad := range []map[string]any{{"rating_hasil": "LUAR_BIASA"}, {"rating_perilaku": "CUKUP"},
			{"realisasi": []any{map[string]any{"iki_id": iki, "realisasi": -1}}}} {
			put(k.kabid, sepID, bad).Expect(t, 400)
		}
		if p := put(k.kabid, sepID, map[string]any{"realisasi": []any{map[string]any{"iki_id": ikiID(rekan, 0, 0), "realisasi": 1}}}).
			Expect(t, 400).Problem(t); !p.HasField("realisasi/0/iki_id") {
			t.Fatalf("foreign indicator: %+v", p)
		}
		put(k.staf, sepID, map[string]any{"rating_hasil": "DI_ATAS_EKSPEKTASI"}).Expect(t, 403)
		sep = put(k.kabid, sepID, map[string]any{"realisasi": []any{map[string]any{"iki_id": iki, "realisasi": 8, "umpan_balik": "Tepat waktu"}},
			"rating_hasil": "SESUAI_EKSPEKTASI", "rating_perilaku": "DI_ATAS_EKSPEKTASI", "umpan_balik": "Pertahankan",
			"nilai_perilaku": map[string]any{"akuntabel": 90, "loyal": 85}}).Expect(t, 200).Map(t)
		row := sep["realisasi"].([]any)[0].(map[string]any)
		if sep["predikat"] != "BAIK" || sep["capaian"].(float64) != 80 || row["capaian"].(float64) != 80 || row["realisasi"].(float64) != 8 ||
			sep["nilai_perilaku"].(map[string]any)["akuntabel"].(float64) != 90 {
			t.Fatalf("september content: %v", sep)
		}
		// PERINGATAN mode with no organisation predikat: finalised, with the reason the check could not run
		fin := k.ok(200, "POST", "/api/v1/penilaian/"+sepID+"/finalkan", k.kabid, nil)
		if fin["distribusi"].(map[string]any)["catatan"] == nil || len(fin["difinalkan"].([]any)) != 1 {
			t.Fatalf("finalised with warning: %v", fin)
		}
		k.problem(409, "POST", "/api/v1/penilaian/"+sepID+"/finalkan", k.kabid, nil) // finalising twice
		put(k.kabid, sepID, map[string]any{"rating_hasil": "DI_ATAS_EKSPEKTASI"}).Expect(t, 409)

		// October: the instansi now blocks on the distribution curve
		k.ok(200, "PUT", set, k.admin, map[string]any{"frekuensi": "BULANAN", "mode_distribusi": "BLOKIR"})
		k.problem(409, "PUT", set, k.admin, map[string]any{"frekuensi": "TRIWULAN"}) // periods already in use
		orgBody := map[string]any{"unit_kerja_id": a.Sub1.ID, "tahun": k.tahun, "jenis": "PERIODIK", "periode": 10, "predikat": "BAIK"}
		k.problem(403, "PUT", "/api/v1/predikat-organisasi", k.kabid, orgBody) // a unit head does not rate their own unit
		k.problem(403, "PUT", "/api/v1/predikat-organisasi", k.staf, orgBody)
		po := k.ok(200, "PUT", "/api/v1/predikat-organisasi", k.kadis, orgBody) // the head of the unit above does
		if po["predikat"] != "BAIK" || po["unit_kerja_nama"] != a.Sub1.Nama {
			t.Fatalf("organisation predikat: %v", po)
		}
		oStaf := open(k.kabid, staf, 10).Expect(t, 201).Map(t)["id"].(string)
		oRekan := open(k.kabid, rekan, 10).Expect(t, 201).Map(t)["id"].(string)
		put(k.kabid, oStaf, map[string]any{"realisasi": []any{map[string]any{"iki_id": iki, "realisasi": 12}},
			"rating_hasil": "DI_ATAS_EKSPEKTASI", "rating_perilaku": "DI_ATAS_EKSPEKTASI"}).Expect(t, 200)
		// Staf alone, Sangat Baik, breaks the Baik pattern (Butuh Perbaikan or Kurang must be present): blocked
		if p := k.problem(422, "POST", "/api/v1/penilaian/"+oStaf+"/finalkan", k.kabid, nil); p.Code != "distribusi_dilanggar" {
			t.Fatalf("blocked: %+v", p)
		}
		put(k.kabid, oRekan, map[string]any{"rating_hasil": "DI_BAWAH_EKSPEKTASI", "rating_perilaku": "SESUAI_EKSPEKTASI"}).Expect(t, 200)
		// the unit head's result follows the unit: Kadis rates Kabid's behaviour only
		oKabid := open(k.kadis, kabid, 10).Expect(t, 201).Map(t)
		if oKabid["hasil_dari_unit"] != true {
			t.Fatalf("unit head: %v", oKabid)
		}
		if p := put(k.kadis, oKabid["id"].(string), map[string]any{"rating_hasil": "DI_ATAS_EKSPEKTASI"}).Expect(t, 400).Problem(t); !p.HasField("rating_hasil") {
			t.Fatalf("unit head rating: %+v", p)
		}
		ok := put(k.kadis, oKabid["id"].(string), map[string]any{"rating_perilaku": "SESUAI_EKSPEKTASI"}).Expect(t, 200).Map(t)
		if ok["rating_hasil"] != "SESUAI_EKSPEKTASI" || ok["predikat"] != "BAIK" || ok["predikat_organisasi"] != "BAIK" {
			t.Fatalf("unit head result: %v", ok)
		}
		dist := k.ok(200, "GET", fmt.Sprintf("/api/v1/distribusi-predikat?unit_kerja_id=%s&tahun=%d&jenis=PERIODIK&periode=10", a.Sub1.ID, k.tahun), k.kadis, nil)
		seb := dist["sebaran"].(map[string]any)
		if dist["valid"] != true || dist["jumlah"].(float64) != 3 || seb["SANGAT_BAIK"].(float64) != 1 || seb["BAIK"].(float64) != 1 ||
			seb["BUTUH_PERBAIKAN"].(float64) != 1 {
			t.Fatalf("distribution: %v", dist)
		}
		k.problem(404, "GET", fmt.Sprintf("/api/v1/distribusi-predikat?unit_kerja_id=%s&tahun=%d&jenis=PERIODIK&periode=10", a.Sub1.ID, k.tahun), k.staf2, nil)
		// the rater finalises the unit's evaluations they rate in one call
		fb := k.ok(200, "POST", "/api/v1/penilaian/finalisasi", k.kabid, map[string]any{"unit_kerja_id": a.Sub1.ID, "tahun": k.tahun, "jenis": "PERIODIK", "periode": 10})
		if len(fb["difinalkan"].([]any)) != 2 || fb["distribusi"].(map[string]any)["valid"] != true {
			t.Fatalf("bulk finalise: %v", fb)
		}

		// objections: Rekan objects within the deadline, to the rater's superior
		kb := k.ok(201, "POST", "/api/v1/keberatan", k.rekan, map[string]any{"penilaian_id": oRekan, "alasan": "Arsip digital selesai lebih awal", "predikat_diharapkan": "BAIK"})
		kbID := kb["id"].(string)
		if kb["predikat_semula"] != "BUTUH_PERBAIKAN" || kb["pemutus"].(map[string]any)["nip"] != a.Kadis.NIP || kb["status"] != "DIAJUKAN" {
			t.Fatalf("objection: %v", kb)
		}
		k.problem(409, "POST", "/api/v1/keberatan", k.rekan, map[string]any{"penilaian_id": oRekan, "alasan": "lagi"})
		k.problem(404, "POST", "/api/v1/keberatan", k.staf2, map[string]any{"penilaian_id": oRekan, "alasan": "x"})
		k.problem(403, "POST", "/api/v1/keberatan", k.kabid, map[string]any{"penilaian_id": oRekan, "alasan": "x"})
		k.problem(404, "GET", "/api/v1/keberatan/"+kbID, k.staf, nil)
		if l := k.ok(200, "GET", "/api/v1/keberatan?status=DIAJUKAN", k.kadis, nil); l["total"].(float64) != 1 {
			t.Fatalf("addressed to kadis: %v", l)
		}
		k.problem(403, "POST", "/api/v1/keberatan/"+kbID+"/putusan", k.kabid, map[string]any{"keputusan": "DIKUATKAN", "alasan": "x"})
		k.problem(400, "POST", "/api/v1/keberatan/"+kbID+"/putusan", k.kadis, map[string]any{"keputusan": "DIUBAH", "alasan": "x"})
		// CUKUP is the legacy label of Butuh Perbaikan: "changing" to it changes nothing
		if p := k.problem(400, "POST", "/api/v1/keberatan/"+kbID+"/putusan", k.kadis, map[string]any{"keputusan": "DIUBAH", "predikat": "CUKUP", "alasan": "x"}); !p.HasField("predikat") {
			t.Fatalf("same predikat: %+v", p)
		}
		dec := k.ok(200, "POST", "/api/v1/keberatan/"+kbID+"/putusan", k.kadis, map[string]any{"keputusan": "DIUBAH", "predikat": "BAIK", "alasan": "Dipertimbangkan ulang"})
		if dec["status"] != "DIPUTUS" || dec["predikat_akhir"] != "BAIK" || dec["keputusan"] != "DIUBAH" {
			t.Fatalf("decision: %v", dec)
		}
		k.problem(409, "POST", "/api/v1/keberatan/"+kbID+"/putusan", k.kadis, map[string]any{"keputusan": "DIKUATKAN", "alasan": "lagi"}) // final
		// the pegawai reads how the result was reached
		pr := k.ok(200, "GET", "/api/v1/penilaian/"+oRekan, k.rekan, nil)
		expl := strings.Join(toStrings(pr["penjelasan"]), " | ")
		if pr["status"] != "DIPUTUS" || pr["predikat"] != "BAIK" || pr["predikat_awal"] != "BUTUH_PERBAIKAN" || pr["keberatan_id"] != kbID ||
			!strings.Contains(expl, "DI_BAWAH_EKSPEKTASI") || !strings.Contains(expl, "final") {
			t.Fatalf("transparency: %v", pr)
		}
		en := k.s.Do(apptest.Req{Method: "GET", Path: "/api/v1/penilaian/" + oRekan, Token: k.rekan, Header: map[string]string{"Accept-Language": "en"}}).Expect(t, 200).Map(t)
		if !strings.Contains(strings.Join(toStrings(en["penjelasan"]), " "), "rater's superior changed") {
			t.Fatalf("english explanation: %v", en["penjelasan"])
		}
		// an objection after the deadline is refused with a clear error
		if err := k.s.DB.Exec(t.Context(), `UPDATE penilaian SET difinalkan_at = ? WHERE id = ?`, time.Now().AddDate(0, 0, -20).UTC(), sepID); err != nil {
			t.Fatal(err)
		}
		if p := k.problem(422, "POST", "/api/v1/keberatan", k.staf, map[string]any{"penilaian_id": sepID, "alasan": "Terlambat"}); p.Code != "keberatan_terlambat" {
			t.Fatalf("late objection: %+v", p)
		}
		// the annual evaluation over the year
		ann := k.ok(201, "POST", "/api/v1/penilaian", k.kabid, map[string]any{"skp_id": staf["id"], "jenis": "TAHUNAN"})
		if ann["periode"].(float64) != 0 || ann["tanggal_mulai"] != fmt.Sprintf("%d-01-01", k.tahun) || ann["tanggal_selesai"] != fmt.Sprintf("%d-12-31", k.tahun) {
			t.Fatalf("annual: %v", ann)
		}
		// reach of the lists: KEUANGAN reads evaluations (it pays on them), a peer only their own
		if l := k.ok(200, "GET", fmt.Sprintf("/api/v1/penilaian?tahun=%d&jenis=PERIODIK&periode=10", k.tahun), k.keuangan, nil); l["total"].(float64) != 3 {
			t.Fatalf("keuangan list: %v", l)
		}
		if l := k.ok(200, "GET", "/api/v1/penilaian", k.rekan, nil); l["total"].(float64) != 1 {
			t.Fatalf("rekan list: %v", l)
		}
		k.problem(404, "GET", "/api/v1/penilaian/"+oStaf, k.rekan, nil)
		k.problem(404, "GET", "/api/v1/penilaian/"+oStaf, k.adminB, nil)
		k.ok(200, "GET", "/api/v1/penilaian/"+oStaf, k.auditor, nil)
		k.problem(403, "POST", "/api/v1/penilaian/finalisasi", k.auditor, map[string]any{"unit_kerja_id": a.Sub1.ID, "tahun": k.tahun, "jenis": "PERIODIK", "periode": 10})
		if l := k.ok(200, "GET", "/api/v1/audit?entitas=keberatan", k.admin, nil); l["total"].(float64) != 2 {
			t.Fatalf("audit: %v", l)
		}
	})
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}
