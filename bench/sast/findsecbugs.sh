#!/usr/bin/env bash
# FindSecBugs + SpotBugs on NIST Juliet Java, side by side with our SAST stage, scored per CWE category.
#
# Usage: bench/sast/findsecbugs.sh --juliet DIR --work DIR [--dirs "CWE89_SQL_Injection ..."] [--parallel N]
#   --juliet DIR   a Juliet Java checkout (find-sec-bugs/juliet-test-suite exported; its src/ holds the test cases)
#   --work DIR     scratch directory: tools, compiled classes, reports (created)
#   --dirs LIST    the CWE directories under src/testcases to analyse (default: the 13 of docs/stages/sast.md)
#   --parallel N   SpotBugs runs at once (default 2)
#
# SpotBugs 4.10.4 with findsecbugs-plugin 1.14.0 and the libraries Juliet compiles against come from Maven Central
# (bench/sast/findsecbugs/pom.xml). Juliet is compiled with javac --release 8. SpotBugs runs one CWE directory at a
# time (-effort:max -low): over the whole subset at once it needs more than 24 CPU-minutes and a 4 GiB heap. Our CLI
# scans the same sources (--stages sast); bench/sast/juliet_score.py scores both. CPU seconds and peak RSS come from
# /usr/bin/time -v. A benchmark, not a test.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
juliet= work= parallel=2
dirs="CWE89_SQL_Injection CWE78_OS_Command_Injection CWE90_LDAP_Injection CWE643_Xpath_Injection CWE80_XSS CWE81_XSS_Error_Message CWE83_XSS_Attribute CWE23_Relative_Path_Traversal CWE36_Absolute_Path_Traversal CWE327_Use_Broken_Crypto CWE328_Reversible_One_Way_Hash CWE338_Weak_PRNG CWE614_Sensitive_Cookie_Without_Secure"
while [ $# -gt 0 ]; do
  case "$1" in
    --juliet) juliet="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --dirs) dirs="$2"; shift 2 ;;
    --parallel) parallel="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$juliet" ] && [ -n "$work" ] || { echo "--juliet and --work are needed (see --help)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is missing (apt-get install time)" >&2; exit 2; }
mkdir -p "$work/lib" "$work/classes" "$work/xml"
work="$(cd "$work" && pwd)"

echo "== tools from Maven Central"
"$repo/mvnw" -B -q -f "$repo/bench/sast/findsecbugs/pom.xml" dependency:copy-dependencies -DoutputDirectory="$work/lib"
aux="$(ls "$work"/lib/javax.servlet-api-*.jar "$work"/lib/commons-codec-*.jar "$work"/lib/commons-lang-*.jar \
  "$work"/lib/mail-*.jar "$work"/lib/activation-*.jar 2>/dev/null | tr '\n' ':')"
plugin="$(ls "$work"/lib/findsecbugs-plugin-*.jar)"

echo "== compiling Juliet (javac --release 8)"
find "$juliet/src" -name '*.java' > "$work/files.txt"
/usr/bin/time -f "javac: %U+%S CPU-s, %M KB peak RSS" javac -J-Xmx2g --release 8 -nowarn -proc:none -encoding UTF-8 \
  -cp "$aux" -d "$work/classes" @"$work/files.txt" 2>"$work/javac.log" || { tail -20 "$work/javac.log"; exit 1; }
echo "$(wc -l < "$work/files.txt") files compiled"

echo "== SpotBugs + FindSecBugs, one CWE directory at a time, $parallel at once (load $(cut -d' ' -f1 /proc/loadavg))"
export work aux plugin
printf '%s\n' $dirs | xargs -P "$parallel" -I{} sh -c '
  /usr/bin/time -f "{}: %U+%S CPU-s, %M KB peak RSS, %e s" -o "$work/xml/{}.time" java -Xmx2g -cp "$work/lib/*" \
    edu.umd.cs.findbugs.FindBugs2 -pluginList "$plugin" -effort:max -low -xml:withMessages -output "$work/xml/{}.xml" \
    -auxclasspath "$aux$work/classes" "$work/classes/testcases/{}" > "$work/xml/{}.log" 2>&1; cat "$work/xml/{}.time"'
python3 - "$work" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
work = sys.argv[1]
merged = ET.Element("BugCollection")
for path in sorted(glob.glob(work + "/xml/*.xml")):
    for bug in ET.parse(path).getroot().iter("BugInstance"):
        merged.append(bug)
ET.ElementTree(merged).write(work + "/findsecbugs.xml")
PY

echo "== ours (--stages sast, load $(cut -d' ' -f1 /proc/loadavg))"
/usr/bin/time -f "ours: %U+%S CPU-s, %M KB peak RSS, %e s" "$repo/devsecops" scan --no-history --stages sast -q \
  -o "$work/ours" "$juliet" > "$work/ours.log" 2>&1 || true
tail -1 "$work/ours.log"

echo "== scores"
python3 "$repo/bench/sast/juliet_score.py" --root "$juliet" --ours "$work/ours/report.json" \
  --spotbugs "$work/findsecbugs.xml"
