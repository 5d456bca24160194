#!/usr/bin/env bash
# CPU cost of metrics: broker CPU time per message with metricsExporterType=DISABLE and PROM, alternating
# off/on/off/on/off so machine noise falls on both sides. Each run starts a fresh broker (own store), then a
# consumer and a producer (mqbench, sync, 1 KiB, 16 threads) move the same number of messages; with metrics on,
# /metrics is scraped every 5 s meanwhile (three times Prometheus' usual rate). Broker CPU is utime+stime from
# /proc/<pid>/stat over the run; messages are those sent plus those consumed.
#   bash bench/metrics-cpu.sh [messages per run, default 40000] [seconds bound per run, default 25]
# Needs the assembled distribution: mvn -B -q -DskipTests package. Bounded: 5 runs of at most (boot 60 s + bound).
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-40000}
secs=${2:-25}
target=${COMET_TARGET:-target}
comet_home=$(ls -d "distribution/$target"/comet-*/ 2>/dev/null | head -1)
[[ -n "$comet_home" && -x "$comet_home/bin/mqbroker" ]] || { echo "no distribution under distribution/$target: run mvn -DskipTests package" >&2; exit 1; }
comet_home=$(cd "$comet_home" && pwd)
work=$(mktemp -d /tmp/comet-metrics-cpu.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 2; for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { # a port p with p-2..p+1 free (brokers also bind listenPort-2 and +1)
    python3 - <<'PY'
import socket, random
def free(p):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); return True
    except OSError:
        return False
    finally:
        s.close()
while True:
    p = random.randint(20000, 60000)
    if all(free(q) for q in range(p - 2, p + 2)):
        print(p); break
PY
}
wait_for() { # file pattern timeout_s
    local deadline=$(( $(date +%s) + $3 ))
    until grep -q "$2" "$1" 2>/dev/null; do
        (( $(date +%s) < deadline )) || { echo "timed out waiting for '$2' in $1" >&2; tail -20 "$1" >&2; exit 1; }
        sleep 0.1
    done
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

ns_port=$(free_port)
printf 'listenPort=%s\nbindAddress=127.0.0.1\nkvConfigPath=%s/kv.json\n' "$ns_port" "$work" > "$work/namesrv.conf"
export COMET_LOG_DIR="$work/logs" COMET_PID_DIR="$work" COMET_BROKER_HEAP=${COMET_BROKER_HEAP:-512m}
HOME="$work" "$comet_home/bin/mqnamesrv" -c "$work/namesrv.conf" > "$work/namesrv.out" 2>&1 &
pids+=($!)
wait_for "$work/namesrv.out" "boot success" 60
namesrv="127.0.0.1:$ns_port"

run() { # index mode(DISABLE|PROM) -> prints "mode cpu_ms messages us_per_message"
    local i=$1 mode=$2 port metrics_port dir="$work/run$1"
    port=$(free_port); metrics_port=$(free_port)
    mkdir -p "$dir"
    cat > "$dir/broker.conf" <<CONF
brokerClusterName=MetricsCpu
brokerName=metrics-cpu-$i
namesrvAddr=$namesrv
listenPort=$port
bindAddress=127.0.0.1
brokerIP1=127.0.0.1
storePathRootDir=$dir/store
flushDiskType=ASYNC_FLUSH
autoCreateTopicEnable=true
autoCreateSubscriptionGroup=true
metricsExporterType=$mode
metricsPromExporterHost=127.0.0.1
metricsPromExporterPort=$metrics_port
CONF
    COMET_PID_DIR="$dir" HOME="$dir" "$comet_home/bin/mqbroker" -c "$dir/broker.conf" > "$dir/broker.out" 2>&1 &
    local broker=$!; pids+=($broker)
    wait_for "$dir/broker.out" "boot success" 60
    local topic="MetricsCpu$i" scraper=""
    if [[ $mode == PROM ]]; then
        ( for _ in $(seq 1 $(( secs / 5 + 2 ))); do curl -s "http://127.0.0.1:$metrics_port/metrics" > "$dir/metrics.txt" || true; sleep 5; done ) &
        scraper=$!
    fi
    local before; before=$(cpu_ticks $broker)
    "$comet_home/bin/mqbench" consumer -n "$namesrv" -t "$topic" -g "cpu_group_$i" -f true -m "$messages" -d "$secs" > "$dir/consumer.out" 2>&1 &
    local consumer=$!
    "$comet_home/bin/mqbench" producer -n "$namesrv" -t "$topic" -w 16 -s 1024 -m "$messages" -d "$secs" > "$dir/producer.out" 2>&1 || true
    wait $consumer || true
    local after; after=$(cpu_ticks $broker)
    [[ -n $scraper ]] && { kill $scraper 2>/dev/null || true; wait $scraper 2>/dev/null || true; }
    kill $broker; wait $broker 2>/dev/null || true
    local sent consumed
    sent=$(grep -o 'SUMMARY send tps=[0-9.]* ok=[0-9]*' "$dir/producer.out" | sed 's/.*ok=//')
    consumed=$(grep -o 'SUMMARY consume tps=[0-9.]* count=[0-9]*' "$dir/consumer.out" | sed 's/.*count=//')
    local cpu_ms=$(( (after - before) * 1000 / hz ))
    awk -v m="$mode" -v c="$cpu_ms" -v s="${sent:-0}" -v r="${consumed:-0}" \
        'BEGIN { n = s + r; printf "%-7s cpu_ms=%d sent=%d consumed=%d us_per_message=%.2f\n", m, c, s, r, (n ? c * 1000 / n : 0) }'
}

echo "work dir: $work; $messages messages each way per run, bound $secs s"
results=()
i=0
for mode in DISABLE PROM DISABLE PROM DISABLE; do
    i=$((i + 1))
    line=$(run $i $mode)
    echo "run $i $line"
    results+=("$line")
done
printf '%s\n' "${results[@]}" | awk '
    { split($5, a, "="); v = a[2]; if ($1 == "PROM") { on += v; n_on++ } else { off += v; n_off++ } }
    END { if (n_on && n_off && off > 0) printf "mean us/message: off %.2f, on %.2f; on/off ratio %.3f\n", off / n_off, on / n_on, (on / n_on) / (off / n_off) }'
