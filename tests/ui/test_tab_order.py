"""Tab order in every dialog: from the first field, Tab visits every enabled input in
reading order (top to bottom, left to right on the screen) and comes back to the first."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.hetu import parse_hetu
from app.services.auth.pin import PinStore, ScryptCost
from app.training.server import TrainingServer
from app.ui.client.person_dialog import PersonDialog
from app.ui.main_window import MainWindow
from app.ui.outbox.view import OutboxView
from app.ui.printing.preview import PrintPreview
from app.ui.sign_in import PasswordDialog, PinDialog
from tests.gui_helpers import (
    CTRL,
    HELSINKI,
    HYVINKAA,
    JARVENPAA,
    WAIT_MS,
    WORKER,
    WindowOpener,
    clients,
    find_client,
    open_handoff,
    open_notification,
    press,
)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]


def place(widget: QWidget, top: QWidget) -> QRect:
    """``widget``'s rectangle in ``top``'s coordinates."""
    return QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())


def _reading(top: QWidget, a: QWidget, b: QWidget) -> int:
    """Above comes first; side by side (each one's middle within the other's height),
    the left one."""
    ra, rb = place(a, top), place(b, top)
    if ra.center().y() < rb.top() or rb.bottom() < ra.center().y():
        return -1 if ra.center().y() < rb.center().y() else 1
    return ra.left() - rb.left()


def inputs(root: QWidget, top: QWidget) -> list[QWidget]:
    """The enabled widgets Tab can reach under ``root``, in reading order."""
    found = [
        w
        for w in root.findChildren(QWidget)
        if w.isVisibleTo(top)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and w.window() is top
    ]
    return sorted(found, key=functools.cmp_to_key(functools.partial(_reading, top)))


def owner(widget: QWidget, candidates: list[QWidget]) -> QWidget:
    """The candidate the focused widget is (or is inside of: a spin box's line edit)."""
    current: QWidget | None = widget
    while current is not None:
        if current in candidates:
            return current
        current = current.parentWidget()
    return widget


def tab_walk(qtbot: QtBot, top: QWidget, root: QWidget | None = None) -> None:
    """Tab from the first input of ``root`` (the whole window by default) round to it
    again; the inputs visited in ``root`` are all of them, in reading order."""
    expected = inputs(root or top, top)
    assert expected, f"{top.objectName()} has no inputs"
    top.activateWindow()
    qtbot.waitUntil(top.isActiveWindow, timeout=WAIT_MS)
    expected[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(expected[0].hasFocus, timeout=WAIT_MS)
    visited: list[QWidget] = []
    left = False
    for _ in range(4 * len(top.findChildren(QWidget)) + 4):
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        here = owner(now, expected)
        if here is expected[0]:
            if left or len(expected) == 1:
                break
            continue  # inside the first input (a time field's parts)
        left = True
        if here in expected and here not in visited:
            visited.append(here)
    else:
        pytest.fail(f"Tab never came back to the first input of {top.objectName()}")
    names = [w.objectName() or type(w).__name__ for w in [expected[0], *visited]]
    wanted = [w.objectName() or type(w).__name__ for w in expected]
    assert names == wanted, f"{top.objectName()}:\n tab  {names}\n read {wanted}"


def shown(qtbot: QtBot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_entry_form(qtbot: QtBot, window: MainWindow, training: TrainingServer) -> None:
    find_client(qtbot, window, clients(training)[0])
    press(window, Qt.Key.Key_N, CTRL)
    tab_walk(qtbot, window, window.desk.form)


def test_the_notification_form(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_2, CTRL)
    assert window.switcher.current_code() == JARVENPAA
    form = open_notification(qtbot, window)
    tab_walk(qtbot, form)


def test_the_handoff_dialog(qtbot: QtBot, window: MainWindow, training: TrainingServer) -> None:
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_1, CTRL)
    assert window.switcher.current_code() == HYVINKAA
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        QTest.keyClicks(window.desk.search.field, clients(training, HYVINKAA)[0].hetu.value)
        press(window.desk.search.field, Qt.Key.Key_Return)
    tab_walk(qtbot, open_handoff(qtbot, window))


def test_the_outbox_view(qtbot: QtBot, window: MainWindow) -> None:
    press(window, Qt.Key.Key_L, CTRL)
    view = next(w for w in QApplication.topLevelWidgets() if isinstance(w, OutboxView))
    qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    tab_walk(qtbot, view)


def test_the_shortcut_list(qtbot: QtBot, window: MainWindow) -> None:
    press(window, Qt.Key.Key_F1)
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "shortcutsBox")
    qtbot.waitUntil(box.isVisible, timeout=WAIT_MS)
    tab_walk(qtbot, box)


DIALOGS: dict[str, Callable[[MainWindow], QWidget]] = {
    "password": lambda w: PasswordDialog(
        w.context.policy.municipality(JARVENPAA), "etunimi.sukunimi", w
    ),
    "pin": PinDialog,
    "person without code": lambda w: PersonDialog(None, None, dt.date(2026, 3, 14), w),
    "new client": lambda w: PersonDialog(parse_hetu("010190-966U"), None, dt.date(2026, 3, 14), w),
    "print preview": lambda w: PrintPreview([white_page()], QPrinter(), True, w),
}


def white_page() -> QImage:
    page = QImage(210, 297, QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    return page


@pytest.mark.parametrize("name", list(DIALOGS))
def test_the_dialogs(qtbot: QtBot, window: MainWindow, name: str) -> None:
    tab_walk(qtbot, shown(qtbot, DIALOGS[name](window)))


def test_the_lock_screen(qtbot: QtBot, opener: WindowOpener, tmp_path: Path) -> None:
    context = opener.context()
    pins = PinStore(tmp_path / "pin" / "unlock-pin.json", ScryptCost(n=2**4, r=1, p=1))
    pins.set_pin("480917", WORKER, dt.datetime.now(HELSINKI))
    window = opener.open(replace(context, pins=pins, sign_in_again=lambda: False))
    with qtbot.waitSignal(window.lock.cleared, timeout=WAIT_MS):
        press(window, Qt.Key.Key_F12)
    tab_walk(qtbot, window, window.lock.screen)
