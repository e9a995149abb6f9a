"""What a handoff window and a notification form share: one item saved in the
background under one idempotency key, never closed on unsaved text without asking.
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from app.services.context import AppContext
from app.services.outbox import StoredItem
from app.ui.fax_panel import FaxPanel
from app.ui.focus import show_focus
from app.ui.outbox_controller import OutboxController
from app.ui.tasks import Generation, TaskRunner


class FollowUpWindow(QDialog):
    """Non-modal. A subclass builds ``problem`` and ``fax_panel``, puts the focus in its
    first field, saves with Ctrl+Enter (:mod:`app.ui.focus`) and tells what unsaved
    text is, what to say while saving and what to ask before discarding."""

    problem: QLabel
    fax_panel: FaxPanel

    def __init__(
        self,
        name: str,
        context: AppContext,
        runner: TaskRunner,
        outbox: OutboxController,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setModal(False)
        show_focus(self)
        self._context = context
        self._runner = runner
        self._outbox = outbox
        self._key = uuid.uuid4()  # once per window: a second save finds the first
        self._saving = False
        self._disposed = False
        self.item: StoredItem | None = None

    @property
    def key(self) -> uuid.UUID:
        """The idempotency key of whatever this window saves."""
        return self._key

    def has_unsaved_text(self) -> bool:
        return self._has_unsaved_text()

    @property
    def saving(self) -> bool:
        return self._saving

    def save_now(self) -> None:
        """Save as if the worker pressed the window's save button."""
        raise NotImplementedError

    def busy(self) -> bool:
        """Saving, unsaved text, or a fax saved here and not yet marked sent."""
        return self._saving or self._has_unsaved_text() or self.fax_panel.pending

    def _tell(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)

    def reject(self) -> None:
        """Peruuta, Esc or the title bar: never loses text without asking."""
        if not self._disposed:
            saving_text, title, question = self._closing_texts()
            if self._saving:
                self._tell(saving_text)
                return
            if self._has_unsaved_text() and not self._confirm_discard(title, question):
                return
        super().reject()

    def _confirm_discard(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def dispose(self) -> None:
        """Close without asking and drop answers still on their way."""
        self._disposed = True
        for generation in self._generations():
            generation.advance()
        self.close()

    def _has_unsaved_text(self) -> bool:
        raise NotImplementedError

    def _closing_texts(self) -> tuple[str, str, str]:
        """While saving; the discard question's title and text."""
        raise NotImplementedError

    def _generations(self) -> list[Generation]:
        """The answers on their way that a disposed window drops."""
        raise NotImplementedError
