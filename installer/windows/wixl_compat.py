#!/usr/bin/env python3
"""What wixl (msitools 0.101, Debian 12) does not compile in paivystys.wxs, done with
msitools' own SQL (msibuild) on the MSI wixl built, from the same elements.

    python3 wixl_compat.py strip SOURCE.wxs OUT.wxs   # the source without them, for wixl
    python3 wixl_compat.py patch SOURCE.wxs BUILT.msi # add their rows to the MSI

wixl stops at an element it does not know and ignores attributes it does not know. So:

- ``CopyFile`` (``SourceProperty``, ``DestinationDirectory``, ``DestinationName``) becomes
  a row of the MoveFile table, and the MoveFiles action (3800, its standard place, after
  CreateFolders) joins InstallExecuteSequence;
- ``PermissionEx Sddl=…`` under ``CreateFolder`` becomes a row of MsiLockPermissionsEx
  (Windows Installer 5), applied by CreateFolders;
- ``Component Permanent="yes"`` sets msidbComponentAttributesPermanent (16);
- ``Property Secure="yes"`` joins SecureCustomProperties;
- ``Product Codepage`` becomes the database's codepage (_ForceCodepage).

WiX 5 compiles the same elements itself (build-msi.ps1); nothing here runs there. The
tables follow the Windows Installer SDK's schema. Standard library only.
"""

# A build tool run by build-msi.sh on trusted sources: it prints, runs msitools, writes SQL.
# ruff: noqa: S314, S608

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

WIX = "http://schemas.microsoft.com/wix/2006/wi"
NS = {"w": WIX}
PERMANENT = 16
MOVE_FILES_SEQUENCE = 3800
UNSUPPORTED_ELEMENTS = ("CopyFile", "PermissionEx")
UNSUPPORTED_ATTRIBUTES = {"Component": ("Permanent",), "Property": ("Secure",)}

MOVE_FILE_TABLE = (
    "CREATE TABLE `MoveFile` (`FileKey` CHAR(72) NOT NULL, `Component_` CHAR(72) NOT NULL, "
    "`SourceName` CHAR(255) LOCALIZABLE, `DestName` CHAR(255) LOCALIZABLE, "
    "`SourceFolder` CHAR(72), `DestFolder` CHAR(72) NOT NULL, `Options` SHORT NOT NULL "
    "PRIMARY KEY `FileKey`)"
)
LOCK_TABLE = (
    "CREATE TABLE `MsiLockPermissionsEx` (`MsiLockPermissionsEx` CHAR(72) NOT NULL, "
    "`LockObject` CHAR(72) NOT NULL, `Table` CHAR(32) NOT NULL, `SDDL` CHAR(0) NOT NULL, "
    "`Condition` CHAR(255) PRIMARY KEY `MsiLockPermissionsEx`)"
)


def _parse(source: Path) -> ET.ElementTree[ET.Element]:
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
    return ET.parse(source, parser)


def _local(element: ET.Element) -> str:
    tag = element.tag
    return tag.split("}", 1)[1] if isinstance(tag, str) and "}" in tag else str(tag)


def strip(source: Path, out: Path) -> None:
    """Write ``source`` without what wixl cannot read."""
    ET.register_namespace("", WIX)
    tree = _parse(source)
    for parent in tree.iter():
        for child in list(parent):
            if _local(child) in UNSUPPORTED_ELEMENTS:
                parent.remove(child)
        for attribute in UNSUPPORTED_ATTRIBUTES.get(_local(parent), ()):
            parent.attrib.pop(attribute, None)
    tree.write(out, encoding="utf-8", xml_declaration=True)


def _sql_text(value: str | int) -> str:
    if isinstance(value, int):
        return str(value)
    if "'" in value:
        raise SystemExit(f"wixl_compat: a quote in {value!r} is not supported")
    return f"'{value}'"


def _insert(table: str, columns: tuple[str, ...], values: tuple[str | int | None, ...]) -> str:
    """An INSERT of the non-null values (libmsi's SQL has no NULL literal)."""
    pairs = [
        (column, value) for column, value in zip(columns, values, strict=True) if value is not None
    ]
    names = ", ".join(f"`{column}`" for column, _ in pairs)
    texts = ", ".join(_sql_text(value) for _, value in pairs)
    return f"INSERT INTO `{table}` ({names}) VALUES ({texts})"


@dataclass(frozen=True)
class Extras:
    """What wixl left out, read from the source."""

    moves: list[tuple[str, str, str | None, str | None, str, str, int]]
    locks: list[tuple[str, str, str, str, str | None]]
    permanent: list[str]
    secure: list[str]
    codepage: str | None


