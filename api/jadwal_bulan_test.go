package api_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// TestJadwalBerubahTengahBulan: a schedule assigned from the middle of a month applies
// from that day. Staf keeps the default 5-day week until 14 October 2026 and follows a
// 6-day school week (07:00–13:00) from the 15th: Saturday the 10th is a day off,
// Saturday the 17th a working day, and a clock-in at 07:20 is on time on the 14th
// (07:30 start) but late on the 15th.
func TestJadwalBerubahTengahBulan(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		a := w.A
		admin := s.Login(a.Admin, apptest.Password)
		j := jdCreate(t, s, admin, jdSekolah6("SEKOLAH6"))
		jdAssign(s, admin, map[string]any{"jadwal_id": j.ID, "nip": a.Staf.NIP, "berlaku_mulai": "2026-10-15"}).Expect(t, 201)
		csv := "nip,waktu,jenis\n" +
			a.Staf.NIP + ",2026-10-14 07:20:00,MASUK\n" + a.Staf.NIP + ",2026-10-14 16:00:00,PULANG\n" +
			a.Staf.NIP + ",2026-10-15 07:20:00,MASUK\n" + a.Staf.NIP + ",2026-10-15 13:00:00,PULANG\n"
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/kehadiran/impor?format=CSV", Token: admin, Body: csv, Type: "text/csv"}).Expect(t, 200)
		var rk struct {
			Items []rkpRekap `json:"items"`
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/kehadiran/rekap?tahun=2026&bulan=10&rinci=true&nip=" + a.Staf.NIP, Token: admin}).
			Expect(t, 200).JSON(t, &rk)
		status, late := map[string]string{}, map[string]int{}
		for _, h := range rk.Items[0].Hari {
			status[h.Tanggal], late[h.Tanggal] = h.Status, h.TerlambatDetik
		}
		if status["2026-10-10"] != "LIBUR" || status["2026-10-17"] != "TANPA_KETERANGAN" || status["2026-10-31"] != "TANPA_KETERANGAN" {
			t.Fatalf("Saturdays: 10th %s, 17th %s, 31st %s", status["2026-10-10"], status["2026-10-17"], status["2026-10-31"])
		}
		if late["2026-10-14"] != 0 || late["2026-10-15"] != 20*60 {
			t.Fatalf("lateness 14th %d s, 15th %d s", late["2026-10-14"], late["2026-10-15"])
		}
		// 22 weekdays and the three Saturdays from the 17th
		if rk.Items[0].JHK != 25 {
			t.Fatalf("JHK %d, want 25", rk.Items[0].JHK)
		}
	})
}
