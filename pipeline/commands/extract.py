"""`incidents extract PATH -o events.jsonl`: the main batch job."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..cli import app
from ..reading.inputs import DEFAULT_MAX_CHARS
from ..runner import ENGINES, EXIT_INTERRUPTED, EXIT_RUN_FAILED, count_documents, run_extraction
from ..store import DEFAULT_LOCK_TIMEOUT
from ..workers import DEFAULT_TIME_BUDGET


@app.command("extract")
def extract_command(
    path: Path = typer.Argument(..., help="A folder (read recursively) or a single file."),
    output: Path = typer.Option(Path("events.jsonl"), "-o", "--output", help="Events JSONL to write."),
    store: Path = typer.Option(None, "--store", help="SQLite store: process only new documents and merge with what is stored."),
    errors: Path = typer.Option(None, "--errors", help="Where to list unreadable/failed inputs (default: errors.jsonl beside the output)."),
    n_process: int = typer.Option(1, "--n-process", min=1, help="Worker processes (each runs the whole extraction of its documents)."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Document chunks per batch."),
    policy: str = typer.Option("latest", "--policy", help="Merged figures: latest (newest report) or conservative (lowest)."),
    no_merge: bool = typer.Option(False, "--no-merge", help="One event per document mention (no cross-document merging)."),
    mode: str = typer.Option("rules", "--mode", help="rules (default); tok2vec or accurate (transformer): the rules plus the trained relation stage (build it with `incidents train`)."),
    quiet: bool = typer.Option(False, "--quiet", help="No progress bar."),
    one_pass: bool = typer.Option(False, "--one-pass", help="Parse every text in full (no first pass selecting the windows that can hold an incident)."),
    engine: str = typer.Option("local", "--engine", help="Where spaCy runs: local (this machine) or dask (Dask distributed; see docs/dask.md)."),
    scheduler: str = typer.Option(None, "--scheduler", help="With --engine dask: scheduler address (tcp://host:8786); default a local cluster of --n-process workers."),
    lock_timeout: float = typer.Option(DEFAULT_LOCK_TIMEOUT, "--lock-timeout", min=0, help="Seconds to wait for a --store locked by another writer before failing."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", min=0, help="Refuse (list in the errors file) documents longer than this many characters; 0: no limit."),
    time_budget: float = typer.Option(DEFAULT_TIME_BUDGET, "--time-budget", min=0, help="Seconds a document may take per started 100,000 characters before it is stopped and reported (local engine); 0: no budget, spaCy runs in this process."),
) -> None:
    """Extract incident events from a folder of articles and write them as JSONL."""
    console = Console(stderr=True)
    if policy not in ("latest", "conservative"):
        raise typer.BadParameter("--policy must be latest or conservative")
    if engine not in ENGINES:
        raise typer.BadParameter(f"--engine must be one of {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise typer.BadParameter("--scheduler needs --engine dask")
    if not path.exists():
        # before any progress bar is drawn: a missing input is the whole answer
        console.print(f"[red]error:[/red] no such file or folder: {path}")
        raise typer.Exit(code=EXIT_RUN_FAILED)
    total = count_documents(path)
    progress = Progress(
        TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.fields[current]}"), console=console, disable=quiet,
    )
    try:
        with progress:
            task = progress.add_task("extract", total=total, current="")
            summary = run_extraction(
                path, output, store_path=store, errors_path=errors, n_process=n_process,
                batch_size=batch_size, merge=not no_merge, policy=policy, mode=mode,
                engine=engine, scheduler=scheduler, lock_timeout=lock_timeout,
                max_chars=max_chars or None, time_budget=time_budget,
                two_pass=False if one_pass else None,
                on_document=lambda p: progress.update(task, advance=1, current=Path(p).name[:40]),
            )
    except (FileNotFoundError, ValueError, OSError, RuntimeError) as error:
        console.print(f"[red]error:[/red] {error}", soft_wrap=True, markup=True, highlight=False)
        raise typer.Exit(code=EXIT_RUN_FAILED) from error
    except KeyboardInterrupt as interrupt:
        # Ctrl-C outside the document loop (loading the pipeline, writing the events file):
        # the store holds only whole documents, and the events file is written atomically
        console.print("[yellow]interrupted[/yellow]: no events file written" + (
            "; processed documents are kept in the store, run the same command to resume" if store else ""))
        raise typer.Exit(code=EXIT_INTERRUPTED) from interrupt
    errors_file = errors or output.with_name("errors.jsonl")
    console.print(
        f"documents read: {summary.documents_read}  processed: {summary.documents_processed}  "
        f"already in store: {summary.documents_already_stored}  failed: {len(summary.failed)}  "
        f"skipped duplicates: {len(summary.skipped)}  metadata warnings: {len(summary.warnings)}"
    )
    if summary.interrupted:
        console.print("[yellow]interrupted[/yellow]: no events file written" + (
            "; processed documents are kept in the store, run the same command to resume" if store else ""))
    else:
        console.print(f"events written: {summary.events_written} -> {output}")
    for problem in summary.failed[:20]:
        console.print(f"  [red]failed[/red] {problem['path']}: {problem['reason']} ({problem['stage']})")
    if len(summary.failed) > 20:
        console.print(f"  ... and {len(summary.failed) - 20} more")
    if summary.problems:
        console.print(f"every problem is listed in {errors_file}")
    raise typer.Exit(code=summary.exit_code)
