"""A batch run: a folder (or file) in, events JSONL and an errors file out.

Every input is accounted for: a document is processed (its mentions stored or kept), skipped
(already in the store, or a duplicate of another input) or failed (with a reason and a stage in
the errors file and, with a store, in the store's document table). Output files are written
atomically. With a store the run is resumable: documents already stored are not processed again,
and a run killed half-way and started again ends with the same events as an uninterrupted one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from .extraction import DocumentResult, load, process_documents
from .merge import merge_mentions
from .reading import Document, ReadFailure, iter_inputs
from .store import Store, write_jsonl

#: exit codes of `incidents extract` (documented in the README)
EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_RUN_FAILED = 2
EXIT_INTERRUPTED = 130

#: where the pipeline runs: "local" (this machine, `nlp.pipe`) or "dask" (`pipeline.dask_runner`)
ENGINES = ("local", "dask")


@dataclass
class RunSummary:
    documents_read: int = 0
    documents_processed: int = 0
    documents_already_stored: int = 0
    mentions: int = 0
    events_written: int = 0
    problems: list[dict] = field(default_factory=list)  # {path, reason, stage}
    interrupted: bool = False
    output: str | None = None

    @property
    def failed(self) -> list[dict]:
        return [p for p in self.problems if p["stage"] not in {"dedup", "metadata"}]

    @property
    def skipped(self) -> list[dict]:
        return [p for p in self.problems if p["stage"] == "dedup"]

    @property
    def warnings(self) -> list[dict]:
        return [p for p in self.problems if p["stage"] == "metadata"]

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        return EXIT_SOME_FAILED if self.failed else EXIT_OK


def count_candidate_files(path: str | os.PathLike) -> int | None:
    """How many files lie under `path` (for a progress bar); None when unknown."""
    path = Path(path)
    if path.is_file():
        return 1
    try:
        return sum(len(files) for _, _, files in os.walk(path))
    except OSError:
        return None


def run_extraction(
    path: str | os.PathLike,
    output: str | os.PathLike,
    *,
    store_path: str | os.PathLike | None = None,
    errors_path: str | os.PathLike | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    merge: bool = True,
    policy: str = "latest",
    mode: str = "rules",
    on_document: Callable[[str], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    two_pass: bool | None = None,
) -> RunSummary:
    """Extract events from every document under `path` and write them to `output`.

    `engine` is "local" (spaCy in this process, `n_process` processes) or "dask" (Dask
    distributed: the cluster at `scheduler`, else a LocalCluster of `n_process` workers; see
    `pipeline.dask_runner`). Both give the same events. `two_pass=False` parses every text in
    full (default: the first pass of `pipeline.prefilter`, as models/config.cfg says).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if not Path(path).exists():
        raise FileNotFoundError(f"no such file or folder: {path}")
    summary = RunSummary(output=str(output))
    nlp = load(mode) if engine == "local" else None
    store = Store(store_path) if store_path else None
    kept_mentions: list[dict] = []
    try:
        documents = _documents(path, summary, store, on_document)
        if engine == "dask":
            from .dask_runner import dask_results

            results = dask_results(
                documents, scheduler=scheduler, n_workers=n_process, mode=mode, batch_size=batch_size
            )
        else:
            results = process_documents(nlp, documents, n_process=n_process, batch_size=batch_size, two_pass=two_pass)
        collect_results(results, summary, store, kept_mentions, on_document)
    except KeyboardInterrupt:
        summary.interrupted = True
    try:
        if not summary.interrupted:
            events = final_events(store, kept_mentions, merge=merge, policy=policy)
            summary.events_written = write_jsonl(events, output)
        _write_errors(summary, errors_path or Path(output).with_name("errors.jsonl"))
    finally:
        if store is not None:
            store.close()
    return summary


def collect_results(
    results: Iterable[DocumentResult],
    summary: RunSummary,
    store: Store | None,
    kept_mentions: list[dict],
    on_document: Callable[[str], None] | None = None,
) -> None:
    """Store (or keep) the mentions of each processed document; record each failed one."""
    for result in results:
        document = result.document
        if result.error:
            _problem(summary, store, document.path, result.error, "extract", document)
            continue
        mentions = [m.to_dict() for m in result.mentions]
        summary.documents_processed += 1
        summary.mentions += len(mentions)
        if store is not None:
            store.add_document(document.doc_id, document.path, document.content_hash, document.published, mentions)
        else:
            kept_mentions.extend(mentions)
        if on_document:
            on_document(document.path)


def final_events(store: Store | None, kept_mentions: list[dict], *, merge: bool, policy: str) -> list[dict]:
    """The events of the run: merged over the whole store when there is one."""
    mentions = store.mentions() if store is not None else kept_mentions
    if not merge:
        return _unmerged(mentions)
    return store.events(policy) if store is not None else merge_mentions(kept_mentions, policy=policy)


def _documents(path, summary: RunSummary, store: Store | None, on_document) -> Iterator[Document]:
    for item in iter_inputs(str(path)):
        if isinstance(item, ReadFailure):
            _problem(summary, store, item.path, item.reason, item.stage)
            if on_document and item.stage != "metadata":
                on_document(item.path)
            continue
        summary.documents_read += 1
        if store is not None and store.seen(item.content_hash):
            summary.documents_already_stored += 1
            if on_document:
                on_document(item.path)
            continue
        yield item


def _problem(summary: RunSummary, store: Store | None, path: str, reason: str, stage: str, document: Document | None = None) -> None:
    summary.problems.append({"path": path, "reason": reason, "stage": stage})
    if store is None or stage == "metadata":
        return
    content_hash = document.content_hash if document else None
    # An input that never became a document is keyed by its path, not by its file stem: a
    # failure must never replace (and delete the mentions of) a stored document of the same
    # stem ("a.txt" stored, then "a.zip" or "other/a.pdf" failing). For a duplicate, the kept
    # original owns the document id.
    doc_id = document.doc_id if document else str(path)
    status = "skipped" if stage == "dedup" else "failed"
    store.add_failure(path, content_hash, reason, stage, doc_id=doc_id, status=status)


def _unmerged(mentions: list[dict]) -> list[dict]:
    from .events import Mention
    from .extraction import single_mention_event

    return [single_mention_event(Mention.from_dict(m)).to_dict() for m in mentions]


def _write_errors(summary: RunSummary, errors_path: str | os.PathLike) -> None:
    from .store import _atomic_write

    data = b"".join(orjson.dumps(problem) + b"\n" for problem in summary.problems)
    _atomic_write(errors_path, data)
