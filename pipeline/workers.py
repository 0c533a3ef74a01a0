"""Worker processes with a time budget per document: the local engine of `incidents extract`.

One document can never stall a run. The documents go, a few at a time, to worker processes
that run `process_documents`; the parent watches the clock. A task (up to `batch_size`
documents) that runs past the sum of its documents' budgets has its worker killed and
replaced; its unfinished documents are tried again one by one, and a document that overruns
its budget alone (or whose worker dies: killed for memory, crashed) is reported as failed
with the reason. Results come back in input order, as `process_documents` gives them.

The budget of a document is `time_budget` seconds per started `BUDGET_CHARS` characters
(`document_budget`): the default, 60 s per 100,000 characters, is eight times what the
pipeline took on a 2-core machine for a document at the --max-chars default (147 s for
2,000,000 characters, 7.4 s per 100,000; a short article takes well under a second of its
60 s), so only a document that something has gone wrong with reaches it.

Workers are forked from the parent where the platform allows it (they start with the
pipeline the parent has loaded; with a transformer backbone they are spawned, `_context`) and
ignore Ctrl-C, which is the parent's to handle. A worker whose parent dies (SIGKILL) leaves
when it next reads or writes its pipe.
"""

from __future__ import annotations

import math
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import wait

from .extraction import DEFAULT_CHUNK_CHARS, MODES, DocumentResult, load, process_documents
from .reading import Document

#: seconds allowed per started `BUDGET_CHARS` characters of a document (`--time-budget`)
DEFAULT_TIME_BUDGET = 60.0
BUDGET_CHARS = 100_000


def document_budget(document: Document, time_budget: float) -> float:
    """Seconds `document` may take: `time_budget` per started `BUDGET_CHARS` characters."""
    return time_budget * max(1, math.ceil(len(document.text) / BUDGET_CHARS))


def _context(mode: str):
    """Fork where the platform allows it, except for a transformer backbone: torch's OpenMP
    thread pool, started in the parent when it loaded the pipeline, is not there in a forked
    child, and the child's first forward pass waited on it for ever (every document of
    `--mode accurate` then failed on its time budget). Spawned workers load the pipeline
    themselves."""
    methods = multiprocessing.get_all_start_methods()
    fork = "fork" in methods and MODES.get(mode) != "transformer"
    return multiprocessing.get_context("fork" if fork else "spawn")


#: glibc's mallopt parameters (malloc.h)
_M_TRIM_THRESHOLD, _M_TOP_PAD = -1, -2


#: prctl option: the signal this process gets when its parent dies (linux/prctl.h).
_PR_SET_PDEATHSIG = 1


def _keep_freed_memory() -> None:
    """Let this worker's allocator keep the memory it frees (glibc; elsewhere nothing).

    By default glibc gives the top of the heap back to the system whenever more than 128 KiB of
    it is free, and the next batch's arrays fault it back in page by page: in a worker forked
    after the pipeline was loaded that was about 250,000 page faults on the news bench folder
    (0.6-0.8 s of system time, a twentieth of the run). Kept, the memory is reused; the peak
    (what the run needs anyway) is the same."""
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(_M_TRIM_THRESHOLD, 1 << 30)
        libc.mallopt(_M_TOP_PAD, 64 << 20)
    except (OSError, AttributeError):  # another C library: leave it as it is
        pass


def _die_with_parent() -> None:
    """Ask the kernel to end this worker when the process that started it dies (Linux).

    A forked worker inherits the other workers' pipe ends, so when the supervising process is
    killed outright (SIGKILL, the OOM killer) no worker sees its pipe close: they used to live on,
    asleep, for good."""
    import ctypes
    import ctypes.util
    import os
    import sys

    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(0)


