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
    inspect,
    press,
    save,
    search,
    select_jarvenpaa,
    type_text,
    write_entry,
)
from tests.helpers import login_browser

# Modal dialogs under the offscreen platform.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")

HYVINKAA = "106"  # Pro Consona, the region's identity provider (Ctrl+1)
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
    assert "Áilu Čuoŋžá" in window.lock.screen.worker.text()
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


SKIPPED_PIN: list[bool] = []


def skip_pin() -> None:
    """Close the PIN offer (Esc) whenever it shows."""
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, PinDialog):
        press(dialog, Qt.Key.Key_Escape)
        SKIPPED_PIN.append(True)
        return
    QTimer.singleShot(50, skip_pin)


def test_a_session_ended_offline_says_sign_in_again_and_the_entry_goes_once(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    """The issue's acceptance in the window: the token expires while the system is
    offline and the organisation ends the session; when the system is back the window
    says "kirjaudu uudelleen"; after signing in the entry is recorded once, attributed.
    (Pro Consona checks the token on every request; Effica's own session ticket would
    outlive it.)"""
    training.oidc.access_token_lifetime = 2
    window = opener.open(opener.context(sign_in=True))
    banner = window.sign_in_banner
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_1, CTRL)
    SKIPPED_PIN.clear()
    QTimer.singleShot(50, skip_pin)
    with login_browser():
        press(window, Qt.Key.Key_K, CTRL | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT_MS * 3)
    # The PIN is offered once the sign-in is through; the worker skips it (Esc).
    qtbot.waitUntil(lambda: bool(SKIPPED_PIN), timeout=WAIT_MS)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    client = clients(training, HYVINKAA)[0]
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, client.hetu.value)
    write_entry(qtbot, window, "Yöllinen arvio; Ŋ Đ Ž. Lapsi turvassa.")
    training.set_online(HYVINKAA, False)
    window.connectivity.probe_now(HYVINKAA)
    qtbot.waitUntil(lambda: window.connectivity.known_unreachable(HYVINKAA), timeout=WAIT_MS)
    save(qtbot, window)
    qtbot.waitUntil(lambda: "1" in window.outbox_count.text(), timeout=WAIT_MS)
    qtbot.wait(2500)  # the access token expires meanwhile
    training.oidc.revoke_refresh_tokens("tyontekija-901")
    training.set_online(HYVINKAA, True)
    press(window, Qt.Key.Key_F5)
    qtbot.waitUntil(
        lambda: banner.isVisible() and "kirjaudu uudelleen" in banner.text.text(),
        timeout=WAIT_MS,
    )
    assert [r for r in inspect(training)[HYVINKAA] if r["kind"] == "entry"] == []
    QTimer.singleShot(50, skip_pin)
    with login_browser():
        press(window, Qt.Key.Key_K, CTRL | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(
            lambda: len([r for r in inspect(training)[HYVINKAA] if r["kind"] == "entry"]) == 1,
            timeout=WAIT_MS * 2,
        )
    (entry,) = [r for r in inspect(training)[HYVINKAA] if r["kind"] == "entry"]
    assert entry["author_id"] == "tyontekija-901"
    assert entry["auth_method"] == "oidc"
    assert not banner.isVisible()


def test_a_search_before_signing_in_says_sign_in_not_that_the_system_is_down(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    """The first search of the night, before Ctrl+Shift+K: the card and the population
    panel say to sign in; neither blames the system (it answered) or the password."""
    window = opener.open(opener.context(sign_in=True))
    select_jarvenpaa(qtbot, window)
    search(qtbot, window, clients(training)[0].hetu.value)
    card = window.desk.card.notice.text()
    assert "Asiakasta ei voitu hakea." in card
    assert "Ctrl+Shift+K" in card
    assert "ei vastannut" not in card
    population = window.desk.population.panel.notice
    qtbot.waitUntil(lambda: "Väestötietoja ei saatu" in population.text(), timeout=WAIT_MS)
    assert "kirjaudu ensin (Ctrl+Shift+K)" in population.text()
    assert "ei hyväksynyt" not in population.text()
