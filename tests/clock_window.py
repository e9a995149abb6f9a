"""The window's times on a machine in another zone: run by ``tests/domain/test_clock.py``.

Not collected on its own (the name is not ``test_*``): the parent runs this module in
a pytest child process with ``TZ`` set (UTC, America/New_York), because the zone is
the whole process's. At a fixed Helsinki instant, the entry form's contact time, the
record the training system received, the printout, the notification form's time and
its record all show Helsinki's wall clock; the switcher shows the real delivery in
Helsinki time. What each showed goes to the JSON file named by ``CLOCK_REPORT``, for
the parent to compare across zones.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit, QListWidget
from pytestqt.qtbot import QtBot

from app.training.server import TrainingServer
from app.ui.followup.menu import install_followup
from app.ui.main_window import MainWindow
from tests.gui_helpers import (
    CTRL,
    JARVENPAA,
    WAIT_MS,
    WORKER,
    FakeClock,
    WindowOpener,
    clients,
    family,
    find_client,
    inspect,
    press,
    print_without_dialogs,
    save,
    search,
    type_text,
    write_entry,
)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

HELSINKI = ZoneInfo("Europe/Helsinki")
HYVINKAA = "106"  # Pro Consona, Ctrl+1
# Just after midnight in Helsinki: in UTC and in New York it is still the day before.
ENTRY_AT = dt.datetime(2026, 11, 27, 0, 47, tzinfo=HELSINKI)  # winter time, +02:00
NOTIFIED_AT = dt.datetime(2026, 7, 1, 1, 5, tzinfo=HELSINKI)  # summer time, +03:00
NARRATIVE = "Poliisi toi lapsen päivystykseen puolenyön jälkeen. Ŋ Đ Ŧ ä ö"
WHAT = "Lapsi tavattiin yöllä yksin asemalta. Č Ž å"

# What a Helsinki clock on the wall showed, written out by hand: no app code computes it.
EXPECTED = {
    "form": "27.11.2026 0.47",
    "record": "2026-11-27T00:47:00+02:00",
    "printout_contact": "Yhteydenottoaika 27.11.2026 klo 00.47",
    "printout_printed": f"Tulostanut: {WORKER}, 27.11.2026 klo 00.47",
    "notification_form": "1.7.2026 1.05",
    "notification_record": "2026-07-01T01:05:00+03:00",
}


def report(**observed: Any) -> None:
    """Add what the window showed to the parent's report (nothing without a parent)."""
    path = os.environ.get("CLOCK_REPORT")
    if not path:
        return
    target = Path(path)
    document = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    document.update(observed)
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def machine_offset(moment: dt.datetime) -> int:
    """The machine zone's offset at ``moment`` in seconds, as the C library sees it."""
    return time.localtime(moment.timestamp()).tm_gmtoff


def pdftotext(pdf: bytes) -> str:
    """The PDF's text by poppler, an independent reader; whitespace collapsed."""
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],
        input=pdf,
        capture_output=True,
        timeout=60,
        check=True,
    )
    return " ".join(done.stdout.decode("utf-8").split())


def helsinki_moment(instant: dt.datetime) -> str:
    """How the switcher writes ``instant``: ``0.47`` today in Helsinki, else ``26.11. 0.47``."""
    shown = instant.astimezone(HELSINKI)
    clock = f"{shown.hour}.{shown.minute:02d}"
    if shown.date() == dt.datetime.now(HELSINKI).date():
        return clock
    return f"{shown.day}.{shown.month}. {clock}"


def switcher_text(switcher: QListWidget, code: str, codes: list[str]) -> str:
    item = switcher.item(codes.index(code))
    assert item is not None
    return item.text()


def test_an_entry_shows_is_sent_and_prints_in_helsinki_time(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    report(machine_offset=machine_offset(ENTRY_AT))
    printed = print_without_dialogs(monkeypatch)
    window: MainWindow = opener.open(now=FakeClock(ENTRY_AT))
    child, _mother, _father = family(training)
    find_client(qtbot, window, child)
    write_entry(qtbot, window, NARRATIVE)
    field = window.findChild(QDateTimeEdit, "contactTime")
    assert field is not None
    assert field.text() == EXPECTED["form"]

    with qtbot.waitSignal(window.entry_delivered, timeout=WAIT_MS):
        save(qtbot, window)
    [record] = [r for r in inspect(training)[JARVENPAA] if r.get("text") == NARRATIVE]
    assert record["contact_time"] == EXPECTED["record"]

    # The switcher tells when the system last confirmed a delivery: a real instant.
    qtbot.waitUntil(
        lambda: JARVENPAA in getattr(window.outbox.snapshot, "last_delivery", {}),
        timeout=WAIT_MS,
    )
    snapshot = window.outbox.snapshot
    assert snapshot is not None
    delivered = f"toimitettu viimeksi {helsinki_moment(snapshot.last_delivery[JARVENPAA])}"
    codes = window.switcher.codes()
    qtbot.waitUntil(
        lambda: delivered in switcher_text(window.switcher, JARVENPAA, codes), timeout=WAIT_MS
    )

    with qtbot.waitSignal(window.desk.printing.printed, timeout=WAIT_MS):
        press(window, Qt.Key.Key_P, CTRL)
    [pdf] = printed
    text = pdftotext(pdf)
    assert EXPECTED["printout_contact"] in text
    assert EXPECTED["printout_printed"] in text
    report(
        form=field.text(),
        record=record["contact_time"],
        switcher=switcher_text(window.switcher, JARVENPAA, codes),
        switcher_expected=delivered,
        printout=text,
    )


def test_a_notification_is_received_and_sent_in_helsinki_time(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    report(notification_machine_offset=machine_offset(NOTIFIED_AT))
    window = opener.open(now=FakeClock(NOTIFIED_AT))
    followup = install_followup(window)
    child = clients(training, HYVINKAA)[0]
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_1, CTRL)
    with qtbot.waitSignal(window.desk.lookup_finished, timeout=WAIT_MS):
        search(qtbot, window, child.hetu.value)
    press(window, Qt.Key.Key_I, CTRL)
    form = followup.notification_form
    assert form is not None
    qtbot.waitUntil(form.isVisible, timeout=WAIT_MS)
    fields = form.fields
    received = fields.received_at.text()
    assert received == EXPECTED["notification_form"]
    # Prefilled from the card: the child is a child on the Helsinki day of receipt.
    assert fields.child_hetu.text() == child.hetu.value
    type_text(fields.notifier_person, "Vanhempi konstaapeli Testi")
    type_text(fields.notifier_phone, "+358 29 000 0000")
    type_text(fields.what_happened, WHAT)
    fields.urgency.setCurrentIndex(fields.urgency.findText("Kiireellinen"))
    qtbot.waitUntil(lambda: "Pro Consona" in fields.channel.text(), timeout=WAIT_MS)
    with qtbot.waitSignal(followup.followup_delivered, timeout=WAIT_MS):
        form.forward()
    [record] = [r for r in inspect(training)[HYVINKAA] if r["kind"] == "notification"]
    assert record["received_by_duty_at"] == EXPECTED["notification_record"]
    report(notification_form=received, notification_record=record["received_by_duty_at"])
