"""`incidents report events.jsonl --html overview.html`: a self-contained overview page.

Everything is inline (CSS, SVG and a small sorting script); nothing is fetched, so the page opens
offline and can be mailed as one file. Sections:

- the map: Pakistan and its neighbours (country outlines of Natural Earth 1:110m, shipped as
  patterns/basemap_countries.geojson), every district seat of the gazetteer as a small dot in its
  province's tint, and the events as circles at their coordinates, the area proportional to the
  killed, coloured by method; each circle links to the event's evidence;
- the timeline: events and fatalities (killed + attackers killed) per month, stacked by province
  (by country outside Pakistan); events dated only to a year are counted beside it;
- tables by group, method and district;
- the event list (click a column heading to sort), whose figures link to the evidence: for each
  event, every report with the figures it gave and the sentences they were read from.
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from .gazetteer import load_gazetteer
from .geo import with_coordinates
from .resources import data_path

#: map window (degrees): Pakistan with the edges of Afghanistan, Iran and India
LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = 60.3, 78.1, 23.3, 37.4
MAP_WIDTH = 760

METHOD_COLOURS = {
    "suicide_bombing": "#c0392b",
    "bombing": "#e67e22",
    "grenade": "#f1c40f",
    "armed_assault": "#8e44ad",
    "targeted_killing": "#d35400",
    "hostage_taking": "#16a085",
    "hijacking": "#1abc9c",
    "kidnapping": "#2ecc71",
    "airstrike": "#2c3e50",
    "shelling": "#7f8c8d",
    "armed_clash": "#2980b9",
    "unknown": "#95a5a6",
}
REGION_COLOURS = {
    "Khyber Pakhtunkhwa": "#4c78a8",
    "Balochistan": "#f58518",
    "Punjab": "#54a24b",
    "Sindh": "#e45756",
    "Islamabad Capital Territory": "#b279a2",
    "Gilgit-Baltistan": "#72b7b2",
    "Azad Kashmir": "#9d755d",
    "Afghanistan": "#bab0ac",
    "Iran": "#eeca3b",
    "India": "#ff9da6",
    "unknown": "#d0d0d0",
}

_CSS = """
body { margin: 0; background: #fff; }
.ov { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f2933;
  max-width: 1280px; margin: 0 auto; padding: 20px 24px; line-height: 1.4; }
.ov h1 { font-size: 24px; margin: 0 0 4px; }
.ov h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid #e4e7eb; padding-bottom: 4px; }
.ov .sub { color: #616e7c; margin: 0 0 12px; }
.ov .cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0 4px; }
.ov .card { border: 1px solid #cbd2d9; border-radius: 8px; padding: 8px 14px; background: #f5f7fa; min-width: 120px; }
.ov .card b { display: block; font-size: 24px; }
.ov .card span { font-size: 12px; color: #52606d; text-transform: uppercase; letter-spacing: .04em; }
.ov .row { display: flex; gap: 24px; flex-wrap: wrap; align-items: flex-start; }
.ov .legend { font-size: 12px; flex: 1 1 220px; max-width: 420px; }
.ov .legend div { margin: 2px 0; white-space: nowrap; }
.ov .sw { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 6px;
  vertical-align: -1px; border: 1px solid #333; }
.ov .sq { border-radius: 2px; border-color: #999; }
.ov table { border-collapse: collapse; font-size: 13px; margin: 6px 0; }
.ov th, .ov td { border: 1px solid #e4e7eb; padding: 3px 7px; text-align: right; vertical-align: top; }
.ov th { background: #f5f7fa; }
.ov td.l, .ov th.l { text-align: left; }
.ov td.nw { white-space: nowrap; }
.ov table.sortable th { cursor: pointer; user-select: none; }
.ov table.sortable th:after { content: " \\2195"; color: #9aa5b1; font-size: 11px; }
.ov .tables { display: flex; gap: 24px; flex-wrap: wrap; align-items: flex-start; }
.ov .evidence { border-top: 1px solid #e4e7eb; padding: 6px 0 10px; }
.ov .evidence:target { background: #fff8e1; }
.ov .evidence h3 { font-size: 14px; margin: 4px 0; }
.ov .evidence .m { margin: 4px 0 4px 14px; font-size: 13px; }
.ov .evidence q { display: block; color: #3e4c59; margin: 2px 0 2px 14px; }
.ov .note { font-size: 12px; color: #7b8794; }
.ov a { color: #2f5d8a; }
"""

_SORT_SCRIPT = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th, col) {
    th.addEventListener("click", function () {
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var asc = th.getAttribute("data-dir") !== "asc";
      table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("data-dir"); });
      th.setAttribute("data-dir", asc ? "asc" : "desc");
      function key(row) {
        var cell = row.cells[col], v = cell.getAttribute("data-v");
        if (v === null) { v = cell.textContent.trim(); }
        var n = parseFloat(v);
        return v !== "" && !isNaN(n) && isFinite(v) ? n : v.toLowerCase();
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        if (x === y) { return 0; }
        if (x === "") { return 1; }
        if (y === "") { return -1; }
        return (x < y ? -1 : 1) * (asc ? 1 : -1);
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
"""


# --------------------------------------------------------------------------- helpers


def _region(event: dict[str, Any]) -> str:
    """The province in Pakistan, the country outside it, "unknown" when neither is known."""
    if event.get("country") in (None, "Pakistan"):
        return event.get("province") or "unknown"
    return event["country"]


def _fatalities(event: dict[str, Any]) -> int:
    return (event.get("killed") or 0) + (event.get("perpetrators_killed") or 0)


def _groups(event: dict[str, Any]) -> list[str]:
    return [p["group"] for p in event.get("perpetrators") or [] if p.get("group")]


@lru_cache(maxsize=1)
def _basemap() -> dict[str, Any]:
    with open(data_path("patterns") / "basemap_countries.geojson", encoding="utf-8") as handle:
        return json.load(handle)


def _project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular, scaled for the latitude of the window's middle (shapes look right)."""
    kx = MAP_WIDTH / (LON_MAX - LON_MIN)
    ky = kx / math.cos(math.radians((LAT_MIN + LAT_MAX) / 2))
    return (lon - LON_MIN) * kx, (LAT_MAX - lat) * ky


def _map_height() -> float:
    return _project(LON_MIN, LAT_MIN)[1]


#: where the province names are written (lon, lat, text-anchor, label): beside the clusters of
#: events around Peshawar and Islamabad rather than on them
_PROVINCE_LABELS = {
    "Khyber Pakhtunkhwa": (71.0, 36.1, "middle", "Khyber Pakhtunkhwa"),
    "Islamabad Capital Territory": (73.5, 33.55, "start", "ICT"),
    "Azad Kashmir": (74.2, 34.45, "start", "Azad Kashmir"),
    "Gilgit-Baltistan": (75.0, 36.4, "middle", "Gilgit-Baltistan"),
    "Punjab": (72.4, 30.6, "middle", "Punjab"),
    "Balochistan": (65.6, 27.9, "middle", "Balochistan"),
    "Sindh": (68.7, 26.0, "middle", "Sindh"),
}


def _radius(killed: int | None) -> float:
    return 3.0 + 2.2 * math.sqrt(max(killed or 0, 0))


def _rings(geometry: dict[str, Any]) -> Iterable[list[list[float]]]:
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


# --------------------------------------------------------------------------- sections


def _map_svg(events: list[dict[str, Any]]) -> str:
    width, height = MAP_WIDTH, _map_height()
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height:.0f}" '
        f'viewBox="0 0 {width} {height:.0f}" role="img" aria-label="Map of events" '
        'style="border:1px solid #cbd2d9;background:#dbe9f4">'
    ]
    labels = []
    for feature in _basemap()["features"]:
        name = feature["properties"]["name"]
        home = name == "Pakistan"
        path = " ".join(
            "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in (_project(lon, lat) for lon, lat in ring)) + " Z"
            for ring in _rings(feature["geometry"])
        )
        fill = "#fdfcf7" if home else "#eceae4"
        out.append(f'<path d="{path}" fill="{fill}" stroke="#8a8a8a" stroke-width="{1.4 if home else 0.8}"><title>{escape(name)}</title></path>')
    places = load_gazetteer()
    for place in places.values():
        if place.kind == "district" and place.lat is not None:
            x, y = _project(place.lon, place.lat)
            colour = REGION_COLOURS.get(place.province or "", "#999")
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2" fill="{colour}" fill-opacity="0.55"><title>{escape(place.name)} (district seat, {escape(place.province or "")})</title></circle>')
    for name, anchor in (("Afghanistan", (65.5, 34.6)), ("Iran", (60.9, 29.2)), ("India", (74.8, 26.0)),
                         ("Arabian Sea", (63.2, 23.9)), ("Tajikistan", (70.2, 37.1)), ("China", (76.4, 36.6))):
        x, y = _project(*anchor)
        labels.append(f'<text x="{x:.0f}" y="{y:.0f}" font-size="13" fill="#7b8794" font-style="italic">{escape(name)}</text>')
    for place in places.values():
        if place.kind == "province" and place.lat is not None:
            lon, lat, anchor, short = _PROVINCE_LABELS.get(place.name, (place.lon, place.lat, "middle", place.name))
            x, y = _project(lon, lat)
            labels.append(f'<text x="{x:.0f}" y="{y:.0f}" font-size="12" font-weight="600" fill="{REGION_COLOURS.get(place.name, "#555")}" '
                          f'text-anchor="{anchor}" stroke="#fff" stroke-width="3" paint-order="stroke">{escape(short)}</text>')
    located = [e for e in events if e.get("latitude") is not None and e.get("longitude") is not None]
    for event in sorted(located, key=lambda e: -(e.get("killed") or 0)):
        x, y = _project(event["longitude"], event["latitude"])
        colour = METHOD_COLOURS.get(event.get("method") or "unknown", "#95a5a6")
        tip = f"{event.get('date') or 'undated'} {event.get('method')} {event.get('place') or event.get('district') or event.get('province') or ''}: killed {event.get('killed') if event.get('killed') is not None else '?'}"
        out.append(
            f'<a href="#{escape(event["event_id"])}"><circle class="ev" cx="{x:.1f}" cy="{y:.1f}" r="{_radius(event.get("killed")):.1f}" '
            f'fill="{colour}" fill-opacity="0.72" stroke="#222" stroke-width="0.8"><title>{escape(tip)}</title></circle></a>'
        )
    out.extend(labels)  # on top of the events, with a white halo, so that they stay readable
    out.append("</svg>")
    return "".join(out)


def _map_legend(events: list[dict[str, Any]]) -> str:
    used = Counter(e.get("method") or "unknown" for e in events)
    rows = [f'<div><span class="sw" style="background:{METHOD_COLOURS.get(m, "#95a5a6")}"></span>{escape(m)} ({n})</div>'
            for m, n in sorted(used.items(), key=lambda mn: -mn[1])]
    sizes = []
    for killed in (1, 10, 50):
        r = _radius(killed)
        sizes.append(
            f'<svg width="{2 * r + 4:.0f}" height="{2 * r + 4:.0f}" style="vertical-align:middle">'
            f'<circle cx="{r + 2:.1f}" cy="{r + 2:.1f}" r="{r:.1f}" fill="#ccc" stroke="#222" stroke-width="0.8"/></svg> {killed} killed'
        )
    unlocated = sum(1 for e in events if e.get("latitude") is None)
    regions = "".join(f'<div><span class="sw sq" style="background:{c};opacity:.6"></span>{escape(n)}</div>'
                      for n, c in REGION_COLOURS.items() if n not in {"Afghanistan", "Iran", "India", "unknown"})
    return (
        '<div class="legend"><b>method</b>' + "".join(rows)
        + '<p><b>circle area: killed</b><br>' + "<br>".join(sizes) + "</p>"
        + "<p><b>district seats</b> (small dots) by province" + regions + "</p>"
        + f'<p class="note">{unlocated} event(s) without a known place are not drawn.<br>'
        "Country outlines: Natural Earth 1:110m (public domain); district seats: the project's gazetteer.</p></div>"
    )


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return months


def _stacked_bars(months: list[str], values: dict[str, Counter], regions: list[str], title: str) -> str:
    left, right, top, bottom, height = 46, 12, 22, 34, 190
    width = 1000
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(values[m].values()) for m in months]
    peak = max(totals) if totals and max(totals) > 0 else 1
    step = 10 ** max(0, len(str(peak)) - 1)
    nice = math.ceil(peak / step) * step
    bar_w = plot_w / max(len(months), 1)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
           f'<text x="{left}" y="14" font-size="13" font-weight="600">{escape(title)}</text>']
    for tick in (0, nice / 2, nice):
        y = top + plot_h - plot_h * tick / nice
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e4e7eb"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" fill="#52606d">{tick:g}</text>')
    for i, month in enumerate(months):
        x = left + i * bar_w
        y = top + plot_h
        for region in regions:
            value = values[month].get(region, 0)
            if not value:
                continue
            h = plot_h * value / nice
            y -= h
            out.append(f'<rect x="{x + 0.5:.1f}" y="{y:.1f}" width="{max(bar_w - 1, 1):.1f}" height="{h:.1f}" fill="{REGION_COLOURS.get(region, "#d0d0d0")}">'
                       f"<title>{escape(month)} {escape(region)}: {value}</title></rect>")
    label_every = max(1, math.ceil(len(months) / 16))
    for i, month in enumerate(months):
        if (len(months) > 24 and month.endswith("-01")) or (len(months) <= 24 and i % label_every == 0):
            x = left + i * bar_w
            out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top + plot_h}" y2="{top + plot_h + 4}" stroke="#52606d"/>'
                       f'<text x="{x + 1:.1f}" y="{top + plot_h + 16}" font-size="11" fill="#52606d">{escape(month[:4] if len(months) > 24 else month)}</text>')
    out.append(f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="#52606d"/></svg>')
    return "".join(out)


#: the timeline leaves out the earliest events when fewer than this share of the dated ones lie
#: before the rest (old events told as background would stretch it over empty years)
TIMELINE_TAIL = 0.05


def _timeline_start(months: list[str]) -> str:
    """The first month of the timeline: the earliest one with fewer than TIMELINE_TAIL of the
    events before it (never dropping more than that share)."""
    ordered = sorted(months)
    drop = int(len(ordered) * TIMELINE_TAIL)
    return ordered[drop]


def _timeline(events: list[dict[str, Any]]) -> str:
    dated = [e for e in events if e.get("date") and len(e["date"]) >= 7]
    if not dated:
        return '<p class="note">No event is dated to a month or a day.</p>'
    start = _timeline_start([e["date"][:7] for e in dated])
    monthly = [e for e in dated if e["date"][:7] >= start]
    earlier = len(dated) - len(monthly)
    months = _months(start, max(e["date"][:7] for e in monthly))
    counts: dict[str, Counter] = defaultdict(Counter)
    deaths: dict[str, Counter] = defaultdict(Counter)
    for event in monthly:
        counts[event["date"][:7]][_region(event)] += 1
        deaths[event["date"][:7]][_region(event)] += _fatalities(event)
    present = {_region(e) for e in monthly}
    regions = [r for r in REGION_COLOURS if r in present] + sorted(present - set(REGION_COLOURS))
    legend = "".join(f'<span style="margin-right:14px;white-space:nowrap"><span class="sw sq" style="background:{REGION_COLOURS.get(r, "#d0d0d0")}"></span>{escape(r)}</span>' for r in regions)
    vague = len(events) - len(dated)
    left_out = (f"; {earlier} earlier event(s), from {min(e['date'][:7] for e in dated)}, are left out of the timeline"
                if earlier else "")
    return (
        f'<div class="note" style="margin:4px 0;color:#1f2933">{legend}</div>'
        + _stacked_bars(months, counts, regions, "Events per month")
        + _stacked_bars(months, deaths, regions, "Fatalities per month (killed + attackers killed)")
        + f'<p class="note">{len(monthly)} events dated to a month or a day, {months[0]} to {months[-1]}; '
        f"{vague} dated only to a year or undated are in the tables and the list, not here{left_out}.</p>"
    )


def _summary_table(title: str, rows: dict[str, list[dict[str, Any]]], extra: dict[str, str] | None = None, limit: int = 25) -> str:
    ordered = sorted(rows.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    head = f'<table class="sortable"><thead><tr><th class="l">{escape(title)}</th>' + (
        '<th class="l">province / country</th>' if extra is not None else "") + "<th>events</th><th>killed</th><th>injured</th><th>attackers killed</th></tr></thead><tbody>"
    body = []
    for key, group in ordered[:limit]:
        body.append(
            f'<tr><td class="l">{escape(key)}</td>'
            + (f'<td class="l">{escape(extra.get(key, ""))}</td>' if extra is not None else "")
            + f"<td>{len(group)}</td><td>{sum(e.get('killed') or 0 for e in group)}</td>"
            f"<td>{sum(e.get('injured') or 0 for e in group)}</td><td>{sum(e.get('perpetrators_killed') or 0 for e in group)}</td></tr>"
        )
    more = f'<p class="note">and {len(ordered) - limit} more</p>' if len(ordered) > limit else ""
    return f"<div><h3>by {escape(title)}</h3>{head}{''.join(body)}</tbody></table>{more}</div>"


def _tables(events: list[dict[str, Any]]) -> str:
    by_group: dict[str, list] = defaultdict(list)
    by_method: dict[str, list] = defaultdict(list)
    by_district: dict[str, list] = defaultdict(list)
    district_regions: dict[str, Counter] = defaultdict(Counter)
    for event in events:
        for group in _groups(event) or ["(no group named)"]:
            by_group[group].append(event)
        by_method[event.get("method") or "unknown"].append(event)
        district = event.get("district") or "(no district)"
        by_district[district].append(event)
        district_regions[district][_region(event)] += 1
    return ('<div class="tables">' + _summary_table("group", by_group) + _summary_table("method", by_method)
            + _summary_table("district", by_district, {d: ", ".join(r for r, _ in c.most_common()) for d, c in district_regions.items()}, limit=60)
            + "</div>"
            '<p class="note">An event with several groups counts once for each. Killed are victims; '
            "attackers killed are counted apart, as the event contract says.</p>")


def _num(value: int | None) -> str:
    return "" if value is None else str(value)


def _event_list(events: list[dict[str, Any]]) -> str:
    head = ("<table class=\"sortable\" id=\"events\"><thead><tr><th>date</th><th class=\"l\">province / country</th>"
            "<th class=\"l\">district</th><th class=\"l\">place</th><th class=\"l\">method</th><th class=\"l\">groups</th>"
            "<th class=\"l\">targets</th><th>killed</th><th>injured</th><th>attackers killed</th><th>reports</th></tr></thead><tbody>")
    rows = []
    for event in events:
        link = f'#{escape(event["event_id"])}'

        def figure(name: str, event=event, link=link) -> str:
            value = event.get(name)
            if value is None:
                return '<td data-v=""></td>'
            return f'<td data-v="{value}"><a href="{link}" title="the sentences this figure comes from">{value}</a></td>'

        groups = ", ".join(f"{p['group']} ({p.get('attribution')})" for p in event.get("perpetrators") or [])
        rows.append(
            f'<tr><td class="nw" data-v="{escape(event.get("date") or "")}"><a href="{link}">{escape(event.get("date") or "undated")}</a></td>'
            f'<td class="l">{escape(_region(event))}</td><td class="l">{escape(event.get("district") or "")}</td>'
            f'<td class="l">{escape(event.get("place") or "")}</td><td class="l">{escape(event.get("method") or "")}</td>'
            f'<td class="l">{escape(groups)}</td><td class="l">{escape(", ".join(event.get("targets") or []))}</td>'
            + figure("killed") + figure("injured") + figure("perpetrators_killed")
            + f'<td>{len(event.get("mentions") or [])}</td></tr>'
        )
    return head + "".join(rows) + "</tbody></table>"


def _evidence(events: list[dict[str, Any]]) -> str:
    blocks = []
    for event in events:
        where = ", ".join(dict.fromkeys(v for v in (event.get("place"), event.get("district"), _region(event)) if v and v != "unknown"))
        parts = [f'<div class="evidence" id="{escape(event["event_id"])}"><h3>{escape(event.get("date") or "undated")} &middot; '
                 f'{escape(event.get("method") or "")} &middot; {escape(where)} '
                 f'<span class="note">{escape(event["event_id"])} &middot; <a href="#events">back to the list</a></span></h3>']
        for mention in event.get("mentions") or []:
            figures = ", ".join(f"{label} {mention[name]}" for name, label in (("killed", "killed"), ("injured", "injured"), ("perpetrators_killed", "attackers killed")) if mention.get(name) is not None)
            parts.append(f'<div class="m"><b>{escape(mention.get("doc_id") or "")}</b> (published {escape(mention.get("published") or "unknown")})'
                         f"{': ' + escape(figures) if figures else ''}")
            for evidence in mention.get("evidence") or []:
                text = evidence.get("text") if isinstance(evidence, dict) else str(evidence)
                offsets = f' title="characters {evidence.get("start")}-{evidence.get("end")}"' if isinstance(evidence, dict) else ""
                parts.append(f"<q{offsets}>{escape(' '.join((text or '').split()))}</q>")
            parts.append("</div>")
        parts.append("</div>")
        blocks.append("".join(parts))
    return "".join(blocks)


def render_overview(events: Iterable[dict[str, Any]], title: str = "Incident overview") -> str:
    """The overview page of `events` (event dicts as `incidents extract` writes them)."""
    events = [with_coordinates(e) for e in events]
    events.sort(key=lambda e: (e.get("date") or "", e["event_id"]), reverse=True)  # newest first
    events.sort(key=lambda e: not e.get("date"))  # undated last (a stable sort)
    dated = [e["date"] for e in events if e.get("date")]
    documents = {m.get("doc_id") for e in events for m in e.get("mentions") or []}
    cards = [
        (len(events), "events"),
        (sum(e.get("killed") or 0 for e in events), "killed"),
        (sum(e.get("injured") or 0 for e in events), "injured"),
        (sum(e.get("perpetrators_killed") or 0 for e in events), "attackers killed"),
        (len(documents), "reporting documents"),
        (f"{min(dated)} – {max(dated)}" if dated else "–", "dates"),
    ]
    card_html = "".join(f'<div class="card"><b>{escape(str(v))}</b><span>{escape(k)}</span></div>' for v, k in cards)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body><div class=\"ov\">"
        f"<h1>{escape(title)}</h1><p class=\"sub\">Events extracted by the pak-militancy-incidents pipeline; "
        "every figure links to the sentences it was read from.</p>"
        f'<div class="cards">{card_html}</div>'
        f'<h2>Map</h2><div class="row">{_map_svg(events)}{_map_legend(events)}</div>'
        f"<h2>Timeline by province</h2>{_timeline(events)}"
        f"<h2>By group, method and district</h2>{_tables(events)}"
        '<h2>Events</h2><p class="note">Click a column heading to sort; click a date or a figure for its evidence.</p>'
        f"{_event_list(events)}"
        f"<h2>Evidence</h2>{_evidence(events)}"
        f"</div><script>{_SORT_SCRIPT}</script></body></html>"
    )


def write_overview(source: str | os.PathLike[str], output: str | os.PathLike[str], *, policy: str = "latest", title: str | None = None) -> int:
    """Write the overview page of the events in `source` (an events JSONL file or a store)
    to `output`, atomically. Returns the number of events."""
    from .store import _atomic_write, load_events

    events = load_events(source, policy)
    page = render_overview(events, title=title or f"Incident overview: {Path(source).name}")
    _atomic_write(output, page.encode("utf-8"))
    return len(events)
