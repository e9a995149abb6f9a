"""The ``paivystys`` command line: its options, help and exit code texts, and the
language chosen before it is built (the entry point, :mod:`app.main`, runs the commands).

Its words are Finnish through :mod:`app.services.i18n`; help, epilogs and usage errors
come out in the language installed there when :func:`build_parser` is called (argparse's
own error texts, such as "invalid choice", stay English).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from app.domain.language import LANGUAGES, Language
from app.services import exits
from app.services.i18n import translate

EXIT_OK = exits.EXIT_OK
EXIT_POLICY = exits.EXIT_POLICY
EXIT_TRAINING_SERVER = exits.EXIT_TRAINING_SERVER
EXIT_USAGE = exits.EXIT_USAGE


def helpdesk_exit_codes() -> str:
    return translate(
        "Cli",
        "paluuarvot: {ok} kaikki kunnossa; {action} jokin vaatii toimia (lähtevissä odottaa "
        "tai huomiota vaativia, järjestelmään ei saada yhteyttä); {policy} käytäntö "
        "virheellinen tai puuttuu; {server} harjoituspalvelin käyttökelvoton; {outbox} "
        "lähteviä ei voi avata (avain- tai tiedosto-ongelma tai vaurioitunut loki: mitään ei "
        "muutettu; vaurioituneelle 'outbox salvage'); {busy} toinen lähettäjä on toiminnassa",
    ).format(
        ok=exits.EXIT_OK,
        action=exits.EXIT_NEEDS_ACTION,
        policy=EXIT_POLICY,
        server=EXIT_TRAINING_SERVER,
        outbox=exits.EXIT_OUTBOX,
        busy=exits.EXIT_BUSY,
    )


def self_test_exit_codes() -> str:
    return translate(
        "Cli",
        "paluuarvot: {ok} kunnossa, {policy} käytäntö virheellinen tai puuttuu, {server} "
        "harjoituspalvelin käyttökelvoton, {failed} --self-test epäonnistui (syyt "
        "virhetulosteessa), {usage} käyttövirhe",
    ).format(
        ok=EXIT_OK,
        policy=EXIT_POLICY,
        server=EXIT_TRAINING_SERVER,
        failed=exits.EXIT_SELF_TEST,
        usage=EXIT_USAGE,
    )


class _Formatter(argparse.HelpFormatter):
    """argparse's help in the command line's language: its "usage:" too."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        prefix = translate("Cli", "käyttö: ") if prefix is None else prefix
        super().add_usage(usage, actions, groups, prefix)


