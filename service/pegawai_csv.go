package service

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/domain"
)

// CSVColumns are the columns of the employee import and export, in export order.
var CSVColumns = []string{"nip", "nama", "gelar_depan", "gelar_belakang", "jenis_asn", "tmt", "golongan",
	"kode_jabatan", "status", "berlaku_mulai", "email", "telepon", "nama_bank", "nomor_rekening"}

var csvRequired = []string{"nip", "nama", "jenis_asn", "tmt", "golongan", "kode_jabatan"}

// ImportError is one wrong field of one row.
type ImportError struct {
	Baris int // 1-based line in the file; the header is line 1
	NIP   string
	Field string
	Code  string
	Text  domain.Text
}

// ImportReport says what an import did, or would do.
type ImportReport struct {
	Total, Dibuat, Diubah, Tetap int
	DryRun                       bool
	Errors                       []ImportError
}

type csvRow struct {
	line   int
	values map[string]string
}

func (r csvRow) get(col string) string { return strings.TrimSpace(r.values[col]) }

func (r csvRow) has(col string) bool {
	_, ok := r.values[col]
	return ok
}

func csvInvalid(code, id, en string) error {
	return domain.Invalid("body", code, id, en)
}

// parseCSV reads the whole file: UTF-8 with an optional BOM, a header row, `,` or `;`
// separated (chosen by which occurs more often in the header line).
func parseCSV(body io.Reader) ([]csvRow, error) {
	data, err := io.ReadAll(body)
	if err != nil {
		return nil, fmt.Errorf("read csv: %w", err)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, csvInvalid("csv_encoding", "Berkas CSV harus berenkode UTF-8.", "The CSV file must be UTF-8 encoded.")
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, csvInvalid("csv_empty", "Berkas CSV kosong; baris judul kolom wajib ada.", "The CSV file is empty; a header row is required.")
	}
	if err != nil {
		return nil, csvParseError(err)
	}
	cols := make([]string, len(header))
	seen := map[string]bool{}
	known := map[string]bool{}
	for _, c := range CSVColumns {
		known[c] = true
	}
	for i, h := range header {
		c := strings.ToLower(strings.TrimSpace(h))
		if !known[c] {
			return nil, csvInvalid("csv_column_unknown",
				fmt.Sprintf("Kolom %q tidak dikenal (kolom yang berlaku: %s).", h, strings.Join(CSVColumns, ", ")),
				fmt.Sprintf("Unknown column %q (valid columns: %s).", h, strings.Join(CSVColumns, ", ")))
		}
		if seen[c] {
			return nil, csvInvalid("csv_column_duplicate", fmt.Sprintf("Kolom %q muncul dua kali.", c), fmt.Sprintf("Column %q appears twice.", c))
		}
		seen[c], cols[i] = true, c
	}
	var missing []string
	for _, c := range csvRequired {
		if !seen[c] {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, csvInvalid("csv_column_missing",
			fmt.Sprintf("Kolom wajib tidak ada di baris judul: %s.", strings.Join(missing, ", ")),
			fmt.Sprintf("Required columns are missing from the header: %s.", strings.Join(missing, ", ")))
	}
	var rows []csvRow
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvParseError(err)
		}
		line, _ := r.FieldPos(0)
		row := csvRow{line: line, values: make(map[string]string, len(cols))}
		if len(rec) != len(cols) {
			row.values = nil // reported as a row error
		} else {
			for i, c := range cols {
				row.values[c] = rec[i]
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func csvParseError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		what := map[error]domain.Text{
			csv.ErrQuote:     {ID: "tanda kutip tidak seimbang", EN: "unbalanced quotes"},
			csv.ErrBareQuote: {ID: "tanda kutip di tengah nilai tanpa kutip", EN: "a bare quote in an unquoted value"},
		}[pe.Err]
		if what.ID == "" {
			what = domain.Text{ID: pe.Err.Error(), EN: pe.Err.Error()}
		}
		return csvInvalid("csv_malformed",
			fmt.Sprintf("CSV tidak dapat dibaca pada baris %d: %s.", pe.Line, what.ID),
			fmt.Sprintf("The CSV cannot be read at line %d: %s.", pe.Line, what.EN))
	}
	return fmt.Errorf("parse csv: %w", err)
}

// csvLimits are the spec's maxLength of the JSON fields the columns fill.
var csvLimits = []struct {
	col string
	max int
}{{"nama", 200}, {"gelar_depan", 50}, {"gelar_belakang", 50}, {"email", 200}, {"telepon", 32}, {"nama_bank", 100}}

var (
	teleponPattern  = regexp.MustCompile(`^[0-9+() -]*$`)
	rekeningPattern = regexp.MustCompile(`^[0-9-]{5,34}$`)
)

// importPlan is what an import will write.
type importPlan struct {
	create  []domain.Pegawai
	update  []domain.Pegawai
	riwayat []domain.Riwayat
	report  ImportReport
}

// Import creates or updates employees from a CSV file, all or nothing. Every wrong
// row is reported (with nothing written); dryRun validates without writing.
func (s *Pegawai) Import(ctx context.Context, body io.Reader, dryRun bool) (ImportReport, error) {
	a, id, today, err := s.scope(ctx)
	if err != nil {
		return ImportReport{}, err
	}
	if err := pegRequireWriter(a); err != nil {
		return ImportReport{}, err
	}
	rows, err := parseCSV(body)
	if err != nil {
		return ImportReport{}, err
	}
	var rep ImportReport
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		plan, err := s.planImport(ctx, a, id, today, rows)
		if err != nil {
			return err
		}
		rep = plan.report
		rep.DryRun = dryRun
		if dryRun || len(rep.Errors) > 0 {
			return nil
		}
		if err := s.Store.CreatePegawaiBatch(ctx, plan.create); err != nil {
			return err
		}
		for _, p := range plan.update {
			if _, err := s.Store.UpdatePegawai(ctx, p); err != nil {
				return err
			}
		}
		if err := s.Store.CreateRiwayatBatch(ctx, plan.riwayat); err != nil {
			return err
		}
		return s.record(ctx, id, "IMPORT", "pegawai", "impor", nil, map[string]int{
			"total": rep.Total, "dibuat": rep.Dibuat, "diubah": rep.Diubah, "tetap": rep.Tetap})
	})
	if err != nil {
		return ImportReport{}, err
	}
	return rep, nil
}

