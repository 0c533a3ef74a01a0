"""Line breaks as sentence boundaries.

Headlines, datelines, subheadings and list items end without a full stop; the parser would
glue them to the next sentence ("... What It Means May 3, 2024 Six dead ...").
A token that starts a new line therefore starts a new sentence. A short line with no mark that
ends a sentence (a headline: "2 killed in Kurram drone strike") is one sentence: the parser
would otherwise cut a title that opens with a figure after the figure. Nor does a word after a
closing bracket start a sentence, unless a full stop closed the bracket's words. Runs before the parser,
which keeps boundaries that are already set, both ways.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


#: a line of at most this many tokens without a mark that ends a sentence or clause is a title
TITLE_MAX_TOKENS = 20
SENTENCE_ENDS = frozenset({".", "!", "?", ";"})  # a title of two clauses ("23 killed in X; 10 more in Y") stays two


@Language.component("incidents_line_breaks", assigns=["token.is_sent_start"])
def mark_line_breaks(doc: Doc) -> Doc:
    line_starts = [0]
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
            line_starts.append(token.i)
    for token in doc[2:]:
        # "Tehreek-e-Taliban Pakistan (TTP) Swat chapter claimed ...": the parser may start a
        # sentence after a closing bracket; within a line, only a mark inside it ends one
        previous = doc[token.i - 1]
        if previous.text == ")" and token.i not in line_starts and doc[token.i - 2].text not in SENTENCE_ENDS and not token.is_punct:
            token.is_sent_start = False
    for start, end in zip(line_starts, line_starts[1:] + [len(doc)]):
        words = [t for t in doc[start:end] if not t.is_space]
        if 1 < len(words) <= TITLE_MAX_TOKENS and not any(t.text in SENTENCE_ENDS for t in words):
            for token in words[1:]:
                token.is_sent_start = False
    return doc
