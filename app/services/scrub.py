"""What may reach a log: the rule that keeps client data out, and tracebacks without data.

Names and narratives cannot be recognised by their shape, so the rule is structural:
it decides by where a piece of text comes from, not by what it looks like.

* A record's message template is code: ``tests/test_logs.py`` checks that every
  logging call in ``app/`` passes a string literal as its message, so no f-string,
  ``format`` or concatenation can carry data into it.
* Its arguments are data, kept only by kind: numbers, booleans, None, enum members,
  classes (an exception's type: its name), UUIDs, an exception (its type; its message
  only for :data:`DATA_FREE` types), :class:`Frames`, and a string only when it is a
  *code* (at most 40 characters of lower-case ASCII letters, digits and ``_ . : / -``,
  e.g. a municipality code, an error code, an enum value) or a text the platform
  itself defines (an exception class's name, an ``os.strerror`` text, an HTTP
  method or protocol version). Anything else
  becomes ``<redacted: N chars>`` or ``<redacted: TypeName>``.
* An exception's traceback keeps, per frame, the file (relative to the application
  or Python's library), the line number and the function, and of each exception in
  the chain its type; its message only for :data:`DATA_FREE` types; never a local
  value or a source line.
* Last, whatever is left is searched for anything shaped like an identity code
  (:data:`app.domain.hetu.LOOKS_LIKE_HETU`), which becomes ``<hetu>``.

:class:`ScrubFilter` applies this to a record in place: its message is rendered and
scrubbed, its arguments dropped, its exception replaced by the safe traceback. It is
idempotent, so one instance can sit on every handler.
"""

from __future__ import annotations

import errno
import logging
import os
import sysconfig
import traceback
import uuid
from collections.abc import Mapping
from enum import Enum
from functools import cache
from pathlib import Path, PurePath
from typing import Any

from app.domain.hetu import LOOKS_LIKE_HETU

# Named, not imported: the log is set up first thing at start, and importing these
# would load the connectors, the outbox and the keyring before the window shows. An
# exception of one of them is, or derives from, a class of exactly this module and name.
DATA_FREE: frozenset[str] = frozenset(
    {
        "app.connectors.errors.ConnectorError",
        "app.services.outbox.keys.OutboxError",
        "app.services.policy.load.PolicyError",
        "app.services.policy.classroom.ClassroomError",
        "app.domain.hetu.InvalidHetu",
        "app.services.outbox.drafts.UnreadableDraft",
    }
)
"""Our own error types whose messages are data-free by their contract (each class's
docstring says so): their message may reach a log, after the identity-code scrub.
``tests/services/test_logs.py`` checks that each name is such a class."""


def is_data_free(error: BaseException) -> bool:
    """Whether ``error``'s type is, or derives from, a :data:`DATA_FREE` type."""
    return any(
        f"{kind.__module__}.{kind.__qualname__}" in DATA_FREE for kind in type(error).__mro__
    )


MAX_CODE = 40
_CODE_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.:/-")
HETU_MARK = "<hetu>"
_APP_ROOT = Path(__file__).resolve().parent.parent.parent


class Frames(str):
    """A traceback made by :func:`frames_of`: frames and exception types, no data.

    The one kind of multi-line text a record may carry as an argument.
    """

    __slots__ = ()


def scrub_hetu(text: str) -> str:
    return LOOKS_LIKE_HETU.sub(HETU_MARK, text)


# The words of an HTTP request line, as a library logs it.
_PROTOCOL_WORDS = (
    "GET",
    "HEAD",
    "POST",
    "PUT",
    "PATCH",
    "DELETE",
    "OPTIONS",
    "HTTP/1.0",
    "HTTP/1.1",
)


@cache
def _platform_texts() -> frozenset[str]:
    return frozenset([*(os.strerror(number) for number in errno.errorcode), *_PROTOCOL_WORDS])


def _exception_names() -> set[str]:
    names: set[str] = set()
    seen: set[type[BaseException]] = set()
    pending: list[type[BaseException]] = [BaseException]
    while pending:
        kind = pending.pop()
        if kind not in seen:
            seen.add(kind)
            names.add(kind.__name__)
            pending.extend(kind.__subclasses__())
    return names


def is_code(text: str) -> bool:
    """A short lower-case ASCII token: what a code looks like, never a sentence or a name
    as a register writes it."""
    return 0 < len(text) <= MAX_CODE and _CODE_CHARACTERS.issuperset(text)


def _safe_text(text: str) -> str:
    if is_code(text) or text in _platform_texts() or text in _exception_names():
        return text
    return f"<redacted: {len(text)} chars>"


