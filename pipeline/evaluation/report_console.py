"""Rich tables of an `EvaluationResult` for the terminal (`incidents evaluate`)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .loading import ScoredMention
from .scores import EvaluationResult


def fmt(value: float | None) -> str:
    """A score with three decimals, or a dash when it is undefined."""
    return "-" if value is None else f"{value:.3f}"


def _events_table(result: EvaluationResult) -> Table:
    table = Table(title="Events (mentions matched per document)", title_justify="left")
    for name in ("precision", "recall", "F1", "matched", "counted pred", "req. gold", "on optional"):
        table.add_column(name, justify="right")
    ev = result.events
    table.add_row(
        fmt(ev.precision), fmt(ev.recall), fmt(ev.f1), str(ev.correct), str(ev.predicted),
        str(ev.gold), str(result.counts.get("matched_optional", 0)),
    )
    return table


def _fields_table(result: EvaluationResult) -> Table:
    table = Table(title="Field accuracy (matched required gold, gold value stated)", title_justify="left")
    table.add_column("field")
    table.add_column("accuracy", justify="right")
    table.add_column("correct", justify="right")
    table.add_column("n", justify="right")
    for name, score in result.fields.items():
        table.add_row(name, fmt(score.accuracy), str(score.correct), str(score.n))
    return table


def _prf_table(title: str, rows: list[tuple[str, object]], counts: tuple[str, str, str]) -> Table:
    table = Table(title=title, title_justify="left")
    for name in ("precision", "recall", "F1", *counts):
        table.add_column(name, justify="right")
    for _, prf in rows:
        table.add_row(
            fmt(prf.precision), fmt(prf.recall), fmt(prf.f1),
            str(prf.correct), str(prf.predicted), str(prf.gold),
        )
    return table


def _documents_table(result: EvaluationResult) -> Table:
    table = Table(title="Per document", title_justify="left")
    for name in ("doc_id", "gold", "pred", "matched", "misses", "false alarms", "P", "R", "F1"):
        if name == "doc_id":
            table.add_column(name, overflow="fold", min_width=12)
        else:
            table.add_column(name, justify="right")
    for doc in result.documents:
        d = doc.to_dict()
        table.add_row(
            doc.doc_id, str(d["required_gold"]), str(d["predictions"]), str(d["matched"]),
            str(d["misses"]), str(d["false_alarms"]), fmt(d["precision"]), fmt(d["recall"]),
            fmt(d["f1"]),
        )
    return table


def _print_mentions(console: Console, title: str, mentions: list[ScoredMention], top: int) -> None:
    console.print(f"[bold]{title}[/bold] ({len(mentions)}; largest tolls first)")
    for m in mentions[:top]:
        killed = "-" if m.killed is None else m.killed
        console.print(
            f"  [cyan]{escape(m.doc_id)}[/cyan] {escape(m.event_key)}: {m.date or '-'}, "
            f"{escape(m.district or m.province or m.country or '-')}, {m.method or '-'}, killed {killed}",
            highlight=False,
        )
        evidence = " | ".join(m.evidence)
        if evidence:
            short = evidence[:240] + ("..." if len(evidence) > 240 else "")
            console.print(f"      [dim]{escape(short)}[/dim]", highlight=False)
    if len(mentions) > top:
        console.print(f"  ... {len(mentions) - top} more (--top N to list more)")


def print_report(
    result: EvaluationResult, console: Console | None = None, top: int = 10, documents: bool = False
) -> None:
    """Print the score tables, then the `top` largest misses and false alarms."""
    console = console or Console()
    c = result.counts
    console.print(
        f"[bold]{c['documents']} documents[/bold]: {c['gold_events']} gold events "
        f"({c['gold_mentions']} mentions, {c['required_gold_mentions']} required), "
        f"{c['predicted_events']} predicted events ({c['predicted_mentions']} mentions)"
    )
    console.print(_events_table(result))
    console.print(_fields_table(result))
    console.print(
        _prf_table("Slots (eight fields)", [("slots", result.slots)], ("correct", "predicted", "gold"))
    )
    console.print(
        _prf_table(
            "Merge (pairs of matched gold mentions)",
            [("merge", result.merge)],
            ("pairs both", "pairs pred-same", "pairs gold-same"),
        )
    )
    if documents:
        console.print(_documents_table(result))
    if top > 0:
        if result.misses:
            _print_mentions(console, "Misses", result.misses, top)
        if result.false_alarms:
            _print_mentions(console, "False alarms", result.false_alarms, top)
