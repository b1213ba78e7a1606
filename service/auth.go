package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"

	"github.com/kinerja-id/kinerja/domain"
)

// AuthStore is the storage Auth needs.
type AuthStore interface {
	PenggunaByLogin(ctx context.Context, login string) (domain.Pengguna, error)
	GetPengguna(ctx context.Context, id string) (domain.Pengguna, error)
	TouchLogin(ctx context.Context, id string, at time.Time) error
	SetPasswordHash(ctx context.Context, id, hash string, at time.Time) error
	CreateRefreshToken(ctx context.Context, t domain.RefreshToken) error
	RefreshTokenByHash(ctx context.Context, hash string) (domain.RefreshToken, error)
	// MarkRefreshUsed sets used_at if it is still unset and reports whether it did.
	MarkRefreshUsed(ctx context.Context, id string, at time.Time) (bool, error)
	RevokeRefreshFamily(ctx context.Context, familyID string, at time.Time) error
	RevokeRefreshOfPengguna(ctx context.Context, penggunaID string, at time.Time) error
	KlienByClientID(ctx context.Context, clientID string) (domain.KlienAPI, error)
	GetKlienAPI(ctx context.Context, instansiID, id string) (domain.KlienAPI, error)
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
}

// AuthConfig sets token lifetimes, the signing key and the login limits.
type AuthConfig struct {
	Secret     []byte
	Issuer     string
	Audience   string
	AccessTTL  time.Duration
	RefreshTTL time.Duration
	Argon2     Argon2Params
	// LoginPerAddress limits login attempts from one address: a burst, refilled
	// one every LoginAddressEvery. LoginFailuresPerAccount limits failed attempts on
	// one account, refilled one every LoginAccountEvery.
	LoginPerAddress         int
	LoginAddressEvery       time.Duration
	LoginFailuresPerAccount int
	LoginAccountEvery       time.Duration
}

// Auth logs people and API clients in and turns access tokens back into actors.
type Auth struct {
	Base
	Store      AuthStore
	Cfg        AuthConfig
	byAddress  *limiter
	byAccount  *limiter
	dummyHash  string
	signMethod jwt.SigningMethod
	tokens     tokenTerbaca
}

// NewAuth builds the authentication use cases.
func NewAuth(b Base, store AuthStore, cfg AuthConfig) (*Auth, error) {
	if len(cfg.Secret) < 32 {
		return nil, errors.New("the JWT secret must be at least 32 bytes")
	}
	dummy, err := HashPassword(randomToken(16), cfg.Argon2)
	if err != nil {
		return nil, err
	}
	return &Auth{Base: b, Store: store, Cfg: cfg,
		byAddress:  newLimiter(cfg.LoginAddressEvery, cfg.LoginPerAddress),
		byAccount:  newLimiter(cfg.LoginAccountEvery, cfg.LoginFailuresPerAccount),
		dummyHash:  dummy,
		signMethod: jwt.SigningMethodHS256}, nil
}

// TokenPair is what a login or refresh returns.
type TokenPair struct {
	AccessToken  string
	AccessTTL    time.Duration
	RefreshToken string
	RefreshTTL   time.Duration
}

// claims are the access token's claims. Roles and scope are read fresh from the
// database on every request, so the token only names the subject and its kind.
type claims struct {
	jwt.RegisteredClaims
	Kind string `json:"knd"` // "user" or "client"
	Use  string `json:"use"` // always "access"; refresh tokens are opaque, not JWTs
}

var errBadLogin = domain.Unauthenticated("invalid_credentials",
	"Nama pengguna/NIP atau kata sandi salah.", "Wrong username/NIP or password.")

func tooMany() error {
	return &domain.Error{Kind: domain.KindRateLimited, Code: "too_many_attempts",
		Text: domain.Text{ID: "Terlalu banyak percobaan masuk; coba lagi beberapa menit lagi.",
			EN: "Too many login attempts; try again in a few minutes."}}
}

