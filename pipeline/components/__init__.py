"""The incident stages of the spaCy pipeline, registered as factories on import.

The span rulers (entities and triggers) are spaCy's own `span_ruler`; their patterns come from
the readers in `patterns`. `relations` is the trained stage of the accurate modes.
"""

from . import casualties, dates, events, lines, normalize, patterns, relations  # noqa: F401
