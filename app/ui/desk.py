"""The duty desk: search, client card and entry form for one municipality.

The desk holds the only reference to the client's summary. Changing the
municipality or starting another search drops it, empties the card and the
form, and makes any lookup still on its way stale, so its result is never
shown. The population register's answers (:mod:`app.ui.population_panel`) and the
entry saved last, kept for printing (:mod:`app.ui.entry_printing`), go with it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.connectors import errors
from app.services.clock import Clock, utc_now
from app.services.connectivity import Reachability
from app.services.context import AppContext
from app.services.delivery import DeliveryEvent, Outcome
from app.services.hetu import Hetu
from app.services.model import ClientSummary, DutyEntry
from app.services.outbox import OutboxError, StoredItem
from app.services.policy import Municipality
from app.ui import messages, outbox_messages
from app.ui.client_card import ClientCard
from app.ui.entry_form import EntryForm, EntrySubject
from app.ui.entry_printing import EntryPrinter, SavedEntry
from app.ui.outbox_controller import EarlierVersionKept, OutboxController
from app.ui.population_panel import PopulationLookup
from app.ui.search import ClientSearch
from app.ui.status import StatusArea
from app.ui.tasks import Generation, TaskRunner

log = logging.getLogger(__name__)

# Failures of the system rather than of the request: the worker may still
# write the entry; it waits in the outbox until the system answers again.
_SYSTEM_DOWN = (errors.Unreachable, errors.TimedOut, errors.ServerFault)
_KNOWN_DOWN = frozenset({Reachability.VPN_DOWN, Reachability.NO_NETWORK, Reachability.SERVICE_DOWN})


@dataclass
class _Tracked:
    """An entry saved at this desk whose fate the worker has not been told yet."""

    municipality: Municipality
    saved: bool = False
    told_waiting: bool = False


class DutyDesk(QWidget):
    """Finds the client in the selected municipality and saves the duty entry.

    Saving writes the entry durably to the outbox (write-ahead) and empties
    the form; the sender then delivers it, and the desk tells the worker how
    that went. ``reachability(code)`` is the switcher's current knowledge.

    Signals:
        client_loaded(str): a client's summary is on the card (municipality code).
        lookup_finished(str): a lookup ended, found or not or failed (municipality code).
        entry_saved(str): an entry is durably in the outbox and the form is
            empty (municipality code).
        entry_delivered(str, str): the municipality's system holds an entry
            saved here (municipality code, the system's record id).
        entry_waiting(str): an entry saved here could not go yet; it waits
            and leaves by itself (municipality code).
        entry_needs_attention(str): the system refused an entry saved here;
            it waits in the outbox for correction (municipality code).
        entry_failed(str): saving failed, nothing was stored and the form
            keeps the text (municipality code).
        reachability_learned(str, bool): a lookup showed whether the
            municipality's system answers.
    """

    client_loaded = Signal(str)
    lookup_finished = Signal(str)
    entry_saved = Signal(str)
    entry_delivered = Signal(str, str)
    entry_waiting = Signal(str)
    entry_needs_attention = Signal(str)
    entry_failed = Signal(str)
    reachability_learned = Signal(str, bool)

    def __init__(
        self,
        context: AppContext,
        runner: TaskRunner,
        status: StatusArea,
        outbox: OutboxController,
        reachability: Callable[[str], Reachability],
        parent: QWidget | None = None,
        now: Clock = utc_now,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._runner = runner
        self._status = status
        self._outbox = outbox
        self._reachability = reachability
        self._tracked: dict[uuid.UUID, _Tracked] = {}
        self._municipality: Municipality | None = None
        self._client: ClientSummary | None = None
        # A valid code whose lookup failed because the system was down: the
        # entry may still be written for it.
        self._unlooked_hetu: Hetu | None = None
        self._lookups = Generation()

        self.search = ClientSearch(training=context.policy.training, parent=self)
        self.card = ClientCard(self)
        self.form = EntryForm(context.worker_name, self, zone=context.policy.zone, now=now)
        self.population = PopulationLookup(context.population, context.policy, runner, self)
        self.printing = EntryPrinter(context, runner, status, now, self)
        self._build_layout()

        self.search.search_requested.connect(self._search)
        self.search.invalid_submitted.connect(self._status.warning)
        self.form.save_requested.connect(self._save)
        outbox.delivery_reported.connect(self.on_delivery)
        self.form.save_refused.connect(self._status.warning)
        self.population.non_disclosure_found.connect(self._protect_address)

    def _build_layout(self) -> None:
        column = QWidget(self)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.card, 1)
        column_layout.addWidget(self.population.panel)
        column_layout.addWidget(self.printing.button)
        split = QSplitter(self)
        split.setChildrenCollapsible(False)
        split.addWidget(column)
        split.addWidget(self.form)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        # Notes for the worker above the card: the home municipality offer, office hours.
        self.notices = QVBoxLayout()
        self.notices.addWidget(self.population.offer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(self.notices)
        layout.addWidget(split, 1)

    @property
    def municipality(self) -> Municipality | None:
        return self._municipality

    @property
    def client(self) -> ClientSummary | Hetu | None:
        """The client on the card: the summary, or the identity code alone when the
        client system could not be asked (an entry may still be written for it)."""
        return self._client or self._unlooked_hetu

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
        self.population.clear()
        self.printing.forget()

    def search_for(self, hetu: Hetu) -> None:
        """Search ``hetu`` in the selected municipality, as if typed and entered."""
        self.search.field.setText(hetu.value)
        self._search(hetu)

    def _protect_address(self) -> None:
        """The population register says the address is protected: hide any shown."""
        client = self._client
        if client is not None and not client.non_disclosure:
            self._client = replace(client, non_disclosure=True, address=None)
            self.card.show_client(self._client)
        self.printing.protect()

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
        self.population.search_started(hetu, municipality)

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
        protected = summary is not None and summary.non_disclosure
        self.population.lookup_finished(summary is not None, protected)
        self.lookup_finished.emit(municipality.code)

    def _lookup_failed(self, municipality: Municipality, hetu: Hetu, error: Exception) -> None:
        entry_possible = isinstance(error, _SYSTEM_DOWN)
        if entry_possible:
            self.reachability_learned.emit(municipality.code, False)
        self._unlooked_hetu = hetu if entry_possible else None
        self.card.show_lookup_failed(hetu, entry_possible)
        self._status.error(
            messages.connector_failure(error, municipality, messages.Operation.LOOKUP)
        )
        self.population.lookup_finished(found=False)
        self.lookup_finished.emit(municipality.code)

    def _save(self, entry: DutyEntry) -> None:
        subject = self.form.subject
        assert subject is not None
        municipality = subject.municipality
        code = municipality.code
        if not self._outbox.available:
            self.form.save_failed()
            self._status.error(outbox_messages.save_refused_no_outbox(self._outbox.opening))
            self.entry_failed.emit(code)
            return
        client = self._client if subject.client_system_id is not None else None
        names = (client.first_names, client.last_name) if client is not None else (None, None)
        key = entry.idempotency_key
        # Tracked before the save starts: the sender may report the delivery
        # before the save's own callback arrives.
        self._tracked.setdefault(key, _Tracked(municipality))
        self._status.info(
            self.tr("Tallennetaan kirjausta ({where})…").format(where=messages.where(municipality))
        )
        # No staleness guard: switching is refused while saving, and the
        # outcome of a save must always be told.
        self._outbox.save_entry(
            code,
            entry,
            names,
            partial(self._saved, key, SavedEntry(entry, client, municipality)),
            partial(self._save_failed, key),
        )

    def _saved(self, key: uuid.UUID, saved: SavedEntry, item: StoredItem) -> None:
        tracked = self._tracked.get(key)
        self.form.saved()
        self.printing.remember(saved)
        if self._client is not None and self._client.non_disclosure:
            self.printing.protect()  # the register's answer may have come during the save
        self.entry_saved.emit(item.municipality)
        if tracked is None:
            return  # already delivered or refused: that message stands
        tracked.saved = True
        if tracked.told_waiting:
            return
        municipality = tracked.municipality
        if self._reachability(municipality.code) in _KNOWN_DOWN:
            # The sender may not even try now: say at once that it waits.
            self._tell_waiting(tracked)
        else:
            self._status.success(outbox_messages.saved(municipality))

    def _tell_waiting(self, tracked: _Tracked) -> None:
        tracked.told_waiting = True
        self._status.warning(outbox_messages.waiting(tracked.municipality))
        self.entry_waiting.emit(tracked.municipality.code)

    def _save_failed(self, key: uuid.UUID, error: Exception) -> None:
        tracked = self._tracked.get(key)
        municipality = tracked.municipality if tracked is not None else None
        self.form.save_failed()
        if isinstance(error, EarlierVersionKept):
            # The outbox holds this key already; its events still concern the worker.
            self._status.warning(outbox_messages.earlier_version_kept())
        else:
            if tracked is not None and not tracked.saved:
                del self._tracked[key]
            if not isinstance(error, OutboxError):
                log.error("saving an entry failed unexpectedly: %s", type(error).__name__)
            self._status.error(outbox_messages.save_failed(error))
        if municipality is not None:
            self.entry_failed.emit(municipality.code)

    def on_delivery(self, event: DeliveryEvent) -> None:
        """Tell the worker what became of an entry saved at this desk."""
        tracked = self._tracked.get(event.key)
        if tracked is None or event.kind != "entry":
            return
        municipality = tracked.municipality
        code = municipality.code
        if event.outcome is Outcome.DELIVERED and event.receipt is not None:
            del self._tracked[event.key]
            self._status.success(outbox_messages.delivered(municipality, event.receipt))
            self.entry_delivered.emit(code, event.receipt.system_record_id)
        elif event.outcome is Outcome.RETRY:
            if not tracked.told_waiting:
                self._tell_waiting(tracked)
        elif event.outcome is Outcome.ATTENTION:
            del self._tracked[event.key]
            self._status.warning(outbox_messages.needs_attention(municipality, event.error or ""))
            self.entry_needs_attention.emit(code)
