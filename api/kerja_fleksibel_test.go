package api_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// TestKerjaFleksibel: authorised flexible work (PermenPANRB 4/2025) is never counted
// late or absent in the monthly summary. A flexible start of 07:00–09:00 for eight
// hours takes a clock-in at 08:45 and a clock-out at 16:45 as on time (the office day
// starts 07:30); WFA days count as present without records; a dynamic schedule needs a
// record but is never late. Arrangements do not overlap; only administrators record them.
func TestKerjaFleksibel(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		a := w.A
		admin, staf, kabid := s.Login(a.Admin, apptest.Password), s.Login(a.Staf.NIP, apptest.Password), s.Login(a.Kabid.NIP, apptest.Password)
		post := func(tok string, body map[string]any) *apptest.Response {
			return s.Do(apptest.Req{Method: "POST", Path: "/api/v1/kerja-fleksibel", Token: tok, Body: body})
		}
		fw := post(admin, map[string]any{"nip": a.Staf.NIP, "jenis": "FLEKSIBEL_WAKTU", "mulai": "2026-10-01", "selesai": "2026-10-09",
			"awal_masuk": "07:00", "akhir_masuk": "09:00", "durasi_menit": 480, "nomor_sk": "800/12/BKPSDM"}).Expect(t, 201).Map(t)
		if fw["awal_masuk"] != "07:00" || fw["durasi_menit"].(float64) != 480 {
			t.Fatalf("arrangement %v", fw)
		}
		post(admin, map[string]any{"nip": a.Staf.NIP, "jenis": "WFA", "mulai": "2026-10-12", "selesai": "2026-10-13"}).Expect(t, 201)
		post(admin, map[string]any{"nip": a.Staf.NIP, "jenis": "DINAMIS", "mulai": "2026-10-14", "selesai": "2026-10-14"}).Expect(t, 201)
		// refused: an overlap, a window that ends before it starts, a pegawai, another instansi
		if p := post(admin, map[string]any{"nip": a.Staf.NIP, "jenis": "WFA", "mulai": "2026-10-09", "selesai": "2026-10-10"}).
			Expect(t, 409).Problem(t); p.Code != "fleksibel_tumpang_tindih" {
			t.Fatalf("code %s", p.Code)
		}
		post(admin, map[string]any{"nip": a.Staf.NIP, "jenis": "FLEKSIBEL_WAKTU", "mulai": "2026-10-20", "selesai": "2026-10-20",
			"awal_masuk": "09:00", "akhir_masuk": "08:00", "durasi_menit": 480}).Expect(t, 400)
		post(staf, map[string]any{"nip": a.Staf.NIP, "jenis": "WFA", "mulai": "2026-10-21", "selesai": "2026-10-21"}).Expect(t, 403)
		post(s.Login(w.B.Admin, apptest.Password), map[string]any{"nip": a.Staf.NIP, "jenis": "WFA", "mulai": "2026-10-21", "selesai": "2026-10-21"}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kerja-fleksibel/" + fw["id"].(string), Token: s.Login(w.B.Admin, apptest.Password)}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kerja-fleksibel/" + fw["id"].(string), Token: s.Login(a.Rekan.NIP, apptest.Password)}).Expect(t, 404)
		var pg struct{ Total int }
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kerja-fleksibel?nip=" + a.Staf.NIP, Token: kabid}).Expect(t, 200).JSON(t, &pg)
		if pg.Total != 3 {
			t.Fatalf("%d arrangements seen by the rater", pg.Total)
		}

		csv := "nip,waktu,jenis\n" +
			a.Staf.NIP + ",2026-10-01 08:45:00,MASUK\n" + a.Staf.NIP + ",2026-10-01 16:45:00,PULANG\n" + // flexible: on time
			a.Staf.NIP + ",2026-10-02 09:00:59,MASUK\n" + a.Staf.NIP + ",2026-10-02 17:01:00,PULANG\n" + // 59 s after the window: within grace
			a.Staf.NIP + ",2026-10-14 10:30:00,MASUK\n" + a.Staf.NIP + ",2026-10-14 14:00:00,PULANG\n" + // dynamic: never late
			a.Staf.NIP + ",2026-10-15 08:45:00,MASUK\n" + a.Staf.NIP + ",2026-10-15 16:45:00,PULANG\n" // office day again: late
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/kehadiran/impor?format=CSV", Token: admin, Body: csv, Type: "text/csv"}).Expect(t, 200)
		var rk struct {
			Items []rkpRekap `json:"items"`
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kehadiran/rekap?tahun=2026&bulan=10&rinci=true&nip=" + a.Staf.NIP, Token: kabid}).
			Expect(t, 200).JSON(t, &rk)
		status := map[string]string{}
		late := map[string]int{}
		for _, h := range rk.Items[0].Hari {
			status[h.Tanggal], late[h.Tanggal] = h.Status, h.TerlambatDetik
		}
		for d, want := range map[string]string{"2026-10-01": "HADIR", "2026-10-02": "HADIR", "2026-10-12": "FLEKSIBEL",
			"2026-10-13": "FLEKSIBEL", "2026-10-14": "HADIR", "2026-10-15": "HADIR", "2026-10-05": "TANPA_KETERANGAN"} {
			if status[d] != want {
				t.Errorf("%s: %s, want %s", d, status[d], want)
			}
		}
		if late["2026-10-01"] != 0 || late["2026-10-02"] != 59 || late["2026-10-14"] != 0 || late["2026-10-15"] == 0 {
			t.Errorf("lateness: %v", late)
		}
		// withdrawn by an administrator; then the day counts as an office day again
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/kerja-fleksibel/" + fw["id"].(string), Token: staf}).Expect(t, 403)
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/kerja-fleksibel/" + fw["id"].(string), Token: admin}).Expect(t, 204)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kehadiran/rekap?tahun=2026&bulan=10&rinci=true&nip=" + a.Staf.NIP, Token: kabid}).
			Expect(t, 200).JSON(t, &rk)
		for _, h := range rk.Items[0].Hari {
			if h.Tanggal == "2026-10-01" && h.TerlambatDetik == 0 {
				t.Error("after withdrawal 08:45 is still on time")
			}
		}
	})
}
