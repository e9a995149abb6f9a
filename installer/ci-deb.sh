#!/usr/bin/env bash
# CI for the Debian package: build the frozen app and the .deb, check it (lintian,
# desktop-file-validate, appstreamcli), install it as helpdesk would, run the installed
# program, purge it. Exits non-zero on the first failure. Needs root (apt-get install).
#
#   PY=/path/to/venv/bin/python installer/ci-deb.sh
#
# .ci/run runs it after the test suite (installer/README.md gives its wall time).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
# gzip: about 40 s faster than xz here; the contents are the same.
export DEB_COMPRESS="${DEB_COMPRESS:-gzip}"
export DEBIAN_FRONTEND=noninteractive
step() { printf '\n== ci-deb: %s\n' "$*" >&2; }
fail() { echo "ci-deb: FAIL: $*" >&2; exit 1; }

step "tools"
need=()
for tool in dpkg-shlibdeps:dpkg-dev patchelf:patchelf lintian:lintian \
            desktop-file-validate:desktop-file-utils appstreamcli:appstream; do
    command -v "${tool%%:*}" >/dev/null || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then apt-get install -y -qq "${need[@]}" >/dev/null; fi
"$PY" -m PyInstaller --version >/dev/null 2>&1 ||
    "$PY" -m pip install -q --disable-pip-version-check -e ".[build]"

step "frozen app"
rm -rf dist/paivystys dist/paivystys_*.deb
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist \
    --workpath build/pyinstaller installer/paivystys.spec 2>&1 |
    grep -v 'required via ctypes not found' || true
[ -x dist/paivystys/paivystys ] || fail "no frozen app"

step "deb"
DEB="$(installer/build-deb.sh dist/paivystys dist)"
[ -f "$DEB" ] || fail "no .deb"
if dpkg-deb -c "$DEB" | grep -q ' \./etc/'; then fail "the package ships a file under /etc"; fi

step "lintian, desktop-file-validate, appstreamcli"
lintian --fail-on error,warning "$DEB" || fail "lintian"
CHECK="$(mktemp -d)"
trap 'rm -rf "$CHECK"' EXIT
dpkg-deb -x "$DEB" "$CHECK/root"
desktop-file-validate "$CHECK/root/usr/share/applications/fi.paivystys.Paivystys.desktop" ||
    fail "desktop-file-validate"
appstreamcli validate --no-net "$CHECK/root/usr/share/metainfo/fi.paivystys.Paivystys.metainfo.xml" ||
    fail "appstreamcli validate"

step "install"
apt-get install -y -qq "./$DEB" >/dev/null || fail "apt-get install"
trap 'apt-get purge -y -qq paivystys >/dev/null 2>&1 || true; rm -rf "$CHECK"' EXIT
[ "$(command -v paivystys)" = /usr/bin/paivystys ] || fail "paivystys is not /usr/bin/paivystys"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' app/__init__.py)"
[ "$(paivystys --version)" = "paivystys $VERSION" ] || fail "paivystys --version: $(paivystys --version)"
paivystys doctor --help >/dev/null || fail "paivystys doctor --help"

step "self-test of the installed app"
export HOME="$CHECK/home"
mkdir -p "$HOME"
paivystys --self-test --training >"$CHECK/self-test" 2>&1 ||
    { cat "$CHECK/self-test" >&2; fail "paivystys --self-test --training"; }
# Production needs a real credential store: gnome-keyring under a D-Bus of its own.
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    dbus-run-session -- sh -c 'echo -n ci | gnome-keyring-daemon --unlock --components=secrets \
        >/dev/null && paivystys --self-test --lang en' >"$CHECK/self-test" 2>&1 ||
        { cat "$CHECK/self-test" >&2; fail "paivystys --self-test (Secret Service)"; }
    grep -q '^keyring: keyring.backends.SecretService' "$CHECK/self-test" ||
        { cat "$CHECK/self-test" >&2; fail "the self-test did not load the Secret Service"; }
fi

step "installed app, offscreen, training mode"
QT_QPA_PLATFORM=offscreen timeout 60 paivystys --training >"$CHECK/out" 2>"$CHECK/err" &
APP=$!
for _ in $(seq 60); do
    grep -q '"systems"' "$CHECK/out" 2>/dev/null && break
    kill -0 "$APP" 2>/dev/null || break
    sleep 1
done
grep -q '"systems"' "$CHECK/out" || { cat "$CHECK/err" >&2; fail "no training server line"; }
sleep 2
kill -0 "$APP" 2>/dev/null || { cat "$CHECK/err" >&2; fail "the app ended by itself"; }
kill -TERM "$APP"
wait "$APP" || true
timeout 120 paivystys doctor --training --lang en >"$CHECK/doctor" ||
    { cat "$CHECK/doctor" >&2; fail "doctor --training"; }
grep -q '^keyring: ' "$CHECK/doctor" || fail "doctor names no keyring backend"

step "purge"
apt-get purge -y -qq paivystys >/dev/null || fail "apt-get purge"
[ ! -e /usr/lib/paivystys ] || fail "/usr/lib/paivystys left after purge"
[ ! -e /usr/bin/paivystys ] || fail "/usr/bin/paivystys left after purge"
trap 'rm -rf "$CHECK"' EXIT
echo "ci-deb: OK ($DEB)" >&2
