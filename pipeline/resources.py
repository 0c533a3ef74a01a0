"""Where the data folders (patterns/, models/, schema/) live.

In a wheel they are copied into `pipeline/_data/`; in a source checkout or an editable install
they sit at the repository root, next to the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_path(name: str) -> Path:
    """Path of the bundled data folder `name` ("patterns", "models" or "schema")."""
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"data folder {name!r} not found next to the package; reinstall the project "
        "(pip install .) so that patterns/, models/ and schema/ are included"
    )
