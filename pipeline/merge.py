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
   Each mention keeps at most `max_candidates` (10) partners, a sorted neighbourhood within its
   block: the nearest by date, then the most shared evidence words, then canonical position; a
   pair is scored when either side keeps it. So there are at most N * max_candidates pairs
   however crowded a district's reporting is, and the work grows with the number of mentions,
   not its square (benchmarks/bench_merge.py).

   **One sweep in time order.** Since no partner of a mention starts more than `max_gap_days`
   after its time span ends, blocking, scoring and clustering run in one pass over the mentions
   sorted by the first day of their span (`_Sweep`; mentions with no time at all first). A new
   mention finds its candidates among those already passed: through indexes on (place, day)
   and (place, month) kept for the last `day_window` days and two months, and, for vague
   mentions, through the live vague mentions and the recent dated mentions by rare word. Once
   the sweep is `max_gap_days` past a mention's span its candidates are complete: its kept
   pairs are scored, and the linked mentions are written as events as soon as no further link
   can reach them. Features, indexes and links are held for that window only, so the memory
   the merge needs beyond its input and output does not grow with the number of mentions, and
   the result is the one all pairs at once would give (tests/test_merge.py checks the pairs
   against the rules applied to every pair of a made-up 20-month season). Idf and which words
   are rare are decided over all mentions, as in the rules above: one streaming pass counts
   the words before the sweep (and keeps them, space-separated, so the sweep does not process
   each text again); a vague mention then scans only the live mentions with them.

   **Time segments in parallel.** From `parallel_min` (200,000) mentions, and when every
   mention has a time span, the sweep runs in several forked processes (`processes`, default
   one per CPU, at most 4): the mentions are cut into segments of equal count by the first day
   of their span; each process finds the words of its segment widened by a margin on either
   side (its view) once, counts those of its own segment (the parent sums the counts and sends
   them back, so idf and rare words stay over all mentions), then sweeps the view and keeps the
   events whose earliest mention lies in its segment. No candidate
   of a mention starts more than `reach` = `max_gap_days` + 366 days away from it (a span is at
   most a year), and whether a pair is scored depends on the candidates of both partners, so
   an event's links are those of the whole input when the view holds every mention within
   2 * reach of its members; the margin is that plus a year for events whose mentions spread.
   An event that reaches further past its segment is refused, and one process does the whole
   merge. So the events do not depend on the number of processes or their timing
   (tests/test_merge.py compares 2, 3 and 5 processes with one); the input is shared with the
   processes by fork (copy on write) and their events come back with mentions as positions.
   Below `parallel_min`, starting processes costs more than they save.

3. **Score.** A weighted mean of parts in [0, 1] (weights in `WEIGHTS`):
   - `date` (2): same day 1, one day apart 0.8, two days 0.6, month prefix 0.5, year prefix 0.4,
     a missing date 0.3;
   - `location` (2): same district 1 (also when one side states no district but its evidence
     names the other's: "a blast in Mastung" against district Mastung), same province with one
     district unknown 0.6, only the country known 0.4, country unknown 0.3;
   - `method` (2): same 1, close (bombing/suicide_bombing, airstrike/shelling, ...) 0.8, one side
     `unknown` 0.5, otherwise 0;
   - `perpetrators` (1): Jaccard of the group codes, when both name groups (in a clash the army,
     the actor of most operations, `ROUTINE_CLASH_ACTORS`, is left out);
   - `targets` (1): overlap |A & B| / min(|A|, |B|), when both name targets (a side naming a
     worship site counts civilians too: the people one report calls worshippers another calls
     civilians);
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
   attack on a police post in the same district stay two events. A pair not dated to the day
   on both sides is also kept apart when one killed figure is less than half the other
   (`MIN_VAGUE_TOLL_RATIO`): without the day, the toll is what tells two incidents of a city
   apart. 0.65 sits in the gap between the same-incident pairs (0.67 and above) and the
   different-incident pairs (0.56 and below) of the hand-labelled seed set, and removes most
   near-miss pairs of the synthetic benchmark.

5. **Clustering.** Links are taken best score first (ties by canonical position) and joined by
   union-find, refusing a join that would put two mentions of one document in one event, two
   different districts/provinces/countries, or incompatible dates (day dates more than
   `day_window` apart) in one event. The sweep clusters each group of linked mentions (a
   connected part of the link graph) on its own, in the same order, which gives the clusters
   that taking all links of the input at once would. The result is deterministic and
   independent of input order.

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
- A mention that ends up alone (most do) gets its event by a fast path (`_single_event`) that
  gives what the rules above give for one mention, without comparing members.

`event_id` is "ev-" + 16 hex digits of sha256 over the founding mention (the cluster's
canonically first mention: doc_id, first evidence start and text), so it is the same for the
same input and does not change when an unrelated document is added.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import heapq
import json
import math
import os
import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from datetime import date as _date
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from .events import FIELD_NAMES, WORSHIP_KINDS
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
#: Fewest mentions for which the merge sweeps time segments in several processes: below it,
#: starting them costs more than they save.
PARALLEL_MIN_MENTIONS = 200_000
#: Most processes the merge starts by default (each holds the features of its own window and
#: touches its share of the input, which the operating system then copies for it).
MAX_PROCESSES = 4

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
    frozenset({"kidnapping", "armed_assault"}),  # "armed men stormed the house and took him away"
}
#: Killed figures of a pair without two day dates may differ by this factor at most.
MIN_VAGUE_TOLL_RATIO = 0.5
#: perpetrators of a clash that say nothing about sameness: the forces of most operations
ROUTINE_CLASH_ACTORS = frozenset({"Pakistan Armed Forces"})
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
_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
_SHORT_OR_STOP = _STOPWORDS | set(_ALNUM) | {a + b for a in _ALNUM for b in _ALNUM}


# ----------------------------------------------------------------------------- mention features


