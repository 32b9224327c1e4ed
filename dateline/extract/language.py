"""Language of an article, from py3langid (a maintained, self-contained identifier)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# English-lexified creoles py3langid tells apart from English by vocabulary alone: English
# news about Nigeria comes back as Nigerian Pidgin ("pcm").  Both go to the English pipeline.
_ENGLISH_BASED = {"pcm": "en"}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None for text too short to tell."""
    sample = text[:2500]  # enough for a confident answer; the rest only costs time
    if len(sample.split()) < 3:
        return None
    lang, prob = _identifier().classify(sample)
    lang = _ENGLISH_BASED.get(lang, lang)
    return lang if prob >= 0.5 else None
