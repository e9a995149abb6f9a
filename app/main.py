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
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, NoReturn

from app import __version__
from app.domain.language import LANGUAGES
from app.services import exits
from app.services.console import standard_streams
from app.services.crash import install_logging_hooks
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


HELPDESK_EXIT_CODES = (
    f"exit codes: {exits.EXIT_OK} all well; {exits.EXIT_NEEDS_ACTION} something needs "
    "action (items wait or need attention, a system is unreachable); "
    f"{EXIT_POLICY} policy invalid or missing; {EXIT_TRAINING_SERVER} training server "
    f"unusable; {exits.EXIT_OUTBOX} the outbox cannot be opened (key or file problem, or "
    "a damaged log: nothing was changed; 'outbox salvage' for a damaged one); "
    f"{exits.EXIT_BUSY} another sender is active"
)
SELF_TEST_EXIT_CODES = (
    f"exit codes: {EXIT_OK} ok, {EXIT_POLICY} policy invalid or missing, "
    f"{EXIT_TRAINING_SERVER} training server unusable, {exits.EXIT_SELF_TEST} --self-test "
    f"failed (the reasons on stderr), {EXIT_USAGE} a usage error"
)


class _Parser(argparse.ArgumentParser):
    """A usage error exits 64 (README), not argparse's 2, which means a bad policy."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _common_options(*, suppress: bool = False) -> _Parser:
    """The options every command takes. ``suppress``: a command's copy, which leaves an
    option given before the command (``paivystys --training doctor``) as it was given."""
    common = _Parser(add_help=False, argument_default=argparse.SUPPRESS if suppress else None)
    common.add_argument(
        "--policy",
        type=Path,
        metavar="PATH",
        help="a policy file or directory, for training and checking only: accepted with "
        "--training, --training-server, training-server and policy check. "
        "Otherwise the machine policy is always the administrators' "
        f"({admin_location().policy_dir})",
    )
    common.add_argument(
        "--training",
        action="store_true",
        help="training mode: synthetic clients on training systems, a separate profile",
    )
    common.add_argument(
        "--training-server",
        metavar="URL",
        help="use an already running training server (a classroom server); implies --training",
    )
    return common


def _policy_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    policy = commands.add_parser(
        "policy",
        help="check, describe, sign or verify a policy; make a signing key pair",
        epilog=f"exit codes: {EXIT_OK} ok; {EXIT_POLICY} policy invalid, missing, unsigned or "
        f"badly signed, or a key unusable (and a command given wrongly); {EXIT_USAGE} keygen "
        "would overwrite a key, or --key without --policy",
    )
    policy.set_defaults(policy=None, training=False, training_server=None)
    actions = policy.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check",
        help="check the machine policy, or a policy file or directory (--policy) not yet installed",
    )
    check.add_argument(
        "--policy", type=Path, metavar="PATH", help="a policy file or directory to check"
    )
    check.add_argument(
        "--key",
        type=Path,
        metavar="PUBLIC",
        help="with --policy: check its signatures and serials too, against this public key",
    )
    actions.add_parser("describe", help="every policy field, documented (Markdown)")
    keygen = actions.add_parser("keygen", help="a new Ed25519 signing key pair")
    keygen.add_argument("--out", type=Path, metavar="DIR", required=True, help="where to put it")
    sign = actions.add_parser("sign", help="sign a policy file: writes FILE.sig beside it")
    sign.add_argument("--key", type=Path, metavar="PRIVATE", required=True)
    sign.add_argument("file", type=Path, metavar="FILE")
    verify = actions.add_parser("verify", help="check FILE.sig against FILE and the public key")
    verify.add_argument("--key", type=Path, metavar="PUBLIC", required=True)
    verify.add_argument("file", type=Path, metavar="FILE")


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(suppress=True)
    parser = _Parser(
        prog="paivystys",
        description="Päivystys – the social emergency duty workstation. "
        "Without a command, opens the window.",
        parents=[_common_options()],
        epilog=SELF_TEST_EXIT_CODES,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="the window's language for this run (fi, sv, en); default: the worker's "
        "choice (Ohje → Kieli), else the policy's duty_unit.language, else Finnish",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation in a temporary profile (policy, credential store, "
        "outbox, a printed document, Qt offscreen) and exit; for installers and helpdesk",
    )
    parser.add_argument(
        "--json",
        dest="self_test_json",
        action="store_true",
        help="with --self-test: machine-readable output",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    server = commands.add_parser(
        "training-server",
        parents=[common],
        help="serve one training system per municipality of the policy on 127.0.0.1",
    )
    server.add_argument("--port", type=int, default=0, help="index server port (default: any free)")
    server.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADDR",
        help="IPv4 address to listen on (default 127.0.0.1: this machine only); a "
        "classroom server gives the address trainees reach, or 0.0.0.0 for all, and "
        "then advertises this machine's name",
    )
    server.add_argument(
        "--material",
        action="store_true",
        help="print the trainer's material for the policy (Markdown: the synthetic clients "
        "of each municipality and the practice scenarios) and exit",
    )
    _policy_commands(commands)
    doctor = commands.add_parser(
        "doctor",
        parents=[common],
        help="check policy, credential store, outbox and every system",
        epilog=HELPDESK_EXIT_CODES,
    )
    doctor.add_argument("--json", action="store_true", help="machine-readable output")
    outbox = commands.add_parser(
        "outbox",
        parents=[common],
        help="the outbox of undelivered items: counts, deliver now, or salvage a damaged one",
        description="status: what waits; flush: deliver what waits, now; salvage: copy every "
        "readable item of a damaged outbox into a new one, move the old files (never "
        "deleted) into damaged-YYYYMMDD-HHMMSS/ in the profile and put the new one in place",
        epilog=HELPDESK_EXIT_CODES,
    )
    outbox.add_argument("action", choices=("status", "flush", "confirm-destination", "salvage"))
    outbox.add_argument(
        "--municipality",
        metavar="CODE",
        help="confirm-destination: the municipality whose held items go where the policy now says",
    )
    outbox.add_argument("--json", action="store_true", help="machine-readable output")
    duty = commands.add_parser(
        "duty-hours",
        parents=[common],
        help="is the regional duty on, since and until when, and who is responsible",
        epilog=f"exit codes: {EXIT_OK} answered, {EXIT_POLICY} policy invalid or missing, "
        f"{EXIT_USAGE} --at is not a time",
    )
    duty.add_argument(
        "--at",
        metavar="ISO-8601",
        help="the moment to ask about (default: now); without an offset it is Finnish time",
    )
    duty.add_argument("--json", action="store_true", help="machine-readable output")
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

    raise PolicyError(
        str(args.policy),
        "--policy",
        "a policy given on the command line is accepted only for training (--training, "
        "--training-server, training-server) and by 'policy check'. This "
        "workstation uses only the administrators' machine policy "
        f"({admin_location().policy_dir}). Nothing was started or sent.",
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
    details = (
        f"  file:    {error.source}\n  field:   {error.field or '(whole file)'}\n"
        f"  problem: {error.problem}"
    )
    if args.command == "policy":  # helpdesk's own checking and signing
        return f"paivystys policy {args.action}: refused.\n{details}"
    return (
        f"paivystys: the machine policy cannot be used.\n{details}\n"
        "Contact helpdesk: the policy is theirs to correct."
    )


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
        setup = OutboxSetup.for_mode(session.training)
        if args.command == "doctor":
            report = helpdesk.doctor(session.policy, setup, session.workstation)
        elif args.action == "status":
            report = helpdesk.outbox_status(setup)
        elif args.action == "confirm-destination":
            if not args.municipality:
                print("outbox confirm-destination needs --municipality CODE", file=sys.stderr)
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
            print(f"paivystys --self-test: FAILED: {reason}", file=sys.stderr, flush=True)

    options = selftest.Options(__version__, admin_location(), bool(args.training), args.policy)
    return selftest.run(options, show_window, emit)


def _check_self_test(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.self_test_json and not args.self_test:
        parser.error("--json before a command is for --self-test")
    if args.self_test and args.command is not None:
        parser.error("--self-test takes no command")
    if args.self_test and args.training_server is not None:
        parser.error("--self-test checks this machine, not a training server: use --training")


def main(argv: Sequence[str] | None = None) -> int:
    # First, before any key or client data is in memory: no core dumps, private files.
    protect_process()
    standard_streams()  # UTF-8 output, also piped on Windows; a GUI program's streams present
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
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
        message = f"paivystys: training server unusable: {error}"
        return _startup_failure(args, message, EXIT_TRAINING_SERVER)
    return None
