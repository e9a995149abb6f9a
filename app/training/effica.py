"""Training simulator of Effica: the connector's XML contract, on 127.0.0.1.

It behaves like the real system where the connector depends on it: session
tickets that expire, exact identity-code search, protected addresses that are
still sent (marked ``Protected="true"``), Finnish validation faults, and
idempotent daily notes and audit events. Requests are parsed only through
defusedxml.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import threading
import uuid
import weakref
import xml.etree.ElementTree as ET  # building answers only; requests go through defusedxml
from collections.abc import Callable
from http import HTTPStatus

from defusedxml import ElementTree as SafeET

from app.services.hetu import InvalidHetu, parse_hetu
from app.services.model import ContactChannel, TaskType
from app.training.data import SyntheticClient
from app.training.server import (
    TRAINING_PASSWORD,
    TRAINING_USERNAME,
    SimulatedSystem,
    SimulatorHandler,
)
from app.training.store import IdempotencyConflict

VERSION = "Effica-koulutus 1.0"
TICKET_LIFETIME = dt.timedelta(minutes=30)
MAX_TEXT = 20_000
XML = "application/xml; charset=utf-8"

TICKET_HEADER = "X-Effica-Ticket"

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
_EVENT_FIELDS = ("SSN", "EventType", "Reason", "Author", "OccurredAt")
_NOTE_FIELDS = (
    "SSN",
    "ContactTime",
    "ContactedBy",
    "TaskType",
    "Narrative",
    "Measures",
    "FollowUpNeeded",
    "Author",
)


class _Sessions:
    """The tickets one simulated system has issued."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tickets: dict[str, dt.datetime] = {}

    def issue(self) -> tuple[str, dt.datetime]:
        ticket = secrets.token_urlsafe(24)
        valid_until = dt.datetime.now(dt.UTC).replace(microsecond=0) + TICKET_LIFETIME
        with self._lock:
            self._tickets[ticket] = valid_until
        return ticket, valid_until

    def valid(self, ticket: str | None) -> bool:
        with self._lock:
            valid_until = self._tickets.get(ticket or "")
        return valid_until is not None and dt.datetime.now(dt.UTC) < valid_until

    def forget_all(self) -> None:
        with self._lock:
            self._tickets.clear()


# Sessions live beside each SimulatedSystem (handlers are made per request and
# the system class is shared by every simulator), and go with it.
_SESSIONS: weakref.WeakKeyDictionary[SimulatedSystem, _Sessions] = weakref.WeakKeyDictionary()
_SESSIONS_LOCK = threading.Lock()


def _sessions(system: SimulatedSystem) -> _Sessions:
    with _SESSIONS_LOCK:
        return _SESSIONS.setdefault(system, _Sessions())


def forget_tickets(system: SimulatedSystem) -> None:
    """Test and trainer hook: the system forgets every ticket, as after a restart."""
    _sessions(system).forget_all()


def person_id(index: int) -> str:
    """The stable Effica PersonId of the system's ``index``-th client."""
    return f"EF{index + 1:05d}"


class _Fault(Exception):
    def __init__(self, status: int, code: str, reason: str) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.reason = reason


