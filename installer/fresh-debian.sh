#!/usr/bin/env bash
# Follows docs/helpdesk.md on a fresh Debian: a minimal Debian of this machine's release
# (debootstrap, from this machine's own Debian mirror) gets the .deb, the region's CA, a
# signed policy, a worker; then, as the worker in a session with a real Secret Service,
# `paivystys --self-test` and `paivystys doctor` must both exit 0 (a healthy installation).
#
#   PY=/path/to/venv/bin/python installer/fresh-debian.sh [PACKAGE.deb]
#
# The commands run on the fresh system are the guide's own: each block marked
# `<!-- fresh-debian: NAME -->` in docs/helpdesk.md is taken from it and run as written
# (install, ca, sign, place as root; check as the worker). What the guide leaves to the
# region is made here: the region's systems are the training systems (run from the source
# tree on 127.0.0.1) behind TLS (socat) with certificates of a CA made here; their names
# are the example policy's, pointed at 127.0.0.1 in the fresh system's /etc/hosts. The
# policy is the example with those endpoints. Needs root (debootstrap, chroot, mount).
# Reuses a debootstrap tarball in $FRESH_DEBIAN_CACHE (default /var/cache/paivystys-fresh).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
PY="${PY:-.venv/bin/python}"
export DEBIAN_FRONTEND=noninteractive
step() { printf '\n== fresh-debian: %s\n' "$*" >&2; }
fail() { echo "fresh-debian: FAIL: $*" >&2; exit 1; }

VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' app/__init__.py)"
ARCH="$(dpkg --print-architecture)"
DEB="$(realpath "${1:-dist/paivystys_${VERSION}-1_${ARCH}.deb}")"
[ -f "$DEB" ] || fail "no package $DEB (installer/ci-deb.sh or ./dev package builds it)"

# The guide's block NAME, as written.
block() {
    awk -v marker="<!-- fresh-debian: $1 -->" '
        $0 == marker { found = 1; next }
        found && !inside && /^```sh$/ { inside = 1; next }
        inside && /^```$/ { exit }
        inside { print }' docs/helpdesk.md
}
for name in install ca sign place check; do
    [ -n "$(block "$name")" ] || fail "docs/helpdesk.md has no block '$name'"
done

step "tools"
need=()
for tool in debootstrap:debootstrap socat:socat openssl:openssl; do
    command -v "${tool%%:*}" >/dev/null || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then apt-get install -y -qq "${need[@]}" >/dev/null; fi

# This machine's Debian release and mirror (deb822 or one-line sources).
. /etc/os-release
SUITE="$VERSION_CODENAME"
MIRROR="$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
[ -n "$MIRROR" ] || MIRROR="$(awk '$1 == "deb" && $3 == "'"$SUITE"'" { print $2; exit }' /etc/apt/sources.list)"
[ -n "$MIRROR" ] || fail "no Debian mirror found in this machine's apt sources"

ROOT="$(mktemp -d /var/tmp/fresh-debian.XXXXXX)"
chmod 755 "$ROOT"  # the fresh system's / (mktemp makes it 0700)
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for mount in dev/pts dev proc; do
        mountpoint -q "$ROOT/$mount" && umount -l "$ROOT/$mount"
    done
    rm -rf "$WORK"
    # Only our own folder, and only when nothing is mounted under it any more.
    if ! grep -q " $ROOT/" /proc/mounts; then rm -rf --one-file-system "$ROOT"; fi
}
trap cleanup EXIT

step "a fresh $SUITE ($ARCH, minbase)"
CACHE="${FRESH_DEBIAN_CACHE:-/var/cache/paivystys-fresh}"
TARBALL="$CACHE/$SUITE-$ARCH-minbase.tgz"
mkdir -p "$CACHE"
if [ ! -s "$TARBALL" ]; then
    debootstrap --variant=minbase --make-tarball="$TARBALL" "$SUITE" "$WORK/tarball" "$MIRROR" \
        >"$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log" >&2; fail "debootstrap --make-tarball"; }
fi
debootstrap --variant=minbase --unpack-tarball="$TARBALL" "$SUITE" "$ROOT" "$MIRROR" \
    >"$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log" >&2; fail "debootstrap"; }
mount -t proc proc "$ROOT/proc"
mount --bind /dev "$ROOT/dev"
mount --bind /dev/pts "$ROOT/dev/pts"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
in_root apt-get update -qq >/dev/null || fail "apt-get update in the fresh system"

step "the region: training systems behind TLS, a CA of its own"
"$PY" -m app training-server >"$WORK/server.out" 2>"$WORK/server.err" &
PIDS+=($!)
for _ in $(seq 120); do grep -q '"control"' "$WORK/server.out" 2>/dev/null && break; sleep 0.5; done
grep -q '"control"' "$WORK/server.out" || { cat "$WORK/server.err" >&2; fail "training server"; }
# The example's endpoint names, each with a TLS front of its own on 127.0.0.1.
"$PY" - "$REPO/resources/policy/keski-uusimaa.toml" "$WORK" <<'EOF'
import json, socket, sys, tomllib
from pathlib import Path
from urllib.parse import urlsplit

