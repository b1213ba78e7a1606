package repository_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// TestIngatanSegar: the accounts, instansi and API clients the process remembers are
// never older than its own writes: a write is seen at once, a write in a transaction
// is seen at once inside it and by everyone once it commits, even when another
// request read (and would have remembered) the old row while the transaction ran,
// and a rolled-back write leaves the old row.
func TestIngatanSegar(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		inst := instansiUji(t, db, now)
		u, err := db.CreatePengguna(ctx, domain.Pengguna{InstansiID: inst.ID, Username: "uji", PasswordHash: "x",
			Roles: []domain.Role{domain.RoleAdminInstansi}, CreatedAt: now, UpdatedAt: now})
		if err != nil {
			t.Fatal(err)
		}
		get := func(ctx context.Context) domain.Pengguna {
			t.Helper()
			got, err := db.GetPengguna(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		// a returned value is the caller's: changing it changes nothing remembered
		first := get(ctx)
		first.Roles[0] = domain.RoleSuperadmin
		if got := get(ctx); got.Roles[0] != domain.RoleAdminInstansi {
			t.Fatalf("a caller's change leaked into the cache: %v", got.Roles)
		}

		u = get(ctx)
		u.Nonaktif, u.UpdatedAt = true, now
		if u, err = db.UpdatePengguna(ctx, u); err != nil {
			t.Fatal(err)
		}
		if !get(ctx).Nonaktif {
			t.Fatal("a disabled account was still read as active after the write")
		}

		// in a transaction: seen inside at once; a read outside meanwhile (PostgreSQL:
		// SQLite has one connection) sees the old row; after the commit everyone sees it
		err = db.InTx(ctx, func(tx context.Context) error {
			u.Nonaktif, u.Roles = false, []domain.Role{domain.RoleAuditor}
			if u, err = db.UpdatePengguna(tx, u); err != nil {
				return err
			}
			if got := get(tx); got.Nonaktif || got.Roles[0] != domain.RoleAuditor {
				t.Errorf("inside the transaction: %+v", got)
			}
			if db.Dialect() == repository.Postgres {
				if got := get(ctx); !got.Nonaktif {
					t.Errorf("outside the transaction, before its commit: the new row %+v", got)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := get(ctx); got.Nonaktif || got.Roles[0] != domain.RoleAuditor {
			t.Fatalf("after the commit the old row was served: %+v", got)
		}

		// a rolled-back write: the committed row stays
		_ = db.InTx(ctx, func(tx context.Context) error {
			u.Nonaktif = true
			if _, err := db.UpdatePengguna(tx, u); err != nil {
				t.Error(err)
			}
			return context.Canceled
		})
		if get(ctx).Nonaktif {
			t.Fatal("a rolled-back write was served")
		}

		// the instansi and an API client, the same way
		if _, err := db.GetInstansi(ctx, inst.ID); err != nil {
			t.Fatal(err)
		}
		inst.ZonaWaktu, inst.UpdatedAt = "Asia/Makassar", now
		if _, err := db.UpdateInstansi(ctx, inst); err != nil {
			t.Fatal(err)
		}
		if got, err := db.GetInstansi(ctx, inst.ID); err != nil || got.ZonaWaktu != "Asia/Makassar" {
			t.Fatalf("instansi after its update: %+v %v", got, err)
		}
		k, err := db.CreateKlienAPI(ctx, domain.KlienAPI{InstansiID: inst.ID, Nama: "simpeg", ClientID: "klien-uji",
			SecretHash: "x", Scopes: []string{"pegawai:read"}, CreatedAt: now})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := db.GetKlienAPI(ctx, "", k.ID); err != nil || got.Nonaktif {
			t.Fatalf("client: %+v %v", got, err)
		}
		if _, err := db.GetKlienAPI(ctx, "another-instansi", k.ID); !notFound(err) {
			t.Fatalf("a remembered client was found in another instansi: %v", err)
		}
		if err := db.RevokeKlienAPI(ctx, inst.ID, k.ID); err != nil {
			t.Fatal(err)
		}
		if got, err := db.GetKlienAPI(ctx, "", k.ID); err != nil || !got.Nonaktif {
			t.Fatalf("a revoked client was still read as active: %+v %v", got, err)
		}
	})
}

func notFound(err error) bool {
	de, ok := domain.AsError(err)
	return ok && de.Kind == domain.KindNotFound
}

// TestIngatanReferensiSegar: the reference data the process remembers (units,
// schedules, their assignments, holidays) is never older than its own writes: each
// write is seen by the next read at once, and so is a write in a transaction once it
// commits, even though a read outside it meanwhile saw (and would have remembered)
// the old rows. A value handed out is the caller's to change.
func TestIngatanReferensiSegar(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		inst := instansiUji(t, db, now)
		jan1, dec31 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
		units := func(ctx context.Context) []string {
			us, err := db.UnitKerjaSubtree(ctx, inst.ID, "/")
			return namaUji(t, us, err, func(u domain.UnitKerja) string { return u.Nama })
		}
		jadwal := func(ctx context.Context) []string {
			js, err := db.ListJadwal(ctx, inst.ID)
			return namaUji(t, js, err, func(j domain.JadwalKerja) string { return j.Nama })
		}
		penugasan := func(ctx context.Context) []string {
			ps, err := db.PenugasanJadwalBerlaku(ctx, inst.ID, jan1, dec31)
			return namaUji(t, ps, err, func(p domain.PenugasanJadwal) string { return p.BerlakuMulai.Format(time.DateOnly) })
		}
		libur := func(ctx context.Context) []string {
			hs, err := db.HariLiburRange(ctx, inst.ID, jan1, dec31)
			return namaUji(t, hs, err, func(h domain.HariLibur) string { return h.Nama })
		}
		reads := map[string]func(context.Context) []string{"units": units, "jadwal": jadwal, "penugasan": penugasan, "libur": libur}
		expect := func(ctx context.Context, step string, want map[string][]string) {
			t.Helper()
			for name, read := range reads {
				if got := read(ctx); !slices.Equal(got, want[name]) {
					t.Errorf("%s: %s read %q, want %q", step, name, got, want[name])
				}
			}
		}
		expect(ctx, "empty", nil) // remembered now: every write below must make it forget

		// written in a transaction: seen inside at once; a read outside meanwhile
		// (PostgreSQL: SQLite has one connection) sees the old rows; after the commit
		// everyone sees the new ones
		unit := domain.UnitKerja{ID: uuid.Must(uuid.NewV7()).String(), InstansiID: inst.ID, Kode: "OPD", Nama: "Dinas",
			Jenis: "DINAS", CreatedAt: now, UpdatedAt: now}
		unit.Path = "/" + unit.ID + "/"
		jam := &domain.JamKerja{Mulai: 27000, Selesai: 57600}
		j := domain.JadwalKerja{InstansiID: inst.ID, Jadwal: domain.Jadwal{Kode: "KANTOR5", Nama: "Kantor", Jenis: domain.JadwalPekan,
			Pekan: [7]*domain.JamKerja{jam, jam, jam, jam, jam}}, CreatedAt: now, UpdatedAt: now}
		var p domain.PenugasanJadwal
		written := map[string][]string{"units": {"Dinas"}, "jadwal": {"Kantor"}, "penugasan": {"2026-03-01"}, "libur": {"Nyepi"}}
		var err error
		err = db.InTx(ctx, func(tx context.Context) error {
			if unit, err = db.CreateUnitKerja(tx, unit); err != nil {
				return err
			}
			if j, err = db.CreateJadwal(tx, j); err != nil {
				return err
			}
			if p, err = db.CreatePenugasanJadwal(tx, domain.PenugasanJadwal{InstansiID: inst.ID, JadwalID: j.ID, UnitKerjaID: unit.ID,
				BerlakuMulai: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), CreatedAt: now}); err != nil {
				return err
			}
			if err := db.ReplaceKalender(tx, inst.ID, domain.Kalender{Tahun: 2026, Items: []domain.HariLibur{
				{Tanggal: time.Date(2026, 3, 19, 0, 0, 0, 0, time.UTC), Jenis: domain.LiburNasional, Nama: "Nyepi"}}}); err != nil {
				return err
			}
			expect(tx, "inside the transaction", written)
			if db.Dialect() == repository.Postgres {
				expect(ctx, "outside the transaction, before its commit", nil)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		expect(ctx, "after the commit", written)

		// a schedule handed out is a copy down to its hours
		js, err := db.ListJadwal(ctx, inst.ID)
		if err != nil || len(js) != 1 {
			t.Fatalf("%+v %v", js, err)
		}
		js[0].Pekan[0].Mulai, js[0].Nama = 0, "Diubah"
		if again, _ := db.ListJadwal(ctx, inst.ID); again[0].Pekan[0].Mulai != 27000 || again[0].Nama != "Kantor" {
			t.Fatalf("a caller's change leaked into the cache: %+v", again[0])
		}

		// each write outside a transaction, then the removals
		unit.Nama = "Dinas Baru"
		if unit, err = db.UpdateUnitKerja(ctx, unit); err != nil {
			t.Fatal(err)
		}
		j.Nama = "Kantor Baru"
		if j, err = db.UpdateJadwal(ctx, j); err != nil {
			t.Fatal(err)
		}
		if err := db.ReplaceKalender(ctx, inst.ID, domain.Kalender{Tahun: 2026}); err != nil {
			t.Fatal(err)
		}
		expect(ctx, "after the updates", map[string][]string{"units": {"Dinas Baru"}, "jadwal": {"Kantor Baru"}, "penugasan": {"2026-03-01"}})
		if err := db.DeletePenugasanJadwal(ctx, inst.ID, p.ID); err != nil {
			t.Fatal(err)
		}
		expect(ctx, "after the assignment's removal", map[string][]string{"units": {"Dinas Baru"}, "jadwal": {"Kantor Baru"}})
		if err := db.DeleteJadwal(ctx, inst.ID, j.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteUnitKerja(ctx, inst.ID, unit.ID); err != nil {
			t.Fatal(err)
		}
		expect(ctx, "after the removals", nil)
	})
}

// namaUji names each of a read's rows, failing the test on the read's error.
func namaUji[T any](t *testing.T, rows []T, err error, nama func(T) string) []string {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, nama(r))
	}
	return out
}

// instansiUji stores an instansi "Kota Uji" (WIB) created at now.
func instansiUji(t *testing.T, db *repository.DB, now time.Time) domain.Instansi {
	t.Helper()
	inst, err := db.CreateInstansi(context.Background(), domain.Instansi{Nama: "Kota Uji", Kode: "KOTA-UJI", Jenis: "KOTA",
		ZonaWaktu: "Asia/Jakarta", Aktif: true, CreatedAt: now, UpdatedAt: now})
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// TestIngatanPegawaiSegar: a pegawai as of a date, which the process remembers, is
// never older than its own writes to the pegawai, their riwayat or their position:
// each is seen by the next read, by NIP and by id, and a riwayat written in a
// transaction once it commits, though a read outside it meanwhile saw the old one.
func TestIngatanPegawaiSegar(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		inst := instansiUji(t, db, now)
		unit := func(nama string) domain.UnitKerja {
			t.Helper()
			u := domain.UnitKerja{ID: uuid.Must(uuid.NewV7()).String(), InstansiID: inst.ID, Kode: nama, Nama: nama,
				Jenis: "DINAS", CreatedAt: now, UpdatedAt: now}
			u.Path = "/" + u.ID + "/"
			u, err := db.CreateUnitKerja(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			return u
		}
		dinas, badan := unit("Dinas"), unit("Badan")
		jab, err := db.CreateJabatan(ctx, domain.Jabatan{InstansiID: inst.ID, UnitKerjaID: dinas.ID, Kode: "ANL", Nama: "Analis",
			Jenis: domain.JabatanPelaksana, KelasJabatan: 7, Kebutuhan: 1, CreatedAt: now, UpdatedAt: now})
		if err != nil {
			t.Fatal(err)
		}
		p, err := db.CreatePegawai(ctx, domain.Pegawai{InstansiID: inst.ID, NIP: "199001012015011001", Nama: "Lama",
			JenisASN: domain.JenisPNS, JenisKelamin: "L", TanggalLahir: time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC),
			TMT: time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC), Rekening: &domain.Rekening{NamaBank: "BPD", Nomor: "1", AtasNama: "Lama"},
			CreatedAt: now, UpdatedAt: now})
		if err != nil {
			t.Fatal(err)
		}
		riwayat := func(ctx context.Context, mulai time.Time, u domain.UnitKerja) {
			t.Helper()
			if _, err := db.CreateRiwayat(ctx, domain.Riwayat{InstansiID: inst.ID, PegawaiID: p.ID, Jenis: "MUTASI", BerlakuMulai: mulai,
				JabatanID: jab.ID, UnitKerjaID: u.ID, Golongan: "III/a", Status: domain.StatusAktif, CreatedAt: now}); err != nil {
				t.Fatal(err)
			}
		}
		asOf := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
		expect := func(ctx context.Context, step, nama, jabatan, unit string) {
			t.Helper()
			byNIP, err := db.PegawaiViewByNIP(ctx, inst.ID, p.NIP, asOf)
			if err != nil {
				t.Fatalf("%s: %v", step, err)
			}
			byID, err := db.PegawaiViewByID(ctx, inst.ID, p.ID, asOf)
			if err != nil {
				t.Fatalf("%s: %v", step, err)
			}
			for _, v := range []domain.PegawaiView{byNIP, byID} {
				if v.Nama != nama || v.JabatanNama != jabatan || v.UnitKerjaNama != unit {
					t.Errorf("%s: read %s, %s, %s; want %s, %s, %s", step, v.Nama, v.JabatanNama, v.UnitKerjaNama, nama, jabatan, unit)
				}
			}
		}

		// not yet appointed: unknown, and not remembered as unknown
		if _, err := db.PegawaiViewByNIP(ctx, inst.ID, p.NIP, asOf); !notFound(err) {
			t.Fatalf("before any riwayat: %v", err)
		}
		riwayat(ctx, time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC), dinas)
		expect(ctx, "appointed", "Lama", "Analis", "Dinas") // remembered now

		// a value handed out is the caller's to change
		v, err := db.PegawaiViewByNIP(ctx, inst.ID, p.NIP, asOf)
		if err != nil {
			t.Fatal(err)
		}
		v.Rekening.Nomor, v.UnitKerjaNama = "999", "Diubah"
		if again, _ := db.PegawaiViewByNIP(ctx, inst.ID, p.NIP, asOf); again.Rekening.Nomor != "1" || again.UnitKerjaNama != "Dinas" {
			t.Fatalf("a caller's change leaked into the cache: %+v", again)
		}

		p = v.Pegawai
		p.Rekening.Nomor, p.Nama, p.UpdatedAt = "1", "Baru", now
		if p, err = db.UpdatePegawai(ctx, p); err != nil {
			t.Fatal(err)
		}
		expect(ctx, "after the pegawai's update", "Baru", "Analis", "Dinas")

		jab.Nama = "Analis Kebijakan"
		if jab, err = db.UpdateJabatan(ctx, jab); err != nil {
			t.Fatal(err)
		}
		expect(ctx, "after the position's update", "Baru", "Analis Kebijakan", "Dinas")

		// a mutation written in a transaction
		err = db.InTx(ctx, func(tx context.Context) error {
			riwayat(tx, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), badan)
			expect(tx, "inside the transaction", "Baru", "Analis Kebijakan", "Badan")
			if db.Dialect() == repository.Postgres {
				expect(ctx, "outside the transaction, before its commit", "Baru", "Analis Kebijakan", "Dinas")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		expect(ctx, "after the commit", "Baru", "Analis Kebijakan", "Badan")

		// and one written in a batch, as an import writes them
		if err := db.CreateRiwayatBatch(ctx, []domain.Riwayat{{InstansiID: inst.ID, PegawaiID: p.ID, Jenis: "MUTASI",
			BerlakuMulai: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), JabatanID: jab.ID, UnitKerjaID: dinas.ID,
			Golongan: "III/a", Status: domain.StatusAktif, CreatedAt: now}}); err != nil {
			t.Fatal(err)
		}
		expect(ctx, "after the batch", "Baru", "Analis Kebijakan", "Dinas")
	})
}