def extras(source: Path) -> Extras:
    root = _parse(source).getroot()
    moves: list[tuple[str, str, str | None, str | None, str, str, int]] = []
    locks: list[tuple[str, str, str, str, str | None]] = []
    for component in root.iter(f"{{{WIX}}}Component"):
        directory = component.get("Directory") or _directory_of(root, component)
        for copy in component.findall("w:CopyFile", NS):
            if copy.get("SourceProperty") is None or copy.get("DestinationDirectory") is None:
                raise SystemExit(
                    "wixl_compat: CopyFile needs SourceProperty and DestinationDirectory"
                )
            moves.append(
                (
                    copy.attrib["Id"],
                    component.attrib["Id"],
                    copy.get("SourceName"),
                    copy.get("DestinationName"),
                    copy.attrib["SourceProperty"],
                    copy.attrib["DestinationDirectory"],
                    1 if copy.get("Delete") == "yes" else 0,
                )
            )
        for index, folder in enumerate(component.findall("w:CreateFolder", NS)):
            target = folder.get("Directory") or directory
            for permission in folder.findall("w:PermissionEx", NS):
                lock_id = permission.get("Id") or f"Lock{component.attrib['Id']}{index}"
                locks.append(
                    (
                        lock_id,
                        target,
                        "CreateFolder",
                        permission.attrib["Sddl"],
                        permission.get("Condition"),
                    )
                )
    permanent = [
        c.attrib["Id"] for c in root.iter(f"{{{WIX}}}Component") if c.get("Permanent") == "yes"
    ]
    secure = [p.attrib["Id"] for p in root.iter(f"{{{WIX}}}Property") if p.get("Secure") == "yes"]
    product = root.find("w:Product", NS)
    codepage = None if product is None else product.get("Codepage")
    return Extras(moves, locks, permanent, secure, codepage)


def _directory_of(root: ET.Element, component: ET.Element) -> str:
    for parent in root.iter():
        if component in list(parent) and _local(parent) in {"Directory", "DirectoryRef"}:
            return parent.attrib["Id"]
    raise SystemExit(f"wixl_compat: no directory for component {component.get('Id')}")


def _export(msi: Path, table: str) -> list[list[str]]:
    text = subprocess.run(
        ["msiinfo", "export", str(msi), table], check=True, capture_output=True, text=True
    ).stdout
    return [line.split("\t") for line in text.splitlines()[3:] if line]


def statements(found: Extras, msi: Path) -> list[str]:
    sql: list[str] = []
    if found.moves:
        sql.append(MOVE_FILE_TABLE)
        columns = (
            "FileKey",
            "Component_",
            "SourceName",
            "DestName",
            "SourceFolder",
            "DestFolder",
            "Options",
        )
        sql += [_insert("MoveFile", columns, move) for move in found.moves]
        sql.append(
            _insert(
                "InstallExecuteSequence", ("Action", "Sequence"), ("MoveFiles", MOVE_FILES_SEQUENCE)
            )
        )
    if found.locks:
        sql.append(LOCK_TABLE)
        lock_columns = ("MsiLockPermissionsEx", "LockObject", "Table", "SDDL", "Condition")
        sql += [_insert("MsiLockPermissionsEx", lock_columns, lock) for lock in found.locks]
    attributes = {row[0]: int(row[3]) for row in _export(msi, "Component")}
    for component in found.permanent:
        value = attributes[component] | PERMANENT
        sql.append(
            f"UPDATE `Component` SET `Attributes` = {value} "
            f"WHERE `Component` = {_sql_text(component)}"
        )
    if found.secure:
        properties = {row[0]: row[1] for row in _export(msi, "Property")}
        names = [n for n in properties.get("SecureCustomProperties", "").split(";") if n]
        secure = ";".join(sorted(set(names) | set(found.secure)))
        if names:
            sql.append(
                f"UPDATE `Property` SET `Value` = {_sql_text(secure)} "
                "WHERE `Property` = 'SecureCustomProperties'"
            )
        else:
            sql.append(
                _insert("Property", ("Property", "Value"), ("SecureCustomProperties", secure))
            )
    return sql


def patch(source: Path, msi: Path) -> None:
    found = extras(source)
    command = ["msibuild", str(msi)]
    for statement in statements(found, msi):
        command += ["-q", statement]
    with tempfile.TemporaryDirectory() as work:
        if found.codepage:
            idt = Path(work) / "codepage.idt"
            idt.write_text(f"\n\n{found.codepage}\t_ForceCodepage\n", encoding="ascii")
            command += ["-i", str(idt)]
        subprocess.run(command, check=True)


def main(argv: list[str]) -> int:
    if len(argv) != 4 or argv[1] not in {"strip", "patch"}:
        print(__doc__, file=sys.stderr)
        return 64
    if argv[1] == "strip":
        strip(Path(argv[2]), Path(argv[3]))
    else:
        patch(Path(argv[2]), Path(argv[3]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
