#!/usr/bin/env bash
# Runs the JMH benchmarks of one module.
#   bash bench/jmh.sh <module> [JMH options and benchmark regex...]
# e.g. bash bench/jmh.sh common RemotingCommandCodecBenchmark -f 1 -wi 3 -i 5
# Benchmarks live in <module>/src/test/java/**/bench/*Benchmark.java; the module's pom declares
# jmh-core and jmh-generator-annprocess in test scope. COMET_TARGET picks the build folder (default target).
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?usage: bench/jmh.sh <module> [jmh args...]}
shift
target=${COMET_TARGET:-target}
mvn -B -q -Dcomet.target="$target" -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$target/jmh.classpath" >/dev/null
cp="$module/$target/test-classes:$module/$target/classes:$(cat "$module/$target/jmh.classpath")"
exec java -cp "$cp" org.openjdk.jmh.Main "$@"
