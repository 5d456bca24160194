#!/usr/bin/env bash
# Measures CometMQ against Apache RocketMQ 4.9.7 on this machine in one run, with the same client (CometMQ's
# mqbench) and the same broker settings (ASYNC_FLUSH, 1 KiB bodies). One broker runs at a time, and the kinds
# alternate, Apache first and last: A B A B A B A (full) or A B A (--quick).
#
# Each run starts a fresh name server and broker (a first start: a new HOME, so no class-data archive), then:
#   - start-up: exec to "boot success";
#   - RssAnon idle (heap, direct buffers, metaspace; not the mapped store files);
#   - send: mqbench producer, sync, 32 threads, for S seconds: TPS, p99, broker CPU per sent message;
#   - consume: a push consumer drains that backlog: TPS, broker CPU per consumed message;
#   - fixed rate: the same send at 70% of the first Apache run's TPS, for S/2 seconds: p99;
#   - RssAnon after the load.
# Broker CPU is user+sys of the broker process (all threads) from /proc/<pid>/stat, read before and after each phase.
# Where the machine has 2 or more CPUs the servers are pinned to CPU 0 and mqbench to the others (taskset).
# Each CometMQ run is divided by the mean of the Apache runs beside it; the result is the median of those ratios,
# printed with the raw figures of every run.
#
#   bash bench/compare-with-apache.sh [--quick] [seconds per send phase, default 20 (10 with --quick)]
# Full: about 7 minutes; --quick: about 2 (on an idle machine; a loaded one makes every figure noise). Needs the assembled distribution and the Apache server jars:
#   mvn -B -q -DskipTests package && mvn -B -q -pl test generate-test-resources
# Everything listens on 127.0.0.1 on free ports; data and logs go to a temp dir (kept, path printed).
set -euo pipefail
cd "$(dirname "$0")/.."
order=(apache comet apache comet apache comet apache)
secs=20
if [[ ${1:-} == --quick ]]; then
    order=(apache comet apache)
    secs=10
    shift
fi
secs=${1:-$secs}
source bench/lib.sh
comet_home=$(comet_distribution)
apache_lib=$(apache_lib_dir)
work=$(mktemp -d /tmp/comet-vs-apache.XXXXXX)
trap cleanup_pids EXIT
client_pin=()
if (( $(nproc) >= 2 )) && command -v taskset >/dev/null; then
    server_pin=(taskset -c 0)
    client_pin=(taskset -c "1-$(( $(nproc) - 1 ))")
fi
ticks_per_second=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime of the whole process
rss_anon_mib() { awk '/^RssAnon:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
summary_field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<< "$1"; } # SUMMARY line, field name
cpu_us_per_message() { awk -v t="$1" -v hz="$ticks_per_second" -v n="$2" 'BEGIN {printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0)}'; }

bench() { # out_file mode args... : runs mqbench on the client CPUs, prints its SUMMARY line
    local out=$1 mode=$2; shift 2
    NAMESRV_ADDR=$ns "${client_pin[@]}" "$comet_home/bin/mqbench" "$mode" "$@" > "$out" 2>&1 || true
    grep '^SUMMARY' "$out" || echo "SUMMARY missing (see $out)"
}

fixed_rate=0
declare -A figure # figure[run,measure]
measures=(ready rss_idle send_tps send_p99 send_cpu consume_tps consume_cpu fixed_p99 rss_after)

