"""Focus the worker can follow: the keyboard alone through the window and its dialogs.

Keys go where the focus is (:func:`key`), as they would from a keyboard: a test that
sends them to a chosen widget would pass although the focus were elsewhere. Against
the real training systems and a real encrypted outbox in the test's own profile.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.kinds import ItemKind
from app.domain.model import ContactChannel, DutyEntry, TaskType
from app.services.followup.handoff import HandoffService
from app.training.data import SyntheticClient
from app.training.server import TrainingServer
from app.ui.focus import FOCUS_COLOUR
from app.ui.followup.handoff_dialog import HandoffDialog
from app.ui.followup.handoff_list import HandoffList
from app.ui.followup.menu import FollowupController
from app.ui.followup.notification_form import NotificationForm
from app.ui.item_table import ItemListDialog
from app.ui.main_window import MainWindow
from app.ui.outbox.editor import CorrectionEditor, DiscardDialog, FieldsCorrectionEditor
from app.ui.outbox.view import OutboxView
from tests.gui_helpers import (
    CTRL,
    HELSINKI,
    JARVENPAA,
    WAIT_MS,
    WORKER,
    clients,
    find_client,
    inspect,
    put_refused,
    put_rejected_entry,
    save,
    type_text,
    write_entry,
)
from tests.helpers import SAVED_BY

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

KERAVA = "245"
KEYPAD_CTRL = CTRL | Qt.KeyboardModifier.KeypadModifier
W = TypeVar("W", bound=QWidget)
NAMED_SHORTCUT = re.compile(r"Ctrl\+(?:Enter|Return|F\d{1,2}\b|[A-Z0-9]\b)")


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the focus"
    return widget


def key(
    qtbot: QtBot,
    pressed: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A key pressed on the keyboard: to the widget with the focus, nothing else."""
    QTest.keyClick(focused(), pressed, modifiers)


def type_here(text: str) -> None:
    type_text(focused(), text)


def wait_focus(qtbot: QtBot, widget: QWidget) -> None:
    """``widget`` has the focus in the active window."""

    def has_it() -> bool:
        return QApplication.focusWidget() is widget and widget.window().isActiveWindow()

    qtbot.waitUntil(has_it, timeout=WAIT_MS)


def wait_child(qtbot: QtBot, parent: QWidget, kind: type[W], name: str) -> W:
    qtbot.waitUntil(lambda: parent.findChild(kind, name) is not None, timeout=WAIT_MS)
    child = parent.findChild(kind, name)
    assert child is not None
    qtbot.waitUntil(child.isVisible, timeout=WAIT_MS)
    return child


