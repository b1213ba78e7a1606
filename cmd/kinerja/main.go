// Command kinerja runs the Kinerja API and its maintenance tasks.
//
//	kinerja [serve]        run the API (default)
//	kinerja migrate        apply database migrations
//	kinerja seed-demo      load the demo pemda into the database
//	kinerja user create    create an administrator (password from stdin or KINERJA_ADMIN_PASSWORD)
//	kinerja healthcheck    exit 0 when the local server answers /readyz (for container health checks)
//	kinerja version        print the version
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // IANA zones for WIB, WITA and WIT even on machines without tzdata

	"github.com/kinerja-id/kinerja/api"
	"github.com/kinerja-id/kinerja/cmd/kinerja/app"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/service"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "kinerja:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	if cmd == "version" {
		_, _ = fmt.Fprintln(stdout, "kinerja", version)
		return nil
	}
	if cmd == "help" || cmd == "-h" || cmd == "--help" {
		_, _ = fmt.Fprintln(stdout, "usage: kinerja [serve | migrate | seed-demo | user create | healthcheck | version]")
		return nil
	}
	cfg, err := parseConfig(getenv)
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	if cmd == "healthcheck" {
		return healthcheck(ctx, cfg.Addr)
	}
	log := newLogger(stderr, cfg.LogLevel)
	switch cmd {
	case "serve":
		app.AturGC(getenv)
		return serve(ctx, cfg, log, stdout)
	case "migrate":
		db, err := openDB(ctx, cfg, log)
		if err != nil {
			return err
		}
		defer func() { _ = db.Close() }()
		return nil
	case "seed-demo":
		db, err := openDB(ctx, cfg, log)
		if err != nil {
			return err
		}
		defer func() { _ = db.Close() }()
		return seedDemo(ctx, db, log, stdout)
	case "user":
		if len(args) == 0 || args[0] != "create" {
			return errors.New("usage: kinerja user create --username NAME [--role SUPERADMIN] [--instansi KODE]")
		}
		db, err := openDB(ctx, cfg, log)
		if err != nil {
			return err
		}
		defer func() { _ = db.Close() }()
		return createUser(ctx, db, args[1:], getenv, stdin, stdout)
	}
	return fmt.Errorf("unknown command %q (serve, migrate, seed-demo, user create, healthcheck, version)", cmd)
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	_ = l.UnmarshalText([]byte(level))
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l}))
}

// openDB connects and applies pending migrations.
func openDB(ctx context.Context, cfg config, log *slog.Logger) (*repository.DB, error) {
	db, err := repository.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	if db.Dialect() == repository.SQLite {
		log.Info("using the embedded SQLite database; set DATABASE_URL=postgres://... for production",
			"path", strings.TrimPrefix(cfg.DatabaseURL, "sqlite:"))
	}
	applied, err := db.Migrate(ctx)
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	if len(applied) > 0 {
		log.Info("migrations applied", "migrations", applied)
	}
	return db, nil
}

func authConfig(cfg config, log *slog.Logger) service.AuthConfig {
	secret := []byte(cfg.JWTSecret)
	if len(secret) == 0 {
		b := make([]byte, 32)
		_, _ = rand.Read(b)
		secret = []byte(hex.EncodeToString(b))
		log.Warn("KINERJA_JWT_SECRET is not set: using a random key, so tokens end when the process stops")
	}
	return service.AuthConfig{Secret: secret, Issuer: cfg.JWTIssuer, Audience: cfg.JWTAudience,
		AccessTTL: cfg.AccessTTL, RefreshTTL: cfg.RefreshTTL, Argon2: service.DefaultArgon2,
		LoginPerAddress: 30, LoginAddressEvery: 2 * time.Second,
		LoginFailuresPerAccount: 5, LoginAccountEvery: time.Minute}
}

