#!/usr/bin/env bash
# CPU cost of metrics: broker CPU time per message with metricsExporterType=DISABLE and PROM, alternating
# the modes so machine noise falls on all of them. Each run starts a fresh broker (own store) and creates
# the topic, then a consumer and a producer (mqbench, sync, 1 KiB, 16 threads) move the same number of messages;
# with metrics on, /metrics is scraped every 5 s meanwhile (three times Prometheus' usual rate). Broker CPU is
# utime+stime from /proc/<pid>/stat over the run (also split by thread group: scrape threads, JIT, GC, request
# threads); messages are those sent plus those consumed. The run ends when the consumer has what was sent.
# Sends wait up to 5 s in the broker's queue (not 200 ms), so a busy machine fails fewer sends.
# Three modes: DISABLE (metrics off), COUNT (metrics on, never scraped: the cost of counting alone) and PROM
# (metrics on, scraped every 5 s). After each PROM run the now idle broker is scraped 20 times more in a row, which
# gives the CPU of one warm scrape directly (less the idle broker's CPU over as long without scraping).
#   bash bench/metrics-cpu.sh [messages per run, default 5000] [seconds bound per send, default 30]
# MODES="DISABLE PROM ..." sets the run sequence (default off/count/scraped interleaved, 7 runs).
# JFR=1 records a flight recording of each broker into its run dir (jfr print --events jdk.ExecutionSample ...).
# Needs the assembled distribution (mvn -B -q -DskipTests package). Seven runs, each bounded by the broker boot
# (120 s) and the client bounds (send 30 s, consume 60 s): about 3 min on an idle 2-core machine, 20 on a busy one.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
messages=${1:-5000}
secs=${2:-30}
comet_home=$(comet_distribution)
work=$(mktemp -d /tmp/comet-metrics-cpu.XXXXXX)
trap cleanup_pids EXIT
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
thread_ticks() { # pid: "thread-name-without-digits ticks" per thread (comm may hold spaces; ticks follow ')')
    local t
    for t in /proc/"$1"/task/*; do
        sed -E 's/^[0-9]+ \((.*)\) [A-Z] (([^ ]+ ){10})([0-9]+) ([0-9]+).*/\1\t\4 \5/' "$t/stat" 2>/dev/null || true
    done | awk -F'\t' '{ name = $1; gsub(/[0-9]+/, "#", name); gsub(/ /, "_", name); split($2, c, " "); sum[name] += c[1] + c[2] }
        END { for (n in sum) print n, sum[n] }'
}
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
waitTimeMillsInSendQueue=5000
metricsExporterType=$3
metricsPromExporterHost=127.0.0.1
metricsPromExporterPort=$5
CONF
}

scrape_cost_ms() { # broker_pid metrics_port: CPU of one warm scrape of the idle broker: 20 in a row, less the
    # CPU the idle broker spends in as much time without scraping (its polling services)
    local t0 t1 c0 c1 c2
    t0=$(now_ms); c0=$(cpu_ticks "$1")
    for _ in $(seq 1 20); do curl -s "http://127.0.0.1:$2/metrics" > /dev/null || true; done
    t1=$(now_ms); c1=$(cpu_ticks "$1")
    sleep "$(awk -v ms=$(( t1 - t0 )) 'BEGIN { printf "%.3f", ms / 1000 }')"
    c2=$(cpu_ticks "$1")
    awk -v s=$(( c1 - c0 )) -v i=$(( c2 - c1 )) -v hz="$hz" 'BEGIN { printf "%.1f", (s - i) * 1000 / hz / 20 }'
}

consumed_so_far() { # consumer.out: the messages of its 1 s progress lines so far (tps over 1 s = count)
    awk '/consume tps=/ && !/SUMMARY/ { split($0, a, "tps="); split(a[2], b, " "); n += b[1] }
        END { printf "%d", n + 0.5 }' "$1"
}

