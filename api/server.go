// Package api is Kinerja's HTTP layer: an Echo server whose routes, request
// validation and authentication come from openapi.yaml. Handlers are thin: they
// convert, call one service method and convert back.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/kinerja-id/kinerja"
	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/service"
)

// Config tunes the HTTP layer.
type Config struct {
	BodyLimit   int64 // bytes, for ordinary requests
	ImportLimit int64 // bytes, for CSV imports
	TrustProxy  bool  // take the client address from X-Forwarded-For
}

// Deps are what the server needs from the outside.
type Deps struct {
	Log      *slog.Logger
	Registry *prometheus.Registry
	Handler  *Handler
	Auth     Authenticator
	// Idempotensi keeps Idempotency-Key claims of creating requests; nil turns the
	// generic handling off.
	Idempotensi IdempotensiStore
}

// New builds the Echo server with every route of the spec.
func New(ctx context.Context, cfg Config, d Deps) (*echo.Echo, error) {
	doc, err := LoadSpec(ctx, kinerja.OpenAPI)
	if err != nil {
		return nil, err
	}
	// The middleware built here runs per request on the request's own context, not on
	// ctx (which only bounds loading the spec): contextcheck's findings are false positives.
	validate, err := validator(doc, d.Auth) //nolint:contextcheck // see above
	if err != nil {
		return nil, err
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = errorHandler(d.Log) //nolint:contextcheck // per request, see above
	e.JSONSerializer = exactJSON{}
	// Behind a reverse proxy set TrustProxy so that rate limits key on the real client.
	e.IPExtractor = echo.ExtractIPDirect()
	if cfg.TrustProxy {
		e.IPExtractor = echo.ExtractIPFromXFFHeader()
	}

	requests := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "kinerja_http_requests_total", Help: "HTTP requests by route and status.",
	}, []string{"method", "route", "status"})
	latency := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "kinerja_http_request_duration_seconds", Help: "HTTP request latency by route.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"method", "route"})
	if d.Registry != nil {
		if err := d.Registry.Register(requests); err != nil {
			return nil, fmt.Errorf("register metrics: %w", err)
		}
		if err := d.Registry.Register(latency); err != nil {
			return nil, fmt.Errorf("register metrics: %w", err)
		}
	}

	e.Use(requestID, accessLog(d.Log, requests, latency), recoverer(d.Log), bodyLimit(cfg), validate, idempotensi(d.Idempotensi)) //nolint:contextcheck // per request, see above

	apigen.RegisterHandlers(e, apigen.NewStrictHandler(d.Handler, nil))
	e.GET("/openapi.yaml", serveSpec)
	e.GET("/docs", serveDocs)
	e.GET("/docs/", serveDocs)
	e.GET("/docs/redoc.standalone.js", serveRedoc)
	if d.Registry != nil {
		e.GET("/metrics", echo.WrapHandler(promhttp.HandlerFor(d.Registry, promhttp.HandlerOpts{})))
	}
	return e, nil
}

// requestID takes a sane X-Request-ID from the client or makes one, and puts it on
// the response and in the context.
func requestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		id := c.Request().Header.Get(echo.HeaderXRequestID)
		if len(id) == 0 || len(id) > 64 || strings.ContainsFunc(id, func(r rune) bool { return r < 0x21 || r > 0x7e }) {
			id = uuid.NewString()
		}
		c.Response().Header().Set(echo.HeaderXRequestID, id)
		ctx := service.WithRequestID(c.Request().Context(), id)
		ctx = context.WithValue(ctx, addressKey{}, c.RealIP())
		ctx = context.WithValue(ctx, langKey{}, lang(c.Request()))
		ctx = context.WithValue(ctx, requestIDKey{}, id)
		c.SetRequest(c.Request().WithContext(ctx))
		return next(c)
	}
}

// accessLog writes one JSON line per request and records metrics.
func accessLog(log *slog.Logger, requests *prometheus.CounterVec, latency *prometheus.HistogramVec) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			start := time.Now()
			err := next(c)
			if err != nil {
				c.Error(err)
			}
			route := c.Path()
			if route == "" {
				route = "unmatched"
			}
			status := c.Response().Status
			dur := time.Since(start)
			requests.WithLabelValues(c.Request().Method, route, strconv.Itoa(status)).Inc()
			latency.WithLabelValues(c.Request().Method, route).Observe(dur.Seconds())
			actorName, _ := c.Get("actor").(string)
			log.LogAttrs(c.Request().Context(), slog.LevelInfo, "request",
				slog.String("request_id", c.Response().Header().Get(echo.HeaderXRequestID)),
				slog.String("method", c.Request().Method), slog.String("path", c.Request().URL.Path),
				slog.String("route", route), slog.Int("status", status),
				slog.Int64("bytes", c.Response().Size), slog.Float64("ms", float64(dur.Microseconds())/1000),
				slog.String("actor", actorName), slog.String("remote", c.RealIP()))
			return nil
		}
	}
}

// recoverer turns a panic into a logged 500 problem.
func recoverer(log *slog.Logger) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) (err error) {
			defer func() {
				if r := recover(); r != nil {
					if r == http.ErrAbortHandler { //nolint:errorlint // a recovered value, compared by identity as net/http does
						panic(r)
					}
					log.ErrorContext(c.Request().Context(), "panic", "request_id", c.Response().Header().Get(echo.HeaderXRequestID),
						"panic", fmt.Sprint(r), "stack", string(debug.Stack()))
					err = fmt.Errorf("panic: %v", r)
				}
			}()
			return next(c)
		}
	}
}

// exactJSON decodes request bodies keeping numbers in free-form objects (a TPP rule
// profile) as their literal text, so that a decimal such as 1.24897 or an amount of
// 9007199254740993 reaches the domain exactly instead of through float64.
type exactJSON struct{ echo.DefaultJSONSerializer }

// Deserialize implements echo.JSONSerializer.
func (exactJSON) Deserialize(c echo.Context, i any) error {
	dec := json.NewDecoder(c.Request().Body)
	dec.UseNumber()
	err := dec.Decode(i)
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	if errors.As(err, &te) || errors.As(err, &se) {
		return echo.NewHTTPError(http.StatusBadRequest, err.Error()).SetInternal(err)
	}
	return err
}

// bodyLimit caps request bodies; imports and the month's payroll inputs (one row per
// pegawai) get a larger cap.
func bodyLimit(cfg Config) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			limit := cfg.BodyLimit
			if p := c.Request().URL.Path; strings.HasSuffix(p, "/impor") || strings.HasPrefix(p, "/api/v1/masukan-tpp/") {
				limit = cfg.ImportLimit
			}
			req := c.Request()
			if req.ContentLength > limit {
				return echo.ErrStatusRequestEntityTooLarge
			}
			req.Body = http.MaxBytesReader(c.Response(), req.Body, limit)
			return next(c)
		}
	}
}
