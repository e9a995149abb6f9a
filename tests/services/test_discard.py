"""Discarding and correcting a refused item, end to end: outbox, sender, training system.

A discard is itself recorded in the registrar's system, as an event that refers
to the discarded item's idempotency key; the discarded entry never arrives.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from typing import Any

import pytest

from app.connectors.base import ChildWelfareNotification, Credentials, InternalMail
from app.connectors.registry import known_systems
from app.domain.hetu import make_hetu
from app.domain.kinds import ItemKind
from app.services.outbox.codec import entry_label
from app.services.outbox.delivery import Outcome
from app.services.outbox.sending import SendingService
from app.services.outbox.store import ItemState, Outbox, OutgoingItem, StoredItem
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.helpers import SAVED_BY, entry_for, mail_for, notification_for, records

CREDENTIALS = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
REASON = "Kirjattu uudelleen puhelimessa"


@pytest.fixture(params=known_systems())
def code(request: pytest.FixtureRequest, training: TrainingServer) -> str:
    """A municipality of each system type in the example policy."""
    for municipality in training.policy.municipalities:
        if municipality.system.type == request.param:
            return municipality.code
    raise AssertionError(f"the example policy has no {request.param} municipality")


def refused_item(
    training: TrainingServer, sending: SendingService, outbox: Outbox, code: str
) -> StoredItem:
    """An entry the system refuses (blank narrative), left needing attention."""
    hetu = training.systems[code].clients[0].hetu
    sending.save_entry(code, entry_for(hetu, narrative="   "), saved_by=SAVED_BY)
    assert [event.outcome for event in sending.flush().events] == [Outcome.ATTENTION]
    (item,) = outbox.items()
    assert item.state is ItemState.ATTENTION
    assert records(training, code) == []
    return item


def test_discard_is_recorded_as_one_event_and_the_entry_never_arrives(
    training: TrainingServer, sending: SendingService, outbox: Outbox, code: str
) -> None:
    item = refused_item(training, sending, outbox, code)
    event_item = sending.discard(item.id, REASON, SAVED_BY)
    assert outbox.get(item.id) is None
    assert [(i.kind, i.key) for i in outbox.items()] == [(ItemKind.EVENT, event_item.key)]

    report = sending.flush()
    assert [(e.key, e.outcome) for e in report.events] == [(event_item.key, Outcome.DELIVERED)]
    assert outbox.items() == []
    (record,) = records(training, code)
    assert record["kind"] == "event"
    assert record["text"] == REASON
    assert record["event_kind"] == "discarded_entry"
    assert record["refers_to"] == str(item.key)
    assert record["author"] == "Päivystäjä"
    assert record["idempotency_key"] == str(event_item.key)
    assert record["hetu"] == item.client
    # A second flush sends nothing more: the event is recorded once.
    assert sending.flush().events == []
    assert len(records(training, code)) == 1


def test_discard_without_a_reason_keeps_the_item(
    training: TrainingServer, sending: SendingService, outbox: Outbox, code: str
) -> None:
    item = refused_item(training, sending, outbox, code)
    for blank in ("", "  \n\t"):
        with pytest.raises(ValueError, match="reason"):
            sending.discard(item.id, blank, SAVED_BY)
    (left,) = outbox.items()
    assert (left.id, left.key, left.state) == (item.id, item.key, ItemState.ATTENTION)
    assert sending.flush().events == []
    assert records(training, code) == []


def test_corrected_entry_is_delivered_under_the_same_key(
    training: TrainingServer, sending: SendingService, outbox: Outbox, code: str
) -> None:
    hetu = training.systems[code].clients[0].hetu
    refused = entry_for(hetu, narrative="   ")
    sending.save_entry(code, refused, saved_by=SAVED_BY)
    assert [event.outcome for event in sending.flush().events] == [Outcome.ATTENTION]
    (item,) = outbox.items()

    corrected = replace(refused, narrative="Poliisi pyysi arviota; lapsi turvassa mummolassa.")
    stored = sending.correct_entry(item.id, corrected, entry_label(corrected))
    assert (stored.key, stored.state) == (refused.idempotency_key, ItemState.WAITING)

    report = sending.flush()
    assert [(e.key, e.outcome) for e in report.events] == [
        (refused.idempotency_key, Outcome.DELIVERED)
    ]
    assert outbox.items() == []
    (record,) = records(training, code)
    assert record["kind"] == "entry"
    assert record["idempotency_key"] == str(refused.idempotency_key)
    assert record["text"] == corrected.narrative


# -- mail and child welfare notifications (Pro Consona delivers both itself) -----


def proconsona_code(training: TrainingServer) -> str:
    for municipality in training.policy.municipalities:
        if municipality.system.type == "proconsona":
            return municipality.code
    raise AssertionError("the example policy has no Pro Consona municipality")


def refused_mail(
    training: TrainingServer, sending: SendingService, outbox: Outbox
) -> tuple[str, InternalMail, StoredItem]:
    code = proconsona_code(training)
    mail = mail_for(training.systems[code].clients[0].hetu, body="  ")  # refused: empty
    sending.save_mail(code, mail, "A. M. viesti", saved_by=SAVED_BY)
    assert [event.outcome for event in sending.flush().events] == [Outcome.ATTENTION]
    (item,) = outbox.items()
    return code, mail, item


def refused_notification(
    training: TrainingServer, sending: SendingService, outbox: Outbox
) -> tuple[str, ChildWelfareNotification, StoredItem]:
    code = proconsona_code(training)
    notification = notification_for(training.systems[code].clients[0].hetu, what_happened=" ")
    sending.save_notification(code, notification, "E. Č. ilmoitus", saved_by=SAVED_BY)
    assert [event.outcome for event in sending.flush().events] == [Outcome.ATTENTION]
    (item,) = outbox.items()
    return code, notification, item


def test_a_refused_mail_is_corrected_and_delivered_once_under_its_key(
    training: TrainingServer, sending: SendingService, outbox: Outbox
) -> None:
    code, mail, item = refused_mail(training, sending, outbox)
    corrected = replace(mail, body="Poliisikäynti yöllä; soittakaa äidille aamulla.")
    with pytest.raises(ValueError, match="not of this item"):
        sending.correct_mail(item.id, replace(corrected, idempotency_key=uuid.uuid4()), "x")
    stored = sending.correct_mail(item.id, corrected, item.label)
    assert (stored.key, stored.state, stored.attempts) == (
        mail.idempotency_key,
        ItemState.WAITING,
        0,
    )
    assert [e.outcome for e in sending.flush().events] == [Outcome.DELIVERED]
    (record,) = records(training, code)
    assert (record["kind"], record["text"]) == ("mail", corrected.body)
    assert record["idempotency_key"] == str(mail.idempotency_key)


def test_a_refused_notification_is_corrected_and_delivered_once_under_its_key(
    training: TrainingServer, sending: SendingService, outbox: Outbox
) -> None:
    code, notification, item = refused_notification(training, sending, outbox)
    corrected = replace(notification, what_happened="Poliisi toi lapsen päivystykseen klo 2.10.")
    with pytest.raises(ValueError, match="not of this item"):
        sending.correct_entry(item.id, entry_for(notification.child_hetu), "x")  # wrong kind
    sending.correct_notification(item.id, corrected, item.label)
    assert [e.outcome for e in sending.flush().events] == [Outcome.DELIVERED]
    (record,) = records(training, code)
    assert record["kind"] == "notification"
    assert record["idempotency_key"] == str(notification.idempotency_key)


@pytest.mark.parametrize(
    ("refuse", "event_kind"),
    [(refused_mail, "discarded_mail"), (refused_notification, "discarded_notification")],
)
def test_a_discarded_mail_or_notification_is_recorded_as_what_it_was(
    training: TrainingServer,
    sending: SendingService,
    outbox: Outbox,
    refuse: Any,
    event_kind: str,
) -> None:
    code, _sent, item = refuse(training, sending, outbox)
    event_item = sending.discard(item.id, REASON, SAVED_BY)
    assert [e.outcome for e in sending.flush().events] == [Outcome.DELIVERED]
    assert outbox.items() == []
    (record,) = records(training, code)
    assert (record["kind"], record["event_kind"]) == ("event", event_kind)
    assert (record["refers_to"], record["text"]) == (str(item.key), REASON)
    assert record["idempotency_key"] == str(event_item.key)


def test_an_event_or_a_fax_is_not_discarded_this_way(
    training: TrainingServer, sending: SendingService, outbox: Outbox
) -> None:
    """An event is itself the record; a fax is completed by hand (marked sent)."""
    code = proconsona_code(training)
    hetu = training.systems[code].clients[0].hetu.value
    now = dt.datetime.now(dt.UTC)
    fax = outbox.put(
        OutgoingItem(uuid.uuid4(), code, ItemKind.FAX, hetu, "", b"{}"), now, ItemState.MANUAL
    )
    event = outbox.put(OutgoingItem(uuid.uuid4(), code, ItemKind.EVENT, hetu, "", b"{}"), now)
    for item in (fax, event):
        with pytest.raises(ValueError, match=f"'{item.kind}' is not discarded"):
            sending.discard(item.id, REASON, SAVED_BY)
        assert outbox.get(item.id) == item


def test_a_discard_of_an_unknown_clients_entry_is_refused_too_and_can_be_removed(
    training: TrainingServer, sending: SendingService, outbox: Outbox, code: str
) -> None:
    """The worker wrote for a valid identity code the system does not know: the entry
    is refused, and so is the record of its discard. That record is removed; nothing
    more is sent, and nothing is left needing attention for ever."""
    unknown = make_hetu(dt.date(1990, 1, 1), 987)
    assert all(client.hetu != unknown for client in training.systems[code].clients)
    sending.save_entry(code, entry_for(unknown), saved_by=SAVED_BY)
    assert [e.outcome for e in sending.flush().events] == [Outcome.ATTENTION]
    (entry_item,) = outbox.items()
    with pytest.raises(ValueError, match="only a refused event"):
        sending.remove_refused_event(entry_item.id)  # an entry is discarded with a reason
    sending.discard(entry_item.id, REASON, SAVED_BY)
    assert [e.outcome for e in sending.flush().events] == [Outcome.ATTENTION]
    (event_item,) = outbox.items()
    assert (event_item.kind, event_item.state) == (ItemKind.EVENT, ItemState.ATTENTION)
    with pytest.raises(ValueError, match="'event' is not discarded"):
        sending.discard(event_item.id, REASON, SAVED_BY)  # that would be refused again
    assert sending.remove_refused_event(event_item.id) == event_item
    assert outbox.items() == []
    assert sending.flush().events == []
    assert records(training, code) == []
