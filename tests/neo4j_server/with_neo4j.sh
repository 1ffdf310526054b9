#!/usr/bin/env bash
# usage: tests/neo4j_server/with_neo4j.sh CMD [ARGS...]
# Runs CMD with NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD pointing at a fresh throwaway Neo4j 5.26
# server; the server is stopped when CMD ends, fails or is interrupted. Exits with CMD's code.
# Set NEO4J_KEEP_STATE=1 to keep the state dir (logs, db) afterwards.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }

STATE="$(mktemp -d "${TMPDIR:-/tmp}/neo4j_server.XXXXXX")"
cleanup() {
    "$HERE/stop.sh" "$STATE" || true
    if [ -n "${NEO4J_KEEP_STATE:-}" ]; then echo "neo4j_server: state kept in $STATE" >&2; else rm -rf "$STATE"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

"$HERE/start.sh" "$STATE" >/dev/null || { echo "with_neo4j.sh: Neo4j did not start; not running: $*" >&2; exit 1; }
# shellcheck disable=SC1091
. "$STATE/env"

set +e
"$@"
rc=$?
set -e
exit "$rc"
