"""`incidents train --backbone tok2vec|transformer`: (re)build the relation stage of the accurate
modes from the project's gold corpus."""

from __future__ import annotations

from pathlib import Path

import typer

from ..cli import app
from ..resources import data_path


@app.command("train")
def train_command(
    backbone: str = typer.Option("transformer", "--backbone", help="transformer (mode accurate; needs the trf extra) or tok2vec (mode tok2vec; no torch)."),
    articles: Path = typer.Option(None, "--articles", help="Training articles (default: the bundled corpus/articles)."),
    gold: Path = typer.Option(None, "--gold", help="Their gold events, JSONL (default: corpus/gold.jsonl)."),
    output: Path = typer.Option(None, "-o", "--output", help="Where to write the trained stage (default: models/trained/<backbone>, where the modes load it from)."),
    seed: int = typer.Option(0, "--seed", help="Random seed of the train/dev split and of spaCy training."),
    max_epochs: int = typer.Option(None, "--max-epochs", min=1, help="Override the config's number of epochs."),
) -> None:
    """Train the relation stage with `spacy train` on models/relations/<backbone>.cfg.

    Never train on the data you evaluate on: the default is the project's own corpus, which
    shares no document with ../shared/seeds."""
    from ..training import BACKBONES, train_relations

    if backbone not in BACKBONES:
        raise typer.BadParameter(f"--backbone must be one of {', '.join(BACKBONES)}")
    corpus = data_path("models").parent / "corpus"
    articles = articles or corpus / "articles"
    gold = gold or corpus / "gold.jsonl"
    for path in (articles, gold):
        if not path.exists():
            typer.echo(f"error: {path} not found", err=True)
            raise typer.Exit(code=2)
    try:
        written = train_relations(backbone, articles=articles, gold_path=gold, output=output, seed=seed, max_epochs=max_epochs, log=typer.echo)
    except (RuntimeError, ValueError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=2) from None
    typer.echo(f"trained relation stage written to {written}")
