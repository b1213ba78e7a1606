#!/usr/bin/env bash
# Compares two builds of the server under the same load at the same time, so that the
# machine's drift in speed (a quarter within an hour on the 2-core machines) falls on
# both alike: both servers run on one demo database, each loaded by its own beban, and
# for each the script prints the CPU it used per request, and that of the PostgreSQL
# backends serving it (told apart by application_name), over the middle of the run.
#
#   go build -o /tmp/kinerja_a ./cmd/kinerja    # one build
#   go build -o /tmp/kinerja_b ./cmd/kinerja    # the other
#   bash scripts/beban-ab.sh /tmp/kinerja_a /tmp/kinerja_b [beban args]
#
# The beban args default to `-durasi 30s -konkurensi 8` (8 clients on each server);
# `-hanya NAME` loads one operation. BEBAN_PG names the PostgreSQL server as in
# scripts/beban.sh. Run it twice with the builds swapped: an A/A run (one build twice)
# showed the two sides within 3 % of each other.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 2 ]; then
	echo "usage: $0 SERVER_A SERVER_B [beban args]" >&2
	exit 2
fi
a=$(realpath "$1") b=$(realpath "$2")
shift 2
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(-durasi 30s -konkurensi 8)

pg=${BEBAN_PG:-postgres://postgres@127.0.0.1:5432}
work=$(mktemp -d)
go build -o "$work/beban" ./cmd/beban
psql "$pg/postgres" -qc 'DROP DATABASE IF EXISTS kinerja_beban' -c 'CREATE DATABASE kinerja_beban'

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
start() { # binary port name demo
	DATABASE_URL="$pg/kinerja_beban?sslmode=disable&application_name=$3" \
		KINERJA_JWT_SECRET='beban-ab-secret-of-at-least-32-bytes' KINERJA_DEMO=$4 \
		KINERJA_ADDR=127.0.0.1:$2 KINERJA_LOG_LEVEL=warn "$1" serve >"$work/$3.log" 2>&1 &
	pids+=($!)
	for _ in $(seq 400); do
		curl -sf "http://127.0.0.1:$2/readyz" >/dev/null && return
		sleep 0.3
	done
	echo "$3 did not start:" >&2
	cat "$work/$3.log" >&2
	exit 1
}
start "$a" 18081 beban_a true
start "$b" 18082 beban_b false
"$work/beban" -url http://127.0.0.1:18081 -durasi 5s -konkurensi 8 >/dev/null # payroll prepared, both warm
"$work/beban" -url http://127.0.0.1:18082 -durasi 5s -konkurensi 8 -siapkan=false >/dev/null

"$work/beban" -url http://127.0.0.1:18081 -siapkan=false "${args[@]}" >"$work/a.out" 2>&1 &
la=$!
"$work/beban" -url http://127.0.0.1:18082 -siapkan=false "${args[@]}" >"$work/b.out" 2>&1 &
lb=$!
until grep -q "clients for" "$work/a.out" && grep -q "clients for" "$work/b.out"; do sleep 0.2; done
sleep 2

ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pgticks() {
	local s=0 p
	for p in $(psql "$pg/postgres" -Atc "SELECT pid FROM pg_stat_activity WHERE application_name = '$1'"); do
		s=$((s + $(ticks "$p")))
	done
	echo $s
}
reqs() { curl -s "http://127.0.0.1:$1/metrics" | awk '/^kinerja_http_requests_total/ {s += $2} END {print s}'; }
sample() { echo "$(ticks "${pids[0]}") $(ticks "${pids[1]}") $(pgticks beban_a) $(pgticks beban_b) $(reqs 18081) $(reqs 18082)"; }

read -r sa1 sb1 pa1 pb1 ra1 rb1 < <(sample)
sleep "${BEBAN_AB_SAMPLE:-15}"
read -r sa2 sb2 pa2 pb2 ra2 rb2 < <(sample)
wait $la $lb || true

hz=$(getconf CLK_TCK)
per() { awk -v t="$1" -v n="$2" -v hz="$hz" 'BEGIN {printf "%.3f", t * 1000 / hz / n}'; }
echo "A ($a): server $(per $((sa2 - sa1)) $((ra2 - ra1))) ms/request, PostgreSQL $(per $((pa2 - pa1)) $((ra2 - ra1))) ms/request"
grep "authenticated reads" "$work/a.out"
echo "B ($b): server $(per $((sb2 - sb1)) $((rb2 - rb1))) ms/request, PostgreSQL $(per $((pb2 - pb1)) $((rb2 - rb1))) ms/request"
grep "authenticated reads" "$work/b.out"
