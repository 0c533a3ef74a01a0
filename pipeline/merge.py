"""Cross-report deduplication: mentions from many documents -> one event per incident.

`merge_mentions(mentions)` takes the mention dicts the extractor writes (EVENTS.md fields plus
`doc_id`, `published` and `evidence`) and returns event dicts in the shape of
schema/event.schema.json.

How it decides
--------------
1. **Canonical order.** Mentions are sorted by a canonical key (doc_id, first evidence offsets and
   text, then the full JSON), so the result never depends on the order of the input.

2. **Blocking, never all pairs.** A pair is scored only when it can be the same incident:
   - different documents (mentions of one document are distinct incidents, never merged);
   - place hierarchy: same country, same province and same district whenever both sides state
     them (an unknown value is compatible with anything);
   - dates compatible: two day dates at most `day_window` (2) days apart, or the less precise date
     a prefix of the other (`2026-02` with `2026-02-16`);
   - vague mentions (date only a year, or no date) are paired only with mentions that share at
     least one rare word of evidence or place (a word found in at most `rare_df` mentions,
     default ``max(25, N / 1000)``): a bare year or a missing date does not say which incident of a
     busy district is meant, the words do ("mosque", "school", "Jaffar").
   - close in time: the time spans of the two mentions (a day, a month or a year; an undated
     mention borrows its document's publication date) lie at most `max_gap_days` (60) apart, so
     two reports months apart never merge however alike their place and method;
   Pairs are found through hash indexes on (location, day) / (location, month) and an inverted
   index of rare words. Each mention then keeps at most `max_candidates` (10) partners, a sorted
   neighbourhood within its block: the nearest by date, then the most shared evidence words, then
   canonical position; a pair is scored when either side keeps it. So there are at most
   N * max_candidates pairs however crowded a district's reporting is, and the work grows with the
   number of mentions, not its square (benchmarks/bench_merge.py).

3. **Score.** A weighted mean of parts in [0, 1] (weights in `WEIGHTS`):
   - `date` (2): same day 1, one day apart 0.8, two days 0.6, month prefix 0.5, year prefix 0.4,
     a missing date 0.3;
   - `location` (2): same district 1 (also when one side states no district but its evidence
     names the other's: "a blast in Mastung" against district Mastung), same province with one
     district unknown 0.6, only the country known 0.4, country unknown 0.3;
   - `method` (2): same 1, close (bombing/suicide_bombing, airstrike/shelling, ...) 0.8, one side
     `unknown` 0.5, otherwise 0;
   - `perpetrators` (1): Jaccard of the group codes, when both name groups;
   - `targets` (1): overlap |A & B| / min(|A|, |B|), when both name targets;
   - `casualties` (1.5, scaled by 0.5 + 0.25 * log2(1 + toll), at most 1: agreeing on a toll of 40
     says more than agreeing on a toll of 1): killed and injured figures: equal 1,
     0.5 + 0.5 * low/high when the later report (by `published`) carries the higher figure,
     0.3 + 0.5 * low/high when a later report is lower (a mild contradiction only);
   - `place` (1): rapidfuzz WRatio of the two place names (`default_process`), when both name one;
   - `text` (1.5): the words of the evidence (rapidfuzz `default_process`, stop words and the
     mention's own place and district names dropped: those are the `place`/`location` parts'
     evidence, and counting them twice made any two reports of one town look alike) both
     mentions share, weighted by inverse document frequency over all mentions:
     min(1, 1.5 * shared / smaller), so boilerplate counts for nothing and "Jaffar Express" or
     "Army Public School" for much. (rapidfuzz token_set_ratio on whole sentences was measured
     too weak: 0.46 on average for unrelated seed sentences against 0.59 for the same incident.)
   Parts that neither side informs (no targets, no figures, no place) are left out of the mean;
   date, location and method always count, with the low values above when they are vague, so a
   sparse pair needs agreeing details to pass.

4. **Decision rule.** A pair is a link when its score is at least `threshold` (0.65) and it is
   not vetoed: two or more contradictions among method (both known, unrelated), targets
   (disjoint), perpetrators (disjoint), casualties (part below 0.6) and place (WRatio below 50)
   keep two mentions apart whatever the score: a bombing in a bazaar and, hours later, a gun
   attack on a police post in the same district stay two events. 0.65 sits in the gap between
   the same-incident pairs (0.67 and above) and the different-incident pairs (0.56 and below) of
   the hand-labelled seed set, and removes most near-miss pairs of the synthetic benchmark.

5. **Clustering.** Links are taken best score first (ties by canonical position) and joined by
   union-find, refusing a join that would put two mentions of one document in one event, two
   different districts/provinces/countries, or incompatible dates (day dates more than
   `day_window` apart) in one event. The result is deterministic and independent of input order.

Merged fields (EVENTS.md section 3)
-----------------------------------
- `killed`, `injured`, `perpetrators_killed`: policy ``"latest"`` (default) takes the figure of the
  most recently published mention that states one, ties to the higher figure; policy
  ``"conservative"`` (ACLED's) takes the lowest reported figure. `qualifier` goes with the chosen
  `killed`. `killed_range` = {low, best, high} over the mentions, `best` the policy's figure.
- `date`: the most precise date, ties to the most recent mention; `method`: the most recent known
  method, except that `suicide_bombing` refines `bombing`; `suicide`: true when any mention says so.
- `perpetrators`: union of groups, each with its strongest attribution (claimed > attributed >
  suspected); `targets`: union in vocabulary order.
- `country`/`province`/`district`: the agreed value (blocking guarantees agreement);
  `place`: the most recent place that is more specific than the district name, else any place.
- Other fields: the most recently published non-null value.

`event_id` is "ev-" + 16 hex digits of sha256 over the founding mention (the cluster's
canonically first mention: doc_id, first evidence start and text), so it is the same for the
same input and does not change when an unrelated document is added.
"""

