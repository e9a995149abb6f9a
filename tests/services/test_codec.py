"""The duty entry as outbox payload: canonical, complete, and suspicious on reading."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.connectors.base import DutyEvent, InternalMail
from app.domain.hetu import Hetu, make_hetu
from app.domain.model import Address, ContactChannel, DutyEntry, PersonDetails, TaskType
from app.services.outbox.codec import (
    client_hetu,
    entry_from_payload,
    entry_label,
    entry_to_payload,
    event_from_payload,
    event_to_payload,
    item_client,
    mail_from_payload,
    mail_to_payload,
)

HELSINKI = dt.timezone(dt.timedelta(hours=2))
NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyzäöåÄÖÅČčĐđŊŋŠšŦŧŽžÁá -'\n\t\"\\{}"


def sample_entry(**changes: Any) -> DutyEntry:
    fields: dict[str, Any] = {
        "hetu": make_hetu(dt.date(2017, 3, 14), 931),
        "contact_time": dt.datetime(2026, 11, 26, 23, 15, tzinfo=HELSINKI),
        "contact_channel": ContactChannel.POLICE,
        "task_type": TaskType.CHILD_PROTECTION,
        "narrative": "Poliisi toi lapsen päivystykseen. Čuoŋžá Máret soitti.",
        "measures": "Kiireellinen sijoitus.",
        "follow_up_needed": True,
        "author": "Päivystäjä Testi",
        "client_system_id": "C-1",
        "idempotency_key": uuid.UUID("7d4c1d0e-5a8e-4e38-9c57-3f0f3a1b2c3d"),
    }
    fields.update(changes)
    return DutyEntry(**fields)


def test_payload_is_canonical_json_with_a_version() -> None:
    payload = entry_to_payload(sample_entry())
    record = json.loads(payload)
    assert record["v"] == 1
    assert record["idempotency_key"] == "7d4c1d0e-5a8e-4e38-9c57-3f0f3a1b2c3d"
    assert record["contact_time"] == "2026-11-26T23:15:00+02:00"
    assert payload == json.dumps(
        record, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    assert "Čuoŋžá Máret".encode() in payload  # UTF-8 itself, not \\u escapes
    assert entry_to_payload(sample_entry()) == payload


def test_every_field_survives() -> None:
    entry = sample_entry(client_system_id=None, follow_up_needed=False)
    back = entry_from_payload(entry_to_payload(entry))
    assert back == entry
    assert back.idempotency_key == entry.idempotency_key
    assert back.contact_time.utcoffset() == dt.timedelta(hours=2)


hetus = st.builds(
    make_hetu,
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.integers(min_value=900, max_value=999),
)
texts = st.text(alphabet=st.sampled_from(NAME_CHARACTERS)) | st.text()
entries = st.builds(
    DutyEntry,
    hetu=hetus,
    contact_time=st.datetimes(
        min_value=dt.datetime(1990, 1, 1),
        max_value=dt.datetime(2100, 1, 1),
        timezones=st.timezones(),
        allow_imaginary=False,
    ),
    contact_channel=st.sampled_from(ContactChannel),
    task_type=st.sampled_from(TaskType),
    narrative=texts,
    measures=texts,
    follow_up_needed=st.booleans(),
    author=texts,
    client_system_id=st.none() | texts,
    idempotency_key=st.uuids(),
)


@given(entries)
def test_round_trip(entry: DutyEntry) -> None:
    payload = entry_to_payload(entry)
    back = entry_from_payload(payload)
    # The zone becomes its offset at that moment: the instant and the wall-clock
    # time the worker saw both survive. (Compared apart, because Python never
    # calls an ambiguous local time equal to a time in another zone.)
    assert dataclasses.replace(back, contact_time=entry.contact_time) == entry
    assert back.contact_time.timestamp() == entry.contact_time.timestamp()
    assert back.contact_time.utcoffset() == entry.contact_time.utcoffset()
    assert back.contact_time.replace(tzinfo=None) == entry.contact_time.replace(tzinfo=None)
    assert entry_to_payload(back) == payload


def record_with(**changes: Any) -> bytes:
    record = json.loads(entry_to_payload(sample_entry()))
    record.update(changes)
    return json.dumps(record).encode()


# A synthetic identity code that must never appear in an error message.
SECRET = next(
    code
    for code in (make_hetu(dt.date(1952, 10, 13), number).value for number in range(900, 1000))
    if code[-1].isalpha()
)
WRONG_CHECK = SECRET[:-1] + ("X" if SECRET[-1] != "X" else "Y")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("hetu", 131052),
        ("hetu", WRONG_CHECK),
        ("hetu", SECRET.lower()),
        ("contact_time", SECRET),
        ("contact_time", "2026-11-26T23:15:00"),
        ("contact_time", None),
        ("contact_channel", SECRET),
        ("task_type", [SECRET]),
        ("narrative", {"text": SECRET}),
        ("measures", 1),
        ("follow_up_needed", "true"),
        ("follow_up_needed", 1),
        ("author", None),
        ("client_system_id", 7),
        ("idempotency_key", SECRET),
        ("idempotency_key", "7D4C1D0E-5A8E-4E38-9C57-3F0F3A1B2C3D"),
    ],
)
def test_wrong_field_names_the_field_never_the_value(field: str, value: object) -> None:
    with pytest.raises(ValueError, match=f"^{field}: ") as caught:
        entry_from_payload(record_with(**{field: value}))
    assert SECRET not in str(caught.value)
    assert SECRET.lower() not in str(caught.value)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "payload: not JSON"),
        (b"\xff\xfe", "payload: not UTF-8"),
        (b"[1]", "payload: not a JSON object"),
        (b'{"v": 1, "v": 1}', "payload: duplicate field"),
        (b'{"v": NaN}', "payload: NaN or Infinity"),
        (b"[" * 100_000, "payload: "),
        (b" " * 1_000_001, "payload: too large"),
        (record_with(v=2), "v: unsupported"),
        (record_with(v=True), "v: unsupported"),
        (record_with(v=1.0), "v: unsupported"),
        (record_with(extra=SECRET), "payload: unexpected fields"),
    ],
)
def test_hostile_payloads(data: bytes, problem: str) -> None:
    with pytest.raises(ValueError, match="^" + problem) as caught:
        entry_from_payload(data)
    assert SECRET not in str(caught.value)


def test_missing_field() -> None:
    record = json.loads(entry_to_payload(sample_entry()))
    del record["narrative"]
    with pytest.raises(ValueError, match=r"^narrative: missing"):
        entry_from_payload(json.dumps(record).encode())


def test_lone_surrogate_is_refused() -> None:
    data = entry_to_payload(sample_entry()).replace(b"Kiireellinen", b"\\ud800")
    with pytest.raises(ValueError, match=r"^measures: not valid Unicode"):
        entry_from_payload(data)


def test_label_shows_initials_birth_date_and_contact_time_only() -> None:
    entry = sample_entry()
    label = entry_label(entry, first_names="Máret Inga", last_name="Čuoŋžá")
    assert label == "M. Č. 14.3.2017 · kirjaus 26.11. 23.15"
    assert entry.hetu is not None
    for secret in (entry.hetu.value, "Máret", "Čuoŋžá", "Poliisi", "sijoitus"):
        assert secret not in label


@pytest.mark.parametrize(
    ("first_names", "last_name", "initials"),
    [
        ("Anna-Liisa", "Aho-Virtanen", "A.-L. A.-V."),
        ("Karl", "von Wright", "K. v. W."),
        (None, None, ""),
        ("  ", "Aaltonen", "A."),
    ],
)
def test_label_initials(first_names: str | None, last_name: str | None, initials: str) -> None:
    entry = sample_entry(contact_time=dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC))
    label = entry_label(entry, first_names=first_names, last_name=last_name)
    assert label == f"{initials} 14.3.2017 · kirjaus 2.1. 3.04".strip()


def test_label_without_name() -> None:
    assert entry_label(sample_entry()) == "14.3.2017 · kirjaus 26.11. 23.15"


def test_hetu_repr_stays_redacted_in_entries() -> None:
    assert "931" not in repr(entry_from_payload(entry_to_payload(sample_entry())))
    assert isinstance(sample_entry().hetu, Hetu)


# -- a person not yet a client, or with no identity code ------------------------

PERSON = PersonDetails(
    last_name="Đuolbmá",
    first_names="Ŋilá Šára",
    birth_date=dt.date(1994, 7, 2),
    address=Address("Rantatie 3 A 5", "01860", "Järvenpää"),
    nationality="Norja",
    language="pohjoissaame",
    description="Löytyi asemalta yöllä; puhuu saamea.\nČ Ž Ŧ",
)
T0 = dt.datetime(2026, 11, 26, 23, 15, tzinfo=HELSINKI)
# An entry as the version before ``person`` wrote it (byte for byte): it must still read.
GOLDEN_V1_ENTRY = (
    '{"author":"Päivystäjä Testi","client_system_id":"C-1","contact_channel":"police",'
    '"contact_time":"2026-11-26T23:15:00+02:00","follow_up_needed":true,'
    '"hetu":"140317A931V","idempotency_key":"7d4c1d0e-5a8e-4e38-9c57-3f0f3a1b2c3d",'
    '"measures":"Kiireellinen sijoitus.",'
    '"narrative":"Poliisi toi lapsen päivystykseen. Čuoŋžá Máret soitti.",'
    '"task_type":"child_protection","v":1}'
).encode()


def test_an_entry_saved_before_person_existed_still_reads_and_writes_the_same() -> None:
    entry = entry_from_payload(GOLDEN_V1_ENTRY)
    assert entry == sample_entry()
    assert entry.person is None
    assert entry_to_payload(entry) == GOLDEN_V1_ENTRY


persons = st.builds(
    PersonDetails,
    last_name=st.text(alphabet=st.sampled_from(NAME_CHARACTERS), min_size=1).filter(str.strip),
    first_names=texts,
    birth_date=st.none() | st.dates(),
    address=st.none() | st.builds(Address, texts, texts, texts),
    nationality=texts,
    language=texts,
    description=texts,
)


@given(entries, persons, st.booleans())
def test_a_person_survives_with_or_without_an_identity_code(
    entry: DutyEntry, person: PersonDetails, identified: bool
) -> None:
    entry = dataclasses.replace(
        entry, person=person, hetu=entry.hetu if identified else None, contact_time=T0
    )
    payload = entry_to_payload(entry)
    back = entry_from_payload(payload)
    assert back == entry
    assert back.needs_identification is not identified
    assert entry_to_payload(back) == payload


def test_non_disclosure_round_trips_without_an_address() -> None:
    person = dataclasses.replace(PERSON, address=None, non_disclosure=True)
    entry = sample_entry(person=person)
    assert entry_from_payload(entry_to_payload(entry)).person == person


def person_payload(**changes: Any) -> bytes:
    record = json.loads(entry_to_payload(sample_entry(hetu=None, person=PERSON)))
    record["person"].update(changes)
    return json.dumps(record).encode()


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (record_with(hetu=None), "hetu: missing, and no person"),
        (record_with(person=None), "person: expected an object"),
        (record_with(person=SECRET), "person: expected an object"),
        (person_payload(extra=SECRET), "person: unexpected fields"),
        (person_payload(birth_date="2.7.1994"), "person.birth_date: not an ISO 8601 date"),
        (person_payload(birth_date="1994-02-30"), "person.birth_date: not an ISO 8601 date"),
        (person_payload(birth_date="19940702"), "person.birth_date: not in canonical form"),
        (person_payload(birth_date=19940702), "person.birth_date: expected a string"),
        (person_payload(last_name=" ", first_names=""), "person.last_name: no name at all"),
        (person_payload(nationality=None), "person.nationality: expected a string"),
        (person_payload(non_disclosure="false"), "person.non_disclosure: expected true or"),
        (person_payload(non_disclosure=True), "person.address: present under non-disclosure"),
        (person_payload(address=SECRET), "person.address: expected an object"),
        (person_payload(address={"street": SECRET}), "person.address.city: missing"),
        (
            person_payload(address={"street": 1, "postal_code": "0", "city": SECRET}),
            "person.address.street: expected a string",
        ),
    ],
)
def test_hostile_person(data: bytes, problem: str) -> None:
    with pytest.raises(ValueError, match="^" + problem) as caught:
        entry_from_payload(data)
    assert SECRET not in str(caught.value)
    assert "Đuolbmá" not in str(caught.value)


def test_an_unidentified_persons_item_has_a_line_of_its_own_and_a_label_without_names() -> None:
    entry = sample_entry(hetu=None, person=PERSON)
    assert item_client(entry) == "tunnukseton:7d4c1d0e-5a8e-4e38-9c57-3f0f3a1b2c3d"
    assert client_hetu(item_client(entry)) is None
    assert item_client(sample_entry()) == "140317A931V"
    assert client_hetu("140317A931V") == Hetu("140317A931V")
    with pytest.raises(ValueError, match=r"^client: not a valid identity code"):
        client_hetu(WRONG_CHECK)
    label = entry_label(entry)
    assert label == "Ŋ. Đ. 2.7.1994 tunnukseton · kirjaus 26.11. 23.15"
    without_birth_date = dataclasses.replace(PERSON, birth_date=None)
    assert entry_label(sample_entry(hetu=None, person=without_birth_date)) == (
        "Ŋ. Đ. tunnukseton · kirjaus 26.11. 23.15"
    )
    # A new client with a code: the code gives the birth date, the person the initials.
    assert entry_label(sample_entry(person=PERSON)) == "Ŋ. Đ. 14.3.2017 · kirjaus 26.11. 23.15"


def test_mail_and_events_carry_a_new_client_and_a_missing_code() -> None:
    mail = InternalMail(Hetu("140317A931V"), "Virka-aika", "Jatkotoimet", "Teksti", "Testi")
    assert b"person" not in mail_to_payload(mail)
    with_person = dataclasses.replace(mail, person=PERSON)
    assert mail_from_payload(mail_to_payload(with_person)) == with_person
    event = DutyEvent(None, "discarded_entry", "Syy", "Testi", T0, refers_to=uuid.uuid4())
    assert event_from_payload(event_to_payload(event)) == event
