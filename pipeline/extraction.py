"""Loading the pipeline and running it over texts, documents and folders.

Long documents are split into chunks at paragraph boundaries (never one giant string into
spaCy); every chunk carries the document's publication date and reference date on `Doc._`,
and the chunks of one document are assembled back into its mentions in
`pipeline.assembly`. Documents stream through `nlp.pipe`: nothing holds the whole corpus.
"""

from __future__ import annotations

import hashlib
import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from . import components as _components  # noqa: F401  (registers the factories)
from . import lazy_imports
from .assembly import apply_dateline, incident_to_mention, is_reportable, merge_document_incidents
from .components.dates import latest_explicit_date
from .components.extensions import doc_text, register_extensions
from .events import FIELD_NAMES, GEO_FIELDS, Event, Mention
from .prefilter import Prefilter, PrefilterSettings, trim_blanked_evidence
from .reading import Document, ReadFailure, iter_inputs
from .reading.dateline import date_from_lines
from .reading.text import replace_lone_surrogates
from .resources import data_path

lazy_imports.install()  # quantulum3's inflect without typeguard's recompilation (pipeline.lazy_imports)

#: Chunks are cut at paragraph breaks once they pass this many characters.
DEFAULT_CHUNK_CHARS = 50_000
#: A run of non-space characters longer than this reaches spaCy as "xxx...x xxx...x ..." of
#: the same length, cut into runs of at most this many characters (offsets unchanged; the
#: evidence quotes the original text). No word of news prose is this long; digit runs
#: ("1,1,1,..."), encoded blobs and walls of brackets or quotes are, and spaCy's tokenizer is
#: quadratic in the length of a run (measured: a 3,000-character run of "(" costs 3.3 s per
#: 100 KB of text, a 200-character one 0.08 s), while the casualty and date stages must never
#: see such a token.
MAX_RUN_CHARS = 200
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN_CHARS + 1},}}")  # anchored at a run's start: linear
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

#: Extraction modes and the trained relation stage each adds to the rule pipeline (None: none).
#: `accurate` is the transformer backbone; `tok2vec` the same stage without torch.
MODES = {"rules": None, "tok2vec": "tok2vec", "accurate": "transformer"}


def load(mode: str = "rules", patterns_dir: str | None = None) -> Language:
    """The incident pipeline of models/config.cfg with its rulers initialized from patterns/
    (compiled once, then loaded from disk: `pipeline.compiled`). The trained modes add the
    relation stage trained by `incidents train`."""
    return _load_cached(mode, patterns_dir)


@lru_cache(maxsize=4)
def _load_cached(mode: str, patterns_dir: str | None) -> Language:
    from .compiled import load_compiled

    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
    # the rule pipeline compiled once and loaded from disk after that (pipeline.compiled)
    nlp = load_compiled(patterns_dir, lambda folder: build("rules", folder))
    register_extensions()
    if MODES[mode] is not None:
        _add_relation_stage(nlp, mode, MODES[mode])
    return nlp


