"""The open handoffs: what is still open at the end of the shift.

Mail and notifications not yet delivered, faxes not yet marked sent
(:func:`app.services.followup.items.open_handoffs`, read on the serial disk pool). A row
shows the item's label (initials, birth date, time) and never more client data. For
a fax: "Tulosta faksi" and "Merkitse lähetetyksi…". The list re-reads itself whenever
the outbox changes. Which items are listed is the window's to say (``shows``: e.g. not
another worker's), as in the outbox view.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.domain.policy import Policy
from app.services.followup.items import Channel, OpenHandoff, open_handoffs
from app.services.outbox.store import ItemState, StoredItem
from app.ui.followup import messages as followup_messages
from app.ui.followup.fax_actions import FaxActions
from app.ui.item_table import ItemListDialog, TableRow, item_table, message_line, named_button
from app.ui.labels import item_label_text
from app.ui.locale_format import number_text
from app.ui.outbox.controller import OutboxController
from app.ui.tasks import Pool, TaskRunner

log = logging.getLogger(__name__)


class HandoffList(ItemListDialog):
    """Non-modal list of open handoffs and notifications (objectName ``handoffList``).

    Signals:
        loaded(): the list shows the outbox as just read.
    """

    def __init__(
        self,
        policy: Policy,
        outbox: OutboxController,
        runner: TaskRunner,
        actions: FaxActions,
        parent: QWidget | None = None,
        *,
        shows: Callable[[StoredItem], bool] | None = None,
    ) -> None:
        """``shows``: whether an item is listed (default: every one), e.g. not another
        worker's items; asked on the disk pool, where the outbox is read."""
        super().__init__("handoffList", policy, outbox, parent)
        self.setWindowTitle(self.tr("Avoimet siirrot ja ilmoitukset"))
        self._runner = runner
        self._shows = shows
        self._actions = actions
        self._rows: dict[int, OpenHandoff] = {}
        table = item_table(
            self,
            "handoffItems",
            self.tr("Avoimet siirrot"),
            [
                self.tr("Asiakas ja aika"),
                self.tr("Kunta"),
                self.tr("Asia"),
                self.tr("Lähetystapa"),
                self.tr("Tila"),
                self.tr("Faksi / puhelin"),
            ],
        )
        self.print_button = named_button(self, "printFaxButton", self.tr("Tulosta faksi"))
        self.mark_button = named_button(self, "markFaxSentButton", self.tr("Merkitse lähetetyksi…"))
        self.print_button.clicked.connect(self.print_selected)
        self.mark_button.clicked.connect(self.mark_selected)
        self._lay_out(
            table,
            message_line(self, "handoffListMessage"),
            [self.print_button, self.mark_button],
            "closeHandoffListButton",
        )
        outbox.opened.connect(self.reload)
        self._update_buttons()
        self.resize(1120, 380)

    def _read(self) -> None:
        sending = self._outbox.sending
        if sending is None:
            self._read_done()
            return
        outbox, shows = sending.outbox, self._shows
        self._runner.run(
            lambda: open_handoffs(outbox, shows), self._listed, self._list_failed, pool=Pool.DISK
        )

    def _unavailable(self) -> None:
        self._show([])

    def _listed(self, rows: list[OpenHandoff]) -> None:
        self._read_done()
        self._show(rows)
        faxes = sum(1 for row in rows if row.state is ItemState.MANUAL)
        if not rows:
            text = self.tr("Ei avoimia siirtoja eikä ilmoituksia.")
        elif faxes:
            text = self.tr(
                "Avoinna {count}, joista faksattavia {faxes}: tulosta, faksaa, soita ja merkitse "
                "lähetetyksi ennen vuoron loppua."
            ).format(count=number_text(len(rows)), faxes=number_text(faxes))
        else:
            text = self.tr("Avoinna {count}; ne lähtevät automaattisesti.").format(
                count=number_text(len(rows))
            )
        self.message.setText(text)
        self.loaded.emit()

    def _list_failed(self, error: Exception) -> None:
        self._read_done()
        log.warning("open handoffs not read: %s", type(error).__name__)
        self.message.setText(self.tr("Avoimia siirtoja ei voitu lukea. Yritä uudelleen."))

    def _show(self, rows: list[OpenHandoff]) -> None:
        self._rows = {row.item_id: row for row in rows}
        self.fill(
            [
                TableRow(
                    row.item_id,
                    [
                        item_label_text(row.label),
                        self._municipality_name(row.municipality),
                        followup_messages.document_text(row.document),
                        followup_messages.short_channel_text(row.channel),
                        followup_messages.state_text(row.state),
                        self._contact_text(row),
                    ],
                    {4: row.last_error} if row.last_error else {},
                )
                for row in rows
            ]
        )

    def _contact_text(self, row: OpenHandoff) -> str:
        if row.channel is not Channel.FAX:
            return ""
        fax = followup_messages.fax_number(row.fax)
        if row.phone:
            return self.tr("faksi {fax}, puh. {phone}").format(fax=fax, phone=row.phone)
        return self.tr("faksi {fax}").format(fax=fax)

    def _selected_fax(self) -> OpenHandoff | None:
        item_id = self.selected_id()
        row = None if item_id is None else self._rows.get(item_id)
        if row is None or row.channel is not Channel.FAX or row.state is not ItemState.MANUAL:
            return None
        return row

    def _update_buttons(self) -> None:
        row = self._selected_fax()
        self.print_button.setEnabled(row is not None and row.document is not None)
        self.mark_button.setEnabled(row is not None)

    def print_selected(self) -> None:
        row = self._selected_fax()
        if row is not None and row.document is not None:
            self._actions.print_fax(row.item_id)

    def mark_selected(self) -> None:
        row = self._selected_fax()
        if row is None:
            return
        what = self.tr("{label} – {name}, faksi {fax}").format(
            label=item_label_text(row.label),
            name=self._municipality_name(row.municipality),
            fax=followup_messages.fax_number(row.fax),
        )
        self._actions.mark_sent(row.item_id, what, self)
