#!/usr/bin/env python3
"""Builds hostile container images (docker-save archives) and scans each with the CLI, printing per case what the
stage did: its status, the packages it still found, its errors and warnings, and whether anything was written
outside the report folder (a canary folder next to the images must stay empty).

Usage: bench/images/hostile-images.py OUT_DIR   (run from anywhere; uses ./devsecops of this work tree)
"""
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.abspath(sys.argv[1])
CANARY = os.path.join(OUT, "canary")
STATUS = b"""Package: zlib1g
Status: install ok installed
Version: 1:1.2.13.dfsg-1
Architecture: amd64
Source: zlib

Package: coreutils
Status: install ok installed
Version: 9.1-1
Architecture: amd64

"""
OS_RELEASE = b'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n'


def entry(name, data=b"", kind=tarfile.REGTYPE, link="", size=None, mode=0o644):
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    info.mode = mode
    info.size = len(data) if size is None else size
    return info, data


def layer(entries):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as t:
        for info, data in entries:
            if info.type in (tarfile.REGTYPE, tarfile.AREGTYPE):
                t.addfile(info, io.BytesIO(data))
            else:
                info.size = 0
                t.addfile(info)
    return buf.getvalue()


BASE = layer([entry("etc/os-release", OS_RELEASE), entry("var/lib/dpkg/status", STATUS)])


def archive(path, layers, tamper=None, manifest_layers=None, config_extra=None):
    """Writes a docker-save archive; tamper(i, bytes) may change layer bytes after the config names their digests."""
    digests = [hashlib.sha256(data).hexdigest() for data in layers]
    config = {"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers",
              "diff_ids": ["sha256:" + d for d in digests]},
              "history": [{"created_by": "layer %d" % i} for i in range(len(layers))]}
    config.update(config_extra or {})
    config_bytes = json.dumps(config).encode()
    names = manifest_layers or ["%s/layer.tar" % d for d in digests]
    manifest = json.dumps([{"Config": "config.json", "RepoTags": ["hostile:1"], "Layers": names}]).encode()
    with tarfile.open(path, "w") as t:
        def add(name, data):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
        add("config.json", config_bytes)
        for i, data in enumerate(layers):
            add("%s/layer.tar" % digests[i], tamper(i, data) if tamper else data)
        add("manifest.json", manifest)
    return path


def bomb():
    """A gzip layer of one 1 GiB file of zeros: about 1 MB compressed, a ratio of about 1000."""
    raw = io.BytesIO()
    with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9) as gz:
        header = tarfile.TarInfo("var/zeros")
        header.size = 1 << 30
        gz.write(header.tobuf(format=tarfile.GNU_FORMAT))
        chunk = bytes(1 << 20)
        for _ in range(1024):
            gz.write(chunk)
    return raw.getvalue()


def huge_claim():
    """A layer whose one entry's header claims 64 GiB, followed by 10 bytes and the end of the stream."""
    header = tarfile.TarInfo("var/huge")
    header.size = 64 << 30
    return header.tobuf(format=tarfile.GNU_FORMAT) + b"0123456789"


