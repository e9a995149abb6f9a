"""Training simulator of Pro Consona: the contract of :mod:`app.connectors.proconsona`.

Its vocabulary tables are written out here again on purpose, not imported
from the connector: a mapping mistake in the connector then shows up as a
wrong record in ``/inspect`` instead of being mirrored by the simulator.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
import uuid
import weakref
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, unquote

from app.training.access import AccessRefused, checked_access
from app.training.data import SyntheticClient
from app.training.proconsona_fields import (
    MAX_SHORT,
    MAX_TEXT,
    Invalid,
    attribution_fields,
    aware_time_field,
    notification_fields,
    person_fields,
    text_field,
)
from app.training.server import (
    TRAINING_PASSWORD,
    TRAINING_USERNAME,
    SimulatedSystem,
    SimulatorHandler,
)
from app.training.store import IdempotencyConflict

VERSION = "Pro Consona 9.4.2 (harjoitusympäristö)"
TOKEN_LIFETIME = 900

# Pro Consona code -> the neutral model value the inspect view shows.
CHANNELS = {
    "hatakeskus": "112",
    "poliisi": "police",
    "asiakas": "client",
    "viranomainen": "authority",
    "muu": "other",
}
# The duty interface takes only these; toimeentulotuki exists but is refused.
TASK_TYPES = {"lastensuojelu": "child_protection", "aikuissosiaalityo": "adult_social_work"}
# The event log's kinds (tapahtumalaji), mapped back to the model's neutral kind.
EVENT_KINDS = {
    "kirjaus_poistettu": "discarded_entry",
    "viesti_poistettu": "discarded_mail",
    "ilmoitus_poistettu": "discarded_notification",
}

# The access log's actions (toiminto), mapped back to the model's neutral action.
ACCESS_ACTIONS = {
    "haku": "search",
    "katselu": "view",
    "kirjaus": "entry",
    "ilmoitus": "notification",
    "tulostus": "print",
    "siirto": "handoff",
}


@dataclass
class Sessions:
    """The access tokens one simulated system has issued (a test hook as well)."""

    lifetime: float = TOKEN_LIFETIME
    issued: int = 0
    _tokens: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def issue(self) -> str:
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._tokens[token] = time.monotonic() + self.lifetime
            self.issued += 1
        return token

    def valid(self, token: str) -> bool:
        with self._lock:
            expires_at = self._tokens.get(token)
        return expires_at is not None and time.monotonic() < expires_at

    def forget_all(self) -> None:
        """As after a server restart: every issued token is now unknown."""
        with self._lock:
            self._tokens.clear()


_SESSIONS: weakref.WeakKeyDictionary[SimulatedSystem, Sessions] = weakref.WeakKeyDictionary()
_SESSIONS_LOCK = threading.Lock()


def sessions_of(system: SimulatedSystem) -> Sessions:
    """The token state of one municipality's simulated system."""
    with _SESSIONS_LOCK:
        sessions = _SESSIONS.get(system)
        if sessions is None:
            sessions = _SESSIONS[system] = Sessions()
        return sessions


def asiakas_id(system: SimulatedSystem, client: SyntheticClient) -> str:
    """The client's stable id in this system."""
    if client.system_id:
        return client.system_id
    return f"PC-{system.clients.index(client) + 1:06d}"


