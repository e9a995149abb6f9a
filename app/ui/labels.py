"""Labels that show text as text: a name, a reason from a system, never read as markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(parent: QWidget, name: str, text: str = "") -> QLabel:
    """Plain text, wrapped: a system's refusal reason must never be read as markup."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def data_label(parent: QWidget, name: str, accessible: str) -> QLabel:
    """A client's or a recipient's data: plain text the worker can select and copy."""
    label = plain_label(parent, name)
    label.setAccessibleName(accessible)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
