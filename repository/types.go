package repository

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"time"
)

// sqlDate stores a calendar date as 'YYYY-MM-DD' on both engines (a date column on
// PostgreSQL, text on SQLite) and reads it back as midnight UTC.
type sqlDate struct{ time.Time }

func newDate(t time.Time) sqlDate { return sqlDate{t} }

// Value implements driver.Valuer.
func (d sqlDate) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.UTC().Format(time.DateOnly), nil
}

// Scan implements sql.Scanner.
func (d *sqlDate) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		d.Time = time.Time{}
		return nil
	case time.Time:
		y, m, dd := x.Date()
		d.Time = time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
		return nil
	case string:
		return d.parse(x)
	case []byte:
		return d.parse(string(x))
	}
	return fmt.Errorf("sqlDate: cannot scan %T", v)
}

func (d *sqlDate) parse(s string) error {
	if len(s) >= 10 {
		s = s[:10]
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("sqlDate: %w", err)
	}
	d.Time = t
	return nil
}

// nullDate is an optional date.
type nullDate struct {
	sqlDate
	Valid bool
}

func newNullDate(t *time.Time) nullDate {
	if t == nil {
		return nullDate{}
	}
	return nullDate{sqlDate{*t}, true}
}

// Value implements driver.Valuer.
func (d nullDate) Value() (driver.Value, error) {
	if !d.Valid {
		return nil, nil
	}
	return d.sqlDate.Value()
}

// Scan implements sql.Scanner.
func (d *nullDate) Scan(v any) error {
	if v == nil {
		*d = nullDate{}
		return nil
	}
	d.Valid = true
	return d.sqlDate.Scan(v)
}

func (d nullDate) ptr() *time.Time {
	if !d.Valid {
		return nil
	}
	t := d.Time
	return &t
}

// nullString maps "" to NULL (for optional uuid references).
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// likePattern builds a case-insensitive substring pattern for "lower(col) LIKE ?",
// escaping the LIKE wildcards in the user's text.
func likePattern(q string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.ToLower(q)) + "%"
}

// likeEscape is the ESCAPE clause that goes with likePattern.
const likeEscape = ` ESCAPE '\'`

// utc normalises a stored instant.
func utc(t time.Time) time.Time { return t.UTC() }
