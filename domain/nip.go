package domain

import (
	"fmt"
	"time"
)

// NIPInfo is what an 18-digit NIP (PNS) or NI PPPK encodes.
type NIPInfo struct {
	BirthDate time.Time // digits 1–8
	TMTYear   int       // digits 9–12
	TMTMonth  int       // digits 13–14 for PNS/CPNS; 0 for PPPK (not a month there)
	Male      bool      // digit 15: 1 male, 2 female
	Sequence  int       // digits 16–18
}

// ParseNIP validates a NIP by the layout of its jenis ASN and says which part is wrong.
//
// PNS and CPNS (Perka BKN 22/2007): YYYYMMDD birth date, YYYYMM TMT CPNS, gender digit,
// three-digit sequence. NI PPPK: birth date, year of first appointment, two digits that
// are not a month (typically 21), gender, sequence; so digits 13–14 are not checked.
func ParseNIP(nip string, jenis JenisASN) (NIPInfo, error) {
	const field = "nip"
	var info NIPInfo
	if len(nip) != 18 {
		return info, Invalid(field, "nip_length",
			fmt.Sprintf("NIP harus 18 digit, bukan %d.", len(nip)),
			fmt.Sprintf("NIP must have 18 digits, not %d.", len(nip)))
	}
	for i := 0; i < len(nip); i++ {
		if nip[i] < '0' || nip[i] > '9' {
			return info, Invalid(field, "nip_not_digits",
				fmt.Sprintf("NIP hanya boleh berisi angka (karakter ke-%d bukan angka).", i+1),
				fmt.Sprintf("NIP may contain digits only (character %d is not a digit).", i+1))
		}
	}
	birth, err := time.Parse("20060102", nip[0:8])
	if err != nil {
		return info, Invalid(field, "nip_birth_date",
			fmt.Sprintf("Digit 1–8 NIP (%s) bukan tanggal lahir yang valid (YYYYMMDD).", nip[0:8]),
			fmt.Sprintf("NIP digits 1–8 (%s) are not a valid birth date (YYYYMMDD).", nip[0:8]))
	}
	info.BirthDate = birth
	info.TMTYear = atoi(nip[8:12])
	if info.TMTYear < birth.Year()+14 || info.TMTYear > birth.Year()+70 {
		return info, Invalid(field, "nip_tmt_year",
			fmt.Sprintf("Digit 9–12 NIP (tahun %d) tidak masuk akal untuk kelahiran tahun %d.", info.TMTYear, birth.Year()),
			fmt.Sprintf("NIP digits 9–12 (year %d) are implausible for someone born in %d.", info.TMTYear, birth.Year()))
	}
	if jenis != JenisPPPK {
		m := atoi(nip[12:14])
		if m < 1 || m > 12 {
			return info, Invalid(field, "nip_tmt_month",
				fmt.Sprintf("Digit 13–14 NIP (%s) harus bulan TMT CPNS 01–12.", nip[12:14]),
				fmt.Sprintf("NIP digits 13–14 (%s) must be the TMT CPNS month 01–12.", nip[12:14]))
		}
		info.TMTMonth = m
	}
	switch nip[14] {
	case '1':
		info.Male = true
	case '2':
	default:
		return info, Invalid(field, "nip_gender",
			fmt.Sprintf("Digit 15 NIP (%c) harus 1 (laki-laki) atau 2 (perempuan).", nip[14]),
			fmt.Sprintf("NIP digit 15 (%c) must be 1 (male) or 2 (female).", nip[14]))
	}
	info.Sequence = atoi(nip[15:18])
	if info.Sequence == 0 {
		return info, Invalid(field, "nip_sequence",
			"Digit 16–18 NIP (nomor urut) tidak boleh 000.",
			"NIP digits 16–18 (sequence) must not be 000.")
	}
	return info, nil
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
