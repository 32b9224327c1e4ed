"""Background events: what a sentence mentions in passing rather than reports.

"Italy suspended air links with Serbia, one day after a Serbian army jet shot down a
helicopter": the news is the suspension; the shooting is context, reported as its own
news elsewhere.  Events in temporal or causal clauses, relative clauses and "after /
following / despite" phrases are background; a sentence's background events are kept
only when it reports nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import misparsed_main_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

BACKGROUND_MARKS = {"after", "before", "since", "until", "till", "once", "because", "as",
                    "while", "when", "whereas", "although", "though", "whenever", "unless", "if"}
BACKGROUND_PREPS = {"after", "following", "before", "since", "despite", "amid", "amidst",
                    "ahead", "prior", "pending", "like", "unlike", "than", "because",
                    "over", "under", "part"}


def is_background(trigger: Token) -> bool:
    """Whether the trigger sits in a clause or phrase that gives context to another event."""
    node = trigger
    for _ in range(8):
        if node.head == node:
            return False
        dep = node.dep_
        if dep in ("relcl", "acl") and node.pos_ in ("VERB", "AUX") and not misparsed_main_verb(node):
            return True
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS
                                  for c in node.children):
            return True
        if dep == "advcl" and node.tag_ == "VBN":
            return True  # "..., supported by the UN"
        if dep == "pobj" and node.head.lower_ in BACKGROUND_PREPS:
            return True
        if dep == "pcomp" and node.head.lower_ in BACKGROUND_PREPS:
            return True
        node = node.head
    return False
