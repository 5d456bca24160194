#!/usr/bin/env bash
# Broker CPU per message with ACL on against ACL off, in one run (5 to 8 min with the defaults).
# Two brokers from the distribution, each with its own name server: one with aclEnable=false, one with
# aclEnable=true and a non-admin account that may publish. First the brokers' idle CPU over 10 s; then uncounted
# runs per broker until its JIT has compiled the send path; then mqbench producer (sync, 1 KiB, 8 threads)
# loads them in turn, off/on/on/off/off/on. Each run is warm-up + measured window, and the broker's CPU
# (utime+stime from /proc/<pid>/stat) is read at the window's edges. Prints µs of broker CPU per message per run
# (and the JIT compiler threads' part of it) and the ratio of the medians.
#   bash bench/acl-cost.sh [warm-up s, default 10] [measured s, default 20] [threads, default 8]
# Needs the assembled distribution: mvn -B -o -q -pl distribution -am package -DskipTests
# JFR=1 records a flight recording of each broker into the work dir (jfr print --events jdk.ExecutionSample ...).
# THREADS=1 also prints, per run, the broker CPU of each thread group (user and sys µs per message).
set -euo pipefail
cd "$(dirname "$0")/.."
warm=${1:-10}
measured=${2:-20}
threads=${3:-8}
target=${COMET_TARGET:-target}
comet_home=$(ls -d "distribution/$target"/comet-*/ 2>/dev/null | head -1)
[[ -n "$comet_home" && -x "$comet_home/bin/mqbroker" ]] || {
    echo "no distribution under distribution/$target: run mvn -B -o -q -pl distribution -am package -DskipTests" >&2
    exit 1
}
comet_home=$(cd "$comet_home" && pwd)
work=$(mktemp -d /tmp/comet-acl-cost.XXXXXX)
source bench/lib.sh
trap cleanup_pids EXIT
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU of each thread, grouped by name without digits ("<group> <utime> <stime>" per line)
thread_ticks() {
    local t
    for t in /proc/"$1"/task/*; do
        { tr -d '0-9 \n' < "$t/comm"; printf ' '; sed 's/.*) //' "$t/stat" | awk '{print $12, $13}'; } 2>/dev/null || true
    done | awk '{ u[$1] += $2; s[$1] += $3 } END { for (g in u) print g, u[g], s[g] }'
}

start_cluster() { # name aclEnable -> sets ns_port_<name>, broker_pid_<name>
    local name=$1 acl=$2 dir="$work/$1" ns_port br_port
    ns_port=$(free_port); br_port=$(free_port)
    mkdir -p "$dir/conf"
    printf 'listenPort=%s\nkvConfigPath=%s/kv.json\n' "$ns_port" "$dir" > "$dir/namesrv.conf"
    cat > "$dir/conf/plain_acl.yml" <<YML
globalWhiteRemoteAddresses:
accounts:
  - accessKey: benchKey1
    secretKey: benchSecret1
    whiteRemoteAddress:
    admin: false
    defaultTopicPerm: DENY
    defaultGroupPerm: SUB
    topicPerms:
      - BenchmarkTest=PUB
      - TBW102=PUB
YML
    cat > "$dir/broker.conf" <<CONF
brokerClusterName=AclCost$name
brokerName=acl-cost-$name
brokerId=0
namesrvAddr=127.0.0.1:$ns_port
listenPort=$br_port
brokerIP1=127.0.0.1
rocketmqHome=$dir
storePathRootDir=$dir/store
storePathCommitLog=$dir/store/commitlog
flushDiskType=ASYNC_FLUSH
autoCreateTopicEnable=true
aclEnable=$acl
CONF
    local jfr_opt=""
    [[ "${JFR:-0}" == 1 ]] && jfr_opt="-XX:StartFlightRecording=filename=$dir/broker.jfr,settings=profile,dumponexit=true"
    COMET_CDS=off COMET_LOG_DIR="$dir/logs" COMET_PID_DIR="$dir" HOME="$dir" \
        "$comet_home/bin/mqnamesrv" -c "$dir/namesrv.conf" > "$dir/namesrv.out" 2>&1 &
    pids+=($!)
    wait_for "$dir/namesrv.out" "boot success" 60
    COMET_CDS=off COMET_LOG_DIR="$dir/logs" COMET_PID_DIR="$dir" HOME="$dir" COMET_BROKER_HEAP=1g JAVA_OPT_EXT="$jfr_opt" \
        "$comet_home/bin/mqbroker" -c "$dir/broker.conf" > "$dir/broker.out" 2>&1 &
    local pid=$!
    pids+=($pid)
    wait_for "$dir/broker.out" "boot success" 60
    [[ "$(cat /proc/$pid/comm)" == java ]] || { echo "broker pid $pid is not the JVM" >&2; exit 1; }
    printf -v "ns_port_$name" '%s' "$ns_port"
    printf -v "broker_pid_$name" '%s' "$pid"
}

run() { # name -> prints "<µs CPU per message> <tps> <failed sends> <µs JIT compiler CPU per message>"
    local name=$1 ns_var="ns_port_$1" pid_var="broker_pid_$1" out="$work/$1-$RANDOM.log" acl_args=()
    [[ $name == on ]] && acl_args=(--aclEnable -ak benchKey1 -sk benchSecret1)
    local total=$(( warm + measured )) hz
    hz=$(getconf CLK_TCK)
    NAMESRV_ADDR="127.0.0.1:${!ns_var}" "$comet_home/bin/mqbench" producer -w "$threads" -s 1024 -d "$total" \
        -i "$warm" "${acl_args[@]}" > "$out" 2>&1 &
    local bench_pid=$!
    wait_for "$out" "^\[ *$warm""s\] send" $(( warm + 60 ))
    local cpu0 t0 cpu1 t1
    cpu0=$(cpu_ticks "${!pid_var}"); t0=$(date +%s%N)
    thread_ticks "${!pid_var}" > "$out.threads0"
    wait_for "$out" "^SUMMARY send" $(( measured + 60 ))
    cpu1=$(cpu_ticks "${!pid_var}"); t1=$(date +%s%N)
    thread_ticks "${!pid_var}" > "$out.threads1"
    wait "$bench_pid" || true
    # messages in the window: all sends minus those of the first (warm-up) interval
    local msgs
    msgs=$(awk -v w="$warm" '/^\[ *[0-9]+s\] send/ && !first { split($3, a, "="); first = a[2] * w }
        /^SUMMARY send/ { split($4, b, "="); ok = b[2] } END { printf "%.0f", ok - first }' "$out")
    local failed
    failed=$(sed -n 's/^SUMMARY send .*failed=\([0-9]*\).*/\1/p' "$out")
    [[ -n "$failed" && "$msgs" -gt 0 ]] || { echo "run $name failed (see $out)" >&2; tail -5 "$out" >&2; exit 1; }
    # per thread group, µs per message; the JIT compiler threads' share tells whether the broker was still warming
    awk -v hz="$hz" -v m="$msgs" -v run="$name" '
        NR == FNR { u0[$1] = $2; s0[$1] = $3; next }
        { du = ($2 - u0[$1]) / hz * 1e6 / m; ds = ($3 - s0[$1]) / hz * 1e6 / m
          if (du + ds >= 0.5) printf "  %-3s %-16s user %6.1f  sys %6.1f µs/msg\n", run, $1, du, ds }' \
        "$out.threads0" "$out.threads1" | sort -k2,2 > "$out.threads"
    local jit
    jit=$(awk '$2 ~ /CompilerThre/ { t += $4 + $6 } END { printf "%.1f", t }' "$out.threads")
    [[ "${THREADS:-0}" == 1 ]] && cat "$out.threads" >> "$work/threads.txt"
    # failed sends (flow control on a busy machine) are few and cost the broker little: counted, not excluded
    awk -v c=$(( cpu1 - cpu0 )) -v hz="$hz" -v m="$msgs" -v ns=$(( t1 - t0 )) -v f="$failed" -v j="$jit" \
        'BEGIN { printf "%.1f %.0f %d %s\n", c / hz * 1e6 / m, m / (ns / 1e9), f, j }'
}

