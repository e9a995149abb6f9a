"""Field limits: what each connector declares is exactly what its training system enforces.

For every declared limit, a text of exactly the limit is accepted by the system and
one character more is refused (over real HTTP on 127.0.0.1). A character is a code
point: the texts end in a letter outside the Basic Multilingual Plane, which is two
UTF-16 units and four UTF-8 bytes, so counting either instead would fail here.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from dataclasses import replace

import pytest

from app.connectors import errors
from app.connectors.base import (
    Capability,
    ClientSystem,
    Credentials,
    FieldLimits,
    InternalMail,
)
from app.connectors.registry import connector_class
from app.domain.policy import Municipality, Policy
from app.services.workstation import Workstation
from app.training.data import UNKNOWN_CLIENT, SyntheticClient
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.helpers import UNIDENTIFIED, entry_for, event_for, notification, records

GOOD = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
ASTRAL = "\U0001d508"  # MATHEMATICAL FRAKTUR CAPITAL E: one code point, two UTF-16 units


def text_of(length: int) -> str:
    return "Ŋ" * (length - 1) + ASTRAL


@pytest.fixture
def client(training: TrainingServer, municipality: Municipality) -> SyntheticClient:
    return training.systems[municipality.code].clients[0]


Send = Callable[[str], object]


def cases(connector: ClientSystem, client: SyntheticClient) -> dict[str, tuple[int, Send]]:
    """Per declared limit, a delivery that puts a text of a given length in that field."""
    limits = connector.field_limits
    hetu = client.hetu

    def entry(text: str, field: str) -> object:
        base = entry_for(hetu)
        return connector.record_entry(
            replace(base, narrative=text)
            if field == "narrative"
            else replace(base, measures=text)
            if field == "measures"
            else replace(base, author=text)
        )

    def person(text: str, field: str) -> object:
        given = {
            "last_name": replace(UNIDENTIFIED, last_name=text),
            "first_names": replace(UNIDENTIFIED, first_names=text),
            "nationality": replace(UNIDENTIFIED, nationality=text),
            "language": replace(UNIDENTIFIED, language=text),
            "description": replace(UNIDENTIFIED, description=text),
        }[field]
        return connector.open_client(given, None, uuid.uuid4())

    found: dict[str, tuple[int, Send]] = {
        "narrative": (limits.narrative, lambda text: entry(text, "narrative")),
        "measures": (limits.measures, lambda text: entry(text, "measures")),
        "short_text: author": (limits.short_text, lambda text: entry(text, "author")),
        "short_text: last name": (limits.short_text, lambda text: person(text, "last_name")),
        "short_text: first names": (limits.short_text, lambda text: person(text, "first_names")),
        "short_text: nationality": (limits.short_text, lambda text: person(text, "nationality")),
        "short_text: language": (limits.short_text, lambda text: person(text, "language")),
        "person_description": (
            limits.person_description,
            lambda text: person(text, "description"),
        ),
        "event_reason": (
            limits.event_reason,
            lambda text: connector.record_event(event_for(hetu, text=text)),
        ),
    }
    if limits.mail_body is not None:
        found["mail_body"] = (
            limits.mail_body,
            lambda text: connector.send_mail(
                InternalMail(hetu, "Virka-aika", "Jatkotoimet", text, "Päivystäjä Testi")
            ),
        )
    if limits.notification_text is not None:
        found["notification_text"] = (
            limits.notification_text,
            lambda text: connector.send_notification(notification(client, text)),
        )
    return found


def test_every_declared_limit_is_enforced_exactly(
    connector: ClientSystem,
    training: TrainingServer,
    municipality: Municipality,
    client: SyntheticClient,
) -> None:
    checked = cases(connector, client)
    declared = {field.name for field in dataclasses.fields(FieldLimits)}
    assert {name.split(":")[0] for name in checked} == {
        name for name in declared if getattr(connector.field_limits, name) is not None
    }
    for name, (limit, send) in checked.items():
        before = len(records(training, municipality.code))
        send(text_of(limit))
        assert len(records(training, municipality.code)) == before + 1, name
        with pytest.raises(errors.Rejected) as caught:
            send(text_of(limit + 1))
        assert caught.value.status == 422, name
        # The system names the limit, in Finnish.
        assert str(limit) in caught.value.reason, name
        assert len(records(training, municipality.code)) == before + 1, name


def test_limits_follow_the_capabilities(connector: ClientSystem) -> None:
    limits = connector.field_limits
    assert isinstance(limits, FieldLimits)
    assert (limits.mail_body is not None) == connector.supports(Capability.INTERNAL_MAIL)
    assert (limits.notification_text is not None) == connector.supports(
        Capability.CHILD_WELFARE_NOTIFICATION
    )


def test_pro_consona_takes_a_20000_character_narrative() -> None:
    """The issue's "enintään 20000 merkkiä": declared, so the form warns before saving."""
    assert connector_class("proconsona").field_limits.narrative == 20_000


def test_the_workstation_gives_limits_without_a_network_call(example_policy: Policy) -> None:
    # The example policy's endpoints are production hosts nobody can reach from here.
    station = Workstation(example_policy, lambda municipality: GOOD)
    try:
        for municipality in example_policy.municipalities:
            limits = station.field_limits(municipality.code)
            assert limits == connector_class(municipality.system.type).field_limits
    finally:
        station.close()


def test_limits_name_what_is_too_long(connector: ClientSystem) -> None:
    limits = connector.field_limits
    entry = replace(
        entry_for(UNKNOWN_CLIENT),
        narrative=text_of(limits.narrative + 1),
        person=replace(UNIDENTIFIED, description=text_of(limits.person_description + 1)),
    )
    exceeded = limits.exceeded_by_entry(entry)
    assert [(e.field, e.limit, e.length) for e in exceeded] == [
        ("narrative", limits.narrative, limits.narrative + 1),
        ("person.description", limits.person_description, limits.person_description + 1),
    ]
    assert limits.exceeded_by_entry(replace(entry, narrative="x", person=None)) == ()


def test_mail_and_notification_limits_name_their_fields(client: SyntheticClient) -> None:
    limits = connector_class("proconsona").field_limits
    assert limits.mail_body is not None
    assert limits.notification_text is not None
    mail = InternalMail(
        client.hetu, "Virka-aika", text_of(limits.short_text + 1), "x", "Päivystäjä Testi"
    )
    assert [e.field for e in limits.exceeded_by_mail(mail)] == ["subject"]
    long_mail = replace(mail, subject="Jatkotoimet", body=text_of(limits.mail_body + 1))
    assert [(e.field, e.limit) for e in limits.exceeded_by_mail(long_mail)] == [
        ("body", limits.mail_body)
    ]
    notice = notification(client, text_of(limits.notification_text + 1))
    assert [e.field for e in limits.exceeded_by_notification(notice)] == ["what_happened"]
    assert limits.exceeded_by_notification(replace(notice, what_happened="Tapahtui.")) == ()
