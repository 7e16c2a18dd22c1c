#!/usr/bin/env bash
# Measures import benchmark: generates an EES-layout CSV (default 1,000,000 rows) in a temp file, then
# times CSV parsing and parse + map (observations, validation, cross-checks) in memory, and totals one
# measure across 33 organisations × 120 months. Figures are printed, never asserted.
#   tools/bench/measures.sh [--rows 1000000] [--runs 3] [--sink count|postgres] [--keep]
#                           [--organisations 33] [--months 120]
# --sink postgres is the hook for the PostgreSQL COPY comparison (tools/bench/measures-import/ObservationSinks.cs).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release -v quiet -nologo tools/bench/measures-import/MeasuresImport.csproj >/dev/null
dotnet tools/bench/measures-import/bin/Release/net10.0/MeasuresImport.dll "$@"
