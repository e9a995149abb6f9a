"""The outbox view: what waits to be delivered, with the least client data.

A row shows the item's label (initials, birth date, contact time), its
municipality, kind, state, attempts, next try, the last error and its author (the
worker who saved it, or that the author is not known: saved before the outbox
recorded authors). Which items are shown is the window's to say (``shows``: e.g.
not another worker's). The view
never holds an item's payload: correcting one fetches it from the outbox
when the worker opens it. A fax to send by hand (a handoff or notification to a
system without the capability) is printed and marked sent through ``fax_actions``
(:class:`app.ui.followup.fax_actions.FaxActions`), when the window gives the view one.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QWidget,
)

from app.connectors import errors
from app.connectors.base import ChildWelfareNotification, InternalMail
from app.domain.author import Author
from app.domain.kinds import ItemKind
from app.domain.model import DutyEntry
from app.domain.policy import Policy
from app.services.outbox.codec import (
    entry_from_payload,
    mail_from_payload,
    notification_from_payload,
)
from app.services.outbox.items import AUTHOR_UNREADABLE, PAYLOAD_UNREADABLE, SALVAGED, Failure
from app.services.outbox.store import ItemState, StoredItem
from app.ui.followup.fax_actions import FaxActions
from app.ui.item_table import ItemListDialog, TableRow, item_table, message_line, named_button
from app.ui.labels import item_label_text
from app.ui.locale_format import number_text
from app.ui.messages import where
from app.ui.outbox import messages as outbox_messages
from app.ui.outbox import questions
from app.ui.outbox.controller import OutboxController
from app.ui.outbox.editor import (
    CorrectionEditor,
    DiscardDialog,
    EditableField,
    FieldsCorrectionEditor,
)

log = logging.getLogger(__name__)

DESTINATION_CHANGED = errors.DestinationChanged.__name__

# Kinds the worker corrects or discards when the system refused them (an event is
# itself the record of a discard; a fax is completed by hand).
CORRECTABLE = frozenset({ItemKind.ENTRY, ItemKind.MAIL, ItemKind.NOTIFICATION})
# A refused record of a discard (the system did not know the client) is removed.
DISCARDABLE = CORRECTABLE | {ItemKind.EVENT}


@dataclass(frozen=True)
class _Row:
    """What the view keeps of an item: no payload, no identity code."""

    id: int
    municipality: str
    kind: ItemKind
    state: ItemState
    label: str
    failure: Failure | None
    destination: str = ""
    author: str | None = None  # the worker's name; None: not known

    @property
    def held(self) -> bool:
        """Held because the policy now names another destination than it was saved for."""
        return self.failure is not None and self.failure.cause == DESTINATION_CHANGED


class OutboxView(ItemListDialog):
    """Non-modal list of the outbox; corrects or discards items needing attention.

    Signals:
        loaded(): the list shows the outbox as just read.
        item_corrected(int): a corrected item is back in line (item id).
        item_discarded(int): an item was discarded with a reason (item id).
    """

    item_corrected = Signal(int)
    item_discarded = Signal(int)

    def __init__(
        self,
        policy: Policy,
        outbox: OutboxController,
        author: Callable[[str], Author],
        parent: QWidget | None,
        *,
        fax_actions: FaxActions | None = None,
        shows: Callable[[StoredItem], bool] | None = None,
    ) -> None:
        """``author(code)``: the author of a discard's record saved now for municipality
        ``code`` (``AppContext.author``). ``shows``: whether an item is listed (default:
        every one), e.g. not another worker's items."""
        super().__init__("outboxView", policy, outbox, parent)
        self.setWindowTitle(self.tr("Lähtevät kirjaukset"))
        self._author = author
        self._shows = shows
        self._fax_actions: FaxActions | None = None
        self._rows: dict[int, _Row] = {}
        table = item_table(
            self,
            "outboxItems",
            self.tr("Lähtevät"),
            [
                self.tr("Asiakas ja aika"),
                self.tr("Kunta"),
                self.tr("Laji"),
                self.tr("Tila"),
                self.tr("Yrityksiä"),
                self.tr("Seuraava yritys"),
                self.tr("Viimeisin virhe"),
                self.tr("Tekijä"),
            ],
        )
        self.correct_button = named_button(self, "correctButton", self.tr("Avaa ja korjaa…"))
        self.discard_button = named_button(self, "discardButton", self.tr("Hylkää…"))
        self.print_fax_button = named_button(self, "printFaxButton", self.tr("Tulosta faksi"))
        self.mark_sent_button = named_button(
            self, "markFaxSentButton", self.tr("Merkitse lähetetyksi…")
        )
        self.confirm_destination_button = named_button(
            self, "confirmDestinationButton", self.tr("Uusi osoite…")
        )
        self.confirm_destination_button.setToolTip(
            self.tr("Kunnan järjestelmän osoite on muuttunut: lähetä odottavat uuteen osoitteeseen")
        )
        self.correct_button.clicked.connect(self.open_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.print_fax_button.clicked.connect(self.print_selected_fax)
        self.mark_sent_button.clicked.connect(self.mark_selected_fax_sent)
        self.confirm_destination_button.clicked.connect(self.confirm_selected_destination)
        self._lay_out(
            table,
            message_line(self, "outboxViewMessage"),
            [
                self.correct_button,
                self.discard_button,
                self.print_fax_button,
                self.mark_sent_button,
                self.confirm_destination_button,
            ],
            "closeOutboxViewButton",
        )
        self.set_fax_actions(fax_actions)
        self.resize(960, 420)

    def set_fax_actions(self, actions: FaxActions | None) -> None:
        """Print and mark sent manual fax items through ``actions`` (None: not offered)."""
        self._fax_actions = actions
        self.print_fax_button.setVisible(actions is not None)
        self.mark_sent_button.setVisible(actions is not None)
        self._update_buttons()

    def _read(self) -> None:
        self._outbox.list_items(self._listed, self._list_failed)

    def _unavailable(self) -> None:
        self._show_rows([])

    def _listed(self, items: list[StoredItem]) -> None:
        self._read_done()
        if self._shows is not None:
            items = [item for item in items if self._shows(item)]
        # Only the row's summary is kept; the payloads go with ``items``. Access events are
        # the registrar's record, not the worker's work: shown only if one needs attention.
        rows = [
            _Row(
                i.id,
                i.municipality,
                i.kind,
                i.state,
                i.label,
                i.failure,
                i.destination,
                None if i.author is None else i.author.worker_name,
            )
            for i in items
            if i.kind is not ItemKind.ACCESS or i.state is ItemState.ATTENTION
        ]
        self._show_rows(rows, {i.id: (i.attempts, i.next_attempt) for i in items})
        self.message.setText("" if rows else self.tr("Lähtevissä ei ole mitään."))
        self.loaded.emit()

    def _show_rows(
        self, rows: list[_Row], timing: dict[int, tuple[int, dt.datetime]] | None = None
    ) -> None:
        self._rows = {row.id: row for row in rows}
        shown: list[TableRow] = []
        for row in rows:
            attempts, next_attempt = (timing or {}).get(row.id, (0, None))
            error, error_tip = self._error_text(row.failure)
            cells = [
                item_label_text(row.label),
                self._municipality_name(row.municipality),
                self._kind_text(row.kind),
                self._state_text(row.state),
                str(attempts),
                self._next_text(row.state, next_attempt),
                error,
                self._author_text(row.author),
            ]
            shown.append(TableRow(row.id, cells, {6: error_tip} if error_tip else {}))
        self.fill(shown)

    def _author_text(self, name: str | None) -> str:
        return name if name is not None else self.tr("tekijä ei tiedossa")

    def _list_failed(self, error: Exception) -> None:
        self._read_done()
        self._failed(error)

    def _failed(self, error: Exception) -> None:
        log.warning("outbox view: %s", type(error).__name__)
        self.message.setText(self.tr("Lähteviä ei voitu lukea. Yritä uudelleen."))

    def _selected_row(self) -> _Row | None:
        item_id = self.selected_id()
        return None if item_id is None else self._rows.get(item_id)

    def _update_buttons(self) -> None:
        row = self._selected_row()
        refused = row if row is not None and row.state is ItemState.ATTENTION else None
        held = refused is not None and refused.held
        self.correct_button.setEnabled(
            refused is not None and refused.kind in CORRECTABLE and not held
        )
        self.confirm_destination_button.setEnabled(held)
        self.discard_button.setEnabled(refused is not None and refused.kind in DISCARDABLE)
        fax = self._selected_fax() is not None
        self.print_fax_button.setEnabled(fax and self._fax_actions is not None)
        self.mark_sent_button.setEnabled(fax and self._fax_actions is not None)
        if fax and self._fax_actions is None:
            self.message.setText(
                self.tr(
                    "Faksin voi tulostaa ja merkitä lähetetyksi: Jatkotoimet → Avoimet siirrot."
                )
            )

    def _selected_fax(self) -> _Row | None:
        row = self._selected_row()
        if row is None or row.kind is not ItemKind.FAX or row.state is not ItemState.MANUAL:
            return None
        return row

    def confirm_selected_destination(self) -> None:
        """Ask, then send the municipality's held items where the policy now says."""
        row = self._selected_row()
        if row is None or row.state is not ItemState.ATTENTION or not row.held:
            return
        try:
            now = self._policy.destination(row.municipality)
        except KeyError:
            self.message.setText(
                self.tr("Kunta ei ole enää käytössä tällä koneella. Soita tukeen.")
            )
            return
        questions.ask_to_confirm_destination(
            self,
            self._where(row.municipality),
            row.destination,
            now,
            lambda: self._confirm_destination(row.municipality),
        )

    def _confirm_destination(self, code: str) -> None:
        def done(count: int) -> None:
            self.message.setText(
                self.tr("{count} lähetystä lähtee kunnan uuteen osoitteeseen.").format(
                    count=number_text(count)
                )
            )

        def failed(error: Exception) -> None:
            log.warning("destination not confirmed: %s", type(error).__name__)
            self.message.setText(self.tr("Vahvistus ei onnistunut. Yritä uudelleen."))

        self._outbox.confirm_destination(code, done, failed)

    def print_selected_fax(self) -> None:
        row = self._selected_fax()
        if row is not None and self._fax_actions is not None:
            self._fax_actions.print_fax(row.id)

    def mark_selected_fax_sent(self) -> None:
        """Ask first; a fax marked sent leaves the outbox."""
        row = self._selected_fax()
        if row is None or self._fax_actions is None:
            return
        what = self.tr("{label} – {place}").format(
            label=item_label_text(row.label), place=self._where(row.municipality)
        )
        self._fax_actions.mark_sent(row.id, what, self)

    def open_selected(self) -> None:
        """Fetch the selected item's entry and open it for correction."""
        row = self._selected_row()
        if row is None or row.state is not ItemState.ATTENTION or row.kind not in CORRECTABLE:
            return
        self._outbox.fetch_item(row.id, lambda item: self._open_editor(row, item), self._failed)

    def _open_editor(self, row: _Row, item: StoredItem | None) -> None:
        if item is None or item.state is not ItemState.ATTENTION:
            self.message.setText(self.tr("Lähetys ei enää odota korjausta."))
            self.reload()
            return
        reason, _tip = self._error_text(item.failure)
        subject = f"{item_label_text(row.label)} – {self._where(row.municipality)}"
        try:
            editor = self._editor(item, row, subject, reason)
        except ValueError:
            self.message.setText(
                self.tr(
                    "Tallennettua lähetystä ei voi lukea. Hylkää se syyn kanssa tai soita tukeen."
                )
            )
            return
        editor.finished.connect(lambda _result: self.return_focus())
        editor.show()

    def _editor(
        self, item: StoredItem, row: _Row, subject: str, reason: str
    ) -> CorrectionEditor | FieldsCorrectionEditor:
        """The item's editor, its payload decoded (ValueError when it cannot be read)."""
        if item.kind is ItemKind.ENTRY:
            entry = entry_from_payload(item.payload)
            place = self._where(row.municipality)
            editor = CorrectionEditor(entry, item_label_text(row.label), place, reason, self)
            editor.resend_requested.connect(
                lambda corrected: self._resend(editor.resend_failed, editor, row, corrected)
            )
            return editor
        if item.kind is ItemKind.MAIL:
            mail = mail_from_payload(item.payload)
            title = self.tr("Korjaa viesti virka-aikaiselle")
            fields = [
                EditableField("subject", self.tr("Otsikko"), mail.subject),
                EditableField("body", self.tr("Viesti"), mail.body, multiline=True),
            ]
            original: InternalMail | ChildWelfareNotification = mail
        elif item.kind is ItemKind.NOTIFICATION:
            notification = notification_from_payload(item.payload)
            title = self.tr("Korjaa lastensuojeluilmoitus")
            fields = [
                EditableField(
                    "notifier_organisation",
                    self.tr("Ilmoittajan organisaatio"),
                    notification.notifier_organisation,
                ),
                EditableField(
                    "notifier_person", self.tr("Ilmoittaja"), notification.notifier_person
                ),
                EditableField(
                    "notifier_phone",
                    self.tr("Ilmoittajan puhelin"),
                    notification.notifier_phone,
                    required=False,
                ),
                EditableField(
                    "what_happened",
                    self.tr("Mitä tapahtui"),
                    notification.what_happened,
                    multiline=True,
                ),
            ]
            original = notification
        else:
            # Not a ValueError: that would read as a payload that cannot be read.
            raise LookupError(f"no correction editor for an item of kind {item.kind}")
        fields_editor = FieldsCorrectionEditor(title, fields, subject, reason, self)
        fields_editor.resend_requested.connect(
            lambda values: self._resend(
                fields_editor.resend_failed, fields_editor, row, replace(original, **values)
            )
        )
        return fields_editor

    def _resend(
        self,
        failed_text: Callable[[str], None],
        editor: QDialog,
        row: _Row,
        corrected: DutyEntry | InternalMail | ChildWelfareNotification,
    ) -> None:
        def done(_item: StoredItem) -> None:
            editor.close()
            self.message.setText(self._corrected_text(row.kind))
            self.item_corrected.emit(row.id)

        def failed(error: Exception) -> None:
            log.warning("correction not saved: %s", type(error).__name__)
            failed_text(self.tr("Korjausta ei voitu tallentaa. Yritä uudelleen."))

        self._outbox.correct(row.id, corrected, row.label, done, failed)

    def discard_selected(self) -> None:
        """Ask for the reason; the discard happens only with one."""
        row = self._selected_row()
        if row is None or row.state is not ItemState.ATTENTION:
            return
        if row.kind is ItemKind.EVENT:
            self._confirm_removal(row)
            return
        if row.kind not in CORRECTABLE:
            return
        dialog = DiscardDialog(
            row.kind, item_label_text(row.label), self._where(row.municipality), self
        )
        dialog.discard_requested.connect(lambda reason: self._discard(dialog, row, reason))
        dialog.finished.connect(lambda _result: self.return_focus())
        dialog.show()

    def _confirm_removal(self, row: _Row) -> None:
        """A refused record of a discard: ask, then remove it; nothing more is sent."""
        what = f"{item_label_text(row.label)} – {self._where(row.municipality)}"
        questions.ask_to_remove_event(self, what, lambda: self._remove_event(row))

    def _remove_event(self, row: _Row) -> None:
        def done(_item: StoredItem) -> None:
            self.message.setText(self.tr("Hylkäysmerkintä poistettiin lähtevistä."))
            self.item_discarded.emit(row.id)

        def failed(error: Exception) -> None:
            log.warning("refused event not removed: %s", type(error).__name__)
            self.message.setText(self.tr("Merkintää ei voitu poistaa. Yritä uudelleen."))

        self._outbox.remove_refused_event(row.id, done, failed)

    def _discard(self, dialog: DiscardDialog, row: _Row, reason: str) -> None:
        def done(_event: StoredItem) -> None:
            dialog.close()
            self.message.setText(self._discarded_text(row.kind))
            self.item_discarded.emit(row.id)

        def failed(error: Exception) -> None:
            log.warning("discard failed: %s", type(error).__name__)
            dialog.discard_failed(self.tr("Hylkääminen ei onnistunut. Yritä uudelleen."))

        try:
            saved_by = self._author(row.municipality)
        except KeyError:
            dialog.discard_failed(
                self.tr("Kunta ei ole enää käytössä tällä koneella. Soita tukeen.")
            )
            return
        self._outbox.discard(row.id, reason, saved_by, done, failed)

    def _where(self, code: str) -> str:
        try:
            return where(self._policy.municipality(code))
        except KeyError:
            return code

    def _kind_text(self, kind: ItemKind) -> str:
        texts = {
            ItemKind.ENTRY: self.tr("kirjaus"),
            ItemKind.EVENT: self.tr("hylkäysmerkintä"),
            ItemKind.MAIL: self.tr("viesti virka-aikaiselle"),
            ItemKind.NOTIFICATION: self.tr("lastensuojeluilmoitus"),
            ItemKind.FAX: self.tr("faksi (lähetetään käsin)"),
            ItemKind.ACCESS: self.tr("käyttölokimerkintä"),
        }
        return texts[kind]

    def _corrected_text(self, kind: ItemKind) -> str:
        texts = {
            ItemKind.ENTRY: self.tr("Korjattu kirjaus lähtee uudelleen."),
            ItemKind.MAIL: self.tr("Korjattu viesti lähtee uudelleen."),
            ItemKind.NOTIFICATION: self.tr("Korjattu lastensuojeluilmoitus lähtee uudelleen."),
        }
        return texts[kind]

    def _discarded_text(self, kind: ItemKind) -> str:
        texts = {
            ItemKind.ENTRY: self.tr(
                "Kirjaus hylättiin. Merkintä hylkäämisestä lähtee rekisterinpitäjälle."
            ),
            ItemKind.MAIL: self.tr(
                "Viesti hylättiin. Merkintä hylkäämisestä lähtee rekisterinpitäjälle."
            ),
            ItemKind.NOTIFICATION: self.tr(
                "Lastensuojeluilmoitus hylättiin. Merkintä hylkäämisestä lähtee "
                "rekisterinpitäjälle."
            ),
        }
        return texts[kind]

    def _state_text(self, state: ItemState) -> str:
        texts = {
            ItemState.WAITING: self.tr("odottaa"),
            ItemState.SENDING: self.tr("lähetetään"),
            ItemState.ATTENTION: self.tr("vaatii toimia"),
            ItemState.MANUAL: self.tr("faksattava / soitettava"),
        }
        return texts[state]

    def _next_text(self, state: ItemState, next_attempt: dt.datetime | None) -> str:
        if state is ItemState.SENDING:
            return self.tr("nyt")
        if state is ItemState.ATTENTION:
            return self.tr("korjauksen jälkeen")
        if state is ItemState.MANUAL:
            return self.tr("kun merkitty lähetetyksi")
        if next_attempt is None:
            return ""
        if next_attempt <= dt.datetime.now(dt.UTC):
            return self.tr("heti kun yhteys toimii")
        return outbox_messages.moment(next_attempt, self._policy.zone)

    def _error_text(self, failure: Failure | None) -> tuple[str, str]:
        """The worker's wording and, for helpdesk, the stored text (no client data)."""
        if failure is None:
            return "", ""
        if failure.cause == errors.Rejected.__name__:
            return failure.detail, str(failure)  # the system's own reason
        texts = {
            errors.Unreachable.__name__: self.tr("ei yhteyttä järjestelmään"),
            errors.Untrusted.__name__: self.tr(
                "yhteyttä ei voitu varmistaa suojatuksi (varmenne) – ota yhteys IT-tukeen"
            ),
            errors.TimedOut.__name__: self.tr("järjestelmä ei vastannut ajoissa"),
            errors.ServerFault.__name__: self.tr("vika järjestelmässä"),
            errors.AuthenticationFailed.__name__: self.tr("tunnukset eivät kelpaa"),
            errors.NotSupported.__name__: self.tr("järjestelmä ei tue tätä"),
            PAYLOAD_UNREADABLE: self.tr("tallennettu sisältö ei ole luettavissa"),
            DESTINATION_CHANGED: self.tr("kunnan järjestelmän osoite on muuttunut: vahvista"),
            SALVAGED: self.tr(
                "pelastettu vioittuneista lähtevistä; voi olla jo toimitettu tai hylätty: "
                "tarkista asiakastiedoista ennen uudelleenlähetystä"
            ),
            AUTHOR_UNREADABLE: self.tr(
                "pelastettu vioittuneista lähtevistä, tallentaja ei tiedossa: tarkista kuka "
                "sen tallensi ja asiakastiedot ennen uudelleenlähetystä"
            ),
        }
        return texts.get(failure.cause, str(failure)), str(failure)
