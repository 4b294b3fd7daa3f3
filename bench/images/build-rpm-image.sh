#!/bin/bash
# Builds an rpm-based image without Docker or a distribution mirror: one package per line of a package list
# (default: opensuse-leap-15.5-packages.txt, the real inventory of the opensuse/leap:15.5 image), each built with
# rpmbuild as an empty-bodied package of that name, version and release owning one file, then installed into a root
# by Debian's rpm 4.18 (`rpm --root ROOT -i --nodeps --noscripts`, which writes /usr/lib/sysimage/rpm/rpmdb.sqlite
# there), with that release's /etc/os-release; packed as a docker-save archive and an OCI layout.
#   opensuse-app.tar, opensuse-app-oci/
# Usage: bench/images/build-rpm-image.sh OUT_DIR [PACKAGE_LIST]
# Needs: rpm (Debian package, gives rpmbuild), skopeo, python3. Writes nothing into the work tree.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
list="${2:-$here/opensuse-leap-15.5-packages.txt}"
root="$out/opensuse-rootfs"
work="$(mktemp -d "$out/rpmwork.XXXXXX")"
trap 'rm -rf "$work"' EXIT
rm -rf "$root"
mkdir -p "$root/etc" "$root/usr/lib/sysimage/rpm" "$work/specs" "$work/rpms"
cat >"$root/usr/lib/os-release" <<'OS'
NAME="openSUSE Leap"
VERSION="15.5"
ID="opensuse-leap"
ID_LIKE="suse opensuse"
VERSION_ID="15.5"
PRETTY_NAME="openSUSE Leap 15.5"
ANSI_COLOR="0;32"
CPE_NAME="cpe:/o:opensuse:leap:15.5"
OS
ln -s ../usr/lib/os-release "$root/etc/os-release"

grep -v '^#' "$list" | while read -r name evr; do
  version="${evr%-*}"
  release="${evr##*-}"
  spec="$work/specs/$name-$evr.spec"
  cat >"$spec" <<SPEC
Name: $name
Version: $version
Release: $release
Summary: $name as listed in the image
License: none
BuildArch: noarch
%description
Stand-in for $name $evr.
%install
mkdir -p %{buildroot}/usr/share/doc/packages/$name
echo $evr > %{buildroot}/usr/share/doc/packages/$name/VERSION-$evr
%files
/usr/share/doc/packages/$name/VERSION-$evr
SPEC
  rpmbuild -bb --quiet --define "_topdir $work/top" --define "_rpmdir $work/rpms" --define '_build_id_links none' \
    "$spec" >/dev/null 2>&1 || { echo "rpmbuild failed for $name $evr" >&2; exit 1; }
done
rpm --root "$root" --dbpath /usr/lib/sysimage/rpm --initdb
find "$work/rpms" -name '*.rpm' -print0 | xargs -0 rpm --root "$root" --dbpath /usr/lib/sysimage/rpm -i --nodeps \
  --noscripts --nosignature --ignorearch
echo "rpm -qa: $(rpm --root "$root" --dbpath /usr/lib/sysimage/rpm -qa | wc -l) packages"

tar --sort=name --numeric-owner --owner=0 --group=0 --mtime=@0 -C "$root" -cf "$work/layer0.tar" .
"$here/pack-docker-archive.py" "$out/opensuse-app.tar" devsecops/opensuse-app:bench --base 1 \
  "$work/layer0.tar=KIWI 9.24.43 # rpm --root -i of the listed packages"
rm -rf "$out/opensuse-app-oci"
skopeo copy -q docker-archive:"$out/opensuse-app.tar" oci:"$out/opensuse-app-oci":bench
