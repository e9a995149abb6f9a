"""Every way the network or the system fails, for every connector, through a fault proxy.

Each case asserts the taxonomy's error and its remedy: that is what the outbox
and the window act on. The connector talks to its own training system through
:class:`tests.proxy.FaultProxy` on 127.0.0.1.
"""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import replace

import pytest

from app.connectors import errors
from app.connectors.base import ClientSystem, Credentials
from app.connectors.registry import create_connector
from app.domain.policy import Municipality
from app.training.data import SyntheticClient
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.fakes import fixed_reply_server
from tests.helpers import entry_for, port_of, records
from tests.proxy import FaultProxy

GOOD = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
RETRY = errors.Remedy.RETRY_LATER
# The training systems' own words for a blank narrative (422).
BLANK_NARRATIVE_REASON = {
    "proconsona": "Kertomus puuttuu: kirjaa, mitä tapahtui.",
    "effica": "Merkinnän kertomus puuttuu.",
}


@pytest.fixture
def proxy(municipality: Municipality) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", port_of(municipality.system.endpoint)) as running:
        yield running


@pytest.fixture
def via_proxy(municipality: Municipality, proxy: FaultProxy) -> Iterator[ClientSystem]:
    connector = connector_at(municipality, proxy.url)
    yield connector
    connector.close()


def connector_at(
    municipality: Municipality,
    url: str,
    read_timeout: float = 5.0,
    credentials: Credentials = GOOD,
) -> ClientSystem:
    config = replace(municipality.system, endpoint=url, read_timeout=read_timeout)
    return create_connector(config, credentials)


def test_refused_connection_is_unreachable(via_proxy: ClientSystem, proxy: FaultProxy) -> None:
    proxy.set_mode("refuse")
    with pytest.raises(errors.Unreachable) as caught:
        via_proxy.probe()
    assert caught.value.remedy is RETRY
    proxy.set_mode("pass")
    via_proxy.probe()


def test_reset_connection_is_unreachable(
    via_proxy: ClientSystem, proxy: FaultProxy, clients: list[SyntheticClient]
) -> None:
    proxy.set_mode("reset")
    with pytest.raises(errors.Unreachable) as caught:
        via_proxy.find_client(clients[0].hetu)
    assert caught.value.remedy is RETRY
    assert proxy.connections >= 1


@pytest.mark.parametrize("cut_after", [10, 10**6], ids=["in-status-line", "in-body"])
def test_reset_mid_response_is_retryable(
    via_proxy: ClientSystem, proxy: FaultProxy, clients: list[SyntheticClient], cut_after: int
) -> None:
    proxy.set_mode("reset_mid_response", cut_after=cut_after)
    with pytest.raises((errors.Unreachable, errors.ServerFault)) as caught:
        via_proxy.find_client(clients[0].hetu)
    assert caught.value.remedy is RETRY


def test_silence_past_the_read_timeout_is_timed_out(
    municipality: Municipality, proxy: FaultProxy, clients: list[SyntheticClient]
) -> None:
    connector = connector_at(municipality, proxy.url, read_timeout=0.5)
    proxy.set_mode("hang")
    started = time.monotonic()
    with pytest.raises(errors.TimedOut) as caught:
        connector.find_client(clients[0].hetu)
    assert caught.value.remedy is RETRY
    assert time.monotonic() - started < 3.0
    assert proxy.requests == 1
    connector.close()


def test_delay_below_the_timeout_succeeds(
    municipality: Municipality, proxy: FaultProxy, clients: list[SyntheticClient]
) -> None:
    connector = connector_at(municipality, proxy.url, read_timeout=2.0)
    proxy.set_mode("delay", delay=0.1)
    started = time.monotonic()
    ref = connector.find_client(clients[0].hetu)
    assert ref is not None
    assert ref.hetu == clients[0].hetu
    # A login and a search, each delayed both ways.
    assert time.monotonic() - started >= 0.4
    assert proxy.requests == 2
    connector.close()


def test_existing_connections_keep_their_mode_until_reset(
    via_proxy: ClientSystem, proxy: FaultProxy
) -> None:
    via_proxy.probe()
    proxy.set_mode("refuse")
    via_proxy.probe()  # the open keep-alive connection still works
    proxy.reset_all()
    with pytest.raises(errors.Unreachable):
        via_proxy.probe()
    assert proxy.connections == 1


