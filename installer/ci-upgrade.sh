#!/usr/bin/env bash
# CI for safe upgrades: version N of the .deb installed, a worker's entry saved offline and
# a draft kept in the installed window, version N+1 installed over it, then delivered once;
# every deliverable golden outbox opened and delivered by the installed build
# (installer/upgrade_session.py says each step). Needs root (apt-get), Xvfb, xdotool and
# gnome-keyring; installs them when missing.
#
#   PY=/path/to/venv/bin/python installer/ci-upgrade.sh [OLD.deb]
#
# N is OLD.deb, by default the .deb that installer/ci-deb.sh left in dist/ (this tree's
# version). N+1 is this tree with the patch number raised by one, frozen and packaged in
# a copy (a real release differs in code too; the outbox formats of older versions are
# what the golden files stand for). .ci/run runs it after ci-deb.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
export DEB_COMPRESS="${DEB_COMPRESS:-gzip}"
export DEBIAN_FRONTEND=noninteractive
step() { printf '\n== ci-upgrade: %s\n' "$*" >&2; }
fail() { echo "ci-upgrade: FAIL: $*" >&2; exit 1; }

step "tools"
need=()
for tool in xvfb-run:xvfb xdotool:xdotool gnome-keyring-daemon:gnome-keyring \
            dbus-run-session:dbus patchelf:patchelf dpkg-shlibdeps:dpkg-dev; do
    command -v "${tool%%:*}" >/dev/null || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then apt-get install -y -qq "${need[@]}" >/dev/null; fi

VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' app/__init__.py)"
ARCH="$(dpkg --print-architecture)"
OLD="${1:-dist/paivystys_${VERSION}-1_${ARCH}.deb}"
[ -f "$OLD" ] || fail "no version N package $OLD (run installer/ci-deb.sh first, or give one)"
NEXT_VERSION="$(awk -F. '{ printf "%d.%d.%d", $1, $2, $3 + 1 }' <<<"$VERSION")"

step "version N+1 ($NEXT_VERSION): this tree, frozen and packaged in a copy"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$WORK"
sed -i "s/^__version__ = \".*\"$/__version__ = \"$NEXT_VERSION\"/" "$WORK/app/__init__.py"
grep -q "^__version__ = \"$NEXT_VERSION\"$" "$WORK/app/__init__.py" || fail "version not raised"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
PYABS="$(cd "$(dirname "$PY")" && pwd)/$(basename "$PY")"
(cd "$WORK" && "$PYABS" -m PyInstaller --noconfirm --log-level WARN --distpath dist \
    --workpath build/pyinstaller installer/paivystys.spec 2>&1 |
    grep -v 'required via ctypes not found' || true)
[ -x "$WORK/dist/paivystys/paivystys" ] || fail "no frozen app for N+1"
NEW="$(cd "$WORK" && installer/build-deb.sh dist/paivystys dist)"
NEW="$WORK/$NEW"
[ -f "$NEW" ] || fail "no N+1 package"

step "the upgrade, under Xvfb and a Secret Service of its own"
trap 'apt-get purge -y -qq paivystys >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
xvfb-run -a -s "-screen 0 1280x860x24" dbus-run-session -- \
    "$PY" installer/upgrade_session.py "$OLD" "$NEW" || fail "the upgrade session"
echo "ci-upgrade: OK ($OLD -> $(basename "$NEW"))" >&2
