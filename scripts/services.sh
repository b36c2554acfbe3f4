#!/usr/bin/env bash
# Makes the event sources that keda4j's tests talk to available on loopback.
#
# Idempotent and safe to rerun, as root on Debian 12 (no sudo needed):
#   1. installs what is missing (one `apt-get update`, only when something is missing;
#      `npm install -g azurite@3.35.0` when azurite-queue is absent);
#   2. starts each shared service that is not listening, with the same commands the
#      machine uses to pre-start them, and enables RabbitMQ's management plugin;
#   3. waits for each with a bounded timeout and prints one line per service.
# Kafka, Azurite, NATS with a monitoring port and Prometheus are NOT started here:
# the fixtures in source-testkit start private instances of those.
set -euo pipefail

WAIT_SECS="${KEDA4J_SERVICES_TIMEOUT:-90}"
# Which shared services to check/start (all by default).
WANT=" ${KEDA4J_SERVICES:-redis postgresql mariadb rabbitmq nats} "
want() { [[ "$WANT" == *" $1 "* ]]; }
FAILED=()

log() { printf '%s\n' "$*"; }
die() {
  printf 'services.sh: %s\n' "$*" >&2
  exit 1
}

[[ "$(id -u)" == 0 ]] || die "must run as root (it installs Debian packages and starts system services)"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for SECONDS COMMAND...: polls COMMAND every 0.5 s until it succeeds or time runs out.
wait_for() {
  local secs=$1
  shift
  local end=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < end)) || return 1
    sleep 0.5
  done
}

# ---------------------------------------------------------------- install
APT_PKGS=()
need_pkg() { # need_pkg PACKAGE BINARY
  if ! command -v "$2" >/dev/null 2>&1 && [[ ! -x "$2" ]]; then APT_PKGS+=("$1"); fi
}
need_pkg redis-server /usr/bin/redis-server
need_pkg redis-tools /usr/bin/redis-cli
need_pkg rabbitmq-server /usr/sbin/rabbitmq-server
need_pkg postgresql /usr/bin/pg_ctlcluster
need_pkg mariadb-server /usr/sbin/mariadbd
need_pkg mariadb-client /usr/bin/mariadb
need_pkg nats-server /usr/sbin/nats-server
need_pkg prometheus /usr/bin/prometheus
need_pkg nodejs /usr/bin/node
need_pkg npm npm
need_pkg curl /usr/bin/curl
need_pkg iproute2 /usr/bin/ss

