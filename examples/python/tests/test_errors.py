"""Bad props raise in Python with the message TypeScript users read: the fix named, the prop named."""

import pytest
from aws_cdk import App, Stack
from cdk_compliance_monitor import ComplianceMonitor, ComplianceRule, Exemption, RuleSet


def monitor(**props):
    return ComplianceMonitor(Stack(App(), "Bad"), "Monitor", **{"environment_suffix": "prod", "alert_emails": ["secops@example.com"], **props})


def test_an_empty_list_of_alert_emails():
    with pytest.raises(Exception) as raised:
        monitor(alert_emails=[])
    assert 'alertEmails is empty: give at least one address to receive compliance alerts (for example ["secops@example.com"]).' in str(raised.value)


def test_an_address_that_is_not_one():
    with pytest.raises(Exception) as raised:
        monitor(alert_emails=["secops"])
    assert 'alertEmails: "secops" is not an e-mail address: use the form name@example.com.' in str(raised.value)


def test_an_exemption_without_resources():
    with pytest.raises(Exception) as raised:
        Exemption.of_resources([], reason="none")
    assert "Exemption.ofResources: resourceIds must list at least one resource id, none empty." in str(raised.value)


def test_a_rule_given_twice():
    with pytest.raises(Exception) as raised:
        RuleSet.recommended().with_rules(ComplianceRule.restricted_ssh())
    assert 'RuleSet: rule "restricted-ssh" is already in the set; remove it with withoutRules("restricted-ssh") first.' in str(raised.value)
