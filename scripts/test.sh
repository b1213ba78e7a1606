#!/usr/bin/env bash
# The project's test command: bash scripts/test.sh [go test flags or packages]
#
# Runs `go test -count=1 ./... "$@"` against a PostgreSQL database:
#   1. TEST_DATABASE_URL, when it is set;
#   2. otherwise a throwaway cluster in a temp dir, when the PostgreSQL server binaries
#      (initdb, pg_ctl) are installed; it is stopped and deleted on exit, pass or fail;
#   3. otherwise none: PostgreSQL tests skip, except when CI is set, where that is an error.
# Works from any directory, with no stdin, as root (the cluster then runs as `postgres`)
# or as an ordinary user.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PG_FIRST_PORT=55432 # the first loopback port tried for the throwaway cluster
PG_PORT_TRIES=50
PG_MAX_CONNECTIONS=200

pg_bindir=""
pg_tmp=""
pg_started=false

log() { printf 'test.sh: %s\n' "$*" >&2; }

# find_pg_bindir prints the directory holding initdb and pg_ctl, preferring
# `pg_config --bindir`, then the newest /usr/lib/postgresql/*/bin, then PATH.
find_pg_bindir() {
	local d
	if command -v pg_config >/dev/null 2>&1; then
		d=$(pg_config --bindir 2>/dev/null || true)
		if [[ -n $d && -x $d/initdb && -x $d/pg_ctl ]]; then
			printf '%s\n' "$d"
			return 0
		fi
	fi
	# Newest version first (sort -V: 9.6 < 15 < 17).
	while IFS= read -r d; do
		if [[ -x $d/initdb && -x $d/pg_ctl ]]; then
			printf '%s\n' "$d"
			return 0
		fi
	done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -rV)
	if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
		dirname "$(command -v initdb)"
		return 0
	fi
	return 1
}

# as_pg runs a command as the cluster owner: `postgres` when we are root (initdb and
# postgres refuse to run as root), else the current user.
as_pg() {
	if [[ $EUID -ne 0 ]]; then
		"$@"
	elif command -v runuser >/dev/null 2>&1; then
		runuser -u postgres -- "$@"
	else
		su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
	fi
}

# port_in_use succeeds when something accepts TCP connections on 127.0.0.1:$1.
port_in_use() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# shellcheck disable=SC2317 # called from the EXIT trap
stop_cluster() {
	[[ -n $pg_tmp ]] || return 0
	local data=$pg_tmp/data
	if [[ -f $data/postmaster.pid ]]; then
		if ! as_pg "$pg_bindir/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1; then
			log "fast shutdown failed; trying immediate"
			as_pg "$pg_bindir/pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
		fi
		if [[ -f $data/postmaster.pid ]]; then
			local pid
			pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
			if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
				log "killing postmaster $pid"
				kill -KILL "$pid" 2>/dev/null || true
			fi
		fi
	fi
	rm -rf -- "$pg_tmp"
	pg_tmp=""
	if $pg_started; then
		log "stopped and removed the throwaway PostgreSQL cluster"
	fi
	pg_started=false
}

# shellcheck disable=SC2317 # the EXIT trap
on_exit() {
	local rc=$?
	trap - EXIT INT TERM
	stop_cluster || true
	exit "$rc"
}

start_cluster() {
	if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
		log "running as root but there is no 'postgres' user to own the test cluster"
		return 1
	fi
	local base=/tmp
	if [[ $EUID -ne 0 ]]; then
		base=${TMPDIR:-/tmp}
		base=${base%/}
	fi
	pg_tmp=$(mktemp -d "$base/kinerja-pg.XXXXXX")
	if [[ $EUID -eq 0 ]]; then
		chown postgres: "$pg_tmp"
	fi
	local data=$pg_tmp/data logfile=$pg_tmp/postgres.log

	log "initdb ($pg_bindir) in $pg_tmp"
	# --locale=C: the same ordering and no dependence on the machine's installed locales.
	if ! (cd "$pg_tmp" && as_pg "$pg_bindir/initdb" -D "$data" -A trust -U postgres \
		--no-sync -E UTF8 --locale=C >"$pg_tmp/initdb.log" 2>&1); then
		cat "$pg_tmp/initdb.log" >&2 || true
		log "initdb failed"
		return 1
	fi

	local port=$PG_FIRST_PORT last=$((PG_FIRST_PORT + PG_PORT_TRIES))
	while ((port < last)); do
		if port_in_use "$port"; then
			port=$((port + 1))
			continue
		fi
		# fsync=off: the data is thrown away, crash safety of the OS is irrelevant.
		if (cd "$pg_tmp" && as_pg "$pg_bindir/pg_ctl" -D "$data" -l "$logfile" -w -t 60 \
			-o "-p $port -k $pg_tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=$PG_MAX_CONNECTIONS" \
			start >/dev/null 2>&1); then
			pg_started=true
			export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
			return 0
		fi
		# Lost a race for the port? Then try the next one; anything else is fatal.
		if grep -qiE 'could not (bind|create listen)|address already in use' "$logfile" 2>/dev/null; then
			as_pg "$pg_bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
			: >"$logfile"
			port=$((port + 1))
			continue
		fi
		tail -n 30 "$logfile" >&2 2>/dev/null || true
		log "pg_ctl start failed on port $port"
		return 1
	done
	log "no free loopback port in $PG_FIRST_PORT..$((last - 1))"
	return 1
}

# redact hides passwords in URLs (user:secret@) and in key=value DSNs (password=secret).
redact() { sed -E -e 's#(://[^:/@]*):[^@/]*@#\1:***@#' -e 's#(password=)[^ &]*#\1***#g'; }

trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -n ${TEST_DATABASE_URL:-} ]]; then
	log "database: TEST_DATABASE_URL from the environment: $(printf '%s' "$TEST_DATABASE_URL" | redact)"
elif pg_bindir=$(find_pg_bindir); then
	start_cluster
	log "database: throwaway PostgreSQL cluster ($("$pg_bindir/postgres" --version 2>/dev/null || echo "$pg_bindir")) at $TEST_DATABASE_URL"
elif [[ -n ${CI:-} ]]; then
	log "ERROR: PostgreSQL is required in CI: set TEST_DATABASE_URL or install the PostgreSQL server (initdb, pg_ctl)"
	exit 1
else
	log "database: none. No TEST_DATABASE_URL and no PostgreSQL server binaries (initdb, pg_ctl) found:"
	log "PostgreSQL tests will be SKIPPED (SQLite tests still run). Install PostgreSQL or set TEST_DATABASE_URL to run them."
fi

rc=0
go test -count=1 ./... "$@" </dev/null || rc=$?
if [[ -n ${TEST_DATABASE_URL:-} ]]; then
	log "tests ran against PostgreSQL: $(printf '%s' "$TEST_DATABASE_URL" | redact) (go test exit $rc)"
else
	log "tests ran without PostgreSQL (go test exit $rc)"
fi
exit "$rc"
