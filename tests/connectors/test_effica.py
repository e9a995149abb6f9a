"""What is Effica's own: session tickets, XML, vocabulary, no internal mail.

The shared behaviour is in test_connector_contract.py; these run against an
Effica-only training server, or against scripted servers that answer what a
hostile or broken system might.
"""

from __future__ import annotations

import datetime as dt
import threading
import urllib.error
import urllib.request
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from defusedxml import ElementTree as SafeET

from app.connectors import errors
from app.connectors.base import (
    Capability,
    Credentials,
    DutyEvent,
    InternalMail,
    OpenedClient,
    open_client_key,
)
from app.connectors.effica import FIELD_LIMITS, Effica
from app.domain.hetu import Hetu
from app.domain.model import ClientRef, ContactChannel, DutyEntry, PersonDetails, TaskType
from app.domain.policy import Municipality, Policy, SystemConfig
from app.training import effica as simulator
from app.training.data import SyntheticClient
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.fakes import closed_port_url, fixed_reply_server
from tests.helpers import records

GOOD = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
HELSINKI = dt.timezone(dt.timedelta(hours=2))
SAMI_AND_FINNISH = "Čuoŋžá Đuolbmá Ŋállá Šuoŋŋa Ŧeahkká Žiellá – äiti, Öhman, Åström"
CHILD = Hetu("140317A9139")  # synthetic (individual number 913)
LOGIN_OK = (
    b"<LoginResult><Ticket>T-1</Ticket><ValidUntil>2999-01-01T00:00:00+00:00</ValidUntil>"
    b"</LoginResult>"
)
# Expanded, each would be an acceptable answer: only refusing DTDs stops them.
BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    b'<Pong version="&lol2;"/>'
)
INTERNAL_ENTITY = b'<!DOCTYPE Pong [<!ENTITY v "1.0">]><Pong version="&v;"/>'
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE Pong [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<Pong version="&x;"/>'
)


@pytest.fixture
def training(example_policy: Policy) -> Iterator[TrainingServer]:
    """Only the Effica municipalities: fewer servers to start and stop."""
    effica = tuple(m for m in example_policy.municipalities if m.system.type == "effica")
    with TrainingServer(replace(example_policy, municipalities=effica)) as server:
        yield server


@pytest.fixture
def municipality(training: TrainingServer) -> Municipality:
    return next(m for m in training.policy.municipalities if m.code == "186")


@pytest.fixture
def connector(municipality: Municipality) -> Effica:
    return Effica(municipality.system, GOOD)


def entry_for(hetu: Hetu, **changes: Any) -> DutyEntry:
    entry = DutyEntry(
        hetu=hetu,
        contact_time=dt.datetime(2026, 11, 26, 23, 15, tzinfo=HELSINKI),
        contact_channel=ContactChannel.POLICE,
        task_type=TaskType.CHILD_PROTECTION,
        narrative="Poliisi pyysi arviota yöllä.",
        measures="Soitettu huoltajalle.",
        follow_up_needed=True,
        author="Päivystäjä Testi",
    )
    return replace(entry, **changes)


def config_for(url: str) -> SystemConfig:
    return SystemConfig(type="effica", endpoint=url, connect_timeout=2.0, read_timeout=5.0)


Seen = list[tuple[str, dict[str, str], bytes]]


def paths(seen: Seen) -> list[str]:
    return [path for path, _, _ in seen]


@contextmanager
def scripted_server(replies: dict[str, tuple[int, bytes]]) -> Iterator[tuple[str, Seen]]:
    """Answers each path with a fixed reply (404 for others), recording every request."""
    seen: Seen = []
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with lock:
                seen.append((self.path, dict(self.headers), body))
            status, reply = replies.get(self.path, (404, b""))
            self.send_response(status)
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        do_GET = do_POST  # noqa: N815

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


