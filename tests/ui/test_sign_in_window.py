"""Signing in from the window, by keyboard: the banner, Ctrl+Shift+K, the browser or the
password dialog, then the client systems answer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.auth.signins import State
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from app.ui.sign_in import PasswordDialog
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

KERAVA = "245"  # the training policy's password system (Ctrl+3)


def test_worker_signs_in_to_an_oidc_and_a_password_system_by_keyboard(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    window = opener.open(opener.context(sign_in=True))
    banner = window.sign_in_banner
    select_jarvenpaa(qtbot, window)
    assert banner.isVisible()
    assert "et ole kirjautunut" in banner.text.text()
    with login_browser():
        press(window, Qt.Key.Key_K, CTRL | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT_MS * 3)
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, clients(training)[0].hetu.value)

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
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, clients(training, KERAVA)[0].hetu.value)
