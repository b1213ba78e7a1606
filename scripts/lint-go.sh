#!/usr/bin/env bash
# Static checks of the Go code with golangci-lint (linters and their settings:
# .golangci.yml; staticcheck, gosec, errcheck, govet ... run inside it).
# Installs the pinned version from the Go module proxy with `go install` when the tools
# directory does not already hold it. The directory is tools/bin (git-ignored); point
# KINERJA_TOOLS_BIN at a cached directory to keep the build across clean checkouts.
# Extra arguments go to `golangci-lint run` (default: ./...). Exits non-zero on any finding.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The v2.x line installs from source through the proxy (gosec's newest release alone
# does not: it needs a refused module). Change the version here and only here.
version=2.15.0
bin_dir=${KINERJA_TOOLS_BIN:-$PWD/tools/bin}
lint=$bin_dir/golangci-lint

have=""
if [[ -x $lint ]]; then
	have=$("$lint" version --short 2>/dev/null || true)
fi
if [[ $have != "$version" ]]; then
	echo "lint-go: installing golangci-lint v$version into $bin_dir (go install; a few minutes when cold)"
	mkdir -p "$bin_dir"
	started=$SECONDS
	GOBIN=$bin_dir go install "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v$version" </dev/null
	echo "lint-go: installed in $((SECONDS - started))s"
	have=$("$lint" version --short)
	[[ $have == "$version" ]] || {
		echo "lint-go: FAILED: installed golangci-lint reports version '$have', want $version" >&2
		exit 1
	}
fi

if (($# == 0)); then
	set -- ./...
fi
"$lint" run "$@" </dev/null
