package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// JenisJadwal is the kind of a work schedule.
type JenisJadwal string

// Kinds of schedule. Perpres 21/2023 sets the working week (37.5 hours as the
// reference); each pemda sets the hours per unit type by Perkada.
const (
	JadwalPekan JenisJadwal = "PEKAN" // the same weekly pattern every week (offices, schools)
	JadwalShift JenisJadwal = "SHIFT" // shifts assigned per pegawai and date by a roster (RSUD, puskesmas)
)

// SehariDetik is the length of a calendar day in seconds. Indonesian zones have no
// daylight saving time, so every local day has exactly this length there.
const SehariDetik = 86400

// JamKerja is a working period of one day in local clock time, as seconds since local
// midnight. Mulai is in [0, 86400); Selesai is in (0, 86400] (86400 is 24:00). A shift
// whose Selesai is before Mulai ends on the next day (21:00–07:00); a weekly pattern
// never crosses midnight.
type JamKerja struct {
	Mulai   int
	Selesai int
}

// LintasHari reports whether the period ends on the next calendar day.
func (j JamKerja) LintasHari() bool { return j.Selesai < j.Mulai }

// Jam builds a JamKerja from hours and minutes, e.g. Jam(7, 30, 16, 0).
func Jam(mulaiJam, mulaiMenit, selesaiJam, selesaiMenit int) JamKerja {
	return JamKerja{Mulai: mulaiJam*3600 + mulaiMenit*60, Selesai: selesaiJam*3600 + selesaiMenit*60}
}

// Shift is one shift of a SHIFT schedule, e.g. PAGI 07:00–14:00, MALAM 21:00–07:00.
type Shift struct {
	Kode string
	Nama string
	JamKerja
}

// Jadwal is a work schedule. A PEKAN schedule has, for each weekday Monday (index 0)
// to Sunday (index 6), either nil (a day off) or the day's hours. A SHIFT schedule
// lists its shifts; which shift a pegawai works on a date comes from RosterShift.
type Jadwal struct {
	Kode  string
	Nama  string
	Jenis JenisJadwal
	Pekan [7]*JamKerja
	Shift []Shift
	// KerjaSaatLibur makes scheduled or rostered days working days even on national
	// holidays and cuti bersama (24-hour services such as RSUD). When false, the
	// calendar's holidays are days off.
	KerjaSaatLibur bool
}

// PenyesuaianJadwal replaces a schedule's hours for a date range (Ramadan hours, an
// event). For a PEKAN schedule Pekan replaces the whole weekly pattern inside the range
// (nil = off). For a SHIFT schedule Shift gives new hours for the shifts with the same
// Kode; shifts not listed keep their hours.
type PenyesuaianJadwal struct {
	Nama    string
	Mulai   time.Time // first date, midnight UTC
	Selesai time.Time // last date, inclusive
	Pekan   [7]*JamKerja
	Shift   []Shift
}

// Berlaku reports whether the override covers date d.
func (p PenyesuaianJadwal) Berlaku(d time.Time) bool {
	return !d.Before(p.Mulai) && !d.After(p.Selesai)
}

// RosterShift assigns one pegawai a shift on one date (the date the shift starts).
// An empty KodeShift records an explicit day off.
type RosterShift struct {
	PegawaiID string
	Tanggal   time.Time
	KodeShift string
}

// PeriodeKerja is the planned working period of one date as absolute instants.
type PeriodeKerja struct {
	Tanggal   time.Time // the date the period belongs to (its start date), midnight UTC
	Mulai     time.Time // scheduled start
	Selesai   time.Time // scheduled end, after Mulai
	KodeShift string    // for SHIFT schedules
}

// Durasi is the planned length of the period.
func (p PeriodeKerja) Durasi() time.Duration { return p.Selesai.Sub(p.Mulai) }

// JenisFleksibel is a flexible work arrangement of PermenPANRB 4/2025.
type JenisFleksibel string

