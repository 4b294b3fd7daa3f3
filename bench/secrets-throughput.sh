#!/bin/sh
# Throughput of the secrets stage with the full built-in rule set, through the real scan engine.
# Usage: bench/secrets-throughput.sh [DIR] [MEGABYTES] [THREADS]
#   DIR        a checkout to scan; empty or absent generates a realistic tree of MEGABYTES (default 300) under /tmp
#   THREADS    scan threads (default 2)
set -eu
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk
./mvnw -B -q -Dstandalone -pl engine test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
CP="engine/target/classes:engine/target/test-classes:$(cat engine/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -Xmx3g -cp "$CP" io.jenkins.plugins.devsecops.secrets.bench.SecretsThroughputBenchmark "${1:-}" "${2:-300}" "${3:-2}"