// Login checks a username or NIP and password. Failures look the same whether or
// not the account exists, and take the same time (a dummy hash is verified).
func (s *Auth) Login(ctx context.Context, login, password, address string) (TokenPair, error) {
	now := s.Now()
	login = strings.TrimSpace(login)
	account := strings.ToLower(login)
	if !s.byAddress.allow(address, now) || !s.byAccount.available(account, now) {
		return TokenPair{}, tooMany()
	}
	u, err := s.Store.PenggunaByLogin(ctx, login)
	found := err == nil
	if err != nil && !isNotFound(err) {
		return TokenPair{}, err
	}
	hash := s.dummyHash
	if found {
		hash = u.PasswordHash
	}
	ok, rehash, verr := VerifyPassword(password, hash, s.Cfg.Argon2)
	if verr != nil || !ok || !found || u.Nonaktif {
		s.byAccount.allow(account, now)
		return TokenPair{}, errBadLogin
	}
	var pair TokenPair
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		if rehash {
			h, err := HashPassword(password, s.Cfg.Argon2)
			if err != nil {
				return err
			}
			if err := s.Store.SetPasswordHash(ctx, u.ID, h, now); err != nil {
				return err
			}
		}
		if err := s.Store.TouchLogin(ctx, u.ID, now); err != nil {
			return err
		}
		pair, err = s.issuePair(ctx, u, newFamilyID(), now)
		if err != nil {
			return err
		}
		ctx = WithActor(ctx, domain.Actor{PenggunaID: u.ID, Name: u.Username, InstansiID: u.InstansiID})
		return s.record(ctx, u.InstansiID, "LOGIN", "pengguna", u.ID, nil, nil)
	})
	return pair, err
}

func newFamilyID() string { return uuid.NewString() }

func hashToken(t string) string {
	sum := sha256.Sum256([]byte(t))
	return hex.EncodeToString(sum[:])
}

func (s *Auth) issuePair(ctx context.Context, u domain.Pengguna, family string, now time.Time) (TokenPair, error) {
	access, err := s.sign(u.ID, "user", now)
	if err != nil {
		return TokenPair{}, err
	}
	refresh := randomToken(32)
	err = s.Store.CreateRefreshToken(ctx, domain.RefreshToken{PenggunaID: u.ID, FamilyID: family,
		TokenHash: hashToken(refresh), ExpiresAt: now.Add(s.Cfg.RefreshTTL), CreatedAt: now})
	if err != nil {
		return TokenPair{}, err
	}
	return TokenPair{AccessToken: access, AccessTTL: s.Cfg.AccessTTL, RefreshToken: refresh, RefreshTTL: s.Cfg.RefreshTTL}, nil
}

func (s *Auth) sign(subject, kind string, now time.Time) (string, error) {
	c := claims{RegisteredClaims: jwt.RegisteredClaims{
		Issuer: s.Cfg.Issuer, Subject: subject, Audience: jwt.ClaimStrings{s.Cfg.Audience},
		IssuedAt: jwt.NewNumericDate(now), NotBefore: jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(s.Cfg.AccessTTL)), ID: randomToken(12),
	}, Kind: kind, Use: "access"}
	tok, err := jwt.NewWithClaims(s.signMethod, c).SignedString(s.Cfg.Secret)
	if err != nil {
		return "", fmt.Errorf("sign token: %w", err)
	}
	return tok, nil
}

var errBadRefresh = domain.Unauthenticated("invalid_refresh_token",
	"Token penyegar tidak sah, kedaluwarsa, atau sudah dipakai; silakan masuk kembali.",
	"The refresh token is invalid, expired or already used; please log in again.")

