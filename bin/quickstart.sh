#!/usr/bin/env bash
# CometMQ quick start: a one-node cluster on 127.0.0.1 proved by a round trip of 10 messages.
#
#   bin/quickstart.sh           build if needed, start a name server and a broker in the background
#                               (or reuse the ones an earlier run left up), send 10 messages, consume them
#   bin/quickstart.sh stop      stop the name server and broker started from this run directory
#   bin/quickstart.sh status    say whether they run, on which ports
#
# Everything goes under the run directory: configs, store, logs, pid files. Environment:
#   RUN_DIR             run directory (default: <repo>/run)
#   COMET_HOME          an unpacked distribution to run (default: distribution/target/comet-*, built when missing)
#   QUICKSTART_TIMEOUT  seconds to wait for each server to boot and for the consumer (default 60)
#   QUICKSTART_NAMESRV_PORT, QUICKSTART_BROKER_PORT
#                       first ports to try (default 9876 and 10911; the next free ones are taken when busy)
# Exit code: 0 only after a full round trip (or a clean stop); 1 otherwise.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
RUN_DIR=${RUN_DIR:-$repo_root/run}
mkdir -p "$RUN_DIR"
RUN_DIR=$(cd "$RUN_DIR" && pwd)
LOG_DIR=$RUN_DIR/logs
TIMEOUT=${QUICKSTART_TIMEOUT:-60}
MESSAGES=10
TOPIC=TopicTest

say() { printf '%s\n' "$*"; }
fail() {
    printf 'quickstart: %s\n' "$*" >&2
    exit 1
}

# ---------------------------------------------------------------- distribution and java

find_distribution() {
    local dir
    if [[ -n "${COMET_HOME:-}" ]]; then
        [[ -x "$COMET_HOME/bin/mqnamesrv" && -x "$COMET_HOME/bin/mqbroker" ]] \
            || fail "COMET_HOME=$COMET_HOME has no bin/mqnamesrv and bin/mqbroker: point it at an unpacked distribution"
        (cd "$COMET_HOME" && pwd)
        return
    fi
    for dir in "$repo_root"/distribution/target/comet-*/; do
        dir=${dir%/}
        if [[ -x "$dir/bin/mqnamesrv" && -x "$dir/bin/mqbroker" ]] && compgen -G "$dir/lib/*.jar" >/dev/null; then
            echo "$dir"
            return
        fi
    done
}

build_distribution() {
    command -v mvn >/dev/null 2>&1 \
        || fail "no distribution in distribution/target and no Maven on PATH: install Maven 3.8+ (and JDK 17), or set COMET_HOME"
    say "Building CometMQ: mvn -B -q -Dstyle.color=never -DskipTests package -pl distribution -am (a few minutes the first time)..."
    (cd "$repo_root" && mvn -B -q -Dstyle.color=never -DskipTests package -pl distribution -am) \
        || fail "the build failed (see the Maven output above)"
}

find_java() {
    local java version
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
        java=$JAVA_HOME/bin/java
    else
        java=$(command -v java 2>/dev/null) || fail "no Java found: install JDK 17+ or set JAVA_HOME"
    fi
    # the version line, not the first one: "Picked up JAVA_TOOL_OPTIONS: ..." comes first when that is set
    version=$("$java" -version 2>&1 | sed -n -E 's/.* version "(1\.)?([0-9]+).*/\2/p' | sed -n 1p)
    [[ "$version" =~ ^[0-9]+$ ]] && (( version >= 17 )) || fail "$java is Java '$version'; CometMQ needs Java 17+"
    echo "$java"
}

# ---------------------------------------------------------------- processes

# The pid in $RUN_DIR/<name>.pid when that process still runs and is the server started from this run dir
# (a pid reused by an unrelated process does not count).
server_pid() {
    local file=$RUN_DIR/$1.pid pid args
    [[ -r "$file" ]] || return 1
    pid=$(cat "$file")
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
    if [[ -r /proc/$pid/cmdline ]]; then
        args=$(tr '\0' ' ' <"/proc/$pid/cmdline")
    else
        args=$(ps -ww -o args= -p "$pid" 2>/dev/null || true)
    fi
    [[ "$args" == *"$RUN_DIR/conf/$1.conf"* ]] || return 1
    echo "$pid"
}

stop_server() {
    local name=$1 pid waited=0
    if ! pid=$(server_pid "$name"); then
        rm -f "$RUN_DIR/$name.pid"
        return 1
    fi
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && (( waited < 300 )); do
        sleep 0.1
        waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
        say "$name (pid $pid) still running 30 s after SIGTERM: killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$RUN_DIR/$name.pid"
    say "Stopped $name (pid $pid)."
}

