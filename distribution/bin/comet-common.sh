# Functions shared by the CometMQ scripts in this bin/ directory; sourced, never run on its own.
# The sourcing script sets COMET_HOME and COMET_SCRIPT_NAME (the prefix of its error messages) first.

comet_die() {
    echo "${COMET_SCRIPT_NAME:-comet}: $*" >&2
    exit "${COMET_DIE_CODE:-1}"
}

comet_find_java() {
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
        echo "$JAVA_HOME/bin/java"
    elif command -v java >/dev/null 2>&1; then
        command -v java
    else
        comet_die "no Java found: set JAVA_HOME to a Java 17+ installation or put java on PATH"
    fi
}

# The major version from `java -version`. The version line is searched for rather than taken first: a JVM
# prints "Picked up JAVA_TOOL_OPTIONS: ..." (or _JAVA_OPTIONS, JDK_JAVA_OPTIONS) before it when those are set.
comet_java_major_version() {
    "$1" -version 2>&1 | awk -F'"' '/ version "/ {
        v = $2; sub(/^1\./, "", v); sub(/[^0-9].*$/, "", v); print v; exit }'
}

# Sets JAVA to a Java 17+ executable, or stops with a clear message.
comet_require_java17() {
    local version
    JAVA=$(comet_find_java)
    version=$(comet_java_major_version "$JAVA")
    if [[ ! "$version" =~ ^[0-9]+$ ]] || (( version < 17 )); then
        comet_die "$JAVA is Java '${version:-unknown}'; CometMQ needs Java 17 or newer (set JAVA_HOME)"
    fi
    java_version=$version
}

# The classpath to run a module's main class: lib/ of an assembled distribution; else, in a source tree after
# `mvn package`, the distribution assembled under distribution/target*/; else the module's own classes plus the
# classpath file its build writes (<module>/target*/runtime.classpath).
comet_classpath() {
    local module=$1 dir cp_file
    if compgen -G "$COMET_HOME/lib/*.jar" >/dev/null; then
        echo "$COMET_HOME/lib/*"
        return
    fi
    for dir in "$COMET_HOME"/target*/comet-*/lib; do
        if compgen -G "$dir/*.jar" >/dev/null; then
            echo "$dir/*"
            return
        fi
    done
    for cp_file in "$COMET_HOME/../$module"/target*/runtime.classpath; do
        if [[ -r "$cp_file" ]]; then
            echo "$(dirname "$cp_file")/classes:$(cat "$cp_file")"
            return
        fi
    done
    comet_die "no jars found: expected $COMET_HOME/lib/*.jar (an unpacked distribution; set COMET_HOME) or, in a source tree, run 'mvn -DskipTests package' first"
}

# Where the servers' pid files go: COMET_PID_DIR, else COMET_LOG_DIR, else a folder of ~/logs/cometmq named after
# this installation, so two installations run by one user never share (and never stop each other's) servers.
comet_pid_dir() {
    if [[ -n "${COMET_PID_DIR:-}" ]]; then
        echo "$COMET_PID_DIR"
    elif [[ -n "${COMET_LOG_DIR:-}" ]]; then
        echo "$COMET_LOG_DIR"
    else
        local home key
        home=$(cd "$COMET_HOME" && pwd -P)
        key=$(printf '%s' "$home" | cksum | cut -d' ' -f1)
        echo "$HOME/logs/cometmq/pid/$(basename "$home")-$key"
    fi
}

# The pid in a pid file when that process runs and is the expected CometMQ server (a reused pid does not count).
comet_live_pid() {
    local pid_file=$1 main_class=$2 pid
    [[ -r "$pid_file" ]] || return 1
    pid=$(tr -dc '0-9' <"$pid_file")
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$main_class" || return 1
    echo "$pid"
}

# Writes this shell's pid (exec keeps it all the way to the JVM) to <pid dir>/<server>.pid, refusing to replace
# the pid file of a server that still runs: mqshutdown would then lose track of it.
comet_claim_pid_file() {
    local server=$1 main_class=$2 pid_dir pid_file live
    pid_dir=$(comet_pid_dir)
    mkdir -p "$pid_dir" || comet_die "cannot create the pid directory $pid_dir (set COMET_PID_DIR)"
    pid_file="$pid_dir/$server.pid"
    if live=$(comet_live_pid "$pid_file" "$main_class"); then
        comet_die "a $server started from here already runs (pid $live, pid file $pid_file): stop it with" \
            "bin/mqshutdown $server, or give this one its own COMET_PID_DIR"
    fi
    echo $$ >"$pid_file"
}