def _serve(conn, mode: str, batch_size: int, max_chunk_chars: int, two_pass: bool | None = None) -> None:
    """A worker: load the pipeline, then run each task it is sent until told to stop."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _keep_freed_memory()
    try:
        nlp = load(mode)
        conn.send(("ready", None, None, None))
    except Exception as error:  # the parent reports it as a failed run
        conn.send(("broken", None, None, f"{type(error).__name__}: {error}"))
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if task is None:
            return
        documents = [document for _, document in task]
        try:
            results = process_documents(
                nlp, documents, batch_size=batch_size, max_chunk_chars=max_chunk_chars, two_pass=two_pass
            )
            for (index, _), result in zip(task, results):
                conn.send(("result", index, [m.to_dict() for m in result.mentions], result.error))
            conn.send(("done", None, None, None))
        except (BrokenPipeError, OSError):
            return
        except Exception as error:  # an exception the pipeline did not contain: split the task
            try:
                conn.send(("failed", None, None, f"{type(error).__name__}: {error}"))
            except (BrokenPipeError, OSError):
                return


@dataclass
class _Worker:
    process: object
    conn: object
    ready: bool = False
    busy: bool = False  # from sending a task until its "done"
    size: int = 0  # documents in the task as sent
    task: list[tuple[int, Document]] = field(default_factory=list)  # its unfinished documents
    deadline: float = 0.0
    budget: float = 0.0


class _Pool:
    def __init__(self, n_process: int, mode: str, batch_size: int, max_chunk_chars: int, two_pass: bool | None = None):
        self.context = _context(mode)
        self.args = (mode, batch_size, max_chunk_chars, two_pass)
        self.workers: list[_Worker] = []
        for _ in range(n_process):
            self.start()

    def start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(child, *self.args), daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def stop(self, worker: _Worker, *, kill: bool) -> None:
        self.workers.remove(worker)
        if kill:
            worker.process.kill()
        else:
            try:
                worker.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(timeout=5)
        worker.conn.close()

    def close(self) -> None:
        for worker in list(self.workers):
            self.stop(worker, kill=worker.busy)


def supervised_results(
    documents: Iterable[Document],
    *,
    mode: str = "rules",
    n_process: int = 1,
    batch_size: int = 16,
    time_budget: float = DEFAULT_TIME_BUDGET,
    max_chunk_chars: int = DEFAULT_CHUNK_CHARS,
    two_pass: bool | None = None,
) -> Iterator[DocumentResult]:
    """`process_documents` in `n_process` worker processes, each document within its budget:
    documents go to the workers, which run the whole extraction (first pass, pipeline,
    assembly) and send back only the mentions."""
    from .events import Mention

    source = iter(enumerate(documents))
    exhausted = False
    queue: deque[list[tuple[int, Document]]] = deque()
    finished: dict[int, DocumentResult] = {}
    next_index = 0
    pool = _Pool(max(1, n_process), mode, batch_size, max_chunk_chars, two_pass)

    def refill() -> None:
        nonlocal exhausted
        while not exhausted and len(queue) < len(pool.workers):
            task = []
            for index, document in source:
                task.append((index, document))
                if len(task) >= batch_size:
                    break
            else:
                exhausted = True
            if task:
                queue.append(task)
        if exhausted:
            share_the_tail()

    def share_the_tail() -> None:
        """Once every document is queued, cut the queued tasks into quarters: the last whole
        task would otherwise keep one worker busy while the others have nothing left to do."""
        piece = max(1, batch_size // 4)
        if any(len(task) > piece for task in queue):
            pieces = [task[i : i + piece] for task in queue for i in range(0, len(task), piece)]
            queue.clear()
            queue.extend(pieces)

    def fail(task: list[tuple[int, Document]], reason: str) -> None:
        for index, document in task:
            finished[index] = DocumentResult(document, error=reason)

    def give_up(worker: _Worker, reason: str) -> None:
        """The worker overran its budget or died: replace it; retry or report its documents."""
        task, size = worker.task, worker.size
        pool.stop(worker, kill=True)
        pool.start()
        if size > 1:
            queue.extendleft([item] for item in reversed(task))  # one by one, next
        else:
            fail(task, reason)

    try:
        while True:
            refill()
            for worker in pool.workers:
                if worker.ready and not worker.busy and queue:
                    worker.busy = True
                    worker.task = queue.popleft()
                    worker.size = len(worker.task)
                    worker.budget = sum(document_budget(d, time_budget) for _, d in worker.task)
                    worker.deadline = time.monotonic() + worker.budget
                    worker.conn.send(worker.task)
            busy = [w for w in pool.workers if w.busy]
            if not busy and not queue and exhausted and all(w.ready for w in pool.workers):
                break
            now = time.monotonic()
            timeout = min([w.deadline - now for w in busy] + [1.0])
            for conn in wait([w.conn for w in pool.workers], timeout=max(0.0, timeout)):
                worker = next(w for w in pool.workers if w.conn is conn)
                try:
                    kind, index, mentions, error = conn.recv()
                except (EOFError, OSError):
                    if not worker.ready:
                        raise RuntimeError("a worker process died while loading the pipeline") from None
                    code = worker.process.exitcode
                    if code is None:
                        worker.process.join(timeout=5)
                        code = worker.process.exitcode
                    how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit {code}"
                    give_up(worker, f"the worker process died while processing it ({how}; out of memory?)")
                    continue
                if kind == "ready":
                    worker.ready = True
                elif kind == "broken":
                    raise RuntimeError(f"a worker process could not load the pipeline: {error}")
                elif kind == "result":
                    document = next(d for i, d in worker.task if i == index)
                    worker.task = [(i, d) for i, d in worker.task if i != index]
                    finished[index] = DocumentResult(
                        document, mentions=[Mention.from_dict(m) for m in mentions], error=error
                    )
                elif kind == "done":
                    worker.busy, worker.task = False, []
                elif kind == "failed":
                    task, worker.task, worker.busy = worker.task, [], False
                    if len(task) > 1:
                        queue.extendleft([item] for item in reversed(task))
                    else:
                        fail(task, f"the pipeline failed on it ({error})")
            now = time.monotonic()
            for worker in [w for w in pool.workers if w.busy and w.task and now > w.deadline]:
                document = worker.task[0][1]  # the reason is used only when it is alone
                give_up(worker, (
                    f"took longer than its time budget ({worker.budget:g} s for "
                    f"{len(document.text):,} characters; raise it with --time-budget)"
                ))
            while next_index in finished:
                yield finished.pop(next_index)
                next_index += 1
        while next_index in finished:
            yield finished.pop(next_index)
            next_index += 1
    finally:
        pool.close()
