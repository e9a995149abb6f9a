"""Handoff to the office-hours worker, end to end: outbox, sender, training systems.

The channel is decided by the connector's declared capability: the same case
handed over in a Pro Consona and an Effica training municipality becomes internal
mail in one (delivered once by the sender) and a manual fax item in the other (never
sent by the sender; gone once the worker marks it sent).
"""

from __future__ import annotations

import json
import uuid
from typing import ClassVar

import pytest

from app.connectors.base import Access, Capability, ClientSystem, Credentials
from app.connectors.proconsona import ProConsona
from app.connectors.registry import create_connector
from app.domain.kinds import ItemKind
from app.domain.model import ClientSummary
from app.domain.policy import Municipality
from app.services.followup.handoff import (
    HandoffService,
    MissingAuthor,
    MissingText,
    NotAFax,
    UnreadableFax,
    render_fax,
)
from app.services.followup.items import (
    HANDOFF_SUBJECT,
    Channel,
    FaxDocument,
    UnknownMunicipality,
    fax_from_payload,
    fax_to_payload,
    open_handoffs,
)
from app.services.outbox.sending import SendingService
from app.services.outbox.store import ItemNotFound, ItemState, Outbox, OutgoingItem
from app.services.workstation import Workstation
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.helpers import SAVED_BY, code_of, pdftotext, records

CREDENTIALS = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
CASE = "Poliisi toi lapsen päivystykseen yöllä; lapsi sijoitettiin mummolaan. Ŋ Đ Ŧ Ž Š Č"
FOLLOW_UP = "Kiireellisen sijoituksen tarpeen arviointi aamulla; soita huoltajille."
AUTHOR = "Päivystäjä Testi"


def municipality(training: TrainingServer, code: str) -> Municipality:
    return training.policy.municipality(code)


@pytest.fixture
def handoffs(sending: SendingService, workstation: Workstation) -> HandoffService:
    return HandoffService(sending, workstation)


def summary(
    workstation: Workstation, training: TrainingServer, code: str, index: int = 0
) -> ClientSummary:
    found = workstation.lookup(code, training.systems[code].clients[index].hetu)
    assert found is not None
    return found


def test_same_case_goes_by_mail_in_pro_consona_and_by_fax_in_effica(
    training: TrainingServer,
    workstation: Workstation,
    handoffs: HandoffService,
    sending: SendingService,
    outbox: Outbox,
) -> None:
    mail_code, fax_code = code_of(training, "proconsona"), code_of(training, "effica")
    assert handoffs.channel(mail_code) is Channel.INTERNAL_MAIL
    assert handoffs.channel(fax_code) is Channel.FAX

    mailed = handoffs.hand_over(
        mail_code,
        summary(workstation, training, mail_code),
        CASE,
        FOLLOW_UP,
        AUTHOR,
        saved_by=SAVED_BY,
    )
    faxed = handoffs.hand_over(
        fax_code,
        summary(workstation, training, fax_code),
        CASE,
        FOLLOW_UP,
        AUTHOR,
        saved_by=SAVED_BY,
    )
    assert (mailed.kind, mailed.state) == (ItemKind.MAIL, ItemState.WAITING)
    assert (faxed.kind, faxed.state) == (ItemKind.FAX, ItemState.MANUAL)
    assert "jatkotoimet" in mailed.label
    assert "jatkotoimet" in faxed.label

    # Repeated and forced flushes: the mail arrives once, the fax is never sent.
    for _ in range(3):
        report = sending.flush(force=[mail_code, fax_code])
        assert all(event.key != faxed.key for event in report.events)
    (mail,) = records(training, mail_code)
    assert mail["kind"] == "mail"
    assert mail["idempotency_key"] == str(mailed.key)
    assert mail["recipient_unit"] == municipality(training, mail_code).office_hours.unit
    assert mail["subject"] == HANDOFF_SUBJECT
    assert CASE in mail["text"]
    assert FOLLOW_UP in mail["text"]
    assert mail["author"] == AUTHOR
    assert records(training, fax_code) == []
    # Delivered: the mail left the outbox on the system's confirmation.
    assert outbox.get(mailed.id) is None

    # The fax: what the sheet and the phone-call note need, the numbers from the policy.
    assert [item.id for item in outbox.items()] == [faxed.id]
    fax = handoffs.fax(faxed.id)
    office = municipality(training, fax_code).office_hours
    assert office.fax is not None
    assert (fax.recipient.unit, fax.recipient.fax, fax.recipient.phone) == (
        office.unit,
        office.fax,
        office.phone,
    )
    assert fax.recipient.municipality == fax_code
    assert fax.document is FaxDocument.HANDOFF
    assert fax.handoff is not None
    assert (fax.handoff.text, fax.handoff.follow_up, fax.handoff.author) == (
        CASE,
        FOLLOW_UP,
        AUTHOR,
    )
    assert fax.handoff.hetu == training.systems[fax_code].clients[0].hetu

    done = handoffs.mark_sent(faxed.id)
    assert done.key == faxed.key
    assert outbox.items() == []
    with pytest.raises(ItemNotFound):
        handoffs.mark_sent(faxed.id)
    assert sending.flush(force=[fax_code]).events == []
    assert records(training, fax_code) == []


