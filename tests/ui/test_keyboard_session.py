"""A whole duty session by the keyboard alone, as a worker without a mouse works.

Every step is a key event to the widget that has the focus (or a shortcut); the test
reads state only to check it. Real training systems on 127.0.0.1, a real encrypted
outbox; the entry, the notification and the handoff are read back from the training
systems over HTTP.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.policy import SessionConfig
from app.services.auth.pin import PinStore, ScryptCost
from app.training.server import TrainingServer
from app.ui.followup.handoff_dialog import HandoffDialog
from app.ui.followup.notification_form import NotificationForm
from app.ui.main_window import MainWindow
from app.ui.outbox.view import OutboxView
from tests.gui_helpers import (
    CTRL,
    HELSINKI,
    HYVINKAA,
    JARVENPAA,
    WAIT_MS,
    WORKER,
    FakeClock,
    WindowOpener,
    clients,
)
from tests.helpers import records

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

PIN = "480917"
CHEAP = ScryptCost(n=2**4, r=1, p=1)
NARRATIVE = "Poliisi soitti klo 23; asiakas ohjattu kriisikeskukseen. Ŋ Ž ä"
WHAT = "Lapsi tavattiin yöllä yksin asemalla. Č Đ ö"
CASE = "Lapsi sijoitettu kiireellisesti; huoltajat tavoitettu. Š Ŧ å"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(code: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key press to the focused widget, as the keyboard delivers it."""
    QTest.keyClick(focused(), code, modifiers)


def keys(text: str) -> None:
    """``text`` typed into the focused widget; a letter QTest cannot synthesise (ä, Ŋ)
    arrives as a key event carrying its text, as from a keyboard layout or input method."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(focused(), char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(focused(), event)


def tab_to(qtbot: QtBot, target: QWidget, limit: int = 40) -> None:
    """Tab until ``target`` has the focus (the way a worker gets to a field)."""
    for _ in range(limit):
        if target.hasFocus():
            return
        key(Qt.Key.Key_Tab)
    assert target.hasFocus(), f"Tab never reached {target.objectName()}"


def active_window() -> QWidget:
    widget = QApplication.activeModalWidget() or QApplication.activeWindow()
    assert widget is not None
    return widget


def back_to(qtbot: QtBot, window: MainWindow) -> None:
    """A dialog closed: the window manager gives the main window the focus back (the
    offscreen platform has no window manager, so the test does its part)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: active_window() is window, timeout=WAIT_MS)


def locked(window: MainWindow) -> bool:
    """Read afresh each time (an attribute asserted once would stay narrowed)."""
    return window.lock.is_locked


def test_a_whole_session_by_the_keyboard(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer, tmp_path: Path
) -> None:
    clock = FakeClock(dt.datetime.now(HELSINKI))
    context = opener.context()
    pins = PinStore(tmp_path / "pin" / "unlock-pin.json", CHEAP)
    pins.set_pin(PIN, WORKER, clock.moment)
    policy = replace(context.policy, session=SessionConfig(idle_minutes=60, max_offline_hours=12))
    window: MainWindow = opener.open(replace(context, policy=policy, pins=pins), now=clock)
    child = clients(training, HYVINKAA)[0]

    # Municipalities: Ctrl+2, then Ctrl+1; the focus goes to the identity code field.
    for shortcut, code in ((Qt.Key.Key_2, JARVENPAA), (Qt.Key.Key_1, HYVINKAA)):
        with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
            key(shortcut, CTRL)
        assert window.switcher.current_code() == code
    assert window.desk.search.field.hasFocus()

    # Away from the field and back with Ctrl+F; the code, Enter: the client's card.
    key(Qt.Key.Key_Tab)
    assert not window.desk.search.field.hasFocus()
    key(Qt.Key.Key_F, CTRL)
    assert window.desk.search.field.hasFocus()
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        keys(child.hetu.value)
        key(Qt.Key.Key_Return)
    assert window.desk.card.name.text() == child.full_name

    # An entry: Ctrl+N, the narrative, Ctrl+Enter; the training system has it.
    key(Qt.Key.Key_N, CTRL)
    assert focused() is window.desk.form.narrative
    keys(NARRATIVE)
    key(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(
        lambda: NARRATIVE in [r["text"] for r in records(training, HYVINKAA, "entry")],
        timeout=WAIT_MS,
    )
    (entry,) = records(training, HYVINKAA, "entry")
    assert entry["hetu"] == child.hetu.value
    assert entry["author"] == WORKER

    # A child welfare notification: Ctrl+I opens it filled from the card.
    key(Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: isinstance(active_window(), NotificationForm), timeout=WAIT_MS)
    form = active_window()
    assert isinstance(form, NotificationForm)
    fields = form.fields
    assert focused() is fields.notifier_person
    keys("Vanhempi konstaapeli Testi")
    key(Qt.Key.Key_Tab)
    keys("+358 29 000 0000")
    tab_to(qtbot, fields.what_happened)
    keys(WHAT)
    key(Qt.Key.Key_Tab)
    assert focused() is fields.urgency
    key(Qt.Key.Key_Down)  # "Kiireellinen"
    key(Qt.Key.Key_Tab)
    assert focused() is fields.child_told
    key(Qt.Key.Key_Down)  # "Kyllä"
    with qtbot.waitSignal(window.followup.followup_delivered, timeout=WAIT_MS) as delivered:
        key(Qt.Key.Key_Return, CTRL)
    assert delivered.args == ["notification", HYVINKAA]
    (notification,) = records(training, HYVINKAA, "notification")
    assert notification["text"] == WHAT
    assert notification["urgency"] == "urgent"
    assert notification["child_informed"] is True

    # A handoff: Ctrl+H, the case, Ctrl+Enter.
    back_to(qtbot, window)
    key(Qt.Key.Key_H, CTRL)
    qtbot.waitUntil(lambda: isinstance(active_window(), HandoffDialog), timeout=WAIT_MS)
    dialog = active_window()
    assert isinstance(dialog, HandoffDialog)
    assert focused() is dialog.text
    keys(CASE)
    with qtbot.waitSignal(window.followup.followup_delivered, timeout=WAIT_MS) as delivered:
        key(Qt.Key.Key_Return, CTRL)
    assert delivered.args == ["mail", HYVINKAA]
    (mail,) = records(training, HYVINKAA, "mail")
    assert CASE in mail["text"]

    # The outbox: Ctrl+L opens it, Esc closes it.
    back_to(qtbot, window)
    key(Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: isinstance(active_window(), OutboxView), timeout=WAIT_MS)
    view = active_window()
    assert view.isVisible()
    key(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=WAIT_MS)

    # F12 locks; the PIN and Enter open it again.
    back_to(qtbot, window)
    lock = window.lock
    with qtbot.waitSignal(lock.cleared, timeout=WAIT_MS):
        key(Qt.Key.Key_F12)
    assert locked(window)
    assert window.desk.client is None
    assert focused() is lock.screen.pin
    keys(PIN)
    with qtbot.waitSignal(lock.unlocked, timeout=WAIT_MS):
        key(Qt.Key.Key_Return)
    assert not locked(window)
    assert window.switcher.hasFocus()
