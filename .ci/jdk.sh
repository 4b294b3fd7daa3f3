# Sourced by .ci/run and ./devsecops: points JAVA_HOME at a JDK >= 21, or fails with a clear message.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}
select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/temurin-2[1-9]-jdk-* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "error: no JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm); install one and set JAVA_HOME" >&2
  return 1
}
