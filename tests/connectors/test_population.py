"""The population register connector against its training system and misbehaving servers."""

from __future__ import annotations

import copy
import datetime as dt
import json
import urllib.request
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any

import pytest
import requests

from app.connectors import errors
from app.connectors.base import Credentials
from app.connectors.population import PersonRecord, PopulationRegister
from app.domain.hetu import Hetu, make_hetu
from app.domain.policy import AuthConfig, PopulationConfig
from app.training.data import UNKNOWN_CLIENT, SyntheticClient, clients_for
from app.training.server import (
    TRAINING_CLIENT_ID,
    TRAINING_PASSWORD,
    TRAINING_USERNAME,
    TrainingServer,
)
from tests.fakes import closed_port_url, fixed_reply_server, hanging_server
from tests.helpers import get_json

GOOD = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
TWO_MUNICIPALITIES = ("106", "186")
CHILD = make_hetu(dt.date(2011, 1, 9), 905, "B")  # any valid code for the fakes


def post_json(url: str) -> Any:
    request = urllib.request.Request(url, data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=5) as reply:
        return json.load(reply)


@pytest.fixture
def register(training: TrainingServer) -> Iterator[PopulationRegister]:
    assert training.policy.population is not None
    connector = PopulationRegister(training.policy.population, GOOD)
    yield connector
    connector.close()


def clients(training: TrainingServer, code: str) -> list[SyntheticClient]:
    return clients_for(code, training.policy.municipality(code).name_fi)


def by_hetu(training: TrainingServer, code: str) -> dict[Hetu, SyntheticClient]:
    return {client.hetu: client for client in clients(training, code)}


def found(register: PopulationRegister, hetu: Hetu) -> PersonRecord:
    record = register.person(hetu)
    assert record is not None
    return record


@pytest.mark.parametrize("code", TWO_MUNICIPALITIES)
def test_every_client_is_found_in_their_home_municipality(
    training: TrainingServer, register: PopulationRegister, code: str
) -> None:
    for client in clients(training, code):
        record = found(register, client.hetu)
        assert record.hetu == client.hetu
        assert (record.last_name, record.first_names) == (client.last_name, client.first_names)
        assert record.home_municipality == code
        assert register.home_municipality(client.hetu) == code
        assert record.non_disclosure == client.non_disclosure
        assert record.address == (None if client.non_disclosure else client.address)


@pytest.mark.parametrize("code", TWO_MUNICIPALITIES)
def test_guardians_and_children_match_the_data(
    training: TrainingServer, register: PopulationRegister, code: str
) -> None:
    people = by_hetu(training, code)
    with_family = [c for c in people.values() if c.guardians or c.children]
    assert any(c.guardians for c in with_family)
    assert any(c.children for c in with_family)
    for client in with_family:
        record = found(register, client.hetu)
        assert [g.hetu for g in record.guardians] == list(client.guardians)
        assert [c.hetu for c in record.children] == list(client.children)
        for ref in (*record.guardians, *record.children):
            assert ref.name == people[ref.hetu].full_name
            assert ref.non_disclosure == people[ref.hetu].non_disclosure


def test_household_is_the_people_at_the_same_address(
    training: TrainingServer, register: PopulationRegister
) -> None:
    people = clients(training, "106")
    child, mother, father, teen, teen_mother, adult, elderly, _young = people
    assert {p.hetu for p in found(register, child.hetu).household} == {mother.hetu, father.hetu}
    assert {p.hetu for p in found(register, father.hetu).household} == {child.hetu, mother.hetu}
    assert found(register, elderly.hetu).household == ()
    assert found(register, adult.hetu).household == ()
    # Both under non-disclosure at the same protected address: they see each other.
    assert [p.hetu for p in found(register, teen.hetu).household] == [teen_mother.hetu]


def test_non_disclosed_address_never_reaches_the_record(
    training: TrainingServer, register: PopulationRegister
) -> None:
    protected = [c for c in clients(training, "106") if c.non_disclosure]
    assert protected
    for client in protected:
        # The register does send it, flagged: dropping it is the connector's job.
        raw = requests.post(
            training.population.url + "/vtj/henkilo",
            json={"hetu": client.hetu.value},
            headers={"X-Vtj-Kayttaja": GOOD.username, "X-Vtj-Avain": GOOD.secret},
            timeout=5,
        )
        assert client.address.street in raw.text
        record = found(register, client.hetu)
        assert record.non_disclosure
        assert record.address is None
        everything = repr(record) + repr(vars(record)) + repr(record.household)
        everything += "".join(repr(vars(ref)) for ref in record.household)
        assert client.address.street not in everything
        assert client.address.city not in everything
    with pytest.raises(ValueError, match="non-disclosure"):
        PersonRecord(CHILD, "A", "B", "106", True, protected[0].address)


