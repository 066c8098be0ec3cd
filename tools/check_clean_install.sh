#!/usr/bin/env bash
# A clean install works: `pip install .` without extras into a fresh virtual environment, then `sitrep extract`
# on a bundled HTML sample must print a report with events.  `make test` runs this (CI included).
#
# Every dependency is installed with its own dependencies (never --no-deps), from a wheelhouse kept in the
# cache (${SITREP_WHEELS:-~/.cache/sitrep/wheels}): the first run fills it with `pip download`, later runs
# install from it offline (seconds instead of minutes), and fill in what a changed pyproject.toml adds.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
WHEELS=${SITREP_WHEELS:-${XDG_CACHE_HOME:-$HOME/.cache}/sitrep/wheels}
SAMPLE=${1:-samples/anbar-weekly.html}
started=$(date +%s)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$WHEELS"

"$PYTHON" -m venv "$tmp/venv"
pip=("$tmp/venv/bin/python" -m pip --disable-pip-version-check)
install() { "${pip[@]}" install --quiet --no-compile --no-index --find-links "$WHEELS" . ; }
if ! install 2>/dev/null; then
    echo "clean install: filling the wheelhouse $WHEELS (first run or new dependencies)" >&2
    "${pip[@]}" download --quiet --dest "$WHEELS" . "setuptools>=68" wheel
    rm -f "$WHEELS"/sitrep-*.whl  # the project itself is always built from this tree
    install
fi

out="$tmp/report.json"
"$tmp/venv/bin/sitrep" extract "$SAMPLE" --compact > "$out"
"$tmp/venv/bin/python" - "$out" "$SAMPLE" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
events = report.get("events") or []
assert events, f"sitrep extract {sys.argv[2]} in a clean install found no events"
text = report["document"]["text"]
assert all(e["text"] == text[e["start"]:e["end"]] for ev in events for e in ev["evidence"]), "evidence off its text"
print(f"clean install: sitrep extract {sys.argv[2]} -> {len(events)} events", file=sys.stderr)
EOF
echo "clean install: ok in $(( $(date +%s) - started )) s" >&2
