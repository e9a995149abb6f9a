"""The non-modal message area: outcomes and failures, never a dialog.

A night worker on the phone must not have to dismiss dialogs; the latest
outcome stays visible until the next one replaces it.
"""

from __future__ import annotations

import logging
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

log = logging.getLogger(__name__)


class Level(Enum):
    INFO = "info"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


_STYLES = {
    Level.INFO: "background: #eef3f8; color: #1b2b3a; border: 1px solid #9db4cc;",
    Level.SUCCESS: "background: #e5f4e6; color: #123d16; border: 2px solid #2e7d32;",
    Level.WARNING: "background: #fff4d6; color: #4a3500; border: 2px solid #b07d00;",
    Level.ERROR: "background: #fde8e8; color: #5c0b0b; border: 2px solid #b3261e;",
}
_PREFIXES = {Level.INFO: "", Level.SUCCESS: "✔ ", Level.WARNING: "⚠ ", Level.ERROR: "✖ "}


class StatusArea(QLabel):
    """Shows the latest outcome with its level.

    Signals:
        message_shown(str, str): a message was shown (level value, text).
    """

    message_shown = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusMessage")
        self.setAccessibleName(self.tr("Viestit"))
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMargin(6)
        self.level: Level | None = None
        self.clear_message()

    def show_message(self, level: Level, text: str) -> None:
        self.level = level
        self.setText(_PREFIXES[level] + text)
        self.setStyleSheet(_STYLES[level])
        self.setAccessibleDescription(text)
        self.setVisible(True)
        # Only the level is logged: the text names municipalities and may
        # quote a system's reason, which is not for the log.
        log.info("message shown: %s", level.value)
        self.message_shown.emit(level.value, text)

    def clear_message(self) -> None:
        self.level = None
        self.setText("")
        self.setAccessibleDescription("")
        self.setStyleSheet("")
        self.setVisible(False)

    def info(self, text: str) -> None:
        self.show_message(Level.INFO, text)

    def success(self, text: str) -> None:
        self.show_message(Level.SUCCESS, text)

    def warning(self, text: str) -> None:
        self.show_message(Level.WARNING, text)

    def error(self, text: str) -> None:
        self.show_message(Level.ERROR, text)
