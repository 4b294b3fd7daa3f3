#!/usr/bin/env bash
# Replays a git history and measures fingerprint stability: bench/fingerprint-stability/run.sh GIT_DIR [GLOB] [MAX_COMMITS]
# Needs the engine built (./mvnw -Dstandalone -pl engine package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/jdk.sh && select_jdk
cp_file=$(mktemp)
./mvnw -B -q -o -Dstandalone -pl engine dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
"$JAVA_HOME/bin/java" -cp "engine/target/classes:$(cat "$cp_file")" bench/fingerprint-stability/FingerprintStabilityBench.java "$@"
rm -f "$cp_file"
