#!/usr/bin/env bash
# Fuzzes every Jazzer target of the test module for its bound (30 s each), one after the other, and prints one line
# per target: executions, executions per second, coverage, and whether a finding stopped it. Findings are written
# next to the seed corpus (src/test/resources/org/cometmq/test/fuzz/<Class>Inputs/<method>/) by Jazzer itself.
# Usage: bash bench/fuzz-all.sh [Class#method ...]   (default: every @FuzzTest)
set -uo pipefail
cd "$(dirname "$0")/.."
fuzz_dir=test/src/test/java/org/cometmq/test/fuzz
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    for file in "$fuzz_dir"/*FuzzTest.java; do
        class=$(basename "$file" .java)
        while read -r method; do targets+=("$class#$method"); done < <(
            grep -A1 '@FuzzTest' "$file" | sed -n 's/.*void \([a-zA-Z0-9]*\)(.*/\1/p')
    done
fi
mvn -B -q -o -pl test -am test-compile -Dcheckstyle.skip >/dev/null 2>&1 || { echo "build failed" >&2; exit 1; }
printf '%-45s %12s %10s %8s %s\n' target executions exec/s cov outcome
for target in "${targets[@]}"; do
    log=$(mktemp)
    JAZZER_FUZZ=1 mvn -B -o -pl test -am test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
        -Dcheckstyle.skip -Djacoco.skip=true > "$log" 2>&1
    status=$?
    done_line=$(grep -a -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1)
    last_line=$(grep -a -E '^#[0-9]+[[:space:]]' "$log" | tail -1)
    line=${done_line:-$last_line}
    execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<< "$line")
    rate=$(sed -n 's/.*exec\/s: \([0-9]*\).*/\1/p' <<< "$line")
    cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<< "$line")
    outcome=$([[ $status -eq 0 ]] && echo "no finding" || echo "FAILED (finding or error, see $log)")
    printf '%-45s %12s %10s %8s %s\n' "$target" "${execs:-?}" "${rate:-?}" "${cov:-?}" "$outcome"
    [[ $status -eq 0 ]] && rm -f "$log"
done
