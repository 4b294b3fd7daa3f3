#!/usr/bin/env bash
# End-to-end throughput, memory and start-up of the devsecops CLI, side by side with ripgrep in one run.
#
# Usage: bench/e2e/side-by-side.sh [options]
#   --tree DIR        a real-code tree to scan (required unless --build-tree)
#   --build-tree DIR  export one copy of every bare mirror given with --mirror into DIR/src, then
#                     COPIES copies of it into DIR/tree-1x and 4x that many into DIR/tree-4x; uses DIR/tree-1x
#   --mirror GITDIR   a bare git repository to export (repeatable; with --build-tree)
#   --copies N        copies of the exported repositories in the 1x tree (default 2)
#   --tree-4x DIR     the same tree 4 times over, for the scaling and memory-growth lines
#   --history REPO    a git work tree with its history (e.g. a clone of WebGoat, ~3,200 commits)
#   --runs N          runs of each tool (default 5); medians are printed
#   --only LIST       comma-separated subset of: secrets,full,history,startup,scaling (default all that apply)
#   --cli CMD         how to start our CLI (default: ./devsecops from this checkout)
#   --baseline CMD    also run an older build of the CLI (e.g. "java -jar /tmp/devsecops-old.jar") in the same
#                     rotation, printed as "base-*", to compare before and after under the same load
#
# Our CLI and ripgrep run alternately, so load from other processes hits both alike; every figure is
# printed with the load average at the time, and with its CPU seconds (user + system), which depend less on that
# load. Peak RSS comes from /usr/bin/time -v. Nothing is installed:
# missing tools are named and the script stops. Benchmarks, not tests: nothing here fails on a figure.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
tree= build= tree4= history= runs=5 only=secrets,full,history,startup,scaling copies=2
cli="$repo/devsecops"
baseline=
mirrors=()
while [ $# -gt 0 ]; do
  case "$1" in
    --tree) tree="$2"; shift 2 ;;
    --build-tree) build="$2"; shift 2 ;;
    --mirror) mirrors+=("$2"); shift 2 ;;
    --copies) copies="$2"; shift 2 ;;
    --tree-4x) tree4="$2"; shift 2 ;;
    --history) history="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --cli) cli="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

missing=
command -v rg >/dev/null || missing="$missing ripgrep(apt-get install ripgrep)"
[ -x /usr/bin/time ] || missing="$missing GNU-time(apt-get install time)"
command -v git >/dev/null || missing="$missing git"
[ -z "$build" ] || command -v python3 >/dev/null || missing="$missing python3"
if [ -n "$missing" ]; then
  echo "missing:$missing -- install them and run again" >&2
  exit 2
fi

