"""Pro Consona: JSON over REST with a bearer token; the only system with internal mail.

The vendor publishes no interface, so the wire contract is ours and is
documented in ``docs/connectors.md`` (section "Pro Consona"). Paths are
relative to the policy's endpoint, which already ends in the API root
(``https://consona.<town>.example/api``).

Every answer is hostile: each field read is type-checked, and anything that
does not fit the contract is a :class:`ServerFault`. Exception messages carry
method, path template and status only, never identity codes, names or text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import quote

from app.connectors import errors
from app.connectors.base import (
    Access,
    Capability,
    ChildWelfareNotification,
    ClientSystem,
    DutyEvent,
    FieldLimits,
    Health,
    InternalMail,
    NotificationUrgency,
    OpenedClient,
    open_client_key,
)
from app.connectors.http import HttpTransport, Response, error_for_status
from app.connectors.json_answer import (
    bool_field,
    hetu_field,
    json_answer,
    list_field,
    object_value,
    optional_object,
    optional_str_field,
    str_field,
)
from app.connectors.negotiate import transport_auth
from app.domain.access import AccessAction, AccessEvent
from app.domain.author import Author
from app.domain.hetu import Hetu
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

# What Pro Consona's duty interface takes ("enintään 20000 merkkiä"); its training
# system enforces the same numbers (app/training/proconsona_fields.py).
FIELD_LIMITS = FieldLimits(
    narrative=20_000,
    measures=20_000,
    short_text=200,
    person_description=2_000,
    event_reason=20_000,
    mail_body=20_000,
    notification_text=20_000,
)

# Pro Consona's own codes for the model's enumerations.
CHANNEL_CODES = {
    ContactChannel.EMERGENCY_112: "hatakeskus",
    ContactChannel.POLICE: "poliisi",
    ContactChannel.CLIENT: "asiakas",
    ContactChannel.AUTHORITY: "viranomainen",
    ContactChannel.OTHER: "muu",
}
# Income support is sent as what it is; the system refuses it with its own reason.
TASK_CODES = {
    TaskType.CHILD_PROTECTION: "lastensuojelu",
    TaskType.ADULT_SOCIAL_WORK: "aikuissosiaalityo",
    TaskType.INCOME_SUPPORT: "toimeentulotuki",
}
# The registrar's event log (tapahtumaloki): Pro Consona's codes for the event kinds.
EVENT_CODES = {
    "discarded_entry": "kirjaus_poistettu",
    "discarded_mail": "viesti_poistettu",
    "discarded_notification": "ilmoitus_poistettu",
}
# The access log (kayttoloki): Pro Consona's codes for what the worker did.
ACCESS_CODES = {
    AccessAction.SEARCH: "haku",
    AccessAction.VIEW: "katselu",
    AccessAction.ENTRY: "kirjaus",
    AccessAction.NOTIFICATION: "ilmoitus",
    AccessAction.PRINT: "tulostus",
    AccessAction.HANDOFF: "siirto",
}
# Child welfare notifications (lastensuojeluilmoitus): the urgency assessed on receipt.
URGENCY_CODES = {
    NotificationUrgency.URGENT: "kiireellinen",
    NotificationUrgency.NOT_URGENT: "ei_kiireellinen",
}

# An asiakasId goes into a URL path: a hostile server must not steer it elsewhere.
_SYSTEM_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")
# Refresh a little before the server's expiry so a token does not die in flight.
_EXPIRY_MARGIN = 30.0
_MAX_LIFETIME = 86_400
_MAX_REASON = 500
_NOT_FOUND_REASON = "Asiakasta ei löydy Pro Consonasta."

# Indirection so that tests can move the clock without touching the time module.
_monotonic = time.monotonic


@dataclass(frozen=True)
class _Token:
    value: str
    expires_at: float


class ProConsona(ClientSystem):
    system_type: ClassVar[str] = "proconsona"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {
            Capability.FIND_CLIENT,
            Capability.CLIENT_SUMMARY,
            Capability.RECORD_ENTRY,
            Capability.INTERNAL_MAIL,
            Capability.HEALTH_PROBE,
            Capability.EVENT_LOG,
            Capability.CHILD_WELFARE_NOTIFICATION,
            Capability.OPEN_CLIENT,
            Capability.ACCESS_LOG,
        }
    )
    field_limits: ClassVar[FieldLimits] = FIELD_LIMITS

    def __init__(self, config: SystemConfig, access: Access) -> None:
        super().__init__(config, access)
        self._http = HttpTransport(config, auth=transport_auth(access, config.endpoint))
        # Held while fetching a token, so that parallel workers wait for one login.
        self._token_lock = threading.Lock()
        self._token: _Token | None = None

    # -- the interface --------------------------------------------------

    def probe(self) -> Health:
        what = "GET /v1/health"
        response = self._http.request("GET", "/v1/health", headers={"Accept": "application/json"})
        if response.status != 200:
            raise error_for_status(response, what, None)
        document = object_value(json_answer(response, what), what)
        if str_field(document, "status", what) != "ok":
            raise errors.ServerFault(f"{what}: status is not ok")
        version = str_field(document, "version", what).strip()
        if not version:
            raise errors.ServerFault(f"{what}: empty version")
        return Health(system_version=version[:200], checked_at=dt.datetime.now(dt.UTC))

    def find_client(self, hetu: Hetu) -> ClientRef | None:
        what = "POST /v1/clients/search"
        # POST, so that the identity code never appears in a URL or access log.
        response = self._authorized(
            "POST", "/v1/clients/search", json={"henkilotunnus": hetu.value}
        )
        if response.status != 200:
            raise error_for_status(response, what, _reason(response))
        results = list_field(object_value(json_answer(response, what), what), "results", what)
        if not results:
            return None
        if len(results) > 1:
            raise errors.ServerFault(f"{what}: {len(results)} clients for one identity code")
        result = object_value(results[0], what)
        # Exact match, century sign included: anyone else's record is a fault.
        if hetu_field(result, "henkilotunnus", what) != hetu:
            raise errors.ServerFault(f"{what}: answer is about another identity code")
        return ClientRef(hetu=hetu, system_id=_system_id(result, what))

    def client_summary(self, ref: ClientRef) -> ClientSummary:
        what = "GET /v1/clients/{id}"
        response = self._authorized("GET", f"/v1/clients/{_path_id(ref.system_id)}")
        if response.status == 404:
            raise errors.Rejected(f"{what}: HTTP 404", _NOT_FOUND_REASON, 404)
        if response.status != 200:
            raise error_for_status(response, what, _reason(response))
        return _summary(ref, object_value(json_answer(response, what), what), what)

    def open_client(self, person: PersonDetails, hetu: Hetu | None, key: uuid.UUID) -> OpenedClient:
        what = "POST /v1/clients"
        address = person.address
        payload = {
            "henkilotunnus": None if hetu is None else hetu.value,
            "sukunimi": person.last_name,
            "etunimet": person.first_names,
            "syntymaaika": None if person.birth_date is None else person.birth_date.isoformat(),
            # The model carries no address under non-disclosure: none can go.
            "osoite": None
            if address is None
            else {
                "katuosoite": address.street,
                "postinumero": address.postal_code,
                "postitoimipaikka": address.city,
            },
            "turvakielto": person.non_disclosure,
            "kansalaisuus": person.nationality,
            "kieli": person.language,
            "kuvaus": person.description,
        }
        document = self._post(what, "/v1/clients", payload, str(key))
        system_id = _system_id(document, what)
        if hetu is None:
            if document.get("henkilotunnus") is not None:
                raise errors.ServerFault(f"{what}: answer names an identity code")
        elif hetu_field(document, "henkilotunnus", what) != hetu:
            raise errors.ServerFault(f"{what}: answer is about another identity code")
        needs_identification = bool_field(document, "tunnistettava", what)
        if needs_identification != (hetu is None):
            raise errors.ServerFault(f"{what}: tunnistettava does not fit the identity code")
        duplicate = bool_field(document, "duplikaatti", what)
        return OpenedClient(system_id, hetu, needs_identification, created=not duplicate)

    def record_entry(self, entry: DutyEntry) -> DeliveryReceipt:
        what = "POST /v1/clients/{id}/kirjaukset"
        system_id = entry.client_system_id
        if system_id is None:
            system_id = self._client_id(entry.hetu, entry.person, entry.idempotency_key, what)
        payload = {
            "yhteydenottoaika": entry.contact_time.isoformat(),
            "yhteydenottaja": CHANNEL_CODES[entry.contact_channel],
            "tehtavatyyppi": TASK_CODES[entry.task_type],
            "kertomus": entry.narrative,
            "toimenpiteet": entry.measures,
            "jatkotoimetTarvitaan": entry.follow_up_needed,
            "kirjaaja": entry.author,
            **_attribution(entry.attribution),
            # null for a person with no identity code: the client in the path is the
            # one opened for identification.
            "henkilotunnus": None if entry.hetu is None else entry.hetu.value,
        }
        path = f"/v1/clients/{_path_id(system_id)}/kirjaukset"
        return self._deliver(path, what, payload, str(entry.idempotency_key), "kirjausId")

    def send_mail(self, mail: InternalMail) -> DeliveryReceipt:
        if mail.person is not None:
            # A new client: opened first, under the mail's own derived key.
            self._client_id(mail.hetu, mail.person, mail.idempotency_key, "POST /v1/viestit")
        payload = {
            "henkilotunnus": mail.hetu.value,
            "vastaanottajaYksikko": mail.recipient_unit,
            "otsikko": mail.subject,
            "viesti": mail.body,
            "lahettaja": mail.author,
            **_attribution(mail.attribution),
        }
        key = str(mail.idempotency_key)
        return self._deliver("/v1/viestit", "POST /v1/viestit", payload, key, "viestiId")

    def record_event(self, event: DutyEvent) -> DeliveryReceipt:
        what = "POST /v1/tapahtumat"
        code = EVENT_CODES.get(event.kind)
        if code is None:
            # Nothing is sent: the system's log has no such event.
            raise errors.Rejected(f"{what}: unknown event kind", "Tuntematon tapahtumalaji.")
        payload = {
            # null: the discarded item was about a person with no identity code.
            "henkilotunnus": None if event.hetu is None else event.hetu.value,
            "tapahtumalaji": code,
            "perustelu": event.text,
            "kirjaaja": event.author,
            **_attribution(event.attribution),
            "tapahtumaAika": event.occurred_at.isoformat(),
            "viittaus": None if event.refers_to is None else str(event.refers_to),
        }
        key = str(event.idempotency_key)
        return self._deliver("/v1/tapahtumat", what, payload, key, "tapahtumaId")

    def record_access(self, event: AccessEvent) -> DeliveryReceipt:
        what = "POST /v1/kayttoloki"
        author = event.author
        payload = {
            "kayttaja": {
                "tunnus": author.worker_id,
                "nimi": author.worker_name,
                "organisaatio": author.organisation,
                "tunnistautuminen": author.method.value,
                "kirjautunut": author.signed_in_at.isoformat(),
            },
            "kunta": event.municipality,
            # null: no identified client (a person with no identity code).
            "henkilotunnus": None if event.hetu is None else event.hetu.value,
            "toiminto": ACCESS_CODES[event.action],
            "kayttotarkoitus": event.purpose,
            "tapahtumaAika": event.occurred_at.isoformat(),
        }
        key = str(event.idempotency_key)
        return self._deliver("/v1/kayttoloki", what, payload, key, "lokiId")

    def send_notification(self, notification: ChildWelfareNotification) -> DeliveryReceipt:
        what = "POST /v1/lastensuojeluilmoitukset"
        payload = {
            "henkilotunnus": notification.child_hetu.value,
            "lapsenSukunimi": notification.child_last_name,
            "lapsenEtunimet": notification.child_first_names,
            "ilmoittajaOrganisaatio": notification.notifier_organisation,
            "ilmoittajaHenkilo": notification.notifier_person,
            "ilmoittajaPuhelin": notification.notifier_phone,
            "tapahtunut": notification.what_happened,
            "kiireellisyys": URGENCY_CODES[notification.urgency],
            "lapsiTietoinen": notification.child_informed,
            "huoltajatTietoisia": notification.guardians_informed,
            "vastaanotettu": notification.received_at.isoformat(),
            "vastaanottaja": notification.receiving_worker,
            **_attribution(notification.attribution),
        }
        key = str(notification.idempotency_key)
        return self._deliver("/v1/lastensuojeluilmoitukset", what, payload, key, "ilmoitusId")

    def close(self) -> None:
        self._http.close()

    # -- delivery and authentication ------------------------------------

    def _client_id(
        self, hetu: Hetu | None, person: PersonDetails | None, item_key: uuid.UUID, what: str
    ) -> str:
        """The asiakasId for an item: the client found by code, or opened for ``person``.

        Opening goes under a key derived from the item's, so a repeated delivery
        finds (or re-opens, idempotently) the same client.
        """
        if hetu is not None:
            ref = self.find_client(hetu)
            if ref is not None:
                return ref.system_id
        if person is None:
            raise errors.Rejected(f"{what}: no such client", _NOT_FOUND_REASON)
        return self.open_client(person, hetu, open_client_key(item_key)).system_id

    def _post(self, what: str, path: str, payload: dict[str, Any], key: str) -> dict[str, Any]:
        """POST ``payload`` with ``Idempotency-Key`` and return the answer's object."""
        # Serialised once, so a retry after re-authentication sends identical bytes.
        body = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8", "Idempotency-Key": key}
        response = self._authorized("POST", path, data=body, headers=headers)
        if response.status == 404:
            raise errors.Rejected(f"{what}: HTTP 404", _reason(response) or _NOT_FOUND_REASON, 404)
        if response.status not in (200, 201):
            raise error_for_status(response, what, _reason(response))
        return object_value(json_answer(response, what), what)

    def _deliver(
        self, path: str, what: str, payload: dict[str, Any], key: str, id_field: str
    ) -> DeliveryReceipt:
        document = self._post(what, path, payload, key)
        record_id = str_field(document, id_field, what).strip()
        if not record_id:
            raise errors.ServerFault(f"{what}: empty {id_field}")
        return DeliveryReceipt(record_id, bool_field(document, "duplikaatti", what))

    def _authorized(
        self, method: str, path: str, headers: dict[str, str] | None = None, **kwargs: Any
    ) -> Response:
        """A request with the bearer token; on 401 renew it once and retry.

        The token is the system's own (password login) or the organisation's sign-in
        (oidc); a second 401 means the worker has to sign in again.
        """
        if self.negotiates:
            # The transport adds the worker's Kerberos ticket; a 401 means none is valid.
            response = self._http.request(
                method,
                path,
                label=_template(path),
                headers={"Accept": "application/json", **(headers or {})},
                **kwargs,
            )
            if response.status == 401:
                raise errors.SignInRequired(f"{method} {_template(path)}: Kerberos refused")
            return response
        tokens = self.tokens
        for _attempt in range(2):
            token = tokens.token() if tokens is not None else None
            value = token if token is not None else self._valid_token().value
            merged = {"Accept": "application/json", **(headers or {})}
            merged["Authorization"] = f"Bearer {value}"
            response = self._http.request(
                method, path, label=_template(path), headers=merged, **kwargs
            )
            if response.status != 401:
                return response
            if tokens is not None:
                tokens.refused(value)
            else:
                self._forget(value)
        what = f"{method} {_template(path)}"
        if tokens is not None:
            raise errors.SignInRequired(f"{what}: HTTP 401 after a renewed token")
        raise errors.AuthenticationFailed(f"{what}: HTTP 401 after new login")

    def _valid_token(self) -> _Token:
        with self._token_lock:
            token = self._token
            if token is None or _monotonic() >= token.expires_at:
                token = self._login()
                self._token = token
            return token

    def _forget(self, value: str) -> None:
        with self._token_lock:
            # Another thread may already have logged in again: keep its token.
            if self._token is not None and self._token.value == value:
                self._token = None

    def _login(self) -> _Token:
        what = "POST /v1/oauth/token"
        form = {
            "grant_type": "password",
            "username": self.credentials.username,
            "password": self.credentials.secret,
        }
        response = self._http.request(
            "POST", "/v1/oauth/token", data=form, headers={"Accept": "application/json"}
        )
        if response.status in (400, 401) and _oauth_error(response) in (
            "invalid_grant",
            "invalid_client",
            "unauthorized_client",
        ):
            raise errors.AuthenticationFailed(f"{what}: credentials refused")
        if response.status != 200:
            raise error_for_status(response, what, None)
        document = object_value(json_answer(response, what), what)
        value = str_field(document, "access_token", what)
        if not _TOKEN.fullmatch(value) or len(value) > 4096:
            raise errors.ServerFault(f"{what}: malformed access_token")
        if str_field(document, "token_type", what).lower() != "bearer":
            raise errors.ServerFault(f"{what}: token_type is not Bearer")
        expires_in = document.get("expires_in")
        if not isinstance(expires_in, int) or isinstance(expires_in, bool) or expires_in <= 0:
            raise errors.ServerFault(f"{what}: expires_in is not a positive integer")
        # A lifetime beyond a day is not believed: a leaked token should not live on here.
        lifetime = min(expires_in, _MAX_LIFETIME)
        return _Token(value, _monotonic() + lifetime - min(_EXPIRY_MARGIN, lifetime / 2))


