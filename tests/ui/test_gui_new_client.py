"""A new client at night, a person with no identity code, the systems' field limits,
and a client the system could not be asked about: driven through the real window."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.services.connectivity import Reachability
from app.training.server import TrainingServer
from app.ui.client.person_dialog import PersonDialog
from app.ui.main_window import MainWindow
from tests.gui_helpers import (
    CTRL,
    JARVENPAA,
    WAIT_MS,
    clients,
    family,
    find_client,
    inspect,
    press,
    save,
    search,
    select_jarvenpaa,
    status_text,
    type_text,
    wait_idle,
    write_entry,
)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

HYVINKAA = "106"
SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def of_kind(records: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [record for record in records if record.get("kind") == kind]


def fill_person_dialog(fill: dict[str, str]) -> list[PersonDialog]:
    """Once the person dialog shows: type ``fill`` into its fields by object name, then
    Ctrl+Enter. The dialogs seen, for the test to inspect."""
    seen: list[PersonDialog] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PersonDialog):
            QTimer.singleShot(20, act)
            return
        if not dialog.isActiveWindow():  # offscreen has no window manager to do it
            dialog.activateWindow()
            QTimer.singleShot(20, act)
            return
        seen.append(dialog)
        for name, text in fill.items():
            target = dialog.findChild(QLineEdit, name)
            assert target is not None, name
            target.setFocus()
            type_text(target, text)
        press(dialog, Qt.Key.Key_Return, CTRL)

    QTimer.singleShot(0, act)
    return seen


def test_a_hyvinkaa_client_searched_in_jarvenpaa_is_recorded_there_once_as_new(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    person = clients(training, HYVINKAA)[0]
    desk = window.desk
    select_jarvenpaa(qtbot, window)
    with qtbot.waitSignal(desk.population.home_offered, timeout=WAIT_MS):
        search(qtbot, window, person.hetu.value)
    wait_idle(qtbot, window)
    # Another municipality's client: the register was asked where, not who.
    assert desk.population.record(person.hetu) is None
    # Not a client here: the card says so and offers "new client".
    assert "ei ole tämän kunnan asiakas" in desk.card.notice.text()
    assert desk.card.new_client_button.isVisible()
    assert desk.card.new_client_button.objectName() == "newClientButton"
    press(window, Qt.Key.Key_N, CTRL)
    assert not desk.form.is_open()
    assert "Ctrl+Shift+N" in status_text(window)

    seen = fill_person_dialog({})
    press(window, Qt.Key.Key_N, SHIFT_CTRL)  # the register's details asked for now
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    dialog = seen[0]
    # The register's name is shown and not retyped.
    assert dialog.last_name.text() == person.last_name
    assert dialog.last_name.isReadOnly()
    assert desk.form.is_open()
    header = desk.form.subject_label.text()
    assert "uudelle asiakkaalle" in header
    assert person.hetu.value in header
    qtbot.waitUntil(desk.form.narrative.hasFocus, timeout=WAIT_MS)
    type_text(desk.form.narrative, "Poliisi toi lapsen; ei aiempaa asiakkuutta täällä.")
    with qtbot.waitSignal(window.entry_delivered, timeout=WAIT_MS):
        save(qtbot, window)
    wait_idle(qtbot, window)

    records = inspect(training)[JARVENPAA]
    (client,) = of_kind(records, "client")
    (entry,) = of_kind(records, "entry")
    assert client["hetu"] == person.hetu.value
    assert (client["last_name"], client["first_names"]) == (person.last_name, person.first_names)
    assert "ei aiempaa asiakkuutta" in str(entry)
    assert inspect(training)[HYVINKAA] == []
    # Searched again, the person is now Järvenpää's client.
    press(window, Qt.Key.Key_F, CTRL)
    press(desk.search.field, Qt.Key.Key_A, CTRL)
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        search(qtbot, window, person.hetu.value)
    assert desk.card.name.text() == person.full_name


def test_a_person_with_no_identity_code_is_recorded_for_identification(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    desk = window.desk
    select_jarvenpaa(qtbot, window)
    seen = fill_person_dialog(
        {
            "personLastName": "Sammallahti",
            "personFirstNames": "Niillas",
            "personBirthDate": "3.7.2011",
            "personNationality": "Norja",
            "personLanguage": "pohjoissaame",
        }
    )
    press(window, Qt.Key.Key_U, SHIFT_CTRL)
    assert seen
    assert desk.card_code() == ""
    assert "Sammallahti Niillas" in desk.card.name.text()
    assert desk.form.is_open()
    assert "ilman henkilötunnusta" in desk.form.subject_label.text()
    qtbot.waitUntil(desk.form.narrative.hasFocus, timeout=WAIT_MS)
    type_text(desk.form.narrative, "Ei henkilöpapereita; yöpyy tilapäisesti.")
    with qtbot.waitSignal(window.entry_delivered, timeout=WAIT_MS):
        save(qtbot, window)
    wait_idle(qtbot, window)
    records = inspect(training)[JARVENPAA]
    (entry,) = of_kind(records, "entry")
    assert entry["needs_identification"] is True
    assert "Ei henkilöpapereita" in str(entry)
    assert "Sammallahti" in str(records)


def test_the_narrative_counter_shows_near_the_limit_and_save_refuses_past_it(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child, _mother, _father = family(training)
    find_client(qtbot, window, child)
    write_entry(qtbot, window, "Alku.")
    desk = window.desk
    limit = window.context.workstation.field_limits(JARVENPAA).narrative
    counter = desk.form.narrative_counter
    assert counter.objectName() == "narrativeCounter"
    assert not counter.isVisible()
    desk.form.narrative.setPlainText("x" * (limit - 5))
    assert counter.isVisible()
    assert f"{limit - 5:,}".replace(",", "\u00a0") in counter.text()
    type_text(desk.form.narrative, "y" * 10)
    assert "liikaa" in counter.text()
    save(qtbot, window)
    assert not desk.form.saving
    message = status_text(window)
    assert "liian pitkä" in message
    assert f"{limit:,}".replace(",", "\u00a0") in message
    wait_idle(qtbot, window)
    sending = window.outbox.sending
    assert sending is not None
    assert sending.outbox.items() == []
    # Back within the limit, it saves and the system takes it.
    press(desk.form.narrative, Qt.Key.Key_Backspace)
    for _ in range(5):
        press(desk.form.narrative, Qt.Key.Key_Backspace)
    with qtbot.waitSignal(window.entry_delivered, timeout=WAIT_MS):
        save(qtbot, window)


def test_the_card_looks_the_client_up_again_when_the_system_comes_back(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child, _mother, _father = family(training)
    desk = window.desk
    training.set_online(JARVENPAA, False)
    select_jarvenpaa(qtbot, window)
    with qtbot.waitSignal(desk.population.record_shown, timeout=WAIT_MS):
        search(qtbot, window, child.hetu.value)
    assert "ei voitu hakea" in desk.card.notice.text()
    assert child.full_name in desk.card.name.text()  # from the register
    write_entry(qtbot, window, "Kirjoitettu katkon aikana.")
    # The monitor has seen it down (the failed lookup made it ask).
    qtbot.waitUntil(
        lambda: window.connectivity.state(JARVENPAA) is not Reachability.ONLINE, timeout=WAIT_MS
    )

    training.set_online(JARVENPAA, True)
    with qtbot.waitSignal(window.client_loaded, timeout=WAIT_MS):
        press(window, Qt.Key.Key_F5)
    assert desk.card.name.text() == child.full_name
    assert "ei voitu hakea" not in desk.card.notice.text()
    # The open entry kept its text.
    assert desk.form.narrative.toPlainText() == "Kirjoitettu katkon aikana."


def test_a_handoff_for_a_new_client_opens_the_client_with_the_mail(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    person = clients(training, JARVENPAA)[0]  # Järvenpää's client, searched in Hyvinkää
    desk = window.desk
    with qtbot.waitSignal(window.municipality_selected, timeout=WAIT_MS):
        press(window, Qt.Key.Key_1, CTRL)
    with qtbot.waitSignal(desk.population.home_offered, timeout=WAIT_MS):
        search(qtbot, window, person.hetu.value)
    fill_person_dialog({})
    press(window, Qt.Key.Key_N, SHIFT_CTRL)
    qtbot.waitUntil(desk.form.is_open, timeout=WAIT_MS)
    press(desk.form.cancel_button, Qt.Key.Key_Space)  # no entry: a handoff instead
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(window, Qt.Key.Key_H, CTRL)
    dialog = window.followup.handoff_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    assert person.full_name in dialog.subject_label.text()
    type_text(dialog.text, "Uusi asiakas: yöllinen kotikäynti, jatko virka-aikana.")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(window.followup.followup_delivered, timeout=WAIT_MS):
        press(dialog.text, Qt.Key.Key_Return, CTRL)
    records = inspect(training)[HYVINKAA]
    (client,) = of_kind(records, "client")
    (mail,) = of_kind(records, "mail")
    assert client["hetu"] == mail["hetu"] == person.hetu.value
    assert client["last_name"] == person.last_name
    assert "yöllinen kotikäynti" in mail["text"]