def raw_post(url: str, body: bytes, ticket: str | None = None) -> tuple[int, ET.Element]:
    request = urllib.request.Request(url, data=body, method="POST")
    if ticket is not None:
        request.add_header("X-Effica-Ticket", ticket)
    try:
        with urllib.request.urlopen(request, timeout=5) as reply:
            return reply.status, SafeET.fromstring(reply.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, SafeET.fromstring(error.read())


# -- capabilities ---------------------------------------------------------------


def test_has_no_internal_mail() -> None:
    connector = Effica(config_for(closed_port_url()), GOOD)
    assert not connector.supports(Capability.INTERNAL_MAIL)
    mail = InternalMail(CHILD, "Lastensuojelu", "Aihe", "Viesti", "Päivystäjä")
    # Refused before any network use: the port is closed, yet this is not Unreachable.
    with pytest.raises(errors.NotSupported):
        connector.send_mail(mail)


# -- session tickets ------------------------------------------------------------


def test_logs_in_again_when_the_system_forgets_the_ticket(
    connector: Effica, training: TrainingServer, municipality: Municipality
) -> None:
    assert connector.find_client(CHILD) is not None
    simulator.forget_tickets(training.systems[municipality.code])
    # The old ticket is refused now; the connector must log in again by itself.
    status, fault = raw_post(
        municipality.system.endpoint + "/PersonQuery", b"<PersonQuery><SSN/></PersonQuery>", "x"
    )
    assert (status, fault.get("code")) == (401, "AUTH")
    ref = connector.find_client(CHILD)
    assert ref is not None
    assert connector.client_summary(ref).hetu == CHILD


def test_gives_up_when_a_fresh_ticket_is_refused_too() -> None:
    replies = {"/Login": (200, LOGIN_OK), "/PersonQuery": (401, b'<Fault code="AUTH">x</Fault>')}
    with scripted_server(replies) as (url, seen), pytest.raises(errors.AuthenticationFailed):
        Effica(config_for(url), GOOD).find_client(CHILD)
    assert paths(seen) == ["/Login", "/PersonQuery", "/Login", "/PersonQuery"]


def test_one_login_serves_many_threads() -> None:
    replies = {"/Login": (200, LOGIN_OK), "/PersonQuery": (200, b"<PersonQueryResult/>")}
    with scripted_server(replies) as (url, seen):
        connector = Effica(config_for(url), GOOD)
        workers = [threading.Thread(target=connector.find_client, args=(CHILD,)) for _ in range(8)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    assert paths(seen).count("/Login") == 1
    assert paths(seen).count("/PersonQuery") == 8
    tickets = {headers["X-Effica-Ticket"] for path, headers, _ in seen if path != "/Login"}
    assert tickets == {"T-1"}


def test_an_expired_ticket_is_renewed_before_use() -> None:
    expired = LOGIN_OK.replace(b"2999-01-01", b"2000-01-01")
    replies = {"/Login": (200, expired), "/PersonQuery": (200, b"<PersonQueryResult/>")}
    with scripted_server(replies) as (url, seen):
        connector = Effica(config_for(url), GOOD)
        connector.find_client(CHILD)
        connector.find_client(CHILD)
    assert paths(seen) == ["/Login", "/PersonQuery", "/Login", "/PersonQuery"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"<Login><User>harjoittelija</User><Password>arvaus</Password></Login>", 401, "AUTH"),
        (b"<Login><User>", 400, "MALFORMED"),
        (b'<!DOCTYPE Login [<!ENTITY x "y">]><Login><User>&x;</User></Login>', 400, "MALFORMED"),
    ],
    ids=["wrong-password", "not-xml", "dtd"],
)
def test_simulator_refuses_bad_logins(
    municipality: Municipality, body: bytes, status: int, code: str
) -> None:
    answer, fault = raw_post(municipality.system.endpoint + "/Login", body)
    assert (answer, fault.tag, fault.get("code")) == (status, "Fault", code)


# -- hostile answers ------------------------------------------------------------


@pytest.mark.parametrize(
    "body", [BOMB, INTERNAL_ENTITY, EXTERNAL_ENTITY], ids=["bomb", "entity", "external-entity"]
)
def test_entity_tricks_are_refused(body: bytes) -> None:
    with fixed_reply_server(200, body) as url:
        connector = Effica(config_for(url), GOOD)
        with pytest.raises(errors.ServerFault):
            connector.probe()
        with pytest.raises(errors.ServerFault):
            connector.find_client(CHILD)


def test_entity_tricks_in_a_fault_are_not_shown_as_the_reason() -> None:
    fault = BOMB.replace(b'<Pong version="&lol2;"/>', b'<Fault code="X">&lol2;</Fault>')
    with fixed_reply_server(422, fault) as url, pytest.raises(errors.Rejected) as caught:
        Effica(config_for(url), GOOD).find_client(CHILD)
    assert "lol" not in caught.value.reason


