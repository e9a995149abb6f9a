"""What is Pro Consona's own: internal mail, bearer tokens, its vocabulary, hostile answers.

The shared behaviour is in ``test_connector_contract.py``; these run against
the Pro Consona training system or against scripted servers on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from app.connectors import errors, proconsona
from app.connectors.base import (
    Capability,
    Credentials,
    DutyEvent,
    OpenedClient,
    open_client_key,
)
from app.connectors.proconsona import ProConsona
from app.domain.hetu import Hetu, make_hetu
from app.domain.model import (
    Address,
    ClientRef,
    ContactChannel,
    DutyEntry,
    PersonDetails,
    TaskType,
)
from app.domain.policy import Municipality, SystemConfig
from app.training.data import UNKNOWN_CLIENT, SyntheticClient
from app.training.proconsona import Sessions, sessions_of
from app.training.server import (
    TRAINING_PASSWORD,
    TRAINING_USERNAME,
    SimulatedSystem,
    TrainingServer,
)
from tests.helpers import mail_for, notification, records

GOOD = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
HELSINKI = dt.timezone(dt.timedelta(hours=2))


@pytest.fixture
def municipality(training: TrainingServer) -> Municipality:
    return next(m for m in training.policy.municipalities if m.system.type == "proconsona")


@pytest.fixture
def system(training: TrainingServer, municipality: Municipality) -> SimulatedSystem:
    return training.systems[municipality.code]


@pytest.fixture
def sessions(system: SimulatedSystem) -> Sessions:
    return sessions_of(system)


@pytest.fixture
def connector(municipality: Municipality) -> Iterator[ProConsona]:
    connector = ProConsona(municipality.system, GOOD)
    yield connector
    connector.close()


@pytest.fixture
def clients(system: SimulatedSystem) -> list[SyntheticClient]:
    return system.clients


def entry_for(hetu: Hetu, **changes: Any) -> DutyEntry:
    entry = DutyEntry(
        hetu=hetu,
        contact_time=dt.datetime(2026, 11, 26, 23, 15, tzinfo=HELSINKI),
        contact_channel=ContactChannel.EMERGENCY_112,
        task_type=TaskType.ADULT_SOCIAL_WORK,
        narrative="Hätäkeskus välitti ilmoituksen; asiakas kotona yksin. Ŋ Đ Ŧ Ž",
        measures="Kotikäynti, yhteys omaiseen.",
        follow_up_needed=False,
        author="Päivystäjä Testi",
    )
    return replace(entry, **changes)


def raw(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, Any]:
    """A request past the connector: status and decoded JSON."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as reply:
            return reply.status, json.load(reply)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.load(error)


# -- internal mail --------------------------------------------------------


def test_only_pro_consona_has_internal_mail(connector: ProConsona) -> None:
    assert connector.supports(Capability.INTERNAL_MAIL)