// Flexible arrangements (PermenPANRB 4/2025, in force 21 April 2025).
const (
	// FleksibelWFA is flexible location (home, another office, elsewhere): the day
	// counts as present and never late or early (StatusFleksibel), records or not.
	FleksibelWFA JenisFleksibel = "WFA"
	// FleksibelWaktu is flexible start time: clock in anywhere in [AwalMasuk, AkhirMasuk]
	// and work DurasiDetik from then. Lateness is measured from AkhirMasuk; early leave
	// from the clock-in (clamped to the window) plus DurasiDetik, as PMK 221/2021 does
	// for Kemenkeu's flexible start.
	FleksibelWaktu JenisFleksibel = "FLEKSIBEL_WAKTU"
	// FleksibelDinamis is a dynamic schedule whose hours are agreed week by week: a
	// record shows presence, and the day is never late, early or missing a side
	// (the weekly 37.5 hours are checked elsewhere).
	FleksibelDinamis JenisFleksibel = "DINAMIS"
)

// Fleksibel authorises one pegawai to work flexibly over a date range.
type Fleksibel struct {
	PegawaiID   string
	Jenis       JenisFleksibel
	Mulai       time.Time // first date, midnight UTC
	Selesai     time.Time // last date, inclusive
	AwalMasuk   int       // FLEKSIBEL_WAKTU: earliest clock-in, seconds since local midnight
	AkhirMasuk  int       // FLEKSIBEL_WAKTU: latest clock-in without lateness
	DurasiDetik int       // FLEKSIBEL_WAKTU: working time required from the clock-in
}

// Berlaku reports whether the arrangement covers date d.
func (f Fleksibel) Berlaku(d time.Time) bool {
	return !d.Before(f.Mulai) && !d.After(f.Selesai)
}

// maxKodeJadwal and maxNamaJadwal bound identifiers and names of schedules and shifts.
const (
	maxKodeJadwal = 32
	maxNamaJadwal = 200
)

// Validate checks a schedule. Field paths: "kode", "pekan/<0..6>/mulai" (0 = Monday),
// "shift/<i>/selesai" and so on.
func (j Jadwal) Validate() error {
	var v Validation
	validateKode(&v, "kode", j.Kode)
	validateNama(&v, "nama", j.Nama, true)
	switch j.Jenis {
	case JadwalPekan:
		kerja := 0
		for i, h := range j.Pekan {
			if h != nil {
				kerja++
				validateJam(&v, fmt.Sprintf("pekan/%d/", i), *h, false)
			}
		}
		if kerja == 0 {
			v.Add("pekan", "pekan_empty", "Jadwal pekanan harus memiliki paling sedikit satu hari kerja.",
				"A weekly schedule needs at least one working day.")
		}
		if len(j.Shift) > 0 {
			v.Add("shift", "shift_not_allowed", "Jadwal PEKAN tidak memiliki daftar shift.",
				"A PEKAN schedule has no shifts.")
		}
	case JadwalShift:
		if len(j.Shift) == 0 {
			v.Add("shift", "shift_empty", "Jadwal shift harus memiliki paling sedikit satu shift.",
				"A shift schedule needs at least one shift.")
		}
		seen := map[string]int{}
		for i, s := range j.Shift {
			p := fmt.Sprintf("shift/%d/", i)
			validateKode(&v, p+"kode", s.Kode)
			if k, dup := seen[s.Kode]; dup && s.Kode != "" {
				v.Add(p+"kode", "kode_duplicate",
					fmt.Sprintf("Kode shift %q sudah dipakai pada shift/%d.", s.Kode, k),
					fmt.Sprintf("Shift code %q is already used at shift/%d.", s.Kode, k))
			} else {
				seen[s.Kode] = i
			}
			validateNama(&v, p+"nama", s.Nama, false)
			validateJam(&v, p, s.JamKerja, true)
		}
		for i, h := range j.Pekan {
			if h != nil {
				v.Add(fmt.Sprintf("pekan/%d", i), "pekan_not_allowed",
					"Jadwal SHIFT tidak memiliki pola pekanan; hari kerja ditentukan oleh roster.",
					"A SHIFT schedule has no weekly pattern; the roster sets the working days.")
				break
			}
		}
	default:
		v.Add("jenis", "jenis_jadwal_invalid",
			fmt.Sprintf("Jenis jadwal %q tidak dikenal; gunakan PEKAN atau SHIFT.", j.Jenis),
			fmt.Sprintf("Unknown schedule kind %q; use PEKAN or SHIFT.", j.Jenis))
	}
	return v.Err()
}