@pytest.mark.parametrize(
    "answer",
    [
        b'<PersonQueryResult><Person PersonId="EF1" SSN="021184Y9128"/></PersonQueryResult>',
        b'<PersonQueryResult><Person PersonId="EF1" SSN="140317-9139"/></PersonQueryResult>',
        b'<PersonQueryResult><Person PersonId="EF1" SSN="140317A9130"/></PersonQueryResult>',
        b'<PersonQueryResult><Person SSN="140317A9139"/></PersonQueryResult>',
        b'<PersonQueryResult><Person PersonId="E F" SSN="140317A9139"/></PersonQueryResult>',
        b'<PersonQueryResult><Person PersonId="EF1" SSN="140317A9139"/>'
        b'<Person PersonId="EF2" SSN="140317A9139"/></PersonQueryResult>',
        b"<PersonQueryResult><Surprise/></PersonQueryResult>",
        b'<Person PersonId="EF1" SSN="140317A9139"/>',
    ],
    ids=["other", "other-sign", "checksum", "no-id", "bad-id", "two", "unknown", "root"],
)
def test_a_wrong_search_answer_is_a_fault(answer: bytes) -> None:
    replies = {"/Login": (200, LOGIN_OK), "/PersonQuery": (200, answer)}
    with scripted_server(replies) as (url, _), pytest.raises(errors.ServerFault):
        Effica(config_for(url), GOOD).find_client(CHILD)


CLIENT_XML = (
    '<Client PersonId="EF1"><SSN>140317A9139</SSN><FamilyName>Šuoŋŋa</FamilyName>'
    "<GivenNames>Niillas</GivenNames>{address}</Client>"
)


@pytest.mark.parametrize(
    "address",
    [
        "",
        '<Address Protected="maybe"/>',
        '<Address Protected="false"><Street>Tie 1</Street></Address>',
        '<Address Protected="false"/><Address Protected="false"/>',
    ],
    ids=["missing", "bad-flag", "partial", "twice"],
)
def test_a_wrong_client_answer_is_a_fault(address: str) -> None:
    answer = CLIENT_XML.format(address=address).encode()
    replies = {"/Login": (200, LOGIN_OK), "/ClientInfo": (200, answer)}
    with scripted_server(replies) as (url, _):
        connector = Effica(config_for(url), GOOD)
        with pytest.raises(errors.ServerFault):
            connector.client_summary(_ref())


# -- the protected address ------------------------------------------------------


def test_protected_address_is_dropped_even_when_sent() -> None:
    address = (
        '<Address Protected="true"><Street>Salainen tie 11</Street>'
        "<PostCode>04400</PostCode><PostOffice>Järvenpää</PostOffice></Address>"
    )
    replies = {
        "/Login": (200, LOGIN_OK),
        "/ClientInfo": (200, CLIENT_XML.format(address=address).encode()),
    }
    with scripted_server(replies) as (url, _):
        summary = Effica(config_for(url), GOOD).client_summary(_ref())
    assert summary.non_disclosure
    assert summary.address is None
    assert "Salainen" not in repr(vars(summary))


def test_simulator_sends_the_protected_address_that_the_connector_drops(
    connector: Effica, municipality: Municipality, clients: list[SyntheticClient]
) -> None:
    teen = next(client for client in clients if client.non_disclosure)
    ref = connector.find_client(teen.hetu)
    assert ref is not None
    login = (
        f"<Login><User>{TRAINING_USERNAME}</User><Password>{TRAINING_PASSWORD}</Password></Login>"
    )
    _, result = raw_post(municipality.system.endpoint + "/Login", login.encode())
    ticket = result.findtext("Ticket")
    request = f'<ClientInfoRequest PersonId="{ref.system_id}"/>'.encode()
    _, raw = raw_post(municipality.system.endpoint + "/ClientInfo", request, ticket)
    assert raw.findtext("Address/Street") == teen.address.street
    assert connector.client_summary(ref).address is None


# -- vocabulary -----------------------------------------------------------------


def test_summary_vocabulary_is_mapped(connector: Effica, clients: list[SyntheticClient]) -> None:
    child = clients[0]
    assert child.care_plan is not None
    ref = connector.find_client(child.hetu)
    assert ref is not None
    assert ref.system_id.startswith("EF")
    summary = connector.client_summary(ref)
    assert [guardian.hetu for guardian in summary.guardians] == list(child.guardians)
    assert summary.care_plan is not None
    assert summary.care_plan.title == child.care_plan.title
    assert summary.care_plan.updated == child.care_plan.updated
    assert summary.responsible_worker == child.responsible_worker
    mother = connector.client_summary(_found(connector, child.guardians[0]))
    assert [(c.name, c.hetu) for c in mother.children] == [(child.full_name, child.hetu)]