class Handler(SimulatorHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server dispatches by this name
        path = self.path.split("?", 1)[0]
        if path == "/v1/health":
            self.send_json(HTTPStatus.OK, {"status": "ok", "version": VERSION})
            return
        parts = path.strip("/").split("/")
        if not (len(parts) == 3 and parts[:2] == ["v1", "clients"]):
            self._error(HTTPStatus.NOT_FOUND, "EI_LOYDY", "Tuntematon osoite.")
            return
        if not self._authorized():
            return
        client = self._client_by_id(parts[2])
        opened = self.system.store.client(unquote(parts[2]))
        if client is not None:
            self.send_json(HTTPStatus.OK, self._client_document(client))
        elif opened is not None:
            self.send_json(HTTPStatus.OK, _opened_document(opened))
        else:
            self._error(HTTPStatus.NOT_FOUND, "EI_LOYDY", "Asiakasta ei löydy.")

    def do_POST(self) -> None:  # noqa: N802 - http.server dispatches by this name
        path = self.path.split("?", 1)[0]
        body = self.read_body()
        if body is None:
            return
        if path == "/v1/oauth/token":
            self._token(body)
            return
        parts = path.strip("/").split("/")
        route = {
            ("v1", "clients"): self._open_client,
            ("v1", "clients", "search"): self._search,
            ("v1", "viestit"): self._mail,
            ("v1", "tapahtumat"): self._event,
            ("v1", "lastensuojeluilmoitukset"): self._notification,
            ("v1", "kayttoloki"): self._access,
        }.get(tuple(parts))
        is_entry = len(parts) == 4 and parts[:2] == ["v1", "clients"] and parts[3] == "kirjaukset"
        if route is None and not is_entry:
            self._error(HTTPStatus.NOT_FOUND, "EI_LOYDY", "Tuntematon osoite.")
            return
        if not self._authorized():
            return
        document = self._json_object(body)
        if document is None:
            return
        try:
            if route is not None:
                route(document)
            else:
                self._entry(parts[2], document)
        except Invalid as invalid:
            self._error(HTTPStatus.UNPROCESSABLE_ENTITY, invalid.code, invalid.message)

    # -- endpoints -------------------------------------------------------

    def _token(self, body: bytes) -> None:
        form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)

        def one(name: str) -> str | None:
            values = form.get(name, [])
            return values[0] if len(values) == 1 else None

        if one("grant_type") != "password":
            self.send_json(HTTPStatus.BAD_REQUEST, {"error": "unsupported_grant_type"})
            return
        username, password = one("username"), one("password")
        good = (
            username is not None
            and password is not None
            and secrets.compare_digest(username.encode(), TRAINING_USERNAME.encode())
            and secrets.compare_digest(password.encode(), TRAINING_PASSWORD.encode())
        )
        if not good:
            self.send_json(
                HTTPStatus.UNAUTHORIZED,
                {
                    "error": "invalid_grant",
                    "error_description": "Väärä käyttäjätunnus tai salasana.",
                },
            )
            return
        sessions = sessions_of(self.system)
        self.send_json(
            HTTPStatus.OK,
            {
                "access_token": sessions.issue(),
                "token_type": "Bearer",
                "expires_in": int(sessions.lifetime),
            },
            {"Cache-Control": "no-store"},
        )

    def _search(self, document: dict[str, Any]) -> None:
        hetu = text_field(document, "henkilotunnus", MAX_SHORT)
        # Exact match, century sign included: 010190-999K is not 010190Y999K.
        system_id = self._known(hetu)
        results = [] if system_id is None else [{"asiakasId": system_id, "henkilotunnus": hetu}]
        self.send_json(HTTPStatus.OK, {"results": results})

    def _open_client(self, document: dict[str, Any]) -> None:
        fields = person_fields(document)
        key = self._key()
        hetu = fields.pop("hetu")
        client = None if hetu is None else self.system.client_by_hetu(hetu)
        if client is not None:
            # Already a client: that one, never a second record for one identity code.
            self._opened(HTTPStatus.OK, asiakas_id(self.system, client), hetu, duplicate=True)
            return
        try:
            stored = self.system.store.open_client(idempotency_key=key, hetu=hetu, **fields)
        except IdempotencyConflict:
            self._conflict()
            return
        status = HTTPStatus.OK if stored.duplicate else HTTPStatus.CREATED
        self._opened(status, stored.record_id, hetu, duplicate=stored.duplicate)

    def _opened(self, status: int, system_id: str, hetu: str | None, *, duplicate: bool) -> None:
        self.send_json(
            status,
            {
                "asiakasId": system_id,
                "henkilotunnus": hetu,
                "tunnistettava": hetu is None,
                "duplikaatti": duplicate,
            },
        )

    def _entry(self, raw_id: str, document: dict[str, Any]) -> None:
        target = self._target(raw_id)
        if target is None:
            self._error(HTTPStatus.NOT_FOUND, "EI_LOYDY", "Asiakasta ei löydy.")
            return
        system_id, client_hetu = target
        if "henkilotunnus" not in document:
            raise Invalid("KENTTA_PUUTTUU", "Kenttä henkilotunnus puuttuu.")
        # null only for a client opened without an identity code (to be identified).
        hetu = (
            None
            if document["henkilotunnus"] is None
            else text_field(document, "henkilotunnus", MAX_SHORT)
        )
        if hetu != client_hetu:
            raise Invalid("HETU_RISTIRIITA", "Henkilötunnus ei vastaa asiakasta.")
        contact_time = aware_time_field(document, "yhteydenottoaika", "Yhteydenottoaika")
        channel = CHANNELS.get(text_field(document, "yhteydenottaja", MAX_SHORT))
        if channel is None:
            raise Invalid("TUNTEMATON_YHTEYDENOTTAJA", "Tuntematon yhteydenottaja.")
        task_code = text_field(document, "tehtavatyyppi", MAX_SHORT)
        task_type = TASK_TYPES.get(task_code)
        if task_type is None:
            raise Invalid(
                "TEHTAVATYYPPI",
                "Tehtävätyyppiä ei voi kirjata sosiaalipäivystyksen rajapinnan kautta."
                if task_code == "toimeentulotuki"
                else "Tuntematon tehtävätyyppi.",
            )
        narrative = text_field(document, "kertomus", MAX_TEXT)
        if not narrative.strip():
            raise Invalid("KERTOMUS_TYHJA", "Kertomus puuttuu: kirjaa, mitä tapahtui.")
        measures = text_field(document, "toimenpiteet", MAX_TEXT)
        follow_up = document.get("jatkotoimetTarvitaan")
        if not isinstance(follow_up, bool):
            raise Invalid("KENTTA_PUUTTUU", "Tieto jatkotoimien tarpeesta puuttuu.")
        author = text_field(document, "kirjaaja", MAX_SHORT)
        if not author.strip():
            raise Invalid("KENTTA_PUUTTUU", "Kirjaaja puuttuu.")
        self._store(
            document,
            hetu=hetu,
            kind="entry",
            text=narrative,
            id_field="kirjausId",
            asiakasId=system_id,
            needs_identification=hetu is None,
            measures=measures,
            task_type=task_type,
            contact_channel=channel,
            contact_time=contact_time.isoformat(),
            follow_up_needed=follow_up,
            author=author,
            **attribution_fields(document),
        )

    def _mail(self, document: dict[str, Any]) -> None:
        hetu = text_field(document, "henkilotunnus", MAX_SHORT)
        system_id = self._known(hetu)
        if system_id is None:
            raise Invalid("EI_LOYDY", "Asiakasta ei löydy.")
        unit = text_field(document, "vastaanottajaYksikko", MAX_SHORT)
        subject = text_field(document, "otsikko", MAX_SHORT)
        body = text_field(document, "viesti", MAX_TEXT)
        author = text_field(document, "lahettaja", MAX_SHORT)
        for value, reason in (
            (unit, "Vastaanottajayksikkö puuttuu."),
            (subject, "Viestin otsikko puuttuu."),
            (body, "Viesti on tyhjä."),
            (author, "Lähettäjä puuttuu."),
        ):
            if not value.strip():
                raise Invalid("KENTTA_PUUTTUU", reason)
        self._store(
            document,
            hetu=hetu,
            kind="mail",
            text=body,
            id_field="viestiId",
            asiakasId=system_id,
            recipient_unit=unit,
            subject=subject,
            author=author,
            **attribution_fields(document),
        )

    def _event(self, document: dict[str, Any]) -> None:
        if "henkilotunnus" not in document:
            raise Invalid("KENTTA_PUUTTUU", "Kenttä henkilotunnus puuttuu.")
        # null: the item was about a person with no identity code. The event goes to
        # the log without a client; viittaus ties it to the item.
        hetu = (
            None
            if document["henkilotunnus"] is None
            else text_field(document, "henkilotunnus", MAX_SHORT)
        )
        system_id = None if hetu is None else self._known(hetu)
        if hetu is not None and system_id is None:
            raise Invalid("EI_LOYDY", "Asiakasta ei löydy.")
        kind = EVENT_KINDS.get(text_field(document, "tapahtumalaji", MAX_SHORT))
        if kind is None:
            raise Invalid("TAPAHTUMALAJI", "Tuntematon tapahtumalaji.")
        reason = text_field(document, "perustelu", MAX_TEXT)
        if not reason.strip():
            raise Invalid(
                "PERUSTELU_PUUTTUU", "Perustelu puuttuu: kirjaa, miksi lähetys poistettiin."
            )
        author = text_field(document, "kirjaaja", MAX_SHORT)
        if not author.strip():
            raise Invalid("KENTTA_PUUTTUU", "Kirjaaja puuttuu.")
        occurred_at = aware_time_field(document, "tapahtumaAika", "Tapahtuma-aika")
        if "viittaus" not in document:
            raise Invalid("KENTTA_PUUTTUU", "Kenttä viittaus puuttuu.")
        refers_to = document["viittaus"]
        if refers_to is not None:
            try:
                refers_to = str(uuid.UUID(text_field(document, "viittaus", MAX_SHORT)))
            except ValueError:
                raise Invalid("VIITTAUS", "Viittaus ei ole tunniste (UUID).") from None
        self._store(
            document,
            hetu=hetu,
            kind="event",
            text=reason,
            id_field="tapahtumaId",
            asiakasId=system_id,
            event_kind=kind,
            refers_to=refers_to,
            author=author,
            occurred_at=occurred_at.isoformat(),
            **attribution_fields(document),
        )

    def _notification(self, document: dict[str, Any]) -> None:
        fields = notification_fields(document)
        by: dict[str, Any] = attribution_fields(document)
        # The child need not be a client yet: child protection opens the record.
        self._store(
            document,
            kind="notification",
            id_field="ilmoitusId",
            asiakasId=self._known(fields["hetu"]),
            **fields,
            **by,
        )

    def _access(self, document: dict[str, Any]) -> None:
        user = document.get("kayttaja")
        if not isinstance(user, dict):
            raise Invalid("KENTTA_PUUTTUU", "Kenttä kayttaja puuttuu tai ei ole olio.")
        if "henkilotunnus" not in document:
            raise Invalid("KENTTA_PUUTTUU", "Kenttä henkilotunnus puuttuu.")
        hetu = document["henkilotunnus"]
        try:
            event = checked_access(
                self.system.municipality.code,
                {
                    "worker_id": text_field(user, "tunnus", MAX_SHORT),
                    "worker_name": text_field(user, "nimi", MAX_SHORT),
                    "organisation": text_field(user, "organisaatio", MAX_SHORT),
                    "method": text_field(user, "tunnistautuminen", MAX_SHORT),
                    "signed_in_at": text_field(user, "kirjautunut", MAX_SHORT),
                    "municipality": text_field(document, "kunta", MAX_SHORT),
                    "hetu": None if hetu is None else text_field(document, "henkilotunnus", 20),
                    "action": ACCESS_ACTIONS.get(text_field(document, "toiminto", MAX_SHORT)),
                    "purpose": text_field(document, "kayttotarkoitus", MAX_SHORT),
                    "occurred_at": text_field(document, "tapahtumaAika", MAX_SHORT),
                },
            )
        except AccessRefused as refused:
            raise Invalid("KAYTTOLOKI", refused.reason) from None
        content = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        try:
            stored = self.system.store.record_access(
                idempotency_key=self._key(), content=content.encode("utf-8"), **event
            )
        except IdempotencyConflict:
            self._conflict()
            return
        status = HTTPStatus.OK if stored.duplicate else HTTPStatus.CREATED
        self.send_json(status, {"lokiId": stored.record_id, "duplikaatti": stored.duplicate})

    # -- helpers ---------------------------------------------------------

    def _store(
        self,
        document: dict[str, Any],
        *,
        hetu: str | None,
        kind: str,
        text: str,
        id_field: str,
        **extra: Any,
    ) -> None:
        key = self._key()
        # Canonical form: the same payload in other key order or spacing is the same.
        content = json.dumps(
            {"kohde": extra.get("asiakasId"), "sisalto": document},
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        ).encode("utf-8")
        try:
            stored = self.system.store.store(
                idempotency_key=key, hetu=hetu, kind=kind, text=text, content=content, **extra
            )
        except IdempotencyConflict:
            self._conflict()
            return
        status = HTTPStatus.OK if stored.duplicate else HTTPStatus.CREATED
        self.send_json(status, {id_field: stored.record_id, "duplikaatti": stored.duplicate})

    def _key(self) -> str:
        try:
            return str(uuid.UUID(self.headers.get("Idempotency-Key") or ""))
        except ValueError:
            raise Invalid("AVAIN", "Idempotency-Key puuttuu tai ei ole UUID.") from None

    def _conflict(self) -> None:
        self._error(
            HTTPStatus.CONFLICT,
            "AVAIN_KAYTETTY",
            "Sama tunniste on jo käytetty eri sisällölle; tallenna uutena kirjauksena.",
        )

    def _known(self, hetu: str) -> str | None:
        """The asiakasId of the client with exactly this code: synthetic or opened."""
        client = self.system.client_by_hetu(hetu)
        if client is not None:
            return asiakas_id(self.system, client)
        opened = self.system.store.client_by_hetu(hetu)
        return None if opened is None else str(opened["record_id"])

    def _target(self, raw_id: str) -> tuple[str, str | None] | None:
        """The client an entry path names, as (asiakasId, identity code or None)."""
        client = self._client_by_id(raw_id)
        if client is not None:
            return asiakas_id(self.system, client), client.hetu.value
        opened = self.system.store.client(unquote(raw_id))
        if opened is None:
            return None
        return str(opened["record_id"]), opened["hetu"]

    def _authorized(self) -> bool:
        header = self.headers.get("Authorization") or ""
        scheme, _, token = header.partition(" ")
        if scheme.lower() == "bearer" and token and sessions_of(self.system).valid(token.strip()):
            return True
        # Or the organisation's sign-in: a token of the training identity provider, or
        # the worker's Kerberos ticket where the system has a keytab.
        if self.bearer_worker(self.system) is not None:
            return True
        if self.negotiated_worker(self.system) is not None:
            return True
        challenge = 'Bearer error="invalid_token"'
        if self.system.keytab is not None:
            challenge = f"Negotiate, {challenge}"
        self.send_json(
            HTTPStatus.UNAUTHORIZED,
            {"virhe": {"koodi": "TUNNISTAUTUMINEN", "viesti": "Kirjaudu uudelleen."}},
            {"WWW-Authenticate": challenge},
        )
        return False

    def _json_object(self, body: bytes) -> dict[str, Any] | None:
        try:
            document = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            document = None
        if not isinstance(document, dict):
            self._error(HTTPStatus.BAD_REQUEST, "VIRHEELLINEN_JSON", "Pyyntö ei ole JSON-olio.")
            return None
        return document

    def _error(self, status: int, code: str, message: str) -> None:
        self.send_json(status, {"virhe": {"koodi": code, "viesti": message}})

    def _client_by_id(self, raw_id: str) -> SyntheticClient | None:
        wanted = unquote(raw_id)
        for client in self.system.clients:
            if asiakas_id(self.system, client) == wanted:
                return client
        return None

    def _ref(self, client: SyntheticClient) -> dict[str, str]:
        return {"asiakasId": asiakas_id(self.system, client), "henkilotunnus": client.hetu.value}

    def _person(self, hetu_value: str) -> dict[str, Any]:
        person = self.system.client_by_hetu(hetu_value)
        name = person.full_name if person is not None else "Tuntematon"
        return {"nimi": name, "henkilotunnus": hetu_value, "puhelin": None}

    def _client_document(self, client: SyntheticClient) -> dict[str, Any]:
        plan = client.care_plan
        worker = client.responsible_worker
        return {
            **self._ref(client),
            "sukunimi": client.last_name,
            "etunimet": client.first_names,
            # Sent even under turvakielto, as a real system holds it: hiding it
            # is the connector's job, and the training system checks that it does.
            "osoite": {
                "katuosoite": client.address.street,
                "postinumero": client.address.postal_code,
                "postitoimipaikka": client.address.city,
            },
            "turvakielto": client.non_disclosure,
            "huoltajat": [self._person(h.value) for h in client.guardians],
            "lapset": [self._person(h.value) for h in client.children],
            "asiakassuunnitelma": None
            if plan is None
            else {
                "otsikko": plan.title,
                "yhteenveto": plan.summary,
                "paivitetty": None if plan.updated is None else plan.updated.isoformat(),
            },
            "vastuutyontekija": None
            if worker is None
            else {"nimi": worker.name, "puhelin": worker.phone},
        }


def _opened_document(record: dict[str, Any]) -> dict[str, Any]:
    """A client the duty opened, as ``GET /v1/clients/{id}`` shows it."""
    address = record["address"]
    return {
        "asiakasId": record["record_id"],
        "henkilotunnus": record["hetu"],
        "sukunimi": record["last_name"],
        "etunimet": record["first_names"],
        "osoite": None
        if address is None
        else {
            "katuosoite": address["street"],
            "postinumero": address["postal_code"],
            "postitoimipaikka": address["city"],
        },
        "turvakielto": record["non_disclosure"],
        "tunnistettava": record["needs_identification"],
        "huoltajat": [],
        "lapset": [],
        "asiakassuunnitelma": None,
        "vastuutyontekija": None,
    }
