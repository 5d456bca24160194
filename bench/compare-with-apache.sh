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
source bench/lib.sh
comet_home=$(comet_distribution)
apache_lib=$(apache_lib_dir)
work=$(mktemp -d /tmp/comet-vs-apache.XXXXXX)
trap cleanup_pids EXIT

# CometMQ from the distribution's scripts with default settings; Apache 4.9.7 from its jars with the same broker
# settings and a 1 GiB heap (CometMQ's default on this machine)
prepare_servers comet "$work/comet"
start_broker comet "$work/comet"
prepare_servers apache "$work/apache"
start_broker apache "$work/apache"
c_ns_port=${comet_ns##*:}; a_ns_port=${apache_ns##*:}
c_ns_ready=$comet_ns_ready; c_br_ready=$comet_broker_ready; c_broker_pid=$comet_broker_pid
a_ns_ready=$apache_ns_ready; a_br_ready=$apache_broker_ready; a_broker_pid=$apache_broker_pid
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
