package api_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// A malformed email is refused at the edge, naming the field.
func TestEmailFormatNamed(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tok := s.Login(w.A.Admin, apptest.Password)
		p := s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pegawai/" + w.A.Staf.NIP, Token: tok,
			Body: map[string]any{"email": "bukan-email"}}).Expect(t, 400).Problem(t)
		if !p.HasField("email") {
			t.Fatalf("email not named: %+v", p)
		}
		s.Do(apptest.Req{Method: "PATCH", Path: "/api/v1/pegawai/" + w.A.Staf.NIP, Token: tok,
			Body: map[string]any{"email": "staf@kota-a.go.id"}}).Expect(t, 200)
	})
}

// A path parameter is validated as the client meant it: percent-encoded, a NIP is
// the same NIP (the validator unescapes what Echo's router leaves escaped), and an
// encoded character the pattern refuses (a NUL too, in the path or the query) is a
// 400 naming the parameter, not a 5xx or a miss.
func TestPathParameterEncoded(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		tok := s.Login(w.A.Admin, apptest.Password)
		var encoded strings.Builder
		for _, c := range []byte(w.A.Staf.NIP) {
			fmt.Fprintf(&encoded, "%%%02X", c)
		}
		got := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + encoded.String(), Token: tok}).Expect(t, 200).Map(t)
		if got["nip"] != w.A.Staf.NIP {
			t.Fatalf("encoded NIP read %v, want %s", got["nip"], w.A.Staf.NIP)
		}
		for _, bad := range []string{"%00" + w.A.Staf.NIP[1:], "%41" + w.A.Staf.NIP[1:], w.A.Staf.NIP[:17] + "%2F"} {
			p := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai/" + bad, Token: tok}).Expect(t, 400).Problem(t)
			if !p.HasField("nip") {
				t.Errorf("%s: nip not named: %+v", bad, p)
			}
		}
		p := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai?page=1&page_size=5%00", Token: tok}).Expect(t, 400).Problem(t)
		if !p.HasField("page_size") {
			t.Errorf("a NUL in a query parameter: page_size not named: %+v", p)
		}
	})
}
