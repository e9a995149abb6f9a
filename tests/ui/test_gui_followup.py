"""The "Jatkotoimet" workflows in the window: handoffs and child welfare notifications.

Against the real training systems (inspected over HTTP) and a real encrypted outbox
in the test's own training profile. The channel is the connector's declared
capability: internal mail in Pro Consona (Hyvinkää, Ctrl+1), a fax to print, send by
hand and mark sent in Effica (Järvenpää, Ctrl+2).
"""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QMenu, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.domain.kinds import ItemKind
from app.domain.policy import PrintingConfig
from app.services.followup.handoff import HandoffService, MissingText
from app.services.followup.items import Channel
from app.services.outbox.store import ItemState, OutgoingItem, StoredItem
from app.training.data import SyntheticClient
from app.training.server import TrainingServer
from app.ui.followup.fax_actions import FaxActions
from app.ui.followup.handoff_dialog import HandoffDialog
from app.ui.followup.handoff_list import HandoffList
from app.ui.followup.menu import FollowupController, install_followup
from app.ui.followup.notification_form import NotificationForm
from app.ui.main_window import MainWindow
from app.ui.message_bar import Level
from app.ui.printing.preview import PrintPreview
from app.ui.printing.printer import page_count
from tests.gui_helpers import (
    CTRL,
    JARVENPAA,
    WAIT_MS,
    WORKER,
    WindowOpener,
    click,
    clients,
    inspect,
    press,
    search,
    status_level,
    status_text,
    type_text,
)
from tests.helpers import pdf_text, records

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

HYVINKAA = "106"  # Pro Consona, Ctrl+1
CASE = "Poliisi toi lapsen päivystykseen yöllä; lapsi sijoitettiin mummolaan. Ŋ Đ Ŧ ä ö"
FOLLOW_UP = "Kiireellisen sijoituksen arviointi aamulla; soita huoltajille."
WHAT = "Poliisi tavoitti lapsen yöllä yksin kauppakeskuksen edustalta. Č Ž ä ö"
JARVENPAA_FAX = "+358 9 000 1869"
JARVENPAA_PHONE = "+358 9 000 1860"
JARVENPAA_UNIT = "Järvenpään aikuis- ja lastensuojelun virka-aikainen päivystys"


@pytest.fixture
def followup(window: MainWindow) -> FollowupController:
    """The window's follow-up controller: the window's own once it installs one."""
    return install_followup(window)


def activate(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)


def select(qtbot: QtBot, window: MainWindow, key: Qt.Key, code: str) -> None:
    activate(qtbot, window)
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, key, CTRL)
    assert window.switcher.current_code() == code


def find(qtbot: QtBot, window: MainWindow, key: Qt.Key, client: SyntheticClient) -> None:
    code = JARVENPAA if key == Qt.Key.Key_2 else HYVINKAA
    select(qtbot, window, key, code)
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, client.hetu.value)


def open_handoff(qtbot: QtBot, window: MainWindow, followup: FollowupController) -> HandoffDialog:
    # From the search field, where the focus is after a search.
    press(window.desk.search.field, Qt.Key.Key_H, CTRL)
    dialog = followup.handoff_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    return dialog


def open_notification(
    qtbot: QtBot, window: MainWindow, followup: FollowupController
) -> NotificationForm:
    activate(qtbot, window)
    press(window, Qt.Key.Key_I, CTRL)
    form = followup.notification_form
    assert form is not None
    qtbot.waitUntil(form.isVisible, timeout=WAIT_MS)
    return form


def table_rows(widget: HandoffList) -> list[list[str]]:
    table = widget.table
    return [
        [cell.text() if (cell := table.item(row, column)) else "" for column in range(6)]
        for row in range(table.rowCount())
    ]


def confirm_sent(qtbot: QtBot, actions: FaxActions, button: QAbstractButton) -> None:
    with qtbot.waitSignal(actions.confirmation_opened, timeout=WAIT_MS) as opened:
        click(button)
    assert opened.args is not None
    box = opened.args[0]
    assert isinstance(box, QMessageBox)
    yes = box.findChild(QPushButton, "confirmFaxSentYes")
    assert yes is not None
    with qtbot.waitSignal(actions.marked_sent, timeout=WAIT_MS):
        click(yes)


