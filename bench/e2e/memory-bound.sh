#!/usr/bin/env bash
# Peak memory of the devsecops CLI, 1x against 4x the tree, and proof of the bound: the 4x tree scanned under a
# small fixed heap (-Xmx, default 256m) must complete with the same findings as an unbounded run.
#
# Usage: bench/e2e/memory-bound.sh --tree DIR [options]
#   --tree DIR        a real-code tree (bench/e2e/side-by-side.sh --build-tree makes one)
#   --tree-4x DIR     the same tree 4 times over
#   --history REPO    a git work tree with its history (e.g. a clone of WebGoat, ~3,200 commits)
#   --xmx SIZE        the small heap of the bound run (default 256m)
#   --runs N          runs of each measurement (default 1); medians are printed
#   --cli CMD         how to start our CLI (default: ./devsecops from this checkout)
#   --baseline CMD    also measure an older build (e.g. /tmp/old/devsecops) in the same rotation, as "base-*"
#   --stages LIST     pass --stages LIST to every tree scan (default: every default stage)
#   --keep DIR        keep the output directories (reports) of every run under DIR, for comparing findings
#
# Every run is a full default scan (--no-history) through the launcher, its peak RSS from /usr/bin/time -v, each
# printed with the load average when it started. The bound run sets DEVSECOPS_JAVA_OPTS=-Xmx<SIZE>: a run that
# needs more heap than that ends in OutOfMemoryError (printed as FAILED). Its sorted finding fingerprints are
# compared with the unbounded run's. Nothing is installed; a benchmark, not a test: nothing here fails on a figure.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
tree= tree4= history= xmx=256m runs=1 cli="$repo/devsecops" baseline= stages= keep=
while [ $# -gt 0 ]; do
  case "$1" in
    --tree) tree="$2"; shift 2 ;;
    --tree-4x) tree4="$2"; shift 2 ;;
    --history) history="$2"; shift 2 ;;
    --xmx) xmx="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --cli) cli="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    --stages) stages="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$tree" ] || { echo "--tree DIR is required (see --help)" >&2; exit 2; }
missing=
[ -x /usr/bin/time ] || missing="$missing GNU-time(apt-get install time)"
command -v python3 >/dev/null || missing="$missing python3"
if [ -n "$missing" ]; then
  echo "missing:$missing -- install them and run again" >&2
  exit 2
fi

if [ -n "$keep" ]; then
  mkdir -p "$keep"; work=$(cd "$keep" && pwd)
