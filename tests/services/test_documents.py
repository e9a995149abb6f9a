"""The printed documents, read back with an independent extractor (poppler).

The PDF bytes go to ``pdftotext``/``pdffonts``/``pdfinfo`` through stdin, so no test
writes client data to a file either. CI installs poppler-utils (see .ci/run); elsewhere
these tests are skipped when it is missing, and in CI its absence is a failure.
"""

from __future__ import annotations

import builtins
import dataclasses
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.domain.hetu import Hetu, make_hetu
from app.domain.model import (
    Address,
    ClientRef,
    ClientSummary,
    ContactChannel,
    DutyEntry,
    TaskType,
    Worker,
)
from app.domain.policy import Municipality, Policy, Registrar
from app.services.documents import (
    CONFIDENTIAL,
    LEGAL_BASIS,
    NON_DISCLOSURE_MARKER,
    HandoffDetails,
    NotificationDetails,
    NotifiedChild,
    Urgency,
    render_entry,
    render_handoff,
    render_notification,
)
from app.services.documents import fonts as document_fonts
from app.services.documents.entry import CHANNEL_WORDS, TASK_WORDS
from app.training.data import clients_for

HELSINKI = ZoneInfo("Europe/Helsinki")
PRINTED_AT = dt.datetime(2026, 3, 14, 23, 30, tzinfo=HELSINKI)
PRINTED_BY = "Outi Lähteenmäki"
STAMP = "Tulostanut: Outi Lähteenmäki, 14.3.2026 klo 23.30"
CONTACT_TIME = dt.datetime(2026, 3, 14, 22, 5, tzinfo=HELSINKI)
SAMI_LAST = "Čuoŋžá-Đuolbmá"
SAMI_FIRST = "Ŧeahkká Šuoŋŋa Žiellá Åke Väinö Örjan Äili Måns"
LETTERS = "äöåÄÖÅČĐŊŠŦŽčđŋšŧž"
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfinfo"))
Render = Callable[..., bytes]


def _poppler(tool: str, pdf: bytes, *options: str) -> str:
    if not POPPLER:
        if os.environ.get("CI"):
            pytest.fail("CI must provide poppler-utils (pdftotext, pdffonts, pdfinfo)")
        pytest.skip("poppler-utils not installed")
    command = [tool, *options, "-", *(["-"] if tool == "pdftotext" else [])]
    done = subprocess.run(command, input=pdf, capture_output=True, timeout=60, check=True)
    return done.stdout.decode("utf-8")


def pages_of(pdf: bytes) -> list[str]:
    """The text of each page, whitespace collapsed (wrapping must not matter)."""
    pages = _poppler("pdftotext", pdf, "-enc", "UTF-8").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [flat(page) for page in pages]


def page_count(pdf: bytes) -> int:
    match = re.search(r"^Pages:\s+(\d+)$", _poppler("pdfinfo", pdf), re.MULTILINE)
    assert match is not None
    return int(match[1])


def text_of(pdf: bytes) -> str:
    return " ".join(pages_of(pdf))


def flat(text: str) -> str:
    return " ".join(text.split())


# --- inputs ---------------------------------------------------------------------------

SAMI_CLIENT = ClientSummary(
    ClientRef(make_hetu(dt.date(2015, 6, 1), 977, "B"), "2"),
    SAMI_LAST,
    SAMI_FIRST,
    False,
    Address("Geaŧčađašgeaidnu 4 Ŋ 2", "01990", "Järvenpää"),
    responsible_worker=Worker("Heikki Ŋuolla", "+358 40 000 1861"),
)
KINDS = ("entry", "handoff", "notification")
RENDER: dict[str, Render] = {
    "entry": render_entry,
    "handoff": render_handoff,
    "notification": render_notification,
}


def training_client(non_disclosure: bool) -> tuple[ClientSummary, Address]:
    """A training client as a connector gives it (no address under non-disclosure),
    and the address the training system holds."""
    client = next(
        c
        for c in clients_for("186", "Järvenpää")
        if c.non_disclosure == non_disclosure and c.guardians
    )
    own = None if client.non_disclosure else client.address
    ref = ClientRef(client.hetu, "1")
    summary = ClientSummary(ref, client.last_name, client.first_names, non_disclosure, own)
    return summary, client.address


