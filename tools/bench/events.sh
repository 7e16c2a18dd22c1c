#!/usr/bin/env bash
# Events benchmark: publish → consumed-and-committed latency (p50/p99 at a steady rate) and sustained
# throughput, in-process (baseline) and RabbitMQ in the same run, consumer inbox on PostgreSQL
# (or SQLite with --store sqlite). Starts throwaway servers with tools/testenv unless
# SAFEGUARDING_TEST_RABBITMQ / SAFEGUARDING_TEST_POSTGRES are already set.
#   tools/bench/events.sh [--store postgres|sqlite] [--rate 1000] [--seconds 10] [--events 30000]
#                         [--concurrency 16] [--prefetch 256] [--inflight 512] [--batch 100] [--window-ms 0]
#                         [--only inprocess|rabbitmq] [--warmup 5000]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

if [[ -z "${SAFEGUARDING_TEST_RABBITMQ:-}" ]]; then
  state="$(mktemp -d /tmp/sgbench-env.XXXXXX)"
  trap '"$root/tools/testenv/down.sh" "$state"' EXIT
  "$root/tools/testenv/up.sh" "$state"
  # shellcheck disable=SC1091
  source "$state/env.sh"
fi

dotnet build -c Release -v quiet -nologo "$root/tools/bench/Safeguarding.Bench.Events/Safeguarding.Bench.Events.csproj" >/dev/null
dotnet "$root/tools/bench/Safeguarding.Bench.Events/bin/Release/net10.0/Safeguarding.Bench.Events.dll" "$@"
