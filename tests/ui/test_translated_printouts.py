"""The printed documents and the modal dialogs in Swedish and English: no Finnish word
(tests/gui_helpers.py, Translations), Finnish without the window's translations."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.hetu import parse_hetu
from app.domain.model import (
    Address,
    ClientRef,
    ClientSummary,
    ContactChannel,
    DutyEntry,
    TaskType,
    Worker,
)
from app.domain.policy import Policy
from app.services.crash import Crash
from app.services.documents import (
    HandoffDetails,
    NotificationDetails,
    Urgency,
    render_entry,
    render_handoff,
    render_notification,
)
from app.training.server import TrainingServer
from app.ui.client.person_dialog import PersonDialog
from app.ui.crash_dialog import CrashDialog
from app.ui.outbox.editor import CorrectionEditor, DiscardDialog
from app.ui.outbox.view import CORRECTABLE
from app.ui.printing.preview import PrintPreview
from app.ui.sign_in import PasswordDialog, PinDialog
from tests import gui_helpers
from tests.gui_helpers import data_words, finnish_in, widget_texts, words
from tests.helpers import pdf_text

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")

CLIENT = ClientSummary(
    ClientRef(parse_hetu("010190-966U"), "2"),
    "Šuoŋŋa",
    "Ŋilá Máret",
    False,
    Address("Geaŧčađašgeaidnu 4", "01990", "Järvenpää"),
    responsible_worker=Worker("Heikki Ŋuolla", "+358 40 000 1861"),
)


STORY = "Ŋ Đ Ŧ Ž Š Č 1234"


WRITER = "Đorđe Šimunović"


def documents(policy: Policy) -> dict[str, bytes]:
    """The three documents about CLIENT, every field filled, in the current language."""
    municipality = policy.municipality(gui_helpers.JARVENPAA)
    registrar = policy.registrar(municipality.registrar)
    at = dt.datetime(2026, 3, 14, 23, 30, tzinfo=gui_helpers.HELSINKI)
    entry = DutyEntry(
        hetu=CLIENT.hetu,
        contact_time=at,
        contact_channel=ContactChannel.POLICE,
        task_type=TaskType.CHILD_PROTECTION,
        narrative=STORY,
        measures=STORY,
        follow_up_needed=True,
        author=WRITER,
    )
    handoff = HandoffDetails(policy.duty_unit, WRITER, STORY, STORY)
    notification = NotificationDetails(
        STORY, WRITER, "+358 295 000 111", STORY, Urgency.URGENT, True, None, at, WRITER,
        urgency_reason=STORY, reference="5500/R/1234/26",
    )  # fmt: skip
    common = (municipality, registrar, WRITER, at)
    return {
        "entry": render_entry(entry, CLIENT, *common, zone=policy.zone),
        "handoff": render_handoff(handoff, CLIENT, *common, zone=policy.zone),
        "notification": render_notification(
            notification, CLIENT, *common, zone=policy.zone, fax_cover=handoff
        ),
    }


def test_the_printed_documents_show_no_finnish(
    language: str, example_policy: Policy, training: TrainingServer
) -> None:
    allowed = words(repr(example_policy)) | words(repr(CLIENT.full_name)) | words(STORY)
    for kind, pdf in documents(example_policy).items():
        assert finnish_in(pdf_text(pdf).splitlines(), allowed) == [], kind


def test_the_printed_documents_are_finnish_by_default(example_policy: Policy) -> None:
    """Without the window's translations (the helpdesk commands, the self-test)."""
    allowed = words(repr(example_policy))
    found = finnish_in(pdf_text(documents(example_policy)["entry"]).splitlines(), allowed)
    assert any("SALASSA PIDETTÄVÄ" in line for line in found)


@pytest.mark.gui
def test_the_modal_dialogs_show_no_finnish(
    language: str,
    qtbot: QtBot,
    opener: gui_helpers.WindowOpener,
    training: TrainingServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gui_helpers, "WORKER", WRITER)
    window = opener.open()
    allowed = data_words(training, window) | words(STORY)
    policy = window.context.policy
    municipality = policy.municipality(gui_helpers.JARVENPAA)
    entry = DutyEntry(
        hetu=CLIENT.hetu,
        contact_time=dt.datetime(2026, 3, 14, 23, 30, tzinfo=gui_helpers.HELSINKI),
        contact_channel=ContactChannel.POLICE,
        task_type=TaskType.CHILD_PROTECTION,
        narrative=STORY,
        measures=STORY,
        follow_up_needed=True,
        author=WRITER,
    )
    try:
        raise RuntimeError("synthetic")
    except RuntimeError as error:
        crash = Crash.capture(RuntimeError, error, error.__traceback__, "MainThread")
    page = QImage(210, 297, QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    dialogs: list[QWidget] = [
        PasswordDialog(municipality, "etunimi.sukunimi", window),
        PinDialog(window),
        PersonDialog(None, None, dt.date(2026, 3, 14), window),
        PersonDialog(CLIENT.hetu, None, dt.date(2026, 3, 14), window),
        *(DiscardDialog(kind, "Đ. Š.", "Järvenpää", window) for kind in CORRECTABLE),
        CorrectionEditor(entry, "Đ. Š.", "Järvenpää", STORY, window),
        CrashDialog(crash, window),
        PrintPreview([page], QPrinter(), True, window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert finnish_in(widget_texts(dialog), allowed) == [], type(dialog).__name__