wait_consumed() { # consumer_pid consumer.out sent bound_s: returns once the consumer has them all, has ended,
    # or has 99 % (its 1 s rates round) and reported 3 idle seconds in a row, so no idle tail is measured
    local deadline=$(( $(date +%s) + $4 )) got
    while kill -0 "$1" 2>/dev/null && (( $(date +%s) < deadline )); do
        got=$(consumed_so_far "$2")
        (( got >= $3 )) && return
        (( got * 100 >= $3 * 99 )) && [[ $(grep 'consume tps=' "$2" | tail -n 3 | grep -c 'tps=0.0 ') == 3 ]] && return
        sleep 0.2
    done
}

run() { # index mode(DISABLE|COUNT|PROM): appends "mode cpu_ms sent consumed us_per_message scrapes scrape_ms"
    local i=$1 mode=$2 dir="$work/run$1" port metrics_port topic="MetricsCpu$1" scraper="" jfr_opt=""
    port=$(free_port); metrics_port=$(free_port)
    mkdir -p "$dir"
    broker_conf "$dir" "$i" "$([[ $mode == DISABLE ]] && echo DISABLE || echo PROM)" "$port" "$metrics_port"
    [[ "${JFR:-0}" == 1 ]] && jfr_opt="-XX:StartFlightRecording=filename=$dir/broker.jfr,settings=profile,dumponexit=true"
    [[ -n $jfr_opt ]] && export COMET_CDS=off # a CDS dump at exit disables JFR
    JAVA_OPT_EXT="$jfr_opt" COMET_PID_DIR="$dir" HOME="$dir" "$comet_home/bin/mqbroker" -c "$dir/broker.conf" \
        > "$dir/broker.out" 2>&1 &
    local broker=$!; pids+=($broker)
    wait_for "$dir/broker.out" "boot success" 120
    local tries
    for tries in 1 2 3; do # a busy machine can time the request out
        HOME="$dir" "$comet_home/bin/mqadmin" updateTopic -n "$namesrv" -b "127.0.0.1:$port" -t "$topic" -r 4 -w 4 \
            > "$dir/admin.out" 2>&1 && break
    done
    if [[ $mode == PROM ]]; then
        ( for _ in $(seq 1 $(( 2 * secs / 5 + 2 ))); do
            curl -s "http://127.0.0.1:$metrics_port/metrics" > "$dir/metrics.txt" || true; echo >> "$dir/scrapes"; sleep 5
          done ) &
        scraper=$!; pids+=($scraper)
    fi
    local before after
    before=$(cpu_ticks $broker)
    thread_ticks $broker > "$dir/threads.before"
    "$comet_home/bin/mqbench" consumer -n "$namesrv" -t "$topic" -g "cpu_group_$i" -f true -m "$messages" -d "$((2 * secs))" \
        -i 1 > "$dir/consumer.out" 2>&1 &
    local consumer=$!; pids+=($consumer)
    "$comet_home/bin/mqbench" producer -n "$namesrv" -t "$topic" -w 16 -s 1024 -m "$messages" -d "$secs" \
        > "$dir/producer.out" 2>&1 || true
    local sent consumed
    sent=$(grep -o 'SUMMARY send tps=[0-9.]* ok=[0-9]*' "$dir/producer.out" | sed 's/.*ok=//' || true)
    wait_consumed $consumer "$dir/consumer.out" "${sent:-0}" $((2 * secs))
    after=$(cpu_ticks $broker)
    thread_ticks $broker > "$dir/threads.after"
    local scrapes=0 scrape_ms=0
    if [[ -n $scraper ]]; then
        kill $scraper 2>/dev/null || true; wait $scraper 2>/dev/null || true
        scrapes=$(wc -l < "$dir/scrapes")
        scrape_ms=$(scrape_cost_ms $broker "$metrics_port")
    fi
    kill $consumer 2>/dev/null || true; wait $consumer 2>/dev/null || true
    kill $broker; wait $broker 2>/dev/null || true
    consumed=$(grep -o 'SUMMARY consume tps=[0-9.]* count=[0-9]*' "$dir/consumer.out" | sed 's/.*count=//' || true)
    [[ -n $consumed ]] || consumed=$(consumed_so_far "$dir/consumer.out")
    (( consumed <= ${sent:-0} )) || consumed=${sent:-0}
    awk -v m="$mode" -v c="$(( (after - before) * 1000 / hz ))" -v s="${sent:-0}" -v r="${consumed:-0}" \
        -v k="$scrapes" -v q="$scrape_ms" \
        'BEGIN { n = s + r; printf "%-7s cpu_ms=%d sent=%d consumed=%d us_per_message=%.2f scrapes=%d idle_scrape_cpu_ms=%s\n",
            m, c, s, r, (n ? c * 1000 / n : 0), k, q }' \
        | tee -a "$work/results"
    # CPU ms per 1000 messages by thread group, over the run (threads that ended meanwhile are missed)
    awk -v hz="$hz" -v m="$mode" -v n="$(( ${sent:-0} + ${consumed:-0} ))" 'NR == FNR { b[$1] = $2; next }
        { d = $2 - b[$1]; if (d > 0 && n > 0) printf "%s %s %.1f\n", m, $1, d * 1000 / hz * 1000 / n }' \
        "$dir/threads.before" "$dir/threads.after" >> "$work/threads"
}

