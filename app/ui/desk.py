"""The duty desk: search, client card and entry form for one municipality.

The desk holds the only reference to the client's summary. Changing the
municipality or starting another search drops it, empties the card and the
form, and makes any lookup still on its way stale, so its result is never
shown.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.connectors import errors
from app.services.context import AppContext
from app.services.hetu import Hetu
from app.services.model import ClientSummary, DeliveryReceipt, DutyEntry
from app.services.policy import Municipality
from app.ui import messages
from app.ui.client_card import ClientCard
from app.ui.entry_form import EntryForm, EntrySubject
from app.ui.search import ClientSearch
from app.ui.status import StatusArea
from app.ui.tasks import Generation, TaskRunner

# Failures of the system rather than of the request: the worker may still
# write the entry and save it once the system answers again.
_SYSTEM_DOWN = (errors.Unreachable, errors.TimedOut, errors.ServerFault)


class DutyDesk(QWidget):
    """Finds the client in the selected municipality and records the duty entry.

    Signals:
        client_loaded(str): a client's summary is on the card (municipality code).
        lookup_finished(str): a lookup ended, found or not or failed (municipality code).
        entry_delivered(str, str): the municipality's system holds the entry
            (municipality code, the system's record id).
        entry_failed(str): a delivery failed and the form keeps the text (municipality code).
        reachability_learned(str, bool): a lookup or delivery showed whether the
            municipality's system answers.
    """

    client_loaded = Signal(str)
    lookup_finished = Signal(str)
    entry_delivered = Signal(str, str)
    entry_failed = Signal(str)
    reachability_learned = Signal(str, bool)

    def __init__(
        self,
        context: AppContext,
        runner: TaskRunner,
        status: StatusArea,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._runner = runner
        self._status = status
        self._municipality: Municipality | None = None
        self._client: ClientSummary | None = None
        # A valid code whose lookup failed because the system was down: the
        # entry may still be written for it.
        self._unlooked_hetu: Hetu | None = None
        self._lookups = Generation()

        self.search = ClientSearch(training=context.policy.training, parent=self)
        self.card = ClientCard(self)
        self.form = EntryForm(author=context.worker_name, parent=self)
        split = QSplitter(self)
        split.setChildrenCollapsible(False)
        split.addWidget(self.card)
        split.addWidget(self.form)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(split, 1)

        self.search.search_requested.connect(self._search)
        self.search.invalid_submitted.connect(self._status.warning)
        self.form.save_requested.connect(self._deliver)
        self.form.save_refused.connect(self._status.warning)

    @property
    def municipality(self) -> Municipality | None:
        return self._municipality

    @property
    def saving(self) -> bool:
        return self.form.saving

    def has_unsaved_text(self) -> bool:
        return self.form.has_unsaved_text()

    def set_municipality(self, municipality: Municipality | None) -> None:
        """Work in ``municipality`` from now on; the previous client is forgotten."""
        self._forget_client()
        self.search.clear()
        self._municipality = municipality
        registrar = ""
        if municipality is not None:
            registrar = self._context.policy.registrar(municipality.registrar).name_fi
        self.card.set_municipality(municipality, registrar)

    def focus_search(self) -> None:
        self.search.focus()

    def new_entry(self) -> None:
        """Open the entry form for the client on the card, focus in the narrative."""
        if self.form.is_open():
            self.form.focus_narrative()
            return
        municipality = self._municipality
        if municipality is None:
            self._status.warning(messages.no_municipality())
            return
        if self._client is not None:
            client = self._client
            subject = EntrySubject(
                client.hetu, municipality, client.ref.system_id, client.full_name
            )
        elif self._unlooked_hetu is not None:
            subject = EntrySubject(self._unlooked_hetu, municipality)
        else:
            self._status.info(self.tr("Hae ensin asiakas henkilötunnuksella (Ctrl+F)."))
            return
        self.form.open_for(subject)

    def _forget_client(self) -> None:
        self._lookups.advance()
        self._client = None
        self._unlooked_hetu = None
        self.card.clear_client()
        self.form.close_form()

    def _search(self, hetu: Hetu) -> None:
        municipality = self._municipality
        if municipality is None:
            self._status.warning(messages.no_municipality())
            return
        if self.form.saving:
            self._status.info(self.tr("Odota: kirjausta tallennetaan."))
            return
        if self.form.has_unsaved_text():
            # The open entry belongs to the client on the card; a new search
            # would either lose the text or send it about the wrong person.
            self._status.warning(self.tr("Tallenna tai peruuta avoin kirjaus ennen uutta hakua."))
            return
        self._forget_client()
        self.card.show_searching()
        self._status.info(
            self.tr("Haetaan asiakasta ({where})…").format(where=messages.where(municipality))
        )
        workstation = self._context.workstation
        code = municipality.code
        self._runner.run(
            lambda: workstation.lookup(code, hetu),
            partial(self._lookup_succeeded, municipality, hetu),
            partial(self._lookup_failed, municipality, hetu),
            is_current=self._lookups.guard(),
        )

    def _lookup_succeeded(
        self, municipality: Municipality, hetu: Hetu, summary: ClientSummary | None
    ) -> None:
        self.reachability_learned.emit(municipality.code, True)
        if summary is None:
            self.card.show_not_found(hetu)
            self._status.warning(messages.not_found(municipality))
        else:
            self._client = summary
            self.card.show_client(summary)
            self._status.info(
                self.tr("Asiakastiedot haettu ({where}).").format(
                    where=messages.where(municipality)
                )
            )
            self.client_loaded.emit(municipality.code)
        self.lookup_finished.emit(municipality.code)

    def _lookup_failed(self, municipality: Municipality, hetu: Hetu, error: Exception) -> None:
        entry_possible = isinstance(error, _SYSTEM_DOWN)
        if isinstance(error, errors.Unreachable):
            self.reachability_learned.emit(municipality.code, False)
        self._unlooked_hetu = hetu if entry_possible else None
        self.card.show_lookup_failed(hetu, entry_possible)
        self._status.error(
            messages.connector_failure(error, municipality, messages.Operation.LOOKUP)
        )
        self.lookup_finished.emit(municipality.code)

    def _deliver(self, entry: DutyEntry) -> None:
        subject = self.form.subject
        assert subject is not None
        municipality = subject.municipality
        self._status.info(
            self.tr("Tallennetaan kirjausta ({where})…").format(where=messages.where(municipality))
        )
        workstation = self._context.workstation
        code = municipality.code
        # No staleness guard: switching is refused while saving, and the
        # outcome of a delivery must always be told.
        self._runner.run(
            lambda: workstation.deliver_entry(code, entry),
            partial(self._delivered, municipality),
            partial(self._delivery_failed, municipality),
        )

    def _delivered(self, municipality: Municipality, receipt: DeliveryReceipt) -> None:
        self.reachability_learned.emit(municipality.code, True)
        self.form.delivery_succeeded()
        self._status.success(messages.delivered(municipality, receipt))
        self.entry_delivered.emit(municipality.code, receipt.system_record_id)

    def _delivery_failed(self, municipality: Municipality, error: Exception) -> None:
        if isinstance(error, errors.Unreachable):
            self.reachability_learned.emit(municipality.code, False)
        self.form.delivery_failed()
        self._status.error(
            messages.connector_failure(error, municipality, messages.Operation.DELIVERY)
        )
        self.entry_failed.emit(municipality.code)