// Refresh rotates a refresh token. A token presented twice means it leaked: the
// whole family is revoked and the caller must log in again (RFC 9700 §4.14).
func (s *Auth) Refresh(ctx context.Context, token string) (TokenPair, error) {
	now := s.Now()
	var pair TokenPair
	var reused bool
	err := s.Tx.InTx(ctx, func(ctx context.Context) error {
		t, err := s.Store.RefreshTokenByHash(ctx, hashToken(token))
		if isNotFound(err) {
			return errBadRefresh
		}
		if err != nil {
			return err
		}
		if t.RevokedAt != nil || !now.Before(t.ExpiresAt) {
			return errBadRefresh
		}
		marked, err := s.Store.MarkRefreshUsed(ctx, t.ID, now)
		if err != nil {
			return err
		}
		if !marked {
			reused = true
			return errBadRefresh
		}
		u, err := s.Store.GetPengguna(ctx, t.PenggunaID)
		if err != nil {
			return err
		}
		if u.Nonaktif {
			return errBadRefresh
		}
		pair, err = s.issuePair(ctx, u, t.FamilyID, now)
		return err
	})
	if reused {
		// Revoke outside the failed transaction so the revocation is kept.
		if t, err := s.Store.RefreshTokenByHash(ctx, hashToken(token)); err == nil {
			if rerr := s.Store.RevokeRefreshFamily(ctx, t.FamilyID, now); rerr != nil {
				return TokenPair{}, rerr
			}
		}
	}
	return pair, err
}

// Logout revokes the family of a refresh token. An unknown token is not an error:
// logging out twice is harmless.
func (s *Auth) Logout(ctx context.Context, token string) error {
	t, err := s.Store.RefreshTokenByHash(ctx, hashToken(token))
	if isNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return s.Store.RevokeRefreshFamily(ctx, t.FamilyID, s.Now())
}

// ClientToken issues an access token to an API client (client credentials grant).
func (s *Auth) ClientToken(ctx context.Context, clientID, secret, address string) (string, []string, error) {
	now := s.Now()
	if !s.byAddress.allow(address, now) || !s.byAccount.available("client:"+clientID, now) {
		return "", nil, tooMany()
	}
	k, err := s.Store.KlienByClientID(ctx, clientID)
	found := err == nil
	if err != nil && !isNotFound(err) {
		return "", nil, err
	}
	hash := s.dummyHash
	if found {
		hash = k.SecretHash
	}
	ok, _, verr := VerifyPassword(secret, hash, s.Cfg.Argon2)
	if verr != nil || !ok || !found || k.Nonaktif {
		s.byAccount.allow("client:"+clientID, now)
		return "", nil, domain.Unauthenticated("invalid_client", "Kredensial klien API salah.", "Wrong API client credentials.")
	}
	tok, err := s.sign(k.ID, "client", now)
	return tok, k.Scopes, err
}

var errBadToken = domain.Unauthenticated("invalid_token",
	"Token akses tidak sah atau kedaluwarsa.", "The access token is invalid or expired.")

// Authenticate verifies an access token (algorithm pinned; exp, iat, iss and aud
// required) and loads the current state of its subject: a disabled account or a
// revoked client stops working at once.
func (s *Auth) Authenticate(ctx context.Context, raw string) (domain.Actor, error) {
	c, err := s.verify(raw)
	if err != nil {
		return domain.Actor{}, err
	}
	switch c.Kind {
	case "user":
		u, err := s.Store.GetPengguna(ctx, c.Subject)
		if isNotFound(err) {
			return domain.Actor{}, errBadToken
		}
		if err != nil {
			return domain.Actor{}, err
		}
		if u.Nonaktif {
			return domain.Actor{}, errBadToken
		}
		return domain.Actor{PenggunaID: u.ID, Name: u.Username, InstansiID: u.InstansiID,
			Roles: u.Roles, PegawaiID: u.PegawaiID, UnitPath: u.UnitPath}, nil
	case "client":
		k, err := s.Store.GetKlienAPI(ctx, "", c.Subject)
		if isNotFound(err) {
			return domain.Actor{}, errBadToken
		}
		if err != nil {
			return domain.Actor{}, err
		}
		if k.Nonaktif {
			return domain.Actor{}, errBadToken
		}
		// An API client acts for its instansi with an administrator's reach,
		// limited by its scopes.
		return domain.Actor{ClientID: k.ID, Name: "klien:" + k.Nama, InstansiID: k.InstansiID,
			Roles: []domain.Role{domain.RoleAdminInstansi}, Scopes: k.Scopes}, nil
	}
	return domain.Actor{}, errBadToken
}