# -- mapping Pro Consona's vocabulary -----------------------------------


def _attribution(author: Author | None) -> dict[str, str | None]:
    """Who saved the record, as signed in then: the organisation's own id of the
    worker (kirjaajaTunnus), the organisation, the sign-in method (kirjautumistapa) and
    time (kirjautunut). All null when not known (saved before the outbox recorded
    authors): the system records the author unknown, never a made-up worker."""
    if author is None:
        return dict.fromkeys(ATTRIBUTION_FIELDS)
    return {
        "kirjaajaTunnus": author.worker_id,
        "kirjaajaOrganisaatio": author.organisation,
        "kirjautumistapa": author.method.value,
        "kirjautunut": author.signed_in_at.isoformat(),
    }


# The fields of every record that say who saved it (see _attribution).
ATTRIBUTION_FIELDS = ("kirjaajaTunnus", "kirjaajaOrganisaatio", "kirjautumistapa", "kirjautunut")


def _summary(ref: ClientRef, document: dict[str, Any], what: str) -> ClientSummary:
    if hetu_field(document, "henkilotunnus", what) != ref.hetu:
        raise errors.ServerFault(f"{what}: answer is about another identity code")
    non_disclosure = bool_field(document, "turvakielto", what)
    # Under turvakielto the address is not even parsed: it must go no further.
    address = None if non_disclosure else _address(document.get("osoite"), what)
    plan = optional_object(document, "asiakassuunnitelma", what)
    worker = optional_object(document, "vastuutyontekija", what)
    return ClientSummary(
        ref=ref,
        last_name=str_field(document, "sukunimi", what),
        first_names=str_field(document, "etunimet", what),
        non_disclosure=non_disclosure,
        address=address,
        guardians=_people(document, "huoltajat", what),
        children=_people(document, "lapset", what),
        care_plan=None if plan is None else _care_plan(plan, what),
        responsible_worker=None
        if worker is None
        else Worker(str_field(worker, "nimi", what), optional_str_field(worker, "puhelin", what)),
    )


