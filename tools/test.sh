#!/usr/bin/env bash
# The test command (README, .ci/run): installs what is missing, starts throwaway PostgreSQL and
# RabbitMQ on loopback, builds, runs every test project (every category), stops the servers and
# ends with one summary line: "N passed, N failed, N skipped".
#
#   ./tools/test.sh                   everything
#   ./tools/test.sh --filter EXPR     passed to dotnet test (e.g. "Category!=Browser")
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

filter=()
if [[ "${1:-}" == "--filter" && -n "${2:-}" ]]; then
  filter=(--filter "$2")
fi

"$root/tools/testenv/install.sh"

state=$(mktemp -d /tmp/safeguarding-test.XXXXXX)
results="$state/results"
mkdir -p "$results"
cleanup() { "$root/tools/testenv/down.sh" "$state" >/dev/null 2>&1 || true; }
trap cleanup EXIT

"$root/tools/testenv/up.sh" "$state"
# shellcheck disable=SC1091
source "$state/env.sh"
export SAFEGUARDING_REPO_ROOT="$root"

echo "== build"
dotnet build Safeguarding.Platform.sln -c Release -nologo -v quiet

projects=$(find tests -name '*.csproj' -print0 | xargs -0 grep -L '<OutputType>Exe</OutputType>' | sort)
status=0
for project in $projects; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  if ! dotnet test "$project" -c Release --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
      --results-directory "$results" "${filter[@]}"; then
    status=1
  fi
  if [[ ! -f "$results/$name.trx" ]]; then
    echo "!! $name produced no results (crashed or did not start)"
    status=1
  fi
done

# One plain line for CI: summed over every project's TRX counters.
read -r passed failed skipped < <(
  for trx in "$results"/*.trx; do
    grep -o '<Counters [^>]*>' "$trx"
  done | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); c[kv[1]] += kv[2] } }
    END { printf "%d %d %d\n", c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"], c["notExecuted"] }')
echo
if [[ "$failed" -gt 0 ]]; then
  python3 "$root/tools/testenv/trx_failures.py" "$results"/*.trx || true
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [[ "$failed" -gt 0 || "$passed" -eq 0 ]]; then
  status=1
fi
exit $status
