"""Discarding and correcting a refused item, end to end: outbox, sender, training system.

A discard is itself recorded in the registrar's system, as an event that refers
to the discarded item's idempotency key; the discarded entry never arrives.
"""

from __future__ import annotations

import json
import urllib.request
from dataclasses import replace
from typing import Any

import pytest

from app.connectors.base import Credentials
from app.connectors.registry import known_systems
from app.services.codec import entry_label
from app.services.delivery import Outcome
from app.services.outbox import ItemState, Outbox, StoredItem
from app.services.sending import SendingService
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.test_connector_contract import entry_for

CREDENTIALS = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
REASON = "Kirjattu uudelleen puhelimessa"


@pytest.fixture(params=known_systems())
def code(request: pytest.FixtureRequest, training: TrainingServer) -> str:
    """A municipality of each system type in the example policy."""
    for municipality in training.policy.municipalities:
        if municipality.system.type == request.param:
            return municipality.code
    raise AssertionError(f"the example policy has no {request.param} municipality")


def records(training: TrainingServer, code: str) -> list[dict[str, Any]]:
    with urllib.request.urlopen(training.description["inspect"], timeout=5) as reply:
        found: list[dict[str, Any]] = json.load(reply)[code]
    return found


def refused_item(
    training: TrainingServer, sending: SendingService, outbox: Outbox, code: str
) -> StoredItem:
    """An entry the system refuses (blank narrative), left needing attention."""
    hetu = training.systems[code].clients[0].hetu
    sending.save_entry(code, entry_for(hetu, narrative="   "))
    assert [event.outcome for event in sending.flush().events] == [Outcome.ATTENTION]
    (item,) = outbox.items()
    assert item.state is ItemState.ATTENTION
    assert records(training, code) == []
    return item


def test_discard_is_recorded_as_one_event_and_the_entry_never_arrives(
    training: TrainingServer, sending: SendingService, outbox: Outbox, code: str
) -> None:
    item = refused_item(training, sending, outbox, code)
    event_item = sending.discard(item.id, REASON, "Päivystäjä")
    assert outbox.get(item.id) is None
    assert [(i.kind, i.key) for i in outbox.items()] == [("event", event_item.key)]

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
            sending.discard(item.id, blank, "Päivystäjä")
    (left,) = outbox.items()
    assert (left.id, left.key, left.state) == (item.id, item.key, ItemState.ATTENTION)
    assert sending.flush().events == []
    assert records(training, code) == []


def test_corrected_entry_is_delivered_under_the_same_key(
    training: TrainingServer, sending: SendingService, outbox: Outbox, code: str
) -> None:
    hetu = training.systems[code].clients[0].hetu
    refused = entry_for(hetu, narrative="   ")
    sending.save_entry(code, refused)
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