else
  work=$(mktemp -d /tmp/devsecops-memory.XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi
stage_args=()
[ -z "$stages" ] || stage_args=(--stages "$stages")
load() { cut -d' ' -f1 /proc/loadavg; }
median() { sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
fingerprints() { # fingerprints OUTDIR: the sorted fingerprints of its report.json, one a line
  python3 -c 'import json, sys
for f in sorted(x.get("fingerprint", "") for x in json.load(open(sys.argv[1])).get("findings", [])): print(f)' "$1/report.json" 2>/dev/null
}

# measure LABEL OPTS CMD...: one run with DEVSECOPS_JAVA_OPTS=OPTS; appends "rss_kib seconds load" to $work/LABEL
measure() {
  local label="$1" opts="$2"; shift 2
  local before code=0; before=$(load)
  DEVSECOPS_JAVA_OPTS="$opts" /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || code=$?
  local rss wall cpu
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time.txt")
  # exit 1 is the CLI's "policy failed": the scan itself completed
  if [ "$code" -gt 1 ] || grep -q OutOfMemoryError "$work/out.txt" "$work/err.txt"; then
    printf '  %-16s FAILED (exit %s)%s\n' "$label" "$code" "$(grep -m1 -o 'OutOfMemoryError.*' "$work/err.txt" "$work/out.txt" | head -1 | sed 's/^/: /')"
    echo "failed" >>"$work/$label.failed"
    return 0
  fi
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.txt")
  echo "$rss $wall $before $cpu" >>"$work/$label"
  printf '  %-16s peak RSS %7.1f MiB  %7.1f s  %7.1f CPU-s  load %s\n' "$label" "$(echo "$rss / 1024" | bc -l)" "$wall" "$cpu" "$before"
}
rss_of() { awk '{print $1}' "$work/$1" | median; }
cpu_of() { awk '{print $4}' "$work/$1" | median; }

echo "devsecops ($cli)${baseline:+ vs baseline ($baseline)}; $(nproc) cores; $(date -u +%FT%TZ)"
labels=(ours)
[ -z "$baseline" ] || labels+=(base)
cmd_of() { if [ "$1" = ours ]; then echo "$cli"; else echo "$baseline"; fi; }

echo "== full scan, 1x ($tree)${tree4:+ and 4x ($tree4)} =="
for i in $(seq 1 "$runs"); do
  for who in "${labels[@]}"; do
    measure "$who-1x" "" $(cmd_of "$who") scan --no-history -q ${stage_args[@]+"${stage_args[@]}"} -o "$work/out-$who-1x" "$tree"
    [ -z "$tree4" ] || measure "$who-4x" "" $(cmd_of "$who") scan --no-history -q ${stage_args[@]+"${stage_args[@]}"} -o "$work/out-$who-4x" "$tree4"
  done
done
for who in "${labels[@]}"; do
  [ -f "$work/$who-1x" ] || continue
  printf '%-5s peak RSS 1x %7.1f MiB' "$who" "$(echo "$(rss_of "$who-1x") / 1024" | bc -l)"
  if [ -f "$work/$who-4x" ]; then
    printf '   4x %7.1f MiB   1x->4x %+.1f %%' "$(echo "$(rss_of "$who-4x") / 1024" | bc -l)" \
      "$(echo "($(rss_of "$who-4x") / $(rss_of "$who-1x") - 1) * 100" | bc -l)"
  fi
  printf '   CPU-s 1x %.1f%s' "$(cpu_of "$who-1x")" "$([ -f "$work/$who-4x" ] && printf ' 4x %.1f' "$(cpu_of "$who-4x")")"
  printf '   findings 1x %s\n' "$(fingerprints "$work/out-$who-1x" | wc -l)"
done

bound_tree="${tree4:-$tree}"
echo "== bound: full scan of $bound_tree under -Xmx$xmx =="
for who in "${labels[@]}"; do
  measure "$who-xmx" "-Xmx$xmx" $(cmd_of "$who") scan --no-history -q ${stage_args[@]+"${stage_args[@]}"} -o "$work/out-$who-xmx" "$bound_tree"
  if [ -f "$work/$who-xmx" ]; then
    reference="$work/out-$who-4x"; [ -n "$tree4" ] || reference="$work/out-$who-1x"
    if [ -f "$reference/report.json" ] && cmp -s <(fingerprints "$reference") <(fingerprints "$work/out-$who-xmx"); then
      echo "  $who: completed under -Xmx$xmx; sorted fingerprints identical to the unbounded run ($(fingerprints "$reference" | wc -l))"
    else
      echo "  $who: completed under -Xmx$xmx; fingerprints DIFFER from the unbounded run"
    fi
  fi
done

if [ -n "$history" ]; then
  commits=$(git -C "$history" rev-list --count HEAD)
  echo "== history: secrets with --history over $commits commits of $history =="
  for i in $(seq 1 "$runs"); do
    for who in "${labels[@]}"; do
      measure "$who-history" "" $(cmd_of "$who") scan --no-history -q -o "$work/out-$who-h" --stages secrets --history "$history"
    done
  done
  for who in "${labels[@]}"; do
    [ -f "$work/$who-history" ] && printf '%-5s history peak RSS %7.1f MiB  CPU-s %.1f\n' "$who" \
      "$(echo "$(rss_of "$who-history") / 1024" | bc -l)" "$(cpu_of "$who-history")"
  done
fi
