"""Where the development sets live: they are not redistributable, so they stay outside
the repository.  Looked up in $DATELINE_DEV_DATA, then ./shared/data, then ../shared/data."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def development_data(name: str) -> Path:
    """The folder of one development set (`extraction`, `quotes`, `events`)."""
    candidates = []
    if os.environ.get("DATELINE_DEV_DATA"):
        candidates.append(Path(os.environ["DATELINE_DEV_DATA"]) / name)
    candidates += [ROOT / "shared" / "data" / name, ROOT.parent / "shared" / "data" / name]
    for path in candidates:
        if path.is_dir():
            return path
    return candidates[-1]
