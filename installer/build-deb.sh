#!/usr/bin/env bash
# Builds dist/paivystys_<version>-1_<arch>.deb from the frozen folder dist/paivystys
# (installer/paivystys.spec). Run from the repository root: ./dev package does.
#
#   installer/build-deb.sh [FROZEN_DIR] [OUT_DIR]
#
# Needs dpkg-dev (dpkg-shlibdeps) and, for Depends, the libraries installed on the build
# machine. Reproducible: every date and file time is the last commit's (SOURCE_DATE_EPOCH).
set -euo pipefail
cd "$(dirname "$0")/.."
FROZEN="${1:-dist/paivystys}"
OUT="${2:-dist}"
SRC=installer/debian
ID=fi.paivystys.Paivystys

[ -x "$FROZEN/paivystys" ] || { echo "build-deb: no frozen app in $FROZEN" >&2; exit 1; }
VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' app/__init__.py)"
[[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] ||
    { echo "build-deb: app.__version__ '$VERSION' is not a three-part version" >&2; exit 1; }
DEBVERSION="$VERSION-1"
ARCH="$(dpkg --print-architecture)"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
DATE_ISO="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)"
DATE_RFC="$(date -u -R -d "@$SOURCE_DATE_EPOCH")"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
ROOT="$WORK/root"
LIB="$ROOT/usr/lib/paivystys"
DOC="$ROOT/usr/share/doc/paivystys"
install -d "$ROOT/DEBIAN" "$ROOT/usr/bin" "$LIB" "$DOC/examples" "$ROOT/usr/share/applications" \
    "$ROOT/usr/share/metainfo" "$ROOT/usr/share/icons/hicolor/scalable/apps" \
    "$ROOT/usr/share/man/man1" "$ROOT/usr/share/lintian/overrides"

# The frozen app, and the launcher on PATH (the bootloader finds its bundle through
# /proc/self/exe, so a symlink is enough).
cp -a "$FROZEN/." "$LIB/"
ln -s ../lib/paivystys/paivystys "$ROOT/usr/bin/paivystys"

# Desktop integration.
install -m 644 "$SRC/$ID.desktop" "$ROOT/usr/share/applications/$ID.desktop"
sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$DATE_ISO/" "$SRC/$ID.metainfo.xml" \
    > "$ROOT/usr/share/metainfo/$ID.metainfo.xml"
install -m 644 resources/icons/paivystys.svg "$ROOT/usr/share/icons/hicolor/scalable/apps/$ID.svg"
sed "s/@VERSION@/$VERSION/" "$SRC/paivystys.1" | gzip -9n > "$ROOT/usr/share/man/man1/paivystys.1.gz"

# Documentation. No policy anywhere under /etc: helpdesk's /etc/paivystys/policy.d/ is
# theirs, and a conffile there would prompt on every upgrade.
install -m 644 "$SRC/copyright" "$DOC/copyright"
install -m 644 resources/policy/*.toml "$DOC/examples/"
cat > "$WORK/changelog" <<EOF
paivystys ($DEBVERSION) stable; urgency=medium

  * Päivystys $VERSION: the frozen application (installer/paivystys.spec).

 -- Päivystys helpdesk <helpdesk@paivystys.invalid>  $DATE_RFC
EOF
gzip -9n < "$WORK/changelog" > "$DOC/changelog.Debian.gz"
install -m 644 "$SRC/lintian-overrides" "$ROOT/usr/share/lintian/overrides/paivystys"

# Modes: directories 755, files 644, executables (and ELF objects) 755.
find "$ROOT" -type d -exec chmod 755 {} +
find "$ROOT/usr" -type f -exec chmod 644 {} +
chmod 755 "$LIB/paivystys"
find "$LIB" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 644 {} +

# Depends: what the bundle's ELF files need from the distribution (Qt's xcb, wayland and
# print plugins included), found by dpkg-shlibdeps; the bundle's own libraries are
# searched in the bundle and need no package.
mapfile -t ELVES < <(find "$LIB" -type f \( -name '*.so' -o -name '*.so.*' -o -path "$LIB/paivystys" \) \
    -exec sh -c 'head -c4 "$1" | grep -q "ELF" && echo "$1"' _ {} \;)
# The build host's search paths (pyenv's lib directory in libpython and Python's own
# extension modules) must not follow the app onto a laptop: keep only $ORIGIN entries.
command -v patchelf >/dev/null || { echo "build-deb: patchelf is needed" >&2; exit 1; }
for elf in "${ELVES[@]}"; do
    runpath="$(patchelf --print-rpath "$elf" 2>/dev/null || true)"
    [ -n "$runpath" ] || continue
    kept="$(tr ':' '\n' <<<"$runpath" | grep '^\$ORIGIN' | paste -sd: || true)"
    [ "$kept" = "$runpath" ] && continue
    if [ -n "$kept" ]; then patchelf --set-rpath "$kept" "$elf"; else patchelf --remove-rpath "$elf"; fi
done
mapfile -t PRIVATE < <(printf '%s\n' "${ELVES[@]}" | xargs -n1 dirname | sort -u)
mkdir -p "$WORK/src/debian"
printf 'Source: paivystys\n\nPackage: paivystys\nArchitecture: any\n' > "$WORK/src/debian/control"
(cd "$WORK/src" && dpkg-shlibdeps -O --ignore-missing-info --warnings=0 \
    "${PRIVATE[@]/#/-l}" "${ELVES[@]}") > "$WORK/shlibs" 2> "$WORK/shlibdeps.log" ||
    { cat "$WORK/shlibdeps.log" >&2; exit 1; }
SHLIBS="$(sed -n 's/^shlibs:Depends=//p' "$WORK/shlibs")"
[ -n "$SHLIBS" ] || { echo "build-deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

SIZE="$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)"
cat > "$ROOT/DEBIAN/control" <<EOF
Package: paivystys
Version: $DEBVERSION
Architecture: $ARCH
Maintainer: Päivystys helpdesk <helpdesk@paivystys.invalid>
Installed-Size: $SIZE
Depends: $SHLIBS, ca-certificates
Recommends: gnome-keyring | libkf5wallet-bin
Section: misc
Priority: optional
Description: workstation for Finnish social emergency duty workers
 Päivystys shows a client's records from the municipality's client
 information system, records duty entries, child welfare notifications and
 handoffs, and keeps what cannot be sent yet in an encrypted outbox (its key
 in the desktop's keyring) until the system can be reached.
 .
 The machine policy is placed by helpdesk in /etc/paivystys/policy.d/; the
 package ships none. An example is in /usr/share/doc/paivystys/examples/.
EOF
(cd "$ROOT" && find usr -type f -exec md5sum {} + | sort -k2) > "$ROOT/DEBIAN/md5sums"
chmod 644 "$ROOT/DEBIAN/control" "$ROOT/DEBIAN/md5sums"

mkdir -p "$OUT"
DEB="$OUT/paivystys_${DEBVERSION}_${ARCH}.deb"
# xz by default (the smallest, about 65 MB); DEB_COMPRESS=gzip builds faster (CI).
dpkg-deb --root-owner-group "-Z${DEB_COMPRESS:-xz}" --build "$ROOT" "$DEB" >/dev/null
echo "$DEB"
