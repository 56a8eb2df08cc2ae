#!/usr/bin/env bash
# Throughput and p99 of GET /hosting/site/{id}/view beside GET /livez, on SQLite and PostgreSQL.
#   bench/hosting-view.sh [seconds per run, default 10] [connections, default 16]
# Needs wrk (apt-get install wrk) and PostgreSQL as for the tests (BULWARK_TEST_PG_URL).
command -v wrk >/dev/null || { echo "install wrk first: apt-get install wrk" >&2; exit 1; }
exec "$(dirname "${BASH_SOURCE[0]}")/run-java.sh" io.bulwark.bench.HostingViewBench "$@"
