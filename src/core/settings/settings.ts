import { CompactRule, CompactRulesSetting, DEFAULT_EVALUATION_MODE, DeployedRule } from './deployed-rule';
import type { FrameworksSetting } from '../frameworks/report-frameworks';
import { RULE_CATALOG } from '../rules/catalog';
import { Severity } from '../rules/severity';

export type { DeployedRule };

/** A built-in rule's default severity, or undefined for a rule outside the catalog. */
export function builtInSeverity(ruleName: string): Severity | undefined {
  return RULE_CATALOG.get(ruleName)?.defaultSeverity as Severity | undefined;
}

/** A handler's configuration is wrong: the construct and the handler disagree. */
export class SettingsError extends Error {}

/** One required environment variable. */
export function requiredSetting(env: Readonly<Record<string, string | undefined>>, name: string): string {
  const value = env[name];
  if (!value) {
    throw new SettingsError(`environment variable ${name} is not set: the function was not deployed by ComplianceMonitor`);
  }
  return value;
}

const SEVERITIES = new Set<string>(Object.values(Severity));

const RULES_SHAPE = 'a list of {configRuleName, ruleName, severity, evaluationMode}, or {suffix, rules} with what follows from a rule\'s name left out';

/** A rule of the compact form, in full: its Config name, severity and evaluation mode as its name implies them. */
function fullRule(rule: CompactRule, suffix: string): DeployedRule | undefined {
  if (typeof rule?.ruleName !== 'string') {
    return undefined;
  }
  const severity = rule.severity ?? builtInSeverity(rule.ruleName);
  if (severity === undefined || !SEVERITIES.has(severity)) {
    return undefined;
  }
  return { ...rule, configRuleName: rule.configRuleName ?? `${rule.ruleName}${suffix}`, severity, evaluationMode: rule.evaluationMode ?? DEFAULT_EVALUATION_MODE };
}

/** The rule set from `RULES` (or another variable), as the construct writes it (`CompactRulesSetting`), or in full. */
export function deployedRules(env: Readonly<Record<string, string | undefined>>, name = 'RULES'): DeployedRule[] {
  let setting: unknown;
  try {
    setting = JSON.parse(requiredSetting(env, name));
  } catch (error) {
    throw error instanceof SettingsError ? error : new SettingsError(`environment variable ${name} is not JSON (${(error as Error).message})`);
  }
  const compact = setting as Partial<CompactRulesSetting> | undefined;
  const [suffix, listed] = Array.isArray(setting) ? ['', setting] : [compact?.suffix, compact?.rules];
  const rules = typeof suffix === 'string' && Array.isArray(listed) ? listed.map((rule) => fullRule(rule, suffix)) : [undefined];
  if (rules.some((rule) => rule === undefined || typeof rule.configRuleName !== 'string')) {
    throw new SettingsError(`environment variable ${name} must be ${RULES_SHAPE}`);
  }
  return rules as DeployedRule[];
}

/** A whole positive number: days, a threshold. */
export function countSetting(env: Readonly<Record<string, string | undefined>>, name: string): number {
  const count = Number(requiredSetting(env, name));
  if (!Number.isInteger(count) || count < 1) {
    throw new SettingsError(`environment variable ${name} must be a whole number, at least 1 (got "${env[name]}")`);
  }
  return count;
}

/** One of a few values. */
export function oneOfSetting<T extends string>(env: Readonly<Record<string, string | undefined>>, name: string, values: readonly T[]): T {
  const value = requiredSetting(env, name);
  if (!(values as readonly string[]).includes(value)) {
    throw new SettingsError(`environment variable ${name} must be one of ${values.join(', ')} (got "${value}")`);
  }
  return value as T;
}

/** The frameworks a monitor's reports show (`REPORT_FRAMEWORKS`), as the construct writes them. */
export function frameworksSetting(env: Readonly<Record<string, string | undefined>>, name: string): FrameworksSetting {
  let setting: unknown;
  try {
    setting = JSON.parse(requiredSetting(env, name));
  } catch (error) {
    throw error instanceof SettingsError ? error : new SettingsError(`environment variable ${name} is not JSON (${(error as Error).message})`);
  }
  const { frameworks, controls } = (setting ?? {}) as Partial<FrameworksSetting>;
  const validControls = controls === undefined || Object.values(controls).every((byRule) =>
    typeof byRule === 'object' && byRule !== null && Object.values(byRule).every((ids) => Array.isArray(ids) && ids.every((id) => typeof id === 'string')));
  if (!Array.isArray(frameworks) || !frameworks.every((framework) => typeof framework?.id === 'string') || !validControls) {
    throw new SettingsError(`environment variable ${name} must be {"frameworks": [{"id": "PCI_DSS_4"}, ...], "controls": {"<framework>": {"<rule>": ["<control>", ...]}}}`);
  }
  return { frameworks, ...(controls ? { controls } : {}) };
}

/** A rule's name from its deployed Config rule name, `{ruleName}-{environmentSuffix}`. */
export function ruleNameOf(configRuleName: string, environmentSuffix: string): string {
  const suffix = `-${environmentSuffix}`;
  return configRuleName.endsWith(suffix) ? configRuleName.slice(0, -suffix.length) : configRuleName;
}