def entry_for(hetu: Hetu, narrative: str = "", **changes: Any) -> DutyEntry:
    entry = DutyEntry(
        hetu,
        CONTACT_TIME,
        ContactChannel.POLICE,
        TaskType.CHILD_PROTECTION,
        narrative or "Poliisi toi lapsen päivystykseen; äiti Đuolbmá oli päihtynyt.",
        "Kiireellinen sijoitus vastaanottokotiin (LsL 38 §).",
        True,
        "Máret Šuoŋŋa",
    )
    return dataclasses.replace(entry, **changes)


def handoff_details(policy: Policy, what_happened: str = "") -> HandoffDetails:
    return HandoffDetails(
        policy.duty_unit,
        "Máret Šuoŋŋa",
        what_happened or "Lapsi sijoitettiin kiireellisesti yöllä; äiti Ŧeahkká tavoitettu.",
        "Sijoituksen jatko arvioitava; yhteys vastuutyöntekijään aamulla.",
    )


def notification_details(what_happened: str = "") -> NotificationDetails:
    return NotificationDetails(
        "Itä-Uudenmaan poliisilaitos",
        "Vanhempi konstaapeli Ánde Čoavdda",
        "+358 295 000 111",
        what_happened or "Kotihälytys: lapsi yksin kotona, huoltaja Žiellá tavoittamatta.",
        Urgency.URGENT,
        True,
        None,
        CONTACT_TIME,
        "Máret Šuoŋŋa",
        urgency_reason="Pieni lapsi ilman aikuista.",
        reference="5500/R/1234/26",
    )


def long_narrative(paragraphs: int = 60) -> str:
    sentence = "Äiti Čuoŋžá kertoi tilanteesta; lapsi Đuolbmá oli rauhallinen ja söi. "
    return "\n\n".join(f"Havainto {n}: " + sentence * 5 for n in range(1, paragraphs + 1))


@dataclasses.dataclass(frozen=True)
class Desk:
    """The policy's Järvenpää (an Effica municipality) and its registrar."""

    policy: Policy
    municipality: Municipality
    registrar: Registrar

    def pdf(self, kind: str, details: Any, client: Any = SAMI_CLIENT, **options: Any) -> bytes:
        printed_by = options.pop("printed_by", PRINTED_BY)
        printed_at = options.pop("printed_at", PRINTED_AT)
        municipality = options.pop("municipality", self.municipality)
        zone = options.pop("zone", self.policy.zone)
        return RENDER[kind](
            details,
            client,
            municipality,
            self.registrar,
            printed_by,
            printed_at,
            zone=zone,
            **options,
        )

    def render(
        self, kind: str, client: Any = SAMI_CLIENT, text: str = "", address: Address | None = None
    ) -> bytes:
        """One of the three documents about ``client``, with ``text`` as its story."""
        details: object = notification_details(text)
        if kind == "entry":
            details = entry_for(client.hetu, text)
        elif kind == "handoff":
            details = handoff_details(self.policy, text)
        return self.pdf(kind, details, client, address=address)


@pytest.fixture
def desk(example_policy: Policy) -> Desk:
    municipality = example_policy.municipality("186")
    return Desk(example_policy, municipality, example_policy.registrar(municipality.registrar))


# --- content --------------------------------------------------------------------------


def test_entry_prints_every_field(desk: Desk) -> None:
    entry = entry_for(SAMI_CLIENT.hetu)
    text = text_of(desk.pdf("entry", entry))
    for expected in (
        "Kunta Järvenpää (186)",
        f"Rekisterinpitäjä {desk.registrar.name_fi}",
        f"Asiakas {SAMI_LAST} {SAMI_FIRST}",
        f"Henkilötunnus {SAMI_CLIENT.hetu}",
        "Osoite Geaŧčađašgeaidnu 4 Ŋ 2, 01990 Järvenpää",
        "Yhteydenottoaika 14.3.2026 klo 22.05",
        "Yhteydenottaja Poliisi",
        "Tehtävä Lastensuojelu",
        flat(entry.narrative),
        flat(entry.measures),
        "Jatkotoimia tarvitaan kyllä",
        "Kirjaaja Máret Šuoŋŋa",
        str(entry.idempotency_key),
    ):
        assert expected in text
    assert all(letter in text for letter in LETTERS)


