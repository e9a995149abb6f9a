"""Training simulator of the population register: the contract of
:mod:`app.connectors.population` (``docs/population.md``).

It knows every synthetic client of every municipality of the policy, with
that municipality as the home municipality. Like the real register it holds
the address of a person under non-disclosure and sends it with the flag:
dropping it is the connector's job, and the tests prove that it does.
"""

from __future__ import annotations

import json
import secrets
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, ClassVar

from app.domain.hetu import Hetu
from app.domain.model import Address
from app.domain.policy import Municipality
from app.training.data import SyntheticClient, clients_for
from app.training.server import (
    LOOPBACK,
    TRAINING_PASSWORD,
    TRAINING_USERNAME,
    Binding,
    SimulatedService,
    SimulatorHandler,
)

VERSION = "Väestösuora 3.1 (harjoitusympäristö)"
MAX_HETU = 32


@dataclass(frozen=True)
class Resident:
    """One person of the simulated register and the municipality they live in."""

    client: SyntheticClient
    home_municipality: str


class PopulationSimulator(SimulatedService):
    """The population register of the training systems, with its own port and outages."""

    def __init__(self, municipalities: Iterable[Municipality], binding: Binding = LOOPBACK) -> None:
        self.residents: dict[str, Resident] = {}
        for municipality in municipalities:
            for client in clients_for(municipality.code, municipality.name_fi):
                # Codes outside the named data set share numbers between municipalities;
                # a register holds a person once, so the first municipality keeps them.
                self.residents.setdefault(client.hetu.value, Resident(client, municipality.code))
        by_address: defaultdict[Address, list[Resident]] = defaultdict(list)
        for resident in self.residents.values():
            by_address[resident.client.address].append(resident)
        self._by_address = dict(by_address)
        handler_class = type("PopulationHandler", (Handler,), {"register": self})
        super().__init__(handler_class, "population", binding)

    def resident(self, hetu: str) -> Resident | None:
        """Exact match, century sign included: 010190-999K is not 010190Y999K."""
        return self.residents.get(hetu)

    def household(self, resident: Resident) -> list[Resident]:
        """The others at the same permanent address."""
        return [
            other
            for other in self._by_address.get(resident.client.address, [])
            if other is not resident
        ]

    def person_document(self, resident: Resident) -> dict[str, Any]:
        client = resident.client
        address = client.address
        return {
            "hetu": client.hetu.value,
            "sukunimi": client.last_name,
            "etunimet": client.first_names,
            "kotikunta": resident.home_municipality,
            "turvakielto": client.non_disclosure,
            # Sent even under turvakielto, flagged: the connector must drop it.
            "vakinainenOsoite": {
                "katuosoite": address.street,
                "postinumero": address.postal_code,
                "postitoimipaikka": address.city,
            },
            "huoltajat": self._refs(client.guardians),
            "huollettavat": self._refs(client.children),
            "samassaOsoitteessa": [self._ref(other) for other in self.household(resident)],
        }

    def _refs(self, hetus: Iterable[Hetu]) -> list[dict[str, Any]]:
        refs = []
        for hetu in hetus:
            other = self.resident(hetu.value)
            if other is not None:
                refs.append(self._ref(other))
        return refs

    @staticmethod
    def _ref(resident: Resident) -> dict[str, Any]:
        client = resident.client
        return {
            "hetu": client.hetu.value,
            "nimi": client.full_name,
            "turvakielto": client.non_disclosure,
        }


class Handler(SimulatorHandler):
    register: ClassVar[PopulationSimulator]

    def do_GET(self) -> None:  # noqa: N802 - http.server dispatches by this name
        if self.path.split("?", 1)[0] == "/vtj/tila":
            self.send_json(HTTPStatus.OK, {"tila": "ok", "versio": VERSION})
        else:
            self._error(HTTPStatus.NOT_FOUND, "EI_LOYDY", "Tuntematon osoite.")

    def do_POST(self) -> None:  # noqa: N802 - http.server dispatches by this name
        path = self.path.split("?", 1)[0]
        body = self.read_body()
        if body is None:
            return
        if path not in ("/vtj/henkilo", "/vtj/kotikunta"):
            self._error(HTTPStatus.NOT_FOUND, "EI_LOYDY", "Tuntematon osoite.")
            return
        if not self._authorized():
            return
        hetu = self._hetu(body)
        if hetu is None:
            return
        resident = self.register.resident(hetu)
        if resident is None:
            person = None
        elif path == "/vtj/henkilo":
            person = self.register.person_document(resident)
        else:
            person = {"hetu": hetu, "kotikunta": resident.home_municipality}
        self.send_json(HTTPStatus.OK, {"henkilo": person}, {"Cache-Control": "no-store"})

    def _authorized(self) -> bool:
        if self.bearer_worker(self.register) is not None:
            return True
        user = self.headers.get("X-Vtj-Kayttaja", "")
        key = self.headers.get("X-Vtj-Avain", "")
        # Both compared, whatever the first gives, so the answer time tells nothing.
        good_user = secrets.compare_digest(user.encode(), TRAINING_USERNAME.encode())
        good_key = secrets.compare_digest(key.encode(), TRAINING_PASSWORD.encode())
        if good_user and good_key:
            return True
        self._error(HTTPStatus.UNAUTHORIZED, "TUNNISTUS", "Väärä käyttäjätunnus tai avain.")
        return False

    def _hetu(self, body: bytes) -> str | None:
        try:
            document = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            document = None
        hetu = document.get("hetu") if isinstance(document, dict) else None
        if not isinstance(hetu, str) or not 0 < len(hetu) <= MAX_HETU:
            self._error(HTTPStatus.BAD_REQUEST, "VIRHEELLINEN_PYYNTO", "Henkilötunnus puuttuu.")
            return None
        return hetu

    def _error(self, status: int, code: str, message: str) -> None:
        self.send_json(status, {"virhe": {"koodi": code, "viesti": message}})
