package api_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type iznDoc struct {
	ID          string  `json:"id"`
	NIP         string  `json:"nip"`
	Nama        string  `json:"nama"`
	Jenis       string  `json:"jenis"`
	Mulai       string  `json:"mulai"`
	Selesai     string  `json:"selesai"`
	AnakKe      *int    `json:"anak_ke"`
	NomorSurat  *string `json:"nomor_surat"`
	Keterangan  *string `json:"keterangan"`
	Status      string  `json:"status"`
	DiputusOleh *string `json:"diputus_oleh"`
	DiputusAt   *string `json:"diputus_at"`
	Catatan     *string `json:"catatan"`
}

type iznPage struct {
	Total int      `json:"total"`
	Items []iznDoc `json:"items"`
}

// iznTokens are the fixture accounts' access tokens.
type iznTokens struct {
	staf, rekan, kabid, kadis, staf2, admin, adminUnit, keuangan, audit, adminB string
}

func iznLogin(s *apptest.Server, w *apptest.World) iznTokens {
	a := w.A
	l := func(u string) string { return s.Login(u, apptest.Password) }
	return iznTokens{staf: l(a.Staf.NIP), rekan: l(a.Rekan.NIP), kabid: l(a.Kabid.NIP), kadis: l(a.Kadis.NIP),
		staf2: l(a.Staf2.NIP), admin: l(a.Admin), adminUnit: l(a.AdminUnit), keuangan: l(a.Keuangan), audit: l(a.Audit),
		adminB: l(w.B.Admin)}
}

func iznPost(s *apptest.Server, tok string, body map[string]any) *apptest.Response {
	return s.Do(apptest.Req{Method: "POST", Path: "/api/v1/izin", Token: tok, Body: body})
}

func iznFile(t *testing.T, s *apptest.Server, tok string, body map[string]any) iznDoc {
	t.Helper()
	var d iznDoc
	iznPost(s, tok, body).Expect(t, 201).JSON(t, &d)
	return d
}

func iznDecide(s *apptest.Server, tok, id string, body map[string]any) *apptest.Response {
	return s.Do(apptest.Req{Method: "POST", Path: "/api/v1/izin/" + id + "/keputusan", Token: tok, Body: body})
}

func iznList(t *testing.T, s *apptest.Server, tok, query string) iznPage {
	t.Helper()
	var pg iznPage
	s.Do(apptest.Req{Method: "GET", Path: "/api/v1/izin" + query, Token: tok}).Expect(t, 200).JSON(t, &pg)
	return pg
}

func iznIDs(pg iznPage) []string {
	var ids []string
	for _, d := range pg.Items {
		ids = append(ids, d.ID)
	}
	slices.Sort(ids)
	return ids
}

func iznSorted(ids ...string) []string {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return ids
}

