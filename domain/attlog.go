package domain

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// BarisATTLOG is one clock record of a fingerprint machine's ATTLOG export.
type BarisATTLOG struct {
	Baris  int       // 1-based line number in the file
	UserID string    // the machine's user id (PIN), to be mapped to a pegawai
	Waktu  time.Time // the instant, in UTC
	Status int       // ATTLOG status (StatusATTLOGMasuk …); -1 when the line has none
	Verify int       // verify mode (VerifyATTLOGSidikJari …); -1 when the line has none
}

// ATTLOG status codes (ZKTeco and compatible machines); other values are unknown.
const (
	StatusATTLOGMasuk        = 0 // check-in
	StatusATTLOGPulang       = 1 // check-out
	StatusATTLOGIstirahatKel = 2 // break-out
	StatusATTLOGIstirahatMsk = 3 // break-in
	StatusATTLOGLemburMasuk  = 4 // overtime-in
	StatusATTLOGLemburPulang = 5 // overtime-out
)

// ATTLOG verify modes; machines use more (combinations, palm, vein).
const (
	VerifyATTLOGKataSandi = 0
	VerifyATTLOGSidikJari = 1
	VerifyATTLOGKartu     = 2
	VerifyATTLOGWajah     = 15
)

const (
	maxUserIDATTLOG           = 32
	maxPanjangBarisATTLOG     = 64 << 10
	toleransiMasaDepanRekaman = 5 * time.Minute
)

// JenisMenurutStatus maps the ATTLOG status to a record kind: 0 is MASUK, 1 PULANG,
// anything else unknown. Many machines record every punch as 0 because nobody presses
// the function key; an importer for such a machine should ignore the status and use
// RekamanTidakDiketahui for every record, so that position in the day decides.
func (b BarisATTLOG) JenisMenurutStatus() JenisRekaman {
	switch b.Status {
	case StatusATTLOGMasuk:
		return RekamanMasuk
	case StatusATTLOGPulang:
		return RekamanPulang
	}
	return RekamanTidakDiketahui
}

// BarisError is one refused line of an import file; the import goes on.
type BarisError struct {
	Baris int    // 1-based line number
	Kolom string // the offending column (CSV), "" for a whole line
	Kode  string // stable machine code, e.g. "attlog_timestamp_invalid"
	Text  Text
}

func (e BarisError) Error() string {
	if e.Kolom != "" {
		return fmt.Sprintf("line %d, %s: %s", e.Baris, e.Kolom, e.Text.EN)
	}
	return fmt.Sprintf("line %d: %s", e.Baris, e.Text.EN)
}

// ParseATTLOG reads an ATTLOG.dat export: one record per line, fields separated by
// tabs or runs of spaces (leading blanks allowed): user id, "YYYY-MM-DD HH:MM:SS" in
// the machine's local time (read in loc; nil means UTC), then optionally status,
// verify mode, workcode and reserved fields. Blank lines, a trailing CR and a UTF-8
// byte-order mark are ignored; every bad line is reported and skipped.
func ParseATTLOG(r io.Reader, loc *time.Location) ([]BarisATTLOG, []BarisError) {
	var rows []BarisATTLOG
	var errs []BarisError
	ScanATTLOG(r, loc, func(b BarisATTLOG, e *BarisError) bool {
		if e != nil {
			errs = append(errs, *e)
		} else {
			rows = append(rows, b)
		}
		return true
	})
	return rows, errs
}

// ScanATTLOG is ParseATTLOG for files too large to hold: fn receives each good line
// (with a nil error) or each refused line (with its error), in file order, and stops
// the scan by returning false.
func ScanATTLOG(r io.Reader, loc *time.Location, fn func(BarisATTLOG, *BarisError) bool) {
	if loc == nil {
		loc = time.UTC
	}
	p := attlogParser{loc: loc, users: map[string]string{}}
	br := bufio.NewReaderSize(r, maxPanjangBarisATTLOG)
	n := 0
	for {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			n++
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			e := barisError(n, "", "attlog_line_too_long",
				fmt.Sprintf("Baris lebih panjang dari %d byte.", maxPanjangBarisATTLOG),
				fmt.Sprintf("The line is longer than %d bytes.", maxPanjangBarisATTLOG))
			if !fn(BarisATTLOG{}, &e) {
				return
			}
		} else if len(line) > 0 {
			n++
			if n == 1 {
				line = bytes.TrimPrefix(line, bomUTF8)
			}
			b, e, ok := p.parse(n, line)
			if ok && !fn(b, e) {
				return
			}
		}
		if err != nil {
			if err != io.EOF {
				e := barisError(n+1, "", "read_failed", "Berkas tidak dapat dibaca sampai akhir.",
					"The file could not be read to the end.")
				fn(BarisATTLOG{}, &e)
			}
			return
		}
	}
}

