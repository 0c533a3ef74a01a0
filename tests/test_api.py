"""The notebook API: names on the package, events to a DataFrame."""

from __future__ import annotations

import pytest

import pipeline


def test_api_exposes_the_documented_names():
    for name in ("load", "extract", "extract_folder", "evaluate", "events_to_dataframe", "Store"):
        assert callable(getattr(pipeline, name))


def test_api_events_to_dataframe_has_one_row_per_event(nlp):
    pd = pytest.importorskip("pandas")
    text = (
        "A remote-controlled bomb hit a police van in Lakki Marwat on Monday, killing four "
        "policemen, officials said.\n"
    )
    events = pipeline.extract(text, published="2025-06-03", nlp=nlp)
    frame = pipeline.events_to_dataframe(events)
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == len(events) == 1
    assert frame.loc[0, "district"] == "Lakki Marwat"
    assert frame.loc[0, "killed"] == 4
