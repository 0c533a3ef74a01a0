"""Publication date from a date line near the top of a text.

A date line is one of the first five non-empty lines that is (mostly) a full date:
"February 25, 2026", "25 February 2026", "Wednesday, 25 Feb 2026", "date 2026-02-27",
"Published: 5 March 2025", "Updated 12:30 PM, March 5, 2025", "Briefing N°12 | 4 March
2024", "PESHAWAR, March 5, 2025: Three policemen ...". A regular expression finds the date
and `datetime.date` validates it; nothing generic is parsed, so no line can be slow.

A line qualifies when the date comes
- after a label ("Date", "Published", "Updated", "Posted", ...), whatever follows it;
- after an upper-case dateline place ("PESHAWAR,", "QUETTA (AP) -"), whatever follows it;
- after a short heading and a separator ("... | 4 March 2024"), with little after it;
- or with at most three other words on the line ("By Staff Reporter, March 5, 2025").
"On 5 March 2025, gunmen attacked ..." does not qualify: that is an event date in a sentence.
"""

from __future__ import annotations

import datetime as dt
import re

MAX_LINES = 5
_MAX_LINE_CHARS = 300  # a line is only looked at this far: a 20 MB line costs nothing
_MAX_OTHER_WORDS = 3

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_YEAR = r"(?:19|20)\d\d"
_DATE_RE = re.compile(
    rf"""(?<![\w])(?:
        (?P<iso_y>{_YEAR})(?P<sep>[-/.])(?P<iso_m>\d{{1,2}})(?P=sep)(?P<iso_d>\d{{1,2}})(?!\d)
      | (?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?
        \s+(?P<dmy_m>{_MONTH})\b\.?,?\s+(?P<dmy_y>{_YEAR})(?!\d)
      | (?P<mdy_m>{_MONTH})\b\.?\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<mdy_y>{_YEAR})(?!\d)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_LABEL_RE = re.compile(
    r"^(?:(?:first|last)\s+)?(?:date|dated|published|updated|posted|modified|released)"
    r"(?:\s+(?:on|at))?\b",
    re.IGNORECASE,
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?"
_TIME = (
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?"
    r"(?:\s*\(?(?:PKT|PST|GMT|UTC|IST|EST|EDT|BST|CET|AFT)\)?)?"
)
_FILLER_RE = re.compile(rf"{_TIME}|\b{_WEEKDAY}|\b(?:PKT|GMT|UTC)\b|\bat\b", re.IGNORECASE)
_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z.'’\- ]*[A-Z.](?:\s*\([^)]{1,40}\))?\s*[,:\-–—]?$"
)
_SEPARATORS = "|·•—–"
_MARKUP = " \t#*_>`~\u00a0\ufeff"


def date_from_lines(text: str) -> str | None:
    """The publication date (YYYY-MM-DD) from a date line in the first five non-empty lines."""
    for line in _first_lines(text, MAX_LINES):
        found = date_in_line(line)
        if found is not None:
            return found
    return None


def date_in_line(line: str) -> str | None:
    """The date of `line` when the line qualifies as a date line, else None."""
    line = line.strip(_MARKUP)
    for match in _DATE_RE.finditer(line):
        day = _to_date(match)
        if day is None:
            continue
        prefix = line[: match.start()].strip(_MARKUP)
        suffix = line[match.end() :]
        if _qualifies(prefix, suffix):
            return day.isoformat()
    return None


def _qualifies(prefix: str, suffix: str) -> bool:
    label = _LABEL_RE.match(prefix)
    if label and not _words(prefix[label.end() :]):
        return True
    if prefix and _DATELINE_RE.match(prefix) and sum(ch.isalpha() for ch in prefix) >= 3:
        return True
    other_after = len(_words(suffix))
    if prefix.rstrip()[-1:] in _SEPARATORS and len(prefix) <= 100:
        return other_after <= _MAX_OTHER_WORDS
    return len(_words(prefix)) + other_after <= _MAX_OTHER_WORDS


def _words(fragment: str) -> list[str]:
    """Words of `fragment` that are not times, weekdays or punctuation."""
    cleaned = _FILLER_RE.sub(" ", fragment)
    return [token for token in cleaned.split() if any(ch.isalnum() for ch in token)]


def _to_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    try:
        if groups["iso_y"]:
            return dt.date(int(groups["iso_y"]), int(groups["iso_m"]), int(groups["iso_d"]))
        if groups["dmy_y"]:
            month = _MONTHS[groups["dmy_m"][:3].lower()]
            return dt.date(int(groups["dmy_y"]), month, int(groups["dmy_d"]))
        month = _MONTHS[groups["mdy_m"][:3].lower()]
        return dt.date(int(groups["mdy_y"]), month, int(groups["mdy_d"]))
    except ValueError:  # "February 30, 2026"
        return None


def _first_lines(text: str, count: int):
    """The first `count` non-empty lines, each cut at `_MAX_LINE_CHARS`, without splitting
    the whole text."""
    start = 0
    found = 0
    size = len(text)
    while found < count and start < size:
        end = text.find("\n", start, start + _MAX_LINE_CHARS + 1)
        if end == -1:
            line = text[start : start + _MAX_LINE_CHARS]
            next_start = text.find("\n", start + _MAX_LINE_CHARS)
            start = size if next_start == -1 else next_start + 1
        else:
            line = text[start:end]
            start = end + 1
        if line.strip():
            found += 1
            yield line


def parse_iso_date(value: object) -> str | None:
    """`value` as YYYY-MM-DD when it is an ISO date or datetime string, YYYY-MM or YYYY when it
    gives only the month or the year (pages dated "October 2021"), else None."""
    if not isinstance(value, str):
        return None
    partial = re.fullmatch(r"\s*(\d{4})(?:-(\d{2}))?\s*", value)
    if partial:
        year, month = partial.groups()
        if 1900 <= int(year) <= 2100 and (month is None or 1 <= int(month) <= 12):
            return f"{year}-{month}" if month else year
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])", value)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None
