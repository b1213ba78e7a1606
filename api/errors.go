package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/labstack/echo/v4"

	"github.com/kinerja-id/kinerja/domain"
)

// problem is an RFC 9457 problem details body.
type problem struct {
	Type      string         `json:"type"`
	Title     string         `json:"title"`
	Status    int            `json:"status"`
	Detail    string         `json:"detail,omitempty"`
	Instance  string         `json:"instance,omitempty"`
	Code      string         `json:"code"`
	RequestID string         `json:"request_id,omitempty"`
	Errors    []problemField `json:"errors,omitempty"`
}

type problemField struct {
	Field  string `json:"field"`
	Code   string `json:"code"`
	Detail string `json:"detail"`
}

// problemType is the type URI of a problem code.
func problemType(code string) string {
	return "https://kinerja.go.id/problems/" + strings.ReplaceAll(code, "_", "-")
}

type langKey struct{}

type requestIDKey struct{}

// langOf is the response language chosen for the request ("id" or "en").
func langOf(ctx context.Context) string {
	if l, ok := ctx.Value(langKey{}).(string); ok {
		return l
	}
	return "id"
}

// requestIDOf is the request's id.
func requestIDOf(ctx context.Context) string {
	s, _ := ctx.Value(requestIDKey{}).(string)
	return s
}

// statusOf is the one place that chooses an HTTP status for an error.
func statusOf(k domain.Kind) int {
	switch k {
	case domain.KindInvalid:
		return http.StatusBadRequest
	case domain.KindUnprocessable:
		return http.StatusUnprocessableEntity
	case domain.KindNotFound:
		return http.StatusNotFound
	case domain.KindConflict:
		return http.StatusConflict
	case domain.KindStale:
		return http.StatusPreconditionFailed
	case domain.KindForbidden:
		return http.StatusForbidden
	case domain.KindUnauthenticated:
		return http.StatusUnauthorized
	case domain.KindRateLimited:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// lang picks Indonesian (default) or English from Accept-Language.
func lang(r *http.Request) string {
	best, bestQ := "id", -1.0
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if _, err := fmt.Sscanf(v, "%g", &q); err != nil {
				q = 0
			}
		}
		base := strings.ToLower(strings.SplitN(tag, "-", 2)[0])
		if (base == "en" || base == "id") && q > bestQ {
			best, bestQ = base, q
		}
	}
	return best
}

func pick(t domain.Text, l string) string {
	if l == "en" && t.EN != "" {
		return t.EN
	}
	return t.ID
}

var statusText = map[int]domain.Text{
	400: {ID: "Permintaan tidak valid", EN: "Bad request"},
	401: {ID: "Tidak terautentikasi", EN: "Unauthorized"},
	403: {ID: "Akses ditolak", EN: "Forbidden"},
	404: {ID: "Tidak ditemukan", EN: "Not found"},
	405: {ID: "Metode tidak diizinkan", EN: "Method not allowed"},
	409: {ID: "Konflik data", EN: "Conflict"},
	412: {ID: "Versi data tidak cocok", EN: "Precondition failed"},
	413: {ID: "Isi permintaan terlalu besar", EN: "Payload too large"},
	415: {ID: "Jenis konten tidak didukung", EN: "Unsupported media type"},
	422: {ID: "Tidak dapat diproses", EN: "Unprocessable entity"},
	429: {ID: "Terlalu banyak permintaan", EN: "Too many requests"},
	500: {ID: "Kesalahan server", EN: "Internal server error"},
	503: {ID: "Layanan belum siap", EN: "Service unavailable"},
}

