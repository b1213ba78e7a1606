package api_test

import (
	"context"
	"slices"
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type hkdRecord struct {
	ID              string  `json:"id"`
	NIP             string  `json:"nip"`
	Nama            string  `json:"nama"`
	Jenis           string  `json:"jenis"`
	Tingkat         string  `json:"tingkat"`
	NomorSK         string  `json:"nomor_sk"`
	TanggalSK       string  `json:"tanggal_sk"`
	TanggalBerlaku  string  `json:"tanggal_berlaku"`
	DurasiBulan     int     `json:"durasi_bulan"`
	Berakhir        *string `json:"berakhir"`
	Keterangan      *string `json:"keterangan"`
	DariUsulanTahun *int    `json:"dari_usulan_tahun"`
}

type hkdPage struct {
	Total int         `json:"total"`
	Items []hkdRecord `json:"items"`
}

func hkdPost(s *apptest.Server, tok string, body map[string]any) *apptest.Response {
	return s.Do(apptest.Req{Method: "POST", Path: "/api/v1/hukuman-disiplin", Token: tok, Body: body})
}

func hkdCreate(t *testing.T, s *apptest.Server, tok string, body map[string]any) hkdRecord {
	t.Helper()
	var h hkdRecord
	hkdPost(s, tok, body).Expect(t, 201).JSON(t, &h)
	return h
}

// hkdSK is a valid decision for nip with the fields in extra.
func hkdSK(nip, jenis, nomor string, extra ...any) map[string]any {
	m := map[string]any{"nip": nip, "jenis": jenis, "nomor_sk": nomor, "tanggal_sk": "2026-01-10", "tanggal_berlaku": "2026-02-01"}
	for i := 0; i+1 < len(extra); i += 2 {
		m[extra[i].(string)] = extra[i+1]
	}
	return m
}

func hkdList(t *testing.T, s *apptest.Server, tok, query string) []string {
	t.Helper()
	var pg hkdPage
	s.Do(apptest.Req{Method: "GET", Path: "/api/v1/hukuman-disiplin" + query, Token: tok}).Expect(t, 200).JSON(t, &pg)
	if pg.Total != len(pg.Items) {
		t.Fatalf("total %d, %d items", pg.Total, len(pg.Items))
	}
	var ids []string
	for _, h := range pg.Items {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	return ids
}

func TestHukumanDisiplinCreate(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := iznLogin(s, w)
		a := w.A

		// a sedang sanction takes its fixed duration and runs to the day before the same date 6 months on
		h := hkdCreate(t, s, tk.admin, hkdSK(a.Staf.NIP, "POTONGAN_TUKIN_6", " 800.1.6.3/12/BKPSDM/2026 ", "keterangan", "Tidak masuk 12 hari"))
		if h.NIP != a.Staf.NIP || h.Nama != a.Staf.Nama || h.Jenis != "POTONGAN_TUKIN_6" || h.Tingkat != "SEDANG" ||
			h.NomorSK != "800.1.6.3/12/BKPSDM/2026" || h.TanggalSK != "2026-01-10" || h.TanggalBerlaku != "2026-02-01" ||
			h.DurasiBulan != 6 || h.Berakhir == nil || *h.Berakhir != "2026-07-31" || h.DariUsulanTahun != nil ||
			h.Keterangan == nil || *h.Keterangan != "Tidak masuk 12 hari" {
			t.Fatalf("created %+v", h)
		}
		orgAudited(t, s, a.Instansi.ID, "hukuman_disiplin", "CREATE", h.ID)

		// the same SK twice for one pegawai
		if p := hkdPost(s, tk.admin, hkdSK(a.Staf.NIP, "TEGURAN_LISAN", "800.1.6.3/12/bkpsdm/2026")).Expect(t, 409).Problem(t); !p.HasField("nomor_sk") {
			t.Fatalf("duplicate SK: %+v", p)
		}

		// durations: fixed for the tukin cuts, none for reprimands and discharge
		for _, tt := range []struct {
			jenis  string
			durasi int
		}{{"POTONGAN_TUKIN_6", 9}, {"POTONGAN_TUKIN_9", 6}, {"POTONGAN_TUKIN_12", 0}, {"TEGURAN_TERTULIS", 3}, {"PEMBERHENTIAN", 12}, {"PENURUNAN_JABATAN", 0}} {
			if p := hkdPost(s, tk.admin, hkdSK(a.Rekan.NIP, tt.jenis, "SK-D", "durasi_bulan", tt.durasi)).Expect(t, 400).Problem(t); !p.HasField("durasi_bulan") {
				t.Fatalf("%s for %d months: %+v", tt.jenis, tt.durasi, p)
			}
		}
		if p := hkdPost(s, tk.admin, hkdSK(a.Rekan.NIP, "TEGURAN_LISAN", "SK-T", "tanggal_berlaku", "2026-01-09")).Expect(t, 400).Problem(t); !p.HasField("tanggal_berlaku") {
			t.Fatalf("final before signed: %+v", p)
		}
		hkdPost(s, tk.admin, hkdSK(a.Rekan.NIP, "SKORSING", "SK-X")).Expect(t, 400)

		// the given duration where it is the type's, the default, ringan and discharge without end
		for _, tt := range []struct {
			jenis, nomor    string
			extra           []any
			tingkat         string
			durasi          int
			berakhir, tahun string
		}{
			{"POTONGAN_TUKIN_9", "SK-9", []any{"durasi_bulan", 9}, "SEDANG", 9, "2026-10-31", ""},
			{"POTONGAN_TUKIN_12", "SK-12", []any{"tanggal_berlaku", "2026-08-31"}, "SEDANG", 12, "2027-08-30", ""},
			{"PENURUNAN_JABATAN", "SK-PJ", nil, "BERAT", 12, "2027-01-31", ""},
			{"PEMBEBASAN_JABATAN", "SK-PB", []any{"durasi_bulan", 18}, "BERAT", 18, "2027-07-31", ""},
			{"TEGURAN_LISAN", "SK-TL", []any{"dari_usulan_tahun", 2025}, "RINGAN", 0, "", "2025"},
			{"PERNYATAAN_TIDAK_PUAS", "SK-TP", []any{"durasi_bulan", 0}, "RINGAN", 0, "", ""},
			{"PEMBERHENTIAN", "SK-PH", nil, "BERAT", 0, "", ""},
		} {
			h := hkdCreate(t, s, tk.admin, hkdSK(a.Rekan.NIP, tt.jenis, tt.nomor, tt.extra...))
			end := ""
			if h.Berakhir != nil {
				end = *h.Berakhir
			}
			tahun := ""
			if h.DariUsulanTahun != nil {
				tahun = "2025"
				if *h.DariUsulanTahun != 2025 {
					tahun = "?"
				}
			}
			if h.Tingkat != tt.tingkat || h.DurasiBulan != tt.durasi || end != tt.berakhir || tahun != tt.tahun {
				t.Errorf("%s: %+v", tt.jenis, h)
			}
		}
		// the same SK number for another pegawai is another record
		hkdCreate(t, s, tk.admin, hkdSK(a.Rekan.NIP, "POTONGAN_TUKIN_6", "800.1.6.3/12/BKPSDM/2026"))

		// who records: ADMIN_INSTANSI, ADMIN_UNIT in its subtree; nobody else
		hkdCreate(t, s, tk.adminUnit, hkdSK(a.Kabid.NIP, "TEGURAN_TERTULIS", "SK-U1"))
		hkdPost(s, tk.adminUnit, hkdSK(a.Staf2.NIP, "TEGURAN_TERTULIS", "SK-U2")).Expect(t, 404)
		hkdPost(s, tk.kabid, hkdSK(a.Staf.NIP, "TEGURAN_LISAN", "SK-K")).Expect(t, 403)
		hkdPost(s, tk.staf, hkdSK(a.Staf.NIP, "TEGURAN_LISAN", "SK-S")).Expect(t, 403)
		hkdPost(s, tk.audit, hkdSK(a.Staf.NIP, "TEGURAN_LISAN", "SK-A")).Expect(t, 403)
		hkdPost(s, tk.keuangan, hkdSK(a.Staf.NIP, "TEGURAN_LISAN", "SK-Q")).Expect(t, 403)
		hkdPost(s, tk.adminB, hkdSK(a.Staf.NIP, "TEGURAN_LISAN", "SK-B")).Expect(t, 404)
		hkdPost(s, tk.admin, hkdSK("199901012020011999", "TEGURAN_LISAN", "SK-N")).Expect(t, 404)

		// what the yearly absence check reads: the records confirming a year's proposals
		hs, err := s.DB.HukumanTahun(context.Background(), a.Instansi.ID, 2025)
		if err != nil {
			t.Fatal(err)
		}
		if len(hs) != 1 || hs[0].PegawaiID != a.Rekan.ID || hs[0].NIP != a.Rekan.NIP || hs[0].Jenis != domain.TeguranLisan ||
			hs[0].DariUsulanTahun != 2025 || hs[0].NomorSK != "SK-TL" || hs[0].UnitPath != a.Sub1.Path {
			t.Fatalf("confirmed for 2025: %+v", hs)
		}
		if hs, err := s.DB.HukumanTahun(context.Background(), a.Instansi.ID, 2026); err != nil || len(hs) != 0 {
			t.Fatalf("confirmed for 2026: %+v %v", hs, err)
		}
	})
}

