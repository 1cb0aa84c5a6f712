"""Give freed memory back to the system.

glibc keeps freed heap pages for reuse, so a process's resident size stays at its peak: after
the model's graph optimisation at load, or an analysis's batches, hundreds of MB it no longer
uses. ``malloc_trim`` returns them. Elsewhere (macOS, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import cache


@cache
def _trim():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        return libc.malloc_trim if libc is not None and hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def release_memory(collect: bool = False) -> None:
    """Return free heap pages to the system where glibc allows it (the call runs outside the
    GIL). ``collect`` first runs the cycle collector, which holds the GIL: at start-up only."""
    if collect:
        gc.collect()
    trim = _trim()
    if trim is not None:
        trim(0)
