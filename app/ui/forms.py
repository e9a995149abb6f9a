"""What every form shares: a field the worker must fix, and the line that says why.

Used by the handoff dialog, the notification form and its fields, and the outbox's
correction dialogs. The ``invalid`` property lets tests and styles see a marked field;
the problem also becomes the field's accessible description, for a screen reader.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.ui.labels import plain_label

INVALID_STYLE = "border: 2px solid #b3261e; background: #fde8e8;"
PROBLEM_STYLE = "color: #5c0b0b; background: #fde8e8; border: 1px solid #b3261e; padding: 4px;"


def mark_invalid(widget: QWidget, problem: str) -> None:
    """Highlight a field the worker must fix, and put the focus in it."""
    widget.setProperty("invalid", True)
    widget.setStyleSheet(INVALID_STYLE)
    widget.setAccessibleDescription(problem)
    widget.setFocus()


def clear_invalid(widget: QWidget) -> None:
    """The worker changed the field: no longer highlighted."""
    if widget.property("invalid"):
        widget.setProperty("invalid", False)
        widget.setStyleSheet("")
        widget.setAccessibleDescription("")


def problem_label(parent: QWidget, name: str) -> QLabel:
    """The form's problem line: plain text, hidden until there is a problem."""
    label = plain_label(parent, name)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setVisible(False)
    return label
