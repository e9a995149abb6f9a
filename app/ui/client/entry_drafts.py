"""The entry form's drafts: kept while the worker types, offered back on their client.

The desk owns one :class:`EntryDrafts`. It knows the drafts the outbox holds (read
once it opens, then kept up to date as this window writes and removes them), so a
search of a client with a draft can offer it at once, without asking the disk.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal

from app.domain.hetu import Hetu
from app.services.outbox.drafts import ENTRY_FORM, DraftContent
from app.services.outbox.items import Draft
from app.ui.client.entry_form import EntryForm
from app.ui.outbox.controller import OutboxController
from app.ui.outbox.drafts import DraftKeeper, readable


class EntryDrafts(QObject):
    """Keeps the open entry form's draft and the known drafts of every form.

    Signals:
        loaded(): the outbox's drafts were read (at start).
    """

    loaded = Signal()

    def __init__(
        self,
        form: EntryForm,
        keeper: DraftKeeper,
        outbox: OutboxController,
        parent: QObject,
        *,
        shows: Callable[[Draft], bool] | None = None,
    ) -> None:
        """``shows``: whether a draft is offered back (default: every one), e.g. not
        another worker's; :meth:`load` again when its answer changes (a sign-in)."""
        super().__init__(parent)
        self._form = form
        self._keeper = keeper
        self._outbox = outbox
        self.shows = shows
        self.known: dict[uuid.UUID, tuple[Draft, DraftContent]] = {}
        form.text_edited.connect(self._edited)
        outbox.opened.connect(self.load)

    def load(self, offer: bool = True) -> None:
        """Read the outbox's drafts; ``offer``: announce them (:attr:`loaded`)."""
        self._outbox.list_drafts(partial(self._loaded, offer), lambda _error: None)

    def _loaded(self, offer: bool, drafts: list[Draft]) -> None:
        if self.shows is not None:
            drafts = [draft for draft in drafts if self.shows(draft)]
        self.known = {draft.key: (draft, content) for draft, content in readable(drafts)}
        if offer:
            self.loaded.emit()

    def forget_all(self) -> None:
        """The window locked: the drafts' text leaves memory (it stays in the outbox)."""
        self.known = {}

    def _edited(self) -> None:
        key = self._form.key
        if key is not None and self._form.has_unsaved_text():
            self._keeper.changed(key, self._content)

    def _content(self) -> DraftContent | None:
        form = self._form
        subject = form.subject
        if subject is None or not form.has_unsaved_text() or form.key is None:
            return None
        content = DraftContent(
            form=ENTRY_FORM,
            municipality=subject.municipality.code,
            hetu=subject.hetu,
            fields=form.draft_fields(),
            client_name=subject.client_name,
            client_system_id=subject.client_system_id,
            person=subject.person,
        )
        self.remember(form.key, content)
        return content

    def remember(self, key: uuid.UUID, content: DraftContent) -> None:
        """A form's draft is being written with ``content`` (any form's)."""
        known = self.known.get(key)
        if known is not None:
            self.known[key] = (known[0], content)
        else:
            draft = Draft(
                key,
                content.form,
                content.municipality,
                content.client,
                b"",
                dt.datetime.now(dt.UTC),
            )
            self.known[key] = (draft, content)

    def keep_now(self) -> None:
        """Write the open form's draft now (the worker chose to keep it as a draft)."""
        key = self._form.key
        if key is not None and self._form.has_unsaved_text():
            self._keeper.changed(key, self._content)
            self._keeper.flush()

    def saving(self) -> None:
        """The open form is being saved: its commit removes the draft; no later write."""
        key = self._form.key
        if key is not None:
            self._keeper.cancel(key)

    def save_failed(self) -> None:
        """The save did not land: the draft must keep up with the text again."""
        self._edited()

    def saved(self, key: uuid.UUID) -> None:
        self._keeper.cancel(key)
        self.known.pop(key, None)

    def discard(self) -> None:
        """The worker discarded the open form: its draft goes too."""
        key = self._form.key
        if key is not None:
            self._keeper.discard(key)
            self.known.pop(key, None)

    def forget(self, key: uuid.UUID) -> None:
        """A form's draft is gone (saved with its item, or discarded)."""
        self.known.pop(key, None)

    def for_client(
        self, municipality: str, hetu: Hetu | None
    ) -> tuple[uuid.UUID, DraftContent] | None:
        """The newest entry draft about ``hetu`` in ``municipality``, if one is kept."""
        code = hetu.value if hetu is not None else None
        found = [
            (draft.updated, key, content)
            for key, (draft, content) in self.known.items()
            if content.form == ENTRY_FORM
            and content.municipality == municipality
            and (content.hetu.value if content.hetu is not None else None) == code
        ]
        if not found or code is None:
            return None
        _updated, key, content = max(found, key=lambda found_draft: found_draft[0])
        return key, content

    def content(self, key: uuid.UUID) -> DraftContent | None:
        known = self.known.get(key)
        return known[1] if known is not None else None