class _M:
    """Precomputed features of one mention (internal); built when the sweep reaches the
    mention and dropped once its event is written."""

    __slots__ = (
        "idx", "data", "doc", "pub", "date", "prec", "ordinal", "ym", "year", "country",
        "province", "district", "method", "groups", "targets", "killed", "injured", "place",
        "text", "words", "weight", "key", "lo", "hi", "area_place",
        # sweep state (see _Sweep)
        "fin", "close", "best", "kept",
    )


_PRECISION = {4: 1, 7: 2, 10: 3}  # by the length of an ISO date


def _precision(value: str | None) -> int:
    if not value:
        return 0
    return _PRECISION.get(len(value), 0)


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
    if isinstance(evidence, list) and len(evidence) == 1 and isinstance(evidence[0], dict):
        return evidence[0].get("text", "")  # the common case, without the join
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


@lru_cache(maxsize=65_536)
def _name_words(place: str, district: str) -> frozenset[str]:
    """Words of a mention's own place and district names (they repeat across mentions)."""
    return frozenset(_WORD.findall(place + " " + _processed(district)))


def _text_words(mention: dict[str, Any], place: str) -> tuple[str, frozenset[str]]:
    """(processed evidence text, its words beyond the place): `place` is the processed place.

    The words leave out the place and district names: those are the `place`/`location` parts'
    evidence already, and counting them again would let any two reports of one town look alike.
    """
    text = default_process(_evidence_text(mention.get("evidence")))
    names = _name_words(place, mention.get("district") or "")
    if text.isascii():
        # processed ASCII text is lowercase letters, digits and spaces: its tokens are the
        # regular expression's words plus the one- and two-character ones, dropped by set
        # difference (several times faster than the expression and a filter)
        return text, frozenset(text.split()).difference(_SHORT_OR_STOP, names)
    return text, frozenset(_WORD.findall(text)).difference(_STOPWORDS, names)


def _when(mention: dict[str, Any]) -> int | None:
    """First day (ordinal) of the mention's time span (see `_features`); None when it has none."""
    value = mention.get("date") or None
    if _precision(value) == 0:
        value = None
    elif len(value) == 10:
        try:
            return _date.fromisoformat(value).toordinal()
        except ValueError:
            value = value[:7]
    span = _span(value) or _span(mention.get("published") or "")
    return span[0] if span else None


@lru_cache(maxsize=65_536)
def _where(country: Any, province: Any, district: Any, place: Any) -> tuple:
    """(country, province, district, place, area_place) features of a mention's place names,
    remembered: the same few thousand combinations repeat across mentions."""
    place = _processed(place) if place else ""
    # "Karachi" in district Karachi names no site: against a site ("Stock Exchange") it says nothing
    area_place = bool(place) and place in {
        _processed(level or "") for level in (district, province)
    }
    return _norm(country), _norm(province), _norm(district), place, area_place


def _features(idx: int, mention: dict[str, Any], key: tuple, words: str | None = None) -> _M:
    """The features of a mention; `words`, when given, are its evidence words already found
    (`_text_words`), space-separated: the text is then processed again only if `_named_in`
    needs it."""
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
    m.country, m.province, m.district, m.place, m.area_place = _where(
        mention.get("country"), mention.get("province"), mention.get("district"),
        mention.get("place"),
    )
    m.method = mention.get("method") or "unknown"
    # the army is the actor of most operations (clashes) in its area, so two reports of
    # clashes naming it say nothing about being one incident (and a report of the fight that
    # names only the militants does not contradict one naming the troops); as the actor of a
    # strike across the border, or beside Afghan forces, it does tell one apart
    routine = ROUTINE_CLASH_ACTORS if mention.get("event_type") == "clash" else frozenset()
    m.groups = frozenset(
        p["group"] for p in mention.get("perpetrators") or [] if p.get("group") and p["group"] not in routine
    )
    m.targets = frozenset(mention.get("targets") or [])
    if m.targets & WORSHIP_KINDS:
        # the worshippers one report counts as "people" another calls civilians: the same victims
        m.targets |= {"civilians"}
    m.killed = mention.get("killed")
    m.injured = mention.get("injured")
    if words is None:
        m.text, m.words = _text_words(mention, m.place)
    else:
        m.text, m.words = None, frozenset(words.split())
    return m


# ----------------------------------------------------------------------------- compatibility


def _location_ok(a: _M, b: _M) -> bool:
    for x, y in ((a.country, b.country), (a.province, b.province), (a.district, b.district)):
        if x is not None and y is not None and x != y:
            return False
    return True


