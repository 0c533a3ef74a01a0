"""`incidents export`: write the merged events of a store as JSONL, CSV or Parquet."""

from __future__ import annotations

from pathlib import Path

import typer

from ..cli import app
from ..store import DEFAULT_STORE, WRITERS, StoreError, export_events


@app.command("export")
def export_command(
    store: Path = typer.Option(Path(DEFAULT_STORE), "--store", help="SQLite store to read."),
    output: Path = typer.Option(Path("events.jsonl"), "-o", "--output", help="File to write."),
    fmt: str = typer.Option(
        None, "--format", help="jsonl, csv or parquet (default: from the output's extension)."
    ),
    policy: str = typer.Option(
        "latest", "--policy", help="latest (newest report's figures) or conservative (lowest)."
    ),
) -> None:
    """Merge the stored mentions into events and write one event per line/row."""
    fmt = fmt or {".csv": "csv", ".parquet": "parquet"}.get(output.suffix.lower(), "jsonl")
    if fmt not in WRITERS:
        raise typer.BadParameter(f"--format must be one of {', '.join(WRITERS)}")
    if policy not in ("latest", "conservative"):
        raise typer.BadParameter("--policy must be latest or conservative")
    try:
        count = export_events(store, output, fmt, policy)
    except (FileNotFoundError, ImportError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=1) from error
    except StoreError as error:  # not this tool's store, a newer schema, locked
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=2) from error
    typer.echo(f"wrote {count} events to {output} ({fmt}, policy {policy})")
