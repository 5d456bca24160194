#!/usr/bin/env bash
# Runs the Spring Boot sample (spring/src/test/java/org/cometmq/spring/sample/SpringQuickstart.java) against the
# quick-start cluster: start that first with `bash bin/quickstart.sh`. Builds the starter if needed.
#   NAMESRV_ADDR   name server (default: 127.0.0.1 and the port in run/ports that quickstart.sh wrote, else 9876)
# Exit code: 0 once the sample received every message it sent.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN_DIR=${RUN_DIR:-$repo_root/run}
port=9876
if [[ -r "$RUN_DIR/ports" ]]; then
    port=$(sed -n 's/^NAMESRV_PORT=//p' "$RUN_DIR/ports")
fi
NAMESRV_ADDR=${NAMESRV_ADDR:-127.0.0.1:$port}

cd "$repo_root"
echo "Building the starter and its sample: mvn -B -q -DskipTests -pl spring -am test-compile ..."
mvn -B -q -Dstyle.color=never -DskipTests -pl spring -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
classpath="spring/target/test-classes:spring/target/classes:$(cat spring/target/test.classpath)"
exec java -cp "$classpath" org.cometmq.spring.sample.SpringQuickstart "--rocketmq.name-server=$NAMESRV_ADDR"
