"""Date resolution: DATE/TIME entities resolved against the document's publication date.

Each resolved phrase is stored on `doc._.incidents_dates` as a plain dict
`{start, end, text, value, precision, relative, year_inferred}` where `value` is `YYYY-MM-DD`,
`YYYY-MM` or `YYYY` (as precise as the phrase allows) and `relative` is "same_day" for phrases
such as "hours earlier" that point at the date of the incident just described.

Only candidate phrases are parsed (never whole sentences): dateparser is slow on strings it cannot
parse. Common shapes are handled by regular expressions; dateparser resolves the rest.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import load_lexicon
from . import work
from .extensions import doc_text, register_extensions

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
#: "3 June", "10 and 11 May 2019" (groups: day, month, year) and "June 3", "May 10 and 11"
#: (month, day, year), for a month alternation
_DAY_MONTH_SOURCE = r"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|/|and|to|&)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?({months})\.?(?:,?\s+(\d{{4}}))?\b"
_MONTH_DAY_SOURCE = r"\b({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|/|and|to|&)\s*\d{{1,2}})?(?:,?\s+(\d{{4}}))?\b"
DAY_MONTH = re.compile(_DAY_MONTH_SOURCE.format(months=_MONTH_RE))
MONTH_DAY = re.compile(_MONTH_DAY_SOURCE.format(months=_MONTH_RE))
_NAMED_MONTH_RE = "|".join(sorted({name.capitalize() for name in MONTHS if len(name) > 2}, key=len, reverse=True))
#: the same dates with the month written with its capital, looked for in the text as written
DAY_OF_NAMED_MONTH = re.compile(
    _DAY_MONTH_SOURCE.format(months=_NAMED_MONTH_RE) + "|" + _MONTH_DAY_SOURCE.format(months=_NAMED_MONTH_RE)
)
MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?,?\s+(\d{{4}})\b")
STAMP_LABEL = re.compile(r"^\s*(?:(?:date|dated|published|posted|updated|last updated)\s*:?\s*)?$", re.I)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
#: "27-04-2024", "27/04/2024", "27.04.2024": written day first, as Pakistan's police and press
#: do; a first number above 12 can only be the month's ("04/27/2024")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})([-/.])(\d{1,2})\2(\d{4})\b")
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
MONTH_ONLY = re.compile(rf"^(?:in\s+|on\s+|early\s+|late\s+|mid-?\s*)?({_MONTH_RE})$")
#: words that may open a sentence before the date of a chronology's step ("In January 2023, ...")
NARRATIVE_OPENERS = frozenset({"in", "on", "during", "by", "early", "late", "then", "and", "but"})
#: "two days ago": how many days back from the page's date
DAYS_AGO = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
DAYS_AGO_PHRASE = re.compile(rf"({'|'.join(DAYS_AGO)}) days? ago")
#: "a few days ago": no count of days, a few of them
FEW_DAYS_AGO = re.compile(r"(?:a few|few|several|some|a couple of) days ago")
#: "a week ago": some day of last week, read as "last week" is
WEEK_AGO = re.compile(r"^(a|one) week ago$")
WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
#: "Last evening", which the base model leaves untagged where it tags "last night".
LAST_EVENING = re.compile(r"\b[Ll]ast evening\b")
#: "Militants attacked a post overnight": the night before the page, as "last night" is; the
#: base model tags neither.
OVERNIGHT = re.compile(r"\b[Oo]vernight\b")
WEEKDAY_NAME = re.compile(r"\b(?:(?:[Ll]ast|[Oo]n|[Ll]ate|[Ee]arly) )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
#: Phrases about periods, not days: they never date an incident.
#: Text just before the date of a cited source: an italic outlet name or a quoted title.
CITATION_BEFORE = re.compile(r"(\*[^*\n]{1,60}\*|[\"”’][^\n]{0,3}|\b(?:Dawn|Reuters|AFP|AP|The News|Express Tribune|Al Jazeera|BBC|Geo News|Xinhua|Report|Commentary|Briefing)),?\s*$")
#: A date phrase is at most this long ("the night between Tuesday, March 4, 2025 and
#: Wednesday"); a longer DATE entity is a misreading and is not resolved.
MAX_DATE_PHRASE_CHARS = 100
#: Phrases sent to dateparser (the last resort): at most this many characters and words.
#: dateparser takes seconds on some strings it cannot parse.
MAX_DATEPARSER_CHARS = 40
MAX_DATEPARSER_WORDS = 6
PERIOD_WORDS = re.compile(
    r"\b(years|decades|months|weeks|recent|since|past|decade|century|season|quarter|ago|"
    r"period|era|annual|daily|weekly|every|each|between|through|until|till|-old|old)\b"
)


def _month_of_days(first: date, last: date, inferred: bool) -> tuple:
    """Some day from `first` to `last`, told no nearer: their month where they lie in one, else
    no date."""
    if (first.year, first.month) != (last.year, last.month):
        return None, None, None, False
    return f"{last.year:04d}-{last.month:02d}", "month", None, inferred


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _latest_on_or_before(candidate_year: int, month: int, day: int, limit: date) -> date | None:
    """The month-day in `candidate_year`, moved back a year if it falls after `limit`."""
    found = _safe_date(candidate_year, month, day)
    if found and found > limit:
        found = _safe_date(candidate_year - 1, month, day)
    return found


@lru_cache(maxsize=20000)
def resolve_date_phrase(
    text: str, published: str | None, reference: str | None = None, use_dateparser: bool = True
) -> tuple[str | None, str | None, str | None, bool]:
    """Resolve one date phrase. Returns (value, precision, relative, year_inferred).
    dateparser, the last resort, is asked only when `use_dateparser`.

    `published` is the document's publication date (ISO) or None; `reference` is the latest
    explicit date found in the document's own text, used for the year when `published` is None.
    A phrase that counts back past the first day the calendar has ("on Friday" in a document
    dated 0001-01-01) resolves to nothing.
    """
    try:
        return _resolve_date_phrase(text, published, reference, use_dateparser)
    except OverflowError:
        return None, None, None, False


def _resolve_date_phrase(
    text: str, published: str | None, reference: str | None, use_dateparser: bool
) -> tuple[str | None, str | None, str | None, bool]:
    if len(text) > MAX_DATE_PHRASE_CHARS:
        return None, None, None, False
    lexicon = load_lexicon()
    phrase = " ".join(text.lower().replace("’", "'").split())
    pub = _parse_iso(published)
    # a page dated only by its month ("2021-10"): a weekday or "yesterday" falls in that month
    month_published = published if pub is None and published and _parse_iso(published + "-01") else None
    ref = _parse_iso(reference) or (_parse_iso(month_published + "-01") if month_published else None)
    anchor = pub or ref
    inferred = pub is None

    if any(cue in phrase for cue in lexicon.same_day_cues):
        return None, None, "same_day", False

    match = ISO_DATE.search(phrase)
    if match:
        found = _safe_date(*map(int, match.groups()))
        return (found.isoformat(), "day", None, False) if found else (None, None, None, False)

    match = NUMERIC_DATE.search(phrase)
    if match:
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        day, month = (second, first) if first <= 12 < second else (first, second)
        found = _safe_date(year, month, day)
        return (found.isoformat(), "day", None, False) if found else (None, None, None, False)

    for pattern, order in ((DAY_MONTH, "dm"), (MONTH_DAY, "md")):
        match = pattern.search(phrase)
        if not match:
            continue
        if order == "dm":
            day, month, year = int(match.group(1)), MONTHS[match.group(2)], match.group(3)
        else:
            month, day, year = MONTHS[match.group(1)], int(match.group(2)), match.group(3)
        if year:
            found = _safe_date(int(year), month, day)
            return (found.isoformat(), "day", None, False) if found else (None, None, None, False)
        if anchor is None:
            return None, None, None, False
        named_year = re.search(r"\b(last|this) year\b", phrase)
        if named_year:  # "on March 27 last year"
            found = _safe_date(anchor.year - (named_year.group(1) == "last"), month, day)
            return (found.isoformat(), "day", None, inferred) if found else (None, None, None, False)
        if pub is not None:
            found = _latest_on_or_before(pub.year, month, day, pub)
        else:
            # Undated document: of the years around the latest explicit date the text gives,
            # take the one that puts the day nearest to it.
            options = [_safe_date(year, month, day) for year in (ref.year - 1, ref.year, ref.year + 1)]
            found = min((o for o in options if o), key=lambda o: abs((o - ref).days), default=None)
        return (found.isoformat(), "day", None, inferred) if found else (None, None, None, False)

    match = MONTH_YEAR.search(phrase)
    if match:
        return f"{int(match.group(2)):04d}-{MONTHS[match.group(1)]:02d}", "month", None, False

    night_of_two = re.search(r"\bnight (?:between|of) (\w+) and (\w+)\b", phrase)
    if night_of_two and WEEKDAY.fullmatch(night_of_two.group(1)) and WEEKDAY.fullmatch(night_of_two.group(2)):
        # "on the night between Saturday and Sunday": the night began on the first day
        phrase = night_of_two.group(1)
    days_ago = DAYS_AGO_PHRASE.fullmatch(phrase)
    if days_ago and pub is not None:  # "two days ago": that day, counted back from the page's
        return (pub - timedelta(days=DAYS_AGO[days_ago.group(1)])).isoformat(), "day", None, False
    if FEW_DAYS_AGO.fullmatch(phrase) and pub is not None:
        # "a few days ago": two to seven days back
        return _month_of_days(pub - timedelta(days=7), pub - timedelta(days=2), False)
    if PERIOD_WORDS.search(phrase) and not (re.search(r"\b(last|this) (week|month|year)\b", phrase) or WEEK_AGO.match(phrase)):
        return None, None, None, False

    match = WEEKDAY.search(phrase)
    month_named = [MONTHS[w] for w in re.findall(r"[a-z]+", phrase) if w in MONTHS and len(w) > 3]
    if match and month_named and anchor is not None:
        # "the last Friday of February": the month is what the phrase pins down
        month = month_named[0]
        year = anchor.year if month <= anchor.month or pub is None else anchor.year - 1
        return f"{year:04d}-{month:02d}", "month", None, inferred
    if match:
        if month_published:
            return month_published, "month", None, False
        if pub is None:
            return (f"{ref.year:04d}", "year", None, True) if ref else (None, None, None, False)
        back = (pub.weekday() - WEEKDAYS[match.group(1)]) % 7
        if "last" in phrase.split() and back == 0:
            back = 7
        return (pub - timedelta(days=back)).isoformat(), "day", None, False

    if month_published and re.search(r"\b(day before yesterday|yesterday|last night|last evening|overnight|today|tonight|this morning|this afternoon|this evening|earlier today)\b", phrase):
        return month_published, "month", None, False
    if re.search(r"\bday before yesterday\b", phrase):
        return _relative_day(pub, ref, 2)
    if re.search(r"\b(yesterday|last night|last evening|overnight)\b", phrase):
        return _relative_day(pub, ref, 1)
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening|earlier today)\b", phrase):
        return _relative_day(pub, ref, 0)
    match = re.search(rf"\b({_MONTH_RE}) (this|last) year\b", phrase)
    if match and anchor is not None:  # "in September this year", "May last year"
        year = anchor.year - (1 if match.group(2) == "last" else 0)
        return f"{year:04d}-{MONTHS[match.group(1)]:02d}", "month", None, inferred
    if re.search(r"\blast week\b", phrase) or WEEK_AGO.match(phrase):
        if anchor is None:
            return None, None, None, False
        week_ago = anchor - timedelta(days=7)
        return f"{week_ago.year:04d}-{week_ago.month:02d}", "month", None, inferred
    if re.search(r"\bthis week\b", phrase):
        # "earlier this week": some day before the anchor in its week
        if anchor is None:
            return None, None, None, False
        return _month_of_days(anchor - timedelta(days=anchor.weekday()), anchor - timedelta(days=1), inferred)
    if re.search(r"\bweekend\b", phrase):
        # "over the weekend": the Saturday and Sunday before the anchor
        if anchor is None:
            return None, None, None, False
        sunday = anchor - timedelta(days=(anchor.weekday() + 1) % 7)  # the anchor itself on a Sunday
        return _month_of_days(sunday - timedelta(days=1), sunday, inferred)
    if re.search(r"\b(last|this) month\b", phrase):
        if anchor is None:
            return None, None, None, False
        month_date = anchor.replace(day=1)
        if "last" in phrase:
            month_date = month_date - timedelta(days=1)
        day_of = re.search(r"\b(\d{1,2})(?:st|nd|rd|th) of (?:last|this) month\b", phrase)
        if day_of and (found := _safe_date(month_date.year, month_date.month, int(day_of.group(1)))) and found <= anchor:
            return found.isoformat(), "day", None, inferred  # "on the 4th of this month"
        return f"{month_date.year:04d}-{month_date.month:02d}", "month", None, inferred
    if re.search(r"\b(last|this) year\b", phrase):
        if anchor is None:
            return None, None, None, False
        year = anchor.year - (1 if "last" in phrase else 0)
        return f"{year:04d}", "year", None, inferred

    match = MONTH_ONLY.match(phrase)
    if match:
        if anchor is None:
            return None, None, None, False
        month = MONTHS[match.group(1)]
        year = anchor.year if month <= anchor.month or pub is None else anchor.year - 1
        return f"{year:04d}-{month:02d}", "month", None, inferred

    match = YEAR.search(phrase)
    if match and len(phrase) <= 16:
        return match.group(1), "year", None, False

    if use_dateparser and anchor is not None and any(name in phrase for name in MONTHS if len(name) > 3):
        return _dateparser_fallback(phrase, anchor, inferred)
    return None, None, None, False


def _relative_day(pub: date | None, ref: date | None, days_back: int):
    if pub is None:
        return (f"{ref.year:04d}", "year", None, True) if ref else (None, None, None, False)
    return (pub - timedelta(days=days_back)).isoformat(), "day", None, False


def _month_after(phrase: str, told: str, published: str | None) -> str | None:
    """The month a bare month name (`phrase`: "In July") falls in after the month `told`
    (YYYY-MM) of a date told with its year: the first such month from it on, no later than the
    publication's. None for any other phrase."""
    match = MONTH_ONLY.match(" ".join(phrase.lower().split()))
    if not match:
        return None
    year, told_month = int(told[:4]), int(told[5:7])
    month = MONTHS[match.group(1)]
    value = f"{year + (month < told_month):04d}-{month:02d}"
    return value if published is None or value <= published[:7] else None


