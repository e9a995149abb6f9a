"""The child welfare notification (lastensuojeluilmoitus) received by the duty.

Lastensuojelulaki 25 §: the police and others notify without delay; the duty
forwards the notification to the child protection of the child's home municipality
(:class:`NotificationService`, on the serial disk pool). The identity code is checked
while typed; where the window has the population register, it is asked for the child's
home municipality, which is preselected unless the worker chose one. A notification
the service refuses (:class:`InvalidNotification`) keeps every field; the field at
fault is highlighted and the message says what to fix. While the worker writes,
every field is kept as a draft under the notification's key (:class:`FollowUpWindow`),
which the forward's commit deletes.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.connectors.base import ChildWelfareNotification
from app.domain import clock
from app.domain.hetu import Hetu, HetuProblem, InvalidHetu, parse_hetu
from app.domain.kinds import ItemKind
from app.domain.model import ClientSummary
from app.services.context import AppContext
from app.services.followup.items import Channel, FaxDocument
from app.services.followup.notification import InvalidNotification, NotificationService
from app.services.outbox.drafts import NOTIFICATION_FORM, DraftContent, draft_time
from app.services.outbox.store import OutboxError, StoredItem
from app.ui import messages
from app.ui.focus import add_save_shortcuts
from app.ui.followup import messages as followup_messages
from app.ui.followup.fax_actions import FaxActions
from app.ui.followup.fax_panel import FaxPanel
from app.ui.followup.notification_fields import NotificationFields
from app.ui.followup.window import FollowUpWindow
from app.ui.forms import clear_invalid, mark_invalid, problem_label
from app.ui.labels import item_label_text
from app.ui.outbox.controller import OutboxController
from app.ui.outbox.drafts import DraftKeeper
from app.ui.tasks import Generation, Pool, TaskRunner
from app.ui.time_field import read_time, show_time

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NotificationPrefill:
    """What the window knows when the form opens: the selected municipality, the
    client on the card (the summary, or the identity code alone when the client system
    could not be asked) and the register's home municipality for them."""

    municipality: str | None = None
    child: ClientSummary | Hetu | None = None
    home: str | None = None

    def __repr__(self) -> str:
        return f"NotificationPrefill({self.municipality}, <redacted>)"


