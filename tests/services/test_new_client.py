"""A new client at night, over real HTTP to both training systems on 127.0.0.1.

A person who is not a client of the municipality's system (or has no Finnish
identity code at all) is opened as a client by the connector, idempotently under
a key derived from the item's, and the item is recorded there: however often it
is delivered, the system holds one client and one item.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

import pytest

from app.connectors import errors
from app.connectors.base import (
    Capability,
    ClientSystem,
    Credentials,
    OpenedClient,
    open_client_key,
)
from app.connectors.population import PopulationRegister
from app.connectors.registry import create_connector
from app.domain.model import DeliveryReceipt, DutyEntry, PersonDetails, TaskType
from app.domain.policy import Municipality
from app.services.outbox.delivery import Deliverer, Outcome
from app.services.outbox.sending import SendingService
from app.services.outbox.store import Outbox, StoredItem
from app.services.workstation import Workstation
from app.training.data import UNKNOWN_CLIENT, SyntheticClient
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.helpers import SAVED_BY, UNIDENTIFIED, author, entry_for, event_for, port_of, records
from tests.proxy import FaultProxy

GOOD = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)


# A person with no Finnish identity code, as the police described them (synthetic).
@pytest.fixture
def stranger(training: TrainingServer, municipality: Municipality) -> SyntheticClient:
    """A client of another municipality: not a client of this one's system."""
    other = next(code for code in training.systems if code != municipality.code)
    client = training.systems[other].clients[0]
    assert training.systems[municipality.code].client_by_hetu(client.hetu.value) is None
    return client


def person_of(client: SyntheticClient) -> PersonDetails:
    """What the population register would give about a synthetic client."""
    return PersonDetails(
        last_name=client.last_name,
        first_names=client.first_names,
        birth_date=client.hetu.birth_date,
        address=None if client.non_disclosure else client.address,
        non_disclosure=client.non_disclosure,
    )


