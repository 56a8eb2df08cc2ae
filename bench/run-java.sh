#!/usr/bin/env bash
# Compiles the project with its tests and runs one benchmark main class from src/test/java.
#   bench/run-java.sh io.bulwark.bench.HostingViewBench [args...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/java-env.sh"
cd "$here"
mvn -q -B -ntp -Dcheckstyle.skip test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath >&2
main="$1"
shift
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g \
  -Dlogback.configurationFile="$here/bench/logback-bench.xml" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main" "$@"
