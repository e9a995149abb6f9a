"""A garbage "receipt" never counts as delivered: the item stays in the outbox.

The system is the real training system behind a scripted server on 127.0.0.1 that
answers the delivery itself with an answer that does not fit the wire contract (the
properties in tests/connectors/test_bad_answers.py show the connectors refuse every
such answer; this is what the outbox makes of it). The item waits to go again, and
goes once the system answers properly: nothing lost, nothing twice.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.connectors import errors
from app.connectors.base import Credentials
from app.services.outbox.delivery import Outcome
from app.services.outbox.sending import SendingService
from app.services.outbox.store import ItemState, Outbox
from app.services.workstation import Workstation
from app.training.data import SyntheticClient
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.fakes import Answer, ScriptedServer
from tests.helpers import SAVED_BY, entry_for, records
from tests.hostile import BILLION_LAUGHS

GOOD = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
JSON = (("Content-Type", "application/json"),)
XML = (("Content-Type", "application/xml; charset=utf-8"),)
GARBAGE = {
    "proconsona": [
        Answer(201, b'{"kirjausId": "", "duplikaatti": false}', JSON),
        Answer(201, b'{"kirjausId": "K-1"}', JSON),
        Answer(201, b'{"kirjausId": 7, "duplikaatti": false}', JSON),
        Answer(201, b'[{"kirjausId": "K-1", "duplikaatti": false}]', JSON),
        Answer(201, b'{"kirjausId": "K-\\ud800", "duplikaatti": false}', JSON),
        Answer(200, b"OK", (("Content-Type", "text/plain"),)),
        Answer(201, b""),
    ],
    "effica": [
        Answer(201, b'<Ack Status="Stored"/>', XML),
        Answer(201, b'<Ack Status="Maybe" NoteId="N-1"/>', XML),
        Answer(201, b'<Ack Status="Stored" NoteId=" N-1"/>', XML),
        Answer(201, BILLION_LAUGHS, XML),
        Answer(200, b"<Ack", XML),
        Answer(200, b'{"Status": "Stored", "NoteId": "N-1"}', JSON),
    ],
}
CASES = [(system, answer) for system, answers in GARBAGE.items() for answer in answers]


def delivery_path(station: Workstation, code: str, client: SyntheticClient) -> tuple[str, str]:
    """The request that delivers an entry about ``client``."""
    connector = station.connector(code)
    if connector.system_type == "proconsona":
        ref = connector.find_client(client.hetu)
        assert ref is not None
        return ("POST", f"/v1/clients/{ref.system_id}/kirjaukset")
    return ("POST", "/DailyNote")


@pytest.mark.parametrize(("system_type", "garbage"), CASES)
def test_an_entry_answered_with_a_garbage_receipt_stays_and_goes_later(
    training: TrainingServer, outbox: Outbox, system_type: str, garbage: Answer
) -> None:
    municipality = next(m for m in training.policy.municipalities if m.system.type == system_type)
    code = municipality.code
    client = training.systems[code].clients[0]
    with ScriptedServer(upstream=municipality.system.endpoint.rstrip("/")) as system:
        scripted = replace(municipality, system=replace(municipality.system, endpoint=system.url))
        station = Workstation(replace(training.policy, municipalities=(scripted,)), lambda m: GOOD)
        sending = SendingService(outbox, station)
        entry = entry_for(client.hetu)
        sending.save_entry(code, entry, saved_by=SAVED_BY)

        system.script({delivery_path(station, code, client): garbage})
        report = sending.flush()
        assert [event.outcome for event in report.events] == [Outcome.RETRY]
        (item,) = outbox.items()
        assert item.key == entry.idempotency_key
        assert item.state is ItemState.WAITING
        assert item.failure is not None
        assert item.failure.cause == errors.ServerFault.__name__
        assert records(training, code) == []

        system.script({})  # the system answers for itself again
        report = sending.flush(force=[code])
        assert [event.outcome for event in report.events] == [Outcome.DELIVERED]
        station.close()
    assert outbox.items() == []
    held = records(training, code)
    assert [record["idempotency_key"] for record in held] == [str(entry.idempotency_key)]