class WithoutMail(ProConsona):
    """A Pro Consona whose interface (say, an older version) has no internal mail."""

    capabilities: ClassVar[frozenset[Capability]] = ProConsona.capabilities - {
        Capability.INTERNAL_MAIL
    }


def test_decided_by_declared_capability_not_by_system_name(
    training: TrainingServer, outbox: Outbox
) -> None:
    code = code_of(training, "proconsona")

    def factory(municipality: Municipality, access: Access) -> ClientSystem:
        return WithoutMail(municipality.system, access)

    station = Workstation(training.policy, lambda m: CREDENTIALS, factory)
    try:
        sending = SendingService(outbox, station)
        service = HandoffService(sending, station)
        assert station.policy.municipality(code).system.type == "proconsona"
        assert service.channel(code) is Channel.FAX
        item = service.hand_over(
            code, summary(station, training, code), CASE, FOLLOW_UP, AUTHOR, saved_by=SAVED_BY
        )
        assert (item.kind, item.state) == (ItemKind.FAX, ItemState.MANUAL)
        sending.flush(force=[code])
        assert records(training, code) == []
    finally:
        station.close()


def test_open_handoffs_lists_what_is_open_and_not_what_is_done(
    training: TrainingServer,
    workstation: Workstation,
    handoffs: HandoffService,
    sending: SendingService,
) -> None:
    mail_code, fax_code = code_of(training, "proconsona"), code_of(training, "effica")
    mailed = handoffs.hand_over(
        mail_code,
        summary(workstation, training, mail_code),
        CASE,
        FOLLOW_UP,
        AUTHOR,
        saved_by=SAVED_BY,
    )
    faxed = handoffs.hand_over(
        fax_code, summary(workstation, training, fax_code), CASE, "", AUTHOR, saved_by=SAVED_BY
    )
    open_now = open_handoffs(sending.outbox)
    assert [(o.item_id, o.channel, o.document, o.state) for o in open_now] == [
        (mailed.id, Channel.INTERNAL_MAIL, FaxDocument.HANDOFF, ItemState.WAITING),
        (faxed.id, Channel.FAX, FaxDocument.HANDOFF, ItemState.MANUAL),
    ]
    assert open_now[1].fax == municipality(training, fax_code).office_hours.fax
    # Least client data: the label, never the case text or the identity code.
    for line in open_now:
        assert CASE not in repr(line)
        assert line.label in (mailed.label, faxed.label)
        assert str(training.systems[mail_code].clients[0].hetu) not in repr(line)

    sending.flush()
    assert [o.item_id for o in open_handoffs(sending.outbox)] == [faxed.id]
    handoffs.mark_sent(faxed.id)
    assert open_handoffs(sending.outbox) == []


def test_non_disclosed_address_is_never_in_a_fax_payload(
    training: TrainingServer,
    workstation: Workstation,
    handoffs: HandoffService,
    sending: SendingService,
) -> None:
    code = code_of(training, "effica")
    client = training.systems[code].clients[3]
    assert client.non_disclosure
    item = handoffs.hand_over(
        code, summary(workstation, training, code, 3), CASE, FOLLOW_UP, AUTHOR, saved_by=SAVED_BY
    )
    stored = sending.outbox.get(item.id)
    assert stored is not None
    for secret in (client.address.street, client.address.postal_code):
        assert secret.encode() not in stored.payload
    fax = fax_from_payload(stored.payload)
    assert fax.handoff is not None
    assert fax.handoff.non_disclosure
    assert fax.handoff.address is None
    # A payload that carries an address under non-disclosure is refused on reading.
    record = json.loads(stored.payload)
    record["handoff"]["address"] = {"street": "Salainen 1", "postal_code": "00100", "city": "X"}
    with pytest.raises(ValueError, match=r"^handoff\.address: "):
        fax_from_payload(json.dumps(record).encode())


