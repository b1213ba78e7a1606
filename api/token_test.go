package api_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/kinerja-id/kinerja/cmd/kinerja/app"
	"github.com/kinerja-id/kinerja/cmd/kinerja/app/apptest"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// These complete TestAuthTokens (auth_test.go), which already refuses alg none, HS512,
// a wrong key, expired, no exp, no iat, a wrong audience or issuer, use=refresh, an
// unknown kind and an unknown subject, and TestAuthRefresh, which already proves that a
// reused refresh token revokes its family, the token issued by the first use included.

// tokExpect401 fails unless r is a 401 problem with one of the codes (by default those
// of a refused access token) that tells nothing of the jwt library's reason.
func tokExpect401(t *testing.T, name string, r *apptest.Response, codes ...string) {
	t.Helper()
	if r.Status != http.StatusUnauthorized {
		t.Errorf("%s: status %d, want 401: %s", name, r.Status, r.Body)
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		t.Errorf("%s: content type %q", name, ct)
	}
	p := r.Problem(t)
	if len(codes) == 0 {
		codes = []string{"invalid_token", "unauthenticated"}
	}
	if p.Status != http.StatusUnauthorized || p.Title == "" || p.Detail == "" || p.RequestID == "" || !slices.Contains(codes, p.Code) {
		t.Errorf("%s: problem %+v, want code %v", name, p, codes)
	}
	// the reason stays server-side: no jwt error text, so a forger learns nothing
	for _, leak := range []string{"signing method", "signature is", "token is", "token has", "is required", "malformed", "claim", "jwt"} {
		if strings.Contains(strings.ToLower(string(r.Body)), leak) {
			t.Errorf("%s: the problem tells %q: %s", name, leak, r.Body)
		}
	}
}

func TestTokenRejections(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		pair := login(t, s, w.A.Admin, apptest.Password)
		adminID := me(t, s, pair.AccessToken).Pengguna.ID
		staf := login(t, s, w.A.Staf.NIP, apptest.Password)
		now := time.Now()
		claims := func(mut func(jwt.MapClaims)) jwt.MapClaims {
			c := jwt.MapClaims{"sub": adminID, "knd": "user", "use": "access", "iss": "kinerja", "aud": []string{"kinerja-api"},
				"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(10 * time.Minute).Unix(), "jti": "uji"}
			if mut != nil {
				mut(c)
			}
			return c
		}
		sign := func(tok *jwt.Token, key any) string {
			t.Helper()
			raw, err := tok.SignedString(key)
			if err != nil {
				t.Fatal(err)
			}
			return raw
		}
		hs := func(c jwt.MapClaims) string {
			return sign(jwt.NewWithClaims(jwt.SigningMethodHS256, c), apptest.Secret)
		}
		rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			t.Fatal(err)
		}
		ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		attacker := []byte("attacker-secret-attacker-secret-0123456789")
		// a token that names its own key: the server must take the key from its config
		withJWK := jwt.NewWithClaims(jwt.SigningMethodHS256, claims(nil))
		withJWK.Header["jwk"] = map[string]any{"kty": "oct", "k": base64.RawURLEncoding.EncodeToString(attacker)}
		withJWK.Header["jku"] = "https://penyerang.example/jwks.json"
		withJWK.Header["kid"] = "penyerang"
		// a valid token whose payload is swapped for Staf's, keeping the admin's signature
		good := strings.Split(hs(claims(nil)), ".")
		stafPayload := strings.Split(hs(claims(func(c jwt.MapClaims) { c["sub"] = me(t, s, staf.AccessToken).Pengguna.ID })), ".")[1]
		b64 := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
		payload := b64(`{"sub":"` + adminID + `","knd":"user","use":"access","iss":"kinerja","aud":["kinerja-api"],"iat":` +
			strconv.FormatInt(now.Unix(), 10) + `,"exp":` + strconv.FormatInt(now.Add(time.Hour).Unix(), 10) + `}`)

		// the control: a token built like the ones below, unchanged, is accepted, and the
		// Bearer scheme is case-insensitive (RFC 7235 §2.1)
		s.Do(apptest.Req{Method: "GET", Path: "/api/v1/me", Header: map[string]string{"Authorization": "bearer " + hs(claims(nil))}}).Expect(t, 200)

		cases := map[string]string{
			"RS256 (asymmetric, HS256 pinned)": sign(jwt.NewWithClaims(jwt.SigningMethodRS256, claims(nil)), rsaKey),
			"ES256":                            sign(jwt.NewWithClaims(jwt.SigningMethodES256, claims(nil)), ecKey),
			"HS384":                            sign(jwt.NewWithClaims(jwt.SigningMethodHS384, claims(nil)), apptest.Secret),
			"alg NONE (upper case)":            b64(`{"alg":"NONE","typ":"JWT"}`) + "." + payload + ".",
			"alg none, signature kept":         b64(`{"alg":"none","typ":"JWT"}`) + "." + good[1] + "." + good[2],
			"signature stripped":               good[0] + "." + good[1] + ".",
			"payload swapped":                  good[0] + "." + stafPayload + "." + good[2],
			"own key in jwk/jku/kid":           sign(withJWK, attacker),
			"not yet valid (nbf)":              hs(claims(func(c jwt.MapClaims) { c["nbf"] = now.Add(time.Hour).Unix() })),
			"issued in the future (iat)":       hs(claims(func(c jwt.MapClaims) { c["iat"] = now.Add(time.Hour).Unix() })),
			"no subject":                       hs(claims(func(c jwt.MapClaims) { delete(c, "sub") })),
			"no use":                           hs(claims(func(c jwt.MapClaims) { delete(c, "use") })),
			"a user as an API client":          hs(claims(func(c jwt.MapClaims) { c["knd"] = "client" })),
			"the refresh token itself":         pair.RefreshToken,
			"garbage":                          "bukan.sebuah.token",
			"two dots only":                    "..",
		}
		for name, tok := range cases {
			tokExpect401(t, name, s.Do(apptest.Req{Method: "GET", Path: "/api/v1/me", Token: tok}))
		}

		// how the token is carried
		carried := map[string]map[string]string{
			"no header":         nil,
			"empty bearer":      {"Authorization": "Bearer "},
			"no scheme":         {"Authorization": pair.AccessToken},
			"Basic scheme":      {"Authorization": "Basic " + base64.StdEncoding.EncodeToString([]byte(w.A.Admin+":"+apptest.Password))},
			"Token scheme":      {"Authorization": "Token " + pair.AccessToken},
			"cookie, no header": {"Cookie": "access_token=" + pair.AccessToken},
		}
		for name, h := range carried {
			tokExpect401(t, name, s.Do(apptest.Req{Method: "GET", Path: "/api/v1/me", Header: h}))
		}
		tokExpect401(t, "in the query string", s.Do(apptest.Req{Method: "GET", Path: "/api/v1/me?access_token=" + pair.AccessToken}))
	})
}

