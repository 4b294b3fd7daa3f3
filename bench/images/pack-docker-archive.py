#!/usr/bin/env python3
"""Writes a docker-save archive from layer tars, as `docker save` lays it out: manifest.json, the image config (diff_ids
and a history naming each layer's instruction) and one folder per layer. With --base N, an empty-layer CMD closes the
base image after the first N layers, as every base image ends.

Usage: pack-docker-archive.py OUT.tar TAG [--base N] LAYER.tar=INSTRUCTION ...
"""
import hashlib
import io
import json
import sys
import tarfile


def main(argv):
    target, tag, rest = argv[1], argv[2], argv[3:]
    base = 0
    if rest[:1] == ["--base"]:
        base, rest = int(rest[1]), rest[2:]
    layers = [arg.split("=", 1) for arg in rest]
    digests, history = [], []
    for i, (path, instruction) in enumerate(layers):
        if i == base and base > 0:
            history.append({"created_by": '/bin/sh -c #(nop)  CMD ["/bin/bash"]', "empty_layer": True})
        sha = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                sha.update(chunk)
        digests.append(sha.hexdigest())
        history.append({"created_by": instruction})
    if base == len(layers):
        history.append({"created_by": '/bin/sh -c #(nop)  CMD ["/bin/bash"]', "empty_layer": True})
    config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Cmd": ["/bin/bash"]},
                         "rootfs": {"type": "layers", "diff_ids": ["sha256:" + d for d in digests]},
                         "history": history}).encode()
    config_name = hashlib.sha256(config).hexdigest() + ".json"
    names = ["%s/layer.tar" % d for d in digests]
    manifest = json.dumps([{"Config": config_name, "RepoTags": [tag], "Layers": names}]).encode()
    with tarfile.open(target, "w", format=tarfile.PAX_FORMAT) as out:
        def add(name, data):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))
        add(config_name, config)
        for (path, _), name in zip(layers, names):
            out.add(path, arcname=name)
        add("manifest.json", manifest)


if __name__ == "__main__":
    main(sys.argv)