stop_all() {
    local stopped=0
    stop_server broker && stopped=1
    stop_server namesrv && stopped=1
    (( stopped )) || say "Nothing from $RUN_DIR was running."
    return 0
}

# Starts bin/<script> in the background, detached from this terminal; output to $LOG_DIR/<name>.out.
launch() {
    local name=$1 script=$2 heap=$3 pid
    local detach=()
    command -v setsid >/dev/null 2>&1 && detach=(setsid)
    # COMET_PID_DIR: bin/mqbroker writes its pid file here too, so bin/mqshutdown finds both servers.
    COMET_LOG_DIR=$LOG_DIR COMET_PID_DIR=$RUN_DIR COMET_HEAP=$heap \
        nohup ${detach[@]+"${detach[@]}"} "$DIST/bin/$script" -c "$RUN_DIR/conf/$name.conf" \
        >"$LOG_DIR/$name.out" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$RUN_DIR/$name.pid"
}

# Waits until the server's output shows its boot line; on timeout or exit, stops everything and fails.
await_boot() {
    local name=$1 what=$2 deadline=$((SECONDS + TIMEOUT)) pid reason
    pid=$(cat "$RUN_DIR/$name.pid")
    until grep -q "boot success" "$LOG_DIR/$name.out" 2>/dev/null; do
        if ! kill -0 "$pid" 2>/dev/null || (( SECONDS >= deadline )); then
            kill -0 "$pid" 2>/dev/null && reason="did not boot within $TIMEOUT s" || reason="exited during start"
            say "FAILED: the $what $reason. Last lines of $LOG_DIR/$name.out:" >&2
            tail -n 20 "$LOG_DIR/$name.out" >&2 || true
            say "More in $LOG_DIR/ ($name.log)." >&2
            stop_all >/dev/null
            exit 1
        fi
        sleep 0.2
    done
}

# ---------------------------------------------------------------- ports and configs

