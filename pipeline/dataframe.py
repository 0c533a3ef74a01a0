"""Events as a pandas DataFrame or a geopandas GeoDataFrame, for notebooks.

pandas is the `[pandas]` extra, geopandas the `[geo]` extra. Two flavours of columns:
"project" (the columns of `incidents export --format csv`) and "acled" (ACLED's columns, as
`incidents export --format acled` writes them, see `pipeline.acled`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .events import Event
from .store import ROW_COLUMNS, event_rows

FLAVOURS = ("project", "acled")


def _dicts(events: Iterable[Event | dict[str, Any]]) -> list[dict[str, Any]]:
    return [e.to_dict() if isinstance(e, Event) else e for e in events]


def events_to_dataframe(events: Iterable[Event | dict[str, Any]], flavour: str = "project"):
    """One row per event: `flavour="project"` gives the columns of `incidents export --format
    csv`, `flavour="acled"` ACLED's columns (event_id_cnty, event_date, ..., fatalities)."""
    try:
        import pandas as pd
    except ImportError as error:  # pragma: no cover - depends on the install
        raise ImportError(
            "events_to_dataframe needs pandas: pip install 'pak-militancy-incidents[pandas]'"
        ) from error
    if flavour not in FLAVOURS:
        raise ValueError(f"unknown flavour {flavour!r}; expected one of {FLAVOURS}")
    dicts = _dicts(events)
    if flavour == "acled":
        from .acled import ACLED_COLUMNS, acled_rows

        frame = pd.DataFrame(acled_rows(dicts), columns=ACLED_COLUMNS)
        frame["event_date"] = pd.to_datetime(frame["event_date"].replace("", None), format="%Y-%m-%d")
        for column in ("year", "time_precision", "iso", "geo_precision", "fatalities"):
            frame[column] = pd.to_numeric(frame[column].replace("", None)).astype("Int64")
        for column in ("latitude", "longitude"):
            frame[column] = pd.to_numeric(frame[column]).astype("Float64")
        return frame
    from .geo import with_coordinates

    return pd.DataFrame(event_rows([with_coordinates(e) for e in dicts]), columns=ROW_COLUMNS)


def events_to_geodataframe(events: Iterable[Event | dict[str, Any]], flavour: str = "project"):
    """`events_to_dataframe` as a geopandas GeoDataFrame of points (WGS 84, EPSG:4326); an event
    whose place the gazetteer does not know has no geometry (None). Needs the `[geo]` extra."""
    try:
        import geopandas as gpd
    except ImportError as error:
        raise ImportError(
            "events_to_geodataframe needs geopandas: pip install 'pak-militancy-incidents[geo]'"
        ) from error
    frame = events_to_dataframe(events, flavour=flavour)
    located = frame["longitude"].notna() & frame["latitude"].notna()
    points = gpd.points_from_xy(frame["longitude"].astype("float64"), frame["latitude"].astype("float64"))
    geometry = gpd.GeoSeries([p if ok else None for p, ok in zip(points, located)], crs="EPSG:4326")
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")
