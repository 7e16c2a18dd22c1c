#!/usr/bin/env bash
# gRPC benchmark: unary req/s of a bare RPC on Grpc.AspNetCore against a raw Kestrel HTTP/2 endpoint returning
# the same bytes (the cost of grpc-dotnet; goal >= 0.90), and of a real read — the measures service's GetMeasure
# with bearer-token validation, the platform's interceptors and SQLite — against that bare RPC (the cost of our
# own pipeline). All are loaded by h2load in one process's servers; prints rates, server CPU and allocated bytes
# per call (GC.GetTotalAllocatedBytes delta / calls) and the medians of the per-round ratios, and checks
# grpc-status of sampled calls with Grpc.Net.Client (h2load only checks HTTP status).
# Needs h2load (Debian nghttp2-client).
#   tools/bench/grpc.sh [--requests 200000] [--connections 8] [--streams 32] [--rounds 5]
#                       [--warmup 100000] [--sample 2000] [--profile-allocations]
# --profile-allocations replaces the timed rounds with a by-type allocation profile of each endpoint.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

command -v h2load >/dev/null || { echo "grpc.sh: h2load is missing (apt-get install nghttp2-client)" >&2; exit 1; }
dotnet build -c Release -v quiet -nologo "$root/tools/bench/Safeguarding.Bench.Grpc/Safeguarding.Bench.Grpc.csproj" >/dev/null
dotnet "$root/tools/bench/Safeguarding.Bench.Grpc/bin/Release/net10.0/Safeguarding.Bench.Grpc.dll" "$@"
