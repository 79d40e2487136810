"""Fewer fresh pages for the trained pipeline's arrays.

The tok2vec and parser layers make arrays of a few MB for every sub-batch and free them at
once. Two defaults make each of them fresh memory that the kernel must zero on first
touch (on a virtual machine a page fault costs more than the arithmetic done on the page):

- numpy asks for transparent huge pages on every array of 4 MB or more
  (`madvise(MADV_HUGEPAGE)`), so a first touch zeroes 2 MB at a time, touched or not;
- glibc serves an allocation over its mmap threshold (128 KB, rising only to the largest
  block freed so far) with a new mapping, and gives the top of its heap back to the
  system past its trim threshold, so the next sub-batch's arrays fault in again.

`reuse_freed_memory` turns numpy's huge-page advice off and raises glibc's thresholds so
that freed arrays are reused from the heap: on the 186 benchmark texts `claims extract`
spends ~0.4 CPU s less in the kernel for ~35 MB more peak memory, which does not grow
with the corpus (bench/throughput.py, its memory section). The output cannot change: only
where memory comes from does. Another C library, or a numpy without the switch, is left
as it is; a value the user set in the environment (MALLOC_MMAP_THRESHOLD_, ...) is kept.
"""

from __future__ import annotations

import ctypes
import os

# glibc's mallopt parameters (malloc.h)
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
# Arrays up to this size come from the heap; the heap keeps this much free at its top.
MMAP_THRESHOLD = 256 * 2**20
TRIM_THRESHOLD = 1024 * 2**20


def _mallopt():
    """glibc's mallopt, or None under another C library. The process's own symbols are
    searched (`CDLL(None)`): `ctypes.util.find_library` would run `ldconfig` in a
    subprocess at every start (~4 ms)."""
    try:
        return ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, TypeError):
        return None


def reuse_freed_memory() -> None:
    """numpy without huge-page advice, glibc reusing freed arrays (see above)."""
    import numpy

    switch = getattr(getattr(getattr(numpy, "_core", None), "multiarray", None), "_set_madvise_hugepage", None)
    if switch is not None and "NUMPY_MADVISE_HUGEPAGE" not in os.environ:
        switch(False)
    mallopt = _mallopt()
    if mallopt is None:
        return
    if "MALLOC_MMAP_THRESHOLD_" not in os.environ:
        mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)
