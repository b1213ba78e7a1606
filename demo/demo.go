// Package demo builds a believable, fully deterministic demo pemda (Pemerintah Kota
// Denpasar): organisation chart, positions, about two hundred civil servants with
// effective-dated history, and login accounts. It is used to seed a new database so
// that newcomers can try the API. The package is pure: it reads no clock, no files
// and no environment; only the ids come from the caller.
package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// Password is the password of every demo account.
const Password = "kinerja-demo-2026" //nolint:gosec // G101: the published password of the demo accounts, not a secret

// Dataset is a complete demo pemda.
type Dataset struct {
	Instansi domain.Instansi
	// Units lists parents before children. Path is "/" + ancestor ids + "/" + own id
	// + "/" (e.g. "/a/b/"); Level is 0 for an OPD.
	Units []domain.UnitKerja
	// Jabatan lists superiors before subordinates: AtasanJabatanID refers to an
	// earlier element, or is "" for the Sekda.
	Jabatan []domain.Jabatan
	Pegawai []domain.Pegawai
	// Riwayat holds at least one row per pegawai (PENGANGKATAN at TMT), sometimes
	// followed by a MUTASI, PROMOSI, KENAIKAN_PANGKAT or PERUBAHAN_STATUS; rows of
	// one pegawai are in date order.
	Riwayat []domain.Riwayat
	Users   []User
}

// User is a demo login account; every one has Password.
type User struct {
	Username   string
	Roles      []domain.Role
	PegawaiNIP string // "" for accounts not linked to an employee
	UnitKode   string // for ADMIN_UNIT: the kode of the unit it administers
}

// Riwayat kinds used by the demo.
const (
	riwayatPengangkatan    = "PENGANGKATAN"
	riwayatMutasi          = "MUTASI"
	riwayatPromosi         = "PROMOSI"
	riwayatKenaikanPangkat = "KENAIKAN_PANGKAT"
	riwayatPerubahanStatus = "PERUBAHAN_STATUS"
)

// The demo's reference year: ages and years of service are counted against it.
const refYear = 2026

// Fixed facts the tests and the documentation rely on.
const (
	instansiKode = "KOTA-DENPASAR"
	sekdaNama    = "Sekretaris Daerah"
	// vacantKey is the one structural position deliberately left without a holder
	// (its pelaksana are rated by the Kepala Bidang above it).
	vacantKey = "DISHUB-ANGK-ORANG|Kepala Seksi Angkutan Orang"
	// underfilledKey is a pelaksana post with fewer holders than its kebutuhan.
	underfilledKey = "DKP-KEB-ANGKUT|Petugas Kebersihan"
	emailDomain    = "denpasarkota.go.id"
)

// Build returns the demo dataset. newID supplies every id (the caller passes
// UUIDv7); everything else is the same on every call.
func Build(newID func() string) Dataset {
	b := &builder{
		r:      rand.New(rand.NewPCG(2026, 11)), //nolint:gosec // G404: a fixed seed makes the demo reproducible; nothing secret is drawn
		newID:  newID,
		unitIx: map[string]int{},
		jabIx:  map[string]int{},
		names:  map[string]bool{},
		emails: map[string]bool{},
		nips:   map[string]bool{},
		rek:    map[string]bool{},
		seqSK:  map[string]int{},
		exM:    slices.Clone(exampleM),
		exF:    slices.Clone(exampleF),
	}
	b.ds.Instansi = domain.Instansi{
		ID:        newID(),
		Nama:      "Pemerintah Kota Denpasar",
		Kode:      instansiKode,
		Jenis:     "KOTA",
		ZonaWaktu: "Asia/Makassar",
		Aktif:     true,
		Version:   1,
	}
	for _, u := range orgTree() {
		b.addUnit(u, -1)
	}
	for j := range b.ds.Jabatan {
		s := b.specs[j]
		for range s.pns {
			b.hire(j, domain.JenisPNS)
		}
		for range s.cpns {
			b.hire(j, domain.JenisCPNS)
		}
		for range s.pppk {
			b.hire(j, domain.JenisPPPK)
		}
	}
	for _, c := range changes() {
		b.apply(c)
	}
	for _, p := range b.people {
		b.ds.Pegawai = append(b.ds.Pegawai, p.Pegawai)
	}
	for _, p := range b.people {
		b.history(p)
	}
	b.users()
	return b.ds
}

// ---------------------------------------------------------------------------
// Organisation specification

// pos specifies a position and how many people of each kind hold it.
type pos struct {
	nama    string
	jenis   domain.JenisJabatan
	jenjang domain.Jenjang
	kelas   int
	keb     int
	pns     int
	cpns    int
	pppk    int
	prof    string // key into profiles: titles and gender mix of the holders
	// atasan names the superior: "@KODE" is the head of unit KODE, "KODE|Nama" a
	// position. Empty: a head reports to the head of the parent unit, staff to the
	// head of their own unit.
	atasan string
}

// to sets the superior explicitly.
func (p pos) to(atasan string) pos { p.atasan = atasan; return p }

// unit specifies a unit kerja with its head, its staff and its sub-units.
type unit struct {
	kode, nama, jenis string
	head              pos
	staff             []pos
	sub               []unit
}

func jpt(nama string, kelas int, prof string) pos {
	return pos{nama: nama, jenis: domain.JabatanJPTPratama, kelas: kelas, keb: 1, pns: 1, prof: prof}
}

func administrator(nama string, kelas int, prof string) pos {
	return pos{nama: nama, jenis: domain.JabatanAdministrator, kelas: kelas, keb: 1, pns: 1, prof: prof}
}

func pengawas(nama string, kelas int, prof string) pos {
	return pos{nama: nama, jenis: domain.JabatanPengawas, kelas: kelas, keb: 1, pns: 1, prof: prof}
}

// vacant leaves a structural position without holder.
func vacant(p pos) pos { p.pns = 0; return p }

func pelaksana(nama string, kelas, keb, pns, cpns, pppk int, prof string) pos {
	return pos{nama: nama, jenis: domain.JabatanPelaksana, kelas: kelas, keb: keb,
		pns: pns, cpns: cpns, pppk: pppk, prof: prof}
}

// kelasFungsional is the demo Perwali's class table for functional positions.
var kelasFungsional = map[domain.Jenjang]int{
	domain.JenjangAhliPertama: 8,
	domain.JenjangAhliMuda:    9,
	domain.JenjangAhliMadya:   11,
	domain.JenjangTerampil:    6,
	domain.JenjangMahir:       7,
	domain.JenjangPenyelia:    8,
}

func fungsional(nama string, jenjang domain.Jenjang, keb, pns, cpns, pppk int, prof string) pos {
	return pos{nama: nama, jenis: domain.JabatanFungsional, jenjang: jenjang, kelas: kelasFungsional[jenjang],
		keb: keb, pns: pns, cpns: cpns, pppk: pppk, prof: prof}
}

