#!/usr/bin/env python3
"""Summarises a `cargo build --timings` report: the N longest units and the critical path.

    python3 scripts/build-timings.py [REPORT.html] [N]

REPORT defaults to the newest $CARGO_TARGET_DIR/cargo-timings/cargo-timing-*.html. A unit is on
the critical path when the build's last unit waited on it through the chain of units whose
completion unlocked the next: the chain that bounds the wall time however many cores there are.
"""
import glob
import json
import os
import re
import sys


def load_units(path):
    html = open(path, encoding="utf-8").read()
    match = re.search(r"const UNIT_DATA = (\[.*?\]);\n", html, re.S)
    if not match:
        sys.exit(f"{path}: no UNIT_DATA (not a cargo --timings report?)")
    return json.loads(match.group(1))


def critical_path(units):
    """Indices of the units on the chain that ends with the unit that finished last."""
    unlocker = {}
    for unit in units:
        for i in unit.get("unblocked_units", []) + unit.get("unblocked_rmeta_units", []):
            unlocker[i] = unit["i"]
    by_index = {u["i"]: u for u in units}
    last = max(units, key=lambda u: u["start"] + u["duration"])
    path, i = set(), last["i"]
    while i is not None:
        path.add(i)
        i = unlocker.get(i)
        if i in path:
            break
    return path, by_index


def label(unit):
    name = f'{unit["name"]} {unit["version"]}'
    target = unit.get("target", "").strip()
    mode = unit.get("mode", "")
    if mode == "run-custom-build":
        return f"{name} (build script run)"
    return f"{name} ({target})" if target else name


def minutes(seconds):
    return f"{int(seconds // 60)} min {int(seconds % 60):02d} s" if seconds >= 60 else f"{seconds:.0f} s"


def main():
    target_dir = os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/zkp/target"))
    reports = sorted(glob.glob(f"{target_dir}/cargo-timings/cargo-timing-*.html"))
    path = sys.argv[1] if len(sys.argv) > 1 else (reports[-1] if reports else None)
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    if not path:
        sys.exit("no --timings report found")
    units = load_units(path)
    on_path, by_index = critical_path(units)
    wall = max(u["start"] + u["duration"] for u in units)
    cpu = sum(u["duration"] for u in units)
    print(f"report: {path}")
    print(f"units: {len(units)}, wall {minutes(wall)}, sum of unit times {minutes(cpu)}")
    print()
    print("| # | unit | wall time | starts at | critical path |")
    print("| ---: | --- | ---: | ---: | :---: |")
    longest = sorted(units, key=lambda u: -u["duration"])[:count]
    for rank, unit in enumerate(longest, 1):
        mark = "yes" if unit["i"] in on_path else ""
        print(f"| {rank} | {label(unit)} | {minutes(unit['duration'])} | {minutes(unit['start'])} | {mark} |")
    print()
    chain = sorted((by_index[i] for i in on_path), key=lambda u: u["start"])
    print("critical path (units over 20 s):")
    for unit in chain:
        if unit["duration"] >= 20:
            print(f"  {minutes(unit['start']):>12} +{minutes(unit['duration']):>12}  {label(unit)}")


if __name__ == "__main__":
    main()
