#!/usr/bin/env bash
# CI for the Windows MSI on Linux: build it with wixl (a placeholder payload: PyInstaller
# does not cross-compile), check its tables (mandatory), check the ADMX/ADML templates,
# then try a real silent install, upgrade, downgrade and uninstall under wine (optional:
# skipped, saying why, when wine is missing or cannot start here). Exits non-zero on the
# first failure. Needs root only for apt-get when tools are missing.
#
#   PY=/path/to/python installer/ci-msi.sh
#
# installer/DEPLOYMENT.md says what this can and cannot check.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-python3}"
export PY
export DEBIAN_FRONTEND=noninteractive
step() { printf '\n== ci-msi: %s\n' "$*" >&2; }
fail() { echo "ci-msi: FAIL: $*" >&2; exit 1; }
ok() { echo "ci-msi: ok   $*" >&2; }

step "tools"
need=()
for tool in wixl:wixl msiinfo:msitools xmllint:libxml2-utils; do
    command -v "${tool%%:*}" >/dev/null || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then apt-get install -y -qq "${need[@]}" >/dev/null; fi
VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' app/__init__.py)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

step "build (wixl, placeholder payload)"
MSI="$(installer/windows/build-msi.sh "" "$WORK/dist")"
[ -f "$MSI" ] || fail "no MSI"
ok "built $(basename "$MSI") ($(du -k "$MSI" | cut -f1) KiB)"

step "tables (msiinfo)"
"$PY" installer/windows/check_msi.py "$MSI" "$VERSION" >&2 || fail "the MSI's tables"

step "ADMX/ADML (xmllint)"
for file in installer/windows/admx/paivystys.admx installer/windows/admx/*/paivystys.adml; do
    xmllint --noout "$file" || fail "$file is not well-formed"
    ok "$file is well-formed"
done

step "wine: silent install, upgrade, downgrade, uninstall"
# PAIVYSTYS_REQUIRE_WINE=1 (.ci/run, which installs wine) turns a skip into a failure.
wine_skip() {
    [ "${PAIVYSTYS_REQUIRE_WINE:-}" != 1 ] || fail "wine: $* (PAIVYSTYS_REQUIRE_WINE=1)"
    echo "ci-msi: SKIP wine: $*" >&2; echo "ci-msi: OK (tables checked; wine skipped)" >&2; exit 0
}
command -v wine >/dev/null || wine_skip "wine is not installed (apt-get install wine wine64)"
# Everything of wine's stays in $WORK: its prefix, and the "home" its Desktop links to.
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share"
export WINEPREFIX="$WORK/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
unset DISPLAY WAYLAND_DISPLAY
mkdir -p "$HOME"
trap 'timeout 30 wineserver -k >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
timeout 180 wineboot -i >"$WORK/wineboot.log" 2>&1 ||
    wine_skip "wineboot -i failed or timed out: $(tail -3 "$WORK/wineboot.log" | tr '\n' ' ')"
timeout 60 wineserver -w || true
C="$WINEPREFIX/drive_c"
[ -d "$C/windows/system32" ] || wine_skip "wineboot made no C:\\windows\\system32"
USERDIR="$C/users/$(id -un)"
[ -d "$USERDIR" ] || wine_skip "no user profile in the prefix ($USERDIR)"
msiexec() { timeout 180 wine msiexec "$@"; }
winpath() { echo "Z:${1//\//\\}"; }
# wine's `reg query` prints "    NAME    REG_SZ    VALUE" lines (CRLF), in the ANSI
# OEM codepage: CP437 under the C locale.
reg_value() {
    LC_ALL=C timeout 60 wine reg query "$1" /v "$2" 2>/dev/null | iconv -f CP437 -t UTF-8 |
        tr -d '\r' | sed -n "s/^ *$2 *REG_[A-Z_]* *//p"
}
UNINSTALL='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall'
CODE="$("$PY" installer/windows/harvest.py product-code "$VERSION")"

# A real signed policy (the example, signed with a throwaway key) in a folder with a space.
SRC="$WORK/helpdesk share"
mkdir -p "$SRC"
{ echo "serial = 1"; cat resources/policy/keski-uusimaa.toml; } > "$SRC/10-keusote.toml"
"$PY" -m app policy keygen --out "$WORK/keys" >/dev/null
"$PY" -m app policy sign --key "$WORK/keys/policy-signing.key" "$SRC/10-keusote.toml" >/dev/null
cp "$WORK/keys/policy-signing.pub" "$SRC/helpdesk-signing.pub"
# What a worker's profile and helpdesk's state hold before: the installer must keep both.
mkdir -p "$USERDIR/AppData/Local/paivystys"
echo "fake outbox" > "$USERDIR/AppData/Local/paivystys/outbox.db"