from __future__ import annotations

import gc
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date as _date
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from .events import FIELD_NAMES
from .geo import merged_coordinates

POLICIES = ("latest", "conservative")

#: Weights of the score parts (see the module docstring).
WEIGHTS = {
    "date": 2.0,
    "location": 2.0,
    "method": 2.0,
    "perpetrators": 1.0,
    "targets": 1.0,
    "casualties": 1.5,
    "place": 1.0,
    "text": 1.5,
}
DEFAULT_THRESHOLD = 0.65
DEFAULT_DAY_WINDOW = 2
#: Most partners one mention keeps for scoring (sorted neighbourhood within its block).
DEFAULT_MAX_CANDIDATES = 10
#: Most days between the time spans of two mentions of one incident (an undated mention's span
#: is its publication date): reports months apart are of different incidents.
DEFAULT_MAX_GAP_DAYS = 60

#: Methods that one report may name for an incident another report names differently.
_CLOSE_METHODS = {
    frozenset({"bombing", "suicide_bombing"}),
    frozenset({"bombing", "grenade"}),
    frozenset({"suicide_bombing", "hostage_taking"}),  # suicide squads that take hostages
    frozenset({"armed_assault", "targeted_killing"}),
    frozenset({"armed_assault", "hostage_taking"}),
    frozenset({"armed_assault", "armed_clash"}),
    frozenset({"armed_assault", "suicide_bombing"}),  # suicide-cum-gun attacks
    frozenset({"airstrike", "shelling"}),
    frozenset({"hijacking", "hostage_taking"}),
    frozenset({"hijacking", "armed_assault"}),  # a train or bus seized by gunmen
    frozenset({"kidnapping", "hostage_taking"}),
    frozenset({"kidnapping", "targeted_killing"}),
}
_ATTRIBUTION_RANK = {"claimed": 3, "attributed": 2, "suspected": 1}
_TARGET_ORDER = (
    "police", "paramilitary", "military", "government", "civilians", "religious", "education",
    "health", "transport", "infrastructure", "foreigners", "political", "militants",
)
_STOPWORDS = frozenset(
    """the and for was were are that this with from have has had been its his her their they them
    said says say after before also about into over under when which while who whom what where
    would could will than then there these those other more most some such only not but all any
    one two three four five six seven eight nine ten people killed injured wounded attack attacks
    police officials official district province pakistan pakistani security forces according least
    since during against near last year month week day today yesterday""".split()
)
_WORD = re.compile(r"[a-z0-9]{3,}")


# ----------------------------------------------------------------------------- mention features


class _M:
    """Precomputed features of one mention (internal)."""

    __slots__ = (
        "idx", "data", "doc", "pub", "date", "prec", "ordinal", "ym", "year", "country",
        "province", "district", "method", "groups", "targets", "killed", "injured", "place",
        "text", "words", "weight", "key", "lo", "hi", "area_place",
    )


def _precision(value: str | None) -> int:
    if not value:
        return 0
    return {4: 1, 7: 2, 10: 3}.get(len(value), 0)


