"""Counters of the costly calls: how many phrases, and how many characters, reached quantulum3
and dateparser. Both libraries are superlinear on long or odd strings, so every phrase is capped
and shape-checked before it reaches them (`casualties.MAX_COUNT_PHRASE_CHARS`,
`dates.MAX_DATEPARSER_CHARS`); these counters let a test bound the work a text costs (a counted
budget per 10,000 characters, not a wall-clock one). Per process; `reset()` starts again.
"""

from __future__ import annotations

import math
from collections import Counter

COUNTS: Counter[str] = Counter()

#: Calls of quantulum3, and of dateparser, one document may make per started 10,000
#: characters; past that, odd count and date shapes are left unread. The bundled corpus makes
#: 0.9 per 10,000 characters (12 quantulum3 and 4 dateparser calls in 185,000 characters).
CALLS_PER_10K_CHARS = 10


class Allowance:
    """The costly calls left to one document (`CALLS_PER_10K_CHARS`)."""

    def __init__(self, chars: int) -> None:
        self.left = CALLS_PER_10K_CHARS * max(1, math.ceil(chars / 10_000))

    def take(self) -> bool:
        """Use one call; False when none is left."""
        if self.left <= 0:
            COUNTS["refused_calls"] += 1
            return False
        self.left -= 1
        return True


def count(library: str, phrase: str) -> None:
    """Record one call of `library` on `phrase`."""
    COUNTS[f"{library}_calls"] += 1
    COUNTS[f"{library}_chars"] += len(phrase)
    if len(phrase) > COUNTS[f"{library}_longest"]:
        COUNTS[f"{library}_longest"] = len(phrase)


def reset() -> None:
    COUNTS.clear()
