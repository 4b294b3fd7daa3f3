#!/bin/bash
# Checks the engine's Alpine (apk) version ordering against apk-tools' own comparison table (test/unit/version.data
# of alpinelinux/apk-tools, not shipped here: give its path, e.g. from a local clone or
# `git --git-dir=APK_TOOLS.git show HEAD:test/unit/version.data > version.data`).
# Usage: bench/images/apk-version-check.sh VERSION_DATA   (after the CLI jar is built: ./devsecops --version)
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/jdk.sh
select_jdk >/dev/null
exec "$JAVA_HOME/bin/java" -cp cli/target/devsecops.jar bench/images/ApkVersionCheck.java "$1"
