"""Signing in from the window, by keyboard: the banner, Ctrl+Shift+K, the browser or the
password dialog, then the client systems answer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.auth.signins import State
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from app.ui.sign_in import PasswordDialog, PinDialog
from tests.gui_helpers import (
    CTRL,
    WAIT_MS,
    WindowOpener,
    clients,
    press,
    search,
    select_jarvenpaa,
    type_text,
)
from tests.helpers import login_browser

# Modal dialogs under the offscreen platform.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")

KERAVA = "245"
PIN = "735194"  # the training policy's password system (Ctrl+3)


def test_worker_signs_in_to_an_oidc_and_a_password_system_by_keyboard(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    window = opener.open(opener.context(sign_in=True))
    banner = window.sign_in_banner
    select_jarvenpaa(qtbot, window)
    assert banner.isVisible()
    assert "et ole kirjautunut" in banner.text.text()
    asked: list[bool] = []

    def set_pin() -> None:
        # After the first online sign-in the window offers a PIN for the idle lock.
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PinDialog):
            QTimer.singleShot(50, set_pin)
            return
        asked.append(True)
        type_text(dialog.pin, PIN)
        press(dialog.pin, Qt.Key.Key_Tab)
        type_text(dialog.again, PIN)
        press(dialog.again, Qt.Key.Key_Return)

    QTimer.singleShot(50, set_pin)
    with login_browser():
        press(window, Qt.Key.Key_K, CTRL | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT_MS * 3)
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT_MS)
    # The status bar names the worker as the organisation knows them.
    assert "Áilu Čuoŋžá" in window.worker_info.text()
    pins = window.context.pins
    assert pins is not None
    qtbot.waitUntil(pins.path.exists, timeout=WAIT_MS)
    assert PIN.encode() not in pins.path.read_bytes()
    # The PIN dialog has closed: the window is active again.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    window.desk.focus_search()
    search(qtbot, window, clients(training)[0].hetu.value)
    assert "Asiakastiedot haettu (Järvenpää" in window.message_bar.text()

    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_3, CTRL)
    assert banner.isVisible()

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PasswordDialog)
        type_text(dialog.user, TRAINING_USERNAME)
        press(dialog.user, Qt.Key.Key_Tab)
        type_text(dialog.password, TRAINING_PASSWORD)
        press(dialog.password, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill_in)
    press(window, Qt.Key.Key_K, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT_MS)
    sign_ins = window.context.sign_ins
    assert sign_ins is not None
    kerava = sign_ins.of(KERAVA)
    assert kerava is not None
    assert kerava.state is State.SIGNED_IN
    search(qtbot, window, clients(training, KERAVA)[0].hetu.value)
    assert "Asiakastiedot haettu (Kerava" in window.message_bar.text()
