#!/usr/bin/env bash
# Times the Security overview view model: bench/overview/run.sh [JOBS=1000] [BUILDS=20] [ROUNDS=20]
# Needs the engine built (./mvnw -Dstandalone -pl engine package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/jdk.sh && select_jdk
cp_file=$(mktemp)
./mvnw -B -q -o -Dstandalone -pl engine dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
"$JAVA_HOME/bin/java" -cp "engine/target/classes:$(cat "$cp_file")" bench/overview/OverviewBench.java "$@"
rm -f "$cp_file"
