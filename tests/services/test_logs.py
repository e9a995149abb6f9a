"""The log helpdesk reads: what the scrubbing rule keeps and removes, and the files themselves."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import logging
import os
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import pytest

from app.domain.hetu import make_hetu
from app.services import paths
from app.services.crash import Crash, SeenCrashes, debug_info
from app.services.logs import (
    LOG_FILES,
    PrivateRotatingFileHandler,
    level_from_environment,
    setup_logging,
)
from app.services.outbox.keys import KeyMissing
from app.services.scrub import DATA_FREE, Frames, ScrubFilter, frames_of, is_code, render
from tests.helpers import ROOT, files_under


class Level(Enum):
    ERROR = "error"


CANARY = "KANARIA-7c1e: Čuoŋžá Máret kertoi yöllä"
NAME = "Virtanen"
HETUS = [
    make_hetu(dt.date(1890, 1, 2), 901),
    make_hetu(dt.date(1990, 1, 2), 902),
    make_hetu(dt.date(1990, 1, 2), 903, "Y"),
    make_hetu(dt.date(1990, 1, 2), 904, "U"),
    make_hetu(dt.date(2010, 1, 2), 905),
    make_hetu(dt.date(2010, 1, 2), 906, "F"),
]


def scrubbed(template: object, *args: object, error: BaseException | None = None) -> str:
    """The line a record becomes through the filter, as a handler formats it."""
    record = logging.LogRecord("app.test", logging.INFO, __file__, 1, template, args, None)
    if error is not None:
        record.exc_info = (type(error), error, error.__traceback__)
    assert ScrubFilter().filter(record)
    return logging.Formatter("%(message)s").format(record)


def raise_with_canary(text: str) -> None:
    raise RuntimeError(text)


def caught(text: str = CANARY) -> RuntimeError:
    try:
        raise_with_canary(text)
    except RuntimeError as error:
        return error
    raise AssertionError("not raised")


def caught_missing_key() -> KeyMissing:
    try:
        raise KeyMissing("gone")
    except KeyMissing as error:
        return error


# -- the rule ------------------------------------------------------------------------


@pytest.mark.parametrize("hetu", HETUS, ids=lambda hetu: hetu.century_sign)
def test_identity_codes_go_in_every_century_and_case(hetu: object) -> None:
    code = str(hetu)
    for text in (code, code.lower(), code[:-1], f"/clients/{code}?x=1", f"id={code}."):
        line = scrubbed("found %s", text) + scrubbed(f"literal {text}")
        assert code[:6] not in line, line
        assert "<hetu>" in line


def test_codes_stay_names_and_narratives_go() -> None:
    assert scrubbed("%s %s %s", "106", "wrong_key", "/v1/health") == "106 wrong_key /v1/health"
    assert scrubbed("%s %s", "GET", "HTTP/1.1") == "GET HTTP/1.1"
    for data in (NAME, "Čuoŋžá", "eelis virtanen", CANARY, "x" * 41, "VIRTANEN"):
        line = scrubbed("client %s", data)
        assert data not in line
        assert line == f"client <redacted: {len(data)} chars>"
    assert is_code("a" * 40)
    assert not is_code("")
    assert not is_code("a" * 41)


def test_kinds_of_argument() -> None:
    key = uuid.uuid4()
    line = scrubbed(
        "%d %.1f %s %s %s %s %s %s",
        3,
        2.5,
        True,
        None,
        Level.ERROR,
        key,
        KeyMissing,
        "Permission denied",
    )
    assert line == f"3 2.5 True None Level.ERROR {key} KeyMissing Permission denied"
    assert scrubbed("%s", "ConnectionRefusedError") == "ConnectionRefusedError"
    assert scrubbed("%s", Path("/home/Virtanen/x")) == "<redacted: 16 chars>"
    assert scrubbed("%s", {"name": NAME}) == "{'name': '<redacted: 8 chars>'}"
    assert scrubbed("%s", [NAME]) == "<redacted: list>"
    assert scrubbed("%(who)s", {"who": NAME}) == "<redacted: 8 chars>"
    assert scrubbed(CANARY_OBJECT) == "<redacted: _Secret>"
    # A template that does not fit its arguments loses them, not the record.
    assert (
        scrubbed("%d items", NAME) == "%d items <arguments redacted: they did not fit the message>"
    )


class _Secret:
    def __str__(self) -> str:
        return CANARY


CANARY_OBJECT = _Secret()


def test_an_exception_argument_is_its_type_and_a_data_free_message() -> None:
    assert scrubbed("failed: %s", caught()) == "failed: RuntimeError"
    hetu = str(HETUS[1])
    line = scrubbed("failed: %s", KeyMissing(f"key gone for {hetu}"))
    assert line == "failed: app.services.outbox.keys.KeyMissing: key_missing: key gone for <hetu>"


def test_each_data_free_name_is_an_exception_class_of_the_app() -> None:
    for name in DATA_FREE:
        module, _, qualname = name.rpartition(".")
        kind = getattr(importlib.import_module(module), qualname)
        assert isinstance(kind, type), name
        assert issubclass(kind, Exception), name
        assert f"{kind.__module__}.{kind.__qualname__}" == name


def test_a_traceback_keeps_frames_and_types_never_messages() -> None:
    try:
        try:
            raise_with_canary(CANARY)
        except RuntimeError as inner:
            raise ValueError(NAME) from inner
    except ValueError as error:
        line = scrubbed("work failed", error=error)
    assert CANARY not in line
    assert NAME not in line
    assert "kertoi" not in line
    assert "tests/services/test_logs.py:" in line
    assert "in raise_with_canary" in line
    assert "RuntimeError\nThe above exception was the direct cause" in line
    assert line.endswith("\nValueError")
    # No source line either: the raise statement's text is not a frame's.
    assert "raise_with_canary(CANARY)" not in line


def test_an_exception_group_names_its_members() -> None:
    group = ExceptionGroup("group " + CANARY, [caught(), KeyError(NAME)])
    text = frames_of(group)
    assert CANARY not in text
    assert NAME not in text
    assert "sub-exception 2 of 2:" in text
    assert "KeyError" in text


def test_the_filter_is_idempotent_and_a_foreign_formatted_traceback_goes() -> None:
    error = caught()
    record = logging.LogRecord(
        "x", logging.ERROR, __file__, 1, "a %s", (NAME,), (RuntimeError, error, None)
    )
    # Another handler formatted the record before ours: its text holds the message.
    record.exc_text = logging.Formatter().formatException(
        (RuntimeError, error, error.__traceback__)
    )
    for _ in range(2):
        assert ScrubFilter().filter(record)
    text = logging.Formatter().format(record)
    assert NAME not in text
    assert CANARY not in text
    record.exc_text = f"Traceback: {CANARY}"
    assert ScrubFilter().filter(record)
    assert CANARY not in logging.Formatter().format(record)


def test_frames_text_is_the_only_multiline_argument_kept() -> None:
    frames = frames_of(caught())
    assert isinstance(frames, Frames)
    assert render("failed\n%s", (frames,)) == f"failed\n{frames}"
    assert render("failed\n%s", (str(frames) + CANARY,)).startswith("failed\n<redacted:")


def literal_message_calls(root: Path) -> dict[str, list[int]]:
    """Logging calls whose message is not a string literal, by file and line."""
    levels = {"debug", "info", "warning", "error", "exception", "critical"}
    offences: dict[str, list[int]] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            function = node.func
            if not (isinstance(function.value, ast.Name) and function.value.id in LOGGERS):
                continue
            if function.attr in levels:
                message = node.args[0] if node.args else None
            elif function.attr == "log":
                message = node.args[1] if len(node.args) > 1 else None
            else:
                continue
            if not (isinstance(message, ast.Constant) and isinstance(message.value, str)):
                offences.setdefault(str(path.relative_to(root.parent)), []).append(node.lineno)
    return offences


LOGGERS = {"log", "logger", "logging", "_log"}


def test_every_log_message_in_the_app_is_a_literal() -> None:
    """The template is code, so data can only come in through the arguments."""
    assert literal_message_calls(ROOT / "app") == {}


def test_the_literal_check_finds_an_f_string(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "m.py").write_text(
        'import logging\nlog = logging.getLogger()\nname = "x"\n'
        'log.info("ok %s", name)\nlog.info(f"bad {name}")\nlog.log(10, "a" + name)\n',
        encoding="utf-8",
    )
    assert literal_message_calls(package) == {"pkg/m.py": [5, 6]}


# -- crashes -------------------------------------------------------------------------


def test_one_crash_site_is_one_crash_and_its_debug_info_holds_no_message() -> None:
    first, second = caught(), caught("another " + NAME)
    crashes = [Crash.capture(type(e), e, e.__traceback__, "MainThread") for e in (first, second)]
    assert crashes[0].key == crashes[1].key
    assert crashes[0].key[1].startswith("tests/services/test_logs.py:")
    assert crashes[0].key[1].endswith(" in raise_with_canary")
    seen = SeenCrashes()
    assert [seen.first_time(crash) for crash in crashes] == [True, False]
    other = caught_missing_key()
    assert seen.first_time(Crash.capture(KeyMissing, other, other.__traceback__, "t"))
    text = debug_info(crashes[1], {"qt": "6.x"})
    assert "exception: RuntimeError" in text
    assert "in raise_with_canary" in text
    assert "qt: 6.x" in text
    assert NAME not in text
    assert "another" not in text


# -- the files -----------------------------------------------------------------------


@pytest.fixture
def logged(profile: Path) -> Iterator[Path]:
    """The app's logging set up as the entry point does, at DEBUG, into the profile."""
    setup = setup_logging("cli", level=logging.DEBUG, stderr=False, fatal_errors=False)
    assert setup.file is not None
    yield setup.file
    setup.close()


