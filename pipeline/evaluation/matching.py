"""Agreement rules and the per-document one-to-one matching of EVENTS.md section 5.

- Places agree when, lower-cased and with everything but letters dropped, they are equal or one
  contains the other (`Karachi` / `Karachi South`).
- Dates are compatible when both are day-precise and at most 2 days apart, when the less precise
  one is a prefix of the other (`2026-02` / `2026-02-16`), or when either is missing.
- A gold and a predicted mention of one document may pair only when they do not contradict on
  country, province or district (both stated and not agreeing) and their dates are compatible. The
  weight of a pair is the number of agreeing fields among date (same string), district (place
  agreement), method, perpetrator groups (same non-empty set), killed and injured; weight 0 never
  matches.
- The assignment maximises total weight (`scipy.optimize.linear_sum_assignment`). Ties are broken,
  in this order and without ever changing the total weight: prefer required gold mentions; then
  prefer pairs that also agree on the unweighted fields (country, province, place, event_type,
  suicide, targets, perpetrators_killed, qualifier); then the solver's deterministic order over
  mentions in input order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .loading import ScoredMention

#: Fields counted in a pair's weight.
WEIGHT_FIELDS = ("date", "district", "method", "perpetrators", "killed", "injured")
#: Fields used only to break ties between equally weighted assignments.
TIE_FIELDS = (
    "country",
    "province",
    "place",
    "event_type",
    "suicide",
    "targets",
    "perpetrators_killed",
    "qualifier",
)
_PLACE_FIELDS = frozenset({"country", "province", "district", "place"})


def _letters(name: str) -> str:
    return "".join(char for char in name.lower() if char.isalpha())


def places_agree(a: str | None, b: str | None) -> bool:
    """Equal after lower-casing and keeping letters only, or one contains the other."""
    if a is None or b is None:
        return False
    a, b = _letters(a), _letters(b)
    if not a or not b:
        return False
    return a == b or a in b or b in a


def _day(value: str) -> dt.date | None:
    if len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def dates_compatible(a: str | None, b: str | None, tolerance_days: int = 2) -> bool:
    """Missing dates are compatible with any; see the module docstring for the rest."""
    if a is None or b is None:
        return True
    day_a, day_b = _day(a), _day(b)
    if day_a is not None and day_b is not None:
        return abs((day_a - day_b).days) <= tolerance_days
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter)


def field_agrees(name: str, gold: ScoredMention, pred: ScoredMention) -> bool:
    """Both values non-null and agreeing (place rule for places, same set for lists)."""
    g, p = getattr(gold, name), getattr(pred, name)
    if g is None or p is None:
        return False
    if name in _PLACE_FIELDS:
        return places_agree(g, p)
    return g == p


def contradicts(gold: ScoredMention, pred: ScoredMention) -> bool:
    """True when country, province or district are stated on both sides and do not agree."""
    for name in ("country", "province", "district"):
        g, p = getattr(gold, name), getattr(pred, name)
        if g is not None and p is not None and not places_agree(g, p):
            return True
    return False


def pair_weight(gold: ScoredMention, pred: ScoredMention) -> int:
    """Number of agreeing weight fields; 0 when the pair is not allowed."""
    if contradicts(gold, pred) or not dates_compatible(gold.date, pred.date):
        return 0
    return sum(field_agrees(name, gold, pred) for name in WEIGHT_FIELDS)


@dataclass(frozen=True)
class Match:
    gold: ScoredMention
    pred: ScoredMention
    weight: int


def match_document(gold: list[ScoredMention], pred: list[ScoredMention]) -> list[Match]:
    """One-to-one maximum-weight matching of one document's gold and predicted mentions."""
    if not gold or not pred:
        return []
    import numpy as np  # imported here: `import pipeline` must stay cheap
    from scipy.optimize import linear_sum_assignment

    weights = np.zeros((len(gold), len(pred)), dtype=np.int64)
    ties = np.zeros_like(weights)
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            weights[i, j] = pair_weight(g, p)
            if weights[i, j]:
                ties[i, j] = sum(field_agrees(name, g, p) for name in TIE_FIELDS)
    if not weights.any():
        return []
    # Lexicographic objective in exact integers: weight, then required gold, then tie fields.
    # Each unit is larger than the most the lower terms can add up to over a whole assignment.
    pairs = min(len(gold), len(pred))
    tie_unit = 1
    required_unit = tie_unit * (len(TIE_FIELDS) * pairs + 1)
    weight_unit = required_unit * (pairs + 1)
    required = np.array([g.required for g in gold], dtype=np.int64)[:, None]
    score = (weights * weight_unit + (required * required_unit + ties * tie_unit) * (weights > 0))
    rows, cols = linear_sum_assignment(score.astype(np.float64), maximize=True)
    return [
        Match(gold[i], pred[j], int(weights[i, j]))
        for i, j in zip(rows.tolist(), cols.tolist())
        if weights[i, j] > 0
    ]