// ValidatePenyesuaian checks the overrides of schedule j: plain dates, end not before
// start, hours valid for the schedule's kind, shift codes known, and no two overrides
// covering the same date. Field paths start with "items/<i>/".
func ValidatePenyesuaian(j Jadwal, list []PenyesuaianJadwal) error {
	var v Validation
	kode := map[string]bool{}
	for _, s := range j.Shift {
		kode[s.Kode] = true
	}
	for i, p := range list {
		pre := fmt.Sprintf("items/%d/", i)
		validateNama(&v, pre+"nama", p.Nama, true)
		validateRentang(&v, pre, p.Mulai, p.Selesai)
		switch j.Jenis {
		case JadwalPekan:
			for d, h := range p.Pekan {
				if h != nil {
					validateJam(&v, fmt.Sprintf("%spekan/%d/", pre, d), *h, false)
				}
			}
			if len(p.Shift) > 0 {
				v.Add(pre+"shift", "shift_not_allowed", "Jadwal PEKAN tidak memiliki daftar shift.",
					"A PEKAN schedule has no shifts.")
			}
		case JadwalShift:
			for k, s := range p.Shift {
				sp := fmt.Sprintf("%sshift/%d/", pre, k)
				if !kode[s.Kode] {
					v.Add(sp+"kode", "shift_unknown",
						fmt.Sprintf("Shift %q tidak ada pada jadwal %s.", s.Kode, j.Kode),
						fmt.Sprintf("Shift %q is not in schedule %s.", s.Kode, j.Kode))
				}
				validateJam(&v, sp, s.JamKerja, true)
			}
			for d, h := range p.Pekan {
				if h != nil {
					v.Add(fmt.Sprintf("%spekan/%d", pre, d), "pekan_not_allowed",
						"Jadwal SHIFT tidak memiliki pola pekanan.", "A SHIFT schedule has no weekly pattern.")
					break
				}
			}
		}
		for k := 0; k < i; k++ {
			q := list[k] //nolint:gosec // G602 false positive: k < i, and i indexes list
			if !p.Mulai.After(q.Selesai) && !q.Mulai.After(p.Selesai) {
				v.Add(pre+"mulai", "penyesuaian_overlap",
					fmt.Sprintf("Rentang tanggal bertumpang tindih dengan items/%d (%s).", k, q.Nama),
					fmt.Sprintf("The date range overlaps items/%d (%s).", k, q.Nama))
				break
			}
		}
	}
	return v.Err()
}

