#!/usr/bin/env bash
# Starts the broker JVM: runbroker.sh <main class> [args...]. Heap sizing, GC, logging and the classpath come
# from runserver.sh; this script only adds what a broker needs on top.
#   COMET_BROKER_HEAP            heap for -Xms/-Xmx (default: runserver.sh's sizing, up to COMET_HEAP_MAX_MB)
#   COMET_BROKER_DIRECT_MEMORY   -XX:MaxDirectMemorySize (default 1g; the transient store pool lives there)
set -euo pipefail
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export COMET_HOME=${COMET_HOME:-$(cd "$script_dir/.." && pwd)}
export COMET_SERVER_NAME=broker
export COMET_MODULE=broker
if [[ -n "${COMET_BROKER_HEAP:-}" ]]; then
    export COMET_HEAP=$COMET_BROKER_HEAP
fi
# Broker options first, so the operator's JAVA_OPT_EXT still overrides them.
export JAVA_OPT_EXT="-XX:MaxDirectMemorySize=${COMET_BROKER_DIRECT_MEMORY:-1g} ${JAVA_OPT_EXT:-}"
exec bash "$script_dir/runserver.sh" "$@"
