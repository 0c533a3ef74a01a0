"""Tokenizer exceptions from patterns/tokenizer.json: hyphenated words kept whole, words run
together ("atleast") split into their parts, rare words given a common word's norm for the
tagger and parser ("passersby" read as "people"), and infixes split where a credit closes on a
word ("(APP):Nine").

Registered as the `[initialize.before_init]` callback of models/config.cfg, so the special cases
are part of the tokenizer that `nlp.to_disk` saves with the compiled pipeline (and the first pass,
which uses the same tokenizer, sees the same tokens).
"""

from __future__ import annotations

from pathlib import Path

import spacy
import srsly
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.util import compile_infix_regex

from ..resources import data_path


def spellings(word: str) -> set[str]:
    """'sub-inspector' as texts write it: lower case, capitalised, title case, upper case."""
    return {word.lower(), word[:1].upper() + word[1:].lower(), "-".join(part.capitalize() for part in word.split("-")), word.upper()}


@spacy.registry.callbacks("incidents.tokenizer_exceptions.v1")
def tokenizer_exceptions(patterns_dir: str | None = None):
    def add_exceptions(nlp: Language) -> Language:
        folder = Path(patterns_dir) if patterns_dir else data_path("patterns")
        exceptions = srsly.read_json(folder / "tokenizer.json")
        for word in exceptions["hyphenated_words"]:
            for spelling in spellings(word):
                nlp.tokenizer.add_special_case(spelling, [{ORTH: spelling}])
        for word, parts in exceptions.get("run_together_words", {}).items():
            if "".join(parts) != word:
                raise ValueError(f"tokenizer.json: the parts {parts} of {word!r} do not spell it")
            for spelling in spellings(word):
                pieces, start = [], 0
                for part in parts:  # the spelling's own letters, cut where the parts meet
                    pieces.append({ORTH: spelling[start : start + len(part)]})
                    start += len(part)
                nlp.tokenizer.add_special_case(spelling, pieces)
        for word, norm in exceptions.get("parse_norms", {}).items():
            for spelling in spellings(word):
                nlp.tokenizer.add_special_case(spelling, [{ORTH: spelling, NORM: norm}])
        extra_infixes = exceptions.get("split_infixes", [])
        if extra_infixes:
            nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *extra_infixes]).finditer
        return nlp

    return add_exceptions
