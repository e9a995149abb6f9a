"""Child welfare notifications (Lastensuojelulaki 25 §), end to end.

Forwarded to the child's home municipality through the outbox: delivered by the
sender where the connector declares ``CHILD_WELFARE_NOTIFICATION`` (Pro Consona),
a manual fax item where it doesn't (Effica).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import replace
from typing import Any

import pytest

from app.connectors import errors
from app.connectors.base import (
    Capability,
    Credentials,
    InternalMail,
    NotificationUrgency,
)
from app.connectors.registry import create_connector
from app.domain.hetu import Hetu, make_hetu
from app.domain.kinds import ItemKind
from app.services.followup.handoff import HandoffService, render_fax
from app.services.followup.items import (
    Channel,
    FaxDocument,
    UnknownMunicipality,
    fax_from_payload,
    open_handoffs,
)
from app.services.followup.notification import InvalidNotification, NotificationService
from app.services.outbox.codec import (
    mail_from_payload,
    mail_to_payload,
    notification_from_payload,
    notification_to_payload,
)
from app.services.outbox.delivery import Outcome
from app.services.outbox.sending import SendingService
from app.services.outbox.store import ItemState, Outbox, OutgoingItem
from app.services.workstation import Workstation
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.helpers import RECEIVED, SAVED_BY, WHAT, code_of, notification_for, pdftotext, records

CREDENTIALS = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)


@pytest.fixture
def notifications(sending: SendingService, workstation: Workstation) -> NotificationService:
    return NotificationService(sending, workstation)


def child_of(training: TrainingServer, code: str) -> Hetu:
    return training.systems[code].clients[0].hetu


def test_forwarded_to_pro_consona_arrives_once_as_a_notification(
    training: TrainingServer, notifications: NotificationService, sending: SendingService
) -> None:
    code = code_of(training, "proconsona")
    assert notifications.channel(code) is Channel.SYSTEM
    notification = notification_for(child_of(training, code))
    item = notifications.forward(code, notification, saved_by=SAVED_BY)
    assert (item.kind, item.state, item.key) == (
        ItemKind.NOTIFICATION,
        ItemState.WAITING,
        notification.idempotency_key,
    )
    assert "lastensuojeluilmoitus" in item.label
    assert item.label.startswith("E. Č. 14.3.2017 · lastensuojeluilmoitus 26.11. 23.40")
    # Forwarding again is the same item.
    assert notifications.forward(code, notification, saved_by=SAVED_BY) == item
    for _ in range(3):
        sending.flush(force=[code])
    (record,) = records(training, code)
    assert record["kind"] == "notification"
    assert record["text"] == WHAT
    assert record["idempotency_key"] == str(notification.idempotency_key)
    assert record["hetu"] == notification.child_hetu.value
    assert record["urgency"] == "urgent"
    assert (record["child_informed"], record["guardians_informed"]) == (True, False)
    assert record["notifier_organisation"] == notification.notifier_organisation
    assert record["notifier_person"] == notification.notifier_person
    assert record["notifier_phone"] == notification.notifier_phone
    assert record["received_by_duty_at"] == RECEIVED.isoformat()
    assert record["receiving_worker"] == "Päivystäjä Testi"
    assert record["child_name"] == "Čuoŋžá Eelis"
    assert record["asiakasId"] is not None
    assert sending.outbox.items() == []


def test_a_child_not_yet_a_client_is_notified_all_the_same(
    training: TrainingServer, notifications: NotificationService, sending: SendingService
) -> None:
    code = code_of(training, "proconsona")
    newcomer = make_hetu(dt.date(2015, 8, 1), 998)
    notifications.forward(
        code, notification_for(newcomer, urgency=NotificationUrgency.NOT_URGENT), saved_by=SAVED_BY
    )
    assert [event.outcome for event in sending.flush().events] == [Outcome.DELIVERED]
    (record,) = records(training, code)
    assert (record["hetu"], record["asiakasId"], record["urgency"]) == (
        newcomer.value,
        None,
        "not_urgent",
    )


def test_effica_notification_becomes_a_manual_fax_item(
    training: TrainingServer,
    notifications: NotificationService,
    sending: SendingService,
    workstation: Workstation,
) -> None:
    code = code_of(training, "effica")
    assert notifications.channel(code) is Channel.FAX
    notification = notification_for(child_of(training, code))
    item = notifications.forward(code, notification, saved_by=SAVED_BY)
    assert (item.kind, item.state, item.key) == (
        ItemKind.FAX,
        ItemState.MANUAL,
        notification.idempotency_key,
    )
    for _ in range(2):
        assert sending.flush(force=[code]).events == []
    assert records(training, code) == []

    fax = fax_from_payload(item.payload)
    office = training.policy.municipality(code).office_hours
    assert fax.document is FaxDocument.NOTIFICATION
    assert (fax.recipient.unit, fax.recipient.fax, fax.recipient.phone) == (
        office.unit,
        office.fax,
        office.phone,
    )
    assert fax.notification == notification

    (line,) = open_handoffs(sending.outbox)
    assert (line.item_id, line.document, line.channel, line.fax) == (
        item.id,
        FaxDocument.NOTIFICATION,
        Channel.FAX,
        office.fax,
    )
    pdf = render_fax(fax, training.policy, "Päivystäjä Testi", RECEIVED)
    text = pdftotext(pdf)
    assert "LASTENSUOJELUILMOITUS" in text
    assert "Čuoŋžá Eelis" in text
    assert notification.notifier_organisation in text
    # A fax cover first, as for a handoff: recipient's fax, the real page count, no child.
    cover = text.split("\f")[0]
    assert "FAKSI" in cover
    assert office.fax is not None
    assert office.fax in cover
    pages = text.count("\f")
    assert f"Sivumäärä (kansilehti mukaan lukien) {pages}" in " ".join(cover.split())
    assert "Čuoŋžá" not in cover

    HandoffService(sending, workstation).mark_sent(item.id)
    assert sending.outbox.items() == []
    assert open_handoffs(sending.outbox) == []


def test_open_handoffs_include_notifications_until_delivered(
    training: TrainingServer, notifications: NotificationService, sending: SendingService
) -> None:
    code = code_of(training, "proconsona")
    item = notifications.forward(
        code, notification_for(child_of(training, code)), saved_by=SAVED_BY
    )
    (line,) = open_handoffs(sending.outbox)
    assert (line.item_id, line.document, line.channel, line.label) == (
        item.id,
        FaxDocument.NOTIFICATION,
        Channel.SYSTEM,
        item.label,
    )
    sending.flush()
    assert open_handoffs(sending.outbox) == []


def test_the_child_must_be_under_18_on_the_finnish_day_received(
    training: TrainingServer, notifications: NotificationService, outbox: Outbox
) -> None:
    code = code_of(training, "proconsona")
    born = dt.date(2008, 6, 21)
    hetu = make_hetu(born, 997)
    day_before = dt.datetime(2026, 6, 20, 12, 0, tzinfo=dt.UTC)
    notifications.forward(code, notification_for(hetu, day_before), saved_by=SAVED_BY)
    # 22.30 UTC on the 20th is already the 21st in Finland: eighteen that day.
    finnish_birthday = dt.datetime(2026, 6, 20, 22, 30, tzinfo=dt.UTC)
    with pytest.raises(InvalidNotification) as refused:
        notifications.forward(code, notification_for(hetu, finnish_birthday), saved_by=SAVED_BY)
    assert refused.value.field == "child_hetu"
    assert str(refused.value).startswith("child_hetu: ")
    assert len(outbox.items()) == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("what_happened", "  \n "),
        ("notifier_organisation", ""),
        ("receiving_worker", " "),
    ],
)
def test_missing_fields_are_refused_by_name(
    training: TrainingServer,
    notifications: NotificationService,
    outbox: Outbox,
    field: str,
    value: str,
) -> None:
    changes: dict[str, Any] = {field: value}
    for code in (code_of(training, "proconsona"), code_of(training, "effica")):
        notification = replace(notification_for(child_of(training, code)), **changes)
        with pytest.raises(ValueError, match=f"^{field}: ") as refused:
            notifications.forward(code, notification, saved_by=SAVED_BY)
        assert isinstance(refused.value, InvalidNotification)
        assert refused.value.field == field
    assert outbox.items() == []


def test_received_at_must_carry_its_zone(training: TrainingServer) -> None:
    with pytest.raises(ValueError, match="received_at"):
        notification_for(child_of(training, "106"), dt.datetime(2026, 11, 26, 23, 40))


def test_unknown_municipality_is_refused(
    training: TrainingServer, notifications: NotificationService
) -> None:
    with pytest.raises(UnknownMunicipality):
        notifications.forward("999", notification_for(child_of(training, "106")), saved_by=SAVED_BY)


def test_connectors_declare_the_capability_and_effica_sends_nothing(
    training: TrainingServer,
) -> None:
    for municipality in training.policy.municipalities:
        connector = create_connector(municipality.system, CREDENTIALS)
        expected = municipality.system.type == "proconsona"
        assert connector.supports(Capability.CHILD_WELFARE_NOTIFICATION) is expected
        if not expected:
            with pytest.raises(errors.NotSupported):
                connector.send_notification(notification_for(child_of(training, municipality.code)))
            assert records(training, municipality.code) == []


def test_pro_consona_refuses_an_adult_and_a_reused_key(training: TrainingServer) -> None:
    code = code_of(training, "proconsona")
    connector = create_connector(training.policy.municipality(code).system, CREDENTIALS)
    adult = training.systems[code].clients[5].hetu  # born 1969: the service would refuse it
    with pytest.raises(errors.Rejected) as refused:
        connector.send_notification(notification_for(adult))
    assert "alle 18" in refused.value.reason
    first = notification_for(child_of(training, code))
    receipt = connector.send_notification(first)
    again = connector.send_notification(first)
    assert again.already_recorded
    assert again.system_record_id == receipt.system_record_id
    with pytest.raises(errors.Rejected):
        connector.send_notification(replace(first, what_happened="Toinen sisältö."))
    assert len(records(training, code)) == 1


def test_payload_codecs_round_trip_and_check_the_key(
    training: TrainingServer, workstation: Workstation, outbox: Outbox
) -> None:
    notification = notification_for(child_of(training, "106"))
    payload = notification_to_payload(notification)
    assert notification_from_payload(payload) == notification
    broken = json.loads(payload)
    broken["urgency"] = "heti"
    with pytest.raises(ValueError, match=r"^urgency: "):
        notification_from_payload(json.dumps(broken).encode())
    mail = InternalMail(
        hetu=child_of(training, "106"),
        recipient_unit="Lastensuojelun päivystys",
        subject="Sosiaalipäivystyksen jatkotoimet",
        body="Teksti. Ŋ Đ",
        author="Päivystäjä Testi",
    )
    assert mail_from_payload(mail_to_payload(mail)) == mail
    # An item whose payload carries another key is never sent.
    now = dt.datetime.now(dt.UTC)
    for kind, data in ((ItemKind.NOTIFICATION, payload), (ItemKind.MAIL, mail_to_payload(mail))):
        item = outbox.put(OutgoingItem(uuid.uuid4(), "106", kind, "x", "label", data), now)
        with pytest.raises(ValueError, match="key"):
            workstation.send_item(item)
    assert records(training, "106") == []


def test_not_known_whether_told_stays_not_known(
    training: TrainingServer, notifications: NotificationService, sending: SendingService
) -> None:
    """A legal document: "not known" must reach the system as such, never as "not told"."""
    code = code_of(training, "proconsona")
    notification = notification_for(
        child_of(training, code), child_informed=None, guardians_informed=None
    )
    notifications.forward(code, notification, saved_by=SAVED_BY)
    sending.flush(force=[code])
    (record,) = records(training, code)
    assert (record["child_informed"], record["guardians_informed"]) == (None, None)
    assert sending.outbox.items() == []
