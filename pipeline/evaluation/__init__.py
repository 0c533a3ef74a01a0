"""Score predicted incident events against hand-labelled gold (EVENTS.md section 5).

    >>> from pipeline import evaluate
    >>> result = evaluate("corpus/gold.jsonl", "predictions.jsonl")
    >>> result.events.f1, result.fields["killed"].accuracy, result.merge.recall

`evaluate` takes paths to JSONL files or lists of event dicts; `EvaluationResult.to_dict()` is what
`incidents evaluate --json` prints and `render_html` what `--html` writes. The matching rules are in
`matching`, the scores and the readings of section 5 in `scores`.
"""

from .loading import SCORED_FIELDS, EvaluationInputError
from .scores import EvaluationResult, evaluate

__all__ = ["SCORED_FIELDS", "EvaluationInputError", "EvaluationResult", "evaluate", "render_html"]


def render_html(result: EvaluationResult, title: str = "Incident extraction evaluation") -> str:
    """A self-contained HTML report of `result` (inline CSS and SVG, no scripts)."""
    from .report_html import render_html as _render

    return _render(result, title=title)
