"""The "Jatkotoimet" menu: hand a case over, receive a child welfare notification,
see what is still open.

:func:`install_followup` is the one call the main window makes. It reaches what it
needs through the window: ``desk`` (the selected municipality and the client on the
card), ``outbox`` (the OutboxController), ``runner``, ``status`` and the window's
AppContext. Everything that touches the outbox runs on the runner's serial disk pool;
the channel and the population register are asked on the network pool.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from app.services.clock import Clock, utc_now
from app.services.context import AppContext
from app.services.delivery import DeliveryEvent, Outcome
from app.services.followup import MAIL_KIND, NOTIFICATION_KIND
from app.services.model import ClientSummary
from app.services.outbox import StoredItem
from app.ui import followup_messages, messages
from app.ui.desk import DutyDesk
from app.ui.fax_actions import FaxActions
from app.ui.handoff_dialog import HandoffDialog, HandoffSubject
from app.ui.handoff_list import HandoffList
from app.ui.notification_form import NotificationForm, NotificationPrefill
from app.ui.outbox_controller import OutboxController
from app.ui.status import StatusArea
from app.ui.tasks import TaskRunner
from app.ui.unsaved import Choice

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


@dataclass(frozen=True)
class FollowupParts:
    """What the follow-up workflows use of the window."""

    context: AppContext
    runner: TaskRunner
    status: StatusArea
    outbox: OutboxController
    desk: DutyDesk
    now: Clock


class FollowupController(QObject):
    """Owns the handoff dialog, the notification form and the open handoffs list, and
    tells the worker what became of the mail and notifications saved through them.

    Signals:
        handoff_saved(object): a handoff is durably in the outbox (the StoredItem).
        notification_forwarded(object): a notification is durably in the outbox.
        followup_delivered(str, str): the municipality's system holds a handoff mail or
            a notification saved here (kind ``"mail"`` or ``"notification"``, code).
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
            parts.context, parts.runner, parts.outbox, parts.status, parts.now, window
        )
        self.fax.open_handoffs_requested.connect(self.show_open_handoffs)
        self.handoff_dialog: HandoffDialog | None = None
        self.notification_form: NotificationForm | None = None
        self.handoff_list: HandoffList | None = None
        # Keys of items saved here whose fate the worker has not been told yet.
        self._tracked: set[uuid.UUID] = set()
        self._told_waiting: set[uuid.UUID] = set()
        self._finished: set[uuid.UUID] = set()
        parts.outbox.delivery_reported.connect(self._on_delivery)

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
            HandoffSubject(municipality, client),
            parts.context,
            parts.runner,
            parts.outbox,
            self.fax,
            self._window,
        )
        self._tracked.add(dialog.key)
        dialog.saved.connect(self._handoff_saved)
        self.handoff_dialog = dialog
        dialog.show()
        return dialog

    def _handoff_saved(self, item: StoredItem) -> None:
        self._item_saved(item)
        self.handoff_saved.emit(item)

    # -- child welfare notification -----------------------------------------------------

    def new_notification(self) -> NotificationForm | None:
        """Ctrl+I: a notification received by the duty, to the child's home municipality."""
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
            self._prefill(),
            parts.context,
            parts.runner,
            parts.outbox,
            self.fax,
            parts.now,
            self._window,
        )
        self._tracked.add(form.key)
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
        self._item_saved(item)
        self.notification_forwarded.emit(item)

    # -- open handoffs --------------------------------------------------------------------

    def show_open_handoffs(self) -> HandoffList:
        """Ctrl+J: open (or raise) the non-modal list of what is still open."""
        parts = self._parts
        if self.handoff_list is None:
            self.handoff_list = HandoffList(
                parts.context.policy, parts.outbox, parts.runner, self.fax, self._window
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
        if item.kind not in (MAIL_KIND, NOTIFICATION_KIND):
            self._tracked.discard(item.key)
            parts.status.warning(followup_messages.fax_not_sent_yet(municipality))
        elif item.key in self._finished or item.key in self._told_waiting:
            return  # delivered or waiting already: that message stands
        elif item.kind == MAIL_KIND:
            parts.status.success(followup_messages.mail_saved(municipality))
        else:
            parts.status.success(followup_messages.notification_saved(municipality))

    def _on_delivery(self, event: DeliveryEvent) -> None:
        key = event.key
        if key not in self._tracked or event.kind not in (MAIL_KIND, NOTIFICATION_KIND):
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
        asked about. True when none holds text any more (the window may close)."""
        for window in (self.handoff_dialog, self.notification_form):
            if window is None or not window.isVisible():
                continue
            if window.saving:
                self._parts.status.info(self.tr("Odota: tallennus on kesken."))
                return False
            if not window.has_unsaved_text():
                continue
            _raise(window)
            choice = self._parts.desk.ask(self._window, window.windowTitle(), why, draft=False)
            if choice is Choice.SAVE:
                window.save_now()
                return False
            if choice is not Choice.DISCARD:
                return False
            window.dispose()
        return True

    def close_windows(self) -> None:
        """The main window closes: its follow-up windows close without asking."""
        for dialog in (self.handoff_dialog, self.notification_form):
            if dialog is not None:
                dialog.dispose()
        if self.handoff_list is not None:
            self.handoff_list.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.close_windows()
        return False


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
        status=window.status,
        outbox=window.outbox,
        desk=window.desk,
        now=now or utc_now,
    )
    controller = FollowupController(parts, window)
    controller.add_menu(window.menuBar())
    window.installEventFilter(controller)
    return controller
