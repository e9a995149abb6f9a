"""The duty entry (kirjaus) on paper: what the duty recorded about a contact."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import Flowable

from app.domain.hetu import Hetu
from app.domain.model import (
    Address,
    ClientSummary,
    ContactChannel,
    DutyEntry,
    PersonDetails,
    TaskType,
)
from app.domain.policy import Municipality, Registrar
from app.services.documents import base, titles

ENTRY_TITLE = titles.ENTRY_TITLE

# The same words as the entry form.
CHANNEL_WORDS = {
    ContactChannel.EMERGENCY_112: "112 (hätäkeskus)",
    ContactChannel.POLICE: "Poliisi",
    ContactChannel.CLIENT: "Asiakas itse",
    ContactChannel.AUTHORITY: "Muu viranomainen",
    ContactChannel.OTHER: "Muu",
}
TASK_WORDS = {
    TaskType.CHILD_PROTECTION: "Lastensuojelu",
    TaskType.ADULT_SOCIAL_WORK: "Aikuissosiaalityö",
    TaskType.INCOME_SUPPORT: "Toimeentulotuki",
}


def municipality_text(municipality: Municipality) -> str:
    return f"{municipality.name_fi} ({municipality.code})"


NO_HETU = "Ei suomalaista henkilötunnusta – tunnistettava"


@dataclass(frozen=True, repr=False)
class PrintedPerson:
    """Whom an entry is about when the client system's summary is not at hand: the
    population register's details, or a person with no identity code."""

    hetu: Hetu | None
    full_name: str
    non_disclosure: bool = False
    address: Address | None = None

    def __repr__(self) -> str:
        return "PrintedPerson(<redacted>)"


def client_rows(client: base.Person, address: Address | None) -> list[tuple[str, str]]:
    return [
        ("Asiakas", client.full_name),
        ("Henkilötunnus", str(client.hetu) if client.hetu is not None else NO_HETU),
        ("Osoite", base.address_text(client, address)),
    ]


def person_rows(person: PersonDetails | None) -> list[tuple[str, str]]:
    """What is known of a person with no identity code (or a new client), as told."""
    if person is None:
        return []
    rows = []
    if person.birth_date is not None:
        born = person.birth_date
        rows.append(("Syntymäaika", f"{born.day}.{born.month}.{born.year}"))
    for title, value in (
        ("Kansalaisuus", person.nationality),
        ("Kieli", person.language),
        ("Henkilön kuvaus", person.description),
    ):
        if value:
            rows.append((title, value))
    return rows


def render_entry(  # noqa: PLR0913 - a document is made of this many parts
    entry: DutyEntry,
    client: ClientSummary | PrintedPerson,
    municipality: Municipality,
    registrar: Registrar,
    printed_by: str,
    printed_at: dt.datetime,
    *,
    zone: dt.tzinfo,
    address: Address | None = None,
) -> bytes:
    """The duty entry as PDF bytes; its times in ``zone``, the policy's.

    ``client`` is the summary the entry is about (its identity code must be the
    entry's); under non-disclosure no address is printed, not even ``address``.
    """
    if (entry.hetu.value if entry.hetu else None) != (client.hetu.value if client.hetu else None):
        raise ValueError("the entry and the client summary are about different people")

    def story(_total: int) -> list[Flowable]:
        return [
            *base.title(ENTRY_TITLE.upper(), f"Asiakaskertomukseen – {municipality.name_fi}"),
            base.fields(
                [
                    ("Kunta", municipality_text(municipality)),
                    ("Rekisterinpitäjä", registrar.name_fi),
                    *client_rows(client, address),
                    *person_rows(entry.person),
                    ("Yhteydenottoaika", base.format_time(entry.contact_time, zone)),
                    ("Yhteydenottaja", CHANNEL_WORDS[entry.contact_channel]),
                    ("Tehtävä", TASK_WORDS[entry.task_type]),
                ]
            ),
            base.heading("Tilanteen kuvaus"),
            *base.text_block(entry.narrative),
            base.heading("Toimenpiteet"),
            *base.text_block(entry.measures),
            base.heading("Jatkotoimenpiteet"),
            base.fields(
                [
                    ("Jatkotoimia tarvitaan", base.yes_no(entry.follow_up_needed)),
                    ("Kirjaaja", entry.author),
                    ("Kirjauksen tunniste", str(entry.idempotency_key)),
                ]
            ),
        ]

    return base.render_pdf(ENTRY_TITLE, printed_by, printed_at, story, zone)
