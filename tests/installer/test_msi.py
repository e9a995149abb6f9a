"""The Windows MSI as CI builds it (wixl, placeholder payload): its tables checked by the
same installer/windows/check_msi.py that ci-msi.sh runs. Skipped where msitools' wixl is
missing, unless PAIVYSTYS_REQUIRE_MSI=1 (.ci/run), where that is a failure."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import app

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "installer" / "windows"
TOOLS = ("wixl", "msiinfo", "msibuild")

MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
# Skipped per test, not per module: the tests stay collected (tests/windows_collect.py).
pytestmark = pytest.mark.skipif(
    bool(MISSING) and not os.environ.get("PAIVYSTYS_REQUIRE_MSI"),
    reason="wixl and msitools are not installed",
)


@pytest.fixture(autouse=True)
def _tools() -> None:
    if MISSING:  # reached only when .ci/run sets PAIVYSTYS_REQUIRE_MSI: these tests must run
        pytest.fail(f"PAIVYSTYS_REQUIRE_MSI is set but {', '.join(MISSING)} not installed")


def build(out: Path, payload: Path | None = None) -> Path:
    args = [str(WINDOWS / "build-msi.sh"), str(payload) if payload else "", str(out)]
    result = subprocess.run(args, capture_output=True, text=True, check=True, cwd=ROOT)
    return Path(result.stdout.strip())


def check(msi: Path, version: str = app.__version__) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(WINDOWS / "check_msi.py"), str(msi), version],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def placeholder_msi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("msi"))


def test_the_placeholder_msi_passes_every_table_check(placeholder_msi: Path) -> None:
    assert placeholder_msi.name == f"Paivystys-{app.__version__}-PLACEHOLDER.msi"
    result = check(placeholder_msi)
    assert result.returncode == 0, result.stdout
    for checked in (
        "Property UpgradeCode = {0FE84545-871A-416B-8B0F-1EF4818DC74F}",
        f"Property ProductVersion = {app.__version__}",
        "Property ALLUSERS = 1",
        "Shortcut in ProgramMenuFolder",
        "Shortcut in DesktopFolder",
        "Upgrade: a newer version is detected (downgrade)",
        "MoveFile copies [POLICY]",
        "MoveFile copies [POLICY_SIG]",
        "MoveFile copies [POLICY_KEY]",
        "no RemoveFile/RemoveFolder row in a user's profile",
        "summary: per-machine",
    ):
        assert f"ok   {checked}" in result.stdout


def test_a_real_payload_is_harvested_file_by_file(tmp_path: Path) -> None:
    payload = tmp_path / "paivystys"
    (payload / "_internal" / "resources" / "policy").mkdir(parents=True)
    for name in (
        "paivystys.exe",
        "paivystys-cli.exe",
        "_internal/python311.dll",
        "_internal/resources/policy/keski-uusimaa.toml",
    ):
        (payload / name).write_bytes(b"MZ stand-in for " + name.encode())
    msi = build(tmp_path / "out", payload)
    assert msi.name == f"Paivystys-{app.__version__}.msi"
    assert check(msi).returncode == 0
    listed = subprocess.run(
        ["msiinfo", "export", str(msi), "File"], capture_output=True, text=True, check=True
    ).stdout
    for name in ("paivystys.exe", "paivystys-cli.exe", "python311.dll", "keski-uusimaa.toml"):
        assert name in listed


def test_the_checks_fail_loudly_on_an_msi_without_the_policy_rows(
    placeholder_msi: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.msi"
    shutil.copy(placeholder_msi, broken)
    subprocess.run(["msibuild", str(broken), "-q", "DROP TABLE `MoveFile`"], check=True)
    result = check(broken)
    assert result.returncode == 1
    assert "FAIL MoveFile copies [POLICY]" in result.stdout
    assert "3 check(s) failed" in result.stdout


def test_another_version_is_another_product_of_the_same_upgrade_code(
    placeholder_msi: Path,
) -> None:
    result = check(placeholder_msi, "9.9.9")
    assert result.returncode == 1
    assert "FAIL Property ProductVersion = 9.9.9" in result.stdout
    assert "FAIL Property ProductCode" in result.stdout
    assert "ok   Property UpgradeCode" in result.stdout


def test_the_harvest_is_the_same_for_the_same_payload(tmp_path: Path) -> None:
    payload = tmp_path / "p"
    (payload / "_internal").mkdir(parents=True)
    for name in ("paivystys.exe", "paivystys-cli.exe", "_internal/base_library.zip"):
        (payload / name).write_bytes(b"x")
    texts = []
    for out in (tmp_path / "a.wxs", tmp_path / "b.wxs"):
        subprocess.run(
            [sys.executable, str(WINDOWS / "harvest.py"), str(payload), str(out)], check=True
        )
        texts.append(out.read_text(encoding="utf-8"))
    assert texts[0] == texts[1]
    # The component GUID of paivystys.exe never changes (Windows Installer's component rules).
    assert 'Guid="3948DF88-B04C-5865-96AC-4007B8CE7442"' in texts[0]