// toProblem converts any error into a problem; internal errors lose their text.
func toProblem(err error, l string) problem {
	if de, ok := domain.AsError(err); ok {
		st := statusOf(de.Kind)
		p := problem{Status: st, Code: de.Code, Detail: pick(de.Text, l)}
		for _, f := range de.Fields {
			p.Errors = append(p.Errors, problemField{Field: f.Field, Code: f.Code, Detail: pick(f.Text, l)})
		}
		if len(de.Fields) == 1 {
			p.Detail = pick(de.Fields[0].Text, l)
		}
		return p
	}
	if ve, ok := asValidationError(err); ok {
		return toProblem(ve, l)
	}
	var he *echo.HTTPError
	if errors.As(err, &he) {
		switch he.Code {
		case http.StatusNotFound:
			return problem{Status: 404, Code: "route_not_found", Detail: pick(domain.Text{
				ID: "Alamat API ini tidak ada.", EN: "There is no such API route."}, l)}
		case http.StatusMethodNotAllowed:
			return problem{Status: 405, Code: "method_not_allowed", Detail: pick(domain.Text{
				ID: "Metode HTTP ini tidak berlaku untuk alamat ini.", EN: "This HTTP method does not apply to this route."}, l)}
		case http.StatusRequestEntityTooLarge:
			return problem{Status: 413, Code: "body_too_large", Detail: pick(domain.Text{
				ID: "Isi permintaan melebihi batas ukuran.", EN: "The request body exceeds the size limit."}, l)}
		case http.StatusUnsupportedMediaType:
			return problem{Status: 415, Code: "unsupported_media_type", Detail: pick(domain.Text{
				ID: "Jenis konten tidak didukung.", EN: "Unsupported content type."}, l)}
		case http.StatusBadRequest:
			return problem{Status: 400, Code: "bad_request", Detail: pick(domain.Text{
				ID: "Permintaan tidak dapat dibaca.", EN: "The request could not be read."}, l)}
		case http.StatusUnauthorized:
			return problem{Status: 401, Code: "unauthenticated", Detail: pick(domain.Text{
				ID: "Silakan masuk terlebih dahulu.", EN: "Please log in first."}, l)}
		case http.StatusTooManyRequests:
			return problem{Status: 429, Code: "too_many_requests", Detail: pick(domain.Text{
				ID: "Terlalu banyak permintaan.", EN: "Too many requests."}, l)}
		case http.StatusServiceUnavailable:
			return problem{Status: 503, Code: "unavailable", Detail: pick(domain.Text{
				ID: "Layanan belum siap.", EN: "The service is not ready."}, l)}
		}
	}
	return problem{Status: 500, Code: "internal_error", Detail: pick(domain.Text{
		ID: "Terjadi kesalahan pada server; sudah dicatat.", EN: "Something went wrong on the server; it has been logged."}, l)}
}

