"""Extract structured, deduplicated incident records from news about militancy in Pakistan.

Notebook API (names are imported lazily, so `import pipeline` stays cheap)::

    import pipeline
    nlp = pipeline.load()                                  # the spaCy Language
    events = pipeline.extract(text, published="2025-03-05")
    events = pipeline.extract_folder("corpus/articles")     # merged across documents
    df = pipeline.events_to_dataframe(events)               # needs pandas
    acled = pipeline.events_to_dataframe(events, flavour="acled")   # ACLED's columns
    gdf = pipeline.events_to_geodataframe(pipeline.read_events("events.jsonl"))  # needs [geo]
    scores = pipeline.evaluate("gold.jsonl", "events.jsonl")
"""

from __future__ import annotations

__version__ = "0.1.0"

_LAZY = {
    "load": ("pipeline.extraction", "load"),
    "extract": ("pipeline.extraction", "extract"),
    "extract_folder": ("pipeline.extraction", "extract_folder"),
    "evaluate": ("pipeline.evaluation", "evaluate"),
    "events_to_dataframe": ("pipeline.dataframe", "events_to_dataframe"),
    "events_to_geodataframe": ("pipeline.dataframe", "events_to_geodataframe"),
    "read_events": ("pipeline.store", "load_events"),
    "Store": ("pipeline.store", "Store"),
    "StoreError": ("pipeline.store", "StoreError"),
    "Event": ("pipeline.events", "Event"),
    "Mention": ("pipeline.events", "Mention"),
}

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
