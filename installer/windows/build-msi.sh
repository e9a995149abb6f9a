#!/usr/bin/env bash
# Builds dist/Paivystys-<version>.msi on Linux with wixl (msitools) from a Windows payload:
# the frozen one-folder app PyInstaller made ON WINDOWS with installer/paivystys.spec
# (paivystys.exe, paivystys-cli.exe, _internal/). Run from anywhere:
#
#   installer/windows/build-msi.sh [PAYLOAD_DIR] [OUT_DIR]
#
# Without PAYLOAD_DIR (CI, any Linux machine) it builds with a PLACEHOLDER payload instead
# and names the result dist/Paivystys-<version>-PLACEHOLDER.msi: PyInstaller does not
# cross-compile, so no Windows program can be built here. That MSI has every table, folder,
# shortcut, property and upgrade rule of the real one (ci-msi.sh checks them) but its
# "programs" are text files saying so: never give it to anyone.
#
# Needs wixl and msibuild/msiinfo (apt-get install wixl msitools) and python3. The real
# release is built on Windows with WiX 5 (build-msi.ps1) from the same paivystys.wxs.
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=installer/windows
PAYLOAD="${1:-}"
OUT="${2:-dist}"
PY="${PY:-python3}"
fail() { echo "build-msi: $*" >&2; exit 1; }
for tool in wixl msibuild msiinfo; do
    command -v "$tool" >/dev/null || fail "$tool is needed (apt-get install wixl msitools)"
done
VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' app/__init__.py)"
# Only ci-msi.sh's upgrade test sets it (a placeholder MSI "one version later").
if [ -n "${PAIVYSTYS_MSI_VERSION:-}" ]; then
    [ -z "$PAYLOAD" ] || fail "PAIVYSTYS_MSI_VERSION is for placeholder test builds only"
    VERSION="$PAIVYSTYS_MSI_VERSION"
fi
[[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] ||
    fail "app.__version__ '$VERSION' is not a three-part version"
PRODUCT_CODE="$("$PY" "$HERE/harvest.py" product-code "$VERSION" | tr -d '{}')"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
NAME="Paivystys-$VERSION"
if [ -z "$PAYLOAD" ]; then
    PAYLOAD="$WORK/placeholder"
    NAME="$NAME-PLACEHOLDER"
    mkdir -p "$PAYLOAD/_internal"
    note="PLACEHOLDER, not a program: this MSI was built on Linux (installer/windows/build-msi.sh)
without a Windows payload. PyInstaller does not cross-compile, so the real paivystys.exe is
built on Windows (installer/windows/build-msi.ps1). Only the installer's tables are real."
    for file in paivystys.exe paivystys-cli.exe _internal/PLACEHOLDER.txt README-PLACEHOLDER.txt; do
        printf '%s\n' "$note" > "$PAYLOAD/$file"
    done
fi
[ -f "$PAYLOAD/paivystys.exe" ] || fail "no paivystys.exe in $PAYLOAD (a Windows payload)"
PAYLOAD="$(cd "$PAYLOAD" && pwd)"

# One source: the payload's fragment is generated; what wixl cannot compile is left out of
# wixl's copy and added to the MSI from the same elements afterwards (wixl_compat.py).
"$PY" "$HERE/harvest.py" "$PAYLOAD" "$WORK/payload.wxs"
"$PY" "$HERE/wixl_compat.py" strip "$HERE/paivystys.wxs" "$WORK/paivystys.wxs"
mkdir -p "$OUT"
MSI="$(cd "$OUT" && pwd)/$NAME.msi"
rm -f "$MSI"
# wixl reads sources relative to the working directory (an absolute one trips it).
ln -s "$PAYLOAD" "$WORK/payload"
(cd "$WORK" && wixl -a x64 -D "Version=$VERSION" -D "ProductCode=$PRODUCT_CODE" \
    -D Payload=payload -o "$MSI" paivystys.wxs payload.wxs) 2> "$WORK/wixl.log" ||
    { cat "$WORK/wixl.log" >&2; fail "wixl failed"; }
"$PY" "$HERE/wixl_compat.py" patch "$HERE/paivystys.wxs" "$MSI" ||
    fail "adding what wixl does not compile failed"
echo "$OUT/$NAME.msi"
