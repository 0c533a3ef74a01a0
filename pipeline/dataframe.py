"""Events as a pandas DataFrame, for notebooks (pandas is an optional extra)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .events import Event
from .store import ROW_COLUMNS, event_rows


def events_to_dataframe(events: Iterable[Event | dict[str, Any]]):
    """One row per event (the columns of `incidents export --format csv`)."""
    try:
        import pandas as pd
    except ImportError as error:  # pragma: no cover - depends on the install
        raise ImportError(
            "events_to_dataframe needs pandas: pip install 'pak-militancy-incidents[pandas]'"
        ) from error
    dicts = [e.to_dict() if isinstance(e, Event) else e for e in events]
    return pd.DataFrame(event_rows(dicts), columns=ROW_COLUMNS)
