"""Events: who did what to whom, when and where, coded in PLOVER."""

from __future__ import annotations

from .coder import code_events

__all__ = ["code_events"]
