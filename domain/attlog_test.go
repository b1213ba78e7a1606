package domain

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

func TestParseATTLOG(t *testing.T) {
	wita := khZona(t, "Asia/Makassar")
	input := "\xEF\xBB\xBF     1\t2025-03-03 07:30:00\t0\t1\t0\t0\r\n" + // BOM, right-aligned id, CRLF
		"\r\n" + // blank
		"   \t  \n" + // blank
		"  1002  2025-03-03 16:00:05   1   15\n" + // runs of spaces
		"A7\t2025-03-03 16:01:00\n" + // no status, no verify
		"\t2025-03-03 07:31:00\t0\t1\n" + // missing user id
		"3\t2025-02-30 07:00:00\t0\t1\n" + // no 30 February
		"3\t2025-03-03 24:00:00\t0\t1\n" +
		"3\t2025/03/03 07:00:00\t0\t1\n" +
		"3\t2025-03-03\n" + // malformed
		"3\t2025-03-03 07:00:00\tx\t1\n" +
		"3\t2025-03-03 07:00:00\t0\t1a\n" +
		strings.Repeat("9", 33) + "\t2025-03-03 07:00:00\t0\t1\n" +
		"1\t2025-03-04 07:29:59\t0\t1\t12345\t0\t0\t0" // extra fields, no final newline
	rows, errs := ParseATTLOG(strings.NewReader(input), wita)
	want := []BarisATTLOG{
		{Baris: 1, UserID: "1", Waktu: time.Date(2025, 3, 2, 23, 30, 0, 0, time.UTC), Status: 0, Verify: 1},
		{Baris: 4, UserID: "1002", Waktu: time.Date(2025, 3, 3, 8, 0, 5, 0, time.UTC), Status: 1, Verify: 15},
		{Baris: 5, UserID: "A7", Waktu: time.Date(2025, 3, 3, 8, 1, 0, 0, time.UTC), Status: -1, Verify: -1},
		{Baris: 14, UserID: "1", Waktu: time.Date(2025, 3, 3, 23, 29, 59, 0, time.UTC), Status: 0, Verify: 1},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows %+v, want %d", len(rows), rows, len(want))
	}
	for i := range want {
		if rows[i] != want[i] || rows[i].Waktu.Location() != time.UTC {
			t.Errorf("row %d: %+v, want %+v", i, rows[i], want[i])
		}
	}
	wantErr := []string{
		"6 attlog_user_id_missing",
		"7 attlog_timestamp_invalid",
		"8 attlog_timestamp_invalid",
		"9 attlog_timestamp_invalid",
		"10 attlog_malformed",
		"11 attlog_status_invalid",
		"12 attlog_verify_invalid",
		"13 attlog_user_id_invalid",
	}
	var got []string
	for _, e := range errs {
		got = append(got, fmt.Sprintf("%d %s", e.Baris, e.Kode))
		if e.Text.ID == "" || e.Text.EN == "" || e.Kolom != "" {
			t.Errorf("error %+v", e)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(wantErr) {
		t.Errorf("errors\n got %v\nwant %v", got, wantErr)
	}
	if rows[0].JenisMenurutStatus() != RekamanMasuk || rows[1].JenisMenurutStatus() != RekamanPulang || rows[2].JenisMenurutStatus() != RekamanTidakDiketahui {
		t.Error("status mapping")
	}
}

func TestParseATTLOGEdges(t *testing.T) {
	// empty input, only a BOM, a line too long for the buffer, a nil location
	if rows, errs := ParseATTLOG(strings.NewReader(""), nil); rows != nil || errs != nil {
		t.Errorf("empty: %v %v", rows, errs)
	}
	if rows, errs := ParseATTLOG(strings.NewReader("\xEF\xBB\xBF"), nil); rows != nil || errs != nil {
		t.Errorf("BOM only: %v %v", rows, errs)
	}
	long := "1\t2025-03-03 07:00:00\t0\t1\n" + strings.Repeat("x", 70_000) + "\n2\t2025-03-03 07:00:00\t0\t1\n"
	rows, errs := ParseATTLOG(strings.NewReader(long), nil)
	if len(rows) != 2 || rows[1].Baris != 3 || rows[1].Waktu != time.Date(2025, 3, 3, 7, 0, 0, 0, time.UTC) ||
		len(errs) != 1 || errs[0].Baris != 2 || errs[0].Kode != "attlog_line_too_long" {
		t.Errorf("long line: %+v %+v", rows, errs)
	}
	// a read failure is reported on the line where it happened
	rows, errs = ParseATTLOG(io.MultiReader(strings.NewReader("1\t2025-03-03 07:00:00\t0\t1\n"), errReader{}), nil)
	if len(rows) != 1 || len(errs) != 1 || errs[0].Baris != 2 || errs[0].Kode != "read_failed" {
		t.Errorf("read failure: %+v %+v", rows, errs)
	}
	// the scan stops when asked
	n := 0
	ScanATTLOG(strings.NewReader("1\t2025-03-03 07:00:00\n2\t2025-03-03 07:00:00\n"), nil, func(BarisATTLOG, *BarisError) bool {
		n++
		return false
	})
	if n != 1 {
		t.Errorf("scan went on after false: %d", n)
	}
	// user ids are shared, not copied per line
	rows, _ = ParseATTLOG(strings.NewReader("77\t2025-03-03 07:00:00\n77\t2025-03-03 16:00:00\n"), nil)
	if len(rows) != 2 || rows[0].UserID != "77" || rows[1].UserID != "77" {
		t.Errorf("interning: %+v", rows)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, fmt.Errorf("disk error") }

func TestParseKehadiranCSV(t *testing.T) {
	wit := khZona(t, "Asia/Jayapura")
	input := "\uFEFFNIP;Waktu;Jenis\r\n" +
		"198609262015051001;2025-03-03 07:30:00;masuk\r\n" +
		"\r\n" +
		"19860926 201505 1 001;2025-03-03T16:00:00+07:00;PULANG\r\n" +
		"198906152022212006;2025-03-04 07:00:00;\r\n" + // NI PPPK: digits 13–14 are not a month
		"198609262015131001;2025-03-04 07:00:00;MASUK\r\n" + // a CSV cannot tell PNS from PPPK, so digits 13–14 are not checked
		"12345;03/04/2025 07:00;KELUAR\r\n" + // every column wrong
		"198609262015051001\r\n" + // waktu missing
		"\"198609262015051001\";\"2025-03-05 07:00:00\"\r\n" // quoted, jenis missing
	rows, errs := ParseKehadiranCSV(strings.NewReader(input), wit)
	want := []BarisKehadiran{
		{Baris: 2, NIP: "198609262015051001", Waktu: time.Date(2025, 3, 2, 22, 30, 0, 0, time.UTC), Jenis: RekamanMasuk},
		{Baris: 4, NIP: "198609262015051001", Waktu: time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC), Jenis: RekamanPulang},
		{Baris: 5, NIP: "198906152022212006", Waktu: time.Date(2025, 3, 3, 22, 0, 0, 0, time.UTC)},
		{Baris: 6, NIP: "198609262015131001", Waktu: time.Date(2025, 3, 3, 22, 0, 0, 0, time.UTC), Jenis: RekamanMasuk},
		{Baris: 9, NIP: "198609262015051001", Waktu: time.Date(2025, 3, 4, 22, 0, 0, 0, time.UTC)},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows %+v", len(rows), rows)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d: %+v, want %+v", i, rows[i], want[i])
		}
	}
	var got []string
	for _, e := range errs {
		got = append(got, fmt.Sprintf("%d %s %s", e.Baris, e.Kolom, e.Kode))
		if e.Text.ID == "" || e.Text.EN == "" {
			t.Errorf("error %+v", e)
		}
	}
	wantErr := "[7 nip nip_length 7 waktu waktu_invalid 7 jenis jenis_rekaman_invalid 8 waktu csv_value_missing]"
	if fmt.Sprint(got) != wantErr {
		t.Errorf("errors\n got %v\nwant %v", got, wantErr)
	}
}

