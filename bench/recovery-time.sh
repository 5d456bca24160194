#!/usr/bin/env bash
# Recovery time after kill -9, CometMQ against Apache RocketMQ 4.9.7, in one run on this machine: each broker
# (ASYNC_FLUSH, default 1 GiB commit-log files) is filled with 1 KiB messages by mqbench until its commit log holds
# the given MiB (default 1024), then restarted three ways: after a graceful stop (the baseline: start-up without recovery), after
# kill -9, and after kill -9 again. Reported: ms from exec to "boot success" for each, and the mean restart after
# kill -9 per GiB of commit log (the graceful-stop restart beside it shows what start-up costs without recovery).
#   bash bench/recovery-time.sh [MiB, default 1024]
# Needs the assembled distribution and the Apache server jars the test module copies:
#   mvn -B -q -DskipTests package && mvn -B -q -pl test generate-test-resources
# Everything listens on 127.0.0.1 on free ports; data and logs go to a temp dir (kept, path printed).
set -euo pipefail
cd "$(dirname "$0")/.."
mib=${1:-1024}
source bench/lib.sh
comet_home=$(comet_distribution)
apache_lib=$(apache_lib_dir)
work=$(mktemp -d /tmp/comet-recovery.XXXXXX)
trap cleanup_pids EXIT
echo "work dir: $work"

fill() { # kind: sends 1 KiB messages in 20 s rounds (at most 60) until the commit log holds $mib MiB
    local kind=$1 ns_var="${1}_ns" addr_var="${1}_broker_addr" target=$(( mib * 1024 * 1024 )) offset=0 round
    for round in $(seq 1 60); do
        NAMESRV_ADDR=${!ns_var} "$comet_home/bin/mqbench" producer -w 16 -s 1024 -d 20 -t RecoveryBench \
            > "$work/$kind-fill-$round.log" 2>&1 || true
        offset=$(max_offset "${!ns_var}" "${!addr_var}")
        (( ${offset:-0} >= target )) && break
    done
    echo "$kind: commit log filled to $offset bytes"
    filled[$kind]=$offset
}

restart_after() { # kind how(stop|kill): prints and returns (in ${kind}_broker_ready) the restart time
    local kind=$1 how=$2 pid_var="${1}_broker_pid" ready_var="${1}_broker_ready"
    if [[ $how == kill ]]; then
        kill -9 "${!pid_var}"
    else
        kill "${!pid_var}"
    fi
    while kill -0 "${!pid_var}" 2>/dev/null; do sleep 0.1; done
    start_broker "$kind" "$work/$kind"
    echo "$kind: restart after $how: ${!ready_var} ms"
}

declare -A results filled
for kind in comet apache; do
    prepare_servers "$kind" "$work/$kind"
    start_broker "$kind" "$work/$kind"
    fill "$kind"
    restart_after "$kind" stop; results[$kind-clean]=$(eval echo "\$${kind}_broker_ready")
    restart_after "$kind" kill; results[$kind-crash1]=$(eval echo "\$${kind}_broker_ready")
    restart_after "$kind" kill; results[$kind-crash2]=$(eval echo "\$${kind}_broker_ready")
    kill "$(eval echo "\$${kind}_broker_pid")" 2>/dev/null || true
done

per_gib() { # kind: the mean restart after kill -9 over the bytes actually filled (the last round overshoots)
    echo $(( (${results[$1-crash1]} + ${results[$1-crash2]}) / 2 * 1073741824 / ${filled[$1]} ))
}
echo "restart ms (clean / crash / crash): comet ${results[comet-clean]} / ${results[comet-crash1]} / ${results[comet-crash2]}" \
    "| apache ${results[apache-clean]} / ${results[apache-crash1]} / ${results[apache-crash2]}"
echo "restart after kill -9, ms per GiB of commit log: comet $(per_gib comet) | apache $(per_gib apache)"
