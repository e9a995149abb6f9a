"""Nothing typed in a follow-up window is lost: the handoff dialog (Ctrl+H) and the
child welfare notification (Ctrl+I) keep their text as encrypted drafts, kept on quit,
offered back at the next start in the right window on the right client, and gone
once saved or discarded.

Real windows offscreen on the training systems (inspected over HTTP), a real
encrypted outbox in the test's own profile; the kill test SIGKILLs a real window
process (``tests/draft_child.py``) while it types.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.kinds import ItemKind
from app.services.followup.items import fax_from_payload
from app.services.outbox.drafts import HANDOFF_FORM, NOTIFICATION_FORM
from app.services.outbox.items import Draft
from app.services.outbox.store import ItemState
from app.training.data import SyntheticClient
from app.training.server import TrainingServer
from app.ui.followup.menu import FollowupController
from app.ui.main_window import MainWindow
from app.ui.time_field import read_time, show_time
from app.ui.unsaved import Choice
from tests.draft_child import kill_while_typing
from tests.gui_helpers import (
    CTRL,
    HELSINKI,
    JARVENPAA,
    WAIT_MS,
    WORKER,
    WindowOpener,
    activate,
    clients,
    family,
    inspect,
    open_handoff,
    open_notification,
    press,
    search,
    status_text,
    type_text,
    wait_idle,
)
from tests.helpers import records

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform cannot raise a window: the quit question raises each one.
    pytest.mark.qt_log_ignore(r"^This plugin does not support (propagateSizeHints|raise)\(\)$"),
]

HYVINKAA = "106"  # Pro Consona, Ctrl+1: internal mail and notifications to the system
CASE = "Poliisi toi lapsen päivystykseen yöllä; lapsi vietiin mummolaan. Ŋ Đ Ŧ ä ö å"
FOLLOW_UP = "Arvioi kiireellinen sijoitus aamulla; soita huoltajille. Č Š Ž"
WHAT = "Lapsi tavattiin yksin asemalta kello 2.40; kertoi, ettei uskalla kotiin. Đ Ŋ ä"
NOTIFIER = "Vanhempi konstaapeli Åsa Ŧörmä"
PHONE = "+358 29 000 0999"
ORGANISATION = "Itä-Uudenmaan poliisilaitos"
# Letters QTest cannot type are in it too: the draft keeps them as typed.
CANARY = "Ilmoituskanarialintu ŊŠŦŽĐČ äöå asemalla yöllä " * 3
MAX_LOSS_S = 1.0


def followup_of(window: MainWindow) -> FollowupController:
    return window.followup


def find(qtbot: QtBot, window: MainWindow, key: Qt.Key, code: str, client: SyntheticClient) -> None:
    activate(qtbot, window)
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, key, CTRL)
    assert window.switcher.current_code() == code
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, client.hetu.value)


def drafts_on_disk(window: MainWindow) -> list[Draft]:
    sending = window.outbox.sending
    assert sending is not None
    return sending.outbox.drafts()


def offered(qtbot: QtBot, window: MainWindow) -> list[str]:
    """The drafts dialog shown at start: its rows."""
    qtbot.waitUntil(lambda: window.drafts_dialog is not None, timeout=WAIT_MS)
    dialog = window.drafts_dialog
    assert dialog is not None
    assert dialog.list.hasFocus()
    return [dialog.list.item(row).text() for row in range(dialog.list.count())]


def no_plaintext(profile: Path, fragment: str) -> None:
    for path in profile.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for encoding in ("utf-8", "utf-16-le"):
                assert fragment.encode(encoding) not in data, path


def test_a_handoff_kept_as_a_draft_on_quit_comes_back_on_its_client_and_is_delivered_once(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    child = clients(training, HYVINKAA)[0]
    window = opener.open()
    find(qtbot, window, Qt.Key.Key_1, HYVINKAA, child)
    dialog = open_handoff(qtbot, window)
    key = dialog.key
    for edit, text in ((dialog.text, CASE), (dialog.follow_up, FOLLOW_UP)):
        with qtbot.waitSignal(
            window.desk.draft_keeper.draft_kept,
            timeout=WAIT_MS,
            check_params_cb=lambda kept: kept == key,
        ):
            type_text(edit, text)
    asked: list[str] = []

    def keep(_parent: object, who: str, _why: str, draft: bool = False) -> Choice:
        assert draft, "keep as draft must be offered"
        asked.append(who)
        return Choice.KEEP_DRAFT

    window.desk.ask = keep
    window.close()
    assert not window.isVisible()
    assert asked == [dialog.windowTitle()]

    again = opener.open()
    [row] = offered(qtbot, again)
    assert row.startswith("Siirto virka-aikaiselle:")
    assert child.full_name in row
    assert child.hetu.value in row
    assert "Hyvinkää" in row
    # Later: another client in another municipality first. Continuing the draft must
    # go back to its own.
    first_offer = again.drafts_dialog
    assert first_offer is not None
    press(first_offer.list, Qt.Key.Key_Escape)
    other = clients(training, JARVENPAA)[0]
    find(qtbot, again, Qt.Key.Key_2, JARVENPAA, other)
    activate(qtbot, again)
    press(again, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: again.drafts_dialog is not first_offer, timeout=WAIT_MS)
    dialog_list = again.drafts_dialog
    assert dialog_list is not None
    with qtbot.waitSignal(again.client_loaded, timeout=WAIT_MS):
        press(dialog_list.list, Qt.Key.Key_Return)
    followup = followup_of(again)
    qtbot.waitUntil(
        lambda: followup.handoff_dialog is not None and followup.handoff_dialog.isVisible(),
        timeout=WAIT_MS,
    )
    restored = followup.handoff_dialog
    assert restored is not None
    # The same handoff, on its own client, in its own municipality, every word back.
    assert restored.key == key
    assert again.switcher.current_code() == HYVINKAA
    assert again.desk.card.name.text() == child.full_name
    assert restored.subject.hetu == child.hetu
    assert child.full_name in restored.subject_label.text()
    assert restored.text.toPlainText() == CASE
    assert restored.follow_up.toPlainText() == FOLLOW_UP
    assert "Luonnos palautettu" in status_text(again)

    restored.activateWindow()
    qtbot.waitUntil(restored.isActiveWindow, timeout=WAIT_MS)
    with qtbot.waitSignal(followup.followup_delivered, timeout=WAIT_MS) as delivered:
        press(restored.text, Qt.Key.Key_Return, CTRL)
    assert delivered.args == ["mail", HYVINKAA]
    (mail,) = records(training, HYVINKAA, "mail")
    assert mail["hetu"] == child.hetu.value
    assert CASE in mail["text"]
    assert FOLLOW_UP in mail["text"]
    assert mail["author"] == WORKER
    assert mail["idempotency_key"] == str(key)
    wait_idle(qtbot, again)
    assert drafts_on_disk(again) == []
    assert again.desk.drafts.known == {}
    assert len(records(training, HYVINKAA, "mail")) == 1


def test_a_notification_kept_as_a_draft_on_quit_comes_back_with_every_field_and_is_delivered_once(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    child = clients(training, HYVINKAA)[0]
    window = opener.open()
    activate(qtbot, window)
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_2, CTRL)
    form = open_notification(qtbot, window)
    fields = form.fields
    key = form.key
    # The register answers the child's home municipality: Hyvinkää, not the selected one.
    with qtbot.waitSignal(
        form.channel_decided,
        timeout=WAIT_MS,
        check_params_cb=lambda code, _channel: code == HYVINKAA,
    ):
        type_text(fields.child_hetu, child.hetu.value)
    received = dt.datetime.now(HELSINKI).replace(second=0, microsecond=0) - dt.timedelta(hours=3)
    with qtbot.waitSignal(
        window.desk.draft_keeper.draft_kept,
        timeout=WAIT_MS,
        check_params_cb=lambda kept: kept == key,
    ):
        type_text(fields.child_last_name, child.last_name)
        type_text(fields.child_first_names, child.first_names)
        fields.notifier_organisation.selectAll()
        type_text(fields.notifier_organisation, ORGANISATION)
        type_text(fields.notifier_person, NOTIFIER)
        type_text(fields.notifier_phone, PHONE)
        type_text(fields.what_happened, WHAT)
        fields.urgency.setCurrentIndex(fields.urgency.findText("Kiireellinen"))
        fields.child_told.setCurrentIndex(fields.child_told.findText("Kyllä"))
        fields.guardians_told.setCurrentIndex(fields.guardians_told.findText("Ei"))
        show_time(fields.received_at, received, HELSINKI)
    assert fields.notifier_organisation.text() == ORGANISATION
    window.desk.ask = lambda *_args, **_kwargs: Choice.KEEP_DRAFT
    window.close()
    assert not window.isVisible()

    again = opener.open()
    [row] = offered(qtbot, again)
    assert row.startswith("Lastensuojeluilmoitus:")
    assert child.hetu.value in row
    assert child.last_name in row
    assert "Hyvinkää" in row
    dialog = again.drafts_dialog
    assert dialog is not None
    press(dialog.list, Qt.Key.Key_Return)
    followup = followup_of(again)
    qtbot.waitUntil(
        lambda: followup.notification_form is not None and followup.notification_form.isVisible(),
        timeout=WAIT_MS,
    )
    restored = followup.notification_form
    assert restored is not None
    assert restored.key == key
    back = restored.fields
    assert back.child_hetu.text() == child.hetu.value
    assert back.child_last_name.text() == child.last_name
    assert back.child_first_names.text() == child.first_names
    assert back.notifier_organisation.text() == ORGANISATION
    assert back.notifier_person.text() == NOTIFIER
    assert back.notifier_phone.text() == PHONE
    assert back.what_happened.toPlainText() == WHAT
    assert back.urgency.currentText() == "Kiireellinen"
    assert back.child_told.currentText() == "Kyllä"
    assert back.guardians_told.currentText() == "Ei"
    assert read_time(back.received_at, HELSINKI) == received
    municipality = back.chosen_municipality()
    assert municipality is not None
    assert municipality.code == HYVINKAA
    qtbot.waitUntil(back.what_happened.hasFocus, timeout=WAIT_MS)

    with qtbot.waitSignal(followup.followup_delivered, timeout=WAIT_MS) as delivered:
        press(back.what_happened, Qt.Key.Key_Return, CTRL)
    assert delivered.args == ["notification", HYVINKAA]
    (record,) = records(training, HYVINKAA, "notification")
    assert record["hetu"] == child.hetu.value
    assert record["text"] == WHAT
    assert record["child_name"] == f"{child.last_name} {child.first_names}"
    assert (record["notifier_organisation"], record["notifier_person"]) == (ORGANISATION, NOTIFIER)
    assert record["notifier_phone"] == PHONE
    assert record["urgency"] == "urgent"
    assert (record["child_informed"], record["guardians_informed"]) == (True, False)
    assert dt.datetime.fromisoformat(record["received_by_duty_at"]) == received
    assert record["idempotency_key"] == str(key)
    wait_idle(qtbot, again)
    assert drafts_on_disk(again) == []
    assert again.desk.drafts.known == {}
    assert inspect(training)[JARVENPAA] == []
    assert len(records(training, HYVINKAA, "notification")) == 1


def press_discard_when_asked() -> None:
    """Press "Discard" in the window's discard question once it shows."""

    def press_it() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press_it)
            return
        button = box.button(QMessageBox.StandardButton.Discard)
        assert button is not None
        button.click()

    QTimer.singleShot(0, press_it)