func TestIzinCreate(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := iznLogin(s, w)
		a := w.A

		// a pegawai files for themself; the document waits for a decision
		d := iznFile(t, s, tk.staf, map[string]any{"jenis": "CUTI_TAHUNAN", "mulai": "2026-12-01", "selesai": "2026-12-03",
			"nomor_surat": " 851/17/DIS-A/2026 ", "keterangan": "Urusan keluarga"})
		if d.NIP != a.Staf.NIP || d.Nama != a.Staf.Nama || d.Jenis != "CUTI_TAHUNAN" || d.Mulai != "2026-12-01" ||
			d.Selesai != "2026-12-03" || d.Status != "DIAJUKAN" || d.AnakKe != nil || d.NomorSurat == nil ||
			*d.NomorSurat != "851/17/DIS-A/2026" || d.DiputusOleh != nil || d.DiputusAt != nil || d.Catatan != nil {
			t.Fatalf("filed %+v", d)
		}
		orgAudited(t, s, a.Instansi.ID, "izin", "CREATE", d.ID)

		// overlapping the filed document: refused, naming its dates
		p := iznPost(s, tk.staf, map[string]any{"jenis": "DINAS_LUAR", "mulai": "2026-12-03", "selesai": "2026-12-05"}).Expect(t, 409).Problem(t)
		if p.Code != "izin_overlap" || !strings.Contains(p.Detail, "2026-12-01") || !strings.Contains(p.Detail, "2026-12-03") {
			t.Fatalf("overlap: %+v", p)
		}
		iznPost(s, tk.staf, map[string]any{"jenis": "WFA", "mulai": "2026-11-30", "selesai": "2026-12-10"}).Expect(t, 409)
		// the next day is free
		iznFile(t, s, tk.staf, map[string]any{"jenis": "DINAS_LUAR", "mulai": "2026-12-04", "selesai": "2026-12-04"})

		// shape rules
		if p := iznPost(s, tk.staf, map[string]any{"jenis": "CUTI_SAKIT", "mulai": "2026-12-10", "selesai": "2026-12-09"}).Expect(t, 400).Problem(t); !p.HasField("selesai") {
			t.Fatalf("backwards: %+v", p)
		}
		if p := iznPost(s, tk.rekan, map[string]any{"jenis": "CUTI_MELAHIRKAN", "mulai": "2027-01-04", "selesai": "2027-04-03"}).Expect(t, 400).Problem(t); !p.HasField("anak_ke") {
			t.Fatalf("maternity without child order: %+v", p)
		}
		if p := iznPost(s, tk.staf, map[string]any{"jenis": "CUTI_SAKIT", "mulai": "2026-12-10", "selesai": "2026-12-10", "anak_ke": 1}).Expect(t, 400).Problem(t); !p.HasField("anak_ke") {
			t.Fatalf("child order on sick leave: %+v", p)
		}
		m := iznFile(t, s, tk.rekan, map[string]any{"jenis": "CUTI_MELAHIRKAN", "mulai": "2027-01-04", "selesai": "2027-04-03", "anak_ke": 2})
		if m.AnakKe == nil || *m.AnakKe != 2 {
			t.Fatalf("maternity: %+v", m)
		}
		// Staf's TMT is 2015-03-01
		if p := iznPost(s, tk.staf, map[string]any{"jenis": "CUTI_TAHUNAN", "mulai": "2015-02-27", "selesai": "2015-03-02"}).Expect(t, 400).Problem(t); !p.HasField("mulai") {
			t.Fatalf("before TMT: %+v", p)
		}
		iznFile(t, s, tk.staf, map[string]any{"jenis": "CUTI_TAHUNAN", "mulai": "2015-03-01", "selesai": "2015-03-02"})
		iznPost(s, tk.staf, map[string]any{"jenis": "CUTI_LAIN", "mulai": "2026-12-10", "selesai": "2026-12-10"}).Expect(t, 400)

		// for someone else: a peer cannot even see them; the rater sees but does not file
		iznPost(s, tk.staf, map[string]any{"nip": a.Rekan.NIP, "jenis": "CUTI_SAKIT", "mulai": "2026-12-10", "selesai": "2026-12-10"}).Expect(t, 404)
		iznPost(s, tk.kabid, map[string]any{"nip": a.Staf.NIP, "jenis": "CUTI_SAKIT", "mulai": "2026-12-10", "selesai": "2026-12-10"}).Expect(t, 403)
		iznPost(s, tk.kadis, map[string]any{"nip": a.Staf.NIP, "jenis": "CUTI_SAKIT", "mulai": "2026-12-10", "selesai": "2026-12-10"}).Expect(t, 404)
		// read-only roles
		iznPost(s, tk.audit, map[string]any{"nip": a.Staf.NIP, "jenis": "CUTI_SAKIT", "mulai": "2026-12-10", "selesai": "2026-12-10"}).Expect(t, 403)
		iznPost(s, tk.audit, map[string]any{"jenis": "CUTI_SAKIT", "mulai": "2026-12-10", "selesai": "2026-12-10"}).Expect(t, 403)
		iznPost(s, tk.keuangan, map[string]any{"nip": a.Staf.NIP, "jenis": "CUTI_SAKIT", "mulai": "2026-12-10", "selesai": "2026-12-10"}).Expect(t, 403)

		// administrators in scope file for others
		iznPost(s, tk.admin, map[string]any{"jenis": "CUTI_SAKIT", "mulai": "2026-12-10", "selesai": "2026-12-10"}).Expect(t, 400)
		z := iznFile(t, s, tk.admin, map[string]any{"nip": a.Staf2.NIP, "jenis": "TUGAS_BELAJAR", "mulai": "2027-02-01", "selesai": "2027-07-31"})
		if z.NIP != a.Staf2.NIP || z.Status != "DIAJUKAN" {
			t.Fatalf("by admin: %+v", z)
		}
		iznFile(t, s, tk.adminUnit, map[string]any{"nip": a.Staf.NIP, "jenis": "CUTI_SAKIT", "mulai": "2026-12-10", "selesai": "2026-12-11"})
		iznPost(s, tk.adminUnit, map[string]any{"nip": a.Staf2.NIP, "jenis": "CUTI_SAKIT", "mulai": "2026-12-10", "selesai": "2026-12-10"}).Expect(t, 404)
		// the overlap rule binds administrators too
		iznPost(s, tk.admin, map[string]any{"nip": a.Staf.NIP, "jenis": "CLTN", "mulai": "2026-12-11", "selesai": "2027-12-10"}).Expect(t, 409)
		// another instansi's pegawai does not exist here; unknown NIP neither
		iznPost(s, tk.adminB, map[string]any{"nip": a.Staf.NIP, "jenis": "CUTI_SAKIT", "mulai": "2026-12-20", "selesai": "2026-12-20"}).Expect(t, 404)
		iznPost(s, tk.admin, map[string]any{"nip": "199901012020011999", "jenis": "CUTI_SAKIT", "mulai": "2026-12-20", "selesai": "2026-12-20"}).Expect(t, 404)

		// a refused document no longer holds its dates
		r := iznFile(t, s, tk.rekan, map[string]any{"jenis": "CUTI_ALASAN_PENTING", "mulai": "2026-12-14", "selesai": "2026-12-15"})
		iznPost(s, tk.rekan, map[string]any{"jenis": "CUTI_TAHUNAN", "mulai": "2026-12-15", "selesai": "2026-12-16"}).Expect(t, 409)
		iznDecide(s, tk.kabid, r.ID, map[string]any{"keputusan": "DITOLAK", "catatan": "Bertepatan dengan rapat anggaran"}).Expect(t, 200)
		iznFile(t, s, tk.rekan, map[string]any{"jenis": "CUTI_TAHUNAN", "mulai": "2026-12-15", "selesai": "2026-12-16"})
		// and an approved one still does
		iznDecide(s, tk.kabid, d.ID, map[string]any{"keputusan": "DISETUJUI"}).Expect(t, 200)
		iznPost(s, tk.staf, map[string]any{"jenis": "CUTI_BESAR", "mulai": "2026-12-02", "selesai": "2026-12-02"}).Expect(t, 409)
	})
}