var bomUTF8 = []byte("\xEF\xBB\xBF")

// attlogParser parses lines without allocating, except for the first sighting of
// each user id (ids are interned: a machine has hundreds of users, a file millions of
// lines).
type attlogParser struct {
	loc   *time.Location
	users map[string]string
}

// parse returns the record or error of one line; ok is false for a blank line.
func (p *attlogParser) parse(n int, line []byte) (BarisATTLOG, *BarisError, bool) {
	var tok [6][]byte
	nt := 0
	for i := 0; i < len(line) && nt < len(tok); {
		for i < len(line) && spasiATTLOG(line[i]) {
			i++
		}
		j := i
		for j < len(line) && !spasiATTLOG(line[j]) {
			j++
		}
		if j > i {
			tok[nt] = line[i:j]
			nt++
		}
		i = j
	}
	if nt == 0 {
		return BarisATTLOG{}, nil, false
	}
	fail := func(kode, id, en string) (BarisATTLOG, *BarisError, bool) {
		e := barisError(n, "", kode, id, en)
		return BarisATTLOG{}, &e, true
	}
	if nt >= 2 && miripTanggal(tok[0]) && miripJam(tok[1]) {
		return fail("attlog_user_id_missing", "ID pengguna mesin tidak ada di awal baris.",
			"The machine user id is missing at the start of the line.")
	}
	if nt < 3 {
		return fail("attlog_malformed",
			"Baris tidak berformat ATTLOG (ID pengguna, tanggal jam, status, mode verifikasi).",
			"The line is not in ATTLOG format (user id, date time, status, verify mode).")
	}
	uid := tok[0]
	if len(uid) > maxUserIDATTLOG || !tercetakATTLOG(uid) {
		return fail("attlog_user_id_invalid",
			fmt.Sprintf("ID pengguna mesin harus berupa teks tanpa spasi, paling banyak %d karakter.", maxUserIDATTLOG),
			fmt.Sprintf("The machine user id must be text without spaces, at most %d characters.", maxUserIDATTLOG))
	}
	waktu, ok := p.timestamp(tok[1], tok[2])
	if !ok {
		s := string(tok[1]) + " " + string(tok[2])
		if len(s) > 40 {
			s = s[:40]
		}
		return fail("attlog_timestamp_invalid",
			fmt.Sprintf("Waktu %q bukan tanggal dan jam yang valid (YYYY-MM-DD HH:MM:SS).", s),
			fmt.Sprintf("Timestamp %q is not a valid date and time (YYYY-MM-DD HH:MM:SS).", s))
	}
	b := BarisATTLOG{Baris: n, Waktu: waktu, Status: -1, Verify: -1}
	if nt > 3 {
		if b.Status, ok = angkaKecilATTLOG(tok[3]); !ok {
			return fail("attlog_status_invalid", "Status harus berupa angka (0 masuk, 1 pulang, …).",
				"The status must be a number (0 check-in, 1 check-out, …).")
		}
	}
	if nt > 4 {
		if b.Verify, ok = angkaKecilATTLOG(tok[4]); !ok {
			return fail("attlog_verify_invalid", "Mode verifikasi harus berupa angka (1 sidik jari, 15 wajah, …).",
				"The verify mode must be a number (1 fingerprint, 15 face, …).")
		}
	}
	id, seen := p.users[string(uid)] // no allocation for the lookup
	if !seen {
		id = string(uid)
		p.users[id] = id
	}
	b.UserID = id
	return b, nil, true
}

// timestamp reads "YYYY-MM-DD" and "HH:MM:SS" by hand: time.Parse costs several times
// more and an import has millions of lines.
func (p *attlogParser) timestamp(d, c []byte) (time.Time, bool) {
	if !miripTanggal(d) || !miripJam(c) {
		return time.Time{}, false
	}
	y, ok1 := angkaATTLOG(d[0:4])
	mo, ok2 := angkaATTLOG(d[5:7])
	dd, ok3 := angkaATTLOG(d[8:10])
	h, ok4 := angkaATTLOG(c[0:2])
	mi, ok5 := angkaATTLOG(c[3:5])
	s, ok6 := angkaATTLOG(c[6:8])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || y < 1970 || mo < 1 || mo > 12 || dd < 1 ||
		dd > hariDalamBulan(time.Month(mo), y) || h > 23 || mi > 59 || s > 59 {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), dd, h, mi, s, 0, p.loc).UTC(), true
}