// TestTokenLifetime lets the server's own clock run out the tokens it issued.
func TestTokenLifetime(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		var mu sync.Mutex
		clock := time.Now()
		now := func() time.Time {
			mu.Lock()
			defer mu.Unlock()
			return clock
		}
		advance := func(d time.Duration) {
			mu.Lock()
			defer mu.Unlock()
			clock = clock.Add(d)
		}
		s := apptest.New(t, db, func(o *app.Options) { o.Now = now })
		w := s.NewWorld()
		pair := login(t, s, w.A.Admin, apptest.Password)
		me(t, s, pair.AccessToken)

		// the access token lives 15 minutes (5 seconds of leeway), the refresh token a day;
		// its first use left it among the tokens the process has verified
		// (service.tokenTerbaca), whose exp is checked on every use all the same
		advance(15*time.Minute - time.Second)
		me(t, s, pair.AccessToken)
		advance(10 * time.Second)
		tokExpect401(t, "an access token past its exp", s.Do(apptest.Req{Method: "GET", Path: "/api/v1/me", Token: pair.AccessToken}))
		var next tokenPair
		refresh(s, pair.RefreshToken).Expect(t, 200).JSON(t, &next)
		me(t, s, next.AccessToken)
		advance(24*time.Hour + time.Second)
		tokExpect401(t, "a refresh token past its lifetime", refresh(s, next.RefreshToken), "invalid_refresh_token")
	})
}

// TestRefreshReuseConcurrent sends one refresh token four times at once: exactly one
// rotation succeeds, and the reuse revokes the family, the winner's new token included.
func TestRefreshReuseConcurrent(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		w := s.NewWorld()
		pair := login(t, s, w.A.Admin, apptest.Password)
		out := make([]*apptest.Response, 4)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range out {
			wg.Go(func() {
				<-start
				out[i] = refresh(s, pair.RefreshToken)
			})
		}
		close(start)
		wg.Wait()
		var won []tokenPair
		for _, r := range out {
			switch r.Status {
			case http.StatusOK:
				var p tokenPair
				r.JSON(t, &p)
				won = append(won, p)
			default:
				tokExpect401(t, "a concurrent reuse", r, "invalid_refresh_token")
			}
		}
		if len(won) != 1 {
			t.Fatalf("%d rotations succeeded, want exactly one", len(won))
		}
		tokExpect401(t, "the winner's refresh token after the reuse", refresh(s, won[0].RefreshToken), "invalid_refresh_token")
		// another session of the same account is another family, unaffected
		other := login(t, s, w.A.Admin, apptest.Password)
		refresh(s, other.RefreshToken).Expect(t, 200)
	})
}

// TestWWWAuthenticate: a 401 names the scheme the API takes (RFC 6750 §3).
func TestWWWAuthenticate(t *testing.T) {
	repotest.ForEach(t, func(t *testing.T, db *repository.DB) {
		s := apptest.New(t, db)
		r := s.Do(apptest.Req{Method: "GET", Path: "/api/v1/pegawai"}).Expect(t, 401)
		if got := r.Header.Get("WWW-Authenticate"); got != `Bearer realm="kinerja"` {
			t.Fatalf("WWW-Authenticate %q", got)
		}
	})
}