// planImport validates every row against the stored state (loaded in a few queries,
// not per row) and decides what to write.
func (s *Pegawai) planImport(ctx context.Context, a domain.Actor, instansiID string, today time.Time, rows []csvRow) (importPlan, error) {
	var plan importPlan
	plan.report.Total = len(rows)
	nodes, err := s.Store.PegawaiJabatanNodes(ctx, instansiID)
	if err != nil {
		return plan, err
	}
	byKode := make(map[string]domain.JabatanNode, len(nodes))
	byID := make(map[string]domain.JabatanNode, len(nodes))
	for _, n := range nodes {
		byKode[strings.ToLower(n.Kode)] = n
		byID[n.ID] = n
	}
	existing, err := s.Store.ListPegawaiInstansi(ctx, instansiID)
	if err != nil {
		return plan, err
	}
	byNIP := make(map[string]domain.Pegawai, len(existing))
	for _, p := range existing {
		byNIP[p.NIP] = p
	}
	all, err := s.Store.ListRiwayatInstansi(ctx, instansiID)
	if err != nil {
		return plan, err
	}
	history := map[string][]domain.Riwayat{}
	for _, r := range all {
		history[r.PegawaiID] = append(history[r.PegawaiID], r)
	}
	now := s.Now().UTC()
	firstLine := map[string]int{}
	for _, row := range rows {
		errs := &rowErrors{line: row.line, nip: row.get("nip")}
		if row.values == nil {
			errs.add("baris", "column_count", "Jumlah kolom baris ini tidak sama dengan baris judul.",
				"This row does not have as many columns as the header.")
			plan.report.Errors = append(plan.report.Errors, errs.list...)
			continue
		}
		s.planRow(a, row, errs, &plan, planState{byKode: byKode, byID: byID, byNIP: byNIP, history: history,
			firstLine: firstLine, today: today, now: now, instansiID: instansiID})
		plan.report.Errors = append(plan.report.Errors, errs.list...)
	}
	if len(plan.report.Errors) > 0 {
		plan.report.Dibuat, plan.report.Diubah, plan.report.Tetap = 0, 0, 0
	}
	return plan, nil
}