class NotificationForm(FollowUpWindow):
    """Non-modal; one notification, with one idempotency key for every attempt.

    Signals:
        channel_decided(str, str): how the chosen municipality takes it (code,
            :class:`Channel` value).
        home_answered(): the population register's answer (or failure) is shown.
        forwarded(object): the notification is durably in the outbox (the StoredItem).
        refused(str, str): nothing was stored, every field kept (field name or "",
            what the worker was told).
    """

    channel_decided = Signal(str, str)
    home_answered = Signal()
    forwarded = Signal(object)
    refused = Signal(str, str)

    def __init__(  # noqa: PLR0913 - the window's services, as the controller passes them
        self,
        prefill: NotificationPrefill,
        context: AppContext,
        runner: TaskRunner,
        outbox: OutboxController,
        actions: FaxActions,
        now: clock.Clock,
        parent: QWidget | None = None,
        *,
        drafts: DraftKeeper,
        key: uuid.UUID | None = None,
    ) -> None:
        super().__init__("notificationForm", context, runner, outbox, parent, drafts, key)
        self.setWindowTitle(self.tr("Lastensuojeluilmoitus"))
        self._now = now
        # Where the form was opened: the draft's municipality until one is chosen.
        self._opened_in = prefill.municipality
        self._channels = Generation()
        self._homes = Generation()
        self._asked_home: Hetu | None = None
        self._municipality_chosen = False
        self.fields = NotificationFields(context.policy, context.worker_name, self)
        self.problem = problem_label(self, "notificationProblem")
        self.fax_panel = FaxPanel(actions, self)
        self.forward_button = QPushButton(self.tr("Välitä ilmoitus (Ctrl+Enter)"), self)
        self.forward_button.setObjectName("forwardNotificationButton")
        self.forward_button.setAccessibleName(self.tr("Välitä ilmoitus"))
        self.forward_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Peruuta"), self)
        self.cancel_button.setObjectName("cancelNotificationButton")
        self.cancel_button.setAccessibleName(self.tr("Peruuta ilmoitus"))
        self._build()
        self._prefill(prefill)
        # After the prefill: what the form opened with is not an edit to keep.
        self._watch_edits()
        outbox.opened.connect(self._decide_channel)
        self._decide_channel()

    def _build(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.forward_button)
        # Tab goes as the eye reads: "Peruuta" on the left before "Välitä" on the right.
        QWidget.setTabOrder(self.cancel_button, self.forward_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.fax_panel)
        layout.addLayout(buttons)
        self.forward_button.clicked.connect(self.forward)
        self.cancel_button.clicked.connect(self.reject)
        add_save_shortcuts(self, self.forward)
        fields = self.fields
        fields.child_hetu.textChanged.connect(self._hetu_changed)
        fields.received_at.dateTimeChanged.connect(lambda _t: self._hetu_changed())
        fields.municipality.currentIndexChanged.connect(lambda _i: self._decide_channel())
        fields.municipality.activated.connect(self._municipality_activated)
        self.resize(720, 820)

    def _prefill(self, prefill: NotificationPrefill) -> None:
        fields = self.fields
        moment = self._now()
        zone = self._context.policy.zone
        show_time(fields.received_at, moment, zone)
        fields.select_municipality(prefill.municipality)
        child = prefill.child
        hetu = child.hetu if isinstance(child, ClientSummary) else child
        if hetu is not None and hetu.is_child_on(clock.local(moment, zone).date()):
            if isinstance(child, ClientSummary):
                fields.child_last_name.setText(child.last_name)
                fields.child_first_names.setText(child.first_names)
            if prefill.home is not None and fields.select_municipality(prefill.home):
                fields.home_note.setText(self._home_text(prefill.home))
                self._asked_home = hetu
            fields.child_hetu.setText(hetu.value)
            fields.notifier_person.setFocus()
        else:
            fields.child_hetu.setFocus()

    def _watch_edits(self) -> None:
        fields = self.fields
        for line in (
            fields.child_hetu,
            fields.child_last_name,
            fields.child_first_names,
            fields.notifier_organisation,
            fields.notifier_person,
            fields.notifier_phone,
        ):
            line.textChanged.connect(lambda _text: self._edited())
        fields.what_happened.textChanged.connect(self._edited)
        for combo in (
            fields.urgency,
            fields.child_told,
            fields.guardians_told,
            fields.municipality,
        ):
            combo.currentIndexChanged.connect(lambda _index: self._edited())
        fields.received_at.dateTimeChanged.connect(lambda _moment: self._edited())

    # -- the draft ----------------------------------------------------------------------

    def _draft_fields(self) -> dict[str, Any]:
        fields = self.fields
        municipality = fields.chosen_municipality()
        return {
            "child_hetu": fields.child_hetu.text(),
            "child_last_name": fields.child_last_name.text(),
            "child_first_names": fields.child_first_names.text(),
            "notifier_organisation": fields.notifier_organisation.text(),
            "notifier_person": fields.notifier_person.text(),
            "notifier_phone": fields.notifier_phone.text(),
            "what_happened": fields.what_happened.toPlainText(),
            "urgency": fields.urgency.currentData(),
            "child_told": fields.told(fields.child_told),
            "guardians_told": fields.told(fields.guardians_told),
            "received_at": self._received_at().isoformat(),
            "municipality": None if municipality is None else municipality.code,
            "municipality_chosen": self._municipality_chosen,
        }

    def _draft_content(self) -> DraftContent:
        fields = self.fields
        chosen = fields.chosen_municipality()
        # A draft names a municipality: the chosen one, else where the form was opened.
        code = chosen.code if chosen is not None else self._opened_in
        if code is None:
            code = self._context.policy.municipalities[0].code
        try:
            hetu: Hetu | None = parse_hetu(fields.child_hetu.text())
        except InvalidHetu:
            hetu = None
        name = f"{fields.child_last_name.text()} {fields.child_first_names.text()}".strip()
        return DraftContent(
            form=NOTIFICATION_FORM,
            municipality=code,
            hetu=hetu,
            fields=self._draft_fields(),
            client_name=name or None,
        )

    def _restore(self, fields: dict[str, Any]) -> None:
        form = self.fields
        received = draft_time(fields, "received_at")
        if received is not None:
            show_time(form.received_at, received, self._context.policy.zone)
        self._municipality_chosen = fields.get("municipality_chosen") is True
        code = fields.get("municipality")
        if isinstance(code, str):
            form.select_municipality(code)
        for line, name in (
            (form.child_last_name, "child_last_name"),
            (form.child_first_names, "child_first_names"),
            (form.notifier_organisation, "notifier_organisation"),
            (form.notifier_person, "notifier_person"),
            (form.notifier_phone, "notifier_phone"),
            # Last: it asks the register for the home municipality, as typing it did.
            (form.child_hetu, "child_hetu"),
        ):
            value = fields.get(name)
            if isinstance(value, str):
                line.setText(value)
        what = fields.get("what_happened")
        if isinstance(what, str):
            form.what_happened.setPlainText(what)
            form.what_happened.moveCursor(form.what_happened.textCursor().MoveOperation.End)
        for combo, name in (
            (form.urgency, "urgency"),
            (form.child_told, "child_told"),
            (form.guardians_told, "guardians_told"),
        ):
            value = fields.get(name)
            index = next((i for i in range(combo.count()) if _same(combo.itemData(i), value)), -1)
            if index >= 0:
                combo.setCurrentIndex(index)
        form.what_happened.setFocus()

    # -- the child's identity code and home municipality ------------------------------

    def _received_at(self) -> dt.datetime:
        """When the duty received it: the field's wall clock, in the policy's zone."""
        return read_time(self.fields.received_at, self._context.policy.zone)

    def _hetu_changed(self) -> None:
        fields = self.fields
        clear_invalid(fields.child_hetu)
        try:
            hetu = parse_hetu(fields.child_hetu.text())
        except InvalidHetu as invalid:
            shown = invalid.problem not in (HetuProblem.EMPTY, HetuProblem.INCOMPLETE)
            fields.show_hetu_problem(messages.hetu_problem(invalid.problem) if shown else "")
            return
        adult = self._adult_problem(hetu)
        fields.show_hetu_problem(adult or "")
        if adult is None:
            self._ask_home(hetu)

    def _adult_problem(self, hetu: Hetu) -> str | None:
        received_on = self._received_at().date()
        if hetu.is_child_on(received_on):
            return None
        return followup_messages.not_a_child(hetu.age_on(received_on))

    def _ask_home(self, hetu: Hetu) -> None:
        register = self._context.population
        if register is None or hetu == self._asked_home:
            return
        self._asked_home = hetu
        self.fields.home_note.setText(self.tr("Kysytään kotikuntaa väestötietojärjestelmästä…"))
        self._runner.run(
            lambda: register.home_municipality(hetu),
            self._home_known,
            self._home_failed,
            is_current=self._homes.guard(),
        )

    def _home_text(self, home: str | None) -> str:
        names = {m.code: m.name_fi for m in self._context.policy.municipalities}
        return followup_messages.home_municipality(home, names.get(home or ""))

    def _home_known(self, home: str | None) -> None:
        self.fields.home_note.setText(self._home_text(home))
        if home is not None and not self._municipality_chosen:
            self.fields.select_municipality(home)
        self.home_answered.emit()

    def _home_failed(self, error: Exception) -> None:
        log.info("home municipality not asked: %s", type(error).__name__)
        self.fields.home_note.setText(followup_messages.home_not_asked())
        self.home_answered.emit()

    def _municipality_activated(self, _index: int) -> None:
        self._municipality_chosen = True

    # -- channel ------------------------------------------------------------------------

    def _decide_channel(self) -> None:
        self._channels.advance()
        municipality = self.fields.chosen_municipality()
        sending = self._outbox.sending
        label = self.fields.channel
        if municipality is None:
            label.setText("")
            return
        if sending is None:
            label.setText(self.tr("Selviää, kun lähtevät ovat auki."))
            return
        label.setText(self.tr("Tarkistetaan lähetystapaa…"))
        service = NotificationService(sending, self._context.workstation)
        code = municipality.code
        self._runner.run(
            lambda: service.channel(code),
            lambda channel: self._channel_known(code, channel),
            self._channel_failed,
            is_current=self._channels.guard(),
        )

    def _channel_known(self, code: str, channel: Channel) -> None:
        municipality = self._context.policy.municipality(code)
        self.fields.channel.setText(followup_messages.channel_text(channel, municipality))
        self.channel_decided.emit(code, channel.value)

    def _channel_failed(self, error: Exception) -> None:
        log.warning("notification channel not decided: %s", type(error).__name__)
        self.fields.channel.setText(followup_messages.channel_unknown())

    # -- forwarding ---------------------------------------------------------------------

    def save_now(self) -> None:
        self.forward()

    def forward(self) -> None:
        if self._saving or self.item is not None:
            return
        self.fields.clear_marks()
        notification = self._build_notification()
        if notification is None:
            return
        municipality = self.fields.chosen_municipality()
        if municipality is None:
            self._refuse("municipality", self.tr("Valitse lapsen kotikunta."))
            return
        sending = self._outbox.sending
        if sending is None:
            self._refuse("", followup_messages.outbox_not_open(self._outbox.opening))
            return
        service = NotificationService(sending, self._context.workstation)
        code = municipality.code
        self._set_saving(True)
        self._save_started()
        key = self._key
        # Asked in the background: without a sign-in the save fails there and says so.
        author_of = self._context.author
        # No staleness guard: the outcome of a save must always be told.
        self._runner.run(
            lambda: service.forward(code, notification, saved_by=author_of(code), draft_key=key),
            self._forwarded,
            self._failed,
            pool=Pool.DISK,
        )

    def _build_notification(self) -> ChildWelfareNotification | None:
        fields = self.fields
        problem = fields.received_at.problem()
        if problem:
            self._refuse("received_at", problem)
            return None
        try:
            hetu = parse_hetu(fields.child_hetu.text())
        except InvalidHetu as invalid:
            self._refuse("child_hetu", messages.hetu_problem(invalid.problem))
            return None
        urgency = fields.chosen_urgency()
        if urgency is None:
            self._refuse("urgency", self.tr("Valitse, onko ilmoitus kiireellinen."))
            return None
        return ChildWelfareNotification(
            child_hetu=hetu,
            child_last_name=fields.child_last_name.text().strip(),
            child_first_names=fields.child_first_names.text().strip(),
            notifier_organisation=fields.notifier_organisation.text().strip(),
            notifier_person=fields.notifier_person.text().strip(),
            notifier_phone=fields.notifier_phone.text().strip(),
            what_happened=fields.what_happened.toPlainText().strip(),
            urgency=urgency,
            child_informed=fields.told(fields.child_told),
            guardians_informed=fields.told(fields.guardians_told),
            received_at=self._received_at(),
            receiving_worker=self._context.worker_name,
            idempotency_key=self._key,
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.forward_button.setEnabled(not saving)
        self.fields.setEnabled(not saving)
        if saving:
            self.problem.setVisible(False)

    def _refuse(self, field: str, problem: str) -> None:
        self._tell(problem)
        widget = self.fields.widget_for(field)
        if widget is not None:
            mark_invalid(widget, problem)
        self.refused.emit(field, problem)

    def _forwarded(self, item: StoredItem) -> None:
        self._saving = False
        self.item = item
        self.forward_button.setVisible(False)
        self.cancel_button.setText(self.tr("Sulje"))
        self._saved_away()
        self.forwarded.emit(item)
        municipality = self._context.policy.municipality(item.municipality)
        if item.kind is ItemKind.FAX:
            what = self.tr("Lastensuojeluilmoitus: {label}").format(
                label=item_label_text(item.label)
            )
            self.fax_panel.show_item(item.id, what, municipality, FaxDocument.NOTIFICATION)
        else:
            self.dispose()

    def _failed(self, error: Exception) -> None:
        self._set_saving(False)
        self._save_ended()
        if isinstance(error, InvalidNotification):
            self._refuse(error.field, self._invalid_text(error))
        elif isinstance(error, OutboxError):
            self._refuse("", followup_messages.save_failed(error))
        else:
            log.error("forwarding a notification failed: %s", type(error).__name__)
            self._refuse("", followup_messages.save_failed(error))

    def _invalid_text(self, error: InvalidNotification) -> str:
        if error.field == "child_hetu":
            try:
                problem = self._adult_problem(parse_hetu(self.fields.child_hetu.text()))
            except InvalidHetu:
                problem = None
            if problem is not None:
                return problem
        return followup_messages.invalid_notification(error.field)

    # -- closing ------------------------------------------------------------------------

    def _has_unsaved_text(self) -> bool:
        return self.item is None and self.fields.has_text()

    def _closing_texts(self) -> tuple[str, str, str]:
        return (
            self.tr("Ilmoitusta tallennetaan. Odota hetki."),
            self.tr("Hylätäänkö ilmoitus?"),
            self.tr("Ilmoitusta ei ole välitetty. Hylätäänkö kirjoitetut tiedot?"),
        )

    def _generations(self) -> list[Generation]:
        return [self._channels, self._homes]


def _same(data: object, value: object) -> bool:
    """A combo item's data is the draft's value: True is not 1, None is "not known"."""
    return type(data) is type(value) and data == value