if [ -n "$build" ]; then
  [ ${#mirrors[@]} -gt 0 ] || { echo "--build-tree needs at least one --mirror GITDIR" >&2; exit 2; }
  mkdir -p "$build/src"
  for m in "${mirrors[@]}"; do
    name=$(basename "$(dirname "$m")")
    [ -d "$build/src/$name" ] || python3 "$repo/bench/e2e/export-tree.py" "$m" "$build/src/$name"
  done
  if [ ! -d "$build/tree-1x" ]; then
    mkdir -p "$build/tree-1x"
    for i in $(seq 1 "$copies"); do cp -r "$build/src" "$build/tree-1x/copy-$i"; done
  fi
  if [ ! -d "$build/tree-4x" ]; then
    mkdir -p "$build/tree-4x"
    for i in $(seq 1 $((copies * 4))); do cp -r "$build/src" "$build/tree-4x/copy-$i"; done
  fi
  tree="$build/tree-1x"
  tree4="$build/tree-4x"
fi
want() { case ",$only," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

work=$(mktemp -d /tmp/devsecops-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
regex='AKIA[0-9A-Z]{16}'

load() { cut -d' ' -f1 /proc/loadavg; }
bytes_of() { find "$1" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }
files_of() { find "$1" -type f | wc -l; }
median() { sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# measure LABEL CMD...: runs CMD once under /usr/bin/time -v, appends "seconds rss_kib load" to $work/LABEL
measure() {
  local label="$1"; shift
  local before; before=$(load)
  /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || {
    code=$?
    # exit 1 is our CLI's "policy failed"; ripgrep exits 1 when nothing matched
    if [ "$code" -gt 1 ]; then echo "$label failed ($code):" >&2; tail -5 "$work/err.txt" >&2; exit 1; fi
  }
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.txt")
  echo "$wall $rss $before $cpu" >>"$work/$label"
  printf '  %-14s %7.2f s %8.1f MiB  cpu %6.2f s  load %s\n' "$label" "$wall" "$(echo "$rss / 1024" | bc -l)" "$cpu" "$before"
}
med() { awk '{print $'"$2"'}' "$work/$1" | median; }
report() { # report LABEL BYTES
  local s r
  s=$(med "$1" 1); r=$(med "$1" 2)
  [ "$(echo "$s > 0" | bc)" = 1 ] || s=0.01 # below the timer's resolution
  printf '%-16s median %7.2f s  %8.1f MB/s  peak RSS %7.1f MiB  cpu %6.2f s  (load %s..%s)\n' "$1" "$s" \
    "$(echo "$2 / 1000000 / $s" | bc -l)" "$(echo "$r / 1024" | bc -l)" "$(med "$1" 4)" \
    "$(awk '{print $3}' "$work/$1" | sort -g | head -1)" "$(awk '{print $3}' "$work/$1" | sort -g | tail -1)"
}
ratio() { printf '%-16s %.3fx  (ripgrep time / our time, medians)\n' "ratio" "$(echo "$(med "$2" 1) / $(med "$1" 1)" | bc -l)"; }


echo "devsecops ($cli) vs $(rg --version | head -1)${baseline:+, baseline ($baseline)}; $(nproc) cores; $(date -u +%FT%TZ)"
$cli --version >/dev/null # builds the jar first if needed, outside the measurements

if want secrets || want full || want scaling; then
  [ -n "$tree" ] || { echo "--tree or --build-tree is needed" >&2; exit 2; }
  size=$(bytes_of "$tree")
  echo "tree $tree: $(files_of "$tree") files, $((size / 1000000)) MB"
fi

if want secrets; then
  echo "== secrets only, end to end (reports written) vs rg one regex =="
  for i in $(seq 1 "$runs"); do
    measure ours-secrets $cli scan --no-history -q -o "$work/out-s" --stages secrets "$tree"
    [ -z "$baseline" ] || measure base-secrets $baseline scan --no-history -q -o "$work/out-bs" --stages secrets "$tree"
    measure rg-secrets rg -c --no-ignore --hidden "$regex" "$tree"
  done
  report ours-secrets "$size"; report rg-secrets "$size"; ratio ours-secrets rg-secrets
  [ -z "$baseline" ] || { report base-secrets "$size"; ratio base-secrets rg-secrets; }
fi

if want full; then
  echo "== full default scan (all stages, all reports) vs rg one regex =="
  for i in $(seq 1 "$runs"); do
    measure ours-full $cli scan --no-history -q -o "$work/out-f" "$tree"
    [ -z "$baseline" ] || measure base-full $baseline scan --no-history -q -o "$work/out-bf" "$tree"
    measure rg-full rg -c --no-ignore --hidden "$regex" "$tree"
  done
  report ours-full "$size"; report rg-full "$size"; ratio ours-full rg-full
  [ -z "$baseline" ] || { report base-full "$size"; ratio base-full rg-full; }
fi

if want scaling && [ -n "$tree4" ]; then
  size4=$(bytes_of "$tree4")
  echo "== scaling: full scan of the 4x tree ($((size4 / 1000000)) MB) =="
  for i in $(seq 1 "$(( (runs + 1) / 2 ))"); do
    measure ours-full-4x $cli scan --no-history -q -o "$work/out-f4" "$tree4"
    measure rg-full-4x rg -c --no-ignore --hidden "$regex" "$tree4"
  done
  report ours-full-4x "$size4"; report rg-full-4x "$size4"; ratio ours-full-4x rg-full-4x
  if [ -f "$work/ours-full" ]; then
    printf 'time 1x->4x: %.2fx   peak RSS 1x->4x: %+.1f %%\n' \
      "$(echo "$(med ours-full-4x 1) / $(med ours-full 1)" | bc -l)" \
      "$(echo "($(med ours-full-4x 2) / $(med ours-full 2) - 1) * 100" | bc -l)"
  fi
fi

if want history && [ -n "$history" ]; then
  commits=$(git -C "$history" rev-list --count HEAD)
  echo "== history: $commits commits of $history, secrets stage with --history vs git log -p | rg =="
  for i in $(seq 1 "$runs"); do
    measure ours-history $cli scan --no-history -q -o "$work/out-h" --stages secrets --history "$history"
    [ -z "$baseline" ] || measure base-history $baseline scan --no-history -q -o "$work/out-bh" --stages secrets --history "$history"
    measure rg-history sh -c 'git -C "$1" log -p --no-color HEAD | rg -c "$2"' _ "$history" "$regex"
  done
  report ours-history 0 | sed 's/ *[0-9.]* MB\/s//'; report rg-history 0 | sed 's/ *[0-9.]* MB\/s//'
  ratio ours-history rg-history
  [ -z "$baseline" ] || report base-history 0 | sed 's/ *[0-9.]* MB\/s//'
fi

if want startup; then
  echo "== start-up: one-file directory, --version =="
  mkdir -p "$work/one"
  printf 'db.password=Zx9kQ2mW7pL4vN8r\n' >"$work/one/app.properties"
  for i in $(seq 1 "$runs"); do
    measure ours-one-file $cli scan --no-history -q -o "$work/out-1" "$work/one"
    measure ours-version $cli --version
    if [ -n "$baseline" ]; then
      measure base-one-file $baseline scan --no-history -q -o "$work/out-b1" "$work/one"
      measure base-version $baseline --version
    fi
    measure rg-one-file rg -c "$regex" "$work/one"
  done
  report ours-one-file 0 | sed 's/ *[0-9.]* MB\/s//'; report ours-version 0 | sed 's/ *[0-9.]* MB\/s//'
  report rg-one-file 0 | sed 's/ *[0-9.]* MB\/s//'
  if [ -n "$baseline" ]; then
    report base-one-file 0 | sed 's/ *[0-9.]* MB\/s//'; report base-version 0 | sed 's/ *[0-9.]* MB\/s//'
  fi
fi