def test_entry_goes_out_in_effica_words() -> None:
    replies = {
        "/Login": (200, LOGIN_OK),
        "/DailyNote": (201, b'<Ack Status="Stored" NoteId="N-7"/>'),
    }
    entry = entry_for(CHILD, narrative="<b>&amp; </DailyNote>", follow_up_needed=False)
    with scripted_server(replies) as (url, seen):
        receipt = Effica(config_for(url), GOOD).record_entry(entry)
    assert (receipt.system_record_id, receipt.already_recorded) == ("N-7", False)
    path, headers, body = seen[-1]
    assert path == "/DailyNote"
    assert headers["X-Effica-Ticket"] == "T-1"
    note = SafeET.fromstring(body)
    assert note.get("MessageId") == str(entry.idempotency_key)
    assert note.findtext("SSN") == CHILD.value
    assert note.findtext("ContactTime") == "2026-11-26T23:15:00+02:00"
    assert note.findtext("ContactedBy") == "Police"
    assert note.findtext("TaskType") == "ChildWelfare"
    assert note.findtext("FollowUpNeeded") == "false"
    assert note.findtext("Narrative") == "<b>&amp; </DailyNote>"
    assert all(CHILD.value not in path for path in paths(seen))


@pytest.mark.parametrize("channel", list(ContactChannel))
def test_every_contact_channel_is_understood(
    connector: Effica,
    training: TrainingServer,
    municipality: Municipality,
    channel: ContactChannel,
) -> None:
    entry = entry_for(CHILD, contact_channel=channel, task_type=TaskType.ADULT_SOCIAL_WORK)
    connector.record_entry(entry)
    [record] = records(training, municipality.code)
    assert record["contact_channel"] == channel.value
    assert record["task_type"] == TaskType.ADULT_SOCIAL_WORK.value


def test_income_support_is_refused_with_a_reason(
    connector: Effica, training: TrainingServer, municipality: Municipality
) -> None:
    with pytest.raises(errors.Rejected) as caught:
        connector.record_entry(entry_for(CHILD, task_type=TaskType.INCOME_SUPPORT))
    assert "tehtävätyyppi" in caught.value.reason
    assert records(training, municipality.code) == []


def test_too_long_narrative_is_refused(connector: Effica) -> None:
    with pytest.raises(errors.Rejected) as caught:
        connector.record_entry(entry_for(CHILD, narrative="a" * (FIELD_LIMITS.narrative + 1)))
    assert caught.value.status == 422


def test_discard_event_goes_out_as_an_audit_event() -> None:
    replies = {
        "/Login": (200, LOGIN_OK),
        "/AuditEvent": (201, b'<Ack Status="Stored" EventId="E-7"/>'),
    }
    discarded = uuid.uuid4()
    event = DutyEvent(
        hetu=CHILD,
        kind="discarded_entry",
        text="Kirjattu uudelleen\r\npuhelimessa & <ok>",
        author="Päivystäjä Testi",
        occurred_at=dt.datetime(2026, 11, 27, 0, 5, tzinfo=HELSINKI),
        refers_to=discarded,
    )
    with scripted_server(replies) as (url, seen):
        receipt = Effica(config_for(url), GOOD).record_event(event)
    assert (receipt.system_record_id, receipt.already_recorded) == ("E-7", False)
    path, headers, body = seen[-1]
    assert (path, headers["X-Effica-Ticket"]) == ("/AuditEvent", "T-1")
    audit = SafeET.fromstring(body)
    assert audit.get("MessageId") == str(event.idempotency_key)
    assert audit.findtext("SSN") == CHILD.value
    assert audit.findtext("EventType") == "DiscardedNote"
    assert audit.findtext("Reason") == "Kirjattu uudelleen\npuhelimessa & <ok>"
    assert audit.findtext("OccurredAt") == "2026-11-27T00:05:00+02:00"
    assert audit.findtext("RefersTo") == str(discarded)


