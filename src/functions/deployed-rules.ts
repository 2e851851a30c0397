import { deployedRuleName } from '../config/rules';
import { DeployedExemption, DeployedRule } from '../core/settings/deployed-rule';
import { RuleSet } from '../rules';
import { Exemption } from '../rules/exemption';

function deployedExemption(exemption: Exemption): DeployedExemption {
  return {
    ...(exemption.resourceIds ? { resourceIds: exemption.resourceIds } : { tag: { key: exemption.tagKey!, value: exemption.tagValue! } }),
    reason: exemption.reason,
    ...(exemption.approvedBy !== undefined ? { approvedBy: exemption.approvedBy } : {}),
    ...(exemption.ticket !== undefined ? { ticket: exemption.ticket } : {}),
    ...(exemption.expiresAt ? { expiresAt: exemption.expiresAt } : {}),
  };
}

/**
 * The rule set as the handlers' `RULES` setting carries it: what the handlers need, no more, since
 * Lambda allows 4 KB of variables in all.
 */
export function toDeployedRules(ruleSet: RuleSet, environmentSuffix: string): DeployedRule[] {
  return ruleSet.rules.map((rule) => ({
    configRuleName: deployedRuleName(rule, environmentSuffix),
    ruleName: rule.ruleName,
    severity: rule.severity,
    evaluationMode: rule.evaluator,
    ...(rule.exemptions.length > 0 ? { exemptions: rule.exemptions.map(deployedExemption) } : {}),
    ...(rule.autoRemediate ? { autoRemediate: true, parameters: rule.parameters } : {}),
  }));
}
