package api_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type runTPP struct {
	ID      string         `json:"id"`
	Status  string         `json:"status"`
	Jenis   string         `json:"jenis"`
	Version int            `json:"version"`
	Sidik   string         `json:"sidik"`
	Total   map[string]any `json:"total"`
	Anomali []struct {
		Kode   string `json:"kode"`
		Jumlah int    `json:"jumlah"`
	} `json:"anomali"`
	MelebihiPagu bool `json:"melebihi_pagu"`
	Progres      struct {
		Selesai, Total int
	} `json:"progres"`
}

type barisTPP struct {
	NIP          string   `json:"nip"`
	Neto         int64    `json:"neto"`
	Bruto        int64    `json:"bruto"`
	Dibayar      int64    `json:"dibayar"`
	SudahDibayar int64    `json:"sudah_dibayar"`
	Anomali      []string `json:"anomali"`
}

type barisPage struct {
	Total int        `json:"total"`
	Items []barisTPP `json:"items"`
}

// tppSiap gives instansi A a rule profile in force from January 2026.
func tppSiap(t *testing.T, s *apptest.Server, w *apptest.World) (admin, keu string) {
	t.Helper()
	admin, keu = s.Login(w.A.Admin, apptest.Password), s.Login(w.A.Keuangan, apptest.Password)
	s.Do(apptest.Req{Method: "POST", Path: "/api/v1/aturan-tpp", Token: admin,
		Body: map[string]any{"nama": "Perkada TPP 2026", "berlaku_mulai": "2026-01-01", "preset": "KEPMENDAGRI_60_40"}}).Expect(t, 201)
	return admin, keu
}

func runPost(s *apptest.Server, tok string, body map[string]any) *apptest.Response {
	return s.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp", Token: tok, Body: body})
}

func runLines(t *testing.T, s *apptest.Server, tok, id, query string) barisPage {
	t.Helper()
	var pg barisPage
	s.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp/" + id + "/baris" + query, Token: tok}).Expect(t, 200).JSON(t, &pg)
	return pg
}

