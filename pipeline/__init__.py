"""Extract structured, deduplicated incident records from news about militancy in Pakistan."""

__version__ = "0.1.0"
