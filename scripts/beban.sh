#!/usr/bin/env bash
# Runs the load test (cmd/beban) the way docs/reliability.md section 6 measures it:
# builds the server and the generator, creates a fresh database for the demo pemda,
# starts the server on loopback with the demo loaded, warms it up for 5 seconds, runs
# beban with the arguments given (default: 30 s at 16 clients), then stops the server.
#
#   bash scripts/beban.sh                                   # the load test
#   bash scripts/beban.sh -durasi 10m -sampel-memori 30s    # the soak
#   bash scripts/beban.sh -target                           # exit 1 below the target
#
# BEBAN_PG is the PostgreSQL server, as a URL without the database (default: the
# local one, user postgres); the database kinerja_beban on it is dropped and created.
set -euo pipefail
cd "$(dirname "$0")/.."

pg="${BEBAN_PG:-postgres://postgres@127.0.0.1:5432}"
addr="${BEBAN_ADDR:-127.0.0.1:18080}"
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
	args=(-durasi 30s -konkurensi 16)
fi

bin="$(mktemp -d)"
server=""
cleanup() {
	if [ -n "$server" ]; then
		kill "$server" 2>/dev/null || true
		wait "$server" 2>/dev/null || true
	fi
	rm -rf "$bin"
}
trap cleanup EXIT

go build -o "$bin/kinerja" ./cmd/kinerja
go build -o "$bin/beban" ./cmd/beban

psql "$pg/postgres?sslmode=disable" -qc 'DROP DATABASE IF EXISTS kinerja_beban' -c 'CREATE DATABASE kinerja_beban'

DATABASE_URL="$pg/kinerja_beban?sslmode=disable" \
	KINERJA_JWT_SECRET='a-secret-of-at-least-32-bytes-for-the-load-test' \
	KINERJA_DEMO=true KINERJA_ADDR="$addr" KINERJA_LOG_LEVEL=warn \
	"$bin/kinerja" serve >"$bin/server.log" 2>&1 &
server=$!

for _ in $(seq 600); do
	if curl -sf "http://$addr/readyz" >/dev/null; then
		break
	fi
	if ! kill -0 "$server" 2>/dev/null; then
		cat "$bin/server.log" >&2
		echo "beban.sh: the server stopped" >&2
		exit 1
	fi
	sleep 0.5
done
curl -sf "http://$addr/readyz" >/dev/null || {
	cat "$bin/server.log" >&2
	echo "beban.sh: the server did not become ready" >&2
	exit 1
}

"$bin/beban" -url "http://$addr" -durasi 5s -konkurensi 16 >/dev/null
"$bin/beban" -url "http://$addr" -siapkan=false "${args[@]}"
