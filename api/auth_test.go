package api_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app"
	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

type tokenPair struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
}

func login(t *testing.T, s *apptest.Server, username, password string) tokenPair {
	t.Helper()
	var tp tokenPair
	s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/login", Body: map[string]string{"username": username, "password": password}}).
		Expect(t, http.StatusOK).JSON(t, &tp)
	return tp
}

func refresh(s *apptest.Server, token string) *apptest.Response {
	return s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/refresh", Body: map[string]string{"refresh_token": token}})
}

func TestAuthLogin(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()

		// by username (any case) and by NIP
		if m := me(t, s, login(t, s, "ADMIN.A", apptest.Password).AccessToken); m.Pengguna.Username != w.A.Admin {
			t.Fatalf("login by username: %+v", m)
		}
		if m := me(t, s, login(t, s, w.A.Kabid.NIP, apptest.Password).AccessToken); m.Pegawai == nil || m.Pegawai.ID != w.A.Kabid.ID {
			t.Fatalf("login by NIP: %+v", m)
		}
		// a wrong password and an unknown account answer alike
		wrong := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/login", Body: map[string]string{"username": w.A.Admin, "password": "salah-salah-salah"}}).Expect(t, 401).Problem(t)
		unknown := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/login", Body: map[string]string{"username": "tidak.ada", "password": "salah-salah-salah"}}).Expect(t, 401).Problem(t)
		if wrong.Code != unknown.Code || wrong.Detail != unknown.Detail || wrong.Title != unknown.Title {
			t.Fatalf("wrong password %+v vs unknown account %+v", wrong, unknown)
		}
	})
}

func TestAuthRefresh(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()

		// rotation: the new pair works, the old refresh token is spent
		first := login(t, s, w.A.Admin, apptest.Password)
		var second tokenPair
		refresh(s, first.RefreshToken).Expect(t, 200).JSON(t, &second)
		if second.RefreshToken == first.RefreshToken {
			t.Fatal("refresh token not rotated")
		}
		me(t, s, second.AccessToken)
		// reuse of the spent token revokes the whole family, the new token included
		refresh(s, first.RefreshToken).Expect(t, 401)
		refresh(s, second.RefreshToken).Expect(t, 401)
		refresh(s, "bukan-token").Expect(t, 401)

		// logout revokes the family
		tp := login(t, s, w.A.Admin, apptest.Password)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/logout", Body: map[string]string{"refresh_token": tp.RefreshToken}}).Expect(t, 204)
		refresh(s, tp.RefreshToken).Expect(t, 401)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/logout", Body: map[string]string{"refresh_token": tp.RefreshToken}}).Expect(t, 204)

		// changing one's password revokes every refresh token and needs the old one
		a := login(t, s, w.A.Keuangan, apptest.Password)
		b := login(t, s, w.A.Keuangan, apptest.Password)
		p := s.Do(apptest.Req{Method: "POST", Path: "/api/v1/me/password", Token: a.AccessToken,
			Body: map[string]string{"password_lama": "salah-salah-salah", "password_baru": "kata-sandi-baru-9"}}).Expect(t, 400).Problem(t)
		if !p.HasField("password_lama") {
			t.Fatalf("problem does not name password_lama: %+v", p)
		}
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/me/password", Token: a.AccessToken,
			Body: map[string]string{"password_lama": apptest.Password, "password_baru": "kata-sandi-baru-9"}}).Expect(t, 204)
		refresh(s, a.RefreshToken).Expect(t, 401)
		refresh(s, b.RefreshToken).Expect(t, 401)
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/login", Body: map[string]string{"username": w.A.Keuangan, "password": apptest.Password}}).Expect(t, 401)
		login(t, s, w.A.Keuangan, "kata-sandi-baru-9")
	})
}

func TestAuthTokens(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		adminID := me(t, s, s.Login(w.A.Admin, apptest.Password)).Pengguna.ID
		now := time.Now()
		claims := func(mut func(jwt.MapClaims)) jwt.MapClaims {
			c := jwt.MapClaims{"sub": adminID, "knd": "user", "use": "access", "iss": "kinerja", "aud": []string{"kinerja-api"},
				"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(10 * time.Minute).Unix(), "jti": "uji"}
			if mut != nil {
				mut(c)
			}
			return c
		}
		sign := func(m jwt.SigningMethod, key any, c jwt.MapClaims) string {
			t.Helper()
			tok, err := jwt.NewWithClaims(m, c).SignedString(key)
			if err != nil {
				t.Fatal(err)
			}
			return tok
		}
		get := func(tok string) *apptest.Response {
			return s.Do(apptest.Req{Method: "GET", Path: "/api/v1/me", Token: tok})
		}

		// the harness token is accepted, so the refusals below are about the one change each makes
		get(sign(jwt.SigningMethodHS256, apptest.Secret, claims(nil))).Expect(t, 200)
		cases := map[string]string{
			"alg none":     sign(jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, claims(nil)),
			"HS512":        sign(jwt.SigningMethodHS512, apptest.Secret, claims(nil)),
			"wrong key":    sign(jwt.SigningMethodHS256, []byte("another-secret-another-secret-0123456789"), claims(nil)),
			"expired":      sign(jwt.SigningMethodHS256, apptest.Secret, claims(func(c jwt.MapClaims) { c["exp"] = now.Add(-time.Hour).Unix() })),
			"no exp":       sign(jwt.SigningMethodHS256, apptest.Secret, claims(func(c jwt.MapClaims) { delete(c, "exp") })),
			"no iat":       sign(jwt.SigningMethodHS256, apptest.Secret, claims(func(c jwt.MapClaims) { delete(c, "iat") })),
			"wrong aud":    sign(jwt.SigningMethodHS256, apptest.Secret, claims(func(c jwt.MapClaims) { c["aud"] = []string{"lain"} })),
			"wrong iss":    sign(jwt.SigningMethodHS256, apptest.Secret, claims(func(c jwt.MapClaims) { c["iss"] = "lain" })),
			"not access":   sign(jwt.SigningMethodHS256, apptest.Secret, claims(func(c jwt.MapClaims) { c["use"] = "refresh" })),
			"unknown kind": sign(jwt.SigningMethodHS256, apptest.Secret, claims(func(c jwt.MapClaims) { c["knd"] = "root" })),
			"unknown sub":  sign(jwt.SigningMethodHS256, apptest.Secret, claims(func(c jwt.MapClaims) { c["sub"] = "01900000-0000-7000-8000-000000000000" })),
		}
		for name, tok := range cases {
			if r := get(tok); r.Status != http.StatusUnauthorized {
				t.Errorf("%s: status %d, want 401", name, r.Status)
			}
		}
	})
}

func TestAuthRateLimit(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db, func(o *app.Options) {
			o.Auth.LoginFailuresPerAccount = 3
			o.Auth.LoginAccountEvery = time.Hour
		})
		w := s.NewWorld()
		bad := map[string]string{"username": w.A.Admin, "password": "salah-salah-salah"}
		for i := 0; i < 3; i++ {
			s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/login", Body: bad}).Expect(t, 401)
		}
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/login", Body: bad}).Expect(t, 429)
		// even the right password waits: the account is locked for now
		s.Do(apptest.Req{Method: "POST", Path: "/api/v1/auth/login", Body: map[string]string{"username": w.A.Admin, "password": apptest.Password}}).Expect(t, 429)
		// other accounts are unaffected
		login(t, s, w.A.Audit, apptest.Password)
	})
}
