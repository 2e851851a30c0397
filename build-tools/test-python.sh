#!/usr/bin/env bash
# The Python binding as a user gets it: the wheel that `package:python` built, installed into
# examples/python/.venv/ beside its dependencies from PyPI, pinned in examples/python/requirements.txt;
# then the example's pytest tests. Run by the test:python task.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=examples/python/.venv
VENV=$VENV REQUIREMENTS=examples/python/requirements.txt bash build-tools/python-env.sh

wheels=(dist/python/cdk_compliance_monitor-*-py3-none-any.whl)
if [[ ${#wheels[@]} -ne 1 || ! -f ${wheels[0]} ]]; then
  echo "test-python: expected one wheel in dist/python/, found: ${wheels[*]}; run npx projen package:python" >&2
  exit 1
fi
# The wheel alone, then pip check: each requirement it declares must hold in the pinned environment.
"$VENV/bin/python" -m pip install --quiet --no-input --disable-pip-version-check --no-deps --force-reinstall "${wheels[0]}"
"$VENV/bin/python" -m pip check --disable-pip-version-check

cd examples/python
exec .venv/bin/python -m pytest --quiet -p no:cacheprovider tests
