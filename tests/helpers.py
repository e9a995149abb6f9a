"""Helpers shared by the tests (no Qt): the items they send, what the training systems
hold, child processes, reading files and PDFs.

A test module imports its helpers from here (or from :mod:`tests.gui_helpers`,
:mod:`tests.fakes`), never from another test module.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
import types
import typing
import urllib.request
import uuid
import webbrowser
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from hypothesis import settings

from app.connectors.base import (
    ChildWelfareNotification,
    DutyEvent,
    InternalMail,
    NotificationUrgency,
)
from app.domain.access import DEFAULT_PURPOSE, AccessAction, AccessEvent
from app.domain.author import Author, SignInMethod
from app.domain.hetu import Hetu
from app.domain.model import ContactChannel, DutyEntry, PersonDetails, TaskType
from app.domain.policy import Policy
from app.services.paths import EXAMPLE_POLICY
from app.services.policy.location import AdminLocation
from app.training.data import SyntheticClient
from app.training.server import TrainingServer
from tests.portable import user_id

ROOT = Path(__file__).resolve().parent.parent
# Finnish winter time: the fixed moments below are in November.
HELSINKI = dt.timezone(dt.timedelta(hours=2))
RECEIVED = dt.datetime(2026, 11, 26, 23, 40, tzinfo=HELSINKI)
WHAT = "Poliisi tavoitti lapsen yöllä humalassa kauppakeskuksen edustalta. Ŋ Đ Ŧ Ž Š Č ä ö å"
# A person no register knows: the "new client" of the tests.
UNIDENTIFIED = PersonDetails(
    last_name="Đuolbmá",
    first_names="Ŋilá Šára",
    birth_date=dt.date(1994, 7, 2),
    nationality="Norja",
    language="pohjoissaame",
    description="Löytyi asemalta yöllä ilman henkilöpapereita; puhuu saamea. Č Ž Ŧ",
)


# -- what the tests send -------------------------------------------------------------


SIGNED_IN_AT = dt.datetime(2026, 11, 26, 20, 0, tzinfo=dt.UTC)


def author(
    name: str = "Päivystäjä",
    worker_id: str = "paivystaja-901",
    organisation: str = "keusote",
    method: SignInMethod = SignInMethod.OIDC,
) -> Author:
    """A synthetic worker as signed in to ``organisation``: the author a save records."""
    return Author(worker_id, name, organisation, method, SIGNED_IN_AT)


# The author of the items tests save (the worker named "Päivystäjä").
SAVED_BY = author()


def entry_for(
    hetu: Hetu, narrative: str = "Poliisi pyysi arviota yöllä; lapsi turvassa."
) -> DutyEntry:
    return DutyEntry(
        hetu=hetu,
        contact_time=dt.datetime(2026, 11, 26, 23, 15, tzinfo=HELSINKI),
        contact_channel=ContactChannel.POLICE,
        task_type=TaskType.CHILD_PROTECTION,
        narrative=narrative,
        measures="Soitettu huoltajalle. Ŋ Đ Ŧ Ž Š Č ä ö å",
        follow_up_needed=True,
        author="Päivystäjä Testi",
    )


def event_for(
    hetu: Hetu,
    text: str = "Kirjattu uudelleen puhelimessa. Ŋ Đ Ŧ Ž Š Č ä ö å",
    refers_to: uuid.UUID | None = None,
) -> DutyEvent:
    return DutyEvent(
        hetu=hetu,
        kind="discarded_entry",
        text=text,
        author="Päivystäjä Testi",
        occurred_at=dt.datetime(2026, 11, 27, 0, 5, tzinfo=HELSINKI),
        refers_to=refers_to,
    )


def mail_for(
    hetu: Hetu, body: str = "Yöllä poliisikäynti; pyydän yhteydenottoa aamulla."
) -> InternalMail:
    return InternalMail(
        hetu=hetu,
        recipient_unit="Hyvinkään sosiaalipäivystys (virka-aika)",
        subject="Päivystyksen jatkotoimet",
        body=body,
        author="Päivystäjä Testi",
    )


def notification_for(
    hetu: Hetu, received_at: dt.datetime = RECEIVED, **changes: Any
) -> ChildWelfareNotification:
    notification = ChildWelfareNotification(
        child_hetu=hetu,
        child_last_name="Čuoŋžá",
        child_first_names="Eelis",
        notifier_organisation="Itä-Uudenmaan poliisilaitos",
        notifier_person="Vanhempi konstaapeli Testi",
        notifier_phone="+358 29 000 0000",
        what_happened=WHAT,
        urgency=NotificationUrgency.URGENT,
        child_informed=True,
        guardians_informed=False,
        received_at=received_at,
        receiving_worker="Päivystäjä Testi",
    )
    return replace(notification, **changes)


def notification(client: SyntheticClient, what_happened: str) -> ChildWelfareNotification:
    """A notification about ``client``, with the client's own names."""
    return ChildWelfareNotification(
        child_hetu=client.hetu,
        child_last_name=client.last_name,
        child_first_names=client.first_names,
        notifier_organisation="Itä-Uudenmaan poliisilaitos",
        notifier_person="Vanhempi konstaapeli Testi",
        notifier_phone="+358 29 000 0000",
        what_happened=what_happened,
        urgency=NotificationUrgency.URGENT,
        child_informed=True,
        guardians_informed=None,
        received_at=dt.datetime(2026, 11, 26, 23, 40, tzinfo=HELSINKI),
        receiving_worker="Päivystäjä Testi",
    )


