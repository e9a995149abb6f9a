"""Effica: XML over HTTP with session-ticket authentication.

The vendor publishes no interface, so the wire contract is ours and is
documented in docs/connectors.md (section "Effica"); the training simulator in
:mod:`app.training.effica` speaks exactly the same contract.

Every answer is hostile: it is parsed only through defusedxml with DTDs
forbidden, and every element read is checked. Anything unexpected becomes
:class:`~app.connectors.errors.ServerFault`. Messages carry no client data.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
import uuid
import xml.etree.ElementTree as ET  # building requests only; answers go through defusedxml
from dataclasses import dataclass, field
from typing import ClassVar

from defusedxml import ElementTree as SafeET

from app.connectors import errors
from app.connectors.base import (
    Access,
    Capability,
    ClientSystem,
    DutyEvent,
    FieldLimits,
    Health,
    OpenedClient,
    TokenSource,
    open_client_key,
)
from app.connectors.http import HttpTransport, Response, error_for_status
from app.connectors.negotiate import transport_auth
from app.domain.access import AccessAction, AccessEvent
from app.domain.author import Author
from app.domain.hetu import Hetu, InvalidHetu, parse_hetu
from app.domain.model import (
    Address,
    CarePlan,
    ClientRef,
    ClientSummary,
    ContactChannel,
    DeliveryReceipt,
    DutyEntry,
    PersonDetails,
    RelatedPerson,
    TaskType,
    Worker,
)
from app.domain.policy import SystemConfig

log = logging.getLogger(__name__)

# What Effica's daily note takes. A note is meant to be short: the narrative at
# most 10 000 characters, the measures 4 000, short texts (author, names) 100;
# its training system enforces the same numbers (app/training/effica_fields.py). No mail
# or notifications: Effica takes neither.
FIELD_LIMITS = FieldLimits(
    narrative=10_000,
    measures=4_000,
    short_text=100,
    person_description=1_000,
    event_reason=4_000,
)

TICKET_HEADER = "X-Effica-Ticket"
CONTENT_TYPE = "application/xml; charset=utf-8"

# Effica's own words for the model's codes; the simulator validates against these.
CONTACTED_BY = {
    ContactChannel.EMERGENCY_112: "EmergencyCentre",
    ContactChannel.POLICE: "Police",
    ContactChannel.CLIENT: "Client",
    ContactChannel.AUTHORITY: "OtherAuthority",
    ContactChannel.OTHER: "Other",
}
TASK_TYPES = {
    TaskType.CHILD_PROTECTION: "ChildWelfare",
    TaskType.ADULT_SOCIAL_WORK: "AdultSocialWork",
    # Sent as is: refusing it is the system's (and the app's) call, with a reason.
    TaskType.INCOME_SUPPORT: "IncomeSupport",
}
# The audit log's event types for the model's event kinds.
EVENT_TYPES = {
    "discarded_entry": "DiscardedNote",
    "discarded_mail": "DiscardedMessage",
    "discarded_notification": "DiscardedNotification",
}
# The access log's actions for what the worker did with the client's data.
ACCESS_ACTIONS = {
    AccessAction.SEARCH: "Search",
    AccessAction.VIEW: "View",
    AccessAction.ENTRY: "Note",
    AccessAction.NOTIFICATION: "Notification",
    AccessAction.PRINT: "Print",
    AccessAction.HANDOFF: "Handoff",
}

# Log in again this long before the ticket's stated end, so a call in flight
# does not race the expiry; a 401 is still handled if the clocks disagree.
_TICKET_MARGIN = dt.timedelta(seconds=30)
_MAX_TEXT = 20_000
_MAX_REASON = 500
# A ticket goes into a header as is: visible ASCII only, no spaces or line breaks.
_TICKET = re.compile(r"[!-~]{1,512}")
_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")
# Characters XML 1.0 cannot carry at all; a pasted narrative may contain them.
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class _Ticket:
    value: str = field(repr=False)
    # ValidUntil less the margin, worked out once at login: a ValidUntil at the very
    # start of the calendar would otherwise fail every later call (OverflowError).
    renew_at: dt.datetime

    def usable(self, now: dt.datetime) -> bool:
        return now < self.renew_at


class Effica(ClientSystem):
    system_type: ClassVar[str] = "effica"
    # No internal mail in Effica: send_mail stays the base class's NotSupported.
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {
            Capability.FIND_CLIENT,
            Capability.CLIENT_SUMMARY,
            Capability.RECORD_ENTRY,
            Capability.HEALTH_PROBE,
            Capability.EVENT_LOG,
            Capability.OPEN_CLIENT,
            Capability.ACCESS_LOG,
        }
    )
    field_limits: ClassVar[FieldLimits] = FIELD_LIMITS

    def __init__(self, config: SystemConfig, access: Access) -> None:
        super().__init__(config, access)
        self._transport = HttpTransport(config, auth=transport_auth(access, config.endpoint))
        # Worker threads share one ticket; the lock also makes them wait for
        # a single login instead of each starting its own.
        self._lock = threading.Lock()
        self._ticket: _Ticket | None = None

    # -- the interface ---------------------------------------------------------

    def probe(self) -> Health:
        response = self._transport.request("GET", "/Ping")
        if response.status != 200:
            raise error_for_status(response, "Ping", _fault_reason(response))
        pong = _parse(response.body, "Pong", "Ping")
        version = _identifier_like(pong.get("version"), "Ping: version", max_length=100)
        return Health(system_version=version, checked_at=dt.datetime.now(dt.UTC))

    def find_client(self, hetu: Hetu) -> ClientRef | None:
        query = ET.Element("PersonQuery")
        ET.SubElement(query, "SSN").text = hetu.value
        result = self._expect_ok(self._post("/PersonQuery", query), "PersonQuery")
        root = _parse(result.body, "PersonQueryResult", "PersonQuery")
        if any(child.tag != "Person" for child in root):
            raise errors.ServerFault("PersonQuery: unexpected element in the result")
        people = list(root)
        if not people:
            return None
        if len(people) > 1:
            raise errors.ServerFault("PersonQuery: more than one person for an exact query")
        person = people[0]
        # Never show a different person than the one asked for.
        if _hetu(person.get("SSN"), "PersonQuery") != hetu:
            raise errors.ServerFault("PersonQuery: the answer is about another identity code")
        return ClientRef(hetu=hetu, system_id=_person_id(person.get("PersonId"), "PersonQuery"))

    def client_summary(self, ref: ClientRef) -> ClientSummary:
        request = ET.Element("ClientInfoRequest", PersonId=ref.system_id)
        result = self._expect_ok(self._post("/ClientInfo", request), "ClientInfo")
        client = _parse(result.body, "Client", "ClientInfo")
        what = "ClientInfo"
        if client.get("PersonId") != ref.system_id:
            raise errors.ServerFault(f"{what}: the answer is about another person")
        if _hetu(_text(client, "SSN", what), what) != ref.hetu:
            raise errors.ServerFault(f"{what}: the answer is about another identity code")
        address_element = _required_child(client, "Address", what)
        protected = _boolean(address_element.get("Protected"), f"{what}: Address/@Protected")
        plan = _child(client, "ServicePlan", what)
        employee = _child(client, "ResponsibleEmployee", what)
        return ClientSummary(
            ref=ref,
            last_name=_text(client, "FamilyName", what),
            first_names=_text(client, "GivenNames", what),
            non_disclosure=protected,
            # Under non-disclosure the address is dropped here, unread, so no
            # later layer can show or print it by mistake.
            address=None if protected else _address(address_element, what),
            guardians=_people(client, "Custodians", "Custodian", what),
            children=_people(client, "Wards", "Ward", what),
            care_plan=None if plan is None else _care_plan(plan, what),
            responsible_worker=None if employee is None else _worker(employee, what),
        )

    def open_client(self, person: PersonDetails, hetu: Hetu | None, key: uuid.UUID) -> OpenedClient:
        what = "OpenClient"
        request = ET.Element("OpenClient", MessageId=str(key))
        if hetu is not None:
            ET.SubElement(request, "SSN").text = hetu.value
        ET.SubElement(request, "FamilyName").text = _xml_safe(person.last_name)
        ET.SubElement(request, "GivenNames").text = _xml_safe(person.first_names)
        if person.birth_date is not None:
            ET.SubElement(request, "BirthDate").text = person.birth_date.isoformat()
        address = ET.SubElement(
            request, "Address", Protected="true" if person.non_disclosure else "false"
        )
        # The model carries no address under non-disclosure: none can go.
        if person.address is not None:
            ET.SubElement(address, "Street").text = _xml_safe(person.address.street)
            ET.SubElement(address, "PostCode").text = _xml_safe(person.address.postal_code)
            ET.SubElement(address, "PostOffice").text = _xml_safe(person.address.city)
        for tag, value in (
            ("Nationality", person.nationality),
            ("Language", person.language),
            ("Description", person.description),
        ):
            ET.SubElement(request, tag).text = _xml_safe(value)
        response = self._post("/OpenClient", request)
        if response.status not in (200, 201):
            raise error_for_status(response, what, _fault_reason(response))
        ack = _parse(response.body, "Ack", what)
        status = ack.get("Status")
        if status not in ("Stored", "Duplicate", "Existing"):
            raise errors.ServerFault(f"{what}: unknown acknowledgement status")
        person_id = _person_id(ack.get("PersonId"), what)
        if hetu is None:
            if ack.get("SSN") is not None:
                raise errors.ServerFault(f"{what}: the answer names an identity code")
        elif _hetu(ack.get("SSN"), what) != hetu:
            raise errors.ServerFault(f"{what}: the answer is about another identity code")
        needs = _boolean(ack.get("NeedsIdentification"), f"{what}: NeedsIdentification")
        if needs != (hetu is None):
            raise errors.ServerFault(f"{what}: NeedsIdentification does not fit the identity code")
        return OpenedClient(person_id, hetu, needs, created=status == "Stored")

    def record_entry(self, entry: DutyEntry) -> DeliveryReceipt:
        person_id = self._person_for(entry)
        note = ET.Element("DailyNote", MessageId=str(entry.idempotency_key))
        if person_id is not None:
            note.set("PersonId", person_id)
        if entry.hetu is not None:
            ET.SubElement(note, "SSN").text = entry.hetu.value
        for tag, value in (
            ("ContactTime", entry.contact_time.isoformat()),
            ("ContactedBy", CONTACTED_BY[entry.contact_channel]),
            ("TaskType", TASK_TYPES[entry.task_type]),
            ("Narrative", _xml_safe(entry.narrative)),
            ("Measures", _xml_safe(entry.measures)),
            ("FollowUpNeeded", "true" if entry.follow_up_needed else "false"),
            ("Author", _xml_safe(entry.author)),
            *_attribution(entry.attribution),
        ):
            ET.SubElement(note, tag).text = value
        return self._acknowledged("/DailyNote", note, "NoteId")

    def _person_for(self, entry: DutyEntry) -> str | None:
        """The PersonId a note must name: only a person without an identity code's.

        A note names its person by identity code; for an entry with ``person``
        whose code Effica does not know, the client is opened first. A person
        with no code is opened (for identification) and named by PersonId. The
        opening key is derived from the entry's, so a repeated delivery never
        opens a second client.
        """
        person = entry.person
        if entry.hetu is not None:
            if (
                person is not None
                and entry.client_system_id is None
                and self.find_client(entry.hetu) is None
            ):
                self.open_client(person, entry.hetu, open_client_key(entry.idempotency_key))
            return None
        if entry.client_system_id is not None:
            return entry.client_system_id
        if person is None:  # the model forbids it; nothing to open
            raise errors.Rejected("DailyNote: no person", "Henkilön tiedot puuttuvat.")
        return self.open_client(person, None, open_client_key(entry.idempotency_key)).system_id

    def record_event(self, event: DutyEvent) -> DeliveryReceipt:
        event_type = EVENT_TYPES.get(event.kind)
        if event_type is None:
            # Nothing is sent: the audit log has no such event type.
            raise errors.Rejected("AuditEvent: unknown event kind", "Tuntematon tapahtumalaji.")
        audit = ET.Element("AuditEvent", MessageId=str(event.idempotency_key))
        # No SSN: the discarded item was about a person with no identity code.
        fields = [] if event.hetu is None else [("SSN", event.hetu.value)]
        fields += [
            ("EventType", event_type),
            ("Reason", _xml_safe(event.text)),
            ("Author", _xml_safe(event.author)),
            *_attribution(event.attribution),
            ("OccurredAt", event.occurred_at.isoformat()),
        ]
        if event.refers_to is not None:
            fields.append(("RefersTo", str(event.refers_to)))
        for tag, value in fields:
            ET.SubElement(audit, tag).text = value
        return self._acknowledged("/AuditEvent", audit, "EventId")

    def record_access(self, event: AccessEvent) -> DeliveryReceipt:
        access = ET.Element("AccessEvent", MessageId=str(event.idempotency_key))
        author = event.author
        worker = ET.SubElement(
            access,
            "Worker",
            Id=_xml_safe(author.worker_id),
            Organisation=_xml_safe(author.organisation),
            Method=author.method.value,
            SignedInAt=author.signed_in_at.isoformat(),
        )
        worker.text = _xml_safe(author.worker_name)
        # No SSN: no identified client (a person with no identity code).
        fields = [("Municipality", event.municipality)]
        if event.hetu is not None:
            fields.append(("SSN", event.hetu.value))
        fields += [
            ("Action", ACCESS_ACTIONS[event.action]),
            ("Purpose", _xml_safe(event.purpose)),
            ("OccurredAt", event.occurred_at.isoformat()),
        ]
        for tag, value in fields:
            ET.SubElement(access, tag).text = value
        return self._acknowledged("/AccessEvent", access, "EventId")

    def close(self) -> None:
        self._transport.close()

    # -- session and transport -------------------------------------------------

    def _current_ticket(self) -> str:
        with self._lock:
            if self._ticket is None or not self._ticket.usable(dt.datetime.now(dt.UTC)):
                self._ticket = self._login()
            return self._ticket.value

    def _forget(self, ticket: str) -> None:
        with self._lock:
            # Another thread may already have replaced it with a fresh one.
            if self._ticket is not None and self._ticket.value == ticket:
                self._ticket = None

    def _login(self) -> _Ticket:
        """A session ticket: for the worker's password, or for the organisation's
        sign-in (the bearer token goes to /Login; a refused one is renewed once)."""
        tokens = self.tokens
        if self.negotiates:
            # The transport adds the worker's Kerberos ticket to the login.
            response = self._transport.request(
                "POST",
                "/Login",
                data=_serialize(ET.Element("Login")),
                headers={"Content-Type": CONTENT_TYPE},
            )
            if response.status == 401:
                raise errors.SignInRequired("Login: Kerberos refused")
        elif tokens is None:
            login = ET.Element("Login")
            ET.SubElement(login, "User").text = _xml_safe(self.credentials.username)
            ET.SubElement(login, "Password").text = _xml_safe(self.credentials.secret)
            response = self._transport.request(
                "POST", "/Login", data=_serialize(login), headers={"Content-Type": CONTENT_TYPE}
            )
        else:
            response = self._token_login(tokens)
        if response.status != 200:
            raise error_for_status(response, "Login", _fault_reason(response))
        result = _parse(response.body, "LoginResult", "Login")
        ticket = _text(result, "Ticket", "Login")
        if not _TICKET.fullmatch(ticket):
            raise errors.ServerFault("Login: the ticket is not a usable header value")
        valid_until = _aware_datetime(_text(result, "ValidUntil", "Login"), "Login: ValidUntil")
        try:
            renew_at = valid_until - _TICKET_MARGIN
        except OverflowError:
            raise errors.ServerFault("Login: ValidUntil is out of range") from None
        return _Ticket(ticket, renew_at)

    def _token_login(self, tokens: TokenSource) -> Response:
        for _attempt in range(2):
            token = tokens.token()
            response = self._transport.request(
                "POST",
                "/Login",
                data=_serialize(ET.Element("Login")),
                headers={"Content-Type": CONTENT_TYPE, "Authorization": f"Bearer {token}"},
            )
            if response.status != 401:
                return response
            tokens.refused(token)
        raise errors.SignInRequired("Login: the token was refused after a renewal")

    def _post(self, path: str, document: ET.Element) -> Response:
        """POST with the ticket; after a 401, log in once more and retry once.

        Retrying is safe: a refused ticket means nothing was processed, and
        entries carry their idempotency key anyway.
        """
        body = _serialize(document)
        for _attempt in range(2):
            ticket = self._current_ticket()
            response = self._transport.request(
                "POST",
                path,
                data=body,
                headers={"Content-Type": CONTENT_TYPE, TICKET_HEADER: ticket},
            )
            if response.status != 401:
                return response
            log.info("Effica refused the session ticket on %s; logging in again", path)
            self._forget(ticket)
        raise errors.AuthenticationFailed(f"{path.lstrip('/')}: ticket refused after a new login")

    def _acknowledged(self, path: str, document: ET.Element, id_attribute: str) -> DeliveryReceipt:
        """POST a record and read its ``<Ack Status=… {id_attribute}=…/>``."""
        what = path.lstrip("/")
        response = self._post(path, document)
        if response.status not in (200, 201):
            raise error_for_status(response, what, _fault_reason(response))
        ack = _parse(response.body, "Ack", what)
        status = ack.get("Status")
        if status not in ("Stored", "Duplicate"):
            raise errors.ServerFault(f"{what}: unknown acknowledgement status")
        record_id = _identifier_like(
            ack.get(id_attribute), f"{what}: {id_attribute}", max_length=100
        )
        return DeliveryReceipt(system_record_id=record_id, already_recorded=status == "Duplicate")

    @staticmethod
    def _expect_ok(response: Response, what: str) -> Response:
        if response.status != 200:
            raise error_for_status(response, what, _fault_reason(response))
        return response


# -- building requests ---------------------------------------------------------


def _serialize(document: ET.Element) -> bytes:
    # ElementTree escapes text and attributes; requests are never formatted by hand.
    body: bytes = ET.tostring(document, encoding="utf-8", xml_declaration=True)
    return body


def _attribution(author: Author | None) -> list[tuple[str, str]]:
    """Who saved the record, as signed in then: AuthorId (the organisation's own id of
    the worker), AuthorOrganisation, AuthMethod and SignedInAt. None (saved before the
    outbox recorded authors): no elements, and the system records the author unknown."""
    if author is None:
        return []
    return [
        ("AuthorId", _xml_safe(author.worker_id)),
        ("AuthorOrganisation", _xml_safe(author.organisation)),
        ("AuthMethod", author.method.value),
        ("SignedInAt", author.signed_in_at.isoformat()),
    ]


def _xml_safe(text: str) -> str:
    """Text as XML can carry it, the same way on every attempt.

    An XML parser turns CR LF into LF anyway, so doing it here keeps what is
    sent and what is stored alike. Vertical tab and form feed (from pasted
    word-processor text) become line breaks; other control characters, which
    XML 1.0 cannot carry, are dropped rather than failing the whole entry.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    return _NOT_XML.sub("", text)


