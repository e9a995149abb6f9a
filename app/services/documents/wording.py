"""The printed documents' words in the interface's language, without Qt here.

The documents write their Finnish words as ``translate(CONTEXT, "…")`` (or mark a
constant with :func:`QT_TRANSLATE_NOOP` and translate it where it is used): Qt's lupdate
reads both in this package as it reads the interface (installer/translations.py), and
the window installs Qt's translate with its translations
(:func:`app.ui.app.install_translations`). The hook is the one the command line's
words use too (:mod:`app.services.i18n`); in the helpdesk commands the documents'
words follow the command line's language.
"""

from __future__ import annotations

from app.services.i18n import QT_TRANSLATE_NOOP, set_translate, translate

__all__ = ["CONTEXT", "QT_TRANSLATE_NOOP", "set_translate", "translate"]

CONTEXT = "Documents"
