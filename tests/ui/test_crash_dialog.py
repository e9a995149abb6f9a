"""The crash dialog: each distinct crash once, from the GUI thread or a worker, and the
debug text it copies holds frames, never the exception's words."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.ui.crash_dialog import CrashHandler
from tests.gui_helpers import WAIT_MS, click

# The offscreen platform's own limitation, printed when a dialog's layout changes.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")
CANARY = "KANARIA-crash-51d0: Đuolbmá Ŋilá, 010190-999K"


@pytest.fixture
def handler(qtbot: QtBot) -> Iterator[CrashHandler]:
    """The window's hooks, installed over pytest-qt's for the test; theirs come back."""
    crashes = CrashHandler()
    crashes.install()
    yield crashes
    crashes.uninstall()
    for dialog in list(crashes.dialogs):
        dialog.close()


def crash_in_slot() -> None:
    raise RuntimeError(CANARY)


def crash_in_worker(started: threading.Event, finished: threading.Event) -> None:
    started.set()
    try:
        raise LookupError(CANARY)
    finally:
        finished.set()


def test_a_crash_in_a_slot_is_shown_once_and_copied_without_its_message(
    qtbot: QtBot, handler: CrashHandler, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    QTimer.singleShot(0, crash_in_slot)
    qtbot.waitUntil(lambda: len(handler.dialogs) == 1, timeout=WAIT_MS)
    dialog = handler.dialogs[0]
    assert dialog.isVisible()
    assert not dialog.isModal()
    assert dialog.windowTitle() == "Odottamaton virhe"
    assert "Tallennetut kirjaukset ovat tallessa" in dialog_text(dialog)
    assert "helpdeskiin" in dialog_text(dialog)

    # The same crash again: logged, no second dialog.
    with qtbot.waitSignal(handler.crashed, timeout=WAIT_MS):
        QTimer.singleShot(0, crash_in_slot)
    qtbot.waitUntil(lambda: "the same crash again" in caplog.text, timeout=WAIT_MS)
    assert len(handler.dialogs) == 1

    QGuiApplication.clipboard().clear()
    assert dialog.copy_button.text() == "&Kopioi vianetsintätiedot"
    click(dialog.copy_button)
    copied = QGuiApplication.clipboard().text()
    assert "tests/ui/test_crash_dialog.py:" in copied
    assert " in crash_in_slot" in copied
    assert "exception: RuntimeError" in copied
    assert "app: paivystys " in copied
    assert "python: " in copied
    assert "qt: " in copied
    assert "time: " in copied
    assert "KANARIA" not in copied
    assert "Đuolbmá" not in copied
    assert "010190" not in copied
    assert dialog.isVisible()  # copying does not close it
    assert dialog.copied.text() == "Vianetsintätiedot kopioitu leikepöydälle."
    # The crash reached the log, without its words either.
    assert caplog.text.count("unexpected") == 2
    assert "in crash_in_slot" in caplog.text
    assert "KANARIA" not in caplog.text


def test_a_crash_in_a_worker_thread_is_shown_on_the_gui_thread_without_waiting(
    qtbot: QtBot, handler: CrashHandler
) -> None:
    shown_in: list[threading.Thread] = []
    handler.crashed.connect(lambda _crash: shown_in.append(threading.current_thread()))
    for _ in range(2):
        started, finished = threading.Event(), threading.Event()
        worker = threading.Thread(target=crash_in_worker, args=(started, finished))
        worker.start()
        # The hook only posts: the thread ends while no dialog has been shown yet.
        worker.join(timeout=WAIT_MS / 1000)
        assert not worker.is_alive()
        assert len(handler.dialogs) == 0
    qtbot.waitUntil(lambda: len(shown_in) == 2, timeout=WAIT_MS)
    assert shown_in == [threading.main_thread()] * 2
    assert len(handler.dialogs) == 1
    click(handler.dialogs[0].copy_button)
    copied = QGuiApplication.clipboard().text()
    assert "exception: LookupError" in copied
    assert " in crash_in_worker" in copied
    assert "thread: Thread-" in copied
    assert "KANARIA" not in copied

    # A different crash is a new dialog.
    QTimer.singleShot(0, crash_in_slot)
    qtbot.waitUntil(lambda: len(handler.dialogs) == 2, timeout=WAIT_MS)


def test_uninstall_gives_the_hooks_back() -> None:
    before = (sys.excepthook, threading.excepthook)
    crashes = CrashHandler()
    crashes.install()
    assert sys.excepthook != before[0]
    crashes.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def dialog_text(dialog: object) -> str:
    from PySide6.QtWidgets import QLabel, QWidget

    assert isinstance(dialog, QWidget)
    return " ".join(label.text() for label in dialog.findChildren(QLabel))