_PREFIX_LENGTH = {1: 4, 2: 7, 3: 10}
#: Days between two compatible dates when not both are days, by the lower precision (none,
#: year, month): the first key of a mention's sorted neighbourhood (two day dates: their gap).
_GAPS = (365, 180, 15)


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
    if m.text is None:  # (see `_features`)
        m.text = default_process(_evidence_text(m.data.get("evidence")))
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
    # The parts are added up in a fixed order (date, location, method, perpetrators, targets,
    # casualties, place, text) so that the same pair always gets the same floating-point sum.
    weights = WEIGHTS
    # the common cases inline: two day dates, two districts (blocking made them equal), the same
    # known method
    if a.prec == 3 and b.prec == 3:
        date = (1.0, 0.8, 0.6)[min(abs(a.ordinal - b.ordinal), 2)]
    else:
        date = _date_part(a, b)
    location = 1.0 if a.district is not None and b.district is not None else _location_part(a, b)
    method = 1.0 if a.method == b.method != "unknown" else _method_part(a.method, b.method)
    parts: dict[str, float] = {"date": date, "location": location, "method": method}
    total = weights["date"] * date + weights["location"] * location + weights["method"] * method
    mass = weights["date"] + weights["location"] + weights["method"]
    if a.groups and b.groups:
        value = parts["perpetrators"] = len(a.groups & b.groups) / len(a.groups | b.groups)
        total += weights["perpetrators"] * value
        mass += weights["perpetrators"]
    if a.targets and b.targets:
        value = parts["targets"] = len(a.targets & b.targets) / min(len(a.targets), len(b.targets))
        total += weights["targets"] * value
        mass += weights["targets"]
    largest = None
    if a.killed is not None and b.killed is not None:
        if (a.prec < 3 or b.prec < 3) and a.killed and b.killed:
            # without two day dates, the tolls are what is left to tell incidents apart
            parts["vague_toll_ratio"] = min(a.killed, b.killed) / max(a.killed, b.killed)
        value = 1.0 if a.killed == b.killed else _count_part(a.killed, a.pub, b.killed, b.pub)
        largest = max(a.killed, b.killed)
        if a.injured is not None and b.injured is not None:
            value = (value + _count_part(a.injured, a.pub, b.injured, b.pub)) / 2
            largest = max(largest, a.injured, b.injured)
    elif a.injured is not None and b.injured is not None:
        value = _count_part(a.injured, a.pub, b.injured, b.pub)
        largest = max(a.injured, b.injured)
    if largest is not None:
        parts["casualties"] = value
        # agreeing on a toll of 40 says more than agreeing on a toll of 1
        weight = weights["casualties"] * min(1.0, 0.5 + 0.25 * math.log2(1 + largest))
        total += weight * value
        mass += weight
    place = bool(a.place and b.place and a.area_place == b.area_place)
    text = bool(a.words and b.words)
    extra = (weights["place"] if place else 0) + (weights["text"] if text else 0)
    if (total + extra) / (mass + extra) < threshold:
        return None
    if place:
        value = parts["place"] = _place_similarity(a.place, b.place)
        total += weights["place"] * value
        mass += weights["place"]
    if text:
        shared = sum(map(idf.__getitem__, a.words & b.words))
        smaller = min(a.weight, b.weight)
        value = parts["text"] = min(1.0, 1.5 * shared / smaller) if smaller > 0 else 0.0
        total += weights["text"] * value
        mass += weights["text"]
    return total / mass, parts


@lru_cache(maxsize=262_144)
def _place_similarity(x: str, y: str) -> float:
    """rapidfuzz WRatio of two processed place names, in [0, 1], remembered: the same few
    thousand names meet again and again."""
    return fuzz.WRatio(x, y) / 100.0


def _vetoed(parts: dict[str, float]) -> bool:
    """Two or more contradictions keep a pair apart whatever its score; so do tolls one of which
    is less than half the other when the pair is not dated to the day on both sides (a bombing
    that killed 5 is not one that killed 78 in the same city that year; a toll that rises
    within days does so between day-dated reports, or not by more than half)."""
    if parts.get("vague_toll_ratio", 1.0) < MIN_VAGUE_TOLL_RATIO:
        return True
    contradictions = (
        parts["method"] == 0.0,
        parts.get("targets", 1.0) == 0.0,
        parts.get("perpetrators", 1.0) == 0.0,
        parts.get("casualties", 1.0) < 0.6,
        parts.get("place", 1.0) < 0.5,
    )
    return sum(contradictions) >= 2


# ----------------------------------------------------------------------------- blocking


@lru_cache(maxsize=65_536)
def _loc_keys(country: str | None, province: str | None, district: str | None) -> tuple[tuple, ...]:
    """The place levels a mention is indexed under; the last, most specific, is the one it looks
    up. Two mentions are candidates when one's lookup key is among the other's keys."""
    keys: list[tuple] = [("*",)]
    if country is not None:
        keys.append(("c", country))
    if province is not None:
        keys.append(("p", country, province))
    if district is not None:
        keys.append(("d", country, district))
    return tuple(keys)


_NEVER = math.inf


