#!/usr/bin/env python3
"""Checks a built Päivystys MSI's tables with msiinfo (msitools): what ci-msi.sh and
tests/installer/test_msi.py rely on. Prints each check; exits 1 naming every failure.

    python3 installer/windows/check_msi.py MSI VERSION

Standard library only; needs msiinfo on PATH.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harvest import product_code

UPGRADE_CODE = "{0FE84545-871A-416B-8B0F-1EF4818DC74F}"
# Folders in a user's profile: the installer must never remove anything there (the
# outbox is in %LOCALAPPDATA%\paivystys).
PER_USER_FOLDERS = {
    "AppDataFolder",
    "LocalAppDataFolder",
    "PersonalFolder",
    "ProfileFolder",
    "TempFolder",
    "MyPicturesFolder",
    "FavoritesFolder",
    "SendToFolder",
    "NetHoodFolder",
    "PrintHoodFolder",
    "RecentFolder",
    "TemplateFolder",
}
PER_USER_WORDS = (
    "APPDATA",
    "LOCALAPPDATA",
    "USERPROFILE",
    "HOMEPATH",
    "\\USERS\\",
    "PAIVYSTYS\\OUTBOX",
)
PERMANENT = 16
READ_EXECUTE = "0x1200a9"

Table = list[dict[str, str]]


def table(msi: Path, name: str) -> Table:
    """The table's rows (an empty list when the MSI has no such table)."""
    result = subprocess.run(
        ["msiinfo", "export", str(msi), name], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        return []
    lines = result.stdout.splitlines()
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t"), strict=False)) for line in lines[3:] if line]


def tables(msi: Path) -> set[str]:
    out = subprocess.run(
        ["msiinfo", "tables", str(msi)], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def summary(msi: Path) -> dict[str, str]:
    out = subprocess.run(
        ["msiinfo", "suminfo", str(msi)], capture_output=True, text=True, check=True
    ).stdout
    return dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)


def _number(text: str) -> int:
    match = re.match(r"\s*(\d+)", text)
    return int(match.group(1)) if match else -1


class Checks:
    def __init__(self, msi: Path, version: str) -> None:
        self.msi = msi
        self.version = version
        self.failures: list[str] = []
        self._tables: dict[str, Table] = {}

    def rows(self, name: str) -> Table:
        if name not in self._tables:
            self._tables[name] = table(self.msi, name)
        return self._tables[name]

    def check(self, what: str, ok: bool, detail: str = "") -> None:
        print(f"check-msi: {'ok  ' if ok else 'FAIL'} {what}" + ("" if ok else f": {detail}"))
        if not ok:
            self.failures.append(what)

    def properties(self) -> None:
        props = {row["Property"]: row["Value"] for row in self.rows("Property")}
        expected = {
            "UpgradeCode": UPGRADE_CODE,
            "ProductVersion": self.version,
            "ProductCode": "{" + product_code(self.version) + "}",
            "ALLUSERS": "1",
        }
        for name, value in expected.items():
            self.check(
                f"Property {name} = {value}", props.get(name) == value, repr(props.get(name))
            )
        self.check(
            "no MSIINSTALLPERUSER", "MSIINSTALLPERUSER" not in props, "per-user install allowed"
        )
        secure = set(props.get("SecureCustomProperties", "").split(";"))
        wanted = {"POLICY", "POLICY_SIG", "POLICY_KEY"}
        self.check("POLICY, POLICY_SIG, POLICY_KEY are secure", wanted <= secure, str(secure))

    def summary_info(self) -> None:
        info = summary(self.msi)
        word_count = _number(info.get("Source", ""))
        # Word Count bit 8 (msidbSumInfoSourceTypeLUAPackage) marks a package that needs no
        # elevation, i.e. a per-user one.
        self.check(
            "summary: per-machine (Word Count without bit 8)",
            word_count >= 0 and not word_count & 8,
            str(word_count),
        )
        self.check(
            "summary: Windows Installer 5.0 or later",
            _number(info.get("Version", "")) >= 500,
            info.get("Version", ""),
        )
        self.check(
            "summary: x64 package",
            info.get("Template", "").startswith("x64;"),
            info.get("Template", ""),
        )

    def directories(self) -> None:
        dirs = {row["Directory"]: row for row in self.rows("Directory")}

        def is_(key: str, parent: str, name: str) -> bool:
            row = dirs.get(key)
            return (
                row is not None
                and row["Directory_Parent"] == parent
                and row["DefaultDir"].split("|")[-1] == name
            )

        self.check(
            "INSTALLDIR is Program Files\\Paivystys",
            is_("INSTALLDIR", "ProgramFiles64Folder", "Paivystys"),
        )
        self.check(
            "MACHINEDIR is ProgramData\\paivystys",
            is_("MACHINEDIR", "CommonAppDataFolder", "paivystys"),
        )
        self.check(
            "POLICYDIR is ProgramData\\paivystys\\policy.d",
            is_("POLICYDIR", "MACHINEDIR", "policy.d"),
        )
        under_user = [d for d in dirs if self._ancestors(dirs, d) & PER_USER_FOLDERS]
        self.check("no folder in a user's profile", not under_user, str(under_user))

    @staticmethod
    def _ancestors(dirs: dict[str, dict[str, str]], key: str) -> set[str]:
        seen: set[str] = set()
        while key and key not in seen:
            seen.add(key)
            key = dirs.get(key, {}).get("Directory_Parent", "")
        return seen

    def shortcuts(self) -> None:
        files = {row["File"]: row for row in self.rows("File")}
        exe = files.get("PaivystysExe", {}).get("FileName", "").split("|")[-1]
        self.check("File PaivystysExe is paivystys.exe", exe == "paivystys.exe", exe)
        cli = files.get("PaivystysCliExe", {}).get("FileName", "").split("|")[-1]
        self.check("File PaivystysCliExe is paivystys-cli.exe", cli == "paivystys-cli.exe", cli)
        for folder in ("ProgramMenuFolder", "DesktopFolder"):
            found = [
                r
                for r in self.rows("Shortcut")
                if r["Directory_"] == folder and r["Target"] == "[#PaivystysExe]"
            ]
            self.check(
                f"Shortcut in {folder} to paivystys.exe",
                len(found) == 1,
                str(self.rows("Shortcut")),
            )

    def upgrades(self) -> None:
        rows = [r for r in self.rows("Upgrade") if r["UpgradeCode"] == UPGRADE_CODE]
        older = [
            r for r in rows if r["VersionMax"] == self.version and not _number(r["Attributes"]) & 2
        ]
        newer = [
            r
            for r in rows
            if r["VersionMin"] == self.version
            and _number(r["Attributes"]) & 2
            and r["ActionProperty"] == "WIX_DOWNGRADE_DETECTED"
        ]
        self.check("Upgrade: older versions are removed", len(older) == 1, str(rows))
        self.check("Upgrade: a newer version is detected (downgrade)", len(newer) == 1, str(rows))
        messages = [
            r["Description"]
            for r in self.rows("LaunchCondition")
            if r["Condition"] == "NOT WIX_DOWNGRADE_DETECTED"
        ]
        self.check(
            "LaunchCondition refuses a downgrade, in Finnish and English",
            len(messages) == 1
            and "uudempi versio" in messages[0]
            and "newer version" in messages[0],
            str(messages),
        )
        sequence = {
            r["Action"]: _number(r["Sequence"]) for r in self.rows("InstallExecuteSequence")
        }
        self.check(
            "RemoveExistingProducts is sequenced",
            "RemoveExistingProducts" in sequence,
            str(sequence),
        )

    def policy_placement(self) -> None:
        moves = {r["SourceFolder"]: r for r in self.rows("MoveFile")}
        expected = {
            "POLICY": ("POLICYDIR", ""),
            "POLICY_SIG": ("POLICYDIR", ""),
            "POLICY_KEY": ("MACHINEDIR", "policy-signing.pub"),
        }
        for prop, (folder, name) in expected.items():
            row = moves.get(prop, {})
            ok = (
                row.get("DestFolder") == folder
                and row.get("DestName", "") == name
                and row.get("SourceName", "") == ""
                and row.get("Options") == "0"
            )
            where = f"{folder}\\{name or '(same name)'}"
            self.check(f"MoveFile copies [{prop}] (a full path) to {where}", ok, str(row))
        sequence = {
            r["Action"]: _number(r["Sequence"]) for r in self.rows("InstallExecuteSequence")
        }
        ordered = (
            sequence.get("CreateFolders", 0)
            < sequence.get("MoveFiles", -1)
            < sequence.get("InstallFiles", 0)
        )
        self.check("MoveFiles runs after CreateFolders", ordered, str(sequence))
        components = {r["Component"]: r for r in self.rows("Component")}
        for name in ("MachineFolder", "PolicyFolder"):
            attributes = _number(components.get(name, {}).get("Attributes", ""))
            self.check(
                f"Component {name} is permanent (uninstall keeps helpdesk's files)",
                attributes >= 0 and bool(attributes & PERMANENT),
                str(attributes),
            )
        locks = {
            r["LockObject"]: r["SDDL"]
            for r in self.rows("MsiLockPermissionsEx")
            if r["Table"] == "CreateFolder"
        }
        for folder in ("MACHINEDIR", "POLICYDIR"):
            sddl = locks.get(folder, "")
            aces = re.findall(r"\(([^)]*)\)", sddl)
            users = [a for a in aces if a.endswith(";BU") or a.endswith(";AU") or a.endswith(";WD")]
            ok = sddl.startswith("D:P") and users == [f"A;OICI;{READ_EXECUTE};;;BU"]
            self.check(f"{folder}: protected ACL, users read only", ok, sddl)

    def nothing_per_user(self) -> None:
        dirs = {row["Directory"]: row for row in self.rows("Directory")}
        removes = [
            r
            for r in self.rows("RemoveFile")
            if self._ancestors(dirs, r["DirProperty"]) & PER_USER_FOLDERS
        ]
        self.check("no RemoveFile/RemoveFolder row in a user's profile", not removes, str(removes))
        actions = [
            r
            for r in self.rows("CustomAction")
            if any(
                word in (r.get("Source", "") + r.get("Target", "")).upper()
                for word in PER_USER_WORDS
            )
            or any(
                folder in r.get("Source", "") + r.get("Target", "") for folder in PER_USER_FOLDERS
            )
        ]
        self.check("no custom action touching a user's profile", not actions, str(actions))
        hkcu = [r for r in self.rows("Registry") if r["Root"] in {"1", "-1"}]
        self.check("no per-user registry value", not hkcu, str(hkcu))
        self.check(
            "no Environment or IniFile table",
            not tables(self.msi) & {"Environment", "IniFile", "RemoveIniFile"},
        )

    def run(self) -> int:
        steps: list[Callable[[], None]] = [
            self.properties,
            self.summary_info,
            self.directories,
            self.shortcuts,
            self.upgrades,
            self.policy_placement,
            self.nothing_per_user,
        ]
        for step in steps:
            step()
        if self.failures:
            print(f"check-msi: {len(self.failures)} check(s) failed: {'; '.join(self.failures)}")
            return 1
        print(f"check-msi: all checks passed ({self.msi.name})")
        return 0


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 64
    return Checks(Path(argv[1]), argv[2]).run()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
