#!/usr/bin/env bash
# Times Report Book rendering: one partnership (goal <= 300 ms) and London's 33 partnerships (goal <= 3 s).
# Usage: tools/bench/reporting.sh [--runs 7] [--areas 12] [--measures 150] [--years 5] [--partnerships 33]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tools/bench/report-render/ReportRender.csproj -- "$@"
