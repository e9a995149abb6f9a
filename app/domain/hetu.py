"""Finnish personal identity codes (henkilötunnus, HETU).

Validation is python-stdnum's. What this module adds is the duty's view of a
code: the century sign is part of the identity (``010190-999K`` and
``010190Y999K`` can be two people), so it is never normalised away, and the
temporary individual numbers 900–999 are told apart from real ones because
production must flag them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

_CENTURY = {"+": 1800}
_CENTURY.update(dict.fromkeys("-YXWVU", 1900))
_CENTURY.update(dict.fromkeys("ABCDEF", 2000))

CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"

LOOKS_LIKE_HETU = re.compile(
    r"(?<![0-9])[0-9]{6}(?:[-+A-FU-Y]|%2B)[0-9]{3}[0-9A-Z]?(?![0-9])", re.IGNORECASE
)
"""Anything shaped like an identity code in a text, valid or not, in either case, with
or without its check character, its ``+`` also URL-encoded: what a log must never hold."""


class HetuProblem(Enum):
    """Why a string is not an identity code; the UI words each one."""

    EMPTY = "empty"
    INCOMPLETE = "incomplete"
    FORMAT = "format"
    COMPONENT = "component"
    CHECKSUM = "checksum"


class InvalidHetu(ValueError):
    def __init__(self, problem: HetuProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Hetu:
    """A valid identity code, in its canonical upper-case form."""

    value: str

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        # Identity codes must not end up in logs through a repr.
        return "Hetu(<redacted>)"

    @property
    def century_sign(self) -> str:
        return self.value[6]

    @property
    def individual_number(self) -> int:
        return int(self.value[7:10])

    @property
    def is_temporary(self) -> bool:
        """900–999 are temporary or test numbers, never a real person's."""
        return self.individual_number >= 900

    @property
    def birth_date(self) -> dt.date:
        day, month, year = int(self.value[0:2]), int(self.value[2:4]), int(self.value[4:6])
        return dt.date(_CENTURY[self.century_sign] + year, month, day)

    def age_on(self, day: dt.date) -> int:
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def is_child_on(self, day: dt.date) -> bool:
        """A child in the sense of the Child Welfare Act: under 18."""
        return self.age_on(day) < 18


def parse_hetu(text: str) -> Hetu:
    """Parse user input: surrounding whitespace and lower case are forgiven.

    Raises :class:`InvalidHetu` naming what is wrong. Temporary numbers are
    accepted here; whether they are allowed is the caller's policy.
    """
    code = text.strip().upper()
    if not code:
        raise InvalidHetu(HetuProblem.EMPTY)
    if len(code) < 11:
        raise InvalidHetu(HetuProblem.INCOMPLETE)
    # Imported at the first code parsed: the log's scrub needs this module at start,
    # python-stdnum (with its urllib and ssl) only a code typed in.
    from stdnum import exceptions as stdnum_errors
    from stdnum.fi import hetu as stdnum_hetu

    try:
        # The validated code, not the text: python-stdnum reads look-alikes (a pasted
        # U+2010 hyphen) as the real character, and the Hetu must hold the real one.
        code = stdnum_hetu.validate(code, allow_temporary=True)
    except stdnum_errors.InvalidChecksum as error:
        raise InvalidHetu(HetuProblem.CHECKSUM) from error
    except stdnum_errors.InvalidComponent as error:
        raise InvalidHetu(HetuProblem.COMPONENT) from error
    except stdnum_errors.ValidationError as error:
        raise InvalidHetu(HetuProblem.FORMAT) from error
    return Hetu(code)


def make_hetu(born: dt.date, individual: int, century_sign: str | None = None) -> Hetu:
    """Build a valid code; used for synthetic people (individual 900–999)."""
    if century_sign is None:
        century_sign = {1800: "+", 1900: "-", 2000: "A"}[born.year // 100 * 100]
    digits = f"{born.day:02d}{born.month:02d}{born.year % 100:02d}{individual:03d}"
    check = CHECK_CHARACTERS[int(digits) % 31]
    return parse_hetu(f"{digits[:6]}{century_sign}{digits[6:]}{check}")
