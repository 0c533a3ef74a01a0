"""The real-news development set: the committed manifest and gold are well formed (no texts
needed), and the tooling (save, hash check, split, input folders) works on made-up fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import realset

MANIFEST = realset.REAL_DIR / "manifest.jsonl"
GOLD = realset.REAL_DIR / "gold.jsonl"

# --- the committed set -----------------------------------------------------------------------

needs_set = pytest.mark.skipif(not MANIFEST.is_file(), reason="corpus/real/manifest.jsonl not built yet")


@needs_set
def test_realset_manifest_lines_are_well_formed():
    rows = realset.read_jsonl(MANIFEST)
    assert realset.manifest_problems(rows) == []
    assert all(row.get("split") in realset.SPLITS for row in rows), "every document has a fixed split"


@needs_set
def test_realset_gold_follows_the_contract_with_offset_evidence():
    rows = realset.read_jsonl(MANIFEST)
    gold = realset.read_jsonl(GOLD)
    assert realset.gold_problems(gold, rows) == []


@needs_set
def test_realset_split_keeps_every_incident_on_one_side():
    # a round-up on one side may recall in the background (an optional mention, never scored)
    # an incident the other side reports; its reports as news all lie on one side
    split_of = {row["doc_id"]: row["split"] for row in realset.read_jsonl(MANIFEST)}
    for event in realset.read_jsonl(GOLD):
        news = {split_of[m["doc_id"]] for m in event["mentions"] if m.get("required", event["required"])}
        assert len(news) <= 1, f"{event['id']} is reported as news on both sides of the split"


@needs_set
def test_realset_meets_its_size_and_mix_targets():
    stats = realset.statistics(realset.read_jsonl(MANIFEST), realset.read_jsonl(GOLD))
    assert stats["documents"] >= 120
    assert stats["incidents"] >= 90
    assert stats["incidents_with_2_to_4_reports"] >= 25
    assert stats["documents_without_news_incident"] >= 15
    assert len(stats["outlets"]) >= 12
    assert "None" not in stats["splits"]


# --- the tooling, on fixtures written for the tests -------------------------------------------

FIXTURE_TEXT = "QUETTA: Gunmen fired on a checkpost on Monday, killing two guards.\nPolice said so.\n"


def _manifest_row(text: str, **overrides) -> dict:
    row = {
        "doc_id": "zz001_made-up-report", "url": "https://example.org/2019/05/report",
        "query": "made up checkpost report", "published": "2019-05-07",
        "sha256": realset.sha256_text(text), "chars": len(text), "outlet": "Example Daily",
    }
    row.update(overrides)
    return row


def _gold_event(doc_id: str, evidence: list) -> dict:
    values = {
        "event_type": "attack", "method": "armed_assault", "suicide": False, "date": "2019-05-06",
        "country": "Pakistan", "province": "Balochistan", "district": "Quetta", "place": None,
        "perpetrators": [], "targets": ["police"], "killed": 2, "injured": None,
        "perpetrators_killed": None, "qualifier": "exact",
    }
    mention = {"doc_id": doc_id, "published": "2019-05-07", "required": True, **values, "evidence": evidence}
    return {"id": "quetta-2019-05-06", "required": True, **values, "mentions": [mention]}


def test_realset_decode_literal_keeps_escapes_exact():
    assert realset.decode_literal('"a \\"b\\"\\nc\\u2019"') == 'a "b"\nc\u2019'
    with pytest.raises(ValueError):
        realset.decode_literal("not a literal")


def test_realset_check_texts_reports_present_missing_and_changed(tmp_path):
    texts = tmp_path / "texts"
    realset.save_text(texts, "zz001_made-up-report", FIXTURE_TEXT)
    realset.save_text(texts, "zz002_changed", FIXTURE_TEXT + " edited")
    rows = [
        _manifest_row(FIXTURE_TEXT),
        _manifest_row(FIXTURE_TEXT, doc_id="zz002_changed"),
        _manifest_row(FIXTURE_TEXT, doc_id="zz003_missing"),
    ]
    result = realset.check_texts(rows, texts)
    assert result.present == ["zz001_made-up-report"]
    assert result.changed == ["zz002_changed"]
    assert result.missing == ["zz003_missing"]
    assert not result.ok


def test_realset_saved_text_keeps_carriage_returns_so_offsets_hold(tmp_path):
    text = "line one\r\nline two"
    digest, chars = realset.save_text(tmp_path, "zz004_crlf", text)
    assert realset.read_text(tmp_path / "zz004_crlf.txt") == text
    assert (digest, chars) == (realset.sha256_text(text), len(text))


def test_realset_manifest_problems_catch_held_out_years_and_bad_lines():
    good = _manifest_row(FIXTURE_TEXT)
    assert realset.manifest_problems([good]) == []
    late = _manifest_row(FIXTURE_TEXT, published="2023-01-02")
    assert any("held-out" in p for p in realset.manifest_problems([late]))
    bad_id = _manifest_row(FIXTURE_TEXT, doc_id="Bad Id")
    assert any("doc_id" in p for p in realset.manifest_problems([bad_id]))
    twice = realset.manifest_problems([good, _manifest_row(FIXTURE_TEXT, doc_id="zz009_copy")])
    assert any("same text" in p for p in twice)


def test_realset_gold_problems_check_offsets_vocabularies_and_documents(tmp_path):
    rows = [_manifest_row(FIXTURE_TEXT)]
    realset.save_text(tmp_path, "zz001_made-up-report", FIXTURE_TEXT)
    good = _gold_event("zz001_made-up-report", [[0, 66]])
    assert realset.gold_problems([good], rows, tmp_path) == []
    outside = _gold_event("zz001_made-up-report", [[10, 5000]])
    assert any("outside the text" in p for p in realset.gold_problems([outside], rows))
    quoted = _gold_event("zz001_made-up-report", ["Gunmen fired on a checkpost"])
    assert any("not [start, end]" in p for p in realset.gold_problems([quoted], rows))
    unknown_doc = _gold_event("zz777_nowhere", [[0, 5]])
    assert any("not in the manifest" in p for p in realset.gold_problems([unknown_doc], rows))
    bad_method = _gold_event("zz001_made-up-report", [[0, 5]])
    bad_method["mentions"][0]["method"] = "stabbing"
    assert any("method" in p for p in realset.gold_problems([bad_method], rows))
    assert any("duplicate id" in p for p in realset.gold_problems([good, good], rows))


def test_realset_split_puts_all_reports_of_an_incident_on_one_side():
    rows = [_manifest_row(FIXTURE_TEXT, doc_id=f"zz{n:03d}_doc", sha256=f"{n:064x}") for n in range(30)]
    gold = []
    for n in range(0, 30, 3):  # incidents each told by three documents
        event = _gold_event(f"zz{n:03d}_doc", [[0, 5]])
        event["id"] = f"incident-{n}"
        event["mentions"] += [dict(event["mentions"][0], doc_id=f"zz{n + k:03d}_doc") for k in (1, 2)]
        gold.append(event)
    split_of = realset.assign_splits(rows, gold, seed=0)
    for event in gold:
        assert len({split_of[m["doc_id"]] for m in event["mentions"]}) == 1
    tune = sum(side == "tune" for side in split_of.values())
    assert 15 <= tune <= 24  # about two thirds of 30
    assert split_of == realset.assign_splits(rows, gold, seed=0)


def test_realset_write_inputs_lays_out_split_folders_with_sidecars_and_resolved_gold(tmp_path):
    texts = tmp_path / "texts"
    realset.save_text(texts, "zz001_made-up-report", FIXTURE_TEXT)
    rows = [dict(_manifest_row(FIXTURE_TEXT), split="holdout")]
    gold = [_gold_event("zz001_made-up-report", [[0, 66]])]
    written = realset.write_inputs(rows, gold, texts, tmp_path / "inputs")
    assert written == {"tune": 0, "holdout": 1}
    folder = tmp_path / "inputs" / "holdout"
    assert (folder / "zz001_made-up-report.txt").read_text(encoding="utf-8") == FIXTURE_TEXT
    meta = json.loads((folder / "zz001_made-up-report.meta.json").read_text(encoding="utf-8"))
    assert meta["published"] == "2019-05-07"
    resolved = realset.read_jsonl(tmp_path / "inputs" / "holdout.gold.jsonl")
    assert resolved[0]["mentions"][0]["evidence"][0]["text"] == FIXTURE_TEXT[0:66]
    assert realset.read_jsonl(tmp_path / "inputs" / "tune.gold.jsonl") == []


def test_realset_write_inputs_leaves_a_missing_text_out_of_its_split_gold(tmp_path):
    # the second page could not be re-obtained: its mentions must not count as misses
    texts = tmp_path / "texts"
    realset.save_text(texts, "zz001_made-up-report", FIXTURE_TEXT)
    rows = [
        dict(_manifest_row(FIXTURE_TEXT), split="tune"),
        dict(_manifest_row(FIXTURE_TEXT + " ", doc_id="zz002_lost-page"), split="tune"),
    ]
    kept = _gold_event("zz001_made-up-report", [[0, 66]])
    kept["mentions"].append(dict(kept["mentions"][0], doc_id="zz002_lost-page"))
    lost_only = dict(_gold_event("zz002_lost-page", [[0, 66]]), id="made-up-lost-incident")
    written = realset.write_inputs(rows, [kept, lost_only], texts, tmp_path / "inputs")
    assert written == {"tune": 1, "holdout": 0}
    resolved = realset.read_jsonl(tmp_path / "inputs" / "tune.gold.jsonl")
    assert [[m["doc_id"] for m in event["mentions"]] for event in resolved] == [["zz001_made-up-report"]]


def test_realset_evaluation_accepts_offset_evidence_in_gold(tmp_path):
    from pipeline.evaluation import evaluate

    gold = [_gold_event("zz001_made-up-report", [[0, 66]])]
    result = evaluate(gold, gold)
    assert result.events.f1 == 1.0
    assert result.matches[0].gold.evidence == ("[0, 66]",)


def test_realset_cli_save_then_reobtain_checks_the_hash(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    literal = tmp_path / "lit.json"
    literal.write_text(json.dumps(FIXTURE_TEXT), encoding="utf-8")
    manifest = tmp_path / "manifest.jsonl"
    args = ["realset", "save", "zz001_made-up-report", "--literal", str(literal),
            "--manifest", str(manifest), "--texts", str(tmp_path / "texts")]
    new = ["--url", "https://example.org/2019/05/report", "--query", "made up",
           "--published", "2019-05-07", "--outlet", "Example Daily"]
    runner = CliRunner()
    assert runner.invoke(app, args + new).exit_code == 0
    assert realset.read_jsonl(manifest)[0]["sha256"] == realset.sha256_text(FIXTURE_TEXT)
    assert runner.invoke(app, args).exit_code == 0  # re-obtained: same hash
    literal.write_text(json.dumps(FIXTURE_TEXT + "changed"), encoding="utf-8")
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert realset.read_text(tmp_path / "texts" / "zz001_made-up-report.txt") == FIXTURE_TEXT


def test_realset_assemble_joins_an_incident_labelled_in_two_slices():
    first = _gold_event("zz001_made-up-report", [[0, 10]])
    first["mentions"][0]["perpetrators"] = [{"group": "Jundallah", "attribution": "claimed"}]
    second = _gold_event("zz002_other-outlet", [[0, 10]])
    second["required"] = False
    second["mentions"][0]["published"] = "2019-05-09"
    rows_a = [_manifest_row(FIXTURE_TEXT)]
    rows_b = [_manifest_row(FIXTURE_TEXT + "!", doc_id="zz002_other-outlet")]
    manifest, gold = realset.assemble([(rows_a, [first]), (rows_b, [second])])
    assert [row["doc_id"] for row in manifest] == ["zz001_made-up-report", "zz002_other-outlet"]
    assert len(gold) == 1 and gold[0]["required"] is True
    assert sorted(m["doc_id"] for m in gold[0]["mentions"]) == ["zz001_made-up-report", "zz002_other-outlet"]
    assert gold[0]["mentions"][0]["perpetrators"][0]["group"] == "Jundullah"  # one spelling per code
    with pytest.raises(ValueError):
        realset.assemble([(rows_a, [first]), (rows_a, [])])  # a document in two slices


def test_realset_error_table_counts_causes_and_what_remains():
    causes = [
        {"key": ["miss", "zz001_a", "ev-1"], "kind": "miss", "field": None, "cause": "non_site_place"},
        {"key": ["field", "zz001_a", "ev-2", "killed"], "kind": "field", "field": "killed", "cause": "count_parse"},
    ]
    table = realset.error_table(causes)
    assert "| non_site_place | 1 |" in table and "| count_parse |  |  | 1 |" in table
    later = [
        {"kind": "field", "doc_id": "zz001_a", "gold_event": "ev-2", "field": "killed"},
        {"kind": "false_alarm", "doc_id": "zz002_b", "pred": {"district": "Tank", "date": None}},
    ]
    table = realset.error_table(causes, later)
    assert "non_site_place" not in table  # fixed since
    assert "| (new, not annotated) |  | 1 |" in table
    assert table.splitlines()[-1].endswith("| 2 |")


def test_realset_evaluation_lists_every_error():
    from pipeline.evaluation import evaluate

    gold = [_gold_event("zz001_made-up-report", [[0, 66]])]
    pred = [json.loads(json.dumps(gold[0]))]
    pred[0]["mentions"][0]["killed"] = 3
    extra = json.loads(json.dumps(gold[0]))
    extra["mentions"][0].update(doc_id="zz002_other", district="Tank", province="Khyber Pakhtunkhwa")
    errors = evaluate(gold, pred + [extra]).errors()
    kinds = sorted((e["kind"], e.get("field")) for e in errors)
    assert kinds == [("false_alarm", None), ("field", "killed")]


def test_realset_write_inputs_scores_an_incident_of_both_splits_in_each_on_its_own_reports(tmp_path):
    # a round-up in holdout recalls an attack that a tune page reports as news
    texts = tmp_path / "texts"
    realset.save_text(texts, "zz001_made-up-report", FIXTURE_TEXT)
    realset.save_text(texts, "zz002_round-up", FIXTURE_TEXT + " ")
    rows = [
        dict(_manifest_row(FIXTURE_TEXT), split="tune"),
        dict(_manifest_row(FIXTURE_TEXT + " ", doc_id="zz002_round-up"), split="holdout"),
    ]
    event = _gold_event("zz001_made-up-report", [[0, 66]])
    event["mentions"].append(dict(event["mentions"][0], doc_id="zz002_round-up", required=False))
    realset.write_inputs(rows, [event], texts, tmp_path / "inputs")
    for split, doc_id in (("tune", "zz001_made-up-report"), ("holdout", "zz002_round-up")):
        (resolved,) = realset.read_jsonl(tmp_path / "inputs" / f"{split}.gold.jsonl")
        assert [m["doc_id"] for m in resolved["mentions"]] == [doc_id]
