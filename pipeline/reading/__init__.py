"""The input layer: a path (folder, walked recursively, or one file) into documents.

    from pipeline.reading import iter_inputs, Document, ReadFailure

    for item in iter_inputs("corpus/"):
        if isinstance(item, ReadFailure):
            print(item.stage, item.path, item.reason)

See `inputs` for what counts as an input and how duplicates, symlinks and metadata are
handled, `text` for decoding and the language check, `dateline` for publication dates.
"""

from .inputs import iter_inputs, read_text_document
from .model import Document, ReadFailure

__all__ = ["Document", "ReadFailure", "iter_inputs", "read_text_document"]
