#!/bin/sh
# Checks an installed build against the deliverable golden outboxes (no test code, no Qt):
# each tests/golden/deliverable/outbox-vN.db, copied as the training outbox of a profile
# of its own (its key in the training key file, no keyring), must open in the build
# (migrated to the build's schema, its cipher profile kept) with exactly the counts that
# manifest.json expects (files.<name>.expected_status, under .outbox of the JSON).
#
#   tests/golden/check_installed.sh                  # the paivystys on PATH
#   tests/golden/check_installed.sh /usr/bin/paivystys
#   tests/golden/check_installed.sh python -m app    # a checkout, from its root
#
# Exit 0 when every file matches, 1 otherwise (each file's outcome on stdout). Needs jq.
# Linux profile layout ($XDG_DATA_HOME/paivystys/training); the golden files are copied,
# never opened in place.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
golden=$here/deliverable
manifest=$golden/manifest.json
[ "$#" -gt 0 ] || set -- paivystys
failed=0

for name in $(jq -r '.files | keys[]' "$manifest"); do
    profile=$(mktemp -d)
    training=$profile/data/paivystys/training
    mkdir -p "$training"
    chmod -R 700 "$profile"
    cp "$golden/$name" "$training/outbox.db"
    cp "$golden/${name%.db}.key" "$training/outbox-training.key"
    chmod 600 "$training/outbox.db" "$training/outbox-training.key"
    code=0
    XDG_CONFIG_HOME=$profile/config XDG_DATA_HOME=$profile/data \
        XDG_STATE_HOME=$profile/state XDG_CACHE_HOME=$profile/cache \
        PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
        "$@" outbox status --training --json >"$profile/status.json" 2>"$profile/stderr" ||
        code=$?
    # Exit 1: items wait (every golden file has some); anything else is a failure.
    if [ "$code" -eq 1 ] && jq -e --slurpfile m "$manifest" --arg f "$name" '
        $m[0].files[$f] as $e | .outbox as $o
        | $o.ok == true
          and $o.format.cipher == $e.cipher
          and $o.format.schema >= $e.schema
          and ([$e.expected_status | to_entries[] | $o[.key] == .value] | all)
        ' "$profile/status.json" >/dev/null; then
        echo "ok    $name"
    else
        echo "FAIL  $name (exit $code)"
        cat "$profile/status.json" "$profile/stderr"
        failed=1
    fi
    rm -rf "$profile"
done
exit "$failed"
