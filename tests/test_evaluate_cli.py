"""`incidents evaluate`: JSON output, HTML report, tables and input errors."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

GOLD = [
    {"id": "bannu-raid", "required": True, "mentions": [
        {"doc_id": "d1", "date": "2025-03-04", "district": "Bannu", "method": "armed_assault",
         "perpetrators": [{"group": "TTP", "attribution": "claimed"}], "killed": 3,
         "evidence": ["Militants stormed a checkpost in Bannu, killing three policemen."]}]},
    {"id": "quetta-blast", "required": True, "mentions": [
        {"doc_id": "d1", "date": "2025-03-03", "district": "Quetta", "method": "bombing",
         "killed": 12, "evidence": ["A roadside bomb in Quetta killed twelve passengers."]}]},
]
PRED = [
    {"event_id": "e1", "mentions": [
        {"doc_id": "d1", "date": "2025-03-04", "district": "Bannu", "method": "suicide_bombing",
         "perpetrators": [{"group": "TTP", "attribution": "claimed"}], "killed": 3,
         "evidence": [{"start": 0, "end": 20, "text": "stormed a checkpost in Bannu"}]}]},
    {"event_id": "e2", "mentions": [
        {"doc_id": "d1", "date": "2025-03-01", "district": "Kohat", "method": "shelling",
         "killed": 30, "evidence": [{"start": 5, "end": 40, "text": "thirty <b>shells</b> fell"}]}]},
]


@pytest.fixture()
def files(tmp_path):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(e) + "\n" for e in GOLD), encoding="utf-8")
    pred.write_text("".join(json.dumps(e) + "\n" for e in PRED), encoding="utf-8")
    return gold, pred


def test_evaluate_cli_json(files):
    gold, pred = files
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # Bannu matches (weight 4), the Kohat prediction contradicts both gold districts.
    assert data["events"]["matched"] == 1
    assert data["events"]["precision"] == 0.5 and data["events"]["recall"] == 0.5
    assert data["fields"]["method"] == {"accuracy": 0.0, "correct": 0, "n": 1}
    assert data["fields"]["killed"] == {"accuracy": 1.0, "correct": 1, "n": 1}
    assert data["merge"]["precision"] is None
    assert [m["event"] for m in data["misses"]] == ["quetta-blast"]
    assert data["false_alarms"][0]["evidence"] == ["thirty <b>shells</b> fell"]
    assert data["method_confusion"] == {"armed_assault": {"suicide_bombing": 1}}


def test_evaluate_cli_html_is_self_contained(files, tmp_path):
    gold, pred = files
    report = tmp_path / "out" / "report.html"
    result = CliRunner().invoke(
        app, ["evaluate", "--gold", str(gold), "--pred", str(pred), "--html", str(report)]
    )
    assert result.exit_code == 0, result.output
    assert "Field accuracy" in result.stdout and "Merge" in result.stdout
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<style>" in page
    assert "<script" not in page and "<link" not in page and not re.search(r'src="', page)
    assert "A roadside bomb in Quetta killed twelve passengers." in page  # the miss, with evidence
    assert "thirty &lt;b&gt;shells&lt;/b&gt; fell" in page  # evidence is escaped
    assert "suicide_bombing" in page  # confusion matrix column


def test_evaluate_cli_malformed_file_names_the_line(files, tmp_path):
    gold, _ = files
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(PRED[0]) + "\n" + '{"event_id": "x", "mentions": [\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(bad)])
    assert result.exit_code == 1
    assert "bad.jsonl:2: not valid JSON" in result.output


def test_evaluate_cli_missing_file(files, tmp_path):
    gold, _ = files
    result = CliRunner().invoke(
        app, ["evaluate", "--gold", str(gold), "--pred", str(tmp_path / "nope.jsonl")]
    )
    assert result.exit_code == 1
    assert "pred file not found" in result.output