func TestHukumanDisiplinRead(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tk := iznLogin(s, w)
		a := w.A

		cut := hkdCreate(t, s, tk.admin, hkdSK(a.Staf.NIP, "POTONGAN_TUKIN_6", "SK-1")) // 2026-02-01 to 2026-07-31
		lisan := hkdCreate(t, s, tk.admin, hkdSK(a.Staf.NIP, "TEGURAN_LISAN", "SK-2"))
		demosi := hkdCreate(t, s, tk.admin, hkdSK(a.Rekan.NIP, "PENURUNAN_JABATAN", "SK-3", "tanggal_berlaku", "2026-03-15")) // to 2027-03-14
		stop := hkdCreate(t, s, tk.admin, hkdSK(a.Kabid.NIP, "PEMBERHENTIAN", "SK-4", "tanggal_berlaku", "2026-09-01"))
		lain := hkdCreate(t, s, tk.admin, hkdSK(a.Staf2.NIP, "POTONGAN_TUKIN_12", "SK-5", "tanggal_berlaku", "2026-08-31")) // to 2027-08-30
		hkdCreate(t, s, tk.adminB, hkdSK(w.B.Staf.NIP, "TEGURAN_LISAN", "SK-B"))
		semua := iznSorted(cut.ID, lisan.ID, demosi.ID, stop.ID, lain.ID)

		get := func(tok, id string, status int) {
			t.Helper()
			r := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/hukuman-disiplin/" + id, Token: tok}).Expect(t, status)
			if status == 200 {
				var h hkdRecord
				r.JSON(t, &h)
				if h.ID != id {
					t.Fatalf("got %+v", h)
				}
			}
		}
		get(tk.staf, cut.ID, 200)
		get(tk.rekan, cut.ID, 404)
		get(tk.kabid, cut.ID, 200)
		get(tk.kadis, cut.ID, 404)
		get(tk.kadis, stop.ID, 200)
		get(tk.staf2, cut.ID, 404)
		get(tk.audit, lain.ID, 200)
		get(tk.keuangan, lain.ID, 200)
		get(tk.adminUnit, cut.ID, 200)
		get(tk.adminUnit, lain.ID, 404)
		get(tk.adminB, cut.ID, 404)
		get(tk.admin, "01900000-0000-7000-8000-000000000000", 404)

		for _, r := range []struct {
			name, tok string
			want      []string
		}{
			{"self", tk.staf, iznSorted(cut.ID, lisan.ID)},
			{"rater", tk.kabid, iznSorted(cut.ID, lisan.ID, demosi.ID, stop.ID)},
			{"rater's superior", tk.kadis, []string{stop.ID}},
			{"admin unit", tk.adminUnit, iznSorted(cut.ID, lisan.ID, demosi.ID, stop.ID)},
			{"admin", tk.admin, semua},
			{"auditor", tk.audit, semua},
			{"keuangan", tk.keuangan, semua},
			{"other unit", tk.staf2, []string{lain.ID}},
		} {
			if got := hkdList(t, s, r.tok, ""); !slices.Equal(got, r.want) {
				t.Errorf("%s sees %v, want %v", r.name, got, r.want)
			}
		}
		if got := hkdList(t, s, tk.adminB, ""); len(got) != 1 {
			t.Errorf("instansi B sees %v", got)
		}
		if got := hkdList(t, s, tk.admin, "?nip="+a.Staf.NIP); !slices.Equal(got, iznSorted(cut.ID, lisan.ID)) {
			t.Errorf("by nip: %v", got)
		}

		// in force on a date: from tanggal_berlaku through berakhir; discharge for good;
		// a reprimand has no running time
		for _, tt := range []struct {
			tanggal string
			want    []string
		}{
			{"2026-01-31", nil},
			{"2026-02-01", []string{cut.ID}},
			{"2026-03-15", iznSorted(cut.ID, demosi.ID)},
			{"2026-07-31", iznSorted(cut.ID, demosi.ID)},
			{"2026-08-01", []string{demosi.ID}},
			{"2026-08-31", iznSorted(demosi.ID, lain.ID)},
			{"2026-09-01", iznSorted(demosi.ID, stop.ID, lain.ID)},
			{"2027-03-14", iznSorted(demosi.ID, stop.ID, lain.ID)},
			{"2027-03-15", iznSorted(stop.ID, lain.ID)},
			{"2027-08-30", iznSorted(stop.ID, lain.ID)},
			{"2027-08-31", []string{stop.ID}},
		} {
			if got := hkdList(t, s, tk.admin, "?berlaku_pada="+tt.tanggal); !slices.Equal(got, tt.want) {
				t.Errorf("in force on %s: %v, want %v", tt.tanggal, got, tt.want)
			}
		}
		if got := hkdList(t, s, tk.staf, "?berlaku_pada=2026-05-01"); !slices.Equal(got, []string{cut.ID}) {
			t.Errorf("staf's in force in May: %v", got)
		}
	})
}
