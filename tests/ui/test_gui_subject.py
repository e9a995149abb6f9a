"""One subject at a time: the card, the entry and everything after follow the code field.

Driven by keyboard on the real window offscreen, against the training systems.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from app.training.server import TrainingServer
from app.ui.main_window import MainWindow
from app.ui.shortcuts import shortcuts_text
from app.ui.unsaved import Choice
from tests.gui_helpers import (
    CTRL,
    JARVENPAA,
    WAIT_MS,
    family,
    find_client,
    inspect,
    press,
    save,
    shows,
    status_text,
    type_text,
    wait_idle,
    write_entry,
)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]


def mistyped(code: str) -> str:
    """``code`` with a wrong check character: the format is right, the code is not."""
    last = code[-1]
    return code[:-1] + ("A" if last != "A" else "B")


def retype_code(window: MainWindow, text: str) -> None:
    """Ctrl+F, Ctrl+A and type: as a worker replaces the code in the field."""
    press(window, Qt.Key.Key_F, CTRL)
    field = window.desk.search.field
    assert field.hasFocus()
    press(field, Qt.Key.Key_A, CTRL)
    type_text(field, text)


def records_about(training: TrainingServer, hetu: str) -> list[object]:
    everything = inspect(training)
    return [record for records in everything.values() for record in records if hetu in str(record)]


@pytest.mark.parametrize("typed", ["mistyped mother", "abc"])
def test_a_wrong_code_after_a_found_client_reaches_nothing_of_that_client(
    qtbot: QtBot, window: MainWindow, training: TrainingServer, typed: str
) -> None:
    child, mother, _father = family(training)
    find_client(qtbot, window, child)
    desk = window.desk
    assert desk.card.name.text() == child.full_name
    before = len(records_about(training, child.hetu.value))

    text = mistyped(mother.hetu.value) if typed == "mistyped mother" else typed
    retype_code(window, text)
    assert desk.search.field.text() == text
    # The card is empty the moment the field names someone else.
    assert desk.card_code() is None
    assert desk.client is None
    assert desk.card.name.text() == ""
    assert not shows(desk.card, child.full_name)
    assert not shows(desk.card, child.hetu.value)

    press(field := desk.search.field, Qt.Key.Key_Return)
    assert desk.card_code() is None
    # Ctrl+N writes nothing: there is nobody to write for.
    press(window, Qt.Key.Key_N, CTRL)
    assert not desk.form.is_open()
    assert "Hae ensin asiakas" in status_text(window)
    # Nor does print, handoff or a notification reach the first client.
    press(window, Qt.Key.Key_P, CTRL)
    assert desk.printing.last is None
    assert window.followup.hand_over() is None
    form = window.followup.new_notification()
    assert form is not None
    assert not shows(form, child.hetu.value)
    assert not shows(form, child.full_name)
    form.dispose()
    wait_idle(qtbot, window)
    assert len(records_about(training, child.hetu.value)) == before
    assert field.text() == text


def test_editing_the_code_with_an_entry_open_asks_before_anything_goes(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child, mother, _father = family(training)
    find_client(qtbot, window, child)
    desk = window.desk
    write_entry(qtbot, window, "Lapsi löytyi yksin kotoa.")
    asked: list[str] = []
    answers = [Choice.CANCEL, Choice.DISCARD]

    def answer(_parent: object, who: str, _why: str) -> Choice:
        asked.append(who)
        return answers.pop(0)

    desk.ask = answer
    retype_code(window, mother.hetu.value[:1])
    # Cancelled: the card, the form and the field name the child still.
    assert asked == [f"{child.full_name}, {child.hetu.value}"]
    assert desk.search.field.text() == child.hetu.value
    assert desk.card.name.text() == child.full_name
    assert desk.form.narrative.toPlainText() == "Lapsi löytyi yksin kotoa."

    retype_code(window, mother.hetu.value[:1])
    assert len(asked) == 2
    assert not desk.form.is_open()
    assert desk.card_code() is None
    assert desk.search.field.text() == mother.hetu.value[:1]


def test_the_form_names_the_client_and_save_rechecks_the_field(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child, mother, _father = family(training)
    find_client(qtbot, window, child)
    desk = window.desk
    write_entry(qtbot, window, "Kirjaus lapsesta.")
    header = desk.form.subject_label.text()
    assert child.full_name in header
    assert child.hetu.value in header
    assert "Järvenpää" in header
    # A change the field's edit signal does not see (a paste by another path): the
    # save still compares.
    desk.search.field.setText(mother.hetu.value)
    save(qtbot, window)
    assert not desk.form.saving
    assert desk.form.narrative.toPlainText() == "Kirjaus lapsesta."
    assert "Kirjausta ei tallennettu" in status_text(window)
    wait_idle(qtbot, window)
    assert records_about(training, "Kirjaus lapsesta.") == []


def test_after_a_save_the_focus_is_in_the_code_field(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child, _mother, _father = family(training)
    find_client(qtbot, window, child)
    write_entry(qtbot, window, "Tallennetaan ja seuraava.")
    with qtbot.waitSignal(window.desk.entry_saved, timeout=WAIT_MS):
        save(qtbot, window)
    field = window.desk.search.field
    assert field.hasFocus()
    assert field.selectedText() == field.text()  # the next code replaces it
    # A space typed on goes into the field, not to a button.
    press(field, Qt.Key.Key_Space)
    assert window._outbox_view is None
    wait_idle(qtbot, window)


def answer_dialog(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> list[str]:
    """Press ``key`` in the unsaved-text question once it shows; its text, for the test."""
    seen: list[str] = []

    def press_it() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "unsavedDialog":
            QTimer.singleShot(20, press_it)
            return
        seen.append(box.text())
        press(box, key, modifiers)

    QTimer.singleShot(0, press_it)
    return seen


def test_ctrl_q_with_an_unsaved_entry_asks_and_esc_keeps_everything(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    child, _mother, _father = family(training)
    find_client(qtbot, window, child)
    write_entry(qtbot, window, "Ei saa kadota.")
    seen = answer_dialog(qtbot, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    press(window, Qt.Key.Key_Q, CTRL)
    assert seen
    assert child.full_name in seen[0]
    assert window.isVisible()
    assert window.desk.form.narrative.toPlainText() == "Ei saa kadota."

    # Switching municipality asks too; Esc keeps the municipality and the text.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    seen = answer_dialog(qtbot, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    press(window, Qt.Key.Key_1, CTRL)
    assert seen
    assert window.switcher.current_code() == JARVENPAA
    assert window.desk.form.narrative.toPlainText() == "Ei saa kadota."

    # Hylkää (H, its mnemonic) lets the window close.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    seen = answer_dialog(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.NoModifier)
    press(window, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    assert seen


def test_f1_lists_every_shortcut_the_menus_offer(window: MainWindow) -> None:
    listed = shortcuts_text(window)
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:  # as the menu shows it (Qt's own words: Vaihto for Shift in Finnish)
                assert keys in listed, (action.text(), keys)
