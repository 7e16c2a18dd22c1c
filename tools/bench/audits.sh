#!/usr/bin/env bash
# Audits benchmark (issue 13, "Scale"): seeds 100,000 case audits of 40 criteria across 330 organisations (bulk:
# binary COPY on PostgreSQL, a prepared insert on SQLite), then prints, over several rounds (median, min, max):
#   - a programme's results through the service (GetProgrammeResults on a multi-agency exercise of 1,000 audits,
#     last year's beside it; goal <= 200 ms) beside a plain SQL aggregate of the same rows;
#   - closing that programme of 1,000 audits (the evidence figures for measures and AuditProgrammeClosed in the
#     outbox, one transaction; goal <= 2 s) beside a plain SQL aggregate and update in one transaction.
# Figures are printed with met/MISSED, never asserted. PostgreSQL when SAFEGUARDING_TEST_POSTGRES is set (or
# started here with tools/testenv/up.sh); --sqlite for the embedded default.
#   tools/bench/audits.sh [--audits 100000] [--organisations 330] [--agencies 10] [--cases 100] [--rounds 7] [--sqlite]
#                        [--keep]  (PostgreSQL: keep the seeded database to EXPLAIN queries; needs SAFEGUARDING_TEST_POSTGRES)
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release -v quiet -nologo tools/bench/Safeguarding.Bench.Audits/Safeguarding.Bench.Audits.csproj >/dev/null

if [[ -z "${SAFEGUARDING_TEST_POSTGRES:-}" && " $* " != *" --sqlite "* ]]; then
  state=$(mktemp -d /tmp/audits-bench.XXXXXX)
  trap 'tools/testenv/down.sh "$state" >/dev/null 2>&1 || true' EXIT
  tools/testenv/up.sh "$state" >/dev/null
  # shellcheck disable=SC1091
  source "$state/env.sh"
fi

dotnet tools/bench/Safeguarding.Bench.Audits/bin/Release/net10.0/Safeguarding.Bench.Audits.dll "$@"
