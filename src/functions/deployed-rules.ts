import { deployedRuleName } from '../config/rules';
import { RuleSet } from '../rules';
import { Severity } from '../rules/severity';

/** A rule as the construct deployed it, and as the analyzer reads it from its `RULES` variable. */
export interface DeployedRule {
  /** `{rule}-{environmentSuffix}`. */
  readonly configRuleName: string;
  /** The rule's name in the catalog (`required-tags`), or a managed or custom rule's own name. */
  readonly ruleName: string;
  readonly severity: Severity;
  readonly evaluationMode: string;
}

/** The rule set as the analyzer's `RULES` variable carries it: what it needs, no more (Lambda allows 4 KB of variables). */
export function deployedRules(ruleSet: RuleSet, environmentSuffix: string): DeployedRule[] {
  return ruleSet.rules.map((rule) => ({
    configRuleName: deployedRuleName(rule, environmentSuffix),
    ruleName: rule.configRuleName,
    severity: rule.severity,
    evaluationMode: rule.evaluationMode,
  }));
}
