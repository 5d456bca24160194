# Shared helpers of the bench scripts (sourced, not run).

# Processes the script started; cleanup_pids (installed as the EXIT trap) stops them: TERM, then KILL after 2 s.
pids=()
cleanup_pids() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    sleep 2
    for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
}

free_port() { # a port p with p-2..p+1 free (brokers also bind listenPort-2 and +1)
    python3 - <<'EOF'
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
EOF
}

wait_for() { # file pattern timeout_s
    local deadline=$(( $(date +%s) + $3 ))
    until grep -q "$2" "$1" 2>/dev/null; do
        (( $(date +%s) < deadline )) || { echo "timed out waiting for '$2' in $1" >&2; tail -20 "$1" >&2; exit 1; }
        sleep 0.02
    done
}

# The assembled distribution's root (absolute), or exit with how to build it.
comet_distribution() {
    local home
    home=$(ls -d "distribution/${COMET_TARGET:-target}"/comet-*/ 2>/dev/null | head -1)
    [[ -n "$home" && -x "$home/bin/mqbroker" ]] || { echo "no distribution under distribution/${COMET_TARGET:-target}: run mvn -DskipTests package" >&2; exit 1; }
    (cd "$home" && pwd)
}
