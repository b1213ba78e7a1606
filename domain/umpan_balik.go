package domain

import (
	"fmt"
	"slices"
	"time"
)

// UmpanBalik is a request for peer or subordinate feedback on a pegawai.
type UmpanBalik struct {
	ID, InstansiID, PegawaiID string
	NIP, Nama, UnitPath       string
	Tahun, Periode            int // Periode 0: the whole year
	BatasWaktu                time.Time
	Pesan, DimintaOleh        string
	Responden                 []Responden
	Jawaban                   []JawabanNilai
	CreatedAt                 time.Time
}

// Responden is a colleague asked for feedback and whether they answered.
type Responden struct {
	PegawaiID, NIP, Nama string
	Dijawab              bool
}

// JawabanNilai is one answer on one BerAKHLAK value, stored without its author.
type JawabanNilai struct {
	Nilai    string
	Rating   Rating
	Komentar string
}

// AgregatNilai is the anonymous aggregate of the answers on one value.
type AgregatNilai struct {
	Nilai                           string
	Jumlah, DiAtas, Sesuai, DiBawah int
	Komentar                        []string
}

// MinJawabanAnonim is how many colleagues must have answered before the pegawai rated
// sees the aggregate: with one answer, the aggregate would be that person's answer.
const MinJawabanAnonim = 2

// JumlahJawaban counts the respondents who answered.
func (u UmpanBalik) JumlahJawaban() int {
	n := 0
	for _, r := range u.Responden {
		if r.Dijawab {
			n++
		}
	}
	return n
}

// Agregat aggregates the answers per value in the official order; comments are sorted
// so that their order says nothing about who wrote them or when.
func (u UmpanBalik) Agregat() []AgregatNilai {
	out := make([]AgregatNilai, 0, len(Berakhlak))
	for _, v := range Berakhlak {
		a := AgregatNilai{Nilai: v, Komentar: []string{}}
		for _, j := range u.Jawaban {
			if j.Nilai != v {
				continue
			}
			a.Jumlah++
			switch j.Rating {
			case DiAtasEkspektasi:
				a.DiAtas++
			case SesuaiEkspektasi:
				a.Sesuai++
			default:
				a.DiBawah++
			}
			if j.Komentar != "" {
				a.Komentar = append(a.Komentar, j.Komentar)
			}
		}
		slices.Sort(a.Komentar)
		out = append(out, a)
	}
	return out
}

// UmpanBalikFilter narrows a list of feedback requests.
type UmpanBalikFilter struct {
	InstansiID  string
	AsOf        time.Time // the date whose unit places the pegawai rated in ScopePath
	Tahun       int
	NIP         string // about this pegawai
	RespondenID string // only the requests this pegawai is asked to answer
	// Terbatas limits the list to the caller's reach: requests about a pegawai of the
	// ScopePath subtree, about one of PegawaiIDs, or asked of DitanyaID. An empty
	// reach matches nothing.
	Terbatas   bool
	ScopePath  string
	PegawaiIDs []string
	DitanyaID  string
	Offset     int
	Limit      int
}

// PihakUmpanBalik is how a caller stands to a feedback request; it decides what they see.
type PihakUmpanBalik int

// The parties to a request, from least to most informed.
const (
	// PihakLain has no part in the request: it is hidden from them.
	PihakLain PihakUmpanBalik = iota
	// PihakResponden was asked to answer: they see the request and whether they answered.
	PihakResponden
	// PihakDinilai is the pegawai rated: the aggregate once enough colleagues answered,
	// never who was asked.
	PihakDinilai
	// PihakPengelola is the rater, an administrator in scope or an auditor: who was
	// asked, who answered, and the aggregate at once.
	PihakPengelola
)

// UmpanBalikView is a request as one party may see it. Answers appear only as the
// aggregate, so nothing in a view ties an answer to its author.
type UmpanBalikView struct {
	ID, InstansiID, PegawaiID      string
	NIP, Nama                      string
	Tahun, Periode                 int
	BatasWaktu                     time.Time
	Pesan, DimintaOleh             string
	JumlahResponden, JumlahJawaban int
	Responden                      []Responden    // nil: not for this party
	Hasil                          []AgregatNilai // nil: not for this party, or too few answers yet
	SudahDijawabSaya               *bool          // for a respondent
	CreatedAt                      time.Time
}

