"""Focus the worker can follow with the keyboard alone.

Three rules every window of the app keeps:

* the focus is always visible: :data:`FOCUS_STYLE` draws a 2 px ring in
  :data:`FOCUS_COLOUR` round a focused button, check box and table, and a default
  button that has no focus is told apart by its dark frame and grey face alone — in
  Qt's own styles the two looks are nearly the same, and a worker who takes the
  default button's frame for the focus presses Space on the wrong button;
* a dialog opens with the focus in its first field (:func:`focus_first`);
* a dialog saves or sends with Ctrl+Enter, either Return key (:func:`add_save_shortcuts`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

FOCUS_COLOUR = "#0b57d0"

# Every state of a button is given, so that the ring's 2 px do not change the
# button's size: the padding shrinks by what the frame grows. The font stays the
# same in every state: a bold default would not fit the size the button was given.
# A table's chosen row is dark while the table has the focus, pale when it has not.
FOCUS_STYLE = f"""
QPushButton {{
    border: 1px solid #8a8a8a; border-radius: 3px; padding: 4px 12px;
    background: #f6f6f6; color: #1f1f1f;
}}
QPushButton:default {{ border-color: #1f1f1f; background: #e6e6e6; }}
QPushButton:focus {{
    border: 2px solid {FOCUS_COLOUR}; padding: 3px 11px; background: #dce8fc; outline: none;
}}
QPushButton:pressed {{ background: #c3d6f7; }}
QPushButton:disabled {{ color: #767676; border-color: #c8c8c8; background: #ececec; }}
QToolButton:focus {{ border: 2px solid {FOCUS_COLOUR}; border-radius: 3px; background: #dce8fc; }}
QCheckBox {{ border: 2px solid transparent; border-radius: 3px; padding: 1px; }}
QCheckBox:focus {{ border-color: {FOCUS_COLOUR}; outline: none; }}
QTableView {{ border: 2px solid #c8c8c8; }}
QTableView:focus {{ border-color: {FOCUS_COLOUR}; }}
QTableView::item:selected:active {{ background: {FOCUS_COLOUR}; color: #ffffff; }}
QTableView::item:selected:!active {{ background: #c3d6f7; color: #1f1f1f; }}
"""

_SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def show_focus(window: QWidget) -> None:
    """Give ``window`` and everything in it (its message boxes too) the visible focus."""
    window.setStyleSheet(FOCUS_STYLE)


def add_save_shortcuts(
    window: QWidget, slot: Callable[[], object], what: str | None = None
) -> list[QShortcut]:
    """Ctrl+Enter in ``window`` calls ``slot``; both Return keys (Enter is the keypad's).
    ``what`` it does, for the shortcut list (F1)."""
    shortcuts = []
    for keys in _SAVE_KEYS:
        shortcut = QShortcut(QKeySequence(keys), window)
        shortcut.setWhatsThis(
            what or QCoreApplication.translate("Focus", "tallenna tai lähetä (lomakkeessa)")
        )
        shortcut.activated.connect(slot)
        shortcuts.append(shortcut)
    return shortcuts


def focus_first(field: QWidget) -> None:
    """The field the window opens in; a text's cursor at its end, ready to go on typing.

    Called before the window shows: Qt remembers it as the window's focus widget
    and gives it the focus as the window becomes active.
    """
    if isinstance(field, QPlainTextEdit):
        field.moveCursor(QTextCursor.MoveOperation.End)
    field.setFocus()


def activate(window: QWidget) -> None:
    """Activate a window as it shows (a new window is on top already): a question or a
    dialog the worker must answer gets the keyboard even where no window manager hands
    it over."""
    window.activateWindow()
