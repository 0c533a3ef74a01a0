"""A batch run: a folder (or file) in, events JSONL and an errors file out.

Every input is accounted for: a document is processed (its mentions stored or kept), skipped
(already in the store, or a duplicate of another input) or failed (with a reason and a stage in
the errors file and, with a store, in the store's document table). Output files are written
atomically. With a store the run is resumable: documents already stored are not processed again,
and a run killed half-way and started again ends with the same events as an uninterrupted one.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from .extraction import DocumentResult, load, process_documents
from .merge import merge_mentions
from .reading import Document, ReadFailure, iter_inputs
from .reading.inputs import DEFAULT_MAX_CHARS, JSONL_EXTENSIONS, SIDECAR_SUFFIX
from .store import DEFAULT_LOCK_TIMEOUT, Store, write_files
from .workers import DEFAULT_TIME_BUDGET, supervised_results

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


def count_documents(path: str | os.PathLike) -> int | None:
    """How many documents a run over `path` will report progress for (the progress bar's
    total): every file the reader takes as an input, each line of a JSONL file, but not the
    `.meta.json` sidecars nor hidden entries, which are never documents. None when unknown."""
    path = Path(path)

    def one(file: Path) -> int:
        if file.name.endswith(SIDECAR_SUFFIX):
            return 0
        if file.suffix.lower() in JSONL_EXTENSIONS:
            try:
                with open(file, "rb") as handle:
                    return sum(1 for line in handle if line.strip())
            except OSError:
                return 1
        return 1

    if path.is_file():
        return one(path)
    try:
        total = 0
        walked = set()
        for folder, dirs, files in os.walk(path, followlinks=True):
            walked.add(os.path.realpath(folder))
            # symlinked folders are read once (a loop or a second link is reported, not read)
            dirs[:] = [d for d in dirs if not d.startswith(".") and os.path.realpath(os.path.join(folder, d)) not in walked]
            total += sum(one(Path(folder) / name) for name in files if not name.startswith("."))
        return total
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
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    time_budget: float = DEFAULT_TIME_BUDGET,
    two_pass: bool | None = None,
) -> RunSummary:
    """Extract events from every document under `path` and write them to `output`.

    `engine` is "local" (this machine: `n_process` worker processes) or "dask" (Dask
    distributed: the cluster at `scheduler`, else a LocalCluster of `n_process` workers; see
    `pipeline.dask_runner`). Both give the same events. `two_pass=False` parses every text in
    full (default: the first pass of `pipeline.prefilter`, as models/config.cfg says).

    Documents over `max_chars` characters are refused (None: no limit). With the local engine
    each document runs in a worker process within its time budget (`time_budget` seconds per
    started 100,000 characters, `pipeline.workers`); 0 runs spaCy in this process, unwatched.
    `lock_timeout` is how long to wait for a store another writer holds.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if not Path(path).exists():
        raise FileNotFoundError(f"no such file or folder: {path}")
    summary = RunSummary(output=str(output))
    # the store first: a store that cannot be used fails the run before the pipeline loads
    store = Store(store_path, timeout=lock_timeout) if store_path else None
    try:
        nlp = load(mode) if engine == "local" else None
        kept_mentions: list[dict] = []
        try:
            documents = _documents(path, summary, store, on_document, max_chars)
            if engine == "dask":
                from .dask_runner import dask_results

                results = dask_results(
                    documents, scheduler=scheduler, n_workers=n_process, mode=mode, batch_size=batch_size
                )
            elif time_budget:
                results = supervised_results(
                    documents, mode=mode, n_process=n_process, batch_size=batch_size, time_budget=time_budget,
                    two_pass=two_pass,
                )
            else:
                results = process_documents(nlp, documents, n_process=n_process, batch_size=batch_size, two_pass=two_pass)
            collect_results(results, summary, store, kept_mentions, on_document)
        except KeyboardInterrupt:
            summary.interrupted = True
        events = None
        if not summary.interrupted:
            events = final_events(store, kept_mentions, merge=merge, policy=policy)
        summary.events_written = write_outputs(
            events, output, summary.problems, errors_path or Path(output).with_name("errors.jsonl")
        )
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


def _documents(path, summary: RunSummary, store: Store | None, on_document, max_chars=DEFAULT_MAX_CHARS) -> Iterator[Document]:
    for item in iter_inputs(str(path), max_chars=max_chars):
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


class OutputError(OSError):
    """The events or errors file could not be written; the previous ones are as they were."""


def write_outputs(events: list[dict] | None, output, problems: list[dict], errors_path) -> int:
    """Write the events file (unless `events` is None: an interrupted run) and the errors file
    together: both are written to temporary files first and renamed only when both are whole,
    so a full disk leaves the previous pair exactly as it was. Returns the number of events."""
    files = [(errors_path, b"".join(orjson.dumps(problem) + b"\n" for problem in problems))]
    if events is not None:
        files.insert(0, (output, b"".join(orjson.dumps(event) + b"\n" for event in events)))
    try:
        write_files(files)
    except OSError as error:
        names = " and ".join(str(name) for name, _ in files)
        what = "the disk is full" if error.errno == errno.ENOSPC else (error.strerror or str(error))
        raise OutputError(
            error.errno, f"could not write {names}: {what}; the previous files are left as they were"
            + ("" if events is None else " (with --store every processed document is kept; the same command writes them)")
        ) from error
    return 0 if events is None else len(events)