// ValidateRoster checks roster entries for SHIFT schedule j: plain dates, known shift
// codes (or "" for a day off), and one entry per pegawai and date.
func ValidateRoster(j Jadwal, roster []RosterShift) error {
	var v Validation
	if j.Jenis != JadwalShift {
		v.Add("jadwal", "roster_not_shift", "Roster hanya berlaku untuk jadwal SHIFT.",
			"A roster applies only to a SHIFT schedule.")
		return v.Err()
	}
	kode := map[string]bool{}
	for _, s := range j.Shift {
		kode[s.Kode] = true
	}
	type key struct {
		pegawai string
		tanggal time.Time
	}
	seen := map[key]int{}
	for i, r := range roster {
		pre := fmt.Sprintf("items/%d/", i)
		if !tanggalMurni(r.Tanggal) {
			v.Add(pre+"tanggal", "tanggal_not_date",
				"Tanggal harus berupa tanggal saja (YYYY-MM-DD), tanpa jam.",
				"The date must be a plain date (YYYY-MM-DD) without a time of day.")
		}
		if r.KodeShift != "" && !kode[r.KodeShift] {
			v.Add(pre+"kode_shift", "shift_unknown",
				fmt.Sprintf("Shift %q tidak ada pada jadwal %s.", r.KodeShift, j.Kode),
				fmt.Sprintf("Shift %q is not in schedule %s.", r.KodeShift, j.Kode))
		}
		k := key{r.PegawaiID, r.Tanggal}
		if prev, dup := seen[k]; dup {
			v.Add(pre+"tanggal", "roster_duplicate",
				fmt.Sprintf("Pegawai ini sudah memiliki shift pada tanggal %s (items/%d).", r.Tanggal.Format(time.DateOnly), prev),
				fmt.Sprintf("This pegawai already has a shift on %s (items/%d).", r.Tanggal.Format(time.DateOnly), prev))
		} else {
			seen[k] = i
		}
	}
	return v.Err()
}

// maxDurasiFleksibel bounds the working time of a flexible-start day.
const maxDurasiFleksibel = 16 * 3600

// Validate checks a flexible arrangement.
func (f Fleksibel) Validate() error {
	var v Validation
	switch f.Jenis {
	case FleksibelWFA, FleksibelDinamis:
	case FleksibelWaktu:
		if f.AwalMasuk < 0 || f.AwalMasuk >= SehariDetik {
			v.Add("awal_masuk", "jam_out_of_range", "Jam harus di antara 00:00:00 dan 23:59:59.",
				"The time must be between 00:00:00 and 23:59:59.")
		}
		if f.AkhirMasuk < f.AwalMasuk || f.AkhirMasuk >= SehariDetik {
			v.Add("akhir_masuk", "akhir_masuk_invalid",
				"Batas akhir jam masuk harus di antara awal jam masuk dan 23:59:59.",
				"The latest clock-in must be between the earliest clock-in and 23:59:59.")
		}
		if f.DurasiDetik <= 0 || f.DurasiDetik > maxDurasiFleksibel {
			v.Add("durasi_detik", "durasi_invalid",
				fmt.Sprintf("Durasi kerja harus lebih dari 0 dan paling lama %d jam.", maxDurasiFleksibel/3600),
				fmt.Sprintf("The working time must be above 0 and at most %d hours.", maxDurasiFleksibel/3600))
		}
	default:
		v.Add("jenis", "jenis_fleksibel_invalid",
			fmt.Sprintf("Jenis fleksibel %q tidak dikenal; gunakan WFA, FLEKSIBEL_WAKTU atau DINAMIS.", f.Jenis),
			fmt.Sprintf("Unknown flexible kind %q; use WFA, FLEKSIBEL_WAKTU or DINAMIS.", f.Jenis))
	}
	validateRentang(&v, "", f.Mulai, f.Selesai)
	return v.Err()
}

func validateKode(v *Validation, field, kode string) {
	switch {
	case strings.TrimSpace(kode) == "":
		v.Add(field, "kode_required", "Kode wajib diisi.", "The code is required.")
	case len(kode) > maxKodeJadwal:
		v.Add(field, "kode_too_long",
			fmt.Sprintf("Kode paling banyak %d karakter.", maxKodeJadwal),
			fmt.Sprintf("The code must have at most %d characters.", maxKodeJadwal))
	case strings.TrimSpace(kode) != kode:
		v.Add(field, "kode_whitespace", "Kode tidak boleh diawali atau diakhiri spasi.",
			"The code must not start or end with a space.")
	}
}

