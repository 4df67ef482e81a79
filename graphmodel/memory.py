"""Large networks: keep Python's cyclic garbage collector out of the way.

Records, findings and evidence hold no reference cycles, so the cyclic
collector finds nothing to free; but each time enough new objects pile up it
rescans every object alive, and a large network has millions. Reading a big
source or reviewing it makes millions of objects, so the collector would run
hundreds of times over the whole heap (a third of a review's time, measured).
"""
from __future__ import annotations

import functools
import gc
from contextlib import contextmanager
from typing import Callable, Iterator, ParamSpec, TypeVar

__all__ = ["no_cycle_collection", "without_cycle_collection"]

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic collector for the block (reference counting still frees memory)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def without_cycle_collection(fn: Callable[P, R]) -> Callable[P, R]:
    """Decorate a function to run with the cyclic collector paused."""
    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with no_cycle_collection():
            return fn(*args, **kwargs)
    return wrapper
