package api_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type rkpKejadian struct {
	Tanggal      string `json:"tanggal"`
	Detik        int    `json:"detik"`
	Menit        int    `json:"menit"`
	Pita         string `json:"pita"`
	TanpaRekaman bool   `json:"tanpa_rekaman"`
}

type rkpRekap struct {
	NIP                  string         `json:"nip"`
	JHK                  int            `json:"jhk"`
	Hadir                int            `json:"hadir"`
	TanpaKeterangan      int            `json:"tanpa_keterangan"`
	Izin                 map[string]int `json:"izin"`
	Khusus               int            `json:"khusus"`
	TanpaPulang          int            `json:"tanpa_pulang"`
	Terlambat            []rkpKejadian  `json:"terlambat"`
	PulangCepat          []rkpKejadian  `json:"pulang_cepat"`
	TotalTerlambatDetik  int            `json:"total_terlambat_detik"`
	TKBeruntunTerpanjang int            `json:"tk_beruntun_terpanjang"`
	Hari                 []struct {
		Tanggal        string `json:"tanggal"`
		Status         string `json:"status"`
		TerlambatDetik int    `json:"terlambat_detik"`
	} `json:"hari"`
}

// TestRekapKehadiran checks a month of one pegawai in WITA exact to the second at the
// band edges, with a cuti bersama, sick leave, a missing clock-out and unexcused days.
func TestRekapKehadiran(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		a := w.A
		admin, staf, kabid, rekan := s.Login(a.Admin, apptest.Password), s.Login(a.Staf.NIP, apptest.Password),
			s.Login(a.Kabid.NIP, apptest.Password), s.Login(a.Rekan.NIP, apptest.Password)
		s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/kalender/2026", Token: admin, Body: map[string]any{"items": []any{
			map[string]any{"tanggal": "2026-10-16", "jenis": "CUTI_BERSAMA", "nama": "Cuti bersama"}}}}).Expect(t, 200)
		// local WITA times except two RFC 3339 instants in UTC that fall on the local 9th
		csv := "nip,waktu,jenis\n" +
			a.Staf.NIP + ",2026-10-01 07:30:59,MASUK\n" + a.Staf.NIP + ",2026-10-01 16:00:00,PULANG\n" +
			a.Staf.NIP + ",2026-10-02 07:31:00,MASUK\n" + a.Staf.NIP + ",2026-10-02 16:29:59,PULANG\n" +
			a.Staf.NIP + ",2026-10-05 08:01:00,MASUK\n" +
			a.Staf.NIP + ",2026-10-08T23:25:00Z,MASUK\n" + a.Staf.NIP + ",2026-10-09T08:30:00Z,PULANG\n"
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/kehadiran/impor?format=CSV", Token: admin, Body: csv, Type: "text/csv"}).Expect(t, 200)
		iz := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/izin", Token: staf, Body: map[string]any{"jenis": "CUTI_SAKIT",
			"mulai": "2026-10-06", "selesai": "2026-10-07"}}).Expect(t, 201).Map(t)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/izin/" + iz["id"].(string) + "/keputusan", Token: kabid,
			Body: map[string]any{"keputusan": "DISETUJUI"}}).Expect(t, 200)

		var pg struct {
			Total int        `json:"total"`
			Items []rkpRekap `json:"items"`
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kehadiran/rekap?tahun=2026&bulan=10&rinci=true&nip=" + a.Staf.NIP, Token: kabid}).
			Expect(t, 200).JSON(t, &pg)
		if pg.Total != 1 {
			t.Fatalf("rekap: %+v", pg)
		}
		r := pg.Items[0]
		// 22 weekdays in October 2026 minus the cuti bersama
		if r.JHK != 21 || r.Hadir != 4 || r.Izin["CUTI_SAKIT"] != 2 || r.TanpaKeterangan != 15 || r.Khusus != 2 || r.TanpaPulang != 1 {
			t.Fatalf("counts: %+v", r)
		}
		// the run of unexcused days from the 12th to the 30th, across the cuti bersama and weekends
		if r.TKBeruntunTerpanjang != 14 {
			t.Errorf("longest run %d", r.TKBeruntunTerpanjang)
		}
		want := []rkpKejadian{{"2026-10-01", 59, 0, "", false}, {"2026-10-02", 60, 1, "TL1", false}, {"2026-10-05", 1860, 31, "TL2", false}}
		if len(r.Terlambat) != len(want) {
			t.Fatalf("late: %+v", r.Terlambat)
		}
		for i, k := range want {
			if r.Terlambat[i] != k {
				t.Errorf("late %d: %+v, want %+v", i, r.Terlambat[i], k)
			}
		}
		if r.TotalTerlambatDetik != 1920 { // the 59 s within the grace do not count
			t.Errorf("total late %d", r.TotalTerlambatDetik)
		}
		// 16:29:59 on a Friday ending 16:30 is listed but within the grace (no band); the
		// 5th has no clock-out, which counts as the worst band
		if len(r.PulangCepat) != 2 || r.PulangCepat[0] != (rkpKejadian{"2026-10-02", 1, 0, "", false}) ||
			r.PulangCepat[1] != (rkpKejadian{"2026-10-05", 0, 0, "PSW4", true}) {
			t.Errorf("early: %+v", r.PulangCepat)
		}
		day9 := r.Hari[8]
		if day9.Tanggal != "2026-10-09" || day9.Status != "HADIR" || day9.TerlambatDetik != 0 {
			t.Errorf("the 9th in WITA: %+v", day9)
		}

		// reach: a peer sees nothing of it, another instansi neither; the month to come is refused
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kehadiran/rekap?tahun=2026&bulan=10&nip=" + a.Staf.NIP, Token: rekan}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kehadiran/rekap?tahun=2026&bulan=10&nip=" + a.Staf.NIP,
			Token: s.Login(w.B.Admin, apptest.Password)}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kehadiran/rekap?tahun=2030&bulan=1", Token: admin}).Expect(t, 400)
		var mine struct {
			Total int `json:"total"`
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kehadiran/rekap?tahun=2026&bulan=10", Token: kabid}).Expect(t, 200).JSON(t, &mine)
		if mine.Total != 3 { // Kabid and the two he rates
			t.Errorf("kabid reach %d", mine.Total)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kehadiran/rekap?tahun=2026&bulan=10", Token: s.Login(a.Keuangan, apptest.Password)}).
			Expect(t, 200).JSON(t, &mine)
		if mine.Total != 6 {
			t.Errorf("keuangan reach %d", mine.Total)
		}

		// the yearly PP 94/2021 check proposes a sanction; once confirmed it is no longer proposed
		var us struct {
			Items []struct {
				NIP   string `json:"nip"`
				Jenis string `json:"jenis"`
				Hari  int    `json:"hari_tanpa_keterangan"`
			} `json:"items"`
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/hukuman-disiplin/usulan?tahun=2026&unit_kerja_id=" + a.Sub1.ID, Token: admin}).Expect(t, 200).JSON(t, &us)
		found := false
		for _, u := range us.Items {
			if u.NIP == a.Staf.NIP {
				found = u.Jenis == "PEMBERHENTIAN" && u.Hari >= 28
			}
		}
		if !found {
			t.Fatalf("proposals: %+v", us)
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/hukuman-disiplin/usulan?tahun=2026", Token: staf}).Expect(t, 403)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/hukuman-disiplin", Token: admin, Body: map[string]any{"nip": a.Staf.NIP,
			"jenis": "PEMBERHENTIAN", "nomor_sk": "800/1/2026", "tanggal_sk": "2026-11-02", "tanggal_berlaku": "2026-11-16",
			"dari_usulan_tahun": 2026}}).Expect(t, 201)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/hukuman-disiplin/usulan?tahun=2026&unit_kerja_id=" + a.Sub1.ID, Token: admin}).Expect(t, 200).JSON(t, &us)
		for _, u := range us.Items {
			if u.NIP == a.Staf.NIP {
				t.Fatalf("confirmed proposal still listed: %+v", u)
			}
		}
	})
}
