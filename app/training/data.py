"""Synthetic clients of the training systems.

Every identity code uses an individual number from 900–999 (temporary codes,
never a real person's) and every name is invented. The same seven personas
appear in each municipality under different names, so a trainer's scenario
works whichever municipality a trainee picks; ``docs/training.md`` lists them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.domain.hetu import Hetu, make_hetu
from app.domain.model import Address, CarePlan, Worker


@dataclass(frozen=True)
class SyntheticClient:
    """One client as the training system holds it, in neutral terms.

    ``address`` is kept even under non-disclosure: a real system holds it too
    and marks it protected. Hiding it is the connector's and the app's job.
    """

    hetu: Hetu
    last_name: str
    first_names: str
    address: Address
    non_disclosure: bool = False
    guardians: tuple[Hetu, ...] = ()
    children: tuple[Hetu, ...] = ()
    care_plan: CarePlan | None = None
    responsible_worker: Worker | None = None
    practice: str = ""
    system_id: str = field(default="", compare=False)

    @property
    def full_name(self) -> str:
        return f"{self.last_name} {self.first_names}"


# Per municipality: family name of the family, of the teenager's family, and
# given names, so that Finnish and Sámi letters (ä ö å Č Đ Ŋ Š Ŧ Ž) all appear.
_NAMES = {
    "106": (
        "Mäkelä",
        "Čuoŋžá",
        "Aino",
        "Eelis",
        "Sanna",
        "Máret",
        "Ánde",
        "Tyyne",
        "Jööseppi",
        "Biret",
    ),
    "186": (
        "Šuoŋŋa",
        "Ylätalo",
        "Niillas",
        "Elle",
        "Ovllá",
        "Säde",
        "Oskari",
        "Åke",
        "Ingá",
        "Väinö",
    ),
    "245": (
        "Åström",
        "Đuolbmá",
        "Iida",
        "Risten",
        "Sámmol",
        "Tuulikki",
        "Pärttyli",
        "Gunnel",
        "Áslat",
        "Kaisu",
    ),
    "505": (
        "Ŧeahkká",
        "Kärkkäinen",
        "Veeti",
        "Kerttu",
        "Juho",
        "Inkeri",
        "Ánte",
        "Hellä",
        "Ođđa",
        "Ŋállá",
    ),
    "543": (
        "Žiellá",
        "Pöyhönen",
        "Lumi",
        "Jouni",
        "Siiri",
        "Ásllat",
        "Nelli",
        "Orvokki",
        "Ávvir",
        "Mikko",
    ),
    "858": (
        "Čoavdda",
        "Öhman",
        "Helmi",
        "Tuomas",
        "Anni",
        "Miiká",
        "Leevi",
        "Sylvi",
        "Elsá",
        "Rauno",
    ),
}
_STREETS = ("Koivukuja", "Rantatie", "Myllymäentie", "Kirkkokatu", "Pajupolku", "Asemantie")
_WORKERS = ("Sosiaalityöntekijä Outi Lähteenmäki", "Sosiaalityöntekijä Heikki Ŋuolla")


def clients_for(code: str, city: str) -> list[SyntheticClient]:
    """The training system's clients for municipality ``code`` (deterministic)."""
    family, other_family, *given = _NAMES.get(code, _NAMES["106"])
    base = 900 + 10 * (sorted(_NAMES).index(code) if code in _NAMES else 6)
    postal = f"0{code[:1]}{code[1:]}0"[:5]

    def address(number: int) -> Address:
        street = _STREETS[(int(code) + number) % len(_STREETS)]
        return Address(f"{street} {number} A {number + 2}", postal, city)

    def worker(index: int) -> Worker:
        return Worker(_WORKERS[index], f"+358 40 000 {code}{index}")

    mother = make_hetu(dt.date(1986, 5, 17), base + 1)
    father = make_hetu(dt.date(1984, 11, 2), base + 2, "Y")
    child = make_hetu(dt.date(2017, 3, 14), base + 3)
    teen_mother = make_hetu(dt.date(1978, 8, 30), base + 4, "X")
    teen = make_hetu(dt.date(2011, 1, 9), base + 5, "B")
    adult = make_hetu(dt.date(1969, 12, 24), base + 6)
    elderly = make_hetu(dt.date(1941, 2, 28), base + 7, "U")
    young = make_hetu(dt.date(2007, 6, 21), base + 8, "C")
    home = address(3)
    secret_home = address(11)
    return [
        SyntheticClient(
            child,
            family,
            given[0],
            home,
            guardians=(mother, father),
            care_plan=CarePlan(
                "Lastensuojelun asiakassuunnitelma",
                "Avohuollon tukitoimena perhetyö kaksi kertaa viikossa. Kiireellisessä "
                "tilanteessa yhteys vastuusosiaalityöntekijään; äidin päihdekuntoutus kesken.",
                dt.date(2026, 9, 1),
            ),
            responsible_worker=worker(0),
            practice="Child with two guardians and a child protection client plan: "
            "read the plan, contact the guardians, record a child protection entry.",
        ),
        SyntheticClient(
            mother,
            family,
            given[2],
            home,
            children=(child,),
            practice="Guardian of the child above, in substance-abuse rehabilitation.",
        ),
        SyntheticClient(
            father,
            family,
            given[1],
            home,
            children=(child,),
            practice="Guardian with a 2023 century sign (Y): type the sign exactly.",
        ),
        SyntheticClient(
            teen,
            other_family,
            given[3],
            secret_home,
            non_disclosure=True,
            guardians=(teen_mother,),
            care_plan=CarePlan(
                "Lastensuojelun asiakassuunnitelma",
                "Turvakielto. Nuori ja äiti turvakodissa toukokuusta; yhteydenpito vain "
                "vastuutyöntekijän kautta.",
                dt.date(2026, 6, 12),
            ),
            responsible_worker=worker(1),
            practice="Teenager under address non-disclosure (turvakielto), century sign B: "
            "the address must not appear anywhere.",
        ),
        SyntheticClient(
            teen_mother,
            other_family,
            given[4],
            secret_home,
            non_disclosure=True,
            children=(teen,),
            practice="Guardian under non-disclosure with the 2023 sign X.",
        ),
        SyntheticClient(
            adult,
            family,
            given[5],
            address(7),
            care_plan=CarePlan(
                "Aikuissosiaalityön asiakassuunnitelma",
                "Asunnottomuuden uhka; tuettu asuminen haettu. Mielenterveyspalvelut avohoidossa.",
                dt.date(2026, 10, 20),
            ),
            responsible_worker=worker(0),
            practice="Adult with an adult social work plan: record an adult social work entry.",
        ),
        SyntheticClient(
            elderly,
            other_family,
            given[6],
            address(21),
            practice="Elderly person living alone (century sign U), no plan: an urgent "
            "adult social work case at night.",
        ),
        SyntheticClient(
            young,
            family,
            given[7],
            address(15),
            care_plan=CarePlan(
                "Jälkihuoltosuunnitelma",
                "Jälkihuolto 25-vuotiaaksi; oma asunto, opiskelu kesken.",
                dt.date(2026, 8, 5),
            ),
            responsible_worker=worker(1),
            practice="Young adult in aftercare, century sign C.",
        ),
    ]


# Known to no training system: a valid code that a search will not find.
UNKNOWN_CLIENT = make_hetu(dt.date(1990, 1, 1), 999)
