"""The access trail in a training session: each search, view, entry and print reaches the
municipality's registrar, attributed to the worker, and nowhere else.

Real windows offscreen against the real training systems, whose inspect page is read
over HTTP as a trainer would; the print dialogs and the spooler are stood in for.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.access import DEFAULT_PURPOSE
from app.training.server import TrainingServer
from app.ui.main_window import MainWindow
from tests.gui_helpers import (
    CTRL,
    HYVINKAA,
    JARVENPAA,
    WAIT_MS,
    clients,
    find_client,
    inspect,
    press,
    print_without_dialogs,
    save,
    search,
    select_jarvenpaa,
    write_entry,
)
from tests.helpers import access_log

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]


def actions(log: list[dict[str, Any]]) -> Counter[str]:
    return Counter(event["action"] for event in log)


def test_search_view_entry_and_print_reach_the_registrar_attributed_to_the_worker(
    qtbot: QtBot,
    window: MainWindow,
    training: TrainingServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="app")
    printed = print_without_dialogs(monkeypatch)
    child = clients(training)[0]
    find_client(qtbot, window, child)
    write_entry(qtbot, window, "Poliisi soitti yöllä; lapsi turvassa. Ŋ Đ ä ö")
    with qtbot.waitSignal(window.desk.entry_saved, timeout=WAIT_MS):
        save(qtbot, window)
    with qtbot.waitSignal(window.desk.printing.printed, timeout=WAIT_MS):
        press(window, Qt.Key.Key_P, CTRL)
    assert len(printed) == 1

    wanted = Counter({"search": 1, "view": 1, "entry": 1, "print": 1})
    qtbot.waitUntil(lambda: actions(access_log(training, JARVENPAA)) == wanted, timeout=WAIT_MS)
    log = access_log(training, JARVENPAA)
    assert [event["action"] for event in log] == ["search", "view", "entry", "print"]
    author = window.context.author(JARVENPAA)
    for event in log:
        assert event["worker_id"] == author.worker_id
        assert event["worker_name"] == author.worker_name == window.context.worker_name
        assert event["organisation"] == author.organisation
        assert event["hetu"] == child.hetu.value
        assert event["municipality"] == JARVENPAA
        assert event["purpose"] == DEFAULT_PURPOSE
    # Only the municipality whose client it was hears of it.
    assert all(access_log(training, code) == [] for code in training.systems if code != JARVENPAA)
    # The entry itself is the one record; the access log is beside it, not in it.
    assert [record["kind"] for record in inspect(training)[JARVENPAA]] == ["entry"]

    # Not the worker's work: the outbox count and view never show them, and once the
    # registrar has them nothing of them stays on the workstation.
    qtbot.waitUntil(lambda: window.outbox_count.text() == "Lähtevät: 0", timeout=WAIT_MS)
    sending = window.outbox.sending
    assert sending is not None
    qtbot.waitUntil(lambda: sending.outbox.counts().access == 0, timeout=WAIT_MS)
    view = window.show_outbox()
    qtbot.waitUntil(lambda: view.message.text() == "Lähtevissä ei ole mitään.", timeout=WAIT_MS)
    assert view.table.rowCount() == 0
    # No access log of the workstation's own: nothing about the client in the app's log.
    assert child.hetu.value not in caplog.text
    assert child.last_name not in caplog.text


def test_a_search_for_someone_who_is_no_client_is_an_access_too(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    hyvinkaa_client = clients(training, HYVINKAA)[0]
    select_jarvenpaa(qtbot, window)
    search(qtbot, window, hyvinkaa_client.hetu.value)
    assert window.desk.client is None  # not Järvenpää's client: no card to view
    qtbot.waitUntil(lambda: len(access_log(training, JARVENPAA)) == 1, timeout=WAIT_MS)
    [event] = access_log(training, JARVENPAA)
    assert event["action"] == "search"
    assert event["hetu"] == hyvinkaa_client.hetu.value
    assert access_log(training, HYVINKAA) == []