def test_discarded_follow_up_text_leaves_no_draft_and_nothing_is_sent(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    child = clients(training, HYVINKAA)[0]
    window = opener.open()
    keeper = window.desk.draft_keeper

    # The notification: Esc, then "Discard" in the question.
    activate(qtbot, window)
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_1, CTRL)
    form = open_notification(qtbot, window)
    with qtbot.waitSignal(keeper.draft_kept, timeout=WAIT_MS):
        type_text(form.fields.what_happened, "Hylättävä ilmoitus.")
    wait_idle(qtbot, window)
    assert [draft.form for draft in drafts_on_disk(window)] == [NOTIFICATION_FORM]
    press_discard_when_asked()
    press(form.fields.what_happened, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT_MS)
    wait_idle(qtbot, window)
    assert drafts_on_disk(window) == []
    assert window.desk.drafts.known == {}

    # Text the worker empties again leaves no draft either: the window closes unasked.
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, child.hetu.value)
    dialog = open_handoff(qtbot, window)
    with qtbot.waitSignal(keeper.draft_kept, timeout=WAIT_MS):
        type_text(dialog.text, "Pyyhitään pois.")
    wait_idle(qtbot, window)
    assert [draft.form for draft in drafts_on_disk(window)] == [HANDOFF_FORM]
    press(dialog.text, Qt.Key.Key_A, CTRL)
    press(dialog.text, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert drafts_on_disk(window) == []
    press(dialog.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    # The handoff on quit: "Hylkää"; the next start offers nothing.
    dialog = open_handoff(qtbot, window)
    with qtbot.waitSignal(keeper.draft_kept, timeout=WAIT_MS):
        type_text(dialog.text, "Hylättävä siirto.")
    window.desk.ask = lambda *_args, **_kwargs: Choice.DISCARD
    window.close()
    assert not window.isVisible()

    again = opener.open()
    wait_idle(qtbot, again)  # the drafts were read
    assert again.drafts_dialog is None
    assert drafts_on_disk(again) == []
    sending = again.outbox.sending
    assert sending is not None
    assert sending.outbox.counts().drafts == 0
    assert records(training, HYVINKAA, "mail") == []
    assert records(training, HYVINKAA, "notification") == []


def test_a_handoff_saved_as_a_fax_removes_its_draft(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer
) -> None:
    child = clients(training, JARVENPAA)[0]
    window = opener.open()
    find(qtbot, window, Qt.Key.Key_2, JARVENPAA, child)
    dialog = open_handoff(qtbot, window)
    with qtbot.waitSignal(window.desk.draft_keeper.draft_kept, timeout=WAIT_MS):
        type_text(dialog.text, CASE)
    wait_idle(qtbot, window)
    assert [draft.key for draft in drafts_on_disk(window)] == [dialog.key]
    with qtbot.waitSignal(window.followup.handoff_saved, timeout=WAIT_MS) as saved:
        press(dialog.text, Qt.Key.Key_Return, CTRL)
    assert saved.args is not None
    item = saved.args[0]
    assert (item.kind, item.state, item.key) == (ItemKind.FAX, ItemState.MANUAL, dialog.key)
    fax = fax_from_payload(item.payload)
    assert fax.handoff is not None
    assert (fax.handoff.hetu, fax.handoff.text) == (child.hetu, CASE.strip())
    wait_idle(qtbot, window)
    assert drafts_on_disk(window) == []
    assert window.desk.drafts.known == {}
    # Saved, not sent: the fax waits for the worker, as before drafts.
    assert dialog.fax_panel.isVisible()
    assert inspect(training)[JARVENPAA] == []


def test_kill_while_typing_a_notification_loses_at_most_the_last_second(
    qtbot: QtBot, opener: WindowOpener, training: TrainingServer, profile: Path
) -> None:
    kept, killed_at, times = kill_while_typing(profile, CANARY, "notification")
    assert kept >= 1
    must_have = sum(1 for moment in times if moment <= killed_at - MAX_LOSS_S)
    # What the crash left on disk: encrypted, no word of it readable.
    no_plaintext(profile, "Ilmoituskanarialintu")

    window = opener.open()
    child, _mother, _father = family(training)
    [row] = offered(qtbot, window)
    assert row.startswith("Lastensuojeluilmoitus:")
    assert child.hetu.value in row
    dialog = window.drafts_dialog
    assert dialog is not None
    press(dialog.list, Qt.Key.Key_Return)
    followup = followup_of(window)
    qtbot.waitUntil(
        lambda: followup.notification_form is not None and followup.notification_form.isVisible(),
        timeout=WAIT_MS,
    )
    form = followup.notification_form
    assert form is not None
    fields = form.fields
    assert fields.child_hetu.text() == child.hetu.value
    assert fields.child_last_name.text() == child.last_name
    assert fields.urgency.currentText() == "Kiireellinen"
    restored = fields.what_happened.toPlainText()
    assert CANARY.startswith(restored)
    assert len(restored) >= must_have, (len(restored), must_have, len(times))
    # Continuing never deletes the draft on disk, not even while the fields come back.
    wait_idle(qtbot, window)
    assert [draft.key for draft in drafts_on_disk(window)] == [form.key]

    # Järvenpää takes notifications by fax: saved as a manual item, the draft goes.
    # The worker goes on typing where the text ended.
    qtbot.waitUntil(fields.what_happened.hasFocus, timeout=WAIT_MS)
    type_text(fields.what_happened, " jatkuu.")
    with qtbot.waitSignal(followup.notification_forwarded, timeout=WAIT_MS) as forwarded:
        press(fields.what_happened, Qt.Key.Key_Return, CTRL)
    assert forwarded.args is not None
    item = forwarded.args[0]
    assert (item.kind, item.municipality, item.key) == (ItemKind.FAX, JARVENPAA, form.key)
    fax = fax_from_payload(item.payload)
    assert fax.notification is not None
    assert fax.notification.what_happened == (restored + " jatkuu.").strip()
    assert fax.notification.child_hetu == child.hetu
    wait_idle(qtbot, window)
    assert drafts_on_disk(window) == []
    assert window.desk.drafts.known == {}
    no_plaintext(profile, "Ilmoituskanarialintu")
