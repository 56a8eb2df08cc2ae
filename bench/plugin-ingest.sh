#!/usr/bin/env bash
# Firewall-log records ingested per second through POST /api/logs/log (100-record batches,
# several sites at once over HTTP), beside a plain JDBC insert of the same rows, on SQLite and
# PostgreSQL.
#   bench/plugin-ingest.sh [sites, default 8] [batches per site, default 40]
# Needs PostgreSQL as for the tests (BULWARK_TEST_PG_URL). Prints three lines per database.
exec "$(dirname "${BASH_SOURCE[0]}")/run-java.sh" io.bulwark.bench.PluginIngestBench "$@"
