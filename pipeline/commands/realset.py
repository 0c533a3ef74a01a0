"""`incidents realset ...`: build, re-obtain and check the real-news development set (corpus/real/)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..cli import app
from ..realset import REAL_DIR

realset_app = typer.Typer(
    help="The real-news development set: save excerpts, check texts and gold, split, agreement.",
    no_args_is_help=True,
)
app.add_typer(realset_app, name="realset")

MANIFEST = typer.Option(REAL_DIR / "manifest.jsonl", "--manifest", help="Manifest JSONL.")
GOLD = typer.Option(REAL_DIR / "gold.jsonl", "--gold", help="Gold events JSONL (evidence as offsets).")
TEXTS = typer.Option(REAL_DIR / "texts", "--texts", help="Git-ignored folder of saved texts.")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=code)


@realset_app.command("save")
def save_command(
    doc_id: str = typer.Argument(..., help="Document id, e.g. ra012_quetta-hospital-dawn."),
    literal: Path = typer.Option(..., "--literal", help="File holding the excerpt's JSON string literal."),
    url: str = typer.Option(None, "--url", help="The stored page's address (new documents)."),
    query: str = typer.Option(None, "--query", help="The search query that finds it (new documents)."),
    published: str = typer.Option(None, "--published", help="YYYY-MM-DD from the page (new documents)."),
    outlet: str = typer.Option(None, "--outlet", help="Publisher, e.g. Dawn, AP, BBC (new documents)."),
    manifest: Path = MANIFEST,
    texts: Path = TEXTS,
) -> None:
    """Decode an excerpt's JSON string literal and save it as <texts>/<doc_id>.txt.

    A document already in the manifest is re-obtained: the text is kept only if its hash is the
    manifest's. A new document is appended to the manifest with its hash and length."""
    from ..realset import decode_literal, manifest_problems, read_jsonl, save_text, sha256_text, write_jsonl

    try:
        text = decode_literal(literal.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        _fail(f"{literal}: {error}")
    rows = read_jsonl(manifest) if manifest.is_file() else []
    known = next((row for row in rows if row.get("doc_id") == doc_id), None)
    if known is not None:
        if sha256_text(text) != known["sha256"]:
            _fail(f"{doc_id}: this text differs from the manifest's (sha256 {sha256_text(text)[:12]}, "
                  f"expected {known['sha256'][:12]}); not saved", code=1)
        save_text(texts, doc_id, text)
        typer.echo(f"{doc_id}: re-obtained, unchanged ({len(text)} characters)")
        return
    row = {"doc_id": doc_id, "url": url, "query": query, "published": published,
           "sha256": sha256_text(text), "chars": len(text), "outlet": outlet}
    problems = manifest_problems(rows + [row])
    if problems:
        _fail("; ".join(problems))
    save_text(texts, doc_id, text)
    write_jsonl(manifest, rows + [row])
    typer.echo(f"{doc_id}: saved {len(text)} characters, sha256 {row['sha256'][:12]}")


@realset_app.command("check")
def check_command(
    manifest: Path = MANIFEST,
    gold: Path = GOLD,
    texts: Path = TEXTS,
    out: Path = typer.Option(REAL_DIR / "inputs", "--out", help="Where to lay out the split folders."),
    write: bool = typer.Option(True, "--write/--no-write", help="Write the split folders and gold."),
    as_json: bool = typer.Option(False, "--json", help="Print the statistics as JSON."),
) -> None:
    """Check the manifest, the gold and every saved text against its hash; lay out
    <out>/<split>/ (texts with sidecars) and <out>/<split>.gold.jsonl for extract and evaluate.

    Exit 0: all present and unchanged, no problems; 1: texts missing or changed, or problems."""
    from ..realset import check_texts, gold_problems, manifest_problems, read_jsonl, statistics, write_inputs

    if not manifest.is_file():
        _fail(f"manifest not found: {manifest}")
    rows = read_jsonl(manifest)
    events = read_jsonl(gold) if gold.is_file() else []
    problems = manifest_problems(rows) + gold_problems(events, rows, texts)
    texts_found = check_texts(rows, texts)
    for problem in problems:
        typer.echo(f"problem: {problem}")
    typer.echo(f"{len(texts_found.present)} of {len(rows)} texts present and unchanged")
    if texts_found.missing:
        typer.echo(f"missing ({len(texts_found.missing)}): {' '.join(texts_found.missing)}")
    if texts_found.changed:
        typer.echo(f"changed ({len(texts_found.changed)}): {' '.join(texts_found.changed)}")
    if write:
        written = write_inputs(rows, events, texts, out)
        for split, count in written.items():
            typer.echo(f"wrote {count} documents to {out / split} and {out / (split + '.gold.jsonl')}")
    stats = statistics(rows, events)
    typer.echo(json.dumps(stats, ensure_ascii=False, indent=None if as_json else 1))
    if problems or not texts_found.ok:
        raise typer.Exit(code=1)


@realset_app.command("split")
def split_command(
    manifest: Path = MANIFEST,
    gold: Path = GOLD,
    seed: int = typer.Option(0, "--seed", help="Seed of the group order."),
    force: bool = typer.Option(False, "--force", help="Replace splits already recorded."),
) -> None:
    """Record a fixed tune/holdout split in the manifest, by incident (every report of one
    incident on the same side), about two thirds tune."""
    from ..realset import assign_splits, read_jsonl, write_jsonl

    rows = read_jsonl(manifest)
    if any("split" in row for row in rows) and not force:
        _fail("the manifest already records a split; it is fixed before tuning (use --force to redo)")
    split_of = assign_splits(rows, read_jsonl(gold), seed=seed)
    write_jsonl(manifest, [{**row, "split": split_of[row["doc_id"]]} for row in rows])
    tune = sum(split == "tune" for split in split_of.values())
    typer.echo(f"split {len(rows)} documents: {tune} tune, {len(rows) - tune} holdout")


@realset_app.command("agree")
def agree_command(
    first: Path = typer.Option(..., "--first", help="Gold of the first annotator."),
    second: Path = typer.Option(..., "--second", help="Gold of the second annotator."),
) -> None:
    """Agreement of two annotators' labels of the same documents: incidents found by both or one
    only, and agreement on the fields of shared incidents (the evaluation's matching)."""
    from ..evaluation import evaluate

    result = evaluate(first, second)
    both = result.events.correct
    typer.echo(f"incidents found by both: {both}; first only: {result.events.gold - both}; "
               f"second only: {result.events.predicted - both}")
    for name, score in result.fields.items():
        typer.echo(f"{name:13} agree on {score.correct} of {score.n}")
    for miss in result.misses:
        typer.echo(f"first only:  {miss.doc_id} {miss.event_key} {miss.district} {miss.date} killed={miss.killed}")
    for extra in result.false_alarms:
        typer.echo(f"second only: {extra.doc_id} {extra.event_key} {extra.district} {extra.date} killed={extra.killed}")


@realset_app.command("locate")
def locate_command(
    doc_id: str = typer.Argument(..., help="Document id."),
    quote: str = typer.Argument(..., help="A passage copied from the saved text."),
    texts: Path = TEXTS,
) -> None:
    """Print the [start, end] offsets of a passage in a saved text (for gold evidence)."""
    from ..realset import read_text

    path = texts / f"{doc_id}.txt"
    if not path.is_file():
        _fail(f"no saved text {path}")
    text = read_text(path)
    start = text.find(quote)
    if start < 0:
        _fail(f"passage not found in {path}", code=1)
    if text.find(quote, start + 1) >= 0:
        typer.echo("note: the passage occurs more than once; the first is given", err=True)
    typer.echo(json.dumps([start, start + len(quote)]))


@realset_app.command("assemble")
def assemble_command(
    root: Path = typer.Option(REAL_DIR, "--root", help="The set's folder (manifests/ and annotations/final/)."),
) -> None:
    """Write <root>/manifest.jsonl and <root>/gold.jsonl from the slices: manifests/<slice>.jsonl
    and the reconciled annotations/final/<slice>.jsonl; annotations/same_incidents.json lists
    incidents two slices labelled under different ids. Splits already recorded are kept."""
    from ..realset import assemble, read_jsonl, write_jsonl

    slices = sorted(path.stem for path in (root / "manifests").glob("*.jsonl"))
    missing = [name for name in slices if not (root / "annotations" / "final" / f"{name}.jsonl").is_file()]
    if missing:
        _fail(f"no reconciled gold for slice(s) {', '.join(missing)} in {root / 'annotations' / 'final'}")
    parts = [
        (read_jsonl(root / "manifests" / f"{name}.jsonl"), read_jsonl(root / "annotations" / "final" / f"{name}.jsonl"))
        for name in slices
    ]
    same_file = root / "annotations" / "same_incidents.json"
    same = json.loads(same_file.read_text(encoding="utf-8"))["same"] if same_file.is_file() else []
    try:
        manifest, gold = assemble(parts, same)
    except ValueError as error:
        _fail(str(error))
    old = root / "manifest.jsonl"
    splits = {row["doc_id"]: row["split"] for row in read_jsonl(old) if "split" in row} if old.is_file() else {}
    manifest = [{**row, "split": splits[row["doc_id"]]} if row["doc_id"] in splits else row for row in manifest]
    write_jsonl(root / "manifest.jsonl", manifest)
    write_jsonl(root / "gold.jsonl", gold)
    typer.echo(f"assembled {len(manifest)} documents and {len(gold)} incidents from slices {', '.join(slices)}")


@realset_app.command("errors")
def errors_command(
    causes: Path = typer.Option(REAL_DIR / "errors" / "baseline_tune.jsonl", "--causes", help="Errors annotated with their cause."),
    current: Path = typer.Option(None, "--current", help="Errors of a later run (incidents evaluate --errors): count what remains."),
) -> None:
    """Print the table of errors per cause and field (Markdown)."""
    from ..realset import error_table, read_jsonl

    typer.echo(error_table(read_jsonl(causes), read_jsonl(current) if current else None))
