"""Handing a case over to the municipality's office-hours worker (Qt-free).

Decided by the connector's declared capability, never by the system's name:
with ``Capability.INTERNAL_MAIL`` the handoff is internal mail that the sender
delivers; without it a manual fax item that the worker prints (the fax sheet and
the phone-call note, :func:`render_fax`), faxes, phones and then marks sent.
Both go through the outbox.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace

from app.connectors.base import Capability, InternalMail
from app.domain.author import Author
from app.domain.hetu import Hetu
from app.domain.kinds import ItemKind
from app.domain.model import ClientRef, ClientSummary, PersonDetails
from app.domain.policy import OfficeHoursContact, Policy
from app.services.documents.titles import NAME_NOT_KNOWN
from app.services.documents.wording import CONTEXT, translate
from app.services.followup.items import (
    HANDOFF_SUBJECT,
    Channel,
    FaxItem,
    FaxRecipient,
    Handoff,
    fax_from_payload,
    handoff_label,
    mail_body,
    municipality_of,
)
from app.services.outbox.sending import SendingService
from app.services.outbox.store import ItemNotFound, ItemState, StoredItem
from app.services.workstation import Workstation


class MissingText(ValueError):
    """The handoff has no text: the worker writes what happened. Nothing was stored."""


class MissingAuthor(ValueError):
    """No worker's name to sign the handoff with (the workstation's settings). Nothing
    was stored."""


class NotAFax(ValueError):
    """The outbox item is not a fax the worker sends by hand."""


class UnreadableFax(ValueError):
    """The stored fax cannot be read back (a damaged payload)."""


class HandoffService:
    def __init__(self, sending: SendingService, workstation: Workstation) -> None:
        self.sending = sending
        self.workstation = workstation

    def channel(self, code: str) -> Channel:
        """How a handoff to municipality ``code`` goes: internal mail or fax."""
        if self.workstation.supports(code, Capability.INTERNAL_MAIL):
            return Channel.INTERNAL_MAIL
        return Channel.FAX

    def hand_over(  # noqa: PLR0913 - the handoff's parts; the rest keyword-only
        self,
        code: str,
        client: ClientSummary | Hetu,
        text: str,
        follow_up: str,
        author: str,
        *,
        saved_by: Author,
        key: uuid.UUID | None = None,
        person: PersonDetails | None = None,
    ) -> StoredItem:
        """Save the handoff in the outbox: mail (sent by the sender) or a manual fax item.

        ``client`` is the summary from the client's card, or the identity code alone.
        ``person`` (with an identity code alone) is a person not yet a client of the
        municipality's system, as the population register gave them: the mail opens
        the client first (idempotently), the fax sheet names them.
        ``key`` (made once per handoff form) makes saving twice harmless; it is also
        the key of the form's draft, deleted in the same commit as the mail or the
        fax. ``saved_by``: the worker as signed in to the municipality's organisation
        (``AppContext.author(code)``), recorded with the item. Raises
        :class:`MissingText`, :class:`MissingAuthor` or
        :class:`~app.services.followup.items.UnknownMunicipality` when something is
        missing, OutboxError when nothing could be stored.
        """
        policy = self.workstation.policy
        municipality = municipality_of(policy, code)
        if not text.strip():
            raise MissingText("the handoff needs a text")
        if not author.strip():
            raise MissingAuthor("the handoff needs its author")
        draft_key = key  # the form's draft and its item share the key
        key = key or uuid.uuid4()
        summary = client if isinstance(client, ClientSummary) else None
        hetu = client.hetu if isinstance(client, ClientSummary) else client
        named = summary or person
        if summary is not None:
            person = None  # a client already: nothing to open
        handoff = Handoff(
            hetu=hetu,
            last_name=None if named is None else named.last_name,
            first_names=None if named is None else named.first_names,
            non_disclosure=named is not None and named.non_disclosure,
            # Under non-disclosure there is no address (the connector dropped it).
            address=None if named is None or named.non_disclosure else named.address,
            responsible_worker=None if summary is None else summary.responsible_worker,
            text=text.strip(),
            follow_up=follow_up.strip(),
            author=author.strip(),
        )
        now = self.sending.clock()
        label = handoff_label(handoff, now, policy.zone)
        if self.channel(code) is Channel.INTERNAL_MAIL:
            mail = InternalMail(
                hetu=hetu,
                recipient_unit=municipality.office_hours.unit,
                subject=HANDOFF_SUBJECT,
                body=mail_body(handoff.text, handoff.follow_up),
                author=handoff.author,
                idempotency_key=key,
                person=person,
            )
            return self.sending.save_mail(code, mail, label, saved_by=saved_by, draft_key=draft_key)
        fax = FaxItem(FaxRecipient.of(municipality), now, key, handoff=handoff)
        return self.sending.save_fax(code, fax, label, saved_by=saved_by, draft_key=draft_key)

    def fax(self, item_id: int) -> FaxItem:
        """A manual fax item's content, for printing and the phone-call note.

        Raises ItemNotFound when it has left the outbox, :class:`NotAFax` when the item
        is not a fax to send by hand and :class:`UnreadableFax` when its payload cannot
        be read.
        """
        item = self.sending.outbox.get(item_id)
        if item is None:
            raise ItemNotFound(f"item {item_id} is no longer in the outbox")
        if item.kind is not ItemKind.FAX or item.state is not ItemState.MANUAL:
            raise NotAFax(f"item {item_id} is not a fax to send by hand")
        try:
            return fax_from_payload(item.payload)
        except ValueError as error:
            raise UnreadableFax(f"item {item_id}: {error}") from None

    def mark_sent(self, item_id: int) -> StoredItem:
        """The worker faxed (and phoned): the item leaves the outbox and the open list."""
        return self.sending.mark_done(item_id)


def render_fax(fax: FaxItem, policy: Policy, printed_by: str, printed_at: dt.datetime) -> bytes:
    """The fax as PDF bytes (in memory): the handoff sheet with its phone-call note, or
    the child welfare notification. The recipient is the one saved with the item; the
    times are in the policy's zone."""
    from app.services import documents  # reportlab only when printing

    saved = fax.recipient
    municipality = replace(
        municipality_of(policy, saved.municipality),
        office_hours=OfficeHoursContact(saved.unit, saved.phone, saved.fax),
    )
    registrar = policy.registrar(municipality.registrar)
    if fax.notification is not None:
        notification = fax.notification
        details = documents.NotificationDetails(
            notifier_organisation=notification.notifier_organisation,
            notifier_person=notification.notifier_person,
            notifier_phone=notification.notifier_phone,
            what_happened=notification.what_happened,
            urgency=documents.Urgency(notification.urgency.value),
            child_told=notification.child_informed,
            guardians_told=notification.guardians_informed,
            received_at=notification.received_at,
            receiving_worker=notification.receiving_worker,
        )
        child = documents.NotifiedChild(
            notification.child_hetu,
            notification.child_last_name,
            notification.child_first_names,
        )
        cover = documents.HandoffDetails(
            sender=policy.duty_unit,
            author=notification.receiving_worker,
            what_happened="",
            follow_up="",
        )
        return documents.render_notification(
            details,
            child,
            municipality,
            registrar,
            printed_by,
            printed_at,
            zone=policy.zone,
            fax_cover=cover,
        )
    handoff = fax.handoff
    assert handoff is not None
    client = ClientSummary(
        ref=ClientRef(handoff.hetu, ""),
        last_name=handoff.last_name or translate(CONTEXT, NAME_NOT_KNOWN),
        first_names=handoff.first_names or "",
        non_disclosure=handoff.non_disclosure,
        address=handoff.address,
        responsible_worker=handoff.responsible_worker,
    )
    sheet = documents.HandoffDetails(
        sender=policy.duty_unit,
        author=handoff.author,
        what_happened=handoff.text,
        follow_up=handoff.follow_up or "–",
    )
    return documents.render_handoff(
        sheet, client, municipality, registrar, printed_by, printed_at, zone=policy.zone
    )
