#!/usr/bin/env bash
# usage: tests/neo4j_server/start.sh STATE_DIR
# Starts a throwaway Neo4j 5.26 Community server (Bolt on 127.0.0.1, auth off) with a fresh
# database in STATE_DIR/db; writes STATE_DIR/pid, STATE_DIR/env (export lines; also printed
# on stdout) and logs to STATE_DIR/neo4j.log (+ STATE_DIR/db/logs/debug.log).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -eq 1 ] || { echo "usage: $0 STATE_DIR" >&2; exit 2; }
mkdir -p "$1"
STATE="$(cd "$1" && pwd)"
LOG="$STATE/neo4j.log"
TIMEOUT="${NEO4J_SERVER_START_TIMEOUT:-120}"
JAVA="${JAVA:-java}"

die() {
    echo "neo4j_server/start.sh: FAILED: $1" >&2
    if [ -s "$LOG" ]; then echo "--- last lines of $LOG:" >&2; tail -n 25 "$LOG" >&2; fi
    exit 1
}

if [ -f "$STATE/pid" ] && kill -0 "$(cat "$STATE/pid")" 2>/dev/null; then
    die "a server is already running from $STATE (pid $(cat "$STATE/pid")); run stop.sh $STATE first"
fi
command -v "$JAVA" >/dev/null && command -v javac >/dev/null || die "java/javac not found (a JDK 17 or 21 is needed)"
command -v python3 >/dev/null || die "python3 not found"
T0=$(date +%s)

# 1. Jars: copied once from ~/.m2 (Maven Central on first use) into target/lib; a stamp
#    newer than pom.xml skips Maven entirely. flock serialises concurrent starts.
LIB="$HERE/target/lib"
mkdir -p "$HERE/target"
(
    flock 9
    if [ ! -f "$LIB/.complete" ] || [ "$HERE/pom.xml" -nt "$LIB/.complete" ]; then
        command -v mvn >/dev/null || { echo "mvn not found" >&2; exit 1; }
        rm -rf "$LIB.tmp"
        mvnget() { mvn -q -B "$@" -f "$HERE/pom.xml" dependency:copy-dependencies \
                       -DincludeScope=runtime -DoutputDirectory="$LIB.tmp"; }
        mvnget -o >"$STATE/mvn.log" 2>&1 || mvnget >>"$STATE/mvn.log" 2>&1 \
            || { tail -n 20 "$STATE/mvn.log" >&2; exit 1; }
        touch "$LIB.tmp/.complete"
        rm -rf "$LIB" && mv "$LIB.tmp" "$LIB"
    fi
    # Compile the launcher once (saves ~4 s per start over `java Neo4jLauncher.java`).
    if [ ! -f "$HERE/target/classes/Neo4jLauncher.class" ] \
        || [ "$HERE/Neo4jLauncher.java" -nt "$HERE/target/classes/Neo4jLauncher.class" ] \
        || [ "$LIB/.complete" -nt "$HERE/target/classes/Neo4jLauncher.class" ]; then
        javac --release 17 -nowarn -d "$HERE/target/classes" -cp "$LIB/*" "$HERE/Neo4jLauncher.java" >"$STATE/javac.log" 2>&1 \
            || { cat "$STATE/javac.log" >&2; exit 1; }
    fi
) 9>"$HERE/target/.lock" || die "could not fetch the Neo4j jars (see $STATE/mvn.log) or compile Neo4jLauncher.java"

# 2. Start the launcher on a free loopback port, with a fresh database.
for attempt in 1 2 3; do
    PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    rm -rf "$STATE/db" "$STATE/env"
    # JVM flags as in Neo4j's own neo4j.conf (reflective access used by the page cache and Netty).
    # shellcheck disable=SC2086
    nohup "$JAVA" -Xms256m -Xmx1g -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow \
        -Dfile.encoding=UTF-8 -Djdk.nio.maxCachedBufferSize=1024 -Dlog4j2.disable.jmx=true \
        -Dio.netty.tryReflectionSetAccessible=true \
        --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
        --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
        ${NEO4J_SERVER_JVM_OPTS:-} \
        -cp "$HERE/target/classes:$LIB/*" Neo4jLauncher "$STATE/db" "$PORT" >"$LOG" 2>&1 </dev/null &
    PID=$!
    echo "$PID" >"$STATE/pid"

    # 3. Wait for READY, then check that Bolt really accepts a TCP connection.
    while :; do
        if ! kill -0 "$PID" 2>/dev/null; then
            rm -f "$STATE/pid"
            if [ "$attempt" -lt 3 ] && grep -q 'Address already in use' "$LOG"; then continue 2; fi
            die "the Neo4j launcher exited before it was ready"
        fi
        grep -q '^READY ' "$LOG" && break
        if [ $(( $(date +%s) - T0 )) -ge "$TIMEOUT" ]; then
            "$HERE/stop.sh" "$STATE" >/dev/null 2>&1 || true
            die "Neo4j was not ready after ${TIMEOUT}s"
        fi
        sleep 0.5
    done
    break
done
python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 5).close()' "$PORT" \
    || { "$HERE/stop.sh" "$STATE" >/dev/null 2>&1 || true; die "READY was printed but port $PORT does not accept connections"; }

cat >"$STATE/env" <<ENV
export NEO4J_URI=bolt://127.0.0.1:$PORT
export NEO4J_USERNAME=neo4j
export NEO4J_PASSWORD=auth-disabled
ENV
cat "$STATE/env"
echo "neo4j_server: Neo4j ready at bolt://127.0.0.1:$PORT (pid $PID, $(( $(date +%s) - T0 ))s, logs in $STATE)" >&2