func TestParseKehadiranCSVHeader(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{"empty", "", "[1  csv_header_missing]"},
		{"blank lines only", "\n\n", "[1  csv_header_missing]"},
		{"unknown and missing", "nip,jam\n", "[1 jam csv_column_unknown 1 waktu csv_column_missing]"},
		{"duplicate", "\n nip , waktu , nip\n", "[2 nip csv_column_duplicate]"},
	}
	for _, tt := range tests {
		rows, errs := ParseKehadiranCSV(strings.NewReader(tt.input), nil)
		var got []string
		for _, e := range errs {
			got = append(got, fmt.Sprintf("%d %s %s", e.Baris, e.Kolom, e.Kode))
		}
		if rows != nil || fmt.Sprint(got) != tt.want {
			t.Errorf("%s: %v %v, want %s", tt.name, rows, got, tt.want)
		}
	}
	// a bad quote is reported and the next line still read; line numbers count the header
	rows, errs := ParseKehadiranCSV(strings.NewReader("waktu,nip\n2025-03-03 07:00:00,\"1986\"09\n2025-03-03 07:00:00,198609262015051001\n"), nil)
	if len(rows) != 1 || rows[0].Baris != 3 || len(errs) != 1 || errs[0].Baris != 2 || errs[0].Kode != "csv_malformed" {
		t.Errorf("bad quote: %+v %+v", rows, errs)
	}
}

