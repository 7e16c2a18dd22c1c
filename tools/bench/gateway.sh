#!/usr/bin/env bash
# Gateway benchmark (issue 6, item 9). Real measures instances (SQLite) and real gateways in one process,
# loopback h2c; numbers are printed beside their baseline from the same run and compared with the goals
# (met / MISSED), never asserted.
#  1. Throughput: one measures RPC (GetMeasure: reference read; ListObservations: row-level read, audited)
#     loaded by h2load directly (with what the gateway forwards: the analyst's bearer JWT and target header; the
#     service validates the token itself) and through the gateway (the bearer JWT alone), alternating rounds; median req/s of each and the median per-round ratio
#     gateway/direct (goal >= 0.7). Sampled calls through our client check grpc-status both ways.
#  2. Fan-out: MeasuresAggregation/GetMeasureAcrossOrganisations London-wide (region analyst) through a
#     gateway with 33 partnerships (each its own measures instance, 24 monthly figures) against one with 1;
#     p50/p95/p99 at each concurrency and the ratios (goals p50 <= 2x, p99 <= 3x). Every answer must list
#     every partnership with status OK. Both run without the area answer cache (cold); then a third gateway with
#     it (Redis as the second level: a throwaway redis-server when one is installed) is timed warm against the
#     one-partnership gateway (goal p50 <= 1.2x).
# Needs h2load (Debian nghttp2-client).
#   tools/bench/gateway.sh [--part all|throughput|fanout] [--rpc both|GetMeasure|ListObservations]
#                          [--rounds 5] [--requests 10000] [--warmup 3000] [--connections 8] [--streams 16]
#                          [--sample 200] [--fanout-calls 200] [--fanout-warmup 40] [--fanout-concurrency 1,4]
#                          [--partnerships 33] [--redis host:port] [--no-telemetry] [--quick]
# --quick: small numbers for a smoke run (2 rounds of 2000 requests, 20 fan-out calls).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

command -v h2load >/dev/null || { echo "gateway.sh: h2load is missing (apt-get install nghttp2-client)" >&2; exit 1; }
dotnet build -c Release -v quiet -nologo "$root/tools/bench/Safeguarding.Bench.Gateway/Safeguarding.Bench.Gateway.csproj" >/dev/null

# The warm fan-out keeps its answers in a throwaway redis-server as the Board's replicas do, when one is installed.
redis=()
if command -v redis-server >/dev/null && [[ " $* " != *" --redis "* ]]; then
  redis_dir=$(mktemp -d /tmp/sgbench-redis.XXXXXX)
  redis_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$redis_dir" \
    --daemonize yes --pidfile "$redis_dir/redis.pid" >/dev/null
  trap 'kill "$(cat "$redis_dir/redis.pid" 2>/dev/null)" 2>/dev/null; rm -rf "$redis_dir"' EXIT
  redis=(--redis "127.0.0.1:$redis_port")
fi
dotnet "$root/tools/bench/Safeguarding.Bench.Gateway/bin/Release/net10.0/Safeguarding.Bench.Gateway.dll" "$@" "${redis[@]}"