# No properties at all (what Intune's one argument line may be): a working install, no policy.
msiexec /i "$(winpath "$MSI")" /qn || fail "wine msiexec /i … /qn exited $?"
[ -f "$C/Program Files/Paivystys/paivystys.exe" ] || fail "/qn alone installed no paivystys.exe"
[ -d "$C/ProgramData/paivystys/policy.d" ] || fail "/qn alone made no ProgramData/paivystys/policy.d"
[ -z "$(ls -A "$C/ProgramData/paivystys/policy.d")" ] || fail "/qn alone placed a policy"
[ ! -e "$C/ProgramData/paivystys/policy-signing.pub" ] || fail "/qn alone placed a key"
msiexec /x "$CODE" /qn || fail "msiexec /x $CODE /qn exited $?"
[ ! -e "$C/Program Files/Paivystys/paivystys.exe" ] || fail "uninstall left paivystys.exe"
ok "msiexec /i … /qn alone: installed, no policy placed (the app then says none is installed); /x"

msiexec /i "$(winpath "$MSI")" /qn \
    "POLICY=$(winpath "$SRC/10-keusote.toml")" "POLICY_SIG=$(winpath "$SRC/10-keusote.toml.sig")" \
    "POLICY_KEY=$(winpath "$SRC/helpdesk-signing.pub")" /l*v "$(winpath "$WORK/install.log")" ||
    fail "wine msiexec /i … /qn POLICY=… exited $?"
ok "msiexec /i $(basename "$MSI") /qn POLICY=… POLICY_SIG=… POLICY_KEY=…"
APPDIR="$C/Program Files/Paivystys"
for file in paivystys.exe paivystys-cli.exe _internal/PLACEHOLDER.txt; do
    [ -f "$APPDIR/$file" ] || fail "not installed: Program Files/Paivystys/$file"
done
ok "Program Files/Paivystys/paivystys.exe, paivystys-cli.exe, _internal/"
DATA="$C/ProgramData/paivystys"
cmp -s "$SRC/10-keusote.toml" "$DATA/policy.d/10-keusote.toml" || fail "POLICY not placed in policy.d"
cmp -s "$SRC/10-keusote.toml.sig" "$DATA/policy.d/10-keusote.toml.sig" || fail "POLICY_SIG not placed"
cmp -s "$SRC/helpdesk-signing.pub" "$DATA/policy-signing.pub" || fail "POLICY_KEY not placed"
[ -f "$SRC/10-keusote.toml" ] || fail "the source policy was moved, not copied"
"$PY" -m app policy verify --key "$DATA/policy-signing.pub" "$DATA/policy.d/10-keusote.toml" \
    >/dev/null || fail "the placed policy does not verify with the placed key"
ok "ProgramData/paivystys/policy.d/10-keusote.toml(.sig), policy-signing.pub: same bytes, verify"
# Windows puts per-machine shortcuts in the common Start menu and the public desktop; wine
# 8 resolves ProgramMenuFolder and DesktopFolder to the user's even with ALLUSERS=1.
start_menu=("$C/ProgramData/Microsoft/Windows/Start Menu/Programs/Päivystys.lnk"
            "$USERDIR/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Päivystys.lnk")
desktop=("$C/users/Public/Desktop/Päivystys.lnk" "$HOME/Päivystys.lnk" "$USERDIR/Desktop/Päivystys.lnk")
found_link() { for link in "$@"; do [ -f "$link" ] && { echo "${link#"$WORK"/}"; return 0; }; done; return 1; }
where="$(found_link "${start_menu[@]}")" || fail "no Start menu shortcut"
ok "Start menu shortcut: $where"
where="$(found_link "${desktop[@]}")" || fail "no desktop shortcut"
ok "desktop shortcut: $where"
[ "$(reg_value "$UNINSTALL\\$CODE" DisplayVersion)" = "$VERSION" ] ||
    fail "ARP DisplayVersion is not $VERSION under $UNINSTALL\\$CODE"
