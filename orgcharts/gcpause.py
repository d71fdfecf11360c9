"""Pausing the cyclic garbage collector around work that allocates many objects that all stay alive.

Building the cards or the layout of 100,000 roles allocates millions of lists, tuples and
floats that live on in the result; the collections their allocation triggers scan the whole
heap and free nothing. ``orgcharts.loader`` pauses it while reading a file, for the same reason.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block, and enable it again after if it was enabled."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