// Pihak says how the employee pegawaiID stands to the request, given whether they
// manage it (rate the pegawai, administer their unit, or audit). The pegawai rated
// is only ever PihakDinilai, even when they also hold an administrator's role: the
// feedback must stay anonymous to them.
func (u UmpanBalik) Pihak(pegawaiID string, pengelola bool) PihakUmpanBalik {
	switch {
	case pegawaiID != "" && pegawaiID == u.PegawaiID:
		return PihakDinilai
	case pengelola:
		return PihakPengelola
	case u.Ditanya(pegawaiID) != nil:
		return PihakResponden
	}
	return PihakLain
}

// Ditanya returns the respondent entry of pegawaiID, or nil if they were not asked.
func (u UmpanBalik) Ditanya(pegawaiID string) *Responden {
	if pegawaiID == "" {
		return nil
	}
	for i := range u.Responden {
		if u.Responden[i].PegawaiID == pegawaiID {
			return &u.Responden[i]
		}
	}
	return nil
}

// View renders the request for party p; viewer is the caller's pegawai id, for
// sudah_dijawab_saya.
func (u UmpanBalik) View(p PihakUmpanBalik, viewer string) UmpanBalikView {
	v := UmpanBalikView{ID: u.ID, InstansiID: u.InstansiID, PegawaiID: u.PegawaiID, NIP: u.NIP, Nama: u.Nama,
		Tahun: u.Tahun, Periode: u.Periode, BatasWaktu: u.BatasWaktu, Pesan: u.Pesan, DimintaOleh: u.DimintaOleh,
		JumlahResponden: len(u.Responden), JumlahJawaban: u.JumlahJawaban(), CreatedAt: u.CreatedAt}
	switch p {
	case PihakPengelola:
		v.Responden = append([]Responden{}, u.Responden...)
		v.Hasil = u.Agregat()
	case PihakDinilai:
		if v.JumlahJawaban >= MinJawabanAnonim {
			v.Hasil = u.Agregat()
		}
	}
	if p != PihakDinilai {
		if r := u.Ditanya(viewer); r != nil {
			d := r.Dijawab
			v.SudahDijawabSaya = &d
		}
	}
	return v
}

// ValidateBatasWaktu refuses a deadline before today (the instansi's local date).
func ValidateBatasWaktu(batas, today time.Time) error {
	if batas.Before(today) {
		return Invalid("batas_waktu", "batas_waktu_lampau", "Batas waktu tidak boleh sebelum hari ini.",
			"The deadline cannot be before today.")
	}
	return nil
}

// ValidateJawaban checks one respondent's answers: known values and ratings, each
// value at most once.
func ValidateJawaban(js []JawabanNilai) error {
	var v Validation
	seen := map[string]bool{}
	for i, j := range js {
		field := fmt.Sprintf("jawaban/%d", i)
		if !slices.Contains(Berakhlak, j.Nilai) {
			v.Add(field+"/nilai", "nilai_invalid", fmt.Sprintf("Nilai %q bukan nilai BerAKHLAK.", j.Nilai),
				fmt.Sprintf("%q is not a BerAKHLAK value.", j.Nilai))
		} else if seen[j.Nilai] {
			v.Add(field+"/nilai", "nilai_ganda", fmt.Sprintf("Nilai %s dijawab lebih dari sekali.", j.Nilai),
				fmt.Sprintf("The value %s is answered more than once.", j.Nilai))
		}
		seen[j.Nilai] = true
		if _, err := ParseRating(field+"/rating", string(j.Rating)); err != nil {
			v.Merge("", err)
		}
	}
	return v.Err()
}

// CanAnswer checks that respondent r may answer the request on the local date
// today: once, and through the whole of the deadline's day.
func (u UmpanBalik) CanAnswer(r Responden, today time.Time) error {
	if r.Dijawab {
		return ErrUmpanBalikDijawab
	}
	if today.After(u.BatasWaktu) {
		return Unprocessable("umpan_balik_lewat_batas", "Batas waktu umpan balik ini sudah lewat.",
			"The deadline of this feedback request has passed.")
	}
	return nil
}

// ErrUmpanBalikDijawab reports a second answer from the same respondent.
var ErrUmpanBalikDijawab = Conflict("umpan_balik_sudah_dijawab", "Anda sudah menjawab permintaan umpan balik ini.",
	"You have already answered this feedback request.")