func hariDalamBulan(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func spasiATTLOG(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'
}

func miripTanggal(b []byte) bool { return len(b) == 10 && b[4] == '-' && b[7] == '-' }

func miripJam(b []byte) bool { return len(b) == 8 && b[2] == ':' && b[5] == ':' }

func angkaATTLOG(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(b) > 0
}

// angkaKecilATTLOG reads a non-negative number of at most 4 digits.
func angkaKecilATTLOG(b []byte) (int, bool) {
	if len(b) > 4 {
		return 0, false
	}
	return angkaATTLOG(b)
}

func tercetakATTLOG(b []byte) bool {
	for _, c := range b {
		if c < 0x21 || c > 0x7e {
			return false
		}
	}
	return true
}

func barisError(n int, kolom, kode, id, en string) BarisError {
	return BarisError{Baris: n, Kolom: kolom, Kode: kode, Text: Text{ID: id, EN: en}}
}

// BarisKehadiran is one clock record of a generic CSV import.
type BarisKehadiran struct {
	Baris int // 1-based line number, the header being line 1
	NIP   string
	Waktu time.Time // the instant, in UTC
	Jenis JenisRekaman
}

// ParseKehadiranCSV reads clock records from CSV with the header nip,waktu,jenis (any
// order, jenis optional, names case-insensitive), separated by "," or ";" (whichever
// the header uses). waktu is RFC 3339 with an offset (2025-03-03T07:31:05+08:00) or
// "YYYY-MM-DD HH:MM:SS" in loc (nil means UTC); jenis is MASUK, PULANG or empty.
// The NIP is checked with ParseNIP's PPPK layout, which every PNS NIP also satisfies,
// since a CSV does not say which kind of ASN each row is; spaces in it are dropped.
// A UTF-8 byte-order mark and blank lines are ignored; each bad value is reported
// with its line and column and the row is skipped.
func ParseKehadiranCSV(r io.Reader, loc *time.Location) ([]BarisKehadiran, []BarisError) {
	if loc == nil {
		loc = time.UTC
	}
	br := bufio.NewReader(r)
	header, lines, err := barisPertamaCSV(br)
	if err != nil {
		return nil, []BarisError{barisError(lines, "", "read_failed", "Berkas tidak dapat dibaca.", "The file could not be read.")}
	}
	if header == "" {
		return nil, []BarisError{barisError(1, "", "csv_header_missing",
			"Berkas kosong: baris judul nip,waktu,jenis tidak ada.", "The file is empty: the header nip,waktu,jenis is missing.")}
	}
	delim := ','
	if strings.Count(header, ";") > strings.Count(header, ",") {
		delim = ';'
	}
	col := map[string]int{}
	var errs []BarisError
	for i, name := range strings.Split(header, string(delim)) {
		name = strings.ToLower(strings.Trim(strings.TrimSpace(name), `"`))
		switch name {
		case "nip", "waktu", "jenis":
			if _, dup := col[name]; dup {
				errs = append(errs, barisError(lines, name, "csv_column_duplicate",
					fmt.Sprintf("Kolom %q muncul dua kali.", name), fmt.Sprintf("Column %q appears twice.", name)))
			}
			col[name] = i
		default:
			errs = append(errs, barisError(lines, name, "csv_column_unknown",
				fmt.Sprintf("Kolom %q tidak dikenal; gunakan nip, waktu, jenis.", name),
				fmt.Sprintf("Unknown column %q; use nip, waktu, jenis.", name)))
		}
	}
	for _, name := range []string{"nip", "waktu"} {
		if _, ok := col[name]; !ok {
			errs = append(errs, barisError(lines, name, "csv_column_missing",
				fmt.Sprintf("Kolom wajib %q tidak ada di baris judul.", name),
				fmt.Sprintf("The required column %q is missing from the header.", name)))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	jenisCol, hasJenis := col["jenis"]

	cr := csv.NewReader(br)
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	cr.TrimLeadingSpace = true
	var rows []BarisKehadiran
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				errs = append(errs, barisError(lines+pe.Line, "", "csv_malformed",
					"Baris CSV tidak valid (periksa tanda kutip).", "The CSV line is malformed (check the quotes)."))
				continue
			}
			errs = append(errs, barisError(lines+1, "", "read_failed", "Berkas tidak dapat dibaca sampai akhir.",
				"The file could not be read to the end."))
			break
		}
		line, _ := cr.FieldPos(0)
		line += lines
		field := func(name string, i int) (string, bool) {
			if i >= len(rec) {
				errs = append(errs, barisError(line, name, "csv_value_missing",
					fmt.Sprintf("Nilai kolom %s tidak ada.", name), fmt.Sprintf("The %s value is missing.", name)))
				return "", false
			}
			return strings.TrimSpace(rec[i]), true
		}
		row := BarisKehadiran{Baris: line}
		good := true
		if nip, ok := field("nip", col["nip"]); ok {
			nip = strings.ReplaceAll(nip, " ", "")
			if nip == "" {
				errs = append(errs, barisError(line, "nip", "nip_required", "NIP wajib diisi.", "The NIP is required."))
				good = false
			} else if _, err := ParseNIP(nip, JenisPPPK); err != nil {
				de, _ := AsError(err)
				errs = append(errs, BarisError{Baris: line, Kolom: "nip", Kode: de.Fields[0].Code, Text: de.Fields[0].Text})
				good = false
			}
			row.NIP = nip
		} else {
			good = false
		}
		if s, ok := field("waktu", col["waktu"]); ok {
			w, ok := parseWaktuCSV(s, loc)
			if !ok {
				errs = append(errs, barisError(line, "waktu", "waktu_invalid",
					"Waktu harus RFC 3339 dengan zona (2025-03-03T07:31:05+08:00) atau YYYY-MM-DD HH:MM:SS waktu setempat.",
					"The time must be RFC 3339 with an offset (2025-03-03T07:31:05+08:00) or YYYY-MM-DD HH:MM:SS local time."))
				good = false
			}
			row.Waktu = w
		} else {
			good = false
		}
		if hasJenis && jenisCol < len(rec) {
			switch s := strings.ToUpper(strings.TrimSpace(rec[jenisCol])); s {
			case "":
			case string(RekamanMasuk), string(RekamanPulang):
				row.Jenis = JenisRekaman(s)
			default:
				errs = append(errs, barisError(line, "jenis", "jenis_rekaman_invalid",
					"Jenis harus MASUK, PULANG atau kosong.", "The kind must be MASUK, PULANG or empty."))
				good = false
			}
		}
		if good {
			rows = append(rows, row)
		}
	}
	return rows, errs
}

