"""Request validation of the Effica training simulator: its vocabulary and its limits.

Split from :mod:`app.training.effica`. A request that fails validation raises
:class:`Fault`, which the handler answers with its status and the Finnish reason in
a ``<Fault>``, as the contract in ``docs/connectors.md`` describes. Requests are
parsed only through defusedxml.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from http import HTTPStatus
from typing import Any

from defusedxml import ElementTree as SafeET

from app.domain.author import SignInMethod
from app.domain.hetu import InvalidHetu, parse_hetu
from app.domain.model import ContactChannel, TaskType

# The field limits (characters). The connector declares the same numbers
# (app.connectors.effica.FIELD_LIMITS); they are written out here on purpose, and
# a contract test holds the two together.
MAX_NARRATIVE = 10_000
MAX_MEASURES = 4_000
MAX_REASON = 4_000
MAX_SHORT = 100
MAX_DESCRIPTION = 1_000

# The system's own vocabulary, written out here rather than imported from the
# connector, so that a mapping mistake there shows up as a refusal here.
# The duty records only these task types; income support is refused with a reason.
_TASK_TYPES = {
    "ChildWelfare": TaskType.CHILD_PROTECTION,
    "AdultSocialWork": TaskType.ADULT_SOCIAL_WORK,
}
_CHANNELS = {
    "EmergencyCentre": ContactChannel.EMERGENCY_112,
    "Police": ContactChannel.POLICE,
    "Client": ContactChannel.CLIENT,
    "OtherAuthority": ContactChannel.AUTHORITY,
    "Other": ContactChannel.OTHER,
}
# The audit log's event types, mapped back to the model's neutral event kind.
_EVENT_TYPES = {
    "DiscardedNote": "discarded_entry",
    "DiscardedMessage": "discarded_mail",
    "DiscardedNotification": "discarded_notification",
}
# The access log's actions, mapped back to the model's neutral action.
_ACCESS_ACTIONS = {
    "Search": "search",
    "View": "view",
    "Note": "entry",
    "Notification": "notification",
    "Print": "print",
    "Handoff": "handoff",
}
# SSN is left out of both for a person with no identity code.
EVENT_FIELDS = ("EventType", "Reason", "Author", "OccurredAt")
NOTE_FIELDS = (
    "ContactTime",
    "ContactedBy",
    "TaskType",
    "Narrative",
    "Measures",
    "FollowUpNeeded",
    "Author",
)


class Fault(Exception):
    def __init__(self, status: int, code: str, reason: str) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.reason = reason


def parse_request(body: bytes, root_tag: str) -> ET.Element:
    try:
        root = SafeET.fromstring(body, forbid_dtd=True)
    except (ET.ParseError, ValueError, LookupError):
        raise Fault(
            HTTPStatus.BAD_REQUEST, "MALFORMED", "Pyyntö ei ole kelvollista XML:ää."
        ) from None
    if root.tag != root_tag:
        raise Fault(HTTPStatus.BAD_REQUEST, "MALFORMED", f"Odotettiin elementtiä {root_tag}.")
    return root


def validation(reason: str) -> Fault:
    return Fault(HTTPStatus.UNPROCESSABLE_ENTITY, "VALIDATION", reason)


def leaf(parent: ET.Element, tag: str, *, required: bool = True) -> str:
    found = parent.findall(tag)
    if len(found) != 1 or len(found[0]):
        if not required and not found:
            return ""
        raise validation(f"Kenttä {tag} puuttuu tai on virheellinen.")
    return found[0].text or ""


def message_id(document: ET.Element) -> str:
    key = document.get("MessageId", "")
    try:
        uuid.UUID(key)
    except ValueError:
        raise validation("MessageId puuttuu tai ei ole UUID.") from None
    return key


def _check_ssn(ssn: str) -> None:
    try:
        if parse_hetu(ssn).value != ssn:
            raise validation("Henkilötunnus ei ole kanonisessa muodossa.")
    except InvalidHetu:
        raise validation("Henkilötunnus on virheellinen.") from None


def _aware_time(value: str, name: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        raise validation(f"{name} ei ole ISO 8601 -aika.") from None
    if when.tzinfo is None or when.utcoffset() is None:
        raise validation(f"{name}: aikavyöhyke puuttuu.")
    return when


def validated_event(
    fields: dict[str, str], ssn: str | None, refers_to: str | None
) -> dict[str, object]:
    """The audit event in neutral terms, or the Finnish reason it cannot be stored."""
    if ssn is not None:
        _check_ssn(ssn)
    event_kind = _EVENT_TYPES.get(fields["EventType"])
    if event_kind is None:
        raise validation("Tuntematon tapahtumatyyppi (EventType).")
    if not fields["Reason"].strip():
        raise validation("Tapahtuman perustelu puuttuu.")
    _check_length(fields, "Reason", MAX_REASON)
    _check_length(fields, "Author", MAX_SHORT)
    if not fields["Author"].strip():
        raise validation("Kirjaajan nimi puuttuu.")
    occurred_at = _aware_time(fields["OccurredAt"], "Tapahtuma-aika")
    if refers_to is not None:
        try:
            refers_to = str(uuid.UUID(refers_to))
        except ValueError:
            raise validation("RefersTo ei ole UUID.") from None
    return {
        "hetu": ssn,
        "event_kind": event_kind,
        "reason": fields["Reason"],
        "author": fields["Author"],
        "occurred_at": occurred_at.isoformat(),
        "refers_to": refers_to,
    }


def validated_note(fields: dict[str, str], ssn: str | None) -> dict[str, object]:
    """The note in neutral terms, or the Finnish reason it cannot be stored."""
    if ssn is not None:
        _check_ssn(ssn)
    contact_time = _aware_time(fields["ContactTime"], "Yhteydenottoaika")
    channel = _CHANNELS.get(fields["ContactedBy"])
    if channel is None:
        raise validation("Tuntematon yhteydenottaja (ContactedBy).")
    task_type = _TASK_TYPES.get(fields["TaskType"])
    if task_type is None:
        raise validation(
            "Tuntematon tehtävätyyppi: päivystys kirjaa vain lastensuojelun ja "
            "aikuissosiaalityön merkintöjä."
        )
    if not fields["Narrative"].strip():
        raise validation("Merkinnän kertomus puuttuu.")
    if not fields["Author"].strip():
        raise validation("Kirjaajan nimi puuttuu.")
    for tag, limit in (
        ("Narrative", MAX_NARRATIVE),
        ("Measures", MAX_MEASURES),
        ("Author", MAX_SHORT),
    ):
        _check_length(fields, tag, limit)
    if fields["FollowUpNeeded"] not in ("true", "false"):
        raise validation("FollowUpNeeded on joko true tai false.")
    return {
        "hetu": ssn,
        "contact_time": contact_time.isoformat(),
        "contact_channel": channel.value,
        "task_type": task_type.value,
        "narrative": fields["Narrative"],
        "measures": fields["Measures"],
        "follow_up_needed": fields["FollowUpNeeded"] == "true",
        "author": fields["Author"],
    }


# Who saved a note or an event, as signed in then: all four elements, or none (the
# author is not known: saved before the duty's outbox recorded authors).
ATTRIBUTION_TAGS = ("AuthorId", "AuthorOrganisation", "AuthMethod", "SignedInAt")


def validated_attribution(document: ET.Element) -> dict[str, str | None]:
    """The record's author as signed in (author_id, author_organisation, auth_method,
    signed_in_at), all None when not known; the Finnish reason when partly given."""
    present = [tag for tag in ATTRIBUTION_TAGS if document.findall(tag)]
    if not present:
        return dict.fromkeys(("author_id", "author_organisation", "auth_method", "signed_in_at"))
    if len(present) != len(ATTRIBUTION_TAGS):
        raise validation("Kirjaajan tunnistetiedot ovat puutteelliset.")
    fields = {tag: leaf(document, tag) for tag in ATTRIBUTION_TAGS}
    for tag in ("AuthorId", "AuthorOrganisation"):
        _check_length(fields, tag, MAX_SHORT)
        if not fields[tag].strip():
            raise validation(f"Kenttä {tag} on tyhjä.")
    if fields["AuthMethod"] not in {method.value for method in SignInMethod}:
        raise validation("Tuntematon kirjautumistapa (AuthMethod).")
    signed_in = _aware_time(fields["SignedInAt"], "Kirjautumisaika")
    return {
        "author_id": fields["AuthorId"],
        "author_organisation": fields["AuthorOrganisation"],
        "auth_method": fields["AuthMethod"],
        "signed_in_at": signed_in.isoformat(),
    }


def _check_length(fields: dict[str, str], tag: str, limit: int) -> None:
    if len(fields[tag]) > limit:
        raise validation(f"Kenttä {tag} on liian pitkä (enintään {limit} merkkiä).")


def validated_person(document: ET.Element) -> dict[str, Any]:
    """A client to open (``<OpenClient>``) in neutral terms, or the Finnish reason not.

    No ``SSN``: a person with no identity code, kept for identification.
    """
    ssn = leaf(document, "SSN") if document.findall("SSN") else None
    if ssn is not None:
        _check_ssn(ssn)
    fields = {
        tag: leaf(document, tag, required=False)
        for tag in ("FamilyName", "GivenNames", "Nationality", "Language", "Description")
    }
    for tag in ("FamilyName", "GivenNames", "Nationality", "Language"):
        _check_length(fields, tag, MAX_SHORT)
    _check_length(fields, "Description", MAX_DESCRIPTION)
    if not (fields["FamilyName"].strip() or fields["GivenNames"].strip()):
        raise validation("Henkilön nimi puuttuu.")
    birth_date = None
    if document.findall("BirthDate"):
        try:
            birth_date = dt.date.fromisoformat(leaf(document, "BirthDate"))
        except ValueError:
            raise validation("BirthDate ei ole päivämäärä (VVVV-KK-PP).") from None
        if ssn is not None and birth_date != parse_hetu(ssn).birth_date:
            raise validation("Syntymäaika ei vastaa henkilötunnusta.")
    protected, address = _person_address(document)
    return {
        "hetu": ssn,
        "text": fields["Description"],
        "last_name": fields["FamilyName"],
        "first_names": fields["GivenNames"],
        "birth_date": None if birth_date is None else birth_date.isoformat(),
        "address": address,
        "non_disclosure": protected,
        "nationality": fields["Nationality"],
        "language": fields["Language"],
    }


def _person_address(document: ET.Element) -> tuple[bool, dict[str, str] | None]:
    """``<Address Protected=…>`` of a client to open: (protected, the address or None)."""
    addresses = document.findall("Address")
    if len(addresses) != 1:
        raise validation("Kenttä Address puuttuu tai on virheellinen.")
    protected = addresses[0].get("Protected")
    if protected not in ("true", "false"):
        raise validation("Address/@Protected on joko true tai false.")
    parts = {
        tag: leaf(addresses[0], tag) if addresses[0].findall(tag) else None
        for tag in ("Street", "PostCode", "PostOffice")
    }
    if all(part is None for part in parts.values()):
        return protected == "true", None
    if protected == "true":
        # Under non-disclosure the duty never sends an address: one here is a leak.
        raise validation("Turvakiellon alaisen henkilön osoitetta ei lähetetä.")
    street, postal_code, city = parts.values()
    if street is None or postal_code is None or city is None:
        raise validation("Osoitteesta puuttuu osa (Street, PostCode, PostOffice).")
    for tag, part in parts.items():
        if len(str(part)) > MAX_SHORT:
            raise validation(f"Kenttä {tag} on liian pitkä (enintään {MAX_SHORT} merkkiä).")
    return False, {"street": street, "postal_code": postal_code, "city": city}


def access_fields(document: ET.Element) -> dict[str, Any]:
    """An ``<AccessEvent>`` in neutral terms, for :func:`app.training.access.checked_access`.

    The action is None when the system has no such word; SSN is left out for an
    action with no identified client.
    """
    workers = document.findall("Worker")
    if len(workers) != 1 or len(workers[0]):
        raise validation("Kenttä Worker puuttuu tai on virheellinen.")
    worker = workers[0]
    return {
        "worker_id": worker.get("Id", ""),
        "worker_name": worker.text or "",
        "organisation": worker.get("Organisation", ""),
        "method": worker.get("Method", ""),
        "signed_in_at": worker.get("SignedInAt", ""),
        "municipality": leaf(document, "Municipality"),
        "hetu": leaf(document, "SSN") if document.findall("SSN") else None,
        "action": _ACCESS_ACTIONS.get(leaf(document, "Action")),
        "purpose": leaf(document, "Purpose"),
        "occurred_at": leaf(document, "OccurredAt"),
    }