class _Sweep:
    """Blocking in one pass over the mentions in time order, holding only a window of them.

    Mentions are added in order of the first day of their time span (`lo`; mentions with no
    time at all first). Each new mention finds its candidates among the mentions already added,
    so every pair is found exactly once, when its later mention arrives:
    - dated mentions (a day or a month) through indexes on (place key, day) and (place key,
      month), kept for the last `day_window` days and the last two months only;
    - vague mentions (a year or no date) through their rare words: an index of the live vague
      mentions by rare word, and the recent dated mentions by rare word (dated mentions have
      spans of at most a month, so a vague mention can reach back at most `max_gap` + 31 days);
      an undated mention also takes the dated mentions of its place in the month of its
      publication and the one before.
    A mention keeps its best `max_candidates` partners in a bounded heap (nearest date, most
    shared words, canonical position). No partner of a mention can start more than `max_gap`
    days after its span ends (`_time_ok`), so once the sweep is past `fin` = hi + max_gap its
    candidates are complete and `_final` is called with the partners it keeps. The subclass
    decides what to do with them; the sweep forgets the mention, and its features go once
    nothing refers to them.
    """

    def __init__(self, window: int, df: Counter, limit: int, max_candidates: int, max_gap: int):
        self.window, self.max_candidates, self.max_gap = window, max_candidates, max_gap
        self.rare = {w for w, n in df.items() if n <= limit}
        self.days: dict[int, dict[tuple, list[_M]]] = {}  # day -> place key -> day-dated mentions
        # the same by lookup key, for the mentions without a district only (see `add`)
        self.day_lookups: dict[int, dict[tuple, list[_M]]] = {}
        self.months: dict[str, dict[tuple, list[_M]]] = {}  # month -> key -> day/month dated
        self.month_lookups: dict[str, dict[tuple, list[_M]]] = {}
        self.month_only: dict[str, dict[tuple, list[_M]]] = {}  # month-dated mentions only
        self.month_only_lookups: dict[str, dict[tuple, list[_M]]] = {}
        self.undated: dict[str, dict[tuple, list[_M]]] = {}  # undated, by publication months
        self.vague: dict[str, list[_M]] = defaultdict(list)  # live vague mentions by rare word
        self.recent: dict[str, deque[_M]] = defaultdict(deque)  # dated mentions by rare word
        # dated mentions with no time span (a malformed date, nothing published): no time
        # bound keeps them from a vague mention, so they stay for the whole sweep
        self.timeless: dict[str, list[_M]] = defaultdict(list)
        # what is due when: time -> (mentions whose candidates are complete then, mentions
        # closed then), each in the order scheduled; `due_times` is a heap of those times. (A
        # heap of every mention cost a twentieth of the merge: its entries are compared as
        # tuples; the times are days, shared by many mentions.)
        self.due: dict[float, tuple[list[_M], list[_M]]] = {}
        self.due_times: list[float] = []
        self.now = -_NEVER
        self.tidy = -_NEVER  # when to drop the words of `recent` no vague mention asked for

    # -- adding a mention

    def add(self, m: _M) -> None:
        if m.lo is not None and m.lo > self.now:
            self._advance(m.lo)
        keys = _loc_keys(m.country, m.province, m.district)
        m.fin = m.hi + self.max_gap if m.hi is not None else _NEVER
        m.close, m.best, m.kept = m.fin, [], None
        lookup, others = keys[-1], keys[:-1]
        # the reverse indexes (by lookup key) only need mentions whose lookup key is coarser than
        # a district: a district key is the last of the other side's keys, found the other way
        coarse = m.district is None
        found: set[_M] = set()  # the order of the pairs does not matter: the heaps sort them
        if m.prec == 3:
            buckets = [(self.days, self.day_lookups, day)
                       for day in range(m.ordinal - self.window, m.ordinal + 1)]
            buckets.append((self.month_only, self.month_only_lookups, m.ym))
        elif m.prec == 2:
            buckets = [(self.months, self.month_lookups, m.ym)]
        else:
            buckets = []
        for index, by_lookup, when in buckets:
            # mentions indexed under m's lookup key, and mentions whose lookup key is one of m's
            bucket = index.get(when)
            if bucket:
                found.update(bucket.get(lookup, ()))
            bucket = by_lookup.get(when)
            if bucket:
                for key in others:
                    found.update(bucket.get(key, ()))
        words = m.words & self.rare
        for w in words:
            found.update(self.vague.get(w, ()))
        if m.prec <= 1:
            for w in words:
                found.update(self._recent(w))
                found.update(self.timeless.get(w, ()))
            if m.prec == 0 and m.hi is not None:
                for ym in _undated_months(m.hi):
                    found.update(self.months.get(ym, {}).get(lookup, ()))
        if m.prec >= 2 and m.ym in self.undated:
            # undated mentions published this month or the next take dated mentions of their place
            bucket = self.undated[m.ym]
            for key in keys:
                found.update(bucket.get(key, ()))
        self._offer(m, found)

        if m.prec == 3:
            _put(self.days, m.ordinal, keys, m)
            if coarse:
                _put(self.day_lookups, m.ordinal, (lookup,), m)
        elif m.prec == 2:
            _put(self.month_only, m.ym, keys, m)
            if coarse:
                _put(self.month_only_lookups, m.ym, (lookup,), m)
        if m.prec >= 2:
            _put(self.months, m.ym, keys, m)
            if coarse:
                _put(self.month_lookups, m.ym, (lookup,), m)
            for w in words:
                (self.recent if m.lo is not None else self.timeless)[w].append(m)
        else:
            for w in words:
                self.vague[w].append(m)
            if m.prec == 0 and m.hi is not None:
                for ym in _undated_months(m.hi):
                    _put(self.undated, ym, (lookup,), m)
        self._schedule(m.fin, 0, m)

    def _offer(self, m: _M, found: set[_M]) -> None:
        """Offer each found mention that can be m's partner to m's heap of best partners and m
        to its heap. Each heap is a max-heap of negated keys (nearest date, most shared words,
        canonical position), so the worst partner kept is on top. This runs for every
        candidate pair: _location_ok, _dates_ok and _time_ok are inlined."""
        window, max_gap, most = self.window, self.max_gap, self.max_candidates
        doc, country, province, district = m.doc, m.country, m.province, m.district
        prec, date, ordinal, lo, hi = m.prec, m.date, m.ordinal, m.lo, m.hi
        words, best, idx = m.words, m.best, m.idx
        for b in found:
            if b.doc == doc:
                continue
            x = b.district
            if x is not None and district is not None and x != district:
                continue
            x = b.province
            if x is not None and province is not None and x != province:
                continue
            x = b.country
            if x is not None and country is not None and x != country:
                continue
            if prec == 3 and b.prec == 3:
                gap = abs(ordinal - b.ordinal)
                if gap > window:
                    continue
            else:
                shortest = min(prec, b.prec)
                # (a missing date, precision 0, is compatible with any)
                length = _PREFIX_LENGTH.get(shortest)
                if length and date[:length] != b.date[:length]:
                    continue
                gap = _GAPS[shortest]
            if lo is not None and b.lo is not None and max(lo, b.lo) - min(hi, b.hi) > max_gap:
                continue
            shared = len(words & b.words)
            entry = (-gap, shared, -b.idx, b)
            if len(best) < most:
                heapq.heappush(best, entry)
            elif entry > best[0]:
                heapq.heapreplace(best, entry)
            entry = (-gap, shared, -idx, m)
            other = b.best
            if len(other) < most:
                heapq.heappush(other, entry)
            elif entry > other[0]:
                heapq.heapreplace(other, entry)
            # a partner may keep a mention until the partner is final
            if b.fin > m.close:
                m.close = b.fin
            if m.fin > b.close:
                b.close = m.fin

    def _recent(self, w: str) -> deque[_M]:
        """The dated mentions with rare word `w` that a vague mention added now can reach."""
        queue = self.recent.get(w)
        if queue is None:
            return deque()
        reach = self.now - self.max_gap - 31  # a dated span is at most 31 days long
        while queue and queue[0].lo < reach:
            queue.popleft()
        if not queue:
            del self.recent[w]
        return queue

    def _schedule(self, time: float, order: int, m: _M) -> None:
        """`m` is due at `time`: final (order 0) or closed (order 1)."""
        lists = self.due.get(time)
        if lists is None:
            lists = self.due[time] = ([], [])
            heapq.heappush(self.due_times, time)
        lists[order].append(m)

    def _run_due(self, before: float | None) -> None:
        """Finish what is due before `before` (None: everything, the mentions with no time
        span, due at `_NEVER`, included), earliest first; at one time the finals first,
        then the closed, each in the order scheduled (a final may close its mention at the
        same time: it joins the list of closed being run)."""
        times, due = self.due_times, self.due
        while times and (before is None or times[0] < before):
            time = times[0]
            finals, closed = due[time]
            for m in finals:
                self._due(time, 0, m)
            for m in closed:
                self._due(time, 1, m)
            heapq.heappop(times)
            del due[time]

    def _advance(self, now: int) -> None:
        """Move the sweep to day `now`: finish what is due before it, forget what is behind it."""
        self._run_due(now)
        self.now = now
        _forget(self.days, now - self.window)
        _forget(self.day_lookups, now - self.window)
        month = _date.fromordinal(now - 31).isoformat()[:7]  # nothing later looks further back
        for index in (self.months, self.month_lookups, self.month_only, self.month_only_lookups,
                      self.undated):
            _forget(index, month)
        if now >= self.tidy:
            # the recent dated mentions are trimmed when a vague mention looks them up; this
            # drops the words no vague mention asked for
            self.tidy = now + self.max_gap
            for w in list(self.recent):
                self._recent(w)

    def finish(self) -> None:
        """Everything is added: finish all that is left."""
        self._run_due(None)

    def _due(self, time: float, order: int, m: _M) -> None:
        if order == 0:
            if m.prec <= 1:
                for w in m.words & self.rare:
                    self.vague[w].remove(m)
            kept = [entry[3] for entry in m.best]  # (in any order: links are sorted later)
            m.best = None  # breaks the reference cycles between partners
            m.kept = {b.idx for b in kept}
            self._final(m, kept)
            self._schedule(m.close, 1, m)
        else:
            self._closed(m)

    def _final(self, m: _M, kept: list[_M]) -> None:
        """`m`'s candidates are complete; `kept` are the partners it keeps."""
        raise NotImplementedError

    def _closed(self, m: _M) -> None:
        """No pair with `m` can be found or kept any more (every partner is final)."""


