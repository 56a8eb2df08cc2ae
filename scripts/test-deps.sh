#!/usr/bin/env bash
# Makes sure the services and tools the tests use are present: a PostgreSQL answering on
# 127.0.0.1:5432 with a 'test' database, php-cli (differential tests), Chromium + driver
# (browser tests). Installs with apt-get when run as root; otherwise says what is missing.
set -euo pipefail
missing=()
command -v mvn >/dev/null || missing+=(maven)
command -v php >/dev/null || missing+=(php-cli)
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
pg_up() { pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; }
command -v pg_isready >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "tests need: ${missing[*]} (apt-get install them, or run as root)" >&2
    exit 1
  fi
  echo "installing ${missing[*]}..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! pg_up; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "tests need PostgreSQL on 127.0.0.1:5432" >&2
    exit 1
  fi
  command -v pg_ctlcluster >/dev/null || {
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  }
  version="$(ls /etc/postgresql | sort -n | tail -n 1)"
  conf="/etc/postgresql/$version/main"
  grep -q "^host all all 127.0.0.1/32 trust" "$conf/pg_hba.conf" || \
    sed -i '1i host all all 127.0.0.1/32 trust' "$conf/pg_hba.conf"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  pg_up || { echo "PostgreSQL did not start" >&2; exit 1; }
fi
if [ -z "${BULWARK_TEST_PG_URL:-}" ]; then
  if ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
      su postgres -c "psql -c 'CREATE DATABASE test'" >/dev/null 2>&1 || true
    fi
  fi
fi