func validateNama(v *Validation, field, nama string, required bool) {
	n := strings.TrimSpace(nama)
	switch {
	case n == "" && required:
		v.Add(field, "nama_required", "Nama wajib diisi.", "The name is required.")
	case utf8.RuneCountInString(n) > maxNamaJadwal:
		v.Add(field, "nama_too_long",
			fmt.Sprintf("Nama paling banyak %d karakter.", maxNamaJadwal),
			fmt.Sprintf("The name must have at most %d characters.", maxNamaJadwal))
	}
}

// validateJam checks a day's hours; crossing midnight is allowed for shifts only.
func validateJam(v *Validation, prefix string, j JamKerja, lintas bool) {
	okMulai := j.Mulai >= 0 && j.Mulai < SehariDetik
	if !okMulai {
		v.Add(prefix+"mulai", "jam_out_of_range", "Jam mulai harus di antara 00:00:00 dan 23:59:59 (0–86399 detik).",
			"The start must be between 00:00:00 and 23:59:59 (0–86399 seconds).")
	}
	if j.Selesai <= 0 || j.Selesai > SehariDetik {
		v.Add(prefix+"selesai", "jam_out_of_range", "Jam selesai harus di antara 00:00:01 dan 24:00:00 (1–86400 detik).",
			"The end must be between 00:00:01 and 24:00:00 (1–86400 seconds).")
		return
	}
	if !okMulai {
		return
	}
	switch {
	case j.Selesai == j.Mulai:
		v.Add(prefix+"selesai", "jam_zero_length", "Jam selesai tidak boleh sama dengan jam mulai.",
			"The end must differ from the start.")
	case j.Selesai < j.Mulai && !lintas:
		v.Add(prefix+"selesai", "jam_end_before_start",
			"Jam selesai harus setelah jam mulai (hanya shift yang boleh melewati tengah malam).",
			"The end must be after the start (only shifts may cross midnight).")
	}
}

// validateRentang checks an inclusive date range.
func validateRentang(v *Validation, prefix string, mulai, selesai time.Time) {
	okMulai, okSelesai := tanggalMurni(mulai), tanggalMurni(selesai)
	if !okMulai {
		v.Add(prefix+"mulai", "tanggal_not_date", "Tanggal mulai harus berupa tanggal (YYYY-MM-DD).",
			"The start must be a plain date (YYYY-MM-DD).")
	}
	if !okSelesai {
		v.Add(prefix+"selesai", "tanggal_not_date", "Tanggal selesai harus berupa tanggal (YYYY-MM-DD).",
			"The end must be a plain date (YYYY-MM-DD).")
	}
	if okMulai && okSelesai && selesai.Before(mulai) {
		v.Add(prefix+"selesai", "tanggal_end_before_start", "Tanggal selesai tidak boleh sebelum tanggal mulai.",
			"The end date must not be before the start date.")
	}
}

// hariPekan is the index of d's weekday in a weekly pattern: Monday 0 … Sunday 6.
func hariPekan(d time.Time) int { return (int(d.Weekday()) + 6) % 7 }

// Periode returns the planned working period of date d (midnight UTC) in loc, or false
// when d is not a working day by the schedule. Holidays are not considered here (see
// KlasifikasiBulan). For a SHIFT schedule the pegawai's roster entry for d decides;
// roster should hold one pegawai's entries.
func (j Jadwal) Periode(d time.Time, loc *time.Location, penyesuaian []PenyesuaianJadwal, roster []RosterShift) (PeriodeKerja, bool) {
	d = keTanggal(d)
	kode := ""
	if j.Jenis == JadwalShift {
		found := false
		for _, r := range roster {
			if keTanggal(r.Tanggal).Equal(d) {
				kode, found = r.KodeShift, true
				break
			}
		}
		if !found {
			return PeriodeKerja{}, false
		}
	}
	return j.periode(d, loc, penyesuaian, kode)
}