func TestIzinPutuskan(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := iznLogin(s, w)
		a := w.A
		ok := map[string]any{"keputusan": "DISETUJUI"}

		d := iznFile(t, s, tk.staf, map[string]any{"jenis": "CUTI_TAHUNAN", "mulai": "2026-12-21", "selesai": "2026-12-23"})
		iznDecide(s, tk.staf, d.ID, ok).Expect(t, 403)     // never one's own
		iznDecide(s, tk.rekan, d.ID, ok).Expect(t, 404)    // a peer does not see it
		iznDecide(s, tk.kadis, d.ID, ok).Expect(t, 404)    // the rater's superior neither
		iznDecide(s, tk.staf2, d.ID, ok).Expect(t, 404)    // another unit's pegawai
		iznDecide(s, tk.audit, d.ID, ok).Expect(t, 403)    // reads, never writes
		iznDecide(s, tk.keuangan, d.ID, ok).Expect(t, 403) // reads, never writes
		iznDecide(s, tk.adminB, d.ID, ok).Expect(t, 404)   // another instansi
		if p := iznDecide(s, tk.kabid, d.ID, map[string]any{"keputusan": "DITOLAK"}).Expect(t, 400).Problem(t); !p.HasField("catatan") {
			t.Fatalf("refusal without a note: %+v", p)
		}
		iznDecide(s, tk.kabid, d.ID, map[string]any{"keputusan": "DIAJUKAN"}).Expect(t, 400)

		// the rater decides
		var got iznDoc
		iznDecide(s, tk.kabid, d.ID, map[string]any{"keputusan": "DISETUJUI", "catatan": " Selamat berlibur "}).Expect(t, 200).JSON(t, &got)
		if got.Status != "DISETUJUI" || got.DiputusOleh == nil || *got.DiputusOleh != a.Kabid.NIP || got.DiputusAt == nil ||
			got.Catatan == nil || *got.Catatan != "Selamat berlibur" {
			t.Fatalf("approved: %+v", got)
		}
		orgAudited(t, s, a.Instansi.ID, "izin", "UPDATE", d.ID)
		// once
		if p := iznDecide(s, tk.kabid, d.ID, map[string]any{"keputusan": "DITOLAK", "catatan": "salah"}).Expect(t, 409).Problem(t); p.Code != "izin_sudah_diputus" {
			t.Fatalf("decided twice: %+v", p)
		}
		iznDecide(s, tk.admin, d.ID, ok).Expect(t, 409)

		// administrators in scope decide; ADMIN_UNIT not outside its subtree
		r := iznFile(t, s, tk.rekan, map[string]any{"jenis": "CUTI_SAKIT", "mulai": "2026-12-21", "selesai": "2026-12-21"})
		iznDecide(s, tk.adminUnit, r.ID, map[string]any{"keputusan": "DITOLAK", "catatan": "Surat dokter belum ada"}).Expect(t, 200).JSON(t, &got)
		if got.Status != "DITOLAK" || got.DiputusOleh == nil || *got.DiputusOleh != a.AdminUnit {
			t.Fatalf("refused by admin unit: %+v", got)
		}
		z := iznFile(t, s, tk.staf2, map[string]any{"jenis": "DINAS_LUAR", "mulai": "2026-12-21", "selesai": "2026-12-22"})
		iznDecide(s, tk.adminUnit, z.ID, ok).Expect(t, 404)
		iznDecide(s, tk.kabid, z.ID, ok).Expect(t, 404)
		iznDecide(s, tk.admin, z.ID, ok).Expect(t, 200)

		// the rater is whoever is first in the chain: Kadis rates Kabid
		k := iznFile(t, s, tk.kabid, map[string]any{"jenis": "CUTI_TAHUNAN", "mulai": "2026-12-28", "selesai": "2026-12-30"})
		iznDecide(s, tk.kabid, k.ID, ok).Expect(t, 403)
		iznDecide(s, tk.staf, k.ID, ok).Expect(t, 404)
		iznDecide(s, tk.kadis, k.ID, ok).Expect(t, 200)

		// unknown id
		iznDecide(s, tk.admin, "01900000-0000-7000-8000-000000000000", ok).Expect(t, 404)
	})
}

