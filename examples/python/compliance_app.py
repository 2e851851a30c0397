"""The monitor as a platform team would write it in Python: a rule set of its own, remediation
applied, an existing Config recorder, retention and tags. `python compliance_app.py` synthesizes it
into cdk.out/ (or $CDK_OUTDIR); the tests in tests/ assert the template it gives."""

from aws_cdk import App, Duration, Stack
from cdk_compliance_monitor import (
    ComplianceMonitor,
    ComplianceRule,
    Evaluator,
    Exemption,
    RecorderOptions,
    RemediationMode,
    RetentionOptions,
    RuleSet,
)

ENVIRONMENT_SUFFIX = "staging"

# Seven tags: one more than the managed REQUIRED_TAGS rule takes, so the engine evaluates them.
REQUIRED_TAGS = {
    "Environment": ["prod", "staging", "dev"],
    "Owner": [],
    "CostCenter": [],
    "DataClass": ["public", "internal", "secret"],
    "Team": [],
    "Application": [],
    "Backup": ["daily", "none"],
}

BASTION_EXEMPTION = Exemption.of_tag(
    "compliance-exempt", "bastion", reason="RISK-42: bastion hosts", expires="2027-03-31"
)


def rule_set() -> RuleSet:
    """The recommended rules, with required tags and SSH as this team wants them."""
    return (
        RuleSet.recommended()
        .without_rules("required-tags", "restricted-ssh")
        .with_rules(
            ComplianceRule.required_tags(tags=REQUIRED_TAGS, evaluator=Evaluator.ENGINE),
            ComplianceRule.restricted_ssh(exemptions=[BASTION_EXEMPTION], auto_remediate=True),
        )
    )


def build(app: App) -> Stack:
    stack = Stack(app, "CompliancePython")
    ComplianceMonitor(
        stack,
        "Monitor",
        environment_suffix=ENVIRONMENT_SUFFIX,
        alert_emails=["secops@example.com", "platform@example.com"],
        rules=rule_set(),
        remediation=RemediationMode.APPLY,
        recorder=RecorderOptions(use_existing=True),
        retention=RetentionOptions(reports=Duration.days(400), findings=Duration.days(120)),
        tags={"Team": "platform", "CostCenter": "cc-1234"},
    )
    return stack


if __name__ == "__main__":
    application = App()
    build(application)
    application.synth()
