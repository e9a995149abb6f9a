"""The idle lock: past the policy's idle time (or F12) no client text is left in any
widget or in the window's memory, the open entry waits as an encrypted draft, the outbox
keeps delivering, and only the worker (the PIN, or a new sign-in) opens the window."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.policy import SessionConfig
from app.services.auth.pin import PinStore, ScryptCost
from app.services.context import AppContext
from app.services.outbox.drafts import ENTRY_FORM, draft_from_payload
from app.services.outbox.items import Draft
from app.training.data import SyntheticClient
from app.training.server import TrainingServer
from app.ui.main_window import MainWindow
from tests.gui_helpers import (
    CTRL,
    HELSINKI,
    JARVENPAA,
    WAIT_MS,
    WORKER,
    FakeClock,
    WindowOpener,
    clients,
    find_client,
    inspect,
    press,
    save,
    type_text,
    widget_texts,
    write_entry,
)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

PIN = "480917"
CHEAP = ScryptCost(n=2**4, r=1, p=1)


def locking_context(
    opener: WindowOpener, tmp_path: Path, clock: FakeClock, *, pin: bool
) -> AppContext:
    """A training context whose policy locks after one idle minute; with a PIN set at a
    sign-in just now when ``pin``."""
    context = opener.context()
    policy = replace(context.policy, session=SessionConfig(idle_minutes=1, max_offline_hours=12))
    pins = None
    if pin:
        pins = PinStore(tmp_path / "pin" / "unlock-pin.json", CHEAP)
        pins.set_pin(PIN, WORKER, clock.moment)
    return replace(context, policy=policy, pins=pins)


def every_text() -> list[str]:
    """Every text of every widget the application has, shown or hidden."""
    texts: list[str] = []
    for widget in QApplication.topLevelWidgets():
        texts += widget_texts(widget)
    return texts


def client_texts_left(client: SyntheticClient, typed: list[str]) -> list[str]:
    fragments = [client.hetu.value, client.last_name, client.first_names, *typed]
    return [text for text in every_text() if any(fragment in text for fragment in fragments)]


def drafts_in_outbox(qtbot: QtBot, window: MainWindow) -> list[Draft]:
    found: list[list[Draft]] = []
    window.outbox.list_drafts(found.append, lambda error: found.append([]))
    qtbot.waitUntil(lambda: bool(found), timeout=WAIT_MS)
    return found[0]


def test_idle_time_clears_every_client_text_while_the_outbox_keeps_delivering(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer, tmp_path: Path
) -> None:
    clock = FakeClock(dt.datetime.now(HELSINKI))
    window = opener.open(locking_context(opener, tmp_path, clock, pin=True), now=clock)
    client = clients(training)[0]
    find_client(qtbot, window, client)
    # Saved while the system is away: it waits in the outbox.
    training.set_online(JARVENPAA, False)
    saved_text = "Lukitusta ennen tallennettu: poliisi soitti."
    write_entry(qtbot, window, saved_text)
    with qtbot.waitSignal(window.desk.entry_waiting, timeout=WAIT_MS):
        save(qtbot, window)
    # Typed and not saved: it must come back as a draft, not stay on the screen.
    open_text = "Kesken jäänyt kirjaus Ŋ Ž lukituksen alla."
    write_entry(qtbot, window, open_text)
    assert client_texts_left(client, [saved_text, open_text])

    lock = window.lock
    with qtbot.waitSignal(lock.cleared, timeout=WAIT_MS):
        clock.moment += dt.timedelta(minutes=1, seconds=1)
    assert lock.is_locked

    assert client_texts_left(client, [saved_text, open_text]) == []
    assert window.desk.client is None
    assert window.desk.form.subject is None
    assert window.desk.printing.last is None
    assert window.desk.drafts.known == {}
    assert window.message_bar.recent() == []
    screen = lock.screen
    assert lock.page is screen
    assert WORKER in screen.worker.text()
    assert screen.pin.isVisible()

    # The open entry is an encrypted draft in the outbox.
    drafts = drafts_in_outbox(qtbot, window)
    assert [draft.form for draft in drafts] == [ENTRY_FORM]
    content = draft_from_payload(drafts[0].payload)
    assert content.fields["narrative"] == open_text
    assert content.hetu is not None
    assert content.hetu.value == client.hetu.value

    # The outbox keeps delivering while the window is locked.
    training.set_online(JARVENPAA, True)
    qtbot.waitUntil(
        lambda: saved_text in [r["text"] for r in inspect(training)[JARVENPAA]],
        timeout=WAIT_MS,
    )
    assert lock.is_locked

    # A wrong PIN keeps it locked.
    type_text(screen.pin, "111222")
    with qtbot.waitSignal(window.runner.job_finished, timeout=WAIT_MS):
        press(screen.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Väärä PIN-koodi" in screen.note.text(), timeout=WAIT_MS)
    assert lock.is_locked
    assert screen.pin.text() == ""
    assert client_texts_left(client, [saved_text, open_text]) == []

    # The worker's PIN opens it: the switcher, no client, the draft known again.
    type_text(screen.pin, PIN)
    with qtbot.waitSignal(lock.unlocked, timeout=WAIT_MS):
        press(screen.pin, Qt.Key.Key_Return)
    assert not window.lock.is_locked
    assert not screen.isVisible()
    assert window.desk.isVisible()
    assert window.switcher.hasFocus()
    assert window.desk.client is None
    assert not window.desk.form.is_open()
    qtbot.waitUntil(lambda: len(window.desk.drafts.known) == 1, timeout=WAIT_MS)
    assert client_texts_left(client, [saved_text, open_text]) == []


def test_f12_locks_and_only_a_new_sign_in_opens_without_a_pin(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer, tmp_path: Path
) -> None:
    answers = [False, True]
    calls: list[bool] = []

    def sign_in_again() -> bool:
        calls.append(answers[len(calls)])
        return calls[-1]

    clock = FakeClock(dt.datetime.now(HELSINKI))
    context = replace(
        locking_context(opener, tmp_path, clock, pin=False), sign_in_again=sign_in_again
    )
    window = opener.open(context, now=clock)
    client = clients(training)[0]
    find_client(qtbot, window, client)
    lock = window.lock
    assert "F12" in lock.action.shortcut().toString()
    assert "F12" in lock.action.toolTip()
    with qtbot.waitSignal(lock.cleared, timeout=WAIT_MS):
        press(window.desk.search.field, Qt.Key.Key_F12)
    assert client_texts_left(client, []) == []
    screen = lock.screen
    assert not screen.pin.isVisible()
    assert screen.sign_in_button.isVisible()
    # The keyboard alone: the focus is on "Kirjaudu"; Space presses it.
    assert screen.sign_in_button.hasFocus()
    press(screen.sign_in_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "ei onnistunut" in screen.note.text(), timeout=WAIT_MS)
    assert lock.is_locked
    # Menus and shortcuts do nothing while locked: Ctrl+F does not reach the search,
    # Ctrl+L opens no outbox list.
    assert not window.menuBar().isVisible()
    press(screen, Qt.Key.Key_F, CTRL)
    press(screen, Qt.Key.Key_L, CTRL)
    assert not window.desk.search.field.hasFocus()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]
    with qtbot.waitSignal(lock.unlocked, timeout=WAIT_MS):
        press(screen.sign_in_button, Qt.Key.Key_Space)
    assert calls == [False, True]
    assert window.switcher.hasFocus()
    assert window.desk.client is None


def test_without_a_pin_or_sign_in_the_lock_says_how_to_get_back(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer, tmp_path: Path
) -> None:
    clock = FakeClock(dt.datetime.now(HELSINKI))
    window = opener.open(locking_context(opener, tmp_path, clock, pin=False), now=clock)
    with qtbot.waitSignal(window.lock.cleared, timeout=WAIT_MS):
        window.lock.lock()
    screen = window.lock.screen
    assert not screen.pin.isVisible()
    assert not screen.sign_in_button.isVisible()
    assert "käynnistä Päivystys uudelleen" in screen.note.text()
    assert screen.quit_button.hasFocus()


def test_an_expired_pin_is_not_offered(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer, tmp_path: Path
) -> None:
    clock = FakeClock(dt.datetime.now(HELSINKI))
    context = locking_context(opener, tmp_path, clock, pin=True)
    window = opener.open(context, now=clock)
    clock.moment += dt.timedelta(hours=12, minutes=1)
    with qtbot.waitSignal(window.lock.cleared, timeout=WAIT_MS):
        window.lock.lock()
    screen = window.lock.screen
    qtbot.waitUntil(lambda: "yli 12 tuntia" in screen.note.text(), timeout=WAIT_MS)
    assert not screen.pin.isVisible()
