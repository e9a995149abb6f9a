"""The ``paivystys`` command: the GUI by default, headless subcommands beside it.

This is the one place where services are wired together. Qt is imported only
when the GUI starts (from :mod:`app.ui`), so the headless commands never load it.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, closing, contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn

from app import __version__
from app.domain.language import LANGUAGES, Language, choose_language
from app.services import exits
from app.services.console import standard_streams
from app.services.crash import install_logging_hooks
from app.services.i18n import translate
from app.services.logs import setup_logging
from app.services.policy.location import AdminLocation, platform_location
from app.services.process import protect_process

# The rest is imported by the command that needs it: the window shows before the
# connectors, the outbox, the sign-ins and the helpdesk's commands are loaded
# (docs/performance.md, measurement 6).
if TYPE_CHECKING:
    from app.domain.policy import Policy
    from app.services import helpdesk, selftest
    from app.services.auth.signins import SignIns
    from app.services.context import AppContext
    from app.services.outbox.delivery import MaySend
    from app.services.policy.load import PolicyError
    from app.wiring import Session, TrainingSystems

log = logging.getLogger("paivystys")

EXIT_OK = exits.EXIT_OK
EXIT_POLICY = exits.EXIT_POLICY
EXIT_TRAINING_SERVER = exits.EXIT_TRAINING_SERVER
EXIT_USAGE = exits.EXIT_USAGE
# How often training-server's wait for Ctrl+C or a stop signal wakes up.
STOP_POLL_SECONDS = 0.5

# Where the machine policy is read from. None: the platform's administrators' location
# (platform_location). Only code sets it (the tests do): never the environment or the
# command line, which the worker's account controls.
ADMIN_LOCATION: AdminLocation | None = None


def admin_location() -> AdminLocation:
    return ADMIN_LOCATION or platform_location()


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


def _common_options(*, suppress: bool = False) -> _Parser:
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
        ).format(where=admin_location().policy_dir),
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


def build_parser() -> argparse.ArgumentParser:
    """The command line, its help in the language installed (:func:`use_language`)."""
    common = _common_options(suppress=True)
    parser = _Parser(
        prog="paivystys",
        description=translate(
            "Cli",
            "Päivystys – sosiaalipäivystyksen työasema. Ilman komentoa avaa ikkunan.",
        ),
        parents=[_common_options()],
        epilog=self_test_exit_codes(),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
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


def _training(args: argparse.Namespace) -> bool:
    return bool(args.training or args.training_server is not None)


def check_policy_option(args: argparse.Namespace) -> None:
    """``--policy`` is for training and for checking a policy, never for the
    workstation's work: the window and the helpdesk commands send client data where
    the policy says, so they take it only from the administrators' location."""
    if args.policy is None or _training(args) or args.command in {"policy", "training-server"}:
        return
    from app.services.policy.load import PolicyError

    problem = translate(
        "Cli",
        "komentorivillä annettu käytäntö hyväksytään vain harjoitteluun (--training, "
        "--training-server, training-server) ja komennolle 'policy check'. Tämä työasema "
        "käyttää vain ylläpitäjien koneen käytäntöä ({where}). Mitään ei käynnistetty eikä "
        "lähetetty.",
    )
    raise PolicyError(
        str(args.policy), "--policy", problem.format(where=admin_location().policy_dir)
    )


def resolve_policy(args: argparse.Namespace) -> Policy:
    """The machine policy; for training, ``--policy`` or, with none installed, the
    shipped example."""
    from app.services import paths
    from app.services.policy.load import load_policy
    from app.services.policy.location import has_policy
    from app.services.policy.trust import load_trusted_policy

    check_policy_option(args)
    if args.policy is not None:
        return load_policy(args.policy)
    location = admin_location()
    training = _training(args) or args.command == "training-server"
    if training and not has_policy(location):
        return load_policy(paths.EXAMPLE_POLICY)
    return load_trusted_policy(location, paths.user_state_dir()).policy


def _startup_failure(args: argparse.Namespace, message: str, code: int) -> int:
    """Say why start-up stopped: on stderr, and in a dialog when the GUI was asked for."""
    print(message, file=sys.stderr)
    if args.command is None and not args.self_test:
        from app.ui.startup import show_startup_error

        show_startup_error(message)
    return code


def _policy_message(error: PolicyError, args: argparse.Namespace) -> str:
    details = translate(
        "Cli", "  tiedosto: {source}\n  kenttä:   {field}\n  ongelma:  {problem}"
    ).format(
        source=error.source,
        field=error.field or translate("Cli", "(koko tiedosto)"),
        problem=error.problem,
    )
    if args.command == "policy":  # helpdesk's own checking and signing
        refused = translate("Cli", "paivystys policy {action}: hylätty.")
        return refused.format(action=args.action) + "\n" + details
    unusable = translate("Cli", "paivystys: koneen käytäntöä ei voi käyttää.")
    contact = translate("Cli", "Ota yhteys helpdeskiin: käytännön korjaaminen kuuluu heille.")
    return f"{unusable}\n{details}\n{contact}"


