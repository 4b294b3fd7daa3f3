#!/usr/bin/env bash
# Times loading build summaries: bench/summary-load/run.sh [COUNT=1000] [ROUNDS=50] [sparse|dense]
# Needs the engine built (./mvnw -Dstandalone -pl engine package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/jdk.sh && select_jdk
cp_file=$(mktemp)
./mvnw -B -q -o -Dstandalone -pl engine dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
"$JAVA_HOME/bin/java" -cp "engine/target/classes:$(cat "$cp_file")" bench/summary-load/SummaryLoadBench.java "$@"
rm -f "$cp_file"