def _dateparser_fallback(phrase: str, anchor: date, inferred: bool):
    import datetime as _dt

    import dateparser

    if len(phrase) > MAX_DATEPARSER_CHARS or len(phrase.split()) > MAX_DATEPARSER_WORDS:
        return None, None, None, False
    work.count("dateparser", phrase)
    parsed = dateparser.parse(
        phrase,
        languages=["en"],
        settings={
            "RELATIVE_BASE": _dt.datetime(anchor.year, anchor.month, anchor.day),
            "REQUIRE_PARTS": ["month"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:
        return None, None, None, False
    found = parsed.date()
    if found > anchor:
        found = found.replace(year=found.year - 1)
    return f"{found.year:04d}-{found.month:02d}", "month", None, inferred


def latest_explicit_date(text: str) -> str | None:
    """The latest date with a year written in `text` (ISO, possibly month or year precision
    padded to the first day). Used as the reference year when a document has no publication date."""
    latest: date | None = None
    lowered = text.lower()
    for match in DAY_MONTH.finditer(lowered):
        if match.group(3):
            found = _safe_date(int(match.group(3)), MONTHS[match.group(2)], int(match.group(1)))
            latest = max(filter(None, [latest, found]), default=None)
    for match in MONTH_DAY.finditer(lowered):
        if match.group(3):
            found = _safe_date(int(match.group(3)), MONTHS[match.group(1)], int(match.group(2)))
            latest = max(filter(None, [latest, found]), default=None)
    for match in MONTH_YEAR.finditer(lowered):
        found = _safe_date(int(match.group(2)), MONTHS[match.group(1)], 1)
        latest = max(filter(None, [latest, found]), default=None)
    if latest is None:
        years = [int(y) for y in YEAR.findall(lowered)]
        if years:
            latest = date(max(years), 1, 1)
    return latest.isoformat() if latest else None


class DateResolver:
    """Finds date phrases (DATE and TIME entities) and resolves them."""

    def __init__(self, nlp: Language, name: str, labels: list[str]):
        register_extensions()
        self.name = name
        self.labels = set(labels)

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.incidents_published
        document_reference = doc._.incidents_reference_date
        # In an undated text a yearless date takes its year from the nearest explicit date
        # told before it ("December 2024 - strikes on the night of December 24 ...").
        local_reference = None
        told_year = None  # (YYYY-MM, start of its paragraph) of the last date told with its year
        text = doc_text(doc)  # built once, not per entity
        allowance = work.Allowance(len(text))
        found = []
        for ent in self._date_phrases(doc):
            before = text[max(0, ent.start_char - 80) : ent.start_char]
            if re.search(r"\b(since|until|till|before)\s*$", before.lower()) and not re.match(
                r",?\s*when\b", text[ent.end_char : ent.end_char + 8]
            ):
                continue  # "since 2021" starts a period; it dates nothing ("since January, when ..." does)
            if CITATION_BEFORE.search(before):
                # the date of a cited article ("*Dawn*, 12 November 2024"), not of an incident
                continue
            line_before = text[text.rfind("\n", 0, ent.start_char) + 1 : ent.start_char]
            if (
                STAMP_LABEL.match(line_before)
                and not text[: ent.start_char].strip("\n ").count("\n")
                and YEAR.search(ent.text)
            ):
                # "date 2021-07-14 ..." opening the text: when it was published, not an incident
                # (a stamp is a full date; "Last Saturday, ..." opening a lead dates the story)
                continue
            reference = local_reference or document_reference
            phrase = ent.text
            iso = ISO_DATE.match(text, ent.start_char)
            if iso and iso.end() > ent.end_char:
                phrase = iso.group(0)  # the model cut "2021-07-14" at "2021-07"
            lead = re.search(r"\b(earlier|later) in\s*$", before.lower())
            if lead and phrase.lower() in load_lexicon().day_part_phrases:
                phrase = f"{lead.group(1)} in {phrase}"  # "earlier in the day": the day of the story
            calls = work.COUNTS["dateparser_calls"]
            value, precision, relative, inferred = resolve_date_phrase(
                phrase, published, reference, allowance.left > 0
            )
            allowance.left -= work.COUNTS["dateparser_calls"] - calls
            if value is None and relative is None:
                continue
            paragraph = text.rfind("\n", 0, ent.start_char) + 1
            if precision == "month" and told_year is not None and told_year[1] == paragraph:
                # "In January 2023, ... In July, ... in December, ...": a bare month in the
                # paragraph of a year told before it follows that year's story
                value = _month_after(phrase, told_year[0], published) or value
            # the words of its sentence before the date (the sentence as the text's punctuation
            # ends it: the date stage may run before the parser)
            opener = re.split(r"[.!?]\s|\n", text[paragraph : ent.start_char])[-1].lower().split()
            if value and YEAR.search(ent.text) and precision in {"day", "month", "year"} and all(
                word in NARRATIVE_OPENERS for word in opener
            ):
                # a chronology's step opens its sentence ("In January 2023, ..."); a year inside
                # a clause ("surged since the Taliban took Kabul in August 2021") sets none
                told_year = ((value + "-01")[:7], paragraph)
            if published is None and value and YEAR.search(ent.text):
                local_reference = (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]
            found.append(
                {
                    "start": ent.start_char,
                    "end": ent.end_char,
                    "token": ent.start,
                    "text": ent.text,
                    "value": value,
                    "precision": precision,
                    "relative": relative,
                    "year_inferred": inferred,
                }
            )
        doc._.incidents_dates = found
        return doc

    @staticmethod
    def _overnight(doc: Doc, text: str, phrases: list) -> list:
        """"Militants attacked the post overnight": the night before the page, where the word
        tells when something was done (an adverb on a verb not negated: "it did not happen
        overnight" is the idiom) and its sentence has no other date, which says more (the day
        something was said, "officials said on Tuesday", says nothing of the night)."""
        speaker_verbs = load_lexicon().speaker_verbs

        def when_said(phrase) -> bool:
            head = phrase.root.head
            if head.dep_ == "prep":
                head = head.head
            return head.lemma_.lower() in speaker_verbs

        words = []
        for match in OVERNIGHT.finditer(text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or len(span) != 1:
                continue
            word = span[0]
            if word.dep_ == "advmod" and word.head.pos_ == "VERB" and not any(c.dep_ == "neg" for c in word.head.children):
                words.append(span)
        if not words:
            return []
        # the sentences that tell a day of their own, each phrase placed by its start (once each)
        starts = [sent.start for sent in doc.sents]
        dated = {bisect_right(starts, p.start) for p in phrases if not when_said(p)}
        return [span for span in words if bisect_right(starts, span.start) not in dated]

    def _date_phrases(self, doc: Doc) -> list:
        """The DATE/TIME entities, and the dates the model left untagged: weekdays ("Last
        Saturday, ...", "the market Wednesday": a capitalised weekday is a date whatever its
        sentence), "last evening" and days of a capitalised month ("on the night of 10 and 11 May", of which
        the model tags only "the night"; a date the model tore into pieces is read whole)."""
        # "overnight" is read by its own rule below, whether the model tagged it or not
        phrases = [ent for ent in doc.ents if ent.label_ in self.labels and not OVERNIGHT.fullmatch(ent.text)]
        covered = {i for ent in phrases for i in range(ent.start, ent.end)}
        text = doc_text(doc)
        for pattern in (WEEKDAY_NAME, DAY_OF_NAMED_MONTH, LAST_EVENING):
            for match in pattern.finditer(text):
                span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if span is None:
                    continue
                inside = [p for p in phrases if p.start < span.end and span.start < p.end]
                if pattern is DAY_OF_NAMED_MONTH and inside and all(
                    span.start <= p.start and p.end <= span.end and len(p) < len(span) for p in inside
                ):
                    # "the night of October 7 and 8", of which the model tags "8" alone, or "7
                    # and" and "October" apart: the whole date, in place of its pieces
                    phrases = [p for p in phrases if p not in inside]
                    covered.difference_update(i for p in inside for i in range(p.start, p.end))
                if not covered.intersection(range(span.start, span.end)):
                    phrases.append(span)
                    covered.update(range(span.start, span.end))
        phrases.extend(self._overnight(doc, text, phrases))
        phrases.sort(key=lambda span: span.start)
        joined = []
        for phrase in phrases:
            last = joined[-1] if joined else None
            if last is not None and last[-1].lower_ == "and" and last.end == phrase.start:
                # "the intervening night of Saturday and" + "Sunday": the model tore one date in
                # two at its "and"; read whole, it is the night that began on Saturday
                joined[-1] = doc[last.start : phrase.end]
            elif (
                last is not None and last.end + 1 == phrase.start and doc[last.end].lower_ == "and"
                and last.start >= 2 and doc[last.start - 1].lower_ in {"between", "of"} and doc[last.start - 2].lower_ == "night"
            ):
                # "the night" + "between" + "Saturday" + "and" + "Sunday": the night and its two days
                night = last.start - 2
                joined = [p for p in joined[:-1] if p.end <= night]
                joined.append(doc[night : phrase.end])
            elif (
                last is not None and last.end + 1 == phrase.start and doc[last.end].lower_ == "and"
                and any(t.lower_ == "night" and t.i + 1 < last.end and doc[t.i + 1].lower_ in {"between", "of"} for t in last)
            ):
                # "the intervening night of Saturday" + "and" + "Sunday": one night, as above
                joined[-1] = doc[last.start : phrase.end]
            else:
                joined.append(phrase)
        return joined


@Language.factory(
    "incidents_dates",
    assigns=["doc._.incidents_dates"],
    requires=["doc.ents"],
    default_config={"labels": ["DATE", "TIME"]},
)
def make_date_resolver(nlp: Language, name: str, labels: list[str]) -> DateResolver:
    return DateResolver(nlp, name, labels)
