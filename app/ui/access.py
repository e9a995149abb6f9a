"""The access trail of the window: every use of client data goes to the registrar.

Each client search, card view, entry, notification, print and handoff becomes an
:class:`~app.domain.access.AccessEvent` of the worker signed in to the
municipality's organisation (:meth:`AppContext.author`), saved through the outbox
on its disk thread like any item and delivered by the sender to that
municipality's system. Nothing else keeps it: the workstation has no access log of
its own. An event made before the outbox is open waits in memory until it opens.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QObject, Signal

from app.connectors import errors
from app.domain.access import AccessAction, AccessEvent
from app.domain.clock import Clock
from app.domain.hetu import Hetu
from app.services.context import AppContext
from app.ui.outbox.controller import OutboxController

log = logging.getLogger(__name__)


class AccessTrail(QObject):
    """Makes the access events of one window and saves them through the outbox.

    Signals:
        saved(object): an access event is durably in the outbox (the StoredItem).
    """

    saved = Signal(object)

    def __init__(
        self,
        context: AppContext,
        outbox: OutboxController,
        now: Clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._outbox = outbox
        self._now = now
        # Made before the outbox opened, or whose save failed: saved when it can be.
        self._pending: list[AccessEvent] = []
        outbox.opened.connect(self._save_pending)

    def record(self, code: str, action: AccessAction, hetu: Hetu | None) -> None:
        """The worker did ``action`` with the data of ``hetu`` (None: a person with no
        identity code) in municipality ``code``, now."""
        try:
            author = self._context.author(code)
        except errors.SignInRequired:
            # No one signed in there: the system showed nothing, so there is no access.
            log.warning("access event without a sign-in not recorded: %s", action.value)
            return
        event = AccessEvent(
            author=author,
            occurred_at=self._now(),
            municipality=code,
            hetu=hetu,
            action=action,
            purpose=self._context.policy.duty_unit.access_purpose,
        )
        self._pending.append(event)
        self._save_pending()

    def _save_pending(self) -> None:
        if not self._outbox.available:
            return
        pending, self._pending = self._pending, []
        for event in pending:
            self._outbox.save_access(event, self.saved.emit, partial(self._failed, event))

    def _failed(self, event: AccessEvent, error: Exception) -> None:
        # Kept for the next save: an access must reach the registrar, however late.
        log.warning("access event not saved yet: %s", type(error).__name__)
        self._pending.append(event)