def type_name(kind: type[BaseException]) -> str:
    """``RuntimeError``, ``app.services.outbox.keys.WrongKey``: builtins without a module."""
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def exception_line(error: BaseException, messages: bool = True) -> str:
    """The exception's type, and its message only if its type is :data:`DATA_FREE` (and
    ``messages`` is true)."""
    line = type_name(type(error))
    if messages and is_data_free(error) and str(error):
        line += f": {scrub_hetu(str(error))}"
    return line


def safe_argument(value: object) -> object:
    """``value`` as it may reach a log (see the module's rule)."""
    if value is None or isinstance(value, bool | int | float | Enum | uuid.UUID | Frames):
        return value
    if isinstance(value, type):
        return value.__qualname__
    if isinstance(value, BaseException):
        return exception_line(value)
    if isinstance(value, str | PurePath):
        return _safe_text(str(value))
    return f"<redacted: {type(value).__qualname__}>"


def short_path(filename: str) -> str:
    """A frame's file relative to the application or Python's library (no home folder,
    no user name); ``<string>`` and the like as they are."""
    if filename.startswith("<"):
        return filename
    path = Path(filename)
    for root in _roots():
        if path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    return path.name


@cache
def _roots() -> tuple[Path, ...]:
    paths = sysconfig.get_paths()
    found = {_APP_ROOT, *(Path(paths[name]) for name in ("stdlib", "platstdlib", "purelib"))}
    found.add(Path(paths["platlib"]))
    # The longest first: site-packages lies inside the standard library's folder.
    return tuple(sorted(found, key=lambda root: len(root.parts), reverse=True))


def frame_lines(tb: Any) -> list[str]:
    """``  file:line in function`` for each frame of a traceback, outermost first."""
    return [
        f"  {short_path(frame.filename)}:{frame.lineno} in {frame.name}"
        for frame in traceback.extract_tb(tb)
    ]


_CAUSE = "The above exception was the direct cause of the following exception:"
_CONTEXT = "During handling of the above exception, another exception occurred:"


def _chain(error: BaseException) -> list[tuple[BaseException, str]]:
    """The exception and those it happened during or because of, oldest first, each
    with the line that joins it to the one before (as Python words it)."""
    newest_first: list[tuple[BaseException, str]] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        older: BaseException | None = None
        joint = ""
        if current.__cause__ is not None:
            older, joint = current.__cause__, _CAUSE
        elif current.__context__ is not None and not current.__suppress_context__:
            older, joint = current.__context__, _CONTEXT
        newest_first.append((current, joint))
        current = older
    return newest_first[::-1]


def frames_of(error: BaseException, messages: bool = True, depth: int = 0) -> Frames:
    """The exception's traceback without data (see the module's rule); with ``messages``
    false, not even a :data:`DATA_FREE` type's message."""
    lines: list[str] = []
    for index, (exception, joint) in enumerate(_chain(error)):
        if index and joint:
            lines.append(joint)
        lines.append("Traceback (most recent call last):")
        lines += frame_lines(exception.__traceback__)
        lines.append(exception_line(exception, messages))
        if isinstance(exception, BaseExceptionGroup) and depth < 3:
            for number, inner in enumerate(exception.exceptions, 1):
                lines.append(f"sub-exception {number} of {len(exception.exceptions)}:")
                lines += [
                    "  " + line for line in frames_of(inner, messages, depth + 1).splitlines()
                ]
    return Frames(scrub_hetu("\n".join(lines)))


def render(template: object, args: object) -> str:
    """The record's message by the rule: a template that is not a string is an argument."""
    if not isinstance(template, str):
        return scrub_hetu(str(safe_argument(template)))
    if not args:
        return scrub_hetu(template)
    safe: object
    if isinstance(args, Mapping):
        safe = {key: safe_argument(value) for key, value in args.items()}
    elif isinstance(args, tuple):
        safe = tuple(safe_argument(value) for value in args)
    else:
        safe = safe_argument(args)
    try:
        text = template % safe
    except (TypeError, ValueError, KeyError):
        text = f"{template} <arguments redacted: they did not fit the message>"
    return scrub_hetu(text)


class ScrubFilter(logging.Filter):
    """Renders and scrubs each record in place; never drops one."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = render(record.msg, record.args)
        record.args = None
        if record.exc_info is not None and record.exc_info[1] is not None:
            record.exc_text = frames_of(record.exc_info[1])
        elif record.exc_text:
            # Formatted by someone else before us, with whatever the message held.
            record.exc_text = "(traceback withheld: formatted before the log's filter)"
        record.exc_info = None
        if record.stack_info:
            # The frames of a stack (stack_info=True) are code: file, line, function and
            # source line; scrubbed like the rest for a code that was a literal.
            record.stack_info = scrub_hetu(record.stack_info)
        return True