def test_century_sign_is_part_of_the_identity(
    training: TrainingServer, register: PopulationRegister
) -> None:
    father = clients(training, "106")[2]
    assert father.hetu.century_sign == "Y"
    other = Hetu(father.hetu.value[:6] + "-" + father.hetu.value[7:])
    assert found(register, father.hetu).hetu == father.hetu
    assert register.person(other) is None
    assert register.home_municipality(other) is None


def test_unknown_person_is_none(register: PopulationRegister) -> None:
    assert register.person(UNKNOWN_CLIENT) is None
    assert register.home_municipality(UNKNOWN_CLIENT) is None


def test_probe(register: PopulationRegister) -> None:
    assert "Väestösuora" in register.probe().system_version


@pytest.mark.parametrize(
    "credentials",
    [
        Credentials(TRAINING_USERNAME, "väärä"),
        Credentials("joku.muu", TRAINING_PASSWORD),
        Credentials(TRAINING_USERNAME, "rivin\nvaihto"),
        Credentials("", ""),
    ],
)
def test_wrong_credentials(training: TrainingServer, credentials: Credentials) -> None:
    assert training.policy.population is not None
    connector = PopulationRegister(training.policy.population, credentials)
    clients_ = clients(training, "106")
    with pytest.raises(errors.AuthenticationFailed) as caught:
        connector.person(clients_[0].hetu)
    assert caught.value.remedy is errors.Remedy.REAUTHENTICATE
    with pytest.raises(errors.AuthenticationFailed):
        connector.home_municipality(clients_[0].hetu)
    connector.close()


def test_training_server_lists_the_register_and_points_the_policy_at_it(
    training: TrainingServer,
) -> None:
    line = get_json(training.url + "/")
    assert list(line) == ["systems", "inspect", "control", "population", "oidc"]
    assert line["population"] == training.population.url
    assert training.policy.population == PopulationConfig(
        endpoint=training.population.url,
        connect_timeout=2.0,
        read_timeout=10.0,
        # The register signs in at the training identity provider, as the systems do.
        auth=AuthConfig(issuer=line["oidc"], client_id=TRAINING_CLIENT_ID),
    )
    assert get_json(training.url + "/policy")["population"]["endpoint"] == line["population"]


def test_register_outage_and_return(training: TrainingServer, register: PopulationRegister) -> None:
    client = clients(training, "106")[0]
    control = training.description["control"]
    assert post_json(control + "/population/offline") == {"code": "population", "online": False}
    with pytest.raises(errors.Unreachable):
        register.person(client.hetu)
    # The municipalities' systems are not affected.
    assert all(get_json(control).values())
    training.set_online("population", True)
    assert found(register, client.hetu).hetu == client.hetu


# -- misbehaving registers --------------------------------------------------


def config(url: str, read_timeout: float = 5.0) -> PopulationConfig:
    return PopulationConfig(endpoint=url, connect_timeout=2.0, read_timeout=read_timeout)


def answer(
    body: Any, status: int = 200, headers: dict[str, str] | None = None
) -> AbstractContextManager[str]:
    """A register that answers every request with ``body`` (JSON unless bytes); yields its URL."""
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return fixed_reply_server(status, raw, {"Content-Type": "application/json", **(headers or {})})


def good_document(hetu: Hetu = CHILD) -> dict[str, Any]:
    return {
        "henkilo": {
            "hetu": hetu.value,
            "sukunimi": "Testinen",
            "etunimet": "Testi",
            "kotikunta": "106",
            "turvakielto": False,
            "vakinainenOsoite": {
                "katuosoite": "Testikuja 1",
                "postinumero": "01060",
                "postitoimipaikka": "Hyvinkää",
            },
            "huoltajat": [],
            "huollettavat": [],
            "samassaOsoitteessa": [],
        }
    }


def ask(url: str, read_timeout: float = 5.0) -> PersonRecord | None:
    connector = PopulationRegister(config(url, read_timeout), GOOD)
    try:
        return connector.person(CHILD)
    finally:
        connector.close()


def test_a_fitting_answer_is_accepted() -> None:
    with answer(good_document()) as url:
        record = ask(url)
    assert record is not None
    assert record.address is not None
    assert record.address.street == "Testikuja 1"


def test_refused_is_unreachable() -> None:
    with pytest.raises(errors.Unreachable):
        ask(closed_port_url())


def test_hang_is_timed_out() -> None:
    with hanging_server() as url, pytest.raises(errors.TimedOut):
        ask(url, read_timeout=0.5)


