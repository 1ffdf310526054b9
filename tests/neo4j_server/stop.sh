#!/usr/bin/env bash
# usage: tests/neo4j_server/stop.sh STATE_DIR  -- stops the server started by start.sh STATE_DIR
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 STATE_DIR" >&2; exit 2; }
PIDFILE="$1/pid"
[ -f "$PIDFILE" ] || { echo "neo4j_server: not running ($PIDFILE missing)" >&2; exit 0; }
PID="$(cat "$PIDFILE")"
# Only signal the pid if it still is our launcher (guards against pid reuse).
if kill -0 "$PID" 2>/dev/null && grep -q Neo4jLauncher "/proc/$PID/cmdline" 2>/dev/null; then
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 60); do   # 30 s for a clean shutdown (normally 1-2 s)
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$PID" 2>/dev/null; then
        echo "neo4j_server: pid $PID did not stop after 30s, sending SIGKILL" >&2
        kill -KILL "$PID" 2>/dev/null || true
    fi
fi
rm -f "$PIDFILE"
