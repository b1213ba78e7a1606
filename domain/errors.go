// Package domain holds Kinerja's pure business rules: identity and classification
// of civil servants, organisation structure, roles, and (later) appraisal and pay.
// It imports nothing outside the standard library and never reads the clock.
package domain

import (
	"errors"
	"fmt"
	"strings"
)

// Kind classifies an error so that the API layer can choose one status for it.
type Kind int

// Error kinds. The API maps each to exactly one HTTP status.
const (
	KindInvalid         Kind = iota + 1 // the input breaks a rule: 400
	KindUnprocessable                   // well-formed but not acceptable now: 422
	KindNotFound                        // absent or outside the caller's reach: 404
	KindConflict                        // clashes with stored state: 409
	KindStale                           // a precondition (If-Match) failed: 412
	KindForbidden                       // authenticated but not allowed: 403
	KindUnauthenticated                 // no or bad credentials: 401
	KindRateLimited                     // too many attempts: 429
)

// Text is a user-facing message in Indonesian (the default) and English.
type Text struct {
	ID string
	EN string
}

// FieldError names one offending field of a request.
type FieldError struct {
	Field string // JSON field name or path, e.g. "nip" or "items/3/nip"
	Code  string // stable machine code, e.g. "nip_invalid_month"
	Text  Text
}

// Error is the error type every layer returns for things a client can cause.
type Error struct {
	Kind   Kind
	Code   string
	Text   Text
	Fields []FieldError
}

func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return e.Code + ": " + e.Text.EN
	}
	parts := make([]string, 0, len(e.Fields))
	for _, f := range e.Fields {
		parts = append(parts, f.Field+": "+f.Text.EN)
	}
	return e.Code + ": " + strings.Join(parts, "; ")
}

// AsError returns the *Error inside err, if any.
func AsError(err error) (*Error, bool) {
	var de *Error
	if errors.As(err, &de) {
		return de, true
	}
	return nil, false
}

// Invalid reports one bad field.
func Invalid(field, code, id, en string) *Error {
	return &Error{Kind: KindInvalid, Code: "validation_failed",
		Text:   Text{ID: "Data yang dikirim tidak valid.", EN: "The submitted data is invalid."},
		Fields: []FieldError{{Field: field, Code: code, Text: Text{ID: id, EN: en}}}}
}

// Validation collects field errors and returns them as one error, or nil if none.
type Validation struct{ fields []FieldError }

// Add records a field error.
func (v *Validation) Add(field, code, id, en string) {
	v.fields = append(v.fields, FieldError{Field: field, Code: code, Text: Text{ID: id, EN: en}})
}

// Merge adds the field errors of err (an *Error) under a field prefix; other errors are ignored.
func (v *Validation) Merge(prefix string, err error) {
	de, ok := AsError(err)
	if !ok {
		return
	}
	for _, f := range de.Fields {
		if prefix != "" {
			f.Field = prefix + "/" + f.Field
		}
		v.fields = append(v.fields, f)
	}
}

// Err returns the collected errors, or nil.
func (v *Validation) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &Error{Kind: KindInvalid, Code: "validation_failed",
		Text:   Text{ID: "Data yang dikirim tidak valid.", EN: "The submitted data is invalid."},
		Fields: v.fields}
}

// NotFound reports that an entity does not exist or is outside the caller's reach;
// the two are deliberately indistinguishable.
func NotFound(entity string) *Error {
	return &Error{Kind: KindNotFound, Code: "not_found",
		Text: Text{ID: fmt.Sprintf("%s tidak ditemukan.", entity), EN: fmt.Sprintf("%s not found.", entity)}}
}

// Conflict reports a clash with stored state.
func Conflict(code, id, en string) *Error {
	return &Error{Kind: KindConflict, Code: code, Text: Text{ID: id, EN: en}}
}

// Unprocessable reports input that is well-formed but cannot be acted on now.
func Unprocessable(code, id, en string) *Error {
	return &Error{Kind: KindUnprocessable, Code: code, Text: Text{ID: id, EN: en}}
}

// Forbidden reports an action the caller may not take.
func Forbidden(id, en string) *Error {
	return &Error{Kind: KindForbidden, Code: "forbidden", Text: Text{ID: id, EN: en}}
}

// ErrForbidden is the generic permission failure.
var ErrForbidden = Forbidden("Anda tidak berwenang melakukan tindakan ini.", "You are not allowed to do this.")

// Unauthenticated reports missing or bad credentials.
func Unauthenticated(code, id, en string) *Error {
	return &Error{Kind: KindUnauthenticated, Code: code, Text: Text{ID: id, EN: en}}
}

// Stale reports a failed If-Match precondition.
func Stale() *Error {
	return &Error{Kind: KindStale, Code: "stale_version",
		Text: Text{ID: "Data telah diubah oleh pihak lain; muat ulang lalu coba lagi.",
			EN: "The record was changed by someone else; reload and try again."}}
}