class Handler(SimulatorHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server calls it by this name
        if self._route() == "/Ping":
            self._send_xml(HTTPStatus.OK, ET.Element("Pong", version=VERSION))
        else:
            self._send_fault(_Fault(HTTPStatus.NOT_FOUND, "NOT_FOUND", "Tuntematon osoite."))

    def do_POST(self) -> None:  # noqa: N802 - http.server calls it by this name
        # The body is read first whatever happens: an unread body would be
        # taken for the next request on this kept-alive connection.
        body = self.read_body()
        if body is None:
            return
        routes: dict[str, tuple[str, Callable[[ET.Element], None]]] = {
            "/Login": ("Login", self._login),
            "/PersonQuery": ("PersonQuery", self._person_query),
            "/ClientInfo": ("ClientInfoRequest", self._client_info),
            "/DailyNote": ("DailyNote", self._daily_note),
            "/AuditEvent": ("AuditEvent", self._audit_event),
        }
        try:
            route = routes.get(self._route())
            if route is None:
                raise _Fault(HTTPStatus.NOT_FOUND, "NOT_FOUND", "Tuntematon osoite.")
            root_tag, action = route
            document = _parse_request(body, root_tag)
            if root_tag != "Login" and not _sessions(self.system).valid(
                self.headers.get(TICKET_HEADER)
            ):
                raise _Fault(HTTPStatus.UNAUTHORIZED, "AUTH", "Istunto on vanhentunut.")
            action(document)
        except _Fault as fault:
            self._send_fault(fault)

    # -- endpoints -------------------------------------------------------------

    def _login(self, document: ET.Element) -> None:
        user = _leaf(document, "User", required=False)
        password = _leaf(document, "Password", required=False)
        # Compared in constant time like a real system would; anything else is refused.
        if not (
            secrets.compare_digest(user.encode(), TRAINING_USERNAME.encode())
            and secrets.compare_digest(password.encode(), TRAINING_PASSWORD.encode())
        ):
            raise _Fault(
                HTTPStatus.UNAUTHORIZED, "AUTH", "Virheellinen käyttäjätunnus tai salasana."
            )
        ticket, valid_until = _sessions(self.system).issue()
        result = ET.Element("LoginResult")
        ET.SubElement(result, "Ticket").text = ticket
        ET.SubElement(result, "ValidUntil").text = valid_until.isoformat()
        self._send_xml(HTTPStatus.OK, result)

    def _person_query(self, document: ET.Element) -> None:
        ssn = _leaf(document, "SSN")
        result = ET.Element("PersonQueryResult")
        # Exact match, century sign included: 010190-999K is not 010190Y999K.
        for index, client in enumerate(self.system.clients):
            if client.hetu.value == ssn:
                ET.SubElement(result, "Person", PersonId=person_id(index), SSN=ssn)
        self._send_xml(HTTPStatus.OK, result)

    def _client_info(self, document: ET.Element) -> None:
        wanted = document.get("PersonId")
        for index, client in enumerate(self.system.clients):
            if person_id(index) == wanted:
                self._send_xml(HTTPStatus.OK, self._client_element(index, client))
                return
        raise _Fault(HTTPStatus.NOT_FOUND, "NOT_FOUND", "Henkilöä ei löydy.")

    def _client_element(self, index: int, client: SyntheticClient) -> ET.Element:
        root = ET.Element("Client", PersonId=person_id(index))
        ET.SubElement(root, "SSN").text = client.hetu.value
        ET.SubElement(root, "FamilyName").text = client.last_name
        ET.SubElement(root, "GivenNames").text = client.first_names
        # A real system holds the protected address and sends it marked: hiding
        # it is the connector's job, and this is what tests that it does.
        address = ET.SubElement(
            root, "Address", Protected="true" if client.non_disclosure else "false"
        )
        ET.SubElement(address, "Street").text = client.address.street
        ET.SubElement(address, "PostCode").text = client.address.postal_code
        ET.SubElement(address, "PostOffice").text = client.address.city
        for group, tag, codes in (
            ("Custodians", "Custodian", client.guardians),
            ("Wards", "Ward", client.children),
        ):
            if codes:
                container = ET.SubElement(root, group)
                for code in codes:
                    related = self.system.client_by_hetu(code.value)
                    person = ET.SubElement(container, tag, SSN=code.value)
                    name = related.full_name if related else "Tuntematon henkilö"
                    ET.SubElement(person, "Name").text = name
        if client.care_plan is not None:
            plan = client.care_plan
            attributes = {} if plan.updated is None else {"Updated": plan.updated.isoformat()}
            element = ET.SubElement(root, "ServicePlan", attributes)
            ET.SubElement(element, "Title").text = plan.title
            ET.SubElement(element, "Summary").text = plan.summary
        if client.responsible_worker is not None:
            employee = ET.SubElement(root, "ResponsibleEmployee")
            ET.SubElement(employee, "Name").text = client.responsible_worker.name
            if client.responsible_worker.phone:
                ET.SubElement(employee, "Phone").text = client.responsible_worker.phone
        return root

    def _daily_note(self, document: ET.Element) -> None:
        key = _message_id(document)
        fields = {tag: _leaf(document, tag) for tag in _NOTE_FIELDS}
        note = _validated_note(fields)
        self._known_person(fields["SSN"], "merkintää")
        # The parsed fields, not the raw bytes, decide "same content": the same
        # note re-sent with other formatting is still the same note.
        self._store(
            key,
            note,
            "NoteId",
            "Sama MessageId on jo käytetty toisen sisältöisessä merkinnässä.",
            hetu=fields["SSN"],
            kind="entry",
            text=fields["Narrative"],
            measures=fields["Measures"],
            task_type=note["task_type"],
            contact_channel=note["contact_channel"],
            contact_time=note["contact_time"],
            follow_up_needed=note["follow_up_needed"],
            author=fields["Author"],
        )

    def _audit_event(self, document: ET.Element) -> None:
        key = _message_id(document)
        fields = {tag: _leaf(document, tag) for tag in _EVENT_FIELDS}
        refers_to = _leaf(document, "RefersTo") if document.findall("RefersTo") else None
        event = _validated_event(fields, refers_to)
        self._known_person(fields["SSN"], "tapahtumaa")
        self._store(
            key,
            event,
            "EventId",
            "Sama MessageId on jo käytetty toisen sisältöisessä tapahtumassa.",
            hetu=fields["SSN"],
            kind="event",
            text=fields["Reason"],
            event_kind=event["event_kind"],
            refers_to=event["refers_to"],
            author=fields["Author"],
            occurred_at=event["occurred_at"],
        )

    def _known_person(self, ssn: str, what: str) -> None:
        if self.system.client_by_hetu(ssn) is None:
            raise _Fault(
                HTTPStatus.UNPROCESSABLE_ENTITY,
                "UNKNOWN_PERSON",
                f"Henkilöä ei löydy Efficasta; {what} ei tallennettu.",
            )

    def _store(
        self,
        key: str,
        parsed: dict[str, object],
        id_attribute: str,
        conflict: str,
        *,
        hetu: str,
        kind: str,
        text: str,
        **extra: object,
    ) -> None:
        content = json.dumps(parsed, sort_keys=True, ensure_ascii=False).encode("utf-8")
        try:
            stored = self.system.store.store(
                idempotency_key=key, hetu=hetu, kind=kind, text=text, content=content, **extra
            )
        except IdempotencyConflict:
            raise _Fault(HTTPStatus.CONFLICT, "DUPLICATE_MESSAGE_ID", conflict) from None
        status = HTTPStatus.OK if stored.duplicate else HTTPStatus.CREATED
        ack = ET.Element("Ack", Status="Duplicate" if stored.duplicate else "Stored")
        ack.set(id_attribute, stored.record_id)
        self._send_xml(status, ack)

    # -- helpers ---------------------------------------------------------------

    def _route(self) -> str:
        return self.path.split("?", 1)[0].rstrip("/")

    def _send_xml(self, status: int, element: ET.Element) -> None:
        body: bytes = ET.tostring(element, encoding="utf-8", xml_declaration=True)
        self.send_bytes(status, body, XML)

    def _send_fault(self, fault: _Fault) -> None:
        element = ET.Element("Fault", code=fault.code)
        element.text = fault.reason
        self._send_xml(fault.status, element)


def _parse_request(body: bytes, root_tag: str) -> ET.Element:
    try:
        root = SafeET.fromstring(body, forbid_dtd=True)
    except (ET.ParseError, ValueError, LookupError):
        raise _Fault(
            HTTPStatus.BAD_REQUEST, "MALFORMED", "Pyyntö ei ole kelvollista XML:ää."
        ) from None
    if root.tag != root_tag:
        raise _Fault(HTTPStatus.BAD_REQUEST, "MALFORMED", f"Odotettiin elementtiä {root_tag}.")
    return root


def _validation(reason: str) -> _Fault:
    return _Fault(HTTPStatus.UNPROCESSABLE_ENTITY, "VALIDATION", reason)


def _leaf(parent: ET.Element, tag: str, *, required: bool = True) -> str:
    found = parent.findall(tag)
    if len(found) != 1 or len(found[0]):
        if not required and not found:
            return ""
        raise _validation(f"Kenttä {tag} puuttuu tai on virheellinen.")
    return found[0].text or ""


def _message_id(document: ET.Element) -> str:
    key = document.get("MessageId", "")
    try:
        uuid.UUID(key)
    except ValueError:
        raise _validation("MessageId puuttuu tai ei ole UUID.") from None
    return key


def _check_ssn(ssn: str) -> None:
    try:
        if parse_hetu(ssn).value != ssn:
            raise _validation("Henkilötunnus ei ole kanonisessa muodossa.")
    except InvalidHetu:
        raise _validation("Henkilötunnus on virheellinen.") from None


def _aware_time(value: str, name: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        raise _validation(f"{name} ei ole ISO 8601 -aika.") from None
    if when.tzinfo is None or when.utcoffset() is None:
        raise _validation(f"{name}: aikavyöhyke puuttuu.")
    return when


def _validated_event(fields: dict[str, str], refers_to: str | None) -> dict[str, object]:
    """The audit event in neutral terms, or the Finnish reason it cannot be stored."""
    _check_ssn(fields["SSN"])
    event_kind = _EVENT_TYPES.get(fields["EventType"])
    if event_kind is None:
        raise _validation("Tuntematon tapahtumatyyppi (EventType).")
    if not fields["Reason"].strip():
        raise _validation("Tapahtuman perustelu puuttuu.")
    if len(fields["Reason"]) > MAX_TEXT:
        raise _validation(f"Kenttä Reason on yli {MAX_TEXT} merkkiä pitkä.")
    if not fields["Author"].strip():
        raise _validation("Kirjaajan nimi puuttuu.")
    occurred_at = _aware_time(fields["OccurredAt"], "Tapahtuma-aika")
    if refers_to is not None:
        try:
            refers_to = str(uuid.UUID(refers_to))
        except ValueError:
            raise _validation("RefersTo ei ole UUID.") from None
    return {
        "hetu": fields["SSN"],
        "event_kind": event_kind,
        "reason": fields["Reason"],
        "author": fields["Author"],
        "occurred_at": occurred_at.isoformat(),
        "refers_to": refers_to,
    }


def _validated_note(fields: dict[str, str]) -> dict[str, object]:
    """The note in neutral terms, or the Finnish reason it cannot be stored."""
    _check_ssn(fields["SSN"])
    contact_time = _aware_time(fields["ContactTime"], "Yhteydenottoaika")
    channel = _CHANNELS.get(fields["ContactedBy"])
    if channel is None:
        raise _validation("Tuntematon yhteydenottaja (ContactedBy).")
    task_type = _TASK_TYPES.get(fields["TaskType"])
    if task_type is None:
        raise _validation(
            "Tuntematon tehtävätyyppi: päivystys kirjaa vain lastensuojelun ja "
            "aikuissosiaalityön merkintöjä."
        )
    if not fields["Narrative"].strip():
        raise _validation("Merkinnän kertomus puuttuu.")
    if not fields["Author"].strip():
        raise _validation("Kirjaajan nimi puuttuu.")
    for tag in ("Narrative", "Measures"):
        if len(fields[tag]) > MAX_TEXT:
            raise _validation(f"Kenttä {tag} on yli {MAX_TEXT} merkkiä pitkä.")
    if fields["FollowUpNeeded"] not in ("true", "false"):
        raise _validation("FollowUpNeeded on joko true tai false.")
    return {
        "hetu": fields["SSN"],
        "contact_time": contact_time.isoformat(),
        "contact_channel": channel.value,
        "task_type": task_type.value,
        "narrative": fields["Narrative"],
        "measures": fields["Measures"],
        "follow_up_needed": fields["FollowUpNeeded"] == "true",
        "author": fields["Author"],
    }
