"""The access trail of the follow-up workflows: a handoff, a child welfare notification
and a fax printout each reach the registrar of the municipality they concern, once,
attributed to the worker, and no other.

Real windows offscreen, driven by keyboard, against the real training systems, whose
inspect page (``/inspect/<code>``) is read over HTTP as a trainer would; the print
dialogs and the spooler are stood in for.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.access import DEFAULT_PURPOSE
from app.domain.hetu import Hetu
from app.services.followup.items import Channel
from app.training.server import TrainingServer
from app.ui.followup.handoff_list import HandoffList
from app.ui.main_window import MainWindow
from tests.gui_helpers import (
    CTRL,
    HYVINKAA,
    JARVENPAA,
    WAIT_MS,
    activate,
    clients,
    open_handoff,
    open_notification,
    press,
    print_without_dialogs,
    search,
    type_text,
)
from tests.helpers import access_log, records

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

CASE = "Poliisi toi lapsen päivystykseen yöllä; lapsi vietiin mummolaan. Ŋ Đ Ŧ ä ö"
WHAT = "Lapsi tavattiin yksin asemalta yöllä; ei uskalla kotiin. Č Ž ä ö"


def actions(log: list[dict[str, Any]]) -> Counter[str]:
    return Counter(event["action"] for event in log)


def find(qtbot: QtBot, window: MainWindow, key: Qt.Key, hetu: Hetu) -> None:
    """Ctrl+1…9, the client's code, Enter: the card shows the client."""
    activate(qtbot, window)
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, key, CTRL)
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, hetu.value)


def assert_attributed(window: MainWindow, event: dict[str, Any], code: str, hetu: Hetu) -> None:
    author = window.context.author(code)
    assert event["worker_id"] == author.worker_id
    assert event["worker_name"] == author.worker_name == window.context.worker_name
    assert event["organisation"] == author.organisation
    assert event["hetu"] == hetu.value
    assert event["municipality"] == code
    assert event["purpose"] == DEFAULT_PURPOSE


def only_in(training: TrainingServer, code: str) -> bool:
    return all(access_log(training, other) == [] for other in training.systems if other != code)


def test_a_handoff_is_one_access_in_the_municipality_it_goes_to(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child = clients(training, HYVINKAA)[0]
    find(qtbot, window, Qt.Key.Key_1, child.hetu)
    dialog = open_handoff(qtbot, window)
    qtbot.waitUntil(lambda: dialog.channel is Channel.INTERNAL_MAIL, timeout=WAIT_MS)
    type_text(dialog.text, CASE)
    activate(qtbot, dialog)
    with qtbot.waitSignal(window.followup.followup_delivered, timeout=WAIT_MS):
        press(dialog.text, Qt.Key.Key_Return, CTRL)

    wanted = Counter({"search": 1, "view": 1, "handoff": 1})
    qtbot.waitUntil(lambda: actions(access_log(training, HYVINKAA)) == wanted, timeout=WAIT_MS)
    log = access_log(training, HYVINKAA)
    assert [event["action"] for event in log] == ["search", "view", "handoff"]
    assert_attributed(window, log[-1], HYVINKAA, child.hetu)
    assert only_in(training, HYVINKAA)
    # The handoff itself is the mail; the access is beside it, not in it.
    assert len(records(training, HYVINKAA, "mail")) == 1


def test_a_notification_is_one_access_in_the_childs_home_municipality(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child = clients(training, HYVINKAA)[0]
    activate(qtbot, window)
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_2, CTRL)  # the duty is in Järvenpää; the child is not
    form = open_notification(qtbot, window)
    fields = form.fields
    with qtbot.waitSignal(
        form.channel_decided,
        timeout=WAIT_MS,
        check_params_cb=lambda code, _channel: code == HYVINKAA,
    ):
        type_text(fields.child_hetu, child.hetu.value)
    type_text(fields.child_last_name, child.last_name)
    type_text(fields.child_first_names, child.first_names)
    type_text(fields.notifier_person, "Vanhempi konstaapeli Åsa Ŧörmä")
    type_text(fields.what_happened, WHAT)
    fields.urgency.setCurrentIndex(fields.urgency.findText("Kiireellinen"))
    activate(qtbot, form)
    with qtbot.waitSignal(window.followup.followup_delivered, timeout=WAIT_MS) as delivered:
        press(fields.what_happened, Qt.Key.Key_Return, CTRL)
    assert delivered.args == ["notification", HYVINKAA]

    qtbot.waitUntil(lambda: len(access_log(training, HYVINKAA)) == 1, timeout=WAIT_MS)
    [event] = access_log(training, HYVINKAA)
    assert event["action"] == "notification"
    assert_attributed(window, event, HYVINKAA, child.hetu)
    # Not the municipality selected on the window: the one the notification went to.
    assert only_in(training, HYVINKAA)
    assert len(records(training, HYVINKAA, "notification")) == 1


def test_a_fax_printout_is_one_access_in_the_faxs_municipality(
    qtbot: QtBot, window: MainWindow, training: TrainingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed = print_without_dialogs(monkeypatch)
    client = clients(training, JARVENPAA)[0]
    find(qtbot, window, Qt.Key.Key_2, client.hetu)
    dialog = open_handoff(qtbot, window)
    qtbot.waitUntil(lambda: dialog.channel is Channel.FAX, timeout=WAIT_MS)
    type_text(dialog.text, CASE)
    activate(qtbot, dialog)
    with qtbot.waitSignal(window.followup.handoff_saved, timeout=WAIT_MS):
        press(dialog.text, Qt.Key.Key_Return, CTRL)

    # Printed from the open handoffs (Ctrl+J): Enter on the fax's row prints it.
    activate(qtbot, window)
    press(window, Qt.Key.Key_J, CTRL)
    handoffs = window.findChild(HandoffList, "handoffList")
    assert handoffs is not None
    qtbot.waitUntil(handoffs.print_button.isEnabled, timeout=WAIT_MS)
    activate(qtbot, handoffs)
    with qtbot.waitSignal(window.followup.fax.printed, timeout=WAIT_MS):
        press(handoffs.table, Qt.Key.Key_Return)
    assert len(printed) == 1

    wanted = Counter({"search": 1, "view": 1, "handoff": 1, "print": 1})
    qtbot.waitUntil(lambda: actions(access_log(training, JARVENPAA)) == wanted, timeout=WAIT_MS)
    log = access_log(training, JARVENPAA)
    assert [event["action"] for event in log] == ["search", "view", "handoff", "print"]
    for event in log[-2:]:
        assert_attributed(window, event, JARVENPAA, client.hetu)
    assert only_in(training, JARVENPAA)
    # The fax goes by hand: the system holds the access trail and nothing else.
    assert records(training, JARVENPAA) == []
