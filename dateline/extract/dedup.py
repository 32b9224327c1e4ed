"""Near-duplicate articles share a cluster id, so wire copy republished by many sites is
counted once.

Each article gets a MinHash signature (datasketch) of its word 5-shingles, cut into LSH
bands; the store indexes the bands, so finding candidates is one indexed query whatever
the size of the corpus.  A candidate joins the cluster when the estimated share of the
*shorter* text found in the other is high: a site that trims the last paragraphs of an
agency story, or adds a line of its own, still publishes the same story.  The decision
is made here; a store only keeps signatures and bands (see `Store.near_duplicates`).
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

NUM_PERM = 128
BANDS = 32  # 32 bands of 4 rows: pairs from a Jaccard of about 0.4 up become candidates
ROWS = NUM_PERM // BANDS
SHINGLE = 5
MIN_SHINGLES = 25  # shorter texts (briefs, captions) are too short to call copies
CONTAINMENT = 0.8  # share of the shorter text that must be in the longer one
SCHEME = "affine32"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Signature:
    """What the store keeps per article to find its near-duplicates."""

    shingles: int  # distinct shingles in the text
    minhash: bytes  # NUM_PERM unsigned 32-bit values, little-endian
    bands: tuple[tuple[int, int], ...]  # (band number, 63-bit key) pairs

    @property
    def values(self) -> np.ndarray:
        return np.frombuffer(self.minhash, dtype="<u4")


def signature(text: str) -> Signature | None:
    """The MinHash signature of a text, or None when it is too short to compare."""
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]).encode("utf-8")
                for i in range(max(0, len(words) - SHINGLE + 1))}
    if len(shingles) < MIN_SHINGLES:
        return None
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)  # type: ignore[arg-type]
    minhash.update_batch(list(shingles))
    values = np.asarray(minhash.hashvalues, dtype="<u4")
    bands = tuple((b, _band_key(values[b * ROWS:(b + 1) * ROWS])) for b in range(BANDS))
    return Signature(len(shingles), values.tobytes(), bands)


def _band_key(rows: np.ndarray) -> int:
    """A 63-bit key of one band, so it fits a signed 64-bit integer column anywhere."""
    return int.from_bytes(hashlib.blake2b(rows.tobytes(), digest_size=8).digest(), "big") >> 1


def containment(a: Signature, b: Signature) -> float:
    """Estimated share of the shorter text's shingles that the other text has too."""
    jaccard = float(np.mean(a.values == b.values))
    shared = jaccard * (a.shingles + b.shingles) / (1.0 + jaccard)
    return shared / min(a.shingles, b.shingles)


def choose_cluster(own_id: str, sig: Signature | None, candidates: list[dict[str, Any]]) -> str:
    """The cluster of the closest near-duplicate among the candidates, else the article's own id.

    Candidates are store rows with `article_id`, `cluster_id`, `shingles` and `minhash` (hex).
    """
    if sig is None:
        return own_id
    best: tuple[float, str] | None = None
    for row in candidates:
        if row["article_id"] == own_id:
            continue
        other = Signature(int(row["shingles"]), bytes.fromhex(row["minhash"]), ())
        score = containment(sig, other)
        if score >= CONTAINMENT and (best is None or score > best[0]):
            best = (score, row["cluster_id"] or row["article_id"])
    return best[1] if best else own_id


def assign_clusters(store: Any, articles: list[tuple[str, str]]) -> int:
    """Give each newly stored (id, text) article its cluster id; returns how many joined
    an existing cluster.  Articles already clustered are left as they are."""
    if not hasattr(store, "near_duplicates"):
        log.warning("%s keeps no near-duplicate signatures; cluster ids not assigned",
                    type(store).__name__)
        return 0
    done = store.clustered([article_id for article_id, _ in articles])
    joined = 0
    for article_id, text in articles:
        if article_id in done:
            continue
        sig = signature(text)
        candidates = store.near_duplicates(list(sig.bands)) if sig else []
        cluster = choose_cluster(article_id, sig, candidates)
        joined += cluster != article_id
        store.save_cluster(article_id, cluster, sig.shingles if sig else None,
                           sig.minhash.hex() if sig else None, list(sig.bands) if sig else [])
        done.add(article_id)
    return joined