def cases():
    escape = os.path.relpath(os.path.join(CANARY, "pwned"), "/")
    yield "names above the root (../, absolute)", [BASE, layer([
        entry("../../../../../../" + escape, b"x"), entry("/" + escape + "2", b"x"),
        entry("usr/../../../" + escape + "3", b"x")])]
    yield "symlink escape (status -> ../../../../etc/shadow)", [layer([
        entry("etc/os-release", OS_RELEASE), entry("etc/shadow", STATUS),
        entry("var/lib/dpkg/status", kind=tarfile.SYMTYPE, link="../../../../../../../../etc/shadow")])]
    yield "absolute symlink to the host (/var/lib/dpkg -> /var/lib/dpkg of the host)", [layer([
        entry("etc/os-release", OS_RELEASE), entry("var/lib", kind=tarfile.DIRTYPE, mode=0o755),
        entry("var/lib/dpkg", kind=tarfile.SYMTYPE, link="/proc/self/root/var/lib/dpkg")])]
    yield "hard link above the root", [BASE, layer([
        entry("etc/passwd-copy", kind=tarfile.LNKTYPE, link="../../../../etc/passwd")])]
    yield "symlink loop (a -> b -> a, status -> a)", [layer([
        entry("etc/os-release", OS_RELEASE), entry("a", kind=tarfile.SYMTYPE, link="b"),
        entry("b", kind=tarfile.SYMTYPE, link="a"), entry("var/lib/dpkg/status", kind=tarfile.SYMTYPE, link="/a")])]
    yield "duplicate entries (status twice, the last lists one package)", [layer([
        entry("etc/os-release", OS_RELEASE), entry("var/lib/dpkg/status", STATUS),
        entry("var/lib/dpkg/status", STATUS.split(b"\n\n")[0] + b"\n\n")])]
    yield "whiteout of the package database, and a whiteout named ../.wh.x", [BASE, layer([
        entry("var/lib/dpkg/.wh.status"), entry("../.wh.etc")])]
    yield "opaque directory over /var/lib/dpkg", [BASE, layer([entry("var/lib/dpkg/.wh..wh..opq")])]
    yield "truncated layer (cut in the middle of the status file)", [BASE[:700]]
    yield "entry claiming 64 GiB with 10 bytes behind it", [BASE, huge_claim()]
    yield "decompression bomb (gzip, 1 GiB of zeros, ratio ~1000)", [BASE, bomb()]
    yield "garbage instead of a layer", [BASE, os.urandom(4096)]
    yield "device, fifo and socket-like entries", [BASE, layer([
        entry("dev/sda", kind=tarfile.BLKTYPE), entry("dev/tty0", kind=tarfile.CHRTYPE),
        entry("run/fifo", kind=tarfile.FIFOTYPE)])]
    yield "binary garbage as the dpkg status and os-release", [layer([
        entry("etc/os-release", os.urandom(2048)), entry("var/lib/dpkg/status", os.urandom(65536))])]
    yield "layer not matching its diff_id", ([BASE, layer([entry("app/x", b"y")])],
                                            lambda i, data: data.replace(b"y", b"z") if i == 1 else data)
    yield "manifest naming a layer outside the archive (../../etc/passwd)", ([BASE], None,
                                                                         ["../../../../etc/passwd"])


def main():
    os.makedirs(CANARY, exist_ok=True)
    empty = os.path.join(OUT, "empty")
    os.makedirs(empty, exist_ok=True)
    print("%-72s %-10s %-8s %s" % ("case", "status", "packages", "errors / warnings"))
    for i, (name, spec) in enumerate(cases()):
        layers, tamper, manifest_layers = (spec + (None, None))[:3] if isinstance(spec, tuple) else (spec, None, None)
        image = archive(os.path.join(OUT, "hostile-%02d.tar" % i), layers, tamper, manifest_layers)
        report = os.path.join(OUT, "report-%02d" % i)
        run = subprocess.run([os.path.join(ROOT, "devsecops"), "scan", empty, "--no-history", "--no-default-policy",
                              "--stages", "images", "--image", image, "--option", "images.cache=false",
                              "-f", "json", "-o", report], capture_output=True, text=True, timeout=600)
        try:
            stage = json.load(open(os.path.join(report, "report.json")))["stages"][0]
            props = stage.get("properties", {})
            packages = props.get("packages", "0")
            status = stage["status"]
        except (OSError, ValueError, KeyError, IndexError):
            packages, status = "-", "exit %d" % run.returncode
        messages = [line.split(": ", 2)[-1] for line in (run.stdout + run.stderr).splitlines()
                    if line.startswith(("error:", "warning:"))]
        print("%-72s %-10s %-8s %s" % (name, status, packages, " | ".join(messages)[:600] or "-"))
    leaked = os.listdir(CANARY)
    print("canary folder after all cases: %s" % ("EMPTY" if not leaked else "WRITTEN: %s" % leaked))


if __name__ == "__main__":
    main()
