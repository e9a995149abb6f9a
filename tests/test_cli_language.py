"""The command line's language (docs/translations.md): Finnish by default; Swedish and
English complete, with no Finnish word left; chosen by ``--lang`` (before or after the
command), else the worker's settings, else the policy's ``duty_unit.language``.

A Finnish word is one of a Finnish source string that no translation uses (as in
tests/ui/test_translations.py); data (the policy's names, paths) is left out.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.language import Language
from app.main import build_parser, use_language
from app.services import i18n, paths
from app.services.settings import SettingsStore, UserSettings
from app.training.server import TrainingServer
from tests.gui_helpers import TRANSLATIONS_SCRIPT, finnish_words, words
from tests.helpers import app_command, example_data, write_toml

ROOT = Path(__file__).resolve().parents[1]


PROFILE: list[Path] = []


@pytest.fixture(autouse=True)
def this_tests_profile(profile: Path) -> Iterator[None]:
    """:func:`run` starts the app in this test's profile (conftest's)."""
    PROFILE.append(profile)
    yield
    PROFILE.pop()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m app ARGS`` in this test's profile, where :func:`choose_in_settings`
    writes (tests.helpers.app_command)."""
    return subprocess.run(
        app_command(PROFILE[-1], *args),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=dict(os.environ),
    )


def finnish_lines(output: str, training: TrainingServer) -> list[str]:
    """The lines of ``output`` with a Finnish word that is not data."""
    data = words(repr(training.policy)) | words(str(paths.user_data_dir(training=True)))
    finnish = finnish_words() - data
    return [line for line in output.splitlines() if words(line) & finnish]


def choose_in_settings(language: Language) -> None:
    """The worker's choice (Ohje → Kieli) in the training profile's settings."""
    store = SettingsStore(paths.user_config_dir(training=True) / "settings.json")
    store.save(UserSettings(language=language))


@pytest.fixture(autouse=True)
def finnish_afterwards() -> object:
    """In-process tests install a language: leave the words Finnish for the next test."""
    yield None
    i18n.set_translate(None)


@pytest.mark.parametrize("command", [["doctor"], ["outbox", "status"]], ids=["doctor", "status"])
def test_finnish_by_default(training: TrainingServer, command: list[str]) -> None:
    done = run(*command, "--training-server", training.url)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "lähtevät: 0 odottaa, 0 lähdössä, 0 vaatii huomiota, 0 luonnos(ta)" in done.stdout
    if command == ["doctor"]:
        assert done.stdout.startswith("käytäntö: kunnossa (6 kuntaa, sarjanumero 0)\n")
    # (What finds Finnish in Swedish and English below finds it here.)
    assert finnish_lines(done.stdout, training) != []


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    "command",
    [["doctor"], ["outbox", "status"], ["outbox", "flush"], ["duty-hours"]],
    ids=["doctor", "status", "flush", "duty-hours"],
)
def test_swedish_and_english_have_no_finnish_line(
    training: TrainingServer, command: list[str], language: str
) -> None:
    code = training.policy.municipalities[2].code
    training.set_online(code, False)  # doctor's "not reachable" line too
    done = run(*command, "--training-server", training.url, "--lang", language)
    assert done.returncode in (0, 1), done.stdout + done.stderr
    assert done.stdout.strip()
    assert finnish_lines(done.stdout, training) == []


@pytest.mark.parametrize("language", ["sv", "en"])
def test_help_and_usage_errors_have_no_finnish_line(
    training: TrainingServer, language: str
) -> None:
    for command in ([], ["doctor"], ["outbox"], ["policy", "check"], ["training-server"]):
        done = run("--lang", language, *command, "--help")
        assert done.returncode == 0, done.stderr
        assert finnish_lines(done.stdout, training) == [], command
    wrong = run("--lang", language, "outbox", "nonsense")
    assert wrong.returncode == 64
    assert finnish_lines(wrong.stderr, training) == []
    assert {"sv": "användning: ", "en": "usage: "}[language] in wrong.stderr


def test_the_self_test_speaks_the_language(tmp_path: Path) -> None:
    done = run("--self-test", "--training", "--lang", "sv")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "självtest: i ordning" in done.stdout.splitlines()
    data = words(str(paths.RESOURCES)) | words(str(paths.EXAMPLE_POLICY))
    finnish = finnish_words() - data
    assert [line for line in done.stdout.splitlines() if words(line) & finnish] == []


