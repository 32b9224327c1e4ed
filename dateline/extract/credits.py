"""Wire agencies and photo credits: what is said about the text, not the text itself.

Agencies come from credit lines such as "ng/kms (AFP, AP, dpa)", "(Reuters) -" or
"Some information for this report was provided by AFP and AP"; image credits such as
"Image: Reuters/F. Lenoir" or "Photo: picture-alliance/dpa" are recognised so that the
cleaners can drop them.
"""

from __future__ import annotations

import re

# Canonical spelling of the agencies a credit line names.  Keys are lower-case.
AGENCIES: dict[str, str] = {
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "dpa": "dpa", "reuters": "Reuters", "kna": "KNA", "epd": "epd", "sid": "SID",
    "efe": "EFE", "ansa": "ANSA", "xinhua": "Xinhua", "tass": "TASS", "itar-tass": "TASS",
    "ria novosti": "RIA Novosti", "interfax": "Interfax", "upi": "UPI", "pti": "PTI",
    "ians": "IANS", "kyodo": "Kyodo", "yonhap": "Yonhap", "aap": "AAP", "cp": "CP",
    "canadian press": "CP", "bloomberg": "Bloomberg", "anadolu": "Anadolu",
    "anadolu agency": "Anadolu", "apa": "APA", "ktn": "KTN", "irna": "IRNA", "wafa": "WAFA",
    "sana": "SANA", "mena": "MENA", "kna/epd": "KNA", "dw": "DW", "bbc": "BBC",
    "ani": "ANI", "bernama": "Bernama", "antara": "Antara", "pa": "PA",
    "press association": "PA", "ntb": "NTB", "tt": "TT", "ritzau": "Ritzau",
}

_NAMES = sorted(AGENCIES, key=len, reverse=True)
_AGENCY_ALT = "|".join(re.escape(n) for n in _NAMES)
# "ng/kms (AFP, AP, dpa)" or "(AFP, AP)" closing an article: initials then agencies.
_CLOSING_CREDIT = re.compile(
    rf"^\s*(?:[a-z]{{1,5}}(?:/[a-z]{{1,5}})*\s*)?\(\s*((?:{_AGENCY_ALT})(?:\s*[,/;]\s*(?:{_AGENCY_ALT})|\s+and\s+(?:{_AGENCY_ALT}))*)\s*\)\s*$",
    re.I,
)
# "WASHINGTON (Reuters) -" opening a wire story.
_OPENING_CREDIT = re.compile(rf"^[A-Z][A-Za-z .,'-]{{0,60}}\(\s*((?:{_AGENCY_ALT})(?:\s*[,/]\s*(?:{_AGENCY_ALT}))*)\s*\)\s*[-–—]", re.I)
# "Some information for this report was provided by AFP and AP."
_PROVIDED_BY = re.compile(
    rf"(?:information|material|reporting)[^.]{{0,60}}(?:provided|contributed)\s+by\s+((?:{_AGENCY_ALT})(?:\s*(?:,|and)\s*(?:{_AGENCY_ALT}))*)",
    re.I,
)
_IMAGE_CREDIT = re.compile(
    r"^\s*(?:image|photo|picture|foto|bild|video|graphic|illustration|credit|source|"
    r"photograph|copyright|©)\s*(?:credit)?\s*[:©]\s*\S.{0,80}$", re.I)
_SPLIT = re.compile(r"\s*(?:,|/|;|\band\b)\s*", re.I)


def _canonical(names: str) -> list[str]:
    found: list[str] = []
    for part in _SPLIT.split(names):
        key = part.strip().lower()
        if key in AGENCIES and AGENCIES[key] not in found:
            found.append(AGENCIES[key])
    return found


def closing_credit(line: str) -> list[str] | None:
    """Agencies of a closing credit line ("ng/kms (AFP, AP, dpa)"), or None if it is not one."""
    match = _CLOSING_CREDIT.match(line)
    return _canonical(match.group(1)) if match else None


def agencies_in(text: str) -> list[str]:
    """Agencies credited anywhere in an article's opening or closing lines."""
    found: list[str] = []
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for line in lines[:2] + lines[-3:]:
        for pattern in (_OPENING_CREDIT, _PROVIDED_BY):
            match = pattern.search(line)
            if match:
                found += [a for a in _canonical(match.group(1)) if a not in found]
        credit = closing_credit(line)
        if credit:
            found += [a for a in credit if a not in found]
    return found


def is_image_credit(line: str) -> bool:
    """"Image: Reuters/F. Lenoir", "Photo: picture-alliance/dpa", "© AFP": not article text."""
    return bool(_IMAGE_CREDIT.match(line))


_NOT_NAMES = {"staff", "reporter", "reporters", "correspondent", "editor", "editors", "writer",
              "desk", "team", "news", "service", "wire", "wires", "agency", "agencies", "the"}
_BYLINE_LEAD = re.compile(r"^\W*(?:by|written by|posted by|story by|words by)\s+", re.I)
_NAME = re.compile(r"^[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|der|del|la|le|bin|al))*$")


def byline_names(line: str | None) -> tuple[str, ...]:
    """The people a byline names ("By Maria Keller and Tom Ruiz, Reuters"): agencies,
    dates and job titles after a comma or pipe are left out."""
    if not line or not _BYLINE_LEAD.match(line):
        return ()
    rest = _BYLINE_LEAD.sub("", line)
    rest = re.split(r"\s*[|•·]\s*|\s+(?:on|updated|published)\s+", rest, maxsplit=1)[0]
    names: list[str] = []
    for part in re.split(r"\s*(?:,|;|&|\band\b)\s*", rest):
        part = part.strip(" .")
        words = {w.lower() for w in part.split()}
        if part and part.lower() not in AGENCIES and _NAME.match(part) \
                and len(words) <= 4 and not words & _NOT_NAMES:
            names.append(part)
    return tuple(names)