# -- reading answers -----------------------------------------------------------


def _parse(body: bytes, root_tag: str, what: str) -> ET.Element:
    try:
        root = SafeET.fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (ET.ParseError, ValueError, LookupError) as error:
        # defusedxml's refusals are ValueErrors; an unknown encoding is a LookupError.
        raise errors.ServerFault(f"{what}: not acceptable XML ({type(error).__name__})") from None
    if root.tag != root_tag:
        raise errors.ServerFault(f"{what}: expected <{root_tag}>")
    return root


def _fault_reason(response: Response) -> str | None:
    """The system's explanation from a ``<Fault>``, if the body is one."""
    try:
        root = SafeET.fromstring(response.body, forbid_dtd=True)
    except (ET.ParseError, ValueError, LookupError):
        return None
    if root.tag != "Fault" or len(root) or not root.text:
        return None
    reason = " ".join(root.text.split())[:_MAX_REASON]
    return reason if reason and reason.isprintable() else None


def _child(parent: ET.Element, tag: str, what: str) -> ET.Element | None:
    found = parent.findall(tag)
    if len(found) > 1:
        raise errors.ServerFault(f"{what}: <{tag}> more than once")
    return found[0] if found else None


def _required_child(parent: ET.Element, tag: str, what: str) -> ET.Element:
    element = _child(parent, tag, what)
    if element is None:
        raise errors.ServerFault(f"{what}: <{tag}> missing")
    return element


