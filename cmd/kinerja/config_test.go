package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestParseConfigDefaults(t *testing.T) {
	c, err := parseConfig(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":8080" || c.DatabaseURL != "sqlite:./data/kinerja.db" || c.AccessTTL != 15*time.Minute || c.Demo != "auto" {
		t.Fatalf("defaults %+v", c)
	}
}

func TestParseConfigNamesTheVariable(t *testing.T) {
	cases := map[string]map[string]string{
		"KINERJA_ACCESS_TTL":  {"KINERJA_ACCESS_TTL": "soon"},
		"KINERJA_JWT_SECRET":  {"DATABASE_URL": "postgres://u:p@h/db"},
		"DATABASE_URL":        {"DATABASE_URL": "mysql://x"},
		"KINERJA_DEMO":        {"KINERJA_DEMO": "maybe"},
		"KINERJA_BODY_LIMIT":  {"KINERJA_BODY_LIMIT": "-1"},
		"KINERJA_TRUST_PROXY": {"KINERJA_TRUST_PROXY": "yes please"},
		"KINERJA_LOG_LEVEL":   {"KINERJA_LOG_LEVEL": "loud"},
	}
	for name, vars := range cases {
		_, err := parseConfig(env(vars))
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %v does not name it", name, err)
		}
	}
	_, err := parseConfig(env(map[string]string{"DATABASE_URL": "postgres://u:secretpw@h/db", "KINERJA_JWT_SECRET": "short"}))
	if err == nil || strings.Contains(err.Error(), "secretpw") {
		t.Fatalf("error %v", err)
	}
}

func TestRedact(t *testing.T) {
	if got := redact("postgres://kinerja:s3cret@db:5432/k"); got != "postgres://kinerja:***@db:5432/k" {
		t.Fatal(got)
	}
}

func TestHealthcheck(t *testing.T) {
	ready := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/readyz" {
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer ready.Close()
	addr := strings.TrimPrefix(ready.URL, "http://")
	if err := healthcheck(context.Background(), addr); err != nil {
		t.Fatal(err)
	}
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer down.Close()
	if err := healthcheck(context.Background(), strings.TrimPrefix(down.URL, "http://")); err == nil {
		t.Fatal("a 503 passed the health check")
	}
	if err := healthcheck(context.Background(), "127.0.0.1:1"); err == nil {
		t.Fatal("no server passed the health check")
	}
}
