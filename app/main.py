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
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, closing, contextmanager
from types import FrameType
from typing import TYPE_CHECKING

from app import __version__
from app.domain.language import Language, choose_language
from app.services import command_line, exits
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


def build_parser() -> argparse.ArgumentParser:
    """The command line (:mod:`app.services.command_line`), its help in the language
    installed (:func:`use_language`)."""
    return command_line.build_parser(admin_location().policy_dir, __version__)


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
    chosen = command_line.chosen_language(argv)
    language = choose_language(command_line.given_language(argv), chosen, None)
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
