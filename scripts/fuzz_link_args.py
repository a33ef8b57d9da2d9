#!/usr/bin/env python3
"""Prints the swiftc arguments that link a fuzz target against the package's modules, as
SwiftPM built them into PRODUCTS (a `.build/.../release` folder), one per line.

    fuzz_link_args.py PRODUCTS MODULE...

The modules and everything they depend on (from `swift package dump-package`): the object
files of each Swift module's current sources (its output-file-map.json; a build folder may
still hold objects of removed files) and of each C target, and for each system library its module map folder,
its C flags and its libraries from pkg-config.
"""

import json
import subprocess
import sys
from pathlib import Path


def main():
    products = Path(sys.argv[1])
    package = json.loads(subprocess.run(["swift", "package", "dump-package"], capture_output=True, check=True).stdout)
    targets = {t["name"]: t for t in package["targets"]}
    seen, order = set(), []
    pending = list(sys.argv[2:])
    while pending:
        name = pending.pop()
        if name in seen or name not in targets:
            continue
        seen.add(name)
        order.append(name)
        for dependency in targets[name]["dependencies"]:
            pending.append(next(iter(dependency.values()))[0])
    args = []
    for name in order:
        target = targets[name]
        if target["type"] == "system":
            args += ["-I", target.get("path") or f"Sources/{name}"]
            pkg = target.get("pkgConfig")
            if pkg:
                cflags = subprocess.run(["pkg-config", "--cflags", pkg], capture_output=True, text=True, check=True).stdout.split()
                args += [x for flag in cflags for x in ("-Xcc", flag)]
                args += subprocess.run(["pkg-config", "--libs", pkg], capture_output=True, text=True, check=True).stdout.split()
            continue
        folder = products / f"{name}.build"
        file_map = folder / "output-file-map.json"
        if not file_map.exists():
            # A C target: one object per source file, no output file map; its module map
            # (which SwiftPM writes into the same folder) for the modules that import it.
            args += ["-I", str(folder)] + sorted(str(o) for o in folder.glob("*.o"))
            continue
        outputs = json.loads(file_map.read_text())
        args += [entry["object"] for source, entry in outputs.items() if source]
    print("\n".join(args))


if __name__ == "__main__":
    main()