const (
	ap    = domain.JenjangAhliPertama
	am    = domain.JenjangAhliMuda
	madya = domain.JenjangAhliMadya
	trp   = domain.JenjangTerampil
	mhr   = domain.JenjangMahir
)

// orgTree is the demo Perwali on organisation and the formasi (kebutuhan) per post.
func orgTree() []unit {
	return []unit{
		{
			kode: "SETDA", nama: "Sekretariat Daerah", jenis: "SEKRETARIAT",
			head: jpt(sekdaNama, 15, "pimpinan"),
			staff: []pos{
				jpt("Asisten Pemerintahan dan Kesejahteraan Rakyat", 13, "pimpinan"),
				jpt("Asisten Administrasi Umum", 13, "pimpinan"),
				pelaksana("Pengadministrasi Perkantoran", 5, 2, 2, 0, 0, "adm"),
			},
			sub: []unit{
				{
					kode: "SETDA-PEM", nama: "Bagian Tata Pemerintahan", jenis: "BAGIAN",
					head: administrator("Kepala Bagian Tata Pemerintahan", 11, "pimpinan").
						to("SETDA|Asisten Pemerintahan dan Kesejahteraan Rakyat"),
					staff: []pos{
						fungsional("Analis Kebijakan Ahli Muda", am, 3, 2, 0, 0, "umum"),
						pelaksana("Pengelola Data", 7, 3, 2, 0, 0, "it"),
					},
				},
				{
					kode: "SETDA-ORG", nama: "Bagian Organisasi", jenis: "BAGIAN",
					head: administrator("Kepala Bagian Organisasi", 11, "pimpinan").
						to("SETDA|Asisten Administrasi Umum"),
					staff: []pos{
						fungsional("Analis SDM Aparatur Ahli Muda", am, 3, 2, 0, 0, "umum"),
						fungsional("Analis Kebijakan Ahli Pertama", ap, 2, 1, 1, 0, "umum"),
						fungsional("Pranata Komputer Ahli Pertama", ap, 2, 1, 1, 0, "it"),
						pelaksana("Pengadministrasi Perkantoran", 5, 2, 1, 0, 0, "adm"),
					},
				},
				{
					kode: "SETDA-KEU", nama: "Bagian Keuangan", jenis: "BAGIAN",
					head: administrator("Kepala Bagian Keuangan", 11, "keu").
						to("SETDA|Asisten Administrasi Umum"),
					staff: []pos{
						fungsional("Analis Keuangan Pusat dan Daerah Ahli Muda", am, 2, 1, 0, 0, "keu"),
						pelaksana("Pengelola Keuangan", 7, 5, 4, 0, 0, "keu"),
						pelaksana("Bendahara", 7, 1, 1, 0, 0, "keu"),
					},
				},
			},
		},
		{
			kode: "DISDIK", nama: "Dinas Pendidikan", jenis: "DINAS",
			head: jpt("Kepala Dinas Pendidikan", 14, "pend").to("@SETDA"),
			sub: []unit{
				{
					kode: "DISDIK-SEK", nama: "Sekretariat Dinas Pendidikan", jenis: "SEKRETARIAT",
					head: administrator("Sekretaris Dinas Pendidikan", 12, "pimpinan"),
					staff: []pos{
						fungsional("Perencana Ahli Pertama", ap, 2, 1, 0, 0, "umum"),
						pelaksana("Pengelola Keuangan", 7, 2, 2, 0, 0, "keu"),
					},
					sub: []unit{{
						kode: "DISDIK-SEK-UMPEG", nama: "Subbagian Umum dan Kepegawaian", jenis: "SUBBAGIAN",
						head: pengawas("Kepala Subbagian Umum dan Kepegawaian", 9, "umum"),
						staff: []pos{
							pelaksana("Pengadministrasi Perkantoran", 5, 3, 2, 0, 1, "adm"),
							pelaksana("Pengelola Data", 7, 2, 1, 1, 0, "it"),
						},
					}},
				},
				{
					kode: "DISDIK-PAUD", nama: "Bidang Pembinaan PAUD dan Pendidikan Nonformal", jenis: "BIDANG",
					head: administrator("Kepala Bidang Pembinaan PAUD dan Pendidikan Nonformal", 11, "pend"),
					sub: []unit{{
						kode: "DISDIK-PAUD-KUR", nama: "Seksi Kurikulum dan Penilaian PAUD", jenis: "SEKSI",
						head:  pengawas("Kepala Seksi Kurikulum dan Penilaian PAUD", 9, "pend"),
						staff: []pos{pelaksana("Pengelola Data", 7, 2, 1, 0, 0, "adm")},
					}},
				},
				{
					kode: "DISDIK-SD", nama: "Bidang Pembinaan Sekolah Dasar", jenis: "BIDANG",
					head: administrator("Kepala Bidang Pembinaan Sekolah Dasar", 11, "pend"),
					sub: []unit{{
						kode: "DISDIK-SD-KUR", nama: "Seksi Kurikulum dan Penilaian SD", jenis: "SEKSI",
						head:  pengawas("Kepala Seksi Kurikulum dan Penilaian SD", 9, "pend"),
						staff: []pos{fungsional("Pengembang Teknologi Pembelajaran Ahli Pertama", ap, 2, 1, 0, 0, "pend")},
					}},
				},
				{
					kode: "DISDIK-SMP", nama: "Bidang Pembinaan Sekolah Menengah Pertama", jenis: "BIDANG",
					head: administrator("Kepala Bidang Pembinaan Sekolah Menengah Pertama", 11, "pend"),
					sub: []unit{{
						kode: "DISDIK-SMP-PD", nama: "Seksi Peserta Didik dan Pembangunan Karakter", jenis: "SEKSI",
						head:  pengawas("Kepala Seksi Peserta Didik dan Pembangunan Karakter", 9, "pend"),
						staff: []pos{pelaksana("Pengadministrasi Perkantoran", 5, 2, 1, 0, 0, "adm")},
					}},
				},
				{
					kode: "DISDIK-SDN1", nama: "SD Negeri 1 Denpasar", jenis: "SEKOLAH",
					head: pengawas("Kepala Sekolah", 9, "guru").to("@DISDIK-SD"),
					staff: []pos{
						fungsional("Guru Ahli Pertama", ap, 8, 2, 1, 3, "guru"),
						fungsional("Guru Ahli Muda", am, 4, 3, 0, 0, "guru"),
						pelaksana("Pengadministrasi Perkantoran", 5, 1, 0, 0, 1, "adm"),
					},
				},
				{
					kode: "DISDIK-SDN5SNR", nama: "SD Negeri 5 Sanur", jenis: "SEKOLAH",
					head: pengawas("Kepala Sekolah", 9, "guru").to("@DISDIK-SD"),
					staff: []pos{
						fungsional("Guru Ahli Pertama", ap, 8, 2, 0, 3, "guru"),
						fungsional("Guru Ahli Muda", am, 4, 2, 0, 0, "guru"),
						pelaksana("Pengadministrasi Perkantoran", 5, 1, 1, 0, 0, "adm"),
					},
				},
				{
					kode: "DISDIK-SMPN1", nama: "SMP Negeri 1 Denpasar", jenis: "SEKOLAH",
					head: pengawas("Kepala Sekolah", 9, "guru").to("@DISDIK-SMP"),
					staff: []pos{
						fungsional("Guru Ahli Pertama", ap, 10, 4, 1, 3, "guru"),
						fungsional("Guru Ahli Muda", am, 6, 4, 0, 0, "guru"),
						fungsional("Guru Ahli Madya", madya, 2, 1, 0, 0, "guru"),
						pelaksana("Pengadministrasi Perkantoran", 5, 2, 1, 0, 1, "adm"),
					},
				},
				{
					kode: "DISDIK-SMPN3", nama: "SMP Negeri 3 Denpasar", jenis: "SEKOLAH",
					head: pengawas("Kepala Sekolah", 9, "guru").to("@DISDIK-SMP"),
					staff: []pos{
						fungsional("Guru Ahli Pertama", ap, 10, 4, 0, 3, "guru"),
						fungsional("Guru Ahli Muda", am, 6, 3, 0, 0, "guru"),
						fungsional("Guru Ahli Madya", madya, 2, 1, 0, 0, "guru"),
						pelaksana("Pengadministrasi Perkantoran", 5, 2, 0, 0, 1, "adm"),
					},
				},
			},
		},
		{
			kode: "DINKES", nama: "Dinas Kesehatan", jenis: "DINAS",
			head: jpt("Kepala Dinas Kesehatan", 14, "dokter").to("@SETDA"),
			sub: []unit{
				{
					kode: "DINKES-SEK", nama: "Sekretariat Dinas Kesehatan", jenis: "SEKRETARIAT",
					head: administrator("Sekretaris Dinas Kesehatan", 12, "kesmas"),
					staff: []pos{
						fungsional("Perencana Ahli Muda", am, 1, 1, 0, 0, "kesmas"),
						pelaksana("Pengelola Keuangan", 7, 2, 2, 0, 0, "keu"),
					},
					sub: []unit{{
						kode: "DINKES-SEK-UMPEG", nama: "Subbagian Umum dan Kepegawaian", jenis: "SUBBAGIAN",
						head:  pengawas("Kepala Subbagian Umum dan Kepegawaian", 9, "umum"),
						staff: []pos{pelaksana("Pengadministrasi Perkantoran", 5, 3, 1, 0, 1, "adm")},
					}},
				},
				{
					kode: "DINKES-YANKES", nama: "Bidang Pelayanan Kesehatan", jenis: "BIDANG",
					head: administrator("Kepala Bidang Pelayanan Kesehatan", 11, "dokter"),
					sub: []unit{{
						kode: "DINKES-YANKES-PRIMER", nama: "Seksi Pelayanan Kesehatan Primer", jenis: "SEKSI",
						head:  pengawas("Kepala Seksi Pelayanan Kesehatan Primer", 9, "kesmas"),
						staff: []pos{fungsional("Administrator Kesehatan Ahli Pertama", ap, 3, 1, 1, 0, "kesmas")},
					}},
				},
				{
					kode: "DINKES-P2P", nama: "Bidang Pencegahan dan Pengendalian Penyakit", jenis: "BIDANG",
					head: administrator("Kepala Bidang Pencegahan dan Pengendalian Penyakit", 11, "kesmas"),
					sub: []unit{{
						kode: "DINKES-P2P-SURV", nama: "Seksi Surveilans dan Imunisasi", jenis: "SEKSI",
						head:  pengawas("Kepala Seksi Surveilans dan Imunisasi", 9, "kesmas"),
						staff: []pos{fungsional("Epidemiolog Kesehatan Ahli Pertama", ap, 3, 1, 1, 0, "kesmas")},
					}},
				},
				{
					kode: "DINKES-KESMAS", nama: "Bidang Kesehatan Masyarakat", jenis: "BIDANG",
					head: administrator("Kepala Bidang Kesehatan Masyarakat", 11, "kesmas"),
					sub: []unit{{
						kode: "DINKES-KESMAS-PROMKES", nama: "Seksi Promosi dan Pemberdayaan Masyarakat", jenis: "SEKSI",
						head: pengawas("Kepala Seksi Promosi dan Pemberdayaan Masyarakat", 9, "kesmas"),
						staff: []pos{
							fungsional("Penyuluh Kesehatan Masyarakat Ahli Pertama", ap, 2, 1, 0, 0, "kesmas"),
							fungsional("Nutrisionis Terampil", trp, 2, 1, 0, 1, "gizi"),
						},
					}},
				},
				{
					kode: "DINKES-PKM-DS1", nama: "Puskesmas I Denpasar Selatan", jenis: "PUSKESMAS",
					head: pengawas("Kepala Puskesmas", 9, "dokter").to("@DINKES-YANKES"),
					staff: []pos{
						fungsional("Dokter Ahli Pertama", ap, 3, 1, 1, 0, "dokter"),
						fungsional("Dokter Gigi Ahli Pertama", ap, 1, 1, 0, 0, "drg"),
						fungsional("Perawat Ahli Pertama", ap, 3, 2, 0, 0, "perawat_ahli"),
						fungsional("Perawat Terampil", trp, 5, 2, 0, 2, "perawat"),
						fungsional("Bidan Mahir", mhr, 4, 2, 0, 1, "bidan"),
						fungsional("Apoteker Ahli Pertama", ap, 1, 1, 0, 0, "apoteker"),
						pelaksana("Pengadministrasi Perkantoran", 5, 2, 0, 0, 1, "adm"),
					},
				},
				{
					kode: "DINKES-PKM-DB2", nama: "Puskesmas II Denpasar Barat", jenis: "PUSKESMAS",
					head: pengawas("Kepala Puskesmas", 9, "dokter").to("@DINKES-YANKES"),
					staff: []pos{
						fungsional("Dokter Ahli Pertama", ap, 3, 2, 0, 0, "dokter"),
						fungsional("Perawat Ahli Pertama", ap, 2, 1, 0, 0, "perawat_ahli"),
						fungsional("Perawat Terampil", trp, 5, 2, 0, 2, "perawat"),
						fungsional("Bidan Mahir", mhr, 4, 2, 0, 1, "bidan"),
						fungsional("Pranata Laboratorium Kesehatan Terampil", trp, 1, 1, 0, 0, "lab"),
						pelaksana("Pengadministrasi Perkantoran", 5, 2, 1, 0, 0, "adm"),
					},
				},
				{
					kode: "DINKES-PKM-DU3", nama: "Puskesmas III Denpasar Utara", jenis: "PUSKESMAS",
					head: pengawas("Kepala Puskesmas", 9, "dokter").to("@DINKES-YANKES"),
					staff: []pos{
						fungsional("Dokter Ahli Pertama", ap, 2, 1, 0, 1, "dokter"),
						fungsional("Perawat Ahli Pertama", ap, 2, 1, 1, 0, "perawat_ahli"),
						fungsional("Perawat Terampil", trp, 5, 2, 0, 2, "perawat"),
						fungsional("Bidan Mahir", mhr, 4, 1, 0, 2, "bidan"),
						pelaksana("Pengadministrasi Perkantoran", 5, 2, 1, 0, 0, "adm"),
					},
				},
			},
		},
		{
			kode: "DKP", nama: "Dinas Kebersihan dan Pertamanan", jenis: "DINAS",
			head: jpt("Kepala Dinas Kebersihan dan Pertamanan", 13, "teknik").to("@SETDA"),
			sub: []unit{
				{
					kode: "DKP-SEK", nama: "Sekretariat Dinas Kebersihan dan Pertamanan", jenis: "SEKRETARIAT",
					head:  administrator("Sekretaris Dinas Kebersihan dan Pertamanan", 12, "pimpinan"),
					staff: []pos{pelaksana("Pengelola Keuangan", 7, 2, 1, 0, 0, "keu")},
					sub: []unit{{
						kode: "DKP-SEK-UMPEG", nama: "Subbagian Umum dan Kepegawaian", jenis: "SUBBAGIAN",
						head:  pengawas("Kepala Subbagian Umum dan Kepegawaian", 9, "umum"),
						staff: []pos{pelaksana("Pengadministrasi Perkantoran", 5, 3, 1, 0, 1, "adm")},
					}},
				},
				{
					kode: "DKP-KEB", nama: "Bidang Kebersihan", jenis: "BIDANG",
					head: administrator("Kepala Bidang Kebersihan", 11, "teknik"),
					sub: []unit{{
						kode: "DKP-KEB-ANGKUT", nama: "Seksi Pengangkutan Sampah", jenis: "SEKSI",
						head: pengawas("Kepala Seksi Pengangkutan Sampah", 9, "teknik"),
						staff: []pos{
							pelaksana("Petugas Kebersihan", 5, 10, 4, 0, 3, "lapangan"),
							pelaksana("Pengemudi", 5, 4, 2, 0, 1, "lapangan"),
						},
					}},
				},
				{
					kode: "DKP-TAMAN", nama: "Bidang Pertamanan", jenis: "BIDANG",
					head: administrator("Kepala Bidang Pertamanan", 11, "teknik"),
					sub: []unit{{
						kode: "DKP-TAMAN-PELIHARA", nama: "Seksi Pemeliharaan Taman Kota", jenis: "SEKSI",
						head:  pengawas("Kepala Seksi Pemeliharaan Taman Kota", 9, "teknik"),
						staff: []pos{pelaksana("Petugas Pertamanan", 5, 6, 2, 0, 2, "lapangan")},
					}},
				},
				{
					kode: "DKP-UPT-TPST", nama: "UPT Pengelolaan Sampah Terpadu", jenis: "UPT",
					head: pengawas("Kepala UPT Pengelolaan Sampah Terpadu", 8, "teknik").to("@DKP-KEB"),
					staff: []pos{
						pelaksana("Petugas Kebersihan", 5, 8, 3, 0, 2, "lapangan"),
						pelaksana("Operator Alat Berat", 6, 3, 2, 0, 0, "lapangan"),
					},
				},
			},
		},
		{
			kode: "DISHUB", nama: "Dinas Perhubungan", jenis: "DINAS",
			head: jpt("Kepala Dinas Perhubungan", 13, "hub_pimpinan").to("@SETDA"),
			sub: []unit{
				{
					kode: "DISHUB-SEK", nama: "Sekretariat Dinas Perhubungan", jenis: "SEKRETARIAT",
					head:  administrator("Sekretaris Dinas Perhubungan", 12, "pimpinan"),
					staff: []pos{pelaksana("Pengelola Keuangan", 7, 2, 1, 0, 0, "keu")},
					sub: []unit{{
						kode: "DISHUB-SEK-UMPEG", nama: "Subbagian Umum dan Kepegawaian", jenis: "SUBBAGIAN",
						head:  pengawas("Kepala Subbagian Umum dan Kepegawaian", 9, "umum"),
						staff: []pos{pelaksana("Pengadministrasi Perkantoran", 5, 2, 1, 0, 1, "adm")},
					}},
				},
				{
					kode: "DISHUB-LALIN", nama: "Bidang Lalu Lintas", jenis: "BIDANG",
					head: administrator("Kepala Bidang Lalu Lintas", 11, "hub_pimpinan"),
					sub: []unit{{
						kode: "DISHUB-LALIN-MRL", nama: "Seksi Manajemen dan Rekayasa Lalu Lintas", jenis: "SEKSI",
						head:  pengawas("Kepala Seksi Manajemen dan Rekayasa Lalu Lintas", 9, "hub"),
						staff: []pos{pelaksana("Petugas Perhubungan Darat", 6, 10, 4, 1, 2, "hub")},
					}},
				},
				{
					kode: "DISHUB-ANGK", nama: "Bidang Angkutan", jenis: "BIDANG",
					head: administrator("Kepala Bidang Angkutan", 11, "hub_pimpinan"),
					sub: []unit{{
						kode: "DISHUB-ANGK-ORANG", nama: "Seksi Angkutan Orang", jenis: "SEKSI",
						head:  vacant(pengawas("Kepala Seksi Angkutan Orang", 9, "hub")),
						staff: []pos{pelaksana("Pengelola Angkutan", 7, 2, 1, 0, 0, "hub")},
					}},
				},
				{
					kode: "DISHUB-UPT-PKB", nama: "UPT Pengujian Kendaraan Bermotor", jenis: "UPT",
					head: pengawas("Kepala UPT Pengujian Kendaraan Bermotor", 8, "hub").to("@DISHUB-ANGK"),
					staff: []pos{
						fungsional("Penguji Kendaraan Bermotor Terampil", trp, 4, 2, 0, 1, "hub"),
						fungsional("Penguji Kendaraan Bermotor Mahir", mhr, 2, 1, 0, 0, "hub"),
						pelaksana("Pengadministrasi Perkantoran", 5, 1, 0, 0, 1, "adm"),
					},
				},
			},
		},
	}
}

