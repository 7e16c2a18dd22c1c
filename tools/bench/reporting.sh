#!/usr/bin/env bash
# Reporting benchmarks; figures are printed, never asserted.
#   tools/bench/reporting.sh [--runs 7] [--areas 12] [--measures 150] [--years 5] [--partnerships 33] [--pdf]
#       Report Book rendering: one partnership (goal <= 300 ms) and London's 33 partnerships (goal <= 3 s).
#   tools/bench/reporting.sh --rebuild [--observations 100000] [--batch 500] [--runs 3] [--postgres]
#       The reporting service's read models: live consumption of the observations through the in-process
#       transport and inbox, then RebuildReadModels over gRPC (SQLite file; PostgreSQL with --postgres and
#       SAFEGUARDING_TEST_POSTGRES from tools/testenv/up.sh).
#   tools/bench/reporting.sh --assemble [--partnerships 33] [--measures 150] [--years 5] [--runs 5] [--postgres]
#       The same goals end to end: GenerateReportBook over gRPC from read models seeded with each partnership's
#       history (150 measures, 40 audit programmes, 20 case reviews' actions, 100 actions in all), beside rendering
#       a sample book of the same size alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tools/bench/report-render/ReportRender.csproj -- "$@"
