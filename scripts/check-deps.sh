#!/usr/bin/env bash
# Enforces the dependency direction of docs/architecture (api -> service -> domain <- repository)
# on the non-test imports reported by `go list`:
#   domain/...      imports only the standard library (and other domain packages)
#   repository/...  imports neither service/... nor api/...
#   service/...     imports neither repository/... nor api/...
#   api/...         (including api/apigen) does not import repository/...
#   laporan/...     (document rendering for the services) imports only domain of ours
#   only cmd/...    may import both api/... and repository/...
# Prints every violation and exits 1 if there is any, or if `go list` fails.
set -euo pipefail
shopt -s extglob

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Non-standard imports that domain may use, e.g. a small decimal library. None for now.
DOMAIN_ALLOWED=()

if ! module=$(go list -m); then
	echo "check-deps: FAILED: go list -m failed" >&2
	exit 1
fi
if ! listing=$(go list -f '{{.ImportPath}} {{join .Imports " "}}' ./...); then
	echo "check-deps: FAILED: go list could not load the packages (see the errors above)" >&2
	exit 1
fi
if [[ -z $listing ]]; then
	echo "check-deps: FAILED: go list found no packages" >&2
	exit 1
fi

# layer prints the top-level directory of one of our packages (domain, service, ...),
# "root" for the module's own root package, or nothing for a package not of this module.
layer() {
	local p=$1
	if [[ $p == "$module" ]]; then
		echo root
	elif [[ $p == "$module"/* ]]; then
		p=${p#"$module"/}
		echo "${p%%/*}"
	fi
}

is_std() {
	local first=${1%%/*}
	[[ $first != *.* ]]
}

domain_allowed() {
	local a
	for a in ${DOMAIN_ALLOWED[@]+"${DOMAIN_ALLOWED[@]}"}; do
		[[ $1 == "$a" || $1 == "$a"/* ]] && return 0
	done
	return 1
}

violations=0
packages=0
violation() {
	echo "violation: $1"
	violations=$((violations + 1))
}

while read -r pkg imports; do
	[[ -n $pkg ]] || continue
	packages=$((packages + 1))
	from=$(layer "$pkg")
	imports_api=false
	imports_repo=false
	for imp in $imports; do
		to=$(layer "$imp")
		[[ $to == api ]] && imports_api=true
		[[ $to == repository ]] && imports_repo=true
		case $from in
		domain)
			if [[ $to == domain ]] || is_std "$imp" || domain_allowed "$imp"; then
				:
			else
				violation "$pkg imports $imp (domain may import only the standard library)"
			fi
			;;
		repository)
			if [[ $to == service || $to == api ]]; then
				violation "$pkg imports $imp (repository must not import $to)"
			fi
			;;
		service)
			if [[ $to == repository || $to == api ]]; then
				violation "$pkg imports $imp (service must not import $to)"
			fi
			;;
		laporan)
			if [[ -n $to && $to != domain && $to != laporan ]]; then
				violation "$pkg imports $imp (laporan may import only domain of this module)"
			fi
			;;
		api)
			if [[ $to == repository ]]; then
				violation "$pkg imports $imp (api must not import repository)"
			fi
			;;
		esac
	done
	# domain, repository, service and api already broke a rule above if they import both.
	if $imports_api && $imports_repo && [[ $from != @(cmd|domain|repository|service|api) ]]; then
		violation "$pkg imports both api and repository (only cmd/... may)"
	fi
done <<<"$listing"

if ((violations > 0)); then
	echo "check-deps: FAILED: $violations violation(s) in $packages packages" >&2
	exit 1
fi
echo "check-deps: OK ($packages packages)"
