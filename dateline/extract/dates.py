"""Dates as ISO 8601 days: from text lines, URLs and meta values.

dateparser does the reading; dateline only decides which strings are dates at all, so
that an ordinary sentence mentioning a day is never taken for a dateline.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DATE_LINE = re.compile(
    rf"^\s*(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\.?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})"
    rf"(?:\s*[,|-]?\s*\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?\s*$",
    re.I,
)


def is_date_line(line: str) -> bool:
    """A line that is a date and nothing else ("September 10, 2015", "Tuesday, October 15, 2019")."""
    return bool(_DATE_LINE.match(line))


def parse_day(value: str | None) -> str | None:
    """`YYYY-MM-DD` from a date string in any common form, or None."""
    if not value:
        return None
    value = value.strip()
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        except ValueError:
            return None
    import dateparser

    parsed = dateparser.parse(value, languages=["en", "de", "fr", "es"],
                              settings={"PREFER_DAY_OF_MONTH": "first",
                                        "RETURN_AS_TIMEZONE_AWARE": False,
                                        "REQUIRE_PARTS": ["year"]})
    if parsed is None or not (1900 <= parsed.year <= datetime.now().year + 1):
        return None
    return parsed.date().isoformat()


def date_from_url(url: str | None) -> str | None:
    """The day in a URL path such as /2015/09/10/ or /2019-10-15-."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None
