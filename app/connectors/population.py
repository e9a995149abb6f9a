"""The population register (Väestösuora, VTJ): home municipality, address, family.

JSON over HTTP with the worker's personal register credentials in two headers
(``X-Vtj-Kayttaja``, ``X-Vtj-Avain``); the wire contract is ours and is
documented in ``docs/population.md``. ``app/training/population.py`` speaks it.

Every answer is hostile: each field read is type-checked, and anything that
does not fit the contract is a :class:`~app.connectors.errors.ServerFault`,
as is an answer about anyone but the person asked for. Under address
non-disclosure (turvakielto) the address is never parsed, so it cannot reach
the model. Exception messages carry method, path and status only.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.connectors import errors
from app.connectors.base import Access, Credentials, Health, Negotiate
from app.connectors.http import HttpTransport, Response, error_for_status
from app.connectors.json_answer import bool_field, json_answer, object_value, str_field
from app.connectors.negotiate import transport_auth
from app.domain.hetu import Hetu, InvalidHetu, parse_hetu
from app.domain.model import Address, PersonDetails
from app.domain.policy import PopulationConfig

PERSON_PATH = "/vtj/henkilo"
HOME_MUNICIPALITY_PATH = "/vtj/kotikunta"
STATUS_PATH = "/vtj/tila"

_MUNICIPALITY_CODE = re.compile(r"[0-9]{3}")
# Header values must survive HTTP/1.1 as they are: printable ASCII only.
_HEADER_VALUE = re.compile(r"[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?")
_MAX_REASON = 500


@dataclass(frozen=True)
class PersonRef:
    """Another person the register links to: a guardian, a child, a household member."""

    hetu: Hetu
    name: str
    non_disclosure: bool = False

    def __repr__(self) -> str:
        return "PersonRef(<redacted>)"


@dataclass(frozen=True)
class PersonRecord:
    """What the population register says about one person.

    ``home_municipality`` is the Statistics Finland code (kotikunta). Under
    address non-disclosure ``address`` is None: the connector drops it.
    ``household`` is the other people at the same permanent address, as far as
    naming them does not reveal a protected address (see docs/population.md).
    """

    hetu: Hetu
    last_name: str
    first_names: str
    home_municipality: str
    non_disclosure: bool
    address: Address | None
    guardians: tuple[PersonRef, ...] = ()
    children: tuple[PersonRef, ...] = ()
    household: tuple[PersonRef, ...] = ()

    def __post_init__(self) -> None:
        if self.non_disclosure and self.address is not None:
            raise ValueError("a person under address non-disclosure must carry no address")

    def person_details(self) -> PersonDetails:
        """What the register gave, for opening the person as a new client.

        The birth date comes from the identity code; under non-disclosure there is
        no address (the connector dropped it already).
        """
        return PersonDetails(
            last_name=self.last_name,
            first_names=self.first_names,
            birth_date=self.hetu.birth_date,
            address=self.address,
            non_disclosure=self.non_disclosure,
        )

    @property
    def full_name(self) -> str:
        return f"{self.last_name} {self.first_names}"

    def __repr__(self) -> str:
        return "PersonRecord(<redacted>)"


class PopulationRegister:
    """Queries to the population register with one worker's register credentials.

    Every method may block on the network and must be called off the GUI
    thread; each raises only :mod:`app.connectors.errors` types.
    """

    def __init__(self, config: PopulationConfig, access: Access | Callable[[], Access]) -> None:
        self.config = config
        # The access itself, or how to get it at each query (the sign-in may come later).
        self._access = access
        self._http = HttpTransport(config)
        self._negotiated_transport: HttpTransport | None = None

    def probe(self) -> Health:
        """Check that the register answers. Needs no credentials."""
        what = f"GET {STATUS_PATH}"
        response = self._http.request("GET", STATUS_PATH, headers={"Accept": "application/json"})
        if response.status != 200:
            raise error_for_status(response, what, None)
        document = object_value(json_answer(response, what), what)
        if str_field(document, "tila", what) != "ok":
            raise errors.ServerFault(f"{what}: tila is not ok")
        version = str_field(document, "versio", what).strip()
        if not version:
            raise errors.ServerFault(f"{what}: empty versio")
        return Health(system_version=version[:200], checked_at=dt.datetime.now(dt.UTC))

    def person(self, hetu: Hetu) -> PersonRecord | None:
        """The register's record of ``hetu``; None when the register has no such person."""
        what = f"POST {PERSON_PATH}"
        document = self._query(PERSON_PATH, hetu, what)
        return None if document is None else _record(hetu, document, what)

    def home_municipality(self, hetu: Hetu) -> str | None:
        """The person's home municipality code (kotikunta); None for an unknown person.

        Asks only for the home municipality, so that finding out where to
        switch does not fetch (nor log an access to) an address or a family.
        """
        what = f"POST {HOME_MUNICIPALITY_PATH}"
        document = self._query(HOME_MUNICIPALITY_PATH, hetu, what)
        if document is None:
            return None
        _same_person(hetu, document, what)
        return _municipality(document, what)

    @property
    def _negotiated(self) -> HttpTransport:
        """A transport that adds the worker's Kerberos ticket (made on first use)."""
        if self._negotiated_transport is None:
            auth = transport_auth(Negotiate(self._service_principal()), self.config.endpoint)
            self._negotiated_transport = HttpTransport(self.config, auth=auth)
        return self._negotiated_transport

    def _service_principal(self) -> str | None:
        access = self._access() if callable(self._access) else self._access
        return access.service_principal if isinstance(access, Negotiate) else None

    def close(self) -> None:
        self._http.close()
        if self._negotiated_transport is not None:
            self._negotiated_transport.close()

    def _query(self, path: str, hetu: Hetu, what: str) -> dict[str, Any] | None:
        """POST ``{"hetu": ...}``: the identity code goes in the body, never in a URL."""
        body = json.dumps({"hetu": hetu.value}).encode("utf-8")
        headers = {"Accept": "application/json", "Content-Type": "application/json; charset=utf-8"}
        access = self._access() if callable(self._access) else self._access
        if isinstance(access, Negotiate):
            response = self._negotiated.request("POST", path, data=body, headers=headers)
            if response.status == 401:
                raise errors.SignInRequired(f"{what}: Kerberos refused")
        elif isinstance(access, Credentials):
            headers.update(self._credential_headers(access, what))
            response = self._http.request("POST", path, data=body, headers=headers)
        else:
            for _attempt in range(2):
                token = access.token()
                headers["Authorization"] = f"Bearer {token}"
                response = self._http.request("POST", path, data=body, headers=headers)
                if response.status != 401:
                    break
                access.refused(token)
            else:
                raise errors.SignInRequired(f"{what}: HTTP 401 after a renewed token")
        if response.status != 200:
            raise error_for_status(response, what, _reason(response))
        document = object_value(json_answer(response, what), what)
        if "henkilo" not in document:
            raise errors.ServerFault(f"{what}: henkilo is missing")
        person = document["henkilo"]
        return None if person is None else object_value(person, what)

    @staticmethod
    def _credential_headers(credentials: Credentials, what: str) -> dict[str, str]:
        user, key = credentials.username, credentials.secret
        if not (_HEADER_VALUE.fullmatch(user) and _HEADER_VALUE.fullmatch(key)):
            # Nothing is sent: the register could never accept them.
            raise errors.AuthenticationFailed(f"{what}: credentials are not printable ASCII")
        return {"X-Vtj-Kayttaja": user, "X-Vtj-Avain": key}


