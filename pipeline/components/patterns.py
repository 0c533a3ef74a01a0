"""Registered readers that hand the span rulers their patterns from the data files in patterns/.

Referenced from models/config.cfg under [initialize.components.*], so the patterns are read when
the pipeline is initialized and saved with it by `nlp.to_disk`.
"""

from __future__ import annotations

from pathlib import Path

import spacy
import srsly

from ..gazetteer import place_patterns
from ..resources import data_path


def _folder(patterns_dir: str | None) -> Path:
    return Path(patterns_dir) if patterns_dir else data_path("patterns")


@spacy.registry.misc("incidents.entity_patterns.v1")
def entity_patterns(patterns_dir: str | None = None) -> list[dict]:
    """GROUP and SECURITY_FORCE patterns (ids carry group codes / force categories), then PLACE."""
    folder = _folder(patterns_dir)
    patterns = list(srsly.read_jsonl(folder / "security_forces.jsonl"))
    patterns += list(srsly.read_jsonl(folder / "groups.jsonl"))
    patterns += place_patterns(str(folder) if patterns_dir else None)
    return patterns


@spacy.registry.misc("incidents.trigger_patterns.v1")
def trigger_patterns(patterns_dir: str | None = None) -> list[dict]:
    """Attack trigger patterns: label SPECIFIC or GENERIC, id = the method they point to."""
    return list(srsly.read_jsonl(_folder(patterns_dir) / "triggers.jsonl"))
