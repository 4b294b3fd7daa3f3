# Sourced (POSIX sh) by .ci/run, ./devsecops and ./mvnw: points JAVA_HOME at a JDK >= 21, or fails with a clear message.
java_major() {
  # The JDK's release file names its version without starting a JVM (which costs ~0.3 s); ask java otherwise.
  if [ -f "$1/release" ]; then
    jdk_release=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n1)
    if [ -n "$jdk_release" ]; then
      echo "$jdk_release"
      return
    fi
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}
select_jdk() {
  # The callers may run with globbing off (mvnw uses set -f); the search below needs it.
  case $- in *f*) set +f; jdk_restore_noglob=1 ;; *) jdk_restore_noglob= ;; esac
  jdk_found=
  for jdk_candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/temurin-2[1-9]-jdk-* /usr/lib/jvm/*; do
    [ -n "$jdk_candidate" ] && [ -x "$jdk_candidate/bin/javac" ] || continue
    jdk_major=$(java_major "$jdk_candidate")
    if [ -n "$jdk_major" ] && [ "${jdk_major%%.*}" -ge 21 ] 2>/dev/null; then
      JAVA_HOME="$jdk_candidate"
      export JAVA_HOME
      jdk_found=1
      break
    fi
  done
  [ -z "$jdk_restore_noglob" ] || set -f
  if [ -z "$jdk_found" ]; then
    echo "error: no JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm); install one and set JAVA_HOME" >&2
    return 1
  fi
  quiet_unsafe_warnings "${jdk_major%%.*}"
}
# JDK 24+ warns on every Maven run that Maven's Guice calls sun.misc.Unsafe. The option that allows it exists only
# since JDK 23 and stops older JVMs from starting ("Unrecognized option"), so it cannot go into .mvn/jvm.config,
# which every JDK reads: it is added to MAVEN_OPTS here, for the JDK just selected, when that JDK is 24 or newer.
quiet_unsafe_warnings() {
  if [ "$1" -ge 24 ] 2>/dev/null; then
    case " ${MAVEN_OPTS:-} " in
      *" --sun-misc-unsafe-memory-access="*) ;;
      *) MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;;
    esac
  fi
}
