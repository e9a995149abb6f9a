"""Authorship: every outbox item records who saved it, the record sent carries it, and
the sender sends only the items it is allowed to (``may_send``), the rest untouched.

Against the real training systems over HTTP on 127.0.0.1 and a real SQLCipher outbox.
"""

from __future__ import annotations

import secrets
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from app.domain.author import Author, SignInMethod
from app.domain.kinds import ItemKind
from app.services.outbox.codec import event_to_payload
from app.services.outbox.delivery import Outcome
from app.services.outbox.items import OutgoingItem
from app.services.outbox.sending import SendingService
from app.services.outbox.store import ItemState, Outbox, StoredItem
from app.services.workstation import Workstation
from app.training import effica_fields, proconsona_fields
from app.training.server import TrainingServer
from tests.helpers import (
    RECEIVED,
    SIGNED_IN_AT,
    author,
    code_of,
    entry_for,
    event_for,
    mail_for,
    notification_for,
    records,
)

ATTRIBUTION = ("author_id", "author_organisation", "auth_method", "signed_in_at")


def registrar(training: TrainingServer, code: str) -> str:
    return training.policy.municipality(code).registrar


def worker(training: TrainingServer, code: str, name: str, worker_id: str) -> Author:
    """A worker signed in to municipality ``code``'s organisation."""
    return author(name, worker_id, registrar(training, code))


