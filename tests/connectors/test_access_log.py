"""The registrar's access log, over real HTTP on 127.0.0.1, for every connector.

Each access event goes to the municipality's own training system; the trainer sees
it on that municipality's inspect page, attributed to the worker.
"""

from __future__ import annotations

import dataclasses

import pytest

from app.connectors import errors
from app.connectors.base import Capability, ClientSystem
from app.domain.access import AccessAction
from app.domain.policy import Municipality
from app.training.data import UNKNOWN_CLIENT, SyntheticClient
from app.training.server import TrainingServer
from tests.helpers import access_for, access_log, records


def test_declares_the_access_log(connector: ClientSystem) -> None:
    assert connector.supports(Capability.ACCESS_LOG)


def test_every_action_is_logged_attributed_to_the_worker(
    connector: ClientSystem,
    municipality: Municipality,
    clients: list[SyntheticClient],
    training: TrainingServer,
) -> None:
    hetu = clients[0].hetu
    events = [access_for(municipality.code, hetu, action) for action in AccessAction]
    receipts = [connector.record_access(event) for event in events]
    assert all(not receipt.already_recorded for receipt in receipts)
    assert len({receipt.system_record_id for receipt in receipts}) == len(events)
    log = access_log(training, municipality.code)
    assert [entry["action"] for entry in log] == [action.value for action in AccessAction]
    for entry, event in zip(log, events, strict=True):
        assert entry["idempotency_key"] == str(event.idempotency_key)
        assert entry["worker_id"] == event.author.worker_id
        assert entry["worker_name"] == "Šakari Ŋiemi"
        assert entry["organisation"] == "keusote"
        assert entry["method"] == "oidc"
        assert entry["municipality"] == municipality.code
        assert entry["hetu"] == hetu.value
        assert entry["purpose"] == event.purpose
        assert entry["occurred_at"] == event.occurred_at.isoformat()
    # The access log is the registrar's, apart from what was recorded about the client.
    assert records(training, municipality.code) == []


def test_a_repeated_event_is_logged_once(
    connector: ClientSystem, municipality: Municipality, training: TrainingServer
) -> None:
    event = access_for(municipality.code, UNKNOWN_CLIENT, AccessAction.SEARCH)
    first = connector.record_access(event)
    again = connector.record_access(event)
    assert not first.already_recorded
    assert again.already_recorded
    assert again.system_record_id == first.system_record_id
    [entry] = access_log(training, municipality.code)
    # A search for a code the system does not know is an access too.
    assert entry["hetu"] == UNKNOWN_CLIENT.value


def test_the_same_key_with_other_content_is_refused(
    connector: ClientSystem, municipality: Municipality, training: TrainingServer
) -> None:
    event = access_for(municipality.code, UNKNOWN_CLIENT, AccessAction.SEARCH)
    connector.record_access(event)
    with pytest.raises(errors.Rejected):
        connector.record_access(dataclasses.replace(event, action=AccessAction.VIEW))
    assert len(access_log(training, municipality.code)) == 1


def test_an_action_without_an_identified_client_is_logged(
    connector: ClientSystem, municipality: Municipality, training: TrainingServer
) -> None:
    connector.record_access(access_for(municipality.code, None, AccessAction.ENTRY))
    [entry] = access_log(training, municipality.code)
    assert entry["hetu"] is None
    assert entry["action"] == "entry"


def test_another_municipalitys_event_is_refused(
    connector: ClientSystem, municipality: Municipality, training: TrainingServer
) -> None:
    other = next(m.code for m in training.policy.municipalities if m.code != municipality.code)
    with pytest.raises(errors.Rejected):
        connector.record_access(access_for(other, UNKNOWN_CLIENT))
    assert access_log(training, municipality.code) == []


def test_a_search_without_an_identity_code_is_refused(
    connector: ClientSystem, municipality: Municipality, training: TrainingServer
) -> None:
    with pytest.raises(errors.Rejected):
        connector.record_access(access_for(municipality.code, None, AccessAction.SEARCH))
    assert access_log(training, municipality.code) == []
