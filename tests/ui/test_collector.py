"""Cycles are collected on the GUI thread, never in a worker thread."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.collector import GuiThreadCollector


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def cycle(where: list[str]) -> None:
    """A reference cycle whose collection records the thread that collected it."""
    first, second = Node(), Node()
    first.other, second.other = second, first
    weakref.finalize(first, lambda: where.append(threading.current_thread().name))


def test_automatic_collection_is_off_and_the_gui_thread_collects(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # The test session runs one collector already (tests/conftest.py); a second one
    # here shows what the window's own does.
    collector = GuiThreadCollector(qapp, interval_ms=20)
    try:
        assert not gc.isenabled()
        collected_in: list[str] = []

        def allocate() -> None:
            cycle(collected_in)
            # Far past generation 0's threshold: automatic collection would run here.
            garbage = [Node() for _ in range(50 * gc.get_threshold()[0])]
            for node in garbage:
                node.other = node

        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join()
        assert collected_in == []  # not in the worker
        qtbot.waitUntil(lambda: collected_in != [], timeout=5000)
        assert collected_in == [threading.main_thread().name]
    finally:
        collector.stop()
    assert gc.isenabled() is False  # the session's collector still runs


def test_stopping_puts_automatic_collection_back(qapp: QApplication) -> None:
    gc.enable()
    collector = GuiThreadCollector(qapp)
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()
