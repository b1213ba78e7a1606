package apptest

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// Password is the password of every fixture account.
const Password = "rahasia-uji-2026" //nolint:gosec // G101: the password of throwaway test accounts, not a secret

// Org is one instansi of the fixture world:
//
//	OPD1 (Dinas A) ── Sub1 (Bidang A1)        OPD2 (Dinas B)
//	Kadis (JPT_PRATAMA, OPD1)                  Kadis2 (JPT_PRATAMA, OPD2)
//	  └ Kabid (ADMINISTRATOR, Sub1)              └ Staf2 (PELAKSANA, OPD2)
//	      └ Staf (PELAKSANA, Sub1, kebutuhan 3)
//	      └ Staf  (second holder: Rekan)
type Org struct {
	Instansi                          domain.Instansi
	OPD1, Sub1, OPD2                  domain.UnitKerja
	JKadis, JKabid, JStaf             domain.Jabatan
	JKadis2, JStaf2                   domain.Jabatan
	Kadis, Kabid, Staf, Rekan         domain.Pegawai
	Kadis2, Staf2                     domain.Pegawai
	Admin, AdminUnit, Keuangan, Audit string // usernames
}

// World holds two instansi, so every test can try to reach the other's data.
type World struct {
	A, B       Org
	Superadmin string // username
}

// NIPs of the fixture employees (valid PNS layout), per instansi index.
var nips = [2][6]string{
	{"197001011995031001", "198002022005012002", "199003032015031003", "199104042016042004", "197205051996031005", "199306062018012006"},
	{"197107071995031007", "198108082005012008", "199209092015031009", "199310102016042010", "197311111996031011", "199412122018012012"},
}

// NewWorld inserts the fixture world.
func (s *Server) NewWorld() *World {
	s.T.Helper()
	ctx := context.Background()
	w := &World{Superadmin: "super"}
	s.user(ctx, "super", "", "", "", domain.RoleSuperadmin)
	w.A = s.org(ctx, 0, "A")
	w.B = s.org(ctx, 1, "B")
	return w
}

func (s *Server) exec(ctx context.Context, sql string, args ...any) {
	s.T.Helper()
	if err := s.DB.Exec(ctx, sql, args...); err != nil {
		s.T.Fatalf("fixture: %v\n%s", err, sql)
	}
}

func id() string { return uuid.Must(uuid.NewV7()).String() }

var fixtureTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

