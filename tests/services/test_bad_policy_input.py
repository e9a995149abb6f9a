"""The policy file, malformed in every way (properties, Hypothesis).

Whatever lies in the file (random bytes, another encoding, a cut, the example policy
with fields of the wrong type, missing, unknown, huge, deeply nested, a file larger
than the bound), reading it either gives a policy that is what its types declare, or
raises :class:`PolicyError` with a short message that names the file: never another
exception, never a hang.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.domain import schema
from app.domain.policy import Policy
from app.services.paths import EXAMPLE_POLICY
from app.services.policy.load import MAX_POLICY_BYTES, PolicyError, load_policy
from tests.helpers import assert_well_typed, example_data, examples
from tests.hostile import EDGE_STRINGS, broken_bytes, mutated, texts

# Reading a policy takes milliseconds; seconds mean something is badly wrong.
PROPERTY = settings(
    max_examples=examples(60),
    deadline=dt.timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# A message the worker can read in a dialog and helpdesk in a log: one screen at most.
LONGEST_MESSAGE = 1000
EXAMPLE = EXAMPLE_POLICY.read_bytes()
# Every number of seconds in the policy.
TIMEOUTS = ("connect_timeout", "read_timeout", "check_timeout")


# -- writing TOML (tomllib only reads) ------------------------------------------------


def toml_string(text: str) -> str:
    escaped = []
    for ch in text:
        if ch in '"\\':
            escaped.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F or 0xD800 <= ord(ch) <= 0xDFFF:
            escaped.append(f"\\u{ord(ch):04X}")  # a surrogate: TOML refuses it, as it should
        else:
            escaped.append(ch)
    return '"' + "".join(escaped) + '"'


def toml_value(value: Any) -> str:  # noqa: PLR0911
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{toml_string(key)} = {toml_value(item)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    raise TypeError(type(value))


def toml_document(data: dict[str, Any]) -> str:
    """``data`` as TOML: one line per top-level key, tables written inline."""
    return "".join(f"{toml_string(key)} = {toml_value(value)}\n" for key, value in data.items())


TOML_SCALARS = (
    st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats()  # nan and the infinities: TOML writes them
    | texts()
    | st.dates()
    | st.datetimes(timezones=st.none() | st.just(dt.UTC))
    | st.times()
)
TOML_VALUES = st.recursive(
    TOML_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(EDGE_STRINGS) | st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
# A TOML document has no null and no raw tokens.
TOML_OPERATIONS = ("other_type", "delete", "add_key", "wrap", "text", "perturb", "huge")


# -- the property ----------------------------------------------------------------------


def read(tmp_path: Path, content: bytes) -> Policy | PolicyError:
    """Write ``content`` as a policy file and read it: the policy, or the PolicyError."""
    path = tmp_path / f"policy-{uuid.uuid4().hex}.toml"
    path.write_bytes(content)
    policy: Policy | PolicyError
    try:
        policy = load_policy(path)
    except PolicyError as error:
        policy = error
    finally:
        path.unlink()
    if isinstance(policy, PolicyError):
        message = str(policy)
        assert message.startswith(str(path)), "the message names the file first"
        assert policy.problem.strip(), "the message says what is wrong"
        assert len(message) <= LONGEST_MESSAGE, f"a message of {len(message)} characters"
        return policy
    assert_well_typed(policy)
    for table in (*(m.system for m in policy.municipalities), policy.population, policy.vpn):
        for name in TIMEOUTS:
            seconds = getattr(table, name, 1.0)
            assert math.isfinite(seconds), f"{name} is {seconds}"
            assert 0 < seconds <= 600, f"{name} is {seconds}"
    return policy


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("policies")


@PROPERTY
@given(data=st.data())
def test_a_mutated_policy_is_an_error_or_a_valid_policy(folder: Path, data: st.DataObject) -> None:
    document = data.draw(mutated(example_data(), TOML_VALUES, TOML_OPERATIONS, keep_root=True))
    read(folder, toml_document(document).encode("utf-8"))


DEEP_ARRAY = b"version = 1\nx = " + b"[" * 5000 + b"]" * 5000 + b"\n"
DEEP_TABLE = b"x = " + b"{a = " * 5000 + b"1" + b"}" * 5000 + b"\n"


@PROPERTY
@given(content=broken_bytes(EXAMPLE) | st.binary(max_size=300))
# Found: nesting beyond Python's recursion limit raised RecursionError, not PolicyError.
@example(content=DEEP_ARRAY)
@example(content=DEEP_TABLE)
@example(content=EXAMPLE + b"\n# " + b"x" * MAX_POLICY_BYTES)
# Found: a huge value or key went whole into the message (a dialog of 600 000 characters).
@example(content=EXAMPLE.replace(b'type = "effica"', b'type = "' + "Ŧ".encode() * 300_000 + b'"'))
@example(content=EXAMPLE.replace(b"version = 1", b"version = 1\n" + b"x" * 300_000 + b" = 1"))
@example(content=EXAMPLE.replace(b"version = 1", b"version = 1\n" + b'"x" = 1\n' * 10))
def test_malformed_bytes_are_an_error_or_a_valid_policy(folder: Path, content: bytes) -> None:
    read(folder, content)


@PROPERTY
@given(
    field=st.sampled_from(["connect_timeout", "read_timeout"]),
    seconds=st.floats() | st.sampled_from([0.0, -1.0, 1e300, 1e10, 600.0, 601.0]),
)
# Found: an infinite or huge timeout loaded, and every request then failed with an
# OverflowError; one of 10^10 s also killed the deadline watchdog for the whole process.
@example(field="read_timeout", seconds=math.inf)
@example(field="connect_timeout", seconds=1e10)
def test_a_timeout_is_a_bounded_number_of_seconds(folder: Path, field: str, seconds: float) -> None:
    data = example_data()
    data["municipalities"][0]["system"][field] = seconds
    outcome = read(folder, toml_document(data).encode("utf-8"))
    assert isinstance(outcome, Policy) == (0 < seconds <= 600)


TEXT_FIELDS = [
    ("duty_unit", "name"),
    ("registrars", 0, "name_fi"),
    ("municipalities", 1, "name_sv"),
    ("municipalities", 2, "office_hours", "unit"),
    ("municipalities", 3, "help", "login_format"),
]


@PROPERTY
@given(
    where=st.sampled_from(TEXT_FIELDS),
    text=st.text(min_size=1, max_size=200).filter(str.strip),
)
@example(where=("duty_unit", "name"), text="Ŧ" * 400_000)  # large, but within the bound
def test_any_text_in_a_text_field_loads_as_it_was(
    folder: Path, where: tuple[Any, ...], text: str
) -> None:
    data = example_data()
    table = data
    for step in where[:-1]:
        table = table[step]
    table[where[-1]] = text
    policy = read(folder, toml_document(data).encode("utf-8"))
    assert isinstance(policy, Policy), policy
    value: Any = schema.dump(policy)
    for step in where:
        value = value[step]
    assert value == text


def test_the_toml_writer_writes_the_example_policy_as_it_is(folder: Path) -> None:
    written = read(folder, toml_document(example_data()).encode("utf-8"))
    assert written == load_policy(EXAMPLE_POLICY)


def test_a_utf8_byte_order_mark_is_read_past(folder: Path) -> None:
    """Notepad on Windows may save the policy with one."""
    assert read(folder, b"\xef\xbb\xbf" + EXAMPLE) == load_policy(EXAMPLE_POLICY)
