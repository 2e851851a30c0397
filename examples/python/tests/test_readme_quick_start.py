"""The README's Python quick start, read from the README and run as written: the README cannot drift."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from aws_cdk.assertions import Match, Template

README = Path(__file__).resolve().parents[3] / "README.md"


def quick_start() -> str:
    """The first Python block under "## Quick start"."""
    section = README.read_text(encoding="utf-8").split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    assert blocks, "the README's Quick start has no Python block"
    return blocks[0]


def test_the_readme_quick_start_synthesizes_the_monitor(tmp_path):
    # In a Python of its own, as a user runs an app: CDK_OUTDIR reaches the jsii runtime it starts.
    app = tmp_path / "app.py"
    app.write_text(quick_start(), encoding="utf-8")
    subprocess.run([sys.executable, str(app)], env={**os.environ, "CDK_OUTDIR": str(tmp_path)}, check=True, timeout=300)

    template = Template.from_json(json.loads((tmp_path / "Compliance.template.json").read_text()))
    template.resource_count_is("AWS::Config::ConfigRule", 8)
    template.resource_count_is("AWS::Config::ConfigurationRecorder", 1)
    template.has_resource_properties("AWS::SNS::Subscription", {"Protocol": "email", "Endpoint": "secops@example.com"})
    for purpose in ("analyzer", "aggregator", "remediator"):
        template.has_resource_properties("AWS::Lambda::Function", {"FunctionName": f"compliance-{purpose}-prod"})
    template.has_resource_properties("AWS::DynamoDB::Table", {"TableName": "compliance-findings-prod"})
    template.has_resource_properties(
        "AWS::Lambda::Function",
        {"FunctionName": "compliance-remediator-prod", "Environment": {"Variables": Match.object_like({"REMEDIATION_MODE": "DRY_RUN"})}},
    )
