"""The interface's translations with Qt's own tools (docs/translations.md).

    python installer/translations.py update [DIR]  # lupdate: app/ui, documents, CLI -> DIR/*.ts
    python installer/translations.py build [DIR]   # lrelease: app/ui/i18n/*.ts -> DIR/*.qm
    python installer/translations.py todo          # the messages still to translate

The ``.ts`` files are sources, kept in the repository and translated there; the
``.qm`` files are built from them (by ``./dev``, the PyInstaller spec and CI) into
``app/ui/i18n`` unless another directory is given. The source strings are Finnish.
``update DIR`` updates copies of the ``.ts`` files in DIR instead (the tests' check
that the committed ones are up to date).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The interface, the printed documents' words (app/services/documents/wording.py) and
# the command line's (app/services/i18n.py: the entry point and its parser, the helpdesk
# commands, the self-test, the policy commands and duty-hours).
SOURCES = (
    ROOT / "app" / "ui",
    ROOT / "app" / "services" / "documents",
    ROOT / "app" / "main.py",
    ROOT / "app" / "services" / "command_line.py",
    ROOT / "app" / "services" / "helpdesk.py",
    ROOT / "app" / "services" / "selftest.py",
    ROOT / "app" / "services" / "policy" / "commands.py",
    ROOT / "app" / "services" / "duty_hours.py",
)
I18N = ROOT / "app" / "ui" / "i18n"
LANGUAGES = ("sv", "en")


def ts_file(language: str, directory: Path = I18N) -> Path:
    return directory / f"paivystys_{language}.ts"


def _tool(name: str) -> str:
    """Qt's ``lupdate`` or ``lrelease`` as shipped in the PySide6 wheel."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    raise SystemExit(f"translations: {name} not found in {folder} (PySide6 installed?)")


def update(ts_files: list[Path] | None = None) -> None:
    """Merge the source strings of :data:`SOURCES` into the ``.ts`` files (new ones
    unfinished, vanished ones dropped)."""
    targets = ts_files or [ts_file(language) for language in LANGUAGES]
    command = [_tool("lupdate"), "-silent", "-extensions", "py", "-locations", "none"]
    command += ["-no-obsolete", *map(str, SOURCES), "-ts", *map(str, targets)]
    subprocess.run(command, check=True)


def build(out_dir: Path = I18N, ts_dir: Path = I18N) -> list[Path]:
    """Compile each ``.ts`` into ``out_dir/paivystys_<lang>.qm``; returns the files made."""
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for language in LANGUAGES:
        qm = out_dir / f"paivystys_{language}.qm"
        command = [_tool("lrelease"), "-silent", str(ts_file(language, ts_dir)), "-qm", str(qm)]
        subprocess.run(command, check=True)
        made.append(qm)
    return made


def todo(directory: Path = I18N) -> list[tuple[str, str, str]]:
    """(language, context, source) of every unfinished or empty translation."""
    import xml.etree.ElementTree as ET

    found = []
    for language in LANGUAGES:
        root = ET.parse(ts_file(language, directory)).getroot()  # noqa: S314 - our own .ts
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") or not translation.text:
                    found.append((language, name, message.findtext("source") or ""))
    return found


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"] and len(argv) <= 2:
        directory = Path(argv[1]) if len(argv) == 2 else I18N
        update([ts_file(language, directory) for language in LANGUAGES])
        return 0
    if argv[:1] == ["build"] and len(argv) <= 2:
        build(Path(argv[1]) if len(argv) == 2 else I18N)
        return 0
    if argv == ["todo"]:
        left = todo()
        for language, context, source in left:
            print(f"{language}\t{context}\t{source!r}")
        return 1 if left else 0
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