// verify checks an access token's signature, algorithm and claims. A token whose
// signature this process has already verified is not decoded and verified again,
// but its claims are still checked against the clock (exp, iat) as on first use.
func (s *Auth) verify(raw string) (claims, error) {
	opts := []jwt.ParserOption{jwt.WithValidMethods([]string{s.signMethod.Alg()}),
		jwt.WithExpirationRequired(), jwt.WithIssuedAt(),
		jwt.WithIssuer(s.Cfg.Issuer), jwt.WithAudience(s.Cfg.Audience),
		jwt.WithLeeway(5 * time.Second), jwt.WithTimeFunc(s.Now)}
	if c, ok := s.tokens.get(raw); ok {
		if jwt.NewValidator(opts...).Validate(c) != nil {
			return claims{}, errBadToken
		}
		return c, nil
	}
	var c claims
	_, err := jwt.ParseWithClaims(raw, &c, func(*jwt.Token) (any, error) { return s.Cfg.Secret, nil }, opts...)
	if err != nil || c.Use != "access" || c.Subject == "" || c.IssuedAt == nil {
		return claims{}, errBadToken
	}
	s.tokens.put(raw, c, tokenTerbacaMaks)
	return c, nil
}

// tokenTerbacaMaks bounds the verified tokens a process keeps.
const tokenTerbacaMaks = 10_000

// tokenTerbaca keeps the claims of access tokens whose signature was verified, keyed
// by the whole token: decoding and verifying one again cost 3 % of the server's CPU
// under load (docs/reliability.md section 6). Only the token's exact bytes find its
// entry, and an entry holds nothing the token did not say.
type tokenTerbaca struct{ terbatas[claims] }

// ActAs checks the instansi a SUPERADMIN names with X-Instansi-ID, once per request,
// so that no use case works in a tenant that does not exist.
func (s *Auth) ActAs(ctx context.Context, instansiID string) error {
	_, err := s.Store.GetInstansi(ctx, instansiID)
	return err
}

// ChangePassword changes the caller's password and revokes all their sessions.
func (s *Auth) ChangePassword(ctx context.Context, oldPw, newPw string) error {
	a, err := actor(ctx)
	if err != nil {
		return err
	}
	if a.PenggunaID == "" {
		return domain.Forbidden("Klien API tidak memiliki kata sandi.", "API clients have no password.")
	}
	if err := domain.ValidatePassword("password_baru", newPw); err != nil {
		return err
	}
	u, err := s.Store.GetPengguna(ctx, a.PenggunaID)
	if err != nil {
		return err
	}
	if ok, _, _ := VerifyPassword(oldPw, u.PasswordHash, s.Cfg.Argon2); !ok {
		return domain.Invalid("password_lama", "password_wrong", "Kata sandi lama salah.", "The current password is wrong.")
	}
	h, err := HashPassword(newPw, s.Cfg.Argon2)
	if err != nil {
		return err
	}
	now := s.Now()
	return s.Tx.InTx(ctx, func(ctx context.Context) error {
		if err := s.Store.SetPasswordHash(ctx, u.ID, h, now); err != nil {
			return err
		}
		if err := s.Store.RevokeRefreshOfPengguna(ctx, u.ID, now); err != nil {
			return err
		}
		return s.record(ctx, u.InstansiID, "UPDATE", "pengguna", u.ID, nil, map[string]any{"password": "diubah"})
	})
}

func isNotFound(err error) bool {
	de, ok := domain.AsError(err)
	return ok && de.Kind == domain.KindNotFound
}
