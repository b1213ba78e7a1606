#!/usr/bin/env bash
# Runs the project's benchmarks and prints their figures in Go benchmark format.
# The PostgreSQL ones need TEST_DATABASE_URL (e.g. the local server, or the cluster
# scripts/test.sh starts); without it they are skipped and say so.
set -euo pipefail
cd "$(dirname "$0")/.."
go test ./domain -run '^$' -bench 'HitungTPP|KlasifikasiBulan|ParseATTLOG' -benchmem
go test ./repository -run '^$' -bench 'BenchmarkImporKehadiran|BenchmarkMasukanTPP' -benchtime=1x -timeout 30m
go test ./service -run '^$' -bench 'BenchmarkBarisTPP|BenchmarkHasilJSON' -benchmem
go test ./service -run '^$' -bench 'BenchmarkRekapBulanan|BenchmarkPerhitunganTPP' -benchtime=1x -benchmem -timeout 30m
