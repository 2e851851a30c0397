import sys
from pathlib import Path

# The example app, importable as `compliance_app` from the tests.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