def test_the_log_is_private_and_in_the_platforms_log_folder(logged: Path, profile: Path) -> None:
    logging.getLogger("app.test").debug("client %s %s", NAME, str(HETUS[1]))
    assert logged == paths.user_log_dir() / LOG_FILES["cli"]
    assert logged.is_relative_to(profile)  # the test's, not the worker's (conftest)
    text = logged.read_text(encoding="utf-8")
    assert "DEBUG app.test: client <redacted: 8 chars> <redacted: 11 chars>" in text
    assert "paivystys 0.1.0 (cli) started" in text
    if os.name == "posix":
        assert stat.S_IMODE(logged.stat().st_mode) == 0o600
        assert stat.S_IMODE(logged.parent.stat().st_mode) == 0o700


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_every_rotated_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "r.log"
    path.touch(mode=0o644)
    os.chmod(path, 0o644)
    handler = PrivateRotatingFileHandler(path, maxBytes=200, backupCount=2, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(message)s"))
    try:
        for number in range(20):
            handler.emit(logging.LogRecord("x", 20, "", 1, "line %d " * 5, (number,) * 5, None))
    finally:
        handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["r.log", "r.log.1", "r.log.2"]
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in tmp_path.iterdir()} == {"0o600"}


def test_the_level_comes_from_the_environment() -> None:
    assert level_from_environment({}) == logging.INFO
    assert level_from_environment({"PAIVYSTYS_LOG_LEVEL": "debug"}) == logging.DEBUG
    assert level_from_environment({"PAIVYSTYS_LOG_LEVEL": "warning "}) == logging.WARNING
    assert level_from_environment({"PAIVYSTYS_LOG_LEVEL": "kaikki"}) == logging.INFO


