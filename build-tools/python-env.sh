#!/usr/bin/env bash
# The project's Python tools in a virtual environment of its own, .venv/, made from the pinned
# requirements-dev.txt with the machine's python3 (or $PYTHON) and PyPI. Run by the test and
# package:python tasks, and by the tests that call the tools (test/support/python.ts). $VENV and
# $REQUIREMENTS name another environment and its requirements (the Python example's).
#
# Idempotent and fast when up to date: a stamp in .venv/ holds a hash of the requirements, this
# script and the interpreter; when it matches, nothing else runs. When it does not, the
# environment is made anew (so a package dropped from the requirements leaves it too), installed,
# checked with `pip check`, and stamped last, so an interrupted run is redone by the next one.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
REQUIREMENTS=${REQUIREMENTS:-requirements-dev.txt}
PYTHON=${PYTHON:-python3}
STAMP=$VENV/.requirements.sha256

# One run at a time (parallel test workers may call this): a lock on the requirements file itself.
exec 9<"$REQUIREMENTS"
flock 9

wanted=$( { sha256sum "$REQUIREMENTS" build-tools/python-env.sh; "$PYTHON" -c 'import sys; print(sys.version, sys.prefix)'; } | sha256sum | cut -d' ' -f1)
if [[ -x $VENV/bin/python && -f $STAMP && $(<"$STAMP") == "$wanted" ]]; then
  exit 0
fi

echo "python-env: installing $REQUIREMENTS into $VENV/" >&2
rm -f "$STAMP"
"$PYTHON" -m venv --clear "$VENV"
"$VENV/bin/python" -m pip install --quiet --no-input --disable-pip-version-check --require-virtualenv -r "$REQUIREMENTS"
"$VENV/bin/python" -m pip check --disable-pip-version-check >/dev/null
echo "$wanted" >"$STAMP"
echo "python-env: $VENV/ is up to date (installed in $SECONDS s)" >&2
