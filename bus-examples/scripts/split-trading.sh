#!/usr/bin/env bash
# Runs the split trading pipeline: a matcher process and a gateway process talking Aeron UDP on 127.0.0.1.
# Build first: mvn -B -pl bus-examples -am package -DskipTests
# Usage: scripts/split-trading.sh [ordersPerProducer] [ratePerProducer] [ordersPort] [executionsPort]
# The gateway ends its order stream when done; the matcher then sends its last executions and exits. On
# Ctrl-C, or if either side fails, both are stopped.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/target/bus-examples.jar"
orders="${1:-100000}"
rate="${2:-50000}"
orders_port="${3:-40501}"
exec_port="${4:-40502}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# Agrona and Aeron read JDK internals; java -cp ignores the jar's Add-Opens, so pass them here.
opens=(--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
       --add-opens java.base/java.util.zip=ALL-UNNAMED)

if [[ ! -f "$jar" ]]; then
    echo "missing $jar: build it with mvn -B -pl bus-examples -am package -DskipTests" >&2
    exit 2
fi

matcher_pid=""
stop() {
    if [[ -n "$matcher_pid" ]] && kill -0 "$matcher_pid" 2>/dev/null; then
        kill "$matcher_pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$matcher_pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$matcher_pid" 2>/dev/null || true
    fi
}
trap stop EXIT INT TERM

"$java" "${opens[@]}" -cp "$jar" io.ringbus.examples.Examples split-trading matcher "$orders_port" "$exec_port" 180 &
matcher_pid=$!

gateway_status=0
"$java" "${opens[@]}" -cp "$jar" io.ringbus.examples.Examples split-trading gateway "$orders" "$rate" \
    "$orders_port" "$exec_port" || gateway_status=$?

# The matcher exits by itself once the gateway's stream has ended; give it 30 s.
matcher_status=0
for _ in $(seq 1 300); do kill -0 "$matcher_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$matcher_pid" 2>/dev/null; then
    echo "matcher still running 30 s after the gateway finished: stopping it" >&2
    stop
    matcher_status=1
else
    wait "$matcher_pid" || matcher_status=$?
fi
matcher_pid=""

if [[ $gateway_status -ne 0 || $matcher_status -ne 0 ]]; then
    echo "split trading FAILED (gateway $gateway_status, matcher $matcher_status)" >&2
    exit 1
fi
echo "split trading OK"