def test_a_headless_crash_is_logged_without_its_message(tmp_path: Path) -> None:
    """A real process: the entry point's hooks log an uncaught exception, scrubbed, in
    the main thread and in a worker thread; stderr keeps Python's own report."""
    # In the profile given, set in code as the tests' children are (tests.app_in_profile).
    code = (
        "import sys, threading\n"
        "from pathlib import Path\n"
        "from app.services import paths\n"
        "from app.services.logs import setup_logging\n"
        "from app.services.crash import install_logging_hooks\n"
        "def worker_fails():\n"
        f"    raise LookupError({NAME!r})\n"
        "def main_fails():\n"
        f"    raise RuntimeError({CANARY!r})\n"
        "with paths.redirected(Path(sys.argv[1])):\n"
        "    setup_logging('cli', fatal_errors=False)\n"
        "    install_logging_hooks()\n"
        "    thread = threading.Thread(target=worker_fails, name='worker')\n"
        "    thread.start(); thread.join()\n"
        "    main_fails()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "child")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    logs = list(files_under(tmp_path / "child"))
    text = "".join(path.read_text(encoding="utf-8") for path in logs)
    assert "worker CRITICAL app.services.crash: unexpected LookupError" in text
    assert "MainThread CRITICAL app.services.crash: unexpected RuntimeError" in text
    assert "<string>:" in text
    assert " in main_fails" in text
    assert " in worker_fails" in text
    assert NAME not in text
    assert "KANARIA" not in text
