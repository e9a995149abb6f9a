"""Access events through the outbox: their payload, their delivery, their counts.

A real SQLCipher outbox and the real training systems on 127.0.0.1.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.access import MAX_PURPOSE, AccessAction, AccessEvent
from app.domain.author import Author, SignInMethod
from app.domain.hetu import make_hetu
from app.domain.kinds import ItemKind
from app.services.helpdesk import _counts_document
from app.services.outbox.access_codec import access_from_payload, access_to_payload
from app.services.outbox.codec import UNIDENTIFIED_PREFIX
from app.services.outbox.delivery import Outcome
from app.services.outbox.sending import SendingService
from app.services.outbox.store import ItemState
from app.training.server import TrainingServer
from tests.helpers import access_for, access_log, author_for, code_of, entry_for, records
from tests.hostile import broken_bytes, mutated_json

# Any text a worker's name or a policy's purpose may hold (what UTF-8 can carry).
TEXTS = st.text(st.characters(codec="utf-8"), max_size=40)
ZONES = st.sampled_from(
    [dt.UTC, dt.timezone(dt.timedelta(hours=2)), dt.timezone(dt.timedelta(hours=3))]
)


@st.composite
def access_events(draw: st.DrawFn) -> AccessEvent:
    born = draw(st.dates(dt.date(1900, 1, 1), dt.date(2025, 12, 31)))
    hetu = draw(st.none() | st.builds(make_hetu, st.just(born), st.integers(900, 999)))
    moment = st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2100, 1, 1), timezones=ZONES)
    author = Author(
        worker_id=draw(TEXTS.filter(bool)),
        worker_name=draw(TEXTS),
        organisation=draw(TEXTS.filter(bool)),
        method=draw(st.sampled_from(SignInMethod)),
        signed_in_at=draw(moment),
    )
    return AccessEvent(
        author=author,
        occurred_at=draw(moment),
        municipality=draw(st.sampled_from(["106", "186", "245"])),
        hetu=hetu,
        action=draw(st.sampled_from(AccessAction)),
        purpose=draw(TEXTS.filter(lambda t: t.strip() and len(t) <= MAX_PURPOSE)),
        idempotency_key=draw(st.uuids()),
    )


@given(access_events())
def test_an_access_event_reads_back_as_it_was_written(event: AccessEvent) -> None:
    payload = access_to_payload(event)
    back = access_from_payload(payload)
    assert back == event
    assert back.occurred_at.utcoffset() == event.occurred_at.utcoffset()
    assert access_to_payload(back) == payload  # canonical: one form for one event


def sample() -> AccessEvent:
    return access_for("186", make_hetu(dt.date(2017, 3, 14), 931), AccessAction.VIEW)


def test_the_payload_is_canonical_json_naming_the_worker() -> None:
    record = json.loads(access_to_payload(sample()))
    assert record["v"] == 1
    assert record["action"] == "view"
    assert record["author"]["worker_name"] == "Šakari Ŋiemi"
    assert record["author"]["method"] == "oidc"
    assert record["municipality"] == "186"


@given(mutated_json(json.loads(access_to_payload(sample()))))
def test_a_damaged_payload_is_refused_without_quoting_it(body: bytes) -> None:
    try:
        event = access_from_payload(body)
    except ValueError as error:
        assert "931" not in str(error)  # noqa: PT017 - the message, not the raise
        assert "Ŋiemi" not in str(error)  # noqa: PT017
    else:
        assert isinstance(event, AccessEvent)


@given(broken_bytes(access_to_payload(sample())))
def test_unreadable_bytes_are_refused(body: bytes) -> None:
    with pytest.raises(ValueError, match=r"^[a-z_.]+: "):
        access_from_payload(body)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("action", "peek"),
        ("purpose", ""),
        ("purpose", "x" * (MAX_PURPOSE + 1)),
        ("municipality", ""),
        ("hetu", "131052308T"),
    ],
)
def test_a_wrong_field_is_named(field: str, value: str) -> None:
    record = json.loads(access_to_payload(sample()))
    record[field] = value
    body = json.dumps(record).encode("utf-8")
    with pytest.raises(ValueError, match=f"^{field}"):
        access_from_payload(body)


def test_repr_shows_no_client_data() -> None:
    event = sample()
    assert "931" not in repr(event)
    assert "Ŋiemi" not in repr(event)
    assert str(event.idempotency_key) in repr(event)


def test_the_workstation_delivers_access_events_once(
    sending: SendingService, training: TrainingServer
) -> None:
    code = code_of(training, "effica")
    client = training.systems[code].clients[0]
    event = access_for(code, client.hetu, AccessAction.VIEW)
    item = sending.save_access(event)
    assert item.kind is ItemKind.ACCESS
    assert item.client == client.hetu.value
    assert client.hetu.value not in item.label
    assert client.last_name not in item.label
    first = sending.workstation.send_item(item)
    again = sending.workstation.send_item(item)  # a retry after a lost answer
    assert again.already_recorded
    assert again.system_record_id == first.system_record_id
    [logged] = access_log(training, code)
    assert logged["idempotency_key"] == str(event.idempotency_key)
    assert logged["worker_name"] == "Šakari Ŋiemi"


def test_access_events_go_with_the_clients_line_and_leave_the_outbox(
    sending: SendingService, training: TrainingServer
) -> None:
    code = code_of(training, "proconsona")
    client = training.systems[code].clients[0]
    sending.save_access(access_for(code, client.hetu, AccessAction.SEARCH))
    sending.save_access(access_for(code, client.hetu, AccessAction.VIEW))
    sending.save_entry(code, entry_for(client.hetu), saved_by=author_for())
    nobody = sending.save_access(access_for(code, None, AccessAction.ENTRY))
    assert nobody.client.startswith(UNIDENTIFIED_PREFIX)
    report = sending.flush()
    assert report.count(Outcome.DELIVERED) == 4
    assert sending.outbox.items() == []
    log = access_log(training, code)
    # In the client's line, in the order saved; the one without a client in a line of its own.
    assert [e["action"] for e in log if e["hetu"] == client.hetu.value] == ["search", "view"]
    assert [e["action"] for e in log if e["hetu"] is None] == ["entry"]
    assert len(records(training, code, "entry")) == 1


def test_access_events_are_not_counted_as_the_workers_work(
    sending: SendingService, training: TrainingServer
) -> None:
    code = code_of(training, "proconsona")
    client = training.systems[code].clients[0]
    sending.save_access(access_for(code, client.hetu, AccessAction.SEARCH))
    counts = sending.outbox.counts()
    assert (counts.waiting, counts.sending, counts.attention) == (0, 0, 0)
    assert counts.per_municipality == {}
    assert counts.access == 1
    assert _counts_document(counts)["access_events"] == 1
    sending.save_entry(code, entry_for(client.hetu), saved_by=author_for())
    counts = sending.outbox.counts()
    assert counts.waiting == 1
    assert counts.per_municipality == {code: 1}
    assert counts.access == 1


def test_an_access_event_that_cannot_go_waits_and_is_never_lost(
    sending: SendingService, training: TrainingServer
) -> None:
    code = code_of(training, "effica")
    client = training.systems[code].clients[0]
    training.set_online(code, False)
    item = sending.save_access(access_for(code, client.hetu, AccessAction.PRINT))
    report = sending.flush(force=[code])
    assert report.count(Outcome.RETRY) == 1
    [waiting] = sending.outbox.items()
    assert waiting.id == item.id
    assert waiting.state is ItemState.WAITING
    assert waiting.attempts == 1
    training.set_online(code, True)
    assert sending.flush(force=[code]).count(Outcome.DELIVERED) == 1
    assert [e["action"] for e in access_log(training, code)] == ["print"]


def test_a_payload_naming_another_municipality_is_not_sent(
    sending: SendingService, training: TrainingServer
) -> None:
    code = code_of(training, "effica")
    item = sending.save_access(access_for(code, None, AccessAction.ENTRY))
    other = code_of(training, "proconsona")
    moved = dataclasses.replace(item, municipality=other, destination="")
    with pytest.raises(ValueError, match="municipality"):
        sending.workstation.send_item(moved)
    assert access_log(training, other) == []
