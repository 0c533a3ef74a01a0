"""The incident stages of the spaCy pipeline, registered as factories on import.

The span rulers (entities and triggers) are spaCy's own `span_ruler` with its plain-word token
patterns matched as phrases (`rulers`: same spans, less time); their patterns come from the
readers in `patterns`. en_core_web_sm's attribute ruler runs as `attributes` (same attributes,
less time), and its lemmatizer as `lemmas` (same lemmas, less time). `relations` is the trained
stage of the accurate modes; `tokenizer` adds the hyphenated words the tokenizer keeps whole and
splits words run together.
"""

from . import attributes, casualties, dates, events, lemmas, lines, normalize, patterns, relations, rulers, tokenizer  # noqa: F401