// barisPertamaCSV returns the first non-blank line without BOM and line ending, and its
// 1-based line number.
func barisPertamaCSV(br *bufio.Reader) (string, int, error) {
	n := 0
	for {
		s, err := br.ReadString('\n')
		if s != "" {
			n++
		}
		if n == 1 {
			s = strings.TrimPrefix(s, "\uFEFF")
		}
		if t := strings.TrimSpace(s); t != "" {
			return t, n, nil
		}
		if err == io.EOF {
			return "", n, nil
		}
		if err != nil {
			return "", n + 1, err
		}
	}
}

func parseWaktuCSV(s string, loc *time.Location) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), true
	}
	if t, err := time.ParseInLocation(time.DateTime, s, loc); err == nil {
		return t.UTC(), true
	}
	return time.Time{}, false
}

// CekWaktuRekaman refuses a clock record more than five minutes ahead of now (a
// machine with a wrong clock) or dated before the pegawai's TMT. The TMT check compares
// local calendar dates: pass waktu in the unit's zone (waktu.In(loc)); a zero tmt is
// not checked.
func CekWaktuRekaman(waktu, now, tmt time.Time) error {
	if waktu.After(now.Add(toleransiMasaDepanRekaman)) {
		return Invalid("waktu", "waktu_future",
			fmt.Sprintf("Waktu rekaman %s lebih dari 5 menit setelah waktu server; periksa jam mesin.", waktu.Format(time.RFC3339)),
			fmt.Sprintf("Record time %s is more than 5 minutes after the server time; check the machine's clock.", waktu.Format(time.RFC3339)))
	}
	if !tmt.IsZero() && Date(waktu, waktu.Location()).Before(keTanggal(tmt)) {
		return Invalid("waktu", "waktu_before_tmt",
			fmt.Sprintf("Waktu rekaman %s sebelum TMT pegawai (%s).", waktu.Format(time.RFC3339), keTanggal(tmt).Format(time.DateOnly)),
			fmt.Sprintf("Record time %s is before the pegawai's TMT (%s).", waktu.Format(time.RFC3339), keTanggal(tmt).Format(time.DateOnly)))
	}
	return nil
}

// MembedakanStatus reports whether the line shows that its machine tells check-in from
// check-out: a status other than 0. A file in which no line does comes from a machine
// where nobody presses the function key; import its records as RekamanTidakDiketahui.
func (b BarisATTLOG) MembedakanStatus() bool { return b.Status > 0 }
