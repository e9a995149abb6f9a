"""What the worker is told when a system's certificate is refused: what happened and
what to do, in Finnish, distinct for each problem, never the helpdesk detail."""

from __future__ import annotations

import pytest

from app.connectors.errors import TrustProblem, Unreachable, Untrusted
from app.domain.policy import Policy
from app.ui import messages
from app.ui.client.population import failure_text

DETAIL = "GET /v1/health: certificate not trusted (self-signed certificate); nothing was sent"


@pytest.mark.parametrize("problem", list(TrustProblem), ids=lambda problem: problem.name)
def test_a_refused_certificate_says_what_happened_and_what_to_do(
    example_policy: Policy, problem: TrustProblem
) -> None:
    hyvinkaa = example_policy.municipality("106")
    text = messages.connector_failure(
        Untrusted(DETAIL, problem), hyvinkaa, messages.Operation.LOOKUP
    )
    assert "Hyvinkää, Pro Consona" in text
    assert "mitään" in text  # nothing was sent
    assert "IT-tukeen: " + hyvinkaa.help.helpdesk_phone in text
    assert "{" not in text
    assert "certificate" not in text  # the helpdesk detail stays out of the worker's text
    assert "VPN" not in text  # not the unreachable system's advice


def test_each_certificate_problem_reads_differently(example_policy: Policy) -> None:
    hyvinkaa = example_policy.municipality("106")
    texts = {
        problem: messages.connector_failure(
            Untrusted(DETAIL, problem), hyvinkaa, messages.Operation.LOOKUP
        )
        for problem in TrustProblem
    }
    assert "ei ole luotettu" in texts[TrustProblem.NOT_TRUSTED]
    assert "vanhentunut" in texts[TrustProblem.EXPIRED]
    assert "päivämäärä" in texts[TrustProblem.EXPIRED]  # a wrong clock looks like this
    assert "toiselle palvelimelle" in texts[TrustProblem.WRONG_HOST]
    assert "asetukset hyväksyvät" in texts[TrustProblem.PIN_MISMATCH]
    certificate_problems = [
        TrustProblem.NOT_TRUSTED,
        TrustProblem.EXPIRED,
        TrustProblem.WRONG_HOST,
        TrustProblem.PIN_MISMATCH,
    ]
    assert len({texts[problem] for problem in certificate_problems}) == 4
    unreachable = messages.connector_failure(
        Unreachable("GET /v1/health: SSLError"), hyvinkaa, messages.Operation.LOOKUP
    )
    assert "VPN" in unreachable
    assert unreachable not in texts.values()


def test_the_population_panel_words_it_too() -> None:
    text = failure_text(Untrusted(DETAIL, TrustProblem.EXPIRED))
    assert "varmenne" in text
    assert "IT-tukeen" in text
    assert "certificate" not in text
