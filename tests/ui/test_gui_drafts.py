"""Nothing typed is lost: drafts kept while typing, offered back on their client.

The kill test runs the real window in a child process (``tests/draft_child.py``),
kills it with SIGKILL while it types, and opens the window again in this process
on the same profile.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.training.server import TrainingServer
from app.ui.unsaved import Choice
from tests.draft_child import kill_while_typing
from tests.gui_helpers import (
    CTRL,
    JARVENPAA,
    WAIT_MS,
    WindowOpener,
    family,
    find_client,
    inspect,
    press,
    save,
    search,
    status_text,
    type_text,
    wait_idle,
    write_entry,
)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

# Letters QTest cannot type are in it too: the draft keeps them as typed.
CANARY = "Luonnoskanarialintu ŊŠŦŽĐČ äöå yöllä kello kolme " * 3
# The draft is written at most this long after an edit (the keeper's delay plus a
# generous margin for a loaded CI machine's disk).
MAX_LOSS_S = 1.0


def test_kill_while_typing_loses_at_most_the_last_second_and_offers_the_rest_back(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer, profile: Path
) -> None:
    kept, killed_at, times = kill_while_typing(profile, CANARY)
    assert kept >= 1
    # Everything typed a second before the kill must come back.
    must_have = sum(1 for moment in times if moment <= killed_at - MAX_LOSS_S)

    window = opener.open()
    qtbot.waitUntil(lambda: window.drafts_dialog is not None, timeout=WAIT_MS)
    dialog = window.drafts_dialog
    assert dialog is not None
    assert dialog.objectName() == "draftsDialog"
    child, _mother, _father = family(training)
    offered = dialog.list.item(0).text()
    assert child.full_name in offered
    assert child.hetu.value in offered
    assert dialog.list.hasFocus()
    with qtbot.waitSignal(window.desk.lookup_finished, timeout=WAIT_MS):
        press(dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(window.desk.form.is_open, timeout=WAIT_MS)
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    desk = window.desk
    qtbot.waitUntil(desk.form.narrative.hasFocus, timeout=WAIT_MS)
    # On the right client, in the right municipality.
    assert window.switcher.current_code() == JARVENPAA
    assert desk.card.name.text() == child.full_name
    subject = desk.form.subject
    assert subject is not None
    assert subject.hetu == child.hetu
    restored = desk.form.narrative.toPlainText()
    assert CANARY.startswith(restored)
    assert len(restored) >= must_have, (len(restored), must_have, len(times))

    # The continued draft saves as one entry, and then no draft is left.
    type_text(desk.form.narrative, " jatkuu.")
    save(qtbot, window)
    qtbot.waitUntil(lambda: not desk.form.is_open(), timeout=WAIT_MS)

    def recorded() -> list[object]:
        return [r for r in inspect(training)[JARVENPAA] if restored in str(r)]

    qtbot.waitUntil(lambda: len(recorded()) == 1, timeout=WAIT_MS)
    wait_idle(qtbot, window)
    assert len(recorded()) == 1
    assert window.desk.drafts.known == {}

    # Nothing of the text is anywhere on disk in plaintext, during or after.
    for path in profile.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for encoding in ("utf-8", "utf-16-le"):
                assert "Luonnoskanarialintu".encode(encoding) not in data, path


def test_keep_as_draft_on_quit_comes_back_when_the_client_is_searched(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    child, _mother, _father = family(training)
    window = opener.open()
    find_client(qtbot, window, child)
    write_entry(qtbot, window, "Kesken jäänyt kirjaus.")
    window.desk.ask = lambda *_args, **_kwargs: Choice.KEEP_DRAFT
    window.close()
    assert not window.isVisible()

    again = opener.open()
    qtbot.waitUntil(lambda: again.drafts_dialog is not None, timeout=WAIT_MS)
    dialog = again.drafts_dialog
    assert dialog is not None
    press(dialog.list, Qt.Key.Key_Escape)  # later: the worker searches first
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    # The last municipality comes back from the settings.
    qtbot.waitUntil(lambda: again.switcher.current_code() == JARVENPAA, timeout=WAIT_MS)
    press(again, Qt.Key.Key_F, CTRL)
    with qtbot.waitSignal(again.client_loaded, timeout=WAIT_MS):
        search(qtbot, again, child.hetu.value)
    press(again, Qt.Key.Key_N, CTRL)
    assert again.desk.form.narrative.toPlainText() == "Kesken jäänyt kirjaus."
    assert "Luonnos palautettu" in status_text(again)


def test_discard_removes_the_draft_and_nothing_is_sent(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    child, _mother, _father = family(training)
    window = opener.open()
    find_client(qtbot, window, child)
    write_entry(qtbot, window, "Hylättävä teksti.")
    with qtbot.waitSignal(window.desk.draft_keeper.draft_kept, timeout=WAIT_MS):
        pass
    window.desk.ask = lambda *_args, **_kwargs: Choice.DISCARD
    press(window.desk.form.cancel_button, Qt.Key.Key_Space)
    assert not window.desk.form.is_open()
    wait_idle(qtbot, window)
    sending = window.outbox.sending
    assert sending is not None
    assert sending.outbox.drafts() == []
    assert sending.outbox.counts().drafts == 0
    assert not [r for r in inspect(training)[JARVENPAA] if "Hylättävä" in str(r)]
