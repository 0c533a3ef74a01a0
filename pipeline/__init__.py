"""Extract structured, deduplicated incident records from news about militancy in Pakistan."""

__version__ = "0.1.0"
from .evaluation import evaluate  # noqa: E402,F401