# -- the training systems ------------------------------------------------------------


def records(training: TrainingServer, code: str, kind: str | None = None) -> list[dict[str, Any]]:
    """What training system ``code`` holds (only records of ``kind``, if given), fetched
    over HTTP as a trainer would."""
    with urllib.request.urlopen(training.description["inspect"], timeout=5) as reply:
        found: list[dict[str, Any]] = json.load(reply)[code]
    return [record for record in found if kind is None or record["kind"] == kind]


def access_log(training: TrainingServer, code: str) -> list[dict[str, Any]]:
    """Training system ``code``'s access log, from its inspect page over HTTP as a trainer
    would read it (``/inspect/<code>``)."""
    inspect_url = training.description["inspect"]
    with urllib.request.urlopen(f"{inspect_url}/{code}", timeout=5) as reply:
        page: dict[str, list[dict[str, Any]]] = json.load(reply)
    return page["access"]


def author_for(organisation: str = "keusote", worker: str = "Šakari Ŋiemi") -> Author:
    """A synthetic worker signed in to ``organisation``."""
    return Author(
        worker_id="sakari.niemi@keusote.example",
        worker_name=worker,
        organisation=organisation,
        method=SignInMethod.OIDC,
        signed_in_at=dt.datetime(2026, 11, 26, 20, 0, tzinfo=dt.UTC),
    )


def access_for(
    code: str, hetu: Hetu | None, action: AccessAction = AccessAction.SEARCH
) -> AccessEvent:
    """An access event of the synthetic worker in municipality ``code``."""
    return AccessEvent(
        author=author_for(),
        occurred_at=dt.datetime(2026, 11, 26, 23, 41, tzinfo=dt.UTC),
        municipality=code,
        hetu=hetu,
        action=action,
        purpose=DEFAULT_PURPOSE,
    )


def code_of(training: TrainingServer, system_type: str) -> str:
    for municipality in training.policy.municipalities:
        if municipality.system.type == system_type:
            return municipality.code
    raise AssertionError(f"the example policy has no {system_type} municipality")


def with_system(policy: Policy, code: str, **changes: Any) -> Policy:
    """The policy with municipality ``code``'s system configuration changed (its endpoint
    through a fault proxy, its timeouts)."""
    municipalities = tuple(
        replace(m, system=replace(m.system, **changes)) if m.code == code else m
        for m in policy.municipalities
    )
    return replace(policy, municipalities=municipalities)


def port_of(url: str) -> int:
    port = urlsplit(url).port
    assert port is not None
    return port


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=5) as reply:
        return json.load(reply)


def example_data() -> dict[str, Any]:
    """The example policy as parsed TOML, to change and write out again."""
    return tomllib.loads(EXAMPLE_POLICY.read_text(encoding="utf-8"))


