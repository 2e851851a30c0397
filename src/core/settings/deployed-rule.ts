import { Severity } from '../rules/severity';

/** An exemption as the handlers read it. */
export interface DeployedExemption {
  /** The exempt resource ids; absent for a tag exemption. */
  readonly resourceIds?: string[];
  /** The tag of a tag exemption. */
  readonly tag?: { readonly key: string; readonly value: string };
  readonly reason: string;
  /** Who approved it, and its ticket; absent when not given. */
  readonly approvedBy?: string;
  readonly ticket?: string;
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

/**
 * Lambda allows 4 KB of environment variables per function; the other variables take under 800
 * bytes, so the rules get the rest.
 */
const MAX_RULES_SETTING_LENGTH = 3300;

/**
 * The `RULES` variable as the construct writes it: the environment suffix once, and each rule
 * without what follows from its name (its Config name `{ruleName}{suffix}`, the catalog's severity,
 * evaluation by AWS). Forty built-in rules then take about 2 KB, where written in full they took 6.
 */
export interface CompactRulesSetting {
  /** What every deployed rule name ends with, its hyphen included: `-prod`. */
  readonly suffix: string;
  readonly rules: readonly CompactRule[];
}

/** A rule of {@link CompactRulesSetting}: a field that follows from the rule's name is left out. */
export type CompactRule = Omit<DeployedRule, 'configRuleName' | 'severity' | 'evaluationMode'>
  & Partial<Pick<DeployedRule, 'configRuleName' | 'severity' | 'evaluationMode'>>;

/** How a rule is evaluated when the setting does not say: by AWS, as a managed rule. */
export const DEFAULT_EVALUATION_MODE = 'MANAGED';

/** The suffix most of the rules' Config names share after their rule names. */
function commonSuffix(rules: readonly DeployedRule[]): string {
  const counts = new Map<string, number>();
  for (const { configRuleName, ruleName } of rules) {
    if (configRuleName.startsWith(ruleName)) {
      const suffix = configRuleName.slice(ruleName.length);
      counts.set(suffix, (counts.get(suffix) ?? 0) + 1);
    }
  }
  return [...counts].reduce<[string, number]>((best, entry) => (entry[1] > best[1] ? entry : best), ['', 0])[0];
}

/** A rule with only what its name does not imply; `defaultSeverity` gives the catalog's severity of a built-in rule. */
function compactRule(rule: DeployedRule, suffix: string, defaultSeverity: (ruleName: string) => Severity | undefined): CompactRule {
  const { configRuleName, severity, evaluationMode, ...rest } = rule;
  return {
    ...(configRuleName === `${rule.ruleName}${suffix}` ? {} : { configRuleName }),
    ...(severity === defaultSeverity(rule.ruleName) ? {} : { severity }),
    ...(evaluationMode === DEFAULT_EVALUATION_MODE ? {} : { evaluationMode }),
    ...rest,
  };
}

/**
 * The `RULES` variable, as the handlers decode it (`CompactRulesSetting`); throws when exemptions or
 * parameters make it too long for Lambda.
 */
export function encodeRulesSetting(rules: readonly DeployedRule[], defaultSeverity: (ruleName: string) => Severity | undefined): string {
  const suffix = commonSuffix(rules);
  const compact: CompactRulesSetting = { suffix, rules: rules.map((rule) => compactRule(rule, suffix, defaultSeverity)) };
  const setting = JSON.stringify(compact);
  if (setting.length > MAX_RULES_SETTING_LENGTH) {
    throw new Error(`rules: the rule set takes ${setting.length} characters of the functions' environment, over the ` +
      `${MAX_RULES_SETTING_LENGTH} that Lambda's 4 KB limit leaves: exempt resources by tag (Exemption.ofTag) instead of listing their ids.`);
  }
  return setting;
}