type planState struct {
	byKode     map[string]domain.JabatanNode
	byID       map[string]domain.JabatanNode
	byNIP      map[string]domain.Pegawai
	history    map[string][]domain.Riwayat
	firstLine  map[string]int
	today, now time.Time
	instansiID string
}

type rowErrors struct {
	line int
	nip  string
	list []ImportError
}

func (e *rowErrors) add(field, code, id, en string) {
	e.list = append(e.list, ImportError{Baris: e.line, NIP: e.nip, Field: field, Code: code, Text: domain.Text{ID: id, EN: en}})
}

func (e *rowErrors) merge(err error) {
	if de, ok := domain.AsError(err); ok {
		for _, f := range de.Fields {
			e.list = append(e.list, ImportError{Baris: e.line, NIP: e.nip, Field: f.Field, Code: f.Code, Text: f.Text})
		}
	}
}

func (e *rowErrors) date(row csvRow, col string, required bool) (time.Time, bool) {
	v := row.get(col)
	if v == "" {
		if required {
			e.add(col, "required", col+" wajib diisi.", col+" is required.")
		}
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		e.add(col, "date_format", fmt.Sprintf("%s %q bukan tanggal YYYY-MM-DD.", col, v), fmt.Sprintf("%s %q is not a YYYY-MM-DD date.", col, v))
		return time.Time{}, false
	}
	return t, true
}

