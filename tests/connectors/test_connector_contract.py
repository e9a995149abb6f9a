"""The same contract, over real HTTP on 127.0.0.1, for every connector.

Each scenario runs against the connector's own training system; a new
connector joins by being in the registry and in the example policy.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace

import pytest

from app.connectors import errors
from app.connectors.base import EVENT_KINDS, Capability, ClientSystem, Credentials
from app.connectors.registry import create_connector
from app.domain.hetu import Hetu
from app.domain.policy import Municipality, SystemConfig
from app.training.data import UNKNOWN_CLIENT, SyntheticClient
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.fakes import closed_port_url, fixed_reply_server, hanging_server
from tests.helpers import entry_for, event_for, records

GOOD = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)


def with_endpoint(municipality: Municipality, url: str, read_timeout: float = 10.0) -> SystemConfig:
    return replace(municipality.system, endpoint=url, read_timeout=read_timeout)


def test_declares_the_core_capabilities(connector: ClientSystem) -> None:
    for capability in (
        Capability.FIND_CLIENT,
        Capability.CLIENT_SUMMARY,
        Capability.RECORD_ENTRY,
        Capability.HEALTH_PROBE,
    ):
        assert connector.supports(capability)


def test_declares_the_event_log(connector: ClientSystem) -> None:
    assert connector.supports(Capability.EVENT_LOG)


def test_probe_answers(connector: ClientSystem) -> None:
    health = connector.probe()
    assert health.system_version
    assert health.checked_at.tzinfo is not None


def test_finds_every_synthetic_client(
    connector: ClientSystem, clients: list[SyntheticClient]
) -> None:
    for client in clients:
        ref = connector.find_client(client.hetu)
        assert ref is not None
        assert ref.hetu == client.hetu


def test_unknown_client_is_none(connector: ClientSystem) -> None:
    assert connector.find_client(UNKNOWN_CLIENT) is None


def test_century_sign_is_part_of_the_identity(
    connector: ClientSystem, clients: list[SyntheticClient]
) -> None:
    father = next(client for client in clients if client.hetu.century_sign == "Y")
    same_digits_other_sign = father.hetu.value.replace("Y", "-")
    assert connector.find_client(Hetu(same_digits_other_sign)) is None


def test_summary_matches_the_system(
    connector: ClientSystem, clients: list[SyntheticClient]
) -> None:
    by_hetu = {client.hetu: client for client in clients}
    for client in clients:
        ref = connector.find_client(client.hetu)
        assert ref is not None
        summary = connector.client_summary(ref)
        assert summary.hetu == client.hetu
        assert summary.last_name == client.last_name
        assert summary.first_names == client.first_names
        assert summary.non_disclosure == client.non_disclosure
        if client.non_disclosure:
            assert summary.address is None
        else:
            assert summary.address == client.address
        assert [g.name for g in summary.guardians] == [
            by_hetu[h].full_name for h in client.guardians
        ]
        assert [c.name for c in summary.children] == [by_hetu[h].full_name for h in client.children]
        assert (summary.care_plan is None) == (client.care_plan is None)
        if client.care_plan is not None:
            assert summary.care_plan is not None
            assert summary.care_plan.summary == client.care_plan.summary
        assert summary.responsible_worker == client.responsible_worker


def test_non_disclosed_address_never_leaves_the_connector(
    connector: ClientSystem, clients: list[SyntheticClient]
) -> None:
    protected = [client for client in clients if client.non_disclosure]
    assert protected
    for client in protected:
        ref = connector.find_client(client.hetu)
        assert ref is not None
        summary = connector.client_summary(ref)
        dumped = repr(vars(summary)) + repr(summary.guardians) + repr(summary.children)
        assert client.address.street not in dumped


def test_records_an_entry_once_even_when_repeated(
    connector: ClientSystem,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    entry = entry_for(clients[0].hetu)
    first = connector.record_entry(entry)
    again = connector.record_entry(entry)
    assert not first.already_recorded
    assert again.already_recorded
    assert again.system_record_id == first.system_record_id
    held = records(training, municipality.code)
    assert len(held) == 1
    record = held[0]
    assert record["idempotency_key"] == str(entry.idempotency_key)
    assert entry.hetu is not None
    assert record["hetu"] == entry.hetu.value
    assert record["kind"] == "entry"
    assert record["text"] == entry.narrative


def test_same_key_with_other_content_is_rejected(
    connector: ClientSystem,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    entry = entry_for(clients[0].hetu)
    connector.record_entry(entry)
    with pytest.raises(errors.Rejected) as caught:
        connector.record_entry(replace(entry, narrative="Muutettu teksti"))
    assert caught.value.reason
    assert len(records(training, municipality.code)) == 1


def test_distinct_entries_are_all_recorded(
    connector: ClientSystem,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    for client in clients[:3]:
        connector.record_entry(entry_for(client.hetu))
    keys = [record["idempotency_key"] for record in records(training, municipality.code)]
    assert len(keys) == len(set(keys)) == 3


def test_invalid_entry_is_rejected_with_the_systems_reason(
    connector: ClientSystem,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    with pytest.raises(errors.Rejected) as caught:
        connector.record_entry(entry_for(clients[0].hetu, narrative="   "))
    assert caught.value.reason.strip()
    assert caught.value.remedy is errors.Remedy.CORRECT_AND_RESEND
    assert records(training, municipality.code) == []


def test_entry_for_unknown_client_is_rejected(connector: ClientSystem) -> None:
    with pytest.raises(errors.Rejected):
        connector.record_entry(entry_for(UNKNOWN_CLIENT))


def test_records_an_event_once_even_when_repeated(
    connector: ClientSystem,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    discarded = uuid.uuid4()
    event = event_for(clients[0].hetu, refers_to=discarded)
    first = connector.record_event(event)
    again = connector.record_event(event)
    assert not first.already_recorded
    assert again.already_recorded
    assert again.system_record_id == first.system_record_id
    (record,) = records(training, municipality.code)
    assert record["kind"] == "event"
    assert record["idempotency_key"] == str(event.idempotency_key)
    assert event.hetu is not None
    assert record["hetu"] == event.hetu.value
    assert record["text"] == event.text
    assert record["event_kind"] == "discarded_entry"
    assert record["refers_to"] == str(discarded)
    assert record["author"] == event.author
    assert dt.datetime.fromisoformat(record["occurred_at"]) == event.occurred_at


def test_every_event_kind_is_recorded_as_itself(
    connector: ClientSystem,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    for kind in EVENT_KINDS:
        connector.record_event(replace(event_for(clients[0].hetu), kind=kind))
    recorded = [record["event_kind"] for record in records(training, municipality.code)]
    assert recorded == list(EVENT_KINDS)


def test_event_about_no_item_is_recorded_without_a_reference(
    connector: ClientSystem,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    connector.record_event(event_for(clients[0].hetu))
    (record,) = records(training, municipality.code)
    assert record["kind"] == "event"
    assert record["refers_to"] is None


def test_event_key_with_other_content_is_rejected(
    connector: ClientSystem,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    event = event_for(clients[0].hetu, refers_to=uuid.uuid4())
    connector.record_event(event)
    with pytest.raises(errors.Rejected) as caught:
        connector.record_event(replace(event, text="Toinen perustelu"))
    assert caught.value.reason.strip()
    assert caught.value.status == 409
    assert len(records(training, municipality.code)) == 1


def test_event_without_a_reason_is_rejected_with_the_systems_reason(
    connector: ClientSystem,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    with pytest.raises(errors.Rejected) as caught:
        connector.record_event(event_for(clients[0].hetu, text="  \n "))
    assert caught.value.reason.strip()
    assert caught.value.status == 422
    assert caught.value.remedy is errors.Remedy.CORRECT_AND_RESEND
    assert records(training, municipality.code) == []


def test_event_for_unknown_client_is_rejected(
    connector: ClientSystem, training: TrainingServer, municipality: Municipality
) -> None:
    with pytest.raises(errors.Rejected) as caught:
        connector.record_event(event_for(UNKNOWN_CLIENT, refers_to=uuid.uuid4()))
    assert caught.value.reason.strip()
    assert records(training, municipality.code) == []


def test_unknown_event_kind_is_rejected_without_sending(
    municipality: Municipality, clients: list[SyntheticClient]
) -> None:
    # The port is closed: were anything sent, this would be Unreachable.
    connector = create_connector(with_endpoint(municipality, closed_port_url()), GOOD)
    with pytest.raises(errors.Rejected):
        connector.record_event(replace(event_for(clients[0].hetu), kind="no_such_kind"))


def test_wrong_password_fails_authentication(
    municipality: Municipality, clients: list[SyntheticClient]
) -> None:
    connector = create_connector(municipality.system, Credentials(TRAINING_USERNAME, "väärä"))
    with pytest.raises(errors.AuthenticationFailed) as caught:
        connector.find_client(clients[0].hetu)
    assert caught.value.remedy is errors.Remedy.REAUTHENTICATE


def test_refused_connection_is_unreachable(
    municipality: Municipality, clients: list[SyntheticClient]
) -> None:
    connector = create_connector(with_endpoint(municipality, closed_port_url()), GOOD)
    with pytest.raises(errors.Unreachable):
        connector.probe()
    with pytest.raises(errors.Unreachable):
        connector.record_entry(entry_for(clients[0].hetu))


def test_silent_server_times_out(
    municipality: Municipality, clients: list[SyntheticClient]
) -> None:
    with hanging_server() as url:
        connector = create_connector(with_endpoint(municipality, url, read_timeout=0.3), GOOD)
        with pytest.raises(errors.TimedOut):
            connector.find_client(clients[0].hetu)


@pytest.mark.parametrize("status", [500, 502])
def test_server_error_is_a_fault(
    municipality: Municipality, clients: list[SyntheticClient], status: int
) -> None:
    with fixed_reply_server(status, b"internal error") as url:
        connector = create_connector(with_endpoint(municipality, url), GOOD)
        with pytest.raises(errors.ServerFault) as caught:
            connector.record_entry(entry_for(clients[0].hetu))
        assert caught.value.remedy is errors.Remedy.RETRY_LATER


def test_unavailable_says_when_to_retry(
    municipality: Municipality, clients: list[SyntheticClient]
) -> None:
    with fixed_reply_server(503, b"", {"Retry-After": "17"}) as url:
        connector = create_connector(with_endpoint(municipality, url), GOOD)
        with pytest.raises(errors.ServerFault) as caught:
            connector.find_client(clients[0].hetu)
        assert caught.value.retry_after == 17.0


@pytest.mark.parametrize(
    "body", [b"", b"\x00\xff garbage", b'{"not": "what you expect"}', b"<a><b>"]
)
def test_malformed_answer_is_a_fault(
    municipality: Municipality, clients: list[SyntheticClient], body: bytes
) -> None:
    with fixed_reply_server(200, body, {"Content-Type": "application/octet-stream"}) as url:
        connector = create_connector(with_endpoint(municipality, url), GOOD)
        with pytest.raises(errors.ServerFault):
            connector.find_client(clients[0].hetu)


def test_oversized_answer_is_a_fault(
    municipality: Municipality, clients: list[SyntheticClient]
) -> None:
    with fixed_reply_server(200, b"x" * 3_000_000) as url:
        connector = create_connector(with_endpoint(municipality, url), GOOD)
        with pytest.raises(errors.ServerFault):
            connector.find_client(clients[0].hetu)


def test_idempotency_key_is_a_uuid(clients: list[SyntheticClient]) -> None:
    entry = entry_for(clients[0].hetu)
    assert isinstance(entry.idempotency_key, uuid.UUID)
    assert entry.idempotency_key != entry_for(clients[0].hetu).idempotency_key
