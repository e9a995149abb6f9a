"""Accessible to everyone: every input has a name a screen reader reads, and status
changes are announced, not only coloured."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.training.server import TrainingServer
from app.ui.announce import announce
from app.ui.main_window import MainWindow
from tests.gui_helpers import (
    WAIT_MS,
    clients,
    find_client,
    open_handoff,
    open_notification,
    write_entry,
)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

INPUTS = (
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QCheckBox,
    QPushButton,
    QAbstractSpinBox,
)


def unnamed(root: QWidget) -> list[str]:
    """The inputs under ``root`` with neither an accessible name nor a buddy label."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for kind in INPUTS:
        for widget in root.findChildren(kind):
            if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # a combo's or a time field's own line edit: its owner is named
            if widget.accessibleName().strip() or id(widget) in buddies:
                continue
            text = widget.text() if isinstance(widget, (QPushButton, QCheckBox)) else ""
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} {text!r}")
    return missing


def test_every_input_of_the_window_and_its_forms_is_named(
    qtbot: QtBot, window: MainWindow, training: TrainingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    find_client(qtbot, window, clients(training)[0])
    notification = open_notification(qtbot, window)
    missing = unnamed(notification)
    monkeypatch.setattr(notification, "_confirm_discard", lambda *_args: True)
    notification.close()
    handoff = open_handoff(qtbot, window)
    missing += unnamed(handoff)
    monkeypatch.setattr(handoff, "_confirm_discard", lambda *_args: True)
    handoff.close()
    write_entry(qtbot, window, "Kuvaus.")
    missing += unnamed(window)
    assert sorted(set(missing)) == [], "\n".join(missing)


def test_the_outbox_view_s_inputs_are_named(qtbot: QtBot, window: MainWindow) -> None:
    view = window.show_outbox()
    qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    assert unnamed(view) == []


def test_status_changes_are_announced_from_the_status_bar(qtbot: QtBot, window: MainWindow) -> None:
    """With assistive technology listening, an announcement is posted (Qt 6.8+'s
    QAccessibleAnnouncementEvent) from the status bar, and the status widgets
    describe their state in words."""
    heard: list[str] = []
    window.status_watch.announce.connect(heard.append)
    was_active = QAccessible.isActive()
    QAccessible.setActive(True)
    try:
        window.status_watch.announce.emit("VPN: ei yhteyttä (1 kunta)")
        announce(window.statusBar(), "Lähtevät: 1", urgent=True)
    finally:
        QAccessible.setActive(was_active)
    assert heard == ["VPN: ei yhteyttä (1 kunta)"]
    qtbot.waitUntil(
        lambda: window.outbox_count.accessibleDescription() == "Lähtevät: 0", timeout=WAIT_MS
    )
    assert window.connectivity_summary.accessibleName() == "Yhteyden tila"
    assert window.outbox_count.accessibleName() == "Lähtevät kirjaukset"
    assert window.duty.label.accessibleDescription().startswith("Päivystys ")
