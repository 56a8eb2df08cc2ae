#!/usr/bin/env bash
# Vulnerability benchmarks: import throughput of a generated Wordfence-format feed of the real
# feed's size (42,000 records, ~160 MB) and the time to re-evaluate 1,000,000 stored software
# rows against it. Prints figures; asserts nothing.
#   bench/vulns.sh                      SQLite file in a temporary folder
#   bench/vulns.sh jdbc:postgresql://127.0.0.1:5432/test?user=postgres\&currentSchema=bench
#   extra arguments: records, feed MB, software rows (defaults 42000 160 1000000)
# BENCH_HEAP sets the maximum heap (default 512m, to show that the import streams).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/java-env.sh"
cd "$here"
mvn -q -B -o test-compile -Dcheckstyle.skip >&2
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >&2
exec "$JAVA_HOME/bin/java" "-Xmx${BENCH_HEAP:-512m}" --enable-native-access=ALL-UNNAMED \
    -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    io.bulwark.bench.VulnsBenchmark "$@"
