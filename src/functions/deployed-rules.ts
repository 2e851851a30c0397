import { deployedRuleName } from '../config/rules';
import { RuleSet } from '../rules';
import { Exemption } from '../rules/exemption';
import { Severity } from '../rules/severity';

/** An exemption as the handlers read it. */
export interface DeployedExemption {
  /** The exempt resource ids; absent for a tag exemption. */
  readonly resourceIds?: string[];
  /** The tag of a tag exemption. */
  readonly tag?: { readonly key: string; readonly value: string };
  readonly reason: string;
  /** The first instant (ISO 8601) the exemption no longer applies; absent when it never expires. */
  readonly expiresAt?: string;
}

/** A rule as the construct deployed it, and as the handlers read it from their `RULES` variable. */
export interface DeployedRule {
  /** `{rule}-{environmentSuffix}`. */
  readonly configRuleName: string;
  /** The rule's name in the catalog (`required-tags`), or a managed or custom rule's own name. */
  readonly ruleName: string;
  readonly severity: Severity;
  readonly evaluationMode: string;
  /** Absent when the rule has none. */
  readonly exemptions?: DeployedExemption[];
  /** Present, and true, when the remediator fixes the rule's new violations. */
  readonly autoRemediate?: true;
  /** The rule's parameters, which the remediator reads; present only with `autoRemediate`. */
  readonly parameters?: { readonly [name: string]: string };
}

function deployedExemption(exemption: Exemption): DeployedExemption {
  return {
    ...(exemption.resourceIds ? { resourceIds: exemption.resourceIds } : { tag: { key: exemption.tagKey!, value: exemption.tagValue! } }),
    reason: exemption.reason,
    ...(exemption.expiresAt ? { expiresAt: exemption.expiresAt } : {}),
  };
}

/**
 * The rule set as the `RULES` variable carries it: what the handlers need, no more, since Lambda
 * allows 4 KB of variables in all.
 */
export function deployedRules(ruleSet: RuleSet, environmentSuffix: string): DeployedRule[] {
  return ruleSet.rules.map((rule) => ({
    configRuleName: deployedRuleName(rule, environmentSuffix),
    ruleName: rule.configRuleName,
    severity: rule.severity,
    evaluationMode: rule.evaluationMode,
    ...(rule.exemptions.length > 0 ? { exemptions: rule.exemptions.map(deployedExemption) } : {}),
    ...(rule.autoRemediate ? { autoRemediate: true, parameters: rule.parameters } : {}),
  }));
}

/**
 * Lambda allows 4 KB of environment variables per function; the other variables take under 800
 * bytes, so the rules get the rest.
 */
const MAX_RULES_SETTING_LENGTH = 3300;

/** The `RULES` variable; throws when exemptions or parameters make it too long for Lambda. */
export function rulesSetting(ruleSet: RuleSet, environmentSuffix: string): string {
  const setting = JSON.stringify(deployedRules(ruleSet, environmentSuffix));
  if (setting.length > MAX_RULES_SETTING_LENGTH) {
    throw new Error(`rules: the rule set takes ${setting.length} characters of the functions' environment, over the ` +
      `${MAX_RULES_SETTING_LENGTH} that Lambda's 4 KB limit leaves: exempt resources by tag (Exemption.ofTag) instead of listing their ids.`);
  }
  return setting;
}
