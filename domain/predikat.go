package domain

import "fmt"

// Rating is the rater's three-level judgement of results (hasil kerja) or of
// behaviour (perilaku kerja), PermenPANRB 6/2022.
type Rating string

// Ratings.
const (
	DiAtasEkspektasi  Rating = "DI_ATAS_EKSPEKTASI"
	SesuaiEkspektasi  Rating = "SESUAI_EKSPEKTASI"
	DiBawahEkspektasi Rating = "DI_BAWAH_EKSPEKTASI"
)

// ParseRating accepts exactly the three ratings; "Cukup" and the like are predikat
// labels, never ratings, and are refused naming the field.
func ParseRating(field, s string) (Rating, error) {
	switch r := Rating(s); r {
	case DiAtasEkspektasi, SesuaiEkspektasi, DiBawahEkspektasi:
		return r, nil
	}
	return "", Invalid(field, "rating_invalid",
		fmt.Sprintf("Rating %q tidak dikenal; gunakan DI_ATAS_EKSPEKTASI, SESUAI_EKSPEKTASI atau DI_BAWAH_EKSPEKTASI.", s),
		fmt.Sprintf("Unknown rating %q; use DI_ATAS_EKSPEKTASI, SESUAI_EKSPEKTASI or DI_BAWAH_EKSPEKTASI.", s))
}

// Predikat is an employee's performance predicate.
type Predikat string

// Predicates, best first.
const (
	SangatBaik       Predikat = "SANGAT_BAIK"
	Baik             Predikat = "BAIK"
	ButuhPerbaikan   Predikat = "BUTUH_PERBAIKAN"
	KurangMisconduct Predikat = "KURANG_MISCONDUCT"
	SangatKurang     Predikat = "SANGAT_KURANG"
)

// AllPredikat lists the predicates best first.
var AllPredikat = []Predikat{SangatBaik, Baik, ButuhPerbaikan, KurangMisconduct, SangatKurang}

// ParsePredikat reads a predicate; "CUKUP" is accepted only as the legacy label of
// Butuh Perbaikan (PP 30/2019 era; BKN tables print "Cukup/Butuh Perbaikan").
func ParsePredikat(field, s string) (Predikat, error) {
	if s == "CUKUP" {
		return ButuhPerbaikan, nil
	}
	for _, p := range AllPredikat {
		if string(p) == s {
			return p, nil
		}
	}
	return "", Invalid(field, "predikat_invalid", fmt.Sprintf("Predikat %q tidak dikenal.", s), fmt.Sprintf("Unknown predikat %q.", s))
}

// PredikatOf places the two ratings in the kuadran of PermenPANRB 6/2022:
// bad behaviour dominates (Kurang/Misconduct unless results are also bad), bad results
// with acceptable behaviour give Butuh Perbaikan, only Atas×Atas gives Sangat Baik and
// only Bawah×Bawah gives Sangat Kurang.
func PredikatOf(hasil, perilaku Rating) Predikat {
	switch {
	case hasil == DiBawahEkspektasi && perilaku == DiBawahEkspektasi:
		return SangatKurang
	case perilaku == DiBawahEkspektasi:
		return KurangMisconduct
	case hasil == DiBawahEkspektasi:
		return ButuhPerbaikan
	case hasil == DiAtasEkspektasi && perilaku == DiAtasEkspektasi:
		return SangatBaik
	}
	return Baik
}
