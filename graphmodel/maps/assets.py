"""The scripts and styles every page inlines, so it works with no network at all.

vis-network (which draws the map) is the copy pyvis ships inside its package,
found without importing pyvis; graphmodel's own script and style sheet are
package data beside this module. Nothing is fetched at run time.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import importlib.util
from pathlib import Path

from graphmodel.problems import GraphmodelError

__all__ = ["vis_network", "runtime_script", "style_sheet", "script_hash", "MissingAsset",
           "VIS_VERSION"]

VIS_VERSION = "9.1.2"
_STATIC = Path(__file__).resolve().parent / "static"


class MissingAsset(GraphmodelError):
    exit_code = 3


def _safe(script: str, name: str) -> str:
    """A script that can sit inside <script> ... </script> as it is."""
    if "</script" in script.lower() or "<!--" in script:
        raise MissingAsset(f"{name} cannot be inlined: it contains '</script' or '<!--'")
    return script


@functools.lru_cache(maxsize=None)
def vis_network() -> str:
    """vis-network's standalone build, from the pyvis package."""
    spec = importlib.util.find_spec("pyvis")
    roots = list(spec.submodule_search_locations or ()) if spec else []
    for root in roots:
        path = Path(root) / "templates" / "lib" / f"vis-{VIS_VERSION}" / "vis-network.min.js"
        if path.exists():
            return _safe(path.read_text(encoding="utf-8"), path.name)
    raise MissingAsset(f"vis-network {VIS_VERSION} was not found in the pyvis package: "
                       "reinstall graphmodel's dependencies (pip install pyvis>=0.3.2)")


@functools.lru_cache(maxsize=None)
def runtime_script(name: str = "map.js") -> str:
    """One of graphmodel's own scripts (map.js draws maps, deck.js runs a deck)."""
    return _safe((_STATIC / name).read_text(encoding="utf-8"), name)


@functools.lru_cache(maxsize=None)
def style_sheet() -> str:
    return (_STATIC / "map.css").read_text(encoding="utf-8")


def script_hash(script: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