# -- mapping the register's vocabulary ----------------------------------


def _record(hetu: Hetu, document: dict[str, Any], what: str) -> PersonRecord:
    _same_person(hetu, document, what)
    non_disclosure = bool_field(document, "turvakielto", what)
    # Under turvakielto the address is not even parsed: it must go no further.
    address = None if non_disclosure else _address(document.get("vakinainenOsoite"), what)
    household = _people(document, "samassaOsoitteessa", what)
    # Everyone in the household lives at the same address. Naming a protected member
    # beside a shown address reveals theirs; naming an unprotected member of a
    # protected person's household leads to the protected address in one lookup.
    household = tuple(p for p in household if p.non_disclosure == non_disclosure)
    return PersonRecord(
        hetu=hetu,
        last_name=str_field(document, "sukunimi", what),
        first_names=str_field(document, "etunimet", what),
        home_municipality=_municipality(document, what),
        non_disclosure=non_disclosure,
        address=address,
        guardians=_people(document, "huoltajat", what),
        children=_people(document, "huollettavat", what),
        household=household,
    )


def _same_person(hetu: Hetu, document: dict[str, Any], what: str) -> None:
    # Exact match, century sign included: anyone else's record is a fault.
    if _hetu(document, "hetu", what) != hetu:
        raise errors.ServerFault(f"{what}: answer is about another identity code")


def _municipality(document: dict[str, Any], what: str) -> str:
    code = str_field(document, "kotikunta", what)
    if not _MUNICIPALITY_CODE.fullmatch(code):
        raise errors.ServerFault(f"{what}: kotikunta is not a municipality code")
    return code


def _address(value: Any, what: str) -> Address | None:
    if value is None:
        return None  # no permanent address, e.g. homeless
    document = object_value(value, what)
    return Address(
        street=str_field(document, "katuosoite", what),
        postal_code=str_field(document, "postinumero", what),
        city=str_field(document, "postitoimipaikka", what),
    )


def _people(document: dict[str, Any], key: str, what: str) -> tuple[PersonRef, ...]:
    value = document.get(key)
    if not isinstance(value, list):
        raise errors.ServerFault(f"{what}: {key} is not a list")
    people = []
    for item in value:
        person = object_value(item, what)
        people.append(
            PersonRef(
                hetu=_hetu(person, "hetu", what),
                name=str_field(person, "nimi", what),
                non_disclosure=bool_field(person, "turvakielto", what),
            )
        )
    return tuple(people)


# -- hostile-answer helpers ---------------------------------------------


def _hetu(document: dict[str, Any], key: str, what: str) -> Hetu:
    try:
        return parse_hetu(str_field(document, key, what))
    except InvalidHetu:
        raise errors.ServerFault(f"{what}: {key} is not a valid identity code") from None


def _reason(response: Response) -> str | None:
    """The register's own words from ``{"virhe": {"koodi", "viesti"}}``, if any."""
    try:
        document = json.loads(response.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    error = document.get("virhe") if isinstance(document, dict) else None
    message = error.get("viesti") if isinstance(error, dict) else None
    if not isinstance(message, str):
        return None
    # Shown to the worker: printable text only, bounded.
    cleaned = "".join(ch if ch.isprintable() else " " for ch in message).strip()
    return cleaned[:_MAX_REASON] or None