def test_a_disclosed_address_and_the_responsible_worker_travel_with_the_fax(
    training: TrainingServer, workstation: Workstation, handoffs: HandoffService
) -> None:
    code = code_of(training, "effica")
    client = summary(workstation, training, code, 0)
    item = handoffs.hand_over(code, client, CASE, FOLLOW_UP, AUTHOR, saved_by=SAVED_BY)
    fax = handoffs.fax(item.id)
    assert fax.handoff is not None
    assert fax.handoff.address == client.address
    assert fax.handoff.responsible_worker == client.responsible_worker
    assert (fax.handoff.last_name, fax.handoff.first_names) == (
        client.last_name,
        client.first_names,
    )
    assert fax_from_payload(fax_to_payload(fax)) == fax


def test_hand_over_by_identity_code_alone(
    training: TrainingServer, handoffs: HandoffService, sending: SendingService
) -> None:
    code = code_of(training, "proconsona")
    hetu = training.systems[code].clients[1].hetu
    item = handoffs.hand_over(code, hetu, CASE, FOLLOW_UP, AUTHOR, saved_by=SAVED_BY)
    born = hetu.birth_date
    assert item.label.startswith(f"{born.day}.{born.month}.{born.year} · jatkotoimet")
    sending.flush()
    assert [r["kind"] for r in records(training, code)] == ["mail"]


def test_handing_over_twice_with_one_key_saves_once(
    training: TrainingServer, workstation: Workstation, handoffs: HandoffService, outbox: Outbox
) -> None:
    key = uuid.uuid4()
    for code in (code_of(training, "proconsona"), code_of(training, "effica")):
        client = summary(workstation, training, code)
        first = handoffs.hand_over(
            code, client, CASE, FOLLOW_UP, AUTHOR, key=uuid.uuid5(key, code), saved_by=SAVED_BY
        )
        again = handoffs.hand_over(
            code, client, CASE, FOLLOW_UP, AUTHOR, key=uuid.uuid5(key, code), saved_by=SAVED_BY
        )
        assert first == again
    assert len(outbox.items()) == 2


@pytest.mark.parametrize(
    ("text", "author", "code", "refusal"),
    [
        ("  \n", AUTHOR, "186", MissingText),
        (CASE, " ", "186", MissingAuthor),
        (CASE, AUTHOR, "999", UnknownMunicipality),
    ],
)
def test_hand_over_refuses_what_is_missing(
    training: TrainingServer,
    handoffs: HandoffService,
    outbox: Outbox,
    text: str,
    author: str,
    code: str,
    refusal: type[ValueError],
) -> None:
    hetu = training.systems["186"].clients[0].hetu
    with pytest.raises(refusal):
        handoffs.hand_over(code, hetu, text, FOLLOW_UP, author, saved_by=SAVED_BY)
    assert outbox.items() == []


def test_only_a_readable_manual_fax_is_fetched_for_printing(
    training: TrainingServer,
    workstation: Workstation,
    handoffs: HandoffService,
    outbox: Outbox,
) -> None:
    mail_code, fax_code = code_of(training, "proconsona"), code_of(training, "effica")
    mail = handoffs.hand_over(
        mail_code,
        summary(workstation, training, mail_code),
        CASE,
        FOLLOW_UP,
        AUTHOR,
        saved_by=SAVED_BY,
    )
    with pytest.raises(NotAFax):
        handoffs.fax(mail.id)
    hetu = training.systems[fax_code].clients[0].hetu
    broken = outbox.put(
        OutgoingItem(uuid.uuid4(), fax_code, ItemKind.FAX, hetu.value, "label", b"{}"),
        handoffs.sending.clock(),
        ItemState.MANUAL,
    )
    with pytest.raises(UnreadableFax):
        handoffs.fax(broken.id)
    handoffs.mark_sent(broken.id)
    with pytest.raises(ItemNotFound):
        handoffs.fax(broken.id)


def test_fax_sheet_renders_from_the_item(
    training: TrainingServer, workstation: Workstation, handoffs: HandoffService
) -> None:
    code = code_of(training, "effica")
    hidden = training.systems[code].clients[3]
    item = handoffs.hand_over(
        code, summary(workstation, training, code, 3), CASE, FOLLOW_UP, AUTHOR, saved_by=SAVED_BY
    )
    fax = handoffs.fax(item.id)
    from app.services.documents import NON_DISCLOSURE_MARKER

    now = fax.created
    text = pdftotext(render_fax(fax, training.policy, AUTHOR, now))
    office = municipality(training, code).office_hours
    assert office.fax is not None
    assert office.fax in text
    assert office.unit in text
    assert "Mitä tapahtui" in text
    assert NON_DISCLOSURE_MARKER in text
    assert hidden.address.street not in text


def test_connector_capabilities_are_declared(training: TrainingServer) -> None:
    declared = {
        m.system.type: create_connector(m.system, CREDENTIALS).supports(Capability.INTERNAL_MAIL)
        for m in training.policy.municipalities
    }
    assert declared == {"proconsona": True, "effica": False}
