#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest: valid JSON, accepted by flatpak-builder when
it is installed, every download pinned by sha256, and no broad file access
(files come through the portals)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile


def main(path):
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)

    problems = []
    if manifest.get("id") != "io.github.wenji.Wenji":
        problems.append("the id is not io.github.wenji.Wenji")
    for arg in manifest.get("finish-args", []):
        if arg.startswith("--filesystem"):
            problems.append(f"{arg}: files go through the portals")
    for module in manifest.get("modules", []):
        for source in module.get("sources", []):
            if "url" in source and len(source.get("sha256", "")) != 64:
                problems.append(f"{module['name']}: {source['url']} is not pinned by sha256")

    if shutil.which("flatpak-builder"):
        # flatpak-builder leaves its state folder in the working directory.
        with tempfile.TemporaryDirectory() as scratch:
            result = subprocess.run(["flatpak-builder", "--show-manifest", os.path.abspath(path)],
                                    capture_output=True, text=True, cwd=scratch)
        if result.returncode != 0:
            problems.append("flatpak-builder --show-manifest: " + result.stderr.strip())

    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
