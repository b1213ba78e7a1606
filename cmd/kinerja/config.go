package main

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"
)

// config is everything the process reads from its environment, parsed once.
type config struct {
	Addr            string
	DatabaseURL     string
	JWTSecret       string
	JWTIssuer       string
	JWTAudience     string
	AccessTTL       time.Duration
	RefreshTTL      time.Duration
	Demo            string // auto, true, false
	LogLevel        string
	BodyLimit       int64
	ImportLimit     int64
	TrustProxy      bool
	ShutdownTimeout time.Duration
	PprofAddr       string // loopback address for net/http/pprof; empty: off
}

// configVars documents every variable: name, default, meaning. The README table is
// generated from the same facts.
var configVars = []struct{ name, def, doc string }{
	{"KINERJA_ADDR", ":8080", "Address the API listens on."},
	{"DATABASE_URL", "sqlite:./data/kinerja.db", "postgres://user:pass@host:5432/db?sslmode=disable, or sqlite:PATH for the embedded database."},
	{"KINERJA_JWT_SECRET", "", "HMAC key for access tokens, at least 32 bytes. Required with PostgreSQL; with SQLite a random one is made per start when unset."},
	{"KINERJA_JWT_ISSUER", "kinerja", "iss claim of access tokens."},
	{"KINERJA_JWT_AUDIENCE", "kinerja-api", "aud claim of access tokens."},
	{"KINERJA_ACCESS_TTL", "15m", "Access token lifetime (Go duration)."},
	{"KINERJA_REFRESH_TTL", "720h", "Refresh token lifetime."},
	{"KINERJA_DEMO", "auto", "Load the demo pemda into a new database: auto (only SQLite), true, false."},
	{"KINERJA_LOG_LEVEL", "info", "debug, info, warn or error."},
	{"KINERJA_BODY_LIMIT", "1048576", "Largest request body in bytes."},
	{"KINERJA_IMPORT_LIMIT", "67108864", "Largest CSV import body in bytes."},
	{"KINERJA_TRUST_PROXY", "false", "Take the client address from X-Forwarded-For (only behind your own proxy)."},
	{"KINERJA_SHUTDOWN_TIMEOUT", "20s", "Grace period for in-flight requests on SIGTERM."},
	{"KINERJA_PPROF_ADDR", "", "Loopback address (e.g. 127.0.0.1:6060) to serve Go profiles on for diagnosing load; empty: off."},
}

// parseConfig reads the environment through getenv and fails naming the variable.
func parseConfig(getenv func(string) string) (config, error) {
	get := func(name string) string {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			return v
		}
		for _, c := range configVars {
			if c.name == name {
				return c.def
			}
		}
		return ""
	}
	var errs []error
	dur := func(name string) time.Duration {
		d, err := time.ParseDuration(get(name))
		if err != nil || d <= 0 {
			errs = append(errs, fmt.Errorf("%s: want a positive duration like 15m, got %q", name, get(name)))
		}
		return d
	}
	size := func(name string) int64 {
		n, err := strconv.ParseInt(get(name), 10, 64)
		if err != nil || n <= 0 {
			errs = append(errs, fmt.Errorf("%s: want a positive number of bytes, got %q", name, get(name)))
		}
		return n
	}
	c := config{
		Addr: get("KINERJA_ADDR"), DatabaseURL: get("DATABASE_URL"), JWTSecret: get("KINERJA_JWT_SECRET"),
		JWTIssuer: get("KINERJA_JWT_ISSUER"), JWTAudience: get("KINERJA_JWT_AUDIENCE"),
		AccessTTL: dur("KINERJA_ACCESS_TTL"), RefreshTTL: dur("KINERJA_REFRESH_TTL"),
		Demo: strings.ToLower(get("KINERJA_DEMO")), LogLevel: strings.ToLower(get("KINERJA_LOG_LEVEL")),
		BodyLimit: size("KINERJA_BODY_LIMIT"), ImportLimit: size("KINERJA_IMPORT_LIMIT"),
		ShutdownTimeout: dur("KINERJA_SHUTDOWN_TIMEOUT"), PprofAddr: get("KINERJA_PPROF_ADDR"),
	}
	if h, _, err := net.SplitHostPort(c.PprofAddr); c.PprofAddr != "" && (err != nil || (h != "127.0.0.1" && h != "localhost" && h != "::1")) {
		errs = append(errs, fmt.Errorf("KINERJA_PPROF_ADDR: want a loopback host:port such as 127.0.0.1:6060, got %q", c.PprofAddr))
	}
	tp, err := strconv.ParseBool(get("KINERJA_TRUST_PROXY"))
	if err != nil {
		errs = append(errs, fmt.Errorf("KINERJA_TRUST_PROXY: want true or false, got %q", get("KINERJA_TRUST_PROXY")))
	}
	c.TrustProxy = tp
	switch c.Demo {
	case "auto", "true", "false":
	default:
		errs = append(errs, fmt.Errorf("KINERJA_DEMO: want auto, true or false, got %q", c.Demo))
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("KINERJA_LOG_LEVEL: want debug, info, warn or error, got %q", c.LogLevel))
	}
	postgres := strings.HasPrefix(c.DatabaseURL, "postgres://") || strings.HasPrefix(c.DatabaseURL, "postgresql://")
	if !postgres && !strings.HasPrefix(c.DatabaseURL, "sqlite:") {
		errs = append(errs, fmt.Errorf("DATABASE_URL: want postgres://... or sqlite:PATH, got %q", redact(c.DatabaseURL)))
	}
	if c.JWTSecret != "" && len(c.JWTSecret) < 32 {
		errs = append(errs, errors.New("KINERJA_JWT_SECRET: must be at least 32 bytes"))
	}
	if c.JWTSecret == "" && postgres {
		errs = append(errs, errors.New("KINERJA_JWT_SECRET: required when DATABASE_URL is PostgreSQL"))
	}
	return c, errors.Join(errs...)
}

// redact hides a password in a database URL.
func redact(url string) string {
	at := strings.LastIndex(url, "@")
	scheme := strings.Index(url, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return url
	}
	creds := url[scheme+3 : at]
	if user, _, ok := strings.Cut(creds, ":"); ok {
		return url[:scheme+3] + user + ":***" + url[at:]
	}
	return url
}