def build(mode: str = "rules", patterns_dir: str | None = None) -> Language:
    """A new pipeline of `mode` (`load` returns a cached one: use this one to change it)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
    register_extensions()
    config = spacy.util.load_config(data_path("models") / "config.cfg", interpolate=False)
    config["paths"]["patterns_dir"] = patterns_dir
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    _key_attribute_ruler(nlp)
    _key_lemmatizer(nlp)
    sourced = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"}
    own = [name for name in nlp.pipe_names if name not in sourced]
    with nlp.select_pipes(enable=own):
        nlp.initialize()
    if MODES[mode] is not None:
        _add_relation_stage(nlp, mode, MODES[mode])
    return nlp


def _key_attribute_ruler(nlp: Language) -> None:
    """en_core_web_sm's attribute ruler, with the same patterns, as `incidents_attribute_ruler`:
    the same attributes on every token, its one-token patterns decided once per (word, tag,
    dependency) rather than matched at every token (`pipeline.components.attributes`)."""
    from .components.attributes import KeyedAttributeRuler

    if "attribute_ruler" not in nlp.pipe_names or isinstance(nlp.get_pipe("attribute_ruler"), KeyedAttributeRuler):
        return
    sourced = nlp.get_pipe("attribute_ruler")
    keyed = nlp.replace_pipe("attribute_ruler", "incidents_attribute_ruler", config={"validate": sourced.validate})
    keyed.add_patterns(sourced.patterns)


def _key_lemmatizer(nlp: Language) -> None:
    """en_core_web_sm's rule lemmatizer, with the same tables, as `incidents_lemmatizer`: the
    same lemma on every token, decided once per (word, part of speech, morphology)
    (`pipeline.components.lemmas`)."""
    from .components.lemmas import KeyedLemmatizer

    if "lemmatizer" not in nlp.pipe_names or isinstance(nlp.get_pipe("lemmatizer"), KeyedLemmatizer):
        return
    KeyedLemmatizer.from_lemmatizer(nlp, "lemmatizer", nlp.get_pipe("lemmatizer"))


def _add_relation_stage(nlp: Language, mode: str, backbone: str) -> None:
    from .training import trained_dir, transformer_weights_dir

    if backbone == "transformer":
        transformer_weights_dir()  # the extra is installed; offline Hugging Face settings
    path = trained_dir(backbone)
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(
            f"--mode {mode} needs the relation stage trained on the {backbone} backbone, not found at {path}; "
            f"build it with: incidents train --backbone {backbone}"
        )
    nlp.add_pipe("incidents_relations", source=spacy.load(path), after="incidents_events")


_PREFILTERS: "weakref.WeakKeyDictionary[Language, Prefilter]" = weakref.WeakKeyDictionary()


def prefilter_settings() -> PrefilterSettings:
    """The [incidents.prefilter] section of models/config.cfg."""
    config = spacy.util.load_config(data_path("models") / "config.cfg", interpolate=False)
    return PrefilterSettings.from_config(config.get("incidents", {}).get("prefilter"))


def prefilter_for(nlp: Language) -> Prefilter | None:
    """The first pass built on `nlp`'s own rulers (once per pipeline); None when `nlp` has none."""
    if "incidents_triggers" not in nlp.pipe_names or "incidents_entities" not in nlp.pipe_names:
        return None
    if nlp not in _PREFILTERS:
        _PREFILTERS[nlp] = Prefilter(nlp, prefilter_settings(), nlp.config["paths"].get("patterns_dir"))
    return _PREFILTERS[nlp]


