// Package jsondate is the Go type of the spec's `format: date` strings, a calendar
// date written YYYY-MM-DD (mapped in api/apigen/config.yaml). It replaces
// oapi-codegen's types.Date, whose MarshalJSON runs a whole json.Marshal for every
// date: the admin's page of 50 pegawai writes 150 of them, and they were a tenth of
// the cost of encoding it (docs/reliability.md section 6). Date writes its bytes
// directly, and otherwise behaves as types.Date does (jsondate_test.go).
package jsondate

import (
	"encoding/json"
	"time"
)

// Date is a calendar date; its time of day is midnight UTC when parsed.
type Date struct {
	time.Time
}

// String is the date as YYYY-MM-DD.
func (d Date) String() string { return d.Format(time.DateOnly) }

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) {
	return d.AppendFormat(make([]byte, 0, len(time.DateOnly)), time.DateOnly), nil
}

// MarshalJSON writes "YYYY-MM-DD". It must be declared: the embedded time.Time's
// would write a timestamp.
func (d Date) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, len(time.DateOnly)+2)
	b = append(b, '"')
	b = d.AppendFormat(b, time.DateOnly)
	return append(b, '"'), nil
}

// UnmarshalJSON reads a JSON string holding YYYY-MM-DD; null and anything else are
// errors.
func (d *Date) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	return d.UnmarshalText([]byte(s))
}

// UnmarshalText reads YYYY-MM-DD.
func (d *Date) UnmarshalText(data []byte) error {
	t, err := time.Parse(time.DateOnly, string(data))
	if err != nil {
		return err
	}
	d.Time = t
	return nil
}

// Bind reads a path or query parameter (the oapi-codegen runtime's Binder): an empty
// one leaves d as it is, as types.Date does.
func (d *Date) Bind(src string) error {
	if src == "" {
		return nil
	}
	return d.UnmarshalText([]byte(src))
}