func (s *Server) org(ctx context.Context, n int, tag string) Org {
	var o Org
	o.Instansi = domain.Instansi{ID: id(), Nama: "Pemerintah Kota " + tag, Kode: "KOTA-" + tag, Jenis: "KOTA",
		ZonaWaktu: "Asia/Makassar", Aktif: true, Version: 1}
	s.exec(ctx, `INSERT INTO instansi (id, nama, kode, jenis, zona_waktu, aktif, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)`,
		o.Instansi.ID, o.Instansi.Nama, o.Instansi.Kode, "KOTA", "Asia/Makassar", true, 1, fixtureTime, fixtureTime)
	unit := func(parent *domain.UnitKerja, kode, nama, jenis string) domain.UnitKerja {
		u := domain.UnitKerja{ID: id(), InstansiID: o.Instansi.ID, Kode: kode + "-" + tag, Nama: nama, Jenis: jenis, Version: 1}
		if parent != nil {
			u.ParentID, u.Path, u.Level = parent.ID, parent.Path+u.ID+"/", parent.Level+1
		} else {
			u.Path = "/" + u.ID + "/"
		}
		s.exec(ctx, `INSERT INTO unit_kerja (id, instansi_id, parent_id, path, level, kode, nama, jenis, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
			u.ID, u.InstansiID, nullable(u.ParentID), u.Path, u.Level, u.Kode, u.Nama, u.Jenis, 1, fixtureTime, fixtureTime)
		return u
	}
	o.OPD1 = unit(nil, "OPD1", "Dinas A "+tag, "DINAS")
	o.Sub1 = unit(&o.OPD1, "SUB1", "Bidang A1 "+tag, "BIDANG")
	o.OPD2 = unit(nil, "OPD2", "Dinas B "+tag, "DINAS")
	jab := func(u domain.UnitKerja, atasan *domain.Jabatan, kode, nama string, jenis domain.JenisJabatan, kelas, kebutuhan int) domain.Jabatan {
		j := domain.Jabatan{ID: id(), InstansiID: o.Instansi.ID, UnitKerjaID: u.ID, Kode: kode + "-" + tag, Nama: nama,
			Jenis: jenis, KelasJabatan: kelas, Kebutuhan: kebutuhan, Version: 1}
		if atasan != nil {
			j.AtasanJabatanID = atasan.ID
		}
		s.exec(ctx, `INSERT INTO jabatan (id, instansi_id, unit_kerja_id, kode, nama, jenis, kelas_jabatan, atasan_jabatan_id, kebutuhan, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
			j.ID, j.InstansiID, j.UnitKerjaID, j.Kode, j.Nama, string(j.Jenis), j.KelasJabatan, nullable(j.AtasanJabatanID), j.Kebutuhan, 1, fixtureTime, fixtureTime)
		return j
	}
	o.JKadis = jab(o.OPD1, nil, "J-KADIS", "Kepala Dinas A", domain.JabatanJPTPratama, 14, 1)
	o.JKabid = jab(o.Sub1, &o.JKadis, "J-KABID", "Kepala Bidang A1", domain.JabatanAdministrator, 11, 1)
	o.JStaf = jab(o.Sub1, &o.JKabid, "J-STAF", "Pengelola Data", domain.JabatanPelaksana, 6, 3)
	o.JKadis2 = jab(o.OPD2, nil, "J-KADIS2", "Kepala Dinas B", domain.JabatanJPTPratama, 14, 1)
	o.JStaf2 = jab(o.OPD2, &o.JKadis2, "J-STAF2", "Pengadministrasi Umum", domain.JabatanPelaksana, 5, 2)
	peg := func(i int, nama string, j domain.Jabatan, u domain.UnitKerja, gol string) domain.Pegawai {
		nip := nips[n][i]
		info, err := domain.ParseNIP(nip, domain.JenisPNS)
		if err != nil {
			s.T.Fatalf("fixture nip %s: %v", nip, err)
		}
		jk := "P"
		if info.Male {
			jk = "L"
		}
		p := domain.Pegawai{ID: id(), InstansiID: o.Instansi.ID, NIP: nip, Nama: nama + " " + tag, JenisASN: domain.JenisPNS,
			JenisKelamin: jk, TanggalLahir: info.BirthDate, TMT: time.Date(info.TMTYear, time.Month(info.TMTMonth), 1, 0, 0, 0, 0, time.UTC), Version: 1}
		s.exec(ctx, `INSERT INTO pegawai (id, instansi_id, nip, nama, jenis_asn, jenis_kelamin, tanggal_lahir, tmt, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
			p.ID, p.InstansiID, p.NIP, p.Nama, "PNS", jk, p.TanggalLahir.Format(time.DateOnly), p.TMT.Format(time.DateOnly), 1, fixtureTime, fixtureTime)
		s.exec(ctx, `INSERT INTO riwayat_pegawai (id, instansi_id, pegawai_id, jenis, berlaku_mulai, jabatan_id, unit_kerja_id, golongan, status, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)`,
			id(), p.InstansiID, p.ID, "PENGANGKATAN", p.TMT.Format(time.DateOnly), j.ID, u.ID, gol, "AKTIF", fixtureTime)
		return p
	}
	o.Kadis = peg(0, "Kadis", o.JKadis, o.OPD1, "IV/c")
	o.Kabid = peg(1, "Kabid", o.JKabid, o.Sub1, "IV/a")
	o.Staf = peg(2, "Staf", o.JStaf, o.Sub1, "III/a")
	o.Rekan = peg(3, "Rekan", o.JStaf, o.Sub1, "III/b")
	o.Kadis2 = peg(4, "Kadis2", o.JKadis2, o.OPD2, "IV/c")
	o.Staf2 = peg(5, "Staf2", o.JStaf2, o.OPD2, "II/c")
	lower := map[string]string{"A": "a", "B": "b"}[tag]
	o.Admin, o.AdminUnit, o.Keuangan, o.Audit = "admin."+lower, "adminunit."+lower, "keuangan."+lower, "auditor."+lower
	s.user(ctx, o.Admin, o.Instansi.ID, "", "", domain.RoleAdminInstansi)
	s.user(ctx, o.AdminUnit, o.Instansi.ID, "", o.OPD1.ID, domain.RoleAdminUnit)
	s.user(ctx, o.Keuangan, o.Instansi.ID, "", "", domain.RoleKeuangan)
	s.user(ctx, o.Audit, o.Instansi.ID, "", "", domain.RoleAuditor)
	for _, p := range []domain.Pegawai{o.Kadis, o.Kabid, o.Staf, o.Rekan, o.Kadis2, o.Staf2} {
		s.user(ctx, p.NIP, o.Instansi.ID, p.ID, "", domain.RolePegawai)
	}
	return o
}

func (s *Server) user(ctx context.Context, username, instansiID, pegawaiID, unitID string, roles ...domain.Role) {
	s.T.Helper()
	hash, err := service.HashPassword(Password, CheapArgon2)
	if err != nil {
		s.T.Fatal(err)
	}
	rs := ""
	for i, r := range roles {
		if i > 0 {
			rs += ","
		}
		rs += string(r)
	}
	s.exec(ctx, `INSERT INTO pengguna (id, instansi_id, username, pegawai_id, password_hash, roles, unit_kerja_id, nonaktif, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		id(), nullable(instansiID), username, nullable(pegawaiID), hash, rs, nullable(unitID), false, 1, fixtureTime, fixtureTime)
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
