#!/usr/bin/env bash
# Measures import benchmark. Generates an EES-layout CSV (default 1,000,000 rows, DfE c1 layout) and prints:
#   - parse, and parse + map (observations, validation, cross-checks) in memory, per wall and CPU second;
#   - the same file imported into PostgreSQL through the running service's ImportCsv RPC (batched
#     transactions with their outbox events), against a binary COPY of the same rows, and the ratio;
#   - the time to total one measure across 33 organisations × 120 months read from the database.
# Figures are printed, never asserted. Uses SAFEGUARDING_TEST_POSTGRES when set; otherwise starts a
# throwaway PostgreSQL with tools/testenv/up.sh and stops it afterwards.
#   tools/bench/measures.sh [--rows 1000000] [--runs 1] [--batch-rows 5000] [--keep] [--no-postgres]
#                           [--organisations 33] [--months 120]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release -v quiet -nologo tools/bench/measures-import/MeasuresImport.csproj >/dev/null

if [[ -z "${SAFEGUARDING_TEST_POSTGRES:-}" && " $* " != *" --no-postgres "* ]]; then
  state=$(mktemp -d /tmp/measures-bench.XXXXXX)
  trap 'tools/testenv/down.sh "$state" >/dev/null 2>&1 || true' EXIT
  tools/testenv/up.sh "$state" >/dev/null
  # shellcheck disable=SC1091
  source "$state/env.sh"
fi

dotnet tools/bench/measures-import/bin/Release/net10.0/MeasuresImport.dll "$@"
