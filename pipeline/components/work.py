"""Counters of the costly calls: how many phrases, and how many characters, reached quantulum3
and dateparser. Both libraries are superlinear on long or odd strings, so every phrase is capped
and shape-checked before it reaches them (`casualties.MAX_COUNT_PHRASE_CHARS`,
`dates.MAX_DATEPARSER_CHARS`); these counters let a test bound the work a text costs (a counted
budget per 10,000 characters, not a wall-clock one). Per process; `reset()` starts again.
"""

from __future__ import annotations

from collections import Counter

COUNTS: Counter[str] = Counter()


def count(library: str, phrase: str) -> None:
    """Record one call of `library` on `phrase`."""
    COUNTS[f"{library}_calls"] += 1
    COUNTS[f"{library}_chars"] += len(phrase)
    if len(phrase) > COUNTS[f"{library}_longest"]:
        COUNTS[f"{library}_longest"] = len(phrase)


def reset() -> None:
    COUNTS.clear()