def _undated_months(day: int) -> list[str]:
    """The month an undated mention was published in and the one before, in order."""
    return sorted({_date.fromordinal(back).isoformat()[:7] for back in (day, day - 31)})


def _put(index: dict, when: Any, keys: tuple, m: _M) -> None:
    bucket = index.get(when)
    if bucket is None:
        bucket = index[when] = {}
    for key in keys:
        bucket.setdefault(key, []).append(m)


def _forget(index: dict, before: Any) -> None:
    """Drop the buckets of days or months before `before` (there are a few at any time)."""
    for when in [when for when in index if when < before]:
        del index[when]


class _PairSweep(_Sweep):
    """The candidate pairs alone: (i, j), i < j, that either side keeps."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.pairs: set[tuple[int, int]] = set()

    def _final(self, m: _M, kept: list[_M]) -> None:
        for b in kept:
            self.pairs.add((m.idx, b.idx) if m.idx < b.idx else (b.idx, m.idx))


def _candidate_pairs(
    ms: list[_M], window: int, rare_df: int | None, max_candidates: int = DEFAULT_MAX_CANDIDATES,
    max_gap: int = DEFAULT_MAX_GAP_DAYS,
) -> set[tuple[int, int]]:
    """Unordered pairs (i < j) of features `ms` that blocking allows and either side keeps."""
    df: Counter = Counter()
    for m in ms:
        df.update(m.words)
    sweep = _PairSweep(window, df, _rare_limit(rare_df, len(ms)), max_candidates, max_gap)
    for m in sorted(ms, key=_sweep_order):
        sweep.add(m)
    sweep.finish()
    return sweep.pairs


def _rare_limit(rare_df: int | None, n: int) -> int:
    return rare_df if rare_df is not None else max(25, n // 1000)


def _sweep_order(m: _M) -> tuple:
    return (-1, m.idx) if m.lo is None else (m.lo, m.idx)


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
    ms: dict[int, _M], links: list[tuple[float, int, int, dict]], window: int,
    max_gap: int = DEFAULT_MAX_GAP_DAYS,
) -> list[_Cluster | _Single]:
    """Join `links` (best first) among the mentions `ms` (by canonical position) into events."""
    parent = {i: i for i in ms}
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
    return [clusters[i] if i in clusters else _Single(i) for i in sorted(ms) if parent[i] == i]


class _Pair:
    """Two mentions joined by their one link: an event of two (see `_MergeSweep._write`)."""

    __slots__ = ("members", "links")

    def __init__(self, i: int, j: int, score: float, parts: dict[str, float]) -> None:
        self.members = [i, j]
        self.links = [(i, j, score, parts)]


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
        if best is None or (m.get("published") or "") > (best.get("published") or ""):
            best = m  # (_recency inline: this runs for every field of every event)
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
    out["perpetrators"] = _strongest_perpetrators(mentions)
    targets = set().union(*(set(m.get("targets") or []) for m in mentions))
    out["targets"] = sorted(targets, key=_target_key)
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


def _strongest_perpetrators(mentions: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Each group once, with its strongest attribution (claimed > attributed > suspected),
    strongest first, then by group code."""
    strongest: dict[str, str] = {}
    for m in mentions:
        for p in m.get("perpetrators") or []:
            group, attribution = p.get("group"), p.get("attribution") or "suspected"
            if not group:
                continue
            old = strongest.get(group)
            if old is None or _ATTRIBUTION_RANK.get(attribution, 0) > _ATTRIBUTION_RANK.get(old, 0):
                strongest[group] = attribution
    return [
        {"group": g, "attribution": a}
        for g, a in sorted(strongest.items(), key=lambda ga: (-_ATTRIBUTION_RANK.get(ga[1], 0), ga[0]))
    ]


def _given(m: dict[str, Any], name: str, skip: Any = None) -> Any:
    """`_most_recent` of one mention: its value unless that counts as not stated."""
    value = m.get(name)
    if value is None or value == skip or value == [] or value == "":
        return None
    return value


