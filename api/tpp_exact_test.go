package api_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// TestProfilAngkaTepat: numbers in a rule profile reach the validator as written, not
// through float64, which would turn 60.0000000000000000001 into an acceptable 60.
func TestProfilAngkaTepat(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		p, _ := domain.PresetTPP("KEPMENDAGRI_60_40")
		raw, err := p.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		body := strings.Replace(string(raw), `"produktivitas":60`, `"produktivitas":60.0000000000000000001`, 1)
		if body == string(raw) {
			t.Fatal("fixture: weight not found")
		}
		tok := s.Login(w.A.Admin, apptest.Password)
		r := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/aturan-tpp/validasi", Token: tok,
			Body: `{"profil":` + body + `}`, Type: "application/json"}).Expect(t, 200).Map(t)
		if r["valid"] != false || !strings.Contains(fmt.Sprint(r["errors"]), "bobot") {
			t.Fatalf("validation %v", r)
		}
	})
}
