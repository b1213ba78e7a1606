package jsondate_test

import (
	"encoding/json"
	"testing"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/kinerja-id/kinerja/api/jsondate"
)

// TestSamaDenganTypesDate: Date reads and writes JSON, and binds parameters, exactly
// as the oapi-codegen type it replaces did, so no client sees the change.
func TestSamaDenganTypesDate(t *testing.T) {
	type wadah[D any] struct {
		D   D  `json:"d"`
		P   *D `json:"p,omitempty"`
		Isi []D
	}
	for _, day := range []time.Time{
		time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 7, 23, 59, 0, 0, time.FixedZone("WIT", 9*3600)), // the date as written, not UTC's
		time.Date(999, 1, 2, 0, 0, 0, 0, time.UTC),
		{},
	} {
		n, o := jsondate.Date{Time: day}, openapi_types.Date{Time: day}
		got, err := json.Marshal(wadah[jsondate.Date]{D: n, P: &n, Isi: []jsondate.Date{n, n}})
		if err != nil {
			t.Fatal(err)
		}
		want, err := json.Marshal(wadah[openapi_types.Date]{D: o, P: &o, Isi: []openapi_types.Date{o, o}})
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%v: wrote %s, types.Date writes %s", day, got, want)
		}
		if n.String() != o.String() {
			t.Errorf("%v: String %q, types.Date %q", day, n.String(), o.String())
		}
	}

	for _, in := range []string{`"2026-02-28"`, `"2026-02-29"`, `"2026-2-1"`, `"2026-02-28T00:00:00Z"`, `""`, `20260228`, `null`, `"\u0032026-02-28"`} {
		var n jsondate.Date
		var o openapi_types.Date
		errN, errO := json.Unmarshal([]byte(in), &n), json.Unmarshal([]byte(in), &o)
		if (errN == nil) != (errO == nil) || !n.Equal(o.Time) {
			t.Errorf("%s: read %v (%v), types.Date reads %v (%v)", in, n, errN, o, errO)
		}
	}

	for _, in := range []string{"2026-12-07", "", "07-12-2026"} {
		var n jsondate.Date
		var o openapi_types.Date
		errN, errO := n.Bind(in), o.Bind(in)
		if (errN == nil) != (errO == nil) || !n.Equal(o.Time) {
			t.Errorf("bind %q: %v (%v), types.Date %v (%v)", in, n, errN, o, errO)
		}
	}
}
