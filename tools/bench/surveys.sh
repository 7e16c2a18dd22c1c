#!/usr/bin/env bash
# Surveys benchmark (issue 14): seeds 500,000 responses in 200 waves, then prints
#   - the time to close a wave of 10,000 responses (results, SurveyWaveClosed and the figures for measures in
#     one transaction; goal <= 2 s);
#   - respondent page submissions per second (answer + send, two POSTs), direct to the service and through a
#     gateway on its /s/ respondent route (goal >= 500/s through the gateway).
# Figures are printed, never asserted. PostgreSQL when SAFEGUARDING_TEST_POSTGRES is set (or started here with
# tools/testenv/up.sh); --sqlite for the embedded default.
#   tools/bench/surveys.sh [--responses 500000] [--waves 200] [--close-size 10000] [--submissions 5000]
#                          [--concurrency 16] [--sqlite]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release -v quiet -nologo tools/bench/surveys-bench/SurveysBench.csproj >/dev/null

if [[ -z "${SAFEGUARDING_TEST_POSTGRES:-}" && " $* " != *" --sqlite "* ]]; then
  state=$(mktemp -d /tmp/surveys-bench.XXXXXX)
  trap 'tools/testenv/down.sh "$state" >/dev/null 2>&1 || true' EXIT
  tools/testenv/up.sh "$state" >/dev/null
  # shellcheck disable=SC1091
  source "$state/env.sh"
fi

dotnet tools/bench/surveys-bench/bin/Release/net10.0/SurveysBench.dll "$@"
