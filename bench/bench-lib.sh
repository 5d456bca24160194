# Shell helpers the bench scripts share; source it after `set -euo pipefail`.

# Prints a port p with p-2..p+1 free on 127.0.0.1 (brokers also bind listenPort-2 and +1).
free_port() {
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

# wait_for FILE PATTERN TIMEOUT_S: until PATTERN appears in FILE; exits with the file's tail when it does not.
wait_for() {
    local deadline=$(( $(date +%s) + $3 ))
    until grep -q "$2" "$1" 2>/dev/null; do
        (( $(date +%s) < deadline )) || { echo "timed out waiting for '$2' in $1" >&2; tail -20 "$1" >&2; exit 1; }
        sleep 0.05
    done
}

# The assembled distribution's root (absolute), or exit with how to build it.
comet_distribution() {
    local home
    home=$(ls -d "distribution/${COMET_TARGET:-target}"/comet-*/ 2>/dev/null | head -1)
    [[ -n "$home" && -x "$home/bin/mqbroker" ]] || { echo "no distribution under distribution/${COMET_TARGET:-target}: run mvn -DskipTests package" >&2; exit 1; }
    (cd "$home" && pwd)
}
