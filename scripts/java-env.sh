# Sourced by the launcher and the test script: picks a JDK 21+ into JAVA_HOME.
java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ]; then
      JAVA_HOME="$candidate"
    fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "bulwark: no JDK 21 or newer found; install one (e.g. apt-get install openjdk-21-jdk)" >&2
    exit 1
  fi
fi
export JAVA_HOME
