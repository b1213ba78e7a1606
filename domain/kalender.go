package domain

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// HariLibur is one day off in an instansi's working calendar: a national holiday or a
// cuti bersama day, as set each year by the SKB of the Ministers of Religion, Manpower
// and PANRB (and any extra regional day the pemda declares).
type HariLibur struct {
	Tanggal time.Time  // the date as midnight UTC (see Date)
	Jenis   JenisLibur // LiburNasional or CutiBersama
	Nama    string     // e.g. "Idul Fitri 1446 H"
}

// Kalender is the holidays of one instansi for one calendar year. It is loaded and
// replaced as a whole, because the SKB is published (and amended) as one list.
type Kalender struct {
	Tahun int
	Items []HariLibur
}

// maxNamaLibur bounds a holiday name; longer text is a paste error, not a name.
const maxNamaLibur = 200

// Validate checks a whole year's list: every date is a plain date inside Tahun, no
// date appears twice, the kind is a holiday kind and a name is given. Errors name the
// field as "items/<index>/<field>", index from 0 as in the request body.
func (k Kalender) Validate() error {
	var v Validation
	if k.Tahun < 2000 || k.Tahun > 2100 {
		v.Add("tahun", "tahun_invalid",
			fmt.Sprintf("Tahun kalender %d di luar rentang 2000–2100.", k.Tahun),
			fmt.Sprintf("Calendar year %d is outside 2000–2100.", k.Tahun))
	}
	seen := make(map[time.Time]int, len(k.Items))
	for i, h := range k.Items {
		p := fmt.Sprintf("items/%d/", i)
		switch {
		case h.Tanggal.IsZero():
			v.Add(p+"tanggal", "tanggal_required", "Tanggal wajib diisi.", "The date is required.")
		case !tanggalMurni(h.Tanggal):
			v.Add(p+"tanggal", "tanggal_not_date",
				"Tanggal harus berupa tanggal saja (YYYY-MM-DD), tanpa jam.",
				"The date must be a plain date (YYYY-MM-DD) without a time of day.")
		case h.Tanggal.Year() != k.Tahun:
			v.Add(p+"tanggal", "tanggal_outside_year",
				fmt.Sprintf("Tanggal %s tidak berada di tahun %d.", h.Tanggal.Format(time.DateOnly), k.Tahun),
				fmt.Sprintf("Date %s is not in year %d.", h.Tanggal.Format(time.DateOnly), k.Tahun))
		default:
			if j, dup := seen[h.Tanggal]; dup {
				v.Add(p+"tanggal", "tanggal_duplicate",
					fmt.Sprintf("Tanggal %s sudah tercantum pada items/%d.", h.Tanggal.Format(time.DateOnly), j),
					fmt.Sprintf("Date %s is already listed at items/%d.", h.Tanggal.Format(time.DateOnly), j))
			} else {
				seen[h.Tanggal] = i
			}
		}
		if h.Jenis != LiburNasional && h.Jenis != CutiBersama {
			v.Add(p+"jenis", "jenis_libur_invalid",
				fmt.Sprintf("Jenis libur %q tidak dikenal; gunakan LIBUR_NASIONAL atau CUTI_BERSAMA.", h.Jenis),
				fmt.Sprintf("Unknown holiday kind %q; use LIBUR_NASIONAL or CUTI_BERSAMA.", h.Jenis))
		}
		nama := strings.TrimSpace(h.Nama)
		switch {
		case nama == "":
			v.Add(p+"nama", "nama_required", "Nama hari libur wajib diisi.", "The holiday name is required.")
		case utf8.RuneCountInString(nama) > maxNamaLibur:
			v.Add(p+"nama", "nama_too_long",
				fmt.Sprintf("Nama hari libur paling banyak %d karakter.", maxNamaLibur),
				fmt.Sprintf("The holiday name must have at most %d characters.", maxNamaLibur))
		}
	}
	return v.Err()
}

// Libur reports whether date d (midnight UTC) is a holiday of the calendar, and which.
func (k Kalender) Libur(d time.Time) (HariLibur, bool) {
	for _, h := range k.Items {
		if h.Tanggal.Equal(d) {
			return h, true
		}
	}
	return HariLibur{}, false
}

// indeksLibur maps each date to its holiday. Several years' lists may be merged (a
// month's Khusus days can depend on the neighbouring year); the first entry wins.
func indeksLibur(items []HariLibur) map[time.Time]HariLibur {
	m := make(map[time.Time]HariLibur, len(items))
	for _, h := range items {
		d := keTanggal(h.Tanggal)
		if _, ok := m[d]; !ok {
			m[d] = h
		}
	}
	return m
}

// tanggalMurni reports whether t is a date in Kinerja's representation: midnight UTC.
func tanggalMurni(t time.Time) bool {
	if t.Location() != time.UTC {
		return false
	}
	h, m, s := t.Clock()
	return h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0
}

// keTanggal normalises a date given in any representation to midnight UTC of its own
// wall-clock date, so that a date parsed in a local zone still matches.
func keTanggal(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
