"""What a handoff window and a notification form share: one item saved in the
background under one idempotency key, never closed on unsaved text without asking,
its text kept meanwhile as an encrypted draft under the same key.

The draft follows the entry form's (:mod:`app.ui.client.entry_drafts`): every edit hands the
window's reader to the window's one :class:`DraftKeeper`; a save stops pending writes
and its commit deletes the draft (``draft_key``); a discard deletes it; text emptied
by the worker leaves no draft behind.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from app.services.context import AppContext
from app.services.outbox.drafts import DraftContent
from app.services.outbox.store import StoredItem
from app.ui.focus import show_focus
from app.ui.followup.fax_panel import FaxPanel
from app.ui.outbox.controller import OutboxController
from app.ui.outbox.drafts import DraftKeeper
from app.ui.tasks import Generation, TaskRunner


class FollowUpWindow(QDialog):
    """Non-modal. A subclass builds ``problem`` and ``fax_panel``, puts the focus in its
    first field, saves with Ctrl+Enter (:mod:`app.ui.focus`) and tells what unsaved
    text is, what to say while saving and what to ask before discarding. It calls
    :meth:`_edited` on every edit, :meth:`_save_started`, :meth:`_save_ended` and
    :meth:`_saved_away` around a save, and says what its draft holds
    (:meth:`_draft_content`) and how a draft's fields come back (:meth:`_restore`).

    ``key`` continues a draft kept under it: the window's item gets the same key.

    Signals:
        draft_read(object, object): the window's text was read to be kept as a draft
            (key, :class:`DraftContent`).
        draft_dropped(object): the window's draft is gone: saved with its item or
            discarded (key).
    """

    draft_read = Signal(object, object)
    draft_dropped = Signal(object)

    problem: QLabel
    fax_panel: FaxPanel

    def __init__(
        self,
        name: str,
        context: AppContext,
        runner: TaskRunner,
        outbox: OutboxController,
        parent: QWidget | None,
        drafts: DraftKeeper,
        key: uuid.UUID | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setModal(False)
        show_focus(self)
        self._context = context
        self._runner = runner
        self._outbox = outbox
        self._drafts = drafts
        # Once per window: a second save finds the first; a continued draft keeps its key.
        self._key = key or uuid.uuid4()
        # A continued draft is on disk from the start.
        self._draft_may_exist = key is not None
        self._restoring = False
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
            if self._has_unsaved_text():
                if not self._confirm_discard(title, question):
                    return
                self.discard_draft()
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

    # -- the draft ----------------------------------------------------------------------

    def restore_fields(self, fields: dict[str, Any]) -> None:
        """Put a draft's fields back; values this window does not know keep its defaults."""
        # Field by field the window is empty for a moment: not an edit that empties it,
        # which would delete the draft on disk before the whole text is back.
        self._restoring = True
        try:
            self._restore(fields)
        finally:
            self._restoring = False
        self._edited()

    def keep_draft_now(self) -> None:
        """Write the draft now (the worker chose to keep it as a draft)."""
        if self._has_unsaved_text():
            self._drafts.changed(self._key, self._read_draft)
            self._draft_may_exist = True
            self._drafts.flush()

    def discard_draft(self) -> None:
        """The worker discarded the window's text: no draft of it may stay."""
        self._drafts.discard(self._key)
        self._draft_may_exist = False
        self.draft_dropped.emit(self._key)

    def _edited(self) -> None:
        if self._disposed or self._saving or self._restoring or self.item is not None:
            return
        if self._has_unsaved_text():
            self._drafts.changed(self._key, self._read_draft)
            self._draft_may_exist = True
        elif self._draft_may_exist:
            # Emptied by the worker: the window closes without asking, so no old text
            # may come back at the next start.
            self.discard_draft()

    def _read_draft(self) -> DraftContent | None:
        if self._disposed or self._saving or self.item is not None:
            return None
        if not self._has_unsaved_text():
            return None
        content = self._draft_content()
        self.draft_read.emit(self._key, content)
        return content

    def _save_started(self) -> None:
        """The save's commit deletes the draft: no write of it may come after."""
        self._drafts.cancel(self._key)

    def _save_ended(self) -> None:
        """The save did not land: the draft keeps up with the text again."""
        self._edited()

    def _saved_away(self) -> None:
        """The item is in the outbox; its commit deleted the draft."""
        self._drafts.cancel(self._key)
        self._draft_may_exist = False
        self.draft_dropped.emit(self._key)

    def _draft_content(self) -> DraftContent:
        raise NotImplementedError

    def _restore(self, fields: dict[str, Any]) -> None:
        raise NotImplementedError

    def _has_unsaved_text(self) -> bool:
        raise NotImplementedError

    def _closing_texts(self) -> tuple[str, str, str]:
        """While saving; the discard question's title and text."""
        raise NotImplementedError

    def _generations(self) -> list[Generation]:
        """The answers on their way that a disposed window drops."""
        raise NotImplementedError
