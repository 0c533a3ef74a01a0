"""Casualty extraction: counts linked to an outcome (killed / injured) and to who was counted.

A casualty statement is read from the dependency parse, not from the nearest number:
the count is a numeral (digits, words, "a dozen", "a policeman") attached to a noun or standing
alone; the outcome is the casualty predicate that governs it ("killed 13 people", "five soldiers
were martyred", "leaving nine people dead", "claiming the lives of 80 people", "the toll rose to
seven"); the category comes from the counted noun (security forces, civilians, attackers).

Each statement is a plain dict on `doc._.incidents_casualties`:
`{start, end, token, sent, count, outcome, category, qualifier, update, increment, subset,
group, text}`. `group` ties together the conjuncts of one breakdown ("11 soldiers and two
civilians"), whose counts are summed by the event stage; `subset` marks counts inside
"including ..." or "of them" that must not be added; `update` marks a revised total
("taking the toll to seven"), which wins over earlier figures.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..assembly import AFGHAN_STATE_FORCES
from ..events import STATE_FORCES
from ..lexicon import Lexicon, load_lexicon
from . import work
from .extensions import doc_text, ents_by_sentence, register_extensions, span_text

#: Group codes of states' armies: what they say is the report's toll, not a militant's claim
#: (the Afghan Taliban, a state's forces since 2021, still claim attacks as a group).
ARMIES = (STATE_FORCES - {"Afghan Taliban"}) | {AFGHAN_STATE_FORCES}
#: the words that with "with" tell people besides those named ("along with", "together with")
ALONG = frozenset({"along", "together"})
SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
DATE_OR_TIME = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4}")
ISO_DATE = re.compile(r"(?:19|20)\d\d-\d\d-\d\d")  # "2021-06-09", which the tokenizer cuts into five tokens
CURRENCY_FIGURE = re.compile(r"^(?:rs\.?|pkr|usd|\$)\d", re.I)
DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")
#: one-word shapes read here rather than by quantulum3, whose first call compiles its unit
#: regexes (1.2 s in every process): "2.5" (a count only when whole), "9/11" (a fraction, or a
#: date), "24th" and "third" (ordinals: no count)
DECIMAL = re.compile(r"^\d+\.\d+$")
FRACTION = re.compile(r"^(\d{1,6})/(\d{1,6})$")
ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|[a-z]+th)$")
#: A count is at most this many characters ("2,597", "twenty-three", "two dozen"); longer
#: number shapes are not casualty counts and never reach int() or quantulum3, which is
#: superlinear on them (27 s for a 40 KB "1,1,1,...").
MAX_COUNT_CHARS = 15
#: Phrases sent to quantulum3: at most this many characters and words, of word and number
#: characters only (checked before the call).
MAX_COUNT_PHRASE_CHARS = 40
MAX_COUNT_PHRASE_WORDS = 5
_QUANTULUM_SHAPE = re.compile(r"^[\w.,'’/-]+(?: [\w.,'’/-]+)*$")


def is_date_fragment(token: Token) -> bool:
    """Whether a number token is part of an ISO date, a clock time or a numeric date
    ("2021-07-14", "14:30", "12/05/2019"): never a count."""
    text = doc_text(token.doc)
    start = max(0, token.idx - 11)
    around = text[start : token.idx + len(token.text) + 11]
    inside = token.idx - start
    return any(match.start() <= inside < match.end() for match in DATE_OR_TIME.finditer(around))


def _revised_toll_outcome(verb: Token, sentence: str, stems: dict[str, tuple[str, ...]], *, said_of_a_toll: bool) -> str | None:
    """What a figure that `verb` revises counts ("the toll rose to 11", "the number of wounded
    reached 130"): what the verb's subject names, when it names one outcome only; else injured
    when the sentence speaks only of the injured, and killed when it speaks of the dead or a toll
    (or the figure is the subject's own toll). `stems`: lexicon `revised_figure_stems`."""

    def named(text: str) -> set[str]:
        words = text.lower().split()
        return {outcome for outcome, starts in stems.items() if any(w.startswith(starts) for w in words)}

    subject = " ".join(t.text for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree)
    told = named(subject)
    if "toll" in told:
        # a bare toll counts the dead; "the toll of the injured" counts whom it names
        told = (told - {"toll"}) or {"killed"}
    if len(told) == 1:
        return told.pop()  # "the death toll rose to 45, while the number of wounded reached 130"
    told = named(re.sub(r"[^\w\s]", " ", sentence))
    if "toll" in told:
        told = (told - {"toll"}) | {"killed"}  # in the sentence at large, a toll is the dead's
    if told == {"injured"}:
        return "injured"
    if said_of_a_toll or "killed" in told:
        return "killed"
    return None


def _relative_clause(verb: Token) -> bool:
    """Whether a verb's clause is a relative clause by its own words, however the parser hung
    it: its subject is "that" or "which" (a complement's "that" is no subject), or a phrase of
    it is "in which" / "during which"."""
    return any(
        (c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"that", "which"})
        or (c.dep_ == "prep" and any(p.dep_ == "pobj" and p.lower_ in {"which", "whom"} for p in c.children))
        for c in verb.children
    )


def group_spokesman(subject: Token, lexicon: Lexicon, *, not_groups: frozenset[str] = frozenset(), group_before: bool = True) -> bool:
    """A subject that is a group's spokesman ("TTP spokesman Ahmad", "a spokesperson of the
    BLA"): one of the speaker nouns (lexicon `militant_tally_cues.speakers`) with a group named
    in the same phrase, none of `not_groups`, and no state's word ("a Taliban government
    spokesman": a state speaks). With `group_before`, a group just before the phrase names
    whose spokesman he is too ("TTP (Tehrik-i-Taliban Pakistan) Spokesman Ahmad claimed", where
    the parser leaves the group outside the subject's phrase)."""
    words = list(subject.subtree)
    if not any(t.lower_ in lexicon.claimant_pronouns for t in words):
        return False
    if any(t.lower_ in lexicon.state_speaker_words for t in words):
        return False
    if any(t.ent_type_ == "GROUP" and t.ent_id_ not in not_groups for t in words):
        return True
    if not group_before:
        return False
    before = words[0].i - 1
    while before >= 0 and subject.doc[before].is_punct and subject.doc[before].ent_type_ != "GROUP":
        before -= 1
    return before >= 0 and subject.doc[before].ent_type_ == "GROUP"


#: how many words back "all eight" may look for the eight it repeats (two sentences of news;
#: a longer run is no story a reader follows, and would cost a walk per count)
MAX_ALL_LOOKBACK = 120


def _acted_on(verb: Token) -> bool:
    """Whether a verb's subject was acted on: a passive ("were gunned down"), or a conjunct with
    no object and no auxiliary of its own after a passive, which shares its "were" ("five
    soldiers were martyred and seven terrorists eliminated")."""
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or (
        verb.dep_ == "conj" and verb.tag_ in {"VBD", "VBN"}
        and any(c.dep_ == "auxpass" for c in verb.head.children)
        and not any(c.dep_ in {"dobj", "aux", "auxpass"} for c in verb.children)
    )


def _a_dozen(doc: Doc, article: int, sent: Span) -> list[str]:
    """The words of the count "a dozen" whose "a" is token `article`: "half a dozen" is six."""
    return ["six"] if article > sent.start and doc[article - 1].lower_ == "half" else ["dozen"]


def _past_compounds(token: Token) -> Token:
    """The noun a compound modifies: "one Rangers man", "three FC personnel" count the man and
    the personnel (the parser may hang the number on the first word of the compound)."""
    while token.dep_ == "compound" and token.head.i > token.i and token.head.pos_ in {"NOUN", "PROPN"}:
        token = token.head
    return token


def left_compounds(token: Token):
    """The compounds before a word, and theirs: "Havildar Naeem Akhtar" gives Naeem and Havildar.
    (Walked with a stack, in the same order as depth first: a chain of names may be long.)"""
    stack = [iter(token.lefts)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.dep_ == "compound":
            yield child
            stack.append(iter(child.lefts))


def conj_root(token: Token) -> Token:
    """The first item of the coordination `token` is listed in ("two pistols and an explosive
    device": the pistols)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _list_root(token: Token) -> Token:
    """The first item of a coordinated list of counted nouns. "an army major, a captain and a
    police inspector" is often parsed as major <-appos- captain <-conj- inspector: an appositive
    with an article of its own that heads a coordination is the list's second item, not a
    second name for the first ("two soldiers, a lieutenant and a sepoy" is a breakdown of a
    number, not a list that continues it)."""
    root = conj_root(token)
    while (
        root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < root.i
        and root.head.tag_ == "NN" and not any(c.dep_ == "nummod" for c in root.head.children)
        and any(c.dep_ == "conj" for c in root.children)
        and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in root.children)
    ):
        root = conj_root(root.head)
    return root


def parse_count(words: list[str], lexicon: Lexicon, allow_quantulum=None) -> int | None:
    """Read a count from its words: "13", "2,597", "eleven", "twenty-three", "a dozen", "two dozen".

    Returns None for vague amounts ("dozens") and for shapes the word table cannot read, which
    then go to quantulum3 when short and word-shaped, and when `allow_quantulum()` (the
    document's allowance of costly calls, if given) says yes.
    """
    cleaned = [w.lower().strip() for w in words if w.strip() and w not in {"-", "–"}]
    if not cleaned or any(len(w) > MAX_COUNT_CHARS for w in cleaned):
        return None
    if any(w in lexicon.vague_amounts for w in cleaned) and not any(w == "dozen" for w in cleaned):
        return None
    if len(cleaned) == 1:
        word = cleaned[0]
        if DIGITS.match(word):
            return int(word.replace(",", ""))
        if DECIMAL.match(word):
            value = float(word)
            return int(value) if value == int(value) else None
        if fraction := FRACTION.match(word):
            numerator, denominator = int(fraction[1]), int(fraction[2])
            return numerator // denominator if denominator and numerator % denominator == 0 else None
        if ORDINAL.match(word):
            return None
    total, current = 0, 0
    for word in cleaned:
        if DIGITS.match(word):
            current += int(word.replace(",", ""))
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in lexicon.number_scales:
            total += (current or 1) * lexicon.number_scales[word]
            current = 0
        elif word == "zero":
            continue
        elif word in lexicon.number_words:
            current += lexicon.number_words[word]
        elif word == "and":
            continue
        else:
            phrase = " ".join(cleaned)
            if (
                len(phrase) > MAX_COUNT_PHRASE_CHARS
                or len(cleaned) > MAX_COUNT_PHRASE_WORDS
                or not _QUANTULUM_SHAPE.match(phrase)
                or (allow_quantulum is not None and not allow_quantulum())
            ):
                return None
            return _quantulum_count(phrase)
    return total + current


@lru_cache(maxsize=5000)
def _quantulum_count(phrase: str) -> int | None:
    """quantulum3 reads number shapes the word table does not; loaded lazily, once per process."""
    import warnings

    with warnings.catch_warnings():
        # quantulum3 warns that its optional classifier is not installed; the rule parser suffices
        warnings.simplefilter("ignore", UserWarning)
        from quantulum3 import parser

    work.count("quantulum", phrase)
    quantities = parser.parse(phrase)
    if not quantities:
        return None
    value = quantities[0].value
    if value != int(value) or value < 0:
        return None
    return int(value)


def _determiners(noun: Token) -> list[Token]:
    """The words that determine a noun: articles, possessives, numbers."""
    return [c for c in noun.children if c.dep_ in {"det", "poss", "nummod"}]


def _the_other(token: Token) -> bool:
    """Whether a word is "the" or "other" of "the other one"."""
    return token.lower_ in {"the", "other"} and token.dep_ in {"det", "amod"}


def _coordinated(noun: Token) -> list[Token]:
    """The nouns coordinated with `noun`: its conjuncts, and a noun the parser hangs on the same
    verb in the same role right after "and" ("a constable and his son were shot dead" is often
    parsed with two subjects rather than a conjunct)."""
    nouns = list(noun.conjuncts)
    cc = [c for c in noun.children if c.dep_ == "cc" and c.lower_ == "and"]
    if cc and noun.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        nouns.extend(
            s for s in noun.head.children
            if s.dep_ == noun.dep_ and s.i > cc[-1].i and s.pos_ in {"NOUN", "PROPN"} and s not in nouns
        )
    return nouns


def _counts_of_people(number: Token) -> bool:
    """A bare number that counts people by an "of" phrase: "three of them", "two of the guards"."""
    return number.like_num and any(c.dep_ == "prep" and c.lower_ == "of" for c in number.children)


def _only_possessed(determiners: list[Token]) -> bool:
    """Whether a noun is determined by possessives alone ("their driver"): a person of the
    victims', one more of them, where "a driver" would be a count of its own."""
    return bool(determiners) and all(c.dep_ == "poss" for c in determiners)


#: how many tokens a hyphenated name may run on past the phrase the parser gave it
#: ("-e-Islam-Fazl" is six)
HYPHENATED_NAME_REST = 12


def _noun_phrase(prep: Token) -> list[Token]:
    """A preposition and its object's noun phrase, without the phrases and clauses hung on the
    object ("of the JUI-F" of "of the JUI-F in Dera Ismail Khan")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects:
        return [prep]
    last = objects[0]
    return [prep] + [t for t in last.subtree if t.i <= last.i]


def _phrase_text(head: Token, whole: bool = False) -> str:
    """The text of `head`'s phrase as written (its whole subtree, or its noun phrase alone), run
    on to the end of a hyphenated name the parser tore apart ("of the Jamiat Ulema-e-Islam-Fazl",
    whose "-e-Islam-Fazl" it hung elsewhere): the words of a party's or a force's name decide
    its kind only whole."""
    doc = head.doc
    words = list(head.subtree) if whole else _noun_phrase(head)
    start, end = words[0].i, words[-1].i + 1
    limit = min(len(doc), end + HYPHENATED_NAME_REST)  # a run of text without spaces is no name
    while end < limit and not doc[end - 1].whitespace_ and (doc[end].text == "-" or not doc[end].is_punct):
        end += 1
    return doc[start:end].text


def _body_named(prep: Token) -> str | None:
    """The force or body an "of" phrase on a counted noun names ("eight soldiers of the Frontier
    Corps", "an office-bearer of the Peoples Party"): a security force anywhere in it (the whole
    phrase), else a short noun phrase with a proper name that is no place; None otherwise."""
    if prep.dep_ != "prep" or prep.lower_ != "of":
        return None
    if any(t.ent_type_ == "SECURITY_FORCE" for t in prep.subtree):
        return _phrase_text(prep, whole=True)
    text = _phrase_text(prep)
    if len(text.split()) <= 6 and any(t.pos_ == "PROPN" and t.ent_type_ != "PLACE" for t in _noun_phrase(prep)):
        return text
    return None


class CasualtyExtractor:
    def __init__(self, nlp: Language, name: str, max_head_distance: int, patterns_dir: str | None):
        register_extensions()
        self._ents: dict[int, list] = {}
        self._group_sents: set[int] = set()
        self._claim_sents: set[int] = set()
        self._claim_verdicts: dict[int, bool] = {}
        self.name = name
        self.max_head_distance = max_head_distance
        self.lexicon = load_lexicon(patterns_dir)

    def __call__(self, doc: Doc) -> Doc:
        statements = []
        # each sentence's entities (by its start token), read once: `Span.ents` rebuilds them all
        self._ents = ents_by_sentence(doc)
        # sentences that name a group: asked once per count
        self._group_sents = {start for start, ents in self._ents.items() if any(e.label_ == "GROUP" for e in ents)}
        # sentences with a verb of claiming: only there can a count be a group's own tally
        claim_verbs = self.lexicon.claim_verbs
        self._claim_sents = {sent.start for sent in doc.sents if any(t.lemma_.lower() in claim_verbs for t in sent)}
        # each word's verdict (`_claim_verdict`), which the counts under it share: read once
        self._claim_verdicts = {}
        self._allowance = work.Allowance(len(doc_text(doc)))
        self._attacker_toll: tuple[tuple[int, int] | None, bool] = (None, False)  # (sentence, answer)
        sents = list(doc.sents)
        for sent_index, sent in enumerate(sents):
            statements.extend(self._sentence_statements(sent, sent_index))
            if span_text(sent).rstrip().endswith(":"):
                statements.extend(self._members_listed_below(sent, sent_index, sents[sent_index + 1 :]))
        doc._.incidents_casualties = statements
        self._group_sents, self._claim_sents, self._ents, self._claim_verdicts = set(), set(), {}, {}
        return doc

    # -- finding counts ---------------------------------------------------------------------
    def _count_spans(self, sent: Span):
        """Yield (first_token, last_token, count) for each count phrase of the sentence."""
        lexicon = self.lexicon
        i = sent.start
        doc = sent.doc
        previous = None  # the last count of the sentence, which "as many" repeats
        fired_on = None  # the count of people fired on or attacked ("opened fire on two policemen")
        while i < sent.end:
            token = doc[i]
            lower = token.lower_
            if lower == "as" and previous is not None and i + 1 < sent.end and doc[i + 1].lower_ == "many" and (
                i + 2 >= sent.end or doc[i + 2].lower_ != "as"
            ):
                # "three were martyred and as many injured": the same figure again ("as many as
                # 40" is a figure of its own, read from its number)
                yield doc[i + 1], doc[i + 1], previous
                i += 2
                continue
            if previous is not None and self._one_more_by_rank(token):
                # "two policemen were martyred and a third was hurt": one more person
                yield token.nbor(-1), token, 1
                i += 1
                continue
            if token.ent_type_ in SKIP_ENTS and not self._bare_number_misread_as_date(token) and not self._number_before_a_preposition(token):
                i += 1
                continue
            if lower == "another" and token.dep_ in {"nsubj", "nsubjpass", "dobj", "conj"} and token.pos_ in {"PRON", "DET"}:
                # "two were killed and another was injured", "critically wounding another": one more
                # person, standing alone ("another soldier" is read from its noun)
                previous = 1
                yield token, token, 1
                i += 1
                continue
            if (
                lower == "another" and token.dep_ == "det" and token.head.dep_ in {"nsubj", "nsubjpass"} and (
                    (token.head.tag_ == "NN" and token.head.lower_ in lexicon.victim_category)
                    or (token.head.tag_ == "NNP" and token.nbor(1).head == token.head and token.nbor(1).lower_ in lexicon.victim_category)
                )
            ):
                # "three elders were shot dead while another elder was wounded", "later another
                # soldier succumbed", "another elder Saqib was hurt" (the parser makes the name the
                # subject): one more person, the subject of a clause of its own, after a count in
                # its sentence or before it (as an object, "gunned down another officer", it is
                # often one more incident of a series)
                previous = 1
                yield token, token, 1
                i += 1
                continue
            in_a_clause = token.dep_ in {"nsubj", "nsubjpass", "dobj", "conj"}
            if lower == "one" and (
                (previous is not None and self._the_other_one(token))
                or in_a_clause and (
                    (previous is not None and all(_the_other(child) for child in token.children if child.dep_ not in {"punct", "appos"}))
                    or self._bare_one_with_outcome(token)
                    or ((group := self._one_of(token)) is not None and self._category_of(group) is not None)
                    or self._injured_who_died(token)  # "later one of the injured succumbed"
                )
            ):
                # "killing six soldiers and injuring one", "six died and one was hurt": the noun of
                # the count before it, left out; "a son died while the other one was hurt": the
                # second of two (its name may follow: "the other one, Karim, was hurt");
                # "wounding one of them"
                previous = 1
                yield token, token, 1
                i += 1
                continue
            if lower == "other" and previous is not None and token.dep_ in {"nsubj", "nsubjpass", "dobj"} and any(
                child.lower_ == "the" for child in token.children
            ):
                # "one was killed and the other injured": the second of two, standing alone
                yield token, token, 1
                i += 1
                continue
            if lower in lexicon.plural_objects and fired_on is not None and token.dep_ == "dobj" and token.head.pos_ == "VERB":
                # "opened fire on two policemen, killing them": the two, whom the verb decides
                yield token, token, fired_on
                i += 1
                continue
            if lower in lexicon.outcome_words["succumbing_subjects"] and token.dep_ == "nsubj" and self._died_of_injuries(token.head):
                # "he succumbed to his injuries": one person, one of the injured told before
                previous = 1
                yield token, token, 1
                i += 1
                continue
            if lower in lexicon.personal_objects and token.dep_ == "dobj" and token.head.pos_ == "VERB":
                # "opened fire on the constable, killing him": one person, whom the verb decides
                previous = 1
                yield token, token, 1
                i += 1
                continue
            if token.like_num or lower in lexicon.number_words or lower == "dozen" or (lower == "score" and self._between_a_and_of(token)):
                if lower in {"a", "an", "one", "single", "lone"} and not self._is_single_person(token):
                    i += 1
                    continue
                if lower in {"both", "pair", "couple"}:
                    if lower == "couple" and self._between_a_and_of(token):
                        previous = 2
                        yield doc[i - 1], token, 2  # "a couple of people were hurt"
                    elif lower == "both" and token.dep_ in {"det", "predet"} and token.head.lower_ in lexicon.victim_category:
                        previous = 2
                        yield token, token, 2  # "killing both policemen", "both brothers died"
                    i += 1
                    continue
                # extend over the words of one number: "twenty-three", "two dozen", "one hundred"
                j = i
                while j + 1 < sent.end:
                    nxt = doc[j + 1]
                    if nxt.lower_ in {"dozen", "hundred", "thousand"}:
                        j += 1
                    elif doc[j].lower_ in lexicon.number_tens and nxt.like_num and not nxt.text[0].isdigit():
                        j += 1
                    elif doc[j].lower_ in lexicon.number_tens and nxt.text == "-" and j + 2 < sent.end and doc[j + 2].like_num:
                        j += 2
                    elif nxt.text in {"-", "–"} and j + 2 < sent.end and doc[j + 2].lower_ in {"dozen", "hundred", "thousand"}:
                        j += 2  # "two-hundred", "three-dozen"
                    elif doc[j].lower_ in {"hundred", "thousand"} and nxt.lower_ == "and" and j + 2 < sent.end and doc[j + 2].lower_ in lexicon.number_words:
                        j += 2  # "a hundred and two"
                    else:
                        break
                if j - i >= MAX_COUNT_PHRASE_WORDS:  # "hundred hundred hundred ...": not a count
                    i = j + 1
                    continue
                if i - 3 >= sent.start and doc[i - 2].lower_ in {"and", "or"} and doc[i - 1].lower_ in lexicon.outcome_words["count_hedges"] and (
                    doc[i - 3].like_num or doc[i - 3].lower_ in lexicon.number_words
                ):
                    i = j + 1  # "nine and perhaps 10 climbers": the hedged second figure is not more victims
                    continue
                if j + 2 < sent.end and doc[j + 1].lower_ in {"to", "or", "-", "–"} and (
                    doc[j + 2].like_num or doc[j + 2].lower_ in lexicon.number_words
                ) and doc[j + 2].lower_ not in {"a", "an", "one"}:
                    # "eight to 10 terrorists", "five or six": the range is read from its upper
                    # figure, which is the one the parser ties to the noun
                    i = j + 1
                    continue
                words = [t.text for t in doc[i : j + 1]]
                if lower in {"a", "an"} and doc[j].lower_ == "dozen":
                    words = _a_dozen(doc, i, sent)
                elif lower in {"a", "an", "one", "single", "lone"}:
                    words = ["one"]
                # "a dozen": the determiner belongs to the count
                if i > sent.start and doc[i - 1].lower_ in {"a", "an"} and lower == "dozen":
                    words = _a_dozen(doc, i - 1, sent)
                elif lower == "score":
                    words = ["20"]  # "a score of people" (only that shape reaches here)
                count = parse_count(words, lexicon, self._allowance.take)
                if count is not None and not self._is_non_casualty_number(doc, i, j, count):
                    previous = count
                    noun = self._counted_noun(doc[i], doc[j])
                    if (noun.dep_ == "pobj" and noun.head.lower_ in {"on", "at", "upon"}) or (
                        noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.tag_ in {"NNS", "NNPS"}
                    ):
                        fired_on = count  # "fired on two policemen" / "offloaded nine passengers", then "killing them"
                    yield doc[i], doc[j], count
                i = j + 1
                continue
            i += 1

    @staticmethod
    def _between_a_and_of(token: Token) -> bool:
        """"A couple of people" (two), "a score of people" (twenty): the word stands between "a"
        and "of" ("a couple" alone is a married pair, "scores of" a vague amount, "the score" no
        count)."""
        doc = token.doc
        return token.i > 0 and doc[token.i - 1].lower_ == "a" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of"

    @staticmethod
    def _one_more_by_rank(token: Token) -> bool:
        """"A third" standing alone as the subject of its clause after a count ("two were killed
        and a third was hurt", or with the verb "be" gapped: "and a third wounded", which the
        parser hangs on the participle as a modifier): one more person ("a third of the
        passengers" is a share)."""
        return (
            token.ent_type_ == "ORDINAL" and token.i > 0
            and (
                token.dep_ in {"nsubj", "nsubjpass"}
                or (token.dep_ == "npadvmod" and token.head.tag_ == "VBN")
                # or as a conjunct of the verb before, with its participle hung on it
                or (token.dep_ == "conj" and any(c.dep_ in {"acl", "amod"} and c.tag_ == "VBN" for c in token.children))
            )
            and token.nbor(-1).lower_ == "a" and token.nbor(-1).head.i == token.i
            and not any(c.dep_ == "prep" for c in token.children)
        )

    @staticmethod
    def _the_other_one(token: Token) -> bool:
        """"The other one" (its name may follow in commas): the second of two, however the parser
        hangs it in its clause."""
        words = [c for c in token.children if c.dep_ not in {"punct", "appos", "mark", "cc"}]
        return all(_the_other(c) for c in words) and any(c.lower_ == "other" for c in words)

    def _bare_one_with_outcome(self, token: Token) -> bool:
        """Whether a bare "one" is the object of a verb of leaving with its outcome on it ("leaving
        one dead and seven injured"): one person, though no noun follows."""
        outcomes = self.lexicon.outcome_words["standalone_outcomes"]
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return token.dep_ == "dobj" and token.head.lemma_.lower() in self.lexicon.outcome_words["leaving_verbs"] and (
            bool(self._outcome_modifiers(token))
            or (following is not None and following.lower_ in outcomes and following.head.i == token.head.i)
        )

    def _outcome_modifiers(self, noun: Token) -> list[Token]:
        """The outcome words ("dead", "injured") the parser hung on a count as its modifiers."""
        outcomes = self.lexicon.outcome_words["standalone_outcomes"]
        return [c for c in noun.children if c.dep_ in {"amod", "acl"} and c.lower_ in outcomes]

    @staticmethod
    def _as_many_after(first: Token, previous: dict) -> bool:
        """Whether `first` is the "many" of "... and as many women" right after the count of
        `previous` ("three guards and as many drivers")."""
        doc = first.doc
        return (
            first.lower_ == "many" and first.i >= 3 and doc[first.i - 1].lower_ == "as" and doc[first.i - 2].lower_ == "and"
            and first.head.pos_ == "NOUN" and first.head.i == first.i + 1 and doc[first.i - 3].idx < previous["end"] + 2
        )

    @staticmethod
    def _bare_number_misread_as_date(token: Token) -> bool:
        """"killing 15 people and injuring 70": the base model sometimes tags a lone number
        as a DATE; a one-token entity of one to three digits, or a number word, is a count, not
        a date. So is a number word the model joined to an ISO date just before it."""
        doc = token.doc
        alone = token.ent_iob_ == "B" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")
        if token.ent_type_ == "DATE" and token.is_alpha and token.i >= 5 and ISO_DATE.fullmatch(doc[token.i - 5 : token.i].text):
            return True  # "date 2021-06-09 Two policemen ...": a page's stamp glued to a count word
        if token.ent_type_ == "DATE" and alone and token.is_alpha and token.like_num:
            return True  # "Eighteen of the dead were soldiers": a number word alone is no date
        if token.i >= 2 and doc[token.i - 1].lower_ in {"and", "to", "-", "–", "&"} and doc[token.i - 2].ent_type_ == "DATE" and doc[token.i - 2].like_num:
            return False  # "on May 12 and 13": the second day of a date told before it
        return token.ent_type_ == "DATE" and alone and token.text.isdigit() and len(token.text) <= 3 and not is_date_fragment(token)

    @staticmethod
    def _number_before_a_preposition(token: Token) -> bool:
        """"the number of wounded reached 18 by evening": the base model sometimes joins a count
        and the phrase after it into a QUANTITY or TIME; a number of one to three digits that
        opens such an entity and is followed by a preposition has no unit: it is a count."""
        doc = token.doc
        return (
            token.ent_type_ in {"QUANTITY", "TIME"} and token.ent_iob_ == "B" and token.text.isdigit() and len(token.text) <= 3
            and token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "ADP"
        )

    def _is_single_person(self, token: Token) -> bool:
        head = _past_compounds(token.head)
        return token.dep_ in {"det", "nummod"} and (
            (head.lower_ in self.lexicon.person_singular and head.tag_ in {"NN", "NNP"})
            or head.lower_ in self.lexicon.person_invariant  # "one FC personnel was martyred"
        )

    def _is_non_casualty_number(self, doc: Doc, first: int, last: int, count: int) -> bool:
        nxt = doc[last + 1] if last + 1 < len(doc) else None
        prev = doc[first - 1] if first > 0 else None
        lexicon = self.lexicon
        if doc[first].lower_ in lexicon.money_scale_words:
            return True  # "Rs1 million each": an amount of money, the figure glued to the currency
        if prev is not None and CURRENCY_FIGURE.match(prev.text):
            return True
        if nxt is not None and (nxt.lower_ in lexicon.count_unit_words or nxt.text.startswith("-year")):
            return True
        if prev is not None and prev.lower_ in lexicon.non_count_prefixes:
            return True
        if 1900 <= count <= 2100 and doc[first].like_num and doc[first].text.isdigit():
            return True
        if (
            first == last and doc[first].text.isdigit() and prev is not None and prev.text == ","
            and first >= 2 and doc[first - 2].pos_ == "PROPN" and nxt is not None
            and (nxt.text in {",", "."} or nxt.pos_ in {"VERB", "AUX"})
        ):
            return True  # "Sepoy Asif, 21, was martyred", "Mr Khan, 40 died later": an age after a name
        return is_date_fragment(doc[first])

    # -- linking a count to its outcome -----------------------------------------------------
    def _sentence_statements(self, sent: Span, sent_index: int) -> list[dict]:
        found, unlinked = [], []
        for first, last, count in self._count_spans(sent):
            statement = self._link(first, last, count, sent)
            if statement is None and found and self._as_many_after(first, found[-1]):
                # "the killing of three guards and as many drivers", however the parser tore it: the
                # same figure, the same outcome, people of their own kind
                noun = first.head
                statement = dict(found[-1], start=first.nbor(-1).idx, end=noun.idx + len(noun.text), token=first.i,
                                 category=self._category_of(noun) or "people", subset=False, increment=False, group=found[-1]["group"])
            if statement is None:
                unlinked.append((first, last, count))
                continue
            statement["sent"] = sent_index
            if first.lower_ in self.lexicon.plural_objects:
                statement["antecedent"] = True  # "took nine men off the bus and shot them": the figure of "them"
            found.append(statement)
        for statement in found:
            one = sent.doc[statement["token"]]
            if statement["subset"] and one.lower_ == "one" and one.i + 1 < sent.end and one.nbor(1).lower_ == "of" and not any(
                other["outcome"] == statement["outcome"] and not other["subset"] for other in found
            ):
                # "shot at two workers, wounding one of them": one of a group no figure of this
                # outcome counts is that outcome's figure, not a part of it
                statement["subset"] = False
        self._add_bodies_counted_before(found, unlinked)
        lowered = span_text(sent).lower()  # once per sentence: spaCy rebuilds sent.text per read
        if any(cue in lowered for cue in self.lexicon.initial_report_cues):
            for statement in found:
                statement["initial"] = True  # "initial reports said 18 were killed": a first figure
        found += self._another_who_sustained_injuries(sent, sent_index, found)
        # "Sepoy X, a resident of Kurram, embraced martyrdom": the appositive describes the ranked
        # man, who is counted by his name and rank below
        found = [s for s in found if not self._describes_a_ranked_man(sent.doc, s)]
        ranked = self._named_members_of_the_forces(sent, sent_index, found)
        found += ranked + self._named_victims(sent, sent_index, found, ranked)
        identified = self._victims_identified_by_name(sent, sent_index, found)
        if identified:
            # the names of a list counted by it are not counted one by one as well
            spans = [(s["start"], s["end"], s["outcome"]) for s in identified]
            found = [
                s for s in found
                if not (s.get("named") and any(a <= s["start"] < b and s["outcome"] == o for a, b, o in spans))
            ] + identified
        found += self._totals_before_parts(unlinked, found, sent, sent_index)
        # "among them 20 women and six children": every conjunct of a part is a part
        part_groups = {s["group"] for s in found if s["subset"]}
        for statement in found:
            if statement["group"] in part_groups:
                statement["subset"] = True
        found += self._none_hurt(sent, sent_index, {s["outcome"] for s in found}, lowered)
        if found and self._died_of_natural_causes(sent):
            found = [s for s in found if s["outcome"] != "killed"]
        # conjuncts of one breakdown share a group id: the index of the first conjunct's noun
        return found

    def _add_bodies_counted_before(self, found: list[dict], unlinked: list) -> None:
        """"Doctors counted 19 bodies at the hospital, while another four succumbed in Peshawar":
        the dead told as bodies and those who died after, one toll of 23 (the "another" adds to
        the bodies of its own sentence, not to the toll told before)."""
        remains = self.lexicon.outcome_words["remains_nouns"]
        for statement in found:
            if not statement["increment"] or statement["outcome"] != "killed":
                continue
            bodies = [
                count for first, last, count in unlinked
                if last.i < statement["token"] and self._counted_noun(first, last).lower_ in remains
            ]
            if bodies:
                statement.update(count=statement["count"] + bodies[-1], increment=False)

    def _another_who_sustained_injuries(self, sent: Span, sent_index: int, found: list[dict]) -> list[dict]:
        """"A cop was martyred and another sustained bullet injuries": the parser reads "another
        sustained ... injuries" as one noun phrase (a determiner, an adjective and the noun), so
        no count reaches the verb. After a figure of the sentence, "another" before a past form
        of `injury_receiving_verbs` and an injury noun is one more person, injured, of the kind
        counted before."""
        words = self.lexicon.outcome_words
        counted = {s["token"] for s in found}
        before = [s for s in found if s["count"] > 0]
        statements = []
        for token in sent:
            if not (
                token.lower_ == "another" and token.dep_ == "det" and token.i not in counted and token.i + 1 < sent.end
                and token.nbor(1).tag_ in {"JJ", "VBD", "VBN"} and token.nbor(1).lower_.endswith("ed")
                # tagged an adjective, "sustained" keeps its own lemma: read the verb from its form
                and any(token.nbor(1).lower_.startswith(verb.rstrip("e")) for verb in words["injury_receiving_verbs"])
                and token.head.lemma_.lower() in words["injury_nouns"]
            ):
                continue
            earlier = [s for s in before if s["token"] < token.i]
            if not earlier:
                continue
            statements.append({
                "start": token.idx, "end": token.idx + len(token.text), "token": token.i, "count": 1,
                "outcome": "injured", "category": earlier[-1]["category"], "qualifier": "exact", "update": False,
                "increment": False, "subset": False, "group": token.i, "text": token.text, "sent": sent_index,
            })
        return statements

    def _died_of_natural_causes(self, sent: Span) -> bool:
        """"A volunteer died in a thunderstorm on Monday", "killed in a road accident": a death the
        sentence's verb of dying puts down to a cause that is no violence (lexicon
        `natural_causes`) is no victim of one."""
        causes = self.lexicon.natural_causes
        killed = self.lexicon.killed_lemmas
        return any(
            (t.lemma_.lower() in causes or t.lower_ in causes) and t.dep_ == "pobj"
            and t.head.dep_ == "prep" and t.head.head.lemma_.lower() in killed
            for t in sent
        )

    def _describes_a_ranked_man(self, doc: Doc, statement: dict) -> bool:
        """Whether a count of one ("a resident of Kurram") is an appositive on a man named with
        his rank ("Sepoy X, a resident of Kurram"): it describes him, and counts no one else."""
        noun = doc[statement["group"]] if 0 <= statement["group"] < len(doc) else None
        if noun is None or statement["count"] != 1 or doc[statement["token"]].lower_ not in {"a", "an"}:
            return False
        name = noun.head
        return noun.dep_ == "appos" and name.pos_ == "PROPN" and any(
            c.lower_ in self.lexicon.rank_titles for c in left_compounds(name)
        )

    def _named_members_of_the_forces(self, sent: Span, sent_index: int, found: list[dict]) -> list[dict]:
        """"Lance Naik Asad Khan and Sepoy Bilal embraced martyrdom": each named man with a rank
        who is the subject or the object of a casualty predicate ("martyring Constable Waheed"),
        or told after a noun of one ("the martyrdom of DSP X"), counts one. Where the sentence
        gives its own figure its names are the counted men ("two soldiers, Sepoy A and Sepoy B":
        in apposition, and not subjects), unless the man is listed beside the count as one more
        ("DSP X and two constables were martyred"). A figure of attackers, or of another outcome,
        counts other men ("three militants were killed, while Havildar X lost his life")."""
        statements = []
        subject_lists: dict[int, int] = {}  # a verb -> the list of the first ranked man its subject
        for token in sent:
            if token.pos_ != "PROPN" or token.dep_ not in {"nsubj", "nsubjpass", "dobj", "conj", "pobj"}:
                continue
            root = conj_root(token)
            # the subject of a casualty predicate, or its object ("martyring Constable Waheed")
            if not (root.dep_ in {"nsubj", "nsubjpass", "dobj"} or self._told_after_a_casualty_noun(root)):
                continue
            # the rank may head a chain of compounds: "Havildar" -> "Naeem" -> "Akhtar"
            titles = sorted(
                (c for c in left_compounds(token) if c.lower_ in self.lexicon.rank_titles), key=lambda c: c.i
            )
            if not titles:
                continue
            outcome, _, _, _ = self._outcome(token, sent)
            if outcome not in {"killed", "injured"}:
                continue
            figures = [
                s for s in found if s["count"] > 0 and s["outcome"] == outcome and s["category"] not in {"attacker", "hostile"}
            ]
            # the list the man is told in: his own, or the noun of dying his "of" hangs on ("the
            # martyrdom of SHO X and two constables", parsed as two conjuncts of "martyrdom")
            lists = {root.i, root.head.head.i} if root.dep_ == "pobj" else {root.i}
            beside = [s for s in figures if s["group"] in lists and not s["start"] <= token.idx < s["end"]]
            if figures and not beside:
                continue
            first = titles[0]
            # "Major Hamza, 31, and Havildar Ali were martyred": the age cut the conjuncts, and
            # the parser made each a subject of the verb; the subjects of one verb are one list
            own_list = subject_lists.setdefault(root.head.i, root.i) if root.dep_ in {"nsubj", "nsubjpass"} else root.i
            statements.append({
                "start": first.idx, "end": token.idx + len(token.text), "token": first.i, "count": 1,
                "outcome": outcome, "category": "security", "qualifier": "exact", "update": False,
                "increment": False, "subset": False, "group": beside[0]["group"] if beside else own_list,
                "text": sent.doc[first.i : token.i + 1].text,
                "sent": sent_index,
            })
        return statements

    def _members_listed_below(self, sent: Span, sent_index: int, below: list[Span]) -> list[dict]:
        """"The following soldiers, having fought valiantly, embraced shahadat:" over a line per man
        ("Naik A (age 31, resident of Chakwal)"), as military press releases list their dead:
        the men are counted from the lines below that open with a rank, where the sentence gives
        no figure of its own."""
        for noun in sent:
            if not (
                noun.dep_ in {"nsubj", "nsubjpass"} and noun.tag_ in {"NNS", "NNPS"}
                and any(c.lower_ == "following" and c.dep_ in {"amod", "compound"} for c in noun.children)
                and not any(c.dep_ == "nummod" for c in noun.children)
            ):
                continue
            outcome, _, _, _ = self._outcome(noun, sent)
            if outcome not in {"killed", "injured"}:
                continue
            ranks = []
            for line in below:
                if line[0].lower_ not in self.lexicon.rank_titles:
                    break
                ranks.append(line[0].text)
            if not ranks:
                continue
            first = next((c for c in noun.lefts if c.dep_ == "det"), noun)
            return [{
                "start": first.idx, "end": noun.idx + len(noun.text), "token": first.i, "count": len(ranks),
                "outcome": outcome, "category": self._category_of(noun) or "security", "qualifier": "exact",
                "update": False, "increment": False, "subset": False, "group": noun.i,
                "text": sent.doc[first.i : noun.i + 1].text, "sent": sent_index,
                "force": " ".join(ranks),  # whose men they were: "Sepoy" is the army's
            }]
        return []

    def _told_after_a_casualty_noun(self, noun: Token) -> bool:
        """"The martyrdom of DSP X", "the killing of two constables": the object of "of" after
        a noun of killing or wounding."""
        return noun.dep_ == "pobj" and noun.head.lower_ == "of" and self._predicate_outcome(noun.head.head) in {"killed", "injured"}

    def _named_victims(self, sent: Span, sent_index: int, found: list[dict], ranked: list[dict]) -> list[dict]:
        """One person each, told without a number: a named person ("the singer Amjad Sabri was
        shot dead", "gunmen killed aid worker John Doe") or one person of someone's ("killed
        his driver") who is the subject or object of a casualty predicate. Only with an outcome
        none of the sentence's own figures has (where a figure is given, the names are the
        counted persons; "killing a shopkeeper and injuring his son": the son is the one
        injured); a named person's kind is that of the noun before the name ("militant
        commander X" is an attacker), else a person of no stated kind. `ranked` are the men
        with a rank already counted (`_named_members_of_the_forces`)."""
        counted_outcomes = {s["outcome"] for s in found if s["count"] > 0}
        lexicon = self.lexicon
        statements = []
        counted = {t.i for t in sent for s in ranked if s["start"] <= t.idx < s["end"]}
        names = {ent[-1].i: ent[0] for ent in self._ents.get(sent.start, ()) if ent.label_ == "PERSON"}  # last word -> first
        for token in sent:
            if token.i in counted:
                continue
            if token.i in names:
                first = names[token.i]
                nouns = [c for c in token.children if c.dep_ in {"compound", "appos", "amod"} and c.i < first.i and c.pos_ == "NOUN"]
                last = token
                if token.dep_ == "appos" and token.head.pos_ == "NOUN" and token.head.i < first.i:
                    nouns.append(token.head)  # "the singer Ali Raza was shot": the singer's role is his
                    token = token.head
                category = next((c for c in (self._category_of(n) for n in nouns) if c), "people")
                if any(t.ent_type_ == "GROUP" for n in nouns for t in n.subtree) or any(
                    c.ent_type_ == "GROUP" for c in last.children
                ):
                    continue  # "TTP chief X killed in a drone strike": a militant, no victim
            elif token.tag_ == "NN" and (
                token.lower_ in lexicon.person_singular or token.lower_ in lexicon.bodyguard_nouns or self._titled_victim(token)
            ) and any(
                c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the" and not self._before_a_name(token))
                or (c.dep_ == "det" and c.lower_ == "another" and token.lower_ in lexicon.kin_nouns)
                for c in token.children
            ):  # "killed his driver", "the driver was critically injured", "another son was hurt": one person
                first = last = token
                category = self._category_of(token) or "people"
            elif token.tag_ == "NN" and token.lower_ in lexicon.outcome_words["body_nouns"] and any(
                c.dep_ == "poss" for c in token.children
            ):  # "kidnapped a polio worker; his body was found the next day": one person, dead
                first = last = token
                category = "people"
            elif self._office_holder(token):
                first, last = token, token.right_edge  # "Director of the Welfare Trust Nadia Khan was shot dead"
                category = "people"
            else:
                continue
            if token.pos_ not in {"PROPN", "NOUN"} or conj_root(token).dep_ not in {"nsubj", "nsubjpass", "dobj"}:
                continue
            if category in {"attacker", "hostile"} or self._listed_under_attackers(token):
                continue  # a named militant killed is no victim, nor a count of attackers here
            outcome, _, _, _ = self._outcome(token, sent)
            if outcome not in {"killed", "injured"} or outcome in counted_outcomes:
                continue
            if token.i in counted:
                continue  # "his other son, Tariq, was hurt": the son read already, now by his name
            counted.add(token.i)
            start, end = min(first, token, key=lambda t: t.i), max(last, token, key=lambda t: t.i)
            statements.append({
                # "Maulana Noor Ahmad was shot dead along with his son": two
                "start": start.idx, "end": end.idx + len(end.text), "token": start.i, "count": 1 + self._people_along_with(token),
                "outcome": outcome, "category": category, "qualifier": "exact", "update": False,
                "increment": False, "subset": False, "group": conj_root(token).i,
                "text": sent.doc[start.i : end.i + 1].text, "sent": sent_index, "named": True,
            })
        return statements

    def _victims_identified_by_name(self, sent: Span, sent_index: int, found: list[dict]) -> list[dict]:
        """"The injured were identified as Ali Khan, Zahid Shah and Gul Wali": the casualties told
        as "the dead", "the injured" (or "those killed") and named one by one count one each, where
        the sentence has no figure of that outcome (the names then are the figure's); so do the
        names a list verb gives them ("those martyred include Havildar A, Sepoy B and Naik C")."""
        statements = []
        for verb in sent:
            lemma = verb.lemma_.lower()
            if lemma == "identify" and any(c.dep_ == "auxpass" for c in verb.children):
                subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
                listed = [
                    p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "as"
                    for p in prep.children if p.dep_ == "pobj"
                ]
            elif lemma in self.lexicon.outcome_words["victim_list_verbs"]:
                # "the martyred include Captain A, Naik B and Sepoy C"
                # (not "the executed terrorists include ...": no victims)
                subjects = [c for c in verb.children if c.dep_ == "nsubj" and self._victims_with_no_figure(c)]
                listed = [c for c in verb.children if c.dep_ == "dobj"]
            else:
                continue
            outcome = next(filter(None, map(self._casualties_noun_outcome, subjects)), None)
            # a ranked or titled name in the list is counted already, as one
            if outcome is None or any(s["outcome"] == outcome and not s.get("named") for s in found):
                continue
            if not listed:
                continue
            names = [listed[0], *listed[0].conjuncts]
            if len(names) < 2 or any(name.pos_ != "PROPN" for name in names):
                continue  # one name may be a description's ("identified as Ali, a vendor"); "his son" is no name
            first, last = listed[0].left_edge, names[-1]
            statements.append({
                "start": first.idx, "end": last.idx + len(last.text), "token": first.i, "count": len(names),
                "outcome": outcome, "category": "people", "update": False,
                "qualifier": "exact" if lemma == "identify" else "at_least",  # "include": maybe not all
                "increment": False, "subset": False, "group": listed[0].i,
                "text": sent.doc[first.i : last.i + 1].text, "sent": sent_index, "named": True,
            })
        return statements

    def _titled_victim(self, token: Token) -> bool:
        """"The deputy inspector general of police was martyred", "the second-in-command of the
        force was shot dead": the subject of a passive verb that only befalls people (lexicon
        `casualty_outcomes.person_only`) is one person, whatever title names them."""
        verb = token.head
        return (
            token.dep_ == "nsubjpass" and verb.tag_ == "VBN" and verb.lemma_.lower() in self.lexicon.person_only_casualty_lemmas
            and not token.ent_type_ and token.lower_ not in self.lexicon.victim_category
        )

    def _office_holder(self, token: Token) -> bool:
        """"Director of the Welfare Trust Nadia Khan was shot dead": a capitalised title with the
        body it heads, as the subject of a passive verb of killing or wounding, is one person
        (the parser often takes the name after the body for a part of the body's name)."""
        return (
            token.tag_ == "NNP" and token.is_title and not token.ent_type_
            and not any(c.dep_ in {"det", "poss", "nummod"} for c in token.children)
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
            and token.dep_ == "nsubjpass" and token.head.tag_ == "VBN"
            and self._predicate_outcome(token.head, token) in {"killed", "injured"}
        )

    @staticmethod
    def _before_a_name(token: Token) -> bool:
        """"The trader Nasir Ali": the noun is the role of the named person after it (counted by
        the name)."""
        doc = token.doc
        return (token.i + 1 < len(doc) and doc[token.i + 1].ent_type_ == "PERSON") or any(
            c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children
        )

    def _listed_under_attackers(self, token: Token) -> bool:
        """"The executed terrorists include X, Y and Z": names a list verb gives to militants."""
        root = conj_root(token)
        if root.dep_ != "dobj" or root.head.lemma_.lower() not in self.lexicon.outcome_words["victim_list_verbs"]:
            return False
        return any(
            c.dep_ in {"nsubj", "nsubjpass"} and self._category_of(c) in {"attacker", "hostile"} for c in root.head.children
        )

    def _none_hurt(self, sent: Span, sent_index: int, told: set[str], lowered: str) -> list[dict]:
        """"No one was hurt in the attack", "no casualty was reported": a figure of 0 for the
        outcomes the phrase rules out (and the sentence does not count otherwise). `lowered` is
        the sentence's text in lower case."""
        text = " ".join(lowered.replace("’", "'").split())
        statements = []
        for kind, phrases in self.lexicon.no_casualty_phrases.items():
            # the substring test first: most sentences hold none of the phrases
            found = next((p for p in phrases if p in text and re.search(rf"\b{re.escape(p)}\b", text)), None)
            if found is None:
                continue
            if kind == "survivors" and told:
                continue  # "the SHO escaped unhurt, but two constables were killed": the others were not
            start = sent.start_char + max(lowered.find(found.split()[0]), 0)
            for outcome in ("killed", "injured") if kind in {"both", "survivors"} else (kind,):
                if outcome in told or any(s["outcome"] == outcome for s in statements):
                    continue
                statements.append({
                    "start": start, "end": start + len(found), "token": sent.start, "count": 0,
                    "outcome": outcome, "category": "people", "qualifier": "exact", "update": False,
                    "increment": False, "subset": False, "group": -1 - sent.start, "text": found,
                    "sent": sent_index,
                })
        return statements

    def _totals_before_parts(self, unlinked, found: list[dict], sent: Span, sent_index: int) -> list[dict]:
        """"Eleven soldiers, among them a lieutenant colonel and a major, were martyred": the parser
        makes the part the subject, so the total takes the outcome its part was read with."""
        totals = []
        leads = {phrase.strip(", ") for phrase in self.lexicon.subset_lead_phrases}
        for first, last, count in unlinked:
            noun = self._counted_noun(first, last)
            after = " ".join(t.lower_ for t in sent.doc[noun.i + 1 : min(noun.i + 4, sent.end)])
            if not any(after.startswith(", " + lead) for lead in leads):
                continue
            part = next((s for s in found if s["subset"] and 0 < s["token"] - noun.i <= 6), None)
            category = self._category(noun, first)
            if part is None or category is None:
                continue
            totals.append(dict(part, start=first.idx, end=noun.idx + len(noun.text), token=first.i, count=count,
                               category=category, qualifier=self._qualifier(first, sent), subset=False,
                               group=noun.i, text=sent.doc[first.i : noun.i + 1].text, sent=sent_index))
        return totals

    def _receives_injuries(self, word: Token) -> bool:
        """"sustained", "suffered", "received" in the past, whatever tag the parser gave it (it
        reads "sustained wounds" as an adjective and its noun)."""
        verbs = self.lexicon.outcome_words["injury_receiving_verbs"]
        past = word.tag_ in {"VBD", "VBN", "JJ"} and word.lower_.endswith("ed")
        return past and (word.lemma_.lower() in verbs or word.lower_[:-2] in verbs or word.lower_[:-1] in verbs)

    def _counted_noun(self, first: Token, last: Token) -> Token:
        """The noun the count quantifies, or the count itself when it stands alone
        ("killing five", "two of the attackers")."""
        following = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
        if following is not None and self._receives_injuries(following):
            return last  # "two died and 11 sustained wounds": the count is the subject, however parsed
        for token in (last, first):
            if token.dep_ in {"nummod", "det", "quantmod", "compound", "amod"} and token.head.pos_ in {"NOUN", "PROPN", "ADJ"} and token.head.i > last.i:
                return _past_compounds(token.head)
        return last

    def _category(self, noun: Token, count_token: Token) -> str | None:
        candidates = [noun]
        if noun.lower_ in self.lexicon.personal_objects:
            return self._antecedent_category(noun)
        if noun.lower_ in self.lexicon.member_nouns:
            # "six members of the touring squad", "members of a family": whose members they are
            # decides; "members of the Levies force" are security forces, a family's are people
            groups = [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
            if groups:
                return self._category_of(_past_compounds(groups[0])) or "people"
        if noun.tag_ == "NNP" and any(c.dep_ == "det" and c.lower_ == "another" for c in noun.children):
            # "another elder Saqib was hurt": the noun before the name says who the one more is
            candidates.extend(c for c in noun.children if c.dep_ in {"amod", "compound"} and c.lower_ in self.lexicon.victim_category)
        if noun.lower_ in self.lexicon.outcome_words["body_nouns"] and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            return "people"  # "twelve bodies were found": the people whose bodies they were
        if noun.lower_ in self.lexicon.outcome_words["other_nouns"] and self._attackers_before(noun):
            return "attacker"  # "one of the attackers blew himself up and two others were shot"
        if noun.i == count_token.i or noun.lower_ in self.lexicon.outcome_words["other_nouns"]:
            # "two of the attackers" / "five of them"
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            candidates.insert(0, pobj)
            if noun.i == count_token.i:
                if len(candidates) == 1 and self._gapped_count(noun) and self._attackers_before(noun):
                    return "attacker"  # "eight militants were killed in Tank and four in Bannu"
                if len(candidates) == 1 and any(c.dep_ == "det" and c.lower_ == "all" for c in noun.children):
                    return self._all_of_those_counted(noun)
                return "people" if len(candidates) == 1 else self._category_of(candidates[0])
        for candidate in candidates:
            category = self._category_of(candidate)
            if category:
                return category
        return None

    def _all_of_those_counted(self, number: Token) -> str:
        """"Eight armed men stormed the complex; all eight were killed": "all" and a bare number
        are the people counted with that number just before (in the sentence or the two before
        it), attackers when those are."""
        value = parse_count([number.text], self.lexicon)
        start = number.sent.start
        for _ in range(2):  # back over the two sentences before
            start = number.doc[start - 1].sent.start if start > 0 else 0
        start = max(start, number.i - MAX_ALL_LOOKBACK)
        for token in reversed(number.doc[start : number.i]):
            if token.dep_ == "nummod" and token.head.tag_ in {"NNS", "NNPS"} and parse_count([token.text], self.lexicon) == value:
                return "attacker" if self._category_of(_past_compounds(token.head)) == "attacker" else "people"
        return "people"

    def _toll_of_those_attacked(self, first: Token) -> bool:
        """"Fired at a van carrying four teachers, killing two of them": a part of a group that is
        the object of an active verb of killing or wounding is the toll; the group counted before
        was who was attacked, not a toll the part is within ("26 hostages, 18 of them soldiers")."""
        predicate = self._predicate
        return (
            predicate is not None and first.dep_ == "dobj" and first.head.i == predicate.i
            and predicate.tag_ in {"VBG", "VBD", "VBZ", "VBP"}
        )

    @staticmethod
    def _gapped_count(number: Token) -> bool:
        """Whether a bare number is the remnant of a gapped clause joined by "and" to the one
        before ("eight militants were killed in Tank and four in Bannu"): it counts the same
        people as that clause's noun, which the writer did not repeat."""
        if number.dep_ == "conj":
            return True
        before = number.doc[max(number.i - 2, number.sent.start) : number.i]
        return any(t.lower_ == "and" for t in before) and not any(t.pos_ in {"NOUN", "PROPN"} for t in before)

    def _body_found(self, noun: Token) -> bool:
        """"The bullet-riddled bodies of three abducted labourers were found", "police recovered
        the bodies of two kidnapped engineers": the people whose bodies were found (lexicon
        `found_verbs`) in a sentence that ties their death to violence (`violent_death_cues`)
        were killed."""
        body = noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in self.lexicon.outcome_words["body_nouns"]:
            body = noun.head.head
        found_verbs = self.lexicon.outcome_words["found_verbs"]
        if body.lower_ not in self.lexicon.outcome_words["body_nouns"]:
            return self._found_dead(noun) and self._violent_death_told(noun.sent)
        if not (body.dep_ in {"dobj", "nsubjpass"} and body.head.lemma_.lower() in found_verbs) and not (
            # "the bodies of three labourers abducted a week earlier were found", which the parser
            # reads as "bodies ... abducted" with "were found" joined to it
            (verb := self._verb_past_a_participle(body)) is not None and verb.lemma_.lower() in found_verbs
        ):
            return False
        return self._violent_death_told(body.sent)

    def _found_dead(self, noun: Token) -> bool:
        """"Five abducted labourers were found dead", "two men were kidnapped and later found
        dead": the subject of a finding verb (lexicon `found_verbs`), or of the verb it is joined
        to, with "dead" as its complement."""
        if noun.dep_ != "nsubjpass":
            return False
        verbs = [noun.head, *(c for c in noun.head.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        return any(
            verb.lemma_.lower() in self.lexicon.outcome_words["found_verbs"]
            and any(c.dep_ in {"oprd", "acomp", "xcomp"} and c.lower_ == "dead" for c in verb.children)
            for verb in verbs
        )

    def _violent_death_told(self, sent: Span) -> bool:
        sentence = span_text(sent).lower()
        return any(cue in sentence for cue in self.lexicon.outcome_words["violent_death_cues"])

    def _attackers_before(self, noun: Token) -> bool:
        """Whether "others" continues a count of attackers told just before it in its sentence
        ("one of the attackers ... two others"): the nearest earlier counted noun is an attacker."""
        if any(child.dep_ == "prep" and child.lower_ == "of" for child in noun.children):
            return False
        for token in reversed(noun.doc[noun.sent.start : noun.i]):
            if token.pos_ in {"NOUN", "PROPN"} and token.tag_ in {"NNS", "NNPS"} and self._is_counted(token):
                category = self._category_of(token)
                if category is not None:
                    return category == "attacker"
        return False

    def _is_counted(self, noun: Token) -> bool:
        """Whether a plural noun is counted: "eight terrorists", "one of the attackers" (not
        "fighting the insurgents", whom no figure counts)."""
        if any(child.dep_ == "nummod" for child in noun.children):
            return True
        prep = noun.head
        return noun.dep_ == "pobj" and prep.lower_ == "of" and (
            prep.head.like_num or prep.head.lower_ in self.lexicon.number_words
        )

    def _unnumbered_people(self, noun: Token) -> int:
        """Persons coordinated with a count without a number of their own: "three engineers and
        their driver" counts the driver too (and "an officer and his gunman", his guard), "an army
        captain and a soldier" (whose captain the parser leaves without his article) and "the
        driver and a passer-by" the first of them."""
        extra = 0
        for conjunct in _coordinated(noun):
            if conjunct.tag_ != "NN" or (
                conjunct.lower_ not in self.lexicon.person_singular and conjunct.lower_ not in self.lexicon.bodyguard_nouns
            ):
                continue
            determiners = _determiners(conjunct)
            if conjunct.i > noun.i and _only_possessed(determiners):  # "their driver"
                extra += 1
            elif conjunct.i > noun.i and determiners and all(d.lower_ == "the" for d in determiners) and any(
                c.dep_ in {"acl", "relcl"} or (c.dep_ == "prep" and c.lower_ == "of") for c in conjunct.children
            ):
                extra += 1  # "a vaccinator and the policeman escorting him", "... and the driver of the van"
            elif conjunct.i < noun.i and (all(d.lower_ == "the" for d in determiners) or _only_possessed(determiners)) and conjunct.i == conj_root(noun).i:
                # "army major and a sepoy lost their lives", "the rickshaw driver and a vendor were
                # killed", "injuring its driver and two vaccinators": one more before the count
                extra += 1
        return extra

    def _people_along_with(self, noun: Token) -> int:
        """Persons of someone's told "along with" a count, on the count or on its verb: "five
        policemen were killed, along with their driver" counts the driver too ("along with a
        driver" is a count of its own)."""
        extra = 0
        for holder in (noun, noun.head):
            for prep in holder.children:
                if prep.dep_ != "prep":
                    continue
                if prep.lower_ in ALONG:
                    withs = [w for w in prep.children if w.lower_ == "with"]
                elif prep.lower_ == "with" and any(c.lower_ in ALONG for c in prep.children):
                    withs = [prep]  # "together with their driver": the parser hangs "together" on "with"
                else:
                    continue
                for obj in (o for w in withs for o in w.children if o.dep_ == "pobj"):
                    if obj.tag_ == "NN" and obj.lower_ in self.lexicon.person_singular and _only_possessed(_determiners(obj)):
                        extra += 1
        return extra

    def _counted_along_with(self, noun: Token) -> bool:
        """Whether a count is told "along with" one person of the forces or of the victims' kinds,
        named without a number, the subject of the count's verb ("the SHO along with two
        passersby was injured", "the DSP along with three constables was martyred"): one more."""
        companion = self._companion(noun)
        if companion is None or companion.tag_ not in {"NN", "NNP"} or companion.dep_ not in {"nsubj", "nsubjpass"}:
            return False
        if companion.ent_type_ in {"GROUP", "PLACE"} or any(c.dep_ == "nummod" for c in companion.children):
            return False
        if noun.lower_ == "others" or any(c.lower_ == "other" for c in noun.children):
            return False  # "a constable along with three others": counted with the others already
        if any(c.dep_ in {"det", "nummod"} and c.lower_ in {"a", "an", "one"} for c in companion.children):
            return False  # "a constable along with two passersby": "a constable" is a count of its own
        return companion.ent_type_ != "PERSON" and (
            companion.ent_type_ == "SECURITY_FORCE" or companion.lower_ in self.lexicon.victim_category
        )

    @staticmethod
    def _companion(noun: Token) -> Token | None:
        """The person a count is told "along with" ("killed a tribal elder along with two others"):
        the noun the phrase hangs on, or the object of the verb it hangs on."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "with":
            return None
        holder = noun.head.head
        if holder.lower_ not in ALONG and not any(c.lower_ in ALONG for c in noun.head.children):
            return None
        if holder.lower_ in ALONG:
            holder = holder.head
        if holder.pos_ in {"NOUN", "PROPN"}:
            return holder
        return next((c for c in holder.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"}), None)

    @staticmethod
    def _one_of(token: Token) -> Token | None:
        """The noun of "one of them", "one of the guards": the only child of `token`, an of-phrase."""
        children = list(token.children)
        if len(children) != 1 or children[0].dep_ != "prep" or children[0].lower_ != "of":
            return None
        return next((p for p in children[0].children if p.dep_ == "pobj"), None)

    def _category_of(self, noun: Token) -> str | None:
        lexicon = self.lexicon
        word = noun.lower_
        if word == "one" and (group := self._one_of(noun)) is not None:
            return self._category_of(group) or "people"  # "one of the attackers"
        modifiers = {child.lower_ for child in noun.children if child.dep_ in {"amod", "compound", "nmod"}}
        compounds = {child.lower_ for child in noun.children if child.dep_ == "compound"}
        if word in lexicon.member_nouns and (owners := [c for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}]):
            # "two family members", "three FC members": the body named before them decides
            if any(c.ent_type_ == "SECURITY_FORCE" or c.lower_ in lexicon.security_compounds for c in owners):
                return "security"
            return next((kind for kind in map(self._category_of, owners) if kind is not None), "people")
        if word in {"them", "whom", "those", "these"}:
            # "exchanged fire with the attackers, killing two of them": whom the pronoun stands for
            return self._plural_antecedent_category(noun) if noun.dep_ == "pobj" else "people"
        if word in lexicon.hostile_modifiers and noun.pos_ in {"ADJ", "PROPN"}:
            return "hostile"  # "six Afghan and nine Pakistani soldiers": the other side's dead
        category = lexicon.victim_category.get(word) or lexicon.victim_category.get(noun.lemma_.lower())
        if category is None and word in lexicon.outcome_words["life_nouns"] and any(c.dep_ == "nummod" for c in noun.children):
            return "people"  # "the blast claimed 12 lives": the people whose lives they were
        if word in lexicon.kin_nouns and not any(child.dep_ == "poss" for child in noun.children) and any(
            child.dep_ == "prep" and child.lower_ == "of" for child in noun.children
        ):
            return None  # "sons of the soil" are the soldiers; "his two sons", "two brothers" were victims
        if noun.ent_type_ == "SECURITY_FORCE" or compounds & lexicon.security_compounds:
            category = "security"
        if noun.ent_type_ == "GROUP" or word in {"khawarij"}:
            category = "attacker"
        armed = lexicon.armed_person_nouns
        if category in {None, "people"} and word in armed["nouns"] and modifiers & armed["modifiers"]:
            category = "attacker"  # "eight armed men"
        if category == "attacker" and word in lexicon.bodyguard_nouns and any(c.dep_ == "poss" for c in noun.children):
            category = "security"  # "killing the officer and his gunman": his armed guard
        if category == "security" and modifiers & lexicon.hostile_modifiers:
            category = "hostile"
        private = lexicon.private_guard_nouns
        if category == "security" and word in private["nouns"] and modifiers & private["modifiers"] and not any(
            c.dep_ == "poss" or (c.dep_ in {"amod", "compound", "nmod"} and c.ent_type_ == "SECURITY_FORCE" and c.lower_ not in private["modifiers"])
            for c in noun.children
        ):
            category = "civilian"  # "four security guards" of an exchange or a bank: hired, no force
        if category is None and noun.pos_ == "PROPN" and noun.ent_type_ in {"NORP", "GPE"}:
            return None
        return category

    def _plural_antecedent_category(self, pronoun: Token) -> str:
        """"Policemen exchanged fire with the attackers, killing two of them": the plural noun
        told nearest before "them" in its sentence, not a subject of the verbs above it (who
        did it), is attackers when it names attackers, civilians when it names them, else
        people. A militant group's name ("on the presence of khwarij and killed seven of them")
        names attackers too."""
        antecedent = self._plural_antecedent(pronoun)
        if antecedent is None:
            return "people"
        if antecedent.ent_type_ == "GROUP":
            return "attacker"
        category = self._category_of(antecedent)
        return category if category in {"attacker", "civilian"} else "people"  # "Chinese nationals ... three of them": civilians

    def _plural_antecedent(self, pronoun: Token) -> Token | None:
        """The noun "them" stands for (`_plural_antecedent_category`)."""
        doers = self._doers_of(pronoun)
        for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
            if token.ent_type_ == "GROUP" and token.pos_ in {"NOUN", "PROPN"} and token.i not in doers and token.dep_ != "nsubj":
                return token
            if token.tag_ in {"NNS", "NNPS"} and token.i not in doers and self._category_of(token) is not None:
                return token
        return None

    def _whose_they_were(self, noun: Token) -> str | None:
        """The words of the body "them" stands for in "two of them" ("a vehicle carrying customs
        officials, killing two of them": customs officials), which name the kind of victims."""
        pronoun = next((p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj" and p.lower_ == "them"), None)
        antecedent = self._plural_antecedent(pronoun) if pronoun is not None else None
        if antecedent is None:
            return None
        return noun.doc[antecedent.left_edge.i : antecedent.i + 1].text

    def _right_after_shot_dead(self, noun: Token) -> bool:
        """"Men on a motorbike shot dead a prayer leader": the counted words right after "shot
        dead" or "gunned down" are who was killed, however the parser read the verb (here as a
        noun, "motorbike shot")."""
        start = noun.left_edge.i
        doc = noun.doc
        return start >= 2 and doc[start - 1].lower_ in self.lexicon.shot_dead_particles and (
            doc[start - 2].lower_ in self.lexicon.shot_dead_forms
        )

    @staticmethod
    def _verb_past_a_participle(noun: Token) -> Token | None:
        """"A policeman deployed for the team's security was martyred": the parser makes the noun
        the subject of the participle, and the passive verb either the participle's head (whose
        subject the participle is) or its clausal complement or conjunct ("the bodies of three
        labourers abducted a week earlier were found"). The participle only describes the noun;
        the passive verb, which has no subject of its own, tells what befell it."""
        participle = noun.head
        if noun.dep_ != "nsubj" or participle.tag_ not in {"VBN", "VBD"} or any(
            c.dep_ in {"aux", "auxpass", "dobj"} for c in participle.children
        ):
            return None  # "three FC men embraced Shahadat": a verb with an object is the noun's own
        if participle.dep_ in {"nsubj", "nsubjpass"}:
            return participle.head
        return next((
            c for c in participle.children
            if c.dep_ in {"ccomp", "conj"} and c.tag_ == "VBN" and any(a.dep_ == "auxpass" for a in c.children)
            and not any(a.dep_ in {"nsubj", "nsubjpass"} for a in c.children)
        ), None)

    @staticmethod
    def _doers_of(pronoun: Token) -> set[int]:
        """Who did what a pronoun's clause tells: the subjects of the verbs above it, up to the
        first verb with a subject of its own ("exchanged fire with the attackers, killing two of
        them": the subject of "exchanged"). A relative clause's subject stands for the noun it
        hangs from ("fired on the troops, who killed three of them": the troops did)."""
        doers: set[int] = set()
        for verb in pronoun.ancestors:
            if verb.pos_ not in {"VERB", "AUX"}:
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            for subject in subjects:
                doers.add(subject.i)
                if verb.dep_ == "relcl" and subject.tag_ in {"WP", "WDT"}:
                    doers.add(verb.head.i)
            if subjects:
                break
        return doers

    def _antecedent_category(self, pronoun: Token) -> str:
        """"Police returned fire on a gunman, killing him": a pronoun is the kind of the nearest
        person told before it in its sentence (not the one who did it) when that is an attacker,
        else people."""
        verbs = [pronoun.head] + ([pronoun.head.head] if pronoun.head.dep_ in {"advcl", "xcomp", "conj"} else [])
        doers = {child.i for verb in verbs for child in verb.children if child.dep_ == "nsubj"}
        for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
            if token.pos_ in {"NOUN", "PROPN"} and token.tag_ in {"NN", "NNP"} and token.i not in doers:
                category = self.lexicon.victim_category.get(token.lower_)
                if category is not None:
                    return "attacker" if category == "attacker" else "people"
        return "people"

    def _qualifier(self, first: Token, sent: Span) -> str:
        doc = first.doc
        before = " ".join(t.lower_ for t in doc[max(first.i - 4, sent.start) : first.i])
        for phrase in self.lexicon.at_least:
            if before.endswith(phrase):
                return "at_least"
        for phrase in self.lexicon.approx:
            if before.endswith(phrase):
                return "approx"
        return "exact"

    def _link(self, first: Token, last: Token, count: int, sent: Span) -> dict | None:
        self._predicate = None
        of_the_injured = False
        noun = self._counted_noun(first, last)
        if noun.i != last.i and noun.lower_ in self.lexicon.outcome_words["standalone_outcomes"]:
            # "left 12 dead": the count stands alone, the adjective is its outcome
            category = "people"
            outcome = self._predicate_outcome(noun)
            update = increment = subset = False
            noun = last
        elif noun.i == first.i and self._injured_who_died(noun):
            # "two of the injured died in hospital": dead besides the toll told before, and no
            # longer among the injured
            category, outcome = "people", "killed"
            update, increment, subset = False, True, False
            of_the_injured = True
        elif noun.i == first.i and (part := self._part_of_the_casualties(noun)) is not None:
            # "eight of those killed were policemen": a part of a toll, told by the noun after the verb
            outcome, category, noun = part
            update = increment = False
            subset = True
        else:
            # "Twenty-two were killed": the count's last word stands for the people counted
            category = self._category(noun, noun if first.i <= noun.i <= last.i else first)
            if category is None:
                return None
            if category != "attacker" and any(
                c.tag_ in {"NNS", "NNPS"} and not any(g.dep_ == "nummod" for g in c.children) for c in noun.conjuncts
            ):
                category = "people"  # "a dozen constables and traders": one count over both kinds
            outcome, update, increment, subset = self._outcome(noun, sent)
        if outcome is None:
            return None
        # "Two gunmen killed five policemen": the subject of an active "kill" is the killer
        if outcome == "killed_agent":
            return None
        if category == "people" and noun.lower_ in {"them", "whom"} and noun.dep_ == "pobj":
            subset = True  # "six of them" (not "killing them", the people fired on)
        if any(
            child.dep_ == "prep" and child.lower_ == "of" and any(g.lower_ in {"them", "whom", "those", "these"} for g in child.children)
            for child in (noun, first)
            for child in child.children
        ) and not of_the_injured and not self._toll_of_those_attacked(first) and any(
            (t.like_num or (t.lower_ in self.lexicon.number_words and t.lower_ not in {"a", "an"})) and t.ent_type_ != "ORDINAL"
            for t in sent.doc[sent.start : first.i]
        ):
            # "26 hostages, 18 of them security personnel"; "fired on road workers, killing six of
            # them" counts no one before them, and six is the toll ("in the first engagement"
            # counts no one either)
            subset = True
        lead = " ".join(t.lower_ for t in sent.doc[max(first.i - 3, sent.start) : first.i])
        if any(lead.endswith(phrase) for phrase in self.lexicon.subset_lead_phrases):
            subset = True  # "eleven soldiers, among them a lieutenant colonel and a major"
        predicate = self._predicate
        agentive = self.lexicon.outcome_words["agentive_kill_verbs"]
        if predicate is not None and outcome == "killed" and (
            noun.lower_ == "others" or any(c.lower_ == "other" for c in noun.children)
        ) and any(
            (c.dep_ in {"dobj", "nsubjpass"} or (c.dep_ == "nsubj" and predicate.lemma_.lower() not in agentive))
            and (c.ent_type_ == "PERSON" or (c.pos_ == "PROPN" and c.ent_type_ not in {"GROUP", "PLACE", "SECURITY_FORCE"}))
            for c in predicate.children
        ):
            # "killed Maulana Hamid ul Haq Haqqani ... along with five other people": six; so is
            # "Aslam died along with two other officers" three (the subject of a verb of dying,
            # not of an active "kill", who would be the killer)
            count += 1
        elif category not in {"attacker", "hostile"} and self._counted_along_with(noun):
            count += 1  # "the SHO along with two passersby was injured": three
        if category == "people" and predicate is not None and predicate.dep_ in {"acl", "amod", "relcl"} and predicate.head.pos_ in {"NOUN", "PROPN"} and not (
            # "the raid on a school in the city, in which 147 people were killed": the clause
            # tells what happened at the school, whose kind is not the counted people's
            predicate.dep_ == "relcl" and any(t.lower_ in {"which", "where", "when"} for t in predicate.subtree if t.i < predicate.i)
        ) and not (
            # "gunmen ... fired at a car, wounding one of them": the noun an active participle
            # hangs from did the wounding; its object's kind is its own
            predicate.tag_ == "VBG" and any(t.dep_ == "dobj" and t.head.i == predicate.i for t in (first, noun))
        ):
            # "the number of Taliban and affiliated terrorists killed at more than 200"
            category = self._category_of(predicate.head) or self._category_of(conj_root(predicate.head)) or category
        # "two more soldiers", "another three": additions to a toll ("more than 200" is not)
        if any(child.lower_ == "another" for child in noun.children) or (
            last.i + 1 < len(sent.doc) and sent.doc[last.i + 1].lower_ == "more"
        ):
            increment = True
        if predicate is not None and any(child.lower_ == "other" for child in noun.children) and any(
            child.lower_ in self.lexicon.outcome_words["addition_adverbs"] for child in predicate.children
        ):
            increment = True  # "the explosion also killed two other guards": besides the one told before
        if first.lower_ == "other" or (first.lower_ == "one" and any(c.lower_ == "other" for c in first.children)):
            # "one soldier died on the spot while the other succumbed in hospital": the second of
            # a pair told before, never one more
            increment = False
        if (noun.i != last.i or _counts_of_people(noun)) and category != "attacker":
            # "three engineers and their driver", "three of them and their driver"
            count += self._unnumbered_people(noun)
        if category != "attacker":
            count += self._people_along_with(noun)
        if outcome == "killed" and category != "attacker" and self._toll_includes_attacker(sent):
            count = max(count - 1, 0)  # "a toll of 12, which includes the bomber": 11 victims
        # "19 people, mostly children", "46 people, most of them women": who most of the counted
        # were (their kind, not a part's count)
        most = [self._category_of(word) for word in self._most_of_the_counted(noun)] if category == "people" else []
        # "shot dead a senior leader along with two others": one list, the leader and the two
        companion = self._companion(noun)
        group = _list_root(companion if companion is not None else noun).i
        return {
            "start": first.idx,
            "end": noun.idx + len(noun.text) if noun.i >= last.i else last.idx + len(last.text),
            "token": first.i,
            "count": count,
            "outcome": outcome,
            "category": category,
            "qualifier": self._qualifier(first, sent),
            "update": update,
            "increment": increment,
            "subset": subset,
            "group": group,
            "text": sent.doc[first.i : max(noun.i, last.i) + 1].text,
            "mostly": next((kind for kind in most if kind in {"civilian", "security"}), None),
            "of_the_injured": of_the_injured,
            # "the injured included four policemen and a child": the parts are all the text
            # tells of that outcome's casualties, whose figure they give where none is told
            "listed": subset and self._lists_the_casualties(noun, outcome),
            # "eight soldiers of the Frontier Corps", "an office-bearer of the Peoples Party": the
            # force or body the counted belong to names their kind
            "force": next(filter(None, map(_body_named, noun.children)), None) or self._whose_they_were(noun),
        }

    def _toll_includes_attacker(self, sent: Span) -> bool:
        # asked for every killed statement of the sentence: read the sentence once (a page of
        # figures with no full stop is one sentence of thousands of statements)
        key = (sent.start, sent.end)
        if self._attacker_toll[0] != key:
            text = " ".join(sent.text.lower().split())
            self._attacker_toll = (key, any(cue in text for cue in self.lexicon.toll_includes_attacker_cues))
        return self._attacker_toll[1]

    def _outcome(self, noun: Token, sent: Span):
        """Walk up from the counted noun to the casualty predicate that governs it.

        Returns (outcome, update, increment, subset) with outcome "killed" | "injured" |
        "killed_agent" (the count is the killer) | None.
        """
        lexicon = self.lexicon
        self._predicate = None
        subset = False
        update = False
        if noun.like_num and self._gapped_count(noun) and self._is_militant_claim(noun, sent):
            # "the group said nine of its fighters were killed and 16 wounded": the remnant of a
            # group's own tally is that tally's too, whatever outcome word follows it
            return None, False, False, False
        if noun.dep_ == "dobj" and noun.head.dep_ in {"acl", "advcl", "relcl"} and (
            noun.head.lemma_.lower() in lexicon.outcome_words["numbering_verbs"]
        ):
            # "the injured, numbering more than 30, were taken to hospital": the casualties the
            # participle hangs on
            outcome = self._casualties_noun_outcome(noun.head.head)
            if outcome is not None:
                return outcome, False, False, False
        # a conjunct's own modifier is its outcome: "two civilians were martyred and over 30
        # others injured"
        # "30 others injured", "five people killed": an outcome word right after the counted
        # noun is its outcome, whatever the parser attached it to
        following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
        # "... embraced martyrdom and one soldier was injured": a passive right after the noun is
        # its own where the parser hung the noun elsewhere (on the object before it)
        after = noun.i + 1
        while after < min(len(noun.doc), noun.i + 3) and noun.doc[after].lemma_ in {"be", "have"} and noun.doc[after].pos_ == "AUX":
            after += 1
        if after > noun.i + 1 and after < len(noun.doc) and noun.doc[after].tag_ == "VBN" and noun.head.i != after:
            following = noun.doc[after]
        if (
            following is not None
            and following.lower_ in self.lexicon.outcome_words["standalone_outcomes"]
            # "the hospital received 133 injured": the object of a verb of receiving people
            and (noun.dep_ != "dobj" or noun.head.lemma_.lower() in self.lexicon.outcome_words["receiving_verbs"])
            and following.tag_ in {"VBN", "JJ"}
            and not any(c.dep_ == "dobj" for c in following.children)
        ):
            outcome = self._predicate_outcome(following)
            if outcome and outcome != "killed_agent":
                # "seven people including four children dead": the children are a part
                part = noun.head.lower_ in lexicon.subset_cues
                return outcome, False, self._is_increment(following), part
        closing = self._outcome_after_a_parenthesis(noun)
        if closing is not None:
            return closing, False, False, False
        words = lexicon.outcome_words
        following = self._after_a_name_in_commas(noun) or following
        if (
            following is not None and self._receives_injuries(following)
            and any(t.lemma_.lower() in words["injury_nouns"] for t in noun.doc[following.i + 1 : following.i + 3])
        ):
            # "and 11 suffered injuries", however the parser hangs it ("fatal injuries": a death)
            fatal = any(t.lower_ in words["fatal_modifiers"] for t in noun.doc[following.i + 1 : following.i + 3])
            return "killed" if fatal else "injured", False, False, False
        if self._body_found(noun):
            return "killed", False, False, False  # the bodies of the abducted, found: they were killed
        captivity = self.lexicon.outcome_words["captivity_words"]
        if any(c.dep_ in {"acl", "relcl", "amod"} and c.lemma_.lower() in captivity for c in noun.children) or (
            following is not None and following.tag_ == "VBN" and following.lemma_.lower() in captivity
        ):
            return None, False, False, False  # "two died and four others were kidnapped": taken, not killed
        if noun.dep_ == "conj":
            for child in noun.children:
                if child.dep_ in {"acl", "relcl", "amod"}:
                    outcome = self._predicate_outcome(child)
                    if outcome:
                        return outcome, False, self._is_increment(child), subset
        if self._is_militant_claim(noun, sent):
            return None, False, False, False
        if noun.dep_ not in {"nsubj", "nsubjpass"} and self._right_after_shot_dead(noun):
            return "killed", update, False, subset
        verb = self._verb_past_a_participle(noun)
        if verb is not None and (outcome := self._predicate_outcome(verb)) in {"killed", "injured"}:
            self._predicate = verb
            return outcome, update, self._is_increment(verb), subset
        current = noun
        for _ in range(self.max_head_distance):
            head = current.head
            if head.i == current.i:
                break
            if current.dep_ == "conj":
                if head.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children) and (
                    outcome := self._predicate_outcome(head)
                ) in {"killed", "injured"}:
                    # "the martyrdom of SHO X and two constables" parsed with the constables as a
                    # conjunct of the noun of dying itself
                    return outcome, update, False, subset
                if head.pos_ == "VERB" and current.pos_ in {"NOUN", "PROPN", "NUM"}:
                    # gapping: "killing three policemen in Kohat and two farmers in Bhakkar"
                    # parsed with "farmers" as a conjunct of the verb itself
                    outcome = self._predicate_outcome(head)
                    if outcome and outcome != "killed_agent":
                        return outcome, update, self._is_increment(head), subset
                current = head
                continue
            if (head.lemma_.lower() in captivity and head.pos_ == "NOUN") or (
                head.lower_ == "of" and head.i > 0 and noun.doc[head.i - 1].lemma_.lower() in captivity
            ):
                # "the death of two and the abduction of five others" (however the parser hangs
                # the "of" phrase)
                return None, False, False, False
            if head.lower_ in lexicon.subset_cues or (head.lower_ == "of" and current.lower_ in {"them", "whom"}):
                subset = True
            if head.lower_ in {"to", "at"} and current.i == noun.i and (
                head.head.lemma_.lower() in lexicon.toll_update_verbs
                or (head.head.lemma_.lower() in lexicon.toll_given_passives and any(c.dep_ == "auxpass" for c in head.head.children))
            ):
                # the figure itself is what the toll rose to ("rose to 11"); a count in apposition
                # to a hospital ("taken to Mayo Hospital, four to Services Hospital") is no toll
                if self._running_tally(head.head):
                    return None, False, False, False
                outcome = _revised_toll_outcome(head.head, sent.text, lexicon.revised_figure_stems, said_of_a_toll=False)
                return outcome, outcome is not None, False, False
            if head.lower_ == "to" and current.dep_ == "pobj" and any(
                t.lemma_.lower() in lexicon.outcome_words["injury_nouns"]
                for t in (head.head, *(c for c in head.head.children if c.dep_ == "dobj"))
            ):
                return "injured", False, False, subset  # "causing injuries to 12 people", "caused wounds to two"
            if head.dep_ == "agent" and current.dep_ == "pobj" and self._predicate_outcome(head.head) in {"killed", "injured"}:
                # "was shot dead by two men": whoever the by-phrase of a casualty verb counts did it
                return "killed_agent", False, False, False
            outcome = self._predicate_outcome(head, child=current)
            if outcome:
                self._predicate = head
                return outcome, update, self._is_increment(head), subset
            if head.lemma_.lower() in lexicon.hedged_report_lemmas and current.dep_ in {"nsubj", "nsubjpass"}:
                # "four people were reported (to be) injured", "three are feared dead"
                outcome = self._reported_outcome(head, {"xcomp", "oprd", "acomp"}, {"VBN", "JJ"})
                if outcome:
                    return outcome, update, False, subset
            outcome = self._listed_victims_outcome(head, current)
            if outcome:
                # "five boys were among the dead", "the dead include two judges": a part of
                # the toll told elsewhere, whose words say who the victims were
                return outcome, False, False, True
            # "leaving nine people dead": the outcome sits on a sibling of the count
            if head.lemma_.lower() in lexicon.outcome_words["leaving_verbs"] and current.dep_ == "nsubj" and current.i != noun.i:
                # "an attack on the house of a PML-N leader left two of his family injured": the
                # subject of an active "leave" is the cause, whoever its phrase names ("more than
                # 50 left injured": a count that is the subject itself is who was left)
                return None, False, False, False
            if head.lemma_.lower() in lexicon.outcome_words["leaving_verbs"]:
                # the count's own outcome first ("leaving one dead and seven injured": the parser
                # hangs "dead" on "one"), then the outcome beside the count: "left 26 people dead
                # and 40 injured" leaves the 26 dead, whatever closes the clause
                if current.i == noun.i:
                    for modifier in self._outcome_modifiers(noun):
                        outcome = self._predicate_outcome(modifier)
                        if outcome and outcome != "killed_agent":
                            return outcome, False, False, subset
                for sibling in head.children:
                    if sibling.dep_ in {"oprd", "acomp", "xcomp", "ccomp", "advcl", "dobj", "attr"} and sibling.i != current.i:
                        outcome = self._predicate_outcome(sibling)
                        if outcome:
                            return outcome, False, False, subset
                if current.head.i == head.i:
                    for grandchild in current.children:
                        outcome = self._predicate_outcome(grandchild)
                        if outcome:
                            return outcome, False, False, subset
                    clause = [t for t in head.subtree if not t.is_punct]
                    closing = clause[-1]
                    if current.dep_ == "dobj" and closing.i > current.i and closing.lower_ in lexicon.outcome_adjectives:
                        # "leaving nine members of a family, among them two girls, dead": the
                        # outcome closes the clause of "leave", whatever the parser hung it on
                        return self._predicate_outcome(closing), False, False, subset
            if head.pos_ in {"VERB", "AUX"}:
                # "23 passengers were offloaded and shot dead": the outcome on a coordinated verb
                for sibling in head.children:
                    if sibling.dep_ == "conj" and sibling.pos_ == "VERB" and not any(
                        c.dep_ in {"dobj", "nsubj", "nsubjpass"} for c in sibling.children
                    ):  # the coordinated verb shares our noun ("rescued 104 and killed 16" does not)
                        outcome = self._predicate_outcome(sibling)
                        if outcome and outcome != "killed_agent":
                            self._predicate = sibling
                            return outcome, update, self._is_increment(sibling), subset
                # "the toll had reached 63": a count as the object of a rising toll
                if head.lemma_.lower() in lexicon.toll_update_verbs and any(
                    c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in lexicon.toll_nouns and self._counts_people(c)
                    for c in head.children
                ):
                    return _revised_toll_outcome(head, sent.text, lexicon.revised_figure_stems, said_of_a_toll=True), True, False, False
                if head.lemma_.lower() not in lexicon.outcome_words["toll_linking_verbs"]:
                    break
            current = head
        # reduced relatives and appositions on the noun: "11 soldiers martyred", "two killed"
        for child in noun.children:
            if child.dep_ == "acl" and child.tag_ == "VBG" and any(c.dep_ == "dobj" for c in child.children):
                continue  # "two men ... wounding him" (the parser's reading): the men did the wounding
            if child.dep_ in {"acl", "relcl", "amod", "appos"}:
                # "three militants who had shot dead a policeman": the relative pronoun, the
                # clause's subject, stands for the counted noun, which did the killing
                relative = next((c for c in child.children if c.dep_ == "nsubj" and c.tag_ in {"WP", "WDT"}), None)
                outcome = self._predicate_outcome(child, child=relative) if child.dep_ == "relcl" else self._predicate_outcome(child)
                if outcome:
                    return outcome, False, self._is_increment(child), subset
                if child.lemma_.lower() in lexicon.hedged_report_lemmas:
                    # "one person reported killed", "three feared dead": the reported outcome
                    outcome = self._reported_outcome(child, {"xcomp", "oprd", "acomp", "ccomp"})
                    if outcome:
                        return outcome, False, False, subset
        whole = self._whole_of_the_part(noun)
        if whole is not None and whole.i != noun.i:
            # "21 others, including 12 policemen, injured", "15 dead, including 12 police and two
            # civilians": a part of a count has the outcome of the count it is a part of
            outcome = self._outcome(whole, sent)[0]
            if outcome in {"killed", "injured"}:
                return outcome, False, False, True
        return None, False, False, False

    def _whole_of_the_part(self, noun: Token) -> Token | None:
        """The count a noun is listed as a part of ("21 others, including 12 policemen"): the
        counted noun (or bare number) that the "including" phrase of the noun's list hangs on."""
        current = noun
        while current.dep_ == "conj" and current.head.i != current.i:
            current = current.head
        cue = current.head
        if current.dep_ != "pobj" or cue.lower_ not in self.lexicon.subset_cues:
            return None
        whole = cue.head
        if whole.pos_ in {"VERB", "AUX"}:
            # "there are 15 dead, including ...": the parser hangs the list on the verb
            whole = next((c for c in whole.children if c.dep_ in {"attr", "nsubj", "nsubjpass", "dobj"} and c.i < cue.i), whole)
        if whole.like_num or any(c.dep_ == "nummod" for c in whole.children):
            return whole
        return None

    @staticmethod
    def _after_a_name_in_commas(noun: Token) -> Token | None:
        """The word after a name set off in commas right after the noun ("the other one, Karim,
        sustained injuries"): where the noun's own verb goes on, however the parser hung it."""
        doc = noun.doc
        if noun.i + 3 >= len(doc) or doc[noun.i + 1].text != ",":
            return None
        name = doc[noun.i + 2]
        if name.dep_ != "appos" or name.head.i != noun.i or name.pos_ != "PROPN":
            return None
        close = name.right_edge.i + 1
        if close + 1 < len(doc) and doc[close].text == ",":
            return doc[close + 1]
        return None

    def _outcome_after_a_parenthesis(self, noun: Token) -> str | None:
        """"leaving two guards dead and 14 others, among them six lawyers, injured": the
        outcome word right after a parenthesis that follows a count left by the attack is its own,
        whatever the parser hung that word on."""
        lexicon = self.lexicon
        left = noun  # the count, or the first of the counts it is listed with
        while left.dep_ == "conj" and left.head.pos_ != "VERB" and left.head.i != left.i:
            left = left.head
        if left.head.lemma_.lower() not in lexicon.outcome_words["leaving_verbs"] or left.dep_ not in {"dobj", "conj"}:
            return None
        doc = noun.doc
        if noun.i + 1 >= len(doc) or doc[noun.i + 1].text != ",":
            return None
        for i in range(noun.i + 2, min(noun.i + 10, len(doc) - 1)):
            if doc[i].text == ",":
                word = doc[i + 1]
                if word.lower_ in lexicon.outcome_words["standalone_outcomes"] and word.tag_ in {"VBN", "JJ"}:
                    outcome = self._predicate_outcome(word)
                    return outcome if outcome in {"killed", "injured"} else None
                return None
        return None

    def _reported_outcome(self, verb: Token, deps: set[str], tags: set[str] | None = None) -> str | None:
        """The outcome ("killed" or "injured") a verb of reporting or fearing gives through its
        complement of one of `deps` (and, when given, of one of `tags`)."""
        for complement in verb.children:
            if complement.dep_ in deps and (tags is None or complement.tag_ in tags):
                outcome = self._predicate_outcome(complement)
                if outcome in {"killed", "injured"}:
                    return outcome
        return None

    def _listed_victims_outcome(self, head: Token, current: Token) -> str | None:
        """The outcome of a victim list: the count is the subject of a linking verb with
        "among the dead", or the object of "include" whose subject is "the dead"/"the injured"."""
        for noun in self._casualties_listing(head, current):
            outcome = self._casualties_noun_outcome(noun)
            if outcome is not None:
                return outcome
        return None

    def _casualties_listing(self, verb: Token, item: Token) -> list[Token]:
        """The nouns that may stand for the casualties a list verb lists `item` under: "the dead"
        of "five boys were among the dead" (a linking verb, `item` its subject) or of "the dead
        include two judges" (`item` the object of a list verb)."""
        words = self.lexicon.outcome_words
        lemma = verb.lemma_.lower()
        if lemma in words["victim_list_linking_verbs"] and item.dep_ in {"nsubj", "nsubjpass"}:
            return [
                p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in words["victim_list_prepositions"]
                for p in prep.children if p.dep_ == "pobj"
            ]
        if lemma in words["victim_list_verbs"] and item.dep_ == "dobj":
            return [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return []

    def _lists_the_casualties(self, noun: Token, outcome: str) -> bool:
        """"Those wounded included four policemen and a child", "two women were among the dead":
        a count listed under casualties of `outcome` that the text gives no figure of ("the 12
        dead included two women" has one)."""
        root = conj_root(noun)
        return any(
            self._casualties_noun_outcome(casualties) == outcome and self._victims_with_no_figure(casualties)
            for casualties in self._casualties_listing(root.head, root)
        )

    def _victims_with_no_figure(self, casualties: Token) -> bool:
        """Whether a noun that stands for casualties ("the injured", "those martyred") carries no
        figure of its own and names no attackers ("the executed terrorists")."""
        return not any(c.dep_ == "nummod" or c.like_num for c in casualties.children) and (
            self._category_of(casualties) not in {"attacker", "hostile"}
        )

    def _casualties_noun_outcome(self, noun: Token) -> str | None:
        """The outcome a noun names when it stands for the casualties: "the dead", "the injured",
        "the martyrs" (lexicon `dead_nouns`), or a pronoun with its participle ("those killed")."""
        if noun.lower_ in self.lexicon.outcome_words["dead_nouns"]:
            return "killed"
        if noun.lower_ in self.lexicon.outcome_words["standalone_outcomes"]:
            outcome = self._predicate_outcome(noun)
            if outcome in {"killed", "injured"}:
                return outcome
        for child in noun.children:
            if child.dep_ in {"acl", "relcl", "amod"}:
                outcome = self._predicate_outcome(child)
                if outcome in {"killed", "injured"}:
                    return outcome
        return None

    def _part_of_the_casualties(self, count: Token) -> tuple[str, str, Token] | None:
        """"Eight of those killed were policemen", "four of the injured were soldiers": a count of
        the casualties whose kind a linking verb gives. Returns the part's outcome, its category
        and the noun that tells it."""
        head = count.head
        if count.dep_ != "nsubj" or head.lemma_.lower() != "be":
            return None
        told = [p for prep in count.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
        # "Of the dead, 18 were soldiers": the "of" phrase fronted, on the verb
        told += [
            p for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i < count.i
            for p in prep.children if p.dep_ == "pobj"
        ]
        outcome = next((o for o in map(self._casualties_noun_outcome, told) if o is not None), None)
        kinds = [(self._category_of(noun), noun) for noun in map(_past_compounds, head.children) if noun.dep_ == "attr"]
        category, noun = next(((kind, noun) for kind, noun in kinds if kind is not None), (None, None))
        if outcome is None or category is None:
            return None
        return outcome, category, noun

    def _injured_who_died(self, count: Token) -> bool:
        """"Two of the injured succumbed", "three of the wounded died in hospital": a count
        of the injured told before, the subject of a verb of dying."""
        told = [p for prep in count.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
        # "the injured were shifted to the hospital, where one of them died": "them" are the
        # injured named before it in the sentence
        told += [self._injured_before(noun) for noun in told if noun.lower_ in {"them", "whom"}]
        if any(noun.lower_ == "whom" for noun in told if noun is not None):
            # "12 people injured, three of whom died": the people, the noun the relative clause
            # follows (the parser does not always hang the clause on it)
            told.append(count.head.head if count.head.dep_ == "relcl" else next(
                (t for t in reversed(count.doc[count.sent.start : count.i]) if t.pos_ in {"NOUN", "PROPN"}), None
            ))
        if count.lower_ in self.lexicon.outcome_words["succumbing_subjects"]:
            return count.dep_ == "nsubj" and self._died_of_injuries(count.head)
        verb = count.head
        return (
            count.dep_ in {"nsubj", "nsubjpass"}
            and any(noun is not None and self._names_the_injured(noun) for noun in told)
            and (
                self._predicate_outcome(verb, child=count) == "killed"
                # "three of them were later declared dead"
                or (verb.lemma_.lower() in self.lexicon.hedged_report_lemmas and self._reported_outcome(verb, {"xcomp", "oprd", "acomp"}) == "killed")
            )
        )

    def _died_of_injuries(self, verb: Token) -> bool:
        """"succumbed to his injuries", "died of her wounds": a verb of dying whose "to", "of" or
        "from" phrase is an injury: the one who died was wounded first."""
        return self._predicate_outcome(verb) == "killed" and self._injury_phrase(verb, {"to", "of", "from"})

    def _injury_phrase(self, verb: Token, prepositions: set[str]) -> bool:
        """Whether a verb has a phrase of one of `prepositions` whose object is an injury noun
        ("succumbed to his injuries", "treated for wounds", "escaped with minor injuries")."""
        injuries = self.lexicon.outcome_words["injury_nouns"]
        return any(
            prep.dep_ == "prep" and prep.lower_ in prepositions
            and any(p.dep_ == "pobj" and p.lemma_.lower() in injuries for p in prep.children)
            for prep in verb.children
        )

    def _names_the_injured(self, noun: Token) -> bool:
        """"The injured", "those wounded", or the subject of a verb of wounding ("three guards
        were hurt and carried to a clinic")."""
        return self._casualties_noun_outcome(noun) == "injured" or (
            noun.dep_ in {"nsubjpass", "dobj"} and self._predicate_outcome(noun.head, noun) == "injured"
        ) or any(c.dep_ in {"acl", "amod"} and self._predicate_outcome(c) == "injured" for c in noun.children)

    def _injured_before(self, pronoun: Token) -> Token | None:
        """The injured named as a subject before `pronoun` in its sentence ("three guards were
        hurt and carried to a clinic, where one of them died"), if any."""
        return next((
            t for t in reversed(pronoun.doc[pronoun.sent.start : pronoun.i])
            if t.dep_ in {"nsubj", "nsubjpass"} and self._names_the_injured(t)
        ), None)

    def _counts_people(self, toll: Token) -> bool:
        """Whether a running figure counts people: "the number of police pickets increased to 54"
        counts pickets; "the toll", "the number of dead" and "the number of people killed" count
        people."""
        counted = [p for prep in toll.children if prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
        lexicon = self.lexicon
        return not counted or any(
            word in lexicon.victim_category or word in lexicon.killed_lemmas or word in lexicon.injured_lemmas
            for p in counted for word in (p.lower_, p.lemma_.lower())
        )

    def _running_tally(self, verb: Token) -> bool:
        """"taking the recent tally of murdered doctors in the city to five": the toll the verb moves is a
        tally over several incidents (a "recent", "overall" toll), not this attack's."""
        for toll in verb.children:
            if toll.lemma_.lower() not in self.lexicon.toll_nouns or not any(
                m.dep_ == "amod" and m.lower_ in self.lexicon.tally_modifiers for m in toll.children
            ):
                continue
            counted = [p for prep in toll.children if prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
            # of a kind of people ("Shia doctors"), not of one attack ("the overall toll of the attack")
            return any(p.tag_ in {"NNS", "NNPS"} and p.lower_ in self.lexicon.victim_category for p in counted)
        return False

    def _most_of_the_counted(self, noun: Token) -> list[Token]:
        """The nouns that say who most of the people counted by `noun` were, told right after it
        and a comma: "19 people, mostly children", "46 people, most of them women and children".
        Read in the words' order: the parser hangs such a phrase on the noun, on its verb or on
        the sentence's root."""
        outcome_words = self.lexicon.outcome_words
        doc = noun.doc
        # the end of the counted phrase itself ("19 people in the market"), not of a phrase in
        # apposition to it, which is what may say who they were
        at = max([noun.i] + [c.right_edge.i for c in noun.rights if c.dep_ not in {"appos", "punct"}]) + 1
        if at + 1 >= len(doc) or doc[at].text != ",":
            return []
        at += 1
        while at + 1 < len(doc) and doc[at].is_quote:
            at += 1  # 46 people, "mostly children and women"
        if doc[at].lower_ in outcome_words["mostly_adverbs"]:
            at += 1
        elif doc[at].lower_ in outcome_words["mostly_shares"] and at + 2 < len(doc) and doc[at + 1].lower_ == "of" and doc[at + 2].lower_ in {"them", "whom"}:
            at += 3
        else:
            return []
        words = []
        while at < len(doc) and doc[at].pos_ in {"NOUN", "PROPN", "ADJ", "CCONJ", "DET", "NUM"}:
            if doc[at].pos_ in {"NOUN", "PROPN"}:
                words.append(doc[at])
            at += 1
        return words

    def _is_militant_claim(self, noun: Token, sent: Span) -> bool:
        """"The BLA claimed it had killed 90 soldiers": a group's own tally is not a toll."""
        if sent.start not in self._claim_sents:
            return False  # no verb of claiming above any count of the sentence
        group_in_sentence = sent.start in self._group_sents
        # the first word up from the count that decides; the words passed on the way share its
        # verdict (a run-on line of "officials said ..." would walk the chain again for each count)
        passed = []
        verdict = False
        for ancestor in noun.ancestors:
            if ancestor.i in self._claim_verdicts:
                verdict = self._claim_verdicts[ancestor.i]
                break
            passed.append(ancestor.i)
            decided = self._claim_verdict(ancestor, group_in_sentence)
            if decided is not None:
                verdict = decided
                break
        for i in passed:
            self._claim_verdicts[i] = verdict
        return verdict

    def _claim_verdict(self, ancestor: Token, group_in_sentence: bool) -> bool | None:
        """What a word above a count says of it: a group's own tally (True), the report's (False),
        or nothing (None: look further up)."""
        lexicon = self.lexicon
        if ancestor.pos_ in {"NOUN", "PROPN"}:
            # "the TTP claimed the attack that killed three policemen": the claim is of the
            # attack; the clause telling what it did is the report's own
            return False
        if ancestor.pos_ in {"VERB", "AUX"} and _relative_clause(ancestor):
            # the same, where the parser hung the relative clause on "claimed" itself ("claimed
            # the blast ... that injured two guards", "in which two men were killed")
            return False
        if ancestor.pos_ == "VERB" and any(
            c.dep_ == "nsubj" and ((c.ent_type_ == "GROUP" and c.ent_id_ in ARMIES) or c.ent_type_ == "SECURITY_FORCE")
            for c in ancestor.children
        ):
            # "Pakistani jets struck hideouts in Paktika, killing 46 people, a Taliban
            # spokesman said": a state's forces did the killing; the group tells its victims
            return False
        if ancestor.lemma_.lower() in lexicon.claim_verbs:
            subjects = [c for c in ancestor.children if c.dep_ == "nsubj"]
            if any((c.ent_type_ == "GROUP" and c.ent_id_ not in ARMIES) or c.lower_ in lexicon.claimant_nouns for c in subjects):
                return True
            if any(group_spokesman(c, lexicon) for c in subjects):
                return True  # "..., a TTP spokesman told reporters": the group speaks
            if ancestor.lemma_.lower() in lexicon.boast_verbs and group_in_sentence and any(
                c.lower_ in lexicon.claimant_pronouns for c in subjects
            ):
                return True
        return None

    def _hospital_phrase(self, verb: Token, prepositions: set[str]) -> bool:
        """Whether `verb` has one of `prepositions` with (a) hospital among its phrases ("rushed to
        the hospital", "treated at the DHQ hospital")."""
        nouns = self.lexicon.outcome_words["hospital_nouns"]
        return any(
            prep.dep_ == "prep" and prep.lower_ in prepositions
            and any(p.dep_ == "pobj" and (p.lower_ in nouns or any(c.lower_ in nouns for c in p.children)) for p in prep.children)
            for prep in verb.children
        )

    def _to_hospital(self, verb: Token) -> bool:
        """Whether a verb of moving people has "to (a) hospital" among its phrases."""
        return self._hospital_phrase(verb, {"to"})

    def _treated_for_injuries(self, verb: Token) -> bool:
        """Whether a verb of treating people has "for injuries" or "at/in (a) hospital" among its
        phrases (people treated for shock, or a hospital's staff, are not counted)."""
        return self._hospital_phrase(verb, {"at", "in"}) or self._injury_phrase(verb, {"for"})

    def _predicate_outcome(self, token: Token, child: Token | None = None) -> str | None:
        lexicon = self.lexicon
        words = lexicon.outcome_words
        lemma = token.lemma_.lower()
        word = token.lower_
        if lemma in words["mourning_verbs"] and child is not None and child.dep_ in {"dobj", "nsubjpass"}:
            return "killed"  # "the province was mourning the eleven soldiers"
        if (
            lemma in words["hospital_verbs"] and child is not None and child.dep_ == "nsubjpass"
            and child.lemma_.lower() not in words["remains_nouns"] and self._to_hospital(token)
        ):
            return "injured"  # "17 people were rushed to the hospital" (the bodies taken there are not)
        if lemma in words["treatment_verbs"] and child is not None and child.dep_ == "nsubjpass" and self._treated_for_injuries(token):
            return "injured"  # "dozens were being treated for wounds", "treated at the DHQ hospital"
        if lemma in words["surviving_verbs"] and child is not None and child.dep_ == "nsubj" and self._injury_phrase(token, {"with"}):
            return "injured"  # "a sixth labourer survived with bullet wounds", "escaped with minor injuries"
        if (lemma in words["injury_receiving_verbs"] or self._receives_injuries(token)) and any(
            c.lemma_.lower() in words["injury_nouns"] for c in token.children
        ):
            injuries = [c for c in token.children if c.lemma_.lower() in words["injury_nouns"]]
            if any(m.lower_ in words["fatal_modifiers"] for c in injuries for m in c.children):
                return "killed"  # "received fatal injuries"
            return "injured"
        if lemma in words["last_breath_verbs"] and any(c.lower_ == "last" for c in token.children):
            return "killed"  # "breathed their last"
        if lemma in lexicon.strict_injured or word in lexicon.strict_injured or word in words["injured_adverbs"]:
            return "injured"
        if lemma in words["life_nouns"] and token.head.lower_ in words["life_losing_verbs"]:
            return "killed"
        if lemma in words["life_taking_verbs"]:
            if any(c.lemma_.lower() in words["life_nouns"] for c in token.children):
                return "killed"
            return None
        if lemma in words["life_nouns"] or word in words["life_nouns"]:
            return "killed"
        if lemma in words["martyrdom_verbs"] and any(c.lower_.startswith(tuple(words["martyrdom_prefixes"])) for c in token.children):
            return "killed"
        if lemma in words["sent_to_verbs"] and any(
            c.dep_ in {"prep", "dative"} and c.lower_ == "to" and any(o.lower_ in words["sent_to_nouns"] for o in c.children) for c in token.children
        ):
            # "security forces sent eight khwarij to hell": the forces' word for the militants they killed
            if child is not None and child.dep_ == "nsubj":
                return "killed_agent"
            return "killed"
        if lemma in lexicon.shoot_verbs and (
            any(c.lower_ in lexicon.shot_dead_particles for c in token.children)
            or (token.i + 1 < len(token.doc) and token.nbor(1).lower_ in lexicon.shot_dead_particles)
        ):
            if child is not None and child.dep_ == "nsubj" and not _acted_on(token):
                return "killed_agent"  # "two men on a motorbike gunned down a constable": the killers
            return "killed"
        if lemma in lexicon.shoot_verbs and any(
            c.dep_ == "prep" and c.lower_ == "in" and any(o.lower_ in words["limb_nouns"] for o in c.children if o.dep_ == "pobj")
            for c in token.children
        ):
            return "injured"  # not shot dead but "shot in the arm": wounded
        if word in words["killed_words"] or lemma in lexicon.strict_killed or word.startswith(tuple(words["killed_prefixes"])):
            if child is not None and lemma in words["agentive_kill_verbs"]:
                passive = _acted_on(token) or token.tag_ == "VBN" and token.dep_ in {"acl", "amod", "relcl"}
                if child.dep_ == "nsubj" and not passive:
                    return "killed_agent"
            return "killed"
        if word in words["killed_nouns"]:
            return "killed"  # "the toll rose to 11"
        if lemma in words["life_loss_nouns"] and any(
            c.lower_ == "of" and any(o.lower_ in words["life_nouns"] for o in c.children) for c in token.children
        ):
            return "killed"  # "the loss of 90 lives"
        return None

    def _is_increment(self, predicate: Token) -> bool:
        return predicate.lemma_.lower() == "succumb" or any(
            c.lower_ in self.lexicon.outcome_words["increment_adverbs"] for c in predicate.children
        )


@Language.factory(
    "incidents_casualties",
    assigns=["doc._.incidents_casualties"],
    requires=["token.dep", "token.lemma", "doc.ents"],
    default_config={"max_head_distance": 5, "patterns_dir": None},
)
def make_casualty_extractor(
    nlp: Language, name: str, max_head_distance: int, patterns_dir: str | None
) -> CasualtyExtractor:
    return CasualtyExtractor(nlp, name, max_head_distance, patterns_dir)