def open_outbox(qtbot: QtBot, window: MainWindow) -> OutboxView:
    """Ctrl+L from wherever the main window's focus is."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    key(qtbot, Qt.Key.Key_L, CTRL)
    return wait_child(qtbot, window, OutboxView, "outboxView")


def put_waiting_entry(window: MainWindow, client: SyntheticClient) -> DutyEntry:
    """An entry for Kerava straight into the outbox, as the form saves one."""
    sending = window.outbox.sending
    assert sending is not None
    entry = DutyEntry(
        hetu=client.hetu,
        contact_time=dt.datetime.now(HELSINKI),
        contact_channel=ContactChannel.CLIENT,
        task_type=TaskType.ADULT_SOCIAL_WORK,
        narrative="Asiakas soitti kriisissä; ohjattu aamulla sosiaalityöntekijälle.",
        measures="",
        follow_up_needed=True,
        author=WORKER,
    )
    sending.save_entry(
        KERAVA, entry, first_names=client.first_names, last_name=client.last_name, saved_by=SAVED_BY
    )
    return entry


def states(view: OutboxView) -> list[str]:
    table = view.table
    return [cell.text() if (cell := table.item(row, 3)) else "" for row in range(table.rowCount())]


def wait_refused(qtbot: QtBot, view: OutboxView) -> None:
    def refused() -> bool:
        cell = view.table.item(0, 3)
        return view.table.rowCount() == 1 and cell is not None and cell.text() == "vaatii toimia"

    qtbot.waitUntil(refused, timeout=WAIT_MS)


def same_window(widget: QWidget, window: QWidget) -> bool:
    return widget.window() is window and (widget is window or widget.isVisibleTo(window))


def named_shortcuts(window: QWidget) -> set[str]:
    """The shortcuts the window's visible texts name: labels, buttons, tooltips, title."""
    texts = [window.windowTitle()]
    for widget in [window, *window.findChildren(QWidget)]:
        if not same_window(widget, window):
            continue
        texts += [widget.toolTip(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
    return {found.group(0) for text in texts for found in NAMED_SHORTCUT.finditer(text)}


def bound_shortcuts(window: QWidget) -> set[str]:
    """The key sequences that do something while ``window`` is the active window."""
    keys: set[str] = set()
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if shortcut.isEnabled() and isinstance(parent, QWidget) and same_window(parent, window):
            keys.add(shortcut.key().toString())
    for action in [*window.actions(), *window.findChildren(QAction)]:
        if action.isEnabled() and not action.shortcut().isEmpty():
            keys.add(action.shortcut().toString())
    return keys


def edge_colours(widget: QWidget) -> set[str]:
    """The colours in the middle of the widget's four edges, as drawn now."""
    image = widget.grab().toImage()
    width, height = image.width(), image.height()
    points = [(0, height // 2), (width - 1, height // 2), (width // 2, 0), (width // 2, height - 1)]
    return {QColor(image.pixel(x, y)).name() for x, y in points}


def has_ring(widget: QWidget) -> bool:
    return edge_colours(widget) == {QColor(FOCUS_COLOUR).name()}


# -- the correction dialog, by the keyboard alone ---------------------------------------


def test_a_refused_entry_is_corrected_and_resent_with_the_keyboard_alone(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    # Two items: one waiting for Kerava's system to come back, one refused.
    training.set_online(KERAVA, False)
    waiting = put_waiting_entry(window, clients(training, KERAVA)[0])
    rejected = put_rejected_entry(window, clients(training)[0])
    view = open_outbox(qtbot, window)
    wait_focus(qtbot, view.table)
    qtbot.waitUntil(lambda: sorted(states(view)) == ["odottaa", "vaatii toimia"], timeout=WAIT_MS)
    assert view.selected_id() is not None  # a row is chosen from the start

    # Down (and round again) to the refused one.
    for _ in range(view.table.rowCount()):
        if states(view)[view.table.currentRow()] == "vaatii toimia":
            break
        key(qtbot, Qt.Key.Key_Down)
    assert states(view)[view.table.currentRow()] == "vaatii toimia"
    assert view.correct_button.isEnabled()
    assert view.correct_button.isDefault()
    key(qtbot, Qt.Key.Key_Return)  # the row's first action: "Avaa ja korjaa…"
    editor = wait_child(qtbot, view, CorrectionEditor, "correctionEditor")
    wait_focus(qtbot, editor.narrative)

    key(qtbot, Qt.Key.Key_A, CTRL)
    corrected = "Poliisi toi nuoren kotiin klo 3.20; äiti Šárka Đurić otti vastaan."
    type_here(corrected)
    with qtbot.waitSignal(view.item_corrected, timeout=WAIT_MS):
        key(qtbot, Qt.Key.Key_Enter, KEYPAD_CTRL)
    qtbot.waitUntil(lambda: len(inspect(training)[JARVENPAA]) == 1, timeout=WAIT_MS)
    [record] = inspect(training)[JARVENPAA]
    assert record["text"] == corrected
    assert record["idempotency_key"] == str(rejected.idempotency_key)
    # Back in the list, the focus where it was; the waiting item still waits.
    wait_focus(qtbot, view.table)
    qtbot.waitUntil(lambda: states(view) == ["odottaa"], timeout=WAIT_MS)
    assert inspect(training)[KERAVA] == []
    assert waiting.idempotency_key != rejected.idempotency_key


# -- every dialog: the first field, Ctrl+Enter, the shortcuts it names -------------------


@dataclass
class Opened:
    """A dialog just opened: the field the focus belongs in, and how to prove that
    Ctrl+Enter (``modifiers``) saves there."""

    dialog: QDialog
    first: QWidget
    saves: Callable[[QtBot, Qt.KeyboardModifier], None] | None


def _correction(qtbot: QtBot, window: MainWindow, training: TrainingServer, kind: str) -> Opened:
    if kind == "entry":
        put_rejected_entry(window, clients(training)[0])
    else:
        put_refused(window, training, kind)
    view = open_outbox(qtbot, window)
    wait_refused(qtbot, view)
    view.table.selectRow(0)
    QTest.mouseClick(view.correct_button, Qt.MouseButton.LeftButton)
    editor: CorrectionEditor | FieldsCorrectionEditor
    if kind == "entry":
        editor = wait_child(qtbot, view, CorrectionEditor, "correctionEditor")
        first: QWidget = editor.narrative
        problem = "puuttuu kuvaus"
    else:
        editor = wait_child(qtbot, view, FieldsCorrectionEditor, "fieldsCorrectionEditor")
        first = next(iter(editor.editors.values()))
        problem = "on tyhjä"

    def saves(qtbot: QtBot, modifiers: Qt.KeyboardModifier) -> None:
        # The refused text is still blank: the resend is refused, which shows it ran.
        editor.problem.setText("")
        key(qtbot, Qt.Key.Key_Return if modifiers == CTRL else Qt.Key.Key_Enter, modifiers)
        assert problem in editor.problem.text()

    return Opened(editor, first, saves)


def _discard(qtbot: QtBot, window: MainWindow, training: TrainingServer) -> Opened:
    put_rejected_entry(window, clients(training)[0])
    view = open_outbox(qtbot, window)
    wait_refused(qtbot, view)
    view.table.selectRow(0)
    QTest.mouseClick(view.discard_button, Qt.MouseButton.LeftButton)
    dialog = wait_child(qtbot, view, DiscardDialog, "discardDialog")

    def saves(qtbot: QtBot, modifiers: Qt.KeyboardModifier) -> None:
        if modifiers == CTRL:
            key(qtbot, Qt.Key.Key_Return, modifiers)  # no reason yet: nothing happens
            assert dialog.isVisible()
            type_here("Kirjattu uudelleen oikealle asiakkaalle.")
            return
        with qtbot.waitSignal(view.item_discarded, timeout=WAIT_MS):
            key(qtbot, Qt.Key.Key_Enter, modifiers)
        wait_focus(qtbot, view.table)  # back in the list

    return Opened(dialog, dialog.reason, saves)


def _handoff(qtbot: QtBot, window: MainWindow, training: TrainingServer) -> Opened:
    find_client(qtbot, window, clients(training)[0])
    key(qtbot, Qt.Key.Key_H, CTRL)
    dialog = wait_child(qtbot, window, HandoffDialog, "handoffDialog")

    def saves(qtbot: QtBot, modifiers: Qt.KeyboardModifier) -> None:
        # Nothing written yet: the save is refused, which shows it ran.
        enter = Qt.Key.Key_Return if modifiers == CTRL else Qt.Key.Key_Enter
        with qtbot.waitSignal(dialog.save_failed, timeout=WAIT_MS):
            key(qtbot, enter, modifiers)

    return Opened(dialog, dialog.text, saves)


def _notification(qtbot: QtBot, window: MainWindow, training: TrainingServer) -> Opened:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    key(qtbot, Qt.Key.Key_I, CTRL)
    form = wait_child(qtbot, window, NotificationForm, "notificationForm")

    def saves(qtbot: QtBot, modifiers: Qt.KeyboardModifier) -> None:
        enter = Qt.Key.Key_Return if modifiers == CTRL else Qt.Key.Key_Enter
        with qtbot.waitSignal(form.refused, timeout=WAIT_MS) as refused:
            key(qtbot, enter, modifiers)
        assert refused.args == ["child_hetu", refused.args[1]]
        assert focused() is form.fields.child_hetu  # the field at fault

    return Opened(form, form.fields.child_hetu, saves)


def _list(qtbot: QtBot, window: MainWindow, kind: str) -> Opened:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    if kind == "outbox":
        key(qtbot, Qt.Key.Key_L, CTRL)
        view: ItemListDialog = wait_child(qtbot, window, OutboxView, "outboxView")
    else:
        key(qtbot, Qt.Key.Key_J, CTRL)
        view = wait_child(qtbot, window, HandoffList, "handoffList")
    return Opened(view, view.table, None)


DIALOGS: dict[str, Callable[[QtBot, MainWindow, TrainingServer], Opened]] = {
    "entry correction": lambda q, w, t: _correction(q, w, t, "entry"),
    "mail correction": lambda q, w, t: _correction(q, w, t, "mail"),
    "notification correction": lambda q, w, t: _correction(q, w, t, "notification"),
    "discard": _discard,
    "handoff": _handoff,
    "notification": _notification,
    "outbox list": lambda q, w, _t: _list(q, w, "outbox"),
    "open handoffs list": lambda q, w, _t: _list(q, w, "handoffs"),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_each_dialog_opens_in_its_first_field_and_saves_with_ctrl_enter(
    qtbot: QtBot, window: MainWindow, training: TrainingServer, name: str
) -> None:
    opened = DIALOGS[name](qtbot, window, training)
    wait_focus(qtbot, opened.first)
    assert named_shortcuts(opened.dialog) <= bound_shortcuts(opened.dialog)
    if opened.saves is not None:
        assert {"Ctrl+Return", "Ctrl+Enter"} <= bound_shortcuts(opened.dialog)
        opened.saves(qtbot, CTRL)
        opened.saves(qtbot, KEYPAD_CTRL)


# -- the fax window's Ctrl+J ------------------------------------------------------------


def test_ctrl_j_named_in_the_fax_window_opens_the_open_handoffs_there(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    followup = window.findChild(FollowupController, "followup")
    assert followup is not None
    find_client(qtbot, window, clients(training)[0])
    key(qtbot, Qt.Key.Key_H, CTRL)
    dialog = wait_child(qtbot, window, HandoffDialog, "handoffDialog")
    wait_focus(qtbot, dialog.text)
    type_here("Poliisi toi lapsen päivystykseen; Ŋ Ŧ Č ä ö.")
    # The panel is hidden: the dialog does not name Ctrl+J yet, nor take it.
    assert "Ctrl+J" not in bound_shortcuts(dialog)
    with qtbot.waitSignal(followup.handoff_saved, timeout=WAIT_MS) as saved:
        key(qtbot, Qt.Key.Key_Return, CTRL)
    assert saved.args is not None
    item = saved.args[0]
    assert item.kind is ItemKind.FAX
    qtbot.waitUntil(dialog.fax_panel.isVisible, timeout=WAIT_MS)
    wait_focus(qtbot, dialog.fax_panel.print_button)
    assert "Ctrl+J" in named_shortcuts(dialog)
    assert named_shortcuts(dialog) <= bound_shortcuts(dialog)

    key(qtbot, Qt.Key.Key_J, CTRL)
    handoffs = wait_child(qtbot, window, HandoffList, "handoffList")
    qtbot.waitUntil(lambda: handoffs.table.rowCount() == 1, timeout=WAIT_MS)
    cell = handoffs.table.item(0, 0)
    assert cell is not None
    assert cell.text() == item.label
    wait_focus(qtbot, handoffs.table)


# -- the status bar's outbox button -------------------------------------------------------


def test_after_a_save_the_outbox_button_has_no_focus_and_a_space_does_not_open_it(
    qtbot: QtBot, window: MainWindow, training: TrainingServer
) -> None:
    find_client(qtbot, window, clients(training)[0])
    write_entry(qtbot, window, "Poliisi soitti: nuori löytyi, Đorđe Šimić haki.")
    with qtbot.waitSignal(window.desk.entry_delivered, timeout=WAIT_MS):
        save(qtbot, window)
    qtbot.waitUntil(lambda: window.outbox_count.text() == "Lähtevät: 0", timeout=WAIT_MS)
    assert focused() is not window.outbox_count
    key(qtbot, Qt.Key.Key_Space)
    view = window.findChild(OutboxView, "outboxView")
    assert view is None or not view.isVisible()

    # Tab never reaches it either; Ctrl+L is its key.
    reached: list[QWidget] = []
    for _ in range(40):
        key(qtbot, Qt.Key.Key_Tab)
        reached.append(focused())
    assert window.outbox_count not in reached
    assert window.desk.search.field in reached
    assert open_outbox(qtbot, window).isVisible()


# -- visible focus ----------------------------------------------------------------------


def _put_fax(window: MainWindow, training: TrainingServer) -> None:
    sending = window.outbox.sending
    assert sending is not None
    service = HandoffService(sending, window.context.workstation)
    client = clients(training)[0].hetu
    item = service.hand_over(
        JARVENPAA, client, "Faksattava siirto.", "", WORKER, key=uuid.uuid4(), saved_by=SAVED_BY
    )
    assert item.kind is ItemKind.FAX


@pytest.mark.parametrize("kind", ["outbox", "handoffs"])
def test_the_focus_ring_is_not_the_default_buttons_look(
    qtbot: QtBot, window: MainWindow, training: TrainingServer, kind: str
) -> None:
    if kind == "outbox":
        put_rejected_entry(window, clients(training)[0])
    else:
        _put_fax(window, training)
    view = _list(qtbot, window, kind).dialog
    assert isinstance(view, ItemListDialog)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=WAIT_MS)
    wait_focus(qtbot, view.table)
    if isinstance(view, OutboxView):
        first, second = view.correct_button, view.discard_button
    else:
        assert isinstance(view, HandoffList)
        first, second = view.print_button, view.mark_button
    qtbot.waitUntil(lambda: first.isEnabled() and second.isEnabled(), timeout=WAIT_MS)

    # The focus in the table: the table has the ring, the default button has not.
    assert first.isDefault()
    assert has_ring(view.table)
    assert QColor(FOCUS_COLOUR).name() not in edge_colours(first)
    default_look = edge_colours(first)

    key(qtbot, Qt.Key.Key_Tab)
    wait_focus(qtbot, first)
    assert has_ring(first)
    assert edge_colours(first) != default_look
    assert not has_ring(view.table)

    key(qtbot, Qt.Key.Key_Tab)
    wait_focus(qtbot, second)
    assert has_ring(second)
    assert QColor(FOCUS_COLOUR).name() not in edge_colours(first)
