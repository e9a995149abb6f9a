"""Handing the client on the card over to the municipality's office-hours worker.

The channel is the connector's declared capability (:meth:`HandoffService.channel`),
asked off the GUI thread when the dialog opens: internal mail where the system has
it, otherwise a fax and a phone call. Saving puts the handoff in the outbox on the
serial disk pool; the dialog's idempotency key makes saving twice harmless. Mail then
leaves by itself and the dialog closes; a fax stays open in the dialog with the
phone-call note, "Tulosta faksi" and "Merkitse lähetetyksi…" (:class:`FaxPanel`).
While the worker writes, the text is kept as a draft under the handoff's key
(:class:`FollowUpWindow`); the save's commit deletes it, mail or fax.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.hetu import Hetu
from app.domain.kinds import ItemKind
from app.domain.model import ClientSummary, PersonDetails
from app.domain.policy import Municipality
from app.services.context import AppContext
from app.services.documents.titles import NAME_NOT_KNOWN
from app.services.documents.wording import CONTEXT, translate
from app.services.followup.handoff import (
    HandoffService,
    MissingAuthor,
    MissingText,
)
from app.services.followup.items import Channel, FaxDocument
from app.services.outbox.drafts import HANDOFF_FORM, DraftContent
from app.services.outbox.store import OutboxError, StoredItem
from app.ui.focus import add_save_shortcuts, focus_first
from app.ui.followup import messages as followup_messages
from app.ui.followup.fax_actions import FaxActions
from app.ui.followup.fax_panel import FaxPanel
from app.ui.followup.window import FollowUpWindow
from app.ui.forms import clear_invalid, mark_invalid, problem_label
from app.ui.labels import item_label_text
from app.ui.messages import where
from app.ui.outbox.controller import OutboxController
from app.ui.outbox.drafts import DraftKeeper
from app.ui.tasks import Generation, Pool, TaskRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HandoffSubject:
    """Whom the handoff is about: the card's summary, or the identity code alone when
    the client system could not be asked."""

    municipality: Municipality
    client: ClientSummary | Hetu
    # A person not yet a client of the municipality (written for as a new client):
    # the mail opens the client with these details.
    person: PersonDetails | None = None

    @property
    def hetu(self) -> Hetu:
        return self.client.hetu if isinstance(self.client, ClientSummary) else self.client

    @property
    def name(self) -> str:
        if isinstance(self.client, ClientSummary):
            return self.client.full_name
        if self.person is not None:
            return self.person.full_name
        return translate(CONTEXT, NAME_NOT_KNOWN)

    def __repr__(self) -> str:
        return f"HandoffSubject({self.municipality.code}, <redacted>)"


class HandoffDialog(FollowUpWindow):
    """Non-modal: the worker may keep reading the card while writing.

    Signals:
        channel_decided(str): the channel is known (a :class:`Channel` value).
        saved(object): the handoff is durably in the outbox (the StoredItem).
        save_failed(str): nothing was stored and the text stays; why.
    """

    channel_decided = Signal(str)
    saved = Signal(object)
    save_failed = Signal(str)

    def __init__(  # noqa: PLR0913 - the window's services, as the controller passes them
        self,
        subject: HandoffSubject,
        context: AppContext,
        runner: TaskRunner,
        outbox: OutboxController,
        actions: FaxActions,
        parent: QWidget | None = None,
        *,
        drafts: DraftKeeper,
        key: uuid.UUID | None = None,
    ) -> None:
        super().__init__("handoffDialog", context, runner, outbox, parent, drafts, key)
        self.subject = subject
        self._generation = Generation()
        self.channel: Channel | None = None
        self._build(actions)
        # Tab goes as the eye reads: "Peruuta" on the left before "Tallenna" on the right.
        QWidget.setTabOrder(self.cancel_button, self.save_button)
        self.text.textChanged.connect(self._edited)
        self.follow_up.textChanged.connect(self._edited)
        outbox.opened.connect(self._decide_channel)
        self._decide_channel()

    def _build(self, actions: FaxActions) -> None:
        municipality = self.subject.municipality
        self.setWindowTitle(
            self.tr("Siirto virka-aikaiselle – {name}").format(name=municipality.name_fi)
        )
        self.subject_label = QLabel(
            self.tr("Asiakas: {name}, {hetu} – {where}").format(
                name=self.subject.name, hetu=self.subject.hetu.value, where=where(municipality)
            ),
            self,
        )
        self.subject_label.setObjectName("handoffSubject")
        self.recipient_label = QLabel(municipality.office_hours.unit, self)
        self.channel_label = QLabel(self.tr("Tarkistetaan lähetystapaa…"), self)
        self.channel_label.setObjectName("handoffChannel")
        self.channel_label.setAccessibleName(self.tr("Lähetystapa"))
        for label in (self.subject_label, self.recipient_label, self.channel_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("handoffText")
        self.text.setAccessibleName(self.tr("Mitä tapahtui"))
        self.text.setTabChangesFocus(True)
        self.follow_up = QPlainTextEdit(self)
        self.follow_up.setObjectName("handoffFollowUp")
        self.follow_up.setAccessibleName(self.tr("Tarvittavat jatkotoimet"))
        self.follow_up.setTabChangesFocus(True)
        self.follow_up.setMaximumHeight(110)
        self.problem = problem_label(self, "handoffProblem")
        self.fax_panel = FaxPanel(actions, self)
        self.save_button = QPushButton(self.tr("Tallenna siirto (Ctrl+Enter)"), self)
        self.save_button.setObjectName("saveHandoffButton")
        self.save_button.setAccessibleName(self.tr("Tallenna siirto"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Peruuta"), self)
        self.cancel_button.setObjectName("cancelHandoffButton")
        self.cancel_button.setAccessibleName(self.tr("Peruuta siirto"))
        form = QFormLayout()
        form.addRow(self.tr("Vastaanottaja:"), self.recipient_label)
        form.addRow(self.tr("Lähetystapa:"), self.channel_label)
        form.addRow(self.tr("&Mitä tapahtui:"), self.text)
        form.addRow(self.tr("&Jatkotoimet:"), self.follow_up)
        form.addRow(self.tr("Siirtäjä:"), QLabel(self._context.worker_name, self))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject_label)
        layout.addLayout(form, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.fax_panel)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        add_save_shortcuts(self, self.save)
        self.text.textChanged.connect(lambda: clear_invalid(self.text))
        focus_first(self.text)
        self.resize(640, 560)

    def save_now(self) -> None:
        self.save()

    def _restore(self, fields: dict[str, Any]) -> None:
        for edit, name in ((self.text, "text"), (self.follow_up, "follow_up")):
            value = fields.get(name)
            if isinstance(value, str):
                edit.setPlainText(value)
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def _draft_content(self) -> DraftContent:
        client = self.subject.client
        summary = client if isinstance(client, ClientSummary) else None
        return DraftContent(
            form=HANDOFF_FORM,
            municipality=self.subject.municipality.code,
            hetu=self.subject.hetu,
            fields={"text": self.text.toPlainText(), "follow_up": self.follow_up.toPlainText()},
            client_name=None if summary is None else summary.full_name,
            client_system_id=None if summary is None else summary.ref.system_id,
        )

    def _has_unsaved_text(self) -> bool:
        written = self.text.toPlainText().strip() or self.follow_up.toPlainText().strip()
        return self.item is None and bool(written)

    def _decide_channel(self) -> None:
        sending = self._outbox.sending
        if self.channel is not None or sending is None:
            if sending is None:
                self.channel_label.setText(self.tr("Selviää, kun lähtevät ovat auki."))
            return
        service = HandoffService(sending, self._context.workstation)
        code = self.subject.municipality.code
        self._runner.run(
            lambda: service.channel(code),
            self._channel_known,
            self._channel_failed,
            is_current=self._generation.guard(),
        )

    def _channel_known(self, channel: Channel) -> None:
        self.channel = channel
        self.channel_label.setText(
            followup_messages.channel_text(channel, self.subject.municipality)
        )
        self.channel_decided.emit(channel.value)

    def _channel_failed(self, error: Exception) -> None:
        log.warning("handoff channel not decided: %s", type(error).__name__)
        self.channel_label.setText(followup_messages.channel_unknown())

    def save(self) -> None:
        if self._saving or self.item is not None:
            return
        text, follow_up = self.text.toPlainText(), self.follow_up.toPlainText()
        if not text.strip():
            self._refuse(self.tr("Kirjoita, mitä tapahtui: siirto tarvitsee tekstin."), self.text)
            return
        sending = self._outbox.sending
        if sending is None:
            self._refuse(followup_messages.outbox_not_open(self._outbox.opening))
            return
        service = HandoffService(sending, self._context.workstation)
        code, client, key = self.subject.municipality.code, self.subject.client, self._key
        author = self._context.worker_name
        # Asked in the background: without a sign-in the save fails there and says so.
        author_of = self._context.author
        self._set_saving(True)
        self._save_started()
        # No staleness guard: the outcome of a save must always be told.
        self._runner.run(
            lambda: service.hand_over(
                code,
                client,
                text,
                follow_up,
                author,
                saved_by=author_of(code),
                key=key,
                person=self.subject.person,
            ),
            self._saved,
            self._failed,
            pool=Pool.DISK,
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        self.text.setReadOnly(saving)
        self.follow_up.setReadOnly(saving)
        if saving:
            self.problem.setVisible(False)
            self.save_button.setText(self.tr("Tallennetaan…"))
        else:
            self.save_button.setText(self.tr("Tallenna siirto (Ctrl+Enter)"))

    def _refuse(self, problem: str, field: QWidget | None = None) -> None:
        self._tell(problem)
        if field is not None:
            mark_invalid(field, problem)
        self.save_failed.emit(problem)

    def _saved(self, item: StoredItem) -> None:
        self._saving = False
        self.item = item
        self.save_button.setVisible(False)
        self.text.setReadOnly(True)
        self.follow_up.setReadOnly(True)
        self.cancel_button.setText(self.tr("Sulje"))
        self._saved_away()
        self.saved.emit(item)
        if item.kind is ItemKind.FAX:
            what = self.tr("Siirto: {label}").format(label=item_label_text(item.label))
            municipality = self.subject.municipality
            self.fax_panel.show_item(item.id, what, municipality, FaxDocument.HANDOFF)
        else:
            self.dispose()

    def _failed(self, error: Exception) -> None:
        self._set_saving(False)
        self._save_ended()
        if isinstance(error, OutboxError):
            self._refuse(followup_messages.save_failed(error))
        elif isinstance(error, MissingText):
            self._refuse(self.tr("Kirjoita, mitä tapahtui: siirto tarvitsee tekstin."), self.text)
        elif isinstance(error, MissingAuthor):
            self._refuse(
                self.tr("Päivystäjän nimi puuttuu tämän koneen asetuksista. Ota yhteys tukeen.")
            )
        else:
            log.error("saving a handoff failed: %s", type(error).__name__)
            self._refuse(followup_messages.save_failed(error))

    def _closing_texts(self) -> tuple[str, str, str]:
        return (
            self.tr("Siirtoa tallennetaan. Odota hetki."),
            self.tr("Hylätäänkö siirto?"),
            self.tr("Siirtoa ei ole tallennettu. Hylätäänkö kirjoitettu teksti?"),
        )

    def _generations(self) -> list[Generation]:
        return [self._generation]
