"""Translated words for code without Qt: the printed documents and the command line.

Such code writes its Finnish words as ``translate("Context", "…")`` (or marks a constant
with :func:`QT_TRANSLATE_NOOP` and translates it where it is used), placeholders as
``{name}`` filled in by ``.format`` afterwards: Qt's lupdate reads these calls, with
literal arguments, as it reads the interface (installer/translations.py). Whoever
knows the language installs a translate function here (:func:`set_translate`): the
window Qt's own (:func:`app.ui.app.install_translations`), the command line a
translator of its language (:func:`app.ui.cli_language.install`). Until then the words
stay Finnish.
"""

from __future__ import annotations

from collections.abc import Callable


def _as_written(_context: str, text: str) -> str:
    return text


_translator: list[Callable[[str, str], str]] = [_as_written]


def set_translate(function: Callable[[str, str], str] | None) -> None:
    """Translate the words with ``function(context, text)``; None: Finnish."""
    _translator[0] = function or _as_written


def translate(context: str, text: str) -> str:
    return _translator[0](context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Marks ``text`` for lupdate where it is not translated yet (a constant)."""
    del context
    return text
