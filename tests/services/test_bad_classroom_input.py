"""A classroom server's documents, malformed in every way (properties, Hypothesis).

A scripted server on 127.0.0.1 serves the root document and the training policy as a
classroom server would, broken: fields of the wrong type, missing, unknown, huge,
bodies cut, in other encodings, deeply nested, oversized, behind a wrong content type
or encoding, and policies that would run a program (``vpn.connect_command``) in every
form. Joining either gives a training policy that runs nothing and is what its types
declare, or raises :class:`ClassroomError` with a message: never another exception,
never a command accepted.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.domain import schema
from app.domain.policy import Policy
from app.services.policy.classroom import ClassroomError, join
from app.training.server import training_policy
from tests.fakes import Answer, ScriptedServer
from tests.helpers import assert_well_typed, examples
from tests.hostile import GZIP_BOMB, Wire, deep_json, json_bodies, json_values, on_the_wire

PROPERTY = settings(
    max_examples=examples(60),
    deadline=dt.timedelta(seconds=20),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LONGEST_MESSAGE = 1000
TRAINING = "http://127.0.0.1:9"  # where the served documents say the systems are
# vpn.connect_command in every form a served policy might try.
COMMANDS = st.one_of(
    st.sampled_from(
        [
            ["calc.exe"],
            "calc.exe",
            [["calc.exe"]],
            ["", "x"],
            [" "],
            [1],
            {"program": "calc.exe"},
            ["sh", "-c", "touch /tmp/ran"],
        ]
    ),
    json_values(4),
)


@pytest.fixture(scope="module")
def served(example_policy: Policy) -> dict[str, Any]:
    """What a classroom server serves: its root document and its training policy."""
    urls = {m.code: f"{TRAINING}/{m.code}" for m in example_policy.municipalities}
    policy = training_policy(example_policy, urls, f"{TRAINING}/population")
    description = {
        "url": TRAINING,
        "systems": urls,
        "population": f"{TRAINING}/population",
        "control": f"{TRAINING}/control",
        "inspect": f"{TRAINING}/inspect",
    }
    return {"/": description, "/policy": schema.dump(policy)}


@pytest.fixture(scope="module")
def classroom() -> Iterator[ScriptedServer]:
    with ScriptedServer() as server:
        yield server


def plain(document: Any) -> Wire:
    body = json.dumps(document).encode("utf-8")
    return Wire(body, (("Content-Type", "application/json"),), body)


def joined(
    classroom: ScriptedServer, root: Wire, policy: Wire, status: int = 200
) -> tuple[dict[str, Any], Policy] | ClassroomError:
    """Serve ``root`` and ``policy`` and join: the description and policy, or the error."""
    classroom.script(
        {
            ("GET", "/"): Answer(status, root.body, root.headers),
            ("GET", "/policy"): Answer(status, policy.body, policy.headers),
        }
    )
    try:
        return join(classroom.url)
    except ClassroomError as error:
        refused = error
    assert str(refused).strip(), "an error without a message"
    assert len(str(refused)) <= LONGEST_MESSAGE, f"a message of {len(str(refused))} characters"
    return refused


def check(outcome: tuple[dict[str, Any], Policy] | ClassroomError, policy: Wire) -> None:
    if isinstance(outcome, ClassroomError):
        return
    _, joined_policy = outcome
    assert joined_policy.training
    assert joined_policy.vpn.connect_command == ()
    assert_well_typed(joined_policy)
    # Whatever form the command took, none was in what was accepted.
    served = json.loads(policy.decoded or b"null")
    assert not served["vpn"].get("connect_command") if "vpn" in served else True


@PROPERTY
@given(data=st.data())
def test_a_broken_root_document_is_refused_or_harmless(
    classroom: ScriptedServer, served: dict[str, Any], data: st.DataObject
) -> None:
    body = data.draw(json_bodies(served["/"]), label="body")
    root = data.draw(on_the_wire(body), label="wire")
    check(joined(classroom, root, plain(served["/policy"])), plain(served["/policy"]))


@PROPERTY
@given(data=st.data())
def test_a_broken_policy_document_is_refused_or_harmless(
    classroom: ScriptedServer, served: dict[str, Any], data: st.DataObject
) -> None:
    document = served["/policy"]
    if data.draw(st.booleans(), label="with a command"):
        document = json.loads(json.dumps(document))
        document["vpn"]["connect_command"] = data.draw(COMMANDS, label="command")
    body = data.draw(json_bodies(document), label="body")
    policy = data.draw(on_the_wire(body), label="wire")
    check(joined(classroom, plain(served["/"]), policy), policy)


@PROPERTY
@given(command=COMMANDS.filter(bool))
def test_a_served_command_is_never_accepted(
    classroom: ScriptedServer, served: dict[str, Any], command: Any
) -> None:
    document = json.loads(json.dumps(served["/policy"]))
    document["vpn"]["connect_command"] = command
    outcome = joined(classroom, plain(served["/"]), plain(document))
    assert isinstance(outcome, ClassroomError)


@PROPERTY
@given(
    body=st.binary(max_size=300),
    status=st.sampled_from([200, 200, 204, 301, 404, 500]),
    claims_gzip=st.booleans(),
)
# Found: nesting beyond the recursion limit raised RecursionError, and a body that is not
# the gzip its Content-Encoding says raised urllib3's DecodeError; neither a ClassroomError.
@example(body=deep_json(), status=200, claims_gzip=False)
@example(body=b"garbage", status=200, claims_gzip=True)
@example(body=GZIP_BOMB, status=200, claims_gzip=True)
def test_any_bytes_served_are_refused(
    classroom: ScriptedServer,
    served: dict[str, Any],
    body: bytes,
    status: int,
    claims_gzip: bool,
) -> None:
    wire = Wire(body, (("Content-Encoding", "gzip"),) if claims_gzip else (), None)
    for root, policy in ((wire, plain(served["/policy"])), (plain(served["/"]), wire)):
        outcome = joined(classroom, root, policy, status)
        assert isinstance(outcome, ClassroomError)


def test_a_lone_surrogate_in_a_served_text_is_refused(
    classroom: ScriptedServer, served: dict[str, Any]
) -> None:
    """Found: a municipality's name of an escaped lone surrogate was accepted as text."""
    document = json.loads(json.dumps(served["/policy"]))
    document["municipalities"][0]["name_fi"] = "Hyvink\ud800"
    outcome = joined(classroom, plain(served["/"]), plain(document))
    assert isinstance(outcome, ClassroomError)


def test_the_served_documents_join(classroom: ScriptedServer, served: dict[str, Any]) -> None:
    """The rig itself: unbroken, the documents are joined."""
    outcome = joined(classroom, plain(served["/"]), plain(served["/policy"]))
    assert not isinstance(outcome, ClassroomError), outcome
    assert outcome[0] == served["/"]