func serve(ctx context.Context, cfg config, log *slog.Logger, stdout io.Writer) error {
	db, err := openDB(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	fresh, err := db.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if fresh && (cfg.Demo == "true" || (cfg.Demo == "auto" && db.Dialect() == repository.SQLite)) {
		if err := seedDemo(ctx, db, log, stdout); err != nil {
			return err
		}
	}
	a, err := app.New(ctx, db, app.Options{Log: log, Auth: authConfig(cfg, log), Version: version,
		HTTP: api.Config{BodyLimit: cfg.BodyLimit, ImportLimit: cfg.ImportLimit, TrustProxy: cfg.TrustProxy}})
	if err != nil {
		return err
	}
	srv := &http.Server{Addr: cfg.Addr, Handler: a.Echo,
		ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 2 * time.Minute,
		WriteTimeout: 5 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	if cfg.PprofAddr != "" {
		go servePprof(cfg.PprofAddr, log)
	}
	go resumeRuns(ctx, a, log)
	log.Info("kinerja is listening", "addr", cfg.Addr, "version", version, "docs", "/docs")
	select {
	case err := <-errc:
		return fmt.Errorf("listen %s: %w", cfg.Addr, err)
	case <-ctx.Done():
	}
	log.Info("shutting down", "grace", cfg.ShutdownTimeout.String())
	// ctx is done by now: the grace period starts from a context without its cancellation.
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

func createUser(ctx context.Context, db *repository.DB, args []string, getenv func(string) string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("user create", flag.ContinueOnError)
	username := fs.String("username", "", "login name")
	role := fs.String("role", "SUPERADMIN", "SUPERADMIN or ADMIN_INSTANSI")
	instansi := fs.String("instansi", "", "instansi kode (for ADMIN_INSTANSI)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *username == "" {
		return errors.New("--username is required")
	}
	pw := getenv("KINERJA_ADMIN_PASSWORD")
	if pw == "" {
		b, err := io.ReadAll(io.LimitReader(stdin, 1024))
		if err != nil {
			return fmt.Errorf("read password from stdin: %w", err)
		}
		pw = strings.TrimRight(string(b), "\r\n")
	}
	if err := domain.ValidatePassword("password", pw); err != nil {
		return err
	}
	u := domain.Pengguna{Username: *username, Roles: []domain.Role{domain.Role(*role)}}
	if *instansi != "" {
		i, err := db.InstansiByKode(ctx, *instansi)
		if err != nil {
			return err
		}
		u.InstansiID = i.ID
	}
	if err := domain.ValidateRoles(u.Roles, u.InstansiID != "", false); err != nil {
		return err
	}
	hash, err := service.HashPassword(pw, service.DefaultArgon2)
	if err != nil {
		return err
	}
	u.PasswordHash = hash
	u.CreatedAt, u.UpdatedAt = time.Now().UTC(), time.Now().UTC()
	created, err := db.CreatePengguna(ctx, u)
	if err != nil {
		return err
	}
	_, _ = fmt.Fprintf(stdout, "created %s %s (%s)\n", created.Username, created.ID, strings.Join(rolesOf(created.Roles), ","))
	return nil
}

func rolesOf(rs []domain.Role) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = string(r)
	}
	return out
}

// healthcheck asks the server listening on addr whether it is ready. Distroless images
// have no curl, so the container health check runs the binary itself.
func healthcheck(ctx context.Context, addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("KINERJA_ADDR %q: %w", addr, err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/readyz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("not ready: %w", err)
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("not ready: /readyz answered %d", resp.StatusCode)
	}
	return nil
}

// resumeRuns computes again, every minute, payroll runs left computing with nobody
// computing them (a computation that gave up while the database was away, or another
// instance that stopped), so that they finish without a restart.
func resumeRuns(ctx context.Context, a *app.App, log *slog.Logger) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := a.Handler.TPP.Lanjutkan(ctx); err != nil {
				log.Warn("resuming payroll runs", "err", err)
			}
		}
	}
}
