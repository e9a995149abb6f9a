"""Shared fixtures: a temporary profile, the example policy, the training systems."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import keyring
import keyring.backends.fail
import keyring.core
import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.connectors.base import ClientSystem, Credentials
from app.connectors.registry import create_connector, known_systems
from app.domain.policy import Municipality, Policy
from app.services import paths
from app.services.outbox.sending import SendingService
from app.services.outbox.store import Outbox
from app.services.paths import EXAMPLE_POLICY
from app.services.policy.load import load_policy
from app.services.workstation import Workstation
from app.training.data import SyntheticClient
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.kerberos_realm import Realm, make_kdc, use_realm

# Hypothesis profiles, chosen with ``--hypothesis-profile NAME``. "ci": the same examples
# on every run (a failure reproduces), none remembered between runs; "thorough": ten times
# the examples, for a campaign by hand. Property tests scale their example counts with
# the profile (tests.helpers.examples).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("thorough", max_examples=1000)

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from app.ui.main_window import MainWindow
    from tests.gui_helpers import WindowOpener


@pytest.fixture(autouse=True)
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets an empty profile under tmp_path, on every platform: the app's
    config, data, state and log dirs are redirected there in code
    (:func:`app.services.paths.redirected`; its children the same way,
    :func:`tests.helpers.app_command`). The XDG variables point there too, for what
    reads them on Linux besides the app (Qt, gnome-keyring, ...); platformdirs ignores
    them on Windows."""
    home = tmp_path / "profile"
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(home / "site"))
    with paths.redirected(home):
        yield home


@pytest.fixture(autouse=True)
def no_credential_store(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests never touch the developer's own credential store, in-process or in the
    processes they start: no keyring backend unless a test sets one explicitly.

    (Also keeps test backends from being discovered: keyring registers every
    KeyringBackend subclass, and its chainer would pick up the tests' hanging one.)
    """
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous = keyring.core._keyring_backend
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.core._keyring_backend = previous


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    """A real SQLCipher outbox with a random key (no credential store involved)."""
    box = Outbox.open(tmp_path / "outbox.db", secrets.token_bytes(32))
    yield box
    box.close()


@pytest.fixture
def workstation(training: TrainingServer) -> Iterator[Workstation]:
    """The training systems' connectors, logged in with the training credentials."""
    credentials = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
    station = Workstation(training.policy, lambda municipality: credentials)
    yield station
    station.close()


@pytest.fixture
def sending(outbox: Outbox, workstation: Workstation) -> SendingService:
    return SendingService(outbox, workstation)


@pytest.fixture(scope="session")
def example_policy() -> Policy:
    return load_policy(EXAMPLE_POLICY)


@pytest.fixture
def training(example_policy: Policy) -> Iterator[TrainingServer]:
    """The training systems of the example policy, on 127.0.0.1, fresh per test."""
    with TrainingServer(example_policy) as server:
        yield server


@pytest.fixture(autouse=True)
def gui_thread_collector(request: pytest.FixtureRequest) -> Iterator[None]:
    """In a Qt test, Python's cycle collector runs on the GUI thread, as in the app
    (:mod:`app.ui.collector`): a worker thread never destroys a Qt object."""
    if "qapp" not in request.fixturenames:
        yield
        return
    from app.ui.collector import GuiThreadCollector

    collector = GuiThreadCollector(request.getfixturevalue("qapp"))
    yield
    collector.stop()
    collector.deleteLater()


@pytest.fixture(autouse=True)
def finnish_locale(request: pytest.FixtureRequest) -> Iterator[None]:
    """In a Qt test, dates and numbers are Finland's Finnish, as the app's default language
    makes them (app.ui.app.install_translations), not the machine's; the ``language``
    fixture changes them for its test."""
    if "qapp" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Finnish, QLocale.Country.Finland))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def opener(qtbot: QtBot, training: TrainingServer, tmp_path: Path) -> Iterator[WindowOpener]:
    """Opens main windows on the training systems; closes them and their threads after."""
    from tests.gui_helpers import WindowOpener

    windows = WindowOpener(qtbot, training, tmp_path)
    yield windows
    windows.close_all()


@pytest.fixture
def window(opener: WindowOpener) -> MainWindow:
    """A shown main window on the training systems, its outbox open."""
    window = opener.open()
    assert window.outbox.available
    return window


@pytest.fixture(params=known_systems())
def system_type(request: pytest.FixtureRequest) -> str:
    """Each client system type the app knows, in turn."""
    value: str = request.param
    return value


@pytest.fixture
def municipality(training: TrainingServer, system_type: str) -> Municipality:
    """The example policy's first municipality on ``system_type``."""
    for municipality in training.policy.municipalities:
        if municipality.system.type == system_type:
            return municipality
    raise AssertionError(f"the example policy has no {system_type} municipality")


@pytest.fixture
def connector(municipality: Municipality) -> Iterator[ClientSystem]:
    """That municipality's connector on its training system, logged in."""
    connector = create_connector(
        municipality.system, Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
    )
    yield connector
    connector.close()


@pytest.fixture
def clients(training: TrainingServer, municipality: Municipality) -> list[SyntheticClient]:
    """That municipality's synthetic clients, as its training system holds them."""
    return training.systems[municipality.code].clients


@pytest.fixture(scope="module")
def kdc() -> Iterator[Realm]:
    """A real MIT Kerberos KDC for the module (skipped where it cannot run)."""
    yield from make_kdc()


@pytest.fixture
def realm(kdc: Realm, monkeypatch: pytest.MonkeyPatch) -> Realm:
    """The realm's environment for this test only (the in-process Kerberos reads it)."""
    return use_realm(kdc, monkeypatch)
