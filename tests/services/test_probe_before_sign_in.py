"""A probe needs no sign-in: helpdesk's ``doctor`` on a fresh workstation, before any
worker has signed in, must report the systems that answer as reachable (it said
"NOT reachable (SignInRequired)" for every system, found by following the helpdesk
guide on a fresh Debian), while nothing that needs a sign-in goes anywhere."""

from __future__ import annotations

import pytest

from app.connectors import errors
from app.connectors.base import Access
from app.domain.hetu import parse_hetu
from app.domain.policy import Municipality
from app.services.workstation import Workstation
from app.training.server import TrainingServer


def nobody_signed_in(municipality: Municipality) -> Access:
    raise errors.SignInRequired(f"{municipality.code}: not signed in")


def test_every_system_answers_a_probe_before_anyone_signs_in(training: TrainingServer) -> None:
    station = Workstation(training.policy, nobody_signed_in)
    for municipality in training.policy.municipalities:
        health = station.probe(municipality.code)
        assert health.system_version, municipality.code


def test_without_a_sign_in_nothing_else_is_sent(training: TrainingServer) -> None:
    station = Workstation(training.policy, nobody_signed_in)
    code = training.policy.municipalities[0].code
    station.probe(code)
    with pytest.raises(errors.SignInRequired):
        station.lookup(code, parse_hetu("140317A9139"))


def test_an_unreachable_system_is_still_unreachable(training: TrainingServer) -> None:
    code = training.policy.municipalities[0].code
    training.set_online(code, False)
    station = Workstation(training.policy, nobody_signed_in)
    with pytest.raises(errors.Unreachable):
        station.probe(code)
