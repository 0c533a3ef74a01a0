"""The cheap first pass of two-pass extraction: which parts of a text can hold an incident.

The parser and the tagger are most of the cost of the incident pipeline, and they are needed
only where an incident can be told. The first pass runs what is cheap - the tokenizer, rule-based
sentence boundaries (spaCy's `sentencizer` and the line-break stage), the diacritics fold and the
two span rulers of the full pipeline (entities and attack triggers, the same component objects) -
and marks the sentences that can open an incident: an attack trigger, or a casualty word (an
inflection of a `casualty_outcomes` lemma of patterns/lexicon.json; the first pass has no
lemmatizer). An incident cannot open without one of those (`_can_open` in the event stage), so a
text without any is not parsed at all; a text none of whose words is a casualty word or a word
that every match of some trigger pattern needs (`trigger_anchors`) does not even go through the
rulers.

Around each such sentence a window of context is kept, plus what the discourse rules read away
from the attack sentences: the lead (headline, dateline), headings (they close the story being
told), sentences that name a group (claims attach to the incident being told), sentences with a
month, a weekday or a year (a scene, or the year of the dates that follow, can be set by a
sentence without attack words) and sentences that name a place next to a number.
Everything else is blanked - every character but whitespace replaced by a space - so the full
pipeline reads a text of the same length, with the same offsets and line breaks, in which a
blanked paragraph is a token or two. Evidence is still quoted from the original text.

The settings live in models/config.cfg under [incidents.prefilter]; the irregular inflections
the rule-based forms miss ("shot", "slain", "lost") in patterns/prefilter.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import srsly
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc

from .resources import data_path

_NON_SPACE = re.compile(r"\S")
_MONTH = re.compile(
    r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(uary|ruary|ch|il|e|y|ust|tember|ober|ember)?\.?$"
)
_YEAR = re.compile(r"^(19|20)\d\d$")
_DAY = re.compile(r"^(mon|tues|wednes|thurs|fri|satur|sun|yester|to)day$|^tonight$|^overnight$")
_HEADING_END = re.compile(r"[.!?:;,\"'”’)]$")


@dataclass(frozen=True)
class PrefilterSettings:
    """How much a window keeps (models/config.cfg [incidents.prefilter])."""

    enabled: bool = True
    #: sentences kept before and after each sentence with an attack or casualty word
    context_sentences: int = 2
    #: first sentences of a text kept whenever it has a candidate (headline, dateline, lead)
    lead_sentences: int = 3
    #: a line shorter than this, without a closing full stop, is a heading and is kept
    heading_chars: int = 160

    @classmethod
    def from_config(cls, section: dict | None) -> "PrefilterSettings":
        section = dict(section or {})
        unknown = set(section) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown [incidents.prefilter] settings: {', '.join(sorted(unknown))}")
        return cls(**section)


def lower_as_lemma(doc: Doc) -> Doc:
    """The first pass has no lemmatizer: each token's lemma is its lower-case form, so that the
    trigger ruler's LEMMA patterns match their base form (other forms are cue words)."""
    doc.from_array([LEMMA], doc.to_array([LOWER]))
    return doc


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a lemma ("kill" -> killed, kills, killing, killer...)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing", lemma + "er", lemma + "ers"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma[:-1] + "ed"}
    if lemma.endswith("ie"):
        forms.add(lemma[:-2] + "ying")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "stab" -> stabbed
    return forms


class CueWords:
    """Surface forms of the casualty lemmas and of the LEMMA trigger patterns."""

    def __init__(self, lemmas: set[str], irregular: dict[str, list[str]]) -> None:
        self.forms: set[str] = set()
        self.prefixes: tuple[str, ...] = tuple(sorted(lemma for lemma in lemmas if len(lemma) >= 5))
        for lemma in lemmas:
            self.forms |= inflections(lemma)
            self.forms |= set(irregular.get(lemma, []))

    def __contains__(self, word: str) -> bool:
        return word in self.forms or word.startswith(self.prefixes)


def cue_words(patterns_dir: str | None = None) -> CueWords:
    folder = data_path("patterns") if patterns_dir is None else Path(patterns_dir)
    lexicon = srsly.read_json(folder / "lexicon.json")
    lemmas = {w.lower() for words in lexicon["casualty_outcomes"].values() for w in words}
    for pattern in srsly.read_jsonl(folder / "triggers.jsonl"):
        for token in pattern["pattern"] if isinstance(pattern["pattern"], list) else []:
            lemma = token.get("LEMMA")
            if isinstance(lemma, str):
                lemmas.add(lemma.lower())
            elif isinstance(lemma, dict):
                lemmas |= {value.lower() for value in lemma.get("IN", [])}
    irregular_file = folder / "prefilter.json"
    if not irregular_file.is_file():
        irregular_file = data_path("patterns") / "prefilter.json"
    irregular = srsly.read_json(irregular_file)["irregular_forms"]
    return CueWords(lemmas, irregular)