def write_toml(path: Path, data: dict[str, Any]) -> Path:
    """A tiny TOML writer for test policies (tables and arrays of tables only)."""
    lines: list[str] = []

    def value(item: Any) -> str:
        if isinstance(item, bool):
            return "true" if item else "false"
        if isinstance(item, str):
            return '"' + item.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if isinstance(item, list):
            return "[" + ", ".join(value(element) for element in item) + "]"
        return repr(item)

    def table(prefix: str, mapping: dict[str, Any]) -> None:
        for key, item in mapping.items():
            if not isinstance(item, dict) and not (
                isinstance(item, list) and item and isinstance(item[0], dict)
            ):
                lines.append(f"{key} = {value(item)}")
        for key, item in mapping.items():
            name = f"{prefix}.{key}" if prefix else key
            if isinstance(item, dict):
                lines.append(f"[{name}]")
                table(name, item)
            elif isinstance(item, list) and item and isinstance(item[0], dict):
                for element in item:
                    lines.append(f"[[{name}]]")
                    table(name, element)

    table("", data)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def admin_location(root: Path, *, state: bool = True) -> AdminLocation:
    """An administrators' location of the test's own (an empty ``policy.d``, mode 0755),
    trusting the user who runs the tests as its owner; its machine state directory
    beside it, or none."""
    (root / "policy.d").mkdir(parents=True, exist_ok=True)
    for directory in (root, root / "policy.d"):
        directory.chmod(0o755)
    return AdminLocation(root, root.parent / "state" if state else None, owner=user_id())


def install(location: AdminLocation, name: str, content: str | bytes) -> Path:
    """A policy file as the administrators install it (mode 0644)."""
    path = location.policy_dir / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    path.chmod(0o644)
    return path


# -- processes and files ---------------------------------------------------------------


def profile_env(tmp_path: Path) -> dict[str, str]:
    """This environment with the user's directories (XDG) under ``tmp_path``: for the
    Linux-only code that reads them (Qt, gnome-keyring, the desktop's services). The
    app's own directories are moved by :func:`app_command`'s profile, on every platform."""
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )


def app_command(profile: Path, *args: str, module: str = "app") -> list[str]:
    """The command line of ``python -m app ARGS`` (or of the test module ``module``) with
    the app's config, data, state and log directories under ``profile``, on every
    platform (:mod:`tests.app_in_profile`, :func:`app.services.paths.redirected`).

    A test's own profile is conftest's ``profile`` fixture: the one this process's
    directories are redirected to."""
    return [sys.executable, "-m", "tests.app_in_profile", str(profile), "-m", module, "--", *args]


def run_app(
    *args: str, env: dict[str, str], profile: Path, timeout: float = 60, **options: Any
) -> subprocess.CompletedProcess[str]:
    """``python -m app ARGS`` in ``profile`` (:func:`app_command`) from the repository
    root; its output as text."""
    return subprocess.run(
        app_command(profile, *args),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        **options,
    )


# ``python -m app`` whose administrators' location is the one in argv: set in code, as
# only code can (app.main.ADMIN_LOCATION), never through the environment; in the profile
# given, as tests.app_in_profile does.
TRUSTED_APP = """
import sys
from pathlib import Path
import app.main
from app.services import paths
from app.services.policy.location import AdminLocation
profile, root, state, owner, *args = sys.argv[1:]
app.main.ADMIN_LOCATION = AdminLocation(Path(root), Path(state) if state else None, int(owner))
with paths.redirected(Path(profile)):
    sys.exit(app.main.main(args))
"""


def trusted_app_command(location: AdminLocation, *args: str, profile: Path) -> list[str]:
    """The command line of ``python -m app ARGS`` on ``location``'s machine policy, in
    ``profile`` (as :func:`app_command`)."""
    state = "" if location.state_dir is None else str(location.state_dir)
    return [
        sys.executable,
        "-c",
        TRUSTED_APP,
        str(profile),
        str(location.root),
        state,
        str(location.owner),
        *args,
    ]