def test_json_stays_english_whatever_the_language(training: TrainingServer) -> None:
    finnish = run("doctor", "--json", "--training-server", training.url)
    swedish = run("doctor", "--json", "--training-server", training.url, "--lang", "sv")
    first, second = json.loads(finnish.stdout), json.loads(swedish.stdout)
    first.pop("checked_at")
    second.pop("checked_at")
    assert first == second
    assert first["keyring"]["backend"] == second["keyring"]["backend"]


def test_the_workers_settings_choose_the_language(training: TrainingServer) -> None:
    choose_in_settings("sv")
    done = run("outbox", "status", "--training-server", training.url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("utkorg: 0 väntar, 0 skickas")
    helped = run("outbox", "--help", "--training-server", training.url)
    assert helped.stdout.startswith("användning: paivystys outbox")
    # --lang for one run goes before the settings.
    given = run("outbox", "status", "--training-server", training.url, "--lang", "en")
    assert given.stdout.startswith("outbox: 0 waiting, 0 sending")
    # --training reads the training profile's settings as --training-server does; the
    # production profile's are not the training's.
    assert run("outbox", "status", "--training").stdout.startswith("utkorg:")
    production = SettingsStore(paths.user_config_dir() / "settings.json")
    production.save(UserSettings(language="en"))
    assert run("outbox", "status", "--training").stdout.startswith("utkorg:")


def policy_in(language: Language, tmp_path: Path) -> Path:
    data = example_data()
    data["duty_unit"]["language"] = language
    return write_toml(tmp_path / "policy.toml", data)


def test_the_policys_default_language_comes_after_the_workers(tmp_path: Path) -> None:
    policy = str(policy_in("en", tmp_path))
    done = run("doctor", "--training", "--policy", policy)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("policy: ok (6 municipalities, serial 0)\n")
    duty = run("duty-hours", "--training", "--policy", policy, "--at", "2026-01-12T10:00")
    assert duty.stdout.startswith("duty: OFF: office hours\n")
    choose_in_settings("sv")
    chosen = run("doctor", "--training", "--policy", policy)
    assert chosen.stdout.startswith("policy: i ordning (6 kommuner, serienummer 0)\n")
    given = run("doctor", "--training", "--policy", policy, "--lang", "fi")
    assert given.stdout.startswith("käytäntö: kunnossa (6 kuntaa, sarjanumero 0)\n")


def python_says(code: str) -> subprocess.CompletedProcess[str]:
    """``python -c CODE`` from the repository, its output as text."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_finnish_loads_no_qt() -> None:
    code = (
        "import sys, app.main\n"
        "app.main.use_language('fi')\n"
        "app.main.build_parser().format_help()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6'))"
    )
    done = python_says(code)
    assert done.stdout.strip() == "[]", done.stderr


def test_swedish_loads_qtcore_alone() -> None:
    code = (
        "import sys, app.main\n"
        "app.main.use_language('sv')\n"
        "app.main.build_parser().format_help()\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6.Qt')))"
    )
    done = python_says(code)
    assert done.stdout.strip() == "['PySide6.QtCore']", done.stderr


def test_the_translator_needs_no_application() -> None:
    """QtCore's translator alone, in a process without a QCoreApplication."""
    code = (
        "import app.main\n"
        "from app.services.i18n import translate\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app.main.use_language('en')\n"
        "assert QCoreApplication.instance() is None\n"
        "print(translate('Doctor', 'tavoitettavissa'))"
    )
    done = python_says(code)
    assert done.stdout.strip() == "reachable", done.stderr


@pytest.mark.parametrize(
    ("language", "usage"), [("fi", "käyttö: "), ("sv", "användning: "), ("en", "usage: ")]
)
def test_the_parser_is_built_in_the_language_installed(language: Language, usage: str) -> None:
    use_language(language)
    assert build_parser().format_usage().startswith(usage)


def test_nothing_is_left_to_translate() -> None:
    done = subprocess.run(
        [sys.executable, str(TRANSLATIONS_SCRIPT), "todo"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "")
