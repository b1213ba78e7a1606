package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// Authenticator turns a bearer token into an actor.
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (domain.Actor, error)
	// ActAs fails (not found) unless the instansi a SUPERADMIN names exists.
	ActAs(ctx context.Context, instansiID string) error
}

// tahunWajar accepts the years dates may have: 1900-2200.
func tahunWajar(y int) error {
	if y < 1900 || y > 2200 {
		return fmt.Errorf("year %d is outside 1900-2200", y)
	}
	return nil
}

// LoadSpec parses and validates the embedded contract.
func LoadSpec(ctx context.Context, raw []byte) (*openapi3.T, error) {
	// kin-openapi checks only the formats it is told about; email is one the spec uses.
	openapi3.DefineStringFormatValidator("email", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail))
	// Dates are real calendar dates of years a pemda's records can hold: 2026-02-30 or
	// 0001-01-01 (Go's zero time, stored as NULL) never reach a handler, and no date
	// computed from a stored one (a sanction's end) overflows the format.
	openapi3.DefineStringFormatValidator("date", openapi3.NewCallbackValidator(func(s string) error {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return errors.New("not a calendar date YYYY-MM-DD")
		}
		return tahunWajar(t.Year())
	}))
	openapi3.DefineStringFormatValidator("date-time", openapi3.NewCallbackValidator(func(s string) error {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return errors.New("not an RFC 3339 date-time")
		}
		return tahunWajar(t.UTC().Year())
	}))
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(raw)
	if err != nil {
		return nil, fmt.Errorf("load openapi.yaml: %w", err)
	}
	if err := doc.Validate(ctx); err != nil {
		return nil, fmt.Errorf("openapi.yaml is invalid: %w", err)
	}
	return doc, nil
}

type authHolder struct {
	actor domain.Actor
	err   error
	ok    bool
}

type holderKey struct{}

// validator checks every request against the spec before a handler runs: path,
// query, headers and body, and authentication as the spec declares it. It also
// refuses what PostgreSQL would choke on (NUL bytes) at the edge.
func validator(doc *openapi3.T, auth Authenticator) (echo.MiddlewareFunc, error) {
	// CSV bodies are parsed by the importer (which detects ";" or ","); the validator
	// only needs them as text. Its default CSV decoder assumes commas.
	openapi3filter.RegisterBodyDecoder("text/csv", func(body io.Reader, _ http.Header, _ *openapi3.SchemaRef, _ openapi3filter.EncodingFn) (any, error) {
		b, err := io.ReadAll(body)
		return string(b), err
	})
	routes, err := specRoutes(doc)
	if err != nil {
		return nil, err
	}
	opts := &openapi3filter.Options{
		MultiError:            true,
		IncludeResponseStatus: true,
		AuthenticationFunc: func(ctx context.Context, in *openapi3filter.AuthenticationInput) error {
			h, _ := ctx.Value(holderKey{}).(*authHolder)
			if h == nil {
				return errors.New("no auth holder")
			}
			if h.ok {
				return nil
			}
			raw := in.RequestValidationInput.Request.Header.Get("Authorization")
			scheme, token, found := strings.Cut(raw, " ")
			if !found || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
				h.err = domain.Unauthenticated("unauthenticated",
					"Token akses tidak ada; kirim header Authorization: Bearer <token>.",
					"Missing access token; send the header Authorization: Bearer <token>.")
				return h.err
			}
			a, err := auth.Authenticate(ctx, strings.TrimSpace(token))
			if err != nil {
				h.err = err
				return err
			}
			h.actor, h.ok = a, true
			return nil
		},
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			params := pathParams(c)
			if f := nulParameter(req, params); f != "" {
				return domain.Invalid(f, "nul_byte", "Parameter mengandung karakter NUL.", "A parameter contains a NUL character.")
			}
			route, ok := routes[req.Method+" "+c.Path()]
			if !ok {
				return next(c) // not an API operation: docs, metrics, or Echo's 404 or 405
			}
			if req.Body != nil && req.Body != http.NoBody {
				body, err := io.ReadAll(req.Body)
				if err != nil {
					var mbe *http.MaxBytesError
					if errors.As(err, &mbe) {
						return echo.ErrStatusRequestEntityTooLarge
					}
					return echo.ErrBadRequest
				}
				if bytes.IndexByte(body, 0) >= 0 || containsEscapedNUL(body) {
					return domain.Invalid("body", "nul_byte", "Isi permintaan mengandung karakter NUL.", "The body contains a NUL character.")
				}
				req.Body = io.NopCloser(bytes.NewReader(body))
				req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
			}
			h := &authHolder{}
			ctx := context.WithValue(req.Context(), holderKey{}, h)
			in := &openapi3filter.RequestValidationInput{Request: req.WithContext(ctx), PathParams: params, Route: route, Options: opts}
			if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
				var sre *openapi3filter.SecurityRequirementsError
				if errors.As(err, &sre) || h.err != nil {
					if h.err != nil {
						return h.err
					}
					return domain.Unauthenticated("unauthenticated", "Silakan masuk terlebih dahulu.", "Please log in first.")
				}
				return err
			}
			if req.GetBody != nil {
				if rc, err := req.GetBody(); err == nil {
					req.Body = rc
				}
			}
			if h.ok {
				ctx = service.WithActor(ctx, h.actor)
				if h.actor.Has(domain.RoleSuperadmin) {
					if t := req.Header.Get("X-Instansi-ID"); t != "" {
						id, err := uuid.Parse(t)
						if err != nil {
							return domain.Invalid("X-Instansi-ID", "format", "X-Instansi-ID harus UUID.", "X-Instansi-ID must be a UUID.")
						}
						if err := auth.ActAs(ctx, id.String()); err != nil {
							return err
						}
						ctx = service.WithTenant(ctx, id.String())
					}
				}
				c.Set("actor", h.actor.Name)
			}
			c.SetRequest(req.WithContext(ctx))
			return next(c)
		}
	}, nil
}