def of_kind(records: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [record for record in records if record["kind"] == kind]


def system_id_of(record: dict[str, Any]) -> Any:
    """The client an entry was recorded on, in the system's own field."""
    return record.get("asiakasId", record.get("PersonId"))


def new_client_entry(client: SyntheticClient) -> DutyEntry:
    return replace(entry_for(client.hetu), person=person_of(client))


def unidentified_entry() -> DutyEntry:
    return replace(entry_for(UNKNOWN_CLIENT), hetu=None, person=UNIDENTIFIED)


# -- opening a client -----------------------------------------------------------


def test_declares_opening_clients(connector: ClientSystem) -> None:
    assert connector.supports(Capability.OPEN_CLIENT)


def test_opening_is_idempotent_and_the_client_is_then_found(
    connector: ClientSystem,
    training: TrainingServer,
    municipality: Municipality,
    stranger: SyntheticClient,
) -> None:
    assert connector.find_client(stranger.hetu) is None
    person, key = person_of(stranger), uuid.uuid4()
    first = connector.open_client(person, stranger.hetu, key)
    again = connector.open_client(person, stranger.hetu, key)
    # Another key for the same identity code: still that client, never a second one.
    other_key = connector.open_client(person, stranger.hetu, uuid.uuid4())
    assert first == OpenedClient(first.system_id, stranger.hetu, False, created=True)
    assert again == other_key == replace(first, created=False)

    ref = connector.find_client(stranger.hetu)
    assert ref is not None
    assert ref == first.ref
    summary = connector.client_summary(ref)
    assert (summary.last_name, summary.first_names) == (stranger.last_name, stranger.first_names)
    assert summary.address == stranger.address
    assert not summary.non_disclosure

    (client,) = of_kind(records(training, municipality.code), "client")
    assert client["record_id"] == first.system_id
    assert client["idempotency_key"] == str(key)
    assert client["hetu"] == stranger.hetu.value
    assert (client["last_name"], client["first_names"]) == (person.last_name, person.first_names)
    assert client["birth_date"] == stranger.hetu.birth_date.isoformat()
    assert client["address"] == {
        "street": stranger.address.street,
        "postal_code": stranger.address.postal_code,
        "city": stranger.address.city,
    }
    assert client["needs_identification"] is False


def test_opening_someone_already_a_client_gives_that_client(
    connector: ClientSystem, training: TrainingServer, municipality: Municipality
) -> None:
    client = training.systems[municipality.code].clients[0]
    opened = connector.open_client(person_of(client), client.hetu, uuid.uuid4())
    found = connector.find_client(client.hetu)
    assert found is not None
    assert (opened.system_id, opened.created) == (found.system_id, False)
    assert records(training, municipality.code) == []


def test_the_same_key_with_corrected_details_is_still_the_same_client(
    connector: ClientSystem, training: TrainingServer, municipality: Municipality
) -> None:
    """An entry corrected after its client was opened opens it again under the same key."""
    key = uuid.uuid4()
    first = connector.open_client(UNIDENTIFIED, None, key)
    corrected = replace(UNIDENTIFIED, first_names="Ŋilá", description="Nimi tarkentui.")
    again = connector.open_client(corrected, None, key)
    assert again == replace(first, created=False)
    (client,) = of_kind(records(training, municipality.code), "client")
    assert client["first_names"] == UNIDENTIFIED.first_names  # the first details stay


def test_a_person_under_non_disclosure_is_opened_without_an_address(
    connector: ClientSystem,
    training: TrainingServer,
    municipality: Municipality,
) -> None:
    other = next(code for code in training.systems if code != municipality.code)
    protected = next(c for c in training.systems[other].clients if c.non_disclosure)
    opened = connector.open_client(person_of(protected), protected.hetu, uuid.uuid4())
    assert opened.ref is not None
    summary = connector.client_summary(opened.ref)
    assert summary.non_disclosure
    assert summary.address is None
    (client,) = of_kind(records(training, municipality.code), "client")
    assert (client["non_disclosure"], client["address"]) == (True, None)
    assert protected.address.street not in repr(records(training, municipality.code))


# -- entries for a new client ---------------------------------------------------


def test_a_new_clients_entry_is_recorded_once_though_delivered_twice(
    connector: ClientSystem,
    training: TrainingServer,
    municipality: Municipality,
    stranger: SyntheticClient,
) -> None:
    entry = new_client_entry(stranger)
    first = connector.record_entry(entry)
    again = connector.record_entry(entry)
    assert (first.already_recorded, again.already_recorded) == (False, True)
    assert again.system_record_id == first.system_record_id

    held = records(training, municipality.code)
    (client,) = of_kind(held, "client")
    (recorded,) = of_kind(held, "entry")
    assert len(held) == 2
    assert client["idempotency_key"] == str(open_client_key(entry.idempotency_key))
    assert client["hetu"] == recorded["hetu"] == stranger.hetu.value
    assert client["last_name"] == stranger.last_name
    assert system_id_of(recorded) == client["record_id"]
    assert recorded["text"] == entry.narrative
    assert recorded["needs_identification"] is False


def test_an_entry_without_person_for_a_stranger_is_still_rejected(
    connector: ClientSystem,
    training: TrainingServer,
    municipality: Municipality,
    stranger: SyntheticClient,
) -> None:
    with pytest.raises(errors.Rejected):
        connector.record_entry(entry_for(stranger.hetu))
    assert records(training, municipality.code) == []


def test_a_person_without_identity_code_is_recorded_for_identification(
    connector: ClientSystem, training: TrainingServer, municipality: Municipality
) -> None:
    entry = unidentified_entry()
    assert entry.needs_identification
    first = connector.record_entry(entry)
    again = connector.record_entry(entry)
    assert again == replace(first, already_recorded=True)

    held = records(training, municipality.code)
    (client,) = of_kind(held, "client")
    (recorded,) = of_kind(held, "entry")
    assert client["hetu"] is None
    assert client["needs_identification"] is True
    assert (client["last_name"], client["first_names"]) == ("Đuolbmá", "Ŋilá Šára")
    assert client["birth_date"] == "1994-07-02"
    assert (client["nationality"], client["language"]) == ("Norja", "pohjoissaame")
    assert client["text"] == UNIDENTIFIED.description
    assert recorded["hetu"] is None
    assert recorded["needs_identification"] is True
    assert system_id_of(recorded) == client["record_id"]
    assert recorded["text"] == entry.narrative


def test_two_unidentified_people_are_two_clients(
    connector: ClientSystem, training: TrainingServer, municipality: Municipality
) -> None:
    connector.record_entry(unidentified_entry())
    connector.record_entry(unidentified_entry())
    held = records(training, municipality.code)
    assert len(of_kind(held, "client")) == len(of_kind(held, "entry")) == 2


def test_a_discard_about_an_unidentified_person_is_logged_without_a_client(
    connector: ClientSystem, training: TrainingServer, municipality: Municipality
) -> None:
    discarded = uuid.uuid4()
    event = replace(event_for(UNKNOWN_CLIENT, refers_to=discarded), hetu=None)
    first = connector.record_event(event)
    assert connector.record_event(event) == replace(first, already_recorded=True)
    (record,) = records(training, municipality.code)
    assert (record["kind"], record["hetu"], record["refers_to"]) == ("event", None, str(discarded))


# -- lost answers -----------------------------------------------------------------


@pytest.mark.parametrize("lost", ["open", "entry"])
@pytest.mark.parametrize("identified", [True, False], ids=["with-code", "without-code"])
def test_a_lost_answer_makes_no_second_client_nor_entry(
    training: TrainingServer,
    municipality: Municipality,
    stranger: SyntheticClient,
    lost: str,
    identified: bool,
) -> None:
    entry = new_client_entry(stranger) if identified else unidentified_entry()
    key = open_client_key(entry.idempotency_key) if lost == "open" else entry.idempotency_key
    with FaultProxy("127.0.0.1", port_of(municipality.system.endpoint)) as proxy:
        connector = create_connector(replace(municipality.system, endpoint=proxy.url), GOOD)
        # The system acts on the request; its answer never arrives.
        proxy.set_mode("drop_reply", match=str(key).encode())
        with pytest.raises(errors.ConnectorError) as caught:
            connector.record_entry(entry)
        assert caught.value.remedy is errors.Remedy.RETRY_LATER
        proxy.set_mode("pass")
        receipt = connector.record_entry(entry)
        connector.close()
    held = records(training, municipality.code)
    (client,) = of_kind(held, "client")
    (recorded,) = of_kind(held, "entry")
    assert len(held) == 2
    assert receipt.already_recorded is (lost == "entry")
    assert receipt.system_record_id == recorded["record_id"]
    assert system_id_of(recorded) == client["record_id"]


# -- through the outbox: the acceptance of issue 8 --------------------------------


def test_a_hyvinkaa_client_becomes_a_jarvenpaa_client_once(
    training: TrainingServer, outbox: Outbox, workstation: Workstation
) -> None:
    """A client of Hyvinkää searched in Järvenpää: "new client" records the entry in
    Järvenpää's system exactly once, with the person's data, though a lost answer
    makes the outbox deliver it twice."""
    hyvinkaa, jarvenpaa = training.systems["106"], training.systems["186"]
    child = hyvinkaa.clients[0]
    assert workstation.lookup("186", child.hetu) is None  # not a client in Järvenpää
    assert training.policy.population is not None
    register = PopulationRegister(training.policy.population, GOOD)
    found = register.person(child.hetu)
    register.close()
    assert found is not None
    person = found.person_details()
    assert (person.last_name, person.birth_date) == (child.last_name, child.hetu.birth_date)

    entry = replace(entry_for(child.hetu), person=person)
    lost: list[StoredItem] = []

    def lose_first_answer(item: StoredItem) -> DeliveryReceipt:
        receipt = workstation.send_item(item)
        if not lost:
            lost.append(item)
            raise errors.TimedOut("answer lost")
        return receipt

    SendingService(outbox, workstation).save_entry("186", entry, saved_by=SAVED_BY)
    (item,) = outbox.items()
    assert item.client == child.hetu.value
    deliverer = Deliverer(outbox, lose_first_answer)
    assert [e.outcome for e in deliverer.flush().events] == [Outcome.RETRY]
    events = deliverer.flush(force=["186"]).events
    assert [e.outcome for e in events] == [Outcome.DELIVERED]
    assert outbox.items() == []

    held = records(training, "186")
    (client,) = of_kind(held, "client")
    (recorded,) = of_kind(held, "entry")
    assert len(held) == 2
    assert client["hetu"] == recorded["hetu"] == child.hetu.value
    assert (client["last_name"], client["first_names"]) == (child.last_name, child.first_names)
    assert recorded["text"] == entry.narrative
    assert recorded["PersonId"] == client["record_id"]
    assert records(training, "106") == []
    # Now a client in Järvenpää: the card finds the client.
    summary = workstation.lookup("186", child.hetu)
    assert summary is not None
    assert summary.full_name == child.full_name
    assert jarvenpaa.client_by_hetu(child.hetu.value) is None  # synthetic list untouched


def test_an_unidentified_persons_refused_entry_is_discarded_with_a_record(
    training: TrainingServer, sending: SendingService, outbox: Outbox
) -> None:
    """The outbox orders such an item by a line of its own and still records a discard."""
    entry = replace(unidentified_entry(), task_type=TaskType.INCOME_SUPPORT)
    stored = sending.save_entry("186", entry, saved_by=SAVED_BY)
    assert stored.client == f"tunnukseton:{entry.idempotency_key}"
    assert stored.label == "Ŋ. Đ. 2.7.1994 tunnukseton · kirjaus 26.11. 23.15"
    assert [e.outcome for e in sending.flush().events] == [Outcome.ATTENTION]
    sending.discard(stored.id, "Kirjattu puhelimessa virka-aikana.", author("Päivystäjä Testi"))
    assert [e.outcome for e in sending.flush().events] == [Outcome.DELIVERED]
    assert outbox.items() == []
    held = records(training, "186")
    (event,) = of_kind(held, "event")
    assert (event["hetu"], event["refers_to"]) == (None, str(entry.idempotency_key))
    assert event["event_kind"] == "discarded_entry"


def test_identity_codes_of_strangers_are_not_in_errors(
    connector: ClientSystem, stranger: SyntheticClient
) -> None:
    too_long = replace(person_of(stranger), description="x" * 5_000)
    with pytest.raises(errors.Rejected) as caught:
        connector.open_client(too_long, stranger.hetu, uuid.uuid4())
    for secret in (stranger.hetu.value, stranger.last_name, stranger.first_names):
        assert secret not in str(caught.value)
        assert secret not in caught.value.reason