def _text(parent: ET.Element, tag: str, what: str) -> str:
    """The text of a required leaf element; blank is as bad as missing."""
    text = _optional_text(parent, tag, what)
    if text is None or not text.strip():
        raise errors.ServerFault(f"{what}: <{tag}> missing or empty")
    return text


def _optional_text(parent: ET.Element, tag: str, what: str) -> str | None:
    element = _child(parent, tag, what)
    if element is None:
        return None
    if len(element):
        raise errors.ServerFault(f"{what}: <{tag}> is not a text element")
    text = element.text or ""
    if len(text) > _MAX_TEXT:
        raise errors.ServerFault(f"{what}: <{tag}> is too long")
    return text


def _boolean(value: str | None, what: str) -> bool:
    if value == "true":
        return True
    if value == "false":
        return False
    raise errors.ServerFault(f"{what}: expected true or false")


def _identifier_like(value: str | None, what: str, max_length: int) -> str:
    if not value or len(value) > max_length or not value.isprintable() or value != value.strip():
        raise errors.ServerFault(f"{what}: missing or malformed")
    return value


def _person_id(value: str | None, what: str) -> str:
    if value is None or not _IDENTIFIER.fullmatch(value):
        raise errors.ServerFault(f"{what}: PersonId missing or malformed")
    return value


