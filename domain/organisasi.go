package domain

import (
	"fmt"
	"strings"
	"time"
)

// Instansi is a pemda: a provinsi, kabupaten or kota. It is the tenant.
type Instansi struct {
	ID        string
	Nama      string
	Kode      string
	Jenis     string // PROVINSI, KABUPATEN, KOTA
	ZonaWaktu string // IANA name: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)
	Aktif     bool
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Today is the calendar date at now in the instansi's time zone. Zones are validated
// when saved; UTC only guards data stored before that.
func (i Instansi) Today(now time.Time) time.Time {
	loc, err := Zona(i.ZonaWaktu)
	if err != nil {
		loc = time.UTC
	}
	return Date(now, loc)
}

// ValidateTimeZone checks an IANA time zone name. Indonesia spans WIB, WITA and WIT,
// but any IANA zone is accepted so that a unit abroad or a test can use its own.
func ValidateTimeZone(field, name string) error {
	if name == "" || strings.EqualFold(name, "local") {
		return Invalid(field, "timezone_invalid", "Zona waktu wajib berupa nama IANA, mis. Asia/Makassar.",
			"The time zone must be an IANA name, e.g. Asia/Makassar.")
	}
	if _, err := Zona(name); err != nil {
		return Invalid(field, "timezone_invalid",
			fmt.Sprintf("Zona waktu %q tidak dikenal (gunakan nama IANA, mis. Asia/Makassar).", name),
			fmt.Sprintf("Unknown time zone %q (use an IANA name, e.g. Asia/Makassar).", name))
	}
	return nil
}

// UnitKerja is an OPD or one of its sub-units.
type UnitKerja struct {
	ID              string
	InstansiID      string
	ParentID        string // empty for an OPD
	Path            string // "/rootID/.../ID/"
	Level           int
	Kode            string
	Nama            string
	Jenis           string
	ZonaWaktu       string // the unit's own zone; empty means the instansi's
	KepalaJabatanID string
	Version         int
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

// Jabatan is a position in a unit. Several people may hold it (kebutuhan > 1), and
// AtasanJabatanID is the reporting line.
type Jabatan struct {
	ID              string
	InstansiID      string
	UnitKerjaID     string
	Kode            string
	Nama            string
	Jenis           JenisJabatan
	Jenjang         Jenjang
	KelasJabatan    int
	AtasanJabatanID string
	Kebutuhan       int
	Version         int
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

// Pemangku is someone holding a position on a date.
type Pemangku struct {
	PegawaiID string
	NIP       string
	Nama      string
	Sumber    string // DEFINITIF, PLT, PLH
}

// Pegawai is an employee's identity; position, golongan and status live in Riwayat.
type Pegawai struct {
	ID            string
	InstansiID    string
	NIP           string
	Nama          string
	GelarDepan    string
	GelarBelakang string
	JenisASN      JenisASN
	JenisKelamin  string // L or P, from the NIP's gender digit
	TanggalLahir  time.Time
	TMT           time.Time
	Email         string
	Telepon       string
	Rekening      *Rekening
	Version       int
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// NamaLengkap is the name with academic titles, as printed on documents.
func (p Pegawai) NamaLengkap() string {
	s := p.Nama
	if p.GelarDepan != "" {
		s = p.GelarDepan + " " + s
	}
	if p.GelarBelakang != "" {
		s = s + ", " + p.GelarBelakang
	}
	return s
}

// Rekening is a bank account for transfers of TPP.
type Rekening struct {
	NamaBank string
	Nomor    string
	AtasNama string
}

// Riwayat is one effective-dated state of an employee's position, golongan and status.
type Riwayat struct {
	ID            string
	InstansiID    string
	PegawaiID     string
	Jenis         string // PENGANGKATAN, MUTASI, PROMOSI, KENAIKAN_PANGKAT, PERUBAHAN_STATUS, KOREKSI
	BerlakuMulai  time.Time
	JabatanID     string
	JabatanNama   string
	KelasJabatan  int
	UnitKerjaID   string
	UnitKerjaNama string
	UnitPath      string
	Golongan      string
	Status        StatusKepegawaian
	NomorSK       string
	Keterangan    string
	CreatedAt     time.Time
}

// PegawaiView is an employee as of a date: identity plus the state in force.
type PegawaiView struct {
	Pegawai
	Riwayat
}

// Plt is an acting assignment (Plt or Plh) to a position.
type Plt struct {
	ID             string
	InstansiID     string
	JabatanID      string
	PegawaiID      string
	NIP            string
	Nama           string
	Jenis          string // PLT or PLH
	TanggalMulai   time.Time
	TanggalSelesai *time.Time
	NomorSK        string
	CreatedAt      time.Time
}

// ActiveOn reports whether the assignment is in force on date d.
func (p Plt) ActiveOn(d time.Time) bool {
	if d.Before(p.TanggalMulai) {
		return false
	}
	return p.TanggalSelesai == nil || !d.After(*p.TanggalSelesai)
}

// Date truncates t to its calendar date in loc, returned as midnight UTC: the one
// representation of a date in Kinerja.
func Date(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