@pytest.mark.parametrize(
    ("status", "body", "headers", "retry_after"),
    [
        (500, b"internal error", {}, None),
        (502, b"bad gateway", {}, None),
        (503, b"", {"Retry-After": "17"}, 17.0),
        (200, b"\x00\xff garbage", {"Content-Type": "application/octet-stream"}, None),
        (200, b'{"not": "what you expect"}', {"Content-Type": "application/json"}, None),
    ],
    ids=["500", "502", "503-retry-after", "garbage", "wrong-document"],
)
def test_server_faults(
    municipality: Municipality,
    clients: list[SyntheticClient],
    status: int,
    body: bytes,
    headers: dict[str, str],
    retry_after: float | None,
) -> None:
    with (
        fixed_reply_server(status, body, headers) as url,
        FaultProxy("127.0.0.1", port_of(url)) as proxy,
    ):
        connector = connector_at(municipality, proxy.url)
        with pytest.raises(errors.ServerFault) as caught:
            connector.record_entry(entry_for(clients[0].hetu))
        connector.close()
    assert caught.value.remedy is RETRY
    assert caught.value.retry_after == retry_after
    assert proxy.requests >= 1


def test_wrong_credentials_fail_authentication(
    municipality: Municipality, proxy: FaultProxy, clients: list[SyntheticClient]
) -> None:
    wrong = Credentials(TRAINING_USERNAME, "väärä")
    connector = connector_at(municipality, proxy.url, credentials=wrong)
    with pytest.raises(errors.AuthenticationFailed) as caught:
        connector.find_client(clients[0].hetu)
    assert caught.value.remedy is errors.Remedy.REAUTHENTICATE
    connector.close()


def test_conflict_is_rejected(
    via_proxy: ClientSystem,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    entry = entry_for(clients[0].hetu)
    via_proxy.record_entry(entry)
    with pytest.raises(errors.Rejected) as caught:
        via_proxy.record_entry(replace(entry, narrative="Toinen sisältö samalla avaimella"))
    assert caught.value.status == 409
    assert caught.value.reason.strip()
    assert caught.value.remedy is errors.Remedy.CORRECT_AND_RESEND
    assert len(records(training, municipality.code)) == 1


def test_invalid_entry_is_rejected_with_the_systems_reason(
    via_proxy: ClientSystem, system_type: str, clients: list[SyntheticClient]
) -> None:
    with pytest.raises(errors.Rejected) as caught:
        via_proxy.record_entry(entry_for(clients[0].hetu, narrative="   "))
    assert caught.value.status == 422
    assert caught.value.reason == BLANK_NARRATIVE_REASON[system_type]
    assert caught.value.remedy is errors.Remedy.CORRECT_AND_RESEND


def test_lost_reply_is_retried_once_without_a_second_record(
    via_proxy: ClientSystem,
    proxy: FaultProxy,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    entry = entry_for(clients[0].hetu)
    # Only the delivery itself loses its answer; the login and search before it pass.
    proxy.set_mode("drop_reply", match=str(entry.idempotency_key).encode())
    with pytest.raises(errors.ConnectorError) as caught:
        via_proxy.record_entry(entry)
    assert caught.value.remedy is RETRY
    assert len(records(training, municipality.code)) == 1  # the system did store it

    proxy.set_mode("pass")
    receipt = via_proxy.record_entry(entry)
    assert receipt.already_recorded
    held = records(training, municipality.code)
    assert [record["idempotency_key"] for record in held] == [str(entry.idempotency_key)]
    assert receipt.system_record_id == held[0]["record_id"]


def control(training: TrainingServer, code: str, action: str) -> None:
    url = f"{training.description['control']}/{code}/{action}"
    request = urllib.request.Request(url, data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=5) as reply:
        assert json.load(reply) == {"code": code, "online": action == "online"}


def test_outage_through_the_control_url(
    training: TrainingServer, municipality: Municipality, clients: list[SyntheticClient]
) -> None:
    connector = create_connector(municipality.system, GOOD)
    before = entry_for(clients[0].hetu)
    connector.record_entry(before)

    control(training, municipality.code, "offline")
    with pytest.raises(errors.Unreachable):
        connector.record_entry(entry_for(clients[1].hetu))
    with pytest.raises(errors.Unreachable):
        connector.probe()

    control(training, municipality.code, "online")
    assert connector.record_entry(before).already_recorded
    after = entry_for(clients[1].hetu)
    assert not connector.record_entry(after).already_recorded
    keys = [record["idempotency_key"] for record in records(training, municipality.code)]
    assert keys == [str(before.idempotency_key), str(after.idempotency_key)]
    connector.close()
