"""`make bench`: every accuracy benchmark on its development set, figures into
docs/benchmarks.md.  Throughput is separate (`make throughput`, about 40 minutes)."""

from __future__ import annotations

import sys

from benchmarks import events, extraction, quotes
from benchmarks.datasets import ROOT

DOCS = ROOT / "docs" / "benchmarks.md"


def main() -> int:
    steps = [
        ("article extraction", lambda: extraction.main(["--passes", "3", "--write"])),
        ("quote attribution", lambda: quotes.main(["--write", str(DOCS)])),
        ("event coding", lambda: events.main(["--write-docs", "--compare"])),
    ]
    failed = []
    for name, step in steps:
        print(f"== {name}", flush=True)
        if step() != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
