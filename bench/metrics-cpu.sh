#!/usr/bin/env bash
# CPU cost of metrics: broker CPU time per message with metricsExporterType=DISABLE and PROM, alternating
# off/on/off/on/off so machine noise falls on both sides. Each run starts a fresh broker (own store) and creates
# the topic, then a consumer and a producer (mqbench, sync, 1 KiB, 16 threads) move the same number of messages;
# with metrics on, /metrics is scraped every 5 s meanwhile (three times Prometheus' usual rate). Broker CPU is
# utime+stime from /proc/<pid>/stat over the run; messages are those sent plus those consumed.
#   bash bench/metrics-cpu.sh [messages per run, default 5000] [seconds bound per send, default 30]
# Needs the assembled distribution (mvn -B -q -DskipTests package). Five runs, each bounded by the broker boot
# (120 s) and the client bounds (send 30 s, consume 60 s): about 2 min on an idle 2-core machine, 5 on a busy one.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
messages=${1:-5000}
secs=${2:-30}
comet_home=$(comet_distribution)
work=$(mktemp -d /tmp/comet-metrics-cpu.XXXXXX)
trap cleanup_pids EXIT
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

ns_port=$(free_port)
printf 'listenPort=%s\nbindAddress=127.0.0.1\nkvConfigPath=%s/kv.json\n' "$ns_port" "$work" > "$work/namesrv.conf"
export COMET_LOG_DIR="$work/logs" COMET_BROKER_HEAP=${COMET_BROKER_HEAP:-512m}
COMET_PID_DIR="$work" HOME="$work" "$comet_home/bin/mqnamesrv" -c "$work/namesrv.conf" > "$work/namesrv.out" 2>&1 &
pids+=($!)
wait_for "$work/namesrv.out" "boot success" 120
namesrv="127.0.0.1:$ns_port"

broker_conf() { # dir index mode port metrics_port
    cat > "$1/broker.conf" <<CONF
brokerClusterName=MetricsCpu
brokerName=metrics-cpu-$2
namesrvAddr=$namesrv
listenPort=$4
bindAddress=127.0.0.1
brokerIP1=127.0.0.1
storePathRootDir=$1/store
flushDiskType=ASYNC_FLUSH
autoCreateTopicEnable=true
autoCreateSubscriptionGroup=true
metricsExporterType=$3
metricsPromExporterHost=127.0.0.1
metricsPromExporterPort=$5
CONF
}

run() { # index mode(DISABLE|PROM): appends "mode cpu_ms sent consumed us_per_message" to $work/results
    local i=$1 mode=$2 dir="$work/run$1" port metrics_port topic="MetricsCpu$1" scraper=""
    port=$(free_port); metrics_port=$(free_port)
    mkdir -p "$dir"
    broker_conf "$dir" "$i" "$mode" "$port" "$metrics_port"
    COMET_PID_DIR="$dir" HOME="$dir" "$comet_home/bin/mqbroker" -c "$dir/broker.conf" > "$dir/broker.out" 2>&1 &
    local broker=$!; pids+=($broker)
    wait_for "$dir/broker.out" "boot success" 120
    local tries
    for tries in 1 2 3; do # a busy machine can time the request out
        HOME="$dir" "$comet_home/bin/mqadmin" updateTopic -n "$namesrv" -b "127.0.0.1:$port" -t "$topic" -r 4 -w 4 \
            > "$dir/admin.out" 2>&1 && break
    done
    if [[ $mode == PROM ]]; then
        ( for _ in $(seq 1 $(( 2 * secs / 5 + 2 ))); do curl -s "http://127.0.0.1:$metrics_port/metrics" > "$dir/metrics.txt" || true; sleep 5; done ) &
        scraper=$!; pids+=($scraper)
    fi
    local before after
    before=$(cpu_ticks $broker)
    "$comet_home/bin/mqbench" consumer -n "$namesrv" -t "$topic" -g "cpu_group_$i" -f true -m "$messages" -d "$((2 * secs))" \
        > "$dir/consumer.out" 2>&1 &
    local consumer=$!; pids+=($consumer)
    "$comet_home/bin/mqbench" producer -n "$namesrv" -t "$topic" -w 16 -s 1024 -m "$messages" -d "$secs" \
        > "$dir/producer.out" 2>&1 || true
    wait $consumer || true
    after=$(cpu_ticks $broker)
    if [[ -n $scraper ]]; then kill $scraper 2>/dev/null || true; wait $scraper 2>/dev/null || true; fi
    kill $broker; wait $broker 2>/dev/null || true
    local sent consumed
    sent=$(grep -o 'SUMMARY send tps=[0-9.]* ok=[0-9]*' "$dir/producer.out" | sed 's/.*ok=//')
    consumed=$(grep -o 'SUMMARY consume tps=[0-9.]* count=[0-9]*' "$dir/consumer.out" | sed 's/.*count=//')
    awk -v m="$mode" -v c="$(( (after - before) * 1000 / hz ))" -v s="${sent:-0}" -v r="${consumed:-0}" \
        'BEGIN { n = s + r; printf "%-7s cpu_ms=%d sent=%d consumed=%d us_per_message=%.2f\n", m, c, s, r, (n ? c * 1000 / n : 0) }' \
        | tee -a "$work/results"
}

echo "work dir: $work; $messages messages each way per run, bound $secs s"
i=0
for mode in DISABLE PROM DISABLE PROM DISABLE; do
    i=$((i + 1))
    printf 'run %d ' "$i"
    run $i $mode
done
awk '{ split($5, a, "="); if ($1 == "PROM") { on += a[2]; n_on++ } else { off += a[2]; n_off++ } }
    END { if (n_on && n_off && off > 0) printf "mean broker CPU us/message: off %.2f, on %.2f; on/off ratio %.3f\n", off / n_off, on / n_on, (on / n_on) / (off / n_off) }' \
    "$work/results"
