"""`incidents report EVENTS --html overview.html` (pipeline.overview), the notebook helpers
(`events_to_dataframe(flavour=...)`, `events_to_geodataframe`), and `pipeline.read_events`."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

import pipeline
from pipeline.cli import app
from pipeline.overview import _radius, _timeline_start, render_overview
from pipeline.store import write_jsonl


def event(event_id, date, method, district, province, killed, **fields):
    text = fields.pop("text", f"Officials said {killed} people died when attackers struck in {district}.")
    base = {
        "event_id": event_id, "event_type": "attack", "method": method, "suicide": method == "suicide_bombing",
        "date": date, "country": "Pakistan", "province": province, "district": district, "place": None,
        "perpetrators": [{"group": "TTP", "attribution": "claimed"}], "targets": ["police"],
        "killed": killed, "injured": 2, "perpetrators_killed": None, "qualifier": "exact",
        "mentions": [{"doc_id": f"doc-{event_id[-2:]}", "published": date, "killed": killed, "injured": 2,
                      "evidence": [{"start": 10, "end": 10 + len(text), "text": text}]}],
    }
    base.update(fields)
    return base


EVENTS = [
    event("ev-00000000000000a1", "2025-01-05", "suicide_bombing", "Bannu", "Khyber Pakhtunkhwa", 12),
    event("ev-00000000000000a2", "2025-01-20", "bombing", "Quetta", "Balochistan", 3,
          text="A parcel bomb <b>exploded</b> & hurt people in Quetta."),
    event("ev-00000000000000a3", "2025-03-11", "armed_assault", "Karachi", "Sindh", 0),
    event("ev-00000000000000a4", "2024", "airstrike", "Kunar", None, 5, country="Afghanistan",
          perpetrators=[{"group": "Pakistan Armed Forces", "attribution": "attributed"}], targets=["militants"]),
    event("ev-00000000000000a5", None, "unknown", None, None, None, country=None),
]


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.ids, self.hrefs, self.srcs = [], set(), [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        for key in ("src", "srcset"):
            if key in attrs:
                self.srcs.append(attrs[key])


@pytest.fixture(scope="module")
def page():
    return render_overview(EVENTS, title="Test overview")


@pytest.fixture(scope="module")
def parsed(page):
    collector = _Collector()
    collector.feed(page)
    return collector


def test_overview_is_self_contained(page, parsed):
    assert not parsed.srcs  # no images, scripts or frames loaded from anywhere
    assert all(href.startswith("#") for href in parsed.hrefs)
    assert not re.search(r"@import|url\(|<link", page)
    # the only URL is the SVG namespace name, which is never fetched
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) == {"http://www.w3.org/2000/svg"}


def test_overview_map_draws_every_located_event_sized_by_killed(parsed):
    circles = [a for tag, a in parsed.tags if tag == "circle" and a.get("class") == "ev"]
    located = [e for e in EVENTS if e.get("country")]
    assert len(circles) == len(located)
    radii = sorted(float(c["r"]) for c in circles)
    assert radii == sorted(round(_radius(e["killed"]), 1) for e in located)
    colours = {c["fill"] for c in circles}
    assert len(colours) == len({e["method"] for e in located})  # one colour per method
    # country outlines and district seats come from data the project ships
    assert sum(1 for tag, _ in parsed.tags if tag == "path") >= 5
    seats = [a for tag, a in parsed.tags if tag == "circle" and a.get("r") == "2"]
    assert len(seats) >= 150


def test_overview_links_every_figure_to_its_evidence(page, parsed):
    for e in EVENTS:
        assert e["event_id"] in parsed.ids
        assert f'href="#{e["event_id"]}"' in page
    assert "A parcel bomb &lt;b&gt;exploded&lt;/b&gt; &amp; hurt people in Quetta." in page  # escaped
    assert '<a href="#ev-00000000000000a1" title="the sentences this figure comes from">12</a>' in page


def test_overview_timeline_and_tables(page):
    assert "Events per month" in page and "Fatalities per month" in page
    assert "2025-01 Khyber Pakhtunkhwa: 1" in page and "2025-01 Khyber Pakhtunkhwa: 12" in page
    assert "2025-02" in page  # an empty month between two with events is on the axis
    assert "by group" in page and "by method" in page and "by district" in page
    assert "1 dated only to a year or undated" not in page and "2 dated only to a year or undated" in page
    assert page.count('class="sortable"') == 4


def test_overview_timeline_leaves_out_a_thin_early_tail():
    months = ["2008-09"] + ["2025-%02d" % m for m in range(1, 13)] * 2
    assert _timeline_start(months) == "2025-01"
    assert _timeline_start(["2025-01", "2025-02"]) == "2025-01"


def test_report_command_from_a_file(tmp_path):
    source = tmp_path / "events.jsonl"
    write_jsonl(EVENTS, source)
    out = tmp_path / "overview.html"
    result = CliRunner().invoke(app, ["report", str(source), "--html", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "events.jsonl" in text
    missing = CliRunner().invoke(app, ["report", str(tmp_path / "none.jsonl"), "--html", str(out)])
    assert missing.exit_code == 2 and "none.jsonl" in missing.output


# ---------------------------------------------------------------- notebook helpers


def test_read_events_and_acled_dataframe(tmp_path):
    source = tmp_path / "events.jsonl"
    write_jsonl(EVENTS, source)
    events = pipeline.read_events(source)
    assert [e["event_id"] for e in events] == [e["event_id"] for e in EVENTS]
    frame = pipeline.events_to_dataframe(events, flavour="acled")
    assert list(frame.columns)[:3] == ["event_id_cnty", "event_date", "year"] and len(frame) == 5
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert frame["fatalities"].tolist() == [12, 3, 0, 5, 0]
    assert frame["geo_precision"].isna().tolist() == [False, False, False, False, True]
    project = pipeline.events_to_dataframe(events)
    assert {"latitude", "longitude", "geo_precision"} <= set(project.columns)
    with pytest.raises(ValueError, match="flavour"):
        pipeline.events_to_dataframe(events, flavour="gtd")


def test_events_to_geodataframe():
    pytest.importorskip("geopandas")
    frame = pipeline.events_to_geodataframe(EVENTS, flavour="acled")
    assert frame.crs.to_epsg() == 4326
    bannu = frame[frame["admin2"] == "Bannu"].geometry.iloc[0]
    assert (bannu.x, bannu.y) == (frame[frame["admin2"] == "Bannu"]["longitude"].iloc[0],
                                  frame[frame["admin2"] == "Bannu"]["latitude"].iloc[0])
    assert frame.geometry.isna().sum() == 1  # the event with no place
