"""What the worker is told: every failure worded as what happened and what to do.

One function per kind of outcome, so that the same failure reads the same
wherever it happens. The texts name the municipality and system but never the
client: they reach the message area, which is logged by kind only.
"""

from __future__ import annotations

import logging
from enum import Enum

from PySide6.QtCore import QCoreApplication

from app.connectors import errors
from app.domain.hetu import HetuProblem
from app.domain.policy import Municipality
from app.services.scrub import frames_of

log = logging.getLogger(__name__)

_SYSTEM_NAMES = {"proconsona": "Pro Consona", "effica": "Effica"}


class Operation(Enum):
    """What the worker was doing when a connector failed."""

    LOOKUP = "lookup"


def system_name(system_type: str) -> str:
    """The client system's product name as workers know it."""
    return _SYSTEM_NAMES.get(system_type, system_type)


def where(municipality: Municipality) -> str:
    """``Hyvinkää, Pro Consona``: avoids inflecting municipality names."""
    return f"{municipality.name_fi}, {system_name(municipality.system.type)}"


def hetu_problem(problem: HetuProblem) -> str:
    texts = {
        HetuProblem.EMPTY: QCoreApplication.translate(
            "Messages", "Kirjoita asiakkaan henkilötunnus."
        ),
        HetuProblem.INCOMPLETE: QCoreApplication.translate(
            "Messages", "Henkilötunnus on vielä kesken: siinä on 11 merkkiä (PPKKVV-NNNT)."
        ),
        HetuProblem.FORMAT: QCoreApplication.translate(
            "Messages",
            "Henkilötunnuksen muoto ei kelpaa. Muoto on PPKKVV, välimerkki "
            "(+, -, U–Y tai A–F) ja NNNT.",
        ),
        HetuProblem.COMPONENT: QCoreApplication.translate(
            "Messages",
            "Henkilötunnuksen syntymäaika tai välimerkki ei kelpaa. "
            "Tarkista päivä, kuukausi ja välimerkki.",
        ),
        HetuProblem.CHECKSUM: QCoreApplication.translate(
            "Messages",
            "Henkilötunnuksen tarkistusmerkki ei täsmää. "
            "Tarkista tunnus asiakkaalta tai ilmoittajalta.",
        ),
    }
    return texts[problem]


def temporary_hetu_warning() -> str:
    return QCoreApplication.translate(
        "Messages",
        "Väliaikainen tunnus (yksilönumero 900–999): varmista asiakkaan henkilöllisyys.",
    )


def no_municipality() -> str:
    return QCoreApplication.translate(
        "Messages", "Valitse ensin asiakkaan kunta (Ctrl+1…Ctrl+9 tai luettelosta)."
    )


def not_found(municipality: Municipality, can_open: bool = False) -> str:
    text = QCoreApplication.translate(
        "Messages",
        "Henkilö ei ole asiakas ({where}). Tarkista henkilötunnus ja valittu kunta: "
        "asiakas voi kuulua toisen kunnan järjestelmään.",
    ).format(where=where(municipality))
    if can_open:
        text += " " + QCoreApplication.translate("Messages", "Uutena asiakkaana: Ctrl+Shift+N.")
    return text


def not_a_client_yet() -> str:
    return QCoreApplication.translate(
        "Messages",
        "Henkilö ei ole tämän kunnan asiakas. Kirjaa hänet uutena asiakkaana "
        "(Uusi asiakas, Ctrl+Shift+N) tai tarkista kunta.",
    )