// ---------------------------------------------------------------------------
// History: the changes that give the effective-dated records something to show.

// change moves one holder (idx-th, in hiring order: PNS first) of the position
// target. The holder's first riwayat is at from (if set) with golongan initGol
// (if set); on date the riwayat of kind jenis puts them into target with gol.
type change struct {
	target  string
	idx     int
	jenis   string
	date    time.Time
	from    string
	initGol string
	gol     string
	status  domain.StatusKepegawaian
	ket     string
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func changes() []change {
	return []change{
		// Promotion chain in Dinas Kesehatan: the Kasi became Kabid, an epidemiologist the Kasi.
		{target: "@DINKES-P2P", jenis: riwayatPromosi, date: day(2025, 3, 3), from: "@DINKES-P2P-SURV",
			ket: "Pengangkatan dalam jabatan administrator melalui uji kompetensi"},
		{target: "@DINKES-P2P-SURV", jenis: riwayatPromosi, date: day(2025, 3, 3),
			from: "DINKES-P2P-SURV|Epidemiolog Kesehatan Ahli Pertama",
			ket:  "Pengangkatan dalam jabatan pengawas"},
		// Kenaikan jenjang of a teacher, with the matching pangkat.
		{target: "DISDIK-SDN1|Guru Ahli Muda", jenis: riwayatPromosi, date: day(2025, 10, 1),
			from: "DISDIK-SDN1|Guru Ahli Pertama", initGol: "III/b", gol: "III/c",
			ket: "Kenaikan jenjang jabatan fungsional guru"},
		// Mutations.
		{target: "DISDIK-SMPN3|Guru Ahli Pertama", jenis: riwayatMutasi, date: day(2025, 7, 14),
			from: "DISDIK-SMPN1|Guru Ahli Pertama", ket: "Pemerataan guru awal tahun ajaran 2025/2026"},
		{target: "DINKES-PKM-DB2|Perawat Terampil", jenis: riwayatMutasi, date: day(2025, 10, 1),
			from: "DINKES-PKM-DS1|Perawat Terampil", ket: "Mutasi antar puskesmas"},
		{target: "SETDA-PEM|Pengelola Data", jenis: riwayatMutasi, date: day(2026, 1, 2),
			from: "DISDIK-PAUD-KUR|Pengelola Data", ket: "Mutasi antar perangkat daerah"},
		// Rotation of two Kepala Bidang between Dinas Perhubungan and DKP.
		{target: "@DISHUB-LALIN", jenis: riwayatMutasi, date: day(2026, 1, 5), from: "@DKP-TAMAN",
			ket: "Rotasi pejabat administrator"},
		{target: "@DKP-TAMAN", jenis: riwayatMutasi, date: day(2026, 1, 5), from: "@DISHUB-LALIN",
			ket: "Rotasi pejabat administrator"},
		// Regular rank promotions (periode April and Oktober).
		{target: "@DISDIK-SEK-UMPEG", jenis: riwayatKenaikanPangkat, date: day(2025, 4, 1),
			initGol: "III/c", gol: "III/d", ket: "Kenaikan pangkat reguler periode April 2025"},
		{target: underfilledKey, jenis: riwayatKenaikanPangkat, date: day(2025, 10, 1),
			initGol: "II/b", gol: "II/c", ket: "Kenaikan pangkat reguler periode Oktober 2025"},
		{target: "@DISHUB", jenis: riwayatKenaikanPangkat, date: day(2026, 4, 1),
			initGol: "IV/c", gol: "IV/d", ket: "Kenaikan pangkat pilihan periode April 2026"},
		{target: "SETDA-KEU|Pengelola Keuangan", idx: 1, jenis: riwayatKenaikanPangkat, date: day(2026, 10, 1),
			initGol: "III/a", gol: "III/b", ket: "Kenaikan pangkat reguler periode Oktober 2026"},
		// Status changes.
		{target: "DISDIK-SMPN1|Guru Ahli Pertama", idx: 1, jenis: riwayatPerubahanStatus, date: day(2025, 8, 1),
			status: domain.StatusTugasBelajar, ket: "Tugas belajar S2 Pendidikan Matematika, Universitas Pendidikan Ganesha"},
		{target: "DINKES-PKM-DU3|Perawat Terampil", jenis: riwayatPerubahanStatus, date: day(2026, 2, 1),
			status: domain.StatusCLTN, ket: "Cuti di luar tanggungan negara karena mendampingi suami tugas ke luar negeri"},
	}
}

// ---------------------------------------------------------------------------
// Builder

type person struct {
	domain.Pegawai
	jab     int // position held today
	gol     string
	initJab int // position at TMT
	initGol string
	ch      *change
}

type builder struct {
	r       *rand.Rand
	newID   func() string
	ds      Dataset
	unitIx  map[string]int // kode → index in ds.Units
	jabIx   map[string]int // "@KODE" or "KODE|Nama" → index in ds.Jabatan
	specs   []pos          // parallel to ds.Jabatan
	holders [][]*person    // parallel to ds.Jabatan, in hiring order
	people  []*person
	names   map[string]bool
	emails  map[string]bool
	nips    map[string]bool
	rek     map[string]bool
	seqSK   map[string]int
	exM     []string // example names still to hand out
	exF     []string
}

func (b *builder) addUnit(u unit, parent int) {
	uk := domain.UnitKerja{
		ID:         b.newID(),
		InstansiID: b.ds.Instansi.ID,
		Kode:       u.kode,
		Nama:       u.nama,
		Jenis:      u.jenis,
		Version:    1,
	}
	parentHead := ""
	if parent >= 0 {
		p := b.ds.Units[parent]
		uk.ParentID, uk.Path, uk.Level = p.ID, p.Path+uk.ID+"/", p.Level+1
		parentHead = "@" + p.Kode
	} else {
		uk.Path = "/" + uk.ID + "/"
	}
	if _, dup := b.unitIx[u.kode]; dup {
		panic("demo: duplicate unit kode " + u.kode)
	}
	ui := len(b.ds.Units)
	b.unitIx[u.kode] = ui
	b.ds.Units = append(b.ds.Units, uk)

	headAtasan := u.head.atasan
	if headAtasan == "" {
		headAtasan = parentHead
	}
	h := b.addJabatan(ui, u.head, headAtasan)
	b.ds.Units[ui].KepalaJabatanID = b.ds.Jabatan[h].ID
	b.jabIx["@"+u.kode] = h
	for _, s := range u.staff {
		at := s.atasan
		if at == "" {
			at = "@" + u.kode
		}
		b.addJabatan(ui, s, at)
	}
	for _, c := range u.sub {
		b.addUnit(c, ui)
	}
}

func (b *builder) addJabatan(ui int, s pos, atasan string) int {
	u := b.ds.Units[ui]
	atasanID := ""
	if atasan != "" {
		a, ok := b.jabIx[atasan]
		if !ok {
			panic("demo: superior " + atasan + " is not defined before " + u.Kode + "|" + s.nama)
		}
		atasanID = b.ds.Jabatan[a].ID
	}
	j := len(b.ds.Jabatan)
	key := u.Kode + "|" + s.nama
	if _, dup := b.jabIx[key]; dup {
		panic("demo: duplicate position " + key)
	}
	b.jabIx[key] = j
	b.ds.Jabatan = append(b.ds.Jabatan, domain.Jabatan{
		ID:              b.newID(),
		InstansiID:      b.ds.Instansi.ID,
		UnitKerjaID:     u.ID,
		Kode:            fmt.Sprintf("J-%04d", j+1),
		Nama:            s.nama,
		Jenis:           s.jenis,
		Jenjang:         s.jenjang,
		KelasJabatan:    s.kelas,
		AtasanJabatanID: atasanID,
		Kebutuhan:       s.keb,
		Version:         1,
	})
	b.specs = append(b.specs, s)
	b.holders = append(b.holders, nil)
	return j
}

func (b *builder) jab(key string) int {
	j, ok := b.jabIx[key]
	if !ok {
		panic("demo: unknown position " + key)
	}
	return j
}

func (b *builder) apply(c change) {
	hs := b.holders[b.jab(c.target)]
	if c.idx >= len(hs) {
		panic(fmt.Sprintf("demo: %s has no holder #%d", c.target, c.idx))
	}
	p := hs[c.idx]
	if p.ch != nil || p.JenisASN != domain.JenisPNS {
		panic(fmt.Sprintf("demo: change of %s #%d needs a PNS without other changes", c.target, c.idx))
	}
	p.ch = &c
	if c.from != "" {
		p.initJab = b.jab(c.from)
	}
	if c.gol != "" {
		p.gol, p.initGol = c.gol, c.initGol
		if p.initGol == "" {
			p.initGol = c.gol
		}
	}
}

// ---------------------------------------------------------------------------
// People

// profile says who typically holds a kind of position.
type profile struct {
	female   int // percent
	depan    []string
	belakang []string
}

var profiles = map[string]profile{
	"pimpinan":     {30, []string{"", "", "", "Dr."}, []string{"S.H., M.H.", "S.E., M.Si.", "S.Sos., M.AP.", "S.IP., M.Si.", "S.STP., M.Si.", "S.H., M.Kn."}},
	"pend":         {40, []string{"", "", "", "Dr."}, []string{"S.Pd., M.Pd.", "S.Pd., M.Si.", "S.Pd., M.Pd."}},
	"dokter":       {55, []string{"dr."}, []string{"", "", "M.Kes.", "M.P.H."}},
	"drg":          {70, []string{"drg."}, []string{""}},
	"kesmas":       {60, nil, []string{"S.K.M.", "S.K.M., M.Kes.", "S.K.M., M.P.H.", "S.K.M."}},
	"teknik":       {20, []string{"", "", "Ir."}, []string{"S.T.", "S.T., M.T.", "S.T., M.Si.", "S.P."}},
	"hub_pimpinan": {15, nil, []string{"S.SiT., M.T.", "S.T., M.T.", "S.SiT., M.M."}},
	"hub":          {15, nil, []string{"", "", "A.Md.LLAJ", "S.SiT.", "S.Tr.Tra."}},
	"umum":         {50, nil, []string{"S.E.", "S.Sos.", "S.H.", "S.AP.", "S.IP.", "S.E., M.Si.", "S.Sos., M.AP.", "S.H., M.H."}},
	"adm":          {55, nil, []string{"", "", "", "A.Md.", "S.E.", "S.Sos.", "S.AP."}},
	"keu":          {60, nil, []string{"S.E.", "S.Ak.", "A.Md.Ak.", "S.E., M.Ak.", "S.E."}},
	"it":           {35, nil, []string{"S.Kom.", "S.T.", "S.Kom.", "A.Md.Kom.", "S.Kom., M.Kom."}},
	"guru":         {65, nil, []string{"S.Pd.", "S.Pd.", "S.Pd.", "S.Pd., M.Pd.", "S.Si., M.Pd."}},
	"perawat_ahli": {70, nil, []string{"S.Kep., Ners"}},
	"perawat":      {75, nil, []string{"A.Md.Kep."}},
	"bidan":        {100, nil, []string{"A.Md.Keb.", "A.Md.Keb.", "S.Tr.Keb."}},
	"apoteker":     {65, nil, []string{"S.Farm., Apt."}},
	"lab":          {60, nil, []string{"A.Md.AK."}},
	"gizi":         {80, nil, []string{"A.Md.Gz."}},
	"lapangan":     {25, nil, []string{""}},
}

func (b *builder) pick(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[b.r.IntN(len(xs))]
}

// ageRange is the age span (in refYear) of a PNS or CPNS holding the position.
func ageRange(s pos, jenis domain.JenisASN) (int, int) {
	if jenis == domain.JenisCPNS {
		return 23, 32
	}
	if jenis == domain.JenisPPPK {
		return 28, 50
	}
	switch s.jenis {
	case domain.JabatanJPTPratama:
		if s.nama == sekdaNama {
			return 54, 57
		}
		return 48, 57
	case domain.JabatanAdministrator:
		return 42, 55
	case domain.JabatanPengawas:
		return 36, 54
	case domain.JabatanFungsional:
		switch s.jenjang {
		case domain.JenjangAhliMadya:
			return 46, 57
		case domain.JenjangAhliMuda:
			return 36, 55
		case domain.JenjangMahir:
			return 30, 52
		case domain.JenjangTerampil:
			return 24, 50
		}
		return 25, 40
	}
	return 24, 57
}

// latestTMT is the latest plausible TMT CPNS year of a PNS in the position.
func latestTMT(s pos) int {
	switch {
	case s.jenis == domain.JabatanJPTPratama:
		return refYear - 20
	case s.jenis == domain.JabatanAdministrator, s.jenjang == domain.JenjangAhliMadya:
		return refYear - 14
	case s.jenis == domain.JabatanPengawas, s.jenjang == domain.JenjangAhliMuda:
		return refYear - 8
	case s.jenjang == domain.JenjangMahir:
		return refYear - 6
	}
	return refYear - 2
}

var golPNS = []string{
	"I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
	"III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
}

// golongan of a holder today, from the position and years of service.
func golongan(s pos, jenis domain.JenisASN, service int, belakang string) string {
	switch jenis {
	case domain.JenisCPNS:
		if s.jenis == domain.JabatanPelaksana {
			return "II/a"
		}
		return "III/a"
	case domain.JenisPPPK:
		switch s.jenjang {
		case domain.JenjangAhliPertama:
			if strings.Contains(belakang, "M.") {
				return "X"
			}
			return "IX"
		case domain.JenjangAhliMuda:
			return "XI"
		case domain.JenjangTerampil:
			return "VII"
		case domain.JenjangMahir:
			return "VIII"
		}
		return "V"
	}
	step := func(lo, hi string, years int) string {
		i, j := slices.Index(golPNS, lo), slices.Index(golPNS, hi)
		return golPNS[min(i+service/years, j)]
	}
	switch s.jenis {
	case domain.JabatanJPTPratama:
		if s.nama == sekdaNama {
			return "IV/d"
		}
		return step("IV/c", "IV/d", 28)
	case domain.JabatanAdministrator:
		return step("IV/a", "IV/b", 22)
	case domain.JabatanPengawas:
		return step("III/c", "III/d", 16)
	case domain.JabatanFungsional:
		switch s.jenjang {
		case domain.JenjangAhliMadya:
			return "IV/a"
		case domain.JenjangAhliMuda:
			return step("III/c", "III/d", 14)
		case domain.JenjangMahir:
			return step("III/a", "III/b", 12)
		case domain.JenjangTerampil:
			return step("II/c", "II/d", 8)
		}
		return step("III/a", "III/b", 4)
	}
	return step("II/a", "III/b", 5)
}

func (b *builder) hire(j int, jenis domain.JenisASN) {
	s := b.specs[j]
	prof, ok := profiles[s.prof]
	if !ok {
		panic("demo: unknown profile " + s.prof)
	}
	female := b.r.IntN(100) < prof.female
	lo, hi := ageRange(s, jenis)
	by := refYear - (lo + b.r.IntN(hi-lo+1))
	bm := time.Month(1 + b.r.IntN(12))
	birth := day(by, bm, 1+b.r.IntN(daysIn(by, bm)))

	var tmt time.Time
	switch jenis {
	case domain.JenisPNS:
		start := 20
		if s.jenis != domain.JabatanPelaksana && s.jenjang != domain.JenjangTerampil {
			start = 23
		}
		y := min(by+start+b.r.IntN(6), latestTMT(s)-b.r.IntN(2))
		y = max(y, by+20)
		tmt = day(y, time.Month(1+b.r.IntN(12)), 1)
	case domain.JenisCPNS:
		tmt = day(2025, []time.Month{time.April, time.June, time.October}[b.r.IntN(3)], 1)
	case domain.JenisPPPK:
		tmt = day(2021+b.r.IntN(4), time.March, 1)
	}

	p := &person{jab: j, initJab: j}
	p.ID = b.newID()
	p.InstansiID = b.ds.Instansi.ID
	p.JenisASN = jenis
	p.Nama = b.name(female)
	p.GelarDepan = b.pick(prof.depan)
	p.GelarBelakang = b.pick(prof.belakang)
	p.JenisKelamin = "L"
	if female {
		p.JenisKelamin = "P"
	}
	p.TanggalLahir = birth
	p.TMT = tmt
	p.NIP = b.nip(birth, tmt, jenis, female)
	p.Email = b.email(p.Nama)
	p.Telepon = fmt.Sprintf("08%s%08d", b.pick([]string{"12", "13", "21", "23", "52", "53", "77", "78", "19", "57"}), b.r.IntN(100000000))
	if b.r.IntN(100) < 93 {
		p.Rekening = &domain.Rekening{NamaBank: "BPD Bali", Nomor: b.rekening(), AtasNama: p.Nama}
	}
	p.Version = 1
	p.gol = golongan(s, jenis, refYear-tmt.Year(), p.GelarBelakang)
	p.initGol = p.gol
	b.people = append(b.people, p)
	b.holders[j] = append(b.holders[j], p)
}

func daysIn(y int, m time.Month) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

func (b *builder) nip(birth, tmt time.Time, jenis domain.JenisASN, female bool) string {
	g := 1
	if female {
		g = 2
	}
	mid := tmt.Format("200601")
	if jenis == domain.JenisPPPK {
		mid = fmt.Sprintf("%04d21", tmt.Year())
	}
	for seq := 1 + b.r.IntN(9); ; seq++ {
		n := fmt.Sprintf("%s%s%d%03d", birth.Format("20060102"), mid, g, seq)
		if !b.nips[n] {
			b.nips[n] = true
			return n
		}
	}
}

func (b *builder) rekening() string {
	for {
		n := fmt.Sprintf("0%02d%010d", 10+b.r.IntN(40), b.r.Int64N(10_000_000_000))
		if !b.rek[n] {
			b.rek[n] = true
			return n
		}
	}
}

// email is first.last of the name without the gender particles I and Ni.
func (b *builder) email(nama string) string {
	var ws []string
	for _, w := range strings.Fields(nama) {
		if w != "I" && w != "Ni" {
			ws = append(ws, strings.ToLower(w))
		}
	}
	local := ws[0]
	if len(ws) > 1 {
		local += "." + ws[len(ws)-1]
	}
	for n := 1; ; n++ {
		e := local
		if n > 1 {
			e = fmt.Sprintf("%s%d", local, n)
		}
		e += "@" + emailDomain
		if !b.emails[e] {
			b.emails[e] = true
			return e
		}
	}
}

// Names. Balinese names carry the gender particle (I, Ni) or a caste title, a
// birth-order name and a personal name; others are common Indonesian names.
var (
	exampleM = []string{"I Made Suarjana", "I Gusti Ngurah Agung", "Ahmad Fauzi", "Yohanes Tanesib"}
	exampleF = []string{"Ni Luh Putu Ariani", "Ni Komang Sri Wahyuni", "Dewi Lestari"}

	orderNames = []string{"Putu", "Wayan", "Gede", "Made", "Kadek", "Nyoman", "Komang", "Ketut"}
	orderF     = []string{"Putu", "Wayan", "Made", "Kadek", "Nyoman", "Komang", "Ketut"}
	baliM      = []string{
		"Suarjana", "Sudarma", "Wirawan", "Artawan", "Suardana", "Arsana", "Budiarta", "Sutama",
		"Widiana", "Mahendra", "Adnyana", "Parwata", "Sukadana", "Sudiarsa", "Yasa", "Suarbawa",
		"Darmawan", "Wijaya", "Eka Putra", "Agus Saputra", "Dwi Antara", "Adi Suputra", "Ari Wibawa",
		"Sastrawan", "Suryawan", "Juliarta", "Mertayasa", "Sugiarta", "Widnyana", "Suteja",
		"Semara Putra", "Jaya Negara", "Kusuma Yasa", "Wiranata", "Astawa", "Dharma Putra",
		"Surya Atmaja", "Pradnyana", "Sanjaya", "Wirata", "Oka Darmawan", "Rai Sudarsana",
		"Bayu Pramana", "Krisna Putra", "Indra Wijaya", "Yoga Pratama", "Suastika", "Purnawan",
	}
	baliF = []string{
		"Ariani", "Sukerti", "Suastini", "Sri Wahyuni", "Widiastuti", "Ayu Lestari", "Eka Pratiwi",
		"Dewi Anggreni", "Kartini", "Mariani", "Yuliantari", "Sudiasih", "Rai Wulandari", "Suwandewi",
		"Sriasih", "Sumertini", "Ratna Dewi", "Purnamasari", "Ari Susanti", "Trisna Dewi",
		"Desi Ariyanti", "Sri Utami", "Candra Dewi", "Ayu Puspitasari", "Indah Permatasari",
		"Diah Saraswati", "Diah Pramesti", "Wulandari", "Sukarmini", "Sri Mahayani", "Yuni Astuti",
		"Novi Antari", "Mas Suryani", "Juli Astiti", "Eka Jayanti", "Rusmiati", "Kusumawati", "Suartini",
	}
	nusaFirstM = []string{"Ahmad", "Budi", "Agus", "Dedi", "Eko", "Hendra", "Rizky", "Yohanes", "Fransiskus",
		"Muhammad", "Andi", "Yosef", "Bambang", "Joko", "Dimas", "Arif", "Rudi", "Stefanus", "Teguh", "Fajar"}
	nusaLastM = []string{"Fauzi", "Santoso", "Kurniawan", "Prasetyo", "Gunawan", "Pratama", "Tanesib", "Hidayat",
		"Saputra", "Setiawan", "Nugroho", "Wibowo", "Siregar", "Simanjuntak", "Lamawuran", "Manafe",
		"Rahman", "Hakim", "Firmansyah", "Sitorus", "Wicaksono"}
	nusaFirstF = []string{"Dewi", "Siti", "Rina", "Maria", "Fitri", "Sri", "Yuliana", "Ratna", "Nur", "Wulan",
		"Intan", "Anisa", "Maya", "Kartika", "Theresia"}
	nusaLastF = []string{"Lestari", "Aminah", "Marlina", "Handayani", "Rahayu", "Wahyuningsih", "Puspitasari",
		"Susanti", "Kurniasih", "Ndolu", "Bano", "Anggraini", "Permatasari", "Hasanah", "Nurjanah",
		"Sitompul", "Oktaviani", "Fatimah"}
)

func (b *builder) name(female bool) string {
	examples := &b.exM
	if female {
		examples = &b.exF
	}
	for len(*examples) > 0 {
		n := (*examples)[0]
		*examples = (*examples)[1:]
		if !b.names[n] {
			b.names[n] = true
			return n
		}
	}
	for {
		n := b.randomName(female)
		if !b.names[n] {
			b.names[n] = true
			return n
		}
	}
}

func (b *builder) randomName(female bool) string {
	k := b.r.IntN(100)
	if !female {
		core := b.pick(baliM)
		switch {
		case k < 58:
			return "I " + b.pick(orderNames) + " " + core
		case k < 66:
			return "I Gusti " + b.pick([]string{"Ngurah", "Bagus", "Made", "Putu"}) + " " + core
		case k < 72:
			return "Ida Bagus " + b.pick([]string{"Putu", "Made", "Gede", "Ketut"}) + " " + core
		case k < 77:
			return "I Dewa " + b.pick([]string{"Gede", "Made", "Ketut", "Putu"}) + " " + core
		case k < 80:
			return "Anak Agung " + b.pick([]string{"Ngurah", "Gede", "Bagus"}) + " " + core
		}
		return b.pick(nusaFirstM) + " " + b.pick(nusaLastM)
	}
	core := b.pick(baliF)
	switch {
	case k < 56:
		order := b.pick(orderF)
		if (order == "Putu" || order == "Made" || order == "Ketut") && b.r.IntN(2) == 0 {
			return "Ni Luh " + order + " " + core
		}
		return "Ni " + order + " " + core
	case k < 66:
		return "I Gusti Ayu " + b.pick([]string{"Putu", "Made", "Ketut", "Nyoman"}) + " " + core
	case k < 71:
		return "Ida Ayu " + b.pick([]string{"Putu", "Made", "Ketut"}) + " " + core
	case k < 75:
		return "Desak " + b.pick([]string{"Made", "Putu", "Ketut", "Nyoman"}) + " " + core
	case k < 78:
		return "Anak Agung Ayu " + core
	}
	return b.pick(nusaFirstF) + " " + b.pick(nusaLastF)
}

// ---------------------------------------------------------------------------
// Riwayat and users

func (b *builder) sk(kode string, t time.Time) string {
	office := "BKPSDM"
	if t.Year() < 2017 {
		office = "BKD" // before the 2016 SOTK the office was the Badan Kepegawaian Daerah
	}
	key := fmt.Sprintf("%s/%d", kode, t.Year())
	if b.seqSK[key] == 0 {
		b.seqSK[key] = 10 + b.r.IntN(90)
	}
	b.seqSK[key] += 1 + b.r.IntN(7)
	return fmt.Sprintf("%s/%d/%s/%d", kode, b.seqSK[key], office, t.Year())
}

func (b *builder) riwayat(p *person, jenis string, t time.Time, j int, gol string, st domain.StatusKepegawaian, sk, ket string) {
	jb := b.ds.Jabatan[j]
	var u domain.UnitKerja
	for _, x := range b.ds.Units {
		if x.ID == jb.UnitKerjaID {
			u = x
			break
		}
	}
	b.ds.Riwayat = append(b.ds.Riwayat, domain.Riwayat{
		ID:            b.newID(),
		InstansiID:    b.ds.Instansi.ID,
		PegawaiID:     p.ID,
		Jenis:         jenis,
		BerlakuMulai:  t,
		JabatanID:     jb.ID,
		JabatanNama:   jb.Nama,
		KelasJabatan:  jb.KelasJabatan,
		UnitKerjaID:   u.ID,
		UnitKerjaNama: u.Nama,
		UnitPath:      u.Path,
		Golongan:      gol,
		Status:        st,
		NomorSK:       sk,
		Keterangan:    ket,
	})
}

func (b *builder) history(p *person) {
	ket := "Pengangkatan CPNS"
	if p.JenisASN == domain.JenisPPPK {
		ket = "Pengangkatan PPPK"
	}
	b.riwayat(p, riwayatPengangkatan, p.TMT, p.initJab, p.initGol, domain.StatusAktif, b.sk("813.3", p.TMT), ket)
	c := p.ch
	if c == nil {
		return
	}
	st := domain.StatusAktif
	if c.status != "" {
		st = c.status
	}
	kode := map[string]string{
		riwayatMutasi:          "821.2",
		riwayatPromosi:         "821.2",
		riwayatKenaikanPangkat: "823.3",
		riwayatPerubahanStatus: "851",
	}[c.jenis]
	b.riwayat(p, c.jenis, c.date, p.jab, p.gol, st, b.sk(kode, c.date), c.ket)
}

func (b *builder) users() {
	admin := b.holders[b.jab("SETDA-ORG|Analis SDM Aparatur Ahli Muda")][0]
	keu := b.holders[b.jab("SETDA-KEU|Pengelola Keuangan")][0]
	b.ds.Users = []User{
		{Username: "admin", Roles: []domain.Role{domain.RoleAdminInstansi, domain.RolePegawai}, PegawaiNIP: admin.NIP},
		{Username: "keuangan", Roles: []domain.Role{domain.RoleKeuangan, domain.RolePegawai}, PegawaiNIP: keu.NIP},
		{Username: "auditor", Roles: []domain.Role{domain.RoleAuditor}},
		{Username: "admin.disdik", Roles: []domain.Role{domain.RoleAdminUnit}, UnitKode: "DISDIK"},
		{Username: "admin.dinkes", Roles: []domain.Role{domain.RoleAdminUnit}, UnitKode: "DINKES"},
	}
	for _, p := range b.people {
		if p == admin || p == keu {
			continue
		}
		b.ds.Users = append(b.ds.Users, User{Username: p.NIP, Roles: []domain.Role{domain.RolePegawai}, PegawaiNIP: p.NIP})
	}
}
