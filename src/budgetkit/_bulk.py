"""Building many long-lived objects at once without the cyclic garbage collector re-walking them (internal).

Python's cyclic collector runs after every few hundred new container objects, and from time to
time walks every object still alive: loading a directory of accounts and keeping them walks the
accounts already loaded again and again. :func:`paused_collector` stops the automatic runs for
the length of a bulk job; the job calls the function it yields after each item, which every
``every`` items collects the young generations only (the objects made since the last time, once
each), so garbage cycles a refused file leaves behind (an exception and its frames) are still
freed and memory stays bounded. The collector's previous state is restored however the job ends.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator

__all__ = ["paused_collector"]


@contextlib.contextmanager
def paused_collector(every: int = 256) -> Iterator[Callable[[], None]]:
    """Pause automatic collection; the yielded ``step()`` (one call per item) collects the young every ``every``.

    >>> import gc
    >>> with paused_collector(every=2) as step:
    ...     gc.isenabled()
    ...     for _ in range(5):
    ...         step()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    count = 0

    def step() -> None:
        nonlocal count
        count += 1
        if count >= every:
            count = 0
            gc.collect(1)  # generations 0 and 1: what was made since the last step of this kind, not the kept

    try:
        yield step
    finally:
        if was_enabled:
            gc.enable()