def split_into_chunks(text: str, max_chars: int = DEFAULT_CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, chunk) pairs covering `text`, cut at paragraph breaks, then at sentence ends,
    then at whitespace when a paragraph has no sentence breaks at all."""
    if len(text) <= max_chars:
        return [(0, text)]
    cuts = [0]
    start = 0
    while len(text) - start > max_chars:
        window_end = start + max_chars
        cut = None
        for pattern in (_PARAGRAPH, _SENTENCE_END):
            last = None
            for match in pattern.finditer(text, start + max_chars // 4, window_end):
                last = match.end()
            if last:
                cut = last
                break
        if cut is None:
            space = text.rfind(" ", start + max_chars // 4, window_end)
            cut = space + 1 if space > start else window_end
        cuts.append(cut)
        start = cut
    cuts.append(len(text))
    return [(a, text[a:b]) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


#: Characters drawn as a dash that en_core_web_sm never saw in training: box-drawing lines
#: (some newspapers' pages set "Four employees ─ three staffers and a guard ─ were killed" with
#: U+2500), the horizontal bar and the figure dash. Read as an em dash, the parser sees the
#: aside; left as they are, it parsed the sentence around an unknown symbol and lost its counts.
DASH_LIKE = str.maketrans({"\u2500": "\u2014", "\u2501": "\u2014", "\u2015": "\u2014", "\u2012": "\u2014"})


def reading_copy(text: str) -> str:
    """The text spaCy reads: the same length and offsets as `text`, with lone surrogates (which
    spaCy cannot encode) as U+FFFD, dash-like symbols as an em dash, and every run of more than
    `MAX_RUN_CHARS` non-space characters as runs of "x" of at most that length."""
    text = replace_lone_surrogates(text).translate(DASH_LIKE)
    return _LONG_RUN.sub(lambda match: _MASK[: len(match.group())] if len(match.group()) <= len(_MASK) else _mask(len(match.group())), text)


_MASK = ("x" * (MAX_RUN_CHARS - 1) + " ") * 64


def _mask(length: int) -> str:
    return (_MASK * (length // len(_MASK) + 1))[:length]


@dataclass
class DocumentResult:
    document: Document
    mentions: list[Mention] = field(default_factory=list)
    error: str | None = None


def chunk_docs(
    nlp: Language, documents: Iterable[Document], max_chars: int, sink: dict, prefilter: Prefilter | None = None
) -> Iterator[tuple]:
    """(doc, (document index, chunk index)) for every chunk, with the document attributes set
    on `Doc._`; `sink[index]` receives (document, number of chunks). With a `prefilter` (the
    first pass of two-pass extraction) a chunk is read only in its candidate windows; a document
    without any is sent as one empty Doc, so that it is finished (and counted) in its turn
    without holding back the documents after it."""
    for index, document in enumerate(documents):
        chunks = split_into_chunks(document.text, max_chars)
        # the copy spaCy reads: same offsets, no lone surrogates, no giant tokens
        texts = [(offset, reading_copy(chunk)) for offset, chunk in chunks]
        if prefilter is not None:
            texts = [(offset, window) for offset, text in texts if (window := _windows(prefilter, text)) is not None]
        reference = None if document.published or not texts else latest_explicit_date(document.text)
        texts = texts or [(0, "")]
        sink[index] = (document, len(texts))
        for chunk_index, (offset, chunk) in enumerate(texts):
            doc = nlp.make_doc(chunk)
            doc._.incidents_doc_id = document.doc_id
            doc._.incidents_published = document.published
            doc._.incidents_reference_date = reference
            doc._.incidents_offset = offset
            yield doc, (index, chunk_index)


def _windows(prefilter: Prefilter, text: str) -> str | None:
    """The windows of `text` to parse; the whole text if the first pass fails on it."""
    try:
        return prefilter.window_text(text)
    except Exception:  # noqa: BLE001 - the full pipeline then reads (and reports on) the text
        return text


def process_documents(
    nlp: Language,
    documents: Iterable[Document],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    max_chunk_chars: int = DEFAULT_CHUNK_CHARS,
    two_pass: bool | None = None,
) -> Iterator[DocumentResult]:
    """Run the pipeline over documents, yielding one result per document in input order.

    `two_pass` (default: models/config.cfg [incidents.prefilter] enabled) parses only the
    windows of each text that can hold an incident (`pipeline.prefilter`); a document without
    any is not parsed. With `n_process` > 1 the documents go to worker processes that run the
    whole extraction, assembly included (`pipeline.workers`, the local engine of `incidents
    extract`); here `n_process` > 1 is spaCy's own `nlp.pipe(n_process=...)`."""
    register_extensions()
    prefilter = prefilter_for(nlp) if two_pass is not False else None
    if two_pass is None and prefilter is not None and not prefilter.settings.enabled:
        prefilter = None
    pending: dict[int, tuple[Document, int]] = {}
    collected: dict[int, list] = {}
    next_index = 0
    # an exception in a stage costs the chunk it was raised on (its document is reported
    # failed, with the exception), never the run; in spaCy's own worker processes
    # (n_process > 1) the reason stays there and only the count of failed parts comes back
    reasons: dict[str, str] = {}

    def contain(name, component, docs, error) -> None:
        for doc in docs:
            reasons.setdefault(doc._.incidents_doc_id, f"{name}: {type(error).__name__}: {str(error)[:200]}")

    # the handler of the pipeline's own stages (plain callables); not `nlp.set_error_handler`,
    # which fails on the parser of spaCy 3.8 (a Cython class without an `error_handler` slot)
    previous_handler = nlp.default_error_handler
    nlp.default_error_handler = contain
    try:
        stream = nlp.pipe(
            chunk_docs(nlp, documents, max_chunk_chars, pending, prefilter),
            as_tuples=True,
            n_process=n_process,
            batch_size=batch_size,
        )
        for doc, (index, chunk_index) in stream:
            frames = doc._.incidents_frames or []
            if prefilter is not None and frames:
                # evidence ends as one pass would end it, never reaching over blanked sentences
                offset = doc._.incidents_offset
                window = doc_text(doc)
                frames = trim_blanked_evidence(frames, window, pending[index][0].text[offset : offset + len(window)])
            collected.setdefault(index, []).append((chunk_index, doc._.incidents_offset, frames))
            # documents are finished in order; a document whose chunk failed inside spaCy is
            # reported once a later document's chunk arrives
            while next_index in pending and (
                len(collected.get(next_index, [])) == pending[next_index][1] or next_index < index
            ):
                yield _finish(next_index, pending, collected, reasons)
                next_index += 1
        while next_index in pending:
            yield _finish(next_index, pending, collected, reasons)
            next_index += 1
    finally:
        nlp.default_error_handler = previous_handler


