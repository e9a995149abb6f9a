"""Open forms' text kept as encrypted drafts in the outbox, and drafts offered back.

A form reports each edit; the keeper writes the form's content at most
``DRAFT_DELAY_MS`` after the first unsaved edit (a throttle, not a debounce, so
steady typing is kept too). The write goes through the outbox controller's
serial disk pool, ahead of any later save of the same form, whose commit deletes
the draft in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.author import Author
from app.domain.clock import Clock
from app.domain.policy import Policy
from app.services.outbox.drafts import (
    ENTRY_FORM,
    HANDOFF_FORM,
    DraftContent,
    UnreadableDraft,
    draft_from_payload,
    draft_to_payload,
)
from app.services.outbox.items import Draft
from app.ui.focus import activate, add_save_shortcuts, show_focus
from app.ui.outbox.controller import OutboxController

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 500


class DraftKeeper(QObject):
    """Writes drafts for open forms; one keeper for the window.

    Signals:
        draft_kept(object): a form's draft is durably in the outbox (its key).
        draft_failed(str): a draft could not be written; what to tell the worker.
    """

    draft_kept = Signal(object)
    draft_failed = Signal(str)

    def __init__(
        self,
        outbox: OutboxController,
        now: Clock,
        parent: QObject | None = None,
        *,
        author: Callable[[str], Author] | None = None,
    ) -> None:
        """``author(code)``: who is typing a form for municipality ``code`` now
        (``AppContext.author``), kept with its draft; None: drafts record no author."""
        super().__init__(parent)
        self._outbox = outbox
        self._now = now
        self._author = author
        self._pending: dict[uuid.UUID, Callable[[], DraftContent | None]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._told_failure = False

    def changed(self, key: uuid.UUID, content: Callable[[], DraftContent | None]) -> None:
        """The form under ``key`` changed; ``content`` reads it when the draft is written
        (None: nothing worth keeping)."""
        self._pending[key] = content
        if not self._timer.isActive():
            self._timer.start()

    def pending(self, key: uuid.UUID) -> bool:
        return key in self._pending

    def flush(self) -> None:
        """Write every pending draft now (queued on the disk pool, in order)."""
        self._timer.stop()
        pending, self._pending = self._pending, {}
        for key, read in pending.items():
            content = read()
            if content is None:
                continue
            draft = Draft(
                key=key,
                form=content.form,
                municipality=content.municipality,
                client=content.client,
                payload=draft_to_payload(content),
                updated=self._now(),
                author=self._author_of(content.municipality),
            )
            self._outbox.save_draft(draft, self._kept, self._failed)

    def _author_of(self, code: str) -> Author | None:
        if self._author is None:
            return None
        try:
            return self._author(code)
        except KeyError:  # a municipality no longer in the policy: kept, author not known
            return None

    def cancel(self, key: uuid.UUID) -> None:
        """Stop a pending write (the form is being saved: its commit removes the draft)."""
        self._pending.pop(key, None)

    def discard(self, key: uuid.UUID) -> None:
        """The worker discarded the form: no draft may stay."""
        self._pending.pop(key, None)
        self._outbox.delete_draft(key, lambda _deleted: None, self._failed)

    def _kept(self, key: uuid.UUID) -> None:
        self._told_failure = False
        self.draft_kept.emit(key)

    def _failed(self, error: Exception) -> None:
        # Once per run of failures: a closed outbox fails every write while the worker types.
        if not self._told_failure:
            log.warning("draft not written: %s", type(error).__name__)
            self._told_failure = True
            self.draft_failed.emit(
                self.tr(
                    "Luonnosta ei voitu tallentaa salattuihin lähteviin. Teksti on yhä "
                    "lomakkeella: tallenna se, kun voit."
                )
            )


def readable(drafts: list[Draft]) -> list[tuple[Draft, DraftContent]]:
    """The drafts this app can read back; an unreadable one is logged (no data) and left."""
    result = []
    for draft in drafts:
        try:
            result.append((draft, draft_from_payload(draft.payload)))
        except UnreadableDraft as error:
            log.warning("a draft could not be read: %s", error)
    return result


class DraftsDialog(QDialog):
    """Drafts left from an earlier session, offered back at start.

    Enter continues the chosen draft on its client (the window selects the
    municipality and searches the client); Esc leaves them for later.

    Signals:
        continue_requested(object): the worker chose a draft (its key).
    """

    continue_requested = Signal(object)

    def __init__(
        self,
        drafts: list[tuple[Draft, DraftContent]],
        policy: Policy,
        describe_time: Callable[[dt.datetime], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("draftsDialog")
        self.setWindowTitle(self.tr("Tallentamattomat luonnokset"))
        intro = QLabel(
            self.tr(
                "Edellisellä kerralla jäi kesken kirjoitettua tekstiä. Valitse luonnos ja "
                "paina Enter: asiakas haetaan ja teksti palaa lomakkeelle. Esc jättää "
                "luonnokset myöhemmäksi."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("draftsList")
        self.list.setAccessibleName(self.tr("Luonnokset"))
        names = {m.code: m.name_fi for m in policy.municipalities}
        forms = {
            ENTRY_FORM: self.tr("Kirjaus"),
            HANDOFF_FORM: self.tr("Siirto virka-aikaiselle"),
        }
        for draft, content in drafts:
            who = content.client_name or (content.person.full_name if content.person else "")
            code = content.hetu.value if content.hetu is not None else self.tr("ei tunnusta")
            text = self.tr("{form}: {who} {code} – {municipality}, {when}").format(
                form=forms.get(content.form, self.tr("Lastensuojeluilmoitus")),
                who=who,
                code=code,
                municipality=names.get(content.municipality, content.municipality),
                when=describe_time(draft.updated),
            )
            item = QListWidgetItem(" ".join(text.split()), self.list)
            item.setData(Qt.ItemDataRole.UserRole, draft.key)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(self)
        self.continue_button = buttons.addButton(
            self.tr("&Jatka luonnosta"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.continue_button.setObjectName("continueDraftButton")
        later = buttons.addButton(self.tr("&Myöhemmin"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setObjectName("laterButton")
        buttons.accepted.connect(self._continue)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._continue())
        add_save_shortcuts(self, self._continue)
        show_focus(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 320)
        self.list.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        activate(self)

    def _continue(self) -> None:
        if self.list.currentRow() < 0:
            return
        key = self.list.currentItem().data(Qt.ItemDataRole.UserRole)
        # Closed first: the window the draft continues in gets the focus back.
        self.accept()
        self.continue_requested.emit(key)
