"""`incidents evaluate`: score predicted events against gold (EVENTS.md section 5)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from ..cli import app


@app.command("evaluate")
def evaluate_command(
    gold: Path = typer.Option(..., "--gold", help="Gold events, JSONL (EVENTS.md section 4)."),
    pred: Path = typer.Option(..., "--pred", help="Predicted events, JSONL (extractor output)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of tables."),
    html: Path | None = typer.Option(None, "--html", help="Also write a self-contained HTML report."),
    top: int = typer.Option(10, "--top", min=0, help="Misses and false alarms to list in the tables."),
    documents: bool = typer.Option(False, "--documents", help="Also print the per-document table."),
    errors: Path | None = typer.Option(
        None, "--errors", help="Also write every miss, false alarm and field error as JSONL (error analysis)."
    ),
) -> None:
    """Match predicted mentions to gold mentions per document and print event, field, slot and
    merge scores."""
    from ..evaluation import EvaluationInputError, evaluate, render_html

    try:
        result = evaluate(gold, pred)
    except EvaluationInputError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=1) from None
    if errors is not None:
        errors.parent.mkdir(parents=True, exist_ok=True)
        with open(errors, "w", encoding="utf-8") as handle:
            for row in result.errors():
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    if html is not None:
        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(render_html(result, title=f"Evaluation of {pred.name} against {gold.name}"),
                        encoding="utf-8")
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        return
    from ..evaluation.report_console import print_report

    print_report(result, top=top, documents=documents)
    if html is not None:
        typer.echo(f"HTML report written to {html}")
