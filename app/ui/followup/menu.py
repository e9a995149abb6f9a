"""The "Jatkotoimet" menu: hand a case over, receive a child welfare notification,
see what is still open.

:func:`install_followup` is the one call the main window makes. It reaches what it
needs through the window: ``desk`` (the selected municipality and the client on the
card), ``outbox`` (the OutboxController), ``runner``, ``status`` and the window's
AppContext. Everything that touches the outbox runs on the runner's serial disk pool;
the channel and the population register are asked on the network pool.

Both windows keep their text as drafts through the window's one DraftKeeper
(``FollowupParts.drafts``); the drafts the window knows (``desk.drafts``) follow them,
and :meth:`FollowupController.continue_draft` opens a kept one again.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from app.domain.access import AccessAction
from app.domain.clock import Clock, utc_now
from app.domain.kinds import ItemKind
from app.domain.model import ClientSummary
from app.services.context import AppContext
from app.services.outbox.codec import client_hetu
from app.services.outbox.delivery import DeliveryEvent, Outcome
from app.services.outbox.drafts import HANDOFF_FORM, NOTIFICATION_FORM, DraftContent
from app.services.outbox.store import StoredItem
from app.ui import messages
from app.ui.client.desk import DutyDesk
from app.ui.followup import messages as followup_messages
from app.ui.followup.fax_actions import FaxActions
from app.ui.followup.handoff_dialog import HandoffDialog, HandoffSubject
from app.ui.followup.handoff_list import HandoffList
from app.ui.followup.notification_form import NotificationForm, NotificationPrefill
from app.ui.followup.window import FollowUpWindow
from app.ui.message_bar import MessageBridge
from app.ui.outbox import messages as outbox_messages
from app.ui.outbox.controller import OutboxController
from app.ui.outbox.drafts import DraftKeeper
from app.ui.tasks import TaskRunner
from app.ui.unsaved import Choice

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


@dataclass(frozen=True)
class FollowupParts:
    """What the follow-up workflows use of the window."""

    context: AppContext
    runner: TaskRunner
    status: MessageBridge
    outbox: OutboxController
    desk: DutyDesk
    now: Clock
    drafts: DraftKeeper
    # Whether the open handoffs list shows an item (None: every one), e.g. not another
    # worker's items once the window's sign-ins say who works here.
    shows: Callable[[StoredItem], bool] | None = None


# The follow-up items the sender delivers (a fax goes by hand).
_SENT_BY_THE_SENDER = frozenset({ItemKind.MAIL, ItemKind.NOTIFICATION})


class FollowupController(QObject):
    """Owns the handoff dialog, the notification form and the open handoffs list, and
    tells the worker what became of the mail and notifications saved through them.

    Signals:
        handoff_saved(object): a handoff is durably in the outbox (the StoredItem).
        notification_forwarded(object): a notification is durably in the outbox.
        followup_delivered(str, str): the municipality's system holds a handoff mail or
            a notification saved here (its :class:`ItemKind` value, ``"mail"`` or
            ``"notification"``; the municipality code).
    """

    handoff_saved = Signal(object)
    notification_forwarded = Signal(object)
    followup_delivered = Signal(str, str)

    def __init__(self, parts: FollowupParts, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("followup")
        self._parts = parts
        self._window = window
        self.fax = FaxActions(
            parts.context,
            parts.runner,
            parts.outbox,
            parts.status,
            parts.now,
            window,
            access=parts.desk.access,
        )
        self.fax.open_handoffs_requested.connect(self.show_open_handoffs)
        self.handoff_dialog: HandoffDialog | None = None
        self.notification_form: NotificationForm | None = None
        self.handoff_list: HandoffList | None = None
        # Keys of items saved here whose fate the worker has not been told yet.
        self._tracked: set[uuid.UUID] = set()
        self._told_waiting: set[uuid.UUID] = set()
        self._finished: set[uuid.UUID] = set()
        # A handoff draft to continue once its client's lookup ends.
        self._resume_handoff: uuid.UUID | None = None
        parts.outbox.delivery_reported.connect(self._on_delivery)
        parts.desk.lookup_finished.connect(self._lookup_finished)

    def add_menu(self, bar: QMenuBar) -> QMenu:
        """Add the "Jatkotoimet" menu after the first menu of ``bar``."""
        menu = QMenu(self.tr("&Jatkotoimet"), bar)
        menu.setObjectName("followupMenu")
        self._action(menu, self.tr("&Siirrä virka-aikaiselle…"), "Ctrl+H", self.hand_over)
        self._action(menu, self.tr("&Lastensuojeluilmoitus…"), "Ctrl+I", self.new_notification)
        self._action(menu, self.tr("&Avoimet siirrot"), "Ctrl+J", self.show_open_handoffs)
        actions = bar.actions()
        if len(actions) > 1:
            bar.insertMenu(actions[1], menu)
        else:
            bar.addMenu(menu)
        return menu

    def _action(self, menu: QMenu, text: str, keys: str, slot: Callable[[], object]) -> None:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)

    # -- handoff --------------------------------------------------------------------

    def hand_over(self) -> HandoffDialog | None:
        """Ctrl+H: hand the client on the card over to the office-hours worker."""
        return self._hand_over(None)

    def _hand_over(self, key: uuid.UUID | None) -> HandoffDialog | None:
        parts = self._parts
        municipality = parts.desk.municipality
        if municipality is None:
            parts.status.warning(messages.no_municipality())
            return None
        client = parts.desk.client
        if client is None:
            parts.status.info(
                self.tr("Hae ensin asiakas henkilötunnuksella (Ctrl+F): siirto tehdään kortilla.")
            )
            return None
        current = self.handoff_dialog
        if current is not None and current.isVisible() and current.busy():
            parts.status.info(self.tr("Edellinen siirto on vielä auki: tallenna tai sulje se."))
            _raise(current)
            return current
        if current is not None:
            current.dispose()
            current.deleteLater()
        dialog = HandoffDialog(
            HandoffSubject(municipality, client, parts.desk.new_client_person()),
            parts.context,
            parts.runner,
            parts.outbox,
            self.fax,
            self._window,
            drafts=parts.drafts,
            key=key,
        )
        self._tracked.add(dialog.key)
        self._follow_drafts(dialog)
        dialog.saved.connect(self._handoff_saved)
        self.handoff_dialog = dialog
        dialog.show()
        return dialog

    def _handoff_saved(self, item: StoredItem) -> None:
        self._record_access(item, AccessAction.HANDOFF)
        self._item_saved(item)
        self.handoff_saved.emit(item)

    # -- child welfare notification -----------------------------------------------------

    def new_notification(self) -> NotificationForm | None:
        """Ctrl+I: a notification received by the duty, to the child's home municipality."""
        return self._new_notification(self._prefill(), None)

    def _new_notification(
        self, prefill: NotificationPrefill, key: uuid.UUID | None
    ) -> NotificationForm | None:
        parts = self._parts
        current = self.notification_form
        if current is not None and current.isVisible() and current.busy():
            parts.status.info(self.tr("Edellinen ilmoitus on vielä auki: välitä tai sulje se."))
            _raise(current)
            return current
        if current is not None:
            current.dispose()
            current.deleteLater()
        form = NotificationForm(
            prefill,
            parts.context,
            parts.runner,
            parts.outbox,
            self.fax,
            parts.now,
            self._window,
            drafts=parts.drafts,
            key=key,
        )
        self._tracked.add(form.key)
        self._follow_drafts(form)
        form.forwarded.connect(self._notification_forwarded)
        self.notification_form = form
        form.show()
        return form

    def _prefill(self) -> NotificationPrefill:
        desk = self._parts.desk
        selected = desk.municipality
        client = desk.client
        hetu = client.hetu if isinstance(client, ClientSummary) else client
        offer = desk.population.offered()
        home = offer[0] if offer is not None and offer[1] == hetu else None
        return NotificationPrefill(None if selected is None else selected.code, client, home)

    def _notification_forwarded(self, item: StoredItem) -> None:
        self._record_access(item, AccessAction.NOTIFICATION)
        self._item_saved(item)
        self.notification_forwarded.emit(item)

    # -- drafts ---------------------------------------------------------------------------

    def _follow_drafts(self, window: FollowUpWindow) -> None:
        """The window's drafts join the ones the window knows (offered by Ctrl+Shift+L)."""
        known = self._parts.desk.drafts
        window.draft_read.connect(known.remember)
        window.draft_dropped.connect(known.forget)

    def continue_draft(self, key: uuid.UUID) -> None:
        """Continue a kept handoff or notification draft in its window, every field back.

        A handoff's municipality must be the selected one (the caller selects it): its
        client is searched first and the dialog opens on them. A notification opens
        with its fields, the child's code and home municipality among them."""
        content = self._parts.desk.drafts.content(key)
        if content is None:
            return
        if content.form == NOTIFICATION_FORM:
            self._continue_notification(key, content)
        elif content.form == HANDOFF_FORM:
            self._continue_handoff(key, content)

    def _continue_notification(self, key: uuid.UUID, content: DraftContent) -> None:
        code = content.fields.get("municipality")
        prefill = NotificationPrefill(code if isinstance(code, str) else None)
        form = self._new_notification(prefill, key)
        if form is None or form.key != key:
            return  # another notification is open: the worker was told
        form.restore_fields(content.fields)
        self._parts.status.info(self.tr("Luonnos palautettu: jatka ilmoitusta."))

    def _continue_handoff(self, key: uuid.UUID, content: DraftContent) -> None:
        parts = self._parts
        municipality = parts.desk.municipality
        if content.hetu is None or municipality is None:
            return
        if municipality.code != content.municipality:
            return
        current = self.handoff_dialog
        if current is not None and current.isVisible() and current.busy():
            parts.status.info(self.tr("Edellinen siirto on vielä auki: tallenna tai sulje se."))
            _raise(current)
            return
        self._resume_handoff = key
        parts.desk.search_for(content.hetu)

    def _lookup_finished(self, code: str) -> None:
        key, self._resume_handoff = self._resume_handoff, None
        if key is None:
            return
        parts = self._parts
        content = parts.desk.drafts.content(key)
        client = parts.desk.client
        hetu = client.hetu if isinstance(client, ClientSummary) else client
        if content is None or content.hetu is None:
            return
        if hetu is None or hetu.value != content.hetu.value or code != content.municipality:
            parts.status.warning(
                self.tr(
                    "Siirron luonnosta ei avattu: kortilla ei ole luonnoksen asiakasta. "
                    "Luonnos säilyy (Ctrl+Shift+L)."
                )
            )
            return
        dialog = self._hand_over(key)
        if dialog is None or dialog.key != key:
            return
        dialog.restore_fields(content.fields)
        parts.status.info(self.tr("Luonnos palautettu: jatka siirtoa."))

    # -- open handoffs --------------------------------------------------------------------

    def show_open_handoffs(self) -> HandoffList:
        """Ctrl+J: open (or raise) the non-modal list of what is still open."""
        parts = self._parts
        if self.handoff_list is None:
            self.handoff_list = HandoffList(
                parts.context.policy,
                parts.outbox,
                parts.runner,
                self.fax,
                self._window,
                shows=parts.shows,
            )
        view = self.handoff_list
        if view.isVisible():
            _raise(view)
        else:
            view.show()
        return view

    # -- what became of it ------------------------------------------------------------------

    def _item_saved(self, item: StoredItem) -> None:
        parts = self._parts
        parts.outbox.items_changed.emit()
        parts.outbox.refresh()
        municipality = parts.context.policy.municipality(item.municipality)
        if item.kind not in _SENT_BY_THE_SENDER:
            self._tracked.discard(item.key)
            parts.status.warning(followup_messages.fax_not_sent_yet(municipality))
        elif item.key in self._finished or item.key in self._told_waiting:
            return  # delivered or waiting already: that message stands
        elif item.kind is ItemKind.MAIL:
            parts.status.success(followup_messages.mail_saved(municipality))
        else:
            parts.status.success(followup_messages.notification_saved(municipality))

    def _record_access(self, item: StoredItem, action: AccessAction) -> None:
        """The handoff or notification went to the outbox: so does the registrar's record
        of it, in the municipality it goes to."""
        try:
            hetu = client_hetu(item.client)
        except ValueError:
            hetu = None  # not a code (cannot happen for an item just saved): no client named
        self._parts.desk.access.record(item.municipality, action, hetu)

    def _on_delivery(self, event: DeliveryEvent) -> None:
        key = event.key
        if key not in self._tracked or event.kind not in _SENT_BY_THE_SENDER:
            return
        status = self._parts.status
        try:
            municipality = self._parts.context.policy.municipality(event.municipality)
        except KeyError:
            return
        if event.outcome is Outcome.DELIVERED and event.receipt is not None:
            self._finish(key)
            record = event.receipt.system_record_id
            status.success(followup_messages.delivered(event.kind, municipality, record))
            self.followup_delivered.emit(event.kind, event.municipality)
        elif event.outcome is Outcome.RETRY:
            if key not in self._told_waiting:
                self._told_waiting.add(key)
                status.warning(followup_messages.waiting(event.kind, municipality))
        elif event.outcome is Outcome.ATTENTION:
            self._finish(key)
            status.error(followup_messages.refused(event.kind, municipality, event.error or ""))

    def _finish(self, key: uuid.UUID) -> None:
        self._tracked.discard(key)
        self._told_waiting.discard(key)
        self._finished.add(key)

    # -- closing ------------------------------------------------------------------------

    def settle_windows(self, why: str) -> bool:
        """Before the main window closes: each follow-up window with unsaved text is
        asked about (save, keep as draft, discard). True when none holds text any more
        (the window may close)."""
        for window in (self.handoff_dialog, self.notification_form):
            if window is None or not window.isVisible():
                continue
            if window.saving:
                self._parts.status.info(self.tr("Odota: tallennus on kesken."))
                return False
            if not window.has_unsaved_text():
                continue
            _raise(window)
            choice = self._parts.desk.ask(self._window, window.windowTitle(), why, draft=True)
            if choice is Choice.SAVE:
                window.save_now()
                return False
            if choice is Choice.KEEP_DRAFT:
                outbox = self._parts.outbox
                if not outbox.available:
                    self._parts.status.error(outbox_messages.save_refused_no_outbox(outbox.opening))
                    return False
                window.keep_draft_now()
                # Seen if a later question keeps the window open after all.
                self._parts.status.info(
                    self.tr("Luonnos säilytetty salattuna. Jatka sitä: Ctrl+Shift+L.")
                )
            elif choice is Choice.DISCARD:
                window.discard_draft()
            else:
                return False
            window.dispose()
        return True

    def keep_drafts(self) -> None:
        """The window locks: each open window's text is written as a draft now (a window
        saving is left to finish)."""
        for window in (self.handoff_dialog, self.notification_form):
            if window is not None and not window.saving and window.has_unsaved_text():
                window.keep_draft_now()

    @property
    def saving(self) -> bool:
        return any(
            window is not None and window.saving
            for window in (self.handoff_dialog, self.notification_form)
        )

    def forget_clients(self) -> None:
        """The window locked (drafts kept, no save under way): every follow-up window
        closes without asking and leaves memory, the open handoffs list too."""
        self._resume_handoff = None
        for window in (self.handoff_dialog, self.notification_form, self.handoff_list):
            if window is None:
                continue
            if isinstance(window, FollowUpWindow):
                window.dispose()
            else:
                window.close()
            window.deleteLater()
        self.handoff_dialog = self.notification_form = None
        self.handoff_list = None

    def close_windows(self) -> None:
        """The main window closed (after :meth:`settle_windows`): its follow-up windows
        close without asking."""
        for dialog in (self.handoff_dialog, self.notification_form):
            if dialog is not None:
                dialog.dispose()
        if self.handoff_list is not None:
            self.handoff_list.close()


def _raise(widget: QWidget) -> None:
    widget.raise_()
    widget.activateWindow()


def install_followup(window: MainWindow, now: Clock | None = None) -> FollowupController:
    """Add the "Jatkotoimet" menu to ``window``; ``now`` is the window's clock (the time
    a notification was received, printouts). Installing twice returns the first."""
    existing = window.findChild(FollowupController, "followup")
    if existing is not None:
        return existing
    parts = FollowupParts(
        context=window.context,
        runner=window.runner,
        status=window.messages,
        outbox=window.outbox,
        desk=window.desk,
        now=now or utc_now,
        drafts=window.desk.draft_keeper,
        shows=window.shows_item,
    )
    controller = FollowupController(parts, window)
    controller.add_menu(window.menuBar())
    return controller
