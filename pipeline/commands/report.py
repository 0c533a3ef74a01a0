"""`incidents report EVENTS --html overview.html`: the overview page of extracted events."""

from __future__ import annotations

from pathlib import Path

import typer

from ..cli import app


@app.command("report")
def report_command(
    source: Path = typer.Argument(..., help="An events JSONL file (from `incidents extract`) or a store."),
    html: Path = typer.Option(Path("overview.html"), "--html", help="The page to write (self-contained)."),
    policy: str = typer.Option("latest", "--policy", help="For a store: latest or conservative."),
    title: str = typer.Option(None, "--title", help="Page title (default: from the file name)."),
) -> None:
    """Write a self-contained page: map, monthly timeline by province, tables by group, method and
    district, and a sortable event list linking every figure to its evidence."""
    from ..overview import write_overview

    if policy not in ("latest", "conservative"):
        raise typer.BadParameter("--policy must be latest or conservative")
    try:
        count = write_overview(source, html, policy=policy, title=title)
    except (FileNotFoundError, ValueError, OSError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=2) from error
    typer.echo(f"wrote the overview of {count} events to {html}")
