"""An attribution while it is being found: token-level, before it becomes a `Quote`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..records import Span
from .cues import Cue

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(slots=True)
class Found:
    """Content fragments, the cue (a token, or None for a bare colon), and the source token."""

    content: list[Span]
    cue: Token | None
    cue_info: Cue | None
    subject: Token | None
    kind: str  # direct | indirect | mixed
    confidence: float = 1.0
    quotes: list[int] = field(default_factory=list)  # indices of the quotations it covers
    cue_span: Span | None = None  # when the cue is more than its head token ("according to")

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]