def connector_failure(
    error: BaseException, municipality: Municipality, operation: Operation
) -> str:
    """What failed and what to do, for any exception from a connector call."""
    place = where(municipality)
    helpdesk = municipality.help.helpdesk_phone
    if isinstance(error, errors.Untrusted):
        text = untrusted(error.problem)
    elif isinstance(error, errors.Unreachable):
        text = QCoreApplication.translate(
            "Messages",
            "Asiakastietojärjestelmään ei saada yhteyttä ({where}). Tarkista VPN-yhteys ja "
            "yritä uudelleen. Jos vika jatkuu, soita kunnan IT-tukeen: {helpdesk}.",
        )
    elif isinstance(error, errors.TimedOut):
        text = QCoreApplication.translate(
            "Messages",
            "Asiakastietojärjestelmä ei vastannut ajoissa ({where}). "
            "Yritä hetken kuluttua uudelleen.",
        )
    elif isinstance(error, errors.SignInRequired):
        text = QCoreApplication.translate(
            "Messages",
            "Kirjaudu ensin ({where}): paina Ctrl+Shift+K. Kirjoittamasi teksti säilyy; "
            "odottavat kirjaukset lähtevät kirjautumisen jälkeen.",
        )
    elif isinstance(error, errors.AuthenticationFailed):
        text = QCoreApplication.translate(
            "Messages",
            "Asiakastietojärjestelmä ei hyväksynyt tunnuksiasi ({where}). Tarkista "
            "käyttäjätunnus (muoto {login}) ja salasana; tarvittaessa soita IT-tukeen: "
            "{helpdesk}.",
        )
    elif isinstance(error, errors.Rejected):
        text = QCoreApplication.translate(
            "Messages",
            "Asiakastietojärjestelmä hylkäsi pyynnön ({where}): {reason}",
        )
    elif isinstance(error, errors.ServerFault):
        text = QCoreApplication.translate(
            "Messages",
            "Asiakastietojärjestelmässä on vika ({where}). Yritä hetken kuluttua uudelleen; "
            "jos vika jatkuu, soita kunnan IT-tukeen: {helpdesk}.",
        )
    else:
        _log_unexpected(error)
        text = QCoreApplication.translate(
            "Messages",
            "Odottamaton virhe ({where}). Yritä uudelleen; jos virhe toistuu, "
            "ilmoita IT-tukeen: {helpdesk}.",
        )
    reason = error.reason if isinstance(error, errors.Rejected) else ""
    return text.format(
        where=place, helpdesk=helpdesk, login=municipality.help.login_format, reason=reason
    )


def untrusted(problem: errors.TrustProblem) -> str:
    """The system's certificate was refused, or the policy's address would not be a
    secure connection: nothing was sent. A template with ``{where}`` and ``{helpdesk}``."""
    problems = errors.TrustProblem
    if problem is problems.NOT_TRUSTED:
        return QCoreApplication.translate(
            "Messages",
            "Asiakastietojärjestelmän varmenne ei ole luotettu ({where}), joten yhteyttä ei "
            "avattu eikä mitään lähetetty. Ota yhteys kunnan IT-tukeen: {helpdesk}.",
        )
    if problem is problems.EXPIRED:
        return QCoreApplication.translate(
            "Messages",
            "Asiakastietojärjestelmän varmenne on vanhentunut tai ei vielä voimassa ({where}), "
            "joten yhteyttä ei avattu eikä mitään lähetetty. Tarkista tietokoneen päivämäärä "
            "ja kellonaika; jos ne ovat oikein, ota yhteys kunnan IT-tukeen: {helpdesk}.",
        )
    if problem is problems.WRONG_HOST:
        return QCoreApplication.translate(
            "Messages",
            "Asiakastietojärjestelmän varmenne on annettu toiselle palvelimelle ({where}), "
            "joten yhteyttä ei avattu eikä mitään lähetetty. Ota yhteys kunnan IT-tukeen: "
            "{helpdesk}.",
        )
    if problem is problems.PIN_MISMATCH:
        return QCoreApplication.translate(
            "Messages",
            "Asiakastietojärjestelmän varmenne ei ole se, jonka työaseman asetukset "
            "hyväksyvät ({where}), joten yhteyttä ei avattu eikä mitään lähetetty. Ota yhteys "
            "kunnan IT-tukeen: {helpdesk}.",
        )
    return QCoreApplication.translate(
        "Messages",
        "Työaseman asetuksissa on virhe yhteydessä asiakastietojärjestelmään ({where}), "
        "joten yhteyttä ei avattu eikä mitään lähetetty. Ota yhteys IT-tukeen: {helpdesk}.",
    )


def _log_unexpected(error: BaseException) -> None:
    # A bug, not a system failure: helpdesk needs where it happened. The
    # exception's own text may carry client data, so only its type and frames
    # are logged.
    log.error("unexpected %s from a connector call\n%s", type(error).__name__, frames_of(error))
