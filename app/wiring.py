"""The services of one session, wired: the window's context and the headless commands'.

Qt-free: the entry point (:mod:`app.main`) parses the command line and hands over
here; tests build the window's context the way the app does (:func:`training_context`).
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, closing, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from app.connectors.base import Credentials
from app.domain.policy import Municipality, Policy
from app.services import paths
from app.services.auth.pin import PinStore
from app.services.auth.signins import POPULATION, SignIns
from app.services.context import AppContext, TrainingInfo
from app.services.outbox.delivery import MaySend
from app.services.outbox.profile import OutboxSetup
from app.services.policy.classroom import classroom_host, join
from app.services.settings import SettingsStore
from app.services.workstation import Workstation

if TYPE_CHECKING:
    from app.training.server import TrainingServer

TrainingSystems: TypeAlias = "Policy | str | TrainingServer"


@dataclass
class Session:
    """What every command but ``training-server`` works against."""

    policy: Policy
    training: bool
    info: TrainingInfo | None
    workstation: Workstation
    # Production: only items of the worker whose kept sign-in sends them.
    may_send: MaySend | None = None
    sign_ins: SignIns | None = None

    def resume_sign_ins(self) -> None:
        """Before sending: resume the sign-ins kept by the app (oidc refresh tokens; the
        identity provider is asked). Commands that send nothing never ask it."""
        if self.sign_ins is not None:
            self.sign_ins.resume_all()


@contextmanager
def training_server(
    systems: TrainingSystems, announce: Callable[[dict[str, Any]], None] | None
) -> Iterator[tuple[Policy, TrainingInfo]]:
    """The training systems' policy and addresses; ``announce`` gets the server's JSON line."""
    from app.training.server import TrainingServer

    embedded = None
    allowance: AbstractContextManager[None] = nullcontext()
    if isinstance(systems, str):
        from app.connectors.tls import plain_http_to

        description, policy = join(systems)
        info = TrainingInfo.from_description(systems, description)
        # Its simulated systems (synthetic clients) answer plain http:// on its host.
        allowance = plain_http_to(classroom_host(systems))
    else:
        if isinstance(systems, TrainingServer):
            server = systems
        else:
            server = embedded = TrainingServer(systems)
            embedded.start()
        description, policy = server.description, server.policy
        info = TrainingInfo.from_description(server.url, description)
    try:
        with allowance:
            if announce is not None:
                announce(description)
            yield policy, info
    finally:
        if embedded is not None:
            embedded.stop()


@contextmanager
def app_context(
    policy: Policy,
    info: TrainingInfo | None,
    settings_path: Path | None,
    worker_name: str | None,
    *,
    sign_in: bool = True,
) -> Iterator[AppContext]:
    """The window's services; the workstation and population register closed on leaving,
    after the window, which has waited for its background work by then.

    The worker signs in to each system as the policy says (``auth``); a training
    context built with ``sign_in=False`` (tests of everything else) uses the
    training password everywhere instead.
    """
    from app.connectors.population import PopulationRegister

    training = info is not None
    with ExitStack() as stack:
        sign_ins: SignIns | None = None
        if sign_in or not training:
            sign_ins = sign_ins_for(policy, training=training)
            workstation = signed_in_workstation(policy, sign_ins)
        else:
            workstation = Workstation(policy, trainee_access)
        stack.enter_context(closing(workstation))
        population: PopulationRegister | None = None
        if policy.population is not None:
            if sign_ins is None:
                population = PopulationRegister(policy.population, trainee())
            elif sign_ins.of(POPULATION) is not None:
                register = sign_ins
                population = PopulationRegister(
                    policy.population, lambda: register.access(POPULATION)
                )
        if population is not None:
            stack.callback(population.close)
        yield AppContext(
            policy=policy,
            workstation=workstation,
            settings=SettingsStore(
                settings_path or paths.user_config_dir(training) / "settings.json"
            ),
            worker_name=worker_name or getpass.getuser(),
            outbox=OutboxSetup.for_mode(training),
            training=info,
            population=population,
            author_for=None if sign_ins is None else sign_ins.author,
            sign_ins=sign_ins,
            sign_in_again=None if sign_ins is None else sign_ins.sign_in_again,
            pins=None if sign_ins is None else PinStore.for_mode(training),
        )


def signed_in_workstation(policy: Policy, sign_ins: SignIns) -> Workstation:
    """The connectors, each authenticated with its municipality's sign-in; a system's
    refusal ends that sign-in (the worker signs in again)."""
    return Workstation(policy, lambda m: sign_ins.access(m.code), on_refused=sign_ins.failed)


def sign_ins_for(policy: Policy, *, training: bool) -> SignIns:
    from app.services.auth.vault import TokenVault

    vault = TokenVault(paths.user_data_dir(training) / "sign-in", training=training)
    hint = None
    if training:
        from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME

        hint = (TRAINING_USERNAME, TRAINING_PASSWORD)
    return SignIns(policy, vault=vault, training_password=hint)


@contextmanager
def training_context(
    systems: TrainingSystems,
    *,
    policy: Policy | None = None,
    settings_path: Path | None = None,
    worker_name: str | None = None,
    announce: Callable[[dict[str, Any]], None] | None = None,
    sign_in: bool = False,
) -> Iterator[AppContext]:
    """The window's context on the training systems, as ``paivystys --training`` builds it.

    ``systems`` says where they are (see :data:`TrainingSystems`); ``announce`` gets
    the server's JSON line. ``policy`` replaces the server's own (tests and benchmarks
    move a system elsewhere); ``settings_path`` and ``worker_name`` default to the
    training profile's settings file and the login name; ``sign_in`` has the worker sign
    in as the policy says (the app does), else the training password is used everywhere
    (tests of everything else). On leaving, the population
    register and the workstation are closed and an embedded server is stopped.
    """
    with (
        training_server(systems, announce) as (served, info),
        app_context(policy or served, info, settings_path, worker_name, sign_in=sign_in) as context,
    ):
        yield context


def trainee() -> Credentials:
    from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME

    return Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)


def trainee_access(municipality: Municipality) -> Credentials:
    return trainee()