// errorHandler writes every error as application/problem+json; server errors are
// logged with the request id and never show their text.
func errorHandler(log *slog.Logger) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		r := c.Request()
		p := toProblem(err, lang(r))
		p.RequestID = c.Response().Header().Get(echo.HeaderXRequestID)
		p.Type = problemType(p.Code)
		p.Title = pick(statusText[p.Status], lang(r))
		if p.Title == "" {
			p.Title = http.StatusText(p.Status)
		}
		p.Instance = r.URL.Path
		if p.Status >= 500 {
			log.ErrorContext(r.Context(), "request failed", "request_id", p.RequestID,
				"method", r.Method, "path", r.URL.Path, "error", err.Error())
		}
		c.Response().Header().Set(echo.HeaderContentType, "application/problem+json")
		if p.Status == http.StatusUnauthorized {
			// RFC 6750 §3: say which scheme the resource takes
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="kinerja"`)
		}
		var werr error
		if r.Method == http.MethodHead {
			werr = c.NoContent(p.Status)
		} else {
			werr = c.JSON(p.Status, p)
		}
		if werr != nil {
			log.ErrorContext(r.Context(), "write problem", "error", werr)
		}
	}
}

// asValidationError converts the request validator's errors into field errors.
func asValidationError(err error) (*domain.Error, bool) {
	var me openapi3.MultiError
	var re *openapi3filter.RequestError
	var v domain.Validation
	switch {
	case errors.As(err, &me):
		for _, e := range me {
			addRequestError(&v, e)
		}
	case errors.As(err, &re):
		addRequestError(&v, re)
	default:
		return nil, false
	}
	out := v.Err()
	if out == nil {
		return nil, false
	}
	de, _ := domain.AsError(out)
	return de, true
}

func addRequestError(v *domain.Validation, err error) {
	var re *openapi3filter.RequestError
	if !errors.As(err, &re) {
		var me openapi3.MultiError
		if errors.As(err, &me) {
			for _, e := range me {
				addRequestError(v, e)
			}
			return
		}
		v.Add("", "invalid", "Permintaan tidak valid.", "Invalid request.")
		return
	}
	field := "body"
	if re.Parameter != nil {
		field = re.Parameter.Name
	}
	inner := re.Err
	var me openapi3.MultiError
	if errors.As(inner, &me) {
		for _, e := range me {
			addSchemaError(v, field, re.Parameter != nil, e)
		}
		return
	}
	addSchemaError(v, field, re.Parameter != nil, inner)
	if inner == nil {
		reason := re.Reason
		if reason == "" {
			reason = "invalid"
		}
		if strings.Contains(reason, "value is required") || strings.Contains(reason, "must be non-empty") {
			v.Add(field, "required", fmt.Sprintf("%s wajib diisi.", field), fmt.Sprintf("%s is required.", field))
			return
		}
		v.Add(field, "invalid", fmt.Sprintf("%s tidak valid: %s", field, reason), fmt.Sprintf("%s is invalid: %s", field, reason))
	}
}

func addSchemaError(v *domain.Validation, field string, isParam bool, err error) {
	if err == nil {
		return
	}
	var se *openapi3.SchemaError
	if errors.As(err, &se) {
		if !isParam {
			if ptr := se.JSONPointer(); len(ptr) > 0 {
				field = strings.Join(ptr, "/")
			}
		}
		// A missing or unknown property is the property's own error.
		if m := propRe.FindStringSubmatch(se.Reason); m != nil {
			switch {
			case field == "body":
				field = m[1]
			case field != m[1] && !strings.HasSuffix(field, "/"+m[1]):
				field = field + "/" + m[1]
			}
		}
		code, id := translateReason(se.Reason)
		v.Add(field, code, fmt.Sprintf("%s: %s", field, id), fmt.Sprintf("%s: %s", field, se.Reason))
		return
	}
	msg := err.Error()
	if strings.Contains(msg, "failed to decode") || strings.Contains(msg, "invalid character") ||
		strings.Contains(msg, "unexpected EOF") || strings.Contains(msg, "cannot unmarshal") {
		v.Add(field, "malformed", fmt.Sprintf("%s bukan JSON/nilai yang dapat dibaca.", field),
			fmt.Sprintf("%s is not readable JSON or a readable value.", field))
		return
	}
	v.Add(field, "invalid", fmt.Sprintf("%s tidak valid.", field), fmt.Sprintf("%s is invalid: %s", field, msg))
}

var (
	propRe   = regexp.MustCompile(`^property "([^"]+)" is (?:missing|unsupported)`)
	reasonID = []struct {
		re   *regexp.Regexp
		code string
		id   string
	}{
		{regexp.MustCompile(`^property "([^"]+)" is missing`), "required", "wajib diisi"},
		{regexp.MustCompile(`^property "([^"]+)" is unsupported`), "unknown_field", "kolom ini tidak dikenal"},
		{regexp.MustCompile(`^value is not one of the allowed values`), "enum", "nilai tidak termasuk pilihan yang diizinkan"},
		{regexp.MustCompile(`^minimum string length is (\d+)`), "too_short", "terlalu pendek (minimal $1 karakter)"},
		{regexp.MustCompile(`^maximum string length is (\d+)`), "too_long", "terlalu panjang (maksimal $1 karakter)"},
		{regexp.MustCompile(`^number must be at least (\S+)`), "too_small", "minimal $1"},
		{regexp.MustCompile(`^number must be at most (\S+)`), "too_large", "maksimal $1"},
		{regexp.MustCompile(`^value must be an? (\w+)`), "wrong_type", "tipe data salah (harus $1)"},
		{regexp.MustCompile(`^string doesn't match the regular expression`), "pattern", "format tidak sesuai"},
		{regexp.MustCompile(`^string doesn't match the format "?(\w[\w-]*)`), "format", "format tidak sesuai ($1)"},
		{regexp.MustCompile(`^value must be a valid`), "format", "format tidak sesuai"},
		{regexp.MustCompile(`^minimum number of items is (\d+)`), "too_few", "minimal $1 butir"},
		{regexp.MustCompile(`^maximum number of items is (\d+)`), "too_many", "maksimal $1 butir"},
		{regexp.MustCompile(`^duplicate items found`), "duplicate_items", "ada butir ganda"},
		{regexp.MustCompile(`^there must be at least (\d+) properties`), "empty", "minimal $1 kolom harus diisi"},
		{regexp.MustCompile(`^Value is not nullable`), "not_nullable", "tidak boleh null"},
	}
)

func translateReason(reason string) (code, id string) {
	for _, r := range reasonID {
		if m := r.re.FindStringSubmatchIndex(reason); m != nil {
			return r.code, string(r.re.ExpandString(nil, r.id, reason, m))
		}
	}
	return "invalid", "nilai tidak valid"
}
