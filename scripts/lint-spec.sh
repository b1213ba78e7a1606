#!/usr/bin/env bash
# Lints openapi.yaml with Redocly CLI, pinned in tools/package.json (rules: redocly.yaml).
# Installs the pinned tools with `npm ci` when they are missing or not the locked version.
# Exits non-zero on any lint error (warnings are printed but do not fail).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "lint-spec: FAILED: Node.js and npm are required (Redocly CLI 2.x needs Node >= 20.19)" >&2
	exit 1
fi

want=$(node -p 'require("./tools/package-lock.json").packages["node_modules/@redocly/cli"].version')
have=""
if [[ -f tools/node_modules/@redocly/cli/package.json ]]; then
	have=$(node -p 'require("./tools/node_modules/@redocly/cli/package.json").version')
fi
if [[ ! -x tools/node_modules/.bin/redocly || $have != "$want" ]]; then
	# Trust the system's CA bundle too (Node otherwise uses only its own), e.g. behind a
	# TLS-inspecting proxy whose CA is installed system-wide.
	if [[ -z ${NODE_EXTRA_CA_CERTS:-} && -r /etc/ssl/certs/ca-certificates.crt ]]; then
		export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
	fi
	echo "lint-spec: installing the pinned tools (npm ci --prefix tools)"
	npm ci --prefix tools --no-audit --no-fund </dev/null
fi

# No telemetry or update checks: CI has no internet and must not depend on it.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_NOTIFICATIONS=true REDOCLY_SUPPRESS_UPDATE_NOTICE=true
tools/node_modules/.bin/redocly lint openapi.yaml --config redocly.yaml --max-problems 1000 </dev/null