def _address(value: Any, what: str) -> Address | None:
    if value is None:
        return None  # no known address, e.g. homeless
    document = object_value(value, what)
    return Address(
        street=str_field(document, "katuosoite", what),
        postal_code=str_field(document, "postinumero", what),
        city=str_field(document, "postitoimipaikka", what),
    )


def _people(document: dict[str, Any], key: str, what: str) -> tuple[RelatedPerson, ...]:
    people = []
    for item in list_field(document, key, what):
        person = object_value(item, what)
        hetu = (
            None
            if person.get("henkilotunnus") is None
            else hetu_field(person, "henkilotunnus", what)
        )
        people.append(
            RelatedPerson(
                name=str_field(person, "nimi", what),
                hetu=hetu,
                phone=optional_str_field(person, "puhelin", what),
            )
        )
    return tuple(people)


def _care_plan(plan: dict[str, Any], what: str) -> CarePlan:
    updated_text = optional_str_field(plan, "paivitetty", what)
    updated = None
    if updated_text is not None:
        try:
            updated = dt.date.fromisoformat(updated_text)
        except ValueError:
            raise errors.ServerFault(f"{what}: paivitetty is not a date") from None
    return CarePlan(str_field(plan, "otsikko", what), str_field(plan, "yhteenveto", what), updated)


