"""A self-contained HTML report of an `EvaluationResult`: inline CSS and SVG, no scripts or assets.

Sections: headline scores, field accuracy (table and bar chart), the method confusion matrix over
matched pairs of required gold mentions, the per-document table, and the worst misses and false
alarms (largest tolls first) with their evidence text.
"""

from __future__ import annotations

from html import escape

from .loading import ScoredMention
from .scores import PRF, EvaluationResult

_CSS = """
.ev-report { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: #1f2933; max-width: 1240px; margin: 0 auto; padding: 24px; line-height: 1.4; }
.ev-report h1 { font-size: 24px; margin: 0 0 4px; }
.ev-report h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 2px solid #e4e7eb; padding-bottom: 4px; }
.ev-report .sub { color: #616e7c; margin: 0 0 16px; }
.ev-report .cards { display: flex; gap: 16px; flex-wrap: wrap; }
.ev-report .card { flex: 1 1 220px; border: 1px solid #cbd2d9; border-radius: 8px; padding: 12px 16px;
  background: #f5f7fa; }
.ev-report .card h3 { margin: 0 0 6px; font-size: 14px; text-transform: uppercase; letter-spacing: .05em;
  color: #52606d; }
.ev-report .card .f1 { font-size: 32px; font-weight: 700; }
.ev-report .card .pr { font-size: 14px; color: #3e4c59; }
.ev-report .card .counts { font-size: 12px; color: #7b8794; margin-top: 4px; }
.ev-report table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
.ev-report th, .ev-report td { border: 1px solid #e4e7eb; padding: 4px 8px; text-align: right;
  vertical-align: top; }
.ev-report th { background: #f5f7fa; }
.ev-report td.l, .ev-report th.l { text-align: left; }
.ev-report td.nw { white-space: nowrap; }
.ev-report .row { display: flex; gap: 32px; flex-wrap: wrap; align-items: flex-start; }
.ev-report .cm td { min-width: 34px; text-align: center; }
.ev-report .cm th.rot { writing-mode: vertical-rl; transform: rotate(180deg); text-align: left;
  white-space: nowrap; font-weight: 600; }
.ev-report .cm td.diag { outline: 2px solid #2f855a; outline-offset: -2px; }
.ev-report .mentions td.ev { text-align: left; max-width: 640px; }
.ev-report .mentions td.ev q { display: block; margin: 0 0 4px; color: #3e4c59; }
.ev-report .note { font-size: 12px; color: #7b8794; }
.ev-report details summary { cursor: pointer; color: #2f5d8a; margin: 8px 0; }
"""


def _fmt(value: float | None) -> str:
    return "&ndash;" if value is None else f"{value:.3f}"


def _card(title: str, prf: PRF, labels: tuple[str, str, str]) -> str:
    return (
        f'<div class="card"><h3>{escape(title)}</h3>'
        f'<div class="f1">F1 {_fmt(prf.f1)}</div>'
        f'<div class="pr">precision {_fmt(prf.precision)} &middot; recall {_fmt(prf.recall)}</div>'
        f'<div class="counts">{prf.correct} {labels[0]} &middot; {prf.predicted} {labels[1]} '
        f"&middot; {prf.gold} {labels[2]}</div></div>"
    )


def _field_table(result: EvaluationResult) -> str:
    rows = "".join(
        f'<tr><td class="l">{escape(name)}</td><td>{_fmt(s.accuracy)}</td><td>{s.correct}</td>'
        f"<td>{s.n}</td></tr>"
        for name, s in result.fields.items()
    )
    return (
        '<table><tr><th class="l">field</th><th>accuracy</th><th>correct</th><th>n</th></tr>'
        f"{rows}</table>"
    )


def _field_chart(result: EvaluationResult) -> str:
    """Horizontal bars of field accuracy, 0 to 1, with n beside each bar."""
    label_w, bar_w, row_h, top = 110, 420, 30, 24
    height = top + row_h * len(result.fields) + 10
    width = label_w + bar_w + 120
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Field accuracy">',
        '<g font-family="sans-serif" font-size="12" fill="#3e4c59">',
    ]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        x = label_w + bar_w * tick
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 8}" stroke="#e4e7eb"/>'
            f'<text x="{x:.1f}" y="{top - 10}" text-anchor="middle" fill="#7b8794">{tick:g}</text>'
        )
    for i, (name, score) in enumerate(result.fields.items()):
        y = top + i * row_h
        acc = score.accuracy
        parts.append(f'<text x="{label_w - 8}" y="{y + 18}" text-anchor="end">{escape(name)}</text>')
        if acc is None:
            parts.append(f'<text x="{label_w + 4}" y="{y + 18}" fill="#9aa5b1">no gold values</text>')
            continue
        colour = "#2f855a" if acc >= 0.8 else "#d69e2e" if acc >= 0.5 else "#c53030"
        parts.append(
            f'<rect x="{label_w}" y="{y + 5}" width="{bar_w * acc:.1f}" height="{row_h - 10}" '
            f'rx="3" fill="{colour}"/>'
            f'<text x="{label_w + bar_w + 8}" y="{y + 18}">{acc:.2f} (n={score.n})</text>'
        )
    parts.append("</g></svg>")
    return "".join(parts)


