"""The printed documents' words in the interface's language, without Qt here.

The documents write their Finnish words as ``translate(CONTEXT, "…")`` (or mark a
constant with :func:`QT_TRANSLATE_NOOP` and translate it where it is used): Qt's lupdate
reads both in this package as it reads the interface (installer/translations.py), and
the window installs Qt's translate here with its translations
(:func:`app.ui.app.install_translations`). Until then, and in the helpdesk commands,
the words stay Finnish.
"""

from __future__ import annotations

from collections.abc import Callable

CONTEXT = "Documents"


def _as_written(_context: str, text: str) -> str:
    return text


_translator: list[Callable[[str, str], str]] = [_as_written]


def set_translate(function: Callable[[str, str], str] | None) -> None:
    """Translate the documents' words with ``function(context, text)``; None: Finnish."""
    _translator[0] = function or _as_written


def translate(context: str, text: str) -> str:
    return _translator[0](context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Marks ``text`` for lupdate where it is not translated yet (a constant)."""
    del context
    return text