@pytest.mark.parametrize(
    "ack",
    [
        b'<Ack Status="Stored"/>',
        b'<Ack Status="Stored" NoteId="E-1"/>',
        b'<Ack Status="Maybe" EventId="E-1"/>',
        b'<Ack Status="Stored" EventId=" E-1"/>',
        b'<Fault code="X">Ei</Fault>',
    ],
    ids=["no-id", "note-id", "unknown-status", "padded-id", "fault-with-200"],
)
def test_a_wrong_audit_acknowledgement_is_a_fault(ack: bytes) -> None:
    replies = {"/Login": (200, LOGIN_OK), "/AuditEvent": (200, ack)}
    event = DutyEvent(CHILD, "discarded_entry", "Syy", "Päivystäjä", dt.datetime.now(dt.UTC))
    with scripted_server(replies) as (url, _), pytest.raises(errors.ServerFault):
        Effica(config_for(url), GOOD).record_event(event)


# -- text survives --------------------------------------------------------------


def test_finnish_and_sami_letters_survive_into_inspect(
    connector: Effica, training: TrainingServer, municipality: Municipality
) -> None:
    entry = entry_for(
        CHILD,
        narrative=f"{SAMI_AND_FINNISH}\n<tägi> & \"lainaus\" 'heittomerkki'",
        measures=SAMI_AND_FINNISH,
        author="Päivystäjä Áslat Ŋuolla",
    )
    connector.record_entry(entry)
    [record] = records(training, municipality.code)
    assert record["text"] == entry.narrative
    assert record["measures"] == entry.measures
    assert record["author"] == entry.author


def test_line_endings_and_control_characters_are_made_xml_safe(
    connector: Effica, training: TrainingServer, municipality: Municipality
) -> None:
    connector.record_entry(entry_for(CHILD, narrative="Rivi 1\r\nRivi 2\x0bRivi 3\x07"))
    [record] = records(training, municipality.code)
    assert record["text"] == "Rivi 1\nRivi 2\nRivi 3"


# -- helpers --------------------------------------------------------------------


def _ref() -> ClientRef:
    return ClientRef(hetu=CHILD, system_id="EF1")


def _found(connector: Effica, hetu: Hetu) -> ClientRef:
    ref = connector.find_client(hetu)
    assert ref is not None
    return ref


# -- a new client ---------------------------------------------------------------

NEW_PERSON = PersonDetails(
    last_name="Ŧeahkká",
    first_names="Ođđa <&>",
    birth_date=CHILD.birth_date,
    nationality="Suomi",
    language="suomi",
    non_disclosure=True,
)
OPENED = b'<Ack Status="Stored" PersonId="EF-9" SSN="140317A9139" NeedsIdentification="false"/>'


def test_a_client_to_open_goes_out_in_effica_words() -> None:
    replies = {"/Login": (200, LOGIN_OK), "/OpenClient": (201, OPENED)}
    key = uuid.uuid4()
    with scripted_server(replies) as (url, seen):
        opened = Effica(config_for(url), GOOD).open_client(NEW_PERSON, CHILD, key)
    assert opened == OpenedClient("EF-9", CHILD, needs_identification=False, created=True)
    path, _, body = seen[-1]
    request = SafeET.fromstring(body)
    assert (path, request.tag, request.get("MessageId")) == ("/OpenClient", "OpenClient", str(key))
    assert request.findtext("SSN") == CHILD.value
    assert request.findtext("FamilyName") == "Ŧeahkká"
    assert request.findtext("GivenNames") == "Ođđa <&>"
    assert request.findtext("BirthDate") == "2017-03-14"
    address = request.find("Address")
    assert address is not None
    # Under non-disclosure: marked protected, and nothing in it.
    assert (address.get("Protected"), len(address)) == ("true", 0)
    assert (request.findtext("Nationality"), request.findtext("Language")) == ("Suomi", "suomi")


def test_an_unidentified_persons_note_names_the_person_by_person_id() -> None:
    replies = {
        "/Login": (200, LOGIN_OK),
        "/OpenClient": (
            200,
            b'<Ack Status="Duplicate" PersonId="EF-9" NeedsIdentification="true"/>',
        ),
        "/DailyNote": (201, b'<Ack Status="Stored" NoteId="N-7"/>'),
    }
    entry = replace(entry_for(CHILD), hetu=None, person=NEW_PERSON)
    with scripted_server(replies) as (url, seen):
        Effica(config_for(url), GOOD).record_entry(entry)
    assert paths(seen) == ["/Login", "/OpenClient", "/DailyNote"]
    opening = SafeET.fromstring(seen[1][2])
    assert opening.get("MessageId") == str(open_client_key(entry.idempotency_key))
    assert opening.find("SSN") is None
    note = SafeET.fromstring(seen[2][2])
    assert note.get("PersonId") == "EF-9"
    assert note.find("SSN") is None


