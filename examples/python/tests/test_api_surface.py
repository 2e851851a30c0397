"""Every public factory, option and member of the API, called from Python: jsii breaks where
TypeScript does not (snake_case names, structs flattened into keyword arguments, enum-like classes
with static factories, maps and lists of constructs), and each of these would show it."""

import pytest
from aws_cdk import App, Stack, aws_config, aws_iam, aws_lambda
from aws_cdk.assertions import Match, Template
from cdk_compliance_monitor import (
    ComplianceMonitor,
    ComplianceRule,
    Evaluator,
    Exemption,
    FunctionOptions,
    RuleSet,
    RuleTrigger,
    Severity,
)

SNAKE_CASE_FACTORIES = {
    "s3-bucket-server-side-encryption-enabled": lambda: ComplianceRule.s3_bucket_server_side_encryption(),
    "s3-default-encryption-kms": lambda: ComplianceRule.s3_default_encryption_kms(kms_key_arns=["arn:aws:kms:eu-west-1:123456789012:key/abc"]),
    "s3-bucket-versioning-enabled": lambda: ComplianceRule.s3_bucket_versioning_enabled(require_mfa_delete=True),
    "rds-storage-encrypted": lambda: ComplianceRule.rds_storage_encrypted(kms_key_id="alias/rds"),
    "db-instance-backup-enabled": lambda: ComplianceRule.rds_backup_enabled(backup_retention_minimum=7, check_read_replicas=True),
    "ec2-imdsv2-check": lambda: ComplianceRule.ec2_imdsv2(auto_remediate=True),
    "desired-instance-type": lambda: ComplianceRule.desired_instance_types(instance_types=["t3.micro", "m5.large"]),
    "restricted-common-ports": lambda: ComplianceRule.restricted_common_ports(blocked_ports=[22, 3389]),
    "vpc-sg-open-only-to-authorized-ports": lambda: ComplianceRule.security_group_authorized_ports(tcp=["443", "8080-8090"], udp=[]),
    "encrypted-volumes": lambda: ComplianceRule.encrypted_volumes(kms_id="alias/ebs", severity=Severity.CRITICAL),
}


@pytest.fixture
def monitor_and_stack():
    """A monitor of every kind of rule; a stack per test, since a synthesized one cannot change."""
    stack = Stack(App(), "Surface")
    evaluator = aws_lambda.Function(
        stack,
        "OwnEvaluator",
        runtime=aws_lambda.Runtime.PYTHON_3_12,
        handler="index.handler",
        code=aws_lambda.Code.from_inline("def handler(event, context):\n    return None\n"),
    )
    rules = RuleSet.of(
        *[factory() for factory in SNAKE_CASE_FACTORIES.values()],
        ComplianceRule.managed(
            "S3_BUCKET_PUBLIC_READ_PROHIBITED",
            rule_name="s3-public-read",
            trigger=RuleTrigger.configuration_changes_and_periodic(aws_config.MaximumExecutionFrequency.SIX_HOURS),
            severity=Severity.HIGH,
        ),
        ComplianceRule.custom(
            rule_name="own-rule",
            lambda_function=evaluator,
            resource_types=["AWS::S3::Bucket"],
            trigger=RuleTrigger.periodic(aws_config.MaximumExecutionFrequency.TWENTY_FOUR_HOURS),
            exemptions=[Exemption.of_resources(["legacy-bucket"], reason="RISK-7: kept until 2027")],
        ),
        ComplianceRule.built_in("required-tags", parameters={"tag1Key": "Owner"}, evaluator=Evaluator.MANAGED),
    )
    monitor = ComplianceMonitor(
        stack,
        "Monitor",
        environment_suffix="surface",
        alert_emails=["secops@example.com"],
        rules=rules,
        functions=FunctionOptions(memory_size=512, architecture=aws_lambda.Architecture.X86_64),
    )
    return monitor, stack


def test_each_factory_gives_its_rule_under_its_snake_case_name():
    for rule_name, factory in SNAKE_CASE_FACTORIES.items():
        rule = factory()
        assert rule.rule_name == rule_name
    assert ComplianceRule.encrypted_volumes(kms_id="alias/ebs", severity=Severity.CRITICAL).severity == Severity.CRITICAL
    assert ComplianceRule.desired_instance_types(instance_types=["t3.micro", "m5.large"]).parameters == {"instanceType": "t3.micro,m5.large"}
    assert RuleTrigger.periodic(aws_config.MaximumExecutionFrequency.SIX_HOURS).on_configuration_change is False


def test_the_managed_custom_and_built_in_rules_deploy_as_given(monitor_and_stack):
    _monitor, stack = monitor_and_stack
    template = Template.from_stack(stack)
    template.resource_count_is("AWS::Config::ConfigRule", 13)
    template.has_resource_properties(
        "AWS::Config::ConfigRule",
        {
            "ConfigRuleName": "s3-public-read-surface",
            "MaximumExecutionFrequency": "Six_Hours",
            "Source": {"Owner": "AWS", "SourceIdentifier": "S3_BUCKET_PUBLIC_READ_PROHIBITED"},
        },
    )
    template.has_resource_properties(
        "AWS::Config::ConfigRule",
        {
            "ConfigRuleName": "own-rule-surface",
            "Scope": {"ComplianceResourceTypes": ["AWS::S3::Bucket"]},
            "Source": Match.object_like({"Owner": "CUSTOM_LAMBDA", "SourceIdentifier": {"Fn::GetAtt": [Match.string_like_regexp("^OwnEvaluator"), "Arn"]}}),
        },
    )
    template.has_resource_properties(
        "AWS::Config::ConfigRule",
        {"ConfigRuleName": "vpc-sg-open-only-to-authorized-ports-surface", "InputParameters": {"authorizedTcpPorts": "443,8080-8090"}},
    )
    template.has_resource_properties(
        "AWS::Lambda::Function", {"FunctionName": "compliance-analyzer-surface", "MemorySize": 512, "Architectures": ["x86_64"]}
    )


def test_the_monitor_exposes_its_resources_to_python(monitor_and_stack):
    monitor, stack = monitor_and_stack
    assert sorted(monitor.config_rules) == sorted(monitor.rule_set.rule_names)
    assert sorted(monitor.log_groups) == ["aggregator", "analyzer", "remediator"]
    assert len(monitor.alarms) > 0
    assert monitor.config_bucket is not None
    reader = aws_iam.Role(stack, "Reader", assumed_by=aws_iam.AccountRootPrincipal())
    monitor.findings_table.grant_read_data(reader)
    monitor.config_rules["own-rule"].on_compliance_change("OwnRuleChanged")
    template = Template.from_stack(stack)
    template.has_resource_properties(
        "AWS::Events::Rule",
        {"EventPattern": Match.object_like({"detail": Match.object_like({"configRuleName": [{"Ref": Match.string_like_regexp("^MonitorRuleownrule")}]})})},
    )
    template.has_resource_properties(
        "AWS::IAM::Policy",
        {"Roles": [{"Ref": Match.string_like_regexp("^Reader")}], "PolicyDocument": Match.object_like({"Statement": Match.array_with([Match.object_like({"Action": Match.array_with(["dynamodb:GetItem"])})])})},
    )