// periode resolves the hours of date d; kode is the rostered shift for SHIFT schedules.
func (j Jadwal) periode(d time.Time, loc *time.Location, penyesuaian []PenyesuaianJadwal, kode string) (PeriodeKerja, bool) {
	var pen *PenyesuaianJadwal
	for i := range penyesuaian {
		if penyesuaian[i].Berlaku(d) {
			pen = &penyesuaian[i]
			break
		}
	}
	var jam JamKerja
	switch j.Jenis {
	case JadwalPekan:
		pola := &j.Pekan
		if pen != nil {
			pola = &pen.Pekan
		}
		h := pola[hariPekan(d)]
		if h == nil {
			return PeriodeKerja{}, false
		}
		jam = *h
	case JadwalShift:
		if kode == "" {
			return PeriodeKerja{}, false
		}
		found := false
		for _, s := range j.Shift {
			if s.Kode == kode {
				jam, found = s.JamKerja, true
				break
			}
		}
		if !found {
			return PeriodeKerja{}, false
		}
		if pen != nil {
			for _, s := range pen.Shift {
				if s.Kode == kode {
					jam = s.JamKerja
					break
				}
			}
		}
	default:
		return PeriodeKerja{}, false
	}
	if jam.Selesai == jam.Mulai {
		return PeriodeKerja{}, false
	}
	selesai := jam.Selesai
	if jam.LintasHari() {
		selesai += SehariDetik
	}
	return PeriodeKerja{
		Tanggal:   d,
		Mulai:     jamLokal(d, jam.Mulai, loc),
		Selesai:   jamLokal(d, selesai, loc),
		KodeShift: kode,
	}, true
}

// jamLokal is the instant at detik seconds of wall-clock time after the start of date
// d in loc. time.Date normalises overflow on the wall clock (86400+25200 is 07:00 of the
// next day), so a zone with daylight saving time still gets the clock time it names.
func jamLokal(d time.Time, detik int, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, detik, 0, loc)
}

// JadwalDefault is the 5-day office week that applies to a pegawai with no schedule
// assigned to them or to any of their units: Monday–Thursday 07:30–16:00, Friday
// 07:30–16:30, Saturday and Sunday off. These are the office hours of Keppres 68/1995
// that Perpres 21/2023 and PermenPANRB practice keep (37.5 working hours a week once the
// breaks, 12:00–13:00 and on Friday 11:30–13:00, are taken out); a pemda with other
// hours assigns its own schedule. Each call returns fresh values.
func JadwalDefault() Jadwal {
	j := Jadwal{Kode: "DEFAULT", Nama: "Kantor 5 hari kerja (bawaan)", Jenis: JadwalPekan}
	for d := 0; d < 4; d++ {
		h := Jam(7, 30, 16, 0)
		j.Pekan[d] = &h
	}
	jumat := Jam(7, 30, 16, 30)
	j.Pekan[4] = &jumat
	return j
}

