"""The batch processes' collector settings: what exists is frozen, young objects are collected less
often, and cycles made afterwards are still collected."""
import gc
import weakref

from geo import gc_policy


def test_for_long_runs_freezes_and_still_collects_cycles():
    before = gc.get_threshold()
    try:
        gc_policy.for_long_runs()
        assert gc.get_threshold()[0] == gc_policy.YOUNG
        assert gc.get_freeze_count() > 0

        class Node:
            pass

        a, b = Node(), Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        del a, b
        gc.collect()
        assert gone() is None
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
