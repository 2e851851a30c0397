"""The example app's monitor, synthesized in Python, asserted on its template."""

import json

import pytest
from aws_cdk import App
from aws_cdk.assertions import Match, Template

import compliance_app


@pytest.fixture(scope="module")
def template() -> Template:
    return Template.from_stack(compliance_app.build(App()))


def rules_setting(template: Template, function_name: str) -> dict:
    """The RULES variable: the suffix once, each rule without what follows from its name."""
    functions = template.find_resources("AWS::Lambda::Function", {"Properties": {"FunctionName": function_name}})
    (function,) = functions.values()
    return json.loads(function["Properties"]["Environment"]["Variables"]["RULES"])


def deployed_rule(template: Template, rule_name: str) -> dict:
    (rule,) = [rule for rule in rules_setting(template, "compliance-analyzer-staging")["rules"] if rule["ruleName"] == rule_name]
    return rule


def test_the_rule_set_built_in_python_is_the_one_deployed(template):
    rule_set = compliance_app.rule_set()
    assert rule_set.rule_names == [
        "s3-bucket-server-side-encryption-enabled",
        "rds-storage-encrypted",
        "db-instance-backup-enabled",
        "ec2-imdsv2-check",
        "restricted-common-ports",
        "encrypted-volumes",
        "required-tags",
        "restricted-ssh",
    ]
    template.resource_count_is("AWS::Config::ConfigRule", 8)
    template.has_resource_properties(
        "AWS::Config::ConfigRule",
        {"ConfigRuleName": "restricted-ssh-staging", "Source": {"Owner": "AWS", "SourceIdentifier": "INCOMING_SSH_DISABLED"}},
    )
    template.has_resource_properties(
        "AWS::Config::ConfigRule",
        {"ConfigRuleName": "encrypted-volumes-staging", "Source": {"Owner": "AWS", "SourceIdentifier": "ENCRYPTED_VOLUMES"}},
    )


def test_seven_required_tags_are_evaluated_by_the_engine_as_a_custom_rule(template):
    rules = template.find_resources("AWS::Config::ConfigRule", {"Properties": {"ConfigRuleName": "required-tags-staging"}})
    (rule,) = rules.values()
    assert rule["Properties"]["Source"]["Owner"] == "CUSTOM_LAMBDA"
    parameters = rule["Properties"]["InputParameters"]
    assert (parameters["tag1Key"], parameters["tag1Value"]) == ("Environment", "prod,staging,dev")
    assert (parameters["tag7Key"], parameters["tag7Value"]) == ("Backup", "daily,none")
    assert deployed_rule(template, "required-tags")["evaluationMode"] == "ENGINE"


def test_the_analyzer_reads_the_exemption_and_the_remediator_applies(template):
    assert rules_setting(template, "compliance-analyzer-staging")["suffix"] == "-staging"
    ssh = deployed_rule(template, "restricted-ssh")
    assert ssh["autoRemediate"] is True
    # Exempt through 31 March 2027: it stops applying at the first instant of 1 April, UTC.
    assert ssh["exemptions"] == [
        {"tag": {"key": "compliance-exempt", "value": "bastion"}, "reason": "RISK-42: bastion hosts", "expiresAt": "2027-04-01T00:00:00.000Z"}
    ]
    template.has_resource_properties(
        "AWS::Lambda::Function",
        {"FunctionName": "compliance-remediator-staging", "Environment": {"Variables": Match.object_like({"REMEDIATION_MODE": "APPLY"})}},
    )


def test_an_existing_recorder_is_used_and_retention_and_tags_are_applied(template):
    template.resource_count_is("AWS::Config::ConfigurationRecorder", 0)
    template.resource_count_is("AWS::Config::DeliveryChannel", 0)
    template.has_resource_properties(
        "AWS::Lambda::Function",
        {"FunctionName": "compliance-analyzer-staging", "Environment": {"Variables": Match.object_like({"FINDINGS_TTL_DAYS": "120"})}},
    )
    template.has_resource_properties(
        "AWS::DynamoDB::Table",
        {"TableName": "compliance-findings-staging", "Tags": Match.array_with([{"Key": "Team", "Value": "platform"}])},
    )
    template.has_resource_properties(
        "AWS::SNS::Subscription", {"Protocol": "email", "Endpoint": "platform@example.com"}
    )