class Prefilter:
    """The first pass: `window_text(text)` is the text to parse, or None when nothing in it can
    be an incident."""

    def __init__(self, nlp: Language, settings: PrefilterSettings, patterns_dir: str | None = None) -> None:
        from spacy.pipeline import Sentencizer

        from .components.lines import mark_line_breaks

        self.settings = settings
        self.cues = cue_words(patterns_dir)
        self.make_doc = nlp.make_doc
        # the full pipeline's own tokenizer and ruler objects (no second Language to build)
        self.stages = [Sentencizer(), mark_line_breaks, lower_as_lemma] + [
            nlp.get_pipe(name) for name in ("incidents_fold_diacritics", "incidents_entities", "incidents_triggers")
        ]
        self.triggers_key = nlp.get_pipe("incidents_triggers").key
        self.anchors = trigger_anchors(nlp.get_pipe("incidents_triggers").patterns)

    def light(self, text: str) -> Doc:
        """The first pass over `text`: tokens, rule-based sentences, entities and triggers."""
        return self._annotate(self.make_doc(text))

    def _annotate(self, doc: Doc) -> Doc:
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def could_hold_incident(self, doc: Doc) -> bool:
        """Whether some token of `doc` is a cue word or a word every match of some trigger
        pattern needs: when none is, no sentence can be a candidate, and the rulers need not run."""
        if self.anchors is None:
            return True
        anchors, cues = self.anchors, self.cues
        return any((word := token.lower_) in anchors or word in cues for token in doc)

    def window_text(self, text: str) -> str | None:
        doc = self.make_doc(text)
        if not self.could_hold_incident(doc):
            return None
        doc = self._annotate(doc)
        keep = self.kept_sentences(doc)
        if keep is None:
            return None
        return blank_outside(text, [(sent.start_char, sent.end_char) for i, sent in enumerate(doc.sents) if i in keep])

    def kept_sentences(self, doc: Doc) -> set[int] | None:
        """Indices of the sentences the full pipeline must read; None when none can open an
        incident."""
        settings = self.settings
        sents = list(doc.sents)
        trigger_starts = {span.start for span in doc.spans.get(self.triggers_key, [])}
        cues = self.cues
        seeds, extra = [], set()
        ents_by_sent: dict[int, list[str]] = {}
        sent_of = {}
        for index, sent in enumerate(sents):
            for i in range(sent.start, sent.end):
                sent_of[i] = index
        for ent in doc.ents:
            ents_by_sent.setdefault(sent_of[ent.start], []).append(ent.label_)
        for index, sent in enumerate(sents):
            words = sent
            if any(t.i in trigger_starts or t.lower_ in cues for t in words):
                seeds.append(index)
                continue
            labels = ents_by_sent.get(index, ())
            if "GROUP" in labels:
                extra.add(index)
            elif any(_YEAR.match(t.text) or _MONTH.match(t.lower_) or _DAY.match(t.lower_) for t in words):
                extra.add(index)  # a date that can set the scene or the year of what follows
            elif "PLACE" in labels and any(t.like_num for t in words):
                extra.add(index)
            elif self._is_heading(sent):
                extra.add(index)
        if not seeds:
            return None
        keep = set(range(min(settings.lead_sentences, len(sents)))) | extra
        context = settings.context_sentences
        for index in seeds:
            keep.update(range(max(0, index - context), min(len(sents), index + context + 1)))
        return keep

    def _is_heading(self, sent) -> bool:
        stripped = sent.text.strip()
        return bool(stripped) and len(stripped) < self.settings.heading_chars and (
            "\n" in sent.text.rstrip() or not _HEADING_END.search(stripped)
        )


def trigger_anchors(patterns: list[dict]) -> frozenset[str] | None:
    """Words of which every trigger match holds one: for each token pattern, the LOWER (or
    LEMMA, the lower-case form in the first pass) values of its first required token. None when
    some pattern has no such token (then every text goes through the rulers)."""
    anchors: set[str] = set()
    for entry in patterns:
        pattern = entry["pattern"]
        if isinstance(pattern, str):
            words = pattern.lower().split()
            if not words:
                return None
            anchors.add(words[0])
            continue
        required = [token for token in pattern if token.get("OP") in (None, "+")]
        anchor = None
        for token in required:
            value = token.get("LOWER", token.get("LEMMA"))
            if isinstance(value, str):
                anchor = {value}
            elif isinstance(value, dict) and set(value) == {"IN"}:
                anchor = set(value["IN"])
            if anchor is not None:
                break
        if anchor is None:
            return None
        anchors |= anchor
    return frozenset(anchors)


def blank_outside(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every character outside `spans` but whitespace replaced by a space (same
    length, same offsets, same line breaks)."""
    parts, position = [], 0
    for start, end in sorted(spans):
        if start > position:
            parts.append(_NON_SPACE.sub(" ", text[position:start]))
        start = max(start, position)
        if end > start:
            parts.append(text[start:end])
            position = end
    parts.append(_NON_SPACE.sub(" ", text[position:]))
    return "".join(parts)


def trim_blanked_evidence(frames: list[dict], window: str, original: str) -> list[dict]:
    """Frames with their evidence spans cut back to what one pass would quote.

    A sentence read just before a blanked stretch ends with the blanked stretch's whitespace
    tokens ("... checking.<blanks>"), so its span would reach over the blanked sentences, which
    the evidence then quotes from the original text. One pass ends that sentence at its last word,
    plus the whitespace that follows it when spaCy makes a token of it (a line break, a second
    space), never at a lone space. Spans that do not touch a blanked stretch are left as they are.
    """
    if window == original:
        return frames
    out = []
    for frame in frames:
        evidence = [_trimmed(span, window, original) for span in frame.get("evidence", [])]
        out.append(dict(frame, evidence=evidence) if evidence != frame.get("evidence", []) else frame)
    return out


def _blanked(window: str, original: str, start: int, end: int) -> bool:
    return any(not c.isspace() for c in original[start:end]) and not window[start:end].strip()


def _trimmed(span: dict, window: str, original: str) -> dict:
    start, end = span["start"], span["end"]
    text = window[start:end]
    if not text.strip():
        return span
    lead = len(text) - len(text.lstrip())
    if lead and _blanked(window, original, start, start + lead):
        start += lead
    last = start + len(window[start:end].rstrip())  # end of the last word read
    if last < end and _blanked(window, original, last, end):
        following = last
        while following < end and original[following].isspace():
            following += 1
        end = last if original[last:following] in ("", " ") else following
    return span if (start, end) == (span["start"], span["end"]) else dict(span, start=start, end=end)
