"""`incidents export [EVENTS]`: write events (of a store or an events JSONL file) as JSONL, CSV,
Parquet, ACLED-shaped CSV or GeoJSON."""

from __future__ import annotations

from pathlib import Path

import typer

from ..cli import app
from ..store import DEFAULT_STORE, FORMAT_BY_SUFFIX, WRITERS, StoreError, export_events


@app.command("export")
def export_command(
    source: Path = typer.Argument(
        None, help="An events JSONL file (from `incidents extract`) or a store; default --store."
    ),
    store: Path = typer.Option(Path(DEFAULT_STORE), "--store", help="SQLite store to read (when no EVENTS file is given)."),
    output: Path = typer.Option(Path("events.jsonl"), "-o", "--output", help="File to write."),
    fmt: str = typer.Option(
        None, "--format",
        help="jsonl, csv, parquet, acled (ACLED's columns, CSV) or geojson (default: from the output's extension).",
    ),
    policy: str = typer.Option(
        "latest", "--policy", help="For a store: latest (newest report's figures) or conservative (lowest)."
    ),
) -> None:
    """Write events one per line/row/feature: from a store (merged under --policy) or an events file."""
    fmt = fmt or FORMAT_BY_SUFFIX.get(output.suffix.lower(), "jsonl")
    if fmt not in WRITERS:
        raise typer.BadParameter(f"--format must be one of {', '.join(WRITERS)}")
    if policy not in ("latest", "conservative"):
        raise typer.BadParameter("--policy must be latest or conservative")
    source = source or store
    try:
        count = export_events(source, output, fmt, policy)
    except (FileNotFoundError, ValueError, ImportError, OSError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=2) from error
    except StoreError as error:  # not this tool's store, a newer schema, locked
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=2) from error
    typer.echo(f"wrote {count} events from {source} to {output} ({fmt})")
