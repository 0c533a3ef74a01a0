"""The scorer of EVENTS.md section 5 on small hand-made gold/prediction pairs.

Every expected figure is worked out by hand in the comments next to it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import evaluate
from pipeline.evaluation import EvaluationInputError
from pipeline.evaluation.matching import dates_compatible, places_agree

SEEDS_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds.gold.jsonl"


def mention(doc_id="d1", **fields):
    base = {
        "doc_id": doc_id,
        "published": "2025-03-05",
        "event_type": "attack",
        "method": "armed_assault",
        "date": "2025-03-04",
        "country": "Pakistan",
        "province": "Khyber Pakhtunkhwa",
        "district": "Bannu",
        "perpetrators": [{"group": "TTP", "attribution": "claimed"}],
        "targets": ["police"],
        "killed": 3,
        "injured": None,
        "evidence": ["Gunmen attacked a police post in Bannu on Tuesday, killing three."],
    }
    base.update(fields)
    return base


def gold_event(event_id, *mentions, required=True):
    return {"id": event_id, "required": required, "mentions": list(mentions)}


def pred_event(event_id, *mentions):
    converted = []
    for m in mentions:
        m = dict(m)
        m["evidence"] = [{"start": 0, "end": len(t), "text": t} for t in m.get("evidence", [])]
        converted.append(m)
    return {"event_id": event_id, "mentions": converted}


# --- agreement rules -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("2025-03-04", "2025-03-06", True),  # 2 days apart
        ("2025-03-04", "2025-03-02", True),
        ("2025-03-04", "2025-03-07", False),  # 3 days apart
        ("2025-02-28", "2025-03-02", True),  # across a month end, 2 days
        ("2025-03", "2025-03-17", True),  # month is a prefix of the day
        ("2025", "2025-03-17", True),
        ("2025-03", "2025-04-01", False),
        ("2025-02", "2025-03", False),
        ("2025-03", "2025-03", True),
        (None, "2025-03-01", True),  # missing date is compatible with any
        ("2024", None, True),
    ],
)
def test_matching_dates_compatible(a, b, expected):
    assert dates_compatible(a, b) is expected


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("Karachi", "Karachi South", True),
        ("Islamabad", "Islamabad Capital Territory", True),
        ("South Waziristan", "Lower South Waziristan", True),
        ("D.I. Khan", "di khan", True),  # case and non-letters dropped
        ("Noshki", "Nushki", False),  # spelling variants do not agree
        ("Bolan", "Kachhi", False),
        ("Kohat", "Bannu", False),
        ("Karachi", None, False),
    ],
)
def test_matching_places_agree(a, b, expected):
    assert places_agree(a, b) is expected


# --- event precision and recall --------------------------------------------------------------


def test_evaluation_one_to_one_two_predictions_for_one_gold():
    gold = [gold_event("g1", mention())]
    pred = [pred_event("p1", mention()), pred_event("p2", mention())]
    result = evaluate(gold, pred)
    # One gold mention can take only one prediction: 1 TP, 1 FP.
    assert (result.events.correct, result.events.predicted, result.events.gold) == (1, 2, 1)
    assert result.events.precision == 0.5
    assert result.events.recall == 1.0
    assert result.events.f1 == pytest.approx(2 / 3)
    assert len(result.false_alarms) == 1 and len(result.misses) == 0


def test_evaluation_optional_gold_counted_neither_way():
    background = mention(date="2014-12-16", district="Peshawar", method="armed_assault", killed=150)
    gold = [gold_event("news", mention()), gold_event("old", background, required=False)]
    # Predicting the background event: neither a hit nor a false alarm.
    result = evaluate(gold, [pred_event("p1", mention()), pred_event("p2", background)])
    assert (result.events.correct, result.events.predicted, result.events.gold) == (1, 1, 1)
    assert result.events.precision == 1.0 and result.events.recall == 1.0
    assert result.counts["matched_optional"] == 1
    # Not predicting it costs nothing either.
    result = evaluate(gold, [pred_event("p1", mention())])
    assert (result.events.precision, result.events.recall) == (1.0, 1.0)
    assert result.misses == []


def test_evaluation_mention_required_flag_wins_over_event():
    # Event required, but this document reports it as background: the mention's flag wins.
    gold = [gold_event("g1", mention(required=False))]
    result = evaluate(gold, [])
    assert result.events.gold == 0 and result.misses == []


def test_evaluation_prefers_required_gold_on_ties():
    optional = gold_event("old", mention(date=None, district="Quetta", killed=None,
                                         perpetrators=[], method="bombing"), required=False)
    required = gold_event("new", mention(date=None, district="Quetta", killed=None,
                                         perpetrators=[], method="bombing"))
    pred = [pred_event("p", mention(date=None, district="Quetta", killed=None, perpetrators=[],
                                    method="bombing"))]
    # Both pairs weigh 2 (district, method); the required gold mention must win.
    result = evaluate([optional, required], pred)
    assert result.events.correct == 1 and result.events.recall == 1.0
    assert result.matches[0].gold.event_key == "new"


def test_evaluation_date_tolerance_in_matching():
    gold = [gold_event("g1", mention(date="2025-03-04"))]
    assert evaluate(gold, [pred_event("p", mention(date="2025-03-06"))]).events.correct == 1
    assert evaluate(gold, [pred_event("p", mention(date="2025-03-07"))]).events.correct == 0
    assert evaluate(gold, [pred_event("p", mention(date="2025-03"))]).events.correct == 1


def test_evaluation_contradicting_districts_do_not_match():
    gold = [gold_event("g1", mention(district="Kohat"))]
    # Same date, method, perpetrators and toll, but another district: no match at all.
    result = evaluate(gold, [pred_event("p", mention(district="Bannu"))])
    assert result.events.correct == 0
    assert len(result.misses) == 1 and len(result.false_alarms) == 1


def test_evaluation_place_agreement_allows_match():
    gold = [gold_event("g1", mention(province="Sindh", district="Karachi"))]
    result = evaluate(gold, [pred_event("p", mention(province="Sindh", district="Karachi South"))])
    assert result.events.correct == 1
    assert result.fields["district"].accuracy == 1.0


def test_evaluation_zero_weight_pair_does_not_match():
    gold = [gold_event("g1", mention(date=None, district=None, method="bombing", perpetrators=[],
                                     killed=4, injured=None))]
    # No contradiction, but no agreeing weighted field either: weight 0.
    pred = [pred_event("p", mention(date=None, district=None, method="shelling", perpetrators=[],
                                    killed=None, injured=None))]
    assert evaluate(gold, pred).events.correct == 0


def test_evaluation_predictions_in_documents_without_gold_are_false_alarms():
    gold = [gold_event("g1", mention())]
    pred = [pred_event("p1", mention()), pred_event("p2", mention(doc_id="no-gold-doc"))]
    result = evaluate(gold, pred)
    assert result.events.precision == 0.5
    assert [m.doc_id for m in result.false_alarms] == ["no-gold-doc"]
    docs = {d.doc_id: d.to_dict() for d in result.documents}
    assert docs["no-gold-doc"]["false_alarms"] == 1 and docs["no-gold-doc"]["recall"] is None


# --- field accuracy and slots ----------------------------------------------------------------


def test_evaluation_field_accuracy_and_slots():
    g1 = mention(doc_id="a", killed=7, injured=2, targets=["police"])
    g2 = mention(doc_id="b", district="Kohat", killed=None, injured=None, targets=[],
                 method="bombing", date="2025-03-01")
    gold = [gold_event("g1", g1), gold_event("g2", g2)]
    p1 = mention(doc_id="a", killed=5, injured=2, targets=["police", "civilians"])
    p2 = mention(doc_id="b", district="Kohat", killed=2, injured=None, targets=[],
                 method="armed_assault", date="2025-03-01", perpetrators=[])
    result = evaluate(gold, [pred_event("p1", p1), pred_event("p2", p2)])
    assert result.events.correct == 2
    f = {name: (s.correct, s.n) for name, s in result.fields.items()}
    assert f["date"] == (2, 2)
    assert f["province"] == (2, 2)
    assert f["district"] == (2, 2)
    assert f["method"] == (1, 2)  # bombing predicted as armed_assault
    assert f["perpetrators"] == (1, 2)  # pair b: gold TTP, prediction empty (= null) -> wrong
    assert f["targets"] == (0, 1)  # pair a: different sets; pair b: gold empty -> not scored
    assert f["killed"] == (0, 1)  # 7 vs 5; pair b gold null -> not scored
    assert f["injured"] == (1, 1)
    # Gold slots: g1 has all 8 fields, g2 has 5 (targets, killed, injured null) -> 13.
    # Predicted slots: p1 has 8, p2 has 5 (perpetrators, targets, injured null) -> 13.
    # Correct: sum of the field `correct` counts above = 2+2+2+1+1+0+0+1 = 9.
    assert (result.slots.correct, result.slots.predicted, result.slots.gold) == (9, 13, 13)
    assert result.slots.precision == pytest.approx(9 / 13)
    # Method confusion over matched required pairs.
    assert result.method_confusion == {
        "armed_assault": {"armed_assault": 1},
        "bombing": {"armed_assault": 1},
    }


def test_evaluation_slots_of_predictions_on_optional_gold_are_left_out():
    gold = [gold_event("old", mention(), required=False)]
    result = evaluate(gold, [pred_event("p", mention())])
    assert (result.slots.correct, result.slots.predicted, result.slots.gold) == (0, 0, 0)
    assert result.slots.precision is None and result.slots.f1 is None
    assert result.fields["killed"].n == 0


# --- merge pairs -----------------------------------------------------------------------------


def test_evaluation_merge_split_event_lowers_recall():
    gold = [gold_event("g", mention(doc_id="d1"), mention(doc_id="d2"), mention(doc_id="d3"))]
    pred = [pred_event("p1", mention(doc_id="d1"), mention(doc_id="d2")),
            pred_event("p2", mention(doc_id="d3"))]
    merge = evaluate(gold, pred).merge
    # Gold-same pairs: (1,2) (1,3) (2,3) = 3; pred-same: (1,2) = 1; both: 1.
    assert (merge.correct, merge.predicted, merge.gold) == (1, 1, 3)
    assert merge.precision == 1.0 and merge.recall == pytest.approx(1 / 3)


def test_evaluation_merge_wrong_merge_lowers_precision():
    other = mention(doc_id="d3", district="Kohat", date="2025-02-20", killed=9)
    gold = [gold_event("g1", mention(doc_id="d1"), mention(doc_id="d2")), gold_event("g2", other)]
    pred = [pred_event("p", mention(doc_id="d1"), mention(doc_id="d2"), other)]
    merge = evaluate(gold, pred).merge
    # Pred-same pairs: 3; gold-same: (1,2) = 1; both: 1.
    assert (merge.correct, merge.predicted, merge.gold) == (1, 3, 1)
    assert merge.precision == pytest.approx(1 / 3) and merge.recall == 1.0
    assert merge.f1 == pytest.approx(0.5)


def test_evaluation_merge_without_pairs_is_undefined():
    result = evaluate([gold_event("g", mention())], [pred_event("p", mention())])
    assert result.merge.precision is None and result.merge.recall is None


def test_evaluation_merge_uses_line_when_prediction_has_no_event_id():
    gold = [gold_event("g", mention(doc_id="d1"), mention(doc_id="d2"))]
    pred = [{"mentions": [mention(doc_id="d1")]}, {"mentions": [mention(doc_id="d2")]}]
    merge = evaluate(gold, pred).merge
    assert (merge.correct, merge.predicted, merge.gold) == (0, 0, 1)
    assert merge.recall == 0.0


# --- misses, inputs, gold against itself ------------------------------------------------------


def test_evaluation_misses_sorted_by_killed_with_evidence():
    gold = [gold_event("small", mention(killed=2, evidence=["Two were killed."])),
            gold_event("none", mention(district="Kohat", killed=None)),
            gold_event("big", mention(district="Swat", killed=40, evidence=["Forty died."]))]
    result = evaluate(gold, [])
    assert [m.event_key for m in result.misses] == ["big", "small", "none"]
    assert result.misses[0].evidence == ("Forty died.",)
    assert result.events.recall == 0.0 and result.events.precision is None


def test_evaluation_reads_jsonl_paths(tmp_path):
    gold_path, pred_path = tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    gold_path.write_text(json.dumps(gold_event("g", mention())) + "\n\n", encoding="utf-8")
    pred_path.write_text(json.dumps(pred_event("p", mention())) + "\n", encoding="utf-8")
    assert evaluate(gold_path, str(pred_path)).events.f1 == 1.0


def test_evaluation_input_errors_name_the_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(gold_event("g", mention())) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(EvaluationInputError, match=r"bad\.jsonl:2: not valid JSON"):
        evaluate(bad, [])
    with pytest.raises(EvaluationInputError, match="not found"):
        evaluate(tmp_path / "missing.jsonl", [])
    with pytest.raises(EvaluationInputError, match=r":1: event has no `mentions`"):
        evaluate([{"id": "x"}], [])
    with pytest.raises(EvaluationInputError, match="killed"):
        evaluate([gold_event("g", mention(killed="three"))], [])


@pytest.mark.skipif(not SEEDS_GOLD.is_file(), reason="shared seeds gold not available")
def test_evaluation_seeds_gold_against_itself_scores_one():
    result = evaluate(SEEDS_GOLD, SEEDS_GOLD)
    assert (result.events.precision, result.events.recall, result.events.f1) == (1.0, 1.0, 1.0)
    assert all(score.accuracy == 1.0 for score in result.fields.values())
    assert (result.slots.precision, result.slots.recall) == (1.0, 1.0)
    assert (result.merge.precision, result.merge.recall) == (1.0, 1.0)
    assert result.misses == [] and result.false_alarms == []
