package domain

import (
	"fmt"
	"slices"
)

// JenisASN is the kind of civil servant.
type JenisASN string

// Kinds of ASN (UU 20/2023).
const (
	JenisPNS  JenisASN = "PNS"
	JenisCPNS JenisASN = "CPNS"
	JenisPPPK JenisASN = "PPPK"
)

// golonganPNS are the PNS ranks I/a–IV/e (PP 5/2024 table); CPNS share them.
var golonganPNS = []string{
	"I/a", "I/b", "I/c", "I/d",
	"II/a", "II/b", "II/c", "II/d",
	"III/a", "III/b", "III/c", "III/d",
	"IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
}

// golonganPPPK are the PPPK grades I–XVII (Perpres 98/2020, 11/2024).
var golonganPPPK = []string{
	"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
	"X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
}

// ValidGolongan checks that golongan belongs to the scale of the given jenis ASN.
func ValidGolongan(jenis JenisASN, golongan string) error {
	scale, name := golonganPNS, "I/a–IV/e"
	if jenis == JenisPPPK {
		scale, name = golonganPPPK, "I–XVII"
	}
	if slices.Contains(scale, golongan) {
		return nil
	}
	return Invalid("golongan", "golongan_invalid",
		fmt.Sprintf("Golongan %q tidak berlaku untuk %s (harus %s).", golongan, jenis, name),
		fmt.Sprintf("Golongan %q does not apply to %s (must be %s).", golongan, jenis, name))
}

// GolonganRuang returns the roman numeral group of a PNS golongan ("III/a" → "III"),
// which decides the final PPh rate under PP 80/2010; for PPPK it returns "".
func GolonganRuang(golongan string) string {
	for i := 0; i < len(golongan); i++ {
		if golongan[i] == '/' {
			return golongan[:i]
		}
	}
	return ""
}

// JenisJabatan is the kind of position (UU 20/2023; PermenPANRB 41/2018).
type JenisJabatan string

// Kinds of position.
const (
	JabatanJPTUtama      JenisJabatan = "JPT_UTAMA"
	JabatanJPTMadya      JenisJabatan = "JPT_MADYA"
	JabatanJPTPratama    JenisJabatan = "JPT_PRATAMA"
	JabatanAdministrator JenisJabatan = "ADMINISTRATOR"
	JabatanPengawas      JenisJabatan = "PENGAWAS"
	JabatanPelaksana     JenisJabatan = "PELAKSANA"
	JabatanFungsional    JenisJabatan = "FUNGSIONAL"
)

// Jenjang is the level of a functional position.
type Jenjang string

// Functional levels: keahlian and keterampilan.
const (
	JenjangAhliPertama Jenjang = "AHLI_PERTAMA"
	JenjangAhliMuda    Jenjang = "AHLI_MUDA"
	JenjangAhliMadya   Jenjang = "AHLI_MADYA"
	JenjangAhliUtama   Jenjang = "AHLI_UTAMA"
	JenjangPemula      Jenjang = "PEMULA"
	JenjangTerampil    Jenjang = "TERAMPIL"
	JenjangMahir       Jenjang = "MAHIR"
	JenjangPenyelia    Jenjang = "PENYELIA"
)

// ValidateJabatanClass checks the combination of jenis, jenjang and kelas jabatan.
// Kelas comes from the pemda's Perkada table and is never derived from jenis; only
// the range 1–17 and the jenjang/fungsional pairing are rules.
func ValidateJabatanClass(jenis JenisJabatan, jenjang Jenjang, kelas int) error {
	var v Validation
	if kelas < 1 || kelas > 17 {
		v.Add("kelas_jabatan", "kelas_range", "Kelas jabatan harus 1–17.", "Kelas jabatan must be 1–17.")
	}
	if jenis == JabatanFungsional && jenjang == "" {
		v.Add("jenjang", "jenjang_required", "Jabatan fungsional wajib memiliki jenjang.", "A functional position needs a jenjang.")
	}
	if jenis != JabatanFungsional && jenjang != "" {
		v.Add("jenjang", "jenjang_not_allowed", "Jenjang hanya untuk jabatan fungsional.", "Only functional positions have a jenjang.")
	}
	return v.Err()
}

// StatusKepegawaian is an employee's employment status.
type StatusKepegawaian string

// Employment statuses (domain.md §3.5).
const (
	StatusAktif                  StatusKepegawaian = "AKTIF"
	StatusCLTN                   StatusKepegawaian = "CLTN"
	StatusTugasBelajar           StatusKepegawaian = "TUGAS_BELAJAR"
	StatusDiberhentikanSementara StatusKepegawaian = "DIBERHENTIKAN_SEMENTARA"
	StatusMPP                    StatusKepegawaian = "MPP"
	StatusPensiun                StatusKepegawaian = "PENSIUN"
	StatusDiberhentikan          StatusKepegawaian = "DIBERHENTIKAN"
	StatusMeninggal              StatusKepegawaian = "MENINGGAL"
	StatusPindah                 StatusKepegawaian = "PINDAH"
)

// Active reports whether the status keeps the employee in the working organisation
// (and so in reporting lines). Suspension, CLTN and study leave keep the position
// record but the person is not at work.
func (s StatusKepegawaian) Active() bool { return s == StatusAktif || s == StatusMPP }