@lru_cache(maxsize=65_536)
def _span(value: str | None) -> tuple[int, int] | None:
    """First and last day (ordinals) of a date of any precision; None when it is not a date."""
    try:
        if value and len(value) == 10:
            day = _date.fromisoformat(value).toordinal()
            return day, day
        if value and len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            following = _date(year + month // 12, month % 12 + 1, 1).toordinal()
            return _date(year, month, 1).toordinal(), following - 1
        if value and len(value) == 4:
            year = int(value)
            return _date(year, 1, 1).toordinal(), _date(year, 12, 31).toordinal()
    except ValueError:
        return None
    return None


@lru_cache(maxsize=65_536)
def _processed(value: str) -> str:
    """rapidfuzz's `default_process`, remembered (district and place names repeat)."""
    return default_process(value)


def _norm(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value.casefold() if value else None


def _evidence_text(evidence: Any) -> str:
    parts = []
    for item in evidence or []:
        parts.append(item.get("text", "") if isinstance(item, dict) else str(item))
    return " ".join(parts)


def _canonical_key(mention: dict[str, Any]) -> tuple:
    """(doc_id, first evidence start, end, text): the sort key and the founding-mention key."""
    evidence = mention.get("evidence") or [{}]
    first = evidence[0] if isinstance(evidence[0], dict) else {"text": str(evidence[0])}
    start, end = first.get("start"), first.get("end")
    return (
        str(mention.get("doc_id") or ""),
        int(start) if start is not None else -1,
        int(end) if end is not None else -1,
        str(first.get("text") or ""),
    )


def _full_key(mention: dict[str, Any]) -> str:
    """Tie-breaker for mentions whose canonical keys are equal: their whole content."""
    return json.dumps(mention, sort_keys=True, ensure_ascii=False, default=str)


def _features(idx: int, mention: dict[str, Any], key: tuple) -> _M:
    m = _M()
    m.idx, m.data, m.key = idx, mention, key
    m.doc = str(mention.get("doc_id") or "")
    m.pub = mention.get("published") or ""
    m.date = mention.get("date") or None
    m.prec = _precision(m.date)
    if m.prec == 0:
        m.date = None
    m.ordinal = None
    if m.prec == 3:
        try:
            m.ordinal = _date.fromisoformat(m.date).toordinal()
        except ValueError:
            m.prec, m.date = 2, m.date[:7]
    m.ym = m.date[:7] if m.prec >= 2 else None
    # when the incident can have happened: its date, else (undated) the day it was reported
    span = (m.ordinal, m.ordinal) if m.ordinal is not None else (_span(m.date) or _span(m.pub))
    m.lo, m.hi = span if span else (None, None)
    m.year = m.date[:4] if m.prec >= 1 else None
    m.country = _norm(mention.get("country"))
    m.province = _norm(mention.get("province"))
    m.district = _norm(mention.get("district"))
    m.method = mention.get("method") or "unknown"
    m.groups = frozenset(p["group"] for p in mention.get("perpetrators") or [] if p.get("group"))
    m.targets = frozenset(mention.get("targets") or [])
    m.killed = mention.get("killed")
    m.injured = mention.get("injured")
    place = mention.get("place")
    m.place = _processed(place) if place else ""
    # "Karachi" in district Karachi names no site: against a site ("Stock Exchange") it says nothing
    m.area_place = bool(m.place) and m.place in {
        _processed(mention.get(level) or "") for level in ("district", "province")
    }
    m.text = default_process(_evidence_text(mention.get("evidence")))
    # words beyond the place: the place and district names are the `place`/`location` parts'
    # evidence already, and counting them again would let any two reports of one town look alike
    names = set(_WORD.findall(m.place + " " + _processed(mention.get("district") or "")))
    m.words = frozenset(
        w for w in _WORD.findall(m.text) if w not in _STOPWORDS and w not in names
    )
    return m


# ----------------------------------------------------------------------------- compatibility


def _location_ok(a: _M, b: _M) -> bool:
    for x, y in ((a.country, b.country), (a.province, b.province), (a.district, b.district)):
        if x is not None and y is not None and x != y:
            return False
    return True


_PREFIX_LENGTH = {1: 4, 2: 7, 3: 10}


def _dates_ok(a: _M, b: _M, window: int) -> bool:
    if a.date is None or b.date is None:
        return True
    if a.prec == 3 and b.prec == 3:
        return abs(a.ordinal - b.ordinal) <= window
    short = min(a.prec, b.prec)
    length = {1: 4, 2: 7, 3: 10}[short]
    return a.date[:length] == b.date[:length]


def _time_ok(a: _M, b: _M, max_gap: int) -> bool:
    """Whether the time spans of two mentions lie at most `max_gap` days apart."""
    if a.lo is None or b.lo is None:
        return True
    return max(a.lo, b.lo) - min(a.hi, b.hi) <= max_gap


def _date_part(a: _M, b: _M) -> float:
    if a.date is None or b.date is None:
        # an undated report is near in time when its publication is (reports of one attack
        # appear within days of it); else a missing date says nothing
        if a.lo is not None and b.lo is not None:
            gap = max(a.lo, b.lo) - min(a.hi, b.hi)
            if gap <= 3:
                return 0.7
            if gap <= 7:
                return 0.5
        return 0.3
    if a.prec == 3 and b.prec == 3:
        return (1.0, 0.8, 0.6)[min(abs(a.ordinal - b.ordinal), 2)]
    return 0.5 if min(a.prec, b.prec) == 2 else 0.4


def _named_in(name: str | None, m: _M) -> bool:
    """Whether the words of `name` (a district or place) occur in `m`'s evidence text."""
    if not name:
        return False
    name = default_process(name)
    return bool(name) and f" {name} " in f" {m.text} "


def _location_part(a: _M, b: _M) -> float:
    if a.district is not None and b.district is not None:
        return 1.0
    # one side states no district but its evidence names the other side's district
    if (a.district is None and _named_in(b.district, a)) or (
        b.district is None and _named_in(a.district, b)
    ):
        return 1.0
    if a.province is not None and b.province is not None:
        return 0.6
    if a.country is not None and b.country is not None:
        return 0.4
    return 0.3


def _method_part(a: str, b: str) -> float:
    if a == b:
        return 1.0 if a != "unknown" else 0.5
    if a == "unknown" or b == "unknown":
        return 0.5
    return 0.8 if frozenset({a, b}) in _CLOSE_METHODS else 0.0


def _count_part(x: int, x_pub: str, y: int, y_pub: str) -> float:
    if x == y:
        return 1.0
    low, high = min(x, y), max(x, y)
    ratio = low / high if high else 1.0
    later_higher = (x_pub > y_pub and x > y) or (y_pub > x_pub and y > x) or x_pub == y_pub
    return 0.5 + 0.5 * ratio if later_higher else 0.3 + 0.5 * ratio


def _score(
    a: _M, b: _M, idf: dict[str, float], threshold: float = 0.0
) -> tuple[float, dict[str, float]] | None:
    """(score, parts) of a pair, or None when the score cannot reach `threshold` (the costly
    place and text parts are computed only when they can still lift the pair over it)."""
    parts: dict[str, float] = {
        "date": _date_part(a, b),
        "location": _location_part(a, b),
        "method": _method_part(a.method, b.method),
    }
    weights = WEIGHTS
    if a.groups and b.groups:
        parts["perpetrators"] = len(a.groups & b.groups) / len(a.groups | b.groups)
    if a.targets and b.targets:
        parts["targets"] = len(a.targets & b.targets) / min(len(a.targets), len(b.targets))
    counts = [
        (_count_part(x, a.pub, y, b.pub), max(x, y))
        for x, y in ((a.killed, b.killed), (a.injured, b.injured))
        if x is not None and y is not None
    ]
    if counts:
        parts["casualties"] = sum(value for value, _ in counts) / len(counts)
        # agreeing on a toll of 40 says more than agreeing on a toll of 1
        largest = max(size for _, size in counts)
        weights = dict(WEIGHTS)
        weights["casualties"] *= min(1.0, 0.5 + 0.25 * math.log2(1 + largest))
    total = 0
    mass = 0
    for name, value in parts.items():
        weight = weights[name]
        total += weight * value
        mass += weight
    costly = []
    extra = 0
    if a.place and b.place and a.area_place == b.area_place:
        costly.append("place")
        extra += weights["place"]
    if a.words and b.words:
        costly.append("text")
        extra += weights["text"]
    if (total + extra) / (mass + extra) < threshold:
        return None
    if "place" in costly:
        parts["place"] = fuzz.WRatio(a.place, b.place) / 100.0
    if "text" in costly:
        shared = sum(idf[w] for w in a.words & b.words)
        smaller = min(a.weight, b.weight)
        parts["text"] = min(1.0, 1.5 * shared / smaller) if smaller > 0 else 0.0
    for name in costly:
        total += weights[name] * parts[name]
        mass += weights[name]
    return total / mass, parts


def _vetoed(parts: dict[str, float]) -> bool:
    """Two or more contradictions keep a pair apart whatever its score."""
    contradictions = (
        parts["method"] == 0.0,
        parts.get("targets", 1.0) == 0.0,
        parts.get("perpetrators", 1.0) == 0.0,
        parts.get("casualties", 1.0) < 0.6,
        parts.get("place", 1.0) < 0.5,
    )
    return sum(contradictions) >= 2


# ----------------------------------------------------------------------------- blocking


def _date_gap(a: _M, b: _M) -> int:
    """Days between two compatible dates; 15 when one is only a month, 180 a year, 365 none."""
    if a.prec == 3 and b.prec == 3:
        return abs(a.ordinal - b.ordinal)
    return {0: 365, 1: 180, 2: 15}[min(a.prec, b.prec)]


def _candidate_pairs(
    ms: list[_M], window: int, rare_df: int | None, max_candidates: int = DEFAULT_MAX_CANDIDATES,
    max_gap: int = DEFAULT_MAX_GAP_DAYS,
) -> set[tuple[int, int]]:
    """Unordered pairs (i < j) that blocking allows; checked for documents, place and date.

    Each mention keeps at most `max_candidates` partners (sorted neighbourhood): the nearest by
    date, then the most shared words, then canonical position. A pair is scored when either side
    keeps it, so the number of pairs is at most N * max_candidates however dense a district's
    reporting is.
    """
    index: dict[tuple, list[int]] = defaultdict(list)

    def loc_keys(m: _M) -> list[tuple]:
        keys = [("*",)]
        if m.country is not None:
            keys.append(("c", m.country))
        if m.province is not None:
            keys.append(("p", m.country, m.province))
        if m.district is not None:
            keys.append(("d", m.country, m.district))
        return keys

    all_keys = [loc_keys(m) for m in ms]
    query_keys = [keys[-1] for keys in all_keys]

    vague: list[_M] = []
    for m in ms:
        if m.prec <= 1:
            vague.append(m)
            continue
        for loc in all_keys[m.idx]:
            if m.prec == 3:
                index[(loc, "D", m.ordinal)].append(m.idx)
            else:
                index[(loc, "M", m.ym)].append(m.idx)
            index[(loc, "MA", m.ym)].append(m.idx)

    partners: list[set[int]] = [set() for _ in ms]

    def consider(a: _M, j: int) -> None:
        # _location_ok, _dates_ok and _time_ok inlined: this runs for every candidate pair
        b = ms[j]
        if a.idx == j or a.doc == b.doc:
            return
        x, y = a.district, b.district
        if x is not None and y is not None and x != y:
            return
        x, y = a.province, b.province
        if x is not None and y is not None and x != y:
            return
        x, y = a.country, b.country
        if x is not None and y is not None and x != y:
            return
        if a.date is not None and b.date is not None:
            if a.prec == 3 and b.prec == 3:
                if abs(a.ordinal - b.ordinal) > window:
                    return
            else:
                length = _PREFIX_LENGTH[min(a.prec, b.prec)]
                if a.date[:length] != b.date[:length]:
                    return
        if a.lo is not None and b.lo is not None and max(a.lo, b.lo) - min(a.hi, b.hi) > max_gap:
            return
        partners[a.idx].add(j)
        partners[j].add(a.idx)

    for m in ms:
        if m.prec <= 1:
            continue
        loc = query_keys[m.idx]
        if m.prec == 3:
            for day in range(m.ordinal - window, m.ordinal + window + 1):
                for j in index.get((loc, "D", day), ()):
                    if j > m.idx or query_keys[j] != loc:  # same key: found from both sides
                        consider(m, j)
            for j in index.get((loc, "M", m.ym), ()):
                consider(m, j)
        else:
            for j in index.get((loc, "MA", m.ym), ()):
                consider(m, j)

    for m in vague:
        # an undated mention borrows its document's publication date: the dated mentions of its
        # place published or dated in that month or the one before are its candidates
        if m.prec == 0 and m.hi is not None:
            loc = query_keys[m.idx]
            months = {_date.fromordinal(m.hi).isoformat()[:7], _date.fromordinal(m.hi - 31).isoformat()[:7]}
            for ym in sorted(months):
                for j in index.get((loc, "MA", ym), ()):
                    consider(m, j)

    if vague:
        words = [m.words for m in ms]
        wanted = set().union(*(words[m.idx] for m in vague))
        postings: dict[str, list[int]] = defaultdict(list)
        for m in ms:
            for w in words[m.idx] & wanted:
                postings[w].append(m.idx)
        limit = rare_df if rare_df is not None else max(25, len(ms) // 1000)
        for m in vague:
            seen: set[int] = set()
            for w in sorted(words[m.idx]):
                post = postings[w]
                if len(post) > limit:
                    continue
                for j in post:
                    if j not in seen:
                        seen.add(j)
                        consider(m, j)

    pairs: set[tuple[int, int]] = set()
    for m in ms:
        found = partners[m.idx]
        if len(found) > max_candidates:
            found = sorted(
                found, key=lambda j: (_date_gap(m, ms[j]), -len(m.words & ms[j].words), j)
            )[:max_candidates]
        for j in found:
            pairs.add((m.idx, j) if m.idx < j else (j, m.idx))
    return pairs


# ----------------------------------------------------------------------------- clustering


class _Cluster:
    """A growing event: its members and what a join must stay compatible with (kept as bounds
    and small sets, so a join costs the same however large the cluster is)."""

    __slots__ = ("members", "docs", "countries", "provinces", "districts", "first_day",
                 "last_day", "months", "has_month", "years", "has_year", "links", "latest_start",
                 "earliest_end")

    def __init__(self, m: _M) -> None:
        self.members = [m.idx]
        self.docs = {m.doc}
        self.countries = {m.country} - {None}
        self.provinces = {m.province} - {None}
        self.districts = {m.district} - {None}
        self.first_day = self.last_day = m.ordinal  # day dates only
        self.months = {m.ym} if m.prec >= 2 else set()  # of day and month dates
        self.has_month = m.prec == 2
        self.years = {m.year} if m.prec >= 1 else set()
        self.has_year = m.prec == 1
        self.latest_start, self.earliest_end = m.lo, m.hi  # time spans (dated or published)
        self.links: list[tuple[int, int, float, dict[str, float]]] = []


def _joinable(x: _Cluster, y: _Cluster, window: int, max_gap: int = DEFAULT_MAX_GAP_DAYS) -> bool:
    """Whether every pair of dates and places of the union stays compatible."""
    if x.docs & y.docs:
        return False
    for mine, theirs in ((x.countries, y.countries), (x.provinces, y.provinces),
                         (x.districts, y.districts)):
        if len(mine | theirs) > 1:
            return False
    if x.first_day is not None and y.first_day is not None:
        if max(x.last_day, y.last_day) - min(x.first_day, y.first_day) > window:
            return False
    if (x.has_month or y.has_month) and len(x.months | y.months) > 1:
        return False  # a month date is compatible only with dates of that month
    if (x.has_year or y.has_year) and len(x.years | y.years) > 1:
        return False
    starts = [v for v in (x.latest_start, y.latest_start) if v is not None]
    ends = [v for v in (x.earliest_end, y.earliest_end) if v is not None]
    if starts and max(starts) - min(ends) > max_gap:
        return False  # some two members would lie months apart
    return True


def _absorb(x: _Cluster, y: _Cluster) -> None:
    x.members += y.members
    x.docs |= y.docs
    x.countries |= y.countries
    x.provinces |= y.provinces
    x.districts |= y.districts
    days = [d for d in (x.first_day, y.first_day) if d is not None]
    x.first_day = min(days) if days else None
    days = [d for d in (x.last_day, y.last_day) if d is not None]
    x.last_day = max(days) if days else None
    x.months |= y.months
    x.has_month = x.has_month or y.has_month
    x.years |= y.years
    x.has_year = x.has_year or y.has_year
    starts = [v for v in (x.latest_start, y.latest_start) if v is not None]
    ends = [v for v in (x.earliest_end, y.earliest_end) if v is not None]
    x.latest_start = max(starts) if starts else None
    x.earliest_end = min(ends) if ends else None
    x.links += y.links


def _cluster(
    ms: list[_M], links: list[tuple[float, int, int, dict]], window: int, max_gap: int = DEFAULT_MAX_GAP_DAYS
) -> list[_Cluster]:
    parent = list(range(len(ms)))
    clusters: dict[int, _Cluster] = {}  # made when a mention is first linked; the rest stay alone

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for score, i, j, parts in links:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        x = clusters.get(ri) or clusters.setdefault(ri, _Cluster(ms[ri]))
        y = clusters.get(rj) or clusters.setdefault(rj, _Cluster(ms[rj]))
        if not _joinable(x, y, window, max_gap):
            continue
        if ri > rj:
            ri, rj, x, y = rj, ri, y, x
        parent[rj] = ri
        if len(x.members) < len(y.members):  # copy the smaller into the larger
            _absorb(y, x)
            x = clusters[ri] = y
        else:
            _absorb(x, y)
        x.links.append((i, j, score, parts))
        del clusters[rj]
    return [clusters[i] if i in clusters else _Single(i) for i in range(len(ms)) if parent[i] == i]


class _Single:
    """A mention linked to no other: an event of its own."""

    __slots__ = ("members", "links")

    def __init__(self, idx: int) -> None:
        self.members = [idx]
        self.links: list = []


# ----------------------------------------------------------------------------- merged fields


def _recency(m: dict[str, Any]) -> str:
    return m.get("published") or ""


def _pick_count(mentions: list[dict[str, Any]], name: str, policy: str) -> tuple[Any, Any]:
    """(figure, mention it came from) for `name` under `policy`."""
    stated = [m for m in mentions if m.get(name) is not None]
    if not stated:
        return None, None
    if policy == "conservative":
        chosen = min(stated, key=lambda m: (m[name], _recency(m)))
    else:
        chosen = max(stated, key=lambda m: (_recency(m), m[name]))
    return chosen[name], chosen


def _most_recent(mentions: list[dict[str, Any]], name: str, skip: Any = None) -> Any:
    best = None
    for m in mentions:  # canonical order, so ties on `published` resolve the same way each time
        value = m.get(name)
        if value is None or value == skip or value == [] or value == "":
            continue
        if best is None or _recency(m) > _recency(best):
            best = m
    return None if best is None else best[name]


def _merged_fields(mentions: list[dict[str, Any]], policy: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    out["event_type"] = _most_recent(mentions, "event_type") or "attack"
    methods = {m.get("method") for m in mentions} - {None, "unknown"}
    method = _most_recent(mentions, "method", skip="unknown") or "unknown"
    if method == "bombing" and "suicide_bombing" in methods:
        method = "suicide_bombing"
    out["method"] = method
    suicides = [m.get("suicide") for m in mentions if m.get("suicide") is not None]
    out["suicide"] = (any(suicides) or method == "suicide_bombing") if suicides else (
        True if method == "suicide_bombing" else None
    )
    dated = [m for m in mentions if _precision(m.get("date"))]
    out["date"] = (
        max(dated, key=lambda m: (_precision(m["date"]), _recency(m)))["date"] if dated else None
    )
    for name in ("country", "province", "district"):
        out[name] = _most_recent(mentions, name)
    district = _norm(out["district"])
    places = [m for m in mentions if m.get("place")]
    specific = [m for m in places if _norm(m["place"]) not in {district, _norm(out["province"])}]
    pool = specific or places
    out["place"] = (
        max(pool, key=lambda m: (_recency(m), len(m["place"])))["place"] if pool else None
    )
    strongest: dict[str, str] = {}
    for m in mentions:
        for p in m.get("perpetrators") or []:
            group, attribution = p.get("group"), p.get("attribution") or "suspected"
            if not group:
                continue
            old = strongest.get(group)
            if old is None or _ATTRIBUTION_RANK.get(attribution, 0) > _ATTRIBUTION_RANK.get(old, 0):
                strongest[group] = attribution
    out["perpetrators"] = [
        {"group": g, "attribution": a}
        for g, a in sorted(strongest.items(), key=lambda ga: (-_ATTRIBUTION_RANK.get(ga[1], 0), ga[0]))
    ]
    targets = set().union(*(set(m.get("targets") or []) for m in mentions))
    order = {t: i for i, t in enumerate(_TARGET_ORDER)}
    out["targets"] = sorted(targets, key=lambda t: (order.get(t, len(order)), t))
    killed, source = _pick_count(mentions, "killed", policy)
    out["killed"] = killed
    out["injured"] = _pick_count(mentions, "injured", policy)[0]
    out["perpetrators_killed"] = _pick_count(mentions, "perpetrators_killed", policy)[0]
    out["qualifier"] = source.get("qualifier") if source is not None else None
    tolls = [m["killed"] for m in mentions if m.get("killed") is not None]
    out["killed_range"] = {
        "low": min(tolls) if tolls else None,
        "best": killed,
        "high": max(tolls) if tolls else None,
    }
    return out


def _event_id(founder: _M, taken: set[str]) -> str:
    doc, start, end, text = founder.key[:4]
    seed = f"{doc}\x00{start}\x00{end}\x00{text}"
    digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]
    counter = 1
    while f"ev-{digest}" in taken:  # two mentions with identical doc and evidence: rare, stable
        digest = hashlib.sha256(f"{seed}\x00{counter}".encode("utf-8")).hexdigest()[:16]
        counter += 1
    return f"ev-{digest}"


# ----------------------------------------------------------------------------- entry point


def merge_mentions(
    mentions: Iterable[dict[str, Any]],
    policy: str = "latest",
    *,
    threshold: float = DEFAULT_THRESHOLD,
    day_window: int = DEFAULT_DAY_WINDOW,
    rare_df: int | None = None,
    max_candidates: int = DEFAULT_MAX_CANDIDATES,
    max_gap_days: int = DEFAULT_MAX_GAP_DAYS,
) -> list[dict[str, Any]]:
    """Merge mention dicts from many documents into event dicts (see the module docstring).

    policy: "latest" (the most recently published figure wins, EVENTS.md) or "conservative"
    (the lowest reported figure). threshold: the least pair score that links two mentions.
    day_window: how many days apart two day dates of one incident may be. rare_df: how many
    mentions a word may occur in and still pair a vague (year-only or undated) mention.
    max_candidates: how many partners each mention keeps for scoring (the blocking bound).
    max_gap_days: how many days apart the time spans of two mentions of one incident may lie.
    Returns events sorted by (date, event_id).
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown merge policy {policy!r}; expected one of {POLICIES}")
    # The merge allocates millions of small objects and frees none until it returns: the cyclic
    # garbage collector would rescan all of them again and again (a third of the time at 100k
    # mentions, and growing with N). Nothing here makes reference cycles worth collecting.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _merge(
            mentions, policy, threshold=threshold, day_window=day_window, rare_df=rare_df,
            max_candidates=max_candidates, max_gap_days=max_gap_days,
        )
    finally:
        if collecting:
            gc.enable()


def _merge(
    mentions: Iterable[dict[str, Any]],
    policy: str,
    *,
    threshold: float,
    day_window: int,
    rare_df: int | None,
    max_candidates: int,
    max_gap_days: int,
) -> list[dict[str, Any]]:
    items = [dict(m) for m in mentions]
    keys = [_canonical_key(m) for m in items]
    counts = Counter(keys)
    keys = [k + ((_full_key(m),) if counts[k] > 1 else ("",)) for k, m in zip(keys, items)]
    keyed = sorted(zip(keys, items), key=lambda km: km[0])
    ms = [_features(i, m, key) for i, (key, m) in enumerate(keyed)]

    df: Counter = Counter()
    for m in ms:
        df.update(m.words)
    idf = {w: math.log((1 + len(ms)) / (1 + n)) for w, n in df.items()}
    for m in ms:
        m.weight = sum(idf[w] for w in m.words)
    links = []
    for i, j in sorted(_candidate_pairs(ms, day_window, rare_df, max_candidates, max_gap_days)):
        scored = _score(ms[i], ms[j], idf, threshold)
        if scored is not None and scored[0] >= threshold and not _vetoed(scored[1]):
            links.append((round(scored[0], 4), i, j, scored[1]))
    links.sort(key=lambda link: (-link[0], link[1], link[2]))

    events = []
    taken: set[str] = set()
    for cluster in _cluster(ms, links, day_window, max_gap_days):
        members = sorted(cluster.members)
        position = {idx: n for n, idx in enumerate(members)}
        group = [ms[idx].data for idx in members]
        event_id = _event_id(ms[members[0]], taken)
        taken.add(event_id)
        fields = _merged_fields(group, policy)
        event: dict[str, Any] = {"event_id": event_id}
        for name in FIELD_NAMES:
            event[name] = fields[name]
        event.update(merged_coordinates(group, fields["place"], fields["district"]))
        event["killed_range"] = fields["killed_range"]
        event["merge"] = {
            "policy": policy,
            "links": [
                {
                    "a": position[i],
                    "b": position[j],
                    "score": score,
                    "parts": {k: round(v, 3) for k, v in sorted(parts.items())},
                }
                for i, j, score, parts in sorted(cluster.links, key=lambda l: (l[0], l[1]))
            ],
        }
        event["mentions"] = group
        events.append(event)
    events.sort(key=lambda e: (e["date"] or "", e["event_id"]))
    return events


def pairwise_scores(predicted: list[set[Any]], gold: list[set[Any]]) -> dict[str, float]:
    """Pairwise precision/recall/F1 of a clustering: `predicted`/`gold` are lists of sets of
    mention ids. A pair counts when both ids land in one set."""

    def pairs(clusters: list[set[Any]]) -> set[frozenset]:
        out = set()
        for c in clusters:
            items = sorted(c, key=repr)
            out.update(frozenset((a, b)) for n, a in enumerate(items) for b in items[n + 1:])
        return out

    p, g = pairs(predicted), pairs(gold)
    tp = len(p & g)
    precision = tp / len(p) if p else 1.0
    recall = tp / len(g) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "predicted_pairs": len(p),
            "gold_pairs": len(g), "correct_pairs": tp}


__all__ = ["merge_mentions", "pairwise_scores", "POLICIES", "WEIGHTS", "DEFAULT_THRESHOLD"]
