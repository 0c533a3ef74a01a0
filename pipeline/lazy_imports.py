"""Cheaper first use of heavy optional libraries.

quantulum3 (read number shapes the word table does not, `pipeline.components.casualties`) is
imported only when first needed, and imports `inflect`. inflect 7 decorates its methods with
typeguard's `@typechecked`, which re-parses and recompiles inflect's whole module source for each
of them: about 4 s of CPU on the first document that needs quantulum3, in every process (the
better part of a cold start, and paid again by each worker of `--n-process`). The checks it adds
are development aids (typeguard skips them under `python -O`); `install()` registers an import
hook that imports inflect with the decorator as a pass-through, as `-O` would, and changes
nothing else. The hook costs nothing until inflect is imported.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys


def _pass_through(target=None, **_options):
    return target if target is not None else (lambda function: function)


class _WithoutTypeguard(importlib.abc.Loader):
    """Runs a module's code with `typeguard.typechecked` replaced by a pass-through."""

    def __init__(self, inner: importlib.abc.Loader) -> None:
        self.inner = inner

    def create_module(self, spec):
        return self.inner.create_module(spec)

    def exec_module(self, module) -> None:
        try:
            import typeguard
        except ImportError:
            self.inner.exec_module(module)
            return
        original = typeguard.typechecked
        typeguard.typechecked = _pass_through
        try:
            self.inner.exec_module(module)
        finally:
            typeguard.typechecked = original


class _InflectFinder(importlib.abc.MetaPathFinder):
    names = frozenset({"inflect"})

    def find_spec(self, name, path, target=None):
        if name not in self.names:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return None
        spec.loader = _WithoutTypeguard(spec.loader)
        return spec


def install() -> None:
    """Register the import hook (once)."""
    if not any(isinstance(finder, _InflectFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _InflectFinder())
