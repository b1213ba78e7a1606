package api_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type kalHari struct {
	Tanggal string `json:"tanggal"`
	Jenis   string `json:"jenis"`
	Nama    string `json:"nama"`
}

type kalKalender struct {
	Tahun int       `json:"tahun"`
	Items []kalHari `json:"items"`
}

func kalBody(items ...kalHari) map[string]any {
	if items == nil {
		items = []kalHari{}
	}
	return map[string]any{"items": items}
}

func TestKalender(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := orgLogin(s, w)
		put := func(tok, tahun string, body any) *apptest.Response {
			return s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/kalender/" + tahun, Token: tok, Body: body})
		}
		get := func(tok, tahun string) kalKalender {
			t.Helper()
			var k kalKalender
			s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kalender/" + tahun, Token: tok}).Expect(t, 200).JSON(t, &k)
			return k
		}

		// a year never saved is empty, not missing
		if k := get(tk.pegawai, "2026"); k.Tahun != 2026 || len(k.Items) != 0 {
			t.Fatalf("empty year: %+v", k)
		}

		// the admin replaces the year; the answer is by date
		var k kalKalender
		put(tk.admin, "2026", kalBody(
			kalHari{"2026-03-20", "LIBUR_NASIONAL", "Idul Fitri 1447 H"},
			kalHari{"2026-01-01", "LIBUR_NASIONAL", "Tahun Baru 2026 Masehi"},
			kalHari{"2026-03-23", "CUTI_BERSAMA", "  Cuti bersama Idul Fitri  "},
		)).Expect(t, 200).JSON(t, &k)
		if k.Tahun != 2026 || len(k.Items) != 3 || k.Items[0].Tanggal != "2026-01-01" || k.Items[2].Tanggal != "2026-03-23" ||
			k.Items[2].Jenis != "CUTI_BERSAMA" || k.Items[2].Nama != "Cuti bersama Idul Fitri" {
			t.Fatalf("saved: %+v", k)
		}
		orgAudited(t, s, w.A.Instansi.ID, "kalender", "UPDATE", "2026")

		// everyone of the instansi reads it
		for _, tok := range []string{tk.pegawai, tk.adminUnit, tk.keuangan, tk.auditor} {
			if got := get(tok, "2026"); len(got.Items) != 3 {
				t.Fatalf("read: %+v", got)
			}
		}

		// the whole year is replaced: dates not sent are gone
		put(tk.admin, "2026", kalBody(kalHari{"2026-08-17", "LIBUR_NASIONAL", "Hari Kemerdekaan RI"})).Expect(t, 200)
		if got := get(tk.admin, "2026"); len(got.Items) != 1 || got.Items[0].Tanggal != "2026-08-17" {
			t.Fatalf("replaced: %+v", got)
		}
		// another year is untouched by a replacement
		put(tk.admin, "2027", kalBody(kalHari{"2027-01-01", "LIBUR_NASIONAL", "Tahun Baru 2027 Masehi"})).Expect(t, 200)
		put(tk.admin, "2026", kalBody()).Expect(t, 200)
		if got := get(tk.admin, "2026"); len(got.Items) != 0 {
			t.Fatalf("cleared: %+v", got)
		}
		if got := get(tk.admin, "2027"); len(got.Items) != 1 {
			t.Fatalf("other year: %+v", got)
		}

		// a date outside the year and a duplicate date are refused by index, and the
		// stored year is unchanged (all or nothing)
		r := put(tk.admin, "2027", kalBody(
			kalHari{"2027-05-01", "LIBUR_NASIONAL", "Hari Buruh"},
			kalHari{"2028-01-01", "LIBUR_NASIONAL", "Tahun Baru 2028"},
			kalHari{"2027-05-01", "CUTI_BERSAMA", "Dobel"},
		)).Expect(t, 400)
		orgNamesField(t, r, "items/1/tanggal")
		orgNamesField(t, r, "items/2/tanggal")
		if got := get(tk.admin, "2027"); len(got.Items) != 1 || got.Items[0].Tanggal != "2027-01-01" {
			t.Fatalf("after refused put: %+v", got)
		}
		// the spec bounds the year and the kind
		put(tk.admin, "1999", kalBody()).Expect(t, 400)
		put(tk.admin, "2027", kalBody(kalHari{"2027-05-01", "LIBUR_DAERAH", "x"})).Expect(t, 400)

		// only ADMIN_INSTANSI (and SUPERADMIN) writes
		for _, tok := range []string{tk.adminUnit, tk.pegawai, tk.keuangan, tk.auditor} {
			put(tok, "2027", kalBody()).Expect(t, 403)
		}
		s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/kalender/2028", Token: tk.super, Body: kalBody(
			kalHari{"2028-01-01", "LIBUR_NASIONAL", "Tahun Baru 2028 Masehi"}),
			Header: map[string]string{"X-Instansi-ID": w.A.Instansi.ID}}).Expect(t, 200)
		if got := get(tk.admin, "2028"); len(got.Items) != 1 {
			t.Fatalf("superadmin's year: %+v", got)
		}

		// instansi B has its own calendar: A's is out of its sight, and B's writes stay B's
		if got := get(tk.adminB, "2027"); len(got.Items) != 0 {
			t.Fatalf("B sees A's calendar: %+v", got)
		}
		put(tk.adminB, "2027", kalBody(kalHari{"2027-12-25", "LIBUR_NASIONAL", "Natal"})).Expect(t, 200)
		if got := get(tk.admin, "2027"); len(got.Items) != 1 || got.Items[0].Tanggal != "2027-01-01" {
			t.Fatalf("A's calendar after B's write: %+v", got)
		}
	})
}
