"""The scripts and styles every page inlines, so it works with no network at all.

They are graphmodel's own (package data beside this module: ``network.js``
drives vis-network, which :mod:`~graphmodel.maps.pyvis_page` inlines from the
pyvis package; ``deck.js`` runs a deck; ``map.css`` styles every page), so a page
depends on nothing else and nothing is fetched at run time.
"""
from __future__ import annotations

import base64
import functools
import hashlib
from pathlib import Path

from graphmodel.problems import INTERNAL, GraphmodelError

__all__ = ["runtime_script", "style_sheet", "script_hash", "inline_safe", "MissingAsset"]
_STATIC = Path(__file__).resolve().parent / "static"


class MissingAsset(GraphmodelError):
    """A script or style sheet the installed package should hold: a broken install."""
    exit_code = INTERNAL


def inline_safe(script: str, name: str) -> str:
    """A script or style sheet that can sit inside <script> or <style> as it is."""
    lowered = script.lower()
    if "</script" in lowered or "</style" in lowered or "<!--" in script:
        raise MissingAsset(f"{name} cannot be inlined: it contains '</script', '</style' "
                           "or '<!--'")
    return script


@functools.lru_cache(maxsize=None)
def runtime_script(name: str = "network.js") -> str:
    """One of graphmodel's own scripts (network.js drives the maps, deck.js runs a deck)."""
    return inline_safe((_STATIC / name).read_text(encoding="utf-8"), name)


@functools.lru_cache(maxsize=None)
def style_sheet(name: str = "map.css") -> str:
    """graphmodel's style sheet (map.css, for every page)."""
    return inline_safe((_STATIC / name).read_text(encoding="utf-8"), name)


def script_hash(script: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