// specRoutes maps each operation of the spec to the route Echo matches it by, its
// method and path with :name parameters: Echo has routed the request already, and
// matching it again against every path of the spec through regular expressions cost
// 3 % of the server's CPU under the load test.
func specRoutes(doc *openapi3.T) (map[string]*routers.Route, error) {
	if len(doc.Servers) != 1 || doc.Servers[0].URL != "/" {
		return nil, errors.New("spec routes: the spec must name the one server /, its paths being whole")
	}
	out := map[string]*routers.Route{}
	for path, item := range doc.Paths.Map() {
		echoPath := specParam.ReplaceAllString(path, ":$1")
		for method, op := range item.Operations() {
			out[method+" "+echoPath] = &routers.Route{Spec: doc, Server: doc.Servers[0], Path: path, PathItem: item, Method: method, Operation: op}
		}
	}
	return out, nil
}

var specParam = regexp.MustCompile(`\{([^}/]+)\}`)

// pathParams are the path's parameters as Echo matched them, unescaped as the
// handlers' binding unescapes them.
func pathParams(c echo.Context) map[string]string {
	names, values := c.ParamNames(), c.ParamValues()
	out := make(map[string]string, len(names))
	for i, n := range names { // Echo gives as many values as names
		v := values[i]
		if u, err := url.PathUnescape(v); err == nil {
			v = u
		}
		out[n] = v
	}
	return out
}

// nulParameter names the parameter of req holding a NUL character ("" for none):
// a path parameter, a query parameter, or "query" or "path" for one that cannot be
// told apart. PostgreSQL refuses NUL in text, so it never gets that far.
func nulParameter(req *http.Request, path map[string]string) string {
	for n, v := range path {
		if strings.IndexByte(v, 0) >= 0 {
			return n
		}
	}
	if strings.Contains(req.URL.RawQuery, "%00") {
		q, _ := url.ParseQuery(req.URL.RawQuery) // what parses; the rest is "query"
		for n, vs := range q {
			if strings.IndexByte(n, 0) >= 0 || strings.IndexByte(strings.Join(vs, ""), 0) >= 0 {
				return n
			}
		}
		return "query"
	}
	if strings.IndexByte(req.URL.Path, 0) >= 0 {
		return "path"
	}
	return ""
}

// containsEscapedNUL finds the JSON escape \u0000 (not preceded by another backslash).
func containsEscapedNUL(b []byte) bool {
	for i := bytes.Index(b, []byte(`u0000`)); i >= 0; {
		bs := 0
		for j := i - 1; j >= 0 && b[j] == '\\'; j-- {
			bs++
		}
		if bs%2 == 1 {
			return true
		}
		k := bytes.Index(b[i+5:], []byte(`u0000`))
		if k < 0 {
			return false
		}
		i += 5 + k
	}
	return false
}
