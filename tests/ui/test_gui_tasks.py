"""The background-work primitive: callbacks on the GUI thread, stale results dropped."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from functools import partial

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from app.ui.tasks import Generation, Pool, TaskRunner

WAIT_MS = 5_000


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_success_arrives_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    gui_thread = threading.get_ident()
    seen: list[tuple[int, int]] = []
    with qtbot.waitSignal(runner.job_finished, timeout=WAIT_MS):
        runner.run(threading.get_ident, lambda worker: seen.append((worker, threading.get_ident())))
    [(worker, callback)] = seen
    assert worker != gui_thread
    assert callback == gui_thread


def test_failure_goes_to_the_failure_callback(qtbot: QtBot, runner: TaskRunner) -> None:
    def fail() -> None:
        raise ValueError("no")

    failures: list[Exception] = []
    with qtbot.waitSignal(runner.job_finished, timeout=WAIT_MS):
        runner.run(fail, lambda _result: pytest.fail("succeeded"), failures.append)
    assert [type(error) for error in failures] == [ValueError]


def test_failure_without_a_handler_goes_to_the_default(qtbot: QtBot) -> None:
    failures: list[Exception] = []
    runner = TaskRunner(default_failure=failures.append)
    try:
        with qtbot.waitSignal(runner.job_finished, timeout=WAIT_MS):
            runner.run(lambda: 1 // 0, lambda _result: None)
    finally:
        runner.shutdown()
    assert [type(error) for error in failures] == [ZeroDivisionError]


def test_a_stale_result_is_dropped(qtbot: QtBot, runner: TaskRunner) -> None:
    generation = Generation()
    results: list[str] = []
    release = threading.Event()

    def slow() -> str:
        release.wait(WAIT_MS / 1000)
        return "vanha"

    runner.run(slow, results.append, is_current=generation.guard())
    generation.advance()
    release.set()
    with qtbot.waitSignal(runner.job_finished, timeout=WAIT_MS):
        pass
    assert results == []
    assert runner.pending == 0


def test_disk_work_runs_in_order(qtbot: QtBot, runner: TaskRunner) -> None:
    order: list[int] = []
    for index in range(20):
        runner.run(partial(order.append, index), lambda _result: None, pool=Pool.DISK)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT_MS)
    assert order == list(range(20))


def test_nothing_runs_after_shutdown(qtbot: QtBot) -> None:
    runner = TaskRunner()
    called: list[object] = []
    runner.run(lambda: 1, called.append)
    runner.shutdown()
    runner.run(lambda: 2, called.append)
    # The first result is queued for the GUI thread by now: deliver it, if it were delivered.
    QCoreApplication.processEvents()
    assert called == []
    assert runner.pending == 0


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None and True are immortal")
def test_binding_keeps_reference_counts(qtbot: QtBot) -> None:
    """PySide6 6.12.0 steals a reference to None on every void call and to True on every
    Signal.emit; on CPython 3.11 the interpreter then aborts mid-shift. pyproject pins it out.
    """
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QLabel

    class Emitter(QObject):
        happened = Signal()

    label = QLabel()
    emitter = Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(500):
        label.setText("x")
        emitter.happened.emit()
    assert sys.getrefcount(None) >= none_before - 50
    assert sys.getrefcount(True) >= true_before - 50
