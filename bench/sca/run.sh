#!/bin/bash
# Dependency-stage benchmark: index build + lookup of 50,000 packages against 25,000 generated OSV advisories
# (or a real OSV export given as $1: a directory of records or an all.zip). Needs `./mvnw -Dstandalone -pl engine
# install -DskipTests` first. Nothing it generates is written into the work tree.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/jdk.sh >/dev/null && select_jdk >/dev/null
CP_FILE=$(mktemp)
./mvnw -B -q -o -Dstandalone -pl engine dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="engine/target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$CP" bench/sca/ScaBenchmark.java "$@"