func TestPerhitunganTPPAlur(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin, keu := tppSiap(t, s, w)
		ctx := context.Background()

		// a run for October for the whole instansi, computed at once
		var run runTPP
		runPost(s, admin, map[string]any{"tahun": 2026, "bulan": 10}).Expect(t, 201).JSON(t, &run)
		if run.Status != "DIHITUNG" || run.Progres.Total != 6 || run.Progres.Selesai != 6 || run.Sidik == "" {
			t.Fatalf("run %+v", run)
		}
		lines := runLines(t, s, keu, run.ID, "?page_size=100")
		if lines.Total != 6 {
			t.Fatalf("%d lines", lines.Total)
		}
		var sum int64
		for _, l := range lines.Items {
			sum += l.Neto
			if l.Dibayar != l.Neto || !strings.Contains(strings.Join(l.Anomali, ","), "TANPA_KEHADIRAN") {
				t.Errorf("line %+v", l)
			}
		}
		if got := int64(run.Total["neto"].(float64)); got != sum || sum <= 0 {
			t.Fatalf("total neto %d, lines sum %d", got, sum)
		}
		// asking again is the same run; a unit inside it is an overlap
		var again runTPP
		runPost(s, admin, map[string]any{"tahun": 2026, "bulan": 10}).Expect(t, 200).JSON(t, &again)
		if again.ID != run.ID {
			t.Fatal("a second run for the same scope and month")
		}
		p := runPost(s, admin, map[string]any{"tahun": 2026, "bulan": 10, "unit_kerja_id": w.A.OPD1.ID}).Expect(t, 409).Problem(t)
		if p.Code != "cakupan_tumpang_tindih" {
			t.Fatalf("code %s", p.Code)
		}
		// one line with its trace and explanation
		m := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/baris/" + w.A.Staf.NIP, Token: keu}).Expect(t, 200).Map(t)
		if len(m["hasil"].(map[string]any)["penjelasan"].([]any)) == 0 {
			t.Fatal("no explanation")
		}

		// the same inputs give the same lines, byte for byte
		var re runTPP
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/hitung-ulang", Token: admin}).Expect(t, 200).JSON(t, &re)
		if re.Sidik != run.Sidik || re.Version <= run.Version {
			t.Fatalf("recomputed %s v%d, first %s v%d", re.Sidik, re.Version, run.Sidik, run.Version)
		}
		// a stale If-Match is refused
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/hitung-ulang", Token: admin,
			Header: map[string]string{"If-Match": fmt.Sprintf(`W/"%d"`, run.Version)}}).Expect(t, 412)

		// the creator cannot approve; ADMIN_INSTANSI is not KEUANGAN
		var own runTPP
		runPost(s, keu, map[string]any{"tahun": 2026, "bulan": 9}).Expect(t, 201).JSON(t, &own)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + own.ID + "/setujui", Token: keu}).Expect(t, 403)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/setujui", Token: admin}).Expect(t, 403)

		// approval by KEUANGAN locks the run
		var ok runTPP
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/setujui", Token: keu,
			Body: map[string]any{"catatan": "sesuai"}}).Expect(t, 200).JSON(t, &ok)
		if ok.Status != "DISETUJUI" {
			t.Fatalf("status %s", ok.Status)
		}
		for _, r := range []apptest.Req{
			{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/setujui", Token: keu},
			{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/hitung-ulang", Token: admin},
			{Method: "DELETE", Path: "/api/v1/perhitungan-tpp/" + run.ID, Token: admin},
		} {
			if p := s.Do(r).Expect(t, 409).Problem(t); p.Code != "sudah_disetujui" {
				t.Errorf("%s %s: %s", r.Method, r.Path, p.Code)
			}
		}
		// and the database refuses any change behind the service's back
		for _, q := range []string{
			"UPDATE perhitungan_tpp SET keterangan = 'x' WHERE id = ?",
			"DELETE FROM perhitungan_tpp WHERE id = ?",
			"UPDATE perhitungan_tpp_baris SET neto = 1 WHERE perhitungan_tpp_id = ?",
			"DELETE FROM perhitungan_tpp_baris WHERE perhitungan_tpp_id = ?",
			"DELETE FROM perhitungan_tpp_pagu WHERE perhitungan_tpp_id = ?",
		} {
			if err := db.Exec(ctx, q, run.ID); err == nil {
				t.Errorf("%s: the database allowed it", q)
			}
		}
		if err := db.Exec(ctx, `INSERT INTO perhitungan_tpp_baris (perhitungan_tpp_id, instansi_id, pegawai_id, nip, nama,
			unit_kerja_id, unit_kerja_nama, unit_path, jabatan_nama, kelas_jabatan, golongan, jenis_asn, status_kepegawaian,
			jhk, besaran, pagu, persen_kinerja, produktivitas, disiplin, tambahan, persen_potongan_disiplin, potongan, bruto,
			bpjs_pegawai, bpjs_pemda, pph, pph_ditanggung, potongan_lain, neto, sudah_dibayar, dibayar, biaya, hasil)
			VALUES (?, ?, ?, 'x', 'x', ?, 'x', '/', 'x', 1, 'x', 'PNS', 'AKTIF', 0, 0, 0, '0', 0, 0, 0, '0', 0, 0, 0, 0, 0, FALSE, 0, 0, 0, 0, 0, '{}')`,
			run.ID, w.A.Instansi.ID, w.A.Kadis2.ID, w.A.OPD1.ID); err == nil {
			t.Error("a line was added to an approved run")
		}
		lines2 := runLines(t, s, keu, run.ID, "?page_size=100")
		if lines2.Total != 6 {
			t.Fatalf("lines changed: %d", lines2.Total)
		}

		// a deduction found later: a KOREKSI pays back the difference for that pegawai only
		s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/masukan-tpp/2026/10", Token: keu, Body: map[string]any{
			"items": []map[string]any{{"nip": w.A.Staf.NIP, "potongan_lain": []map[string]any{{"kode": "KOP", "nama": "Koperasi", "jumlah": 50000}}}}}}).Expect(t, 200)
		var kor runTPP
		runPost(s, admin, map[string]any{"tahun": 2026, "bulan": 10, "jenis": "KOREKSI", "perhitungan_asal_id": run.ID}).Expect(t, 201).JSON(t, &kor)
		kl := runLines(t, s, keu, kor.ID, "")
		if kl.Total != 1 || kl.Items[0].NIP != w.A.Staf.NIP || kl.Items[0].Dibayar != -50000 || kl.Items[0].SudahDibayar == 0 {
			t.Fatalf("correction lines %+v", kl)
		}
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + kor.ID + "/setujui", Token: keu}).Expect(t, 200)

		// the pegawai's view follows the approved runs and lists the correction
		staf := s.Login(w.A.Staf.NIP, apptest.Password)
		v := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Staf.NIP + "/tpp/2026-10", Token: staf}).Expect(t, 200).Map(t)
		if v["sumber"] != "DISETUJUI" || len(v["koreksi"].([]any)) != 1 || len(v["ringkasan"].([]any)) < 4 {
			t.Fatalf("view %v", v)
		}
		// the rater sees it, a colleague and another instansi do not
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Staf.NIP + "/tpp/2026-10", Token: s.Login(w.A.Kabid.NIP, apptest.Password)}).Expect(t, 200)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Staf.NIP + "/tpp/2026-10", Token: s.Login(w.A.Rekan.NIP, apptest.Password)}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Staf.NIP + "/tpp/2026-10", Token: s.Login(w.B.Admin, apptest.Password)}).Expect(t, 404)
		// a month without a run is an estimate; a month to come is refused
		v = s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Staf.NIP + "/tpp/2026-08", Token: staf}).Expect(t, 200).Map(t)
		if v["sumber"] != "PERKIRAAN" {
			t.Fatalf("sumber %v", v["sumber"])
		}
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + w.A.Staf.NIP + "/tpp/2099-01", Token: staf}).Expect(t, 400)

		// who may see runs
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp", Token: staf}).Expect(t, 403)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp/" + run.ID, Token: s.Login(w.B.Keuangan, apptest.Password)}).Expect(t, 404)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp/" + run.ID, Token: s.Login(w.A.Audit, apptest.Password)}).Expect(t, 200)
		runPost(s, s.Login(w.A.Audit, apptest.Password), map[string]any{"tahun": 2026, "bulan": 8}).Expect(t, 403)
	})
}