def _single_event(mention: dict[str, Any], policy: str) -> dict[str, Any]:
    """`_event` of a mention that no link reaches, without the general path's comparisons
    across members: most mentions end up alone, and building their events was a sixth of the
    merge. Each field is what `_merged_fields` gives for a one-mention list (tests/test_merge.py
    checks the two against each other); `policy` does not matter with one figure per field."""
    m = mention
    out: dict[str, Any] = {"event_id": None}
    fields: dict[str, Any] = {}
    fields["event_type"] = _given(m, "event_type") or "attack"
    method = _given(m, "method", skip="unknown") or "unknown"
    fields["method"] = method
    suicide = m.get("suicide")
    fields["suicide"] = (bool(suicide) or method == "suicide_bombing") if suicide is not None else (
        True if method == "suicide_bombing" else None
    )
    fields["date"] = m["date"] if _precision(m.get("date")) else None
    for name in ("country", "province", "district"):
        fields[name] = _given(m, name)
    fields["place"] = m["place"] if m.get("place") else None
    fields["perpetrators"] = _strongest_perpetrators([m])
    targets = m.get("targets")
    fields["targets"] = sorted(set(targets), key=_target_key) if targets else []
    killed = m.get("killed")
    fields["killed"] = killed
    fields["injured"] = m.get("injured")
    fields["perpetrators_killed"] = m.get("perpetrators_killed")
    fields["qualifier"] = m.get("qualifier") if killed is not None else None
    for name in FIELD_NAMES:
        out[name] = fields[name]
    out.update(merged_coordinates([m], fields["place"], fields["district"]))
    out["killed_range"] = {"low": killed, "best": killed, "high": killed}
    out["merge"] = {"policy": policy, "links": []}
    out["mentions"] = [m]
    return out


_TARGET_RANK = {t: i for i, t in enumerate(_TARGET_ORDER)}


def _target_key(target: str) -> tuple:
    return (_TARGET_RANK.get(target, len(_TARGET_RANK)), target)


def _event(
    members: list[_M], links: list[tuple[int, int, float, dict]], policy: str
) -> dict[str, Any]:
    """The event of a cluster (`members` in canonical order); its id is given at the end."""
    position = {m.idx: n for n, m in enumerate(members)}
    group = [m.data for m in members]
    fields = _merged_fields(group, policy)
    event: dict[str, Any] = {"event_id": None}
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
            for i, j, score, parts in sorted(links, key=lambda l: (l[0], l[1]))
        ],
    }
    event["mentions"] = group
    return event


def _event_id(key: tuple, taken: set[str]) -> str:
    """The id of the event founded by the mention with canonical key `key`."""
    doc, start, end, text = key[:4]
    seed = f"{doc}\x00{start}\x00{end}\x00{text}"
    digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]
    counter = 1
    while f"ev-{digest}" in taken:  # two mentions with identical doc and evidence: rare, stable
        digest = hashlib.sha256(f"{seed}\x00{counter}".encode("utf-8")).hexdigest()[:16]
        counter += 1
    return f"ev-{digest}"


# ----------------------------------------------------------------------------- entry point


class _MergeSweep(_Sweep):
    """The sweep that scores the kept pairs, links them and writes an event as soon as no
    further link can reach it.

    Linked mentions form groups (the connected parts of the link graph, by union-find). A
    group is complete once every member is final and the sweep is past the `close` of each
    (when every partner that may keep a member is final too): then its links are clustered,
    best score first, exactly as they would be among all links of the input (a group's
    clusters depend on its own links only, taken in the same order), and its events are
    written. A mention that no link reaches is an event of its own.
    """

    def __init__(self, window: int, df: Counter, limit: int, max_candidates: int, max_gap: int,
                 idf: dict[str, float], threshold: float, policy: str):
        super().__init__(window, df, limit, max_candidates, max_gap)
        self.idf, self.threshold, self.policy = idf, threshold, policy
        self.parent: dict[int, int] = {}  # linked mention -> its parent in the union-find
        self.groups: dict[int, _Group] = {}  # root -> group
        # (founding mention's position, its canonical key, event): the key, not the features,
        # so that the features of written events can go
        self.written: list[tuple[int, tuple, dict[str, Any]]] = []

    def _group(self, m: _M) -> _Group | None:
        i = self.parent.get(m.idx)
        if i is None:
            return None
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return self.groups[i]

    def _final(self, m: _M, kept: list[_M]) -> None:
        group = self._group(m)
        if group is not None:
            group.open -= 1
            group.close = max(group.close, m.close)
        for b in kept:
            if b.kept is not None and m.idx in b.kept:
                continue  # b kept m too and scored the pair when it was final
            a, c = (m, b) if m.idx < b.idx else (b, m)
            scored = _score(a, c, self.idf, self.threshold)
            if scored is not None and scored[0] >= self.threshold and not _vetoed(scored[1]):
                self._link((round(scored[0], 4), a.idx, c.idx, scored[1]), a, c)

    def _link(self, link: tuple, a: _M, c: _M) -> None:
        x = self._group(a) or self._new_group(a)
        y = self._group(c) or self._new_group(c)
        x.links.append(link)
        if x is y:
            return
        if len(x.members) < len(y.members):
            x, y = y, x
        x.members += y.members
        x.links += y.links
        x.open += y.open
        x.close = max(x.close, y.close)
        self.parent[y.root] = x.root
        del self.groups[y.root]

    def _new_group(self, m: _M) -> _Group:
        group = self.groups[m.idx] = _Group(m)
        self.parent[m.idx] = m.idx
        return group

    def _closed(self, m: _M) -> None:
        if m.close is None:
            return  # written with its group already
        group = self._group(m)
        if group is None:
            m.close = None
            self.written.append((m.idx, m.key, _single_event(m.data, self.policy)))
        elif group.open == 0 and group.close <= m.close:
            del self.groups[group.root]
            for member in group.members:
                del self.parent[member.idx]
            self._write(group.members, group.links)

    def _write(self, members: list[_M], links: list[tuple]) -> None:
        by_idx = {member.idx: member for member in members}
        if len(members) == 2:
            # two mentions and their one link: blocking let the pair through only if their
            # documents, places, dates and time spans are compatible, which is all a join
            # checks, so they are one event (the commonest group; clustering it cost more than
            # building its event)
            score, i, j, parts = links[0]  # (a pair is scored once: one link)
            clusters = [_Pair(i, j, score, parts)]
        else:
            links.sort(key=lambda link: (-link[0], link[1], link[2]))
            clusters = _cluster(by_idx, links, self.window, self.max_gap)
        for cluster in clusters:
            ids = sorted(cluster.members)
            founder = by_idx[ids[0]]
            if len(ids) == 1:  # a linked mention that no join took: alone after all
                event = _single_event(founder.data, self.policy)
            else:
                event = _event([by_idx[i] for i in ids], cluster.links, self.policy)
            self.written.append((founder.idx, founder.key, event))
        for member in members:
            member.close = None

    def events(self) -> list[dict[str, Any]]:
        """The events, with their ids, sorted by (date, event_id)."""
        return _numbered(self.written)


