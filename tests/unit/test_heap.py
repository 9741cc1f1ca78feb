"""components/heap.py: the heap is frozen once per view, after a collection."""

from __future__ import annotations

import gc
import threading

import pytest

from components import heap


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch):
    monkeypatch.setattr(heap, "_seen", set())
    yield
    gc.unfreeze()


def test_freezes_once_per_view(monkeypatch):
    done = []
    monkeypatch.setattr(heap, "_collect_and_freeze", lambda: done.append(threading.current_thread().name))
    assert heap.freeze_after_first_run("/populations", delay_s=0)
    assert not heap.freeze_after_first_run("/populations", delay_s=0)
    assert heap.freeze_after_first_run("/careers", delay_s=0)
    for thread in threading.enumerate():
        if isinstance(thread, threading.Timer):
            thread.join(timeout=5)
    # both on timer threads, never in the run that asked for it
    assert len(done) == 2 and threading.main_thread().name not in done


def test_collects_garbage_before_freezing():
    class Cycle:
        pass

    gc.unfreeze()
    alive = Cycle()
    garbage = Cycle()
    garbage.me = garbage  # a reference cycle: only the collector frees it
    seen = []

    class Watch:
        def __del__(self):
            seen.append("freed")

    garbage.watch = Watch()
    del garbage
    heap._collect_and_freeze()
    assert seen == ["freed"]  # the cycle was collected, not frozen for good
    assert gc.get_freeze_count() > 0
    assert all(obj is not alive for obj in gc.get_objects())  # frozen objects leave the tracked generations
