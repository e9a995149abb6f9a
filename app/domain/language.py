"""The interface's languages, and which one a run speaks.

Finnish first: the source texts are Finnish, Swedish and English are translations
(docs/translations.md). One rule for the window and the helpdesk commands alike: the
language given for this run (``--lang``), else the one the worker chose (Ohje → Kieli,
kept in their settings), else the policy's default for the duty unit
(``duty_unit.language``), else Finnish.
"""

from __future__ import annotations

from typing import Literal, get_args

Language = Literal["fi", "sv", "en"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "fi"


def choose_language(
    given: Language | None, chosen: Language | None, policy_default: Language | None
) -> Language:
    """The language of this run: ``given`` (``--lang``), else the worker's ``chosen``
    one, else the policy's default, else Finnish."""
    return given or chosen or policy_default or DEFAULT_LANGUAGE
