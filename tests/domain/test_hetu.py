"""Identity codes: python-stdnum validates; the century sign is never normalised away."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.domain.hetu import CHECK_CHARACTERS, HetuProblem, InvalidHetu, make_hetu, parse_hetu

CENTURY_SIGNS = {
    "+": 1800,
    "-": 1900,
    "Y": 1900,
    "X": 1900,
    "W": 1900,
    "V": 1900,
    "U": 1900,
    "A": 2000,
    "B": 2000,
    "C": 2000,
    "D": 2000,
    "E": 2000,
    "F": 2000,
}


def code(day: int, month: int, yy: int, sign: str, individual: int) -> str:
    digits = f"{day:02d}{month:02d}{yy:02d}{individual:03d}"
    return f"{digits[:6]}{sign}{digits[6:]}{CHECK_CHARACTERS[int(digits) % 31]}"


@pytest.mark.parametrize(("sign", "century"), sorted(CENTURY_SIGNS.items()))
def test_every_century_sign_is_valid_and_kept(sign: str, century: int) -> None:
    hetu = parse_hetu(code(1, 1, 90, sign, 999))
    assert hetu.century_sign == sign
    assert hetu.birth_date == dt.date(century + 90, 1, 1)


def test_same_digits_with_other_sign_are_other_people() -> None:
    assert parse_hetu(code(1, 1, 90, "-", 999)) != parse_hetu(code(1, 1, 90, "Y", 999))


def test_lowercase_and_whitespace_are_forgiven() -> None:
    canonical = code(24, 12, 69, "A", 956)
    assert parse_hetu(f"  {canonical.lower()}\t").value == canonical


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", HetuProblem.EMPTY),
        ("   ", HetuProblem.EMPTY),
        ("010190", HetuProblem.INCOMPLETE),
        ("010190-99", HetuProblem.INCOMPLETE),
        ("010190Z999K", HetuProblem.FORMAT),
        ("01019O-999K", HetuProblem.FORMAT),
        ("010190-999KK", HetuProblem.FORMAT),
        ("310290-999K", HetuProblem.COMPONENT),  # 31 February
        ("010190-001K", HetuProblem.COMPONENT),  # individual numbers start at 002
    ],
)
def test_invalid_codes_name_the_problem(text: str, problem: HetuProblem) -> None:
    with pytest.raises(InvalidHetu) as caught:
        parse_hetu(text)
    assert caught.value.problem is problem


def test_wrong_check_character() -> None:
    good = code(1, 1, 90, "-", 999)
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(InvalidHetu) as caught:
        parse_hetu(wrong)
    assert caught.value.problem is HetuProblem.CHECKSUM


def test_temporary_numbers_are_recognised() -> None:
    assert parse_hetu(code(1, 1, 90, "-", 999)).is_temporary
    assert parse_hetu(code(1, 1, 90, "-", 900)).is_temporary
    assert not parse_hetu(code(1, 1, 90, "-", 899)).is_temporary


def test_repr_does_not_leak_the_code() -> None:
    hetu = parse_hetu(code(1, 1, 90, "-", 999))
    assert hetu.value not in repr(hetu)


def test_age_and_childhood() -> None:
    hetu = make_hetu(dt.date(2010, 6, 15), 950, "B")
    assert hetu.age_on(dt.date(2028, 6, 14)) == 17
    assert hetu.is_child_on(dt.date(2028, 6, 14))
    assert not hetu.is_child_on(dt.date(2028, 6, 15))


@given(
    born=st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2099, 12, 31)),
    individual=st.integers(min_value=900, max_value=999),
    data=st.data(),
)
def test_every_synthetic_code_round_trips(
    born: dt.date, individual: int, data: st.DataObject
) -> None:
    signs = [sign for sign, century in CENTURY_SIGNS.items() if century == born.year // 100 * 100]
    sign = data.draw(st.sampled_from(signs))
    hetu = make_hetu(born, individual, sign)
    assert parse_hetu(hetu.value.lower()) == hetu
    assert hetu.birth_date == born
    assert hetu.century_sign == sign


# Characters a pasted or hostile code may carry in place of the real ones.
DASHES = ["‐", "‑", "−", "–", "—"]
LOOK_ALIKES = [*DASHES, "０", "１", "９", "Ａ", " ", "\u00a0", "\u200b", "\t"]


@given(
    born=st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2099, 12, 31)),
    individual=st.integers(min_value=900, max_value=999),
    at=st.integers(min_value=0, max_value=10),
    look_alike=st.sampled_from(LOOK_ALIKES),
)
# Found: python-stdnum reads U+2010 as '-' and validated the code, but parse_hetu kept
# the original character: a Hetu that was no canonical code, whose birth_date raised
# KeyError, and that no client system would know.
@example(born=dt.date(1990, 1, 1), individual=901, at=6, look_alike="‐")
@example(born=dt.date(2000, 1, 1), individual=900, at=6, look_alike="‐")  # another century
def test_a_parsed_code_is_canonical_whatever_was_typed(
    born: dt.date, individual: int, at: int, look_alike: str
) -> None:
    code = make_hetu(born, individual).value
    try:
        hetu = parse_hetu(code[:at] + look_alike + code[at + 1 :])
    except InvalidHetu:
        return
    assert re.fullmatch(r"[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]", hetu.value)
    hetu.birth_date  # noqa: B018 - it must not raise
    if code[at] == "-" and look_alike in DASHES:
        assert hetu == make_hetu(born, individual)
