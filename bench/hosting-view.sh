#!/usr/bin/env bash
# Throughput and p99 of GET /hosting/site/{id}/view beside GET /livez, on SQLite and PostgreSQL.
#   bench/hosting-view.sh [seconds per run, default 10] [connections, default 16]
# Needs PostgreSQL as for the tests (BULWARK_TEST_PG_URL). Prints one line per endpoint.
exec "$(dirname "${BASH_SOURCE[0]}")/run-java.sh" io.bulwark.bench.HostingViewBench "$@"
