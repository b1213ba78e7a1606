package api_test

import (
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