port_taken() {
    local port=$1
    if command -v ss >/dev/null 2>&1 && ss -tln 2>/dev/null | awk '{print $4}' | grep -Eq "[:.]$port\$"; then
        return 0
    fi
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# The first free port from $1, stepping by $2; the broker also binds port-2 (VIP channel) and port+1 (HA).
pick_port() {
    local port=$1 step=$2 span=$3 tries=0 p clear
    while (( tries < 50 )); do
        clear=1
        for ((p = port - span; p <= port + (span > 0 ? 1 : 0); p++)); do
            port_taken "$p" && { clear=0; break; }
        done
        (( clear )) && { echo "$port"; return; }
        port=$((port + step))
        tries=$((tries + 1))
    done
    fail "no free port found near $1"
}

write_configs() {
    mkdir -p "$RUN_DIR/conf" "$RUN_DIR/namesrv" "$RUN_DIR/store"
    cat >"$RUN_DIR/conf/namesrv.conf" <<EOF
# Written by bin/quickstart.sh
listenPort=$NAMESRV_PORT
bindAddress=127.0.0.1
kvConfigPath=$RUN_DIR/namesrv/kvConfig.json
EOF
    cat >"$RUN_DIR/conf/broker.conf" <<EOF
# Written by bin/quickstart.sh
brokerClusterName=DefaultCluster
brokerName=broker-a
brokerId=0
namesrvAddr=127.0.0.1:$NAMESRV_PORT
listenPort=$BROKER_PORT
bindAddress=127.0.0.1
brokerIP1=127.0.0.1
brokerIP2=127.0.0.1
storePathRootDir=$RUN_DIR/store
storePathCommitLog=$RUN_DIR/store/commitlog
mappedFileSizeCommitLog=134217728
flushDiskType=ASYNC_FLUSH
autoCreateTopicEnable=true
autoCreateSubscriptionGroup=true
EOF
    printf 'NAMESRV_PORT=%s\nBROKER_PORT=%s\n' "$NAMESRV_PORT" "$BROKER_PORT" >"$RUN_DIR/ports"
}

start_servers() {
    if server_pid namesrv >/dev/null && server_pid broker >/dev/null && [[ -r "$RUN_DIR/ports" ]]; then
        # shellcheck source=/dev/null
        source "$RUN_DIR/ports"
        say "Reusing the name server (127.0.0.1:$NAMESRV_PORT) and broker (127.0.0.1:$BROKER_PORT) already running from $RUN_DIR."
        return
    fi
    stop_all >/dev/null
    NAMESRV_PORT=$(pick_port "${QUICKSTART_NAMESRV_PORT:-9876}" 1 0)
    BROKER_PORT=$(pick_port "${QUICKSTART_BROKER_PORT:-10911}" 4 2)
    write_configs
    mkdir -p "$LOG_DIR"
    say "Starting the name server on 127.0.0.1:$NAMESRV_PORT..."
    launch namesrv mqnamesrv 256m
    await_boot namesrv "name server"
    say "Starting the broker on 127.0.0.1:$BROKER_PORT..."
    launch broker mqbroker 512m
    await_boot broker broker
}

# ---------------------------------------------------------------- round trip

run_example() {
    local main_class=$1 out=$2
    shift 2
    local bound=()
    command -v timeout >/dev/null 2>&1 && bound=(timeout $((TIMEOUT + 60)))
    ${bound[@]+"${bound[@]}"} "$JAVA" -Xms64m -Xmx256m -XX:+UseSerialGC -Dfile.encoding=UTF-8 \
        -Dlogback.configurationFile=comet-example-logback.xml "-Duser.home=$RUN_DIR/client-home" \
        -cp "$DIST/lib/*" "$main_class" -n "127.0.0.1:$NAMESRV_PORT" "$@" >"$out" 2>&1
}

round_trip() {
    # A tag and group of their own, so messages of earlier runs neither count nor get in the way.
    local run_id producer_rc=0 consumer_rc=0 sent received
    run_id="QuickStart$(date +%s)$$"
    say "Sending $MESSAGES messages to $TOPIC (tag $run_id) with org.cometmq.example.quickstart.Producer..."
    run_example org.cometmq.example.quickstart.Producer "$LOG_DIR/quickstart-producer.out" \
        -t "$TOPIC" -c "$MESSAGES" -a "$run_id" || producer_rc=$?
    sent=$(sed -n 's/^Sent \([0-9][0-9]*\) of .*/\1/p' "$LOG_DIR/quickstart-producer.out" | tail -n 1)
    say "Consuming them with org.cometmq.example.quickstart.Consumer..."
    if [[ -n "$sent" && "$sent" != 0 ]]; then
        run_example org.cometmq.example.quickstart.Consumer "$LOG_DIR/quickstart-consumer.out" \
            -t "$TOPIC" -g "quickstart_$run_id" -s "$run_id" -c "${sent}" -w "$TIMEOUT" || consumer_rc=$?
    else
        consumer_rc=1
        : >"$LOG_DIR/quickstart-consumer.out"
    fi
    received=$(sed -n 's/^Received \([0-9][0-9]*\) of .*/\1/p' "$LOG_DIR/quickstart-consumer.out" | tail -n 1)
    if (( producer_rc == 0 && consumer_rc == 0 )) && [[ "$sent" == "$MESSAGES" && "$received" == "$MESSAGES" ]]; then
        say "Round trip OK: sent ${sent}, received ${received}"
        return 0
    fi
    say "Round trip FAILED: sent ${sent:-0} of $MESSAGES, received ${received:-0}." >&2
    say "Logs: $LOG_DIR/quickstart-producer.out, $LOG_DIR/quickstart-consumer.out, $LOG_DIR/broker.out, $LOG_DIR/broker.log" >&2
    return 1
}

how_to_stop() {
    local rel_script=bin/quickstart.sh
    [[ "$RUN_DIR" == "$repo_root/run" ]] || rel_script="RUN_DIR=$RUN_DIR bin/quickstart.sh"
    say "The name server (127.0.0.1:$NAMESRV_PORT, pid $(cat "$RUN_DIR/namesrv.pid")) and the broker" \
        "(127.0.0.1:$BROKER_PORT, pid $(cat "$RUN_DIR/broker.pid")) keep running; store and logs are in $RUN_DIR."
    say "  Benchmark: NAMESRV_ADDR=127.0.0.1:$NAMESRV_PORT $DIST/bin/mqbench producer -d 10"
    if [[ -x "$DIST/bin/mqshutdown" ]]; then
        say "  Stop:      $rel_script stop"
        say "             (or: export COMET_PID_DIR=$RUN_DIR; $DIST/bin/mqshutdown broker; $DIST/bin/mqshutdown namesrv)"
    else
        say "  Stop:      $rel_script stop"
    fi
}

# ---------------------------------------------------------------- main

case "${1:-start}" in
    stop)
        stop_all
        exit 0
        ;;
    status)
        for name in namesrv broker; do
            if pid=$(server_pid "$name"); then say "$name: running, pid $pid"; else say "$name: not running"; fi
        done
        [[ -r "$RUN_DIR/ports" ]] && cat "$RUN_DIR/ports"
        exit 0
        ;;
    start) ;;
    -h|--help|help)
        sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *) fail "unknown command '$1' (use: start, stop, status)" ;;
esac

DIST=$(find_distribution)
if [[ -z "$DIST" ]]; then
    build_distribution
    DIST=$(find_distribution)
    [[ -n "$DIST" ]] || fail "the build finished but left no distribution with bin/mqbroker under distribution/target"
fi
JAVA=$(find_java)
say "Using $DIST"
start_servers
if round_trip; then
    how_to_stop
    exit 0
fi
how_to_stop
exit 1
