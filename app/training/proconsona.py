"""Training simulator of Pro Consona: the contract of :mod:`app.connectors.proconsona`.

Its vocabulary tables are written out here again on purpose, not imported
from the connector: a mapping mistake in the connector then shows up as a
wrong record in ``/inspect`` instead of being mirrored by the simulator.
"""

from __future__ import annotations

import datetime as dt
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

from app.training.data import SyntheticClient
from app.training.server import (
    TRAINING_PASSWORD,
    TRAINING_USERNAME,
    SimulatedSystem,
    SimulatorHandler,
)
from app.training.store import IdempotencyConflict

VERSION = "Pro Consona 9.4.2 (harjoitusympäristö)"
TOKEN_LIFETIME = 900
MAX_TEXT = 20_000
MAX_SHORT = 200

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
EVENT_KINDS = {"kirjaus_poistettu": "discarded_entry"}


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


class _Invalid(Exception):
    """A request body that fails validation: answered 422 with the Finnish reason."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code)
        self.code = code
        self.message = message


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
        if client is None:
            self._error(HTTPStatus.NOT_FOUND, "EI_LOYDY", "Asiakasta ei löydy.")
        else:
            self.send_json(HTTPStatus.OK, self._client_document(client))

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
            ("v1", "clients", "search"): self._search,
            ("v1", "viestit"): self._mail,
            ("v1", "tapahtumat"): self._event,
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
        except _Invalid as invalid:
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
        hetu = _text(document, "henkilotunnus", MAX_SHORT)
        # Exact match, century sign included: 010190-999K is not 010190Y999K.
        client = self.system.client_by_hetu(hetu)
        results = [] if client is None else [self._ref(client)]
        self.send_json(HTTPStatus.OK, {"results": results})

    def _entry(self, raw_id: str, document: dict[str, Any]) -> None:
        client = self._client_by_id(raw_id)
        if client is None:
            self._error(HTTPStatus.NOT_FOUND, "EI_LOYDY", "Asiakasta ei löydy.")
            return
        hetu = _text(document, "henkilotunnus", MAX_SHORT)
        if hetu != client.hetu.value:
            raise _Invalid("HETU_RISTIRIITA", "Henkilötunnus ei vastaa asiakasta.")
        contact_time = _aware_time(document, "yhteydenottoaika", "Yhteydenottoaika")
        channel = CHANNELS.get(_text(document, "yhteydenottaja", MAX_SHORT))
        if channel is None:
            raise _Invalid("TUNTEMATON_YHTEYDENOTTAJA", "Tuntematon yhteydenottaja.")
        task_code = _text(document, "tehtavatyyppi", MAX_SHORT)
        task_type = TASK_TYPES.get(task_code)
        if task_type is None:
            raise _Invalid(
                "TEHTAVATYYPPI",
                "Tehtävätyyppiä ei voi kirjata sosiaalipäivystyksen rajapinnan kautta."
                if task_code == "toimeentulotuki"
                else "Tuntematon tehtävätyyppi.",
            )
        narrative = _text(document, "kertomus", MAX_TEXT)
        if not narrative.strip():
            raise _Invalid("KERTOMUS_TYHJA", "Kertomus puuttuu: kirjaa, mitä tapahtui.")
        measures = _text(document, "toimenpiteet", MAX_TEXT)
        follow_up = document.get("jatkotoimetTarvitaan")
        if not isinstance(follow_up, bool):
            raise _Invalid("KENTTA_PUUTTUU", "Tieto jatkotoimien tarpeesta puuttuu.")
        author = _text(document, "kirjaaja", MAX_SHORT)
        if not author.strip():
            raise _Invalid("KENTTA_PUUTTUU", "Kirjaaja puuttuu.")
        self._store(
            document,
            hetu=hetu,
            kind="entry",
            text=narrative,
            id_field="kirjausId",
            asiakasId=asiakas_id(self.system, client),
            measures=measures,
            task_type=task_type,
            contact_channel=channel,
            contact_time=contact_time.isoformat(),
            follow_up_needed=follow_up,
            author=author,
        )

    def _mail(self, document: dict[str, Any]) -> None:
        hetu = _text(document, "henkilotunnus", MAX_SHORT)
        client = self.system.client_by_hetu(hetu)
        if client is None:
            raise _Invalid("EI_LOYDY", "Asiakasta ei löydy.")
        unit = _text(document, "vastaanottajaYksikko", MAX_SHORT)
        subject = _text(document, "otsikko", MAX_SHORT)
        body = _text(document, "viesti", MAX_TEXT)
        author = _text(document, "lahettaja", MAX_SHORT)
        for value, reason in (
            (unit, "Vastaanottajayksikkö puuttuu."),
            (subject, "Viestin otsikko puuttuu."),
            (body, "Viesti on tyhjä."),
            (author, "Lähettäjä puuttuu."),
        ):
            if not value.strip():
                raise _Invalid("KENTTA_PUUTTUU", reason)
        self._store(
            document,
            hetu=hetu,
            kind="mail",
            text=body,
            id_field="viestiId",
            asiakasId=asiakas_id(self.system, client),
            recipient_unit=unit,
            subject=subject,
            author=author,
        )

    def _event(self, document: dict[str, Any]) -> None:
        hetu = _text(document, "henkilotunnus", MAX_SHORT)
        client = self.system.client_by_hetu(hetu)
        if client is None:
            raise _Invalid("EI_LOYDY", "Asiakasta ei löydy.")
        kind = EVENT_KINDS.get(_text(document, "tapahtumalaji", MAX_SHORT))
        if kind is None:
            raise _Invalid("TAPAHTUMALAJI", "Tuntematon tapahtumalaji.")
        reason = _text(document, "perustelu", MAX_TEXT)
        if not reason.strip():
            raise _Invalid(
                "PERUSTELU_PUUTTUU", "Perustelu puuttuu: kirjaa, miksi kirjaus poistettiin."
            )
        author = _text(document, "kirjaaja", MAX_SHORT)
        if not author.strip():
            raise _Invalid("KENTTA_PUUTTUU", "Kirjaaja puuttuu.")
        occurred_at = _aware_time(document, "tapahtumaAika", "Tapahtuma-aika")
        if "viittaus" not in document:
            raise _Invalid("KENTTA_PUUTTUU", "Kenttä viittaus puuttuu.")
        refers_to = document["viittaus"]
        if refers_to is not None:
            try:
                refers_to = str(uuid.UUID(_text(document, "viittaus", MAX_SHORT)))
            except ValueError:
                raise _Invalid("VIITTAUS", "Viittaus ei ole tunniste (UUID).") from None
        self._store(
            document,
            hetu=hetu,
            kind="event",
            text=reason,
            id_field="tapahtumaId",
            asiakasId=asiakas_id(self.system, client),
            event_kind=kind,
            refers_to=refers_to,
            author=author,
            occurred_at=occurred_at.isoformat(),
        )

    # -- helpers ---------------------------------------------------------

    def _store(
        self,
        document: dict[str, Any],
        *,
        hetu: str,
        kind: str,
        text: str,
        id_field: str,
        **extra: Any,
    ) -> None:
        try:
            key = str(uuid.UUID(self.headers.get("Idempotency-Key") or ""))
        except ValueError:
            raise _Invalid("AVAIN", "Idempotency-Key puuttuu tai ei ole UUID.") from None
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
            self._error(
                HTTPStatus.CONFLICT,
                "AVAIN_KAYTETTY",
                "Sama tunniste on jo käytetty eri sisällölle; tallenna uutena kirjauksena.",
            )
            return
        status = HTTPStatus.OK if stored.duplicate else HTTPStatus.CREATED
        self.send_json(status, {id_field: stored.record_id, "duplikaatti": stored.duplicate})

    def _authorized(self) -> bool:
        header = self.headers.get("Authorization") or ""
        scheme, _, token = header.partition(" ")
        if scheme.lower() == "bearer" and token and sessions_of(self.system).valid(token.strip()):
            return True
        self.send_json(
            HTTPStatus.UNAUTHORIZED,
            {"virhe": {"koodi": "TUNNISTAUTUMINEN", "viesti": "Kirjaudu uudelleen."}},
            {"WWW-Authenticate": 'Bearer error="invalid_token"'},
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


def _text(document: dict[str, Any], key: str, limit: int) -> str:
    value = document.get(key)
    if not isinstance(value, str):
        raise _Invalid("KENTTA_PUUTTUU", f"Kenttä {key} puuttuu tai ei ole tekstiä.")
    if len(value) > limit:
        raise _Invalid("LIIAN_PITKA", f"Kenttä {key} on liian pitkä (enintään {limit} merkkiä).")
    return value


def _aware_time(document: dict[str, Any], key: str, name: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(_text(document, key, MAX_SHORT))
    except ValueError:
        when = None
    if when is None or when.tzinfo is None or when.utcoffset() is None:
        raise _Invalid("AIKA", f"{name} puuttuu tai siitä puuttuu aikavyöhyke.")
    return when
