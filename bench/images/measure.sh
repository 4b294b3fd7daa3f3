#!/bin/bash
# Scans one image with the CLI, cold (empty layer cache) then cached, RUNS times each, under GNU time; prints wall,
# CPU seconds and peak RSS per run, the packages found, and, given the distribution's own package list, the
# differences between ours and it.
# Usage: bench/images/measure.sh IMAGE OSV_DIR [EXPECTED] [RUNS]
#   IMAGE     a docker-save archive, OCI layout or registry reference
#   OSV_DIR   a directory of OSV records (images.osvDir)
#   EXPECTED  a file of "name version" lines the distribution's tool printed, e.g.
#             dpkg-query --admindir=ROOT/var/lib/dpkg -W -f '${db:Status-Abbrev} ${Package} ${Version}\n' | awk '/^ii/{print $2, $3}'
#             rpm --root ROOT -qa --qf '%{NAME} %{VERSION}-%{RELEASE}\n'
# Extra CLI options may follow in DEVSECOPS_SCAN_OPTS; DEVSECOPS_CLI runs another CLI (e.g. a baseline build). Scratch goes to $TMPDIR; nothing is written into the work tree.
set -euo pipefail
cd "$(dirname "$0")/../.."
image="$1"
osv="$(cd "$2" && pwd)"
expected="${3:-}"
runs="${4:-3}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/empty"
./devsecops --version >/dev/null 2>&1 || true
echo "image: $image   load: $(cut -d' ' -f1-3 /proc/loadavg)   $(date -u +%FT%TZ)"
printf '%-7s %3s %8s %8s %9s %s\n' kind run wall_s cpu_s peak_MB packages
scan() {
  local kind="$1" run="$2" report="$scratch/r-$1-$2"
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %U %S %M' -o "$scratch/time" "${DEVSECOPS_CLI:-./devsecops}" scan "$scratch/empty" --no-history \
    --no-default-policy --stages images --image "$image" --option images.osvDir="$osv" \
    --option images.cacheDir="$scratch/cache" -f json -o "$report" ${DEVSECOPS_SCAN_OPTS:-} >"$scratch/out" 2>&1 \
    || { cat "$scratch/out"; exit 1; }
  read -r wall user sys rss <"$scratch/time"
  printf '%-7s %3s %8s %8.2f %9.0f %s\n' "$kind" "$run" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" \
    "$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["stages"][0]["properties"]; print(next(v for k,v in s.items() if k.startswith("image.")))' "$report/report.json")"
}
for run in $(seq 1 "$runs"); do
  rm -rf "$scratch/cache"
  scan cold "$run"
  scan cached "$run"
done
report="$scratch/r-cold-1/report.json"
python3 - "$report" "$expected" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
findings = report.get("findings", [])
print("findings: %d" % len(findings))
for f in sorted(findings, key=lambda f: f["ruleId"]):
    p = f.get("properties", {})
    c = f.get("component", {})
    print("  %-22s %-8s %s %s  %s  layer %s%s" % (f["ruleId"], f["severity"], c.get("name"), c.get("version"),
          p.get("fixStatus"), p.get("layerIndex"), " (base image)" if p.get("baseImage") == "true" else ""))
if sys.argv[2]:
    ours = {(c["name"], c["version"]) for c in report["components"] if c.get("purl", "").startswith(("pkg:deb", "pkg:rpm", "pkg:apk"))}
    theirs = {tuple(line.split()[:2]) for line in open(sys.argv[2]) if line.strip() and not line.startswith("#")}
    print("OS packages: ours %d, distribution tool %d, in both %d" % (len(ours), len(theirs), len(ours & theirs)))
    for name, version in sorted(theirs - ours):
        print("  only the tool: %s %s" % (name, version))
    for name, version in sorted(ours - theirs):
        print("  only ours: %s %s" % (name, version))
languages = sorted((c["purl"].split("/")[0], c["name"], c["version"]) for c in report["components"]
                   if not c.get("purl", "").startswith(("pkg:deb", "pkg:rpm", "pkg:apk")))
print("language packages: %s" % ", ".join("%s %s" % (n, v) for _, n, v in languages))
PY