def test_entry_words_for_every_channel_and_task(desk: Desk) -> None:
    assert set(CHANNEL_WORDS) == set(ContactChannel)
    assert set(TASK_WORDS) == set(TaskType)
    entry = entry_for(
        SAMI_CLIENT.hetu,
        contact_channel=ContactChannel.EMERGENCY_112,
        task_type=TaskType.ADULT_SOCIAL_WORK,
        follow_up_needed=False,
    )
    text = text_of(desk.pdf("entry", entry))
    assert "Yhteydenottaja 112 (hätäkeskus)" in text
    assert "Tehtävä Aikuissosiaalityö" in text
    assert "Jatkotoimia tarvitaan ei" in text


def test_text_is_printed_as_written_not_as_markup(desk: Desk) -> None:
    narrative = 'Viesti: <b>isä</b> & "äiti" <font size=40>huusi</font> <br/>'
    assert narrative in text_of(desk.render("entry", text=narrative))


def test_printed_time_is_finnish_time(desk: Desk) -> None:
    in_utc = dt.datetime(2026, 7, 1, 20, 30, tzinfo=dt.UTC)
    pdf = desk.pdf("entry", entry_for(SAMI_CLIENT.hetu), printed_by="Elle", printed_at=in_utc)
    assert "Tulostanut: Elle, 1.7.2026 klo 23.30" in text_of(pdf)


@pytest.mark.parametrize("kind", KINDS)
def test_every_time_on_a_document_is_in_the_zone_it_is_given(desk: Desk, kind: str) -> None:
    # The policy's zone, not Helsinki by habit: a policy naming another zone prints in it.
    contact = dt.datetime(2026, 7, 1, 20, 30, tzinfo=dt.UTC)
    details: object = dataclasses.replace(notification_details(), received_at=contact)
    if kind == "entry":
        details = entry_for(SAMI_CLIENT.hetu, contact_time=contact)
    elif kind == "handoff":
        details = handoff_details(desk.policy)
    stockholm = ZoneInfo("Europe/Stockholm")
    text = text_of(desk.pdf(kind, details, printed_at=contact, zone=stockholm))
    assert "1.7.2026 klo 22.30" in text
    assert "klo 23.30" not in text
    assert "klo 20.30" not in text


def test_notification_prints_every_field(desk: Desk) -> None:
    details = notification_details()
    text = text_of(desk.pdf("notification", details))
    for expected in (
        "LASTENSUOJELUILMOITUS",
        "Lastensuojelulaki (417/2007) 25 §",
        "Vastaanottaja Järvenpää – lastensuojelu",
        f"Rekisterinpitäjä {desk.registrar.name_fi}",
        f"Nimi {SAMI_LAST} {SAMI_FIRST}",
        f"Henkilötunnus {SAMI_CLIENT.hetu}",
        "Organisaatio Itä-Uudenmaan poliisilaitos",
        "Ilmoittaja Vanhempi konstaapeli Ánde Čoavdda",
        "Puhelin +358 295 000 111",
        "Ilmoittajan viite 5500/R/1234/26",
        flat(details.what_happened),
        "Arvio KIIREELLINEN",
        "Pieni lapsi ilman aikuista.",
        "Lapselle kerrottu ilmoituksesta kyllä",
        "Huoltajille kerrottu ilmoituksesta ei tiedossa",
        "Vastaanotettu 14.3.2026 klo 22.05",
        "Vastaanottanut työntekijä Máret Šuoŋŋa",
    ):
        assert expected in text
    assert all(letter in text for letter in LETTERS)


def test_notification_for_a_child_who_is_not_a_client(desk: Desk) -> None:
    child = NotifiedChild(make_hetu(dt.date(2019, 2, 3), 988, "A"), "Ŋuolla", "Biret")
    details = dataclasses.replace(
        notification_details(), urgency=Urgency.NOT_URGENT, child_told=False
    )
    text = text_of(desk.pdf("notification", details, child))
    assert f"Nimi Ŋuolla Biret Henkilötunnus {child.hetu}" in text
    assert "Arvio Ei kiireellinen" in text
    assert "Lapselle kerrottu ilmoituksesta ei" in text


