"""The `incidents` command line. Each command is a thin wrapper over a function of the package."""

from __future__ import annotations

import os

# One OpenBLAS thread per process, unless the user chose otherwise; set before numpy loads it.
# spaCy's models do their matrix products in BLIS, single-threaded; OpenBLAS (numpy's) serves
# only small products, where a second thread buys nothing and its busy-waiting takes a core:
# with it, en_core_web_sm's NER and parser used 20% more CPU on the news bench folder, and
# ran slower whenever the other core was busy (another job, or the second worker of
# --n-process 2). The numbers are the same either way.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import typer  # noqa: E402

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
