"""Printing a manual fax item and marking it sent.

Shared by the handoff dialog, the notification form, the open handoffs list and the
outbox view. A fax item (``ItemKind.FAX``, state MANUAL) is never sent by the sender:
the worker prints the sheet (:func:`app.services.followup.handoff.render_fax`, in memory,
through the one print flow of :mod:`app.ui.printing.flow`), faxes it, phones the
office-hours unit and then marks it sent, which takes it out of the outbox. Outbox
calls run on the runner's serial disk pool; rendering and printing on the other one.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.access import AccessAction
from app.domain.clock import Clock
from app.services.context import AppContext
from app.services.documents.titles import HANDOFF_TITLE, NOTIFICATION_TITLE
from app.services.documents.wording import CONTEXT, translate
from app.services.followup.handoff import HandoffService, NotAFax, UnreadableFax, render_fax
from app.services.followup.items import FaxDocument, FaxItem
from app.services.outbox.sending import SendingService
from app.services.outbox.store import ItemNotFound, StoredItem
from app.ui.access import AccessTrail
from app.ui.followup import messages as followup_messages
from app.ui.message_bar import MessageBridge
from app.ui.outbox.controller import OutboxController
from app.ui.printing.flow import Document, Outcome, PrintFlow, pages_text
from app.ui.tasks import Pool, TaskRunner

log = logging.getLogger(__name__)


class FaxActions(QObject):
    """The actions "Tulosta faksi" and "Merkitse lähetetyksi" on manual fax items, by id.

    Outcomes go to the message area and out through the signals.

    Signals:
        preview_opened(object): the print preview is about to show (the PrintPreview).
        printed(int, str, int): the spooler took the fax (item id, printer, pages).
        print_failed(int, str): rendering or printing failed (item id, what was told).
        confirmation_opened(object): the question before marking sent (the QMessageBox;
            its accepting button is named ``confirmFaxSentYes``).
        marked_sent(int): the fax left the outbox and the open handoffs (item id).
        mark_failed(int, str): marking sent failed (item id, what was told).
        open_handoffs_requested(): the worker asked, from a window showing a fax,
            for the open handoffs (Ctrl+J, as the window says).
    """

    preview_opened = Signal(object)
    printed = Signal(int, str, int)
    print_failed = Signal(int, str)
    confirmation_opened = Signal(object)
    marked_sent = Signal(int)
    mark_failed = Signal(int, str)
    open_handoffs_requested = Signal()

    def __init__(
        self,
        context: AppContext,
        runner: TaskRunner,
        outbox: OutboxController,
        status: MessageBridge,
        now: Clock,
        window: QWidget,
        *,
        access: AccessTrail | None = None,
    ) -> None:
        super().__init__(window)
        self._access = access
        self._context = context
        self._runner = runner
        self._outbox = outbox
        self._status = status
        self._now = now
        self._window = window
        self._rendering: set[int] = set()
        self._flow = PrintFlow(context.policy.printing, runner, status, window)
        self._flow.preview_opened.connect(self.preview_opened)

    def _service(self) -> HandoffService | None:
        sending: SendingService | None = self._outbox.sending
        if sending is None:
            return None
        return HandoffService(sending, self._context.workstation)

    def request_open_handoffs(self) -> None:
        """Ctrl+J in a window showing a fax: its text names the open handoffs there,
        where the main window's own Ctrl+J does not reach."""
        self.open_handoffs_requested.emit()

    # -- printing ------------------------------------------------------------------

    def print_fax(self, item_id: int) -> None:
        """Fetch the fax, render it in memory, preview it, print it."""
        service = self._service()
        if service is None:
            self._print_failed(item_id, followup_messages.outbox_not_open(self._outbox.opening))
            return
        if item_id in self._rendering:
            return
        self._rendering.add(item_id)
        self._status.info(self.tr("Valmistellaan faksia tulostettavaksi…"))
        self._runner.run(
            lambda: service.fax(item_id),
            partial(self._render, item_id),
            partial(self._fetch_failed, item_id),
            pool=Pool.DISK,
        )

    def _render(self, item_id: int, fax: FaxItem) -> None:
        policy = self._context.policy
        printed_by, printed_at = self._context.worker_name, self._now()
        notification = fax.document is FaxDocument.NOTIFICATION
        recipient = fax.recipient
        document = Document(
            title=translate(CONTEXT, NOTIFICATION_TITLE if notification else HANDOFF_TITLE),
            retry=self.tr("Tulosta faksi uudelleen."),
            fallback=self.tr("Hoida asia puhelimitse virka-aikaiselle, puh. {phone}.").format(
                phone=recipient.phone
            ),
            preview_title=self.tr("Faksin esikatselu"),
            # No file_name: the fax goes on paper, to the fax machine, never to a file.
        )
        self._flow.start(
            document,
            lambda: render_fax(fax, policy, printed_by, printed_at),
            Outcome(
                printed=partial(self._printed, item_id, fax),
                failed=partial(self.print_failed.emit, item_id),
                rendered=partial(self._rendering.discard, item_id),
            ),
        )

    def _fetch_failed(self, item_id: int, error: Exception) -> None:
        self._rendering.discard(item_id)
        if isinstance(error, ItemNotFound):
            text = self.tr("Faksi on jo merkitty lähetetyksi tai poistettu lähtevistä.")
            self._outbox.items_changed.emit()
        elif isinstance(error, NotAFax):
            text = self.tr("Tämä lähtevä ei ole käsin lähetettävä faksi.")
        elif isinstance(error, UnreadableFax):
            text = self.tr(
                "Tallennettua faksia ei voi lukea. Soita virka-aikaiselle ja ota yhteys tukeen."
            )
        else:
            log.warning("fax not fetched: %s", type(error).__name__)
            text = self.tr("Faksia ei voitu lukea lähtevistä. Yritä uudelleen.")
        self._print_failed(item_id, text)

    def _printed(self, item_id: int, item: FaxItem, name: str, pages: int) -> None:
        recipient = item.recipient
        fax, phone = recipient.fax, recipient.phone
        if self._access is not None:
            self._access.record(recipient.municipality, AccessAction.PRINT, item.hetu)
        self._status.success(
            self.tr(
                "Faksi tulostui ({printer}, {count}). Faksaa se numeroon {fax}, soita {phone} "
                "ja merkitse se sitten lähetetyksi."
            ).format(
                printer=name,
                count=pages_text(pages),
                fax=followup_messages.fax_number(fax),
                phone=phone,
            )
        )
        self.printed.emit(item_id, name, pages)

    def _print_failed(self, item_id: int, text: str) -> None:
        self._status.error(text)
        self.print_failed.emit(item_id, text)

    # -- marking sent ----------------------------------------------------------------

    def mark_sent(self, item_id: int, what: str, parent: QWidget) -> None:
        """Ask first; only then take the fax out of the outbox. ``what`` names it."""
        box = QMessageBox(parent)
        box.setObjectName("confirmFaxSent")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Merkitse lähetetyksi"))
        box.setText(
            self.tr("Onko faksi lähetetty ja virka-aikaiselle soitettu?\n{what}").format(what=what)
        )
        box.setInformativeText(
            self.tr(
                "Lähetetyksi merkitty faksi poistuu avoimista siirroista ja lähtevistä. "
                "Merkintää ei voi perua."
            )
        )
        yes = box.addButton(self.tr("Kyllä, lähetetty"), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("confirmFaxSentYes")
        no = box.addButton(self.tr("Ei vielä"), QMessageBox.ButtonRole.RejectRole)
        no.setObjectName("confirmFaxSentNo")
        box.setDefaultButton(no)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            if box.clickedButton() == yes:
                self._mark(item_id)

        box.finished.connect(answered)
        box.open()
        self.confirmation_opened.emit(box)

    def _mark(self, item_id: int) -> None:
        service = self._service()
        if service is None:
            self._mark_failed(item_id, OutboxClosedNow())
            return
        self._runner.run(
            lambda: service.mark_sent(item_id),
            partial(self._marked, item_id),
            partial(self._mark_failed, item_id),
            pool=Pool.DISK,
        )

    def _marked(self, item_id: int, item: StoredItem) -> None:
        self._outbox.items_changed.emit()
        self._outbox.refresh()
        name = self._municipality_name(item.municipality)
        self._status.success(
            self.tr("Faksi merkitty lähetetyksi ({name}). Se poistui avoimista siirroista.").format(
                name=name
            )
        )
        self.marked_sent.emit(item_id)

    def _mark_failed(self, item_id: int, error: Exception) -> None:
        if isinstance(error, ItemNotFound):
            text = self.tr("Faksi oli jo merkitty lähetetyksi tai poistettu lähtevistä.")
            self._outbox.items_changed.emit()
            self._status.warning(text)
        else:
            if isinstance(error, OutboxClosedNow):
                text = followup_messages.outbox_not_open(self._outbox.opening)
            else:
                log.warning("fax not marked sent: %s", type(error).__name__)
                text = self.tr("Faksia ei voitu merkitä lähetetyksi. Yritä uudelleen.")
            self._status.error(text)
        self.mark_failed.emit(item_id, text)

    def _municipality_name(self, code: str) -> str:
        try:
            return self._context.policy.municipality(code).name_fi
        except KeyError:
            return code


class OutboxClosedNow(Exception):
    """The outbox is not open: nothing can be marked."""