def run_trusted_app(
    location: AdminLocation,
    *args: str,
    env: dict[str, str],
    profile: Path,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """:func:`run_app` on ``location``'s machine policy."""
    return subprocess.run(
        trusted_app_command(location, *args, profile=profile),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_child(code: str, *args: str) -> subprocess.Popen[str]:
    """``python -c code args...`` in the repository, its stdout a pipe."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )


def encodings(text: str) -> list[bytes]:
    """``text`` as it could lie on disk: UTF-8 and both UTF-16s."""
    return [text.encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be")]


def files_under(*roots: Path) -> Iterator[Path]:
    for root in roots:
        if root.exists():
            yield from (path for path in root.rglob("*") if path.is_file())


def pdf_text(pdf: bytes) -> str:
    """The PDF's text as pdfium reads it, pages joined by newlines."""
    document = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_bounded() for page in document)
    finally:
        document.close()


def pdftotext(pdf: bytes) -> str:
    """The PDF's text as poppler's ``pdftotext`` reads it: a form feed after each page."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


# -- property tests ---------------------------------------------------------------------


def examples(n: int) -> int:
    """``n`` examples at Hypothesis' default of 100, scaled by the profile in use
    (``--hypothesis-profile``; see tests/conftest.py): properties stay bounded in the
    everyday run and grow in a thorough one."""
    return max(1, n * settings().max_examples // 100)


_CANONICAL_HETU = re.compile(r"[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-FHJ-NPR-Y]")


def assert_well_typed(value: Any, annotation: Any = None) -> None:
    """``value`` is what its type declares, all the way down: every dataclass field of
    its declared type, text that is text (UTF-8 can carry it), identity codes canonical.

    What a connector returns from a hostile answer must pass this or it must not
    return at all."""
    if annotation is None:
        annotation = type(value)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        _assert_one_of(value, typing.get_args(annotation))
    elif origin is tuple:
        assert isinstance(value, tuple), f"{value!r} is not a tuple"
        (item, *_) = typing.get_args(annotation)
        for member in value:
            assert_well_typed(member, item)
    elif origin is typing.Literal:
        assert value in typing.get_args(annotation), f"{value!r} is not {annotation}"
    elif annotation is type(None):
        assert value is None, f"{value!r} is not None"
    else:
        assert isinstance(annotation, type), f"unsupported annotation {annotation!r}"
        assert isinstance(value, annotation), f"{value!r} is not a {annotation.__name__}"
        _assert_sound(value, annotation)


def _assert_one_of(value: Any, options: tuple[Any, ...]) -> None:
    errors = []
    for option in options:
        try:
            assert_well_typed(value, option)
        except AssertionError as error:
            errors.append(error)
        else:
            return
    raise AssertionError(f"{value!r} is none of {options}: {errors}")


def _assert_sound(value: Any, annotation: type) -> None:
    """What the type alone does not say: text is text, codes canonical, fields typed."""
    if annotation is int:
        assert not isinstance(value, bool), f"{value!r} is a bool, not an int"
    elif annotation is str:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise AssertionError(f"{value!r} is not text (a lone surrogate)") from None
    elif annotation is dt.datetime:
        assert value.tzinfo is not None, "a time without its zone"
    elif annotation.__name__ == "Hetu":
        assert _CANONICAL_HETU.fullmatch(value.value), "not a canonical identity code"
        value.birth_date  # noqa: B018 - it must not raise
    elif dataclasses.is_dataclass(annotation) and not issubclass(annotation, enum.Enum):
        hints = typing.get_type_hints(annotation)
        for field in dataclasses.fields(annotation):
            assert_well_typed(getattr(value, field.name), hints[field.name])


LOGIN_BROWSER = Path(__file__).resolve().parent / "browser_login.py"


@contextlib.contextmanager
def login_browser() -> Iterator[None]:
    """$BROWSER is tests/browser_login.py while inside. webbrowser reads $BROWSER when it
    registers the browsers, so they are registered again on the way in and out."""
    command = f"{shlex.quote(sys.executable)} {shlex.quote(str(LOGIN_BROWSER))} %s"
    previous = os.environ.get("BROWSER")
    os.environ["BROWSER"] = command
    webbrowser.register_standard_browsers()
    try:
        yield
    finally:
        if previous is None:
            del os.environ["BROWSER"]
        else:
            os.environ["BROWSER"] = previous
        webbrowser.register_standard_browsers()
