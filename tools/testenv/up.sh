#!/usr/bin/env bash
# Starts throwaway PostgreSQL and RabbitMQ servers on free loopback ports, without systemd.
#
#   tools/testenv/up.sh <state-dir>      then:  source <state-dir>/env.sh
#   tools/testenv/down.sh <state-dir>    stops both and removes <state-dir>
#
# Needs the Debian packages postgresql (15) and rabbitmq-server; runs as root.
# <state-dir>/env.sh exports:
#   SAFEGUARDING_TEST_POSTGRES           Npgsql connection string (role with CREATEDB, database "postgres");
#                                        tests create their own uniquely named databases.
#   SAFEGUARDING_TEST_RABBITMQ           amqp URI of the broker (guest/guest on vhost "/").
#   SAFEGUARDING_TEST_RABBITMQ_NODENAME  Erlang node name of the broker.
#   SAFEGUARDING_TEST_RABBITMQCTL        path of a wrapper that runs rabbitmqctl against this node with
#                                        the right environment (e.g. "$SAFEGUARDING_TEST_RABBITMQCTL stop_app").
#   SAFEGUARDING_TEST_RABBITMQ_PORT, SAFEGUARDING_TEST_POSTGRES_PORT  the chosen ports.
set -euo pipefail

state="${1:?usage: up.sh <state-dir>}"
mkdir -p "$state"
state="$(cd "$state" && pwd)"

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
if [[ -z "$pgbin" || ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]]; then
  echo "up.sh: postgresql and rabbitmq-server must be installed (tools/testenv/install.sh does it)" >&2
  exit 1
fi

# ---------------------------------------------------------------- PostgreSQL
# initdb refuses root, so the cluster belongs to "postgres"; that user must be able to reach the
# directory, which a root-only mktemp dir does not allow: fall back to a world-traversable temp dir.
chmod 755 "$state"
pgroot="$state/pg"
mkdir -p "$pgroot"
if ! runuser -u postgres -- test -x "$pgroot"; then
  pgroot="$(mktemp -d /tmp/sgtest-pg.XXXXXX)"
  chmod 755 "$pgroot"
fi
echo "$pgroot" > "$state/pgroot"
mkdir -p "$pgroot/data" "$pgroot/sock"
chown -R postgres:postgres "$pgroot"
chmod 700 "$pgroot/data"

pg_port="$(free_port)"
runuser -u postgres -- "$pgbin/initdb" -D "$pgroot/data" -U postgres --auth-local=trust \
  --auth-host=scram-sha-256 --encoding=UTF8 --no-locale >"$pgroot/initdb.log" 2>&1 \
  || { cat "$pgroot/initdb.log" >&2; exit 1; }
# Throwaway data: durability settings off for speed.
runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgroot/data" -l "$pgroot/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pgroot/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null || { cat "$pgroot/server.log" >&2; exit 1; }
runuser -u postgres -- "$pgbin/psql" -h "$pgroot/sock" -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE ROLE sgtest LOGIN CREATEDB PASSWORD 'sgtest';" >/dev/null
runuser -u postgres -- "$pgbin/pg_isready" -h 127.0.0.1 -p "$pg_port" -t 30 >/dev/null

# ---------------------------------------------------------------- RabbitMQ
rmq="$state/rabbitmq"
mkdir -p "$rmq/mnesia" "$rmq/log" "$rmq/home"
amqp_port="$(free_port)"
dist_port="$(free_port)"
epmd_port="$(free_port)"
node="sgtest-$$@localhost"
cookie="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s' "$cookie" > "$rmq/home/.erlang.cookie"
chmod 400 "$rmq/home/.erlang.cookie"
cat > "$rmq/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$amqp_port
loopback_users = none
log.console = false
log.file.level = warning
CONF
: > "$rmq/enabled_plugins"
echo "[]." > "$rmq/enabled_plugins"

# Everything rabbitmq-server and rabbitmqctl need to find this node (and only this node).
cat > "$rmq/env" <<ENV
export HOME='$rmq/home'
export RABBITMQ_NODENAME='$node'
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT='$amqp_port'
export RABBITMQ_DIST_PORT='$dist_port'
export ERL_EPMD_PORT='$epmd_port'
export RABBITMQ_MNESIA_BASE='$rmq/mnesia'
export RABBITMQ_LOG_BASE='$rmq/log'
export RABBITMQ_CONFIG_FILE='$rmq/rabbitmq.conf'
export RABBITMQ_ADVANCED_CONFIG_FILE='$rmq/advanced.config'
export RABBITMQ_ENABLED_PLUGINS_FILE='$rmq/enabled_plugins'
export RABBITMQ_PID_FILE='$rmq/rabbitmq.pid'
export RABBITMQ_CONF_ENV_FILE='$rmq/rabbitmq-env.conf'
ENV
: > "$rmq/rabbitmq-env.conf"
cat > "$rmq/rabbitmqctl.sh" <<CTL
#!/usr/bin/env bash
source '$rmq/env'
exec /usr/lib/rabbitmq/bin/rabbitmqctl -n '$node' "\$@"
CTL
chmod +x "$rmq/rabbitmqctl.sh"

(
  # shellcheck disable=SC1091
  source "$rmq/env"
  cd "$rmq"
  setsid nohup /usr/lib/rabbitmq/bin/rabbitmq-server >"$rmq/log/startup.log" 2>&1 < /dev/null &
  echo $! > "$rmq/launcher.pid"
)
if ! timeout 90 "$rmq/rabbitmqctl.sh" wait --timeout 80 "$rmq/rabbitmq.pid" >"$rmq/log/wait.log" 2>&1; then
  echo "up.sh: RabbitMQ did not start; see $rmq/log" >&2
  tail -n 30 "$rmq/log/startup.log" >&2 || true
  exit 1
fi

cat > "$state/env.sh" <<ENVSH
export SAFEGUARDING_TEST_POSTGRES='Host=127.0.0.1;Port=$pg_port;Username=sgtest;Password=sgtest;Database=postgres'
export SAFEGUARDING_TEST_POSTGRES_PORT='$pg_port'
export SAFEGUARDING_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:$amqp_port/'
export SAFEGUARDING_TEST_RABBITMQ_PORT='$amqp_port'
export SAFEGUARDING_TEST_RABBITMQ_NODENAME='$node'
export SAFEGUARDING_TEST_RABBITMQCTL='$rmq/rabbitmqctl.sh'
ENVSH
echo "test servers up: postgres 127.0.0.1:$pg_port, rabbitmq 127.0.0.1:$amqp_port ($node); env in $state/env.sh"
