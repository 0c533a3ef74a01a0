"""Event assembly: from triggers, places, dates, groups and casualty statements to incidents.

Every sentence is read into a plain record of what it says (its triggers, places in the role of
incident location, dates, groups, casualty statements, target cues, and discourse cues). Records
are then grouped into incidents by discourse: a sentence that names a new place or a date that
does not fit the incident being told starts a new incident (or returns to an earlier one with the
same place); a sentence without place or date continues the current incident; "in another
incident", "hours earlier" and similar cues open a new one. A trigger whose location is a list of
places ("jets struck Kunar, Khost and Nangarhar", "twin attacks in Kohat and Bhakkar") becomes one
incident per place. Aggregates ("699 attacks killed 1,000 people in 2025"), threats, plans and
other hypotheticals open no incident.

The incidents of a chunk are stored on `doc._.incidents_frames` as plain dicts; the document-level
assembly in `pipeline.assembly` merges the frames of all chunks and computes the final fields.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from datetime import date
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..assembly import AFGHAN_STATE_FORCES, add_targets
from ..events import STATE_FORCES
from ..gazetteer import load_gazetteer
from ..lexicon import load_lexicon, target_kinds
from .casualties import conj_root, group_spokesman, is_date_fragment, left_compounds
from .extensions import doc_text, ents_by_sentence, register_extensions, span_text

#: A dateline is the story's only when it opens the text: within this many tokens (a page's
#: headline, date line and photo caption come first).
DATELINE_WITHIN_TOKENS = 150
#: group codes of states' forces: never the militants who began a fight
STATE_GROUPS = STATE_FORCES | {AFGHAN_STATE_FORCES}
#: An attack word told before the story's place and day ("the bombers wore suicide vests")
#: joins the first incident opened within this many sentences, in the opening of a text.
UNANCHORED_REACH = 12
#: how many sentences after a dated summary of attacks the incidents it counted, told one by
#: one ("in the first incident", "in a separate incident") and undated, take its day
SUMMARY_REACH = 8
#: the words before a count that make it name people already counted ("the seven soldiers")
DEFINITE_COUNT_DETERMINERS = frozenset({"the", "these", "those", "all"})
FOOTNOTE = re.compile(r"^\s*(\[\d+\]|<sup>\d+</sup>|\^?\d{1,3}[.)]?\s+[\"“‘'*]|[-•*]\s*[\"“])")
BULLET = re.compile(r"^\s*(?:[-–•*▪►]|\d{1,2}[.)])\s+\S")
DATE_STAMP = re.compile(r"^\s*(?:date:?\s*|published:?\s*|posted:?\s*|updated:?\s*)?(?:\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4})(?:\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)?[\s,|:-]*$")


def _phrase_head(token: Token, deps: frozenset[str] = frozenset({"compound", "amod", "nmod"})) -> Token:
    """The noun a chain of pre-modifiers (of `deps`) leads to: "strike" from "drone" in "Bajaur
    drone strike"."""
    while token.dep_ in deps and token.head.i > token.i:
        token = token.head
    return token


def _when_it_happened(verb: Token) -> bool:
    """Whether a verb heads a past clause opened by "when" that hangs off another clause ("the
    plot was foiled when the vest exploded"): what the clause tells happened, whatever hedge
    governs the clause above it."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBD" and any(
        child.lower_ == "when" and child.dep_ in {"advmod", "mark"} for child in verb.children
    )


def _cue_pattern(cue: str) -> str:
    """A cue as a whole word; a sign ("%") only after a figure ("34%", "34 %")."""
    if cue[0].isalnum():
        return rf"(?<![\w-]){re.escape(cue)}(?![\w-])"
    return rf"\d\s?{re.escape(cue)}"


def _has_word_cue(text: str, cues: tuple[str, ...]) -> bool:
    """Whether one of `cues` occurs in `text` between word boundaries ("suspect", not "suspects"
    inside another word); the substring test first, as most cues are not there."""
    return any(cue in text and re.search(rf"\b{re.escape(cue)}\b", text) for cue in cues)


#: a photo credit closing a caption: "— AP", "—AP/File", "– White Star", "— Photo by Reuters",
#: "— File photo"
#: Ways militants attack, within which the forces' returning fire is the same incident.
ATTACK_METHODS = frozenset({"suicide_bombing", "bombing", "armed_assault", "grenade", "kidnapping", "hostage_taking", "hijacking"})
#: the credit line under an embedded social-media post ("— ISPR (@OfficialDGISPR) February 4, 2024")
EMBED_CREDIT = re.compile(r"^\s*[—–-]\s*[^\n]{0,80}\(@\w{1,30}\)")
PHOTO_CREDIT = re.compile(
    # "— AP/File"; a plain hyphen only right after the caption's full stop (".- AP")
    r"(?:[—–]|(?<=\.)\s?-)\s*(?:File\s+photo|(?:Photos?(?:\s+by|:)\s*)?[A-Z][A-Za-z]*(?:[ /][A-Z][A-Za-z]*){0,2})\s*$"
)
HEADING_END = re.compile(r"[.!?\"'”’:)]\s*$")


#: how far back or on a vague gap reaches ("days after", "weeks before"), in days
VAGUE_GAP_DAYS = {"days": (2, 9), "weeks": (7, 28)}


def _relative_to(anchor: dict, sentence: str) -> dict:
    """The date of an incident told relative to another: "a day after" -> one day before the
    anchor, "two weeks after" -> the month two weeks before it; vaguer spans ("days after",
    "weeks before") -> the month they fall in, or the year when they straddle two months (a
    wrong month would keep the incident from ever meeting its other reports)."""
    from datetime import timedelta

    value = anchor["value"]
    lowered = sentence.lower()
    # "came a day after X" and "X, a day earlier": X was the day before; "a day before X", "two
    # days later": after it. A gap in hours counts in whole days ("about 24 hours earlier")
    match = re.search(r"\b(a|an|one|two|three|four|five|six|\d{1,3}) (days?|hours?|weeks?) (after|before|earlier|later)( (?:that|this|then|it)\b)?", lowered)
    if match and len(value) == 10:
        amount = load_lexicon().number_words.get(match.group(1)) or int(match.group(1))
        unit = match.group(2)
        days = round(amount / 24) if unit.startswith("hour") else amount * 7 if unit.startswith("week") else amount
        if days <= 31:
            # "two days before that, militants killed ...": the gap counts from the anchor, so
            # "before" goes back and "after" forward, unlike "a day before X"
            earlier = match.group(3) in {"after", "earlier"} if not match.group(4) else match.group(3) == "before"
            shift = -days if earlier else days
            moved = (date.fromisoformat(value) + timedelta(days=shift)).isoformat()
            if unit.startswith("week"):
                return dict(anchor, value=moved[:7], precision="month")
            return dict(anchor, value=moved, precision="day")
    adjacent = re.search(r"\b(?:the )?(previous|next|following) day\b|\bthe day (before|after)\b(?! yesterday| tomorrow)", lowered)
    if adjacent and len(value) == 10:
        # "the previous day, militants killed ...", "the next day": the day beside the anchor's
        shift = -1 if (adjacent.group(1) or adjacent.group(2)) in {"previous", "before"} else 1
        return dict(anchor, value=(date.fromisoformat(value) + timedelta(days=shift)).isoformat(), precision="day")
    if len(value) == 10 and re.search(r"\b(?:minutes|hours|hour) (?:after|before|earlier|later)\b", lowered):
        return dict(anchor, precision="day")  # "hours earlier", "an hour after": the same day
    vague = re.search(r"\b(days|weeks) (after|before|earlier|later)\b", lowered)
    if vague and len(value) == 10:
        nearest, farthest = VAGUE_GAP_DAYS[vague.group(1)]
        sign = -1 if vague.group(2) in {"after", "earlier"} else 1
        ends = {(date.fromisoformat(value) + timedelta(days=sign * gap)).isoformat() for gap in (nearest, farthest)}
        months = {end[:7] for end in ends}
        if len(months) == 1:
            return dict(anchor, value=months.pop(), precision="month")
        years = {end[:4] for end in ends}
        if len(years) == 1:
            return dict(anchor, value=years.pop(), precision="year")
    if len(value) < 7:
        return dict(anchor)  # a year: no finer day to count from
    return dict(anchor, value=value[:7], precision="month")


#: how far up from "its missiles" the clause whose subject is the state may lie ("Iran said
#: on Tuesday that its missiles had struck": the arm, "struck", "said")
MAX_ARM_DEPTH = 6

GAP_WORDS = re.compile(
    r"\b(?:hours?|days?|weeks?|months?|years?|fortnight|earlier|later|after|before|since|ago|previous|next|following|last)\b", re.I
)


def _tells_a_gap(sentence: str) -> bool:
    """Whether a sentence says how long before or after another its incident came."""
    return bool(GAP_WORDS.search(sentence))


def _own_phrase_heads(token) -> Iterator[int]:
    """The words whose phrase `token` lies in: itself and its heads, up to a coordinated sibling
    phrase hanging off one of them, or a contrastive clause ("..., killing three, while a bomb hit
    a school in Bannu": another item, which the parser may hang on the participle before it)."""
    yield token.i
    previous = token
    for ancestor in token.ancestors:
        if previous.dep_ == "conj" and previous.ent_type_ != "PLACE":
            return  # inside a coordinated sibling phrase
        if previous.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"while", "whereas"} for c in previous.children):
            return
        yield ancestor.i
        previous = ancestor


def _outside_clauses(token) -> set[int]:
    """The indices of `token`'s subtree without the clauses nested in it: in "troops kept watch
    over the road where the engineer had been seized" the relative clause tells the attack."""
    inner = {t.i for child in token.subtree if child.i != token.i and child.dep_ in {"relcl", "advcl", "ccomp"} for t in child.subtree}
    return {t.i for t in token.subtree} - inner


#: a sentence with more attack words than this is not read clause by clause for its targets:
#: each clause's reading walks the sentence, and news tells no more attacks in one sentence
MAX_TRIGGERS_READ_APART = 12


def _clause_of(token: Token) -> Token:
    """The verb of the clause a word is in (itself, if a verb): "stormed" for "a court" of
    "two others stormed a court"."""
    node = token
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    return node


def _compound_head(token: Token) -> Token:
    """The word a compound modifies, up its chain ("bombing" of "a suicide bombing")."""
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    return token


def _lower_text(span: Span) -> str:
    return " ".join(span_text(span).lower().replace("’", "'").split())


def _in_capitals_of_a_word(ent: Span, place) -> bool:
    """A name that is also an English word written in capitals ("SWAT", "TANK"): a place only
    where it is a dateline."""
    return place.ambiguous and ent.text.isupper()


HYPHENS = frozenset({"-", "\u2013"})


def _hyphenated_words(sent: Span) -> list[set[int]]:
    """The token indices of each word of `sent` written with hyphens and no spaces ("Ulema-e-Islam",
    "JUI-F"), which the tokenizer splits at every hyphen."""
    chains: list[set[int]] = []
    chain: set[int] = set()
    for token in sent[:-1]:
        after = token.nbor()
        if not token.whitespace_ and (token.text in HYPHENS or after.text in HYPHENS):
            chain |= {token.i, after.i}
        else:
            if len(chain) > 2:
                chains.append(chain)
            chain = set()
    if len(chain) > 2:
        chains.append(chain)
    return chains


def _kept_words(sent: Span, kept: set[int]) -> str:
    """The lower-cased words of `sent` at the indices `kept`, as written where they run on
    ("PML-N", "Ulema-e-Islam", "D.I. Khan") and with a space across a gap."""
    return "".join(t.lower_ + (t.whitespace_ or ("" if t.i + 1 in kept else " ")) for t in sent if t.i in kept)


def _kept_text(sent: Span, kept: set[int]) -> str:
    """`_kept_words` normalised as `_lower_text` normalises a whole sentence: one space between
    words, straight apostrophes."""
    return " ".join(_kept_words(sent, kept).replace("\u2019", "'").split())


def _figures(casualties: list[dict]) -> set[tuple[str, int]]:
    """The (outcome, count) pairs of the whole figures among `casualties`: no zero, no part."""
    return {(c["outcome"], c["count"]) for c in casualties if c["count"] > 0 and not c["subset"]}