func TestPerhitunganTPPSalah(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin, keu := tppSiap(t, s, w)
		// no profile in force, a month to come, a correction of nothing approved
		if p := runPost(s, admin, map[string]any{"tahun": 2025, "bulan": 12}).Expect(t, 422).Problem(t); p.Code != "aturan_tidak_ada" {
			t.Fatalf("code %s", p.Code)
		}
		runPost(s, admin, map[string]any{"tahun": 2099, "bulan": 1}).Expect(t, 400)
		var run runTPP
		runPost(s, admin, map[string]any{"tahun": 2026, "bulan": 10}).Expect(t, 201).JSON(t, &run)
		runPost(s, admin, map[string]any{"tahun": 2026, "bulan": 10, "jenis": "KOREKSI", "perhitungan_asal_id": run.ID}).Expect(t, 422)
		runPost(s, admin, map[string]any{"tahun": 2026, "bulan": 10, "jenis": "KOREKSI"}).Expect(t, 400)
		runPost(s, admin, map[string]any{"tahun": 2026, "bulan": 10, "status": "DISETUJUI"}).Expect(t, 400)
		// a budget in BLOKIR mode that the run goes over: approval refused, nothing changes
		s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/pagu-tpp/2026", Token: keu, Body: map[string]any{
			"mode": "BLOKIR", "unit": []map[string]any{{"unit_kerja_id": w.A.OPD1.ID, "jumlah": 1000}}}}).Expect(t, 200)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/hitung-ulang", Token: admin}).Expect(t, 200)
		if p := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/setujui", Token: keu}).Expect(t, 422).Problem(t); p.Code != "melebihi_pagu" {
			t.Fatalf("code %s", p.Code)
		}
		var cur runTPP
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp/" + run.ID, Token: keu}).Expect(t, 200).JSON(t, &cur)
		if cur.Status != "DIHITUNG" || !cur.MelebihiPagu {
			t.Fatalf("after refusal %+v", cur)
		}
		// in PERINGATAN mode it passes, recording the excess
		s.Do(apptest.Req{Method: "PUT", Path: "/api/v1/pagu-tpp/2026", Token: keu, Body: map[string]any{
			"mode": "PERINGATAN", "unit": []map[string]any{{"unit_kerja_id": w.A.OPD1.ID, "jumlah": 1000}}}}).Expect(t, 200)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/setujui", Token: keu}).Expect(t, 200).JSON(t, &cur)
		if !cur.MelebihiPagu {
			t.Fatal("excess not recorded")
		}
		pg := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pagu-tpp/2026", Token: keu}).Expect(t, 200).Map(t)
		if pg["total"].(map[string]any)["terpakai"].(float64) <= 1000 {
			t.Fatalf("pagu %v", pg)
		}
		// a discarded draft leaves nothing
		var sep runTPP
		runPost(s, admin, map[string]any{"tahun": 2026, "bulan": 9}).Expect(t, 201).JSON(t, &sep)
		s.Do(apptest.Req{Method: "DELETE", Path: "/api/v1/perhitungan-tpp/" + sep.ID, Token: admin}).Expect(t, 204)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp/" + sep.ID, Token: admin}).Expect(t, 404)
	})
}

