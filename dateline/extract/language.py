"""Language of an article, from py3langid (a maintained, self-contained identifier)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None for text too short to tell."""
    sample = text[:5000]
    if len(sample.split()) < 3:
        return None
    lang, prob = _identifier().classify(sample)
    return lang if prob >= 0.5 else None
