"""Extraction on several processes: documents go to the workers, mentions come back.

spaCy's own `nlp.pipe(n_process=N)` ships each parsed `Doc` (every token, vector and annotation)
back to the main process, where the first pass, the chunking and the document assembly then run
on one core; on two cores that gave 1.27x. Here each worker runs the whole extraction of a batch
of documents - first pass, pipeline, assembly - and sends back only the mentions, small plain
objects. The main process reads the files and keeps results in input order.

Workers are forked from the main process, so the loaded pipeline is shared copy-on-write and
not loaded again; where fork is not available they are spawned and receive the pipeline
pickled. At most `2 * n_process` batches are in flight, so memory does not grow with the folder.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language

from .extraction import DocumentResult, process_documents, prefilter_for
from .reading import Document

#: the pipeline of a worker process (inherited on fork, set by the initializer on spawn)
_WORKER: dict = {}


def _init_worker(nlp: Language | None, options: dict) -> None:
    if nlp is not None:
        _WORKER["nlp"] = nlp
    _WORKER["options"] = options


def _extract_batch(batch: list[Document]) -> list[tuple[list, str | None]]:
    """(mentions, error) per document of the batch; one bad document does not fail the others."""
    nlp, options = _WORKER["nlp"], _WORKER["options"]
    try:
        return [(r.mentions, r.error) for r in process_documents(nlp, batch, n_process=1, **options)]
    except Exception:  # noqa: BLE001 - isolate the document that fails, then carry on
        out = []
        for document in batch:
            try:
                result = next(process_documents(nlp, [document], n_process=1, **options))
                out.append((result.mentions, result.error))
            except Exception as error:  # noqa: BLE001
                out.append(([], f"pipeline failed: {type(error).__name__}: {error}"))
        return out


def process_documents_parallel(
    nlp: Language,
    documents: Iterable[Document],
    *,
    n_process: int,
    batch_size: int = 16,
    max_chunk_chars: int,
    two_pass: bool | None = None,
) -> Iterator[DocumentResult]:
    """`process_documents` on `n_process` worker processes (-1: one per CPU); results in input
    order."""
    if n_process < 0:
        n_process = multiprocessing.cpu_count()
    options = {"batch_size": batch_size, "max_chunk_chars": max_chunk_chars, "two_pass": two_pass}
    if two_pass is not False:
        prefilter_for(nlp)  # built once here, inherited by forked workers
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        context = multiprocessing.get_context("fork")
        _WORKER["nlp"] = nlp
        initargs = (None, options)
    else:
        context = multiprocessing.get_context("spawn")
        initargs = (nlp, options)
    # small batches keep both workers busy to the end of the run; at least a few documents each
    # so that the pipeline still batches its chunks
    per_task = max(4, min(batch_size, 16))
    iterator = iter(documents)
    pool = context.Pool(n_process, initializer=_init_worker, initargs=initargs)
    try:
        inflight: deque = deque()
        while True:
            batch = list(islice(iterator, per_task))
            if batch:
                inflight.append((batch, pool.apply_async(_extract_batch, (batch,))))
            while inflight and (len(inflight) >= 2 * n_process or not batch):
                done_batch, pending = inflight.popleft()
                for document, (mentions, error) in zip(done_batch, pending.get()):
                    yield DocumentResult(document, mentions=mentions, error=error)
            if not batch and not inflight:
                break
        pool.close()
    finally:
        pool.terminate()
        pool.join()
        _WORKER.pop("nlp", None)
