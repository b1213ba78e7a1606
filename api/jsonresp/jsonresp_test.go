package jsonresp

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// The body is what encoding/json's Encoder writes, sent with its length, and a
// buffer grown past keepMax is not kept for the next response.
func TestEncodeSend(t *testing.T) {
	type row struct {
		Nama string  `json:"nama"`
		Opsi *string `json:"opsi,omitempty"`
		N    int64   `json:"n"`
	}
	for _, v := range []any{
		map[string]any{"items": []row{{Nama: "<b>Sri & Co</b>\u2028", N: 1 << 62}, {Nama: "\xff"}}, "total": 2},
		[]row{},
		strings.Repeat("x", keepMax+1),
	} {
		var want bytes.Buffer
		if err := json.NewEncoder(&want).Encode(v); err != nil {
			t.Fatal(err)
		}
		buf, err := Encode(v)
		if err != nil {
			t.Fatal(err)
		}
		big := buf.Cap() > keepMax
		w := httptest.NewRecorder()
		w.Header().Set("Content-Type", "application/json")
		if err := Send(w, 201, buf); err != nil {
			t.Fatal(err)
		}
		if w.Code != 201 || !bytes.Equal(w.Body.Bytes(), want.Bytes()) {
			t.Fatalf("status %d, body %q, want 201 and %q", w.Code, w.Body.Bytes(), want.Bytes())
		}
		if got := w.Header().Get("Content-Length"); got != strconv.Itoa(want.Len()) {
			t.Errorf("Content-Length %q, want %d", got, want.Len())
		}
		if next, _ := Encode(1); big && next == buf {
			t.Error("a buffer larger than keepMax went back to the pool")
		}
	}
}

// A value encoding/json refuses is its error, and the buffer goes back unused.
func TestEncodeError(t *testing.T) {
	if _, err := Encode(map[string]any{"f": func() {}}); err == nil {
		t.Fatal("no error for a func value")
	}
}