def _hetu(value: str | None, what: str) -> Hetu:
    if value is None:
        raise errors.ServerFault(f"{what}: identity code missing")
    try:
        return parse_hetu(value)
    except InvalidHetu as error:
        raise errors.ServerFault(f"{what}: invalid identity code ({error.problem.value})") from None


def _aware_datetime(value: str, what: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise errors.ServerFault(f"{what}: not an ISO 8601 time") from None
    if when.tzinfo is None:
        raise errors.ServerFault(f"{what}: time without a time zone")
    return when


def _address(element: ET.Element, what: str) -> Address | None:
    parts = [_optional_text(element, tag, what) for tag in ("Street", "PostCode", "PostOffice")]
    if all(part is None for part in parts):
        return None  # no known address (e.g. homeless); not the same as protected
    street, postal_code, city = (
        _text(element, tag, what) for tag in ("Street", "PostCode", "PostOffice")
    )
    return Address(street=street, postal_code=postal_code, city=city)


def _people(client: ET.Element, group: str, tag: str, what: str) -> tuple[RelatedPerson, ...]:
    container = _child(client, group, what)
    if container is None:
        return ()
    if any(child.tag != tag for child in container):
        raise errors.ServerFault(f"{what}: unexpected element in <{group}>")
    return tuple(
        RelatedPerson(
            name=_text(person, "Name", what),
            hetu=None if person.get("SSN") is None else _hetu(person.get("SSN"), what),
            phone=_optional_text(person, "Phone", what) or None,
        )
        for person in container
    )


def _care_plan(plan: ET.Element, what: str) -> CarePlan:
    updated_text = plan.get("Updated")
    updated = None
    if updated_text is not None:
        try:
            updated = dt.date.fromisoformat(updated_text)
        except ValueError:
            raise errors.ServerFault(f"{what}: ServicePlan/@Updated is not a date") from None
    return CarePlan(
        title=_text(plan, "Title", what), summary=_text(plan, "Summary", what), updated=updated
    )


def _worker(employee: ET.Element, what: str) -> Worker:
    return Worker(
        name=_text(employee, "Name", what),
        phone=_optional_text(employee, "Phone", what) or None,
    )
