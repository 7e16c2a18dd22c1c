#!/usr/bin/env bash
# Stops the servers started by up.sh and removes the state dir. Safe to run twice.
set -euo pipefail

state="${1:?usage: down.sh <state-dir>}"
[[ -d "$state" ]] || exit 0
state="$(cd "$state" && pwd)"

rmq="$state/rabbitmq"
if [[ -f "$rmq/env" ]]; then
  pid="$(cat "$rmq/rabbitmq.pid" 2>/dev/null || true)"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    timeout 20 "$rmq/rabbitmqctl.sh" shutdown >/dev/null 2>&1 || kill -9 "$pid" 2>/dev/null || true
  fi
  launcher="$(cat "$rmq/launcher.pid" 2>/dev/null || true)"
  if [[ -n "$launcher" ]] && kill -0 "$launcher" 2>/dev/null; then
    kill -- "-$launcher" 2>/dev/null || kill "$launcher" 2>/dev/null || true
  fi
  # The private epmd started for this node's ERL_EPMD_PORT.
  epmd_port="$(sed -n "s/^export ERL_EPMD_PORT='\(.*\)'/\1/p" "$rmq/env")"
  if [[ -n "$epmd_port" ]]; then
    ERL_EPMD_PORT="$epmd_port" epmd -kill >/dev/null 2>&1 || true
  fi
fi

pgroot="$(cat "$state/pgroot" 2>/dev/null || echo "$state/pg")"
if [[ -f "$pgroot/data/postmaster.pid" ]]; then
  pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgroot/data" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
fi
if [[ "$pgroot" != "$state/pg" ]]; then
  rm -rf "$pgroot"
fi
rm -rf "$state"
