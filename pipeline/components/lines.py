"""Line breaks as sentence boundaries.

Headlines, datelines, subheadings and list items end without a full stop; the parser would
glue them to the next sentence ("... What It Means May 3, 2024 Six dead ...").
A token that starts a new line therefore starts a new sentence. Runs before the parser, which
keeps boundaries that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("incidents_line_breaks", assigns=["token.is_sent_start"])
def mark_line_breaks(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
        elif token.is_space and "\n" in token.text:
            continue
    return doc
