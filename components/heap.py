"""Keep Python's garbage collector off the long-lived part of the server's heap.

After a page's first run in a process, its imports (pandas, plotly, the page's modules)
and its cached data are alive for the life of the process: some 100,000-300,000 objects.
Python's cyclic garbage collector scans all of them in every full collection, a pause of
~0.1 s that lands in whichever rerun triggers it (seen as the largest single cost in a
profile of a Sources rerun). `gc.freeze()` moves every object alive at that moment to a
permanent generation that collections skip; objects made later (each rerun's) are
collected as before. Pure Python, no Streamlit: `dashboard.py` calls it after each run.
"""

from __future__ import annotations

import gc
import threading

_seen: set[str] = set()
_lock = threading.Lock()


def freeze_after_first_run(view: str, delay_s: float = 1.0) -> bool:
    """Freeze the heap once per view (a page's URL path) and process, shortly after that
    view's first run, when its imports and caches exist. Returns whether it was scheduled.

    It runs on a timer thread, after the run has sent its page: the collection that comes
    first (so that garbage of that moment is not frozen for good) then costs the reader
    nothing. Bounded: at most one freeze per page of the navigation per process.
    """
    with _lock:
        if view in _seen:
            return False
        _seen.add(view)
    timer = threading.Timer(delay_s, _collect_and_freeze)
    timer.daemon = True
    timer.start()
    return True


def _collect_and_freeze() -> None:
    gc.collect()
    gc.freeze()
