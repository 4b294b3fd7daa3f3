#!/bin/bash
# Builds real container images without Docker, for the image stage's measurements (docs/stages/images.md):
#   debian-app.tar        docker-save archive: a debootstrapped Debian 12 (minbase) as the base layer, an empty-layer
#                         CMD closing the base image, then two application layers: the first adds a jar, npm and
#                         PyPI packages and a directory /app/old; the second deletes /app/old with a whiteout
#                         (.wh.old) and replaces the Python packages folder with an opaque directory (.wh..wh..opq)
#   debian-app-oci/       the same image as an OCI layout (skopeo copy, gzip layers)
#   debian-app-oci-zstd/  the same image as an OCI layout with zstd layers
#   debian-app-oci.tar    the same image as an OCI archive (skopeo copy, oci-archive:)
# Usage: bench/images/build-images.sh OUT_DIR [ROOTFS]
#   ROOTFS: a debootstrapped root to reuse; without it `debootstrap --variant=minbase bookworm` runs into
#   OUT_DIR/rootfs (needs root and a reachable Debian mirror).
# Needs: debootstrap, skopeo, python3 (Debian packages). Writes nothing into the work tree.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
rootfs="${2:-$out/rootfs}"
if [ ! -f "$rootfs/var/lib/dpkg/status" ]; then
  debootstrap --variant=minbase bookworm "$rootfs" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$out/debootstrap.log"
fi
work="$(mktemp -d "$out/work.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Base layer: the root as debootstrap left it (numeric owners, sorted, fixed mtime so the digest is reproducible).
tar --sort=name --numeric-owner --mtime=@0 -C "$rootfs" -cf "$work/layer0.tar" .

# Application layer 1: a Java archive with pom.properties, npm packages, PyPI packages, a folder deleted later.
app1="$work/app1"
mkdir -p "$app1/app/lib" "$app1/app/node_modules/lodash" "$app1/app/node_modules/left-pad" \
  "$app1/app/old/node_modules/minimist" "$app1/usr/local/lib/python3.11/dist-packages/requests-2.25.0.dist-info"
jar="$work/jar"
mkdir -p "$jar/META-INF/maven/org.apache.logging.log4j/log4j-core"
printf 'Manifest-Version: 1.0\n' >"$jar/META-INF/MANIFEST.MF"
printf 'groupId=org.apache.logging.log4j\nartifactId=log4j-core\nversion=2.14.1\n' \
  >"$jar/META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties"
(cd "$jar" && python3 -c 'import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for root, _, files in os.walk("."):
        for f in sorted(files):
            z.write(os.path.join(root, f), os.path.relpath(os.path.join(root, f), "."))' "$app1/app/lib/log4j-core-2.14.1.jar")
printf '{"name":"lodash","version":"4.17.20"}\n' >"$app1/app/node_modules/lodash/package.json"
printf '{"name":"left-pad","version":"1.3.0"}\n' >"$app1/app/node_modules/left-pad/package.json"
printf '{"name":"minimist","version":"1.2.5"}\n' >"$app1/app/old/node_modules/minimist/package.json"
printf 'Metadata-Version: 2.1\nName: requests\nVersion: 2.25.0\n' \
  >"$app1/usr/local/lib/python3.11/dist-packages/requests-2.25.0.dist-info/METADATA"
tar --sort=name --numeric-owner --owner=0 --group=0 --mtime=@0 -C "$app1" -cf "$work/layer1.tar" .

# Application layer 2: whiteout of /app/old, opaque Python packages folder with another package.
app2="$work/app2"
mkdir -p "$app2/app" "$app2/usr/local/lib/python3.11/dist-packages/urllib3-1.26.4.dist-info"
: >"$app2/app/.wh.old"
: >"$app2/usr/local/lib/python3.11/dist-packages/.wh..wh..opq"
printf 'Metadata-Version: 2.1\nName: urllib3\nVersion: 1.26.4\n' \
  >"$app2/usr/local/lib/python3.11/dist-packages/urllib3-1.26.4.dist-info/METADATA"
tar --sort=name --numeric-owner --owner=0 --group=0 --mtime=@0 -C "$app2" -cf "$work/layer2.tar" .

# docker-save archive: manifest.json, config (diff_ids, history), one folder per layer.
"$here/pack-docker-archive.py" "$out/debian-app.tar" devsecops/debian-app:bench --base 1 \
  "$work/layer0.tar=ADD rootfs.tar / # debootstrap --variant=minbase bookworm" \
  "$work/layer1.tar=COPY app/ /app/ # jar, npm and PyPI packages" \
  "$work/layer2.tar=RUN rm -rf /app/old /usr/local/lib/python3.11/dist-packages && pip install urllib3==1.26.4"

rm -rf "$out/debian-app-oci" "$out/debian-app-oci-zstd" "$out/debian-app-oci.tar"
skopeo copy -q --dest-compress-format gzip docker-archive:"$out/debian-app.tar" oci:"$out/debian-app-oci":bench
skopeo copy -q --dest-compress-format zstd docker-archive:"$out/debian-app.tar" oci:"$out/debian-app-oci-zstd":bench
skopeo copy -q docker-archive:"$out/debian-app.tar" oci-archive:"$out/debian-app-oci.tar":bench
ls -la "$out"
