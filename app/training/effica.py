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
import weakref
import xml.etree.ElementTree as ET  # building answers only; requests go through defusedxml
from collections.abc import Callable
from http import HTTPStatus

from app.training.access import AccessRefused, checked_access
from app.training.data import SyntheticClient
from app.training.effica_fields import (
    EVENT_FIELDS,
    NOTE_FIELDS,
    Fault,
    access_fields,
    leaf,
    message_id,
    parse_request,
    validated_attribution,
    validated_event,
    validated_note,
    validated_person,
    validation,
)
from app.training.server import (
    TRAINING_PASSWORD,
    TRAINING_USERNAME,
    SimulatedSystem,
    SimulatorHandler,
)
from app.training.store import IdempotencyConflict

VERSION = "Effica-koulutus 1.0"
TICKET_LIFETIME = dt.timedelta(minutes=30)
XML = "application/xml; charset=utf-8"

TICKET_HEADER = "X-Effica-Ticket"


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


class Handler(SimulatorHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server calls it by this name
        if self._route() == "/Ping":
            self._send_xml(HTTPStatus.OK, ET.Element("Pong", version=VERSION))
        else:
            self._send_fault(Fault(HTTPStatus.NOT_FOUND, "NOT_FOUND", "Tuntematon osoite."))

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
            "/OpenClient": ("OpenClient", self._open_client),
            "/AccessEvent": ("AccessEvent", self._access_event),
        }
        try:
            route = routes.get(self._route())
            if route is None:
                raise Fault(HTTPStatus.NOT_FOUND, "NOT_FOUND", "Tuntematon osoite.")
            root_tag, action = route
            document = parse_request(body, root_tag)
            if root_tag != "Login" and not _sessions(self.system).valid(
                self.headers.get(TICKET_HEADER)
            ):
                raise Fault(HTTPStatus.UNAUTHORIZED, "AUTH", "Istunto on vanhentunut.")
            action(document)
        except Fault as fault:
            self._send_fault(fault)

    # -- endpoints -------------------------------------------------------------

    def _login(self, document: ET.Element) -> None:
        if (self.headers.get("Authorization") or "").lower().startswith("negotiate"):
            # The worker's Kerberos ticket, where the system has a keytab.
            if self.negotiated_worker(self.system) is None:
                raise Fault(HTTPStatus.UNAUTHORIZED, "AUTH", "Kerberos-lippu ei kelpaa.")
            self._issue_ticket()
            return
        if (self.headers.get("Authorization") or "").lower().startswith("bearer"):
            # The organisation's sign-in: a token of the training identity provider.
            if self.bearer_worker(self.system) is None:
                raise Fault(HTTPStatus.UNAUTHORIZED, "AUTH", "Kirjautuminen on vanhentunut.")
            self._issue_ticket()
            return
        user = leaf(document, "User", required=False)
        password = leaf(document, "Password", required=False)
        # Compared in constant time like a real system would; anything else is refused.
        if not (
            secrets.compare_digest(user.encode(), TRAINING_USERNAME.encode())
            and secrets.compare_digest(password.encode(), TRAINING_PASSWORD.encode())
        ):
            raise Fault(
                HTTPStatus.UNAUTHORIZED, "AUTH", "Virheellinen käyttäjätunnus tai salasana."
            )
        self._issue_ticket()

    def _issue_ticket(self) -> None:
        ticket, valid_until = _sessions(self.system).issue()
        result = ET.Element("LoginResult")
        ET.SubElement(result, "Ticket").text = ticket
        ET.SubElement(result, "ValidUntil").text = valid_until.isoformat()
        self._send_xml(HTTPStatus.OK, result)

    def _person_query(self, document: ET.Element) -> None:
        ssn = leaf(document, "SSN")
        result = ET.Element("PersonQueryResult")
        # Exact match, century sign included: 010190-999K is not 010190Y999K.
        known = self._known(ssn)
        if known is not None:
            ET.SubElement(result, "Person", PersonId=known, SSN=ssn)
        self._send_xml(HTTPStatus.OK, result)

    def _client_info(self, document: ET.Element) -> None:
        wanted = document.get("PersonId")
        for index, client in enumerate(self.system.clients):
            if person_id(index) == wanted:
                self._send_xml(HTTPStatus.OK, self._client_element(index, client))
                return
        opened = None if wanted is None else self.system.store.client(wanted)
        if opened is None:
            raise Fault(HTTPStatus.NOT_FOUND, "NOT_FOUND", "Henkilöä ei löydy.")
        self._send_xml(HTTPStatus.OK, _opened_element(opened))

    def _open_client(self, document: ET.Element) -> None:
        key = message_id(document)
        fields = validated_person(document)
        hetu = fields.pop("hetu")
        if hetu is not None:
            known = self._known(hetu)
            stored_client = self.system.store.client_by_hetu(hetu)
            if known is not None and (
                stored_client is None or stored_client["idempotency_key"] != key
            ):
                # Already a client: that one, never a second record for one identity code.
                self._send_opened("Existing", known, hetu, HTTPStatus.OK)
                return
        try:
            stored = self.system.store.open_client(idempotency_key=key, hetu=hetu, **fields)
        except IdempotencyConflict:
            raise Fault(
                HTTPStatus.CONFLICT,
                "DUPLICATE_MESSAGE_ID",
                "Sama MessageId on jo käytetty toiseen sanomaan.",
            ) from None
        if stored.duplicate:
            self._send_opened("Duplicate", stored.record_id, hetu, HTTPStatus.OK)
        else:
            self._send_opened("Stored", stored.record_id, hetu, HTTPStatus.CREATED)

    def _send_opened(self, status: str, system_id: str, hetu: str | None, code: int) -> None:
        ack = ET.Element("Ack", Status=status, PersonId=system_id)
        if hetu is not None:
            ack.set("SSN", hetu)
        ack.set("NeedsIdentification", "true" if hetu is None else "false")
        self._send_xml(code, ack)

    def _known(self, ssn: str) -> str | None:
        """The PersonId of the client with exactly this code: synthetic or opened."""
        for index, client in enumerate(self.system.clients):
            if client.hetu.value == ssn:
                return person_id(index)
        opened = self.system.store.client_by_hetu(ssn)
        return None if opened is None else str(opened["record_id"])

    def _by_person_id(self, wanted: str) -> tuple[str, str | None] | None:
        """(PersonId, identity code or None) of the client a note names by PersonId."""
        for index, client in enumerate(self.system.clients):
            if person_id(index) == wanted:
                return wanted, client.hetu.value
        opened = self.system.store.client(wanted)
        return None if opened is None else (wanted, opened["hetu"])

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
        key = message_id(document)
        fields = {tag: leaf(document, tag) for tag in NOTE_FIELDS}
        ssn = leaf(document, "SSN") if document.findall("SSN") else None
        note = validated_note(fields, ssn)
        attribution = validated_attribution(document)
        note.update(attribution)
        wanted = document.get("PersonId")
        if wanted is not None:
            # Named by PersonId: a person opened without an identity code.
            target = self._by_person_id(wanted)
            if target is None:
                raise Fault(
                    HTTPStatus.UNPROCESSABLE_ENTITY,
                    "UNKNOWN_PERSON",
                    "Henkilöä ei löydy Efficasta; merkintää ei tallennettu.",
                )
            if target[1] != ssn:
                raise validation("Henkilötunnus ei vastaa henkilöä (PersonId).")
            note["person_id"] = wanted
        elif ssn is None:
            raise validation("Kenttä SSN puuttuu tai on virheellinen.")
        else:
            self._known_person(ssn, "merkintää")
        # The parsed fields, not the raw bytes, decide "same content": the same
        # note re-sent with other formatting is still the same note.
        self._store(
            key,
            note,
            "NoteId",
            "Sama MessageId on jo käytetty toisen sisältöisessä merkinnässä.",
            hetu=ssn,
            kind="entry",
            PersonId=wanted if wanted is not None else self._known(str(ssn)),
            needs_identification=ssn is None,
            text=fields["Narrative"],
            measures=fields["Measures"],
            task_type=note["task_type"],
            contact_channel=note["contact_channel"],
            contact_time=note["contact_time"],
            follow_up_needed=note["follow_up_needed"],
            author=fields["Author"],
            **attribution,
        )

    def _audit_event(self, document: ET.Element) -> None:
        key = message_id(document)
        fields = {tag: leaf(document, tag) for tag in EVENT_FIELDS}
        refers_to = leaf(document, "RefersTo") if document.findall("RefersTo") else None
        # No SSN: the item was about a person with no identity code; the event goes to
        # the log without a person, RefersTo ties it to the item.
        ssn = leaf(document, "SSN") if document.findall("SSN") else None
        event = validated_event(fields, ssn, refers_to)
        attribution = validated_attribution(document)
        event.update(attribution)
        if ssn is not None:
            self._known_person(ssn, "tapahtumaa")
        self._store(
            key,
            event,
            "EventId",
            "Sama MessageId on jo käytetty toisen sisältöisessä tapahtumassa.",
            hetu=ssn,
            kind="event",
            text=fields["Reason"],
            event_kind=event["event_kind"],
            refers_to=event["refers_to"],
            author=fields["Author"],
            occurred_at=event["occurred_at"],
            **attribution,
        )

    def _access_event(self, document: ET.Element) -> None:
        key = message_id(document)
        fields = access_fields(document)
        try:
            event = checked_access(self.system.municipality.code, fields)
        except AccessRefused as refused:
            raise validation(refused.reason) from None
        content = json.dumps(event, sort_keys=True, ensure_ascii=False).encode("utf-8")
        try:
            stored = self.system.store.record_access(idempotency_key=key, content=content, **event)
        except IdempotencyConflict:
            raise Fault(
                HTTPStatus.CONFLICT,
                "DUPLICATE_MESSAGE_ID",
                "Sama MessageId on jo käytetty toisen sisältöisessä käyttötapahtumassa.",
            ) from None
        ack = ET.Element("Ack", Status="Duplicate" if stored.duplicate else "Stored")
        ack.set("EventId", stored.record_id)
        self._send_xml(HTTPStatus.OK if stored.duplicate else HTTPStatus.CREATED, ack)

    def _known_person(self, ssn: str, what: str) -> None:
        if self._known(ssn) is None:
            raise Fault(
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
        hetu: str | None,
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
            raise Fault(HTTPStatus.CONFLICT, "DUPLICATE_MESSAGE_ID", conflict) from None
        status = HTTPStatus.OK if stored.duplicate else HTTPStatus.CREATED
        ack = ET.Element("Ack", Status="Duplicate" if stored.duplicate else "Stored")
        ack.set(id_attribute, stored.record_id)
        self._send_xml(status, ack)

    # -- helpers ---------------------------------------------------------------

    def _route(self) -> str:
        return self.path.split("?", 1)[0].rstrip("/")

    def _send_xml(
        self, status: int, element: ET.Element, headers: dict[str, str] | None = None
    ) -> None:
        body: bytes = ET.tostring(element, encoding="utf-8", xml_declaration=True)
        self.send_bytes(status, body, XML, headers)

    def _send_fault(self, fault: Fault) -> None:
        element = ET.Element("Fault", code=fault.code)
        element.text = fault.reason
        headers = None
        if fault.status == HTTPStatus.UNAUTHORIZED and self.system.keytab is not None:
            # The worker's Kerberos ticket would do: say so (HTTP Negotiate).
            headers = {"WWW-Authenticate": "Negotiate"}
        self._send_xml(fault.status, element, headers)


def _opened_element(record: dict[str, object]) -> ET.Element:
    """A client the duty opened, as ``ClientInfo`` shows it."""
    root = ET.Element("Client", PersonId=str(record["record_id"]))
    if record["hetu"] is not None:
        ET.SubElement(root, "SSN").text = str(record["hetu"])
    else:
        root.set("NeedsIdentification", "true")
    ET.SubElement(root, "FamilyName").text = str(record["last_name"])
    ET.SubElement(root, "GivenNames").text = str(record["first_names"])
    protected = "true" if record["non_disclosure"] else "false"
    element = ET.SubElement(root, "Address", Protected=protected)
    address = record["address"]
    if isinstance(address, dict):
        ET.SubElement(element, "Street").text = address["street"]
        ET.SubElement(element, "PostCode").text = address["postal_code"]
        ET.SubElement(element, "PostOffice").text = address["city"]
    return root
