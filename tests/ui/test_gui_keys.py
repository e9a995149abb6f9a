"""Keyboard first: every menu action has a shortcut, shown in its menu and tooltip,
and F1 lists every shortcut of the window, made from the actions themselves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from app.ui.shortcuts import keys_text, menus_of, plain
from tests.gui_helpers import WAIT_MS, press

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

# Menu actions without a shortcut, each with its reason (by object name prefix).
WITHOUT_SHORTCUT = {
    "outage-": "training only: the trainer's per-municipality outage switches, one a "
    "municipality; no worker needs them at 3 a.m., and nine more chords would collide",
    "language_": "the language, chosen once and kept for the next start (Ohje → Kieli, by "
    "its mnemonics): a chord per language would take keys for a choice made once",
}

NATIVE = QKeySequence.SequenceFormat.NativeText


def allowed(action: QAction) -> bool:
    return any(action.objectName().startswith(prefix) for prefix in WITHOUT_SHORTCUT)


def menu_actions(window: MainWindow) -> list[QAction]:
    return [
        action
        for menu in menus_of(window.menuBar())
        for action in menu.actions()
        if not action.isSeparator() and action.menu() is None
    ]


def test_every_menu_action_has_a_shortcut_in_its_menu_and_tooltip(window: MainWindow) -> None:
    actions = menu_actions(window)
    assert len(actions) > 15
    seen: dict[str, str] = {}
    for action in actions:
        keys = keys_text(action.shortcuts())
        if not keys:
            assert allowed(action), f"no shortcut and not allowed: {plain(action.text())}"
            continue
        assert keys in action.toolTip(), (action.text(), action.toolTip())
        assert plain(action.text()).rstrip("…") in action.toolTip() or not action.isEnabled()
        assert keys not in seen, f"{keys} for both {seen[keys]} and {action.text()}"
        seen[keys] = action.text()
    for menu in menus_of(window.menuBar()):
        assert menu.toolTipsVisible(), menu.title()
    assert window.lock.action.toolTip().endswith("(F12)")
    save = next(a for a in actions if plain(a.text()) == "Uusi kirjaus")
    assert save.toolTip() == "Uusi kirjaus (Ctrl+N)"


def test_f1_lists_every_shortcut_of_the_window(qtbot: QtBot, window: MainWindow) -> None:
    press(window, Qt.Key.Key_F1)
    box = window.findChild(QMessageBox, "shortcutsBox")
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=WAIT_MS)
    assert not box.isModal()
    listed = box.text()
    for action in window.findChildren(QAction):
        keys = keys_text(action.shortcuts())
        if keys:
            line = f"  {keys}  {plain(action.text())}"
            assert line in listed.splitlines(), line
    shortcuts = window.findChildren(QShortcut)
    assert shortcuts  # the entry form's Ctrl+Enter at least
    for shortcut in shortcuts:
        assert shortcut.whatsThis(), shortcut.key().toString()
        assert shortcut.key().toString(NATIVE) in listed
        assert shortcut.whatsThis() in listed
    assert "Tallenna kirjaus" in listed
    assert "(ei kuvausta)" not in listed
    for heading in ("Päivystys", "Jatkotoimet", "Kunta", "Yhteys", "Ohje", "Muualla"):
        assert heading in listed.splitlines(), heading
    box.close()
