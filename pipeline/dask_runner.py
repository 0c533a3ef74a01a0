"""Extraction on Dask distributed: documents go to workers in small batches, mentions come back.

    from pipeline.dask_runner import extract_with_dask

    events = extract_with_dask("corpus/", n_workers=2)                    # a LocalCluster
    events = extract_with_dask("corpus/", scheduler="tcp://10.0.0.5:8786")  # a running cluster

or ``incidents extract PATH --engine dask [--scheduler ADDRESS]``. See docs/dask.md for a real
cluster.

How it runs
-----------
- The driver reads the inputs (`iter_inputs`) lazily and sends batches of `docs_per_task`
  documents with `client.submit`; at most `max_in_flight` batches are out at a time, so the
  driver never holds the corpus.
- Each worker process loads the pipeline once: `pipeline.extraction.load` is an `lru_cache`, so
  every later batch on that worker reuses it. Workers need the package installed (same version).
- Results come back as they complete (`as_completed`) and are handed on in input order (a small
  reorder buffer), so a run gives exactly the events of a single-process run.
- Mentions go to the store (or a list) in the driver; cross-document merging
  (`merge_mentions`) runs once, in the driver, after all documents are extracted.

A batch whose task fails (an exception in the pipeline, a worker lost more often than the
scheduler allows) turns into one failed result per document; the run goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from .extraction import DocumentResult
from .reading import Document

#: documents per Dask task: large enough to amortise the task overhead (a few ms), small enough
#: to spread a few hundred documents over the workers
DEFAULT_DOCS_PER_TASK = 8


def _require_distributed():
    try:
        import distributed
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError(
            "the dask engine needs dask[distributed]: pip install 'pak-militancy-incidents[dask]'"
        ) from error
    return distributed


@contextmanager
def dask_client(
    scheduler: str | None = None,
    *,
    n_workers: int = 2,
    processes: bool = True,
    client: Any = None,
) -> Iterator[Any]:
    """A `distributed.Client`: `client` itself when given, one connected to `scheduler` (an
    address such as ``tcp://host:8786``), else one on a new LocalCluster of `n_workers`
    single-threaded workers (processes, or threads with ``processes=False``), closed on exit."""
    if client is not None:
        yield client
        return
    distributed = _require_distributed()
    if scheduler:
        with distributed.Client(scheduler) as connected:
            yield connected
        return
    with distributed.LocalCluster(
        n_workers=n_workers,
        threads_per_worker=1,  # one pipeline per worker; spaCy gains nothing from threads here
        processes=processes,
        dashboard_address=None,
    ) as cluster, distributed.Client(cluster) as local:
        yield local


def _process_batch(documents: list[Document], mode: str, batch_size: int) -> list[tuple[list, str | None]]:
    """Runs on a worker: (mentions, error) for each document of the batch, in order."""
    from .extraction import load, process_documents

    nlp = load(mode)  # cached per worker process
    return [(result.mentions, result.error) for result in process_documents(nlp, documents, batch_size=batch_size)]


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def dask_results(
    documents: Iterable[Document],
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    processes: bool = True,
    client: Any = None,
    mode: str = "rules",
    batch_size: int = 16,
    docs_per_task: int = DEFAULT_DOCS_PER_TASK,
    max_in_flight: int | None = None,
) -> Iterator[DocumentResult]:
    """Run the pipeline over `documents` on Dask; one `DocumentResult` per document, in input
    order (the contract of `pipeline.extraction.process_documents`)."""
    from .extraction import MODES

    if mode not in MODES:  # fail here, not once per batch on the workers
        raise ValueError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
    distributed = _require_distributed()
    with dask_client(scheduler, n_workers=n_workers, processes=processes, client=client) as dask:
        workers = max(1, len(dask.scheduler_info().get("workers", {})))
        window = max_in_flight or 3 * workers
        batches = _batches(documents, docs_per_task)
        pending = distributed.as_completed()
        sent: dict[str, tuple[int, list[Document]]] = {}
        finished: dict[int, list[DocumentResult]] = {}
        submitted = emitted = 0

        def top_up() -> None:
            nonlocal submitted
            # counting finished-but-unemitted batches keeps the reorder buffer bounded too
            while submitted - emitted < window:
                batch = next(batches, None)
                if batch is None:
                    return
                future = dask.submit(_process_batch, batch, mode, batch_size, pure=False)
                sent[future.key] = (submitted, batch)
                pending.add(future)
                submitted += 1

        top_up()
        for future in pending:
            index, batch = sent.pop(future.key)
            finished[index] = _batch_results(future, batch)
            future.release()
            while emitted in finished:
                yield from finished.pop(emitted)
                emitted += 1
            top_up()


def _batch_results(future: Any, batch: list[Document]) -> list[DocumentResult]:
    if future.status != "finished":
        error = future.exception()
        reason = f"dask task failed: {type(error).__name__}: {error}"
        return [DocumentResult(document, error=reason) for document in batch]
    return [
        DocumentResult(document, mentions=mentions, error=error)
        for document, (mentions, error) in zip(batch, future.result())
    ]


def extract_with_dask(
    path: str | os.PathLike,
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    store_path: str | os.PathLike | None = None,
    merge: bool = True,
    policy: str = "latest",
    mode: str = "rules",
    batch_size: int = 16,
    docs_per_task: int = DEFAULT_DOCS_PER_TASK,
    processes: bool = True,
    client: Any = None,
) -> list[dict]:
    """Events (dicts, as written to events JSONL) of every document under `path`, extracted on
    Dask. With `store_path` only new documents are processed and the events are merged over the
    whole store, as `incidents extract --store` does. Unreadable inputs and failed documents are
    skipped (and recorded in the store when there is one); `incidents extract --engine dask`
    also lists them in its errors file."""
    from .runner import RunSummary, _documents, collect_results, final_events
    from .store import Store

    if not os.path.exists(path):
        raise FileNotFoundError(f"no such file or folder: {path}")
    summary = RunSummary()
    store = Store(store_path) if store_path else None
    kept: list[dict] = []
    try:
        results = dask_results(
            _documents(path, summary, store, None), scheduler=scheduler, n_workers=n_workers,
            processes=processes, client=client, mode=mode, batch_size=batch_size,
            docs_per_task=docs_per_task,
        )
        collect_results(results, summary, store, kept)
        return final_events(store, kept, merge=merge, policy=policy)
    finally:
        if store is not None:
            store.close()