// JadwalKerja is a stored schedule of an instansi: the schedule itself, its date-range
// overrides and its bookkeeping.
type JadwalKerja struct {
	ID         string
	InstansiID string
	Jadwal
	Penyesuaian []PenyesuaianJadwal
	Version     int
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Validate checks the schedule and its overrides together. Override errors are named
// "penyesuaian/<i>/<field>", as in the request body.
func (j JadwalKerja) Validate() error {
	var v Validation
	v.Merge("", j.Jadwal.Validate())
	if de, ok := AsError(ValidatePenyesuaian(j.Jadwal, j.Penyesuaian)); ok {
		for _, f := range de.Fields {
			v.Add("penyesuaian/"+strings.TrimPrefix(f.Field, "items/"), f.Code, f.Text.ID, f.Text.EN)
		}
	}
	return v.Err()
}

// PenugasanJadwal assigns a schedule, from a date, either to a unit (and so to its
// sub-units) or to one pegawai; exactly one of UnitKerjaID and PegawaiID is set.
type PenugasanJadwal struct {
	ID             string
	InstansiID     string
	JadwalID       string
	JadwalNama     string
	UnitKerjaID    string
	UnitKerjaNama  string
	PegawaiID      string
	NIP            string
	Nama           string
	UnitPath       string // the unit's path, or the pegawai's unit path on the date read
	BerlakuMulai   time.Time
	BerlakuSelesai *time.Time // nil: open-ended
	CreatedAt      time.Time
}

// Berlaku reports whether the assignment is in force on date d.
func (p PenugasanJadwal) Berlaku(d time.Time) bool {
	return !d.Before(p.BerlakuMulai) && (p.BerlakuSelesai == nil || !d.After(*p.BerlakuSelesai))
}

// Validate checks a new assignment: exactly one target (a unit, or a pegawai by id
// or NIP) and a plain, ordered date range.
func (p PenugasanJadwal) Validate() error {
	var v Validation
	unit, peg := p.UnitKerjaID != "", p.PegawaiID != "" || p.NIP != ""
	if unit == peg {
		id := "Isi tepat satu dari unit_kerja_id dan nip."
		en := "Give exactly one of unit_kerja_id and nip."
		v.Add("unit_kerja_id", "target_exactly_one", id, en)
		v.Add("nip", "target_exactly_one", id, en)
	}
	if !tanggalMurni(p.BerlakuMulai) {
		v.Add("berlaku_mulai", "tanggal_not_date", "Tanggal mulai harus berupa tanggal (YYYY-MM-DD).",
			"The start must be a plain date (YYYY-MM-DD).")
	}
	if p.BerlakuSelesai != nil {
		switch {
		case !tanggalMurni(*p.BerlakuSelesai):
			v.Add("berlaku_selesai", "tanggal_not_date", "Tanggal selesai harus berupa tanggal (YYYY-MM-DD).",
				"The end must be a plain date (YYYY-MM-DD).")
		case p.BerlakuSelesai.Before(p.BerlakuMulai):
			v.Add("berlaku_selesai", "tanggal_end_before_start", "Tanggal selesai tidak boleh sebelum tanggal mulai.",
				"The end date must not be before the start date.")
		}
	}
	return v.Err()
}

// PenugasanJadwalFilter selects assignments. Dari and Sampai keep those in force on
// at least one day of [Dari, Sampai]; AsOf dates the pegawai's unit in UnitPath.
type PenugasanJadwalFilter struct {
	InstansiID  string
	UnitKerjaID string
	PegawaiID   string
	Dari        *time.Time
	Sampai      *time.Time
	AsOf        time.Time
}

// IndeksPenugasan finds the schedule assignment in force for a pegawai on a date.
type IndeksPenugasan struct {
	pegawai map[string][]PenugasanJadwal
	unit    map[string][]PenugasanJadwal
}

// NewIndeksPenugasan indexes assignments by their target.
func NewIndeksPenugasan(list []PenugasanJadwal) IndeksPenugasan {
	x := IndeksPenugasan{pegawai: map[string][]PenugasanJadwal{}, unit: map[string][]PenugasanJadwal{}}
	for _, p := range list {
		switch {
		case p.PegawaiID != "":
			x.pegawai[p.PegawaiID] = append(x.pegawai[p.PegawaiID], p)
		case p.UnitKerjaID != "":
			x.unit[p.UnitKerjaID] = append(x.unit[p.UnitKerjaID], p)
		}
	}
	return x
}

// Berlaku returns the assignment that decides the schedule of a pegawai on date d:
// the pegawai's own assignment wins over their unit's, and the nearest unit (the
// pegawai's own unit, then its ancestors by unitPath "/root/…/unit/") wins over the
// ones above it. False means none applies (the default week, JadwalDefault). Should two
// assignments of one target overlap, the one that starts later wins.
func (x IndeksPenugasan) Berlaku(pegawaiID, unitPath string, d time.Time) (PenugasanJadwal, bool) {
	d = keTanggal(d)
	if p, ok := penugasanPada(x.pegawai[pegawaiID], d); ok {
		return p, true
	}
	units := strings.Split(strings.Trim(unitPath, "/"), "/")
	for i := len(units) - 1; i >= 0; i-- {
		if units[i] == "" {
			continue
		}
		if p, ok := penugasanPada(x.unit[units[i]], d); ok {
			return p, true
		}
	}
	return PenugasanJadwal{}, false
}

func penugasanPada(list []PenugasanJadwal, d time.Time) (PenugasanJadwal, bool) {
	var best PenugasanJadwal
	found := false
	for _, p := range list {
		if !p.Berlaku(d) {
			continue
		}
		if !found || p.BerlakuMulai.After(best.BerlakuMulai) ||
			p.BerlakuMulai.Equal(best.BerlakuMulai) && p.CreatedAt.After(best.CreatedAt) {
			best, found = p, true
		}
	}
	return best, found
}

// RosterFilter selects roster entries of dates [Dari, Sampai]. ScopePaths keep the
// entries of pegawai whose unit on the entry's date lies under every given path;
// PegawaiIDs, when not nil, keeps only those pegawai.
type RosterFilter struct {
	InstansiID string
	Dari       time.Time
	Sampai     time.Time
	PegawaiIDs []string
	ScopePaths []string
}

// RosterPegawai is a roster entry with the pegawai's NIP.
type RosterPegawai struct {
	RosterShift
	NIP string
}

// ValidateRosterBerlaku checks roster entries whose pegawai may follow different
// schedules: jadwal[i] is the schedule in force for entry i's pegawai on its date. A
// non-empty KodeShift must be a shift of that schedule, which must be a SHIFT one; an
// empty one (a removal) is always allowed. Dates are plain and each pegawai and date
// appears once. Field paths are "items/<i>/<field>".
func ValidateRosterBerlaku(roster []RosterShift, jadwal []Jadwal) error {
	var v Validation
	type key struct {
		pegawai string
		tanggal time.Time
	}
	seen := map[key]int{}
	for i, r := range roster {
		pre := fmt.Sprintf("items/%d/", i)
		if !tanggalMurni(r.Tanggal) {
			v.Add(pre+"tanggal", "tanggal_not_date",
				"Tanggal harus berupa tanggal saja (YYYY-MM-DD), tanpa jam.",
				"The date must be a plain date (YYYY-MM-DD) without a time of day.")
		}
		if r.KodeShift != "" && i < len(jadwal) {
			j := jadwal[i]
			switch {
			case j.Jenis != JadwalShift:
				v.Add(pre+"kode_shift", "roster_not_shift",
					fmt.Sprintf("Pada tanggal %s pegawai ini mengikuti jadwal %s yang bukan jadwal SHIFT.",
						r.Tanggal.Format(time.DateOnly), j.Kode),
					fmt.Sprintf("On %s this pegawai follows schedule %s, which is not a SHIFT schedule.",
						r.Tanggal.Format(time.DateOnly), j.Kode))
			case !slices.ContainsFunc(j.Shift, func(s Shift) bool { return s.Kode == r.KodeShift }):
				v.Add(pre+"kode_shift", "shift_unknown",
					fmt.Sprintf("Shift %q tidak ada pada jadwal %s.", r.KodeShift, j.Kode),
					fmt.Sprintf("Shift %q is not in schedule %s.", r.KodeShift, j.Kode))
			}
		}
		k := key{r.PegawaiID, r.Tanggal}
		if prev, dup := seen[k]; dup {
			v.Add(pre+"tanggal", "roster_duplicate",
				fmt.Sprintf("Pegawai ini sudah tercantum pada tanggal %s (items/%d).", r.Tanggal.Format(time.DateOnly), prev),
				fmt.Sprintf("This pegawai is already listed on %s (items/%d).", r.Tanggal.Format(time.DateOnly), prev))
		} else {
			seen[k] = i
		}
	}
	return v.Err()
}