@pytest.mark.parametrize(
    "ack",
    [
        b'<Ack Status="Stored" PersonId="EF-9" SSN="140317A9139"/>',
        b'<Ack Status="Stored" PersonId="EF-9" NeedsIdentification="false"/>',
        b'<Ack Status="Stored" PersonId="EF-9" SSN="010190-998K" NeedsIdentification="false"/>',
        b'<Ack Status="Stored" PersonId="EF-9" SSN="140317A9139" NeedsIdentification="true"/>',
        b'<Ack Status="Opened" PersonId="EF-9" SSN="140317A9139" NeedsIdentification="false"/>',
        b'<Ack Status="Stored" PersonId="../x" SSN="140317A9139" NeedsIdentification="false"/>',
    ],
    ids=["no-flag", "no-code", "other-code", "to-identify", "unknown-status", "bad-id"],
)
def test_an_untrustworthy_opening_ack_is_a_fault(ack: bytes) -> None:
    replies = {"/Login": (200, LOGIN_OK), "/OpenClient": (201, ack)}
    with scripted_server(replies) as (url, _), pytest.raises(errors.ServerFault) as caught:
        Effica(config_for(url), GOOD).open_client(NEW_PERSON, CHILD, uuid.uuid4())
    assert CHILD.value not in str(caught.value)


def open_request(key: uuid.UUID, inner: str) -> bytes:
    return f'<OpenClient MessageId="{key}">{inner}</OpenClient>'.encode()


@pytest.mark.parametrize(
    ("inner", "refused"),
    [
        ('<FamilyName>Ŧeahkká</FamilyName><Address Protected="false"/>', False),
        (
            '<FamilyName>Ŧeahkká</FamilyName><Address Protected="true"><Street>K 1</Street>'
            "<PostCode>04400</PostCode><PostOffice>Järvenpää</PostOffice></Address>",
            True,
        ),
        (
            "<FamilyName>Ŧeahkká</FamilyName>"
            '<Address Protected="false"><Street>K</Street></Address>',
            True,
        ),
        ('<FamilyName> </FamilyName><Address Protected="false"/>', True),
        ("<FamilyName>Ŧeahkká</FamilyName>", True),
        (
            "<SSN>140317A9139</SSN><BirthDate>2017-03-15</BirthDate><FamilyName>Ŧ</FamilyName>"
            '<Address Protected="false"/>',
            True,
        ),
    ],
    ids=[
        "minimal",
        "address-under-protection",
        "part-of-an-address",
        "no-name",
        "no-address",
        "other-birth-date",
    ],
)
def test_the_simulator_checks_a_client_to_open(
    municipality: Municipality, inner: str, refused: bool
) -> None:
    ticket = login_ticket(municipality)
    status, answer = raw_post(
        municipality.system.endpoint + "/OpenClient", open_request(uuid.uuid4(), inner), ticket
    )
    if refused:
        assert (status, answer.tag, answer.get("code")) == (422, "Fault", "VALIDATION")
    else:
        assert (status, answer.get("Status"), answer.get("NeedsIdentification")) == (
            201,
            "Stored",
            "true",
        )


@pytest.mark.parametrize(
    "attributes",
    ["", ' PersonId="EF99999"', ' PersonId="EF00001"'],
    ids=["none", "unknown", "coded"],
)
def test_a_note_without_a_code_must_name_an_unidentified_person(
    municipality: Municipality, training: TrainingServer, attributes: str
) -> None:
    note = (
        f'<DailyNote MessageId="{uuid.uuid4()}"{attributes}>'
        "<ContactTime>2026-11-26T23:15:00+02:00</ContactTime><ContactedBy>Police</ContactedBy>"
        "<TaskType>ChildWelfare</TaskType><Narrative>N</Narrative><Measures/>"
        "<FollowUpNeeded>false</FollowUpNeeded><Author>A</Author></DailyNote>"
    ).encode()
    status, answer = raw_post(
        municipality.system.endpoint + "/DailyNote", note, login_ticket(municipality)
    )
    assert status == 422
    assert answer.tag == "Fault"
    assert records(training, municipality.code) == []


def login_ticket(municipality: Municipality) -> str:
    body = (
        f"<Login><User>{TRAINING_USERNAME}</User><Password>{TRAINING_PASSWORD}</Password></Login>"
    ).encode()
    status, result = raw_post(municipality.system.endpoint + "/Login", body)
    assert status == 200
    ticket = result.findtext("Ticket")
    assert ticket
    return ticket