def _numbered(written: list[tuple[int, tuple, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The written events with their ids (given in the order of their founders, so that two
    founders with one id seed resolve the same way however the events were made), sorted by
    (date, event_id)."""
    taken: set[str] = set()
    written.sort(key=lambda entry: entry[0])
    events = []
    for _, key, event in written:
        event["event_id"] = _event_id(key, taken)
        taken.add(event["event_id"])
        events.append(event)
    events.sort(key=lambda e: (e["date"] or "", e["event_id"]))
    return events


class _Group:
    """Mentions joined by links, while they may still gain links."""

    __slots__ = ("root", "members", "links", "open", "close")

    def __init__(self, m: _M) -> None:
        self.root, self.members, self.links = m.idx, [m], []
        final = m.kept is not None
        self.open = 0 if final else 1  # members not final yet
        self.close = m.close if final else -_NEVER  # the latest close of the final members


def merge_mentions(
    mentions: Iterable[dict[str, Any]],
    policy: str = "latest",
    *,
    threshold: float = DEFAULT_THRESHOLD,
    day_window: int = DEFAULT_DAY_WINDOW,
    rare_df: int | None = None,
    max_candidates: int = DEFAULT_MAX_CANDIDATES,
    max_gap_days: int = DEFAULT_MAX_GAP_DAYS,
    processes: int | None = None,
    parallel_min: int = PARALLEL_MIN_MENTIONS,
) -> list[dict[str, Any]]:
    """Merge mention dicts from many documents into event dicts (see the module docstring).

    policy: "latest" (the most recently published figure wins, EVENTS.md) or "conservative"
    (the lowest reported figure). threshold: the least pair score that links two mentions.
    day_window: how many days apart two day dates of one incident may be. rare_df: how many
    mentions a word may occur in and still pair a vague (year-only or undated) mention.
    max_candidates: how many partners each mention keeps for scoring (the blocking bound).
    max_gap_days: how many days apart the time spans of two mentions of one incident may lie.
    processes: how many processes sweep time segments at once (default: the CPUs, at most
    `MAX_PROCESSES`); they are used only for at least `parallel_min` mentions, and the result
    is the same for any number of them. Returns events sorted by (date, event_id).
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown merge policy {policy!r}; expected one of {POLICIES}")
    # The merge allocates millions of small objects, and the events it returns keep many of
    # them: the cyclic garbage collector would rescan the live ones again and again (a third of
    # the time at 100k mentions, and growing with N). The only reference cycles the merge makes
    # (two partners in each other's heaps) it breaks itself when a mention is final, so
    # reference counting frees the features of each window as the sweep leaves it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _merge(
            mentions, policy, threshold=threshold, day_window=day_window, rare_df=rare_df,
            max_candidates=max_candidates, max_gap_days=max_gap_days,
            processes=processes, parallel_min=parallel_min,
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
    processes: int | None,
    parallel_min: int,
) -> list[dict[str, Any]]:
    items = [dict(m) for m in mentions]
    keys = [_canonical_key(m) for m in items]
    counts = Counter(keys)
    keys = [k + ((_full_key(m),) if counts[k] > 1 else ("",)) for k, m in zip(keys, items)]
    keyed = sorted(zip(keys, items), key=lambda km: km[0])
    n = len(keyed)
    starts = [_when(mention) for _, mention in keyed]
    params = (policy, threshold, day_window, _rare_limit(rare_df, n), max_candidates, max_gap_days)
    workers = _processes(processes) if n >= parallel_min else 1
    if workers > 1 and None not in starts:
        # (a mention with no time at all may pair with any other: then one process does all)
        events = _merge_segments(keyed, starts, workers, params)
        if events is not None:
            return events

    # One streaming pass for what the sweep needs up front: the document frequency of every word
    # (idf is over all mentions). The features themselves are built when the sweep reaches a
    # mention and dropped once its event is written. The words are kept, space-separated (a
    # string is a tenth of a frozenset's memory), so that the sweep does not process each
    # evidence text a second time.
    df: Counter = Counter()
    packed = []
    for _, mention in keyed:
        place = mention.get("place")
        words = _text_words(mention, _processed(place) if place else "")[1]
        df.update(words)
        packed.append(" ".join(words))
    idf = _idf(df, n)
    sweep = _MergeSweep(day_window, df, params[3], max_candidates, max_gap_days, idf, threshold,
                        policy)
    for i in sorted(range(n), key=lambda i: (-1, i) if starts[i] is None else (starts[i], i)):
        key, mention = keyed[i]
        m = _features(i, mention, key, packed[i])
        packed[i] = None
        m.weight = sum(map(idf.__getitem__, m.words))
        sweep.add(m)
    sweep.finish()
    return sweep.events()


def _idf(df: Counter, n: int) -> dict[str, float]:
    return {w: math.log((1 + n) / (1 + count)) for w, count in df.items()}


# ----------------------------------------------------------------------------- time segments



def _processes(processes: int | None) -> int:
    if processes is not None:
        return max(1, processes)
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(MAX_PROCESSES, cpus))


def _segment_margin(max_gap: int) -> tuple[int, int]:
    """(reach, margin) in days. No candidate of a mention starts more than `reach` days
    before or after it (a span is at most a year long, and partners lie at most `max_gap` days
    beyond it). Whether a pair is scored depends on both partners' candidates, so a mention's
    links are those of the whole input when a segment's view holds every mention within
    2 * reach of it; the margin adds a year for groups of linked mentions that spread in time."""
    reach = max_gap + 366
    return reach, 2 * reach + 366


# What forked workers read: set before the pool starts, so the input is shared (copy on write)
# rather than sent to them.
_SHARED: dict[str, Any] = {}


def _merge_segments(
    keyed: list[tuple[tuple, dict]], starts: list[int], workers: int, params: tuple
) -> list[dict[str, Any]] | None:
    """The merge in `workers` processes, one time segment each; None when it cannot be done so
    (no fork on this platform, a worker failed, or a group of linked mentions spread wider than
    the margin).

    The mentions are cut into segments of equal count by the first day of their span. Each
    process finds the words of the mentions in its segment's view (the segment widened by a
    margin on either side, `_segment_margin`) once, counts those of its own segment (the parent
    sums the counts, so idf and rare words are over all mentions), sweeps the view and keeps the
    events whose earliest mention lies in its segment. Every link of such an event is one the
    whole sweep makes, so the events are the same as one process gives, for any number of
    processes and whatever their timing; a group wider than the margin would break that, and is
    refused (the merge then runs in one process)."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    context = multiprocessing.get_context("fork")
    n = len(keyed)
    order = sorted(range(n), key=lambda i: (starts[i], i))
    cuts = [starts[order[n * k // workers]] for k in range(1, workers)]
    bounds = list(zip([-_NEVER] + cuts, cuts + [_NEVER]))
    _SHARED.update(keyed=keyed, starts=starts, order=order, params=params)
    children = []
    try:
        for bound in bounds[1:]:
            mine, theirs = context.Pipe()
            child = context.Process(target=_segment_worker, args=(bound, theirs), daemon=True)
            child.start()
            theirs.close()
            children.append((child, mine))
        view = _SegmentView(bounds[0])
        df = view.count()
        for _, pipe in children:
            counted = pipe.recv()
            if counted is None:
                return None
            df.update(counted)
        idf = _idf(df, n)
        for _, pipe in children:
            pipe.send((df, idf))
        written = view.sweep(df, idf, sent=False)
        for _, pipe in children:
            part = pipe.recv()
            if written is None or part is None:
                return None
            for _, _, event in part:  # the mentions came back as positions (see below)
                event["mentions"] = [keyed[i][1] for i in event["mentions"]]
            written += part
    except (EOFError, OSError):  # a worker died (killed for memory, say): one process merges
        return None
    finally:
        _SHARED.clear()
        for child, pipe in children:
            pipe.close()
            child.join(timeout=5)
            if child.is_alive():
                child.kill()
                child.join()
    return _numbered(written)


def _segment_worker(bound: tuple[float, float], pipe: Any) -> None:
    """A forked process: the counts of its segment's words, then (given all counts) its events."""
    try:
        view = _SegmentView(bound)
        pipe.send(view.count())
        df, idf = pipe.recv()
        pipe.send(view.sweep(df, idf, sent=True))
    except Exception:  # the parent then merges in one process
        try:
            pipe.send(None)
        except OSError:
            pass
    finally:
        pipe.close()


class _SegmentView:
    """The mentions of a time segment [low, high) widened by the margin on either side."""

    def __init__(self, bound: tuple[float, float]) -> None:
        keyed, starts, order = _SHARED["keyed"], _SHARED["starts"], _SHARED["order"]
        self.keyed, self.starts, self.params = keyed, starts, _SHARED["params"]
        self.reach, margin = _segment_margin(self.params[5])
        self.low, self.high = bound
        first = bisect.bisect_left(order, self.low - margin, key=starts.__getitem__)
        last = bisect.bisect_left(order, self.high + margin, key=starts.__getitem__)
        self.view = order[first:last]
        self.safe = self.high + margin - 2 * self.reach  # (and low - margin + 2 * reach <= low)
        self.packed: list[str | None] = []

    def count(self) -> Counter:
        """The document frequencies of the words of the segment's own mentions; the words of the
        whole view are kept (space-separated) for the sweep."""
        df: Counter = Counter()
        low, high, starts = self.low, self.high, self.starts
        for i in self.view:
            mention = self.keyed[i][1]
            place = mention.get("place")
            words = _text_words(mention, _processed(place) if place else "")[1]
            if low <= starts[i] < high:
                df.update(words)
            self.packed.append(" ".join(words))
        return df

    def sweep(self, df: Counter, idf: dict[str, float], sent: bool
              ) -> list[tuple[int, tuple, dict[str, Any]]] | None:
        """The events whose earliest mention starts in the segment, from a sweep over the view;
        None when one of them reaches too far past the segment for its links to be certain.
        `sent`: the events go back to the parent process, so their mentions are given as
        canonical positions (the parent holds the dicts already)."""
        policy, threshold, window, limit, max_candidates, max_gap = self.params
        keyed, starts, packed = self.keyed, self.starts, self.packed
        sweep = _MergeSweep(window, df, limit, max_candidates, max_gap, idf, threshold, policy)
        for n, i in enumerate(self.view):
            key, mention = keyed[i]
            m = _features(i, mention, key, packed[n])
            packed[n] = None
            m.weight = sum(map(idf.__getitem__, m.words))
            sweep.add(m)
        sweep.finish()
        position = {id(keyed[i][1]): i for i in self.view}
        written = []
        for founder, key, event in sweep.written:
            members = [position[id(mention)] for mention in event["mentions"]]
            days = [starts[i] for i in members]
            if not self.low <= min(days) < self.high:
                continue  # another segment's event
            if max(days) > self.safe:
                return None
            if sent:
                event["mentions"] = members
            written.append((founder, key, event))
        return written


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
