#!/usr/bin/env bash
# Starts one CometMQ server JVM in the foreground: runserver.sh <main class> [args...]
#
# Shared by bin/mqnamesrv and bin/mqbroker. Environment:
#   COMET_HOME          installation root (default: the parent of this bin/ directory)
#   COMET_SERVER_NAME   short name of the server: picks conf/logback_<name>.xml and the log file names
#   COMET_HEAP          heap size for -Xms/-Xmx (e.g. 512m, 2g); default computed from physical memory:
#                       RAM / COMET_HEAP_DIVISOR (8), clamped to [COMET_HEAP_MIN_MB (256), COMET_HEAP_MAX_MB (1024)]
#   COMET_CDS           'off' disables class-data sharing (default on: the first start of a given JVM and set of
#                       jars records the classes it loads into an archive, written at exit; later starts map it,
#                       which roughly halves start-up); archives live in COMET_CDS_DIR (~/.cometmq/cds)
#   JAVA_OPT_EXT        extra JVM options, appended last (so they override the defaults)
#   JAVA_HOME           Java 17+ installation (default: java on PATH)
set -euo pipefail

main_class=${1:?usage: runserver.sh <main class> [args...]}
shift

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
COMET_HOME=${COMET_HOME:-$(cd "$script_dir/.." && pwd)}
server_name=${COMET_SERVER_NAME:-server}

COMET_SCRIPT_NAME=runserver.sh
# shellcheck source=comet-common.sh
source "$script_dir/comet-common.sh"

# Physical memory in MiB, lowered to the cgroup memory limit when one is set (containers).
physical_memory_mb() {
    local mb=0 limit
    if [[ -r /proc/meminfo ]]; then
        mb=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo)
    elif command -v sysctl >/dev/null 2>&1; then
        mb=$(( $(sysctl -n hw.memsize 2>/dev/null || echo 0) / 1024 / 1024 ))
    fi
    for f in /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory/memory.limit_in_bytes; do
        if [[ -r "$f" ]]; then
            limit=$(cat "$f")
            if [[ "$limit" =~ ^[0-9]+$ ]] && (( limit / 1024 / 1024 > 0 )) && (( limit / 1024 / 1024 < mb )); then
                mb=$(( limit / 1024 / 1024 ))
            fi
            break
        fi
    done
    echo "$mb"
}

default_heap() {
    local ram divisor min max heap
    ram=$(physical_memory_mb)
    divisor=${COMET_HEAP_DIVISOR:-8}
    min=${COMET_HEAP_MIN_MB:-256}
    max=${COMET_HEAP_MAX_MB:-1024}
    heap=$(( ram / divisor ))
    (( heap < min )) && heap=$min
    (( heap > max )) && heap=$max
    echo "${heap}m"
}

# The jars a classpath names, one per line (wildcard entries expanded), for the archive key.
classpath_files() {
    local entry
    local IFS=:
    for entry in $1; do
        # shellcheck disable=SC2086 # expand lib/* wildcards on purpose
        ls -1 $entry 2>/dev/null || true
    done
}

# Dynamic class-data sharing options. The archive is keyed by the JVM and the exact jars (names, sizes,
# times), so a rebuild or a JDK update starts a new archive instead of warning about a stale one. Each
# process records into its own temp file; a later start renames a finished one into place, so two servers
# starting together never share a half-written archive.
cds_options() {
    [[ "${COMET_CDS:-on}" == off ]] && return 0
    local dir=${COMET_CDS_DIR:-$HOME/.cometmq/cds} key archive pending candidate_pid
    mkdir -p "$dir" 2>/dev/null && [[ -w "$dir" ]] || return 0
    key=$( { echo "$JAVA $java_version $server_name"; classpath_files "$classpath" | xargs -r -d '\n' stat -L -c '%n %s %Y' 2>/dev/null; } \
        | cksum | cut -d' ' -f1)
    archive="$dir/${server_name}-${key}.jsa"
    if [[ ! -s "$archive" ]]; then
        for pending in "$dir/${server_name}-${key}.jsa."*; do
            [[ -s "$pending" ]] || continue
            candidate_pid=${pending##*.}
            if ! kill -0 "$candidate_pid" 2>/dev/null; then
                mv -f "$pending" "$archive" 2>/dev/null || true
                break
            fi
        done
    fi
    if [[ -s "$archive" ]]; then
        echo "-XX:SharedArchiveFile=$archive"
    elif [[ "${JAVA_OPT_EXT:-}" == *StartFlightRecording* ]]; then
        : # the JVM turns a flight recording off while it records an archive: the recording wins
    else
        # exec below keeps this shell's pid, so $$ is the JVM's: the temp name is unique per process
        echo "-XX:ArchiveClassesAtExit=$archive.$$"
    fi
    echo "-Xlog:cds=off"
    echo "-Xlog:cds+dynamic=off"
}

comet_require_java17

log_dir=${COMET_LOG_DIR:-$HOME/logs/cometmq}
mkdir -p "$log_dir"
heap=${COMET_HEAP:-$(default_heap)}
classpath=$(comet_classpath "${COMET_MODULE:-$server_name}")

JAVA_OPT=(
    -server "-Xms$heap" "-Xmx$heap"
    -XX:+UseG1GC -XX:MaxGCPauseMillis=100
    -XX:-OmitStackTraceInFastThrow
    -XX:+HeapDumpOnOutOfMemoryError "-XX:HeapDumpPath=$log_dir"
    "-Xlog:gc*:file=$log_dir/${server_name}_gc_%p.log:time,uptime:filecount=5,filesize=20M"
    "-Duser.home=$HOME"
    "-Dcomet.home.dir=$COMET_HOME"
    "-Dcomet.log.dir=$log_dir"
    -Dfile.encoding=UTF-8
)
while IFS= read -r option; do
    JAVA_OPT+=("$option")
done < <(cds_options)
if [[ -r "$COMET_HOME/conf/logback_${server_name}.xml" ]]; then
    JAVA_OPT+=("-Dlogback.configurationFile=$COMET_HOME/conf/logback_${server_name}.xml")
fi
# shellcheck disable=SC2206 # JAVA_OPT_EXT is a list of options separated by spaces, by design
JAVA_OPT+=(${JAVA_OPT_EXT:-})

exec "$JAVA" "${JAVA_OPT[@]}" -cp "$classpath" "$main_class" "$@"
