package domain

import (
	"math/big"
	"time"
)

// The types in this file are the contract between attendance (which turns a
// calendar, a schedule, clock records and absence documents into one fact per day)
// and the TPP rule engine (which turns a month of those facts into rupiah).

// JenisLibur says why a calendar day is not a working day.
type JenisLibur string

// Kinds of non-working day.
const (
	LiburAkhirPekan JenisLibur = "AKHIR_PEKAN"    // not a working day of the schedule
	LiburNasional   JenisLibur = "LIBUR_NASIONAL" // national holiday
	CutiBersama     JenisLibur = "CUTI_BERSAMA"   // collective leave day
)

// StatusHari is what a working day amounted to for one pegawai.
type StatusHari string

// Day statuses.
const (
	StatusHadir           StatusHari = "HADIR"            // at least one clock record
	StatusTanpaKeterangan StatusHari = "TANPA_KETERANGAN" // no record and no document (TK)
	StatusIzin            StatusHari = "IZIN"             // covered by an approved absence document
	StatusFleksibel       StatusHari = "FLEKSIBEL"        // authorised flexible work (PermenPANRB 4/2025): never late, never absent
	StatusLibur           StatusHari = "LIBUR"            // not a working day
)

// JenisIzin is the type of an absence document (cuti, dinas, tugas belajar, WFA).
type JenisIzin string

// Absence document types (PP 11/2017 leave types plus duty and flexible work).
const (
	IzinCutiTahunan    JenisIzin = "CUTI_TAHUNAN"
	IzinCutiSakit      JenisIzin = "CUTI_SAKIT"
	IzinCutiBesar      JenisIzin = "CUTI_BESAR"
	IzinCutiMelahirkan JenisIzin = "CUTI_MELAHIRKAN"
	IzinAlasanPenting  JenisIzin = "CUTI_ALASAN_PENTING"
	IzinCLTN           JenisIzin = "CLTN"
	IzinDinasLuar      JenisIzin = "DINAS_LUAR"
	IzinTugasBelajar   JenisIzin = "TUGAS_BELAJAR"
	IzinWFA            JenisIzin = "WFA"
)

// AllJenisIzin lists the absence document types.
var AllJenisIzin = []JenisIzin{IzinCutiTahunan, IzinCutiSakit, IzinCutiBesar, IzinCutiMelahirkan,
	IzinAlasanPenting, IzinCLTN, IzinDinasLuar, IzinTugasBelajar, IzinWFA}

// FaktaHari is one calendar day of one pegawai's month, classified in the local time
// of the pegawai's unit. Seconds are exact: late = clock-in − scheduled start,
// early = scheduled end − clock-out, each 0 when not late / not early.
type FaktaHari struct {
	Tanggal          time.Time  // the local calendar date as midnight UTC (see Date)
	Kerja            bool       // a working day by the schedule and the calendar: counts in JHK
	Libur            JenisLibur // why it is not a working day; "" when Kerja
	Status           StatusHari
	Izin             JenisIzin // the document type when Status is IZIN
	AnakKe           int       // child order, for CUTI_MELAHIRKAN
	TerlambatDetik   int       // seconds late at clock-in (TL), 0 if on time or no clock-in
	PulangCepatDetik int       // seconds early at clock-out (PSW), 0 if on time or no clock-out
	TanpaMasuk       bool      // present but no clock-in record
	TanpaPulang      bool      // present but no clock-out record
	Khusus           bool      // the working day directly before or after cuti bersama or a holiday block
}

// Pita is one lateness or early-leave band: seconds in [DariDetik, SampaiDetik],
// both inclusive; SampaiDetik < 0 means no upper bound. Persen is the deduction
// percentage of the band (e.g. 1/2 for 0.5%). Band edges are stated in seconds
// because the texts disagree at the minute boundaries (domain.md §3.4).
type Pita struct {
	Kode        string // e.g. "TL1", "PSW3"
	DariDetik   int
	SampaiDetik int
	Persen      *big.Rat
}

// Contains reports whether s seconds fall in the band.
func (p Pita) Contains(s int) bool {
	return s >= p.DariDetik && (p.SampaiDetik < 0 || s <= p.SampaiDetik)
}