example, work = Path(sys.argv[1]), Path(sys.argv[2])
policy = tomllib.loads(example.read_text(encoding="utf-8"))
systems = json.loads((work / "server.out").read_text(encoding="utf-8").splitlines()[0])
text = example.read_text(encoding="utf-8")
fronts = []
for municipality in policy["municipalities"]:
    endpoint = municipality["system"]["endpoint"]
    host = urlsplit(endpoint).hostname
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    backend = urlsplit(systems["systems"][municipality["code"]]).port
    fronts.append(f"{host} {port} {backend}")
    text = text.replace(f'"{endpoint}"', f'"https://{host}:{port}"')
# Helpdesk's own file: signed, so it carries a serial.
text = text.replace("\nversion = 1\n", "\nversion = 1\nserial = 1\n", 1)
assert "\nserial = 1\n" in text
(work / "fronts").write_text("\n".join(fronts) + "\n", encoding="utf-8")
(work / "10-keusote.toml").write_text(text, encoding="utf-8")
EOF
mapfile -t FRONTS <"$WORK/fronts"
NAMES=()
for front in "${FRONTS[@]}"; do NAMES+=("DNS:${front%% *}"); done
SAN="$(IFS=,; echo "${NAMES[*]}")"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj "/CN=Keusote test CA" -keyout "$WORK/ca.key" -out "$WORK/region-ca.crt" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=${FRONTS[0]%% *}" \
    -keyout "$WORK/leaf.key" -out "$WORK/leaf.csr" 2>/dev/null
printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\n' "$SAN" >"$WORK/leaf.ext"
openssl x509 -req -in "$WORK/leaf.csr" -CA "$WORK/region-ca.crt" -CAkey "$WORK/ca.key" \
    -CAcreateserial -days 2 -extfile "$WORK/leaf.ext" -out "$WORK/leaf.crt" 2>/dev/null
for front in "${FRONTS[@]}"; do
    read -r host port backend <<<"$front"
    socat "OPENSSL-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork,cert=$WORK/leaf.crt,key=$WORK/leaf.key,verify=0" \
        "TCP:127.0.0.1:$backend" 2>>"$WORK/socat.err" &
    PIDS+=($!)
    echo "127.0.0.1 $host" >>"$ROOT/etc/hosts"
done

step "helpdesk: install (docs/helpdesk.md, section 0)"
mkdir -p "$ROOT/root/push"
cp "$DEB" "$WORK/region-ca.crt" "$ROOT/root/push/"
in_root bash -euc "cd /root/push; $(block install)" >"$WORK/install.log" 2>&1 ||
    { tail -30 "$WORK/install.log" >&2; fail "the guide's install block"; }
in_root bash -euc "cd /root/push; $(block ca)" >>"$WORK/install.log" 2>&1 ||
    { tail -30 "$WORK/install.log" >&2; fail "the guide's ca block"; }

step "helpdesk: sign and place the policy (section 1)"
mkdir -p "$ROOT/root/signing"
cp "$WORK/10-keusote.toml" "$ROOT/root/signing/"
in_root bash -euc "cd /root/signing; $(block sign)" || fail "the guide's sign block"
cp "$ROOT/root/paivystys-signing/policy-signing.pub" "$ROOT/root/signing/10-keusote.toml" \
    "$ROOT/root/signing/10-keusote.toml.sig" "$ROOT/root/push/"
in_root bash -euc "cd /root/push; $(block place)" || fail "the guide's place block"

step "the worker: self-test and doctor in a session with a Secret Service (section 3)"
# A desktop session has a D-Bus; the guide's install brought gnome-keyring (Recommends).
in_root apt-get install -y -qq dbus >/dev/null || fail "dbus for the worker's session"
in_root useradd --create-home --shell /bin/bash sanna
block check >"$ROOT/home/sanna/check.sh"
cat >"$ROOT/home/sanna/session.sh" <<'EOF'
echo -n sanna | gnome-keyring-daemon --unlock --components=secrets >/dev/null
exec bash -eu ~/check.sh
EOF
in_root runuser -l sanna -c "dbus-run-session -- bash -eu ~/session.sh" >"$WORK/check.log" 2>&1 ||
    { cat "$WORK/check.log" >&2; fail "the guide's check block"; }
cat "$WORK/check.log" >&2
# The guide's commands speak Finnish to a worker who chose no language (docs/translations.md).
grep -q '^avainsäilö: keyring.backends.SecretService' "$WORK/check.log" || fail "no Secret Service"
grep -q 'EI tavoitettavissa' "$WORK/check.log" && fail "doctor found a system unreachable"
echo "fresh-debian: OK (doctor healthy on a fresh $SUITE with $(basename "$DEB"))" >&2