def test_handoff_cover_and_case(desk: Desk) -> None:
    details = handoff_details(desk.policy)
    pages = pages_of(desk.pdf("handoff", details))
    cover, case = pages[0], " ".join(pages[1:])
    office, duty = desk.municipality.office_hours, desk.policy.duty_unit
    for expected in (
        f"Vastaanottaja {office.unit} (Järvenpää)",
        f"Faksinumero {office.fax}",
        f"Puhelin {office.phone}",
        f"Lähettäjä {duty.name} Lähettäjän puhelin {duty.phone}",
        "Käsittelijä Máret Šuoŋŋa",
        "Päivämäärä 14.3.2026 klo 23.30",
    ):
        assert expected in cover
    # The cover can lie on the receiving machine's tray: it does not name the client.
    assert SAMI_LAST not in cover
    assert str(SAMI_CLIENT.hetu) not in cover
    for expected in (
        f"Asiakas {SAMI_LAST} {SAMI_FIRST}",
        f"Henkilötunnus {SAMI_CLIENT.hetu}",
        "Vastuutyöntekijä Heikki Ŋuolla, puh. +358 40 000 1861",
        flat(details.what_happened),
        flat(details.follow_up),
        "Puhelinmuistio",
        f"Soita {office.unit}, puh. {office.phone}",
        f"Lähetimme faksilla {len(pages)} sivua",
    ):
        assert expected in case
    assert all(letter in case for letter in LETTERS)


@pytest.mark.parametrize("paragraphs", [0, 25, 120])
def test_fax_cover_states_the_real_page_count(desk: Desk, paragraphs: int) -> None:
    pdf = desk.render("handoff", text=long_narrative(paragraphs) if paragraphs else "")
    pages = pages_of(pdf)
    assert len(pages) == page_count(pdf) >= (4 if paragraphs == 120 else 2)
    assert f"Sivumäärä (kansilehti mukaan lukien) {len(pages)} " in pages[0]


def test_handoff_without_a_fax_number_says_call(desk: Desk) -> None:
    office = dataclasses.replace(desk.municipality.office_hours, fax=None)
    no_fax = dataclasses.replace(desk.municipality, office_hours=office)
    details = dataclasses.replace(
        handoff_details(desk.policy), call_to="Päivystäjä Säde", call_message="Soita heti."
    )
    text = text_of(desk.pdf("handoff", details, municipality=no_fax))
    assert "Faksinumero ei ilmoitettu – soita" in text
    assert "Soita Päivystäjä Säde" in text
    assert "Soita heti." in text


# --- every page -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_every_page_is_marked_numbered_and_stamped(desk: Desk, kind: str) -> None:
    pdf = desk.render(kind, text=long_narrative(60))
    pages = pages_of(pdf)
    total = page_count(pdf)
    assert len(pages) == total >= 3
    for number, page in enumerate(pages, start=1):
        assert CONFIDENTIAL in page
        assert flat(LEGAL_BASIS) in page
        assert "JulkL 621/1999 24 § 1 mom. 25 k" in page
        assert "812/2000" in page
        assert f"Sivu {number} / {total}" in page
        assert STAMP in page
    whole = " ".join(pages)
    assert all(f"Havainto {n}:" in whole for n in range(1, 61))


# --- non-disclosure -------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_non_disclosed_address_never_printed(desk: Desk, kind: str) -> None:
    client, secret = training_client(non_disclosure=True)
    # Passed separately too (as if from the population register): still not printed.
    for address in (None, secret):
        pdf = desk.render(kind, client, address=address)
        text = text_of(pdf)
        assert NON_DISCLOSURE_MARKER in text
        for needle in (secret.street, secret.postal_code):
            assert needle not in text
            assert needle.encode("utf-8") not in pdf
            assert needle.encode("utf-16-be") not in pdf


@dataclasses.dataclass(frozen=True)
class CarelessPerson:
    """A person object that breaks ClientSummary's rule: the documents must not trust it."""

    hetu: Hetu
    full_name: str
    non_disclosure: bool
    address: Address | None
    responsible_worker: Worker | None = None


@pytest.mark.parametrize("kind", KINDS)
def test_non_disclosure_wins_over_an_address_on_the_person(desk: Desk, kind: str) -> None:
    client, secret = training_client(non_disclosure=True)
    person = CarelessPerson(client.hetu, client.full_name, True, secret)
    text = text_of(desk.render(kind, person))
    assert NON_DISCLOSURE_MARKER in text
    assert secret.street not in text
    assert secret.postal_code not in text