def attribution(record: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(record[field] for field in ATTRIBUTION)


def expected(who: Author) -> tuple[str, str, str, str]:
    return (who.worker_id, who.organisation, who.method.value, who.signed_in_at.isoformat())


def test_a_save_records_its_author_and_it_survives_reopening(
    training: TrainingServer, workstation: Workstation, tmp_path: Path
) -> None:
    code = code_of(training, "proconsona")
    who = worker(training, code, "Áilu Čuoŋžá", "ailu-901")
    key, path = secrets.token_bytes(32), tmp_path / "outbox.db"
    with Outbox.open(path, key) as outbox:
        client = training.systems[code].clients[0]
        stored = SendingService(outbox, workstation).save_entry(
            code, entry_for(client.hetu), saved_by=who
        )
        assert stored.author == who
    with Outbox.open(path, key) as outbox:
        (item,) = outbox.items()
        assert item.author == who
        assert item.author.method is SignInMethod.OIDC
        assert item.author.signed_in_at == SIGNED_IN_AT


def test_a_save_without_its_author_is_refused_and_stores_nothing(
    training: TrainingServer, sending: SendingService, outbox: Outbox
) -> None:
    code = code_of(training, "effica")
    entry = entry_for(training.systems[code].clients[0].hetu)
    with pytest.raises(TypeError, match="saved_by"):
        sending.save_entry(code, entry, saved_by=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="saved_by"):
        sending.save_entry(code, entry, saved_by="Päivystäjä")  # type: ignore[arg-type]
    assert outbox.items() == []


@pytest.mark.parametrize("system_type", ["proconsona", "effica"])
def test_a_delivered_entry_and_event_carry_their_author_to_the_system(
    training: TrainingServer, sending: SendingService, outbox: Outbox, system_type: str
) -> None:
    """The worker who saved it, however the sending is authorised: id, organisation,
    sign-in method and time, beside the name the record always carried."""
    code = code_of(training, system_type)
    who = author("Áilu Čuoŋžá", "ailu-901", registrar(training, code), SignInMethod.KERBEROS)
    client = training.systems[code].clients[0]
    entry = entry_for(client.hetu)
    sending.save_entry(code, entry, saved_by=who)
    event = event_for(client.hetu)
    outbox.put(
        OutgoingItem(
            event.idempotency_key,
            code,
            ItemKind.EVENT,
            client.hetu.value,
            "",
            event_to_payload(event),
            workstation_destination(sending, code),
            author=who,
        ),
        sending.clock(),
    )
    assert [e.outcome for e in sending.flush().events] == [Outcome.DELIVERED] * 2
    delivered = {r["kind"]: r for r in records(training, code)}
    assert delivered["entry"]["idempotency_key"] == str(entry.idempotency_key)
    assert delivered["entry"]["author"] == entry.author
    assert attribution(delivered["entry"]) == expected(who)
    assert delivered["event"]["idempotency_key"] == str(event.idempotency_key)
    assert attribution(delivered["event"]) == expected(who)
    assert outbox.items() == []


def workstation_destination(sending: SendingService, code: str) -> str:
    return sending.workstation.destination(code)


def test_mail_and_a_notification_carry_their_author_to_pro_consona(
    training: TrainingServer, sending: SendingService
) -> None:
    code = code_of(training, "proconsona")
    who = worker(training, code, "Áilu Čuoŋžá", "ailu-901")
    client = training.systems[code].clients[0]
    child = next(c for c in training.systems[code].clients if c.hetu.is_child_on(RECEIVED.date()))
    sending.save_mail(code, mail_for(client.hetu), "viesti", saved_by=who)
    sending.save_notification(code, notification_for(child.hetu), "ilmoitus", saved_by=who)
    assert [e.outcome for e in sending.flush().events] == [Outcome.DELIVERED] * 2
    delivered = {r["kind"]: r for r in records(training, code)}
    assert attribution(delivered["mail"]) == expected(who)
    assert attribution(delivered["notification"]) == expected(who)


@pytest.mark.parametrize("system_type", ["proconsona", "effica"])
def test_an_item_of_unknown_author_goes_with_its_author_unknown(
    training: TrainingServer, sending: SendingService, outbox: Outbox, system_type: str
) -> None:
    """Saved before the outbox recorded authors: the system is told nobody, never a
    made-up worker (nor whoever is signed in now)."""
    code = code_of(training, system_type)
    stored = sending.save_entry(
        code,
        entry_for(training.systems[code].clients[0].hetu),
        saved_by=worker(training, code, "Päivystäjä", "p-901"),
    )
    outbox._query(
        "UPDATE items SET author_id = NULL, author_name = NULL,"
        " author_organisation = NULL, author_method = NULL, author_signed_in = NULL"
    )
    unknown = outbox.get(stored.id)
    assert unknown is not None
    assert unknown.author is None
    assert [e.outcome for e in sending.flush().events] == [Outcome.DELIVERED]
    (record,) = records(training, code)
    assert attribution(record) == (None, None, None, None)


@pytest.mark.parametrize(
    ("given", "valid"),
    [
        ({}, True),
        (dict.fromkeys(proconsona_fields.ATTRIBUTION_KEYS), True),
        (
            {
                "kirjaajaTunnus": "w-901",
                "kirjaajaOrganisaatio": "keusote",
                "kirjautumistapa": "oidc",
                "kirjautunut": SIGNED_IN_AT.isoformat(),
            },
            True,
        ),
        ({"kirjaajaTunnus": "w-901"}, False),
        (
            {
                "kirjaajaTunnus": "w-901",
                "kirjaajaOrganisaatio": "keusote",
                "kirjautumistapa": "telepathy",
                "kirjautunut": SIGNED_IN_AT.isoformat(),
            },
            False,
        ),
        (
            {
                "kirjaajaTunnus": "w-901",
                "kirjaajaOrganisaatio": "keusote",
                "kirjautumistapa": "oidc",
                "kirjautunut": "2026-11-26T20:00:00",  # no time zone
            },
            False,
        ),
    ],
)
def test_the_pro_consona_trainer_checks_the_author_fields(
    given: dict[str, Any], valid: bool
) -> None:
    if valid:
        assert set(proconsona_fields.attribution_fields(given)) == set(ATTRIBUTION)
    else:
        with pytest.raises(proconsona_fields.Invalid):
            proconsona_fields.attribution_fields(given)


def test_the_effica_trainer_refuses_a_partial_author() -> None:
    note = ET.Element("DailyNote")
    ET.SubElement(note, "AuthorId").text = "w-901"
    with pytest.raises(effica_fields.Fault):
        effica_fields.validated_attribution(note)
    assert effica_fields.validated_attribution(ET.Element("DailyNote")) == dict.fromkeys(
        ATTRIBUTION
    )


class SignedIn:
    """Who is signed in now; the sender may send only their items (or of no known author)."""

    def __init__(self, who: Author) -> None:
        self.who = who
        self.asked: list[int] = []

    def __call__(self, item: StoredItem) -> bool:
        self.asked.append(item.id)
        return item.author is None or item.author.worker_id == self.who.worker_id


def test_another_workers_items_wait_untouched_and_go_once_allowed_exactly_once(
    training: TrainingServer, workstation: Workstation, outbox: Outbox
) -> None:
    code = code_of(training, "proconsona")
    first = worker(training, code, "Áilu Čuoŋžá", "ailu-901")
    second = worker(training, code, "Đuro Šámi", "duro-902")
    signed_in = SignedIn(first)
    sending = SendingService(outbox, workstation, may_send=signed_in)
    x, y, z = training.systems[code].clients[:3]
    # Client x: the second worker's entry, then the first's (its line keeps that order).
    x_second = sending.save_entry(code, entry_for(x.hetu, "x toinen"), saved_by=second)
    x_first = sending.save_entry(code, entry_for(x.hetu, "x ensin"), saved_by=first)
    y_first = sending.save_entry(code, entry_for(y.hetu), saved_by=first)
    z_second = sending.save_entry(code, entry_for(z.hetu), saved_by=second)

    def keys() -> list[str]:
        return [r["idempotency_key"] for r in records(training, code)]

    report = sending.flush()
    assert [e.item_id for e in report.events] == [y_first.id]
    assert keys() == [str(y_first.key)]
    # The held items are as saved: not marked, no attempt counted, no error, not due later.
    assert outbox.items() == [x_second, x_first, z_second]
    assert all(i.state is ItemState.WAITING for i in outbox.items())
    # Asked again: still nothing, still untouched.
    assert sending.flush().events == []
    assert outbox.items() == [x_second, x_first, z_second]

    signed_in.who = second  # the second worker signs in on the same machine
    report = sending.flush()
    assert sorted(e.item_id for e in report.events) == sorted([x_second.id, z_second.id])
    assert outbox.items() == [x_first]  # the first worker's: waits for them

    signed_in.who = first
    assert [e.item_id for e in sending.flush().events] == [x_first.id]
    assert outbox.items() == []
    assert sorted(keys()) == sorted(str(i.key) for i in (x_second, x_first, y_first, z_second))
    assert len(keys()) == 4  # each exactly once
    by_key = {r["idempotency_key"]: r for r in records(training, code)}
    assert by_key[str(x_second.key)]["author_id"] == "duro-902"
    assert by_key[str(x_first.key)]["author_id"] == "ailu-901"
    assert sending.flush().events == []


def test_a_may_send_that_fails_holds_the_item(
    training: TrainingServer, workstation: Workstation, outbox: Outbox
) -> None:
    code = code_of(training, "effica")

    def broken(item: StoredItem) -> bool:
        raise RuntimeError("sign-in state unreadable")

    sending = SendingService(outbox, workstation, may_send=broken)
    who = worker(training, code, "Áilu Čuoŋžá", "ailu-901")
    stored = sending.save_entry(
        code, entry_for(training.systems[code].clients[0].hetu), saved_by=who
    )
    assert sending.flush().events == []
    assert outbox.items() == [stored]
    assert records(training, code) == []


def test_the_default_sends_every_item_whoever_saved_it(
    training: TrainingServer, sending: SendingService
) -> None:
    code = code_of(training, "effica")
    people = [
        worker(training, code, "Áilu Čuoŋžá", "ailu-901"),
        worker(training, code, "Đuro Šámi", "duro-902"),
    ]
    for client, who in zip(training.systems[code].clients, people, strict=False):
        sending.save_entry(code, entry_for(client.hetu), saved_by=who)
    assert [e.outcome for e in sending.flush().events] == [Outcome.DELIVERED] * 2
    assert {r["author_id"] for r in records(training, code)} == {"ailu-901", "duro-902"}