func TestPerhitunganTPPEksporDanSimulasi(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin, keu := tppSiap(t, s, w)
		var run runTPP
		runPost(s, admin, map[string]any{"tahun": 2026, "bulan": 10}).Expect(t, 201).JSON(t, &run)
		// the scope simulation agrees with the run
		sim := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/tpp/simulasi", Token: keu,
			Body: map[string]any{"tahun": 2026, "bulan": 10, "rinci": true}}).Expect(t, 200).Map(t)
		if sim["total"].(map[string]any)["neto"] != run.Total["neto"] || len(sim["baris"].([]any)) != 6 {
			t.Fatalf("simulation %v, run %v", sim["total"], run.Total)
		}
		x := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/ekspor?format=XLSX", Token: keu}).Expect(t, 200)
		if !strings.HasPrefix(string(x.Body), "PK") || !strings.Contains(x.Header.Get("Content-Disposition"), "draf") {
			t.Fatalf("xlsx: %q %s", x.Body[:min(4, len(x.Body))], x.Header.Get("Content-Disposition"))
		}
		c := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/ekspor?format=CSV", Token: keu}).Expect(t, 200)
		if !strings.Contains(string(c.Body), w.A.Staf.NIP) {
			t.Fatal("csv without the pegawai")
		}
		// no bank file for a draft
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/ekspor?format=BANK", Token: keu}).Expect(t, 409)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp/" + run.ID + "/ekspor?format=PDF", Token: keu}).Expect(t, 400)
	})
}

// TestPerhitunganTPPPulih: a run left computing by a process that stopped (its lines
// never committed) is computed again when the service starts, to the same lines.
func TestPerhitunganTPPPulih(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		admin, keu := tppSiap(t, s, w)
		var run runTPP
		runPost(s, admin, map[string]any{"tahun": 2026, "bulan": 10}).Expect(t, 201).JSON(t, &run)
		ctx := context.Background()
		for _, q := range []string{"DELETE FROM perhitungan_tpp_baris WHERE perhitungan_tpp_id = ?",
			"DELETE FROM perhitungan_tpp_pagu WHERE perhitungan_tpp_id = ?",
			"UPDATE perhitungan_tpp SET status = 'PROSES', sidik = '' WHERE id = ?"} {
			if err := db.Exec(ctx, q, run.ID); err != nil {
				t.Fatal(err)
			}
		}
		s2 := apptest.New(t, db) // a new process on the same database
		s2.App.Handler.TPP.TungguSemua()
		var again runTPP
		s2.Do(apptest.Req{Method: "GET", Path: "/api/v1/perhitungan-tpp/" + run.ID, Token: keu}).Expect(t, 200).JSON(t, &again)
		if again.Status != "DIHITUNG" || again.Sidik != run.Sidik {
			t.Fatalf("after restart %+v, before %+v", again, run)
		}
		_ = time.Second
	})
}
