#!/usr/bin/env bash
# Measures a CometMQ broker against an Apache RocketMQ 4.9.7 broker on this machine, in one run, with the
# same client (CometMQ's mqbench) and the same settings: start-up to ready, send TPS and latency
# (sync, 1 KiB, 32 threads), consume TPS, broker RSS idle and after the load.
#   bash bench/compare-with-apache.sh [seconds per send run, default 20] [rounds, default 2]
# Needs the assembled distribution and the Apache server jars the test module copies:
#   mvn -B -q -DskipTests package && mvn -B -q -pl test generate-test-resources
# Everything listens on 127.0.0.1 on free ports; data and logs go to a temp dir (kept, path printed).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
rounds=${2:-2}
target=${COMET_TARGET:-target}
comet_home=$(ls -d "distribution/$target"/comet-*/ 2>/dev/null | head -1)
apache_lib="test/$target/apache-lib"
[[ -n "$comet_home" && -x "$comet_home/bin/mqbroker" ]] || { echo "no distribution under distribution/$target: run mvn -DskipTests package" >&2; exit 1; }
compgen -G "$apache_lib/rocketmq-broker-*.jar" >/dev/null || { echo "no Apache jars in $apache_lib: run mvn -pl test generate-test-resources" >&2; exit 1; }
comet_home=$(cd "$comet_home" && pwd)
apache_lib=$(cd "$apache_lib" && pwd)
work=$(mktemp -d /tmp/comet-vs-apache.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 2; for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

source bench/bench-lib.sh
now_ms() { date +%s%3N; }
rss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

jdk17_flags=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED
    --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
    --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true)

broker_conf() { # file name port namesrv store
    cat > "$1" <<EOF
brokerClusterName=BenchCluster
brokerName=$2
brokerId=0
namesrvAddr=$4
listenPort=$3
brokerIP1=127.0.0.1
storePathRootDir=$5
storePathCommitLog=$5/commitlog
flushDiskType=ASYNC_FLUSH
autoCreateTopicEnable=true
autoCreateSubscriptionGroup=true
EOF
}

# --- CometMQ: the distribution's scripts, default settings
c_ns_port=$(free_port); c_br_port=$(free_port)
mkdir -p "$work/comet"
printf 'listenPort=%s\nkvConfigPath=%s/kv.json\n' "$c_ns_port" "$work/comet" > "$work/comet/namesrv.conf"
broker_conf "$work/comet/broker.conf" comet-broker "$c_br_port" "127.0.0.1:$c_ns_port" "$work/comet/store"
export COMET_LOG_DIR="$work/comet/logs" COMET_PID_DIR="$work/comet"
t0=$(now_ms)
HOME="$work/comet" "$comet_home/bin/mqnamesrv" -c "$work/comet/namesrv.conf" > "$work/comet/namesrv.out" 2>&1 &
pids+=($!)
wait_for "$work/comet/namesrv.out" "boot success" 60
c_ns_ready=$(( $(now_ms) - t0 ))
t0=$(now_ms)
HOME="$work/comet" "$comet_home/bin/mqbroker" -c "$work/comet/broker.conf" > "$work/comet/broker.out" 2>&1 &
c_broker_pid=$!; pids+=($c_broker_pid)
wait_for "$work/comet/broker.out" "boot success" 60
c_br_ready=$(( $(now_ms) - t0 ))

# --- Apache 4.9.7: its own jars, the same broker settings, a 1 GiB heap (CometMQ's default on this machine)
a_ns_port=$(free_port); a_br_port=$(free_port)
mkdir -p "$work/apache/conf" "$work/apache/home"
for f in namesrv broker; do
    cat > "$work/apache/conf/logback_$f.xml" <<EOF
<configuration><appender name="F" class="ch.qos.logback.core.FileAppender"><file>$work/apache/$f.log</file>
<encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n</pattern></encoder></appender>
<root level="INFO"><appender-ref ref="F"/></root></configuration>
EOF
done
printf 'listenPort=%s\nkvConfigPath=%s/kv.json\n' "$a_ns_port" "$work/apache" > "$work/apache/namesrv.conf"
broker_conf "$work/apache/broker.conf" apache-broker "$a_br_port" "127.0.0.1:$a_ns_port" "$work/apache/store"
apache_java=(java -Xms1g -Xmx1g -XX:+UseG1GC "${jdk17_flags[@]}" -Duser.home="$work/apache/home"
    -Drocketmq.home.dir="$work/apache" -cp "$apache_lib/*")
t0=$(now_ms)
ROCKETMQ_HOME="$work/apache" "${apache_java[@]}" org.apache.rocketmq.namesrv.NamesrvStartup -c "$work/apache/namesrv.conf" \
    > "$work/apache/namesrv.out" 2>&1 &
pids+=($!)
wait_for "$work/apache/namesrv.out" "boot success" 60
a_ns_ready=$(( $(now_ms) - t0 ))
t0=$(now_ms)
ROCKETMQ_HOME="$work/apache" "${apache_java[@]}" org.apache.rocketmq.broker.BrokerStartup -c "$work/apache/broker.conf" \
    > "$work/apache/broker.out" 2>&1 &
a_broker_pid=$!; pids+=($a_broker_pid)
wait_for "$work/apache/broker.out" "boot success" 60
a_br_ready=$(( $(now_ms) - t0 ))
sleep 3
c_rss_idle=$(rss_mib $c_broker_pid); a_rss_idle=$(rss_mib $a_broker_pid)

bench() { # label namesrv mode args...
    local label=$1 ns=$2 mode=$3; shift 3
    local out="$work/$label-$mode-$RANDOM.log"
    NAMESRV_ADDR=$ns "$comet_home/bin/mqbench" "$mode" "$@" > "$out" 2>&1 || true
    grep '^SUMMARY' "$out" || { echo "$label $mode: no SUMMARY (see $out)"; tail -5 "$out"; }
}
echo "work dir: $work"
echo "start-up to ready (ms): comet namesrv $c_ns_ready, broker $c_br_ready | apache namesrv $a_ns_ready, broker $a_br_ready"
for r in $(seq 1 "$rounds"); do
    echo "round $r: send, sync, 1 KiB, 32 threads, ${secs} s"
    printf 'comet  '; bench comet "127.0.0.1:$c_ns_port" producer -w 32 -s 1024 -d "$secs"
    printf 'apache '; bench apache "127.0.0.1:$a_ns_port" producer -w 32 -s 1024 -d "$secs"
done
echo "consume of the backlog, ${secs} s"
printf 'comet  '; bench comet "127.0.0.1:$c_ns_port" consumer -f true -d "$secs"
printf 'apache '; bench apache "127.0.0.1:$a_ns_port" consumer -f true -d "$secs"
echo "broker RSS (MiB): comet idle $c_rss_idle, after $(rss_mib $c_broker_pid) | apache idle $a_rss_idle, after $(rss_mib $a_broker_pid)"