echo "work dir: $work; $messages messages each way per run, bound $secs s"
i=0
for mode in ${MODES:-DISABLE COUNT PROM DISABLE COUNT PROM DISABLE}; do
    i=$((i + 1))
    printf 'run %d ' "$i"
    run $i $mode
done
echo "broker CPU ms per 1000 messages by thread group, mean per mode (groups above 5 in some mode):"
awk '{ sum[$1 " " $2] += $3; runs[$1 " " $2]++; modes[$1] = 1; groups[$2] = 1 }
    END { for (g in groups) { line = sprintf("  %-24s", g); big = 0
            for (m in modes) { v = runs[m " " g] ? sum[m " " g] / runs[m " " g] : 0; line = line sprintf(" %s %7.1f", m, v); if (v > 5) big = 1 }
            if (big) print line } }' "$work/threads" | sort
# medians per mode; the scraped runs' extra CPU over the counting-only runs, per scrape during the load
awk '{ split($5, a, "="); split($3, s, "="); split($4, r, "="); split($6, k, "=")
       us[$1, ++n[$1]] = a[2]; msgs[$1, n[$1]] = s[2] + r[2]; sc[$1, n[$1]] = k[2] }
    function median(arr, m, len,   i, j, t, v) {
        for (i = 1; i <= len; i++) v[i] = arr[m, i]
        for (i = 2; i <= len; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
        return len % 2 ? v[(len + 1) / 2] : (v[len / 2] + v[len / 2 + 1]) / 2
    }
    END {
        if (!n["DISABLE"]) exit
        off = median(us, "DISABLE", n["DISABLE"])
        printf "median broker CPU us/message: off %.2f (%d runs)", off, n["DISABLE"]
        for (m in n) if (m != "DISABLE") printf "; %s %.2f (%d runs, ratio to off %.3f)", m, median(us, m, n[m]), n[m], median(us, m, n[m]) / off
        printf "\n"
        if (n["PROM"] && n["COUNT"] && median(sc, "PROM", n["PROM"]) > 0)
            printf "scrape cost under load: %.1f ms CPU per scrape ((PROM - COUNT) us/message x messages / scrapes)\n",
                (median(us, "PROM", n["PROM"]) - median(us, "COUNT", n["COUNT"])) * median(msgs, "PROM", n["PROM"]) / 1000 / median(sc, "PROM", n["PROM"])
    }' "$work/results"