def _finish(index: int, pending: dict, collected: dict, reasons: dict) -> DocumentResult:
    document, n_chunks = pending.pop(index)
    parts = sorted(collected.pop(index, []), key=lambda part: part[0])
    if len(parts) != n_chunks:
        reason = reasons.pop(document.doc_id, None)
        return DocumentResult(
            document,
            error=f"pipeline failed on {n_chunks - len(parts)} of {n_chunks} parts" + (f" ({reason})" if reason else ""),
        )
    try:
        mentions = assemble_mentions(document, parts)
    except Exception as error:  # assembly is plain Python over plain data: contain it as well
        return DocumentResult(document, error=f"assembly failed ({type(error).__name__}: {str(error)[:200]})")
    return DocumentResult(document, mentions=mentions)


def _shift(incident: dict, chunk_index: int, offset: int) -> dict:
    shifted = dict(incident)
    shifted["evidence"] = [{"start": e["start"] + offset, "end": e["end"] + offset} for e in incident["evidence"]]
    shifted["casualties"] = [dict(c, start=c["start"] + offset, chunk=chunk_index) for c in incident["casualties"]]
    shifted["dates"] = [dict(d, start=d["start"] + offset) for d in incident["dates"]]
    return shifted


def assemble_mentions(document: Document, parts: list[tuple[int, int, list[dict]]]) -> list[Mention]:
    incidents = [_shift(incident, chunk_index, offset) for chunk_index, offset, frames in parts for incident in frames]
    incidents = merge_document_incidents(incidents)
    if apply_dateline(incidents):  # first: the dateline can be the only anchor of the main incident
        incidents = merge_document_incidents(incidents)  # a lead placed there may be its caption's incident
    incidents = [i for i in incidents if is_reportable(i)]
    mentions = [incident_to_mention(i, document.doc_id, document.published, document.text) for i in incidents]
    return sorted(mentions, key=lambda m: (m.evidence[0].start if m.evidence else 0))


def mention_event_id(mention: Mention) -> str:
    """Deterministic id of a one-mention event: its document, evidence and place and date
    (two incidents told in one sentence share their first evidence span)."""
    key = "\x00".join(
        [mention.doc_id, ",".join(str(e.start) for e in mention.evidence), mention.district or "", mention.date or "", mention.method]
    )
    return "ev-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def single_mention_event(mention: Mention) -> Event:
    """An event holding one mention (before cross-document merging)."""
    values = {name: getattr(mention, name) for name in FIELD_NAMES + GEO_FIELDS}
    values["perpetrators"] = list(mention.perpetrators)
    values["targets"] = list(mention.targets)
    return Event(event_id=mention_event_id(mention), mentions=[mention], **values)


def _text_document(text: str, published: str | None, doc_id: str) -> Document:
    published_from = "argument" if published else None
    if published is None:
        published = date_from_lines(text)
        published_from = "date_line" if published else None
    return Document(
        doc_id=doc_id,
        text=text,
        published=published,
        source=None,
        url=None,
        path="<text>",
        content_hash=hashlib.sha256(text.encode("utf-8", "replace")).hexdigest(),
        published_from=published_from,
    )


def extract(text: str, published: str | None = None, *, doc_id: str = "text", nlp: Language | None = None) -> list[Event]:
    """Events reported by one text. `published` is its ISO publication date; when None, a date
    line at the top of the text is used if there is one."""
    nlp = nlp or load()
    document = _text_document(text, published, doc_id)
    result = next(process_documents(nlp, [document]))
    if result.error:
        raise RuntimeError(result.error)
    return [single_mention_event(m) for m in result.mentions]


def extract_folder(path: str | Path, *, merge: bool = True, policy: str = "latest", nlp: Language | None = None, n_process: int = 1) -> list[Event]:
    """Events from every readable document under `path` (a folder or one file)."""
    nlp = nlp or load()
    documents = (item for item in iter_inputs(str(path)) if not isinstance(item, ReadFailure))
    mentions = [m for result in process_documents(nlp, documents, n_process=n_process) for m in result.mentions]
    return events_from_mentions(mentions, merge=merge, policy=policy)


def events_from_mentions(mentions: list[Mention], *, merge: bool = True, policy: str = "latest") -> list[Event]:
    if not merge:
        return [single_mention_event(m) for m in mentions]
    from .merge import merge_mentions

    return [Event.from_dict(e) for e in merge_mentions([m.to_dict() for m in mentions], policy=policy)]
