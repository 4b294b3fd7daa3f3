#!/usr/bin/env bash
# Imports a generated SARIF report of SIZE_MIB (default 100) MiB in a JVM limited to HEAP (default 256m) and
# prints the finding count, the peak heap used and the time. Run from the repository root after
#   ./mvnw -B -q -Dstandalone -pl engine install -DskipTests && ./mvnw -B -q -o -Dstandalone -pl engine test-compile
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh && select_jdk
SIZE_MIB="${SIZE_MIB:-100}"
HEAP="${HEAP:-256m}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
deps="$(./mvnw -B -q -o -Dstandalone -pl engine dependency:build-classpath -Dmdep.outputFile=/dev/stdout 2>/dev/null | tail -n1)"
cp="engine/target/test-classes:engine/target/classes:$deps"
"$JAVA_HOME/bin/java" -Xmx"$HEAP" -XX:+UseSerialGC -cp "$cp" \
  io.jenkins.plugins.devsecops.imports.LargeReportImport "$work" "sarif:build/*.sarif" "$SIZE_MIB" 2>&1 | grep -v '^SLF4J'