class EventAssembler:
    def __init__(self, nlp: Language, name: str, triggers_key: str, aggregate_min_count: int, patterns_dir: str | None):
        register_extensions()
        self.name = name
        self.triggers_key = triggers_key
        self.aggregate_min_count = aggregate_min_count
        self.lexicon = load_lexicon(patterns_dir)
        self.gazetteer = load_gazetteer(patterns_dir)
        roles = self.lexicon.place_roles
        # nouns that end a place's name ("Sirki Road", "Kohat Garrison"), never a person's
        self._place_nouns = frozenset(roles["road_nouns"]) | frozenset(roles["location_nouns"]) | frozenset(roles["site_nouns"])

    # -- reading one sentence ---------------------------------------------------------------
    def _sentence_record(self, sent: Span, index: int, doc: Doc, dates, casualties, triggers) -> dict:
        lexicon = self.lexicon
        text = _lower_text(sent)
        words = set(text.replace(",", " ").replace(".", " ").split())
        lemmas = {t.lemma_.lower() for t in sent}
        record = {
            "doc": doc,
            "index": index,
            "start": sent.start_char,
            "end": sent.end_char,
            "heading": self._is_heading(sent),
            "footnote": bool(FOOTNOTE.match(span_text(sent))),
            "clutter": self._is_page_clutter(sent),
            "bullet": bool(BULLET.match(span_text(sent))),
        }
        from_the_air = bool(words & lexicon.aircraft_words)
        # "shot nine workers on Sunday, a day after a car bomb killed 20": the
        # clause tells another, earlier attack; its attack words and figures are not this one's
        earlier = self._earlier_clause_tokens(sent, triggers, casualties)
        # "the bombing came a day after a similar attack in Orakzai": a phrase, with no toll
        earlier_phrase = self._earlier_phrase_tokens(sent, triggers) - earlier
        earlier |= earlier_phrase
        earlier_spans, earlier_casualties = [], []
        if earlier:
            earlier_spans = [span for span in triggers if span.root.i in earlier]
            earlier_casualties = [c for c in casualties if c["token"] in earlier]
            triggers = [span for span in triggers if span.root.i not in earlier]
            casualties = [c for c in casualties if c["token"] not in earlier]
        # "three suicide bombers were killed by the Rangers": the bombers are the dead, no bombing
        triggers = [span for span in triggers if not self._attacker_killed(span)]
        if any(phrase in text for phrase in lexicon.criminal_motives) and not any(t.ent_type_ == "GROUP" for t in sent):
            # "a man was shot dead over a land dispute": a crime the text explains, no attack
            triggers, casualties = [], []

        # the attack words of the sentence, and of a gap clause's own incident (below), as records
        def trigger_records(spans: list[Span]) -> list[dict]:
            return [
                {
                    # "militants bombed a girls' school": a bombing; "jets bombed hideouts": an airstrike
                    "method": (
                        "bombing" if span.text.lower() in lexicon.air_verbs and not from_the_air
                        else "airstrike" if from_the_air and len(span) == 1 and span.root.pos_ == "VERB" and span.root.lemma_ in lexicon.air_verb_lemmas
                        else "shelling" if span.text.lower() in lexicon.pounding_verbs and not from_the_air
                        else "suicide_bombing" if span.id_ == "bombing" and self._driven_vehicle_bomb(span)
                        else span.id_ or span.label_
                    ),
                    "strength": self._strength(span),
                    "token": span.start,
                    "text": span.text,
                    "definite": self._is_definite(span),
                    "ranked": self._ranks_the_incident_told(span),
                    "on_a_site": self._raids_a_site(span),
                    "on_a_named_person": self._fires_on_a_named_person(span),
                }
                for span in spans
                if not self._trigger_is_hypothetical(span) and not self._told_before(span)
            ]

        record["triggers"] = trigger_records(triggers)
        # attack words a hedge hides ("they could be behind the abduction"): whether each names
        # an incident already told ("the abduction")
        record["hedged_definite"] = [self._is_definite(span) for span in triggers if self._trigger_is_hypothetical(span)]
        # a singular suicide trigger marks the attack; "a surge in suicide attacks" does not
        record["suicide"] = any(
            t["method"] == "suicide_bombing" and t["strength"] == "SPECIFIC" for t in record["triggers"]
        )
        record["places"] = self._locations(sent) + self._here(sent)
        for place in record["places"]:
            corrected = self._scene_districts.get(place["key"])
            if corrected is not None:
                place.update(district=corrected["district"], province=corrected["province"])
        # "the minister said Tuesday": the day of the statement dates the incident only when
        # nothing else does (assembly.event_date)
        record["statement_dates"], record["dates"] = [], []
        aside = self._aside_clauses(sent, triggers)
        for found in dates:
            if found["token"] in aside:
                continue
            record["statement_dates" if self._dates_a_statement(found, doc) else "dates"].append(found)
        gap = self._attack_in_a_gap_clause(sent, triggers)
        if gap is not None and not any(gap[0] <= d["token"] <= gap[1] for d in record["dates"]):
            # "police arrested three suspects on Saturday, a day after a bombing killed 12": the
            # attack came the gap before the day the news is dated by
            record["dates"] = [_relative_to(d, gap[2]) if d["value"] else d for d in record["dates"]]
        named = [
            ent for ent in self._ents.get(sent.start, ())
            if ent.label_ == "GROUP" and ent.ent_id_ and not self._is_bare_name_in_passing(ent)
            and not self._is_member_acted_upon(ent) and not self._owns_the_site_struck(ent) and not self._denies_the_attack(ent)
            and not self._acts_as_a_rule(ent)
        ]
        record["groups"] = [
            {
                "code": self._group_code(ent), "token": ent.start, "text": ent.text, "beside_afghan": self._beside_the_afghan_side(ent, named),
                "acting": self._group_acts(ent, triggers),
            }
            for ent in named
            if not (self._is_parent_of(ent) and any(other.ent_id_ != ent.ent_id_ and not self._is_parent_of(other) for other in named))
        ] + [
            {"code": code, "token": arm.start, "text": arm.text, "beside_afghan": False, "acting": True, "own_word": own_word}
            for arm, code, own_word in self._state_arms(sent) if self._group_acts(arm, triggers)
        ]
        record["casualties"] = casualties
        # "police said", "according to police officials": the source of the report, not a target;
        # nor the words of a town's name before the thing attacked ("the Gul Imam police station")
        not_targets = self._torn_off_speakers(sent) | self._place_name_modifiers(sent)
        text_for_targets = self._without_bystanders(sent, not_targets)
        masked = re.sub(r"\b(?:according to|said|told)\s+(?:the\s+)?(?:police|officials?|sources?)(?:\s+officials?)?\b|\b(?:police|officials?|sources?)(?:\s+officials?)?\s+(?:said|say|says|told|added|confirmed)\b", " ", text_for_targets)
        for statement in casualties:
            if statement["subset"]:
                masked = masked.replace(statement["text"].lower(), " ")
        counted_toll = any(c["count"] > 0 and c["outcome"] in {"killed", "injured"} for c in casualties)
        # victims named where the toll is told ("nine Chinese engineers were killed") or listed
        # ("two judges were among the dead") are targets even in a sentence without an attack word
        listed = any(pattern.search(text) for pattern in lexicon.victim_list_patterns) and self._lists_counted_victims(sent)
        record["victim_list"] = listed or self._counted_passive_victim(sent)
        # who or what was attacked: the roles of the attack and casualty words, not every cue of
        # the sentence (the police who spoke, the hospital the wounded were taken to); a victim
        # list names its victims in the sentence's own words
        told = bool(triggers) or counted_toll
        cued = self._targets(masked) if told or record["victim_list"] else []
        record["targets"] = self._targets(
            # "plotting an attack on a mosque": no one was attacked there
            self._attacked_text(sent, [span for span in triggers if not self._trigger_is_hypothetical(span)], record["heading"], frozenset(earlier) | not_targets)
        ) if told else []
        record["trigger_targets"] = self._targets_by_trigger(sent, triggers, record, frozenset(earlier) | not_targets) if told else {}
        if listed or (record["victim_list"] and not (triggers and record["targets"])):
            # where the roles of an attack word found who was hit, the sentence's other words
            # are not read for more ("a man was killed when a bomber drove into an FC vehicle
            # near the courts": no court was hit); where they found no one (a parse gone wrong),
            # a counted victim's sentence says who was
            record["targets"] += [kind for kind in cued if kind not in record["targets"]]
        # "the dead were all policemen", "police officers were the target": who the victims were,
        # in the words the sentence says it of (not the officer who said it)
        identified = self._identified_victims(sent) - not_targets
        record["victims_identified"] = bool(identified)
        if identified:
            named = self._targets(_kept_words(sent, identified))
            record["targets"] += [kind for kind in named if kind not in record["targets"] and kind != "militants"]
        # "Gunmen killed ten labourers on Saturday, a day after a bombing left 26 dead": the
        # clause's own incident, told apart (`_split_frames`) with its attack words, figures,
        # places and targets
        record["earlier_clause"] = None
        if earlier_spans and (any(c["count"] > 0 for c in earlier_casualties) or any(span.root.i in earlier_phrase for span in earlier_spans)):
            others = frozenset(t.i for t in sent if t.i not in earlier)
            record["earlier_clause"] = {
                "first": min(earlier), "last": max(earlier),
                "triggers": trigger_records(earlier_spans), "casualties": earlier_casualties,
                "targets": self._targets(self._attacked_text(sent, earlier_spans, record["heading"], others | not_targets)),
            }
        # every cue of the sentence: what a sparse report of an incident (no figures: a past attack
        # recalled in a clause) says of its victims, where the roles above find none
        record["sentence_targets"] = cued if told else []
        # a hedge ("foiled", "could") cancels the sentence only when nothing in it happened: a
        # past casualty verb, a counted toll ("was foiled, leaving seven dead") or an attack verb
        # in the past that no hedge governs ("were abducted today, an incident that would alarm
        # investors": the hedge is its own clause's) is a fact; a hedge inside a relative clause
        # qualifies a noun, not what happened
        hedged = any(
            t.lower_ in lexicon.hard_hypothetical and not any(a.dep_ == "relcl" for a in (t, *t.ancestors))
            and not self._planned_by(t, triggers) for t in sent
        ) if words & lexicon.hard_hypothetical else False
        record["hypothetical"] = hedged and not any(
            t.tag_ in {"VBD", "VBN"} and t.lemma_.lower() in lexicon.strict_killed | lexicon.strict_injured for t in sent
        ) and not (counted_toll and not lexicon.counterfactual.search(text)) and not any(
            t["strength"] == "SPECIFIC" and (
                sent.doc[t["token"]].tag_ in {"VBD", "VBN"} or any(_when_it_happened(a) for a in sent.doc[t["token"]].ancestors)
            )
            for t in record["triggers"]
        )
        singular_attack = any(
            t["strength"] == "SPECIFIC" and sent.doc[t["token"]].tag_ in {"NN", "NNP", "VBD", "VBN"} for t in record["triggers"]
        )
        # page furniture before a dateline on its line ("Share 0% PESHAWAR: ...") is not the story's
        dateline_ends = [sent.doc[d["token"]].idx for d in self._datelines if d["sent"] == sent.start]
        story_text = text[dateline_ends[-1] - sent.start_char :] if dateline_ends else text
        # "so far 40 have been hurt in the bombing": the running toll of the one attack told
        # ("the average suicide attack killed ten" is a statistic)
        one_told = any(
            t["strength"] == "SPECIFIC" and t["definite"] and sent.doc[t["token"]].tag_ in {"NN", "NNP"}
            and not any(w.lower_ in lexicon.aggregate_period_cues for w in sent.doc[t["token"]].head.subtree if w.i < t["token"])
            for t in record["triggers"]
        ) or self._one_attack_took_the_toll(sent, record["triggers"], casualties)
        # "the TTP, who have carried out dozens of attacks this year, claimed the bombing": the
        # relative clause on the group's name tells its record, not the sentence's own tally
        record_of_a_group = self._relative_clauses_on_groups(sent)
        tally_text = story_text
        if record_of_a_group:
            tally_text = _kept_text(sent, {t.i for t in sent} - record_of_a_group)
            tally_text = tally_text[dateline_ends[-1] - sent.start_char :] if dateline_ends else tally_text
        record["aggregate"] = self._is_aggregate(
            sent, tally_text, [d for d in dates if d["token"] not in record_of_a_group],
            [c for c in casualties if c["token"] not in record_of_a_group], singular_attack, one_told,
            skipped=record_of_a_group,
        )
        record["summary"] = self._is_summary(sent, text, frozenset(earlier))
        record["multi_claim"] = bool(lexicon.claims_of_several.search(text))
        # "four men were shot in the same village last month" (lexicon `same_place_phrases`)
        record["same_place"] = any(phrase in text for phrase in lexicon.same_place_phrases)
        record["new_cue"] = any(cue in text for cue in lexicon.new_incident_cues) or text.startswith(lexicon.next_item_openers) or (
            # "Later, gunmen shot dead two farmers in a raid": an attack of its own, with its own toll
            text.startswith(lexicon.later_openers) and counted_toll
            and any(not t["definite"] and sent.doc[t["token"]].pos_ == "NOUN" for t in record["triggers"])
        )
        if record["new_cue"]:
            # "Sunday's bombing came a week after gunmen raided a bank": the day owned by the subject
            # is the news's, not the recalled attack's, which takes its day from the gap
            record["news_dates"] = [d for d in record["dates"] if self._owned_by_the_compared_news(doc, d)]
            record["dates"] = [d for d in record["dates"] if d not in record["news_dates"]]
        # "no group has claimed responsibility, but police suspect X": the claim not made is set
        # aside, so X is suspected, not claimed
        claim_text = lexicon.negated_claims.sub(" ", text) if "claim" in text else text
        record["claim_denied"] = claim_text != text
        record["claim"] = (
            any(cue in claim_text for cue in lexicon.claim_cues) or self._group_speaks_of_the_attack(sent, triggers)
        ) and not self._claimed_by_the_state(sent)
        record["suspect"] = _has_word_cue(self._without_described_objects(sent, text), lexicon.suspect_cues)
        record["blame"] = _has_word_cue(text, lexicon.blame_cues)
        record["membership"] = bool(record["groups"]) and self._attackers_are_members(sent)
        record["strike_actor"] = bool(words & lexicon.strike_actor_cues) or "pakistan's" in text
        # "Afghan forces", "the Taliban", "Kabul": an actor; "the Pak-Afghan border" is geography,
        # and the names of Pakistani groups ("Tehreek-e-Taliban Pakistan", "Pakistani Taliban")
        # name no Afghan actor
        # "Pakistan accuses Afghanistan of harbouring militants who carry out attacks, a charge
        # Kabul denies": attack words all in the plural, and no toll, tell attacks in general;
        # the Afghans named are no actor of the incident told
        only_attacks_in_general = (
            bool(record["triggers"]) and not any(c["count"] > 0 for c in casualties)
            and not any(d["value"] for d in record["dates"])  # "the October 2025 clashes" are some
            and all(sent.doc[t["token"]].tag_ in {"NNS", "NNPS"} for t in record["triggers"])
        )
        record["afghan_actor"] = not only_attacks_in_general and bool(
            lexicon.afghan_actor.search(text) and self._afghan_actor_words(sent)
        )
        # where the attack struck, not where its attackers came from or fled to ("fled to the
        # Afghan side", "fired from Afghan territory"): those are the other side of the border
        record["afghan_territory"] = any(
            not re.search(r"\b(?:from|to|into|towards?)(?: the)?\s*$", text[: match.start()])
            # "gunmen in Afghanistan shot across the border": the attackers' side
            and not self._attackers_side(text[: match.start()].rsplit(maxsplit=1)[-1:], text)
            for match in lexicon.afghan_territory.finditer(text)
        )
        (
            record["forces_initiative"], record["militant_initiative"], record["police_initiative"], record["militants_only_shot"]
        ) = self._initiative(sent)
        # the army or the paramilitaries are in the story (a clash they fought is theirs, EVENTS.md)
        record["army_named"] = any(t.ent_type_ == "SECURITY_FORCE" and t.ent_id_ in {"military", "paramilitary"} for t in sent)
        record["said_pakistan"] = bool(lexicon.pakistan_says.search(text))
        record["lemmas_attack"] = bool(lemmas & lexicon.attack_lemmas)
        return record

    def _aside_clauses(self, sent: Span, triggers: list[Span]) -> set[int]:
        """Token indices of the sentence's relative clauses on a word that is no attack word,
        with no attack word or casualty verb of their own: in "a mine hit a patrol near the dam
        that was finished in 2015", or "a grenade struck a shop in Kalam, which militants ran
        for two years until 2010", the clause's time is the dam's or the town's past, not the
        attack's. ("The blast, which went off on Sunday": the clause is on the attack word.)"""
        attack_words = {i for span in triggers for i in range(span.start, span.end)}
        casualty_lemmas = self.lexicon.killed_lemmas | self.lexicon.injured_lemmas
        aside: set[int] = set()
        for clause in sent:
            if clause.dep_ != "relcl" or clause.head.i in attack_words:
                continue
            inner = {w.i for w in clause.subtree}
            if inner & attack_words or any(sent.doc[i].lemma_.lower() in casualty_lemmas for i in inner):
                continue
            if clause.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in clause.children):
                continue  # "killed two boys who were grazing cattle on Monday": what went on as it struck
            aside |= inner
        return aside

    def _without_described_objects(self, sent: Span, text: str) -> str:
        """The sentence's words without "suspected" or "alleged" describing whom or what was hit
        ("jets struck suspected TTP hideouts", "killed three alleged militants"): the word names
        no suspicion about who attacked ("by suspected militants" still does)."""
        def describes_an_object(word: Token) -> bool:
            if word.dep_ == "amod":
                return _phrase_head(word).dep_ in {"dobj", "pobj"} and _phrase_head(word).head.lower_ != "by"
            # "struck suspected hideouts", which the parser may read as a verb after an auxiliary
            before = word.nbor(-1) if word.i > sent.start else None
            after = word.nbor(1) if word.i + 1 < sent.end else None
            return (
                before is not None and after is not None and before.tag_ in {"VBD", "VBZ", "VBP", "VBG", "VBN"}
                and before.lemma_.lower() not in {"be", "have"} and after.pos_ in {"NOUN", "PROPN", "ADJ"}
            )

        described = [t for t in sent if t.lower_ in self.lexicon.describing_suspicion_words and describes_an_object(t)]
        if not described:
            return text
        return _kept_text(sent, {t.i for t in sent} - {t.i for t in described})

    @staticmethod
    def _in_word_compound(span: Span) -> bool:
        """"bricks-and-mortar", "hit-and-run": an attack word inside a hyphenated phrase of the
        form x-and-y names no attack."""
        doc = span.doc
        before = doc[max(span.start - 2, 0) : span.start]
        after = doc[span.end : span.end + 2]
        return (len(before) == 2 and before[1].text == "-" and before[0].lower_ in {"and", "or", "n"}) or (
            len(after) == 2 and after[0].text == "-" and after[1].lower_ in {"and", "or", "n"}
        )

    def _names_where(self, noun: Token) -> bool:
        """"Opened fire on them at Kalpani Bridge", "in Markhnai village": a proper name with a
        place noun (lexicon `place_name_nouns`) after a locative preposition says where, not
        what was hit ("blew up a bridge" keeps its target); so does a settlement, named or not
        ("killed in a village of North Waziristan"; lexicon `settlement_nouns`)."""
        lexicon = self.lexicon
        if noun.dep_ != "pobj" or noun.head.lower_ not in {"in", "at", "near"}:
            return False
        return noun.lower_ in lexicon.settlement_nouns or (
            noun.lower_ in lexicon.place_name_nouns and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)
        )

    def _place_name_modifiers(self, sent: Span) -> frozenset[int]:
        """The words of a town's or an area's name that modifies a noun ("the Gul Imam police
        station", "a Soldier Bazaar shop"): the name says where the thing stands, whatever words
        it is made of, and cues no target."""
        return frozenset(
            t.i for ent in self._ents.get(sent.start, ()) if ent.label_ == "PLACE" and ent.ent_id_ in self.gazetteer
            and self.gazetteer[ent.ent_id_].kind in {"town", "area", "district"} and ent.root.dep_ in {"compound", "nmod"}
            for t in ent
        )

    def _without_bystanders(self, sent: Span, speakers: frozenset[int] = frozenset()) -> str:
        """The sentence's words without those who only speak about or respond to the attack
        ("the police chief said", "Rangers cordoned off the area", "the injured were shifted to
        hospital"): the subjects and objects of such verbs are not targets, nor is the source an
        "according to" phrase names, nor are the words in `speakers` (`_torn_off_speakers`, and the
        words of a place name before the thing attacked)."""
        verbs = self.lexicon.bystander_verbs
        dropped: set[int] = set()
        for token in sent:
            if self._names_where(token):
                dropped.add(token.i)
                dropped.update(c.i for c in token.children if c.dep_ == "compound")  # "at Airport Road": no airport hit
                continue
            if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor().lower_ == "to":
                # "according to the inspector general of police": the source, not a target; after
                # a comma it runs to the end of the sentence (", according to X, the top police
                # official of the province")
                dropped.update(t.i for t in token.subtree)
                dropped.update(t.i for t in token.nbor().subtree)
                if token.i > sent.start and token.nbor(-1).text == ",":
                    dropped.update(range(token.i, sent.end))
                continue
            if (token.dep_ == "agent" or (token.dep_ == "prep" and token.lower_ == "by" and token.head.pos_ == "NOUN")) and any(
                t.ent_type_ == "SECURITY_FORCE" or self.lexicon.victim_category.get(t.lower_) == "security"
                for t in token.subtree if t.i != token.i
            ):
                # "were shot dead by police", "fired upon by officials of the CTD", "in an
                # encounter by the officials of the CTD": who fired, not a target
                dropped.update(t.i for t in token.subtree)
                continue
            if token.dep_ in {"acl", "relcl"} and token.lemma_.lower() in self.lexicon.guard_verbs:
                # "fired on policemen guarding vaccinators": the guards were attacked, not whom they guarded
                for child in token.children:
                    if child.dep_ == "dobj":
                        dropped.update(_outside_clauses(child))
                continue
            if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in verbs:
                for child in token.children:
                    if child.dep_ in {"nsubj", "nsubjpass", "dobj", "agent", "prep", "dative"}:
                        dropped.update(_outside_clauses(child))
                dropped.add(token.i)
        dropped |= speakers  # "police and rescue officials said", torn off by the parser
        if not dropped:
            return _lower_text(sent)
        kept = {t.i for t in sent} - dropped
        return _kept_text(sent, kept)

    def _torn_off_speakers(self, sent: Span) -> frozenset[int]:
        """The conjuncts of a speaking verb's subject that the parser hung on the word before it
        ("... in a blast inside a madrassa in Quetta, police and rescue officials said": "police",
        even "officials", read as conjuncts of Quetta): they spoke, like the subject's head."""
        torn: set[int] = set()
        doc = sent.doc
        coordinated = {"conj", "cc", "compound", "amod"}
        for verb in sent:
            if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in self.lexicon.bystander_verbs:
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
            if subjects:
                j = subjects[0].left_edge.i - 1
            elif verb.i - 1 >= sent.start and doc[verb.i - 1].dep_ == "conj" and doc[verb.i - 1].pos_ in {"NOUN", "PROPN"}:
                j = verb.i - 1  # the whole subject torn off
            else:
                continue
            run = []
            while j >= sent.start and doc[j].dep_ in coordinated and doc[j].pos_ in {"NOUN", "PROPN", "CCONJ", "ADJ"}:
                run.append(j)
                j -= 1
            if any(doc[k].dep_ == "conj" for k in run) and any(doc[k].dep_ == "cc" for k in run):
                torn.update(run)
        return frozenset(torn)

    def _lists_counted_victims(self, sent: Span) -> bool:
        """"Two lawyers and a police officer were among the dead", "the wounded included three
        traffic wardens": the victims listed are counted, as a report of the toll counts them; an
        uncounted "civilians were among those killed" in a party's statement lists no one."""
        for token in sent:
            if token.lower_ == "among":
                head = token.head
            elif token.lemma_.lower() == "include" and token.pos_ in {"VERB", "AUX"}:
                head = token
            else:
                continue
            # the victims listed: the subject or object of the clause, or whom "the dead were among"
            listed = [c for c in head.children if c.i != token.i and c.dep_ in {"nsubj", "nsubjpass", "attr", "dobj"}]
            listed += [token] if token.lower_ == "among" else []
            if any(self._counts_someone(child) for child in listed):
                return True
        return False

    def _counts_someone(self, phrase: Token) -> bool:
        """Whether a number counts persons in the phrase under `phrase` ("two lawyers"; not "a
        large number of students", whose article counts no one)."""
        lexicon = self.lexicon
        return any(
            (t.like_num or t.lower_ in lexicon.number_words) and t.head.lower_ not in lexicon.uncounted_heads
            for t in phrase.subtree
        )

    def _identified_victims(self, sent: Span) -> set[int]:
        """The words that say who the victims were where the verb "be" tells it: "the dead were
        all policemen", "most of those killed were pilgrims", "the victims were mostly vendors",
        "police officers were the target" (lexicon `victim_list_cues`, identity_*). A negated
        verb names no one ("the victims were not settlers")."""
        lexicon = self.lexicon
        words: set[int] = set()
        for token in sent:
            if token.lemma_ != "be" or any(child.dep_ == "neg" for child in token.children):
                continue
            subjects = [child for child in token.children if child.dep_ == "nsubj"]
            attributes = [child for child in token.children if child.dep_ == "attr"]
            if not subjects or not attributes:
                continue
            subject, attribute = subjects[0], attributes[0]
            if self._names_the_victims(subject) or subject.lower_ in lexicon.identity_target_nouns:
                who = attribute
            elif attribute.lower_ in lexicon.identity_target_nouns:
                who = subject
            else:
                continue
            words.update(t.i for t in who.subtree)
        return words

    def _names_the_victims(self, subject: Token) -> bool:
        """"the dead", "the victims", "most of the injured", "many of those killed"."""
        lexicon = self.lexicon
        if subject.lower_ in lexicon.identity_subjects:
            return True
        if subject.lower_ not in lexicon.identity_shares:
            return False
        of_whom = [inner for child in subject.children if child.lower_ == "of" for inner in child.children if inner.dep_ == "pobj"]
        return any(
            whom.lower_ in lexicon.identity_subjects or (
                whom.lower_ == "those" and any(
                    child.dep_ == "acl" and child.lemma_.lower() in lexicon.strict_killed | lexicon.strict_injured
                    for child in whom.children
                )
            )
            for whom in of_whom
        )

    def _counted_passive_victim(self, sent: Span) -> bool:
        """"A passer-by was shot as he tried to stop them", "two guards were wounded": a counted
        victim as the subject of a passive casualty verb, where no toll was read."""
        lexicon = self.lexicon
        for token in sent:
            if token.tag_ != "VBN" or token.lemma_.lower() not in lexicon.victim_passive_verbs:
                continue
            if any(
                child.dep_ == "nsubjpass" and self._counts_someone(child)
                and lexicon.victim_category.get(child.lower_) != "attacker"  # "three bombers were shot dead": no victims
                for child in token.children
            ):
                return True
        return False

    def _state_arms(self, sent: Span) -> list[tuple[Span, str, bool]]:
        """"Iran said its missiles and drones struck two bases": "its missiles", the arm of a state
        that is the subject of a clause above it, the group code of that state's forces (lexicon
        `state_arms`), and whether the state said so itself (a claim: EVENTS.md, "the group said
        so")."""
        arms = self.lexicon.state_arms
        states = {}  # the root token of each state named as a subject -> its forces' code
        for ent in self._ents.get(sent.start, ()):
            place = self.gazetteer.get(ent.ent_id_) if ent.label_ == "PLACE" else None
            state = place.name if place is not None and place.kind == "country" else arms["capitals"].get(ent.text)
            if arms["forces"].get(state) is not None and ent.root.dep_ == "nsubj":
                states[ent.root.i] = arms["forces"][state]
        found = []
        for token in sent if states else ():
            if token.lower_ != "its" or token.dep_ != "poss" or token.head.lower_ not in arms["arms"]:
                continue
            for verb in islice(token.ancestors, MAX_ARM_DEPTH):
                subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i in states), None)
                if subject is not None:
                    own_word = verb.lemma_.lower() in self.lexicon.statement_verbs
                    found.append((sent.doc[token.i : token.head.i + 1], states[subject.i], own_word))
                    break
        return found

    def _group_acts(self, ent: Span, triggers: list[Span]) -> bool:
        """Whether a group is told doing the violence in its own words: its name holds or
        modifies an attack word ("Indian shelling", "Indian artillery fire"), is the subject of
        an attack verb ("Indian troops opened fire") or the agent of one ("killed by Indian
        shelling"); not a group blamed for backing the attackers ("officials blamed Indian forces
        for backing them")."""
        lexicon = self.lexicon
        root = ent.root
        if any(span.start < ent.end and ent.start < span.end for span in triggers):
            return True
        if root.dep_ in {"compound", "amod", "nmod", "poss"} and any(span.start <= root.head.i < span.end for span in triggers):
            return True
        verb = root.head
        if root.dep_ == "nsubj" and verb.pos_ == "VERB" and (
            verb.lemma_.lower() in lexicon.attacked_verbs | lexicon.militant_initiative_verbs
            or any(span.start <= verb.i < span.end for span in triggers)
        ):
            return True
        return root.dep_ == "pobj" and verb.lower_ == "by" and verb.dep_ == "agent"

    def _claimed_by_the_state(self, sent: Span) -> bool:
        """"The CTD claimed to have killed four terrorists belonging to the TTP", "police claimed
        the men were bombers": every verb of claiming in the sentence has the state's forces for
        its subject; the group named is not the one claiming."""
        claims = [t for t in sent if t.lemma_.lower() == "claim" and t.pos_ == "VERB"]
        if not claims:
            return False
        for verb in claims:
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if not subjects or not all(
                (subject.ent_type_ == "SECURITY_FORCE" or (subject.ent_type_ == "GROUP" and subject.ent_id_ in STATE_GROUPS))
                # "the banned Baloch Libration Army (BLA) claimed": a group's name, misspelt, ending in "Army"
                and not any(t.ent_type_ == "GROUP" and t.ent_id_ not in STATE_GROUPS for t in subject.subtree)
                for subject in subjects
            ):
                return False
        return True

    def _group_speaks_of_the_attack(self, sent: Span, triggers: list[Span]) -> bool:
        """"Pakistani Taliban spokesman Mohammad Khurasani said the group carried out the attack":
        a group's spokesman (lexicon `militant_tally_cues.speakers` with the group named in the
        same phrase, no state's) as the subject of a verb of saying whose words tell an attack,
        in a sentence with no verb of denial, speaks for the group: a claim ("said the group was
        ending its ceasefire" is none)."""
        lexicon = self.lexicon
        if any(t.lemma_.lower() in lexicon.denial_verbs for t in sent):
            return False  # "a TTP spokesman denied the group's involvement"
        roots = sorted(span.root.i for span in triggers)
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.speaker_verbs:
                continue
            # the attack words among its words (a subtree is the run from its left to its right edge)
            first, last = verb.left_edge.i, verb.right_edge.i
            told = [i for i in roots[bisect_left(roots, first) : bisect_right(roots, last)] if i != verb.i]
            if not told:
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if any(group_spokesman(c, lexicon, not_groups=STATE_GROUPS, group_before=False) for c in subjects):
                return True
            if any(c.ent_type_ == "GROUP" and c.ent_id_ not in STATE_GROUPS for c in subjects) and any(
                self._told_as_its_own(sent.doc[i]) for i in told
            ):
                return True  # "the Pakistani Taliban said their fighters had attacked a post"
        return False

    @staticmethod
    def _told_as_its_own(trigger: Token) -> bool:
        """Whether the attack word's doers are told as the speaker's own: "their fighters
        attacked", "it carried out the bombing", "its men stormed the camp" (the subject of the
        attack verb, or of the verb the attack noun is the object of), or as what it was behind
        or responsible for ("it was behind the ambush", "it was responsible for the raid")."""
        verb = trigger if trigger.pos_ == "VERB" else trigger.head
        if verb.dep_ == "prep" and verb.head.lower_ == "responsible":
            verb = verb.head.head  # "it was responsible for the raid"
        elif verb.dep_ == "prep" and verb.lower_ == "behind":
            verb = verb.head  # "it was behind the ambush"
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            if subject.lower_ in {"it", "they", "we"} or any(
                c.dep_ == "poss" and c.lower_ in {"its", "their", "our"} for c in subject.children
            ):
                return True
        return False

    def _claimed_by_the_group(self, sent: Span) -> bool:
        """Whether the sentence's claim is made by "the group" ("the banned outfit also claimed
        a bombing in Lahore"): a definite group noun as the subject of a clause that claims."""
        for noun in sent:
            if noun.lower_ not in self.lexicon.claiming_group_nouns or noun.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if any(c.lower_ == "the" for c in noun.children) and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in noun.children  # "the group of traders"
            ) and any(
                t.lemma_.lower() in {"claim", "responsibility"} for t in noun.head.subtree
            ):
                return True
        return False

    def _is_bare_name_in_passing(self, ent: Span) -> bool:
        """A bare "Taliban" that qualifies something else ("a pro-Taliban party", "the
        Taliban-led insurgency", "the Taliban government") names no one who attacked."""
        if ent.ent_id_ != "Taliban":
            return False
        doc = ent.doc
        if ent.start > 0 and doc[ent.start - 1].text in {"-", "–"}:
            return True
        if ent.end < len(doc) and doc[ent.end].text in {"-", "–"}:
            return True
        root = ent.root
        if root.head.lemma_.lower() in self.lexicon.place_roles["attack_nouns"]:
            return False  # "a Taliban bombing", "Taliban raid on air base": whose attack it was
        if root.head.lower_ in self.lexicon.claimant_pronouns and not any(
            t.lower_ in self.lexicon.state_speaker_words for t in root.head.subtree
        ):
            # "a Taliban spokesman said the group carried out the attack": the group speaks ("a
            # Taliban government spokesman" is a state's)
            return False
        return root.dep_ in {"compound", "amod", "nmod"} and root.head.lower_ not in self.lexicon.victim_category

    def _owns_the_site_struck(self, ent: Span) -> bool:
        """A group named as the owner of a site ("struck two bases of Jaish al-Adl", "jets
        targeted TTP hideouts"; lexicon `group_site_nouns`) that is the object of a verb or the
        place an attack landed ("on", "at"): the group was hit ("fighters from TTP bases" are
        not)."""
        root = ent.root
        site = root.head
        if root.dep_ == "pobj" and site.lower_ == "of":
            site = site.head
        elif root.dep_ not in {"compound", "nmod", "poss", "amod"}:
            return False
        if site.lower_ not in self.lexicon.group_site_nouns:
            return False
        site = conj_root(site)
        return site.dep_ in {"dobj", "nsubjpass"} or (site.dep_ == "pobj" and site.head.lower_ in {"on", "at"})

    def _is_member_acted_upon(self, ent: Span) -> bool:
        """A group named only as the affiliation of a member whom something befell ("to avenge
        the killing of an al-Qaeda leader", "a drone killed a TTP commander", "gunmen shot dead a
        leader of the TTP"): the member is a victim, the group no perpetrator of this attack."""
        root = ent.root
        titles = self.lexicon.group_member_titles
        if root.dep_ in {"compound", "nmod", "poss", "amod"} and root.head.lower_ in titles:
            member = root.head
        elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in titles:
            member = root.head.head  # "gunmen shot dead a commander of the Gul Bahadur group"
        else:
            return False
        # "the death of Lashkar chief Abdul Samad": the title is a compound of the member's name
        while member.dep_ in {"appos", "conj", "compound"} and member.head.i != member.i:
            member = member.head
        fates = self.lexicon.group_member_fates
        if member.dep_ == "pobj" and member.head.lower_ == "of":
            return member.head.head.lemma_.lower() in fates or member.head.head.lower_ in fates
        return member.dep_ in {"dobj", "nsubjpass"} and member.head.lemma_.lower() in fates

    def _beside_the_afghan_side(self, ent: Span, named: list[Span]) -> bool:
        """"The Afghan Taliban and Fitna al-Khawarij opened fire on border posts": a group named
        as a conjunct of the Afghan side fought with it (elsewhere, a Pakistani group named in a
        report of a border clash is the quarrel's subject, not a party to the fighting)."""
        afghan = [other for other in named if other.ent_id_ in self.lexicon.afghan_side_groups and other.ent_id_ != ent.ent_id_]
        root = conj_root(ent.root)
        return any(conj_root(other.root).i == root.i for other in afghan)

    @staticmethod
    def _planned_by(word: Token, triggers: list[Span]) -> bool:
        """"The attack had been planned by X": a passive of planning with its agent, whose
        subject is an attack word, tells who was behind an attack, not one that was only planned
        ("militants planned an attack", "an attack planned by X was foiled" stay hedged)."""
        # "planned and orchestrated by X": the agent may hang on the last of coordinated verbs
        return word.tag_ == "VBN" and any(c.dep_ == "agent" for v in (word, *word.conjuncts) for c in v.children) and any(
            c.dep_ == "nsubjpass" and any(span.start <= c.i < span.end for span in triggers) for c in word.children
        )

    def _driven_vehicle_bomb(self, span: Span) -> bool:
        """"Rammed an explosive-laden vehicle into the gate", "drove two cars packed with
        explosives into the wall": a vehicle bomb with a bomber at the wheel (lexicon
        `driven_vehicle_bombs`)."""
        lexicon = self.lexicon
        if not any(t.lower_ in lexicon.driven_bomb_words for t in span):
            return False
        return any(
            t.pos_ == "VERB" and t.lemma_.lower() in lexicon.driven_bomb_verbs
            # "into" anywhere under the verb: the parser often hangs it on the vehicle's modifier
            and (t.lemma_.lower() == "ram" or any(w.lower_ == "into" for w in t.subtree))
            for t in span.sent
        )

    def _raids_a_site(self, span: Span) -> bool:
        """"Militants stormed the police station", "attacked a checkpost", "an attack on a check
        post", "a police station was attacked", "the checkpost came under attack": a raid word
        whose object (or whose subject, told so) is a post or station (lexicon
        `senior_victim_titles.raided_sites`)."""
        verb = span.root
        if verb.lower_ not in self.lexicon.raid_words:
            return False
        objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}] + [
            g for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children if g.dep_ == "pobj"
        ]
        if verb.dep_ == "pobj" and verb.head.lower_ == "under":
            objects += [c for c in verb.head.head.children if c.dep_ == "nsubj"]  # "came under attack"
        return any(o.lower_ in self.lexicon.raided_sites for o in objects)

    def _fires_on_a_named_person(self, span: Span) -> bool:
        """"Opened fire on ASI Muhammad Riaz", "fired at Malik Rehman": shots at a man the
        text names, the specific person EVENTS.md's targeted killing is aimed at (not "on Sirki
        Road", a street the base model may take for a person)."""
        def named_person(noun: Token) -> bool:
            ranked = any(c.dep_ == "compound" and c.lower_ in self.lexicon.rank_titles for c in noun.children)
            return noun.pos_ == "PROPN" and (noun.ent_type_ == "PERSON" or ranked) and noun.lower_ not in self._place_nouns

        return any(
            prep.dep_ == "prep" and prep.lower_ in {"on", "at"} and any(p.dep_ == "pobj" and named_person(p) for p in prep.children)
            for prep in span.root.children
        )

    def _attackers_are_members(self, sent: Span) -> bool:
        """Whether the sentence makes attackers members of a group it names ("the slain
        terrorists belonged to the TTP", "eight militants belonging to JuA", "the bombers were
        members of LeJ"): the group is theirs, and the incident told is attributed to it. A
        leader or commander so described may be the one attacked, and says nothing."""
        lexicon = self.lexicon
        for word in sent:
            if word.lower_ not in lexicon.membership_words or not any(t.ent_type_ == "GROUP" for t in word.subtree):
                continue
            if word.dep_ in {"acl", "amod", "relcl"}:
                members = [word.head]  # "militants belonging to the TTP"
            elif word.dep_ == "attr" or (word.dep_ == "prep" and word.head.lemma_ == "be"):
                # "they were members of", "the attackers were from the TTP"
                members = [c for c in word.head.children if c.dep_ == "nsubj"]
            else:
                members = [c for c in word.children if c.dep_ in {"nsubj", "nsubjpass"}]
                if not members and word.dep_ == "conj":
                    # "the bombers crossed over from Afghanistan and belonged to the TTP": the
                    # subject of the verb it is coordinated with
                    members = [c for c in word.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            # "the attackers were Afghan nationals affiliated with the TTP": who those members are
            members += [c for m in members if m.dep_ == "attr" for c in m.head.children if c.dep_ == "nsubj"]
            if any(
                lexicon.victim_category.get(conj_root(m).lower_) == "attacker" and conj_root(m).lower_ not in lexicon.group_member_titles
                for m in members
            ):
                return True
        return False

    def _denies_the_attack(self, ent: Span) -> bool:
        """A group that is the subject of a verb of denial or condemnation ("the TTP denied
        involvement", "the main TTP leadership distanced itself from it", "a spokesman for the
        Taliban condemned the bombing"): it says it did not do it."""
        node = ent.root
        while node.dep_ in {"compound", "poss", "nmod", "amod"} and node.head.i != node.i:
            node = node.head  # "the TTP leadership", "the TTP's spokesman"
        if node.dep_ == "pobj" and node.head.lower_ in {"for", "of"} and node.head.head.i != node.head.i:
            node = node.head.head  # "a spokesman for the TTP"
        node = conj_root(node)
        return node.dep_ == "nsubj" and node.head.lemma_.lower() in self.lexicon.denial_verbs

    def _is_parent_of(self, ent: Span) -> bool:
        """A group named as the parent of another ("X, a splinter faction of the TTP", "a
        breakaway group of Y (Z)"), or the parent's name written before its faction's ("TTP
        Jamaatul Ahrar"): the other group acted, not the parent."""
        following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if following is not None and following.ent_type_ == "GROUP" and following.ent_iob_ == "B" and following.ent_id_ != ent.ent_id_ and ent[-1].whitespace_:
            return True
        doc = ent.doc
        if ent.end + 1 < len(doc) and doc[ent.end].text in {"-", "–"} and doc[ent.end + 1].lower_ in self.lexicon.group_link_suffixes:
            return True  # "an al-Qaeda-linked group"
        root = ent.root
        if root.dep_ == "poss" and any(t.ent_type_ == "GROUP" and t.ent_id_ != ent.ent_id_ for t in root.head.subtree if t.i >= ent.end):
            return True  # "the TTP's Jamaat-ul-Ahrar faction"
        if any(a.dep_ == "relcl" and a.head.ent_type_ == "GROUP" and a.head.ent_id_ != ent.ent_id_ for a in root.ancestors):
            return True  # "the IMU, which has fought alongside the TTP": the other group's history
        head = root
        while head.dep_ in {"compound", "amod", "nmod"} and head.head.i > head.i:
            head = head.head
            if head.lower_ in self.lexicon.parent_group_nouns and not any(
                (c.dep_ == "prep" and c.lower_ == "of" and any(t.ent_type_ == "GROUP" for t in c.subtree))
                or (c.dep_ == "poss" and c.ent_type_ == "GROUP")
                for c in head.children
            ):
                # "the Pakistani Taliban faction Jamaat-ul-Ahrar", "a TTP breakaway group" (but in
                # "the JuA faction of the TTP" and "the TTP's JuA faction" the compound names the faction)
                return True
        while root.dep_ in {"appos", "conj"} and root.head.i != root.i:
            root = root.head
        relation = self.lexicon.group_relation_words.get(root.head.lower_) if root.dep_ == "pobj" else None
        if relation is not None:
            # "which broke away from the TTP", "a group linked to al-Qaeda": an origin or an ally
            before = root.head.head
            if before.lower_ in relation or before.lemma_.lower() in relation or (
                before.lower_ in {"away", "off"} and before.head.lemma_.lower() in relation
            ):
                return True
        if root.dep_ != "pobj" or root.head.lower_ != "of":
            return False
        if root.pos_ == "NOUN" and root.tag_ == "NNS" and self.lexicon.victim_category.get(root.lower_) == "attacker":
            return False  # "a group of Taliban militants": a band of fighters, not a faction's parent
        owner = root.head.head
        nouns = self.lexicon.parent_group_nouns
        return owner.lower_ in nouns or " ".join(t.lower_ for t in owner.lefts if t.dep_ in {"compound", "amod"}) + " " + owner.lower_ in nouns

    def _strength(self, span: Span) -> str:
        """Plural trigger nouns ("attacks", "suicide bombings") speak of attacks in general
        unless a number or "twin" counts them."""
        root = span.root
        counted = any(child.like_num or child.lower_ in self.lexicon.trigger_counters for child in root.children)
        if root.tag_ in {"NNS", "NNPS"} and counted:
            return "SPECIFIC"  # "twin attacks", "two bombings": particular incidents
        if span.label_ == "SPECIFIC" and root.tag_ in {"NNS", "NNPS"} and root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ == "one":
            return "SPECIFIC"  # "one of its suicide attackers": one particular attacker
        if span.label_ == "SPECIFIC" and root.tag_ in {"NNS", "NNPS"} and root.dep_ in {"nsubjpass", "dobj"} and (
            root.head.lemma_.lower() in self.lexicon.launch_lemmas and root.head.tag_ != "VBG"
        ):
            return "SPECIFIC"  # "rockets were fired at the city", "lobbed mortar shells": this attack's weapons
        if span.label_ == "SPECIFIC" and root.tag_ in {"NNS", "NNPS"} and root.lower_ not in self.lexicon.specific_plural_triggers:
            if span.id_ == "armed_clash" and len(span) > 1:
                return "SPECIFIC"  # "retaliatory operations", "intelligence-based operations"
            return "GENERIC"
        return span.label_

    def _earlier_clause_tokens(self, sent: Span, triggers: list[Span], casualties: list[dict]) -> set[int]:
        """Tokens of a clause opened by a gap in time ("a day after", "hours before": lexicon
        `time_gap_units`, `earlier_prepositions`) whose subject is an attack word, governed by a verb that tells an
        attack itself ("Gunmen killed ten labourers, a day after a bombing left 26 dead"): the
        clause tells another, earlier incident. Under any other verb ("security was tightened
        after a bomber killed 12", "they came two days after a bomber rammed a post") the clause
        is the news, and is kept. A verb of saying the parser hangs both clauses on ("Gunmen
        shot dead a lawyer, police said, hours after a blast killed five") passes for the verb
        of the clause it reports."""
        lexicon = self.lexicon
        trigger_tokens = {i for span in triggers for i in range(span.start, span.end)}
        trigger_roots = {span.root.i for span in triggers}
        inside: set[int] = set()
        whole_clauses: set[int] = set()  # tokens of clauses taken whole: a clause inside one is in already

        def tells_an_attack(verb: Token) -> bool:
            return verb.i in trigger_roots or verb.lemma_.lower() in lexicon.killed_lemmas | lexicon.injured_lemmas

        for token in sent:
            if token.i in whole_clauses:
                continue  # (read again, a run-on chain of such clauses took each one's subtree anew)
            marks, gaps = self._time_gap(token)
            if not marks or not gaps:
                continue  # "a day after", "hours before" (the gap on the verb or on its "after"); a plain "after" tells how
            if token.dep_ == "ROOT":
                # the parser may make the gap clause's verb the root and hang the news on it
                # ("gunmen shot a lawyer, police said, hours after a bomb killed five" with "shot"
                # a ccomp of "killed"): the clause is from its gap to the end
                start = min(t.i for t in marks[0].subtree)
                news = [c for c in token.children if c.dep_ == "ccomp" and c.i < start and tells_an_attack(c)]
                subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > start]
                if news and any(t.i in trigger_tokens for subject in subjects for t in subject.subtree):
                    inside |= {t.i for t in token.subtree if t.i >= start}
                continue
            if token.dep_ not in {"advcl", "conj", "ccomp"}:
                continue
            governor = token.head
            if governor.i == token.i:
                continue
            if governor.lemma_.lower() in lexicon.statement_verbs:
                reported = [c for c in governor.children if c.dep_ == "ccomp" and c.i != token.i]
                if not any(tells_an_attack(c) for c in reported):
                    continue
            elif token.dep_ == "ccomp" or not tells_an_attack(governor):
                continue
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(t.i in trigger_tokens for subject in subjects for t in subject.subtree):
                clause = {t.i for t in token.subtree}
                inside |= clause
                whole_clauses |= clause
        return inside

    def _earlier_phrase_tokens(self, sent: Span, triggers: list[Span]) -> set[int]:
        """Tokens of a phrase of time with a gap ("a day after a similar attack in Orakzai") on
        an attack verb ("days after a bombing in Lahore, gunmen attacked two posts"),
        or on a verb whose subject is an attack word that a group is told with ("the bombing,
        claimed by the TTP, came a day after ..."): the verb or its subject is the news, whose
        claim and figures they are; the phrase names another, earlier attack, whose place is
        not the news's. (Under another verb with no group, "the attacks came three weeks after
        the bombing of a mosque in Islamabad", the sentence is left whole: the story may go on
        with the earlier attack, "that attack was blamed on IS-KP".)"""
        lexicon = self.lexicon
        trigger_tokens = {i for span in triggers for i in range(span.start, span.end)}

        def gap_on(word: Token) -> bool:
            return any(c.dep_ == "npadvmod" and c.lower_ in lexicon.time_gap_units for c in word.children)

        verbs: dict[int, tuple[bool, bool]] = {}  # per verb, read once: its gap, and whether it tells the news
        inside: set[int] = set()
        for token in sent:
            if token.dep_ != "prep" or token.lower_ not in lexicon.earlier_prepositions or token.head.pos_ != "VERB":
                continue
            if token.i in inside or not any(c.dep_ == "pobj" and c.i in trigger_tokens for c in token.children):
                continue
            verb = token.head
            if verb.i not in verbs:
                told = [t for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree]
                # the verb tells the news itself ("days after a bombing in Lahore, Taliban gunmen
                # attacked two posts"), or its subject does with its group
                news = verb.i in trigger_tokens or (
                    any(t.i in trigger_tokens for t in told) and any(t.ent_type_ == "GROUP" for t in told)
                )
                verbs[verb.i] = (gap_on(verb), news)
            verb_gap, tells_the_news = verbs[verb.i]
            if tells_the_news and (verb_gap or gap_on(token)):
                inside |= {t.i for t in token.subtree}
        return inside

    def _time_gap(self, verb: Token) -> tuple[list[Token], list[Token]]:
        """The words of "after" or "before" (lexicon `earlier_prepositions`) that open a verb's
        clause, and the gaps in time told with them ("a day", on the verb or on its "after")."""
        lexicon = self.lexicon
        marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in lexicon.earlier_prepositions]
        gaps = [
            c for c in (*verb.children, *(marks[0].children if marks else ()))
            if c.dep_ == "npadvmod" and c.lower_ in lexicon.time_gap_units
        ]
        return marks, gaps

    def _attack_in_a_gap_clause(self, sent: Span, triggers: list[Span]) -> tuple[int, int, str] | None:
        """The bounds of a clause opened by a gap in time ("a day after", "two days after") whose
        subject holds every attack word of the sentence, under news of another kind ("police
        arrested three suspects on Saturday, a day after a bombing killed 12"), and the words
        that tell the gap; None where the sentence tells an attack outside such a clause."""
        if not triggers:
            return None
        lexicon = self.lexicon
        for token in sent:
            if token.dep_ not in {"advcl", "conj"}:
                continue
            marks, gaps = self._time_gap(token)
            # "a day after a grenade attack wounded nine", which the parser may also read as "a
            # day" + "after a grenade attack" + "wounded"
            openers = marks or [p for gap in gaps for p in gap.children if p.dep_ == "prep" and p.lower_ in lexicon.earlier_prepositions]
            if not openers or not gaps:
                continue
            first, last = token.left_edge.i, token.right_edge.i
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}] or openers
            if all(first <= span.root.i <= last for span in triggers) and any(
                subject.left_edge.i <= span.root.i <= subject.right_edge.i for subject in subjects for span in triggers
            ):
                return first, last, sent.doc[max(first - 3, sent.start) : last + 1].text
        return None

    def _told_before(self, span: Span) -> bool:
        """"patrols were stepped up in the wake of the abduction", "days after the bombing": a definite
        attack word in a phrase of time names an attack that came before (told elsewhere, or not
        this story's news); it gives the sentence no attack of its own. An anniversary is of a
        past attack whatever its article ("the 10th anniversary of a bomb blast")."""
        definite = self._is_definite(span)
        lexicon = self.lexicon
        node = _compound_head(span.root)  # "blast" of "a bomb blast"
        for _ in range(3):
            head = node.head
            if head.i == node.i or node.dep_ != "pobj":
                return False
            if head.lower_ in lexicon.earlier_prepositions:
                return definite
            if head.lower_ == "of" and head.head.lower_ in lexicon.earlier_prepositions:
                # "in the wake of", "in the aftermath of"; "the 10th anniversary of a blast"
                return definite or head.head.lower_ in lexicon.earlier_any_article
            node = head.head
        return False

    @staticmethod
    def _is_definite(span: Span) -> bool:
        root = span.root
        return root.pos_ == "NOUN" and any(c.lower_ in {"the", "that", "this"} and c.dep_ == "det" for c in root.children)

    def _is_page_clutter(self, sent: Span) -> bool:
        """A caption, credit, link to another story or share button (patterns/lexicon.json), the
        credit line of an embedded post, or a caption closed by its photo credit at the end of the
        line ("... in Quetta. — AP/File")."""
        text = span_text(sent)
        if text.strip().lower().startswith(self.lexicon.clutter_prefixes) or EMBED_CREDIT.search(text):
            return True
        whole = doc_text(sent.doc)
        line_end = whole.find("\n", sent.end_char - 1)  # a sentence may end with its newline
        rest_of_line = whole[sent.end_char : line_end if line_end >= 0 else len(whole)]
        return not rest_of_line.strip() and bool(PHOTO_CREDIT.search(text))

    def _group_code(self, ent: Span) -> str:
        """The group code of a GROUP name. "Taliban fighters" or "Taliban forces" without
        "Afghan", on a page from before the Taliban took Kabul, are the Taliban of the place told
        (a bare "Taliban": the Pakistani Taliban in Pakistan), not a state's forces."""
        if ent.ent_id_ == "Afghan Taliban" and "afghan" not in ent.text.lower() and self._before_the_taliban_held_kabul(ent.doc):
            return "Taliban"
        return ent.ent_id_

    def _afghan_actor_words(self, sent: Span) -> set[str]:
        """The Afghan actor's words (lexicon `afghan_side`) of the sentence outside the names of
        Pakistani groups. A bare "Taliban" on a page from before the Taliban took Kabul (lexicon
        `afghan_state_forces.until`) is no Afghan actor by itself: then "Taliban militants
        attacked a checkpost in Swat" were the Pakistani Taliban, and no force of a state."""
        words = {m.group(1) for m in self.lexicon.afghan_actor.finditer(self._without_pakistani_groups(sent))}
        if words == {"taliban"} and self._before_the_taliban_held_kabul(sent.doc):
            return set()
        return words

    def _before_the_taliban_held_kabul(self, doc: Doc) -> bool:
        """Whether the page was published before the Taliban took Kabul (lexicon
        `afghan_state_forces.until`); a page with no date is read as today's."""
        published = str(doc._.incidents_published or "")
        return bool(published) and published < self.lexicon.afghan_state_forces["until"]

    def _without_pakistani_groups(self, sent: Span) -> str:
        """The sentence lower-cased as `_lower_text` gives it, without the names of groups other
        than the Afghan Taliban and Afghanistan's forces (or a bare "Taliban", whose side the
        text decides). The names are blanked in the sentence's own text, so that "Pak-Afghan"
        keeps its hyphen."""
        text = span_text(sent)
        for ent in self._ents.get(sent.start, ()):
            if ent.label_ == "GROUP" and ent.ent_id_ and ent.ent_id_ not in self.lexicon.afghan_side_groups:
                start, end = ent.start_char - sent.start_char, ent.end_char - sent.start_char
                text = text[:start] + " " * (end - start) + text[end:]
        return " ".join(text.lower().replace("’", "'").split())

    def _similar_attack(self, frame: dict) -> bool:
        """A frame whose attack word is called similar to another ("a similar attack", "in a
        similar incident") and that names no place of its own."""
        return not frame["places"] and self._called_similar(frame)

    def _similar_noun(self, frame: dict) -> bool:
        """Whether the frame's sentence calls an attack noun similar ("a similar strike", which
        no trigger reads alone) or its attack word is called so."""
        record = frame["record"]
        span = record["doc"].char_span(record["start"], record["end"], alignment_mode="expand")
        return self._called_similar(frame) or (span is not None and any(
            t.lower_ in self.lexicon.similarity_words and t.head.lemma_.lower() in self.lexicon.summary_attack_lemmas for t in span
        ))

    def _called_similar(self, frame: dict) -> bool:
        """Whether a frame's attack word is called similar to another ("a similar strike")."""
        doc = frame["record"]["doc"]
        return any(
            c.lower_ in self.lexicon.similarity_words for t in frame["triggers"] for word in (doc[t["token"]], doc[t["token"]].head) for c in word.children
        )

    def _is_heading(self, sent: Span) -> bool:
        text = span_text(sent)
        stripped = text.strip()
        return bool(stripped) and ("\n" in text.rstrip() or not HEADING_END.search(stripped)) and len(stripped) < 160

    def _attacker_killed(self, span: Span) -> bool:
        """An attack word that is a person ("suicide bombers", lexicon `victim_nouns.attacker`)
        whom the sentence has killed or shot ("three suicide bombers were shot dead by the
        police", "troops killed a suicide bomber"): the dead of a clash, not an attack of theirs.
        Under a verb the bomber did ("the bomber blew himself up") it stays the attack. So is a
        verb of killing whose passive subject is such a person ("two attackers were shot dead")."""
        root = span.root
        if root.pos_ == "VERB" and any(
            c.dep_ == "nsubjpass" and self.lexicon.victim_category.get(c.lower_) == "attacker" for c in root.children
        ):
            # "two attackers were shot dead by police": the verb is how the attackers died
            root = next(c for c in root.children if c.dep_ == "nsubjpass")
        if self.lexicon.victim_category.get(root.lower_) != "attacker":
            return False
        verb = root.head
        killed = verb.lemma_.lower() in self.lexicon.killed_lemmas or any(
            c.dep_ in {"acomp", "oprd", "advmod", "amod"} and c.lower_ == "dead" for c in verb.children
        )
        if not killed or verb.pos_ != "VERB":
            return False
        return (root.dep_ == "nsubjpass") or (root.dep_ == "dobj" and any(c.dep_ == "nsubj" for c in verb.children))

    def _trigger_is_hypothetical(self, span: Span) -> bool:
        lexicon = self.lexicon
        head = span.root
        if self._campaign_aim(head):
            return True
        if any(child.lower_ in lexicon.hypothetical_modifiers for child in head.children):
            return True  # "a would-be suicide bomber": someone who meant to attack
        ancestors = list(head.ancestors)
        if any(
            any(c.dep_ == "mark" and c.lower_ == "before" for c in a.children)
            and any(c.dep_ == "aux" and c.lower_ in lexicon.hypothetical_modals for c in a.children)
            for a in [head, *ancestors[:5]]
        ):
            return True  # "shot dead before they could drive in a car packed with explosives"
        if any(a.lemma_.lower() in lexicon.record_lemmas and a.pos_ == "VERB" for a in ancestors[:4]):
            return True  # "wanted for kidnapping traders": the suspects' record
        if head.tag_ in {"NNS", "NNPS"} and any(a.dep_ == "relcl" and a.head.ent_type_ == "GROUP" for a in ancestors[:4]):
            return True  # "the TTP, who have stepped up attacks since 2022": the group's record
        if head.dep_ == "compound" and head.head.lower_ in lexicon.non_attack_compound_heads:
            return True  # "the bomb disposal squad", "a bomb threat"
        if self._weapon_seized(head):
            return True  # "an explosive device was recovered from their hideout"
        if self._trend_subject(head):
            return True  # "kidnapping has declined by 40 percent": a trend
        if head.lemma_.lower() in lexicon.demolition_lemmas and any(
            c.dep_ == "nsubj" and (c.ent_type_ == "SECURITY_FORCE" or lexicon.victim_category.get(c.lower_) == "security")
            for c in head.children
        ):
            return True  # "troops blew up two bridges": the forces' demolition
        came_from = None
        for _ in range(3):
            if _when_it_happened(head):
                return False  # "a bid was averted when a vest exploded": the clause tells what did happen
            if any(child.lower_ in lexicon.hypothetical_modals and child.dep_ == "aux" for child in head.children):
                return True
            if head.lemma_.lower() in lexicon.hypothetical_heads and not (
                came_from is not None and came_from.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in head.children)
            ) and not (span.id_ == "armed_clash" and head.lemma_.lower() in lexicon.forces_response_verbs):
                # "plotted an attack"; but "the attack had been planned by X" tells who was
                # behind one that happened, and "troops foiled an infiltration bid" tells the
                # fight in which they did (foiling is one of the forces' `responses`)
                return True
            if any(child.dep_ == "mark" and child.lower_ in lexicon.question_marks for child in head.children):
                return True  # "not clear whether it was a suicide blast": a question left open
            if head.head.i == head.i:
                break
            came_from, head = head, head.head
        return False

    def _trend_subject(self, word: Token) -> bool:
        """Whether an attack word is (or is listed with) the subject of a verb of `trend_lemmas`
        used intransitively ("kidnappings dropped by half"; not "a drone dropped explosives")."""
        while word.dep_ in {"conj", "appos"} and word.head.i != word.i:
            word = word.head
        return word.dep_ == "nsubj" and word.head.lemma_.lower() in self.lexicon.trend_lemmas and not any(
            c.dep_ == "dobj" for c in word.head.children
        )

    def _weapon_seized(self, word: Token) -> bool:
        """Whether an attack word (a weapon) is the object of a verb of `seized_lemmas`, or listed
        with such an object ("two pistols and an explosive device were recovered"), or follows
        "with" on a verb of `caught_with_lemmas` ("arrested with a suicide vest")."""
        word = conj_root(word)
        verb = word.head
        if (
            word.dep_ == "pobj" and verb.lower_ == "with" and verb.head.lemma_.lower() in self.lexicon.caught_with_lemmas
            and word.lower_ not in self.lexicon.victim_category and not any(c.dep_ == "prt" for c in verb.head.children)
        ):
            return True  # "a terrorist was arrested with a suicide vest" ("caught up with the gunmen" is a chase)
        return word.dep_ in {"dobj", "nsubjpass"} and verb.pos_ == "VERB" and verb.lemma_.lower() in self.lexicon.seized_lemmas

    def _acts_as_a_rule(self, ent: Span) -> bool:
        """Whether a group is the subject of a verb of what it does as a rule ("the BLA frequently
        attacks security forces"): who they are, not who carried out the attack told ("the BLA,
        which often targets convoys, claimed the attack" claims it)."""
        verb = ent.root.head
        if ent.root.dep_ not in {"nsubj", "nsubjpass"} or verb.pos_ not in {"VERB", "AUX"}:
            return False
        if verb.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ in self.lexicon.habitual_adverbs for c in verb.children):
            return True
        # "the TTP has been behind most attacks on police", "the BLA has carried out dozens of
        # attacks on convoys", "the TTP has claimed most of the attacks": a record of many
        # attacks, not the claim of the one told
        quantifiers = self.lexicon.record_quantifiers
        return any(
            t.tag_ == "NNS" and t.lemma_.lower() in self.lexicon.summary_attack_lemmas and (
                any(q.lower_ in quantifiers for q in t.subtree if q.i < t.i)
                or (t.head.lower_ == "of" and t.head.head.lower_ in quantifiers)
            )
            for t in verb.subtree if t.i > verb.i
        )

    def _campaign_aim(self, verb: Token) -> bool:
        """Whether an attack verb in the present tense states an aim ("the Taliban are fighting
        to topple the government", "they fight to impose their rule"): a campaign, not an incident."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lexicon.campaign_lemmas:
            return False
        if verb.tag_ == "VBG" and verb.dep_ == "acl":
            return True  # "a safe haven for insurgents fighting on both sides of the border": who they are
        present = verb.tag_ in {"VBP", "VBZ"} or (
            verb.tag_ == "VBG" and any(child.dep_ == "aux" and child.lower_ in {"is", "are", "am"} for child in verb.children)
        )
        aim = any(child.dep_ == "xcomp" and any(g.lower_ == "to" and g.dep_ == "aux" for g in child.children) for child in verb.children)
        return present and aim

    @staticmethod
    def _inside_origin(ent: Span) -> bool:
        """Whether a place lies inside a phrase governed by "from" higher up than the word before
        it ("launched from Paktika province of Afghanistan")."""
        node = ent.root
        for _ in range(3):
            head = node.head
            if head.i == node.i:
                return False
            if head.lower_ == "from" and head.dep_ == "prep" and node.dep_ == "pobj" and node.i != ent.root.i:
                return True
            node = head
        return False

    def _attackers_side(self, words_before: list[str], sentence: str) -> bool:
        """Whether "in <country>" after `words_before` names where the attackers were when they
        struck across the border ("gunmen in Afghanistan shot at a post across the border"):
        their side, not the site. `sentence` is lower-cased."""
        return (
            bool(words_before) and self.lexicon.victim_category.get(words_before[-1].lower()) == "attacker"
            and any(cue in sentence for cue in self.lexicon.place_roles["cross_border_cues"])
        )

    def _only_neighboured(self, ent: Span) -> bool:
        """Whether the place is what the story's region neighbours: inside the object of a
        finite verb of adjacency ("a valley that neighbours Swat"). "Border" is left out: the
        parser takes the noun in "the Wagah border" for a verb."""
        verbs = self.lexicon.place_roles["adjacency_verbs"]
        node = ent.root
        for _ in range(4):
            head = node.head
            if head.i == node.i:
                return False
            if head.lemma_.lower() in verbs and head.tag_ in {"VBZ", "VBP", "VBD", "VBG"}:
                return node.dep_ in {"dobj", "pobj", "attr"}
            node = head
        return False

    def _side_of_a_boundary(self, ent: Span) -> bool:
        """Whether the place is one side of a boundary that a relative clause of location puts a
        site on ("the valley, which is located on the borders between North and South
        Waziristan"): the site straddles it, so neither side is the incident's place."""
        roles = self.lexicon.place_roles
        node, boundary = ent.root, False
        for _ in range(10):
            head = node.head
            if head.i == node.i:
                return False
            boundary = boundary or head.lower_ in roles["boundary_words"]
            if head.dep_ == "relcl" and head.lemma_.lower() in roles["site_description_verbs"]:
                return boundary
            node = head
        return False

    def _where_a_speaker_is(self, ent: Span) -> bool:
        """"The BBC's correspondent, in Islamabad, says ...": a place set off beside the subject
        of a verb of speaking locates the speaker."""
        prep = ent.root.head
        if prep.lower_ not in self.lexicon.place_roles["speaker_place_prepositions"] or prep.dep_ != "prep":
            return False
        if prep.i == 0 or ent.doc[prep.i - 1].text != ",":
            return False  # set off by commas
        head = prep.head
        verb = head.head if head.dep_ == "nsubj" and head.pos_ in {"PROPN", "NOUN"} else head
        return verb.pos_ == "VERB" and verb.lemma_.lower() in self.lexicon.speaker_verbs

    def _here(self, sent: Span) -> list[dict]:
        """"... in a motorcycle bombing in the Chowrangi area here on Friday": in a story filed
        under a dateline, "here" is the dateline's town."""
        if not self._datelines:
            return []
        here = next((t for t in sent if t.lower_ == "here" and t.pos_ == "ADV" and t.dep_ == "advmod"), None)
        if here is None or self._quoted(here, sent):
            return []  # "'we have 22 bodies here,' a surgeon said": where the speaker stands
        return [dict(self._datelines[0], token=here.i, text=here.text, sent=sent.start, here=True)]

    @staticmethod
    def _quoted(token, sent: Span) -> bool:
        """Whether `token` stands inside a quotation of its sentence (an odd number of quote
        marks before it)."""
        before = sent.doc[sent.start : token.i]
        return sum(t.text in {'"', "“", "”"} for t in before) % 2 == 1

    def _surname(self, ent: Span, sent: Span) -> bool:
        """Whether a place name ends a person's name: a given name right before it and a title
        or honorific just before that ("Minister Sanaullah Zehri", "Nawab Aslam Raisani")."""
        doc = sent.doc
        if ent.start - 2 < sent.start:
            return False
        given = doc[ent.start - 1]
        if given.pos_ != "PROPN" or not given.is_title or given.ent_type_ in {"PLACE", "GPE", "GROUP", "SECURITY_FORCE"}:
            return False
        titles = self.lexicon.place_roles["person_titles"]
        return any(t.lower_ in titles for t in doc[max(sent.start, ent.start - 4) : ent.start - 1])

    def _is_attacked(self, noun) -> bool:
        """Whether the attack word of its clause struck `noun` ("struck a court", "a bomb went off
        at the hospital", "the consulate was attacked"): a court or a hospital that is the
        attack's site is not where the wounded were taken or a case was heard."""
        doc = noun.doc
        attack_tokens = {i for span in doc.spans.get(self.triggers_key, []) for i in range(span.start, span.end)}
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in self.lexicon.place_roles["site_part_nouns"]:
            noun = noun.head.head  # "at the entrance of the hospital": the part struck is the site's
        governor = noun.head
        if noun.dep_ == "pobj" and governor.lower_ in self.lexicon.place_roles["location_preps"]:
            governor = governor.head
        elif noun.dep_ not in {"dobj", "nsubjpass"}:
            return False
        # "struck a court"; "a bomb went off in a court": the attack word governs or is the subject
        return governor.i in attack_tokens or any(
            child.dep_ in {"nsubj", "nsubjpass"} and child.i in attack_tokens for child in governor.children
        )

    @staticmethod
    def _tail_of_another_name(ent: Span, place, sent: Span) -> bool:
        """A short form of a place (the gazetteer's `ambiguous_aliases`) right after another
        capitalised word ends a longer name the gazetteer does not know: "Shinkay Darra" is a
        village, "Lower Kohistan" another district. So does any one-word town after two."""
        def name_word(token) -> bool:
            return token.is_alpha and token.is_title and not token.ent_type_

        doc = sent.doc
        if ent.text.lower() in place.short_aliases:
            return ent.start - 1 > sent.start and name_word(doc[ent.start - 1])
        # a one-word town after two capitalised words is the end of a person's or a shrine's
        # name ("the shrine of Abdullah Shah Ghazi" is in Karachi, not the town of Ghazi)
        return (
            len(ent) == 1 and place.kind in {"town", "area"} and ent.start - 2 > sent.start
            and name_word(doc[ent.start - 1]) and name_word(doc[ent.start - 2])
        )

    def _dates_a_statement(self, found: dict, doc: Doc) -> bool:
        """Whether a date phrase modifies a verb of saying ("said Tuesday", "told reporters on
        Wednesday") rather than what happened."""
        span = doc.char_span(found["start"], found["end"], alignment_mode="expand")
        if span is None:
            return False
        if span.start >= 2 and doc[span.start - 1].lower_ in {"on", "in"} and (
            doc[span.start - 2].lemma_.lower() in self.lexicon.summary_attack_lemmas
        ):
            return False  # "the group owned a blast on 2 April": the blast's day, however parsed
        head = span.root.head
        if head.dep_ == "prep" and head.i != span.root.i:
            head = head.head
        if head.lemma_.lower() in self.lexicon.boast_verbs:
            claimed = [c for c in head.children if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "for")]
            claimed += [g for c in claimed if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep" and g.lower_ == "for"]
            if any(c.i < span.start for c in claimed):
                return False  # "claimed credit for the killing of ten climbers ... on June 23": the killing's day
        return head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() in self.lexicon.statement_verbs

    def _victims_employer_place(self, ent: Span) -> bool:
        """"killing two employees of a bank in Peshawar", "three staff of the consulate in
        nearby Lahore": a place told of the body the counted victims belong to says where it
        stands; with another place in the sentence, not where they were hit."""
        prep = ent.root.head
        if ent.root.dep_ != "pobj" or prep.lower_ not in {"in", "at"}:
            return False
        body = prep.head
        of = body.head
        if body.dep_ != "pobj" or of.lower_ != "of" or of.dep_ != "prep":
            return False
        victims = of.head
        return victims.tag_ in {"NNS", "NN"} and victims.lower_ in self.lexicon.victim_category and any(
            c.dep_ == "nummod" for c in victims.children
        )

    @staticmethod
    def _words_before_the_name(start: int, sent: Span) -> tuple[int, str, str]:
        """The first token of the place name starting at or before `start` (its place compounds
        included: "from Hyderabad Sindh") and the two words before it, lower-cased."""
        first = start
        while first > sent.start and sent.doc[first - 1].ent_type_ == "PLACE" and sent.doc[first - 1].dep_ == "compound":
            first -= 1
        previous = sent.doc[first - 1].lower_ if first > sent.start else ""
        before2 = sent.doc[first - 2].lower_ if first - 1 > sent.start else ""
        return first, previous, before2

    def _names_no_location(self, previous: str, before2: str) -> bool:
        """Whether the words before a place name make it an origin, a home or a destination ("from
        Multan", "residents of Swat"), not where something happened."""
        roles = self.lexicon.place_roles
        return previous in roles["non_location_previous"] or (previous == "of" and before2 in roles["non_location_of_heads"])

    def _taken_from(self, preposition: Token) -> bool:
        """Whether the word before a place name is "from" on a verb of taking people ("four
        engineers were abducted from Zhob"), or on the phrase of those taken, where the parser
        hangs it ("abducted five employees of a telecom company from Zhob"): where they were
        taken, not where they came from."""
        if preposition.lower_ != "from":
            return False
        verb = preposition.head
        if verb.pos_ != "VERB" and verb.dep_ != "pobj":
            return False  # "abducted six labourers from Punjab": where the labourers came from
        for _ in range(4):
            if verb.pos_ == "VERB" or verb.dep_ not in {"pobj", "prep", "dobj", "nsubjpass"} or verb.head.i == verb.i:
                break
            verb = verb.head
        return verb.pos_ == "VERB" and verb.lemma_.lower() in self.lexicon.place_roles["taken_from_verbs"]

    def _listed_after_a_non_location(self, ent: Span, sent: Span) -> bool:
        """Whether a place is a conjunct of a place named after an origin, home or destination word
        ("from Multan and Bahawalpur", "residents of Swat and Dir"), or after a site that is no
        scene ("died in hospitals in Quetta and Karachi")."""
        if ent.root.dep_ != "conj":
            return False
        listed_first = conj_root(ent.root)
        if listed_first.ent_type_ != "PLACE":
            return False
        first, previous, before2 = self._words_before_the_name(listed_first.i, sent)
        return self._in_a_site_that_is_no_scene(first, previous, before2, sent) or self._names_no_location(previous, before2)

    def _in_a_site_that_is_no_scene(self, first: int, previous: str, before2: str, sent: Span) -> bool:
        """Whether a name (its first token `first`, the two words before it) follows "in" or "at"
        after a site that is not attacked ("the hospital in Quetta", "the Chinese embassy in
        Islamabad"): where someone was taken or works, not the scene."""
        roles = self.lexicon.place_roles
        return previous in {"in", "at"} and before2 in roles["non_location_heads"] and not self._is_attacked(sent.doc[first - 2])

    def _home_of_a_named_person(self, place: Token, depth: int = 0) -> bool:
        """Whether a place name (or the first of the places listed with it) hangs on "of" after a
        person's name: "Constable Imran Ali of Swabi", "Naik Ahmed Khan, 31, of Chakwal" tell
        where the man came from, as "a resident of Swabi" does, not where he was hit; so does
        "from" after a ranked name ("Major Ali Khan from Hunza")."""
        node = conj_root(place)
        for _ in range(3):  # "from Hunza Valley's Karimabad area": the phrase the name is in
            if node.dep_ not in {"compound", "poss"} or node.head.i == node.i:
                break
            node = node.head
        prep = node.head
        if node.dep_ != "pobj" or prep.lower_ not in {"of", "from"} or prep.dep_ != "prep":
            return False
        name = prep.head
        ranked = any(c.lower_ in self.lexicon.rank_titles for c in left_compounds(name))
        if prep.lower_ == "from" and not ranked:
            return False  # "Major A from Hunza" is his home; "abducted Ali from Turbat" may be the scene
        if name.ent_type_ == "PLACE" and depth < 3:
            # "Naik A, 31, of Chakwal and Sepoy B, 24, of Kurram", parsed with the second "of"
            # on Chakwal: the place of a home is named after another home
            return self._home_of_a_named_person(name, depth + 1)
        if name.pos_ != "PROPN" or name.ent_type_ in {"PLACE", "GPE", "GROUP", "ORG", "SECURITY_FORCE", "FAC"}:
            return False
        # a name with a rank before it, as `_named_members_of_the_forces` reads one
        return name.ent_type_ == "PERSON" or ranked

    def _office_place(self, ent: Span) -> bool:
        """Whether a place (or the first of the places listed with it) is the object of "in" on
        one of `place_roles.office_titles` ("their chief in Tank, Waziristan"), or on one of its
        `speaker_nouns` that is a verb's subject where the place is a seat of government
        (`actor_capitals`: "officials in Islamabad condemned ...")."""
        roles = self.lexicon.place_roles
        node = conj_root(ent.root)
        prep = node.head
        if node.dep_ != "pobj" or prep.lower_ != "in":
            return False
        holder = prep.head
        return holder.lower_ in roles["office_titles"] or (
            # a government's seat: "officials in Kohistan" may well be at the scene
            holder.lower_ in roles["speaker_nouns"] and holder.dep_ == "nsubj" and ent.text in roles["actor_capitals"]
        )

    def _locations(self, sent: Span) -> list[dict]:
        roles = self.lexicon.place_roles
        found = []
        employers = []  # for each place found: whether it only says where someone worked
        for ent in self._ents.get(sent.start, ()):
            if ent.label_ != "PLACE" or not ent.ent_id_:
                continue
            place = self.gazetteer.get(ent.ent_id_)
            if place is None:
                continue
            # the words before the whole name: "from Hyderabad Sindh" is an origin for Sindh too
            first, previous, before2 = self._words_before_the_name(ent.start, sent)
            if self._names_no_location(previous, before2) and not (
                # "abducted from Zhob": the scene; "abducted six labourers from Punjab": a home
                place.kind not in {"province", "country"} and self._taken_from(sent.doc[first - 1])
            ):
                continue
            if self._listed_after_a_non_location(ent, sent):
                continue  # "workers who hailed from Multan and Bahawalpur": Bahawalpur is a home too
            if self._home_of_a_named_person(ent.root):
                continue  # "Constable Imran Ali of Swabi was martyred": where he came from
            if self._in_a_site_that_is_no_scene(first, previous, before2, sent):
                continue  # "the hospital in Quetta", "the Chinese embassy in Islamabad"
            if previous == "in" and before2 in roles["base_words"]:
                continue  # "outfits operating in South Waziristan": where the attackers are based
            if self._where_a_speaker_is(ent):
                continue  # "our correspondent, in Islamabad, says": where the report comes from
            if any(c.dep_ == "appos" and c.lower_ in roles["person_titles"] for c in ent.root.children):
                continue  # "Mohmand, a commander of the faction": a person
            if self._surname(ent, sent):
                continue  # "Chief Minister Sanaullah Zehri": a family name, not the town
            if self._tail_of_another_name(ent, place, sent):
                continue  # "Shinkay Darra": not Darra Adam Khel
            if place.kind == "country" and self._inside_origin(ent):
                continue  # "a raid launched from Paktika province of Afghanistan": the attackers' side
            if place.kind == "country" and (
                previous in roles["country_reference_previous"]
                or (previous == "in" and self._attackers_side([before2], sent.text.lower()))
            ):
                continue  # "a post near Afghanistan", "gunmen in Afghanistan shot across the border"
            if self._only_neighboured(ent):
                continue  # "a region that neighbours the former stronghold of Swat": next to it
            if self._side_of_a_boundary(ent):
                continue  # "a valley which lies between North and South Waziristan": where it lies
            if self._is_travel_end(ent):
                continue  # "returning to their camp in Chilas", "a bus bound for Lahore"
            if self._near_a_located_place(ent):
                continue  # "in Jamrud near Peshawar": where the town lies, not a second scene
            nxt = sent.doc[ent.end].lower_ if ent.end < sent.end else ""
            dateline = self._is_dateline(ent, sent)
            if _in_capitals_of_a_word(ent, place) and not dateline:
                continue  # "a SWAT team": an ambiguous name in capitals is a place only as a dateline
            if dateline:
                self._datelines.append({"key": place.key, "token": ent.start, "start": ent.start_char, "text": ent.text, "kind": place.kind, "country": place.country, "province": place.province, "district": place.district, "specificity": place.specificity, "named_as_district": False, "conj_head": ent.root.i, "located": True, "sent": sent.start, **place.coordinates()})
                continue
            if self._is_actor(ent, place, nxt) or self._is_modifier(ent, nxt):
                continue
            if self._reference_point(sent, first):
                continue  # "150 kilometres southwest of Quetta", "some 40 km from Gilgit": a reference point
            found.append(
                {
                    "key": place.key,
                    "token": ent.start,
                    "text": ent.text,
                    "kind": place.kind,
                    "country": place.country,
                    "province": place.province,
                    "district": place.district,
                    "specificity": place.specificity,
                    "named_as_district": nxt in roles["unit_nouns"],
                    "conj_head": ent.root.head.i if ent.root.dep_ == "conj" else ent.root.i,
                    "located": previous in roles["location_preps"] or ent.root.dep_ in {"pobj", "dobj", "compound", "conj", "poss", "nmod"},
                    **place.coordinates(),
                }
            )
            employers.append(self._victims_employer_place(ent) or self._office_place(ent))
        earlier = [self._names_an_earlier_attack(sent.doc, p["token"]) for p in found]
        if any(earlier) and not all(earlier):
            # "Hours after the Mastung bombing, another suicide bomber struck a mosque in Hangu":
            # the place of the attack the phrase of time recalls is not where this one struck
            found = [p for p, recalled in zip(found, earlier) if not recalled]
            employers = [e for e, recalled in zip(employers, earlier) if not recalled]
        if any(employers) and any(p["district"] for p, employer in zip(found, employers) if not employer):
            # "a bomb hit a van in Mohmand, killing two employees of a bank in Peshawar": where
            # the victims worked, beside the place of the attack, is not where they were hit;
            # "their chief in Tank was among eight shot dead in Malir": where he held office
            found = [p for p, employer in zip(found, employers) if not employer]
        return found

    def _names_an_earlier_attack(self, doc: Doc, token: int) -> bool:
        """Whether the place name at `token` modifies a definite attack word that a phrase of time
        tells as an earlier attack ("after the Mastung bombing", "in the wake of the Quetta blast")."""
        ent = next((e for e in self._ents.get(doc[token].sent.start, ()) if e.start == token), None)
        if ent is None or ent.root.dep_ not in {"compound", "poss", "nmod", "amod"}:
            return False
        head = ent.root.head
        return any(
            span.start <= head.i < span.end and self._told_before(span)
            for span in doc.spans.get(self.triggers_key, [])
        )

    def _reference_point(self, sent: Span, first: int) -> bool:
        """Whether the place name starting at `first` is what a direction or a distance is told
        from: "southwest of Quetta", "some 40 km from Gilgit", "north of the capital Islamabad"."""
        roles = self.lexicon.place_roles
        doc = sent.doc
        i = first - 1
        while i > sent.start and doc[i].lower_ in roles["reference_titles"]:
            i -= 1  # "of the provincial capital Quetta"
        if i - 1 < sent.start:
            return False
        previous, before = doc[i].lower_, doc[i - 1].lower_
        return (previous == "of" and before in roles["directions"]) or (previous in {"of", "from"} and before in roles["distance_units"])

    @staticmethod
    def _is_dateline(ent: Span, sent: Span) -> bool:
        """"PESHAWAR:", "QUETTA/PESHAWAR:", "ISLAMABAD (Reuters) -", "LAHORE, Pakistan (AP) —":
        where the story was filed, not where the incident happened."""
        doc = sent.doc
        line_start = ent.start == sent.start or "\n" in doc[ent.start - 1].whitespace_ or doc[ent.start - 1].is_space
        if not line_start:
            # "date 2021-07-14 PESHAWAR: ...": a date stamp glued before the dateline on its line
            before = doc_text(doc)[: ent.start_char]
            line_before = before[before.rfind("\n") + 1 :]
            line_start = bool(DATE_STAMP.match(line_before)) or (
                # "By our correspondent PESHAWAR: ...": a place in capitals with its colon, a
                # few words of page furniture before it on its line
                ent.text.isupper() and len(ent.text) > 2 and ent.end < len(doc) and doc[ent.end].text == ":" and len(line_before.split()) <= 3
            )
        if not line_start and not (ent.start - 2 >= sent.start and doc[ent.start - 1].text == "/" and doc[ent.start - 2].text.isupper()):
            return False
        window = doc[ent.end : min(ent.end + 4, len(doc))].text
        return ent.text.isupper() or bool(re.match(r"^\s*(:|/|\(|—|–|-\s|,\s*(?:Pakistan|Afghanistan)\s*\()", window))

    def _near_a_located_place(self, ent: Span) -> bool:
        """A place in a "near" phrase of another named place, told as a scene, that lies in one
        district ("in Jamrud near Peshawar") says where that place is. Near a place across
        districts ("on the Indus Highway near Kohat") it says where on it the attack was, and is
        kept."""
        doc = ent.doc
        if ent.start < ent.sent.start + 2 or doc[ent.start - 1].lower_ != "near":
            return False
        named = doc[ent.start - 2]  # the name just before "near" (the parser may hang "near" on the verb)
        if named.ent_type_ != "PLACE":
            return False
        first = named.i
        while doc[first].ent_iob_ == "I" and first > ent.sent.start:
            first -= 1  # the start of that name
        # the named place must be a scene itself ("in Jamrud"), not a home ("labourers from
        # Multan near Turbat")
        place = self.gazetteer.get(named.ent_id_)
        scene = first > ent.sent.start and doc[first - 1].lower_ in {"in", "at"}
        return scene and place is not None and place.district is not None

    def _is_travel_end(self, ent: Span) -> bool:
        """A place in a to/from/for phrase of a travel word ("waiting for a bus to Lahore",
        "returning to their camp in Chilas", "a coach bound for Karachi"): an origin or a
        destination, not where the attack happened."""
        travel = self.lexicon.place_roles["travel_words"]
        node = ent.root
        for _ in range(4):
            head = node.head
            if head.i == node.i:
                return False
            if node.dep_ == "pobj" and head.lower_ in self.lexicon.place_roles["travel_prepositions"]:
                governor = head.head
                if governor.lower_ in travel or governor.lemma_.lower() in travel:
                    return node.i in range(ent.start, ent.end) or self._lies_within(node, ent)
            if head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() not in travel:
                return False  # the place is in the clause of another verb ("attacked ... in Ormara")
            node = head
        return False

    def _lies_within(self, end: Token, ent: Span) -> bool:
        """Whether the place `ent`, in a phrase hung on the travel end `end`, can be where that
        end lies ("to their camp in Chilas", "to Parachinar in Kurram"). A named end elsewhere
        cannot lie in it ("travelling from Parachinar to Peshawar in Lower Kurram"): the phrase
        says where the travellers were when attacked, whatever the parser hung it on."""
        if not (ent.root.dep_ == "pobj" and ent.root.head.lower_ in self.lexicon.place_roles["location_preps"]):
            return True  # "airlifted to Kohat and Peshawar": another end, not a phrase on one
        named_end = next((e for e in self._ents.get(end.sent.start, ()) if e.start <= end.i < e.end), None)
        if named_end is None or named_end.label_ != "PLACE" or not named_end.ent_id_:
            return True
        there, here = self.gazetteer.get(named_end.ent_id_), self.gazetteer.get(ent.ent_id_)
        if there is None or here is None or here.district is None or there.district is None:
            return True
        return there.district == here.district

    def _is_modifier(self, ent: Span, nxt: str) -> bool:
        """"the Peshawar-bound train", "the Dasu hydropower project", "Quetta police chief":
        a place name modifying something that is not a place or an attack; one end of a road
        named after both ("the Dera-Zhob Road"); or a town's name on a quarter of a city
        ("Dir Colony", "Peshawar's Dir Colony": lexicon `quarter_nouns`)."""
        if nxt in {"-bound", "bound"} or ent.doc[ent.end : ent.end + 2].text.lower().startswith("-bound"):
            return True
        roles = self.lexicon.place_roles
        root = ent.root
        if root.dep_ in {"compound", "amod", "nmod"} and root.head.i > root.i:
            if ent.end < len(ent.doc) and ent.doc[ent.end].text == ",":
                # "in a busy market of Hub, informed sources", parsed Hub -nmod-> sources:
                # a name that modifies a noun is never cut off from it by a comma
                return False
            head = root.head
            # "the Dera-Zhob Road", "the Thall-Parachinar road": the ends of a road, each a name
            # compounded (through the other) with the road noun, a hyphen between them
            road = head
            while road.ent_type_ == "PLACE" and road.dep_ in {"compound", "amod", "nmod"} and road.head.i > road.i:
                road = road.head
            doc = ent.doc
            if road.lower_ in roles["road_nouns"] and any(t.text in {"-", "–"} for t in doc[max(ent.start - 1, 0) : road.i]):
                return True
            if road.lower_ in roles["road_nouns"] and ent.ent_id_.rsplit("#", 1)[-1] in {"district", "town"}:
                # "the Tank Road in Manzai", "Zhob Road in Dera Ismail Khan": a road named after the
                # town it leads to runs elsewhere
                return True
            if road.lower_ in roles["quarter_nouns"] or (road.lower_ in roles["site_nouns"] and any(
                c.dep_ == "poss" and c.ent_type_ == "PLACE" and c.i < ent.start for c in road.children
            )):
                return True  # "a seminary in Dir Colony", "Peshawar's Dir Colony": a quarter of a city, named after a town
            phrase = _phrase_head(head)  # "Bajaur drone strike": the place names where the phrase's head happened
            return not (
                head.ent_type_ == "PLACE"
                or head.lower_ in roles["location_nouns"]
                or head.lower_ in roles["site_nouns"]  # "Kohat Garrison", "Mardan Cantt"
                or head.lemma_.lower() in roles["attack_nouns"]
                or phrase.lemma_.lower() in roles["attack_nouns"]
            )
        return False

    def _is_actor(self, ent: Span, place, nxt: str) -> bool:
        """"Islamabad said", "Kabul's denials", "Pakistan's relations": a capital or country
        standing for its government is not where anything happened."""
        roles = self.lexicon.place_roles
        root = ent.root
        if root.dep_ in {"nsubj", "nsubjpass"} and (place.kind in {"country"} or place.name in roles["actor_capitals"]):
            return True
        if root.dep_ == "poss" or nxt in {"'s", "’s"}:
            head = root.head
            # "Karachi's Defence neighbourhood" locates; "Kabul's denials" does not
            return head.ent_type_ != "PLACE" and head.lower_ not in roles["location_nouns"] and head.lower_ not in roles["site_nouns"]
        return False

    def _targets_by_trigger(self, sent: Span, triggers: list[Span], record: dict, excluded: frozenset[int]) -> dict[int, list[str]]:
        """Who each attack word's own clause says was attacked, where the sentence tells attacks
        at several places ("one bomber hit a police van in Quetta, while two others stormed a
        court in Pishin": the van is Quetta's, the court Pishin's); each place's incident takes
        the targets of its own attack words (`_split_frames`). Empty for a sentence of one place."""
        districts = {p["district"] or p["province"] for p in record["places"] if p["kind"] != "country"}
        if not 2 <= len(triggers) <= MAX_TRIGGERS_READ_APART or len(districts) < 2:
            return {}  # (a run-on line of hundreds of attacks is read once for all of them)
        clauses = {span.start: _clause_of(span.root) for span in triggers}
        found = {}
        for span in triggers:
            own = clauses[span.start]
            own_words = {t.i for t in own.subtree}
            others = set()
            for other in triggers:
                clause = clauses[other.start]
                if clause.i == own.i:
                    continue
                words = {t.i for t in clause.subtree}
                # a clause the attack word's own clause sits in: its words outside this one
                others |= words - own_words if own.i in words else words
            if not self._trigger_is_hypothetical(span):  # "plotting an attack on a mosque": no one was hit
                found[span.start] = self._targets(self._attacked_text(sent, [span], record["heading"], excluded | frozenset(others)))
        return found

    def _attacked_text(self, sent: Span, triggers: list[Span], heading: bool, excluded: frozenset[int] = frozenset()) -> str:
        """The words of `sent` that say who or what was attacked, killed or injured, lower-cased:
        the objects of its attack words and casualty verbs ("killed three policemen", "an attack
        on a checkpost", "the blast tore through a bazaar"), the subjects of their passives
        ("two soldiers were martyred") and the nouns an attack noun is compounded with ("the
        police van attack"). Each is the noun phrase alone: its conjuncts and "of" phrases, not
        the clauses or other prepositional phrases nested in it ("a shopkeeper within the limits
        of the Saddar police station", "policemen guarding polio workers"), except whom a vehicle
        was carrying and the vehicle victims were pulled off (lexicon `attacked_roles`). Tokens
        in `excluded` (a clause that tells another attack) are left out."""
        lexicon = self.lexicon
        kept: set[int] = set()
        # the phrases and verbs still to read: a worklist, not recursion (a list of a thousand
        # conjuncts, "struck a camp in Kalat and a bank in Mastung and ...", is that deep)
        pending: list[tuple[bool, Token]] = []
        read: set[tuple[bool, int]] = set()

        def phrase(noun: Token) -> None:
            pending.append((True, noun))

        def objects(word: Token) -> None:
            pending.append((False, word))

        def read_pending() -> None:
            while pending:
                is_phrase, token = pending.pop()
                if (is_phrase, token.i) not in read:
                    read.add((is_phrase, token.i))
                    (read_phrase if is_phrase else read_objects)(token)

        def read_phrase(noun: Token) -> None:
            if self._names_where(noun):
                return
            kept.add(noun.i)
            plain_people = lexicon.victim_category.get(noun.lower_) == "people"
            for child in noun.children:
                if child.dep_ == "acl" and child.lemma_.lower() in lexicon.carrying_verbs:
                    objects(child)  # "a bus carrying pilgrims"
                    continue
                if plain_people and child.dep_ == "prep" and child.lower_ in lexicon.people_site_prepositions:
                    for inner in child.children:
                        if inner.dep_ == "pobj":
                            phrase(inner)  # "killed 30 people at the shrine": who they were is where
                    continue
                if child.dep_ in {"relcl", "advcl", "ccomp", "acl", "punct", "cc"} or (
                    child.dep_ == "prep" and child.lower_ not in lexicon.attacked_phrase_prepositions
                ) or (child.dep_ == "prep" and noun.lower_ in lexicon.jurisdiction_nouns):
                    continue  # "in the eastern zone of the city police": whose area, not who was hit
                if child.dep_ in {"conj", "appos", "pobj"}:
                    phrase(child)
                elif child.dep_ == "prep":  # "members of the Levies"
                    kept.add(child.i)
                    for inner in child.children:
                        if inner.dep_ == "pobj":
                            phrase(inner)
                else:
                    kept.update(t.i for t in child.subtree)

        def read_objects(word: Token) -> None:
            for child in word.children:
                if child.dep_ in {"dobj", "nsubjpass", "dative", "oprd"}:
                    phrase(child)
                elif child.dep_ in {"prep", "agent"} and child.lower_ in lexicon.attacked_prepositions:
                    for inner in child.children:
                        if inner.dep_ == "pobj":
                            phrase(inner)
                        elif inner.dep_ == "prep":  # "along with several passersby"
                            for deeper in inner.children:
                                if deeper.dep_ == "pobj":
                                    phrase(deeper)
                elif child.dep_ in {"xcomp", "advcl", "conj", "acl"} and child.lemma_.lower() in lexicon.attacked_verbs:
                    objects(child)  # "stormed the academy, killing 61 cadets"
                elif child.dep_ == "prep" and child.lower_ in lexicon.attacked_clause_prepositions:
                    for inner in child.children:
                        if inner.dep_ == "pcomp":
                            objects(inner)  # "struck after joining the worshippers"

        roots = [span.root for span in triggers]
        # a verb in the simple present outside a headline tells what attacks do, not whom this
        # one hit ("Pakistan says the strikes kill civilians")
        habitual = set() if heading else {"VBP", "VBZ"}

        def tense(verb: Token) -> str:
            while verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head.i != verb.i:
                verb = verb.head  # "the attacks violate its sovereignty, kill civilians"
            return verb.tag_

        roots += [
            t for t in sent
            if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in lexicon.attacked_verbs and tense(t) not in habitual
        ]
        for root in roots:
            objects(root)
            if root.pos_ in {"NOUN", "PROPN"}:
                for child in root.children:
                    if child.dep_ in {"compound", "nmod"}:
                        kept.update(t.i for t in child.subtree)  # "the police van attack"
                if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in lexicon.attacked_verbs:
                    objects(root.head)  # "a suicide blast ripped through a procession"
                elif root.dep_ == "dobj" and root.head.pos_ == "VERB":
                    objects(root.head)  # "threw a grenade at the police station"
                    if root.head.lemma_.lower() in lexicon.survival_verbs:
                        for subject in (c for c in root.head.children if c.dep_ == "nsubj"):
                            phrase(subject)  # "the SSP escaped a suicide attack": he was attacked
        for verb in sent:
            if verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.offloading_verbs:
                particle = any(c.dep_ == "prt" and c.lower_ in lexicon.offloading_prepositions for c in verb.children)
                for prep in verb.children:
                    if prep.dep_ == "prep" and prep.lower_ in lexicon.offloading_prepositions:
                        for inner in prep.children:
                            if inner.dep_ == "pobj":
                                phrase(inner)  # "passengers offloaded from a bus and shot": the bus's
                    elif particle and prep.dep_ == "dobj":
                        phrase(prep)  # "were pulled off a bus", which the parser reads as "pull off" + object
        read_pending()
        # a name written with hyphens ("Jamiat Ulema-e-Islam-Fazl", which the parser splits up and
        # hangs on other words) is kept whole where any word of it is kept
        for chain in _hyphenated_words(sent):
            if kept & chain:
                kept |= chain
        kept -= excluded
        words = _kept_words(sent, kept)
        # "kidnapped an American": a nationality standing for a person ("an American drone" is
        # not); "the American aid expert Warren Weinstein": one naming a person's nationality
        words += "".join(
            " foreign national " for t in sent
            if t.i in kept and t.lower_ in lexicon.nationalities and (
                (t.pos_ in {"NOUN", "PROPN"} and t.dep_ not in {"amod", "compound", "nmod", "poss"})
                or (t.dep_ in {"amod", "compound"} and self._of_a_person(t))
            )
        )
        return words.strip().replace("\u2019", "'")

    def _of_a_person(self, modifier: Token) -> bool:
        """Whether a modifier's noun phrase names a person: its last noun is a name or a noun of
        a person ("the American aid expert Warren Weinstein", "a British tourist")."""
        noun = _phrase_head(modifier.head, frozenset({"compound", "amod"}))
        return noun.ent_type_ == "PERSON" or noun.lower_ in self.lexicon.victim_category or any(
            c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children
        )

    def _targets(self, text: str) -> list[str]:
        return target_kinds(text, self.lexicon)

    def _relative_clauses_on_groups(self, sent: Span) -> frozenset[int]:
        """The tokens of relative clauses on a militant group's name ("the Pakistani Taliban,
        who have stepped up attacks since 2022"): what they tell is the group's record."""
        return frozenset(
            t.i for token in sent if token.dep_ == "relcl" and token.head.ent_type_ == "GROUP" for t in token.subtree
        )

    @staticmethod
    def _one_attack_took_the_toll(sent: Span, triggers: list[dict], casualties: list[dict]) -> bool:
        """"In 2023, a suicide bombing at a mosque killed more than 80 people": a singular attack
        word with "a" that is the subject of the verb whose object is the toll (or the object of
        "in" or "by" on the passive verb whose subject it is: "80 people were killed in a suicide
        bombing") tells one attack and its toll, whatever period the sentence names."""
        doc = sent.doc
        counted = sorted(c["token"] for c in casualties)
        for trigger in triggers:
            word = _compound_head(doc[trigger["token"]])  # "bombing" of "a suicide bombing"
            if trigger["strength"] != "SPECIFIC" or word.tag_ not in {"NN", "NNP"} or not any(
                c.dep_ == "det" and c.lower_ in {"a", "an"} for c in word.children
            ):
                continue  # "the average suicide attack killed ten" is a statistic
            if word.dep_ == "nsubj":
                verb, roles = word.head, {"dobj"}
            elif word.dep_ == "pobj" and word.head.lower_ in {"in", "by"} and word.head.head.pos_ == "VERB":
                verb, roles = word.head.head, {"nsubjpass", "nsubj"}  # "80 people were killed (died) in a suicide bombing"
            else:
                continue
            toll = [c for c in verb.children if c.dep_ in roles]
            if any(bisect_left(counted, o.left_edge.i) < bisect_right(counted, o.right_edge.i) for o in toll):
                return True
        return False

    def _is_aggregate(self, sent: Span, text: str, dates, casualties, singular_attack: bool = False, one_told: bool = False, skipped: frozenset[int] = frozenset()) -> bool:
        lexicon = self.lexicon
        # "699 attacks", "over 210 terror-related attacks", "1,420 militants died in ... operations"
        tokens = [t for t in sent if t.i not in skipped]
        has_day = any(d.get("precision") == "day" or d.get("relative") for d in dates)
        # one attack on a day ("a bomb exploded at a market on Friday ...; more than 100 shops
        # were destroyed") may count many things; a tally names no single attack
        one_dated_attack = singular_attack and has_day
        for token in tokens:
            if not one_dated_attack and token.tag_ in {"NNS", "NNPS"} and any(
                child.dep_ == "nummod" and child.text.replace(",", "").isdecimal() and int(child.text.replace(",", "")) >= 100
                and not is_date_fragment(child)
                for child in token.children
            ) and token.lower_ not in lexicon.victim_category and token.lower_ not in lexicon.count_unit_words and (
                # "and 133 sustained injuries", parsed as one noun phrase: people hurt, not a tally
                token.lemma_.lower() not in lexicon.outcome_words["injury_nouns"]
            ):
                # "1,211 IBOs in the quarter": a tally of operations or attacks ("130 kilometres
                # from Gilgit" is a distance)
                return True
            if token.lower_ in lexicon.aggregate_nouns and token.tag_ in {"NNS", "NNPS"}:
                for child in token.children:
                    if child.like_num and child.dep_ == "nummod":
                        digits = child.text.replace(",", "")
                        if digits.isdecimal() and int(digits) >= self.aggregate_min_count:
                            return True
        if not has_day and any(d.get("precision") == "year" for d in dates) and any(
            token.tag_ == "NNS" and token.lemma_.lower() in lexicon.singular_attack_lemmas
            and any(child.dep_ == "nummod" and child.like_num for child in token.children)
            for token in tokens
        ):
            return True  # "two terrorist attacks were reported in 2016": a year's count of attacks
        if re.search(r"\bsince\b[^,.;]{1,40},\s*when\b", text) and singular_attack:
            # "the deadliest attack since January, when a bombing in Peshawar killed 100": the
            # "when" clause tells the one attack of that day, not the period's tally
            return False
        plural_events = bool(lexicon.plural_events.search(text))
        # "an officer was martyred in September this year" names a month, not a period: a cue
        # inside a date phrase that resolved to a month or a day does not make a sentence about
        # one casualty a tally ("clashes in October last year" still tells of many)
        dated = [] if plural_events else [d["text"].lower() for d in dates if d.get("precision") in {"month", "day"}]
        period = any(
            cue in text and re.search(_cue_pattern(cue), text) and not any(cue in phrase for phrase in dated)
            for cue in lexicon.aggregate_period_cues
        ) or bool(lexicon.aggregate_period_span.search(text)) or (plural_events and any(cue in text for cue in lexicon.sum_cues))  # "a total of 131 were wounded" sums one attack's wounded
        big_count = any(c["count"] >= 100 for c in casualties)
        few = all(c["count"] < self.aggregate_min_count for c in casualties)
        if period and not has_day and (plural_events or (casualties and not ((few or one_told) and singular_attack))):
            return True  # "27 policemen were killed this year"; not "in September this year, an officer died in an attack on a post"
        statistical = lexicon.statistical_cues.search(text)
        if statistical and plural_events and (big_count or any(c["count"] >= 50 for c in casualties)):
            return True  # "attacks rose 34 per cent to 699 in 2025, killing 1,034": a report's totals
        if re.search(r"\bsince\b", text) and casualties and not any(t.lemma_.lower() in lexicon.singular_attack_lemmas and t.tag_ == "NN" for t in sent):
            return True  # "27 policemen had lost their lives in the province since January 1"
        if big_count and plural_events and not has_day and not singular_attack:
            return True  # "violence killed 1,000 people"; not "a truck bomb that left 120 dead"
        return False

    def _is_summary(self, sent: Span, text: str, earlier: frozenset[int] = frozenset()) -> bool:
        """"Two separate raids on 3 May left eight dead", "Bombings in Zhob and
        Tank kill 21": a sentence that counts several incidents together. Places in `earlier`
        (a clause or phrase that tells an earlier attack: "days after an attack in Lahore") are
        not the summed attacks'."""
        lexicon = self.lexicon
        plural_trigger = any(t.tag_ == "NNS" and t.lemma_.lower() in lexicon.summary_attack_lemmas for t in sent)
        districts = {
            self.gazetteer[e.ent_id_].district for e in self._ents.get(sent.start, ())
            if e.label_ == "PLACE" and e.ent_id_ in self.gazetteer and self.gazetteer[e.ent_id_].district
            and not self._is_dateline(e, sent)  # "PESHAWAR - two blasts in Parachinar killed 45": one place
            and e.start not in earlier
            and not _in_capitals_of_a_word(e, self.gazetteer[e.ent_id_])  # "a SWAT team"
        }
        if plural_trigger and len(districts) >= 2:
            return True
        if any(self._sums_by_cue(text, cue) for cue in lexicon.summary_cues) and (plural_trigger or len(districts) != 1):
            return True  # "eight soldiers were martyred in attacks in different areas in two days"
        counted = lexicon.several_attacks.search(text)
        if counted and len(districts) == 1 and counted.group(2) in lexicon.one_site_attack_nouns and counted.group(1) not in lexicon.apart_counters:
            return False  # "twin blasts rocked a market in Parachinar": several blasts at one site are one incident
        return bool(counted) and not lexicon.attacks_anaphora.search(text)

    def _sums_by_cue(self, text: str, cue: str) -> bool:
        """Whether a summary cue occurs in `text` other than after a rank ("the third such
        shooting in three days" ranks the incident told among others)."""
        start = text.find(cue)
        while start != -1:
            before = text[max(0, start - 30) : start].split()
            if not set(before[-4:]) & self.lexicon.summary_rank_words:
                return True
            start = text.find(cue, start + 1)
        return False

    # -- grouping sentences into incidents --------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        found = list(doc.spans.get(self.triggers_key, []))
        # "rocket-propelled grenade", "a gun and bomb attack": a word inside a longer trigger of
        # another method is not a trigger of its own
        triggers = [t for t in found if not any(
            o.start <= t.start and t.end <= o.end and len(o) > len(t) and o.label_ == "SPECIFIC"
            and (o.id_ or o.label_) != (t.id_ or t.label_) and t.id_ in {"shelling", "airstrike", "bombing"}
            for o in found
        ) and not self._in_word_compound(t)]
        self._ents = ents_by_sentence(doc)
        dates = doc._.incidents_dates or []
        casualties = doc._.incidents_casualties or []
        incidents: list[dict] = []
        self._datelines = []
        self._scene_districts: dict[str, dict] = {}  # town key -> the district the report put its scene in
        current: dict | None = None
        unanchored: list[dict] = []  # frames with an attack word but no place or day, before any incident
        operation_told: dict | None = None  # the last sentence telling the forces began an operation, with no toll
        context_date: dict | None = None
        summary_day: dict | None = None  # the day of "separate attacks ... on Tuesday"
        summary_day_reach = 0
        summary_record: dict | None = None  # "coordinated attacks by the BLA across Balochistan": who the summed attacks were by
        summary_record_reach = 0
        summary_forces: dict | None = None  # "security forces killed 30 khwarij in three engagements": whose operations they were
        summary_forces_reach = 0
        setting: dict | None = None
        summary_pending = 0
        summary_scene: dict | None = None  # the one district and day of "two connected strikes near X"
        summed_from: int | None = None  # the first incident opened after a summary of several attacks
        all_places: list[dict] = []
        all_groups: list[dict] = []
        story_begun = False  # a sentence of the body has told of violence
        title_claim: dict | None = None  # a title, before the story, that names who claimed or was blamed
        for index, sent in enumerate(doc.sents):
            sent_dates = [d for d in dates if sent.start_char <= d["start"] < sent.end_char]
            sent_casualties = [c for c in casualties if c["sent"] == index]
            sent_triggers = [t for t in triggers if sent.start <= t.start < sent.end]
            record = self._sentence_record(sent, index, doc, sent_dates, sent_casualties, sent_triggers)
            if record["heading"] and story_begun:
                for trigger in record["triggers"]:
                    # a heading inside the story (a subheading, or a related story's link) names
                    # no way of attack of its own
                    trigger["inner_heading"] = True
            if record["heading"] and not story_begun and title_claim is None and record["groups"]:
                if self._title_claims(sent):
                    title_claim = dict(record, claim=True)  # "TTP claims attack on police post in Bannu"
                elif record["blame"] or record["suspect"]:
                    title_claim = record  # "Police blame TTP for Bannu attack", "Bannu attack: TTP suspected"
            story_begun = story_begun or (not record["heading"] and bool(record["triggers"] or record["casualties"]))
            all_places.extend(dict(place, sent=index) for place in record["places"])
            if not record["groups"] and all_groups and (
                any(cue in _lower_text(sent) for cue in self.lexicon.group_anaphora) or self._claimed_by_the_group(sent)
            ):
                # "police said the same group staged the raid", "the banned outfit also claimed a
                # bombing in Lahore": the group named last
                last = all_groups[-1]
                record["groups"] = [{"code": last["code"], "token": sent.start, "text": last["text"]}]
            attribution = "claimed" if record["claim"] else "suspected" if record["suspect"] else "attributed"
            all_groups.extend(dict(group, sent=index, attribution=attribution) for group in record["groups"])
            if record["clutter"]:
                continue  # page furniture: neither a new incident nor the end of this one
            if (record["forces_initiative"] or record["police_initiative"]) and not record["triggers"] and not any(
                c["count"] > 0 for c in sent_casualties
            ) and set(_lower_text(sent).split()) & self.lexicon.operation_words:
                # "Security forces conducted an operation in Datta Khel on the reported presence
                # of khwarij": no incident yet, but the one "the operation" opens next is theirs
                operation_told = record
            if current is not None and (record["victim_list"] or record["victims_identified"]) and record["targets"] and not (
                record["triggers"] or any(c["count"] > 0 for c in sent_casualties)
            ):
                # "two judges were among the dead": the victims of the incident being told (even
                # on a line that ends without a full stop, read as a heading below)
                add_targets(current, record)
                self._add_evidence(current, record)
            if current is not None and all(t["definite"] for t in record["triggers"]):
                district = self._district_of_the_scene(record, _lower_text(sent))
                if district is not None:
                    # "the village where the blast took place falls in Bannu district": the
                    # report's own word on the district, over the one the town's name gave, for
                    # the rest of the story too
                    for place in current["places"]:
                        if place["kind"] not in {"country", "province", "district"} and place["district"] != district["district"]:
                            self._scene_districts[place["key"]] = district
                            place.update(district=district["district"], province=district["province"])
                    current["places"].append(district)
                    current["district"] = district["district"]
                    self._add_evidence(current, record)
            if record["heading"] and index > 0 and not record["bullet"]:
                told = current if current is not None else (incidents[-1] if incidents else None)
                cut_off = sent.end == len(doc) and not doc_text(doc).endswith("\n")  # a stored opening ends mid-sentence
                if cut_off and "claim" in _lower_text(sent):
                    record["claim"] = True  # "the TTP faction claims responsib"
                    if current is None and incidents and not record["places"]:
                        # the last words of a stored opening, after a subheading: a claim of the
                        # story the page opened with, not of a related story linked in between
                        told = next((i for i in incidents if not i["heading_only"]), incidents[0])
                if told is not None and record["groups"] and record["claim"] and not record["places"] and not record["dates"] and (
                    any(t["definite"] for t in record["triggers"]) or self.lexicon.claim_of_the_attack.search(_lower_text(sent)) or cut_off
                ):
                    # "Group X claims responsibility for the killing": a standfirst or subheading
                    # that claims the incident told (by a definite attack word), naming no other
                    # place or day; or the page's last words, cut off ("... the outlawed BLF claimed ")
                    self._add_groups(told, record)
                    self._add_evidence(told, record)
                current = None  # a subheading starts a new section; a bullet still tells this story
                unanchored = []
            if record["hypothetical"] or record["aggregate"]:
                told = current if current is not None else (incidents[-1] if incidents else None)
                named = self._claims_current(record, told) or (
                    record["suspect"] and self._names_the_perpetrator(record, told)
                    and all(t["definite"] for t in record["triggers"]) and all(record["hedged_definite"])
                )
                if named and not record["aggregate"]:
                    # "X claimed the bombing and warned of more": the threat is hedged, the claim
                    # is not; it claims the incident being told (or the last one, after a heading).
                    # "They could be behind the abduction": a suspicion of the incident told
                    self._add_groups(told, record)
                    self._add_evidence(told, record)
                continue
            if record["summary"] and self._headline_gave_the_sum(incidents, current, record, sent_casualties):
                # a headline "Grenade attacks in Balochistan wound 30" over a lead that counts
                # "two separate attacks in Kalat and Turbat": the headline gave their sum, no incident
                incidents.pop()
                current = None
            if record["summary"]:
                summed_from = len(incidents)
            if record["summary"] and self._summed_attacks_by_one_group(record):
                summary_record, summary_record_reach = record, SUMMARY_REACH
            if record["summary"] and record["forces_initiative"] and not record["militant_initiative"]:
                summary_forces, summary_forces_reach = record, SUMMARY_REACH
            wide_summary = record["summary"] and not any(p["kind"] not in {"country", "province"} for p in record["places"])
            if wide_summary:
                explicit = [d for d in sent_dates if d["value"]]
                if explicit:
                    context_date = explicit[0]
                summary_pending = 2
            if record["summary"] and (explicit := [d for d in sent_dates if d["value"] and d.get("precision") == "day"]):
                # "four policemen were martyred in separate attacks in Lakki Marwat and Bannu on
                # Tuesday": the attacks the story then tells one by one ("in the first incident",
                # "in a separate incident", "In Kalat, ..."), undated, were that day's
                summary_day, summary_day_reach = explicit[0], SUMMARY_REACH
            if wide_summary:
                continue  # a summary across a province or the country: no incident of its own
            scene_places = [p for p in record["places"] if p["district"]]
            if record["summary"] and len({p["district"] for p in scene_places}) == 1:
                # "nine martyred in two connected strikes near Dera Ismail Khan on Sunday": the
                # strikes the story then tells one by one, unplaced and undated, happened there
                summary_scene = {"places": scene_places, "dates": [d for d in sent_dates if d["value"]]}
            elif scene_places:
                summary_scene = None
            counted = [c for c in sent_casualties if c["count"] > 0]
            has_content = bool(record["triggers"] or counted)
            if (
                current is not None and record["claim"] and record["groups"] and record["new_cue"]
                and not counted and not any(d["value"] for d in record["dates"])
                and all(p["district"] in (None, current["district"]) for p in record["places"])
                and self._methods_fit(current, record)
            ):
                # "Meanwhile, the Taliban claimed responsibility for the suicide attacks at the
                # shrine": the cue opens the claim, not another incident
                self._add_groups(current, record)
                self._add_evidence(current, record)
                continue
            claims_the_summed = (
                summed_from is not None and len(incidents) - summed_from >= 2 and record["claim"] and record["groups"]
                and not counted and bool(self.lexicon.the_attacks.search(_lower_text(sent)))
            )
            if claims_the_summed:
                # "The BLA claimed responsibility for the attacks" after a lead that summed several
                # and the story told them one by one: the claim is of each of them
                for incident in incidents[summed_from:]:
                    self._add_groups(incident, record)
                    self._add_evidence(incident, record)
                continue
            if record["multi_claim"] and record["groups"] and incidents:
                recent = incidents[-2:] if len(incidents) >= 2 else incidents
                for incident in recent:
                    self._add_groups(incident, record)
                    self._add_evidence(incident, record)
                continue
            if not has_content:
                if current is not None and record["casualties"]:
                    self._add_none_hurt(current, record)
                if current is not None and record["groups"] and (
                    record["claim"] or record["suspect"] or record["blame"] or record["membership"] or record["lemmas_attack"]
                ):
                    self._add_groups(current, record)
                    self._add_evidence(current, record)
                current, setting = self._shift_setting(record, incidents, current, setting)
                continue
            referenced = None
            # "81 people were killed in these blasts" when the story has told its blasts as one
            # incident (several blasts at one site on one day): the total is that incident's
            record["one_story"] = current is not None and (incidents == [current] or self._tolls_the_attacks_told(record, current))
            frames = self._split_frames(record)
            told_before = current
            if setting is not None and len(frames) == 1 and not frames[0]["places"] and not frames[0]["dates"]:
                # "On 4 June, inmates overpowered guards at the jail in Kohat. [...] Seizing two
                # officers hostage, ...": the scene was set by a sentence without an attack word
                frames[0] = dict(frames[0], places=setting["places"], dates=setting["dates"])
            setting = None
            for frame in frames:
                if current is not None and not frame["triggers"] and frame["casualties"] and all(c["update"] for c in frame["casualties"]) and not any(p["district"] for p in frame["places"]):
                    # "the toll had reached 63 on Tuesday": a revised toll of the incident being
                    # told, dated by the report, not by the attack
                    frame = dict(frame, dates=[])
                if current is not None and current["district"] and not frame["places"] and frame["record"]["same_place"]:
                    # "four men were shot in the same village last month": where the
                    # incident told happened, whether this is that incident or an earlier one
                    frame = dict(frame, places=[dict(p) for p in current["places"] if p.get("district") == current["district"]], same_place=True)
                target = self._find_incident(frame, incidents, current)
                opened = False
                previous = current
                if target is None:
                    if not self._can_open(frame, lead=not incidents):
                        told = current if current is not None else (incidents[-1] if incidents else None)
                        if self._names_the_perpetrator(record, told) and (
                            all(t["definite"] for t in frame["triggers"])
                            # "the TTP claimed the attack, calling it revenge for a drone strike"
                            or (record["claim"] and self._claims_the_attack_told(record))
                        ):
                            # "a spokesman in Miranshah claimed the attack", "officials blamed the
                            # hijacking on ...": the claimant's place is not the attack's, "the
                            # attack" is the one being told (or the last, after a subheading)
                            self._add_groups(told, record, frame.get("groups"))
                            self._add_evidence(told, record)
                        elif current is None and not incidents and index <= UNANCHORED_REACH and self._only_unanchored(frame):
                            unanchored.append(frame)  # "the bombers wore suicide vests", before the place is told
                        continue
                    if summary_scene is not None and not frame["places"] and not frame["dates"] and not record["summary"]:
                        frame = dict(frame, places=summary_scene["places"], dates=summary_scene["dates"])
                    target = self._new_incident(frame)
                    if operation_told is not None and record["index"] - operation_told["index"] <= 2 and self.lexicon.the_operation.search(_lower_text(sent)):
                        # "During the operation, four khwarij were killed": the forces' operation told before
                        for side in ("forces_initiative", "police_initiative", "army_named"):
                            target[side] = target[side] or operation_told[side]
                    for waiting in unanchored if not record["new_cue"] else ():
                        if record["index"] - waiting["record"]["index"] <= UNANCHORED_REACH:
                            self._merge_frame(target, waiting)  # the story's opening told this incident's method
                    unanchored = []
                    target["earlier_than_news"] = frame.get("earlier_than_news", False)
                    target["off_the_dateline"] = frame.get("off_the_dateline", False)
                    # "Earlier in the afternoon, a bomb at X killed 12": told as another incident
                    target["told_apart"] = bool(frame["record"]["new_cue"] and incidents)
                    # told apart with a place of its own or a vaguer day ("last week, a suicide
                    # attack in Quetta killed three"): another day's incident, whatever its place
                    coarse = bool(frame["dates"]) and all(d.get("precision") not in {None, "day"} for d in frame["dates"])
                    target["another_day_there"] = target["told_apart"] and (frame.get("same_place", False) or coarse)
                    if previous is not None and target["district"] is None and self._similar_attack(frame):
                        # "two more lost their lives in a similar attack last week": where and how the
                        # incident told before happened, on another day
                        target["places"].extend(dict(p) for p in previous["places"] if p.get("district") == previous["district"])
                        target["district"] = previous["district"]
                        target["triggers"].extend(dict(t) for t in previous["triggers"] if t["strength"] == "SPECIFIC")
                    elif previous is not None and self._similar_noun(frame) and not any(t["strength"] == "SPECIFIC" for t in frame["triggers"]):
                        # "a similar strike killed five people in Mir Ali" after a drone strike told:
                        # another incident of the same kind, by the same state's forces
                        target["triggers"].extend(dict(t) for t in previous["triggers"] if t["strength"] == "SPECIFIC")
                        target["groups"].extend(dict(g) for g in previous["groups"] if g["code"] in STATE_FORCES)
                    if summary_record_reach and summary_record is not record and not frame["record"]["groups"]:
                        # an attack the summary counted, told after it without a group of its own
                        self._add_groups(target, summary_record)
                    if summary_record_reach and summary_record is not record and not frame["triggers"]:
                        # "Indian missiles struck six sites ... In Kotli, two girls were killed": told
                        # with no attack word of its own, one of the summed attacks, made as they were
                        target["triggers"].extend(dict(t) for t in summary_record["triggers"])
                    if summary_forces_reach and summary_forces is not record and not frame["record"]["militant_initiative"]:
                        # "In another engagement in Karak, eight khwarij were killed": one of the
                        # operations the summary's forces began, as its statement told them
                        for side in ("forces_initiative", "army_named", "said_pakistan"):
                            target[side] = target[side] or summary_forces[side]
                    incidents.append(target)
                    opened = True
                else:
                    self._merge_frame(target, frame)
                    if self._is_reference(frame):
                        referenced = target
                if self._incident_date(target) is None:
                    if frame["same_day"] and previous is not None and previous is not target:
                        target["inherited_date"] = self._dated(previous)
                    elif frame["same_day"] and previous is None and doc._.incidents_published:
                        # "earlier in the day" in a lead: the day of the report
                        published = str(doc._.incidents_published)
                        if len(published) == 10:
                            target["inherited_date"] = {"value": published, "precision": "day", "relative": None, "token": -1}
                    elif summary_pending and context_date:
                        target["inherited_date"] = context_date
                    elif summary_day_reach and opened and (
                        _lower_text(sent).startswith(self.lexicon.summary_item_openers) or self._opens_with_its_place(sent)
                    ):
                        target["inherited_date"] = summary_day
                    elif record["new_cue"] and opened:
                        # "came a day after 14 soldiers were killed ...", "days after the hijacking":
                        # dated from the incident the sentence compares it with
                        anchor = referenced or previous
                        before = self._dated(anchor) if anchor is not None and anchor is not target else None
                        owned = [d for d in record.get("news_dates", ()) if d["value"]]
                        if owned:
                            before = owned[0]  # "Today's blast came two days after ...": from the day it names
                        published = str(doc._.incidents_published or "")
                        if before is None and anchor is None and len(published) == 10 and self.lexicon.report_relative.search(sent.text.lower()):
                            # "the briefing comes a day after gunmen shot dead two soldiers": the day
                            # before the one the report itself is about, its publication
                            before = {"value": published, "precision": "day", "relative": None, "token": -1}
                        if before and before.get("value"):
                            # "Meanwhile, in Lakki Marwat, militants attacked ...": a roundup's next
                            # item, of the same day unless it tells a gap
                            next_item = _lower_text(sent).startswith(self.lexicon.roundup_connectives) and not _tells_a_gap(sent.text)
                            relative = dict(before) if next_item else _relative_to(before, sent.text)
                            stated = any(d["value"] for d in record["statement_dates"])
                            if relative.get("precision") == "day" or not stated:
                                # no gap told ("Last month, the BLA claimed a bombing in Kech"):
                                # the day the sentence gives its claim beats the month of the other
                                target["inherited_date"] = relative
                # the incident a gap clause tells is told in passing: the story goes on with the news
                current = previous if frame.get("background_clause") and previous is not None else target
            if told_before is not None and told_before is not current and record["claim"] and record["groups"] and self._claims_the_attack_told(record):
                # "The attack was claimed by X, which bombed a market in Lahore last week": the
                # claim is of the attack being told; the clause after it tells another
                self._add_groups(told_before, record)
                self._add_evidence(told_before, record)
            summary_pending = max(0, summary_pending - 1)
            summary_day_reach = max(0, summary_day_reach - 1)
            summary_record_reach = max(0, summary_record_reach - 1)
            summary_forces_reach = max(0, summary_forces_reach - 1)
        if title_claim is not None:
            self._give_the_title_claim(title_claim, incidents)
        self._use_dateline(doc, incidents)
        doc._.incidents_frames = incidents
        doc._.incidents_places = all_places
        doc._.incidents_groups = all_groups
        self._ents = {}  # hold no spans of this doc between calls
        return doc

    def _use_dateline(self, doc: Doc, incidents: list[dict]) -> None:
        """A story filed as "PESHAWAR: A suicide bomber struck a mosque ..." often names its
        city only in the dateline. The dateline is kept on the incidents; the document-level
        assembly gives it to the main incident if, once merged, it has no place of its own.
        A foreign wire bureau's dateline ("ISLAMABAD (Reuters) -": lexicon `wire_agencies`) says
        nothing about the place; the national agency files from the district ("PESHAWAR, Dec 01
        (APP):") and its dateline counts like a newspaper's."""
        if doc._.incidents_offset or not self._datelines:
            return
        first_line = [d for d in self._datelines if d["sent"] == self._datelines[0]["sent"]]
        if len(first_line) != 1 or self._datelines[0]["token"] > DATELINE_WITHIN_TOKENS:
            return
        line = doc[first_line[0]["token"] : min(first_line[0]["token"] + 8, len(doc))].text
        agencies = re.findall(r"\(([A-Za-z]+)\)", line)
        if any(agency.lower() in self.lexicon.place_roles["wire_agencies"] for agency in agencies):
            return
        for incident in incidents:
            incident["dateline"] = dict(first_line[0])

    def _shift_setting(self, record: dict, incidents: list[dict], current: dict | None, setting: dict | None):
        """A sentence without attack words can still move the story: back to an incident told
        before ("once more, on 9 March in Hyderabad, ...") or to a new scene whose attack is
        told next. Returns the new (current incident, pending setting)."""
        places = [p for p in record["places"] if p["district"] and p["located"]]
        dates = [d for d in record["dates"] if d.get("value") and d["precision"] == "day"]
        if record["heading"] or not places or not dates:
            return current, setting  # a scene needs both a place and a day, in a real sentence
        district = places[0]["district"]
        date = dates[0]
        for incident in reversed(incidents):
            own = self._incident_date(incident)
            if incident["district"] == district and (own is None or self._dates_compatible(own, date)):
                return incident, None
        if current is None:
            return None, {"places": places, "dates": dates}
        own = self._incident_date(current)
        moved = (district is not None and current["district"] not in (None, district)) or (
            date is not None and own is not None and not self._dates_compatible(own, date)
        )
        if moved:
            return None, {"places": places, "dates": dates}
        return current, setting

    def _join_site_and_its_district(self, doc: Doc, districts: dict[str, list[dict]]) -> None:
        """"The Wana police station in the Kurram district", "Sibi's Mashkaf area", "in Hub,
        Lasbela district": a site named after a town and the district the same phrase puts it in
        are one location, even where the text's district is not the gazetteer's for the town; the
        town (the more specific) decides. Unless the town is a namesake of a place in the text's
        district ("North Waziristan's Hassan Khel"; the gazetteer's Hassan Khel is Peshawar's):
        one in another province, or one the gazetteer lists among the town's `namesakes`; the
        text's district decides then."""

        def phrase_head(token):
            while token.dep_ in {"compound", "poss", "amod", "nmod"} and token.head.i != token.i:
                token = token.head
            return token

        for key in list(districts):
            for place in districts.get(key, []):
                token = doc[place["token"]]
                while token.dep_ == "compound" and token.head.i > token.i:
                    token = token.head  # "North" of "North Waziristan's"
                head = phrase_head(token)
                kinds = {"town", "area", "site"}
                if token.dep_ == "poss":
                    # "in Sibi's Mashkaf area": the possessor and the site of one noun phrase;
                    # "Dera Ghazi Khan's Taunsa": a district made from the one named before it
                    site, kinds = head, kinds | {"district"}
                elif head.dep_ == "appos" and place["province"]:
                    # "in Hub, Lasbela district,": the district set beside the place it holds (of
                    # its own province: "after the Wana, Islamabad bombings" is a list)
                    site, kinds = head.head, kinds | {"district"}
                elif head.dep_ != "pobj" or head.head.lower_ not in {"in", "near", "of"} or head.head.head.pos_ not in {"NOUN", "PROPN"}:
                    continue
                else:
                    site = head.head.head  # "station" of "the Wana police station in ... district"
                # "near" and "of" place only a site that lies across districts ("on the Indus
                # Highway near Kohat", "the Kacha area of Rajanpur"): the district says where on it
                across_only = head.dep_ == "pobj" and head.head.lower_ != "in"
                owners = [
                    other for other, group in districts.items()
                    if other != key and any(
                        p["kind"] in kinds and p["token"] <= site.i and p["token"] != place["token"] and phrase_head(doc[p["token"]]).i == site.i
                        and (head.dep_ != "appos" or p["province"] == place["province"])
                        and (not across_only or (p["district"] is None and p["province"] is None))
                        for p in group
                    )
                ]
                if not owners:
                    continue
                if place["district"] and any(self._namesake_in(p, place) for p in districts[owners[0]]):
                    for town in districts[owners[0]]:
                        self._move_into(town, place)
                    districts[key].extend(districts.pop(owners[0]))
                else:
                    if any(p["kind"] == "district" for p in districts[owners[0]]):
                        for older in districts[key]:
                            older["located"] = False  # it only says where the newer district was
                    districts[owners[0]].extend(districts.pop(key))
                break

    def _namesake_in(self, town: dict, district: dict) -> bool:
        """Whether the text's `district` holds a namesake of the gazetteer's `town`."""
        known = self.gazetteer.get(town["key"])
        return town["province"] != district["province"] or (known is not None and district["district"] in known.namesakes)

    @staticmethod
    def _move_into(town: dict, district: dict) -> None:
        """The town as the namesake in the text's district: that district, and its point (the
        gazetteer's point is the other town's)."""
        town.update({name: district[name] for name in ("country", "province", "district", "latitude", "longitude")})
        town["geo_precision"] = 2

    def _split_frames(self, record: dict) -> list[dict]:
        """One frame per incident location of the sentence (usually one), and one for an earlier
        incident a gap clause tells ("a day after a bombing left 26 dead")."""
        clause = record.get("earlier_clause")
        if clause is not None:
            return self._split_off_earlier_clause(record, clause)
        places = [p for p in record["places"] if p["kind"] != "country"]
        countries = [p for p in record["places"] if p["kind"] == "country"]
        districts = {}
        for place in places:
            key = place["district"] or place["province"] or place["key"]
            districts.setdefault(key, []).append(place)
        if not places and not countries and record["afghan_territory"]:
            countries = [{"country": "Afghanistan", "located": True, "key": "Afghanistan#country", "token": -1}]
        base = {
            "record": record,
            "dates": self._dates_near_triggers(record),
            "same_day": any(d["relative"] == "same_day" for d in record["dates"]) and not any(d["value"] for d in record["dates"]),
            "countries": countries,
            "casualties": [] if record["summary"] or self._totals_of_several(record) else record["casualties"],
        }
        # a province that contains the district named beside it is the same location
        district_keys = [k for k, ps in districts.items() if any(p["district"] for p in ps)]
        for key in list(districts):
            if key in district_keys:
                continue
            owners = [k for k in district_keys if any(p["province"] == key for p in districts[k])]
            if owners:
                # "Punjab's Bhakkar district": the province goes with its own district (the
                # nearest one when several districts of the province are named)
                first = min(p["token"] for p in districts[key])
                owner = min(owners, key=lambda k: min(abs(p["token"] - first) for p in districts[k]))
                districts[owner].extend(districts.pop(key))
        self._join_site_and_its_district(record["doc"], districts)
        if len(districts) <= 1:
            background = self._background_clause(record)
            if background is not None:
                # "a bomb killed three people in the market where a 2019 bombing killed 40": the
                # clause tells an earlier incident of the same place, with its own toll and year
                inside = lambda item: background[0] <= item["token"] <= background[1]  # noqa: E731
                main = dict(
                    base, places=places, triggers=[t for t in record["triggers"] if not inside(t)],
                    dates=[d for d in base["dates"] if not inside(d)] or [d for d in record["dates"] if not inside(d) and d["value"]],
                    casualties=[c for c in base["casualties"] if not inside(c)],
                )
                earlier = dict(
                    base, places=places, triggers=[t for t in record["triggers"] if inside(t)],
                    dates=[d for d in record["dates"] if inside(d) and d["value"]],
                    casualties=[c for c in record["casualties"] if inside(c)], same_day=False,
                )
                return [main, earlier]
            return [dict(base, places=places, triggers=record["triggers"])]
        # several districts: one frame per place; every trigger, date and count goes to the
        # nearest place ("a 5 April bombing in Khyber that killed nine soldiers and a
        # 21 February attack in Bannu that killed two")
        groups = list(districts.values())
        anchors = [[p["token"] for p in ps] for ps in groups]
        doc = record["doc"]

        # which places lie in each word's own phrase, read once from every place up (asked of
        # each word for each place, a run-on line of hundreds of items took minutes)
        phrase_groups: dict[int, set[int]] = {}
        for g, anchor in enumerate(anchors):
            for a in anchor:
                for head in _own_phrase_heads(doc[a]):
                    phrase_groups.setdefault(head, set()).add(g)

        def clause_groups(token_index: int) -> set[int]:
            # the places named in the item's own clause or phrase ("14 soldiers were killed in an
            # ambush in Balochistan"), staying inside its own conjunct
            node = doc[token_index]
            while True:
                inside = phrase_groups.get(node.i, set())
                if inside or node.dep_ == "conj" or node.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
                    return set(inside)
                node = node.head

        def clause_group(token_index: int) -> int | None:
            found = clause_groups(token_index)
            return next(iter(found)) if len(found) == 1 else None

        def nearest(token_index: int, preceding: bool = False) -> int:
            # else the nearest place in the text -- for a count the place told before it
            # ("in Kohat, killing five policemen", "a bombing in Khyber that killed nine soldiers")
            found = clause_group(token_index)
            if found is not None:
                return found
            if preceding:
                before = [g for g in range(len(groups)) if any(a < token_index for a in anchors[g])]
                if before:
                    return max(before, key=lambda g: (max(a for a in anchors[g] if a < token_index), -g))
            return min(range(len(groups)), key=lambda g: (min(abs(token_index - a) for a in anchors[g]), g))

        frames = []
        # an attack word of another kind whose phrase names none of the places ("jets struck
        # Kunar, Khost and Nangarhar and the border fight that left ten soldiers dead") is an
        # incident of its own, with the counts of its own phrase
        grouped = [t for t in record["triggers"] if clause_groups(t["token"])]
        grouped_methods = {t["method"] for t in grouped}
        orphans = [
            t for t in record["triggers"]
            if t["strength"] == "SPECIFIC" and t not in grouped and t["method"] not in grouped_methods
        ] if grouped else []
        orphan_casualties = []
        if orphans:
            roots = [doc[t["token"]].head if doc[t["token"]].dep_ in {"compound", "amod"} else doc[t["token"]] for t in orphans]
            orphan_casualties = [
                c for c in record["casualties"] if any(r.left_edge.i <= c["token"] <= r.right_edge.i for r in roots)
            ]
        triggers_left = [t for t in record["triggers"] if t not in orphans]
        casualties_left = [c for c in record["casualties"] if c not in orphan_casualties]
        own_triggers = [[t for t in triggers_left if nearest(t["token"]) == g] for g in range(len(groups))]
        told_one_by_one = all(own_triggers)
        if orphans:
            frames.append(dict(base, places=[], triggers=orphans, casualties=orphan_casualties, groups=[]))
        # each place its own date ("ten soldiers were martyred in Bannu last month, while 16
        # died in Makeen in December"), not only the one date nearest an attack word of the
        # whole sentence
        all_dates = [d for d in record["dates"] if d["value"]]
        # a date that opens the sentence, before every place and attack word ("On Tuesday, one
        # bomber hit a van in Quetta while two others stormed a court in Pishin"), is every
        # place's that tells no date of its own
        opening = min([a for anchor in anchors for a in anchor] + [t["token"] for t in record["triggers"]])
        shared_dates = [d for d in all_dates if d["token"] < opening]
        for g, ps in enumerate(groups):
            triggers = own_triggers[g]
            casualties = [c for c in casualties_left if nearest(c["token"], preceding=True) == g]
            own_dates = [d for d in all_dates if nearest(d["token"]) == g and d not in shared_dates]
            dates = self._dates_near_triggers(
                dict(record, dates=own_dates or shared_dates, triggers=triggers, casualties=casualties)
            )
            if record["summary"] and not told_one_by_one:
                # "twin attacks in Kohat and Bhakkar, killing three policemen in Kohat and two
                # farmers in Bhakkar": the shared trigger goes to every place; a count only to
                # the place named inside its own phrase
                triggers = triggers or triggers_left
                dates = dates or base["dates"]
                casualties = [c for c in casualties_left if any(0 < p["token"] - c["token"] <= 6 for p in ps)]
            elif not triggers and not casualties:
                # a list of places sharing one trigger: strikes on several places are one
                # incident each ("jets struck Kunar, Khost and Nangarhar"); fighting along a
                # border named by its provinces is one incident at no single place
                if not any(t["method"] in {"airstrike", "shelling"} for t in triggers_left) and not self._sites_listed_apart(doc, triggers_left, anchors):
                    return [dict(base, places=[], triggers=record["triggers"])]
                triggers = triggers_left
                dates = dates or base["dates"]
            groups_here = [grp for grp in record["groups"] if nearest(grp["token"]) == g]
            if record["summary"] and not told_one_by_one and len({grp["code"] for grp in record["groups"]}) == 1:
                # "Indian missiles struck six sites ..., including a mosque in Bahawalpur and a
                # seminary in Muridke": the one actor, told acting before every place, made each
                # attack ("the TTP in Lahore and the Afghan Taliban in Kabul" name one each)
                first_place = min(a for anchor in anchors for a in anchor)
                groups_here += [
                    grp for grp in record["groups"] if grp["token"] < first_place and grp.get("acting") and grp not in groups_here
                ]
            same_day = not dates and any(d["relative"] == "same_day" and nearest(d["token"]) == g for d in record["dates"])
            frame = dict(base, places=ps, triggers=triggers, casualties=casualties, dates=dates, groups=groups_here, same_day=same_day)
            own_targets = [k for t in own_triggers[g] for k in record["trigger_targets"].get(t["token"], ())]
            if told_one_by_one and own_targets and not record["summary"]:
                # each place's attack words say who was attacked there
                frame["record"] = dict(record, targets=list(dict.fromkeys(own_targets)))
            frames.append(frame)
        return frames

    @staticmethod
    def _sites_listed_apart(doc: Doc, triggers: list[dict], anchors: list[list[int]]) -> bool:
        """"struck the FC camp in Kalat district and a bank branch in the town of Mastung": each
        place lies in its own conjunct of the one list of things an attack verb struck, so each
        is an attack of its own (not one fight told by the places it spans)."""
        for trigger in triggers:
            verb = doc[trigger["token"]]
            objects = [c for c in verb.children if c.dep_ == "dobj"] if verb.pos_ == "VERB" else []
            if not objects:
                continue
            listed = [objects[0], *objects[0].conjuncts]
            if len(listed) < len(anchors):
                continue
            # each item's own words: the first ends where the second begins
            bounds = [(item.left_edge.i, item.right_edge.i) for item in listed]
            bounds[0] = (bounds[0][0], bounds[1][0] - 1)
            holders = [{k for k, (start, end) in enumerate(bounds) if any(start <= a <= end for a in group)} for group in anchors]
            if all(len(h) == 1 for h in holders) and len({next(iter(h)) for h in holders}) == len(anchors):
                return True
        return False

    def _split_off_earlier_clause(self, record: dict, clause: dict) -> list[dict]:
        """The sentence's frames without the gap clause, then the clause's own frame: its places
        and dates, else the date its gap puts before the news ("a day after" -> the day before),
        as a new incident (`background_clause`: the story goes on with the news)."""
        inside = lambda item: clause["first"] <= item["token"] <= clause["last"]  # noqa: E731
        main_record = dict(
            record, earlier_clause=None,
            places=[p for p in record["places"] if not inside(p)], dates=[d for d in record["dates"] if not inside(d)],
        )
        frames = self._split_frames(main_record)
        dates = [d for d in record["dates"] if inside(d) and d["value"]]
        anchor = max((d for f in frames for d in f["dates"] if d.get("value")), key=lambda d: len(d["value"]), default=None)
        if not dates and anchor is not None:
            doc = record["doc"]
            # the gap ("a day") may hang on the verb before "after": read a few words before the clause
            dates = [_relative_to(anchor, doc[max(clause["first"] - 3, 0) : clause["last"] + 1].text)]
        earlier_record = dict(
            record, earlier_clause=None, new_cue=True, targets=clause["targets"], groups=[], claim=False, suspect=False,
            forces_initiative=False, militant_initiative=False, police_initiative=False, army_named=False,
            strike_actor=False, afghan_actor=False, said_pakistan=False,
        )
        earlier = {
            "record": earlier_record, "dates": dates, "same_day": False, "countries": [],
            "casualties": clause["casualties"], "triggers": clause["triggers"],
            "places": [p for p in record["places"] if inside(p)], "background_clause": True,
        }
        return frames + [earlier]

    @staticmethod
    def _background_clause(record: dict) -> tuple[int, int] | None:
        """Token bounds of a relative or adverbial clause that tells an earlier incident: it has
        its own attack word and a date less precise than a day (a year or a month) that differs
        from the dates of the rest of the sentence, which has an attack word of its own."""
        doc = record["doc"]
        for trigger in record["triggers"]:
            node = doc[trigger["token"]]
            for ancestor in [node, *node.ancestors]:
                if ancestor.dep_ not in {"relcl", "advcl", "acl"}:
                    continue
                first, last = ancestor.left_edge.i, ancestor.right_edge.i
                inner_dates = [d for d in record["dates"] if first <= d["token"] <= last and d["value"]]
                outer_dates = [d for d in record["dates"] if not first <= d["token"] <= last and d["value"]]
                outer_triggers = [t for t in record["triggers"] if not first <= t["token"] <= last]
                if (
                    inner_dates and outer_triggers
                    and all(d["precision"] in {"year", "month"} for d in inner_dates)
                    and not any(d["value"][:4] == i["value"][:4] for d in outer_dates for i in inner_dates)
                    and any(d["value"][:4] < str(doc._.incidents_published or "9999")[:4] for d in inner_dates)
                ):
                    return first, last
                break
        return None

    @staticmethod
    def _tolls_the_attacks_told(record: dict, current: dict) -> bool:
        """"Quetta was hit by three suicide bombings on Tuesday. Six police died in those
        bombings.": right after the sentence that told an incident of several attacks (one
        district, one day), a toll of "those" attacks is that incident's."""
        if record["index"] - 1 not in current["sentences"]:
            return False
        if not any(t["strength"] == "SPECIFIC" and t["text"].lower().endswith("s") for t in current["triggers"]):
            return False
        doc = record["doc"]
        return any(
            any(child.dep_ == "det" and child.lower_ in {"those", "these"} for child in doc[t["token"]].children)
            for t in record["triggers"]
        )

    def _totals_of_several(self, record: dict) -> bool:
        """"14 soldiers and policemen were martyred in the night's attacks": counts told of
        attacks in the plural, with no place, are totals over several incidents (unless the
        story has told one incident so far: its blasts are that incident's)."""
        triggers = record["triggers"]
        if record.get("one_story"):
            return False
        return bool(triggers) and not record["places"] and all(
            t["strength"] == "GENERIC"
            and t["text"].lower().endswith("s")
            and t["text"].lower() not in self.lexicon.one_raid_plurals  # one raid is "the strikes"
            for t in triggers
        )

    def _dates_near_triggers(self, record: dict) -> list[dict]:
        """When a sentence has several dates, keep the one nearest an attack word or count
        ("In November 2024 the police chief said the 2023 mosque attack ..." -> 2023)."""
        dates = [d for d in record["dates"] if d["value"]]
        # "..., in the second major assault in the region this month": an attack word that ranks
        # the incident among others is no anchor for its day
        told = [t for t in record["triggers"] if not self._ranked_word(record["doc"][t["token"]])] or record["triggers"]
        anchors = [t["token"] for t in told] + [c["token"] for c in record["casualties"]]
        if len(dates) <= 1 or not anchors:
            return dates
        best = min(dates, key=lambda d: min(abs(d["token"] - a) for a in anchors))
        return [best]

    def _frame_district(self, frame: dict) -> str | None:
        best = self._best_place(frame["places"])
        return best["district"] if best else None

    @staticmethod
    def _best_place(places: list[dict]) -> dict | None:
        located = [p for p in places if p["located"]] or places
        if not located:
            return None
        return max(located, key=lambda p: (p["specificity"], -p["token"]))

    @staticmethod
    def _incident_date(incident: dict) -> dict | None:
        from ..assembly import incident_date

        return incident_date(incident)

    @staticmethod
    def _dated(incident: dict) -> dict | None:
        """The date an incident will be written with (a statement's day when it has no other):
        what a sentence dated relative to it ("a day earlier", "comes two days after") counts from."""
        from ..assembly import event_date

        return event_date(incident)

    @staticmethod
    def _dates_compatible(a: dict | None, b: dict | None) -> bool:
        from ..assembly import _dates_compatible

        return _dates_compatible(a.get("value") if a else None, b.get("value") if b else None)

    def _local_dateline_elsewhere(self, district: str) -> bool:
        """Whether the story opens under the dateline of a local town (not a newsroom city) of
        another district: its lead, placed no more precisely, happened at the dateline's town."""
        if not self._datelines or self._datelines[0]["token"] > DATELINE_WITHIN_TOKENS:
            return False
        dateline = self._datelines[0]
        if dateline["text"].lower() in self.lexicon.place_roles["bureau_datelines"]:
            return False
        return dateline["district"] is not None and dateline["district"] != district

    def _background_to_unplaced_news(self, current: dict, frame_date: dict | None, doc: Doc) -> bool:
        """A story whose lead names no place and no day ("a captain was martyred in firing from
        across the border") reports fresh news; a later sentence dated a month or more before
        publication ("in September, an officer had been killed in Rajgal") tells an earlier
        incident and does not lend it its place."""
        return not current["places"] and self._background_to_undated_news(current, frame_date, doc)

    def _background_to_undated_news(self, current: dict, frame_date: dict | None, doc: Doc) -> bool:
        """A sentence dated a month or more before publication, after an incident told without a
        day of its own (fresh news), tells an earlier incident and does not lend it its date."""
        published = str(doc._.incidents_published or "")
        if self._incident_date(current) is not None or frame_date is None or len(published) < 7:
            return False
        value = frame_date.get("value") or ""
        if len(value) < 7 or value[:7] >= published[:7]:
            return False  # undated, only a year, or of the month of publication
        if len(value) == 10 and len(published) == 10:
            return (date.fromisoformat(published) - date.fromisoformat(value)).days > 31
        return True

    @staticmethod
    def _is_reference(frame: dict) -> bool:
        """"the Karachi attack", "the Bajaur bombing": a definite mention of an incident told
        elsewhere, without counts of its own."""
        triggers = frame["triggers"]
        if not triggers or frame["casualties"]:
            return False
        doc = frame["record"]["doc"]
        if any(doc[t["token"]].tag_ == "VBD" and doc[t["token"]].dep_ in {"ROOT", "conj"} for t in triggers):
            return False  # "militants attacked the Pezu police station, but the attack was repulsed"
        return all(t["strength"] == "GENERIC" or t.get("definite") for t in triggers) and any(t.get("definite") for t in triggers)

    @staticmethod
    def _restates_the_toll(frame: dict, current: dict) -> bool:
        """A sentence with no attack word and no place whose every count is definite ("the seven
        soldiers", "these five") and repeats a figure of the same outcome told of the incident
        being told: it names those victims again."""
        casualties = [c for c in frame["casualties"] if c["count"] > 0]
        if frame["triggers"] or frame["places"] or not casualties:
            return False
        doc = frame["record"]["doc"]
        told = _figures(current["casualties"])
        return all(
            c["token"] > 0 and doc[c["token"] - 1].lower_ in DEFINITE_COUNT_DETERMINERS and (c["outcome"], c["count"]) in told
            for c in casualties
        )

    def _find_incident(self, frame: dict, incidents: list[dict], current: dict | None) -> dict | None:
        district = self._frame_district(frame)
        if self._is_reference(frame):
            # "the Karachi attack", "the siege", "the ambush": an incident already told
            def keep_fitting_dates(incident: dict) -> dict:
                own = self._incident_date(incident)
                if own is not None and not all(self._dates_compatible(own, d) for d in frame["dates"]):
                    frame["dates"] = []  # the sentence's other date is not the incident's
                return incident

            for incident in reversed(incidents):
                if district and incident["district"] == district and self._same_site(frame, incident) is not False:
                    return keep_fitting_dates(incident)
            for incident in reversed(incidents):
                if district and incident["district"] == district:
                    return keep_fitting_dates(incident)
            if current is not None and not district:
                return keep_fitting_dates(current)
            unplaced = current if current is not None else (incidents[-1] if incidents else None)
            if (
                unplaced is not None and unplaced["district"] is None
                and len({p["district"] for p in frame["places"] if p["district"]}) == 1
                and any(t["strength"] == "SPECIFIC" for t in unplaced["triggers"]) and self._methods_fit(unplaced, frame)
                and all(self._dates_compatible(self._incident_date(unplaced), d) for d in frame["dates"])
            ):
                # "it was the first suicide bombing in Quetta in two years" after a lead that told
                # the bombing without its city: the incident told so far without a place, placed
                # by the reference
                return keep_fitting_dates(unplaced)
        told = current if current is not None else (incidents[-1] if incidents else None)
        if told is not None and self._restates_the_toll(frame, told):
            # "the seven brave soldiers who laid down their lives last night include ...": the
            # toll told (before a subheading too), named again with its article, whatever day
            # the sentence then gives
            frame["dates"] = []
            return told
        recalled = self._incident_of_the_toll_recalled(frame, incidents, current)
        if recalled is not None:
            return recalled
        frame_date = max(frame["dates"], key=lambda d: len(d["value"]), default=None)
        if frame["same_day"] and current is not None:
            frame_date = self._incident_date(current)
            if district and current["district"] and district != current["district"]:
                return None
        if frame["record"]["new_cue"]:
            return None  # "separately", "in another attack", "days after ...": a new incident
        if (
            district and current is not None and current["district"] not in (None, district)
            and current["places"] and all(p.get("here") for p in current["places"])
            and self._fits_in_time(current, frame, frame_date) and self._methods_fit(current, frame)
        ):
            # "QUETTA: a bomb derailed a train here on Sunday. The device had been planted near
            # Dera Murad Jamali": "here" only echoed the dateline, the newsroom's town; the site
            # the story then names is the attack's
            current["places"], current["district"] = [], None
            return current
        if district:
            # "most of those who died in the Alamdar Road blasts": the incident told at that very site
            # (an incident being told that has no place yet takes the place instead)
            unplaced_current = current is not None and current["district"] is None and not current["places"]
            doc = frame["record"]["doc"]

            def earlier_than(incident: dict) -> bool:
                # "In August, three soldiers were martyred in North Waziristan" after an undated
                # lead about the same district: an earlier incident, not the news's date
                if not self._background_to_undated_news(incident, frame_date, doc):
                    return False
                frame["earlier_than_news"] = True  # kept apart in the document's assembly too
                return True

            for incident in reversed(incidents) if not unplaced_current else ():
                if (
                    incident["district"] == district and self._same_site(frame, incident)
                    and self._fits_in_time(incident, frame, frame_date) and not earlier_than(incident)
                ):
                    return incident
            if (
                current is not None
                and current["district"] in (None, district)
                and self._fits_in_time(current, frame, frame_date)
                and self._country_fits(current, frame)
                and (current["district"] == district or self._methods_fit(current, frame))
            ):
                if current["district"] is None and current["places"] and not self._province_fits(current, frame):
                    return None
                if current["district"] is None and current is incidents[0] and self._local_dateline_elsewhere(district):
                    frame["off_the_dateline"] = True  # kept apart in the document's assembly too
                    return None  # "KHAR: a shell hit a house ... Torkham was closed after a mortar": another place
                if self._background_to_unplaced_news(current, frame_date, doc):
                    frame["earlier_than_news"] = True  # kept apart in the document's assembly too
                    return None
                if earlier_than(current):
                    return None
                return current
            for incident in reversed(incidents):
                if incident["district"] == district and self._fits_in_time(incident, frame, frame_date) and not earlier_than(incident):
                    return incident
            return None
        if current is not None and self._dates_compatible(self._incident_date(current), frame_date):
            if frame["places"] and not self._province_fits(current, frame):
                return None
            if self._background_to_undated_news(current, frame_date, frame["record"]["doc"]):
                # "two years ago a blast at the same bazaar had killed 14", dated, after an
                # undated lead: an earlier incident, not the news's date
                frame["earlier_than_news"] = True
                return None
            if not self._methods_fit(current, frame):
                return None  # "the Afghan side answered with its own raids": a clash, not the strike
            if not self._country_fits(current, frame):
                return None  # "air strikes in Afghanistan" do not continue an attack in Bajaur
            return current
        if frame_date is not None:
            for incident in reversed(incidents):
                own = self._incident_date(incident)
                if own and own["value"] == frame_date["value"] and self._methods_fit(incident, frame) and self._country_fits(incident, frame):
                    # the incident told of that day, unless the sentence's attack word is another
                    # kind of violence or its place another country ("an 8 March suicide attack in
                    # Lakki Marwat ... Late on 8 March, jets hit two Afghan provinces")
                    return incident
        return None

    @staticmethod
    def _headline_gave_the_sum(incidents: list[dict], current: dict | None, record: dict, lead_casualties: list[dict]) -> bool:
        """Whether the only incident so far is a headline's that a summary lead below it sums up:
        a headline placed no nearer than a province ("Grenade attacks in Balochistan wound 30"),
        or one whose every figure is the lead's while the lead names no district ("12 killed in
        Karachi" over "12 people were killed in different incidents in the city"; a lead that
        places its sum in a district tells that district's attack too). Photo captions between
        the two leave no incident current."""
        if len(incidents) != 1 or not incidents[0]["heading_only"] or current not in (None, incidents[0]):
            return False
        headline = incidents[0]
        if current is not None and headline["district"] is None:
            return True
        own = {(c["outcome"], c["count"]) for c in headline["casualties"] if c["count"] > 0}
        summed = {(c["outcome"], c["count"]) for c in lead_casualties if c["count"] > 0}
        return bool(own) and own <= summed and not any(p["district"] for p in record["places"])

    def _incident_of_the_toll_recalled(self, frame: dict, incidents: list[dict], current: dict | None) -> dict | None:
        """"The PM condemned the attack in North Waziristan in which four officers were
        martyred", after the story moved on to an older attack there: a definite attack word
        with the toll of one incident told before, and not the current one's, recalls that
        incident."""
        # after a subheading no incident is current: the one told last is the nearest reading
        current = current if current is not None else (incidents[-1] if incidents else None)
        if current is None or not any(t.get("definite") for t in frame["triggers"]):
            return None
        counts = _figures(frame["casualties"])
        if not counts or counts & _figures(current["casualties"]):
            return None
        district = self._frame_district(frame)
        recalled = [
            incident for incident in incidents
            if incident is not current and counts <= _figures(incident["casualties"]) and district in (None, incident["district"])
        ]
        return recalled[0] if len(recalled) == 1 else None

    def _fits_in_time(self, incident: dict, frame: dict, frame_date: dict | None) -> bool:
        """Whether a sentence dated `frame_date` can continue a placed incident: compatible dates,
        and not another day with another kind of violence ("An IED killed an elder on Monday ...
        another man was killed in a mortar attack on May 10": another incident, though the two
        days are close enough to be one incident's)."""
        own = self._incident_date(incident)
        if not self._dates_compatible(own, frame_date):
            return False
        return not (
            own is not None and frame_date is not None and len(own["value"]) == len(frame_date["value"]) == 10
            and own["value"] != frame_date["value"] and not self._methods_fit(incident, frame)
        )

    @staticmethod
    def _methods_fit(incident: dict, frame: dict) -> bool:
        """A sentence whose own attack word names another kind of violence (a clash after a
        strike, a strike after a bombing) does not continue the incident. Shots fired while
        someone is seized ("a passer-by was hurt when one of the kidnappers opened fire") do."""
        from ..assembly import _methods_compatible

        own = {t["method"] for t in incident["triggers"] if t["strength"] == "SPECIFIC"}
        new = {t["method"] for t in frame["triggers"] if t["strength"] == "SPECIFIC"}
        if not own or not new:
            return True
        if new == {"armed_clash"} and own & ATTACK_METHODS and not frame["places"] and not frame["dates"]:
            return True  # "policemen exchanged fire with the attackers": the fight within their attack
        if new == {"armed_clash"} and own <= {"shelling"} and not frame["places"] and not frame["dates"] and not frame["countries"]:
            return True  # "artillery pounded hideouts ... a soldier fell during an exchange of fire": one operation
        return any(_methods_compatible(a, b) or (a, b) == ("kidnapping", "armed_assault") for a in own for b in new)

    @staticmethod
    def _country_fits(incident: dict, frame: dict) -> bool:
        countries = {p["country"] for p in frame["places"] + frame["countries"] if p.get("country")}
        own = {p["country"] for p in incident["places"] + incident["countries"] if p.get("country") and p.get("located", True)}
        return not countries or not own or bool(countries & own)

    def _province_fits(self, incident: dict, frame: dict) -> bool:
        provinces = {p["province"] for p in frame["places"] if p["province"]}
        own = {p["province"] for p in incident["places"] if p["province"]}
        return not provinces or not own or bool(provinces & own)

    def _ranked_word(self, token: Token) -> bool:
        """"the second major assault", "the latest attack": an attack word an ordinal ranks."""
        return any(c.ent_type_ == "ORDINAL" or c.lower_ in self.lexicon.rank_words for c in _compound_head(token).children)

    def _ranks_the_incident_told(self, span: Span) -> bool:
        """"It was the fifth drone strike this year", "this is the third attack on the post":
        an ordinal attack word predicated of a pronoun ranks the incident being told."""
        root = _compound_head(span.root)  # "strike" of "the fifth drone strike"
        if root.dep_ != "attr" or root.head.lemma_ != "be" or not self._ranked_word(root):
            return False
        return any(c.dep_ == "nsubj" and c.pos_ in {"PRON", "DET"} for c in root.head.children)

    def _initiative(self, sent: Span) -> tuple[bool, bool, bool, bool]:
        """(the forces acted first, the militants did, the police did, the militants only shot)
        in this sentence:
        soldiers, troops or paramilitaries, militants, or the police as the subject (or the
        passive's agent) of a verb of `initiative_verbs` ("troops raided a compound", "were
        killed by soldiers"; "gunmen stormed the post"; "police raided a house"); forces that
        responded ("troops retaliated") say the militants began. The police's raids are not the
        army's operations: they make a clash, with no state actor named."""
        lexicon = self.lexicon
        verbs = lexicon.forces_initiative_verbs | lexicon.militant_initiative_verbs | lexicon.forces_response_verbs
        forces = militants = police = False
        militant_verbs: set[str] = set()
        for token in sent:
            lemma = token.lemma_.lower()
            if token.pos_ != "VERB" or lemma not in verbs:
                continue
            actors = [c for c in token.children if c.dep_ == "nsubj"]
            if not actors and token.dep_ in {"conj", "xcomp"}:
                # "troops cordoned off the area and killed four", "terrorists used a quadcopter to
                # drop explosives": the subject of the verb it hangs on
                actors = [c for c in token.head.children if c.dep_ == "nsubj"]
            actors += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            actors += [conj for a in actors for conj in a.conjuncts]
            for actor in actors:
                actor = self._force_of_unit(actor)
                if actor.ent_type_ == "SECURITY_FORCE" and actor.ent_id_ in {"military", "paramilitary", "police"}:
                    if lemma in lexicon.forces_response_verbs:
                        militants = True  # "troops retaliated", "foiled an infiltration bid"
                        militant_verbs.add(lemma)
                    elif lemma in lexicon.forces_initiative_verbs and actor.ent_id_ == "police":
                        police = True
                    elif lemma in lexicon.forces_initiative_verbs:
                        forces = True
                if lemma in lexicon.militant_initiative_verbs and (
                    actor.ent_type_ == "GROUP" and actor.ent_id_ not in STATE_GROUPS
                    or lexicon.victim_category.get(actor.lower_) == "attacker"
                ):
                    if lemma in lexicon.militant_answer_verbs and (forces or police):
                        continue  # "police raided a house, during which the terrorists opened fire"
                    militants = True
                    militant_verbs.add(lemma)
        # "the terrorists opened fire", "the police returned fire" alone: the gunfight that answered
        # forces who acted in an earlier sentence
        only_answers = militants and militant_verbs <= lexicon.militant_answer_verbs
        return forces, militants, police, only_answers

    def _owned_by_the_compared_news(self, doc: Doc, date: dict) -> bool:
        """Whether a date is the possessor of the subject of a verb that compares it with something
        before or after ("Sunday's bombing came a week after ..."); "the toll of Monday's bombing"
        dates the bombing itself."""
        span = doc.char_span(date["start"], date["end"], alignment_mode="expand")
        if span is None or span.root.dep_ != "poss":
            return False
        owner = span.root.head
        before_or_after = self.lexicon.earlier_prepositions
        return owner.dep_ in {"nsubj", "nsubjpass"} and any(
            (child.dep_ == "prep" and child.lower_ in before_or_after)  # "came a day after the raid"
            or (child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in before_or_after for m in child.children))
            for child in owner.head.children
        )

    def _force_of_unit(self, actor: Token) -> Token:
        """The force a unit noun belongs to ("a police team", "a CTD party", "an FC
        contingent"): the force acted; any other actor is itself."""
        if actor.ent_type_ or actor.lower_ not in self.lexicon.force_unit_nouns:
            return actor
        return next((c for c in actor.children if c.dep_ in {"compound", "amod", "nmod"} and c.ent_type_ == "SECURITY_FORCE"), actor)

    def _can_open(self, frame: dict, lead: bool = False) -> bool:
        specific = any(t["strength"] == "SPECIFIC" for t in frame["triggers"])
        counted = any(c["count"] > 0 and not c["subset"] for c in frame["casualties"])
        located = bool(frame["places"] or frame["dates"])
        anchored = located or bool(frame["countries"])
        district_named = any(p["district"] for p in frame["places"])
        if frame["record"]["footnote"] or (self._is_reference(frame) and not (district_named and frame["dates"])):
            return False  # a cited headline or "the attack" names an incident told elsewhere
        if frame["record"]["heading"] and not (counted or district_named):
            return False  # a bare title or subheading (titles with a place or toll are merged into the story)
        if frame["triggers"] and all(t.get("ranked") for t in frame["triggers"]) and not counted:
            return False  # "it was the fifth drone strike since May": the incident told, ranked
        if frame["record"]["new_cue"] and frame["triggers"] and any(p["district"] for p in frame["places"]):
            return True  # "days after the hijacking of the Jaffar Express in the Bolan pass"
        if not frame["triggers"] and counted:
            # a count with no attack word ("In July, 187 people were killed") needs a place or a day
            return any(p["district"] for p in frame["places"]) or any(d["precision"] == "day" for d in frame["dates"])
        if specific and not counted and not frame["dates"] and not any(p["province"] or p["district"] for p in frame["places"]):
            # "suicide-bomber pipelines are in Afghanistan": no incident without place or day,
            # unless it is the lead under a dateline ("BANNU: Motorcyclists threw a grenade at
            # a police station"), which the dateline then locates
            return lead and self._right_after_dateline(frame["record"])
        if specific or counted:
            return anchored or counted
        # a generic singular word ("an attack", "struck") opens an incident only with a
        # district-level place and a date
        singular = [t for t in frame["triggers"] if t["strength"] == "GENERIC" and not t["text"].lower().endswith("s")]
        # a lead under a dateline that tells the attack in a verb is placed by the dateline
        # ("GWADAR: Militants attacked a convoy on the coastal highway on Sunday")
        doc = frame["record"]["doc"]
        district = any(p["district"] for p in frame["places"]) or (
            lead and self._right_after_dateline(frame["record"]) and any(doc[t["token"]].tag_ == "VBD" for t in singular)
        )
        # or, in the story's lead, a verb in the present perfect ("gunmen have attacked a bus in
        # Lahore"): the news of the day, told before its day is
        return bool(singular) and district and (bool(frame["dates"]) or (lead and any(self._present_perfect(frame["record"]["doc"][t["token"]]) for t in singular)))

    @staticmethod
    def _present_perfect(verb: Token) -> bool:
        """"have attacked", "has struck": a participle with its auxiliary "have"."""
        return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)

    @staticmethod
    def _same_site(frame: dict, incident: dict) -> bool | None:
        """Whether a frame names a site (below district level) the incident names: True, False
        when both name sites and none is shared, None when either names none."""
        from ..assembly import _sites

        mine, theirs = _sites(frame), _sites(incident)
        return bool(mine & theirs) if mine and theirs else None

    @staticmethod
    def _only_unanchored(frame: dict) -> bool:
        """A frame kept back for the story's first incident: a specific attack word, no place,
        no day, no count, not a heading."""
        return (
            any(t["strength"] == "SPECIFIC" for t in frame["triggers"])
            and not frame["places"] and not frame["dates"] and not frame["casualties"]
            and not frame["record"]["heading"] and not frame["record"]["summary"]
        )

    def _right_after_dateline(self, record: dict) -> bool:
        """Whether a sentence opens the story that a dateline introduces (within a short lead)."""
        if not self._datelines:
            return False
        dateline_start = record["doc"][self._datelines[0]["token"]].idx
        return 0 <= record["start"] - dateline_start <= 300

    def _new_incident(self, frame: dict) -> dict:
        incident = {
            "district": None,
            "places": [],
            "countries": [],
            "dates": [],
            "triggers": [],
            "casualties": [],
            "groups": [],
            "targets": [],
            "sentence_targets": [],
            "suicide": False,
            "strike_actor": False,
            "afghan_actor": False,
            "said_pakistan": False,
            "forces_initiative": False,
            "militant_initiative": False,
            "police_initiative": False,
            "army_named": False,
            "evidence": [],
            "sentences": [],
            "inherited_date": None,
            "statement_dates": [],
            "heading_only": True,
        }
        self._merge_frame(incident, frame)
        return incident

    def _merge_frame(self, incident: dict, frame: dict) -> None:
        record = frame["record"]
        incident["heading_only"] = incident.get("heading_only", True) and record["heading"]
        incident["places"].extend(frame["places"])
        incident["countries"].extend(frame["countries"])
        if incident["district"] is None:
            incident["district"] = self._frame_district(frame)
        incident["dates"].extend(frame["dates"])
        incident["statement_dates"].extend(record["statement_dates"])
        incident["triggers"].extend(frame["triggers"])
        incident["casualties"].extend(frame["casualties"])
        add_targets(incident, record)
        incident["suicide"] = incident["suicide"] or any(
            t["method"] == "suicide_bombing" and t["strength"] == "SPECIFIC" for t in frame["triggers"]
        )
        incident["strike_actor"] = incident["strike_actor"] or record["strike_actor"]
        incident["afghan_actor"] = incident["afghan_actor"] or record["afghan_actor"]
        incident["said_pakistan"] = incident["said_pakistan"] or record["said_pakistan"]
        # the forces acted first in an earlier sentence ("CTD personnel raided a hideout"): the
        # militants who then "opened fire" answered them, and the operation stays the forces'
        answered = record["militants_only_shot"] and (incident["forces_initiative"] or incident["police_initiative"])
        for side in ("forces_initiative", "militant_initiative", "police_initiative", "army_named"):
            if not (side == "militant_initiative" and answered):
                incident[side] = incident[side] or record[side]
        self._add_groups(incident, record, frame.get("groups"))
        self._add_evidence(incident, record)

    def _opens_with_its_place(self, sent: Span) -> bool:
        """"In Kalat, militants attacked a Levies post", "In Gwadar's Pasni, ...", "In the Tump
        area of Kech, ...": a roundup's item, opened by a phrase of its place (no verb in it)."""
        words = [t for t in sent if not t.is_space]
        if len(words) < 3 or words[0].lower_ != "in":
            return False
        comma = next((i for i, t in enumerate(words[:10]) if t.text == ","), None)
        if comma is None or comma < 2:
            return False
        opener = words[1:comma]
        places = [e for e in self._ents.get(sent.start, ()) if e.label_ == "PLACE" and opener[0].i <= e.start and e.end <= words[comma].i]
        return bool(places) and not any(t.pos_ in {"VERB", "AUX"} for t in opener)

    def _summed_attacks_by_one_group(self, record: dict) -> bool:
        """Whether a sentence that sums several attacks names one group as their author: the
        agent of its attack words or the subject of their verb ("coordinated attacks by the BLA
        across Balochistan", "the BLA claimed a string of attacks"), not a group it names
        otherwise ("the Taliban say", "a group responsible for multiple attacks")."""
        if len({group["code"] for group in record["groups"]}) != 1:
            return False
        doc = record["doc"]
        lexicon = self.lexicon
        for group in record["groups"]:
            ent = next((e for e in doc.ents if e.start <= group["token"] < e.end), None)
            if ent is None:
                continue
            root = ent.root
            if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lemma_.lower() in lexicon.summary_attack_lemmas:
                return True
            if root.dep_ in {"compound", "amod", "nmod"} and root.head.dep_ == "nsubj":
                root = root.head  # "BLA militants carried out two attacks", "two Taliban bombers struck"
            if root.dep_ != "nsubj":
                continue
            verb = root.head
            if verb.lemma_.lower() in lexicon.militant_initiative_verbs | {"claim"} or any(
                c.dep_ == "dobj" and c.lemma_.lower() in lexicon.summary_attack_lemmas for c in verb.children
            ):
                return True  # "... carried out two attacks": the attacks' author
        return False

    @staticmethod
    def _title_claims(sent: Span) -> bool:
        """Whether a title tells a group's claim: a group named before "claims" or "claim"
        ("TTP claims Bannu attack", "BLA claim responsibility for Quetta blast"; not "Police
        claim killing of TTP commander", where the group is the object)."""
        verb = next((t for t in sent if t.lower_ in {"claims", "claim", "claimed"}), None)
        return verb is not None and any(t.ent_type_ == "GROUP" and t.i < verb.i for t in sent)

    def _give_the_title_claim(self, title: dict, incidents: list[dict]) -> None:
        """A title that tells a group's claim ("TTP claims attack on police post in Bannu"), or
        who is blamed or suspected ("Police blame TTP for Bannu attack"), too short to open an
        incident of its own (no day): it tells of the first incident the story tells at the
        title's district (of the first one, where the title names none), unless a sentence of
        the story already names who claimed it (or, for blame, anyone)."""
        districts = {p["district"] for p in title["places"] if p["district"]}
        told = [i for i in incidents if not i["heading_only"]]
        target = next((i for i in told if not districts or i["district"] in districts), None)
        if target is None or any(g["attribution"] == "claimed" for g in target["groups"]):
            return
        if not title["claim"] and target["groups"]:
            return
        self._add_groups(target, title)
        self._add_evidence(target, title)

    def _add_groups(self, incident: dict, record: dict, groups: list[dict] | None = None) -> None:
        if record["claim_denied"] and not (record["claim"] or record["suspect"] or record["blame"]):
            return  # "the TTP has not claimed the raid": the sentence names the group only to deny
        for group in record["groups"] if groups is None else groups:
            attribution = "claimed" if record["claim"] or group.get("own_word") else "suspected" if record["suspect"] else "attributed"
            incident["groups"].append({
                "code": group["code"], "attribution": attribution, "sent": record["index"], "beside_afghan": group.get("beside_afghan", False),
                "acting": group.get("acting", True),
            })

    @staticmethod
    def _claims_current(record: dict, current: dict | None) -> bool:
        """A sentence in which a named group claims an attack while an incident is being told."""
        return current is not None and bool(record["groups"]) and record["claim"] and (bool(record["triggers"]) or record["lemmas_attack"])

    @staticmethod
    def _claims_the_attack_told(record: dict) -> bool:
        """Whether what the sentence's group claims is a definite attack word with no place of its
        own: "the attack was claimed by X", "X claimed the bombing", "X claimed responsibility
        for the blast"."""
        doc = record["doc"]
        for trigger in record["triggers"]:
            word = doc[trigger["token"]]
            if not trigger["definite"] or any(t.ent_type_ == "PLACE" for t in word.subtree):
                continue
            head = word.head
            if word.dep_ == "pobj" and head.lower_ == "for":
                head = head.head.head if head.head.lemma_ == "responsibility" else head.head
            if word.dep_ in {"nsubjpass", "dobj", "pobj"} and head.lemma_.lower() == "claim":
                return True
        return False

    @classmethod
    def _names_the_perpetrator(cls, record: dict, told: dict | None) -> bool:
        """A claim, or a group suspected or blamed for the attack, while an incident is told."""
        if record["claim"]:
            return cls._claims_current(record, told)
        return (
            told is not None and bool(record["groups"]) and (record["suspect"] or record["blame"] or record["membership"])
            and (bool(record["triggers"]) or bool(record["hedged_definite"]) or record["lemmas_attack"])
        )

    def _add_none_hurt(self, incident: dict, record: dict) -> None:
        """"No casualties were reported." after the attack is told: a figure of 0 for the
        incident being told, for each outcome it has no figure of its own for."""
        counted = {c["outcome"] for c in incident["casualties"] if c["count"] > 0}
        zeros = [c for c in record["casualties"] if c["count"] == 0 and c["outcome"] not in counted]
        if zeros:
            incident["casualties"].extend(zeros)
            self._add_evidence(incident, record)

    def _district_of_the_scene(self, record: dict, text: str) -> dict | None:
        """The district, named as such, that a sentence about the scene of the incident told puts
        it in ("the village where the attack took place lies in Bannu district"), else None."""
        if not any(cue in text for cue in self.lexicon.place_roles["site_statement_cues"]):
            return None
        named = [p for p in record["places"] if p["named_as_district"] and p["district"]]
        return named[0] if len({p["district"] for p in named}) == 1 else None

    @staticmethod
    def _add_evidence(incident: dict, record: dict) -> None:
        if record["index"] not in incident["sentences"]:
            incident["sentences"].append(record["index"])
            incident["evidence"].append({"start": record["start"], "end": record["end"]})


@Language.factory(
    "incidents_events",
    assigns=["doc._.incidents_frames", "doc._.incidents_places", "doc._.incidents_groups"],
    requires=["doc._.incidents_dates", "doc._.incidents_casualties", "doc.ents", "doc.sents"],
    default_config={"triggers_key": "incidents_triggers", "aggregate_min_count": 5, "patterns_dir": None},
)
def make_event_assembler(
    nlp: Language, name: str, triggers_key: str, aggregate_min_count: int, patterns_dir: str | None
) -> EventAssembler:
    return EventAssembler(nlp, name, triggers_key, aggregate_min_count, patterns_dir)