run() { # index kind
    local i=$1 kind=$2 dir="$work/$1-$2" pid t0 line ok count first=${#pids[@]} p w
    prepare_servers "$kind" "$dir"
    start_broker "$kind" "$dir"
    ns=$(eval echo "\$${kind}_ns"); pid=$(eval echo "\$${kind}_broker_pid")
    figure[$i,ready]=$(eval echo "\$${kind}_broker_ready")
    sleep 3
    figure[$i,rss_idle]=$(rss_anon_mib "$pid")

    t0=$(cpu_ticks "$pid")
    line=$(bench "$dir/send.log" producer -w 32 -s 1024 -d "$secs")
    ok=$(summary_field "$line" ok); ok=${ok:-0}
    figure[$i,send_tps]=$(summary_field "$line" tps)
    figure[$i,send_p99]=$(summary_field "$line" p99_us)
    figure[$i,send_cpu]=$(cpu_us_per_message $(( $(cpu_ticks "$pid") - t0 )) "$ok")

    t0=$(cpu_ticks "$pid")
    line=$(bench "$dir/consume.log" consumer -f true -m "$ok" -d $(( secs * 3 )))
    count=$(summary_field "$line" count); count=${count:-0}
    figure[$i,consume_tps]=$(summary_field "$line" tps)
    figure[$i,consume_cpu]=$(cpu_us_per_message $(( $(cpu_ticks "$pid") - t0 )) "$count")

    if (( fixed_rate == 0 )); then # set by the first (Apache) run
        fixed_rate=$(awk -v t="${figure[$i,send_tps]:-0}" 'BEGIN {printf "%d", t * 0.7}')
    fi
    line=$(bench "$dir/fixed.log" producer -w 32 -s 1024 -r "$fixed_rate" -d $(( secs / 2 )))
    figure[$i,fixed_p99]=$(summary_field "$line" p99_us)
    figure[$i,rss_after]=$(rss_anon_mib "$pid")

    printf '%-2s %-6s ready %5s ms | RssAnon %4s -> %4s MiB | send %8s tps p99 %6s us cpu %6s us/msg (%s ok)' \
        "$i" "$kind" "${figure[$i,ready]}" "${figure[$i,rss_idle]}" "${figure[$i,rss_after]}" \
        "${figure[$i,send_tps]:-?}" "${figure[$i,send_p99]:-?}" "${figure[$i,send_cpu]}" "$ok"
    printf ' | consume %9s tps cpu %6s us/msg (%s) | %s/s p99 %6s us\n' "${figure[$i,consume_tps]:-?}" \
        "${figure[$i,consume_cpu]}" "$count" "$fixed_rate" "${figure[$i,fixed_p99]:-?}"
    for (( p = first; p < ${#pids[@]}; p++ )); do kill "${pids[$p]}" 2>/dev/null || true; done
    for (( p = first; p < ${#pids[@]}; p++ )); do # at most 30 s for a graceful stop, then SIGKILL
        for (( w = 0; w < 150 && $(kill -0 "${pids[$p]}" 2>/dev/null && echo 1 || echo 0); w++ )); do sleep 0.2; done
        kill -9 "${pids[$p]}" 2>/dev/null || true
    done
}

echo "work dir: $work; send phase ${secs} s; order ${order[*]}; servers pinned: ${server_pin[*]:-no}"
for i in "${!order[@]}"; do
    run "$i" "${order[$i]}"
done

# CometMQ run / mean of the Apache runs beside it, per measure; the median of those ratios.
echo
printf '%-40s %-8s %-26s %s\n' "measure (CometMQ / Apache 4.9.7)" target "ratios" median
target_of() {
    case $1 in
        send_cpu | consume_cpu) echo "<= 0.67" ;; send_tps | consume_tps) echo ">= 1.5" ;;
        fixed_p99 | rss_idle | rss_after) echo "<= 0.5" ;; *) echo "-" ;;
    esac
}
label_of() {
    case $1 in
        ready) echo "broker start to ready (first start)" ;; rss_idle) echo "broker RssAnon idle" ;;
        send_tps) echo "send TPS (sync, 32 threads, 1 KiB)" ;; send_p99) echo "send p99 at full load" ;;
        send_cpu) echo "broker CPU per sent message" ;; consume_tps) echo "consume TPS (backlog)" ;;
        consume_cpu) echo "broker CPU per consumed message" ;; fixed_p99) echo "send p99 at 70% of Apache's TPS" ;;
        rss_after) echo "broker RssAnon after the load" ;;
    esac
}
for m in "${measures[@]}"; do
    ratios=()
    for i in "${!order[@]}"; do
        [[ ${order[$i]} == comet ]] || continue
        ratio=$(awk -v c="${figure[$i,$m]:-0}" -v a="${figure[$((i - 1)),$m]:-0}" -v b="${figure[$((i + 1)),$m]:-0}" \
            'BEGIN {m = (a + b) / 2; if (m > 0 && c > 0) printf "%.2f", c / m; else printf "n/a"}')
        ratios+=("$ratio")
    done
    median=$(printf '%s\n' "${ratios[@]}" | grep -v n/a | sort -g | awk '{v[NR] = $1} END {
        if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2}')
    printf '%-40s %-8s %-26s %sx\n' "$(label_of "$m")" "$(target_of "$m")" "${ratios[*]}" "$median"
done
comet_ready=$(for i in "${!order[@]}"; do [[ ${order[$i]} == comet ]] && echo "${figure[$i,ready]}"; done | sort -n \
    | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
echo "CometMQ broker start to ready, first start, median of its runs: ${comet_ready} ms (target < 1000 ms)"