start_cluster off false
start_cluster on true
echo "work dir: $work; sync sends, 1 KiB, $threads threads, ${warm} s warm-up + ${measured} s measured per run"
idle_cpu() { # seconds -> "<off ms/s> <on ms/s>": CPU the brokers burn with no load (timers, store services)
    local off0 on0 hz
    hz=$(getconf CLK_TCK)
    off0=$(cpu_ticks "$broker_pid_off"); on0=$(cpu_ticks "$broker_pid_on")
    sleep "$1"
    awk -v a=$(( $(cpu_ticks "$broker_pid_off") - off0 )) -v b=$(( $(cpu_ticks "$broker_pid_on") - on0 )) \
        -v hz="$hz" -v s="$1" 'BEGIN { printf "%.1f %.1f\n", a / hz * 1e3 / s, b / hz * 1e3 / s }'
}
read -r idle_off idle_on < <(idle_cpu 10)
echo "idle broker CPU before the runs: off $idle_off ms/s, on $idle_on ms/s"
report() { # name µs tps failed jit label
    printf '%-3s  broker CPU %7.1f µs/msg  %8.0f msg/s  %3d failed sends  (JIT compiler %5.1f µs/msg)%s\n' "$@"
}
# Each broker's first load makes the JIT compile the whole send path, which costs more broker CPU per message than
# the ACL check: uncounted runs per broker until its JIT compiler threads take under 3 µs per message (at most 4;
# on a busy machine compiling takes several runs), so that no counted run carries the compiling.
for name in off on; do
    for attempt in 1 2 3 4; do
        read -r us tps failed jit < <(run "$name")
        report "$name" "$us" "$tps" "$failed" "$jit" "  warm-up run $attempt, not counted"
        awk -v j="$jit" 'BEGIN { exit !(j < 3) }' && break
    done
done
declare -a off_us=() on_us=()
# as many runs of each, in an order that cancels a steady drift of the machine's load
for name in off on on off off on; do
    read -r us tps failed jit < <(run "$name")
    report "$name" "$us" "$tps" "$failed" "$jit" ""
    if [[ $name == on ]]; then on_us+=("$us"); else off_us+=("$us"); fi
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
m_off=$(median "${off_us[@]}"); m_on=$(median "${on_us[@]}")
[[ "${THREADS:-0}" == 1 ]] && cat "$work/threads.txt"
awk -v a="$m_off" -v b="$m_on" 'BEGIN { printf "median µs/msg: off %.1f, on %.1f; on/off = %.3f\n", a, b, b / a }'