def test_mail_is_delivered_once_with_a_repeated_key(
    connector: ProConsona,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    mail = mail_for(clients[0].hetu)
    first = connector.send_mail(mail)
    again = connector.send_mail(mail)
    assert not first.already_recorded
    assert again.already_recorded
    assert again.system_record_id == first.system_record_id
    [record] = records(training, municipality.code)
    assert record["kind"] == "mail"
    assert record["idempotency_key"] == str(mail.idempotency_key)
    assert record["hetu"] == clients[0].hetu.value
    assert record["text"] == mail.body
    assert record["subject"] == mail.subject
    assert record["recipient_unit"] == mail.recipient_unit


def test_mail_with_a_reused_key_and_other_text_is_rejected(
    connector: ProConsona,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    mail = mail_for(clients[0].hetu)
    connector.send_mail(mail)
    with pytest.raises(errors.Rejected) as caught:
        connector.send_mail(replace(mail, body="Toinen viesti"))
    assert caught.value.status == 409
    assert caught.value.reason
    assert len(records(training, municipality.code)) == 1


def test_mail_about_an_unknown_client_is_rejected(connector: ProConsona) -> None:
    with pytest.raises(errors.Rejected) as caught:
        connector.send_mail(mail_for(UNKNOWN_CLIENT))
    assert caught.value.status == 422
    assert UNKNOWN_CLIENT.value not in str(caught.value)


# -- bearer token ---------------------------------------------------------


def test_one_login_serves_many_requests(
    connector: ProConsona, sessions: Sessions, clients: list[SyntheticClient]
) -> None:
    for client in clients:
        assert connector.find_client(client.hetu) is not None
    assert sessions.issued == 1


def test_parallel_workers_share_one_login(
    connector: ProConsona, sessions: Sessions, clients: list[SyntheticClient]
) -> None:
    found: list[ClientRef | None] = []
    threads = [
        threading.Thread(target=lambda c=client: found.append(connector.find_client(c.hetu)))
        for client in clients
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == len(clients)
    assert all(ref is not None for ref in found)
    assert sessions.issued == 1


def test_logs_in_again_when_the_server_forgets_the_token(
    connector: ProConsona,
    sessions: Sessions,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    assert connector.find_client(clients[0].hetu) is not None
    sessions.forget_all()
    # A delivery, too, survives the lost session and is stored exactly once.
    receipt = connector.record_entry(entry_for(clients[0].hetu))
    assert not receipt.already_recorded
    assert sessions.issued == 2
    assert len(records(training, municipality.code)) == 1


def test_renews_the_token_before_it_expires(
    connector: ProConsona,
    sessions: Sessions,
    clients: list[SyntheticClient],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    connector.find_client(clients[0].hetu)
    now = proconsona._monotonic()
    # Past the server's lifetime less the safety margin: the connector logs in first.
    monkeypatch.setattr(proconsona, "_monotonic", lambda: now + sessions.lifetime - 10)
    connector.find_client(clients[0].hetu)
    assert sessions.issued == 2


def test_wrong_password_is_refused_by_the_simulator(
    municipality: Municipality,
) -> None:
    form = f"grant_type=password&username={TRAINING_USERNAME}&password=arvaus".encode()
    status, document = raw(municipality.system.endpoint + "/v1/oauth/token", form)
    assert status == 401
    assert document["error"] == "invalid_grant"


def test_requests_without_a_token_are_refused(municipality: Municipality) -> None:
    status, _ = raw(
        municipality.system.endpoint + "/v1/clients/search",
        b'{"henkilotunnus": A_HETU.value}',
        {"Content-Type": "application/json"},
    )
    assert status == 401


def test_probe_needs_no_login(connector: ProConsona, sessions: Sessions) -> None:
    assert "Pro Consona" in connector.probe().system_version
    assert sessions.issued == 0


# -- vocabulary -----------------------------------------------------------


def test_maps_the_vocabulary_of_a_child_client(
    connector: ProConsona, clients: list[SyntheticClient]
) -> None:
    child = next(c for c in clients if c.guardians and not c.non_disclosure)
    ref = connector.find_client(child.hetu)
    assert ref is not None
    assert ref.system_id.startswith("PC-")
    summary = connector.client_summary(ref)
    assert summary.address == child.address
    assert [g.hetu for g in summary.guardians] == list(child.guardians)
    assert child.care_plan is not None
    assert summary.care_plan == child.care_plan
    assert summary.responsible_worker == child.responsible_worker


def test_non_disclosed_address_is_dropped_though_the_system_sends_it(
    connector: ProConsona,
    sessions: Sessions,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    teen = next(c for c in clients if c.non_disclosure)
    ref = connector.find_client(teen.hetu)
    assert ref is not None
    # The system does hold and send it: dropping it is the connector's job.
    token = sessions.issue()
    url = f"{municipality.system.endpoint}/v1/clients/{ref.system_id}"
    _, document = raw(url, headers={"Authorization": f"Bearer {token}"})
    assert document["turvakielto"] is True
    assert document["osoite"]["katuosoite"] == teen.address.street
    summary = connector.client_summary(ref)
    assert summary.non_disclosure
    assert summary.address is None


def test_entry_arrives_in_the_systems_terms(
    connector: ProConsona,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
) -> None:
    entry = entry_for(clients[5].hetu, follow_up_needed=True)
    connector.record_entry(entry)
    [record] = records(training, municipality.code)
    # The simulator maps Pro Consona's codes back on its own: a wrong code shows here.
    assert record["task_type"] == "adult_social_work"
    assert record["contact_channel"] == "112"
    assert record["contact_time"] == "2026-11-26T23:15:00+02:00"
    assert record["follow_up_needed"] is True
    assert record["measures"] == entry.measures
    assert record["author"] == entry.author
    assert record["text"] == entry.narrative


def test_entry_with_a_known_system_id_needs_no_search(
    connector: ProConsona, sessions: Sessions, system: SimulatedSystem
) -> None:
    client = system.clients[0]
    ref = connector.find_client(client.hetu)
    assert ref is not None
    receipt = connector.record_entry(entry_for(client.hetu, client_system_id=ref.system_id))
    assert receipt.system_record_id


def test_entry_whose_id_belongs_to_someone_else_is_rejected(
    connector: ProConsona, training: TrainingServer, municipality: Municipality
) -> None:
    clients = training.systems[municipality.code].clients
    other = connector.find_client(clients[1].hetu)
    assert other is not None
    with pytest.raises(errors.Rejected) as caught:
        connector.record_entry(entry_for(clients[0].hetu, client_system_id=other.system_id))
    assert caught.value.reason
    assert records(training, municipality.code) == []


@pytest.mark.parametrize(
    "changes",
    [
        {"task_type": TaskType.INCOME_SUPPORT},
        {"narrative": "x" * (proconsona.FIELD_LIMITS.narrative + 1)},
        {"narrative": "\n\t "},
        {"author": ""},
    ],
    ids=["income-support", "too-long", "whitespace", "no-author"],
)
def test_invalid_entries_are_rejected_in_finnish(
    connector: ProConsona,
    training: TrainingServer,
    municipality: Municipality,
    clients: list[SyntheticClient],
    changes: dict[str, Any],
) -> None:
    with pytest.raises(errors.Rejected) as caught:
        connector.record_entry(entry_for(clients[0].hetu, **changes))
    assert caught.value.status == 422
    # The system's own words, not the connector's fallback of a bare status.
    assert caught.value.reason.strip()
    assert "HTTP" not in caught.value.reason
    assert records(training, municipality.code) == []


def test_simulator_answers_bad_json_with_400(
    municipality: Municipality, sessions: Sessions
) -> None:
    status, document = raw(
        municipality.system.endpoint + "/v1/viestit",
        b"{not json",
        {"Authorization": f"Bearer {sessions.issue()}", "Idempotency-Key": str(uuid.uuid4())},
    )
    assert status == 400
    assert document["virhe"]["viesti"]


# -- hostile answers ------------------------------------------------------

Reply = tuple[int, Any]
TOKEN_REPLY: Reply = (200, {"access_token": "t0k3n", "token_type": "Bearer", "expires_in": 600})
# A temporary code (900-999) known to no training system, and its look-alikes.
A_HETU = make_hetu(dt.date(1990, 1, 1), 998)
OTHER_SIGN = A_HETU.value.replace("-", "Y")
BAD_CHECKSUM = A_HETU.value[:-1] + ("A" if A_HETU.value[-1] != "A" else "B")


@contextmanager
def scripted_server(routes: dict[str, Callable[[], Reply]]) -> Iterator[tuple[str, list[str]]]:
    """Answers ``"METHOD /path"`` from ``routes`` (404 otherwise); yields its URL and a log."""
    log: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def _reply(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            route = f"{self.command} {self.path}"
            log.append(route)
            status, document = routes.get(route, lambda: (404, {}))()
            body = document if isinstance(document, bytes) else json.dumps(document).encode()
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _reply  # noqa: N815

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    # A short poll interval keeps shutdown, and so each test, quick.
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", log
    finally:
        server.shutdown()
        server.server_close()


def scripted_connector(url: str) -> ProConsona:
    return ProConsona(SystemConfig(type="proconsona", endpoint=url, read_timeout=5.0), GOOD)


def test_a_token_that_never_works_fails_after_one_new_login() -> None:
    routes = {
        "POST /v1/oauth/token": lambda: TOKEN_REPLY,
        "POST /v1/clients/search": lambda: (401, {}),
    }
    with scripted_server(routes) as (url, log), pytest.raises(errors.AuthenticationFailed):
        scripted_connector(url).find_client(A_HETU)
    assert log.count("POST /v1/oauth/token") == 2
    assert log.count("POST /v1/clients/search") == 2


@pytest.mark.parametrize(
    "token",
    [
        {"access_token": "t", "token_type": "Bearer"},
        {"access_token": "t", "token_type": "Bearer", "expires_in": True},
        {"access_token": "t", "token_type": "mac", "expires_in": 600},
        {"access_token": "t\r\nX-Evil: 1", "token_type": "Bearer", "expires_in": 600},
        {"access_token": 5, "token_type": "Bearer", "expires_in": 600},
    ],
    ids=["no-expiry", "bool-expiry", "not-bearer", "header-injection", "not-a-string"],
)
def test_malformed_token_answer_is_a_fault(token: dict[str, Any]) -> None:
    routes = {"POST /v1/oauth/token": lambda: (200, token)}
    with scripted_server(routes) as (url, _), pytest.raises(errors.ServerFault):
        scripted_connector(url).find_client(A_HETU)


@pytest.mark.parametrize(
    "results",
    [
        [{"asiakasId": "PC-1", "henkilotunnus": OTHER_SIGN}],
        [{"asiakasId": "../admin", "henkilotunnus": A_HETU.value}],
        [{"asiakasId": "PC-1", "henkilotunnus": BAD_CHECKSUM}],
        [{"asiakasId": "PC-1", "henkilotunnus": A_HETU.value}] * 2,
        "nothing",
    ],
    ids=["other-person", "path-traversal", "invalid-hetu", "ambiguous", "not-a-list"],
)
def test_untrustworthy_search_answer_is_a_fault(results: Any) -> None:
    routes = {
        "POST /v1/oauth/token": lambda: TOKEN_REPLY,
        "POST /v1/clients/search": lambda: (200, {"results": results}),
    }
    with scripted_server(routes) as (url, _), pytest.raises(errors.ServerFault) as caught:
        scripted_connector(url).find_client(A_HETU)
    assert A_HETU.value not in str(caught.value)


GOOD_SUMMARY: dict[str, Any] = {
    "asiakasId": "PC-1",
    "henkilotunnus": A_HETU.value,
    "sukunimi": "Testinen",
    "etunimet": "Tiina",
    "osoite": {"katuosoite": "Koetie 1", "postinumero": "05800", "postitoimipaikka": "Hyvinkää"},
    "turvakielto": False,
    "huoltajat": [],
    "lapset": [],
    "asiakassuunnitelma": None,
    "vastuutyontekija": None,
}


@pytest.mark.parametrize(
    "changes",
    [
        {"henkilotunnus": OTHER_SIGN},
        {"turvakielto": "false"},
        {"sukunimi": None},
        {"osoite": ["Koetie 1"]},
        {"huoltajat": [{"nimi": "X", "henkilotunnus": "not a hetu"}]},
        {"asiakassuunnitelma": {"otsikko": "T", "yhteenveto": "S", "paivitetty": "eilen"}},
        {"vastuutyontekija": {"nimi": 7}},
    ],
    ids=[
        "other-person",
        "string-bool",
        "no-name",
        "address-list",
        "bad-guardian",
        "bad-date",
        "bad-worker",
    ],
)
def test_untrustworthy_summary_is_a_fault(changes: dict[str, Any]) -> None:
    document = {**GOOD_SUMMARY, **changes}
    routes = {
        "POST /v1/oauth/token": lambda: TOKEN_REPLY,
        "GET /v1/clients/PC-1": lambda: (200, document),
    }
    with scripted_server(routes) as (url, _):
        connector = scripted_connector(url)
        with pytest.raises(errors.ServerFault):
            connector.client_summary(ClientRef(A_HETU, "PC-1"))


def test_well_formed_scripted_summary_parses() -> None:
    routes = {
        "POST /v1/oauth/token": lambda: TOKEN_REPLY,
        "GET /v1/clients/PC-1": lambda: (200, GOOD_SUMMARY),
    }
    with scripted_server(routes) as (url, _):
        summary = scripted_connector(url).client_summary(ClientRef(A_HETU, "PC-1"))
    assert summary.full_name == "Testinen Tiina"
    assert summary.address is not None
    assert summary.address.postal_code == "05800"


def test_client_id_is_quoted_in_the_path() -> None:
    routes = {"POST /v1/oauth/token": lambda: TOKEN_REPLY}
    with scripted_server(routes) as (url, log), pytest.raises(errors.Rejected):
        scripted_connector(url).client_summary(ClientRef(A_HETU, "../x?y"))
    assert "GET /v1/clients/..%2Fx%3Fy" in log


def test_address_under_turvakielto_is_not_even_read() -> None:
    # Whatever the system sends as the address, protection wins and nothing of it is kept.
    document = {**GOOD_SUMMARY, "turvakielto": True, "osoite": {"katuosoite": 12}}
    routes = {
        "POST /v1/oauth/token": lambda: TOKEN_REPLY,
        "GET /v1/clients/PC-1": lambda: (200, document),
    }
    with scripted_server(routes) as (url, _):
        summary = scripted_connector(url).client_summary(ClientRef(A_HETU, "PC-1"))
    assert summary.non_disclosure
    assert summary.address is None


def discard_event(hetu: Hetu, refers_to: uuid.UUID | None = None) -> DutyEvent:
    return DutyEvent(
        hetu=hetu,
        kind="discarded_entry",
        text="Kirjattu uudelleen puhelimessa.",
        author="Päivystäjä Testi",
        occurred_at=dt.datetime(2026, 11, 27, 0, 5, tzinfo=HELSINKI),
        refers_to=refers_to,
    )


@pytest.mark.parametrize(
    "ack",
    [
        {"duplikaatti": False},
        {"tapahtumaId": 5, "duplikaatti": False},
        {"tapahtumaId": "  ", "duplikaatti": False},
        {"tapahtumaId": "T-1", "duplikaatti": "false"},
        {"kirjausId": "T-1", "duplikaatti": False},
        ["T-1"],
    ],
    ids=["no-id", "number-id", "blank-id", "string-bool", "entry-id", "not-an-object"],
)
def test_untrustworthy_event_acknowledgement_is_a_fault(ack: Any) -> None:
    routes = {
        "POST /v1/oauth/token": lambda: TOKEN_REPLY,
        "POST /v1/tapahtumat": lambda: (201, ack),
    }
    with scripted_server(routes) as (url, _), pytest.raises(errors.ServerFault):
        scripted_connector(url).record_event(discard_event(A_HETU))


def test_event_arrives_in_the_systems_terms(
    municipality: Municipality, sessions: Sessions, clients: list[SyntheticClient]
) -> None:
    key, discarded = str(uuid.uuid4()), str(uuid.uuid4())
    event = {
        "henkilotunnus": clients[0].hetu.value,
        "tapahtumalaji": "kirjaus_poistettu",
        "perustelu": "Kirjattu uudelleen puhelimessa.",
        "kirjaaja": "Päivystäjä",
        "tapahtumaAika": "2026-11-27T00:05:00+02:00",
        "viittaus": discarded,
    }
    headers = {"Authorization": f"Bearer {sessions.issue()}", "Idempotency-Key": key}
    url = municipality.system.endpoint + "/v1/tapahtumat"
    status, document = raw(url, json.dumps(event).encode(), headers)
    assert status == 201
    assert document["duplikaatti"] is False
    assert document["tapahtumaId"]
    status, document = raw(url, json.dumps({**event, "tapahtumalaji": "muu"}).encode(), headers)
    assert (status, document["virhe"]["koodi"]) == (422, "TAPAHTUMALAJI")


def test_simulator_requires_a_uuid_idempotency_key(
    municipality: Municipality, sessions: Sessions, clients: list[SyntheticClient]
) -> None:
    mail = {
        "henkilotunnus": clients[0].hetu.value,
        "vastaanottajaYksikko": "Virka-aika",
        "otsikko": "Otsikko",
        "viesti": "Viesti",
        "lahettaja": "Päivystäjä",
    }
    status, document = raw(
        municipality.system.endpoint + "/v1/viestit",
        json.dumps(mail).encode(),
        {"Authorization": f"Bearer {sessions.issue()}", "Idempotency-Key": "1"},
    )
    assert status == 422
    assert document["virhe"]["koodi"] == "AVAIN"


def test_transport_errors_do_not_name_the_client_id(training: TrainingServer) -> None:
    """Error messages reach logs and helpdesk: the client's id in the path stays out."""
    from tests.fakes import closed_port_url

    municipality = next(m for m in training.policy.municipalities if m.system.type == "proconsona")
    client = training.systems[municipality.code].clients[0]
    connector = ProConsona(
        replace(municipality.system, endpoint=closed_port_url()),
        Credentials(TRAINING_USERNAME, TRAINING_PASSWORD),
    )
    connector._token = proconsona._Token("abc", float("inf"))  # no login: fail on the summary
    with pytest.raises(errors.Unreachable) as caught:
        connector.client_summary(ClientRef(client.hetu, "PC-000001"))
    assert "PC-000001" not in str(caught.value)
    assert "/v1/clients/{id}" in str(caught.value)


# -- a new client: opening it, mail about it, what the simulator refuses ---------------

NEW_PERSON = PersonDetails(
    last_name="Šuoŋŋa",
    first_names="Ánde Žiellá",
    birth_date=A_HETU.birth_date,
    address=Address("Koivukuja 4", "04400", "Järvenpää"),
)
OPEN_REQUEST: dict[str, Any] = {
    "henkilotunnus": A_HETU.value,
    "sukunimi": "Šuoŋŋa",
    "etunimet": "Ánde",
    "syntymaaika": A_HETU.birth_date.isoformat(),
    "osoite": None,
    "turvakielto": False,
    "kansalaisuus": "",
    "kieli": "",
    "kuvaus": "",
}


def test_mail_about_a_new_client_opens_the_client_once(
    connector: ProConsona, training: TrainingServer, municipality: Municipality
) -> None:
    mail = replace(mail_for(A_HETU), person=NEW_PERSON)
    first = connector.send_mail(mail)
    assert connector.send_mail(mail) == replace(first, already_recorded=True)
    client, sent = records(training, municipality.code)
    assert (client["kind"], sent["kind"]) == ("client", "mail")
    assert client["idempotency_key"] == str(open_client_key(mail.idempotency_key))
    assert (client["hetu"], client["last_name"]) == (A_HETU.value, "Šuoŋŋa")
    assert sent["asiakasId"] == client["record_id"]
    assert sent["text"] == mail.body


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"osoite": {"katuosoite": "K", "postinumero": "0", "postitoimipaikka": "J"}}, None),
        (
            {
                "turvakielto": True,
                "osoite": {"katuosoite": "K", "postinumero": "0", "postitoimipaikka": "J"},
            },
            "TURVAKIELTO",
        ),
        ({"syntymaaika": "1991-01-01"}, "SYNTYMAAIKA"),
        ({"syntymaaika": "1.1.1990"}, "SYNTYMAAIKA"),
        ({"henkilotunnus": BAD_CHECKSUM}, "HETU"),
        ({"sukunimi": " ", "etunimet": ""}, "KENTTA_PUUTTUU"),
        ({"kuvaus": "x" * 2_001}, "LIIAN_PITKA"),
        ({"henkilotunnus": None, "syntymaaika": None}, None),
    ],
    ids=[
        "address",
        "address-under-turvakielto",
        "other-birth-date",
        "not-a-date",
        "bad-hetu",
        "no-name",
        "long-description",
        "no-code",
    ],
)
def test_simulator_checks_a_client_to_open(
    municipality: Municipality, sessions: Sessions, changes: dict[str, Any], code: str | None
) -> None:
    headers = {"Authorization": f"Bearer {sessions.issue()}", "Idempotency-Key": str(uuid.uuid4())}
    body = json.dumps({**OPEN_REQUEST, **changes}).encode()
    status, document = raw(municipality.system.endpoint + "/v1/clients", body, headers)
    if code is None:
        assert status == 201
        assert document["tunnistettava"] is (changes.get("henkilotunnus", "") is None)
    else:
        assert (status, document["virhe"]["koodi"]) == (422, code)


OPENED_OK: dict[str, Any] = {
    "asiakasId": "PC-9",
    "henkilotunnus": A_HETU.value,
    "tunnistettava": False,
    "duplikaatti": False,
}


@pytest.mark.parametrize(
    "answer",
    [
        {**OPENED_OK, "henkilotunnus": OTHER_SIGN},
        {**OPENED_OK, "henkilotunnus": None},
        {**OPENED_OK, "tunnistettava": True},
        {**OPENED_OK, "asiakasId": "../admin"},
        {**OPENED_OK, "duplikaatti": "false"},
        [OPENED_OK],
    ],
    ids=["other-person", "no-code", "to-identify", "path-traversal", "string-bool", "list"],
)
def test_untrustworthy_opening_answer_is_a_fault(answer: Any) -> None:
    routes = {
        "POST /v1/oauth/token": lambda: TOKEN_REPLY,
        "POST /v1/clients": lambda: (201, answer),
    }
    with scripted_server(routes) as (url, _), pytest.raises(errors.ServerFault) as caught:
        scripted_connector(url).open_client(NEW_PERSON, A_HETU, uuid.uuid4())
    assert A_HETU.value not in str(caught.value)


def test_an_unidentified_person_is_opened_without_a_code() -> None:
    answer = {**OPENED_OK, "henkilotunnus": None, "tunnistettava": True, "duplikaatti": True}
    routes = {
        "POST /v1/oauth/token": lambda: TOKEN_REPLY,
        "POST /v1/clients": lambda: (200, answer),
    }
    with scripted_server(routes) as (url, _):
        opened = scripted_connector(url).open_client(NEW_PERSON, None, uuid.uuid4())
    assert opened == OpenedClient("PC-9", None, needs_identification=True, created=False)
    assert opened.ref is None
    with scripted_server(routes) as (url, _), pytest.raises(errors.ServerFault):
        scripted_connector(url).open_client(NEW_PERSON, A_HETU, uuid.uuid4())


def test_a_notification_about_a_child_the_duty_opened_names_that_client(
    connector: ProConsona, training: TrainingServer, municipality: Municipality
) -> None:
    other = next(code for code in training.systems if code != municipality.code)
    child = training.systems[other].clients[0]
    notice = notification(child, "Poliisi tavoitti lapsen yöllä.")
    connector.send_notification(notice)  # not a client: taken all the same
    person = PersonDetails(child.last_name, child.first_names, child.hetu.birth_date)
    opened = connector.open_client(person, child.hetu, uuid.uuid4())
    connector.send_notification(replace(notice, idempotency_key=uuid.uuid4()))
    first, client, second = records(training, municipality.code)
    assert (first["asiakasId"], client["record_id"]) == (None, opened.system_id)
    assert second["asiakasId"] == opened.system_id