[ "$(reg_value "$UNINSTALL\\$CODE" Publisher)" = "Päivystys" ] || fail "ARP Publisher"
[ -n "$(reg_value "$UNINSTALL\\$CODE" DisplayName)" ] || fail "ARP DisplayName"
ok "registry: $UNINSTALL\\$CODE DisplayVersion=$VERSION, DisplayName, Publisher"
[ "$(reg_value 'HKLM\Software\Paivystys' InstallDir)" = 'C:\Program Files\Paivystys\' ] ||
    fail "HKLM\\Software\\Paivystys InstallDir: $(reg_value 'HKLM\Software\Paivystys' InstallDir)"
ok "registry: HKLM\\Software\\Paivystys InstallDir=C:\\Program Files\\Paivystys\\"
# The app's record of accepted serials: helpdesk's, kept whatever happens to the program.
mkdir -p "$DATA/state"
echo '{"version": 1, "files": {}}' > "$DATA/state/policy-serials.json"

# Upgrade: the same MSI "one version later" (placeholder) over it, with no properties.
NEXT="$(IFS=. read -r a b c <<<"$VERSION"; echo "$a.$b.$((c + 1))")"
NEXT_MSI="$(PAIVYSTYS_MSI_VERSION="$NEXT" installer/windows/build-msi.sh "" "$WORK/next")"
NEXT_CODE="$("$PY" installer/windows/harvest.py product-code "$NEXT")"
msiexec /i "$(winpath "$NEXT_MSI")" /qn || fail "upgrade to $NEXT exited $?"
[ "$(reg_value "$UNINSTALL\\$NEXT_CODE" DisplayVersion)" = "$NEXT" ] || fail "$NEXT not registered"
[ -z "$(reg_value "$UNINSTALL\\$CODE" DisplayVersion)" ] || fail "$VERSION still registered after the upgrade"
[ -f "$APPDIR/paivystys.exe" ] || fail "paivystys.exe missing after the upgrade"
cmp -s "$SRC/10-keusote.toml" "$DATA/policy.d/10-keusote.toml" || fail "the upgrade lost the policy"
[ -f "$DATA/policy-signing.pub" ] || fail "the upgrade lost policy-signing.pub"
ok "upgrade $VERSION -> $NEXT (no properties): one product registered, policy and key kept"

# Downgrade: refused by the launch condition, nothing changed. (Windows exits 1603 and logs
# the message; wine 8 exits otherwise non-zero and logs neither.)
if msiexec /i "$(winpath "$MSI")" /qn /l*v "$(winpath "$WORK/downgrade.log")"; then
    fail "installing $VERSION over $NEXT succeeded: a downgrade must be refused"
fi
grep -aq "WIX_DOWNGRADE_DETECTED = {" "$WORK/downgrade.log" || fail "the downgrade was not detected"
[ "$(reg_value "$UNINSTALL\\$NEXT_CODE" DisplayVersion)" = "$NEXT" ] || fail "the downgrade changed $NEXT"
[ -z "$(reg_value "$UNINSTALL\\$CODE" DisplayVersion)" ] || fail "the downgrade registered $VERSION"
ok "downgrade $NEXT -> $VERSION refused (WIX_DOWNGRADE_DETECTED); $NEXT still installed"

# Uninstall: the program and shortcuts go; the worker's outbox and helpdesk's files stay.
msiexec /x "$NEXT_CODE" /qn || fail "msiexec /x $NEXT_CODE /qn exited $?"
[ ! -e "$APPDIR/paivystys.exe" ] || fail "paivystys.exe left after uninstall"
[ ! -d "$APPDIR" ] || fail "Program Files/Paivystys left after uninstall"
found_link "${start_menu[@]}" >/dev/null && fail "Start menu shortcut left after uninstall"
found_link "${desktop[@]}" >/dev/null && fail "desktop shortcut left after uninstall"
[ -z "$(reg_value "$UNINSTALL\\$NEXT_CODE" DisplayVersion)" ] || fail "ARP entry left after uninstall"
ok "msiexec /x $NEXT_CODE /qn: program, shortcuts and ARP entry gone"
[ "$(cat "$USERDIR/AppData/Local/paivystys/outbox.db")" = "fake outbox" ] ||
    fail "the user's outbox was touched"
cmp -s "$SRC/10-keusote.toml" "$DATA/policy.d/10-keusote.toml" || fail "uninstall removed the policy"
[ -f "$DATA/policy-signing.pub" ] && [ -f "$DATA/state/policy-serials.json" ] ||
    fail "uninstall removed helpdesk's key or state"
ok "kept: the worker's AppData/Local/paivystys/outbox.db; ProgramData/paivystys (policy, key, state)"
echo "ci-msi: OK ($(basename "$MSI"): tables, ADMX, wine install/upgrade/downgrade/uninstall)" >&2
