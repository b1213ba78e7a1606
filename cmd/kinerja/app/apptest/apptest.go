// Package apptest runs the real server in-process on a real database for API tests,
// and validates every response it sees against openapi.yaml: an undocumented status,
// header or field fails the test.
package apptest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/kinerja-id/kinerja"
	"github.com/kinerja-id/kinerja/api"
	"github.com/kinerja-id/kinerja/cmd/kinerja/app"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/service"
)

// CheapArgon2 keeps password hashing fast in tests.
var CheapArgon2 = service.Argon2Params{MemoryKiB: 64, Time: 1, Threads: 1}

// Secret is the JWT key of test servers.
var Secret = []byte("test-secret-test-secret-test-secret-0123456789")

// Server is an in-process Kinerja on a test database.
type Server struct {
	T      testing.TB
	DB     *repository.DB
	App    *app.App
	URL    string
	Client *http.Client
	Opts   app.Options
	router routers.Router
}

var (
	specOnce sync.Once
	specDoc  *openapi3.T
	specErr  error
)

func spec() (*openapi3.T, error) {
	specOnce.Do(func() { specDoc, specErr = api.LoadSpec(context.Background(), kinerja.OpenAPI) })
	return specDoc, specErr
}

// Options are the defaults of a test server: cheap hashing, generous rate limits.
func Options() app.Options {
	return app.Options{
		Log: slog.New(slog.NewJSONHandler(io.Discard, nil)),
		Now: time.Now,
		Auth: service.AuthConfig{Secret: Secret, Issuer: "kinerja", Audience: "kinerja-api",
			AccessTTL: 15 * time.Minute, RefreshTTL: 24 * time.Hour, Argon2: CheapArgon2,
			LoginPerAddress: 10000, LoginAddressEvery: time.Millisecond,
			LoginFailuresPerAccount: 10000, LoginAccountEvery: time.Millisecond},
		HTTP:    api.Config{BodyLimit: 1 << 20, ImportLimit: 16 << 20},
		Version: "test",
	}
}

// New starts a server on db. mutate may change the options first.
func New(t testing.TB, db *repository.DB, mutate ...func(*app.Options)) *Server {
	t.Helper()
	o := Options()
	for _, m := range mutate {
		m(&o)
	}
	a, err := app.New(context.Background(), db, o)
	if err != nil {
		t.Fatalf("app: %v", err)
	}
	ts := httptest.NewServer(a.Echo)
	t.Cleanup(ts.Close)
	doc, err := spec()
	if err != nil {
		t.Fatalf("spec: %v", err)
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatalf("router: %v", err)
	}
	return &Server{T: t, DB: db, App: a, URL: ts.URL, Client: ts.Client(), Opts: o, router: router}
}

// Response is what a request returned.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into v, failing the test if it cannot.
func (r *Response) JSON(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
}

// Map decodes the body into a generic map.
func (r *Response) Map(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	r.JSON(t, &m)
	return m
}

// Req describes a request.
type Req struct {
	Method string
	Path   string // with query string
	Token  string
	Body   any    // marshalled to JSON unless []byte or string (sent as is)
	Type   string // Content-Type; defaults to application/json when Body is set
	Header map[string]string
	// NoSpecCheck skips response validation (for deliberately off-spec probes such as
	// unknown routes, which still must be problem+json).
	NoSpecCheck bool
}

// Do sends a request and validates the response against the spec.
func (s *Server) Do(r Req) *Response {
	s.T.Helper()
	var body io.Reader
	var raw []byte
	if r.Body != nil {
		switch b := r.Body.(type) {
		case []byte:
			raw = b
		case string:
			raw = []byte(b)
		default:
			var err error
			raw, err = json.Marshal(b)
			if err != nil {
				s.T.Fatalf("marshal: %v", err)
			}
		}
		body = bytes.NewReader(raw)
	}
	// Background as before, not s.T.Context(), which ends before cleanups run.
	req, err := http.NewRequestWithContext(context.Background(), r.Method, s.URL+r.Path, body)
	if err != nil {
		s.T.Fatalf("request: %v", err)
	}
	if r.Body != nil {
		ct := r.Type
		if ct == "" {
			ct = "application/json"
		}
		req.Header.Set("Content-Type", ct)
	}
	if r.Token != "" {
		req.Header.Set("Authorization", "Bearer "+r.Token)
	}
	for k, v := range r.Header {
		req.Header.Set(k, v)
	}
	resp, err := s.Client.Do(req)
	if err != nil {
		s.T.Fatalf("%s %s: %v", r.Method, r.Path, err)
	}
	defer func() { _ = resp.Body.Close() }()
	rb, err := io.ReadAll(resp.Body)
	if err != nil {
		s.T.Fatalf("read body: %v", err)
	}
	out := &Response{Status: resp.StatusCode, Header: resp.Header, Body: rb}
	if resp.StatusCode >= 500 {
		s.T.Errorf("%s %s: server error %d: %s", r.Method, r.Path, resp.StatusCode, rb)
	}
	if resp.StatusCode >= 400 && !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") {
		s.T.Errorf("%s %s: error %d is not application/problem+json but %q: %s", r.Method, r.Path,
			resp.StatusCode, resp.Header.Get("Content-Type"), rb)
	}
	if !r.NoSpecCheck {
		s.checkSpec(req, out)
	}
	return out
}

func (s *Server) checkSpec(req *http.Request, out *Response) {
	s.T.Helper()
	// Route against the spec with the server-relative URL.
	probe := req.Clone(context.Background())
	probe.URL.Scheme, probe.URL.Host = "", ""
	probe.Host = ""
	route, params, err := s.router.FindRoute(probe)
	if err != nil {
		s.T.Errorf("%s %s is not an operation of openapi.yaml: %v", req.Method, req.URL.Path, err)
		return
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: probe, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}},
		Status: out.Status, Header: out.Header, Body: io.NopCloser(bytes.NewReader(out.Body)),
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		s.T.Errorf("%s %s → %d violates openapi.yaml: %v\nbody: %s", req.Method, req.URL.Path, out.Status, err, truncate(out.Body))
	}
}

func truncate(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "…"
	}
	return string(b)
}

// Expect fails the test unless the response has the status.
func (r *Response) Expect(t testing.TB, status int) *Response {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, truncate(r.Body))
	}
	return r
}

// Problem decodes a problem+json body.
func (r *Response) Problem(t testing.TB) Problem {
	t.Helper()
	var p Problem
	r.JSON(t, &p)
	return p
}

// Problem is an RFC 9457 body as the API writes it.
type Problem struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail"`
	Code      string `json:"code"`
	RequestID string `json:"request_id"`
	Errors    []struct {
		Field  string `json:"field"`
		Code   string `json:"code"`
		Detail string `json:"detail"`
	} `json:"errors"`
}

// HasField reports whether the problem names the field.
func (p Problem) HasField(f string) bool {
	for _, e := range p.Errors {
		if e.Field == f {
			return true
		}
	}
	return false
}

// Login logs in and returns the access token.
func (s *Server) Login(username, password string) string {
	s.T.Helper()
	r := s.Do(Req{Method: "POST", Path: "/api/v1/auth/login", Body: map[string]string{"username": username, "password": password}})
	if r.Status != http.StatusOK {
		s.T.Fatalf("login %s: %d %s", username, r.Status, r.Body)
	}
	var tp struct {
		AccessToken string `json:"access_token"`
	}
	r.JSON(s.T, &tp)
	return tp.AccessToken
}

// Path formats a path.
func Path(format string, args ...any) string { return fmt.Sprintf(format, args...) }
