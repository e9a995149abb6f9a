# Builds the release MSI on the Windows build machine: the frozen app with PyInstaller,
# then paivystys.wxs (WiX v3 format, the one source) converted and built with WiX 5.
# NOT RUN IN CI (no Windows there): CI builds the same source with wixl on Linux, with a
# placeholder payload, and checks its tables (installer/ci-msi.sh).
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build-msi.ps1
#
# Needs: Python 3.11 with the locked build inputs (pip install --require-hashes -r
# build.lock, then pip install --no-deps -e .[build]), and WiX 5:
#   dotnet tool install --global wix --version 5.0.2
# Output: dist\Paivystys-<version>.msi. Sign it (signtool) before giving it to helpdesk.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

$version = (Select-String -Path app\__init__.py -Pattern '^__version__ = "(\d+\.\d+\.\d+)"$').Matches[0].Groups[1].Value
if (-not $version) { throw "app.__version__ is not a three-part version" }
$productCode = (python installer\windows\harvest.py product-code $version).Trim("{}", " ", "`r", "`n")

# 1. The frozen app: dist\paivystys\ (paivystys.exe windowed, paivystys-cli.exe console).
python -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller installer\paivystys.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }
if (-not (Test-Path dist\paivystys\paivystys-cli.exe)) { throw "no paivystys-cli.exe" }
$self = & dist\paivystys\paivystys-cli.exe --version
if ($self -ne "paivystys $version") { throw "the frozen app says '$self'" }

# 2. The payload's fragment, and the v3 sources converted to WiX 5 (in a work folder: the
#    checked-in paivystys.wxs stays v3, the one source wixl also reads).
$work = Join-Path $env:TEMP "paivystys-msi"
Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
New-Item -ItemType Directory $work | Out-Null
python installer\windows\harvest.py dist\paivystys (Join-Path $work "payload.wxs")
if ($LASTEXITCODE) { throw "harvest failed" }
Copy-Item installer\windows\paivystys.wxs $work
wix convert (Join-Path $work "paivystys.wxs") (Join-Path $work "payload.wxs")
# wix convert exits non-zero when it changed something (it always does here): check the files.
if (-not (Select-String -Quiet -Path (Join-Path $work "paivystys.wxs") -Pattern "wixtoolset.org/schemas/v4/wxs")) {
    throw "wix convert did not convert paivystys.wxs"
}

# 3. WiX 5 build (x64, per-machine; WiX compiles CopyFile, PermissionEx, Permanent and
#    Secure itself: wixl_compat.py is for wixl only).
New-Item -ItemType Directory -Force dist | Out-Null
$msi = "dist\Paivystys-$version.msi"
wix build -arch x64 -d "Version=$version" -d "ProductCode=$productCode" `
    -d "Payload=$((Resolve-Path dist\paivystys).Path)" `
    -o $msi (Join-Path $work "paivystys.wxs") (Join-Path $work "payload.wxs")
if ($LASTEXITCODE) { throw "wix build failed" }
Write-Output $msi
