"""milobot.heap: freed memory goes back to the OS where the C library can do it, and nothing breaks where not."""

from __future__ import annotations

import ctypes
import gc
import platform
import sys

import pytest

from milobot import heap


@pytest.fixture(autouse=True)
def _look_again():
    heap._trim, heap._looked = None, False
    yield
    heap._trim, heap._looked = None, False


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc", reason="glibc only"
)
def test_glibc_gives_freed_pages_back():
    garbage = [bytes(100_000) for _ in range(200)]  # 20 MB in blocks glibc keeps after they are freed
    del garbage
    assert heap.give_back_free_memory() is True
    assert heap.give_back_free_memory() is True  # looked up once, callable again


def test_a_c_library_without_malloc_trim_is_a_no_op(monkeypatch):
    class Musl:  # no malloc_trim attribute, as on Alpine
        pass

    monkeypatch.setattr(ctypes, "CDLL", lambda _name: Musl())
    assert heap.give_back_free_memory() is False


def test_no_c_library_at_all_is_a_no_op(monkeypatch):
    def missing(_name):
        raise OSError("no such library")

    monkeypatch.setattr(ctypes, "CDLL", missing)
    assert heap.give_back_free_memory() is False


@pytest.fixture
def _unfrozen():
    yield
    gc.unfreeze()  # the test process keeps collecting everything, as before


def test_the_startup_heap_leaves_the_collectors_full_passes(_unfrozen):
    gc.unfreeze()  # the suite freezes its own heap before each test (tests/conftest.py)
    gc.collect()
    tracked = len(gc.get_objects(generation=2))
    frozen = heap.freeze_startup_heap()
    assert frozen >= tracked * 0.9 and tracked > 1000
    # What a full pass walks now is only what was made since: nothing of the frozen heap.
    assert len(gc.get_objects(generation=2)) < tracked // 100
    made_since = [[i] for i in range(2000)]
    gc.collect()
    assert len(gc.get_objects(generation=2)) >= len(made_since)