def _confusion(result: EvaluationResult) -> str:
    matrix = result.method_confusion
    if not matrix:
        return '<p class="note">No matched pairs of required gold mentions.</p>'
    gold_labels = sorted(matrix)
    pred_labels = sorted({p for row in matrix.values() for p in row})
    labels_pred = [l for l in gold_labels if l in pred_labels] + [l for l in pred_labels if l not in gold_labels]
    biggest = max(n for row in matrix.values() for n in row.values())
    head = "".join(f'<th class="rot">{escape(p)}</th>' for p in labels_pred)
    rows = []
    for g in gold_labels:
        cells = []
        for p in labels_pred:
            n = matrix[g].get(p, 0)
            share = n / biggest if biggest else 0
            colour = f"rgba(47, 93, 138, {0.08 + 0.8 * share:.2f})" if n else "#ffffff"
            text_colour = "#ffffff" if share > 0.55 else "#1f2933"
            diag = ' class="diag"' if g == p else ""
            cells.append(
                f'<td{diag} style="background:{colour};color:{text_colour}">{n or ""}</td>'
            )
        rows.append(f'<tr><th class="l">{escape(g)}</th>{"".join(cells)}</tr>')
    return (
        '<table class="cm"><tr><th class="l">gold &darr; / predicted &rarr;</th>'
        f'{head}</tr>{"".join(rows)}</table>'
    )


def _documents(result: EvaluationResult) -> str:
    rows = []
    for doc in sorted(result.documents, key=lambda d: (-(d.to_dict()["misses"] + d.to_dict()["false_alarms"]), d.doc_id)):
        d = doc.to_dict()
        rows.append(
            f'<tr><td class="l">{escape(doc.doc_id)}</td><td>{d["required_gold"]}</td>'
            f'<td>{d["optional_gold"]}</td><td>{d["predictions"]}</td><td>{d["matched"]}</td>'
            f'<td>{d["misses"]}</td><td>{d["false_alarms"]}</td><td>{_fmt(d["precision"])}</td>'
            f'<td>{_fmt(d["recall"])}</td><td>{_fmt(d["f1"])}</td></tr>'
        )
    return (
        f'<details{" open" if len(rows) <= 40 else ""}><summary>{len(rows)} documents '
        "(most errors first)</summary><table>"
        '<tr><th class="l">doc_id</th><th>required gold</th><th>optional gold</th><th>predicted</th>'
        "<th>matched</th><th>misses</th><th>false alarms</th><th>P</th><th>R</th><th>F1</th></tr>"
        f'{"".join(rows)}</table></details>'
    )


def _mentions(mentions: list[ScoredMention], top: int, empty: str) -> str:
    if not mentions:
        return f'<p class="note">{escape(empty)}</p>'
    rows = []
    for m in mentions[:top]:
        evidence = "".join(f"<q>{escape(text)}</q>" for text in m.evidence) or "&ndash;"
        perps = ", ".join(sorted(m.perpetrators)) if m.perpetrators else "&ndash;"
        rows.append(
            f'<tr><td class="l">{escape(m.doc_id)}<br><span class="note">{escape(m.event_key)}</span></td>'
            f'<td class="l nw">{escape(m.date or "–")}</td>'
            f'<td class="l">{escape(m.district or m.province or m.country or "–")}</td>'
            f'<td class="l">{escape(m.method or "–")}</td><td class="l">{escape(perps) if m.perpetrators else perps}</td>'
            f'<td>{"&ndash;" if m.killed is None else m.killed}</td>'
            f'<td>{"&ndash;" if m.injured is None else m.injured}</td>'
            f'<td class="ev">{evidence}</td></tr>'
        )
    more = f'<p class="note">{len(mentions) - top} more not shown.</p>' if len(mentions) > top else ""
    return (
        '<table class="mentions"><tr><th class="l">document / event</th><th class="l">date</th>'
        '<th class="l">place</th><th class="l">method</th><th class="l">perpetrators</th>'
        '<th>killed</th><th>injured</th><th class="l">evidence</th></tr>'
        f'{"".join(rows)}</table>{more}'
    )


def render_fragment(result: EvaluationResult, title: str = "Incident extraction evaluation", top: int = 25) -> str:
    """The report as one `<div>` with its own `<style>` (for notebooks and for `render_html`)."""
    c = result.counts
    return (
        f'<div class="ev-report"><style>{_CSS}</style>'
        f"<h1>{escape(title)}</h1>"
        f'<p class="sub">{c["documents"]} documents &middot; {c["gold_events"]} gold events '
        f'({c["gold_mentions"]} mentions, {c["required_gold_mentions"]} required) &middot; '
        f'{c["predicted_events"]} predicted events ({c["predicted_mentions"]} mentions) &middot; '
        f'{c.get("matched_optional", 0)} predictions matched optional gold (counted neither way)</p>'
        '<div class="cards">'
        + _card("Events", result.events, ("matched", "predictions", "required gold"))
        + _card("Slots", result.slots, ("correct", "predicted slots", "gold slots"))
        + _card("Merge pairs", result.merge, ("pairs both", "pred-same", "gold-same"))
        + "</div>"
        "<h2>Field accuracy</h2>"
        '<p class="note">Matched pairs whose gold mention is required and states the field.</p>'
        f'<div class="row">{_field_table(result)}{_field_chart(result)}</div>'
        "<h2>Method confusion</h2>"
        '<p class="note">Matched pairs of required gold mentions; the diagonal is outlined.</p>'
        f"{_confusion(result)}"
        "<h2>Documents</h2>"
        f"{_documents(result)}"
        f"<h2>Misses ({len(result.misses)})</h2>"
        '<p class="note">Required gold mentions no prediction matched, largest tolls first.</p>'
        f'{_mentions(result.misses, top, "No misses.")}'
        f"<h2>False alarms ({len(result.false_alarms)})</h2>"
        '<p class="note">Predictions matched to no gold mention, largest tolls first.</p>'
        f'{_mentions(result.false_alarms, top, "No false alarms.")}'
        "</div>"
    )


def render_html(result: EvaluationResult, title: str = "Incident extraction evaluation", top: int = 25) -> str:
    """A complete, self-contained HTML page."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body>"
        f"{render_fragment(result, title=title, top=top)}</body></html>\n"
    )