# -- answer helpers -----------------------------------------------------


def _system_id(document: dict[str, Any], what: str) -> str:
    value = str_field(document, "asiakasId", what)
    if not _SYSTEM_ID.fullmatch(value):
        raise errors.ServerFault(f"{what}: malformed asiakasId")
    return value


def _path_id(system_id: str) -> str:
    # Quoted even after validation: the id may come from a stored entry.
    return quote(system_id, safe="")


def _template(path: str) -> str:
    """The path with the client id replaced, for messages that may reach logs."""
    return re.sub(r"^/v1/clients/(?!search$)[^/]+", "/v1/clients/{id}", path)


def _loose_json(response: Response) -> dict[str, Any]:
    """An error answer's JSON object, or an empty one: its body is only a hint."""
    try:
        document = json.loads(response.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return {}
    return document if isinstance(document, dict) else {}


def _reason(response: Response) -> str | None:
    """The system's own words from ``{"virhe": {"koodi", "viesti"}}``, if any."""
    error = _loose_json(response).get("virhe")
    message = error.get("viesti") if isinstance(error, dict) else None
    if not isinstance(message, str):
        return None
    # Shown to the worker: printable text only, bounded.
    cleaned = "".join(ch if ch.isprintable() else " " for ch in message).strip()
    return cleaned[:_MAX_REASON] or None


def _oauth_error(response: Response) -> str | None:
    error = _loose_json(response).get("error")
    return error if isinstance(error, str) else None
