#!/usr/bin/env python3
"""Exports the HEAD tree of a bare git repository into a directory, skipping blobs the copy lacks.

Usage: export-tree.py GIT_DIR DEST
Like `git archive HEAD | tar -x`, but a shallow or partial mirror with missing large blobs still
yields every file it has. Symbolic links and submodules are left out.
"""
import os
import subprocess
import sys


def main():
    git_dir, dest = sys.argv[1], sys.argv[2]
    listing = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "-z", "HEAD"],
                             check=True, capture_output=True).stdout
    entries = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, path = record.split(b"\t", 1)
        mode, kind, sha = meta.split(b" ")
        if kind == b"blob" and mode in (b"100644", b"100755"):
            entries.append((sha, path))
    batch = subprocess.Popen(["git", "--git-dir", git_dir, "cat-file", "--batch"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    missing = 0
    for sha, path in entries:
        batch.stdin.write(sha + b"\n")
        batch.stdin.flush()
        header = batch.stdout.readline().split()
        if len(header) < 3 or header[1] != b"blob":
            missing += 1
            continue
        size = int(header[2])
        data = batch.stdout.read(size)
        batch.stdout.read(1)
        target = os.path.join(dest.encode(), path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as out:
            out.write(data)
    batch.stdin.close()
    batch.wait()
    print(f"{git_dir}: {len(entries) - missing} files, {missing} missing blobs skipped", file=sys.stderr)


if __name__ == "__main__":
    main()
