#!/usr/bin/env bash
# Runs keda4j against the cluster of the current kubeconfig, building the jar first if needed.
# Any arguments are passed to `keda4j run` (see `java -jar app/target/keda4j.jar run --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=app/target/keda4j.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./app/target -prune -o -newer "$jar" -name '*.java' -print -quit)" ]; then
  echo "building $jar ..." >&2
  mvn -B -q -DskipTests -Dspotbugs.skip -Dcheckstyle.skip -Dspotless.check.skip=true package -pl app -am >&2
fi
exec java -jar "$jar" run "$@"