def test_server_error_is_a_fault() -> None:
    fault = {"virhe": {"koodi": "X", "viesti": "Sisäinen virhe."}}
    with answer(fault, 500) as url, pytest.raises(errors.ServerFault) as caught:
        ask(url)
    assert caught.value.retry_after is None


def test_unavailable_with_retry_after() -> None:
    with (
        answer(b"", 503, {"Retry-After": "120"}) as url,
        pytest.raises(errors.ServerFault) as caught,
    ):
        ask(url)
    assert caught.value.retry_after == 120.0


def test_wrong_path_is_a_fault_not_an_unknown_person() -> None:
    not_found = {"virhe": {"koodi": "EI_LOYDY", "viesti": "Tuntematon osoite."}}
    with answer(not_found, 404) as url, pytest.raises(errors.ServerFault):
        ask(url)


def test_refused_request_carries_the_registers_reason() -> None:
    refusal = {"virhe": {"koodi": "X", "viesti": "Hetu\x00 puuttuu."}}
    with answer(refusal, 400) as url, pytest.raises(errors.Rejected) as caught:
        ask(url)
    assert caught.value.reason == "Hetu  puuttuu."


def test_unauthorized_status_is_authentication_failed() -> None:
    with answer({"virhe": {}}, 401) as url, pytest.raises(errors.AuthenticationFailed):
        ask(url)


def _broken(change: Any) -> dict[str, Any]:
    document = copy.deepcopy(good_document())
    change(document["henkilo"])
    return document


MALFORMED: list[Any] = [
    b"",
    b"not json",
    b"\xff\xfe",
    b'{"henkilo": NaN}',
    [],
    {},
    {"henkilo": []},
    {"henkilo": "140317A903Y"},
    _broken(lambda p: p.pop("sukunimi")),
    _broken(lambda p: p.update(etunimet=7)),
    _broken(lambda p: p.update(kotikunta="10")),
    _broken(lambda p: p.update(kotikunta="١٠٦")),
    _broken(lambda p: p.update(kotikunta=106)),
    _broken(lambda p: p.update(turvakielto="false")),
    _broken(lambda p: p.update(turvakielto=None)),
    _broken(lambda p: p.update(hetu="140317A903X")),
    _broken(lambda p: p.update(vakinainenOsoite="Testikuja 1")),
    _broken(lambda p: p["vakinainenOsoite"].pop("postinumero")),
    _broken(lambda p: p.update(huoltajat=None)),
    _broken(lambda p: p.update(huoltajat=[{"hetu": "123", "nimi": "X", "turvakielto": False}])),
    _broken(lambda p: p.update(huollettavat=[{"hetu": CHILD.value, "nimi": "X"}])),
    _broken(lambda p: p.update(samassaOsoitteessa=["Testinen Toinen"])),
]


@pytest.mark.parametrize("body", MALFORMED)
def test_malformed_answer_is_a_fault(body: Any) -> None:
    with answer(body) as url, pytest.raises(errors.ServerFault):
        ask(url)


def test_answer_about_another_person_is_a_fault() -> None:
    other = make_hetu(dt.date(2011, 1, 9), 905, "A")  # same digits, another century sign
    with answer(good_document(other)) as url:
        with pytest.raises(errors.ServerFault) as caught:
            ask(url)
        connector = PopulationRegister(config(url), GOOD)
        with pytest.raises(errors.ServerFault):
            connector.home_municipality(CHILD)
        connector.close()
    assert CHILD.value not in str(caught.value)
    assert other.value not in str(caught.value)


def test_household_never_links_a_protected_address() -> None:
    protected = {"hetu": make_hetu(dt.date(1978, 8, 30), 904, "X").value, "nimi": "Suojattu S"}
    open_ = {"hetu": make_hetu(dt.date(1986, 5, 17), 901).value, "nimi": "Avoin A"}
    members = [{**protected, "turvakielto": True}, {**open_, "turvakielto": False}]
    shown = _broken(lambda p: p.update(samassaOsoitteessa=members))
    with answer(shown) as url:
        record = ask(url)
    assert record is not None
    # The address is shown, so the protected member would reveal theirs.
    assert [p.hetu.value for p in record.household] == [open_["hetu"]]

    hidden = _broken(lambda p: p.update(samassaOsoitteessa=members, turvakielto=True))
    with answer(hidden) as url:
        record = ask(url)
    assert record is not None
    assert record.address is None
    # One lookup of the unprotected member would give the protected address.
    assert [p.hetu.value for p in record.household] == [protected["hetu"]]


def test_protected_address_is_not_even_parsed() -> None:
    document = _broken(lambda p: p.update(turvakielto=True, vakinainenOsoite=["anything"]))
    with answer(document) as url:
        record = ask(url)
    assert record is not None
    assert record.address is None
