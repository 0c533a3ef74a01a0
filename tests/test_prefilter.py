"""Two-pass extraction (`pipeline.prefilter`): the first pass keeps the windows that can hold an
incident, blanks the rest with the same offsets, and skips texts without any; the events are
the same as with one pass."""

from __future__ import annotations

import pytest

from pipeline.extraction import process_documents, _text_document, prefilter_for
from pipeline.prefilter import PrefilterSettings, blank_outside, cue_words, inflections

PUBLISHED = "2026-02-25"

ANALYSIS = (
    "The committee on water policy met for a long session to review the canal lining programme.\n\n"
    "Members said the budget for maintenance had not kept pace with rising costs of cement.\n\n"
    "A second meeting is planned after the provinces return their comments on the draft.\n\n"
    "The chairman thanked the engineers for their detailed presentation on seepage losses.\n\n"
    "Farmers' groups asked for a larger share of the water in the coming sowing season.\n\n"
    "The report will be published once the ministry has approved its final wording.\n\n"
)
ATTACK = (
    "Gunmen opened fire on a police checkpoint in Bannu on Monday, killing two constables, "
    "officials said.\n\nThe attackers fled on motorcycles.\n\n"
)
SPORT = (
    "Peshawar beat Multan by six wickets at the Arbab Niaz Stadium on Sunday.\n\n"
    "The captain praised the young batters and said the side would rest two bowlers.\n"
)


@pytest.fixture(scope="module")
def prefilter(nlp):
    return prefilter_for(nlp)


def test_prefilter_inflections_cover_regular_forms():
    assert {"kill", "killed", "kills", "killing", "killer"} <= inflections("kill")
    assert {"injured", "injuring"} <= inflections("injure")
    assert {"stabbed", "stabbing"} <= inflections("stab")
    assert "dying" in inflections("die")


def test_prefilter_cue_words_read_the_lexicon_and_irregular_forms():
    cues = cue_words()
    for word in ("killed", "martyred", "died", "slain", "wounded", "injuries", "ambushed"):
        assert word in cues, word
    for word in ("wickets", "budget", "seepage"):
        assert word not in cues, word


def test_prefilter_text_without_attack_or_casualty_words_is_skipped(prefilter):
    assert prefilter.window_text(SPORT) is None
    assert prefilter.window_text(ANALYSIS) is None


def test_prefilter_window_keeps_offsets_and_blanks_far_paragraphs(prefilter):
    text = "Weekly Review\n\n" + ANALYSIS + ATTACK + ANALYSIS
    window = prefilter.window_text(text)
    assert window is not None and len(window) == len(text)
    assert [i for i, c in enumerate(window) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    start = text.index("Gunmen")
    assert window[start : start + len(ATTACK)] == ATTACK
    assert window.startswith("Weekly Review")  # the lead is kept
    far = text.index("The chairman thanked")  # four sentences before the attack
    assert window[far : far + 20].strip() == ""
    last = text.rindex("The report will be published")
    assert window[last : last + 20].strip() == ""


def test_prefilter_settings_reject_unknown_keys():
    assert PrefilterSettings.from_config({"context_sentences": 3}).context_sentences == 3
    with pytest.raises(ValueError, match="unknown"):
        PrefilterSettings.from_config({"context": 3})


def test_prefilter_blank_outside_merges_overlapping_spans():
    assert blank_outside("ab cd ef", [(0, 2), (1, 5)]) == "ab cd   "
    assert blank_outside("ab\ncd", []) == "  \n  "


def test_two_pass_gives_the_events_of_one_pass(nlp):
    texts = [
        "Weekly Review\n\n" + ANALYSIS + ATTACK + ANALYSIS,
        SPORT,
        ATTACK + ANALYSIS + "A roadside bomb struck a Frontier Corps vehicle in Kech on Sunday, "
        "wounding four soldiers.\n",
    ]
    documents = [_text_document(text, PUBLISHED, f"doc{i}") for i, text in enumerate(texts)]
    one = list(process_documents(nlp, documents, two_pass=False))
    two = list(process_documents(nlp, documents, two_pass=True))
    assert [r.document.doc_id for r in two] == ["doc0", "doc1", "doc2"]
    assert [r.error for r in two] == [None, None, None]
    assert [[m.to_dict() for m in r.mentions] for r in two] == [[m.to_dict() for m in r.mentions] for r in one]
    assert [len(r.mentions) for r in two] == [1, 0, 2]
    assert two[0].mentions[0].district == "Bannu" and two[0].mentions[0].killed == 2


def test_prefilter_trigger_anchors_are_the_first_required_words():
    from pipeline.prefilter import trigger_anchors

    patterns = [
        {"label": "SPECIFIC", "pattern": [{"LOWER": "car"}, {"LOWER": "bomb"}]},
        {"label": "GENERIC", "pattern": [{"OP": "?"}, {"LOWER": {"IN": ["raid", "raids"]}}]},
        {"label": "SPECIFIC", "pattern": [{"LEMMA": "ambush"}]},
    ]
    assert trigger_anchors(patterns) == {"car", "raid", "raids", "ambush"}
    assert trigger_anchors(patterns + [{"label": "X", "pattern": [{"IS_DIGIT": True}]}]) is None


def test_prefilter_anchor_gate_changes_no_window(prefilter, monkeypatch):
    texts = [SPORT, ANALYSIS, ATTACK, "Weekly Review\n\n" + ANALYSIS + ATTACK + ANALYSIS,
             "The car was parked near the market all day.\n"]
    gated = [prefilter.window_text(text) for text in texts]
    monkeypatch.setattr(prefilter, "anchors", None)
    assert [prefilter.window_text(text) for text in texts] == gated
    assert [window is None for window in gated] == [True, True, False, False, True]


def test_prefilter_evidence_does_not_reach_over_blanked_sentences():
    from pipeline.prefilter import trim_blanked_evidence

    original = "Gunmen struck a post. The talks went on. Later news.\n\nNext part here."
    kept = [(0, 21), (53, 68)]
    window = blank_outside(original, kept)
    frames = [{"evidence": [{"start": 0, "end": 53}, {"start": 53, "end": 68}]}]
    trimmed = trim_blanked_evidence(frames, window, original)
    # a lone space after the sentence is not quoted; the untouched span stays as it was
    assert trimmed[0]["evidence"] == [{"start": 0, "end": 21}, {"start": 53, "end": 68}]
    assert frames[0]["evidence"][0] == {"start": 0, "end": 53}  # the input is not changed
    # a line break after the last word read is kept, as one pass keeps it (a token of its own)
    original = "Gunmen struck a post.\n\nThe talks went on.\n\nNext part here."
    window = blank_outside(original, [(0, 23), (43, 58)])
    span = trim_blanked_evidence([{"evidence": [{"start": 0, "end": 43}]}], window, original)[0]["evidence"]
    assert span == [{"start": 0, "end": 23}]
    assert trim_blanked_evidence(frames, original, original) is frames
