"""The keyboard shortcuts: shown in the menus' tooltips, and listed by the help box (F1).

The list is made from the window's actions and shortcut objects as they are when F1
is pressed, so it cannot fall behind them: every menu's actions under the menu's
title, then the actions outside the menus and the shortcut objects (a
:class:`QShortcut` says what it does in its ``whatsThis``), then the few keys that
fields handle themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QMessageBox, QWidget

_NATIVE = QKeySequence.SequenceFormat.NativeText


def field_keys() -> list[tuple[str, str]]:
    """Keys that fields handle themselves, not through an action or a shortcut object."""

    def keys(*names: str) -> str:  # in Qt's words, as the menus show keys
        return keys_text([QKeySequence(name) for name in names])

    return [
        (
            keys("Return"),
            QCoreApplication.translate("Shortcuts", "hae asiakas (henkilötunnuskentässä)"),
        ),
        (
            keys("Return"),
            QCoreApplication.translate(
                "Shortcuts", "kuittaa virheet ja varoitukset (viestiluettelossa)"
            ),
        ),
        (keys("Esc"), QCoreApplication.translate("Shortcuts", "sulje ikkuna tai kysymys")),
        (
            keys("Tab", "Shift+Tab"),
            QCoreApplication.translate("Shortcuts", "seuraava, edellinen kenttä"),
        ),
    ]


def plain(text: str) -> str:
    """An action's text without its mnemonic: ``&Hae asiakas`` → ``Hae asiakas``."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys_text(sequences: list[QKeySequence]) -> str:
    return ", ".join(seq.toString(_NATIVE) for seq in sequences if not seq.isEmpty())


def menus_of(bar: QMenuBar) -> list[QMenu]:
    """The menu bar's menus and their submenus, in the bar's order."""
    found: list[QMenu] = []

    def walk(menu: QMenu) -> None:
        found.append(menu)
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub)

    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            walk(menu)
    return found


def show_keys_in_tooltips(bar: QMenuBar) -> None:
    """Every menu action with a shortcut says it in its tooltip: ``Tallenna (Ctrl+S)``;
    the menus show their tooltips. The menu shows the shortcut itself beside the text."""
    for menu in menus_of(bar):
        menu.setToolTipsVisible(True)
        for action in menu.actions():
            keys = keys_text(action.shortcuts())
            if not keys or action.menu() is not None:
                continue
            tip = action.toolTip() or plain(action.text())
            if keys not in tip:
                action.setToolTip(
                    QCoreApplication.translate("Shortcuts", "{what} ({keys})").format(
                        what=tip, keys=keys
                    )
                )


def shortcut_sections(window: QWidget) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(keys, what)]) for every action and shortcut object of ``window``."""
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    listed: set[int] = set()
    bar = window.menuBar() if isinstance(window, QMainWindow) else None
    if bar is not None:
        for menu in menus_of(bar):
            rows = []
            for action in menu.actions():
                keys = keys_text(action.shortcuts())
                if keys and id(action) not in listed:
                    listed.add(id(action))
                    rows.append((keys, plain(action.text())))
            if rows:
                sections.append((plain(menu.title()), rows))
    others: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        keys = keys_text(action.shortcuts())
        if keys and id(action) not in listed:
            listed.add(id(action))
            others.setdefault(plain(action.text()), []).append(keys)
    for shortcut in window.findChildren(QShortcut):
        keys = keys_text([shortcut.key()])
        what = shortcut.whatsThis() or QCoreApplication.translate("Shortcuts", "(ei kuvausta)")
        if keys and keys not in others.get(what, []):
            others.setdefault(what, []).append(keys)
    rows = [(", ".join(keys), what) for what, keys in others.items()]
    rows += field_keys()
    sections.append((QCoreApplication.translate("Shortcuts", "Muualla"), rows))
    return sections


def shortcuts_text(window: QWidget) -> str:
    lines: list[str] = []
    for heading, rows in shortcut_sections(window):
        if lines:
            lines.append("")
        lines.append(heading)
        lines.extend(f"  {keys}  {what}" for keys, what in rows)
    return "\n".join(lines)


def show_shortcuts(parent: QWidget) -> QMessageBox:
    """A non-modal box: the worker may keep it open beside the window."""
    box = QMessageBox(parent)
    box.setObjectName("shortcutsBox")
    box.setWindowTitle(QCoreApplication.translate("Shortcuts", "Pikanäppäimet"))
    box.setAccessibleName(QCoreApplication.translate("Shortcuts", "Pikanäppäimet"))
    box.setText(shortcuts_text(parent))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setModal(False)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box