func TestCekWaktuRekaman(t *testing.T) {
	wita := khZona(t, "Asia/Makassar")
	now := time.Date(2025, 3, 3, 8, 0, 0, 0, time.UTC)
	tmt := khTgl(2025, 3, 3)
	tests := []struct {
		name  string
		waktu time.Time
		tmt   time.Time
		code  string
	}{
		{"now", now, tmt, ""},
		{"5 minutes ahead", now.Add(5 * time.Minute), tmt, ""},
		{"5 minutes 1 second ahead", now.Add(5*time.Minute + time.Second), tmt, "waktu_future"},
		// 23:30 UTC on 2 March is 07:30 on 3 March in WITA: on the TMT date, not before it
		{"TMT date in local time", time.Date(2025, 3, 2, 23, 30, 0, 0, time.UTC).In(wita), tmt, ""},
		{"same instant read in UTC", time.Date(2025, 3, 2, 23, 30, 0, 0, time.UTC), tmt, "waktu_before_tmt"},
		{"no TMT", time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), time.Time{}, ""},
	}
	for _, tt := range tests {
		err := CekWaktuRekaman(tt.waktu, now, tt.tmt)
		var got []string
		if err != nil {
			got = khFields(t, err)
		}
		want := []string(nil)
		if tt.code != "" {
			want = []string{"waktu " + tt.code}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: %v, want %v", tt.name, got, want)
		}
	}
}

// attlogBenchData is n ATTLOG lines of 500 users over consecutive days.
func attlogBenchData(n int) []byte {
	var b bytes.Buffer
	start := time.Date(2025, 1, 1, 7, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		ts := start.Add(time.Duration(i) * 37 * time.Second)
		fmt.Fprintf(&b, "%9d\t%s\t%d\t1\t0\t0\r\n", 1000+i%500, ts.Format(time.DateTime), i%2)
	}
	return b.Bytes()
}

func BenchmarkParseATTLOG(b *testing.B) {
	const n = 100_000
	data := attlogBenchData(n)
	wib := khZona(b, "Asia/Jakarta")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		rows, errs := ParseATTLOG(bytes.NewReader(data), wib)
		if len(rows) != n || len(errs) != 0 {
			b.Fatalf("%d rows, %d errors", len(rows), len(errs))
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

func TestMembedakanStatus(t *testing.T) {
	for status, want := range map[int]bool{-1: false, StatusATTLOGMasuk: false, StatusATTLOGPulang: true, StatusATTLOGLemburMasuk: true} {
		if got := (BarisATTLOG{Status: status}).MembedakanStatus(); got != want {
			t.Errorf("status %d: %v", status, got)
		}
	}
}
