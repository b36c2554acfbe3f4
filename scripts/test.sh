#!/usr/bin/env bash
# The project's test command: make the event sources available, then build and test everything.
# Extra arguments go to Maven, e.g. `scripts/test.sh -pl source-testkit`.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! ./scripts/services.sh; then
  echo "test.sh: scripts/services.sh failed; not running the tests" >&2
  exit 1
fi
mvn -B verify "$@"
exit $?
