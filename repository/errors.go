package repository

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/kinerja-id/kinerja/domain"
)

// translate turns a storage error into a domain error where the client caused it
// (a duplicate, a dangling reference, a value the column refuses); anything else is
// wrapped and stays a server error.
func translate(err error, entity string) error {
	if err == nil {
		return nil
	}
	if isNoRows(err) {
		return domain.NotFound(entity)
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch pg.Code {
		case "23505":
			return duplicate(entity, pg.ConstraintName)
		case "23503":
			return domain.Conflict("reference_conflict",
				fmt.Sprintf("%s masih dirujuk oleh data lain atau merujuk data yang tidak ada.", entity),
				fmt.Sprintf("%s is still referenced by other records or refers to a missing one.", entity))
		case "23514", "22001", "22003", "22021", "22P02", "22007", "22008":
			return domain.Invalid(entity, "value_rejected",
				"Nilai ditolak oleh basis data (terlalu panjang, di luar batas, atau karakter tidak sah).",
				"The value was refused by the database (too long, out of range or an illegal character).")
		case "40001", "40P01":
			return domain.Conflict("concurrent_update",
				"Perubahan bersamaan terdeteksi; coba lagi.", "A concurrent change was detected; try again.")
		}
		return fmt.Errorf("%s: %w", entity, err)
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "UNIQUE constraint failed"):
		return duplicate(entity, msg)
	case strings.Contains(msg, "FOREIGN KEY constraint failed"):
		return domain.Conflict("reference_conflict",
			fmt.Sprintf("%s masih dirujuk oleh data lain atau merujuk data yang tidak ada.", entity),
			fmt.Sprintf("%s is still referenced by other records or refers to a missing one.", entity))
	case strings.Contains(msg, "CHECK constraint failed"):
		return domain.Invalid(entity, "value_rejected",
			"Nilai ditolak oleh basis data.", "The value was refused by the database.")
	}
	return fmt.Errorf("%s: %w", entity, err)
}

func duplicate(entity, detail string) error {
	return domain.Conflict("duplicate",
		fmt.Sprintf("%s dengan data kunci yang sama sudah ada (%s).", entity, constraintField(detail)),
		fmt.Sprintf("A %s with the same key already exists (%s).", entity, constraintField(detail)))
}

// constraintField extracts a readable key name from a constraint name or SQLite message.
func constraintField(s string) string {
	if i := strings.LastIndex(s, ":"); i >= 0 {
		s = strings.TrimSpace(s[i+1:])
	}
	s = strings.TrimSuffix(s, "_key")
	return s
}
