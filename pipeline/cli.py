"""The `incidents` command line. Each command is a thin wrapper over a function of the package."""

from __future__ import annotations

import typer

app = typer.Typer(
    help="Turn news articles about militancy in Pakistan into deduplicated incident records.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def main() -> None:
    """Extract, merge, export and evaluate incident records."""


# Commands register themselves on `app` from their own modules (one concern each).
from .commands import evaluate as _evaluate  # noqa: E402,F401
from .commands import export as _export  # noqa: E402,F401
from .commands import extract as _extract  # noqa: E402,F401
from .commands import realset as _realset  # noqa: E402,F401
from .commands import report as _report  # noqa: E402,F401
from .commands import train as _train  # noqa: E402,F401

if __name__ == "__main__":  # pragma: no cover
    app()