class PrintSpy:
    """Stands in for the preview's exec, the print dialog and the spooler."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.printed: list[bytes] = []
        spy = self

        def preview_exec(preview: PrintPreview) -> int:
            preview.print_button.click()
            return int(preview.result())

        def dialog_exec(_dialog: QPrintDialog) -> int:
            return 1

        def fake_print(pdf: bytes, _printer: QPrinter, _config: PrintingConfig) -> int:
            spy.printed.append(pdf)
            return page_count(pdf)

        monkeypatch.setattr(PrintPreview, "exec", preview_exec)
        monkeypatch.setattr(QPrintDialog, "exec", dialog_exec)
        monkeypatch.setattr("app.ui.printing.flow.print_pdf", fake_print)


def test_the_menu_offers_the_three_workflows(
    window: MainWindow, followup: FollowupController
) -> None:
    assert install_followup(window) is followup
    menu = window.findChild(QMenu, "followupMenu")
    assert menu is not None
    assert menu.title() == "&Jatkotoimet"
    assert menu.menuAction() in window.menuBar().actions()
    assert [(action.text(), action.shortcut().toString()) for action in menu.actions()] == [
        ("&Siirrä virka-aikaiselle…", "Ctrl+H"),
        ("&Lastensuojeluilmoitus…", "Ctrl+I"),
        ("&Avoimet siirrot", "Ctrl+J"),
    ]


def test_a_handoff_in_pro_consona_becomes_internal_mail_delivered_once(
    qtbot: QtBot, window: MainWindow, followup: FollowupController, training: TrainingServer
) -> None:
    child = clients(training, HYVINKAA)[0]
    find(qtbot, window, Qt.Key.Key_1, child)
    dialog = open_handoff(qtbot, window, followup)
    qtbot.waitUntil(lambda: dialog.channel is Channel.INTERNAL_MAIL, timeout=WAIT_MS)
    assert dialog.channel_label.text() == "Sisäinen posti (Pro Consona)"
    assert child.full_name in dialog.subject_label.text()
    type_text(dialog.text, CASE)
    type_text(dialog.follow_up, FOLLOW_UP)

    activate(qtbot, dialog)
    with qtbot.waitSignal(followup.followup_delivered, timeout=WAIT_MS) as delivered:
        press(dialog.text, Qt.Key.Key_Return, CTRL)
    assert delivered.args == ["mail", HYVINKAA]
    assert not dialog.isVisible()
    assert status_level(window) is Level.SUCCESS
    assert "Siirto toimitettu virka-aikaiselle sisäisenä postina: Hyvinkää" in status_text(window)
    (mail,) = records(training, HYVINKAA, "mail")
    assert mail["hetu"] == child.hetu.value
    assert CASE in mail["text"]
    assert FOLLOW_UP in mail["text"]
    assert mail["author"] == WORKER
    assert mail["idempotency_key"] == str(dialog.key)
    # Delivered: nothing open, nothing more to send.
    handoffs = followup.show_open_handoffs()
    qtbot.waitUntil(lambda: handoffs.message.text() != "", timeout=WAIT_MS)
    assert table_rows(handoffs) == []
    assert len(records(training, HYVINKAA, "mail")) == 1


def test_a_handoff_in_effica_is_a_fax_listed_until_marked_sent(
    qtbot: QtBot, window: MainWindow, followup: FollowupController, training: TrainingServer
) -> None:
    child = clients(training, JARVENPAA)[0]
    find(qtbot, window, Qt.Key.Key_2, child)
    dialog = open_handoff(qtbot, window, followup)
    qtbot.waitUntil(lambda: dialog.channel is Channel.FAX, timeout=WAIT_MS)
    assert dialog.channel_label.text() == (
        f"Faksi ja puhelu: {JARVENPAA_UNIT}, faksi {JARVENPAA_FAX}, puh. {JARVENPAA_PHONE}"
    )
    type_text(dialog.text, CASE)
    with qtbot.waitSignal(followup.handoff_saved, timeout=WAIT_MS) as saved:
        click(dialog.save_button)
    assert saved.args is not None
    item = saved.args[0]
    assert isinstance(item, StoredItem)
    assert (item.kind, item.state, item.municipality) == (ItemKind.FAX, ItemState.MANUAL, JARVENPAA)
    # Unmistakable: saved, not sent; the phone-call note beside it.
    assert dialog.isVisible()
    assert dialog.fax_panel.isVisible()
    assert "EI VIELÄ LÄHETETTY" in dialog.fax_panel.state.text()
    assert f"puh. {JARVENPAA_PHONE}" in dialog.fax_panel.call_note.text()
    assert status_level(window) is Level.WARNING
    assert "EI VIELÄ LÄHETETTY" in status_text(window)

    activate(qtbot, window)
    press(window, Qt.Key.Key_J, CTRL)
    handoffs = window.findChild(HandoffList, "handoffList")
    assert handoffs is not None
    qtbot.waitUntil(lambda: len(table_rows(handoffs)) == 1, timeout=WAIT_MS)
    [row] = table_rows(handoffs)
    assert row[0] == item.label
    assert row[1:] == [
        "Järvenpää",
        "siirto virka-aikaiselle",
        "faksi ja puhelu",
        "faksattava ja soitettava",
        f"faksi {JARVENPAA_FAX}, puh. {JARVENPAA_PHONE}",
    ]
    assert child.hetu.value not in " ".join(row)
    assert child.full_name not in " ".join(row)
    # The only row is chosen already: its buttons are on.
    assert handoffs.selected_id() == item.id
    assert handoffs.mark_button.isEnabled()
    assert handoffs.print_button.isEnabled()

    confirm_sent(qtbot, followup.fax, handoffs.mark_button)
    qtbot.waitUntil(lambda: table_rows(handoffs) == [], timeout=WAIT_MS)
    assert handoffs.message.text() == "Ei avoimia siirtoja eikä ilmoituksia."
    assert "merkitty lähetetyksi" in dialog.fax_panel.state.text()
    assert status_level(window) is Level.SUCCESS
    # Never sent by the sender: the training system has nothing.
    assert inspect(training)[JARVENPAA] == []


def test_the_fax_sheet_prints_with_the_policys_numbers(
    qtbot: QtBot,
    window: MainWindow,
    followup: FollowupController,
    training: TrainingServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spy = PrintSpy(monkeypatch)
    find(qtbot, window, Qt.Key.Key_2, clients(training, JARVENPAA)[0])
    dialog = open_handoff(qtbot, window, followup)
    type_text(dialog.text, CASE)
    with qtbot.waitSignal(followup.handoff_saved, timeout=WAIT_MS):
        click(dialog.save_button)
    with qtbot.waitSignal(followup.fax.printed, timeout=WAIT_MS):
        click(dialog.fax_panel.print_button)
    [pdf] = spy.printed
    text = pdf_text(pdf)
    assert "FAKSI" in text
    assert JARVENPAA_FAX in text
    assert JARVENPAA_PHONE in text
    assert "Puhelinmuistio" in text
    assert "Faksi tulostui" in status_text(window)


@pytest.mark.parametrize(
    ("error", "told"),
    [
        (MissingText("no text"), "Kirjoita, mitä tapahtui: siirto tarvitsee tekstin."),
        # The type decides, never the text: a ValueError that reads like the field is none.
        (ValueError("text: no text"), "Tallennus ei onnistunut odottamattoman virheen"),
    ],
)
def test_a_refused_handoff_is_told_by_the_type_of_the_refusal(
    qtbot: QtBot,
    window: MainWindow,
    followup: FollowupController,
    training: TrainingServer,
    monkeypatch: pytest.MonkeyPatch,
    error: ValueError,
    told: str,
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> StoredItem:
        raise error

    monkeypatch.setattr(HandoffService, "hand_over", refuse)
    find(qtbot, window, Qt.Key.Key_1, clients(training, HYVINKAA)[0])
    dialog = open_handoff(qtbot, window, followup)
    type_text(dialog.text, CASE)
    with qtbot.waitSignal(dialog.save_failed, timeout=WAIT_MS) as failed:
        click(dialog.save_button)
    assert failed.args is not None
    assert failed.args[0].startswith(told)
    assert dialog.problem.text() == failed.args[0]
    # Only the missing text is the text field's to fix.
    assert bool(dialog.text.property("invalid")) is isinstance(error, MissingText)
    assert dialog.isVisible()
    assert dialog.text.toPlainText() == CASE


def test_a_handoff_without_the_workers_name_is_refused_and_support_called(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    window = opener.open(replace(opener.context(), worker_name=" "))
    followup = install_followup(window)
    find(qtbot, window, Qt.Key.Key_2, clients(training, JARVENPAA)[0])
    dialog = open_handoff(qtbot, window, followup)
    type_text(dialog.text, CASE)
    with qtbot.waitSignal(dialog.save_failed, timeout=WAIT_MS) as failed:
        click(dialog.save_button)
    assert failed.args == ["Päivystäjän nimi puuttuu tämän koneen asetuksista. Ota yhteys tukeen."]
    assert dialog.text.toPlainText() == CASE
    assert inspect(training)[JARVENPAA] == []


@pytest.mark.parametrize(
    ("kind", "state", "told"),
    [
        (ItemKind.ENTRY, ItemState.WAITING, "Tämä lähtevä ei ole käsin lähetettävä faksi."),
        (
            ItemKind.FAX,
            ItemState.MANUAL,
            "Tallennettua faksia ei voi lukea. Soita virka-aikaiselle ja ota yhteys tukeen.",
        ),
    ],
)
def test_printing_what_is_no_readable_fax_is_told_by_the_type_of_the_refusal(
    qtbot: QtBot,
    window: MainWindow,
    followup: FollowupController,
    training: TrainingServer,
    kind: ItemKind,
    state: ItemState,
    told: str,
) -> None:
    sending = window.outbox.sending
    assert sending is not None
    client = clients(training, JARVENPAA)[0].hetu.value
    # A payload that cannot be read: the entry goes to the worker's attention if tried.
    odd = OutgoingItem(uuid.uuid4(), JARVENPAA, kind, client, "label", b"{}")
    item = sending.outbox.put(odd, sending.clock(), state)
    with qtbot.waitSignal(followup.fax.print_failed, timeout=WAIT_MS) as failed:
        followup.fax.print_fax(item.id)
    assert failed.args == [item.id, told]
    assert told in status_text(window)


def test_a_police_notification_goes_to_the_childs_home_municipality_in_pro_consona(
    qtbot: QtBot, window: MainWindow, followup: FollowupController, training: TrainingServer
) -> None:
    child = clients(training, HYVINKAA)[0]
    select(qtbot, window, Qt.Key.Key_2, JARVENPAA)
    form = open_notification(qtbot, window, followup)
    fields = form.fields
    assert "Lastensuojelulaki (417/2007) 25 §" in fields.legal.text()
    assert fields.notifier_organisation.text() == "Poliisi"
    municipality = fields.chosen_municipality()
    assert municipality is not None
    assert municipality.code == JARVENPAA

    # The population register knows the child's home municipality: it is preselected.
    with qtbot.waitSignal(
        form.channel_decided,
        timeout=WAIT_MS,
        check_params_cb=lambda code, channel: code == HYVINKAA,
    ) as decided:
        type_text(fields.child_hetu, child.hetu.value)
    assert decided.args == [HYVINKAA, "system"]
    assert fields.hetu_problem.text() == ""
    assert "kotikunta on Hyvinkää" in fields.home_note.text()
    assert fields.channel.text() == "Lastensuojelun järjestelmään (Pro Consona)"
    type_text(fields.child_last_name, child.last_name)
    type_text(fields.child_first_names, child.first_names)
    type_text(fields.notifier_person, "Vanhempi konstaapeli Testi")
    type_text(fields.notifier_phone, "+358 29 000 0000")
    type_text(fields.what_happened, WHAT)
    fields.urgency.setCurrentIndex(fields.urgency.findText("Kiireellinen"))
    fields.child_told.setCurrentIndex(fields.child_told.findText("Kyllä"))

    with qtbot.waitSignal(followup.followup_delivered, timeout=WAIT_MS) as delivered:
        click(form.forward_button)
    assert delivered.args == ["notification", HYVINKAA]
    assert not form.isVisible()
    assert "Lastensuojeluilmoitus toimitettu: Hyvinkää, Pro Consona" in status_text(window)
    (record,) = records(training, HYVINKAA, "notification")
    assert record["hetu"] == child.hetu.value
    assert record["text"] == WHAT
    assert record["urgency"] == "urgent"
    # Guardians left at "Ei tiedossa": not known, never recorded as "not told".
    assert (record["child_informed"], record["guardians_informed"]) == (True, None)
    assert record["notifier_organisation"] == "Poliisi"
    assert record["receiving_worker"] == WORKER
    assert record["idempotency_key"] == str(form.key)
    assert inspect(training)[JARVENPAA] == []


def test_an_adult_identity_code_is_refused_and_nothing_is_lost(
    qtbot: QtBot, window: MainWindow, followup: FollowupController, training: TrainingServer
) -> None:
    adult = clients(training, HYVINKAA)[5]
    child = clients(training, HYVINKAA)[0]
    select(qtbot, window, Qt.Key.Key_1, HYVINKAA)
    form = open_notification(qtbot, window, followup)
    fields = form.fields
    type_text(fields.child_hetu, adult.hetu.value)
    # Checked while typed.
    assert fields.hetu_problem.isVisible()
    assert "koskee vain alle 18-vuotiasta" in fields.hetu_problem.text()
    type_text(fields.what_happened, WHAT)
    fields.urgency.setCurrentIndex(fields.urgency.findText("Ei kiireellinen"))

    with qtbot.waitSignal(form.refused, timeout=WAIT_MS) as refused:
        click(form.forward_button)
    assert refused.args is not None
    assert refused.args[0] == "child_hetu"
    assert fields.child_hetu.property("invalid") is True
    assert form.problem.isVisible()
    assert "koskee vain alle 18-vuotiasta" in form.problem.text()
    assert "tarkista tunnus" in form.problem.text()
    assert form.isVisible()
    assert fields.what_happened.toPlainText() == WHAT
    assert fields.child_hetu.text() == adult.hetu.value
    handoffs = followup.show_open_handoffs()
    qtbot.waitUntil(lambda: handoffs.message.text() != "", timeout=WAIT_MS)
    assert table_rows(handoffs) == []

    # Corrected, the same text goes.
    fields.child_hetu.setText(child.hetu.value)
    assert fields.child_hetu.property("invalid") is False
    with qtbot.waitSignal(followup.followup_delivered, timeout=WAIT_MS):
        click(form.forward_button)
    (record,) = records(training, HYVINKAA, "notification")
    assert (record["hetu"], record["text"]) == (child.hetu.value, WHAT)


def test_an_effica_notification_is_a_fax_the_outbox_view_prints_and_marks_sent(
    qtbot: QtBot,
    window: MainWindow,
    followup: FollowupController,
    training: TrainingServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spy = PrintSpy(monkeypatch)
    child = clients(training, JARVENPAA)[0]
    find(qtbot, window, Qt.Key.Key_2, child)
    form = open_notification(qtbot, window, followup)
    fields = form.fields
    # Prefilled from the card: the client is a child.
    assert fields.child_hetu.text() == child.hetu.value
    assert fields.child_last_name.text() == child.last_name
    qtbot.waitUntil(lambda: fields.channel.text().startswith("Faksi ja puhelu"), timeout=WAIT_MS)
    type_text(fields.what_happened, WHAT)
    fields.urgency.setCurrentIndex(fields.urgency.findText("Kiireellinen"))
    with qtbot.waitSignal(followup.notification_forwarded, timeout=WAIT_MS) as forwarded:
        click(form.forward_button)
    assert forwarded.args is not None
    item = forwarded.args[0]
    assert isinstance(item, StoredItem)
    assert (item.kind, item.state) == (ItemKind.FAX, ItemState.MANUAL)
    assert form.fax_panel.isVisible()
    assert "lastensuojeluilmoituksen" in form.fax_panel.call_note.text()

    view = window.show_outbox()
    view.set_fax_actions(followup.fax)
    # The fax is the outbox's only item: the view opens with it chosen.
    qtbot.waitUntil(lambda: view.selected_id() == item.id, timeout=WAIT_MS)
    assert view.print_fax_button.isEnabled()
    assert view.mark_sent_button.isEnabled()
    assert not view.correct_button.isEnabled()
    with qtbot.waitSignal(followup.fax.printed, timeout=WAIT_MS):
        click(view.print_fax_button)
    [pdf] = spy.printed
    text = pdf_text(pdf)
    assert "Lastensuojelulaki" in text
    assert "25 §" in text

    confirm_sent(qtbot, followup.fax, view.mark_sent_button)
    qtbot.waitUntil(lambda: view.table.rowCount() == 0, timeout=WAIT_MS)
    assert inspect(training)[JARVENPAA] == []


def test_a_received_time_that_is_no_date_is_refused_and_then_goes_as_typed(
    qtbot: QtBot, window: MainWindow, followup: FollowupController, training: TrainingServer
) -> None:
    child = clients(training, HYVINKAA)[0]
    select(qtbot, window, Qt.Key.Key_1, HYVINKAA)
    form = open_notification(qtbot, window, followup)
    fields = form.fields
    type_text(fields.child_hetu, child.hetu.value)
    type_text(fields.what_happened, WHAT)
    fields.urgency.setCurrentIndex(fields.urgency.findText("Ei kiireellinen"))
    field = fields.received_at
    field.setFocus()
    field.setSelectedSection(field.sectionAt(0))
    QTest.keyClicks(field, "31.4.2026 23.40")  # April has 30 days

    with qtbot.waitSignal(form.refused, timeout=WAIT_MS) as refused:
        click(form.forward_button)
    assert refused.args is not None
    assert refused.args[0] == "received_at"
    assert field.property("invalid") is True
    assert "Vastaanotettu: Päivämäärää 31.4.2026 ei ole." in form.problem.text()
    assert records(training, HYVINKAA, "notification") == []

    # Corrected: the date typed over the month shown, as typed.
    field.setSelectedSection(field.sectionAt(0))
    QTest.keyClicks(field, "31.3.2026 23.40")
    assert not field.property("invalid")
    with qtbot.waitSignal(followup.followup_delivered, timeout=WAIT_MS):
        click(form.forward_button)
    (record,) = records(training, HYVINKAA, "notification")
    assert record["received_by_duty_at"].startswith("2026-03-31T23:40")
