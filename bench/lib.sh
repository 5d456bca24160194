# Shared helpers of the bench scripts (sourced, not run).

# A prefix for server launches, e.g. (taskset -c 0) to pin the servers to one CPU; empty: no pinning.
server_pin=()

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

now_ms() { date +%s%3N; }
rss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

# The Apache 4.9.7 jars the test module copies (absolute), or exit with how to get them.
apache_lib_dir() {
    local lib="test/${COMET_TARGET:-target}/apache-lib"
    compgen -G "$lib/rocketmq-broker-*.jar" >/dev/null || { echo "no Apache jars in $lib: run mvn -pl test generate-test-resources" >&2; exit 1; }
    (cd "$lib" && pwd)
}

# JDK 17 needs these for 4.9.7's direct-buffer cleanup and Netty.
apache_jdk17_flags=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED
    --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
    --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true)

bench_broker_conf() { # file name port namesrv store
    cat > "$1" <<CONF
brokerClusterName=BenchCluster
brokerName=$2
brokerId=0
namesrvAddr=$4
listenPort=$3
brokerIP1=127.0.0.1
storePathRootDir=$5
storePathCommitLog=$5/commitlog
flushDiskType=ASYNC_FLUSH
autoCreateTopicEnable=true
autoCreateSubscriptionGroup=true
CONF
}

# A name server and a broker config of one kind (comet|apache) under dir; sets ${kind}_ns (address) and
# ${kind}_ns_ready (ms). The broker is started by start_broker. Needs comet_home, and apache_lib for apache.
prepare_servers() { # kind dir
    local kind=$1 dir=$2 ns_port br_port t0
    ns_port=$(free_port); br_port=$(free_port)
    mkdir -p "$dir/conf" "$dir/home"
    printf 'listenPort=%s\nkvConfigPath=%s/kv.json\n' "$ns_port" "$dir" > "$dir/namesrv.conf"
    bench_broker_conf "$dir/broker.conf" "$kind-broker" "$br_port" "127.0.0.1:$ns_port" "$dir/store"
    printf -v "${kind}_ns" '%s' "127.0.0.1:$ns_port"
    printf -v "${kind}_broker_addr" '%s' "127.0.0.1:$br_port"
    t0=$(now_ms)
    if [[ $kind == comet ]]; then
        COMET_LOG_DIR="$dir/logs" COMET_PID_DIR="$dir" HOME="$dir/home" \
            "${server_pin[@]}" "$comet_home/bin/mqnamesrv" -c "$dir/namesrv.conf" > "$dir/namesrv.out" 2>&1 &
    else
        local f
        for f in namesrv broker; do
            cat > "$dir/conf/logback_$f.xml" <<XML
<configuration><appender name="F" class="ch.qos.logback.core.FileAppender"><file>$dir/$f.log</file>
<encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n</pattern></encoder></appender>
<root level="INFO"><appender-ref ref="F"/></root></configuration>
XML
        done
        ROCKETMQ_HOME="$dir" "${server_pin[@]}" java -Xms1g -Xmx1g -XX:+UseG1GC "${apache_jdk17_flags[@]}" -Duser.home="$dir/home" \
            -Drocketmq.home.dir="$dir" -cp "$apache_lib/*" org.apache.rocketmq.namesrv.NamesrvStartup \
            -c "$dir/namesrv.conf" > "$dir/namesrv.out" 2>&1 &
    fi
    pids+=($!)
    wait_for "$dir/namesrv.out" "boot success" 60
    printf -v "${kind}_ns_ready" '%s' $(( $(now_ms) - t0 ))
}

# Starts (or starts again, on the same store) the broker prepared under dir from $dir/<name>.conf (name: broker unless
# given); sets ${kind}_<name>_pid and ${kind}_<name>_ready (ms from exec to "boot success"). Apache runs with a
# 1 GiB heap, CometMQ with its default.
start_broker() { # kind dir [name]
    local kind=$1 dir=$2 name=${3:-broker} t0
    t0=$(now_ms)
    if [[ $kind == comet ]]; then
        COMET_LOG_DIR="$dir/logs-$name" COMET_PID_DIR="$dir/pid-$name" HOME="$dir/home" \
            "${server_pin[@]}" "$comet_home/bin/mqbroker" -c "$dir/$name.conf" > "$dir/$name.out" 2>&1 &
    else
        ROCKETMQ_HOME="$dir" "${server_pin[@]}" java -Xms1g -Xmx1g -XX:+UseG1GC "${apache_jdk17_flags[@]}" -Duser.home="$dir/home-$name" \
            -Drocketmq.home.dir="$dir" -cp "$apache_lib/*" org.apache.rocketmq.broker.BrokerStartup \
            -c "$dir/$name.conf" > "$dir/$name.out" 2>&1 &
    fi
    local pid=$!
    pids+=($pid)
    wait_for "$dir/$name.out" "boot success" 600
    printf -v "${kind}_${name}_pid" '%s' "$pid"
    printf -v "${kind}_${name}_ready" '%s' $(( $(now_ms) - t0 ))
}

# A slave of the broker prepared under dir (same brokerName, brokerId 1, its own port and store), as $dir/slave.conf;
# the master's conf gets brokerRole=$2. Start both with start_broker kind dir [slave].
add_slave() { # kind role(SYNC_MASTER|ASYNC_MASTER) dir
    local kind=$1 role=$2 dir=$3 port
    port=$(free_port)
    echo "brokerRole=$role" >> "$dir/broker.conf"
    bench_broker_conf "$dir/slave.conf" "$kind-broker" "$port" "$(eval echo "\$${kind}_ns")" "$dir/store-slave"
    sed -i 's/^brokerId=0$/brokerId=1/' "$dir/slave.conf"
    printf 'brokerRole=SLAVE\nbrokerIP2=127.0.0.1\n' >> "$dir/slave.conf"
    echo "brokerIP2=127.0.0.1" >> "$dir/broker.conf"
    printf -v "${kind}_slave_addr" '%s' "127.0.0.1:$port"
}

# The broker's commit-log max offset by mqadmin brokerStatus, 0 when it did not answer (3 tries). Needs comet_home.
max_offset() { # namesrv broker_addr: the commit log's max offset, 0 when the broker did not answer (3 tries)
    local try out
    for try in 1 2 3; do
        out=$("$comet_home/bin/mqadmin" brokerStatus -n "$1" -b "$2" 2>/dev/null || true)
        out=$(awk '$1 == "commitLogMaxOffset" {print $NF}' <<< "$out")
        [[ -n $out ]] && { echo "$out"; return; }
    done
    echo 0
}
