"""Where commands write: never over a folder of someone else's files without being asked.

``generate`` and ``export --to csv`` write a dataset folder. They write into a
folder that does not exist yet, an empty one, or one graphmodel wrote before
(it leaves a small marker file, ``.graphmodel-output``, which readers ignore),
so running the same command again simply replaces what it wrote. Any other
folder with files in it is refused unless ``force`` is given.
"""
from __future__ import annotations

import os
from pathlib import Path

from graphmodel.problems import UsageError

__all__ = ["MARKER", "claim_folder", "mark_folder", "check_file_target"]

MARKER = ".graphmodel-output"


def claim_folder(path: str | os.PathLike[str], force: bool = False) -> Path:
    """The folder a command may write into; UsageError if writing would mix its files
    with others not written by graphmodel (unless ``force``), or the path is a file."""
    folder = Path(path)
    _no_file_above(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: is a file, not a folder; give a folder for --out")
    if force or not folder.exists() or (folder / MARKER).exists():
        return folder
    held = sorted(p.name for p in folder.iterdir())
    if held:
        shown = ", ".join(held[:5]) + (f" and {len(held) - 5} more" if len(held) > 5 else "")
        raise UsageError(f"{folder}: the folder holds files graphmodel did not write "
                         f"({shown}); choose an empty or new folder, or pass --force to "
                         "write into it (files of the same name are replaced)")
    return folder


def mark_folder(folder: str | os.PathLike[str], command: str) -> None:
    """Record that graphmodel ``command`` wrote the folder, so it may write there again."""
    (Path(folder) / MARKER).write_text(f"written by graphmodel {command}\n", encoding="utf-8")


def _no_file_above(target: Path) -> None:
    """UsageError if a folder the target would go in is a file."""
    for above in target.parents:
        if above.exists():
            if not above.is_dir():
                raise UsageError(f"{target}: {above} is a file, not a folder, so it cannot "
                                 "hold what --out names")
            return


def check_file_target(path: str | os.PathLike[str], example: str = "out") -> Path:
    """A path a command writes one file to; UsageError if it is a folder."""
    target = Path(path)
    _no_file_above(target)
    if target.is_dir():
        raise UsageError(f"{target}: is a folder; give a file name for --out, such as "
                         f"{target / example}")
    return target
