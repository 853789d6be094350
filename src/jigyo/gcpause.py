"""Pausing Python's cycle collector around bulk work.

Loading, comparing and rendering a large year each build hundreds of
thousands of small objects in one go. The cycle collector would rescan them
over and over (up to a third of the time on a 1,000-unit year) while nothing
needs collecting yet; reference counting still frees what is dropped, and
the collector runs as usual once the work is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
