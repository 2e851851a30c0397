import type { ReportedRule } from './report';
import { managedRulePageUrl, RULE_CATALOG } from '../rules/catalog';

/**
 * A rule as a report's scope states it; a built-in rule with what it checks, what to change and
 * AWS's page of its managed rule.
 */
export function reportedRule(
  ruleName: string, configRuleName: string, severity?: string, parameters?: Readonly<Record<string, string>>,
): ReportedRule {
  const definition = RULE_CATALOG.get(ruleName);
  return {
    name: ruleName,
    config_rule_name: configRuleName,
    ...(severity !== undefined ? { severity } : {}),
    ...(parameters !== undefined ? { parameters } : {}),
    ...(definition ? { description: definition.description, remediation: definition.remediation, aws_page: managedRulePageUrl(ruleName) } : {}),
  };
}
