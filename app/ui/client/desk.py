"""The duty desk: search, client card and entry form for one municipality.

The desk holds the only reference to the client's summary. Changing the
municipality or starting another search drops it, empties the card and the
form, and makes any lookup still on its way stale, so its result is never
shown. The population register's answers (:mod:`app.ui.client.population`) and the
entry saved last, kept for printing (:mod:`app.ui.printing.entry`), go with it.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.connectors import errors
from app.connectors.base import Capability
from app.domain.access import AccessAction
from app.domain.clock import Clock, local, utc_now
from app.domain.hetu import Hetu, InvalidHetu, parse_hetu
from app.domain.kinds import ItemKind
from app.domain.model import ClientSummary, DutyEntry, PersonDetails
from app.domain.policy import Municipality
from app.services.connectivity import Reachability
from app.services.context import AppContext
from app.services.outbox.delivery import DeliveryEvent, Outcome
from app.services.outbox.store import OutboxError, StoredItem
from app.ui import messages
from app.ui.access import AccessTrail
from app.ui.client.card import ClientCard
from app.ui.client.entry_drafts import EntryDrafts
from app.ui.client.entry_form import EntryForm, EntrySubject, FieldLimits
from app.ui.client.person_dialog import PersonDialog
from app.ui.client.population import PopulationLookup
from app.ui.client.search import ClientSearch
from app.ui.message_bar import MessageBridge
from app.ui.outbox import messages as outbox_messages
from app.ui.outbox.controller import EarlierVersionKept, OutboxController
from app.ui.outbox.drafts import DraftKeeper
from app.ui.printing.entry import EntryPrinter, SavedEntry
from app.ui.tasks import Generation, TaskRunner
from app.ui.unsaved import Asker, Choice, ask

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
        client_left(): the card was emptied because the identity code field
            no longer names its client.
    """

    client_loaded = Signal(str)
    lookup_finished = Signal(str)
    entry_saved = Signal(str)
    entry_delivered = Signal(str, str)
    entry_waiting = Signal(str)
    entry_needs_attention = Signal(str)
    entry_failed = Signal(str)
    reachability_learned = Signal(str, bool)
    client_left = Signal()

    def __init__(
        self,
        context: AppContext,
        runner: TaskRunner,
        status: MessageBridge,
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
        # Municipalities whose last delivery attempt had to wait (retry later).
        self._retrying: set[str] = set()
        self._municipality: Municipality | None = None
        self._client: ClientSummary | None = None
        # A valid code whose lookup failed because the system was down: the
        # entry may still be written for it.
        self._unlooked_hetu: Hetu | None = None
        # A valid code the system answered it does not know: offered as a new client.
        self._absent_hetu: Hetu | None = None
        # A new client or a person with no identity code, as the worker confirmed them.
        self._person: tuple[Hetu | None, PersonDetails] | None = None
        self._lookups = Generation()
        # What to do once the open entry is saved (the worker chose "Tallenna" when asked).
        self._after_save: Callable[[], None] | None = None
        # A draft to continue once its client's lookup ends.
        self._resume: uuid.UUID | None = None
        # "New client" chosen before the register's details came: asked when they do.
        self._person_wanted: Hetu | None = None
        # Tests answer the unsaved-text question through this; the window asks modally.
        self.ask: Asker = ask

        self.search = ClientSearch(training=context.policy.training, parent=self)
        self.card = ClientCard(self)
        self.form = EntryForm(context.worker_name, self, zone=context.policy.zone, now=now)
        self.population = PopulationLookup(context.population, context.policy, runner, self)
        # Every search, card view, entry and print goes to the registrar's access log.
        self.access = AccessTrail(context, outbox, now, self)
        self.printing = EntryPrinter(context, runner, status, now, self, access=self.access)
        self.draft_keeper = DraftKeeper(outbox, now, self, author=context.author)
        self.drafts = EntryDrafts(self.form, self.draft_keeper, outbox, self)
        self._now = now
        self._build_layout()

        self.search.search_requested.connect(self._search)
        self.search.invalid_submitted.connect(self._status.warning)
        self.search.field.textEdited.connect(self._code_edited)
        self.form.save_requested.connect(self._save)
        self.form.cancel_requested.connect(self.cancel_entry)
        outbox.delivery_reported.connect(self.on_delivery)
        self.form.save_refused.connect(self._save_refused)
        self.population.non_disclosure_found.connect(self._protect_address)
        self.population.record_shown.connect(self._record_arrived)
        self.population.answered.connect(self._register_answered)
        self.card.new_client_requested.connect(self.new_client)
        self.draft_keeper.draft_failed.connect(self._status.warning)

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
        client system could not be asked or does not know the person yet."""
        if self._client is not None:
            return self._client
        if self._person is not None and self._person[0] is not None:
            return self._person[0]
        return self._unlooked_hetu

    def new_client_person(self) -> PersonDetails | None:
        """The details of the person on the card written for as a new client, if one is."""
        if self._client is None and self._person is not None and self._person[0] is not None:
            return self._person[1]
        return None

    def card_code(self) -> str | None:
        """The identity code the card is about; '' for a person with no code; None: empty."""
        if self._client is not None:
            return self._client.hetu.value
        if self._person is not None:
            hetu = self._person[0]
            return hetu.value if hetu is not None else ""
        for hetu in (self._unlooked_hetu, self._absent_hetu):
            if hetu is not None:
                return hetu.value
        return None

    def entry_subject(self) -> EntrySubject | None:
        """Whom an entry written now would be about, or None (nobody, or not a client)."""
        municipality = self._municipality
        if municipality is None:
            return None
        if self._client is not None:
            client = self._client
            return EntrySubject(client.hetu, municipality, client.ref.system_id, client.full_name)
        if self._person is not None:
            hetu, person = self._person
            return EntrySubject(hetu, municipality, None, person.full_name, person)
        if self._unlooked_hetu is not None:
            record = self.population.record(self._unlooked_hetu)
            name = f"{record.last_name} {record.first_names}" if record is not None else None
            return EntrySubject(self._unlooked_hetu, municipality, None, name)
        return None

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
        """Open the entry form for the client on the card, focus in the narrative; a draft
        kept for that client continues where it was left."""
        if self.form.is_open():
            self.form.focus_narrative()
            return
        municipality = self._municipality
        if municipality is None:
            self._status.warning(messages.no_municipality())
            return
        subject = self.entry_subject()
        if subject is None:
            if self._absent_hetu is not None:
                self._status.info(messages.not_a_client_yet())
            else:
                self._status.info(self.tr("Hae ensin asiakas henkilötunnuksella (Ctrl+F)."))
            return
        self.form.set_limits(self._limits(municipality))
        draft = self.drafts.for_client(municipality.code, subject.hetu)
        if draft is None:
            self.form.open_for(subject)
            return
        key, content = draft
        self.form.open_for(subject, key=key)
        self.form.restore_fields(content.fields)
        self._status.info(self.tr("Luonnos palautettu: jatka kirjoittamista."))

    def _limits(self, municipality: Municipality) -> FieldLimits:
        """The selected system's declared limits (no network call)."""
        declared = self._context.workstation.field_limits(municipality.code)
        return FieldLimits(narrative=declared.narrative, measures=declared.measures)

    def _today(self) -> dt.date:
        return local(self._now(), self._context.policy.zone).date()

    def new_client(self) -> None:
        """Ctrl+Shift+N on a person the system does not know: write for them as a new
        client, with the population register's details."""
        hetu = self._absent_hetu
        municipality = self._municipality
        if hetu is None or municipality is None:
            self._status.info(
                self.tr(
                    "Uusi asiakas: hae ensin henkilötunnuksella henkilö, joka ei ole "
                    "kunnan asiakas."
                )
            )
            return
        record = self.population.record(hetu)
        if record is None and self.population.ask_record():
            # The register is asked now; the details are confirmed once it answers.
            self._person_wanted = hetu
            self._status.info(self.tr("Haetaan henkilön tietoja väestötietojärjestelmästä…"))
            return
        self._ask_person(hetu, record.person_details() if record is not None else None)

    def _register_answered(self) -> None:
        if self._person_wanted is None or self.population.record_pending():
            return
        hetu, self._person_wanted = self._person_wanted, None
        if hetu is None or self._absent_hetu is None or self._absent_hetu.value != hetu.value:
            return
        record = self.population.record(hetu)
        self._ask_person(hetu, record.person_details() if record is not None else None)

    def person_without_code(self) -> None:
        """A person with no Finnish identity code: recorded with what is known."""
        if self._municipality is None:
            self._status.warning(messages.no_municipality())
            return
        self.settle_form(
            self.tr("Henkilö ilman henkilötunnusta korvaa kortin asiakkaan."),
            lambda: self._ask_person(None, None),
        )

    def _ask_person(self, hetu: Hetu | None, known: PersonDetails | None) -> None:
        dialog = PersonDialog(hetu, known, self._today(), self.window())
        accepted = dialog.exec() == PersonDialog.DialogCode.Accepted
        self.window().activateWindow()
        if not accepted:
            return
        person = dialog.person()
        if hetu is None:
            self._forget_client()
            self.search.clear()
        self._absent_hetu = None
        self._person = (hetu, person)
        self.card.show_person(person, hetu)
        self.new_entry()

    def _forget_client(self) -> None:
        self._lookups.advance()
        self._client = None
        self._unlooked_hetu = None
        self._absent_hetu = None
        self._person = None
        self._resume = None
        self._person_wanted = None
        self.card.clear_client()
        self.form.close_form()
        self.population.clear()
        self.printing.forget()

    # -- the code field and unsaved text ---------------------------------------------

    def _code_edited(self, text: str) -> None:
        """Any edit that does not name the card's client empties the card; an open entry
        with text is asked about first."""
        shown = self.card_code()
        if shown is None:
            return
        try:
            typed = parse_hetu(text).value
        except InvalidHetu:
            typed = None
        if shown and typed == shown:
            return
        if self.form.saving:
            self._restore_code(shown)
            self._status.info(self.tr("Odota: kirjausta tallennetaan."))
            return

        def leave() -> None:
            self._forget_client()
            self.search.field.setText(text)
            self._status.info(
                self.tr("Henkilötunnus muuttui: kortti tyhjennettiin. Hae Enterillä.")
            )
            self.client_left.emit()

        why = self.tr("Henkilötunnus-kenttään kirjoitettiin toinen tunnus.")
        # The question concerns the card's client: the field shows its code meanwhile.
        self._restore_code(shown)
        if self.settle_form(why, leave):
            return
        if self._after_save is None:
            self.search.focus()

    def _restore_code(self, code: str) -> None:
        field = self.search.field
        position = field.cursorPosition()
        field.setText(code)
        field.setCursorPosition(min(position, len(code)))

    def settle_form(self, why: str, then: Callable[[], None]) -> bool:
        """Before text would leave the screen: ask, act on the answer, and run ``then``.

        True when ``then`` ran now; False when the worker cancelled, or chose to save
        (``then`` runs once the save lands) or a save is already under way.
        """
        form = self.form
        if form.saving:
            self._status.info(self.tr("Odota: kirjausta tallennetaan."))
            return False
        if not form.has_unsaved_text():
            form.close_form()
            then()
            return True
        subject = form.subject
        assert subject is not None
        choice = self.ask(self.window(), subject.who, why)
        if choice is Choice.SAVE:
            self._after_save = then
            form.request_save()
            if not form.saving:  # refused as it is: the text stays, nothing else happens
                self._after_save = None
            return False
        if choice is Choice.KEEP_DRAFT:
            if not self._outbox.available:
                self._status.error(outbox_messages.save_refused_no_outbox(self._outbox.opening))
                return False
            self.drafts.keep_now()
            form.close_form()
            self._status.info(
                self.tr("Luonnos säilytetty salattuna. Se tarjotaan, kun haet asiakkaan.")
            )
        elif choice is Choice.DISCARD:
            self.drafts.discard()
            form.close_form()
        else:
            return False
        then()
        return True

    def cancel_entry(self) -> None:
        """Peruuta on the form: asks when there is text."""
        self.settle_form(self.tr("Kirjaus suljetaan."), self.focus_search)

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
        if self.form.is_open():
            # The open entry belongs to the client on the card; a new search
            # would either lose the text or send it about the wrong person.
            self.settle_form(
                self.tr("Uusi haku sulkee avoimen kirjauksen."), lambda: self._search(hetu)
            )
            return
        resume = self._resume
        self._forget_client()
        self._resume = resume
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
        self.access.record(municipality.code, AccessAction.SEARCH, hetu)
        if summary is None:
            can_open = self._context.workstation.supports(municipality.code, Capability.OPEN_CLIENT)
            self._absent_hetu = hetu if can_open else None
            self.card.show_not_found(hetu, can_open)
            self._status.warning(messages.not_found(municipality, can_open))
        else:
            self._client = summary
            self.card.show_client(summary)
            self.access.record(municipality.code, AccessAction.VIEW, hetu)
            self._status.info(
                self.tr("Asiakastiedot haettu ({where}).").format(
                    where=messages.where(municipality)
                )
            )
            self.client_loaded.emit(municipality.code)
        protected = summary is not None and summary.non_disclosure
        self.population.lookup_finished(summary is not None, protected)
        self.lookup_finished.emit(municipality.code)
        self._resume_draft(hetu)

    def continue_draft(self, key: uuid.UUID) -> None:
        """Continue a kept draft: search its client in the selected municipality (the
        caller selected the draft's), then open the form with the draft's text."""
        content = self.drafts.content(key)
        if content is None:
            return
        if content.hetu is None:
            self._forget_client()
            if content.person is not None:
                self._person = (None, content.person)
                self.card.show_person(content.person, None)
                self._open_draft(key)
            return
        self._resume = key
        self.search.field.setText(content.hetu.value)
        self._search(content.hetu)

    def _resume_draft(self, hetu: Hetu) -> None:
        key, self._resume = self._resume, None
        content = self.drafts.content(key) if key is not None else None
        if key is None or content is None or content.hetu is None:
            return
        if content.hetu.value != hetu.value:
            return
        if self._absent_hetu is not None and content.person is not None:
            self._absent_hetu = None
            self._person = (hetu, content.person)
            self.card.show_person(content.person, hetu)
        self._open_draft(key)

    def _open_draft(self, key: uuid.UUID) -> None:
        subject = self.entry_subject()
        content = self.drafts.content(key)
        if subject is None or content is None:
            self._status.info(messages.not_a_client_yet())
            return
        if self._municipality is not None:
            self.form.set_limits(self._limits(self._municipality))
        self.form.open_for(subject, key=key)
        self.form.restore_fields(content.fields)
        self._status.info(self.tr("Luonnos palautettu: jatka kirjoittamista."))

    def _lookup_failed(self, municipality: Municipality, hetu: Hetu, error: Exception) -> None:
        entry_possible = isinstance(error, _SYSTEM_DOWN)
        if entry_possible:
            self.reachability_learned.emit(municipality.code, False)
        self._unlooked_hetu = hetu if entry_possible else None
        failure = messages.connector_failure(error, municipality, messages.Operation.LOOKUP)
        self.card.show_lookup_failed(hetu, entry_possible, reason=failure)
        self._status.error(failure)
        self.population.lookup_finished(found=False, failed=True)
        self.lookup_finished.emit(municipality.code)
        if entry_possible:
            self._resume_draft(hetu)

    def _record_arrived(self) -> None:
        """The register's record came: an un-looked-up client's card shows its name."""
        hetu = self._unlooked_hetu
        record = self.population.record(hetu) if hetu is not None else None
        if hetu is not None and record is not None and self._client is None:
            self.card.show_lookup_failed(hetu, True, record.person_details())

    def system_down(self, code: str, value: str) -> None:
        """The monitor learned municipality ``code``'s state: when the system is known to
        be down, an entry saved for it waits (the sender leaves it alone meanwhile, so no
        delivery attempt would tell the worker)."""
        if Reachability(value) not in _KNOWN_DOWN:
            return
        for waiting in list(self._tracked.values()):
            if waiting.municipality.code == code and waiting.saved and not waiting.told_waiting:
                self._tell_waiting(waiting)

    def system_back(self, code: str) -> None:
        """The municipality's system answers again: a client it could not be asked about
        is looked up by itself; an open form keeps its text."""
        municipality = self._municipality
        hetu = self._unlooked_hetu
        if municipality is None or municipality.code != code or hetu is None:
            return
        workstation = self._context.workstation
        self._runner.run(
            lambda: workstation.lookup(code, hetu),
            partial(self._relooked, municipality, hetu),
            lambda _error: None,
            is_current=self._lookups.guard(),
        )

    def _relooked(
        self, municipality: Municipality, hetu: Hetu, summary: ClientSummary | None
    ) -> None:
        if self._unlooked_hetu is None or self._unlooked_hetu.value != hetu.value:
            return
        if summary is None:
            return  # the worker searches again to see "not a client"; the form stays
        self._unlooked_hetu = None
        self._client = summary
        self.card.show_client(summary)
        # Looked up by itself when the system came back: a search and a view all the same.
        self.access.record(municipality.code, AccessAction.SEARCH, hetu)
        self.access.record(municipality.code, AccessAction.VIEW, hetu)
        self.client_loaded.emit(municipality.code)
        if summary.non_disclosure:
            self.population.mark_protected()
            self.printing.protect()

    def _save(self, entry: DutyEntry) -> None:
        subject = self.form.subject
        assert subject is not None
        municipality = subject.municipality
        code = municipality.code
        problem = self._subject_problem(subject)
        if problem:
            self.form.save_failed()
            self._after_save = None
            self._status.error(problem)
            self.entry_failed.emit(code)
            return
        if not self._outbox.available:
            self.form.save_failed()
            self._status.error(outbox_messages.save_refused_no_outbox(self._outbox.opening))
            self.entry_failed.emit(code)
            return
        client = self._client if subject.client_system_id is not None else None
        person = subject.person
        names = (client.first_names, client.last_name) if client is not None else (None, None)
        if person is not None:
            names = (person.first_names, person.last_name)
        key = entry.idempotency_key
        self.drafts.saving()
        if subject.hetu is not None and subject.person is None and client is None:
            record = self.population.record(subject.hetu)
            person = record.person_details() if record is not None else None
        # Tracked before the save starts: the sender may report the delivery
        # before the save's own callback arrives.
        self._tracked.setdefault(key, _Tracked(municipality))
        self._status.info(
            self.tr("Tallennetaan kirjausta ({where})…").format(where=messages.where(municipality))
        )
        try:
            saved_by = self._context.author(code)
        except errors.SignInRequired as error:
            # No one signed in to record it as: the text stays in the form (and its draft).
            self._save_failed(key, error)
            return
        # No staleness guard: switching is refused while saving, and the
        # outcome of a save must always be told.
        self._outbox.save_entry(
            code,
            entry,
            names,
            partial(self._saved, key, SavedEntry(entry, client, municipality, person)),
            partial(self._save_failed, key),
            saved_by=saved_by,
        )

    def _subject_problem(self, subject: EntrySubject) -> str:
        """Why the entry must not be saved for ``subject`` now: the field or the card
        names someone else. Empty when it is still the one on both."""
        on_card = self.entry_subject()
        same_card = on_card is not None and on_card.hetu == subject.hetu
        if subject.hetu is None:
            same_field = same_card and not self.search.field.text().strip()
        else:
            typed = self.search.current()
            same_field = typed is not None and typed.value == subject.hetu.value
        if same_card and same_field:
            return ""
        return self.tr(
            "Kirjausta ei tallennettu: henkilötunnus-kentässä tai kortilla on eri henkilö kuin "
            "kirjauksessa ({who}). Teksti on tallessa lomakkeella; palauta oikea tunnus kenttään "
            "tai hae asiakas uudelleen."
        ).format(who=subject.who)

    def _save_refused(self, text: str) -> None:
        self._after_save = None
        self._status.warning(text)

    def _saved(self, key: uuid.UUID, saved: SavedEntry, item: StoredItem) -> None:
        tracked = self._tracked.get(key)
        self.drafts.saved(key)
        self.form.saved()
        after, self._after_save = self._after_save, None
        if after is not None:
            after()
        else:
            self.search.focus()
        self.printing.remember(saved)
        self.access.record(item.municipality, AccessAction.ENTRY, saved.entry.hetu)
        if self._client is not None and self._client.non_disclosure:
            self.printing.protect()  # the register's answer may have come during the save
        self.entry_saved.emit(item.municipality)
        if tracked is None:
            return  # already delivered or refused: that message stands
        tracked.saved = True
        if tracked.told_waiting:
            return
        municipality = tracked.municipality
        down = self._reachability(municipality.code) in _KNOWN_DOWN
        if down or municipality.code in self._retrying:
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
        self._after_save = None
        self.drafts.save_failed()
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
        if event.outcome is Outcome.DELIVERED:
            self._retrying.discard(event.municipality)
        if event.outcome is Outcome.RETRY:
            # The system is not taking deliveries: an entry saved here for it waits too,
            # even when an earlier item of its line (an access event, say) was the one tried.
            self._retrying.add(event.municipality)
            for waiting in list(self._tracked.values()):
                same_system = waiting.municipality.code == event.municipality
                if same_system and waiting.saved and not waiting.told_waiting:
                    self._tell_waiting(waiting)
        tracked = self._tracked.get(event.key)
        if tracked is None or event.kind is not ItemKind.ENTRY:
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