func (s *Pegawai) planRow(a domain.Actor, row csvRow, e *rowErrors, plan *importPlan, st planState) {
	nip := row.get("nip")
	if first, dup := st.firstLine[nip]; dup && nip != "" {
		e.add("nip", "nip_duplicate", fmt.Sprintf("NIP %s sudah ada di baris %d berkas ini.", nip, first),
			fmt.Sprintf("NIP %s already appears on line %d of this file.", nip, first))
		return
	}
	st.firstLine[nip] = row.line
	jenis := domain.JenisASN(row.get("jenis_asn"))
	jenisOK := domain.ValidJenisASN("jenis_asn", string(jenis)) == nil
	if !jenisOK {
		e.merge(domain.ValidJenisASN("jenis_asn", string(jenis)))
	}
	var info domain.NIPInfo
	nipOK := false
	if jenisOK {
		var err error
		info, err = domain.ParseNIP(nip, jenis)
		e.merge(err)
		nipOK = err == nil
	}
	nama := row.get("nama")
	if nama == "" {
		e.add("nama", "required", "Nama wajib diisi.", "nama is required.")
	}
	for _, l := range csvLimits {
		if utf8.RuneCountInString(row.get(l.col)) > l.max {
			e.add(l.col, "too_long", fmt.Sprintf("%s lebih dari %d karakter.", l.col, l.max),
				fmt.Sprintf("%s is longer than %d characters.", l.col, l.max))
		}
	}
	if em := row.get("email"); em != "" && (!strings.Contains(em, "@") || strings.ContainsAny(em, " ,;")) {
		e.add("email", "email_invalid", fmt.Sprintf("Email %q tidak valid.", em), fmt.Sprintf("Email %q is invalid.", em))
	}
	if !teleponPattern.MatchString(row.get("telepon")) {
		e.add("telepon", "telepon_invalid", "Telepon hanya boleh berisi angka, spasi, +, - dan tanda kurung.",
			"telepon may contain only digits, spaces, +, - and parentheses.")
	}
	bank, nomor := row.get("nama_bank"), row.get("nomor_rekening")
	if (bank == "") != (nomor == "") {
		e.add("nomor_rekening", "rekening_incomplete", "Nama bank dan nomor rekening harus diisi bersama.",
			"nama_bank and nomor_rekening must be given together.")
	} else if nomor != "" && !rekeningPattern.MatchString(nomor) {
		e.add("nomor_rekening", "rekening_invalid", "Nomor rekening harus 5–34 angka atau tanda -.",
			"nomor_rekening must be 5–34 digits or dashes.")
	}
	tmt, tmtOK := e.date(row, "tmt", true)
	if tmtOK && nipOK {
		e.merge(domain.ValidateTMT("tmt", info.BirthDate, tmt))
	}
	golongan := row.get("golongan")
	if jenisOK {
		e.merge(domain.ValidGolongan(jenis, golongan))
	}
	status := domain.StatusKepegawaian(row.get("status"))
	if status != "" {
		e.merge(domain.ValidStatus("status", string(status)))
	}
	mulai, mulaiSet := e.date(row, "berlaku_mulai", false)
	kode := row.get("kode_jabatan")
	j, found := st.byKode[strings.ToLower(kode)]
	switch {
	case kode == "":
		e.add("kode_jabatan", "required", "kode_jabatan wajib diisi.", "kode_jabatan is required.")
	case !found:
		e.add("kode_jabatan", "jabatan_not_found", fmt.Sprintf("Jabatan berkode %q tidak ada di instansi ini.", kode),
			fmt.Sprintf("No position with code %q exists in this instansi.", kode))
	case !pegCoversUnit(a, j.UnitPath):
		e.add("kode_jabatan", "outside_unit", fmt.Sprintf("Jabatan %q berada di luar unit kerja yang Anda kelola.", kode),
			fmt.Sprintf("Position %q is outside the unit you administer.", kode))
	}
	if len(e.list) > 0 {
		return
	}
	var rekening *domain.Rekening
	if nomor != "" {
		rekening = &domain.Rekening{NamaBank: bank, Nomor: nomor}
	}
	old, known := st.byNIP[nip]
	if !known {
		if !mulaiSet {
			mulai = tmt
		}
		if mulai.Before(tmt) {
			e.add("berlaku_mulai", "berlaku_before_tmt", "Berlaku mulai tidak boleh sebelum TMT.", "berlaku_mulai must not be before the TMT.")
			return
		}
		if status == "" {
			status = domain.StatusAktif
		}
		p := domain.Pegawai{ID: newID(), InstansiID: st.instansiID, NIP: nip, Nama: nama, GelarDepan: row.get("gelar_depan"),
			GelarBelakang: row.get("gelar_belakang"), JenisASN: jenis, JenisKelamin: domain.JenisKelaminOf(info),
			TanggalLahir: info.BirthDate, TMT: tmt, Email: row.get("email"), Telepon: row.get("telepon"), Rekening: rekening,
			Version: 1, CreatedAt: st.now, UpdatedAt: st.now}
		plan.create = append(plan.create, p)
		plan.riwayat = append(plan.riwayat, pegRiwayatAt(p, j, "PENGANGKATAN", mulai, golongan, status, st.now))
		plan.report.Dibuat++
		return
	}
	if !mulaiSet {
		mulai = st.today
	}
	if mulai.Before(old.TMT) {
		e.add("berlaku_mulai", "berlaku_before_tmt",
			fmt.Sprintf("Berlaku mulai tidak boleh sebelum TMT (%s).", old.TMT.Format(time.DateOnly)),
			fmt.Sprintf("berlaku_mulai must not be before the TMT (%s).", old.TMT.Format(time.DateOnly)))
		return
	}
	h := st.history[old.ID]
	cur, ok := domain.InForce(h, mulai)
	if !ok {
		e.add("berlaku_mulai", "berlaku_before_first", "Berlaku mulai lebih awal dari riwayat pertama pegawai ini.",
			"berlaku_mulai is earlier than this employee's first history entry.")
		return
	}
	if !pegWritesAll(a) && !a.CoversUnit(st.byID[cur.JabatanID].UnitPath) {
		e.add("nip", "outside_unit", "Pegawai ini berada di luar unit kerja yang Anda kelola.",
			"This employee is outside the unit you administer.")
		return
	}
	if status == "" {
		status = cur.Status
	}
	want := pegRiwayatAt(old, j, "", mulai, golongan, status, st.now)
	jenisR, changed := domain.JenisPerubahan(cur, want)
	if changed && cur.BerlakuMulai.Equal(mulai) {
		e.add("berlaku_mulai", "riwayat_date_taken",
			fmt.Sprintf("Sudah ada riwayat yang berlaku mulai %s; gunakan tanggal lain.", mulai.Format(time.DateOnly)),
			fmt.Sprintf("A history entry effective %s already exists; use another date.", mulai.Format(time.DateOnly)))
		return
	}
	upd := old
	upd.Nama, upd.JenisASN = nama, jenis
	if row.has("gelar_depan") {
		upd.GelarDepan = row.get("gelar_depan")
	}
	if row.has("gelar_belakang") {
		upd.GelarBelakang = row.get("gelar_belakang")
	}
	if row.has("email") {
		upd.Email = row.get("email")
	}
	if row.has("telepon") {
		upd.Telepon = row.get("telepon")
	}
	if row.has("nama_bank") || row.has("nomor_rekening") {
		if rekening != nil && old.Rekening != nil {
			rekening.AtasNama = old.Rekening.AtasNama
		}
		upd.Rekening = rekening
	}
	identityChanged := upd.Nama != old.Nama || upd.JenisASN != old.JenisASN || upd.GelarDepan != old.GelarDepan ||
		upd.GelarBelakang != old.GelarBelakang || upd.Email != old.Email || upd.Telepon != old.Telepon ||
		!sameRekening(upd.Rekening, old.Rekening)
	if identityChanged {
		upd.UpdatedAt = st.now
		plan.update = append(plan.update, upd)
	}
	if changed {
		want.Jenis = jenisR
		plan.riwayat = append(plan.riwayat, want)
	}
	if identityChanged || changed {
		plan.report.Diubah++
	} else {
		plan.report.Tetap++
	}
}