@pytest.mark.parametrize("kind", KINDS)
def test_disclosed_address_is_printed(desk: Desk, kind: str) -> None:
    """The control: the address checks above would see an address if one were printed."""
    client, home = training_client(non_disclosure=False)
    text = text_of(desk.render(kind, client))
    assert f"{home.street}, {home.postal_code} {home.city}" in text
    assert NON_DISCLOSURE_MARKER not in text
    moved = Address("Väestösuorantie 9", "04430", "Järvenpää")
    text = text_of(desk.render(kind, client, address=moved))
    assert "Väestösuorantie 9, 04430 Järvenpää" in text
    assert home.street not in text


def test_non_disclosed_child_cannot_carry_an_address() -> None:
    with pytest.raises(ValueError, match="non-disclosure"):
        NotifiedChild(SAMI_CLIENT.hetu, "Ŋuolla", "Biret", True, Address("x", "01990", "y"))


# --- font and files -------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_dejavu_is_embedded_and_no_other_font_used(desk: Desk, kind: str) -> None:
    rows = _poppler("pdffonts", desk.render(kind)).splitlines()[2:]
    assert rows
    for row in rows:
        name, *_, emb, _sub, _uni, _object, _generation = row.split()
        assert re.fullmatch(r"[A-Z]{6}\+DejaVuSans(-Bold)?", name), row
        assert emb == "yes", row


def test_font_is_shipped_with_its_licence() -> None:
    shipped = document_fonts.FONT_DIRECTORIES[0]
    assert document_fonts.find_font_directory() == shipped
    assert "Bitstream Vera" in (shipped / "LICENSE").read_text(encoding="utf-8")


def test_missing_font_is_an_error_not_a_fallback(tmp_path: Path) -> None:
    with pytest.raises(document_fonts.FontUnavailable, match="DejaVu"):
        document_fonts.find_font_directory([tmp_path, tmp_path / "nothing"])


@pytest.fixture
def watched_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Point the temp dir at an empty directory, refuse the tempfile API and record every
    file opened; yields the record: "w <path>" for any open that could write."""
    empty = tmp_path / "tmp"
    empty.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(empty))
    monkeypatch.setenv("TMPDIR", str(empty))
    opened: list[str] = []
    real_open = builtins.open

    def recording_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        writes = any(flag in mode for flag in "wax+")
        opened.append(f"{'w' if writes else 'r'} {file}")
        return real_open(file, mode, *args, **kwargs)

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("rendering used a temporary file")

    monkeypatch.setattr(builtins, "open", recording_open)
    monkeypatch.setattr(io, "open", recording_open)
    for name in ("mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryFile"):
        monkeypatch.setattr(tempfile, name, refuse)
    assert tempfile.gettempdir() == str(empty)
    yield opened
    assert list(empty.iterdir()) == []


def test_rendering_creates_no_file(watched_files: list[str], desk: Desk) -> None:
    # Register the font again inside the watched window: reading it is all it may do.
    document_fonts.register_fonts.cache_clear()
    documents = [desk.render(kind, text=long_narrative(30)) for kind in KINDS]
    assert all(pdf.startswith(b"%PDF-") for pdf in documents)
    assert [entry for entry in watched_files if entry.startswith("w ")] == []
    assert any(entry.endswith("DejaVuSans.ttf") for entry in watched_files)


# --- refused input --------------------------------------------------------------------


def test_refuses_what_would_print_wrong(desk: Desk) -> None:
    entry = entry_for(SAMI_CLIENT.hetu)
    with pytest.raises(ValueError, match="time zone"):
        desk.pdf("entry", entry, printed_at=dt.datetime(2026, 3, 14))
    with pytest.raises(ValueError, match="printed_by"):
        desk.pdf("entry", entry, printed_by=" ")
    other = entry_for(make_hetu(dt.date(2015, 6, 1), 978, "B"))
    with pytest.raises(ValueError, match="different people"):
        desk.pdf("entry", other)
    with pytest.raises(ValueError, match="time zone"):
        dataclasses.replace(notification_details(), received_at=dt.datetime(2026, 3, 14))


def test_inputs_keep_client_data_out_of_reprs(example_policy: Policy) -> None:
    child = NotifiedChild(SAMI_CLIENT.hetu, SAMI_LAST, SAMI_FIRST)
    for value in (child, notification_details(), handoff_details(example_policy)):
        assert "Č" not in repr(value)
        assert "Šuoŋŋa" not in repr(value)
        assert str(SAMI_CLIENT.hetu) not in repr(value)
