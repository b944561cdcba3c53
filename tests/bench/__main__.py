"""Run every benchmark section and print its figures (`make bench`).

Each section is a module in this package with `run() -> None` that prints its own lines.
"""

from __future__ import annotations

import importlib
import sys
import time

SECTIONS = [
    "tests.bench.engine_throughput",
    "tests.bench.browser_startup",
]


def main(argv: list[str]) -> int:
    chosen = [name for name in SECTIONS if not argv or name.rsplit(".", 1)[1] in argv]
    for name in chosen:
        module = importlib.import_module(name)
        print(f"== {name.rsplit('.', 1)[1]} ==", flush=True)
        started = time.perf_counter()
        module.run()
        print(f"   (section took {time.perf_counter() - started:.1f} s)\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