class _Parser(argparse.ArgumentParser):
    """A usage error exits 64 (README), not argparse's 2, which means a bad policy.
    Its headings and -h in the command line's language (argparse's own error texts,
    such as "invalid choice", stay English)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        parents: Sequence[argparse.ArgumentParser] = kwargs.pop("parents", ())
        super().__init__(*args, **kwargs)
        self._positionals.title = translate("Cli", "argumentit")
        self._optionals.title = translate("Cli", "valinnat")
        # The parents' options after the titles, as argparse would: into the same groups.
        for parent in parents:
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = translate("Cli", "näytä tämä ohje ja lopeta")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = translate("Cli", "{prog}: virhe: {message}").format(prog=self.prog, message=message)
        self.exit(EXIT_USAGE, text + "\n")


def _language_option(parser: argparse.ArgumentParser, *, suppress: bool = False) -> None:
    """``--lang``, accepted before a command and after it (``paivystys doctor --lang en``)."""
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS if suppress else None,
        help=translate(
            "Cli",
            "tämän kerran kieli (fi, sv, en): ikkunan ja komentojen; oletus: työntekijän "
            "valinta (Ohje → Kieli), muuten käytännön duty_unit.language, muuten suomeksi",
        ),
    )


def _common_options(policy_dir: Path, *, suppress: bool = False) -> _Parser:
    """The options every command takes. ``suppress``: a command's copy, which leaves an
    option given before the command (``paivystys --training doctor``) as it was given."""
    common = _Parser(add_help=False, argument_default=argparse.SUPPRESS if suppress else None)
    common.add_argument(
        "--policy",
        type=Path,
        metavar="PATH",
        help=translate(
            "Cli",
            "käytäntötiedosto tai -hakemisto, vain harjoitteluun ja tarkistukseen: käy "
            "valintojen --training ja --training-server sekä komentojen training-server ja "
            "policy check kanssa. Muuten koneen käytäntö on aina ylläpitäjien ({where})",
        ).format(where=policy_dir),
    )
    common.add_argument(
        "--training",
        action="store_true",
        help=translate(
            "Cli",
            "harjoittelutila: keksityt asiakkaat harjoitusjärjestelmissä, oma profiili",
        ),
    )
    common.add_argument(
        "--training-server",
        metavar="URL",
        help=translate(
            "Cli",
            "käytä jo käynnissä olevaa harjoituspalvelinta (luokkahuoneen palvelinta); "
            "tarkoittaa myös --training",
        ),
    )
    _language_option(common, suppress=suppress)
    return common


def _policy_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    policy = commands.add_parser(
        "policy",
        help=translate(
            "Cli",
            "tarkista, kuvaa, allekirjoita tai varmenna käytäntö; tee allekirjoitusavainpari",
        ),
        epilog=translate(
            "Cli",
            "paluuarvot: {ok} kunnossa; {policy} käytäntö virheellinen, puuttuu, "
            "allekirjoittamaton tai väärin allekirjoitettu, tai avain käyttökelvoton (myös "
            "väärin annettu komento); {usage} keygen korvaisi avaimen, tai --key ilman "
            "valintaa --policy",
        ).format(ok=EXIT_OK, policy=EXIT_POLICY, usage=EXIT_USAGE),
    )
    policy.set_defaults(policy=None, training=False, training_server=None)
    _language_option(policy, suppress=True)
    actions = policy.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check",
        help=translate(
            "Cli",
            "tarkista koneen käytäntö tai vielä asentamaton käytäntötiedosto tai -hakemisto "
            "(--policy)",
        ),
    )
    check.add_argument(
        "--policy",
        type=Path,
        metavar="PATH",
        help=translate("Cli", "tarkistettava käytäntötiedosto tai -hakemisto"),
    )
    check.add_argument(
        "--key",
        type=Path,
        metavar="PUBLIC",
        help=translate(
            "Cli",
            "valinnan --policy kanssa: tarkista myös sen allekirjoitukset ja sarjanumerot "
            "tätä julkista avainta vasten",
        ),
    )
    describe = actions.add_parser(
        "describe",
        help=translate("Cli", "käytännön jokainen kenttä dokumentoituna (Markdown, englanniksi)"),
    )
    keygen = actions.add_parser(
        "keygen", help=translate("Cli", "uusi Ed25519-allekirjoitusavainpari")
    )
    keygen.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        required=True,
        help=translate("Cli", "minne se tehdään"),
    )
    sign = actions.add_parser(
        "sign",
        help=translate(
            "Cli", "allekirjoita käytäntötiedosto: kirjoittaa sen viereen tiedoston FILE.sig"
        ),
    )
    sign.add_argument("--key", type=Path, metavar="PRIVATE", required=True)
    sign.add_argument("file", type=Path, metavar="FILE")
    verify = actions.add_parser(
        "verify",
        help=translate("Cli", "tarkista FILE.sig tiedostoa FILE ja julkista avainta vasten"),
    )
    verify.add_argument("--key", type=Path, metavar="PUBLIC", required=True)
    verify.add_argument("file", type=Path, metavar="FILE")
    for action in (check, describe, keygen, sign, verify):
        _language_option(action, suppress=True)


def build_parser(policy_dir: Path, version: str) -> argparse.ArgumentParser:
    """The command line, its help in the language installed in :mod:`app.services.i18n`;
    ``policy_dir``: the administrators' policy directory its help names; ``version``:
    the app's (the entry point passes it)."""
    common = _common_options(policy_dir, suppress=True)
    parser = _Parser(
        prog="paivystys",
        description=translate(
            "Cli",
            "Päivystys – sosiaalipäivystyksen työasema. Ilman komentoa avaa ikkunan.",
        ),
        parents=[_common_options(policy_dir)],
        epilog=self_test_exit_codes(),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {version}",
        help=translate("Cli", "näytä ohjelman versio ja lopeta"),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=translate(
            "Cli",
            "tarkista tämä asennus tilapäisessä profiilissa (käytäntö, avainsäilö, "
            "lähtevät, tulostettu asiakirja, Qt ilman näyttöä) ja lopeta; asentajille ja "
            "helpdeskille",
        ),
    )
    parser.add_argument(
        "--json",
        dest="self_test_json",
        action="store_true",
        help=translate("Cli", "valinnan --self-test kanssa: koneluettava tuloste"),
    )
    machine_readable = translate("Cli", "koneluettava tuloste")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    server = commands.add_parser(
        "training-server",
        parents=[common],
        help=translate(
            "Cli",
            "tarjoa käytännön jokaiselle kunnalle harjoitusjärjestelmä osoitteessa 127.0.0.1",
        ),
    )
    server.add_argument(
        "--port",
        type=int,
        default=0,
        help=translate("Cli", "hakemistopalvelimen portti (oletus: mikä tahansa vapaa)"),
    )
    server.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADDR",
        help=translate(
            "Cli",
            "IPv4-osoite, jota kuunnellaan (oletus 127.0.0.1: vain tämä kone); luokkahuoneen "
            "palvelimelle osoite, johon harjoittelijat yltävät, tai 0.0.0.0 kaikille, jolloin "
            "se ilmoittaa tämän koneen nimen",
        ),
    )
    server.add_argument(
        "--material",
        action="store_true",
        help=translate(
            "Cli",
            "tulosta kouluttajan aineisto käytännöstä (Markdown: kunkin kunnan keksityt "
            "asiakkaat ja harjoitustehtävät) ja lopeta",
        ),
    )
    _policy_commands(commands)
    doctor = commands.add_parser(
        "doctor",
        parents=[common],
        help=translate("Cli", "tarkista käytäntö, avainsäilö, lähtevät ja jokainen järjestelmä"),
        epilog=helpdesk_exit_codes(),
    )
    doctor.add_argument("--json", action="store_true", help=machine_readable)
    outbox = commands.add_parser(
        "outbox",
        parents=[common],
        help=translate(
            "Cli",
            "toimittamattomien lähtevät: määrät, toimita nyt tai pelasta vaurioituneet",
        ),
        description=translate(
            "Cli",
            "status: mitä odottaa; flush: toimita odottavat nyt; salvage: kopioi "
            "vaurioituneiden lähtevien jokainen luettava kohde uusiin lähteviin, siirrä vanhat "
            "tiedostot (ei koskaan poistettu) profiilin hakemistoon damaged-YYYYMMDD-HHMMSS/ "
            "ja ota uudet käyttöön",
        ),
        epilog=helpdesk_exit_codes(),
    )
    outbox.add_argument("action", choices=("status", "flush", "confirm-destination", "salvage"))
    outbox.add_argument(
        "--municipality",
        metavar="CODE",
        help=translate(
            "Cli",
            "confirm-destination: kunta, jonka pidätetyt kohteet lähtevät sinne, minne "
            "käytäntö nyt ohjaa",
        ),
    )
    outbox.add_argument("--json", action="store_true", help=machine_readable)
    duty = commands.add_parser(
        "duty-hours",
        parents=[common],
        help=translate(
            "Cli",
            "onko alueellinen päivystys käynnissä, mistä mihin, ja kuka vastaa",
        ),
        epilog=translate(
            "Cli",
            "paluuarvot: {ok} vastattu, {policy} käytäntö virheellinen tai puuttuu, "
            "{usage} --at ei ole ajankohta",
        ).format(ok=EXIT_OK, policy=EXIT_POLICY, usage=EXIT_USAGE),
    )
    duty.add_argument(
        "--at",
        metavar="ISO-8601",
        help=translate(
            "Cli",
            "ajankohta, jota kysytään (oletus: nyt); ilman aikaeroa Suomen aikaa",
        ),
    )
    duty.add_argument("--json", action="store_true", help=machine_readable)
    return parser


def given_language(argv: Sequence[str]) -> Language | None:
    """``--lang`` as given, read before argparse (which then checks it)."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        for language in LANGUAGES:
            if value == language:
                return language
    return None


def chosen_language(argv: Sequence[str]) -> Language | None:
    """The language the worker chose (their settings: training's own with --training)."""
    from app.services import paths
    from app.services.settings import SettingsStore

    training = any(arg == "--training" or arg.startswith("--training-server") for arg in argv)
    # Quietly: logging is not set up yet; the window reads the file again and says
    # what is wrong with it.
    logging.disable(logging.WARNING)
    try:
        return SettingsStore(paths.user_config_dir(training) / "settings.json").load().language
    finally:
        logging.disable(logging.NOTSET)
