#!/usr/bin/env bash
# Vulnerability benchmarks: import throughput of a generated Wordfence-format feed of the real
# feed's size (42,000 records, ~160 MB) and the time to re-evaluate 1,000,000 stored software
# rows against it. Prints figures; asserts nothing.
#   bench/vulns.sh                          SQLite file in a temporary folder
#   bench/vulns.sh 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=bench'
#   further arguments: records, feed MB, software rows (defaults 42000 160 1000000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$here/bench/run-java.sh" io.bulwark.bench.VulnsBenchmark "$@"