def _print_line(document: dict[str, object]) -> None:
    print(json.dumps(document, ensure_ascii=False), flush=True)


def run_policy(args: argparse.Namespace) -> int:
    from app.services.policy import commands

    try:
        if args.action == "describe":
            from app.services.policy.load import describe_policy

            print(describe_policy())
        elif args.action == "check":
            print(commands.check(args.policy, args.key, admin_location()))
        elif args.action == "keygen":
            print(commands.keygen(args.out))
        elif args.action == "sign":
            print(commands.sign(args.file, args.key))
        else:
            print(commands.verify(args.file, args.key))
    except commands.UsageError as error:
        print(f"paivystys policy {args.action}: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def run_duty_hours(args: argparse.Namespace) -> int:
    from app.services.duty_hours import duty_status, status_document, status_lines

    policy = resolve_policy(args)
    follow_policy_language(args, policy)
    try:
        status = duty_status(policy, args.at)
    except ValueError as error:
        print(f"paivystys: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps(status_document(status, policy), ensure_ascii=False, indent=2))
    else:
        print("\n".join(status_lines(status, policy)))
    return EXIT_OK


def run_training_server(args: argparse.Namespace) -> int:
    if args.material:
        from app.training.docs import render

        print(render(resolve_policy(args)), end="")
        return EXIT_OK
    from app.training.server import Binding, TrainingServer

    server = TrainingServer(resolve_policy(args), port=args.port, binding=Binding.on(args.host))
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    with server:
        _print_line(server.description)
        # A wait that returns now and then: on Windows (Python before 3.14) a wait without
        # a timeout cannot be interrupted, and Ctrl+C's handler runs only when it returns.
        while not stop.wait(STOP_POLL_SECONDS):
            pass
    return EXIT_OK


# What the training systems are: a policy to serve on an embedded training server
# (started here, stopped on leaving), a classroom server's URL, or a server already
# running in this process (the tests').
def _training_systems(args: argparse.Namespace) -> TrainingSystems | None:
    """``--training-server URL``, or ``--training`` on the policy; None in production."""
    if args.training_server:
        url: str = args.training_server
        return url
    if args.training or args.training_server is not None:
        return resolve_policy(args)
    return None


@contextmanager
def open_session(args: argparse.Namespace, *, announce: bool) -> Iterator[Session]:
    """The policy and systems of a headless command: production, an embedded training
    server, or a classroom one. ``announce`` prints the training server's JSON line."""
    from app.services.workstation import Workstation
    from app.wiring import (
        Session,
        sign_ins_for,
        signed_in_workstation,
        trainee_access,
        training_server,
    )

    systems = _training_systems(args)
    with ExitStack() as stack:
        if systems is None:
            policy, info = resolve_policy(args), None
        else:
            server = training_server(systems, _print_line if announce else None)
            policy, info = stack.enter_context(server)
        training = info is not None
        may_send: MaySend | None = None
        sign_ins: SignIns | None = None
        if training:
            # Helpdesk's practice commands: the training password works on every system.
            workstation = Workstation(policy, trainee_access)
        else:
            # Only a sign-in kept from the app (oidc) can send; the rest waits for the app.
            sign_ins = sign_ins_for(policy, training=False)
            workstation = signed_in_workstation(policy, sign_ins)
            may_send = sign_ins.item_may_send
        stack.enter_context(closing(workstation))
        yield Session(policy, training, info, workstation, may_send, sign_ins)


def run_gui(args: argparse.Namespace, argv: Sequence[str]) -> int:
    """The window: its frame shows at once; the policy, the session and the window's
    parts load on a thread of their own meanwhile (:func:`app.ui.app.start`)."""
    from app.services import paths
    from app.services.settings import SettingsStore
    from app.ui.app import start

    training = _training(args)

    def open_context() -> AbstractContextManager[AppContext]:
        from app.wiring import app_context, training_context

        systems = _training_systems(args)
        if systems is None:
            return app_context(resolve_policy(args), None, None, None)
        return training_context(systems, announce=_print_line, sign_in=True)

    settings = SettingsStore(paths.user_config_dir(training) / "settings.json")
    return start(open_context, settings, training, list(argv), language=args.lang)


def run_helpdesk(args: argparse.Namespace) -> int:
    """``doctor`` and ``outbox status|flush|salvage``: no GUI, no client data in the output."""
    from app.services import helpdesk
    from app.services.outbox.profile import OutboxSetup

    if args.command == "outbox" and args.action == "salvage":
        # The outbox alone: no policy or systems are needed to read and rewrite it.
        training = bool(args.training or args.training_server)
        return _print_report(args, helpdesk.outbox_salvage(OutboxSetup.for_mode(training)))
    with open_session(args, announce=False) as session:
        follow_policy_language(args, session.policy)
        setup = OutboxSetup.for_mode(session.training)
        if args.command == "doctor":
            report = helpdesk.doctor(session.policy, setup, session.workstation)
        elif args.action == "status":
            report = helpdesk.outbox_status(setup)
        elif args.action == "confirm-destination":
            if not args.municipality:
                needs = translate("Cli", "outbox confirm-destination vaatii: --municipality CODE")
                print(needs, file=sys.stderr)
                return EXIT_USAGE
            session.resume_sign_ins()
            report = helpdesk.outbox_confirm_destination(
                setup, session.workstation, args.municipality
            )
        else:
            session.resume_sign_ins()
            report = helpdesk.outbox_flush(setup, session.workstation, session.may_send)
    return _print_report(args, report)


def _print_report(
    args: argparse.Namespace, report: helpdesk.Report, *, json_output: bool | None = None
) -> int:
    if args.json if json_output is None else json_output:
        print(json.dumps(report.document, ensure_ascii=False, indent=2))
    else:
        print("\n".join(report.lines))
    return report.exit_code


def run_self_test(args: argparse.Namespace) -> int:
    """``--self-test``: every check in a temporary profile (app.services.selftest)."""
    from app.services import selftest
    from app.ui.selftest import show_window

    def emit(report: selftest.SelfTestReport) -> None:
        _print_report(args, report, json_output=args.self_test_json)
        for reason in report.reasons:
            failed = translate("Cli", "paivystys --self-test: EPÄONNISTUI: {reason}")
            print(failed.format(reason=reason), file=sys.stderr, flush=True)

    options = selftest.Options(__version__, admin_location(), bool(args.training), args.policy)
    return selftest.run(options, show_window, emit)


def _check_self_test(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.self_test_json and not args.self_test:
        parser.error(translate("Cli", "--json ennen komentoa on valinnalle --self-test"))
    if args.self_test and args.command is not None:
        parser.error(translate("Cli", "--self-test ei ota komentoa"))
    if args.self_test and args.training_server is not None:
        parser.error(
            translate(
                "Cli",
                "--self-test tarkistaa tämän koneen, ei harjoituspalvelinta: käytä valintaa "
                "--training",
            )
        )


def _given_language(argv: Sequence[str]) -> Language | None:
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


def _chosen_language(argv: Sequence[str]) -> Language | None:
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


def use_language(language: Language) -> None:
    """The command line's words in ``language`` (:mod:`app.services.i18n`); Qt's
    translator (QtCore alone) is loaded only for a language other than Finnish."""
    if language == "fi":
        from app.services.i18n import set_translate

        set_translate(None)
        return
    from app.ui.cli_language import install

    if not install(language):
        log.warning("no %s translation found: the command line stays Finnish", language)


def follow_policy_language(args: argparse.Namespace, policy: Policy) -> None:
    """A command that loaded the policy speaks its ``duty_unit.language`` when neither
    ``--lang`` nor the worker's settings chose one (app.domain.language)."""
    default = policy.duty_unit.language
    chosen = getattr(args, "chosen_language", None)
    if args.lang is None and chosen is None and default not in (None, "fi"):
        use_language(default)  # (Finnish is in use already)


def main(argv: Sequence[str] | None = None) -> int:
    # First, before any key or client data is in memory: no core dumps, private files.
    protect_process()
    standard_streams()  # UTF-8 output, also piped on Windows; a GUI program's streams present
    argv = list(sys.argv[1:] if argv is None else argv)
    # The language before the parser: its help is in it.
    chosen = _chosen_language(argv)
    language = choose_language(_given_language(argv), chosen, None)
    use_language(language)
    parser = build_parser()
    args = parser.parse_args(argv)
    args.chosen_language = chosen
    if choose_language(args.lang, chosen, None) != language:  # an abbreviated --la sv
        use_language(choose_language(args.lang, chosen, None))
    _check_self_test(parser, args)
    if not args.self_test:  # the self-test logs into its temporary profile
        # A scrubbed rotating log (docs/logs.md) before anything can go wrong; uncaught
        # exceptions are logged too (the window puts its crash dialog on top).
        setup_logging("gui" if args.command is None else "cli")
        install_logging_hooks()
    commands: dict[str | None, Callable[[argparse.Namespace], int]] = {
        "training-server": run_training_server,
        "policy": run_policy,
        "duty-hours": run_duty_hours,
        "doctor": run_helpdesk,
        "outbox": run_helpdesk,
        None: lambda parsed: run_gui(parsed, [sys.argv[0], *argv]),
    }
    try:
        check_policy_option(args)
        return run_self_test(args) if args.self_test else commands[args.command](args)
    except Exception as error:
        failure = _known_failure(args, error)
        if failure is None:
            raise
        return failure


def _known_failure(args: argparse.Namespace, error: Exception) -> int | None:
    """The exit code of a policy that cannot be used or an unusable training server,
    after saying why; None for any other exception."""
    from app.services.policy.classroom import ClassroomError
    from app.services.policy.load import PolicyError

    if isinstance(error, PolicyError):
        return _startup_failure(args, _policy_message(error, args), EXIT_POLICY)
    if isinstance(error, ClassroomError):
        unusable = translate("Cli", "paivystys: harjoituspalvelin käyttökelvoton: {error}")
        message = unusable.format(error=error)
        return _startup_failure(args, message, EXIT_TRAINING_SERVER)
    return None