if ((${#APT_PKGS[@]})); then
  log "installing Debian packages: ${APT_PKGS[*]}"
  # Keep package scripts from starting services on their own (ports, systemd): we start them below.
  POLICY=/usr/sbin/policy-rc.d
  ADDED_POLICY=0
  if [[ ! -e $POLICY ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$POLICY"
    chmod +x "$POLICY"
    ADDED_POLICY=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt_ok=1
  APT_LOG="$(mktemp /tmp/keda4j-apt.XXXXXX.log)"
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${APT_PKGS[@]}"; } \
    </dev/null >"$APT_LOG" 2>&1 || apt_ok=0
  if ((ADDED_POLICY)); then rm -f "$POLICY"; fi
  if ((!apt_ok)); then
    tail -n 30 "$APT_LOG" >&2
    die "apt-get install ${APT_PKGS[*]} failed (log: $APT_LOG)"
  fi
fi

azurite_bin() {
  if command -v azurite-queue 2>/dev/null; then return 0; fi
  local prefix
  prefix="$(npm prefix -g 2>/dev/null)" || return 1
  [[ -x "$prefix/bin/azurite-queue" ]] && echo "$prefix/bin/azurite-queue"
}
if ! azurite_bin >/dev/null; then
  log "installing azurite@3.35.0 from npm"
  npm install -g --no-fund --no-audit azurite@3.35.0 </dev/null >/dev/null || die "npm install -g azurite@3.35.0 failed"
fi

# ---------------------------------------------------------------- start
report() { # report NAME ADDR STATE
  log "$1: up at $2 ($3)"
}
fail() {
  log "$1: NOT READY at $2: $3"
  FAILED+=("$1")
}

# Redis
if ! want redis; then :
elif listening 6379 && redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then
  report redis 127.0.0.1:6379 "already running"
else
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  if wait_for "$WAIT_SECS" bash -c 'redis-cli -h 127.0.0.1 -p 6379 ping | grep -q PONG'; then
    report redis 127.0.0.1:6379 started
  else fail redis 127.0.0.1:6379 "redis-server did not answer PING (see /var/log/redis/ci.log)"; fi
fi

# PostgreSQL: a cluster, trust auth for 127.0.0.1, role postgres.
pg_ok() { psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -tAc 'select 1' 2>/dev/null | grep -q 1; }
if ! want postgresql; then :
elif pg_ok; then
  report postgresql 127.0.0.1:5432 "already running"
else
  state=started
  if listening 5432; then state="reconfigured"; fi
  PGVER="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1 || true)"
  if [[ -z "$PGVER" || ! -d "/etc/postgresql/$PGVER/main" ]]; then
    PGVER="$(ls /usr/lib/postgresql | sort -V | tail -1)"
    log "postgresql: creating cluster $PGVER/main"
    pg_createcluster "$PGVER" main >/dev/null
  fi
  HBA="/etc/postgresql/$PGVER/main/pg_hba.conf"
  if ! grep -Eq '^host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$HBA"; then
    # First matching line wins: put trust for loopback TCP and the local socket in front.
    { printf 'local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n'; cat "$HBA"; } >"$HBA.new"
    chown --reference="$HBA" "$HBA.new"
    chmod --reference="$HBA" "$HBA.new"
    mv "$HBA.new" "$HBA"
    if listening 5432; then pg_ctlcluster --skip-systemctl-redirect "$PGVER" main reload || true; fi
  fi
  if ! listening 5432; then
    pg_ctlcluster --skip-systemctl-redirect "$PGVER" main start || true
  fi
  if wait_for "$WAIT_SECS" pg_ok; then
    report postgresql 127.0.0.1:5432 "$state"
  else fail postgresql 127.0.0.1:5432 "psql -h 127.0.0.1 -U postgres failed (pg_ctlcluster $PGVER main status)"; fi
fi

# MariaDB: root with an empty password over TCP.
my_ok() { mariadb --protocol=TCP -h 127.0.0.1 -P 3306 -uroot -e 'select 1' >/dev/null 2>&1; }
if ! want mariadb; then :
elif my_ok; then
  report mariadb 127.0.0.1:3306 "already running"
else
  state=started
  if listening 3306; then
    state=reconfigured
  else
    if [[ ! -d /var/lib/mysql/mysql ]]; then
      mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
    fi
    mkdir -p /run/mysqld
    chown mysql:mysql /run/mysqld
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
    wait_for "$WAIT_SECS" listening 3306 || true
  fi
  if ! my_ok; then
    # Over the socket root is unix_socket-authenticated; give root an empty password for TCP too.
    mariadb -uroot -e "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
      GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
      ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket;
      FLUSH PRIVILEGES;" 2>/dev/null || true
  fi
  if wait_for 10 my_ok; then
    report mariadb 127.0.0.1:3306 "$state"
  else fail mariadb 127.0.0.1:3306 "mariadb -h 127.0.0.1 -uroot failed"; fi
fi

# RabbitMQ with the management plugin.
rmq_http_ok() { curl -fsS -m 5 -u guest:guest http://127.0.0.1:15672/api/overview >/dev/null 2>&1; }
rabbitmq_up() {
  local state="already running" mgmt="management already enabled"
  if ! listening 5672; then
    state=started
    rabbitmq-server -detached >/dev/null 2>&1 || true
    wait_for "$WAIT_SECS" listening 5672 || true
  fi
  if ! listening 5672; then
    fail rabbitmq 127.0.0.1:5672 "rabbitmq-server -detached did not open 5672 (see /var/log/rabbitmq)"
    return
  fi
  if ! rmq_http_ok; then
    mgmt="management enabled now"
    rabbitmq-plugins enable rabbitmq_management >/dev/null 2>&1 || true
  fi
  if wait_for "$WAIT_SECS" rmq_http_ok; then
    report rabbitmq "127.0.0.1:5672, management 127.0.0.1:15672" "$state, $mgmt"
  else
    fail rabbitmq 127.0.0.1:15672 "management API not answering (rabbitmq-plugins enable rabbitmq_management)"
  fi
}
if want rabbitmq; then rabbitmq_up; fi

# NATS with JetStream (the shared one, without a monitoring port).
if ! want nats; then :
elif listening 4222; then
  report nats 127.0.0.1:4222 "already running"
else
  mkdir -p /var/lib/nats-server
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
    -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log
  if wait_for "$WAIT_SECS" listening 4222; then
    report nats 127.0.0.1:4222 started
  else fail nats 127.0.0.1:4222 "nats-server did not open 4222 (see /var/log/nats-server.log)"; fi
fi

# Binaries the fixtures start themselves.
for b in /usr/bin/prometheus /usr/sbin/nats-server /usr/bin/redis-server; do
  [[ -x $b ]] || fail "$(basename "$b")" "-" "binary $b missing"
done
if az="$(azurite_bin)"; then
  log "azurite: installed ($az), started per test by AzuriteFixture"
else
  fail azurite "-" "azurite-queue not found on PATH or in npm root -g"
fi
log "prometheus: installed ($(/usr/bin/prometheus --version 2>&1 | head -1 | awk '{print $3}')), started per test by PrometheusFixture"

if ((${#FAILED[@]})); then
  die "not ready: ${FAILED[*]}"
fi
