#!/usr/bin/env bash
# Master/slave replication, CometMQ against Apache RocketMQ 4.9.7, in one run on this machine: for each kind and
# each master role (ASYNC_MASTER, SYNC_MASTER) a fresh name server, master and slave (ASYNC_FLUSH); mqbench producer
# (sync, 1 KiB, 32 threads) loads the master. Reported per run: send TPS and p99 (mqbench SUMMARY), the rate at which
# the slave's commit log grew during the load (MB/s), and how far it was behind when the load ended.
#   bash bench/replication.sh [seconds per run, default 20]
#   KINDS="comet" ROLES="SYNC_MASTER" JFR=1 bash bench/replication.sh   (one kind or role; JFR=1 records the CometMQ
#   master with JFR into its run dir)
# Needs the assembled distribution and the Apache server jars the test module copies:
#   mvn -B -q -DskipTests package && mvn -B -q -pl test generate-test-resources
# Everything listens on 127.0.0.1 on free ports; data and logs go to a temp dir (kept, path printed).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
source bench/lib.sh
comet_home=$(comet_distribution)
apache_lib=$(apache_lib_dir)
work=$(mktemp -d /tmp/comet-replication.XXXXXX)
trap cleanup_pids EXIT
echo "work dir: $work"

run() { # kind role
    local kind=$1 role=$2 dir="$work/$1-$2" first=${#pids[@]} ns addr slave s0 s1 m1 t0 t1 out
    prepare_servers "$kind" "$dir"
    add_slave "$kind" "$role" "$dir"
    if [[ $kind == comet && ${JFR:-0} == 1 ]]; then # a flight recording of the master, saved next to its logs
        JAVA_OPT_EXT="-XX:StartFlightRecording=filename=$dir/master.jfr,settings=profile ${JAVA_OPT_EXT:-}" \
            start_broker "$kind" "$dir"
    else
        start_broker "$kind" "$dir"
    fi
    start_broker "$kind" "$dir" slave
    sleep 8 # a 4.9.7 slave reports its offset 5 s after connecting; until then a SYNC_MASTER refuses sends
    ns=$(eval echo "\$${kind}_ns"); addr=$(eval echo "\$${kind}_broker_addr"); slave=$(eval echo "\$${kind}_slave_addr")
    out="$dir/bench.log"
    s0=$(max_offset "$ns" "$slave"); t0=$(now_ms)
    NAMESRV_ADDR=$ns "$comet_home/bin/mqbench" producer -w 32 -s 1024 -d "$secs" -t ReplicationBench > "$out" 2>&1 || true
    t1=$(now_ms); s1=$(max_offset "$ns" "$slave"); m1=$(max_offset "$ns" "$addr")
    printf '%-6s %-12s %s | slave grew %.1f MB/s, %d bytes behind at the end\n' "$kind" "$role" \
        "$(grep '^SUMMARY' "$out" | sed 's/^SUMMARY //' || echo "no SUMMARY (see $out)")" \
        "$(awk -v b=$(( s1 - s0 )) -v ms=$(( t1 - t0 )) 'BEGIN {print b / 1000 / ms}')" $(( m1 - s1 ))
    local i
    for (( i = first; i < ${#pids[@]}; i++ )); do kill "${pids[$i]}" 2>/dev/null || true; done
    sleep 3
}

for kind in ${KINDS:-comet apache}; do
    for role in ${ROLES:-ASYNC_MASTER SYNC_MASTER}; do
        run "$kind" "$role"
    done
done
