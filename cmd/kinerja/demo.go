package main

import (
	"context"
	"errors"
	"io"
	"log/slog"

	"github.com/kinerja-id/kinerja/repository"
)

// seedDemo loads the demo pemda (see package demo) and prints how to log in.
func seedDemo(ctx context.Context, db *repository.DB, log *slog.Logger, stdout io.Writer) error {
	return errors.New("demo dataset: not wired yet") // TODO(stub)
}