func TestIzinRead(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := iznLogin(s, w)
		a := w.A

		staf1 := iznFile(t, s, tk.staf, map[string]any{"jenis": "CUTI_TAHUNAN", "mulai": "2026-12-01", "selesai": "2026-12-03"})
		staf2 := iznFile(t, s, tk.staf, map[string]any{"jenis": "WFA", "mulai": "2027-01-05", "selesai": "2027-01-05"})
		rekan := iznFile(t, s, tk.rekan, map[string]any{"jenis": "CUTI_SAKIT", "mulai": "2026-12-02", "selesai": "2026-12-02"})
		kabid := iznFile(t, s, tk.kabid, map[string]any{"jenis": "DINAS_LUAR", "mulai": "2026-12-07", "selesai": "2026-12-09"})
		lain := iznFile(t, s, tk.staf2, map[string]any{"jenis": "DINAS_LUAR", "mulai": "2026-12-07", "selesai": "2026-12-09"})
		// instansi B has its own
		iznFile(t, s, s.Login(w.B.Staf.NIP, apptest.Password), map[string]any{"jenis": "CUTI_TAHUNAN", "mulai": "2026-12-01", "selesai": "2026-12-01"})
		semua := iznSorted(staf1.ID, staf2.ID, rekan.ID, kabid.ID, lain.ID)

		get := func(tok, id string, status int) {
			t.Helper()
			r := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/izin/" + id, Token: tok}).Expect(t, status)
			if status == 200 {
				var d iznDoc
				r.JSON(t, &d)
				if d.ID != id {
					t.Fatalf("got %+v", d)
				}
			}
		}
		get(tk.staf, staf1.ID, 200)
		get(tk.rekan, staf1.ID, 404)
		get(tk.kabid, staf1.ID, 200)
		get(tk.kadis, staf1.ID, 404)
		get(tk.kadis, kabid.ID, 200)
		get(tk.staf2, staf1.ID, 404)
		get(tk.audit, staf1.ID, 200)
		get(tk.keuangan, lain.ID, 200)
		get(tk.admin, lain.ID, 200)
		get(tk.adminUnit, staf1.ID, 200)
		get(tk.adminUnit, lain.ID, 404)
		get(tk.adminB, staf1.ID, 404)

		reach := []struct {
			name, tok string
			want      []string
		}{
			{"self", tk.staf, iznSorted(staf1.ID, staf2.ID)},
			{"rater", tk.kabid, iznSorted(staf1.ID, staf2.ID, rekan.ID, kabid.ID)},
			{"rater's superior", tk.kadis, []string{kabid.ID}},
			{"admin unit", tk.adminUnit, iznSorted(staf1.ID, staf2.ID, rekan.ID, kabid.ID)},
			{"admin", tk.admin, semua},
			{"auditor", tk.audit, semua},
			{"keuangan", tk.keuangan, semua},
			{"other unit", tk.staf2, []string{lain.ID}},
		}
		for _, r := range reach {
			if got := iznIDs(iznList(t, s, r.tok, "")); !slices.Equal(got, r.want) {
				t.Errorf("%s sees %v, want %v", r.name, got, r.want)
			}
		}
		if pg := iznList(t, s, tk.adminB, ""); pg.Total != 1 || pg.Items[0].NIP != w.B.Staf.NIP {
			t.Fatalf("instansi B: %+v", pg)
		}

		// filters
		if got := iznIDs(iznList(t, s, tk.admin, "?nip="+a.Staf.NIP)); !slices.Equal(got, iznSorted(staf1.ID, staf2.ID)) {
			t.Errorf("by nip: %v", got)
		}
		if pg := iznList(t, s, tk.staf, "?nip="+a.Rekan.NIP); pg.Total != 0 {
			t.Errorf("a peer's nip: %+v", pg)
		}
		if got := iznIDs(iznList(t, s, tk.admin, "?dari=2026-12-03&sampai=2026-12-07")); !slices.Equal(got, iznSorted(staf1.ID, kabid.ID, lain.ID)) {
			t.Errorf("overlapping 3-7 December: %v", got)
		}
		if got := iznIDs(iznList(t, s, tk.admin, "?dari=2027-01-01")); !slices.Equal(got, []string{staf2.ID}) {
			t.Errorf("from 2027: %v", got)
		}
		if got := iznIDs(iznList(t, s, tk.admin, "?sampai=2026-12-01")); !slices.Equal(got, []string{staf1.ID}) {
			t.Errorf("until 1 December: %v", got)
		}
		pg := iznList(t, s, tk.admin, "?page_size=2")
		if pg.Total != 5 || len(pg.Items) != 2 || pg.Items[0].ID != staf2.ID {
			t.Errorf("paged, latest first: %+v", pg)
		}

		// awaiting the caller's decision
		if got := iznIDs(iznList(t, s, tk.kabid, "?perlu_persetujuan_saya=true")); !slices.Equal(got, iznSorted(staf1.ID, staf2.ID, rekan.ID)) {
			t.Errorf("kabid to decide: %v", got)
		}
		if got := iznIDs(iznList(t, s, tk.kadis, "?perlu_persetujuan_saya=true")); !slices.Equal(got, []string{kabid.ID}) {
			t.Errorf("kadis to decide: %v", got)
		}
		if pg := iznList(t, s, tk.staf, "?perlu_persetujuan_saya=true"); pg.Total != 0 {
			t.Errorf("staf decides nothing: %+v", pg)
		}
		if pg := iznList(t, s, tk.audit, "?perlu_persetujuan_saya=true"); pg.Total != 0 {
			t.Errorf("auditor decides nothing: %+v", pg)
		}
		if got := iznIDs(iznList(t, s, tk.adminUnit, "?perlu_persetujuan_saya=true")); !slices.Equal(got, iznSorted(staf1.ID, staf2.ID, rekan.ID, kabid.ID)) {
			t.Errorf("admin unit to decide: %v", got)
		}
		iznDecide(s, tk.kabid, staf1.ID, map[string]any{"keputusan": "DISETUJUI"}).Expect(t, 200)
		iznDecide(s, tk.admin, lain.ID, map[string]any{"keputusan": "DITOLAK", "catatan": "Tidak ada surat tugas"}).Expect(t, 200)
		if got := iznIDs(iznList(t, s, tk.kabid, "?perlu_persetujuan_saya=true")); !slices.Equal(got, iznSorted(staf2.ID, rekan.ID)) {
			t.Errorf("kabid after deciding: %v", got)
		}
		if got := iznIDs(iznList(t, s, tk.admin, "?perlu_persetujuan_saya=true")); !slices.Equal(got, iznSorted(staf2.ID, rekan.ID, kabid.ID)) {
			t.Errorf("admin to decide: %v", got)
		}
		if pg := iznList(t, s, tk.kabid, "?perlu_persetujuan_saya=true&status=DISETUJUI"); pg.Total != 0 {
			t.Errorf("awaiting and approved: %+v", pg)
		}
		if got := iznIDs(iznList(t, s, tk.admin, "?status=DISETUJUI")); !slices.Equal(got, []string{staf1.ID}) {
			t.Errorf("approved: %v", got)
		}
		if got := iznIDs(iznList(t, s, tk.admin, "?status=DITOLAK")); !slices.Equal(got, []string{lain.ID}) {
			t.Errorf("refused: %v", got)
		}

		// what the monthly summary reads: approved documents meeting a range, by pegawai
		iznDecide(s, tk.kabid, staf2.ID, map[string]any{"keputusan": "DISETUJUI"}).Expect(t, 200)
		m, err := s.DB.IzinDisetujuiRange(context.Background(), a.Instansi.ID, iznDate("2026-12-01"), iznDate("2026-12-31"))
		if err != nil {
			t.Fatal(err)
		}
		want := []domain.DokumenIzin{{Jenis: domain.IzinCutiTahunan, Mulai: iznDate("2026-12-01"), Selesai: iznDate("2026-12-03")}}
		if len(m) != 1 || !slices.Equal(m[a.Staf.ID], want) {
			t.Fatalf("approved in December: %+v", m)
		}
		m, err = s.DB.IzinDisetujuiRange(context.Background(), a.Instansi.ID, iznDate("2026-12-03"), iznDate("2027-01-05"))
		if err != nil {
			t.Fatal(err)
		}
		if len(m) != 1 || len(m[a.Staf.ID]) != 2 || m[a.Staf.ID][1].Jenis != domain.IzinWFA {
			t.Fatalf("approved 3 December to 5 January: %+v", m)
		}
	})
}

func iznDate(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}
