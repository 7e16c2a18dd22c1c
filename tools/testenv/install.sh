#!/usr/bin/env bash
# Installs the Debian packages the tests use, only those missing (apt-get update only if needed).
set -euo pipefail

packages=(
  python3-grpcio python3-grpc-tools   # the reference gRPC implementation (interop tests)
  nghttp2-client                       # h2load (benchmarks)
  postgresql rabbitmq-server redis-server  # real servers for integration tests
  chromium poppler-utils               # report PDF and browser tests
  podman buildah runc                  # container images built and run here (tools/images, deployment tests)
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

# npm (for the axe-core accessibility checker) often comes with a non-Debian Node.js: only add
# Debian's when there is none, so we never fight another installation.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if ((${#missing[@]} > 0)); then
  echo "== installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
