"""`streamlit run` with heap tracing on, for bench/memory_probe.py.

    TRACE_DIR=/tmp/trace python bench/traced_server.py dashboard.py --server.port 8501

Starts tracemalloc (TRACE_FRAMES frames per allocation, 25 by default; 0: no tracing)
before Streamlit is imported, then runs `streamlit run` with the given arguments in
this process. While it runs, a thread watches TRACE_DIR: for each file
`<label>.request` that appears it collects garbage, writes `<label>.json` (RSS, glibc
malloc's own statistics from mallinfo2: memory in use and memory freed but kept in its
arenas, and pyarrow's memory pool), with tracing also a snapshot of the traced Python
heap to `<label>.snap` (tracemalloc.Snapshot.dump format), and removes the request.
So a driver can read the heap at chosen moments (before sessions open, after they
close) and compare by file and line. A request named `trim.request` first calls
glibc's malloc_trim(0), which hands freed arena memory back to the system: the RSS
it saves is memory the allocator kept, not memory anything still uses. Tracing slows
every allocation: never time with it.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import sys
import threading
import time
import tracemalloc
from pathlib import Path


class MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def allocator_stats() -> dict:
    out: dict = {}
    with open("/proc/self/statm") as statm:
        out["rss_mb"] = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = MallInfo2
        info = libc.mallinfo2()
        out["malloc_in_use_mb"] = (info.uordblks + info.hblkhd) / 2**20  # small blocks + mmapped ones
        out["malloc_free_kept_mb"] = info.fordblks / 2**20  # freed, still held in the arenas
    except (OSError, AttributeError):
        pass
    if "pyarrow" in sys.modules:
        import pyarrow

        pool = pyarrow.default_memory_pool()
        out["pyarrow_pool"] = pool.backend_name
        out["pyarrow_allocated_mb"] = pool.bytes_allocated() / 2**20
        out["pyarrow_max_mb"] = pool.max_memory() / 2**20
    if tracemalloc.is_tracing():
        out["traced_mb"] = tracemalloc.get_traced_memory()[0] / 2**20
    return out


def watch(directory: Path) -> None:
    while True:
        for request in sorted(directory.glob("*.request")):
            gc.collect()
            if request.stem == "trim":
                ctypes.CDLL("libc.so.6").malloc_trim(0)
            stats = allocator_stats()
            if tracemalloc.is_tracing():
                snapshot = tracemalloc.take_snapshot()
                partial = directory / f"{request.stem}.snap.part"
                snapshot.dump(str(partial))
                partial.rename(directory / f"{request.stem}.snap")  # appears whole or not at all
            partial = directory / f"{request.stem}.json.part"
            partial.write_text(json.dumps(stats))
            partial.rename(directory / f"{request.stem}.json")
            request.unlink()
        time.sleep(0.1)


def main() -> None:
    directory = Path(os.environ["TRACE_DIR"])
    directory.mkdir(parents=True, exist_ok=True)
    frames = int(os.environ.get("TRACE_FRAMES", "25"))
    if frames:
        tracemalloc.start(frames)
    threading.Thread(target=watch, args=(directory,), daemon=True, name="heap-snapshots").start()
    sys.path.insert(0, os.getcwd())  # as `streamlit run` from the project root would see it
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", *sys.argv[1:]]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main()