func sameRekening(a, b *domain.Rekening) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// Export writes the employees as of asOf (default today) as CSV with the import's
// columns, so that re-importing the file changes nothing, and returns the date used.
func (s *Pegawai) Export(ctx context.Context, asOf *time.Time, unitKerjaID string) ([]byte, time.Time, error) {
	a, id, today, err := s.scope(ctx)
	if err != nil {
		return nil, time.Time{}, err
	}
	f := domain.PegawaiFilter{UnitKerjaID: unitKerjaID}
	if err := pegListScope(a, &f); err != nil {
		return nil, time.Time{}, err
	}
	day := pegDateOr(asOf, today)
	f.InstansiID, f.AsOf = id, day
	items, _, err := s.Store.ListPegawaiView(ctx, f)
	if err != nil {
		return nil, time.Time{}, err
	}
	nodes, err := s.Store.PegawaiJabatanNodes(ctx, id)
	if err != nil {
		return nil, time.Time{}, err
	}
	kode := make(map[string]string, len(nodes))
	for _, n := range nodes {
		kode[n.ID] = n.Kode
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(CSVColumns); err != nil {
		return nil, time.Time{}, fmt.Errorf("write csv: %w", err)
	}
	for _, v := range items {
		bank, nomor := "", ""
		if v.Rekening != nil {
			bank, nomor = v.Rekening.NamaBank, v.Rekening.Nomor
		}
		rec := []string{v.NIP, v.Nama, v.GelarDepan, v.GelarBelakang, string(v.JenisASN), v.TMT.Format(time.DateOnly),
			v.Golongan, kode[v.JabatanID], string(v.Status), v.BerlakuMulai.Format(time.DateOnly), v.Email, v.Telepon, bank, nomor}
		if err := w.Write(rec); err != nil {
			return nil, time.Time{}, fmt.Errorf("write csv: %w", err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, time.Time{}, fmt.Errorf("write csv: %w", err)
	}
	return buf.Bytes(), day, nil
}
