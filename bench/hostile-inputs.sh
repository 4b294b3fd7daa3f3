#!/bin/sh
# Linearity of the engine on the hostile inputs of issue 17 (secret patterns and redaction, globs, lockfile graphs,
# TOML strings): each case at size n and 4n, processor time and ratio (about 4 = linear, 16 = quadratic).
# Usage: bench/hostile-inputs.sh [SCALE]   (SCALE multiplies every size, default 1)
set -eu
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk
./mvnw -B -q -Dstandalone -pl engine test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
CP="engine/target/classes:engine/target/test-classes:$(cat engine/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$CP" io.jenkins.plugins.devsecops.bench.HostileInputsBenchmark "${1:-1}"
