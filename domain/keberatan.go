package domain

import (
	"fmt"
	"time"
)

// Keberatan is a pegawai's objection to a final evaluation, decided with finality by
// the rater's superior (PP 30/2019 Ps. 59).
type Keberatan struct {
	ID, InstansiID, PenilaianID, PegawaiID string
	PenilaiID                              string // the rater whose evaluation is contested
	NIP, Nama, UnitPath                    string
	Tahun                                  int
	Jenis                                  string
	Periode                                int
	Pemutus                                *Pejabat
	Alasan                                 string
	PredikatSemula, PredikatDiharapkan     Predikat
	Status                                 string // DIAJUKAN or DIPUTUS
	Keputusan                              string // DIKUATKAN or DIUBAH
	PredikatAkhir                          Predikat
	AlasanPutusan                          string
	DiajukanAt                             time.Time
	DiputusAt                              *time.Time
}

// CheckKeberatanWindow refuses an objection to an evaluation that is not final, or
// filed after the last day (today and the deadline are local dates).
func CheckKeberatanWindow(p Penilaian, today time.Time, batas *time.Time) error {
	if p.Status == PenilaianDraft {
		return Unprocessable("penilaian_belum_final", "Penilaian belum final; keberatan hanya atas penilaian final.",
			"The evaluation is not final; only a final evaluation can be objected to.")
	}
	if p.Status != PenilaianFinal {
		return Conflict("keberatan_exists", "Penilaian ini sudah diajukan keberatan.", "An objection to this evaluation was already filed.")
	}
	if batas != nil && today.After(*batas) {
		return Unprocessable("keberatan_terlambat",
			fmt.Sprintf("Batas waktu keberatan telah lewat (paling lambat %s).", batas.Format("02-01-2006")),
			fmt.Sprintf("The deadline to object has passed (last day %s).", batas.Format("2006-01-02")))
	}
	return nil
}

// KeberatanFilter selects objections for a list.
type KeberatanFilter struct {
	InstansiID string
	Status     string
	Tahun      int
	ScopePath  string
	TerkaitID  string // the objector, the rater or the decider
	Offset     int
	Limit      int
}
